"""Once the person is known, every text the server writes for them is in the
language they chose, not the one their browser asks for; before sign-in, the
language chosen on this phone (the switcher's cookie) wins over the browser's."""

from __future__ import annotations

import re

from server.i18n import I18n
from tests import factories

URDU = re.compile("[\u0600-\u06ff]")
ENGLISH_BROWSER = {"Accept-Language": "en-GB,en;q=0.9"}


def urdu(text: str) -> bool:
    return bool(URDU.search(text))


async def _joined_in_urdu(client, world) -> str:
    client.headers.update(ENGLISH_BROWSER)
    csrf = await factories.join(client, world.young_person)
    chose = await client.put(
        "/api/me/locale", json={"locale": "ur"}, headers={"X-CSRF-Token": csrf}
    )
    assert chose.status_code == 200 and chose.json()["locale"] == "ur"
    return csrf


async def test_a_person_who_chose_urdu_reads_every_server_text_in_urdu(client):
    world = await factories.world()
    csrf = await _joined_in_urdu(client, world)
    send = {"X-CSRF-Token": csrf}

    invalid = await client.post("/api/contributions", json={"text": 5}, headers=send)
    assert invalid.status_code == 422
    assert urdu(invalid.json()["title"])
    assert invalid.json()["errors"] and all(urdu(e["message"]) for e in invalid.json()["errors"])

    malformed = await client.post(
        "/api/contributions",
        content=b"{",
        headers={**send, "Content-Type": "application/json"},
    )
    assert malformed.status_code == 400 and urdu(malformed.json()["title"])

    cross_site = await client.delete("/api/session")  # no CSRF token
    assert cross_site.status_code == 403 and urdu(cross_site.json()["title"])

    wrong_pin = await client.post("/api/sessions/family", json={"pin": "1357"}, headers=send)
    assert wrong_pin.status_code == 401 and urdu(wrong_pin.json()["title"])

    shell = await client.get("/")
    assert '<html lang="ur" dir="rtl"' in shell.text

    mine = await client.get("/api/family/my-data")
    assert mine.status_code == 200 and urdu(mine.text)


async def test_a_practitioners_rejected_input_follows_their_choice(client):
    world = await factories.world()
    client.headers.update(ENGLISH_BROWSER)
    csrf = await factories.sign_in_practitioner(client, world.lead)
    send = {"X-CSRF-Token": csrf}
    assert (await client.put("/api/me/locale", json={"locale": "ur"}, headers=send)).is_success
    invalid = await client.post(
        f"/api/circles/{world.circle.id}/members", json={"name": ""}, headers=send
    )
    assert invalid.status_code == 422 and urdu(invalid.json()["title"])

    circle = (await client.get(f"/api/circles/{world.circle.id}")).json()
    labels = [m["role_label"] for m in circle["members"]]
    labels += [t["agency_label"] for t in circle["team"]]
    assert labels and all(urdu(label) for label in labels), labels

    printed = await client.get(f"/print/circles/{world.circle.id}/plan")
    for heading in re.findall(r"<(h1|title|h2|p)>(.*?)</\1>", printed.text):
        assert urdu(heading[1]), heading


async def test_before_sign_in_the_phones_chosen_language_wins(client):
    await factories.world()
    client.headers.update(ENGLISH_BROWSER)
    client.cookies.set("alongside-lang", "pl")
    assert '<html lang="pl"' in (await client.get("/")).text
    refused = await client.post("/api/sessions/family", json={"pin": "1357"})
    polish = I18n().get("pl").translations.gettext
    assert refused.json()["title"] == polish(
        "This phone is not set up yet. Please use the invitation code from your worker."
    )
    client.cookies.set("alongside-lang", "xx")  # not a language we speak: the browser's
    assert '<html lang="en"' in (await client.get("/")).text


async def test_an_invitation_link_opens_in_the_family_members_language(client):
    world = await factories.world()
    csrf = await factories.sign_in_practitioner(client, world.lead)
    added = await client.post(
        f"/api/circles/{world.circle.id}/members",
        json={"name": "Ana", "role": "parent", "age_band": "adult", "locale": "ro"},
        headers={"X-CSRF-Token": csrf},
    )
    link = added.json()["invitation"]["link"]
    assert "lang=ro" in link
    client.cookies.clear()
    opened = await client.get("/" + link.split("/", 3)[3].split("#")[0])
    assert '<html lang="ro"' in opened.text
    # The phone keeps that language for the PIN screen that follows.
    assert opened.cookies.get("alongside-lang") == "ro"

"""Every family-voice endpoint × every kind of person: exactly the allowed answer.
Ids that belong to someone else, or another circle, are not found (404)."""

import uuid

import pytest

from server.contributions.models import Audience, Contribution, ContributionKind
from tests import factories

PEOPLE = ["author", "other_child", "carer", "lead", "teammate", "outsider", "signed_out"]
FAMILY = {"author": 200, "other_child": 200, "carer": 200}
PRACTITIONERS = {"lead": 403, "teammate": 403, "outsider": 403}


def everyone(family, practitioners, signed_out=401):
    return {**{p: family for p in FAMILY}, **{p: practitioners for p in PRACTITIONERS},
            "signed_out": signed_out}


def only_author(status):
    return {**everyone(404, 404), "author": status}


# (method, path, body, expected status per person). {item}: Sam's shared item.
MATRIX = [
    ("GET", "/api/family/home", None, everyone(200, 403)),
    ("GET", "/api/contributions", None, everyone(200, 403)),
    ("POST", "/api/contributions", "new", everyone(201, 403)),
    ("GET", "/api/contributions/{item}", None, only_author(200)),
    ("PATCH", "/api/contributions/{draft}", {"version": 1, "text": "edited"}, only_author(200)),
    ("PUT", "/api/contributions/{item}/audience", {"audience": "my_worker"}, only_author(200)),
    ("POST", "/api/contributions/{item}/withdraw", None, only_author(200)),
    ("DELETE", "/api/contributions/{draft}", None, only_author(204)),
    ("GET", "/api/family/shared-with-me", None, everyone(200, 403)),
    ("POST", "/api/family/sharing-explained", None, everyone(204, 403)),
    ("PUT", "/api/family/simple-mode", {"simple_mode": False}, everyone(200, 403)),
    ("POST", "/api/family/urgent", None, everyone(201, 403)),
    ("GET", "/api/family/my-data", None, everyone(200, 403)),
    ("GET", "/api/circles/{circle}/voice", None,
     {**everyone(404, 200), "outsider": 404}),
    ("GET", "/api/circles/{other_circle}/voice", None,
     {**everyone(404, 404), "outsider": 200}),
]


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize(("method", "path", "body", "expected"), MATRIX,
                         ids=[f"{m} {p}" for m, p, _, _ in MATRIX])
async def test_access(client, person, method, path, body, expected):
    world = await factories.world()
    item = await Contribution.create(
        circle=world.circle, author=world.young_person, kind=ContributionKind.WORRIED_ABOUT,
        text="shared words", audience=Audience.MY_MEETING)
    draft = await Contribution.create(
        circle=world.circle, author=world.young_person, kind=ContributionKind.GOING_WELL,
        text="draft words")
    who = {"author": world.young_person, "other_child": world.child, "carer": world.parent,
           "lead": world.lead, "teammate": world.teammate, "outsider": world.outsider}
    if person != "signed_out":
        await factories.act_as(client, who[person])
    if body == "new":
        body = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "hello"}
    url = path.format(item=item.id, draft=draft.id, circle=world.circle.id,
                      other_circle=world.other_circle.id)
    response = await client.request(method, url, json=body)
    assert response.status_code == expected[person], response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert "shared words" not in response.text and "draft words" not in response.text
    if person not in ("author",) and response.status_code < 400:
        assert "draft words" not in response.text
        if person in ("other_child", "carer"):
            assert "shared words" not in response.text
    unchanged = await Contribution.get(id=item.id)
    if person != "author":
        assert (unchanged.text, unchanged.audience, unchanged.withdrawn_at) == (
            "shared words", Audience.MY_MEETING, None)


@pytest.mark.parametrize("person", PEOPLE)
async def test_only_the_circles_team_can_send_a_new_invitation(client, person):
    world = await factories.world()
    who = {"author": world.young_person, "other_child": world.child, "carer": world.parent,
           "lead": world.lead, "teammate": world.teammate, "outsider": world.outsider}
    if person != "signed_out":
        await factories.act_as(client, who[person])
    url = f"/api/circles/{world.circle.id}/members/{world.young_person.id}/invitations"
    response = await client.post(url)
    expected = {"lead": 201, "teammate": 201, "signed_out": 401}.get(person, 404)
    assert response.status_code == expected, response.text
    if expected == 201:
        code = response.json()["code"]
        assert response.json()["link"].endswith(f"/#/join/{code}")
        joined = await client.post("/api/invitations/redeem", json={"code": code, "pin": "9753"})
        assert joined.json()["name"] == "Sam"


async def test_an_invitation_names_a_member_of_that_circle_only(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    url = f"/api/circles/{world.circle.id}/members/{world.other_young_person.id}/invitations"
    assert (await client.post(url)).status_code == 404

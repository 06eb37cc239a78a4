"""Secret numbers (PINs) that resist guessing: easy ones are refused when chosen,
and each pause after too many wrong tries is longer than the one before.

Time moves on by writing the tries and pauses as if they happened earlier."""

from datetime import timedelta

import pytest

from server.audit.models import AuditEvent
from server.auth.models import Attempt, Device, Invitation, Lockout
from server.auth.pins import too_easy
from server.jobs.models import Job
from tests import factories

TOO_EASY = (
    "That secret number is too easy to guess. Please do not use the same number again and "
    "again, numbers in order like 1234, or a year or a date."
)
RIGHT, WRONG = "2468", "9173"


async def later(minutes: float) -> None:
    """As if `minutes` had passed: every try and pause happened that much earlier."""
    gap = timedelta(minutes=minutes)
    for attempt in await Attempt.all():
        attempt.at -= gap
        await attempt.save(update_fields=["at"])
    for lockout in await Lockout.all():
        lockout.at -= gap
        lockout.until -= gap
        await lockout.save(update_fields=["at", "until"])


async def sign_in(client, pin, **headers):
    return await client.post("/api/sessions/family", json={"pin": pin}, headers=headers)


async def five_wrong(client, **headers):
    """Five wrong PINs in a row; returns the last answer, which starts a pause."""
    for _ in range(4):
        wrong = await sign_in(client, WRONG, **headers)
        assert wrong.status_code == 401 and "retry-after" not in wrong.headers, wrong.text
    return await sign_in(client, WRONG, **headers)


async def pauses_in_a_row(client, waits) -> None:
    """A pause for each of `waits` (minutes), each sat out before the next."""
    for wait in waits:
        await five_wrong(client)
        await later(wait + 1)


def minutes_to_wait(response) -> int:
    return int(response.headers["retry-after"]) // 60


async def joined_on_a_phone(client, person):
    await factories.join(client, person, pin=RIGHT)
    client.cookies.delete("alongside-session")


async def told_lead() -> list[dict]:
    jobs = await Job.filter(kind="notify").order_by("id")
    return [job.payload for job in jobs if job.payload["reason"] == "sign_in_trouble"]


@pytest.mark.parametrize(
    "pin",
    [
        "0000",
        "1111",
        "1234",
        "4321",
        "0123",
        "9876",
        "7890",
        "1212",
        "1122",
        "1990",
        "2012",
        "0101",
        "3112",
        "2580",
        "123456",
        "654321",
        "121212",
        "112233",
        "250312",
        "99999",
    ],
)
async def test_an_easy_pin_is_refused_when_joining(client, pin):
    world = await factories.world()
    code = await factories.invitation_code(world.young_person)
    response = await client.post("/api/invitations/redeem", json={"code": code, "pin": pin})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "pin", "code": "invalid", "message": TOO_EASY}]
    assert (await Invitation.get(member=world.young_person)).redeemed_at is None
    assert await Device.all().count() == 0


async def test_the_easy_pin_message_is_in_the_persons_language(client):
    world = await factories.world()
    code = await factories.invitation_code(world.young_person)
    response = await client.post(
        "/api/invitations/redeem",
        json={"code": code, "pin": "1111"},
        headers={"Accept-Language": "pl"},
    )
    [error] = response.json()["errors"]
    assert error["field"] == "pin" and error["message"] != TOO_EASY and "1234" in error["message"]


@pytest.mark.parametrize("pin", ["2468", "1357", "9753", "5826", "3094", "385912", "70461"])
def test_pins_that_are_not_easy_to_guess_are_allowed(pin):
    assert not too_easy(pin)


async def test_wrong_pins_say_plainly_how_long_to_wait(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    first = await sign_in(client, WRONG)
    assert first.json()["title"] == "That secret number is not right. Please try again."
    for _ in range(3):
        await sign_in(client, WRONG)
    fifth = await sign_in(client, WRONG)
    assert fifth.status_code == 401
    assert (
        fifth.json()["title"]
        == "That secret number is not right. Please wait 10 minutes, then try again."
    )
    assert minutes_to_wait(fifth) == 10
    paused = await sign_in(client, RIGHT)
    assert paused.status_code == 429
    assert paused.json()["title"] == "Too many tries. Please wait 10 minutes, then try again."
    await later(9.5)
    almost = await sign_in(client, RIGHT)
    assert almost.json()["title"] == "Too many tries. Please wait 1 minute, then try again."
    await later(1)
    assert (await sign_in(client, RIGHT)).status_code == 200


async def test_the_wait_is_said_in_the_persons_language(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    fifth = await five_wrong(client, **{"Accept-Language": "pl"})
    assert "10" in fifth.json()["title"] and "wait" not in fifth.json()["title"]


async def test_each_pause_in_a_row_is_longer_up_to_four_hours(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    waits = []
    for _ in range(6):
        fifth = await five_wrong(client)
        waits.append(minutes_to_wait(fifth))
        assert (await sign_in(client, RIGHT)).status_code == 429
        await later(waits[-1] + 1)
    assert waits == [10, 30, 60, 120, 240, 240]


async def test_a_day_without_a_pause_starts_again_from_ten_minutes(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    for wait in (10, 30):
        assert minutes_to_wait(await five_wrong(client)) == wait
        await later(wait + 1)
    await later(23 * 60)
    assert minutes_to_wait(await five_wrong(client)) == 60  # less than a day: still in a row
    await later(60 + 24 * 60 + 1)
    assert minutes_to_wait(await five_wrong(client)) == 10


async def test_slow_guessing_still_adds_up_over_a_day(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    for _ in range(4):
        await sign_in(client, WRONG)
        await later(3 * 60)  # four tries, three hours apart
    fifth = await sign_in(client, WRONG)
    assert fifth.status_code == 401 and minutes_to_wait(fifth) == 10


async def test_wrong_tries_from_more_than_a_day_ago_are_forgotten(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    for _ in range(4):
        await sign_in(client, WRONG)
    await later(24 * 60 + 1)
    fifth = await sign_in(client, WRONG)
    assert fifth.json()["title"] == "That secret number is not right. Please try again."


async def test_the_right_pin_starts_afresh(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    assert minutes_to_wait(await five_wrong(client)) == 10
    await later(11)
    for _ in range(3):
        await sign_in(client, WRONG)
    assert (await sign_in(client, RIGHT)).status_code == 200
    client.cookies.delete("alongside-session")
    # The three wrong tries are forgotten, and the pauses start again from the first.
    assert minutes_to_wait(await five_wrong(client)) == 10


async def test_the_lead_is_told_once_after_the_third_pause_in_a_row(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    await pauses_in_a_row(client, (10, 30))
    assert await told_lead() == []
    await five_wrong(client)
    assert await told_lead() == [
        {"person": "practitioner", "id": str(world.lead.id), "reason": "sign_in_trouble"}
    ]
    for wait in (60, 120):
        await later(wait + 1)
        await five_wrong(client)
    assert len(await told_lead()) == 1
    told = await AuditEvent.filter(action="lead_told_sign_in_trouble")
    assert [(e.member_id, e.practitioner_id, e.subject_type) for e in told] == [
        (world.young_person.id, world.lead.id, "Device")
    ]
    assert await AuditEvent.filter(action="pin_paused", member=world.young_person).count() == 5


async def test_a_new_run_of_pauses_tells_the_lead_again(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    for _ in range(2):
        await pauses_in_a_row(client, (10, 30, 60))
        await later(24 * 60 + 1)
    assert len(await told_lead()) == 2


async def test_another_phones_pauses_do_not_count(client):
    world = await factories.world()
    await joined_on_a_phone(client, world.young_person)
    await pauses_in_a_row(client, (10, 30))
    sams_phone = client.cookies.get("alongside-device")
    client.cookies.clear()
    await joined_on_a_phone(client, world.parent)  # another phone, another person
    assert minutes_to_wait(await five_wrong(client)) == 10
    assert await told_lead() == []
    client.cookies.clear()
    client.cookies.set("alongside-device", sams_phone)
    assert minutes_to_wait(await five_wrong(client)) == 60
    assert len(await told_lead()) == 1

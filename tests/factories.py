"""Building the people and circles tests need, through the same services the
app uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx2 as httpx

from server.auth.models import Device, Session
from server.auth.secrets import hash_secret, keyed_hash, new_token
from server.auth.service import invite
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.meetings.models import Meeting, MeetingKind
from server.organisations.models import Agency, Organisation, Practitioner, Role
from tests.conftest import TEST_SECRET

PASSWORD = "correct horse battery"
_password_hash: list[str] = []


async def password_hash() -> str:
    """Argon2 is slow on purpose; tests hash the one test password once."""
    if not _password_hash:
        _password_hash.append(await hash_secret(PASSWORD))
    return _password_hash[0]


async def practitioner(
    organisation: Organisation,
    email: str,
    name: str,
    agency: Agency = Agency.SOCIAL_CARE,
    role: Role = Role.PRACTITIONER,
    **more: Any,
) -> Practitioner:
    return await Practitioner.create(
        organisation=organisation,
        email=email,
        name=name,
        agency=agency,
        role=role,
        password_hash=await password_hash(),
        **more,
    )


async def member(circle: Circle, name: str, role: FamilyRole, age_band: AgeBand) -> FamilyMember:
    return await FamilyMember.create(circle=circle, name=name, role=role, age_band=age_band)


@dataclass
class World:
    """Two circles: Sam's (lead Priya, team member Tom) and another (lead Olu)."""

    circle: Circle
    lead: Practitioner
    teammate: Practitioner
    outsider: Practitioner
    young_person: FamilyMember
    child: FamilyMember
    parent: FamilyMember
    other_circle: Circle
    other_young_person: FamilyMember
    meeting: Meeting


async def world() -> World:
    organisation = await Organisation.create(name="Test partnership")
    lead = await practitioner(organisation, "priya@example.test", "Priya Shah")
    teammate = await practitioner(organisation, "tom@example.test", "Tom Evans", Agency.SCHOOL)
    outsider = await practitioner(organisation, "olu@example.test", "Olu Ade", Agency.HEALTH)
    circle = await Circle.create(organisation=organisation, name="Sam and Mia")
    other = await Circle.create(organisation=organisation, name="Another family")
    await TeamMember.create(circle=circle, practitioner=lead, is_lead=True)
    await TeamMember.create(circle=circle, practitioner=teammate)
    await TeamMember.create(circle=other, practitioner=outsider, is_lead=True)
    meeting = await Meeting.create(
        circle=circle,
        kind=MeetingKind.CHILD_IN_NEED_REVIEW,
        place="Civic Centre",
        starts_at=datetime.now(UTC) + timedelta(days=7),
    )
    return World(
        circle=circle,
        lead=lead,
        teammate=teammate,
        outsider=outsider,
        young_person=await member(circle, "Sam", FamilyRole.YOUNG_PERSON, AgeBand.FROM_12_TO_15),
        child=await member(circle, "Mia", FamilyRole.CHILD, AgeBand.FROM_8_TO_11),
        parent=await member(circle, "Alex", FamilyRole.PARENT, AgeBand.ADULT),
        other_circle=other,
        other_young_person=await member(
            other, "Kai", FamilyRole.YOUNG_PERSON, AgeBand.FROM_16_TO_17
        ),
        meeting=meeting,
    )


async def invitation_code(person: FamilyMember, hours: int = 72) -> str:
    return await invite(TEST_SECRET, person, hours=hours)


async def sign_in_practitioner(client: httpx.AsyncClient, person: Practitioner) -> str:
    """Signs in; returns the CSRF token to send with changes."""
    response = await client.post(
        "/api/sessions/practitioner", json={"email": person.email, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    return response.json()["csrf_token"]


async def join(
    client: httpx.AsyncClient, person: FamilyMember, pin: str = "2468", **again: Any
) -> str:
    """Redeems a fresh invitation on this client's 'phone'; returns the CSRF token.
    Joining again needs `old_pin=...` or `start_fresh=True`."""
    response = await client.post(
        "/api/invitations/redeem",
        json={"code": await invitation_code(person), "pin": pin, **again},
    )
    assert response.status_code == 200, response.text
    return response.json()["csrf_token"]


async def act_as(client: httpx.AsyncClient, person: Practitioner | FamilyMember) -> None:
    """Signs `client` in as `person` without the slow password hash: a session row
    and cookie exactly like the ones sign-in makes, with the CSRF header set."""
    token, csrf = new_token(), new_token()
    is_practitioner = isinstance(person, Practitioner)
    phone = (
        None
        if is_practitioner
        else await Device.create(member=person, key_hash=keyed_hash(TEST_SECRET, new_token()))
    )
    await Session.create(
        token_hash=keyed_hash(TEST_SECRET, token),
        csrf_token=csrf,
        practitioner=person if is_practitioner else None,
        member=None if is_practitioner else person,
        device=phone,
        last_seen_at=datetime.now(UTC),
    )
    client.cookies.clear()
    client.cookies.set("alongside-session", token)
    client.headers["X-CSRF-Token"] = csrf

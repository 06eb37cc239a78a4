"""Demo data: the partnership's social care, a school (Riverside Academy), a
practitioner from each on one circle (a 14-year-old, a 9-year-old and a parent)
in mid-flow (see demo_story).

Running it again changes nothing but the invitation codes: unused codes are
replaced, because only their hashes are kept and new ones must be shown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import Tortoise

from server import demo_history, demo_story
from server.auth.secrets import hash_secret
from server.auth.service import invite
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.circles.service import join_link
from server.db import tortoise_config
from server.meetings.models import Meeting, MeetingKind
from server.organisations.models import ROLE_LABELS, Agency, Organisation, Practitioner, Role, Team
from server.settings import Settings

ORGANISATION = "Alongside demo partnership"
PASSWORD = "demo-password"
PRACTITIONERS = [
    ("priya.shah@demo.alongside.test", "Priya Shah", Agency.SOCIAL_CARE, True),
    ("tom.evans@demo.alongside.test", "Tom Evans", Agency.SCHOOL, False),
]
TEAM = "Children's social care, east"
#: The school worker's own organisation and team: the family sees him join from there.
SCHOOL = "Riverside Academy"
SCHOOL_TEAM = "Pastoral team"
#: People who run the partnership rather than work with families: not on the circle.
STAFF = [
    ("ada.admin@demo.alongside.test", "Ada Admin", Role.PARTNERSHIP_ADMIN),
    ("maya.manager@demo.alongside.test", "Maya Manager", Role.TEAM_MANAGER),
]
FAMILY = [
    ("Sam", FamilyRole.YOUNG_PERSON, AgeBand.FROM_12_TO_15, False),
    ("Mia", FamilyRole.CHILD, AgeBand.FROM_8_TO_11, True),
    ("Alex", FamilyRole.PARENT, AgeBand.ADULT, False),
]


async def _school() -> tuple[Organisation, Team]:
    school, _ = await Organisation.get_or_create(name=SCHOOL, defaults={"agency": Agency.SCHOOL})
    team, _ = await Team.get_or_create(organisation=school, name=SCHOOL_TEAM)
    return school, team


async def _practitioners(organisation: Organisation) -> list[tuple[Practitioner, bool]]:
    """The lead from the partnership's social care; the school worker from his school."""
    people = []
    for email, name, agency, is_lead in PRACTITIONERS:
        home, team = (organisation, None) if agency != Agency.SCHOOL else await _school()
        person = await Practitioner.get_or_none(email=email)
        if person is None:
            person = await Practitioner.create(
                organisation=home,
                team=team,
                email=email,
                name=name,
                agency=agency,
                password_hash=await hash_secret(PASSWORD),
            )
        elif team is not None and person.organisation_id != home.id:
            # A demo made before he had a school of his own: he moves there.
            person.organisation, person.team = home, team
            await person.save(update_fields=["organisation_id", "team_id"])
        people.append((person, is_lead))
    return people


async def _staff(organisation: Organisation, lead: Practitioner) -> list[Practitioner]:
    """A partnership administrator, and a manager of the lead's team."""
    team, _ = await Team.get_or_create(organisation=organisation, name=TEAM)
    people = []
    for email, name, role in STAFF:
        person = await Practitioner.get_or_none(email=email)
        if person is None:
            person = await Practitioner.create(
                organisation=organisation,
                email=email,
                name=name,
                agency=Agency.SOCIAL_CARE,
                role=role,
                team=team if role == Role.TEAM_MANAGER else None,
                password_hash=await hash_secret(PASSWORD),
            )
        if role == Role.TEAM_MANAGER and team.manager_id is None:
            team.manager = person
            await team.save(update_fields=["manager_id"])
        people.append(person)
    if lead.team_id is None:
        lead.team = team
        await lead.save(update_fields=["team_id"])
    return people


async def _circle(organisation: Organisation, team: list[tuple[Practitioner, bool]]) -> Circle:
    circle, created = await Circle.get_or_create(organisation=organisation, name="Sam and Mia")
    if created:
        for name, role, age_band, simple in FAMILY:
            await FamilyMember.create(
                circle=circle, name=name, role=role, age_band=age_band, simple_mode=simple
            )
        for practitioner, is_lead in team:
            await TeamMember.create(circle=circle, practitioner=practitioner, is_lead=is_lead)
        await demo_story.tell(circle, lead=team[0][0], colleague=team[1][0])
    if not await Meeting.filter(circle=circle, starts_at__gte=datetime.now(UTC)).exists():
        starts = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
        await Meeting.create(
            circle=circle,
            kind=MeetingKind.CHILD_IN_NEED_REVIEW,
            starts_at=starts + timedelta(days=10),
            place="Civic Centre, room 2",
            created_by=team[0][0],
        )
    return circle


async def build(organisation: Organisation) -> Circle:
    """The demo's people and circle, made once; returns the circle."""
    return await _circle(organisation, await _practitioners(organisation))


async def populate(
    organisation: Organisation,
) -> tuple[list[tuple[Practitioner, bool]], list[Practitioner], Circle]:
    """Everything the demo holds, made once: its people, the circle in
    mid-flow, and a year of synthetic history in the manager's team."""
    team = await _practitioners(organisation)
    staff = await _staff(organisation, team[0][0])
    circle = await _circle(organisation, team)
    lead = await Practitioner.get(id=team[0][0].id)  # with the team _staff gave her
    manager = next(p for p in staff if p.role == Role.TEAM_MANAGER)
    await demo_history.add(lead, manager)
    return team, staff, circle


async def create_demo(settings: Settings) -> dict[str, Any]:
    """Create (or find) the demo data; return how to sign in."""
    await Tortoise.init(config=tortoise_config(settings.db_url))
    try:
        organisation, _ = await Organisation.get_or_create(name=ORGANISATION)
        team, staff, circle = await populate(organisation)
        invitations = []
        for member in await FamilyMember.filter(circle=circle).order_by("created_at"):
            code = await invite(settings.secret_key, member, hours=settings.invitation_hours)
            invitations.append(
                {
                    "name": member.name,
                    "role": member.role.value,
                    "locale": member.locale,
                    "code": code,
                    "link": join_link(settings.base_url, member, code),
                }
            )
        return {
            "url": settings.base_url,
            "practitioners": [
                {"name": p.name, "email": p.email, "password": PASSWORD, "lead": is_lead}
                for p, is_lead in team
            ],
            "family": invitations,
            "staff": [
                {
                    "name": p.name,
                    "email": p.email,
                    "password": PASSWORD,
                    "role": p.role.value,
                    "role_label": ROLE_LABELS[p.role],
                }
                for p in staff
            ],
        }
    finally:
        await Tortoise.close_connections()


def describe(demo: dict[str, Any]) -> str:
    lines = [f"Alongside demo at {demo['url']}", "", "Practitioners sign in with:"]
    lines += [
        f"  {p['name']}{' (lead practitioner)' if p.get('lead') else ''}: "
        f"{p['email']} / {p['password']}"
        for p in demo["practitioners"]
    ]
    lines += ["", "They run the partnership (not on the family's circle):"]
    lines += [
        f"  {p['name']} ({p['role_label']}): {p['email']} / {p['password']}" for p in demo["staff"]
    ]
    lines += ["  Their annual review shows a year of synthetic history (made-up families)."]
    lines += ["", "Family members join with a one-time invitation (open the link on a phone):"]
    lines += [f"  {f['name']} ({f['role']}): code {f['code']}  {f['link']}" for f in demo["family"]]
    return "\n".join(lines)

"""Hand-built histories for the annual review: circles led from a team, with
family members who joined long before the year, meetings on given days, and who
was asked for their views how many days before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from server.organisations.models import Organisation, Practitioner, Role, Team
from tests import factories

YEAR = 2025
LONG_AGO = datetime(YEAR - 1, 6, 1, tzinfo=UTC)


def day(month: int, date: int, hour: int = 10) -> datetime:
    return datetime(YEAR, month, date, hour, tzinfo=UTC)


async def team_with_manager(organisation: Organisation, name: str) -> tuple[Team, Practitioner]:
    team = await Team.create(organisation=organisation, name=name)
    slug = name.lower().replace(" ", "-")
    manager = await factories.practitioner(
        organisation, f"manager-{slug}@example.test", f"Manager {name}", role=Role.TEAM_MANAGER
    )
    team.manager = manager
    await team.save(update_fields=["manager_id"])
    lead = await factories.practitioner(
        organisation, f"lead-{slug}@example.test", f"Lead {name}", team=team
    )
    return team, lead


async def families(
    lead: Practitioner,
    count: int,
    *,
    roles=(FamilyRole.YOUNG_PERSON, FamilyRole.PARENT),
    locale="en",
) -> list[tuple[Circle, list[FamilyMember]]]:
    """`count` circles led by `lead`, each with a member of each role."""
    made = []
    for n in range(count):
        circle = await Circle.create(
            organisation_id=lead.organisation_id, name=f"Family {lead.name} {n}"
        )
        await TeamMember.create(circle=circle, practitioner=lead, is_lead=True)
        members = [
            await FamilyMember.create(
                circle=circle,
                name=f"Person {n}-{i} of {lead.name}",
                role=role,
                age_band=AgeBand.FROM_12_TO_15
                if role is FamilyRole.YOUNG_PERSON
                else AgeBand.ADULT,
                locale=locale,
            )
            for i, role in enumerate(roles)
        ]
        await FamilyMember.filter(circle=circle).update(created_at=LONG_AGO)
        made.append((circle, members))
    return made


async def meeting(
    circle: Circle, at: datetime, asked: dict[FamilyMember, int | None] | None = None
) -> Meeting:
    """A meeting at `at`; `asked` says how many days before each member was
    asked (None: never)."""
    held = await Meeting.create(circle=circle, kind=MeetingKind.CHILD_IN_NEED_REVIEW, starts_at=at)
    for member, days in (asked or {}).items():
        if days is not None:
            request = await ViewRequest.create(meeting=held, member=member, due_on=at.date())
            await ViewRequest.filter(id=request.id).update(created_at=at - timedelta(days=days))
    return held


async def review(client, person, year: int = YEAR, status: int = 200) -> dict:
    await factories.act_as(client, person)
    answer = await client.get(f"/api/review?year={year}")
    assert answer.status_code == status, answer.text
    return answer.json()


def cell(review: dict, measure: str, group, quarter, part=None) -> dict:
    """The cell of one measure for one group (None: all together) and quarter
    (None: the whole year)."""
    (found,) = [m for m in review["measures"] if m["key"] == measure]
    (one,) = [
        c
        for c in found["cells"]
        if c["group_id"] == (None if group is None else str(group.id))
        and c["quarter"] == quarter
        and c["part"] == part
    ]
    return one

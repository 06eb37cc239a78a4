"""The demo circle in mid-flow, so whoever signs in sees the product working at
once: a meeting next week with requests for views; Sam's shared worry and
strength and Alex's view; a published plan (version 1) with Alex's disagreement
waiting for a response; and version 2 in draft. Told once, when the circle is made."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from server.circles.models import Circle, FamilyMember
from server.contributions.models import Audience, Contribution, ContributionKind
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from server.organisations.models import Agency, Practitioner
from server.plans.models import (
    ActionStatus,
    Answer,
    Plan,
    PlanAnswer,
    PlanItem,
    PlanSection,
    PlanVersion,
)
from server.plans.service import snapshot_of


async def tell(circle: Circle, lead: Practitioner, colleague: Practitioner) -> None:
    members = {m.name: m for m in await FamilyMember.filter(circle=circle)}
    meeting = await _meeting_next_week(circle, lead, list(members.values()))
    worry, strength, alexs = await _their_views(circle, meeting, members)
    plan = await Plan.create(circle=circle)
    items = [
        await _item(plan, 0, PlanSection.WORKING_WELL, source=strength),
        await _item(plan, 1, PlanSection.WORKING_WELL, text="Sam goes to football every Saturday."),
        await _item(plan, 2, PlanSection.WORRIED_ABOUT, source=worry),
        await _item(plan, 3, PlanSection.NEEDS_TO_HAPPEN, source=alexs),
        await _item(
            plan,
            4,
            PlanSection.ACTIONS,
            text="Mr Evans checks in with Sam at school every Monday.",
            owner_practitioner=colleague,
            due_on=date.today() + timedelta(days=14),
            status=ActionStatus.NOT_STARTED,
        ),
    ]
    await PlanVersion.create(
        plan=plan,
        number=1,
        published_by=lead,
        snapshot={"items": [snapshot_of(item) for item in items]},
    )
    await PlanAnswer.create(
        item=items[1],
        member=members["Alex"],
        version_number=1,
        answer=Answer.DISAGREE,
        comment="He has not been to football since October: the club moved.",
        audience=Audience.MY_MEETING,
    )
    # Version 2, in draft: the team has added to the plan since publishing.
    await _item(
        plan,
        5,
        PlanSection.ACTIONS,
        text="Find a football club Sam can get to by bus.",
        owner_agency=Agency.EARLY_HELP.value,
        due_on=date.today() + timedelta(days=21),
        status=ActionStatus.NOT_STARTED,
    )


async def _meeting_next_week(
    circle: Circle, lead: Practitioner, members: list[FamilyMember]
) -> Meeting:
    starts = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    meeting = await Meeting.create(
        circle=circle,
        kind=MeetingKind.CHILD_IN_NEED_REVIEW,
        starts_at=starts + timedelta(days=7),
        place="Civic Centre, room 2",
        created_by=lead,
    )
    for member in members:
        await ViewRequest.create(
            meeting=meeting,
            member=member,
            due_on=date.today() + timedelta(days=5),
            requested_by=lead,
        )
    return meeting


async def _their_views(
    circle: Circle, meeting: Meeting, members: dict[str, FamilyMember]
) -> tuple[Contribution, Contribution, Contribution]:
    async def said(
        name: str, kind: ContributionKind, text: str, audience: Audience
    ) -> Contribution:
        return await Contribution.create(
            circle=circle,
            author=members[name],
            kind=kind,
            text=text,
            audience=audience,
            meeting=meeting,
        )

    worry = await said(
        "Sam",
        ContributionKind.WORRIED_ABOUT,
        "I worry when Mum and Dad argue at night. I can't sleep.",
        Audience.MY_MEETING,
    )
    strength = await said(
        "Sam",
        ContributionKind.GOING_WELL,
        "I'm good at looking after Mia in the morning.",
        Audience.MY_FAMILY_TOO,
    )
    alexs = await said(
        "Alex",
        ContributionKind.WANT_TO_HAPPEN,
        "I want help to get the children to school on time.",
        Audience.MY_MEETING,
    )
    return worry, strength, alexs


async def _item(
    plan: Plan,
    position: int,
    section: PlanSection,
    *,
    source: Contribution | None = None,
    text: str = "",
    **action: Any,
) -> PlanItem:
    return await PlanItem.create(
        plan=plan, section=section, source=source, text=text, position=position, **action
    )

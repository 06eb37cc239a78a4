"""Who is reminded before a meeting: someone asked for their views is reminded
until they have shared something for that meeting, or for no meeting in
particular since they were asked. A draft, withdrawn words, words for another
meeting or from before they were asked do not count; nor does anyone else's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server.contributions.models import Audience, Contribution, ContributionKind
from server.meetings.models import Meeting, MeetingKind
from server.sharing.family_words import has_shared_since
from tests import factories

ASKED = datetime.now(UTC) - timedelta(days=2)
BEFORE_ASKED = ASKED - timedelta(days=1)
SINCE_ASKED = ASKED + timedelta(days=1)

# What Sam wrote -> whether Sam still gets a reminder for this meeting.
CASES = {
    "shared for this meeting": (dict(meeting="this"), False),
    "shared for this meeting before being asked": (
        dict(meeting="this", created_at=BEFORE_ASKED),
        False,
    ),
    "shared for no meeting since being asked": (dict(), False),
    "shared for no meeting before being asked": (dict(created_at=BEFORE_ASKED), True),
    "shared for another meeting since being asked": (dict(meeting="another"), True),
    "a draft for this meeting": (dict(meeting="this", audience=Audience.JUST_ME), True),
    "withdrawn words for this meeting": (dict(meeting="this", withdrawn=True), True),
    "nothing; Alex shared for this meeting": (dict(meeting="this", author="parent"), True),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_a_reminder_goes_until_something_counts_as_shared(app, case):
    world = await factories.world()
    another = await Meeting.create(
        circle=world.circle,
        kind=MeetingKind.TEAM_AROUND_THE_FAMILY,
        place="School",
        starts_at=world.meeting.starts_at,
    )
    wrote, reminded = CASES[case]
    meeting = {"this": world.meeting, "another": another}.get(wrote.get("meeting"))
    item = await Contribution.create(
        circle=world.circle,
        author=getattr(world, wrote.get("author", "young_person")),
        meeting=meeting,
        kind=ContributionKind.MESSAGE,
        text="my views",
        audience=wrote.get("audience", Audience.MY_MEETING),
        withdrawn_at=datetime.now(UTC) if wrote.get("withdrawn") else None,
    )
    await Contribution.filter(id=item.id).update(created_at=wrote.get("created_at", SINCE_ASKED))
    shared = await has_shared_since(world.young_person.id, world.meeting.id, ASKED)
    assert shared is not reminded

"""The sharing rules, for each audience and reader. (The family-voice work adds a
property-based test over random circles and changes of choice.)"""

from datetime import UTC, datetime

import pytest

from server.auth.actor import Actor
from server.auth.models import Session
from server.circles.models import AgeBand, FamilyRole
from server.contributions.models import Audience, Contribution, ContributionKind
from server.sharing.policy import readable_contributions
from tests import factories
from tests.plans.helpers import share

# reader -> the audiences whose words they may read (author: Sam)
EXPECTED = {
    "young_person": {
        Audience.JUST_ME,
        Audience.MY_WORKER,
        Audience.MY_MEETING,
        Audience.MY_FAMILY_TOO,
    },
    "lead": {Audience.MY_WORKER, Audience.MY_MEETING, Audience.MY_FAMILY_TOO},
    "teammate": {Audience.MY_MEETING, Audience.MY_FAMILY_TOO},
    "parent": {Audience.MY_FAMILY_TOO},
    "child": set(),
    "outsider": set(),
    "other_young_person": set(),
}


def _actor(person) -> Actor:
    session = Session(csrf_token="x", last_seen_at=datetime.now(UTC))
    if hasattr(person, "agency"):
        return Actor(session, practitioner=person)
    return Actor(session, member=person)


@pytest.mark.parametrize("reader", sorted(EXPECTED))
async def test_each_reader_sees_exactly_what_the_author_allowed(app, reader):
    world = await factories.world()
    for audience in Audience:
        for withdrawn in (False, True):
            await Contribution.create(
                circle=world.circle,
                author=world.young_person,
                audience=audience,
                kind=ContributionKind.WORRIED_ABOUT,
                text=f"{audience} {withdrawn}",
                withdrawn_at=datetime.now(UTC) if withdrawn else None,
            )
    actor = _actor(getattr(world, reader))
    visible = await Contribution.filter(await readable_contributions(actor))
    seen = {(c.audience, c.withdrawn_at is not None) for c in visible}
    expected = {(a, False) for a in EXPECTED[reader]}
    if reader == "young_person":  # the author still sees their withdrawn words
        expected |= {(a, True) for a in Audience}
    assert seen == expected


async def test_a_closed_circle_is_read_by_nobody_on_its_team(app):
    world = await factories.world()
    await Contribution.create(
        circle=world.circle,
        author=world.young_person,
        audience=Audience.MY_MEETING,
        kind=ContributionKind.MESSAGE,
        text="x",
    )
    world.circle.closed_at = datetime.now(UTC)
    await world.circle.save()
    assert not await Contribution.filter(await readable_contributions(_actor(world.lead)))


async def test_a_carer_reads_my_family_too_words_of_their_own_circle_only(client):
    """Kills mutant P12: `_family_audience` without `circle_id=member.circle_id`
    would let a carer in any circle read every family's "my family too" words."""
    world = await factories.world()
    other_carer = await factories.member(
        world.other_circle, "Jo", FamilyRole.FOSTER_CARER, AgeBand.ADULT
    )
    await share(client, world.young_person, "for my family", "my_family_too")
    await share(client, world.other_young_person, "for Jo", "my_family_too")
    shown = {}
    for carer in (world.parent, other_carer):
        await factories.act_as(client, carer)
        items = (await client.get("/api/family/shared-with-me")).json()["items"]
        shown[carer.name] = [(item["author_name"], item["text"]) for item in items]
    assert shown == {"Alex": [("Sam", "for my family")], "Jo": [("Kai", "for Jo")]}

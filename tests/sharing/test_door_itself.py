"""The only door to family words keeps its rules itself, whichever screen asks:
a carer of another circle, or a phone that joined again without the old PIN,
gets nothing through it; it answers only about the answers it was asked about;
and it saves a draft's edit only onto that draft, at the version it was made from."""

from datetime import UTC, datetime, timedelta
from uuid import UUID

from server.circles.models import AgeBand, FamilyRole
from server.contributions.models import Contribution
from server.sharing import family_words
from tests import factories
from tests.plans.test_answer_comments import _answer, _published_item
from tests.sharing.test_policy import _actor


async def _answer_id(client, person, item_id, audience) -> UUID:
    return UUID((await _answer(client, person, item_id, audience=audience))["id"])


async def test_a_carer_of_another_circle_reads_no_comment_through_the_door(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sams = await _answer_id(client, world.young_person, item_id, "my_family_too")
    jo = await factories.member(world.other_circle, "Jo", FamilyRole.FOSTER_CARER, AgeBand.ADULT)
    assert await family_words.answer_ids_readable(_actor(world.parent), [sams]) == {sams}
    assert await family_words.answer_ids_readable(_actor(jo), [sams]) == set()


async def test_a_carer_who_joined_again_without_the_old_pin_cannot_open_their_earlier_comment(
    client,
):
    world = await factories.world()
    item_id = await _published_item(client, world)
    alexs = await _answer_id(client, world.parent, item_id, "my_family_too")
    assert await family_words.answer_ids_readable(_actor(world.parent), [alexs]) == {alexs}
    world.parent.own_words_since = datetime.now(UTC) + timedelta(seconds=1)
    assert await family_words.answer_ids_readable(_actor(world.parent), [alexs]) == set()


async def test_the_door_answers_only_about_the_answers_it_is_asked_about(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sams = await _answer_id(client, world.young_person, item_id, "my_meeting")
    await _answer_id(client, world.child, item_id, "my_meeting")
    alexs = await _answer_id(client, world.parent, item_id, "my_meeting")
    assert (await client.post(f"/api/family/plan/answers/{alexs}/withdraw")).status_code == 200
    lead = _actor(world.lead)
    assert await family_words.answer_ids_readable(lead, [sams]) == {sams}
    assert await family_words.answer_ids_withdrawn_from(lead, [sams]) == set()
    assert await family_words.answer_ids_withdrawn_from(lead, [alexs]) == {alexs}


async def test_a_carer_who_joined_again_without_the_old_pin_cannot_open_their_earlier_words(app):
    world = await factories.world()
    await Contribution.create(
        circle=world.circle,
        author=world.parent,
        kind="worried_about",
        text="for my family",
        audience="my_family_too",
    )
    world.parent.own_words_since = datetime.now(UTC) + timedelta(seconds=1)
    assert not await (await family_words.readable(_actor(world.parent))).exists()


async def test_after_joining_again_my_new_comments_are_mine_and_others_stay_theirs(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    world.parent.own_words_since = datetime.now(UTC) - timedelta(seconds=1)
    alexs = await _answer_id(client, world.parent, item_id, "my_worker")
    sams = await _answer_id(client, world.young_person, item_id, "my_worker")
    alex = _actor(world.parent)
    assert await family_words.answer_ids_readable(alex, [alexs, sams]) == {alexs}


async def _two_drafts(world) -> tuple[Contribution, Contribution]:
    return tuple(
        [
            await Contribution.create(
                circle=world.circle, author=world.young_person, kind="going_well", text=text
            )
            for text in ("first draft", "second draft")
        ]
    )


async def test_an_edit_is_saved_onto_that_draft_only(app):
    world = await factories.world()
    first, _second = await _two_drafts(world)
    assert await family_words.save_edit(
        _actor(world.young_person), first.id, 1, {"text": "better words", "version": 2}
    )
    assert [c.text for c in await Contribution.all().order_by("text")] == [
        "better words",
        "second draft",
    ]


async def test_an_edit_from_an_old_version_is_not_saved_even_if_it_got_that_far(app):
    """Two phones editing the same draft at once both pass the version check; the
    one that saves second must find the version moved on."""
    world = await factories.world()
    first, _ = await _two_drafts(world)
    sam = _actor(world.young_person)
    assert await family_words.save_edit(sam, first.id, 1, {"text": "from one phone", "version": 2})
    assert not await family_words.save_edit(
        sam, first.id, 1, {"text": "from the other", "version": 2}
    )
    assert (await Contribution.get(id=first.id)).text == "from one phone"


async def test_a_carer_gets_withdrawal_markers_only_of_words_they_could_read(app):
    world = await factories.world()
    gone = datetime.now(UTC)
    for audience, withdrawn_at in (
        ("my_family_too", gone),
        ("my_meeting", gone),
        ("my_family_too", None),
        ("my_meeting", None),
    ):
        await Contribution.create(
            circle=world.circle,
            author=world.young_person,
            kind="worried_about",
            text=f"{audience} {bool(withdrawn_at)}",
            audience=audience,
            withdrawn_at=withdrawn_at,
        )
    shown = await family_words.readable_or_withdrawn(_actor(world.parent))
    assert sorted(await shown.values_list("text", flat=True)) == [
        "my_family_too False",
        "my_family_too True",
    ]


async def test_only_practitioners_who_may_read_new_words_are_told_of_them(app):
    world = await factories.world()
    gone = datetime.now(UTC)
    told = {}
    for audience, withdrawn_at in (
        ("just_me", None),
        ("my_worker", None),
        ("my_meeting", None),
        ("my_meeting", gone),
    ):
        words = await Contribution.create(
            circle=world.circle,
            author=world.young_person,
            kind="message",
            text="hi",
            audience=audience,
            withdrawn_at=withdrawn_at,
        )
        readers = await family_words.practitioners_who_may_read(words)
        told[audience, bool(withdrawn_at)] = sorted(p.name for p in readers)
    assert told == {
        ("just_me", False): [],
        ("my_worker", False): ["Priya Shah"],
        ("my_meeting", False): ["Priya Shah", "Tom Evans"],
        ("my_meeting", True): [],
    }

"""A family member's comment on a plan item is their words: it follows the same
sharing rules as a contribution. The choice (agree / not sure / disagree) stays
visible to the team; the comment goes only to the audience its author chose
(my worker by default), every practitioner read is audited, and the author can
withdraw it."""

import json

import pytest

from server.audit.models import AuditEvent
from server.plans.models import PlanAnswer, PlanVersion
from tests import factories
from tests.plans.helpers import add, bring_in, family_plan, managed, publish, share
from tests.reads import reads as audited_reads

WORDS = "I cannot go because of what happens at home"
READ = "read_plan_answer_comment"


async def _published_item(client, world, text="Sam goes to school every day"):
    item = await add(client, world.lead, world.circle, text, "needs_to_happen")
    await publish(client, world.lead, world.circle)
    return item["id"]


async def _answer(client, person, item_id, answer="disagree", comment=WORDS, **audience):
    await factories.act_as(client, person)
    response = await client.post(
        f"/api/family/plan/items/{item_id}/answer",
        json={"answer": answer, "comment": comment, **audience},
    )
    assert response.status_code == 201, response.text
    return response.json()


def _people(world):
    return {
        "lead": world.lead,
        "teammate": world.teammate,
        "carer": world.parent,
        "author": world.young_person,
        "other_family_member": world.child,
        "outsider": world.outsider,
    }


async def _shown_to(client, world, reader, item_id):
    """What `reader` is shown of Sam's answer to the item (None: nothing), and
    the whole response they got, to search for the words."""
    person = _people(world)[reader]
    await factories.act_as(client, person)
    if reader in ("lead", "teammate", "outsider"):
        response = await client.get(f"/api/circles/{world.circle.id}/plan")
        if response.status_code == 404:
            return None, response.text
        [item] = [i for i in response.json()["items"] if i["id"] == item_id]
        answers = item["answers"]
    else:
        response = await client.get("/api/family/plan")
        [item] = [i for i in response.json()["items"] if i["id"] == item_id]
        answers = [item["my_answer"]] if item["my_answer"] else []
        answers += item["answers"]
    assert response.status_code == 200, response.text
    sams = [a for a in answers if a["member_name"] == "Sam"]
    return (sams[0] if sams else None), response.text


SEES_WORDS = {
    "my_worker": {"lead", "author"},
    "my_meeting": {"lead", "teammate", "author"},
    "my_family_too": {"lead", "teammate", "carer", "author"},
}


@pytest.mark.parametrize(
    "reader", ["lead", "teammate", "carer", "author", "other_family_member", "outsider"]
)
@pytest.mark.parametrize("audience", list(SEES_WORDS))
async def test_a_comment_is_read_only_by_the_audience_its_author_chose(client, audience, reader):
    world = await factories.world()
    item_id = await _published_item(client, world)
    await _answer(client, world.young_person, item_id, audience=audience)
    shown, page = await _shown_to(client, world, reader, item_id)
    may_read = reader in SEES_WORDS[audience]
    assert (WORDS in page) == may_read
    team = reader in ("lead", "teammate")
    sees_the_choice = team or may_read
    assert (shown is not None) == sees_the_choice
    if shown is None:
        return
    assert shown["answer"] == "disagree" and shown["flagged"] is True
    assert shown["audience"] == audience
    assert shown["comment"] == (WORDS if may_read else None)
    # Those who may not read it see that there is a comment, and for whom.
    assert shown["comment_for"] == (None if may_read else "A comment for Priya Shah only")


async def test_a_comment_goes_to_my_worker_unless_i_choose_otherwise(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sent = await _answer(client, world.parent, item_id)
    assert (sent["audience"], sent["audience_label"]) == ("my_worker", "My worker")
    assert sent["comment"] == WORDS
    assert (await PlanAnswer.get(id=sent["id"])).audience == "my_worker"


async def test_just_me_is_not_offered_for_a_comment_that_is_sent(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    await factories.act_as(client, world.young_person)
    for audience, message in (
        ("just_me", "Please choose who can read your comment, so they can answer it."),
        ("everyone", "Please pick one of the choices."),
    ):
        refused = await client.post(
            f"/api/family/plan/items/{item_id}/answer",
            json={"answer": "disagree", "comment": WORDS, "audience": audience},
        )
        assert refused.status_code == 422, audience
        [error] = refused.json()["errors"]
        assert (error["field"], error["message"]) == ("audience", message)
    assert await PlanAnswer.all().count() == 0


async def test_every_practitioner_read_of_a_comment_is_audited_and_shown_to_its_author(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sams = await _answer(client, world.young_person, item_id, audience="my_meeting")
    mias = await _answer(client, world.child, item_id, audience="my_worker")
    alexs = await _answer(client, world.parent, item_id, answer="agree", comment="")
    for reader in (world.lead, world.teammate, world.lead):
        await factories.act_as(client, reader)
        assert (await client.get(f"/api/circles/{world.circle.id}/plan")).status_code == 200
    reads = await audited_reads(READ)
    lead, teammate, circle = world.lead.id, world.teammate.id, world.circle.id
    # One record per comment read, per request; nothing for words not shown
    # (Mia's comment is for Priya only) and nothing for an answer with no words.
    assert sorted(reads) == sorted(
        [
            (lead, sams["id"], circle),
            (lead, mias["id"], circle),
            (teammate, sams["id"], circle),
            (lead, sams["id"], circle),
            (lead, mias["id"], circle),
        ]
    )
    assert alexs["id"] not in {subject for _, subject, _ in reads}
    # The export shows no answers, so records no comment read; the print view shows
    # the comments this reader may read (Priya's: Sam's and Mia's), so records them.
    await client.get(f"/api/circles/{world.circle.id}/plan/versions/1/export")
    assert len(await audited_reads(READ)) == len(reads)
    printed = await client.get(f"/print/circles/{world.circle.id}/plan")
    assert WORDS in printed.text
    assert len(await audited_reads(READ)) == len(reads) + 2
    reads = await audited_reads(READ)

    sam = await family_plan(client, world.young_person)
    read_by = sam["items"][0]["my_answer"]["read_by"]
    assert {(r["name"], r["label"]) for r in read_by} == {
        ("Priya Shah", "your worker"),
        ("Tom Evans", "School"),
    }
    assert len(await audited_reads(READ)) == len(reads)  # family reads are not


async def test_a_comment_on_an_item_hidden_from_a_teammate_is_not_read_by_them(client):
    """Sam's words for his worker only are in the plan; Tom (on the team) is not
    shown that item, so nor is Sam's comment on it, though its audience includes
    him, and the audit does not say he read it."""
    world = await factories.world()
    words = await share(client, world.young_person, "Only for Priya", "my_worker")
    item = await bring_in(client, world.lead, world.circle, words)
    await publish(client, world.lead, world.circle)
    sams = await _answer(client, world.young_person, item["id"], audience="my_meeting")
    await factories.act_as(client, world.teammate)
    plan = await client.get(f"/api/circles/{world.circle.id}/plan")
    assert plan.status_code == 200, plan.text
    assert item["id"] not in {i["id"] for i in plan.json()["items"]}
    assert WORDS not in plan.text
    assert (world.teammate.id, sams["id"], world.circle.id) not in await audited_reads(READ)
    await factories.act_as(client, world.lead)
    assert (await client.get(f"/api/circles/{world.circle.id}/plan")).status_code == 200
    assert (world.lead.id, sams["id"], world.circle.id) in await audited_reads(READ)


async def test_the_team_can_answer_a_disagreement_without_reading_a_comment_not_for_them(client):
    world = await factories.world()
    await managed(world)  # escalations go to the lead's manager
    item_id = await _published_item(client, world)
    sent = await _answer(client, world.young_person, item_id)  # my worker
    await factories.act_as(client, world.teammate)
    responded = await client.post(
        f"/api/plan-answers/{sent['id']}/response", json={"text": "Can we talk about it?"}
    )
    escalated = await client.post(f"/api/plan-answers/{sent['id']}/escalate")
    for answer in (responded, escalated):
        assert answer.status_code == 200, answer.text
        assert WORDS not in answer.text
        assert answer.json()["comment_for"] == "A comment for Priya Shah only"
    assert not await audited_reads(READ, practitioner_id=world.teammate.id)
    await factories.act_as(client, world.lead)
    responded = await client.post(
        f"/api/plan-answers/{sent['id']}/response", json={"text": "I hear you."}
    )
    assert responded.json()["comment"] == WORDS
    assert len(await audited_reads(READ, practitioner_id=world.lead.id)) == 1


async def _everything_the_team_and_family_can_get(client, world):
    pages = []
    for reader in (world.lead, world.teammate):
        await factories.act_as(client, reader)
        for path in (
            f"/api/circles/{world.circle.id}/plan",
            f"/print/circles/{world.circle.id}/plan",
            f"/api/circles/{world.circle.id}/plan/versions/1/export",
            f"/api/circles/{world.circle.id}/plan/versions/2/export",
        ):
            response = await client.get(path)
            assert response.status_code == 200, (path, response.text)
            pages.append(response.text)
    for reader in (world.parent, world.child):
        await factories.act_as(client, reader)
        for path in ("/api/family/plan", "/print/my-plan", "/api/family/my-data"):
            pages.append((await client.get(path)).text)
    return pages


async def test_withdrawing_a_comment_removes_the_words_everywhere_and_keeps_the_choice(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sent = await _answer(client, world.young_person, item_id, audience="my_family_too")
    await add(client, world.lead, world.circle, "A second version", "working_well")
    await publish(client, world.lead, world.circle)
    assert any(
        WORDS in page for page in await _everything_the_team_and_family_can_get(client, world)
    )

    await factories.act_as(client, world.young_person)
    withdrawn = await client.post(f"/api/family/plan/answers/{sent['id']}/withdraw")
    assert withdrawn.status_code == 200, withdrawn.text
    when = withdrawn.json()["comment_withdrawn_at"]
    assert when and withdrawn.json()["comment"] == WORDS  # still theirs to read

    assert not any(
        WORDS in page for page in await _everything_the_team_and_family_can_get(client, world)
    )
    for reader in ("lead", "teammate", "carer"):
        shown, _ = await _shown_to(client, world, reader, item_id)
        # The choice stays, the words go: a dated marker for those who could read them.
        assert (shown["answer"], shown["comment"], shown["comment_withdrawn_at"]) == (
            "disagree",
            None,
            when,
        ), reader
        assert shown["comment_for"] is None
    mine, _ = await _shown_to(client, world, "author", item_id)
    assert (mine["comment"], mine["comment_withdrawn_at"]) == (WORDS, when)
    # No family words were ever copied into a published version or an audit record.
    snapshots = await PlanVersion.all().values_list("snapshot", flat=True)
    assert len(snapshots) == 2 and WORDS not in json.dumps(snapshots)
    audit = await AuditEvent.all().values_list("action", "subject_type", "subject_id")
    assert WORDS not in json.dumps(audit, default=str)
    assert ("plan_answer_comment_withdrawn", "PlanAnswer", sent["id"]) in audit


async def test_only_its_author_can_withdraw_a_comment(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    sent = await _answer(client, world.young_person, item_id, audience="my_family_too")
    path = f"/api/family/plan/answers/{sent['id']}/withdraw"
    for person, status in ((world.parent, 404), (world.other_young_person, 404), (world.lead, 403)):
        await factories.act_as(client, person)
        refused = await client.post(path)
        assert refused.status_code == status, person.name
        assert WORDS not in refused.text
    assert (await PlanAnswer.get(id=sent["id"])).comment_withdrawn_at is None
    no_comment = await _answer(client, world.parent, item_id, answer="agree", comment="")
    refused = await client.post(f"/api/family/plan/answers/{no_comment['id']}/withdraw")
    assert refused.status_code == 409


async def test_my_data_has_my_plan_answers_with_who_can_see_each_comment(client):
    world = await factories.world()
    item_id = await _published_item(client, world)
    await _answer(client, world.young_person, item_id, audience="my_meeting")
    await _answer(
        client, world.parent, item_id, comment="Alex's own comment", audience="my_family_too"
    )
    await factories.act_as(client, world.lead)
    await client.get(f"/api/circles/{world.circle.id}/plan")
    await factories.act_as(client, world.young_person)
    text = (await client.get("/api/family/my-data")).text
    answers = text[text.index("My answers about the plan") :]
    assert "Sam goes to school every day" in answers
    assert "Your answer: I disagree" in answers
    assert WORDS in answers
    assert "Who can see it now: My meeting" in answers
    assert "Read by Priya Shah (your worker) on" in answers
    assert "Alex's own comment" not in text

    sent = await PlanAnswer.get(member_id=world.young_person.id)
    await client.post(f"/api/family/plan/answers/{sent.id}/withdraw")
    text = (await client.get("/api/family/my-data")).text
    assert WORDS in text and "You stopped sharing this on" in text

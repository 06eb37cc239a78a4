"""'Ask a manager' goes through the phone's outbox like every family write: sent
in a batch with its own Idempotency-Key, applied once by the escalation service
and its rules; a repeat gets the same answer and never escalates twice; what the
rules refuse is a clear problem and changes nothing."""

import uuid

from server.audit.models import AuditEvent
from server.jobs.models import Job
from server.plans.models import PlanAnswer
from tests import factories
from tests.plans import helpers

BATCH = "/api/commands/batch"


def _escalate(answer_id, key=None, **extra):
    return {
        "key": key or str(uuid.uuid4()),
        "method": "POST",
        "path": f"/api/family/plan/answers/{answer_id}/escalate",
        **extra,
    }


async def _disagreement(client, member):
    plan = await helpers.family_plan(client, member)
    item = plan["items"][0]
    response = await client.post(
        f"/api/family/plan/items/{item['id']}/answer",
        json={"answer": "disagree", "comment": "not weekly", "audience": "my_worker"},
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _planned(client, world):
    await helpers.managed(world)
    await helpers.add(client, world.lead, world.circle, "Weekly visits")
    await helpers.publish(client, world.lead, world.circle)


async def _escalations():
    return await AuditEvent.filter(action="disagreement_escalated").count()


async def test_asking_a_manager_through_the_batch_happens_once(client):
    world = await factories.world()
    await _planned(client, world)
    answer = await _disagreement(client, world.parent)
    command = _escalate(answer["id"])
    [sent] = (await client.post(BATCH, json={"commands": [command]})).json()["answers"]
    assert sent["status"] == 200, sent
    assert not sent["replayed"]
    assert sent["body"]["where"] == "with_manager"
    assert sent["body"]["where_label"] == "With Maya Khan, a manager"
    stored = await PlanAnswer.get(id=answer["id"])
    assert stored.escalated_at is not None
    assert stored.escalated_by_member_id == world.parent.id

    # The phone never heard the answer and sends the same command again.
    [again] = (await client.post(BATCH, json={"commands": [command]})).json()["answers"]
    assert again["status"] == 200 and again["replayed"]
    assert again["body"] == sent["body"]
    assert (await PlanAnswer.get(id=answer["id"])).escalated_at == stored.escalated_at
    assert await _escalations() == 1
    assert await Job.filter(kind="email").count() == 1


async def test_someone_elses_disagreement_is_refused_and_nothing_changes(client):
    world = await factories.world()
    await _planned(client, world)
    answer = await _disagreement(client, world.parent)
    await factories.act_as(client, world.young_person)
    [refused] = (await client.post(BATCH, json={"commands": [_escalate(answer["id"])]})).json()[
        "answers"
    ]
    assert refused["status"] == 404
    assert refused["body"]["title"]
    assert (await PlanAnswer.get(id=answer["id"])).escalated_at is None
    assert await _escalations() == 0
    assert not await Job.filter(kind="email").exists()


async def test_an_unknown_or_deleted_disagreement_is_refused_in_the_readers_language(client):
    world = await factories.world()
    await _planned(client, world)
    answer = await _disagreement(client, world.parent)
    unknown = _escalate(uuid.uuid4())
    [refused] = (await client.post(BATCH, json={"commands": [unknown]})).json()["answers"]
    assert refused["status"] == 404
    english = refused["body"]["title"]

    item_id = (await PlanAnswer.get(id=answer["id"])).item_id
    await factories.act_as(client, world.lead)  # the lead takes the item out of the plan
    assert (await client.delete(f"/api/plan-items/{item_id}")).status_code == 204
    await factories.act_as(client, world.parent)
    await client.put("/api/me/locale", json={"locale": "pl"})
    gone = _escalate(answer["id"])
    [refused] = (await client.post(BATCH, json={"commands": [gone]})).json()["answers"]
    assert refused["status"] == 404
    assert refused["body"]["title"] and refused["body"]["title"] != english
    assert await _escalations() == 0
    assert not await Job.filter(kind="email").exists()


async def test_a_good_and_a_bad_escalation_in_one_batch_as_other_commands_do(client):
    """Each command stands alone: the refused one keeps nothing, the good one is
    kept, and one that waits on the refused one is not run (424)."""
    world = await factories.world()
    await _planned(client, world)
    answer = await _disagreement(client, world.parent)
    bad = _escalate(uuid.uuid4())
    held = _escalate(answer["id"], after=bad["key"])
    good = _escalate(answer["id"])
    response = await client.post(BATCH, json={"commands": [bad, held, good]})
    assert response.status_code == 200
    statuses = [a["status"] for a in response.json()["answers"]]
    assert statuses == [404, 424, 200]
    assert (await PlanAnswer.get(id=answer["id"])).escalated_at is not None
    assert await _escalations() == 1

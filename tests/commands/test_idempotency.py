"""A command sent again with the same Idempotency-Key (an answer lost on a bad
connection) gets the same answer and changes nothing more."""

import uuid

from server.contributions.models import AudienceChange, Contribution
from tests import factories


async def _draft(client, world):
    await factories.act_as(client, world.young_person)
    body = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "first words"}
    await client.post("/api/contributions", json=body)
    return body["id"]


async def test_a_replayed_edit_gets_the_same_answer_not_a_conflict(client):
    world = await factories.world()
    item = await _draft(client, world)
    edit = {"version": 1, "text": "better words"}
    headers = {"Idempotency-Key": "edit-1"}
    first = await client.patch(f"/api/contributions/{item}", json=edit, headers=headers)
    again = await client.patch(f"/api/contributions/{item}", json=edit, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert (await Contribution.get(id=item)).version == 2
    without_key = await client.patch(f"/api/contributions/{item}", json=edit)
    assert without_key.status_code == 409  # a different command from version 1: a conflict


async def test_a_key_reused_for_something_else_is_refused(client):
    world = await factories.world()
    item = await _draft(client, world)
    url = f"/api/contributions/{item}/audience"
    headers = {"Idempotency-Key": "choice-1"}
    await client.put(url, json={"audience": "my_worker"}, headers=headers)
    reused = await client.put(url, json={"audience": "my_family_too"}, headers=headers)
    assert reused.status_code == 409
    assert reused.json()["type"].endswith("/idempotency-key-reused")
    assert (await Contribution.get(id=item)).audience == "my_worker"
    assert await AudienceChange.filter(contribution_id=item).count() == 2


async def test_refusals_are_replayed_too(client):
    world = await factories.world()
    item = await _draft(client, world)
    headers = {"Idempotency-Key": "withdraw-1"}
    first = await client.post(f"/api/contributions/{item}/withdraw", headers=headers)
    again = await client.post(f"/api/contributions/{item}/withdraw", headers=headers)
    assert first.status_code == again.status_code == 409
    assert first.json() == again.json()


async def test_keys_belong_to_one_person(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    headers = {"Idempotency-Key": "same-key"}
    body = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "Sam's"}
    assert (await client.post("/api/contributions", json=body, headers=headers)).status_code == 201
    await factories.act_as(client, world.parent)
    other = {"id": str(uuid.uuid4()), "kind": "going_well", "text": "Alex's"}
    answer = await client.post("/api/contributions", json=other, headers=headers)
    assert answer.status_code == 201 and answer.json()["text"] == "Alex's"


async def test_a_first_attempt_abandoned_by_a_dead_process_is_run_again(client):
    from datetime import datetime, timedelta, timezone

    from server.commands.models import CommandAnswer

    world = await factories.world()
    item = await _draft(client, world)
    url = f"/api/contributions/{item}/audience"
    headers = {"Idempotency-Key": "crashed-1"}
    first = await client.put(url, json={"audience": "my_worker"}, headers=headers)
    await CommandAnswer.filter(key="crashed-1").update(status=0)  # as if it never finished
    busy = await client.put(url, json={"audience": "my_worker"}, headers=headers)
    assert busy.status_code == 409 and busy.json()["type"].endswith("/still-working")
    await CommandAnswer.filter(key="crashed-1").update(
        created_at=datetime.now(timezone.utc) - timedelta(minutes=5))
    again = await client.put(url, json={"audience": "my_worker"}, headers=headers)
    assert again.status_code == 200 and again.json()["audience"] == first.json()["audience"]

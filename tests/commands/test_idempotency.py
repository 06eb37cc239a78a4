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


async def test_a_refused_command_is_not_kept_so_it_can_work_later(client):
    """Refusals change nothing, so they are not kept: the same command sent again
    is run again and gets the answer that is true now."""
    world = await factories.world()
    item = await _draft(client, world)
    headers = {"Idempotency-Key": "withdraw-1"}
    first = await client.post(f"/api/contributions/{item}/withdraw", headers=headers)
    assert first.status_code == 409 and "idempotent-replayed" not in first.headers
    await client.put(f"/api/contributions/{item}/audience", json={"audience": "my_worker"})
    again = await client.post(f"/api/contributions/{item}/withdraw", headers=headers)
    assert again.status_code == 200 and "idempotent-replayed" not in again.headers
    assert (await Contribution.get(id=item)).withdrawn_at is not None


async def test_a_key_reused_on_another_path_is_refused(client):
    """The path is part of the command: one key sent to two withdraw URLs must not
    replay the first answer for the second item (mutant I3)."""
    world = await factories.world()
    first_item, second_item = await _draft(client, world), await _draft(client, world)
    for item in (first_item, second_item):
        await client.put(f"/api/contributions/{item}/audience", json={"audience": "my_worker"})
    headers = {"Idempotency-Key": "withdraw-same"}
    done = await client.post(f"/api/contributions/{first_item}/withdraw", headers=headers)
    other = await client.post(f"/api/contributions/{second_item}/withdraw", headers=headers)
    assert done.status_code == 200
    assert other.status_code == 409 and other.json()["type"].endswith("/idempotency-key-reused")
    assert (await Contribution.get(id=second_item)).withdrawn_at is None


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

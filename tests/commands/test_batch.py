"""A phone's backlog sent as one batch: each command gets the answer it would have
got alone (stored, replayed, conflict or refused), in order, each in its own
transaction; limits and refusals are clear problems that change nothing."""

import uuid

from server.commands.models import CommandAnswer
from server.commands.schemas import MAX_BYTES, MAX_COMMANDS
from server.contributions.models import Contribution
from tests import factories

BATCH = "/api/commands/batch"


def _create(text="words", key=None):
    item = str(uuid.uuid4())
    body = {"id": item, "kind": "going_well", "text": text}
    return item, {
        "key": key or str(uuid.uuid4()),
        "method": "POST",
        "path": "/api/contributions",
        "body": body,
    }


def _edit(item, version, text, **extra):
    path = f"/api/contributions/{item}"
    body = {"version": version, "text": text}
    return {"key": str(uuid.uuid4()), "method": "PATCH", "path": path, "body": body, **extra}


async def test_a_backlog_arrives_in_order_and_a_repeat_changes_nothing(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item, create = _create("first words")
    edit = _edit(item, 1, "better words", after=create["key"])
    share = {
        "key": "share-1",
        "method": "PUT",
        "path": f"/api/contributions/{item}/audience",
        "body": {"audience": "my_worker"},
    }
    commands = [create, edit, share]
    first = await client.post(BATCH, json={"commands": commands})
    assert first.status_code == 200
    answers = first.json()["answers"]
    assert [a["status"] for a in answers] == [201, 200, 200]
    assert [a["key"] for a in answers] == [create["key"], edit["key"], "share-1"]
    assert answers[2]["body"]["audience"] == "my_worker" and not answers[0]["replayed"]
    stored = await Contribution.get(id=item)
    assert (stored.text, stored.version, stored.audience) == ("better words", 2, "my_worker")
    again = (await client.post(BATCH, json={"commands": commands})).json()["answers"]
    assert [a["status"] for a in again] == [201, 200, 200]
    assert all(a["replayed"] for a in again)
    assert await Contribution.filter(author=world.young_person).count() == 1
    assert (await Contribution.get(id=item)).version == stored.version


async def test_a_command_sent_alone_then_in_a_batch_is_stored_once(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item, create = _create()
    alone = await client.post(
        "/api/contributions", json=create["body"], headers={"Idempotency-Key": create["key"]}
    )
    assert alone.status_code == 201
    [answer] = (await client.post(BATCH, json={"commands": [create]})).json()["answers"]
    assert answer["status"] == 201 and answer["replayed"] and answer["body"] == alone.json()
    assert await Contribution.filter(id=item).count() == 1


async def test_one_refusal_holds_only_what_comes_after_it(client):
    """Each command has its own transaction: a refused one keeps nothing, the
    others are kept; one that names a refused one in `after` is not run."""
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item, create = _create("kept")
    missing = _edit(uuid.uuid4(), 1, "nowhere")
    waiting = _edit(item, 1, "must wait", after=missing["key"])
    stale = _edit(item, 7, "from an old version")
    other, later = _create("also kept")
    answers = (
        await client.post(BATCH, json={"commands": [create, missing, waiting, stale, later]})
    ).json()["answers"]
    assert [a["status"] for a in answers] == [201, 404, 424, 409, 201]
    assert answers[2]["body"]["type"].endswith("/waits-for-earlier")
    assert answers[3]["body"]["type"].endswith("/changed-elsewhere")
    assert (await Contribution.get(id=item)).text == "kept"
    assert await Contribution.filter(id=other).exists()
    assert await CommandAnswer.filter(key__in=[missing["key"], waiting["key"]]).count() == 0
    # Refusals are not kept: the waiting command sent again, after its create, runs.
    [now] = (await client.post(BATCH, json={"commands": [waiting]})).json()["answers"]
    assert now["status"] == 200 and (await Contribution.get(id=item)).text == "must wait"


async def test_only_the_outboxs_commands_may_be_batched(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    item, create = _create()
    for method, path, body in [
        ("POST", "/api/sessions/family", {"pin": "2468"}),
        ("POST", BATCH, {"commands": []}),
        ("DELETE", "/api/session", None),
        ("POST", "/api/contributions/../sessions/family", {"pin": "2468"}),
    ]:
        sneaky = {"key": "k", "method": method, "path": path, "body": body}
        answer = await client.post(BATCH, json={"commands": [create, sneaky]})
        assert answer.status_code == 422, path
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["errors"][0]["field"] == "commands.1.path"
    assert not await Contribution.filter(id=item).exists()
    assert (await client.get("/api/me")).status_code == 200  # still signed in


async def test_too_many_commands_or_bytes_are_refused_whole(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    many = [_create()[1] for _ in range(MAX_COMMANDS + 1)]
    answer = await client.post(BATCH, json={"commands": many})
    assert answer.status_code == 413
    assert answer.json()["max_commands"] == MAX_COMMANDS
    _, big = _create("x" * 4000)
    heavy = [{**big, "key": str(n)} for n in range(MAX_BYTES // 4000 + 1)]
    answer = await client.post(BATCH, json={"commands": heavy})
    assert answer.status_code == 413 and answer.json()["max_bytes"] == MAX_BYTES
    assert await Contribution.filter(author=world.young_person).count() == 0
    fits = await client.post(BATCH, json={"commands": many[:MAX_COMMANDS]})
    assert fits.status_code == 200
    assert await Contribution.filter(author=world.young_person).count() == MAX_COMMANDS


async def test_practitioners_have_no_outbox_to_send(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    answer = await client.post(BATCH, json={"commands": [_create()[1]]})
    assert answer.status_code == 403
    assert await Contribution.all().count() == 0


async def test_a_batch_needs_the_sessions_csrf_token(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    del client.headers["X-CSRF-Token"]
    answer = await client.post(BATCH, json={"commands": [_create()[1]]})
    assert answer.status_code == 403
    assert await Contribution.all().count() == 0

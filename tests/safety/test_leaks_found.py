"""Leaks the canary crawl found, each pinned down on its own."""

from __future__ import annotations

import logging
import uuid

from tests import factories
from tests.plans.helpers import publish, share


async def _import_twice_with_one_key(client, practitioner, circle, contribution_id, between):
    """A practitioner's browser brings words into the plan and, after `between`,
    sends the very same command again (a lost answer, retried)."""
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {"contribution_id": contribution_id, "section": "worried_about"}
    url = f"/api/circles/{circle.id}/plan/imports"
    await factories.act_as(client, practitioner)
    first = await client.post(url, json=body, headers=key)
    assert first.status_code == 201, first.text
    await between()
    await factories.act_as(client, practitioner)
    again = await client.post(url, json=body, headers=key)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    return first, again


async def test_a_retried_import_no_longer_shows_words_withdrawn_since(client):
    world = await factories.world()
    words = await share(client, world.young_person, "I want to live with my nan", "my_worker")

    async def withdraw():
        await factories.act_as(client, world.young_person)
        assert (await client.post(f"/api/contributions/{words}/withdraw")).status_code == 200

    first, again = await _import_twice_with_one_key(
        client, world.lead, world.circle, words, withdraw
    )
    assert "I want to live with my nan" in first.text
    assert "I want to live with my nan" not in again.text


async def test_a_retried_import_no_longer_shows_words_narrowed_away_from_its_sender(client):
    world = await factories.world()
    words = await share(client, world.young_person, "School is hard", "my_meeting")

    async def narrow():
        await factories.act_as(client, world.young_person)
        narrowed = await client.put(
            f"/api/contributions/{words}/audience", json={"audience": "my_worker"}
        )
        assert narrowed.status_code == 200

    first, again = await _import_twice_with_one_key(
        client, world.teammate, world.circle, words, narrow
    )
    assert "School is hard" in first.text
    assert "School is hard" not in again.text


async def test_joining_again_without_the_old_pin_hides_earlier_plan_comments(client):
    world = await factories.world()
    client.headers["X-CSRF-Token"] = await factories.join(client, world.young_person)
    await factories.act_as(client, world.lead)
    item = await client.post(
        f"/api/circles/{world.circle.id}/plan/items",
        json={"section": "needs_to_happen", "text": "Visits on Sunday"},
    )
    await publish(client, world.lead, world.circle)
    client.cookies.clear()
    client.headers["X-CSRF-Token"] = await factories.join(
        client, world.young_person, pin="8642", old_pin="2468"
    )
    answered = await client.post(
        f"/api/family/plan/items/{item.json()['id']}/answer",
        json={"answer": "disagree", "comment": "Not with him there"},
    )
    assert answered.status_code == 201, answered.text
    client.cookies.clear()  # someone else, with a new code and no old PIN
    client.headers["X-CSRF-Token"] = await factories.join(
        client, world.young_person, pin="9731", start_fresh=True
    )
    plan = await client.get("/api/family/plan")
    assert plan.status_code == 200 and "Visits on Sunday" in plan.text
    assert "Not with him there" not in plan.text


async def test_database_logs_keep_the_sql_but_never_the_words(client, caplog):
    caplog.set_level(logging.DEBUG)
    world = await factories.world()
    await share(client, world.young_person, "Nobody listens to me", "just_me")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert 'INSERT INTO "contribution"' in logged
    assert "Nobody listens to me" not in logged

"""Escalation leads somewhere: a disagreement raised by the family member (or the
lead) reaches the manager of the lead's team, by name, who answers in words. The
family member sees where it is and reads the answer beside their own words."""

from datetime import UTC, datetime

from server.audit.models import AuditEvent
from server.circles.models import Circle
from server.jobs.models import Job
from tests import factories
from tests.plans import helpers

WORDS = "answer words from Alex"


async def _disagreement(client, world, answer="disagree"):
    await helpers.add(client, world.lead, world.circle, "Weekly visits")
    await helpers.publish(client, world.lead, world.circle)
    plan = await helpers.family_plan(client, world.parent)
    item = plan["items"][0]
    response = await client.post(
        f"/api/family/plan/items/{item['id']}/answer",
        json={"answer": answer, "comment": WORDS, "audience": "my_worker"},
    )
    assert response.status_code == 201, response.text
    return item["id"], response.json()


async def _my_answer(client, member):
    return (await helpers.family_plan(client, member))["items"][0]["my_answer"]


async def test_a_carer_escalates_their_disagreement_and_reads_the_managers_answer(client):
    world = await factories.world()
    _, maya = await helpers.managed(world)
    _, answer = await _disagreement(client, world)
    assert answer["where_label"] == "With your worker"

    escalated = await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    assert escalated.status_code == 200, escalated.text
    assert escalated.json()["where_label"] == "With Maya Khan, a manager"
    assert (await _my_answer(client, world.parent))["where"] == "with_manager"

    # Maya is told by push and email, which carry no family words or names.
    jobs = await Job.all()
    assert any(j.kind == "notify" and j.payload["id"] == str(maya.id) for j in jobs)
    [email] = [j for j in jobs if j.kind == "email"]
    assert email.payload["to"] == "maya@example.test"
    for secret in (WORDS, "Alex", "Sam", "Weekly visits"):
        assert secret not in repr(email.payload)

    await factories.act_as(client, maya)
    waiting = (await client.get("/api/oversight")).json()["escalations"]
    assert [e["answer_id"] for e in waiting] == [answer["id"]]
    assert waiting[0]["item_text"] == "Weekly visits"
    assert WORDS not in repr(waiting)  # the comment was for the worker only
    sent = await client.post(
        f"/api/plan-answers/{answer['id']}/manager-answer",
        json={"text": "I will ask for a second visit each month."},
    )
    assert sent.status_code == 200, sent.text
    assert (await client.get("/api/oversight")).json()["escalations"] == []

    mine = await _my_answer(client, world.parent)
    assert mine["where"] == "answered"
    assert mine["where_label"] == "Answered"
    assert mine["manager_answer"] == "I will ask for a second visit each month."
    assert mine["manager_name"] == "Maya Khan"
    assert mine["comment"] == WORDS
    await factories.act_as(client, world.lead)
    plan = (await client.get(f"/api/circles/{world.circle.id}/plan")).json()
    assert plan["items"][0]["answers"][0]["manager_answer"].startswith("I will ask")
    assert await AuditEvent.filter(action="escalation_answered").count() == 1


async def test_the_where_label_follows_the_reader_language(client):
    world = await factories.world()
    await helpers.managed(world)
    _, answer = await _disagreement(client, world)
    await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    await client.put("/api/me/locale", json={"locale": "pl"})
    mine = await _my_answer(client, world.parent)
    assert mine["where_label"] != "With Maya Khan, a manager"
    assert "Maya Khan" in mine["where_label"]


async def test_only_the_manager_of_the_leads_team_may_answer(client):
    world = await factories.world()
    await helpers.managed(world)
    _, wes = await helpers.managed(world, "Wes West", "wes@example.test", lead=False)
    _, answer = await _disagreement(client, world)
    await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    path = f"/api/plan-answers/{answer['id']}/manager-answer"
    for person, status in ((wes, 404), (world.lead, 404), (world.teammate, 404)):
        await factories.act_as(client, person)
        refused = await client.post(path, json={"text": "No."})
        assert refused.status_code == status, refused.text
    await factories.act_as(client, world.parent)
    assert (await client.post(path, json={"text": "No."})).status_code == 403
    assert (await _my_answer(client, world.parent))["where"] == "with_manager"


async def test_with_no_manager_named_escalating_is_refused_clearly(client):
    world = await factories.world()
    _, answer = await _disagreement(client, world)
    refused = await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    assert refused.status_code == 409
    assert "No manager is named" in refused.json()["title"]
    assert (await _my_answer(client, world.parent))["where"] == "with_worker"
    assert not await Job.filter(kind="email").exists()


async def test_only_their_own_disagreement_can_go_to_a_manager(client):
    world = await factories.world()
    await helpers.managed(world)
    _, answer = await _disagreement(client, world, answer="agree")
    refused = await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    assert refused.status_code == 409
    await factories.act_as(client, world.young_person)
    other = await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    assert other.status_code == 404


async def test_the_lead_escalates_to_the_same_named_manager(client):
    world = await factories.world()
    await helpers.managed(world)
    _, answer = await _disagreement(client, world)
    await factories.act_as(client, world.lead)
    escalated = await client.post(f"/api/plan-answers/{answer['id']}/escalate")
    assert escalated.status_code == 200, escalated.text
    assert escalated.json()["manager_name"] == "Maya Khan"
    assert (await _my_answer(client, world.parent))["where_label"] == "With Maya Khan, a manager"


async def test_nothing_goes_to_a_manager_from_a_closed_circle(client):
    world = await factories.world()
    await helpers.managed(world)
    _, answer = await _disagreement(client, world)
    await Circle.filter(id=world.circle.id).update(closed_at=datetime.now(UTC))
    refused = await client.post(f"/api/family/plan/answers/{answer['id']}/escalate")
    assert refused.status_code == 409
    assert not await Job.filter(kind="email").exists()

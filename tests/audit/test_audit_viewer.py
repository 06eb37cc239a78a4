"""The audit viewer: the auditor (data protection officer) searches who read or
changed what by person, circle and date, and exports it as CSV; a team manager
sees their team's circles only. Looking at the audit is audited too."""

import csv
import io
from datetime import UTC, datetime, timedelta

from server.audit.models import AuditEvent
from server.audit.service import record
from server.organisations.models import Role, Team
from tests import factories


async def _auditor(world):
    organisation = await world.lead.organisation
    auditor = await factories.practitioner(organisation, "dpo@example.test", "Dee Officer")
    auditor.role = Role.AUDITOR
    await auditor.save(update_fields=["role"])
    return auditor


async def _history(world):
    await record("plan_published", practitioner=world.lead, circle_id=world.circle.id)
    await record("urgent_request", member=world.young_person, circle_id=world.circle.id)
    await record("circle_created", practitioner=world.outsider, circle_id=world.other_circle.id)
    old = await record("circle_closed", practitioner=world.lead, circle_id=world.circle.id)
    await AuditEvent.filter(id=old.id).update(at=datetime.now(UTC) - timedelta(days=40))


async def test_the_auditor_searches_by_person_circle_and_date(client):
    world = await factories.world()
    await _history(world)
    await factories.act_as(client, await _auditor(world))

    by_lead = (await client.get(f"/api/audit?person={world.lead.id}")).json()["entries"]
    assert [entry["action"] for entry in by_lead] == ["plan_published", "circle_closed"]
    assert by_lead[0]["practitioner"] == {"id": str(world.lead.id), "name": "Priya Shah"}

    by_child = (await client.get(f"/api/audit?person={world.young_person.id}")).json()
    assert [entry["action"] for entry in by_child["entries"]] == ["urgent_request"]

    circle = (await client.get(f"/api/audit?circle={world.other_circle.id}")).json()
    assert [entry["action"] for entry in circle["entries"]] == ["circle_created"]

    since = (datetime.now(UTC) - timedelta(days=7)).date().isoformat()
    recent = (await client.get(f"/api/audit?circle={world.circle.id}&since={since}")).json()
    assert "circle_closed" not in [entry["action"] for entry in recent["entries"]]
    until = (datetime.now(UTC) - timedelta(days=30)).date().isoformat()
    older = (await client.get(f"/api/audit?until={until}")).json()
    assert [entry["action"] for entry in older["entries"]] == ["circle_closed"]


async def test_the_auditor_exports_a_search_as_csv(client):
    world = await factories.world()
    await _history(world)
    await factories.act_as(client, await _auditor(world))
    response = await client.get(f"/api/audit/export?circle={world.circle.id}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    # Newest first, as on the screen.
    assert [row["action"] for row in rows] == ["urgent_request", "plan_published", "circle_closed"]
    assert rows[0]["family member"] == "Sam"
    assert rows[1]["practitioner"] == "Priya Shah"


async def test_looking_at_the_audit_is_itself_audited(client):
    world = await factories.world()
    auditor = await _auditor(world)
    await factories.act_as(client, auditor)
    await client.get(f"/api/audit?circle={world.circle.id}")
    await client.get("/api/audit/export")
    viewed = await AuditEvent.filter(action__in=["audit_viewed", "audit_exported"]).order_by("id")
    assert [(event.action, event.practitioner_id) for event in viewed] == [
        ("audit_viewed", auditor.id),
        ("audit_exported", auditor.id),
    ]
    assert viewed[0].circle_id == world.circle.id


async def test_a_manager_sees_only_their_teams_circles(client):
    world = await factories.world()
    await _history(world)
    organisation = await world.lead.organisation
    manager = await factories.practitioner(organisation, "mo@example.test", "Mo Manager")
    team = await Team.create(organisation=organisation, name="North", manager=manager)
    manager.role, manager.team = Role.TEAM_MANAGER, team
    await manager.save(update_fields=["role", "team_id"])
    world.lead.team = team
    await world.lead.save(update_fields=["team_id"])
    await factories.act_as(client, manager)
    entries = (await client.get("/api/audit")).json()["entries"]
    assert {entry["circle_id"] for entry in entries} == {str(world.circle.id)}
    other = await client.get(f"/api/audit?circle={world.other_circle.id}")
    assert other.json()["entries"] == []


async def test_a_practitioner_or_family_member_cannot_look_and_bad_dates_are_explained(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    assert (await client.get("/api/audit")).status_code == 403
    await factories.act_as(client, world.young_person)
    assert (await client.get("/api/audit/export")).status_code == 403
    await factories.act_as(client, await _auditor(world))
    bad = await client.get("/api/audit?since=yesterday")
    assert bad.status_code == 422
    assert bad.headers["content-type"] == "application/problem+json"
    assert bad.json()["errors"][0]["field"] == "since"


async def test_a_partnership_administrator_searches_the_whole_audit(client):
    world = await factories.world()
    await _history(world)
    organisation = await world.lead.organisation
    admin = await factories.practitioner(organisation, "ada@example.test", "Ada Admin")
    admin.role = Role.PARTNERSHIP_ADMIN
    await admin.save(update_fields=["role"])
    await factories.act_as(client, admin)
    found = await client.get("/api/audit")
    assert found.status_code == 200, found.text
    assert {entry["circle_id"] for entry in found.json()["entries"]} >= {
        str(world.circle.id),
        str(world.other_circle.id),
    }
    assert (await client.get("/api/audit/export")).status_code == 200

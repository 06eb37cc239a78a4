"""The audit viewer: the auditor (data protection officer) searches who read or
changed what by person, circle and date, and exports it as CSV; a team manager
sees their team's circles only. Looking at the audit is audited too."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

from tortoise import connections
from tortoise.transactions import in_transaction

from server.audit.models import AuditEvent
from server.audit.service import record
from server.organisations.models import Role, Team
from tests import factories
from tests.performance.plans import full_scans, statements


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


async def _manager_of_the_leads_team(world):
    organisation = await world.lead.organisation
    manager = await factories.practitioner(organisation, "mo@example.test", "Mo Manager")
    team = await Team.create(organisation=organisation, name="North", manager=manager)
    manager.role, manager.team = Role.TEAM_MANAGER, team
    await manager.save(update_fields=["role", "team_id"])
    world.lead.team = team
    await world.lead.save(update_fields=["team_id"])
    return manager


async def test_a_manager_sees_only_their_teams_circles(client):
    world = await factories.world()
    await _history(world)
    await factories.act_as(client, await _manager_of_the_leads_team(world))
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


async def _many(world, count: int) -> set[int]:
    """`count` events, several at the very same moment (as one request's reads are)."""
    same = datetime.now(UTC) - timedelta(hours=1)
    events = [
        AuditEvent(
            action="plan_read",
            at=same - timedelta(seconds=number // 3),
            practitioner_id=world.lead.id,
            circle_id=world.circle.id,
        )
        for number in range(count)
    ]
    await AuditEvent.bulk_create(events)
    return set(
        await AuditEvent.filter(action="plan_read").values_list("id", flat=True)  # type: ignore[arg-type]
    )


async def _all_pages(client, query: str) -> list[dict]:
    pages, after = [], ""
    while True:
        answer = await client.get(f"/api/audit?{query}{after}")
        assert answer.status_code == 200, answer.text
        pages.append(answer.json())
        if answer.json()["next"] is None:
            return pages
        after = f"&before={answer.json()['next']}"


async def test_paging_shows_every_record_once_newest_first(client):
    world = await factories.world()
    made = await _many(world, 57)
    await factories.act_as(client, await _auditor(world))
    pages = await _all_pages(client, f"person={world.lead.id}&limit=10")
    assert [len(page["entries"]) for page in pages] == [10, 10, 10, 10, 10, 7]
    entries = [entry for page in pages for entry in page["entries"]]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids)) == 57 and set(ids) == made
    keys = [(entry["at"], entry["id"]) for entry in entries]
    assert keys == sorted(keys, reverse=True)
    # 50 by default, 200 at most.
    first = (await client.get(f"/api/audit?person={world.lead.id}")).json()
    assert len(first["entries"]) == 50 and first["next"]
    assert (await client.get("/api/audit?limit=201")).status_code == 422


async def test_a_bad_cursor_or_limit_is_explained(client):
    world = await factories.world()
    await factories.act_as(client, await _auditor(world))
    for query in ("before=nonsense", "before=MjAyNX4x", "limit=0", "limit=many"):
        bad = await client.get(f"/api/audit?{query}")
        assert bad.status_code == 422, query
        assert bad.headers["content-type"] == "application/problem+json"
        assert bad.json()["errors"][0]["field"] in {"before", "limit"}


async def test_a_manager_sees_only_their_teams_circles_on_every_page(client):
    world = await factories.world()
    await _many(world, 12)
    for _ in range(12):
        await record("circle_read", practitioner=world.outsider, circle_id=world.other_circle.id)
    await factories.act_as(client, await _manager_of_the_leads_team(world))
    pages = await _all_pages(client, "limit=5")
    assert len(pages) >= 3
    seen = [entry for page in pages for entry in page["entries"]]
    assert len(seen) == 12
    assert {entry["circle_id"] for entry in seen} == {str(world.circle.id)}


async def test_the_csv_has_the_whole_search_not_one_page(client):
    world = await factories.world()
    await _many(world, 1010)
    await factories.act_as(client, await _auditor(world))
    response = await client.get(f"/api/audit/export?person={world.lead.id}")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1010


async def _plan(sql: str, values) -> str:
    """How the database would run it (PostgreSQL told not to read tables whole)."""
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        async with in_transaction() as conn:
            await conn.execute_script("SET LOCAL enable_seqscan = off")
            _, rows = await conn.execute_query("EXPLAIN " + sql, list(values))
        return "\n".join(row["QUERY PLAN"] for row in rows)
    _, rows = await connection.execute_query("EXPLAIN QUERY PLAN " + sql, list(values))
    return "\n".join(row["detail"] for row in rows)


async def test_every_page_is_read_through_an_index(client):
    """A page starts in the index where the last one ended; a search by person or
    circle starts at that person's or circle's records, not at everyone's."""
    world = await factories.world()
    await _many(world, 30)
    await factories.act_as(client, await _auditor(world))
    first = (await client.get("/api/audit?limit=5")).json()["next"]
    looked_up_by = {"": "at", "person": "practitioner_id", "circle": "circle_id"}
    for name, column in looked_up_by.items():
        value = {"": "", "person": world.lead.id, "circle": world.circle.id}[name]
        with statements() as ran:
            answer = await client.get(f"/api/audit?limit=5&before={first}&{name}={value}")
            assert answer.status_code == 200, answer.text
        ((sql, values),) = [(sql, v) for sql, v in ran if 'FROM "audit_event"' in sql]
        assert await full_scans(sql, values) == set(), sql
        plan = await _plan(sql, values)
        # SQLite: "USING INDEX idx_… (practitioner_id=? AND at<?)";
        # PostgreSQL: "Index Cond: ((practitioner_id = …) AND (at <= …))".
        assert re.search(rf"(\({column}[=<])|(Index Cond: \(+{column} [=<])", plan), plan

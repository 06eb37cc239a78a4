"""The records screens' endpoints: those who may manage records (a partnership
administrator, or someone named in ALONGSIDE_RECORDS_MANAGERS) find a family
member by name, download everything held about them, and erase them after
typing their name to confirm. Both are recorded in the audit and the records
log; nobody else may, and a wrong confirmation changes nothing."""

from server.audit.models import AuditEvent
from server.circles.models import FamilyMember
from server.organisations.models import Role
from server.records.models import RecordsEvent
from tests import factories


async def _admin(world):
    admin = await factories.practitioner(
        await world.lead.organisation, "ada@example.test", "Ada Admin"
    )
    admin.role = Role.PARTNERSHIP_ADMIN
    await admin.save(update_fields=["role"])
    return admin


async def test_an_administrator_finds_a_family_member_and_downloads_their_records(client):
    world = await factories.world()
    admin = await _admin(world)
    await factories.act_as(client, admin)
    found = await client.get("/api/records/members?name=sam")
    assert found.status_code == 200, found.text
    (sam,) = found.json()["members"]
    assert sam["id"] == str(world.young_person.id)
    assert sam["name"] == "Sam" and sam["circle_name"] == "Sam and Mia"
    export = await client.get(f"/api/records/members/{sam['id']}/export")
    assert export.status_code == 200
    assert "attachment" in export.headers["content-disposition"]
    assert "Sam" in export.text
    assert await RecordsEvent.filter(action="subject_access", member_id=sam["id"]).exists()
    assert await AuditEvent.filter(
        action="records_exported", practitioner_id=admin.id, member_id=world.young_person.id
    ).exists()


async def test_erasing_needs_their_name_typed_and_a_reason(client):
    world = await factories.world()
    admin = await _admin(world)
    await factories.act_as(client, admin)
    path = f"/api/records/members/{world.young_person.id}/erasure"
    wrong = await client.post(path, json={"confirm_name": "Mia", "reason": "Court order 123"})
    assert wrong.status_code == 422
    assert wrong.headers["content-type"] == "application/problem+json"
    assert wrong.json()["errors"][0]["field"] == "confirm_name"
    no_reason = await client.post(path, json={"confirm_name": "Sam", "reason": ""})
    assert no_reason.status_code == 422
    assert await FamilyMember.filter(id=world.young_person.id).exists()
    done = await client.post(path, json={"confirm_name": " sam ", "reason": "Court order 123"})
    assert done.status_code == 200, done.text
    assert done.json()["counts"]["family_members"] == 1
    assert not await FamilyMember.filter(id=world.young_person.id).exists()
    erased = await RecordsEvent.get(action="erasure", member_id=str(world.young_person.id))
    assert erased.reason == "Court order 123"
    assert await AuditEvent.filter(
        action="records_erased", practitioner_id=admin.id, circle_id=world.circle.id
    ).exists()
    assert (await client.get("/api/records/members?name=sam")).json()["members"] == []


async def test_nobody_else_may_find_download_or_erase(client):
    world = await factories.world()
    for person in (world.lead, world.young_person):
        await factories.act_as(client, person)
        assert (await client.get("/api/records/members?name=sam")).status_code == 403
        export = await client.get(f"/api/records/members/{world.young_person.id}/export")
        assert export.status_code == 403
        erase = await client.post(
            f"/api/records/members/{world.young_person.id}/erasure",
            json={"confirm_name": "Sam", "reason": "no"},
        )
        assert erase.status_code == 403
    assert await FamilyMember.filter(id=world.young_person.id).exists()

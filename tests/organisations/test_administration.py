"""A partnership sets itself up in the app: organisations, teams, invited
practitioners who choose a password, roles, and leavers."""

from __future__ import annotations

from server.audit.models import AuditEvent
from server.i18n import I18n
from server.jobs import queue
from server.jobs.worker import run_one
from server.organisations.models import Agency, Organisation, Practitioner, Role, Team
from tests import factories
from tests.mail_server import body_of, link_in

SET_PASSWORD = "a long and happy password"


async def _send_emails(app) -> None:
    while (job := await queue.claim()) is not None:
        await run_one(job, app.state.settings, I18n())


async def _partnership_admin() -> Practitioner:
    council = await Organisation.create(name="Riverside Council")
    return await factories.practitioner(
        council, "admin@council.test", "Ada Admin", role=Role.PARTNERSHIP_ADMIN
    )


async def _school_with_admin(client, admin) -> dict:
    await factories.act_as(client, admin)
    response = await client.post(
        "/api/admin/organisations", json={"name": "Hill School", "agency": "school"}
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_partnership_admin_creates_a_school_and_a_team(app, client):
    admin = await _partnership_admin()
    school = await _school_with_admin(client, admin)
    assert (school["name"], school["agency_label"]) == ("Hill School", "School")

    response = await client.post(
        f"/api/admin/organisations/{school['id']}/teams", json={"name": "Pastoral"}
    )
    assert response.status_code == 201, response.text
    assert [t["name"] for t in response.json()["teams"]] == ["Pastoral"]

    listed = (await client.get("/api/admin/organisations")).json()
    assert [o["name"] for o in listed["organisations"]] == ["Hill School", "Riverside Council"]
    assert {r["role"] for r in listed["roles_you_may_give"]} == {r.value for r in Role}


async def test_an_invited_teacher_gets_an_email_sets_a_password_and_signs_in(
    app, client, mail_server
):
    admin = await _partnership_admin()
    school = await _school_with_admin(client, admin)
    response = await client.post(
        f"/api/admin/organisations/{school['id']}/people",
        json={"name": "Tess Teacher", "email": "Tess@School.test"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["role"] == "practitioner"

    await _send_emails(app)
    link = link_in(mail_server.wait_for("tess@school.test"))
    assert link.startswith("https://alongside.example/#/set-password/")
    token = link.rsplit("/", 1)[1]

    client.cookies.clear()
    looked = await client.post("/api/practitioner-invitations/look", json={"token": token})
    assert looked.json() == {"name": "Tess Teacher", "email": "tess@school.test"}
    accepted = await client.post(
        "/api/practitioner-invitations/accept", json={"token": token, "password": SET_PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["name"] == "Tess Teacher"

    again = await client.post(
        "/api/practitioner-invitations/accept", json={"token": token, "password": SET_PASSWORD}
    )
    assert again.status_code == 410
    assert again.headers["content-type"] == "application/problem+json"
    signed_in = await client.post(
        "/api/sessions/practitioner",
        json={"email": "tess@school.test", "password": SET_PASSWORD},
    )
    assert signed_in.status_code == 200, signed_in.text


async def test_the_invitation_to_an_organisation_with_single_sign_on_says_to_sign_in_there(
    app, client, mail_server
):
    admin = await _partnership_admin()
    school = await _school_with_admin(client, admin)
    await Organisation.filter(id=school["id"]).update(identity_provider="school")
    response = await client.post(
        f"/api/admin/organisations/{school['id']}/people",
        json={"name": "Tess Teacher", "email": "tess@school.test"},
    )
    assert response.status_code == 201, response.text
    await _send_emails(app)
    message = mail_server.wait_for("tess@school.test")
    assert "Sign in with your organisation" in body_of(message)
    assert "password" not in body_of(message)
    link = link_in(message)
    assert link.startswith("https://alongside.example/auth/oidc/start?invitation=")
    token = link.split("invitation=", 1)[1]
    client.cookies.clear()
    looked = await client.post("/api/practitioner-invitations/look", json={"token": token})
    assert looked.json()["name"] == "Tess Teacher"


async def test_inviting_an_existing_email_is_refused_and_changes_nothing(app, client):
    admin = await _partnership_admin()
    await factories.act_as(client, admin)
    response = await client.post(
        f"/api/admin/organisations/{admin.organisation_id}/people",
        json={"name": "Someone Else", "email": "ADMIN@council.test"},
    )
    assert response.status_code == 409
    assert response.json()["title"] == "Someone already has an account with that email address."
    assert await Practitioner.all().count() == 1
    assert not await queue.claim()


async def test_an_organisation_admin_may_not_make_a_partnership_admin(app, client):
    school = await Organisation.create(name="Hill School", agency=Agency.SCHOOL)
    head = await factories.practitioner(
        school, "head@school.test", "Hana Head", role=Role.ORGANISATION_ADMIN
    )
    teacher = await factories.practitioner(school, "tess@school.test", "Tess Teacher")
    await factories.act_as(client, head)

    response = await client.put(
        f"/api/admin/people/{teacher.id}/role", json={"role": "partnership_admin"}
    )
    assert response.status_code == 403
    assert response.json()["type"].endswith("/role-not-yours-to-give")
    assert (await Practitioner.get(id=teacher.id)).role == Role.PRACTITIONER

    invited = await client.post(
        f"/api/admin/organisations/{school.id}/people",
        json={"name": "New Person", "email": "new@school.test", "role": "auditor"},
    )
    assert invited.status_code == 403
    assert not await Practitioner.exists(email="new@school.test")


async def test_a_team_manager_is_named_the_manager_of_their_team(app, client):
    school = await Organisation.create(name="Hill School", agency=Agency.SCHOOL)
    team = await Team.create(organisation=school, name="Pastoral")
    head = await factories.practitioner(
        school, "head@school.test", "Hana Head", role=Role.ORGANISATION_ADMIN
    )
    teacher = await factories.practitioner(school, "tess@school.test", "Tess Teacher")
    await factories.act_as(client, head)

    response = await client.put(
        f"/api/admin/people/{teacher.id}/role",
        json={"role": "team_manager", "team_id": str(team.id)},
    )
    assert response.status_code == 200, response.text
    assert (await Team.get(id=team.id)).manager_id == teacher.id
    people = (await client.get(f"/api/admin/organisations/{school.id}/people")).json()
    assert [(p["name"], p["role_label"]) for p in people["people"]] == [
        ("Hana Head", "Organisation administrator"),
        ("Tess Teacher", "Team manager"),
    ]


async def test_an_organisation_admin_cannot_see_another_organisation(app, client):
    school = await Organisation.create(name="Hill School", agency=Agency.SCHOOL)
    clinic = await Organisation.create(name="Health Centre", agency=Agency.HEALTH)
    head = await factories.practitioner(
        school, "head@school.test", "Hana Head", role=Role.ORGANISATION_ADMIN
    )
    await factories.act_as(client, head)

    assert (await client.get(f"/api/admin/organisations/{clinic.id}/people")).status_code == 404
    listed = (await client.get("/api/admin/organisations")).json()
    assert [o["name"] for o in listed["organisations"]] == ["Hill School"]


async def test_a_leaver_is_deactivated_their_session_ends_and_their_circles_are_listed(app, client):
    world = await factories.world()
    admin = await factories.practitioner(
        await Organisation.get(id=world.circle.organisation_id),
        "admin@council.test",
        "Ada Admin",
        role=Role.ORGANISATION_ADMIN,
    )
    await factories.act_as(client, world.lead)
    assert (await client.get("/api/practitioner/home")).status_code == 200
    leaver_cookies = dict(client.cookies)
    leaver_csrf = client.headers["X-CSRF-Token"]

    await factories.act_as(client, admin)
    response = await client.post(f"/api/admin/people/{world.lead.id}/deactivate")
    assert response.status_code == 200, response.text
    (circle,) = response.json()["circles_they_lead"]
    assert circle["name"] == "Sam and Mia"
    assert [c["name"] for c in circle["team"]] == ["Tom Evans"]

    reassigned = await client.put(
        f"/api/admin/circles/{circle['id']}/lead",
        json={"practitioner_id": str(world.teammate.id)},
    )
    assert reassigned.status_code == 204, reassigned.text
    left = (await client.get(f"/api/admin/people/{world.lead.id}/circles")).json()
    assert left["circles_they_lead"] == []

    client.cookies.clear()
    client.cookies.update(leaver_cookies)
    client.headers["X-CSRF-Token"] = leaver_csrf
    assert (await client.get("/api/practitioner/home")).status_code == 401
    assert await AuditEvent.exists(action="practitioner_deactivated")


async def test_practitioners_cannot_administer(app, client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    response = await client.post(
        "/api/admin/organisations", json={"name": "Mine", "agency": "school"}
    )
    assert response.status_code == 403
    assert not await Organisation.exists(name="Mine")


async def test_the_openapi_document_names_the_roles_of_each_operation(client):
    document = (await client.get("/api/openapi.json")).json()
    create = document["paths"]["/api/admin/organisations"]["post"]
    assert create["x-roles"] == ["partnership_admin"]
    invite = document["paths"]["/api/admin/organisations/{organisation_id}/people"]["post"]
    assert invite["x-roles"] == ["organisation_admin", "partnership_admin"]

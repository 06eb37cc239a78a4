"""Who may call what, generated from the OpenAPI document: every operation in
`/api/openapi.json` × every kind of person, against the outcome written in TABLE.
An operation missing from TABLE fails with its name, so a new endpoint cannot
escape the matrix.

Circle A is Sam's (lead Priya, teammate Tom, and Gwen, a teammate since
deactivated); Olu leads another circle, where Kai is the young person; the
"closed_team" is Priya once circle A is closed. Maya manages Priya's team
("lead_manager"); Wes manages another team; Ada is a partnership administrator;
Hana administers another organisation (a school). Ids from a circle that is not
yours are not found (404); family-only operations refuse practitioners (403);
signed out, or deactivated, is 401. Every refusal is problem+json, carries none
of circle A's words and changes nothing; Sam's draft reaches nobody else. No
operation changes or deletes an audit record: the audit only grows."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from server.audit.models import AuditEvent
from server.circles.models import Circle, TeamMember
from server.contributions.models import Audience, Contribution, ContributionKind
from server.family.models import UrgentRequest
from server.organisations.models import Agency, Organisation, Practitioner, Role, Team
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection, PlanVersion
from server.plans.service import snapshot_of
from server.practitioners.invitations import invite
from tests import databases, factories
from tests.factories import PASSWORD

ROLES = [
    "lead",
    "teammate",
    "outsider",
    "closed_team",
    "lead_manager",
    "other_manager",
    "partnership_admin",
    "other_org_admin",
    "deactivated",
    "young_person",
    "carer",
    "other_family",
    "signed_out",
]
PRACTITIONERS = [
    "lead",
    "teammate",
    "outsider",
    "closed_team",
    "lead_manager",
    "other_manager",
    "partnership_admin",
    "other_org_admin",
]
FAMILY = ["young_person", "carer", "other_family"]
AUDIT_READERS = {"lead_manager": 200, "other_manager": 200, "partnership_admin": 200}
REVIEWERS = AUDIT_READERS
#: Words and names of circle A that no refusal may carry.
SECRETS = ("family words", "draft words", "team words", "answer words", "Sam", "Alex")


def _each(statuses: dict[str, int]) -> dict[str, int]:
    """Signed out, or deactivated while signed in: 401 unless said otherwise."""
    return {"deactivated": 401, "signed_out": 401, **statuses}


def everyone(status: int) -> dict[str, int]:
    return {role: status for role in ROLES}


def signed_in(status: int) -> dict[str, int]:
    return _each({role: status for role in PRACTITIONERS + FAMILY})


def practitioners(status: int) -> dict[str, int]:
    return _each({**{p: status for p in PRACTITIONERS}, **{f: 403 for f in FAMILY}})


def team(status: int, **others: int) -> dict[str, int]:
    """Circle A's open team only; the lead of A once it is closed is not on it."""
    base = {p: 404 for p in PRACTITIONERS} | {"lead": status, "teammate": status}
    return _each({**base, **{f: 404 for f in FAMILY}, **others})


def governed(status: int, **others: int) -> dict[str, int]:
    """Who is in circle A, and its plan: its open lead, or the lead's manager."""
    return team(status, teammate=403, lead_manager=status, **others)


def admins(status: int, other_organisation: int = 404) -> dict[str, int]:
    """Administration of circle A's organisation: the partnership administrator;
    another organisation's administrator is told it is not found."""
    return _each(
        {p: 403 for p in PRACTITIONERS}
        | {f: 403 for f in FAMILY}
        | {"partnership_admin": status, "other_org_admin": other_organisation}
    )


def family(status: int, **others: int) -> dict[str, int]:
    return _each({**{p: 403 for p in PRACTITIONERS}, **{f: status for f in FAMILY}, **others})


def author(status: int) -> dict[str, int]:
    """Sam's own contribution: to anyone else it is not found."""
    return _each({**{role: 404 for role in PRACTITIONERS + FAMILY}, "young_person": status})


@dataclass(frozen=True)
class Case:
    expected: dict[str, int]
    body: Callable[[World], Any] | None = None
    on_draft: bool = False  # the contribution in the path is Sam's draft


def _new_contribution(w: World) -> dict:
    return {"id": str(uuid.uuid4()), "kind": "going_well", "text": "hello"}


def _future(w: World) -> str:
    return (datetime.now(UTC) + timedelta(days=9)).isoformat()


PUSH = "https://fcm.googleapis.com/fcm/send/subscription-1"
TABLE: dict[str, Case] = {
    "GET /api/me": Case(signed_in(200)),
    "POST /api/sessions/practitioner": Case(
        everyone(401), lambda w: {"email": w.deactivated.email, "password": PASSWORD}
    ),
    "POST /api/invitations/redeem": Case(
        everyone(200), lambda w: {"code": w.invitation, "pin": "2468"}
    ),
    "POST /api/sessions/family": Case(everyone(401), lambda w: {"pin": "2468"}),
    "PUT /api/me/locale": Case(signed_in(200), lambda w: {"locale": "pl"}),
    "POST /api/me/second-factor": Case(practitioners(200)),
    "GET /api/me/second-factor": Case(practitioners(200)),
    # Nothing is turned on to turn off.
    "DELETE /api/me/second-factor": Case(practitioners(409), lambda w: {"code": "000000"}),
    "GET /api/sign-in/providers": Case(everyone(200)),
    # The auditor, the partnership administrator, and team managers (for their teams'
    # circles only), look at the audit.
    "GET /api/audit": Case(practitioners(403) | AUDIT_READERS),
    "GET /api/audit/export": Case(practitioners(403) | AUDIT_READERS),
    # Records: partnership administrators (and those the settings name) only. The
    # erasure's confirmation is wrong here, so nobody is erased by the matrix.
    "GET /api/records/members": Case(practitioners(403) | {"partnership_admin": 200}),
    "GET /api/records/members/{member_id}/export": Case(
        practitioners(403) | {"partnership_admin": 200}
    ),
    "POST /api/records/members/{member_id}/erasure": Case(
        practitioners(403) | {"partnership_admin": 422},
        lambda w: {"confirm_name": "not them", "reason": "a test"},
    ),
    "GET /api/admin/organisations/{organisation_id}/sign-in": Case(admins(200)),
    "PUT /api/admin/organisations/{organisation_id}/sign-in": Case(
        admins(200), lambda w: {"requires_second_factor": True}
    ),
    "POST /api/password-reset": Case(everyone(202), lambda w: {"email": "nobody@example.test"}),
    # Nothing was started to confirm.
    "PUT /api/me/second-factor": Case(practitioners(409), lambda w: {"code": "000000"}),
    "DELETE /api/session": Case(signed_in(204)),
    "DELETE /api/sessions": Case(signed_in(204)),
    "GET /api/family/home": Case(family(200)),
    "POST /api/family/sharing-explained": Case(family(204)),
    "PUT /api/family/simple-mode": Case(family(200), lambda w: {"simple_mode": False}),
    "GET /api/family/shared-with-me": Case(family(200)),
    "POST /api/family/urgent": Case(family(201)),
    "POST /api/family/urgent/my-meeting": Case(family(201)),
    "GET /api/urgent": Case(practitioners(200)),
    "POST /api/urgent/{urgent_id}/acknowledgement": Case(team(200, teammate=404)),
    "GET /api/family/my-data": Case(family(200)),
    "GET /api/contributions": Case(family(200)),
    "POST /api/contributions": Case(family(201), _new_contribution),
    "GET /api/contributions/{contribution_id}": Case(author(200)),
    "PATCH /api/contributions/{contribution_id}": Case(
        author(200), lambda w: {"version": 1, "text": "edited"}, on_draft=True
    ),
    "DELETE /api/contributions/{contribution_id}": Case(author(204), on_draft=True),
    "PUT /api/contributions/{contribution_id}/audience": Case(
        author(200), lambda w: {"audience": "my_worker"}
    ),
    "POST /api/contributions/{contribution_id}/withdraw": Case(author(200)),
    "GET /api/circles/{circle_id}/voice": Case(team(200)),
    "POST /api/circles": Case(practitioners(201), lambda w: {"name": "A new circle"}),
    "GET /api/circles/{circle_id}": Case(team(200, closed_team=200, lead_manager=200)),
    "POST /api/circles/{circle_id}/members": Case(
        governed(201), lambda w: {"name": "Bo", "role": "child", "age_band": "8_11"}
    ),
    "DELETE /api/circles/{circle_id}/members/{member_id}": Case(governed(200)),
    "POST /api/circles/{circle_id}/members/{member_id}/invitations": Case(governed(201)),
    "POST /api/circles/{circle_id}/team": Case(
        governed(201), lambda w: {"email": w.world.outsider.email}
    ),
    "DELETE /api/circles/{circle_id}/team/{practitioner_id}": Case(governed(200)),
    "PUT /api/circles/{circle_id}/lead": Case(
        governed(200), lambda w: {"practitioner_id": str(w.world.lead.id)}
    ),
    "POST /api/circles/{circle_id}/close": Case(governed(200)),
    "POST /api/circles/{circle_id}/meetings": Case(
        team(201), lambda w: {"kind": "family_group_conference", "starts_at": _future(w)}
    ),
    "GET /api/meetings/{meeting_id}": Case(team(200)),
    "POST /api/meetings/{meeting_id}/view-requests": Case(
        team(200),
        lambda w: {
            "member_ids": [str(w.world.young_person.id)],
            "due_on": (date.today() + timedelta(days=3)).isoformat(),
        },
    ),
    # Circle A's meeting is still to come: the check-in and reflection wait for it
    # (409) for those who may give them; to anyone else the meeting is not found.
    "PUT /api/family/check-ins/{meeting_id}": Case(
        family(409, other_family=404), lambda w: {"listened": 3}
    ),
    "PUT /api/meetings/{meeting_id}/reflection": Case(team(409), lambda w: {"listened": 3}),
    "GET /api/meetings/{meeting_id}/check-ins": Case(team(200)),
    "GET /api/meetings/{meeting_id}/voice-coverage": Case(team(200)),
    "GET /api/circles/{circle_id}/plan": Case(team(200)),
    "POST /api/circles/{circle_id}/plan/items": Case(
        team(201), lambda w: {"section": "working_well", "text": "x"}
    ),
    "POST /api/circles/{circle_id}/plan/imports": Case(
        team(201),
        lambda w: {"contribution_id": w.ids["contribution_id"], "section": "worried_about"},
    ),
    # Tom may change the items he wrote, not this one (nobody on the team wrote it).
    "PATCH /api/plan-items/{item_id}": Case(team(200, teammate=403), lambda w: {"text": "x"}),
    "DELETE /api/plan-items/{item_id}": Case(team(204, teammate=403)),
    "POST /api/circles/{circle_id}/plan/publish": Case(governed(201)),
    "GET /api/circles/{circle_id}/plan/versions/{number}/export": Case(team(200)),
    "GET /api/schemas/plan-export-v1.json": Case(everyone(200)),
    "POST /api/plan-answers/{answer_id}/response": Case(team(200), lambda w: {"text": "thanks"}),
    "POST /api/plan-answers/{answer_id}/escalate": Case(team(200)),
    # Alex's disagreement went to Maya, who manages the lead's team: she alone answers.
    "POST /api/plan-answers/{answer_id}/manager-answer": Case(
        practitioners(404) | {"lead_manager": 200}, lambda w: {"text": "I will look again."}
    ),
    "POST /api/family/plan/answers/{answer_id}/escalate": Case(family(404, carer=200)),
    # East is the lead's team: Maya manages it; Wes manages another.
    "PUT /api/teams/{team_id}/duty-contact": Case(
        admins(200) | {"lead_manager": 200, "other_manager": 404},
        lambda w: {"practitioner_id": str(w.world.lead.id)},
    ),
    "GET /api/oversight": Case(practitioners(403) | {"lead_manager": 200, "other_manager": 200}),
    # The annual review: figures only, for managers (their teams) and the partnership.
    "GET /api/review": Case(practitioners(403) | REVIEWERS),
    "GET /api/review.csv": Case(practitioners(403) | REVIEWERS),
    "GET /review/{year}/print": Case(practitioners(403) | REVIEWERS),
    "GET /review/{year}/chart.svg": Case(practitioners(403) | REVIEWERS),
    # The answer is Alex's (the carer): only its author may take the comment back.
    "POST /api/family/plan/answers/{answer_id}/withdraw": Case(family(404, carer=200)),
    "GET /api/family/plan": Case(family(200)),
    "POST /api/family/plan/seen": Case(family(204), lambda w: {"version": 1}),
    "POST /api/family/plan/items/{item_id}/answer": Case(
        family(201, other_family=404), lambda w: {"answer": "agree"}
    ),
    "GET /api/family/you-said": Case(family(200)),
    # The outbox's backlog; each command in it answers as it would alone.
    "POST /api/commands/batch": Case(family(200), lambda w: {"commands": []}),
    "GET /print/circles/{circle_id}/plan": Case(team(200)),
    "GET /print/my-plan": Case(family(200)),
    "GET /api/practitioner/home": Case(practitioners(200)),
    "POST /api/practitioner-invitations/look": Case(
        everyone(200), lambda w: {"token": w.practitioner_link}
    ),
    "POST /api/practitioner-invitations/accept": Case(
        everyone(200), lambda w: {"token": w.practitioner_link, "password": PASSWORD}
    ),
    "GET /api/admin/organisations": Case(admins(200, other_organisation=200)),
    "POST /api/admin/organisations": Case(
        admins(201, other_organisation=403), lambda w: {"name": "Hill Clinic", "agency": "health"}
    ),
    "POST /api/admin/organisations/{organisation_id}/teams": Case(
        admins(201), lambda w: {"name": "North"}
    ),
    "GET /api/admin/organisations/{organisation_id}/people": Case(admins(200)),
    "POST /api/admin/organisations/{organisation_id}/people": Case(
        admins(201), lambda w: {"name": "Nia New", "email": "nia@example.test"}
    ),
    "PUT /api/admin/people/{practitioner_id}/role": Case(
        admins(200), lambda w: {"role": "team_manager"}
    ),
    "GET /api/admin/people/{practitioner_id}/circles": Case(admins(200)),
    "POST /api/admin/people/{practitioner_id}/deactivate": Case(admins(200)),
    "PUT /api/admin/circles/{circle_id}/lead": Case(
        admins(204), lambda w: {"practitioner_id": str(w.world.teammate.id)}
    ),
    "GET /api/push/key": Case(signed_in(200)),
    "POST /api/push/subscriptions": Case(
        signed_in(204), lambda w: {"endpoint": PUSH, "keys": {"p256dh": "B" * 40, "auth": "a" * 16}}
    ),
    "DELETE /api/push/subscriptions": Case(signed_in(204), lambda w: {"endpoint": PUSH}),
}


@dataclass
class World:
    world: factories.World
    deactivated: Any
    ids: dict[str, str]  # path parameters, by the names the OpenAPI paths use
    draft: str
    invitation: str
    practitioner_link: str
    staff: dict[str, Any]

    def person(self, role: str) -> Any:
        return {
            "lead": self.world.lead,
            "teammate": self.world.teammate,
            "outsider": self.world.outsider,
            "closed_team": self.world.lead,
            "deactivated": self.deactivated,
            "young_person": self.world.young_person,
            "carer": self.world.parent,
            "other_family": self.world.other_young_person,
            **self.staff,
        }.get(role)


async def _published_plan(circle: Circle, text: str) -> tuple[PlanItem, PlanVersion]:
    plan = await Plan.create(circle=circle)
    item = await PlanItem.create(
        plan=plan, section=PlanSection.NEEDS_TO_HAPPEN, text=text, position=0
    )
    version = await PlanVersion.create(plan=plan, number=1, snapshot={"items": [snapshot_of(item)]})
    return item, version


async def _world(closed: bool) -> World:
    async with in_transaction():  # one commit: the matrix builds this world many times
        return await _build_world(closed)


async def _build_world(closed: bool) -> World:
    world = await factories.world()
    organisation = await Organisation.get(id=world.circle.organisation_id)
    staff = await _staff(organisation, world.lead)
    deactivated = await factories.practitioner(organisation, "gwen@example.test", "Gwen Gone")
    deactivated.is_active = False
    await deactivated.save(update_fields=["is_active"])
    await TeamMember.create(circle=world.circle, practitioner=deactivated)
    source = await Contribution.create(
        circle=world.circle,
        author=world.young_person,
        kind=ContributionKind.WANT_TO_HAPPEN,
        text="family words",
        audience=Audience.MY_FAMILY_TOO,
    )
    draft = await Contribution.create(
        circle=world.circle,
        author=world.young_person,
        kind=ContributionKind.GOING_WELL,
        text="draft words",
    )
    item, _ = await _published_plan(world.circle, "team words")
    await _published_plan(world.other_circle, "the other family's plan")
    answer = await PlanAnswer.create(
        item=item,
        member=world.parent,
        version_number=1,
        answer=Answer.DISAGREE,
        comment="answer words",
        escalated_at=datetime.now(UTC),
        escalated_to=staff["lead_manager"],
    )
    urgent = await UrgentRequest.create(member=world.young_person, circle=world.circle)
    if closed:
        await Circle.filter(id=world.circle.id).update(closed_at=datetime.now(UTC))
    return World(
        world,
        deactivated,
        ids={
            "circle_id": str(world.circle.id),
            "contribution_id": str(source.id),
            "member_id": str(world.young_person.id),
            "meeting_id": str(world.meeting.id),
            "item_id": str(item.id),
            "answer_id": str(answer.id),
            "number": "1",
            "year": "2026",
            "urgent_id": str(urgent.id),
            "organisation_id": str(organisation.id),
            "practitioner_id": str(world.teammate.id),
            "team_id": str(world.lead.team_id),
        },
        draft=str(draft.id),
        invitation=await factories.invitation_code(world.other_young_person),
        practitioner_link=await invite(staff["new_colleague"]),
        staff={k: v for k, v in staff.items() if k != "new_colleague"},
    )


async def _staff(organisation: Organisation, lead: Practitioner) -> dict[str, Practitioner]:
    """Managers and administrators around circle A, and an invited colleague."""
    east = await Team.create(organisation=organisation, name="East")
    west = await Team.create(organisation=organisation, name="West")
    council = await Organisation.create(name="Council")
    school = await Organisation.create(name="Hill School", agency=Agency.SCHOOL)
    maker = factories.practitioner
    staff = {
        "lead_manager": await maker(organisation, "maya@example.test", "Maya", team=east),
        "other_manager": await maker(organisation, "wes@example.test", "Wes", team=west),
        "partnership_admin": await maker(
            council, "ada@example.test", "Ada", role=Role.PARTNERSHIP_ADMIN
        ),
        "other_org_admin": await maker(
            school, "hana@example.test", "Hana", role=Role.ORGANISATION_ADMIN
        ),
        "new_colleague": await Practitioner.create(
            organisation=organisation, email="neo@example.test", name="Neo", agency=Agency.HEALTH
        ),
    }
    for team, manager in ((east, staff["lead_manager"]), (west, staff["other_manager"])):
        manager.role = Role.TEAM_MANAGER
        await manager.save(update_fields=["role"])
        team.manager = manager
        await team.save(update_fields=["manager_id"])
    lead.team = east
    await lead.save(update_fields=["team_id"])
    return staff


async def _operations(client) -> dict[str, tuple[str, str]]:
    """'METHOD /path' -> (method, path), for every operation the app publishes."""
    document = (await client.get("/api/openapi.json")).json()
    return {
        f"{method.upper()} {path}": (method.upper(), path)
        for path, operations in document["paths"].items()
        for method in operations
    }


async def test_every_operation_in_the_openapi_document_has_a_row(client):
    published = set(await _operations(client))
    missing, stale = sorted(published - set(TABLE)), sorted(set(TABLE) - published)
    assert not missing, (
        "Say who may call these operations: add them to TABLE in "
        f"tests/auth/test_access_matrix.py: {missing}"
    )
    assert not stale, f"TABLE names operations the app no longer has: {stale}"


async def _as(client, role: str, w: World) -> None:
    person = w.person(role)
    if person is None:
        client.cookies.clear()
        client.headers.pop("X-CSRF-Token", None)
    else:
        await factories.act_as(client, person)


#: A subject access request gives, by law, everything held about the family member,
#: drafts too, to whoever may manage records (records.access), never to anyone else.
SUBJECT_ACCESS = {"GET /api/records/members/{member_id}/export"}


def _problems(key: str, role: str, response) -> list[str]:
    """A refusal is problem+json and carries none of circle A's words or names;
    no answer carries Sam's draft to anyone but Sam."""
    problems = []
    if response.status_code >= 400:
        if response.headers["content-type"] != "application/problem+json":
            problems.append(f"{key}: refused with {response.headers['content-type']}")
        problems += [
            f"{key}: refusal carries {secret!r}" for secret in SECRETS if secret in response.text
        ]
    if role != "young_person" and "draft words" in response.text and key not in SUBJECT_ACCESS:
        problems.append(f"{key}: Sam's draft reached {role}")
    return problems


#: Refused sign-ins are audited: the one change a refusal rightly makes.
AUDITED_REFUSALS = ("sign_in_failed", "family_sign_in_failed", "invitation_refused")


async def _everything() -> dict[str, list[str]]:
    """Every row the app keeps, but sessions and sign-in attempt counters (which
    signing in, out or wrongly rightly change), and audited refused sign-ins."""
    return {
        model._meta.db_table: sorted(
            repr(row)
            for row in await model.all().values()
            if row.get("action") not in AUDITED_REFUSALS
        )
        for model in Tortoise.apps["models"].values()
        if model._meta.db_table not in ("session", "attempt")
    }


async def _audit() -> dict[int, str]:
    return {row["id"]: repr(row) for row in await AuditEvent.all().values()}


@pytest.mark.parametrize("role", ROLES)
async def test_each_operation_answers_each_role_as_the_table_says(client, role):
    closed = role == "closed_team"
    w = await _world(closed)
    wrong: list[str] = []
    for key, (method, path) in (await _operations(client)).items():
        case = TABLE.get(key)
        if case is None:
            continue  # reported by test_every_operation_in_the_openapi_document_has_a_row
        ids = {**w.ids, **({"contribution_id": w.draft} if case.on_draft else {})}
        refusal = method != "GET" and case.expected[role] >= 400
        await _as(client, role, w)
        before = await _everything() if refusal else None
        audit = await _audit()
        response = await client.request(
            method, path.format(**ids), json=case.body(w) if case.body else None
        )
        if not audit.items() <= (await _audit()).items():
            wrong.append(f"{key}: changed or deleted audit records (only appends are allowed)")
        if response.status_code != case.expected[role]:
            wrong.append(
                f"{key}: expected {case.expected[role]}, got "
                f"{response.status_code} {response.text[:160]}"
            )
        wrong += _problems(key, role, response)
        if method == "GET" or (refusal and await _everything() == before):
            continue  # nothing changed: go on from the same circles
        if refusal and response.status_code >= 400:
            wrong.append(f"{key}: refused with {response.status_code}, yet something changed")
        await databases.empty_all_tables()  # after a change, start again from the same circles
        w = await _world(closed)
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)

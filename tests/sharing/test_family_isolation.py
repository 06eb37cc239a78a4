"""Family isolation across circles: on every path a family member can read, a
carer and a child of circle B see nothing of circle A. Every string circle A
holds carries a canary; B's answers are searched for it. The paths are every
GET in the OpenAPI document, with A's ids filled in, so a new read path is
checked the day it is added."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta

from server.circles.models import AgeBand, Circle, FamilyRole, TeamMember
from server.meetings.models import Meeting, MeetingKind
from server.organisations.models import Organisation
from tests import factories
from tests.plans.helpers import add, bring_in, publish, share

CANARY = "CanaryOfCircleA"
AUDIENCES = ["just_me", "my_worker", "my_meeting", "my_family_too"]
#: Reads every family member has, whatever their role (they must answer 200,
#: or the search for canaries would prove nothing).
FAMILY_READS = [
    "/api/family/home",
    "/api/family/shared-with-me",
    "/api/family/my-data",
    "/api/contributions",
    "/api/family/plan",
    "/api/family/you-said",
    "/print/my-plan",
]


def canary(label: str) -> str:
    return f"{CANARY}-{label}"


async def _circle_a(client, organisation) -> dict[str, str]:
    """Circle A with words in every audience from every member, a withdrawn item,
    scales, a published plan with answers and a response, a meeting and a call for
    help. Returns A's ids, by the names the OpenAPI paths use."""
    circle = await Circle.create(organisation=organisation, name=canary("circle"))
    lead = await factories.practitioner(organisation, "a-lead@example.test", canary("lead"))
    await TeamMember.create(circle=circle, practitioner=lead, is_lead=True)
    members = [
        await factories.member(circle, canary(role.value), role, band)
        for role, band in (
            (FamilyRole.YOUNG_PERSON, AgeBand.FROM_12_TO_15),
            (FamilyRole.CHILD, AgeBand.UNDER_8),
            (FamilyRole.PARENT, AgeBand.ADULT),
            (FamilyRole.FOSTER_CARER, AgeBand.ADULT),
        )
    ]
    meeting = await Meeting.create(
        circle=circle,
        kind=MeetingKind.LOOKED_AFTER_REVIEW,
        place=canary("place"),
        starts_at=datetime.now(UTC) + timedelta(days=5),
    )
    shared = []
    for member in members:
        for audience in AUDIENCES:
            words = await share(client, member, canary(f"{member.role}-{audience}"), audience)
            if audience != "just_me":
                shared.append(words)
        scale = {
            "id": str(uuid.uuid4()),
            "kind": "scale",
            "scale_question": canary("scale"),
            "scale_value": 3,
            "audience": "my_family_too",
        }
        assert (await client.post("/api/contributions", json=scale)).status_code == 201
        shared.append(scale["id"])
    taken_back = await share(client, members[0], canary("withdrawn"), "my_family_too")
    for words in (*shared, taken_back):
        item = await bring_in(client, lead, circle, words)
    asked = await client.post(
        f"/api/meetings/{meeting.id}/view-requests",
        json={"member_ids": [str(m.id) for m in members], "due_on": date.today().isoformat()},
    )
    assert asked.status_code == 200, asked.text
    action = await add(
        client, lead, circle, canary("action"), "actions", owner={"member_id": str(members[2].id)}
    )
    await publish(client, lead, circle)
    await factories.act_as(client, members[0])
    assert (await client.post(f"/api/contributions/{taken_back}/withdraw")).status_code == 200
    assert (await client.post("/api/family/urgent")).status_code == 201
    await factories.act_as(client, members[2])
    answered = await client.post(
        f"/api/family/plan/items/{action['id']}/answer",
        json={"answer": "disagree", "comment": canary("comment")},
    )
    await factories.act_as(client, lead)
    responded = await client.post(
        f"/api/plan-answers/{answered.json()['id']}/response", json={"text": canary("response")}
    )
    assert (answered.status_code, responded.status_code) == (201, 200)
    return {
        "circle_id": str(circle.id),
        "contribution_id": shared[-1],
        "meeting_id": str(meeting.id),
        "member_id": str(members[0].id),
        "item_id": item["id"],
        "answer_id": answered.json()["id"],
        "number": "1",
        "year": "2026",
        "organisation_id": str(circle.organisation_id),
        "practitioner_id": str(lead.id),
        "urgent_id": str(uuid.uuid4()),
        "team_id": str(uuid.uuid4()),
    }


async def _circle_b(client, organisation):
    """Circle B: a carer and a child, with words and a published plan of its own."""
    circle = await Circle.create(organisation=organisation, name="Circle B")
    lead = await factories.practitioner(organisation, "b-lead@example.test", "B Lead")
    await TeamMember.create(circle=circle, practitioner=lead, is_lead=True)
    carer = await factories.member(circle, "B carer", FamilyRole.KINSHIP_CARER, AgeBand.ADULT)
    child = await factories.member(circle, "B child", FamilyRole.CHILD, AgeBand.FROM_8_TO_11)
    for_family = await share(client, child, "B child's words", "my_family_too")
    await share(client, carer, "B carer's words", "my_family_too")
    await bring_in(client, lead, circle, for_family)
    await add(client, lead, circle, "B team's words")
    await publish(client, lead, circle)
    return carer, child


def _fill(path: str, ids: dict[str, str]) -> str:
    missing = set(re.findall(r"\{(\w+)\}", path)) - set(ids)
    assert not missing, f"{path}: give circle A an id for {sorted(missing)} in this test"
    return path.format(**ids)


async def test_family_members_of_circle_b_see_nothing_of_circle_a(client):
    organisation = await Organisation.create(name="Partnership")
    a_ids = await _circle_a(client, organisation)
    carer, child = await _circle_b(client, organisation)
    document = (await client.get("/api/openapi.json")).json()
    reads = [path for path, operations in document["paths"].items() if "get" in operations]
    leaks, status = [], {}
    for person in (carer, child):
        await factories.act_as(client, person)
        for path in reads:
            response = await client.get(_fill(path, a_ids))
            status[person.name, path] = response.status_code
            found = sorted(set(re.findall(CANARY + r"-[\w-]+", response.text)))
            if found:
                leaks.append(f"{person.name} {path}: {found}")
        assert all(status[person.name, path] == 200 for path in FAMILY_READS), status
        everything = "".join([(await client.get(path)).text for path in FAMILY_READS])
        assert "B team's words" in everything and "B child's words" in everything
    assert not leaks, "circle A's words reached circle B:\n" + "\n".join(leaks)
    await factories.act_as(client, carer)
    shared = (await client.get("/api/family/shared-with-me")).json()["items"]
    assert [item["text"] for item in shared] == ["B child's words"]

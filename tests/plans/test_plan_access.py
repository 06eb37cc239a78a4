"""Every meeting and plan endpoint × every kind of person. Ids from a circle
that is not yours are not found (404); family-only endpoints refuse
practitioners (403); signed out is 401."""

from datetime import UTC, date, datetime, timedelta

import pytest

from server.contributions.models import Audience, Contribution, ContributionKind
from server.plans.models import Answer, Plan, PlanAnswer, PlanItem, PlanSection, PlanVersion
from server.plans.service import snapshot_of
from tests import factories

PEOPLE = ["lead", "teammate", "outsider", "carer", "young_person", "signed_out"]


def team(status, others=404):
    return {"lead": status, "teammate": status, "outsider": others, "carer": others,
            "young_person": others, "signed_out": 401}


def family(status):
    return {"lead": 403, "teammate": 403, "outsider": 403, "carer": status,
            "young_person": status, "signed_out": 401}


LATER = (date.today() + timedelta(days=3)).isoformat()
MATRIX = [
    ("GET", "/api/circles/{circle}", None, team(200)),
    ("POST", "/api/circles/{circle}/members",
     {"name": "Bo", "role": "child", "age_band": "8_11"}, team(201)),
    ("POST", "/api/circles/{circle}/team", {"email": "olu@example.test"}, team(201)),
    ("PUT", "/api/circles/{circle}/lead", {"practitioner_id": "{lead_id}"},
     {**team(200), "teammate": 403}),
    ("POST", "/api/circles/{circle}/close", None, {**team(200), "teammate": 403}),
    ("POST", "/api/circles/{circle}/meetings",
     {"kind": "family_group_conference", "starts_at": "{future}"}, team(201)),
    ("GET", "/api/meetings/{meeting}", None, team(200)),
    ("POST", "/api/meetings/{meeting}/view-requests",
     {"member_ids": ["{young_person_id}"], "due_on": LATER}, team(200)),
    ("GET", "/api/circles/{circle}/plan", None, team(200)),
    ("POST", "/api/circles/{circle}/plan/items", {"section": "working_well", "text": "x"},
     team(201)),
    ("POST", "/api/circles/{circle}/plan/imports",
     {"contribution_id": "{source}", "section": "worried_about"}, team(201)),
    ("PATCH", "/api/plan-items/{item}", {"text": "changed"}, team(200)),
    ("DELETE", "/api/plan-items/{item}", None, team(204)),
    ("POST", "/api/circles/{circle}/plan/publish", None, team(201)),
    ("GET", "/api/circles/{circle}/plan/versions/1/export", None, team(200)),
    ("GET", "/print/circles/{circle}/plan", None, team(200)),
    ("POST", "/api/plan-answers/{answer}/response", {"text": "thanks"}, team(200)),
    ("POST", "/api/plan-answers/{answer}/escalate", None, team(200)),
    ("GET", "/api/family/plan", None, family(200)),
    ("POST", "/api/family/plan/seen", {"version": 1}, family(204)),
    ("POST", "/api/family/plan/items/{item}/answer", {"answer": "agree"}, family(201)),
    ("GET", "/api/family/you-said", None, family(200)),
    ("GET", "/print/my-plan", None, family(200)),
]


def _fill(value, names):
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    return value


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize(("method", "path", "body", "expected"), MATRIX,
                         ids=[f"{m} {p}" for m, p, _, _ in MATRIX])
async def test_access(client, person, method, path, body, expected):
    world = await factories.world()
    source = await Contribution.create(
        circle=world.circle, author=world.young_person, kind=ContributionKind.WANT_TO_HAPPEN,
        text="family words", audience=Audience.MY_FAMILY_TOO)
    plan = await Plan.create(circle=world.circle)
    item = await PlanItem.create(plan=plan, section=PlanSection.NEEDS_TO_HAPPEN,
                                 text="team words", position=0)
    await PlanVersion.create(plan=plan, number=1, snapshot={"items": [snapshot_of(item)]})
    answer = await PlanAnswer.create(item=item, member=world.parent, version_number=1,
                                     answer=Answer.DISAGREE, comment="answer words")
    who = {"lead": world.lead, "teammate": world.teammate, "outsider": world.outsider,
           "carer": world.parent, "young_person": world.young_person}
    if person != "signed_out":
        await factories.act_as(client, who[person])
    names = {"circle": world.circle.id, "meeting": world.meeting.id, "item": item.id,
             "answer": answer.id, "source": source.id, "lead_id": world.lead.id,
             "young_person_id": world.young_person.id,
             "future": (datetime.now(UTC) + timedelta(days=9)).isoformat()}
    response = await client.request(method, _fill(path, names), json=_fill(body, names))
    assert response.status_code == expected[person], response.text
    if response.status_code >= 400:
        for secret in ("family words", "team words", "answer words", "Sam", "Alex"):
            assert secret not in response.text

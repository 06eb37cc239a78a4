"""Every practitioner read of family words in a plan is audited and shown to the
author as "read by": the team's plan view, its print view and the JSON export."""

import pytest

from server.audit.models import AuditEvent
from tests import factories
from tests.plans.helpers import bring_in, publish, share

PLAN_READS = [
    "/api/circles/{circle}/plan",
    "/print/circles/{circle}/plan",
    "/api/circles/{circle}/plan/versions/1/export",
]


@pytest.mark.parametrize("path", PLAN_READS)
async def test_each_plan_read_of_family_words_is_audited_for_the_author(client, path):
    """Kills mutant R2: plan reads not audited (team plan view, print view, JSON
    export). Words the reader may not see, or that were withdrawn, are not reads."""
    world = await factories.world()
    seen = await share(client, world.young_person, "for the meeting", "my_meeting")
    lead_only = await share(client, world.young_person, "for my worker", "my_worker")
    taken_back = await share(client, world.young_person, "taken back", "my_meeting")
    for source in (seen, lead_only, taken_back):
        await bring_in(client, world.lead, world.circle, source)
    await publish(client, world.lead, world.circle)
    await factories.act_as(client, world.young_person)
    assert (await client.post(f"/api/contributions/{taken_back}/withdraw")).status_code == 200
    await AuditEvent.filter(action="read_contribution").delete()

    await factories.act_as(client, world.teammate)
    response = await client.get(path.format(circle=world.circle.id))
    assert response.status_code == 200 and "for the meeting" in response.text

    reads = await AuditEvent.filter(action="read_contribution").values_list(
        "subject_id", "practitioner_id", "circle_id"
    )
    assert reads == [(seen, world.teammate.id, world.circle.id)]
    await factories.act_as(client, world.young_person)
    mine = {i["id"]: i["read_by"] for i in (await client.get("/api/contributions")).json()["items"]}
    assert [(r["name"], r["label"]) for r in mine[seen]] == [("Tom Evans", "School")]
    assert mine[lead_only] == [] and mine[taken_back] == []


async def test_words_shown_when_bringing_them_into_the_plan_are_a_read(client):
    """The answer to importing (and to editing the item) shows the family's words:
    that is a read like any other, shown to the author as "read by"."""
    world = await factories.world()
    source = await share(client, world.young_person, "for the meeting", "my_meeting")
    await AuditEvent.filter(action="read_contribution").delete()
    item = await bring_in(client, world.teammate, world.circle, source)
    reads = await AuditEvent.filter(action="read_contribution").values_list(
        "subject_id", "practitioner_id"
    )
    assert reads == [(source, world.teammate.id)]
    await factories.act_as(client, world.lead)  # the lead may change any item
    edited = await client.patch(f"/api/plan-items/{item['id']}", json={"section": "working_well"})
    assert edited.status_code == 200 and "for the meeting" in edited.text
    assert (
        await AuditEvent.filter(action="read_contribution", practitioner_id=world.lead.id).count()
        == 1
    )

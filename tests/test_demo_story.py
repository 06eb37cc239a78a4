"""`alongside demo` makes a circle in mid-flow, so anyone who signs in sees the
product working at once: a meeting next week with requests for views, the young
person's shared worry and strength and a carer's view, a published plan with a
carer's disagreement waiting for a response, and a second version in draft."""

from server import demo
from server.circles.models import FamilyMember
from server.organisations.models import Agency, Organisation, Practitioner
from server.plans.models import PlanItem, PlanVersion
from tests import factories


async def _built():
    organisation = await Organisation.create(name=demo.ORGANISATION)
    await demo.build(organisation)
    circle = await demo.build(organisation)  # a second run changes nothing
    return circle


async def test_the_demo_circle_is_in_mid_flow(client):
    circle = await _built()
    priya = await Practitioner.get(email=demo.PRACTITIONERS[0][0])
    await factories.act_as(client, priya)
    [meeting] = (await client.get(f"/api/circles/{circle.id}")).json()["meetings"]
    shown = (await client.get(f"/api/meetings/{meeting['id']}")).json()
    assert {m["name"]: m["views"] for m in shown["members"]} == {
        "Sam": "shared",
        "Mia": "asked",
        "Alex": "shared",
    }
    plan = (await client.get(f"/api/circles/{circle.id}/plan")).json()
    assert plan["published_version"] == 1
    disagreements = [a for i in plan["items"] for a in i["answers"] if a["flagged"]]
    assert [a["member_name"] for a in disagreements] == ["Alex"]
    assert await PlanVersion.filter(plan__circle_id=circle.id).count() == 1
    published = await PlanVersion.get(plan__circle_id=circle.id)
    assert await PlanItem.filter(plan__circle_id=circle.id).count() > len(
        published.snapshot["items"]
    )  # version 2 is in draft
    sam = await FamilyMember.get(circle_id=circle.id, name="Sam")
    await factories.act_as(client, sam)
    home = (await client.get("/api/family/home")).json()
    assert [r["asked_by"] for r in home["view_requests"]] == ["Priya Shah"]
    assert home["view_requests"][0]["answered"] is True
    kinds = {i["kind"] for i in (await client.get("/api/contributions")).json()["items"]}
    assert kinds == {"worried_about", "going_well"}


def test_the_demo_says_who_the_lead_is():
    text = demo.describe(
        {
            "url": "http://127.0.0.1:8000",
            "practitioners": [
                {"name": "Priya Shah", "email": "p@x", "password": "pw", "lead": True},
                {"name": "Tom Evans", "email": "t@x", "password": "pw", "lead": False},
            ],
            "staff": [],
            "family": [],
        }
    )
    assert "Priya Shah (lead practitioner): p@x / pw" in text
    assert "Tom Evans: t@x / pw" in text


async def test_the_school_worker_is_at_a_school_and_the_family_sees_him_join(client):
    circle = await _built()
    tom = await Practitioner.get(email=demo.PRACTITIONERS[1][0]).prefetch_related(
        "organisation", "team"
    )
    assert tom.organisation.name == "Riverside Academy"
    assert tom.organisation.agency == Agency.SCHOOL
    assert tom.team is not None and tom.team.organisation_id == tom.organisation.id
    assert tom.organisation.id != circle.organisation_id
    assert await Organisation.filter(name="Riverside Academy").count() == 1
    # Still on the circle's team: he opens it.
    await factories.act_as(client, tom)
    assert (await client.get(f"/api/circles/{circle.id}")).status_code == 200
    sam = await FamilyMember.get(circle_id=circle.id, name="Sam")
    await factories.act_as(client, sam)
    home = (await client.get("/api/family/home")).json()
    joined = home["joined_from_other_organisations"]
    assert [(person["name"], person["agency_label"]) for person in joined] == [
        ("Tom Evans", "School")
    ]

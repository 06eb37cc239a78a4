from datetime import UTC

from server.contributions.models import Audience, Contribution, ContributionKind
from tests import factories


async def _write(member, audience, withdrawn=False):
    from datetime import datetime

    return await Contribution.create(
        circle_id=member.circle_id,
        author=member,
        kind=ContributionKind.WORRIED_ABOUT,
        text="words",
        audience=audience,
        withdrawn_at=datetime.now(UTC) if withdrawn else None,
    )


async def test_a_family_member_sees_their_circle_worker_and_meetings(client):
    world = await factories.world()
    await _write(world.young_person, Audience.JUST_ME)
    await _write(world.young_person, Audience.MY_WORKER)
    await _write(world.young_person, Audience.MY_MEETING, withdrawn=True)
    await _write(world.parent, Audience.MY_FAMILY_TOO)  # not Sam's
    await factories.join(client, world.young_person)
    home = (await client.get("/api/family/home")).json()
    assert home["name"] == "Sam"
    assert home["circle"] == {"name": "Sam and Mia", "closed_at": None}
    assert home["lead_practitioner"] == {"name": "Priya Shah", "agency_label": "Social care"}
    assert [m["kind_label"] for m in home["upcoming_meetings"]] == ["Child in need review"]
    assert home["contributions"] == {"total": 3, "shared": 1}


async def test_only_family_members_have_a_family_home(client):
    world = await factories.world()
    assert (await client.get("/api/family/home")).status_code == 401
    await factories.sign_in_practitioner(client, world.lead)
    assert (await client.get("/api/family/home")).status_code == 403

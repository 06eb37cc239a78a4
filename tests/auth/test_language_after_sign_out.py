"""The app opens in a signed-in person's chosen language; once their session
has ended (here: left idle), the phone is nobody's and the browser's language
is used again, so a shared phone does not hint whose it was."""

from datetime import UTC, datetime, timedelta

from server.auth.models import Session
from server.circles.models import FamilyMember
from tests import factories


async def test_an_ended_session_no_longer_chooses_the_apps_language(client):
    world = await factories.world()
    await FamilyMember.filter(id=world.young_person.id).update(locale="ur")
    await factories.act_as(client, world.young_person)
    assert '<html lang="ur"' in (await client.get("/")).text
    await Session.all().update(last_seen_at=datetime.now(UTC) - timedelta(days=1))
    assert '<html lang="en"' in (await client.get("/")).text

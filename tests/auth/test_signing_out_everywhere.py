"""Signing out everywhere ends every session of mine, on every device, and
nobody else's."""

from server.auth.models import Session
from tests import factories


async def test_a_practitioner_signing_out_everywhere_ends_their_sessions_only(client):
    world = await factories.world()
    await factories.act_as(client, world.young_person)
    await factories.act_as(client, world.lead)  # on another computer
    await factories.act_as(client, world.lead)
    assert (await client.delete("/api/sessions")).status_code == 204
    assert not await Session.filter(practitioner_id=world.lead.id).exists()
    assert await Session.filter(member_id=world.young_person.id).count() == 1

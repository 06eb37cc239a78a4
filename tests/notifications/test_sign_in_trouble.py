"""The lead practitioner's push when someone keeps getting their PIN wrong: it says
that someone is having trouble, never who, and never anything they wrote."""

from tests import factories
from tests.auth.test_pins import joined_on_a_phone, pauses_in_a_row
from tests.notifications.test_push import AFTERNOON, NEUTRAL_TITLES, drain, subscribe


async def test_the_lead_gets_one_push_that_names_nobody(app, client, push_service):
    world = await factories.world()
    await subscribe(client, world.lead, push_service.device("priya-phone"), push_service)
    await subscribe(client, world.teammate, push_service.device("tom-phone"), push_service)
    client.cookies.clear()
    await joined_on_a_phone(client, world.young_person)
    await pauses_in_a_row(client, (10, 30, 60, 120))
    await drain(app, AFTERNOON)
    [message] = push_service.received
    assert message.device == "priya-phone"
    assert message.payload["title"] in NEUTRAL_TITLES
    assert message.payload["body"] == "Someone is having trouble signing in to Alongside."
    for secret in ("Sam", "Mia", "Alex", "Priya", "PIN"):
        assert secret not in str(message.payload)

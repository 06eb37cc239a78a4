"""Push subscriptions reach only the browsers' push services: the server never
posts to an address someone typed in (blind SSRF), and one person's device
cannot be taken over by another."""

from __future__ import annotations

import pytest

from server.notifications.models import PushSubscription
from tests import factories
from tests.notifications.push_service import PushService
from tests.notifications.test_push import AFTERNOON, drain, subscribe

PROBLEM = "application/problem+json"
KEYS = {"p256dh": "B" + "x" * 86, "auth": "a" * 22}

PUSH_SERVICE_ENDPOINTS = [
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91bH-x_y",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk-_x",
    "https://updates-eu.push.services.mozilla.com/wpush/v1/gAAAAABk",
    "https://web.push.apple.com/QGz9f-_sIuRx",
    "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAD%2bx%3d",
]

NOT_PUSH_SERVICES = [
    "http://127.0.0.1:9/",
    "http://169.254.169.254/latest/meta-data/",
    "https://169.254.169.254/latest/meta-data/",
    "https://[::1]/push",
    "https://2130706433/push",
    "https://localhost/push",
    "http://fcm.googleapis.com/fcm/send/x",  # not https
    "https://fcm.googleapis.com:8443/fcm/send/x",  # another port
    "https://user:secret@fcm.googleapis.com/fcm/send/x",  # userinfo
    "https://fcm.googleapis.com@127.0.0.1/fcm/send/x",
    "https://fcm.googleapis.com\\@127.0.0.1/x",
    "https://fcm.googleapis.com#@127.0.0.1/x",
    "https://fcm.googleapis.com.evil.test/fcm/send/x",
    "https://evilfcm.googleapis.com/fcm/send/x",
    "https://push.apple.com.evil.test/x",
    "https://notify.windows.com/x",  # only its subdomains are push services
    "https://fcm.googleapis.com/fcm/send/x\r\nHost: 127.0.0.1",
    "https://fcm.googleapis.com/fcm/send/\x00",
]


@pytest.mark.parametrize("endpoint", NOT_PUSH_SERVICES)
async def test_a_subscription_to_a_local_address_is_refused(client, endpoint):
    world = await factories.world()
    await factories.act_as(client, world.parent)
    response = await client.post(
        "/api/push/subscriptions", json={"endpoint": endpoint, "keys": KEYS}
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    assert [e["field"] for e in response.json()["errors"]] == ["endpoint"]
    assert not await PushSubscription.exists()


async def test_subscriptions_to_the_browsers_push_services_are_kept(client):
    world = await factories.world()
    await factories.act_as(client, world.parent)
    for endpoint in PUSH_SERVICE_ENDPOINTS:
        response = await client.post(
            "/api/push/subscriptions", json={"endpoint": endpoint, "keys": KEYS}
        )
        assert response.status_code == 204, (endpoint, response.text)
    kept = await PushSubscription.filter(member_id=world.parent.id).values_list(
        "endpoint", flat=True
    )
    assert sorted(kept) == sorted(PUSH_SERVICE_ENDPOINTS)


async def test_keys_must_look_like_a_browsers_keys(client):
    world = await factories.world()
    await factories.act_as(client, world.parent)
    for keys in (
        {"p256dh": "B" + "x" * 40 + "\x00", "auth": "a" * 22},
        {"p256dh": "B" + "x" * 86, "auth": "<script>alert(1)</script>"},
    ):
        response = await client.post(
            "/api/push/subscriptions", json={"endpoint": PUSH_SERVICE_ENDPOINTS[0], "keys": keys}
        )
        assert response.status_code == 422, response.text
    assert not await PushSubscription.exists()


async def test_nobody_can_take_over_someone_elses_subscription(client):
    world = await factories.world()
    endpoint = PUSH_SERVICE_ENDPOINTS[0]
    await factories.act_as(client, world.parent)
    first = await client.post("/api/push/subscriptions", json={"endpoint": endpoint, "keys": KEYS})
    assert first.status_code == 204
    await factories.act_as(client, world.lead)
    other_keys = {"p256dh": "B" + "y" * 86, "auth": "b" * 22}
    taken = await client.post(
        "/api/push/subscriptions", json={"endpoint": endpoint, "keys": other_keys}
    )
    assert taken.status_code == 409
    assert taken.headers["content-type"] == PROBLEM
    assert taken.json()["type"].endswith("/push-subscription-taken")
    world.lead.locale = "pl"
    await world.lead.save()
    polish = await client.post(
        "/api/push/subscriptions", json={"endpoint": endpoint, "keys": other_keys}
    )
    assert polish.status_code == 409 and polish.json()["title"] != taken.json()["title"]
    [kept] = await PushSubscription.all()
    assert (kept.member_id, kept.practitioner_id) == (world.parent.id, None)
    assert (kept.p256dh, kept.auth) == (KEYS["p256dh"], KEYS["auth"])
    # Nor can they turn it off for its owner.
    gone = await client.request("DELETE", "/api/push/subscriptions", json={"endpoint": endpoint})
    assert gone.status_code == 204
    assert await PushSubscription.filter(member_id=world.parent.id).exists()


async def test_subscribing_the_same_device_again_keeps_one_subscription_with_new_keys(client):
    world = await factories.world()
    endpoint = PUSH_SERVICE_ENDPOINTS[2]
    await factories.act_as(client, world.parent)
    new_keys = {"p256dh": "B" + "z" * 86, "auth": "c" * 22}
    for keys in (KEYS, new_keys):
        response = await client.post(
            "/api/push/subscriptions", json={"endpoint": endpoint, "keys": keys}
        )
        assert response.status_code == 204
    [kept] = await PushSubscription.all()
    assert (kept.member_id, kept.p256dh, kept.auth) == (
        world.parent.id,
        new_keys["p256dh"],
        new_keys["auth"],
    )


async def test_the_worker_never_posts_to_an_address_that_is_not_a_push_service(
    app, client, push_service, vapid_private_key
):
    """A subscription stored before push services were checked (or one whose
    service was taken off the list) is never posted to."""
    world = await factories.world()
    with PushService(push_service.vapid_public_key, push_service.subject) as unlisted:
        device = unlisted.device("old-row")
        stored = device.subscription(unlisted.url)
        await PushSubscription.create(
            practitioner=world.lead,
            endpoint=stored["endpoint"],
            p256dh=stored["keys"]["p256dh"],
            auth=stored["keys"]["auth"],
        )
        await subscribe(client, world.lead, push_service.device("priya-phone"), push_service)
        await factories.act_as(client, world.young_person)
        await client.post("/api/family/urgent")
        await drain(app, AFTERNOON)
        assert unlisted.received == [] and unlisted.refused == []
    assert [r.device for r in push_service.received] == ["priya-phone"]

"""'Forgot your password?' emails a one-time link to choose a new one; the
answer is the same whether or not the email belongs to anyone."""

from server.jobs.models import Job
from tests import factories


async def _forgot(client, email: str):
    return await client.post("/api/password-reset", json={"email": email})


async def test_a_reset_link_is_emailed_and_lets_the_practitioner_choose_a_new_password(client):
    world = await factories.world()
    response = await _forgot(client, " PRIYA@example.test")
    assert response.status_code == 202
    (job,) = await Job.filter(kind="email")
    assert (job.payload["to"], job.payload["template"]) == ("priya@example.test", "password_reset")
    token = job.payload["links"]["link"].rsplit("/", 1)[1]
    chosen = await client.post(
        "/api/practitioner-invitations/accept",
        json={"token": token, "password": "a brand new long password"},
    )
    assert chosen.status_code == 200, chosen.text
    client.cookies.clear()
    signed_in = await client.post(
        "/api/sessions/practitioner",
        json={"email": world.lead.email, "password": "a brand new long password"},
    )
    assert signed_in.status_code == 200


async def test_the_answer_is_the_same_for_an_unknown_or_closed_account(client):
    world = await factories.world()
    world.teammate.is_active = False
    await world.teammate.save(update_fields=["is_active"])
    known = await _forgot(client, world.lead.email)
    for email in ("nobody@example.test", world.teammate.email):
        other = await _forgot(client, email)
        assert (other.status_code, other.content) == (known.status_code, known.content)
    assert [job.payload["to"] for job in await Job.filter(kind="email")] == [world.lead.email]


async def test_asking_again_and_again_from_one_address_is_paused(client):
    await factories.world()
    for _ in range(5):
        assert (await _forgot(client, "nobody@example.test")).status_code == 202
    paused = await _forgot(client, "priya@example.test")
    assert paused.status_code == 429
    assert await Job.filter(kind="email").count() == 0


async def test_a_reset_link_alone_does_not_pass_the_authenticator_app(client):
    """The link proves the inbox, not the phone: it sets the password, and
    signing in still asks for the code."""
    import pyotp

    world = await factories.world()
    await factories.act_as(client, world.lead)
    setup = (await client.post("/api/me/second-factor")).json()
    secret = pyotp.parse_uri(setup["otpauth_url"]).secret
    await client.put("/api/me/second-factor", json={"code": pyotp.TOTP(secret).now()})
    client.cookies.clear()
    await _forgot(client, world.lead.email)
    (job,) = await Job.filter(kind="email")
    token = job.payload["links"]["link"].rsplit("/", 1)[1]
    chosen = await client.post(
        "/api/practitioner-invitations/accept",
        json={"token": token, "password": "a brand new long password"},
    )
    assert chosen.status_code == 401
    assert chosen.json()["type"].endswith("/second-factor-needed")
    assert (await client.get("/api/me")).status_code == 401
    asked = await client.post(
        "/api/sessions/practitioner",
        json={"email": world.lead.email, "password": "a brand new long password"},
    )
    assert asked.json()["type"].endswith("/second-factor-needed")

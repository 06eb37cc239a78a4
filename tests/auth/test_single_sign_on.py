"""Single sign-on against a real OpenID Connect provider process (npm's
oidc-provider, tests/oidc): a practitioner is found by issuer and subject,
linked only from an invitation, and every way the answer can be wrong is a
translated page with no session."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from server.audit.models import AuditEvent
from server.auth import oidc
from server.auth.models import OidcLogin, Session
from server.auth.providers import IdentityProvider
from server.organisations.models import Organisation, Practitioner
from server.practitioners import invitations
from server.settings import Settings
from tests import factories
from tests.conftest import ORIGIN, TEST_SECRET
from tests.oidc.provider import RunningProvider, running_provider, sign_in_at_provider


@pytest.fixture(scope="module")
def identity_provider() -> Iterator[RunningProvider]:
    with running_provider(ORIGIN + oidc.CALLBACK_PATH) as provider:
        yield provider


def _school(provider: RunningProvider, issuer: str | None = None) -> IdentityProvider:
    return IdentityProvider(
        key="school",
        name="Greenfield School",
        issuer=issuer or provider.issuer,
        client_id="alongside",
        client_secret=provider.client_secret,
        discovery_url=provider.issuer + "/.well-known/openid-configuration",
    )


@pytest.fixture
def settings(db_url: str, tmp_path: Path, identity_provider: RunningProvider) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=db_url,
        secret_key=TEST_SECRET,
        identity_providers=(_school(identity_provider),),
    )


async def _teacher(provider: RunningProvider, subject: str | None = None) -> Practitioner:
    world = await factories.world()
    organisation = await Organisation.get(id=world.teammate.organisation_id)
    organisation.identity_provider = "school"
    await organisation.save(update_fields=["identity_provider"])
    if subject is not None:
        world.teammate.identity_issuer = provider.issuer
        world.teammate.identity_subject = subject
        await world.teammate.save(update_fields=["identity_issuer", "identity_subject"])
    return world.teammate


async def _trip(client, subject: str, start: str = "/auth/oidc/school/start") -> str:
    """Starts at Alongside, signs in at the provider; returns the callback path."""
    response = await client.get(start)
    assert response.status_code == 303, response.text
    back = await sign_in_at_provider(response.headers["location"], subject)
    assert back.startswith(ORIGIN + oidc.CALLBACK_PATH)
    parts = urlsplit(back)
    return f"{parts.path}?{parts.query}"


def _refused(response, title: str) -> None:
    assert response.status_code in (400, 401, 404, 410), response.status_code
    assert response.headers["content-type"].startswith("text/html")
    assert title in response.text


async def test_a_linked_teacher_signs_in_through_their_schools_provider(client, identity_provider):
    teacher = await _teacher(identity_provider, subject="tom-evans")
    assert (await client.get("/api/sign-in/providers")).json() == {
        "providers": [{"key": "school", "name": "Greenfield School"}]
    }
    response = await client.get(await _trip(client, "tom-evans"))
    assert response.status_code == 303 and response.headers["location"] == "/"
    me = (await client.get("/api/me")).json()
    assert (me["kind"], me["id"]) == ("practitioner", str(teacher.id))
    assert await AuditEvent.filter(action="signed_in", practitioner_id=teacher.id).exists()


async def test_an_invitation_links_the_teacher_on_first_sign_in_and_is_used_up(
    client, identity_provider
):
    teacher = await _teacher(identity_provider)
    token = await invitations.invite(teacher)
    callback = await _trip(client, "t.evans", f"/auth/oidc/start?invitation={token}")
    assert (await client.get(callback)).status_code == 303
    await teacher.refresh_from_db()
    assert (teacher.identity_issuer, teacher.identity_subject) == (
        identity_provider.issuer,
        "t.evans",
    )
    client.cookies.clear()
    again = await client.get(
        await _trip(client, "someone-else", f"/auth/oidc/school/start?invitation={token}")
    )
    _refused(again, "This link has already been used or has run out.")


async def test_a_verified_email_alone_never_links_an_account(client, identity_provider):
    """The provider says the email is tom@… and verified; without an invitation
    it is still nobody here."""
    await _teacher(identity_provider)
    response = await client.get(await _trip(client, "tom"))
    _refused(response, "There is no Alongside account for you yet.")
    assert await Session.all().count() == 0
    assert await AuditEvent.filter(action="sign_in_failed").count() == 1


async def test_a_deactivated_teacher_cannot_sign_in(client, identity_provider):
    teacher = await _teacher(identity_provider, subject="tom-evans")
    teacher.is_active = False
    await teacher.save(update_fields=["is_active"])
    response = await client.get(await _trip(client, "tom-evans"))
    _refused(response, "Your Alongside account has been closed.")
    assert await Session.all().count() == 0


async def test_the_same_answer_sent_twice_is_refused(client, identity_provider):
    await _teacher(identity_provider, subject="tom-evans")
    callback = await _trip(client, "tom-evans")
    assert (await client.get(callback)).status_code == 303
    await Session.all().delete()
    _refused(await client.get(callback), "This sign-in has run out or was used already.")
    assert await Session.all().count() == 0


async def test_a_missing_or_wrong_state_is_refused_in_the_readers_language(
    client, identity_provider
):
    await _teacher(identity_provider, subject="tom-evans")
    callback = await _trip(client, "tom-evans")
    without_state = callback.replace("state=", "other=")
    _refused(await client.get(without_state), "This sign-in has run out or was used already.")
    # Another browser's answer: its state is not the one this browser set out with.
    client.cookies.clear()
    client.cookies.set("alongside-oidc", "not-the-state")
    polish = await client.get(callback, headers={"Accept-Language": "pl"})
    _refused(polish, "To logowanie wygasło albo zostało już użyte.")
    assert await Session.all().count() == 0


async def test_an_answer_for_another_nonce_is_refused(client, identity_provider):
    await _teacher(identity_provider, subject="tom-evans")
    callback = await _trip(client, "tom-evans")
    await OidcLogin.all().update(nonce="a-nonce-from-another-sign-in")
    _refused(await client.get(callback), "We could not check who you are")
    assert await Session.all().count() == 0


async def test_an_expired_id_token_is_refused(client, identity_provider, monkeypatch):
    await _teacher(identity_provider, subject="tom-evans")
    callback = await _trip(client, "tom-evans")
    later = oidc._now() + timedelta(hours=3)
    # Our clock, not the provider's, moves on: the token it signed has expired.
    monkeypatch.setattr(oidc, "_now", lambda: later)
    await OidcLogin.all().update(created_at=later)
    _refused(await client.get(callback), "We could not check who you are")
    assert await Session.all().count() == 0


async def test_a_provider_that_is_not_the_named_issuer_is_refused(app, client, identity_provider):
    await _teacher(identity_provider, subject="tom-evans")
    settings = app.state.settings
    app.state.settings = Settings(
        **{
            **settings.__dict__,
            "identity_providers": (_school(identity_provider, issuer="https://login.example"),),
        }
    )
    response = await client.get("/auth/oidc/school/start")
    _refused(response, "We could not check who you are")
    assert await Session.all().count() == 0


async def test_an_unknown_provider_is_not_found(client, identity_provider):
    _refused(await client.get("/auth/oidc/nowhere/start"), "We do not know that organisation")

"""Single sign-on with OpenID Connect (authlib): the authorization code flow
with PKCE, state and nonce; the ID token checked (signature, issuer, audience,
expiry, nonce) and userinfo read. A practitioner is found by (issuer, subject)
and linked to an account only from an invitation: an email address, verified
or not, never links one. The session that follows is Alongside's own."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from authlib.integrations.httpx_client import (  # type: ignore[import-untyped]  # authlib ships no types
    AsyncOAuth2Client,
)
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from tortoise.transactions import in_transaction

from server.audit.service import record
from server.auth.errors import (
    AccountDeactivated,
    IdentityNotChecked,
    NoAccountForIdentity,
    SignInLinkUsed,
    UnknownIdentityProvider,
)
from server.auth.models import OidcLogin
from server.auth.providers import IdentityProvider
from server.auth.secrets import keyed_hash, new_token, same
from server.organisations.models import Organisation, Practitioner
from server.practitioners import invitations
from server.settings import Settings

CALLBACK_PATH = "/auth/oidc/callback"
#: How long a trip to the identity provider and back may take.
TRIP = timedelta(minutes=10)
SCOPE = "openid email profile"


def _now() -> datetime:
    return datetime.now(UTC)


def provider_named(settings: Settings, key: str) -> IdentityProvider:
    for provider in settings.identity_providers:
        if provider.key == key:
            return provider
    raise UnknownIdentityProvider()


def _client(settings: Settings, provider: IdentityProvider) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        scope=SCOPE,
        redirect_uri=settings.base_url + CALLBACK_PATH,
        code_challenge_method="S256",
        timeout=10,
    )


async def _discover(client: AsyncOAuth2Client, provider: IdentityProvider) -> dict[str, Any]:
    try:
        document: dict[str, Any] = (
            (await client.request("GET", provider.discovery, withhold_token=True))
            .raise_for_status()
            .json()
        )
    except Exception as error:  # the provider is unreachable or answers nonsense
        raise IdentityNotChecked() from error
    if document.get("issuer") != provider.issuer:
        raise IdentityNotChecked()
    return document


async def provider_for_invitation(token: str) -> str:
    """The key of the provider the invited practitioner's organisation names."""
    invited = await invitations.practitioner_for_invitation(token)
    organisation = await Organisation.get(id=invited.organisation_id)
    if not organisation.identity_provider:
        raise UnknownIdentityProvider()
    return organisation.identity_provider


async def start(settings: Settings, key: str, invitation: str = "") -> tuple[str, str]:
    """Where to send the browser, and the state to bind to it (in a cookie)."""
    provider = provider_named(settings, key)
    state, nonce, verifier = new_token(), new_token(), new_token()
    async with _client(settings, provider) as client:
        document = await _discover(client, provider)
        url, _ = client.create_authorization_url(
            document["authorization_endpoint"], state=state, nonce=nonce, code_verifier=verifier
        )
    await OidcLogin.create(
        state_hash=keyed_hash(settings.secret_key, state),
        nonce=nonce,
        code_verifier=verifier,
        provider=key,
        invitation=invitation,
    )
    return url, state


async def finish(
    settings: Settings,
    answer: Mapping[str, str],
    browser_state: str | None,
) -> Practitioner:
    """The provider sent the browser back: checks everything, then finds (or,
    from an invitation, links) the practitioner."""
    login = await _take_login(settings, answer.get("state"), browser_state)
    provider = provider_named(settings, login.provider)
    code = answer.get("code")
    if not code or "error" in answer:
        raise IdentityNotChecked()
    claims = await _checked_claims(settings, provider, login, code)
    return await _practitioner_for(provider, login, claims)


async def _take_login(
    settings: Settings, state: str | None, browser_state: str | None
) -> OidcLogin:
    """The trip this answer belongs to, used up now: replayed, swapped between
    browsers, or too old, it is refused."""
    if not state or not browser_state or not same(state, browser_state):
        raise SignInLinkUsed()
    login = await OidcLogin.get_or_none(state_hash=keyed_hash(settings.secret_key, state))
    if login is None or login.created_at < _now() - TRIP:
        raise SignInLinkUsed()
    if not await OidcLogin.filter(id=login.id, used_at=None).update(used_at=_now()):
        raise SignInLinkUsed()
    return login


async def _checked_claims(
    settings: Settings, provider: IdentityProvider, login: OidcLogin, code: str
) -> dict[str, Any]:
    async with _client(settings, provider) as client:
        document = await _discover(client, provider)
        try:
            token = await client.fetch_token(
                document["token_endpoint"], code=code, code_verifier=login.code_verifier
            )
            keys = KeySet.import_key_set(
                (await client.request("GET", document["jwks_uri"], withhold_token=True)).json()
            )
            id_token = jwt.decode(token["id_token"], keys, algorithms=["RS256", "ES256", "PS256"])
            jwt.JWTClaimsRegistry(
                now=int(_now().timestamp()),
                iss={"essential": True, "value": provider.issuer},
                aud={"essential": True, "value": provider.client_id},
                nonce={"essential": True, "value": login.nonce},
                sub={"essential": True},
                exp={"essential": True},
            ).validate(id_token.claims)
            userinfo = (await client.get(document["userinfo_endpoint"])).json()
        except (JoseError, KeyError, ValueError) as error:
            raise IdentityNotChecked() from error
        except Exception as error:  # authlib's OAuth errors, network failures
            raise IdentityNotChecked() from error
    claims: dict[str, Any] = dict(id_token.claims)
    if userinfo.get("sub") != claims["sub"]:
        raise IdentityNotChecked()
    return claims


async def _practitioner_for(
    provider: IdentityProvider, login: OidcLogin, claims: dict[str, Any]
) -> Practitioner:
    subject = str(claims["sub"])
    known = await Practitioner.get_or_none(
        identity_issuer=provider.issuer, identity_subject=subject
    )
    if known is not None:
        if not known.is_active:
            raise AccountDeactivated()
        return known
    if not login.invitation:
        raise NoAccountForIdentity()
    return await _link_invited(provider, subject, login.invitation)


async def _link_invited(provider: IdentityProvider, subject: str, token: str) -> Practitioner:
    """First sign-in from an invitation: its practitioner is linked to this
    identity, and the invitation used up."""
    newcomer = await invitations.practitioner_for_invitation(token)
    organisation = await Organisation.get(id=newcomer.organisation_id)
    if newcomer.identity_subject is not None or organisation.identity_provider != provider.key:
        raise NoAccountForIdentity()
    async with in_transaction():
        await invitations.redeem_invitation(token)
        newcomer.identity_issuer, newcomer.identity_subject = provider.issuer, subject
        await newcomer.save(update_fields=["identity_issuer", "identity_subject"])
    return newcomer


async def signed_in(practitioner: Practitioner) -> None:
    await record("signed_in", practitioner=practitioner)


async def failed() -> None:
    """A refused single sign-on (who it was is not known, or not to be trusted)."""
    await record("sign_in_failed")

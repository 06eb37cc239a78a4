"""How an organisation's staff sign in: the identity provider it names (one of
the settings' keys, see auth.providers) and whether password sign-in needs a
code from an authenticator app. Read and set by its administrators.

The providers themselves, client secrets and all, are the deployment's: they
come from its environment (a secret store), never from the database, so the
screen only chooses among the providers the deployment configured."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, Field
from starlette.requests import Request

from server.api.endpoint import endpoint, path_uuid
from server.audit.service import record
from server.auth.actor import Actor
from server.auth.schemas import Strict
from server.auth.sessions import current_actor
from server.errors import Invalid
from server.i18n import N_
from server.organisations.permissions import Action, roles_for
from server.organisations.service import organisation_for
from server.settings import Settings


class SignInChoice(Strict):
    identity_provider: str = Field(
        default="", max_length=50, description="A provider key from the settings, or '' for none"
    )
    requires_second_factor: bool = False


class SignInOut(BaseModel):
    identity_provider: str
    requires_second_factor: bool


class ProviderOut(BaseModel):
    """A sign-in service this deployment has: its key and name, never its secret."""

    key: str
    name: str


class SignInSettings(SignInOut):
    #: The organisation's name, for the screen's heading.
    name: str
    providers: list[ProviderOut]


async def current(actor: Actor, settings: Settings, organisation_id: UUID) -> SignInSettings:
    organisation = await organisation_for(actor, Action.SET_SIGN_IN, organisation_id)
    return SignInSettings(
        name=organisation.name,
        providers=[
            ProviderOut(key=provider.key, name=provider.name)
            for provider in settings.identity_providers
        ],
        identity_provider=organisation.identity_provider,
        requires_second_factor=organisation.requires_second_factor,
    )


async def change(
    actor: Actor, settings: Settings, organisation_id: UUID, choice: SignInChoice
) -> SignInOut:
    organisation = await organisation_for(actor, Action.SET_SIGN_IN, organisation_id)
    known = {provider.key for provider in settings.identity_providers}
    if choice.identity_provider and choice.identity_provider not in known:
        raise Invalid.on(
            "identity_provider", N_("There is no sign-in service with that name in the settings.")
        )
    organisation.identity_provider = choice.identity_provider
    organisation.requires_second_factor = choice.requires_second_factor
    await organisation.save(update_fields=["identity_provider", "requires_second_factor"])
    await record("sign_in_changed", practitioner=actor.practitioner, subject=organisation)
    return SignInOut(**choice.model_dump())


async def change_sign_in(request: Request, body: SignInChoice) -> SignInOut:
    actor = await current_actor(request)
    settings = request.app.state.settings
    return await change(actor, settings, path_uuid(request, "organisation_id"), body)


async def sign_in_settings(request: Request) -> SignInSettings:
    actor = await current_actor(request)
    settings = request.app.state.settings
    return await current(actor, settings, path_uuid(request, "organisation_id"))


routes = [
    endpoint(
        "GET",
        "/api/admin/organisations/{organisation_id}/sign-in",
        sign_in_settings,
        response=SignInSettings,
        tag="administration",
        summary="How its staff sign in now, and the sign-in services this deployment has",
        roles=roles_for(Action.SET_SIGN_IN),
    ),
    endpoint(
        "PUT",
        "/api/admin/organisations/{organisation_id}/sign-in",
        change_sign_in,
        body=SignInChoice,
        response=SignInOut,
        tag="administration",
        summary="How its staff sign in: single sign-on provider, authenticator app required",
        roles=roles_for(Action.SET_SIGN_IN),
    ),
]

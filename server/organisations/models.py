"""Organisations and the practitioners who work for them."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.i18n import N_


class Agency(StrEnum):
    SOCIAL_CARE = "social_care"
    EARLY_HELP = "early_help"
    SCHOOL = "school"
    HEALTH = "health"
    POLICE = "police"
    VOLUNTARY = "voluntary"


AGENCY_LABELS = {
    Agency.SOCIAL_CARE: N_("Social care"),
    Agency.EARLY_HELP: N_("Early help"),
    Agency.SCHOOL: N_("School"),
    Agency.HEALTH: N_("Health"),
    Agency.POLICE: N_("Police"),
    Agency.VOLUNTARY: N_("Voluntary sector"),
}


class Organisation(Model):
    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Password sign-in asks everyone here for a code from an authenticator app.
    requires_second_factor = fields.BooleanField(default=False)
    # Key of the identity provider its staff sign in with (settings), or "".
    identity_provider = fields.CharField(max_length=50, default="")

    class Meta:
        table = "organisation"


class Practitioner(Model):
    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="practitioners", on_delete=fields.RESTRICT
    )
    organisation_id: UUID
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200)
    agency = fields.CharEnumField(Agency, max_length=20)
    # Argon2 hash; empty for people who sign in through their organisation's
    # identity provider instead.
    password_hash = fields.CharField(max_length=200, default="")
    # OpenID Connect sign-in: who the identity provider says this is. Matched
    # together; linked only from an invitation, never from an email address.
    identity_issuer = fields.CharField(max_length=255, null=True)
    identity_subject = fields.CharField(max_length=255, null=True)
    locale = fields.CharField(max_length=10, default="en")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "practitioner"
        unique_together = (("identity_issuer", "identity_subject"),)

"""Organisations, their teams, and the practitioners who work for them."""

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


class Role(StrEnum):
    """What a person on the staff side may do (see organisations.permissions).
    No role lets anyone read words outside the family's sharing choices."""

    PARTNERSHIP_ADMIN = "partnership_admin"
    ORGANISATION_ADMIN = "organisation_admin"
    TEAM_MANAGER = "team_manager"
    PRACTITIONER = "practitioner"
    AUDITOR = "auditor"


ROLE_LABELS = {
    Role.PARTNERSHIP_ADMIN: N_("Partnership administrator"),
    Role.ORGANISATION_ADMIN: N_("Organisation administrator"),
    Role.TEAM_MANAGER: N_("Team manager"),
    Role.PRACTITIONER: N_("Practitioner"),
    Role.AUDITOR: N_("Auditor or data protection officer"),
}


class Organisation(Model):
    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200, unique=True)
    agency = fields.CharEnumField(Agency, max_length=20, default=Agency.SOCIAL_CARE)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Password sign-in asks everyone here for a code from an authenticator app.
    requires_second_factor = fields.BooleanField(default=False)
    # Key of the identity provider its staff sign in with (settings), or "".
    identity_provider = fields.CharField(max_length=50, default="")

    class Meta:
        table = "organisation"


class Team(Model):
    """A team inside an organisation, with a manager who oversees its circles."""

    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="teams", on_delete=fields.RESTRICT
    )
    organisation_id: UUID
    name = fields.CharField(max_length=200)
    manager: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="teams_managed", null=True, on_delete=fields.SET_NULL
    )
    manager_id: UUID | None
    #: A practitioner of the team told, with the manager, of a call for help
    #: nobody acknowledged in time.
    duty_contact: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="duty_for", null=True, on_delete=fields.SET_NULL
    )
    duty_contact_id: UUID | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "team"
        unique_together = (("organisation", "name"),)


class Practitioner(Model):
    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="practitioners", on_delete=fields.RESTRICT
    )
    organisation_id: UUID
    team: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", null=True, on_delete=fields.SET_NULL
    )
    team_id: UUID | None
    role = fields.CharEnumField(Role, max_length=20, default=Role.PRACTITIONER)
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


class PractitionerInvitation(Model):
    """A one-time link to set a password: sent by email to a new practitioner (or
    printed once by `alongside admin create-partnership-admin`). Only a hash of
    its token is kept; it works once and runs out."""

    id = fields.UUIDField(primary_key=True)
    practitioner: fields.ForeignKeyRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="set_password_links", on_delete=fields.CASCADE
    )
    practitioner_id: UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="practitioner_invitations_made",
        null=True,
        on_delete=fields.SET_NULL,
    )
    created_by_id: UUID | None
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "practitioner_invitation"

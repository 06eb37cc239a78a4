"""Sign-in state shared by every web process: sessions, devices, invitations and
attempt counters all live in the database, never in one process's memory."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.circles.models import FamilyMember
    from server.organisations.models import Practitioner


class Invitation(Model):
    """A single-use, expiring code that lets one family member join on one phone."""

    id = fields.UUIDField(primary_key=True)
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="invitations", on_delete=fields.CASCADE
    )
    member_id: UUID
    # Keyed hash of the code; the code itself is shown once and never stored.
    code_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="invitations_made",
        null=True,
        on_delete=fields.SET_NULL,
    )
    created_by_id: UUID | None
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    redeemed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"


class Device(Model):
    """A phone on which a family member redeemed an invitation. The PIN works only
    together with this device's key, kept in an HttpOnly cookie."""

    id = fields.UUIDField(primary_key=True)
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="devices", on_delete=fields.CASCADE, db_index=True
    )
    member_id: UUID
    key_hash = fields.CharField(max_length=64, unique=True)
    # The code it joined with (and so who made that code), shown to the member.
    invitation: fields.ForeignKeyNullableRelation[Invitation] = fields.ForeignKeyField(
        "models.Invitation", related_name="devices", null=True, on_delete=fields.SET_NULL
    )
    invitation_id: UUID | None
    # Whether the member proved themselves with their old secret number, bringing
    # their earlier words to this phone.
    brought_earlier_words = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "device"


class Session(Model):
    id = fields.UUIDField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    practitioner: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="sessions",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    practitioner_id: UUID | None
    member: fields.ForeignKeyNullableRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember",
        related_name="sessions",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    member_id: UUID | None
    device: fields.ForeignKeyNullableRelation[Device] = fields.ForeignKeyField(
        "models.Device", related_name="sessions", null=True, on_delete=fields.CASCADE, db_index=True
    )
    device_id: UUID | None
    csrf_token = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField()

    class Meta:
        table = "session"


class Attempt(Model):
    """Failed tries at a secret (password, PIN, code), counted per key and window
    so that every process sees the same count."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=200, db_index=True)
    at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "attempt"


class Lockout(Model):
    """A pause after too many failed tries at one key. Pauses close together are
    steps of one run, each longer than the last, so guessing a PIN takes months."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=200)
    at = fields.DatetimeField()
    until = fields.DatetimeField()
    # 1 for the first pause of a run; a day without a pause starts a new run.
    step = fields.IntField()

    class Meta:
        table = "lockout"
        indexes = (("key", "until"),)


class SecondFactor(Model):
    """The authenticator app of one practitioner, for TOTP codes.

    It counts once confirmed with a first code. The last time step used is
    kept, so no code works twice."""

    id = fields.UUIDField(primary_key=True)
    practitioner: fields.OneToOneRelation[Practitioner] = fields.OneToOneField(
        "models.Practitioner", related_name="second_factor", on_delete=fields.CASCADE
    )
    practitioner_id: UUID
    #: Sealed (auth.secrets.seal): a stolen database alone gives no codes.
    secret = fields.CharField(max_length=255)
    created_at = fields.DatetimeField(auto_now_add=True)
    confirmed_at = fields.DatetimeField(null=True)
    last_step = fields.BigIntField(null=True)

    class Meta:
        table = "second_factor"


class RecoveryCode(Model):
    """A one-time code for when the phone with the authenticator app is lost.

    Only its keyed hash is kept."""

    id = fields.IntField(primary_key=True)
    practitioner: fields.ForeignKeyRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="recovery_codes", on_delete=fields.CASCADE
    )
    practitioner_id: UUID
    code_hash = fields.CharField(max_length=64, unique=True)
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "recovery_code"


class OidcLogin(Model):
    """One trip to an identity provider and back: the state (hashed), nonce and
    PKCE verifier it must come back with. Used once, within minutes."""

    id = fields.UUIDField(primary_key=True)
    state_hash = fields.CharField(max_length=64, unique=True)
    nonce = fields.CharField(max_length=64)
    code_verifier = fields.CharField(max_length=128)
    provider = fields.CharField(max_length=50)
    # The practitioner invitation this sign-in links, if it came from one.
    invitation = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "oidc_login"

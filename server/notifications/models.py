"""Web Push subscriptions, one per person and device."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.circles.models import FamilyMember
    from server.organisations.models import Practitioner


class PushSubscription(Model):
    id = fields.UUIDField(primary_key=True)
    practitioner: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="push_subscriptions",
        null=True,
        on_delete=fields.CASCADE,
    )
    practitioner_id: UUID | None
    member: fields.ForeignKeyNullableRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember",
        related_name="push_subscriptions",
        null=True,
        on_delete=fields.CASCADE,
    )
    member_id: UUID | None
    endpoint = fields.CharField(max_length=1000, unique=True)
    p256dh = fields.CharField(max_length=200)
    auth = fields.CharField(max_length=100)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "push_subscription"

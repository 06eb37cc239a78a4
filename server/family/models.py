"""Things a family member asks for directly."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.circles.models import Circle, FamilyMember
    from server.organisations.models import Practitioner


class UrgentRequest(Model):
    """ "I need to talk to someone now": one tap, for the circle's lead practitioner."""

    id = fields.UUIDField(primary_key=True)
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="urgent_requests", on_delete=fields.CASCADE
    )
    member_id: UUID
    circle: fields.ForeignKeyRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="urgent_requests", on_delete=fields.CASCADE
    )
    circle_id: UUID
    created_at = fields.DatetimeField(auto_now_add=True)
    #: They chose "my meeting": the whole team is told, not only the lead.
    for_my_meeting = fields.BooleanField(default=False)
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="urgent_acknowledged",
        null=True,
        on_delete=fields.SET_NULL,
    )
    acknowledged_by_id: UUID | None
    #: When the lead's manager and the team's duty contact were told nobody had
    #: acknowledged it in time (once: the worker does not tell them again).
    overdue_told_at = fields.DatetimeField(null=True)

    class Meta:
        table = "urgent_request"
        indexes = (("circle_id", "created_at"), ("member_id",))

"""Things a family member asks for directly."""

from tortoise import fields
from tortoise.models import Model


class UrgentRequest(Model):
    """"I need to talk to someone now": one tap, for the circle's lead practitioner."""

    id = fields.UUIDField(primary_key=True)
    member = fields.ForeignKeyField(
        "models.FamilyMember", related_name="urgent_requests", on_delete=fields.CASCADE
    )
    circle = fields.ForeignKeyField(
        "models.Circle", related_name="urgent_requests", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by = fields.ForeignKeyField(
        "models.Practitioner", related_name="urgent_acknowledged", null=True,
        on_delete=fields.SET_NULL,
    )

    class Meta:
        table = "urgent_request"

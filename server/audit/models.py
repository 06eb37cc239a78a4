"""Who read or changed what, and when."""

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    practitioner = fields.ForeignKeyField(
        "models.Practitioner", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    member = fields.ForeignKeyField(
        "models.FamilyMember", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    action = fields.CharField(max_length=50)
    circle = fields.ForeignKeyField(
        "models.Circle", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    subject_type = fields.CharField(max_length=50, default="")
    subject_id = fields.CharField(max_length=64, default="", db_index=True)

    class Meta:
        table = "audit_event"

"""Who read or changed what, and when."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.circles.models import Circle, FamilyMember
    from server.organisations.models import Practitioner


class AuditEvent(Model):
    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    practitioner: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    practitioner_id: UUID | None
    member: fields.ForeignKeyNullableRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    member_id: UUID | None
    action = fields.CharField(max_length=50)
    circle: fields.ForeignKeyNullableRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    circle_id: UUID | None
    subject_type = fields.CharField(max_length=50, default="")
    subject_id = fields.CharField(max_length=64, default="", db_index=True)
    #: A read names every item it showed here, in one record per request.
    items: fields.JSONField[list[str]] = fields.JSONField(default=list)

    class Meta:
        table = "audit_event"
        # A search by circle, or by person (or a manager's: their circles or people),
        # reads that one's records newest first from an index (audit.service.search).
        indexes = (("circle_id", "at"), ("practitioner_id", "at"), ("member_id", "at"))


class ItemRead(Model):
    """The latest read of one item by one practitioner, kept up to date as each
    read is audited, so "read by" is a lookup and not a search of the audit."""

    id = fields.IntField(primary_key=True)
    action = fields.CharField(max_length=50)
    subject_id = fields.CharField(max_length=64)
    practitioner: fields.ForeignKeyRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="item_reads", on_delete=fields.CASCADE
    )
    practitioner_id: UUID
    at = fields.DatetimeField()

    class Meta:
        table = "item_read"
        unique_together = (("action", "subject_id", "practitioner"),)

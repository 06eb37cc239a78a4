"""What records management did: a retention run, an erasure, a subject access
export. Counts and ids only, never anyone's words."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class RecordsEvent(Model):
    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    #: "retention", "erasure" or "subject_access".
    action = fields.CharField(max_length=30)
    #: Who did it: "practitioner:<id>", "command line" or "worker".
    done_by = fields.CharField(max_length=100)
    #: The family member it was about, by id (erasure, subject access).
    member_id = fields.CharField(max_length=36, default="")
    #: Why (an erasure's legal reason), in the administrator's words.
    reason = fields.TextField(default="")
    #: How many rows of each kind were deleted or exported.
    counts: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "records_event"

"""Background work, kept in the database: several workers share one queue."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class Job(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharField(max_length=50)
    payload: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)
    # One job per purpose: asking twice for the same reminder makes no second job.
    dedupe_key = fields.CharField(max_length=200, unique=True, null=True)
    run_at = fields.DatetimeField(db_index=True)
    # A worker leases a job; if it dies, the lease runs out and another takes it.
    locked_until = fields.DatetimeField(null=True)
    attempts = fields.IntField(default=0)
    done_at = fields.DatetimeField(null=True, db_index=True)
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "job"


class Delivery(Model):
    """One push of one job to one device, recorded before it is sent and marked
    when sent: a job retried after a crash never pushes the same thing twice."""

    id = fields.IntField(primary_key=True)
    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="deliveries", on_delete=fields.CASCADE
    )
    job_id: int
    endpoint = fields.CharField(max_length=1000)
    #: When a worker began sending it (the push lease): a job retaken after that
    #: worker died does not send it again until the lease has run out.
    attempted_at = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "delivery"
        unique_together = (("job", "endpoint"),)

"""Commands sent with an Idempotency-Key, and the answer each got: a phone that
sends the same command again (after a lost answer) gets the same answer back.
Kept for a day at most (see commands.idempotency)."""

from tortoise import fields
from tortoise.models import Model


class CommandAnswer(Model):
    id = fields.IntField(primary_key=True)
    # The person who sent it: keys are theirs alone.
    person_id = fields.CharField(max_length=36)
    key = fields.CharField(max_length=100)
    request_hash = fields.CharField(max_length=64)
    status = fields.IntField(default=0)
    media_type = fields.CharField(max_length=100, default="")
    body = fields.TextField(default="")
    # The item the answer is about: its words are forgotten here when it changes.
    subject_id = fields.CharField(max_length=64, default="", db_index=True)
    words_forgotten = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "command_answer"
        unique_together = (("person_id", "key"),)

"""After a meeting: each family member's check-in ("How was it for you?") and each
attending practitioner's reflection. Answers are question keys and face numbers;
`window` is where the answers sit (WITH / TO / FOR / NOT), kept so reports can
count it in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.checkins.questions import Window
from server.contributions.models import Audience

if TYPE_CHECKING:
    from server.circles.models import Circle, FamilyMember
    from server.meetings.models import Meeting
    from server.organisations.models import Practitioner


class CheckIn(Model):
    """A family member's answers after a meeting. Private ("just me") unless they
    choose an audience, read through the one sharing policy like any item."""

    id = fields.UUIDField(primary_key=True)
    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting", related_name="check_ins", on_delete=fields.CASCADE
    )
    meeting_id: UUID
    circle: fields.ForeignKeyRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="check_ins", on_delete=fields.CASCADE
    )
    circle_id: UUID
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="check_ins", on_delete=fields.CASCADE
    )
    member_id: UUID
    listened = fields.SmallIntField(null=True)
    helped_decide = fields.SmallIntField(null=True)
    told_honestly = fields.SmallIntField(null=True)
    got_help = fields.SmallIntField(null=True)
    window = fields.CharEnumField(Window, max_length=4, null=True)
    #: "Anything else?": their own words, optional.
    anything_else = fields.TextField(default="")
    audience = fields.CharEnumField(Audience, max_length=20, default=Audience.JUST_ME)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "check_in"
        unique_together = (("meeting", "member"),)
        indexes = (("circle_id", "audience"), ("member_id",))


class Reflection(Model):
    """A practitioner's matching reflection after a meeting they attended."""

    id = fields.IntField(primary_key=True)
    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting", related_name="reflections", on_delete=fields.CASCADE
    )
    meeting_id: UUID
    practitioner: fields.ForeignKeyRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="reflections", on_delete=fields.CASCADE
    )
    practitioner_id: UUID
    listened = fields.SmallIntField(null=True)
    helped_decide = fields.SmallIntField(null=True)
    told_honestly = fields.SmallIntField(null=True)
    got_help = fields.SmallIntField(null=True)
    window = fields.CharEnumField(Window, max_length=4, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "reflection"
        unique_together = (("meeting", "practitioner"),)

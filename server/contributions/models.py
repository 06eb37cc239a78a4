"""What a family member writes, and who they chose may see it."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from server.circles.models import Circle, FamilyMember
    from server.meetings.models import Meeting


class ContributionKind(StrEnum):
    GOING_WELL = "going_well"
    WORRIED_ABOUT = "worried_about"
    WANT_TO_HAPPEN = "want_to_happen"
    SCALE = "scale"
    MESSAGE = "message"


class Audience(StrEnum):
    """Who may see a contribution; each level includes the ones before it."""

    JUST_ME = "just_me"
    MY_WORKER = "my_worker"
    MY_MEETING = "my_meeting"
    MY_FAMILY_TOO = "my_family_too"


class Contribution(Model):
    id = fields.UUIDField(primary_key=True)
    circle: fields.ForeignKeyRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="contributions", on_delete=fields.CASCADE
    )
    circle_id: UUID
    author: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="contributions", on_delete=fields.CASCADE
    )
    author_id: UUID
    meeting: fields.ForeignKeyNullableRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting", related_name="contributions", null=True, on_delete=fields.SET_NULL
    )
    meeting_id: UUID | None
    kind = fields.CharEnumField(ContributionKind, max_length=20)
    text = fields.TextField(default="")
    scale_question = fields.CharField(max_length=200, default="")
    scale_value = fields.SmallIntField(null=True)
    # The most private choice is the default.
    audience = fields.CharEnumField(Audience, max_length=20, default=Audience.JUST_ME)
    withdrawn_at = fields.DatetimeField(null=True)
    # Bumped on every edit, so a stale edit is a conflict, never an overwrite.
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "contribution"
        indexes = (("author_id", "created_at"), ("circle_id", "audience"), ("meeting_id",))


class AudienceChange(Model):
    """The author's receipt: every change of sharing choice and every withdrawal."""

    id = fields.IntField(primary_key=True)
    contribution: fields.ForeignKeyRelation[Contribution] = fields.ForeignKeyField(
        "models.Contribution", related_name="audience_changes", on_delete=fields.CASCADE
    )
    contribution_id: UUID
    from_audience = fields.CharEnumField(Audience, max_length=20, null=True)
    to_audience = fields.CharEnumField(Audience, max_length=20, null=True)
    withdrawn = fields.BooleanField(default=False)
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audience_change"
        indexes = (("contribution_id",),)

"""What a family member writes, and who they chose may see it."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


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
    circle = fields.ForeignKeyField(
        "models.Circle", related_name="contributions", on_delete=fields.CASCADE
    )
    author = fields.ForeignKeyField(
        "models.FamilyMember", related_name="contributions", on_delete=fields.CASCADE
    )
    meeting = fields.ForeignKeyField(
        "models.Meeting", related_name="contributions", null=True, on_delete=fields.SET_NULL
    )
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


class AudienceChange(Model):
    """The author's receipt: every change of sharing choice and every withdrawal."""

    id = fields.IntField(primary_key=True)
    contribution = fields.ForeignKeyField(
        "models.Contribution", related_name="audience_changes", on_delete=fields.CASCADE
    )
    from_audience = fields.CharEnumField(Audience, max_length=20, null=True)
    to_audience = fields.CharEnumField(Audience, max_length=20, null=True)
    withdrawn = fields.BooleanField(default=False)
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audience_change"

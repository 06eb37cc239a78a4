"""The plan built WITH the family, its items and its published versions."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.contributions.models import Audience

if TYPE_CHECKING:
    from server.circles.models import Circle, FamilyMember
    from server.contributions.models import Contribution
    from server.organisations.models import Practitioner


class PlanSection(StrEnum):
    WORKING_WELL = "working_well"
    WORRIED_ABOUT = "worried_about"
    NEEDS_TO_HAPPEN = "needs_to_happen"
    ACTIONS = "actions"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Answer(StrEnum):
    AGREE = "agree"
    NOT_SURE = "not_sure"
    DISAGREE = "disagree"


class Where(StrEnum):
    """Where a disagreement stands, as its author is told."""

    WITH_WORKER = "with_worker"
    WITH_MANAGER = "with_manager"
    ANSWERED = "answered"


class Plan(Model):
    id = fields.UUIDField(primary_key=True)
    circle: fields.OneToOneRelation[Circle] = fields.OneToOneField(
        "models.Circle", related_name="plan", on_delete=fields.CASCADE
    )
    circle_id: UUID
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "plan"


class PlanItem(Model):
    id = fields.UUIDField(primary_key=True)
    plan: fields.ForeignKeyRelation[Plan] = fields.ForeignKeyField(
        "models.Plan", related_name="items", on_delete=fields.CASCADE
    )
    plan_id: UUID
    section = fields.CharEnumField(PlanSection, max_length=20)
    # A practitioner's own words; empty when the item quotes a contribution.
    text = fields.TextField(default="")
    # An imported item shows its source's words, verbatim, only as far as allowed.
    source: fields.ForeignKeyNullableRelation[Contribution] = fields.ForeignKeyField(
        "models.Contribution", related_name="plan_items", null=True, on_delete=fields.SET_NULL
    )
    source_id: UUID | None
    author: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="plan_items", null=True, on_delete=fields.SET_NULL
    )
    author_id: UUID | None
    owner_member: fields.ForeignKeyNullableRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="actions", null=True, on_delete=fields.SET_NULL
    )
    owner_member_id: UUID | None
    owner_practitioner: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="actions", null=True, on_delete=fields.SET_NULL
    )
    owner_practitioner_id: UUID | None
    owner_agency = fields.CharField(max_length=20, null=True)
    due_on = fields.DateField(null=True)
    status = fields.CharEnumField(ActionStatus, max_length=20, null=True)
    position = fields.IntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "plan_item"
        indexes = (("plan_id", "position"), ("source_id",))


class PlanVersion(Model):
    id = fields.UUIDField(primary_key=True)
    plan: fields.ForeignKeyRelation[Plan] = fields.ForeignKeyField(
        "models.Plan", related_name="versions", on_delete=fields.CASCADE
    )
    plan_id: UUID
    number = fields.IntField()
    published_at = fields.DatetimeField(auto_now_add=True)
    published_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="published_versions",
        null=True,
        on_delete=fields.SET_NULL,
    )
    published_by_id: UUID | None
    # Item ids and practitioners' words at publication; family words are not
    # copied here, so narrowing or withdrawing a source still hides them.
    snapshot: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "plan_version"
        unique_together = (("plan", "number"),)


class PlanSeen(Model):
    """The last published version each family member has looked at."""

    id = fields.IntField(primary_key=True)
    plan: fields.ForeignKeyRelation[Plan] = fields.ForeignKeyField(
        "models.Plan", related_name="seen_by", on_delete=fields.CASCADE
    )
    plan_id: UUID
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="plans_seen", on_delete=fields.CASCADE
    )
    member_id: UUID
    version_number = fields.IntField()
    seen_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "plan_seen"
        unique_together = (("plan", "member"),)


class PlanAnswer(Model):
    """A family member's answer to one plan item: agree, not sure or disagree."""

    id = fields.UUIDField(primary_key=True)
    item: fields.ForeignKeyRelation[PlanItem] = fields.ForeignKeyField(
        "models.PlanItem", related_name="answers", on_delete=fields.CASCADE
    )
    item_id: UUID
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="plan_answers", on_delete=fields.CASCADE
    )
    member_id: UUID
    version_number = fields.IntField()
    answer = fields.CharEnumField(Answer, max_length=10)
    # The choice is the team's to see; the comment is the member's words, read
    # only by the audience they chose (never "just me": nobody could answer it).
    comment = fields.TextField(default="")
    audience = fields.CharEnumField(
        Audience, max_length=20, default=Audience.MY_WORKER, db_index=True
    )
    comment_withdrawn_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # A disagreement stays flagged until a practitioner responds.
    responded_at = fields.DatetimeField(null=True)
    responded_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="plan_responses",
        null=True,
        on_delete=fields.SET_NULL,
    )
    responded_by_id: UUID | None
    response = fields.TextField(default="")
    escalated_at = fields.DatetimeField(null=True)
    escalated_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="plan_escalations",
        null=True,
        on_delete=fields.SET_NULL,
    )
    escalated_by_id: UUID | None
    #: The family member who took their own disagreement to a manager.
    escalated_by_member: fields.ForeignKeyNullableRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember",
        related_name="plan_escalations",
        null=True,
        on_delete=fields.SET_NULL,
    )
    escalated_by_member_id: UUID | None
    #: The named manager it went to: the manager of the lead's team.
    escalated_to: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="plan_escalations_received",
        null=True,
        on_delete=fields.SET_NULL,
    )
    escalated_to_id: UUID | None
    manager_answer = fields.TextField(default="")
    manager_answered_at = fields.DatetimeField(null=True)
    manager_answered_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="plan_escalations_answered",
        null=True,
        on_delete=fields.SET_NULL,
    )
    manager_answered_by_id: UUID | None

    class Meta:
        table = "plan_answer"
        indexes = (("item_id", "member_id"), ("member_id",))

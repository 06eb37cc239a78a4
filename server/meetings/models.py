"""Meetings of a circle."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.i18n import N_

if TYPE_CHECKING:
    from server.circles.models import Circle, FamilyMember
    from server.organisations.models import Practitioner


class MeetingKind(StrEnum):
    CHILD_PROTECTION_CONFERENCE = "child_protection_conference"
    CHILD_IN_NEED_REVIEW = "child_in_need_review"
    TEAM_AROUND_THE_FAMILY = "team_around_the_family"
    LOOKED_AFTER_REVIEW = "looked_after_review"
    FAMILY_GROUP_CONFERENCE = "family_group_conference"


MEETING_KIND_LABELS = {
    MeetingKind.CHILD_PROTECTION_CONFERENCE: N_("Child protection conference"),
    MeetingKind.CHILD_IN_NEED_REVIEW: N_("Child in need review"),
    MeetingKind.TEAM_AROUND_THE_FAMILY: N_("Team around the family meeting"),
    MeetingKind.LOOKED_AFTER_REVIEW: N_("Looked-after review"),
    MeetingKind.FAMILY_GROUP_CONFERENCE: N_("Family group conference"),
}


class Meeting(Model):
    id = fields.UUIDField(primary_key=True)
    circle: fields.ForeignKeyRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="meetings", on_delete=fields.CASCADE
    )
    circle_id: UUID
    kind = fields.CharEnumField(MeetingKind, max_length=40)
    starts_at = fields.DatetimeField()
    place = fields.CharField(max_length=200, default="")
    created_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="meetings_made",
        null=True,
        on_delete=fields.SET_NULL,
    )
    created_by_id: UUID | None
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "meeting"
        indexes = (("circle_id", "starts_at"),)


class ViewRequest(Model):
    """The team asked this family member for their views before this meeting."""

    id = fields.IntField(primary_key=True)
    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting", related_name="view_requests", on_delete=fields.CASCADE
    )
    meeting_id: UUID
    member: fields.ForeignKeyRelation[FamilyMember] = fields.ForeignKeyField(
        "models.FamilyMember", related_name="view_requests", on_delete=fields.CASCADE
    )
    member_id: UUID
    due_on = fields.DateField()
    requested_by: fields.ForeignKeyNullableRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner",
        related_name="view_requests_made",
        null=True,
        on_delete=fields.SET_NULL,
    )
    requested_by_id: UUID | None
    created_at = fields.DatetimeField(auto_now_add=True)
    #: When the person asked first saw the request on their home screen.
    seen_at = fields.DatetimeField(null=True)

    class Meta:
        table = "view_request"
        unique_together = (("meeting", "member"),)
        indexes = (("member_id",),)

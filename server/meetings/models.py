"""Meetings of a circle."""

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from server.i18n import N_


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
    circle = fields.ForeignKeyField(
        "models.Circle", related_name="meetings", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(MeetingKind, max_length=40)
    starts_at = fields.DatetimeField()
    place = fields.CharField(max_length=200, default="")
    created_by = fields.ForeignKeyField(
        "models.Practitioner", related_name="meetings_made", null=True,
        on_delete=fields.SET_NULL,
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "meeting"


class ViewRequest(Model):
    """The team asked this family member for their views before this meeting."""

    id = fields.IntField(primary_key=True)
    meeting = fields.ForeignKeyField(
        "models.Meeting", related_name="view_requests", on_delete=fields.CASCADE
    )
    member = fields.ForeignKeyField(
        "models.FamilyMember", related_name="view_requests", on_delete=fields.CASCADE
    )
    due_on = fields.DateField()
    requested_by = fields.ForeignKeyField(
        "models.Practitioner", related_name="view_requests_made", null=True,
        on_delete=fields.SET_NULL,
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "view_request"
        unique_together = (("meeting", "member"),)

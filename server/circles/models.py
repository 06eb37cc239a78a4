"""A circle: one family's space, its family members and the team around them."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from server.i18n import N_

if TYPE_CHECKING:
    from server.organisations.models import Organisation, Practitioner


class FamilyRole(StrEnum):
    YOUNG_PERSON = "young_person"
    CHILD = "child"
    PARENT = "parent"
    CARER = "carer"
    KINSHIP_CARER = "kinship_carer"
    FOSTER_CARER = "foster_carer"

    @property
    def is_carer(self) -> bool:
        return self not in (FamilyRole.YOUNG_PERSON, FamilyRole.CHILD)


ROLE_LABELS = {
    FamilyRole.YOUNG_PERSON: N_("Young person"),
    FamilyRole.CHILD: N_("Child"),
    FamilyRole.PARENT: N_("Parent"),
    FamilyRole.CARER: N_("Carer"),
    FamilyRole.KINSHIP_CARER: N_("Kinship carer"),
    FamilyRole.FOSTER_CARER: N_("Foster carer"),
}


class AgeBand(StrEnum):
    """An age band rather than a date of birth: enough to pick the right words."""

    UNDER_8 = "under_8"
    FROM_8_TO_11 = "8_11"
    FROM_12_TO_15 = "12_15"
    FROM_16_TO_17 = "16_17"
    ADULT = "adult"


AGE_LABELS = {
    AgeBand.UNDER_8: N_("under 8"),
    AgeBand.FROM_8_TO_11: N_("8 to 11"),
    AgeBand.FROM_12_TO_15: N_("12 to 15"),
    AgeBand.FROM_16_TO_17: N_("16 to 17"),
    AgeBand.ADULT: N_("adult"),
}


def who_they_are(role: FamilyRole, age_band: AgeBand, gettext: Callable[[str], str]) -> str:
    """How a practitioner reads a family member beside their name: "Young person, 12 to 15"."""
    if age_band is AgeBand.ADULT:
        return gettext(ROLE_LABELS[role])
    return gettext(N_("{role}, {age}")).format(
        role=gettext(ROLE_LABELS[role]), age=gettext(AGE_LABELS[age_band])
    )


class Circle(Model):
    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="circles", on_delete=fields.RESTRICT
    )
    organisation_id: UUID
    name = fields.CharField(max_length=200)
    created_at = fields.DatetimeField(auto_now_add=True)
    closed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "circle"


class CircleChanges(Model):
    """How many times anything a family member's home shows has changed in this
    circle. Only the database writes it: triggers (migration 0019) count every
    insert, update and delete of what the home reads, whoever makes it. A home kept
    in memory is used only while this count is what it was when it was made."""

    circle_id = fields.UUIDField(primary_key=True)
    changes = fields.BigIntField(default=0)

    class Meta:
        table = "circle_changes"
        table_description = "How many times anything a family member's home shows has changed"


class FamilyMember(Model):
    id = fields.UUIDField(primary_key=True)
    circle: fields.ForeignKeyRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="members", on_delete=fields.CASCADE
    )
    circle_id: UUID
    # The name the person wants to be called in the app and the plan.
    name = fields.CharField(max_length=100)
    role = fields.CharEnumField(FamilyRole, max_length=20)
    age_band = fields.CharEnumField(AgeBand, max_length=10)
    locale = fields.CharField(max_length=10, default="en")
    # Argon2 hash of the PIN chosen when the invitation was redeemed.
    pin_hash = fields.CharField(max_length=200, default="")
    simple_mode = fields.BooleanField(default=False)
    # When they were last shown, and accepted, what happens to their words.
    sharing_explained_at = fields.DatetimeField(null=True)
    joined_at = fields.DatetimeField(null=True)
    # Set when they joined again on a new phone without their old secret number:
    # words they wrote before then stay locked, so that nobody who merely holds an
    # invitation code (a worker made it) can open them.
    own_words_since = fields.DatetimeField(null=True)
    # Removed from the circle by the lead or their manager: their phones and
    # sessions ended then, and no invitation is made for them again.
    removed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "family_member"
        indexes = (("circle_id", "created_at"),)


class TeamMember(Model):
    """A practitioner on a circle's team. One of them is the lead."""

    id = fields.IntField(primary_key=True)
    circle: fields.ForeignKeyRelation[Circle] = fields.ForeignKeyField(
        "models.Circle", related_name="team", on_delete=fields.CASCADE
    )
    circle_id: UUID
    practitioner: fields.ForeignKeyRelation[Practitioner] = fields.ForeignKeyField(
        "models.Practitioner", related_name="team_places", on_delete=fields.CASCADE
    )
    practitioner_id: UUID
    is_lead = fields.BooleanField(default=False)
    added_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "team_member"
        unique_together = (("circle", "practitioner"),)
        indexes = (("practitioner_id",),)

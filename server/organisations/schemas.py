from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.api.fields import Line
from server.i18n import LANGUAGES
from server.organisations.models import Agency, Role


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OrganisationNew(Strict):
    name: Line = Field(min_length=1, max_length=200)
    agency: Agency


class TeamNew(Strict):
    name: Line = Field(min_length=1, max_length=200)


class PersonNew(Strict):
    """Invite a practitioner: they get an email with a one-time link."""

    name: Line = Field(min_length=1, max_length=200)
    email: Line = Field(min_length=3, max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")
    role: Role = Role.PRACTITIONER
    team_id: UUID | None = None
    locale: str = Field(default="en", pattern="^(" + "|".join(LANGUAGES) + ")$")


class RoleChange(Strict):
    role: Role
    team_id: UUID | None = Field(
        default=None, description="Their team; a team manager becomes its manager"
    )


class LeadChange(Strict):
    practitioner_id: UUID


class TeamOut(BaseModel):
    id: UUID
    name: str
    manager_name: str | None
    #: Told, with the manager, of a call for help nobody acknowledged in time.
    duty_contact_name: str | None = None


class DutyContact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: A practitioner of the team; null names nobody.
    practitioner_id: UUID | None


class RoleOut(BaseModel):
    role: Role
    label: str


class OrganisationOut(BaseModel):
    id: UUID
    name: str
    agency: Agency
    agency_label: str
    teams: list[TeamOut]


class Organisations(BaseModel):
    organisations: list[OrganisationOut]
    #: The roles the reader may give, with their names in the reader's language.
    roles_you_may_give: list[RoleOut]


class PersonOut(BaseModel):
    id: UUID
    name: str
    email: str
    role: Role
    role_label: str
    team_id: UUID | None
    is_active: bool


class People(BaseModel):
    organisation: OrganisationOut
    people: list[PersonOut]


class ColleagueOut(BaseModel):
    id: UUID
    name: str


class CircleToReassign(BaseModel):
    """A circle the person leads: someone else must take the lead."""

    id: UUID
    name: str
    team: list[ColleagueOut]


class PersonCircles(BaseModel):
    person: PersonOut
    circles_they_lead: list[CircleToReassign]

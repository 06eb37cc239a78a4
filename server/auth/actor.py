"""Who is asking: a practitioner or a family member, signed in through a session."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from server.auth.models import Device, Session
from server.circles.models import FamilyMember
from server.organisations.models import Practitioner


@dataclass(frozen=True)
class Actor:
    session: Session
    practitioner: Practitioner | None = None
    member: FamilyMember | None = None
    #: The phone a family member signed in on.
    device: Device | None = None

    @property
    def kind(self) -> Literal["practitioner", "family"]:
        return "practitioner" if self.practitioner else "family"

    @property
    def person(self) -> Practitioner | FamilyMember:
        person = self.practitioner or self.member
        assert person is not None
        return person

"""Who is asking: a practitioner or a family member, signed in through a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

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
    #: In a request that changes nothing (GET), what the sharing policy looked up
    #: about this person (the teams they are on), kept for the rest of the request;
    #: None in a request that may change it.
    looked_up: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> Literal["practitioner", "family"]:
        return "practitioner" if self.practitioner else "family"

    @property
    def person(self) -> Practitioner | FamilyMember:
        person = self.practitioner or self.member
        assert person is not None
        return person

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.api.fields import Line
from server.i18n import LANGUAGES

PIN_PATTERN = r"^[0-9]{4,6}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class PractitionerSignIn(Strict):
    email: Line = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)


class InvitationRedeem(Strict):
    code: str = Field(min_length=5, max_length=20)
    pin: str = Field(pattern=PIN_PATTERN, description="4 to 6 digits")
    old_pin: str | None = Field(
        default=None,
        pattern=PIN_PATTERN,
        description="Joining again: the PIN they had, to bring their earlier words",
    )
    start_fresh: bool = Field(
        default=False, description="Joining again without the old PIN: earlier words stay locked"
    )


class FamilySignIn(Strict):
    pin: str = Field(pattern=PIN_PATTERN, description="4 to 6 digits")


class LocaleChoice(Strict):
    locale: str = Field(pattern="^(" + "|".join(LANGUAGES) + ")$")


class Me(BaseModel):
    kind: Literal["practitioner", "family"]
    id: str
    name: str
    locale: str
    csrf_token: str
    #: A practitioner's role (organisations.models.Role); none for family members.
    role: str | None = None

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
    code: str | None = Field(
        default=None,
        min_length=6,
        max_length=20,
        description="The 6-digit code from an authenticator app, or a recovery code",
    )


class PasswordResetRequest(Strict):
    email: Line = Field(min_length=3, max_length=254)


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
    #: An adult (every practitioner; a carer or grown-up family member): where the
    #: language has a polite form, the app speaks to them in it.
    adult: bool = True
    #: Whether they may use the records screens (records.access.may_manage_records).
    may_manage_records: bool = False


class SignedIn(Me):
    recovery_codes: list[str] | None = Field(
        default=None,
        description="Shown once, when this sign-in set up an authenticator app",
    )


class SecondFactorSetup(BaseModel):
    otpauth_url: str = Field(description="For an authenticator app; the QR code says the same")
    qr_code: str = Field(description="The otpauth URL as a QR code: an SVG picture, as a data: URL")
    secret: str = Field(description="The same secret as text, to type into the app")


class SecondFactorState(BaseModel):
    turned_on: bool = Field(description="An authenticator app is set up and confirmed")
    required: bool = Field(description="My organisation requires one")


class SecondFactorCode(Strict):
    code: str = Field(pattern=r"^[0-9]{6}$", description="The 6-digit code the app shows")


class RecoveryCodes(BaseModel):
    recovery_codes: list[str] = Field(description="Each works once, instead of a code")


class ResetAsked(BaseModel):
    """The same answer whether or not the address has an account."""

    link_sent_if_known: bool = True

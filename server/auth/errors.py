"""Refusals at sign-in, worded so that a child knows what to do next."""

from server.errors import AppError, Conflict, Forbidden, Gone, NotFound, NotSignedIn, TooManyTries
from server.i18n import N_, N_plural


class WrongPassword(NotSignedIn):
    code = "wrong-password"
    title = N_("That email or password is not right.")


class WrongPin(NotSignedIn):
    code = "wrong-pin"
    title = N_("That secret number is not right. Please try again.")


class WrongPinWait(TooManyTries):
    """The wrong PIN that starts a pause: still 'wrong PIN', and says how long to wait."""

    status = WrongPin.status
    code = WrongPin.code
    title = N_plural(
        "That secret number is not right. Please wait {count} minute, then try again.",
        "That secret number is not right. Please wait {count} minutes, then try again.",
    )


PIN_TOO_EASY = N_(
    "That secret number is too easy to guess. Please do not use the same number again and "
    "again, numbers in order like 1234, or a year or a date."
)


class UnknownDevice(NotSignedIn):
    code = "unknown-device"
    title = N_("This phone is not set up yet. Please use the invitation code from your worker.")


class InvitationNotFound(NotFound):
    code = "invitation-not-found"
    title = N_(
        "We could not find that invitation code. Please check it, or ask your worker for a new one."
    )


class InvitationUsed(Gone):
    code = "invitation-used"
    title = N_(
        "This invitation has already been used or has run out. Please ask your worker for a new one."
    )


class JoiningAgain(Conflict):
    code = "joining-again"
    title = N_(
        "You have used Alongside before. Type your old secret number to bring your words to this phone, or start again without them."
    )


class WrongOldPin(NotSignedIn):
    code = "wrong-old-pin"
    title = N_(
        "That is not your old secret number. You can try again, or start again without your earlier words."
    )


class PhoneReplaced(NotSignedIn):
    code = "phone-replaced"
    title = N_(
        "This phone was signed out because you joined Alongside on another phone. If that was not you, tell someone you trust, or call Childline free on 0800 1111."
    )


class SecondFactorNeeded(NotSignedIn):
    code = "second-factor-needed"
    title = N_("Please type the 6-digit code from your authenticator app.")


class WrongCode(NotSignedIn):
    code = "wrong-code"
    title = N_(
        "That code is not right, or it was used already. Please wait for a new code and try again."
    )


class SecondFactorSetUpNeeded(NotSignedIn):
    """Carries `otpauth_url` and `qr_code` for the practitioner to scan."""

    code = "second-factor-setup-needed"
    title = N_(
        "Your organisation asks for a code as well as your password. Scan this picture with an authenticator app, then type the 6-digit code it shows."
    )


class SecondFactorAlreadySetUp(Conflict):
    code = "second-factor-already-set-up"
    title = N_("An authenticator app is already set up for you.")


class SecondFactorNotStarted(Conflict):
    code = "second-factor-not-started"
    title = N_("Please start setting up the authenticator app again.")


class SecondFactorRequired(Conflict):
    code = "second-factor-required"
    title = N_("Your organisation asks everyone to use a code, so it stays on.")


class PractitionersOnly(Forbidden):
    code = "practitioners-only"
    title = N_("Only practitioners can do this.")


class UnknownIdentityProvider(NotFound):
    code = "unknown-identity-provider"
    title = N_("We do not know that organisation's sign-in. Please check the link.")


class SignInLinkUsed(AppError):
    """The state that comes back from the identity provider is missing, wrong,
    used already or too old."""

    code = "sign-in-link-used"
    title = N_(
        "This sign-in has run out or was used already. Please start signing in again from Alongside."
    )


class IdentityNotChecked(NotSignedIn):
    """The provider's answer could not be trusted: wrong issuer, bad signature,
    wrong nonce or audience, expired, or the person stopped at its page."""

    code = "identity-not-checked"
    title = N_(
        "We could not check who you are with your organisation's sign-in. Please try again, or ask your administrator."
    )


class NoAccountForIdentity(NotSignedIn):
    code = "no-account-for-identity"
    title = N_(
        "There is no Alongside account for you yet. Please open the invitation your administrator sent you."
    )


class AccountDeactivated(NotSignedIn):
    code = "account-deactivated"
    title = N_("Your Alongside account has been closed. Please ask your administrator.")

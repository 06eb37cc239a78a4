"""Refusals at sign-in, worded so that a child knows what to do next."""

from server.errors import Conflict, Gone, NotFound, NotSignedIn, TooManyTries
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

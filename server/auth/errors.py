"""Refusals at sign-in, worded so that a child knows what to do next."""

from server.errors import Gone, NotFound, NotSignedIn, TooManyTries
from server.i18n import N_, N_plural


class WrongPassword(NotSignedIn):
    code = "wrong-password"
    title = N_("That email or password is not right.")


class WrongPin(NotSignedIn):
    code = "wrong-pin"
    title = N_("That PIN is not right. Please try again.")


class WrongPinWait(TooManyTries):
    """The wrong PIN that starts a pause: still 'wrong PIN', and says how long to wait."""

    status = WrongPin.status
    code = WrongPin.code
    title = N_plural("That PIN is not right. Please wait {count} minute, then try again.",
                     "That PIN is not right. Please wait {count} minutes, then try again.")


PIN_TOO_EASY = N_("That PIN is too easy to guess. Please do not use the same number again and "
                  "again, numbers in order like 1234, or a year or a date.")


class UnknownDevice(NotSignedIn):
    code = "unknown-device"
    title = N_("This phone is not set up yet. Please use the invitation code from your worker.")


class InvitationNotFound(NotFound):
    code = "invitation-not-found"
    title = N_("We could not find that invitation code. Please check it, or ask your worker for a new one.")


class InvitationUsed(Gone):
    code = "invitation-used"
    title = N_("This invitation has already been used or has run out. Please ask your worker for a new one.")

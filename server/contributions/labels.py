"""The words the app uses for kinds of contribution, for audiences and for its own
scale questions."""

from collections.abc import Callable
from typing import overload

from server.contributions.models import Audience, ContributionKind
from server.i18n import N_

KIND_LABELS = {
    ContributionKind.GOING_WELL: N_("What's going well"),
    ContributionKind.WORRIED_ABOUT: N_("What I'm worried about"),
    ContributionKind.WANT_TO_HAPPEN: N_("What I want to happen"),
    ContributionKind.SCALE: N_("How I feel"),
    ContributionKind.MESSAGE: N_("A message to my meeting"),
}

AUDIENCE_LABELS = {
    Audience.JUST_ME: N_("Just me"),
    Audience.MY_WORKER: N_("My worker"),
    Audience.MY_MEETING: N_("My meeting"),
    Audience.MY_FAMILY_TOO: N_("My family too"),
}

#: The app's own scale questions, stored as these keys (never as one reader's
#: translation) and shown in each reader's language. Any other question is the
#: family member's own, kept as they wrote it.
SCALE_QUESTIONS = {
    "app:feel": N_("How do you feel?"),
    "app:safe_at_home": N_("How safe do you feel at home?"),
    "app:happy_at_school": N_("How happy are you at school?"),
    "app:things_at_home": N_("How are things at home?"),
}


@overload
def scale_question_text(stored: str, gettext: Callable[[str], str]) -> str: ...
@overload
def scale_question_text(stored: None, gettext: Callable[[str], str]) -> None: ...
def scale_question_text(stored: str | None, gettext: Callable[[str], str]) -> str | None:
    if stored is not None and stored in SCALE_QUESTIONS:
        return gettext(SCALE_QUESTIONS[stored])
    return stored

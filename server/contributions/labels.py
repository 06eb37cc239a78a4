"""The words the app uses for kinds of contribution, for audiences and for its own
scale questions."""

from collections.abc import Callable
from typing import overload

from server.contributions.models import Audience, ContributionKind
from server.i18n import N_

KIND_LABELS = {
    # NOTE: a kind of words a family member writes, said by them ("I").
    ContributionKind.GOING_WELL: N_("What's going well"),
    ContributionKind.WORRIED_ABOUT: N_("What I'm worried about"),
    ContributionKind.WANT_TO_HAPPEN: N_("What I want to happen"),
    ContributionKind.SCALE: N_("How I feel"),
    ContributionKind.MESSAGE: N_("A message to my meeting"),
}

AUDIENCE_LABELS = {
    # NOTE: who can see the words: only the person who wrote them (a draft).
    Audience.JUST_ME: N_("Just me"),
    # NOTE: who can see the words: the writer and their lead worker (social worker).
    Audience.MY_WORKER: N_("My worker"),
    # NOTE: who can see the words: every worker at the family's meeting.
    Audience.MY_MEETING: N_("My meeting"),
    # NOTE: who can see the words: all the workers and the family's adult carers too.
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

"""The words the app uses for kinds of contribution and for audiences."""

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

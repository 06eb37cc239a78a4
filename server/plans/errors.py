from server.errors import Conflict
from server.i18n import N_

DUE_IN_PAST = N_("Please choose a date from today onwards.")
OWNER_NOT_IN_CIRCLE = N_("Please choose someone in this circle.")
ONE_OWNER = N_("Please choose one person or agency.")
NOT_SHARED_WITH_YOU = N_("You can only use words that were shared with you.")
ACTIONS_ONLY = N_("Only actions have someone, a date and a status.")
COMMENT_NEEDS_A_READER = N_("Please choose who can read your comment, so they can answer it.")


class EmptyPlan(Conflict):
    code = "empty-plan"
    title = N_("There is nothing in the plan to publish yet.")


class NothingPublished(Conflict):
    code = "nothing-published"
    title = N_("There is no plan to show yet.")


class AlreadyInPlan(Conflict):
    code = "already-in-plan"
    title = N_("These words are already in the plan.")


class WordsWithdrawn(Conflict):
    code = "words-withdrawn"
    title = N_("Its author has withdrawn these words, so there is nothing to answer.")


class NoComment(Conflict):
    code = "no-comment"
    title = N_("This answer has no comment to take back.")

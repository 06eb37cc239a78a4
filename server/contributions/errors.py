from server.errors import Conflict
from server.i18n import N_


class ChangedElsewhere(Conflict):
    code = "changed-elsewhere"
    title = N_(
        "This was changed somewhere else first. Nothing is lost: choose which version to keep."
    )


class NotADraft(Conflict):
    code = "not-a-draft"
    title = N_(
        "This has been shared, so it cannot be changed or deleted. You can change who sees it, or stop sharing it."
    )


class NotShared(Conflict):
    code = "not-shared"
    title = N_("This is already just for you.")


PLEASE_WRITE = N_("Please write something.")
PICK_A_NUMBER = N_("Please pick a number from 0 to 10.")
ASK_A_QUESTION = N_("Please choose a question.")
ONLY_SCALES = N_('Only "How I feel" has a number from 0 to 10.')
PICK_YOUR_MEETING = N_("Please pick one of your own meetings.")

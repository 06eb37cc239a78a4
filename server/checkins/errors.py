from server.errors import Conflict
from server.i18n import N_


class NotYet(Conflict):
    code = "meeting-not-yet"
    title = N_("This meeting has not happened yet. You can answer after it.")


ANSWER_ONE = N_("Please answer at least one question.")

from server.errors import Conflict, Forbidden, NotFound
from server.i18n import N_


class NoSuchPractitioner(NotFound):
    code = "no-such-practitioner"
    title = N_("We could not find a practitioner with that email address.")


class AlreadyOnTeam(Conflict):
    code = "already-on-team"
    title = N_("They are already on this circle's team.")


class LeadOnly(Forbidden):
    code = "lead-only"
    title = N_("Only the lead practitioner can do that.")


class CircleClosed(Conflict):
    code = "circle-closed"
    title = N_("This circle is closed.")

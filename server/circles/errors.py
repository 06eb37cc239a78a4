from server.errors import Conflict, Forbidden, NotFound
from server.i18n import N_


class NoSuchPractitioner(NotFound):
    code = "no-such-practitioner"
    title = N_("We could not find a practitioner with that email address.")


class AlreadyOnTeam(Conflict):
    code = "already-on-team"
    title = N_("They are already on this circle's team.")


class LeadOrManagerOnly(Forbidden):
    code = "lead-or-manager-only"
    title = N_("Only the lead practitioner or their manager can do that.")


class LastLead(Conflict):
    code = "last-lead"
    title = N_("This circle needs a lead. Please choose a new lead before removing this one.")


class CircleClosed(Conflict):
    code = "circle-closed"
    title = N_("This circle has closed. Nobody reads new words here.")


class CallInstead(CircleClosed):
    """A call for help in a closed circle must never go nowhere: it says whom to call."""

    code = "circle-closed-call-instead"
    title = N_(
        "This circle has closed, so nobody will be told through Alongside. If you are "
        "in danger now, call 999. To talk to someone, call Childline free on 0800 1111, "
        "any time."
    )

    def __init__(self) -> None:
        super().__init__(numbers=["999", "0800 1111"])

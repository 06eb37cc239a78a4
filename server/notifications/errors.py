from server.errors import Conflict
from server.i18n import N_

NOT_A_PUSH_SERVICE = N_("Notifications can only go through this phone's own notification service.")


class SubscriptionTaken(Conflict):
    code = "push-subscription-taken"
    title = N_("Notifications on this phone were turned on for someone else. Nothing was changed. Please try again.")

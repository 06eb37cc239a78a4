from server.errors import Conflict, NotFound
from server.i18n import N_

NOT_A_PUSH_SERVICE = N_("Notifications can only go through this phone's own notification service.")


class SubscriptionTaken(Conflict):
    code = "push-subscription-taken"
    title = N_(
        "Notifications on this phone were turned on for someone else. Nothing was changed. Please try again."
    )


class PushNotAvailable(NotFound):
    """This server has no Web Push key (production without ALONGSIDE_VAPID_PRIVATE_KEY)."""

    code = "push-not-available"
    title = N_("Notifications are not available here yet.")

"""What a notification may say: never family words, never names — only that
something is new, so a phone's lock screen tells a watching adult nothing."""

from server.i18n import N_

TITLE = N_("You have a new message")
BODIES = {
    "views_requested": N_("Open Alongside to see what is new."),
    "meeting_reminder": N_("Open Alongside to see what is new."),
    "plan_published": N_("Open Alongside to see what is new."),
    "check_in": N_("Open Alongside to see what is new."),
    "shared_with_you": N_("Something new was shared with you in Alongside."),
    "urgent": N_("Someone needs to talk to you now. Open Alongside."),
    "urgent_seen": N_("Open Alongside to see what is new."),
    "sign_in_trouble": N_("Someone is having trouble signing in to Alongside."),
    "escalated": N_("Someone asked a manager to look at a plan. Open Alongside."),
    "manager_answered": N_("Open Alongside to see what is new."),
    "urgent_overdue": N_("Nobody has answered a call for help yet. Open Alongside."),
}

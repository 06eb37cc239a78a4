from server.i18n import N_

MEETING_IN_PAST = N_("Please choose a date and time that has not passed.")
DUE_IN_PAST = N_("Please choose a date from today onwards.")
DUE_AFTER_MEETING = N_("Please choose a date before the meeting.")
NOT_IN_CIRCLE = N_("Please choose people from this circle.")

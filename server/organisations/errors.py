from server.errors import Conflict, Invalid
from server.i18n import N_


class OrganisationExists(Conflict):
    code = "organisation-exists"
    title = N_("There is already an organisation with that name.")


class TeamExists(Conflict):
    code = "team-exists"
    title = N_("This organisation already has a team with that name.")


class EmailInUse(Conflict):
    code = "email-in-use"
    title = N_("Someone already has an account with that email address.")


class NotInOrganisation(Invalid):
    code = "not-in-organisation"
    title = N_("That team is not part of this organisation.")


class NotYourself(Conflict):
    code = "not-yourself"
    title = N_("You cannot do that to your own account. Please ask another administrator.")

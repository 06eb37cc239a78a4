"""Who on the staff side may do what: the one place roles are enforced, beside
the sharing policy (server/sharing/policy.py), which alone decides who reads
family words. No role here opens a single family word.

Each action names the roles allowed to take it (shown per operation in the
OpenAPI document as `x-roles`); organisation administrators act only inside
their own organisation, and may give only the roles in GRANTS."""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from server.auth.actor import Actor
from server.errors import Forbidden, NotFound
from server.i18n import N_
from server.organisations.models import Practitioner, Role


class Action(StrEnum):
    SEE_ORGANISATIONS = "see_organisations"
    CREATE_ORGANISATION = "create_organisation"
    CREATE_TEAM = "create_team"
    SEE_PEOPLE = "see_people"
    INVITE_PRACTITIONER = "invite_practitioner"
    CHANGE_ROLE = "change_role"
    DEACTIVATE = "deactivate"
    REASSIGN_LEAD = "reassign_lead"
    SEE_AUDIT = "see_audit"
    SET_SIGN_IN = "set_sign_in"
    OVERSEE = "oversee"
    NAME_DUTY_CONTACT = "name_duty_contact"
    SEE_REVIEW = "see_review"


_ADMINS = frozenset({Role.PARTNERSHIP_ADMIN, Role.ORGANISATION_ADMIN})
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.SEE_ORGANISATIONS: _ADMINS | {Role.AUDITOR},
    Action.CREATE_ORGANISATION: frozenset({Role.PARTNERSHIP_ADMIN}),
    Action.CREATE_TEAM: _ADMINS,
    Action.SEE_PEOPLE: _ADMINS | {Role.AUDITOR},
    Action.INVITE_PRACTITIONER: _ADMINS,
    Action.CHANGE_ROLE: _ADMINS,
    Action.DEACTIVATE: _ADMINS,
    Action.REASSIGN_LEAD: _ADMINS,
    # Managers see only their teams' part of it (audit.viewer).
    Action.SEE_AUDIT: frozenset({Role.AUDITOR, Role.PARTNERSHIP_ADMIN, Role.TEAM_MANAGER}),
    Action.SET_SIGN_IN: _ADMINS,
    # Their own teams' circles only (oversight.service).
    Action.OVERSEE: frozenset({Role.TEAM_MANAGER}),
    # A manager, for the teams they manage only (organisations.duty).
    Action.NAME_DUTY_CONTACT: _ADMINS | {Role.TEAM_MANAGER},
    # Figures only, never a name or a word: a manager for their teams, the
    # partnership administrator for every organisation (review.service).
    Action.SEE_REVIEW: frozenset({Role.TEAM_MANAGER, Role.PARTNERSHIP_ADMIN}),
}
#: Partnership-wide roles: everywhere; every other role: its own organisation only.
EVERYWHERE = frozenset({Role.PARTNERSHIP_ADMIN, Role.AUDITOR})
#: The roles each administrator may give.
GRANTS: dict[Role, frozenset[Role]] = {
    Role.PARTNERSHIP_ADMIN: frozenset(Role),
    Role.ORGANISATION_ADMIN: frozenset(
        {Role.ORGANISATION_ADMIN, Role.TEAM_MANAGER, Role.PRACTITIONER}
    ),
}


class RoleNotYours(Forbidden):
    code = "role-not-yours-to-give"
    title = N_("You cannot give that role. Please ask a partnership administrator.")


def roles_for(action: Action) -> list[str]:
    """For the OpenAPI document: who may take this action."""
    return sorted(role.value for role in ALLOWED[action])


def may(practitioner: Practitioner, action: Action) -> bool:
    return practitioner.is_active and practitioner.role in ALLOWED[action]


def require(actor: Actor, action: Action) -> Practitioner:
    """The acting practitioner, if their role allows the action; else refused."""
    if actor.practitioner is None or not may(actor.practitioner, action):
        raise Forbidden()
    return actor.practitioner


def require_in(actor: Actor, action: Action, organisation_id: UUID) -> Practitioner:
    """As `require`, for something in one organisation: an organisation
    administrator of another organisation is told it is not found."""
    practitioner = require(actor, action)
    if practitioner.role not in EVERYWHERE and practitioner.organisation_id != organisation_id:
        raise NotFound()
    return practitioner


def require_grant(giver: Practitioner, role: Role) -> None:
    if role not in GRANTS.get(giver.role, frozenset()):
        raise RoleNotYours()

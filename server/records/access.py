"""Who may export or erase a family member's records: the command line (someone
who runs the server), an active partnership administrator, and the practitioners
named in ALONGSIDE_RECORDS_MANAGERS (e.g. a data protection officer)."""

from __future__ import annotations

from dataclasses import dataclass

from server.auth.actor import Actor
from server.organisations.models import Role
from server.settings import Settings


@dataclass(frozen=True)
class CommandLine:
    """`alongside records ...`, run by someone with the server's own access."""

    label: str = "command line"


COMMAND_LINE = CommandLine()


def may_manage_records(actor: Actor | CommandLine, settings: Settings) -> bool:
    if isinstance(actor, CommandLine):
        return True
    person = actor.practitioner
    if person is None or not person.is_active:
        return False
    return (
        person.role == Role.PARTNERSHIP_ADMIN or person.email.lower() in settings.records_managers
    )


def done_by(actor: Actor | CommandLine) -> str:
    """How a records event names who did it (an id, never a name)."""
    if isinstance(actor, CommandLine):
        return actor.label
    return f"practitioner:{actor.person.id}"

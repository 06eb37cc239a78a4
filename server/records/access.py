"""Who may export or erase a family member's records. Until the partnership
administrator role exists, the command line (someone who runs the server) and the
practitioners named in ALONGSIDE_RECORDS_MANAGERS may."""

from __future__ import annotations

from dataclasses import dataclass

from server.auth.actor import Actor
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
    return (
        person is not None
        and person.is_active
        and person.email.lower() in settings.records_managers
    )


def done_by(actor: Actor | CommandLine) -> str:
    """How a records event names who did it (an id, never a name)."""
    if isinstance(actor, CommandLine):
        return actor.label
    return f"practitioner:{actor.person.id}"

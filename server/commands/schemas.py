"""A batch of the phone's outbox commands, and the answer each one got."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from server.commands.idempotency import MAX_KEY

#: At most this many commands in one batch (the phone sends a longer backlog in
#: several batches).
MAX_COMMANDS = 100
#: At most this many bytes of JSON in one batch (and never more than
#: ALONGSIDE_MAX_BODY_BYTES, which every request obeys).
MAX_BYTES = 128 * 1024


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BatchCommand(Strict):
    """One command, as it would be sent on its own."""

    key: str = Field(min_length=1, max_length=MAX_KEY, description="Its Idempotency-Key")
    method: Literal["POST", "PUT", "PATCH", "DELETE"]
    path: str = Field(max_length=300, description="One of the outbox's command paths")
    body: Any = Field(default=None, description="Its JSON body (none for a delete)")
    after: str | None = Field(
        default=None,
        max_length=MAX_KEY,
        description="The key of a command that must succeed first: if it is earlier in "
        "this batch and did not, this one is not run (424)",
    )


class Batch(Strict):
    commands: list[BatchCommand] = Field(
        description=f"In the order they are run; at most {MAX_COMMANDS} commands "
        f"and {MAX_BYTES} bytes (413 otherwise)"
    )


class CommandAnswer(BaseModel):
    key: str
    status: int = Field(description="What a request on its own would have got")
    body: Any = Field(description="Its JSON answer (a problem when refused), or null")
    replayed: bool = Field(description="An answer kept from an earlier send of this key")
    retry_after: int | None = Field(default=None, description="Seconds to wait, if asked")


class BatchAnswers(BaseModel):
    answers: list[CommandAnswer]

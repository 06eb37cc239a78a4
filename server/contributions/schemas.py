from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from server.api.fields import Line, Text, VersionNumber, left_out
from server.contributions.models import Audience, ContributionKind

MAX_TEXT = 5000
MAX_QUESTION = 200


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ContributionWrite(Strict):
    """A new contribution. The phone makes the id, so sending it twice is safe."""

    id: UUID
    kind: ContributionKind
    text: Text = Field(default="", max_length=MAX_TEXT)
    scale_question: Line = Field(default="", max_length=MAX_QUESTION)
    scale_value: int | None = Field(default=None, ge=0, le=10, strict=True)
    meeting_id: UUID | None = None
    audience: Audience = Audience.JUST_ME  # a draft: the most private choice first


class ContributionEdit(Strict):
    """Changes to a draft; `version` is the version the change was made from."""

    version: VersionNumber
    text: Text = left_out(max_length=MAX_TEXT)
    scale_question: Line = left_out(max_length=MAX_QUESTION)
    scale_value: int | None = Field(default=None, ge=0, le=10, strict=True)
    meeting_id: UUID | None = None


class AudienceChoice(Strict):
    audience: Audience


class Receipt(BaseModel):
    at: datetime
    from_audience: Audience | None
    to_audience: Audience | None
    withdrawn: bool
    summary: str


class ReadBy(BaseModel):
    name: str
    label: str
    at: datetime


class ContributionOut(BaseModel):
    id: UUID
    kind: ContributionKind
    kind_label: str
    text: str
    scale_question: str
    scale_value: int | None
    meeting_id: UUID | None
    audience: Audience
    audience_label: str
    withdrawn_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    history: list[Receipt]
    read_by: list[ReadBy]


class ContributionList(BaseModel):
    items: list[ContributionOut]


class SharedItem(BaseModel):
    id: UUID
    author_name: str
    kind: ContributionKind
    kind_label: str
    text: str
    scale_question: str
    scale_value: int | None
    created_at: datetime


class SharedList(BaseModel):
    items: list[SharedItem]

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from server.api.fields import Text, VersionNumber, left_out
from server.contributions.models import Audience
from server.contributions.schemas import ReadBy
from server.organisations.models import Agency
from server.plans.models import ActionStatus, Answer, PlanSection, Where

MAX_TEXT = 2000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Owner(Strict):
    """Who does an action: a family member, a practitioner, or an agency."""

    member_id: UUID | None = None
    practitioner_id: UUID | None = None
    agency: Agency | None = None


class PlanItemNew(Strict):
    section: PlanSection
    text: Text = Field(min_length=1, max_length=MAX_TEXT)
    owner: Owner | None = None
    due_on: date | None = None
    status: ActionStatus | None = None


class PlanItemEdit(Strict):
    section: PlanSection = left_out()
    text: Text = left_out(min_length=1, max_length=MAX_TEXT)
    owner: Owner | None = None
    due_on: date | None = None
    status: ActionStatus | None = None


class PlanImport(Strict):
    contribution_id: UUID
    section: PlanSection


class AnswerNew(Strict):
    answer: Answer
    comment: Text = Field(default="", max_length=MAX_TEXT)
    #: Who may read the comment; the lead can always respond to "my worker".
    audience: Audience = Audience.MY_WORKER


class ResponseNew(Strict):
    text: Text = Field(min_length=1, max_length=MAX_TEXT)


class Quote(BaseModel):
    """A family member's words, verbatim and attributed, while they allow it."""

    source_id: UUID
    author_name: str
    kind_label: str
    #: None once the author withdrew them (then `withdrawn_at` says when).
    text: str | None
    scale_question: str | None = None
    scale_value: int | None = None
    withdrawn_at: datetime | None
    #: The author chose "my worker": only this person (the lead) can see the words.
    only_for: str | None = None
    #: The words' circle, for the audit of a practitioner's read (never sent).
    _circle_id: UUID = PrivateAttr()


class AnswerOut(BaseModel):
    id: UUID
    member_name: str
    answer: Answer
    answer_label: str
    #: None when this reader may not read it (or it was withdrawn).
    comment: str | None
    #: Who the author chose may read the comment.
    audience: Audience
    audience_label: str
    #: Shown to those allowed to read the comment: it was withdrawn, and when.
    comment_withdrawn_at: datetime | None
    #: For a comment this reader may not read: for whom it is ("for Priya only").
    comment_for: str | None
    #: For the author: which practitioners have read the comment, and when.
    read_by: list[ReadBy] = Field(default_factory=list)
    at: datetime
    version_number: int
    #: A disagreement stays flagged until a practitioner responds.
    flagged: bool
    response: str
    responded_at: datetime | None
    escalated_at: datetime | None
    #: Where a disagreement stands: with_worker, with_manager or answered
    #: (None for agree and not sure), said in the reader's language.
    where: Where | None = None
    where_label: str | None = None
    #: The named manager it went to, and their answer in words.
    manager_name: str | None = None
    manager_answer: str = ""
    manager_answered_at: datetime | None = None


class PlanItemOut(BaseModel):
    id: UUID
    section: PlanSection
    section_label: str
    text: str | None
    quote: Quote | None
    owner_label: str | None
    due_on: date | None
    status: ActionStatus | None
    status_label: str | None
    answers: list[AnswerOut] = Field(default_factory=list)
    my_answer: AnswerOut | None = None


class HiddenItems(BaseModel):
    """Items in a part of the plan this reader may not see, said in their place,
    so nobody reads a different plan without knowing it."""

    section: PlanSection
    section_label: str
    count: int
    #: Whom the words are only for, when the author chose "my worker".
    only_for: str | None


class PlanOut(BaseModel):
    circle_id: UUID
    published_version: int | None
    published_at: datetime | None = None
    items: list[PlanItemOut]
    hidden: list[HiddenItems] = Field(default_factory=list)


class Changes(BaseModel):
    since_version: int | None
    added: list[UUID]
    changed: list[UUID]
    removed: list[PlanItemOut]
    #: Items whose words their author withdrew since this person last looked.
    withdrawn: list[UUID]


class FamilyPlanOut(BaseModel):
    version: int
    published_at: datetime
    items: list[PlanItemOut]
    changes: Changes


class Published(BaseModel):
    version: int
    published_at: datetime


class SeenVersion(Strict):
    version: VersionNumber


class UsedIn(BaseModel):
    section_label: str
    version: int


class YouSaidItem(BaseModel):
    contribution_id: UUID
    kind_label: str
    text: str
    #: Empty once withdrawn: the plan no longer shows the words.
    used_in: list[UsedIn]
    withdrawn_at: datetime | None


class YouSaid(BaseModel):
    items: list[YouSaidItem]

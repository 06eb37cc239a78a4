"""Field types the request models share: words without hidden control
characters, whole numbers and dates the database can hold. A value either fits or is
refused with a clear message per field; it never reaches the database to fail
there (PostgreSQL refuses NUL in text; both databases refuse huge numbers)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, Field
from pydantic_core import PydanticCustomError

#: The largest number an integer column holds (PostgreSQL's `integer`).
DB_INT_MAX = 2**31 - 1

# Unicode's control characters (category Cc); long text keeps tab, \n and \r.
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_TAB_OR_NEWLINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _refusing(control: re.Pattern[str]) -> AfterValidator:
    def check(text: str) -> str:
        if control.search(text):
            raise PydanticCustomError("control_characters", "control characters are not allowed")
        return text

    return AfterValidator(check)


def _in_utc(moment: datetime) -> datetime:
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:59-14:00 is in the year 10000 in UTC
        raise PydanticCustomError("datetime_too_far", "this date is too far away") from None


#: A name, an email, a place, a question: one line, no control characters.
Line = Annotated[str, _refusing(_ANY_CONTROL)]
#: Words people write: tabs and new lines are kept, other control characters refused.
Text = Annotated[str, _refusing(_CONTROL_BUT_TAB_OR_NEWLINE)]
#: A date and time with its time zone, kept as the database keeps it: in UTC.
Moment = Annotated[AwareDatetime, AfterValidator(_in_utc)]
#: The number of a version (of a plan, of a draft).
VersionNumber = Annotated[int, Field(ge=1, le=DB_INT_MAX, strict=True)]


def left_out(**constraints: Any) -> Any:
    """A field of a change that may be left out (it then stays as it was) but
    may not be null: null is refused as the wrong type, never stored."""
    return Field(default=None, json_schema_extra=_without_default, **constraints)


def _without_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)  # a null default would say that null may be sent

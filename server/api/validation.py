"""Pydantic's validation errors, turned into translated messages per field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from server.errors import Invalid, Malformed
from server.i18n import N_, N_plural

_MESSAGES: dict[str, str | tuple[str, str]] = {
    "missing": N_("Please fill this in."),
    "string_too_short": N_plural(
        "Please write at least {min_length} character.",
        "Please write at least {min_length} characters.",
    ),
    "string_too_long": N_plural(
        "This is too long: at most {max_length} character.",
        "This is too long: at most {max_length} characters.",
    ),
    "string_type": N_("Please type some words here."),
    "string_pattern_mismatch": N_("This is not in the right form."),
    "control_characters": N_(
        "This has hidden characters that cannot be saved. Please type it again."
    ),
    "int_type": N_("This should be a whole number."),
    "int_parsing": N_("This should be a whole number."),
    "less_than_equal": N_("This should be {le} or less."),
    "greater_than_equal": N_("This should be {ge} or more."),
    "enum": N_("Please pick one of the choices."),
    "literal_error": N_("Please pick one of the choices."),
    "uuid_parsing": N_("We could not find that."),
    "uuid_type": N_("We could not find that."),
    "extra_forbidden": N_("We did not expect this."),
    "datetime_parsing": N_("This should be a date and time."),
    "datetime_from_date_parsing": N_("This should be a date and time."),
    "datetime_too_far": N_("Please choose a date nearer to today."),
    "date_parsing": N_("This should be a date."),
    "date_from_datetime_parsing": N_("This should be a date."),
    "bool_type": N_("This should be yes or no."),
    "bool_parsing": N_("This should be yes or no."),
    "value_error": N_("This is not in the right form."),
    "model_type": N_("Alongside could not read that. Please try again from the app."),
    "model_attributes_type": N_("Alongside could not read that. Please try again from the app."),
}
_FALLBACK = N_("This is not in the right form.")
#: The number a message with plural forms is counted by.
_COUNTED_BY = {"string_too_short": "min_length", "string_too_long": "max_length"}


def invalid_from(error: ValidationError) -> Invalid | Malformed:
    items = error.errors(include_url=False, include_input=False)
    if any(not item["loc"] for item in items):
        # The body as a whole was the wrong shape (an array, a string...).
        return Malformed()
    return Invalid(errors=[_field_error(item) for item in items])


def _field_error(item: Any) -> dict[str, Any]:
    context = item.get("ctx") or {}
    params = {key: value for key, value in context.items() if isinstance(value, int | str)}
    if item["type"] in _COUNTED_BY:
        params["count"] = params[_COUNTED_BY[item["type"]]]
    return {
        "field": ".".join(str(part) for part in item["loc"]),
        "code": item["type"],
        "message": _MESSAGES.get(item["type"], _FALLBACK),
        "params": params,
    }

"""The print view of a plan: clean A4 pages a family can read, with attribution."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from server.i18n import N_, N_plural, Wording, text_direction
from server.plans.labels import SECTION_LABELS
from server.plans.reading import SECTION_ORDER
from server.plans.schemas import HiddenItems, PlanItemOut

#: Words the print view adds, marked here so they are extracted for translation.
WORDS = {
    "working_version": N_("Working plan. Version {number} was shared on {date}."),
    "only_for": N_("Only {name} can see these words"),
    "hidden_only_for": N_plural(
        "{count} item is only for {name}", "{count} items are only for {name}"
    ),
    "hidden": N_plural(
        "{count} item is not shared with you", "{count} items are not shared with you"
    ),
}

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
)


def print_page(
    *,
    words: Wording,
    circle_name: str,
    reader: str,
    items: list[PlanItemOut],
    version: int | None,
    published: datetime | None,
    working: bool = False,
    hidden: list[HiddenItems] | None = None,
) -> str:
    """`working`: the team's working plan, which may differ from the version
    last shared with the family (named in its header)."""
    sections = [
        {
            "label": words.gettext(SECTION_LABELS[section]),
            "entries": [item for item in items if item.section is section],
            "hidden": [h for h in hidden or [] if h.section is section],
        }
        for section in SECTION_ORDER
    ]
    return _templates.get_template("print.html").render(
        _=words.gettext,
        lang=words.lang,
        dir=text_direction(words.lang),
        circle_name=circle_name,
        reader=reader,
        sections=sections,
        version=version,
        working=working,
        ngettext=words.ngettext,
        words=WORDS,
        published=words.when(published) if published else "",
        printed=words.when(datetime.now(UTC)),
        when=words.when,
        day=words.day,
    )

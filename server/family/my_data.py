"""'Download everything I wrote': a plain-text file a family member can read,
with who each thing was shared with and every change they made."""

from __future__ import annotations

from datetime import datetime, timezone

from server.auth.actor import Actor
from server.contributions.labels import AUDIENCE_LABELS
from server.contributions.models import Contribution
from server.contributions.reading import for_author
from server.contributions.schemas import ContributionOut
from server.contributions.service import author_of
from server.i18n import N_, Wording
from server.sharing.policy import own_contributions


def _entry(number: int, item: ContributionOut, words: Wording) -> list[str]:
    lines = [f"{number}. {item.kind_label} — {words.when(item.created_at)}"]
    if item.scale_value is not None:
        lines.append(f"   {item.scale_question}: {item.scale_value}/10")
    for line in item.text.splitlines() or [""]:
        lines.append(f"   {line}")
    if item.withdrawn_at:
        lines.append("   " + words.gettext(N_("You stopped sharing this on {date}.")).format(
            date=words.when(item.withdrawn_at)))
    else:
        lines.append("   " + words.gettext(N_("Who can see it now: {audience}")).format(
            audience=words.gettext(AUDIENCE_LABELS[item.audience])))
    lines.append("   " + words.gettext(N_("Changes:")))
    lines += [f"     - {words.when(c.at)}: {c.summary}" for c in item.history]
    for read in item.read_by:
        lines.append("   " + words.gettext(N_("Read by {name} ({label}) on {date}")).format(
            name=read.name, label=read.label, date=words.when(read.at)))
    return [*lines, ""]


async def my_data(actor: Actor, words: Wording) -> str:
    member = author_of(actor)
    items = await for_author(
        await Contribution.filter(own_contributions(actor)).order_by("created_at"), words.gettext
    )
    lines = [
        words.gettext(N_("Everything I wrote in Alongside")),
        words.gettext(N_("Name: {name}")).format(name=member.name),
        words.gettext(N_("Downloaded on {date}")).format(
            date=words.when(datetime.now(timezone.utc))),
        "",
    ]
    if not items:
        lines.append(words.gettext(N_("You have not written anything yet.")))
    for number, item in enumerate(items, start=1):
        lines += _entry(number, item, words)
    return "\n".join(lines) + "\n"

"""The one place that decides who may read a family member's words.

Every read path (API, plan, export, print, notification, dashboard) asks here for
a query filter; no route filters contributions by hand.

- just me:        the author only
- my worker:      + the circle's lead practitioner
- my meeting:     + every practitioner on the circle's team
- my family too:  + the circle's carers
A withdrawn contribution is readable by its author only.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from tortoise.expressions import Q

from server.auth.actor import Actor
from server.circles.models import FamilyMember, TeamMember
from server.contributions.models import Audience

TEAM_AUDIENCES = (Audience.MY_MEETING, Audience.MY_FAMILY_TOO)
LEAD_ONLY = Audience.MY_WORKER
NOTHING = Q(id__in=[])


def _either(first: Q, second: Q) -> Q:
    """`first | second`, leaving out a side that matches nothing: SQLite cannot
    use an index for `x OR (y AND 1=0)` and would read the whole table."""
    if second is NOTHING:
        return first
    return second if first is NOTHING else first | second


def _both(first: Q, second: Q) -> Q:
    """`first & second`, kept as NOTHING when either side matches nothing."""
    return NOTHING if first is NOTHING or second is NOTHING else first & second


def own_contributions(actor: Actor) -> Q:
    """A family member's own words, as far as this phone may open them."""
    return _own(actor, author="author_id")


def _own(actor: Actor, author: str) -> Q:
    """Rows the actor wrote (`author` names the row's author column), as far as
    this phone may open them: after joining again without their old PIN, earlier
    words stay locked (a worker made the code, so a code alone must never open a
    child's words)."""
    if actor.member is None:
        return NOTHING
    written: dict[str, Any] = {author: actor.member.id}
    mine = Q(**written)
    if actor.member.own_words_since is not None:
        mine &= Q(created_at__gte=actor.member.own_words_since)
    return mine


async def readable_contributions(actor: Actor) -> Q:
    """A filter over Contribution rows this actor may read the words of."""
    if actor.member is not None:
        family = _both(Q(withdrawn_at=None), _family_audience(actor.member))
        return _either(own_contributions(actor), family)
    return Q(withdrawn_at=None) & await _practitioner_audience(actor)


async def withdrawn_markers(actor: Actor) -> Q:
    """Withdrawn contributions this actor was allowed to read: they may see that
    the words were withdrawn, and when, but never the words."""
    if actor.member is not None:
        return Q(withdrawn_at__isnull=False) & _family_audience(actor.member)
    return Q(withdrawn_at__isnull=False) & await _practitioner_audience(actor)


async def quotable_contributions(actor: Actor) -> Q:
    """Where a contribution is used (a plan): its words if readable, else — once
    withdrawn — a dated marker for those who were allowed to read it."""
    if actor.member is not None:
        return _either(own_contributions(actor), _family_audience(actor.member))
    return await _practitioner_audience(actor)


async def _practitioner_audience(actor: Actor) -> Q:
    return await _team_audience(actor, circle="circle_id")


def _family_audience(
    member: FamilyMember, circle: str = "circle_id", author: str = "author_id"
) -> Q:
    """Other people's rows a family member is in the audience of; `circle` and
    `author` name the row's paths to its circle and its author."""
    if not member.role.is_carer:
        return NOTHING
    shared: dict[str, Any] = {circle: member.circle_id, "audience": Audience.MY_FAMILY_TOO}
    theirs: dict[str, Any] = {author: member.id}
    return Q(**shared) & ~Q(**theirs)


# --- Check-ins after a meeting --------------------------------------------------
# A family member's "How was it for you?" is theirs: "just me" unless they choose
# an audience, read by exactly those a contribution with that audience would be.


def own_check_ins(actor: Actor) -> Q:
    return _own(actor, author="member_id")


async def readable_check_ins(actor: Actor) -> Q:
    """A filter over CheckIn rows this actor may read."""
    if actor.member is not None:
        family = _family_audience(actor.member, author="member_id")
        return _either(own_check_ins(actor), family)
    return await _team_audience(actor, circle="circle_id")


# --- Plan answers' comments ----------------------------------------------------
# A family member's answer to a plan item has a choice (agree / not sure /
# disagree), which the circle's team always sees so a disagreement can be
# answered, and a comment: their own words, read by the audience they chose,
# exactly as for a contribution (never "just me": nobody could answer it).
# A withdrawn comment is readable by its author only.


async def readable_answer_comments(actor: Actor) -> Q:
    """A filter over PlanAnswer rows whose comment this actor may read."""
    others = _both(Q(comment_withdrawn_at=None), await _answer_audience(actor))
    return _either(own_answers(actor), others)


def own_answers(actor: Actor) -> Q:
    """A family member's own answers, as far as this phone may open them."""
    return _own(actor, author="member_id")


async def withdrawn_comment_markers(actor: Actor) -> Q:
    """Withdrawn comments this actor was allowed to read: they may see that the
    words were withdrawn, and when, but never the words."""
    return Q(comment_withdrawn_at__isnull=False) & await _answer_audience(actor)


async def _answer_audience(actor: Actor) -> Q:
    """Other people's answers this actor is in the comment's audience of."""
    if actor.member is not None:
        return _family_audience(actor.member, circle="member__circle_id", author="member_id")
    return await _team_audience(actor, circle="member__circle_id")


async def _team_audience(actor: Actor, circle: str) -> Q:
    """The rows of open circles whose team this practitioner is on, by audience;
    `circle` names the row's path to its circle id."""
    places = await _places(actor)
    team = [place for place, _ in places]
    led = [place for place, is_lead in places if is_lead]
    on_team: dict[str, Any] = {f"{circle}__in": team, "audience__in": TEAM_AUDIENCES}
    for_lead: dict[str, Any] = {f"{circle}__in": led, "audience": LEAD_ONLY}
    return _either(Q(**on_team) if team else NOTHING, Q(**for_lead) if led else NOTHING)


async def _places(actor: Actor) -> list[tuple[UUID, bool]]:
    """The open circles whose team this practitioner is on, and whether they lead
    it: looked up once in a request that changes nothing."""
    assert actor.practitioner is not None
    known = actor.looked_up if actor.looked_up is not None else {}
    if "places" not in known:
        known["places"] = await TeamMember.filter(
            practitioner=actor.practitioner, circle__closed_at=None
        ).values_list("circle_id", "is_lead")
    places: list[tuple[UUID, bool]] = known["places"]
    return places


def practitioner_may_read(audience: Audience, *, is_lead: bool) -> bool:
    """The same rule as `_team_audience`, for one practitioner on the circle's open
    team and one audience: the reverse question notifications ask."""
    return audience in TEAM_AUDIENCES or (is_lead and audience is LEAD_ONLY)

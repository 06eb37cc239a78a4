"""One circle whose family wrote in every audience, each item carrying its own
canary string, and everyone who might try to read those words.

Who may read each canary is written out here from PRODUCT.md's sharing rules
("Sharing choices"), never computed with the product's code. Everything is done
through the public HTTP API, as the phones and browsers do it: commands carry an
Idempotency-Key like the phone's outbox, so kept answers hold words too."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx2 as httpx
from starlette.applications import Starlette

from server.circles.models import AgeBand, FamilyMember, FamilyRole
from server.organisations.models import Organisation, Practitioner, Role, Team
from tests import factories
from tests.conftest import ORIGIN

AUTHORS = ("sam", "mia", "alex")  # Sam's circle: young person, child, parent (a carer)
LEAD, TEAMMATE = "priya", "tom"
#: Olu leads another circle; Kai (young person) and Jo (parent) belong to it.
OUTSIDERS = ("olu", "kai", "jo")
#: Priya's own browser, after Priya (the lead) made a new code for Sam and joined with it.
IMPOSTOR = "priya-as-sam"
#: Ada administers the partnership: she sees organisations and people, never words.
ADMIN = "ada"
#: Dee is the data protection officer: she searches the audit, which holds ids, never words.
AUDITOR = "dee"
#: Maya manages Priya's team: escalations reach her, and she answers them, but no
#: family member chose her as a reader, so she reads no family words.
MANAGER = "maya"
SIGNED_OUT = "signed-out"
EVERYONE = (*AUTHORS, LEAD, TEAMMATE, *OUTSIDERS, ADMIN, AUDITOR, MANAGER, IMPOSTOR, SIGNED_OUT)
SHARED = ("my_worker", "my_meeting", "my_family_too")
CANARY = re.compile(r"CANARY[0-9a-f]{10}")


def readers(author: str, audience: str | None) -> frozenset[str]:
    """PRODUCT.md: "just me" is the author only; "my worker" adds the circle's
    lead practitioner; "my meeting" every practitioner on the circle's team; "my
    family too" the circle's carers as well. Withdrawn words are the author's
    only (pass "just_me"); deleted words, and words edited away, nobody's (None)."""
    if audience is None:
        return frozenset()
    allowed = {author}
    if audience in SHARED:
        allowed.add(LEAD)
    if audience in ("my_meeting", "my_family_too"):
        allowed.add(TEAMMATE)
    if audience == "my_family_too":
        allowed.add("alex")  # the circle's only carer
    return frozenset(allowed)


@dataclass(frozen=True)
class Canary:
    text: str
    label: str
    readers: frozenset[str]
    #: The table that holds these words themselves; None once they are gone.
    table: str | None
    #: Whether an answer kept for a repeated command may still hold them: not
    #: once the item is edited, deleted or withdrawn (README, security).
    may_stay_in_kept_answers: bool
    #: Readers who must actually be shown it, so the crawl proves something.
    shown_to: frozenset[str]


def new_canary() -> str:
    return f"CANARY{uuid.uuid4().hex[:10]}"


async def browser(app: Starlette, stack: AsyncExitStack) -> httpx.AsyncClient:
    """A browser of its own: same-origin requests, its own cookies."""
    transport = httpx.ASGITransport(app=app)
    return await stack.enter_async_context(
        httpx.AsyncClient(transport=transport, base_url=ORIGIN, headers={"Origin": ORIGIN})
    )


@dataclass
class Scene:
    world: factories.World
    clients: dict[str, httpx.AsyncClient]
    #: Reader names by person id (a kept answer names the person it is kept for).
    names: dict[str, str]
    canaries: list[Canary] = field(default_factory=list)
    #: Every answer anyone was given while the scene was built.
    answers: list[httpx.Response] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)
    #: Real ids by the name a path parameter gives them (circle_id, item_id ...).
    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    async def send(self, who: str, method: str, url: str, expect: int = 200, **kwargs: Any) -> Any:
        """A command, sent as the phone's outbox sends it: with an Idempotency-Key."""
        headers = {"Idempotency-Key": str(uuid.uuid4())} if method != "GET" else {}
        response = await self.clients[who].request(method, url, headers=headers, **kwargs)
        assert response.status_code == expect, f"{method} {url}: {response.text}"
        self.answers.append(response)
        return response.json() if response.content else None

    def keep(
        self,
        text: str,
        label: str,
        allowed: frozenset[str],
        table: str | None = "contribution",
        kept: bool = True,
        shown_to: frozenset[str] | None = None,
    ) -> str:
        self.canaries.append(
            Canary(text, label, allowed, table, kept, allowed if shown_to is None else shown_to)
        )
        return text

    async def write(
        self, author: str, label: str, audience: str, kind: str = "worried_about"
    ) -> str:
        """A new contribution whose words are a fresh canary; returns its id."""
        text = new_canary()
        body = {"id": str(uuid.uuid4()), "kind": kind, "audience": audience}
        body.update(
            {"scale_question": text, "scale_value": 4} if kind == "scale" else {"text": text}
        )
        await self.send(author, "POST", "/api/contributions", 201, json=body)
        self.ids["contribution_id"].add(body["id"])
        self.keep(text, f"{author}: {label}", readers(author, audience))
        return body["id"]

    def change(
        self,
        label: str,
        readable_by: frozenset[str],
        table: str | None = "contribution",
        kept: bool = True,
    ) -> None:
        """The words labelled so were narrowed, withdrawn, deleted or edited away."""
        [old] = [c for c in self.canaries if c.label == label]
        self.canaries[self.canaries.index(old)] = Canary(
            old.text, label, readable_by, table, kept, readable_by
        )


async def _manager_of(lead: Practitioner) -> Practitioner:
    team = await Team.create(organisation_id=lead.organisation_id, name="Priya's team")
    manager = await factories.practitioner(
        await lead.organisation, "maya@example.test", "Maya Manager", role=Role.TEAM_MANAGER
    )
    team.manager = manager
    await team.save(update_fields=["manager_id"])
    lead.team = team
    await lead.save(update_fields=["team_id"])
    return manager


async def _everyone_signed_in(
    app: Starlette, stack: AsyncExitStack, world: factories.World
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A browser or phone for everyone: family members join with a code and a
    PIN, as they do; practitioners are signed in. Returns them, and everyone's
    id."""
    jo = await factories.member(world.other_circle, "Jo", FamilyRole.PARENT, AgeBand.ADULT)
    people = {
        "sam": world.young_person,
        "mia": world.child,
        "alex": world.parent,
        LEAD: world.lead,
        TEAMMATE: world.teammate,
        "olu": world.outsider,
        "kai": world.other_young_person,
        "jo": jo,
        ADMIN: await factories.practitioner(
            await Organisation.create(name="Council"),
            "ada@example.test",
            "Ada Admin",
            role=Role.PARTNERSHIP_ADMIN,
        ),
        AUDITOR: await factories.practitioner(
            await world.lead.organisation,
            "dee@example.test",
            "Dee Officer",
            role=Role.AUDITOR,
        ),
        MANAGER: await _manager_of(world.lead),
    }
    clients = {}
    for name, person in people.items():
        clients[name] = await browser(app, stack)
        if isinstance(person, FamilyMember):
            clients[name].headers["X-CSRF-Token"] = await factories.join(clients[name], person)
        else:
            await factories.act_as(clients[name], person)
    clients[SIGNED_OUT] = await browser(app, stack)
    return clients, {str(person.id): name for name, person in people.items()}


async def _words_of(scene: Scene, author: str) -> dict[str, str]:
    """Every kind of item, in every audience, from one author: drafts deleted
    and edited too. Returns the ids to narrow and to withdraw once published."""
    for audience in ("just_me", *SHARED):
        kind = "scale" if audience == "my_meeting" else "worried_about"
        ident = await scene.write(author, audience, audience, kind)
        if audience != "just_me":
            scene.imported.append(ident)
    # Tom brings this one in while he may read it; then Sam narrows it to "my worker".
    narrowed = await scene.write(author, "narrowed", "my_family_too", "want_to_happen")
    withdrawn = await scene.write(author, "withdrawn", "just_me", "message")
    await scene.send(
        author,
        "PUT",
        f"/api/contributions/{withdrawn}/audience",
        json={"audience": "my_family_too"},
    )
    scene.change(f"{author}: withdrawn", readers(author, "my_family_too"))
    deleted = await scene.write(author, "deleted", "just_me", "going_well")
    await scene.send(author, "DELETE", f"/api/contributions/{deleted}", 204)
    scene.change(f"{author}: deleted", readers(author, None), table=None, kept=False)
    edited = await scene.write(author, "edited away", "just_me", "going_well")
    after = scene.keep(new_canary(), f"{author}: edited draft", readers(author, "just_me"))
    await scene.send(
        author, "PATCH", f"/api/contributions/{edited}", json={"version": 1, "text": after}
    )
    scene.change(f"{author}: edited away", readers(author, None), table=None, kept=False)
    scene.imported.append(withdrawn)
    return {"narrowed": narrowed, "withdrawn": withdrawn}


def comment_choices(document: dict[str, Any]) -> tuple[list[str], str]:
    """Who may read a plan answer's comment, as the API offers it: the audiences
    one may choose, and the one a comment gets when none is chosen. Before the
    API offered a choice, comments went to the circle's team ("my meeting")."""
    schemas = document["components"]["schemas"]
    chosen = schemas["AnswerNew"]["properties"].get("audience")
    if chosen is None:
        return [], "my_meeting"
    ref = chosen.get("$ref")
    offered = schemas[ref.rsplit("/", 1)[-1]]["enum"] if ref else chosen["enum"]
    return list(offered), chosen["default"]


def comment_withdrawal(document: dict[str, Any]) -> str | None:
    """The path that withdraws an answer's comment, if the API has one."""
    return next(
        (
            path
            for path, operations in document["paths"].items()
            if "post" in operations and re.search(r"answers?/\{answer_id\}/withdraw$", path)
        ),
        None,
    )


async def _comment(
    scene: Scene, author: str, item: str, audience: str | None, default: str
) -> str | None:
    """Sam, Mia or Alex disagrees with an item, with a canary for a comment.
    Returns the answer's id (None if the API does not offer that audience)."""
    text = new_canary()
    body = {"answer": "disagree", "comment": text, **({"audience": audience} if audience else {})}
    response = await scene.clients[author].post(
        f"/api/family/plan/items/{item}/answer",
        json=body,
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    if audience == "just_me" and response.status_code == 422:
        return None  # a comment nobody may read cannot be answered: not offered
    assert response.status_code == 201, response.text
    scene.answers.append(response)
    scene.ids["answer_id"].add(response.json()["id"])
    allowed = readers(author, audience or default)
    # Where else a comment shows is for the plan screens to decide; its author
    # and the lead, where allowed, must be shown it.
    scene.keep(
        text,
        f"{author}: comment ({audience or 'not chosen'})",
        allowed,
        "plan_answer",
        shown_to=allowed & {author, LEAD},
    )
    return response.json()["id"]


async def _answers(scene: Scene, document: dict[str, Any], items: list[str]) -> None:
    """Each author answers one published item per way of sharing a comment. The
    lead escalates and answers the last disagreement; where the API lets the
    author withdraw a comment, the author then does."""
    offered, default = comment_choices(document)
    withdraw = comment_withdrawal(document)
    for author in AUTHORS:
        for item, audience in zip(items, [*offered, None, None], strict=True):
            answer = await _comment(scene, author, item, audience, default)
        comment = scene.canaries[-1]
        await scene.send(LEAD, "POST", f"/api/plan-answers/{answer}/escalate")
        await scene.send(
            MANAGER,
            "POST",
            f"/api/plan-answers/{answer}/manager-answer",
            json={"text": "I have read the plan and I will ask for a meeting."},
        )
        await scene.send(
            LEAD,
            "POST",
            f"/api/plan-answers/{answer}/response",
            json={"text": "We hear you, and we will talk on Tuesday."},
        )
        if withdraw is not None:
            await scene.send(author, "POST", withdraw.format(answer_id=answer))
            scene.canaries.remove(comment)
            scene.keep(
                comment.text,
                f"{author}: withdrawn comment",
                readers(author, "just_me"),
                "plan_answer",
                kept=False,
                shown_to=frozenset(),
            )


async def build(app: Starlette, stack: AsyncExitStack) -> Scene:
    """The circle, its words, a published plan that quotes them, answers to the
    plan, and then some words narrowed, withdrawn, deleted or edited."""
    world = await factories.world()
    scene = Scene(world, *await _everyone_signed_in(app, stack, world))
    scene.ids.update(
        circle_id={str(world.circle.id), str(world.other_circle.id)},
        meeting_id={str(world.meeting.id)},
        number={"1"},
        member_id={ident for ident, name in scene.names.items() if name in (*AUTHORS, "kai", "jo")},
    )
    document = (await scene.clients[SIGNED_OUT].get("/api/openapi.json")).json()
    later = {author: await _words_of(scene, author) for author in AUTHORS}
    plan = f"/api/circles/{world.circle.id}/plan"
    bring_in = [(LEAD, ident) for ident in scene.imported]
    for who, ident in [*bring_in, *((TEAMMATE, ids["narrowed"]) for ids in later.values())]:
        item = await scene.send(
            who,
            "POST",
            f"{plan}/imports",
            201,
            json={"contribution_id": ident, "section": "worried_about"},
        )
        scene.ids["item_id"].add(item["id"])
    ways = len(comment_choices(document)[0]) + 2
    items = [
        (
            await scene.send(
                LEAD,
                "POST",
                f"{plan}/items",
                201,
                json={"section": "needs_to_happen", "text": f"Team step {n}"},
            )
        )["id"]
        for n in range(ways)
    ]
    scene.ids["item_id"].update(items)
    await scene.send(
        LEAD,
        "POST",
        f"/api/meetings/{world.meeting.id}/view-requests",
        json={
            "member_ids": [str(m.id) for m in (world.young_person, world.child, world.parent)],
            "due_on": date.today().isoformat(),
        },
    )
    await scene.send(LEAD, "POST", f"{plan}/publish", 201)
    for author, ids in later.items():
        await scene.send(
            author,
            "PUT",
            f"/api/contributions/{ids['narrowed']}/audience",
            json={"audience": "my_worker"},
        )
        scene.change(f"{author}: narrowed", readers(author, "my_worker"))
        await scene.send(author, "POST", f"/api/contributions/{ids['withdrawn']}/withdraw")
        scene.change(f"{author}: withdrawn", readers(author, "just_me"), kept=False)
        await scene.send(author, "POST", "/api/family/urgent", 201)
    await _answers(scene, document, items)
    return scene

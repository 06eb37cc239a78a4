"""Every operation of the OpenAPI document, fuzzed with schemathesis as each
kind of person (lead, teammate, young person, carer, signed out), in process
against the app with its real middleware: no server error, ever, and every
answer as the document describes it.

The circle is the canary scene's (words in every audience, a published plan,
answers), so path parameters are often real ids; the rest are generated. Each
example gets a fresh session, so signing out or closing a circle in one example
does not silence the next. Bounded and repeatable: a few examples an operation,
derandomized, no deadline."""

from __future__ import annotations

import asyncio
import os
from collections import Counter, defaultdict
from contextlib import AsyncExitStack
from types import SimpleNamespace
from typing import Any

import httpx2 as httpx
import schemathesis
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from server.circles.models import Circle
from tests import factories
from tests.conftest import ORIGIN
from tests.safety import family_words as words
from tests.safety.asgi_bridge import InTestLoop
from tests.safety.crawl import Crawl

#: Examples per operation and person; more for a deeper run by hand.
EXAMPLES = int(os.environ.get("ALONGSIDE_FUZZ_EXAMPLES", "5"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Operations whose successful answers the document did not describe (it said
#: 204 No Content): while it still does, they are fuzzed for server errors only.
UNDESCRIBED = {
    "GET /api/family/my-data": "a text/plain download, described as 204 No Content",
    "GET /api/schemas/plan-export-v1.json": "a JSON Schema, described as 204 No Content",
    "GET /print/circles/{circle_id}/plan": "an HTML page, described as 204 No Content",
    "GET /print/my-plan": "an HTML page, described as 204 No Content",
}
ROLES = {
    "lead": words.LEAD,
    "teammate": words.TEAMMATE,
    "young person": "sam",
    "carer": "alex",
    "signed out": None,
}


def _person(scene: words.Scene, name: str | None) -> Any:
    world = scene.world
    return {
        words.LEAD: world.lead,
        words.TEAMMATE: world.teammate,
        "sam": world.young_person,
        "alex": world.parent,
        None: None,
    }[name]


async def _reopen_circles() -> None:
    await Circle.filter(closed_at__isnull=False).update(closed_at=None)


class Fuzz:
    """One person's fuzz run; it runs in a thread of its own, because
    schemathesis calls the app synchronously."""

    def __init__(self, scene: words.Scene, role: str, crawl: Crawl) -> None:
        self.loop = asyncio.get_running_loop()
        self.person = _person(scene, ROLES[role])
        self.role = role
        # Real ids by parameter name; any other id anyone was shown for a new name.
        self.known = {name: sorted(values) for name, values in scene.ids.items()}
        self.any_id = sorted(crawl.ids)
        self.findings: dict[str, str] = {}
        #: Statuses answered, by operation: every operation must have been called.
        self.answered: dict[str, Counter[int]] = defaultdict(Counter)
        self.labels: list[str] = []

    def in_loop(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def signed_in(self) -> tuple[dict[str, str], dict[str, str]]:
        """A fresh session, as a browser has it: a cookie and the CSRF token."""
        if self.person is None:
            return {"Origin": ORIGIN}, {}
        browser = SimpleNamespace(cookies=httpx.Cookies(), headers={})
        self.in_loop(factories.act_as(browser, self.person))
        return {"Origin": ORIGIN, "X-CSRF-Token": browser.headers["X-CSRF-Token"]}, dict(
            browser.cookies
        )

    def cases(self, operation: Any) -> st.SearchStrategy[Any]:
        """Generated cases, half of them with path parameters from real ids."""
        modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
        free = [operation.as_strategy(generation_mode=mode) for mode in modes]
        names = [parameter.name for parameter in operation.path_parameters]
        if not names:
            return st.one_of(free)
        real = st.fixed_dictionaries(
            {name: st.sampled_from(self.known.get(name, self.any_id)) for name in names}
        )
        pinned = [
            real.flatmap(
                lambda values, mode=mode: operation.as_strategy(
                    generation_mode=mode, path_parameters=values
                )
            )
            for mode in modes
        ]
        return st.one_of(*pinned, *free)

    def operation(self, operation: Any, bridge: InTestLoop) -> None:
        undescribed = (
            operation.label in UNDESCRIBED and "204" in operation.definition.raw["responses"]
        )
        checks = [not_a_server_error] if undescribed else CHECKS
        # Every operation starts from open circles (an example may close one).
        self.in_loop(_reopen_circles())

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            verbosity=Verbosity.quiet,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=self.cases(operation))
        def example(case: Any) -> None:
            headers, cookies = self.signed_in()
            response = case.call(base_url=ORIGIN, headers=headers, cookies=cookies)
            self.answered[operation.label][response.status_code] += 1
            try:
                case.validate_response(response, checks=checks, headers=headers)
            except (Failure, FailureGroup) as failure:
                found = failure.exceptions if isinstance(failure, FailureGroup) else [failure]
                for one in found:
                    self.findings.setdefault(
                        f"{self.role} {operation.label}: {one.title}",
                        "\n".join(
                            [
                                f"{self.role} {operation.label}: {one.title} ({response.status_code})",
                                one.message,
                                case.as_curl_command(headers),
                                bridge.crash or "",
                            ]
                        ),
                    )

        example()

    def run(self, bridge: InTestLoop) -> list[str]:
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", bridge)
        unloadable = []
        for result in schema.get_all_operations():
            if isinstance(result, Ok):
                self.labels.append(result.ok().label)
                self.operation(result.ok(), bridge)
            else:
                unloadable.append(str(result.err()))
        return unloadable


async def test_fuzzing_every_operation_finds_no_server_error_and_no_undocumented_answer(app):
    findings, unloadable = {}, []
    async with AsyncExitStack() as stack:
        scene = await words.build(app, stack)
        document = (await scene.clients[words.SIGNED_OUT].get("/api/openapi.json")).json()
        crawl = Crawl(document, words.CANARY)
        for answer in scene.answers:
            crawl.learn(answer)
        for role in ROLES:
            fuzz = Fuzz(scene, role, crawl)
            unloadable += await asyncio.to_thread(fuzz.run, InTestLoop(app, fuzz.loop))
            findings.update(fuzz.findings)
            untried = [label for label in fuzz.labels if not fuzz.answered[label]]
            assert untried == [], f"as {role}, these operations were never called"
    assert unloadable == [], "schemathesis could not read these operations"
    assert not findings, "\n\n".join(findings.values())

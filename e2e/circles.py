"""A circle of its own for each journey, set up through the API the way its lead
practitioner would: the demo's family (Sam 14, Mia 9 in the simpler version, Alex
their parent), a colleague from the school on the team, a child in need review in
ten days, and a one-time invitation code for each family member. Nothing is shared
with another journey, so the tests pass in any order and one at a time."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx2 as httpx

from e2e.live_server import LiveServer, off_the_browsers_loop
from e2e.practitioners import create_practitioners
from server.demo import FAMILY
from server.settings import Settings

NAME = "Sam and Mia"


@dataclass(frozen=True)
class Circle:
    id: str
    name: str
    #: Name, email and password of the lead practitioner (social care) ...
    lead: dict[str, str]
    #: ... and of their colleague from the school.
    colleague: dict[str, str]
    codes: dict[str, str]

    def code(self, name: str) -> str:
        """The unused invitation code of the family member called `name`."""
        return self.codes[name]


def _answer(response: httpx.Response) -> dict:
    response.raise_for_status()
    return response.json()


def new_circle(server: LiveServer) -> Circle:
    database = Settings.from_env(server.env).db_url
    lead, colleague = off_the_browsers_loop(asyncio.run, create_practitioners(database))
    with httpx.Client(base_url=server.url, headers={"Origin": server.url}, timeout=10) as api:
        me = _answer(
            api.post(
                "/api/sessions/practitioner",
                json={"email": lead["email"], "password": lead["password"]},
            )
        )
        api.headers["X-CSRF-Token"] = me["csrf_token"]
        circle = _answer(api.post("/api/circles", json={"name": NAME}))["id"]
        codes = {}
        for name, role, age_band, _ in FAMILY:
            added = _answer(
                api.post(
                    f"/api/circles/{circle}/members",
                    json={"name": name, "role": role.value, "age_band": age_band.value},
                )
            )
            codes[name] = added["invitation"]["code"]
        _answer(api.post(f"/api/circles/{circle}/team", json={"email": colleague["email"]}))
        starts = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
        _answer(
            api.post(
                f"/api/circles/{circle}/meetings",
                json={
                    "kind": "child_in_need_review",
                    "place": "Civic Centre, room 2",
                    "starts_at": (starts + timedelta(days=10)).isoformat(),
                },
            )
        )
        api.delete("/api/session").raise_for_status()
    return Circle(id=circle, name=NAME, lead=lead, colleague=colleague, codes=codes)

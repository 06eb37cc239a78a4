"""Reading everything the API will show someone: every GET operation of the
OpenAPI document, with its path parameters filled with every id anyone has been
shown, until no new id turns up. So a read path added tomorrow is crawled too."""

from __future__ import annotations

import itertools
import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx2 as httpx

#: Keys whose whole numbers name a plan version (the `{number}` of an export).
VERSION_KEYS = {"version", "published_version", "plan_version", "version_number", "number"}


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _walk(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner, key)
    else:
        yield key, value


def _is_id(value: Any) -> bool:
    try:
        uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        return False
    return True


@dataclass
class Crawl:
    document: dict[str, Any]
    pattern: re.Pattern[str]
    ids: set[str] = field(default_factory=set)
    numbers: set[int] = field(default_factory=lambda: {1})
    #: The `{year}` of the annual review: this one (its figures are about the records).
    years: set[int] = field(default_factory=lambda: {date.today().year})
    visited: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: reader -> canary -> the URLs that showed it to them
    seen: dict[str, dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set))
    )
    #: (reader, GET path template) -> statuses answered
    statuses: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))

    def learn(self, response: httpx.Response) -> None:
        """Remembers every id (and plan version number) an answer shows."""
        if "json" not in response.headers.get("content-type", ""):
            return
        try:
            body = response.json()
        except json.JSONDecodeError:
            return
        for key, value in _walk(body):
            if _is_id(value):
                self.ids.add(str(value))
            elif key in VERSION_KEYS and isinstance(value, int) and not isinstance(value, bool):
                self.numbers.add(value)

    def reads(self) -> list[tuple[str, list[dict[str, Any]]]]:
        return [
            (path, [p for p in operations["get"].get("parameters", []) if p["in"] == "path"])
            for path, operations in self.document["paths"].items()
            if "get" in operations
        ]

    def urls(self, path: str, parameters: list[dict[str, Any]]) -> Iterator[str]:
        choices = []
        for parameter in parameters:
            if parameter["name"] == "year":
                choices.append(sorted(map(str, self.years)))
                continue
            whole = (
                parameter.get("schema", {}).get("type") == "integer"
                or parameter["name"] == "number"
            )
            choices.append(sorted(map(str, self.numbers)) if whole else sorted(self.ids))
        for values in itertools.product(*choices):
            url = path
            for parameter, value in zip(parameters, values, strict=True):
                url = url.replace("{" + parameter["name"] + "}", value)
            yield url

    async def read_as(self, reader: str, client: httpx.AsyncClient) -> None:
        """Every read this reader has not made yet, with the ids known now."""
        for path, parameters in self.reads():
            for url in self.urls(path, parameters):
                if url in self.visited[reader]:
                    continue
                self.visited[reader].add(url)
                response = await client.get(url)
                assert response.status_code < 500, f"{reader} GET {url}: {response.text}"
                self.statuses[reader, path].add(response.status_code)
                shown = response.text + str(response.headers)
                for canary in set(self.pattern.findall(shown)):
                    self.seen[reader][canary].add(url)
                self.learn(response)

    async def everyone(self, clients: dict[str, httpx.AsyncClient]) -> None:
        """Reads as every reader, again and again, until nobody is shown a new id."""
        while True:
            known = (len(self.ids), len(self.numbers))
            for reader, client in clients.items():
                await self.read_as(reader, client)
            if (len(self.ids), len(self.numbers)) == known:
                return

    def unanswered(self) -> list[str]:
        """GET operations that answered nobody with 200: the crawl proved nothing there."""
        return [
            path
            for path, _ in self.reads()
            if not any(200 in codes for (_, read), codes in self.statuses.items() if read == path)
        ]

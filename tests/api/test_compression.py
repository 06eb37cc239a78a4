"""The API's answers are compressed on the way to a phone: brotli where the
browser asks for it, else gzip, else as they are. Small answers, a command's
answers and an answer carrying the session's CSRF token are sent as they are."""

import gzip
import json

import brotli
from starlette.requests import Request

from server.api.endpoint import _json
from server.auth.schemas import Me
from server.plans.schemas import HiddenItems
from tests import factories
from tests.plans.helpers import add
from tests.test_pwa_shell import raw

BROTLI = {"Accept-Encoding": "gzip, deflate, br, zstd"}
GZIP = {"Accept-Encoding": "gzip, deflate"}
NONE = {"Accept-Encoding": "identity"}


async def _a_long_plan(client, world):
    for n in range(20):
        await add(client, world.lead, world.circle, f"Sam's worker rings school each week ({n})")
    return f"/api/circles/{world.circle.id}/plan"


async def test_a_long_read_is_sent_compressed_as_the_browser_asks(client):
    world = await factories.world()
    plan = await _a_long_plan(client, world)
    plain = await raw(client, plan, **NONE)
    assert plain.status_code == 200, plain.text
    assert "content-encoding" not in plain.headers
    assert len(plain.content) > 1024
    as_brotli = await raw(client, plan, **BROTLI)
    assert as_brotli.headers["content-encoding"] == "br"
    assert as_brotli.headers["vary"] == "Accept-Encoding"
    assert json.loads(brotli.decompress(as_brotli.content)) == json.loads(plain.content)
    assert len(as_brotli.content) < len(plain.content) / 4
    as_gzip = await raw(client, plan, **GZIP)
    assert as_gzip.headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(as_gzip.content)) == json.loads(plain.content)


async def test_a_short_answer_goes_as_it_is(client):
    world = await factories.world()
    await factories.act_as(client, world.lead)
    short = await raw(client, f"/api/circles/{world.circle.id}/plan", **BROTLI)
    assert short.status_code == 200
    assert len(short.content) < 1024
    assert "content-encoding" not in short.headers


def _request(method: str) -> Request:
    headers = [(b"accept-encoding", BROTLI["Accept-Encoding"].encode())]
    return Request({"type": "http", "method": method, "path": "/", "headers": headers})


def _long_me() -> Me:
    return Me(kind="family", id="1", name="Sam " * 400, locale="en", csrf_token="t" * 43)


def test_a_commands_answer_and_the_csrf_token_are_never_compressed():
    long_item = HiddenItems(
        section="needs_to_happen", section_label="x" * 2000, count=1, only_for=None
    )
    assert _json(_request("GET"), long_item, 200).headers["content-encoding"] == "br"
    assert "content-encoding" not in _json(_request("POST"), long_item, 201).headers
    # The answer with the session's CSRF token, however long, so that the token
    # cannot be learnt from compressed sizes.
    sent = _json(_request("GET"), _long_me(), 200)
    assert len(sent.body) > 1024
    assert "content-encoding" not in sent.headers

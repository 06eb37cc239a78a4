"""Starts the real OpenID Connect provider (tests/oidc/provider.mjs, npm's
oidc-provider) on 127.0.0.1 and walks its sign-in pages like a person would."""

from __future__ import annotations

import re
import secrets
import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import httpx2 as httpx

HERE = Path(__file__).parent


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    client_secret: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_provider(*redirect_uris: str) -> Iterator[RunningProvider]:
    if not (HERE / "node_modules" / "oidc-provider").exists():
        subprocess.run(["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    port, secret = free_port(), secrets.token_urlsafe(24)
    process = subprocess.Popen(
        ["node", "provider.mjs", str(port), ",".join(redirect_uris), secret],
        cwd=HERE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        for line in process.stdout:  # waits for the provider to say it listens
            if line.startswith("ready "):
                yield RunningProvider(issuer=line.split()[1], client_secret=secret)
                break
        else:
            raise RuntimeError("the test identity provider did not start")
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


_ACTION = re.compile(r'<form[^>]*action="([^"]+)"')
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


async def sign_in_at_provider(authorize_url: str, subject: str) -> str:
    """Signs in as `subject` on the provider's own pages and agrees to share;
    returns the URL the provider sends the browser back to."""
    async with httpx.AsyncClient() as browser:
        url = authorize_url
        for _ in range(10):
            response = await browser.get(url)
            while response.status_code in (302, 303):
                url = urljoin(url, response.headers["location"])
                if not url.startswith(authorize_url.split("/auth")[0]):
                    return url
                response = await browser.get(url)
            form = {name: value for name, value in _HIDDEN.findall(response.text)}
            if form.get("prompt") == "login":
                form |= {"login": subject, "password": "any"}
            action = _ACTION.search(response.text)
            assert action, response.text[:500]
            response = await browser.post(urljoin(url, action.group(1)), data=form)
            assert response.status_code in (302, 303), response.text[:500]
            url = urljoin(url, response.headers["location"])
            if not url.startswith(authorize_url.split("/auth")[0]):
                return url
        raise AssertionError("the provider never sent the browser back")

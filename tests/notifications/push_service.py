"""A local Web Push service for tests: it checks each request's VAPID signature
and decrypts each message (aes128gcm) with the subscriber's private key, as a
real push service and browser would."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import threading
import time
from dataclasses import dataclass, field

import http_ece
import uvicorn
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Device:
    """A browser's push subscription: its own key pair and auth secret."""

    name: str
    key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self, base_url: str) -> dict:
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"{base_url}/push/{self.name}",
            "keys": {"p256dh": b64(point), "auth": b64(self.auth)},
        }


@dataclass
class Received:
    device: str
    payload: dict
    topic: str | None
    claims: dict


class PushService:
    def __init__(self, vapid_public_key: str, subject: str) -> None:
        self.vapid_public_key = vapid_public_key
        self.subject = subject
        self.devices: dict[str, Device] = {}
        self.gone: set[str] = set()
        self.received: list[Received] = []
        self.refused: list[str] = []
        #: Keep each message but answer late (a sender may die while it waits).
        self.answer_after_seconds = 0.0
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = Starlette(routes=[Route("/push/{name}", self._receive, methods=["POST"])])
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def device(self, name: str) -> Device:
        self.devices[name] = Device(name)
        return self.devices[name]

    def __enter__(self) -> PushService:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("push service did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def _claims(self, authorization: str) -> dict:
        scheme, _, params = authorization.partition(" ")
        assert scheme.lower() == "vapid", authorization
        parts = dict(item.split("=", 1) for item in params.split(","))
        assert parts["k"] == self.vapid_public_key, "signed with another server's key"
        header, body, signature = parts["t"].split(".")
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(parts["k"]))
        raw = unb64(signature)
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        key.verify(der, f"{header}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
        claims = json.loads(unb64(body))
        assert claims["aud"] == self.url and claims["sub"] == self.subject
        assert claims["exp"] > time.time()
        return claims

    async def _receive(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            claims = self._claims(request.headers.get("authorization", ""))
        except (AssertionError, InvalidSignature, KeyError, ValueError) as error:
            self.refused.append(f"{name}: {error!r}")
            return Response(status_code=401)
        if name in self.gone:
            return Response(status_code=410)
        device = self.devices[name]
        assert request.headers["content-encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            await request.body(),
            private_key=device.key,
            auth_secret=device.auth,
            version="aes128gcm",
        )
        self.received.append(
            Received(name, json.loads(plain), request.headers.get("topic"), claims)
        )
        await asyncio.sleep(self.answer_after_seconds)
        return Response(status_code=201)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

"""Where push messages may be posted: only the browsers' own push services, and
any origin the deployment adds (ALONGSIDE_PUSH_SERVICES). Anything else — a local
address, the cloud's metadata service — would let whoever subscribes make the
worker post inside our network (blind SSRF).

Endpoints are read with one strict grammar, so the host checked here is the host
the worker's HTTP client connects to: no userinfo, no IP literal, no backslash
or other character two URL parsers might read differently."""

from __future__ import annotations

import re
from collections.abc import Collection

#: The browsers' push services; "*." means any subdomain (not the domain itself).
KNOWN_HOSTS = (
    "fcm.googleapis.com",  # Chrome, Edge, Samsung Internet, Opera
    "updates.push.services.mozilla.com",  # Firefox
    "*.push.services.mozilla.com",
    "*.push.apple.com",  # Safari
    "*.notify.windows.com",  # Windows (WNS)
)
DEFAULT_PORTS = {"https": 443, "http": 80}

_HOST = r"(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*)"
_ORIGIN = r"(?P<scheme>https?)://" + _HOST + r"(?::(?P<port>[0-9]{1,5}))?"
# The path: printable ASCII without spaces or backslashes (as browsers give it).
_ENDPOINT = re.compile(_ORIGIN + r"(?P<path>/[!-\[\]-~]*)", re.IGNORECASE)
_ORIGIN_SETTING = re.compile(_ORIGIN + "/?", re.IGNORECASE)


def _origin(match: re.Match[str]) -> tuple[str, str, int] | None:
    scheme, host = match["scheme"].lower(), match["host"].lower()
    port = int(match["port"]) if match["port"] else DEFAULT_PORTS[scheme]
    return (scheme, host, port) if 0 < port < 65536 else None


def _text(origin: tuple[str, str, int]) -> str:
    scheme, host, port = origin
    return f"{scheme}://{host}" if port == DEFAULT_PORTS[scheme] else f"{scheme}://{host}:{port}"


def parse_origins(setting: str) -> tuple[str, ...]:
    """The comma-separated origins of ALONGSIDE_PUSH_SERVICES, e.g.
    "https://push.example.org, http://127.0.0.1:8123"; ValueError names a bad one."""
    origins = []
    for entry in filter(None, (part.strip() for part in setting.split(","))):
        match = _ORIGIN_SETTING.fullmatch(entry)
        origin = _origin(match) if match else None
        if origin is None:
            raise ValueError(f"{entry!r} is not an origin such as https://push.example.org")
        origins.append(_text(origin))
    return tuple(origins)


def _ends_in_a_number(host: str) -> bool:
    """What browsers and HTTP clients would read as an IPv4 address (127.0.0.1,
    2130706433, 0x7f.1...), as the URL standard decides it."""
    last = host.rsplit(".", 1)[-1]
    return last.isdigit() or bool(re.fullmatch(r"0x[0-9a-f]*", last))


def _is_known(host: str) -> bool:
    return any(
        host == known or (known.startswith("*.") and host.endswith(known[1:]))
        for known in KNOWN_HOSTS
    )


def is_push_service(endpoint: str, added_origins: Collection[str] = ()) -> bool:
    """Whether a push message may be posted to `endpoint`."""
    match = _ENDPOINT.fullmatch(endpoint)
    origin = _origin(match) if match else None
    if origin is None:
        return False
    if _text(origin) in added_origins:
        return True
    scheme, host, port = origin
    return scheme == "https" and port == 443 and not _ends_in_a_number(host) and _is_known(host)

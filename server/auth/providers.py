"""Identity providers for single sign-on (OpenID Connect), named by key in the
settings: each organisation names the key of the one its staff use.

    ALONGSIDE_OIDC_<KEY>_ISSUER         the issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0
    ALONGSIDE_OIDC_<KEY>_CLIENT_ID      Alongside's client id there
    ALONGSIDE_OIDC_<KEY>_CLIENT_SECRET  its secret (never shown or logged)
    ALONGSIDE_OIDC_<KEY>_NAME           shown on the sign-in button (default: the key)
    ALONGSIDE_OIDC_<KEY>_DISCOVERY_URL  default: the issuer + /.well-known/openid-configuration
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_ISSUER = re.compile(r"^ALONGSIDE_OIDC_([A-Z0-9]+)_ISSUER$")


@dataclass(frozen=True)
class IdentityProvider:
    key: str
    name: str
    issuer: str
    client_id: str
    #: Kept out of repr, so it never reaches a log or a traceback.
    client_secret: str = field(repr=False)
    discovery_url: str = ""

    @property
    def discovery(self) -> str:
        return self.discovery_url or self.issuer.rstrip("/") + "/.well-known/openid-configuration"


def providers_from_env(environ: Mapping[str, str]) -> tuple[IdentityProvider, ...]:
    """Every provider with an issuer set; a client id and secret are required."""
    found = []
    for name in sorted(environ):
        match = _ISSUER.match(name)
        if match is None:
            continue
        key = match.group(1)
        prefix = f"ALONGSIDE_OIDC_{key}_"
        client_id, secret = environ.get(prefix + "CLIENT_ID"), environ.get(prefix + "CLIENT_SECRET")
        if not client_id or not secret:
            raise ValueError(f"{prefix}CLIENT_ID and {prefix}CLIENT_SECRET are needed")
        found.append(
            IdentityProvider(
                key=key.lower(),
                name=environ.get(prefix + "NAME", key.lower()),
                issuer=environ[name],
                client_id=client_id,
                client_secret=secret,
                discovery_url=environ.get(prefix + "DISCOVERY_URL", ""),
            )
        )
    return tuple(found)

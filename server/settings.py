"""Settings come from the environment once, at start-up, and are passed in.

Nothing in the project reads the environment at import time: `create_app(settings)`
and the command line take a `Settings` value, so tests build their own.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict

from server.auth.providers import IdentityProvider, providers_from_env
from server.notifications.push_services import parse_origins
from server.notifications.vapid import generate_private_key

ENV_PREFIX = "ALONGSIDE_"
DEMO_SECRET_FILE = "secret-key"
DEMO_VAPID_FILE = "vapid-private-key"
MIN_SECRET_LENGTH = 32


class SettingsError(Exception):
    """The configuration cannot run safely; the message says what to fix."""


class _Numbers(TypedDict):
    """The numeric settings, read together so one bad value names itself."""

    port: int
    session_idle_minutes: int
    session_max_hours: int
    invitation_hours: int
    max_body_bytes: int
    retention_closed_years: int
    retention_technical_days: int
    retention_audit_years: int
    urgent_acknowledge_minutes: int
    database_pool: int
    smtp_port: int


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    #: "demo" (one machine, SQLite, generated secret) or "production".
    mode: str = "demo"
    #: Where demo data, the SQLite file and the generated secret live.
    data_dir: Path = Path("data")
    #: Tortoise database URL; empty means an SQLite file in data_dir.
    database_url: str = ""
    #: Most PostgreSQL connections one web process keeps open (Tortoise's
    #: `maxsize`). Processes x this must stay below the server's max_connections
    #: (100 unless changed). More is not faster: one process has one core, and
    #: each connection is a PostgreSQL process competing for the machine's cores.
    #: Measured (scripts/bench_reads.py, 64 connections): the family home answered
    #: 1,464 req/s with 5, 1,055 with 20; the team plan the same with either.
    database_pool: int = 5
    secret_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    #: Sessions end after this many minutes without a request.
    session_idle_minutes: int = 30
    #: Sessions end this many hours after sign-in, however busy.
    session_max_hours: int = 12
    #: Invitation codes stop working after this many hours.
    invitation_hours: int = 72
    #: "I need to talk to someone now" should be acknowledged within this time;
    #: after it, the request is overdue (for escalation).
    urgent_acknowledge_minutes: int = 120
    #: Largest request body accepted, in bytes.
    max_body_bytes: int = 256 * 1024
    default_locale: str = "en"
    timezone: str = "Europe/London"
    #: Public address of the app, used in printed invitation links.
    public_url: str = ""
    #: Web Push (VAPID) private key, base64url; empty in production means no push.
    vapid_private_key: str = ""
    vapid_subject: str = "mailto:privacy@alongside.invalid"
    #: Origins of push services to allow besides the browsers' own (see push_services).
    push_services: tuple[str, ...] = ()
    #: Children and young people get no notifications in these local hours.
    quiet_hours: tuple[int, int] = (21, 7)
    #: A closed circle (its family's words, plans, meetings) is deleted this many
    #: years after it closed (README, "Records management" says why 7).
    retention_closed_years: int = 7
    #: Sessions, sign-in attempts, lockouts, command answers, finished jobs and
    #: their deliveries are deleted this many days after they end.
    retention_technical_days: int = 30
    #: Who read or changed what is kept this many years.
    retention_audit_years: int = 7
    #: Emails of practitioners who, besides partnership administrators, may export
    #: or erase a family member's records (e.g. the data protection officer).
    records_managers: tuple[str, ...] = ()
    #: Single sign-on: the identity providers organisations may name (see auth.providers).
    identity_providers: tuple[IdentityProvider, ...] = ()
    #: The mail server the worker sends invitations through; empty sends none.
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = "Alongside <no-reply@alongside.invalid>"
    #: Upgrade the connection with STARTTLS (on by default; off for a local relay).
    smtp_starttls: bool = True

    @property
    def is_production(self) -> bool:
        return self.mode == "production"

    @property
    def db_url(self) -> str:
        """The database URL, with the pool size added for PostgreSQL unless the
        URL sets its own `maxsize`."""
        if not self.database_url:
            return f"sqlite://{self.data_dir / 'alongside.sqlite3'}"
        if not self.database_url.startswith(("postgres", "asyncpg", "psycopg")):
            return self.database_url
        if "maxsize=" in self.database_url:
            return self.database_url
        joiner = "&" if "?" in self.database_url else "?"
        return f"{self.database_url}{joiner}maxsize={self.database_pool}"

    @property
    def base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        def get(name: str, default: str = "") -> str:
            return environ.get(ENV_PREFIX + name, default)

        mode = get("MODE", "demo")
        if mode not in {"demo", "production"}:
            raise SettingsError(f"{ENV_PREFIX}MODE must be 'demo' or 'production', not {mode!r}")
        try:
            numbers: _Numbers = {
                "port": int(get("PORT", "8000")),
                "session_idle_minutes": int(get("SESSION_IDLE_MINUTES", "30")),
                "session_max_hours": int(get("SESSION_MAX_HOURS", "12")),
                "invitation_hours": int(get("INVITATION_HOURS", "72")),
                "max_body_bytes": int(get("MAX_BODY_BYTES", str(256 * 1024))),
                "retention_closed_years": int(get("RETENTION_CLOSED_YEARS", "7")),
                "retention_technical_days": int(get("RETENTION_TECHNICAL_DAYS", "30")),
                "retention_audit_years": int(get("RETENTION_AUDIT_YEARS", "7")),
                "urgent_acknowledge_minutes": int(get("URGENT_ACKNOWLEDGE_MINUTES", "120")),
                "database_pool": int(get("DATABASE_POOL", "5")),
                "smtp_port": int(get("SMTP_PORT", "587")),
            }
        except ValueError as error:
            raise SettingsError(
                f"A numeric {ENV_PREFIX}* setting is not a number: {error}"
            ) from error
        _check_retention(numbers)
        try:
            push_services = parse_origins(get("PUSH_SERVICES"))
        except ValueError as error:
            raise SettingsError(f"{ENV_PREFIX}PUSH_SERVICES: {error}") from error
        try:
            identity_providers = providers_from_env(environ)
        except ValueError as error:
            raise SettingsError(str(error)) from error
        return cls(
            mode=mode,
            identity_providers=identity_providers,
            data_dir=Path(get("DATA_DIR", "data")),
            database_url=get("DATABASE_URL"),
            secret_key=get("SECRET_KEY"),
            host=get("HOST", "127.0.0.1"),
            default_locale=get("DEFAULT_LOCALE", "en"),
            timezone=get("TIMEZONE", "Europe/London"),
            public_url=get("PUBLIC_URL"),
            vapid_private_key=get("VAPID_PRIVATE_KEY"),
            vapid_subject=get("VAPID_SUBJECT", "mailto:privacy@alongside.invalid"),
            push_services=push_services,
            records_managers=tuple(
                email.strip().lower()
                for email in get("RECORDS_MANAGERS").split(",")
                if email.strip()
            ),
            smtp_host=get("SMTP_HOST"),
            smtp_user=get("SMTP_USER"),
            smtp_password=get("SMTP_PASSWORD"),
            smtp_from=get("SMTP_FROM", "Alongside <no-reply@alongside.invalid>"),
            smtp_starttls=_flag(get("SMTP_STARTTLS", "true")),
            **numbers,
        )

    def ready(self) -> Settings:
        """Return settings that are safe to run: refuse production without a real
        secret; in demo mode, make the data folder and keep a generated secret there."""
        if self.is_production:
            if len(self.secret_key) < MIN_SECRET_LENGTH:
                raise SettingsError(
                    f"Production needs {ENV_PREFIX}SECRET_KEY of at least "
                    f"{MIN_SECRET_LENGTH} random characters."
                )
            if not self.database_url:
                raise SettingsError(f"Production needs {ENV_PREFIX}DATABASE_URL.")
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return replace(
            self,
            secret_key=self.secret_key
            or _kept(self.data_dir / DEMO_SECRET_FILE, lambda: secrets.token_urlsafe(48)),
            vapid_private_key=self.vapid_private_key
            or _kept(self.data_dir / DEMO_VAPID_FILE, generate_private_key),
        )


def _check_retention(numbers: _Numbers) -> None:
    """A period of 0 would delete everything at the next nightly run."""
    periods = {
        "RETENTION_CLOSED_YEARS": numbers["retention_closed_years"],
        "RETENTION_TECHNICAL_DAYS": numbers["retention_technical_days"],
        "RETENTION_AUDIT_YEARS": numbers["retention_audit_years"],
    }
    for name, value in periods.items():
        if value < 1:
            raise SettingsError(f"{ENV_PREFIX}{name} must be at least 1.")


def _kept(path: Path, make: Callable[[], str]) -> str:
    """A demo secret made once and kept in the data folder, readable by us only."""
    if path.exists():
        return path.read_text().strip()
    value = make()
    path.write_text(value)
    path.chmod(0o600)
    return value

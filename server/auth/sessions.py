"""Server-side sessions in secure cookies.

Over HTTPS the cookies are `__Host-` prefixed and `Secure`; on plain
`http://127.0.0.1` (the demo) they keep the same name without the prefix, which
browsers only accept over HTTPS. Only a keyed hash of each token is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from starlette.requests import Request
from starlette.responses import Response

from server.auth.actor import Actor
from server.auth.models import Device, Session
from server.auth.secrets import keyed_hash, new_token, same
from server.circles.models import FamilyMember
from server.errors import CrossSite, NotSignedIn
from server.organisations.models import Practitioner
from server.quick_read import one_row
from server.security import SAFE_METHODS

SESSION_COOKIE = "alongside-session"
DEVICE_COOKIE = "alongside-device"
DEVICE_COOKIE_SECONDS = 400 * 24 * 3600  # the longest browsers keep a cookie
#: Saves a database write on every request; idle time is measured to this grain.
TOUCH_EVERY = timedelta(seconds=60)


def cookie_name(request: Request, base: str) -> str:
    # The scope's scheme is what `request.url` would say, without building the URL.
    return f"__Host-{base}" if request.scope.get("scheme") == "https" else base


def set_cookie(
    request: Request, response: Response, base: str, value: str, max_age: int | None = None
) -> None:
    response.set_cookie(
        cookie_name(request, base),
        value,
        max_age=max_age,
        path="/",
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )


def clear_cookie(request: Request, response: Response, base: str) -> None:
    response.delete_cookie(
        cookie_name(request, base),
        path="/",
        secure=request.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )


def _secret(request: Request) -> str:
    secret: str = request.app.state.settings.secret_key
    return secret


def _in_time(request: Request, created_at: datetime, last_seen_at: datetime, now: datetime) -> bool:
    """A session lasts while it is used, up to a fixed lifetime."""
    settings = request.app.state.settings
    if now - last_seen_at > timedelta(minutes=settings.session_idle_minutes):
        return False
    return now - created_at <= timedelta(hours=settings.session_max_hours)


def _still_valid(request: Request, session: Session, now: datetime) -> bool:
    """A session lasts while it is used, up to a fixed lifetime, and only while the
    person may still sign in: a leaver's, or a retired phone's, ends at once."""
    if not _in_time(request, session.created_at, session.last_seen_at, now):
        return False
    if session.practitioner is not None:
        return session.practitioner.is_active
    device = session.device
    return session.member is not None and device is not None and device.revoked_at is None


def session_token(request: Request) -> str | None:
    """The session cookie's token, as the browser sent it."""
    return request.cookies.get(cookie_name(request, SESSION_COOKIE))


async def _session_from_cookie(request: Request) -> Session | None:
    token = session_token(request)
    if not token:
        return None
    return await Session.get_or_none(token_hash=keyed_hash(_secret(request), token)).select_related(
        "practitioner", "member", "device"
    )


async def start_session(
    request: Request,
    *,
    practitioner: Practitioner | None = None,
    member: FamilyMember | None = None,
    device: Device | None = None,
) -> tuple[Actor, str]:
    """A new session for a fresh sign-in; any session the browser had ends (rotation).
    Returns the actor and the token for `set_cookie(..., SESSION_COOKIE, token)`."""
    previous = await _session_from_cookie(request)
    if previous is not None:
        await previous.delete()
    token = new_token()
    session = await Session.create(
        token_hash=keyed_hash(_secret(request), token),
        practitioner=practitioner,
        member=member,
        device=device,
        csrf_token=new_token(),
        last_seen_at=datetime.now(UTC),
    )
    # Equivalent mutants on the next three lines: nothing later in a sign-in request
    # reads the actor's device, language or cached self (next requests load them).
    actor = Actor(session, practitioner=practitioner, member=member, device=device)  # pragma: no mutate  # fmt: skip
    request.state.locale = actor.person.locale  # pragma: no mutate
    request.state.actor = actor  # pragma: no mutate
    return actor, token


async def end_session(request: Request, response: Response) -> None:
    session = await _session_from_cookie(request)
    if session is not None:
        await session.delete()
    clear_cookie(request, response, SESSION_COOKIE)


async def current_actor(request: Request) -> Actor:
    """The signed-in person, or NotSignedIn. State-changing requests must also
    carry the session's CSRF token."""
    # Looked up once per request. Not mutated: a second lookup of the same session
    # in the same request finds the same person, so only the query count differs.
    known: Actor | None = getattr(request.state, "actor", None)  # pragma: no mutate
    if known is not None:
        return known
    session = await _session_from_cookie(request)
    if session is None:
        raise NotSignedIn()
    now = datetime.now(UTC)
    if not _still_valid(request, session, now):
        await session.delete()
        raise NotSignedIn()
    if request.method not in SAFE_METHODS and not same(
        request.headers.get("x-csrf-token", ""), session.csrf_token
    ):
        raise CrossSite()
    if now - session.last_seen_at > TOUCH_EVERY:
        await Session.filter(id=session.id).update(last_seen_at=now)
    actor = Actor(
        session,
        practitioner=session.practitioner,
        member=session.member,
        device=session.device,
        looked_up={} if request.method in SAFE_METHODS else None,
    )
    request.state.locale = actor.person.locale
    request.state.actor = actor
    return actor


@dataclass(frozen=True)
class FamilySession:
    member_id: UUID
    locale: str
    #: Their circle's count of changes to what a family member's home shows.
    circle_changes: int


#: One statement: the session, its phone, the person and their circle's count.
_FAMILY_SESSION = (
    'SELECT s."created_at", s."last_seen_at", s."member_id", m."locale", c."changes"'
    ' FROM "session" s JOIN "device" d ON d."id" = s."device_id"'
    ' JOIN "family_member" m ON m."id" = s."member_id"'
    ' JOIN "circle_changes" c ON c."circle_id" = m."circle_id"'
    ' WHERE s."token_hash" = {} AND d."revoked_at" IS NULL'
)


def _when(value: datetime | str) -> datetime:
    """A time as the driver gives it: PostgreSQL's a datetime, SQLite's the text
    Tortoise wrote (ISO 8601, in UTC)."""
    if isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def family_session_as_is(request: Request) -> FamilySession | None:
    """A family member's live session that needs nothing written on this read, in
    one statement. It only says yes where `current_actor` would: anything else (no
    session, a practitioner's, a retired phone, expired, due to be refreshed) is
    None, and `current_actor` answers that (it refuses, ends or refreshes)."""
    token = session_token(request)
    if not token or request.method not in SAFE_METHODS:
        return None
    row = await one_row(_FAMILY_SESSION, keyed_hash(_secret(request), token))
    if row is None:
        return None
    created, last_seen, member_id, locale, changes = row
    created_at, last_seen_at = _when(created), _when(last_seen)
    now = datetime.now(UTC)
    if not _in_time(request, created_at, last_seen_at, now) or now - last_seen_at > TOUCH_EVERY:
        return None
    return FamilySession(UUID(str(member_id)), locale, int(changes))


async def end_sessions(
    *,
    member: FamilyMember | None = None,
    practitioner: Practitioner | None = None,
) -> None:
    """Ends sessions at once, on every process (they live in the database)."""
    if member is not None:
        await Session.filter(member_id=member.id).delete()
    if practitioner is not None:
        await Session.filter(practitioner_id=practitioner.id).delete()


async def saved_language(request: Request) -> str | None:
    """The signed-in person's chosen language, if a live session says who they are.
    Only reads: it neither refreshes nor ends the session."""
    session = await _session_from_cookie(request)
    if session is None or not _still_valid(request, session, datetime.now(UTC)):
        return None
    person = session.practitioner or session.member
    return person.locale if person else None


async def device_from_cookie(request: Request) -> Device | None:
    """This phone's device, if it joined, retired or not: callers tell a retired
    phone why it was signed out."""
    key = request.cookies.get(cookie_name(request, DEVICE_COOKIE))
    if not key:
        return None
    return await Device.get_or_none(key_hash=keyed_hash(_secret(request), key)).select_related(
        "member"
    )

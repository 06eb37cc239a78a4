"""Who is told that something is new, and when. Messages are queued as jobs and
sent by the worker; children and young people are never notified in quiet
hours (the message waits until morning, it is not dropped)."""

from __future__ import annotations

import base64
import hashlib
import logging
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from server.circles.models import FamilyMember
from server.i18n import I18n
from server.jobs import queue
from server.jobs.models import Delivery, Job
from server.notifications import push
from server.notifications.messages import BODIES, TITLE
from server.notifications.models import PushSubscription
from server.notifications.push_services import is_push_service
from server.organisations.models import Practitioner
from server.settings import Settings

log = logging.getLogger("alongside.push")
#: How long a message whose sender died mid-send counts as sent: longer than a
#: job's lease (a retaken job finds it still running), short enough that a lost
#: message is soon sent again (at least once; its Topic collapses a repeat).
PUSH_LEASE = timedelta(minutes=15)


async def notify(
    person: FamilyMember | Practitioner, reason: str, *, key: str, run_at: datetime | None = None
) -> None:
    kind = "member" if isinstance(person, FamilyMember) else "practitioner"
    await queue.enqueue(
        "notify",
        {"person": kind, "id": str(person.id), "reason": reason},
        run_at=run_at,
        dedupe_key=f"notify:{key}:{person.id}",
    )


def quiet_until(now: datetime, settings: Settings) -> datetime | None:
    """If `now` is within quiet hours where the service is, when they end."""
    local = now.astimezone(ZoneInfo(settings.timezone))
    start, end = settings.quiet_hours
    if start <= local.hour or local.hour < end:
        day = local.date() + timedelta(days=1) if local.hour >= start else local.date()
        return datetime.combine(day, time(end), tzinfo=local.tzinfo)
    return None


def _topic(job: Job) -> str:
    """A push 'Topic' (at most 32 URL-safe characters) naming this job."""
    digest = hashlib.sha256(f"{job.id}:{job.dedupe_key}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:32]


async def run_notify(job: Job, settings: Settings, i18n: I18n, now: datetime) -> bool:
    """Sends one 'something new' message to each of the person's devices.
    Returns False when the job was deferred for quiet hours."""
    person: FamilyMember | Practitioner | None
    if job.payload["person"] == "member":
        person = member = await FamilyMember.get_or_none(id=job.payload["id"])
        if member is not None and not member.role.is_carer:
            later = quiet_until(now, settings)
            if later is not None:
                await queue.defer(job, later)
                return False
        devices = PushSubscription.filter(member_id=job.payload["id"])
    else:
        person = await Practitioner.get_or_none(id=job.payload["id"])
        devices = PushSubscription.filter(practitioner_id=job.payload["id"])
    if person is None or not settings.vapid_private_key:
        return True
    words = i18n.get(person.locale).translations
    body = BODIES[job.payload["reason"]]
    payload = {"title": words.gettext(TITLE), "body": words.gettext(body), "url": "/"}
    for device in await devices:
        # Checked again here: a row stored before push services were checked, or
        # whose service has left the list, is never posted to.
        if not is_push_service(device.endpoint, settings.push_services):
            log.warning("not sending to subscription %s: not a known push service", device.id)
            continue
        delivery, _ = await Delivery.get_or_create(job=job, endpoint=device.endpoint)
        if delivery.sent_at is not None:
            continue
        if delivery.attempted_at is not None and now < delivery.attempted_at + PUSH_LEASE:
            # A worker began sending this and died before hearing back: it may
            # have arrived. Not again until the push lease has run out.
            await queue.defer(job, delivery.attempted_at + PUSH_LEASE)
            return False
        await _send_once(delivery, device, payload, settings, _topic(job), now)
    return True


async def _send_once(
    delivery: Delivery,
    device: PushSubscription,
    payload: dict[str, str],
    settings: Settings,
    topic: str,
    now: datetime,
) -> None:
    """Records the attempt (committed before the message leaves), sends, and
    records that it was sent. A refusal clears the attempt: it can be retried."""
    await Delivery.filter(id=delivery.id).update(attempted_at=now)
    try:
        await push.send(
            device,
            payload,
            private_key=settings.vapid_private_key,
            subject=settings.vapid_subject,
            topic=topic,
        )
    except push.PushFailed:
        await Delivery.filter(id=delivery.id).update(attempted_at=None)
        raise
    await Delivery.filter(id=delivery.id).update(sent_at=now)

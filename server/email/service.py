"""Queueing an email (inside the request's transaction, so it is sent only if
the change is kept) and sending it from the worker with aiosmtplib."""

from __future__ import annotations

import logging
from email.message import EmailMessage
from typing import Any

import aiosmtplib

from server.email.messages import TEMPLATES
from server.i18n import I18n
from server.jobs import queue
from server.jobs.models import Job
from server.settings import Settings

log = logging.getLogger("alongside.email")
KIND = "email"


class EmailNotSent(Exception):
    """The mail server could not take the message now; the job is tried again."""


async def queue_email(to: str, template: str, locale: str, **links: str) -> None:
    """Sends `template` to `to` in `locale`, through the worker. `links` fill the
    template's placeholders (each a URL: an email carries nothing else)."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown email template {template!r}")
    await queue.enqueue(KIND, {"to": to, "template": template, "locale": locale, "links": links})


def compose(payload: dict[str, Any], settings: Settings, i18n: I18n) -> EmailMessage:
    template = TEMPLATES[payload["template"]]
    words = i18n.get(payload["locale"]).translations
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = payload["to"]
    message["Subject"] = words.gettext(template.subject)
    message["Content-Language"] = payload["locale"]
    message.set_content(words.gettext(template.body).format(**payload["links"]))
    return message


async def run_email(job: Job, settings: Settings, i18n: I18n) -> None:
    """Sends the job's email, then forgets its links (one-time tokens)."""
    if not settings.smtp_host:
        raise EmailNotSent("no ALONGSIDE_SMTP_HOST is set, so no email can be sent")
    message = compose(job.payload, settings, i18n)
    try:
        await aiosmtplib.send(
            message,
            hostname=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_user or None,
            password=settings.smtp_password or None,
            start_tls=settings.smtp_starttls,
            timeout=30,
        )
    except (aiosmtplib.SMTPException, OSError) as error:
        raise EmailNotSent(f"{type(error).__name__}: {error}") from error
    job.payload = {key: value for key, value in job.payload.items() if key != "links"}
    await job.save(update_fields=["payload"])
    log.info("sent a %s email", job.payload["template"])

"""Emails go through the jobs table to a real SMTP server, in the reader's
language, holding a link and nothing else."""

from __future__ import annotations

from dataclasses import replace

from server.email import queue_email
from server.i18n import I18n
from server.jobs import queue
from server.jobs.models import Job
from server.jobs.worker import run_one
from tests.mail_server import body_of, link_in

LINK = "https://alongside.example/#/set-password/token-1"


async def _run_jobs(settings) -> None:
    i18n = I18n()
    while (job := await queue.claim()) is not None:
        await run_one(job, settings, i18n)


async def test_a_queued_email_reaches_the_mail_server_with_its_link(app, mail_server):
    await queue_email("teacher@school.test", "invitation", "en", link=LINK)
    assert mail_server.messages == []  # nothing is sent until the worker runs

    await _run_jobs(app.state.settings)

    (message,) = mail_server.to("teacher@school.test")
    assert message["Subject"] == "You are invited to Alongside"
    assert message["From"] == app.state.settings.smtp_from
    assert link_in(message) == LINK


async def test_the_email_is_in_the_readers_language(app, mail_server):
    await queue_email("nauczyciel@school.test", "invitation", "pl", link=LINK)
    await _run_jobs(app.state.settings)

    (message,) = mail_server.to("nauczyciel@school.test")
    assert "Alongside" in message["Subject"]
    assert message["Subject"] != "You are invited to Alongside"
    assert LINK in body_of(message)


async def test_the_one_time_link_is_forgotten_once_sent(app, mail_server):
    await queue_email("teacher@school.test", "invitation", "en", link=LINK)
    await _run_jobs(app.state.settings)

    (job,) = await Job.filter(kind="email")
    assert job.done_at is not None
    assert LINK not in str(job.payload)


async def test_without_a_mail_server_the_job_waits_to_be_tried_again(app, mail_server):
    await queue_email("teacher@school.test", "invitation", "en", link=LINK)
    closed = replace(app.state.settings, smtp_port=1)  # nothing listens there
    job = await queue.claim()
    assert job is not None

    await run_one(job, closed, I18n())

    job = await Job.get(id=job.id)
    assert job.done_at is None and job.last_error
    assert mail_server.messages == []

"""A worker killed -9 while a push service is taking its message: the job is
taken again when its lease runs out, but the message is not sent again while the
push lease lasts. After that it is sent again (at least once), with the same
Topic, so the push service keeps only one of the two."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from server.jobs import queue
from server.jobs.models import Delivery, Job
from server.notifications.service import PUSH_LEASE
from tests import factories
from tests.notifications.test_push import subscribe

WORKER = [sys.executable, "-m", "server.cli", "worker"]


def _until_idle(env: dict[str, str]) -> None:
    done = subprocess.run(
        [*WORKER, "--until-idle"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr


def _until(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


async def test_a_push_is_not_sent_again_after_its_worker_is_killed(
    app, client, push_service, settings
):
    world = await factories.world()
    await subscribe(client, world.lead, push_service.device("priya-phone"), push_service)
    job = await queue.enqueue(
        "notify", {"person": "practitioner", "id": str(world.lead.id), "reason": "urgent"}
    )
    assert job is not None
    env = {
        **os.environ,
        "ALONGSIDE_DATA_DIR": str(settings.data_dir),
        "ALONGSIDE_DATABASE_URL": settings.database_url,
        "ALONGSIDE_SECRET_KEY": app.state.settings.secret_key,
        "ALONGSIDE_VAPID_PRIVATE_KEY": app.state.settings.vapid_private_key,
        "ALONGSIDE_PUSH_SERVICES": push_service.url,
    }
    push_service.answer_after_seconds = 60
    first = subprocess.Popen(WORKER, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _until(lambda: len(push_service.received) == 1)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    push_service.answer_after_seconds = 0
    # The worker's job lease runs out; another worker takes the job again.
    await Job.filter(id=job.id).update(locked_until=datetime.now(UTC) - timedelta(seconds=1))
    _until_idle(env)
    assert len(push_service.received) == 1, "not sent again within the push lease"
    [delivery] = await Delivery.filter(job_id=job.id)
    assert delivery.sent_at is None and delivery.attempted_at is not None
    waiting = await Job.get(id=job.id)
    assert waiting.done_at is None
    assert waiting.run_at == delivery.attempted_at + PUSH_LEASE

    # The lease has run out and nobody knows if it arrived: sent again, same Topic.
    await Delivery.filter(id=delivery.id).update(
        attempted_at=datetime.now(UTC) - PUSH_LEASE - timedelta(seconds=1)
    )
    await Job.filter(id=job.id).update(run_at=datetime.now(UTC))
    _until_idle(env)
    assert len(push_service.received) == 2
    assert push_service.received[0].topic == push_service.received[1].topic
    assert (await Job.get(id=job.id)).done_at is not None
    assert (await Delivery.get(id=delivery.id)).sent_at is not None

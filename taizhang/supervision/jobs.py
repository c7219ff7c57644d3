"""The reminder run as a background job. Queued with ``taizhang send_reminders --queue``; with
``--every-hours N`` each run queues the next one N hours on (one chain: a run queues the next only
when none is waiting), so the worker sends reminders on its own schedule without cron."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from taizhang.jobs.actions import start_job
from taizhang.jobs.models import Job, JobKind, JobStatus

from .notify import send_reminders as run_reminders

__all__ = ["send_reminders", "queue_reminders"]


def queue_reminders(every_hours: int | None = None, run_after: dt.datetime | None = None) -> Job:
    """Queue a reminder run (repeating every ``every_hours`` when given), unless one is waiting."""
    waiting = Job.objects.filter(kind=JobKind.REMINDERS, status=JobStatus.QUEUED).first()
    if waiting is not None:
        return waiting
    params = {"every_hours": every_hours} if every_hours else {}
    return start_job(JobKind.REMINDERS, None, params, run_after=run_after)


def send_reminders(job: Any, progress: Any) -> tuple[str, str]:
    try:
        progress(10, "刷新任务状态，生成并发送催办提醒")
        run = run_reminders(timezone.now())
    finally:
        every = job.params.get("every_hours")
        if every:
            queue_reminders(int(every), run_after=timezone.now() + dt.timedelta(hours=int(every)))
    return "", run.summary()

"""Jobs whose worker died: a job left "running" by a worker that was killed (a restart, the
machine's memory limit, a crash of the process) would otherwise refresh its page forever.

The worker writes ``host:pid`` and a heartbeat on the job when it starts it and at each progress
step (tasks.py). Whenever a running job is read (its page, its owner's list, the API), it is
settled: on the worker's own machine a process that no longer exists means the job was abandoned;
from another machine, a heartbeat older than ``TAIZHANG_JOB_SILENT_HOURS`` does. An abandoned job
is marked failed with a message saying nothing was stored (a handler's writes are its
transactions: the killed one rolled back) and its uploaded file is deleted. The update is
conditional on the job still being running under that worker, so a job that finished meanwhile
is left as it is.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone

from .models import Job, JobStatus

__all__ = ["ABANDONED", "this_worker", "is_abandoned", "settle", "settle_all"]

ABANDONED = "后台进程在执行这项任务时停止了（例如服务重启），未保存任何内容；请重新提交"


def this_worker() -> str:
    """The running process as a job records it: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True


def is_abandoned(job: Job, now: dt.datetime | None = None) -> bool:
    """Whether ``job`` says it is running but no process is running it any more."""
    if job.status != JobStatus.RUNNING:
        return False
    host, _, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        return not _alive(int(pid))
    beat = job.heartbeat_at or job.started_at
    if beat is None:
        return False
    silent = dt.timedelta(hours=settings.TAIZHANG_JOB_SILENT_HOURS)
    return (now or timezone.now()) - beat > silent


def settle(job: Job) -> Job:
    """Mark ``job`` failed if it was abandoned (see the module's text); returns the job as stored."""
    if not is_abandoned(job):
        return job
    changed = Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, worker=job.worker).update(
        status=JobStatus.FAILED, error=ABANDONED, step="", progress=0, finished_at=timezone.now()
    )
    job.refresh_from_db()
    if changed and job.upload:
        job.upload.delete(save=False)
        Job.objects.filter(pk=job.pk).update(upload="")
        job.refresh_from_db()
    return job


def settle_all(jobs: Iterable[Job]) -> None:
    """:func:`settle` each running job of ``jobs``."""
    for job in jobs:
        if job.status == JobStatus.RUNNING:
            settle(job)

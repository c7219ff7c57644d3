"""The one task the engine runs: :func:`run_job` looks the job up and calls its kind's handler.

A handler is ``handler(job, progress) -> (result_url, result_label[, result])``, ``result`` a
JSON-able dict of what it made (the API's answer); it reports how far it got
with ``progress(percent, step)`` and refuses with a ValidationError whose messages the job's page
shows. The handler's own writes are its transactions: a failed job leaves nothing half-stored,
and the file a job worked on is deleted once it is done either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from .models import Job, JobKind, JobStatus
from .recovery import this_worker

__all__ = ["run_job", "execute", "HANDLERS", "Progress"]

logger = logging.getLogger(__name__)

HANDLERS: dict[str, str] = {
    JobKind.IMPORT_POLICY: "taizhang.ledger.policy_jobs.import_policy",
    JobKind.BULLETIN: "taizhang.bulletins.jobs.generate_bulletin",
    JobKind.BLUEBOOK: "taizhang.portal.jobs.build_bluebook",
    JobKind.REMINDERS: "taizhang.supervision.jobs.send_reminders",
    JobKind.BENCHDATA: "taizhang.devtools.jobs.benchdata",
}

Progress = Callable[[int, str], None]


def _progress(job: Job) -> Progress:
    def report(percent: int, step: str) -> None:
        percent = max(0, min(99, int(percent)))
        Job.objects.filter(pk=job.pk).update(progress=percent, step=step[:200], heartbeat_at=timezone.now())

    return report


def _finish(job: Job, status: str, **fields: object) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status, finished_at=timezone.now(), progress=100 if status == JobStatus.DONE else 0, **fields
    )


def execute(job_id: int) -> str:
    """Run the job ``job_id`` once (a finished job is not run again) and return its status."""
    job = Job.objects.select_related("owner").filter(pk=job_id).first()
    if job is None:
        logger.warning("job %s no longer exists", job_id)
        return "missing"
    if job.finished:
        return job.status
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, worker=this_worker(), step=""
    )
    try:
        handler = import_string(HANDLERS[job.kind])
        url, label, *more = handler(job, _progress(job))
    except ValidationError as exc:
        _finish(job, JobStatus.FAILED, error="；".join(exc.messages), step="")
    except PermissionDenied as exc:
        _finish(job, JobStatus.FAILED, error=str(exc) or "没有权限执行这项任务", step="")
    except MemoryError:
        _finish(
            job, JobStatus.FAILED, error="这项任务需要的内存超出了后台进程的上限，未保存任何内容", step=""
        )
    except Exception as exc:  # a fault must fail the job with a message, never leave it "running"
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(
            job,
            JobStatus.FAILED,
            error=f"内部错误（{type(exc).__name__}），已记入日志；未保存任何内容",
            step="",
        )
    else:
        _finish(
            job,
            JobStatus.DONE,
            result_url=url[:300],
            result_label=label[:300],
            result=more[0] if more else {},
            step="",
        )
    finally:
        if job.upload:
            job.upload.delete(save=False)
            Job.objects.filter(pk=job.pk).update(upload="")
    return Job.objects.values_list("status", flat=True).get(pk=job.pk)


@task()
def run_job(job_id: int) -> str:
    """The engine's entry point (queue ``default``): run the product's job ``job_id``."""
    return execute(job_id)

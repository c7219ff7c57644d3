"""Who sees a job: only the person who started it (docs/permissions.md). Anyone else, whatever his
role, gets 404, as for a job that does not exist: a job's page may name a document or a period
its owner has not shared yet. The system's own jobs (no owner: reminders from the schedule) have
no page."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext

from .models import Job
from .recovery import settle, settle_all

__all__ = ["visible_jobs", "access_job", "pending_jobs"]


def visible_jobs(user: Any) -> QuerySet[Job]:
    if not getattr(user, "is_authenticated", False):
        return Job.objects.none()
    return Job.objects.filter(owner=user)


def access_job(user: Any, pk: Any) -> Job:
    """The job ``pk`` if ``user`` started it, else 404 (also for an id that is not a number)."""
    try:
        job = visible_jobs(user).filter(pk=int(pk)).first()
    except (TypeError, ValueError, OverflowError):
        job = None
    if job is None:
        raise Http404(gettext("No such background job"))
    return settle(job)


def pending_jobs(user: Any, kind: str) -> list[Job]:
    """``user``'s jobs of ``kind`` still waiting or running, newest first (for the page that
    starts them)."""
    from .models import JobStatus

    jobs = list(
        visible_jobs(user)
        .filter(kind=kind, status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
        .order_by("-pk")[:10]
    )
    settle_all(jobs)
    return [job for job in jobs if not job.finished]

"""The owner's pages of his jobs: one job's progress (the page refreshes itself while the job
runs; no script, so the Content Security Policy has nothing to allow) and the list of his jobs."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .access import access_job, visible_jobs
from .models import Job, JobKind, JobStatus
from .recovery import settle_all

__all__ = ["job_detail", "job_list"]

REFRESH_SECONDS = 2


def _finished_message(job: Job) -> str:
    """What the page the job made opens with, in the reader's language."""
    made = job.result or {}
    if job.kind == JobKind.IMPORT_POLICY and "tasks" in made:
        return _("Imported %(name)s: %(tasks)s tasks, %(units)s proposed units. Review and publish it.") % {
            "name": job.params.get("name", ""),
            "tasks": made["tasks"],
            "units": len(made.get("proposed_units", [])),
        }
    return _("%(job)s finished: %(result)s") % {"job": job.get_kind_display(), "result": job.result_label}


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's progress, then its result or its error. With ``?follow=1`` (the page the form sent
    the owner to), a job that succeeded forwards to what it made."""
    job = access_job(request.user, pk)
    if job.status == JobStatus.DONE and request.GET.get("follow") and job.result_url:
        messages.success(request, _finished_message(job))
        return redirect(job.result_url)
    return render(
        request,
        "jobs/detail.html",
        {"job": job, "refresh": REFRESH_SECONDS if not job.finished else None},
    )


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    """The person's own jobs, newest first."""
    page = Paginator(visible_jobs(request.user).order_by("-created_at", "-pk"), 50).get_page(
        request.GET.get("page")
    )
    settle_all(page.object_list)
    return render(request, "jobs/list.html", {"page": page})

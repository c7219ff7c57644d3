"""Pages of bulletins: the list (with the generate form for steering roles), generate, issue and
download. Reads go through ``access``, writes through ``actions``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from taizhang.accounts.access import is_steering
from taizhang.jobs.access import pending_jobs
from taizhang.jobs.actions import start_job
from taizhang.jobs.models import JobKind

from . import actions
from .access import access_bulletin, can_generate_bulletin, can_issue_bulletin
from .build import bulletin_period
from .models import Bulletin

__all__ = ["bulletin_list", "generate", "issue", "download"]

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _list(request: HttpRequest, *, error: str = "", period: str = "", status: int = 200) -> HttpResponse:
    bulletins = list(Bulletin.objects.visible_to(request.user).select_related("generated_by", "issued_by"))
    for bulletin in bulletins:
        bulletin.can_issue = can_issue_bulletin(request.user, bulletin)
    today = timezone.localdate()
    return render(
        request,
        "bulletins/list.html",
        {
            "bulletins": bulletins,
            "can_generate": can_generate_bulletin(request.user),
            "can_steer": is_steering(request.user),
            "error": error,
            "period": period or f"{today.year}-{today.month:02d}",
            "pending_jobs": pending_jobs(request.user, JobKind.BULLETIN),
        },
        status=status,
    )


@login_required
def bulletin_list(request: HttpRequest) -> HttpResponse:
    """Every bulletin the user may read, newest first."""
    return _list(request)


@login_required
@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    """Queue a draft bulletin for the posted period (steering roles): the worker builds it and the
    job's page then opens the list; a malformed period is refused here, before anything is queued."""
    can_generate_bulletin(request.user).check()
    period = request.POST.get("period", "").strip()
    try:
        bulletin_period(period)
    except ValueError as error:
        return _list(request, error=str(error), period=period, status=400)
    job = start_job(JobKind.BULLETIN, request.user, {"period": period})
    return HttpResponseRedirect(reverse("jobs:detail", args=[job.pk]) + "?follow=1")


@login_required
@require_POST
def issue(request: HttpRequest, bulletin_id: int) -> HttpResponse:
    """Issue a draft bulletin to the units (steering roles)."""
    bulletin = access_bulletin(request.user, bulletin_id)
    try:
        actions.do_issue_bulletin(request.user, bulletin)
    except ValidationError as error:
        messages.error(request, gettext("; ").join(m for ms in error.message_dict.values() for m in ms))
    else:
        messages.success(request, _("Bulletin %(number)s issued.") % {"number": bulletin.number})
    return HttpResponseRedirect(reverse("bulletins:list"))


@login_required
def download(request: HttpRequest, bulletin_id: int, kind: str) -> Any:
    """The bulletin's .docx or .pdf as an attachment."""
    bulletin = access_bulletin(request.user, bulletin_id)
    if kind not in CONTENT_TYPES:
        raise Http404(gettext("No such format"))
    field = getattr(bulletin, kind)
    if not field:
        raise Http404(gettext("The file does not exist"))
    return FileResponse(
        field.open("rb"),
        as_attachment=True,
        filename=f"{bulletin.number}.{kind}",
        content_type=CONTENT_TYPES[kind],
    )

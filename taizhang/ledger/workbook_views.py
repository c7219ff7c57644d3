"""Pages of the ledger's workbooks: export the task table, re-import it (supervisor), and a unit's
offline report workbook (download, upload, preview, confirm).

Views parse, check access, call the planners of ``workbook.py`` and the actions of
``workbook_actions.py``, and render. A validated upload is kept in the session under a random
token between the preview and the confirmation, so nothing posted back is trusted.
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from taizhang.accounts.access import role_of, sees_everything, unit_id_of
from taizhang.accounts.models import Role
from taizhang.core.concurrency import ConcurrentEditError
from taizhang.ledger.access import access_policy
from taizhang.units.access import access_unit

from .access import can_import_ledger_workbook
from .models import Task
from .workbook import (
    XLSX_CONTENT_TYPE,
    WorkbookError,
    ledger_workbook,
    plan_ledger_import,
    plan_unit_upload,
    unit_workbook,
)
from .workbook_actions import do_apply_ledger_import, do_file_unit_workbook

__all__ = [
    "index",
    "export_all",
    "export_policy",
    "ledger_import",
    "ledger_import_confirm",
    "unit_download",
    "unit_upload",
    "unit_upload_confirm",
]

_LEDGER_SESSION = "workbook.ledger."
_UNIT_SESSION = "workbook.unit."


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Workbook (.xlsx)"))


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=64)
    mode = forms.ChoiceField(
        choices=[
            ("draft", gettext_lazy("Save as drafts")),
            ("submit", gettext_lazy("Submit to the unit leader")),
        ],
        required=False,
    )


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def _read_upload(form: UploadForm) -> bytes:
    from django.conf import settings

    upload = form.cleaned_data["file"]
    if upload.size > settings.TAIZHANG_MAX_UPLOAD_BYTES:
        raise WorkbookError(_("The file is too large."))
    return bytes(upload.read())


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """What the person can do with workbooks, by role."""
    if role_of(request.user) is None:
        raise Http404
    return render(
        request,
        "workbook/index.html",
        {
            "steering": bool(can_import_ledger_workbook(request.user)),
            "unit_id": unit_id_of(request.user),
            "officer": role_of(request.user) == Role.UNIT_OFFICER,
        },
    )


@login_required
@require_GET
def export_all(request: HttpRequest) -> HttpResponse:
    """Every task the person may read, one sheet per policy."""
    if role_of(request.user) is None:
        raise Http404
    data = ledger_workbook(request.user, Task.objects.visible_to(request.user))
    return _xlsx(data, f"台账-{timezone.localdate():%Y%m%d}.xlsx")


@login_required
@require_GET
def export_policy(request: HttpRequest, pk: int) -> HttpResponse:
    """One policy's tasks (those the person may read) as its task table."""
    policy = access_policy(request.user, pk)
    data = ledger_workbook(request.user, Task.objects.visible_to(request.user).filter(policy=policy))
    return _xlsx(data, f"{policy.title[:60]}-台账.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def ledger_import(request: HttpRequest) -> HttpResponse:
    """The supervisor uploads an exported (and edited) ledger; the changes are shown, not applied."""
    can_import_ledger_workbook(request.user).check()
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form}
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_ledger_import(request.user, _read_upload(form))
        except WorkbookError as exc:
            form.add_error("file", str(exc))
            return render(request, "workbook/ledger_import.html", context, status=400)
        token = secrets.token_urlsafe(16)
        request.session[_LEDGER_SESSION + token] = [c.to_session() for c in plan.changes]
        context.update(plan=plan, token=token)
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "workbook/ledger_import.html", context, status=status)


@login_required
@require_POST
def ledger_import_confirm(request: HttpRequest) -> HttpResponse:
    """Apply the changes previewed under ``token``, through the actions, in one transaction."""
    can_import_ledger_workbook(request.user).check()
    form = ConfirmForm(request.POST)
    changes = (
        request.session.pop(_LEDGER_SESSION + request.POST.get("token", ""), None)
        if form.is_valid()
        else None
    )
    if changes is None:
        return render(
            request,
            "workbook/done.html",
            {"error": _("This preview has expired: upload the file again.")},
            status=400,
        )
    try:
        count = do_apply_ledger_import(request.user, changes)
    except ConcurrentEditError as exc:
        return render(request, "workbook/done.html", {"error": str(exc)}, status=409)
    except ValidationError as exc:
        return render(request, "workbook/done.html", {"error": "; ".join(exc.messages)}, status=400)
    return render(
        request, "workbook/done.html", {"message": _("Tasks changed: %(count)d.") % {"count": count}}
    )


@login_required
@require_GET
def unit_download(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """A unit's report workbook: people of the unit get their own; readers of everything any unit's."""
    own = unit_id_of(request.user)
    if pk is None:
        if own is None:
            raise Http404(_("You belong to no unit."))
        pk = own
    if not sees_everything(request.user) and pk != own:
        raise Http404
    unit = access_unit(request.user, pk)
    today = timezone.localdate()
    return _xlsx(unit_workbook(request.user, unit, today), f"{unit.name}-进展报送-{today:%Y%m%d}.xlsx")


def _require_officer(request: HttpRequest) -> Any:
    if role_of(request.user) != Role.UNIT_OFFICER or unit_id_of(request.user) is None:
        raise PermissionDenied(_("Only a unit officer may upload the unit's report workbook."))
    return access_unit(request.user, unit_id_of(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def unit_upload(request: HttpRequest) -> HttpResponse:
    """The officer uploads the filled-in workbook; every row is checked and the changes against the
    last report previewed. Nothing is filed yet."""
    unit = _require_officer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"form": form, "unit": unit}
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_unit_upload(request.user, unit, _read_upload(form))
        except WorkbookError as exc:
            form.add_error("file", str(exc))
            return render(request, "workbook/unit_upload.html", context, status=400)
        token = secrets.token_urlsafe(16)
        request.session[_UNIT_SESSION + token] = {
            "unit": unit.pk,
            "entries": [e.to_session() for e in plan.to_file],
            "drafts": [{"report": r.pk, "version": r.version} for r in plan.drafts],
        }
        context.update(plan=plan, token=token, confirm=ConfirmForm(initial={"token": token, "mode": "draft"}))
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "workbook/unit_upload.html", context, status=status)


@login_required
@require_POST
def unit_upload_confirm(request: HttpRequest) -> HttpResponse:
    """File the reports previewed under ``token``, as drafts or submitted, in one transaction."""
    unit = _require_officer(request)
    form = ConfirmForm(request.POST)
    stored = (
        request.session.pop(_UNIT_SESSION + request.POST.get("token", ""), None) if form.is_valid() else None
    )
    if stored is None or stored.get("unit") != unit.pk:
        return render(
            request,
            "workbook/done.html",
            {"error": _("This preview has expired: upload the file again.")},
            status=400,
        )
    try:
        filed = do_file_unit_workbook(
            request.user,
            stored["entries"],
            submit=form.cleaned_data.get("mode") == "submit",
            drafts=stored.get("drafts", []),
        )
    except ConcurrentEditError as exc:
        return render(request, "workbook/done.html", {"error": str(exc)}, status=409)
    except (ValidationError, PermissionDenied) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        return render(request, "workbook/done.html", {"error": message}, status=400)
    return render(
        request, "workbook/done.html", {"message": _("Reports filed: %(count)d.") % {"count": len(filed)}}
    )

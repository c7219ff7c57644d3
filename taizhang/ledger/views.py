"""The ledger's pages: overview, task list, task page with its workflow actions, and a unit's inbox.

Views parse, fetch through ``access.py``, act through ``actions.py`` and render. A refused action
answers 403 (PermissionDenied), a row the person may not read 404, wrong input 400 with the form's
errors naming the field, and a stale edit 409 showing the other person's saved values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from taizhang.accounts.access import is_steering, role_of, sees_everything, unit_id_of
from taizhang.accounts.models import UNIT_ROLES, Role
from taizhang.core.concurrency import ConcurrentEditError
from taizhang.core.models import HistoryEntry
from taizhang.ledger.access import visible_policies
from taizhang.policies.models import Policy, ReportCadence
from taizhang.units.models import Unit

from . import actions as A
from .access import (
    access_extension,
    access_report,
    access_task,
    can_accept_report,
    can_acknowledge_task,
    can_add_attachment,
    can_add_contribution,
    can_approve_report,
    can_close_task,
    can_create_report,
    can_decide_extension,
    can_delete_attachment,
    can_edit_report,
    can_edit_task,
    can_request_extension,
    can_return_report,
    can_return_report_to_officer,
    can_return_task,
    can_submit_report,
    visible_history,
)
from .colours import colour_expression, colour_filter, past_deadline_q, schedule_filter
from .forms import (
    SORTS,
    AttachmentForm,
    CloseTaskForm,
    ConfirmForm,
    ContributionForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    ReportForm,
    ReturnTaskForm,
    ReturnToOfficerForm,
    ReviewForm,
    TaskEditForm,
    TaskFilterForm,
)
from .models import (
    AssignmentRole,
    Attachment,
    DeadlineKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    ReportContribution,
    ReportStatus,
    Task,
    TaskAssignment,
    TaskStatus,
)
from .parts import page_part
from .progress import task_schedule
from .rules import report_period, rollup

__all__ = ["home", "task_list", "task_detail", "inbox", "period_of"]

period_of = report_period  # the name the views and their tests use

PAGE_SIZE = 50
LIST_SIZE = 50  # rows shown per inbox section; the counts cover all, up to INBOX_COUNT_CAP
# Counting stops here: past it the list says "more than" and the inbox "1000+", so a long list
# (a province's 150,000 tasks) is not counted in full for every page shown.
LIST_COUNT_CAP = 10_000
INBOX_COUNT_CAP = 1000
OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS)
SCHEDULE_LABELS = {
    "behind": _("Behind schedule"),
    "on": _("On schedule"),
    "ahead": _("Ahead of schedule"),
    "done": _("Closed"),
    "ongoing": _("Ongoing, no schedule"),
    "no_deadline": _("No deadline"),
}


def count_upto(queryset: QuerySet[Any], cap: int) -> int:
    """How many rows ``queryset`` has, counting no further than ``cap + 1``."""
    return queryset.order_by()[: cap + 1].count()


class CappedPaginator(Paginator):
    """Django's paginator, counting at most ``cap`` rows for the first pages of a long list.

    ``exact`` says whether ``count`` is the whole count; a page ending past the cap (or a page
    number past it) counts everything, so every page stays reachable and the last is found.
    ``counted`` is what is counted (the rows without the columns only shown), by default the rows.
    """

    def __init__(self, object_list: Any, per_page: int, cap: int | None = None, counted: Any = None) -> None:
        super().__init__(object_list, per_page)
        self.cap = LIST_COUNT_CAP if cap is None else cap
        self.counted = object_list if counted is None else counted
        self.exact = True

    @cached_property
    def count(self) -> int:
        if not isinstance(self.counted, QuerySet):
            return len(self.counted)
        found = count_upto(self.counted, self.cap)
        self.exact = found <= self.cap
        return found

    def validate_number(self, number: Any) -> int:
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        if self.count and not self.exact and wanted * self.per_page > self.cap:
            self.__dict__["count"] = self.counted.order_by().count()
            self.__dict__.pop("num_pages", None)
            self.exact = True
        result: int = super().validate_number(number)
        return result


# ----------------------------------------------------------------------------- overview


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Steering roles see every policy's progress and counts by status; unit people their inbox."""
    if role_of(request.user) in UNIT_ROLES:
        return redirect("ledger:inbox")
    policies = list(visible_policies(Policy.objects.all(), request.user).order_by("-created_at", "pk"))
    ids = [p.pk for p in policies]
    items: dict[int, list[tuple[int, Any, int]]] = defaultdict(list)
    for policy_id, pk, weight, progress in Task.objects.filter(policy_id__in=ids).values_list(
        "policy_id", "pk", "weight", "progress"
    ):
        items[policy_id].append((pk, weight, progress))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for row in Task.objects.filter(policy_id__in=ids).values("policy_id", "status").annotate(n=Count("pk")):
        counts[row["policy_id"]][row["status"]] = row["n"]
        totals[row["status"]] += row["n"]
    for policy in policies:
        policy.rollup = rollup(items[policy.pk])
        policy.task_count = len(items[policy.pk])
        policy.status_counts = [
            (value, label, counts[policy.pk].get(value, 0)) for value, label in TaskStatus.choices
        ]
    return render(
        request,
        "ledger/home.html",
        {
            "policies": policies,
            "totals": [(value, label, totals.get(value, 0)) for value, label in TaskStatus.choices],
        },
    )


# ----------------------------------------------------------------------------- task list


def _filtered_tasks(user: Any, form: TaskFilterForm) -> QuerySet[Task]:
    tasks = Task.objects.visible_to(user)
    data = form.cleaned_data
    if data.get("policy"):
        tasks = tasks.filter(policy=data["policy"])
    if data.get("measure"):
        tasks = tasks.filter(measure=data["measure"])
    if data.get("unit"):
        tasks = tasks.filter(Exists(TaskAssignment.objects.filter(task=OuterRef("pk"), unit=data["unit"])))
    if data.get("status"):
        tasks = tasks.filter(status=data["status"])
    if data.get("colour"):
        tasks = tasks.filter(colour_filter(data["colour"]))
    if data.get("month"):
        year, month = data["month"]
        in_month = Q(deadline_kind=DeadlineKind.MONTH, deadline_year=year, deadline_month=month)
        if month == 12:
            in_month |= Q(deadline_kind=DeadlineKind.YEAR, deadline_year=year)
        tasks = tasks.filter(in_month)
    if data.get("q"):
        tasks = tasks.filter(Q(text__icontains=data["q"]) | Q(ref__icontains=data["q"]))
    sort = data.get("sort") or "ref"
    if sort == "ref":  # one unit's tasks are few among the province's: sorted, not looked for
        return tasks.by_reference(
            few=not data.get("policy") and bool(data.get("unit") or not sees_everything(user))
        )
    return tasks.order_by(*SORTS[sort])


def _list_rows(tasks: QuerySet[Task]) -> QuerySet[Task]:
    latest = ProgressReport.objects.filter(task=OuterRef("pk")).order_by("-period", "-pk")
    units = TaskAssignment.objects.select_related("unit").only(
        "task_id", "unit_id", "role", "order", "acknowledged_at", "unit__name"
    )
    return tasks.prefetch_related(Prefetch("assignments", queryset=units.order_by("role", "order"))).annotate(
        latest_report_status=Subquery(latest.values("status")[:1]),
        colour=colour_expression(),
        stored_schedule=F("rag__schedule"),
    )


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    """The tasks the person may read, filtered, sorted and paginated (50 a page)."""
    user = request.user
    form = TaskFilterForm(
        request.GET or None,
        policies=visible_policies(Policy.objects.only("pk", "title"), user).order_by("-created_at", "pk"),
    )
    if form.is_bound and not form.is_valid():
        return render(request, "ledger/task_list.html", {"form": form, "page": None}, status=400)
    if not form.is_bound:
        form.is_valid()  # an empty, unbound filter: every visible task, default order
        form.cleaned_data = {}
    now = timezone.localtime()
    tasks = _filtered_tasks(user, form)
    wanted = form.cleaned_data.get("schedule")
    # A page is chosen by ids (a narrow query, however deep the page), then its rows are read.
    if wanted:  # the stored, indexed schedule the actions keep current (ledger.colours)
        tasks = tasks.filter(schedule_filter(wanted))
    paginator = CappedPaginator(tasks.values_list("pk", flat=True), PAGE_SIZE, counted=tasks)
    page = paginator.get_page(request.GET.get("page"))
    pks = list(page.object_list)
    by_pk = {t.pk: t for t in _list_rows(Task.objects.filter(pk__in=pks).order_by())} if pks else {}
    rows = [by_pk[pk] for pk in pks]
    url = task_url()
    for task in rows:  # what each cell shows, worked out here rather than by the template
        task.schedule = task_schedule(task, now)
        # The position the ?schedule= filter read (stored with the colour), else as computed now.
        task.schedule_status = task.stored_schedule or str(task.schedule.status)
        if task.status == TaskStatus.CLOSED:
            task.schedule_status = "done"
        task.schedule_label = SCHEDULE_LABELS[task.schedule_status]
        status = task.latest_report_status
        task.latest_report_label = ReportStatus(status).label if status else ""
        task.href = url(task.pk)
        task.short_text = short(task.text, 60)
        units = list(task.assignments.all())
        task.lead_names = [
            f"{a.unit} ✓" if a.acknowledged_at else str(a.unit)
            for a in units
            if a.role == AssignmentRole.LEAD
        ]
        task.co_names = [str(a.unit) for a in units if a.role == AssignmentRole.CO]
        deadline = task.deadline
        task.deadline_shown = (
            deadline.isoformat() if deadline else task.deadline_text or task.get_deadline_kind_display()
        )
        if task.was_extended:
            original = task.original_deadline
            task.original_shown = (
                original.isoformat() if original else task.get_original_deadline_kind_display()
            )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ledger/task_list.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


# ----------------------------------------------------------------------------- task page


def _detail_context(request: HttpRequest, task: Task, bound: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the task page shows and the forms the person may use, in a fixed number of queries.

    Which buttons show is asked of the same ``can_*`` rules the actions refuse with (access.py).
    """
    user = request.user
    bound = bound or {}
    steering = is_steering(user)
    unit_id = unit_id_of(user)
    prefetch_related_objects(
        [task],
        Prefetch(
            "assignments", queryset=TaskAssignment.objects.select_related("unit").order_by("role", "order")
        ),
        "extension_requests",
    )
    assignments = list(task.assignments.all())
    mine = next((a for a in assignments if a.unit_id == unit_id), None)
    metrics = list(task.metrics.all())
    reports = list(
        ProgressReport.objects.visible_to(user)
        .filter(task=task)
        .select_related("unit", "created_by", "submitted_by", "approved_by", "reviewed_by")
        .prefetch_related(
            Prefetch(
                "contributions", queryset=ReportContribution.objects.select_related("unit", "created_by")
            ),
            "attachments",
        )
        .order_by("-period", "-pk")
    )
    extensions = [e for e in task.extension_requests.all() if sees_everything(user) or e.unit_id == unit_id]
    metric_names = {str(m.pk): m for m in metrics}
    hidden_errors: list[str] = []
    for report in reports:
        report.task = task  # the rules read the task's prefetched assignments
        report.metric_rows = [
            (metric_names.get(key), value) for key, value in sorted(report.metric_values.items())
        ]
        report.can_edit = can_edit_report(user, report)
        report.can_submit = can_submit_report(user, report)
        report.can_approve = can_approve_report(user, report)
        report.can_return_to_officer = can_return_report_to_officer(user, report)
        decisions = [
            d
            for d, rule in (("accept", can_accept_report), ("return", can_return_report))
            if rule(user, report)
        ]
        report.can_review = bool(decisions)
        report.can_contribute = can_add_contribution(user, report)
        report.can_attach = can_add_attachment(user, report)
        for attachment in report.attachments.all():
            attachment.report = report
            attachment.can_delete = can_delete_attachment(user, attachment)
        # Only the forms the person may use are made (a page of 20 reports made 80 otherwise).
        report.edit_form = bound.get(f"report_{report.pk}") or (
            ReportForm(
                initial={
                    "version": report.version,
                    "narrative": report.narrative,
                    "percent": report.percent,
                    "requests_close": report.requests_close,
                    **{f"metric_{key}": value for key, value in report.metric_values.items()},
                },
                metrics=metrics,
                prefix=f"r{report.pk}",
            )
            if report.can_edit
            else None
        )
        report.review_form = bound.get(f"review_{report.pk}") or (
            ReviewForm(prefix=f"v{report.pk}", decisions=decisions) if decisions else None
        )
        report.send_back_form = bound.get(f"send_back_{report.pk}") or (
            ReturnToOfficerForm(prefix=f"b{report.pk}") if report.can_return_to_officer else None
        )
        report.contribution_form = bound.get(f"contribute_{report.pk}") or (
            ContributionForm(prefix=f"c{report.pk}") if report.can_contribute else None
        )
        report.attachment_form = bound.get(f"attach_{report.pk}") or (
            AttachmentForm(prefix=f"a{report.pk}") if report.can_attach else None
        )
        report.conflict = bound.get(f"conflict_report_{report.pk}")
        # A refused form the page no longer offers (the report moved on): its errors go on top.
        for key, shown in (
            (f"report_{report.pk}", report.can_edit),
            (f"attach_{report.pk}", report.can_attach),
            (f"contribute_{report.pk}", report.can_contribute),
            (f"send_back_{report.pk}", report.can_return_to_officer),
            (f"review_{report.pk}", report.can_review),
        ):
            if key in bound and not shown:
                hidden_errors.extend(str(e) for errors in bound[key].errors.values() for e in errors)
    period = period_of(task.policy.report_cadence, timezone.localdate())
    for ext in extensions:
        ext.can_decide = can_decide_extension(user, ext)
        ext.decide_form = bound.get(f"decide_{ext.pk}") or ExtensionDecisionForm(prefix=f"e{ext.pk}")
    schedule = task_schedule(task)
    can_close = can_close_task(user, task) if steering and task.status in OPEN_STATUSES else None
    return {
        "task": task,
        "assignments": assignments,
        "mine": mine,
        "metrics": metrics,
        "reports": reports,
        "extensions": extensions,
        "supervision_notices": _task_notices(user, task),
        "history": list(
            visible_history(HistoryEntry.objects.for_task(task.pk), user, task).select_related("actor")
        ),
        "schedule": schedule,
        "schedule_label": SCHEDULE_LABELS[schedule.status],
        "steering": steering,
        "period": period,
        "can_acknowledge": can_acknowledge_task(user, task),
        "can_return_task": can_return_task(user, task),
        "can_request_extension": can_request_extension(user, task),
        "can_report": can_create_report(user, task, period),
        "can_edit_task": can_edit_task(user, task),
        "can_close": can_close,
        "edit_form": bound.get("edit_task")
        or TaskEditForm(
            initial={"version": task.version, "ref": task.ref, "text": task.text, "weight": task.weight}
        ),
        "task_conflict": bound.get("conflict_edit_task"),
        "return_form": bound.get("return_task") or ReturnTaskForm(),
        "extension_form": bound.get("extension") or ExtensionRequestForm(),
        "report_form": bound.get("report_new") or ReportForm(metrics=metrics, prefix="new"),
        "close_form": bound.get("close") or CloseTaskForm(),
        "refused": [*bound.get("refused", []), *hidden_errors],
    }


def _task_notices(user: Any, task: Task) -> list[Any]:
    """The task's supervision notices (督办单) the person may read, each saying whether he answers it
    (from supervision, through ``page_part``)."""
    found = page_part("task_notices")
    return found(user, task) if found else []


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A task with its units, schedule, reports, extensions, history and the actions open to the person."""
    task = access_task(request.user, pk)
    return render(request, "ledger/task_detail.html", _detail_context(request, task))


def _refuse(form: Any, error: ValidationError) -> None:
    """Put an action's ValidationError on the form: on the field it names, else on the whole form."""
    for field, errors in (
        error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    ):
        target = field if field in form.fields else None
        for message in errors:
            form.add_error(target, message if target else f"{field}: {message}" if field else message)


def _perform(
    request: HttpRequest,
    task: Task,
    name: str,
    form: Any,
    run: Callable[[dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    """Validate ``form``, run the action; on success go back to the task page, else show it with the errors."""
    if form.is_valid():
        try:
            with transaction.atomic():
                run(form.cleaned_data)
        except ValidationError as error:
            _refuse(form, error)
        except ConcurrentEditError as error:
            form.add_error(
                None,
                _t(
                    "Someone else saved this in the meantime; their values are shown. Your changes were not saved."
                ),
            )
            data = form.data.copy()
            data[form.add_prefix("version")] = str(error.current.get("version", ""))
            form.data = data
            bound = {name: form, f"conflict_{name}": error.current}
            task.refresh_from_db()
            return render(
                request, "ledger/task_detail.html", _detail_context(request, task, bound), status=409
            )
        else:
            messages.success(request, done)
            return redirect("ledger:task_detail", pk=task.pk)
    bound = {name: form}
    if not form.fields:  # a bare confirmation has no place of its own on the page for its errors
        bound["refused"] = [str(e) for errors in form.errors.values() for e in errors]
    return render(request, "ledger/task_detail.html", _detail_context(request, task, bound), status=400)


def _read_upload(upload: Any) -> bytes:
    from django.conf import settings

    data: bytes = upload.read(settings.TAIZHANG_MAX_UPLOAD_BYTES + 1)  # the action refuses anything larger
    return data


@require_POST
@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = access_task(request.user, pk, for_write=True)
    form = TaskEditForm(request.POST)
    return _perform(
        request,
        task,
        "edit_task",
        form,
        lambda d: A.do_update_task(
            request.user, task, seen_version=d["version"], ref=d["ref"], text=d["text"], weight=d["weight"]
        ),
        _t("The task was saved."),
    )


@require_POST
@login_required
def task_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    task = access_task(request.user, pk, for_write=True)
    return _perform(
        request,
        task,
        "acknowledge",
        ConfirmForm({}),
        lambda d: A.do_acknowledge_task(request.user, task),
        _t("The task was acknowledged."),
    )


@require_POST
@login_required
def task_return(request: HttpRequest, pk: int) -> HttpResponse:
    task = access_task(request.user, pk, for_write=True)
    return _perform(
        request,
        task,
        "return_task",
        ReturnTaskForm(request.POST),
        lambda d: A.do_return_task(request.user, task, reason=d["reason"]),
        _t("The task was sent back to the supervisor."),
    )


@require_POST
@login_required
def extension_request(request: HttpRequest, pk: int) -> HttpResponse:
    task = access_task(request.user, pk, for_write=True)

    def run(d: dict[str, Any]) -> Any:
        kind, year, month = d["new_deadline"]
        return A.do_request_extension(
            request.user, task, kind=kind, year=year, month=month, reason=d["reason"]
        )

    return _perform(
        request,
        task,
        "extension",
        ExtensionRequestForm(request.POST),
        run,
        _t("The extension was requested."),
    )


@require_POST
@login_required
def extension_decide(request: HttpRequest, pk: int) -> HttpResponse:
    ext = access_extension(request.user, pk, for_write=True)
    task = access_task(request.user, ext.task_id)
    return _perform(
        request,
        task,
        f"decide_{ext.pk}",
        ExtensionDecisionForm(request.POST, prefix=f"e{ext.pk}"),
        lambda d: A.do_decide_extension(
            request.user, ext, approve=d["decision"] == "approve", comment=d["comment"]
        ),
        _t("The extension request was decided."),
    )


@require_POST
@login_required
def task_close(request: HttpRequest, pk: int) -> HttpResponse:
    task = access_task(request.user, pk, for_write=True)
    return _perform(
        request,
        task,
        "close",
        CloseTaskForm(request.POST),
        lambda d: A.do_close_task(request.user, task, note=d["note"]),
        _t("The task was closed."),
    )


# ----------------------------------------------------------------------------- reports


@require_POST
@login_required
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    """The lead unit's officer starts this period's report on a task."""
    task = access_task(request.user, pk, for_write=True)
    form = ReportForm(request.POST, request.FILES, metrics=list(task.metrics.all()), prefix="new")
    period = period_of(task.policy.report_cadence, timezone.localdate())

    def run(d: dict[str, Any]) -> Any:
        report = A.do_save_report(
            request.user,
            task=task,
            period=period,
            narrative=d["narrative"],
            percent=d["percent"],
            metric_values=form.metric_values(),
            requests_close=d.get("requests_close", False),
        )
        if d.get("file"):
            A.do_add_attachment(request.user, report, name=d["file"].name, data=_read_upload(d["file"]))
        return report

    return _perform(request, task, "report_new", form, run, _t("The report draft was saved."))


@require_POST
@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer edits a draft or returned report; a stale version is refused (409)."""
    report = access_report(request.user, pk, for_write=True)
    task = access_task(request.user, report.task_id)
    form = ReportForm(request.POST, request.FILES, metrics=list(task.metrics.all()), prefix=f"r{report.pk}")

    def run(d: dict[str, Any]) -> Any:
        if d.get("version") is None:
            raise ValidationError({"version": _t("The version you read is missing; reload the page.")})
        saved = A.do_save_report(
            request.user,
            task=task,
            period=report.period,
            narrative=d["narrative"],
            percent=d["percent"],
            metric_values=form.metric_values(),
            report=report,
            seen_version=d["version"],
            requests_close=d.get("requests_close", False),
        )
        if d.get("file"):
            A.do_add_attachment(request.user, saved, name=d["file"].name, data=_read_upload(d["file"]))
        return saved

    return _perform(request, task, f"report_{report.pk}", form, run, _t("The report was saved."))


def _report_move(
    request: HttpRequest, pk: int, act: Callable[[Any, ProgressReport], Any], done: str
) -> HttpResponse:
    report = access_report(request.user, pk, for_write=True)
    task = access_task(request.user, report.task_id)
    return _perform(
        request, task, f"move_{report.pk}", ConfirmForm({}), lambda d: act(request.user, report), done
    )


@require_POST
@login_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_move(request, pk, A.do_submit_report, _t("The report was submitted to the unit leader."))


@require_POST
@login_required
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_move(
        request, pk, A.do_approve_report, _t("The report was approved and sent to the supervisor.")
    )


@require_POST
@login_required
def report_return_to_officer(request: HttpRequest, pk: int) -> HttpResponse:
    """The unit leader sends a submitted report back to the officer with the reason."""
    report = access_report(request.user, pk, for_write=True)
    task = access_task(request.user, report.task_id)
    return _perform(
        request,
        task,
        f"send_back_{report.pk}",
        ReturnToOfficerForm(request.POST, prefix=f"b{report.pk}"),
        lambda d: A.do_return_report_to_officer(request.user, report, reason=d["reason"]),
        _t("The report was returned to the unit officer."),
    )


@require_POST
@login_required
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor accepts a report or returns it with comments."""
    report = access_report(request.user, pk, for_write=True)
    task = access_task(request.user, report.task_id)

    def run(d: dict[str, Any]) -> Any:
        if d["decision"] == "accept":
            return A.do_accept_report(request.user, report, comments=d["comments"])
        return A.do_return_report(request.user, report, comments=d["comments"])

    form = ReviewForm(request.POST, prefix=f"v{report.pk}")
    return _perform(request, task, f"review_{report.pk}", form, run, _t("The review was recorded."))


@require_POST
@login_required
def report_contribute(request: HttpRequest, pk: int) -> HttpResponse:
    """A co-unit adds its part to the lead unit's report."""
    report = access_report(request.user, pk)
    task = access_task(request.user, report.task_id)
    form = ContributionForm(request.POST, prefix=f"c{report.pk}")
    return _perform(
        request,
        task,
        f"contribute_{report.pk}",
        form,
        lambda d: A.do_add_contribution(request.user, report, text=d["text"]),
        _t("Your contribution was added."),
    )


@require_POST
@login_required
def report_attach(request: HttpRequest, pk: int) -> HttpResponse:
    report = access_report(request.user, pk, for_write=True)
    task = access_task(request.user, report.task_id)
    form = AttachmentForm(request.POST, request.FILES, prefix=f"a{report.pk}")
    return _perform(
        request,
        task,
        f"attach_{report.pk}",
        form,
        lambda d: A.do_add_attachment(
            request.user, report, name=d["file"].name, data=_read_upload(d["file"])
        ),
        _t("The evidence file was attached."),
    )


@require_POST
@login_required
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer removes an evidence file from his unit's draft or returned report."""
    attachment = get_object_or_404(Attachment.objects.only("pk", "report_id", "file", "name"), pk=pk)
    report = access_report(request.user, attachment.report_id, for_write=True)
    task = access_task(request.user, report.task_id)
    return _perform(
        request,
        task,
        f"delete_attachment_{attachment.pk}",
        ConfirmForm({}),
        lambda d: A.do_delete_attachment(request.user, attachment),
        _t("The evidence file was removed."),
    )


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, for those who may read its report."""
    attachment = get_object_or_404(Attachment.objects.only("pk", "report_id", "file", "name"), pk=pk)
    access_report(request.user, attachment.report_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_t("The file is missing from storage.")) from None
    return FileResponse(handle, as_attachment=True, filename=attachment.name)


# ----------------------------------------------------------------------------- inbox


def _due_this_cycle(unit_id: int, today: dt.date) -> Q:
    """Tasks with no report of the unit submitted (or further) for the current period of their policy's cadence."""
    due = Q()
    for cadence in ReportCadence.values:
        filed = ProgressReport.objects.filter(
            task=OuterRef("pk"), unit_id=unit_id, period=period_of(cadence, today)
        ).exclude(status__in=(ReportStatus.DRAFT, ReportStatus.RETURNED))
        due |= Q(policy__report_cadence=cadence) & ~Q(Exists(filed))
    return due


def _notices_to_answer(unit_id: int) -> Any:
    """Open supervision notices (督办单) on tasks the unit leads (from supervision, through
    ``page_part``): its people answer them."""
    found = page_part("notices_to_answer")
    return found(unit_id) if found else []


def short(text: str, size: int) -> str:
    """``text`` cut to ``size`` characters with an ellipsis, as the ``truncatechars`` filter does."""
    return text if len(text) <= size else text[: size - 1] + "…"


def task_url() -> Callable[[Any], str]:
    """A task page's URL from its id, reversing the pattern once for a whole list."""
    head, tail = reverse("ledger:task_detail", args=[987654321]).split("987654321")
    return lambda pk: f"{head}{pk}{tail}"


def _describe(rows: list[Any]) -> None:
    """What an inbox line shows, worked out here rather than by the template, row by row."""
    url = task_url()
    for row in rows:
        if isinstance(row, Task):
            row.href = url(row.pk)
            row.title = f"{row.label} {short(row.text, 50)}"
            deadline = row.deadline
            when = deadline.isoformat() if deadline else row.get_deadline_kind_display()
            row.detail = f"{when} · {row.get_status_display()}"
            continue
        task = row.task
        row.title = f"{task.label} {short(task.text, 50)}"
        if not hasattr(row, "unit_id"):  # a supervision notice (督办单): to its reply form
            row.href = reverse("supervision:task", args=[row.task_id]) + f"#notice-{row.pk}"
            row.detail = f"{_t('Answer by')} {row.due_on.isoformat()} · {short(row.instruction, 40)}"
        elif isinstance(row, ExtensionRequest):
            row.href = f"{url(row.task_id)}#extensions"
            row.detail = f"{row.unit}: {short(row.reason, 40)}"
        else:
            row.href = f"{url(row.task_id)}#report-{row.pk}"
            parts = [row.period, str(row.unit), row.get_status_display()]
            if row.comments:
                parts.append(short(row.comments, 40))
            row.detail = " · ".join(parts)


def _inbox_section(key: str, title: str, queryset: QuerySet[Any]) -> dict[str, Any]:
    """A section of the inbox: its first rows and how many there are (``more`` past the cap).

    Two queries whatever the rows: the ids (narrow, at most the cap), then the rows shown.
    """
    ids = list(queryset.order_by("pk").values_list("pk", flat=True)[: INBOX_COUNT_CAP + 1])
    shown = ids[: min(LIST_SIZE, INBOX_COUNT_CAP)]
    rows = queryset.model.objects.filter(pk__in=shown).order_by("pk")
    if queryset.model is not Task:  # reports, extension requests and notices name their task (and unit)
        has_unit = any(f.name == "unit" for f in queryset.model._meta.get_fields())
        rows = rows.select_related("task", "unit") if has_unit else rows.select_related("task")
    rows = list(rows)
    _describe(rows)
    return {
        "key": key,
        "title": title,
        "count": min(len(ids), INBOX_COUNT_CAP),
        "more": len(ids) > INBOX_COUNT_CAP,
        "rows": rows,
    }


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """What waits on the person: for a unit, tasks to acknowledge, reports due, returned or to approve,
    and overdue tasks; for steering roles, reports to review, extension requests and returned tasks."""
    user = request.user
    today = timezone.localdate()
    unit_id = unit_id_of(user)
    tasks = Task.objects.visible_to(user)
    reports = ProgressReport.objects.visible_to(user)
    sections: list[tuple[str, str, Any]] = []  # (key, title, queryset)
    if unit_id is not None:
        sections = [
            (
                "acknowledge",
                _t("Tasks to acknowledge"),
                tasks.filter(
                    status__in=OPEN_STATUSES,
                    assignments__unit_id=unit_id,
                    assignments__acknowledged_at__isnull=True,
                ),
            ),
            (
                "due",
                _t("Reports due this cycle"),
                tasks.filter(
                    Exists(
                        TaskAssignment.objects.filter(
                            task=OuterRef("pk"), unit_id=unit_id, role=AssignmentRole.LEAD
                        )
                    ),
                    _due_this_cycle(unit_id, today),
                    status__in=OPEN_STATUSES,
                ),
            ),
            (
                "returned",
                _t("Reports returned to the unit"),
                reports.filter(unit_id=unit_id, status=ReportStatus.RETURNED),
            ),
            ("notices", _t("Supervision notices to answer"), _notices_to_answer(unit_id)),
        ]
        if role_of(user) == Role.UNIT_LEADER:
            sections.append(
                (
                    "approve",
                    _t("Reports awaiting your approval"),
                    reports.filter(unit_id=unit_id, status=ReportStatus.SUBMITTED),
                )
            )
        overdue = tasks.filter(Exists(TaskAssignment.objects.filter(task=OuterRef("pk"), unit_id=unit_id)))
    elif sees_everything(user):
        sections = [
            ("review", _t("Reports awaiting review"), reports.filter(status=ReportStatus.APPROVED_BY_LEADER)),
            (
                "extensions",
                _t("Extension requests awaiting a decision"),
                ExtensionRequest.objects.filter(status=ExtensionStatus.PENDING),
            ),
            (
                "returned_tasks",
                _t("Tasks sent back by units"),
                tasks.filter(status=TaskStatus.RETURNED_TO_SUPERVISOR),
            ),
        ]
        overdue = tasks
    else:
        overdue = tasks.none()
    sections.append(
        (
            "overdue",
            _t("Tasks past their deadline"),
            overdue.filter(past_deadline_q(today)).exclude(status__in=(TaskStatus.CLOSED, TaskStatus.DRAFT)),
        )
    )
    shown = [_inbox_section(key, title, qs) for key, title, qs in sections]
    return render(
        request,
        "ledger/inbox.html",
        {
            "sections": shown,
            "unit": Unit.objects.filter(pk=unit_id).first() if unit_id else None,
            "today": today,
        },
    )

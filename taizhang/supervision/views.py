"""Supervision's pages: a task's supervision (colour, 督办单, judgement), the supervisor's work
queues, judgement vs rules, the status rules with per-policy settings, and everyone's notices.

Views parse, fetch through ``access.py``, act through ``actions.py`` and render. A refused action
answers 403, a row the person may not read 404, wrong input 400 with the form's errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_POST

from taizhang.accounts.access import is_steering, role_of
from taizhang.ledger.access import access_policy, access_task, can_correct_task, visible_policies
from taizhang.ledger.colours import past_deadline_q
from taizhang.ledger.models import (
    AssignmentRole,
    DeadlineKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    ReportStatus,
    Task,
    TaskAssignment,
)
from taizhang.ledger.models import TaskStatus as LedgerStatus
from taizhang.ledger.rules import displayed_colour
from taizhang.policies.models import Policy

from . import actions as A
from .access import (
    access_notice,
    access_supervision_notice,
    can_answer_supervision_notice,
    can_close_supervision_notice,
    can_issue_supervision_notice,
    can_judge_task,
    require_overview,
    visible_notices,
    visible_supervision_notices,
)
from .facts import policy_config
from .forms import (
    AnswerNoticeForm,
    CloseNoticeForm,
    CorrectTaskForm,
    IssueNoticeForm,
    JudgementForm,
    RuleSettingsForm,
)
from .models import SupervisionNotice, SupervisionNoticeState, TaskStatus
from .rules import describe_rules, disagreement
from .stamp import cached, ledger_stamp

__all__ = [
    "task_supervision",
    "notice_issue",
    "notice_answer",
    "notice_close",
    "task_judge",
    "disagreements",
    "queues",
    "rules_help",
    "rules_save",
    "notices",
    "notice_read",
    "notices_read_all",
]

QUEUE_ROWS = 50


def _errors(form: Any, error: ValidationError) -> None:
    """Put an action's ValidationError on the form field it names, else on the whole form."""
    items = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for field, errors in items:
        for message in errors:
            form.add_error(field if field in form.fields else None, message)


def _shown_status(task: Task, stored: TaskStatus | None) -> dict[str, Any]:
    """The task's colour and reasons as every page shows them: the stored row, which every action
    refreshes in its transaction (ledger.signals.tasks_changed), so this page, the dashboard, the
    task list and the API agree; a task not judged yet shows ledger.rules.displayed_colour."""
    if task.status == LedgerStatus.DRAFT:
        return {"colour": "", "reasons": []}
    colour = displayed_colour(
        closed=task.status == LedgerStatus.CLOSED,
        stored=stored.colour if stored else None,
        deadline_kind=task.deadline_kind,
    )
    return {"colour": colour.value, "reasons": list(stored.reasons) if stored else []}


def _supervision_context(
    request: HttpRequest, task: Task, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    user = request.user
    bound = bound or {}
    stored = TaskStatus.objects.filter(task=task).select_related("judged_by").first()
    items = list(
        visible_supervision_notices(SupervisionNotice.objects.filter(task=task), user).select_related(
            "issued_by", "answered_by"
        )
    )
    for item in items:
        item.task = task
        item.can_answer = can_answer_supervision_notice(user, item)
        item.can_close = can_close_supervision_notice(user, item)
        item.answer_form = bound.get(f"answer_{item.pk}") or AnswerNoticeForm(prefix=f"n{item.pk}")
    live = _shown_status(task, stored)
    gap = None
    if stored is not None and stored.judgement and live["colour"]:
        gap = disagreement(live["colour"], stored.judgement)
    steering = is_steering(user)
    may_issue = can_issue_supervision_notice(user, task)
    may_judge = can_judge_task(user, task)
    may_correct = can_correct_task(user, task)
    return {
        "task": task,
        "status": live,
        "stored": stored,
        "disagreement": gap,
        "notices": items,
        "steering": steering,
        "today": timezone.localdate(),
        "issue_form": bound.get("issue") or (IssueNoticeForm() if may_issue else None),
        "judgement_form": JudgementForm(initial={"judgement": stored.judgement if stored else ""})
        if may_judge
        else None,
        "close_form": CloseNoticeForm(),
        "can_correct": bool(may_correct),
    }


@login_required
def task_supervision(request: HttpRequest, pk: int) -> HttpResponse:
    """A task's colour with its reasons, its supervision notices and the judgement."""
    task = access_task(request.user, pk)
    return render(request, "supervision/task.html", _supervision_context(request, task))


@login_required
def task_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor corrects a task's deadline or lead unit after 交办, with a reason; the units
    are told. (A unit asks for more time with an extension request.)"""
    task = access_task(request.user, pk)
    can_correct_task(request.user, task).check_person()
    status_code = 200
    if request.method == "POST":
        form = CorrectTaskForm(request.POST)
        if form.is_valid():
            try:
                A.do_correct_task(request.user, task, **form.changes())
            except ValidationError as error:
                _errors(form, error)
                status_code = 400
            else:
                messages.success(request, _t("Task corrected; its units were told."))
                return redirect("supervision:task", pk=task.pk)
        else:
            status_code = 400
    else:
        form = CorrectTaskForm()
    leads = [a.unit for a in task.assignments.select_related("unit").filter(role=AssignmentRole.LEAD)]
    return render(
        request, "supervision/correct.html", {"task": task, "form": form, "leads": leads}, status=status_code
    )


MISSING_PAGE = 50


@login_required
def missing_information(request: HttpRequest) -> HttpResponse:
    """The supervisor's queue of assigned, open tasks missing a deadline or a lead unit, each with
    its link to correct it."""
    require_overview(request.user)
    no_lead = ~Exists(TaskAssignment.objects.filter(task=OuterRef("pk"), role=AssignmentRole.LEAD))
    tasks = (
        Task.objects.exclude(status__in=(LedgerStatus.DRAFT, LedgerStatus.CLOSED))
        .filter(Q(deadline_kind=DeadlineKind.NONE) | no_lead)
        .annotate(no_lead=no_lead)
        .select_related("policy")
        .order_by("policy_id", "order", "pk")
    )
    page = Paginator(tasks, MISSING_PAGE).get_page(request.GET.get("page"))
    for task in page.object_list:
        task.missing = [
            label
            for label, missing in (
                (_t("no deadline"), task.deadline_kind == DeadlineKind.NONE),
                (_t("no lead unit"), task.no_lead),
            )
            if missing
        ]
    return render(request, "supervision/missing.html", {"page": page})


@require_POST
@login_required
def notice_issue(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor issues a supervision notice on the task."""
    task = access_task(request.user, pk)
    can_issue_supervision_notice(request.user, task).check_person()
    form = IssueNoticeForm(request.POST)
    if form.is_valid():
        try:
            A.do_issue_supervision_notice(request.user, task, **form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _t("Supervision notice issued."))
            return redirect("supervision:task", pk=task.pk)
    context = _supervision_context(request, task, {"issue": form})
    return render(request, "supervision/task.html", context, status=400)


@require_POST
@login_required
def notice_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """A lead unit answers a supervision notice."""
    notice = access_supervision_notice(request.user, pk, for_write=True)
    form = AnswerNoticeForm(request.POST, prefix=f"n{notice.pk}")
    if form.is_valid():
        try:
            A.do_answer_supervision_notice(request.user, notice, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _t("Answer sent."))
            return redirect("supervision:task", pk=notice.task_id)
    context = _supervision_context(request, notice.task, {f"answer_{notice.pk}": form})
    return render(request, "supervision/task.html", context, status=400)


@require_POST
@login_required
def notice_close(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor closes a supervision notice."""
    notice = access_supervision_notice(request.user, pk, for_write=True)
    form = CloseNoticeForm(request.POST)
    if form.is_valid():
        try:
            A.do_close_supervision_notice(request.user, notice, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _t("Supervision notice closed."))
    return redirect("supervision:task", pk=notice.task_id)


@login_required
def task_judge(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor's judgement of a task; answers the small form alone to an htmx request."""
    task = access_task(request.user, pk)
    can_judge_task(request.user, task).check_person()
    status_code = 200
    if request.method == "POST":
        form = JudgementForm(request.POST)
        if form.is_valid():
            try:
                A.do_judge_task(request.user, task, judgement=form.cleaned_data["judgement"])
            except ValidationError as error:
                _errors(form, error)
                status_code = 400
            else:
                if not request.headers.get("HX-Request"):
                    messages.success(request, _t("Judgement recorded."))
                    return redirect("supervision:task", pk=task.pk)
        else:
            status_code = 400
    stored = TaskStatus.objects.filter(task=task).first()
    if request.method != "POST" or status_code == 200:
        form = JudgementForm(initial={"judgement": stored.judgement if stored else ""})
    template = (
        "supervision/_judgement.html" if request.headers.get("HX-Request") else "supervision/judge.html"
    )
    return render(
        request, template, {"task": task, "stored": stored, "judgement_form": form}, status=status_code
    )


@login_required
def disagreements(request: HttpRequest) -> HttpResponse:
    """Tasks where the supervisor's judgement and the computed colour part ways."""
    require_overview(request.user)
    rows = []
    judged = (
        TaskStatus.objects.exclude(judgement="")
        .select_related("task", "task__policy", "judged_by")
        .order_by("task__policy_id", "task__order", "task_id")
    )
    for status in judged:
        gap = disagreement(status.colour, status.judgement)
        if gap is not None:
            rows.append({"status": status, "gap": gap})
    rows.sort(key=lambda r: (-r["gap"].gap, r["gap"].kind))
    return render(request, "supervision/disagreements.html", {"rows": rows, "judged": len(judged)})


def _late_reports(closed: tuple[str, ...]) -> QuerySet[TaskStatus]:
    """Status rows of open tasks whose reasons include ``report_late`` (amber or red only, as
    the rule gives: the colour index narrows the rows before their reasons are read)."""
    rows = TaskStatus.objects.filter(colour__in=("amber", "red")).exclude(task__status__in=closed)
    if connection.features.supports_json_field_contains:
        return rows.filter(reasons__contains=[{"code": "report_late"}])
    return rows.annotate(reason_text=Cast("reasons", TextField())).filter(
        reason_text__contains='"report_late"'
    )


def _label(task: Task) -> str:
    return f"{task.label} {Truncator(task.text).chars(50)}"


def _queue_row(key: str, row: Any) -> dict[str, Any]:
    """What the queue page shows of ``row``, as plain values (cached; the page only prints them)."""
    if key == "reports_missing":
        reason: dict[str, Any] = next((r for r in row.reasons if r.get("code") == "report_late"), {})
        url = reverse("supervision:task", args=[row.task_id])
        # the reason itself, said in the reader's language by the page (the rows are cached)
        return {"url": url, "label": _label(row.task), "detail": reason.get("message", ""), "reason": reason}
    if key == "overdue":
        deadline = row.deadline.isoformat() if row.deadline else ""
        url = reverse("supervision:task", args=[row.pk])
        return {"url": url, "label": _label(row), "detail": f"{deadline} · {row.get_status_display()}"}
    if key == "notices":
        url = f"{reverse('supervision:task', args=[row.task_id])}#notice-{row.pk}"
        return {"url": url, "label": _label(row.task), "due_on": row.due_on}
    if key == "extensions":
        url = f"{reverse('ledger:task_detail', args=[row.task_id])}#extensions"
        detail = f"{row.unit}: {Truncator(row.reason).chars(40)}"
        return {"url": url, "label": _label(row.task), "detail": detail}
    url = f"{reverse('ledger:task_detail', args=[row.task_id])}#report-{row.pk}"
    return {"url": url, "label": _label(row.task), "detail": f"{row.period} · {row.unit}"}


def _queue_figures(today: dt.date) -> dict[str, tuple[int, list[dict[str, Any]]]]:
    """Each queue's count and first :data:`QUEUE_ROWS` rows as plain values (two queries a queue)."""
    closed = (LedgerStatus.DRAFT, LedgerStatus.CLOSED)
    queues: dict[str, QuerySet[Any]] = {
        "reports_missing": _late_reports(closed)
        .select_related("task")
        .order_by("task__policy_id", "task__order", "task_id"),
        "overdue": Task.objects.exclude(status__in=closed)
        .filter(past_deadline_q(today))
        .order_by("deadline_year", "deadline_month", "pk"),
        "notices": SupervisionNotice.objects.filter(status=SupervisionNoticeState.OPEN)
        .select_related("task")
        .order_by("due_on", "pk"),
        "extensions": ExtensionRequest.objects.filter(status=ExtensionStatus.PENDING)
        .select_related("task", "unit")
        .order_by("pk"),
        "review": ProgressReport.objects.filter(status=ReportStatus.APPROVED_BY_LEADER)
        .select_related("task", "unit")
        .order_by("submitted_at", "pk"),
    }
    return {
        key: (rows.count(), [_queue_row(key, row) for row in rows[:QUEUE_ROWS]])
        for key, rows in queues.items()
    }


@login_required
def queues(request: HttpRequest) -> HttpResponse:
    """The supervisor's work queues, each with its count and its first rows.

    The counts and rows are the same for every reader of everything (``require_overview``), so
    they are cached under the ledger's change stamp (:mod:`.stamp`): one query when nothing
    changed since the last request, the queues' queries when something did.
    """
    require_overview(request.user)
    today = timezone.localdate()
    figures = cached(
        "supervision.queues",
        ("everything", QUEUE_ROWS, get_language()),
        ledger_stamp(),
        lambda: _queue_figures(today),
    )
    titles = {
        "reports_missing": _t("Reports due and missing"),
        "overdue": _t("Tasks past their deadline and not closed"),
        "notices": _t("Supervision notices unanswered"),
        "extensions": _t("Extension requests waiting"),
        "review": _t("Reports waiting for review"),
    }
    inbox = reverse("ledger:inbox")
    more = {"extensions": inbox, "review": inbox}
    sections = [
        {
            "key": key,
            "title": title,
            "count": figures[key][0],
            "rows": figures[key][1],
            "more": more.get(key, ""),
        }
        for key, title in titles.items()
    ]
    return render(
        request, "supervision/queues.html", {"sections": sections, "today": today, "limit": QUEUE_ROWS}
    )


@login_required
def rules_help(request: HttpRequest) -> HttpResponse:
    """The status rules with the thresholds of a chosen policy, and its settings form for the supervisor."""
    if role_of(request.user) is None:
        raise PermissionDenied(_t("You have no role in the ledger."))
    policies = list(
        visible_policies(Policy.objects.all(), request.user).select_related("rule_settings").order_by("pk")
    )
    chosen = None
    if request.GET.get("policy"):
        chosen = access_policy(request.user, request.GET["policy"])
    return _render_rules(request, policies, chosen)


def _render_rules(
    request: HttpRequest,
    policies: list[Policy],
    chosen: Policy | None,
    form: RuleSettingsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    overrides: dict[str, Any] = {}
    if chosen is not None:
        settings = getattr(chosen, "rule_settings", None)
        overrides = settings.values if settings is not None else {}
        config = policy_config(chosen.report_cadence, overrides)
    else:
        config = policy_config("monthly", None)
    if form is None and chosen is not None and is_steering(request.user):
        form = RuleSettingsForm(config=config)
    return render(
        request,
        "supervision/rules.html",
        {
            "policies": policies,
            "chosen": chosen,
            "config": config,
            "overrides": overrides,
            "rules": describe_rules(config),
            "form": form,
        },
        status=status,
    )


@require_POST
@login_required
def rules_save(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor saves a policy's rule thresholds."""
    policy = access_policy(request.user, pk, for_write=True)
    form = RuleSettingsForm(request.POST)
    if form.is_valid():
        try:
            A.do_save_rule_settings(request.user, policy, form.cleaned_data)
        except ValidationError as error:
            _errors(form, error)
        else:
            messages.success(request, _t("Rule settings saved; the tasks' colours were recomputed."))
            return redirect(f"{reverse('supervision:rules')}?policy={policy.pk}")
    policies = list(visible_policies(Policy.objects.all(), request.user).order_by("pk"))
    policy = Policy.objects.select_related("rule_settings").get(pk=policy.pk)
    return _render_rules(request, policies, policy, form, status=400)


@login_required
def notices(request: HttpRequest) -> HttpResponse:
    """The person's own notices, unread first, with the unread count."""
    mine = visible_notices(request.user)
    unread = mine.filter(read_at=None).count()
    ordered = mine.select_related("task").order_by("-created_at", "-pk")
    if request.GET.get("unread"):
        ordered = ordered.filter(read_at=None)
    page = Paginator(ordered, 50).get_page(request.GET.get("page"))
    return render(request, "supervision/notices.html", {"page": page, "unread": unread})


@require_POST
@login_required
def notice_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one of the person's notices read (and follow it to its task when asked)."""
    notice = access_notice(request.user, pk)
    A.do_mark_notice_read(request.user, notice)
    if request.POST.get("open") and notice.task_id:
        return redirect("ledger:task_detail", pk=notice.task_id)
    return redirect("supervision:notices")


@require_POST
@login_required
def notices_read_all(request: HttpRequest) -> HttpResponse:
    """Mark every notice of the person read."""
    count = A.do_mark_all_notices_read(request.user)
    messages.success(request, _t("%(count)d notices marked read.") % {"count": count})
    return redirect("supervision:notices")

"""Policy pages: the list, the import, the review screen beside the source text, publish, detail.

Views parse, fetch through ``access.py``, act through ``actions.py`` and render. A person who may
not read a policy gets 404, one who may read but not change it 403; wrong input answers 400 with
the form's errors naming the field, a stale edit 409 with the other person's saved values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_POST

from taizhang.accounts.access import is_steering
from taizhang.core.concurrency import ConcurrentEditError
from taizhang.ledger.access import access_policy, visible_policies
from taizhang.ledger.models import Metric, Task, TaskAssignment
from taizhang.ledger.progress import measure_rollups, policy_rollup
from taizhang.policies.access import can_import_policy, can_restructure_policy, can_review_policy
from taizhang.policies.doubts import BAND_LABELS, METRIC_DOUBTS, TASK_DOUBTS, band_of, labelled, reasons
from taizhang.policies.models import Policy, PolicyStatus, ReportCadence
from taizhang.policies.review import (
    BANDS,
    ReviewQuery,
    excerpt,
    metric_summary,
    rows_of,
    select,
    task_summary,
)
from taizhang.units.models import Unit, UnitStatus

from . import policy_actions as actions
from .policy_forms import ImportForm, MetricReviewForm, NewTaskForm, TaskChoices, TaskReviewForm, apply_errors

__all__ = [
    "policy_list",
    "policy_import",
    "policy_review",
    "policy_publish",
    "policy_detail",
    "highlight_source",
    "Span",
]

PAGE_SIZE = 50
REVIEW_PAGE_SIZE = 20  # cards a review page shows


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the source text: ``[start, end)``, its CSS class and anchor id."""

    start: int
    end: int
    css: str
    anchor: str
    card: str = ""
    href: str = ""  # where the card is when it is not on the page


def highlight_source(text: str, spans: Iterable[Span]) -> SafeString:
    """The source text as escaped HTML with each span wrapped in an anchored ``<mark>``.

    Spans nest (a metric inside its task); one that crosses the end of an enclosing span is cut
    there, and spans outside the text or empty are left out.
    """
    usable = sorted(
        (s for s in spans if 0 <= s.start < s.end and s.start < len(text)), key=lambda s: (s.start, -s.end)
    )
    out: list[str] = []
    pos = 0
    stack: list[int] = []
    for span in usable:
        while stack and stack[-1] <= span.start:
            end = stack.pop()
            out.append(escape(text[pos:end]) + "</mark>")
            pos = end
        end = min(span.end, len(text), stack[-1] if stack else len(text))
        out.append(escape(text[pos : span.start]))
        card = format_html(' data-card="{}"', span.card) if span.card else ""
        href = format_html(' data-href="{}"', span.href) if span.href else ""
        out.append(format_html('<mark id="{}" class="{}"{}{}>', span.anchor, span.css, card, href))
        pos = span.start
        stack.append(end)
    while stack:
        end = stack.pop()
        out.append(escape(text[pos:end]) + "</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # every piece above is escaped or built by format_html


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@login_required
def policy_list(request: HttpRequest) -> HttpResponse:
    """The policies the person may read, newest first, with their task counts."""
    policies = (
        visible_policies(Policy.objects.all(), request.user)
        .annotate(task_count=Count("tasks"))
        .order_by("-created_at", "pk")
    )
    status = request.GET.get("status", "")
    if status in PolicyStatus.values:
        policies = policies.filter(status=status)
    page = Paginator(policies, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "policies/policy_list.html",
        {
            "page": page,
            "steering": is_steering(request.user),
            "can_import": can_import_policy(request.user),
            "status": status,
            "statuses": PolicyStatus.choices,
        },
    )


@login_required
def policy_import(request: HttpRequest) -> HttpResponse:
    """Upload a document; the extraction library reads it into a draft that opens in review."""
    can_import_policy(request.user).check()
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = actions.do_import_policy(
                    request.user,
                    data=upload.read(),
                    name=upload.name,
                    title=form.cleaned_data["title"] or None,
                )
            except actions.DuplicateDocument as exc:
                return render(
                    request,
                    "policies/policy_import.html",
                    {"form": form, "duplicate": exc.policy},
                    status=409,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _t("Imported %(name)s: %(tasks)s tasks, %(units)s proposed units. Review and publish it.")
                    % {
                        "name": result.policy.original_name,
                        "tasks": result.policy.tasks.count(),
                        "units": len(result.proposed_units),
                    },
                )
                return redirect("policies:review", result.policy.pk)
        return render(request, "policies/policy_import.html", {"form": form}, status=400)
    return render(request, "policies/policy_import.html", {"form": form})


def _draft_for_review(request: HttpRequest, pk: int) -> Policy:
    policy = access_policy(request.user, pk, for_write=True)
    if policy.status != PolicyStatus.DRAFT:
        raise Http404(_t("This policy is published; it is no longer under review."))
    return policy


def _assignments() -> Prefetch:
    return Prefetch(
        "assignments", queryset=TaskAssignment.objects.select_related("unit").order_by("role", "order", "pk")
    )


def _decorate(item: Task | Metric, text: str) -> Task | Metric:
    """Give a task or metric what its card shows: band, reasons and source excerpt."""
    item.band = band_of(item.confidence)  # type: ignore[union-attr]
    item.reasons = reasons(item.doubts)  # type: ignore[union-attr]
    item.excerpt = excerpt(
        text, item.span_start, item.span_end, "task" if isinstance(item, Task) else "metric"
    )  # type: ignore[union-attr]
    return item


def _card(
    request: HttpRequest, task: Task, form: TaskReviewForm, policy: Policy, status: int = 200, **extra: Any
) -> HttpResponse:
    """One task card: the fragment htmx swaps in, or a page of its own for a plain form post."""
    template = "policies/_review_task.html" if _is_htmx(request) else "policies/review_task_page.html"
    _decorate(task, policy.text)
    return render(request, template, {"task": task, "form": form, "policy": policy, **extra}, status=status)


@login_required
def policy_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The review screen: the draft's tasks (or metrics) a page at a time, the doubtful ones first
    with their reasons and the place in the source each came from, filters by band and reason,
    the whole source text on its own tab, the proposed units and the publish button."""
    policy = access_policy(request.user, pk, for_write=True)
    if policy.status != PolicyStatus.DRAFT:
        return redirect("policies:detail", policy.pk)
    return _render_review(request, policy)


def _render_review(
    request: HttpRequest, policy: Policy, *, new_form: NewTaskForm | None = None, status: int = 200
) -> HttpResponse:
    query = ReviewQuery.from_params(request.GET)
    if new_form is not None:
        query = ReviewQuery(show="tasks")  # the refused form, with its errors, at the end of the list
    task_rows = rows_of(Task, policy, "order")
    metric_rows = rows_of(Metric, policy, "span_start")
    rows = metric_rows if query.show == "metrics" else task_rows
    chosen = select(rows, query)
    if query.focus is not None and all(r.pk != query.focus for r in chosen):
        # The item asked for is filtered out: show it among all of them.
        query = ReviewQuery(show=query.show, order=query.order, focus=query.focus)
        chosen = select(rows, query)
    page_number: Any = query.page
    if query.focus is not None:
        index = next((i for i, r in enumerate(chosen) if r.pk == query.focus), 0)
        page_number = index // REVIEW_PAGE_SIZE + 1
    page = Paginator([r.pk for r in chosen], REVIEW_PAGE_SIZE).get_page(page_number)
    query = ReviewQuery(query.show, query.band, query.doubt, query.order, str(page.number))
    measures = list(policy.measures.all())
    tasks_summed, metrics_summed = task_summary(task_rows), metric_summary(metric_rows)
    context: dict[str, Any] = {
        "policy": policy,
        "query": query,
        "page": page,
        "task_summary": tasks_summed,
        "metric_summary": metrics_summed,
        "summaries": [
            (kind, summed, [(b, BAND_LABELS[b], summed.bands[b]) for b in BANDS])
            for kind, summed in (("tasks", tasks_summed), ("metrics", metrics_summed))
        ],
        "proposed_units": list(
            Unit.objects.filter(
                status=UnitStatus.PROPOSED, merged_into=None, assignments__task__policy=policy
            )
            .distinct()
            .order_by("name")
        ),
        "warnings": actions.publish_warnings(policy),
        "bands": [(b, BAND_LABELS[b]) for b in BANDS],
        "filter_reasons": labelled(METRIC_DOUBTS if query.show == "metrics" else TASK_DOUBTS),
        "page_urls": _page_urls(query, page),
    }
    ids = list(page.object_list)
    if query.show == "tasks":
        found = Task.objects.filter(pk__in=ids).prefetch_related(_assignments()).in_bulk()
        cards = [found[i] for i in ids if i in found]
        context["cards"] = [(_decorate(t, policy.text), TaskReviewForm.for_task(t, measures)) for t in cards]
        context["new_form"] = new_form or NewTaskForm(prefix="new", measures=measures)
        context["unit_names"] = list(
            Unit.objects.filter(merged_into=None, status=UnitStatus.CONFIRMED)
            .order_by("name")
            .values_list("name", flat=True)
        )
    elif query.show == "metrics":
        found_metrics = Metric.objects.filter(pk__in=ids).in_bulk()
        choices = TaskChoices.of(policy)
        context["metric_forms"] = [
            (_decorate(m, policy.text), MetricReviewForm.for_metric(m, choices))
            for m in (found_metrics[i] for i in ids if i in found_metrics)
        ]
    else:
        base = reverse("policies:review", args=[policy.pk])
        spans = [
            Span(
                r.span_start,
                r.span_end,
                "task",
                f"src-task-{r.pk}",
                f"card-{r.pk}",
                f"{base}?focus={r.pk}#card-{r.pk}",
            )
            for r in task_rows
            if r.span_start is not None and r.span_end is not None
        ] + [
            Span(
                r.span_start,
                r.span_end,
                "metric",
                f"src-metric-{r.pk}",
                f"metric-{r.pk}",
                f"{base}?show=metrics&focus={r.pk}#metric-{r.pk}",
            )
            for r in metric_rows
            if r.span_start is not None and r.span_end is not None
        ]
        context["source"] = highlight_source(policy.text, spans)
    return render(request, "policies/policy_review.html", context, status=status)


def _page_urls(query: ReviewQuery, page: Any) -> dict[str, str]:
    urls = {}
    if page.has_previous():
        urls["previous"] = query.url(page=str(page.previous_page_number()))
        urls["first"] = query.url(page="1")
    if page.has_next():
        urls["next"] = query.url(page=str(page.next_page_number()))
        urls["last"] = query.url(page=str(page.paginator.num_pages))
    return urls


def _task_of(policy: Policy, task_pk: int) -> Task:
    task = Task.objects.filter(policy=policy, pk=task_pk).select_related("policy").first()
    if task is None:
        raise Http404(_t("No such task in this policy"))
    return task


@login_required
@require_POST
def review_task_save(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    """Save one task card of the review screen (inline with htmx, or as a plain form)."""
    policy = _draft_for_review(request, pk)
    task = _task_of(policy, task_pk)
    measures = list(policy.measures.all())
    form = TaskReviewForm.for_task(task, measures, data=request.POST)
    status = 200
    conflict = None
    if form.is_valid():
        try:
            actions.do_update_draft_task(
                request.user,
                task,
                seen_version=form.cleaned_data["version"],
                changes=form.task_changes(),
                lead=form.cleaned_data["lead"],
                co=form.cleaned_data["co"],
            )
        except ConcurrentEditError as exc:
            conflict = exc.current
            status = 409
        except ValidationError as exc:
            apply_errors(form, exc)
            status = 400
        else:
            if not _is_htmx(request):
                messages.success(request, _t("Task %(ref)s saved.") % {"ref": task.label})
                return redirect(
                    reverse("policies:review", args=[policy.pk]) + f"?focus={task.pk}#card-{task.pk}"
                )
            task = _fresh(policy, task.pk)
            return _card(request, task, TaskReviewForm.for_task(task, measures), policy, saved=True)
    else:
        status = 400
    if not _is_htmx(request):
        messages.error(request, _t("Task %(ref)s was not saved.") % {"ref": task.label})
    return _card(request, _fresh(policy, task.pk), form, policy, status=status, conflict=conflict)


def _fresh(policy: Policy, task_pk: int) -> Task:
    assignments = TaskAssignment.objects.select_related("unit").order_by("role", "order", "pk")
    return Task.objects.prefetch_related(Prefetch("assignments", queryset=assignments)).get(
        policy=policy, pk=task_pk
    )


@login_required
@require_POST
def review_task_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a task the extraction library missed."""
    policy = _draft_for_review(request, pk)
    form = NewTaskForm(request.POST, prefix="new", measures=list(policy.measures.all()))
    if form.is_valid():
        try:
            task = actions.do_add_draft_task(
                request.user,
                policy,
                **form.task_changes(),
                lead=form.cleaned_data["lead"],
                co=form.cleaned_data["co"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _t("Task added."))
            return redirect(reverse("policies:review", args=[policy.pk]) + f"?focus={task.pk}#card-{task.pk}")
    return _render_review(request, policy, new_form=form, status=400)


@login_required
@require_POST
def review_task_delete(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    """Delete a task the extraction library found by mistake."""
    policy = _draft_for_review(request, pk)
    task = _task_of(policy, task_pk)
    actions.do_delete_draft_task(request.user, task)
    if _is_htmx(request):
        return HttpResponse("")
    messages.success(request, _t("Task %(ref)s deleted.") % {"ref": task.label})
    return redirect("policies:review", policy.pk)


@login_required
@require_POST
def review_metric_save(request: HttpRequest, pk: int, metric_pk: int) -> HttpResponse:
    """Save one metric of the review screen."""
    policy = _draft_for_review(request, pk)
    metric = Metric.objects.filter(policy=policy, pk=metric_pk).first()
    if metric is None:
        raise Http404(_t("No such metric in this policy"))
    choices = TaskChoices.of(policy)
    form = MetricReviewForm.for_metric(metric, choices, data=request.POST)
    status = 400
    saved = False
    if form.is_valid():
        try:
            metric = actions.do_update_metric(request.user, metric, **form.metric_changes(policy))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            status, saved = 200, True
            if not _is_htmx(request):
                messages.success(request, _t("Metric saved."))
                url = reverse("policies:review", args=[policy.pk])
                return redirect(f"{url}?show=metrics&focus={metric.pk}#metric-{metric.pk}")
            form = MetricReviewForm.for_metric(metric, choices)
    _decorate(metric, policy.text)
    return render(
        request,
        "policies/_review_metric.html",
        {"metric": metric, "form": form, "policy": policy, "saved": saved},
        status=status,
    )


@login_required
@require_POST
def policy_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish (交办) the draft. A refusal names the tasks that stop it and changes nothing; tasks
    without a lead unit or deadline are listed on a page where the supervisor confirms them (the
    confirmation holds for exactly the tasks he saw) or goes back to correct them."""
    policy = access_policy(request.user, pk, for_write=True)
    try:
        actions.do_publish_policy(request.user, policy, confirm=request.POST.get("confirm", ""))
    except actions.PublishNeedsConfirmation as exc:
        return render(
            request,
            "policies/policy_publish_confirm.html",
            {
                "policy": policy,
                "warnings": exc.warnings,
                "digest": exc.digest,
                "no_lead": sum(w.no_lead for w in exc.warnings),
                "no_deadline": sum(w.no_deadline for w in exc.warnings),
                "doubtful": Task.objects.filter(policy=policy).exclude(doubts="").count(),
                "again": bool(request.POST.get("confirm")),
            },
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, _t("Not published: %(reason)s") % {"reason": message})
        return redirect("policies:review", policy.pk)
    messages.success(request, _t("Published: the tasks are assigned to their units."))
    return redirect("policies:detail", policy.pk)


@login_required
def policy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A policy's measures and tasks with the weighted progress roll-up."""
    policy = access_policy(request.user, pk)
    assignments = TaskAssignment.objects.select_related("unit").order_by("role", "order", "pk")
    tasks = list(
        Task.objects.filter(policy=policy).prefetch_related(Prefetch("assignments", queryset=assignments))
    )
    overall = policy_rollup(policy)
    by_measure = measure_rollups(policy)
    groups: list[dict[str, Any]] = []
    index: dict[int | None, dict[str, Any]] = {}
    for measure in [None, *policy.measures.all()]:
        key = measure.pk if measure else None
        index[key] = {"measure": measure, "tasks": [], "rollup": by_measure.get(key)}
        groups.append(index[key])
    for task in tasks:
        task.weight_share = round(overall.weights.get(task.pk, 0) * 100, 1)  # type: ignore[attr-defined]
        index.get(task.measure_id, index[None])["tasks"].append(task)
    return render(
        request,
        "policies/policy_detail.html",
        {
            "policy": policy,
            "groups": [g for g in groups if g["tasks"]],
            "overall": overall,
            "steering": is_steering(request.user),
            "can_restructure": can_restructure_policy(request.user, policy),
            "can_review": can_review_policy(request.user, policy),
            "cadences": ReportCadence.choices,
        },
    )

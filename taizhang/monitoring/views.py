"""Pages of monitoring: dashboards, scorecards (绩效考核) and indicators (指标监测).

Each view parses, checks access, acts (through ``actions``) and renders; the counting lives in
``queries`` and the arithmetic in ``taizhang.supervision``.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from taizhang.accounts.access import is_steering, unit_id_of
from taizhang.core.concurrency import ConcurrentEditError
from taizhang.ledger.access import access_policy, visible_policies
from taizhang.ledger.colours import COLOUR_LABELS
from taizhang.ledger.models import ProgressReport, ReportStatus, Task, TaskAssignment
from taizhang.policies.models import Policy
from taizhang.supervision.stamp import cached, ledger_stamp
from taizhang.supervision.trajectory import Actual, expected_value, judge, plan_summary
from taizhang.units.models import Unit

from . import actions, queries
from .access import (
    access_breakdown,
    access_indicator,
    can_edit_indicators,
    can_rate_unit,
    can_read_breakdown,
    can_save_scoring_settings,
    require_dashboard,
    require_ranking,
    require_unit_dashboard,
)
from .export import LIST_LABELS, scoreboard_workbook
from .forms import ActualForm, ActualsImportForm, IndicatorForm, RatingForm, ScoringSettingsForm
from .models import Indicator

__all__ = [
    "dashboard",
    "unit_dashboard",
    "scorecards",
    "scorecard_breakdown",
    "scorecards_export",
    "scoring_settings",
    "policy_indicators",
    "indicator_detail",
    "indicator_index",
]


def colour_labels() -> dict[str, str]:
    """The colours' names in the reader's language, by stored value (the ledger's one enum)."""
    return {c.value: str(label) for c, label in COLOUR_LABELS.items()}


UNIT_ROWS = 30  # lead units in the dashboard's table, most red first (``?units=all``: every one)


def _task_list_base() -> str:
    try:
        return reverse("ledger:task_list")
    except NoReverseMatch:
        return "/tasks/"


def task_list_url(*, _base: str | None = None, **params: Any) -> str:
    """The ledger's task list filtered by ``params``: policy, unit, month (YYYY-MM), status (workflow),
    colour (red/amber/green/no_deadline/closed) and measure."""
    base = _base or _task_list_base()
    query = {
        k: v
        for k, v in params.items()
        if v not in (None, "") and not (k == "month" and v in ("ongoing", "no_deadline"))
    }
    return f"{base}?{urlencode(query)}" if query else base


def _colour_filter(colour: str) -> dict[str, str]:
    # The ledger list filters its workflow ``status`` (closed is one); ``colour`` is the RAG colour.
    return {"colour": colour, "status": "closed"} if colour == "closed" else {"colour": colour}


def _with_links(groups: list[dict[str, Any]], param: str, **fixed: Any) -> list[dict[str, Any]]:
    base = _task_list_base()
    for group in groups:
        group["url"] = task_list_url(_base=base, **fixed, **{param: group["key"]})
        group["cells"] = [
            {
                "colour": c,
                "count": group["counts"][c],
                "url": task_list_url(_base=base, **fixed, **{param: group["key"]}, **_colour_filter(c)),
            }
            for c in queries.COLOURS
        ]
    return groups


def _tiles(counts: dict[str, Any], **fixed: Any) -> list[dict[str, Any]]:
    return [
        {
            "colour": c,
            "label": colour_labels()[c],
            "count": counts["counts"][c],
            "share": counts["shares"][c],
            "url": task_list_url(**fixed, **_colour_filter(c)),
        }
        for c in queries.COLOURS
    ]


def _chart(groups: list[dict[str, Any]], limit: int = 30) -> dict[str, Any]:
    shown = groups[:limit]
    return {
        "labels": [str(g["label"] or "—") for g in shown],
        "series": {c: [g["counts"][c] for g in shown] for c in queries.COLOURS},
    }


def _week_start() -> dt.datetime:
    """The start of the dashboard's week: midnight (local time) of the same day a week ago, so the
    "turned red this week" figure turns with the date, as the ledger's stamp does."""
    return timezone.make_aware(dt.datetime.combine(timezone.localdate() - dt.timedelta(days=7), dt.time()))


def _dashboard_figures(policy_id: int | None, since: dt.datetime, all_units: bool) -> dict[str, Any]:
    """The dashboard's figures (counted over every task of one policy or all) with their links: the
    same for every reader of everything, so :func:`dashboard` caches them by the ledger's stamp.

    Only the first :data:`UNIT_ROWS` lead units are kept unless ``all_units``: a province has
    thousands, and the cache would otherwise hand over a megabyte on every request.
    """
    tasks = queries.dashboard_tasks(policy_id)
    fixed = {"policy": policy_id} if policy_id is not None else {}
    by_month = _with_links(queries.counts_by_deadline_month(tasks), "month", **fixed)
    # Every task falls in one deadline month: the overall counts are their sums (no query of their own).
    overall = queries.totals(by_month)
    by_policy = (
        _with_links(queries.counts_by(tasks, "policy_id", "policy__title"), "policy")
        if policy_id is None
        else []
    )
    units = queries.counts_by_lead_unit(tasks)
    units_total = len(units)
    units = _with_links(units if all_units else units[:UNIT_ROWS], "unit", **fixed)
    by_measure = (
        _with_links(queries.counts_by(tasks, "measure_id", "measure__title"), "measure", **fixed)
        if policy_id is not None
        else []
    )
    policies = list(
        Policy.objects.filter(Exists(Task.objects.filter(policy_id=OuterRef("pk"))))
        .order_by("title")
        .values("pk", "title")
    )
    red_count, red_latest = queries.turned_red(tasks, since)
    disagree_count, disagree_rows = queries.disagreements(tasks)
    # The tables rendered once per change (thousands of cells with links): cached with the figures.
    heads = [colour_labels()[c] for c in queries.COLOURS]
    tables = {
        name: render_to_string(
            "monitoring/_colour_table.html", {"groups": groups, "heading": heading, "colour_heads": heads}
        )
        for name, groups, heading in (
            ("policy", by_policy, gettext("Policy")),
            ("unit", units, gettext("Lead unit")),
            ("measure", by_measure, gettext("Measure")),
            ("month", by_month, gettext("Deadline month")),
        )
    }
    return {
        "tables": tables,
        "red_count": red_count,
        "red_latest": red_latest,
        "disagree_count": disagree_count,
        "disagree_rows": disagree_rows,
        "overall": overall,
        "overall_tiles": _tiles(overall, **fixed),
        "by_month": by_month,
        "by_policy": by_policy,
        "units": units,
        "units_total": units_total,
        "by_measure": by_measure,
        "policies": policies,
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """All policies at a glance for the supervisor and leaders; ``?policy=`` narrows to one.

    The figures are cached under the ledger's change stamp (:mod:`taizhang.supervision.stamp`): a
    request after no change costs one query for them.
    """
    if unit_id_of(request.user) is not None:
        return HttpResponseRedirect(reverse("monitoring:unit"))
    require_dashboard(request.user)
    policy = None
    if request.GET.get("policy"):
        policy = access_policy(request.user, request.GET["policy"])
    policy_id = policy.pk if policy else None
    since = _week_start()
    all_units = request.GET.get("units") == "all"
    figures = cached(
        "monitoring.dashboard",
        ("everything", policy_id, since.isoformat(), all_units, get_language()),
        ledger_stamp(),
        lambda: _dashboard_figures(policy_id, since, all_units),
    )
    overall, by_month, by_policy = figures["overall"], figures["by_month"], figures["by_policy"]
    by_measure, by_unit = figures["by_measure"], figures["units"]
    charts = {
        "overall": {
            "labels": [colour_labels()[c] for c in queries.COLOURS],
            "values": [overall["counts"][c] for c in queries.COLOURS],
        },
        "by_unit": _chart(by_unit),
        "by_month": _chart(by_month, limit=60),
        "by_policy": _chart(by_policy),
        "by_measure": _chart(by_measure),
        "colour_labels": colour_labels(),
    }
    return render(
        request,
        "monitoring/dashboard.html",
        {
            "policy": policy,
            "policies": figures["policies"],
            "tables": figures["tables"],
            "overall": overall,
            "overall_tiles": figures["overall_tiles"],
            "by_policy": by_policy,
            "by_unit": by_unit,
            "units_total": figures["units_total"],
            "all_units": all_units,
            "by_measure": by_measure,
            "by_month": by_month,
            "red_count": figures["red_count"],
            "red_latest": figures["red_latest"],
            "disagree_count": figures["disagree_count"],
            "disagree_rows": figures["disagree_rows"],
            "since": since,
            "charts": charts,
            "colour_heads": [colour_labels()[c] for c in queries.COLOURS],
        },
    )


@login_required
def unit_dashboard(request: HttpRequest) -> HttpResponse:
    """A unit's inbox summary, due and returned reports, and its standing this quarter."""
    unit_id = require_unit_dashboard(request.user)
    unit = access_breakdown(request.user, unit_id)
    led = queries.dashboard_tasks().filter(assignments__unit_id=unit_id, assignments__role="lead")
    helping = queries.dashboard_tasks().filter(assignments__unit_id=unit_id, assignments__role="co")
    to_acknowledge = TaskAssignment.objects.filter(
        unit_id=unit_id, acknowledged_at__isnull=True, task__status__in=["assigned"]
    ).count()
    reports = ProgressReport.objects.filter(unit_id=unit_id).aggregate(
        returned=Count("pk", filter=Q(status=ReportStatus.RETURNED)),
        drafts=Count("pk", filter=Q(status=ReportStatus.DRAFT)),
        waiting=Count("pk", filter=Q(status__in=[ReportStatus.SUBMITTED, ReportStatus.APPROVED_BY_LEADER])),
    )
    returned = list(
        ProgressReport.objects.filter(unit_id=unit_id, status=ReportStatus.RETURNED)
        .select_related("task")
        .order_by("-reviewed_at")[:20]
    )
    period = queries.period_of_date(timezone.localdate())
    board = queries.scoreboard(period)
    standing = board.card_of(unit_id)
    facts = standing[1] if standing else None
    return render(
        request,
        "monitoring/unit_dashboard.html",
        {
            "unit": unit,
            "led_tiles": _tiles(queries.colour_counts(led), unit=unit_id),
            "helping": queries.colour_counts(helping),
            "to_acknowledge": to_acknowledge,
            "due": queries.due_reports(unit_id, timezone.localdate(), board.report_due_days),
            "reports": reports,
            "returned": returned,
            "period": period,
            "standing": standing[0] if standing else None,
            "facts": facts,
            "units_ranked": len(board.ranked),
            "listed": LIST_LABELS.get(str(board.lists.list_of(unit.name) or ""), ""),
        },
    )


def _period(request: HttpRequest) -> queries.Period:
    code = request.GET.get("period") or queries.period_of_date(timezone.localdate()).code
    try:
        return queries.parse_period(code)
    except ValueError as error:
        raise ValidationError({"period": str(error)}) from None


def _period_or_error(request: HttpRequest) -> tuple[queries.Period | None, str]:
    try:
        return _period(request), ""
    except ValidationError as error:
        return None, error.message_dict["period"][0]


@login_required
def scorecards(request: HttpRequest) -> HttpResponse:
    """The ranking of a period (``?period=2024-Q4`` or ``2024-11``) with the 红黄黑榜."""
    require_ranking(request.user)
    period, problem = _period_or_error(request)
    if period is None:
        return render(request, "monitoring/scorecards.html", {"problem": problem}, status=400)
    board = queries.scoreboard(period)
    rows = []
    for entry in board.ranked:
        unit_id = board.unit_ids[entry.scorecard.unit]
        rows.append(
            {
                "entry": entry,
                "unit_id": unit_id,
                "list": LIST_LABELS.get(str(board.lists.list_of(entry.scorecard.unit) or ""), ""),
                "list_code": str(board.lists.list_of(entry.scorecard.unit) or ""),
                "may_open": bool(can_read_breakdown(request.user, Unit(pk=unit_id))),
            }
        )
    return render(
        request,
        "monitoring/scorecards.html",
        {
            "board": board,
            "rows": rows,
            "period": period,
            "lists": {code: [e.scorecard.unit for e in getattr(board.lists, code)] for code in LIST_LABELS},
            "list_labels": LIST_LABELS,
            "steering": is_steering(request.user),
            "can_set_scoring": can_save_scoring_settings(request.user),
        },
    )


@login_required
def scorecard_breakdown(request: HttpRequest, unit_id: int) -> HttpResponse:
    """How one unit's score was computed, line by line; the supervisor rates the unit here."""
    unit = access_breakdown(request.user, unit_id)
    period, problem = _period_or_error(request)
    if period is None:
        return render(request, "monitoring/breakdown.html", {"problem": problem, "unit": unit}, status=400)
    form = RatingForm()
    if request.method == "POST":
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                actions.do_rate_unit(
                    request.user,
                    unit,
                    period=period.code,
                    rating=form.cleaned_data["rating"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, gettext("; ").join(m for ms in error.message_dict.values() for m in ms))
            else:
                messages.success(request, gettext("The supervisor's rating is saved"))
                return HttpResponseRedirect(f"{request.path}?period={period.code}")
    board = queries.scoreboard(period)
    found = board.card_of(unit.pk)
    return render(
        request,
        "monitoring/breakdown.html",
        {
            "unit": unit,
            "period": period,
            "entry": found[0] if found else None,
            "facts": found[1] if found else None,
            "list": LIST_LABELS.get(str(board.lists.list_of(unit.name) or ""), "") if found else "",
            "units_ranked": len(board.ranked),
            "report_due_days": board.report_due_days,
            "form": form,
            "steering": is_steering(request.user),
            "can_rate": can_rate_unit(request.user, unit),
        },
    )


@login_required
def scorecards_export(request: HttpRequest) -> HttpResponse:
    """The period's ranking and breakdowns as .xlsx (readers of everything)."""
    require_dashboard(request.user)
    period = _period(request)
    data = scoreboard_workbook(queries.scoreboard(period))
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="scorecards-{period.code}.xlsx"'
    return response


@login_required
def scoring_settings(request: HttpRequest) -> HttpResponse:
    """The supervisor edits the 考核办法 (JSON of ScoringConfig and ListRules)."""
    can_save_scoring_settings(request.user).check()
    stored = queries.current_settings()
    if request.method == "POST":
        form = ScoringSettingsForm(request.POST)
        if form.is_valid():
            try:
                actions.do_save_scoring_settings(request.user, **form.cleaned_data)
            except ValidationError as error:
                for name, problems in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, problems)
            else:
                messages.success(request, gettext("The assessment method is saved"))
                return HttpResponseRedirect(reverse("monitoring:scoring_settings"))
    else:
        form = ScoringSettingsForm(
            initial={
                "config": json.dumps(stored.config or _default_config(), ensure_ascii=False, indent=2),
                "lists": json.dumps(stored.lists or _default_lists(), ensure_ascii=False, indent=2),
                "report_due_days": stored.report_due_days,
            }
        )
    return render(request, "monitoring/scoring_settings.html", {"form": form})


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _default_config() -> dict[str, Any]:
    config = queries.scoring_config_from({})
    return {
        "weights": {code: str(weight) for code, weight in config.weights.items()},
        "late_credit": str(config.late_credit),
        "progress_judged_from": str(config.progress_judged_from),
        "items": {
            code: {"points_each": str(rule.points_each), "label_zh": rule.label_zh, "cap": _plain(rule.cap)}
            for code, rule in config.items.items()
        },
        "rating_weight": str(config.rating_weight),
        "rating_neutral": str(config.rating_neutral),
        "rating_cap": _plain(config.rating_cap),
        "rating_label_zh": config.rating_label_zh,
    }


def _default_lists() -> dict[str, Any]:
    rules = queries.list_rules_from({})
    return {name: _plain(getattr(rules, name)) for name in rules.__dataclass_fields__}


# ---------------------------------------------------------------------------------------------
# Indicators


def _judgement_of(indicator: Indicator, today: dt.date) -> Any:
    plain = indicator.as_trajectory()
    if plain is None:
        return None
    return judge(plain, [Actual(a.year, a.value) for a in indicator.actuals.all()], today)


@login_required
def policy_indicators(request: HttpRequest, policy_id: int) -> HttpResponse:
    """A policy's indicators with their judgement and the plan-level summary (中期评估)."""
    policy = access_policy(request.user, policy_id)
    steering = bool(can_edit_indicators(request.user, policy))
    import_form = ActualsImportForm()
    problems: list[tuple[int, str]] = []
    if request.method == "POST":
        can_edit_indicators(request.user, policy).check()
        if request.POST.get("action") == "from_metrics":
            created = actions.do_create_indicators_from_metrics(request.user, policy)
            messages.success(
                request,
                gettext("Indicators made from the extracted targets: %(count)s") % {"count": len(created)},
            )
            return HttpResponseRedirect(request.path)
        import_form = ActualsImportForm(request.POST, request.FILES)
        if import_form.is_valid():
            try:
                saved = actions.do_import_actuals(
                    request.user, policy, import_form.cleaned_data["file"].read()
                )
            except actions.ImportRefused as refused:
                problems = refused.problems
            else:
                messages.success(
                    request, gettext("Actual values imported: %(count)s") % {"count": len(saved)}
                )
                return HttpResponseRedirect(request.path)
    indicators = list(Indicator.objects.filter(policy=policy).prefetch_related("actuals").order_by("pk"))
    today = timezone.localdate()
    rows = [{"indicator": i, "judgement": _judgement_of(i, today)} for i in indicators]
    summary = plan_summary(r["judgement"] for r in rows if r["judgement"] is not None)
    return render(
        request,
        "monitoring/indicators.html",
        {
            "policy": policy,
            "rows": rows,
            "summary": summary,
            "no_baseline": sum(1 for r in rows if r["judgement"] is None),
            "steering": steering,
            "import_form": import_form,
            "problems": problems,
            "today": today,
        },
        status=400 if problems else 200,
    )


@login_required
def indicator_detail(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """One indicator: trajectory chart (baseline → target, actuals as points), actuals, edits."""
    indicator = access_indicator(request.user, indicator_id)
    actual_form = ActualForm()
    edit_form = IndicatorForm(
        initial={"version": indicator.version, **{f: getattr(indicator, f) for f in actions.INDICATOR_FIELDS}}
    )
    if request.method == "POST":
        indicator = access_indicator(request.user, indicator_id, for_write=True)
        try:
            if request.POST.get("action") == "edit":
                edit_form = IndicatorForm(request.POST)
                if edit_form.is_valid():
                    data = dict(edit_form.cleaned_data)
                    version = data.pop("version")
                    actions.do_update_indicator(request.user, indicator, seen_version=version, **data)
                    messages.success(request, gettext("The indicator is saved"))
                    return HttpResponseRedirect(request.path)
            else:
                actual_form = ActualForm(request.POST)
                if actual_form.is_valid():
                    actions.do_record_actual(request.user, indicator, **actual_form.cleaned_data)
                    messages.success(request, gettext("The actual value is saved"))
                    return HttpResponseRedirect(request.path)
        except ValidationError as error:
            target = edit_form if request.POST.get("action") == "edit" else actual_form
            for name, problems in error.message_dict.items():
                target.add_error(name if name in target.fields else None, problems)
        except ConcurrentEditError as error:
            edit_form.add_error(None, str(error))
    actuals = list(indicator.actuals.order_by("year"))
    plain = indicator.as_trajectory()
    today = timezone.localdate()
    judgement = _judgement_of(indicator, today)
    chart: dict[str, Any] = {
        "name": indicator.name,
        "unit": indicator.measure_unit,
        "line": [],
        "actuals": [],
        "labels": {
            "line": gettext("Linear trajectory"),
            "actual": gettext("Actual value"),
            "target": gettext("Target"),
        },
    }
    if plain is not None:
        years = range(plain.baseline_year, plain.target_year + 1)
        chart["line"] = [[y, float(expected_value(plain, y))] for y in years]
    chart["actuals"] = [[a.year, float(a.value)] for a in actuals]
    chart["target"] = [indicator.target_year, float(indicator.target_value)]
    return render(
        request,
        "monitoring/indicator.html",
        {
            "indicator": indicator,
            "actuals": actuals,
            "judgement": judgement,
            "chart": chart,
            "steering": is_steering(request.user),
            "actual_form": actual_form,
            "edit_form": edit_form,
        },
        status=400 if (actual_form.errors or edit_form.errors) else 200,
    )


@login_required
def indicator_index(request: HttpRequest) -> HttpResponse:
    """The policies the user may read, with how many indicators each has."""
    policies = (
        visible_policies(Policy.objects.all(), request.user)
        .annotate(indicator_count=Count("indicators", distinct=True))
        .order_by("title")
    )
    return render(request, "monitoring/indicator_index.html", {"policies": policies})

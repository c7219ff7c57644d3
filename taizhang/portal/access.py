"""What the public may read: the only way the portal and the blue book fetch ledger data.

A policy is public when it is published (交办) and the supervisor made it public
(:class:`~taizhang.portal.models.PublicationSettings`); any other policy answers 404, as a
missing one. Of a public policy the public reads its measures and assigned tasks (text, deadline,
lead and co-units by name), and, when progress is shown, each task's colour, percentage and the
narrative of its latest *accepted* report. Never drafts, submitted or returned reports, the
supervisor's comments, co-units' contributions, supervision notices, reminders, nor the names of
people: those fields are never read here, so no page can show them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext

from taizhang.accounts.access import Decision, Person, steering_decision
from taizhang.ledger.colours import colour_expression
from taizhang.ledger.labels import deadline_words
from taizhang.ledger.models import (
    AssignmentRole,
    ProgressReport,
    ReportStatus,
    Task,
    TaskAssignment,
)
from taizhang.ledger.models import TaskStatus as TaskState
from taizhang.ledger.rules import Colour, deadline_label, displayed_colour, rollup
from taizhang.policies.models import Measure, Policy, PolicyStatus

__all__ = [
    "can_publish_to_portal",
    "COLOURS",
    "public_policies",
    "access_public_policy",
    "PublicTask",
    "PublicMeasure",
    "PublicIndicator",
    "PublicPolicy",
    "load_public",
]


def can_publish_to_portal(user: Person, policy: Any = None) -> Decision:
    """The supervisor chooses what of a policy the public portal shows, or withdraws it."""
    return steering_decision(user, gettext("choose what is public"))


COLOURS: tuple[str, ...] = tuple(c.value for c in Colour)  # the ledger's one enum


def public_policies() -> QuerySet[Policy]:
    """Published policies the supervisor made public, in the ledger's order."""
    return Policy.objects.filter(status=PolicyStatus.PUBLISHED, publication__is_public=True).select_related(
        "publication"
    )


def access_public_policy(policy_id: int) -> Policy:
    """The public policy ``policy_id``; Http404 when it is missing, a draft or not public."""
    policy = public_policies().filter(pk=policy_id).first()
    if policy is None:
        raise Http404(gettext("This policy is not public"))
    return policy


@dataclass(frozen=True)
class PublicTask:
    """A task as the public sees it; ``colour``, ``progress`` and ``narrative`` are None when
    the policy's progress is not shown (or, for the narrative, nothing was accepted yet).
    ``deadline`` is the Chinese label of the blue book; ``deadline_shown`` the page's, in the
    reader's language (both the document's own wording when it gave one)."""

    ref: str
    text: str
    deadline: str
    lead_units: str
    co_units: str
    colour: str | None
    progress: int | None
    narrative: str | None
    narrative_period: str | None
    deadline_parts: tuple[str, int | None, int | None, str] = ("", None, None, "")

    @property
    def deadline_shown(self) -> str:
        return deadline_words(*self.deadline_parts)


@dataclass(frozen=True)
class PublicMeasure:
    """A measure (主要措施) and its tasks; the title is empty for tasks under no measure."""

    ref: str
    title: str
    tasks: tuple[PublicTask, ...]


@dataclass(frozen=True)
class PublicIndicator:
    """An indicator with its baseline, target, yearly actuals and the expected trajectory."""

    code: str
    name: str
    measure_unit: str
    comparator: str
    baseline_value: Decimal | None
    baseline_year: int | None
    target_value: Decimal
    target_year: int
    actuals: tuple[tuple[int, Decimal], ...]
    expected: tuple[tuple[int, Decimal], ...]


@dataclass(frozen=True)
class PublicPolicy:
    """A public policy with what its settings allow: counts, progress, measures, indicators."""

    pk: int
    title: str
    year: int | None
    show_progress: bool
    show_indicators: bool
    tasks: int
    counts: dict[str, int]
    progress: float | None
    measures: tuple[PublicMeasure, ...]
    indicators: tuple[PublicIndicator, ...]


def _deadline(row: dict[str, Any]) -> str:
    return deadline_label(
        row["deadline_kind"], row["deadline_year"], row["deadline_month"], row["deadline_text"]
    )


def _colour(row: dict[str, Any]) -> str:
    return displayed_colour(
        closed=row["status"] == TaskState.CLOSED,
        stored=row["rag__colour"],
        deadline_kind=row["deadline_kind"],
    ).value


def _latest_accepted(task_ids: list[int]) -> dict[int, tuple[str, str]]:
    """The (period, narrative) of each task's latest accepted report: one query."""
    out: dict[int, tuple[str, str]] = {}
    rows = (
        ProgressReport.objects.filter(task_id__in=task_ids, status=ReportStatus.ACCEPTED)
        .order_by("task_id", "-period", "-reviewed_at", "-pk")
        .values_list("task_id", "period", "narrative")
    )
    for task_id, period, narrative in rows:
        out.setdefault(task_id, (period, narrative))
    return out


def _indicators(policy_ids: list[int]) -> dict[int, list[PublicIndicator]]:
    """The indicators of ``policy_ids`` with their actuals (two queries); empty when the
    monitoring app has none."""
    try:
        from taizhang.monitoring.models import Indicator
        from taizhang.supervision.trajectory import expected_value
    except ImportError:  # pragma: no cover - monitoring is an installed app
        return {}
    out: dict[int, list[PublicIndicator]] = defaultdict(list)
    for indicator in Indicator.objects.filter(policy_id__in=policy_ids).prefetch_related("actuals"):
        plain = indicator.as_trajectory()
        expected: tuple[tuple[int, Decimal], ...] = ()
        if plain is not None:
            expected = tuple(
                (year, expected_value(plain, year))
                for year in range(indicator.baseline_year, indicator.target_year + 1)
            )
        out[indicator.policy_id].append(
            PublicIndicator(
                code=indicator.code,
                name=indicator.name,
                measure_unit=indicator.measure_unit,
                comparator=indicator.comparator,
                baseline_value=indicator.baseline_value,
                baseline_year=indicator.baseline_year,
                target_value=indicator.target_value,
                target_year=indicator.target_year,
                actuals=tuple((a.year, a.value) for a in indicator.actuals.all()),
                expected=expected,
            )
        )
    return out


def load_public(policies: list[Policy], *, detail: bool = True) -> list[PublicPolicy]:
    """What the public reads of ``policies`` (each must be public): a fixed number of queries.

    With ``detail`` False only the counts and progress are loaded (the home page).
    """
    ids = [p.pk for p in policies]
    flags = {p.pk: p.publication for p in policies}
    if not detail:
        return _summaries(policies)
    rows = list(
        Task.objects.filter(policy_id__in=ids)
        .exclude(status=TaskState.DRAFT)
        .order_by("policy_id", "order", "pk")
        .values(
            "pk",
            "policy_id",
            "measure_id",
            "reference",
            "text",
            "status",
            "progress",
            "weight",
            "deadline_kind",
            "deadline_year",
            "deadline_month",
            "deadline_text",
            "rag__colour",
        )
    )
    by_policy: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_policy[row["policy_id"]].append(row)
    units: dict[tuple[int, str], list[str]] = defaultdict(list)
    narratives: dict[int, tuple[str, str]] = {}
    measures: dict[int, list[Measure]] = defaultdict(list)
    indicators: dict[int, list[PublicIndicator]] = {}
    if detail:
        task_ids = [row["pk"] for row in rows]
        assignments = (
            TaskAssignment.objects.filter(task_id__in=task_ids)
            .order_by("task_id", "role", "order", "pk")
            .values_list("task_id", "role", "unit__name")
        )
        for task_id, role, name in assignments:
            units[(task_id, role)].append(name)
        shown = [row["pk"] for row in rows if flags[row["policy_id"]].show_progress]
        narratives = _latest_accepted(shown) if shown else {}
        for measure in Measure.objects.filter(policy_id__in=ids).order_by("policy_id", "order", "pk"):
            measures[measure.policy_id].append(measure)
        with_indicators = [p.pk for p in policies if flags[p.pk].show_indicators]
        indicators = _indicators(with_indicators) if with_indicators else {}

    out: list[PublicPolicy] = []
    for policy in policies:
        settings = flags[policy.pk]
        show = settings.show_progress
        group = by_policy.get(policy.pk, [])
        public_tasks: dict[int | None, list[PublicTask]] = defaultdict(list)
        for row in group if detail else []:
            narrative = narratives.get(row["pk"]) if show else None
            public_tasks[row["measure_id"]].append(
                PublicTask(
                    ref=row["reference"],
                    text=row["text"],
                    deadline=_deadline(row),
                    deadline_parts=(
                        row["deadline_kind"],
                        row["deadline_year"],
                        row["deadline_month"],
                        row["deadline_text"],
                    ),
                    lead_units="、".join(units.get((row["pk"], AssignmentRole.LEAD), [])),
                    co_units="、".join(units.get((row["pk"], AssignmentRole.CO), [])),
                    colour=_colour(row) if show else None,
                    progress=row["progress"] if show else None,
                    narrative=narrative[1] if narrative else None,
                    narrative_period=narrative[0] if narrative else None,
                )
            )
        grouped = [
            PublicMeasure(m.ref, m.title, tuple(public_tasks.pop(m.pk)))
            for m in measures.get(policy.pk, [])
            if m.pk in public_tasks
        ]
        leftovers = [task for tasks in public_tasks.values() for task in tasks]
        if leftovers:
            grouped.append(PublicMeasure("", "", tuple(leftovers)))
        colours = [_colour(row) for row in group]
        out.append(
            PublicPolicy(
                pk=policy.pk,
                title=policy.title,
                year=policy.year,
                show_progress=show,
                show_indicators=settings.show_indicators,
                tasks=len(group),
                counts={c: colours.count(c) for c in COLOURS} if show else {},
                progress=rollup([(r["pk"], r["weight"], r["progress"]) for r in group]).percent
                if show
                else None,
                measures=tuple(grouped),
                indicators=tuple(indicators.get(policy.pk, ())) if settings.show_indicators else (),
            )
        )
    return out


def _summaries(policies: list[Policy]) -> list[PublicPolicy]:
    """The home page's figures of ``policies``: tasks, colour counts and progress of each, counted
    by the database (one query, whatever the number of tasks)."""
    from django.db.models import Count, DecimalField, F, Q, Sum

    colour = colour_expression()
    rows = {
        row["policy_id"]: row
        for row in Task.objects.filter(policy_id__in=[p.pk for p in policies])
        .exclude(status=TaskState.DRAFT)
        .annotate(public_colour=colour)
        .values("policy_id")
        .annotate(
            tasks=Count("pk"),
            weights=Sum("weight"),
            weighted=Sum(
                F("weight") * F("progress"), output_field=DecimalField(max_digits=20, decimal_places=2)
            ),
            **{c: Count("pk", filter=Q(public_colour=c)) for c in COLOURS},
        )
        .order_by()
    }
    out: list[PublicPolicy] = []
    for policy in policies:
        settings = policy.publication
        show = settings.show_progress
        row = rows.get(policy.pk)
        weights = row["weights"] if row else None
        progress = round(float(row["weighted"] or 0) / float(weights), 1) if weights else 0.0
        out.append(
            PublicPolicy(
                pk=policy.pk,
                title=policy.title,
                year=policy.year,
                show_progress=show,
                show_indicators=settings.show_indicators,
                tasks=row["tasks"] if row else 0,
                counts={c: (row[c] if row else 0) for c in COLOURS} if show else {},
                progress=progress if show else None,
                measures=(),
                indicators=(),
            )
        )
    return out

"""The displayed colour (红黄绿灯) and schedule (序时进度) of tasks in SQL: the one home of the
expressions every dashboard, list filter, bulletin and portal page counts with.

They read the stored row the status rules keep current (``task.rag``, supervision's TaskStatus,
refreshed by every action through :func:`taizhang.ledger.signals.tasks_changed`) and follow
:func:`taizhang.ledger.rules.displayed_colour` for a task not judged yet. The relation is named by
its path, so the ledger does not import the supervision app.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db.models import Case, CharField, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from .models import TaskStatus
from .rules import MONTH_KIND, NO_DEADLINE_KIND, YEAR_KIND, Colour, ScheduleStatus

__all__ = [
    "COLOUR_LABELS",
    "colour_expression",
    "colour_filter",
    "schedule_filter",
    "past_deadline_q",
    "due_by_q",
]

#: The colours' names in the reader's language, for the interface (dashboards, stored statuses);
#: ``ledger.rules.COLOUR_ZH`` stays for the documents written in Chinese whatever the language
#: (bulletins) and for the pure rules, which import no Django.
COLOUR_LABELS: dict[Colour, Any] = {
    Colour.GREEN: _("Green"),
    Colour.AMBER: _("Amber"),
    Colour.RED: _("Red"),
    Colour.NO_DEADLINE: _("Deadline missing"),
    Colour.CLOSED: _("Closed"),
}


def colour_expression(prefix: str = "") -> Any:
    """A task's displayed colour in SQL (``prefix`` is the path to the task, e.g. ``"task__"``):
    closed tasks are closed, then the stored colour, then (not judged yet) no_deadline or green."""
    return Case(
        When(**{f"{prefix}status": TaskStatus.CLOSED}, then=Value(Colour.CLOSED.value)),
        When(**{f"{prefix}rag__colour__isnull": False}, then=f"{prefix}rag__colour"),
        When(**{f"{prefix}deadline_kind": NO_DEADLINE_KIND}, then=Value(Colour.NO_DEADLINE.value)),
        default=Value(Colour.GREEN.value),
        output_field=CharField(),
    )


def _stored(field: str, value: str) -> Q:
    """Tasks whose stored status row has ``field == value``: a semi-join the database may start
    from the column's index."""
    computed = apps.get_model("supervision", "TaskStatus")
    return Q(Exists(computed.objects.filter(task=OuterRef("pk"), **{field: value})))


_OPEN = ~Q(status__in=(TaskStatus.CLOSED, TaskStatus.DRAFT))


def colour_filter(colour: str) -> Q:
    """Tasks showing ``colour`` (as :func:`colour_expression` computes it); drafts show none."""
    colour = Colour(colour)
    if colour is Colour.CLOSED:
        return Q(status=TaskStatus.CLOSED)
    matches = _stored("colour", colour.value)
    if colour is Colour.GREEN:
        matches |= Q(rag__isnull=True) & ~Q(deadline_kind=NO_DEADLINE_KIND)
    elif colour is Colour.NO_DEADLINE:
        matches |= Q(rag__isnull=True, deadline_kind=NO_DEADLINE_KIND)
    return matches & _OPEN


def schedule_filter(schedule: str) -> Q:
    """Tasks whose position against 序时进度 is ``schedule``, read from the stored, indexed column
    (kept current with the colour); drafts have none."""
    schedule = ScheduleStatus(schedule)
    if schedule is ScheduleStatus.DONE:
        return Q(status=TaskStatus.CLOSED)
    return _stored("schedule", schedule.value) & _OPEN


def past_deadline_q(today: dt.date, prefix: str = "") -> Q:
    """Tasks whose deadline has passed on ``today`` (ledger.rules.deadline_past in SQL): a month
    deadline before ``today``'s month, a year deadline before its year."""
    month = Q(**{f"{prefix}deadline_kind": MONTH_KIND}) & (
        Q(**{f"{prefix}deadline_year__lt": today.year})
        | Q(**{f"{prefix}deadline_year": today.year, f"{prefix}deadline_month__lt": today.month})
    )
    year = Q(**{f"{prefix}deadline_kind": YEAR_KIND, f"{prefix}deadline_year__lt": today.year})
    return month | year


def due_by_q(year: int, month: int, prefix: str = "") -> Q:
    """Tasks due by the end of ``year``-``month``: month deadlines up to it, year deadlines ending by it."""
    by_month = Q(**{f"{prefix}deadline_kind": MONTH_KIND}) & (
        Q(**{f"{prefix}deadline_year__lt": year})
        | Q(**{f"{prefix}deadline_year": year, f"{prefix}deadline_month__lte": month})
    )
    by_year = Q(**{f"{prefix}deadline_kind": YEAR_KIND}) & (
        Q(**{f"{prefix}deadline_year__lt": year})
        | (Q(**{f"{prefix}deadline_year": year}) if month == 12 else Q(pk__in=[]))
    )
    return by_month | by_year

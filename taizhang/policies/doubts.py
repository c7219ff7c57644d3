"""The extraction's reasons for doubt (存疑原因) and confidence bands as the review screen shows them.

The codes and their meaning are the extraction library's (``taizhang.extract.confidence``); the
labels here are the interface's, translated by the locale catalogues (the simplified Chinese of
each is the library's own message: tests/web/test_policy_review.py holds them together).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from taizhang.extract.confidence import Band, Doubt, band

__all__ = [
    "DOUBT_LABELS",
    "BAND_LABELS",
    "TASK_DOUBTS",
    "METRIC_DOUBTS",
    "Reason",
    "reasons",
    "band_of",
    "codes",
]

DOUBT_LABELS: dict[Doubt, Promise] = {
    Doubt.NO_LEAD: _("No lead unit found"),
    Doubt.RUNNING_TEXT: _(
        "Cut from running text (not a table row or a whole numbered item): check where the task begins and ends"
    ),
    Doubt.UNRESOLVED_UNITS: _("The unit list was not fully recognised: a name does not read as a unit"),
    Doubt.SHORT_TEXT: _("Very short task text: maybe only a heading or half a sentence"),
    Doubt.LONG_TEXT: _("Very long task text: it may hold several tasks"),
    Doubt.NO_DEADLINE: _("No deadline found"),
    Doubt.INFERRED_DEADLINE_YEAR: _(
        "The document does not write the deadline's year (e.g. “by the end of the year”): taken from the document's year"
    ),
    Doubt.BENEFIT_WORD: _(
        "The figure stands near a word of a benefit (reward, subsidy…): it may be a benefit term, not a target"
    ),
    Doubt.NO_YEAR: _("No year found for the figure"),
    Doubt.NO_UNIT: _("No unit of measure found"),
    Doubt.SHORT_INDICATOR: _("Very short indicator name: maybe not taken whole"),
    Doubt.LONG_INDICATOR: _("Very long indicator name: maybe taken too wide"),
    Doubt.BROKEN_INDICATOR: _(
        "The indicator name is cut short (it opens with punctuation or its brackets do not pair)"
    ),
    Doubt.INFERRED_YEAR: _(
        "The sentence does not write the figure's year: taken from the context or the document's year"
    ),
}

# Short names for the filters and the counts (the card shows the full label).
DOUBT_SHORT_LABELS: dict[Doubt, Promise] = {
    Doubt.NO_LEAD: _("No lead unit"),
    Doubt.RUNNING_TEXT: _("Cut from running text"),
    Doubt.UNRESOLVED_UNITS: _("Unit names unclear"),
    Doubt.SHORT_TEXT: _("Very short text"),
    Doubt.LONG_TEXT: _("Very long text"),
    Doubt.NO_DEADLINE: _("No deadline"),
    Doubt.INFERRED_DEADLINE_YEAR: _("Deadline year inferred"),
    Doubt.BENEFIT_WORD: _("Near a benefit word"),
    Doubt.NO_YEAR: _("No year"),
    Doubt.NO_UNIT: _("No unit of measure"),
    Doubt.SHORT_INDICATOR: _("Very short indicator"),
    Doubt.LONG_INDICATOR: _("Very long indicator"),
    Doubt.BROKEN_INDICATOR: _("Indicator cut short"),
    Doubt.INFERRED_YEAR: _("Year inferred"),
}

BAND_LABELS: dict[Band, Promise] = {
    "low": _("Low confidence"),
    "medium": _("Medium confidence"),
    "high": _("High confidence"),
}

TASK_DOUBTS: tuple[Doubt, ...] = (
    Doubt.NO_LEAD,
    Doubt.RUNNING_TEXT,
    Doubt.UNRESOLVED_UNITS,
    Doubt.SHORT_TEXT,
    Doubt.LONG_TEXT,
    Doubt.NO_DEADLINE,
    Doubt.INFERRED_DEADLINE_YEAR,
)
METRIC_DOUBTS: tuple[Doubt, ...] = tuple(d for d in Doubt if d not in TASK_DOUBTS)


@dataclass(frozen=True)
class Reason:
    """One reason for doubt of an item, with its labels in the interface's language."""

    code: str
    label: str
    short: str


def codes(stored: str) -> list[Doubt]:
    """The known reasons stored in a task's or metric's ``doubts`` (codes separated by blanks)."""
    known = {d.value for d in Doubt}
    return [Doubt(c) for c in stored.split() if c in known]


def reasons(stored: str) -> list[Reason]:
    """The reasons of a stored ``doubts`` value, labelled."""
    return labelled(codes(stored))


def band_of(confidence: float) -> Band:
    """The band (high, medium, low) of a stored confidence."""
    return band(confidence)


def labelled(items: Iterable[Doubt]) -> list[Reason]:
    """Reasons labelled, in the order given."""
    return [Reason(d.value, str(DOUBT_LABELS[d]), str(DOUBT_SHORT_LABELS[d])) for d in items]

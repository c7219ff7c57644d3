"""The review screen's lists: a draft's tasks and metrics, doubtful first, filtered, a page at a time.

The screen reads one light row per task and metric (id, confidence, reasons, place) to count
the reasons and bands, filter and order them, then loads only the page it shows: a plan of
hundreds of tasks opens as quickly as a short one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import Model
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from taizhang.extract.confidence import Band, Doubt

from .doubts import METRIC_DOUBTS, TASK_DOUBTS, Reason, band_of, codes, labelled

__all__ = [
    "SHOWS",
    "ORDERS",
    "BANDS",
    "ReviewQuery",
    "Row",
    "Summary",
    "rows_of",
    "summarise",
    "task_summary",
    "metric_summary",
    "select",
    "excerpt",
]

SHOWS = ("tasks", "metrics", "source")
ORDERS = ("doubt", "document")
BANDS: tuple[Band, ...] = ("low", "medium", "high")
EXCERPT_BEFORE = 80  # characters of context before an item's span, at most (from its line start)
EXCERPT_AFTER = 40


@dataclass(frozen=True)
class ReviewQuery:
    """What the reviewer asked the screen for: which list, which band and reason, which order,
    which page, and an item to bring into view (``focus``: its page is shown)."""

    show: str = "tasks"
    band: str = ""  # "" | low | medium | high
    doubt: str = ""  # "" | "any" (any reason) | a reason's code
    order: str = "doubt"  # doubt: lowest confidence first | document: the document's order
    page: str = "1"
    focus: int | None = None

    @classmethod
    def from_params(cls, params: Any) -> ReviewQuery:
        """The query of a request's GET parameters; unknown values fall back to the defaults."""
        show = params.get("show", "")
        band = params.get("band", "")
        doubt = params.get("doubt", "")
        order = params.get("order", "")
        focus = params.get("focus", "")
        return cls(
            show=show if show in SHOWS else "tasks",
            band=band if band in BANDS else "",
            doubt=doubt if doubt == "any" or doubt in {d.value for d in Doubt} else "",
            order=order if order in ORDERS else "doubt",
            page=params.get("page", "1") or "1",
            focus=int(focus) if focus.isdigit() else None,
        )

    def url(self, **changes: Any) -> str:
        """The query string (``?show=…``) of this query with ``changes``; defaults left out."""
        q = replace(self, **changes)
        params = {"show": q.show, "band": q.band, "doubt": q.doubt, "order": q.order, "page": q.page}
        defaults = {"show": "tasks", "band": "", "doubt": "", "order": "doubt", "page": "1"}
        kept = {k: v for k, v in params.items() if v != defaults[k]}
        if q.focus is not None:
            kept["focus"] = str(q.focus)
        return "?" + urlencode(kept) if kept else "?"


@dataclass(frozen=True)
class Row:
    """One task or metric as the list needs it before its page is loaded."""

    pk: int
    confidence: float
    doubts: tuple[Doubt, ...]
    position: int  # the document's order
    span_start: int | None
    span_end: int | None

    @property
    def band(self) -> Band:
        return band_of(self.confidence)


def rows_of(model: type[Model], policy: Any, position: str) -> list[Row]:
    """The light rows of a policy's tasks (``position="order"``) or metrics (``"span_start"``)."""
    values = (
        model._default_manager.filter(policy=policy)
        .order_by(position, "pk")
        .values_list("pk", "confidence", "doubts", "span_start", "span_end")
    )
    return [
        Row(pk, confidence, tuple(codes(doubts)), n, start, end)
        for n, (pk, confidence, doubts, start, end) in enumerate(values)
    ]


@dataclass(frozen=True)
class Summary:
    """What the reviewer has to look at: the bands and the reasons, with their counts."""

    bands: dict[str, int]
    reasons: list[tuple[Reason, int]]
    doubtful: int
    total: int


def summarise(rows: Sequence[Row], known: Iterable[Doubt]) -> Summary:
    """Counts by band and by reason (the reasons of ``known`` that occur, in their order)."""
    bands = Counter(r.band for r in rows)
    reasons = Counter(d for r in rows for d in r.doubts)
    found = [d for d in known if reasons[d]]
    return Summary(
        bands={b: bands.get(b, 0) for b in BANDS},
        reasons=list(zip(labelled(found), (reasons[d] for d in found), strict=True)),
        doubtful=sum(1 for r in rows if r.doubts),
        total=len(rows),
    )


def select(rows: Sequence[Row], query: ReviewQuery) -> list[Row]:
    """The rows the query shows, in its order: doubt puts the lowest confidence first (the
    document's order among equals), document keeps the document's order."""
    chosen = [
        r
        for r in rows
        if (not query.band or r.band == query.band)
        and (not query.doubt or (bool(r.doubts) if query.doubt == "any" else query.doubt in r.doubts))
    ]
    if query.order == "doubt":
        chosen.sort(key=lambda r: (r.confidence, r.position))
    return chosen


def task_summary(rows: Sequence[Row]) -> Summary:
    """The summary of a policy's task rows."""
    return summarise(rows, TASK_DOUBTS)


def metric_summary(rows: Sequence[Row]) -> Summary:
    """The summary of a policy's metric rows."""
    return summarise(rows, METRIC_DOUBTS)


def excerpt(text: str, start: int | None, end: int | None, css: str) -> SafeString:
    """The source lines around ``[start, end)``, that stretch marked (escaped HTML); empty when
    the item has no place in the source (added by hand)."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return mark_safe("")
    line = text.rfind("\n", max(0, start - EXCERPT_BEFORE), start)
    lo = line + 1 if line >= 0 else max(0, start - EXCERPT_BEFORE)
    stop = text.find("\n", end, end + EXCERPT_AFTER)
    hi = stop if stop >= 0 else min(len(text), end + EXCERPT_AFTER)
    before = ("…" if lo > 0 and line < 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) and stop < 0 else "")
    return format_html('{}<mark class="{}">{}</mark>{}', before, css, text[start:end], after)

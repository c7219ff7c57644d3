"""The typed values that flow through the extraction pipeline.

Every stage of the pipeline (read -> normalise -> outline -> clauses -> tasks, units, deadlines,
metrics -> render) takes and returns these frozen dataclasses. Offsets are character offsets into
``Document.text`` (the document as read, in its original script), so a reviewer can jump from any
answer to the place it came from.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal, TypeVar

__all__ = [
    "Paragraph",
    "Table",
    "Block",
    "Source",
    "CellRef",
    "Span",
    "Deadline",
    "Task",
    "Metric",
    "Passage",
    "DocInfo",
    "Extraction",
    "ExtractionError",
    "quick_init",
]

_C = TypeVar("_C", bound=type)


def quick_init(cls: _C) -> _C:
    """Give a frozen dataclass an ``__init__`` that stores its fields in one step.

    The ``__init__`` that ``dataclass(frozen=True)`` writes calls ``object.__setattr__`` once per
    field, about three times the cost of storing them at once; a large document makes hundreds
    of thousands of tasks, spans and metrics. The signature, defaults, equality, hashing,
    immutability and ``dataclasses.replace`` are the dataclass's own. Put it above
    ``@dataclass(frozen=True)``; fields with a ``default_factory`` are not supported.
    """
    params: list[str] = []
    namespace: dict[str, Any] = {"_set": object.__setattr__}
    names: list[str] = []
    for f in fields(cls):
        if not f.init:
            raise TypeError(f"quick_init: {cls.__name__}.{f.name} is not an __init__ field")
        if f.default_factory is not MISSING:
            raise TypeError(f"quick_init: {cls.__name__}.{f.name} has a default_factory")
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        names.append(f.name)
    body = ", ".join(f"{n!r}: {n}" for n in names)
    source = f"def __init__(self, {', '.join(params)}):\n    _set(self, '__dict__', {{{body}}})\n"
    exec(source, namespace)  # noqa: S102 - a constructor built from the class's own field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__  # type: ignore[misc]
    cls.__init__ = init  # type: ignore[misc]
    return cls


class ExtractionError(Exception):
    """A document could not be read or understood; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


# ---------------------------------------------------------------------------------------------
# What a reader produces


@dataclass(frozen=True)
class Paragraph:
    """A run of text as the source gives it (a paragraph, a page, or a whole plain-text file)."""

    text: str


@dataclass(frozen=True)
class Table:
    """A real table: rows of cell texts, merged cells already resolved.

    A cell covered by a merge (vertical or horizontal) repeats the text of the merge's top-left
    cell, and ``merged[r][c]`` is True for every cell of the merge but its top-left one.
    """

    rows: tuple[tuple[str, ...], ...]
    merged: tuple[tuple[bool, ...], ...] = ()
    name: str = ""


Block = Paragraph | Table


@dataclass(frozen=True)
class Source:
    """A document as read from a file: its blocks in reading order."""

    name: str
    format: str  # txt | docx | xlsx | html | pdf
    blocks: tuple[Block, ...]
    encoding: str | None = None


# ---------------------------------------------------------------------------------------------
# Provenance


@quick_init
@quick_init
@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into ``Document.text``."""

    start: int
    end: int


@quick_init
@dataclass(frozen=True)
class CellRef:
    """A cell of a table: table index in the document (0-based), row and column (0-based)."""

    table: int
    row: int
    col: int


# ---------------------------------------------------------------------------------------------
# What the extractor finds


@quick_init
@dataclass(frozen=True)
class Deadline:
    """A deadline (完成时限): a month, a year, ongoing (常态化推进), as the text gives it."""

    kind: Literal["month", "year", "ongoing"]
    year: int | None = None
    month: int | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind in ("month", "year"):
            out["year"] = self.year
        if self.kind == "month":
            out["month"] = self.month
        if self.text:
            out["text"] = self.text
        return out


@quick_init
@dataclass(frozen=True)
class Task:
    """One accountable piece of work (重点任务) and the units that answer for it."""

    ref: str | None
    measure: str | None
    text: str
    lead_units: tuple[str, ...]
    co_units: tuple[str, ...]
    deadline: Deadline | None
    span: Span
    cells: tuple[CellRef, ...] = ()
    section: str | None = None  # the top-level heading the task sits under (一、…)
    number: str | None = None  # the task's own number as written ("11")
    confidence: float = 1.0  # how sure the extractor is, 0..1 (extract/confidence.py)
    doubts: tuple[str, ...] = ()  # the reasons for doubt: codes of confidence.Doubt

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ref": self.ref,
            "measure": self.measure,
            "text": self.text,
            "lead_units": list(self.lead_units),
            "co_units": list(self.co_units),
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "span": [self.span.start, self.span.end],
        }
        if self.cells:
            out["cells"] = [[c.table, c.row, c.col] for c in self.cells]
        if self.section:
            out["section"] = self.section
        out["confidence"] = self.confidence
        out["doubts"] = list(self.doubts)
        return out


@quick_init
@dataclass(frozen=True)
class Metric:
    """A quantified target or reported actual (指标), normalised to its base unit."""

    kind: Literal["target", "actual"]
    indicator: str
    value: float
    unit: str
    comparator: str  # one of >=, >, =, ~, <=, <
    year: int | None
    span_text: str
    span: Span
    raw: str = ""  # the figure as written ("28万平方米")
    confidence: float = 1.0  # how sure the extractor is, 0..1 (extract/confidence.py)
    doubts: tuple[str, ...] = ()  # the reasons for doubt: codes of confidence.Doubt

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "kind": self.kind,
            "indicator": self.indicator,
            "value": value,
            "unit": self.unit,
            "comparator": self.comparator,
            "year": self.year,
            "span": self.span_text,
            "offsets": [self.span.start, self.span.end],
            "raw": self.raw,
            "confidence": self.confidence,
            "doubts": list(self.doubts),
        }


@quick_init
@dataclass(frozen=True)
class Passage:
    """A stretch of the document the metric finder reads, with what the layout knows of it.

    ``year_hint`` is the year of the task-table row the passage belongs to (from its deadline
    cell), when there is one; ``heading`` is the nearest heading above it.
    """

    start: int
    end: int
    year_hint: int | None = None
    heading: str | None = None
    ongoing: bool = False  # the row's deadline is 常态化推进 / 长期
    reported: bool = False  # a cell of a progress column (进展情况, 完成情况): figures as they stand


@dataclass(frozen=True)
class DocInfo:
    """What the document says of itself: title, date, period and kind."""

    title: str = ""
    year: int | None = None  # the document's own year (date line, title), else from its file name
    period_start: int | None = None
    period_end: int | None = None
    kind: str = "other"  # plan | measures | work_report | report | table | news | other
    # The year a review of a year reviews (a statistical communique, news of a press conference on
    # a year's results): its figures with no year of their own are actuals of that year.
    reviews: int | None = None
    # The year a plan with no period is written for (a 实施方案 that names no later year and marks
    # no standing rule): its targets with no year of their own are for it.
    written_for: int | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    name: str
    format: str
    text: str
    info: DocInfo
    tasks: tuple[Task, ...]
    metrics: tuple[Metric, ...]
    units: tuple[str, ...] = field(default=())
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.info.title,
            "year": self.info.year,
            "period": [self.info.period_start, self.info.period_end],
            "doc_kind": self.info.kind,
            "tasks": [t.to_dict() for t in self.tasks],
            "metrics": [m.to_dict() for m in self.metrics],
            "units": list(self.units),
        }

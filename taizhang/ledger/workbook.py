"""The ledger as .xlsx workbooks: the task-table export, its round-trip import, and a unit's
offline report workbook (进展报送表).

Every workbook row that stands for a task carries a hidden, signed key (its id and version, or
for a unit's workbook the task, unit and report period), so an upload is matched to the database
row by row and a tampered key is refused. Reading a workbook never writes: the functions here
return plans (what would change, which rows are refused and why); the actions in
``workbook_actions.py`` apply a plan once the person confirms it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext as _

from taizhang.extract.deadlines import parse_deadline
from taizhang.extract.model import Deadline
from taizhang.extract.render import (
    BODY_FONT,
    EMPTY_UNITS,
    HEADER_FILL,
    HEADING_FONT,
    format_deadline,
    format_units,
)
from taizhang.extract.sheets import XLSX_CONTENT_TYPE, save_workbook
from taizhang.units.actions import UnitDirectory
from taizhang.units.models import Unit, UnitStatus

from .models import (
    AssignmentRole,
    DeadlineKind,
    Metric,
    ProgressReport,
    ReportStatus,
    Task,
    TaskAssignment,
    TaskStatus,
)
from .rules import report_period

__all__ = [
    "LEDGER_COLUMNS",
    "UNIT_COLUMNS",
    "WorkbookError",
    "RowProblem",
    "TaskChange",
    "LedgerPlan",
    "UnitEntry",
    "UnitPlan",
    "current_period",
    "section_labels",
    "ledger_workbook",
    "plan_ledger_import",
    "unit_tasks",
    "unit_workbook",
    "plan_unit_upload",
    "XLSX_CONTENT_TYPE",
]


#: The ledger export's columns: the task table, then status and progress, then the hidden key.
LEDGER_COLUMNS: tuple[str, ...] = (
    "序号",
    "主要措施",
    "重点任务",
    "完成时限",
    "牵头单位",
    "协办单位",
    "状态",
    "最新进展",
    "进度(%)",
    "编号",
)
LEDGER_WIDTHS: tuple[float, ...] = (12, 18, 50, 12, 18, 20, 10, 36, 8, 14)
_L_TEXT, _L_DEADLINE, _L_LEAD, _L_CO, _L_KEY = 2, 3, 4, 5, 9

#: A unit's report workbook: read-only task columns, this period's progress (filled in offline),
#: the task's metrics on rows of their own, and the hidden key.
UNIT_COLUMNS: tuple[str, ...] = (
    "序号",
    "重点任务",
    "完成时限",
    "牵头单位",
    "协办单位",
    "本单位职责",
    "报送期次",
    "上次报送进展",
    "上次进度(%)",
    "本期进展情况",
    "本期进度(%)",
    "指标",
    "本期指标值",
    "编号",
)
UNIT_WIDTHS: tuple[float, ...] = (12, 44, 12, 16, 18, 10, 10, 30, 8, 40, 10, 24, 12, 14)
(
    _U_TEXT,
    _U_DEADLINE,
    _U_LEAD,
    _U_CO,
    _U_ROLE,
    _U_PERIOD,
    _U_NARRATIVE,
    _U_PERCENT,
    _U_METRIC,
    _U_METRIC_VALUE,
    _U_KEY,
) = (1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13)
_U_READ_ONLY = (_U_TEXT, _U_DEADLINE, _U_LEAD, _U_CO, _U_ROLE, _U_PERIOD, _U_METRIC)
_U_EDITABLE = (_U_NARRATIVE, _U_PERCENT, _U_METRIC_VALUE)
EDITABLE_FILL = "FFF2CC"

ROLE_LABELS: dict[str, str] = {"lead": "牵头", "co": "协办"}

_LEDGER_SALT = "taizhang.workbook.ledger"
_UNIT_SALT = "taizhang.workbook.unit"

# A top-level heading of a government document at the start of a line.
# Matches: "一、提升政务服务效能", "\t十二、加强组织保障"; must not match: "（一）深化改革", "1.推进".
_SECTION_HEADING = re.compile(
    r"^[ \t\u3000]*(?P<label>[一二三四五六七八九十]+、[^\n]{1,60}?)[ \t\u3000]*$", re.MULTILINE
)

# A title that already names a task table.
# Matches: "《某方案》任务分解表", "《某措施》责任分工表"; must not match: "《某方案》".
_TABLE_TITLE = re.compile(r"^《[^《》]+》\s*(?:任务分解表|任务清单|责任分工表|分工方案)$")

# How units are separated in a cell typed by hand.
# Matches: "、", "，", ";", " / "; must not match: "区商务局".
_UNIT_SPLIT = re.compile(r"\s*[、，,；;/]\s*|\s{2,}|\n")

# A percentage typed by hand. Matches: "85", "85%", " 100 ", "85.0"; must not match: "八十", "1e3".
_PERCENT = re.compile(r"^\s*(?P<number>\d{1,3}(?:\.0+)?)\s*[%％]?\s*$")

# A number typed by hand, thousands separated or not. Matches: "1,200.5", "-3", "95%";
# must not match: "abc", "1.2.3".
_NUMBER = re.compile(r"^\s*(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*[%％]?\s*$")

# Leading characters a cell may carry in front of a task text (e.g. a bullet); kept out of the
# comparison of read-only cells. Matches: " \u3000"; must not match: "推进".
_BLANKS = re.compile(r"[\s\u3000]+")


class WorkbookError(Exception):
    """The upload as a whole cannot be read: not a workbook, too large, or the wrong layout."""


@dataclass(frozen=True)
class RowProblem:
    """Why a row of an upload is refused: its row number on the sheet, the column and the reason."""

    row: int
    column: str
    reason: str


# ---------------------------------------------------------------------------------------------
# Plain helpers


current_period = report_period  # the report period containing a day (see ledger.rules)


def section_labels(text: str) -> list[tuple[int, str]]:
    """The top-level headings (一、…) of a document's text with their offsets, in order."""
    return [(m.start("label"), m.group("label")) for m in _SECTION_HEADING.finditer(text or "")]


def _section_of(labels: Sequence[tuple[int, str]], offset: int | None) -> str | None:
    if offset is None:
        return None
    found = None
    for start, label in labels:
        if start > offset:
            break
        found = label
    return found


def _task_deadline(task: Task) -> str:
    if not task.deadline_kind:
        return task.deadline_text
    kind: Any = task.deadline_kind
    return format_deadline(Deadline(kind, task.deadline_year, task.deadline_month, task.deadline_text))


def _unit_names(task: Task, role: str) -> list[str]:
    return [a.unit.name for a in task.assignments.all() if a.role == role]


def _cell_text(value: Any) -> str:
    """A cell's value as text: numbers without a spurious ``.0``, dates as 年月 (Excel turns a typed
    ``2025年12月`` into a date in some locales)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _same_text(a: str, b: str) -> bool:
    return _BLANKS.sub("", a) == _BLANKS.sub("", b)


def _split_units(cell: str) -> list[str]:
    if cell.strip() in ("", EMPTY_UNITS, "—", "-", "无"):
        return []
    return [name for name in _UNIT_SPLIT.split(cell.strip()) if name]


def _parse_percent(value: Any) -> int | None:
    """An integer 0-100, or None when the cell is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and 0 <= value <= 100 else None
    m = _PERCENT.match(str(value))
    if m is None:
        return None
    number = int(float(m.group("number")))
    return number if 0 <= number <= 100 else None


def _parse_number(value: Any) -> float | int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    m = _NUMBER.match(str(value))
    if m is None:
        return None
    number = float(m.group("number").replace(",", ""))
    return int(number) if number.is_integer() else number


def _format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _metric_label(metric: Metric) -> str:
    target = f"{metric.comparator}{_format_number(metric.value)}{metric.unit}"
    year = f"（{metric.year}年）" if metric.year else ""
    return f"{metric.indicator} {target}{year}"


# ---------------------------------------------------------------------------------------------
# Writing


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "body": Font(name=BODY_FONT, size=11),
        "heading": Font(name=HEADING_FONT, size=11, bold=True),
        "title": Font(name=HEADING_FONT, size=16, bold=True),
        "fill": PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL),
        "editable": PatternFill(fill_type="solid", start_color=EDITABLE_FILL, end_color=EDITABLE_FILL),
        "centre": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
    }


def _sheet(wb: Any, name: str, title: str, columns: Sequence[str], widths: Sequence[float]) -> Any:
    """A sheet with the title row, the header row, widths, A4 landscape and the header repeated."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    s = _styles()
    ws = wb.create_sheet(name)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    last = get_column_letter(len(columns) - 1)  # the hidden key column stays out of the title
    ws.append([title])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font, ws["A1"].alignment = s["title"], s["centre"]
    ws.row_dimensions[1].height = 36
    ws.append(list(columns))
    for c in range(1, len(columns) + 1):
        cell = ws.cell(row=2, column=c)
        cell.font, cell.fill, cell.alignment, cell.border = s["heading"], s["fill"], s["centre"], s["border"]
    ws.row_dimensions[2].height = 22
    ws.column_dimensions[get_column_letter(len(columns))].hidden = True
    ws.print_title_rows = "2:2"
    ws.freeze_panes = "A3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    return ws


def _table_title(title: str) -> str:
    """《title》任务分解表, unless the title already names a task table."""
    title = title.strip()
    if _TABLE_TITLE.match(title):
        return title
    return f"《{title.strip('《》')}》任务分解表"


def _row_height(values: Sequence[str], widths: Sequence[float]) -> float:
    lines = 1
    for text, width in zip(values, widths, strict=False):
        usable = max(int(width) - 1, 1)
        wide = sum(1 if ord(ch) < 0x1100 else 2 for ch in text)
        lines = max(lines, -(-wide // usable))
    return max(20, 15 * lines + 4)


def _sheet_name(title: str, seen: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\《》]", "", title).strip("'")[:28] or "台账"
    name, k = base, 2
    while name.lower() in seen:
        name, k = f"{base[:25]}({k})", k + 1
    seen.add(name.lower())
    return name


def _ledger_key(task: Task) -> str:
    return signing.Signer(salt=_LEDGER_SALT).sign(f"{task.pk}:{task.version}")


def _with_latest_report(queryset: Any, user: Any) -> Any:
    """Annotate each task with its latest report beyond a draft that ``user`` may read."""
    latest = (
        ProgressReport.objects.visible_to(user)
        .filter(task=OuterRef("pk"))
        .exclude(status=ReportStatus.DRAFT)
        .order_by("-period", "-pk")
    )
    return queryset.annotate(
        latest_narrative=Subquery(latest.values("narrative")[:1]),
        latest_period=Subquery(latest.values("period")[:1]),
    )


def ledger_workbook(user: Any, tasks: Any, *, title: str | None = None) -> bytes:
    """The tasks of ``tasks`` (a queryset already limited to what ``user`` may read) as the task
    table, one sheet per policy: section rows, the measure merged over its tasks, status, latest
    progress and the hidden signed key (id and version)."""
    from openpyxl import Workbook

    rows = list(
        _with_latest_report(tasks, user)
        .select_related("policy", "measure")
        .prefetch_related(
            Prefetch(
                "assignments", queryset=TaskAssignment.objects.select_related("unit").order_by("order", "pk")
            )
        )
        .order_by("policy_id", "order", "pk")
    )
    by_policy: dict[int, list[Task]] = defaultdict(list)
    for task in rows:
        by_policy[task.policy_id].append(task)
    s = _styles()
    wb = Workbook()
    default = wb.active
    seen: set[str] = set()
    if not by_policy:
        _sheet(wb, "台账", title or "任务台账", LEDGER_COLUMNS, LEDGER_WIDTHS)
    aligns = [
        s["centre"],
        s["left"],
        s["left"],
        s["centre"],
        s["left"],
        s["left"],
        s["centre"],
        s["left"],
        s["centre"],
    ]
    for policy_tasks in by_policy.values():
        policy = policy_tasks[0].policy
        ws = _sheet(
            wb,
            _sheet_name(policy.title, seen),
            title or _table_title(policy.title),
            LEDGER_COLUMNS,
            LEDGER_WIDTHS,
        )
        labels = section_labels(policy.text)
        merges: list[tuple[int, int]] = []
        r, section = 3, None
        run_start, run_measure = 0, None
        for task in policy_tasks:
            label = _section_of(labels, task.span_start)
            if label is not None and label != section:
                section = label
                ws.cell(row=r, column=1, value=label).font = s["heading"]
                for c in range(1, len(LEDGER_COLUMNS)):
                    cell = ws.cell(row=r, column=c)
                    cell.alignment, cell.border = s["left"], s["border"]
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(LEDGER_COLUMNS) - 1)
                ws.row_dimensions[r].height = 20
                r += 1
                run_measure = None
            latest = ""
            if task.latest_narrative:
                latest = f"{task.latest_period}：{task.latest_narrative}"
            values = [
                task.label,
                task.measure.title if task.measure else "",
                task.text,
                _task_deadline(task),
                format_units(_unit_names(task, AssignmentRole.LEAD)),
                format_units(_unit_names(task, AssignmentRole.CO), EMPTY_UNITS),
                task.get_status_display(),
                latest,
                task.progress,
                _ledger_key(task),
            ]
            if task.measure_id is not None and task.measure_id == run_measure:
                values[1] = ""
                merges.append((run_start, r))
            else:
                run_start, run_measure = r, task.measure_id
            for c, value in enumerate(values, start=1):
                cell = ws.cell(row=r, column=c, value=value)
                cell.font, cell.border = s["body"], s["border"]
                cell.alignment = aligns[c - 1] if c <= len(aligns) else s["left"]
            ws.row_dimensions[r].height = _row_height(
                [str(v) if i != 1 else "" for i, v in enumerate(values[:-1])], LEDGER_WIDTHS
            )
            r += 1
        spans: dict[int, int] = {}
        for start, end in merges:
            spans[start] = max(spans.get(start, start), end)
        for start, end in spans.items():
            ws.merge_cells(start_row=start, start_column=2, end_row=end, end_column=2)
    wb.remove(default)
    out = io.BytesIO()
    save_workbook(wb, out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading


def _open(data: bytes, columns: Sequence[str]) -> list[tuple[int, tuple[Any, ...]]]:
    """The rows (with their sheet row numbers) under the header of every sheet laid out as
    ``columns``; WorkbookError when the file is not such a workbook."""
    from openpyxl import load_workbook

    limit = settings.TAIZHANG_MAX_UPLOAD_BYTES
    if not data:
        raise WorkbookError(_("The file is empty."))
    if len(data) > limit:
        raise WorkbookError(_("The file is larger than %(mb)d MB.") % {"mb": limit // (1024 * 1024)})
    if not data.startswith(b"PK\x03\x04"):
        raise WorkbookError(_("The file is not an .xlsx workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # A small archive that unpacks to gigabytes would exhaust memory: refuse it first.
            if sum(info.file_size for info in archive.infolist()) > 20 * limit:
                raise WorkbookError(_("The workbook unpacks to more data than allowed."))
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except WorkbookError:
        raise
    except Exception:
        raise WorkbookError(_("The file is not an .xlsx workbook.")) from None
    found: list[tuple[int, tuple[Any, ...]]] = []
    matched = False
    try:
        for ws in wb.worksheets:
            header_row = None
            for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = tuple(values)
                if header_row is None:
                    if number > 5:
                        break
                    names = tuple(_cell_text(v) for v in cells[: len(columns)])
                    if names == tuple(columns):
                        header_row = number
                        matched = True
                    continue
                padded = cells + (None,) * (len(columns) - len(cells))
                if any(v not in (None, "") for v in padded):
                    found.append((number, padded[: len(columns)]))
    finally:
        wb.close()
    if not matched:
        raise WorkbookError(
            _("No sheet has the expected header row: %(columns)s.") % {"columns": " / ".join(columns)}
        )
    return found


@dataclass(frozen=True)
class TaskChange:
    """The changes a round-trip upload makes to one task, as shown before confirmation."""

    row: int
    task_id: int
    seen_version: int
    label: str
    diffs: tuple[tuple[str, str, str], ...]  # (column, before, after)
    text: str | None = None
    deadline: tuple[str, int | None, int | None, str] | None = None
    lead: tuple[int, ...] | None = None
    co: tuple[int, ...] | None = None

    def to_session(self) -> dict[str, Any]:
        return {
            "task": self.task_id,
            "version": self.seen_version,
            "text": self.text,
            "deadline": list(self.deadline) if self.deadline else None,
            "lead": list(self.lead) if self.lead is not None else None,
            "co": list(self.co) if self.co is not None else None,
        }


@dataclass(frozen=True)
class LedgerPlan:
    """What re-importing a ledger workbook would do: changes, refused rows, unchanged count."""

    changes: tuple[TaskChange, ...]
    problems: tuple[RowProblem, ...]
    unchanged: int


def _unpack_ledger_key(value: Any) -> tuple[int, int] | None:
    try:
        raw = signing.Signer(salt=_LEDGER_SALT).unsign(_cell_text(value))
        task_id, version = raw.split(":")
        return int(task_id), int(version)
    except (signing.BadSignature, ValueError):
        return None


def _resolve_units(
    names: Iterable[str], directory: UnitDirectory, row: int, column: str, problems: list[RowProblem]
) -> tuple[int, ...] | None:
    ids: list[int] = []
    ok = True
    for name in names:
        unit = directory.find(name)
        if unit is None:
            problems.append(
                RowProblem(row, column, _("Unknown unit “%(name)s”: add it in Units first.") % {"name": name})
            )
            ok = False
        elif unit.status != UnitStatus.CONFIRMED or unit.merged_into_id is not None:
            problems.append(RowProblem(row, column, _("Unit “%(name)s” is not confirmed.") % {"name": name}))
            ok = False
        elif unit.pk not in ids:
            ids.append(unit.pk)
    return tuple(ids) if ok else None


def plan_ledger_import(user: Any, data: bytes) -> LedgerPlan:
    """Compare an uploaded ledger workbook with the database, row by row, without writing.

    Rows are matched by their hidden signed key; a row whose key is missing or tampered with, whose
    task ``user`` cannot read, or whose task changed since the export is refused. Only the task
    text, the deadline and the units are compared; status and progress columns are information.
    """
    rows = _open(data, LEDGER_COLUMNS)
    problems: list[RowProblem] = []
    keyed: list[tuple[int, tuple[Any, ...], int, int]] = []
    for number, cells in rows:
        key = cells[_L_KEY]
        if key in (None, "") and not _cell_text(cells[_L_TEXT]):
            continue  # a section row
        unpacked = _unpack_ledger_key(key)
        if unpacked is None:
            problems.append(
                RowProblem(number, "编号", _("The hidden key of this row is missing or was altered."))
            )
            continue
        keyed.append((number, cells, *unpacked))
    tasks = {
        t.pk: t
        for t in Task.objects.visible_to(user)
        .filter(pk__in=[k[2] for k in keyed])
        .prefetch_related(
            Prefetch(
                "assignments", queryset=TaskAssignment.objects.select_related("unit").order_by("order", "pk")
            )
        )
    }
    directory: UnitDirectory | None = None
    changes: list[TaskChange] = []
    unchanged = 0
    for number, cells, task_id, version in keyed:
        task = tasks.get(task_id)
        if task is None:
            problems.append(RowProblem(number, "编号", _("No such task, or you may not read it.")))
            continue
        text = _cell_text(cells[_L_TEXT])
        deadline_cell = _cell_text(cells[_L_DEADLINE])
        lead_names = _split_units(_cell_text(cells[_L_LEAD]))
        co_names = _split_units(_cell_text(cells[_L_CO]))
        now_lead = _unit_names(task, AssignmentRole.LEAD)
        now_co = _unit_names(task, AssignmentRole.CO)
        diffs: list[tuple[str, str, str]] = []
        row_problems: list[RowProblem] = []
        new_text = new_deadline = new_lead = new_co = None
        if not _same_text(text, task.text):
            if not text:
                row_problems.append(RowProblem(number, "重点任务", _("The task text may not be empty.")))
            diffs.append(("重点任务", task.text, text))
            new_text = text
        if not _same_text(deadline_cell, _task_deadline(task)):
            diffs.append(("完成时限", _task_deadline(task), deadline_cell))
            parsed = parse_deadline(deadline_cell) if deadline_cell else None
            if deadline_cell and parsed is None:
                row_problems.append(RowProblem(number, "完成时限", _("The deadline is not understood.")))
            elif task.status != TaskStatus.DRAFT:
                row_problems.append(
                    RowProblem(
                        number,
                        "完成时限",
                        _("An assigned task's deadline changes only through an extension."),
                    )
                )
            else:
                new_deadline = (
                    (
                        parsed.kind,
                        parsed.year if parsed.kind != "ongoing" else None,
                        parsed.month if parsed.kind == "month" else None,
                        deadline_cell[:100],
                    )
                    if parsed
                    else (DeadlineKind.NONE.value, None, None, "")
                )
        units_changed = [name_set(lead_names) != name_set(now_lead), name_set(co_names) != name_set(now_co)]
        if any(units_changed):
            directory = directory or UnitDirectory(user)
            if units_changed[0]:
                diffs.append(("牵头单位", format_units(now_lead), format_units(lead_names)))
            if units_changed[1]:
                diffs.append(
                    ("协办单位", format_units(now_co, EMPTY_UNITS), format_units(co_names, EMPTY_UNITS))
                )
            new_lead = _resolve_units(lead_names, directory, number, "牵头单位", row_problems)
            new_co = _resolve_units(co_names, directory, number, "协办单位", row_problems)
            if not lead_names:
                row_problems.append(RowProblem(number, "牵头单位", _("A task needs at least one lead unit.")))
            if task.status == TaskStatus.CLOSED:
                row_problems.append(RowProblem(number, "牵头单位", _("A closed task cannot be reassigned.")))
        if not diffs:
            unchanged += 1
            continue
        if version != task.version:
            row_problems.append(
                RowProblem(
                    number, "编号", _("The task was changed by someone else after the export: export again.")
                )
            )
        if row_problems:
            problems.extend(row_problems)
            continue
        changes.append(
            TaskChange(
                row=number,
                task_id=task.pk,
                seen_version=version,
                label=task.label,
                diffs=tuple(diffs),
                text=new_text,
                deadline=new_deadline,
                lead=new_lead if any(units_changed) else None,
                co=new_co if any(units_changed) else None,
            )
        )
    return LedgerPlan(tuple(changes), tuple(problems), unchanged)


def name_set(names: Iterable[str]) -> frozenset[str]:
    """Names compared as the unit directory matches them (script- and blank-insensitive)."""
    from taizhang.units.actions import name_key

    return frozenset(name_key(n) for n in names)


# ---------------------------------------------------------------------------------------------
# A unit's report workbook


def unit_tasks(user: Any, unit: Unit) -> Any:
    """The tasks ``unit`` leads or helps with that can take a report, as ``user`` may read them."""
    return (
        Task.objects.visible_to(user)
        .filter(assignments__unit=unit)
        .filter(status__in=(TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS))
        .select_related("policy")
        .prefetch_related(
            Prefetch(
                "assignments", queryset=TaskAssignment.objects.select_related("unit").order_by("order", "pk")
            ),
            Prefetch("metrics", queryset=Metric.objects.order_by("pk")),
        )
        .order_by("policy_id", "order", "pk")
    )


def _unit_key(kind: str, *parts: Any) -> str:
    return signing.Signer(salt=_UNIT_SALT).sign(":".join([kind, *map(str, parts)]))


def _latest_reports(unit: Unit, task_ids: Iterable[int]) -> dict[int, list[ProgressReport]]:
    """The unit's reports on the tasks, newest first per task."""
    out: dict[int, list[ProgressReport]] = defaultdict(list)
    for report in ProgressReport.objects.filter(unit=unit, task_id__in=list(task_ids)).order_by(
        "task_id", "-period", "-pk"
    ):
        out[report.task_id].append(report)
    return out


def _role_of_unit(task: Task, unit_id: int) -> str | None:
    for a in task.assignments.all():
        if a.unit_id == unit_id:
            return str(a.role)
    return None


def _unit_cells(task: Task, unit_id: int, period: str) -> dict[int, str]:
    """The read-only cells of a task row as the workbook shows them."""
    role = _role_of_unit(task, unit_id)
    return {
        _U_TEXT: task.text,
        _U_DEADLINE: _task_deadline(task),
        _U_LEAD: format_units(_unit_names(task, AssignmentRole.LEAD)),
        _U_CO: format_units(_unit_names(task, AssignmentRole.CO), EMPTY_UNITS),
        _U_ROLE: ROLE_LABELS.get(role or "", ""),
        _U_PERIOD: period,
    }


def unit_workbook(user: Any, unit: Unit, today: dt.date) -> bytes:
    """The report workbook of ``unit``: its tasks (lead and co) with the last report, this period's
    cells to fill in (pre-filled from a draft of this period), and one row per metric of a task the
    unit leads."""
    from openpyxl import Workbook

    tasks = list(unit_tasks(user, unit))
    reports = _latest_reports(unit, [t.pk for t in tasks])
    s = _styles()
    wb = Workbook()
    default = wb.active
    ws = _sheet(
        wb, "进展报送", f"{unit.name}进展报送表（{today:%Y年%m月%d日}导出）", UNIT_COLUMNS, UNIT_WIDTHS
    )
    r = 3
    for task in tasks:
        period = current_period(task.policy.report_cadence, today)
        role = _role_of_unit(task, unit.pk)
        history = reports.get(task.pk, [])
        this = next((rep for rep in history if rep.period == period), None)
        last = next((rep for rep in history if rep is not this), None)
        values: dict[int, Any] = {0: task.label, **_unit_cells(task, unit.pk, period)}
        if last is not None:
            values[7] = f"{last.period}：{last.narrative}" if last.narrative else last.period
            values[8] = last.percent
        if this is not None and role == AssignmentRole.LEAD:
            values[_U_NARRATIVE] = this.narrative
            values[_U_PERCENT] = this.percent
        values[_U_KEY] = _unit_key("t", task.pk, unit.pk, period)
        _write_unit_row(
            ws,
            r,
            values,
            s,
            editable=(_U_NARRATIVE, _U_PERCENT) if role == AssignmentRole.LEAD else (_U_NARRATIVE,),
        )
        r += 1
        if role != AssignmentRole.LEAD:
            continue
        for metric in task.metrics.all():
            mvalues: dict[int, Any] = {_U_METRIC: _metric_label(metric), _U_PERIOD: period}
            if this is not None and str(metric.pk) in (this.metric_values or {}):
                mvalues[_U_METRIC_VALUE] = this.metric_values[str(metric.pk)]
            mvalues[_U_KEY] = _unit_key("m", metric.pk, task.pk, unit.pk, period)
            _write_unit_row(ws, r, mvalues, s, editable=(_U_METRIC_VALUE,))
            r += 1
    wb.remove(default)
    out = io.BytesIO()
    save_workbook(wb, out)
    return out.getvalue()


def _write_unit_row(
    ws: Any, r: int, values: dict[int, Any], s: dict[str, Any], *, editable: Sequence[int]
) -> None:
    for c in range(len(UNIT_COLUMNS)):
        cell = ws.cell(row=r, column=c + 1, value=values.get(c))
        cell.font, cell.border = s["body"], s["border"]
        cell.alignment = (
            s["centre"] if c in (0, _U_DEADLINE, _U_ROLE, _U_PERIOD, 8, _U_PERCENT) else s["left"]
        )
        if c in editable:
            cell.fill = s["editable"]
    ws.row_dimensions[r].height = _row_height(
        [_cell_text(values.get(c)) for c in range(len(UNIT_COLUMNS) - 1)], UNIT_WIDTHS
    )


@dataclass
class UnitEntry:
    """One task of an upload: what the unit's report (or co-unit contribution) would become."""

    row: int
    task: Task
    role: str
    period: str
    narrative: str = ""
    percent: int | None = None
    metric_values: dict[str, Any] = field(default_factory=dict)
    metric_rows: dict[str, int] = field(default_factory=dict)
    report: ProgressReport | None = None  # this period's report of the unit (lead), if any
    lead_report: ProgressReport | None = None  # the lead unit's report a contribution goes to
    last: ProgressReport | None = None  # the unit's latest report before this period
    action: str = ""  # "create", "update", "contribute" or "unchanged"
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def metric_labels(self) -> list[tuple[str, Any]]:
        """The metric values with their indicators' names, for the preview."""
        names = {str(m.pk): m.indicator for m in self.task.metrics.all()}
        return [(names.get(key, key), value) for key, value in self.metric_values.items()]

    def to_session(self) -> dict[str, Any]:
        return {
            "task": self.task.pk,
            "role": self.role,
            "period": self.period,
            "narrative": self.narrative,
            "percent": self.percent,
            "metric_values": self.metric_values,
            "report": self.report.pk if self.report else None,
            "report_version": self.report.version if self.report else None,
            "lead_report": self.lead_report.pk if self.lead_report else None,
        }


@dataclass(frozen=True)
class UnitPlan:
    """What filing an uploaded report workbook would do."""

    entries: tuple[UnitEntry, ...]
    problems: tuple[RowProblem, ...]

    @property
    def to_file(self) -> list[UnitEntry]:
        return [e for e in self.entries if not e.problems and e.action in ("create", "update", "contribute")]

    @property
    def unchanged(self) -> int:
        return sum(1 for e in self.entries if not e.problems and e.action == "unchanged")

    @property
    def drafts(self) -> list[ProgressReport]:
        """This period's reports left as drafts (or returned) that the upload does not change:
        filing the upload as submitted submits them too."""
        return [
            e.report
            for e in self.entries
            if not e.problems and e.action == "unchanged" and e.report is not None and e.report.is_editable
        ]


def _unpack_unit_key(value: Any) -> list[str] | None:
    try:
        return signing.Signer(salt=_UNIT_SALT).unsign(_cell_text(value)).split(":")
    except signing.BadSignature:
        return None


def plan_unit_upload(user: Any, unit: Unit, data: bytes) -> UnitPlan:
    """Check every row of a unit's filled-in report workbook against the database, without writing.

    A row is refused (row number, column, reason) when its key is missing or altered, its task is
    not one of ``unit``'s open tasks, a read-only cell was edited, the percent is not an integer
    0-100 or a metric value not a number. A task whose row or any of its metric rows is refused is
    not filed; every other task of the upload still can be.
    """
    rows = _open(data, UNIT_COLUMNS)
    problems: list[RowProblem] = []
    parsed: list[tuple[int, tuple[Any, ...], list[str]]] = []
    for number, cells in rows:
        parts = _unpack_unit_key(cells[_U_KEY])
        if parts is None or parts[0] not in ("t", "m"):
            problems.append(
                RowProblem(number, "编号", _("The hidden key of this row is missing or was altered."))
            )
            continue
        parsed.append((number, cells, parts))
    task_ids = {int(p[1]) for _n, _c, p in parsed if p[0] == "t"} | {
        int(p[2]) for _n, _c, p in parsed if p[0] == "m"
    }
    tasks = {t.pk: t for t in unit_tasks(user, unit).filter(pk__in=task_ids)}
    reports = _latest_reports(unit, tasks)
    entries: dict[int, UnitEntry] = {}
    for number, cells, parts in parsed:
        if parts[0] == "t":
            task_id, unit_id, period = int(parts[1]), int(parts[2]), parts[3]
        else:
            task_id, unit_id, period = int(parts[2]), int(parts[3]), parts[4]
        task = tasks.get(task_id)
        if unit_id != unit.pk or task is None:
            problems.append(RowProblem(number, "编号", _("This row is not one of your unit's open tasks.")))
            continue
        role = _role_of_unit(task, unit.pk) or ""
        if parts[0] == "t":
            entry = _task_row(number, cells, task, role, period, unit, reports.get(task.pk, []))
            if task_id in entries:
                entry.problems.append(RowProblem(number, "编号", _("The task appears twice in the upload.")))
            entries[task_id] = entry
            continue
        entry = entries.get(task_id)
        metric = next((m for m in task.metrics.all() if m.pk == int(parts[1])), None)
        if entry is None or metric is None or entry.period != period:
            problems.append(RowProblem(number, "编号", _("This metric row is not under its task's row.")))
            continue
        if not _same_text(_cell_text(cells[_U_METRIC]), _metric_label(metric)):
            entry.problems.append(RowProblem(number, "指标", _("Read-only cell was changed.")))
        raw = cells[_U_METRIC_VALUE]
        if raw in (None, ""):
            continue
        value = _parse_number(raw)
        if value is None:
            entry.problems.append(
                RowProblem(
                    number, "本期指标值", _("“%(value)s” is not a number.") % {"value": _cell_text(raw)}
                )
            )
            continue
        entry.metric_values[str(metric.pk)] = value
        entry.metric_rows[str(metric.pk)] = number
    for entry in entries.values():
        _decide(entry)
        problems.extend(entry.problems)
    problems.sort(key=lambda p: p.row)
    return UnitPlan(tuple(sorted(entries.values(), key=lambda e: e.row)), tuple(problems))


def _task_row(
    number: int,
    cells: tuple[Any, ...],
    task: Task,
    role: str,
    period: str,
    unit: Unit,
    history: list[ProgressReport],
) -> UnitEntry:
    entry = UnitEntry(row=number, task=task, role=role, period=period)
    entry.report = next((rep for rep in history if rep.period == period), None)
    entry.last = next((rep for rep in history if rep is not entry.report), None)
    for column, expected in _unit_cells(task, unit.pk, period).items():
        if not _same_text(_cell_text(cells[column]), expected):
            entry.problems.append(
                RowProblem(
                    number, UNIT_COLUMNS[column], _("Read-only cell was changed; it must stay as downloaded.")
                )
            )
    entry.narrative = _cell_text(cells[_U_NARRATIVE])
    raw = cells[_U_PERCENT]
    if role == AssignmentRole.LEAD:
        if raw not in (None, ""):
            entry.percent = _parse_percent(raw)
            if entry.percent is None:
                entry.problems.append(
                    RowProblem(
                        number,
                        "本期进度(%)",
                        _("“%(value)s” is not a whole number from 0 to 100.") % {"value": _cell_text(raw)},
                    )
                )
    elif raw not in (None, ""):
        entry.problems.append(
            RowProblem(number, "本期进度(%)", _("A co-unit reports no percent; the lead unit does."))
        )
    return entry


def _decide(entry: UnitEntry) -> None:
    """What filing the entry would do, or why it cannot be filed."""
    if entry.role == AssignmentRole.CO:
        if not entry.narrative:
            entry.action = "unchanged"
            return
        lead = (
            ProgressReport.objects.filter(task=entry.task, period=entry.period)
            .filter(
                unit_id__in=[a.unit_id for a in entry.task.assignments.all() if a.role == AssignmentRole.LEAD]
            )
            .filter(status__in=(ReportStatus.DRAFT, ReportStatus.RETURNED, ReportStatus.SUBMITTED))
            .first()
        )
        if lead is None:
            entry.problems.append(
                RowProblem(
                    entry.row,
                    "本期进展情况",
                    _("The lead unit has no open report for this period to add to yet."),
                )
            )
        entry.lead_report = lead
        entry.action = "contribute"
        return
    report = entry.report
    has_values = bool(entry.narrative) or entry.percent is not None or bool(entry.metric_values)
    if report is None:
        if not has_values:
            entry.action = "unchanged"
            return
        if entry.percent is None and not entry.problems:
            entry.problems.append(RowProblem(entry.row, "本期进度(%)", _("Give the percent complete.")))
        entry.action = "create"
        return
    if entry.percent is None and not entry.problems:
        entry.percent = report.percent
    merged = {**(report.metric_values or {}), **entry.metric_values}
    if (
        entry.narrative == report.narrative
        and entry.percent == report.percent
        and merged == (report.metric_values or {})
    ):
        entry.action = "unchanged"
        return
    entry.metric_values = merged
    if not report.is_editable:
        entry.problems.append(
            RowProblem(
                entry.row,
                "报送期次",
                _("This period's report is already %(status)s and can no longer be changed.")
                % {"status": report.get_status_display()},
            )
        )
    entry.action = "update"

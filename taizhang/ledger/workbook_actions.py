"""The writes of the workbook flows: applying a confirmed ledger import, filing a confirmed unit
report workbook. Both go through the ledger's actions (so every permission check, version check
and history row is theirs) and run in one transaction: all of an upload is filed, or none of it.

The plans they take were built by :mod:`taizhang.ledger.workbook` and kept server-side (in the
session) between the preview and the confirmation; the actions re-check everything they write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from taizhang.core.concurrency import ConcurrentEditError
from taizhang.core.once import claim_once
from taizhang.units.models import Unit

from .access import can_import_ledger_workbook
from .actions import do_add_contribution, do_reassign_task, do_save_report, do_submit_report, do_update_task
from .models import AssignmentRole, ProgressReport, Task

__all__ = ["do_apply_ledger_import", "do_file_unit_workbook"]


def do_apply_ledger_import(
    user: Any, changes: Sequence[Mapping[str, Any]], *, once: str | None = None
) -> int:
    """Apply the confirmed changes of a ledger re-import (supervisor): task texts, draft deadlines,
    units. Each task is edited at the version it was exported at, so a task changed since refuses
    the whole import (ConcurrentEditError). ``once``: the preview's token, claimed in the same
    transaction, so the preview is applied once (AlreadyConfirmed after). Returns the number of
    tasks changed."""
    can_import_ledger_workbook(user).check()
    with transaction.atomic():
        if once is not None:
            claim_once("workbook.ledger", once, user)
        for change in changes:
            task = Task.objects.get(pk=int(change["task"]))
            edits: dict[str, Any] = {}
            if change.get("text") is not None:
                edits["text"] = change["text"]
            if change.get("deadline") is not None:
                kind, year, month, text = change["deadline"]
                edits.update(deadline_kind=kind, deadline_year=year, deadline_month=month, deadline_text=text)
            if edits:
                task = do_update_task(user, task, seen_version=int(change["version"]), **edits)
            elif Task.objects.select_for_update().get(pk=task.pk).version != int(change["version"]):
                raise ConcurrentEditError(task, {"version": task.version})
            if change.get("lead") is not None:
                lead = _units(change["lead"])
                co = _units(change.get("co") or [])
                do_reassign_task(user, task, lead=lead, co=co)
    return len(changes)


def _units(ids: Sequence[int]) -> list[Unit]:
    found = {u.pk: u for u in Unit.objects.filter(pk__in=list(ids))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError({"units": gettext("Unit %(unit)s no longer exists") % {"unit": missing[0]}})
    return [found[i] for i in ids]


def do_file_unit_workbook(
    user: Any,
    entries: Sequence[Mapping[str, Any]],
    *,
    submit: bool,
    drafts: Sequence[Mapping[str, Any]] = (),
    once: str | None = None,
) -> list[Any]:
    """File a unit's confirmed report workbook: each lead row becomes this period's report (created,
    or the draft edited at the version previewed), submitted when ``submit``; each co-unit row
    becomes a contribution to the lead unit's report. With ``submit`` the unchanged drafts of the
    upload (``{"report": id, "version": v}``) are submitted too, unless changed since the preview.
    ``once``: the preview's token, claimed in the same transaction, so a double click or concurrent
    posts file it once (AlreadyConfirmed after). Returns the reports and contributions filed."""
    filed: list[Any] = []
    with transaction.atomic():
        if once is not None:
            claim_once("workbook.unit", once, user)
        if submit:
            for draft in drafts:
                report = ProgressReport.objects.get(pk=int(draft["report"]))
                if report.version != int(draft["version"]):
                    raise ConcurrentEditError(report, {"version": report.version})
                filed.append(do_submit_report(user, report))
        for entry in entries:
            task = Task.objects.get(pk=int(entry["task"]))
            if entry["role"] == AssignmentRole.CO:
                lead_report = ProgressReport.objects.get(pk=int(entry["lead_report"]))
                filed.append(do_add_contribution(user, lead_report, text=entry["narrative"]))
                continue
            existing = None
            if entry.get("report") is not None:
                existing = ProgressReport.objects.get(pk=int(entry["report"]))
            report = do_save_report(
                user,
                task=task,
                period=entry["period"],
                narrative=entry["narrative"],
                percent=int(entry["percent"]),
                metric_values=entry.get("metric_values") or {},
                report=existing,
                seen_version=entry.get("report_version"),
            )
            if submit:
                report = do_submit_report(user, report)
            filed.append(report)
    return filed

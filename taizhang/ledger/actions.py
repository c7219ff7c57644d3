"""Every write to the ledger, as ``do_<verb>_<noun>``.

Each action checks the user's right to act, runs in one transaction and writes history rows.
Refusals are ``PermissionDenied`` (who may act) or ``ValidationError`` naming the field (what is
wrong); a stale edit raises :class:`~taizhang.core.concurrency.ConcurrentEditError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.accounts.access import unit_id_of
from taizhang.core.concurrency import save_versioned
from taizhang.core.history import record, snapshot
from taizhang.policies.access import can_restructure_policy
from taizhang.policies.models import Measure
from taizhang.units.access import can_expand_collective
from taizhang.units.models import Unit, UnitStatus

from .access import (
    can_accept_report,
    can_acknowledge_task,
    can_add_attachment,
    can_add_contribution,
    can_approve_report,
    can_close_task,
    can_correct_task,
    can_create_report,
    can_decide_extension,
    can_delete_attachment,
    can_edit_report,
    can_edit_task,
    can_reassign_task,
    can_request_extension,
    can_return_report,
    can_return_report_to_officer,
    can_return_task,
    can_submit_report,
)
from .models import (
    AssignmentRole,
    Attachment,
    DeadlineKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    ReportContribution,
    ReportStatus,
    Task,
    TaskAssignment,
    TaskStatus,
    check_deadline,
)
from .references import next_reference, position_reference
from .signals import refreshes, result_tasks, task_arg, task_of_arg

__all__ = [
    "do_update_task",
    "do_acknowledge_task",
    "do_return_task",
    "do_reassign_task",
    "do_request_extension",
    "do_decide_extension",
    "do_save_report",
    "do_submit_report",
    "do_approve_report",
    "do_accept_report",
    "do_return_report",
    "do_return_report_to_officer",
    "do_add_contribution",
    "do_add_attachment",
    "do_delete_attachment",
    "do_close_task",
    "do_create_task",
    "do_split_task",
    "do_merge_tasks",
    "do_expand_collective",
    "move_unit_rows",
]

TASK_EDIT_FIELDS = (
    "ref",
    "text",
    "measure",
    "weight",
    "deadline_kind",
    "deadline_year",
    "deadline_month",
    "deadline_text",
)
REPORT_FIELDS = ["narrative", "percent", "metric_values", "status", "comments"]


def _unit_tasks(args: tuple[Any, ...], kwargs: dict[str, Any], result: Any) -> Iterable[int]:
    """The tasks the merged-into unit (third argument) is named on after a merge."""
    return TaskAssignment.objects.filter(unit=args[2]).values_list("task_id", flat=True)


def _lock_task(task: Task) -> Task:
    return Task.objects.select_for_update().get(pk=task.pk)


def _lock_report(report: ProgressReport) -> ProgressReport:
    return ProgressReport.objects.select_for_update().select_related("task").get(pk=report.pk)


def _assignment_of(user: Any, task: Task) -> TaskAssignment:
    """The user's unit's assignment on ``task`` (the access rule said it has one)."""
    return TaskAssignment.objects.get(task=task, unit_id=unit_id_of(user))


def _references_of(policy_id: int, but: int | None = None) -> set[str]:
    """The references the tasks of a policy already have (but task ``but``)."""
    return set(Task.objects.filter(policy_id=policy_id).exclude(pk=but).values_list("reference", flat=True))


@refreshes(task_arg)
def do_update_task(user: Any, task: Task, *, seen_version: int, **changes: Any) -> Task:
    """Edit a task's text, reference, measure, weight or deadline (supervisor), refusing a stale edit.

    The deadline changes only through an extension once the task is assigned; a draft's deadline
    may be corrected freely.
    """
    can_edit_task(user, task).check_person()
    unknown = set(changes) - set(TASK_EDIT_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: gettext("This field cannot be changed here")})
    with transaction.atomic():
        current = _lock_task(task)
        can_edit_task(user, current).check()
        if current.status != TaskStatus.DRAFT and {"deadline_kind", "deadline_year", "deadline_month"} & set(
            changes
        ):
            raise ValidationError(
                {
                    "deadline_kind": gettext(
                        "The deadline of an assigned task changes only through an extension request"
                    )
                }
            )
        if "measure" in changes and changes["measure"] is not None:
            measure = changes["measure"]
            if not isinstance(measure, Measure) or measure.policy_id != current.policy_id:
                raise ValidationError(
                    {"measure": gettext("The main measure must belong to the same policy document")}
                )
        if "ref" in changes and current.status == TaskStatus.DRAFT and changes["ref"] != current.ref:
            # A draft's number corrected on the review screen: its reference follows (nobody
            # outside the supervisor has seen it yet); an assigned task's reference stays.
            taken = _references_of(current.policy_id, but=current.pk)
            changes = {**changes, "reference": next_reference(changes["ref"] or current.reference, taken)}
        candidate = Task.objects.get(pk=current.pk)
        for name, value in changes.items():
            setattr(candidate, name, value)
        candidate.full_clean(exclude=["policy"])
        before = snapshot(current, list(changes))
        save_versioned(current, seen_version, changes)
        record(user, current, "update_task", before=before, after=snapshot(current, list(changes)))
    return current


@refreshes(task_arg)
def do_acknowledge_task(user: Any, task: Task) -> TaskAssignment:
    """A unit leader or officer acknowledges (签收) the task for his unit; again, nothing changes."""
    with transaction.atomic():
        task = _lock_task(task)
        decision = can_acknowledge_task(user, task)
        if not decision:
            mine = TaskAssignment.objects.filter(task=task, unit_id=unit_id_of(user)).first()
            if mine is not None and mine.acknowledged_at is not None and task.status != TaskStatus.CLOSED:
                return mine  # acknowledged already: nothing to do
            decision.check()
        assignment = _assignment_of(user, task)
        assignment.acknowledged_at = timezone.now()
        assignment.returned_reason = ""
        assignment.save(update_fields=["acknowledged_at", "returned_reason"])
        if assignment.role == AssignmentRole.LEAD and task.status == TaskStatus.ASSIGNED:
            task.status = TaskStatus.ACKNOWLEDGED
            task.version += 1
            task.save(update_fields=["status", "version"])
        record(
            user,
            assignment,
            "acknowledge_task",
            task_id=task.pk,
            after={"unit": assignment.unit_id, "acknowledged_at": assignment.acknowledged_at},
        )
    return assignment


@refreshes(task_arg)
def do_return_task(user: Any, task: Task, *, reason: str) -> Task:
    """A unit sends a task back to the supervisor (不属于本单位职责), with its reason."""
    with transaction.atomic():
        task = _lock_task(task)
        can_return_task(user, task).check()
        if not reason or not reason.strip():
            raise ValidationError({"reason": gettext("Returning a task needs a reason")})
        assignment = _assignment_of(user, task)
        assignment.returned_reason = reason.strip()
        assignment.acknowledged_at = None
        assignment.save(update_fields=["returned_reason", "acknowledged_at"])
        before = {"status": task.status}
        task.status = TaskStatus.RETURNED_TO_SUPERVISOR
        task.version += 1
        task.save(update_fields=["status", "version"])
        record(
            user,
            task,
            "return_task",
            before=before,
            after={"status": task.status, "unit": assignment.unit_id, "reason": assignment.returned_reason},
        )
    return task


@refreshes(task_arg)
def do_reassign_task(user: Any, task: Task, *, lead: Iterable[Unit], co: Iterable[Unit] = ()) -> Task:
    """The supervisor sets a task's lead and co-units anew; an assigned task goes back to 已交办."""
    can_reassign_task(user, task).check_person()
    leads, cos = list(lead), list(co)
    _check_units(leads, cos)
    with transaction.atomic():
        task = _lock_task(task)
        can_reassign_task(user, task).check()
        before = {"units": _units_of(task)}
        task.assignments.all().delete()
        seen: set[int] = set()
        for role, units in ((AssignmentRole.LEAD, leads), (AssignmentRole.CO, cos)):
            for order, unit in enumerate(units):
                if unit.pk not in seen:
                    seen.add(unit.pk)
                    TaskAssignment.objects.create(task=task, unit=unit, role=role, order=order)
        if task.status != TaskStatus.DRAFT:
            task.status = TaskStatus.ASSIGNED
            task.assigned_at = timezone.now()
        task.version += 1
        task.save(update_fields=["status", "assigned_at", "version"])
        record(user, task, "reassign_task", before=before, after={"units": _units_of(task)})
    return task


@refreshes(lambda args, kwargs, result: [result[0].pk])
def correct_task(
    user: Any,
    task: Task,
    *,
    reason: str,
    deadline: tuple[str, int | None, int | None] | None = None,
    lead: Sequence[Unit] | None = None,
) -> tuple[Task, set[int]]:
    """The ledger's write of a supervisor's correction after 交办 (``supervision.actions.do_correct_task``
    tells the units): a new ``deadline`` (kind, year, month) and/or new ``lead`` units (the co-units
    stay), with a required ``reason`` kept in history. The first deadline is kept as the original,
    as an extension does. Returns the task and the ids of the lead units before and after."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext("Please give the reason for the correction")})
    if deadline is None and lead is None:
        raise ValidationError({"deadline": gettext("Please correct the deadline or the lead unit")})
    leads = list(dict.fromkeys(lead)) if lead is not None else None
    if leads is not None:
        if not leads:
            raise ValidationError({"lead": gettext("Please choose at least one lead unit")})
        for unit in leads:
            if unit.status != UnitStatus.CONFIRMED or unit.merged_into_id is not None:
                raise ValidationError(
                    {"lead": gettext("“%(unit)s” is not a confirmed unit") % {"unit": unit.name}}
                )
    if deadline is not None:
        kind, year, month = deadline
        if kind not in (DeadlineKind.MONTH, DeadlineKind.YEAR, DeadlineKind.ONGOING):
            raise ValidationError(
                {"deadline_kind": gettext("Please choose a monthly, yearly or ongoing deadline")}
            )
        check_deadline(kind, year, month, "deadline_kind")
    with transaction.atomic():
        task = _lock_task(task)
        can_correct_task(user, task).check()
        old_leads = set(task.assignments.filter(role=AssignmentRole.LEAD).values_list("unit_id", flat=True))
        fields = ["deadline_kind", "deadline_year", "deadline_month", "deadline_text"]
        before: dict[str, Any] = {**snapshot(task, fields), "units": _units_of(task)}
        changed = []
        if deadline is not None:
            kind, year, month = deadline
            if not task.original_deadline_kind and task.deadline_kind:
                task.original_deadline_kind = task.deadline_kind
                task.original_deadline_year = task.deadline_year
                task.original_deadline_month = task.deadline_month
                changed += ["original_deadline_kind", "original_deadline_year", "original_deadline_month"]
            task.deadline_kind, task.deadline_year, task.deadline_month = kind, year, month
            task.deadline_text = ""
            changed += fields
        if leads is not None:
            task.assignments.filter(role=AssignmentRole.LEAD).delete()
            wanted = {u.pk for u in leads}
            task.assignments.filter(unit_id__in=wanted).delete()  # a co-unit made lead
            for order, unit in enumerate(leads):
                TaskAssignment.objects.create(task=task, unit=unit, role=AssignmentRole.LEAD, order=order)
        task.version += 1
        task.save(update_fields=[*changed, "version"])
        after = {**snapshot(task, fields), "units": _units_of(task), "reason": reason}
        record(user, task, "correct_task", before=before, after=after)
        new_leads = {u.pk for u in leads} if leads is not None else old_leads
    return task, old_leads | new_leads


@refreshes(task_arg)
def do_request_extension(
    user: Any, task: Task, *, kind: str, year: int | None, month: int | None = None, reason: str
) -> ExtensionRequest:
    """The lead unit asks to move a task's deadline (延期申请), with its reason."""
    with transaction.atomic():
        task = _lock_task(task)
        can_request_extension(user, task).check()
        assignment = _assignment_of(user, task)
        ext = ExtensionRequest(
            task=task,
            unit_id=assignment.unit_id,
            requested_kind=kind,
            requested_year=year,
            requested_month=month,
            reason=(reason or "").strip(),
            requested_by=user,
        )
        ext.full_clean()
        ext.save()
        record(
            user,
            ext,
            "request_extension",
            task_id=task.pk,
            after=snapshot(ext, ["requested_kind", "requested_year", "requested_month", "reason"]),
        )
    return ext


@refreshes(task_of_arg)
def do_decide_extension(
    user: Any, ext: ExtensionRequest, *, approve: bool, comment: str = ""
) -> ExtensionRequest:
    """The supervisor approves or refuses an extension; on approval the task's first deadline is kept
    in ``original_deadline_*`` and the new one applies."""
    can_decide_extension(user, ext).check_person()
    with transaction.atomic():
        ext = ExtensionRequest.objects.select_for_update().get(pk=ext.pk)
        can_decide_extension(user, ext).check()
        ext.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
        ext.decided_by = user
        ext.decided_at = timezone.now()
        ext.decision_comment = comment
        ext.save(update_fields=["status", "decided_by", "decided_at", "decision_comment"])
        record(
            user,
            ext,
            "decide_extension",
            task_id=ext.task_id,
            after={"status": ext.status, "comment": comment},
        )
        if approve:
            task = _lock_task(ext.task)
            fields = [
                "deadline_kind",
                "deadline_year",
                "deadline_month",
                "deadline_text",
                "original_deadline_kind",
                "original_deadline_year",
                "original_deadline_month",
            ]
            before = snapshot(task, fields)
            if not task.original_deadline_kind:
                task.original_deadline_kind = task.deadline_kind or DeadlineKind.ONGOING
                task.original_deadline_year = task.deadline_year
                task.original_deadline_month = task.deadline_month
            task.deadline_kind = ext.requested_kind
            task.deadline_year = ext.requested_year
            task.deadline_month = ext.requested_month
            task.deadline_text = ""
            task.version += 1
            task.save(update_fields=[*fields, "version"])
            record(user, task, "extend_deadline", before=before, after=snapshot(task, fields))
    return ext


def _check_report_values(percent: int, metric_values: Mapping[str, Any], task: Task) -> dict[str, Any]:
    if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValidationError(
            {
                "percent": gettext(
                    "The percentage done must be a whole number from 0 to 100, not %(percent)s"
                )
                % {"percent": repr(percent)}
            }
        )
    known = {str(pk) for pk in task.metrics.values_list("pk", flat=True)}
    clean: dict[str, Any] = {}
    for key, value in metric_values.items():
        if str(key) not in known:
            raise ValidationError(
                {"metric_values": gettext("Indicator %(key)s does not belong to this task") % {"key": key}}
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(
                {
                    "metric_values": gettext("The value of indicator %(key)s must be a number, not %(value)s")
                    % {"key": key, "value": repr(value)}
                }
            )
        clean[str(key)] = value
    return clean


def do_save_report(
    user: Any,
    *,
    task: Task,
    period: str,
    narrative: str,
    percent: int,
    metric_values: Mapping[str, Any] | None = None,
    report: ProgressReport | None = None,
    seen_version: int | None = None,
    requests_close: bool = False,
) -> ProgressReport:
    """An officer of the lead unit drafts or edits his unit's report for ``period``; with
    ``requests_close`` the report asks for the task to be closed (申请办结), which needs 100 %.

    Editing an existing report needs the version it was read at; if someone saved since, nothing
    is written and ConcurrentEditError carries the other's values.
    """
    values = _check_report_values(percent, metric_values or {}, task)
    if not period or len(period) > 10:
        raise ValidationError({"period": gettext("The reporting period is required, e.g. 2025-03")})
    if requests_close and percent != 100:
        raise ValidationError(
            {
                "requests_close": gettext(
                    "Asking for closing needs progress at 100%%; this report says %(percent)s%%"
                )
                % {"percent": percent}
            }
        )
    with transaction.atomic():
        task = _lock_task(task)
        changes = {
            "narrative": narrative,
            "percent": percent,
            "metric_values": values,
            "requests_close": bool(requests_close),
        }
        if report is None:
            can_create_report(user, task, period).check()
            assignment = _assignment_of(user, task)
            report = ProgressReport.objects.create(
                task=task, unit_id=assignment.unit_id, period=period, created_by=user, **changes
            )
            record(
                user, report, "create_report", task_id=task.pk, after=snapshot(report, ["period", *changes])
            )
            return report
        current = _lock_report(report)
        if current.task_id != task.pk:
            raise PermissionDenied(gettext("You cannot change another task's progress report"))
        can_edit_report(user, current).check()
        if seen_version is None:
            raise ValidationError(
                {"version": gettext("Changing a report needs the version number it had when read")}
            )
        before = snapshot(current, list(changes))
        save_versioned(current, seen_version, changes)
        record(
            user,
            current,
            "save_report",
            task_id=task.pk,
            before=before,
            after=snapshot(current, list(changes)),
        )
    return current


def _move_report(
    user: Any,
    report: ProgressReport,
    *,
    may: Any,
    to: str,
    action: str,
    extra: Mapping[str, Any],
) -> ProgressReport:
    """Move a report to status ``to`` once ``may(user, report)`` allows it on the locked row."""
    may(user, report).check_person()
    report = _lock_report(report)
    may(user, report).check()
    before = snapshot(report, ["status", *extra])
    report.status = to
    for name, value in extra.items():
        setattr(report, name, value)
    report.version += 1
    report.save(update_fields=["status", "version", *extra])
    record(
        user,
        report,
        action,
        task_id=report.task_id,
        before=before,
        after=snapshot(report, ["status", *extra]),
    )
    return report


@refreshes(task_of_arg)
def do_submit_report(user: Any, report: ProgressReport) -> ProgressReport:
    """The unit's officer submits a draft (or returned) report to the unit leader."""
    with transaction.atomic():
        return _move_report(
            user,
            report,
            may=can_submit_report,
            to=ReportStatus.SUBMITTED,
            action="submit_report",
            extra={"submitted_by": user, "submitted_at": timezone.now()},
        )


@refreshes(task_of_arg)
def do_approve_report(user: Any, report: ProgressReport) -> ProgressReport:
    """The unit's leader approves a submitted report; it then reaches the supervisor."""
    with transaction.atomic():
        return _move_report(
            user,
            report,
            may=can_approve_report,
            to=ReportStatus.APPROVED_BY_LEADER,
            action="approve_report",
            extra={"approved_by": user, "approved_at": timezone.now()},
        )


@refreshes(task_of_arg)
def do_accept_report(user: Any, report: ProgressReport, *, comments: str = "") -> ProgressReport:
    """The supervisor accepts a leader-approved report; the task's progress becomes the report's."""
    with transaction.atomic():
        report = _move_report(
            user,
            report,
            may=can_accept_report,
            to=ReportStatus.ACCEPTED,
            action="accept_report",
            extra={"reviewed_by": user, "reviewed_at": timezone.now(), "comments": comments},
        )
        task = _lock_task(report.task)
        task.consecutive_returns = 0  # an acceptance ends a run of returns
        fields = ["consecutive_returns"]
        if task.status != TaskStatus.CLOSED:
            before = snapshot(task, ["status", "progress"])
            if task.progress != report.percent:
                task.progress_changed_at = timezone.now()
                fields.append("progress_changed_at")
            task.progress = report.percent
            task.status = TaskStatus.IN_PROGRESS
            task.version += 1
            fields += ["progress", "status", "version"]
            record(user, task, "update_progress", before=before, after=snapshot(task, ["status", "progress"]))
        task.save(update_fields=fields)
    return report


@refreshes(task_of_arg)
def do_return_report(user: Any, report: ProgressReport, *, comments: str) -> ProgressReport:
    """The supervisor returns (退回) a report with comments; the unit edits and resubmits it."""
    can_return_report(user, report).check_person()
    if not comments or not comments.strip():
        raise ValidationError({"comments": gettext("Returning a report needs comments")})
    with transaction.atomic():
        report = _move_report(
            user,
            report,
            may=can_return_report,
            to=ReportStatus.RETURNED,
            action="return_report",
            extra={"reviewed_by": user, "reviewed_at": timezone.now(), "comments": comments.strip()},
        )
        Task.objects.filter(pk=report.task_id).update(consecutive_returns=F("consecutive_returns") + 1)
        return report


def do_add_contribution(user: Any, report: ProgressReport, *, text: str) -> ReportContribution:
    """A co-unit's officer or leader adds its part to the lead unit's report."""
    with transaction.atomic():
        report = _lock_report(report)
        can_add_contribution(user, report).check()
        if not text or not text.strip():
            raise ValidationError({"text": gettext("The addition may not be empty")})
        assignment = _assignment_of(user, report.task)
        contribution = ReportContribution.objects.create(
            report=report, unit_id=assignment.unit_id, text=text.strip(), created_by=user
        )
        record(
            user,
            contribution,
            "add_contribution",
            task_id=report.task_id,
            after={"report": report.pk, "text": contribution.text},
        )
    return contribution


def do_add_attachment(user: Any, report: ProgressReport, *, name: str, data: bytes) -> Attachment:
    """An officer of the report's unit attaches an evidence file (佐证材料)."""
    from django.conf import settings

    can_add_attachment(user, report).check_person()
    if not name or not data:
        raise ValidationError({"file": gettext("The evidence file is empty")})
    if len(data) > settings.TAIZHANG_MAX_UPLOAD_BYTES:
        raise ValidationError({"file": gettext("%(name)s: the file is too large") % {"name": name}})
    with transaction.atomic():
        report = _lock_report(report)
        can_add_attachment(user, report).check()
        attachment = Attachment(report=report, name=name[:255], size=len(data), uploaded_by=user)
        attachment.file.save(name, ContentFile(data), save=False)
        attachment.save()
        record(
            user,
            attachment,
            "add_attachment",
            task_id=report.task_id,
            after={"report": report.pk, "name": attachment.name},
        )
    return attachment


def do_delete_attachment(user: Any, attachment: Attachment) -> None:
    """An officer of the report's unit removes an evidence file from a draft or returned report
    (never once the leader approved it); the file goes from storage once the removal is committed."""
    attachment.report = ProgressReport.objects.select_related("task", "unit").get(pk=attachment.report_id)
    can_delete_attachment(user, attachment).check_person()
    with transaction.atomic():
        attachment.report = _lock_report(attachment.report)
        can_delete_attachment(user, attachment).check()
        name, stored = attachment.name, attachment.file.name
        report_id, pk = attachment.report_id, attachment.pk
        attachment.delete()
        attachment.pk = pk
        record(
            user,
            attachment,
            "delete_attachment",
            task_id=attachment.report.task_id,
            before={"report": report_id, "name": name},
        )
        storage = attachment.file.storage
        if stored:
            transaction.on_commit(lambda: storage.delete(stored))


@refreshes(task_arg)
def do_close_task(user: Any, task: Task, *, note: str = "") -> Task:
    """The supervisor closes a task (办结) when it has what :func:`~.access.can_close_task` requires
    (the latest accepted report at 100 %, asking to close, with evidence and every co-unit's
    addition); a refusal names everything missing. Progress is not changed: it is already the
    accepted report's 100 %."""
    can_close_task(user, task).check_person()
    with transaction.atomic():
        task = _lock_task(task)
        can_close_task(user, task).check()
        before = snapshot(task, ["status", "progress", "closed_at"])
        task.status = TaskStatus.CLOSED
        task.closed_at = timezone.now()
        task.version += 1
        task.save(update_fields=["status", "closed_at", "version"])
        record(
            user,
            task,
            "close_task",
            before=before,
            after=snapshot(task, ["status", "progress", "closed_at"]),
            note=note,
        )
    return task


@refreshes(task_of_arg)
def do_return_report_to_officer(user: Any, report: ProgressReport, *, reason: str) -> ProgressReport:
    """The unit leader sends a submitted report back to the unit's officer (退回联络员) with the
    reason, before it reaches the supervisor; the officer edits and submits it again."""
    can_return_report_to_officer(user, report).check_person()
    if not reason or not reason.strip():
        raise ValidationError({"reason": gettext("Returning a report to the officer needs a reason")})
    with transaction.atomic():
        return _move_report(
            user,
            report,
            may=can_return_report_to_officer,
            to=ReportStatus.RETURNED,
            action="return_report_to_officer",
            extra={"comments": reason.strip()},
        )


# ---------------------------------------------------------------------------------------------
# The structure of a published policy's tasks: created by hand, split, merged

TASK_SNAPSHOT = [
    "ref",
    "reference",
    "text",
    "measure_id",
    "deadline_kind",
    "deadline_year",
    "deadline_month",
    "weight",
    "order",
]


def _check_units(leads: list[Unit], cos: list[Unit]) -> None:
    if not leads:
        raise ValidationError({"lead": gettext("At least one lead unit is needed")})
    for unit in [*leads, *cos]:
        if unit.status != UnitStatus.CONFIRMED or unit.merged_into_id is not None:
            raise ValidationError(
                {
                    "lead" if unit in leads else "co": gettext("The unit “%(unit)s” is not confirmed yet")
                    % {"unit": unit.name}
                }
            )


def _make_room(policy_id: int, after: int, count: int) -> None:
    """Shift the tasks of the policy placed after ``after`` by ``count``, so new tasks fit there."""
    Task.objects.filter(policy_id=policy_id, order__gt=after).update(order=F("order") + count)


def _units_of(task: Task) -> list[list[str]]:
    return [[a.unit.name, a.role] for a in task.assignments.select_related("unit").order_by("role", "order")]


@refreshes(result_tasks)
def do_create_task(
    user: Any,
    policy: Any,
    *,
    text: str,
    lead: Iterable[Unit],
    co: Iterable[Unit] = (),
    ref: str = "",
    measure: Measure | None = None,
    deadline_kind: str = "",
    deadline_year: int | None = None,
    deadline_month: int | None = None,
    weight: Any = 1,
) -> Task:
    """The supervisor adds a task by hand to a published policy: assigned (交办) at once to its
    confirmed lead and co-units, placed after the last task of its measure (or at the end).

    A draft policy's missing tasks are added on the review screen (``do_add_draft_task``).
    """
    from taizhang.policies.models import Policy, PolicyStatus

    can_restructure_policy(user).check()
    leads, cos = list(lead), [u for u in co if u not in list(lead)]
    _check_units(leads, cos)
    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        if policy.status != PolicyStatus.PUBLISHED:
            raise ValidationError(
                {"policy": gettext("The policy document is not published yet: add tasks on the review page")}
            )
        if measure is not None and measure.policy_id != policy.pk:
            raise ValidationError(
                {"measure": gettext("The main measure must belong to the same policy document")}
            )
        tasks = Task.objects.filter(policy=policy)
        last_of_measure = tasks.filter(measure=measure).aggregate(m=Max("order"))["m"] if measure else None
        last = tasks.aggregate(m=Max("order"))["m"] or 0
        order = (last_of_measure if last_of_measure is not None else last) + 1
        now = timezone.now()
        taken = _references_of(policy.pk)
        task = Task(
            policy=policy,
            measure=measure,
            ref=(ref or "").strip()[:40],
            reference=next_reference((ref or "").strip() or position_reference(len(taken) + 1), taken),
            order=order,
            text=(text or "").strip(),
            deadline_kind=deadline_kind or "",
            deadline_year=deadline_year,
            deadline_month=deadline_month,
            original_deadline_kind=deadline_kind or "",
            original_deadline_year=deadline_year,
            original_deadline_month=deadline_month,
            weight=weight,
            status=TaskStatus.ASSIGNED,
            assigned_at=now,
        )
        task.full_clean(exclude=["policy", "measure"])
        _make_room(policy.pk, order - 1, 1)
        task.save()
        for role, units in ((AssignmentRole.LEAD, leads), (AssignmentRole.CO, cos)):
            for position, unit in enumerate(dict.fromkeys(units)):
                TaskAssignment.objects.create(task=task, unit=unit, role=role, order=position)
        record(user, task, "create_task", after={**snapshot(task, TASK_SNAPSHOT), "units": _units_of(task)})
    return task


@refreshes(result_tasks)
def do_split_task(user: Any, task: Task, *, parts: Sequence[str]) -> list[Task]:
    """Split a task into several (one per clause a unit answers for). The task keeps the first
    text, its reports, metrics and history; each further part becomes a task placed right after
    it with the same measure, deadline and units, referenced ``<ref>-2``, ``<ref>-3``…. The weight
    is shared out equally. Returns all the parts, the original first."""
    can_restructure_policy(user).check()
    texts = [p.strip() for p in parts if p and p.strip()]
    if len(texts) < 2:
        raise ValidationError({"parts": gettext("Splitting needs at least two parts of the task's content")})
    with transaction.atomic():
        task = _lock_task(task)
        if task.status == TaskStatus.CLOSED:
            raise ValidationError(
                {"status": gettext("Task %(task)s is closed and cannot be split") % {"task": task.label}}
            )
        before = snapshot(task, TASK_SNAPSHOT)
        share = (Decimal(task.weight) / len(texts)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        share = max(share, Decimal("0.01"))
        assignments = list(task.assignments.all())
        _make_room(task.policy_id, task.order, len(texts) - 1)
        taken = _references_of(task.policy_id)
        made: list[Task] = []
        for n, text in enumerate(texts[1:], start=2):
            reference = next_reference(f"{task.reference or task.pk}-{n}", taken)
            taken.add(reference)
            part = Task(
                policy_id=task.policy_id,
                measure_id=task.measure_id,
                ref=f"{task.ref}-{n}"[:40] if task.ref else "",
                reference=reference,
                order=task.order + n - 1,
                text=text,
                deadline_kind=task.deadline_kind,
                deadline_year=task.deadline_year,
                deadline_month=task.deadline_month,
                deadline_text=task.deadline_text,
                original_deadline_kind=task.original_deadline_kind,
                original_deadline_year=task.original_deadline_year,
                original_deadline_month=task.original_deadline_month,
                span_start=task.span_start,
                span_end=task.span_end,
                status=TaskStatus.DRAFT if task.status == TaskStatus.DRAFT else TaskStatus.ASSIGNED,
                assigned_at=task.assigned_at,
                weight=share,
            )
            part.full_clean(exclude=["policy", "measure"])
            part.save()
            for a in assignments:
                TaskAssignment.objects.create(
                    task=part,
                    unit_id=a.unit_id,
                    role=a.role,
                    order=a.order,
                    acknowledged_at=a.acknowledged_at,
                )
            record(
                user,
                part,
                "create_task",
                after={**snapshot(part, TASK_SNAPSHOT), "units": _units_of(part), "split_from": task.pk},
            )
            made.append(part)
        task.text = texts[0]
        task.weight = share
        if task.ref and not task.ref.endswith("-1"):
            task.ref = f"{task.ref}-1"[:40]
        task.version += 1
        task.full_clean(exclude=["policy", "measure"])
        task.save(update_fields=["text", "weight", "ref", "version"])
        record(
            user,
            task,
            "split_task",
            before=before,
            after={**snapshot(task, TASK_SNAPSHOT), "into": [p.pk for p in made]},
        )
    return [task, *made]


@refreshes(result_tasks)
def do_merge_tasks(user: Any, tasks: Sequence[Task], *, text: str = "") -> Task:
    """Merge tasks of one policy into the first of them (in the policy's order): its text becomes
    ``text`` (or the texts joined with "；"), its units every unit of the merged tasks (a unit that
    leads any of them leads), its weight their sum, and their metrics move to it. A task with
    reports, extension requests or supervision notices of its own cannot be merged into another
    (its record would be lost): refused, naming it. The merged tasks are deleted; history keeps them."""
    can_restructure_policy(user).check()
    ids = list(dict.fromkeys(t.pk for t in tasks))
    if len(ids) < 2:
        raise ValidationError({"tasks": gettext("Please choose at least two tasks")})
    with transaction.atomic():
        locked = list(Task.objects.select_for_update().filter(pk__in=ids).order_by("order", "pk"))
        if len(locked) != len(ids):
            raise ValidationError({"tasks": gettext("The tasks chosen no longer exist")})
        if len({t.policy_id for t in locked}) != 1:
            raise ValidationError({"tasks": gettext("Only tasks of the same policy document can be merged")})
        for t in locked:
            if t.status == TaskStatus.CLOSED:
                raise ValidationError(
                    {"tasks": gettext("Task %(task)s is closed and cannot be merged") % {"task": t.label}}
                )
        keeper, others = locked[0], locked[1:]
        for t in others:
            notices = getattr(t, "supervision_notices", None)
            if (
                t.reports.exists()
                or t.extension_requests.exists()
                or (notices is not None and notices.exists())
            ):
                raise ValidationError(
                    {
                        "tasks": gettext(
                            "Task %(task)s already has progress reports, extension requests or supervision notices and cannot be merged into another task"
                        )
                        % {"task": t.label}
                    }
                )
        before = {**snapshot(keeper, TASK_SNAPSHOT), "units": _units_of(keeper)}
        roles: dict[int, str] = {}
        for t in locked:
            for a in t.assignments.order_by("role", "order"):
                if a.role == AssignmentRole.LEAD or a.unit_id not in roles:
                    roles[a.unit_id] = a.role
        existing = {a.unit_id: a for a in keeper.assignments.all()}
        for position, (unit_id, role) in enumerate(roles.items()):
            if unit_id in existing:
                if existing[unit_id].role != role:
                    TaskAssignment.objects.filter(pk=existing[unit_id].pk).update(role=role)
            else:
                TaskAssignment.objects.create(task=keeper, unit_id=unit_id, role=role, order=position)
        from .models import Metric

        Metric.objects.filter(task__in=others).update(task=keeper)
        keeper.text = (text or "").strip() or "；".join(t.text.rstrip("。；;") for t in locked) + "。"
        keeper.weight = sum((Decimal(t.weight) for t in locked), Decimal(0))
        keeper.version += 1
        keeper.full_clean(exclude=["policy", "measure"])
        keeper.save(update_fields=["text", "weight", "version"])
        for t in others:
            record(
                user,
                t,
                "merge_task",
                task_id=keeper.pk,  # shown on the page of the task it went into
                before={**snapshot(t, TASK_SNAPSHOT), "units": _units_of(t)},
                after={"into": keeper.pk},
            )
            t.delete()
        record(
            user,
            keeper,
            "merge_tasks",
            before=before,
            after={
                **snapshot(keeper, TASK_SNAPSHOT),
                "units": _units_of(keeper),
                "merged": [t.pk for t in others],
            },
        )
    return keeper


# ---------------------------------------------------------------------------------------------
# Units: moving the ledger's rows when units merge, expanding a collective (各街道办)


@refreshes(_unit_tasks)
def move_unit_rows(user: Any, source: Unit, target: Unit) -> dict[str, int]:
    """The ledger's rows of ``source`` become ``target``'s (called by ``units.actions.do_merge_unit``
    inside its transaction, after its permission check): assignments (where both were named on a
    task one stays, leading if either led, acknowledged if either had), reports, contributions and
    extension requests. Two reports for one task and period cannot both stand: refused, naming them.
    Each task touched shows the merge in its history."""
    clashes = ProgressReport.objects.filter(
        unit=source,
        task__reports__unit=target,
        task__reports__period=F("period"),
    ).select_related("task")
    clash = clashes.first()
    if clash is not None:
        raise ValidationError(
            {
                "merged_into": (
                    gettext(
                        "Both units have a progress report of task %(task)s for %(period)s, which cannot both stand after merging; nothing was merged"
                    )
                    % {"task": clash.task.label, "period": clash.period}
                )
            }
        )
    tasks: set[int] = set()
    assignments = 0
    for assignment in TaskAssignment.objects.select_for_update().filter(unit=source):
        tasks.add(assignment.task_id)
        kept = TaskAssignment.objects.filter(task_id=assignment.task_id, unit=target).first()
        if kept is None:
            TaskAssignment.objects.filter(pk=assignment.pk).update(unit=target)
        else:
            changes: dict[str, Any] = {}
            if assignment.role == AssignmentRole.LEAD and kept.role != AssignmentRole.LEAD:
                changes["role"] = AssignmentRole.LEAD
            if kept.acknowledged_at is None and assignment.acknowledged_at is not None:
                changes["acknowledged_at"] = assignment.acknowledged_at
            if changes:
                TaskAssignment.objects.filter(pk=kept.pk).update(**changes)
            assignment.delete()
        assignments += 1
    moved = {
        "ledger.TaskAssignment.unit": assignments,
        "ledger.ProgressReport.unit": ProgressReport.objects.filter(unit=source).update(unit=target),
        "ledger.ReportContribution.unit": ReportContribution.objects.filter(unit=source).update(unit=target),
        "ledger.ExtensionRequest.unit": ExtensionRequest.objects.filter(unit=source).update(unit=target),
    }
    for task_id in sorted(tasks):
        record(
            user, Task(pk=task_id), "reassign_unit", before={"unit": source.name}, after={"unit": target.name}
        )
    return moved


@refreshes(result_tasks)
def do_expand_collective(
    user: Any, collective: Unit, *, into: Iterable[Unit], tasks: Iterable[Task] | None = None
) -> list[Task]:
    """The supervisor expands a collective (各街道办, 各有关部门) named on tasks into the registry's
    units it stands for: on each task (every open task naming it, by default) the collective's
    assignment is replaced by one per unit, in the same role (a unit already named keeps its part,
    leading if either led). Closed tasks keep what they had. Returns the tasks changed."""
    can_expand_collective(user, collective).check()
    members = list(dict.fromkeys(into))
    if not members:
        raise ValidationError({"into": gettext("Please choose at least one unit")})
    for unit in members:
        if unit.is_collective or unit.status != UnitStatus.CONFIRMED or unit.merged_into_id is not None:
            raise ValidationError(
                {"into": gettext("“%(unit)s” is not a confirmed unit") % {"unit": unit.name}}
            )
    wanted = None if tasks is None else [t.pk for t in tasks]
    changed: list[Task] = []
    with transaction.atomic():
        rows = (
            TaskAssignment.objects.select_for_update()
            .filter(unit=collective)
            .exclude(task__status=TaskStatus.CLOSED)
        )
        if wanted is not None:
            rows = rows.filter(task_id__in=wanted)
        for row in rows.select_related("task").order_by("task_id"):
            task = _lock_task(row.task)
            before = {"units": _units_of(task)}
            existing = {a.unit_id: a for a in task.assignments.all()}
            for unit in members:
                present = existing.get(unit.pk)
                if present is None:
                    TaskAssignment.objects.create(task=task, unit=unit, role=row.role, order=row.order)
                elif row.role == AssignmentRole.LEAD and present.role != AssignmentRole.LEAD:
                    TaskAssignment.objects.filter(pk=present.pk).update(role=AssignmentRole.LEAD)
            row.delete()
            task.version += 1
            task.save(update_fields=["version"])
            record(
                user,
                task,
                "expand_collective",
                before=before,
                after={"units": _units_of(task)},
                note=collective.name,
            )
            changed.append(task)
    return changed

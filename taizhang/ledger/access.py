"""The only way code gets ledger objects for a user.

Rules (docs/permissions.md): administrators, the supervisor and viewers read every task and
report; a unit leader or officer reads the tasks his unit leads or helps with (once assigned), the
reports of his unit, and the reports of tasks his unit helps with (to add contributions). A row a
user may not read answers exactly as a missing one: Http404. A readable row the user may not
change (``for_write=True``) answers PermissionDenied.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from taizhang.accounts.access import is_steering, role_of, sees_everything, unit_id_of
from taizhang.accounts.models import UNIT_ROLES

from .models import ExtensionRequest, ProgressReport, Task, TaskAssignment, TaskStatus

__all__ = [
    "visible_tasks",
    "visible_reports",
    "access_task",
    "access_report",
    "access_extension",
]

M = TypeVar("M", bound=QuerySet[Any])


def visible_tasks(queryset: M, user: Any) -> M:
    """Filter ``queryset`` of tasks down to those ``user`` may read."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    mine = TaskAssignment.objects.filter(task=OuterRef("pk"), unit_id=unit_id)
    return queryset.filter(Exists(mine)).exclude(status=TaskStatus.DRAFT)


def visible_reports(queryset: M, user: Any) -> M:
    """Filter ``queryset`` of reports down to those ``user`` may read."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    helping = TaskAssignment.objects.filter(task=OuterRef("task_id"), unit_id=unit_id)
    return queryset.filter(unit_id=unit_id) | queryset.filter(Exists(helping))


def _writes_task(user: Any, task: Task) -> bool:
    if is_steering(user):
        return True
    if role_of(user) in UNIT_ROLES:
        return task.assignments.filter(unit_id=unit_id_of(user)).exists()
    return False


def access_task(user: Any, task_id: Any, for_write: bool = False) -> Task:
    """The task ``task_id`` if ``user`` may read it (and act on it, with ``for_write``); else 404/403."""
    try:
        task = visible_tasks(Task.objects.select_related("policy", "measure"), user).get(pk=int(task_id))
    except (Task.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个任务") from None
    if for_write and not _writes_task(user, task):
        raise PermissionDenied("您只能查看这个任务")
    return task


def access_report(user: Any, report_id: Any, for_write: bool = False) -> ProgressReport:
    """The report ``report_id`` if ``user`` may read it; with ``for_write`` only the supervisor
    or people of the report's own unit. Another unit's report answers 404 (or 403 when a co-unit
    may read but not change it)."""
    try:
        report = visible_reports(
            ProgressReport.objects.select_related("task", "task__policy", "unit"), user
        ).get(pk=int(report_id))
    except (ProgressReport.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这份进展报送") from None
    if for_write and not (
        is_steering(user) or (role_of(user) in UNIT_ROLES and unit_id_of(user) == report.unit_id)
    ):
        raise PermissionDenied("您不能修改其他单位的进展报送")
    return report


def access_extension(user: Any, request_id: Any, for_write: bool = False) -> ExtensionRequest:
    """The extension request ``request_id`` if its task is readable by ``user``; writing (deciding)
    is for the supervisor only."""
    try:
        ext = ExtensionRequest.objects.select_related("task").get(pk=int(request_id))
    except (ExtensionRequest.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个延期申请") from None
    if not visible_tasks(Task.objects.filter(pk=ext.task_id), user).exists():
        raise Http404("没有这个延期申请")
    if not sees_everything(user) and ext.unit_id != unit_id_of(user):
        raise Http404("没有这个延期申请")
    if for_write and not is_steering(user):
        raise PermissionDenied("只有督查室可以审批延期申请")
    return ext

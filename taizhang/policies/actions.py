"""Every write to policies: import a document as a draft, publish it (交办)."""

from __future__ import annotations

import hashlib
import logging
import os
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from taizhang.accounts.access import require_steering
from taizhang.core.history import record, snapshot

from .models import Measure, Policy, PolicyKind, PolicyStatus

__all__ = ["do_import_policy", "do_publish_policy", "ImportResult"]

logger = logging.getLogger(__name__)


class ImportResult:
    """What an import made: the draft policy and the units it proposed."""

    def __init__(self, policy: Policy, proposed_units: list[Any]) -> None:
        self.policy = policy
        self.proposed_units = proposed_units


def _run_extractor(data: bytes, name: str) -> Any:
    from taizhang.extract import ExtractionError, extract

    try:
        return extract(data, name=name)
    except ExtractionError as exc:
        raise ValidationError({"file": f"{name}: {exc.reason}"}) from None
    except Exception as exc:  # a fault in the library must not leave a half import or a 500
        logger.exception("extraction of %s failed", name)
        raise ValidationError({"file": f"{name}: 文件解析失败（{type(exc).__name__}: {exc}）"}) from None


def do_import_policy(
    user: Any,
    *,
    data: bytes,
    name: str,
    title: str | None = None,
    extraction: Any = None,
) -> ImportResult:
    """Import a policy document as a draft Policy with its measures, tasks, assignments and metrics.

    The extraction library reads ``data`` (``extraction`` may be passed when it was already run,
    e.g. on the review screen). Units are matched by name or alias; unknown ones are proposed.
    All or nothing: a failure leaves the database as it was and names the file and the reason.
    """
    require_steering(user, "导入政策文件")
    from taizhang.ledger.models import AssignmentRole, Metric, Task, TaskAssignment, TaskStatus
    from taizhang.units.actions import UnitDirectory

    base = os.path.basename(name or "")
    if not base:
        raise ValidationError({"file": "上传的文件没有文件名"})
    if not data:
        raise ValidationError({"file": f"{base}: 文件是空的"})
    if len(data) > settings.TAIZHANG_MAX_UPLOAD_BYTES:
        raise ValidationError(
            {"file": f"{base}: 文件超过 {settings.TAIZHANG_MAX_UPLOAD_BYTES // (1024 * 1024)} MB"}
        )
    if extraction is None:
        extraction = _run_extractor(data, base)
    info = extraction.info
    kind = info.kind if info.kind in PolicyKind.values else PolicyKind.OTHER
    policy_title = (title or info.title or os.path.splitext(base)[0]).strip()[:300]

    with transaction.atomic():
        policy = Policy(
            title=policy_title,
            year=info.year,
            kind=kind,
            status=PolicyStatus.DRAFT,
            original_name=base,
            original_sha256=hashlib.sha256(data).hexdigest(),
            text=extraction.text,
            created_by=user,
        )
        policy.full_clean(exclude=["original"])
        policy.save()
        record(
            user, policy, "import_policy", after=snapshot(policy, ["title", "year", "kind", "original_name"])
        )

        directory = UnitDirectory(user)
        measures: dict[str, Measure] = {}
        tasks: list[Task] = []
        for order, found in enumerate(extraction.tasks):
            measure = None
            if found.measure:
                measure = measures.get(found.measure)
                if measure is None:
                    measure = Measure.objects.create(
                        policy=policy, title=found.measure[:300], order=len(measures)
                    )
                    measures[found.measure] = measure
            deadline = found.deadline
            task = Task(
                policy=policy,
                measure=measure,
                ref=(found.ref or "")[:40],
                order=order,
                text=found.text,
                deadline_kind=deadline.kind if deadline else "",
                deadline_year=deadline.year if deadline and deadline.kind != "ongoing" else None,
                deadline_month=deadline.month if deadline and deadline.kind == "month" else None,
                deadline_text=(deadline.text if deadline else "")[:100],
                span_start=found.span.start,
                span_end=found.span.end,
                status=TaskStatus.DRAFT,
            )
            try:
                task.full_clean(exclude=["policy", "measure"])
            except ValidationError as exc:
                raise ValidationError(
                    {"tasks": f"第 {order + 1} 项任务（{found.ref or ''}）: {exc.messages[0]}"}
                ) from None
            task.save()
            tasks.append(task)
            seen: set[int] = set()
            for role, names in ((AssignmentRole.LEAD, found.lead_units), (AssignmentRole.CO, found.co_units)):
                for position, unit_name in enumerate(names):
                    unit = directory.get_or_propose(unit_name)
                    if unit.pk in seen:
                        continue
                    seen.add(unit.pk)
                    TaskAssignment.objects.create(task=task, unit=unit, role=role, order=position)
            record(
                user,
                task,
                "import_task",
                after=snapshot(task, ["ref", "text", "deadline_kind", "deadline_year", "deadline_month"]),
            )

        for found in extraction.metrics:
            owner = next(
                (
                    t
                    for t in tasks
                    if t.span_start is not None and t.span_start <= found.span.start < (t.span_end or 0)
                ),
                None,
            )
            Metric.objects.create(
                policy=policy,
                task=owner,
                kind=found.kind,
                indicator=found.indicator[:200],
                value=found.value,
                unit=found.unit[:30],
                comparator=found.comparator,
                year=found.year,
                span_text=found.span_text,
                span_start=found.span.start,
                span_end=found.span.end,
                raw=found.raw[:100],
            )
        # Stored last, so a refused import leaves no file behind.
        policy.original.save(base, ContentFile(data), save=False)
        policy.save(update_fields=["original"])
    return ImportResult(policy, directory.proposed)


def do_publish_policy(user: Any, policy: Policy) -> Policy:
    """Publish a draft policy (交办): every task becomes assigned to its units, or nothing changes.

    Refused, naming the tasks, when a task has no lead unit or a unit is still only proposed.
    """
    require_steering(user, "发布政策文件")
    from taizhang.ledger.models import AssignmentRole, Task, TaskStatus
    from taizhang.units.models import UnitStatus

    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        if policy.status != PolicyStatus.DRAFT:
            raise ValidationError({"status": f"“{policy.title}”已经发布"})
        tasks = list(Task.objects.filter(policy=policy).prefetch_related("assignments__unit"))
        if not tasks:
            raise ValidationError({"tasks": f"“{policy.title}”没有任务，不能发布"})
        problems: list[str] = []
        for task in tasks:
            label = task.ref or f"#{task.pk}"
            assignments = list(task.assignments.all())
            if not any(a.role == AssignmentRole.LEAD for a in assignments):
                problems.append(f"任务 {label} 没有牵头单位")
            for a in assignments:
                if a.unit.status != UnitStatus.CONFIRMED or a.unit.merged_into_id is not None:
                    problems.append(f"任务 {label} 的单位“{a.unit.name}”尚未确认")
        if problems:
            shown = "；".join(problems[:10]) + (f"；等 {len(problems)} 处" if len(problems) > 10 else "")
            raise ValidationError({"tasks": shown})
        now = timezone.now()
        before = snapshot(policy, ["status", "published_at"])
        policy.status = PolicyStatus.PUBLISHED
        policy.published_at = now
        policy.version += 1
        policy.save(update_fields=["status", "published_at", "version"])
        record(
            user, policy, "publish_policy", before=before, after=snapshot(policy, ["status", "published_at"])
        )
        for task in tasks:
            Task.objects.filter(pk=task.pk).update(
                status=TaskStatus.ASSIGNED, assigned_at=now, version=task.version + 1
            )
            record(
                user,
                task,
                "assign_task",
                before={"status": task.status},
                after={"status": TaskStatus.ASSIGNED, "units": [a.unit.name for a in task.assignments.all()]},
            )
    return policy

"""Every write to policies: import a document as a draft, publish it (交办)."""

from __future__ import annotations

import bisect
import hashlib
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.core.history import record, record_many, snapshot
from taizhang.ledger.models import in_deadline_years
from taizhang.ledger.references import assign_references, next_reference, position_reference
from taizhang.ledger.signals import tasks_changed
from taizhang.policies.access import (
    can_import_policy,
    can_publish_policy,
    can_restructure_policy,
    can_review_policy,
)
from taizhang.policies.models import Measure, Policy, PolicyKind, PolicyStatus

__all__ = [
    "do_import_policy",
    "read_document",
    "do_publish_policy",
    "do_update_draft_task",
    "do_add_draft_task",
    "do_delete_draft_task",
    "do_update_metric",
    "split_unit_names",
    "ImportResult",
    "DuplicateDocument",
    "find_duplicate",
    "PublishWarning",
    "PublishNeedsConfirmation",
    "publish_warnings",
    "warnings_digest",
]

logger = logging.getLogger(__name__)


class ImportResult:
    """What an import made: the draft policy and the units it proposed."""

    def __init__(self, policy: Policy, proposed_units: list[Any]) -> None:
        self.policy = policy
        self.proposed_units = proposed_units


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_document(data: bytes, name: str) -> Any:
    """Read ``data`` into the extraction library's Source, within the limits of what a document
    may hold once read (settings ``TAIZHANG_MAX_EXPANDED_BYTES``, ``TAIZHANG_MAX_TEXT_CHARS``).

    The bytes of an upload say little of the memory it takes: a .docx or .xlsx is a zip whose XML
    parts the parser holds expanded, several times over, so their expanded size is checked before
    anything is parsed; the characters of text read are checked before the extractor runs. Either
    refusal, and any reason the library gives, is a ValidationError on ``file`` naming the file.
    """
    import io
    import zipfile

    from taizhang.extract import ExtractionError
    from taizhang.extract.model import Paragraph
    from taizhang.extract.read import read_bytes

    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                expanded = sum(
                    info.file_size
                    for info in archive.infolist()
                    if info.filename.lower().endswith((".xml", ".rels", ".vml"))
                )
        except (zipfile.BadZipFile, OSError, ValueError):
            expanded = 0  # not a readable zip: the reader says why
        limit = settings.TAIZHANG_MAX_EXPANDED_BYTES
        if expanded > limit:
            raise ValidationError(
                {
                    "file": gettext(
                        "%(name)s: unpacked, the document's content is %(expanded)s, more than the limit of %(limit)s (reading it needs too much memory); please remove superfluous content other than images, or split it into several files"
                    )
                    % {"name": name, "expanded": _mb(expanded), "limit": _mb(limit)}
                }
            )
    try:
        source = read_bytes(data, name, max_bytes=settings.TAIZHANG_MAX_UPLOAD_BYTES)
    except ExtractionError as exc:
        raise ValidationError({"file": f"{name}: {exc.reason}"}) from None
    chars = 0
    for block in source.blocks:
        if isinstance(block, Paragraph):
            chars += len(block.text)
        else:
            merged = block.merged
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    if not (merged and r < len(merged) and c < len(merged[r]) and merged[r][c]):
                        chars += len(cell)
    limit_chars = settings.TAIZHANG_MAX_TEXT_CHARS
    if chars > limit_chars:
        raise ValidationError(
            {
                "file": gettext(
                    "%(name)s: the file's text has %(chars)s characters, more than the limit of %(limit_chars)s; please split it into several files"
                )
                % {"name": name, "chars": format(chars, ","), "limit_chars": format(limit_chars, ",")}
            }
        )
    return source


def _run_extractor(data: bytes, name: str) -> Any:
    from taizhang.extract import ExtractionError, extract_source

    source = read_document(data, name)
    try:
        return extract_source(source)
    except ExtractionError as exc:
        raise ValidationError({"file": f"{name}: {exc.reason}"}) from None
    except MemoryError:
        raise ValidationError(
            {
                "file": gettext("%(name)s: the file is too large; memory ran out while reading it")
                % {"name": name}
            }
        ) from None
    except Exception as exc:  # a fault in the library must not leave a half import or a 500
        logger.exception("extraction of %s failed", name)
        raise ValidationError(
            {
                "file": gettext("%(name)s: the file could not be read (%(kind)s: %(error)s)")
                % {"name": name, "kind": type(exc).__name__, "error": exc}
            }
        ) from None


class DuplicateDocument(ValidationError):
    """The same file (by content) was imported before: ``policy`` is the one it made."""

    def __init__(self, name: str, policy: Policy) -> None:
        when = timezone.localtime(policy.created_at).strftime("%Y-%m-%d %H:%M")
        super().__init__(
            {
                "file": gettext(
                    "%(name)s: this file was imported at %(when)s as “%(title)s” (no. %(pk)s, %(status)s); it was not imported again"
                )
                % {
                    "name": name,
                    "when": when,
                    "title": policy.title,
                    "pk": policy.pk,
                    "status": policy.get_status_display(),
                }
            }
        )
        self.policy = policy


def find_duplicate(data: bytes) -> Policy | None:
    """The policy already imported from a file with exactly these bytes (the oldest), if any."""
    digest = hashlib.sha256(data).hexdigest()
    return Policy.objects.filter(original_sha256=digest).order_by("created_at", "pk").first()


def _lock_document(data: bytes) -> None:
    """Hold, until the transaction ends, the database's lock on importing these bytes: a
    PostgreSQL transaction-level advisory lock keyed by the content's digest. SQLite's write
    transactions (``IMMEDIATE``) are already one at a time."""
    from django.db import connection

    if connection.vendor == "postgresql":
        key = int(hashlib.sha256(data).hexdigest()[:15], 16)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def do_import_policy(
    user: Any,
    *,
    data: bytes,
    name: str,
    title: str | None = None,
    extraction: Any = None,
    allow_duplicate: bool = False,
) -> ImportResult:
    """Import a policy document as a draft Policy with its measures, tasks, assignments and metrics.

    The extraction library reads ``data`` (``extraction`` may be passed when it was already run).
    Units are matched by name or alias; unknown ones are proposed. Each task and metric keeps the
    extraction's confidence and reasons for doubt. A file whose bytes were imported before is
    refused with :class:`DuplicateDocument` naming that policy (``allow_duplicate`` lets the demo
    and test builders make the same sample again). All or nothing: a failure leaves the database
    as it was and names the file and the reason. Rows are written in bulk, so a plan of hundreds
    of tasks imports in a fraction of a second; a plain function a background job can call.
    """
    can_import_policy(user).check()
    from taizhang.ledger.models import AssignmentRole, Metric, Task, TaskAssignment, TaskStatus
    from taizhang.units.actions import UnitDirectory

    base = os.path.basename(name or "")
    if not base:
        raise ValidationError({"file": gettext("The uploaded file has no name")})
    if not data:
        raise ValidationError({"file": gettext("%(name)s: the uploaded file is empty") % {"name": base}})
    if len(data) > settings.TAIZHANG_MAX_UPLOAD_BYTES:
        raise ValidationError(
            {
                "file": gettext("%(name)s: the uploaded file is larger than %(limit)s MB")
                % {"name": base, "limit": settings.TAIZHANG_MAX_UPLOAD_BYTES // (1024 * 1024)}
            }
        )
    if not allow_duplicate:
        earlier = find_duplicate(data)
        if earlier is not None:
            raise DuplicateDocument(base, earlier)
    if extraction is None:
        extraction = _run_extractor(data, base)
    info = extraction.info
    kind = info.kind if info.kind in PolicyKind.values else PolicyKind.OTHER
    policy_title = (title or info.title or os.path.splitext(base)[0]).strip()[:300]

    with transaction.atomic():
        if not allow_duplicate:
            # Two uploads of one file at once (a double click): the second waits for the first's
            # transaction, then finds its policy and is refused.
            _lock_document(data)
            earlier = find_duplicate(data)
            if earlier is not None:
                raise DuplicateDocument(base, earlier)
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

        measures: dict[str, Measure] = {}
        for found in extraction.tasks:
            if found.measure and found.measure not in measures:
                measures[found.measure] = Measure(
                    policy=policy, title=found.measure[:300], order=len(measures)
                )
        Measure.objects.bulk_create(measures.values())

        tasks: list[Task] = []
        references = assign_references([found.ref or "" for found in extraction.tasks])
        for order, found in enumerate(extraction.tasks):
            deadline = found.deadline
            doubts = list(found.doubts)
            text_only = ""
            if deadline is not None and deadline.kind != "ongoing" and not in_deadline_years(deadline.year):
                # A year no deadline may name (the one validator refuses it): the reviewer sets it.
                text_only, deadline = deadline.text, None
                doubts.append("no_deadline")
            task = Task(
                policy=policy,
                measure=measures[found.measure] if found.measure else None,
                ref=(found.ref or "")[:40],
                reference=references[order],
                order=order,
                text=found.text,
                deadline_kind=deadline.kind if deadline else "",
                deadline_year=deadline.year if deadline and deadline.kind != "ongoing" else None,
                deadline_month=deadline.month if deadline and deadline.kind == "month" else None,
                deadline_text=(deadline.text if deadline else text_only)[:100],
                span_start=found.span.start,
                span_end=found.span.end,
                confidence=found.confidence,
                doubts=" ".join(dict.fromkeys(doubts)),
                status=TaskStatus.DRAFT,
            )
            try:
                task.full_clean(exclude=["policy", "measure"])
            except ValidationError as exc:
                raise ValidationError(
                    {
                        "tasks": gettext("Task no. %(number)s (%(reference)s): %(error)s")
                        % {"number": order + 1, "reference": references[order], "error": exc.messages[0]}
                    }
                ) from None
            tasks.append(task)
        Task.objects.bulk_create(tasks, batch_size=500)

        directory = UnitDirectory(user)
        assignments: list[TaskAssignment] = []
        for task, found in zip(tasks, extraction.tasks, strict=True):
            seen: set[int] = set()
            for role, names in ((AssignmentRole.LEAD, found.lead_units), (AssignmentRole.CO, found.co_units)):
                for position, unit_name in enumerate(names):
                    unit = directory.get_or_propose(unit_name)
                    if unit.pk in seen:
                        continue
                    seen.add(unit.pk)
                    assignments.append(TaskAssignment(task=task, unit=unit, role=role, order=position))
        TaskAssignment.objects.bulk_create(assignments, batch_size=500)
        fields = ["ref", "reference", "text", "deadline_kind", "deadline_year", "deadline_month"]
        fields += ["confidence", "doubts"]
        record_many(user, "import_task", ((task, None, snapshot(task, fields)) for task in tasks))

        starts = [t.span_start or 0 for t in tasks]
        metrics: list[Metric] = []
        for found in extraction.metrics:
            # The task whose span holds the figure (tasks are in reading order).
            i = bisect.bisect_right(starts, found.span.start) - 1
            owner = tasks[i] if i >= 0 and found.span.start < (tasks[i].span_end or 0) else None
            metric = Metric(
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
                confidence=found.confidence,
                doubts=" ".join(found.doubts),
            )
            metrics.append(metric)
        Metric.objects.bulk_create(metrics, batch_size=500)
        # Stored last, so a refused import leaves no file behind.
        policy.original.save(base, ContentFile(data), save=False)
        policy.save(update_fields=["original"])
    return ImportResult(policy, directory.proposed)


@dataclass(frozen=True)
class PublishWarning:
    """A task that would be handed out without a lead unit or without a deadline (完成时限)."""

    task_id: int
    label: str  # the task's reference (任务编号), or #id
    text: str
    no_lead: bool
    no_deadline: bool


class PublishNeedsConfirmation(ValidationError):
    """Publishing would hand out tasks without a lead unit or deadline: the supervisor sees them
    and confirms (``digest`` names exactly these warnings), or corrects the tasks first."""

    def __init__(self, policy: Policy, warnings: list[PublishWarning]) -> None:
        problems = [
            gettext("Task %(task)s has no lead unit") % {"task": w.label} for w in warnings if w.no_lead
        ]
        problems += [
            gettext("Task %(task)s has no deadline") % {"task": w.label} for w in warnings if w.no_deadline
        ]
        shown = gettext("; ").join(problems[:10]) + (
            gettext("; %(count)s problems in all") % {"count": len(problems)} if len(problems) > 10 else ""
        )
        super().__init__(
            {
                "tasks": gettext("%(problems)s: confirm before “%(title)s” can be published")
                % {"problems": shown, "title": policy.title}
            }
        )
        self.policy = policy
        self.warnings = warnings
        self.digest = warnings_digest(warnings)


def publish_warnings(policy: Policy) -> list[PublishWarning]:
    """The tasks of ``policy`` without a lead unit or without a deadline, in the document's order."""
    from django.db.models import Exists, OuterRef

    from taizhang.ledger.models import AssignmentRole, Task, TaskAssignment

    lead = TaskAssignment.objects.filter(task=OuterRef("pk"), role=AssignmentRole.LEAD)
    rows = (
        Task.objects.filter(policy=policy)
        .annotate(has_lead=Exists(lead))
        .filter(models.Q(has_lead=False) | models.Q(deadline_kind=""))
        .order_by("order", "pk")
        .values_list("pk", "reference", "text", "has_lead", "deadline_kind")
    )
    return [
        PublishWarning(pk, reference or f"#{pk}", text, not has_lead, not deadline_kind)
        for pk, reference, text, has_lead, deadline_kind in rows
    ]


def warnings_digest(warnings: Iterable[PublishWarning]) -> str:
    """A short fingerprint of a list of warnings: a confirmation holds only for what was shown."""
    key = ";".join(f"{w.task_id}:{int(w.no_lead)}{int(w.no_deadline)}" for w in warnings)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def do_publish_policy(user: Any, policy: Policy, *, confirm: str | bool = False) -> Policy:
    """Publish a draft policy (交办): every task becomes assigned to its units, or nothing changes.

    Refused, naming the tasks, when a unit is still only proposed. Tasks without a lead unit or
    without a deadline do not stop it, but the supervisor must have seen them: without
    ``confirm`` (the digest of the warnings he was shown, or True to accept whatever they are)
    it raises :class:`PublishNeedsConfirmation` listing them, and a digest that no longer matches
    (a task changed in the meantime) raises it again. History records the warnings confirmed.
    """
    can_publish_policy(user).check()
    from taizhang.ledger.models import Task, TaskStatus
    from taizhang.units.models import UnitStatus

    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        if policy.status != PolicyStatus.DRAFT:
            raise ValidationError(
                {"status": gettext("“%(title)s” is published already") % {"title": policy.title}}
            )
        tasks = list(Task.objects.filter(policy=policy).prefetch_related("assignments__unit"))
        if not tasks:
            raise ValidationError(
                {
                    "tasks": gettext("“%(title)s” has no tasks and cannot be published")
                    % {"title": policy.title}
                }
            )
        problems: list[str] = []
        for task in tasks:
            label = task.label
            for a in task.assignments.all():
                if a.unit.status != UnitStatus.CONFIRMED or a.unit.merged_into_id is not None:
                    problems.append(
                        gettext("The unit “%(unit)s” of task %(task)s is not confirmed yet")
                        % {"task": label, "unit": a.unit.name}
                    )
        if problems:
            shown = gettext("; ").join(problems[:10]) + (
                gettext("; %(count)s problems in all") % {"count": len(problems)}
                if len(problems) > 10
                else ""
            )
            raise ValidationError({"tasks": shown})
        warnings = publish_warnings(policy)
        if warnings and confirm is not True and confirm != warnings_digest(warnings):
            raise PublishNeedsConfirmation(policy, warnings)
        now = timezone.now()
        before = snapshot(policy, ["status", "published_at"])
        policy.status = PolicyStatus.PUBLISHED
        policy.published_at = now
        policy.version += 1
        policy.save(update_fields=["status", "published_at", "version"])
        after = snapshot(policy, ["status", "published_at"])
        if warnings:
            after["confirmed_warnings"] = {
                "no_lead": [w.label for w in warnings if w.no_lead],
                "no_deadline": [w.label for w in warnings if w.no_deadline],
            }
        record(user, policy, "publish_policy", before=before, after=after)
        Task.objects.filter(policy=policy).update(
            status=TaskStatus.ASSIGNED, assigned_at=now, version=models.F("version") + 1
        )
        record_many(
            user,
            "assign_task",
            (
                (
                    task,
                    {"status": task.status},
                    {"status": TaskStatus.ASSIGNED, "units": [a.unit.name for a in task.assignments.all()]},
                )
                for task in tasks
            ),
        )
        tasks_changed([task.pk for task in tasks])  # 交办: every task gets its colour now
    return policy


# Separators between unit names typed in one field: the enumeration comma, commas, semicolons,
# slashes and line breaks.
# matches: "、" in "区商务局、区发展改革局"; must not match: "区商务局"
UNIT_SEPARATORS_RE = re.compile(r"[、，,；;／/\n\r]+")
# A field that says "no unit" in a task table.
# matches: "——", "-", "无"; must not match: "区商务局"
NO_UNIT_RE = re.compile(r"^(?:[—\-－–]+|无|/)$")


def split_unit_names(value: str) -> list[str]:
    """The unit names typed in one field ("区商务局、区发展改革局"), blanks and "——" dropped."""
    names: list[str] = []
    for part in UNIT_SEPARATORS_RE.split(value or ""):
        part = part.strip()
        if part and not NO_UNIT_RE.match(part) and part not in names:
            names.append(part)
    return names


def _require_draft(policy: Policy) -> None:
    if policy.status != PolicyStatus.DRAFT:
        raise ValidationError(
            {
                "status": gettext("“%(title)s” is published already; change it on the task pages")
                % {"title": policy.title}
            }
        )


def _assign_units(user: Any, task: Any, lead: Iterable[str], co: Iterable[str]) -> list[str]:
    """Replace the task's assignments by the named units (matched or proposed); their names."""
    from taizhang.ledger.models import AssignmentRole, TaskAssignment
    from taizhang.units.actions import UnitDirectory

    directory = UnitDirectory(user)
    TaskAssignment.objects.filter(task=task).delete()
    seen: set[int] = set()
    names: list[str] = []
    for role, group in ((AssignmentRole.LEAD, lead), (AssignmentRole.CO, co)):
        for position, name in enumerate(group):
            unit = directory.get_or_propose(name)
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            TaskAssignment.objects.create(task=task, unit=unit, role=role, order=position)
            names.append(f"{role}:{unit.name}")
    return names


def _unit_names(task: Any) -> list[str]:
    return [
        f"{a.role}:{a.unit.name}" for a in task.assignments.select_related("unit").order_by("role", "order")
    ]


def do_update_draft_task(
    user: Any,
    task: Any,
    *,
    seen_version: int,
    changes: dict[str, Any],
    lead: Iterable[str] | None = None,
    co: Iterable[str] | None = None,
) -> Any:
    """Correct a task of a draft policy on the review screen: its fields (as ``do_update_task``,
    refusing a stale edit) and, when given, its lead and co-units by name. An unknown name
    proposes a unit. One transaction; history records the fields and units before and after."""
    can_review_policy(user).check()
    from taizhang.ledger.actions import do_update_task

    with transaction.atomic():
        _require_draft(Policy.objects.select_for_update().get(pk=task.policy_id))
        if lead is not None:
            lead = list(lead)
            if not lead:
                raise ValidationError({"lead": gettext("Please name at least one lead unit")})
        deadline = ("deadline_kind", "deadline_year", "deadline_month")
        if "deadline_text" not in changes and any(
            name in changes and changes[name] != getattr(task, name) for name in deadline
        ):
            # The document's wording no longer describes a corrected deadline.
            changes = {**changes, "deadline_text": ""}
        task = do_update_task(user, task, seen_version=seen_version, **changes)
        if lead is not None or co is not None:
            before = _unit_names(task)
            current = {"lead": [], "co": []}  # type: dict[str, list[str]]
            for entry in before:
                role, name = entry.split(":", 1)
                current[role].append(name)
            after = _assign_units(
                user,
                task,
                lead if lead is not None else current["lead"],
                co if co is not None else current["co"],
            )
            if after != before:
                record(user, task, "update_task_units", before={"units": before}, after={"units": after})
        _mark_checked(user, task)
    return task


def _mark_checked(user: Any, item: Any) -> None:
    """A person saved the task or metric on the review screen: the extraction's reasons for
    doubt are answered. Its confidence becomes 1.0 and its reasons are cleared; the history keeps
    what they were (and the import's row what the extraction said)."""
    if not item.doubts and item.confidence == 1.0:
        return
    before = {"confidence": item.confidence, "doubts": item.doubts}
    type(item).objects.filter(pk=item.pk).update(confidence=1.0, doubts="")
    item.confidence, item.doubts = 1.0, ""
    task_id = item.pk if item._meta.model_name == "task" else item.task_id
    record(
        user, item, "check_extracted", before=before, after={"confidence": 1.0, "doubts": ""}, task_id=task_id
    )


def do_add_draft_task(
    user: Any,
    policy: Policy,
    *,
    text: str,
    ref: str = "",
    measure: Measure | None = None,
    deadline_kind: str = "",
    deadline_year: int | None = None,
    deadline_month: int | None = None,
    weight: Any = 1,
    lead: Iterable[str] = (),
    co: Iterable[str] = (),
) -> Any:
    """Add a task the extractor missed to a draft policy, placed after the others."""
    can_review_policy(user).check()
    from django.db.models import Max

    from taizhang.ledger.models import Task, TaskStatus

    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        _require_draft(policy)
        if measure is not None and measure.policy_id != policy.pk:
            raise ValidationError(
                {"measure": gettext("The main measure must belong to the same policy document")}
            )
        order = (Task.objects.filter(policy=policy).aggregate(m=Max("order"))["m"] or 0) + 1
        taken = set(Task.objects.filter(policy=policy).values_list("reference", flat=True))
        task = Task(
            policy=policy,
            measure=measure,
            ref=ref.strip()[:40],
            reference=next_reference(ref.strip() or position_reference(len(taken) + 1), taken),
            order=order,
            text=text.strip(),
            deadline_kind=deadline_kind or "",
            deadline_year=deadline_year,
            deadline_month=deadline_month,
            weight=weight,
            status=TaskStatus.DRAFT,
        )
        task.full_clean(exclude=["policy", "measure"])
        task.save()
        units = _assign_units(user, task, list(lead), list(co))
        after = snapshot(
            task, ["ref", "reference", "text", "deadline_kind", "deadline_year", "deadline_month", "weight"]
        )
        record(user, task, "add_task", after={**after, "units": units})
    return task


def do_delete_draft_task(user: Any, task: Any) -> None:
    """Delete a task of a draft policy (a false find of the extractor); history keeps its values."""
    can_review_policy(user).check()
    from taizhang.ledger.models import Task

    with transaction.atomic():
        _require_draft(Policy.objects.select_for_update().get(pk=task.policy_id))
        task = Task.objects.select_for_update().get(pk=task.pk)
        before = snapshot(
            task, ["ref", "reference", "text", "deadline_kind", "deadline_year", "deadline_month", "weight"]
        )
        record(user, task, "delete_task", before={**before, "units": _unit_names(task)})
        task.delete()


METRIC_EDIT_FIELDS = ("indicator", "value", "unit", "comparator", "year", "kind", "task")


def do_update_metric(user: Any, metric: Any, **changes: Any) -> Any:
    """Correct a metric (指标) of a draft policy: indicator, value, unit, comparator, year, kind, task."""
    can_review_policy(user).check()
    from taizhang.ledger.models import Metric

    unknown = set(changes) - set(METRIC_EDIT_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: gettext("This field cannot be changed here")})
    with transaction.atomic():
        _require_draft(Policy.objects.select_for_update().get(pk=metric.policy_id))
        metric = Metric.objects.select_for_update().get(pk=metric.pk)
        task = changes.get("task")
        if task is not None and task.policy_id != metric.policy_id:
            raise ValidationError(
                {"task": gettext("An indicator can belong only to a task of the same policy document")}
            )
        before = snapshot(metric, list(changes))
        for name, value in changes.items():
            setattr(metric, name, value)
        metric.full_clean(exclude=["policy", "task"])
        metric.save(update_fields=[("task" if n == "task" else n) for n in changes])
        record(
            user,
            metric,
            "update_metric",
            before=before,
            after=snapshot(metric, list(changes)),
            task_id=metric.task_id,
        )
        _mark_checked(user, metric)
    return metric


def do_create_measure(user: Any, policy: Policy, *, title: str, ref: str = "") -> Measure:
    """The supervisor adds a measure (主要措施) to group tasks under, placed after the others."""
    can_restructure_policy(user).check()
    from django.db.models import Max

    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": gettext("The main measure's name may not be empty")})
    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        order = (policy.measures.aggregate(m=Max("order"))["m"] or 0) + 1
        measure = Measure(policy=policy, ref=(ref or "").strip()[:40], title=title[:300], order=order)
        measure.full_clean(exclude=["policy"])
        measure.save()
        record(user, measure, "create_measure", after=snapshot(measure, ["ref", "title", "order"]))
    return measure


def do_set_report_cadence(user: Any, policy: Policy, cadence: str) -> Policy:
    """The supervisor sets how often the lead units of ``policy`` report progress."""
    can_restructure_policy(user).check()
    from taizhang.policies.models import ReportCadence

    if cadence not in ReportCadence.values:
        raise ValidationError(
            {
                "report_cadence": gettext("The reporting cadence %(cadence)s is not one of %(choices)s")
                % {"cadence": repr(cadence), "choices": ", ".join(ReportCadence.values)}
            }
        )
    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        if policy.report_cadence == cadence:
            return policy
        before = snapshot(policy, ["report_cadence"])
        policy.report_cadence = cadence
        policy.version += 1
        policy.save(update_fields=["report_cadence", "version"])
        record(user, policy, "set_report_cadence", before=before, after=snapshot(policy, ["report_cadence"]))
    return policy

"""The ledger (台账): tasks, who answers for them, their targets, reports and extensions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .rules import deadline_date  # the one home of deadlines (ledger.rules)

__all__ = [
    "Task",
    "TaskStatus",
    "DeadlineKind",
    "TaskAssignment",
    "AssignmentRole",
    "Metric",
    "ProgressReport",
    "ReportStatus",
    "ReportContribution",
    "Attachment",
    "EvidenceFrozen",
    "FROZEN_REPORT_STATUSES",
    "ExtensionRequest",
    "ExtensionStatus",
    "deadline_date",
    "DEADLINE_YEARS",
    "check_deadline",
    "validate_deadline_year",
    "in_deadline_years",
]

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class DeadlineKind(models.TextChoices):
    NONE = "", _("Not set")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year only")
    ONGOING = "ongoing", _("Ongoing work (常态化推进)")


#: The years a deadline may name, on every path (web forms, API, workbooks, imports, actions).
DEADLINE_YEARS = (1949, 2100)


def in_deadline_years(year: int | None) -> bool:
    """Whether a deadline may name ``year`` (no year at all passes)."""
    return year is None or DEADLINE_YEARS[0] <= int(year) <= DEADLINE_YEARS[1]


def validate_deadline_year(year: int | None) -> None:
    """The one check of a deadline's year (a Django validator): within :data:`DEADLINE_YEARS`.
    Forms, API serializers, the workbook import and the models all call it, so 9999 is refused
    everywhere with the same message."""
    low, high = DEADLINE_YEARS
    if not in_deadline_years(year):
        raise ValidationError(
            gettext("The deadline's year %(year)s is out of range: it should be between %(low)s and %(high)s")
            % {"year": year, "low": low, "high": high},
            code="deadline_year",
        )


def check_deadline(kind: str, year: int | None, month: int | None, field: str) -> None:
    """A deadline's kind, year and month agree, and its year is in bounds; ValidationError on ``field``."""
    try:
        validate_deadline_year(year)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None
    if kind == DeadlineKind.MONTH and (year is None or month is None or not 1 <= month <= 12):
        raise ValidationError({field: gettext("A monthly deadline needs a year and a month from 1 to 12")})
    if kind == DeadlineKind.YEAR and year is None:
        raise ValidationError({field: gettext("A yearly deadline needs a year")})
    if kind in (DeadlineKind.ONGOING, DeadlineKind.NONE) and (year is not None or month is not None):
        raise ValidationError({field: gettext("An ongoing or undecided deadline has no year or month")})


class TaskStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ASSIGNED = "assigned", _("Assigned")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RETURNED_TO_SUPERVISOR = "returned_to_supervisor", _("Returned to the supervision office")
    IN_PROGRESS = "in_progress", _("In progress")
    CLOSED = "closed", _("Closed")


class TaskQuerySet(models.QuerySet["Task"]):
    def visible_to(self, user: object) -> TaskQuerySet:
        """The tasks ``user`` may read (see taizhang/ledger/access.py)."""
        from .access import visible_tasks

        return visible_tasks(self, user)

    def by_reference(self, few: bool = False) -> TaskQuerySet:
        """In the documents' order: policy (by id), order, pk, read off ``task_policy_order_idx``.

        ``few``: the rows are a small, scattered share of the table (one unit's tasks), quicker to
        sort than to find by walking the whole index; the expression (the same order) keeps the
        database from choosing the walk.
        """
        if few:
            return self.order_by(models.F("policy_id") + 0, "order", "pk")
        return self.order_by("policy_id", "order", "pk")


class Task(models.Model):
    """One accountable piece of work (重点任务) with its reference, deadline and progress.

    When a deadline is extended the first deadline is kept in ``original_deadline_*``.
    """

    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="tasks")
    measure = models.ForeignKey(
        "policies.Measure", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    ref = models.CharField(
        _("number in the document"), max_length=40, blank=True
    )  # 二.(五).11, as the document writes it
    # The task's one name within its policy (references.py): unique, stable once given.
    reference = models.CharField(_("task reference"), max_length=60, blank=True)
    order = models.PositiveIntegerField(default=0)
    text = models.TextField(_("key task"))
    deadline_kind = models.CharField(max_length=10, choices=DeadlineKind.choices, blank=True, default="")
    deadline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    deadline_month = models.PositiveSmallIntegerField(null=True, blank=True)
    deadline_text = models.CharField(max_length=100, blank=True)
    original_deadline_kind = models.CharField(
        max_length=10, choices=DeadlineKind.choices, blank=True, default=""
    )
    original_deadline_year = models.PositiveSmallIntegerField(null=True, blank=True)
    original_deadline_month = models.PositiveSmallIntegerField(null=True, blank=True)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    # How sure the extraction is of the values, and what the reviewer should check (codes of
    # taizhang.extract.confidence.Doubt, space-separated); 1.0 and none once a person saved them.
    confidence = models.FloatField(_("confidence"), default=1.0)
    doubts = models.CharField(_("reasons for doubt"), max_length=255, blank=True, default="")
    status = models.CharField(
        max_length=30, choices=TaskStatus.choices, default=TaskStatus.DRAFT, db_index=True
    )
    progress = models.PositiveSmallIntegerField(default=0, validators=PERCENT)
    # Typed facts the status rules read (supervision.facts), kept by the report actions: when the
    # accepted progress last moved, and how many of the latest reviews in a row were returns.
    progress_changed_at = models.DateTimeField(null=True, blank=True)
    consecutive_returns = models.PositiveSmallIntegerField(default=0)
    weight = models.DecimalField(max_digits=6, decimal_places=2, default=1)
    assigned_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "order", "pk"]
        # The lists' order by reference (policy, order, pk) reads its first page off this index.
        indexes = [models.Index(fields=["policy", "order", "id"], name="task_policy_order_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "reference"],
                condition=~models.Q(reference=""),
                name="task_unique_reference_per_policy",
            )
        ]
        verbose_name = _("key task")
        verbose_name_plural = _("key tasks")

    def __str__(self) -> str:
        return f"{self.label} {self.text[:30]}"

    @property
    def label(self) -> str:
        """How a person names this task: its reference (a row written without one: its id)."""
        return self.reference or f"#{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A new task written without a reference (a test's or a script's row) is given the next
        free one of its policy; the actions give it themselves."""
        if self._state.adding and not self.reference and self.policy_id is not None:
            from .references import next_reference, position_reference

            taken = set(Task.objects.filter(policy_id=self.policy_id).values_list("reference", flat=True))
            wanted = self.ref or position_reference(len(taken) + 1)
            self.reference = next_reference(wanted, taken)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not self.text.strip():
            raise ValidationError({"text": gettext("The task's content may not be empty")})
        check_deadline(self.deadline_kind, self.deadline_year, self.deadline_month, "deadline_kind")
        if self.weight is not None and self.weight <= 0:
            raise ValidationError({"weight": gettext("The weight must be more than 0")})
        if self.span_start is not None and self.span_end is not None and self.span_end < self.span_start:
            raise ValidationError(
                {"span_end": gettext("The end of the place in the text cannot come before its start")}
            )

    @property
    def deadline(self) -> dt.date | None:
        return deadline_date(self.deadline_kind, self.deadline_year, self.deadline_month)

    @property
    def original_deadline(self) -> dt.date | None:
        return deadline_date(
            self.original_deadline_kind, self.original_deadline_year, self.original_deadline_month
        )

    @property
    def was_extended(self) -> bool:
        return bool(self.original_deadline_kind)


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Lead unit")
    CO = "co", _("Co-unit")


class TaskAssignment(models.Model):
    """A unit's part in a task: lead (牵头) or co-unit (协办), and whether it acknowledged (签收)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(max_length=10, choices=AssignmentRole.choices)
    order = models.PositiveSmallIntegerField(default=0)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    returned_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["task", "role", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="assignment_unique_unit_per_task")
        ]
        verbose_name = _("task assignment")
        verbose_name_plural = _("task assignments")

    def __str__(self) -> str:
        return f"{self.task_id}:{self.unit} ({self.role})"


class Metric(models.Model):
    """A quantified target or actual (指标) of a policy, attached to a task when it sits in one."""

    class Kind(models.TextChoices):
        TARGET = "target", _("Target value")
        ACTUAL = "actual", _("Actual value")

    policy = models.ForeignKey("policies.Policy", on_delete=models.CASCADE, related_name="metrics")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.SET_NULL, related_name="metrics")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TARGET)
    indicator = models.CharField(max_length=200)
    value = models.FloatField()
    unit = models.CharField(max_length=30, blank=True)
    comparator = models.CharField(max_length=2, default=">=")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    span_text = models.TextField(blank=True)
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    raw = models.CharField(max_length=100, blank=True)
    # As a task's: the extraction's confidence and reasons for doubt, cleared once a person saved it.
    confidence = models.FloatField(_("confidence"), default=1.0)
    doubts = models.CharField(_("reasons for doubt"), max_length=255, blank=True, default="")

    class Meta:
        ordering = ["policy", "span_start", "pk"]
        verbose_name = _("metric")
        verbose_name_plural = _("metrics")

    def __str__(self) -> str:
        return f"{self.indicator} {self.comparator} {self.value}{self.unit}"

    def clean(self) -> None:
        if self.comparator not in {">=", ">", "=", "~", "<=", "<"}:
            raise ValidationError(
                {
                    "comparator": gettext("The comparator %(comparator)s is not one of >=, >, =, ~, <=, <")
                    % {"comparator": repr(self.comparator)}
                }
            )


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED_BY_LEADER = "approved_by_leader", _("Approved by the unit leader")
    ACCEPTED = "accepted", _("Accepted by the supervision office")
    RETURNED = "returned", _("Returned")


class ReportQuerySet(models.QuerySet["ProgressReport"]):
    def visible_to(self, user: object) -> ReportQuerySet:
        """The reports ``user`` may read (see taizhang/ledger/access.py)."""
        from .access import visible_reports

        return visible_reports(self, user)


class ProgressReport(models.Model):
    """A lead unit's report (进展报送) on a task for one period, reviewed by its leader then the supervisor."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="reports")
    period = models.CharField(max_length=10)  # "2025-03", "2025-Q1", "2025-H1", "2025"
    narrative = models.TextField(blank=True)
    percent = models.PositiveSmallIntegerField(default=0, validators=PERCENT)
    metric_values = models.JSONField(default=dict, blank=True)  # {metric id: value}
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT, db_index=True
    )
    # The lead unit asks for the task to be closed (申请办结) with this report: 100 %, with evidence.
    requests_close = models.BooleanField(_("asks for closing"), default=False)
    comments = models.TextField(blank=True)  # why it was returned (退回意见), by the leader or the supervisor
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["task", "period", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "period"], name="report_unique_period_per_unit")
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.task_id} {self.period} {self.unit}"

    @property
    def is_editable(self) -> bool:
        """A draft or a returned report may still be changed by its unit."""
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportContribution(models.Model):
    """A co-unit's addition (协办单位补充) to the lead unit's report."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="contributions")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="contributions")
    text = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("co-unit addition")
        verbose_name_plural = _("co-unit additions")


#: A report its unit leader approved, or the supervisor accepted: its evidence is frozen.
FROZEN_REPORT_STATUSES = (ReportStatus.APPROVED_BY_LEADER, ReportStatus.ACCEPTED)


class EvidenceFrozen(ValidationError):
    """Evidence added to or removed from a report its leader approved or the supervisor accepted."""

    def __init__(self, report_id: int | None) -> None:
        super().__init__(
            {
                "file": gettext(
                    "Progress report #%(report_id)s was approved by the unit leader or accepted by the supervisor; its evidence is locked and can no longer be added or deleted"
                )
                % {"report_id": report_id}
            }
        )


class AttachmentQuerySet(models.QuerySet["Attachment"]):
    def delete(self) -> tuple[int, dict[str, int]]:
        frozen = self.filter(report__status__in=FROZEN_REPORT_STATUSES).values_list("report_id", flat=True)
        first = frozen.first()
        if first is not None:
            raise EvidenceFrozen(first)
        return super().delete()


class Attachment(models.Model):
    """An evidence file (佐证材料) attached to a report.

    Frozen with its report: once the unit leader approved the report (or the supervisor accepted
    it) no file is added to it or removed from it, by any code path (``save``/``delete`` refuse
    with :class:`EvidenceFrozen`; the actions refuse first, through ``can_add_attachment`` and
    ``can_delete_attachment``). Deleting a whole report or task takes its files with it.
    """

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="evidence/%Y/%m/")
    name = models.CharField(max_length=255)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.name

    def _frozen(self) -> bool:
        return ProgressReport.objects.filter(pk=self.report_id, status__in=FROZEN_REPORT_STATUSES).exists()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding and self._frozen():
            raise EvidenceFrozen(self.report_id)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._frozen():
            raise EvidenceFrozen(self.report_id)
        return super().delete(*args, **kwargs)


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class ExtensionRequest(models.Model):
    """A unit's request to extend a task's deadline (延期申请), decided by the supervisor."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extension_requests")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="extension_requests")
    requested_kind = models.CharField(max_length=10, choices=DeadlineKind.choices)
    requested_year = models.PositiveSmallIntegerField(null=True, blank=True)
    requested_month = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.TextField()
    status = models.CharField(max_length=10, choices=ExtensionStatus.choices, default=ExtensionStatus.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["task", "requested_at", "pk"]
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")

    def clean(self) -> None:
        if not self.reason.strip():
            raise ValidationError({"reason": gettext("An extension request needs a reason")})
        check_deadline(self.requested_kind, self.requested_year, self.requested_month, "requested_kind")

"""What the API reads and writes: one serializer per resource, and one per action's input.

Output serializers are read-only views of rows already fetched through ``access.py``. Input
serializers only check shapes and bounds (types, lengths, ranges); the rules of the ledger are
left to the ``do_*`` actions, which the views call with the validated values.
"""

from __future__ import annotations

import math
import re
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from taizhang.core.models import HistoryEntry
from taizhang.jobs.models import Job
from taizhang.ledger.models import (
    DEADLINE_YEARS,
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
    validate_deadline_year,
)
from taizhang.ledger.rules import PERIOD_RE, Colour, ScheduleStatus, displayed_colour
from taizhang.policies.models import Measure, Policy, PolicyStatus
from taizhang.supervision.wording import reason_text
from taizhang.units.models import Unit, UnitKind, UnitStatus

__all__ = [
    "TokenSerializer",
    "PolicySerializer",
    "PolicyImportSerializer",
    "JobSerializer",
    "MeasureSerializer",
    "TaskSerializer",
    "TaskUpdateSerializer",
    "TaskFilterSerializer",
    "ReasonSerializer",
    "ReassignSerializer",
    "ExtensionInputSerializer",
    "CloseSerializer",
    "UnitSerializer",
    "UnitConfirmSerializer",
    "UnitMergeSerializer",
    "ReportSerializer",
    "ReportCreateSerializer",
    "ReportUpdateSerializer",
    "ReportFilterSerializer",
    "CommentsSerializer",
    "ContributionInputSerializer",
    "AttachmentUploadSerializer",
    "ExtensionRequestSerializer",
    "ExtensionDecisionSerializer",
    "HistoryEntrySerializer",
    "ExtensionFilterSerializer",
    "UnitFilterSerializer",
    "PolicyFilterSerializer",
    "MAX_ID",
]

# Ids are 64-bit; a larger number is refused as input rather than sent to the database.
MAX_ID = 2**63 - 1
YEAR_BOUNDS: dict[str, Any] = {"min_value": DEADLINE_YEARS[0], "max_value": DEADLINE_YEARS[1]}


class DeadlineYearField(serializers.IntegerField):
    """A deadline's year: bounded in the schema, checked by the ledger's one validator
    (``validate_deadline_year``), so the API refuses 9999 with the web's and the workbook's message."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**YEAR_BOUNDS, **kwargs)
        self.validators = [validate_deadline_year]


# A reporting period: a year, a month, a quarter or a half-year.
# matches: "2025", "2025-03", "2025-Q1", "2025-H2"; must not match: "2025-13", "25-03", "2025Q1"
# A month a deadline filter names.
# matches: "2025-06"; must not match: "2025-6", "2025-00", "2025-06-30"
MONTH_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")


def _no_surrogates(value: str) -> None:
    """Lone UTF-16 surrogates cannot be stored (PostgreSQL refuses them): refuse them as input."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise serializers.ValidationError(
            gettext("The text has characters that cannot be saved (lone surrogate code points)")
        )


class Text(serializers.CharField):
    """A text field that refuses characters no database can store (NUL, lone surrogates)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators.append(_no_surrogates)


def IdField(**kwargs: Any) -> serializers.IntegerField:  # noqa: N802 - reads as a field class
    """A row id: a positive 64-bit integer."""
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


# Descriptions of fields by name, shared by the output serializers (the OpenAPI document shows them).
HELP = {
    "id": "Id of the row.",
    "policy": "Id of the policy.",
    "task": "Id of the task.",
    "unit": "Id of the unit.",
    "measure": "Id of the measure (主要措施), or null.",
    "order": "Position within the parent.",
    "name": "Name.",
    "short_name": "Short name the documents also use.",
    "size": "Size in bytes.",
    "text": "The text.",
    "reason": "The reason given.",
    "note": "A note about the change.",
    "status": "Workflow status.",
    "kind": "Kind.",
    "created_at": "When it was created.",
    "uploaded_at": "When it was uploaded.",
    "requested_at": "When it was requested.",
    "decided_at": "When it was decided; null while pending.",
    "submitted_at": "When the officer submitted it.",
    "approved_at": "When the unit leader approved it.",
    "reviewed_at": "When the supervisor accepted or returned it.",
    "assigned_at": "When it was assigned (交办).",
    "closed_at": "When it was closed (办结).",
    "at": "When it happened.",
    "actor": "Id of the user who did it.",
    "object_id": "Id of the changed row.",
    "deadline_year": "Year of the deadline.",
    "deadline_month": "Month of the deadline (1-12), for a month deadline.",
    "original_deadline_year": "Year of the first deadline.",
    "original_deadline_month": "Month of the first deadline.",
    "requested_kind": "Kind of the requested deadline: month, year or ongoing.",
    "requested_year": "Year of the requested deadline.",
    "requested_month": "Month of the requested deadline.",
    "version": "Row version, raised by every change (optimistic locking).",
}


def _help(fields: list[str], **own: str) -> dict[str, dict[str, str]]:
    """``extra_kwargs`` giving every field of ``fields`` a description (``own`` first, then HELP)."""
    texts = {**HELP, **own}
    return {name: {"help_text": texts[name]} for name in fields if name in texts}


# ----------------------------------------------------------------------------------------------
# Policies and measures


class TokenSerializer(serializers.Serializer[Any]):
    """A new API token: the key (shown this once; only its digest is stored) and when it expires."""

    token = serializers.CharField(
        help_text="The key: send it as `Authorization: Token <token>`; shown this once."
    )
    expires_at = serializers.DateTimeField(help_text="When the token stops working.")


class MeasureSerializer(serializers.ModelSerializer[Measure]):
    """A heading (主要措施) that groups tasks of one policy."""

    class Meta:
        model = Measure
        fields = ["id", "policy", "ref", "title", "order"]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            policy="The policy the measure belongs to.",
            ref="The measure's number in the document, e.g. 一 or （二）.",
            title="The measure's heading as the document gives it.",
            order="Position of the measure within its policy.",
        )


class PolicySerializer(serializers.ModelSerializer[Policy]):
    """A policy document (政策文件): a draft under review, or published (交办)."""

    task_count = serializers.SerializerMethodField(help_text="Number of tasks of the policy.")

    class Meta:
        model = Policy
        fields = [
            "id",
            "title",
            "year",
            "kind",
            "status",
            "report_cadence",
            "original_name",
            "original_sha256",
            "created_at",
            "published_at",
            "task_count",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            title="Title of the document.",
            year="Year the document applies to, when it names one.",
            kind="Kind of document: plan, measures, work report, task table, news, other.",
            status="draft while under review; published once assigned (交办).",
            report_cadence="How often lead units report progress on its tasks.",
            original_name="File name of the uploaded original.",
            original_sha256="SHA-256 of the uploaded original.",
            published_at="When the policy was published; null for a draft.",
            version="Row version, raised by every change (optimistic locking).",
        )

    def get_task_count(self, policy: Policy) -> int:
        annotated = getattr(policy, "task_count", None)
        if isinstance(annotated, int):
            return annotated
        return policy.tasks.count()


class PolicyImportSerializer(serializers.Serializer[Any]):
    """A document to import as a draft policy (multipart upload)."""

    file = serializers.FileField(
        help_text="The policy document (.txt, .docx, .pdf, .html, .xlsx ...); checked by content."
    )
    title = Text(
        required=False,
        allow_blank=True,
        max_length=300,
        help_text="Title to use instead of the one the extractor finds.",
    )


class ProposedUnitSerializer(serializers.ModelSerializer[Unit]):
    class Meta:
        model = Unit
        fields = ["id", "name", "kind", "status"]
        read_only_fields = fields
        extra_kwargs = _help(fields)


class JobSerializer(serializers.ModelSerializer[Job]):
    """A background job the user started (an import): poll it until ``status`` is done or failed."""

    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "status",
            "progress",
            "step",
            "error",
            "result",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": "The job's number (its page: /jobs/{id}/)."},
            "kind": {
                "help_text": "What the job does: import_policy, bulletin, bluebook, reminders, benchdata."
            },
            "status": {"help_text": "queued, running, done or failed."},
            "created_at": {"help_text": "When it was queued."},
            "started_at": {"help_text": "When the worker started it."},
            "finished_at": {"help_text": "When it finished (done or failed)."},
            "progress": {"help_text": "Percent done."},
            "step": {"help_text": "What the job is doing now."},
            "error": {"help_text": "Why it failed (naming the file and the reason), when it failed."},
            "result": {
                "help_text": "What it made, once done: for an import, the draft policy's id "
                "(`policy`) and the units it proposed (`proposed_units`: id and name)."
            },
        }


# ----------------------------------------------------------------------------------------------
# Tasks


class AssignmentSerializer(serializers.ModelSerializer[TaskAssignment]):
    """A unit's part in a task: lead (牵头) or co-unit (协办)."""

    unit_name = serializers.CharField(source="unit.name", read_only=True, help_text="The unit's name.")

    class Meta:
        model = TaskAssignment
        fields = ["unit", "unit_name", "role", "acknowledged_at", "returned_reason"]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            unit="Id of the unit.",
            role="lead (牵头单位) or co (协办单位).",
            acknowledged_at="When the unit acknowledged (签收) the task; null if not yet.",
            returned_reason="Why the unit sent the task back, if it did.",
        )


class TaskSerializer(serializers.ModelSerializer[Task]):
    """A task (重点任务) with its reference, deadline, status, progress and units."""

    policy_title = serializers.CharField(
        source="policy.title", read_only=True, help_text="Title of the policy."
    )
    measure_title = serializers.CharField(
        source="measure.title",
        read_only=True,
        default=None,
        allow_null=True,
        help_text="Heading of the measure, if any.",
    )
    deadline = serializers.DateField(
        read_only=True, allow_null=True, help_text="Last day the deadline allows; null if ongoing."
    )
    assignments = AssignmentSerializer(many=True, read_only=True, help_text="Lead and co-units.")
    colour = serializers.SerializerMethodField(
        help_text="The colour the task shows: green, amber, red, no_deadline (missing information) or closed."
    )
    schedule = serializers.SerializerMethodField(
        help_text="Against 序时进度: behind, on, ahead, ongoing, no_deadline, done; empty when not judged yet."
    )
    reasons = serializers.SerializerMethodField(
        help_text="Why the task has its colour: each rule that fires, its code, colour and text."
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "policy",
            "policy_title",
            "measure",
            "measure_title",
            "ref",
            "reference",
            "order",
            "text",
            "deadline_kind",
            "deadline_year",
            "deadline_month",
            "deadline_text",
            "deadline",
            "original_deadline_kind",
            "original_deadline_year",
            "original_deadline_month",
            "status",
            "progress",
            "weight",
            "assigned_at",
            "closed_at",
            "assignments",
            "colour",
            "schedule",
            "reasons",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            ref="The task's number as the document writes it (序号), e.g. 二.(五).11; not always unique.",
            reference=(
                "The task's unique, stable reference within its policy (任务编号): the document's number, "
                "with -1, -2… where the document repeats it (四.(二).3-5), or 第12项 for an unnumbered task."
            ),
            text="What is to be done.",
            deadline_kind="month, year, ongoing (常态化推进) or empty (not set).",
            deadline_text="The deadline as the document words it.",
            original_deadline_kind="The first deadline, kept when an extension moved it.",
            progress="Percent done, from the last accepted report.",
            weight="Weight of the task in its measure's and policy's progress.",
            version="Row version; send it back when editing (optimistic locking).",
        )

    @staticmethod
    def _stored(task: Task) -> Any:
        try:
            return task.rag  # type: ignore[attr-defined]
        except ObjectDoesNotExist:
            return None

    def get_colour(self, task: Task) -> str:
        stored = self._stored(task)
        return displayed_colour(
            closed=task.status == TaskStatus.CLOSED,
            stored=stored.colour if stored else None,
            deadline_kind=task.deadline_kind,
        ).value

    def get_schedule(self, task: Task) -> str:
        if task.status == TaskStatus.CLOSED:
            return ScheduleStatus.DONE.value
        stored = self._stored(task)
        return stored.schedule if stored else ""

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": {"type": "string"},
                    "colour": {"type": "string"},
                    "text": {"type": "string"},
                },
            },
        }
    )
    def get_reasons(self, task: Task) -> list[dict[str, str]]:
        stored = self._stored(task)
        if stored is not None:
            return [
                {"code": r.get("code", ""), "colour": r.get("colour", ""), "text": reason_text(r)}
                for r in stored.reasons
            ]
        colour = self.get_colour(task)
        if colour == Colour.NO_DEADLINE:
            return [
                {
                    "code": "no_deadline",
                    "colour": colour,
                    "text": gettext("No deadline set; the supervisor should add one"),
                }
            ]
        return []


class TaskUpdateSerializer(serializers.Serializer[Any]):
    """An edit of a task by the supervisor; ``version`` is the one read, refused (409) when stale."""

    version = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="The version that was read.")
    ref = Text(required=False, allow_blank=True, max_length=40, help_text="New reference.")
    text = Text(required=False, max_length=20000, help_text="New task text.")
    measure = serializers.PrimaryKeyRelatedField(
        queryset=Measure.objects.all(),
        required=False,
        allow_null=True,
        help_text="Id of a measure of the same policy, or null.",
    )
    weight = serializers.DecimalField(
        max_digits=6, decimal_places=2, required=False, help_text="New weight (> 0)."
    )
    deadline_kind = serializers.ChoiceField(
        choices=DeadlineKind.choices,
        required=False,
        allow_blank=True,
        help_text="New deadline kind (drafts only).",
    )
    deadline_year = DeadlineYearField(
        required=False, allow_null=True, help_text="New deadline year (drafts only)."
    )
    deadline_month = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=12,
        help_text="New deadline month (drafts only).",
    )
    deadline_text = Text(required=False, allow_blank=True, max_length=100, help_text="The deadline in words.")


class TaskFilterSerializer(serializers.Serializer[Any]):
    """Filters of the task list (query parameters)."""

    policy = IdField(required=False, help_text="Only tasks of this policy.")
    unit = IdField(required=False, help_text="Only tasks this unit leads or helps with.")
    role = serializers.ChoiceField(
        choices=[("lead", "lead"), ("co", "co")],
        required=False,
        help_text="With unit: only tasks the unit leads (lead) or helps with (co).",
    )
    status = serializers.ChoiceField(
        choices=TaskStatus.choices, required=False, help_text="Only tasks in this status."
    )
    deadline_year = serializers.IntegerField(
        required=False, help_text="Only tasks due in this year.", **YEAR_BOUNDS
    )
    deadline_by = serializers.RegexField(
        MONTH_RE, required=False, help_text="Only tasks due by the end of this month (YYYY-MM)."
    )
    colour = serializers.ChoiceField(
        choices=[(c.value, c.value) for c in Colour],
        required=False,
        help_text="Only tasks showing this colour (no_deadline: no deadline set).",
    )
    schedule = serializers.ChoiceField(
        choices=[(v.value, v.value) for v in ScheduleStatus],
        required=False,
        help_text="Only tasks in this position against 序时进度 (behind, on, ahead, ...).",
    )


class ReasonSerializer(serializers.Serializer[Any]):
    """Why a unit sends a task back to the supervisor, or a leader a report back to the officer."""

    reason = Text(max_length=2000, help_text="Why it is sent back (required).")


class ReassignSerializer(serializers.Serializer[Any]):
    """The units a task is assigned to anew."""

    lead = serializers.ListField(
        child=IdField(), min_length=1, max_length=50, help_text="Ids of the lead units (at least one)."
    )
    co = serializers.ListField(
        child=IdField(), required=False, default=list, max_length=50, help_text="Ids of the co-units."
    )


class ExtensionInputSerializer(serializers.Serializer[Any]):
    """A request to move a task's deadline (延期申请)."""

    kind = serializers.ChoiceField(
        choices=[
            (DeadlineKind.MONTH, "month"),
            (DeadlineKind.YEAR, "year"),
            (DeadlineKind.ONGOING, "ongoing"),
        ],
        help_text="Kind of the requested deadline.",
    )
    year = DeadlineYearField(
        required=False, allow_null=True, default=None, help_text="Year of the new deadline."
    )
    month = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        max_value=12,
        help_text="Month of the new deadline (for a month deadline).",
    )
    reason = Text(max_length=2000, help_text="Why the deadline should move (required).")


class CloseSerializer(serializers.Serializer[Any]):
    """Closing a task (办结)."""

    note = Text(
        required=False, allow_blank=True, default="", max_length=2000, help_text="A note for the history."
    )


# ----------------------------------------------------------------------------------------------
# Units


class UnitSerializer(serializers.ModelSerializer[Unit]):
    """A government unit (单位) that answers for tasks."""

    aliases = serializers.SerializerMethodField(help_text="Other names the unit goes by.")

    class Meta:
        model = Unit
        fields = [
            "id",
            "name",
            "short_name",
            "kind",
            "parent",
            "responsible_head",
            "status",
            "merged_into",
            "aliases",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            kind="department, subdistrict, stationed, headquarters, court or other.",
            parent="Id of the unit above it, if any.",
            responsible_head="The unit's responsible head (第一责任人).",
            status="proposed (found by an import) or confirmed.",
            merged_into="Id of the unit it was merged into, if it was.",
        )

    def get_aliases(self, unit: Unit) -> list[str]:
        return [alias.name for alias in unit.aliases.all()]


class UnitConfirmSerializer(serializers.Serializer[Any]):
    """Confirming a proposed unit, optionally correcting it."""

    name = Text(required=False, max_length=100, help_text="Corrected name; the old one becomes an alias.")
    kind = serializers.ChoiceField(choices=UnitKind.choices, required=False, help_text="Kind of unit.")
    parent = IdField(required=False, help_text="Id of the unit above it.")


class UnitMergeSerializer(serializers.Serializer[Any]):
    """Merging a unit into another one."""

    into = IdField(help_text="Id of the unit to merge into; the merged name becomes its alias.")


# ----------------------------------------------------------------------------------------------
# Progress reports


class ContributionSerializer(serializers.ModelSerializer[ReportContribution]):
    class Meta:
        model = ReportContribution
        fields = ["id", "unit", "text", "created_at"]
        read_only_fields = fields
        extra_kwargs = _help(fields)


class AttachmentSerializer(serializers.ModelSerializer[Attachment]):
    class Meta:
        model = Attachment
        fields = ["id", "name", "size", "uploaded_at"]
        read_only_fields = fields
        extra_kwargs = _help(fields)


class ReportSerializer(serializers.ModelSerializer[ProgressReport]):
    """A progress report (进展报送) of a lead unit on a task for one period."""

    contributions = ContributionSerializer(many=True, read_only=True, help_text="Co-units' additions.")
    attachments = AttachmentSerializer(many=True, read_only=True, help_text="Evidence files (佐证材料).")

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "task",
            "unit",
            "period",
            "narrative",
            "percent",
            "metric_values",
            "requests_close",
            "status",
            "comments",
            "created_at",
            "submitted_at",
            "approved_at",
            "reviewed_at",
            "contributions",
            "attachments",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            period="The period reported on: 2025, 2025-03, 2025-Q1 or 2025-H1.",
            narrative="What was done.",
            percent="Percent of the task done (0-100).",
            metric_values="Values of the task's metrics, by metric id.",
            requests_close="Whether the lead unit asks with this report for the task to be closed (申请办结).",
            status="draft, submitted, approved_by_leader, accepted or returned.",
            comments="Why it was returned (by the unit leader or the supervisor), or the supervisor's comments.",
            version="Row version; send it back when editing (optimistic locking).",
        )


def _finite_numbers(values: dict[str, Any]) -> dict[str, Any]:
    for key, value in values.items():
        if isinstance(value, float) and not math.isfinite(value):
            raise serializers.ValidationError(
                gettext("The value of indicator %(key)s must be a finite number") % {"key": key}
            )
    return values


class ReportValuesSerializer(serializers.Serializer[Any]):
    narrative = Text(allow_blank=True, max_length=20000, help_text="What was done.")
    percent = serializers.IntegerField(min_value=0, max_value=100, help_text="Percent of the task done.")
    metric_values = serializers.DictField(
        child=serializers.FloatField(),
        required=False,
        default=dict,
        validators=[_finite_numbers],
        help_text="Values of the task's metrics, by metric id.",
    )
    requests_close = serializers.BooleanField(
        required=False, default=False, help_text="Ask for the task to be closed (申请办结); needs 100 %."
    )


class ReportCreateSerializer(ReportValuesSerializer):
    """A new draft report by an officer of the task's lead unit."""

    task = IdField(help_text="Id of the task reported on.")
    period = serializers.RegexField(PERIOD_RE, help_text="The period: 2025, 2025-03, 2025-Q1 or 2025-H1.")


class ReportUpdateSerializer(serializers.Serializer[Any]):
    """An edit of a draft or returned report; ``version`` is the one read, refused (409) when stale."""

    version = serializers.IntegerField(min_value=1, max_value=MAX_ID, help_text="The version that was read.")
    narrative = Text(required=False, allow_blank=True, max_length=20000, help_text="What was done.")
    percent = serializers.IntegerField(required=False, min_value=0, max_value=100, help_text="Percent done.")
    metric_values = serializers.DictField(
        child=serializers.FloatField(),
        required=False,
        validators=[_finite_numbers],
        help_text="Values of the task's metrics, by metric id.",
    )
    requests_close = serializers.BooleanField(
        required=False, help_text="Ask for the task to be closed (申请办结); needs 100 %."
    )


class ReportFilterSerializer(serializers.Serializer[Any]):
    """Filters of the report list (query parameters)."""

    task = IdField(required=False, help_text="Only reports on this task.")
    unit = IdField(required=False, help_text="Only reports of this unit.")
    status = serializers.ChoiceField(
        choices=ReportStatus.choices, required=False, help_text="Only in this status."
    )
    period = serializers.RegexField(PERIOD_RE, required=False, help_text="Only for this period.")


class CommentsSerializer(serializers.Serializer[Any]):
    """The supervisor's comments on accepting or returning (退回) a report."""

    comments = Text(required=False, allow_blank=True, default="", max_length=5000, help_text="Comments.")


class AttachmentUploadSerializer(serializers.Serializer[Any]):
    """An evidence file (佐证材料) for a report (multipart upload)."""

    file = serializers.FileField(help_text="The evidence file.")


class ContributionInputSerializer(serializers.Serializer[Any]):
    """A co-unit's addition to the lead unit's report."""

    text = Text(max_length=20000, help_text="What the co-unit did.")


# ----------------------------------------------------------------------------------------------
# Extension requests and history


class ExtensionRequestSerializer(serializers.ModelSerializer[ExtensionRequest]):
    """A unit's request to extend a task's deadline (延期申请)."""

    class Meta:
        model = ExtensionRequest
        fields = [
            "id",
            "task",
            "unit",
            "requested_kind",
            "requested_year",
            "requested_month",
            "reason",
            "status",
            "requested_at",
            "decided_at",
            "decision_comment",
        ]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            status="pending, approved or refused.",
            decision_comment="The supervisor's comment on the decision.",
        )


class ExtensionFilterSerializer(serializers.Serializer[Any]):
    """Filters of the extension request list (query parameters)."""

    task = IdField(required=False, help_text="Only requests on this task.")
    status = serializers.ChoiceField(
        choices=ExtensionStatus.choices, required=False, help_text="Only in this status."
    )


class ExtensionDecisionSerializer(serializers.Serializer[Any]):
    """The supervisor's decision on an extension request."""

    approve = serializers.BooleanField(help_text="true to approve, false to refuse.")
    comment = Text(required=False, allow_blank=True, default="", max_length=2000, help_text="Comment.")


class UnitFilterSerializer(serializers.Serializer[Any]):
    """Filters of the unit list (query parameters)."""

    status = serializers.ChoiceField(
        choices=UnitStatus.choices, required=False, help_text="proposed or confirmed."
    )
    kind = serializers.ChoiceField(choices=UnitKind.choices, required=False, help_text="Kind of unit.")


class PolicyFilterSerializer(serializers.Serializer[Any]):
    """Filters of the policy list (query parameters)."""

    status = serializers.ChoiceField(
        choices=PolicyStatus.choices, required=False, help_text="draft or published."
    )


class HistoryEntrySerializer(serializers.ModelSerializer[HistoryEntry]):
    """One change in the append-only history (变更记录)."""

    actor_name = serializers.CharField(
        source="actor.username",
        read_only=True,
        default=None,
        allow_null=True,
        help_text="Who made the change.",
    )

    class Meta:
        model = HistoryEntry
        fields = [
            "id",
            "at",
            "actor",
            "actor_name",
            "object_type",
            "object_id",
            "action",
            "before",
            "after",
            "note",
        ]
        read_only_fields = fields
        extra_kwargs = _help(
            fields,
            object_type="What was changed, e.g. ledger.task or ledger.progressreport.",
            action="What was done, e.g. submit_report.",
            before="The changed values before.",
            after="The changed values after.",
        )

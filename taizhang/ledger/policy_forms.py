"""Forms of the policies app: upload a document, correct tasks and metrics on the review screen."""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from taizhang.core.forms import apply_errors
from taizhang.ledger.models import DeadlineKind, Metric
from taizhang.policies.models import Measure, ReportCadence

from .policy_actions import split_unit_names

__all__ = [
    "ImportForm",
    "TaskReviewForm",
    "NewTaskForm",
    "MetricReviewForm",
    "TaskChoices",
    "TaskSplitForm",
    "TaskMergeForm",
    "MeasureForm",
    "CadenceForm",
    "apply_errors",
]

COMPARATORS = [(c, c) for c in (">=", ">", "=", "~", "<=", "<")]
NEAR_TASKS = 4  # tasks listed before and after a metric's own in its task select


class QuickSelect(forms.Select):
    """A select drawn in Python: a review page holds hundreds of options, which Django's own
    widget templates draw one template include each (most of the page's time). Same HTML."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> str:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = set(self.format_value(value))
        options = []
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            options.append(
                format_html(
                    '<option value="{}"{}>{}</option>', text, " selected" if text in chosen else "", label
                )
            )
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe("".join(options)))


class _QuickInput:
    """An input drawn in Python (as :class:`QuickSelect`): ``<input type=… name=… value=…>``."""

    input_type: str

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        final = {"type": widget["type"], "name": name, **widget["attrs"]}
        if widget["value"] is not None:
            final["value"] = widget["value"]
        return format_html("<input{}>", flatatt(final))


class QuickTextInput(_QuickInput, forms.TextInput):
    pass


class QuickNumberInput(_QuickInput, forms.NumberInput):
    pass


class QuickHiddenInput(_QuickInput, forms.HiddenInput):
    pass


class QuickTextarea(forms.Textarea):
    """A textarea drawn in Python (as :class:`QuickSelect`)."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]
        final = {"name": name, **widget["attrs"]}
        return format_html("<textarea{}>\n{}</textarea>", flatatt(final), widget["value"] or "")


class ImportForm(forms.Form):
    """Upload a policy document; its size is checked here, its content by the extraction library."""

    file = forms.FileField(
        label=_("Document"),
        allow_empty_file=True,
        help_text=_("Word (.docx, .doc), PDF, text, web page or spreadsheet"),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the document's own title"),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = os.path.basename(upload.name or "")
        limit = settings.TAIZHANG_MAX_UPLOAD_BYTES
        if upload.size == 0:
            raise ValidationError(_("%(name)s: the file is empty") % {"name": name})
        if upload.size > limit:
            raise ValidationError(
                _("%(name)s: the file is larger than %(limit)s MB")
                % {"name": name, "limit": round(limit / 1048576, 1)}
            )
        return upload


class _TaskFields(forms.Form):
    ref = forms.CharField(label=_("Reference"), max_length=40, required=False, widget=QuickTextInput)
    text = forms.CharField(label=_("Task"), widget=QuickTextarea(attrs={"rows": 3}))
    measure = forms.TypedChoiceField(
        label=_("Measure"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    deadline_kind = forms.ChoiceField(
        label=_("Deadline"), choices=DeadlineKind.choices, required=False, widget=QuickSelect
    )
    deadline_year = forms.IntegerField(
        label=_("Deadline year"), min_value=1949, max_value=2100, required=False, widget=QuickNumberInput
    )
    deadline_month = forms.IntegerField(
        label=_("Deadline month"), min_value=1, max_value=12, required=False, widget=QuickNumberInput
    )
    weight = forms.DecimalField(
        label=_("Weight"),
        min_value=0.01,
        max_value=9999,
        decimal_places=2,
        initial=1,
        widget=QuickNumberInput,
    )
    lead = forms.CharField(
        label=_("Lead units"),
        max_length=500,
        help_text=_("Separate several units with 、 or a comma; a new name proposes a unit"),
        widget=QuickTextInput,
    )
    co = forms.CharField(label=_("Co-units"), max_length=1000, required=False, widget=QuickTextInput)

    def __init__(self, *args: Any, measures: list[Measure], **kwargs: Any) -> None:
        # Choices from a list the page loaded once, so many cards cost no query each.
        super().__init__(*args, **kwargs)
        self.measures = {m.pk: m for m in measures}
        self.fields["measure"].choices = [
            ("", "—"),
            *((m.pk, f"{m.ref} {m.title}".strip()[:60]) for m in measures),
        ]
        self.fields["lead"].widget.attrs["list"] = "unit-names"
        self.fields["co"].widget.attrs["list"] = "unit-names"

    def clean_lead(self) -> list[str]:
        names = split_unit_names(self.cleaned_data["lead"])
        if not names:
            raise ValidationError(_("Name at least one lead unit"))
        return names

    def clean_co(self) -> list[str]:
        return split_unit_names(self.cleaned_data.get("co") or "")

    def task_changes(self) -> dict[str, Any]:
        """The cleaned values as keyword arguments of the task actions (units apart)."""
        data = self.cleaned_data
        kind = data["deadline_kind"] or ""
        # A year-only or ongoing deadline keeps no stale month/year from the fields it hides.
        year = data["deadline_year"] if kind in (DeadlineKind.MONTH, DeadlineKind.YEAR) else None
        month = data["deadline_month"] if kind == DeadlineKind.MONTH else None
        return {
            "ref": data["ref"].strip(),
            "text": data["text"].strip(),
            "measure": self.measures.get(data["measure"]) if data["measure"] else None,
            "deadline_kind": kind,
            "deadline_year": year,
            "deadline_month": month,
            "weight": data["weight"],
        }


class TaskReviewForm(_TaskFields):
    """Correct one extracted task of a draft policy; ``version`` refuses a stale save."""

    version = forms.IntegerField(widget=QuickHiddenInput)

    @classmethod
    def for_task(cls, task: Any, measures: list[Measure], data: Any = None) -> TaskReviewForm:
        lead = "、".join(a.unit.name for a in task.assignments.all() if a.role == "lead")
        co = "、".join(a.unit.name for a in task.assignments.all() if a.role == "co")
        initial = {
            "ref": task.ref,
            "text": task.text,
            "measure": task.measure_id,
            "deadline_kind": task.deadline_kind,
            "deadline_year": task.deadline_year,
            "deadline_month": task.deadline_month,
            "weight": task.weight,
            "lead": lead,
            "co": co,
            "version": task.version,
        }
        return cls(data, initial=initial, prefix=f"t{task.pk}", measures=measures)


class NewTaskForm(_TaskFields):
    """Add a task the extraction library missed."""


@dataclass(frozen=True)
class TaskChoices:
    """The tasks of a policy a metric may hang on: (id, label, place in the source), in order.

    All of them are valid; a metric's select lists only those around it (:meth:`near`), so a
    page of metrics of a plan with hundreds of tasks does not repeat every task in every card.
    """

    rows: tuple[tuple[int, str, int | None], ...]

    @classmethod
    def of(cls, policy: Any) -> TaskChoices:
        """The choices of ``policy``'s tasks (one query)."""
        from taizhang.ledger.models import Task

        values = (
            Task.objects.filter(policy=policy)
            .order_by("order", "pk")
            .values_list("pk", "reference", "text", "span_start")
        )
        return cls(
            tuple(
                (pk, f"{reference or f'#{pk}'} {text[:20]}".strip(), start)
                for pk, reference, text, start in values
            )
        )

    def near(
        self, task_id: int | None, position: int | None, around: int = NEAR_TASKS
    ) -> list[tuple[int, str]]:
        """The task ``task_id`` and the tasks around it (else around the source ``position``)."""
        index = next((i for i, row in enumerate(self.rows) if row[0] == task_id), None)
        if index is None:
            starts = [row[2] if row[2] is not None else -1 for row in self.rows]
            index = max(0, bisect.bisect_right(starts, position if position is not None else -1) - 1)
        return [(pk, label) for pk, label, _ in self.rows[max(0, index - around) : index + around + 1]]

    def ids(self) -> set[int]:
        return {row[0] for row in self.rows}


class MetricReviewForm(forms.Form):
    """Correct one metric (指标) of a draft policy."""

    indicator = forms.CharField(label=_("Indicator"), max_length=200, widget=QuickTextInput)
    kind = forms.ChoiceField(label=_("Kind"), choices=Metric.Kind.choices, widget=QuickSelect)
    comparator = forms.ChoiceField(label=_("Comparator"), choices=COMPARATORS, widget=QuickSelect)
    value = forms.FloatField(label=_("Value"), widget=QuickNumberInput)
    unit = forms.CharField(label=_("Unit of measure"), max_length=30, required=False, widget=QuickTextInput)
    year = forms.IntegerField(
        label=_("Year"), min_value=1949, max_value=2100, required=False, widget=QuickNumberInput
    )
    task = forms.TypedChoiceField(
        label=_("Task"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )

    def __init__(self, *args: Any, tasks: TaskChoices, shown: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.task_ids = tasks.ids()
        field = self.fields["task"]
        field.choices = [("", "—"), *shown]

        # Any task of the policy is valid, though only the nearby ones are listed.
        def valid(value: Any) -> bool:
            return value in ("", None) or (str(value).isdigit() and int(value) in self.task_ids)

        field.valid_value = valid  # type: ignore[method-assign]

    @classmethod
    def for_metric(cls, metric: Metric, tasks: TaskChoices, data: Any = None) -> MetricReviewForm:
        initial = {
            f: getattr(metric, f) for f in ("indicator", "kind", "comparator", "value", "unit", "year")
        }
        initial["task"] = metric.task_id
        shown = tasks.near(metric.task_id, metric.span_start)
        return cls(data, initial=initial, prefix=f"m{metric.pk}", tasks=tasks, shown=shown)

    def metric_changes(self, policy: Any) -> dict[str, Any]:
        """The cleaned values as keyword arguments of ``do_update_metric`` (the task looked up)."""
        from taizhang.ledger.models import Task

        data = dict(self.cleaned_data)
        data["task"] = Task.objects.filter(policy=policy, pk=data["task"]).first() if data["task"] else None
        data["unit"] = data["unit"].strip()
        return data


class TaskSplitForm(forms.Form):
    """Split a task: one line per part; the first line stays with the task."""

    parts = forms.CharField(
        label=_("Parts"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One task per line; the first line stays with this task and keeps its reports"),
    )

    def clean_parts(self) -> list[str]:
        parts = [line.strip() for line in self.cleaned_data["parts"].splitlines() if line.strip()]
        if len(parts) < 2:
            raise ValidationError(_("Write at least two lines to split the task"))
        return parts


class TaskMergeForm(forms.Form):
    """Merge the ticked tasks of a policy into the first of them."""

    tasks = forms.TypedMultipleChoiceField(label=_("Tasks"), coerce=int)
    text = forms.CharField(
        label=_("Text of the merged task"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Leave empty to join the texts of the tasks"),
    )

    def __init__(self, *args: Any, task_ids: Iterable[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tasks"].choices = [(pk, pk) for pk in task_ids]

    def clean_tasks(self) -> list[int]:
        chosen = self.cleaned_data["tasks"]
        if len(chosen) < 2:
            raise ValidationError(_("Tick at least two tasks to merge"))
        return chosen


class MeasureForm(forms.Form):
    """A new measure (主要措施) to group tasks under."""

    ref = forms.CharField(label=_("Reference"), max_length=40, required=False)
    title = forms.CharField(label=_("Measure"), max_length=300)


class CadenceForm(forms.Form):
    """How often lead units report on the policy's tasks."""

    report_cadence = forms.ChoiceField(label=_("Report cadence"), choices=ReportCadence.choices)

"""Forms of the ledger's pages: they parse and check input; the actions in ``actions.py`` write.

Every error names its field, so a refused form shows the person what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import F, Q
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from taizhang.policies.models import Measure, Policy
from taizhang.units.models import Unit

from .models import DeadlineKind, Metric, TaskStatus, validate_deadline_year

__all__ = [
    "TaskFilterForm",
    "TaskEditForm",
    "ReturnTaskForm",
    "ExtensionRequestForm",
    "ExtensionDecisionForm",
    "ReportForm",
    "ReviewForm",
    "ReturnToOfficerForm",
    "ContributionForm",
    "AttachmentForm",
    "CloseTaskForm",
    "ConfirmForm",
    "ExpandCollectiveForm",
    "SORTS",
]

# A deadline month as typed in a filter box.
# Matches "2025-03"; does not match "2025-3-1" or "25-03".
MONTH_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")

# Sort orders of the task list; tasks without a dated deadline go last on every database.
SORTS: dict[str, tuple[Any, ...]] = {
    "ref": ("policy_id", "order", "pk"),
    "deadline": (F("deadline_year").asc(nulls_last=True), F("deadline_month").asc(nulls_last=True), "pk"),
    "-deadline": (F("deadline_year").desc(nulls_last=True), F("deadline_month").desc(nulls_last=True), "-pk"),
    "progress": ("progress", "pk"),
    "-progress": ("-progress", "-pk"),
    "status": ("status", "pk"),
}

COLOUR_CHOICES = [
    ("", _("Any colour")),
    ("red", _("Red")),
    ("amber", _("Amber")),
    ("green", _("Green")),
    ("no_deadline", _("No deadline")),
    ("closed", _("Closed")),
]

SCHEDULE_CHOICES = [
    ("", _("Any schedule")),
    ("behind", _("Behind schedule")),
    ("on", _("On schedule")),
    ("ahead", _("Ahead of schedule")),
    ("no_deadline", _("No deadline")),
]


def find_unit(value: str) -> Unit:
    """The unit a filter box names: its id, its name, short name or an alias (matched as the units
    app matches names: simplified script, no blanks, abbreviations expanded), or the one unit whose
    name contains the text. A merged unit answers as the unit it was merged into.

    Raises ValidationError when no unit, or more than one, fits.
    """
    from taizhang.units.actions import BLANKS_RE, UnitDirectory

    text = BLANKS_RE.sub("", value)
    found: Unit | None = None
    if text.isdigit():
        found = Unit.objects.filter(pk=int(text)).first() if len(text) < 12 else None
    else:
        found = (
            Unit.objects.filter(Q(name=text) | Q(short_name=text) | Q(aliases__name=text))
            .order_by("pk")
            .first()
        )
        if found is None:
            found = UnitDirectory(None).find(text)  # reads every unit: only for names typed loosely
        if found is None:
            near = list(Unit.objects.filter(name__icontains=text).order_by("name")[:4])
            if len(near) == 1:
                found = near[0]
            elif near:
                names = "、".join(u.name for u in near[:3])
                raise forms.ValidationError(
                    _("Several units match “%(text)s” (%(names)s…); type more of the name."),
                    params={"text": value, "names": names},
                )
    if found is None:
        raise forms.ValidationError(_("No unit is called “%(text)s”."), params={"text": value})
    seen = {found.pk}
    while found.merged_into_id is not None and found.merged_into_id not in seen:
        seen.add(found.merged_into_id)
        found = Unit.objects.get(pk=found.merged_into_id)
    return found


class PlainSelect(forms.Select):
    """A ``<select>`` written in one pass: the HTML of Django's, without a template per option
    (the policy box of a province's 300 policies took 80 ms that way)."""

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> str:
        chosen = set(self.format_value(value))
        options = []
        found = False
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            selected = not found and text in chosen
            found |= selected
            options.append(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    text,
                    mark_safe(" selected") if selected else "",
                    label,
                )
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe("".join(options)),
        )


class MeasureChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.ref} {obj.title}".strip()


class TaskFilterForm(forms.Form):
    """The task list's filters and sort order, read from the query string.

    ``unit`` is typed (an id, a name, short name or alias), so the page never lists every unit;
    ``measure`` offers the measures of the chosen policy (or just the one asked for).
    """

    policy = forms.ModelChoiceField(
        queryset=Policy.objects.none(), required=False, label=_("Policy"), widget=PlainSelect
    )
    measure = MeasureChoiceField(
        queryset=Measure.objects.none(), required=False, label=_("Measure"), widget=PlainSelect
    )
    unit = forms.CharField(
        required=False,
        max_length=100,
        label=_("Unit"),
        widget=forms.TextInput(attrs={"placeholder": _("Unit name"), "size": 14}),
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *TaskStatus.choices],
        required=False,
        label=_("Status"),
        widget=PlainSelect,
    )
    colour = forms.ChoiceField(choices=COLOUR_CHOICES, required=False, label=_("Colour"), widget=PlainSelect)
    month = forms.CharField(required=False, label=_("Deadline month"), help_text="YYYY-MM")
    schedule = forms.ChoiceField(
        choices=SCHEDULE_CHOICES, required=False, label=_("Schedule"), widget=PlainSelect
    )
    q = forms.CharField(required=False, max_length=100, label=_("Search"))
    sort = forms.ChoiceField(
        choices=[
            ("ref", _("Reference")),
            ("deadline", _("Deadline, earliest first")),
            ("-deadline", _("Deadline, latest first")),
            ("progress", _("Progress, lowest first")),
            ("-progress", _("Progress, highest first")),
            ("status", _("Status")),
        ],
        required=False,
        label=_("Sort"),
        widget=PlainSelect,
    )

    def __init__(self, *args: Any, policies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["policy"].queryset = policies
        self.fields["measure"].queryset = self._measures(policies)

    def _measures(self, policies: Any) -> Any:
        """The measures the measure box offers: those of the chosen policy, else the one asked for."""
        measures = Measure.objects.filter(policy__in=policies.values("pk")).only(
            "pk", "ref", "title", "policy_id"
        )
        policy, measure = (self.data.get(key) if self.is_bound else None for key in ("policy", "measure"))
        if policy and str(policy).isdigit() and len(str(policy)) < 12:
            return measures.filter(policy_id=int(policy)).order_by("order", "pk")
        if measure and str(measure).isdigit() and len(str(measure)) < 12:
            return measures.filter(pk=int(measure))
        return measures.none()

    def clean_unit(self) -> Unit | None:
        value = (self.cleaned_data.get("unit") or "").strip()
        if not value:
            return None
        unit = find_unit(value)
        # The box shows the unit's own name (a dashboard's link carries its id).
        data = self.data.copy()
        data[self.add_prefix("unit")] = unit.name
        self.data = data
        return unit

    def clean_month(self) -> tuple[int, int] | None:
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        if match is None:
            raise forms.ValidationError(_("Enter the month as YYYY-MM, e.g. 2025-03."))
        return int(match["year"]), int(match["month"])


class VersionedForm(forms.Form):
    """A form that carries the version of the row the person saw, so a stale save is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class TaskEditForm(VersionedForm):
    """The supervisor's edit of a task's reference, text and weight."""

    ref = forms.CharField(required=False, max_length=40, label=_("Reference"))
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Task"))
    weight = forms.DecimalField(min_value=0.01, max_digits=6, decimal_places=2, label=_("Weight"))


class ReturnTaskForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Reason"))


class ExtensionRequestForm(forms.Form):
    """A lead unit's request for a new deadline: a month (YYYY-MM) or a year."""

    new_deadline = forms.CharField(label=_("New deadline"), help_text=_("YYYY-MM or YYYY"))
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Reason"))

    def clean_new_deadline(self) -> tuple[str, int, int | None]:
        value = self.cleaned_data["new_deadline"].strip()
        match = MONTH_RE.match(value)
        if match is not None:
            validate_deadline_year(int(match["year"]))
            return DeadlineKind.MONTH, int(match["year"]), int(match["month"])
        if re.fullmatch(r"\d{4}", value):
            validate_deadline_year(int(value))
            return DeadlineKind.YEAR, int(value), None
        raise forms.ValidationError(_("Enter the new deadline as YYYY-MM or YYYY."))


class ExtensionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Comment"))


class ReportForm(forms.Form):
    """A progress report draft: narrative, percent, one field per metric of the task, evidence.

    ``version`` is required when editing an existing report.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    narrative = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label=_("Progress"))
    percent = forms.IntegerField(min_value=0, max_value=100, label=_("Percent complete"))
    requests_close = forms.BooleanField(
        required=False,
        label=_("Ask to close the task"),
        help_text=_("Only at 100 %, with evidence attached; co-units add their part before you submit."),
    )
    file = forms.FileField(required=False, label=_("Evidence file"))

    def __init__(self, *args: Any, metrics: Sequence[Metric] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metrics = list(metrics)
        for metric in self.metrics:
            self.fields[f"metric_{metric.pk}"] = forms.FloatField(
                required=False,
                label=f"{metric.indicator} ({metric.comparator} {metric.value:g}{metric.unit})",
            )

    def metric_values(self) -> dict[str, float]:
        """The metric values entered, keyed by metric id (blank ones left out)."""
        out: dict[str, float] = {}
        for metric in self.metrics:
            value = self.cleaned_data.get(f"metric_{metric.pk}")
            if value is not None:
                out[str(metric.pk)] = value
        return out


class ReviewForm(forms.Form):
    """The supervisor's review: accept, or return (退回) with comments; ``decisions`` are those the
    rules allow on the report now (a report its leader has not approved may only be returned)."""

    DECISIONS = {"accept": _("Accept"), "return": _("Return")}

    decision = forms.ChoiceField(label=_("Decision"), choices=list(DECISIONS.items()))
    comments = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Comments"))

    def __init__(self, *args: Any, decisions: Sequence[str] = ("accept", "return"), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [(d, self.DECISIONS[d]) for d in decisions]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comments") or "").strip():
            self.add_error("comments", _("Say why the report is returned."))
        return data


class ReturnToOfficerForm(forms.Form):
    """The unit leader sends a report back to the officer with the reason."""

    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Reason"))


class ContributionForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Contribution"))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Evidence file"))


class ConfirmForm(forms.Form):
    """A bare confirmation (acknowledge, submit, approve): the action itself checks everything."""


class CloseTaskForm(forms.Form):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Note"))


class ExpandCollectiveForm(forms.Form):
    """The units a collective (各街道办) stands for, chosen from the registry."""

    into = forms.ModelMultipleChoiceField(
        label=_("Units it stands for"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one unit.")},
    )

    def __init__(self, *args: Any, collective: Unit, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"into": list(collective.suggested_members().values_list("pk", flat=True))}
        )
        super().__init__(*args, **kwargs)
        from taizhang.units.models import UnitKind, UnitStatus

        self.fields["into"].queryset = (
            Unit.objects.filter(status=UnitStatus.CONFIRMED, merged_into=None)
            .exclude(kind=UnitKind.COLLECTIVE)
            .order_by("kind", "name")
        )

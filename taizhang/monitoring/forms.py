"""Forms of monitoring: they parse input only; the actions check and write."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Comparator, Direction

__all__ = ["RatingForm", "ActualForm", "IndicatorForm", "ScoringSettingsForm", "ActualsImportForm"]


class RatingForm(forms.Form):
    rating = forms.DecimalField(
        label=_("Supervisor rating (0-100)"), min_value=0, max_value=100, decimal_places=2
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ActualForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2100)
    value = forms.DecimalField(label=_("Actual value"), max_digits=24, decimal_places=4)
    note = forms.CharField(label=_("Note"), required=False)


class IndicatorForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=200)
    measure_unit = forms.CharField(label=_("Unit of measure"), max_length=30, required=False)
    baseline_value = forms.DecimalField(
        label=_("Baseline value"), required=False, max_digits=24, decimal_places=4
    )
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), required=False, min_value=1949, max_value=2100
    )
    target_value = forms.DecimalField(label=_("Target value"), max_digits=24, decimal_places=4)
    target_year = forms.IntegerField(label=_("Target year"), min_value=1949, max_value=2100)
    comparator = forms.ChoiceField(label=_("Comparator"), choices=Comparator.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    binding = forms.BooleanField(label=_("Binding"), required=False)


class _JSONField(forms.CharField):
    def to_python(self, value: Any) -> Any:
        text = super().to_python(value)
        if not text:
            return {}
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                gettext("Not valid JSON: line %(line)s, column %(column)s: %(error)s")
                % {"line": error.lineno, "column": error.colno, "error": error.msg}
            ) from None
        if not isinstance(data, dict):
            raise forms.ValidationError(gettext("Must be a JSON object {…}"))
        return data


class ScoringSettingsForm(forms.Form):
    config = _JSONField(
        label=_("Scoring rules (JSON)"), required=False, widget=forms.Textarea(attrs={"rows": 14})
    )
    lists = _JSONField(
        label=_("Honour list rules (JSON)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    report_due_days = forms.IntegerField(
        label=_("Days after a period a report is on time"), min_value=0, max_value=90
    )


class ActualsImportForm(forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))

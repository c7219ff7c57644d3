"""Forms of supervision's pages: they parse and check input; ``actions.py`` writes.

Every error names its field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from taizhang.ledger.models import DeadlineKind
from taizhang.units.models import Unit, UnitStatus

from .models import Judgement
from .rules import RuleConfig

__all__ = [
    "CorrectTaskForm",
    "IssueNoticeForm",
    "AnswerNoticeForm",
    "CloseNoticeForm",
    "JudgementForm",
    "RuleSettingsForm",
    "RULE_FIELDS",
]


class IssueNoticeForm(forms.Form):
    """A supervision notice (督办单): what the unit must do and by when it must answer."""

    instruction = forms.CharField(
        label=_("Instruction"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    due_on = forms.DateField(label=_("Answer by"), widget=forms.DateInput(attrs={"type": "date"}))


class AnswerNoticeForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 3}), max_length=8000)


class CloseNoticeForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class JudgementForm(forms.Form):
    """The supervisor's likelihood-of-delivery judgement (研判); blank clears it."""

    judgement = forms.ChoiceField(
        label=_("Likelihood of delivery"),
        choices=[("", _("No judgement")), *Judgement.choices],
        required=False,
    )


# The RuleConfig fields the settings form edits, with their labels.
RULE_FIELDS: dict[str, Any] = {
    "due_soon_days": _("Days before the deadline that count as due soon"),
    "report_cadence_days": _("Reporting cycle in days (when the cadence is in days)"),
    "report_grace_days": _("Days a report may be late before amber"),
    "stalled_cycles": _("Cycles without progress before amber (0: off)"),
    "returns_amber": _("Returns in a row for amber (0: off)"),
    "returns_red": _("Returns in a row for red"),
    "lag_amber_points": _("Points behind schedule for amber"),
    "lag_red_points": _("Points behind schedule for red"),
}


class RuleSettingsForm(forms.Form):
    """A policy's status-rule thresholds; checked as a whole by :class:`RuleConfig`."""

    report_cadence = forms.ChoiceField(
        label=_("Reporting cycle"),
        choices=[("monthly", _("Calendar months")), ("days", _("A number of days"))],
    )

    def __init__(self, *args: Any, config: RuleConfig | None = None, **kwargs: Any) -> None:
        config = config or RuleConfig()
        kwargs.setdefault(
            "initial", {name: getattr(config, name) for name in ("report_cadence", *RULE_FIELDS)}
        )
        super().__init__(*args, **kwargs)
        for name, label in RULE_FIELDS.items():
            self.fields[name] = forms.IntegerField(label=label, min_value=0, max_value=3650)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            RuleConfig.from_mapping(data)
        except ValueError as error:
            message = str(error)
            named = [name for name in RULE_FIELDS if name in message]
            self.add_error(named[-1] if named else None, message)
        return data


class CorrectTaskForm(forms.Form):
    """The supervisor's correction of a task's deadline and/or lead units after 交办, with a reason."""

    deadline_kind = forms.ChoiceField(
        label=_("New deadline"),
        required=False,
        choices=[
            ("", _("Keep the deadline")),
            (DeadlineKind.MONTH, _("By the end of a month")),
            (DeadlineKind.YEAR, _("By the end of a year")),
            (DeadlineKind.ONGOING, _("Ongoing work (常态化推进)")),
        ],
    )
    deadline_year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    deadline_month = forms.IntegerField(label=_("Month"), required=False, min_value=1, max_value=12)
    lead = forms.ModelMultipleChoiceField(
        label=_("New lead units (leave empty to keep them)"),
        required=False,
        queryset=Unit.objects.none(),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            status=UnitStatus.CONFIRMED, merged_into__isnull=True
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("deadline_kind") and not data.get("lead"):
            raise forms.ValidationError(_("Correct the deadline, the lead units or both."))
        return data

    def changes(self) -> dict[str, Any]:
        """The keyword arguments of ``do_correct_task``."""
        data = self.cleaned_data
        out: dict[str, Any] = {"reason": data["reason"]}
        if data.get("deadline_kind"):
            kind = data["deadline_kind"]
            out["deadline"] = (
                kind,
                data.get("deadline_year") if kind != DeadlineKind.ONGOING else None,
                data.get("deadline_month") if kind == DeadlineKind.MONTH else None,
            )
        if data.get("lead"):
            out["lead"] = list(data["lead"])
        return out

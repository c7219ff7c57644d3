"""Forms of the enterprise services: they read and check input; the actions do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taizhang.units.models import Unit, UnitStatus

from .attributes import ATTRIBUTES, BY_CODE, CREDIT, SECTIONS, TIERS, Kind

__all__ = [
    "RegistryFilterForm",
    "ImportForm",
    "BenefitForm",
    "RulesForm",
    "GenerateListForm",
    "ReasonForm",
    "ReviewForm",
    "NoticeForm",
    "ObjectionForm",
    "DecideObjectionForm",
    "PayoutForm",
    "PeriodForm",
    "CalculatorForm",
    "NewsForm",
    "ServiceItemForm",
    "AccountForm",
]


def _units() -> Any:
    return Unit.objects.filter(status=UnitStatus.CONFIRMED, merged_into=None).order_by("name")


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or credit code"), required=False, max_length=100)
    hk = forms.BooleanField(label=_("Hong Kong-funded"), required=False)
    high_tech = forms.BooleanField(label=_("High-tech enterprise"), required=False)
    srdi = forms.BooleanField(label=_("SRDI (专精特新)"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Department export (.xlsx, .csv, .json)"))
    source = forms.ModelChoiceField(label=_("Data source (department)"), queryset=Unit.objects.none())
    as_of = forms.DateField(
        label=_("Data as of"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, unit: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = _units() if unit is None else Unit.objects.filter(pk=unit.pk)
        if unit is not None:
            self.fields["source"].initial = unit.pk
        self.fields["as_of"].initial = timezone.localdate()


class BenefitForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40)
    name = forms.CharField(label=_("Name"), max_length=200)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    unit = forms.ModelChoiceField(label=_("Department that pays it"), queryset=Unit.objects.none())
    valid_from = forms.DateField(
        label=_("Valid from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    for_hk = forms.BooleanField(label=_("Recommend in the Hong Kong enterprise zone"), required=False)
    conditions = forms.CharField(
        label=_("Conditions (one per line)"), widget=forms.Textarea(attrs={"rows": 8, "class": "mono"})
    )
    formula = forms.CharField(
        label=_("Amount formula"), widget=forms.Textarea(attrs={"rows": 2, "class": "mono"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()


class RulesForm(forms.Form):
    conditions = forms.CharField(
        label=_("Conditions (one per line)"), widget=forms.Textarea(attrs={"rows": 10, "class": "mono"})
    )
    formula = forms.CharField(
        label=_("Amount formula"), widget=forms.Textarea(attrs={"rows": 2, "class": "mono"})
    )
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)


class GenerateListForm(forms.Form):
    as_of = forms.DateField(
        label=_("Evaluate on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["as_of"].initial = timezone.localdate()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class ReviewForm(forms.Form):
    approve = forms.BooleanField(required=False)
    comments = forms.CharField(label=_("Comments"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class NoticeForm(forms.Form):
    days = forms.IntegerField(label=_("Days of public notice"), min_value=1, max_value=30, initial=5)


class ObjectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your objection"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    contact = forms.CharField(label=_("Your name and how to reach you"), max_length=200)


class DecideObjectionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Upheld: withdraw the enterprise")), ("0", _("Dismissed"))],
        coerce=lambda v: v == "1",
    )
    reply = forms.CharField(label=_("Reply"), max_length=2000)


class PayoutForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount paid (yuan)"), max_digits=14, decimal_places=2, min_value=0)
    paid_on = forms.DateField(
        label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reference = forms.CharField(label=_("Payment reference"), max_length=100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paid_on"].initial = timezone.localdate()


class PeriodForm(forms.Form):
    period = forms.RegexField(
        label=_("Report period"), regex=r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$", max_length=10
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["period"].initial = f"{today.year}-{today.month:02d}"


def _field_for(column: str) -> forms.Field:
    code, _sep, year = column.partition("@")
    attribute = BY_CODE[code]
    label = attribute.label + (f"（{year}年）" if year else "")
    help_text = _("Source: %(department)s") % {"department": attribute.source}
    kind = attribute.kind
    if kind == Kind.BOOL:
        return forms.TypedChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            choices=[("", "—"), ("1", _("Yes")), ("0", _("No"))],
            coerce=lambda v: v == "1",
            empty_value=None,
        )
    if kind == Kind.TIER:
        return forms.TypedChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", "—"), *((str(k), v[0]) for k, v in TIERS.items())],
        )
    if kind == Kind.CREDIT:
        return forms.TypedChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", "—"), *((str(k), v[0]) for k, v in CREDIT.items())],
        )
    if kind == Kind.SECTION:
        return forms.ChoiceField(
            label=label,
            help_text=help_text,
            required=False,
            choices=[("", "—"), *((k, f"{k} {v[2]}") for k, v in SECTIONS.items())],
        )
    if kind == Kind.MONEY:
        return forms.DecimalField(
            label=f"{label}（万元）",
            help_text=help_text,
            required=False,
            min_value=0,
            max_digits=14,
            decimal_places=2,
        )
    return forms.IntegerField(label=label, help_text=help_text, required=False, min_value=0)


class CalculatorForm(forms.Form):
    """The inputs a policy calculator still needs: one field per missing column."""

    def __init__(self, *args: Any, columns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for column in columns:
            self.fields[column] = _field_for(column)

    def values(self) -> dict[str, Any]:
        """The answered inputs as frame values (万元 to 元)."""
        out: dict[str, Any] = {}
        for column, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            kind = BY_CODE[column.split("@")[0]].kind
            out[column] = float(value) * 1e4 if kind == Kind.MONEY else value
        return out


class NewsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))


class ServiceItemForm(forms.Form):
    title = forms.CharField(label=_("Service"), max_length=200)
    summary = forms.CharField(label=_("How it is done"), widget=forms.Textarea(attrs={"rows": 4}))
    unit = forms.ModelChoiceField(label=_("Department"), queryset=Unit.objects.none())
    location = forms.CharField(label=_("Where / channel"), max_length=200, required=False)
    published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units()


class AccountForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, min_length=8)


ATTRIBUTE_HELP = [(a.label, a.code, a.kind.value, a.yearly, a.source, a.aliases) for a in ATTRIBUTES]

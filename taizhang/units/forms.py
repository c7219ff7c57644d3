"""Forms of the units app: confirm a proposed unit, merge a unit into another."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Unit, UnitKind, UnitStatus

__all__ = ["ConfirmUnitForm", "MergeUnitForm", "AliasForm"]


class ConfirmUnitForm(forms.Form):
    """Confirm a proposed unit, correcting its name, kind and parent."""

    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    parent = forms.ModelChoiceField(label=_("Parent unit"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"name": unit.name, "kind": unit.kind, "parent": unit.parent_id})
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Unit.objects.filter(
            merged_into=None, status=UnitStatus.CONFIRMED
        ).exclude(pk=unit.pk)


class MergeUnitForm(forms.Form):
    """Merge a unit into an existing one; its name becomes an alias of the target."""

    into = forms.ModelChoiceField(label=_("Merge into"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Unit.objects.filter(merged_into=None).exclude(pk=unit.pk).order_by("name")
        )


class AliasForm(forms.Form):
    """Another name a unit goes by (区科技局 for 区科技创新局)."""

    alias = forms.CharField(label=_("Other name"), max_length=100)

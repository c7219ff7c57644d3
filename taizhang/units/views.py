"""Unit pages: the hierarchy, a unit's page, and the forms that confirm or merge proposed units.

Every person with a role reads units; only administrators and the supervisor confirm or merge
them (403 for others, through ``access_unit(..., for_write=True)`` and the actions).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _t

from taizhang.core.access import is_steering, role_of
from taizhang.core.forms import apply_errors

from .access import (
    access_unit,
    can_add_unit_alias,
    can_confirm_unit,
    can_expand_collective,
    can_merge_unit,
)
from .actions import do_add_unit_alias, do_confirm_unit, do_merge_unit
from .forms import AliasForm, ConfirmUnitForm, MergeUnitForm
from .models import Unit, UnitStatus
from .names import name_key

__all__ = ["unit_list", "unit_detail", "unit_confirm", "unit_merge", "unit_alias", "unit_tree", "same_names"]


def _unit_people(user: Any, unit: Unit) -> Any:
    """The people of ``unit`` as its page shows them, from the app that keeps people (its
    ``AppConfig.unit_people``: accounts, a layer above the units)."""
    for config in apps.get_app_configs():
        if path := getattr(config, "unit_people", None):
            return import_string(path)(user, unit)
    return None


def unit_tree(units: list[Unit]) -> list[tuple[Unit, int]]:
    """The units in hierarchy order, each with its depth (children under their parent, by name).

    A unit whose parent is not in ``units`` starts a tree of its own; a cycle cannot hide a unit.
    """
    by_parent: dict[int | None, list[Unit]] = {}
    ids = {u.pk for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        by_parent.setdefault(parent, []).append(unit)
    out: list[tuple[Unit, int]] = []
    seen: set[int] = set()

    def walk(parent: int | None, depth: int) -> None:
        for unit in sorted(by_parent.get(parent, []), key=lambda u: u.name):
            if unit.pk in seen:
                continue
            seen.add(unit.pk)
            out.append((unit, depth))
            walk(unit.pk, depth + 1)

    walk(None, 0)
    for unit in units:  # units caught in a parent cycle
        if unit.pk not in seen:
            seen.add(unit.pk)
            out.append((unit, 0))
    return out


def same_names(units: list[Unit]) -> list[list[Unit]]:
    """Groups of active units that go by one name in different scripts or spellings (區財政局 and
    区财政局): candidates for a merge, each group by name."""
    groups: dict[str, list[Unit]] = {}
    for unit in units:
        groups.setdefault(name_key(unit.name), []).append(unit)
    return sorted(
        (sorted(group, key=lambda u: u.name) for group in groups.values() if len(group) > 1),
        key=lambda group: group[0].name,
    )


def _next(request: HttpRequest) -> str:
    """The page to return to after a form (the review screen), if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else ""


def _next_or(request: HttpRequest, default: str, *args: Any) -> HttpResponse:
    target = _next(request)
    return redirect(target) if target else redirect(default, *args)


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    """All active units as a hierarchy, with kind, status, responsible head and member count."""
    if role_of(request.user) is None:
        raise Http404(_t("No such page"))
    units = Unit.objects.filter(merged_into=None).annotate(
        member_count=Count("memberships", distinct=True),
        alias_count=Count("aliases", distinct=True),
    )
    status = request.GET.get("status", "")
    if status in UnitStatus.values:
        units = units.filter(status=status)
    rows = unit_tree(list(units))
    proposed = Unit.objects.filter(merged_into=None, status=UnitStatus.PROPOSED).count()
    duplicates = same_names(list(Unit.objects.filter(merged_into=None).only("pk", "name")))
    return render(
        request,
        "units/unit_list.html",
        {
            "rows": rows,
            "status": status,
            "statuses": UnitStatus.choices,
            "proposed_count": proposed,
            "duplicates": duplicates,
            "steering": is_steering(request.user),
        },
    )


def _detail(
    request: HttpRequest, unit: Unit, alias_form: AliasForm | None = None, status: int = 200
) -> HttpResponse:
    counts = unit.assignments.aggregate(
        lead=Count("pk", filter=Q(role="lead")), co=Count("pk", filter=Q(role="co"))
    )
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "aliases": list(unit.aliases.all()),
            "children": list(unit.children.filter(merged_into=None)),
            "people": _unit_people(request.user, unit),
            "counts": counts,
            "steering": is_steering(request.user),
            "can_confirm": can_confirm_unit(request.user, unit) and unit.status == UnitStatus.PROPOSED,
            "can_merge": can_merge_unit(request.user, unit),
            "can_add_alias": can_add_unit_alias(request.user, unit),
            "can_expand": can_expand_collective(request.user, unit),
            "alias_form": alias_form or AliasForm(),
        },
        status=status,
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit: its names, place in the hierarchy, members and the number of tasks it leads or helps with."""
    return _detail(request, access_unit(request.user, pk))


@login_required
def unit_alias(request: HttpRequest, pk: int) -> HttpResponse:
    """Record another name of a unit (administrator or supervisor)."""
    unit = access_unit(request.user, pk, for_write=True)
    form = AliasForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_add_unit_alias(request.user, unit, form.cleaned_data["alias"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _t("The other name was recorded."))
            return redirect("units:detail", unit.pk)
    return _detail(request, unit, form, status=400)


@login_required
def unit_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm a proposed unit (administrator or supervisor)."""
    unit = access_unit(request.user, pk, for_write=True)
    form = ConfirmUnitForm(request.POST or None, unit=unit)
    if request.method == "POST":
        if form.is_valid():
            try:
                unit = do_confirm_unit(
                    request.user,
                    unit,
                    name=form.cleaned_data["name"],
                    kind=form.cleaned_data["kind"],
                    parent=form.cleaned_data["parent"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _t("Unit %(name)s confirmed.") % {"name": unit.name})
                return _next_or(request, "units:detail", unit.pk)
        return render(
            request,
            "units/unit_confirm.html",
            {"unit": unit, "form": form, "next": _next(request)},
            status=400,
        )
    return render(request, "units/unit_confirm.html", {"unit": unit, "form": form, "next": _next(request)})


@login_required
def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge a unit into an existing one (administrator or supervisor); its name becomes an alias."""
    unit = access_unit(request.user, pk, for_write=True)
    if unit.merged_into_id is not None:
        raise Http404(_t("This unit has already been merged"))
    form = MergeUnitForm(request.POST or None, unit=unit)
    if request.method == "POST":
        if form.is_valid():
            try:
                into = do_merge_unit(request.user, unit, form.cleaned_data["into"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _t("%(name)s merged into %(into)s.") % {"name": unit.name, "into": into.name}
                )
                return _next_or(request, "units:detail", into.pk)
        return render(
            request, "units/unit_merge.html", {"unit": unit, "form": form, "next": _next(request)}, status=400
        )
    return render(request, "units/unit_merge.html", {"unit": unit, "form": form, "next": _next(request)})

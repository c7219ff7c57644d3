"""The structure of a published policy, changed by the supervisor: tasks created by hand, split
and merged, measures to group them under, and how often their units report.

Views parse, fetch through ``access.py``, act through the actions and render; wrong input answers
400 with the form's errors naming the field.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext as _t
from django.views.decorators.http import require_POST

from taizhang.ledger import actions as ledger_actions
from taizhang.ledger.access import access_policy
from taizhang.ledger.models import Task
from taizhang.policies.access import can_restructure_policy
from taizhang.policies.models import Policy, PolicyStatus
from taizhang.units.actions import UnitDirectory
from taizhang.units.models import Unit, UnitStatus

from . import policy_actions as actions
from .policy_forms import CadenceForm, MeasureForm, NewTaskForm, TaskMergeForm, TaskSplitForm, apply_errors

__all__ = ["task_new", "task_split", "tasks_merge", "measure_new", "policy_cadence"]


def _published(request: HttpRequest, pk: int) -> Policy:
    """The published policy ``pk``, for a person who steers (404 unseen, 403 not steering)."""
    policy = access_policy(request.user, pk)
    can_restructure_policy(request.user).check()
    if policy.status != PolicyStatus.PUBLISHED:
        raise Http404(gettext("Only a published policy document can be restructured like this"))
    return policy


def _units_named(form: Any, field: str, names: list[str]) -> list[Unit]:
    """The confirmed units called ``names``; an error on ``field`` for a name that is none."""
    directory = UnitDirectory(None)
    found: list[Unit] = []
    for name in names:
        unit = directory.find(name)
        if unit is None or unit.status != UnitStatus.CONFIRMED:
            form.add_error(field, _t("%(name)s is not a confirmed unit") % {"name": name})
        elif unit not in found:
            found.append(unit)
    return found


@login_required
def task_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a task by hand to a published policy: assigned at once to its units."""
    policy = _published(request, pk)
    measures = list(policy.measures.all())
    initial = {"measure": request.GET.get("measure") or None}
    form = NewTaskForm(request.POST or None, measures=measures, initial=initial)
    if request.method == "POST" and form.is_valid():
        lead = _units_named(form, "lead", form.cleaned_data["lead"])
        co = _units_named(form, "co", form.cleaned_data["co"])
        if not form.errors:
            try:
                task = ledger_actions.do_create_task(
                    request.user, policy, **form.task_changes(), lead=lead, co=co
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _t("Task added and assigned."))
                return redirect("ledger:task_detail", task.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "policies/task_new.html",
        {"policy": policy, "form": form, "unit_names": _confirmed_names()},
        status=status,
    )


def _confirmed_names() -> list[str]:
    return list(
        Unit.objects.filter(status=UnitStatus.CONFIRMED, merged_into=None)
        .order_by("name")
        .values_list("name", flat=True)[:500]
    )


@login_required
def task_split(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    """Split one task of a published policy into several."""
    policy = _published(request, pk)
    task = Task.objects.filter(policy=policy, pk=task_pk).first()
    if task is None:
        raise Http404(gettext("No such task"))
    form = TaskSplitForm(request.POST or None, initial={"parts": task.text})
    if request.method == "POST" and form.is_valid():
        try:
            parts = ledger_actions.do_split_task(request.user, task, parts=form.cleaned_data["parts"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _t("The task was split into %(n)s tasks.") % {"n": len(parts)})
            return redirect(reverse("policies:detail", args=[policy.pk]) + f"#task-{task.pk}")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "policies/task_split.html", {"policy": policy, "task": task, "form": form}, status=status
    )


@login_required
@require_POST
def tasks_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge the ticked tasks of a published policy into the first of them."""
    policy = _published(request, pk)
    ids = Task.objects.filter(policy=policy).values_list("pk", flat=True)
    form = TaskMergeForm(request.POST, task_ids=ids)
    if form.is_valid():
        tasks = list(Task.objects.filter(policy=policy, pk__in=form.cleaned_data["tasks"]))
        try:
            kept = ledger_actions.do_merge_tasks(request.user, tasks, text=form.cleaned_data["text"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _t("%(n)s tasks merged into %(ref)s.") % {"n": len(tasks), "ref": kept.label},
            )
            return redirect(reverse("policies:detail", args=[policy.pk]) + f"#task-{kept.pk}")
    _flash_errors(request, form)
    return redirect("policies:detail", policy.pk)


@login_required
@require_POST
def measure_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a measure to a published policy, to group tasks under."""
    policy = _published(request, pk)
    form = MeasureForm(request.POST)
    if form.is_valid():
        try:
            measure = actions.do_create_measure(request.user, policy, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _t("Measure %(title)s added.") % {"title": measure.title})
            return redirect(reverse("policies:task_new", args=[policy.pk]) + f"?measure={measure.pk}")
    _flash_errors(request, form)
    return redirect("policies:detail", policy.pk)


@login_required
@require_POST
def policy_cadence(request: HttpRequest, pk: int) -> HttpResponse:
    """Set how often the policy's lead units report progress."""
    policy = _published(request, pk)
    form = CadenceForm(request.POST)
    if form.is_valid():
        actions.do_set_report_cadence(request.user, policy, form.cleaned_data["report_cadence"])
        messages.success(request, _t("Report cadence saved."))
    else:
        _flash_errors(request, form)
    return redirect("policies:detail", policy.pk)


def _flash_errors(request: HttpRequest, form: Any) -> None:
    """The form's errors as messages on the page it redirects to, each naming its field."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)

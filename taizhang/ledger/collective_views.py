"""The supervisor's page expanding a collective (各街道办, 各有关部门) named on tasks into the units
of the registry it stands for (``actions.do_expand_collective``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _t

from taizhang.core.forms import apply_errors
from taizhang.units.access import access_unit, can_expand_collective

from . import actions as A
from .forms import ExpandCollectiveForm
from .models import TaskAssignment, TaskStatus

__all__ = ["collective_expand"]


@login_required
def collective_expand(request: HttpRequest, pk: int) -> HttpResponse:
    """The open tasks naming the collective, the registry's units (its likely members ticked), and
    the expansion on POST."""
    collective = access_unit(request.user, pk)
    can_expand_collective(request.user, collective).check_person()
    if not collective.is_collective:
        raise Http404(_t("This unit is not a collective"))
    form = ExpandCollectiveForm(request.POST or None, collective=collective)
    if request.method == "POST" and form.is_valid():
        try:
            changed = A.do_expand_collective(request.user, collective, into=form.cleaned_data["into"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _t("%(n)s tasks now name the units instead.") % {"n": len(changed)})
            return redirect("units:detail", collective.pk)
    rows = (
        TaskAssignment.objects.filter(unit=collective)
        .exclude(task__status=TaskStatus.CLOSED)
        .select_related("task", "task__policy")
        .order_by("task__policy_id", "task__order")
    )
    return render(
        request,
        "ledger/collective_expand.html",
        {"collective": collective, "form": form, "assignments": list(rows)},
        status=400 if form.is_bound else 200,
    )

"""Pages of the public portal (no login) and the supervisor's publication settings.

Public pages read only through :mod:`.access`; anonymous responses are marked cacheable for a
short time (``PORTAL_MAX_AGE`` seconds, default 300) and set no cookie, so a shared cache may
keep them. The settings page is for steering roles and writes through :mod:`.actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from taizhang.ledger.access import access_policy
from taizhang.policies.models import Policy, PolicyStatus
from taizhang.supervision.stamp import cached, ledger_stamp

from . import actions
from .access import COLOURS, access_public_policy, can_publish_to_portal, load_public, public_policies
from .jobs import current_edition
from .models import BlueBookEdition

__all__ = ["home", "policy_detail", "bluebook", "manage", "manage_policy"]


def public_cache(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Mark anonymous responses ``public, max-age`` and drop the CSRF cookie the shared layout
    would set (a cached response must not hand one visitor's cookie to the next); signed-in
    users get ``private`` responses."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        else:
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
            patch_cache_control(response, public=True, max_age=getattr(settings, "PORTAL_MAX_AGE", 300))
        return response

    return wrapped


@require_GET
@public_cache
def home(request: HttpRequest) -> HttpResponse:
    """The public programme: every public policy with its progress and colour counts.

    The same for every visitor (only what is public), so cached under the ledger's change stamp
    (:mod:`taizhang.supervision.stamp`): publishing or withdrawing a policy records history, which
    moves the stamp, so a withdrawn policy is gone from the next request on.
    """
    programme = cached(
        "portal.home", ("public",), ledger_stamp(), lambda: load_public(list(public_policies()), detail=False)
    )
    return render(request, "portal/home.html", {"programme": programme, "colours": COLOURS})


def _chart_data(policy: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": f"indicator-{index}",
            "name": indicator.name,
            "unit": indicator.measure_unit,
            "target": [indicator.target_year, float(indicator.target_value)],
            "baseline": [indicator.baseline_year, float(indicator.baseline_value)]
            if indicator.baseline_value is not None
            else None,
            "actuals": [[year, float(value)] for year, value in indicator.actuals],
            "expected": [[year, float(value)] for year, value in indicator.expected],
        }
        for index, indicator in enumerate(policy.indicators)
    ]


@require_GET
@public_cache
def policy_detail(request: HttpRequest, policy_id: int) -> HttpResponse:
    """One public policy: measures, tasks (with colour, progress and accepted narrative when
    shown) and indicator charts (when shown)."""
    public = load_public([access_public_policy(policy_id)])[0]
    return render(
        request,
        "portal/policy.html",
        {"policy": public, "charts": _chart_data(public), "colours": COLOURS},
    )


BLUEBOOK_RETRY_SECONDS = 5


@require_GET
def bluebook(request: HttpRequest) -> HttpResponseBase:
    """The blue book (蓝皮书) of the whole public programme as PDF: the edition the worker built
    (:mod:`.jobs`). While the first one (or one after a change of what is public) is being built,
    a page says so and refreshes itself; it is not cached."""
    edition = current_edition()
    if edition is None:
        response = render(
            request, "portal/bluebook_pending.html", {"retry": BLUEBOOK_RETRY_SECONDS}, status=202
        )
        response["Retry-After"] = str(BLUEBOOK_RETRY_SECONDS)
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        patch_cache_control(response, no_store=True)
        return response
    return public_cache(_serve_edition)(request, edition)


def _serve_edition(request: HttpRequest, edition: BlueBookEdition) -> FileResponse:
    response = FileResponse(edition.pdf.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="bluebook.pdf"'
    return response


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """The supervisor's list of published policies with what the portal shows of each."""
    can_publish_to_portal(request.user).check()
    policies = Policy.objects.filter(status=PolicyStatus.PUBLISHED).select_related("publication")
    rows = [(p, getattr(p, "publication", None)) for p in policies]
    return render(request, "portal/manage.html", {"rows": rows})


@login_required
@require_POST
def manage_policy(request: HttpRequest, policy_id: int) -> HttpResponse:
    """Publish a policy to the portal (with the chosen parts) or withdraw it."""
    policy = access_policy(request.user, policy_id)
    try:
        if request.POST.get("is_public") == "1":
            actions.do_publish_to_portal(
                request.user,
                policy,
                show_progress=request.POST.get("show_progress") == "1",
                show_indicators=request.POST.get("show_indicators") == "1",
            )
            messages.success(request, _("Published to the portal."))
        else:
            actions.do_withdraw_from_portal(request.user, policy)
            messages.success(request, _("Withdrawn from the portal."))
    except ValidationError as error:
        messages.error(request, gettext("; ").join(m for ms in error.message_dict.values() for m in ms))
    return HttpResponseRedirect(reverse("portal:manage"))

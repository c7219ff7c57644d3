"""Who sees which monitoring page (docs/permissions.md).

- The supervisor's dashboard: readers of everything (administrator, supervisor, viewer).
- A unit's dashboard: unit leaders and officers, for their own unit.
- The ranking of a period (the whole district's): readers of everything; a unit's people see
  their own unit's standing on its dashboard and breakdown, not the others'.
- A unit's score breakdown: readers of everything and the people of that unit; another unit's
  breakdown answers 404, as a missing one.
- Rating a unit and the 考核办法: the supervisor (a collective such as 各街道办 is not rated).
- Indicators: readable with their policy (``access_policy``); changed by steering roles only.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from taizhang.accounts.access import (
    ALLOWED,
    Decision,
    Person,
    is_steering,
    refused,
    refused_now,
    sees_everything,
    steering_decision,
    unit_id_of,
)
from taizhang.ledger.access import access_policy, visible_policies
from taizhang.units.models import Unit

from .models import Indicator

__all__ = [
    "require_dashboard",
    "can_read_dashboard",
    "can_read_unit_dashboard",
    "require_unit_dashboard",
    "require_ranking",
    "can_read_ranking",
    "can_read_breakdown",
    "can_rate_unit",
    "can_save_scoring_settings",
    "can_edit_indicators",
    "access_breakdown",
    "access_indicator",
    "visible_indicators",
]


def can_read_dashboard(user: Person, policy: Any = None) -> Decision:
    """The overall dashboard: readers of everything (the supervisor and district leadership)."""
    return (
        ALLOWED
        if sees_everything(user)
        else refused(gettext("The overview dashboard is for the supervisor and the district leadership"))
    )


def require_dashboard(user: Any) -> None:
    """PermissionDenied unless ``user`` reads everything (the supervisor's and leaders' dashboard)."""
    can_read_dashboard(user).check()


def can_read_unit_dashboard(user: Person, unit: Any = None) -> Decision:
    """A unit's dashboard (its tasks, due reports, its own score and rank): its leaders and officers."""
    return (
        ALLOWED
        if unit_id_of(user) is not None
        else refused(gettext("The unit dashboard is for unit leaders and officers"))
    )


def require_unit_dashboard(user: Any) -> int:
    """The unit id whose dashboard ``user`` sees; PermissionDenied for users without a unit."""
    can_read_unit_dashboard(user).check()
    unit_id = unit_id_of(user)
    assert unit_id is not None
    return unit_id


def can_read_ranking(user: Person, period: Any = None) -> Decision:
    """The whole ranking of a period (with the 红黄黑榜): readers of everything."""
    if sees_everything(user):
        return ALLOWED
    return refused(
        gettext(
            "The ranking is for the supervisor and the district leadership; your unit's score is on the unit dashboard"
        )
    )


def require_ranking(user: Any) -> None:
    """PermissionDenied unless ``user`` may read the whole ranking (:func:`can_read_ranking`)."""
    can_read_ranking(user).check()


def can_read_breakdown(user: Person, unit: Unit) -> Decision:
    """A unit's score breakdown: readers of everything, and the people of that unit."""
    if sees_everything(user) or (unit_id_of(user) is not None and unit_id_of(user) == unit.pk):
        return ALLOWED
    return refused(gettext("You may see only your own unit's score"))


def can_rate_unit(user: Person, unit: Unit) -> Decision:
    """The supervisor rates a unit (督查评价); a collective name is not rated."""
    decision = steering_decision(user, gettext("enter the supervisor's ratings"))
    if decision and getattr(unit, "is_collective", False):
        return refused_now(
            "unit",
            gettext("“%(unit)s” is a collective name for several units and is not assessed")
            % {"unit": unit.name},
        )
    return decision


def can_save_scoring_settings(user: Person, settings: Any = None) -> Decision:
    """The supervisor sets the 考核办法."""
    return steering_decision(user, gettext("change the assessment method"))


def can_edit_indicators(user: Person, policy: Any = None) -> Decision:
    """The supervisor makes and edits a policy's indicators and records their actuals."""
    return steering_decision(user, gettext("change the monitored indicators"))


def access_breakdown(user: Any, unit_id: Any) -> Unit:
    """The unit whose score breakdown ``user`` may read: any for readers of everything, else only
    his own unit (another unit answers 404)."""
    try:
        unit = Unit.objects.get(pk=int(unit_id))
    except (Unit.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such unit")) from None
    if can_read_breakdown(user, unit):
        return unit
    raise Http404(gettext("No such unit"))


def visible_indicators(queryset: Any, user: Any) -> Any:
    """Indicators of the policies ``user`` may read."""
    from taizhang.policies.models import Policy

    return queryset.filter(policy__in=visible_policies(Policy.objects.all(), user))


def access_indicator(user: Any, indicator_id: Any, for_write: bool = False) -> Indicator:
    """The indicator if ``user`` may read its policy (404 otherwise); writing is for steering roles (403)."""
    try:
        indicator = Indicator.objects.select_related("policy").get(pk=int(indicator_id))
    except (Indicator.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such indicator")) from None
    access_policy(user, indicator.policy_id)
    if for_write and not is_steering(user):
        raise PermissionDenied(gettext("Only the supervisor may change indicators"))
    return indicator

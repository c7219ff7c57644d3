"""Who sees which monitoring page (docs/permissions.md).

- The supervisor's dashboard: readers of everything (administrator, supervisor, viewer).
- A unit's dashboard: unit leaders and officers, for their own unit.
- The ranking of a period: every user with a role.
- A unit's score breakdown: readers of everything and the people of that unit; another unit's
  breakdown answers 404, as a missing one.
- Indicators: readable with their policy (``access_policy``); changed by steering roles only.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from taizhang.accounts.access import is_steering, role_of, sees_everything, unit_id_of
from taizhang.policies.access import access_policy, visible_policies
from taizhang.units.models import Unit

from .models import Indicator

__all__ = [
    "require_dashboard",
    "require_unit_dashboard",
    "require_ranking",
    "access_breakdown",
    "access_indicator",
    "visible_indicators",
]


def require_dashboard(user: Any) -> None:
    """PermissionDenied unless ``user`` reads everything (the supervisor's and leaders' dashboard)."""
    if not sees_everything(user):
        raise PermissionDenied("总览看板仅供督查室和区领导查看")


def require_unit_dashboard(user: Any) -> int:
    """The unit id whose dashboard ``user`` sees; PermissionDenied for users without a unit."""
    unit_id = unit_id_of(user)
    if unit_id is None:
        raise PermissionDenied("单位看板仅供单位负责人和联络员查看")
    return unit_id


def require_ranking(user: Any) -> None:
    """Every user with a role may read a period's ranking; others get PermissionDenied."""
    if role_of(user) is None:
        raise PermissionDenied("没有查看考核排名的权限")


def access_breakdown(user: Any, unit_id: Any) -> Unit:
    """The unit whose score breakdown ``user`` may read: any for readers of everything, else only
    his own unit (another unit answers 404)."""
    try:
        unit = Unit.objects.get(pk=int(unit_id))
    except (Unit.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个单位") from None
    if sees_everything(user) or unit_id_of(user) == unit.pk:
        return unit
    raise Http404("没有这个单位")


def visible_indicators(queryset: Any, user: Any) -> Any:
    """Indicators of the policies ``user`` may read."""
    from taizhang.policies.models import Policy

    return queryset.filter(policy__in=visible_policies(Policy.objects.all(), user))


def access_indicator(user: Any, indicator_id: Any, for_write: bool = False) -> Indicator:
    """The indicator if ``user`` may read its policy (404 otherwise); writing is for steering roles (403)."""
    try:
        indicator = Indicator.objects.select_related("policy").get(pk=int(indicator_id))
    except (Indicator.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个指标") from None
    access_policy(user, indicator.policy_id)
    if for_write and not is_steering(user):
        raise PermissionDenied("只有督查室可以修改指标")
    return indicator

"""The only way code gets policies for a user: drafts are for the supervisor, administrators and viewers."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from taizhang.accounts.access import is_steering, sees_everything, unit_id_of

from .models import Policy, PolicyStatus

__all__ = ["visible_policies", "access_policy"]

Q = TypeVar("Q", bound=QuerySet[Any])


def visible_policies(queryset: Q, user: Any) -> Q:
    """Policies ``user`` may read: all for readers-of-everything; published ones with a task of
    the unit for unit people."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    from taizhang.ledger.models import TaskAssignment

    mine = TaskAssignment.objects.filter(task__policy=OuterRef("pk"), unit_id=unit_id)
    return queryset.filter(Exists(mine), status=PolicyStatus.PUBLISHED)


def access_policy(user: Any, policy_id: Any, for_write: bool = False) -> Policy:
    """The policy ``policy_id`` if ``user`` may read it; writing is for the supervisor (404/403)."""
    try:
        policy = visible_policies(Policy.objects.all(), user).get(pk=int(policy_id))
    except (Policy.DoesNotExist, TypeError, ValueError):
        raise Http404("没有这个政策文件") from None
    if for_write and not is_steering(user):
        raise PermissionDenied("只有督查室可以修改政策文件")
    return policy

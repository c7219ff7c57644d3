"""The only way code gets policies for a user: drafts are for the supervisor, administrators and
viewers. Importing, reviewing, publishing and restructuring a policy are the supervisor's
(``can_<verb>_policy``; docs/permissions.md); without a policy they judge the person only."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from taizhang.accounts.access import (
    Decision,
    is_steering,
    refused_now,
    sees_everything,
    steering_decision,
    unit_id_of,
)

from .models import Policy, PolicyStatus

__all__ = [
    "visible_policies",
    "access_policy",
    "can_import_policy",
    "can_review_policy",
    "can_publish_policy",
    "can_restructure_policy",
]

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


def can_import_policy(user: Any, policy: Any = None) -> Decision:
    """The supervisor imports a document as a draft policy."""
    return steering_decision(user, "导入政策文件")


def can_review_policy(user: Any, policy: Policy | None = None) -> Decision:
    """The supervisor corrects a draft's tasks and metrics on the review screen."""
    decision = steering_decision(user, "修改任务")
    if decision and policy is not None and policy.status != PolicyStatus.DRAFT:
        return refused_now("status", f"“{policy.title}”已经发布，请在任务页面修改")
    return decision


def can_publish_policy(user: Any, policy: Policy | None = None) -> Decision:
    """The supervisor publishes (交办) a draft policy."""
    decision = steering_decision(user, "发布政策文件")
    if decision and policy is not None and policy.status != PolicyStatus.DRAFT:
        return refused_now("status", f"“{policy.title}”已经发布")
    return decision


def can_restructure_policy(user: Any, policy: Policy | None = None) -> Decision:
    """The supervisor adds, splits and merges the tasks of a published policy, adds measures and
    sets its report cadence."""
    decision = steering_decision(user, "调整任务结构")
    if decision and policy is not None and policy.status != PolicyStatus.PUBLISHED:
        return refused_now("policy", "政策文件尚未发布：请在核对页面修改")
    return decision

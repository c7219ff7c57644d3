"""Who may import, review, publish and restructure a policy. (Which policies a person reads depends on
the tasks assigned to their unit: ``visible_policies`` and ``access_policy`` are in ledger.access.) Importing, reviewing, publishing and restructuring a policy are the supervisor's
(``can_<verb>_policy``; docs/permissions.md); without a policy they judge the person only."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet

from taizhang.accounts.access import (
    Decision,
    refused_now,
    steering_decision,
)

from .models import Policy, PolicyStatus

__all__ = [
    "can_import_policy",
    "can_review_policy",
    "can_publish_policy",
    "can_restructure_policy",
]

Q = TypeVar("Q", bound=QuerySet[Any])


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

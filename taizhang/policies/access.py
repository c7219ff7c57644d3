"""Who may import, review, publish and restructure a policy. (Which policies a person reads depends on
the tasks assigned to their unit: ``visible_policies`` and ``access_policy`` are in ledger.access.) Importing, reviewing, publishing and restructuring a policy are the supervisor's
(``can_<verb>_policy``; docs/permissions.md); without a policy they judge the person only."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet
from django.utils.translation import gettext

from taizhang.accounts.access import (
    Decision,
    Person,
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


def can_import_policy(user: Person, policy: Any = None) -> Decision:
    """The supervisor imports a document as a draft policy."""
    return steering_decision(user, gettext("import policy documents"))


def can_review_policy(user: Person, policy: Policy | None = None) -> Decision:
    """The supervisor corrects a draft's tasks and metrics on the review screen."""
    decision = steering_decision(user, gettext("change tasks"))
    if decision and policy is not None and policy.status != PolicyStatus.DRAFT:
        return refused_now(
            "status",
            gettext("“%(title)s” is published already; change it on the task pages")
            % {"title": policy.title},
        )
    return decision


def can_publish_policy(user: Person, policy: Policy | None = None) -> Decision:
    """The supervisor publishes (交办) a draft policy."""
    decision = steering_decision(user, gettext("publish policy documents"))
    if decision and policy is not None and policy.status != PolicyStatus.DRAFT:
        return refused_now("status", gettext("“%(title)s” is published already") % {"title": policy.title})
    return decision


def can_restructure_policy(user: Person, policy: Policy | None = None) -> Decision:
    """The supervisor adds, splits and merges the tasks of a published policy, adds measures and
    sets its report cadence."""
    decision = steering_decision(user, gettext("restructure tasks"))
    if decision and policy is not None and policy.status != PolicyStatus.PUBLISHED:
        return refused_now(
            "policy", gettext("The policy document is not published yet: change it on the review page")
        )
    return decision

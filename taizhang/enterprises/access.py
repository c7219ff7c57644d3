"""The only way code gets enterprise-service objects for a user.

Two kinds of people use this app (docs/permissions.md):

- officers: every user with a role (accounts.Membership). They read the registry, the benefit
  catalogue and the lists. Writing is the supervisor's (督查室, and administrators) and, for a
  benefit, its department's (the unit that pays it): its leader and officers.
- enterprise users: a user linked to one enterprise by an :class:`EnterpriseAccount` and holding
  no role. He reads his own enterprise, its decisions once a list is public, and the catalogue.
  Another enterprise answers 404, exactly as a missing one. Having no role, he sees nothing of
  the ledger.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext

from taizhang.accounts.access import is_steering, role_of, unit_id_of
from taizhang.accounts.models import UNIT_ROLES, Role

from .models import (
    Benefit,
    BenefitList,
    BenefitStatus,
    Decision,
    DecisionStatus,
    Enterprise,
    EnterpriseAccount,
    ListStatus,
)

__all__ = [
    "enterprise_of",
    "is_officer",
    "is_enterprise_user",
    "is_hk_user",
    "writes_for_unit",
    "require_benefit_unit",
    "require_officer_writer",
    "visible_enterprises",
    "visible_benefits",
    "visible_lists",
    "visible_decisions",
    "access_enterprise",
    "access_benefit",
    "access_list",
    "access_decision",
    "PUBLIC_DECISION_STATUSES",
]

M = TypeVar("M", bound=QuerySet[Any])

# What an enterprise sees of its own decisions: a list is internal until it goes on notice.
PUBLIC_LIST_STATUSES = (ListStatus.ON_NOTICE, ListStatus.FINAL, ListStatus.CLOSED)
PUBLIC_DECISION_STATUSES = (
    DecisionStatus.PROPOSED,
    DecisionStatus.WITHDRAWN,
    DecisionStatus.AWAITING,
    DecisionStatus.CONFIRMED,
    DecisionStatus.DECLINED,
    DecisionStatus.PAID,
)


def is_officer(user: Any) -> bool:
    """A government user: any role of the ledger (viewers read, and write nothing)."""
    return role_of(user) is not None


def enterprise_of(user: Any) -> Enterprise | None:
    """The enterprise an enterprise user acts for; None for officers, anonymous or inactive users."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if role_of(user) is not None:
        return None
    cached = getattr(user, "_enterprise_cache", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    try:
        account = EnterpriseAccount.objects.select_related("enterprise").get(user=user)
    except EnterpriseAccount.DoesNotExist:
        return None
    user._enterprise_cache = account.enterprise
    return account.enterprise


def is_enterprise_user(user: Any) -> bool:
    return enterprise_of(user) is not None


def is_hk_user(user: Any) -> bool:
    """An enterprise user whose enterprise is Hong Kong-funded (港资企业)."""
    from .registry import is_hk_funded

    enterprise = enterprise_of(user)
    return enterprise is not None and is_hk_funded(enterprise)


def writes_for_unit(user: Any, unit_id: int | None) -> bool:
    """The supervisor, an administrator, or a leader/officer of the unit ``unit_id``."""
    if is_steering(user):
        return True
    return role_of(user) in UNIT_ROLES and unit_id is not None and unit_id_of(user) == unit_id


def require_benefit_unit(user: Any, benefit: Benefit, what: str) -> None:
    """PermissionDenied unless the user steers or belongs to the benefit's department."""
    if not writes_for_unit(user, benefit.unit_id):
        raise PermissionDenied(
            gettext("Only the supervisor or %(unit)s may %(action)s")
            % {"unit": benefit.unit.name, "action": what}
        )


def require_officer_writer(user: Any, what: str) -> None:
    """PermissionDenied unless the user steers or is a unit leader or officer (not a viewer)."""
    role = role_of(user)
    if role not in (Role.ADMINISTRATOR, Role.SUPERVISOR, Role.UNIT_LEADER, Role.UNIT_OFFICER):
        raise PermissionDenied(gettext("Only the supervisor and the units may %(action)s") % {"action": what})


def visible_enterprises(queryset: M, user: Any) -> M:
    """Officers read every enterprise; an enterprise user his own; anybody else none."""
    if is_officer(user):
        return queryset
    enterprise = enterprise_of(user)
    if enterprise is None:
        return queryset.none()
    return queryset.filter(pk=enterprise.pk)


def visible_benefits(queryset: M, user: Any) -> M:
    """Officers read the whole catalogue; enterprise users the benefits in force (public anyway)."""
    if is_officer(user):
        return queryset
    if is_enterprise_user(user):
        return queryset.filter(status=BenefitStatus.ACTIVE)
    return queryset.none()


def visible_lists(queryset: M, user: Any) -> M:
    """Lists are the officers' (an enterprise sees its own decisions, not lists)."""
    return queryset if is_officer(user) else queryset.none()


def visible_decisions(queryset: M, user: Any) -> M:
    """Officers read all decisions; an enterprise user his enterprise's, once their list is public."""
    if is_officer(user):
        return queryset
    enterprise = enterprise_of(user)
    if enterprise is None:
        return queryset.none()
    return queryset.filter(
        enterprise=enterprise,
        benefit_list__status__in=PUBLIC_LIST_STATUSES,
        status__in=PUBLIC_DECISION_STATUSES,
    )


def _get(queryset: QuerySet[Any], pk: Any, missing: str) -> Any:
    try:
        return queryset.get(pk=int(pk))
    except (queryset.model.DoesNotExist, TypeError, ValueError):
        raise Http404(missing) from None


def access_enterprise(user: Any, enterprise_id: Any, for_write: bool = False) -> Enterprise:
    """The enterprise if the user may read it (404 otherwise); ``for_write``: officers who write."""
    enterprise: Enterprise = _get(
        visible_enterprises(Enterprise.objects.all(), user), enterprise_id, gettext("No such enterprise")
    )
    if for_write:
        require_officer_writer(user, gettext("change enterprise data"))
    return enterprise


def access_benefit(user: Any, benefit_id: Any, for_write: bool = False) -> Benefit:
    """The benefit if visible; ``for_write``: the supervisor or the benefit's department."""
    benefit: Benefit = _get(
        visible_benefits(Benefit.objects.select_related("unit", "policy", "task", "current"), user),
        benefit_id,
        gettext("No such benefit"),
    )
    if for_write:
        require_benefit_unit(user, benefit, gettext("change this benefit"))
    return benefit


def access_list(user: Any, list_id: Any, for_write: bool = False) -> BenefitList:
    """A benefit list, for officers; ``for_write``: the supervisor or the benefit's department."""
    blist: BenefitList = _get(
        visible_lists(BenefitList.objects.select_related("benefit", "benefit__unit", "rule_version"), user),
        list_id,
        gettext("No such list"),
    )
    if for_write:
        require_benefit_unit(user, blist.benefit, gettext("handle this list"))
    return blist


def access_decision(user: Any, decision_id: Any, for_write: bool = False) -> Decision:
    """A decision if visible; ``for_write``: its enterprise's user (to confirm) or the benefit's writers."""
    decision: Decision = _get(
        visible_decisions(
            Decision.objects.select_related(
                "benefit_list",
                "benefit_list__benefit",
                "benefit_list__benefit__unit",
                "enterprise",
                "rule_version",
            ),
            user,
        ),
        decision_id,
        gettext("No such record"),
    )
    if for_write:
        mine = enterprise_of(user)
        if mine is None or mine.pk != decision.enterprise_id:
            require_benefit_unit(user, decision.benefit_list.benefit, gettext("handle this record"))
    return decision

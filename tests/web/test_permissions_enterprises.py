"""The permission matrix of the enterprise services (docs/permissions.md), with two enterprise
users: erin (enterprise A) and hana (Hong Kong-funded enterprise B)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from taizhang.devtools.builders import make_enterprise_user
from taizhang.enterprises import actions as E
from taizhang.enterprises.access import access_benefit, access_decision, access_enterprise, access_list
from taizhang.enterprises.builders import to_csv
from taizhang.enterprises.imports import parse_registry
from taizhang.enterprises.models import Decision, DecisionStatus, Enterprise, NewsItem
from taizhang.ledger.models import Task

pytestmark = pytest.mark.django_db

PEOPLE = ["alice", "sam", "vera", "amy", "andy", "bob", "ben", "erin", "hana"]
OFFICERS = {"alice", "sam", "vera", "amy", "andy", "bob", "ben"}
STEERING = {"alice", "sam"}
WRITERS = {"alice", "sam", "amy", "andy", "bob", "ben"}
UNIT_B = STEERING | {"bob", "ben"}  # the benefit is paid by 区发展改革局 (unit B)
AS_OF = dt.date(2025, 3, 31)


class World:
    """Two enterprises with their users, a benefit of unit B linked to task 1 (led by A), a list."""

    def __init__(self, cast: Any, tasks: list[Task]) -> None:
        self.cast = cast
        self.erin = make_enterprise_user("erin", serial=1)
        self.hana = make_enterprise_user("hana", serial=2)
        self.a = Enterprise.objects.get(accounts__user=self.erin)
        self.b = Enterprise.objects.get(accounts__user=self.hana)
        rows = [
            ["统一社会信用代码", "企业名称", "是否注册在本区", "是否港资", "香港商业登记号码"],
            [self.a.credit_code, self.a.name, "是", "否", ""],
            [self.b.credit_code, self.b.name, "是", "是", "12345678"],
        ]
        E.do_import_registry(cast.sam, parse_registry("a.csv", to_csv(rows)), source=cast.unit_a, as_of=AS_OF)
        self.benefit = E.do_create_benefit(
            cast.sam,
            code="b1",
            name="示例政策",
            unit=cast.unit_b,
            conditions="注册在本区 = 是",
            formula="1万元",
            policy=tasks[0].policy,
            task=tasks[0],
        )
        self.tasks = tasks

    def draft_list(self) -> Any:
        return E.do_generate_benefit_list(self.cast.sam, self.benefit, as_of=AS_OF)

    def decision(self, enterprise: Enterprise, stage: str) -> Decision:
        """A's or B's decision at ``stage``: draft, notice, awaiting, confirmed."""
        blist = self.draft_list()
        if stage != "draft":
            E.do_review_benefit_list(self.cast.sam, blist, approve=True)
            E.do_start_public_notice(self.cast.sam, blist, days=5, today=dt.date.today())
        if stage in ("awaiting", "confirmed"):
            E.do_close_public_notice(self.cast.sam, blist, today=dt.date.today() + dt.timedelta(days=5))
        decision = blist.decisions.get(enterprise=enterprise)
        if stage == "confirmed":
            user = self.erin if enterprise == self.a else self.hana
            E.do_confirm_decision(user, decision, accept=True)
        decision.refresh_from_db()
        return decision

    def paid(self) -> Decision:
        decision = self.decision(self.a, "confirmed")
        E.do_record_payout(self.cast.sam, decision, amount="10000", paid_on=dt.date.today())
        return decision


ACTIONS: dict[str, tuple[Callable[[World, Any], Any], set[str]]] = {
    "read enterprise A (access_enterprise)": (lambda w, u: access_enterprise(u, w.a.pk), OFFICERS | {"erin"}),
    "read enterprise B": (lambda w, u: access_enterprise(u, w.b.pk), OFFICERS | {"hana"}),
    "read a benefit (access_benefit)": (
        lambda w, u: access_benefit(u, w.benefit.pk),
        OFFICERS | {"erin", "hana"},
    ),
    "read a list (access_list)": (lambda w, u: access_list(u, w.draft_list().pk), OFFICERS),
    "read A's decision on a draft list": (
        lambda w, u: access_decision(u, w.decision(w.a, "draft").pk),
        OFFICERS,
    ),
    "read A's decision on public notice": (
        lambda w, u: access_decision(u, w.decision(w.a, "notice").pk),
        OFFICERS | {"erin"},
    ),
    "import a department's export do_import_registry (source A)": (
        lambda w, u: E.do_import_registry(
            u,
            parse_registry("x.csv", to_csv([["统一社会信用代码", "企业名称"], [w.a.credit_code, "甲"]])),
            source=w.cast.unit_a,
            as_of=AS_OF,
        ),
        STEERING | {"amy", "andy"},
    ),
    "open an enterprise account do_create_enterprise_account": (
        lambda w, u: E.do_create_enterprise_account(u, w.a, username="new-user", password="long-enough-1"),
        STEERING,
    ),
    "add a benefit of unit B do_create_benefit": (
        lambda w, u: E.do_create_benefit(
            u, code="b2", name="新政策", unit=w.cast.unit_b, conditions="注册在本区 = 是", formula="1万元"
        ),
        UNIT_B,
    ),
    "edit a benefit's rules do_save_benefit_rules": (
        lambda w, u: E.do_save_benefit_rules(
            u, w.benefit, conditions="注册在本区 = 是\n信用状态 != 失信", formula="1万元"
        ),
        UNIT_B,
    ),
    "add an example case do_add_benefit_example": (
        lambda w, u: E.do_add_benefit_example(
            u, w.benefit, name="x", as_of=AS_OF, inputs={"registered_in_district": True}, expected="eligible"
        ),
        UNIT_B,
    ),
    "generate a list do_generate_benefit_list": (
        lambda w, u: E.do_generate_benefit_list(u, w.benefit, as_of=AS_OF),
        UNIT_B,
    ),
    "take an enterprise off a list do_exclude_decision": (
        lambda w, u: E.do_exclude_decision(u, w.decision(w.a, "draft"), reason="核实不符"),
        STEERING,
    ),
    "review a list do_review_benefit_list": (
        lambda w, u: E.do_review_benefit_list(u, w.draft_list(), approve=True),
        STEERING,
    ),
    "start the public notice do_start_public_notice": (
        lambda w, u: E.do_start_public_notice(
            u, E.do_review_benefit_list(w.cast.sam, w.draft_list(), approve=True)
        ),
        STEERING,
    ),
    "lodge an objection do_lodge_objection": (
        lambda w, u: E.do_lodge_objection(u, w.decision(w.b, "notice"), text="数据有误", contact="王先生"),
        OFFICERS | {"erin", "hana"},
    ),
    "answer an objection do_decide_objection": (
        lambda w, u: E.do_decide_objection(
            u,
            E.do_lodge_objection(None, w.decision(w.b, "notice"), text="x", contact="y"),
            upheld=False,
            reply="经核实无误",
        ),
        STEERING,
    ),
    "close the public notice do_close_public_notice": (
        lambda w, u: E.do_close_public_notice(
            u, w.decision(w.a, "notice").benefit_list, today=dt.date.today() + dt.timedelta(days=5)
        ),
        STEERING,
    ),
    "confirm A's benefit (意愿确认) do_confirm_decision": (
        lambda w, u: E.do_confirm_decision(u, w.decision(w.a, "awaiting"), accept=True),
        {"erin"},
    ),
    "record a payout do_record_payout": (
        lambda w, u: E.do_record_payout(
            u, w.decision(w.a, "confirmed"), amount="10000", paid_on=dt.date.today()
        ),
        UNIT_B,
    ),
    "draft the task's report from payouts do_report_benefit_progress (task led by A)": (
        lambda w, u: w.paid() and E.do_report_benefit_progress(u, w.tasks[0], period="2025-04"),
        {"andy"},
    ),
    "write / publish 深港资讯 do_save_news_item, do_publish_news_item": (
        lambda w, u: E.do_publish_news_item(u, E.do_save_news_item(u, title="资讯", body="正文")),
        WRITERS,
    ),
    "edit a service item do_save_service_item": (
        lambda w, u: E.do_save_service_item(u, title="服务", summary="说明", unit=w.cast.unit_a),
        WRITERS,
    ),
}


@pytest.fixture
def world(cast: Any, tasks: list[Task]) -> World:
    return World(cast, tasks)


def _user(world: World, person: str) -> Any:
    return {"erin": world.erin, "hana": world.hana}.get(person) or getattr(world.cast, person)


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_permission_matrix(world: World, action: str, person: str) -> None:
    run, allowed = ACTIONS[action]
    user = _user(world, person)
    if person in allowed:
        assert run(world, user) is not None
    else:
        with pytest.raises((PermissionDenied, Http404)):
            run(world, user)


class EnterpriseUserTestCase:
    def test_another_enterprise_answers_exactly_as_a_missing_one(self, world: World) -> None:
        with pytest.raises(Http404) as other:
            access_enterprise(world.erin, world.b.pk)
        with pytest.raises(Http404) as missing:
            access_enterprise(world.erin, 999999)
        assert str(other.value) == str(missing.value)

    def test_an_enterprise_user_sees_only_its_own_and_never_the_ledger(self, world: World) -> None:
        assert list(Enterprise.objects.visible_to(world.erin)) == [world.a]
        assert Task.objects.visible_to(world.erin).count() == 0
        assert Enterprise.objects.visible_to(AnonymousUser()).count() == 0

    def test_anonymous_objections_are_recorded_without_an_actor(self, world: World) -> None:
        objection = E.do_lodge_objection(
            AnonymousUser(), world.decision(world.b, "notice"), text="x", contact="y"
        )
        assert objection.lodged_by is None

    def test_a_viewer_writes_no_news(self, world: World) -> None:
        with pytest.raises(PermissionDenied):
            E.do_save_news_item(world.cast.vera, title="t", body="b")
        assert not NewsItem.objects.exists()

    def test_a_declined_benefit_cannot_be_paid(self, world: World) -> None:
        decision = world.decision(world.a, "awaiting")
        E.do_confirm_decision(world.erin, decision, accept=False, reason="不需要")
        decision.refresh_from_db()
        assert decision.status == DecisionStatus.DECLINED
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            E.do_record_payout(world.cast.sam, decision, amount="1", paid_on=dt.date.today())

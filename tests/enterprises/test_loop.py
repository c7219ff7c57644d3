"""The 免申即享 loop end to end: list, review, public notice with an objection, confirmation,
payout, and the linked task's progress through the ledger's own report flow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from taizhang.core.models import HistoryEntry
from taizhang.enterprises import actions as E
from taizhang.enterprises.engine import Outcome, explain
from taizhang.enterprises.models import BenefitList, Decision, DecisionStatus, EnterpriseFact, ListStatus
from taizhang.enterprises.registry import row_from_snapshot
from taizhang.ledger import actions as L

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2025, 3, 31)


def _enterprise_user(cast: Any, decision: Decision, name: str = "erin") -> Any:
    return E.do_create_enterprise_account(
        cast.sam, decision.enterprise, username=name, password="erin-taizhang"
    )


def _through_notice(cast: Any, blist: BenefitList, today: dt.date) -> BenefitList:
    E.do_review_benefit_list(cast.sam, blist, approve=True)
    E.do_start_public_notice(cast.sam, blist, days=5, today=today)
    return E.do_close_public_notice(cast.sam, blist, today=today + dt.timedelta(days=5))


class GenerateTestCase:
    def test_a_list_holds_the_eligible_and_the_possibly_eligible_with_frozen_data(
        self, cast: Any, registry: Any, catalogue: Any
    ) -> None:
        benefit = catalogue["lh11-output-growth"]
        blist = E.do_generate_benefit_list(cast.sam, benefit, as_of=AS_OF)
        assert blist.evaluated == 60 and blist.rule_version == benefit.current
        decisions = list(blist.decisions.all())
        assert len(decisions) == blist.eligible_count + blist.possibly_count > 0
        first = next(d for d in decisions if d.outcome == Outcome.ELIGIBLE)
        assert first.status == DecisionStatus.PROPOSED and first.amount is not None
        assert first.snapshot["revenue@2024"]["source"] == "区统计局"
        assert first.snapshot["revenue@2024"]["as_of"] == "2025-03-31"
        # Later data does not change the decision: its explanation is re-read from the snapshot.
        EnterpriseFact.objects.filter(enterprise=first.enterprise, attribute="revenue").update(number=1)
        row, sources = row_from_snapshot(first.snapshot)
        again = explain(first.rule_version.rule(), row, blist.as_of, sources=sources.get)
        assert again.outcome == Outcome.ELIGIBLE and Decimal(str(again.amount)) == first.amount

    def test_the_departments_officer_may_generate_another_unit_may_not(
        self, cast: Any, registry: Any, catalogue: Any
    ) -> None:
        with pytest.raises(PermissionDenied):
            E.do_generate_benefit_list(cast.andy, catalogue["lh9-high-tech"], as_of=AS_OF)

    def test_an_enterprise_is_not_listed_twice_for_one_benefit(
        self, cast: Any, registry: Any, catalogue: Any
    ) -> None:
        benefit = catalogue["lh14-new-services"]
        first = E.do_generate_benefit_list(cast.sam, benefit, as_of=AS_OF)
        with pytest.raises(ValidationError, match="未公示结束"):
            E.do_generate_benefit_list(cast.sam, benefit, as_of=AS_OF)
        _through_notice(cast, first, dt.date(2025, 4, 1))
        second = E.do_generate_benefit_list(cast.sam, benefit, as_of=AS_OF)
        assert second.number == 2
        assert not set(second.decisions.values_list("enterprise_id", flat=True)) & set(
            first.decisions.filter(status=DecisionStatus.AWAITING).values_list("enterprise_id", flat=True)
        )


class LoopTestCase:
    def test_the_whole_loop_updates_the_linked_task_through_the_ledger(
        self, cast: Any, registry: Any, catalogue: Any, tasks: list[Any]
    ) -> None:
        benefit = catalogue["lh14-new-services"]
        task = tasks[0]  # led by 区商务局 (andy, amy)
        E.do_update_benefit(cast.sam, benefit, seen_version=benefit.version, policy=task.policy, task=task)
        blist = E.do_generate_benefit_list(cast.sam, benefit, as_of=AS_OF)
        proposed = list(blist.decisions.filter(status=DecisionStatus.PROPOSED).order_by("pk"))
        assert len(proposed) >= 2
        keep, dispute = proposed[0], proposed[1]
        E.do_review_benefit_list(cast.sam, blist, approve=True)
        today = dt.date(2025, 4, 1)
        E.do_start_public_notice(cast.sam, blist, days=5, today=today)
        objection = E.do_lodge_objection(
            None, dispute, text="该企业产值数据有误", contact="王先生 13800000000", today=today
        )
        with pytest.raises(ValidationError, match="期满后"):
            E.do_close_public_notice(cast.sam, blist, today=today + dt.timedelta(days=2))
        with pytest.raises(ValidationError, match="未处理的异议"):
            E.do_close_public_notice(cast.sam, blist, today=today + dt.timedelta(days=5))
        E.do_decide_objection(cast.sam, objection, upheld=True, reply="经核实，统计数据有误，撤销")
        E.do_close_public_notice(cast.sam, blist, today=today + dt.timedelta(days=5))
        dispute.refresh_from_db()
        keep.refresh_from_db()
        assert dispute.status == DecisionStatus.WITHDRAWN and keep.status == DecisionStatus.AWAITING

        erin = _enterprise_user(cast, keep)
        with pytest.raises(PermissionDenied):
            E.do_confirm_decision(erin, dispute, accept=True)
        with pytest.raises(ValidationError, match="企业确认后"):
            E.do_record_payout(cast.sam, keep, amount=keep.amount, paid_on=today)
        E.do_confirm_decision(erin, keep, accept=True)
        E.do_record_payout(cast.sam, keep, amount=keep.amount, paid_on=today, reference="财政直达 2025-001")
        keep.refresh_from_db()
        assert keep.status == DecisionStatus.PAID and keep.paid_amount == keep.amount

        with pytest.raises(PermissionDenied):  # the ledger's own rule: only the lead unit's officer reports
            E.do_report_benefit_progress(cast.ben, task, period="2025-04")
        report = E.do_report_benefit_progress(cast.andy, task, period="2025-04")
        due = blist.decisions.filter(
            status__in=[DecisionStatus.AWAITING, DecisionStatus.CONFIRMED, DecisionStatus.PAID]
        ).count()
        assert report.percent == round(100 / due)
        assert "已兑现 1 家" in report.narrative
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_accept_report(cast.sam, report)
        task.refresh_from_db()
        assert task.progress == round(100 / due)
        assert HistoryEntry.objects.filter(task_id=task.pk, action="record_payout").exists()

    def test_a_returned_list_needs_comments_and_excluding_needs_a_reason(
        self, cast: Any, registry: Any, catalogue: Any
    ) -> None:
        blist = E.do_generate_benefit_list(cast.sam, catalogue["lh11-output-growth"], as_of=AS_OF)
        decision = blist.decisions.first()
        with pytest.raises(ValidationError) as error:
            E.do_exclude_decision(cast.sam, decision, reason=" ")
        assert "reason" in error.value.message_dict
        with pytest.raises(PermissionDenied):
            E.do_exclude_decision(cast.andy, decision, reason="x")
        with pytest.raises(ValidationError) as error:
            E.do_review_benefit_list(cast.sam, blist, approve=False)
        assert "comments" in error.value.message_dict
        E.do_review_benefit_list(cast.sam, blist, approve=False, comments="请核对数据来源")
        blist.refresh_from_db()
        assert blist.status == ListStatus.RETURNED


class RulesTestCase:
    def test_new_rules_that_break_an_example_are_refused_naming_it(self, cast: Any, catalogue: Any) -> None:
        benefit = catalogue["lh9-high-tech"]
        with pytest.raises(ValidationError) as error:
            E.do_save_benefit_rules(cast.sam, benefit, conditions="注册在本区 = 是", formula="20万元")
        assert (
            "示例「2021年首次认定、2024年重新认定：不是初次」：应为不符合，实为符合"
            in error.value.message_dict["conditions"][0]
        )
        assert benefit.versions.count() == 1

    def test_rules_that_do_not_parse_name_the_field(self, cast: Any, catalogue: Any) -> None:
        benefit = catalogue["lh9-high-tech"]
        with pytest.raises(ValidationError) as error:
            E.do_save_benefit_rules(
                cast.sam, benefit, conditions="注册在本区 = 是\n研发收入 > 1", formula="20万元"
            )
        assert "第 2 行第 1 列：未知的词「研发收入」" in error.value.message_dict["conditions"][0]
        with pytest.raises(ValidationError) as error:
            E.do_save_benefit_rules(cast.sam, benefit, conditions="注册在本区 = 是", formula="20万元 *")
        assert "formula" in error.value.message_dict

    def test_a_new_version_is_kept_beside_the_old(self, cast: Any, catalogue: Any) -> None:
        benefit = catalogue["lh9-high-tech"]
        old = benefit.current
        conditions = old.conditions + "\n信用状态 != 关注"
        version = E.do_save_benefit_rules(
            cast.sam, benefit, conditions=conditions, formula="20万元", note="示意"
        )
        assert version.number == 2 and benefit.current == version
        assert old.conditions != version.conditions
        with pytest.raises(ValidationError):
            version.save()

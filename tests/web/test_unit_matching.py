"""Units named by documents are matched to known units across scripts and abbreviations."""

from __future__ import annotations

import pytest

from taizhang.ledger.models import TaskAssignment
from taizhang.ledger.policy_actions import do_import_policy
from taizhang.units.actions import name_key
from taizhang.units.models import Unit, UnitStatus

TABLE = "序号\t重点任务\t牵头单位\t完成时限\n1\t编制年度投资计划。\t区发改局\t2024年12月\n2\t推进港企服务专区建设。\t區商務局\t2025年6月\n3\t新建社区服务站。\t区民政局\t2025年\n"


class NameKeyTestCase:
    def test_an_abbreviation_matches_the_full_name(self) -> None:
        assert name_key("区发改局") == name_key("区发展改革局")

    def test_traditional_script_and_blanks_match(self) -> None:
        assert name_key("區 商務局") == name_key("区商务局")


@pytest.mark.django_db
class ImportMatchingTestCase:
    def test_an_import_assigns_known_units_and_proposes_only_unknown_ones(self, cast) -> None:
        result = do_import_policy(cast.sam, data=TABLE.encode("utf-8"), name="plan.txt")
        leads = {
            a.task.text: a.unit
            for a in TaskAssignment.objects.filter(task__policy=result.policy, role="lead").select_related(
                "task", "unit"
            )
        }
        assert leads["编制年度投资计划。"] == cast.unit_b  # 区发改局 is 区发展改革局
        assert leads["推进港企服务专区建设。"] == cast.unit_a  # 區商務局 is 区商务局
        assert [u.name for u in result.proposed_units] == ["区民政局"]
        assert Unit.objects.get(name="区民政局").status == UnitStatus.PROPOSED

"""The ledger's flows through the actions: import -> publish, report -> approve -> accept/return,
closing, extensions, concurrent edits and history."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from taizhang.core.concurrency import ConcurrentEditError
from taizhang.core.models import HistoryEntry, HistoryIsAppendOnly
from taizhang.devtools.builders import SAMPLE_TASK_TABLE
from taizhang.extract import extract_text
from taizhang.ledger import actions as L
from taizhang.ledger.models import ExtensionStatus, ReportStatus, Task, TaskStatus
from taizhang.ledger.policy_actions import do_import_policy, do_publish_policy
from taizhang.policies.models import PolicyStatus
from taizhang.units.actions import do_confirm_unit, do_merge_unit
from taizhang.units.models import Unit, UnitAlias, UnitStatus

pytestmark = pytest.mark.django_db


def _import(cast, text=SAMPLE_TASK_TABLE, **options):
    return do_import_policy(
        cast.sam,
        data=text.encode(),
        name="plan.txt",
        extraction=extract_text(text, name="plan.txt"),
        **options,
    )


class ImportTestCase:
    def test_it_imports_a_draft_policy_with_tasks_measures_and_assignments(self, cast):
        result = _import(cast)
        policy = result.policy
        assert policy.status == PolicyStatus.DRAFT
        assert policy.original.read() == SAMPLE_TASK_TABLE.encode()
        tasks = list(policy.tasks.order_by("order"))
        assert [t.ref for t in tasks] == ["一.(一).1", "一.(一).2", "一.(二).3"]
        assert [m.title for m in policy.measures.all()] == ["深化“一网通办”改革", "优化市场准入"]
        assert (tasks[0].deadline_kind, tasks[0].deadline_year, tasks[0].deadline_month) == (
            "month",
            2025,
            12,
        )
        assert tasks[2].deadline_kind == "ongoing"
        assert policy.text[tasks[0].span_start : tasks[0].span_end].startswith("推进高频政务服务")
        lead = tasks[0].assignments.get(role="lead")
        assert lead.unit == cast.unit_a

    def test_it_proposes_unknown_units_rather_than_confirming_them(self, cast):
        result = _import(cast)
        names = sorted(u.name for u in result.proposed_units)
        assert names == ["东门街道办事处", "区市场监督管理局"]
        assert all(u.status == UnitStatus.PROPOSED for u in result.proposed_units)
        assert Unit.objects.get(name="东门街道办事处").kind == "subdistrict"

    def test_it_matches_units_written_in_traditional_script_or_by_alias(self, cast):
        UnitAlias.objects.create(unit=cast.unit_b, name="区发改局")
        text = SAMPLE_TASK_TABLE.replace("区商务局\n\t区发展改革局", "區商務局\n\t区发改局")
        result = _import(cast, text)
        first = result.policy.tasks.order_by("order").first()
        assert {a.unit for a in first.assignments.all()} == {cast.unit_a, cast.unit_b}

    def test_it_refuses_an_empty_file_naming_it_and_leaves_nothing(self, cast):
        with pytest.raises(ValidationError) as err:
            do_import_policy(cast.sam, data=b"", name="empty.txt")
        assert "empty.txt" in str(err.value)
        assert not Task.objects.exists()

    def test_it_refuses_import_by_a_unit_officer(self, cast):
        with pytest.raises(PermissionDenied):
            do_import_policy(cast.andy, data=b"x", name="a.txt", extraction=extract_text(SAMPLE_TASK_TABLE))


class PublishTestCase:
    def test_it_refuses_to_publish_while_units_are_only_proposed_and_changes_nothing(self, cast):
        policy = _import(cast).policy
        with pytest.raises(ValidationError) as err:
            do_publish_policy(cast.sam, policy)
        assert "区市场监督管理局" in str(err.value)
        policy.refresh_from_db()
        assert policy.status == PolicyStatus.DRAFT
        assert set(policy.tasks.values_list("status", flat=True)) == {TaskStatus.DRAFT}

    def test_it_assigns_every_task_once_units_are_confirmed(self, cast):
        result = _import(cast)
        for unit in result.proposed_units:
            do_confirm_unit(cast.alice, unit)
        do_publish_policy(cast.sam, result.policy)
        assert set(result.policy.tasks.values_list("status", flat=True)) == {TaskStatus.ASSIGNED}

    def test_merging_a_proposed_unit_moves_its_assignments_and_keeps_its_name_as_alias(self, cast):
        result = _import(cast)
        proposed = Unit.objects.get(name="区市场监督管理局")
        do_merge_unit(cast.alice, proposed, cast.unit_b)
        task3 = result.policy.tasks.get(ref="一.(二).3")
        assert task3.assignments.get(role="lead").unit == cast.unit_b
        assert UnitAlias.objects.get(name="区市场监督管理局").unit == cast.unit_b
        again = _import(cast, allow_duplicate=True)
        assert "区市场监督管理局" not in [u.name for u in again.proposed_units]


class ReportFlowTestCase:
    def test_a_report_goes_from_officer_to_leader_to_supervisor(self, cast, tasks):
        task = tasks[0]
        L.do_acknowledge_task(cast.andy, task)
        report = L.do_save_report(cast.andy, task=task, period="2025-03", narrative="已完成方案", percent=40)
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_accept_report(cast.sam, report)
        report.refresh_from_db()
        task.refresh_from_db()
        assert report.status == ReportStatus.ACCEPTED
        assert (task.progress, task.status) == (40, TaskStatus.IN_PROGRESS)

    def test_a_returned_report_can_be_edited_and_resubmitted(self, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="草稿", percent=10)
        L.do_submit_report(cast.andy, report)
        L.do_return_report(cast.sam, report, comments="请补充数据")
        report.refresh_from_db()
        assert (report.status, report.comments) == (ReportStatus.RETURNED, "请补充数据")
        L.do_save_report(
            cast.andy,
            task=tasks[0],
            period="2025-03",
            narrative="补充",
            percent=20,
            report=report,
            seen_version=report.version,
        )
        L.do_submit_report(cast.andy, report)
        report.refresh_from_db()
        assert report.status == ReportStatus.SUBMITTED

    def test_returning_a_report_needs_comments(self, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="x", percent=10)
        L.do_submit_report(cast.andy, report)
        with pytest.raises(ValidationError) as err:
            L.do_return_report(cast.sam, report, comments=" ")
        assert "comments" in err.value.message_dict

    def test_it_refuses_a_percent_outside_0_to_100_naming_the_field(self, cast, tasks):
        with pytest.raises(ValidationError) as err:
            L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="x", percent=130)
        assert "percent" in err.value.message_dict

    def test_a_co_unit_adds_its_contribution_to_the_lead_report(self, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="x", percent=10)
        contribution = L.do_add_contribution(cast.ben, report, text="配合完成数据对接")
        assert contribution.unit == cast.unit_b


class CloseTestCase:
    def _accepted(self, cast, task, attach):
        report = L.do_save_report(
            cast.andy, task=task, period="2025-12", narrative="完成", percent=100, requests_close=True
        )
        if attach:
            L.do_add_attachment(cast.andy, report, name="验收材料.pdf", data=b"%PDF-1.4 evidence")
        L.do_add_contribution(cast.ben, report, text="协办部分已完成")
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_accept_report(cast.sam, report)

    def test_closing_needs_evidence(self, cast, tasks):
        self._accepted(cast, tasks[0], attach=False)
        with pytest.raises(ValidationError) as err:
            L.do_close_task(cast.sam, tasks[0])
        assert "evidence" in err.value.message_dict

    def test_the_supervisor_closes_a_task_with_accepted_evidence(self, cast, tasks):
        self._accepted(cast, tasks[0], attach=True)
        task = L.do_close_task(cast.sam, tasks[0])
        assert (task.status, task.progress) == (TaskStatus.CLOSED, 100)

    def test_a_unit_leader_cannot_close_a_task(self, cast, tasks):
        self._accepted(cast, tasks[0], attach=True)
        with pytest.raises(PermissionDenied):
            L.do_close_task(cast.amy, tasks[0])


class ExtensionTestCase:
    def test_an_approved_extension_keeps_the_original_deadline_on_record(self, cast, tasks):
        task = tasks[0]
        ext = L.do_request_extension(cast.andy, task, kind="month", year=2026, month=6, reason="项目审批延后")
        L.do_decide_extension(cast.sam, ext, approve=True)
        task.refresh_from_db()
        assert (task.deadline_year, task.deadline_month) == (2026, 6)
        assert (task.original_deadline_kind, task.original_deadline_year, task.original_deadline_month) == (
            "month",
            2025,
            12,
        )
        ext2 = L.do_request_extension(cast.andy, task, kind="month", year=2026, month=12, reason="再次延后")
        L.do_decide_extension(cast.sam, ext2, approve=True)
        task.refresh_from_db()
        assert (task.original_deadline_year, task.original_deadline_month) == (2025, 12)

    def test_a_refused_extension_changes_no_deadline(self, cast, tasks):
        ext = L.do_request_extension(cast.andy, tasks[0], kind="year", year=2026, reason="x")
        L.do_decide_extension(cast.sam, ext, approve=False, comment="不同意")
        tasks[0].refresh_from_db()
        assert (tasks[0].deadline_year, tasks[0].original_deadline_kind) == (2025, "")
        ext.refresh_from_db()
        assert ext.status == ExtensionStatus.REFUSED

    def test_an_extension_needs_a_reason(self, cast, tasks):
        with pytest.raises(ValidationError) as err:
            L.do_request_extension(cast.andy, tasks[0], kind="year", year=2026, reason="")
        assert "reason" in err.value.message_dict


class AssignmentTestCase:
    def test_a_unit_returns_a_task_and_the_supervisor_reassigns_it(self, cast, tasks):
        task = tasks[1]  # led by B
        L.do_return_task(cast.ben, task, reason="不属于本单位职责")
        task.refresh_from_db()
        assert task.status == TaskStatus.RETURNED_TO_SUPERVISOR
        L.do_reassign_task(cast.sam, task, lead=[cast.unit_a])
        task.refresh_from_db()
        assert task.status == TaskStatus.ASSIGNED
        assert [a.unit for a in task.assignments.all()] == [cast.unit_a]

    def test_acknowledging_by_the_lead_unit_marks_the_task_acknowledged(self, cast, tasks):
        L.do_acknowledge_task(cast.amy, tasks[0])
        tasks[0].refresh_from_db()
        assert tasks[0].status == TaskStatus.ACKNOWLEDGED


class ConcurrentEditTestCase:
    def test_the_second_save_of_a_report_is_refused_with_the_others_change(self, cast, tasks):
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="v1", percent=10)
        seen = report.version
        L.do_save_report(
            cast.andy,
            task=tasks[0],
            period="2025-03",
            narrative="first edit",
            percent=30,
            report=report,
            seen_version=seen,
        )
        with pytest.raises(ConcurrentEditError) as err:
            L.do_save_report(
                cast.andy,
                task=tasks[0],
                period="2025-03",
                narrative="second edit",
                percent=50,
                report=report,
                seen_version=seen,
            )
        assert err.value.current["narrative"] == "first edit"
        assert err.value.current["percent"] == 30
        report.refresh_from_db()
        assert report.narrative == "first edit"

    def test_the_second_edit_of_a_task_is_refused(self, cast, tasks):
        task = tasks[0]
        seen = task.version
        L.do_update_task(cast.sam, task, seen_version=seen, text="新的任务表述")
        with pytest.raises(ConcurrentEditError) as err:
            L.do_update_task(cast.sam, Task.objects.get(pk=task.pk), seen_version=seen, text="另一个表述")
        assert err.value.current["text"] == "新的任务表述"

    def test_an_assigned_tasks_deadline_only_moves_by_extension(self, cast, tasks):
        with pytest.raises(ValidationError) as err:
            L.do_update_task(cast.sam, tasks[0], seen_version=tasks[0].version, deadline_year=2030)
        assert "deadline_kind" in err.value.message_dict


class HistoryTestCase:
    def test_every_action_on_a_task_writes_a_history_row(self, cast, tasks):
        task = tasks[0]
        L.do_acknowledge_task(cast.andy, task)
        report = L.do_save_report(cast.andy, task=task, period="2025-03", narrative="x", percent=10)
        L.do_submit_report(cast.andy, report)
        L.do_approve_report(cast.amy, report)
        L.do_return_report(cast.sam, report, comments="补充")
        actions = list(HistoryEntry.objects.for_task(task.pk).values_list("action", flat=True))
        assert actions == [
            "import_task",
            "assign_task",
            "acknowledge_task",
            "create_report",
            "submit_report",
            "approve_report",
            "return_report",
        ]
        last = HistoryEntry.objects.for_task(task.pk).last()
        assert (last.actor, last.before["status"], last.after["status"]) == (
            cast.sam,
            "approved_by_leader",
            "returned",
        )

    def test_history_rows_cannot_be_changed_or_deleted(self, cast, tasks):
        entry = HistoryEntry.objects.first()
        entry.action = "forged"
        with pytest.raises(HistoryIsAppendOnly):
            entry.save()
        with pytest.raises(HistoryIsAppendOnly):
            entry.delete()
        with pytest.raises(HistoryIsAppendOnly):
            HistoryEntry.objects.all().delete()
        with pytest.raises(HistoryIsAppendOnly):
            HistoryEntry.objects.filter(pk=entry.pk).update(action="forged")
        assert HistoryEntry.objects.get(pk=entry.pk).action != "forged"

    def test_a_refused_action_leaves_no_history(self, cast, tasks):
        before = HistoryEntry.objects.count()
        with pytest.raises(PermissionDenied):
            L.do_close_task(cast.andy, tasks[0])
        assert HistoryEntry.objects.count() == before


class ImportAtomicityTestCase:
    def test_a_bad_task_late_in_the_document_leaves_the_database_as_it_was(self, cast):
        from dataclasses import replace

        from taizhang.extract.model import Deadline

        extraction = extract_text(SAMPLE_TASK_TABLE, name="plan.txt")
        broken = replace(
            extraction.tasks[-1],
            lead_units=("全新的单位",),
            deadline=Deadline(kind="month", year=2025, month=13),
        )
        extraction = replace(extraction, tasks=(*extraction.tasks[:-1], broken))
        counts = (Unit.objects.count(), HistoryEntry.objects.count())
        with pytest.raises(ValidationError) as err:
            do_import_policy(cast.sam, data=b"x", name="plan.txt", extraction=extraction)
        assert "第 3 项任务" in err.value.message_dict["tasks"][0]
        assert not Task.objects.exists()
        assert (Unit.objects.count(), HistoryEntry.objects.count()) == counts

"""The ledger workbooks' logic: export layout, round-trip import, a unit's report workbook."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from taizhang.core.models import HistoryEntry
from taizhang.ledger import actions as L
from taizhang.ledger.models import Metric, ProgressReport, ReportStatus, Task
from taizhang.ledger.workbook import (
    LEDGER_COLUMNS,
    UNIT_COLUMNS,
    WorkbookError,
    current_period,
    ledger_workbook,
    plan_ledger_import,
    plan_unit_upload,
    unit_workbook,
)
from taizhang.ledger.workbook_actions import do_apply_ledger_import, do_file_unit_workbook

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 3, 10)


def _export(user, policy):
    return ledger_workbook(user, Task.objects.visible_to(user).filter(policy=policy))


def _edit(data, changes):
    """The workbook with ``changes`` {(row, column name): value} applied, as bytes."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    for (row, name), value in changes.items():
        ws.cell(row=row, column=header.index(name) + 1, value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _rows_of(data):
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    return ws, [[c.value for c in row] for row in ws.iter_rows()]


def _row_of(rows, text_start, column=2):
    return next(i for i, r in enumerate(rows, start=1) if r[column] and str(r[column]).startswith(text_start))


class LedgerExportTestCase:
    def test_it_lays_out_the_task_table_with_status_progress_and_a_hidden_key(self, cast, policy):
        ws, rows = _rows_of(_export(cast.sam, policy))
        assert rows[0][0] == "《某区优化营商环境若干措施》任务分解表"
        assert tuple(rows[1]) == LEDGER_COLUMNS
        assert rows[2][0] == "一、提升政务服务效能"  # the section row
        assert "A3:I3" in {str(r) for r in ws.merged_cells.ranges}
        first = rows[3]
        assert first[0] == "一.(一).1" and first[1] == "深化“一网通办”改革"  # the task's reference
        assert first[3:6] == ["2025年12月", "区商务局", "区发展改革局"]
        assert first[6] == "已交办" and first[8] == 0
        assert ws.column_dimensions["J"].hidden is True
        assert str(first[9]).split(":")[:1] == [str(policy.tasks.order_by("order")[0].pk)]

    def test_it_merges_the_measure_over_its_tasks_and_sets_widths_fonts_and_page(self, cast, policy):
        ws, rows = _rows_of(_export(cast.sam, policy))
        assert "B4:B5" in {str(r) for r in ws.merged_cells.ranges}
        assert rows[4][5] == "——"  # no co-unit
        assert ws.column_dimensions["C"].width == 50
        assert ws["C4"].font.name == "宋体" and ws["A2"].font.name == "黑体"
        assert ws["C4"].alignment.wrap_text is True
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$2:$2"

    def test_a_unit_officer_exports_only_his_units_tasks(self, cast, policy):
        _ws, rows = _rows_of(ledger_workbook(cast.ben, Task.objects.visible_to(cast.ben)))
        texts = [r[2] for r in rows[2:] if r[9]]
        assert len(texts) == 2 and all("经营主体" not in t for t in texts)


class LedgerRoundTripTestCase:
    def test_reimporting_an_unchanged_export_changes_nothing(self, cast, policy):
        before = list(Task.objects.order_by("pk").values())
        history = HistoryEntry.objects.count()
        plan = plan_ledger_import(cast.sam, _export(cast.sam, policy))
        assert plan.changes == () and plan.problems == () and plan.unchanged == 3
        do_apply_ledger_import(cast.sam, [c.to_session() for c in plan.changes])
        assert list(Task.objects.order_by("pk").values()) == before
        assert HistoryEntry.objects.count() == history

    def test_a_changed_text_and_units_are_shown_then_applied_through_the_actions(self, cast, policy, tasks):
        data = _edit(_export(cast.sam, policy), {(4, "重点任务"): "新的任务内容", (4, "协办单位"): "——"})
        plan = plan_ledger_import(cast.sam, data)
        assert plan.problems == ()
        [change] = plan.changes
        assert [d[0] for d in change.diffs] == ["重点任务", "协办单位"]
        assert change.diffs[0][2] == "新的任务内容"
        do_apply_ledger_import(cast.sam, [change.to_session()])
        task = Task.objects.get(pk=tasks[0].pk)
        assert task.text == "新的任务内容"
        assert [a.unit for a in task.assignments.all()] == [cast.unit_a]
        actions = set(HistoryEntry.objects.filter(task_id=task.pk).values_list("action", flat=True))
        assert {"update_task", "reassign_task"} <= actions

    def test_it_refuses_rows_with_altered_keys_unknown_units_or_a_moved_deadline(self, cast, policy):
        data = _edit(
            _export(cast.sam, policy),
            {(4, "编号"): "999:1:forged", (5, "牵头单位"): "区不存在局", (6, "完成时限"): "2026年1月"},
        )
        plan = plan_ledger_import(cast.sam, data)
        assert plan.changes == ()
        assert {(p.row, p.column) for p in plan.problems} == {(4, "编号"), (5, "牵头单位"), (6, "完成时限")}

    def test_it_refuses_a_row_whose_task_changed_since_the_export(self, cast, policy, tasks):
        data = _edit(_export(cast.sam, policy), {(4, "重点任务"): "改过的内容"})
        L.do_update_task(cast.sam, tasks[0], seen_version=tasks[0].version, ref="X")
        plan = plan_ledger_import(cast.sam, data)
        assert plan.changes == () and [p.row for p in plan.problems] == [4]

    def test_it_refuses_a_file_that_is_not_a_workbook_or_has_another_layout(self, cast, policy):
        with pytest.raises(WorkbookError):
            plan_ledger_import(cast.sam, b"%PDF-1.4 not a workbook")
        with pytest.raises(WorkbookError):
            plan_ledger_import(cast.sam, unit_workbook(cast.andy, cast.unit_a, TODAY))


@pytest.fixture
def metric(tasks):
    return Metric.objects.filter(task=tasks[0]).first() or Metric.objects.create(
        policy=tasks[0].policy, task=tasks[0], indicator="全程网办率", value=90, unit="%"
    )


class UnitWorkbookTestCase:
    def test_the_period_follows_the_policys_cadence(self):
        day = dt.date(2025, 8, 5)
        assert [current_period(c, day) for c in ("monthly", "quarterly", "half_yearly", "yearly")] == [
            "2025-08",
            "2025-Q3",
            "2025-H2",
            "2025",
        ]

    def test_it_lists_the_units_lead_and_co_tasks_with_metric_rows(self, cast, tasks, metric):
        ws, rows = _rows_of(unit_workbook(cast.andy, cast.unit_a, TODAY))
        assert tuple(rows[1]) == UNIT_COLUMNS
        body = rows[2:]
        assert [r[5] for r in body if r[1]] == ["牵头", "协办"]
        assert body[1][11].startswith("全程网办率") and body[1][1] is None
        assert body[0][6] == "2025-03"
        assert ws.column_dimensions["N"].hidden is True

    def test_an_upload_is_previewed_then_filed_as_submitted_reports_with_history(self, cast, tasks, metric):
        data = _edit(
            unit_workbook(cast.andy, cast.unit_a, TODAY),
            {(3, "本期进展情况"): "已完成八成", (3, "本期进度(%)"): 80, (4, "本期指标值"): "85.5"},
        )
        plan = plan_unit_upload(cast.andy, cast.unit_a, data)
        assert plan.problems == ()
        [entry] = plan.to_file
        assert (entry.action, entry.percent, entry.metric_values) == ("create", 80, {str(metric.pk): 85.5})
        assert not ProgressReport.objects.exists()
        [report] = do_file_unit_workbook(cast.andy, [entry.to_session()], submit=True)
        assert (report.status, report.percent, report.period) == (ReportStatus.SUBMITTED, 80, "2025-03")
        actions = set(HistoryEntry.objects.filter(task_id=tasks[0].pk).values_list("action", flat=True))
        assert {"create_report", "submit_report"} <= actions

    def test_an_unchanged_reupload_of_a_draft_files_nothing(self, cast, tasks, metric):
        L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="草稿", percent=10)
        plan = plan_unit_upload(cast.andy, cast.unit_a, unit_workbook(cast.andy, cast.unit_a, TODAY))
        assert plan.to_file == [] and plan.problems == () and plan.unchanged == 2

    def test_it_refuses_broken_rows_one_by_one_and_keeps_the_valid_ones(self, cast, tasks, metric):
        L.do_save_report(cast.ben, task=tasks[1], period="2025-03", narrative="B 的报送", percent=5)
        other = _rows_of(unit_workbook(cast.ben, cast.unit_b, TODAY))[1]
        own = unit_workbook(cast.andy, cast.unit_a, TODAY)
        ben_row = next(r for r in other[2:] if r[5] == "牵头")
        data = _edit(
            own,
            {
                (3, "本期进度(%)"): 150,
                (4, "本期指标值"): "abc",
                (5, "重点任务"): "被改过的任务内容",
                **{(6, name): value for name, value in zip(UNIT_COLUMNS, ben_row, strict=True)},
            },
        )
        plan = plan_unit_upload(cast.andy, cast.unit_a, data)
        assert {(p.row, p.column) for p in plan.problems} == {
            (3, "本期进度(%)"),
            (4, "本期指标值"),
            (5, "重点任务"),
            (6, "编号"),
        }
        assert plan.to_file == []

    def test_a_co_unit_row_becomes_a_contribution_to_the_lead_units_report(self, cast, tasks):
        lead_report = L.do_save_report(
            cast.andy, task=tasks[0], period="2025-03", narrative="A 的报送", percent=5
        )
        data = _edit(unit_workbook(cast.ben, cast.unit_b, TODAY), {(3, "本期进展情况"): "B 协助完成"})
        plan = plan_unit_upload(cast.ben, cast.unit_b, data)
        [entry] = plan.to_file
        assert entry.action == "contribute" and entry.lead_report == lead_report
        [contribution] = do_file_unit_workbook(cast.ben, [entry.to_session()], submit=False)
        assert contribution.report == lead_report and contribution.text == "B 协助完成"

    def test_valid_rows_are_filed_while_a_broken_row_is_refused(self, cast, tasks, metric):
        data = _edit(
            unit_workbook(cast.andy, cast.unit_a, TODAY),
            {(3, "本期进展情况"): "进展顺利", (3, "本期进度(%)"): 40, (5, "完成时限"): "2030年1月"},
        )
        plan = plan_unit_upload(cast.andy, cast.unit_a, data)
        assert [(p.row, p.column) for p in plan.problems] == [(5, "完成时限")]
        assert [e.task for e in plan.to_file] == [tasks[0]]

    def test_submitting_an_unchanged_upload_submits_this_periods_drafts(self, cast, tasks, metric):
        draft = L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative="草稿", percent=10)
        plan = plan_unit_upload(cast.andy, cast.unit_a, unit_workbook(cast.andy, cast.unit_a, TODAY))
        assert plan.drafts == [draft]
        drafts = [{"report": r.pk, "version": r.version} for r in plan.drafts]
        do_file_unit_workbook(cast.andy, [], submit=False, drafts=drafts)
        assert ProgressReport.objects.get(pk=draft.pk).status == ReportStatus.DRAFT
        do_file_unit_workbook(cast.andy, [], submit=True, drafts=drafts)
        assert ProgressReport.objects.get(pk=draft.pk).status == ReportStatus.SUBMITTED

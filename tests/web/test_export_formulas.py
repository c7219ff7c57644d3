"""Formula-safe exports: a text that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR)
is written to every workbook the product makes as a quote-prefixed string, never a formula, and
the product's own import reads it back unchanged (taizhang/extract/sheets.py)."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from taizhang.devtools.builders import SAMPLE_TASK_TABLE
from taizhang.extract.sheets import FORMULA_STARTS, save_workbook
from taizhang.ledger import actions as L
from taizhang.ledger.models import ProgressReport, Task
from taizhang.ledger.workbook import ledger_workbook, plan_ledger_import, plan_unit_upload, unit_workbook
from taizhang.ledger.workbook_actions import do_file_unit_workbook

HYPERLINK = '=HYPERLINK("http://evil.example/x","点击查看附件")'
TEXTS = [HYPERLINK, "+86 755 8888 0000 咨询", "-3% 同比下降", "@区发展改革局 请配合"]
TODAY = dt.date(2025, 3, 10)


def cells(data: bytes) -> list[Any]:
    """Every non-empty cell of the workbook, as written (formulas are not evaluated)."""
    book = load_workbook(io.BytesIO(data))
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def assert_stored_as_text(data: bytes, expected: list[str]) -> None:
    written = cells(data)
    assert [c.coordinate for c in written if c.data_type == "f"] == []
    for text in expected:
        found = [c for c in written if c.value == text]
        assert found, f"{text!r} is not in the workbook as typed"
        assert all(c.data_type in ("s", "inlineStr") and c.quotePrefix for c in found)


class SaveWorkbookTestCase:
    @pytest.mark.parametrize("start", FORMULA_STARTS)
    def test_a_text_starting_like_a_formula_comes_back_as_typed(self, start: str) -> None:
        book = Workbook()
        text = f"{start}1+1 第一行\n第二行"
        book.active.append([text, "普通文字", 42, -3])
        out = io.BytesIO()
        save_workbook(book, out)
        row = next(
            load_workbook(io.BytesIO(out.getvalue()), data_only=True).active.iter_rows(values_only=True)
        )
        assert row == (text, "普通文字", 42, -3)
        first = load_workbook(io.BytesIO(out.getvalue())).active["A1"]
        assert first.data_type == "s" and first.quotePrefix

    def test_numbers_and_ordinary_text_are_left_alone(self) -> None:
        book = Workbook()
        book.active.append(["办结", -5, 3.5])
        out = io.BytesIO()
        save_workbook(book, out)
        a, b, c = next(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows())
        assert (a.quotePrefix, b.data_type, b.value, c.value) == (False, "n", -5, 3.5)


@pytest.mark.django_db
class LedgerWorkbookTestCase:
    def test_task_texts_and_progress_starting_like_formulas_survive_export_and_import(
        self, cast: Any, policy: Any, tasks: list[Task]
    ) -> None:
        for task, text in zip(tasks, TEXTS, strict=False):
            L.do_update_task(cast.sam, task, seen_version=task.version, text=text)
        report = L.do_save_report(cast.andy, task=tasks[0], period="2025-01", narrative="=1+1", percent=10)
        L.do_submit_report(cast.andy, report)
        data = ledger_workbook(cast.sam, Task.objects.filter(policy=policy))
        assert_stored_as_text(data, TEXTS[: len(tasks)])
        assert any(str(c.value).endswith("=1+1") for c in cells(data))
        plan = plan_ledger_import(cast.sam, data)
        assert plan.problems == () and plan.changes == () and plan.unchanged == len(tasks)

    def test_the_supervisors_download_holds_no_live_link(
        self, client: Any, cast: Any, tasks: list[Task]
    ) -> None:
        L.do_update_task(cast.sam, tasks[0], seen_version=tasks[0].version, text=HYPERLINK)
        client.force_login(cast.sam)
        response = client.get(reverse("workbook:export"))
        assert response.status_code == 200
        data = b"".join(response.streaming_content) if response.streaming else response.content
        assert_stored_as_text(data, [HYPERLINK])


@pytest.mark.django_db
class UnitWorkbookTestCase:
    def test_a_draft_starting_like_a_formula_survives_the_round_trip(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        L.do_save_report(cast.andy, task=tasks[0], period="2025-03", narrative=TEXTS[3], percent=10)
        data = unit_workbook(cast.andy, cast.unit_a, TODAY)
        assert_stored_as_text(data, [TEXTS[3]])
        plan = plan_unit_upload(cast.andy, cast.unit_a, data)
        assert plan.problems == () and plan.to_file == []  # read back unchanged: nothing to file

    def test_typed_progress_starting_like_a_formula_is_filed_as_typed(
        self, cast: Any, tasks: list[Task]
    ) -> None:
        book = load_workbook(io.BytesIO(unit_workbook(cast.andy, cast.unit_a, TODAY)))
        ws = book.worksheets[0]
        header = [c.value for c in ws[2]]
        ws.cell(row=3, column=header.index("本期进展情况") + 1, value="-已压减 3 个环节")
        ws.cell(row=3, column=header.index("本期进度(%)") + 1, value=40)
        out = io.BytesIO()
        save_workbook(book, out)
        plan = plan_unit_upload(cast.andy, cast.unit_a, out.getvalue())
        assert plan.problems == ()
        do_file_unit_workbook(cast.andy, [e.to_session() for e in plan.to_file], submit=False)
        assert ProgressReport.objects.get(task=tasks[0]).narrative == "-已压减 3 个环节"


@pytest.mark.django_db
class ScorecardWorkbookTestCase:
    def test_a_unit_name_starting_like_a_formula_is_text_in_the_ranking(
        self, client: Any, cast: Any, tasks: list[Task]
    ) -> None:
        from taizhang.units.models import Unit

        Unit.objects.filter(pk=cast.unit_a.pk).update(name="=CMD()|' /C calc'!A0")
        client.force_login(cast.sam)
        response = client.get(reverse("monitoring:scorecards_export"))
        assert response.status_code == 200
        assert_stored_as_text(response.content, ["=CMD()|' /C calc'!A0"])


class ExtractCommandTestCase:
    def test_taizhang_extract_xlsx_writes_such_tasks_as_text(self, tmp_path: Path) -> None:
        document = tmp_path / "plan.txt"
        document.write_text(
            SAMPLE_TASK_TABLE.replace("1.推进高频", f"1.{HYPERLINK}推进高频"), encoding="utf-8"
        )
        out = tmp_path / "tasks.xlsx"
        done = subprocess.run(
            [sys.executable, "-m", "taizhang.cli", "extract", str(document), "--xlsx", str(out), "-q"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        written = cells(out.read_bytes())
        assert [c.coordinate for c in written if c.data_type == "f"] == []
        [task] = [c for c in written if str(c.value).startswith(HYPERLINK)]
        assert task.quotePrefix

"""The ``taizhang`` command line: extract, bench, and the hand-over to Django."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

import taizhang.extract
from taizhang.cli import main
from taizhang.extract import ExtractionError, extract_text
from taizhang.extract.bench import (
    BenchOptions,
    Figure,
    chinese_number,
    generate_document,
    register,
    registered,
    run_benches,
)

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")
HAVE_READER = importlib.util.find_spec("taizhang.extract.read") is not None
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed documents are not here")
needs_reader = pytest.mark.skipif(
    not HAVE_READER, reason="the file readers (extract/read.py) have not landed"
)

PLAN = """某区优化营商环境若干措施

一、优化政务服务

（一）推进审批提速

1.推行企业开办全程网上办理，压缩办理时间至1个工作日。（牵头单位：区市场监督管理局；配合单位：区税务局；完成时限：2024年12月）

2.建立惠企政策免申即享机制。（牵头单位：区发展改革局；完成时限：2025年6月）
"""


@pytest.fixture
def reads_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the library's readers land, read UTF-8 text files for the command; else the real reader."""
    if HAVE_READER:
        return

    def extract_utf8(
        path: str | os.PathLike[str], settings: object = None, *, name: str | None = None
    ) -> object:
        data = Path(path).read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ExtractionError(str(path), "not a document this reader knows") from None
        return extract_text(text, name=Path(path).name)

    monkeypatch.setattr(taizhang.extract, "extract", extract_utf8)


@pytest.fixture
def plans(tmp_path: Path) -> list[Path]:
    paths = []
    for stem in ("plan", "measures"):
        p = tmp_path / "in" / f"{stem}.txt"
        p.parent.mkdir(exist_ok=True)
        p.write_text(PLAN, encoding="utf-8")
        paths.append(p)
    return paths


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.replace("\r", "\n").splitlines() if line.startswith("error: ")]


@pytest.mark.usefixtures("reads_text")
class ExtractCommandTestCase:
    def test_it_writes_one_json_file_per_input_named_by_its_stem(
        self, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        out = tmp_path / "json"
        assert main(["extract", *map(str, plans), "--json-dir", str(out)]) == 0
        assert sorted(p.name for p in out.iterdir()) == ["measures.json", "plan.json"]
        doc = json.loads((out / "plan.json").read_text(encoding="utf-8"))
        assert Path(doc["doc"]).name == "plan.txt"
        assert [t["lead_units"] for t in doc["tasks"]] == [["区市场监督管理局"], ["区发展改革局"]]
        assert "区市场监督管理局" in (out / "plan.json").read_text(encoding="utf-8")  # not \\u-escaped

    def test_it_ends_with_a_summary_line_on_stderr(
        self, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        main(["extract", *map(str, plans), "--json-dir", str(tmp_path / "j")])
        last = capsys.readouterr().err.strip().splitlines()[-1]
        assert last.startswith("extracted 2 files: 4 tasks, ")
        assert last.endswith(" s; 0 failed")

    def test_it_prints_the_json_when_no_output_is_named(
        self, plans: list[Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["extract", str(plans[0]), "--quiet"]) == 0
        captured = capsys.readouterr()
        deadline = json.loads(captured.out)["tasks"][1]["deadline"]
        assert (deadline["kind"], deadline["year"], deadline["month"]) == ("month", 2025, 6)
        assert captured.err == ""

    def test_it_reports_a_bad_file_once_and_still_does_the_others(
        self, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bad = tmp_path / "in" / "broken.docx"
        bad.write_bytes(b"PK\x03\x04\xff\xfe\x00not really a zip archive")
        out = tmp_path / "json"
        status = main(["extract", str(plans[0]), str(bad), str(plans[1]), "--json-dir", str(out)])
        err = capsys.readouterr().err
        assert status == 1
        errors = _error_lines(err)
        assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: ")
        assert "Traceback" not in err
        assert sorted(p.name for p in out.iterdir()) == ["measures.json", "plan.json"]
        assert err.strip().splitlines()[-1].endswith("; 1 failed")

    def test_it_names_a_missing_file_and_a_folder(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        missing = tmp_path / "nowhere.txt"
        assert main(["extract", str(missing), str(tmp_path), "--quiet"]) == 1
        assert _error_lines(capsys.readouterr().err) == [
            f"error: {missing}: no such file",
            f"error: {tmp_path}: is a folder, not a file",
        ]

    def test_it_reports_an_unexpected_failure_as_one_line(
        self, plans: list[Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        def broken(path: object, settings: object = None, *, name: str | None = None) -> object:
            raise KeyError("cell")

        monkeypatch.setattr(taizhang.extract, "extract", broken)
        assert main(["extract", str(plans[0]), "--quiet"]) == 1
        err = capsys.readouterr().err
        assert err == f"error: {plans[0]}: internal error: KeyError: 'cell'\n"

    def test_it_writes_one_combined_task_table(
        self, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        xlsx, docx_path = tmp_path / "t.xlsx", tmp_path / "t.docx"
        assert main(["extract", *map(str, plans), "--xlsx", str(xlsx), "--docx", str(docx_path), "-q"]) == 0
        wb = openpyxl.load_workbook(xlsx)
        assert wb.sheetnames == ["plan", "measures"]
        assert wb["plan"]["B4"].value == "推进审批提速"
        document = docx.Document(str(docx_path))
        assert len(document.tables) == 2
        assert document.tables[0].rows[2].cells[4].text == "区市场监督管理局"

    def test_it_names_an_output_it_cannot_write(
        self, plans: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        target = tmp_path / "no" / "such" / "dir" / "t.xlsx"
        assert main(["extract", str(plans[0]), "--xlsx", str(target), "-q"]) == 1
        errors = _error_lines(capsys.readouterr().err)
        assert len(errors) == 1 and errors[0].startswith(f"error: {target}: cannot write")

    def test_it_numbers_json_files_whose_stems_collide(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        paths = []
        for folder in ("a", "b"):
            p = tmp_path / folder / "plan.txt"
            p.parent.mkdir()
            p.write_text(PLAN, encoding="utf-8")
            paths.append(str(p))
        assert main(["extract", *paths, "--json-dir", str(tmp_path / "j"), "-q"]) == 0
        assert sorted(p.name for p in (tmp_path / "j").iterdir()) == ["plan-2.json", "plan.json"]


class UsageTestCase:
    def test_it_answers_a_usage_error_with_status_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["extract"]) == 2
        assert "FILE" in capsys.readouterr().err

    def test_it_shows_help_without_a_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main([]) == 2
        assert "extract" in capsys.readouterr().err

    def test_it_refuses_a_nonsense_document_size(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["bench", "--mb", "lots"]) == 2

    def test_it_hands_other_commands_to_django_and_names_missing_settings(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "taizhang.no_such_settings")
        assert main(["runserver"]) == 2
        err = capsys.readouterr().err
        assert "taizhang.no_such_settings" in err and "cannot be found" in err

    def test_it_hands_other_commands_to_django(self, tmp_path: Path) -> None:
        # Django's own defaults stand in for the project's settings, which this test must not need.
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "django.conf.global_settings"}
        done = subprocess.run(
            [str(Path(sys.executable).with_name("taizhang")), "version"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            cwd=tmp_path,
        )
        import django

        assert (done.returncode, done.stdout.strip()) == (0, django.get_version())


class BenchTestCase:
    def test_it_writes_chinese_numerals_as_headings_do(self) -> None:
        assert [chinese_number(n) for n in (1, 10, 12, 20, 105, 110, 1001)] == [
            "一",
            "十",
            "十二",
            "二十",
            "一百零五",
            "一百一十",
            "一千零一",
        ]

    def test_it_generates_the_same_document_of_the_asked_size(self) -> None:
        text = generate_document(60_000)
        assert text == generate_document(60_000)
        assert 60_000 <= len(text.encode("utf-8")) < 75_000

    def test_the_generated_document_yields_tasks_numbered_without_gaps(self) -> None:
        result = extract_text(generate_document(40_000))
        numbers = [int(t.number) for t in result.tasks if t.number and t.number.isdigit()]
        assert len(numbers) > 50
        assert sorted(set(numbers)) == list(range(1, max(numbers) + 1))
        assert all(t.lead_units for t in result.tasks)

    def test_a_registered_bench_is_run_and_printed(self, capsys: pytest.CaptureFixture[str]) -> None:
        calls: list[BenchOptions] = []

        @register("test-probe", "a probe")
        def probe(options: BenchOptions) -> list[Figure]:
            calls.append(options)
            return [Figure("answers", 42, "per s")]

        try:
            assert run_benches(BenchOptions(runs=1), ["test-probe"]) == 0
        finally:
            from taizhang.extract import bench

            bench._REGISTRY.pop("test-probe")
        assert calls == [BenchOptions(runs=1)]
        assert "test-probe" in capsys.readouterr().out
        assert "test-probe" not in [b.name for b in registered()]

    def test_a_skipped_bench_gets_a_short_row_and_its_reason_below_the_table(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from taizhang.extract import bench

        @register("test-skip", "a bench with no data here")
        def skip(options: BenchOptions) -> list[Figure]:
            raise bench.BenchSkipped("no data; generate it with: make-data")

        try:
            assert run_benches(BenchOptions(runs=1), ["test-skip"]) == 0
        finally:
            bench._REGISTRY.pop("test-skip")
        lines = capsys.readouterr().out.splitlines()
        row = next(line for line in lines if line.startswith("test-skip "))
        assert "skipped (see below)" in row and "make-data" not in row
        assert lines[-1] == "test-skip: skipped: no data; generate it with: make-data"

    @needs_seeds
    def test_the_bench_command_prints_its_figures(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["bench", "--seeds", str(SEEDS), "--mb", "0.05", "--runs", "1"]) == 0
        out = capsys.readouterr().out
        for figure in ("extract-seeds", "extract-large", "chars/s", "tasks found"):
            assert figure in out


@needs_seeds
@needs_reader
class InstalledCommandTestCase:
    def test_the_installed_command_extracts_the_seeds(self, tmp_path: Path) -> None:
        command = Path(sys.executable).with_name("taizhang")
        seeds = sorted(SEEDS.glob("*.txt"))
        bad = tmp_path / "bad.pdf"
        bad.write_bytes(b"%PDF-1.4 truncated")
        out = tmp_path / "json"
        done = subprocess.run(
            [
                str(command),
                "extract",
                *map(str, seeds),
                str(bad),
                "--json-dir",
                str(out),
                "--xlsx",
                str(tmp_path / "t.xlsx"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{p.stem}.json" for p in seeds)
        errors = _error_lines(done.stderr)
        assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: ")
        assert done.stderr.strip().splitlines()[-1].startswith(f"extracted {len(seeds) + 1} files: ")
        assert (tmp_path / "t.xlsx").stat().st_size > 0

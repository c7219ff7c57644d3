"""python -m taizhang.extract.outputcheck: whether a change leaves the extractor's JSON as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from taizhang.extract.outputcheck import main

_DOC = "某区行动方案\n\n一、优化服务\n1.推行企业开办一网通办，压缩办理时间至3个工作日以内（牵头单位：区政务服务数据管理局）\n"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.txt").write_text(_DOC, encoding="utf-8")
    return folder


def test_the_same_output_passes(tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved"
    assert main(["save", str(saved), str(docs), "--mb", "0"]) == 0
    assert [p.name for p in saved.iterdir()] == [f"{docs.parent.name}_docs_plan.txt.json"]
    assert main(["compare", str(saved), str(docs), "--mb", "0"]) == 0
    assert "1 outputs checked, 0 differ" in capsys.readouterr().out


def test_a_changed_output_is_named(tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved"
    main(["save", str(saved), str(docs), "--mb", "0"])
    (docs / "plan.txt").write_text(_DOC.replace("3个工作日", "5个工作日"), encoding="utf-8")
    assert main(["compare", str(saved), str(docs), "--mb", "0"]) == 1
    out = capsys.readouterr().out
    assert "plan.txt.json: differs" in out and "1 differ" in out


def test_a_missing_folder_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(tmp_path / "none"), str(tmp_path / "nowhere"), "--mb", "0"]) == 2
    assert "nowhere: not a folder" in capsys.readouterr().err

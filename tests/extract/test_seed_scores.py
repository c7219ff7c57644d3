"""The extractor on the seed documents, scored against ../shared/gold with the issue's floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from taizhang.extract import extract_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FLOORS = {"task_f1": 0.95, "lead_f1": 0.97, "co_f1": 0.95, "deadline_acc": 0.97, "metric_f1": 0.90}

pytestmark = pytest.mark.skipif(
    not (SHARED / "gold").is_dir(), reason="../shared/gold is not beside the project"
)


def test_the_seed_documents_score_above_the_floors(tmp_path: Path) -> None:
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        result = extract_text(seed.read_text(encoding="utf-8"), name=seed.name)
        (tmp_path / f"{seed.stem}.json").write_text(
            json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8"
        )
    require = [f"{k}={v}" for k, v in FLOORS.items()]
    proc = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_extraction.py"),
            str(SHARED / "gold"),
            str(tmp_path),
            "--require",
            *require,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

"""The extractor scored against hand-made answers with the floors of issue 8, the way `make score`
and the hidden test set score it: the seeds (../shared/gold) stay where they are, at 1.000;
../shared/corpus and the tune part of our own corpus (tests/extract/corpus/tune) hold the issue's
floors below. The tune part is what the rules were fitted to, so its floor guards against a rule
that breaks documents it was not written for, not for documents nobody has seen; the held-out part
(tests/extract/corpus/holdout) is scored by `make score` and does not reach these floors yet, so it
has none here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from taizhang.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"

FLOORS = {"task_f1": 0.95, "lead_f1": 0.93, "co_f1": 0.90, "deadline_acc": 0.92, "metric_f1": 0.80}
SEED_FLOORS = dict.fromkeys(FLOORS, 1.0)

CORPORA = {
    "seeds": (SHARED / "seeds", SHARED / "gold", SEED_FLOORS),
    "shared-corpus": (SHARED / "corpus" / "docs", SHARED / "corpus" / "gold", FLOORS),
    "own-tune": (ROOT / "tests/extract/corpus/tune/docs", ROOT / "tests/extract/corpus/tune/gold", FLOORS),
}


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_the_corpus_scores_above_its_floors(name: str, tmp_path: Path) -> None:
    docs, gold, floors = CORPORA[name]
    if not SCORER.is_file() or not gold.is_dir():
        pytest.skip(f"{gold} is not beside the project")
    for path in sorted(p for p in docs.iterdir() if p.is_file()):
        result = extract(path)
        (tmp_path / f"{path.stem}.json").write_text(
            json.dumps(result.to_dict(), ensure_ascii=False), encoding="utf-8"
        )
    proc = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(gold),
            str(tmp_path),
            "--require",
            *(f"{k}={v}" for k, v in floors.items()),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr

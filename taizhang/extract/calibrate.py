"""Does confidence mean something? Precision per confidence band on documents with gold answers.

    python -m taizhang.extract.calibrate --scorer ../shared/tools/score_extraction.py \\
        NAME=DOCS_DIR:GOLD_DIR [NAME=DOCS_DIR:GOLD_DIR ...] [--json]

Each document of DOCS_DIR with a ``<stem>.gold.json`` in GOLD_DIR is extracted, and its tasks and
metrics are paired with the gold ones by the scorer's own matching (the ``--scorer`` file, loaded
by path: ``greedy_match``, ``task_sim``, ``metric_sim``, ``unit_set``, ``deadline_key``). A task
is *found* when it matches a gold task and *right* when its lead units and deadline are the gold
ones too (tasks of documents whose gold is not ``structured`` are left out, as the scorer does);
a metric is *found* when it matches a gold metric (value, unit, year) and *right* when its
comparator and kind are the gold ones too. The table gives, per corpus and band, how many items
and the share found and right; then the same per reason for doubt.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .confidence import Band, band
from .pipeline import extract

__all__ = ["Outcome", "Tally", "load_scorer", "outcomes", "tally", "main"]

BANDS: tuple[Band, ...] = ("high", "medium", "low")


@dataclass(frozen=True)
class Outcome:
    """One extracted item judged against the gold: its kind, band, reasons, found and right."""

    item: str  # task | metric
    band: Band
    doubts: tuple[str, ...]
    found: bool
    right: bool


@dataclass
class Tally:
    """Counts of items, found and right."""

    n: int = 0
    found: int = 0
    right: int = 0

    def add(self, o: Outcome) -> None:
        self.n += 1
        self.found += o.found
        self.right += o.right

    def share(self, what: str) -> float | None:
        """found or right as a share of the items (None when there are none)."""
        return getattr(self, what) / self.n if self.n else None


@dataclass
class CorpusTally:
    """Tallies of one corpus by item kind and band, and by item kind and reason."""

    by_band: dict[tuple[str, str], Tally] = field(default_factory=dict)
    by_doubt: dict[tuple[str, str], Tally] = field(default_factory=dict)


def load_scorer(path: Path) -> ModuleType:
    """The scorer module of ``path`` (score_extraction.py), loaded without running its main."""
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise ValueError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("greedy_match", "task_sim", "metric_sim", "unit_set", "deadline_key"):
        if not hasattr(module, name):
            raise ValueError(f"{path}: the scorer has no {name}()")
    return module


def outcomes(scorer: ModuleType, pred: dict[str, Any], gold: dict[str, Any]) -> list[Outcome]:
    """Each predicted task and metric of one document (``Extraction.to_dict()``) judged."""
    out: list[Outcome] = []
    if gold.get("structured", True):
        gt, pt = gold.get("tasks", []), pred.get("tasks", [])
        pairs = scorer.greedy_match(
            gt, pt, lambda g, p: scorer.task_sim(g.get("text", ""), p.get("text", "")), 0.5
        )
        gold_of = {j: gt[i] for i, j, _ in pairs}
        for j, p in enumerate(pt):
            g = gold_of.get(j)
            right = (
                g is not None
                and scorer.unit_set(g.get("lead_units")) == scorer.unit_set(p.get("lead_units"))
                and scorer.deadline_key(g.get("deadline")) == scorer.deadline_key(p.get("deadline"))
            )
            out.append(Outcome("task", band(p["confidence"]), tuple(p["doubts"]), g is not None, right))
    gm, pm = gold.get("metrics", []), pred.get("metrics", [])
    pairs = scorer.greedy_match(gm, pm, scorer.metric_sim, 0.5)
    gold_of = {j: gm[i] for i, j, _ in pairs}
    for j, p in enumerate(pm):
        g = gold_of.get(j)
        right = (
            g is not None
            and (g.get("comparator") or "=") == (p.get("comparator") or "=")
            and g.get("kind") == p.get("kind")
        )
        out.append(Outcome("metric", band(p["confidence"]), tuple(p["doubts"]), g is not None, right))
    return out


def tally(items: Iterable[Outcome]) -> CorpusTally:
    """The outcomes counted by (kind, band) and by (kind, reason)."""
    t = CorpusTally()
    for o in items:
        t.by_band.setdefault((o.item, o.band), Tally()).add(o)
        for d in o.doubts:
            t.by_doubt.setdefault((o.item, d), Tally()).add(o)
    return t


def judge_corpus(
    scorer: ModuleType, docs: Path, gold_dir: Path, say: Callable[[str], None] | None = None
) -> list[Outcome]:
    """Extract every document of ``docs`` that has gold in ``gold_dir`` and judge its items."""
    found: list[Outcome] = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        candidates = sorted(p for p in docs.glob(f"{stem}.*") if p.is_file())
        if not candidates:
            if say:
                say(f"{gold_path.name}: no document {stem}.* in {docs}")
            continue
        pred = extract(candidates[0]).to_dict()
        found += outcomes(scorer, pred, json.loads(gold_path.read_text(encoding="utf-8")))
    return found


def _pct(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _table(name: str, t: CorpusTally) -> list[str]:
    lines = [f"== {name}", f"{'':8s}{'band':8s}{'n':>6s}{'found':>8s}{'right':>8s}"]
    for item in ("task", "metric"):
        total = Tally()
        for b in BANDS:
            cell = t.by_band.get((item, b), Tally())
            total.n += cell.n
            total.found += cell.found
            total.right += cell.right
            lines.append(
                f"{item:8s}{b:8s}{cell.n:6d}{_pct(cell.share('found')):>8s}{_pct(cell.share('right')):>8s}"
            )
        lines.append(
            f"{item:8s}{'all':8s}{total.n:6d}{_pct(total.share('found')):>8s}{_pct(total.share('right')):>8s}"
        )
    lines.append(f"{'':8s}{'reason':24s}{'n':>6s}{'found':>8s}{'right':>8s}")
    for (item, doubt), cell in sorted(t.by_doubt.items()):
        lines.append(
            f"{item:8s}{doubt:24s}{cell.n:6d}{_pct(cell.share('found')):>8s}{_pct(cell.share('right')):>8s}"
        )
    return lines


def _as_json(tallies: dict[str, CorpusTally]) -> dict[str, Any]:
    def cell(c: Tally) -> dict[str, Any]:
        return {"n": c.n, "found": c.share("found"), "right": c.share("right")}

    return {
        name: {
            "bands": {f"{i}:{b}": cell(c) for (i, b), c in sorted(t.by_band.items())},
            "doubts": {f"{i}:{d}": cell(c) for (i, d), c in sorted(t.by_doubt.items())},
        }
        for name, t in tallies.items()
    }


def _corpus_arg(value: str) -> tuple[str, Path, Path]:
    name, sep, rest = value.partition("=")
    docs, sep2, gold = rest.partition(":")
    if not (sep and sep2 and name and docs and gold):
        raise argparse.ArgumentTypeError(f"{value!r}: expected NAME=DOCS_DIR:GOLD_DIR")
    return name, Path(docs), Path(gold)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m taizhang.extract.calibrate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("corpora", nargs="+", type=_corpus_arg, metavar="NAME=DOCS_DIR:GOLD_DIR")
    parser.add_argument("--scorer", type=Path, required=True, help="the shared score_extraction.py")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args(argv)
    try:
        scorer = load_scorer(options.scorer)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tallies: dict[str, CorpusTally] = {}
    pooled: list[Outcome] = []
    for name, docs, gold in options.corpora:
        if not docs.is_dir() or not gold.is_dir():
            print(f"== {name}: {docs} or {gold} is not a folder, skipped", file=sys.stderr)
            continue
        judged = judge_corpus(scorer, docs, gold, say=lambda line: print(line, file=sys.stderr))
        pooled += judged
        tallies[name] = tally(judged)
    if len(tallies) > 1:
        tallies["all"] = tally(pooled)
    if options.json:
        print(json.dumps(_as_json(tallies), ensure_ascii=False, indent=2))
    else:
        for name, t in tallies.items():
            print("\n".join(_table(name, t)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure whether a learned check of "is this figure an indicator" beats the metric rules alone.

    python -m taizhang.extract.train_indicator [--thresholds 0.05,0.1,...] [-v]

Issue 8 asks for a learned component only where it generalises better than a hand rule, measured.
This tool reads every figure the metric stage reads (metrics.py, before its exclusions decide),
from the seeds (../shared/seeds), ../shared/corpus and the tune part of our own corpus, never the
held-out part; describes each by features that need no gold (``features``: the characters around
it, its unit, comparator and kind, the document's kind, the section heading above it, where it
stands in its clause, a year near it, and which exclusion of the rules fired, if one did); labels
it from the gold (positive: a gold metric of its unit and value within 0.5%, the scorer's match,
said in its clause); and trains a logistic regression in plain Python (fixed order, no
randomness). It reports metric F1, leaving one issuer out at a time, of the rules alone, of the
rules with the model as a veto on the figures they keep, and as a rescue of those they drop; and
target and actual F1 of the rules' kinds and of kinds a second model (trained on the kinds of the
gold metrics the kept figures match) overrules when it is sure.

Measured (82 documents, 52 issuers, leave one issuer out): no threshold of either model beats the
rules (metric F1 0.877 rules, at most 0.876 with a veto or a rescue; target/actual F1 0.857/0.884
rules, 0.856/0.884 at best with the kind model overruling), so metrics.py does not use them. The
rules leave few errors of this kind to learn from on these corpora: of 1578 figures they keep, 104
match no gold metric in their clause; of 409 they exclude, 25 do.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import metrics as _metrics
from .model import DocInfo, ExtractionError

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPORA = (
    ("seeds", SHARED / "seeds", SHARED / "gold"),
    ("shared", SHARED / "corpus" / "docs", SHARED / "corpus" / "gold"),
    ("tune", ROOT / "tests/extract/corpus/tune/docs", ROOT / "tests/extract/corpus/tune/gold"),
)
EPOCHS = 30
RATE = 0.1
L2 = 1e-3
MIN_COUNT = 2  # features seen fewer times are left out of the model
VETO = 0.15  # the threshold whose folds are listed one by one


_LEFT = 8  # characters of the clause read before the figure
_RIGHT = 6  # and after it
_HEADING_BACK = 600  # how far back a section heading is looked for
_YEAR_NEAR = re.compile(r"(?:19|20)\d{2}[ \t]*年")
_HEADING_LINE = re.compile(
    r"^[ \t]*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章部篇条])[ \t]*"
    r"(?P<t>[^\n。;,]{1,20})",
    re.M,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _ngrams(prefix: str, s: str, out: list[str]) -> None:
    for n in (1, 2, 3):
        for i in range(len(s) - n + 1):
            out.append(f"{prefix}{n}:{s[i : i + n]}")


def _magnitude(value: float) -> str:
    if value == 0:
        return "0"
    return str(max(-3, min(9, int(math.floor(math.log10(abs(value)))))))


def features(
    work: str,
    start: int,
    end: int,
    value: float,
    unit: str,
    comparator: str,
    clause: tuple[int, int],
    kind: str,
    info: DocInfo,
    figures_in_clause: int,
    index_in_clause: int,
) -> list[str]:
    """The features of one candidate figure: ``work[start:end]`` is the figure (number, unit and a
    comparator word after it) inside the clause ``clause`` of the working text."""
    lo, hi = clause
    out = [
        "bias",
        f"unit:{unit}",
        f"cmp:{comparator or '='}",
        f"kind:{kind}",
        f"doc:{info.kind}",
        f"mag:{_magnitude(value)}",
        f"int:{float(value).is_integer()}",
        f"unit_kind:{unit}|{kind}",
        f"doc_kind:{info.kind}|{kind}",
    ]
    left = "".join(work[max(lo, start - _LEFT) : start].split())
    right = "".join(work[end : min(hi, end + _RIGHT)].split())
    _ngrams("L", "^" + left if start - _LEFT <= lo else left, out)
    _ngrams("R", right + "$" if end + _RIGHT >= hi else right, out)
    out.append(f"L1u:{left[-1:]}|{unit}")
    out.append(f"R1u:{right[:1]}|{unit}")
    # Where it stands in its clause and sentence.
    out.append(f"first:{index_in_clause == 0}")
    out.append(f"nfig:{min(figures_in_clause, 4)}")
    out.append(f"clause_start:{min((start - lo) // 5, 6)}")
    out.append(f"clause_left:{min((hi - end) // 5, 6)}")
    out.append(f"year_near:{_YEAR_NEAR.search(work, max(0, start - 20), start) is not None}")
    # The words of the nearest section heading above it.
    back = max(0, lo - _HEADING_BACK)
    heading = None
    for found in _HEADING_LINE.finditer(work, back, lo + 1):
        heading = found
    if heading is not None:
        t = "".join(_CJK.findall(heading["t"]))[:12]
        for i in range(len(t) - 1):
            out.append(f"H2:{t[i : i + 2]}")
    else:
        out.append("H:none")
    return out


@dataclass
class Candidate:
    feats: list[str]
    label: bool
    kept: bool  # the rules' verdict
    metric: dict[str, Any] | None  # the metric it became in the output (None: dropped later)
    gold_kind: str | None = None  # the kind of the gold metric it matches


@dataclass
class Document:
    corpus: str
    name: str
    group: str
    gold: dict[str, Any]
    metrics: list[dict[str, Any]]  # the output of the rules
    owner: list[int | None]  # for each output metric, the candidate it came from


def _scorer() -> Any:
    path = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: the scorer is not there")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def issuer(corpus: str, name: str) -> str:
    """The issuer a document is grouped by: the first word of its file name (a seed is its own)."""
    if corpus == "seeds":
        return "seed:" + name
    head = name.split("_", 1)[0]
    return {"state": "state_council", "hk": "hongkong"}.get(head, head)


def _gold_match(
    m_value: float, unit: str, clause: str, gold: list[dict[str, Any]], sc: Any
) -> dict[str, Any] | None:
    """The gold metric of this unit and value (within 0.5%) said in this clause (its span and the
    clause share most of the shorter one's character pairs), or None."""
    for g in gold:
        if (
            sc.norm(g.get("unit")) == sc.norm(unit)
            and sc.value_close(g.get("value"), m_value)
            and sc.containment(g.get("span") or "", clause) >= 0.5
        ):
            return g
    return None


def _reason_lines() -> dict[int, str]:
    """The comment of each line of metrics._excluded (what each of its returns says)."""
    import inspect

    lines, first = inspect.getsourcelines(_metrics._excluded)
    out = {}
    for i, line in enumerate(lines):
        note = line.partition("#")[2].strip() if "return" in line or "#" in line else ""
        out[first + i] = note.split(":")[0][:24] if note else f"line{i}"
    return out


def _collect(
    path: Path, gold: dict[str, Any], sc: Any, superset: bool = True
) -> tuple[list[Candidate], list[dict[str, Any]], list[int | None]]:
    """The candidates of one document, the metrics it gives and which candidate each came from.
    ``superset``: every figure the rules read, those they exclude too (marked not kept)."""
    from .pipeline import clear_caches, extract

    cands: list[Candidate] = []
    figs: list[tuple[int, int, int, float, str]] = []  # (start, raw_end, clause end, value, unit)
    found: dict[int, list[Any]] = {}
    original = _metrics._kind_and_year
    excluded = _metrics._excluded
    notes = _reason_lines()
    verdicts: dict[int, str] = {}

    def judge(work: str, fig: Any, *args: Any) -> bool:
        where: list[int] = []
        code = excluded.__code__

        def tracer(frame: Any, event: str, arg: Any) -> Any:
            if frame.f_code is not code:
                return None
            if event == "return":
                where.append(frame.f_lineno)
            return tracer

        old = sys.gettrace()
        sys.settrace(tracer)
        try:
            out = excluded(work, fig, *args)
        finally:
            sys.settrace(old)
        verdicts[fig.start] = notes.get(where[-1], "?") if out and where else "kept"
        return False if superset else out

    def spy(work: str, fig: Any, clause: tuple[int, int], *args: Any) -> Any:
        kind, year = original(work, fig, clause, *args)
        info = args[4]
        key = id(work)
        if key not in found:
            found.clear()
            found[key] = [work, _metrics._Matches(_metrics._find_figures(work))]
        within = [m.start() for m in found[key][1].within(clause[0], clause[1])]
        index = within.index(fig.start) if fig.start in within else 0
        feats = features(
            work,
            fig.start,
            fig.end,
            fig.value,
            fig.unit,
            fig.comparator,
            clause,
            kind,
            info,
            len(within),
            index,
        )
        why = verdicts.get(fig.start, "kept")
        feats.append("why:" + why)
        match = _gold_match(fig.value, fig.unit, work[clause[0] : clause[1]], gold.get("metrics", []), sc)
        gold_kind = match.get("kind") if match is not None else None
        cands.append(Candidate(feats, match is not None, why == "kept", None, gold_kind))
        figs.append((fig.start, fig.raw_end, clause[1], fig.value, fig.unit))
        return kind, year

    clear_caches()
    _metrics._kind_and_year = spy  # type: ignore[assignment]
    _metrics._excluded = judge  # type: ignore[assignment]
    try:
        result = extract(path)
    finally:
        _metrics._kind_and_year = original
        _metrics._excluded = excluded
    out = [m.to_dict() for m in result.metrics]
    owner: list[int | None] = []
    used: set[int] = set()
    for m in result.metrics:
        hit = None
        for i, (start, raw_end, c_hi, value, unit) in enumerate(figs):
            if (
                i not in used
                and c_hi == m.span.end
                and start >= m.span.start
                and raw_end - start == len(m.raw)
                and value == m.value
                and unit == m.unit
            ):
                hit = i
                break
        if hit is not None:
            used.add(hit)
            cands[hit].metric = out[len(owner)]
        owner.append(hit)
    return cands, out, owner


def load(progress: bool = False) -> tuple[list[Document], list[list[Candidate]]]:
    sc = _scorer()
    docs: list[Document] = []
    cands: list[list[Candidate]] = []
    for corpus, doc_dir, gold_dir in CORPORA:
        if not gold_dir.is_dir():
            raise SystemExit(f"{gold_dir}: the hand-made answers are not beside the project")
        for gp in sorted(gold_dir.glob("*.gold.json")):
            stem = gp.name[: -len(".gold.json")]
            paths = sorted(p for p in doc_dir.iterdir() if p.stem == stem)
            if not paths:
                continue
            gold = json.loads(gp.read_text(encoding="utf-8"))
            c, out, owner = _collect(paths[0], gold, sc)
            docs.append(Document(corpus, stem, issuer(corpus, stem), gold, out, owner))
            cands.append(c)
            if progress:
                print(
                    f"  {corpus}/{stem}: {len(c)} candidates, {sum(x.label for x in c)} positive",
                    file=sys.stderr,
                )
    return docs, cands


def train(examples: list[Candidate]) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent in a fixed order (no randomness)."""
    counts: dict[str, int] = defaultdict(int)
    for ex in examples:
        for f in set(ex.feats):
            counts[f] += 1
    keep = {f for f, n in counts.items() if n >= MIN_COUNT or f == "bias"}
    rows = [([f for f in dict.fromkeys(ex.feats) if f in keep], 1.0 if ex.label else 0.0) for ex in examples]
    pos = sum(y for _, y in rows)
    neg = len(rows) - pos
    w: dict[str, float] = dict.fromkeys(sorted(keep), 0.0)
    import math

    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch * 0.2)
        # a fixed interleaving: even epochs forward, odd backward
        order = rows if epoch % 2 == 0 else rows[::-1]
        for feats, y in order:
            z = sum(w[f] for f in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            # classes weighed to balance
            cw = (len(rows) / (2 * pos)) if y else (len(rows) / (2 * neg)) if neg else 1.0
            g = (p - y) * cw
            for f in feats:
                w[f] -= rate * (g + L2 * w[f])
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(round(v, 4)) > 0}


def _prob(w: dict[str, float], feats: list[str]) -> float:
    import math

    z = sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


Keep = Callable[[int, int], bool]  # (document index, index of its output metric) -> kept


Relabel = Callable[[int, int, dict[str, Any]], dict[str, Any]]


def _score(
    sc: Any, docs: list[Document], sel: list[int], keep: Keep, relabel: Relabel | None = None
) -> dict[str, Any]:
    """Metric figures of the documents ``sel`` (the scorer's own counting) with ``keep`` applied
    (and ``relabel``: a metric as changed by a model)."""
    total = sc.Counts()
    for d in sel:
        doc = docs[d]
        pm = [relabel(d, j, m) if relabel else m for j, m in enumerate(doc.metrics) if keep(d, j)]
        sc.score_doc(doc.gold, {"tasks": [], "metrics": pm}, total)
    return dict(sc.summarize(total))


def cross_validate(docs: list[Document], cands: list[list[Candidate]], thresholds: list[float]) -> None:
    """Print metric F1 of the rules and of the rules with the model, one issuer left out a time."""
    sc = _scorer()
    groups = sorted({d.group for d in docs})
    probs: dict[tuple[int, int], float] = {}
    print(f"{len(docs)} documents, {len(groups)} issuers, {sum(len(c) for c in cands)} candidates")
    for g in groups:
        w = train([c for d, doc in enumerate(docs) if doc.group != g for c in cands[d]])
        for d, doc in enumerate(docs):
            if doc.group == g:
                for j, c in enumerate(cands[d]):
                    probs[(d, j)] = _prob(w, c.feats)

    def rule(d: int, j: int) -> bool:
        o = docs[d].owner[j]
        return o is None or cands[d][o].kept

    def veto(t: float, rescue: float = 2.0) -> Keep:
        def keep(d: int, j: int) -> bool:
            o = docs[d].owner[j]
            if o is None:
                return True  # read from a table of indicators: not a candidate
            return probs[(d, o)] >= (t if cands[d][o].kept else rescue)

        return keep

    def line(label: str, r: dict[str, Any]) -> str:
        return (
            f"{label:18s} P {r['metric_p']:.3f} R {r['metric_r']:.3f} F1 {r['metric_f1']:.3f} "
            f"target {r['target_f1']:.3f} actual {r['actual_f1']:.3f}"
        )

    kept = [(probs[(d, j)], c.label) for d in range(len(docs)) for j, c in enumerate(cands[d]) if c.kept]
    dropped = [
        (probs[(d, j)], c.label) for d in range(len(docs)) for j, c in enumerate(cands[d]) if not c.kept
    ]
    print(f"kept by the rules: {len(kept)} ({sum(lb for _, lb in kept)} positive), AUC {_auc(kept):.3f}")
    print(
        f"dropped by the rules: {len(dropped)} ({sum(lb for _, lb in dropped)} positive), AUC {_auc(dropped):.3f}"
    )
    variants = [(f"veto<{t:.2f}", veto(t)) for t in thresholds]
    variants += [(f"rescue>={t:.2f}", veto(0.0, t)) for t in (0.9, 0.95, 0.98)]
    for part in ("all", "seeds", "shared", "tune"):
        sel = [d for d in range(len(docs)) if part == "all" or docs[d].corpus == part]
        print(f"== {part} ({len(sel)} documents)")
        print(line("rules", _score(sc, docs, sel, rule)))
        for label, k in variants:
            print(line(label, _score(sc, docs, sel, k)))
    # Fold by fold (one issuer left out): how many folds a variant makes better or worse.
    folds = {g: [d for d in range(len(docs)) if docs[d].group == g] for g in groups}
    base = {g: _score(sc, docs, sel, rule)["metric_f1"] for g, sel in folds.items()}
    print("== folds (one issuer each): better / worse / same metric F1 than the rules")
    for label, k in variants:
        tally = [0, 0, 0]
        for g, sel in folds.items():
            f1 = _score(sc, docs, sel, k)["metric_f1"]
            tally[0 if f1 > base[g] + 1e-9 else 1 if f1 < base[g] - 1e-9 else 2] += 1
        print(f"{label:18s} {tally[0]:3d} / {tally[1]:3d} / {tally[2]:3d}")
    print(f"== folds changed by veto<{VETO:.2f}")
    k = veto(VETO)
    for g, sel in folds.items():
        f1 = _score(sc, docs, sel, k)["metric_f1"]
        n0 = sum(1 for d in sel for j in range(len(docs[d].metrics)) if rule(d, j))
        n1 = sum(1 for d in sel for j in range(len(docs[d].metrics)) if k(d, j))
        if n0 != n1 or f1 != base[g]:
            print(f"{g:26s} F1 {base[g]:.3f} -> {f1:.3f}  (predicted {n0} -> {n1})")


def cross_validate_kind(docs: list[Document], cands: list[list[Candidate]], thresholds: list[float]) -> None:
    """Print target and actual F1 of the rules' kinds and of kinds a model overrules when it is
    sure (probability of the other kind at least t), one issuer left out a time."""
    sc = _scorer()
    groups = sorted({d.group for d in docs})
    p_target: dict[tuple[int, int], float] = {}
    for g in groups:
        examples = [
            Candidate(c.feats, c.gold_kind == "target", True, None)
            for d, doc in enumerate(docs)
            if doc.group != g
            for c in cands[d]
            if c.kept and c.gold_kind in ("target", "actual")
        ]
        w = train(examples)
        for d, doc in enumerate(docs):
            if doc.group == g:
                for j, c in enumerate(cands[d]):
                    p_target[(d, j)] = _prob(w, c.feats)
    pairs = [
        (p_target[(d, j)], c.gold_kind == "target")
        for d in range(len(docs))
        for j, c in enumerate(cands[d])
        if c.kept and c.gold_kind in ("target", "actual")
    ]
    wrong = sum(
        1
        for d in range(len(docs))
        for c in cands[d]
        if c.metric and c.gold_kind and c.metric["kind"] != c.gold_kind
    )
    print(
        f"== kind: {len(pairs)} kept candidates matching a gold metric, {wrong} of the output with the wrong kind"
    )
    print(f"AUC of the kind model {_auc(pairs):.3f}")

    def overrule(t: float) -> Relabel:
        def relabel(d: int, j: int, m: dict[str, Any]) -> dict[str, Any]:
            o = docs[d].owner[j]
            if o is None:
                return m
            p = p_target[(d, o)]
            if m["kind"] == "actual" and p >= t:
                return {**m, "kind": "target"}
            if m["kind"] == "target" and 1 - p >= t:
                return {**m, "kind": "actual"}
            return m

        return relabel

    def every(d: int, j: int) -> bool:
        o = docs[d].owner[j]
        return o is None or cands[d][o].kept

    for part in ("all", "seeds", "shared", "tune"):
        sel = [d for d in range(len(docs)) if part == "all" or docs[d].corpus == part]
        r = _score(sc, docs, sel, every)
        row = [f"rules {r['target_f1']:.3f}/{r['actual_f1']:.3f}"]
        for t in thresholds:
            r = _score(sc, docs, sel, every, overrule(t))
            row.append(f">={t:.2f} {r['target_f1']:.3f}/{r['actual_f1']:.3f}")
        print(f"{part:7s} target/actual F1: " + "  ".join(row))
    folds = {g: [d for d in range(len(docs)) if docs[d].group == g] for g in groups}
    for t in thresholds:
        tally = [0, 0, 0]
        for sel in folds.values():
            r0 = _score(sc, docs, sel, every)
            r1 = _score(sc, docs, sel, every, overrule(t))
            f0 = r0["target_f1"] + r0["actual_f1"]
            f1 = r1["target_f1"] + r1["actual_f1"]
            tally[0 if f1 > f0 + 1e-9 else 1 if f1 < f0 - 1e-9 else 2] += 1
        print(
            f"kind >={t:.2f} folds better / worse / same (target+actual F1): {tally[0]} / {tally[1]} / {tally[2]}"
        )


def _auc(pairs: list[tuple[float, bool]]) -> float:
    pairs = sorted(pairs)
    pos = sum(1 for _, lb in pairs if lb)
    neg = len(pairs) - pos
    seen = 0.0
    total = 0.0
    for _, lb in pairs:
        if lb:
            total += seen
        else:
            seen += 1
    return total / (pos * neg) if pos and neg else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--thresholds", default="0.05,0.1,0.15,0.2,0.3,0.4")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args(argv)
    try:
        thresholds = [float(t) for t in a.thresholds.split(",")]
    except ValueError:
        print(f"train_indicator: --thresholds: not a list of numbers: {a.thresholds!r}", file=sys.stderr)
        return 2
    try:
        docs, cands = load(a.v)
    except ExtractionError as exc:
        print(f"train_indicator: {exc}", file=sys.stderr)
        return 1
    cross_validate(docs, cands, thresholds)
    cross_validate_kind(docs, cands, [0.8, 0.9, 0.95, 0.98])
    return 0


if __name__ == "__main__":
    sys.exit(main())

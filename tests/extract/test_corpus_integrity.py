"""Integrity of the project's own extraction corpus (tests/extract/corpus).

Every gold file must follow ../shared/gold/SCHEMA.md: the keys of the schema, a source saying where
the text was published, every task text and metric span a verbatim substring of its document, and
kinds, comparators and deadline kinds from the schema's sets. A document belongs to one part only:
``tune`` (rules may be fitted to it) or ``holdout`` (only scored).
"""

from __future__ import annotations

import json
import numbers
from functools import cache
from pathlib import Path

import pytest

from taizhang.extract import extract

CORPUS = Path(__file__).parent / "corpus"
PARTS = ("tune", "holdout")

TOP_KEYS = {"doc", "structured", "source", "tasks", "metrics"}
TASK_KEYS = {"ref", "measure", "text", "lead_units", "co_units", "deadline"}
METRIC_KEYS = {"kind", "indicator", "value", "unit", "comparator", "year", "span"}
METRIC_KINDS = {"target", "actual"}
COMPARATORS = {">=", ">", "=", "~", "<="}
DEADLINE_KINDS = {"month", "year", "ongoing"}


def _gold_files() -> list[Path]:
    return sorted(p for part in PARTS for p in (CORPUS / part / "gold").glob("*.gold.json"))


def _stem(gold: Path) -> str:
    return gold.name[: -len(".gold.json")]


def _doc_path(gold: Path) -> Path:
    return gold.parent.parent / "docs" / json.loads(gold.read_text(encoding="utf-8"))["doc"]


@cache
def _doc_text(path: Path) -> str:
    if path.suffix == ".txt":
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:  # a text as published in GB18030/GBK or Big5
            pass
    return extract(path).text


GOLD = _gold_files()


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []


def test_the_corpus_has_both_parts():
    for part in PARTS:
        assert list((CORPUS / part / "gold").glob("*.gold.json")), f"no gold files in corpus/{part}"


def test_no_document_is_in_both_parts():
    names = {part: {_stem(g) for g in (CORPUS / part / "gold").glob("*.gold.json")} for part in PARTS}
    docs = {part: {p.stem for p in _files(CORPUS / part / "docs")} for part in PARTS}
    assert not names["tune"] & names["holdout"], "gold in both parts"
    assert not docs["tune"] & docs["holdout"], "document in both parts"


def _shingles(text: str, size: int = 8, step: int = 3) -> set[str]:
    flat = "".join(text.split())
    return {flat[i : i + size] for i in range(0, len(flat) - size, step)}


def test_no_held_out_text_is_a_copy_of_a_tuned_one():
    """The same notice under two names (a copy of its opening held out, the whole of it in tune)
    passes the name check above; the parts must not share most of their text either."""
    texts = {
        part: {
            _stem(g): _shingles(_doc_text(_doc_path(g))) for g in (CORPUS / part / "gold").glob("*.gold.json")
        }
        for part in PARTS
    }
    copies = []
    for held, held_grams in texts["holdout"].items():
        for tuned, tuned_grams in texts["tune"].items():
            smaller = min(len(held_grams), len(tuned_grams))
            if smaller and len(held_grams & tuned_grams) / smaller > 0.5:
                copies.append((held, tuned))
    assert not copies, f"held-out documents that copy a tuned one: {copies}"


@pytest.mark.parametrize("part", PARTS)
def test_every_document_has_its_gold_and_every_gold_its_document(part):
    docs = {p.stem for p in _files(CORPUS / part / "docs")}
    golds = {_stem(g) for g in (CORPUS / part / "gold").glob("*.gold.json")}
    assert docs == golds, (
        f"corpus/{part}: documents without gold {sorted(docs - golds)}, gold without document {sorted(golds - docs)}"
    )


@pytest.mark.parametrize("gold", GOLD, ids=lambda p: f"{p.parent.parent.name}/{_stem(p)}")
def test_gold_file(gold: Path):
    g = json.loads(gold.read_text(encoding="utf-8"))
    where = f"{gold.parent.parent.name}/{gold.name}"
    assert set(g) == TOP_KEYS, f"{where}: keys {sorted(g)}"
    assert Path(g["doc"]).stem == _stem(gold), f"{where}: doc {g['doc']!r} does not match the file name"
    assert isinstance(g["structured"], bool), where
    assert isinstance(g["source"], str) and g["source"].strip(), f"{where}: empty source"
    assert isinstance(g["tasks"], list) and isinstance(g["metrics"], list), where
    assert g["tasks"] or g["metrics"], f"{where}: nothing annotated"

    doc = _doc_path(gold)
    assert doc.is_file(), f"{where}: document {doc.name} is missing"
    text = _doc_text(doc)

    for i, t in enumerate(g["tasks"]):
        at = f"{where} task {i} ({t.get('ref')})"
        assert set(t) == TASK_KEYS, f"{at}: keys {sorted(t)}"
        assert isinstance(t["text"], str) and t["text"].strip(), f"{at}: empty text"
        assert t["text"] in text, f"{at}: text is not verbatim: {t['text'][:40]!r}"
        assert t["ref"] is None or isinstance(t["ref"], str), at
        assert t["measure"] is None or isinstance(t["measure"], str), at
        for key in ("lead_units", "co_units"):
            units = t[key]
            assert isinstance(units, list) and all(isinstance(u, str) and u.strip() for u in units), (
                f"{at}: {key}"
            )
            assert len(set(units)) == len(units), f"{at}: {key} repeats a unit"
        assert not set(t["lead_units"]) & set(t["co_units"]), f"{at}: a unit both leads and co-operates"
        _check_deadline(t["deadline"], at)

    for i, m in enumerate(g["metrics"]):
        at = f"{where} metric {i} ({m.get('indicator')})"
        assert set(m) == METRIC_KEYS, f"{at}: keys {sorted(m)}"
        assert m["kind"] in METRIC_KINDS, f"{at}: kind {m['kind']!r}"
        assert m["comparator"] in COMPARATORS, f"{at}: comparator {m['comparator']!r}"
        assert isinstance(m["value"], numbers.Real) and not isinstance(m["value"], bool), f"{at}: value"
        assert isinstance(m["unit"], str), f"{at}: unit"
        assert "%" not in m["unit"] or m["unit"] == "%", f"{at}: unit {m['unit']!r}"
        assert m["year"] is None or (isinstance(m["year"], int) and 1949 <= m["year"] <= 2100), f"{at}: year"
        assert isinstance(m["indicator"], str) and m["indicator"].strip(), f"{at}: indicator"
        assert isinstance(m["span"], str) and m["span"].strip(), f"{at}: empty span"
        assert m["span"] in text, f"{at}: span is not verbatim: {m['span'][:40]!r}"


def _check_deadline(d, at: str) -> None:
    if d is None:
        return
    assert isinstance(d, dict) and d.get("kind") in DEADLINE_KINDS, f"{at}: deadline {d!r}"
    if d["kind"] == "ongoing":
        assert set(d) == {"kind"}, f"{at}: deadline {d!r}"
        return
    assert isinstance(d.get("year"), int) and 1949 <= d["year"] <= 2100, f"{at}: deadline year {d!r}"
    if d["kind"] == "year":
        assert set(d) == {"kind", "year"}, f"{at}: deadline {d!r}"
    else:
        assert set(d) == {"kind", "year", "month"}, f"{at}: deadline {d!r}"
        assert isinstance(d["month"], int) and 1 <= d["month"] <= 12, f"{at}: deadline month {d!r}"

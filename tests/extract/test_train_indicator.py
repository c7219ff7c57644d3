"""The measuring tool of the learned indicator check (taizhang/extract/train_indicator.py): its
features, labels, grouping and training, on text written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from taizhang.extract import metrics, train_indicator
from taizhang.extract.model import DocInfo


def test_features_name_the_unit_kind_heading_and_a_year_near() -> None:
    work = "一、主要目标\n到2025年,全区工业产值达到500亿元以上。"
    start = work.index("500")
    end = work.index("以上")
    clause = (work.index("全区"), work.index("。"))
    feats = train_indicator.features(
        work, start, end, 5e10, "元", ">=", clause, "target", DocInfo(kind="plan"), 1, 0
    )
    assert {"unit:元", "cmp:>=", "kind:target", "doc:plan", "year_near:True", "first:True"} <= set(feats)
    assert {"H2:主要", "H2:目标"} <= set(feats)
    assert "L2:达到" in feats and "R1:以" in feats


def test_issuers_group_documents_by_the_first_word_of_their_name() -> None:
    assert train_indicator.issuer("tune", "hk_budget_speech_2013") == "hongkong"
    assert train_indicator.issuer("tune", "state_council_office_x_2018") == "state_council"
    assert train_indicator.issuer("tune", "jingan_a") == train_indicator.issuer("tune", "jingan_b")
    assert train_indicator.issuer("seeds", "000_x") != train_indicator.issuer("seeds", "001_y")


def test_training_is_deterministic_and_learns_a_separable_set() -> None:
    Candidate = train_indicator.Candidate
    examples = [Candidate(["bias", "good", f"n{i % 3}"], True, True, None) for i in range(20)]
    examples += [Candidate(["bias", "bad", f"n{i % 3}"], False, True, None) for i in range(20)]
    w1 = train_indicator.train(examples)
    assert w1 == train_indicator.train(examples)
    assert train_indicator._prob(w1, ["bias", "good"]) > 0.5 > train_indicator._prob(w1, ["bias", "bad"])


@pytest.mark.skipif(
    not (train_indicator.SHARED / "tools" / "score_extraction.py").is_file(),
    reason="no scorer beside the project",
)
def test_candidates_carry_the_rules_verdict_and_a_label_from_the_gold(tmp_path: Path) -> None:
    doc = tmp_path / "made_up_plan.txt"
    doc.write_text(
        "关于推进制造业发展的实施方案\n一、主要目标\n到2025年,全区规上工业产值达到500亿元。\n"
        "二、支持政策\n对新认定的企业,最高给予100万元奖励。\n",
        encoding="utf-8",
    )
    span = "到2025年,全区规上工业产值达到500亿元"
    gold = {"metrics": [{"kind": "target", "value": 5e10, "unit": "元", "year": 2025, "span": span}]}
    excluded, kind_and_year = metrics._excluded, metrics._kind_and_year
    cands, out, owner = train_indicator._collect(doc, gold, train_indicator._scorer())
    assert (metrics._excluded, metrics._kind_and_year) == (excluded, kind_and_year)
    by_value = {c.metric["value"]: c for c in cands if c.metric is not None}
    kept, benefit = by_value[5e10], by_value[1e6]
    assert (kept.label, kept.kept, kept.gold_kind) == (True, True, "target") and "why:kept" in kept.feats
    assert (benefit.label, benefit.kept) == (False, False)
    assert any(f.startswith("why:") and f != "why:kept" for f in benefit.feats)
    assert len(owner) == len(out) == 2

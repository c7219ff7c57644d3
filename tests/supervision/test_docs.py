"""The documentation lists the rules the code applies."""

from __future__ import annotations

from pathlib import Path

from taizhang.supervision.rules import describe_rules
from taizhang.supervision.scoring import ITEM_CODES, ScoringConfig

DOCS = Path(__file__).resolve().parents[2] / "docs"


class DocsTestCase:
    def test_status_rules_page_describes_every_rule_with_its_default_thresholds(self) -> None:
        page = (DOCS / "status-rules.md").read_text(encoding="utf-8")
        for rule in describe_rules():
            assert f"`{rule.code}`" in page, rule.code
            assert rule.description_zh in page, rule.code

    def test_scoring_page_names_every_item_with_its_label(self) -> None:
        page = (DOCS / "scoring.md").read_text(encoding="utf-8")
        config = ScoringConfig()
        for code in ITEM_CODES:
            assert f"`{code}`" in page and config.items[code].label_zh in page, code

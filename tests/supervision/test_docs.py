"""The documentation lists the rules the code applies."""

from __future__ import annotations

from pathlib import Path

from taizhang.supervision.rules import describe_rules
from taizhang.supervision.scoring import DELIVERY_LINES, ITEM_CODES, ListRules, ScoringConfig

DOCS = Path(__file__).resolve().parents[2] / "docs"


class DocsTestCase:
    def test_status_rules_page_describes_every_rule_with_its_default_thresholds(self) -> None:
        page = (DOCS / "status-rules.md").read_text(encoding="utf-8")
        for rule in describe_rules():
            assert f"`{rule.code}`" in page, rule.code
            assert rule.description_zh in page, rule.code

    def test_scoring_page_names_every_line_with_its_label_and_default(self) -> None:
        page = (DOCS / "scoring.md").read_text(encoding="utf-8")
        config = ScoringConfig()
        for code, label in DELIVERY_LINES:
            row = f"| `{code}` | {label} |"
            assert row in page, code
            assert page.split(row)[1].split("\n")[0].rstrip().endswith(f"| {config.weights[code]:g} |"), code
        for code in ITEM_CODES:
            rule = config.items[code]
            assert (
                f"| `{code}` | {rule.label_zh} | {rule.points_each:g} | {rule.cap:g} |".replace("-", "−")
                in page
            ), code
        assert f"`late_credit` is {config.late_credit:g}" in page
        rules = ListRules()
        assert f"top {rules.red_top_n}, ≥ {rules.red_min_score:g}" in page
        assert f"bottom {rules.black_bottom_n}, < {rules.black_below:g}" in page
        assert f"≥ {rules.yellow_min_overdue} overdue, < {rules.yellow_below:g}" in page

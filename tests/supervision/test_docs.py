"""The documentation lists the rules the code applies."""

from __future__ import annotations

import re
from pathlib import Path

from taizhang.ledger import rules as ledger_rules
from taizhang.ledger.rules import COLOUR_ZH, COLOURS, SCHEDULE_TOLERANCE, ScheduleStatus
from taizhang.supervision.models import NoticeKind
from taizhang.supervision.rules import RuleConfig, describe_rules
from taizhang.supervision.scoring import DELIVERY_LINES, ITEM_CODES, ListRules, ScoringConfig

DOCS = Path(__file__).resolve().parents[2] / "docs"


class DocsTestCase:
    def test_status_rules_page_describes_every_rule_with_its_default_thresholds(self) -> None:
        page = (DOCS / "status-rules.md").read_text(encoding="utf-8")
        for rule in describe_rules():
            assert f"`{rule.code}`" in page, rule.code
            assert rule.description_zh in page, rule.code

    def test_status_rules_page_lists_every_colour_with_its_label(self) -> None:
        page = (DOCS / "status-rules.md").read_text(encoding="utf-8")
        table = page.split("## The colours a task shows")[1].split("\n## ")[0]
        rows = [line for line in table.splitlines() if line.startswith("| `")]
        assert [row.split("|")[1].strip().strip("`") for row in rows] == [c.value for c in COLOURS]
        for colour in COLOURS:
            assert f"| `{colour.value}` | {COLOUR_ZH[colour]} |" in table, colour

    def test_status_rules_page_names_the_homes_the_code_has(self) -> None:
        page = (DOCS / "status-rules.md").read_text(encoding="utf-8")
        homes = page.split("| idea | home |")[1].split("\n\n")[0]
        for name in re.findall(r"`([a-z_A-Z]+)`", homes.split("taizhang/ledger/rules.py`:", 1)[1]):
            if name.startswith(("TaskStatus", "evaluate", "RULES")):
                continue
            assert hasattr(ledger_rules, name) or name.endswith(("_q", "_filter", "_expression")), name
        assert f"SCHEDULE_TOLERANCE = {SCHEDULE_TOLERANCE} points" in page
        assert SCHEDULE_TOLERANCE == RuleConfig().lag_amber_points  # "behind" is when the lag rule fires
        for status in ScheduleStatus:
            assert f"`{status.value}`" in page, status
        for kind in NoticeKind.values:
            assert f"| `{kind}` |" in page, kind

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

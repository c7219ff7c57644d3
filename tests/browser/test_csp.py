"""The Content Security Policy in a real browser: every main page, its charts and its scripts run
under the policy the server sends, and Chromium reports no violation.

Violations are caught twice: the page's ``securitypolicyviolation`` events (recorded by a script
added before any of the page's own) and Chromium's console messages about the policy.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from .conftest import assert_assets_loaded, log_in
from .test_dashboards import PUBLIC_TITLE, build_ledger, wait_for_charts

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


def watch(page: Any) -> list[str]:
    """Record the policy violations of ``page`` (script events and console messages) into a list."""
    found: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda m: (
            found.append(m.text) if "Content Security Policy" in m.text or "Refused to" in m.text else None
        ),
    )
    return found


def visit(page: Any, url: str, found: list[str]) -> Any:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    assert_assets_loaded(page)
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, f"{url}: {policy!r}"
    found.extend(page.evaluate("window.__csp || []"))
    assert page.errors == [], f"{url}: {page.errors}"
    return response


def hover_charts(page: Any, ids: list[str]) -> None:
    """Move the mouse over each chart so ECharts draws its tooltips (inline HTML would be refused)."""
    for chart_id in ids:
        box = page.locator(f"#{chart_id}").bounding_box()
        if box:
            for fx, fy in ((0.5, 0.5), (0.3, 0.4), (0.6, 0.6)):
                page.mouse.move(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
                page.wait_for_timeout(50)


@pytest.fixture
def ledger(cast: Any) -> dict[str, Any]:
    """The dashboard tests' ledger: three policies, coloured by the status job."""
    return build_ledger(cast)


@pytest.fixture
def indicators(cast: Any, ledger: Any) -> Any:
    """The sample policy's metric as an indicator with an actual, made public with its charts."""
    from taizhang.devtools.builders import make_policy
    from taizhang.monitoring.actions import do_create_indicators_from_metrics, do_record_actual
    from taizhang.portal.actions import do_publish_to_portal

    policy = make_policy(cast.sam, name="indicators.txt")
    made = do_create_indicators_from_metrics(cast.sam, policy)
    assert made, "the sample policy has a metric to follow"
    do_record_actual(cast.sam, made[0], year=timezone.localdate().year - 1, value="80")
    do_publish_to_portal(cast.sam, policy)
    return {"policy": policy, "indicator": made[0]}


class ContentSecurityPolicyTestCase:
    def test_the_supervisors_pages_and_charts_break_no_rule_of_the_policy(
        self,
        new_page: Any,
        ledger: Any,
        indicators: Any,
    ) -> None:
        page = new_page()
        found = watch(page)
        log_in(page, "sam")
        policy, indicator = ledger["public"], indicators["indicator"]
        for url in (
            "/",
            "/tasks/",
            f"/tasks/{ledger['amber'].pk}/",
            "/policies/",
            f"/policies/{policy.pk}/",
            f"/policies/{ledger['draft'].pk}/review/",
            "/units/",
            "/workbook/",
            "/supervision/queues/",
            "/supervision/rules/",
            "/supervision/notices/",
            f"/supervision/tasks/{ledger['red'].pk}/",
            "/monitoring/scorecards/",
            "/monitoring/indicators/",
            "/bulletins/",
            "/public/manage/",
            "/accounts/profile/",
        ):
            visit(page, url, found)

        visit(page, "/monitoring/", found)
        charts = ["chart-overall", "chart-policy", "chart-unit", "chart-month"]
        wait_for_charts(page, charts)
        hover_charts(page, charts)
        visit(page, f"/monitoring/indicators/{indicator.pk}/", found)
        wait_for_charts(page, ["chart-trajectory"])
        hover_charts(page, ["chart-trajectory"])
        found.extend(page.evaluate("window.__csp"))

        # a select that submits its form when changed works without an inline handler
        visit(page, "/policies/", found)
        page.locator("select[name=status]").select_option("published")
        page.wait_for_url("**/policies/?status=published")
        found.extend(page.evaluate("window.__csp"))
        assert found == []

    def test_the_public_portal_and_its_charts_break_no_rule_of_the_policy(
        self,
        new_page: Any,
        ledger: Any,
        indicators: Any,
    ) -> None:
        page = new_page()
        found = watch(page)
        visit(page, "/public/", found)
        expect(page.get_by_role("link", name=PUBLIC_TITLE)).to_be_visible()
        visit(page, f"/public/policies/{indicators['policy'].pk}/", found)
        charts = page.locator(".indicator-chart")
        expect(charts.first).to_be_visible()
        ids = charts.evaluate_all("nodes => nodes.map(n => n.id)")
        wait_for_charts(page, ids)
        assert page.locator(f"#{ids[0]}").bounding_box()["height"] == 300  # the height from the stylesheet
        hover_charts(page, ids)
        found.extend(page.evaluate("window.__csp"))
        assert found == []

    def test_a_unit_officers_pages_break_no_rule_of_the_policy(
        self,
        new_page: Any,
        ledger: Any,
    ) -> None:
        page = new_page()
        found = watch(page)
        log_in(page, "andy")
        for url in (
            "/",
            "/inbox/",
            "/tasks/",
            f"/tasks/{ledger['amber'].pk}/",
            "/monitoring/unit/",
            "/workbook/",
        ):
            visit(page, url, found)
        # the language select switches the interface without an inline handler
        page.locator("select[name=language]").select_option("en")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        found.extend(page.evaluate("window.__csp"))
        assert found == []

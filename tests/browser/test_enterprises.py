"""An enterprise's own pages in a real browser: erin signs in, lands on her enterprise, confirms
the benefit it was matched to (意愿确认), asks the policy calculator, and cannot open another
enterprise; hana, of a Hong Kong-funded enterprise, reads her pages in traditional Chinese and
the zone; on a phone the menu opens and the tables fit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from .conftest import assert_assets_loaded, expect_message, log_in, t

expect = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(cast: Any) -> dict[str, Any]:
    from taizhang.devtools.builders import make_enterprise_user
    from taizhang.enterprises import actions as E
    from taizhang.enterprises.builders import to_csv
    from taizhang.enterprises.imports import parse_registry
    from taizhang.enterprises.models import Enterprise

    erin = make_enterprise_user("erin", name="深圳市鹏程医疗有限公司", serial=1)
    hana = make_enterprise_user("hana", name="深圳市港汇数据科技有限公司", serial=2)
    a = Enterprise.objects.get(accounts__user=erin)
    b = Enterprise.objects.get(accounts__user=hana)
    year = dt.date.today().year - 1
    rows = [
        [
            "统一社会信用代码",
            "企业名称",
            "是否注册在本区",
            "是否港资",
            "香港商业登记号码",
            "年度",
            "营业收入（万元）",
        ],
        [a.credit_code, a.name, "是", "否", "", year, 3000],
        [b.credit_code, b.name, "是", "是", "12345678", year, 2500],
    ]
    E.do_import_registry(
        cast.sam, parse_registry("登记.csv", to_csv(rows)), source=cast.unit_a, as_of=dt.date.today()
    )
    paid = E.do_create_benefit(
        cast.sam,
        code="growth",
        name="营收奖励",
        unit=cast.unit_b,
        conditions="注册在本区 = 是\n上年度营业收入 >= 1000万元",
        formula="10万元",
        for_hk=True,
    )
    E.do_create_benefit(
        cast.sam,
        code="rd",
        name="研发奖励",
        unit=cast.unit_b,
        conditions="注册在本区 = 是\n上年度研发投入 >= 50万元",
        formula="较小值(上年度研发投入 * 20%, 50万元)",
    )
    blist = E.do_generate_benefit_list(cast.sam, paid, as_of=dt.date.today())
    E.do_review_benefit_list(cast.sam, blist, approve=True)
    E.do_start_public_notice(cast.sam, blist, days=5, today=dt.date.today() - dt.timedelta(days=7))
    E.do_close_public_notice(cast.sam, blist)
    return {"a": a, "b": b}


class EnterprisePagesTestCase:
    def test_erin_confirms_her_benefit_and_asks_the_calculator(
        self, page: Any, world: dict[str, Any]
    ) -> None:
        from taizhang.enterprises.models import Decision, DecisionStatus

        log_in(page, "erin")
        assert_assets_loaded(page)
        expect(page.get_by_role("heading", level=1)).to_have_text(world["a"].name)
        card = page.locator(".card", has_text=t("Please confirm"))
        expect(card).to_contain_text("营收奖励")
        expect(card).to_contain_text("10万元")
        card.get_by_role("button", name=t("Yes, I confirm")).click()
        expect_message(page, t("Thank you: your confirmation was recorded."))
        assert Decision.objects.get(enterprise=world["a"]).status == DecisionStatus.CONFIRMED
        expect(page.locator("table").nth(1)).to_contain_text("企业已确认")

        page.locator("nav.mainnav").get_by_role("link", name=t("Policy calculator"), exact=True).click()
        year = dt.date.today().year - 1
        expect(page.locator(f'input[name="rd_spending@{year}"]')).to_be_visible()
        expect(page.locator(f'input[name="revenue@{year}"]')).to_have_count(0)  # the registry knows it
        page.locator(f'input[name="rd_spending@{year}"]').fill("120")
        page.get_by_role("button", name=t("Calculate")).click()
        row = page.locator("tr", has_text="研发奖励")
        expect(row.locator(".outcome")).to_have_text(t("Eligible"))
        expect(row).to_contain_text("24万元")
        row.get_by_text(t("Why, condition by condition")).click()
        expect(row).to_contain_text("上年度研发投入 120万元（来源：您填写的） ≥ 50万元：符合")

        response = page.goto(f"/enterprises/{world['b'].pk}/")
        assert response.status == 404
        assert page.goto("/tasks/").status in (200, 404)
        expect(page.locator("body")).not_to_contain_text(world["b"].name)

    def test_hana_reads_traditional_chinese_and_the_zone_on_a_phone(
        self, new_page: Any, world: dict[str, Any]
    ) -> None:
        page = new_page(viewport={"width": 390, "height": 844})
        log_in(page, "hana")
        expect(page.locator("html")).to_have_attribute("lang", "zh-hant")
        expect(page.locator(".card", has_text="請確認")).to_contain_text("營收獎勵")
        page.locator("label.nav-toggle-label").click()
        page.locator("nav.mainnav").get_by_role("link", name="港企服務專區", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("港企服務專區")
        expect(page.locator("body")).to_contain_text("營收獎勵")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"the zone overflows a phone screen: {width}px"
        assert page.errors == []

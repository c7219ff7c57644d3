"""The enterprise services' pages: what each person sees, refusals, bad input, languages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from taizhang.devtools.builders import make_enterprise_user
from taizhang.enterprises import actions as E
from taizhang.enterprises.builders import to_csv, to_xlsx
from taizhang.enterprises.imports import parse_registry
from taizhang.enterprises.models import BenefitVersion, Enterprise, EnterpriseFact, Objection

pytestmark = pytest.mark.django_db
AS_OF = dt.date(2025, 3, 31)


@pytest.fixture(autouse=True)
def _in_june_2025() -> Any:
    """Pages evaluate on today's date: 上年度 is 2024, the year the fixture's figures are of."""
    import time_machine

    with time_machine.travel(
        dt.datetime(2025, 6, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False
    ):
        yield


@pytest.fixture
def setup(cast: Any) -> dict[str, Any]:
    erin = make_enterprise_user("erin", serial=1)
    hana = make_enterprise_user("hana", serial=2)
    a = Enterprise.objects.get(accounts__user=erin)
    b = Enterprise.objects.get(accounts__user=hana)
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
        [a.credit_code, a.name, "是", "否", "", 2024, 3000],
        [b.credit_code, b.name, "是", "是", "12345678", 2024, 500],
    ]
    E.do_import_registry(cast.sam, parse_registry("a.csv", to_csv(rows)), source=cast.unit_a, as_of=AS_OF)
    benefit = E.do_create_benefit(
        cast.sam,
        code="growth",
        name="营收奖励",
        unit=cast.unit_b,
        conditions="注册在本区 = 是\n上年度营业收入 >= 1000万元\n上年度研发投入 >= 10万元",
        formula="10万元",
        for_hk=True,
    )
    return {"erin": erin, "hana": hana, "a": a, "b": b, "benefit": benefit}


class EnterpriseUserPagesTestCase:
    def test_the_root_and_the_registry_lead_an_enterprise_user_to_his_own_page(
        self, client: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(setup["erin"])
        assert client.get("/").url == reverse("enterprises:home")
        assert client.get(reverse("enterprises:home")).url == reverse(
            "enterprises:detail", args=[setup["a"].pk]
        )

    def test_his_page_explains_what_is_missing_and_where_it_comes_from(
        self, client: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(setup["erin"])
        page = client.get(
            reverse("enterprises:detail", args=[setup["a"].pk]), HTTP_ACCEPT_LANGUAGE="zh-hans"
        ).content.decode()
        assert "可能符合，缺少：上年度研发投入（来源：区科技创新局）" in page
        assert "上年度营业收入 3,000万元（来源：区商务局，截至2025-03-31）" in page
        assert setup["a"].credit_code in page and setup["b"].name not in page

    def test_another_enterprise_is_404_and_so_are_the_officers_pages(
        self, client: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(setup["erin"])
        assert client.get(reverse("enterprises:detail", args=[setup["b"].pk])).status_code == 404
        assert client.get(reverse("enterprises:detail", args=[999999])).status_code == 404
        assert client.get(reverse("enterprises:import")).status_code == 404
        assert client.get(reverse("enterprises:list", args=[1])).status_code == 404

    def test_a_hong_kong_enterprise_reads_traditional_chinese_until_it_chooses(
        self, client: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(setup["hana"])
        page = client.get(reverse("enterprises:hk"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
        assert '<html lang="zh-hant">' in page and "港企服務專區" in page and "營收獎勵" in page
        client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
        page = client.get(reverse("enterprises:hk")).content.decode()
        assert '<html lang="zh-hans">' in page and "港企服务专区" in page
        client.force_login(setup["erin"])  # not Hong Kong-funded: the browser's language
        client.cookies.clear()
        client.force_login(setup["erin"])
        assert (
            '<html lang="zh-hans">'
            in client.get(reverse("enterprises:calculator"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
        )

    def test_the_calculator_asks_only_for_what_is_missing(self, client: Any, setup: dict[str, Any]) -> None:
        client.force_login(setup["erin"])
        year = dt.date.today().year - 1
        page = client.get(reverse("enterprises:calculator")).content.decode()
        assert f'name="rd_spending@{year}"' in page
        assert f'name="revenue@{year}"' not in page and 'name="registered_in_district"' not in page  # known
        answer = {f"rd_spending@{year}": "50"}
        page = client.post(reverse("enterprises:calculator"), answer).content.decode()
        assert "没有缺少的数据" in page and "符合" in page and "您填写的" in page
        assert not EnterpriseFact.objects.filter(attribute="rd_spending").exists()  # nothing stored


class OfficerPagesTestCase:
    def test_the_registry_and_a_benefit_page(self, client: Any, cast: Any, setup: dict[str, Any]) -> None:
        client.force_login(cast.vera)
        page = client.get(reverse("enterprises:home"), {"hk": "on"}).content.decode()
        assert setup["b"].name in page and setup["a"].name not in page
        page = client.get(reverse("enterprises:benefit", args=[setup["benefit"].pk])).content.decode()
        assert "上年度营业收入 &gt;= 1000万元" in page and "修改规则" not in page  # vera reads only

    def test_an_import_with_a_bad_row_is_refused_by_row_and_column_and_stores_nothing(
        self, client: Any, cast: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(cast.sam)
        before = EnterpriseFact.objects.count()
        rows = [
            ["统一社会信用代码", "企业名称", "年度", "营业收入（万元）"],
            [setup["a"].credit_code, "甲", 2024, dt.date(2024, 1, 1)],
        ]
        upload = _upload("统计局.xlsx", to_xlsx(rows))
        response = client.post(
            reverse("enterprises:import"), {"file": upload, "source": cast.unit_b.pk, "as_of": "2025-03-31"}
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert (
            "未导入，没有保存任何内容" in page and "营业收入（万元）" in page and "是日期，不是金额" in page
        )
        assert EnterpriseFact.objects.count() == before

    def test_a_good_import_is_stored_with_its_source(
        self, client: Any, cast: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(cast.ben)  # a unit's officer imports his own unit's data
        upload = _upload(
            "税务.csv",
            to_csv([["统一社会信用代码", "年度", "纳税额（万元）"], [setup["a"].credit_code, 2024, 12.5]]),
        )
        response = client.post(
            reverse("enterprises:import"),
            {"file": upload, "source": cast.unit_b.pk, "as_of": "2025-03-31", "token": "t1"},
        )
        assert response.status_code == 302
        fact = EnterpriseFact.objects.get(attribute="tax_paid")
        assert (fact.number, fact.source) == (125000, cast.unit_b)
        assert client.get(reverse("enterprises:import_progress"), {"token": "t1"}).json()["stage"] == "done"

    def test_rules_that_do_not_parse_come_back_naming_the_line(
        self, client: Any, cast: Any, setup: dict[str, Any]
    ) -> None:
        client.force_login(cast.ben)
        url = reverse("enterprises:benefit_rules", args=[setup["benefit"].pk])
        response = client.post(
            url, {"conditions": "注册在本区 = 是\n上年度研发收入 > 1", "formula": "10万元"}
        )
        assert response.status_code == 400
        assert "第 2 行第 4 列：未知的词「研发收入」" in response.content.decode()
        assert BenefitVersion.objects.filter(benefit=setup["benefit"]).count() == 1
        response = client.post(url, {"conditions": "注册在本区 = 是", "formula": "较小值(1万元"})
        assert response.status_code == 400 and "金额公式" in response.content.decode()
        assert client.get(url.replace("rules", "rules"), HTTP_ACCEPT_LANGUAGE="zh-hans").status_code == 200
        client.force_login(cast.andy)  # not the benefit's department
        assert client.get(url).status_code == 403

    def test_the_loop_through_the_pages(self, client: Any, cast: Any, setup: dict[str, Any]) -> None:
        benefit = setup["benefit"]
        E.do_save_benefit_rules(cast.sam, benefit, conditions="注册在本区 = 是", formula="10万元")
        client.force_login(cast.ben)
        response = client.post(
            reverse("enterprises:benefit_generate", args=[benefit.pk]), {"as_of": "2025-03-31"}
        )
        blist = benefit.lists.get()
        assert response.url == reverse("enterprises:list", args=[blist.pk])
        client.force_login(cast.sam)
        client.post(reverse("enterprises:list_review", args=[blist.pk]), {"approve": "1"})
        client.post(reverse("enterprises:list_notice", args=[blist.pk]), {"days": "5"})
        public = client.get(reverse("enterprises_public:notices")).content.decode()
        assert setup["a"].masked_code in public and setup["a"].credit_code not in public
        decision = blist.decisions.get(enterprise=setup["a"])
        client.logout()
        response = client.post(
            reverse("enterprises_public:objection", args=[decision.pk]), {"text": "数据有误", "contact": ""}
        )
        assert not Objection.objects.exists()  # the contact is required
        client.post(
            reverse("enterprises_public:objection", args=[decision.pk]),
            {"text": "数据有误", "contact": "王 1380000"},
        )
        assert Objection.objects.get().lodged_by is None
        client.force_login(cast.sam)
        page = client.get(reverse("enterprises:list", args=[blist.pk])).content.decode()
        assert "数据有误" in page and "请先处理异议" in page


class PublicPagesTestCase:
    def test_the_public_zone_is_traditional_by_default_and_reached_from_the_portal(
        self, client: Any, setup: dict[str, Any]
    ) -> None:
        portal = client.get(reverse("portal:home")).content.decode()
        assert reverse("enterprises_public:hk") in portal
        page = client.get(reverse("enterprises_public:hk")).content.decode()
        assert '<html lang="zh-hant">' in page and "營收獎勵" in page
        page = client.get(reverse("enterprises_public:hk"), {"lang": "en"}).content.decode()
        assert "Hong Kong enterprise zone" in page
        assert "sessionid" not in client.cookies


def _upload(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


class BlankCalculatorTestCase:
    def test_an_officer_without_an_enterprise_is_asked_the_certificates_too(
        self, client: Any, cast: Any
    ) -> None:
        E.do_create_benefit(
            cast.sam,
            code="ht",
            name="高企奖励",
            unit=cast.unit_a,
            conditions="高新技术企业 = 是",
            formula="20万元",
        )
        client.force_login(cast.sam)
        page = client.get(reverse("enterprises:calculator")).content.decode()
        assert 'name="high_tech"' in page
        page = client.post(reverse("enterprises:calculator"), {"high_tech": "1"}).content.decode()
        assert "没有缺少的数据" in page and "20万元" in page
        page = client.post(reverse("enterprises:calculator"), {"high_tech": "0"}).content.decode()
        assert "不符合：高新技术企业 = 是" in page

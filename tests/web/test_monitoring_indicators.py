"""Indicators (指标监测): made from a policy's extracted metrics, judged on the linear trajectory,
summed up for a mid-term review, actual values entered or imported (and refused row by row)."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import Workbook

from taizhang.ledger.models import Metric
from taizhang.monitoring import actions as M
from taizhang.monitoring.models import Indicator, IndicatorActual

pytestmark = pytest.mark.django_db


def metric(policy, kind, name, value, year, unit="%", comparator=">=", span=""):
    return Metric.objects.create(
        policy=policy,
        kind=kind,
        indicator=name,
        value=value,
        year=year,
        unit=unit,
        comparator=comparator,
        span_text=span or name,
    )


@pytest.fixture
def metrics(policy):
    """A plan's targets and actuals as the extractor stores them (instead of the sample's own)."""
    Metric.objects.filter(policy=policy).delete()
    metric(policy, "actual", "战略性新兴产业增加值占GDP比重", 6.6, 2020)
    metric(policy, "target", "战略性新兴产业增加值占GDP比重", 10, 2025)
    metric(policy, "actual", "战略性新兴产业增加值占 GDP 比重", 8.4, 2023)
    metric(policy, "target", "国家高新技术企业", 800, 2025, unit="家", comparator=">")
    metric(policy, "actual", "单位GDP能耗", 0.5, 2020, unit="吨标准煤/万元", comparator="=")
    metric(
        policy,
        "target",
        "单位GDP能耗",
        0.45,
        2025,
        unit="吨标准煤/万元",
        comparator="<=",
        span="单位GDP能耗控制在0.45吨标准煤/万元以内（约束性）",
    )
    metric(policy, "actual", "走访企业", 3300, 2023, unit="家")  # an actual with no target
    return policy


def page(client, user, policy):
    client.force_login(user)
    return client.get(reverse("monitoring:policy_indicators", args=[policy.pk]))


def workbook(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class FromMetricsTestCase:
    def test_targets_become_indicators_and_earlier_actuals_their_baseline(self, cast, metrics):
        made = M.do_create_indicators_from_metrics(cast.sam, metrics)
        assert [(i.code, i.name) for i in made] == [
            ("I1", "战略性新兴产业增加值占GDP比重"),
            ("I2", "国家高新技术企业"),
            ("I3", "单位GDP能耗"),
        ]
        share, firms, energy = made
        assert (share.baseline_value, share.baseline_year) == (Decimal("6.6"), 2020)
        assert (share.target_value, share.target_year, share.direction) == (Decimal("10"), 2025, "up")
        assert [(a.year, a.value) for a in share.actuals.all()] == [(2023, Decimal("8.4"))]
        assert firms.baseline_value is None and firms.comparator == ">"
        assert (energy.direction, energy.binding, energy.measure_unit) == ("down", True, "吨标准煤/万元")
        assert not share.binding

    def test_running_it_twice_adds_nothing(self, cast, metrics):
        M.do_create_indicators_from_metrics(cast.sam, metrics)
        assert M.do_create_indicators_from_metrics(cast.sam, metrics) == []
        assert Indicator.objects.count() == 3 and IndicatorActual.objects.count() == 1

    @pytest.mark.parametrize("who", ["vera", "amy", "andy"])
    def test_only_steering_roles_create_indicators(self, cast, metrics, who):
        with pytest.raises(PermissionDenied):
            M.do_create_indicators_from_metrics(getattr(cast, who), metrics)

    def test_the_page_button_creates_them(self, client, cast, metrics):
        client.force_login(cast.sam)
        url = reverse("monitoring:policy_indicators", args=[metrics.pk])
        assert client.post(url, {"action": "from_metrics"}).status_code == 302
        assert Indicator.objects.filter(policy=metrics).count() == 3


class JudgementTestCase:
    def test_the_page_judges_each_indicator_on_the_linear_trajectory(self, client, cast, metrics):
        M.do_create_indicators_from_metrics(cast.sam, metrics)
        html = page(client, cast.vera, metrics).content.decode()
        # 2023 on the line 6.6 -> 10 (2020 -> 2025) is 8.64; 8.4 is 0.24 short, within 10% of 3.4.
        assert 'data-judgement="at_risk"' in html
        assert "线性轨迹值 8.64%" in html and "落后 0.24%" in html
        assert 'data-judgement="no_baseline"' in html

    def test_a_wider_shortfall_is_off_track_and_a_met_target_achieved(self, client, cast, metrics):
        share, _, energy = M.do_create_indicators_from_metrics(cast.sam, metrics)
        M.do_record_actual(cast.sam, share, year=2024, value="8.9")  # line 2024: 9.32; short 0.42 > 0.34
        M.do_record_actual(cast.sam, energy, year=2024, value="0.44")
        response = page(client, cast.sam, metrics)
        judged = {r["indicator"].code: r["judgement"] for r in response.context["rows"]}
        assert judged["I1"].judgement == "off_track"
        assert judged["I3"].judgement == "achieved"
        summary = response.context["summary"]
        assert summary.total == 2
        assert (summary.binding["achieved"], summary.indicative["off_track"]) == (1, 1)
        assert 'id="plan-summary"' in response.content.decode()

    def test_the_indicator_page_draws_the_line_and_the_actuals(self, client, cast, metrics):
        share = M.do_create_indicators_from_metrics(cast.sam, metrics)[0]
        client.force_login(cast.andy)
        response = client.get(reverse("monitoring:indicator", args=[share.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        start = html.index('id="trajectory-data"')
        chart = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
        assert chart["line"][0] == [2020, 6.6] and chart["line"][-1] == [2025, 10.0]
        assert chart["line"][3] == [2023, 8.64]
        assert chart["actuals"] == [[2023, 8.4]]
        assert "echarts-5.6.0.min.js" in html


class EditingTestCase:
    def test_the_supervisor_enters_a_baseline_and_the_indicator_is_judged(self, client, cast, metrics):
        firms = M.do_create_indicators_from_metrics(cast.sam, metrics)[1]
        client.force_login(cast.sam)
        url = reverse("monitoring:indicator", args=[firms.pk])
        data = {
            "action": "edit",
            "version": firms.version,
            "name": firms.name,
            "measure_unit": "家",
            "baseline_value": "500",
            "baseline_year": "2020",
            "target_value": "800",
            "target_year": "2025",
            "comparator": ">",
            "direction": "up",
        }
        assert client.post(url, data).status_code == 302
        M.do_record_actual(cast.sam, Indicator.objects.get(pk=firms.pk), year=2023, value=700)
        assert client.get(url).context["judgement"].judgement == "on_track"
        stale = client.post(url, data)
        assert stale.status_code == 400 and "已被他人修改" in stale.content.decode()

    def test_a_baseline_without_its_year_is_refused(self, cast, metrics):
        from django.core.exceptions import ValidationError

        firms = M.do_create_indicators_from_metrics(cast.sam, metrics)[1]
        with pytest.raises(ValidationError) as error:
            M.do_update_indicator(cast.sam, firms, seen_version=firms.version, baseline_value="500")
        assert "baseline_year" in error.value.message_dict

    def test_unit_people_read_but_cannot_record_actuals(self, client, cast, metrics):
        share = M.do_create_indicators_from_metrics(cast.sam, metrics)[0]
        client.force_login(cast.andy)
        url = reverse("monitoring:indicator", args=[share.pk])
        assert client.post(url, {"action": "actual", "year": 2024, "value": 9}).status_code == 403
        assert not share.actuals.filter(year=2024).exists()


class ImportTestCase:
    def test_it_imports_valid_rows_with_history(self, cast, metrics):
        from taizhang.core.models import HistoryEntry

        M.do_create_indicators_from_metrics(cast.sam, metrics)
        saved = M.do_import_actuals(
            cast.sam,
            metrics,
            workbook(
                [
                    ["指标代码", "年份", "实际值", "备注"],
                    ["I1", 2024, 9.5, "统计局"],
                    ["I2", "2024年", "812", None],
                ]
            ),
        )
        assert [(a.indicator.code, a.year, a.value) for a in saved] == [
            ("I1", 2024, Decimal("9.5")),
            ("I2", 2024, Decimal("812")),
        ]
        assert HistoryEntry.objects.filter(action="record_actual").count() == 2

    def test_it_refuses_the_whole_file_naming_every_wrong_row(self, client, cast, metrics):
        M.do_create_indicators_from_metrics(cast.sam, metrics)
        data = workbook(
            [
                ["指标代码", "年份", "实际值"],
                ["I1", 2024, 9.5],
                ["I9", 2024, 1],
                ["I2", "明年", 1],
                ["I3", 2024, "约0.4"],
                ["I1", 2024, 9.6],
            ]
        )
        with pytest.raises(M.ImportRefused) as refused:
            M.do_import_actuals(cast.sam, metrics, data)
        rows = dict(refused.value.problems)
        assert sorted(rows) == [3, 4, 5, 6]
        assert "I9" in rows[3] and "年份" in rows[4] and "实际值" in rows[5] and "重复" in rows[6]
        assert not IndicatorActual.objects.filter(year=2024).exists()
        client.force_login(cast.sam)
        upload = io.BytesIO(data)
        upload.name = "actuals.xlsx"
        response = client.post(
            reverse("monitoring:policy_indicators", args=[metrics.pk]), {"action": "import", "file": upload}
        )
        assert response.status_code == 400 and "I9" in response.content.decode()

    def test_it_refuses_a_file_that_is_not_a_workbook_or_lacks_a_column(self, cast, metrics):
        with pytest.raises(M.ImportRefused, match="xlsx"):
            M.do_import_actuals(cast.sam, metrics, b"not a workbook")
        with pytest.raises(M.ImportRefused, match="实际值"):
            M.do_import_actuals(cast.sam, metrics, workbook([["指标代码", "年份"], ["I1", 2024]]))

    def test_only_steering_roles_import(self, cast, metrics):
        with pytest.raises(PermissionDenied):
            M.do_import_actuals(cast.vera, metrics, workbook([["指标代码", "年份", "实际值"]]))


class NameMatchingTestCase:
    def test_an_actual_whose_name_contains_the_targets_with_the_same_unit_is_its_baseline(self, cast, policy):
        Metric.objects.filter(policy=policy).delete()
        metric(policy, "actual", "全区新引进持牌金融机构", 6, 2023, unit="家")
        metric(policy, "actual", "引进持牌金融机构资产", 6e9, 2023, unit="元")  # another unit of measure
        metric(policy, "actual", "规模", 26e9, 2023, unit="元")
        metric(policy, "target", "引进持牌金融机构", 10, 2024, unit="家")
        metric(policy, "target", "基金规模", 30e9, 2024, unit="元")
        banks, funds = M.do_create_indicators_from_metrics(cast.sam, policy)
        assert (banks.baseline_value, banks.baseline_year) == (Decimal("6"), 2023)
        assert funds.baseline_value is None  # 规模 is too short a name to match inside another


class TrajectoryErrorsTestCase:
    """The trajectory's refusals (supervision.trajectory, pure) are said in the reader's language."""

    def test_a_trajectory_error_reaches_a_chinese_reader_in_chinese(self) -> None:
        from django.utils import translation

        from taizhang.supervision.trajectory import Indicator as Plain
        from taizhang.supervision.wording import say_error

        with pytest.raises(ValueError) as caught:
            Plain("GDP", "地区生产总值", Decimal(1), 2025, Decimal(2), 2020)
        assert str(caught.value) == "GDP: 目标年份 2020 早于基期年份 2025"  # logs and the command line
        with translation.override("zh-hans"):
            assert say_error(caught.value) == "GDP: 目标年份 2020 早于基期年份 2025"
        with translation.override("zh-hant"):
            assert say_error(caught.value) == "GDP: 目標年份 2020 早於基期年份 2025"
        with translation.override("en"):
            assert say_error(caught.value) == "GDP: The target year 2020 is before the base year 2025"

    def test_an_indicator_the_trajectory_refuses_is_refused_in_the_readers_language(self, policy) -> None:
        from django.core.exceptions import ValidationError
        from django.utils import translation

        indicator = Indicator(
            policy=policy,
            code="X1",
            name="研发投入强度",
            baseline_value=Decimal("2.1"),
            baseline_year=2020,
            target_value=Decimal("3"),
            target_year=2025,
            direction="sideways",
        )
        with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
            indicator.clean()
        assert caught.value.messages == ["X1: direction 必须是 up 或 down，而不是 'sideways'"]
        with translation.override("en"), pytest.raises(ValidationError) as caught:
            indicator.clean()
        assert caught.value.messages == ["X1: direction must be up or down, not 'sideways'"]
        # a whole-record error: the indicator page reads message_dict to place it beside its form
        assert caught.value.message_dict == {"__all__": ["X1: direction must be up or down, not 'sideways'"]}

    def test_bad_numbers_are_left_to_the_fields_checks(self, policy) -> None:
        indicator = Indicator(policy=policy, code="X2", name="研发投入", target_value="三", target_year=2025)
        indicator.clean()  # (full_clean's clean_fields says the value is no number)

"""Importing department exports: row-level checks, nothing stored of a refused file, sources kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from taizhang.core.models import HistoryEntry
from taizhang.enterprises.actions import do_import_registry
from taizhang.enterprises.builders import credit_code, to_csv, to_xlsx
from taizhang.enterprises.imports import parse_registry
from taizhang.enterprises.models import Enterprise, EnterpriseFact, RegistryImport
from taizhang.enterprises.registry import registry_frame

from .conftest import AS_OF, import_file

pytestmark = pytest.mark.django_db

A, B, C = credit_code(1), credit_code(2), credit_code(3)


def test_generated_codes_are_valid_credit_codes() -> None:
    from stdnum.cn import uscc

    assert all(uscc.is_valid(credit_code(i)) for i in range(0, 3000, 7))


class ParseTestCase:
    def test_a_title_row_units_in_headers_and_unknown_columns_are_handled(self) -> None:
        rows = [
            ["序号", "统一社会信用代码", "企业名称", "2024年营业收入（万元）", "联系人"],
            [1, A, "甲公司", "1,234.5", "张三"],
        ]
        parsed = parse_registry("统计局.xlsx", to_xlsx(rows, title="2024年规上企业名录"))
        assert parsed.ok, parsed.errors
        assert parsed.ignored == ["序号", "联系人"]
        fact = parsed.records[0].facts[0]
        assert (fact.attribute, fact.year, str(fact.number)) == ("revenue", 2024, "12345000.00")

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            (
                [A[:-1] + ("0" if A[-1] != "0" else "1"), "甲", "2024", "100"],
                "第 2 行「统一社会信用代码」列：统一社会信用代码「",
            ),
            (["12345", "甲", "2024", "100"], "应为 18 位"),
            ([A, "甲", "2024-05-01", "100"], "第 2 行「年度」列：「2024-05-01」是日期"),
            (
                [A, "甲", "2024", dt.date(2024, 5, 1)],
                "第 2 行「营业收入（万元）」列：「2024-05-01」是日期，不是金额",
            ),
            ([A, "甲", "2024", "12万"], "「12万」不是金额"),
            ([A, "甲", "2024", "-5"], "金额不能为负"),
            ([A, "甲", "", "100"], "按年度的数据需要年度"),
        ],
    )
    def test_a_bad_cell_is_reported_by_row_and_column(self, row: list[Any], message: str) -> None:
        parsed = parse_registry(
            "x.xlsx", to_xlsx([["统一社会信用代码", "企业名称", "年度", "营业收入（万元）"], row])
        )
        assert not parsed.ok
        assert message in str(parsed.errors[0]), [str(e) for e in parsed.errors]

    def test_a_duplicate_enterprise_names_both_rows(self) -> None:
        parsed = parse_registry(
            "x.csv", to_csv([["统一社会信用代码", "企业名称"], [A, "甲"], [B, "乙"], [A, "甲2"]])
        )
        assert str(parsed.errors[0]) == "第 4 行「统一社会信用代码」列：与第 2 行企业重复"

    def test_industry_codes_are_checked_against_their_section(self) -> None:
        parsed = parse_registry(
            "x.csv",
            to_csv(
                [
                    ["统一社会信用代码", "企业名称", "行业代码"],
                    [A, "甲", "I3911"],
                    [B, "乙", "C3911"],
                    [C, "丙", "6513"],
                ]
            ),
        )
        assert [str(e) for e in parsed.errors] == [
            "第 2 行「行业代码」列：「I3911」：门类 I（信息传输、软件和信息技术服务业）的大类应在 63-65 之间"
        ]
        facts = {(f.attribute, f.text or int(f.number)) for r in parsed.records for f in r.facts}
        assert ("industry_section", "I") in facts and ("industry_division", 65) in facts

    def test_certificate_dates_and_a_hong_kong_firm_without_its_number(self) -> None:
        rows = [
            ["统一社会信用代码", "企业名称", "证书编号", "认定日期", "有效期至"],
            [A, "甲", "GR1", "2024年11月20日", "2027/11/19"],
            [B, "乙", "GR2", 45000, ""],
        ]
        parsed = parse_registry("x.xlsx", to_xlsx(rows))
        assert [str(e) for e in parsed.errors] == [
            "第 3 行「认定日期」列：「45000」是数字，不是日期（应为 2024-03-01）"
        ]
        hk = parse_registry(
            "x.csv",
            to_csv(
                [
                    ["统一社会信用代码", "企业名称", "是否港资", "香港商业登记号码"],
                    [A, "甲", "是", ""],
                    [B, "乙", "是", "1234"],
                ]
            ),
        )
        assert [str(e) for e in hk.errors] == [
            "第 2 行「香港商业登记号码」列：港资企业需要填写香港商业登记号码",
            "第 3 行「香港商业登记号码」列：香港商业登记号码「1234」应为 8 位数字（可带 -000-01-24-3 后缀）",
        ]

    def test_a_file_that_is_not_a_table_is_refused_naming_it(self) -> None:
        assert "不是有效的 .xlsx" in str(parse_registry("x.xlsx", b"not a zip").errors[0])
        assert "只能导入" in str(parse_registry("x.pdf", b"%PDF").errors[0])
        assert "没有找到「统一社会信用代码」列" in str(
            parse_registry("x.csv", "名称\n甲\n".encode()).errors[0]
        )


class ApplyTestCase:
    def test_a_file_with_one_bad_row_stores_nothing(self, cast: Any, departments: dict[str, Any]) -> None:
        import_file(
            cast.sam,
            departments["区统计局"],
            "ok.csv",
            to_csv([["统一社会信用代码", "企业名称", "年度", "营业收入"], [A, "甲", 2024, 100]]),
        )
        before = (
            Enterprise.objects.count(),
            EnterpriseFact.objects.count(),
            RegistryImport.objects.count(),
            HistoryEntry.objects.count(),
        )
        parsed = parse_registry(
            "bad.csv",
            to_csv(
                [
                    ["统一社会信用代码", "企业名称", "年度", "营业收入"],
                    [B, "乙", 2024, 5],
                    [C, "丙", 2024, "x"],
                ]
            ),
        )
        with pytest.raises(ValidationError) as error:
            do_import_registry(cast.sam, parsed, source=departments["区统计局"], as_of=AS_OF)
        assert "第 3 行「营业收入」列" in error.value.message_dict["file"][0]
        assert (
            Enterprise.objects.count(),
            EnterpriseFact.objects.count(),
            RegistryImport.objects.count(),
            HistoryEntry.objects.count(),
        ) == before

    def test_an_unknown_enterprise_needs_a_name_and_nothing_is_written(
        self, cast: Any, departments: dict[str, Any]
    ) -> None:
        parsed = parse_registry(
            "tax.csv", to_csv([["统一社会信用代码", "年度", "纳税额（万元）"], [A, 2024, 3]])
        )
        with pytest.raises(ValidationError, match="第 2 行：企业 .* 尚未登记"):
            do_import_registry(cast.sam, parsed, source=departments["区税务局"], as_of=AS_OF)
        assert not Enterprise.objects.exists()

    def test_values_keep_their_source_and_date_and_a_newer_value_is_not_overwritten(
        self, cast: Any, departments: dict[str, Any]
    ) -> None:
        header = ["统一社会信用代码", "企业名称", "年度", "营业收入（万元）"]
        import_file(
            cast.sam,
            departments["区统计局"],
            "a.csv",
            to_csv([header, [A, "甲", 2024, 100]]),
            as_of=dt.date(2025, 3, 1),
        )
        older = import_file(
            cast.sam,
            departments["区税务局"],
            "b.csv",
            to_csv([header, [A, "甲", 2024, 90]]),
            as_of=dt.date(2025, 1, 1),
        )
        fact = EnterpriseFact.objects.get(attribute="revenue", year=2024)
        assert (fact.number, fact.source.name, fact.as_of) == (1000000, "区统计局", dt.date(2025, 3, 1))
        assert older.facts_kept == 1 and older.facts_written == 0

    def test_a_unit_imports_only_its_own_data_and_a_viewer_nothing(
        self, cast: Any, departments: dict[str, Any]
    ) -> None:
        parsed = parse_registry("a.csv", to_csv([["统一社会信用代码", "企业名称"], [A, "甲"]]))
        with pytest.raises(PermissionDenied):
            do_import_registry(cast.andy, parsed, source=departments["区统计局"], as_of=AS_OF)
        with pytest.raises(PermissionDenied):
            do_import_registry(cast.vera, parsed, source=departments["区统计局"], as_of=AS_OF)
        do_import_registry(cast.andy, parsed, source=cast.unit_a, as_of=AS_OF)
        assert Enterprise.objects.get().name == "甲"

    def test_a_date_in_the_future_is_refused(self, cast: Any, departments: dict[str, Any]) -> None:
        parsed = parse_registry("a.csv", to_csv([["统一社会信用代码", "企业名称"], [A, "甲"]]))
        with pytest.raises(ValidationError) as error:
            do_import_registry(cast.sam, parsed, source=cast.unit_a, as_of=dt.date(2999, 1, 1))
        assert "as_of" in error.value.message_dict


def test_the_generated_registry_reads_back_as_a_frame(registry: list[Any]) -> None:
    frame = registry_frame()
    assert frame.height == 60
    assert {"revenue@2024", "above_scale@2023", "industry_section", "credit_status", "hk_funded"} <= set(
        frame.columns
    )
    hk = sum(1 for e in registry if e.hk_funded)
    assert frame.get_column("hk_funded").sum() == hk
    assert HistoryEntry.objects.filter(action="import_registry").count() == 7


class CommandsTestCase:
    def test_import_registry_and_evaluate_benefits(
        self, cast: Any, departments: dict[str, Any], tmp_path: Any
    ) -> None:
        import io

        from django.core.management import CommandError, call_command

        from taizhang.enterprises.actions import do_create_benefit

        cast.alice.is_superuser = True
        cast.alice.save()
        path = tmp_path / "统计.csv"
        path.write_bytes(
            to_csv([["统一社会信用代码", "企业名称", "年度", "营业收入（万元）"], [A, "甲", 2024, 100]])
        )
        out = io.StringIO()
        call_command(
            "import_registry",
            str(path),
            "--source",
            "区统计局",
            "--as-of",
            "2025-03-31",
            stdout=out,
            verbosity=0,
        )
        assert "1 rows, 1 enterprises added, 1 values written" in out.getvalue()
        bad = tmp_path / "bad.csv"
        bad.write_bytes(to_csv([["统一社会信用代码", "企业名称"], ["123", "乙"]]))
        with pytest.raises(CommandError, match="refused, nothing was stored"):
            call_command(
                "import_registry",
                str(bad),
                "--source",
                "区统计局",
                "--as-of",
                "2025-03-31",
                stdout=io.StringIO(),
                stderr=io.StringIO(),
                verbosity=0,
            )
        do_create_benefit(
            cast.sam,
            code="b",
            name="b",
            unit=cast.unit_a,
            conditions="上年度营业收入 >= 50万元",
            formula="1万元",
        )
        out = io.StringIO()
        call_command("evaluate_benefits", "--as-of", "2025-06-30", stdout=out)
        assert (
            "1 enterprises, 1 benefits" in out.getvalue()
            and "b: eligible 1, possibly 0, not eligible 0" in out.getvalue()
        )
        with pytest.raises(CommandError, match="no such benefit x"):
            call_command("evaluate_benefits", "--benefit", "x", stdout=io.StringIO())

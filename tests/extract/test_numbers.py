"""Chinese and Arabic numerals, magnitudes, fractions and tenths."""

from __future__ import annotations

import pytest

from taizhang.extract.numbers import (
    NumberError,
    parse_chinese,
    parse_count,
    parse_fraction,
    parse_number,
    parse_tenths,
    scale,
)


class ChineseNumeralTestCase:
    @pytest.mark.parametrize(
        ("written", "value"),
        [
            ("三", 3),
            ("十", 10),
            ("十二", 12),
            ("二十五", 25),
            ("一百零三", 103),
            ("两千", 2000),
            ("三万二千", 32000),
            ("一亿五千万", 150_000_000),
            ("二〇二二", 2022),
        ],
    )
    def test_it_reads_chinese_numerals(self, written: str, value: int) -> None:
        assert parse_chinese(written) == value

    def test_it_refuses_a_numeral_with_a_classifier(self) -> None:
        with pytest.raises(NumberError, match="二十五个"):
            parse_chinese("二十五个")


class CountTestCase:
    """The number of a span of years, as ``docinfo`` reads "2021年起三年内" and ``deadlines`` "5年内"."""

    @pytest.mark.parametrize(("written", "value"), [("3", 3), ("12", 12), ("三", 3), ("两", 2), ("十", 10)])
    def test_it_reads_digits_and_chinese_numerals(self, written: str, value: int) -> None:
        assert parse_count(written) == value

    def test_it_refuses_what_is_no_count(self) -> None:
        with pytest.raises(NumberError):
            parse_count("年")


class NumberTestCase:
    def test_it_reads_thousands_separators_and_decimals(self) -> None:
        assert parse_number("1,945.16") == 1945.16

    def test_it_reads_thousands_grouped_by_spaces(self) -> None:
        assert (parse_number("4 800"), parse_number("67 000.5")) == (4800, 67000.5)

    def test_it_reads_chinese_numerals_too(self) -> None:
        assert parse_number("八") == 8

    @pytest.mark.parametrize("bad", ["", "1,94", "十二a", ".", "12 34", "2013 200"])
    def test_it_names_what_is_not_a_number(self, bad: str) -> None:
        with pytest.raises(NumberError, match="not a number"):
            parse_number(bad)


class ScaleTestCase:
    @pytest.mark.parametrize(
        ("value", "mark", "scaled"),
        [
            (28, "万", 280_000),
            (7.2, "亿", 720_000_000),
            (1.6, "万", 16_000),
            (1.02, "万亿", 1.02e12),
            (1250.6, "亿", 125_060_000_000),
            (3, None, 3),
        ],
    )
    def test_it_scales_by_the_magnitude_without_binary_noise(
        self, value: float, mark: str | None, scaled: float
    ) -> None:
        assert scale(value, mark) == scaled

    def test_it_refuses_an_unknown_magnitude(self) -> None:
        with pytest.raises(NumberError, match="magnitude"):
            scale(1, "兆")


class ShareTestCase:
    def test_a_third_is_33_33_per_cent(self) -> None:
        assert parse_fraction("三分之一") == 33.33

    def test_a_fraction_may_use_digits(self) -> None:
        assert parse_fraction("4分之3") == 75

    def test_a_zero_denominator_is_an_error(self) -> None:
        with pytest.raises(NumberError, match="zero"):
            parse_fraction("零分之一")

    def test_nine_tenths_is_90_per_cent(self) -> None:
        assert parse_tenths("九成") == 90

    def test_tenths_may_carry_a_half_step(self) -> None:
        assert parse_tenths("八成五") == 85
        assert parse_tenths("七成半") == 75  # (香港 and 台湾 write a half tenth so)

    def test_cheng_alone_is_not_tenths(self) -> None:
        with pytest.raises(NumberError):
            parse_tenths("成")

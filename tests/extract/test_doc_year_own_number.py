"""A document that prints no date takes its year from its own number (某府发〔2017〕52号 under the
title) before a year in its file name, which may name something else (中国制造2025)."""

from taizhang.extract.pipeline import extract

TEXT = """某市人民政府关于创建“中国制造2025”示范城市的实施意见

某府发〔2017〕52号

各区人民政府,市直各部门:

一、发展目标

到2020年,全市制造业结构持续优化。

——创新能力显著增强。规模以上制造业研发经费占主营业务收入比重达到2.5%、研发机构覆盖率达到65%"""


def test_own_number_dates_the_document_before_the_file_name():
    x = extract(TEXT.encode("utf-8"), name="made_in_china_2025_opinions.txt")
    assert x.info.year == 2017
    # The goal paragraph's year (2020, after the year of issue) dates the items under it.
    assert [(m.value, m.year, m.kind) for m in x.metrics] == [(2.5, 2020, "target"), (65.0, 2020, "target")]


def test_file_name_year_is_still_the_last_resort():
    text = "关于加强某项工作的通知\n\n各单位要加强领导。"
    assert extract(text.encode("utf-8"), name="notice_2019.txt").info.year == 2019

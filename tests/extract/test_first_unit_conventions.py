"""A document may declare once how its lists of 责任单位 are to be read: the first unit of each list
leads, the others co-operate ("第一责任单位为牵头单位,下同" in a bracket closing the first list, "排名第一
的为牵头单位,其他为配合单位" in the preamble, "列第一位的单位为牵头单位" in a closing 注). SCHEMA.md:
when a lead unit is named, the other listed units are co-units; the declaration names it.

The texts are written for these tests, not copied from any one document.
"""

from __future__ import annotations

import pytest

from taizhang.extract import extract_text
from taizhang.extract.units import FIRST_LEADS, declares_first_leads


def _roles(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(t.text, t.lead_units, t.co_units) for t in extract_text(text).tasks]


def test_a_declaration_nested_in_the_first_note_applies_to_it_and_to_the_notes_after_it() -> None:
    text = (
        "某市2031年优化营商环境重点任务分工方案\n\n一、提升政务服务效能\n"
        "（一）推行“一网通办”。全面推进政务服务事项网上办理。"
        "（责任单位：市政务服务中心、市大数据局、市司法局（第一责任单位为牵头单位，下同））\n"
        "（二）压减审批时限。企业开办时间压缩至1个工作日以内。（责任单位：市市场监管局、市公安局、市税务局）\n"
        "（三）优化不动产登记。推进不动产登记全流程网上办理。（责任单位：市自然资源局）\n"
    )
    got = _roles(text)
    assert [g[1:] for g in got] == [
        (("市政务服务中心",), ("市大数据局", "市司法局")),
        (("市市场监管局",), ("市公安局", "市税务局")),
        (("市自然资源局",), ()),
    ]
    assert not any("第一" in t for t, _, _ in got)


def test_a_declaration_in_the_preamble_applies_to_every_label_line() -> None:
    text = (
        "某县2031年乡村振兴重点工作任务清单\n\n"
        "为抓好各项工作落实，现将任务分解如下（排名第一的为牵头单位，其他为配合单位）。\n\n"
        "1.推进高标准农田建设。新建高标准农田2万亩。\n责任单位：县农业农村局、县财政局、各乡镇\n"
        "2.加强农村道路建设。改造农村公路50公里。\n责任单位：县交通运输局、县财政局\n"
    )
    assert [g[1:] for g in _roles(text)] == [
        (("县农业农村局",), ("县财政局", "各乡镇")),
        (("县交通运输局",), ("县财政局",)),
    ]


@pytest.mark.parametrize(
    "declaration",
    [
        "第一责任单位为牵头单位",
        "排名第一的为牵头单位",
        "列第一位的单位为牵头单位",
        "排在第一位的为牵头单位",
        "列第一位的责任单位为牵头单位",
        "排序第一的部门为牵头部门",
        "第一个单位为牵头单位",
        "排序第一的责任单位为该项牵头单位",
        "排在第一位的责任部门为该项工作的牵头部门",
    ],
)
def test_the_forms_of_the_declaration(declaration: str) -> None:
    assert declares_first_leads("注：" + declaration + "，其他为配合单位。")


@pytest.mark.parametrize("text", ["牵头单位排在第一位的是区财政局", "第一责任人为主要负责同志", "第一次会议"])
def test_words_that_declare_nothing(text: str) -> None:
    assert FIRST_LEADS.search(text) is None


def test_a_closing_declaration_naming_the_item_applies_to_every_list() -> None:
    # "各项举措中排序第一的责任单位为该项牵头单位" in the closing part: every list's first unit leads.
    text = (
        "某市促进经济恢复的若干措施\n\n"
        "1.加大财政支持力度。安排专项资金支持企业技术改造。（责任单位：市财政局、市工信局）\n"
        "2.强化金融服务。引导银行扩大信贷投放。（责任单位：市金融局、人行某市中心支行、市财政局）\n\n"
        "各项举措中排序第一的责任单位为该项牵头单位，负责组织有关责任单位抓好落实。\n"
    )
    assert [g[1:] for g in _roles(text)][:2] == [
        (("市财政局",), ("市工信局",)),
        (("市金融局",), ("人行某市中心支行", "市财政局")),
    ]

"""The attributes benefits are written on: the words of the condition language.

Each attribute has one code (the column name in the batch frame), the label an officer writes in a
condition (simplified Chinese, with a few aliases), its kind, whether it is held per year
(营业收入 of 2024) and the department that supplies it. Every stored value keeps the department it
came from and its as-of date (``EnterpriseFact``); the department named here is the one that
*should* supply it, so a missing value can say where to get it:
"可能符合，缺少：上年度研发投入（来源：区科技创新局）".

Absence: a figure that was never supplied is unknown (the benefit is then "possibly eligible").
The two certificate lists, 高新技术企业 and 专精特新, are lists: an enterprise missing from the
department's list is not on it (not certified), as the departments publish them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Kind",
    "Attribute",
    "ATTRIBUTES",
    "BY_CODE",
    "BY_WORD",
    "TIERS",
    "TIER_WORDS",
    "CREDIT",
    "CREDIT_WORDS",
    "SECTIONS",
    "column_name",
    "lookup",
]


class Kind(StrEnum):
    """What a value is; decides which operators and literals a condition may use with it."""

    MONEY = "money"  # 元; literals 万元, 亿元
    COUNT = "count"  # people
    YEAR = "year"  # a calendar year, compared with 上年度, 2024...
    NUMBER = "number"  # a plain number (行业大类 13)
    BOOL = "bool"  # 是 / 否
    TIER = "tier"  # 专精特新 tier, ordered: 无 < 创新型 < 市级 < 省级 < 国家级
    CREDIT = "credit"  # 良好 / 关注 / 失信
    SECTION = "section"  # 国民经济行业分类 门类 letter A-T

    @property
    def numeric(self) -> bool:
        return self in (Kind.MONEY, Kind.COUNT, Kind.YEAR, Kind.NUMBER)


@dataclass(frozen=True)
class Attribute:
    """One attribute of an enterprise that conditions and formulas may name."""

    code: str
    label: str  # simplified Chinese, as written in conditions and shown in explanations
    label_en: str
    kind: Kind
    source: str  # the department that supplies it (数据来源)
    yearly: bool = False
    listed: bool = False  # a list attribute: absent means "not on the list"
    aliases: tuple[str, ...] = field(default=())
    dated: bool = False  # held with validity dates (a certificate); effective on the evaluation date
    help: str = ""


# 专精特新 tiers, ordered (a condition may say 专精特新等级 >= 省级).
TIERS: dict[int, tuple[str, str]] = {
    0: ("无", "none"),
    1: ("创新型中小企业", "innovative SME"),
    2: ("市级专精特新", "municipal SRDI"),
    3: ("省级专精特新", "provincial SRDI"),
    4: ("国家级专精特新“小巨人”", "national SRDI little giant"),
}
TIER_WORDS: dict[str, int] = {
    "无": 0,
    "创新型": 1,
    "创新型中小企业": 1,
    "市级": 2,
    "省级": 3,
    "国家级": 4,
    "小巨人": 4,
}
CREDIT: dict[int, tuple[str, str]] = {0: ("良好", "good"), 1: ("关注", "watch"), 2: ("失信", "dishonest")}
CREDIT_WORDS: dict[str, int] = {"良好": 0, "关注": 1, "失信": 2, "严重失信": 2}

# 国民经济行业分类 (GB/T 4754-2017): each 门类 letter and the range of its 大类 (two-digit divisions).
SECTIONS: dict[str, tuple[int, int, str]] = {
    "A": (1, 5, "农、林、牧、渔业"),
    "B": (6, 12, "采矿业"),
    "C": (13, 43, "制造业"),
    "D": (44, 46, "电力、热力、燃气及水生产和供应业"),
    "E": (47, 50, "建筑业"),
    "F": (51, 52, "批发和零售业"),
    "G": (53, 60, "交通运输、仓储和邮政业"),
    "H": (61, 62, "住宿和餐饮业"),
    "I": (63, 65, "信息传输、软件和信息技术服务业"),
    "J": (66, 69, "金融业"),
    "K": (70, 70, "房地产业"),
    "L": (71, 72, "租赁和商务服务业"),
    "M": (73, 75, "科学研究和技术服务业"),
    "N": (76, 79, "水利、环境和公共设施管理业"),
    "O": (80, 82, "居民服务、修理和其他服务业"),
    "P": (83, 83, "教育"),
    "Q": (84, 85, "卫生和社会工作"),
    "R": (86, 90, "文化、体育和娱乐业"),
    "S": (91, 96, "公共管理、社会保障和社会组织"),
    "T": (97, 97, "国际组织"),
}

ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        "registered_in_district",
        "注册在本区",
        "registered in the district",
        Kind.BOOL,
        "区市场监督管理局",
        aliases=("本区注册",),
    ),
    Attribute(
        "operating_in_district",
        "在本区经营",
        "operating in the district",
        Kind.BOOL,
        "区统计局",
        aliases=("本区经营",),
    ),
    Attribute("hk_funded", "港资企业", "Hong Kong-funded", Kind.BOOL, "区商务局", aliases=("港企",)),
    Attribute("credit_status", "信用状态", "credit status", Kind.CREDIT, "区发展改革局"),
    Attribute("industry_section", "行业门类", "industry section", Kind.SECTION, "区统计局"),
    Attribute("industry_division", "行业大类", "industry division", Kind.NUMBER, "区统计局"),
    Attribute(
        "high_tech",
        "高新技术企业",
        "high-tech enterprise",
        Kind.BOOL,
        "区科技创新局",
        listed=True,
        dated=True,
        aliases=("国家高新技术企业", "高企"),
        help="证书在评估日有效",
    ),
    Attribute(
        "high_tech_first_year",
        "高新技术企业首次认定年度",
        "year first certified high-tech",
        Kind.YEAR,
        "区科技创新局",
        aliases=("高企首次认定年度",),
    ),
    Attribute(
        "srdi_tier",
        "专精特新等级",
        "SRDI tier",
        Kind.TIER,
        "区工业和信息化局",
        listed=True,
        dated=True,
        help="在评估日有效的最高等级",
    ),
    Attribute("srdi_year", "专精特新认定年度", "year of SRDI listing", Kind.YEAR, "区工业和信息化局"),
    Attribute(
        "above_scale",
        "规上企业",
        "above designated size",
        Kind.BOOL,
        "区统计局",
        yearly=True,
        aliases=("规模以上企业", "规上"),
    ),
    Attribute(
        "revenue",
        "营业收入",
        "revenue",
        Kind.MONEY,
        "区统计局",
        yearly=True,
        aliases=("主营业务收入", "产值"),
    ),
    Attribute(
        "rd_spending",
        "研发投入",
        "R&D spending",
        Kind.MONEY,
        "区科技创新局",
        yearly=True,
        aliases=("研发费用",),
    ),
    Attribute(
        "employees", "从业人数", "employees", Kind.COUNT, "区人力资源局", yearly=True, aliases=("员工人数",)
    ),
    Attribute("tax_paid", "纳税额", "tax paid", Kind.MONEY, "区税务局", yearly=True, aliases=("纳税总额",)),
)

BY_CODE: dict[str, Attribute] = {a.code: a for a in ATTRIBUTES}
BY_WORD: dict[str, Attribute] = {}
for _a in ATTRIBUTES:
    for _w in (_a.code, _a.label, *_a.aliases):
        BY_WORD[_w] = _a


def lookup(word: str) -> Attribute | None:
    """The attribute named ``word`` (its code, label or an alias), or None."""
    return BY_WORD.get(word)


def column_name(code: str, year: int | None = None) -> str:
    """The frame column holding ``code`` (of ``year`` for yearly attributes): ``revenue@2024``."""
    return f"{code}@{year}" if year is not None else code


def effective(valid_from: dt.date | None, valid_until: dt.date | None, on: dt.date) -> bool:
    """Whether a certificate with these validity dates is in force on ``on`` (open ends allowed)."""
    return (valid_from is None or valid_from <= on) and (valid_until is None or on <= valid_until)

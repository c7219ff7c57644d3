"""A generated registry of realistic enterprises, as the departments would export it; and the
demo's benefit catalogue. Shared by the tests, the demo and the bench.

The enterprises have valid 统一社会信用代码 (the embedded 组织机构代码 with its GB 11714 check
character, and the GB 32100 check character), names in the form districts register, 国民经济
行业分类 codes weighted as a central commercial district's (trade, jewellery, finance, software,
business services; a little manufacturing), revenue drawn from a log-normal by size, the 规上
status that follows from it, R&D, tax and employees by year, 8% Hong Kong-funded firms with
business registration numbers, and the two certificate lists.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "credit_code",
    "GeneratedEnterprise",
    "generate_enterprises",
    "department_exports",
    "to_csv",
    "to_xlsx",
    "CATALOGUE_PATH",
    "load_catalogue",
    "YEARS",
    "years_before",
]

CATALOGUE_PATH = Path(__file__).resolve().parent / "data" / "benefits.json"
YEARS = (2022, 2023, 2024)
_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _org_check(body: str) -> str:
    """The GB 11714 check character of an 8-character 组织机构代码 body."""
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    check = 11 - sum(v * w for v, w in zip(values, _ORG_WEIGHTS, strict=True)) % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def credit_code(serial: int, region: str = "440303") -> str:
    """A valid 统一社会信用代码 for an enterprise (91) registered in ``region`` (罗湖区 440303)."""
    body = f"{serial:08d}"[-8:]
    if serial % 3 == 0:  # newer codes carry letters (MA5F…) in the organisation part
        body = "MA5" + f"{serial:05d}"[-5:]
    partial = "91" + region + body + _org_check(body)
    total = sum(_ALPHABET.index(c) * w for c, w in zip(partial, _USCC_WEIGHTS, strict=True))
    return partial + _ALPHABET[(31 - total) % 31]


# 门类, share, divisions, name words
_INDUSTRIES = [
    ("F", 0.24, [51, 52], ["商贸", "珠宝", "贸易", "供应链", "百货"]),
    ("L", 0.14, [72], ["商务咨询", "企业管理", "会展服务", "投资咨询"]),
    ("I", 0.12, [64, 65], ["网络科技", "信息技术", "软件", "数据科技"]),
    ("M", 0.08, [73, 74, 75], ["检测技术", "设计研究", "生物科技", "工程技术"]),
    ("J", 0.07, [66, 67, 69], ["金融服务", "融资租赁", "资本管理"]),
    ("K", 0.05, [70], ["房地产开发", "物业管理"]),
    ("C", 0.09, [24, 27, 39, 33], ["珠宝首饰", "医药", "电子", "精密制造"]),
    ("H", 0.06, [61, 62], ["酒店管理", "餐饮管理"]),
    ("G", 0.05, [54, 58, 59], ["物流", "运输", "仓储"]),
    ("Q", 0.03, [84], ["医疗", "健康管理"]),
    ("R", 0.03, [86, 87], ["文化传媒", "影视"]),
    ("D", 0.02, [44, 45], ["能源", "燃气"]),
    ("N", 0.02, [77], ["环保科技", "环境工程"]),
]
_TRADE_NAMES = (
    "鹏程 华润 金光 东晓 翠竹 笋岗 清水河 莲塘 黄贝 桂园 南湖 东门 湖贝 泰宁 银湖 布心 宝安 国贸 "
    "润丰 嘉信 恒通 新城 华发 金辉 瑞丰 鸿图 宏远 星河 永安 富源 利丰 德信 金鹰 万象 信达 长城 "
    "粤海 深南 港汇 鹏瑞 盈科 汇丰 金域 卓越 海岸 深业 天安 中航"
).split()
# Revenue above which an enterprise is 规上 (元 a year): industry 20 million, trade 20/5 million,
# services 10 million (the statistics bureau's thresholds, simplified).
_SCALE = {"C": 2e7, "D": 2e7, "B": 2e7, "F": 2e7, "H": 1e7, "K": 1e7, "J": 1e7}


@dataclass
class GeneratedEnterprise:
    """One generated enterprise with everything the departments would export about it."""

    code: str
    name: str
    industry: str  # C3911
    registered: bool
    operating: bool
    hk_funded: bool
    hk_br_number: str
    credit: str
    revenue: dict[int, float] = field(default_factory=dict)
    rd: dict[int, float] = field(default_factory=dict)
    employees: dict[int, int] = field(default_factory=dict)
    tax: dict[int, float] = field(default_factory=dict)
    above_scale: dict[int, bool] = field(default_factory=dict)
    high_tech: tuple[str, dt.date, dt.date, int] | None = None
    srdi: tuple[str, dt.date, dt.date] | None = None


def _pick_industry(rng: random.Random) -> tuple[str, int, list[str]]:
    roll = rng.random() * sum(s for _, s, _, _ in _INDUSTRIES)
    for section, share, divisions, words in _INDUSTRIES:
        roll -= share
        if roll <= 0:
            return section, rng.choice(divisions), words
    section, _, divisions, words = _INDUSTRIES[0]
    return section, divisions[0], words


def years_before(year: int) -> tuple[int, int, int]:
    """The three years of figures a registry holds in ``year``: the three before it."""
    return (year - 3, year - 2, year - 1)


def generate_enterprises(
    n: int, seed: int = 2024, years: tuple[int, ...] = YEARS
) -> list[GeneratedEnterprise]:
    """``n`` enterprises with figures for ``years``, the same for the same seed."""
    rng = random.Random(seed)
    last = years[-1]
    out = []
    names: set[str] = set()
    for i in range(n):
        section, division, words = _pick_industry(rng)
        trade = rng.choice(_TRADE_NAMES) + rng.choice(["", "", "达", "盛", "泰", "源", "辉", "创"])
        name = f"深圳市{trade}{rng.choice(words)}有限公司"
        if name in names:
            name = name.replace("有限公司", f"{i % 97 + 1}号有限公司" if i % 2 else "股份有限公司")
        if name in names:
            name = f"深圳市{trade}{rng.choice(words)}{i}有限公司"
        names.add(name)
        hk = rng.random() < 0.08
        size = rng.lognormvariate(math.log(8e6), 1.6)
        growth = rng.gauss(0.08, 0.25)
        e = GeneratedEnterprise(
            code=credit_code(10_000_000 + i * 7919),
            name=name,
            industry=f"{section}{division:02d}{rng.randint(1, 9)}{rng.randint(0, 9)}",
            registered=rng.random() < 0.95,
            operating=rng.random() < 0.93,
            hk_funded=hk,
            hk_br_number=f"{rng.randint(10_000_000, 79_999_999)}" if hk else "",
            credit=rng.choices(["良好", "关注", "失信"], [0.94, 0.05, 0.01])[0],
        )
        if hk:
            e.name = name.replace("有限公司", "（深圳）有限公司") if rng.random() < 0.5 else name
        revenue = size
        for year in years:
            revenue = max(0.0, revenue * (1 + growth + rng.gauss(0, 0.1)))
            if rng.random() < 0.03 and year == years[-2]:
                revenue *= 3.0  # a jump: some firms cross a threshold
            e.revenue[year] = round(revenue, -2)
            e.above_scale[year] = revenue >= _SCALE.get(section, 1e7)
            e.employees[year] = max(1, int(revenue / rng.uniform(4e5, 1.2e6)))
            e.tax[year] = round(revenue * rng.uniform(0.01, 0.06), -2)
            if section in ("C", "I", "M") or rng.random() < 0.1:
                e.rd[year] = round(revenue * rng.uniform(0.01, 0.09), -2)
        if section in ("C", "I", "M") and rng.random() < 0.3:
            first = rng.choice([last - 6, last - 3, last - 2, last - 1, last])
            renewed = first + 3 * ((last - first) // 3)  # certificates run three years and are renewed
            issued = dt.date(renewed, rng.randint(10, 12), rng.randint(1, 28))
            e.high_tech = (
                f"GR{issued.year}44{rng.randint(200000, 209999)}",
                issued,
                issued.replace(year=issued.year + 3) - dt.timedelta(days=1),
                first,
            )
        if rng.random() < 0.06 or (section in ("C", "I") and rng.random() < 0.15):
            tier = rng.choices(["创新型", "市级", "省级", "国家级"], [0.4, 0.3, 0.2, 0.1])[0]
            listed = dt.date(
                rng.choice([last - 2, last - 1, last, last]), rng.randint(1, 12), rng.randint(1, 28)
            )
            e.srdi = (tier, listed, listed.replace(year=listed.year + 3) - dt.timedelta(days=1))
        out.append(e)
    return out


def department_exports(
    enterprises: list[GeneratedEnterprise], *, rd_missing_share: float = 0.2, seed: int = 7
) -> Iterator[tuple[str, str, list[list[Any]]]]:
    """The files each department would export: (department, file name, rows with a header row).

    The 科技创新局's R&D collection for the last year is not complete (``rd_missing_share``
    of the firms have not filed): those firms are "possibly eligible" for R&D benefits.
    """
    rng = random.Random(seed)
    years = sorted(enterprises[0].revenue) if enterprises else list(YEARS)
    last = years[-1]
    yield (
        "区市场监督管理局",
        "市场主体登记信息.csv",
        [["统一社会信用代码", "企业名称", "行业代码", "是否注册在本区", "是否港资企业", "香港商业登记号码"]]
        + [
            [
                e.code,
                e.name,
                e.industry,
                "是" if e.registered else "否",
                "是" if e.hk_funded else "否",
                e.hk_br_number,
            ]
            for e in enterprises
        ],
    )
    rows: list[list[Any]] = [
        ["统一社会信用代码", "企业名称", "年度", "营业收入（万元）", "从业人数", "是否规上", "在本区经营"]
    ]
    for e in enterprises:
        for year in years:
            rows.append(
                [
                    e.code,
                    e.name,
                    year,
                    round(e.revenue[year] / 1e4, 2),
                    e.employees[year],
                    "是" if e.above_scale[year] else "否",
                    "是" if e.operating else "否",
                ]
            )
    yield "区统计局", f"统计名录库（{years[0]}-{years[-1]}）.xlsx", rows
    rows = [["统一社会信用代码", "企业名称", "年度", "研发投入（万元）"]]
    for e in enterprises:
        for year, value in e.rd.items():
            if year == last and rng.random() < rd_missing_share:
                continue
            rows.append([e.code, e.name, year, round(value / 1e4, 2)])
    yield "区科技创新局", "企业研发投入.csv", rows
    rows = [["序号", "统一社会信用代码", "企业名称", "证书编号", "认定日期", "有效期至", "首次认定年度"]]
    for n, e in enumerate((e for e in enterprises if e.high_tech), start=1):
        number, issued, until, first = e.high_tech  # type: ignore[misc]
        rows.append([n, e.code, e.name, number, issued, until, first])
    yield "区科技创新局", "高新技术企业名单.xlsx", rows
    rows = [["统一社会信用代码", "企业名称", "专精特新等级", "认定日期", "有效期至"]]
    for e in enterprises:
        if e.srdi:
            tier, listed, until = e.srdi
            rows.append([e.code, e.name, tier, listed.isoformat(), until.isoformat()])
    yield "区工业和信息化局", "专精特新企业名单.csv", rows
    rows = [["统一社会信用代码", "年度", "纳税额（万元）"]]
    for e in enterprises:
        for year in years:
            rows.append([e.code, year, round(e.tax[year] / 1e4, 2)])
    yield "区税务局", "纳税情况.csv", rows
    rows = [["统一社会信用代码", "企业名称", "信用状态"]] + [[e.code, e.name, e.credit] for e in enterprises]
    yield "区发展改革局", "公共信用信息.csv", rows


def to_csv(rows: list[list[Any]]) -> bytes:
    """Rows as a UTF-8 CSV file (with a byte-order mark, as Excel writes it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[list[Any]], title: str = "") -> bytes:
    """Rows as a .xlsx workbook; with ``title`` a title row above the header, as exports have."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    if title:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def load_catalogue() -> list[dict[str, Any]]:
    """The demo's benefits (data/benefits.json): real clauses with their rules and examples."""
    return list(json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))["benefits"])

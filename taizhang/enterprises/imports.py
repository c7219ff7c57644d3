"""Reading a department's export (.xlsx, .csv, .json) of enterprise data, row by row, with checks.

Departments export different columns: the 市场监管局 its registrations, the 统计局 its
规上 list and revenue, the 科技创新局 its 高新技术企业 list and R&D spending, the 工信局 its
专精特新 list, the 税务局 the tax paid. The importer reads the header row (found among the first
ten rows, below any title), recognises the columns it knows by name (``COLUMN_WORDS``; a unit in the
header such as （万元） scales the values; a year in it, 2024年营业收入, gives the year; otherwise
a 年度 column does), and ignores the others, saying so.

Every cell is checked; an error names the row as the spreadsheet numbers it and the column by its
header. :func:`parse_registry` writes nothing: a file with any error is refused whole by the
action that applies it (``actions.do_import_registry``). Reading is one pass over the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from .attributes import BY_CODE, CREDIT_WORDS, SECTIONS, TIER_WORDS, Kind
from .models import validate_credit_code, validate_hk_br_number

__all__ = [
    "RowError",
    "FactValue",
    "EnterpriseRecord",
    "ParsedRegistry",
    "parse_registry",
    "read_rows",
    "COLUMN_WORDS",
    "parse_industry_code",
]

MAX_ERRORS = 200
HEADER_SEARCH_ROWS = 10

# Header words -> what the column holds. Keys are compared after removing blanks and the unit.
COLUMN_WORDS: dict[str, str] = {
    "统一社会信用代码": "credit_code",
    "社会信用代码": "credit_code",
    "信用代码": "credit_code",
    "企业名称": "name",
    "单位名称": "name",
    "名称": "name",
    "香港商业登记号码": "hk_br_number",
    "商业登记号码": "hk_br_number",
    "商业登记证号码": "hk_br_number",
    "br号码": "hk_br_number",
    "年度": "year",
    "统计年度": "year",
    "所属年度": "year",
    "注册在本区": "registered_in_district",
    "是否注册在本区": "registered_in_district",
    "在本区经营": "operating_in_district",
    "是否在本区经营": "operating_in_district",
    "港资企业": "hk_funded",
    "是否港资企业": "hk_funded",
    "是否港资": "hk_funded",
    "信用状态": "credit_status",
    "行业代码": "industry_code",
    "国民经济行业代码": "industry_code",
    "行业分类代码": "industry_code",
    "高新技术企业证书编号": "high_tech",
    "证书编号": "high_tech",
    "高企证书编号": "high_tech",
    "认定日期": "cert_from",
    "发证日期": "cert_from",
    "有效期起": "cert_from",
    "有效期至": "cert_until",
    "有效期截止": "cert_until",
    "有效期止": "cert_until",
    "高新技术企业首次认定年度": "high_tech_first_year",
    "首次认定年度": "high_tech_first_year",
    "专精特新等级": "srdi_tier",
    "等级": "srdi_tier",
    "专精特新认定年度": "srdi_year",
    "是否规上": "above_scale",
    "规上企业": "above_scale",
    "规模以上": "above_scale",
    "是否规模以上": "above_scale",
    "营业收入": "revenue",
    "主营业务收入": "revenue",
    "研发投入": "rd_spending",
    "研发费用": "rd_spending",
    "研发经费支出": "rd_spending",
    "从业人数": "employees",
    "从业人员": "employees",
    "员工人数": "employees",
    "参保人数": "employees",
    "纳税额": "tax_paid",
    "纳税总额": "tax_paid",
    "税收": "tax_paid",
}
UNIT_SCALE = {"亿元": Decimal(100_000_000), "万元": Decimal(10_000), "元": Decimal(1), "人": Decimal(1)}
# The unit and year a header may carry: "2024年营业收入（万元）", "营业收入(元)".
# matches: "2024年营业收入（万元）", "营业收入(万元)", "2023营业收入"; must not match: "营业收入万元"
HEADER_RE = re.compile(
    r"^(?:(?P<year>(?:19|20)\d\d)年?度?)?(?P<word>[^()]+?)(?:\((?P<unit>亿元|万元|元|人)\))?$"
)
# A date written as text: 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301.
# matches: "2024-03-01", "2024年3月1日", "20240301"; must not match: "2024-13"
DATE_RE = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$")
TRUE_WORDS = {"是", "y", "yes", "true", "1", "√", "规上", "有"}
FALSE_WORDS = {"否", "n", "no", "false", "0", "×", "规下", "无"}


@dataclass(frozen=True)
class RowError:
    """A bad cell or row: the spreadsheet's row number, the column's header, the reason."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = gettext("Row %(row)s") % {"row": self.row} if self.row else gettext("Header")
        return (
            gettext("%(where)s, column “%(column)s”: %(message)s")
            % {"where": where, "column": self.column, "message": self.message}
            if self.column
            else gettext("%(where)s: %(message)s") % {"where": where, "message": self.message}
        )


@dataclass(frozen=True)
class FactValue:
    attribute: str
    year: int
    number: Decimal | None = None
    text: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


@dataclass
class EnterpriseRecord:
    row: int
    credit_code: str
    name: str = ""
    hk_br_number: str = ""
    facts: list[FactValue] = field(default_factory=list)
    year: int | None = None  # the row's 年度, when the file has one


@dataclass
class ParsedRegistry:
    """What a file holds, checked: the records, the errors, what its columns were read as."""

    file_name: str
    sha256: str
    rows: int = 0
    records: list[EnterpriseRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header, meaning)
    ignored: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, row: int, column: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(row, column, message))
        else:
            self.truncated = True


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    target: str
    scale: Decimal = Decimal(1)
    year: int | None = None


# ----------------------------------------------------------------------------------- reading


def read_rows(name: str, data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a .xlsx, .csv or .json file as (spreadsheet row number, cells)."""
    lower = name.lower()
    if lower.endswith(".xlsx"):
        yield from _xlsx_rows(data)
    elif lower.endswith(".csv"):
        yield from _csv_rows(data)
    elif lower.endswith(".json"):
        yield from _json_rows(data)
    else:
        raise ValidationError(
            {"file": gettext("%(name)s: only .xlsx, .csv or .json files can be imported") % {"name": name}}
        )


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(
            {"file": gettext("Not a valid .xlsx file (%(kind)s)") % {"kind": type(exc).__name__}}
        ) from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        book.close()


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(
            {"file": gettext("The CSV file's encoding is not recognised (it should be UTF-8 or GB18030)")}
        )
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        yield number, list(row)


def _json_rows(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError({"file": gettext("Not valid JSON (%(error)s)") % {"error": exc}}) from None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ValidationError(
            {"file": gettext("The JSON file should be an array of objects, one object per enterprise")}
        )
    headers: dict[str, None] = {}
    for item in items:
        headers.update(dict.fromkeys(item))
    names = list(headers)
    yield 1, names
    for number, item in enumerate(items, start=2):
        yield number, [item.get(h) for h in names]


# ----------------------------------------------------------------------------------- headers


def _clean_header(text: Any) -> str:
    value = unicodedata.normalize("NFKC", str(text or "")).strip()
    value = re.sub(r"\s+", "", value)
    return value


def _recognise(header: str) -> tuple[str | None, Decimal, int | None]:
    cleaned = _clean_header(header)
    m = HEADER_RE.match(cleaned)
    if m is None:
        return None, Decimal(1), None
    word = m.group("word").lower()
    target = COLUMN_WORDS.get(word)
    year = int(m.group("year")) if m.group("year") else None
    unit = m.group("unit")
    return target, UNIT_SCALE[unit] if unit else Decimal(1), year


def _header_row(rows: Iterator[tuple[int, list[Any]]]) -> tuple[int, list[Any]] | None:
    for number, cells in rows:
        if any(_recognise(c)[0] == "credit_code" for c in cells if c not in (None, "")):
            return number, cells
        if number >= HEADER_SEARCH_ROWS:
            return None
    return None


# ----------------------------------------------------------------------------------- cells


class _CellError(Exception):
    pass


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number(value: Any, what: str) -> Decimal:
    if isinstance(value, bool):
        raise _CellError(gettext("“%(value)s” is not %(what)s") % {"value": value, "what": what})
    if isinstance(value, dt.date | dt.datetime):
        raise _CellError(
            gettext("“%(value)s” is a date, not %(what)s")
            % {"value": format(value, "%Y-%m-%d"), "what": what}
        )
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = _text(value).replace(",", "").replace("，", "")
    if DATE_RE.match(text) and not text.isdigit():
        raise _CellError(gettext("“%(value)s” is a date, not %(what)s") % {"value": text, "what": what})
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _CellError(gettext("“%(value)s” is not %(what)s") % {"value": text, "what": what}) from None
    if not number.is_finite():
        raise _CellError(gettext("“%(value)s” is not %(what)s") % {"value": text, "what": what})
    return number


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise _CellError(
            gettext("“%(value)s” is a number, not a date (it should be like 2024-03-01)")
            % {"value": _text(value)}
        )
    text = _text(value)
    m = DATE_RE.match(text)
    if m is None:
        raise _CellError(
            gettext("“%(value)s” is not a date (it should be like 2024-03-01)") % {"value": text}
        )
    year = int(m.group(1))
    month = int(m.group(2) or m.group(4))
    day = int(m.group(3) or m.group(5))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _CellError(gettext("“%(value)s” is not a valid date") % {"value": text}) from None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise _CellError(gettext("“%(value)s” should be 是 (yes) or 否 (no)") % {"value": _text(value)})


def _year(value: Any) -> int:
    if isinstance(value, dt.date | dt.datetime):
        raise _CellError(
            gettext("“%(value)s” is a date; a year should be 4 digits, like 2024")
            % {"value": format(value, "%Y-%m-%d")}
        )
    text = _text(value).removesuffix("年度").removesuffix("年")
    if DATE_RE.match(_text(value)) and len(_text(value)) > 4:
        raise _CellError(
            gettext("“%(value)s” is a date; a year should be 4 digits, like 2024") % {"value": _text(value)}
        )
    if not re.fullmatch(r"(19|20)\d\d", text):
        raise _CellError(
            gettext("“%(value)s” is not a year (it should be 4 digits, like 2024)") % {"value": _text(value)}
        )
    return int(text)


def _tier(value: Any) -> int:
    text = _text(value)
    if text in TIER_WORDS:
        return TIER_WORDS[text]
    for word, tier in (("国家", 4), ("小巨人", 4), ("省", 3), ("市", 2), ("创新型", 1)):
        if word in text:
            return tier
    raise _CellError(
        gettext("“%(value)s” is not an SRDI level (国家级, 省级, 市级, 创新型)") % {"value": text}
    )


def _credit(value: Any) -> int:
    text = _text(value)
    if text in CREDIT_WORDS:
        return CREDIT_WORDS[text]
    for word, status in (
        ("失信", 2),
        ("黑名单", 2),
        ("异常", 1),
        ("关注", 1),
        ("守信", 0),
        ("良好", 0),
        ("正常", 0),
    ):
        if word in text:
            return status
    raise _CellError(gettext("“%(value)s” is not a credit status (良好, 关注, 失信)") % {"value": text})


def parse_industry_code(value: Any) -> tuple[str, int]:
    """A 国民经济行业分类 code (C3911, I65, 3911) as its 门类 letter and 大类 number."""
    text = _text(value).upper().replace(" ", "")
    m = re.fullmatch(r"([A-T])?(\d{2})(\d{1,2})?", text)
    if m is None:
        raise _CellError(
            gettext("“%(value)s” is not an industry code of the national classification (like C3911, I65)")
            % {"value": text}
        )
    division = int(m.group(2))
    section = next((s for s, (lo, hi, _) in SECTIONS.items() if lo <= division <= hi), None)
    if section is None:
        raise _CellError(
            gettext("“%(value)s”: division %(division)s does not exist")
            % {"value": text, "division": format(division, "02d")}
        )
    if m.group(1) and m.group(1) != section:
        lo, hi, label = SECTIONS[m.group(1)]
        raise _CellError(
            gettext("“%(value)s”: the divisions of section %(section)s (%(label)s) are %(lo)s-%(hi)s")
            % {
                "value": text,
                "section": m.group(1),
                "label": label,
                "lo": format(lo, "02d"),
                "hi": format(hi, "02d"),
            }
        )
    return section, division


# ----------------------------------------------------------------------------------- the file


def parse_registry(
    name: str, data: bytes, *, progress: Callable[[int], None] | None = None
) -> ParsedRegistry:
    """Read and check every row of a department's export; nothing is written."""
    parsed = ParsedRegistry(file_name=name, sha256=hashlib.sha256(data).hexdigest())
    try:
        rows = read_rows(name, data)
        found = _header_row(rows)
    except ValidationError as exc:
        parsed.error(0, "", "; ".join(exc.messages))
        return parsed
    if found is None:
        parsed.error(
            0,
            "",
            gettext("No “统一社会信用代码” column was found in the first %(rows)s rows")
            % {"rows": HEADER_SEARCH_ROWS},
        )
        return parsed
    _, header = found
    columns: list[_Column] = []
    targets: dict[str, str] = {}
    for index, cell in enumerate(header):
        if _is_blank(cell):
            continue
        target, scale, year = _recognise(cell)
        head = str(cell).strip()
        if target is None:
            parsed.ignored.append(head)
            continue
        key = f"{target}@{year}" if year else target
        if key in targets:
            parsed.error(0, head, gettext("Repeats the column “%(column)s”") % {"column": targets[key]})
            continue
        targets[key] = head
        columns.append(_Column(index, head, target, scale, year))
        parsed.columns.append((head, _meaning(target, year)))
    present = {c.target for c in columns}
    certificate = _certificate_of(present, parsed)
    seen: dict[tuple[str, int | None], int] = {}
    by_code: dict[str, EnterpriseRecord] = {}
    count = 0
    try:
        for number, cells in rows:
            if all(_is_blank(c) for c in cells):
                continue
            count += 1
            record = _record(number, cells, columns, certificate, parsed)
            if record is not None:
                key = (record.credit_code, record.year)
                first = seen.get(key)
                if first is not None:
                    if record.year:
                        same = gettext("The same enterprise and year as row %(first)s (%(year)s)") % {
                            "first": first,
                            "year": record.year,
                        }
                    else:
                        same = gettext("The same enterprise as row %(first)s") % {"first": first}
                    parsed.error(number, targets["credit_code"], same)
                    continue
                seen[key] = number
                earlier = by_code.get(record.credit_code)
                if earlier is None:
                    by_code[record.credit_code] = record
                    parsed.records.append(record)
                else:  # the same enterprise in another year's row: a repeated value, the later row's
                    merged = {(f.attribute, f.year): f for f in (*earlier.facts, *record.facts)}
                    earlier.facts = list(merged.values())
                    earlier.name = earlier.name or record.name
                    earlier.hk_br_number = earlier.hk_br_number or record.hk_br_number
            if progress is not None and count % 1000 == 0:
                progress(count)
    except ValidationError as exc:
        parsed.error(0, "", "; ".join(exc.messages))
    parsed.rows = count
    if progress is not None:
        progress(count)
    if count == 0 and not parsed.errors:
        parsed.error(0, "", gettext("The file has no data rows"))
    return parsed


def _meaning(target: str, year: int | None) -> str:
    attribute = BY_CODE.get(target)
    label = {
        "credit_code": "统一社会信用代码",
        "name": "企业名称",
        "hk_br_number": "香港商业登记号码",
        "year": "年度",
        "industry_code": "行业门类与大类",
        "cert_from": "证书认定日期",
        "cert_until": "证书有效期至",
    }.get(target, attribute.label if attribute else target)
    return f"{year}年{label}" if year else label


def _certificate_of(present: set[str], parsed: ParsedRegistry) -> str | None:
    """Which certificate the generic date columns (认定日期, 有效期至) belong to."""
    certificates = [c for c in ("high_tech", "srdi_tier") if c in present]
    if len(certificates) > 1 and present & {"cert_from", "cert_until"}:
        parsed.error(
            0,
            "认定日期",
            gettext(
                "The file has both high-tech certificates and SRDI levels, so the date column is ambiguous; please split it into two files"
            ),
        )
        return None
    if not certificates and present & {"cert_from", "cert_until"}:
        parsed.error(
            0, "认定日期", gettext("There are recognition dates but no “证书编号” or “专精特新等级” column")
        )
        return None
    return certificates[0] if certificates else None


def _record(
    number: int, cells: list[Any], columns: list[_Column], certificate: str | None, parsed: ParsedRegistry
) -> EnterpriseRecord | None:
    values = {
        c.target if not c.year else f"{c.target}@{c.year}": (
            c,
            cells[c.index] if c.index < len(cells) else None,
        )
        for c in columns
    }
    bad = False

    def cell(target: str) -> tuple[_Column | None, Any]:
        return values.get(target, (None, None))

    code_column, code_value = cell("credit_code")
    assert code_column is not None
    if _is_blank(code_value):
        parsed.error(number, code_column.header, gettext("The unified social credit code is missing"))
        return None
    try:
        code = validate_credit_code(_text(code_value))
    except ValidationError as exc:
        parsed.error(number, code_column.header, exc.messages[0])
        return None
    record = EnterpriseRecord(number, code)
    name_column, name_value = cell("name")
    if name_column is not None and not _is_blank(name_value):
        record.name = _text(name_value)[:200]
    br_column, br_value = cell("hk_br_number")
    if br_column is not None and not _is_blank(br_value):
        try:
            record.hk_br_number = validate_hk_br_number(_text(br_value))
        except ValidationError as exc:
            parsed.error(number, br_column.header, exc.messages[0])
            bad = True
    row_year: int | None = None
    year_bad = False
    year_column, year_value = cell("year")
    if year_column is not None and not _is_blank(year_value):
        try:
            row_year = _year(year_value)
        except _CellError as exc:
            parsed.error(number, year_column.header, str(exc))
            bad = year_bad = True
    cert_from = cert_until = None
    cert_bad = False
    for target in ("cert_from", "cert_until"):
        column, value = cell(target)
        if column is not None and not _is_blank(value):
            try:
                parsed_date = _date(value)
            except _CellError as exc:
                parsed.error(number, column.header, str(exc))
                bad = cert_bad = True
                continue
            if target == "cert_from":
                cert_from = parsed_date
            else:
                cert_until = parsed_date
    if cert_from and cert_until and cert_until < cert_from:
        parsed.error(number, "有效期至", gettext("The end of validity is before the recognition date"))
        bad = True
    for column, value in values.values():
        target = column.target
        if target in ("credit_code", "name", "hk_br_number", "year", "cert_from", "cert_until") or _is_blank(
            value
        ):
            continue
        attribute = BY_CODE.get(target)
        if year_bad and attribute is not None and attribute.yearly and not column.year:
            continue  # the year cell is wrong: said once, not again for every yearly column
        if cert_bad and target in ("high_tech", "srdi_tier"):
            continue
        try:
            record.facts.extend(_facts(target, column, value, row_year, certificate, cert_from, cert_until))
        except _CellError as exc:
            parsed.error(number, column.header, str(exc))
            bad = True
    hk = next((f for f in record.facts if f.attribute == "hk_funded"), None)
    if hk is not None and hk.number and br_column is not None and not record.hk_br_number and not bad:
        parsed.error(
            number,
            br_column.header,
            gettext("A Hong Kong-funded enterprise needs its Hong Kong business registration number"),
        )
        bad = True
    record.year = row_year
    return None if bad else record


def _facts(
    target: str,
    column: _Column,
    value: Any,
    row_year: int | None,
    certificate: str | None,
    cert_from: dt.date | None,
    cert_until: dt.date | None,
) -> list[FactValue]:
    if target == "industry_code":
        section, division = parse_industry_code(value)
        return [
            FactValue("industry_section", 0, text=section),
            FactValue("industry_division", 0, number=Decimal(division)),
        ]
    attribute = BY_CODE[target]
    year = 0
    if attribute.yearly:
        year = column.year or row_year or 0
        if not year:
            raise _CellError(
                gettext(
                    "Yearly data needs its year: add a “年度” column, or write it in the column's name, like 2024年营业收入"
                )
            )
    if target == "high_tech":
        if cert_from is None:
            raise _CellError(
                gettext(
                    "A high-tech enterprise certificate needs its recognition date (the “认定日期” column)"
                )
            )
        return [
            FactValue(
                "high_tech",
                0,
                number=Decimal(1),
                text=_text(value)[:60],
                valid_from=cert_from,
                valid_until=cert_until,
            )
        ]
    if target == "srdi_tier":
        tier = _tier(value)
        if cert_from is None and tier:
            raise _CellError(gettext("An SRDI level needs its recognition date (the “认定日期” column)"))
        facts = [
            FactValue("srdi_tier", 0, number=Decimal(tier), valid_from=cert_from, valid_until=cert_until)
        ]
        if cert_from is not None:
            facts.append(FactValue("srdi_year", 0, number=Decimal(cert_from.year)))
        return facts
    kind = attribute.kind
    if kind == Kind.BOOL:
        return [FactValue(target, year, number=Decimal(int(_bool(value))))]
    if kind == Kind.CREDIT:
        return [FactValue(target, year, number=Decimal(_credit(value)))]
    if kind == Kind.YEAR:
        return [FactValue(target, year, number=Decimal(_year(value)))]
    what = {Kind.MONEY: gettext("an amount"), Kind.COUNT: gettext("a head count")}.get(
        kind, gettext("a number")
    )
    number = _number(value, what) * column.scale
    if number < 0:
        raise _CellError(
            gettext("“%(value)s”: %(what)s cannot be negative") % {"value": _text(value), "what": what}
        )
    if kind == Kind.COUNT and number != number.to_integral_value():
        raise _CellError(
            gettext("“%(value)s”: a head count should be a whole number") % {"value": _text(value)}
        )
    return [FactValue(target, year, number=number.quantize(Decimal("0.01")))]

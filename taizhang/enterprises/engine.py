"""Evaluating benefits: column-wise over a whole registry (Polars), and one enterprise at a time.

Two evaluators of the same language (``language.py``), kept in agreement by the tests
(tests/enterprises/test_engine.py checks them against each other on generated data):

- :func:`evaluate` compiles every distinct condition of every benefit to one Polars expression
  and computes them over the frame in one lazy query: each condition's outcome is a nullable
  boolean column (true / false / unknown), each benefit's status is the three-valued AND of its
  conditions. Nothing is rendered here: 50 benefits over a million enterprises are bitmaps.
- :func:`explain` evaluates one enterprise's row in Python and renders, per condition, the value
  of each input with its data source and as-of date, the threshold and the verdict, in simplified
  or traditional Chinese or English. It runs when a page or a list needs the text, lazily.

Why Polars (and not DuckDB): the rules are trees built in Python and become Polars expressions
directly (no SQL text to generate and quote); its boolean columns follow Kleene logic, which is
exactly eligible / not eligible / possibly eligible; it runs in the process on Arrow arrays with
no server, extension download or copy; and a lazy query shares the sub-expressions the benefits
have in common. DuckDB would do the same work through SQL strings and a result copy.

The frame: one row per enterprise, an ``id`` column, one column per attribute
(``attributes.column_name``: ``revenue@2024`` for yearly ones) and, for the two certificate lists,
``high_tech_from``/``high_tech_until`` and ``srdi_tier_raw``/``srdi_from``/``srdi_until``; the
effective ``high_tech`` and ``srdi_tier`` on the evaluation date are derived by :func:`prepare`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .attributes import BY_CODE, CREDIT, SECTIONS, TIERS, Attribute, Kind, column_name
from .language import (
    YEAR_NAMES,
    And,
    Arith,
    Attr,
    Call,
    Cmp,
    Condition,
    In,
    Lit,
    Neg,
    Node,
    Not,
    Num,
    Or,
    YearLit,
    attributes_of,
    literal_text,
    parse_conditions,
    parse_formula,
    to_text,
)

__all__ = [
    "Rule",
    "Outcome",
    "BatchResult",
    "ConditionResult",
    "Explanation",
    "Source",
    "SCHEMA_DTYPES",
    "dtype_of",
    "frame_from_records",
    "prepare",
    "prepare_row",
    "evaluate",
    "evaluate_row",
    "amounts",
    "explain",
    "eval_node",
    "format_value",
    "format_money",
    "rule_columns",
    "traditional",
]

LANGUAGES = ("zh-hans", "zh-hant", "en")


class Outcome:
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    POSSIBLY = "possibly"


@dataclass(frozen=True)
class Rule:
    """A benefit's rules as the engine sees them: a code, its conditions and its amount formula."""

    code: str
    conditions: tuple[Condition, ...]
    formula: Node | None = None
    name: str = ""

    @classmethod
    def parse(cls, code: str, conditions: str, formula: str = "", name: str = "") -> Rule:
        """Read the officer's text (RuleError naming the line when it cannot be read)."""
        return cls(
            code,
            tuple(parse_conditions(conditions)),
            parse_formula(formula) if formula.strip() else None,
            name,
        )

    def attributes(self) -> list[Attr]:
        """Every attribute reference of the conditions and the formula."""
        seen: dict[str, Attr] = {}
        nodes = [c.node for c in self.conditions] + ([self.formula] if self.formula is not None else [])
        for node in nodes:
            for attr in attributes_of(node):
                seen.setdefault(to_text(attr), attr)
        return list(seen.values())


# ----------------------------------------------------------------------------------- the frame

CERTIFICATE_COLUMNS = {
    "high_tech_from": "date",
    "high_tech_until": "date",
    "srdi_tier_raw": "tier",
    "srdi_from": "date",
    "srdi_until": "date",
}


def _polars() -> Any:
    import polars as pl

    return pl


def dtype_of(column: str) -> Any:
    """The Polars type of a frame column (``revenue@2024`` -> Float64)."""
    pl = _polars()
    if column == "id":
        return pl.Int64
    if column in CERTIFICATE_COLUMNS:
        return pl.Date if CERTIFICATE_COLUMNS[column] == "date" else pl.UInt8
    code = column.split("@", 1)[0]
    attribute = BY_CODE.get(code)
    if attribute is None:
        raise KeyError(column)
    kind = attribute.kind
    if kind == Kind.BOOL:
        return pl.Boolean
    if kind in (Kind.TIER, Kind.CREDIT):
        return pl.UInt8
    if kind == Kind.SECTION:
        return pl.Enum(list(SECTIONS))
    if kind in (Kind.YEAR, Kind.NUMBER):
        return pl.Int32
    return pl.Float64


SCHEMA_DTYPES = dtype_of


def frame_from_records(records: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None) -> Any:
    """A frame from rows of ``{column: value}`` (one pass, linear in the number of rows)."""
    pl = _polars()
    rows = list(records)
    names: dict[str, None] = {"id": None}
    for name in columns or ():
        names[name] = None
    if columns is None:
        for row in rows:
            for name in row:
                names.setdefault(name, None)
    data = {name: [row.get(name) for row in rows] for name in names}
    if not rows or data["id"][0] is None:
        data["id"] = list(range(1, len(rows) + 1))
    return pl.DataFrame(
        {name: pl.Series(name, values, dtype=dtype_of(name), strict=False) for name, values in data.items()}
    )


def _certificate_exprs(schema: Mapping[str, Any], as_of: dt.date) -> list[Any]:
    pl = _polars()

    def in_force(prefix: str) -> Any:
        start, end = f"{prefix}_from", f"{prefix}_until"
        if start not in schema:
            return pl.lit(False)
        until = pl.col(end).is_null() | (pl.col(end) >= as_of) if end in schema else pl.lit(True)
        return (pl.col(start).is_not_null() & (pl.col(start) <= as_of) & until).fill_null(False)

    tier = (
        pl.when(in_force("srdi")).then(pl.col("srdi_tier_raw").fill_null(0)).otherwise(0)
        if "srdi_tier_raw" in schema
        else pl.lit(0)
    )
    return [in_force("high_tech").alias("high_tech"), tier.cast(pl.UInt8).alias("srdi_tier")]


def prepare(frame: Any, as_of: dt.date) -> Any:
    """``frame`` with the certificates in force on ``as_of``: ``high_tech`` and ``srdi_tier``."""
    return frame.with_columns(_certificate_exprs(frame.schema, as_of))


def prepare_row(row: Mapping[str, Any], as_of: dt.date) -> dict[str, Any]:
    """The same as :func:`prepare`, for one row (a dict)."""

    def in_force(prefix: str) -> bool:
        start, end = row.get(f"{prefix}_from"), row.get(f"{prefix}_until")
        return start is not None and start <= as_of and (end is None or end >= as_of)

    out = dict(row)
    out["high_tech"] = in_force("high_tech")
    out["srdi_tier"] = int(row.get("srdi_tier_raw") or 0) if in_force("srdi") else 0
    return out


def _year(node: Attr | YearLit, year: int) -> int:
    return year + node.offset if node.offset is not None else int(node.absolute or 0)


def _column(node: Attr, year: int) -> str:
    attribute = BY_CODE[node.code]
    return column_name(node.code, _year(node, year) if attribute.yearly else None)


# ----------------------------------------------------------------------------------- Polars


def _compile(node: Node, year: int, schema: Mapping[str, Any]) -> Any:
    pl = _polars()
    c = lambda n: _compile(n, year, schema)  # noqa: E731
    if isinstance(node, Num):
        return pl.lit(float(node.value), dtype=pl.Float64)
    if isinstance(node, Lit):
        return pl.lit(node.value)
    if isinstance(node, YearLit):
        return pl.lit(_year(node, year), dtype=pl.Int32)
    if isinstance(node, Attr):
        name = _column(node, year)
        return pl.col(name) if name in schema else pl.lit(None, dtype=dtype_of(name))
    if isinstance(node, Neg):
        return -c(node.x)
    if isinstance(node, Arith):
        a, b = c(node.a), c(node.b)
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        return pl.when(b != 0).then(a / b)
    if isinstance(node, Cmp):
        a, b = _typed(node.a, node.b, year, schema), _typed(node.b, node.a, year, schema)
        return {
            "=": lambda: a == b,
            "!=": lambda: a != b,
            ">": lambda: a > b,
            ">=": lambda: a >= b,
            "<": lambda: a < b,
            "<=": lambda: a <= b,
        }[node.op]()
    if isinstance(node, In):
        values = [_literal_value(item, year) for item in node.items]
        x = c(node.x)
        if isinstance(node.x, Attr) and isinstance(schema.get(_column(node.x, year)), pl.Enum):
            # a 门类 held as an Enum: compared by its category index, not as text
            categories = list(schema[_column(node.x, year)].categories)
            indices = [categories.index(v) for v in values if v in categories]
            test = x.to_physical().is_in(pl.lit(pl.Series(indices, dtype=pl.UInt32)).implode())
        elif all(isinstance(v, str) for v in values):
            test = x.cast(pl.String).is_in(pl.lit(pl.Series(values, dtype=pl.String)).implode())
        elif all(isinstance(v, bool) for v in values):
            test = x.is_in(pl.lit(pl.Series(values, dtype=pl.Boolean)).implode())
        else:
            test = x.cast(pl.Float64).is_in(
                pl.lit(pl.Series([float(v) for v in values], dtype=pl.Float64)).implode()
            )
        return ~test if node.negated else test
    if isinstance(node, And):
        return pl.all_horizontal([c(i) for i in node.items])
    if isinstance(node, Or):
        return pl.any_horizontal([c(i) for i in node.items])
    if isinstance(node, Not):
        return ~c(node.x)
    if isinstance(node, Call):
        args = [c(a) for a in node.args]
        if node.fn == "abs":
            return args[0].abs()
        if node.fn == "if":
            return pl.when(args[0]).then(args[1]).when(~args[0]).then(args[2])
        unknown = pl.any_horizontal([a.is_null() for a in args])
        pick = pl.min_horizontal(args) if node.fn == "min" else pl.max_horizontal(args)
        return pl.when(~unknown).then(pick)
    raise AssertionError(node)


def _typed(node: Node, other: Node, year: int, schema: Mapping[str, Any]) -> Any:
    """``node`` compiled; a whole number compared with an integer column is an integer literal
    of that column's type (no cast of the column to floats)."""
    pl = _polars()
    if isinstance(node, Num) and float(node.value).is_integer() and isinstance(other, Attr):
        dtype = schema.get(_column(other, year))
        if dtype is not None and dtype.is_integer():
            return pl.lit(int(node.value), dtype=dtype)
    return _compile(node, year, schema)


def _literal_value(node: Node, year: int) -> Any:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Lit):
        return node.value
    if isinstance(node, YearLit):
        return _year(node, year)
    if isinstance(node, Neg):
        return -_literal_value(node.x, year)
    raise ValueError("集合里只能写取值")


@dataclass
class BatchResult:
    """The outcome of :func:`evaluate`: per condition and per benefit, a nullable boolean column.

    ``outcomes`` has ``id``, one column per distinct condition (``c0``, ``c1``…) and one per
    benefit code (true eligible / false not eligible / null possibly eligible).
    """

    frame: Any  # the inputs, as given (certificates not yet resolved to the evaluation date)
    outcomes: Any
    rules: dict[str, Rule]
    condition_columns: dict[str, list[str]]  # benefit code -> its conditions' columns
    as_of: dt.date

    def status(self, code: str) -> Any:
        return self.outcomes.get_column(code)

    def counts(self, code: str) -> dict[str, int]:
        """How many enterprises are eligible, not eligible and possibly eligible for ``code``."""
        column = self.status(code)
        yes = int(column.sum())
        unknown = int(column.null_count())
        return {
            Outcome.ELIGIBLE: yes,
            Outcome.NOT_ELIGIBLE: len(column) - yes - unknown,
            Outcome.POSSIBLY: unknown,
        }

    def condition_counts(self, code: str) -> list[tuple[Condition, int, int, int]]:
        """Per condition of ``code``: (condition, met, not met, unknown): where enterprises fall out."""
        out = []
        for condition, name in zip(self.rules[code].conditions, self.condition_columns[code], strict=True):
            column = self.outcomes.get_column(name)
            yes, unknown = int(column.sum()), int(column.null_count())
            out.append((condition, yes, len(column) - yes - unknown, unknown))
        return out

    def ids(self, code: str, outcome: str) -> list[int]:
        """The ids of the enterprises with ``outcome`` for ``code``."""
        pl = _polars()
        column = pl.col(code)
        test = {Outcome.ELIGIBLE: column, Outcome.NOT_ELIGIBLE: ~column, Outcome.POSSIBLY: column.is_null()}[
            outcome
        ]
        return self.outcomes.filter(test.fill_null(outcome == Outcome.POSSIBLY)).get_column("id").to_list()

    def row(self, index: int) -> dict[str, Any]:
        """The inputs of the enterprise at ``index``, certificates resolved on the evaluation date."""
        return prepare_row(self.frame.row(index, named=True), self.as_of)

    def explain(
        self, index: int, code: str, *, lang: str = "zh-hans", sources: Source | None = None
    ) -> Explanation:
        """The explanation of ``code`` for the enterprise at ``index``, rendered now."""
        return explain(
            self.rules[code], self.row(index), self.as_of, lang=lang, sources=sources, prepared=True
        )


def evaluate(
    frame: Any, rules: Sequence[Rule], as_of: dt.date, *, keep_conditions: bool = True
) -> BatchResult:
    """Every rule over every row of ``frame``, as of ``as_of`` (上年度 is ``as_of.year - 1``).

    Conditions written alike in several benefits are computed once. With ``keep_conditions``
    the per-condition columns are kept (explanations and the per-condition counts need them).
    """
    pl = _polars()
    schema = dict(frame.schema)
    schema.update({"high_tech": pl.Boolean, "srdi_tier": pl.UInt8})
    year = as_of.year
    atoms: dict[str, tuple[str, Any]] = {}
    columns: dict[str, list[str]] = {}
    for rule in rules:
        names = []
        for condition in rule.conditions:
            key = to_text(condition.node)
            if key not in atoms:
                atoms[key] = (f"c{len(atoms)}", _compile(condition.node, year, schema))
            names.append(atoms[key][0])
        columns[rule.code] = names
    query = (
        frame.lazy()
        .with_columns(_certificate_exprs(frame.schema, as_of))
        .select(pl.col("id"), *[expr.alias(name) for name, expr in atoms.values()])
        .with_columns(pl.all_horizontal(columns[rule.code]).alias(rule.code) for rule in rules)
    )
    if not keep_conditions:
        query = query.select("id", *[rule.code for rule in rules])
    outcomes = query.collect()
    return BatchResult(frame, outcomes, {rule.code: rule for rule in rules}, columns, as_of)


def amounts(result: BatchResult, code: str, ids: Sequence[int] | None = None) -> dict[int, float | None]:
    """The amount of ``code`` for the eligible enterprises (or for ``ids``), id -> 元 (None if unknown)."""
    pl = _polars()
    rule = result.rules[code]
    if ids is None:
        ids = result.ids(code, Outcome.ELIGIBLE)
    rows = prepare(result.frame.filter(pl.col("id").is_in(list(ids))), result.as_of)
    if rule.formula is None:
        return {i: None for i in rows.get_column("id").to_list()}
    expr = _compile(rule.formula, result.as_of.year, rows.schema).cast(pl.Float64)
    values = rows.select(pl.col("id"), expr.alias("amount"))
    return {i: (None if v is None or math.isnan(v) else round(v, 2)) for i, v in values.iter_rows()}


# ----------------------------------------------------------------------------------- Python


def eval_node(node: Node, row: Mapping[str, Any], year: int) -> Any:
    """The value of ``node`` for one prepared row; None is unknown (three-valued, as in Polars)."""
    e = lambda n: eval_node(n, row, year)  # noqa: E731
    if isinstance(node, Num):
        return float(node.value)
    if isinstance(node, Lit):
        return node.value
    if isinstance(node, YearLit):
        return _year(node, year)
    if isinstance(node, Attr):
        value = row.get(_column(node, year))
        return (
            float(value)
            if isinstance(value, int) and BY_CODE[node.code].kind in (Kind.MONEY, Kind.COUNT)
            else value
        )
    if isinstance(node, Neg):
        x = e(node.x)
        return None if x is None else -x
    if isinstance(node, Arith):
        a, b = e(node.a), e(node.b)
        if a is None or b is None:
            return None
        if node.op == "+":
            return a + b
        if node.op == "-":
            return a - b
        if node.op == "*":
            return a * b
        return None if b == 0 else a / b
    if isinstance(node, Cmp):
        a, b = e(node.a), e(node.b)
        if a is None or b is None:
            return None
        return {
            "=": a == b,
            "!=": a != b,
            ">": a > b,
            ">=": a >= b,
            "<": a < b,
            "<=": a <= b,
        }[node.op]
    if isinstance(node, In):
        x = e(node.x)
        if x is None:
            return None
        found = x in [_literal_value(i, year) for i in node.items]
        return not found if node.negated else found
    if isinstance(node, And):
        values = [e(i) for i in node.items]
        if any(v is False for v in values):
            return False
        return None if any(v is None for v in values) else True
    if isinstance(node, Or):
        values = [e(i) for i in node.items]
        if any(v is True for v in values):
            return True
        return None if any(v is None for v in values) else False
    if isinstance(node, Not):
        x = e(node.x)
        return None if x is None else not x
    if isinstance(node, Call):
        if node.fn == "if":
            test = e(node.args[0])
            return None if test is None else e(node.args[1] if test else node.args[2])
        args = [e(a) for a in node.args]
        if any(a is None for a in args):
            return None
        if node.fn == "abs":
            return abs(args[0])
        return min(args) if node.fn == "min" else max(args)
    raise AssertionError(node)


def evaluate_row(
    rule: Rule, row: Mapping[str, Any], as_of: dt.date, *, prepared: bool = False
) -> tuple[str, list[Any]]:
    """The outcome of ``rule`` for one row, and each condition's value."""
    if not prepared:
        row = prepare_row(row, as_of)
    values = [eval_node(c.node, row, as_of.year) for c in rule.conditions]
    if any(v is False for v in values):
        return Outcome.NOT_ELIGIBLE, values
    if any(v is None for v in values):
        return Outcome.POSSIBLY, values
    return Outcome.ELIGIBLE, values


# ----------------------------------------------------------------------------------- explanations

# Where a value came from: column -> (department, as-of date), or None when nothing is known.
Source = Callable[[str], "tuple[str, dt.date | None] | None"]


@dataclass(frozen=True)
class ConditionResult:
    """One condition of an explanation: its verdict, the sentence, the inputs it lacks."""

    condition: Condition
    value: bool | None
    text: str
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """Why an enterprise is or is not eligible for a benefit, and how much it would get."""

    code: str
    outcome: str
    amount: float | None
    conditions: tuple[ConditionResult, ...]
    summary: str
    missing: tuple[str, ...] = field(default=())
    amount_text: str = ""


_WORDS = {
    "zh-hans": {
        True: "符合",
        False: "不符合",
        None: "缺少数据",
        "source": "（来源：{source}{as_of}）",
        "as_of": "，截至{date}",
        "missing": "缺少数据",
        "eligible": "符合",
        "not_eligible": "不符合：{failed}",
        "possibly": "可能符合，缺少：{missing}",
        "amount": "金额 {amount}",
        "sep": "；",
        "list": "、",
        "year": "{year}年",
        "yes": "是",
        "no": "否",
        "colon": "：",
        "people": "人",
        "wan": "万元",
        "yuan": "元",
    },
    "en": {
        True: "met",
        False: "not met",
        None: "no data",
        "source": " (source: {source}{as_of})",
        "as_of": ", as of {date}",
        "missing": "no data",
        "eligible": "Eligible",
        "not_eligible": "Not eligible: {failed}",
        "possibly": "Possibly eligible, missing: {missing}",
        "amount": "amount {amount}",
        "sep": "; ",
        "list": ", ",
        "year": "{year}",
        "yes": "yes",
        "no": "no",
        "colon": ": ",
        "people": " people",
        "wan": "0k yuan",
        "yuan": " yuan",
    },
}
_OPS = {"=": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}
_YEAR_EN = {0: "this year's", -1: "last year's", -2: "the year before's", -3: "three years ago"}


@lru_cache(maxsize=1)
def _to_traditional() -> Any:
    import opencc

    return opencc.OpenCC("s2hk")


def traditional(text: str) -> str:
    """Simplified to traditional script (Hong Kong forms), as the interface catalogues are made."""
    return str(_to_traditional().convert(text)) if text else text


def format_money(value: float, lang: str = "zh-hans") -> str:
    """元 as 万元 with at most two decimals: 1234.5万元 (en: 12.345 million yuan)."""
    if lang == "en":
        return f"{value / 1e6:,.4g} million yuan" if abs(value) >= 1e6 else f"{value:,.0f} yuan"
    wan = value / 1e4
    text = f"{wan:,.2f}".rstrip("0").rstrip(".")
    return f"{text}万元"


def format_value(
    value: Any, attribute: Attribute | None, lang: str = "zh-hans", kind: Kind | None = None
) -> str:
    """A value as a sentence shows it (20万元, 是, 省级专精特新, C（制造业）, 2024年, 35人)."""
    words = _WORDS["en" if lang == "en" else "zh-hans"]
    kind = attribute.kind if attribute is not None else kind
    if value is None:
        return str(words["missing"])
    if kind == Kind.BOOL:
        return str(words["yes"] if value else words["no"])
    if kind == Kind.TIER:
        return TIERS[int(value)][1 if lang == "en" else 0]
    if kind == Kind.CREDIT:
        return CREDIT[int(value)][1 if lang == "en" else 0]
    if kind == Kind.SECTION:
        return f"{value}（{SECTIONS[str(value)][2]}）" if lang != "en" else str(value)
    if kind == Kind.YEAR:
        return str(words["year"]).format(year=int(value))
    if kind == Kind.MONEY:
        return format_money(float(value), lang)
    if kind == Kind.COUNT:
        return f"{float(value):,.0f}{words['people']}"
    if isinstance(value, float):
        if abs(value) < 10 and not value.is_integer():
            return f"{value * 100:.2f}%"
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _attr_label(node: Attr, lang: str) -> str:
    attribute = BY_CODE[node.code]
    if lang == "en":
        label = attribute.label_en
        if node.offset is not None:
            return f"{_YEAR_EN.get(node.offset, str(node.offset))} {label}"
        return f"{label} ({node.absolute})" if node.absolute is not None else label
    if node.offset is not None:
        return YEAR_NAMES.get(node.offset, "") + attribute.label
    return f"{attribute.label}（{node.absolute}年）" if node.absolute is not None else attribute.label


def _missing_text(node: Attr, year: int, lang: str, sources: Source | None) -> str:
    attribute = BY_CODE[node.code]
    label = _attr_label(node, lang)
    known = sources(_column(node, year)) if sources is not None else None
    department = known[0] if known else attribute.source
    return f"{label} (source: {department})" if lang == "en" else f"{label}（来源：{department}）"


class _Renderer:
    def __init__(self, row: Mapping[str, Any], year: int, lang: str, sources: Source | None) -> None:
        self.row = row
        self.year = year
        self.lang = "en" if lang == "en" else "zh-hans"
        self.words = _WORDS[self.lang]
        self.sources = sources

    def value(self, node: Node) -> Any:
        return eval_node(node, self.row, self.year)

    def kind(self, node: Node) -> Kind | None:
        if isinstance(node, Attr):
            return BY_CODE[node.code].kind
        if isinstance(node, Lit):
            return node.kind
        if isinstance(node, YearLit):
            return Kind.YEAR
        if isinstance(node, Num):
            return Kind.MONEY if node.unit in ("元", "万元", "万", "亿元", "亿") else Kind.NUMBER
        if isinstance(node, Arith | Neg | Call):
            kinds = [self.kind(child) for child in _operands(node)]
            if isinstance(node, Arith) and node.op == "/" and all(k == Kind.MONEY for k in kinds):
                return Kind.NUMBER
            return Kind.MONEY if Kind.MONEY in kinds else next((k for k in kinds if k), None)
        return Kind.BOOL

    def fmt(self, value: Any, node: Node) -> str:
        if isinstance(node, Num):
            if node.unit == "%":
                return f"{node.value * 100:g}%"
            if node.unit in ("万元", "万", "亿元", "亿", "元"):
                return format_money(node.value, self.lang)
        return format_value(value, None, self.lang, self.kind(node))

    def term(self, node: Node) -> str:
        """An operand with its value: an attribute with its source, a literal as written."""
        if isinstance(node, Attr):
            attribute = BY_CODE[node.code]
            value = self.value(node)
            label = _attr_label(node, self.lang)
            if value is None:
                department = self._source(node)
                department = department[0] if department else attribute.source
                source = str(self.words["source"]).format(source=department, as_of="")
                return f"{label} {self.words['missing']}{source}"
            source_text = ""
            known = self._source(node)
            if known is not None:
                as_of = str(self.words["as_of"]).format(date=known[1].isoformat()) if known[1] else ""
                source_text = str(self.words["source"]).format(source=known[0], as_of=as_of)
            return f"{label} {format_value(value, attribute, self.lang)}{source_text}"
        if isinstance(node, Lit | Num | YearLit):
            return self.fmt(self.value(node), node)
        if isinstance(node, Arith):
            return f"({self.term(node.a)} {node.op} {self.term(node.b)})"
        if isinstance(node, Neg):
            return f"-{self.term(node.x)}"
        if isinstance(node, Call):
            return f"{_fn_name(node.fn, self.lang)}({', '.join(self.term(a) for a in node.args)})"
        return self.sentence(node)

    def _source(self, node: Attr) -> tuple[str, dt.date | None] | None:
        column = _column(node, self.year)
        if node.code in ("high_tech", "srdi_tier"):
            column = "high_tech_from" if node.code == "high_tech" else "srdi_tier_raw"
        return self.sources(column) if self.sources is not None else None

    def operand(self, node: Node) -> str:
        text = self.term(node)
        if isinstance(node, Arith | Neg | Call):
            text = text[1:-1] if text.startswith("(") and text.endswith(")") else text
            return f"{text} = {self.fmt(self.value(node), node)}"
        return text

    def sentence(self, node: Node) -> str:
        if isinstance(node, Cmp):
            return f"{self.operand(node.a)} {_OPS[node.op]} {self.operand(node.b)}"
        if isinstance(node, In):
            word = (
                ("not in" if node.negated else "in")
                if self.lang == "en"
                else ("不属于" if node.negated else "属于")
            )
            items = (
                "{"
                + ", ".join(
                    literal_text(_literal_value(i, self.year), self.kind(node.x) or Kind.NUMBER)
                    for i in node.items
                )
                + "}"
            )
            return f"{self.term(node.x)} {word} {items}"
        if isinstance(node, And | Or):
            joiner = (
                (" and " if isinstance(node, And) else " or ")
                if self.lang == "en"
                else (" 且 " if isinstance(node, And) else " 或 ")
            )
            return joiner.join(
                f"({self.sentence(i)}{self.words['colon']}{self.words[self.value(i)]})" for i in node.items
            )
        if isinstance(node, Not):
            word = "not " if self.lang == "en" else "非 "
            return f"{word}({self.sentence(node.x)})"
        if isinstance(node, Attr):  # a yes/no attribute standing alone
            return self.term(node)
        return self.term(node)


def _operands(node: Node) -> list[Node]:
    if isinstance(node, Arith):
        return [node.a, node.b]
    if isinstance(node, Neg):
        return [node.x]
    if isinstance(node, Call):
        return list(node.args[1:] if node.fn == "if" else node.args)
    return []


def _fn_name(fn: str, lang: str) -> str:
    if lang == "en":
        return fn
    return {"min": "较小值", "max": "较大值", "if": "若", "abs": "绝对值"}[fn]


def explain(
    rule: Rule,
    row: Mapping[str, Any],
    as_of: dt.date,
    *,
    lang: str = "zh-hans",
    sources: Source | None = None,
    prepared: bool = False,
) -> Explanation:
    """Why ``row`` is or is not eligible for ``rule``: per condition the values with their
    sources, the threshold and the verdict; the missing inputs named with where they come from."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang: {lang!r} is not one of {', '.join(LANGUAGES)}")
    if not prepared:
        row = prepare_row(row, as_of)
    year = as_of.year
    renderer = _Renderer(row, year, lang, sources)
    words = renderer.words
    outcome, values = evaluate_row(rule, row, as_of, prepared=True)
    results = []
    all_missing: dict[str, None] = {}
    for condition, value in zip(rule.conditions, values, strict=True):
        missing: tuple[str, ...] = ()
        if value is None:
            missing = tuple(
                _missing_text(a, year, lang, sources)
                for a in attributes_of(condition.node)
                if eval_node(a, row, year) is None
            )
            for m in missing:
                all_missing[m] = None
        text = f"{renderer.sentence(condition.node)}{words['colon']}{words[value]}"
        results.append(ConditionResult(condition, value, text, missing))
    amount = eval_node(rule.formula, row, year) if rule.formula is not None else None
    if amount is not None and (math.isnan(amount) or math.isinf(amount)):
        amount = None
    amount = round(float(amount), 2) if amount is not None else None
    if outcome == Outcome.ELIGIBLE:
        summary = str(words["eligible"])
    elif outcome == Outcome.NOT_ELIGIBLE:
        failed = [r.condition.text for r in results if r.value is False]
        summary = str(words["not_eligible"]).format(failed=str(words["list"]).join(failed))
    else:
        summary = str(words["possibly"]).format(missing=str(words["list"]).join(all_missing))
    amount_text = format_money(amount, renderer.lang) if amount is not None else ""
    explanation = Explanation(
        rule.code, outcome, amount, tuple(results), summary, tuple(all_missing), amount_text
    )
    if lang == "zh-hant":
        return _to_hant(explanation)
    return explanation


def _to_hant(e: Explanation) -> Explanation:
    conditions = tuple(
        ConditionResult(r.condition, r.value, traditional(r.text), tuple(traditional(m) for m in r.missing))
        for r in e.conditions
    )
    return Explanation(
        e.code,
        e.outcome,
        e.amount,
        conditions,
        traditional(e.summary),
        tuple(traditional(m) for m in e.missing),
        traditional(e.amount_text),
    )


def rule_columns(rule: Rule, year: int) -> list[str]:
    """The frame columns ``rule`` reads in ``year``: what a decision's snapshot must hold."""
    out: dict[str, None] = {}
    for attr in rule.attributes():
        if attr.code == "high_tech":
            out.update(dict.fromkeys(("high_tech_from", "high_tech_until")))
        elif attr.code == "srdi_tier":
            out.update(dict.fromkeys(("srdi_tier_raw", "srdi_from", "srdi_until")))
        else:
            out[_column(attr, year)] = None
    return list(out)

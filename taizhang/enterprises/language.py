"""The condition language (条件语言): how an officer writes who gets a benefit and how much.

A benefit's eligibility is a list of conditions, one per line, all of which must hold; its amount
is one formula. Both read as the policy clause does::

    注册在本区 = 是
    信用状态 != 失信
    上年度规上企业 = 是 且 行业门类 属于 {B, C, D}
    上年度营业收入 - 前年度营业收入 > 1000万元

    较小值((上年度营业收入 - 前年度营业收入 - 1000万元) * 0.5%, 20万元)

- Attributes are named by their label, an alias or their code (``attributes.py``). A yearly
  attribute needs its year: ``上年度营业收入``, ``营业收入[上年度]``, ``营业收入[2024]``; the year
  words are 本年度, 上年度, 前年度, 大前年度, counted from the evaluation date's year.
- Numbers may carry 元, 万元 (万), 亿元 (亿), % and 人; ``1,000`` and full-width digits are read.
- Comparisons: ``= != > >= < <=`` (and ≥ ≤ ≠); ``属于 {…}`` and ``不属于 {…}``; ``且`` (and),
  ``或`` (or), ``非`` (not), parentheses. A bare yes/no attribute is a condition by itself.
- Values: 是 / 否; 专精特新等级 无 < 创新型 < 市级 < 省级 < 国家级; 信用状态 良好 / 关注 / 失信;
  行业门类 letters A-T.
- Functions: ``较小值(a, b, …)`` (min), ``较大值(a, b, …)`` (max), ``若(条件, a, b)`` (if),
  ``绝对值(a)`` (abs). A ``#`` starts a comment.
- Traditional script is read too (营業收入 is 营业收入).

Unknown data is unknown, not zero: a comparison with a missing value is neither true nor false,
``且``/``或`` follow three-valued (Kleene) logic, so a benefit is eligible, not eligible, or
possibly eligible with the missing inputs named. Dividing by zero is unknown as well.

Errors are :class:`RuleError`, naming the line and column and the word at fault, with the
nearest attribute names when a name is unknown.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .attributes import BY_WORD, CREDIT, CREDIT_WORDS, SECTIONS, TIER_WORDS, TIERS, Attribute, Kind

__all__ = [
    "RuleError",
    "Node",
    "Num",
    "Lit",
    "YearLit",
    "Attr",
    "Neg",
    "Arith",
    "Cmp",
    "In",
    "And",
    "Or",
    "Not",
    "Call",
    "Condition",
    "parse_expression",
    "parse_conditions",
    "parse_formula",
    "attributes_of",
    "to_text",
    "YEAR_WORDS",
]


class RuleError(ValueError):
    """A condition or formula that cannot be read; ``field`` is the form field it belongs to."""

    def __init__(self, message: str, *, field: str = "conditions", line: int = 1, column: int = 1) -> None:
        self.field = field
        self.line = line
        self.column = column
        self.detail = message
        where = f"第 {line} 行第 {column} 列：" if field == "conditions" else f"第 {column} 个字符处："
        super().__init__(where + message)


# ----------------------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class Node:
    start: int
    end: int


@dataclass(frozen=True)
class Num(Node):
    """A number in base units (元, 人, a ratio for %); ``unit`` is the unit it was written with."""

    value: float
    unit: str = ""


@dataclass(frozen=True)
class Lit(Node):
    """A value of a kind: 是/否 (BOOL), a tier (TIER), a credit status (CREDIT), a 门类 (SECTION)."""

    value: Any
    kind: Kind


@dataclass(frozen=True)
class YearLit(Node):
    """A year: relative (``offset`` from the evaluation year: 上年度 is -1) or ``absolute``."""

    offset: int | None
    absolute: int | None = None


@dataclass(frozen=True)
class Attr(Node):
    """An attribute of the enterprise; a yearly one carries its year like :class:`YearLit`."""

    code: str
    offset: int | None = None
    absolute: int | None = None


@dataclass(frozen=True)
class Neg(Node):
    x: Node


@dataclass(frozen=True)
class Arith(Node):
    op: str  # + - * /
    a: Node
    b: Node


@dataclass(frozen=True)
class Cmp(Node):
    op: str  # = != > >= < <=
    a: Node
    b: Node


@dataclass(frozen=True)
class In(Node):
    x: Node
    items: tuple[Node, ...]
    negated: bool = False


@dataclass(frozen=True)
class And(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    x: Node


@dataclass(frozen=True)
class Call(Node):
    fn: str  # min max if abs
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Condition:
    """One line of a benefit's conditions: its tree and the text the officer wrote."""

    node: Node
    text: str
    line: int


# ----------------------------------------------------------------------------------- words

YEAR_WORDS: dict[str, int] = {
    "本年度": 0,
    "当年": 0,
    "上年度": -1,
    "上一年度": -1,
    "前年度": -2,
    "大前年度": -3,
}
YEAR_NAMES: dict[int, str] = {0: "本年度", -1: "上年度", -2: "前年度", -3: "大前年度"}
KEYWORDS: dict[str, str] = {
    "且": "and",
    "并且": "and",
    "而且": "and",
    "或": "or",
    "或者": "or",
    "非": "not",
    "不是": "not",
    "属于": "in",
    "不属于": "notin",
    "and": "and",
    "or": "or",
    "not": "not",
    "in": "in",
}
FUNCTIONS: dict[str, str] = {
    "较小值": "min",
    "最小值": "min",
    "较大值": "max",
    "最大值": "max",
    "若": "if",
    "如果": "if",
    "绝对值": "abs",
    "min": "min",
    "max": "max",
    "if": "if",
    "abs": "abs",
}
FUNCTION_NAMES = {"min": "较小值", "max": "较大值", "if": "若", "abs": "绝对值"}
BOOL_WORDS: dict[str, bool] = {"是": True, "否": False, "true": True, "false": False}
UNITS: dict[str, float] = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1.0, "%": 0.01, "人": 1.0}

# Every word the tokenizer knows in Chinese script, longest first at each position.
_VOCABULARY: dict[str, tuple[str, Any]] = {}
for _w, _a in BY_WORD.items():
    _VOCABULARY[_w] = ("attr", _a)
for _w, _o in YEAR_WORDS.items():
    _VOCABULARY[_w] = ("year", _o)
for _w, _k in KEYWORDS.items():
    _VOCABULARY[_w] = ("kw", _k)
for _w, _f in FUNCTIONS.items():
    _VOCABULARY[_w] = ("fn", _f)
for _w, _b in BOOL_WORDS.items():
    _VOCABULARY[_w] = ("lit", Lit(0, 0, _b, Kind.BOOL))
for _w, _t in TIER_WORDS.items():
    _VOCABULARY[_w] = ("lit", Lit(0, 0, _t, Kind.TIER))
for _w, _c in CREDIT_WORDS.items():
    _VOCABULARY[_w] = ("lit", Lit(0, 0, _c, Kind.CREDIT))
_MAX_WORD = max(len(w) for w in _VOCABULARY)

# A number: digits with optional thousands separators and decimals, then an optional unit.
# matches: "1000", "1,000.5", "20万元", "0.5%", "3亿"; must not match: ",5"
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|亿|万元|万|元|%|人)?")
# An ASCII name: an attribute code, a keyword, a function or a 门类 letter.
# matches: "revenue", "and", "C"; must not match: "2024"
_ASCII_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = (">=", "<=", "!=", "==", "≥", "≤", "≠", "=", ">", "<", "+", "-", "*", "/", "×", "÷")
_OP_CANON = {"≥": ">=", "≤": "<=", "≠": "!=", "==": "=", "×": "*", "÷": "/"}
_PUNCT = "()[]{},"


@dataclass(frozen=True)
class Token:
    kind: str  # num attr year kw fn lit op punct str name end
    value: Any
    start: int
    end: int
    text: str


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch in "“”「」"


def normalise(text: str) -> str:
    """Full-width to half-width, traditional to simplified, Chinese punctuation to ASCII; same length."""
    from taizhang.extract.normalise import to_simplified

    folded = "".join(
        ","
        if ch in "，、"
        else ":"
        if ch == "："
        else unicodedata.normalize("NFKC", ch)
        if len(unicodedata.normalize("NFKC", ch)) == 1
        else ch
        for ch in text
    )
    return to_simplified(folded)


def _suggest(word: str) -> str:
    labels = sorted({a.label for a in BY_WORD.values()})
    close = difflib.get_close_matches(word, labels, n=3, cutoff=0.3)
    if not close:
        close = [label for label in labels if any(ch in label for ch in word)][:3]
    return f"（是否想写：{'、'.join(close)}？）" if close else f"（可用的属性：{'、'.join(labels)}）"


class _Tokens:
    def __init__(self, text: str, *, field: str, line: int) -> None:
        self.text = text
        self.field = field
        self.line = line
        self.items = list(self._scan())
        self.i = 0

    def error(self, message: str, pos: int) -> RuleError:
        return RuleError(message, field=self.field, line=self.line, column=pos + 1)

    def _scan(self) -> Iterator[Token]:
        text, i, n = self.text, 0, len(self.text)
        while i < n:
            ch = text[i]
            if ch.isspace():
                i += 1
                continue
            if ch == "#":
                break
            if ch in "0123456789":
                m = _NUMBER.match(text, i)
                assert m is not None
                number = float(m.group(1).replace(",", "") + (m.group(2) or ""))
                unit = m.group(3) or ""
                yield Token("num", (number * UNITS.get(unit, 1.0), unit), i, m.end(), m.group(0))
                i = m.end()
                continue
            if ch in "\"“「'":
                close = {"“": "”", "「": "」"}.get(ch, ch)
                j = text.find(close, i + 1)
                if j < 0:
                    raise self.error(f"引号 {ch} 没有配对的 {close}", i)
                yield Token("str", text[i + 1 : j], i, j + 1, text[i : j + 1])
                i = j + 1
                continue
            op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
            if op is not None:
                yield Token("op", _OP_CANON.get(op, op), i, i + len(op), op)
                i += len(op)
                continue
            if ch in _PUNCT:
                yield Token("punct", ch, i, i + 1, ch)
                i += 1
                continue
            m = _ASCII_NAME.match(text, i)
            if m is not None:
                word = m.group(0)
                yield self._word(word, i, m.end(), ascii_name=True)
                i = m.end()
                continue
            if _is_cjk(ch):
                j = i
                while (
                    j < n
                    and _is_cjk(text[j])
                    and not any(text.startswith(w, j) for w in self._starts(text, j))
                ):
                    j += 1
                if j > i:
                    raise self.error(f"未知的词「{text[i:j]}」{_suggest(text[i:j])}", i)
                word = self._longest(text, i)
                yield self._word(word, i, i + len(word), ascii_name=False)
                i += len(word)
                continue
            raise self.error(f"不认识的符号「{ch}」", i)
        yield Token("end", None, n, n, "")

    def _starts(self, text: str, j: int) -> list[str]:
        return [w for k in range(_MAX_WORD, 0, -1) if (w := text[j : j + k]) in _VOCABULARY]

    def _longest(self, text: str, i: int) -> str:
        return self._starts(text, i)[0]

    def _word(self, word: str, start: int, end: int, *, ascii_name: bool) -> Token:
        lower = word.lower()
        known = _VOCABULARY.get(word) or (_VOCABULARY.get(lower) if ascii_name else None)
        if known is not None:
            return Token(known[0], known[1], start, end, word)
        if ascii_name and len(word) == 1 and word.upper() in SECTIONS:
            return Token("lit", Lit(0, 0, word.upper(), Kind.SECTION), start, end, word)
        raise self.error(f"未知的属性「{word}」{_suggest(word)}", start)

    # -- cursor
    def peek(self) -> Token:
        return self.items[self.i]

    def take(self) -> Token:
        token = self.items[self.i]
        self.i += 1
        return token

    def accept(self, kind: str, value: Any = None) -> Token | None:
        token = self.peek()
        if token.kind == kind and (value is None or token.value == value):
            self.i += 1
            return token
        return None

    def expect(self, kind: str, value: Any, what: str) -> Token:
        token = self.accept(kind, value)
        if token is None:
            found = self.peek()
            raise self.error(f"这里应有 {what}，却是「{found.text or '行尾'}」", found.start)
        return token


# ----------------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, tokens: _Tokens) -> None:
        self.t = tokens

    def parse(self) -> Node:
        node = self.or_()
        end = self.t.peek()
        if end.kind != "end":
            raise self.t.error(f"多余的「{end.text}」（两个条件之间需要“且”或“或”）", end.start)
        return node

    def or_(self) -> Node:
        items = [self.and_()]
        while self.t.accept("kw", "or"):
            items.append(self.and_())
        return items[0] if len(items) == 1 else Or(items[0].start, items[-1].end, tuple(items))

    def and_(self) -> Node:
        items = [self.not_()]
        while self.t.accept("kw", "and"):
            items.append(self.not_())
        return items[0] if len(items) == 1 else And(items[0].start, items[-1].end, tuple(items))

    def not_(self) -> Node:
        token = self.t.accept("kw", "not")
        if token is not None:
            x = self.not_()
            return Not(token.start, x.end, x)
        return self.cmp()

    def cmp(self) -> Node:
        a = self.sum()
        token = self.t.peek()
        if token.kind == "op" and token.value in ("=", "!=", ">", ">=", "<", "<="):
            self.t.take()
            b = self.sum()
            return Cmp(a.start, b.end, token.value, a, b)
        if token.kind == "kw" and token.value in ("in", "notin"):
            self.t.take()
            self.t.expect("punct", "{", "“{”（如 属于 {B, C, D}）")
            items = [self.sum()]
            while self.t.accept("punct", ","):
                items.append(self.sum())
            close = self.t.expect("punct", "}", "“}”")
            return In(a.start, close.end, a, tuple(items), token.value == "notin")
        return a

    def sum(self) -> Node:
        a = self.prod()
        while (token := self.t.peek()).kind == "op" and token.value in ("+", "-"):
            self.t.take()
            b = self.prod()
            a = Arith(a.start, b.end, token.value, a, b)
        return a

    def prod(self) -> Node:
        a = self.unary()
        while (token := self.t.peek()).kind == "op" and token.value in ("*", "/"):
            self.t.take()
            b = self.unary()
            a = Arith(a.start, b.end, token.value, a, b)
        return a

    def unary(self) -> Node:
        token = self.t.accept("op", "-")
        if token is not None:
            x = self.unary()
            return Neg(token.start, x.end, x)
        return self.primary()

    def _year_in_brackets(self) -> tuple[int | None, int | None]:
        token = self.t.take()
        if token.kind == "year":
            offset: int | None = token.value
            absolute = None
        elif token.kind == "num" and not token.value[1] and float(token.value[0]).is_integer():
            offset, absolute = None, int(token.value[0])
            if not 1949 <= absolute <= 2100:
                raise self.t.error(f"年度 {absolute} 不合理", token.start)
        else:
            raise self.t.error(
                f"方括号里应是年度（上年度、前年度、2024…），却是「{token.text or '行尾'}」", token.start
            )
        self.t.expect("punct", "]", "“]”")
        return offset, absolute

    def primary(self) -> Node:
        token = self.t.take()
        if token.kind == "num":
            value, unit = token.value
            return Num(token.start, token.end, value, unit)
        if token.kind == "lit":
            lit: Lit = token.value
            return Lit(token.start, token.end, lit.value, lit.kind)
        if token.kind == "str":
            word = token.value.strip().upper()
            if word in SECTIONS:
                return Lit(token.start, token.end, word, Kind.SECTION)
            if token.value in TIER_WORDS:
                return Lit(token.start, token.end, TIER_WORDS[token.value], Kind.TIER)
            if token.value in CREDIT_WORDS:
                return Lit(token.start, token.end, CREDIT_WORDS[token.value], Kind.CREDIT)
            raise self.t.error(f"不认识的取值「{token.value}」", token.start)
        if token.kind == "year":
            following = self.t.peek()
            if following.kind == "attr" and following.value.yearly and following.start == token.end:
                self.t.take()
                return Attr(token.start, following.end, following.value.code, token.value)
            return YearLit(token.start, token.end, token.value)
        if token.kind == "attr":
            attribute: Attribute = token.value
            if self.t.accept("punct", "["):
                if not attribute.yearly:
                    raise self.t.error(f"{attribute.label}不按年度记录，不能写年度", token.end)
                offset, absolute = self._year_in_brackets()
                return Attr(token.start, self.t.items[self.t.i - 1].end, attribute.code, offset, absolute)
            return Attr(token.start, token.end, attribute.code)
        if token.kind == "fn":
            self.t.expect("punct", "(", f"“(”（{token.text}(…)）")
            args = [self.or_()]
            while self.t.accept("punct", ","):
                args.append(self.or_())
            close = self.t.expect("punct", ")", "“)”")
            return Call(token.start, close.end, token.value, tuple(args))
        if token.kind == "punct" and token.value == "(":
            node = self.or_()
            self.t.expect("punct", ")", "“)”")
            return node
        if token.kind == "end":
            raise self.t.error("条件不完整，行尾缺少内容", token.start)
        raise self.t.error(f"这里不能是「{token.text}」", token.start)


# ----------------------------------------------------------------------------------- types


def _kind_name(kind: Kind) -> str:
    return {
        Kind.BOOL: "是/否",
        Kind.TIER: "专精特新等级",
        Kind.CREDIT: "信用状态",
        Kind.SECTION: "行业门类",
    }.get(kind, "数值")


class _Checker:
    """Types each node; refuses a comparison of unlike values, a yearly attribute without its year."""

    def __init__(self, tokens: _Tokens) -> None:
        self.t = tokens

    def kind(self, node: Node) -> Kind:
        if isinstance(node, Num):
            return Kind.MONEY if node.unit in ("元", "万元", "万", "亿元", "亿") else Kind.NUMBER
        if isinstance(node, Lit):
            return node.kind
        if isinstance(node, YearLit):
            return Kind.YEAR
        if isinstance(node, Attr):
            attribute = _attribute(node.code)
            if attribute.yearly and node.offset is None and node.absolute is None:
                raise self.t.error(
                    f"{attribute.label}按年度记录，请写明年度，如 上年度{attribute.label} 或 {attribute.label}[2024]",
                    node.start,
                )
            return attribute.kind
        if isinstance(node, Neg):
            return self.numeric(node.x, "负号")
        if isinstance(node, Arith):
            a = self.numeric(node.a, node.op)
            b = self.numeric(node.b, node.op)
            if node.op in "+-":
                return Kind.MONEY if Kind.MONEY in (a, b) else a
            if node.op == "*":
                return Kind.MONEY if Kind.MONEY in (a, b) else Kind.NUMBER
            return Kind.NUMBER if a == b else a
        if isinstance(node, Cmp):
            a, b = self.kind(node.a), self.kind(node.b)
            if a.numeric and b.numeric:
                return Kind.BOOL
            if a != b:
                raise self.t.error(f"不能比较{_kind_name(a)}和{_kind_name(b)}", node.start)
            if node.op not in ("=", "!=") and a not in (Kind.TIER,):
                raise self.t.error(f"{_kind_name(a)}只能用 = 或 != 比较", node.start)
            return Kind.BOOL
        if isinstance(node, In):
            x = self.kind(node.x)
            for item in node.items:
                k = self.kind(item)
                if not (k == x or (k.numeric and x.numeric)):
                    raise self.t.error(f"集合里的取值应是{_kind_name(x)}", item.start)
            return Kind.BOOL
        if isinstance(node, And | Or):
            for item in node.items:
                self.boolean(item)
            return Kind.BOOL
        if isinstance(node, Not):
            self.boolean(node.x)
            return Kind.BOOL
        if isinstance(node, Call):
            return self.call(node)
        raise AssertionError(node)

    def numeric(self, node: Node, what: str) -> Kind:
        kind = self.kind(node)
        if not kind.numeric:
            raise self.t.error(f"“{what}”两边应是数值，这里是{_kind_name(kind)}", node.start)
        return kind

    def boolean(self, node: Node) -> None:
        kind = self.kind(node)
        if kind != Kind.BOOL:
            raise self.t.error(
                f"这里应是一个条件（是/否），却是{_kind_name(kind)}；是否缺少比较，如 ≥ 100万元？", node.start
            )

    def call(self, node: Call) -> Kind:
        name = FUNCTION_NAMES[node.fn]
        if node.fn == "if":
            if len(node.args) != 3:
                raise self.t.error(f"{name}(条件, 是时的值, 否时的值) 需要 3 个参数", node.start)
            self.boolean(node.args[0])
            a, b = self.kind(node.args[1]), self.kind(node.args[2])
            if a.numeric and b.numeric:
                return Kind.MONEY if Kind.MONEY in (a, b) else a
            if a != b:
                raise self.t.error(f"{name}的两个取值应同类", node.start)
            return a
        if node.fn == "abs":
            if len(node.args) != 1:
                raise self.t.error(f"{name}(数值) 需要 1 个参数", node.start)
            return self.numeric(node.args[0], name)
        if len(node.args) < 2:
            raise self.t.error(f"{name}(a, b, …) 至少需要 2 个参数", node.start)
        kinds = [self.numeric(arg, name) for arg in node.args]
        return Kind.MONEY if Kind.MONEY in kinds else kinds[0]


def _attribute(code: str) -> Attribute:
    return BY_WORD[code]


# ----------------------------------------------------------------------------------- entry points


def parse_expression(text: str, *, field: str = "conditions", line: int = 1, want: str = "bool") -> Node:
    """Parse one condition (``want="bool"``) or one amount formula (``want="number"``)."""
    tokens = _Tokens(normalise(text), field=field, line=line)
    node = _Parser(tokens).parse()
    checker = _Checker(tokens)
    if want == "bool":
        checker.boolean(node)
    else:
        kind = checker.kind(node)
        if not kind.numeric:
            raise tokens.error(f"金额公式应得出数值，却是{_kind_name(kind)}", node.start)
    return node


def parse_conditions(text: str) -> list[Condition]:
    """The conditions of a benefit: one per non-empty line (``#`` starts a comment); at least one."""
    conditions: list[Condition] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        body = raw.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        conditions.append(Condition(parse_expression(body, line=number), body.strip(), number))
    if not conditions:
        raise RuleError("至少要写一个条件", field="conditions")
    return conditions


def parse_formula(text: str) -> Node:
    """The amount formula of a benefit (元): a fixed sum (20万元) or an expression."""
    body = " ".join(part.split("#", 1)[0] for part in text.splitlines()).strip()
    if not body:
        raise RuleError("金额公式不能为空（定额写 20万元）", field="formula")
    return parse_expression(body, field="formula", want="number")


def attributes_of(node: Node) -> list[Attr]:
    """The attribute references in ``node``, in reading order (repeats kept once)."""
    seen: dict[tuple[str, int | None, int | None], Attr] = {}

    def walk(n: Node) -> None:
        if isinstance(n, Attr):
            seen.setdefault((n.code, n.offset, n.absolute), n)
        for child in _children(n):
            walk(child)

    walk(node)
    return list(seen.values())


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Neg | Not):
        return (node.x,)
    if isinstance(node, Arith | Cmp):
        return (node.a, node.b)
    if isinstance(node, In):
        return (node.x, *node.items)
    if isinstance(node, And | Or):
        return node.items
    if isinstance(node, Call):
        return node.args
    return ()


def _number_text(value: float, unit: str) -> str:
    if unit in ("万元", "万"):
        value /= 1e4
    elif unit in ("亿元", "亿"):
        value /= 1e8
    elif unit == "%":
        value /= 0.01
    value = round(value, 10)
    text = f"{int(value)}" if float(value).is_integer() else f"{value:g}"
    return text + unit


def literal_text(value: Any, kind: Kind) -> str:
    """How a value of ``kind`` is written in the language (是, 省级, 失信, C)."""
    if kind == Kind.BOOL:
        return "是" if value else "否"
    if kind == Kind.TIER:
        return next(w for w, v in TIER_WORDS.items() if v == value and len(w) <= 3)
    if kind == Kind.CREDIT:
        return CREDIT[value][0]
    return str(value)


def year_text(offset: int | None, absolute: int | None) -> str:
    return YEAR_NAMES.get(offset, f"{offset}") if offset is not None else str(absolute)


_PRECEDENCE = {Or: 1, And: 2, Not: 3, Cmp: 4, In: 4, Arith: 5, Neg: 6}


def to_text(node: Node) -> str:
    """The canonical text of ``node``: what the officer would write, normalised (a stable key)."""

    def paren(child: Node, parent_level: int, right: bool = False) -> str:
        level = _PRECEDENCE.get(type(child), 9)
        if isinstance(child, Arith) and isinstance(node_stack[-1], Arith):
            parent = node_stack[-1]
            tight = {"+": 1, "-": 1, "*": 2, "/": 2}
            if tight[child.op] < tight[parent.op] or (right and tight[child.op] == tight[parent.op]):
                return f"({text(child)})"
            return text(child)
        return (
            f"({text(child)})" if level < parent_level or (right and level == parent_level) else text(child)
        )

    node_stack: list[Node] = []

    def text(n: Node) -> str:
        node_stack.append(n)
        try:
            if isinstance(n, Num):
                return _number_text(n.value, n.unit)
            if isinstance(n, Lit):
                return literal_text(n.value, n.kind)
            if isinstance(n, YearLit):
                return year_text(n.offset, n.absolute)
            if isinstance(n, Attr):
                attribute = _attribute(n.code)
                if n.offset is not None:
                    return YEAR_NAMES.get(n.offset, "") + attribute.label
                if n.absolute is not None:
                    return f"{attribute.label}[{n.absolute}]"
                return attribute.label
            if isinstance(n, Neg):
                return "-" + paren(n.x, 6)
            if isinstance(n, Arith):
                return f"{paren(n.a, 5)} {n.op} {paren(n.b, 5, right=True)}"
            if isinstance(n, Cmp):
                return f"{paren(n.a, 5)} {n.op} {paren(n.b, 5)}"
            if isinstance(n, In):
                word = "不属于" if n.negated else "属于"
                return f"{paren(n.x, 5)} {word} {{{', '.join(text(i) for i in n.items)}}}"
            if isinstance(n, And):
                return " 且 ".join(paren(i, 3) for i in n.items)
            if isinstance(n, Or):
                return " 或 ".join(paren(i, 2) for i in n.items)
            if isinstance(n, Not):
                return "非 " + paren(n.x, 4)
            if isinstance(n, Call):
                return f"{FUNCTION_NAMES[n.fn]}({', '.join(text(a) for a in n.args)})"
            raise AssertionError(n)
        finally:
            node_stack.pop()

    return text(node)


TIER_LABELS = {value: label for value, (label, _) in TIERS.items()}

"""The same rules on OpenFisca, for the bench's comparison (openfisca-core is a development
dependency; nothing else imports this module).

Each frame column a rule reads becomes an OpenFisca input variable of an ``enterprise`` entity,
and each benefit a boolean variable whose formula is the rule's conditions compiled to numpy.
OpenFisca has no unknown values: inputs are filled with zeros and no explanation is made, so this
is the bare evaluation of eligibility.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .attributes import SECTIONS
from .engine import Rule, _column, _literal_value, _year
from .language import And, Arith, Attr, Call, Cmp, In, Lit, Neg, Node, Not, Num, Or, YearLit, attributes_of

__all__ = ["build_system", "simulation", "situation_seconds"]

_SECTION_INDEX = {s: i for i, s in enumerate(SECTIONS)}


def _name(column: str) -> str:
    return column.replace("@", "_")


def _compile(node: Node, year: int) -> Callable[[Callable[[str], Any]], Any]:
    c = lambda n: _compile(n, year)  # noqa: E731
    if isinstance(node, Num):
        value = float(node.value)
        return lambda get: value
    if isinstance(node, Lit):
        value = _SECTION_INDEX[node.value] if isinstance(node.value, str) else node.value
        return lambda get: value
    if isinstance(node, YearLit):
        value = _year(node, year)
        return lambda get: value
    if isinstance(node, Attr):
        name = _name(_column(node, year))
        return lambda get: get(name)
    if isinstance(node, Neg):
        x = c(node.x)
        return lambda get: -x(get)
    if isinstance(node, Arith):
        a, b = c(node.a), c(node.b)
        if node.op == "/":

            def divide(get: Callable[[str], Any]) -> Any:
                top, bottom = np.asarray(a(get), dtype=float), np.asarray(b(get), dtype=float)
                return np.divide(
                    top, bottom, out=np.zeros(np.broadcast(top, bottom).shape), where=bottom != 0
                )

            return divide
        op = {"+": np.add, "-": np.subtract, "*": np.multiply}[node.op]
        return lambda get: op(a(get), b(get))
    if isinstance(node, Cmp):
        a, b = c(node.a), c(node.b)
        cmp = {
            "=": np.equal,
            "!=": np.not_equal,
            ">": np.greater,
            ">=": np.greater_equal,
            "<": np.less,
            "<=": np.less_equal,
        }[node.op]
        return lambda get: cmp(a(get), b(get))
    if isinstance(node, In):
        x = c(node.x)
        values = [
            _SECTION_INDEX[v] if isinstance(v, str) else v
            for v in (_literal_value(i, year) for i in node.items)
        ]
        negated = node.negated
        return lambda get: np.isin(x(get), values, invert=negated)
    if isinstance(node, And | Or):
        items = [c(i) for i in node.items]
        reduce = np.logical_and.reduce if isinstance(node, And) else np.logical_or.reduce
        return lambda get: reduce([np.asarray(i(get), dtype=bool) for i in items])
    if isinstance(node, Not):
        x = c(node.x)
        return lambda get: np.logical_not(x(get))
    if isinstance(node, Call):
        args = [c(a) for a in node.args]
        if node.fn == "if":
            return lambda get: np.where(args[0](get), args[1](get), args[2](get))
        if node.fn == "abs":
            return lambda get: np.abs(args[0](get))
        reduce = np.minimum.reduce if node.fn == "min" else np.maximum.reduce
        return lambda get: reduce([np.asarray(a(get), dtype=float) for a in args])
    raise AssertionError(node)


def build_system(
    rules: Sequence[Rule], schema: Mapping[str, Any], as_of: dt.date
) -> tuple[Any, dict[str, str]]:
    """An OpenFisca tax-benefit system holding ``rules``; and its inputs (variable -> frame column)."""
    import polars as pl
    from openfisca_core import periods
    from openfisca_core.entities import build_entity
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable

    enterprise = build_entity(key="enterprise", plural="enterprises", label="enterprise", is_person=True)
    system = TaxBenefitSystem([enterprise])
    year = as_of.year
    inputs: dict[str, str] = {}
    for rule in rules:
        for condition in rule.conditions:
            for attr in attributes_of(condition.node):
                column = _column(attr, year)
                inputs[_name(column)] = column
    for name, column in inputs.items():
        dtype = schema.get(column)
        value_type = bool if dtype == pl.Boolean else float
        variable = type(
            name,
            (Variable,),
            {
                "value_type": value_type,
                "entity": enterprise,
                "definition_period": periods.DateUnit.YEAR,
                "label": column,
            },
        )
        system.add_variable(variable)
    for rule in rules:
        tests = [_compile(condition.node, year) for condition in rule.conditions]

        def formula(entity: Any, period: Any, parameters: Any, tests: list[Any] = tests) -> Any:
            get = lambda name: entity(name, period)  # noqa: E731
            return np.logical_and.reduce([np.asarray(t(get), dtype=bool) for t in tests])

        variable = type(
            rule.code,
            (Variable,),
            {
                "value_type": bool,
                "entity": enterprise,
                "definition_period": periods.DateUnit.YEAR,
                "label": rule.name or rule.code,
                "formula": formula,
            },
        )
        system.add_variable(variable)
    return system, inputs


def simulation(system: Any, n: int, arrays: Mapping[str, Any], as_of: dt.date) -> Any:
    """A simulation of ``n`` enterprises with the input ``arrays`` set for the evaluation year."""
    from openfisca_core.simulation_builder import SimulationBuilder

    sim = SimulationBuilder().build_default_simulation(system, n)
    period = str(as_of.year)
    for name, values in arrays.items():
        sim.set_input(name, period, values)
    return sim


def situation_seconds(
    system: Any, inputs: Mapping[str, str], size: int, as_of: dt.date = dt.date(2025, 6, 30)
) -> float:
    """Seconds OpenFisca takes to build a simulation of ``size`` enterprises from its JSON form."""
    from openfisca_core.simulation_builder import SimulationBuilder

    names = [n for n in inputs if not n.startswith(("high_tech", "srdi"))][:6]
    period = str(as_of.year)
    situation = {
        "enterprises": {f"e{i}": {name: {period: float(i % 7)} for name in names} for i in range(size)}
    }
    start = time.process_time()
    SimulationBuilder().build_from_entities(system, situation)
    return time.process_time() - start

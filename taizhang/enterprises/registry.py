"""The registry as the engine reads it: facts from the database to a frame (one pass, linear in
the number of facts) and one enterprise's facts with their sources, for explanations.

A fact becomes frame columns (``engine`` module docstring): a yearly figure ``revenue@2024``, a
yes/no a boolean, the 行业门类 letter a string, the certificates ``high_tech_from``/``_until`` and
``srdi_tier_raw``/``srdi_from``/``srdi_until``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from .attributes import BY_CODE, Kind, column_name
from .models import Enterprise, EnterpriseFact

__all__ = [
    "fact_columns",
    "fact_value",
    "registry_frame",
    "enterprise_row",
    "enterprise_facts",
    "is_hk_funded",
    "CHUNK",
    "snapshot_of",
    "row_from_snapshot",
]

CHUNK = 20_000


def fact_value(attribute: str, number: Decimal | float | None, text: str) -> Any:
    """The frame value of a stored fact's ``number``/``text`` for ``attribute``."""
    kind = BY_CODE[attribute].kind
    if kind == Kind.SECTION:
        return text or None
    if number is None:
        return None
    if kind == Kind.BOOL:
        return bool(number)
    if kind in (Kind.TIER, Kind.CREDIT, Kind.YEAR, Kind.NUMBER):
        return int(number)
    return float(number)


def fact_columns(
    attribute: str, year: int, number: Any, text: str, valid_from: dt.date | None, valid_until: dt.date | None
) -> list[tuple[str, Any]]:
    """The (column, value) pairs one fact contributes to its enterprise's row."""
    if attribute == "high_tech":
        return [("high_tech_from", valid_from), ("high_tech_until", valid_until)]
    if attribute == "srdi_tier":
        return [
            ("srdi_tier_raw", fact_value(attribute, number, text)),
            ("srdi_from", valid_from),
            ("srdi_until", valid_until),
        ]
    return [(column_name(attribute, year or None), fact_value(attribute, number, text))]


def registry_frame(enterprises: Iterable[int] | None = None) -> Any:
    """The registry (or the enterprises with these ids) as an engine frame, ordered by id.

    The facts are read with one query, numbers cast to floats by the database, and turned into
    columns by Polars (a pivot and joins on the id): linear in the number of facts, with no
    Python object made per fact beyond the database driver's row.
    """
    import polars as pl
    from django.db import connection

    from .engine import dtype_of

    ids_query = Enterprise.objects.order_by("pk").values_list("pk", flat=True)
    wanted = None if enterprises is None else sorted(set(enterprises))
    if wanted is not None:
        ids = (
            [i for i in ids_query.filter(pk__in=wanted)]
            if len(wanted) < 10_000
            else [i for i in ids_query if i in set(wanted)]
        )
    else:
        ids = list(ids_query.iterator(chunk_size=CHUNK))
    base = pl.DataFrame({"id": pl.Series("id", ids, dtype=pl.Int64)})
    table = EnterpriseFact._meta.db_table
    real = "double precision" if connection.vendor == "postgresql" else "REAL"
    sql = f"SELECT enterprise_id, attribute, year, CAST(number AS {real}), text, valid_from, valid_until FROM {table}"
    params: list[Any] = []
    if wanted is not None and len(wanted) < 10_000:
        sql += f" WHERE enterprise_id IN ({', '.join(['%s'] * len(wanted))})" if wanted else " WHERE 1 = 0"
        params = list(wanted)
    rows: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK):
            rows.extend(chunk)
    if not rows:
        return base
    facts = pl.DataFrame(
        rows,
        schema={
            "id": pl.Int64,
            "attribute": pl.String,
            "year": pl.Int32,
            "number": pl.Float64,
            "text": pl.String,
            "valid_from": pl.Date,  # the driver gives dates (Django registers the converters)
            "valid_until": pl.Date,
        },
        orient="row",
        strict=False,
    )
    del rows
    facts = facts.filter(
        pl.col("attribute").is_in(list(BY_CODE)) & pl.col("id").is_in(base.get_column("id").implode())
    )
    frame = base
    plain = facts.filter(~pl.col("attribute").is_in(["high_tech", "srdi_tier"])).with_columns(
        pl.when(pl.col("year") > 0)
        .then(pl.col("attribute") + "@" + pl.col("year").cast(pl.String))
        .otherwise(pl.col("attribute"))
        .alias("column"),
        pl.when(pl.col("attribute") == "industry_section")
        .then(pl.col("text"))
        .otherwise(pl.col("number").cast(pl.String))
        .alias("value"),
    )
    if plain.height:
        wide = plain.pivot(on="column", index="id", values="value", aggregate_function="last")
        casts = []
        for name in wide.columns[1:]:
            dtype = dtype_of(name)
            column = pl.col(name)
            if dtype == pl.Boolean:
                casts.append(column.cast(pl.Float64).cast(pl.Boolean).alias(name))
            elif dtype.is_integer():
                casts.append(column.cast(pl.Float64).cast(dtype).alias(name))
            elif dtype == pl.Float64:
                casts.append(column.cast(pl.Float64).alias(name))
            else:
                casts.append(column.cast(dtype, strict=False).alias(name))
        wide = wide.with_columns(casts)
        frame = frame.join(wide, on="id", how="left")
    certificates = facts.filter(pl.col("attribute") == "high_tech").select(
        "id", pl.col("valid_from").alias("high_tech_from"), pl.col("valid_until").alias("high_tech_until")
    )
    if certificates.height:
        frame = frame.join(certificates.unique("id", keep="last"), on="id", how="left")
    tiers = facts.filter(pl.col("attribute") == "srdi_tier").select(
        "id",
        pl.col("number").cast(pl.UInt8).alias("srdi_tier_raw"),
        pl.col("valid_from").alias("srdi_from"),
        pl.col("valid_until").alias("srdi_until"),
    )
    if tiers.height:
        frame = frame.join(tiers.unique("id", keep="last"), on="id", how="left")
    return frame.sort("id").select(["id", *sorted(c for c in frame.columns if c != "id")])


def enterprise_facts(enterprise: Enterprise) -> list[EnterpriseFact]:
    """The enterprise's facts with their sources, in the attribute catalogue's order."""
    order = {code: i for i, code in enumerate(BY_CODE)}
    facts = list(enterprise.facts.select_related("source"))
    facts.sort(key=lambda f: (order.get(f.attribute, 99), -f.year))
    return facts


def enterprise_row(
    facts: Iterable[EnterpriseFact], enterprise_id: int = 0
) -> tuple[dict[str, Any], dict[str, tuple[str, dt.date | None]]]:
    """One enterprise's frame row and, per column, its (department, as-of date)."""
    row: dict[str, Any] = {"id": enterprise_id}
    sources: dict[str, tuple[str, dt.date | None]] = {}
    for fact in facts:
        for name, value in fact_columns(
            fact.attribute, fact.year, fact.number, fact.text, fact.valid_from, fact.valid_until
        ):
            row[name] = value
            sources[name] = (fact.source.name, fact.as_of)
    return row, sources


def is_hk_funded(enterprise: Enterprise) -> bool:
    """Whether the registry says the enterprise is Hong Kong-funded."""
    fact = enterprise.facts.filter(attribute="hk_funded").values_list("number", flat=True).first()
    return bool(fact)


def snapshot_of(
    row: Mapping[str, Any], sources: Mapping[str, tuple[str, dt.date | None]], columns: Iterable[str]
) -> dict[str, Any]:
    """The JSON-ready values of ``columns`` with their sources: what a decision was made on."""
    out: dict[str, Any] = {}
    for name in columns:
        value = row.get(name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        source = sources.get(name)
        out[name] = {
            "value": value,
            "source": source[0] if source else "",
            "as_of": source[1].isoformat() if source and source[1] else "",
        }
    return out


def row_from_snapshot(
    snapshot: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, tuple[str, dt.date | None]]]:
    """The row and sources a decision was frozen with (the inverse of :func:`snapshot_of`)."""
    row: dict[str, Any] = {}
    sources: dict[str, tuple[str, dt.date | None]] = {}
    for name, item in snapshot.items():
        value = item.get("value")
        if name.endswith(("_from", "_until")) and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        row[name] = value
        if item.get("source"):
            as_of = dt.date.fromisoformat(item["as_of"]) if item.get("as_of") else None
            sources[name] = (item["source"], as_of)
    return row, sources

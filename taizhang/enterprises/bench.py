"""The benefit bench (``taizhang bench enterprises``): 50 benefits over a generated registry.

Each measurement runs in a child process of its own, on one core (``POLARS_MAX_THREADS=1``,
one BLAS thread), so that its time and its peak memory are its own:

- ours, 1,000,000 enterprises: every condition's outcome column-wise (the data explanations are
  rendered from) and every benefit's status, then the explanations of sample enterprises
  rendered lazily (all 50 benefits each, simplified and traditional Chinese);
- the same rules on OpenFisca (openfisca-core, a development dependency), same data, same
  process layout: the bare evaluation (OpenFisca has no unknown values, so missing data is
  filled with zeros and no explanations are made); the ratio of the two;
- ours, 10,000,000 enterprises;
- loading: our CSV import and frame building at two sizes, and OpenFisca's JSON (situation)
  path at two sizes, in microseconds per row (linear: the same at both sizes).

The 50 benefits are the nine of the demo catalogue (data/benefits.json) with their money
thresholds varied, so that almost no two conditions are alike. Peak memory is the process's
high-water mark (VmHWM) reset after the data is generated: what evaluation itself adds.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from taizhang.extract.bench import BenchOptions, BenchSkipped, Figure, register

__all__ = ["bench_rules", "bench_rules_10m", "generate_frame", "bench_rules_set", "main"]

AS_OF = dt.date(2025, 6, 30)
OPENFISCA_JSON_SIZE = 2000  # its JSON path is quadratic: 8,000 rows take about 15 s
SECTIONS_WEIGHTED = "FFFFFLLLIIIMMJJKCCCHGQRDNB"


def bench_rules_set(count: int = 50) -> list[Any]:
    """``count`` benefits: the catalogue's rules with their money amounts varied."""
    from .builders import load_catalogue
    from .engine import Rule

    catalogue = load_catalogue()
    rules = []
    for i in range(count):
        item = catalogue[i % len(catalogue)]
        factor = 1 + 0.07 * (i // len(catalogue))

        def scale(m: re.Match[str]) -> str:
            return f"{float(m.group(1)) * factor:.4g}{m.group(2)}"  # noqa: B023

        conditions = re.sub(r"(\d+(?:\.\d+)?)(万元|亿元)", scale, item["conditions"])
        rules.append(Rule.parse(f"b{i:02d}", conditions, item["formula"], item["name"]))
    return rules


def generate_frame(n: int, seed: int = 1) -> Any:
    """A registry of ``n`` enterprises as an engine frame, made column by column (numpy)."""
    import numpy as np
    import polars as pl

    from .attributes import SECTIONS

    rng = np.random.default_rng(seed)

    def with_nulls(values: Any, share: float) -> Any:
        series = pl.Series(values)
        if share:
            series = series.scatter(np.flatnonzero(rng.random(n) < share), None)
        return series

    def dates(start: str, span_days: int, listed: Any) -> Any:
        base = np.datetime64(start) + rng.integers(0, span_days, n).astype("timedelta64[D]")
        return pl.Series(base).cast(pl.Date).scatter(np.flatnonzero(~listed), None)

    columns: dict[str, Any] = {"id": pl.Series(np.arange(1, n + 1, dtype=np.int64))}
    columns["registered_in_district"] = with_nulls(rng.random(n) < 0.95, 0.01)
    columns["operating_in_district"] = with_nulls(rng.random(n) < 0.93, 0.02)
    columns["hk_funded"] = pl.Series(rng.random(n) < 0.08)
    columns["credit_status"] = with_nulls(
        rng.choice(np.array([0, 1, 2], dtype=np.uint8), n, p=[0.94, 0.05, 0.01]), 0.02
    )
    letters = np.array(list(SECTIONS_WEIGHTED))
    section = letters[rng.integers(0, len(letters), n)]
    columns["industry_section"] = pl.Series(section).cast(pl.Enum(list(SECTIONS)))
    low = np.array([SECTIONS[s][0] for s in SECTIONS], dtype=np.int32)
    high = np.array([SECTIONS[s][1] for s in SECTIONS], dtype=np.int32)
    index = np.searchsorted(np.array(list(SECTIONS)), section)
    columns["industry_division"] = pl.Series(
        low[index] + (rng.random(n) * (high[index] - low[index] + 1)).astype(np.int32)
    )
    del section, index
    listed = rng.random(n) < 0.1
    columns["high_tech_from"] = dates("2021-10-01", 1300, listed)
    columns["high_tech_until"] = dates("2024-10-01", 1300, listed)
    columns["high_tech_first_year"] = with_nulls(rng.integers(2015, 2025, n).astype(np.int32), 0.0).scatter(
        np.flatnonzero(~listed), None
    )
    listed = rng.random(n) < 0.08
    columns["srdi_tier_raw"] = pl.Series(rng.integers(1, 5, n).astype(np.uint8)).scatter(
        np.flatnonzero(~listed), None
    )
    columns["srdi_from"] = dates("2022-01-01", 1100, listed)
    columns["srdi_until"] = dates("2025-01-01", 1100, listed)
    columns["srdi_year"] = pl.Series(rng.integers(2022, 2025, n).astype(np.int32)).scatter(
        np.flatnonzero(~listed), None
    )
    del listed
    revenue = rng.lognormal(np.log(8e6), 1.6, n)
    for year in (2022, 2023, 2024):
        revenue = revenue * (1 + rng.normal(0.08, 0.25, n))
        np.maximum(revenue, 0, out=revenue)
        columns[f"above_scale@{year}"] = with_nulls(revenue >= 1e7, 0.01)
        columns[f"revenue@{year}"] = with_nulls(revenue.round(-2), 0.02)
        columns[f"rd_spending@{year}"] = with_nulls(
            (revenue * rng.uniform(0.0, 0.08, n)).round(-2), 0.3 if year == 2024 else 0.1
        )
        columns[f"employees@{year}"] = with_nulls(
            (revenue / 6e5 + 1).astype(np.int64).astype(np.float64), 0.05
        )
        columns[f"tax_paid@{year}"] = with_nulls((revenue * rng.uniform(0.01, 0.06, n)).round(-2), 0.03)
    return pl.DataFrame(columns)


# ----------------------------------------------------------------------------------- memory


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _best(runs: int, fn: Any) -> tuple[float, Any, float]:
    """The shortest wall time of ``runs`` calls, the last result, and the shortest CPU time (the
    machine is shared: CPU time is what the work itself costs)."""
    best, cpu, result = float("inf"), float("inf"), None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return best, result, cpu


# ----------------------------------------------------------------------------------- children


def _child_ours(n: int, runs: int) -> dict[str, Any]:
    from .engine import evaluate, explain, prepare

    rules = bench_rules_set()
    frame = generate_frame(n)
    _reset_peak()
    before = _status_kb("VmRSS")
    seconds, result, cpu = _best(runs, lambda: evaluate(frame, rules, AS_OF))
    peak = _status_kb("VmHWM")
    bare, _, bare_cpu = _best(runs, lambda: evaluate(frame, rules, AS_OF, keep_conditions=False))
    conditions = sum(1 for c in result.outcomes.columns if c.startswith("c"))
    counts = {
        k: sum(result.counts(r.code)[k] for r in rules) for k in ("eligible", "not_eligible", "possibly")
    }
    sample = min(200, n)
    prepared = prepare(frame.head(sample), AS_OF)
    sources = {"revenue@2024": ("区统计局", dt.date(2025, 3, 31))}.get
    start = time.perf_counter()
    for i in range(sample):
        row = dict(prepared.row(i, named=True))
        for rule in rules:
            explain(rule, row, AS_OF, sources=sources, prepared=True)
    per_enterprise = (time.perf_counter() - start) / sample
    start = time.perf_counter()
    for i in range(20):
        row = dict(prepared.row(i, named=True))
        for rule in rules:
            explain(rule, row, AS_OF, sources=sources, prepared=True, lang="zh-hant")
    per_enterprise_hant = (time.perf_counter() - start) / 20
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "bare_seconds": bare,
        "bare_cpu_seconds": bare_cpu,
        "conditions": conditions,
        "counts": counts,
        "data_mb": frame.estimated_size() / 2**20,
        "rss_before_mb": before / 1024,
        "peak_mb": peak / 1024,
        "explain_ms": per_enterprise * 1000,
        "explain_hant_ms": per_enterprise_hant * 1000,
    }


def _child_openfisca(n: int, runs: int) -> dict[str, Any]:
    import polars as pl

    from .engine import prepare
    from .openfisca_rules import build_system, simulation

    rules = bench_rules_set()
    frame = prepare(generate_frame(n), AS_OF)
    system, inputs = build_system(rules, frame.schema, AS_OF)
    arrays = {}
    for name, column in inputs.items():
        series = frame.get_column(column)
        if series.dtype == pl.Boolean:
            arrays[name] = series.fill_null(False).to_numpy()
        elif isinstance(series.dtype, pl.Enum):
            arrays[name] = series.to_physical().fill_null(0).cast(pl.Float64).to_numpy()
        else:
            arrays[name] = series.fill_null(0).cast(pl.Float64).to_numpy()
    del frame
    _reset_peak()
    before = _status_kb("VmRSS")

    def run() -> list[Any]:
        sim = simulation(system, n, arrays, AS_OF)
        return [sim.calculate(rule.code, str(AS_OF.year)) for rule in rules]

    seconds, results, cpu = _best(runs, run)
    peak = _status_kb("VmHWM")
    eligible = int(sum(int(r.sum()) for r in results))
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "rss_before_mb": before / 1024,
        "peak_mb": peak / 1024,
        "eligible": eligible,
    }


def _child_loading(small: int) -> dict[str, Any]:
    from .builders import department_exports, generate_enterprises, to_csv
    from .engine import frame_from_records
    from .imports import parse_registry
    from .openfisca_rules import build_system, situation_seconds

    out: dict[str, Any] = {}
    frame_from_records([{"id": 1, "revenue@2024": 1.0}])  # warm up
    for label, size in (("small", small), ("large", small * 4)):
        generated = generate_enterprises(size, seed=3)
        name, rows = next((n, r) for d, n, r in department_exports(generated) if n.startswith("统计名录库"))
        data = to_csv(rows)
        start = time.process_time()
        parsed = parse_registry("统计名录库.csv", data)
        out[f"csv_{label}_us"] = (time.process_time() - start) / max(parsed.rows, 1) * 1e6
        records = [
            {"id": i, f"revenue@{y}": e.revenue[y], f"above_scale@{y}": e.above_scale[y]}
            for i, e in enumerate(generated, start=1)
            for y in (2024,)
        ]
        start = time.process_time()
        frame_from_records(records)
        out[f"records_{label}_us"] = (time.process_time() - start) / size * 1e6
    rules = bench_rules_set()
    frame = generate_frame(10)
    system, inputs = build_system(rules, frame.schema, AS_OF)
    situation_seconds(system, inputs, 10)  # warm up
    for label, size in (("small", OPENFISCA_JSON_SIZE), ("large", OPENFISCA_JSON_SIZE * 4)):
        out[f"openfisca_json_{label}_us"] = situation_seconds(system, inputs, size) / size * 1e6
    out["small"] = small
    return out


def main(argv: list[str] | None = None) -> int:
    """The child process: ``python -m taizhang.enterprises.bench ours|openfisca|loading N RUNS``."""
    args = argv if argv is not None else sys.argv[1:]
    kind, n, runs = args[0], int(args[1]), int(args[2])
    if kind == "loading":  # the import checks read the models' validators
        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.settings")
        django.setup()
    result = {"ours": _child_ours, "openfisca": _child_openfisca}.get(kind)
    out = result(n, runs) if result is not None else _child_loading(n)
    print(json.dumps(out))
    return 0


# ----------------------------------------------------------------------------------- parent


def _run_child(kind: str, n: int, runs: int, timeout: int = 900) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        {
            "POLARS_MAX_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "DJANGO_SETTINGS_MODULE": env.get("DJANGO_SETTINGS_MODULE", "taizhang.settings"),
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "taizhang.enterprises.bench", kind, str(n), str(runs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{kind} {n}: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}"
        )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _openfisca_installed() -> bool:
    try:
        import openfisca_core  # noqa: F401
    except ImportError:
        return False
    return True


@register(
    "enterprises", "50 benefits x 1,000,000 enterprises on one core, with explanations; OpenFisca on the same"
)
def bench_rules(options: BenchOptions) -> list[Figure]:
    """Ours and OpenFisca at one million enterprises, and the loading paths."""
    runs = max(1, min(options.runs, 5))
    ours = _run_child("ours", 1_000_000, runs)
    figures = [
        Figure("1M x 50: conditions and statuses, wall (one core)", ours["seconds"], "s"),
        Figure("1M x 50: conditions and statuses, CPU", ours["cpu_seconds"], "s"),
        Figure(
            "1M x 50: statuses only, wall / CPU", ours["bare_seconds"], f"/ {ours['bare_cpu_seconds']:.3f} s"
        ),
        Figure("1M x 50: distinct conditions computed", ours["conditions"], ""),
        Figure(
            "1M x 50: eligible / possibly (sum over benefits)",
            ours["counts"]["eligible"],
            f"/ {ours['counts']['possibly']:,}",
        ),
        Figure("1M x 50: data in memory", ours["data_mb"], "MB"),
        Figure("1M x 50: peak memory (process, during evaluation)", ours["peak_mb"], "MB"),
        Figure("1M x 50: memory added by evaluation", ours["peak_mb"] - ours["rss_before_mb"], "MB"),
        Figure("explanations of one enterprise, 50 benefits (简体)", ours["explain_ms"], "ms"),
        Figure("explanations of one enterprise, 50 benefits (繁體)", ours["explain_hant_ms"], "ms"),
    ]
    if _openfisca_installed():
        theirs = _run_child("openfisca", 1_000_000, runs)
        figures += [
            Figure("OpenFisca 1M x 50: bare evaluation, wall (one core)", theirs["seconds"], "s"),
            Figure("OpenFisca 1M x 50: bare evaluation, CPU", theirs["cpu_seconds"], "s"),
            Figure("OpenFisca 1M x 50: peak memory (process)", theirs["peak_mb"], "MB"),
            Figure(
                "OpenFisca 1M x 50: memory added by evaluation",
                theirs["peak_mb"] - theirs["rss_before_mb"],
                "MB",
            ),
            Figure(
                "ratio OpenFisca bare / ours with conditions (wall)",
                theirs["seconds"] / ours["seconds"],
                "x",
                ".1f",
            ),
            Figure(
                "ratio OpenFisca bare / ours with conditions (CPU)",
                theirs["cpu_seconds"] / ours["cpu_seconds"],
                "x",
                ".1f",
            ),
        ]
        loading = _run_child("loading", 20_000, 1)
        small, large = loading["small"], loading["small"] * 4
        figures += [
            Figure(
                f"load: CSV export checked, {small:,} / {large:,} rows",
                loading["csv_small_us"],
                f"/ {loading['csv_large_us']:.1f} µs/row (CPU)",
            ),
            Figure(
                f"load: records to frame, {small:,} / {large:,} rows",
                loading["records_small_us"],
                f"/ {loading['records_large_us']:.2f} µs/row (CPU)",
            ),
            Figure(
                f"load: OpenFisca JSON situation, {OPENFISCA_JSON_SIZE:,} / {OPENFISCA_JSON_SIZE * 4:,} rows",
                loading["openfisca_json_small_us"],
                f"/ {loading['openfisca_json_large_us']:.1f} µs/row (CPU)",
            ),
        ]
    else:
        figures.append(Figure("OpenFisca: not installed (pip install -e '.[dev]')", 0, ""))
    return figures


@register("enterprises-10m", "50 benefits x 10,000,000 enterprises on one core (a province)")
def bench_rules_10m(options: BenchOptions) -> list[Figure]:
    """Ours at ten million enterprises."""
    if os.environ.get("TAIZHANG_BENCH_SKIP_10M"):
        raise BenchSkipped("TAIZHANG_BENCH_SKIP_10M is set")
    ours = _run_child("ours", 10_000_000, 2, timeout=1800)
    return [
        Figure("10M x 50: conditions and statuses, wall (one core)", ours["seconds"], "s"),
        Figure("10M x 50: conditions and statuses, CPU", ours["cpu_seconds"], "s"),
        Figure("10M x 50: data in memory", ours["data_mb"], "MB"),
        Figure("10M x 50: peak memory (process, during evaluation)", ours["peak_mb"], "MB"),
        Figure("10M x 50: memory added by evaluation", ours["peak_mb"] - ours["rss_before_mb"], "MB"),
    ]


if __name__ == "__main__":
    sys.exit(main())

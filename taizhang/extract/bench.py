"""Benchmarks behind ``taizhang bench``: a small registry of named bench functions.

Each bench takes the command's options and returns figures (label, value, unit); the command
prints them as one table. The extraction benches are registered here; others (the web
application's) register theirs with :func:`register` and the command runs them all::

    @register("web-list", "task list page, 500 tasks")
    def bench_web_list(options: BenchOptions) -> list[Figure]: ...
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

__all__ = [
    "BenchSkipped",
    "BenchOptions",
    "Figure",
    "Bench",
    "register",
    "registered",
    "run_benches",
    "generate_document",
    "chinese_number",
]


class BenchSkipped(Exception):
    """Raised by a bench that cannot run here (no bench data): its row says "skipped", and the
    reason (with how to make the data) is printed below the table."""


@dataclass(frozen=True)
class BenchOptions:
    """What the command was asked: the seed folder, the size of the generated document, runs."""

    seeds: Path | None = None
    mb: float = 10.0
    runs: int = 20


@dataclass(frozen=True)
class Figure:
    """One measured figure of a bench."""

    label: str
    value: float
    unit: str
    fmt: str = ""  # a format spec for the value ("", the default, picks one by magnitude)


@dataclass(frozen=True)
class Bench:
    """A named bench: a function from options to figures."""

    name: str
    description: str
    run: Callable[[BenchOptions], list[Figure]]


_REGISTRY: dict[str, Bench] = {}


def register(
    name: str, description: str
) -> Callable[[Callable[[BenchOptions], list[Figure]]], Callable[[BenchOptions], list[Figure]]]:
    """Register a bench function under ``name`` (a second registration of a name replaces it)."""

    def decorate(fn: Callable[[BenchOptions], list[Figure]]) -> Callable[[BenchOptions], list[Figure]]:
        _REGISTRY[name] = Bench(name, description, fn)
        return fn

    return decorate


def child_figures(args: Sequence[str], env: dict[str, str], what: str) -> list[Figure]:
    """Run a bench in a child Python (``python -m`` ``args``, with ``env``) and read the figures it
    prints as its last JSON line (``{"figures": [[label, value, unit], ...]}``); its other output
    goes through. RuntimeError naming ``what`` when it fails."""
    done = subprocess.run(
        [sys.executable, "-m", *args], env=env, stdout=subprocess.PIPE, text=True, timeout=1800, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{what} failed (exit status {done.returncode}); see above")
    return [Figure(label, value, unit) for label, value, unit in json.loads(lines[-1])["figures"]]


def registered() -> list[Bench]:
    """The registered benches, in registration order."""
    return list(_REGISTRY.values())


def run_benches(options: BenchOptions, names: Sequence[str] = (), out: TextIO | None = None) -> int:
    """Run the named benches (all when none are named) and print their figures; the exit status.

    A bench that fails prints its error in place of its figures; the status is then 1.
    """
    out = out or sys.stdout
    unknown = [n for n in names if n not in _REGISTRY]
    if unknown:
        print(f"error: unknown bench: {', '.join(unknown)} (known: {', '.join(_REGISTRY)})", file=sys.stderr)
        return 2
    status = 0
    rows: list[tuple[str, str, str]] = []
    skipped: list[str] = []
    for bench in registered():
        if names and bench.name not in names:
            continue
        print(f"running {bench.name}: {bench.description} …", file=sys.stderr, flush=True)
        try:
            figures = bench.run(options)
        except BenchSkipped as exc:
            rows.append((bench.name, "skipped (see below)", ""))
            skipped.append(f"{bench.name}: skipped: {exc}")
            continue
        except Exception as exc:  # a bench must not hide the others' figures
            rows.append((bench.name, f"error: {type(exc).__name__}: {exc}", ""))
            status = 1
            continue
        for f in figures:
            value = format(f.value, f.fmt) if f.fmt else _format_value(f.value)
            rows.append((bench.name, f.label, f"{value} {f.unit}".rstrip()))
    _print_table(("bench", "figure", "value"), rows, out)
    if skipped:
        print("", *skipped, sep="\n", file=out)
    return status


def _format_value(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if value >= 0.001 else f"{value:.2e}"


def _width(text: str) -> int:
    return sum(1 if ord(ch) < 0x1100 else 2 for ch in text)


def _print_table(header: tuple[str, str, str], rows: Iterable[tuple[str, str, str]], out: TextIO) -> None:
    rows = [header, *rows]
    widths = [max(_width(r[i]) for r in rows) for i in range(3)]

    def line(r: tuple[str, str, str]) -> str:
        cells = [r[0] + " " * (widths[0] - _width(r[0])), r[1] + " " * (widths[1] - _width(r[1]))]
        return "  ".join([*cells, " " * (widths[2] - _width(r[2])) + r[2]])

    print(line(rows[0]), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows[1:]:
        print(line(r), file=out)


# ---------------------------------------------------------------------------------------------
# Timing helpers


def _best_of(runs: int, fn: Callable[[], object]) -> float:
    """The shortest wall time of ``runs`` calls of ``fn``, each after the pipeline's memos are cleared."""
    from .pipeline import clear_caches

    best = float("inf")
    for _ in range(max(runs, 1)):
        clear_caches()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _peak_rss_mb() -> float | None:
    """The process's peak resident memory so far, in MB (None where the platform cannot tell)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# ---------------------------------------------------------------------------------------------
# The extraction benches


def _compiled_figure() -> Figure:
    """How many of the library's modules run compiled (mypyc: ``make bench-compiled``), of those
    that may; 0 when it runs as Python."""
    from .compiled import COMPILED_MODULES, compiled_modules

    return Figure("modules compiled (mypyc)", len(compiled_modules()), f"of {len(COMPILED_MODULES)}")


def _seed_files(options: BenchOptions) -> list[Path]:
    if options.seeds is None:
        raise ValueError("no seed folder given (--seeds DIR)")
    if not options.seeds.is_dir():
        raise ValueError(f"{options.seeds}: not a folder")
    files = sorted(options.seeds.glob("*.txt"))
    if not files:
        raise ValueError(f"{options.seeds}: no .txt files")
    return files


@register("extract-seeds", "extraction of the seed .txt files (best of N runs)")
def bench_extract_seeds(options: BenchOptions) -> list[Figure]:
    """Extraction speed on the seed documents, text already read: the pipeline itself."""
    from .pipeline import extract_text

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in _seed_files(options)]
    chars = sum(len(t) for _, t in texts)

    def once() -> None:
        for name, text in texts:
            extract_text(text, name=name)

    best = _best_of(options.runs, once)
    tasks = sum(len(extract_text(t, name=n).tasks) for n, t in texts)
    return [
        _compiled_figure(),
        Figure("documents", len(texts), ""),
        Figure("characters", chars, "chars"),
        Figure("tasks found", tasks, ""),
        Figure(f"whole seed set, best of {options.runs}", best, "s"),
        Figure("speed", chars / best if best else 0.0, "chars/s"),
    ]


@register("extract-large", "extraction of a generated policy document of --mb MB")
def bench_extract_large(options: BenchOptions) -> list[Figure]:
    """Extraction speed and memory on one large generated document (best of a few runs)."""
    from .pipeline import extract_text

    text = generate_document(int(options.mb * 1024 * 1024))
    runs = max(1, min(5, options.runs))  # best of 5: a shared machine is rarely quiet for long
    rss_before = _peak_rss_mb()
    found: list[int] = []

    def once() -> None:
        found.append(len(extract_text(text, name="generated.txt").tasks))

    best = _best_of(runs, once)
    rss_after = _peak_rss_mb()
    figures = [
        _compiled_figure(),
        Figure("size", len(text.encode("utf-8")) / (1024 * 1024), "MB (UTF-8)", ".2f"),
        Figure("characters", len(text), "chars"),
        Figure("tasks found", found[-1], ""),
        Figure(f"time, best of {runs}", best, "s"),
        Figure("speed", len(text) / best if best else 0.0, "chars/s"),
    ]
    if rss_after is not None:
        figures.append(Figure("peak memory (process)", rss_after, "MB", ".1f"))
        if rss_before is not None:
            figures.append(Figure("peak memory growth", rss_after - rss_before, "MB", ".1f"))
    return figures


# ---------------------------------------------------------------------------------------------
# A generated policy document


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """``n`` (1..9999) in Chinese numerals as headings write it: 1 -> 一, 12 -> 十二, 105 -> 一百零五."""
    if not 1 <= n <= 9999:
        raise ValueError(f"chinese_number: {n} is outside 1..9999")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out: list[str] = []
    zero = False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out.append("零")
            out.append(_DIGITS[digit] + name)
            zero = False
        else:
            zero = True
    return "".join(out)


_GOALS = (
    "优化政务服务环境",
    "强化要素保障",
    "激发市场主体活力",
    "提升监管执法效能",
    "加强法治保障",
    "推进开放合作",
    "促进科技创新",
    "完善企业服务体系",
    "提升城市功能品质",
    "深化重点领域改革",
)
_MEASURES = (
    "推进审批服务标准化",
    "降低企业经营成本",
    "拓展融资渠道",
    "保障用地用房需求",
    "加强人才引进培育",
    "规范涉企检查",
    "健全信用体系",
    "推动数据共享",
    "完善纠纷化解机制",
    "加快产业平台建设",
    "提升跨境贸易便利度",
    "优化招商引资服务",
    "推动科技成果转化",
    "加强知识产权保护",
)
_VERBS = ("推行", "完善", "建立", "深化", "拓展", "落实", "探索", "实施", "优化", "健全")
_OBJECTS = (
    "企业开办“一网通办”服务",
    "工程建设项目审批全流程网上办理",
    "惠企政策“免申即享”机制",
    "中小企业融资风险补偿资金池",
    "重点企业“服务专员”制度",
    "产业用房租金补贴政策",
    "涉企行政检查“综合查一次”",
    "公共信用信息修复服务",
    "政务数据共享目录",
    "商事纠纷多元化解平台",
    "高层次人才安居保障",
    "知识产权快速维权通道",
    "跨境贸易单一窗口功能",
    "企业诉求闭环办理机制",
)
_DETAILS = (
    "压缩办理时间至{n}个工作日以内",
    "全年服务企业不少于{n}家",
    "新增{n}个应用场景",
    "惠及企业{n}家以上",
    "办结率达到{p}%以上",
    "年内培育{n}家示范企业",
    "覆盖全区{p}%的街道",
)
_LEADS = (
    "区发展改革局",
    "区政务服务数据管理局",
    "区市场监督管理局",
    "区财政局",
    "区科技创新局",
    "区商务局",
    "区人力资源局",
    "区司法局",
    "区住房建设局",
    "区投资促进局",
    "区工业和信息化局",
)
_HELPERS = (
    "各街道办",
    "区税务局",
    "区规划和自然资源局",
    "区城市更新局",
    "区人民法院",
    "区金融服务署",
    "区企业服务中心",
    "区统计局",
    "区应急管理局",
)


def _deadline(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return "常态化推进"
    year = rng.choice((2024, 2025, 2026))
    if roll < 0.3:
        return f"{year}年"
    return f"{year}年{rng.choice((3, 6, 9, 12))}月"


def _task_sentence(rng: random.Random) -> str:
    detail = rng.choice(_DETAILS).format(n=rng.randint(3, 500), p=rng.randint(80, 100))
    return (
        f"{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}，{detail}。"
    )


def _units(rng: random.Random) -> tuple[str, str]:
    lead = rng.choice(_LEADS)
    helpers = [h for h in rng.sample(_HELPERS, rng.randint(0, 3))]
    return lead, "、".join(helpers)


def generate_document(size_bytes: int, seed: int = 2024) -> str:
    """A deterministic policy document of about ``size_bytes`` (UTF-8): sections in prose and tables.

    The document alternates two parts as plans do: numbered prose (一、 / （一） / 1. with the
    lead unit in brackets) and a flattened task table (序号 / 主要措施 / 重点任务 / 完成时限 /
    牵头单位 / 协办单位, one cell a line). Section and task numbers continue through the document.
    """
    rng = random.Random(seed)
    parts: list[str] = [
        "某区优化营商环境行动方案任务分解\n\n为持续优化营商环境，结合本区实际，制定本方案。\n\n"
    ]
    size = len(parts[0].encode("utf-8"))
    section = 0
    task = 0
    while size < size_bytes:
        section += 1
        as_table = section % 2 == 0
        lines: list[str] = []
        heading = f"{chinese_number(section)}、{rng.choice(_GOALS)}"
        if as_table:
            lines += [
                "\t序号",
                "\t主要措施",
                "\t重点任务",
                "\t完成时限",
                "\t牵头单位",
                "\t协办单位",
                "",
                f"\t{heading}",
                "",
            ]
        else:
            lines += [heading, ""]
        for m in range(1, rng.randint(3, 6) + 1):
            measure = f"（{chinese_number(m)}）{rng.choice(_MEASURES)}"
            for k in range(rng.randint(2, 4)):
                task += 1
                lead, helpers = _units(rng)
                deadline = _deadline(rng)
                if as_table:
                    first = k == 0
                    lines += [
                        f"\t{measure[: measure.index('）') + 1]}" if first else "\t",
                        f"\t{measure[measure.index('）') + 1 :]}" if first else "\t",
                        f"\t{task}.{_task_sentence(rng)}",
                        f"\t{deadline}",
                        f"\t{lead}",
                        f"\t{helpers or '——'}",
                        "",
                    ]
                else:
                    if k == 0:
                        lines += [measure, ""]
                    helper_note = f"；配合单位：{helpers}" if helpers else ""
                    lines += [
                        f"{task}.{_task_sentence(rng)}（牵头单位：{lead}{helper_note}；完成时限：{deadline}）",
                        "",
                    ]
        chunk = "\n".join(lines) + "\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "".join(parts)

"""The ``bulletin`` bench of ``taizhang bench``: a bulletin of the whole bench ledger, timed.

The bench runs in a child process (``python -m taizhang.devtools.bulletin_bench URL``) whose
``DATABASE_URL`` is the bench database made by ``taizhang benchdata`` (SQLite by default,
``TAIZHANG_BULLETIN_BENCH_DATABASE=postgres`` or a URL for another); it gathers the current
quarter's figures and writes the .docx and the .pdf in memory, writing nothing to the database.
Without a bench database it skips at once.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from pathlib import Path

from taizhang.extract.bench import BenchOptions, BenchSkipped, Figure, child_figures, register

__all__ = ["bench_bulletin"]


def _database_url() -> str | None:
    """The bench database to use: ``TAIZHANG_BULLETIN_BENCH_DATABASE`` when set, else the
    PostgreSQL bench database when it holds a ledger, else the SQLite one; None when none does."""
    from taizhang.devtools.webbench import bench_database_url, missing_bench_data

    chosen = os.environ.get("TAIZHANG_BULLETIN_BENCH_DATABASE")
    for name in [chosen] if chosen else ["postgres", "sqlite"]:
        url = bench_database_url(name)
        if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
            continue
        if missing_bench_data(url) is None:
            return url
    return None


@register("bulletin", "bulletin (通报) of the whole bench ledger: gather, .docx, .pdf (taizhang benchdata)")
def bench_bulletin(options: BenchOptions) -> list[Figure]:
    """Time one bulletin of the bench ledger in a child process configured on it."""
    url = _database_url()
    if url is None:
        raise BenchSkipped(
            "no bench database; generate it with: taizhang benchdata --database postgres (or sqlite)"
        )
    env = dict(os.environ, DATABASE_URL=url, DEBUG="0", DJANGO_SETTINGS_MODULE="taizhang.settings")
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # a server's settings need one; any will do here
    return child_figures(["taizhang.devtools.bulletin_bench", url], env, "the bulletin bench")


def _child(url: str) -> int:
    if os.environ.get("DATABASE_URL") != url:
        print("error: run through `taizhang bench bulletin`, which sets DATABASE_URL", file=sys.stderr)
        return 2
    import django

    django.setup()
    from django.utils import timezone

    from taizhang.bulletins.actions import DEFAULT_ISSUER
    from taizhang.bulletins.build import Masthead, gather
    from taizhang.bulletins.docx import write_docx
    from taizhang.bulletins.pdf import write_pdf

    today = timezone.localdate()
    period = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    head = Masthead(DEFAULT_ISSUER, f"营商督通〔{today.year}〕1号")
    start = time.perf_counter()
    data = gather(period)
    gathered = time.perf_counter()
    docx = write_docx(data, head)
    written = time.perf_counter()
    pdf = write_pdf(data, head)
    done = time.perf_counter()
    figures = [
        ("tasks", data.summary.tasks, ""),
        ("red tasks", data.summary.red, ""),
        ("red tasks listed", sum(len(group.tasks) for group in data.red_by_unit), ""),
        ("units ranked", len(data.ranking), ""),
        ("gather figures", round((gathered - start) * 1000, 1), "ms"),
        ("write .docx", round((written - gathered) * 1000, 1), "ms"),
        ("write .pdf", round((done - written) * 1000, 1), "ms"),
        (".docx size", round(len(docx) / 1024, 1), "KB"),
        (".pdf size", round(len(pdf) / 1024, 1), "KB"),
    ]
    print(json.dumps({"figures": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]) if len(sys.argv) == 2 else 2)

"""The ``taizhang`` command: extraction and benchmarks here, every other command Django's.

    taizhang extract FILE... [--json-dir DIR] [--xlsx OUT] [--docx OUT] [--quiet]
    taizhang bench [--seeds DIR] [--mb 10] [--runs 20] [NAME...]
    taizhang <django command> ...        # demo, runserver, migrate, createsuperuser, help, …

Exit status: 0 when all went well, 1 when a file failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from taizhang.extract import Extraction

__all__ = ["main"]

OWN_COMMANDS = ("extract", "bench")
# Development tools: DEBUG is on for them unless the environment says otherwise (a server's
# commands, with DEBUG off, need a SECRET_KEY: see docs/deploy.md).
DEVELOPMENT_COMMANDS = ("demo", "runserver", "benchdata", "buildlocales", "makemigrations", "probe")
DEFAULT_SETTINGS = "taizhang.settings"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` by default) and return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-") and args[0] not in OWN_COMMANDS:
        return _django(args)
    parser = _parser()
    try:
        options = parser.parse_args(args)
    except SystemExit as exc:  # argparse exits 2 on a usage error, 0 after --help
        return _exit_code(exc)
    if options.command is None:
        parser.print_help(sys.stderr)
        return 2
    if options.command == "extract":
        return _extract(options)
    return _bench(options)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taizhang",
        description="台账: policy documents to task tables. Any other command is passed to Django "
        "(taizhang demo, taizhang runserver, taizhang migrate, taizhang help).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract the tasks of policy documents",
        description="Extract tasks and metrics from documents (.txt, .docx, .xlsx, .html, .pdf). "
        "With no output option, the JSON goes to standard output.",
    )
    ex.add_argument("files", nargs="+", metavar="FILE", type=Path, help="documents to read")
    ex.add_argument("--json-dir", type=Path, metavar="DIR", help="write DIR/<file stem>.json for each input")
    ex.add_argument("--xlsx", type=Path, metavar="OUT", help="write one task table workbook for all inputs")
    ex.add_argument("--docx", type=Path, metavar="OUT", help="write one task table document for all inputs")
    ex.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary line")

    bench = sub.add_parser(
        "bench",
        help="measure extraction speed (and other registered benches)",
        description="Run the registered benchmarks and print a table of figures.",
    )
    bench.add_argument("names", nargs="*", metavar="NAME", help="benches to run (all by default)")
    bench.add_argument("--seeds", type=Path, metavar="DIR", help="folder of seed .txt documents")
    bench.add_argument("--mb", type=_positive_float, default=10.0, help="size of the generated document (MB)")
    bench.add_argument("--runs", type=_positive_int, default=20, help="runs per bench; the best counts")
    bench.add_argument("--list", action="store_true", help="list the benches and exit")
    return parser


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 1024:
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 1024: {text}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


# ---------------------------------------------------------------------------------------------
# taizhang extract


def _extract(options: argparse.Namespace) -> int:
    from tqdm import tqdm

    from taizhang.extract import ExtractionError, extract

    files: list[Path] = options.files
    to_stdout = not (options.json_dir or options.xlsx or options.docx)
    err: TextIO = sys.stderr
    show_bar = not options.quiet and len(files) > 1 and err.isatty()

    if options.json_dir is not None:
        try:
            options.json_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"error: {options.json_dir}: cannot create the folder: {_os_reason(exc)}", file=err)
            return 1

    def report(line: str) -> None:
        if show_bar:
            tqdm.write(line, file=err)
        else:
            print(line, file=err)

    done: list[Extraction] = []
    failed = 0
    stems: set[str] = set()
    started = time.perf_counter()
    for path in tqdm(files, desc="extract", unit="file", file=err, disable=not show_bar):
        try:
            problem = _unreadable(path)
            if problem:
                raise ExtractionError(str(path), problem)
            result = extract(path)
        except ExtractionError as exc:
            report(f"error: {path}: {exc.reason}")
            failed += 1
            continue
        except OSError as exc:
            report(f"error: {path}: {_os_reason(exc)}")
            failed += 1
            continue
        except Exception as exc:  # the last resort: one line, never a traceback
            report(f"error: {path}: internal error: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        done.append(result)
        if options.json_dir is not None:
            out = options.json_dir / f"{_unique_stem(path, stems)}.json"
            if not _write(out, functools.partial(_write_json, result), report):
                failed += 1
    elapsed = time.perf_counter() - started

    if to_stdout and done:
        _print_json(done)
    if done:
        from taizhang.extract.render import write_docx, write_xlsx

        if options.xlsx is not None and not _write(options.xlsx, lambda p: write_xlsx(done, p), report):
            failed += 1
        if options.docx is not None and not _write(options.docx, lambda p: write_docx(done, p), report):
            failed += 1
    elif options.xlsx is not None or options.docx is not None:
        report("error: no document could be read: no task table written")

    if not options.quiet:
        tasks = sum(len(r.tasks) for r in done)
        metrics = sum(len(r.metrics) for r in done)
        noun = "file" if len(files) == 1 else "files"
        print(
            f"extracted {len(files)} {noun}: {tasks} tasks, {metrics} metrics in {elapsed:.2f} s; {failed} failed",
            file=err,
        )
    return 1 if failed or len(done) < len(files) else 0


def _unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a document, said plainly; None when it can be tried."""
    if not path.exists():
        return "no such file"
    if path.is_dir():
        return "is a folder, not a file"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _unique_stem(path: Path, used: set[str]) -> str:
    """The file's stem, numbered when another input already gave it (a/plan.txt, b/plan.docx)."""
    stem, n = path.stem or "document", 2
    while stem in used:
        stem, n = f"{path.stem}-{n}", n + 1
    used.add(stem)
    return stem


def _write(path: Path, write: Callable[[Path], None], report: Callable[[str], None]) -> bool:
    """Run ``write(path)``; on failure report one line naming the output and return False."""
    try:
        write(path)
    except OSError as exc:
        report(f"error: {path}: cannot write: {_os_reason(exc)}")
        return False
    except Exception as exc:  # a renderer's bug must not hide the other outputs
        report(f"error: {path}: internal error: {type(exc).__name__}: {exc}")
        return False
    return True


def _write_json(result: Extraction, path: Path) -> None:
    from taizhang.extract.render import to_json

    path.write_text(to_json(result) + "\n", encoding="utf-8")


def _print_json(results: Sequence[Extraction]) -> None:
    import json

    from taizhang.extract.render import to_json

    if len(results) == 1:
        sys.stdout.write(to_json(results[0]) + "\n")
    else:
        docs = [r.to_dict() for r in results]
        sys.stdout.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------------------------
# taizhang bench


def _bench(options: argparse.Namespace) -> int:
    # The benches are development tools (their own scratch databases): like `taizhang demo`, they
    # run with DEBUG on unless the environment says otherwise, so no production SECRET_KEY is needed.
    os.environ.setdefault("DEBUG", "1")
    import taizhang.devtools.bulletin_bench  # noqa: F401  (registers the bulletin bench)
    import taizhang.devtools.import_bench  # noqa: F401  (registers the import and review benches)
    import taizhang.devtools.webbench  # noqa: F401  (registers the web benches)
    import taizhang.enterprises.bench  # noqa: F401  (registers the benefit benches)
    from taizhang.extract.bench import BenchOptions, registered, run_benches

    if options.list:
        for b in registered():
            print(f"{b.name}: {b.description}")
        return 0
    return run_benches(BenchOptions(seeds=options.seeds, mb=options.mb, runs=options.runs), options.names)


# ---------------------------------------------------------------------------------------------
# Django's commands


def _django(args: list[str]) -> int:
    """Hand the command to Django's management, as ``manage.py`` would."""
    import importlib.util

    if args[0] in DEVELOPMENT_COMMANDS:
        os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    module = os.environ["DJANGO_SETTINGS_MODULE"]
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        print(
            f"error: taizhang {args[0]}: the Django settings module {module!r} cannot be found "
            f"(set DJANGO_SETTINGS_MODULE); `taizhang extract` and `taizhang bench` work without it",
            file=sys.stderr,
        )
        return 2
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        print(f"error: taizhang {args[0]}: Django is not installed: {exc}", file=sys.stderr)
        return 2
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads the settings: a missing SECRET_KEY is said here)
    except ImproperlyConfigured as exc:
        print(f"error: taizhang {args[0]}: {exc}", file=sys.stderr)
        return 2
    try:
        execute_from_command_line(["taizhang", *args])
    except SystemExit as exc:
        return _exit_code(exc)
    return 0


if __name__ == "__main__":
    sys.exit(main())

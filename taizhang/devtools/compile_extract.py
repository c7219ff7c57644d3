"""Build the compiled copy of the extraction library (mypyc), out of the source tree.

    python -m taizhang.devtools.compile_extract [--dest build/compiled] [--modules metrics units]

copies the ``taizhang`` package (its files, no caches and no built extensions) to ``DEST/taizhang``
and compiles there the extraction modules of ``taizhang.extract.compiled.COMPILED_MODULES`` (or
the ones named) with mypyc, which ships with mypy (a development dependency); it needs a C
compiler and Python's headers. Then ``PYTHONPATH=DEST`` runs the compiled copy (``make
bench-compiled``); the sources stay plain Python, untouched: nothing built lands beside a .py
file a developer edits. The copy keeps a manifest of its sources' digests and warns on import
once they changed (see ``taizhang.extract.compiled``); ``make compiled`` rebuilds it when any
source of the extraction library is newer.

The whole library takes a few minutes and about 1.5 GB of memory to compile (one large C file).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import taizhang
from taizhang.extract.compiled import COMPILED_MODULES, MANIFEST, source_digests

__all__ = ["copy_package", "build", "main"]

# A configuration of the type check mypyc runs (the project's own pyproject.toml loads the Django
# plugins, which the extraction library does not need).
_MYPY_CONFIG = """\
[mypy]
python_version = {major}.{minor}
ignore_missing_imports = True
"""


def copy_package(source: Path, dest: Path) -> Path:
    """Copy the package folder ``source`` (``…/taizhang``) to ``dest/taizhang``, afresh; the copy's
    folder. Caches and extensions built before are left behind."""
    target = dest / source.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        source,
        target,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.pyd", MANIFEST),
    )
    return target


def build(dest: Path, modules: Sequence[str] = COMPILED_MODULES, *, opt_level: str = "3") -> list[Path]:
    """Copy the package to ``dest`` and compile ``modules`` of its extraction library there; the
    extension files built. RuntimeError when mypyc fails (its output goes through)."""
    unknown = [m for m in modules if m not in COMPILED_MODULES]
    if unknown:
        raise ValueError(f"not an extraction module to compile: {', '.join(unknown)}")
    package = Path(taizhang.__file__).resolve().parent
    dest = dest.resolve()
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*__mypyc*"):  # the shared library of an earlier build
        old.unlink()
    copy = copy_package(package, dest)
    (dest / "mypy.ini").write_text(
        _MYPY_CONFIG.format(major=sys.version_info.major, minor=sys.version_info.minor), encoding="utf-8"
    )
    files = [f"taizhang/extract/{m}.py" for m in modules]
    env = {**os.environ, "MYPYC_OPT_LEVEL": opt_level}
    done = subprocess.run(
        [sys.executable, "-m", "mypyc", "--config-file", "mypy.ini", *files], cwd=dest, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"mypyc failed (exit status {done.returncode}); see above")
    extensions = [*(copy / "extract").glob("*.so"), *(copy / "extract").glob("*.pyd")]
    # (one module's extension and, beside it or in dest, the shared library mypyc links them to)
    built = sorted(p for p in extensions if p.name.split(".")[0] in modules)
    missing = [m for m in modules if not any(p.name.split(".")[0] == m for p in built)]
    if missing:
        raise RuntimeError(f"mypyc built no extension for {', '.join(missing)}")
    manifest = {"source": str(package / "extract"), "digests": source_digests(package / "extract")}
    (copy / "extract" / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="compile_extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dest", type=Path, default=Path("build/compiled"), help="folder of the copy")
    parser.add_argument("--modules", nargs="+", default=list(COMPILED_MODULES), help="modules to compile")
    parser.add_argument("--opt-level", default="3", choices=["0", "1", "2", "3"], help="C optimisation")
    options = parser.parse_args(argv)
    try:
        built = build(options.dest, options.modules, opt_level=options.opt_level)
    except (RuntimeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"compiled {len(built)} modules into {options.dest}: run them with PYTHONPATH={options.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

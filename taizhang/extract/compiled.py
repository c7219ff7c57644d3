"""The extraction modules compiled with mypyc: which ones are, and whether such a build is stale.

The library is plain Python and runs as such (tests, development). For speed it may also run as a
compiled copy (``make compiled`` / ``python -m taizhang.devtools.compile_extract``): a copy of the
``taizhang`` package, out of the source tree (``build/compiled``), whose modules named in
:data:`COMPILED_MODULES` are C extensions built by mypyc from the same sources, put first on the
path (``PYTHONPATH=build/compiled``; ``make bench-compiled`` does). A copy never shadows the
sources a developer edits; but a copy built before an edit runs the old code, so the copy keeps
a manifest (:data:`MANIFEST`: where its sources were and their digests) and importing it warns
when a source changed since (:func:`warn_if_stale`, called by the package on import).
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import sys
import warnings
from pathlib import Path

__all__ = [
    "COMPILED_MODULES",
    "MANIFEST",
    "StaleCompiledWarning",
    "compiled_modules",
    "source_digests",
    "stale_sources",
    "warn_if_stale",
]

# The modules of an extraction (what extract() and extract_text() run). The command-line tools
# (bench, calibrate, train_indicator, outputcheck), this module and the package's __init__ stay
# Python.
COMPILED_MODULES = (
    "articles",
    "confidence",
    "deadlines",
    "docinfo",
    "indicator_tables",
    "layout",
    "lexicon",
    "metrics",
    "model",
    "normalise",
    "numbers",
    "outline",
    "periods",
    "pipeline",
    "rates",
    "read",
    "render",
    "role_fallback",
    "rowfit",
    "sheets",
    "tables",
    "units",
)

# The manifest a compiled copy keeps beside this module: {"source": the folder of the sources'
# package, "digests": {file name: sha256 of the file}} for every .py of the package and data file.
MANIFEST = "_compiled.json"

_PACKAGE = __name__.rpartition(".")[0]


class StaleCompiledWarning(RuntimeWarning):
    """A compiled copy of the extraction modules runs code older than its sources."""


def compiled_modules() -> list[str]:
    """The modules of :data:`COMPILED_MODULES` that load (or were loaded) from extension files
    (compiled), by short name."""
    out = []
    for name in COMPILED_MODULES:
        module = sys.modules.get(f"{_PACKAGE}.{name}")
        if module is not None:
            path = getattr(module, "__file__", None) or ""
        else:
            spec = importlib.util.find_spec(f"{_PACKAGE}.{name}")
            path = (spec.origin if spec is not None else None) or ""
        if path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
            out.append(name)
    return out


def source_digests(package_dir: Path) -> dict[str, str]:
    """The sha256 of each .py file of the package folder ``package_dir`` and of each file of its
    data folder (word lists the copy reads as its own), by name (``metrics.py``, ``data/x.json``)."""
    files = [*package_dir.glob("*.py"), *(p for p in package_dir.glob("data/*") if p.is_file())]
    return {
        p.relative_to(package_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(files)
    }


def stale_sources(manifest: Path) -> list[str]:
    """The files whose sources changed (or appeared, or went) since the copy that holds
    ``manifest`` was built; none when the sources are not there to compare (an installed copy)."""
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        source = Path(recorded["source"])
        built: dict[str, str] = recorded["digests"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    if not source.is_dir():
        return []
    now = source_digests(source)
    return sorted(name for name in built.keys() | now.keys() if built.get(name) != now.get(name))


def warn_if_stale(package_dir: Path | None = None) -> list[str]:
    """Warn (:class:`StaleCompiledWarning`) when this package is a compiled copy older than its
    sources; the stale files. Nothing to do for the sources themselves (they keep no manifest)."""
    manifest = (package_dir or Path(__file__).parent) / MANIFEST
    if not manifest.is_file():
        return []
    stale = stale_sources(manifest)
    if stale:
        warnings.warn(
            f"the compiled extraction modules in {manifest.parent} are older than their sources "
            f"({', '.join(stale[:5])}{' …' if len(stale) > 5 else ''} changed): they run the old code; "
            "rebuild them (make compiled) or take build/compiled off PYTHONPATH",
            StaleCompiledWarning,
            stacklevel=2,
        )
    return stale

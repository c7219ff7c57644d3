"""The compiled copy of the extraction library (mypyc): which modules, the copy, its manifest and
the warning of a stale build; one module compiled for real (slow; skipped without mypyc or a C
compiler)."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import warnings
from pathlib import Path

import pytest

import taizhang
from taizhang.devtools.compile_extract import build, copy_package
from taizhang.extract.compiled import (
    COMPILED_MODULES,
    MANIFEST,
    StaleCompiledWarning,
    compiled_modules,
    source_digests,
    stale_sources,
    warn_if_stale,
)

EXTRACT = Path(taizhang.__file__).resolve().parent / "extract"
# The modules that stay Python: the package, this bookkeeping and the command-line tools.
PYTHON_ONLY = {"__init__", "compiled", "bench", "calibrate", "train_indicator", "outputcheck"}


def test_every_module_of_the_library_is_either_compiled_or_named_python_only() -> None:
    modules = {p.stem for p in EXTRACT.glob("*.py")}
    assert modules == set(COMPILED_MODULES) | PYTHON_ONLY
    assert not set(COMPILED_MODULES) & PYTHON_ONLY


def test_the_sources_run_as_python_and_keep_no_manifest() -> None:
    if os.environ.get("PYTHONPATH", "").find("compiled") >= 0:
        pytest.skip("the suite runs against a compiled copy")
    assert compiled_modules() == []
    assert not (EXTRACT / MANIFEST).exists()
    assert not list(EXTRACT.glob("*.so"))  # nothing built beside the sources


def _package(tmp_path: Path) -> tuple[Path, Path]:
    """A source folder of two modules and a copy of it holding a manifest of them."""
    source = tmp_path / "src" / "extract"
    source.mkdir(parents=True)
    (source / "a.py").write_text("A = 1\n", encoding="utf-8")
    (source / "b.py").write_text("B = 2\n", encoding="utf-8")
    copy = tmp_path / "copy" / "extract"
    copy.mkdir(parents=True)
    manifest = {"source": str(source), "digests": source_digests(source)}
    (copy / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return source, copy


def test_a_copy_whose_sources_did_not_change_is_not_stale(tmp_path: Path) -> None:
    _, copy = _package(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert warn_if_stale(copy) == []


def test_a_source_changed_added_or_removed_after_the_build_makes_the_copy_stale(tmp_path: Path) -> None:
    source, copy = _package(tmp_path)
    (source / "a.py").write_text("A = 3\n", encoding="utf-8")
    (source / "c.py").write_text("C = 4\n", encoding="utf-8")
    (source / "b.py").unlink()
    assert stale_sources(copy / MANIFEST) == ["a.py", "b.py", "c.py"]
    (source / "data").mkdir()
    (source / "data" / "words.json").write_text("[]", encoding="utf-8")
    assert stale_sources(copy / MANIFEST) == ["a.py", "b.py", "c.py", "data/words.json"]
    with pytest.warns(
        StaleCompiledWarning, match=r"older than their sources \(a.py, b.py, c.py, data/words.json changed\)"
    ):
        warn_if_stale(copy)


def test_an_installed_copy_whose_sources_are_gone_and_a_bad_manifest_say_nothing(tmp_path: Path) -> None:
    source, copy = _package(tmp_path)
    shutil.rmtree(source)
    assert stale_sources(copy / MANIFEST) == []
    (copy / MANIFEST).write_text("{not json", encoding="utf-8")
    assert stale_sources(copy / MANIFEST) == []
    assert warn_if_stale(tmp_path) == []  # no manifest at all: the sources themselves


def test_the_copy_leaves_caches_built_extensions_and_an_old_manifest_behind(tmp_path: Path) -> None:
    source = tmp_path / "taizhang"
    (source / "extract" / "__pycache__").mkdir(parents=True)
    (source / "extract" / "m.py").write_text("X = 1\n", encoding="utf-8")
    (source / "extract" / "__pycache__" / "m.cpython-311.pyc").write_bytes(b"")
    (source / "extract" / "m.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (source / "extract" / MANIFEST).write_text("{}", encoding="utf-8")
    dest = tmp_path / "out"
    (dest / "taizhang").mkdir(parents=True)
    (dest / "taizhang" / "old.py").write_text("", encoding="utf-8")
    copy = copy_package(source, dest)
    assert sorted(str(p.relative_to(copy)) for p in copy.rglob("*")) == ["extract", "extract/m.py"]


def test_build_refuses_a_module_it_does_not_compile(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="bench"):
        build(tmp_path, ["bench"])


def _can_compile() -> bool:
    return (
        importlib.util.find_spec("mypyc") is not None
        and shutil.which(str(sysconfig.get_config_var("CC") or "cc").split()[0]) is not None
        and Path(sysconfig.get_paths()["include"], "Python.h").is_file()
    )


# A .docx whose parts are broken: its reader fails with an exception of its own (KeyError), which
# read_bytes turns into an ExtractionError.
_BROKEN_DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types '
    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
    "word/document.xml": '<w:document xmlns:w="x"><w:body><w:p',
}

_PROBE = """
import io, json, sys, zipfile
from taizhang.extract import numbers
from taizhang.extract.compiled import compiled_modules
from taizhang.extract.model import ExtractionError
from taizhang.extract.read import read_bytes
out = io.BytesIO()
with zipfile.ZipFile(out, "w") as z:
    for name, body in json.loads(sys.argv[1]).items():
        z.writestr(name, body)
try:
    read_bytes(out.getvalue(), "bad.docx")
    refused = None
except ExtractionError as exc:
    refused = exc.reason
values = [str(numbers.parse_number(s)) for s in json.loads(sys.argv[2])]
print(json.dumps([compiled_modules(), numbers.__file__, values, refused]))
"""

NUMBERS = ["1,250.6", "三百二十", "两千零五", "0.75", "十二"]


@pytest.mark.slow
@pytest.mark.skipif(not _can_compile(), reason="mypyc, a C compiler or Python's headers are missing")
def test_modules_compiled_run_as_extensions_and_read_as_the_sources(tmp_path: Path) -> None:
    # (model too: a name of the type of a compiled class is checked, one of a Python class is not)
    built = build(tmp_path / "compiled", ["model", "numbers", "read"], opt_level="0")
    assert [p.name.split(".")[0] for p in built] == ["model", "numbers", "read"]
    # (run outside the repository: python -c puts the current folder, the sources, first)
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "compiled")}
    args = [json.dumps(_BROKEN_DOCX_PARTS), json.dumps(NUMBERS)]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    modules, path, values, refused = json.loads(done.stdout)
    assert modules == ["model", "numbers", "read"]
    assert path.startswith(str(tmp_path / "compiled")) and not path.endswith(".py")
    from taizhang.extract.numbers import parse_number

    assert values == [str(parse_number(s)) for s in NUMBERS]
    # A reader's own exception is refused as by the sources (not a TypeError of a compiled name).
    assert refused is not None and refused.startswith("corrupt or unreadable Word document (.docx)")
    manifest = tmp_path / "compiled" / "taizhang" / "extract" / MANIFEST
    assert stale_sources(manifest) == []

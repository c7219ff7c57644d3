"""Check that a change to the extractor leaves its output as it was (a speed-up must not change it).

    python -m taizhang.extract.outputcheck save OUT [FOLDER ...] [--mb 10]
    python -m taizhang.extract.outputcheck compare OUT [FOLDER ...] [--mb 10]

``save`` writes the JSON of every file of the folders (and of the generated document of ``--mb``
MB that ``taizhang bench`` reads, 0 for none) to OUT; run it on the code before the change.
``compare`` extracts again and names each file whose JSON is not byte for byte the same; the exit
status is 1 when one differs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path


def _outputs(folders: Sequence[Path], mb: float) -> Iterator[tuple[str, str]]:
    from .bench import generate_document
    from .pipeline import extract, extract_text
    from .render import to_json

    for folder in folders:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            yield f"{folder.parent.name}_{folder.name}_{path.name}.json", to_json(extract(path))
    if mb > 0:
        text = generate_document(int(mb * 1024 * 1024))
        yield "generated.json", to_json(extract_text(text, name="generated.txt"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m taizhang.extract.outputcheck", description=__doc__)
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("out", type=Path, help="the folder of the saved JSON")
    parser.add_argument("folders", type=Path, nargs="*", help="folders of documents")
    parser.add_argument("--mb", type=float, default=10.0, help="size of the generated document (0: none)")
    options = parser.parse_args(argv)
    for folder in options.folders:
        if not folder.is_dir():
            print(f"error: {folder}: not a folder", file=sys.stderr)
            return 2
    if options.action == "save":
        options.out.mkdir(parents=True, exist_ok=True)
        for name, output in _outputs(options.folders, options.mb):
            (options.out / name).write_text(output, encoding="utf-8")
        return 0
    if not options.out.is_dir():
        print(f"error: {options.out}: not a folder (run save first)", file=sys.stderr)
        return 2
    differ = 0
    checked = 0
    for name, output in _outputs(options.folders, options.mb):
        checked += 1
        saved = options.out / name
        if not saved.is_file():
            print(f"{name}: not saved before")
            differ += 1
        elif saved.read_text(encoding="utf-8") != output:
            print(f"{name}: differs")
            differ += 1
    print(f"{checked} outputs checked, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

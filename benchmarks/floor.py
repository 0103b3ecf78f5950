"""The floor: the least any checker must do with a corpus, timed as the yardstick.

    python benchmarks/floor.py PATH [PATH ...]

For every article file under PATH (found as factcheck finds them: folders
walked recursively, `.md`/`.markdown`/`.txt`, hidden files skipped, sorted),
it reads the bytes, decodes them (UTF-16 with a BOM, else UTF-8 with an
optional BOM), normalizes line endings, finds the `---` ... `---`/`...`
front-matter block the way factcheck's loader does, and parses it with
PyYAML's C parser (CSafeLoader when available), the parser factcheck's safe
reader is built on. Nothing else: no Markdown cleaning, no sentence
splitting, no rules, no extraction, no report. It prints one JSON line of
counts so that the run cannot be optimized away and the benchmark can check
it read what factcheck read.

It imports nothing from factcheck, so changes to the pipeline never move it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Iterator

SUFFIXES = (".md", ".markdown", ".txt")  # as factcheck.load.ARTICLE_SUFFIXES
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")


def article_files(root: Path) -> list[Path]:
    """The article files under `root` (a file or folder), in factcheck's order."""
    if root.is_file():
        return [root]
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root, followlinks=False):
        subfolders.sort()
        found.extend(Path(folder, name) for name in names
                     if name.lower().endswith(SUFFIXES) and not name.startswith("."))
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def _files(paths: list[str]) -> Iterator[Path]:
    for given in paths:
        yield from article_files(Path(given))


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def floor(paths: list[str]) -> dict[str, int]:
    """Read every article under `paths` and parse its front matter; return counts."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    counts = {"files": 0, "bytes": 0, "front_matter": 0, "keys": 0, "errors": 0}
    for path in _files(paths):
        counts["files"] += 1
        try:
            data = path.read_bytes()
            counts["bytes"] += len(data)
            text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
        except (OSError, UnicodeDecodeError):
            counts["errors"] += 1
            continue
        lines = text.split("\n")
        if not lines or lines[0].strip() != "---":
            continue
        end = next((i for i in range(1, len(lines)) if _FRONT_MATTER_END.match(lines[i])), None)
        if end is None:
            counts["errors"] += 1
            continue
        try:
            metadata = yaml.load("\n".join(lines[1:end]), Loader=loader)
        except Exception:  # any YAML error: counted, as factcheck would report it
            counts["errors"] += 1
            continue
        counts["front_matter"] += 1
        counts["keys"] += len(metadata) if isinstance(metadata, dict) else 0
    return counts


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: floor.py PATH [PATH ...]", file=sys.stderr)
        return 2
    print(json.dumps(floor(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

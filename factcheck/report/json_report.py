"""`--format json`: the serialization itself, pretty-printed and sorted.

`chunks` streams it: an archive's report is written piece by piece, and
the long lists (`serialize.Rows`) are turned into dicts one row at a time,
so memory grows neither with the JSON text nor with its rows. The bytes are
those of `json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.report.serialize import Rows

_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)


def chunks(data: dict[str, Any]) -> Iterator[str]:
    if not data:
        yield "{}\n"
        return
    separator = "{\n  "
    for key in sorted(data):
        yield separator + _ENCODER.encode(key) + ": "
        separator = ",\n  "
        value = data[key]
        if isinstance(value, Rows):
            yield from _rows(value)
        else:
            yield from _indented(_ENCODER.iterencode(value), "\n  ")
    yield "\n}\n"


def _rows(rows: Rows) -> Iterator[str]:
    """A list at depth 1, one row's dict at a time."""
    if not len(rows):
        yield "[]"
        return
    separator = "[\n    "
    for row in rows:
        yield separator
        separator = ",\n    "
        yield from _indented(_ENCODER.iterencode(row), "\n    ")
    yield "\n  ]"


def _indented(pieces: Iterable[str], newline: str) -> Iterator[str]:
    """JSON encoded at depth 0, shifted to a deeper level: a line break in JSON text is always
    indentation (strings escape theirs), so each one gains the indent."""
    for piece in pieces:
        yield piece.replace("\n", newline) if "\n" in piece else piece


def render(data: dict[str, Any], color: bool = False) -> str:
    return "".join(chunks(data))

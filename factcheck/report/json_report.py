"""`--format json`: the serialization itself, pretty-printed and sorted.

`chunks` streams it: an archive's report is written piece by piece, and
its long lists (`serialize.Rows`: findings, a finding's claims, all claims,
notes) are made into dicts one row at a time, so memory grows neither with
the JSON text nor with its rows. The bytes are those of
`json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.report.serialize import Rows

_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
INDENT = "  "


def chunks(data: dict[str, Any]) -> Iterator[str]:
    yield from _encoded(data, "\n")
    yield "\n"


def _encoded(value: Any, newline: str) -> Iterator[str]:
    """`value` as JSON at the depth whose lines start with `newline`; a list of rows, or a dict
    holding one, is written here, anything else by the encoder."""
    inner = newline + INDENT
    if isinstance(value, Rows):
        if not len(value):
            yield "[]"
            return
        separator = "[" + inner
        for row in value:
            yield separator
            separator = "," + inner
            yield from _encoded(row, inner)
        yield newline + "]"
    elif isinstance(value, dict) and any(isinstance(item, Rows) for item in value.values()):
        separator = "{" + inner
        for key in sorted(value):
            yield separator + _ENCODER.encode(key) + ": "
            separator = "," + inner
            yield from _encoded(value[key], inner)
        yield newline + "}"
    elif isinstance(value, list):  # a list not of rows may be long (the articles of an archive): streamed
        yield from _indented(_ENCODER.iterencode(value), newline)
    else:  # a row or a summary: one string, moved to its depth at once (not piece by piece)
        text = _ENCODER.encode(value)
        yield text.replace("\n", newline) if newline != "\n" else text


def _indented(pieces: Iterable[str], newline: str) -> Iterator[str]:
    """JSON encoded at depth 0, moved to a deeper one: a line break in JSON text is always
    indentation (strings escape theirs), so each one gains the indent."""
    if newline == "\n":
        yield from pieces
        return
    for piece in pieces:
        yield piece.replace("\n", newline) if "\n" in piece else piece


def render(data: dict[str, Any], color: bool = False) -> str:
    return "".join(chunks(data))

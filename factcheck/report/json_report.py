"""`--format json`: the serialization itself, pretty-printed and sorted.

`chunks` streams it: an archive's report is written piece by piece, and
its long lists (`serialize.Rows`: findings, a finding's claims, all claims,
notes) are made into dicts one row at a time, so memory grows neither with
the JSON text nor with its rows. The bytes are those of
`json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from factcheck.report.serialize import Rows

_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
INDENT = "  "
BATCH = 16  # rows encoded at once: the encoder keeps every piece of their text until it joins them (256: +5 MB peak)


def chunks(data: dict[str, Any]) -> Iterator[str]:
    yield from _encoded(data, "\n")
    yield "\n"


def _encoded(value: Any, newline: str) -> Iterator[str]:
    """`value` as JSON at the depth whose lines start with `newline`; a list of rows, or a dict
    holding one, is written here, anything else by the encoder."""
    inner = newline + INDENT
    if isinstance(value, (Rows, list)):  # rows, or a list that may be long (the articles of an archive)
        if not len(value):
            yield "[]"
            return
        opening = "["
        batch: list[Any] = []
        for row in value:
            nested = _holds_rows(row)
            if not nested:
                batch.append(row)
            if batch and (nested or len(batch) == BATCH):
                yield opening + _batched(batch, newline)
                opening, batch = ",", []
            if nested:
                yield opening + inner
                opening = ","
                yield from _encoded(row, inner)
        if batch:
            yield opening + _batched(batch, newline)
        yield newline + "]"
    elif _holds_rows(value):
        separator = "{" + inner
        for key in sorted(value):
            yield separator + _ENCODER.encode(key) + ": "
            separator = "," + inner
            yield from _encoded(value[key], inner)
        yield newline + "}"
    else:  # a row or a summary: one string, moved to its depth at once (not piece by piece)
        text = _ENCODER.encode(value)
        yield text.replace("\n", newline) if newline != "\n" else text


def _holds_rows(value: Any) -> bool:
    """Whether `value` is a dict holding a list of rows (a finding and its claims): written piece by piece."""
    return isinstance(value, dict) and any(isinstance(item, Rows) for item in value.values())


def _batched(rows: list[Any], newline: str) -> str:
    """Rows at the depth whose lines start with `newline`, each after its line break, joined by commas:
    the encoder's text of the list of them without its brackets. One call of the encoder for BATCH
    rows, not one per row: each call builds the pure-Python encoder's functions anew (Python 3.11's C
    encoder does not indent), which cost as much as encoding a short row."""
    text = _ENCODER.encode(rows)[1:-2]  # "\n  row,\n  row" of "[\n  row,\n  row\n]"
    return text.replace("\n", newline) if newline != "\n" else text


def render(data: dict[str, Any], color: bool = False) -> str:
    return "".join(chunks(data))

"""`--format json`: the serialization itself, pretty-printed and sorted.

`chunks` streams it: an archive's report is written piece by piece, so
memory does not grow with the size of the JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def chunks(data: dict[str, Any]) -> Iterator[str]:
    yield from json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True).iterencode(data)
    yield "\n"


def render(data: dict[str, Any], color: bool = False) -> str:
    return "".join(chunks(data))

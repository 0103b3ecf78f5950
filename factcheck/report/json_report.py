"""`--format json`: the serialization itself, pretty-printed and sorted."""

from __future__ import annotations

import json
from typing import Any


def render(data: dict[str, Any], color: bool = False) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

"""`--format jsonl`: one finding per line, compact JSON with sorted keys, nothing else.

Each line is exactly a `findings[]` entry of `--format json` (see docs/output.md),
so `grep`, `jq -c` and line-based diffs work on it. No findings, no lines.
"""

from __future__ import annotations

import json
from typing import Any


def render(data: dict[str, Any], color: bool = False) -> str:
    return "".join(json.dumps(finding, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
                   for finding in data["findings"])

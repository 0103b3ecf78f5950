"""`--format concise`: one line per finding, `path:line: level: rule: summary`, as ruff and Vale print.

The line sits on the claim that shows the problem (the first source that disagrees or
leaves a member out; an agreement or a difference of context on its first source), so
`grep`, an editor's quickfix list and `sort` work on it. The summary names the subject,
the finding's message, its kind and id. Nothing else is printed: input errors are on
stderr, one line each, in the same shape.
"""

from __future__ import annotations

from typing import Any

from factcheck.report.common import primary_claim, subject_name


def render(data: dict[str, Any], color: bool = False) -> str:
    out = []
    for finding in data["findings"]:
        claim = primary_claim(finding)
        where = claim["article"] + (f":{claim['line']}" if claim.get("line") else "")
        name = subject_name(data, finding["subject"])
        summary = f"{name + ': ' if name else ''}{finding['message']} [{finding['kind']} {finding['id']}]"
        out.append(f"{where}: {finding['level']}: {finding['rule']}: {summary}\n")
    return "".join(out)

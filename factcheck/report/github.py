"""`--format github`: GitHub Actions workflow commands, shown as annotations on the files.

One `::error file=PATH,line=N,title=RULE::message` (`::warning`, `::notice` for the
lower levels) for every place a finding that is not an agreement quotes: every
source's file and line, so the annotation sits on each sentence involved. The
message names the finding, what this source says and what the others say.
Unreadable articles and broken rules are `::error` lines too. Values are escaped
as the runner expects: `%`, CR and LF in the message; also `:` and `,` in the
properties.
"""

from __future__ import annotations

from typing import Any

from factcheck.report.common import context_text, missing_members, subject_name

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value not in (None, ""))
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def render(data: dict[str, Any], color: bool = False) -> str:
    out = []
    for finding in data["findings"]:
        if finding["kind"] == "agreement":
            continue
        level = COMMANDS.get(finding["level"], "warning")
        name = subject_name(data, finding["subject"])
        head = f"{name + ': ' if name else ''}{finding['message']} ({finding['kind']}, {finding['id']})"
        places: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for claim in finding["claims"]:  # one annotation per file and line, whatever it quotes there
            places.setdefault((claim["article"], claim["line"]), []).append(claim)
        for (path, line), here in places.items():
            lines = [head]
            lines += [f"here: {c['outlet']} says {_said(data, finding, c)}" for c in here]
            lines += [f"also: {c['outlet']} ({c['article']}:{c['line']}) says {_said(data, finding, c)}"
                      for c in finding["claims"] if all(c is not h for h in here)]
            out.append(command(level, "\n".join(lines), file=path, line=line if line and line > 0 else None,
                               title=finding["rule"]))
    for d in data["diagnostics"]:
        out.append(command("error" if d["level"] == "error" else "warning", d["message"], file=d["path"],
                           line=d["line"] if d.get("line") and d["line"] > 0 else None, title="factcheck"))
    return "".join(line + "\n" for line in out)


def _said(data: dict[str, Any], finding: dict[str, Any], claim: dict[str, Any]) -> str:
    context = context_text(claim)
    left_out = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
    return (claim["value"]["display"] + (f" [{context}]" if context else "")
            + (f" (leaves out {', '.join(left_out)})" if left_out else ""))

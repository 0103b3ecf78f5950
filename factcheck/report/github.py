"""`--format github`: GitHub Actions workflow commands, shown as annotations on the files.

One `::error file=PATH,line=N,title=RULE::message` (`::warning`, `::notice` for the
lower levels) for a place a finding that is not an agreement quotes. GitHub keeps
10 annotations of each level per step, so the most severe findings come first:
each one's main place (the source that disagrees or leaves out), then their other
places while room is left; one closing notice counts and names the rest. The
message names the finding, what this source says and what the others say.
Unreadable articles and broken rules are `::error` lines too (the first few). Values are escaped
as the runner expects: `%`, CR and LF in the message; also `:` and `,` in the
properties.
"""

from __future__ import annotations

from typing import Any

from factcheck.report.common import context_text, missing_members, primary_claim, subject_name

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# GitHub shows at most 10 annotations of each level per step; one notice is kept for the rest
PER_LEVEL = {"error": 10, "warning": 10, "notice": 9}
DIAGNOSTICS = 5  # input errors annotated; the others are counted in the notice (all are on stderr)
REST_LISTED = 30  # findings named in the closing notice


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value not in (None, ""))
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def render(data: dict[str, Any], color: bool = False) -> str:
    problems = [f for f in data["findings"] if f["kind"] != "agreement"]  # most severe first
    places = [_places(f) for f in problems]
    budget = dict(PER_LEVEL)
    chosen: set[tuple[int, int]] = set()
    diagnostics = _diagnostics(data, budget)
    for pass_ in ("first", "rest"):  # every finding's main place first, then the other places while room is left
        for i, finding in enumerate(problems):
            level = COMMANDS.get(finding["level"], "warning")
            for j in range(len(places[i])) if pass_ == "rest" else [0]:
                if (i, j) not in chosen and budget[level] > 0:
                    chosen.add((i, j))
                    budget[level] -= 1
    out = [line for line, _ in diagnostics]
    for i, finding in enumerate(problems):
        out += [_annotation(data, finding, here) for j, here in enumerate(places[i]) if (i, j) in chosen]
    left = [f for i, f in enumerate(problems) if (i, 0) not in chosen]
    more_places = sum(1 for i in range(len(problems)) if (i, 0) in chosen
                      for j in range(len(places[i])) if (i, j) not in chosen)
    unshown = len(data["diagnostics"]) - len(diagnostics)
    if left or more_places or unshown:
        out.append(_rest_notice(left, more_places, unshown))
    return "".join(line + "\n" for line in out)


def _places(finding: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The finding's claims by file and line, the place that shows the problem first."""
    primary = primary_claim(finding)
    places: dict[tuple[str, int], list[dict[str, Any]]] = {(primary["article"], primary["line"]): []}
    for claim in finding["claims"]:  # one annotation per file and line, whatever it quotes there
        places.setdefault((claim["article"], claim["line"]), []).append(claim)
    return list(places.values())


def _annotation(data: dict[str, Any], finding: dict[str, Any], here: list[dict[str, Any]]) -> str:
    level = COMMANDS.get(finding["level"], "warning")
    name = subject_name(data, finding["subject"])
    lines = [f"{name + ': ' if name else ''}{finding['message']} ({finding['kind']}, {finding['id']})"]
    lines += [f"here: {c['outlet']} says {_said(data, finding, c)}" for c in here]
    lines += [f"also: {c['outlet']} ({c['article']}:{c['line']}) says {_said(data, finding, c)}"
              for c in finding["claims"] if all(c is not h for h in here)]
    line = here[0]["line"]
    return command(level, "\n".join(lines), file=here[0]["article"], line=line if line and line > 0 else None,
                   title=finding["rule"])


def _diagnostics(data: dict[str, Any], budget: dict[str, int]) -> list[tuple[str, str]]:
    """Input errors first (what they hold is not checked), at most DIAGNOSTICS of them."""
    out = []
    for d in data["diagnostics"][:DIAGNOSTICS]:
        level = "error" if d["level"] == "error" else "warning"
        budget[level] -= 1
        out.append((command(level, d["message"], file=d["path"],
                            line=d["line"] if d.get("line") and d["line"] > 0 else None, title="factcheck"), level))
    return out


def _rest_notice(left: list[dict[str, Any]], more_places: int, unshown: int) -> str:
    """One notice for everything GitHub would drop: what, how much, and where to read it."""
    counts = {level: sum(f["level"] == level for f in left) for level in ("error", "warning", "info")}
    parts = []
    if left:
        parts.append(f"{len(left)} more findings are not annotated ({counts['error']} error, "
                     f"{counts['warning']} warning, {counts['info']} info)")
    if more_places:
        parts.append(f"{more_places} more places quoted by annotated findings")
    if unshown:
        parts.append(f"{unshown} more input errors (on stderr)")
    lines = ["; ".join(parts) + ". GitHub shows 10 annotations of each level per step: read the full report "
             "(--format html, or upload --format sarif)."]
    lines += [f"{f['level']}: {f['rule']} {f['id']} at {primary_claim(f)['article']}:{primary_claim(f)['line']}: "
              f"{f['message']}" for f in left[:REST_LISTED]]
    if len(left) > REST_LISTED:
        lines.append(f"… and {len(left) - REST_LISTED} more")
    return command("notice", "\n".join(lines), title="factcheck: more findings")


def _said(data: dict[str, Any], finding: dict[str, Any], claim: dict[str, Any]) -> str:
    context = context_text(claim)
    left_out = [subject_name(data, m) for m in missing_members(finding, claim["article"])]
    return (claim["value"]["display"] + (f" [{context}]" if context else "")
            + (f" (leaves out {', '.join(left_out)})" if left_out else ""))

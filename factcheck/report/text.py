"""`--format text`: the report an editor reads in a terminal.

Grouped by rule; for each finding every source's value with its evidence
(outlet, file:line, context, the quoted sentence). Input and rule errors go
to stderr (the CLI prints them), the summary counts them. Colour only when asked
(the CLI asks when stdout is a terminal and NO_COLOR is unset); the plain
text is otherwise byte-identical across runs.
"""

from __future__ import annotations

from typing import Any

QUOTE_LIMIT = 160
_COLORS = {"error": "31;1", "warning": "33;1", "info": "36", "value": "1", "dim": "2", "mark": "4;1"}


def render(data: dict[str, Any], color: bool = False) -> str:
    def paint(text: str, style: str) -> str:
        return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text

    names: dict[str, str] = data.get("entities", {})
    rules = {r["id"]: r for r in data.get("rules", [])}
    out: list[str] = []
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for finding in data["findings"]:
        by_rule.setdefault(finding["rule"], []).append(finding)
    for rule_id, findings in by_rule.items():  # findings arrive most severe first
        description = rules.get(rule_id, {}).get("description", "")
        out.append(paint(f"{rule_id}", "value") + (f" — {description}" if description else ""))
        for finding in findings:
            out.extend(_finding(finding, names, paint))
        out.append("")
    out.extend(summary_lines(data["summary"]))
    return "\n".join(out) + "\n"


def _finding(finding: dict[str, Any], names: dict[str, str], paint: Any) -> list[str]:
    level = finding["level"]
    subject = names.get(finding["subject"], finding["subject"])
    context = " ".join(f"{k}={v}" for k, v in finding["context"].items())
    head = "  ".join(part for part in (
        paint(f"{level.upper():7}", level), subject, context, finding["kind"], paint(finding["id"], "dim")) if part)
    lines = [f"  {head}", f"    {finding['message']}"]
    if finding["kind"] == "agreement":
        for claim in finding["claims"]:
            lines.append(f"      {claim['outlet']}  {claim['article']}:{claim['line']}  "
                         f"{paint(claim['value']['display'], 'value')}")
        return lines
    for claim in finding["claims"]:
        lines.append(f"      {claim['outlet']}  {claim['article']}:{claim['line']}  "
                     f"{paint(claim['value']['display'], 'value')}{_context(claim)}")
        lines.append(f"        > {_quote(claim, paint)}")
        if claim["note"]:
            lines.append(f"        note: {claim['note']}")
    for detail in finding["details"]:
        lines.append(f"    - {detail}")
    return lines


def _context(claim: dict[str, Any]) -> str:
    parts = []
    for item in claim["context"]:
        evidence = f" ({item['evidence']})" if item["evidence"] else ""
        parts.append(f"{item['name']}={item['value']}{evidence}")
    return f"  [{', '.join(parts)}]" if parts else ""


def _quote(claim: dict[str, Any], paint: Any) -> str:
    """The sentence, cut around the value when long, with the value marked."""
    sentence: str = claim["sentence"].replace("\n", " ")
    start, end = claim["span"]
    begin, finish = 0, len(sentence)
    if len(sentence) > QUOTE_LIMIT:
        begin = max(0, start - (QUOTE_LIMIT - (end - start)) // 2)
        finish = min(len(sentence), begin + QUOTE_LIMIT)
        begin = max(0, finish - QUOTE_LIMIT)
    text = sentence[begin:start] + paint(sentence[start:end], "mark") + sentence[end:finish]
    return ("…" if begin > 0 else "") + text + ("…" if finish < len(sentence) else "")


def summary_lines(summary: dict[str, Any]) -> list[str]:
    checked = summary["groups_checked"]
    notes = []
    if summary.get("unread_values"):
        notes.append(f"{_count(summary['unread_values'], 'value')} a rule pointed at could not be read (see stderr).")
    if summary.get("rules_without_claims"):
        notes.append(f"Rules that found nothing: {', '.join(summary['rules_without_claims'])}.")
    if summary.get("rounded"):
        notes.append(f"{_count(summary['rounded'], 'figure')} written at different precisions (rounded).")
    if summary.get("incomplete"):
        notes.append(f"{_count(summary['incomplete'], 'claim')} not compared: a required qualifier is not stated.")
    if summary.get("baselined"):
        notes.append(f"{_count(summary['baselined'], 'finding')} accepted by the baseline, not shown.")
    return notes + [
        f"{summary['articles']} articles, {summary['rules']} rules, {summary['claims']} claims found.",
        f"{checked} claims checked across sources: {summary['agreements']} agree, "
        f"{summary['disagreements']} disagree, {summary['omissions']} with omissions; "
        f"{summary['context_differs']} differ only by context.",
        f"{_count(summary['errors'], 'error')}, {_count(summary['warnings'], 'warning')}, {summary['infos']} info"
        + (f"; {_count(summary['input_errors'], 'input error')}." if summary["input_errors"] else "."),
    ]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"

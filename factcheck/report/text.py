"""`--format text`: the report an editor reads in a terminal.

Grouped by rule; for each finding every source's value with its evidence
(outlet, file:line, context, the quoted sentence). Input and rule errors go
to stderr (the CLI prints them), the summary counts them. Colour only when asked
(the CLI asks when stdout is a terminal and NO_COLOR is unset); the plain
text is otherwise byte-identical across runs.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from factcheck.report.common import KIND_ORDER, qualifier_value, said_details, said_message
from factcheck.report.messages import catalogue, count, note_text, qualifier_name

QUOTE_LIMIT = 160
_COLORS = {"error": "31;1", "warning": "33;1", "info": "36", "value": "1", "dim": "2", "mark": "4;1"}


def render(data: dict[str, Any], color: bool = False, lang: str = "en") -> str:
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
        agreed = {_key(c) for f in findings if f["kind"] == "agreement" for c in f["claims"]}
        for finding in findings:
            out.extend(_finding(data, finding, names, paint, lang, agreed))
        out.append("")
    out.extend(summary_lines(data["summary"], lang))
    return "\n".join(out) + "\n"


def _key(claim: dict[str, Any]) -> tuple[Any, ...]:
    return claim["article"], claim["line"], tuple(claim["span"]), claim["value"]["display"]


def _finding(data: dict[str, Any], finding: dict[str, Any], names: dict[str, str], paint: Any,
             lang: str, agreed: set[tuple[Any, ...]]) -> list[str]:
    t = catalogue(lang)
    level = finding["level"]
    subject = names.get(finding["subject"], finding["subject"])
    context = " ".join(f"{qualifier_name(lang, k)}={qualifier_value(data, lang, finding['rule'], k, v)}"
                       for k, v in finding["context"].items())
    shown_level = level.upper() if lang == "en" else t(f"level.{level}") if level in _LEVELS else level
    kind = t(f"kind.{finding['kind']}") if lang != "en" and finding["kind"] in KIND_ORDER else finding["kind"]
    head = "  ".join(part for part in (
        paint(f"{shown_level:7}" if lang == "en" else shown_level, level), subject, context, kind,
        paint(finding["id"], "dim")) if part)
    lines = [f"  {head}", f"    {said_message(finding, lang)}"]
    if finding["kind"] == "agreement":
        for claim in finding["claims"]:
            lines.append(f"      {claim['outlet']}  {claim['article']}:{claim['line']}  "
                         f"{paint(claim['value']['display'], 'value')}")
        return lines
    for claim in finding["claims"]:
        if finding["kind"] == "context-differs" and _key(claim) in agreed:
            continue  # shown under its group's agreement; the group lines below name it again
        lines.append(f"      {claim['outlet']}  {claim['article']}:{claim['line']}  "
                     f"{paint(claim['value']['display'], 'value')}{_context(data, finding, claim, lang)}")
        lines.append(f"        > {_quote(claim, paint)}")
        if claim["note"]:
            lines.append(f"        {t('note_line', note=note_text(lang, claim['note']))}")
    shown, hidden = shown_details(said_details(finding, lang), finding.get("pairs"))
    for detail in shown:
        lines.append(f"    - {detail}")
    if hidden:
        lines.append(f"    - {t('details_more', n=hidden)}")
    return lines


DETAILS_SHOWN = 6  # a finding's "X vs Y" pair lines a text report prints; --format json keeps them all


def shown_details(details: list[str], pairs: list[dict[str, str] | None] | None) -> tuple[list[str], int]:
    """The detail lines a text report prints, in their order, and how many pair lines it leaves out.

    `pairs` (`serialize.pairs_dict`) says which lines are pairs of values, with each value's outlet;
    without it (a serialization made for the machine formats) every line is printed.
    A status or spelling stated in many sentences per source gives a pair line for every sentence of
    one source against every sentence of the other (48 lines for one finding, round 31), each value
    already shown with its quote above. Past DETAILS_SHOWN pair lines, the first line of each pair of
    values and outlets is kept (no two outlets' clash goes unseen while there is room), then the first
    others, DETAILS_SHOWN - 1 in all, and one line says how many more there are, as linters cap repeated
    messages. Other lines (a context group's claims, a value compatible with every other) are all kept:
    they name claims the lines above do not. Deterministic: the choice depends on the lines' order."""
    paired = [(index, pair) for index, pair in enumerate(pairs or []) if pair is not None]
    if len(paired) <= DETAILS_SHOWN:
        return list(details), 0
    room = DETAILS_SHOWN - 1
    seen: set[tuple[str, ...]] = set()
    kept: list[int] = []
    for index, pair in paired:
        key = (pair["value"], pair["outlet"], pair["other"], pair["other_outlet"])
        if key not in seen and len(kept) < room:
            kept.append(index)
        seen.add(key)
    for index, _ in paired:
        if len(kept) >= room:
            break
        if index not in kept:
            kept.append(index)
    dropped = {index for index, _ in paired} - set(kept)
    return [detail for index, detail in enumerate(details) if index not in dropped], len(dropped)


_LEVELS = ("error", "warning", "info")


def _context(data: dict[str, Any], finding: dict[str, Any], claim: dict[str, Any], lang: str) -> str:
    parts = []
    for item in claim["context"]:
        value = qualifier_value(data, lang, finding["rule"], item["name"], str(item["value"]))
        shown = note_text(lang, item["evidence"]) if item["evidence"] and item["evidence"] != value else ""
        evidence = f" ({shown})" if shown else ""
        parts.append(f"{qualifier_name(lang, item['name'])}={value}{evidence}")
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


_NAMED_AT_MOST = 5  # articles naming no outlet that a text summary names (the JSON lists them all)


def summary_lines(summary: dict[str, Any], lang: str = "en") -> list[str]:
    t = catalogue(lang)
    notes = []
    if summary.get("unread_values"):
        n = summary["unread_values"]
        notes.append(t("summary.unread", n=t("summary.unread_one") if n == 1 else t("summary.unread_many", n=n)))
    if summary.get("unattributed"):
        n = summary["unattributed"]
        notes.append(t("summary.unattributed", n=t("summary.unread_one") if n == 1 else t("summary.unread_many", n=n)))
    if summary.get("left_out"):
        n = summary["left_out"]
        notes.append(t("summary.left_out", n=t("summary.unread_one") if n == 1 else t("summary.unread_many", n=n)))
    if summary.get("rules_without_claims"):
        notes.append(t("summary.silent_rules", rules=", ".join(summary["rules_without_claims"])))
    for why, key in (("one-source", "summary.not_compared"), ("currencies", "summary.not_compared_currencies")):
        named = [r for r in summary.get("rules_not_compared") or [] if r.get("why", "one-source") == why]
        if named:
            notes.append(t(key, rules="; ".join(
                f"{r['rule']} ({', '.join(s or t('summary.no_subject') for s in r['subjects'])})" for r in named)))
    if summary.get("articles_without_outlet"):
        unnamed = summary.get("articles_without_outlet_list") or []
        which = ", ".join(f"{a['article']} ({a['shown_as']})" if a["shown_as"] else a["article"]
                          for a in islice(unnamed, _NAMED_AT_MOST))  # rows when the JSON report streams
        more = len(unnamed) - _NAMED_AT_MOST
        notes.append(t("summary.without_outlet", n=summary["articles_without_outlet"], articles=summary["articles"])
                     + (t("summary.without_outlet_which", which=which) if which else "")
                     + (t("summary.without_outlet_more", n=more) if more > 0 else "")
                     + t("summary.without_outlet_todo"))
    if summary["claims"] and not summary["groups_checked"] and not summary["context_differs"]:
        notes.append(t("summary.none_shared"))  # 17 claims found, 0 checked: say why, not an empty report
    for group in summary.get("same_text_articles") or []:
        notes.append(t("summary.same_text", n=len(group), which=", ".join(group)))
    if summary.get("rounded"):
        notes.append(t("summary.rounded", n=summary["rounded"]))
    if summary.get("incomplete"):
        notes.append(t("summary.incomplete", n=summary["incomplete"]))
    if summary.get("baselined"):
        n = summary["baselined"]
        notes.append(t("summary.baselined", n=t("summary.baselined_one") if n == 1
                       else t("summary.baselined_many", n=n)))
    levels = t("summary.levels", errors=count(lang, "error", summary["errors"]),
               warnings=count(lang, "warning", summary["warnings"]), infos=summary["infos"])
    if summary["input_errors"]:
        levels += t("summary.input_errors", input_errors=count(lang, "input_error", summary["input_errors"]))
    return notes + [
        t("summary.found", articles=summary["articles"], rules=summary["rules"], claims=summary["claims"]),
        t("summary.checked", checked=summary["groups_checked"], agreements=summary["agreements"],
          disagreements=summary["disagreements"], omissions=summary["omissions"],
          context_differs=summary["context_differs"]),
        levels + ("." if lang == "en" else "。"),
    ]

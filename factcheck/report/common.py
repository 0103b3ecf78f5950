"""Helpers the report formats share: naming, ordering and wording of findings.

Everything here reads the one serialization (`serialize.to_dict`) and nothing
else, so every format says the same thing about the same finding.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.report.messages import said

# the order in which reports for people present findings, conflicts first; every kind here has its messages
# (messages.py kind., kinds., meaning., help., details.), a kind not here is shown under "other"
KIND_ORDER = ("disagreement", "currency-differs", "period-differs", "rounded", "omission", "context-differs", "incomplete", "agreement")


# Characters that act on a terminal or on the reading order instead of showing: C0 and C1
# controls (ESC starts CSI/OSC sequences), bidi embeddings, overrides and isolates (U+202E
# shows "txt.exe" as "exe.txt"), and the Unicode line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

# what GitHub Actions reads as a workflow command in any line of a step's output, on either
# stream: `::` at the start of a line (after spaces), `##[` anywhere (the old syntax)
_COMMAND = re.compile(r"^(\s*):(?=:)|#(?=#\[)")
_PROSE = ("sentence", "title", "description", "note")  # text whose line breaks are only wrapping
_LINE_BREAKS = re.compile("[\t\n\x0b\x0c\r\x85\u2028\u2029]")


def visible(text: str) -> str:
    """`text` with every control and bidi character written as its escape (`\\x1b`, `\\u202e`).

    What a file says reaches a terminal, a ticket or a browser as text to read, never as a
    command to the terminal or a reordering of the line; and no newline from a file name or a
    sentence can start a line of its own (a fake diagnostic). A text that would open a GitHub
    workflow command (`::error::…` first, `##[` anywhere) has that colon or hash escaped too.
    """
    text = _UNSAFE.sub(_escape_one, text)
    return _COMMAND.sub(lambda m: (m.group(1) or "") + ("\\x3a" if m.group().endswith(":") else "\\x23"), text)


def _escape_one(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_people(data: dict[str, Any]) -> dict[str, Any]:
    """The serialization with `visible` applied to every string, for the formats people read.

    A claim's `span` is moved so that it still covers the (escaped) value in the escaped sentence.
    """
    return _visible_tree(data)


def _visible_tree(node: Any) -> Any:
    if isinstance(node, str):
        return visible(node)
    if isinstance(node, list):
        return [_visible_tree(item) for item in node]
    if not isinstance(node, dict):
        return node
    prose = {key: _LINE_BREAKS.sub(" ", node[key]) for key in _PROSE if isinstance(node.get(key), str)}
    node = node | prose  # line breaks in prose are spaces (one for one: a sentence's span still holds)
    out = {visible(key) if isinstance(key, str) else key: _visible_tree(value) for key, value in node.items()}
    if isinstance(node.get("sentence"), str) and isinstance(node.get("span"), list):
        before, value, _ = split_sentence(node)
        if value:
            start = len(visible(before))
            out["span"] = [start, start + len(visible(value))] + node["span"][2:]
    return out


def said_message(finding: dict[str, Any], lang: str) -> str:
    """A finding's message in `lang`, rendered from its record (`serialize.to_dict(pairs=True)` gives it:
    a tuple `for_people` leaves alone, so the text is made visible here); the English text without one
    (a serialization read back from JSON)."""
    if lang == "en" or "said" not in finding:
        return str(finding["message"])
    return visible(said(lang, finding["said"][0]))


def said_details(finding: dict[str, Any], lang: str) -> list[str]:
    """A finding's detail lines in `lang`, as `said_message` renders its message."""
    if lang == "en" or "said" not in finding:
        return list(finding["details"])
    return [visible(said(lang, line)) for line in finding["said"][1]]


def subject_name(data: dict[str, Any], subject: str) -> str:
    """The display name of an entity id ("" when the finding has no subject)."""
    return data.get("entities", {}).get(subject, subject)


def qualifier_value(data: dict[str, Any], lang: str, rule_id: str, name: str, value: str) -> str:
    """A qualifier's value as an editor says it: in Chinese the rule's own word for it (港股 for HK)."""
    if lang == "en":
        return value
    for rule in data.get("rules", []):
        if rule["id"] == rule_id:
            return rule.get("qualifiers", {}).get(name, {}).get(value) or value
    return value


def involved_articles(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The articles that take part in a finding: the only ones a report of an archive can list."""
    paths = {c["article"] for f in data["findings"] for c in f["claims"]}
    return [a for a in data["articles"] if a["path"] in paths]


def rule_description(data: dict[str, Any], rule_id: str) -> str:
    for rule in data.get("rules", []):
        if rule["id"] == rule_id:
            return rule.get("description", "")
    return ""


def title(data: dict[str, Any], finding: dict[str, Any]) -> str:
    """`百度: The state of Baidu's AI partnership…`, or the rule id when there is no description."""
    topic = rule_description(data, finding["rule"]) or finding["rule"]
    name = subject_name(data, finding["subject"])
    return f"{name}: {topic}" if name else topic


def by_kind(findings: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Findings grouped by kind (conflicts first), each group in the serialization's order."""
    groups = [(kind, [f for f in findings if f["kind"] == kind]) for kind in KIND_ORDER]
    other = [f for f in findings if f["kind"] not in KIND_ORDER]  # a kind added later is still shown
    return [(k, fs) for k, fs in groups if fs] + ([("other", other)] if other else [])


def context_text(claim: dict[str, Any]) -> str:
    """`market=HK (港股), day=2025-02-12 (前一日)`: each qualifier with the word that set it."""
    parts = []
    for item in claim["context"]:
        evidence = f" ({item['evidence']})" if item.get("evidence") else ""
        parts.append(f"{item['name']}={item['value']}{evidence}")
    return ", ".join(parts)


def split_sentence(claim: dict[str, Any]) -> tuple[str, str, str]:
    """The sentence as (before, value, after) around the claim's span; no value when the span is off."""
    sentence: str = claim["sentence"]
    start, end = (claim.get("span") or (0, 0))[:2]
    if not 0 <= start < end <= len(sentence):
        return sentence, "", ""
    return sentence[:start], sentence[start:end], sentence[end:]


def missing_members(finding: dict[str, Any], article: str) -> list[str]:
    """In an omission, the members other sources name that `article` leaves out (entity ids, sorted)."""
    named: dict[str, set[str]] = {}
    for claim in finding["claims"]:
        named.setdefault(claim["article"], set()).update(claim["value"].get("members", []))
    if article not in named:
        return []
    everyone = set().union(*named.values())
    return sorted(everyone - named[article])


def compatible_with_all(finding: dict[str, Any], claim: dict[str, Any]) -> bool:
    """In a disagreement, whether this claim fits every other source's value (1月底 fits 28 and 29 Jan)."""
    claims = finding["claims"]
    return any(claims[index] == claim for index in finding.get("compatible", []))


def stance(finding: dict[str, Any], article: str) -> str:
    """Where one article stands on one finding: agree, disagree, omits, names-all, context or silent.

    In an omission the sources that leave a member out `omit`; the others `names-all`.
    In a disagreement a source whose every value fits every other source's `agree`s.
    """
    claims = [c for c in finding["claims"] if c["article"] == article]
    if not claims:
        return "silent"
    kind = finding["kind"]
    if kind == "agreement":
        return "agree"
    if kind == "context-differs":
        return "context"
    if kind == "omission":
        return "omits" if missing_members(finding, article) else "names-all"
    if all(compatible_with_all(finding, c) for c in claims):
        return "agree"
    return "disagree"


def primary_claim(finding: dict[str, Any]) -> dict[str, Any]:
    """The claim that shows the problem: the first that disagrees or leaves something out."""
    for claim in finding["claims"]:
        if stance(finding, claim["article"]) in ("disagree", "omits"):
            return claim
    return finding["claims"][0]

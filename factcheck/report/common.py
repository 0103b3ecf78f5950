"""Helpers the report formats share: naming, ordering and wording of findings.

Everything here reads the one serialization (`serialize.to_dict`) and nothing
else, so every format says the same thing about the same finding.
"""

from __future__ import annotations

from typing import Any

# the order in which reports for people present findings: conflicts first
KIND_ORDER = ("disagreement", "currency-differs", "omission", "context-differs", "agreement")
KIND_TITLES = {
    "disagreement": "Disagreements",
    "currency-differs": "Same number, different currency",
    "omission": "Omissions",
    "context-differs": "Different contexts",
    "agreement": "Agreements",
}
# what each kind means, in words an editor reads without the docs
KIND_MEANINGS = {
    "disagreement": "The sources give values that cannot all be true in the same context. "
                    "factcheck does not say which one is right: check the quotes.",
    "currency-differs": "The sources give the same number in different currencies: "
                        "at most one currency can be right. Check which currency each source means.",
    "omission": "The sources list different members: some leave out what others name.",
    "context-differs": "The values differ, but each is about a different context (market, session, day…), "
                       "so they can all be true. Check the qualifiers, not the numbers.",
    "agreement": "The sources agree.",
}


def subject_name(data: dict[str, Any], subject: str) -> str:
    """The display name of an entity id ("" when the finding has no subject)."""
    return data.get("entities", {}).get(subject, subject)


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

"""The one serialization of a CheckResult that every report format renders.

Plain, sorted, JSON-ready data with no timestamps and no absolute paths, so
the same input gives byte-identical reports. `schema_version` changes
whenever a field is renamed or removed (adding fields does not change it).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.records import CheckResult, Claim, Diagnostic, Finding, Pair

SCHEMA_VERSION = 2  # 2: `articles` lists only the articles the claims come from


@dataclass(frozen=True)
class Rows:
    """A list of records whose dicts are made one at a time, as a streaming format writes them
    (`report.json_report.chunks`): at 100k articles every note's and claim's dict at once was
    a third of a run's memory."""

    records: Collection[Any]
    serialize: Callable[[Any], dict[str, Any]]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self.serialize, self.records)


def to_dict(result: CheckResult, version: str, streamed: bool = False, pairs: bool = False) -> dict[str, Any]:
    """The serialization; `streamed`: its long lists (findings, claims, diagnostics) as `Rows`,
    for a format that writes them one at a time (`report.streams`); `pairs`: each finding's `pairs`
    too (`pairs_dict`), and its message and detail lines as records (`said`: a tuple, the message and
    the details, which `common.said_message` renders in the report's language), for the formats people
    read (`report.FOR_PEOPLE`), none of which writes the serialization as it is: the machine formats'
    bytes stay those of the JSON schema."""
    rows: Callable[[Collection[Any], Callable[[Any], dict[str, Any]]], Any] = (
        Rows if streamed else lambda records, serialize: [serialize(r) for r in records])
    one: Callable[[Finding], dict[str, Any]] = _streamed_finding if streamed else finding_dict
    finding: Callable[[Finding], dict[str, Any]] = (
        (lambda f: one(f) | {"pairs": pairs_dict(f), "said": (f.message, f.details)}) if pairs else one)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": version},
        "summary": {
            "articles": result.summary.articles,
            "rules": result.summary.rules,
            "claims": result.summary.claims,
            "groups_checked": result.summary.groups_checked,
            "agreements": result.summary.agreements,
            "disagreements": result.summary.disagreements,
            "omissions": result.summary.omissions,
            "context_differs": result.summary.context_differs,
            "rounded": result.summary.rounded,
            "incomplete": result.summary.incomplete,
            "baselined": result.summary.baselined,
            "unread_values": result.summary.unread_values,
            "unattributed": result.summary.unattributed,
            "left_out": result.summary.left_out,
            "rules_without_claims": list(result.summary.rules_without_claims),
            "rules_not_compared": [{"rule": rule, "subjects": list(subjects), "why": why}
                                   for rule, subjects, why in result.summary.rules_not_compared],
            "same_text_articles": [list(group) for group in result.summary.same_text],
            "articles_without_outlet": result.summary.without_outlet,
            # one row per article of an archive (21k at 100k): streamed as findings and claims are
            "articles_without_outlet_list": rows(result.summary.without_outlet_articles, _unnamed),
            "errors": sum(f.level == "error" for f in result.findings),
            "warnings": sum(f.level == "warning" for f in result.findings),
            "infos": sum(f.level == "info" for f in result.findings),
            "input_errors": sum(d.level == "error" for d in result.diagnostics),
        },
        "rules": [
            {"id": r.id, "kind": r.kind, "level": r.level, "description": r.description,
             "qualifiers": {c.name: {value: _label(words) for value, words in c.values} for c in r.context}}
            for r in sorted(result.rules, key=lambda r: r.id)
        ],
        "entities": dict(sorted(result.entity_names.items())),
        "articles": [
            {"path": a.path, "title": a.title, "outlet": a.outlet, "label": a.label,
             "published": a.published.isoformat() if a.published else None, "url": a.url}
            for a in sorted(result.articles, key=lambda a: a.path)
        ],
        "findings": rows(result.findings, finding),
        # every claim, also those no other source speaks to: what a rule writer debugs with
        "claims": rows(sorted(result.claims, key=lambda c: (c.article, c.line, c.span, c.rule_id)), _listed_claim),
        "diagnostics": rows(result.diagnostics, _diagnostic_dict),
    }


def _unnamed(article: str) -> dict[str, Any]:
    path, shown = article.split("\0", 1)
    return {"article": path, "shown_as": shown}


def finding_dict(finding: Finding) -> dict[str, Any]:
    return _finding_dict(finding, [claim_dict(c) for c in finding.claims])


def pairs_dict(finding: Finding) -> list[dict[str, str] | None]:
    """One entry per detail line: its two values, each with outlet and place, when it is a pair
    (`records.Pair`), else None. What a text report caps its pair lines by (`report.text.shown_details`)."""
    return [{"value": d.value, "outlet": d.outlet, "place": d.place, "other": d.other,
             "other_outlet": d.other_outlet, "other_place": d.other_place,
             "other_qualifiers": d.other_qualifiers} if isinstance(d, Pair) else None
            for d in finding.details]


def _streamed_finding(finding: Finding) -> dict[str, Any]:
    """A finding whose claims are made into dicts as they are written: at 100k articles one
    finding may hold thousands of claims."""
    return _finding_dict(finding, Rows(finding.claims, claim_dict))


def _finding_dict(finding: Finding, claims: Any) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule_id,
        "kind": finding.kind,
        "level": finding.level,
        "subject": finding.subject,
        "context": dict(finding.context),
        "message": str(finding.message),
        "details": list(finding.lines),
        "compatible": list(finding.compatible),
        "claims": claims,
    }


def claim_dict(claim: Claim, with_rule: bool = False) -> dict[str, Any]:
    """A claim as reports show it; `with_rule`: its rule too (in the list of all claims; a finding's
    claims share its rule), added in place: at 100k articles a second dict per claim was not free."""
    data = {
        "article": claim.article,
        "outlet": claim.outlet,
        "line": claim.line,
        "subject": claim.subject,
        "value": claim.value.to_dict(),  # each value type serializes itself
        "context": [
            {"name": c.name, "value": c.value, "evidence": c.evidence, "inferred": c.inferred}
            for c in claim.context
        ],
        "sentence": claim.sentence,
        "span": list(claim.span),
        "note": claim.note,
    }
    if with_rule:
        data["rule"] = claim.rule_id
    return data


def _listed_claim(claim: Claim) -> dict[str, Any]:
    return claim_dict(claim, with_rule=True)


def _diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    """One dict per diagnostic, its code added in place (there may be one per article of an archive)."""
    data: dict[str, Any] = {"path": diagnostic.path, "line": diagnostic.line, "level": diagnostic.level,
                            "message": diagnostic.message}
    if diagnostic.code:
        data["code"] = diagnostic.code
    return data


@cache
def _label(words: tuple[str, ...]) -> str:
    """A qualifier value as the rule's words say it: its first plain word (港股 for HK), "" if all are regexes.

    Remembered: every rule using a built-in qualifier (market, session …) holds the same words,
    so a library of 300 rules asks 23,000 times about a few hundred tuples (bulk: 0.06 CPU s)."""
    return next((w for w in words if w and not any(ch in w for ch in "\\^$.|?*+()[]{}")), "")

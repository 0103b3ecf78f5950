"""Stage 5: group claims across articles and compare them.

Claims are grouped by topic (rule, subject) and, inside a topic, by the
context the rule declares (market, session, day …). A claim whose context is
partly unknown joins the one group it is compatible with, if there is exactly
one; its findings are then lowered to a warning, since the match is inferred.
Within a group values are compared as intervals (numbers, dates), labels
(status) or sets (omissions). Across groups of one topic, values that differ
because their contexts differ are reported at info level, so an editor sees
why 8.48% and 5% may both be true. Grouping is linear in the number of
claims; pairs are only formed inside a group.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable

from factcheck.normalize.dates import dates_overlap
from factcheck.normalize.quantities import overlap
from factcheck.records import (LEVEL_RANK, Claim, DateValue, EntitySet,
                               Finding, FindingKind, Level, Quantity, Rule,
                               StatusValue)

ContextKey = tuple[tuple[str, str | None], ...]


@dataclass
class Group:
    key: ContextKey
    claims: list[Claim]
    inferred: bool = False  # some claims joined with part of their context unknown

    @property
    def articles(self) -> set[str]:
        return {c.article for c in self.claims}


def compare(claims: Iterable[Claim], rules: dict[str, Rule]) -> list[Finding]:
    """Every finding the claims support, sorted most severe first."""
    topics: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        # amounts in different currencies are never compared: 50亿美元（约合人民币364亿元） is one fact
        unit = claim.value.unit if isinstance(claim.value, Quantity) else ""
        topics[(claim.rule_id, claim.subject, unit)].append(claim)
    findings: list[Finding] = []
    for (rule_id, subject, _), topic_claims in sorted(topics.items()):
        rule = rules[rule_id]
        groups = group_by_context(topic_claims, qualifier_names(rule))
        for group in groups:
            if len(group.articles) >= 2:
                findings.append(_compare_group(rule, subject, group))
        differs = _context_differs(rule, subject, groups)
        if differs:
            findings.append(differs)
    return sorted(findings, key=lambda f: (-LEVEL_RANK[f.level], f.rule_id, f.subject, f.kind, f.id))


def qualifier_names(rule: Rule) -> tuple[str, ...]:
    names = [spec.name for spec in rule.context]
    if rule.day:
        names.append("day")
    return tuple(names)


def group_by_context(claims: list[Claim], names: tuple[str, ...]) -> list[Group]:
    by_key: dict[ContextKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        known = claim.context_dict()
        by_key[tuple((name, known.get(name)) for name in names)].append(claim)
    complete = {key: Group(key, list(items)) for key, items in by_key.items()
                if all(value is not None for _, value in key)}
    groups = list(complete.values())
    for key, items in sorted(by_key.items(), key=lambda kv: repr(kv[0])):
        if key in complete:
            continue
        fits = [g for g in complete.values() if _compatible(key, g.key)]
        if len(fits) == 1:
            fits[0].claims.extend(items)
            fits[0].inferred = True
        else:
            groups.append(Group(key, list(items)))
    return sorted(groups, key=lambda g: repr(g.key))


def _compatible(partial: ContextKey, full: ContextKey) -> bool:
    return all(a is None or a == b for (_, a), (_, b) in zip(partial, full))


def values_agree(a: Claim, b: Claim, rule: Rule) -> bool:
    """Whether two claims' values can both be true of the same fact."""
    x, y = a.value, b.value
    if isinstance(x, Quantity) and isinstance(y, Quantity):
        return overlap(x, y, rule.tolerance)
    if isinstance(x, DateValue) and isinstance(y, DateValue):
        return dates_overlap(x, y)
    if isinstance(x, StatusValue) and isinstance(y, StatusValue):
        return x.label == y.label
    if isinstance(x, EntitySet) and isinstance(y, EntitySet):
        return x.members == y.members
    return False


def _compare_group(rule: Rule, subject: str, group: Group) -> Finding:
    claims = sorted(group.claims, key=_claim_order)
    context = tuple((k, v) for k, v in group.key if v is not None)
    if rule.kind == "set":
        return _compare_sets(rule, subject, group, claims, context)
    conflicts = []
    uncertain = group.inferred
    for a, b in combinations(claims, 2):
        if a.article != b.article and not values_agree(a, b, rule):
            uncertain = uncertain or any(c.inferred for c in (*a.context, *b.context))
            conflicts.append(f"{a.value.display()} ({a.outlet}, {a.article}:{a.line}) vs "
                             f"{b.value.display()} ({b.outlet}, {b.article}:{b.line})")
    values = _distinct_values(claims)
    if not conflicts:
        return _finding(rule, subject, "agreement", "info", context, claims,
                        f"{len(group.articles)} sources agree: {' ≈ '.join(values)}")
    compatible = [c for c in claims if all(values_agree(c, o, rule) for o in claims if o.article != c.article)]
    details = list(dict.fromkeys(conflicts))
    details += [f"{c.value.display()} ({c.outlet}, {c.article}:{c.line}) is compatible with every other value"
                for c in compatible]
    # a context that was inferred (publish time, a partly unknown context) makes the clash less certain
    level: Level = "warning" if uncertain and rule.level == "error" else rule.level
    return _finding(rule, subject, "disagreement", level, context, claims,
                    f"sources disagree: {' vs '.join(values)}", details)


def _compare_sets(rule: Rule, subject: str, group: Group, claims: list[Claim],
                  context: tuple[tuple[str, str], ...]) -> Finding:
    named: dict[str, set[str]] = defaultdict(set)  # article → members
    for claim in claims:
        assert isinstance(claim.value, EntitySet)
        named[claim.article].update(claim.value.members)
    everyone = sorted(set().union(*named.values()))
    outlets = {c.article: c.outlet for c in claims}
    names = {e.id: e.name for e in rule.entities}
    details = []
    for member in everyone:
        silent = sorted(a for a in named if member not in named[a])
        if silent:
            naming = sorted(a for a in named if member in named[a])
            details.append(f"{names.get(member, member)}: named by {_sources(naming, outlets)}; "
                           f"not named by {_sources(silent, outlets)}")
    if not details:
        return _finding(rule, subject, "agreement", "info", context, claims,
                        f"{len(named)} sources name the same: {claims[0].value.display()}")
    return _finding(rule, subject, "omission", rule.omission_level, context, claims,
                    f"sources name different members: {len(details)} of {len(everyone)} left out by some", details)


def _context_differs(rule: Rule, subject: str, groups: list[Group]) -> Finding | None:
    """One info finding when a topic's values differ only across contexts."""
    articles = set().union(*(g.articles for g in groups)) if groups else set()
    if len(groups) < 2 or len(articles) < 2:
        return None
    claims = sorted((c for g in groups for c in g.claims), key=_claim_order)
    if all(values_agree(a, b, rule) for a, b in combinations(claims, 2)):
        return None
    names = qualifier_names(rule)
    differing = [n for n in names if len({c.context_dict().get(n) for c in claims}) > 1]
    details = [f"{_context_text(g.key)}: " + ", ".join(
        f"{c.value.display()} ({c.outlet}, {c.article}:{c.line})" for c in sorted(g.claims, key=_claim_order))
        for g in groups]
    return _finding(rule, subject, "context-differs", "info", (), claims,
                    f"values differ, but they are about different {', '.join(differing) or 'contexts'}", details)


def _context_text(key: ContextKey) -> str:
    return " ".join(f"{k}={v if v is not None else '?'}" for k, v in key) or "no context"


def _sources(articles: list[str], outlets: dict[str, str]) -> str:
    return ", ".join(f"{outlets[a]} ({a})" for a in articles)


def _distinct_values(claims: list[Claim]) -> list[str]:
    return list(dict.fromkeys(c.value.display() for c in claims))


def _claim_order(claim: Claim) -> tuple[str, int, int]:
    return claim.article, claim.line, claim.span[0]


def finding_id(rule_id: str, kind: str, subject: str, context: tuple[tuple[str, str], ...],
               values: list[str]) -> str:
    """Stable id from what the finding is about, never from line numbers."""
    payload = json.dumps([rule_id, kind, subject, list(context), sorted(set(values))], ensure_ascii=False)
    return "FC" + hashlib.sha256(payload.encode()).hexdigest()[:10]


def _finding(rule: Rule, subject: str, kind: FindingKind, level: Level,
             context: tuple[tuple[str, str], ...], claims: list[Claim], message: str,
             details: list[str] | None = None) -> Finding:
    values = [c.value.display() for c in claims]
    return Finding(
        id=finding_id(rule.id, kind, subject, context, values), rule_id=rule.id, kind=kind,
        level=level, subject=subject, context=context, message=message, claims=tuple(claims),
        details=tuple(details or ()),
    )


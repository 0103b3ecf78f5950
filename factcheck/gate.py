"""What a CI gate needs on top of the comparison: rule selection and levels,
suppressions, baselines of accepted findings, and draft-against-corpus.

A baseline records findings by their stable id (rule, kind, subject, context,
values: never line numbers), so it survives edits that move text around and
stops matching exactly when a value changes. Entries that match nothing are
reported as stale, as are suppressions that suppress nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from factcheck.config import Config
from factcheck.files import write_atomically
from factcheck.records import LEVEL_RANK, Article, Claim, Diagnostic, Finding
from factcheck.rules import RuleSet

BASELINE_VERSION = 1


class BaselineError(Exception):
    """An unreadable baseline file; the message is `path:line: message`."""


def select_rules(rule_set: RuleSet, config: Config) -> RuleSet:
    """The rules the configuration enables, at the levels it sets."""
    known = {rule.id for rule in rule_set.rules}
    problems = list(rule_set.diagnostics)
    for rule_id in (*config.enable, *config.disable, *(r for r, _ in config.levels)):
        if rule_id not in known and not rule_set.diagnostics:
            problems.append(Diagnostic(config.source or "configuration", 0, f"unknown rule {rule_id!r}"))
    levels = dict(config.levels)
    rules = tuple(
        replace(rule, level=levels.get(rule.id, rule.level),
                rounded_level=rule.rounded_level or config.rounded_level)  # type: ignore[arg-type]
        for rule in rule_set.rules
        if (not config.enable or rule.id in config.enable) and rule.id not in config.disable
    )
    return replace(rule_set, rules=rules, diagnostics=tuple(problems))


def apply_suppressions(articles: list[Article], claims: list[Claim],
                       rule_ids: set[str]) -> tuple[list[Claim], list[Diagnostic]]:
    """Drop suppressed claims; report suppressions that name unknown rules or suppress nothing."""
    by_article = {article.path: article.suppressions for article in articles}
    used: set[tuple[str, int]] = set()
    kept = []
    for claim in claims:
        covering = [s for s in by_article.get(claim.article, ()) if s.covers(claim.rule_id, claim.line)]
        for suppression in covering:
            used.add((claim.article, suppression.line))
        if not covering:
            kept.append(claim)
    problems = []
    for article in articles:
        for suppression in article.suppressions:
            unknown = [r for r in suppression.rules if r not in rule_ids]
            if unknown:
                problems.append(Diagnostic(article.path, suppression.line,
                                           f"suppression names unknown rule {unknown[0]!r}", "warning"))
            elif (article.path, suppression.line) not in used:
                what = ", ".join(suppression.rules) or "every rule"
                problems.append(Diagnostic(article.path, suppression.line,
                                           f"suppression ({what}, {suppression.where}) suppresses nothing", "warning"))
    return kept, problems


def involving(findings: list[Finding], drafts: set[str]) -> list[Finding]:
    """Only the findings a draft takes part in: the pre-publish gate."""
    return [f for f in findings if any(claim.article in drafts for claim in f.claims)]


def at_least(findings: list[Finding], level: str) -> list[Finding]:
    return [f for f in findings if LEVEL_RANK[f.level] >= LEVEL_RANK[level]]


def gating(finding: Finding) -> bool:
    """Agreements are reported, never gated."""
    return finding.kind != "agreement"


# ----------------------------------------------------------------- baseline


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Record every gating finding; one entry a line, so diffs stay readable."""
    entries = sorted({f.id: f for f in findings if gating(f)}.values(), key=lambda f: (f.rule_id, f.id))
    lines = [json.dumps({"id": f.id, "rule": f.rule_id, "kind": f.kind, "subject": f.subject,
                         "message": f.message}, ensure_ascii=False, sort_keys=True) for f in entries]
    body = ",\n    ".join(lines)
    text = (f'{{\n  "schema_version": {BASELINE_VERSION},\n  "tool": "factcheck",\n  "findings": [\n'
            + (f"    {body}\n" if lines else "") + "  ]\n}\n")
    write_atomically(path, text)
    return len(entries)


def read_baseline(path: Path) -> dict[str, int]:
    """Finding id → the line of its entry in the baseline file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read baseline: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}: not a baseline (invalid JSON: {error.msg})") from None
    if not isinstance(data, dict) or data.get("schema_version") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}:1: not a factcheck baseline (schema_version {BASELINE_VERSION})")
    lines = text.split("\n")
    located = {}
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise BaselineError(f"{path}:1: every baseline entry needs an id")
        located[entry["id"]] = next((i + 1 for i, line in enumerate(lines) if f'"{entry["id"]}"' in line), 1)
    return located


def apply_baseline(findings: list[Finding], baseline: dict[str, int],
                   path: str) -> tuple[list[Finding], int, list[Diagnostic]]:
    """Findings not in the baseline, how many were, and the stale entries."""
    current = {f.id for f in findings}
    kept = [f for f in findings if not (gating(f) and f.id in baseline)]
    stale = [Diagnostic(path, line, f"stale baseline entry {finding_id}: it matches no finding now", "warning")
             for finding_id, line in sorted(baseline.items(), key=lambda item: item[1])
             if finding_id not in current]
    return kept, len(findings) - len(kept), stale


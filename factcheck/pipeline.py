"""The whole check: load → rules → extract (normalizing as it goes) → compare.

Kept free of any output concern so that the CLI, tests and benchmarks all
run exactly the same code; reports are rendered from the CheckResult.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.compare import compare
from factcheck.extract import extract
from factcheck.load import DEFAULT_TIMEZONE, InputError, discover, read_article
from factcheck.normalize.entities import EntityIndex
from factcheck.outlets import OutletConfig
from factcheck.records import (Article, CheckResult, Claim, Diagnostic,
                               Summary)
from factcheck.rules import RuleSet


@dataclass(frozen=True)
class Options:
    timezone: str = DEFAULT_TIMEZONE
    outlets: OutletConfig | None = None


def check(paths: list[str], rule_set: RuleSet, options: Options = Options()) -> CheckResult:
    """Check the articles under `paths` against `rule_set`."""
    files, diagnostics = discover(paths)
    index = EntityIndex(rule_set.entities)
    articles: list[Article] = []
    claims: list[Claim] = []
    for file in files:
        try:
            article = read_article(file, options.timezone, options.outlets)
        except InputError as error:
            diagnostics.append(error.diagnostic)
            continue
        articles.append(article)
        claims.extend(extract(article, rule_set.rules, index))
    return summarize(articles, claims, rule_set, diagnostics)


def summarize(articles: list[Article], claims: list[Claim], rule_set: RuleSet,
              diagnostics: list[Diagnostic]) -> CheckResult:
    findings = compare(claims, {rule.id: rule for rule in rule_set.rules})
    kinds = [f.kind for f in findings]
    summary = Summary(
        articles=len(articles), rules=len(rule_set.rules), claims=len(claims),
        groups_checked=kinds.count("agreement") + kinds.count("disagreement") + kinds.count("omission"),
        agreements=kinds.count("agreement"), disagreements=kinds.count("disagreement"),
        omissions=kinds.count("omission"), context_differs=kinds.count("context-differs"),
    )
    return CheckResult(
        articles=tuple(articles), claims=tuple(claims), findings=tuple(findings),
        diagnostics=tuple(sorted(diagnostics, key=lambda d: (d.path, d.line, d.message))),
        summary=summary, rules=rule_set.rules,
        entity_names={entity.id: entity.name for entity in rule_set.entities},
    )

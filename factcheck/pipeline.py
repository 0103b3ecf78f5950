"""The whole check: load → rules → extract (normalizing as it goes) → compare → gate.

Kept free of any output concern so that the CLI, tests and benchmarks all
run exactly the same code; reports are rendered from the CheckResult.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from factcheck import gate
from factcheck.compare import compare
from factcheck.extract import extract
from factcheck.load import DEFAULT_TIMEZONE, ArticleFile, InputError, discover, read_article
from factcheck.normalize.entities import EntityIndex
from factcheck.outlets import OutletConfig
from factcheck.records import (Article, CheckResult, Claim, Diagnostic, Finding,
                               Summary)
from factcheck.rules import RuleSet


@dataclass(frozen=True)
class Options:
    timezone: str = DEFAULT_TIMEZONE
    outlets: OutletConfig | None = None
    against: tuple[str, ...] = ()  # the published corpus; the paths checked are then drafts
    ignore: tuple[str, ...] = ()  # globs of article paths to leave out
    baseline: dict[str, int] | None = None  # finding id → line in the baseline file
    baseline_path: str = ""
    min_level: str = "info"


def check(paths: list[str], rule_set: RuleSet, options: Options = Options()) -> CheckResult:
    """Check the articles under `paths` (and `options.against`) against `rule_set`."""
    files, diagnostics = _files(paths, options)
    drafts = {file.display for file in files[0]} if options.against else set()
    index = EntityIndex(rule_set.entities)
    articles: list[Article] = []
    claims: list[Claim] = []
    for file in files[0] + files[1]:
        try:
            article = read_article(file, options.timezone, options.outlets)
        except InputError as error:
            diagnostics.append(error.diagnostic)
            continue
        articles.append(article)
        claims.extend(extract(article, rule_set.rules, index))
    claims, suppression_notes = gate.apply_suppressions(articles, claims, {r.id for r in rule_set.rules})
    diagnostics.extend(suppression_notes)
    findings = compare(claims, {rule.id: rule for rule in rule_set.rules})
    if options.against:
        findings = gate.involving(findings, drafts)
    baselined = 0
    if options.baseline is not None:
        findings, baselined, stale = gate.apply_baseline(findings, options.baseline, options.baseline_path)
        diagnostics.extend(stale)
    findings = gate.at_least(findings, options.min_level)
    return result(articles, claims, findings, rule_set, diagnostics, baselined)


def _files(paths: list[str], options: Options) -> tuple[tuple[list[ArticleFile], list[ArticleFile]], list[Diagnostic]]:
    """(the files checked, the corpus they are checked against), without ignored or repeated files."""
    checked, problems = discover(paths)
    corpus, more = discover(list(options.against)) if options.against else ([], [])
    seen: set[Path] = set()

    def keep(files: list[ArticleFile]) -> list[ArticleFile]:
        kept = []
        for file in files:
            real = file.path.resolve()
            if real in seen or any(fnmatch(file.display, glob) for glob in options.ignore):
                continue
            seen.add(real)
            kept.append(file)
        return kept

    return (keep(checked), keep(corpus)), problems + more


def result(articles: list[Article], claims: list[Claim], findings: list[Finding], rule_set: RuleSet,
           diagnostics: list[Diagnostic], baselined: int = 0) -> CheckResult:
    kinds = [f.kind for f in findings]
    summary = Summary(
        articles=len(articles), rules=len(rule_set.rules), claims=len(claims),
        groups_checked=kinds.count("agreement") + kinds.count("disagreement") + kinds.count("omission"),
        agreements=kinds.count("agreement"), disagreements=kinds.count("disagreement"),
        omissions=kinds.count("omission"), context_differs=kinds.count("context-differs"),
        baselined=baselined,
    )
    everything = list(rule_set.diagnostics) + diagnostics
    return CheckResult(
        articles=tuple(articles), claims=tuple(claims), findings=tuple(findings),
        diagnostics=tuple(sorted(everything, key=lambda d: (d.path, d.line, d.message))),
        summary=summary, rules=rule_set.rules,
        entity_names={entity.id: entity.name for entity in rule_set.entities},
    )


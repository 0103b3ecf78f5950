"""Claims an article's author accepted: `factcheck: {ignore: […]}` in the front matter,
`<!-- factcheck-ignore … -->` before a paragraph. A suppression that suppresses
nothing, or names an unknown rule, is reported so none outlives its reason."""

from __future__ import annotations

from factcheck.records import Article, Claim, Diagnostic


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

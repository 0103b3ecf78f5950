"""Stage 4: apply rules to one article's sentences and return its claims.

Extraction is a pure function of (article, rules): no shared state, so
articles can be processed in any order or in parallel and cached by content.
Each rule's kind finds its claims (`factcheck.kinds.KINDS[rule.kind].find`)
in a shared view of each sentence (factcheck/kinds/sentence.py); where a
claim's subject, context and day are looked for is factcheck/kinds/reading.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from factcheck.kinds import KINDS
from factcheck.kinds.currency import same_below
from factcheck.kinds.matching import matching_text
from factcheck.kinds.sentence import pattern, sentences
from factcheck.normalize.entities import EntityIndex
from factcheck.patterns import PatternError
from factcheck.records import Article, Claim, Diagnostic, RuleBase


def relevance(rules: Iterable[RuleBase]) -> Callable[[str], bool]:
    """Whether any rule could find a claim in a text: every claim needs one of
    its kind's cues (cue, trigger or state words) in its sentence."""
    regexes = sorted({regex for rule in rules for regex in KINDS[rule.kind].cues(rule) if regex})
    try:  # one pass over the text when the patterns combine (no clashing group names, all plain)
        combined = pattern("|".join(f"(?:{regex})" for regex in regexes))
        return lambda text: combined.search(matching_text(text)) is not None or _sets_currency(text)
    except (re.error, PatternError):
        patterns = [pattern(regex) for regex in regexes]
        return lambda text: any(p.search(matching_text(text)) for p in patterns) or _sets_currency(text)


def _sets_currency(text: str) -> bool:
    """A paragraph holding `(美元，下同)` is kept: it sets the currency of later amounts."""
    return ("下同" in text and same_below().search(text) is not None) or "same below" in text


def extract(article: Article, rules: Iterable[RuleBase], index: EntityIndex) -> tuple[list[Claim], list[Diagnostic]]:
    """All claims `rules` find in `article`, in reading order, and the spans a
    rule pointed at but that could not be read as a value (no silent passes)."""
    claims: list[Claim] = []
    unread: list[Diagnostic] = []
    views = sentences(article, index)
    for rule in rules:
        kind = KINDS[rule.kind]
        for sentence in views:
            seen: set[tuple[object, ...]] = set()  # one claim found through two cues is one claim
            for found in kind.find(rule, sentence, article):
                if isinstance(found, Diagnostic):
                    unread.append(found)
                    continue
                key = (found.subject, found.value.display(), found.span, found.context)
                if key not in seen:
                    seen.add(key)
                    claims.append(found)
    return claims, unread

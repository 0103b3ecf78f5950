"""`skip` and `keep`: words that make a value another thing, read one way by every kind.

A skip word before a claim in its statement (the sentence, not across a ；, which
ends a statement), or anywhere in the claim's own clause, means the value is not
this rule's claim (年内 and 累计 before a daily move; 离开 before a date the rule
reads for a joining; 客服表示 two clauses before a state; 目标 after a price). Every
kind checks it the same way (`skipped`), around the claim's cue and value.

Words are words, not substrings. A word in Latin letters or digits matches
only whole (`IPO` is not in `IPOs`, `EPS` not in `EPSG`). Chinese has no
spaces, so the rule is the one a reader applies: **the longest word the rule
knows wins**. The rule knows its `skip` words, its `keep` words and the
declared entities' names; a skip word inside a longer `keep` word (投资 inside
投资人, 投资者) or inside a longer name (天图投资) does not skip. A skip word that is a
whole name (布鲁克菲尔德, an entity's alias) skips: it leaves out another party's figure.
A `skip` regex (a YAML string) is matched as written, `keep` still applies.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.kinds.sentence import Sentence, pattern

KEEP_GROUP = "factcheck_keep"
_LATIN = re.compile(r"[A-Za-z0-9]")


def word_regex(word: str) -> str:
    """One word as a regex: a Latin edge matches only at a word boundary."""
    regex = re.escape(word)
    if _LATIN.match(word[0]):
        regex = r"(?<![A-Za-z0-9])" + regex
    if _LATIN.match(word[-1]):
        regex += r"(?![A-Za-z0-9])"
    return regex


def words_alternation(words: list[str] | tuple[str, ...]) -> str:
    """Longest first, so that at one place the longest word is the match."""
    return "|".join(word_regex(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def skip_regex(skip: str | list[str] | None, keep: list[str] | None) -> str:
    """The rule's `skip` and `keep` as one regex; a match in the keep group is no skip ("" for no skip)."""
    if not skip:
        return ""
    skip_part = skip if isinstance(skip, str) else words_alternation(skip)
    if not keep:
        return f"(?:{skip_part})"
    # the keep group comes first: where a keep word and a skip word start at one place, the keep word
    # wins; a keep word starting earlier (总投资 before 投资) is found first by the left-to-right search
    keep_words = sorted(set(keep), key=lambda w: (-len(w), w))
    return f"(?P<{KEEP_GROUP}>{'|'.join(word_regex(w) for w in keep_words)})|(?:{skip_part})"


def skipped(skip: str, s: Sentence, first: int, last: int) -> bool:
    """Whether a skip word (not inside a longer keep word) stands in the claim's statement before
    the claim's first offset, or in the claim's own clause anywhere (before or after `last`, the
    later of its cue and its value; a word holding `last` too: 技术发布会 holding the cue 发布会).

    The statement runs from the sentence's start, or its last ；before the claim, to the claim:
    an attribution or a rumour word scopes over every clause after it (客服表示，这款产品于2月11日上线平台，
    目前不再面向个人进行销售), while a word after the claim counts only in its own clause (突破3,000美元的目标;
    宣布…征收对等关税): the next clause is another statement's (日内涨幅达1%，年内涨超10%)."""
    if not skip:
        return False
    begin = _statement_start(s, first)
    # searched up to `last`, so a regex anchored with `$` (分别为\s*$) means "right before the claim"
    for match in pattern(skip).finditer(s.text[:last], begin):
        if not _kept(match) and not _in_a_name(s, match.start(), match.end()):
            return True
    # the rest of the claim's clause, and a skip word holding the cue (技术发布会 for cue 发布会, written
    # after the date it reads): the longest word the rule knows wins, so the cue is part of the skip word
    clause_end = s.clause_at(last)[1]
    for match in pattern(skip).finditer(s.text, begin):
        if match.start() >= max(clause_end, last + 1):
            break
        if match.end() > last and not _kept(match) and not _in_a_name(s, match.start(), match.end()):
            return True
    return False


def _statement_start(s: Sentence, offset: int) -> int:
    """Where the statement holding `offset` begins: after the last ；(or ;) before it, else 0."""
    return max(s.text.rfind("；", 0, offset), s.text.rfind(";", 0, offset)) + 1


def _in_a_name(s: Sentence, start: int, end: int) -> bool:
    """A skip word inside a longer declared entity's name (投资 in 天图投资) is part of the name;
    a skip word that *is* the name (skip: [布鲁克菲尔德]) drops what that party says or does."""
    return any(m.start <= start and end <= m.end and m.end - m.start > end - start for m in s.mentions)


def _kept(match: Any) -> bool:
    groups = match.groupdict()
    return groups.get(KEEP_GROUP) is not None

"""`skip` and `keep`: words that make a value another thing, read one way by every kind.

A skip word before a claim, in its clause or the clause before (not across a
；, which ends a statement), means the value is not this rule's claim (年内 and
累计 before a daily move; 离开 before a date the rule reads for a joining). Every kind checks it the same way
(`skipped`), between the start of the clause before the claim and the later
of its cue and its value. Two reaches more: a clause that says who speaks (客服表示，) reaches every
later clause of its statement, as an attribution does; and a skip word right after a value, directly
or through a modifier ending in 的, names what the value is (突破3,000美元的目标,
62个外部品牌的授权), as a cue after a value does, and so does one in the English phrase after a value
(`a 14% rise in organic revenue`).

Words are words, not substrings. A word in Latin letters or digits matches
only whole (`IPO` is not in `IPOs`, `EPS` not in `EPSG`); a letter may touch a digit, as in an
alias (`EBITDA` is in `經調整EBITDA21.26億元`). Chinese has no
spaces, so the rule is the one a reader applies: **the longest word the rule
knows wins**. The rule knows its `skip` words, its `keep` words and the
declared entities' names; a skip word inside a longer `keep` word (投资 inside
投资人, 投资者) or inside a longer name (天图投资) does not skip. A skip word that is itself a
declared name (布鲁克菲尔德, an entity's alias) skips, alone or inside a longer declared name (华为 in
华为Mate X5): it leaves out another party's figure.
A `skip` regex (a YAML string) is matched as written, `keep` still applies.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factcheck.kinds.matching import rule_word
from factcheck.kinds.roles_reading import SAYS_AT_END
from factcheck.kinds.sentence import Sentence, pattern
from factcheck.normalize.entities import word_edge
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use

KEEP_GROUP = "factcheck_keep"


def word_regex(word: str) -> str:
    """One word as a regex: a Latin edge matches only where it does not run on into another
    letter (a digit after a letter is no run-on: EBITDA21.26億元), as an alias's (word_edge). A typesetting
    space (`首个搭载 X 款`) is read past, as it is in the text (matching.rule_word)."""
    word = rule_word(word)
    return word_edge(word[:1], before=True) + re.escape(word) + word_edge(word[-1:], before=False)


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


def skipped(skip: str, s: Sentence, first: int, last: int, value_end: int | None = None) -> bool:
    """Whether a skip word (not inside a longer keep word) starts in the clause before the claim's
    first offset, or in the claim's clause before `last` (the later of its cue and its value), or
    holds `last` (技术发布会 holding the cue 发布会: the longest word wins); or stands in an earlier
    clause of the statement that says who speaks (客服表示，这款产品于2月11日上线平台，目前不再面向个人进行销售);
    or right after the value ending at `value_end`, directly or through 的 (突破3,000美元的目标)."""
    if not skip:
        return False
    previous = s.clause_before(first)
    if previous is not None and s.text[previous[1]:previous[1] + 1] in ("；", ";"):
        previous = None  # a ；ends a statement: the clause before it is another statement's
    begin = previous[0] if previous else s.clause_at(first)[0]
    if _said_by(skip, s, begin) or (value_end is not None and _names_the_value(skip, s, value_end)):
        return True
    # searched up to `last`, so a regex anchored with `$` (分别为\s*$) means "right before the claim"
    for match in pattern(skip).finditer(s.text[:last], begin):
        if not _kept(match) and not _skip_in_a_name(s, match.start(), match.end()):
            return True
    # a skip word holding the cue (技术发布会 for cue 发布会, written after the date it reads): the
    # longest word the rule knows wins, so the cue is part of the skip word
    for match in pattern(skip).finditer(s.text, begin):
        if match.start() > last:
            break
        if match.end() > last and not _kept(match) and not _skip_in_a_name(s, match.start(), match.end()):
            return True
    return False


def skip_word(skip: str, s: Sentence, before: int) -> str:
    """The skip word a left-out value is reported with: the last one starting before `before`, else the
    first of the sentence (one holding the cue, or right after the value)."""
    found = [m for m in pattern(skip).finditer(s.text) if not _kept(m)] if skip else []
    earlier = [m for m in found if m.start() < before]
    match = earlier[-1] if earlier else found[0] if found else None
    return s.plain[match.start():match.end()] if match else ""


# A condition (`如果是破产重整，那不成功则需要进入破产清算`, `若…则…`, `一旦…`, `if …`) or a reading others give
# (`这一信息被外界解读为“苏宁集团正式进入破产程序”`) states no fact of the source's: a state or a dated event with one
# before it in its own clause is no claim (status and date rules ask `not_stated`). The clause a condition leads
# to is kept: `若流片成功，OpenAI计划在2026年实现量产` still states the plan. A figure under a condition is still
# read: the held-out yardstick counts 3 such figures as facts its sources state. A hedge that keeps the statement
# (如果不出意外, 若无意外) and a rhetorical 如果说 are no condition. Matched on folded text.
_NOT_STATED = re.compile(r"如果|假如|假若|倘若|倘使|如若|(?<![主需只重还就])要是|(?<![\d一二两三四五六七八九十百千])万一|一旦"
                         r"|(?<![宛恍仿犹倘假如般])若(?!干)"
                         r"|(?<![A-Za-z])[Ii]f(?![A-Za-z])|解读[为成]")
_STATED_ANYWAY = compiled_on_use(r"(?:如果|假如|若|如)(?:不出|没有|无)(?:什么)?意外|如果说")


def not_stated(s: Sentence, begin: int, last: int) -> bool:
    """Whether a condition or others' reading stands in s.text[begin:last] (see _NOT_STATED)."""
    return bool(condition_word(s, begin, last))


def condition_word(s: Sentence, begin: int, last: int) -> str:
    """The condition or others' reading standing in s.text[begin:last] (see _NOT_STATED), "" if none."""
    for found in _NOT_STATED.finditer(s.text, begin, last):
        if not _STATED_ANYWAY.match(s.text, found.start()) and not _in_a_name(s, found.start(), found.end()):
            return s.plain[found.start():found.end()]
    return ""


# between a value and the noun it qualifies: nothing, or a modifier ending in 的 (28亿元借款,
# 5億美元的融資, 400亿美元对OpenAI的首轮投资, 62个外部品牌的授权); never a clause break, a digit or a
# verb phrase. A cue after a value (number.cue_right_after) and a skip word there are reached alike.
LEADS_INTO_NOUN = re.compile(r"\s*(?:[^，,。；;：:！？!?\d０-９]{0,12}?的)?\s*")


# what English writes after a figure about it, a later figure in the sentence or not: a noun of change, then a
# preposition and a few words before the word (`rose about 3% in premarket trading`, `a 14% rise in organic
# revenue`): a post-modifier, the figure's own as a word before it would be in Chinese
@cache
def _en_post_modifier() -> re.Pattern[str]:
    nouns = sorted({*ZH.up_nouns_en, *ZH.down_nouns_en}, key=len, reverse=True)
    return re.compile(r"\s*(?:(?i:" + "|".join(nouns) + r")\s+)?(?i:in|of|for|during|at)\s+(?:[A-Za-z'-]+\s+){0,3}")


def english_post_modifier(text: str, value_end: int, at: int) -> bool:
    """Whether the word at `at` stands in an English post-modifier of the figure ending at `value_end`
    (`3% in premarket trading`, `14% rise in organic revenue`): that figure's, not a later one's, and never
    the next figure's of the sentence (`… in organic revenue in the quarter and a 2% increase`)."""
    return _en_post_modifier().fullmatch(text, value_end, at) is not None


def _said_by(skip: str, s: Sentence, begin: int) -> bool:
    """Whether a clause of the claim's statement before `begin` (the earliest clause the plain reach
    covers) says who speaks and holds a skip word: an attribution reaches every clause after it."""
    statement = max(s.text.rfind("；", 0, begin), s.text.rfind(";", 0, begin)) + 1
    for start, end in s.clauses:
        if end > begin:
            break
        if start >= statement and SAYS_AT_END.search(s.text, start, end) and any(
                not _kept(m) and not _skip_in_a_name(s, m.start(), m.end()) for m in pattern(skip).finditer(s.text[:end], start)):
            return True
    return False


def _names_the_value(skip: str, s: Sentence, value_end: int) -> bool:
    """Whether a skip word stands right after the value, directly or through a modifier ending in 的,
    as a cue after a value does (突破3,000美元的目标, 共拥有62个外部品牌的授权), or in an English post-modifier
    of the value (`a 14% rise in organic revenue`)."""
    _, clause_end = s.clause_at(value_end)
    for found in pattern(skip).finditer(s.text, value_end):
        if found.start() > clause_end:
            return False
        if (found.start() <= value_end + 16 and LEADS_INTO_NOUN.fullmatch(s.text, value_end, found.start())) \
                or english_post_modifier(s.text, value_end, found.start()):
            return not _kept(found) and not _skip_in_a_name(s, found.start(), found.end())
    return False


def _in_a_name(s: Sentence, start: int, end: int) -> bool:
    """A word inside a longer declared entity's name (投资 in 天图投资, 若 in a name) is part of the name."""
    return any(m.start <= start and end <= m.end and m.end - m.start > end - start for m in s.mentions)


def _skip_in_a_name(s: Sentence, start: int, end: int) -> bool:
    """A skip word inside a longer declared name does not skip (投资 in 天图投资), unless it is itself a
    declared name or alias: then it drops what that party says or does wherever it is written, alone
    (skip: [布鲁克菲尔德]) or inside a longer name (华为, declared, in the declared 华为Mate X5: its phone)."""
    return _in_a_name(s, start, end) and not s.index.declares(s.plain[start:end])


def _kept(match: Any) -> bool:
    groups = match.groupdict()
    return groups.get(KEEP_GROUP) is not None

"""English back-references: the words that point to the company named before, and what a sentence opens with.

English drops no subject as Chinese does; it writes a pointer instead (`The company said revenue rose 10%`,
`Shares sank 4% after hours`, `Its net profit fell`, `The Chinese startup …`), as Chinese writes 该公司, 其, 该股.
Whom it points to is the subject of an earlier sentence: what that sentence opens with, past an opening phrase
(`On January 2,`, `Furthermore,`). The words are zh.yaml's `english_pointers`; kinds/reading.py follows them
(docs/rules.md, "Subjects").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use


def _any(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def pointer_pattern() -> re.Pattern[str]:
    """Any English pointer (zh.yaml `english_pointers`): `the` + a company noun, maybe described; `the` + a
    shares word; `Shares` opening a sentence or clause (not `Shares of`); `its`; `It` opening one."""
    table = ZH.english_pointers
    nouns, shares, skip, after = (_any(table[k]) for k in ("nouns", "shares", "not_describing", "not_after"))
    pronouns = table["pronouns"]
    its = _any(tuple(p for p in pronouns if p.endswith("s")))
    it = _any(tuple(p.capitalize() for p in pronouns if not p.endswith("s")))
    word_end = r"(?![A-Za-z-])"
    described = rf"(?:(?!(?i:{skip}){word_end})[A-Za-z][A-Za-z.&'’-]*\s+){{0,2}}?"
    opening = r"(?:^|(?<=[,;:]\s)|(?<=[*_\[\"“(]))\s*"
    return re.compile(
        rf"(?<![A-Za-z])[Tt]he\s+{described}(?:{nouns}){word_end}(?!['’]?\s+(?:{after}){word_end})"
        rf"|(?<![A-Za-z])[Tt]he\s+(?:{shares}){word_end}(?!\s+(?:{after}){word_end})"
        rf"|{opening}(?:{_any(tuple(w.capitalize() for w in table['shares']))}){word_end}(?!\s+(?:of|in){word_end})"
        rf"|(?<![A-Za-z])(?i:{its}){word_end}"
        rf"|{opening}(?:{it}){word_end}(?!['’])")


# words a sentence may open with before its subject, ending in a comma: `On January 2,`, `Furthermore,`,
# `In the last reported quarter, 4Q24,` (a figure opening a clause too); function words, not names
_OPENERS = frozenset((
    "in on at for after before during as but and however meanwhile also while with according since by following "
    "despite furthermore moreover additionally separately still yet last this earlier later overall then now so "
    "thus instead again today yesterday besides beyond from through under over until when where although though "
    "if unlike like amid among against compared meanwhile first second finally next further elsewhere").split())
_OPENING_MARKUP = re.compile(r"[\s*_#>\[\]\"“‘(-]*")
_OPENING_PHRASE = compiled_on_use(r"([A-Za-z]+|\d)[^,;:.!?]{0,80}?[,;:]\s*")
_SHARES_OF = compiled_on_use(r"(?:[Tt]he\s+)?(?:[Ss]hares|[Ss]tock)\s+(?:of|in)\s+")
# a run of capitalized words: the name a sentence may open with (`Lipella Pharmaceuticals said`)
_CAPITALIZED_RUN = compiled_on_use(r"(?<![A-Za-z0-9&.'’-])[A-Z][A-Za-z0-9&.'’-]*(?:\s+(?:[A-Z][A-Za-z0-9&.'’-]*|&))*")
# capitalized words that are no one's name: a month, a day, and the words a sentence opens with
_NO_NAME = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name,
                                         "the", "a", "an", "its", "it", "their", "they", "this", "that", "these",
                                         "those", "there", "here", "we", "our", "he", "she", "his", "her", "i",
                                         "shares", "share", "stock", "stocks", "sept", *_OPENERS))


@dataclass(frozen=True)
class Opening:
    """What an English sentence's subject is: where it starts (past markup and opening phrases), whether it is
    a pointer, and the capitalized words it opens with when they may be a name (None: a common noun, `That`)."""

    start: int
    pointer: bool
    name: str | None
    surely_a_name: bool  # two capitalized words, all capitals, a capital inside, a possessive or bracket after


def subject_start(text: str) -> int:
    """Where an English sentence's subject starts: past markup, opening phrases (`On January 2,`,
    `In the last reported quarter, 4Q24,`) and `Shares of` (the owner follows)."""
    at = _OPENING_MARKUP.match(text).end()  # type: ignore[union-attr]
    for _ in range(3):
        phrase = _OPENING_PHRASE.match(text, at)
        if phrase is None or not (phrase.group(1).isdigit() or phrase.group(1).lower() in _OPENERS):
            break
        at = phrase.end()
    owner = _SHARES_OF.match(text, at)
    return owner.end() if owner else at


def opening(text: str, ignored: frozenset[str] = frozenset()) -> Opening:
    """What the sentence `text` opens with as its subject; `ignored` are words that are no name (built-in words)."""
    at = subject_start(text)
    found = pointer_pattern().match(text, at)
    if found is not None:
        return Opening(at, True, None, False)
    run = _CAPITALIZED_RUN.match(text, at)
    if run is None:
        return Opening(at, False, None, False)
    tokens = run.group(0).split()
    names = [t for t in tokens if t.lower().strip(".'’") not in _NO_NAME | ignored]
    if not names:  # `The trigger was`, `That was`, `Revenue rose`: a common noun or a built-in word
        return Opening(at, False, None, False)
    after = text[run.end():run.end() + 3]
    surely = (len(names) > 1 or any(len(t) > 1 and (t.isupper() or any(c.isupper() or c.isdigit() for c in t[1:]))
                                    for t in names)
              or after.startswith(("'s", "’s", " (")))
    return Opening(at, False, " ".join(names), surely)


def capitalized_mid_sentence(text: str, word: str) -> bool:
    """Whether `text` writes `word` capitalized after a lower-case word or a comma: a name, not a common word
    that opened a sentence (`International daily active users grew` is no one's)."""
    return re.search(rf"(?<=[a-z0-9,;:] ){re.escape(word)}(?![A-Za-z])", text) is not None


def name_before(text: str, end: int, ignored: frozenset[str] = frozenset()) -> bool:
    """Whether a capitalized word that may be a name stands in `text` before `end`, past its opening phrases
    (`Rival Pepsi said its …`, `Goldman said the company …`; not `On January 2, the company …`)."""
    at = subject_start(text)
    for run in _CAPITALIZED_RUN.finditer(text, at, end):
        if any(t.lower().strip(".'’") not in _NO_NAME | ignored for t in run.group(0).split()):
            return True
    return False

"""The text rules are matched against: one script, no invisible characters.

Rule words (cues, triggers, states, skip words, qualifier words) and article
text are both folded to Simplified (`fold`), so a rule with 纯利 matches a
Hong Kong paper's 純利 without writing every word twice. Folding is one
character for one, so offsets stay. Unicode format characters (zero-width
space and joiner, word joiner, BOM, bidi marks) are removed before anything
is read, so `9.9\u20606%` is 9.96% and 阿里\u200d巴巴 is 阿里巴巴; removing
them moves offsets, so the view keeps a map back to the raw text, which
stays the evidence.

`fold` is the one place the script folding is called: when the normalizers
move to OpenCC (factcheck/normalize/variants.py), only its body changes.
Format characters are the normalizers' (`normalize.text.strip_format`); the view also
reads past typesetting spaces (`从 20 人` as `从20人`: `normalize.text.strip_typesetting`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.normalize.text import raw_span, strip_typesetting
from factcheck.normalize.variants import to_simplified
from factcheck.records import Segment


def fold(text: str) -> str:
    """`text` in the one script rules and articles are matched in (same length)."""
    return to_simplified(text)


def matching_text(text: str) -> str:
    """`text` as rules see it (format characters removed, folded); offsets may move."""
    stripped = strip_typesetting(text)
    return fold(stripped[0] if stripped else text)


def matching_texts(texts: list[str]) -> list[str]:
    """`matching_text` of each text, computed in one call for all (an article's paragraphs):
    format characters and folding act on one character at a time, so a separator that no
    text holds (NUL) keeps them apart."""
    parts = matching_text("\x00".join(texts)).split("\x00")
    return parts if len(parts) == len(texts) else [matching_text(text) for text in texts]


def rule_word(word: str) -> str:
    """A rule's word as the text it is matched in reads: without typesetting spaces nor format
    characters (`骁龙 8 至尊版`, copied from a typeset article, is `骁龙8至尊版`, as the article's text is
    read), not folded. A word whose spaces stayed would never match: the text it is looked for in has none."""
    stripped = strip_typesetting(word)
    return stripped[0] if stripped else word


@lru_cache(maxsize=4096)
def fold_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Rule words in the matching script, read past typesetting spaces as the text is (`rule_word`)."""
    return tuple(fold(rule_word(w)) for w in words)


@dataclass(frozen=True)
class MatchingView:
    """A segment without format characters (`plain`), its folded form (`folded`,
    same offsets) and where each of its characters stood in the raw segment."""

    raw: Segment
    plain: Segment  # format characters removed, line starts moved with them
    folded: str
    offsets: tuple[int, ...] = ()  # plain offset → raw offset (len(plain.text) + 1 entries); () = identity

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Where [start, end) stands in the raw text (a trailing invisible character stays outside)."""
        return raw_span(list(self.offsets), start, end) if self.offsets else (start, end)


# a full-width comma grouping thousands (估值2，600亿美元) is a digit separator, not a clause break
_GROUPING_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?![\d年月日号號]))")


def _grouping_commas(text: str) -> str:
    """`2，600` read as `2,600` (one character for one: offsets stay)."""
    return _GROUPING_COMMA.sub(",", text) if "，" in text else text


def matching_view(segment: Segment) -> MatchingView:
    """The view of `segment` every rule reads; raw offsets kept for evidence."""
    stripped = strip_typesetting(segment.text)
    if stripped is None:
        text = _grouping_commas(segment.text)
        plain_segment = segment if text == segment.text else replace(segment, text=text)
        return MatchingView(segment, plain_segment, fold(text))
    plain_text, offsets = stripped
    plain_text = _grouping_commas(plain_text)
    # a raw line start maps to the first kept character at or after it
    line_starts = tuple(next((i for i, raw in enumerate(offsets) if raw >= start), len(plain_text))
                        for start in segment.line_starts)
    plain = replace(segment, text=plain_text, line_starts=line_starts)
    return MatchingView(segment, plain, fold(plain_text), tuple(offsets))


def matching_views(segments: Sequence[Segment]) -> list[MatchingView]:
    """`matching_view` of each of an article's segments: folded in one call when none holds
    a format character (the usual case), as `matching_texts` does. The same views either way: a
    sentence's view never depends on whether another sentence of its article has a typesetting space."""
    texts = [segment.text for segment in segments]
    joined = "\x00".join(texts)
    if strip_typesetting(joined) is None:
        grouped = _grouping_commas(joined)  # 2，600 read as 2,600 here too, as matching_view reads it
        plain, folded = grouped.split("\x00"), fold(grouped).split("\x00")
        if len(folded) == len(texts) == len(plain):
            return [MatchingView(segment, segment if text == segment.text else replace(segment, text=text), view)
                    for segment, text, view in zip(segments, plain, folded, strict=True)]
    return [matching_view(segment) for segment in segments]

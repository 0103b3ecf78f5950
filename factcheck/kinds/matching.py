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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.normalize.variants import to_simplified
from factcheck.records import Segment

# Cf characters news text carries: soft hyphen, zero-width space/joiners, bidi marks and
# embeddings, word joiner and invisible operators, bidi isolates, BOM
FORMAT_CHARACTERS = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def fold(text: str) -> str:
    """`text` in the one script rules and articles are matched in (same length)."""
    return to_simplified(text)


def matching_text(text: str) -> str:
    """`text` as rules see it (format characters removed, folded); offsets may move."""
    return fold(FORMAT_CHARACTERS.sub("", text))


@lru_cache(maxsize=4096)
def fold_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words)


@dataclass(frozen=True)
class MatchingView:
    """A segment without format characters (`plain`), its folded form (`folded`,
    same offsets) and where each of its characters stood in the raw segment."""

    raw: Segment
    plain: Segment  # format characters removed, line starts moved with them
    folded: str
    offsets: tuple[int, ...] = ()  # plain offset → raw offset (len(plain.text) + 1 entries); () = identity

    def raw_offset(self, offset: int) -> int:
        if not self.offsets:
            return offset
        return self.offsets[max(0, min(offset, len(self.offsets) - 1))]


def matching_view(segment: Segment) -> MatchingView:
    """The view of `segment` every rule reads; raw offsets kept for evidence."""
    text = segment.text
    if not FORMAT_CHARACTERS.search(text):
        return MatchingView(segment, segment, fold(text))
    offsets: list[int] = []
    kept: list[str] = []
    for index, char in enumerate(text):
        if not FORMAT_CHARACTERS.match(char):
            offsets.append(index)
            kept.append(char)
    offsets.append(len(text))
    plain_text = "".join(kept)
    # a raw line start maps to the first kept character at or after it
    line_starts = tuple(next((i for i, raw in enumerate(offsets) if raw >= start), len(plain_text))
                        for start in segment.line_starts)
    plain = replace(segment, text=plain_text, line_starts=line_starts)
    return MatchingView(segment, plain, fold(plain_text), tuple(offsets))

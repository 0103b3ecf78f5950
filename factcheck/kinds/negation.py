"""A word right after a negation or a contrast is what the sentence says is NOT the case.

`三家公司是债务重整而非破产重整`, `这不是破产重整`, `并非收购`, `rather than a merger`: the state
after 而非/不是/并非/rather than is the one the source rules out, so it is no claim of that state,
and a qualifier word after it (`非营业收入`, `未经调整`) does not qualify the value. This is a rule
of the language, not a word list of one story: the negators are the ones Chinese and English
put right before what they negate. Text is matched folded to Simplified (kinds/matching.py).
"""

from __future__ import annotations

import re

# the negator must end right before the word (spaces allowed): 而非破产重整, 并非是收购, not a merger.
# 不得不/不能不 (had to) are affirmations; 非 that ends a place's name (南非) or 除非 (unless) negates nothing
_NEGATOR = re.compile(
    r"(?:而非|并非|绝非|并不是|而不是|不是|不属于|没有|并无|(?<![南除])非|(?<!不[得能])不|未)"
    r"(?:是|为)?\s*$"
    r"|(?:\b(?:rather\s+than|instead\s+of|not|never|no\s+longer)\s+(?:an?\s+|the\s+)?)$",
    re.IGNORECASE)
_REACH = 24  # enough for `rather than a ` and a few spaces


def negated(text: str, start: int) -> bool:
    """Whether the word at `start` of `text` comes right after a negation or contrast."""
    return _NEGATOR.search(text, max(0, start - _REACH), start) is not None

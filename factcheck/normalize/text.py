"""Invisible characters out of the way of matching, with the way back to the raw text.

A format character inside a number or a name (U+2060 in `9.96%`, a zero-width
joiner inside 阿里巴巴, a byte-order mark, bidi marks) must not change what is
read: the finders read the text without them and report offsets in the raw
text, so evidence still quotes what the article says.

Rules read past typesetting spaces too: some outlets put a space between a
Chinese character and a digit or a Latin letter (`从 20 人增加到 40 人`,
`2025 年 2 月`, `OpenAI 的`), others write none; `strip_typesetting` takes them
out with the format characters, so both read alike.
"""

from __future__ import annotations

import re

# soft hyphen, zero-width space/non-joiner/joiner, LRM/RLM, word joiner and invisible
# operators, BOM, bidi embeddings/overrides/isolates
FORMAT_CHARS = "\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069"
_FORMAT_RE = re.compile(f"[{FORMAT_CHARS}]+")


def strip_format(text: str) -> tuple[str, list[int]] | None:
    """`text` without format characters, and for each of its offsets (and its end) the raw
    offset; None when the text holds none (the common case, at the cost of one search)."""
    return _strip(_FORMAT_RE, text)


# a space between a Chinese character and a digit, a Latin letter or a percent sign, either way round
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# (a regex's text, only ever part of _UNREAD_RE: compiling it alone cost every run 2-3 ms at start-up)
_TYPESETTING = (rf"(?<=[{_CJK}])[ \u00a0\u2009\u202f]+(?=[0-9A-Za-z０-９])"
                rf"|(?<=[0-9A-Za-z０-９%％])[ \u00a0\u2009\u202f]+(?=[{_CJK}])")
# led by the class of the first character every alternative takes: the search then tries the three
# alternatives (two behind a look-behind) only at such a character, not at every one (bulk's 50,984 lines:
# 0.34 -> 0.10 CPU s; the same matches, tests/fixtures/speed_equivalents.yaml `unread`)
_UNREAD_RE = re.compile(f"(?=[{FORMAT_CHARS} \u00a0\u2009\u202f])(?:[{FORMAT_CHARS}]+|{_TYPESETTING})")


def strip_typesetting(text: str) -> tuple[str, list[int]] | None:
    """`text` without format characters nor typesetting spaces (`从 20 人` reads as `从20人`),
    with the raw offset of each of its offsets (and its end); None when there are none."""
    return _strip(_UNREAD_RE, text)


def _strip(pattern: re.Pattern[str], text: str) -> tuple[str, list[int]] | None:
    """`text` without what `pattern` matches, with the raw offset of each of its offsets (and its
    end); None when it matches nothing (the common case, at the cost of one search)."""
    if pattern.search(text) is None:
        return None
    kept: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        kept.append(text[position:match.start()])
        offsets.extend(range(position, match.start()))
        position = match.end()
    kept.append(text[position:])
    offsets.extend(range(position, len(text)))
    offsets.append(len(text))
    return "".join(kept), offsets


def raw_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The raw offsets of a span found in the stripped text (an end maps past the last kept
    character it covers, so a trailing invisible character stays outside)."""
    return offsets[start], offsets[end - 1] + 1 if end > start else offsets[start]

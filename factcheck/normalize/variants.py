"""One script for matching: Traditional → Simplified, one character for one.

Hong Kong and Taiwan outlets write 蘋果, 純利, 阿里巴巴集團 where mainland ones
write 苹果, 纯利, 阿里巴巴集团. Every matcher (entity aliases, rule words, the
number and date readers) folds both sides through `fold`, so one spelling in a
rule matches either script, and the original text stays the evidence.

The table is OpenCC's (Traditional and Hong Kong variant characters, `hk2s`),
taken character by character: OpenCC's phrase conversion may change a text's
length (it did in 0 of the bulk corpus's articles, but may), and the finders
need offsets that stay those of the original. Measured against the hand-made
table kept before in benchmarks/normalize_variants.py. The table is built on
first use (about 0.15 s once per process), never at import time.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from factcheck.normalize.words import ZH

__all__ = ["fold", "spellings", "to_simplified"]

# full-width Latin letters and digits fold to ASCII too (ＡＡＰＬ, ０９９８８); punctuation stays
_ALNUM = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
# the blocks OpenCC's character tables draw from (CJK, Extension A, compatibility ideographs)
_CJK_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@cache
def _table() -> tuple[dict[int, str], re.Pattern[str]]:
    import opencc  # deferred: loading its dictionaries takes a tenth of a second

    converter = opencc.OpenCC("hk2s")
    chars = [chr(code) for low, high in _CJK_BLOCKS for code in range(low, high)]
    converted = converter.convert("".join(chars))
    if len(converted) != len(chars):  # two neighbours read as a phrase: ask one by one
        converted = "".join(part if len(part) == 1 else char
                            for char, part in zip(chars, converter.convert("\n".join(chars)).split("\n"), strict=True))
    table = {ord(c): s for c, s in zip(chars, converted, strict=True) if s != c}
    table.update({ord(c): s for c, s in ZH.fold_extra.items()})
    table.update({code: chr(code - 0xFEE0) for code in _ALNUM})
    for code, folded in table.items():  # OpenCC folds a few in two steps (薴 → 苧 → 苎): fold once to the end
        while len(folded) == 1 and ord(folded) in table and table[ord(folded)] != folded:
            folded = table[ord(folded)]
        table[code] = folded
    needs = re.compile("[" + re.escape("".join(chr(code) for code in sorted(table))) + "]")
    return table, needs


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """`text` in one script for matching: Traditional characters (and full-width letters
    and digits) folded to Simplified, one for one, so offsets stay those of `text`.

    Remembered for the last texts: a sentence is folded by each reader that looks at it
    (its matching view, quantities, bare amounts, dates, entity mentions), ≈3% of a run."""
    _, needs = _table()
    return text.translate(_lookup()) if needs.search(text) else text


@cache
def _lookup() -> str | dict[int, str]:
    """The table as one string, its character at each code point the folded one (a code point
    past its end stays as it is): `str.translate` indexes it ≈1.8× faster than it looks a code
    up in a dict (bulk's 998 texts to fold: 0.17 → 0.10 CPU s), in 130 KB. The dict itself if a
    character ever folded to more or less than one."""
    table, _ = _table()
    if any(len(folded) != 1 for folded in table.values()):
        return table
    return "".join(table.get(code, chr(code)) for code in range(max(table) + 1))


to_simplified = fold  # the name the matchers have always called


@cache
def spellings() -> dict[str, str]:
    """For each character that fold writes, every character that folds to it (itself too
    when fold keeps it): a folded word's spellings in unfolded text (factcheck/scan.py)."""
    table, _ = _table()
    found: dict[str, str] = {}
    for code, folded in sorted(table.items()):
        found.setdefault(folded, folded if ord(folded) not in table else "")
        found[folded] += chr(code)
    return found


def __getattr__(name: str) -> Any:
    """TRADITIONAL / SIMPLIFIED: the hand-made pairs of name and news characters (zh.yaml),
    which discover uses to spell a name in Traditional."""
    if name == "TRADITIONAL":
        return ZH.names_traditional
    if name == "SIMPLIFIED":
        return ZH.names_simplified
    raise AttributeError(name)

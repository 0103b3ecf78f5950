"""The number of a count of things, as Chinese and English news write it before what is counted.

三家, 5家银行, 两个, 十二名, 1,200名, 3.5万人, 三千人, 1千2百家; and the length of a run of
moves (2连升, 三周连涨). The set kind (a count before a list), the status kind (a run that
ended), the count kind's amounts (kinds/amounts.py) and discover (a count as a value) read these
pieces, each with its own measure words around it, so 两/兩, digits with thousands and decimals,
and numerals with their places (百, 千) are a count's number alike for all; the normalizer
(`numbers.parse_number`, `quantities.parse_quantity`) gives its value.

English writes a count in digits or in words before a plural noun (`5 companies`, `nine
countries`, `two of the firms`): `ENGLISH_COUNT` and `count_value` read both, and the count kind's
English multiples (`six-fold`) take their number words from the same table.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.patterns import compiled_on_use

# digits with thousands and decimals (36,512, 3.5), and the numeral characters of a count (两 and 兩, places)
DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
NUMERALS = "一二两兩三四五六七八九十百千"

# runs of digits and of numerals, mixed (三千, 1千2百); each run taken whole. Every part is possessive, so a
# run of numerals with no measure word after it is read one way only (no exponential backtracking); one
# group, so a pattern may make it optional (a run's length: 终止2连升, 终止连升)
COUNT_NUMBER = rf"(?:(?:\d++(?:,\d{{3}})*+(?:\.\d+)?+|[{NUMERALS}]++)++)"

# 个 before a unit of time or of percentage points is that unit's measure word (近两个多小时的直播, 连续14个月,
# 增加0.8个百分点, 降息25个基点, 前三个季度): the number says how long or how much, never how many things there are
CLASSIFIED_UNIT = compiled_on_use(r"[多半]?(?:小时|小時|钟头|鐘頭|月|星期|礼拜|禮拜|季度|交易日|工作日|营业日|營業日|"
                                  r"百分点|百分點|基点|基點)")
GE = ("个", "個")

# English numbers in words, as a count or a multiple (nine countries, six-fold)
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000}
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# an English count: a whole number in digits or words, then what is counted, a plural noun, with up to two
# words before it (five Chinese companies) or `of the`/`of its` (two of the firms); not a year, a decimal or a
# figure with a currency or a scale before or after it ($5 billion, 5 million users)
ENGLISH_COUNT = re.compile(
    rf"(?<![\w$.,])(?P<number>\d{{1,3}}(?:,\d{{3}})*(?![\d.,]\d)|(?i:{_WORDS}))"
    r"\s+(?:of\s+(?:the|its|their|these|those)\s+)?(?:(?!(?i:million|billion|thousand|trillion|percent)\b)"
    r"[A-Za-z][\w-]*\s+){0,2}?(?P<counted>[A-Za-z][\w-]*[a-z]s)(?![\w])")


# a bound before an English count (more than five countries, at least two of the firms): the list may go on
_BOUND_BEFORE = compiled_on_use(r"(?<![A-Za-z])(?i:more\s+than|over|at\s+least|about|around|nearly|almost|some|up\s+to|"
                                r"roughly|approximately|at\s+most|fewer\s+than|less\s+than|several|dozens\s+of)\s+$")


# units of time: `two years`, `five quarters` say how long, never how many things a list holds
_TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "quarters", "years", "decades",
                         "centuries", "sessions"})


def english_counts(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, number as written) of each English count in text[start:end] that no bound word opens
    and that counts things, not units of time (`Over the past two years, … Nvidia and Broadcom`)."""
    return [(m.start(), m.group("number")) for m in ENGLISH_COUNT.finditer(text, start, end)
            if not _BOUND_BEFORE.search(text, max(0, m.start() - 16), m.start())
            and m.group("counted").lower() not in _TIME_UNITS]


def count_value(text: str) -> Decimal | None:
    """The number of a count as written: digits (1,200), an English word (nine), Chinese numerals (十二)."""
    text = text.strip()
    if text.lower() in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[text.lower()])
    from factcheck.normalize.numbers import parse_number

    number = parse_number(text)
    return None if number is None else number.value

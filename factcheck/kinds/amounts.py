"""Reading a number as written before a word the rule names (辆, 人, 点, 倍, 个月).

Counts, index points, multiples and durations share this: an optional
qualifier (逾, 近, 不足, 约), a number in Arabic or Chinese numerals with
its scale (120万, 36,512, 数百, 千), an optional 多/余, then one of the
rule's unit words. The number is read by the shared normalizer
(`normalize.numbers.parse_interval`), so 逾千 is [1000, ∞) and 数百 is
[100, 1000].
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from factcheck.kinds.matching import fold_words
from factcheck.kinds.qualifiers import EN_LEVEL_WORDS, EN_SCALE, LIST_JOINER, from_to_start, leaves_prior
from factcheck.normalize.counts import CLASSIFIED_UNIT, DIGITS, GE, NUMBER_WORDS, NUMERALS
from factcheck.normalize.numbers import (
    APPROX_AFTER,
    APPROX_BEFORE,
    IN_ALL_WORDS,
    NumberInterval,
    extreme_reached,
    group_thousands,
    parse_interval,
)
from factcheck.normalize.quantities import COMPARED_FIGURE, SIGN
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use

# a count's numerals (normalize/counts.py), with what an amount also reads in them: zeros (一万零五百),
# its scale (万, 亿) and vague places (数百, 几千)
_CN = f"〇零{NUMERALS}万亿几数"
_QUALIFIERS = sorted((w for w in APPROX_BEFORE if not w.isascii()), key=len, reverse=True)
_AFTER = sorted((w for w in APPROX_AFTER if len(w) == 2), key=len, reverse=True)
_PART = rf"(?:{DIGITS}|[{_CN}]+)"
# 2亿1千万, 1万2千, 3億5千萬: Arabic and Chinese parts joined by their units are one number;
# a space may stand before a scale word, as typeset text puts one after digits (超过 5000 万篇)
_ONE = rf"{_PART}(?:[ \u00a0]?[十百千万亿]+{_PART})*(?:\s*[多余])?(?:[ \u00a0]?[十百千万亿]+)?(?:[多余])?"
# English bounds and scale words (more than 100 million, about 1.2 billion, 50k): as the quantities read them
_EN_QUALIFIERS = sorted((w for w in APPROX_BEFORE if w and w.isascii()), key=len, reverse=True)
_EN_SCALE = r"(?:\s?(?i:thousand|million|billion|trillion|mln|mn|bn|k)(?![A-Za-z]))"
EN_QUALIFIER = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in _EN_QUALIFIERS)
QUALIFIER = rf"(?:{'|'.join(map(re.escape, _QUALIFIERS))}|(?<![A-Za-z])(?i:{EN_QUALIFIER})\s)"
# a word of "in all" between the qualifier and its number keeps the qualifier: 最多合共1119.02万股 is ≤
_IN_ALL = rf"(?:{'|'.join(IN_ALL_WORDS)})"
# a sign right before the digits is the number's, as the quantity reader reads it (利差報-0.4697%)
_RANGE_SEP = r"(?:至|到|~|～|-|－|—|–)"


def ranged_number(unit: str = "(?!)") -> str:
    """A count's number: a qualifier, a sign, the number, and a range (1800至2000). A range may write
    `unit` (a regex for the unit words) after each bound, `3倍-5倍`, `3万人至5万人`, `3个月至6个月`: the
    first one is caught as `first_unit`, and the unit after the number must then be the same word
    (`repeated_unit`); `number_written` reads the number without it."""
    first = rf"(?:\s*(?P<first_unit>{unit}))?" if unit != "(?!)" else ""
    return (rf"(?:{QUALIFIER}{_IN_ALL}?)?\s*(?:{SIGN}(?=\d))?{_ONE}{_EN_SCALE}?"
            rf"(?:{first}\s*{_RANGE_SEP}\s*{_ONE}{_EN_SCALE}?)?")


# after a range with its unit word after the first bound: the same word again (3倍-5倍, not 3倍-5家)
REPEATED_UNIT = r"(?(first_unit)(?=\s*(?P=first_unit)))"
NUMBER = ranged_number()
# 至 or 到 after a verb of change or a from-word is where the change ends, no range: 净增324家至4250家,
# 从57家到427家 are two counts (the change and the level, the level left and the level reached)
_CHANGE_BEFORE = compiled_on_use(rf"(?:{ZH.change_verb(english=False)}了?|(?:从|從|由)[^，,。；;：:、\d]{{0,10}}?)"
                                 rf"\s*(?:{QUALIFIER})?\s*$")


def changes_to(match: re.Match[str]) -> bool:
    """Whether a range of `ranged_number` with its unit word after each bound is a change and where it
    ends (增324家至4250家, 从57家到427家) rather than a range (3倍至4倍, 3倍-5倍: a dash is always a range's).
    A multiple is never a level a change reaches: 提升3倍至5倍 is a range."""
    if match.group("first_unit") is None or match.group("first_unit") == MULTIPLE:
        return False
    joint = match.string[match.end("first_unit"):match.end("number")].lstrip()
    return joint[:1] in "至到" and _CHANGE_BEFORE.search(
        match.string, max(0, match.start() - 16), match.start()) is not None


def number_written(match: re.Match[str]) -> str:
    """The `number` group of a match of `ranged_number`, the unit word after its first bound left out
    (3倍-5倍 is the range 3-5)."""
    written = match.group("number")
    if match.re.groupindex.get("first_unit") is None or match.group("first_unit") is None:
        return written
    base = match.start("number")
    return written[:match.start("first_unit") - base] + written[match.end("first_unit") - base:]
_QUALIFIER_IN_ALL = compiled_on_use(rf"^({QUALIFIER}){_IN_ALL}")


# every word that makes a number approximate or bounds it (约, 近, 逾, 突破, 不超过, 最多 …)
_BOUNDING = tuple(sorted({*_QUALIFIERS, *ZH.lower_bound_words, *ZH.upper_bound_words}, key=len, reverse=True))


def value_start(text: str, cue_start: int, cue_end: int) -> int:
    """Where the value after a cue begins: at the qualifier the cue ends in, if any.

    A cue written with its qualifier (影响约, 合计约, 涨超 before 超过; `at least`, `more than`) must not
    swallow it: 影响约8000人 is about 8000, not exactly 8000. The earliest
    qualifier word that starts inside the cue and reaches its end, alone or with a word of "in
    all" after it (cue 配售最多合共 before 1119.02万股: ≤), is the value's."""
    for start in range(cue_start, cue_end):
        longest = _bounding().match(text, start)  # longest first: if it does not reach the end, none does
        if longest and longest.end() >= cue_end:
            return start
    return cue_end


@cache
def _bounding() -> re.Pattern[str]:
    """Any of _BOUNDING, the longest word that matches at a place first, with a word of "in all"
    after it if one follows (最多合共)."""
    english = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _EN_QUALIFIERS)  # `at least`, `more than`
    return re.compile(f"(?:{'|'.join(map(re.escape, _BOUNDING))}){_IN_ALL}?|(?<![A-Za-z])(?i:{english})(?![A-Za-z])")


# what may stand between an English change and `to` (`declined 3% year-on-year to`, `rose 28% in Q4 to`): a few
# words, no figure, none opening another statement (`up 16% year-on-year but accelerated to 19%`: another rate);
# and after `to`, the words before a record level (`to a record $15`, `to a new high of`)
_EN_CHANGE_GAP = (r"(?:\s+(?!(?:and|but|while|then|before|after|as|which|when|though|although)"
                  r"(?![A-Za-z]))[A-Za-z][A-Za-z0-9-]*){0,4}?")
_EN_TO_LEVEL = rf"\s*,?\s+to\s+{EN_LEVEL_WORDS}$"


@cache
def _change_to() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A change right before the level it reaches, in either language of the one table of verbs of change:
    `同比增长6.1%至`, and `jumped 34.4% to`, `declined 3% year-on-year to` (before `over $120 million`), `rose $2
    billion from a year earlier to`."""
    chinese = rf"{ZH.change_verb(english=False)}\s*{QUALIFIER}?\s*\d[\d.,]*\s*(?:%|％|个百分点|倍)\s*(?:至|到)\s*$"
    english = (rf"{ZH.change_verb(chinese=False)}(?:\s+by)?\s+{QUALIFIER}?\s*(?:[A-Z]{{1,3}})?[$€£¥]?\s?\d[\d.,]*\s*"
               r"(?:(?P<percent>%|percent(?![A-Za-z]))|percentage\s+points?|basis\s+points?|bps?(?![A-Za-z])"
               rf"|{EN_SCALE}(?![A-Za-z]))?{_EN_CHANGE_GAP}{_EN_TO_LEVEL}")
    return re.compile(chinese), re.compile(english)


_EN_TO_BEFORE = re.compile(_EN_TO_LEVEL)
_PERCENT_AT = re.compile(r"[^\d]{0,12}?\d[\d.,]*\s*(?:%|percent(?![A-Za-z]))")


def change_lead(text: str, value_start: int) -> int:
    """Where a change that reaches the value begins (`增长6.1%至` before `0.52美元`), else the value's start.

    The level a change reaches is the line item's own figure: in `每股收益将同比增长6.1%至0.52美元`
    the cue's window is measured to the change, not across it."""
    reached = from_to_start(text, value_start)  # 从105万桶/日上调至110万桶/日
    if reached is not None:
        return reached
    chinese, english = _change_to()
    found = chinese.search(text, max(0, value_start - 30), value_start)
    if found is None and _EN_TO_BEFORE.search(text, max(0, value_start - 40), value_start):
        found = english.search(text, max(0, value_start - 80), value_start)
        if found is not None and found.group("percent") and _PERCENT_AT.match(text, value_start):
            found = None  # `to rise 2% to 3%`: a range of rates as often as a change and the rate it reaches
    return found.start() if found else value_start


def reached_from(text: str, start: int, end: int, after: Amount | None) -> bool:
    """Whether the number at text[start:end] is the figure a change starts from: `after`, the next
    number, is what it reaches (从105万桶/日上调至110万桶/日)."""
    if after is None:
        return False
    begin = from_to_start(text, after.start)
    return (begin is not None and begin < start and leaves_prior(text, begin, start)
            and not re.search(r"[，,。；;：:]", text[end:after.start]))


def figure_left(text: str, units: tuple[str, ...], reached: Amount, bare: bool = False) -> Amount | None:
    """The figure a change starts from when `reached` is the figure it reaches: 105万桶/日 in
    从105万桶/日上调至110万桶/日 (None when the change names a time of its own: 从2022年的…)."""
    begin = from_to_start(text, reached.start)
    if begin is None:
        return None
    left = next(amounts(text, units, begin, reached.start, bare), None)
    return left if left is not None and reached_from(text, left.start, left.end, reached) else None


@dataclass(frozen=True)
class Amount:
    """A number read before a unit word: where it stands and what it is."""

    start: int
    end: int  # after the unit word (and 以上/左右 after it)
    number: NumberInterval
    word: str  # the unit word as matched
    text: str


# the units of a position on a scale cut into equal parts (a quantile: 百分位 a percentile, 十分位, 四分位, 分位):
# 第23百分位, 第23个百分位 is a value on that scale, so the 第 before it makes no rank, and 个 may stand between
# the number and the unit (a quantile unit may also be written 个百分位)
QUANTILE_UNITS = ("百分位", "十分位", "四分位", "分位")


def _is_quantile(word: str) -> bool:
    return word.removeprefix("个").endswith(QUANTILE_UNITS)


@cache
def amount_pattern(units: tuple[str, ...], bare: bool, ranged: bool = True) -> re.Pattern[str]:
    """A number and one of `units`; `ranged`: a range may write the unit after each bound (3倍-5倍)."""
    folded = fold_words(units)
    words = sorted({*folded, *(f"个{w}" for w in folded if _is_quantile(w))}, key=len, reverse=True)
    unit = "|".join(map(re.escape, words)) if words else "(?!)"
    tail = "|".join(map(re.escape, _AFTER))
    optional = "?" if bare else ""
    number = ranged_number(unit) if ranged else NUMBER
    return re.compile(rf"(?P<number>{number}){REPEATED_UNIT if ranged else ''}\s*(?P<unit>{unit}){optional}"
                      rf"(?P<after>{tail})?")


def _unit_matches(text: str, units: tuple[str, ...], begin: int, end: int, bare: bool) -> Iterator[re.Match[str]]:
    """The matches of `amount_pattern` in text[begin:end], a change's 至 read as no range (`changes_to`)."""
    at = begin
    while (match := amount_pattern(units, bare).search(text, at, end)) is not None:
        if changes_to(match):
            match = amount_pattern(units, bare, ranged=False).match(text, match.start(), end) or match
        yield match
        at = max(match.end(), at + 1)


def amounts(text: str, units: tuple[str, ...], begin: int, end: int, bare: bool = False,
            rank: bool = False) -> Iterator[Amount]:
    """Numbers with one of `units` after them in text[begin:end], first first.

    With `bare`, a number with no unit word counts too (票房100亿), unless a
    unit of another kind follows it (100亿美元, 30%, 3月). A rule counting 倍 reads English
    multiples too (six-fold, 17-fold, doubled), in its first unit word. A list of numbers whose
    last alone writes the unit (`分别创造了268万、248万台销量`) gives it to each (`_sharing_the_unit`).
    A number right after 第 is a rank, no count (第三家上市公司); with `rank`, only such numbers are read
    (第十次中英戰略對話: 10 次, the edition a count rule with `rank: true` compares)."""
    found = list(_by_unit(text, units, begin, end, bare, rank))
    yield from sorted([*found, *_sharing_the_unit(text, found, begin)], key=lambda amount: amount.start)


# a number right before 、/和/与/及 and a number with a unit word: the list writes the unit once, at its end
_LISTED_BEFORE = compiled_on_use(rf"(?<![\d.,{_CN}])(?P<number>{NUMBER})\s*{LIST_JOINER}\s*$")
_LIST_REACH = 24  # characters looked back for a listed number: 2亿1千万、 is ten


def _sharing_the_unit(text: str, found: list[Amount], begin: int) -> list[Amount]:
    """The numbers of a list before an amount with a unit word, none of their own (`268万、248万台`: 268万台)."""
    listed: list[Amount] = []
    for amount in found:
        at = amount.start
        while amount.word and (match := _LISTED_BEFORE.search(text, max(begin, at - _LIST_REACH), at)) is not None:
            start = match.start("number")
            if any(other.start <= start < other.end for other in (*found, *listed)):
                break
            number = parse_interval(match.group("number").replace(" ", ""))
            nxt = listed[-1].number if listed and listed[-1].start == at else amount.number
            if number is None or _guess(number, nxt):
                break
            listed.append(Amount(start, match.end("number"), number, amount.word, text[start:match.end("number")]))
            at = start
    return listed


def _guess(first: NumberInterval, second: NumberInterval) -> bool:
    """`2、3家`, `三、四个月`: two digits in a row are "two or three", a guess, not a list of two figures."""
    return second.value - first.value == 1 and first.value < 10 and first.value == first.value.to_integral_value()


def _by_unit(text: str, units: tuple[str, ...], begin: int, end: int, bare: bool, rank: bool) -> Iterator[Amount]:
    """`amounts` before a list shares its unit: each number with its own unit word (or none, `bare`)."""
    if rank:  # 第十次, 第61届: Chinese ranks only
        yield from _amounts(text, units, begin, end, bare, rank)
    elif MULTIPLE in units:
        yield from sorted([*_amounts(text, units, begin, end, bare, rank), *_english_multiples(text, units, begin, end)],
                          key=lambda amount: amount.start)
    elif any(unit.isascii() and unit[:1].isalpha() for unit in units):
        found = list(_amounts(text, units, begin, end, bare, rank))
        for count in [*_english_counts(text, units, begin, end), *_english_streaks(text, units, begin, end)]:
            if not any(count.start < other.end and other.start < count.end for other in found):
                found.append(count)
        yield from sorted(found, key=lambda amount: amount.start)
    else:
        yield from _amounts(text, units, begin, end, bare, rank)


@cache
def _english_count_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    """A count before an English unit word of the rule, as English writes one: in digits or words, with up to
    two words between (`five consecutive trading days`, `extended its losing streak to five sessions`); a bound
    before it (`more than`) is kept. Not a number joined to the unit by a hyphen: `a 52-week high`, `the 200-day
    average`, `a 5-year bond` name a class of thing, as 千亿级 does, more often than they count."""
    words = "|".join(map(re.escape, sorted((u for u in units if u.isascii()), key=len, reverse=True)))
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?![\d.,]\d)|(?i:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}))"
    return re.compile(
        rf"(?:(?P<bound>(?i:{EN_QUALIFIER}))\s)?(?<![\w$.,-])(?P<n>{number})(?:\s+(?i:to|or)\s+(?P<to>{number}))?"
        rf"\s+(?:(?!{_NOT_BETWEEN})[A-Za-z][\w-]*\s+){{0,2}}?(?P<unit>(?i:{words}))(?![\w-])")


# words that end a count's noun phrase, so a unit word after them is another phrase's: a preposition or a
# conjunction (`30 Bps on Year`), or a plural noun, what the number counts (`143,000 jobs last month`; not
# `business` of `three business days`)
_NOT_BETWEEN = r"(?i:on|in|at|per|a|an|and|or|to|from|by|for|than|as|of|with)\b|[A-Za-z][\w-]*[^\Ws]s\b"


def _english_counts(text: str, units: tuple[str, ...], begin: int, end: int) -> Iterator[Amount]:
    """`five consecutive trading days`, `six straight sessions`: counts of a unit the rule names."""
    for match in _english_count_pattern(units).finditer(text, begin, end):
        low, high = (NUMBER_WORDS.get(written.lower(), written) for written in (match.group("n"), match.group("to") or ""))
        written = f"{low}至{high}" if high else f"{match.group('bound') or ''}{low}"  # two to three years: 2 to 3
        number = parse_interval(written.replace(",", ""))
        if number is not None:
            yield Amount(match.start(), match.end(), number, match.group("unit"), text[match.start():match.end()])


MULTIPLE = "倍"
_NUMBER_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n > 1}  # a one-fold rise is no multiple
_VERB_MULTIPLES = {"doubled": 2, "doubling": 2, "doubles": 2, "tripled": 3, "tripling": 3, "triples": 3,
                   "quadrupled": 4, "quadrupling": 4, "quadruples": 4}
_ENGLISH_MULTIPLE = compiled_on_use(
    rf"(?:(?P<bound>(?i:{EN_QUALIFIER}))\s)?"
    rf"(?:(?P<n>\d+(?:\.\d+)?|(?i:{'|'.join(_NUMBER_WORDS)}))-?\s?(?i:fold)|(?P<verb>(?i:{'|'.join(_VERB_MULTIPLES)})))"
    r"(?![A-Za-z])")


def _english_multiples(text: str, units: tuple[str, ...], begin: int, end: int) -> Iterator[Amount]:
    """six-fold, sixfold, 17-fold, tripled, doubled: a multiple, as 6倍, 17倍, 3倍, 2倍 are."""
    for match in _ENGLISH_MULTIPLE.finditer(text, begin, end):
        if (start := match.start()) > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue
        written = match.group("n") or ""
        times = _VERB_MULTIPLES[match.group("verb").lower()] if match.group("verb") else \
            _NUMBER_WORDS.get(written.lower()) or written
        bound = match.group("bound") or ""
        number = parse_interval(f"{bound}{times}")
        if number is not None:
            yield Amount(match.start(), match.end(), number, units[0], text[match.start():match.end()])


def _amounts(text: str, units: tuple[str, ...], begin: int, end: int, bare: bool, rank: bool) -> Iterator[Amount]:
    written = text
    text = group_thousands(text)  # 46，500名: the same length, so offsets stay
    for match in _unit_matches(text, units, begin, end, bare):
        word = match.group("unit") or ""
        if not word and not _bare_ok(text, match):
            continue
        if word in GE and CLASSIFIED_UNIT.match(text, match.end("unit")):
            continue  # 近两个多小时, 0.8个百分点: a length or points, not a count of 个
        number_text = _QUALIFIER_IN_ALL.sub(r"\1", number_written(match).replace(" ", ""))
        dash = number_text[:1] in _SIGNS and text[max(0, match.start() - 4):match.start()].endswith(tuple(units))
        if dash:
            number_text = number_text[1:]  # 100人-200人: the dash after a unit word joins a range, it is no sign
        word_before = next((w for w in _QUALIFIERS if number_text.startswith(w)), "")
        if word_before and extreme_reached(word_before, text[max(0, match.start() - 4):match.start()]):
            number_text = number_text[len(word_before):]  # 指数一度最高3500点: the high reached, as written
        elif word_before in ZH.compared_bounds and COMPARED_FIGURE.match(text, match.end()):
            number_text = number_text[len(word_before):]  # 低于5300万吨的预估: the forecast's figure, exactly
        if _is_quantile(word) and number_text[-1:] in "百十四" and _is_quantile(number_text[-1] + word.removeprefix("个")):
            number_text, word = number_text[:-1], number_text[-1] + word  # 23百分位 with 分位 a unit too: 23, 百分位
        after = match.group("after") or ""
        number = parse_interval(number_text + after)
        if number is None:
            continue
        start = match.start("number") + len(match.group("number")) - len(match.group("number").lstrip()) + dash
        if (ranked(text, start) and not _is_quantile(word)) != rank:
            continue  # 第三家上市公司, 第 64 名: a rank, no count (as discover reads it); 第23百分位 is a value
        # a space before the figure (从 20 人) is the text's, not the figure's: it starts at its first character
        yield Amount(start, match.end(), number, word, written[start:match.end()])


# a streak: the ordinal after 连续第 is how many in a row (连续第28个月增长: 28 months in a row, 连续第三次降息:
# three cuts in a row), a length a count rule reads as it reads 连续28个月; English writes it `a 28th consecutive
# month`, `the sixth straight session`, `the third year in a row` (`_english_streaks`)
_STREAK = compiled_on_use(r"(?:连续|連續|連续)\s*第\s*$")


def ranked(text: str, start: int) -> bool:
    """Whether the number at `start` is a rank: 第 before it (第三家上市公司, 第 64 名, 第三个月, 第60天), unless
    连续第 makes it the length of a streak (连续第28个月增长: 28 months in a row). Counts and durations read it alike."""
    return (text[max(0, start - 4):start].rstrip().endswith("第")
            and not _STREAK.search(text, max(0, start - 8), start))
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_EN_ORDINAL = rf"(?P<n>\d{{1,3}})(?i:st|nd|rd|th)|(?P<word>(?i:{'|'.join(_EN_ORDINALS)}))"


@cache
def _english_streak_pattern(units: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted((u for u in units if u.isascii()), key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{_EN_ORDINAL})\s+(?:(?i:consecutive|straight|successive)\s+"
                      rf"(?:[A-Za-z][\w-]*\s+)??(?P<unit>(?i:{words}))(?![\w-])"
                      rf"|(?:[A-Za-z][\w-]*\s+)??(?P<unit_row>(?i:{words}))\s+(?i:in\s+a\s+row|running)(?![\w-]))")


def _english_streaks(text: str, units: tuple[str, ...], begin: int, end: int) -> Iterator[Amount]:
    """`a 28th consecutive month`, `the third year in a row`: the streak's length, counted in the unit."""
    for match in _english_streak_pattern(units).finditer(text, begin, end):
        n = match.group("n") or str(_EN_ORDINALS[match.group("word").lower()])
        number = parse_interval(n)
        if number is not None:
            yield Amount(match.start(), match.end(), number, match.group("unit") or match.group("unit_row"),
                         text[match.start():match.end()])


_SIGNS = frozenset("-−+")
_OTHER_UNIT = compiled_on_use(r"\s*(?:[%％‰.,\d年月日号时分秒个成倍点]|[美港日欧英加澳新台韩]?元|美?[分仙]|块|股|百分)")


def _bare_ok(text: str, match: re.Match[str]) -> bool:
    """A bare number is one when written in digits and nothing after it makes
    it a price, a share or a date (Chinese numerals alone are too often words: 万科)."""
    return bool(re.search(r"\d", match.group("number"))) and not _OTHER_UNIT.match(text, match.end())


def scaled(number: NumberInterval, factor: Decimal) -> NumberInterval:
    """The interval in another unit (months in days …)."""
    def times(x: Decimal | None) -> Decimal | None:
        return None if x is None else x * factor
    return NumberInterval(number.value * factor, times(number.low), times(number.high), number.approx,
                          number.step * factor, number.is_range)


def tolerance_fields(raw: object) -> dict[str, Decimal]:
    """`tolerance:` as number rules read it: 0.01 in the value's unit, 0.5% relative to the value."""
    text = str(raw)
    if text.endswith("%"):
        return {"tolerance": Decimal(0), "relative_tolerance": Decimal(text[:-1]) / 100}
    return {"tolerance": Decimal(text), "relative_tolerance": Decimal(0)}


def widened(tolerance: Decimal, relative: Decimal, a: object, b: object) -> Decimal:
    """The absolute slack for comparing a and b: the larger of the two tolerances."""
    values = [abs(v) for v in (getattr(a, "value", None), getattr(b, "value", None)) if isinstance(v, Decimal)]
    return max(tolerance, relative * max(values, default=Decimal(0)))

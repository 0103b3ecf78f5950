"""Percentages, money and plain quantities found in a sentence.

A quantity is a number with its unit (%, 个百分点, a currency) and the words
around it that make it approximate (近5% is just under 5, 超2% is above 2,
约/左右 is around, 50多亿 is 50–60亿, 3%-5% is 3 to 5). The result is an
interval, so comparison never has to guess whether "近5%" and "4.8%" say the
same thing.

Units: % (also 百分之/千分之/万分之 and 成 = tenths: 三成 = 30%), pp for
个百分点 (and 基点 = 0.01 pp), and ISO currencies from a word after the
number (亿美元, 港元), a word before it (人民币155.1亿元, 港币两千九百六十元)
or a symbol (US$1.5 billion, HK$23, ¥65萬元). A per-unit suffix (/股, /吨,
/Wh) is kept in `scale_text`.

Public API: find_quantities(sentence) (every quantity with a unit, with its
offsets; a vague amount such as 数十亿 as its span), parse_quantity(text) (exactly
one quantity; a bare number is a plain quantity, unit ""), find_changes /
parse_change (a percentage change signed by its verb: 跌4.5% and `fell 4.5%` are -4.5%, with
同比/环比 kept as its basis), negate. Whether two quantities agree is
Quantity.agrees (factcheck/values.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from factcheck.normalize.numbers import (
    ABOUT_SPAN,
    APPROX_AFTER,
    APPROX_BEFORE,
    FINANCIAL,
    IN_ALL_WORDS,
    NEAR_SPAN,
    NumberInterval,
    core_interval,
    english_scale,
    extreme_reached,
    group_thousands,
    interval,
    parse_interval,
    parse_number,
    prepare,
    qualify,
)
from factcheck.normalize.text import raw_span, strip_format
from factcheck.normalize.variants import fold
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.values import Quantity

__all__ = ["ABOUT_SPAN", "APPROX_AFTER", "APPROX_BEFORE", "CURRENCIES", "NEAR_SPAN",
           "QuantitySpan", "find_bare_amounts", "find_quantities", "interval", "negate", "parse_quantity"]

CURRENCIES: dict[str, str] = ZH.currencies
# the letters of each dollar the currency table names by them (US, A, AU, HK, SG …), longest first, as
# one alternation: what stands before a `$` that makes it that dollar
DOLLAR_LETTERS = "|".join(re.escape(w[:-1]) for w in sorted(CURRENCIES, key=len, reverse=True)
                          if w.endswith("$") and len(w) > 1)
# currency words for a hundredth of the currency: 1049.25美分 is 10.4925 USD, 30仙 0.30 HKD
_CENTS = ZH.sub_units
# currency words that may stand before the number (人民币155.1亿元, USD 10 million)
_CURRENCY_BEFORE = (*ZH.currency_before,
                    *(code for code in CURRENCIES if code.isascii() and code.isalpha() and code.isupper()))
_SYMBOLS = ZH.currency_symbols
# unit words → (unit, factor): 三成 is 30%, 50基点 is 0.5 个百分点
_UNIT_WORDS: dict[str, tuple[str, Decimal]] = {
    "%": ("%", Decimal(1)), "percent": ("%", Decimal(1)), "per cent": ("%", Decimal(1)),
    "个百分点": ("pp", Decimal(1)), "百分点": ("pp", Decimal(1)), "percentage points": ("pp", Decimal(1)),
    "percentage point": ("pp", Decimal(1)), "ppts": ("pp", Decimal(1)), "ppt": ("pp", Decimal(1)),
    "basis point": ("pp", Decimal("0.01")),
    "个基点": ("pp", Decimal("0.01")), "基点": ("pp", Decimal("0.01")), "bps": ("pp", Decimal("0.01")),
    "bp": ("pp", Decimal("0.01")), "basis points": ("pp", Decimal("0.01")),
    "成": ("%", Decimal(10)), "折": ("%", Decimal(10)),
    "厘": ("%", Decimal(1)),  # 利率仍為1.5厘: a rate's percent in HK and mainland rate copy (_is_rate_li)
}


def unit_words(unit: str) -> tuple[str, ...]:
    """The unit words read as `unit` ("%" or "pp"): %, percent, 成 …; 个百分点, 基点, bps, basis points …"""
    return tuple(word for word, (read_as, _) in _UNIT_WORDS.items() if read_as == unit)


_PERCENT_OF = {"百分之": Decimal(1), "千分之": Decimal("0.1"), "万分之": Decimal("0.01")}
_PER_UNITS = ZH.per_units

_CN = "〇零一二两三四五六七八九十百千万亿廿卅"
_SPACE_GROUPED = r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+"  # 1 000 000: digits grouped by spaces
# digits grouped by commas after 万 or 亿: 3萬5,000 is 35,000, 1億2,000萬 1.2亿
_NUM = (rf"(?:{_SPACE_GROUPED}(?:\.\d+)?|\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}几数])[\d{_CN}.点几]*"
        rf"(?:(?<=[万亿]\d),\d{{3}}(?!\d)[\d{_CN}.点几]*)?(?:兆[\d{_CN}.点几]*)?")
# a sign, not a range dash: never right after a number, its scale or a closing bracket (2万(含)-8万元)
_SIGN = r"(?:(?<![\d.%)）万亿千百元])[-−+]|负(?=[\d{_CN_DIGITS}]))?".replace("{_CN_DIGITS}", "一二两三四五六七八九十")
SIGN = _SIGN  # a number's own sign (利差報-0.4697%, 为-3%; not the dash of 3%-5%): the count reader's too
_ENGLISH_SCALE = r"(?:\s?(?:(?i:thousand|million|billion|trillion|mln|mn|bn|k)|[MBw])(?![A-Za-z]))"
_HALF = r"一半|过半数?|半数"  # shares of one half: 一半 = 50%, 过半 = over 50%
_INCLUDED = r"(?:\s?[(（]含[)）])?"  # 2万(含)-8万元
_NUMX = rf"{_SIGN}{_NUM}(?:\s?[多余])?(?:个(?=[万亿]))?(?:\s?[十百千万亿兆]+)?{_ENGLISH_SCALE}?"
_SEP = ZH.range_separator()


def _alternatives(words) -> str:
    """One regex alternative per word, longest first, behind a check of the first character
    (Python's re tries alternatives one by one: the check fails most places at once)."""
    words = list(words)
    first = "".join(sorted({w[0] for w in words}))
    return rf"(?=[{re.escape(first)}])(?:{_plain_alternatives(words)})"


def _plain_alternatives(words) -> str:
    parts = []
    for word in sorted(words, key=len, reverse=True):
        body = re.escape(word).replace(r"\ ", r"\s")
        if word in ZH.after_digits_only:  # 30仙 is 30 cents, 八仙 no amount; `15 cents` (a space between)
            body = (r"(?:(?<=\d)|(?<=\d\s))" if word.isascii() else r"(?<=\d)") + body
        if word[:1].isascii() and word[:1].isalpha():
            body = r"(?<![A-Za-z])" + body
        if word[-1:].isascii() and word[-1:].isalpha():
            body += r"(?![A-Za-z])"
        parts.append(body)
    return "|".join(parts)


_PNUM = rf"负?(?:{_NUM}|点[〇零一二三四五六七八九]+)"  # 百分之负六十五点二八, 负百分之点二八
_CURRENCY_WORDS = _alternatives(c for c in CURRENCIES if c not in _SYMBOLS)
_CURRENCY_FIRST = re.escape("".join(sorted({c[0] for c in CURRENCIES if c not in _SYMBOLS})))
_UNITS = _alternatives(_UNIT_WORDS)
_BEFORE = _alternatives(APPROX_BEFORE)
_AFTER = _alternatives(APPROX_AFTER)
_PER = rf"(?:/|每)(?:{_alternatives(_PER_UNITS)})"
# what may follow a count of 万 (七万人, 七万元, 七万多, 七万亿): after 成, a numeral with 万 followed by
# anything else is the tenth and 万 starts a name: 兩成七萬科股權 is 27% of 萬科, not 20% and 七万
_AFTER_WAN_COUNT = (rf"[\d{_CN}{_CURRENCY_FIRST}{re.escape(''.join(sorted({u[0] for u in _PER_UNITS})))}"
                    r"人名家户戶个個套项項笔筆位多余餘左上以块塊倍]|[^\u4e00-\u9fff]|$")


# a word of "in all" between a bound and its number keeps the bound: 最多合共2.34亿港元 is at most (as counts read it)
# and so does the unit it is priced by: 突破每公斤60元 is over 60元 a kilogram, as 突破60元/公斤
_IN_ALL = "|".join(IN_ALL_WORDS)


def _pattern(ranges: bool) -> re.Pattern[str]:
    range_tail = (rf"(?:(?=\s?[%个{_CURRENCY_FIRST}至到~～\-－—–(（])"
                  rf"\s?(?P<unit1>%|个百分点|{_CURRENCY_WORDS})?{_INCLUDED}\s?(?P<sep>{_SEP})\s?(?P<num2>{_NUMX}))?"
                  if ranges else "")
    return re.compile(
        rf"(?:(?P<before>{_BEFORE})(?:[了有]|{_IN_ALL}|(?P<per_first>每(?:{_alternatives(_PER_UNITS)})))?\s?)?"
        rf"(?:(?P<psign>负|[-−])?(?P<percent_of>(?=[百千万]分之)[百千万]分之)(?P<pnum>{_PNUM})"
        rf"(?:(?P<psep>{_SEP})(?:[百千万]分之)?(?P<pnum2>{_PNUM}))?(?P<pscale>{_ENGLISH_SCALE})?"
        rf"|(?P<fden>(?<![{_CN}\d])[一二两三四五六七八九十\d]{{1,3}})分之(?P<fnum>[一二两三四五六七八九十\d]{{1,3}})"
        rf"(?![\d{_CN}点.])"
        rf"|(?P<half>{_HALF})"
        rf"|(?P<symbol>{_alternatives(_SYMBOLS)})\s?(?P<snum>{_NUMX})(?P<syuan>元)?"
        rf"|(?P<cur>{_alternatives(_CURRENCY_BEFORE)})\s{{0,3}}(?P<cnum>{_NUMX})(?![\d年月日号时点个%])"
        rf"(?:\s?(?P<cunit>{_CURRENCY_WORDS}))?"
        rf"|(?P<num>{_NUMX}{range_tail}|半(?=[成折])|(?<=打)对(?=折))\s?(?P<unit>{_UNITS}|{_CURRENCY_WORDS})"
        rf"(?:(?<=成)(?P<tenth>半|[一二三四五六七八九](?![〇零一二两三四五六七八九十百千亿\d点.])"
        rf"(?![万萬](?:{_AFTER_WAN_COUNT}))|(?<=\d成)[1-9](?![\d.%个十百千万亿年月日号时点]))"
        rf"|(?P<jiao>[{_CN}\d]{{1,2}}[角毛])?(?P<fen>[{_CN}\d]{{1,2}}分(?!钟|之))?(?:钱|整)?)?)"
        rf"(?P<per>{_PER})?"
        rf"(?:\s?(?P<after>{_AFTER}))?"  # 降低 90% 以上: a space as the number's own
    )


@cache
def quantity_re(ranges: bool = True) -> re.Pattern[str]:
    """QUANTITY_RE (or the same without ranges), compiled on first use."""
    return _pattern(ranges)


def __getattr__(name: str) -> object:
    if name == "QUANTITY_RE":
        return quantity_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class QuantitySpan:
    start: int
    end: int
    quantity: Quantity
    number_start: int  # where the number itself begins, after 近/超过/约 …
    raw_start: int | None = None  # where `quantity.raw` begins when not at `start`: a bounded share's bound word


_HINT = re.compile(rf"[\d%$¥￥€£₩₹{_CN}兩萬億半折]")  # no numeral, no quantity (兩成 is read folded)


def find_quantities(text: str) -> list[QuantitySpan]:
    """Every percentage and amount of money in `text`, with its offsets in `text`.

    Vague amounts are read as the span they name: 数千万美元 is over [1000万, 1亿] USD, 十几亿元
    [10亿, 20亿] CNY, so 数百万 against 数千万 is a disagreement an editor should see.
    Format characters (U+2060 in 9.96%) are read past; a URL's escapes (%25) are no percentage.
    """
    stripped = strip_format(text)
    if stripped is None:
        return _without_urls(text, _find_quantities(text))
    clean, offsets = stripped
    spans = []
    for span in _without_urls(clean, _find_quantities(clean)):
        start, end = raw_span(offsets, span.start, span.end)
        read_from = start if span.raw_start is None else offsets[span.raw_start]
        spans.append(replace(span, start=start, end=end, number_start=offsets[span.number_start],
                             quantity=replace(span.quantity, raw=text[read_from:end])))
    return spans


# an amount written in digits with its scale and nothing after it that says what it counts
# (这28亿借款, 擬籌39億, 年薪曾超700万): newsrooms drop 元 in titles and in a story about money
_BARE = re.compile(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?\s?[多余]?\s?(?:[十百千]?[万亿萬億])+[多余餘]?")
# what makes such a number something else (matched in the folded text): a unit a price is per
# (925万桶, 15亿次: zh.yaml per_units), the first character of a currency word (美元, 港元: read as a
# quantity already), a classifier that is no such unit (2亿人次, 4.3亿用户, 30万家), a percentage,
# a date, more digits (2億1千萬股)
_CURRENCY_LEADS = "".join(sorted({fold(c)[0] for c in CURRENCIES if c not in _SYMBOLS and not c.isascii()}))
_COUNTED_AFTER = re.compile(r"\s*(?:[A-Za-z%％\d.．]|" + _alternatives(w for w in ZH.per_units if not w.isascii())
                            + f"|[{re.escape(_CURRENCY_LEADS)}]"
                            + r"|[名位家个份篇条套只架艘头户口座栋间里亩颗盒瓶杯笔项款例倍点周岁字页册本票圆块分角镑用观网平升方千百粉级])")
_BOUND_WORDS = sorted((w for w in APPROX_BEFORE if w and not w.isascii()), key=len, reverse=True)
# a round magnitude a bound states (净利过亿, 营收破百亿, 市值超千亿): the words that bound it from
# below or near (a ceiling such as 不到 would read 不到万不得已), matched in the folded text, and
# 过 (过亿), a bound only here, read as 超
_ROUND_BOUNDS = {**{w: w for w in _BOUND_WORDS if APPROX_BEFORE[w] in ("over", "near")}, "过": "超"}
_ROUND = re.compile(f"(?P<bound>{'|'.join(sorted(_ROUND_BOUNDS, key=lambda w: (-len(w), w)))})"
                    r"(?P<size>[一两二三四五六七八九]?[十百千]?(?:万亿|[万亿]))(?![万亿])")  # 破万亿: a trillion
_ROUGH_AFTER = re.compile(r"[多余餘几幾]")


def find_bare_amounts(text: str, taken: list[QuantitySpan]) -> list[QuantitySpan]:
    """Numbers with a scale word (万, 亿) and no unit after them, outside the `taken` quantities,
    as plain quantities (unit ""): a sentence reads them as money in the article's currency
    (kinds/sentence.py), and only a money rule's cue makes one a claim. Chinese numerals are
    too often words (万科, 一亿): only a round magnitude a bound states (过亿, 破百亿) is read."""
    spans: list[QuantitySpan] = []
    folded = fold(text)  # one character for one: offsets stay
    for match in _BARE.finditer(text):
        if _COUNTED_AFTER.match(folded, match.end()):
            continue
        if any(span.start < match.end() and match.start() < span.end for span in taken):
            continue
        word = next((w for w in _BOUND_WORDS if text.startswith(w, match.start() - len(w))
                     and not _ends_a_word(text, match.start() - len(w), match.start())), "")
        start = match.start() - len(word)
        quantity = parse_quantity(text[start:match.end()])
        if quantity is None or quantity.unit:
            continue
        spans.append(QuantitySpan(start, match.end(), replace(quantity, raw=text[start:match.end()]),
                                  match.start()))
    for match in _ROUND.finditer(folded):  # 過億, 將近千億 read as written
        if _COUNTED_AFTER.match(folded, match.end()) or _ROUGH_AFTER.match(text, match.end()):
            continue
        if any(span.start < match.end() and match.start() < span.end for span in [*taken, *spans]):
            continue
        size = match.group("size")
        bound = _ROUND_BOUNDS[match.group("bound")]
        quantity = parse_quantity(bound + ("一" + size if size[0] in "万亿" else size))  # 过亿: over one 亿
        if quantity is None or quantity.unit:
            continue
        spans.append(QuantitySpan(match.start(), match.end(), replace(quantity, raw=text[match.start():match.end()]),
                                  match.start("size")))
    return sorted(spans, key=lambda span: span.start)


# a round figure that names a class, not a value (跻身于销售额百亿欧元俱乐部, 千亿级赛道, 2万亿俱乐部, 20万级SUV):
# a scale word in the figure, then at most a line item, then the class word
_SCALE = re.compile(r"[万亿萬億]")
_CLASS_AFTER = re.compile(r"\s*(?:市值|营收|營收|销售额|銷售額|收入|规模|規模)?\s*"
                          r"(?:俱乐部|俱樂部|量级|量級|级别|級別|级|級|梯队|梯隊|阵营|陣營)")


def without_class_names(text: str, spans: list[QuantitySpan]) -> list[QuantitySpan]:
    """`spans` but those that name a class by a round figure (百亿欧元俱乐部, 千亿级): a company
    `跻身于销售额百亿欧元俱乐部` states no revenue of 100亿, nor does a `千亿级赛道` a size."""
    return [span for span in spans
            if not (_SCALE.search(text, span.number_start, span.end) and _CLASS_AFTER.match(text, span.end))]


_URL_RE = compiled_on_use(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef<>\"'）)]+", re.IGNORECASE)


def _without_urls(text: str, spans: list[QuantitySpan]) -> list[QuantitySpan]:
    """Spans outside URLs: in https://x.cn/a%2050%25 neither %20 nor 50%25 is a quantity."""
    if not spans or ("://" not in text and "www." not in text.lower()):
        return spans
    urls = [(m.start(), m.end()) for m in _URL_RE.finditer(text)]
    return [s for s in spans if not any(start <= s.start < end for start, end in urls)]


def _find_quantities(text: str) -> list[QuantitySpan]:
    found: list[QuantitySpan] = []
    if not _HINT.search(text):
        return found
    folded = group_thousands(fold(text))  # one for one: offsets stay
    triggers = [m.start() for m in _TRIGGER_RE.finditer(folded)]
    if not triggers:
        return found
    end = 0
    pattern = quantity_re()
    for numeral in _NUMERAL_RE.finditer(folded):
        # QUANTITY_RE tried at every character is slow (its alternatives have no common
        # first character): try it only where a numeral starts, or just before one
        # where a qualifier, a currency word, a symbol or a sign ends there
        position = numeral.start()
        if position < end:
            continue
        index = bisect_left(triggers, position - 5)
        if index == len(triggers) or triggers[index] > position + 30:
            continue  # no unit, currency or symbol near this numeral
        for start in _starts(folded, position, end):
            match = pattern.match(folded, start)
            if match is not None and match.end() > position:
                break
        else:
            continue
        result = _read(folded, match)
        if result is None:
            continue  # 统一50亿元: the next numeral may still start one
        match, quantity = result
        if quantity is not None:
            number_start = min(match.start(g) for g in _NUMBER_GROUPS if match.group(g))
            found.append(QuantitySpan(match.start(), match.end(), quantity, number_start))
        end = match.end()
    return [_bounded_share(folded, span) for span in _english_ranges(folded, found)]


# English ranges written as two amounts (between $5.6 billion and $5.7 billion, $0.58 to $0.60 per
# share, $26 billion-$30 billion, 11.8% to 11.9%): one range value, as 5.6亿至5.7亿美元 is. `to` after
# `from` states a change (from 9.24% to 10.28%) unless a range is named (ranged from $375 million to …);
# `to` after a verb of change names where it ended (rose 0.2% to 3.1%); a dash always joins a range
_EN_JOIN = re.compile(r"\s?(?:(?P<and>and)|(?P<to>to)|[-–—])\s?$")
_EN_BETWEEN = compiled_on_use(r"(?<![A-Za-z])(?i:between)\s$")
_EN_NOT_RANGE = compiled_on_use(r"(?:(?i:(?<!rang)(?<!ranged)(?<!ranges)(?<!ranging)\sfrom|^from)"
                                rf"|{ZH.change_verb(chinese=False)}|(?<![A-Za-z])(?i:by))\s$")  # the one table of verbs
_EN_SCALE_END = compiled_on_use(r"\s?((?i:thousand|million|billion|trillion|mln|mn|bn|tn|k)|[MBK])$")


def _english_ranges(text: str, spans: list[QuantitySpan]) -> list[QuantitySpan]:
    """`spans` with two amounts of one unit joined by an English range word read as one range."""
    if len(spans) < 2 or not any("a" <= ch <= "z" for ch in text[:200].lower()):
        return spans
    merged: list[QuantitySpan] = []
    index = 0
    while index < len(spans):
        first = spans[index]
        if index + 1 < len(spans):
            both = _english_range(text, first, spans[index + 1])
            if both is not None:
                merged.append(both)
                index += 2
                continue
        merged.append(first)
        index += 1
    return merged


def _english_range(text: str, first: QuantitySpan, second: QuantitySpan) -> QuantitySpan | None:
    low, high = first.quantity, second.quantity
    join = _EN_JOIN.fullmatch(text, first.end, second.start)
    if join is None or second.start - first.end > 5 or low.unit != high.unit or not low.unit:
        return None
    if low.is_range or high.is_range or low.approx not in ("", "about") or high.approx:
        return None
    before = text[max(0, first.number_start - 12):first.number_start]
    between = _EN_BETWEEN.search(before)
    if join.group("and") and not between:
        return None
    if join.group("to") and _EN_NOT_RANGE.search(before):
        return None
    low_value = low.value
    scale = _EN_SCALE_END.search(high.raw)
    if scale and not _EN_SCALE_END.search(low.raw) and low_value * english_scale(scale.group(1)) < high.value:
        low_value *= english_scale(scale.group(1))  # $5 to $6 billion: the scale reaches back
    if not 0 <= low_value < high.value:
        return None
    # `between` opens the value, as a bound word does (a cue's window is measured to it)
    start = first.number_start - len(before) + between.start() if between and first.start == first.number_start \
        else first.start
    quantity = Quantity(value=(low_value + high.value) / 2, low=low_value, high=high.value, unit=low.unit,
                        approx="about", raw=text[start:second.end],
                        scale_text=high.scale_text or low.scale_text, is_range=True)
    return QuantitySpan(start, second.end, quantity, first.number_start)


# a negated bound (不超过, 不低于, 不少于, 不足 …) caps a share written after the whole it is a share
# of: 不超过广发证券总股本3%, 不超过本公司上季末总资产的1% are ≤3% and ≤1%. Only the negated words:
# 高于预期的2.9% compares with a forecast, whose figure 2.9% is, while a cap states its own share
_SHARE_BOUNDS = sorted((w for w in APPROX_BEFORE if w.startswith("不") and APPROX_BEFORE[w] in ("over", "under")),
                       key=len, reverse=True)
_SHARE_BOUND_RE = re.compile(f"(?P<word>{'|'.join(_SHARE_BOUNDS)})"
                             r"(?P<whole>[^\d，,。；;：:、！!？?（(）)年月日天期]{1,16}?)$")
_NOT_A_WHOLE = compiled_on_use(_alternatives([*ZH.up_words, *ZH.down_words]))


def _bounded_share(folded: str, span: QuantitySpan) -> QuantitySpan:
    """`span` under the negated bound that stands before the whole it is a share of, if one does."""
    quantity = span.quantity
    if quantity.unit != "%" or quantity.approx or quantity.is_range or span.number_start != span.start:
        return span
    bound = _SHARE_BOUND_RE.search(folded, max(0, span.start - 20), span.start)
    if bound is None or _NOT_A_WHOLE.search(bound.group("whole")):
        return span
    bounded = parse_quantity(bound.group("word") + folded[span.number_start:span.end])
    if bounded is None or bounded.approx != APPROX_BEFORE[bound.group("word")]:
        return span
    # the span stays the share's own, so a name or a cue in the whole is read as before (美摄软件的4%
    # is still 美摄's); its raw text reaches back to the bound word, which says ≤ or <
    return replace(span, quantity=replace(bounded, raw=folded[bound.start():span.end]), raw_start=bound.start())


# where a numeral token starts; every branch begins with the character itself and looks back
# from behind it, so re scans for that character class at once (about 4× faster over bulk)
_NUMERAL_RE = re.compile(rf"\d(?<!\d\d)(?<!\d[.,]\d)(?<!\d[ \u00a0\u2009\u202f]\d)"
                         rf"|[{_CN}几数](?<![{_CN}几数点][{_CN}几数])(?<!点\s[{_CN}几数])"
                         r"|半(?=[数成折])|半(?<=过半)|对(?<=打对)(?=折)")
# the first characters of every unit, currency word and symbol (and 之 of 百分之)
_TRIGGER_WORDS = {*_UNIT_WORDS, *CURRENCIES, *_CURRENCY_BEFORE, *_SYMBOLS, "分之", "个百分点", "个基点",
                  "半"}
_TRIGGER_RE = re.compile("|".join(re.escape(w) for w in sorted(
    _TRIGGER_WORDS | {w.capitalize() for w in _TRIGGER_WORDS} | {w.upper() for w in _TRIGGER_WORDS},
    key=len, reverse=True)))
# what may stand right before a number inside a quantity (约, 人民币, US$, -, 了 …)
_PREFIXES = frozenset([*APPROX_BEFORE, *(w.replace(" ", " ") for w in APPROX_BEFORE), *_CURRENCY_BEFORE,
                       *_SYMBOLS, "-", "−", "+", "了", "有", "负", "过", *IN_ALL_WORDS,
                       *(f"每{unit}" for unit in _PER_UNITS if not unit.isascii())])
_PREFIX_LENGTHS = sorted({len(p) for p in _PREFIXES})
_PREFIX_ENDS = frozenset({p[-1] for p in _PREFIXES} | set(" \t\u3000\xa0"))


# 约 closing a word is no "about": 节约450亿 (saves), 签约300亿, 违约, 预约
_WORD_BEFORE_YUE = frozenset("节節制契预預公条條签簽违違履特邀相守解毁毀爽践踐缔締立租盟婚誓")  # not 合: 折合约390亿


def _ends_a_word(text: str, start: int, end: int) -> bool:
    """Whether the qualifier text[start:end] is the end of a word (节约), not a qualifier."""
    return text[start:end] in ("约", "約") and start > 0 and text[start - 1] in _WORD_BEFORE_YUE


def _starts(text: str, position: int, floor: int) -> list[int]:
    """Where a quantity holding the numeral at `position` may start, earliest first."""
    if position == floor or text[position - 1] not in _PREFIX_ENDS:
        return [position]
    starts = {position}
    frontier = [position]
    for _ in range(4):  # 约合 人民币, 超过 了 …: a few words at most
        following = []
        for point in frontier:
            if point > floor and text[point - 1].isspace():
                following.append(point - 1)
            for length in _PREFIX_LENGTHS:
                if point - length < floor:
                    break
                if text[point - length:point] in _PREFIXES and not _ends_a_word(text, point - length, point):
                    following.append(point - length)
        following = [p for p in following if p not in starts]
        if not following:
            break
        starts.update(following)
        frontier = following
    return sorted(starts)


def _read(text: str, match: re.Match[str]) -> tuple[re.Match[str], Quantity | None] | None:
    """The quantity a match holds: (match, None) for a vague amount to skip, None for no quantity."""
    quantity = _to_quantity(match, text)
    if quantity is None and match.groupdict().get("sep"):
        single = quantity_re(False).match(text, match.start())
        if single is None:
            return None
        match, quantity = single, _to_quantity(single, text)
    if quantity is None:
        return None
    number = match.group("pnum") or match.group("snum") or match.group("cnum") or match.group("num") or ""
    if number[:1] == "数" and match.start() and text[match.start() - 1] in _ENDS_IN_SHU:
        return match, None  # 多数, 人数, 指数 …: 数 ends a word here, it opens no amount
    return match, quantity  # 数千万美元 is over [1000万, 1亿] USD, 十几亿元 [10亿, 20亿]


# the first characters of words that end in 数 (多数, 人数, 指数 …): a 数 after them is no vague amount
_ENDS_IN_SHU = frozenset("多少无無总總人次半系係指倍分函参參天台户戶家件票个個位岁歲张張")


def parse_quantity(text: str) -> Quantity | None:
    """Read `text` as exactly one quantity ("涨近5%" is not; "近5%" is).

    A number with no unit is a plain quantity (unit ""): 三百万, 15k左右.
    """
    folded = fold(_whole_form(text.strip()))
    match = quantity_re().fullmatch(folded)
    if match is None and folded[:1] in "从由打" and quantity_re().fullmatch(folded, 1):
        match = quantity_re().fullmatch(folded, 1)  # 从8500到3万港元, 打八折 (对折 only after 打)
    if match is None:
        number = parse_interval(folded)
        if number is None:
            return None
        return _quantity(number, Decimal(1), "", folded, "")
    quantity = _to_quantity(match, folded, whole=True)
    if quantity is None and match.groupdict().get("sep"):
        return None
    return quantity


def _whole_form(text: str) -> str:
    """What only a whole quantity may hold: 壹万, 82，225.00, 50万元（含）以上."""
    text = text.translate(FINANCIAL).replace("（含）", "").replace("(含)", "")
    text = _CJK_SPACES_RE.sub("", text)  # 百 分之 5, 六   个 百 分点: spaces between Chinese characters
    return group_thousands(text)


_CJK_SPACES_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])|(?<=\d)\s+(?=[\u4e00-\u9fff])")


_ZHE_WORDS = ZH.not_after_zhe
_AFTER_YUAN_OK = set("钱，。、；：）)的每/以左上多余及和或至到，")
_CHENG_IDIOMS = ZH.not_after_cheng


def _to_quantity(match: re.Match[str], text: str, whole: bool = False) -> Quantity | None:
    groups = match.groupdict()
    factor = Decimal(1)
    if groups["percent_of"]:
        number_text, unit = _percent_of_number(groups), "%"
        if number_text is None:
            return None
        factor = _PERCENT_OF[groups["percent_of"]]
    elif groups["fden"]:  # 三分之一 = 33.3%
        share = parse_number(f"{groups['fden']}分之{groups['fnum']}")
        if share is None or not 0 < share.value <= 1:
            return None
        step = (share.step * 100).normalize()  # three significant digits: 33.3%, covering the exact 33.33…
        value = (share.value * 100).quantize(step)
        third = NumberInterval(value, value - step / 2, value + step / 2, "", step)
        return _quantity(_qualified(third, groups), Decimal(1), "%", match.group(0), "")
    elif groups["half"]:  # 一半 = 50%, 过半 = over 50%
        over = groups["half"].startswith("过")
        half = NumberInterval(Decimal(50), Decimal(50), None, "over", Decimal(1)) if over else \
            NumberInterval(Decimal(50), Decimal("49.5"), Decimal("50.5"), "", Decimal(1))
        return _quantity(_qualified(half, groups), Decimal(1), "%", match.group(0), "")
    elif groups["symbol"]:
        number_text, unit = groups["snum"], CURRENCIES[groups["symbol"]]
    elif groups["cur"]:
        number_text, unit = groups["cnum"], CURRENCIES[groups["cur"]]
        after = groups["cunit"]
        if after and after != "元" and CURRENCIES.get(after) != unit:
            return None  # 美元10亿港元: two currencies for one amount
    else:
        number_text = groups["num"]
        unit_text = groups["unit"]
        if unit_text in _UNIT_WORDS or unit_text.lower() in _UNIT_WORDS:
            unit, factor = _UNIT_WORDS.get(unit_text) or _UNIT_WORDS[unit_text.lower()]
        else:
            unit = CURRENCIES[unit_text]
            factor = _CENTS.get(unit_text, factor)
        if groups.get("sep"):
            first = re.sub(r"\s?[(（]含[)）]", "", number_text[: match.start("sep") - match.start("num")])
            unit1 = groups["unit1"]
            if unit1:
                first = first.rstrip()[: -len(unit1)]
                unit1_code = "%" if unit1 == "%" else "pp" if unit1 == "个百分点" else CURRENCIES[unit1]
                if unit1_code != unit:
                    return None
            number_text = f"{first}至{groups['num2']}"
        if unit_text == "块" and not whole and _is_cjk(text[match.end("unit"):match.end("unit") + 1] or "。"):
            return None  # 一块地 is a piece of land; 块 is money only at a clause's end (or as 块钱)
        if not _unit_fits_text(unit_text, number_text, match, text, whole):
            return None
    after_word = groups["after"] or ""
    if after_word in ("多", "余"):
        number_text, after_word = number_text + after_word, ""
    if groups.get("unit") == "折" and _TWO_DIGITS_RE.fullmatch(number_text):
        factor = Decimal(1)  # 75折, 三八折: two digits are the percentage itself
        number_text = "".join(str("〇一二三四五六七八九".index(ch)) if not ch.isdigit() else ch for ch in number_text)
    if number_text == "半":  # 半成 is 5%, but 半折 (half price) is 50%, as 对折
        number_text = "5" if groups.get("unit") == "折" else "0.5"
    elif number_text == "对":
        number_text = "5"
    if _PLAIN_NUMBER_RE.fullmatch(number_text):  # the common case: 8.48, 2.22万亿
        core = core_interval(number_text)
    else:
        core = core_interval(prepare(number_text.replace("个亿", "亿").replace("个万", "万")))
    if core is None:
        return None
    tenth = groups.get("tenth")
    if groups.get("unit") == "成" and not tenth and _DIGITS_AFTER_CHENG_RE.match(text, match.end("unit")):
        return None  # 两成七五, 兩成7: digits after 成 not read as its tenth: no reading rather than 两成 alone
    if tenth:  # 三成半 = 35%, 七成六 = 76%, 2成7 = 27%
        if core.approx or core.is_range:
            return None
        extra = Decimal("0.5") if tenth == "半" else Decimal("0.1") * (int(tenth) if tenth.isdigit() else "〇一二三四五六七八九".index(tenth))
        value = core.value + extra
        low, high = interval(value, Decimal("0.1"), "")
        core = NumberInterval(value, low, high, "", Decimal("0.1"))
    if groups.get("jiao") or groups.get("fen"):  # 十块三毛, 一百三十五块六角七分
        core = _with_cents(core, groups.get("jiao"), groups.get("fen"), unit)
        if core is None:
            return None
    if groups["before"] and not after_word and extreme_reached(groups["before"], text[max(0, match.start() - 4):match.start()]):
        groups = {**groups, "before": None}  # 升最多5.68%: the high reached, as written
    if groups["before"] in ZH.compared_bounds and COMPARED_FIGURE.match(text, match.end()):
        groups = {**groups, "before": None}  # 高于0.3%的预期: the forecast is 0.3%; 高于 compares the actual with it
    result = _qualified(core, groups, after_word)
    per = groups["per"] or (f"/{groups['per_first'][1:]}" if groups.get("per_first") else "")  # 突破每公斤60元: /公斤
    return _quantity(result, factor, unit, match.group(0), per)


# after a figure: 的, a modifier of up to four characters and a word naming another measure's figure (zh.yaml
# compared_figures): 0.3%的预期, 2%的通胀目标, 0.3%的市场预期, 95%预测; not 10%的目标公司 (a company, no figure)
COMPARED_FIGURE = compiled_on_use(r"\s*的?\s*[^\d，,。；;：:、（(）)]{0,4}?(?:"
                                   + "|".join(map(re.escape, ZH.compared_measures)) + ")(?!公司|企业|客户|用户|市场|人群)")


_NUMBER_GROUPS = ("psign", "percent_of", "fden", "half", "symbol", "cur", "num")


def _qualified(core: NumberInterval, groups: dict, after_word: str | None = None) -> NumberInterval:
    """`core` under the qualifying word before or after it (近, 超过, 左右 …)."""
    approx_word = (groups["after"] or "" if after_word is None else after_word) or groups["before"] or ""
    approx = ""
    if approx_word:
        approx = APPROX_AFTER.get(approx_word) or APPROX_BEFORE.get(approx_word) or \
            APPROX_BEFORE.get(" ".join(approx_word.split()), "")
    return qualify(core, approx) if approx else core


def _percent_of_number(groups: dict) -> str | None:
    """The number after 百分之, signed (负百分之二十七, 百分之负六十五点二八), 0 before a bare 点,
    both bounds of a range (百分之二十到三十五), its scale letter kept (百分之3.2k)."""
    def one(text: str) -> tuple[bool, str]:
        negative = text.startswith("负")
        text = text.removeprefix("负")
        return negative, ("零" + text if text.startswith("点") else text)

    negative, first = one(groups["pnum"])
    if groups["psign"]:
        if negative:
            return None  # 负百分之负五
        negative = True
    if groups["pnum2"]:
        second_negative, second = one(groups["pnum2"])
        sign = "-" if negative else ""
        return f"{sign}{first}至{'-' if second_negative else ''}{second}"
    scale = (groups["pscale"] or "").strip()
    return ("-" if negative else "") + first + scale


_TWO_DIGITS_RE = re.compile(r"[1-9]\d|[一二三四五六七八九]{2}")
_DIGITS_AFTER_CHENG_RE = re.compile(r"[〇零一二两三四五六七八九\d]{2}|\d(?![年月日号时点])")
_PLAIN_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?[十百千万亿]*")


def _with_cents(core: NumberInterval, jiao: str | None, fen: str | None, unit: str) -> NumberInterval | None:
    if unit != "CNY" or core.approx or core.is_range or core.value != core.value.to_integral_value():
        return None
    value, step = core.value, Decimal("0.1")
    for part, place in ((jiao, Decimal("0.1")), (fen, Decimal("0.01"))):
        if part:
            digits = parse_number(part[:-1])
            if digits is None or not 0 <= digits.value <= 9 or digits.value != digits.value.to_integral_value():
                return None
            value += digits.value * place
            step = place
    low, high = interval(value, step, "")
    return NumberInterval(value, low, high, "", step)


def _unit_fits_text(unit_text: str, number_text: str, match: re.Match[str], text: str, whole: bool = False) -> bool:
    """Traps: 三元高镍电池 is no money, 一成不变 no share, 3厘米 no rate."""
    following = text[match.end("unit"):match.end("unit") + 2]
    if unit_text == "厘":
        return _is_rate_li(text, match.start(), following, whole)
    if unit_text == "元" and re.fullmatch(r"[一二两三四五六七八九]", number_text):
        return (not following or following[0] in _AFTER_YUAN_OK or not _is_cjk(following[0])
                or following[0] in _CN)  # 五元三毛
    if unit_text in ("成", "折"):
        if unit_text == "折" and number_text in ("十", "10"):
            return False  # 十折 is no discount at all: no claim
        if not re.fullmatch(r"[一二两三四五六七八九十半对]|[一二两三四五六七八九]点[一二三四五六七八九]|10|[1-9](?:\.\d)?"
                            r"|[一二两三四五六七八九]至[一二两三四五六七八九]"
                            + (r"|[1-9]\d|[一二三四五六七八九]{2}" if unit_text == "折" else ""), number_text):
            return False
        idioms = _CHENG_IDIOMS if unit_text == "成" else _ZHE_WORDS
        return not following.startswith(idioms)
    return True


# 厘 is a percent only where a rate stands before it in its sentence (拆息跌至3.59286厘, 利率仍为1.5厘,
# 减息0.25厘, 租金回报约4厘, 孳息…至4.661厘): 2厘米, 一分一厘 and 厘 in a name are no rate.
# 消息/信息/休息/气息 end in 息 but are no rate
_RATE_BEFORE_LI_RE = re.compile(r"(?<![消信休气讯])息|利率|回报|收益率")
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


def _is_rate_li(text: str, start: int, following: str, whole: bool) -> bool:
    """Whether N厘 at `start` is a rate's N%: a rate word before it in the sentence (or a whole value, as written)."""
    if following[:1] in ("米", "升", "克", "毫", "金") or (following[:1].isalpha() and following[:1].isascii()):
        return False
    if whole:
        return True
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, start - 200), start)]
    sentence = text[ends[-1] if ends else max(0, start - 200):start]
    return _RATE_BEFORE_LI_RE.search(sentence) is not None


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _quantity(number: NumberInterval, factor: Decimal, unit: str, raw: str, per: str) -> Quantity:
    def scaled(x: Decimal | None) -> Decimal | None:
        return None if x is None else x * factor

    return Quantity(value=number.value * factor, low=scaled(number.low), high=scaled(number.high),
                    unit=unit, approx=number.approx, raw=raw, scale_text=per, is_range=number.is_range)


def negate(quantity: Quantity) -> Quantity:
    """The same quantity with its sign flipped (跌4.5% is -4.5%)."""
    return Quantity(
        value=-quantity.value,
        low=None if quantity.high is None else -quantity.high,
        high=None if quantity.low is None else -quantity.low,
        unit=quantity.unit, approx=quantity.approx, raw=quantity.raw,
        scale_text=quantity.scale_text, is_range=quantity.is_range,
    )


# ------------------------------------------------------------------- changes

UP_WORDS = ZH.up_words
DOWN_WORDS = ZH.down_words
BASES = ZH.change_bases
# the words leading a change (同比增长, 跌, 收涨 …) right before its value: shared with discover
CHANGE_LEAD = compiled_on_use(
    rf"(?P<basis>{'|'.join(BASES)})?\s*(?:则|則)?(?P<verb>{'|'.join(sorted(UP_WORDS + DOWN_WORDS, key=len, reverse=True))})"
    r"(?:了|幅(?:为|达|约)?|率(?:为|达)?)?\s*$")
# the same in English (`shares fell 13%`, `up 39%`, `declined by 3.2%`, `edged up 0.3%`): the verbs of the one
# table (ZH.change_verb), with only a space or `by` before the value, so a verb of another clause is never the value's
CHANGE_LEAD_EN = re.compile(rf"(?P<verb>{ZH.change_verb(chinese=False)})(?:\s+by)?\s+$")
# an English noun of change before `of` or right after the value: `a drop of 3%`, `a 12% increase`
_CHANGE_NOUN_EN = r"(?i:" + "|".join(sorted(ZH.up_nouns_en + ZH.down_nouns_en, key=len, reverse=True)) + ")"
CHANGE_NOUN_BEFORE_EN = re.compile(rf"(?<![A-Za-z])(?P<verb>{_CHANGE_NOUN_EN})\s+of\s+$")
CHANGE_NOUN_AFTER_EN = re.compile(rf"(?:\s+|\s?-\s?)(?P<verb>{_CHANGE_NOUN_EN})(?![A-Za-z])")


def english_change(text: str, start: int, end: int) -> tuple[re.Match[str], int, int] | None:
    """The English verb or noun of change of the value at text[start:end], with where the change's words
    begin and end: `fell 13%`, `a drop of 3%` (before it), `a 12% increase` (after it); else None."""
    before = (CHANGE_LEAD_EN.search(text, max(0, start - 24), start)
              or CHANGE_NOUN_BEFORE_EN.search(text, max(0, start - 16), start))
    if before is not None:
        return before, before.start(), end
    after = CHANGE_NOUN_AFTER_EN.match(text, end)
    return (after, start, after.end()) if after is not None else None


@dataclass(frozen=True)
class Change:
    """A change stated with its verb: 跌4.5% is -4.5%, 同比增长6% is +6% year on year."""

    quantity: Quantity  # signed by the verb
    direction: str  # "up" or "down"
    basis: str  # 同比, 环比, 按年 … as written ("" when none)
    start: int
    end: int


def find_changes(text: str) -> list[Change]:
    """Every percentage or percentage-point change in `text` led by a verb of change."""
    changes = []
    for span in find_quantities(text):
        if span.quantity.unit not in ("%", "pp"):
            continue
        lead = CHANGE_LEAD.search(text, max(0, span.start - 12), span.start)
        english = english_change(text, span.start, span.end) if lead is None else None
        if english is not None:
            down = ZH.is_down_en(english[0].group("verb"))
            quantity = negate(span.quantity) if down and span.quantity.value > 0 else span.quantity
            changes.append(Change(quantity, "down" if down else "up", "", english[1], english[2]))
        if lead is None:
            continue
        verb = lead.group("verb")
        down = verb in DOWN_WORDS
        quantity = negate(span.quantity) if down and span.quantity.value > 0 else span.quantity
        changes.append(Change(quantity, "down" if down else "up", lead.group("basis") or "",
                              lead.start(), span.end))
    return changes


def parse_change(text: str) -> Change | None:
    """Read `text` as exactly one change (同比下降0.5个百分点, 跌4.5%, 收涨超2%)."""
    text = text.strip()
    changes = find_changes(text)
    if len(changes) == 1 and changes[0].start == 0 and changes[0].end == len(text):
        return changes[0]
    return None

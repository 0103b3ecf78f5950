"""`kind: duration`: how long something took or lasts, as an interval of days.

不足三个月 is (0, 3] months, 近四个月 just under 4, 两个半月 2.5, 两年多
between 2 and 3 years, 三周 three weeks, 两个多小时 between 2 and 3 hours: each becomes the interval of days
it allows (a month is 30.4375 days, a year 365.25), so sources that write
months and weeks are compared. 不足三个月 and 近四个月 disagree; 两个半月
fits 不足三个月.

The number is read by `normalize.numbers` (qualifiers 近, 不足, 逾; Chinese
numerals; ranges); the 个/半/多 around the unit word are read here. When the
normalize package gains a duration reader this finder should switch to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from factcheck.kinds.amounts import (
    EN_QUALIFIER,
    QUALIFIER,
    REPEATED_UNIT,
    number_written,
    ranged_number,
    ranked,
    tolerance_fields,
    value_start,
)
from factcheck.kinds.base import Document, Kind
from factcheck.kinds.left_out import SKIP, WINDOW, left_out, say
from factcheck.kinds.number import FigureJudging, NumberKind, say_non_word_before
from factcheck.kinds.reading import about_whom, claim
from factcheck.kinds.sentence import Sentence, cue_pattern
from factcheck.kinds.skip import skip_word, skipped
from factcheck.kinds.subject_reading import subject_before
from factcheck.normalize.counts import NUMBER_WORDS
from factcheck.normalize.dates import counts_days
from factcheck.normalize.numbers import APPROX_AFTER, APPROX_BEFORE, NumberInterval, parse_interval, qualify
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, Claim, Diagnostic, RuleBase
from factcheck.values import Value, _plain, bound_mark, intervals_overlap

DAYS = {"天": Decimal(1), "日": Decimal(1), "周": Decimal(7), "星期": Decimal(7), "个星期": Decimal(7),
        "个月": Decimal("30.4375"), "年": Decimal("365.25"), "小时": Decimal(1) / 24, "钟头": Decimal(1) / 24,
        "分钟": Decimal(1) / 1440, "秒": Decimal(1) / 86400, "秒钟": Decimal(1) / 86400}
UNIT_SHOWN = {"日": "天", "星期": "周", "个星期": "周", "秒钟": "秒"}
# English units of time, singular (a plural's s dropped, `mins` and `hrs` written out), shown in English
ENGLISH_DAYS = {"second": DAYS["秒"], "sec": DAYS["秒"], "minute": DAYS["分钟"], "min": DAYS["分钟"],
                "hour": DAYS["小时"], "hr": DAYS["小时"], "day": DAYS["天"], "week": DAYS["周"],
                "month": DAYS["个月"], "year": DAYS["年"]}
ENGLISH_SHOWN = {"sec": "second", "min": "minute", "hr": "hour"}
# 两个半月, 三个多月, 两年多, 一年半, 半年, 近四个月, 两个多小时; a year needs a Chinese numeral or a small
# number (2024年 is a date), a month needs 个 (3月 is March), a day 天 (13日 is a date) unless a word of
# length stands right before the number (其後延長30日限期, as zh-HK writes days: dates.counts_days);
# a space before the unit changes nothing (未来 12 到 24 个月, as some outlets write figures); a range may
# write the unit after each bound (3个月至6个月), as counts read it
_FIRST_UNIT = r"个?(?:星期|小时|钟头)|周|天|个月|年|分钟|秒钟?"  # not 日: 2月10日-11日 is two days of a month
# English: `26 minutes`, `two to three years`, `more than 10 hours`, `two and a half years`; not a number joined to its unit
# by a hyphen (`a 52-week high`, `a 5-year bond` name a class, as counts read them: kinds/amounts.py)
_EN_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?![\d.,]\d)|(?i:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}))"
_EN_UNIT = r"(?i:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
# a smaller unit's count right after a span is part of it: 1小时26分钟 (86 minutes), 3年5个月, 2分30秒 (分 is minutes
# only there, before 秒, or after 小时: alone it is a score or a cent)
_PART_NUMBER = r"(?:\d+(?:\.\d+)?|[〇零一二两三四五六七八九十]+)"
_PART_UNIT = r"(?:个月|个?星期|周(?!年)|天|个?小时|个?钟头|分钟|分|秒钟|秒)"
_PART = compiled_on_use(rf"[零又]?(?P<number>{_PART_NUMBER})(?P<unit>{_PART_UNIT})")
_PART_DAYS = {"个月": DAYS["个月"], "星期": DAYS["周"], "个星期": DAYS["周"], "周": DAYS["周"], "天": DAYS["天"],
              "小时": DAYS["小时"], "个小时": DAYS["小时"], "钟头": DAYS["小时"], "个钟头": DAYS["小时"],
              "分钟": DAYS["分钟"], "分": DAYS["分钟"], "秒钟": DAYS["秒"], "秒": DAYS["秒"]}
_PART_SHOWN = {"个星期": "周", "星期": "周", "个小时": "小时", "个钟头": "钟头", "分": "分钟", "秒钟": "秒"}
DURATION = compiled_on_use(
    rf"(?P<number>{ranged_number(_FIRST_UNIT)}|{QUALIFIER}?半){REPEATED_UNIT}\s*(?P<ge>个)?(?P<half>半)?(?P<more>[多余])?"
    rf"(?P<unit>个星期|星期|周(?!年)|天|日|(?<=[个半多余])月|年|小时|钟头|分钟|分(?=\s*{_PART_NUMBER}\s*秒)|秒钟|秒)(?P<tail>半)?"
    rf"(?P<plus>(?:\s*[零又]?\s*{_PART_NUMBER}\s*{_PART_UNIT}){{1,2}})?(?P<after>[多余]|左右|以上|以内|以下)?"
    rf"|(?:(?P<en_bound>(?i:{EN_QUALIFIER}))\s)?(?<![\w$.,-])(?P<en_number>{_EN_NUMBER})"
    rf"(?:\s+(?i:to|or)\s+(?P<en_to>{_EN_NUMBER}))?(?P<en_half>\s+and\s+a\s+half)?\s+(?P<en_unit>{_EN_UNIT})(?![\w-])")
_BOUND = compiled_on_use(QUALIFIER)  # a number opening with 至少, 不足, 逾 …: a count of days, never a date


@dataclass(frozen=True)
class Duration:
    """A span of time: the interval of days it may be, and how it was written."""

    value: Decimal  # in the written unit
    low: Decimal | None  # days
    high: Decimal | None
    unit: str  # the written unit word: 个月, 年, 周, 天
    approx: str
    raw: str
    range_text: str = ""  # a range as written: 2–3

    def display(self) -> str:
        if self.range_text:
            return f"{self.range_text}{self.unit}"
        mark = (bound_mark(self.approx == "over", self.raw) if self.approx in ("over", "under")
                else {"near": "≈<", "about": "≈"}.get(self.approx, ""))
        return f"{mark}{_plain(self.value)}{self.unit}"

    def agrees(self, other: Value, tolerance: Decimal = Decimal(0)) -> bool:
        """Whether the intervals of days overlap by more than a bound (`tolerance` in days)."""
        if not isinstance(other, Duration):
            return False
        return intervals_overlap((self.low, self.high), (other.low, other.high), tolerance)

    def to_dict(self) -> dict[str, Any]:
        return {"type": "duration", "display": self.display(), "raw": self.raw, "value": _plain(self.value),
                "unit": self.unit, "approx": self.approx,
                "low_days": None if self.low is None else _plain(self.low.quantize(Decimal("0.01"))),
                "high_days": None if self.high is None else _plain(self.high.quantize(Decimal("0.01"))),
                # exact, for claims files read back (low_days/high_days are for people)
                "low": None if self.low is None else str(self.low),
                "high": None if self.high is None else str(self.high), "range_text": self.range_text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Duration:
        def number(text: str | None) -> Decimal | None:
            return None if text is None else Decimal(text)

        return cls(Decimal(data["value"]), number(data["low"]), number(data["high"]), data["unit"],
                   data["approx"], data["raw"], data.get("range_text", ""))

    def topic_key(self) -> str:
        return ""


def names_no_span(match: re.Match[str]) -> bool:
    """A match that names no span: a rank (第三个月 is the third month, 第60天 the sixtieth day; 连续第三个月 is a
    streak of three: amounts.ranked), or a date: 13日 is one; 30日 right after 延长, 宽限, 为期 or 长达 is thirty
    days, and so is 至少5日 (a bound: no date is "at least the 5th") and 5日 closing its clause right after a
    verb (發起罷駛5日。)."""
    if ranked(match.string, match.start("number")):
        return True
    return (match.group("unit") == "日" and _BOUND.match(match.group("number")) is None
            and not counts_days(match.string, match))


def _read_english(match: re.Match[str]) -> Duration | None:
    """`26 minutes`, `two to three years`, `more than 10 hours`, `two and a half years`: as the Chinese are read."""
    low, high = (str(NUMBER_WORDS.get(written.lower(), written)).replace(",", "")
                 for written in (match.group("en_number"), match.group("en_to") or ""))
    bound = match.group("en_bound") or ""
    number = parse_interval(f"{low}至{high}" if high else f"{bound}{low}")  # as kinds/amounts.py reads a count
    word = match.group("en_unit").lower()
    singular = word[:-1] if word.endswith("s") and word[:-1] in ENGLISH_DAYS else word
    if number is None or (singular == "year" and number.value >= 100):
        return None  # 2024 years is no length
    if match.group("en_half"):
        value = number.value + Decimal("0.5")
        number = NumberInterval(value, value - Decimal("0.25"), value + Decimal("0.25"), number.approx, Decimal("0.5"))
    factor = ENGLISH_DAYS[singular]
    low_days = Decimal(0) if number.low is None else max(Decimal(0), number.low) * factor
    high_days = None if number.high is None else number.high * factor
    shown = (f"{_plain(number.low)}–{_plain(number.high)}"
             if number.is_range and number.low is not None and number.high is not None else "")
    unit = " " + ENGLISH_SHOWN.get(singular, singular) + ("" if number.value == 1 and not shown else "s")
    return Duration(number.value, low_days, high_days, unit, number.approx, match.group(0), shown)


def read_duration(match: re.Match[str]) -> Duration | None:
    """The duration a match of the pattern stands for."""
    if match.group("en_unit"):
        return _read_english(match)
    number_text = number_written(match).replace(" ", "")
    approx = ""
    for word in sorted(APPROX_BEFORE, key=len, reverse=True):
        if number_text.startswith(word) and len(number_text) > len(word):
            approx, number_text = APPROX_BEFORE[word], number_text[len(word):]
            break
    core = (NumberInterval(Decimal("0.5"), Decimal("0.45"), Decimal("0.55"), "", Decimal("0.1"))
            if number_text == "半" else parse_interval(number_text))
    if core is None or (match.group("unit") == "年" and core.value >= 100):
        return None  # 2024年 is a year, not a duration
    if names_no_span(match):
        return None
    if match.group("half") or match.group("tail"):  # 两个半月, 一年半
        value = core.value + Decimal("0.5")
        core = NumberInterval(value, value - Decimal("0.25"), value + Decimal("0.25"), core.approx, Decimal("0.5"))
    if match.group("more") or match.group("after") in ("多", "余"):  # 两年多: more than 2, less than 3
        core = NumberInterval(core.value, core.value, core.value + 1, "over", Decimal(1))
    elif match.group("after"):
        approx = APPROX_AFTER.get(match.group("after"), approx)
    unit = ("个" if match.group("ge") and match.group("unit") == "月" else "") + match.group("unit")
    unit = "个月" if unit == "月" else unit
    factor = DAYS.get(unit) or _PART_DAYS[unit]  # 分 of 2分30秒 is read only before its seconds
    if match.group("plus"):
        compound = _with_parts(core, factor, match.group("plus"))
        if compound is None:
            return None
        core, unit, factor = compound
    number = qualify(core, approx)
    low = None if number.low is None else max(Decimal(0), number.low) * factor
    high = None if number.high is None else number.high * factor
    if low is None:
        low = Decimal(0)
    shown = (f"{_plain(number.low)}–{_plain(number.high)}"
             if number.is_range and number.low is not None and number.high is not None else "")
    return Duration(number.value, low, high, UNIT_SHOWN.get(unit, unit), number.approx, match.group(0), shown)


def _with_parts(first: NumberInterval, factor: Decimal, parts: str) -> tuple[NumberInterval, str, Decimal] | None:
    """1小时26分钟 as 86分钟: the span in its last (smallest) unit, as precise as that unit is written (the
    earlier parts are whole units: one hour and 26 minutes is 85.5 to 86.5 minutes); None when a part is no number."""
    read = [(parse_interval(found.group("number")), found.group("unit")) for found in _PART.finditer(parts)]
    last, word = read[-1] if read else (None, "")
    if last is None or any(number is None for number, _ in read):
        return None
    step = _PART_DAYS[word]
    # whole units before the last, counted in it (by seconds, so 1小时 is exactly 60分钟)
    seconds = _seconds(factor)
    whole = first.value * seconds
    for number, unit in read[:-1]:
        whole += number.value * _seconds(_PART_DAYS[unit])  # type: ignore[union-attr]
    before = whole / _seconds(step)
    low = None if last.low is None else before + last.low
    high = None if last.high is None else before + last.high
    return (NumberInterval((before + last.value).normalize(), low, high, last.approx, last.step),
            _PART_SHOWN.get(word, word), step)


def _seconds(days: Decimal) -> Decimal:
    """A unit's length in whole seconds (a month is 2,629,800: 30.4375 days)."""
    return (days * 86400).quantize(Decimal(1))


@dataclass(frozen=True)
class DurationRule(RuleBase):
    cue: str = ""
    window: int = 6
    tolerance: Decimal = Decimal(0)  # days
    relative_tolerance: Decimal = Decimal(0)


# the end of a span a superlative is over: 来/以来 (來/以來) and 的 (四个月来的最强, 4年來最多)
_SPAN_END = compiled_on_use(r"\s*(?:以?[来來])?\s*的?\s*")


class DurationKind(FigureJudging, Kind[DurationRule]):
    name = "duration"
    rule_type = DurationRule
    value_type = Duration
    required = ("cue",)
    properties: ClassVar[dict[str, Any]] = {
        "cue": {"$ref": "#/$defs/words_or_regex"},
        "window": NumberKind.properties["window"],
        "tolerance": NumberKind.properties["tolerance"],
    }

    def fields(self, doc: Document) -> dict[str, Any]:
        return {"cue": doc.regex("cue"), "window": int(doc.data.get("window", 6)),
                **tolerance_fields(doc.data.get("tolerance", 0))}

    def find(self, rule: DurationRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        taken: set[int] = set()
        yield from self._cued_before(rule, s, article, taken)
        yield from self._cued_after(rule, s, article, taken)
        say_non_word_before(rule.cue, rule.window, s, taken, lambda begin, end: next(
            ((m.start(), m.end()) for m in DURATION.finditer(s.text, begin, end) if not names_no_span(m)), None))

    def _cued_after(self, rule: DurationRule, s: Sentence, article: Article,
                    taken: set[int]) -> Iterable[Claim | Diagnostic]:
        """A span followed by its cue: a superlative over the span (`四个月来的最强`, `逾4年來最多`, `创四个月之最`,
        cues `最强`, `最多`, `之最`), the cue right after the span or after the 来/以来 that ends it and 的."""
        cue = cue_pattern(rule.cue)
        for found in DURATION.finditer(s.text):
            if found.start() in taken or names_no_span(found):
                continue
            at = _SPAN_END.match(s.text, found.end())
            after = cue.match(s.text, found.end()) or (cue.match(s.text, at.end()) if at else None)
            if after is None:
                continue
            if skipped(rule.skip, s, found.start(), after.end()):
                left_out("skip", say(SKIP, found.group(0), skip_word(rule.skip, s, after.end())),
                         found.start(), found.end())
                continue
            if (made := _claimed(rule, s, article, found, taken)) is not None:
                yield made

    def _cued_before(self, rule: DurationRule, s: Sentence, article: Article,
                     taken: set[int]) -> Iterable[Claim | Diagnostic]:
        """A span within `window` after its cue (用时不足三个月)."""
        for cue in cue_pattern(rule.cue).finditer(s.text):
            _, clause_end = s.clause_at(cue.end())
            found = next((m for m in DURATION.finditer(s.text, value_start(s.text, cue.start(), cue.end()), clause_end)
                          if not names_no_span(m)), None)
            if found is None or found.start() in taken:
                continue
            written = s.plain[found.start():found.end()]
            if found.start() - cue.end() > rule.window:
                left_out("window", say(WINDOW, written, cue.group(0), distance=found.start() - cue.end(),
                                               window=rule.window), found.start(), found.end())
                continue
            if skipped(rule.skip, s, cue.start(), found.start(), found.end()):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, found.start())), found.start(), found.end())
                continue
            if (made := _claimed(rule, s, article, found, taken)) is not None:
                yield made


def _claimed(rule: DurationRule, s: Sentence, article: Article, found: re.Match[str],
             taken: set[int]) -> Claim | None:
    """The claim of a span its cue points at (before or after it), marked as taken; None when the span
    reads as no duration or no subject owns it."""
    value = read_duration(found)
    subject = subject_before(rule, s, found.start())
    if value is None or subject is None:
        if value is not None:
            about_whom(rule, s, found.start(), found.end())
        return None
    taken.add(found.start())
    return claim(rule, subject, value, s, article, found.start(), found.end())

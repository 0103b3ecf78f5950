"""The values claims carry, each with its own behaviour.

A value knows how it compares with another of its type (`agrees`), how an
editor reads it (`display`), how it serializes (`to_dict`) and which values
it may be compared with at all (`topic_key`). Comparison and reports call
these methods, so a new value type needs no edits in compare or report.

They sit below normalize (the normalizers make them) and below the kinds
(each kind names its value type), so nothing here imports a stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any, ClassVar, Literal, Protocol

from factcheck.patterns import compiled_on_use

# how far 约/左右 reach at most, as a fraction of the figure (约3% is 2.7–3.3%); a figure written to more
# digits reaches one step of its last digit (约2.1亿 is 2.0亿–2.2亿: normalize/numbers.interval)
ABOUT_SPAN = Decimal("0.1")


class Value(Protocol):
    """What every value type offers: the one interface compare and report use."""

    @property
    def raw(self) -> str:
        """The text the value was read from."""
        ...

    def agrees(self, other: Value, tolerance: Decimal = Decimal(0)) -> bool:
        """Whether the two values can both be true of the same fact."""
        ...

    def display(self) -> str:
        ...

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready data (decimals as strings), with `type` and `display`."""
        ...

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Value:
        """The value `to_dict` wrote, exactly (claims files are read back with it)."""
        ...

    def topic_key(self) -> str:
        """Values with different keys are never compared (50亿美元 vs 364亿元: one fact, two currencies)."""
        ...


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# basis points as written (100个基点, 25個基點, 25bp, 25 bps, basis points): a hundredth of a percentage point
_BASIS_POINTS = compiled_on_use(r"基点|基點|(?<![A-Za-z])(?:bps?|basis\s+points?)(?![A-Za-z])", re.IGNORECASE)
# a milestone named by a magnitude word alone (破百亿, 破万亿, 过亿, 超千亿, 升穿萬億元): no digit, no count before it
_MILESTONE = compiled_on_use(r"(?<![\d一二两兩三四五六七八九十百千万萬])[十百千]?(?:万亿|萬億|[万亿萬億])")
@lru_cache(maxsize=1)
def _inclusive_bound() -> re.Pattern[str]:
    """A bound word that includes the number itself (zh.yaml inclusive_bounds: 至少5天 is 5 days or more,
    不超过3% may be 3%), at the start of a value as written. Made when first shown: the word tables are
    not read when this module is imported."""
    from factcheck.normalize.words import ZH

    return re.compile(r"\s*" + ZH.any_of(ZH.inclusive_lower + ZH.inclusive_upper))


def bound_mark(above: bool, raw: str) -> str:
    """The sign of a one-sided bound as `raw` wrote it: ≥/≤ when it includes the number, else >/<."""
    if _inclusive_bound().match(raw):
        return "≥" if above else "≤"
    return ">" if above else "<"


# a scale the source wrote: 万, 亿, 兆, 千/百 in a Chinese numeral, an English scale word or letter
_SCALE_WRITTEN = re.compile(r"[十百千万亿萬億兆]|(?i:thousand|million|billion|trillion|mln|mn|bn|tn)|\d\s?[MBwkK](?![A-Za-z])")


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _decimal(number: Decimal | None) -> str | None:
    """Decimals as strings: JSON numbers would round-trip through float."""
    return None if number is None else _plain(number)


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@dataclass(frozen=True)
class Quantity:
    """A normalized number: an interval [low, high] (None = unbounded).

    An exact "8.48" is the interval its stated precision allows
    ([8.475, 8.485]); "近5" is just under 5; "超2" is above 2.
    """

    value: Decimal  # the number as written (the centre, or the bound)
    low: Decimal | None
    high: Decimal | None
    unit: str  # "%", "USD", "HKD", "CNY", "" …
    approx: str  # "", "near", "over", "under", "about"
    raw: str
    scale_text: str = ""  # per-unit suffix kept for display, e.g. "/股"
    is_range: bool = False  # written as two numbers (3%-5%, 3至5亿元): set by the parser that read it
    # where the unit came from when the text did not say it: "locale" (the outlet's, a guess) or
    # "same-below" (a 下同 marker); see kinds/currency.py
    unit_from: str = ""
    # what in the source's text says it wrote the number in a scale (shown in 万/亿 then)
    SCALE_WRITTEN: ClassVar[re.Pattern[str]] = _SCALE_WRITTEN

    def display(self, points: bool = False) -> str:
        """As an editor would write it: ≈<5%, 118.3 USD/股, 2.22万亿 HKD, 25 bp (in percentage points with
        `points`: 0.25 pp)."""
        bp = self.in_basis_points() and not points
        if self.shown_as_range():
            assert self.low is not None and self.high is not None
            if bp:
                return f"{_plain(self.low * 100)}–{_plain(self.high * 100)} bp"
            return f"{self._scaled(self.low)}–{self._scaled(self.high)}{'%' if self.unit == '%' else ' ' + self.unit}"
        mark = self.mark()
        if self.unit == "%":
            return f"{mark}{self._as_written(self.value)}%"
        if bp:
            return f"{mark}{_plain(self.value * 100)} bp"
        return f"{mark}{self._scaled(self.value)} {self.unit}{self.scale_text}".strip()

    def in_basis_points(self) -> bool:
        """Whether a change in percentage points was written in basis points (100个基点, 25 bps): compared
        as 1 pp and 0.25 pp, shown as written (100 bp), so `1 pp` against `75 bp` reads as the sources say it."""
        return self.unit == "pp" and _BASIS_POINTS.search(self.raw) is not None

    def _scaled(self, number: Decimal) -> str:
        """In 万/亿 when the source wrote a scale (2.22万亿, 3 billion), else its digits: 96000美元 stays 96000."""
        if self.unit in ("%", "pp") or not self.SCALE_WRITTEN.search(self.raw):
            return self._as_written(number)
        for size, word in ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(number) >= size:
                return self._as_written(number / size) + word
        return self._as_written(number)

    def _as_written(self, number: Decimal) -> str:
        """The number with the decimals its source wrote: 160.30亿 stays 160.30, not 160.3."""
        text = _plain(number)
        written = _WRITTEN_NUMBER.search(self.raw) if not self.is_range else None
        if written is None or "." not in written.group(0):
            return text
        decimals = len(written.group(0).split(".")[1])
        padded = format(number.quantize(Decimal(1).scaleb(-decimals)), "f") if number == number.quantize(
            Decimal(1).scaleb(-decimals)) else text
        digits = written.group(0).replace(",", "").replace(".", "").lstrip("0")
        return padded if padded.replace(".", "").replace("-", "").lstrip("0") == digits else text

    def written_step(self) -> Decimal | None:
        """The unit of the last digit the source wrote (None when not one exact number).

        Zeros ending a whole number may be rounding (8210亿 may be 8215亿 rounded to tens),
        as long as the step stays within 1% of the value."""
        if self.approx or self.is_range or self.low is None or self.high is None:
            return None
        return self._with_zeros(self.high - self.low)

    def _with_zeros(self, step: Decimal) -> Decimal:
        """`step` grown by the zeros that end a whole number, while they may be rounding: two
        significant digits remain (970亿 may be 974亿 to two figures), or the step stays within
        1% of the value (8210亿 may be 8215亿). 100亿 is not 103亿: a round figure, a different one."""
        written = _WRITTEN_NUMBER.search(self.raw)
        if written is None or "." in written.group(0) or step <= 0:
            return step
        digits = written.group(0).replace(",", "").lstrip("0")
        zeros = len(digits) - len(digits.rstrip("0"))
        significant = len(digits) - zeros
        for _ in range(zeros):
            if step * 10 > abs(self.value) / 100 and significant < 2:
                break
            step *= 10
        return step

    def approximate_step(self) -> Decimal | None:
        """The unit of the last digit an approximate value (近970亿, 约5%) was written to."""
        if self.approx not in ("near", "about") or self.is_range:
            return None
        written = _WRITTEN_NUMBER.search(self.raw)
        if written is None or not self.value:
            return None
        number = Decimal(written.group(0).replace(",", ""))
        if not number:
            return None
        decimals = len(written.group(0).split(".")[1]) if "." in written.group(0) else 0
        step = self._with_zeros(abs(self.value) / number * Decimal(1).scaleb(-decimals))
        if self.approx == "about" and self.low is not None and self.high is not None:
            reach = (self.high - self.low) / 2  # 約2億1千萬 reaches a step of 1千萬 (normalize/numbers.interval)
            if reach < abs(self.value) * ABOUT_SPAN:
                return min(step, reach)
        return step

    def round_figure_step(self) -> Decimal | None:
        """The step of a round figure: an exact whole number whose ending zeros may be rounding
        (140万 to the ten thousand, 970亿 to the ten), None when its zeros widen nothing."""
        step = self.written_step()
        if step is None or self.low is None or self.high is None or step <= self.high - self.low:
            return None
        return step

    def approximates(self, other: Value) -> bool:
        """Whether one of two values is an approximation (近, 约) that misses the other by less than
        half the step it was written to: 近970亿 of 974亿 is 974亿 rounded, with a loose 近.
        A round figure is one too when the other rounds to it (143万 to 140万, 974亿 to 970亿),
        not when only cutting off reaches it (145万 is not 140万 rounded: a `rounded` warning).
        A bound (超100亿, 不到1%) is a claim about a threshold and is never widened.
        Two figures written to one step of a thousandth of the value or less (four significant
        digits), one step apart, are one figure rounded by one source and cut off by the other
        (12.08% and 12.09%): neither claims more precision than the other."""
        if not isinstance(other, Quantity) or self.unit != other.unit:
            return False
        if self.last_digit_apart(other):
            return True
        for round_figure, firm in ((self, other), (other, self)):
            step = round_figure.round_figure_step()
            if step is not None and firm.written_step() is not None and abs(firm.value - round_figure.value) < step / 2:
                return True
        for loose, firm in ((self, other), (other, self)):
            step = loose.approximate_step()
            if step is None or loose.low is None or loose.high is None:
                continue
            firm_step = firm.written_step()
            firm_bounds = firm.stands_for(firm_step) if firm_step is not None else (firm.low, firm.high)
            if intervals_overlap(loose.rounded_reach(step), firm_bounds):
                return True
        return False

    def rounded_reach(self, step: Decimal) -> tuple[Decimal, Decimal]:
        """What an approximate value (its low and high set) reaches once its written figure may be
        another figure rounded to `step`: half a step beyond each end of 约's span. 近 reaches half a step
        beyond the figure written (近970亿 of 974亿 rounded) and, toward zero, its own span or what rounds
        to the figure, whichever is longer (跌近1% of 0.87%, which rounds to 1%), never both added: so
        widened, 近1500亿 (a step of 100亿) reached 1300亿 and was one figure with 约1336亿, which rounds to
        1300亿, 11% below it (round 37 NOTES)."""
        assert self.low is not None and self.high is not None
        if self.approx != "near":
            return self.low - step / 2, self.high + step / 2
        if self.value >= 0:  # 近5%: 4.5 to 5
            return min(self.low, self.value - step / 2), self.high + step / 2
        return self.low - step / 2, max(self.high, self.value + step / 2)  # a fall of 近5%: -5 to -4.5


    def last_digit_apart(self, other: Quantity) -> bool:
        """Both written to the same step and one step apart, the two at most a thousandth apart
        (of the larger): a bound on how far apart, not on how many digits, so it reads the same
        either way round (9.99% and 10.00%, 10.00% and 10.01% alike). Without a bound 1亿 and
        2亿 would be one figure (1.5亿 rounded and cut off)."""
        step = self.written_step()
        if step is None or step != other.written_step():
            return False
        return abs(self.value - other.value) == step and step * 1000 <= max(abs(self.value), abs(other.value))

    def rounds_with(self, other: Value) -> bool:
        """Whether both can be the one figure rounded or truncated at the precision each source wrote.

        A value written to step s may stand for anything in [v - s/2, v + s): rounded
        (half a step either side) or truncated (up to a step above; below, for a fall: `stands_for`). 5.146亿, 5.15亿
        and 5.14亿 all fit 5.146亿; 39.33% and 39.32% both fit 39.325%. Two figures written to one
        step, a step apart, are one figure only with three significant digits or more (the step
        a hundredth of the value or less): 32元 and 33元, or 1亿 and 2亿, are 3% and 50% apart,
        two figures an editor reads as different, though 32.7 cuts to one and rounds to the other."""
        if not isinstance(other, Quantity) or self.unit != other.unit:
            return False
        mine, theirs = self.written_step(), other.written_step()
        if mine is None or theirs is None:
            return False
        if mine == theirs and self.value != other.value and mine * 100 > max(abs(self.value), abs(other.value)):
            return False
        (my_low, my_high), (their_low, their_high) = self.stands_for(mine), other.stands_for(theirs)
        return my_low < their_high and their_low < my_high

    def stands_for(self, step: Decimal) -> tuple[Decimal, Decimal]:
        """What a figure written to `step` may stand for: rounded, half a step either side; cut off,
        up to a step further from zero, so a fall written 跌4.8% (-4.8) may be -4.86, never -4.75, and
        `sank 10%` (-10) is no 约8% fall (-7.2 to -8.8) cut off."""
        if self.value < 0:
            return self.value - step, self.value + step / 2
        return self.value - step / 2, self.value + step

    def mark(self) -> str:
        """How the value bounds the fact, sign-aware: 跌超五成 is <-50%, 近5% is ≈<5%, 50多亿 is >50亿."""
        if self.approx == "about":
            return "≈"
        if self.approx == "near":
            return "≈<" if self.value >= 0 else "≈>"
        if self.approx in ("over", "under"):
            return bound_mark((self.approx == "over") == (self.value >= 0), self.raw)
        return ""

    def shown_as_range(self) -> bool:
        """A range with both bounds (超3-5% keeps only its low bound and reads as >3%)."""
        return self.is_range and self.approx == "about" and self.low is not None and self.high is not None

    def agrees(self, other: Value, tolerance: Decimal = Decimal(0)) -> bool:
        """Whether two quantities can describe the same fact.

        Intervals must share more than a bound: 39.32% is [39.315, 39.325] and
        39.33% is [39.325, 39.335], and the two do not say the same thing.
        """
        if not isinstance(other, Quantity) or self.unit != other.unit:
            return False
        return intervals_overlap(self.claimed(), other.claimed(), tolerance)

    def claimed(self) -> tuple[Decimal | None, Decimal | None]:
        """The interval compared: a bound written to two significant digits or more (逾836亿,
        超560亿) says the figure is just above it, within the step of its last digit (836–837亿,
        560–570亿); a milestone named by a magnitude word alone (破百亿, 破万亿, 过亿) is the last one
        passed, below the next magnitude (破百亿: 100亿–1000亿, so it differs from 破万亿); a round
        threshold in digits (超100亿, 超4万) or with a count (破两万亿) stays open."""
        if self.approx != "over" or self.is_range or self.high is not None or self.low is None or self.value <= 0:
            return self.low, self.high
        written = _WRITTEN_NUMBER.search(self.raw)
        if written is None:
            return (self.low, self.value * 10) if _MILESTONE.search(self.raw) else (self.low, self.high)
        digits = written.group(0).replace(",", "").replace(".", "").lstrip("0").rstrip("0")
        if len(digits) < 2:
            return self.low, self.high
        number = Decimal(written.group(0).replace(",", ""))
        decimals = len(written.group(0).split(".")[1]) if "." in written.group(0) else 0
        step = self._with_zeros(abs(self.value) / number * Decimal(1).scaleb(-decimals)) if number else None
        return (self.low, None) if step is None else (self.low, self.value + step)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": "quantity", "display": self.display(), "raw": self.raw,
                "value": _decimal(self.value), "low": _decimal(self.low), "high": _decimal(self.high),
                "unit": self.unit, "approx": self.approx, "per": self.scale_text, "range": self.is_range}
        if self.unit_from:
            data["unit_from"] = self.unit_from
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(Decimal(data["value"]), _number(data["low"]), _number(data["high"]), data["unit"],
                   data["approx"], data["raw"], data["per"], data["range"], data.get("unit_from", ""))

    def topic_key(self) -> str:
        return self.unit


DatePrecision = Literal["day", "part-of-month", "month", "quarter", "half-year", "year", "range",
                        "fiscal-year", "fiscal-quarter"]


_MONTH_FIRST = re.compile(r"\s*[“\"「]?\s*\d{1,2}\s*月")
# the English month names, full and as newswires shorten them (Feb., Sept.; Sept before Sep, so a pattern
# tries the longer first): the one table, which normalize/english_dates.py reads dates with and the spans
# of days below are told by
ENGLISH_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
                  "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
                  "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
                  "oct": 10, "nov": 11, "dec": 12}
# a span of days as written: two days joined by 至/到/a dash (2月9日至12日, 10日-14日, 本周一至周二), or in
# English, a month's name beside them (Feb. 10-11, February 18 to 20, 10-11 February, Feb. 28-March 2; not
# 2024-2025年 nor 1-2月, spans of years and months): a name's first three letters, any after them
_MONTH_NAME = "(?:" + "|".join(dict.fromkeys(m[:3].capitalize() for m in ENGLISH_MONTHS)) + r")[a-z]*\.?"
_DAY_SPAN = compiled_on_use(r"(?:日|号|號)?\s*(?:至|到|-|–|—|~|～)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*(?:日|号|號)"
                            r"|(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]\s*(?:至|到|-|–|—|~|～)\s*(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]"
                            rf"|{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|—|(?i:to|through)\s)"
                            rf"|\d{{1,2}}\s*(?:-|–|—|(?i:to)\s)\s*\d{{1,2}}\s+{_MONTH_NAME}")


def _edge_against_span(a: DateValue, b: DateValue) -> bool | None:
    """A day that names the first (last) day of an event against another source's span of days:
    they agree when the span starts (ends) on that day. None when the pair is no such case: a day
    inside a span agrees with it (a summit held 9–12 February was held on the 10th), but a summit
    that *opens* on the 10th does not run from the 9th."""
    for day, span in ((a, b), (b, a)):
        if day.edge and not span.edge and span.day_span() and not day.day_span() and not day.open_ended():
            edge = span.start if day.edge == "first" else span.end
            return day.start <= edge <= day.end
    return None


@dataclass(frozen=True)
class DateValue:
    """A normalized date: the closed interval of days it may mean."""

    start: date
    end: date
    precision: DatePrecision
    raw: str
    time_of_day: str = ""  # 凌晨, 上午 … kept: it can move the date across time zones
    # "first"/"last": the day names a span's first or last day (开幕/闭幕 date it), so a span of days
    # another source writes is compared by that day alone (`周一开幕` vs `9日至12日召开`)
    edge: Literal["", "first", "last"] = ""
    # "local": a day on the place's own clock (当地时间2月12日), widened to the next day for Beijing's clock;
    # two such days compare as written
    clock: Literal["", "local"] = ""

    def display(self) -> str:
        if self.precision == "day":
            text = self.start.isoformat()
        elif self.precision == "month":
            text = self.start.strftime("%Y-%m")
        elif self.precision == "year":
            text = str(self.start.year)
        else:  # an open end (春节后: from 2025-02-04 on) is left blank
            text = f"{'' if self.start == date.min else self.start.isoformat()}.." \
                   f"{'' if self.end == date.max else self.end.isoformat()}"
        return f"{text} {self.time_of_day}".strip()

    def open_ended(self) -> bool:
        """Whether the date is a bound (春节后, 3月1日前): one end open, up to the calendar's."""
        return self.start == date.min or self.end == date.max

    def fiscal_label(self) -> tuple[int, int] | None:
        """(fiscal year, quarter or 0) of a fiscal value, None for a calendar one."""
        if self.precision == "fiscal-year":
            return self.start.year + 1, 0
        if self.precision == "fiscal-quarter":
            return self.start.year + (1 if self.start.month >= 2 else 2), (self.start.month - 2) % 12 // 3 + 1
        return None

    def agrees(self, other: Value, tolerance: Decimal = Decimal(0)) -> bool:
        """Whether two dates can be the same day: overlap at the coarser precision.

        Two fiscal periods are compared by their labels (FY2024 is not FY2025,
        whatever months each covers); a fiscal period and a calendar one by the
        widest span the fiscal label can name.
        """
        if not isinstance(other, DateValue):
            return False
        mine, theirs = self.fiscal_label(), other.fiscal_label()
        if mine and theirs:
            return mine[0] == theirs[0] and (0 in (mine[1], theirs[1]) or mine[1] == theirs[1])
        edged = _edge_against_span(self, other)
        if edged is not None:
            return edged
        if self.clock == other.clock == "local":  # 当地时间2月12日 vs 当地时间2月13日: one clock, two days
            return self.start <= other.end - timedelta(days=1) and other.start <= self.end - timedelta(days=1)
        if self.yearless() != other.yearless():  # “1月6日” vs 2021年1月6日: the year was never written
            dated, bare = (other, self) if self.yearless() else (self, other)
            moved = bare.in_year(dated.start.year)
            return moved is not None and moved.start <= dated.end and dated.start <= moved.end
        return self.start <= other.end and other.start <= self.end

    def day_span(self) -> bool:
        """Whether the text wrote a span of days (`2月9日至12日`, `10日至14日`): both ends are days."""
        return (self.precision == "range" and not self.open_ended() and self.start < self.end
                and _DAY_SPAN.search(self.raw) is not None)

    def yearless(self) -> bool:
        """Whether the text gave a month (and day) but no year (1月6日): its year is the reader's guess."""
        return self.precision in ("day", "month") and "年" not in self.raw and _MONTH_FIRST.match(self.raw) is not None

    def in_year(self, year: int) -> DateValue | None:
        """The same month and day in another year (None for 2月29日 in a year without it)."""
        try:
            return replace(self, start=self.start.replace(year=year), end=self.end.replace(year=year))
        except ValueError:
            return None

    def to_dict(self) -> dict[str, Any]:
        data = {"type": "date", "display": self.display(), "raw": self.raw,
                "start": self.start.isoformat(), "end": self.end.isoformat(),
                "precision": self.precision, "time_of_day": self.time_of_day}
        if self.edge:
            data["edge"] = self.edge
        if self.clock:
            data["clock"] = self.clock
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateValue:
        return cls(date.fromisoformat(data["start"]), date.fromisoformat(data["end"]), data["precision"],
                   data["raw"], data["time_of_day"], data.get("edge", ""), data.get("clock", ""))

    def topic_key(self) -> str:
        return ""


@dataclass(frozen=True)
class EntitySet:
    """The entities a source names in one role (canonical ids, sorted)."""

    members: tuple[str, ...]
    raw: str
    names: tuple[str, ...] = ()  # display names, aligned with members
    non_exhaustive: bool = False  # the list says it names only some (腾讯、阿里和字节跳动等, 包括…, 主要由…)

    def display(self) -> str:
        return "{" + ", ".join(self.names or self.members) + "}"

    def agrees(self, other: Value, tolerance: Decimal = Decimal(0)) -> bool:
        return isinstance(other, EntitySet) and self.members == other.members

    def to_dict(self) -> dict[str, Any]:
        return {"type": "set", "display": self.display(), "raw": self.raw, "members": list(self.members),
                "names": list(self.names), "non_exhaustive": self.non_exhaustive}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntitySet:
        return cls(tuple(data["members"]), data["raw"], tuple(data["names"]), bool(data.get("non_exhaustive", False)))

    def topic_key(self) -> str:
        return ""


@dataclass(frozen=True)
class StatusValue:
    """One labelled state out of the few a status rule declares. `joined`: the labels of the posts one
    title joins, this one among them (董事长兼总裁 with a state per post: chairman, president), else ()."""

    label: str
    raw: str
    joined: tuple[str, ...] = ()

    def display(self) -> str:
        return self.label

    def agrees(self, other: Value, tolerance: Decimal = Decimal(0)) -> bool:
        return isinstance(other, StatusValue) and self.label == other.label

    def to_dict(self) -> dict[str, Any]:
        shown = {"type": "status", "display": self.display(), "raw": self.raw, "label": self.label}
        return {**shown, "joined": list(self.joined)} if self.joined else shown

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatusValue:
        return cls(data["label"], data["raw"], tuple(data.get("joined") or ()))

    def topic_key(self) -> str:
        return ""


Bounds = tuple[Decimal | None, Decimal | None]  # (low, high); None is unbounded


def intervals_overlap(a: Bounds, b: Bounds, tolerance: Decimal = Decimal(0)) -> bool:
    """Whether two intervals share more than a bound once `a` is widened by `tolerance`
    on both sides: [39.315, 39.325] and [39.325, 39.335] do not say the same thing."""
    low = None if a[0] is None else a[0] - tolerance
    high = None if a[1] is None else a[1] + tolerance
    if low is not None and b[1] is not None and b[1] <= low:
        return False
    return high is None or b[0] is None or b[0] < high

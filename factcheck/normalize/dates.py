"""Dates as news writes them, resolved against the article's publish time.

Every date becomes a closed interval of days with a precision, so "1月底"
(21–31 Jan) agrees with both "1月28日" and "1月29日" while those two disagree:
comparison is interval overlap, which is comparison at the coarser precision.
Relative forms (本周二, 前一日, 去年12月, 两个多月前) need an anchor: the
publish date, or for 前一日/次日 the last date the sentence itself named.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from factcheck.normalize.numbers import parse_number
from factcheck.records import DateValue

_N = r"(?:\d{1,4}|[〇零一二两三四五六七八九十]{1,4})"
_YEAR = r"(?P<year>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*"
_REL_YEAR = r"(?P<rel_year>去年|今年|明年|(?<![税稅之以])前年|本年)\s*"
_TOD = r"(?P<tod>凌晨|清晨|早上|早间|上午|中午|午间|下午|傍晚|晚上|晚间|深夜|夜间)?"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_PARTS = {  # part of a month → (first day, last day or None for month end)
    "初": (1, 10), "上旬": (1, 10), "中": (11, 20), "中旬": (11, 20),
    "下旬": (21, None), "底": (21, None), "末": (21, None),
}
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
_REFERENCE_DAYS = {"前一日": -1, "前一天": -1, "前日": -1, "次日": 1, "翌日": 1, "第二天": 1,
                   "当日": 0, "当天": 0}

DATE_RE = re.compile(
    "|".join([
        rf"(?P<full>(?:{_YEAR}|{_REL_YEAR})?(?P<month>{_N})\s*月\s*(?P<day>{_N})\s*[日号]{_TOD})",
        rf"(?P<part_of_month>(?:{_YEAR.replace('year', 'pyear')}|{_REL_YEAR.replace('rel_year', 'prel')})?"
        rf"(?P<pmonth>{_N})\s*月(?:份)?(?P<part>上旬|中旬|下旬|初|中|底|末))",
        rf"(?P<year_month>(?:{_YEAR.replace('year', 'myear')}|{_REL_YEAR.replace('rel_year', 'mrel')})?"
        rf"(?P<mmonth>{_N})\s*月(?:份)?(?![\d日号]|度|季|薪))",
        r"(?P<rel_day>今天|今日|昨天|昨日|前天|明天|明日)",
        r"(?P<ref_day>前一日|前一天|前日|次日|翌日|第二天|当日|当天)",
        r"(?P<week>(?P<week_rel>本|这|上|下)?(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天]))",
        r"(?P<rel_week>本周|这周|上周|下周|本星期|上星期|下星期)(?![一二三四五六日天末])",
        r"(?P<rel_month>上个月|上月|本月|这个月|下个月|下月)",
        rf"(?P<ago>(?<!\d)(?P<ago_n>\d{{1,3}}|[〇零一二两三四五六七八九十]{{1,3}}|几|数)\s*个?(?P<ago_more>多)?"
        r"(?P<ago_unit>天|日|周|星期|月|年)(?P<ago_more2>多)?前(?![后後三两二一四半季]))",
        rf"(?P<year_only>(?:(?P<yyear>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年|(?P<yrel>去年|今年|明年|前年))"
        r"(?P<ypart>初|底|末|上半年|下半年)?(?!\d|财|度))",
    ])
)


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    value: DateValue


_T2S = str.maketrans("週當個號後禮", "周当个号后礼")  # one for one: offsets stay


def find_dates(text: str, anchor: date | None) -> list[DateSpan]:
    """Every date expression in `text`, resolved against `anchor`.

    Relative dates need the anchor; without one they are left out (never
    guessed). 前一日 and 次日 resolve against the last day the text named.
    """
    found: list[DateSpan] = []
    named: date | None = None  # the last day the text itself named
    text = text.translate(_T2S)
    for match in DATE_RE.finditer(text):
        if match.lastgroup == "week" and found and _restates(text, found[-1], match.start()):
            # 2月15日（星期六）: the weekday restates the date, never contradicts it
            value: DateValue | None = replace(found[-1].value, raw=match.group(0), time_of_day="")
        else:
            value = _resolve(match, anchor, named)
        if value is None:
            continue
        if value.precision == "day" and match.lastgroup != "ref_day":
            named = value.start
        found.append(DateSpan(match.start(), match.end(), value))
    return found


def _restates(text: str, previous: DateSpan, start: int) -> bool:
    return previous.value.precision == "day" and text[previous.end:start].strip() in ("（", "(", ",", "，", "")


def parse_date(text: str, anchor: date | None) -> DateValue | None:
    """Read `text` as exactly one date expression."""
    match = DATE_RE.fullmatch(text.strip().translate(_T2S))
    return _resolve(match, anchor, None) if match else None


def _int(text: str | None) -> int | None:
    if not text:
        return None
    parsed = parse_number(text)
    if parsed is None or parsed.value != parsed.value.to_integral_value():
        return None
    return int(parsed.value)


def _year(explicit: str | None, relative: str | None, anchor: date | None) -> int | None:
    if explicit:
        return _int(explicit)
    if relative:
        if anchor is None:
            return None
        return anchor.year + {"去年": -1, "前年": -2, "今年": 0, "本年": 0, "明年": 1}[relative]
    return None


def _closest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest the anchor (ties go to the past)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        last = calendar.monthrange(year, month)[1]
        distance = abs((date(year, month, min(day, last)) - anchor).days)
        candidates.append((distance, year > anchor.year, year))
    return min(candidates)[2]


def _month_interval(year: int, month: int, first: int = 1, last: int | None = None) -> tuple[date, date]:
    month_end = calendar.monthrange(year, month)[1]
    return date(year, month, first), date(year, month, min(last or month_end, month_end))


def _resolve(match: re.Match[str], anchor: date | None, reference: date | None) -> DateValue | None:
    kind = match.lastgroup
    raw = match.group(0)
    g = match.groupdict()
    try:
        if kind == "full":
            month, day = _int(g["month"]), _int(g["day"])
            if month is None or day is None or not 1 <= month <= 12:
                return None
            year = _year(g["year"], g["rel_year"], anchor)
            if year is None:
                if anchor is None:
                    return None
                year = _closest_year(month, day, anchor)
            when = date(year, month, day)
            return DateValue(when, when, "day", raw, g["tod"] or "")
        if kind == "part_of_month":
            month = _int(g["pmonth"])
            if month is None or not 1 <= month <= 12:
                return None
            year = _year(g["pyear"], g["prel"], anchor)
            if year is None:
                if anchor is None:
                    return None
                year = _closest_year(month, 15, anchor)
            first, last = _PARTS[g["part"]]
            start, end = _month_interval(year, month, first, last)
            return DateValue(start, end, "part-of-month", raw)
        if kind == "year_month":
            month = _int(g["mmonth"])
            if month is None or not 1 <= month <= 12:
                return None
            year = _year(g["myear"], g["mrel"], anchor)
            if year is None:
                if anchor is None:
                    return None
                year = _closest_year(month, 15, anchor)
            start, end = _month_interval(year, month)
            return DateValue(start, end, "month", raw)
        if kind == "rel_day":
            if anchor is None:
                return None
            when = anchor + timedelta(days=_RELATIVE_DAYS[raw])
            return DateValue(when, when, "day", raw)
        if kind == "ref_day":
            if reference is None and raw in ("当日", "当天"):
                reference = anchor  # "that day", with no day named, is the day of writing
            if reference is None:
                return None  # 次日 of what? only a day the text named can tell
            when = reference + timedelta(days=_REFERENCE_DAYS[raw])
            return DateValue(when, when, "day", raw)
        if kind == "week":
            if anchor is None:
                return None
            return _weekday(raw, g["week_rel"], _WEEKDAYS[g["weekday"]], anchor)
        if kind == "rel_week":
            if anchor is None:
                return None
            shift = -7 if raw[0] == "上" else 7 if raw[0] == "下" else 0
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=shift)
            return DateValue(monday, monday + timedelta(days=6), "range", raw)
        if kind == "rel_month":
            if anchor is None:
                return None
            shift = -1 if raw in ("上个月", "上月") else 1 if raw in ("下个月", "下月") else 0
            year, month = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
            start, end = _month_interval(year, month + 1)
            return DateValue(start, end, "month", raw)
        if kind == "ago":
            return _ago(g, raw, anchor)
        if kind == "year_only":
            year = _year(g["yyear"], g["yrel"], anchor)
            if year is None or not 1000 <= year <= 2999:
                return None
            return _year_part(year, g["ypart"], raw)
    except ValueError:  # 2月30日 and the like: not a date
        return None
    return None


def _weekday(raw: str, relative: str | None, weekday: int, anchor: date) -> DateValue:
    monday = anchor - timedelta(days=anchor.weekday())
    if relative == "上":
        monday -= timedelta(days=7)
    elif relative == "下":
        monday += timedelta(days=7)
    when = monday + timedelta(days=weekday)
    if relative is None and when > anchor:  # a bare 周五 leans to the past
        when -= timedelta(days=7)
    return DateValue(when, when, "day", raw)


def _ago(g: dict[str, str | None], raw: str, anchor: date | None) -> DateValue | None:
    if anchor is None:
        return None
    vague = g["ago_n"] in ("几", "数")
    count = 3 if vague else _int(g["ago_n"])
    if count is None:
        return None
    more = bool(g["ago_more"] or g["ago_more2"]) or vague
    unit = g["ago_unit"]
    if unit in ("天", "日"):
        when = anchor - timedelta(days=count)
        if more:
            return DateValue(when - timedelta(days=count), when, "range", raw)
        return DateValue(when, when, "day", raw)
    if unit in ("周", "星期"):
        start = anchor - timedelta(days=7 * (count + (1 if more else 0)))
        return DateValue(start, anchor - timedelta(days=7 * count) + timedelta(days=3), "range", raw)
    months = count * 12 if unit == "年" else count
    # 两个多月前: between two and three months back; 两个月前: around two months back
    far = _shift_months(anchor, -(months + 1)) if more else _shift_months(anchor, -months) - timedelta(days=15)
    near = _shift_months(anchor, -months) if more else _shift_months(anchor, -months) + timedelta(days=15)
    return DateValue(far, near, "range", raw)


def _shift_months(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _year_part(year: int, part: str | None, raw: str) -> DateValue:
    if part in ("底", "末"):
        return DateValue(date(year, 10, 1), date(year, 12, 31), "part-of-month", raw)
    if part == "初":
        return DateValue(date(year, 1, 1), date(year, 3, 31), "part-of-month", raw)
    if part == "上半年":
        return DateValue(date(year, 1, 1), date(year, 6, 30), "half-year", raw)
    if part == "下半年":
        return DateValue(date(year, 7, 1), date(year, 12, 31), "half-year", raw)
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", raw)


def dates_overlap(a: DateValue, b: DateValue) -> bool:
    """Whether two dates can be the same day: overlap at the coarser precision."""
    return a.start <= b.end and b.start <= a.end

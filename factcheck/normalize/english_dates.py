"""English dates, read to the same intervals as the Chinese ones (normalize/dates.py).

English newswires write `Feb. 12, 2025`, `December 31, 2024`, `in March 2024`, `mid-2023`,
`Wednesday` (a day of the week the story is about: the most recent one on or before the publish
day, as a reader of a wire story takes it, unless its clause says it is to come: `will take place
on Tuesday`) and `last week`. Each becomes the interval the Chinese
form of the same date does: `Feb. 12` as 2月12日 (the year nearest the anchor), `March 2024` as
2024年3月, `mid-2023` as 2023年年中 (May–August), `early 2024` as 年初, `late 2024` as 年底,
`last week` as 上周. A weekday right before a day it names (`Wednesday, Feb. 12, 2025`) is read
with that day, as 2月12日（周三） is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.patterns import compiled_on_use
from factcheck.values import ENGLISH_MONTHS, DateValue

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# a part of a year before it, as the Chinese 年初 / 年中 / 年底 read: first and last month
YEAR_PARTS = {"early": (1, 3), "mid": (5, 8), "late": (10, 12), "end of": (10, 12), "the end of": (10, 12),
              "beginning of": (1, 3), "the beginning of": (1, 3), "the start of": (1, 3), "start of": (1, 3),
              "the middle of": (5, 8), "middle of": (5, 8)}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_WEEKS = {"last week": -7, "this week": 0, "next week": 7}

# `May` alone is too often the verb: a month name without a period is read only before a day or a year. The
# names are the month table's (values.ENGLISH_MONTHS): its first twelve in full, the others abbreviated, a
# period after them or not
_FULL_MONTHS = tuple(ENGLISH_MONTHS)[:12]
_SHORT_MONTHS = tuple(ENGLISH_MONTHS)[12:]
_MONTH_WORD = ("(?P<{name}>(?:" + "|".join(m.capitalize() for m in _FULL_MONTHS) + ")|(?:"
               + "|".join(m.capitalize() for m in _SHORT_MONTHS) + r")\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d{2}"
_PART = "|".join(re.escape(p) for p in sorted(YEAR_PARTS, key=len, reverse=True) if p != "mid")
# led by the class of what a date starts with (a letter, a digit, or a letter whose case folds to a Latin one, which
# the (?i:…) words match): `re` tries the alternatives only at such a character (≈3× faster, the same dates)
_PATTERN = re.compile(
    "(?=[A-Za-z0-9\u0130\u0131\u017f\u212a])"
    r"(?<![A-Za-z0-9])(?:"
    rf"(?:(?P<lead_wd>{_WEEKDAY}),?\s+)?"
    rf"(?:{_MONTH_WORD.format(name='md_month')}\s+(?P<md_day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:,?\s+(?P<md_year>{_YEAR}))?"
    rf"|(?P<dm_day>[1-9]|[12]\d|3[01])\s+{_MONTH_WORD.format(name='dm_month')}(?:,?\s+(?P<dm_year>{_YEAR}))?)"
    rf"|{_MONTH_WORD.format(name='my_month')},?\s+(?P<my_year>{_YEAR})"
    rf"|(?P<part>(?i:{_PART})\s+|(?i:mid)-?)(?P<part_year>{_YEAR})"
    rf"|(?P<weekday>{_WEEKDAY})"
    r"|(?P<rel_week>(?i:last|this|next)\s+week)"
    r"|(?P<rel_day>(?i:today|yesterday|tomorrow))"
    rf"|(?P<year_lead>(?i:in|since|during|by|until|through|from)\s)(?P<year>{_YEAR})"
    r")(?![A-Za-z0-9])")
_HINT = re.compile(r"[A-Za-z]{3}")
_DAY = r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
# a span of days, read as its first day to its last, as 2月10日至11日 is: `Feb. 10-11`, `February 18 to 20`,
# `April 25-30, 2025`, `10-11 February`, `Feb. 28-March 2`, `between February 8 and 9` (`and` only after
# `between`: `Feb. 12 and 13, respectively` are two days)
_SPAN = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    rf"{_MONTH_WORD.format(name='s_month')}\s+(?P<s_d1>{_DAY})\s*(?P<s_sep>-|–|—|(?i:to|through|and)\s)\s*"
    rf"(?:{_MONTH_WORD.format(name='s_month2')}\s+)?(?P<s_d2>{_DAY})(?![\d:])(?:,?\s+(?P<s_year>{_YEAR}))?"
    rf"|(?P<t_d1>{_DAY})\s*(?:-|–|—|(?i:to)\s)\s*(?P<t_d2>{_DAY})\s+{_MONTH_WORD.format(name='t_month')}"
    rf"(?:,?\s+(?P<t_year>{_YEAR}))?"
    r")(?![A-Za-z0-9])")
# what every span holds: a day, a joining dash or word, a day (found faster than _SPAN is tried)
_SPAN_HINT = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:[-–—]|to\s|through\s|and\s)\s*(?:[A-Z][a-z]+\.?\s+)?\d")
_BETWEEN = compiled_on_use(r"(?i:between)\s+$")
# the English verbs of rescheduling, every form, as the one list (normalize/dates.MOVE_VERBS are the Chinese):
# before `from Feb. 10 to Feb. 20` they make a move from one day to another, not a span, and kinds/date.py
# reads the day it reaches
MOVE_VERBS_EN = (r"push|pushe[sd]|mov(?:e|es|ed)|delay(?:s|ed)?|postpone[sd]?|reschedule[sd]?|shift(?:s|ed)?"
                 r"|brought|bring(?:s)?|advance[sd]?")
_MOVED = compiled_on_use(rf"\b(?:{MOVE_VERBS_EN})\b[^.;:!?]*$", re.IGNORECASE)


# the words before a date in its clause that say it is past or to come, as normalize/dates.py's _tense reads
# the Chinese ones (此前, 已于 / 将于, 计划在): `will`, `is set to`, `scheduled for`, `due on`, `plans to`; `since`,
# `earlier`, `already`, a past `was`/`had`/`did`. A bare weekday or a month and day with no year takes the
# direction told (dates.py's _weekday and _as_told, the Chinese reader's own); told both ways or not at all,
# it keeps its default (a weekday on or before the anchor, a month and day the nearest).
_FUTURE_BEFORE = compiled_on_use(r"\b(?:will|won't|shall|(?:is|are|was|were)\s+(?:set|scheduled|slated|due|expected|going)\s+to"
                                 r"|(?:set|scheduled|slated|due|planned)\s+(?:for|on)|plans?\s+to|aims?\s+to)\b", re.IGNORECASE)
_PAST_BEFORE = compiled_on_use(r"\b(?:since|earlier|previously|already|had|was|were|did)\b", re.IGNORECASE)
# where the words that tell a date's tense start: its clause (a closing quote ends a quoted one: `…will lead
# to more use," said Altman in a February 9 blog post`), a that-clause of its own (`said earlier this month
# that … the April 26 gala`), an event of its own after `following` or `after` (`This will only deepen the
# nervous sentiment following the bruising day on Friday`: a Friday past), or right after the date before it
# (`set for a rocky open on Monday, after Wall Street's selloff on Friday`: `set for` is Monday's)
_TENSE_START = compiled_on_use(r"[.;:!?,][\"”’']?\s|\b(?:that|following|after)\b", re.IGNORECASE)


def _tense(text: str, start: int, since: int) -> str:
    """"past", "future" or "" for a date at text[start:], from the words before it back to `since` (the
    end of the date before it) or the start of its clause."""
    begin = max((m.end() for m in _TENSE_START.finditer(text, since, start)), default=since)
    before = text[begin:start]
    past, future = _PAST_BEFORE.search(before) is not None, _FUTURE_BEFORE.search(before) is not None
    if past == future:
        return ""
    return "past" if past else "future"


def find_english_dates(text: str, anchor: date | None) -> list[tuple[int, int, DateValue]]:
    """(start, end, value) of every English date in `text`; relative ones need the anchor."""
    if not _HINT.search(text):
        return []
    found = _spans(text, anchor)
    for match in _PATTERN.finditer(text):
        if any(start < match.end() and match.start() < end for start, end, _ in found):
            continue  # a day of a span read whole
        # the tense is read back to the date before this one: a span read first may stand after it
        since = max((end for _, end, _ in found if end <= match.start()), default=0)
        value = _resolve(match, anchor, _tense(text, match.start(), since))
        if value is not None:
            start = match.start("year") if match.group("year") else match.start()
            found.append((start, match.end(), value))
    return sorted(found, key=lambda span: span[0])


def _spans(text: str, anchor: date | None) -> list[tuple[int, int, DateValue]]:
    """(start, end, value) of each span of days (`Feb. 10-11`, `10-11 February`): the first day to the
    last, the year written or, as for a single day, the one nearest the anchor that the clause's tense
    allows; none that runs backwards or over more than two months, nor a move (`moved from Feb. 10 to Feb. 20`)."""
    from factcheck.normalize.dates import _as_told  # deferred: dates.py imports this module

    found: list[tuple[int, int, DateValue]] = []
    if not _SPAN_HINT.search(text):
        return found
    for match in _SPAN.finditer(text):
        words = match.group("s_sep")
        if words is not None and words.strip().lower() == "and" and not _BETWEEN.search(text, 0, match.start()):
            continue
        if words is not None and words.strip().lower() == "to" and _MOVED.search(text, 0, match.start()):
            continue
        month = _month(match.group("s_month") or match.group("t_month"))
        month2 = _month(match.group("s_month2")) if match.group("s_month2") else month
        first, last = (int(re.sub(r"\D", "", match.group(g) or "0")) for g in (("s_d1", "s_d2") if match.group("s_month")
                                                                                  else ("t_d1", "t_d2")))
        year_text = match.group("s_year") or match.group("t_year")
        try:
            if year_text:
                start = date(int(year_text), month, first)
            elif anchor is not None:
                start = _nearest(month, first, anchor)
            else:
                continue
            end = date(start.year + (1 if month2 < month else 0), month2, last)
        except ValueError:  # Feb. 28-30: no span
            continue
        if not start < end <= start + timedelta(days=62):
            continue
        value = DateValue(start, end, "range", match.group(0))
        if not year_text and anchor is not None:
            value = _as_told(value, _tense(text, match.start(), found[-1][1] if found else 0), anchor)
        found.append((match.start(), match.end(), value))
    return found


def _month(word: str) -> int:
    return ENGLISH_MONTHS[word.rstrip(".").lower()]


def _resolve(match: re.Match[str], anchor: date | None, tense: str) -> DateValue | None:
    """The date of `match`; a weekday, or a month and day without a year, as its clause's `tense` tells
    (by the Chinese reader's own functions: one reading of past and coming for both languages)."""
    from factcheck.normalize.dates import _as_told, _weekday  # deferred: dates.py imports this module

    raw = match.group(0)
    try:
        if match.group("md_month") or match.group("dm_month"):
            month = _month(match.group("md_month") or match.group("dm_month"))
            day = int(match.group("md_day") or match.group("dm_day"))
            year_text = match.group("md_year") or match.group("dm_year")
            if year_text:
                when = date(int(year_text), month, day)
            elif anchor is not None:
                when = _nearest(month, day, anchor)
                return _as_told(DateValue(when, when, "day", raw), tense, anchor)
            else:
                return None
            return DateValue(when, when, "day", raw)
        if match.group("my_month"):
            year, month = int(match.group("my_year")), _month(match.group("my_month"))
            return DateValue(date(year, month, 1), _month_end(year, month), "month", raw)
        if match.group("part_year"):
            year = int(match.group("part_year"))
            part = " ".join(match.group("part").rstrip("- ").lower().split())
            first, last = YEAR_PARTS[part]
            return DateValue(date(year, first, 1), _month_end(year, last), "part-of-month", raw)
        if match.group("year"):
            year = int(match.group("year"))
            return DateValue(date(year, 1, 1), date(year, 12, 31), "year", match.group("year"))
    except ValueError:  # Feb. 30: no date
        return None
    if anchor is None:
        return None
    if match.group("weekday"):  # the most recent one on or before the anchor; of a coming event the next one on or after
        return _weekday(raw, None, WEEKDAYS[match.group("weekday").lower()], anchor, forward=tense == "future")
    if match.group("rel_week"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=RELATIVE_WEEKS[" ".join(raw.lower().split())])
        return DateValue(monday, monday + timedelta(days=6), "range", raw)
    when = anchor + timedelta(days=RELATIVE_DAYS[raw.lower()])
    return DateValue(when, when, "day", raw)


def _month_end(year: int, month: int) -> date:
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def _nearest(month: int, day: int, anchor: date) -> date:
    """The day of that month and day nearest the anchor, chosen as `2月12日` is (normalize/dates.py
    `_closest_year`: ties go to the past, a year without 29 February is passed over)."""
    from factcheck.normalize.dates import _closest_year  # deferred: dates.py imports this module

    return date(_closest_year(month, day, anchor), month, day)

"""The time of day a daily figure was read at: part of its day (docs/rules.md, "The day").

A share price 截至9点53分 and the close of the same day (收报28.94元) are two
different facts, not a disagreement. So the day of a claim carries the time its
sentence states before the value, nearest first: a clock time (9点53分, 9:53,
上午10时 → `09:53`, `10:00`) or a session word (收盘 → `close`, 盘中/截至发稿 →
`intraday`, 开盘 → `open`, 盘前 → `premarket`, 盘后 → `after-hours`). Two values
of one day compare only when both state the same time or neither states one;
otherwise they are context, shown side by side. A rule that declares its own
`session` qualifier reads session words there, so only clock times join its day.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from factcheck.kinds.sentence import Sentence
from factcheck.normalize.dates import TIME_OF_DAY_WORDS, on_the_clock
from factcheck.patterns import compiled_on_use
from factcheck.records import ContextValue

DAY_CLOSE = time(16)  # the close of the Hong Kong and New York markets, in their own time zones
DAY_OPEN = time(9, 30)  # their open (and Shanghai's and Shenzhen's)
# the first close of the markets a day's clock may be of (Shanghai and Shenzhen close at 15:00): a close word
# written after the open and before it is no close of that day (close_word_too_early)
FIRST_CLOSE = time(15)
EXTREMES = ("high", "low")  # qualifier values that name a day's extreme so far (docs/rules.md, "A day's high or low")

_DIGITS = r"\d{1,2}|[零〇一二两兩三四五六七八九十]{1,3}"
_HALF_DAY = TIME_OF_DAY_WORDS  # the text is folded: Simplified words only
# 9:53, 9点53分, 上午10时, 10时30分, 九点半; not 上涨30点 (index points) nor 24小时
_CLOCK = re.compile(
    rf"(?P<half>{_HALF_DAY})?(?<![\d.])(?P<hour>{_DIGITS})\s*"
    rf"(?:[:：]\s*(?P<colon>\d{{2}})(?![\d%])|[点點时時]\s*(?:(?P<minute>{_DIGITS})\s*分|(?P<halfhour>半)))"
    rf"|(?P<half2>{_HALF_DAY})(?P<hour2>{_DIGITS})\s*[点點时時](?![期间間代])")

# words that date a figure at the time of writing (a session word too: during the day); with AS_OF_NOW
# below, the words day_reading.py's as-of-now words are built from
AS_OF_WRITING = ("截至发稿", "截至發稿", "截止发稿", "截止發稿", "发稿时", "發稿時", "截稿时", "截稿時")

# session words, longest first so that 收盘价 and 盘中 are not read as 盘
_SESSIONS = (
    ("close", ("收盘", "收盤", "收市", "收报", "收報", "收涨", "收漲", "收跌", "收升", "尾市收", "尾盘", "尾盤")),
    ("intraday", ("盘中", "盤中", "早盘", "早盤", "午盘", "午盤", "午间", "午間", "午后", "午後", *AS_OF_WRITING, "盘初", "盤初")),
    # 开报 quotes the open as 收报 the close (早盘开报10港元: the open, though 早盘 names the morning session);
    # 平开 opens flat as 高开/低开 open up/down
    ("open", ("开盘", "開盤", "开报", "開報", "高开", "高開", "低开", "低開", "平开", "平開", "开市", "開市")),
    ("premarket", ("盘前", "盤前")),
    ("after-hours", ("盘后", "盤後", "夜盘", "夜盤")),
)
# 收 + a direction (收涨, 收跌, 收升 above; 收高, 收低 here) is the verb of a close. 高 and 低 also open
# compounds after a 收 that ends another word (营收高达, 征收高额, 固收高息), so 收高/收低 is the close only
# where it ends its phrase: right before the value, a qualifier, a clause mark or the text read
# (罗宾汉证券收高14.11%, 油价上周五收高，, 美国期金收高0.4%).
_CLOSE_HIGH_LOW = r"收[高低](?=[\d.+\-−约近逾超，,。；;、\s]|$)"
_SESSION_WORD = compiled_on_use("|".join([*sorted((re.escape(w) for _, words in _SESSIONS for w in words),
                                                  key=len, reverse=True), _CLOSE_HIGH_LOW]))
_SESSION_OF = {w: name for name, words in _SESSIONS for w in words} | {"收高": "close", "收低": "close"}
_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def with_time_of_day(day: ContextValue, s: Sentence, offset: int, sessions: bool = True,
                     start: int = 0) -> ContextValue:
    """`day` with the time its sentence states before the value at `offset` (`2025-02-14 09:53`,
    `2025-02-13 close`), from `start` on; unchanged when no time is stated or no day is known.
    Without `sessions` (a rule that reads its own `session` qualifier) only clock times count."""
    if not day.value:
        return day
    found = time_before(s.text, max(start, _statement_start(s.text, offset)), offset, sessions)
    if found is None:
        return day
    label, words = found
    return ContextValue("day", f"{day.value} {label}", f"{day.evidence} {words}".strip(), day.inferred)


# as of writing: the session words for it, "so far" (截至目前: no market session, so no session word),
# and a price quoted now (现报, 现价, 暂报); the text is folded
AS_OF_NOW = ("截至目前", "截止目前", "截至当前", "目前为止", "迄今为止")
# a price quoted as of now (现报, 暂报, 最新报11.4港元): no session word before it (开报, 收报) is its own
QUOTED_NOW = ("现报", "现价", "暂报", "最新报")
_PRESS_TIME = re.compile("|".join((*AS_OF_WRITING, *AS_OF_NOW, *QUOTED_NOW)))
_QUOTED_NOW = re.compile("|".join(QUOTED_NOW))


def press_time(text: str, offset: int) -> str:
    """The words by which the sentence says, before the value at `offset`, that it is as of writing
    (截至发稿, 截至目前, 现报); "" when it does not."""
    found = _PRESS_TIME.search(text, 0, offset)
    return found.group(0) if found else ""


def as_of_writing(published: datetime | None, zone: str, words: str = "截至发稿") -> ContextValue:
    """The day and minute a source wrote, for a state it says holds as of writing (截至发稿，……暂未上线;
    截至目前，……均未回应): another source's state hours later is another reading, not a contradiction."""
    if published is None:
        return ContextValue("day", "", "")
    local = published.astimezone(ZoneInfo(zone)) if zone else published
    return ContextValue("day", f"{local.date().isoformat()} as of {local:%H:%M}", f"published {local:%H:%M}; {words}",
                        inferred=True)


def as_of_publish(day: ContextValue, published: datetime | None, zone: str,
                  hours: tuple[time, time] = (time(0), DAY_CLOSE)) -> ContextValue:
    """A day that states no time, in an article published before that day's close, as of the publish time.

    The day was not over when the source wrote: its figure is a snapshot (百度曾升最多5.68%
    at 10:31 and, the next day, 最高一度上漲7.9% are two readings of the day's high, not a
    clash). Two snapshots compare only when taken at the same minute (or equal: compare.still_snapshots); a reading published
    after the close (16:00 in the day's time zone, when the Hong Kong and New York markets
    have closed) is the day's, as is a bare date, and a stated time (close, 9:53) is its own.
    `hours`: when in the day the figure was still moving (a running session's, `press_snapshot`)."""
    if published is None or len(day.value) != len("2025-02-13"):
        return day
    local = published.astimezone(ZoneInfo(zone)) if zone else published
    if local.date().isoformat() != day.value or not hours[0] <= local.time() < hours[1]:
        return day
    return ContextValue("day", f"{day.value} as of {local:%H:%M}",
                        f"{day.evidence}; published {local:%H:%M}".lstrip("; "), day.inferred)


# A session that goes on for hours, by the word that names it, and the minutes of the day (in the
# market's own time zone) it runs: a figure of it written while it ran is a reading of that minute.
# The Hong Kong and New York markets open at 9:30 and close at 16:00 (the morning session ends at
# 12:00; US after-hours trading ends at 20:00). A word naming a moment (开盘, 收盘, 午间: the morning's
# close) or a session of another clock (夜盘, a night session past midnight) names no running session;
# the press time (截至发稿) is the publish time whenever written before the close.
_RUNNING = (
    (("盘前", "盤前"), time(0), time(9, 30)),
    (("早盘", "早盤"), time(9, 30), time(12)),
    (("盘中", "盤中", "午后", "午後", "盘初", "盤初"), time(9, 30), DAY_CLOSE),
    (("盘后", "盤後"), DAY_CLOSE, time(20)),
)
_RUNS = {word: (start, end) for words, start, end in _RUNNING for word in words}


def press_snapshot(day: ContextValue, timed: ContextValue, published: datetime | None,
                   zone: str) -> ContextValue:
    """A figure of a session still running when its source wrote, as of the publish time.

    截至发稿，伦敦金现最高涨至2895.7美元 (`timed` read it as `intraday`), 盘前涨7.64% written at 04:37
    New York time, 盘中涨幅一度接近12% at 14:22: the session was not over, so the figure is a snapshot
    like a figure that states no time (docs/rules.md, "A snapshot"), and 盘前涨超11% written at 09:07
    is a later reading, not a clash. The press time (截至发稿) is the publish time whenever written
    before the close. `day` is the day before its time was read; otherwise `timed` is kept (a copy
    published after the session still says `premarket`, `intraday`)."""
    word = timed.evidence.rpartition(" ")[2]
    hours = (time(0), DAY_CLOSE) if timed.evidence.endswith(AS_OF_WRITING) else _RUNS.get(word) or (
        (DAY_OPEN, FIRST_CLOSE) if is_close_word(word) else None)
    if hours is None:
        return timed
    snapshot = as_of_publish(day, published, zone, hours)
    if snapshot is day:
        return timed
    return ContextValue("day", snapshot.value, f"{timed.evidence}; {snapshot.evidence.rpartition('; ')[2]}",
                        day.inferred)


def is_close_word(word: str) -> bool:
    """Whether `word` (folded) is a built-in word of the close: 收报, 收市, 收盘, 收高 …"""
    return _SESSION_OF.get(word) == "close"


def close_word_too_early(day: ContextValue, published: datetime | None, zone: str) -> bool:
    """Whether a close word (收报, 收市) of `day` was written before that day's close could be known: by a
    source published that day after the open (9:30) and before the first market closed (15:00), on the
    market's clock. 明報's 12:25 midday report writes 恒生科技指數收報5360點 for the morning session's
    close; the day closed at 5235.28. Such a figure is a reading as of the publish time (docs/rules.md,
    "The time of day"). Before the open a close word names the last close (隔夜, the US close read in
    Beijing the next morning), which its sentence dates; from 15:00 on it may be the day's own."""
    if published is None or len(day.value) != len("2025-02-13"):
        return False
    local = published.astimezone(ZoneInfo(zone)) if zone else published
    return local.date().isoformat() == day.value and DAY_OPEN <= local.time() < FIRST_CLOSE


def time_before(text: str, begin: int, end: int, sessions: bool = True) -> tuple[str, str] | None:
    """The last clock time (or session word) in text[begin:end]: (label, the words read)."""
    marks: list[tuple[int, str, str]] = []
    for m in _CLOCK.finditer(text, begin, end):
        label = _clock_label(m)
        if label:
            marks.append((m.end(), label, m.group(0)))
    if sessions:
        # a price quoted now (最新报) ends what a session word before it said (开报10.2港元，……，最新报11.4港元);
        # a clock time stays (北京时间10:59，美元指数现报107.98 is 10:59's)
        now = max((m.end() for m in _QUOTED_NOW.finditer(text, begin, end)), default=begin)
        marks.extend((m.end(), _SESSION_OF[m.group(0)], m.group(0)) for m in _SESSION_WORD.finditer(text, now, end))
    if not marks:
        return None
    _, label, words = max(marks)
    return label, words


def _statement_start(text: str, offset: int) -> int:
    """A ；ends one statement: a time before it is another statement's."""
    return max((i + 1 for i, ch in enumerate(text[:offset]) if ch in "；;"), default=0)


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)
    return _NUMERALS.get(text, -1)


def _clock_label(m: re.Match[str]) -> str:
    half = m.group("half") or m.group("half2") or ""
    hour = _number(m.group("hour") or m.group("hour2"))
    minute_text = m.group("colon") or m.group("minute")
    minute = 30 if m.group("halfhour") else _number(minute_text) if minute_text else 0
    return on_the_clock(hour if 0 <= hour <= 23 else None, minute, half)

"""A dateline (财联社2月12日讯, C114讯 北京时间2月13日下午消息, 新华社北京2月11日电): the day a report
was written, not the day of what it tells.

So no event is dated by it (`C114讯 北京时间2月13日下午消息……欧盟委员会……承诺` tells of the summit two
days before): a date rule reads it only when the sentence names no other date, and then as a bound,
on or before that day. A value no date of its own reaches takes the day the report was written, the
article's dateline, rather than the publish time of a later copy (qq's copy of a 财联社 report); the
same for every sentence, so one paragraph's claims never get two days from one dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import islice

from factcheck.normalize.dates import DateSpan, find_dates

# what may stand before the date: a flash's 【headline】 (【富国银行认为…提振美元】财联社2月13日电, of any length),
# then the outlet's name, its place, whose clock (北京时间) with no clause break: at most 14 characters over
# bulk (据外媒《华尔街日报》当地时间10日消息), 24 leaves room (benchmarks/thresholds.py)
HEADLINE = r"【[^【】]*】"  # a flash's headline: not counted in the opening's length
OPENING_LENGTH = 24  # the characters the outlet's name, its place and clock may take
_OPENING = re.compile(rf"(?:{HEADLINE}\s*)?[^，,。；;：:！？!?【】]{{0,{OPENING_LENGTH}}}")
# what follows it: the mark of a dateline (matched in folded text: 訊 is 讯, 電 电); 电 only as a word of its
# own (新华社北京2月11日电 （记者…）), never the first character of one (2月10日电动车销量, 2月10日电话会议)
_MARK = re.compile(r"\s*(?:讯|电(?![\u4e00-\u9fff])|消息)")


def dateline_of(text: str, dates: list[DateSpan]) -> DateSpan | None:
    """The opening date of a sentence (`text` folded, `dates` its dates) when it is a dateline: a day,
    after at most a flash's headline and an outlet's name, followed by 讯, 电 (not opening a word: 电动车)
    or 消息."""
    first = dates[0] if dates else None
    if (first is None or first.value.precision != "day" or not _OPENING.fullmatch(text, 0, first.start)
            or not _MARK.match(text, first.end)):
        return None
    return first


def is_its_mark(text: str, dateline: DateSpan, offset: int) -> bool:
    """Whether a cue at `offset` is part of the dateline (its mark 讯, 日消息, or the outlet's 讯 of
    `C114讯 2月13日消息`): a rule about the report's day. Before the date only a mark word is: a cue
    inside the outlet's name (财经 of `智通财经2月13日讯`) is no word about the report's day."""
    mark = _MARK.match(text, dateline.end)
    if mark is None or offset >= mark.end():
        return False
    return offset >= dateline.start or _MARK.match(text, offset) is not None


# the sentences a report's dateline may open: a summary line, a source line (来源：海外网), then the body's
# first. Over bulk 232 of 237 datelines in the first six sentences stand within 3; the 5 further on are
# another outlet's, quoted in a commentary or a research digest (benchmarks/thresholds.py)
REACH = 3


def report_dateline(opening: Iterable[tuple[str, str]], anchor: date | None) -> DateSpan | None:
    """The article's dateline: that of the first of its sentences after the title (each given as its
    folded and plain text, kinds/matching.py) within `REACH` that opens with one. Read before the
    sentences are built, so each is built with it (kinds/sentence.py)."""
    for folded, plain in islice(opening, REACH):
        if _MARK.search(folded) is None:
            continue  # no mark, no dateline: the sentence's dates are not read twice
        found = dateline_of(folded, find_dates(plain, anchor))
        if found is not None:
            return found
    return None

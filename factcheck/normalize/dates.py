"""Dates as news writes them, resolved against the article's publish time.

Every date becomes a closed interval of days with a precision, so "1月底"
(21–31 Jan) agrees with both "1月28日" and "1月29日" while those two disagree:
comparison is interval overlap, which is comparison at the coarser precision.
Relative forms (本周二, 前一日, 去年12月, 两个多月前, 本月底) need an anchor:
the publish date, or for 前一日/次日 the last date the sentence itself named.

What is read (precision in brackets):

- days: 2025年2月12日, 二〇二五年二月十三日, 15年3月2日, 2025-02-12, 2019/4/19,
  今天/昨日/前天, 本周二/上周五, 下月23日, a bare 11日 (the nearest such day)
  [day]; a time of day after any of them (凌晨, 晚间, 晚; 今晨, 昨晚) is kept,
  never shifted
- ranges: 1月28日至30日, 2025年1月28日至2月3日, 4月12-19日, 1-2月, 2008年—2018年,
  前三季度, 上周/下周, N天前 and the like [range]
- parts of months: 月初/上旬 (1–10), 月中/中旬 (11–20), 月底/月末/下旬 (21–end),
  中下旬, 上中旬, also of relative months (本月底, 上月初, 下个月中旬) [part-of-month]
- months, quarters (第四季度, 四季度, Q4, 4Q24, 2024Q4, 去年12月季度 = the
  quarter ending in December) [month, quarter]; halves (上半年, H1) [half-year];
  parts of years (年初 = Jan–Mar, 年中 = May–Aug, 年底/年末 = Oct–Dec, also
  2024年年初, 去年年底) [part-of-month]; years, decades (80年代) [year, range]
- company fiscal years (2024财年, FY24, 2025财年第一季度) stay labelled
  [fiscal-year, fiscal-quarter]: their interval is every calendar span the
  label can name (a fiscal year N may start as early as February N-1 and end
  as late as March N+1), and two fiscal periods are compared by label.
- a few fixed holidays and the Spring Festival days (元旦, 国庆, 除夕, 大年初一,
  春节 = its holiday week; table for 2000–2040), centuries [day, range]

A month or day without a year takes the year that puts it nearest the anchor
(ties go to the past), unless its clause says it is past (较5月…时, 5月以来, 曾)
or to come (将于12月): then the year on that side; a bare quarter takes the nearest. A bare 年底/上半年 is the
anchor's year. N天后/N年后 count from the anchor in `parse_date` only: in
running text they usually count from an event the sentence names.

Public API: find_dates(sentence, anchor), parse_date(text, anchor) (a whole
expression; it also reads 2/12, 3/3/2015, 二月十五 and a date followed by a
clock time), date_matches(text). Whether two dates agree is DateValue.agrees
(factcheck/values.py).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from factcheck.normalize.english_dates import find_english_dates
from factcheck.normalize.numbers import parse_number
from factcheck.normalize.text import raw_span, strip_format
from factcheck.normalize.variants import fold
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.values import DateValue

_D = "〇零一二两三四五六七八九"
_N = rf"(?:\d{{1,2}}|[{_D}十]{{1,3}})"
_M = r"(?:\d{1,2}|[〇零一二三四五六七八九十]{1,3})"  # months and days: 两月/两日 are durations
_Y4 = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_Y2 = r"(?:\d{2}|[〇零一二三四五六七八九]{2})"
_REL_YEARS = {"去年": -1, "今年": 0, "明年": 1, "前年": -2, "本年": 0, "上年": -1, "后年": 2, "上一年": -1,
              "下年": 1,
              "下一年": 1, "同年": 0}
# 同年 (that same year: 2024年再度更名…，同年，…上线了) is the year of the date the text named last (SAME_YEAR);
# not 不同年龄, 同年级, 同年度
SAME_YEAR = "同年"
_REL_YEAR_RE = (r"(?:去年|今年|明年|(?<![税稅之以])前年(?!薪)|本年(?!度)|上一年(?!度)|上年(?![级度])|下一年(?!度)|(?<![以之])下年(?![级度])"
                r"|(?<!不)同年(?![龄级纪代度同]))")
_SEP = r"\s*" + ZH.range_separator("—") + r"\s*"
# the words of a time of day (凌晨, 下午, 晚上 …), before a clock time too (下午2:30): the one list of them,
# a daily figure's clock time (kinds/session.py) reads them as a date's does
TIME_OF_DAY_WORDS = ("凌晨|清晨|早晨|早上|早间|上午|中午|午间|下午|午后|傍晚|晚上|晚间|深夜|夜间|夜里|夜晚"
                     "|晚(?![于些点辈年期餐宴会饭报])")
_TOD = rf"(?P<{{name}}>{TIME_OF_DAY_WORDS})?"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_PARTS = {  # part of a month → (first day, last day or None for month end)
    "初": (1, 10), "上旬": (1, 10), "中": (11, 20), "中旬": (11, 20),
    "下旬": (21, None), "底": (21, None), "末": (21, None), "中下旬": (11, None), "上中旬": (1, 20),
    "尾": (21, None), "头": (1, 10),  # Cantonese 月尾, 月头
}
_RELATIVE_DAYS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1,
                  "听日": 1, "寻日": -1, "琴日": -1, "尋日": -1,  # Cantonese
                  "后天": 2, "大前天": -3, "今晨": 0, "今早": 0, "今晚": 0, "今夜": 0, "昨晚": -1,
                  "昨夜": -1, "明晚": 1, "明早": 1, "今午": 0}
_DAY_WORD_TOD = {"今晨": "清晨", "今早": "早上", "今晚": "晚上", "今夜": "夜间", "昨晚": "晚上", "昨夜": "夜间",
                 "明晚": "晚上", "明早": "早上", "今午": "下午"}  # 今午: this afternoon (Hong Kong papers)
_OPENS_A_WEEK = r"，,。；;：:、（(\s“\"较較比与與和及同由从從为為"  # what may stand before 前一周 (此前一周, 较之前一周)
_REFERENCE_DAYS = {"前一日": -1, "前一天": -1, "前日": -1, "次日": 1, "翌日": 1, "第二天": 1,
                   "当日": 0, "当天": 0, "即日": 0}
_REL_MONTHS = {"上个月": -1, "上月": -1, "本月": 0, "这个月": 0, "下个月": 1, "下月": 1, "今月": 0,
               "上一个月": -1, "下一个月": 1, "呢个月": 0, "当月": 0}
_REL_MONTH_RE = r"(?:上一个月|上个月|上月|本月|这个月|呢个月|下一个月|下个月|下月)"
# a window that ends at the anchor (近三年, 过去一年, 前两天) or starts after it (未来五年, 今后三个月)
# 此前, 之前, 事发前 count from another event: no window (and 此前2月10日 is a date on its own)
_NOT_AFTER_EVENT = r"(?<![此之其])(?<!事发)"
# 前一日 is the day before a named day; 10月前两周 the first weeks of that month
_PAST_WINDOW = rf"近|最近|过去|过往|{_NOT_AFTER_EVENT}(?<!月)前(?!一[日天周]|一个?(?:星期|礼拜))|上(?=\d|[两二三四五六七八九十])"
# 将, 拟, 计划 …: what follows is a coming event (将从周一起发出: the next Monday, not the last)
COMING = re.compile(r"即将|即將|将|將|拟|擬|计划|計劃|预计|預計|打算|准备|準備|定于|定於")
_CLAUSE_END = re.compile(r"[。！？!?；;，,：:]")
# 提前为周日赛事预热 (warming up ahead of Sunday's race): 提前 before, or 为 + the weekday + a word of
# getting ready, points at the coming day; 为周五…举行的活动准备的讲话 (no 提前, no 预热) stays as it is
_AHEAD_BEFORE = re.compile(r"提前")
_READYING_AFTER = compiled_on_use(r"[^。！？!?；;，,：:]{0,8}?(?:预热|預熱|备战|備戰)")
_DATED_AFTER = re.compile(r"\s*[（(][^）)]{0,8}\d")  # 将于周一（2月10日）: the date says which Monday

_FUTURE_WINDOW = r"未来|今后|往后|接下来|(?<![年\d])后"
_WINDOW_UNITS = {"年": 12, "个月": 1, "月": 1, "个季度": 3, "季度": 3, "季": 3}
# 中 is mid-month only when no word goes on: 1月中原 is January + 中原
_MID_OK = "旬以起前后左开发举召将至到的时再就即已曾会才也或和与并，。、；：）)"
_MID = rf"中(?:(?=[{_MID_OK}])|(?![\u4e00-\u9fff]))"
_START = r"初(?!步|次|期|衷|始|心|级|创|赛|选|审|稿|见|代|版)"
# a season after a year (今年春季, 2025年夏天): its months in the northern hemisphere, as Chinese news means them
_SEASONS = {"春季": (3, 5), "春天": (3, 5), "夏季": (6, 8), "夏天": (6, 8), "秋季": (9, 11), "秋天": (9, 11)}
_SEASON = "|".join(_SEASONS)
_PART_RE = rf"(?:上中旬|中下旬|上旬|中旬|下旬|{_START}|{_MID}|底|末|尾(?![声款盘数巴])|头(?![部条号等像脑版寸发牌])(?=\W|$))"
_QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4, "首": 1}
_REL_QUARTERS = {"上季度": -1, "上个季度": -1, "上一季度": -1, "本季度": 0, "这个季度": 0, "当季": 0,
                 "下季度": 1, "下个季度": 1, "下一季度": 1}
# Spring Festival (正月初一), 2000–2040
_SPRING_FESTIVAL = {
    2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29),
    2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25),
    2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
    2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19),
    2035: (2, 8), 2036: (1, 28), 2037: (2, 15), 2038: (2, 4), 2039: (1, 24), 2040: (2, 12),
}


def _year(name: str, two_digit_before: str = "") -> str:
    """An explicit year (2024年, 二〇二四年; 15年 only before a month) or a relative one."""
    two = rf"|{_Y2}(?=\s*年\s*{two_digit_before})" if two_digit_before else ""
    return rf"(?:(?P<{name}>(?<![\d{_D}]){_Y4}{two})\s*年\s*|(?P<{name}_rel>{_REL_YEAR_RE})\s*)"


_NOT_ALNUM_BEFORE = r"(?<![A-Za-z0-9])"
_QUARTER_AHEAD = r"(?:第|[一二三四1-4首]\s*季度)"
# a bare 年底/上半年 stands after punctuation or a function word, not inside 青年/周年/新年
_BARE = r"(?:(?<![\u4e00-\u9fff])|(?<=[在于到至从自将的和及或并待等截计内前]))"
_NOT_ALNUM_AFTER = r"(?![A-Za-z0-9])"

# words of length after which N日 is a number of days, never a date (延长30日, 宽限14日, 为期5日, 长达3日):
# the date reader and duration rules both ask counts_days
LENGTH_WORDS = ("延长", "宽限", "为期", "长达")
_LONGEST_LENGTH_WORD = max(map(len, LENGTH_WORDS))  # a word of 3 characters added is still seen
# what may not stand right before a day of the month named alone: a digit, 月, a word of count or
# length (近, 共, LENGTH_WORDS) or a bound (至少, 不足, 超过 …), after which N日 is a number of days
_BARE_DAY_BEFORE = (r"(?<![\d〇零一二三四五六七八九十月号年个近续去前后第每数几多至到+\-~～—–.:/期为共仅只再花用时达逾超约余少足满止])"
                    + "".join(f"(?<!{word})" for word in LENGTH_WORDS)
                    + r"(?<!少于)(?<!少於)(?<!多于)(?<!多於)(?<!超过)(?<!超過)")
_DAY_NUMBER = r"[1-9]|[12]\d|3[01]"
_DAY_WORD = r"(?:日(?![内均线间游元股期以後后前年化]|报(?!道)|左右)|号(?![线楼店院码称机车文召令门位]))"

_DATE_PATTERN = "|".join([
    # fiscal periods: 2024财年, FY2024, 2025财年第一季度, FY25 Q1, Q1 FY25
    rf"(?P<fiscal>{_NOT_ALNUM_BEFORE}(?:(?:Q(?P<fq_pre>[1-4])\s?)?FY\s?'?(?P<fy_a>\d{{4}}|\d{{2}})"
    rf"|(?P<fy_b>\d{{4}}|\d{{2}}|[〇零一二三四五六七八九]{{4}})\s*(?:财年|财政年度|財政年度|fiscal year)"
    rf"|(?i:fiscal)\s(?:year\s)?(?P<fy_c>\d{{4}}))"
    rf"(?:\s*(?:第?(?P<fq>[一二三四1-4])\s*(?:财季|季度|季)|Q(?P<fq_q>[1-4]){_NOT_ALNUM_AFTER}))?)",
    # quarters: 2024年第四季度, 四季度, 首季度, 2024Q4, 4Q24, Q4 2024, 去年12月季度, 前三季度
    rf"(?P<quarter>(?:{_year('q_year', _QUARTER_AHEAD)})?(?:第\s*)?(?<![\d{_D}])(?P<q_n>[一二三四1-4首])\s*季度(?P<q_part>末|底|{_START}|{_MID})?)",
    rf"(?P<quarter_code>{_NOT_ALNUM_BEFORE}(?:(?P<qc_y1>\d{{4}})\s?Q(?P<qc_n1>[1-4])|(?P<qc_n2>[1-4])Q(?P<qc_y2>\d{{2}})"
    rf"|(?P<qc_y3>\d{{2}})Q(?P<qc_n3>[1-4])|(?:{_year('qc_year')})?Q(?P<qc_n4>[1-4])(?:\s(?P<qc_y4>\d{{4}}))?"
    rf"|(?P<qc_y5>\d{{4}})\s?H(?P<qc_h1>[12])|(?P<qc_h2>[12])H(?P<qc_y6>\d{{2}})|H(?P<qc_h3>[12])\s(?P<qc_y7>\d{{4}})){_NOT_ALNUM_AFTER})",
    rf"(?P<month_quarter>(?:{_year('mq_year')})?(?P<mq_month>3|6|9|12|三|六|九|十二)\s*月\s*季度)",
    rf"(?P<first_quarters>(?:{_year('fq_year', '[前头]')}|(?<!财年){_NOT_AFTER_EVENT})(?:前|头)(?P<fq_n>[一二三两1-3])个?季度)",
    rf"(?P<first_months>(?:{_year('fm_year', '[前头]')}|(?<!财年){_NOT_AFTER_EVENT})(?:前|头)(?P<fm_n>{_N})个?月)",
    rf"(?P<window>(?:(?P<w_past>{_PAST_WINDOW})|(?P<w_future>{_FUTURE_WINDOW}))(?P<w_n>\d{{1,3}}|[{_D}十]{{1,3}}|几|数)"
    r"(?P<w_more>多)?(?P<w_unit>年(?![代度级前后底末初中])|个月|个季度|天|日(?![均线])|周|星期|礼拜|个星期|个礼拜)(?P<w_more2>多)?(?!以前|以后|之前|之后|前|后))",
    rf"(?P<roc>(?:民国|中华民国)\s*(?P<roc_n>\d{{1,3}}|[一二三四五六七八九十百〇零]{{1,5}})\s*年"
    rf"(?:\s*(?P<roc_m>{_M})\s*月(?:\s*(?P<roc_d>{_M})\s*[日号])?)?)",
    rf"(?P<rel_quarter>(?P<rq>上个季度|上一季度|上季度|本季度|这个季度|(?<![创留写落])(?:下个季度|下一季度|下季度))"
    rf"(?P<rq_part>末|底|{_START}|{_MID})?)",
    # day ranges: 1月28日至30日, 2025年1月28日至2月3日, 4月12-19日; and two days of one month listed, the first
    # without its 日 (2月10、11日, 3月1、2日上演: two days in a row are the span an event runs over, as
    # 10日和11日 is; others two days)
    rf"(?P<day_range>(?:{_year('dr_year', _M + '月')})?(?P<dr_m1>{_M})\s*月\s*(?P<dr_d1>{_M})\s*(?:[日号]?{_SEP}|(?P<dr_list>、)\s*(?=\d{{1,2}}\s*[日号]))"
    rf"(?:(?P<dr_y2>{_Y4}|{_Y2}(?=\s*年\s*{_M}\s*月))\s*年\s*)?(?:(?P<dr_m2>{_M})\s*月\s*)?(?P<dr_d2>{_M})\s*[日号])",
    # month ranges: 1-2月, 2017年8月至11月, 2017年五月至2018年四月
    rf"(?P<month_range>(?:{_year('mr_year', _M + '月')})?(?<![\d.])(?P<mr_m1>{_M})\s*月?(?:份)?{_SEP}"
    rf"(?:(?P<mr_y2>{_Y4}|{_Y2}(?=\s*年\s*{_M}\s*月))\s*年\s*)?(?P<mr_m2>{_M})\s*月(?:份)?(?![\d日号]|度|季|薪))",
    # year ranges: 2008年——2018年, 2020至2025年
    rf"(?P<year_range>(?<![\d.{_D}])(?P<yr_1>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年?{_SEP}(?P<yr_2>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年(?!\s*\d{{1,2}}\s*月|度|财|前|后))",
    # 11/3 as month/day only where nothing else is meant: 3/18日, 11/3（周一）, 截至12/31 (1/3 is a third)
    r"(?P<slash_day>(?<![\d/／.:\-])(?P<sd_m>1[0-2]|0?[1-9])\s?[/／]\s?(?P<sd_d>3[01]|[12]\d|0?[1-9])"
    r"(?:\s?[日号](?![内均线间])|(?=\s?[（(]?\s?(?:周|星期|礼拜)(?P<sd_wd>[一二三四五六日天])))"
    r"|(?<=截[至止])(?P<sd_m2>1[0-2]|0?[1-9])[/／](?P<sd_d2>3[01]|[12]\d|0?[1-9])(?![\d/／%.]))",
    # 2025-02-12, 2019/4/19, 2019.9.6
    r"(?P<iso>(?<![\dA-Za-z_./-])(?P<iso_y>(?:19|20)\d{2})(?P<iso_s>[-/.])(?P<iso_m>\d{1,2})(?P=iso_s)(?P<iso_d>\d{1,2})"
    r"(?![\dA-Za-z_/%]|\.\d))",  # not inside a URL or a file name
    rf"(?P<full>(?:{_year('year', _M + '月')})?(?P<month>{_M})\s*月\s*(?P<day>{_M})\s*[日号]{_TOD.format(name='tod')})",
    # 本月10日, and a span of its days: 本月10日至11日, 本月8日至10日
    rf"(?P<rel_month_day>(?P<rmd_rel>{_REL_MONTH_RE})\s*(?P<rmd_day>{_M})\s*"
    rf"(?:[日号]?{_SEP}(?P<rmd_day2>{_M})\s*[日号]|[日号]{_TOD.format(name='rmd_tod')}))",
    rf"(?P<part_of_month>(?:{_year('pyear', _M + '月')})?(?P<pmonth>{_M})\s*月(?:份)?\s*(?:月)?(?P<part>{_PART_RE}))",
    rf"(?P<rel_month_part>(?P<rmp_rel>{_REL_MONTH_RE})\s*(?:月)?(?P<rmp_part>{_PART_RE}))",
    rf"(?P<bare_month_part>(?<![\d{_D}十个每本上下这当同次该整])月(?P<bmp_part>{_START}|{_MID}|底|末|尾(?![声款盘数巴])))",
    rf"(?P<year_month>(?:{_year('myear', _M + '月')})?(?P<mmonth>{_M})\s*月(?:份)?(?![\d日号]|度|季|薪))",
    r"(?P<day_word>今晨|今早|今晚|今夜|今午|昨晚|昨夜|明晚|明早)",
    rf"(?P<rel_day>(?:大前天|今天|今日|昨天|昨日|前天(?!然)|明天|明日|后天|听日|寻日|琴日){_TOD.format(name='rd_tod')})",
    # 即日(起): that very day, 当日 (a notice's 自即日起 is its own day), not 立即/随即 before 日本, 日元, 日报
    r"(?P<ref_day>前一日|前一天|前日(?![本产產立韩韓经經元圆圓])|次日|翌日|第二天|当日|当天|(?<![立随旋])即日(?![本元圆报均]))",
    # 前一周 (此前一周, 较之前一周): the week before the week the text named (截至2月6日当周，…前一周为38.8万吨;
    # 上周…升2.3%，前一周为升2.2%); only at a clause's start or after a comparison or joining word, since
    # after a name it is the week before an event (春节前一周, 财报发布前一周, 上映前一周)
    r"(?P<ref_week>(?:(?<=[此之])(?<![^" + _OPENS_A_WEEK + r"][此之])|(?<![^" + _OPENS_A_WEEK + r"]))"
    r"前一(?:周|个?星期|个?礼拜))",
    # 上日, 上一交易日: the trading day before the day named (or written), a weekend skipped
    # 上日 only after a comparison word (较上日, 由上日的, 从上日), at a clause's start (上日總額) or before 报/收
    # (SOFR上日報) or a verb of reporting (因上日公布去年第四季轉蝕, round 37): inside 线上日活, 早上日经, 晚上日落,
    # 上日文課 it is no day
    r"(?P<prev_trading>(?:上一?|前一)交易日|(?:(?<=[较較比与與由從从同])|(?<![^，,。；;：:、（(\s])"
    r"|(?=上日(?:[报報收]|公布|宣布|宣佈|发布|發布|披露|公告|发表|發表)))"
    r"上日(?![本期程志记記常]))",
    # 近日/日前: some days back, not a day (节日前, 交易日前, 三日前 are something else)
    rf"(?P<recent>(?<![最\d{_D}十几数节生作易止期假末前今昨当])(?:近日(?![内里裏])|日前))",
    r"(?P<that_month>当月(?![份度]))",
    rf"(?P<two_year>(?<![\d{_D}近过去长达约超逾满第每共历期为了])(?P<ty_n>0\d|[1-9]\d)\s*年(?![\d月多来间内前后代度份级底末初中头]|\s*\d))",
    r"(?P<weekend>(?P<we_rel>本|这|上|下)(?:个)?(?:周末|週末|星期六日))",
    rf"(?P<week>(?:(?P<week_rel>本|这|上上|上|下下|下)个?(?:周|星期|礼拜)?的?)?(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])"
    rf"{_TOD.format(name='wk_tod')})",
    r"(?P<rel_week>(?:上上|下下|本|这|上|下)个?(?:周|星期|礼拜))(?![一二三四五六日天末])",
    r"(?P<rel_month>上一个月|上个月|上月|本月|这个月|呢个月|下一个月|下个月|下月)",
    rf"(?P<ago>(?<![\d{_D}十])(?P<ago_n>\d{{1,3}}|[{_D}十]{{1,3}}|几|数)\s*个?(?P<ago_more>多)?(?P<ago_half>半)?"
    r"(?P<ago_unit>天|日|周|星期|礼拜|月|年)(?P<ago_more2>多|半)?(?P<ago_dir>以前|之前|前(?![后三两二一四半季])"
    r"|以后|之后|后(?![续期来面者半])))",
    r"(?P<decade_full>(?<!\d)(?P<dcf_year>(?:19|20)\d0)\s*年代(?P<dcf_part>初期|中期|末期|初|中|末)?)",
    rf"(?P<decade>(?P<dc_century>上世纪|上个世纪|(?:20|二十)世纪|(?:19|十九)世纪)?(?<![\d{_D}])(?P<dc_n>[1-9]0|[二三四五六七八九]十)"
    r"\s*年代(?P<dc_part>初期|中期|末期|前期|后期|中后期|初|中|末)?)",
    rf"(?P<century>(?P<ct_n>(?<![\d{_D}])(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})|上个?)\s*世纪(?!\s*(?:\d0|[二三四五六七八九]十)\s*年代)"
    r"(?P<ct_part>初期|中期|末期|前期|后期|初|中|末)?)",
    rf"(?P<festival>(?:{_year('fs_year')})?(?P<fs_name>大年初[一二三四五六七八九十]|正月初[一二三四五六七八九十]|除夕|元宵节|春节"
    r"|元旦节|元旦|情人节|妇女节|劳动节|儿童节|国庆节|国庆|教师节|圣诞节|圣诞(?!老人|树|老)|平安夜|双十一|双11|建军节|建党节"
    r"|愚人节|万圣节|植树节|青年节))",
    rf"(?P<year_part>{_year('ypyear', '(?:年)?(?:上半年|下半年|初|底|末|伊始|尾|头)')}(?:年)?"
    rf"(?P<yp_part>上半年|下半年|伊始|{_SEASON}|{_START}|{_MID}|底|末|尾(?![声款盘数巴])|头(?=\W|$)))",
    rf"(?P<bare_year_part>{_BARE}年(?P<byp_part>{_START}|{_MID}|底|末|尾(?![声款盘数巴]))(?!份)|{_BARE}(?P<byp_half>上半年|下半年))",
    rf"(?P<year_only>(?:(?P<yyear>(?<![\d{_D}]){_Y4})\s*年|(?P<yrel>{_REL_YEAR_RE}))(?!\d|财|度|代))",
    # days of the month named alone: 11日, 将于10日至14日关闭 (a span: the first day to the last);
    # after 延长/宽限 (长达, 为期 by 达, 期) N日 is a length of time, as zh-HK writes 天: 其後延長30日限期;
    # so after a bound (至少/最少/不少于 by 少, 不足, 未满, 不止, 多于/超过 …): 暫停載客至少5日 is five days
    rf"(?P<bare_day_range>{_BARE_DAY_BEFORE}(?P<bdr_d1>{_DAY_NUMBER})\s*[日号]?{_SEP}(?P<bdr_d2>{_DAY_NUMBER})\s*{_DAY_WORD})",
    rf"(?P<bare_day>{_BARE_DAY_BEFORE}(?P<bd_day>{_DAY_NUMBER}){_DAY_WORD}{_TOD.format(name='bd_tod')})",
])

@cache
def date_re() -> re.Pattern[str]:
    """DATE_RE, compiled on first use (compiling it costs more than importing the module)."""
    return re.compile(_DATE_PATTERN)


def __getattr__(name: str) -> object:
    if name == "DATE_RE":
        return date_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    value: DateValue


_HINT = re.compile(r"[\d年月日号周週星礼禮今昨明前后後次翌当當季财財天晨晚夜除春元正QHF聽听尋寻琴]")


def find_dates(text: str, anchor: date | None) -> list[DateSpan]:
    """Every date expression in `text`, resolved against `anchor`.

    Relative dates need the anchor; without one they are left out (never
    guessed). 前一日 and 次日 resolve against the last day the text named.
    """
    stripped = strip_format(text)
    if stripped is not None:  # read past format characters, report raw offsets
        clean, offsets = stripped
        spans = []
        for found_span in find_dates(clean, anchor):
            start, end = raw_span(offsets, found_span.start, found_span.end)
            spans.append(DateSpan(start, end, replace(found_span.value, raw=text[start:end])))
        return spans
    found: list[DateSpan] = []
    if not _HINT.search(text):
        return _with_english(text, anchor, found)  # Wednesday, last week: no digit
    named: date | None = None  # the last day the text itself named
    first_named: date | None = None  # and the first
    week_named: DateSpan | None = None  # the last date 前一周 may count back from (not another 前一周)
    text = fold(text)  # one for one: offsets stay
    for match in date_matches(text):
        kind = match.lastgroup
        if kind == "ago" and match.group("ago_dir") in ("后", "以后", "之后"):
            continue
        match_anchor = anchor
        if match.group(0).startswith(SAME_YEAR):
            if not found or anchor is None:
                continue  # 同年 of what? only a date the text named can tell
            match_anchor = _in_year(anchor, found[-1].value.end.year)
        if kind in ("bare_day", "bare_day_range") and counts_days(text, match):
            continue  # 發起罷駛5日。: five days of strike, not the 5th
        if kind in ("week", "bare_day") and found and _restates(text, found[-1], match.start()):
            # 2月15日（星期六）, 周二（11日）: the second restates the first, never contradicts it
            # 今日（10日）晚间 adds the time of day; 昨晚(9日) keeps the one the first already said
            tod = (match.group("bd_tod") or "") if kind == "bare_day" else ""
            value: DateValue | None = replace(found[-1].value, raw=match.group(0),
                                              time_of_day=tod or found[-1].value.time_of_day)
        elif kind == "week" and match.group("week_rel") is None and anchor is not None \
                and _coming(text, match.start(), match.end()) and not _DATED_AFTER.match(text, match.end()):
            value = _weekday(match.group(0), None, _WEEKDAYS[match.group("weekday")], anchor, forward=True)
            value = replace(value, time_of_day=match.group("wk_tod") or "")
        elif kind == "ref_day" and named is None and _day_of_an_event(text, match):
            continue  # 辽宁成大公告授权管理层处置股权当天，: the day of the event just named, which no date gives
        elif kind == "ref_day" and named is None and match.group(0) == "前日" \
                and _COMPARED_DAY.search(text, max(0, match.start() - 4), match.start()):
            continue  # 较前日上涨5%: the day before, compared with (a trading day's), no day of its own
        elif kind == "ref_week":
            value = _week_before(text, week_named, match.group(0))
        elif kind == "ref_day" and match.group(0) == "即日":
            # this very day: the day the sentence opened with (将于4月1日…，即日起上线 is still 13日's)
            value = _resolve(match, anchor, first_named)
        elif kind == "recent" and (scene := _scene_date(text, found, anchor)) is not None:
            value = DateValue(scene.start - RECENT_DAYS, scene.end, "range", match.group(0))
        else:
            value = _resolve(match, match_anchor, named)
            if value is not None and anchor is not None and kind in _YEARLESS and "年" not in match.group(0):
                value = _as_told(value, _tense(text, match.start(), match.end()), anchor)
        if value is None:
            continue
        if kind == "day_range" and value.precision == "day":  # 2月10、12日: two days, each read as written
            second = value.start.replace(day=int(_int(match.group("dr_d2")) or value.start.day))
            found.append(DateSpan(match.start(), match.end("dr_d1"), replace(value, raw=text[match.start():match.end("dr_d1")])))
            found.append(DateSpan(match.start("dr_d2"), match.end(), DateValue(second, second, "day", text[match.start("dr_d2"):match.end()])))
            named = first_named = second
            week_named = found[-1]
            continue
        if value.precision == "day" and kind not in ("ref_day", "prev_trading"):
            named = value.start
            first_named = first_named or named
        end = match.end()
        clock = _CLOCK_AFTER.match(text, end) if value.precision == "day" else None
        if clock is not None and (at := _clock(clock, value.time_of_day)):
            end, value = clock.end(), replace(value, raw=text[match.start():clock.end()], time_of_day=at)
        bound = _BOUND.match(text, end) if kind not in _NEVER_BOUND else None
        if bound is not None:
            end = bound.end()
            value = bounded(value, bound.group("after") is not None, text[match.start():end])
        found.append(DateSpan(match.start(), end, value))
        if kind != "ref_week":
            week_named = found[-1]
    return _either_day(text, _with_english(text, anchor, found))


def _in_year(anchor: date, year: int) -> date:
    """The anchor moved into `year`, for 同年 (a year the text named): its month and day kept (28 February for a 29th)."""
    return anchor.replace(year=year, day=min(anchor.day, 28)) if anchor.month == 2 else anchor.replace(year=year)


# 当天/当日 closing a clause that names an event before it (处置股权当天，, 发布会当日,): "on the day of that event"
_EVENT_DAY = re.compile(r"当天|当日")
_CLAUSE_ENDS = re.compile(r"\s*[，,：:]")


def _day_of_an_event(text: str, match: re.Match[str]) -> bool:
    """Whether 当天/当日 at `match` is the day of an event its clause names before it (`辽宁成大公告授权管理层
    处置股权当天，公司还公告`): that event's day, not the day of writing, so with no day named before
    it is no date. 当天 opening a clause (`当天，`) or before its verb (`股价当天上涨`) still is the day of writing."""
    if _EVENT_DAY.fullmatch(match.group(0)) is None or _CLAUSE_ENDS.match(text, match.end()) is None:
        return False
    before = text[:match.start()].rstrip()
    return bool(before) and before[-1] not in "，,。；;：:！？!?、（(【[「『“\"'"


def _with_english(text: str, anchor: date | None, found: list[DateSpan]) -> list[DateSpan]:
    """`found` and the English dates of `text` (normalize/english_dates.py) that overlap none of them."""
    english = [DateSpan(start, end, value) for start, end, value in find_english_dates(text, anchor)
               if not any(start < span.end and span.start < end for span in found)]
    return sorted([*found, *english], key=lambda span: span.start) if english else found


# between two days a sentence offers as alternatives: 周二或周三, 11日或12日, Tuesday or Wednesday
_EITHER = re.compile(r"\s*(?:或者|或是|或|抑或|\bor\b)\s*", re.IGNORECASE)
# between two days an event runs over: 周二和周三在国会作证, 周二及周三公布, Tuesday and Wednesday
_BOTH = re.compile(r"\s*(?:和|与|與|及|以及|跟|\band\b|&)\s*", re.IGNORECASE)
# between the first and the last day of a span: 周一至周五, 本周一至周二, 上周三至周五 (2月10日至11日 is one match);
# the range separators every other span of dates is read with (zh.yaml range_separators)
_THROUGH = re.compile(_SEP)


def _either_day(text: str, found: list[DateSpan]) -> list[DateSpan]:
    """Two days joined by 或 (`他将在本周二或周三宣布`) as the one span they leave open, up to a week
    long: read apart, the first would be a date the source did not commit to, the second another.
    Two days in a row joined by 和 (`鲍威尔将于周二和周三在国会作证`) are the span the event runs over:
    read apart, the second would be its only day, and a source writing the first would disagree.
    Two weekdays joined by 至/到/a dash (`本周一至周二`, `上周三至周五`) are a span within the first one's week:
    read apart, `周五` after `周一` would lean back to the week before."""
    merged: list[DateSpan] = []
    for span in found:
        last = merged[-1] if merged else None
        if last is not None and _either_period(text, last, span):
            merged[-1] = DateSpan(last.start, span.end, DateValue(last.value.start, span.value.end, "range",
                                                                  text[last.start:span.end]))
            continue
        if last is None or not last.value.precision == span.value.precision == "day":
            merged.append(span)
            continue
        either = _EITHER.fullmatch(text, last.end, span.start) is not None
        # 周一至周五: a span of weekdays, the last in the first's week (read alone, 周五 leans to the past)
        through = (_THROUGH.fullmatch(text, last.end, span.start) is not None
                   and _WEEKDAY_END.search(last.value.raw) is not None and _BARE_WEEKDAY.fullmatch(span.value.raw) is not None)
        if not either and not through and _BOTH.fullmatch(text, last.end, span.start) is None:
            merged.append(span)
            continue
        second = span.value.start
        if _BARE_WEEKDAY.fullmatch(span.value.raw):  # 下周一或周二: the Tuesday of that week
            second = last.value.start + timedelta(days=(second.weekday() - last.value.start.weekday()) % 7)
        if not 0 < (second - last.value.start).days <= (7 if either else 6 if through else 1):
            merged.append(span)
            continue
        merged[-1] = DateSpan(last.start, span.end, DateValue(last.value.start, second, "range",
                                                              text[last.start:span.end]))
    return merged


def _either_period(text: str, first: DateSpan, second: DateSpan) -> bool:
    """Whether two dates, one of them longer than a day, are alternatives a sentence leaves open
    (`预计在2025年年底或2026年年初完成`, `2月末或3月初`, `late 2025 or early 2026`): one uncertain date,
    the span of both. Read apart, the second was the claim and the first lost, so a source writing
    either clashed with it (round 37 NOTES, 2). The second lies after the first, no further from it
    than the longer one lasts (`1月或3月`, never `2020年或2025年`)."""
    a, b = first.value, second.value
    if "day" == a.precision == b.precision or a.open_ended() or b.open_ended():
        return False  # two days: _either_day, within a week
    if _EITHER.fullmatch(text, first.end, second.start) is None or not (a.start < b.start and a.end < b.end):
        return False
    longer = max(a.end - a.start, b.end - b.start)
    return b.start - a.end <= longer + timedelta(days=1)


_BARE_WEEKDAY = compiled_on_use(r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]")
_WEEKDAY_END = compiled_on_use(r"(?:周|週|星期|礼拜|禮拜)[一二三四五六日天]$")  # 周一, 本周一, 下星期三


# the kinds that may name a month without its year (5月, 5月20日, 5月初, 5月10日至12日): that year is
# the one nearest the anchor unless the clause says the date is past or to come
_YEARLESS = frozenset({"full", "year_month", "part_of_month", "day_range", "month_range"})
# past: a span from it (5月以来), a comparison with it (较5月首次发布时, 相比于5月, 与5月相比), what was
# before (此前, 早在, 曾, 已于 …) or done right after it (5月已上线)
_PAST_BEFORE = re.compile(r"(?:较|較|相较于?|相較於?|相比于?|相比於?|此前|之前|(?<!最)早在|曾经|曾經|曾于|曾於|曾在|曾|"
                          r"已于|已於|已在|已经于|已經於|已经|已經)\s*(?:的|于|於|在)?\s*$")
_PAST_AFTER = re.compile(r"\s*(?:份)?\s*(?:以来|以來|至今|迄今|已经|已經|已|曾)")
# 相比 after the date says it is past only when the date is what is compared with (与5月相比): after a
# date that opens its own figure (预计5月CPI与去年同期相比将上涨) it compares that figure with another time
_COMPARED_WITH = re.compile(r"(?:与|與|和|同|跟)\s*$")
_COMPARED_AFTER = compiled_on_use(r"\s*(?:份)?[^，,。；;！？!?]{0,8}?(?:相比|相較|相较)")
# or a lead-in of its own that says what follows was before (此前，公司于5月20日宣布)
_PAST_LEAD_IN = re.compile(r"(?:^|[，,。；;！？!?])\s*(?:此前|之前|早前|早些时候|早些時候)\s*[，,]\s*$")
# to come: the date an event is set for (将于12月, 计划在5月, 定于) or one said to come right after it
# (12月即将); never 预计 alone, which says the figure is a forecast (预计1月份CPI is January's), nor 将
# alone after the date, which as often marks what is acted on (于1月19日将TikTok……下架 is past)
# the verbs of rescheduling, as folded (Simplified) text writes them: a date they move something to (推后至12月,
# 提前到5月) lies ahead; they also make `从X至Y` a move, not a span (kinds/date.py), and discover reads them
MOVE_VERBS = ("推迟", "延后", "推后", "延迟", "延期", "延长", "押后", "顺延", "暂缓", "提前", "调整", "改", "挪", "移")
_MOVE_VERBS_WRITTEN = (*MOVE_VERBS, "推遲", "延後", "推後", "延遲", "延長", "押後", "順延", "暫緩", "調整")
# the words of waiting for a date (要到12月才, 要等到12月, 等到9月): it lies ahead as a move's does
WAIT_WORDS = ("要等到", "要到", "等到")
_FUTURE_BEFORE = re.compile(r"(?:(?:将|將|即将|即將|预计|預計|计划|計劃|拟|擬|有望|预定|預定)\s*(?:于|於|在)|定于|定於"
                            rf"|(?:{'|'.join(_MOVE_VERBS_WRITTEN)})(?:至|到)|{'|'.join(WAIT_WORDS)})\s*$")
_FUTURE_AFTER = re.compile(r"\s*(?:份)?\s*(?:即将|即將)")


def _tense(text: str, start: int, end: int) -> str:
    """"past", "future" or "" for a date at text[start:end], from the words of its clause around it."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    before = text[max(clause_start, start - 8):start]
    close = _CLAUSE_END.search(text, end)
    after = text[end:close.start()] if close else text[end:]
    past = bool(_PAST_BEFORE.search(before) or _PAST_AFTER.match(after) or _PAST_LEAD_IN.search(text, 0, clause_start)
                or (_COMPARED_WITH.search(before) and _COMPARED_AFTER.match(after)))
    future = bool(_FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(after))
    if past == future:
        return ""  # 此前，美方宣布推迟至3月4日: told both ways (when said, when due), the nearest year stands
    return "past" if past else "future"


# a day said to come that the nearest year puts at most this long before the publish day stays in that
# year (a month or a span to come moves on as soon as it is over): a plan written before publication and reported late (`公司股票拟于2月10日开市起复牌` published on
# the 11th, `原定于2月1日实施的关税` on the 10th), not one a year ahead; bulk writes no such plan a year
# ahead, and the dates said to come that fell further back (`将在11月5日召开` written in February, 98 days)
# are the next year's; so are ones three weeks back (`公司将于12月20日召开年度大会` written on 10 January is
# next December's), so the window is ten days, which the late reports bulk holds (1 and 9 days) fit
LATE_REPORT = timedelta(days=10)


def _as_told(value: DateValue, tense: str, anchor: date) -> DateValue:
    """A date without its year moved a year back when the text says it is past and the nearest year
    put it after the anchor (`较5月首次发布时` written on 13 Feb 2025 is May 2024), or a year on when
    the text says it is to come and it fell before (`将于12月推出` written in February) by more than
    `LATE_REPORT` (a plan reported late keeps its year): the year a reader takes, as dateparser's
    PREFER_DATES_FROM past/future."""
    if tense == "past" and value.start > anchor:
        years = -1
    elif tense == "future" and value.end < anchor - (LATE_REPORT if value.precision == "day" else timedelta(0)):
        years = 1
    else:
        return value
    moved = replace(value, start=_years_on(value.start, years), end=_years_on(value.end, years))
    # a month's last day moves to the other year's (2月 ends on the 28th or 29th), but a day the other
    # year lacks (2月29日) is no other day: its nearest year stands
    return value if value.precision == "day" and moved.start.day != value.start.day else moved


def _years_on(day: date, years: int) -> date:
    """`day` in the year `years` on (or back), the month's last day when it has no such day."""
    return date(day.year + years, day.month, min(day.day, _days_in_month(day.year + years, day.month)))


# the hour right after a day (2 月 20 日 19 时, 2月20日晚上7点, 周四（2月20日）晚上 7 時, 10日9:30):
# kept as the day's time of day, on the 24-hour clock; 时间, 时期, 点多 are other words
_HOUR = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})"
_CLOCK_AFTER = re.compile(rf"[）)]?\s*(?P<word>{TIME_OF_DAY_WORDS})?\s*(?P<hour>{_HOUR})\s*"
                          r"(?:[:：]\s*(?P<colon>\d{2})(?!\d)|[点时](?![间期候代段多])(?:\s*(?P<minute>\d{1,2}|半)\s*分?)?)")
# the times of day of a night (晚上, 深夜 …) and of an evening (傍晚 too): the hours after a day's close
NIGHT_WORDS = ("晚上", "晚间", "晚間", "深夜", "夜间", "夜間", "夜里", "夜裡", "夜晚", "晚")
EVENING_WORDS = ("傍晚", *NIGHT_WORDS)
_AFTERNOON = ("下午", "午后", *EVENING_WORDS)
# the words after which 12点 is midnight, not noon
_MIDNIGHT = (*NIGHT_WORDS, "凌晨")


def _clock(match: re.Match[str], said: str) -> str:
    """HH:MM of a clock time after a day, read with the time-of-day word before it (晚上7点 is
    19:00); "" when it is no time of day."""
    minute_text = match.group("colon") or match.group("minute") or "0"
    minute = 30 if minute_text == "半" else _int(minute_text)
    return on_the_clock(_int(match.group("hour")), minute, match.group("word") or said)


def on_the_clock(hour: int | None, minute: int | None, word: str = "") -> str:
    """HH:MM on the 24-hour clock of an hour and minute said after a time-of-day word (晚上7点 is
    19:00, 下午2:30 14:30); "" when they are no time of day. The one reading of a clock time:
    the dates here and a daily figure's day (kinds/session.py) both call it."""
    if hour is None or minute is None or not 0 <= hour <= 23 or not 0 <= minute <= 59:
        return ""  # 24时 is the day's end, the next day's 00:00: no time of this day
    if hour == 12 and word in _MIDNIGHT:
        return ""  # 晚上12点, 凌晨12点: midnight, at the day's end or start, never noon
    if word in _AFTERNOON and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def clock_hour(time_of_day: str) -> int | None:
    """The hour of a time of day read from a clock (19:00 → 19), None for a word (晚上)."""
    return int(time_of_day[:2]) if re.fullmatch(r"\d{2}:\d{2}", time_of_day) else None


# a day of the month closing its clause follows one of these (随后的28日和29日，, 当地时间9日，, 定于19日。);
# N日 closing a clause right after any other word counts days (發起罷駛5日。, 連升3日，)
_DAY_LEAD = frozenset("的间和及与或跟同是为于在自从由迄截止起即定至到日天")
_CLAUSE_CLOSE = frozenset("，,。；;！!？?、)）」』\"”")


def counts_days(text: str, match: re.Match[str]) -> bool:
    """Whether N日 read as a day of the month (5日, 3至5日) counts days instead: right after a word of
    length (延長30日: LENGTH_WORDS), or closing its clause right after a word that is not a preposition,
    的, 和 or 时间, as a length follows the verb it measures (罷駛5日。, 連升3日，) while a date stands
    before its event (5日罷駛)."""
    start, end = match.start(), match.end()
    if fold(text[max(0, start - _LONGEST_LENGTH_WORD):start]).endswith(LENGTH_WORDS):
        return True
    if match.group(0)[-1] not in "日号":  # 5日晚间: a time of day dates it
        return False
    before = fold(text[start - 1]) if start else ""
    closed = end >= len(text) or text[end] in _CLAUSE_CLOSE or text[end].isspace()
    return closed and "\u4e00" <= before <= "\u9fff" and before not in _DAY_LEAD


# 春节后, 2月1日之前, 春节前夕: a bound, not the date itself (前后 is around it; 前往, 前三季度, 后来 are other words)
_BOUND = re.compile(r"(?:之|以)?(?:(?P<after>后)(?![来续期市台方面者果劲盾援勤卫天年半座排门悔继人代世缀])"
                    r"|前(?:夕|(?![后往来去进行景任身者列沿提台端线锋面方瞻途期天年所次述些半\d一二两三四五六七八九十几数])))"
                    r"|(?:之|以)前")
# what already counts from a day (3天前, 近三年, 次日, 近日) takes no bound
_NEVER_BOUND = ("ago", "window", "recent", "ref_day", "ref_week", "prev_trading")


def bounded(value: DateValue, after: bool, raw: str) -> DateValue:
    """The days a date followed by 后/之后/以后 (after) or 前/之前/以前 (before) leaves open: from the
    date on, or up to it. The date itself is kept, as news writes 3月1日前 and 年底前 for "by 1 March"
    and "by the year's end"; the open end is the calendar's. A month named alone is the one
    exception: 5月前 (入駐商家全年免佣) is before May begins, up to 30 April, as 5月1日前 would be."""
    if after:
        return DateValue(value.start, date.max, "range", raw)
    if value.precision == "month":
        return DateValue(date.min, value.start - timedelta(days=1), "range", raw)
    return DateValue(date.min, value.end, "range", raw)


# Every date expression holds one of these characters, at most _REACH after its start (the last character
# of a match is the one). Of a dot, the Latin letters and the marks of a range or a numeric date, only those
# a date holds, not every decimal point (5.68%), English word (of, for, Hong), hyphen, unit's slash (美元/盎司)
# or 至 of a sentence: the dot after a year (2025.02.10, the one date whose only mark is a dot), Q and H
# beside the number of a quarter or half (Q4, 4Q24, 2024H1), F of FY, f or F opening "fiscal", and a range's
# or a numeric date's mark after a number (2021至2027年, 2022 到 2024 年, 2020—2023年, 2025-02-13, 2/12)
# (led by the class of the characters its alternatives start with: `re` tries them only at such a character,
# not at every one, two of them behind a look-behind; about twice as fast, the same triggers)
_TRIGGER_RE = re.compile(r"(?=[年月日号周季天晨晚夜早午节夕代纪期拜诞庆双旦.QHFf\d〇零一二三四五六七八九十两])"
                         r"(?:[年月日号周季天晨晚夜早午节夕代纪期拜诞庆双旦]|(?<=(?:19|20)\d\d)\."
                         r"|Q(?=[1-4])|(?<=[1-4])Q|H(?=[12])|(?<=[12])H|F(?=Y)|[Ff](?=(?i:iscal))"
                         r"|[\d〇零一二三四五六七八九十两]\s*[\-/至到—–~～－])")
_WINDOW_FIRST = "近最过前未今往接后民当听寻琴呢上"
_REACH = 8
# and starts with one of these
_FIRST = frozenset(_WINDOW_FIRST + "日0123456789０１２３４５６７８９〇零一二三四五六七八九十两几数"
                   "去今明前本上下后这大昨次翌当第首头周星礼月年正除元春QFHf情妇劳儿国教圣平双建愚万植青即同")


def date_matches(text: str):
    """What DATE_RE.finditer(text) finds, faster.

    DATE_RE's alternatives share no first character, so Python's re tries them
    all at every position; here it is tried only near a character every date
    expression holds, from a character one can start with, and at most once at
    each place: triggers a few characters apart (2025年2月) share their starts,
    and a start where nothing matched matches nothing for the next trigger either.
    """
    end = 0
    failed_to = -1  # every start up to here was tried and matched nothing
    pattern = date_re()
    for trigger in _TRIGGER_RE.finditer(text):
        position = trigger.end() - 1
        if position < end:
            continue
        for start in range(max(end, position - _REACH, failed_to + 1), position + 1):
            if text[start] in _FIRST:
                match = pattern.match(text, start)
                if match is not None:
                    yield match
                    end = match.end()
                    break
        else:
            failed_to = position


def _restates(text: str, previous: DateSpan, start: int) -> bool:
    return previous.value.precision == "day" and text[previous.end:start].strip() in ("（", "(", ",", "，", "")


_SLASH_RE = compiled_on_use(r"(?P<m>\d{1,2})\s*[/／]\s*(?P<d>\d{1,2})(?:\s*[/／]\s*(?P<y>\d{4}|\d{2}))?")
_NO_DAY_MARK_RE = compiled_on_use(rf".*月\s*{_M}")


_CLOCK_RE = compiled_on_use(
    r"\s*(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*"
    r"(?:[:：]\s*\d{2}(?:[:：]\d{2})?|[点时](?:\s*(?:\d{1,2}|[零一二三四五六七八九十]{1,3})\s*分?"
    r"(?:\s*(?:\d{1,2}|[零一二三四五六七八九十]{1,3})\s*秒)?|半|[一二三]刻|钟)?)(?:左右|许|整)?$")
_TRAILING_TOD_RE = compiled_on_use(rf"(?:{TIME_OF_DAY_WORDS})$")


def parse_date(text: str, anchor: date | None) -> DateValue | None:
    """Read `text` as exactly one date expression (2/12 is month/day here).

    A leading 从/自 and a trailing 起/以来 are read past, and so is a clock time
    after the date (2019年6月28日下午3:00 is that day, 下午 kept).
    """
    text = fold(text.strip())
    if text[:1] in ("从", "自") and len(text) > 1:
        text = text[1:]
    text = re.sub(r"(?:起|以来)$", "", text) or text
    value = _parse_whole(text, anchor)
    if value is not None:
        return value
    clock = _CLOCK_RE.search(text)
    if not clock or clock.start() == 0:
        return None
    day_text = text[: clock.start()]
    value = _parse_whole(day_text, anchor)
    if value is None:
        word = _TRAILING_TOD_RE.search(day_text)
        if word and word.start() > 0:
            value = _parse_whole(day_text[: word.start()], anchor)
            if value is not None and not value.time_of_day:
                value = replace(value, time_of_day=word.group(0))
    return value


def _parse_whole(text: str, anchor: date | None) -> DateValue | None:
    match = date_re().fullmatch(text)
    if match:
        return _resolve(match, anchor, None)
    slash = _SLASH_RE.fullmatch(text)
    if slash and slash.group("y"):  # 3/3/2015, 10/31/74: month/day/year
        year = _year_of(slash.group("y"), None, anchor)
        month, day = int(slash.group("m")), int(slash.group("d"))
        if year is None or not 1 <= month <= 12:
            return None
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        return DateValue(when, when, "day", text)
    if slash and anchor is not None:
        return _day_near(int(slash.group("m")), int(slash.group("d")), anchor, text)
    if _NO_DAY_MARK_RE.fullmatch(text) and not text.endswith(("日", "号")):
        match = date_re().fullmatch(text + "日")  # 二月十五: a day without 日 when nothing follows
        if match and match.lastgroup == "full":
            value = _resolve(match, anchor, None)
            return replace(value, raw=text) if value else None
    return None


def _int(text: str | None) -> int | None:
    if not text:
        return None
    parsed = parse_number(text)
    if parsed is None or parsed.value != parsed.value.to_integral_value() or parsed.value < 0:
        return None
    return int(parsed.value)


_YEAR_DIGITS = {ch: str(i) for i, ch in enumerate("零一二三四五六七八九")} | {"〇": "0"}


def _year_of(explicit: str | None, relative: str | None, anchor: date | None) -> int | None:
    if explicit:
        if all(ch in _YEAR_DIGITS for ch in explicit):  # 九八年, 二〇二五年: digit by digit
            year: int | None = int("".join(_YEAR_DIGITS[ch] for ch in explicit))
        else:
            year = _int(explicit)
        if year is None:
            return None
        if len(explicit) == 2:  # 15年, 九八年: the century that keeps it at most ten years ahead
            this = anchor.year if anchor else 2000
            year += 2000 if 2000 + year <= this + 10 else 1900
        return year if 1000 <= year <= 2999 else None
    if relative:
        if anchor is None:
            return None
        return anchor.year + _REL_YEARS[relative]
    return None


def _g_year(g: Mapping[str, str | None], name: str, anchor: date | None) -> tuple[int | None, bool]:
    """(year, stated) from a `_year(name)` group: stated is False when neither form was written."""
    explicit, relative = g.get(name), g.get(f"{name}_rel")
    if not explicit and not relative:
        return None, False
    return _year_of(explicit, relative, anchor), True


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1] without the weekday it also computes (a hot path)."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def _closest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest the anchor (ties go to the past).

    Years without the day (29 February) are passed over.
    """
    candidates = []
    for year in range(anchor.year - 4, anchor.year + 2):
        if day > _days_in_month(year, month):
            continue
        distance = abs((date(year, month, day) - anchor).days)
        candidates.append((distance, year > anchor.year, year))
    return min(candidates)[2] if candidates else anchor.year


def _month_interval(year: int, month: int, first: int = 1, last: int | None = None) -> tuple[date, date]:
    month_end = _days_in_month(year, month)
    return date(year, month, first), date(year, month, min(last or month_end, month_end))


def _shift_months(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = _days_in_month(year, month + 1)
    return date(year, month + 1, min(day.day, last))


def _day_near(month: int, day: int, anchor: date, raw: str, tod: str = "") -> DateValue | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    when = date(_closest_year(month, day, anchor), month, day)
    return DateValue(when, when, "day", raw, tod)


def _month_of(g: Mapping[str, str | None], year_name: str, month_text: str | None,
              anchor: date | None) -> tuple[int, int] | None:
    """(year, month) for a month with an optional stated year; unstated: nearest the anchor."""
    month = _int(month_text)
    if month is None or not 1 <= month <= 12:
        return None
    year, stated = _g_year(g, year_name, anchor)
    if stated:
        return (year, month) if year is not None else None
    if anchor is None:
        return None
    return _closest_year(month, 15, anchor), month


# 此前近一个月, 事发前过去三年: a window counted back from another event, not from publication
# (前 right after 此/之/其/事发 starts no window at all: _NOT_AFTER_EVENT)
_OTHER_EVENT_BEFORE = re.compile(r"(?:此|之|其|事发)前$")


def _counts_from_another_event(match: re.Match[str]) -> bool:
    """Whether a window is counted from an event the sentence names (此前近一个月), which
    factcheck cannot date: such a span is left unread rather than read wrongly."""
    return _OTHER_EVENT_BEFORE.search(match.string, max(0, match.start() - 3), match.start()) is not None


def _resolve(match: re.Match[str], anchor: date | None, reference: date | None) -> DateValue | None:
    kind = match.lastgroup
    if kind == "window" and _counts_from_another_event(match):
        return None
    try:
        resolver = _RESOLVERS.get(kind or "")
        return resolver(Groups(match), match.group(0), anchor, reference) if resolver else None
    except (ValueError, OverflowError):  # 2月30日 and the like: not a date
        return None


class Groups(Mapping[str, "str | None"]):
    """`match.groupdict()`, each group read when asked: DATE_RE has over 150 groups and a resolver
    reads a few, so building the whole dict was half the cost of resolving a date (issue 14)."""

    __slots__ = ("_match",)

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def __getitem__(self, name: str) -> str | None:
        try:
            return self._match.group(name)
        except IndexError:  # no such group
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._match.re.groupindex)

    def __len__(self) -> int:
        return len(self._match.re.groupindex)


# ------------------------------------------------------------------ resolvers


def _full(g, raw, anchor, reference):
    month, day = _int(g["month"]), _int(g["day"])
    if month is None or day is None or not 1 <= month <= 12:
        return None
    year, stated = _g_year(g, "year", anchor)
    if stated and year is None:
        return None
    if year is None:
        if anchor is None:
            return None
        return _day_near(month, day, anchor, raw, g["tod"] or "")
    when = date(year, month, day)
    return DateValue(when, when, "day", raw, g["tod"] or "")


def _iso(g, raw, anchor, reference):
    when = date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    return DateValue(when, when, "day", raw)


def _rel_month_start(relative: str, anchor: date) -> tuple[int, int]:
    year, month = divmod(anchor.year * 12 + anchor.month - 1 + _REL_MONTHS[relative], 12)
    return year, month + 1


def _rel_month_day(g, raw, anchor, reference):
    day = _int(g["rmd_day"])
    if anchor is None or day is None:
        return None
    year, month = _rel_month_start(g["rmd_rel"], anchor)
    when = date(year, month, day)
    if g["rmd_day2"]:  # 本月10日至11日: the span, as 2月10日至11日 is
        last = _int(g["rmd_day2"])
        if last is None or not day < last <= _days_in_month(year, month):
            return None
        return DateValue(when, date(year, month, last), "range", raw)
    return DateValue(when, when, "day", raw, g["rmd_tod"] or "")


def _part(year: int, month: int, part: str, raw: str) -> DateValue:
    first, last = _PARTS[part]
    start, end = _month_interval(year, month, first, last)
    return DateValue(start, end, "part-of-month", raw)


def _part_of_month(g, raw, anchor, reference):
    found = _month_of(g, "pyear", g["pmonth"], anchor)
    return _part(*found, g["part"], raw) if found else None


def _rel_month_part(g, raw, anchor, reference):
    if anchor is None:
        return None
    return _part(*_rel_month_start(g["rmp_rel"], anchor), g["rmp_part"], raw)


def _bare_month_part(g, raw, anchor, reference):
    if anchor is None:
        return None
    return _part(anchor.year, anchor.month, g["bmp_part"], raw)


def _year_month(g, raw, anchor, reference):
    found = _month_of(g, "myear", g["mmonth"], anchor)
    if not found:
        return None
    start, end = _month_interval(*found)
    return DateValue(start, end, "month", raw)


def _day_range(g, raw, anchor, reference):
    first = _month_of(g, "dr_year", g["dr_m1"], anchor)
    day1, day2 = _int(g["dr_d1"]), _int(g["dr_d2"])
    if first is None or day1 is None or day2 is None:
        return None
    year, month = first
    if g["dr_list"]:  # 2月10、11日: two days in a row are a span, as with 和; the first of others (find_dates reads both)
        if g["dr_m2"] or g["dr_y2"] or not day1 < day2 <= _days_in_month(year, month):
            return None
        if day2 > day1 + 1:
            return DateValue(date(year, month, day1), date(year, month, day1), "day", raw)
    year2 = _year_of(g["dr_y2"], None, anchor) if g["dr_y2"] else year
    month2 = _int(g["dr_m2"]) if g["dr_m2"] else month
    if year2 is None or month2 is None:
        return None
    start = date(year, month, day1)
    end = date(year2, month2, day2)
    if end < start and not g["dr_y2"]:
        end = date(year2 + 1, month2, day2)  # 12月28日至1月3日 runs into the new year
    if end <= start or (end - start).days > 366:
        return None
    return DateValue(start, end, "range", raw)


def _month_range(g, raw, anchor, reference):
    first = _month_of(g, "mr_year", g["mr_m1"], anchor)
    month2 = _int(g["mr_m2"])
    if first is None or month2 is None or not 1 <= month2 <= 12:
        return None
    year, month = first
    year2 = _year_of(g["mr_y2"], None, anchor) if g["mr_y2"] else year
    if year2 is None:
        return None
    if (year2, month2) < (year, month) and not g["mr_y2"]:
        year2 += 1
    if (year2, month2) <= (year, month):
        return None
    start, _ = _month_interval(year, month)
    _, end = _month_interval(year2, month2)
    return DateValue(start, end, "range", raw)


def _year_range(g, raw, anchor, reference):
    first, last = _year_of(g["yr_1"], None, anchor), _year_of(g["yr_2"], None, anchor)
    if first is None or last is None or not 1000 <= first < last <= 2999:
        return None
    return DateValue(date(first, 1, 1), date(last, 12, 31), "range", raw)


def _quarter_interval(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    return start, _month_interval(year, 3 * quarter)[1]


def _quarter_value(year: int | None, quarter: int, raw: str, anchor: date | None) -> DateValue | None:
    if year is None:
        if anchor is None:
            return None
        # the nearest such quarter, ties to the past (第四季度 in February is last year's)
        candidates = []
        for candidate in (anchor.year - 1, anchor.year, anchor.year + 1):
            start, end = _quarter_interval(candidate, quarter)
            middle = start + (end - start) / 2
            candidates.append((abs((middle - anchor).days), candidate > anchor.year, candidate))
        year = min(candidates)[2]
    start, end = _quarter_interval(year, quarter)
    return DateValue(start, end, "quarter", raw)


def _quarter(g, raw, anchor, reference):
    year, stated = _g_year(g, "q_year", anchor)
    if stated and year is None:
        return None
    return _quarter_part(_quarter_value(year, _QUARTER_DIGITS[g["q_n"]], raw, anchor), g["q_part"])


def _quarter_part(value: DateValue | None, part: str | None) -> DateValue | None:
    """一季度末 is the quarter's last month, 季度初 its first, 季度中 its middle one (the
    quarter-end day of a report, 截至三季度末, lies inside the last month)."""
    if value is None or not part:
        return value
    month = {"末": 2, "底": 2, "初": 0, "中": 1}[part]
    start = _shift_months(value.start, month)
    end = _shift_months(start, 1) - timedelta(days=1)
    return DateValue(start, end, "month", value.raw)


def _slash_day(g, raw, anchor, reference):
    if anchor is None:
        return None
    month, day = int(g["sd_m"] or g["sd_m2"]), int(g["sd_d"] or g["sd_d2"])
    if not g["sd_wd"]:
        return _day_near(month, day, anchor, raw)
    # 11/3（周一）: the nearest year whose 11/3 is that weekday; none near, no date
    days = [date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if day <= _days_in_month(y, month)]
    fitting = [d for d in days if d.weekday() == _WEEKDAYS[g["sd_wd"]]]
    if not fitting:
        return None
    when = min(fitting, key=lambda d: (abs((d - anchor).days), d > anchor))
    return DateValue(when, when, "day", raw)


def _two_digit_year(text: str, anchor: date | None) -> int | None:
    return _year_of(text, None, anchor) if len(text) == 2 else int(text)


def _quarter_code(g, raw, anchor, reference):
    for number, year_text in (("qc_n1", "qc_y1"), ("qc_n2", "qc_y2"), ("qc_n3", "qc_y3"), ("qc_n4", "qc_y4")):
        if g[number]:
            quarter = int(g[number])
            if g[year_text]:
                year = _two_digit_year(g[year_text], anchor)
            else:
                year, stated = _g_year(g, "qc_year", anchor)
                if stated and year is None:
                    return None
            return _quarter_value(year, quarter, raw, anchor)
    for half, year_text in (("qc_h1", "qc_y5"), ("qc_h2", "qc_y6"), ("qc_h3", "qc_y7")):
        if g[half]:
            year = _two_digit_year(g[year_text], anchor)
            if year is None:
                return None
            part = "上半年" if g[half] == "1" else "下半年"
            return _year_part(year, part, raw)
    return None


def _month_quarter(g, raw, anchor, reference):
    """去年12月季度: the quarter that ends in December."""
    found = _month_of(g, "mq_year", g["mq_month"], anchor)
    if not found:
        return None
    year, month = found
    start, end = _quarter_interval(year, month // 3)
    return DateValue(start, end, "quarter", raw)


def _first_quarters(g, raw, anchor, reference):
    count = _int(g["fq_n"])
    if count is None or not 1 <= count <= 3 or (count == 1 and not _g_year(g, "fq_year", anchor)[1]):
        return None  # 前一季度 is the quarter before another (the first is 一季度)
    return _first_months_of(g, "fq_year", 3 * count, raw, anchor)


def _first_months(g, raw, anchor, reference):
    count = _int(g["fm_n"])
    if count is None or not 1 <= count <= 12 or (count == 1 and not _g_year(g, "fm_year", anchor)[1]):
        return None  # 前一个月 is the month before another, not January (一月)
    return _first_months_of(g, "fm_year", count, raw, anchor)


def _first_months_of(g, name: str, months: int, raw: str, anchor: date | None) -> DateValue | None:
    """The first `months` months of a year; with no year stated, of the latest year
    in which they are over by the anchor (前三季度 in February is last year's)."""
    year, stated = _g_year(g, name, anchor)
    if not stated:
        if anchor is None:
            return None
        year = anchor.year if _month_interval(anchor.year, months)[1] < anchor else anchor.year - 1
    if year is None:
        return None
    return DateValue(date(year, 1, 1), _month_interval(year, months)[1], "range", raw)


def _rel_quarter(g, raw, anchor, reference):
    if anchor is None:
        return None
    index = anchor.year * 4 + (anchor.month - 1) // 3 + _REL_QUARTERS[g["rq"]]
    year, quarter = divmod(index, 4)
    start, end = _quarter_interval(year, quarter + 1)
    return _quarter_part(DateValue(start, end, "quarter", raw), g["rq_part"])


def _fiscal(g, raw, anchor, reference):
    """2024财年: every span a fiscal year so named can cover, labelled fiscal-year."""
    text = g["fy_a"] or g["fy_b"] or g["fy_c"]
    year = _two_digit_year(text, anchor) if len(text) == 2 else _int(text)
    if year is None or not 1900 <= year <= 2999:
        return None
    quarter_text = g["fq"] or g["fq_q"] or g["fq_pre"]
    if quarter_text:
        return fiscal_quarter(year, _QUARTER_DIGITS[quarter_text], raw)
    return fiscal_year(year, raw)


def fiscal_year(year: int, raw: str) -> DateValue:
    """Fiscal year `year`: from February of the year before (a year ending in
    January, as retailers' do) to March of the year after (a year named by its
    start, as Japanese companies' are)."""
    return DateValue(date(year - 1, 2, 1), date(year + 1, 3, 31), "fiscal-year", raw)


def fiscal_quarter(year: int, quarter: int, raw: str) -> DateValue:
    """Quarter `quarter` of fiscal year `year`, as widely as fiscal_year reads the year."""
    start = _shift_months(date(year - 1, 2, 1), 3 * (quarter - 1))
    end = _shift_months(date(year, 4, 1), 3 * quarter) - timedelta(days=1)
    return DateValue(start, end, "fiscal-quarter", raw)


def _rel_day(g, raw, anchor, reference):
    if anchor is None:
        return None
    name = raw[: len(raw) - len(g["rd_tod"] or "")]
    when = anchor + timedelta(days=_RELATIVE_DAYS[name])
    return DateValue(when, when, "day", raw, g["rd_tod"] or "")


RECENT_DAYS = timedelta(days=14)  # how far back 近日/日前 may reach
_SCENE_PRECISIONS = ("day", "month", "part-of-month")
_BREAK = re.compile(r"[，,。；;：:！？!?]")


def _scene_date(text: str, found: list[DateSpan], anchor: date | None) -> DateValue | None:
    """The date that opens the sentence, before its first break, when it is before the anchor: 近日/日前
    after it count back from it, not from the publish day. In `2024年8月，荣昌生物公告称，公司于近日任命何如意为
    公司首席战略官` the appointment is of some days up to August 2024, not of the two weeks before an article
    of February 2025. A later date (2023年营收……，近日宣布) sets no scene: 近日 stays the writer's."""
    if not found or anchor is None:
        return None
    first = found[0]
    if first.value.precision not in _SCENE_PRECISIONS or _BREAK.search(text, 0, first.start):
        return None
    return first.value if first.value.end < anchor - RECENT_DAYS else None


def _recent(g, raw, anchor, reference):
    """近日/日前: a day in the two weeks up to the anchor, as loose as the words are."""
    if anchor is None:
        return None
    return DateValue(anchor - RECENT_DAYS, anchor, "range", raw)


def _day_word(g, raw, anchor, reference):
    if anchor is None:
        return None
    when = anchor + timedelta(days=_RELATIVE_DAYS[raw])
    return DateValue(when, when, "day", raw, _DAY_WORD_TOD[raw])


def _window(g, raw, anchor, reference):
    """近三年: the three years up to the anchor day; 未来两天: the two days after it.
    多 reaches one unit further (近两年多: two to three years back)."""
    if anchor is None:
        return None
    count = 3 if g["w_n"] in ("几", "数") else _int(g["w_n"])
    if not count:
        return None
    if g["w_past"] == "前" and g["w_unit"] in ("个月", "个季度"):
        return None  # 前三个月 is the first three months of a year (first_months)
    count += 1 if g["w_more"] or g["w_more2"] or g["w_n"] in ("几", "数") else 0
    sign = -1 if g["w_past"] else 1
    unit = g["w_unit"]
    if unit in _WINDOW_UNITS:
        far = _shift_months(anchor, sign * count * _WINDOW_UNITS[unit])
    else:
        days = count * (7 if unit in ("周", "星期", "礼拜", "个星期", "个礼拜") else 1)
        far = anchor + timedelta(days=sign * days)
    if sign < 0:
        return DateValue(far, anchor, "range", raw)
    return DateValue(anchor + timedelta(days=1), far, "range", raw)


def _roc(g, raw, anchor, reference):
    """民国113年 = 2024 (the Republic of China era counts from 1912)."""
    number = _int(g["roc_n"])
    if number is None or not 1 <= number <= 200:
        return None
    year = 1911 + number
    month, day = _int(g["roc_m"]), _int(g["roc_d"])
    if month is None:
        return DateValue(date(year, 1, 1), date(year, 12, 31), "year", raw)
    if not 1 <= month <= 12:
        return None
    if day is None:
        start, end = _month_interval(year, month)
        return DateValue(start, end, "month", raw)
    when = date(year, month, day)
    return DateValue(when, when, "day", raw)


def _that_month(g, raw, anchor, reference):
    """当月: the month of the day the text last named, else of the anchor."""
    base = reference or anchor
    if base is None:
        return None
    start, end = _month_interval(base.year, base.month)
    return DateValue(start, end, "month", raw)


def _two_year(g, raw, anchor, reference):
    """08年, 24年 alone: a year when it has a leading zero or is within three years of the
    anchor (else 20年 is as likely twenty years)."""
    if anchor is None:
        return None
    year = _year_of(g["ty_n"], None, anchor)
    if year is None or not (g["ty_n"].startswith("0") or anchor.year - 3 <= year <= anchor.year + 1):
        return None
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", raw)


# 前日 with no day named before it is the day before yesterday, as 前天 (Hong Kong papers: 的士業界前日晚上舉行
#大會; dateparser and the common Chinese parsers read 前日/前天 as two days back); after a named day it is the day
# before that day, as 前一日 always is
# (not 前日本首相, 前日产高管: 前, "former", before a name that 日 opens)
_BARE_DAYS = {"当日": 0, "当天": 0, "即日": 0, "前日": -2}
_COMPARED_DAY = compiled_on_use(r"(?:较|較|比|与|與|同|从|從|由|自|相比|相较|相較)\s*(?:于|於)?\s*$")


def _ref_day(g, raw, anchor, reference):
    if reference is None and raw in _BARE_DAYS and anchor is not None:
        when = anchor + timedelta(days=_BARE_DAYS[raw])  # "that day" with no day named is the day of writing
        return DateValue(when, when, "day", raw)
    if reference is None:
        return None  # 次日 of what? only a day the text named can tell
    when = reference + timedelta(days=_REFERENCE_DAYS[raw])
    return DateValue(when, when, "day", raw)


# 截至2月6日当周, 截至上周四: the week that ends that day
_WEEK_ENDING, _AS_OF = compiled_on_use(r"\s*(?:当周|该周|这一?周)"), compiled_on_use(r"(?:截至|截止)\s*$")


def _week_before(text: str, named: DateSpan | None, raw: str) -> DateValue | None:
    """前一周: the week before the one the text named last: 上周 (a week, Monday to Sunday) a week back,
    截至2月6日当周 or 截至上周四 (a week ending that day) the seven days a week earlier, a day alone (上周二（1月27日）) the Monday-to-Sunday
    week before its own. Anything else (a month, nothing named) tells no week: left out, never guessed."""
    if named is None:
        return None
    value = named.value
    if value.precision == "range" and (value.end - value.start).days == 6:
        start = value.start - timedelta(days=7)
    elif value.precision == "day" and (_WEEK_ENDING.match(text, named.end)
                                       or _AS_OF.search(text, max(0, named.start - 4), named.start)):
        start = value.start - timedelta(days=13)
    elif value.precision == "day":
        start = value.start - timedelta(days=value.start.weekday() + 7)
    else:
        return None
    return DateValue(start, start + timedelta(days=6), "range", raw)


def _prev_trading(g, raw, anchor, reference):
    """較上日報7.1699 on Monday 10 February: Friday's figure, the trading day before (holidays unknown)."""
    base = reference or anchor
    if base is None:
        return None
    when = base - timedelta(days=1)
    while when.weekday() >= 5:
        when -= timedelta(days=1)
    return DateValue(when, when, "day", raw)


def _week(g, raw, anchor, reference):
    if anchor is None:
        return None
    value = _weekday(raw, g["week_rel"], _WEEKDAYS[g["weekday"]], anchor)
    return replace(value, time_of_day=g["wk_tod"] or "")


def _weekend(g, raw, anchor, reference):
    if anchor is None:
        return None
    monday = anchor - timedelta(days=anchor.weekday())
    shift = -7 if g["we_rel"] == "上" else 7 if g["we_rel"] == "下" else 0
    saturday = monday + timedelta(days=5 + shift)
    return DateValue(saturday, saturday + timedelta(days=1), "range", raw)


_WEEK_SHIFTS = {"上上": -14, "上": -7, "下": 7, "下下": 14}


def _rel_week(g, raw, anchor, reference):
    if anchor is None:
        return None
    shift = _WEEK_SHIFTS.get(raw[:2] if raw[:2] in ("上上", "下下") else raw[0], 0)  # 本/这: 0
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=shift)
    return DateValue(monday, monday + timedelta(days=6), "range", raw)


def _rel_month(g, raw, anchor, reference):
    if anchor is None:
        return None
    start, end = _month_interval(*_rel_month_start(raw, anchor))
    return DateValue(start, end, "month", raw)


def _weekday(raw: str, relative: str | None, weekday: int, anchor: date, forward: bool = False) -> DateValue:
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=_WEEK_SHIFTS.get(relative or "", 0))
    when = monday + timedelta(days=weekday)
    if relative is None and not forward and when > anchor:  # a bare 周五 leans to the past
        when -= timedelta(days=7)
    if relative is None and forward and when < anchor:  # …of a coming event: the next one on or after
        when += timedelta(days=7)
    return DateValue(when, when, "day", raw)


def _coming(text: str, start: int, end: int) -> bool:
    """Whether the weekday at start..end is a coming day: 将/拟/计划 … or 提前 before it in its clause
    (裁员通知将从当地时间周一凌晨发出), or 为 before it and 预热/备战 after (为周日赛事预热)."""
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    if COMING.search(text, clause, start) is not None or _AHEAD_BEFORE.search(text, clause, start) is not None:
        return True
    return text[clause:start].endswith(("为", "為")) and _READYING_AFTER.match(text, end) is not None


def _ago(g, raw, anchor, reference):
    if anchor is None:
        return None
    vague = g["ago_n"] in ("几", "数")
    count = 3 if vague else _int(g["ago_n"])
    if count is None:
        return None
    sign = -1 if "前" in g["ago_dir"] else 1
    unit = g["ago_unit"]
    half = g["ago_half"] or g["ago_more2"] == "半"
    if half and unit in ("年", "月"):  # 一年半前: eighteen months back; 一个半月前: six weeks back
        if unit == "年":
            return _months_ago(count * 12 + 6, sign, False, raw, anchor)
        middle = _shift_months(anchor, sign * count) + timedelta(days=sign * 15)
        return DateValue(middle - timedelta(days=7), middle + timedelta(days=7), "range", raw)
    more = bool(g["ago_more"] or g["ago_more2"] or half) or vague
    if unit in ("天", "日"):
        when = anchor + timedelta(days=sign * count)
        if more:
            other = when + timedelta(days=sign * count)
            return DateValue(min(when, other), max(when, other), "range", raw)
        return DateValue(when, when, "day", raw)
    if unit in ("周", "星期", "礼拜"):
        # 两周前: about 14 days back, give or take 3; 两周多前: between two and three weeks back
        middle = anchor + timedelta(days=sign * 7 * count)
        if more:
            other = middle + timedelta(days=sign * 7)
            return DateValue(min(middle, other), max(middle, other), "range", raw)
        return DateValue(middle - timedelta(days=3), middle + timedelta(days=3), "range", raw)
    if unit == "年":
        # 三年前: the calendar year three back; 三年多前: that year or the one before
        year = anchor.year + sign * count
        if more:
            other = year + sign
            return DateValue(date(min(year, other), 1, 1), date(max(year, other), 12, 31), "range", raw)
        return DateValue(date(year, 1, 1), date(year, 12, 31), "year", raw)
    return _months_ago(count, sign, more, raw, anchor)


def _months_ago(months: int, sign: int, more: bool, raw: str, anchor: date) -> DateValue:
    # 两个多月前: between two and three months back; 两个月前: around two months back
    if more:
        near, far = _shift_months(anchor, sign * months), _shift_months(anchor, sign * (months + 1))
    else:
        near = _shift_months(anchor, sign * months) + timedelta(days=15)
        far = _shift_months(anchor, sign * months) - timedelta(days=15)
    return DateValue(min(near, far), max(near, far), "range", raw)


def _decade(g, raw, anchor, reference):
    decade = _int(g["dc_n"])
    if decade is None:
        return None
    century = g["dc_century"]
    if century and century.startswith(("上", "20", "二十")):
        base = 1900
    elif century:
        base = 1800
    else:
        this = anchor.year if anchor else 2000
        base = 2000 if 2000 + decade <= this else 1900
    first = base + decade
    part = {"前期": "初", "后期": "末", "中后期": "中后"}.get(g["dc_part"] or "", g["dc_part"] or "")
    if part == "中后":
        return DateValue(date(first + 5, 1, 1), date(first + 9, 12, 31), "range", raw)
    if part.startswith("初"):
        return DateValue(date(first, 1, 1), date(first + 3, 12, 31), "range", raw)
    if part.startswith("中"):
        return DateValue(date(first + 3, 1, 1), date(first + 6, 12, 31), "range", raw)
    if part.startswith("末"):
        return DateValue(date(first + 7, 1, 1), date(first + 9, 12, 31), "range", raw)
    return DateValue(date(first, 1, 1), date(first + 9, 12, 31), "range", raw)


def _decade_full(g, raw, anchor, reference):
    first = int(g["dcf_year"])
    return _decade({"dc_n": str(first % 100), "dc_century": "20世纪" if first < 2000 else "",
                    "dc_part": g["dcf_part"]}, raw, date(first, 12, 31), reference)


def _year_part_match(g, raw, anchor, reference):
    year, _ = _g_year(g, "ypyear", anchor)
    if year is None:
        return None
    return _year_part(year, g["yp_part"], raw)


def _bare_year_part(g, raw, anchor, reference):
    if anchor is None:
        return None
    return _year_part(anchor.year, g["byp_part"] or g["byp_half"], raw)


def _year_only(g, raw, anchor, reference):
    year = _year_of(g["yyear"], g["yrel"], anchor)
    if year is None:
        return None
    return _year_part(year, None, raw)


_FIXED_FESTIVALS = {"元旦": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "劳动节": (5, 1), "儿童节": (6, 1),
                    "教师节": (9, 10), "国庆节": (10, 1), "国庆": (10, 1), "双十一": (11, 11), "双11": (11, 11),
                    "平安夜": (12, 24), "圣诞节": (12, 25), "圣诞": (12, 25), "元旦节": (1, 1), "建军节": (8, 1),
                    "建党节": (7, 1), "愚人节": (4, 1), "万圣节": (10, 31), "植树节": (3, 12), "青年节": (5, 4)}


def _festival(g, raw, anchor, reference):
    name = g["fs_name"]
    year, stated = _g_year(g, "fs_year", anchor)
    if (stated and year is None) or (not stated and anchor is None):
        return None
    if name in _FIXED_FESTIVALS:
        month, day = _FIXED_FESTIVALS[name]
        if year is None:  # not stated (a stated year that does not read returned above)
            year = _closest_year(month, day, anchor)
        when = date(year, month, day)
        return DateValue(when, when, "day", raw)
    if stated:
        if year not in _SPRING_FESTIVAL:
            return None
        new_year = date(year, *_SPRING_FESTIVAL[year])
    else:
        candidates = [(abs((date(y, *_SPRING_FESTIVAL[y]) - anchor).days), y > anchor.year, date(y, *_SPRING_FESTIVAL[y]))
                      for y in (anchor.year - 1, anchor.year, anchor.year + 1) if y in _SPRING_FESTIVAL]
        if not candidates:
            return None
        new_year = min(candidates)[2]
    if name == "春节":  # the holiday: from New Year's Eve through the first week
        return DateValue(new_year - timedelta(days=1), new_year + timedelta(days=6), "range", raw)
    if name == "除夕":
        when = new_year - timedelta(days=1)
    elif name == "元宵节":
        when = new_year + timedelta(days=14)
    else:
        when = new_year + timedelta(days=(_int(name[-1]) or 1) - 1)
    return DateValue(when, when, "day", raw)


def _century(g, raw, anchor, reference):
    """18世纪: 1700–1799; 上世纪: the century before the anchor's."""
    text = g["ct_n"]
    if text.startswith("上"):
        if anchor is None:
            return None
        first = (anchor.year // 100 - 1) * 100
    else:
        number = _int(text)
        if number is None or not 1 <= number <= 30:
            return None
        first = (number - 1) * 100
    spans = {"初": (0, 19), "初期": (0, 19), "前期": (0, 32), "中": (30, 69), "中期": (30, 69),
             "后期": (67, 99), "末": (80, 99), "末期": (80, 99)}
    low, high = spans.get(g["ct_part"] or "", (0, 99))
    return DateValue(date(max(first + low, 1), 1, 1), date(first + high, 12, 31), "range", raw)


def _bare_day(g, raw, anchor, reference):
    """11日: the day of that number nearest the anchor (this month, the last or the next); after a
    day the text named (1月18日19时30分（北京时间19日…）), the one nearest that day."""
    when = _nearest_day(int(g["bd_day"]), reference or anchor)
    if when is None:
        return None
    return DateValue(when, when, "day", raw, g["bd_tod"] or "")


def _nearest_day(day: int, anchor: date | None) -> date | None:
    """The date of day number `day` nearest `anchor`, in its month, the one before or the one after
    (the reading of a bare day, alone or as the first of a range)."""
    if anchor is None:
        return None
    candidates = []
    for shift in (-1, 0, 1):
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        month += 1
        if day <= _days_in_month(year, month):
            when = date(year, month, day)
            candidates.append((abs((when - anchor).days), when > anchor, when))
    return min(candidates)[2]


def _bare_day_range(g, raw, anchor, reference):
    """10日至14日: from the first day (read as a bare day) to the second, in the same month, or the
    next when the second is smaller (28日至3日)."""
    start = _nearest_day(int(g["bdr_d1"]), reference or anchor)
    last_day = int(g["bdr_d2"])
    if start is None:
        return None
    year, month = start.year, start.month
    if last_day <= start.day:
        year, month = divmod(year * 12 + month, 12)
        month += 1
    if last_day > _days_in_month(year, month):
        return None
    return DateValue(start, date(year, month, last_day), "range", raw)


def _year_part(year: int, part: str | None, raw: str) -> DateValue:
    if part in _SEASONS:  # 今年春季: the season's three months (winter, across two years, is left unread)
        first, last = _SEASONS[part]
        return DateValue(date(year, first, 1), date(year, last, _days_in_month(year, last)), "part-of-month", raw)
    if part in ("底", "末", "尾"):
        return DateValue(date(year, 10, 1), date(year, 12, 31), "part-of-month", raw)
    if part in ("初", "伊始", "头"):
        return DateValue(date(year, 1, 1), date(year, 3, 31), "part-of-month", raw)
    if part == "中":
        return DateValue(date(year, 5, 1), date(year, 8, 31), "part-of-month", raw)
    if part == "上半年":
        return DateValue(date(year, 1, 1), date(year, 6, 30), "half-year", raw)
    if part == "下半年":
        return DateValue(date(year, 7, 1), date(year, 12, 31), "half-year", raw)
    return DateValue(date(year, 1, 1), date(year, 12, 31), "year", raw)


_RESOLVERS = {
    "fiscal": _fiscal, "quarter": _quarter, "quarter_code": _quarter_code, "month_quarter": _month_quarter,
    "first_quarters": _first_quarters, "first_months": _first_months, "rel_quarter": _rel_quarter,
    "day_range": _day_range, "month_range": _month_range, "year_range": _year_range, "iso": _iso,
    "full": _full, "slash_day": _slash_day, "rel_month_day": _rel_month_day, "part_of_month": _part_of_month,
    "rel_month_part": _rel_month_part, "bare_month_part": _bare_month_part, "year_month": _year_month,
    "day_word": _day_word, "rel_day": _rel_day, "ref_day": _ref_day, "weekend": _weekend, "week": _week,
    "rel_week": _rel_week, "rel_month": _rel_month, "ago": _ago, "decade": _decade, "decade_full": _decade_full, "century": _century,
    "year_part": _year_part_match, "bare_year_part": _bare_year_part, "year_only": _year_only,
    "festival": _festival, "bare_day": _bare_day, "bare_day_range": _bare_day_range, "window": _window, "roc": _roc, "that_month": _that_month,
    "two_year": _two_year, "recent": _recent, "prev_trading": _prev_trading,
}

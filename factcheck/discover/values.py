"""Every value an article states, with the words around it that say what it is.

No rule tells discover what to look for, so it reads every sentence:
amounts, percentages and counts (find_quantities, and a number before a
measure word), and dates (find_dates). For each value it keeps

- the *metric*: the noun phrase right before the value in its clause, with
  link words (为, 达, 至 …), change verbs, periods and brackets cut away —
  净利润 in "公司净利润为21.95亿美元"; a change (同比增长11.25%) is about the
  metric of the value before it;
- the *qualifiers*: period (第四季度, 全年, 前三季度 — a date span that is not a
  day), day, basis (同比/环比), market (A股/港股/美股), session, measure (high)
  and forecast, each looked for in the clause, then the sentence, then the
  paragraph.

The subject (which company) is found later, per story, once the names of
the story are known (see names.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from itertools import pairwise

from factcheck.discover.adapter import Value, named_list, plain_quantity
from factcheck.kinds.currency import article_locale, locale_currency
from factcheck.kinds.date import MOVE_VERBS, MOVED_FROM
from factcheck.kinds.dateline import dateline_of
from factcheck.kinds.duration import DAYS
from factcheck.kinds.qualifiers import (
    LIST_JOIN,
    LIST_JOINER,
    LIST_WORD_JOIN,
    builtin_words,
    comparison_spans,
    starts_a_span,
)
from factcheck.kinds.sentence import clause_bounds
from factcheck.normalize.counts import CLASSIFIED_UNIT, COUNT_NUMBER, NUMERALS
from factcheck.normalize.dates import DateSpan, find_dates
from factcheck.normalize.numbers import group_thousands
from factcheck.normalize.quantities import (
    CHANGE_LEAD,
    CHANGE_LEAD_EN,
    CURRENCIES,
    DOWN_WORDS,
    find_quantities,
    negate,
    parse_quantity,
)
from factcheck.normalize.variants import to_simplified
from factcheck.normalize.words import ZH
from factcheck.records import Article, Segment
from factcheck.values import DateValue, Quantity, StatusValue

OPENING, CLOSING = "（(「『《“[", "）)」』》”]"
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")

# words that link a metric to its value: 净利润(为|达|录得)21.95亿美元
LINK_WORDS = ("有望达到", "预计达到", "有望达", "达到了", "达到", "约为", "实现了", "实现", "录得", "创下", "创", "共计", "合计", "合共",
              # "as many as" and "that is" (裁员5%，也就是多达3600人): 高达 and 即 in other words
              "多达", "也就是",
              "累计", "总计", "分别为", "分别", "增至", "升至", "降至", "涨至", "跌至", "达至", "提升至", "下降至",
              "为", "达", "是", "报", "至", "到", "了", "共", "仅", "只有", "高达", "已达", "超过", "超", "逾", "近",
              "接近", "突破", "约", "即", "由", "从", "有", "在", "的", "将", "已", "亦", "也", "则", "再", "更",
              "人民币", "美元", "港元", "港币", "为人民币", "金额", "规模", "总额", "额", "约合", "折合", "相当于")
# adverbs of time, degree and outlook between a word and its value (股价曾报95.25元, 曾升最多5.68%, 大幅下滑62%,
# 现报93.4元, 总票房有望达到150亿元): cut from the metric phrase like link words, in any combination
ADVERBS = ("曾经", "曾", "一度", "现", "暂", "最多", "最高", "已经", "或", "可", "将", "有望", "料将", "大幅", "小幅", "略",
           # likelihood, "all" before a verb, a concession (新增岗位可能超过20万个, 消费量均将增长140万桶,
           # 数据虽然新增14.3万个), scope (管理费率普遍降至1.2%, 统一下调; written from a development set, fresh4's
           # fee story, which so no longer measures them) and a rate: 每 and a unit of time a duration reads
           # (需求将每日增加145万桶). What a value is compared with (较去年12月) is cut as a check cuts it (see _phrase)
           "可能", "或将", "均将", "均为", "均达", "虽然", "虽", "普遍", "统一", *(f"每{unit}" for unit in (*DAYS, "月")),
           # the unit a price is per, written before it (价格为每公斤33元 is the price, as 60元/公斤 is)
           *(f"每{unit}" for unit in ZH.per_units if not unit.isascii()))
# words that say nothing about which quantity it is, stripped from the front of a phrase
LEAD_WORDS = ("其中", "此外", "同时", "另外", "而", "其", "该", "此次", "本次", "目前", "当前", "截至", "期内",
              "公司", "集团", "并", "且", "以及", "和", "与", "及", "但", "去年", "今年", "全年", "同期",
              # the conjunctions that open a clause (a closed class: condition, cause, concession, result):
              # 如果台积电与英特尔成立合资企业 names no measure 如果 (a label 英特尔 · 如果, a 2025-02 财联社 report)
              "如果", "假如", "倘若", "要是", "若", "一旦", "只要", "除非", "因为", "由于", "因此", "所以", "因而",
              "从而", "于是", "但是", "可是", "然而", "不过", "虽然", "尽管", "即使", "即便", "无论", "不论", "而且",
              "并且", "况且", "或者")
_NON_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")

# measure words after a number that make it a count: 7000家门店, 2亿人次
MEASURE_WORDS = ("人次", "家", "个", "人", "名", "位", "辆", "台", "款", "座", "部", "张", "场", "次", "倍", "年",
                 "项", "所", "条", "支", "架", "艘", "套", "份", "杯", "件", "只", "间", "户", "股", "万股", "亿股",
                 "城", "国", "地区", "市场", "门店", "天", "个月", "周", "小时", "分钟", "吨", "桶", "公里", "平方米", "千瓦时", "GWh",
                 # a group named by its size (三大运营商, 两大汽车央企, 四大业务): see GROUP_SIZE
                 "大")
# the family of a group's size: outlets repeat such a name as they found it (美股三大指数), so it is a
# candidate only where sources size the group differently (两大 / 三大汽车央企: see align.candidates)
GROUP_SIZE = "count:大"
# the measure words that count people: one unit, read as the first (9000名员工 / 約8000人: one headcount, as
# a check's count rule with `units: [人, 名]` reads them); a drafted count rule names them all
PEOPLE = ("人", "名")
# events a day dates when one follows it in its clause (2024年8月8日在港交所上市): general news verbs
EVENT_VERBS = ("上市", "挂牌", "成立", "发布", "推出", "举行", "举办", "召开", "生效", "实施", "启动", "结束", "签署",
               "签订", "到期", "开业", "开幕", "上映", "递表", "递交", "交付", "发行", "上线", "发售", "招股", "定价",
               "裁员", "离职", "辞职", "任命", "就任", "当选")
# a person's post, when the person's name follows it (恩智浦执行副总裁兼…总经理 Rafael Sotomayor, 抖音集团副总裁李亮):
# general titles of companies, boards and governments; 首席…官 is any chief officer (首席战略官, 首席医学官)
TITLE_WORDS = ZH.posts  # zh.yaml posts (and post_variants): the one list of posts, reading's too
_CHIEF = "首席[\u4e00-\u9fff]{1,4}?官"
# a Chinese name after a title opens with a surname (the commonest, about nine in ten people), so a title
# before a verb (董事长表示, 负责人向记者) is no post of anyone
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
            "卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施"
            "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
            "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
            "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
POST_METRIC = "职务"
# measure words of time: counts of them (4个月, 逾4年) are durations, compared with one another and drafted
# as duration rules, so they are the units a duration rule reads
DURATIONS = tuple(DAYS)
# a numeral alone before a measure word that is the indefinite article (一名, 一份, 一部分), not a count
INDEFINITE = ("一",)
_YEAR = re.compile(r"(?:19|20)\d\d")  # a four-digit number before 年 is a year (2024年度), never a count of years
# a bare amount with a scale but no unit (预测总票房160.3亿): a number, compared only with numbers
# or a Latin scale letter (仅300M参数, 671B参数: millions and billions, as parse_number reads them; not
# before another Latin letter: 300MB, 5Mbps)
# A Latin scale letter inside a hyphened name is part of the name (s1-32B, Qwen2.5-32B-Instruct: a model's size in
# its name, no figure of the story; round 38's notes), as is one glued to letters or digits before it; the
# look-ahead leads the search to where a match can start (discover30)
_BARE = re.compile(r"(?=[约近超逾\d])(?:约|近|超过|超|逾)?(?<![-A-Za-z0-9.])\d+(?:\.\d+)?(?:(?:多|余)?[万亿]+|[MB](?![-A-Za-z]))"
                   r"(?![\u4e00-\u9fff]*?[元%])")
# a round size crossed, with no digit (市值破万亿, 票房突破百亿, 升穿萬億元 is an amount the normalizer reads):
# one of that scale, a milestone, compared with the other milestones of its metric (see align._linked)
_MILESTONE = re.compile(r"(?P<verb>突破|超过|破|超|逾)(?P<scale>[十百千]?[万亿]{1,2})(?![\d\u4e00-\u9fff]*?[元%])(?![\d.])")
_ANY_DIGIT = re.compile(r"[\d一二两三四五六七八九]")
_SCALE_WORD = re.compile(r"[万亿萬億]")


def is_milestone(raw: str) -> bool:
    """A value written with no digit or numeral but a scale (破万亿, 突破百亿元, 升穿萬億元): as _MILESTONE
    reads it, or the normalizer an amount. Both, not the lack of a digit alone: 周日凌晨 (a date) and
    十家 (a count) have no digit either and cross no size."""
    return _ANY_DIGIT.search(raw) is None and _SCALE_WORD.search(raw) is not None


# a bare decimal with two or more decimals and no unit (中间价报7.1706, 收报7.3077): an exchange rate or
# another ratio measured, not a version (4.0) or a rounded figure; a number like 160.3亿 above
_DECIMAL = re.compile(r"(?=\d)(?<![A-Za-z\d.])\d+\.\d{2,}(?![\d.%A-Za-z])")  # (?=\d): tried only at a digit

# a record named after its value (2942.78美元的历史高点, 109356美元的巅峰, 0.563的低点): the value is
# that high or low, whatever word stood before it (金价创下 / 现货黄金一度升至 / 比特币从)
PEAK_WORDS = ("高点", "高位", "新高", "巅峰", "峰值", "顶峰")
TROUGH_WORDS = ("低点", "低位", "新低", "低谷")
EXTREME_METRIC = {"high": "高点", "low": "低点"}
# qualifiers: name → (value → words). General news vocabulary, not one story's
QUALIFIERS: dict[str, dict[str, tuple[str, ...]]] = {
    "basis": {"yoy": ("同比", "按年", "年增", "年减", "较上年", "较去年同期", "比上年"),
              "qoq": ("环比", "按季", "按月", "较上月", "较上季")},
    "market": {"A": ("A股", "深交所", "上交所", "沪市", "深市"), "HK": ("港股", "港交所", "恒指", "恒生", "H股"),
               "US": ("美股", "纳斯达克", "纽交所", "纳指", "道指", "标普")},
    "session": {"premarket": ("盘前",), "open": ("开盘", "高开", "低开"), "intraday": ("盘中", "截至发稿", "发稿前", "午间"),
                "close": ("收盘", "收涨", "收跌", "收报", "收市")},
    "measure": {"high": ("最高", "高点", "一度", "最多", "盘中高", *PEAK_WORDS), "low": ("最低", "低点", *TROUGH_WORDS)},
    "stance": {"forecast": ("预计", "预测", "预期", "有望", "将达", "指引", "展望", "预估", "料将"),
               "prior": ("前值", "上年同期", "去年同期", "此前", "上一财年")},
    # an adjusted figure (可比每股收益, 经调整净利润) is another figure than the reported one: the check's words
    "accounting": {value: tuple(words) for value, words in builtin_words()["accounting"].items()},
}




def _any_of(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def derive_patterns() -> None:
    """Build the patterns that read the word lists above. Run at import; run again after editing a
    list (benchmarks/discover.py --leave-one-out drops the words only the left-out story uses)."""
    global _LINK_END, _LEAD, _COUNT, _QUALIFIER_RE, _QUALIFIER_VALUE, NUMBER_AFTER, _KNOWN_METRIC, METRIC_SYNONYMS
    global _LONGEST_METRIC, _HINT, _EVENT_AFTER, _EXTREME_AFTER, _POST, _TITLE, _NAMED_AFTER, _CANONICAL
    METRIC_SYNONYMS = _line_items()
    _CANONICAL = frozenset(METRIC_SYNONYMS.values())
    _LONGEST_METRIC = max(map(len, METRIC_SYNONYMS))
    _KNOWN_METRIC = re.compile(_any_of(tuple(METRIC_SYNONYMS)))
    # one word, then any more (not `(?:…)+$`): a pattern that opens with the words lets `re` skip in C every
    # character no word starts with, where a repetition is tried at every character (≈5× faster in _phrase)
    links = _any_of(LINK_WORDS + ADVERBS)
    _LINK_END = re.compile(f"(?:{links})(?:{links})*$")
    # a number right after a word, or after its link words (票房将超过160亿): the word names a measure
    NUMBER_AFTER = re.compile(f"(?:{_any_of(ADVERBS + tuple(w for w in LINK_WORDS if len(w) > 1) + tuple('为达超约近逾了至'))})"
                              r"{0,3}(?:\d+(?:\.\d+)?(?![\d.]*[年月日季])|[一二三四五六七八九十两][十百千万亿%成倍])")
    _LEAD = re.compile(f"^(?:{_any_of(LEAD_WORDS)})+")
    # within its clause, as far as a told verb reaches (在周一的巴黎人工智能行动峰会召开前夕: 13 characters)
    _EVENT_AFTER = re.compile(f"[^，,。！？；;：:]{{0,16}}?(?P<verb>{_any_of(EVENT_VERBS)})")
    # a count's number (normalize/counts.py, as the set and status kinds read it) with its scale words
    # (2亿1千万股: 2亿 then 1千万). Every part is possessive and a scale word stands between two numbers, so a
    # run of numerals with no measure word after it is read one way only (a pattern that could split
    # 二十二二… at every numeral backtracked exponentially).
    # 20周年 is an anniversary (an ordinal), not a count of weeks: 周 before 年 is no measure word.
    # 个 before a unit of time or of points is that unit's measure word (两个多小时, 0.8个百分点): no count.
    # Papers that space digits from Chinese (估計 8000 人丟飯碗) put a space before a count of people; not
    # before other measure words, which as often begin the next word (Pro 4 支持, 如图 5 所示, 25 年 1 月)
    # A digit glued to a Latin letter is part of a model's or a code's name (G1人形机器人: the G1, not one person), not a count.
    # a negated bound (不超过35名, 不少于10家, 不到5人) is read whole, as the normalizer reads it: cut at 超过 it
    # would be the opposite bound, and its 不 the end of the metric (向不超过35名: metric 向不)
    _NEGATED_BOUND = tuple(w for w in ZH.approx_before if w.startswith("不"))
    # led by the class of every character a count starts with (a lead word's first, a digit, a numeral): `re`
    # tries the rest only there, not at every character of every sentence (bulk's told articles: ≈2× faster)
    starts = "".join(sorted({w[0] for w in _NEGATED_BOUND})) + "约近超逾至接数几" + NUMERALS
    _COUNT = re.compile(rf"(?=[\d{starts}])(?P<num>(?:{_any_of(_NEGATED_BOUND)}|约|近|超过|超|逾|至少|接近|数|几)?"
                        rf"(?<![A-Za-z\d]){COUNT_NUMBER}(?:[万亿]{{1,2}}+{COUNT_NUMBER})*+(?:多|余)?(?:[万亿]{{1,2}})?)(?:(?<=\d)[ \u00a0](?={_any_of(PEOPLE)}))?(?P<unit>{_any_of(MEASURE_WORDS)})(?!(?<=周)年)(?!(?<=[个個]){CLASSIFIED_UNIT.pattern})")
    # a sentence with no digit may still state a value: a numeral before a scale or measure word (三名高管)
    # (led by the class of the characters its alternatives start with, as _COUNT is)
    _HINT = re.compile(rf"(?=[\d０-９%％百破超逾过穿一二两三四五六七八九十])(?:[\d０-９%％]|百分之|[破超逾过穿][十百千]?[万亿]"
                       rf"|[一二两三四五六七八九十][十百千万亿成倍]|[一二两三四五六七八九十](?:{_any_of(MEASURE_WORDS)}))")
    pairs = {name: [(w, v) for v, words in values.items() for w in words] for name, values in QUALIFIERS.items()}
    _QUALIFIER_RE = {name: re.compile(_any_of([w for w, _ in found])) for name, found in pairs.items()}
    _QUALIFIER_VALUE = {name: dict(found) for name, found in pairs.items()}
    # a post: title words (joined by 、 和 及 与 or 兼, and the unit they head: 副总裁兼安全互联边缘部门总经理), then a
    # Latin name or a Chinese name's first two characters (surname and given name: the holder's key)
    title = f"(?:{_any_of(TITLE_WORDS)}|{_CHIEF})"
    # (a unit may stand after 、 too: 阿里云国际副总裁、泰国区总经理袁浩钧 holds both)
    _POST = re.compile(rf"(?P<post>{title}(?:(?:兼|[、和及与])[\u4e00-\u9fffA-Za-z]{{0,12}}?{title})*)\s*(?![和及与]{title})"
                       rf"(?P<holder>[A-Z][a-z]+(?: [A-Z][a-z]+)+|[{SURNAMES}][\u4e00-\u9fff])")
    _TITLE = re.compile(title)
    # 的 and at most two words of time or scope (历史, 纪录, 年内) between a value and its record's noun
    _EXTREME_AFTER = re.compile(f"(?:的)[\u4e00-\u9fff]{{0,2}}?(?P<word>{_any_of(PEAK_WORDS + TROUGH_WORDS)})")
    # 的 and a known line item that ends the clause (以100亿美元的估值，投资…): the value is named after it
    _NAMED_AFTER = re.compile(f"的(?P<word>{_any_of(tuple(METRIC_SYNONYMS))})(?=[，,。；;：:！？!?、\\s）)”]|$)")


_LINK_END: re.Pattern[str]
_LEAD: re.Pattern[str]
_COUNT: re.Pattern[str]
_HINT: re.Pattern[str]
_EVENT_AFTER: re.Pattern[str]
_EXTREME_AFTER: re.Pattern[str]
_NAMED_AFTER: re.Pattern[str]
_POST: re.Pattern[str]
_TITLE: re.Pattern[str]
_QUALIFIER_RE: dict[str, re.Pattern[str]]
_QUALIFIER_VALUE: dict[str, dict[str, str]]
NUMBER_AFTER: re.Pattern[str]
_KNOWN_METRIC: re.Pattern[str]
# qualifiers that describe only the value they stand next to
CLAUSE_ONLY = ("measure", "stance", "accounting")
CHANGES = ("%change", "pp", "money-change")
# sentences before a value, in its paragraph, whose market, session or basis word is its own: as many as a
# value's subject is inferred from. A whole article written as one line is one paragraph, and its one
# 截至当日收盘 was every later value's session
QUALIFIER_REACH = 2
# words of a metric besides the shipped line items (factcheck/data/qualifiers.yaml): a bare 利润 is the
# net profit news means by it; tails of longer words (营业额, 投资额) and market words
EXTRA_METRICS = {"利润": "净利润", "业额": "营收", "资额": "募资", "持股": "持股", "股份": "持股", "股权": "持股",
                 "收报": "股价", "价格": "价格", "售价": "价格",
                 # demand (consumption forecast as demand: see FORECAST_AS_DEMAND)
                 "需求": "需求", "需求量": "需求",
                 # the verbs that make something known: the metric of the day they follow (see _TOLD_AFTER)
                 "公告": "公告", "披露": "公告", "宣布": "公告", "公布": "公告", "透露": "公告"}


# consumption forecast is demand forecast: 石油需求将每日增加145万桶 / 预测…石油消费量均将增长140万桶/日 are one
# forecast (fresh2's oil agencies). Consumption stated as done is not demand (电力消费量 vs 电力需求), so
# only a forecast's 消费量 or 消耗量 is 需求 (REVIEW15 D1)
FORECAST_AS_DEMAND = ("消费量", "消耗量")


def as_demand(metric: str, qualifiers: tuple[tuple[str, str, str], ...]) -> str:
    """预测2025年石油消费量均将增长140万桶/日: the demand forecast (石油需求将每日增加145万桶)."""
    forecast = any(name == "stance" and value == "forecast" for name, value, _ in qualifiers)
    return "需求" if forecast and metric in FORECAST_AS_DEMAND else metric


def _line_items() -> dict[str, str]:
    """Metric word → canonical word. The shipped line items keep line items apart (净利润, 经营利润,
    毛利, 扣非净利润 are four metrics; 纯利 and 盈利 are 净利润): a check reads them from the same table."""
    from factcheck.kinds.qualifiers import builtin_words

    table: dict[str, str] = {}
    for words in builtin_words()["metric"].values():
        for word in words:  # each list opens with its simplified word; text is simplified before it is read
            table.setdefault(word, words[0])
    return {**{w: table.get(c, c) for w, c in EXTRA_METRICS.items()}, **table}


METRIC_SYNONYMS: dict[str, str]  # every metric word → its canonical word (derive_patterns)
_LONGEST_METRIC: int


def canonical_metrics() -> frozenset[str]:
    """The canonical metric words (净利润, 营收 …) of the word lists as they are now: made once by
    derive_patterns (asked for every pair of values told alike: 0.3 s of a bulk run when made each time)."""
    return _CANONICAL


_CANONICAL: frozenset[str]
derive_patterns()
# the shipped extreme words (最多, 最高达, 最低 …), longest first: one list for the normalizer and discover
_EXTREME_LEAD = re.compile("|".join(sorted(map(re.escape, ZH.extreme_words), key=len, reverse=True)))
# the normalizer's change lead (one pattern for both), which may also end on a word the shipped
# table lets stand before an extreme word (涨幅一度接近12%: 一度, 盘中 …)
_CHANGE_LEAD = re.compile(CHANGE_LEAD.pattern.removesuffix(r"\s*$")
                          + rf"\s*(?:{'|'.join(sorted(map(re.escape, ZH.extreme_lead), key=len, reverse=True))})?\s*$")
# a day followed closely in its sentence by a verb that makes something known (2月7日，荣昌生物发布公告称)
TOLD_VERBS = ("公告", "披露", "宣布", "公布", "透露")
_TOLD_AFTER = re.compile(rf"[^。！？；;]{{0,16}}?(?P<verb>{'|'.join(TOLD_VERBS)})")
_SHARE_AFTER = re.compile(r"^(?:的)?(?:股份|股权|的股权)")
# a verb of change right before a value: the check's (zh.yaml change.up/down), revisions (上调, 下修), the
# nouns of a change (涨幅) and the intensified verbs whose last character alone would leave a word behind (暴涨)
_CHANGE_VERBS = re.compile(f"(?:{_any_of(ZH.up_words + ZH.down_words + ('新增', '上修', '下修', '上调', '下调', '调降', '调升', '调低', '调高', '涨幅', '跌幅', '增幅', '降幅', '升幅', '暴涨', '飙涨'))})"
                           "(?:了|逾|超|近|约)?$")


@dataclass(frozen=True)
class Observation:
    """One value one article states, with what it is about (subject filled in later)."""

    article: str
    outlet: str
    line: int
    sentence: str
    span: tuple[int, int]
    value: Value
    family: str  # what may be compared: "%", "%change", "pp", "money", "count:家", "number", "date"
    metric: str  # canonical metric word (票房, 利润 …), "" when none was read
    phrase: str  # the phrase before the value as read, for reports and rule cues
    cue: str  # the words right before the value in its clause, as written (a rule cue)
    qualifiers: tuple[tuple[str, str, str], ...]  # (name, value, the word that set it)
    paragraph: int
    before: str = ""  # the sentences just before, in the article: where a pronoun's name was last said
    subject: str = ""
    subject_inferred: bool = False

    def qualifier(self, name: str) -> str:
        return next((value for key, value, _ in self.qualifiers if key == name), "")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: Value
    family: str
    change_start: int  # where the change verb starts (a change), else -1
    holder: str = ""  # a post's holder: whom it is about, read with it (a person is no name of names.py)


def observe(article: Article) -> list[Observation]:
    """Every value of `article`, in reading order."""
    anchor = article.published.date() if article.published else None
    result: list[Observation] = []
    by_paragraph: dict[int, list[tuple[str, list[DateSpan]]]] = {}
    # a bare 元 in a Hong Kong or Taiwan paper's article is HK$/NT$, as a check reads it (kinds/currency.py);
    # a "(美元．下同)" note sets it for every later bare 元 amount
    locale, _ = article_locale(article)
    local = locale_currency(locale)
    currency = [local if local != "CNY" else "", "locale"]  # the bare 元's currency, and where it came from
    recent: list[str] = []
    for segment in article.segments:
        text = to_simplified(segment.text)
        before = " ".join(recent[-2:])
        recent.append(segment.text)
        valued = _maybe_value(text)
        dates = [d for d in find_dates(text, anchor) if not _is_duration(text, d)] if valued else []
        earlier = by_paragraph.setdefault(segment.paragraph, [])
        if valued or _POST.search(text):  # a sentence with no figure may name a post (抖音集团副总裁李亮称)
            result.extend(_sentence_values(article, segment, text, dates, earlier, currency, anchor,
                                           posts_only=not valued, before=before))
        earlier.append((text, dates))
    return result


# 工作近20年, 近20年的工作履历: a span the date reader takes for a window back from publication is a
# duration stated as a value (a count of years) when it follows a word in its clause and ends it or
# qualifies a noun; 近20年来, 近5年内 and a clause-opening 近三年， stay periods
_DURATION_LEAD = ("近", "将近", "接近")
_CLAUSE_EDGE = re.compile(r"[，,。；;：:！？!?、\s（(）)]")


def _is_duration(text: str, span: DateSpan) -> bool:
    if not text.startswith(_DURATION_LEAD, span.start) or span.start == 0:
        return False
    after = text[span.end:span.end + 1]
    return not _CLAUSE_EDGE.match(text[span.start - 1]) and (after in ("", "的", "了") or bool(_CLAUSE_EDGE.match(after)))


def _maybe_value(text: str) -> bool:
    return _HINT.search(text) is not None or _QUOTED_LIST.search(text) is not None


# a list of quoted names (对“张兰·俏生活”、“张兰之箖玥甄选”、“汪小菲”予以封禁; “A”“B”“C”): a set, the names
# one source gives in one role. Quotes mark where each name begins and ends, which a bare list
# (美银、中金、中信建投) does not
# (a name: at most 12 characters and no punctuation or brackets; a quoted remark is longer or holds them)
_QUOTED = r"[“「](?P<name>[^“”「」，,。；;！？!?（）()…]{1,12})[”」]"
_QUOTED_LIST = re.compile(rf"{_QUOTED}(?:\s*(?:{LIST_JOINER}\s*)?{_QUOTED.replace('?P<name>', '')})+")
_QUOTED_NAME = re.compile(_QUOTED)


def _sentence_values(article: Article, segment: Segment, text: str, dates: list[DateSpan],
                     earlier: list[tuple[str, list[DateSpan]]], currency: list[str],
                     published: date | None, posts_only: bool = False,
                     only: list[_Found] | None = None, before: str = "") -> list[Observation]:
    values = only if only is not None else _posts(text, []) if posts_only else _values(text, dates)
    found = _list_units(text, [_in_currency(item, text, currency) for item in values])
    positions = _list_positions(text, found)
    clauses = _clauses(text)
    # 占比 is a share, not 比 comparing (收入占比为30%): the check's comparison marker takes it for one
    compared = [(b, e) for b, e in comparison_spans(text) if text[max(0, b - 1):b + 1] != "占比"]
    # a dateline (亿欧2月10日消息, 品玩2月10日讯) dates the report, not an event told after it (kinds/dateline):
    # the publish time says as much, and the words before it are the outlet's name, no metric
    dateline = dateline_of(text, dates)
    if dateline is not None:
        found = [item for item in found if item.start != dateline.start or item.family != "date"]
    found = _past_byline(text, found)
    observations: list[Observation] = []
    previous_metric, previous_phrase, previous_end = "", "", 0
    for item in found:
        clause_begin, clause_end = _clause_at(clauses, item.start)
        phrase_end = item.change_start if item.change_start >= 0 else item.start
        begin = max(clause_begin, previous_end if previous_end <= item.start else clause_begin)
        raw_phrase = _phrase(text[begin:phrase_end], dates, begin, compared)
        if item.family == "date" and _BYLINE.fullmatch(text, 0, item.start):
            raw_phrase = ""  # 雷递网 雷建平 2月8日…: an outlet and a writer, spaced apart, before the day of a dateline
        if item.family == "%" and _SHARE_AFTER.match(text[item.end:item.end + 4]):
            raw_phrase = raw_phrase + "股份"
        if item.family == "%":
            raw_phrase = _part_of_share(raw_phrase)
        metric = head_metric(raw_phrase)
        if not metric and begin > clause_begin and previous_end == begin:
            metric, raw_phrase = previous_metric, previous_phrase  # 增长6%至115亿美元: the same metric
        if not metric and item.family == "%change":
            metric, raw_phrase = previous_metric, previous_phrase  # 按年增长11.25%: the amount's metric
        if not metric and previous_metric and item.family != "date":
            metric, raw_phrase = previous_metric, previous_phrase  # 市值由约280亿元，增至逾836亿元
        if not metric and item.family != "date":  # 资本支出增至新高，约为260亿美元: the statement goes on
            metric, raw_phrase = _continued(text, clauses, clause_begin, phrase_end, item, found, dates,
                                            compared) or (metric, raw_phrase)
        if item.family == "%change" and not previous_metric and not _known_metric(raw_phrase):
            said = list(_KNOWN_METRIC.finditer(text, 0, phrase_end))  # 百度的股价大涨，最高一度上涨7.9%
            if said:
                raw_phrase = said[-1].group(0)
                metric = head_metric(raw_phrase)
        if item.family == "date":
            verb = _verb_after(text, item.end)
            if verb is None and isinstance(item.value, DateValue):  # 2018年10月，奥克斯开始进行上市辅导
                verb = _event_of(text, DateSpan(item.start, item.end, item.value), dates)
            if verb is not None and verb.re is _TOLD_AFTER:  # 2月6日晚间，荣昌生物披露称: the day something was made known
                raw_phrase, metric = verb.group("verb"), METRIC_SYNONYMS[verb.group("verb")]
            elif verb is not None:  # 于2024年8月8日在港交所上市, 於去年8月8日上市: the day of the event after it
                raw_phrase = metric = verb.group("verb")
        cue = text[max(clause_begin, item.start - 8):item.start]
        qualifiers = _qualifiers(text, item, (clause_begin, clause_end), dates, earlier, published)
        if item.family == "post":  # a post is the holder's: no line item, period or day of a figure
            metric, raw_phrase = POST_METRIC, item.value.raw
            former = _former(text[clause_begin:item.start])
            qualifiers = (("stance", "prior", former),) if former else ()
        metric = as_demand(metric, qualifiers)
        if item.start in positions:  # 分别为1.71亿元、1.73亿元、2.06亿元: the second of a list is not the first
            qualifiers = tuple(sorted((*qualifiers, ("item", str(positions[item.start]), "、"))))
        extreme = _EXTREME_AFTER.match(text, item.end) if item.family != "date" else None
        if extreme:  # 109356美元的巅峰, 108000美元的历史高点: the noun after the value says it is a high
            side = _QUALIFIER_VALUE["measure"][extreme.group("word")]
            metric = raw_phrase = EXTREME_METRIC[side]
            qualifiers = tuple(sorted([q for q in qualifiers if q[0] != "measure"]
                                      + [("measure", side, extreme.group("word"))]))
        named = (_NAMED_AFTER.match(text, item.end) if not extreme and item.family in ("money", "%", "number")
                 and not _known_metric(raw_phrase) else None)
        if named:  # 计划以100亿美元的估值 (metric 划以 before it): the known line item after the value names it
            raw_phrase = named.group("word")
            metric = head_metric(raw_phrase)
        observations.append(Observation(
            article.path, article.outlet, segment.line_at(item.start), segment.text, (item.start, item.end),
            item.value, item.family, metric, raw_phrase, cue, qualifiers, segment.paragraph, before=before,
            subject=item.holder))
        if metric and not extreme and item.family != "post":  # a record names this value only (…的巅峰回落，受到100000美元阻力)
            previous_metric, previous_phrase = metric, raw_phrase
        previous_end = item.end
    return respectively(text, observations, clauses, dates)


def list_runs(observations: list[Observation]) -> list[list[int]]:
    """The lists of values of one sentence (1.71亿元、1.73亿元及2.06亿元, marked `item` 1, 2 …), each as the
    indexes of its values in `observations`, in order."""
    runs: list[list[int]] = []
    for n, item in enumerate(observations):
        position = item.qualifier("item")
        if position == "1":
            runs.append([n])
        elif (position and runs and observations[runs[-1][-1]].qualifier("item") == str(int(position) - 1)
              and (observations[runs[-1][-1]].article, observations[runs[-1][-1]].line) == (item.article, item.line)):
            runs[-1].append(n)
    return [run for run in runs if len(run) >= 2]


def without_item(qualifiers: tuple[tuple[str, str, str], ...], period: tuple[str, str] | None = None,
                 ) -> tuple[tuple[str, str, str], ...]:
    """A listed value's qualifiers once it is known what each item of its list is (its own subject or period):
    its place in the list says nothing more; `period` (display, as written) replaces the one read."""
    kept = [q for q in qualifiers if q[0] != "item" and (period is None or q[0] != "period")]
    return tuple(sorted(kept + ([("period", *period)] if period else [])))


def respectively(text: str, observations: list[Observation], clauses: list[tuple[int, int]],
                 dates: list[DateSpan]) -> list[Observation]:
    """A list of values is read against what it lists, item by item, when the sentence says what that is.

    - 2022年、2023年营收分别为3.3亿元、5.86亿元: a list of as many periods, the last periods said before the
      values in their sentence, gives each value its period;
    - 上半年…关闭531家，而去年全年这一数据为370家，对应的闭店率分别为4.77%、6.31% (科创板日报): 分别 (respectively)
      after as many values of earlier clauses, each of its own period, gives each value the period of the
      value it stands for (4.77% is the first half's rate, 6.31% last year's).

    A list of names (沪上阿姨、茶百道闭店率分别为6.31%、2.93%) is read the same way once the story's names are known
    (align.assign_subjects). A list read so keeps no `item` mark: the n-th of one list is no longer compared only
    with the n-th of another."""
    result = list(observations)
    for run in list_runs(observations):
        first = observations[run[0]]
        clause_begin, _ = _clause_at(clauses, first.span[0])
        listed = [d for d in dates if d.end <= first.span[0] and _is_period(d.value)]
        periods = _period_list(text, listed)
        if len(periods) == len(run):
            for n, span in zip(run, periods, strict=True):
                result[n] = replace(result[n], qualifiers=without_item(result[n].qualifiers,
                                                                       (span.value.display(), span.value.raw)))
            continue
        if len(_period_list(text, listed, any_precision=True)) >= 2:
            # 2021-2023年及2024年上半年…营收分别为3.25亿元、4.29亿元、5.20亿元和3.37亿元 (a range and a half: four
            # periods written as two): each value is of one of the periods listed, not of the last one
            for n in run:
                result[n] = replace(result[n], qualifiers=tuple(q for q in result[n].qualifiers if q[0] != "period"))
            continue
        if "分别" not in text[clause_begin:first.span[0]]:
            continue
        before = [o for o in observations[:run[0]] if o.span[1] <= clause_begin and not o.qualifier("item")
                  and o.family != "post"]
        counterparts = before[-len(run):]
        stated = [o.qualifier("period") for o in counterparts]
        if len(counterparts) == len(run) and all(stated) and len(set(stated)) == len(stated):
            for n, other in zip(run, counterparts, strict=True):
                word = next(w for name, _, w in other.qualifiers if name == "period")
                result[n] = replace(result[n], qualifiers=without_item(result[n].qualifiers, (other.qualifier("period"), word)))
    return result


def _period_list(text: str, periods: list[DateSpan], any_precision: bool = False) -> list[DateSpan]:
    """The last run of periods joined only by list words (2023年、2024年; 2023年和2024年) among `periods`, of one
    precision (`any_precision`: or not, 2021-2023年及2024年上半年)."""
    ordered = sorted(periods, key=lambda d: d.start)
    run: list[DateSpan] = []
    for span in ordered:
        if run and LIST_JOIN.fullmatch(text, run[-1].end, span.start) is not None \
                and (any_precision or span.value.precision == run[-1].value.precision):
            run.append(span)
        else:
            run = [span]
    return run if len(run) >= 2 else []


# between two names of a bare list: a list word, after what is left of a name cut short (DALL-E read as DALL)
_NAME_JOIN = re.compile(rf"[-A-Za-z0-9]{{0,3}}\s*{LIST_JOINER}\s*")
_ANY_JOINER = re.compile(LIST_JOINER)  # a sentence with no list word holds no list: its names are not looked up


def name_lists(article: Article, mentions: Callable[[str], list[tuple[int, int, str]]]) -> list[Observation]:
    """Lists of the story's names with only list words between them (北京交通大学、中国科学技术大学 /
    北京交通大学和中国科学技术大学; Sora、DALL-E、Midjourney): sets, as quoted lists are. A bare list is read
    only once the story's names are known (`mentions` gives a text's (start, end, name) in order): they say
    where each name begins and ends, which quotes say for a quoted list."""
    anchor = anchor_of(article)
    result: list[Observation] = []
    for segment in article.segments:
        text = to_simplified(segment.text)
        if not _ANY_JOINER.search(text):
            continue
        found = _bare_lists(text, mentions(text))
        if found:
            result.extend(_sentence_values(article, segment, text, find_dates(text, anchor), [], [""], anchor,
                                           only=found))
    return result


def _bare_lists(text: str, named: list[tuple[int, int, str]]) -> list[_Found]:
    runs: list[list[tuple[int, int, str]]] = []
    for mention in sorted(named):
        if runs and mention[0] < runs[-1][-1][1]:
            continue  # inside the name before it (ICE in 美国纽约洲际交易所（ICE）'s reach): one name
        if runs and _NAME_JOIN.fullmatch(text, runs[-1][-1][1], mention[0]):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    found = []
    for run in runs:
        names = [name for _, _, name in run]
        if len(set(names)) >= 2 and not _QUOTED_LIST.search(text, run[0][0], run[-1][1]):
            start, end = run[0][0], run[-1][1]
            found.append(_Found(start, end, named_list(text[start:end], names), "set", -1))
    return found


def _verb_after(text: str, end: int) -> re.Match[str] | None:
    """The verb a day dates: the nearer of a verb that makes something known (公告, 公布) and an event
    verb of its clause (开幕, 召开). In 周一（今日）开幕的巴黎人工智能峰会上公布 the day is the opening's;
    the plan is made known at it, not on it."""
    found = [m for m in (_TOLD_AFTER.match(text, end), _EVENT_AFTER.match(text, end)) if m is not None]
    return min(found, key=lambda m: m.start("verb")) if found else None


def _list_positions(text: str, found: list[_Found]) -> dict[int, int]:
    """Where each value of a list stands in it (1, 2 …), by its start: values of one family with only
    a list word between them (1.71亿元、1.73亿元及2.06亿元). Outlets list a company's years in the
    same order, so the n-th of one list is compared with the n-th of another, never the first with
    the second (16.75亿 vs 16.99亿 is two years, no disagreement)."""
    positions: dict[int, int] = {}
    for before, after in pairwise(found):
        if before.family == after.family and LIST_WORD_JOIN.fullmatch(text, before.end, after.start):
            positions.setdefault(before.start, 1)
            positions[after.start] = positions[before.start] + 1
    return positions


def _list_units(text: str, found: list[_Found]) -> list[_Found]:
    """分别为1.71亿、173亿元: a bare amount listed before an amount in a currency is in that currency."""
    result = list(found)
    for n in range(len(result) - 2, -1, -1):
        item, after = result[n], result[n + 1]
        if (item.family == "number" and after.family == "money" and isinstance(item.value, Quantity)
                and isinstance(after.value, Quantity) and LIST_WORD_JOIN.fullmatch(text, item.end, after.start)):
            result[n] = replace(item, value=replace(item.value, unit=after.value.unit), family="money")
    return result


def _values(text: str, dates: list[DateSpan]) -> list[_Found]:
    found: list[_Found] = []
    for span in find_quantities(text):
        quantity = span.quantity
        # the normalizer keeps 最多/最高 in a value's span (升最多5.68%: the high reached, as written);
        # here they are the value's measure word, read before it
        lead_word = _EXTREME_LEAD.match(text, span.start)
        start = lead_word.end() if lead_word else span.start
        # a percentage led by a verb of change is a change, signed by the verb, as find_changes reads it
        # (the lead ends where the span starts: 升最多5.68%, the extreme word inside the span)
        change = _CHANGE_LEAD.search(text, max(0, span.start - 12), span.start) if quantity.unit in ("%", "pp") else None
        # an English verb of change (Shares sank 10% after hours, revenue rose 3%), as find_changes reads it
        change = change or (CHANGE_LEAD_EN.search(text, max(0, span.start - 16), span.start)
                            if quantity.unit in ("%", "pp") else None)
        if quantity.unit == "%":
            family = "%change" if change else "%"
            verb = change.group("verb") if change else ""
            if change and (verb in DOWN_WORDS or verb.lower() in ZH.down_words_en) and quantity.value > 0:
                quantity = negate(quantity)  # 下降0.77% is -0.77%, sank 10% is -10%
        elif quantity.unit == "pp":
            family = "pp"
        else:
            family = "money"
        lead = _CHANGE_VERBS.search(text, max(0, start - 4), start)
        change_start = change.start() if change else (lead.start() if lead and family != "%" else -1)
        if family == "money" and lead:
            family = "money-change"  # 市值飙涨569亿元 is a gain, not a level
        found.append(_Found(start, span.end, quantity, family, change_start))
    taken = [(f.start, f.end) for f in found] + [(d.start, d.end) for d in dates]
    written, text = text, group_thousands(text)  # 46，500名: one count (the same length: offsets stay)
    for match in _COUNT.finditer(text):
        if _overlaps(match.start(), match.end(), taken) or _inside_code(text, match.start()):
            continue
        if match.group("num") in INDEFINITE:
            continue  # 一名工程师, 一份预案, 一部分代码: the article "a", no count anyone states
        if match.group("unit") == "年" and _YEAR.fullmatch(match.group("num")):
            continue  # 2024年度业绩预告: a year the date reader left alone, not 2024 years
        before = text[:match.start()].rstrip(" \u00a0")[-1:]  # 第 64 名: spaced as its digits are
        if before == "第" or (match.group("unit") == "大" and before == "前"):
            # an ordinal is a rank, whatever the measure word (连续第三个季度下降, 第2家, 全球第三大手机厂商),
            # and 前五大供应商之一 a top N: no count, and not a group told by its size
            continue
        count = parse_quantity(match.group("num"))
        if count is None or count.unit:
            continue
        unit, end = match.group("unit"), match.end()
        unit = PEOPLE[0] if unit in PEOPLE else unit
        if text.startswith("半", end):  # 两年半: and a half
            half = Decimal("0.5")
            count = replace(count, value=count.value + half, low=None if count.low is None else count.low + half,
                            high=None if count.high is None else count.high + half)
            end += 1
        found.append(_Found(match.start(), end, plain_quantity(
            written[match.start():end], count.value, count.low, count.high, unit, count.approx), f"count:{unit}", -1))
        taken.append((match.start(), end))
    for match in (*_BARE.finditer(text), *_DECIMAL.finditer(text), *_MILESTONE.finditer(text)):
        if _overlaps(match.start(), match.end(), taken):
            continue
        milestone = match.re is _MILESTONE
        number = parse_quantity(match.group("verb") + "1" + match.group("scale") if milestone else match.group(0))
        if number is not None:
            number = replace(number, raw=written[match.start():match.end()])  # as written (a milestone: no digit)
        if number is None or number.unit:
            continue
        found.append(_Found(match.start(), match.end(), number, "number", -1))
        taken.append((match.start(), match.end()))
    text = written
    for match in _QUOTED_LIST.finditer(text):
        names = [m.group("name").strip() for m in _QUOTED_NAME.finditer(match.group(0))]
        if len(set(names)) >= 2 and not _overlaps(match.start(), match.end(), taken):
            found.append(_Found(match.start(), match.end(), named_list(match.group(0), names), "set", -1))
    found.extend(_posts(text, taken))
    numbers = [(f.start, f.end) for f in found]  # a date is a value unless a number holds it (not itself)
    for date_span in dates:
        if (date_span.value.precision in ("day", "part-of-month") or _deadline(text, date_span)
                or _event_span(text, date_span) or (date_span.value.precision == "month" and _event_of(text, date_span, dates) is not None)) and not _overlaps(date_span.start, date_span.end, numbers):
            found.append(_Found(date_span.start, date_span.end, date_span.value, "date", -1))
    return sorted(found, key=lambda f: (f.start, f.end))


def plain_values(text: str, anchor: date | None) -> list[tuple[int, int, str, Value]]:
    """The counts before a measure word (两个, 10045家) and the bare numbers (300M, 160.3亿) of a text, as
    discover reads them: (start, end, family, value). For `factcheck normalize`, which shows them beside
    the amounts, percentages and dates every rule reads."""
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        simplified = text
    found = _values(simplified, find_dates(simplified, anchor))
    return [(f.start, f.end, f.family, f.value) for f in found if f.family.startswith("count:") or f.family == "number"]


def _posts(text: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """Each post a person is named with: 恩智浦副总裁兼安全互联边缘部门总经理 Rafael Sotomayor is
    {副总裁兼总经理} held by Rafael Sotomayor; 執行副總裁兼…總經理 is another post of his. The label
    is the title words in order (the unit they head is left out: outlets name it each their own way), a
    variant as the post it is (創辦人 is 创始人)."""
    found = []
    for match in _POST.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        label = "兼".join(ZH.post_variants.get(m.group(0), m.group(0)) for m in _TITLE.finditer(match.group("post")))
        found.append(_Found(match.start("post"), match.end("post"), StatusValue(label, match.group("post")), "post",
                            -1, match.group("holder")))
    return found


# a post held before (公司前首席医学官何如意, 前荣昌生物首席战略官何如意, 原董事长): not the post now
_FORMER = (re.compile(r"(?:^|[^\u4e00-\u9fff])(?P<word>[前原])[\u4e00-\u9fffA-Za-z（）()]{0,12}$"),
           re.compile(r"(?P<word>[前原])$"))


def _former(before: str) -> str:
    """前 or 原 when the words before a post in its clause say it was held before, else ""."""
    match = _FORMER[0].search(before) or _FORMER[1].search(before)
    return match.group("word") if match else ""


# 延迟至4月, 推迟到2025年6月: a month something is moved to is a date stated as a value (a deadline),
# where a month alone is the period of what is said (2024年8月，营收…)
_MOVED_TO = re.compile(f"(?:{'|'.join(MOVE_VERBS)})(?:至|到)$")


def _event_span(text: str, span: DateSpan) -> bool:
    """峰会计划于2月9日至12日在法国巴黎召开: a span of days an event verb of its clause follows is
    when the event runs, stated as a value (compared with a day another outlet gives it: 周一开幕)."""
    value = span.value
    return (value.precision == "range" and not value.open_ended() and (value.end - value.start).days <= 31
            and _EVENT_AFTER.match(text, span.end) is not None)


def _event_of(text: str, span: DateSpan, dates: list[DateSpan]) -> re.Match[str] | None:
    """The event verb a date dates: in its clause (上月就任, 于2024年8月8日在港交所上市), or, when the date
    is all its clause says, in the clause it opens (2018年10月，奥克斯开始进行上市辅导; 2月10日，喜茶发布…
    邮件: the date of the event). A month is then a value, the event's month, not a period of figures
    (2024年8月，营收… has no event verb after it and stays a period). A verb with another date between
    is that date's (4月起免費 即日起上線: 即日's). None: no such verb."""
    event = _EVENT_AFTER.match(text, span.end)
    if event is None:
        opens = span.start == 0 or _CLAUSE_EDGE.match(text[span.start - 1]) is not None
        comma = _ALONE_AFTER.match(text, span.end)
        event = _EVENT_AFTER.match(text, comma.end()) if opens and comma else None
    if event is None or any(span.end <= d.start < event.start("verb") for d in dates):
        return None
    return event


_ALONE_AFTER = re.compile(r"\s*[，,]\s*")


def _deadline(text: str, span: DateSpan) -> bool:
    return span.value.precision == "month" and _moved_to_at(text, span.start)


def is_deadline(item: Observation) -> bool:
    """The value is a month something is moved to (推迟至12月, 由原来6月推遲至7月), as _deadline read it."""
    return (isinstance(item.value, DateValue) and item.value.precision == "month"
            and _moved_to_at(to_simplified(item.sentence), item.span[0]))


def _moved_to_at(text: str, start: int) -> bool:
    """Whether a verb of rescheduling and 至/到 end right before `start` (推迟至|12月)."""
    return _MOVED_TO.search(text, max(0, start - 4), start) is not None


_SAME_BELOW = re.compile(r"\s*[（(]\s*(?P<cur>美元|港元|港币|人民币|欧元|日元|英镑)\s*[．.，,、]?\s*下同\s*[)）]")
_BARE_YUAN = re.compile(r"元$")


def _in_currency(item: _Found, text: str, currency: list[str]) -> _Found:
    """21.95億元(美元．下同): the note sets the currency of this and every later bare 元 amount."""
    if not item.family.startswith("money") or not isinstance(item.value, Quantity):
        return item
    note = _SAME_BELOW.match(text, item.end)
    if note:
        currency[:] = [CURRENCIES[note.group("cur")], "same-below"]
    raw = item.value.raw
    if currency[0] and item.value.unit == "CNY" and _BARE_YUAN.search(raw) and not re.search("人民币|RMB|¥|￥", raw):
        # the outlet's currency is a guess (kinds/currency.py GUESSED): a Hong Kong paper may mean RMB
        return replace(item, value=replace(item.value, unit=currency[0], unit_from=currency[1]))
    return item


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _inside_code(text: str, start: int) -> bool:
    """09988.HK, 300750: stock codes and other long digit runs are no counts."""
    return start > 0 and (text[start - 1].isdigit() or text[start - 1] == ".")


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause bounds as a check cuts them, with square brackets also holding a clause together."""
    return clause_bounds(text, OPENING, CLOSING)


_BEFORE_DIGITS = re.compile(r"[^0-9０-９〇零一二三四五六七八九十两百千万亿]*")


def _continued(text: str, clauses: list[tuple[int, int]], clause_begin: int, phrase_end: int, item: _Found,
               found: list[_Found], dates: list[DateSpan], compared: list[tuple[int, int]]) -> tuple[str, str] | None:
    """The metric and phrase of a value whose clause opens with nothing but link words and adverbs
    (资本支出增至新高，约为260亿美元; 营业收入创下历史新高，约为783亿元): such a clause has no subject of its
    own, it gives the figure of the clause before it, which names what it measures, goes on with a verb,
    and states no value itself (when it states one, that value's metric is taken already). None when
    that does not hold."""
    # the words before the value and those its span opens with (约为260亿美元 is read whole)
    lead = (text[clause_begin:phrase_end] + _BEFORE_DIGITS.match(text, item.start).group(0)).strip()  # type: ignore[union-attr]
    if not lead or not _LINK_END.fullmatch(lead):
        return None
    before = [(b, e) for b, e in clauses if e <= clause_begin]
    if not before:
        return None
    begin, end = before[-1]
    if any(begin <= f.start < end for f in found):
        return None
    phrase = _phrase(text[begin:end], dates, begin, compared)
    said = list(_KNOWN_METRIC.finditer(text, begin, end)) if not _known_metric(phrase) else []
    phrase = said[-1].group(0) if said else phrase  # 营业收入创下历史新高: the line item it names, not 历史
    metric = head_metric(phrase)
    # the clause names what it measures and goes on with a verb the figure completes (增至新高, 创下历史新高,
    # 翻倍); a clause that is all noun or opener (据悉, 其中AWS业务表现强劲, …估值要低得多) names no metric
    if not metric or text[begin:end].rstrip().endswith(phrase):
        return None
    return metric, phrase


def _clause_at(clauses: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for begin, end in clauses:
        if begin <= offset <= end:
            return begin, end
    return clauses[-1]


def _phrase(left: str, dates: list[DateSpan], offset: int, compared: list[tuple[int, int]]) -> str:
    """The words right before a value that name it: brackets, dates, comparisons, link words cut."""
    # 金吾财讯 | 2025年2月10日，…: what stands before a bar is a byline, never the name of a value
    bar = max(left.rfind("|"), left.rfind("｜"))
    left = " " * (bar + 1) + left[bar + 1:]
    # dates are qualifiers, not part of the metric; nor is what a value is compared with (时薪较去年12月增长),
    # read as a check reads it
    cuts = [(d.start - offset, d.end - offset) for d in dates if d.start >= offset and d.end - offset <= len(left)]
    cuts += [(max(0, b - offset), min(len(left), e - offset)) for b, e in compared if b - offset < len(left) and e > offset]
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(cuts):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    for begin, end in reversed(merged):
        left = left[:begin] + " " + left[end:]
    left = _BRACKETED.sub(" ", left)
    for name, pattern in _QUALIFIER_RE.items():
        # an accounting word is part of the line item it marks (可比每股收益: 每股盈利, never 收益)
        if name not in ("stance", "accounting"):
            left = pattern.sub(" ", left)
    left = _ON_A_BASIS.sub("", left.strip()).rstrip()  # 在可比基础上下滑12%: how it is measured, no metric
    for _ in range(3):
        left = _LINK_END.sub("", left).rstrip()
        left = _CHANGE_VERBS.sub("", left).rstrip()
    parts = [p for p in _NON_WORD.split(left) if p]
    phrase = parts[-1] if parts else ""
    if phrase and not _known_metric(phrase):
        # 百度股价在2月13日最高一度上涨7.9%: a known metric word said earlier in the clause
        # (before a date or qualifier) names the value better than an unknown word next to it
        known = [cut for cut in (_LINK_END.sub("", p) for p in parts[:-1]) if _known_metric(cut)]
        phrase = known[-1] if known else phrase
    phrase = without_lead(phrase)
    return phrase[-10:]


def without_lead(phrase: str) -> str:
    """`phrase` without the words at its front that say nothing about which quantity it is (LEAD_WORDS:
    其中, 而, 该 …): a metric's name as written, and a holder's (discover/align.py)."""
    return _LEAD.sub("", phrase)


# an outlet's name, a space and a dash opening a sentence before its day (英为财情Investing.com -周三（12日），
# 英为财情Investing.com - 周四（13日）): a byline, as 财联社2月12日讯 is, so the day is the report's, never a value
# of the story (it gave an "Investing · com" date); no digit or punctuation in the name, so a span of dates
# (2021年1月1日-2024年12月6日) or a dash inside prose (体系——2023年) is none
_DASH_BYLINE = re.compile(r"\s*[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z.·]*\s+[-–—]\s*")
_SAME_DAY_AGAIN = re.compile(r"[，,\s（(]*")


def _past_byline(text: str, found: list[_Found]) -> list[_Found]:
    """The values of a sentence less the day of a dash byline opening it (`_DASH_BYLINE`), and a day that
    only restates it (周二，2月11日 / 周三（12日）: one report's day, written twice)."""
    dates = sorted((item for item in found if item.family == "date"), key=lambda item: item.start)
    if not dates or not _DASH_BYLINE.fullmatch(text, 0, dates[0].start):
        return found
    dropped = {dates[0].start}
    if len(dates) > 1 and _SAME_DAY_AGAIN.fullmatch(text, dates[0].end, dates[1].start):
        dropped.add(dates[1].start)
    return [item for item in found if item.family != "date" or item.start not in dropped]


# Chinese words that open a sentence spaced apart, ending in a space before a day (雷递网 雷建平 2月8日,
# 雷递网 乐天 2月13日): a byline's outlet and writer before a dateline, as the words before a bar are;
# prose puts no space between Chinese words (a figure after spaced words, 美国原油期货 收报每桶 71.00
# 美元, keeps them: a table's row names it)
_BYLINE = re.compile(r"\s*(?:[\u4e00-\u9fff·]+\s+){2,}")
# 在可比基础上, 在此基础上, 在固定汇率基础上: the basis a figure is measured on, an adverbial frame before
# the change verb, never the line item (which the clause names before it: 营收171.94亿欧元，在可比基础上下滑12%)
_ON_A_BASIS = re.compile(r"在[\u4e00-\u9fffA-Za-z]{0,8}基础上$")


# A占B(的)N%: N is a share of B that A makes up, so A names what is measured, as 占比 does after it
# (云南咖啡产量占全国总产量的95% / 云南咖啡种植面积、产量占中国98%以上: 产量 both times; 成本占比超50%: 成本)
# (not 占据/占有, verbs of holding: 英伟达的芯片在市场中占据约80%的份额 is a holder's share, named after it)
_SHARE_OF = re.compile(r"(?P<part>[\u4e00-\u9fffA-Za-z]{2,})占(?![据有])[\u4e00-\u9fffA-Za-z]*$")


def _part_of_share(phrase: str) -> str:
    match = _SHARE_OF.search(phrase)
    return match.group("part") if match else phrase


def _known_metric(phrase: str) -> bool:
    return _known_tail(phrase) is not None


def _known_tail(phrase: str) -> str | None:
    """The longest known metric word the phrase ends with (扣非净利润 before 净利润 before 利润)."""
    return next((phrase[-size:] for size in range(min(_LONGEST_METRIC, len(phrase)), 0, -1)
                 if phrase[-size:] in METRIC_SYNONYMS), None)


def head_metric(phrase: str) -> str:
    """The head of a phrase, in a canonical spelling: its last word (two characters), or a known synonym."""
    if not phrase:
        return ""
    negated = _NEGATED_HEAD.search(phrase)
    if negated:  # 非循环信贷 is no 循环信贷, 非营业收入 no revenue: the negated noun is the metric, as written
        return negated.group(0)
    tail = _known_tail(phrase)
    if tail == _BARE_PROFIT:
        other = _OTHER_PROFIT.search(phrase)
        if other:  # 运营利润, 税前利润: a line item the shipped words do not know, not the net profit
            return other.group(0)
    if tail is not None:
        return METRIC_SYNONYMS[tail]
    if re.fullmatch(r"[A-Za-z]+", phrase):
        return phrase.lower()
    if len(phrase) >= 3 and phrase[-1] in _MEASURE_SUFFIX:
        return phrase[-3:]  # 消费量, 销售额: a measure of the word before it, not 费量
    return phrase[-2:] if len(phrase) >= 2 else ""


_MEASURE_SUFFIX = "量额"
# 非 before the last word or two of a phrase makes its opposite (非循环信贷 beside 循环信贷, 非农就业人口); not the
# 非 that ends a place's name (南非, 东非, 西非, 北非, 中非 as China–Africa) or 除非 (unless), as kinds/negation reads it, nor 并非 (is not),
# 扣非 (a line item), 非常 (very) or 非洲; further back (非公认会计准则
# 净利润) it marks how the line item is counted, which the check reads as a qualifier
_NEGATED_HEAD = re.compile(r"(?<![南除扣东西北中並并])非(?![常洲])[\u4e00-\u9fff]{2,5}$")
# a bare 利润 is the net profit news means by it (期内利润, 年内利润, 全年利润: a period before it), but a word
# before it that names no period, company or group makes another line item (颖通控股运营利润为2.32亿元, 税前利润)
_BARE_PROFIT = "利润"
_OTHER_PROFIT = re.compile(r"[\u4e00-\u9fff]?(?![内年度期季总的之其该司团])[\u4e00-\u9fff]利润$")


# what follows a value that a change turns into another (从1076万桶/日下调至1061万, 由约280亿元，增至逾836亿元)
_TO_NEXT = re.compile(r"(?P<gap>[^。；;！？]{0,10}?)(?:至|到)\s*(?:约|近|逾|超过|超)?\s*[\d一二两三四五六七八九十]")


def _turns_into_next(text: str, end: int) -> bool:
    """The value ending at `end` is what a change turns into another (从X下调至Y, 由X，增至Y, 从X至Y).

    Past a comma only a clause that opens with the change verb goes on from it: in
    从109356美元的巅峰回落，受到100000美元… the 到 of 受到 starts no new value of the same thing."""
    match = _TO_NEXT.match(text, end)
    if match is None:
        return False
    edges = list(_CLAUSE_EDGE.finditer(match.group("gap")))
    return not edges or bool(_CHANGE_VERBS.match(match.group("gap")[edges[-1].end():]))


def _qualifiers(text: str, item: _Found, clause: tuple[int, int], dates: list[DateSpan],
                earlier: list[tuple[str, list[DateSpan]]], published: date | None = None,
                ) -> tuple[tuple[str, str, str], ...]:
    found: list[tuple[str, str, str]] = []
    scopes = [(text, clause[0], item.start), (text, 0, clause[0])]
    for name, pattern in _QUALIFIER_RE.items():
        if name == "basis" and item.family not in CHANGES:
            continue
        reach = (scopes[:1] if name in CLAUSE_ONLY
                 else scopes + [(t, 0, len(t)) for t, _ in reversed(earlier[-QUALIFIER_REACH:])])
        for scope_text, begin, end in reach:
            hits = list(pattern.finditer(scope_text, begin, end))
            if hits:
                word = hits[-1].group(0)
                found.append((name, _QUALIFIER_VALUE[name][word], word))
                break
    start = text.rfind("从", max(clause[0], item.start - 3), item.start)
    start = start if start >= 0 else text.rfind("由", max(clause[0], item.start - 3), item.start)
    if start >= 0 and _turns_into_next(text, item.end):  # 预期从1076万桶/日下调至1061万桶/日: the value before
        found = [q for q in found if q[0] != "stance"] + [("stance", "prior", text[start])]
    forecast = any(name == "stance" and value == "forecast" for name, value, _ in found)
    period = _period(text, dates, clause, item, earlier, None if forecast else published)
    if period:
        found.append(("period", period[0], period[1]))
    if item.family != "date":
        day = next((d for d in reversed(dates) if d.value.precision == "day" and d.end <= item.start
                    and text[max(0, d.start - 1):d.start] not in ("较", "比", "自", "由")), None)
        if day is not None:
            found.append(("day", day.value.display(), text[day.start:day.end]))
    return tuple(sorted(found))


def _period(text: str, dates: list[DateSpan], clause: tuple[int, int], item: _Found,
            earlier: list[tuple[str, list[DateSpan]]], published: date | None = None) -> tuple[str, str] | None:
    """The period a value is about: the narrowest non-day date before it in its clause, sentence, paragraph.

    A period taken from outside the value's clause that starts after the article was published
    (文心一言将于4月起免费 … 股价升逾7%) is another event's date, not the period of a value
    stated as done; `published` is None for forecasts, which may be about later periods."""
    scopes = [(text, [d for d in dates if clause[0] <= d.start and d.end <= item.start]),
              (text, [d for d in dates if d.end <= clause[0]])]
    scopes += reversed(earlier)
    for number, (said, spans) in enumerate(scopes):
        # 创2016年以来新低, 自2024年6月以来…减持2970亿美元: where a span starts, as a check reads it, is no
        # period; and a value of its sentence is measured from there (2025 年以來，聯發科股價已大漲 13％), so no
        # period said earlier is its own
        if number < 2 and any(starts_a_span(said, d.end) for d in spans):
            return None
        periods = [d for d in spans if _is_period(d.value) and not starts_a_span(said, d.end)
                   and (number == 0 or published is None or d.value.start <= published)
                   and not (item.family == "date" and MOVED_FROM.search(said, max(0, d.start - 8), d.start))]
        if number == 0 and _listed(text, periods):
            return None  # 预测2025年、2026年石油消费量均将增长140万桶: the value of each period listed
        if periods:
            best = min(periods, key=lambda d: (d.value.end - d.value.start, -d.start))
            return _ended(best.value, published).display(), best.value.raw
    return None


# a half or a quarter named without its year (上半年, 一季度, Q1): the normalizer reads the one under way at
# publication. A figure stated as done (not a forecast) is of a period already over: the one a year before
# (上半年，沪上阿姨加盟店关闭531家, written on 2025-02-10 of its prospectus: the first half of 2024)
_BARE_PART_OF_YEAR = re.compile(r"(?:第?[一二三四1-4１-４]季度?|[上下]半年|[QqHh][1-4１-４])")


def _ended(value: DateValue, published: date | None) -> DateValue:
    if (published is None or value.end < published or value.precision not in ("half-year", "quarter")
            or not _BARE_PART_OF_YEAR.fullmatch(to_simplified(value.raw).strip())):
        return value
    try:
        return replace(value, start=value.start.replace(year=value.start.year - 1),
                       end=value.end.replace(year=value.end.year - 1))
    except ValueError:  # no such day a year before (29 February): left as read
        return value


def _listed(text: str, periods: list[DateSpan]) -> bool:
    """The last two periods of a clause are one list (2025年、2026年; 2025和2026年) of one precision."""
    if len(periods) < 2:
        return False
    first, second = sorted(periods, key=lambda d: d.start)[-2:]
    return (first.value.precision == second.value.precision
            and LIST_JOIN.fullmatch(text, first.end, second.start) is not None)


def _is_period(value: DateValue) -> bool:
    return value.precision not in ("day", "part-of-month") and (value.end - value.start).days >= 27 \
        and not value.open_ended()  # 春节后 bounds a time, it names no period


def anchor_of(article: Article) -> date | None:
    return article.published.date() if article.published else None


def is_quantity(value: Value) -> bool:
    return isinstance(value, Quantity)


def comparable(family: str) -> str:
    """The family values are aligned in: a count of months and a count of years are both durations
    (创四个月之最 / 逾4年来最大: one fact with its unit slipped)."""
    return "duration" if family.startswith("count:") and family.removeprefix("count:") in DURATIONS else family

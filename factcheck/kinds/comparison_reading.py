"""What a figure is compared with (较上年, 同比, `compared with`): the measure and year of the
figure it is set against, and the change an amount states (同比增加12亿元).
"""

from __future__ import annotations

import re

from factcheck.kinds.qualifiers import WRITTEN_YEAR
from factcheck.kinds.sentence import Sentence, Values
from factcheck.normalize.quantities import CHANGE_LEAD_EN, CHANGE_NOUN_AFTER_EN, CHANGE_NOUN_BEFORE_EN
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import ContextValue, RuleBase

_COMPARED_WITH_LEAD = re.compile(r"\s*(?:的|为|為)?\s*")  # 较去年的441亿元
COMPARED_FIGURE_LEAD = re.compile(r"\s*(?:的|为|為|报|報)?\s*")  # 较上日报7.1699 too
_MULTIPLE = re.compile(r"[\d０-９.,]+\s*倍|[一二两兩三四五六七八九十百千几幾数數]+\s*倍")


def compared_with(s: Sentence, offset: int) -> str:
    """The comparison phrase a value closes, when it is what another is compared with:
    in `较上年同期的441亿元增长11.06%` 441亿 is the prior period's figure, whatever the
    statement's lead-in (预计) says of the others. A multiple is the comparison's result, never
    the figure compared with (`自动驾驶比人开车安全10倍`)."""
    if _MULTIPLE.match(s.text, offset):
        return ""
    closed = comparison_closed_by(s, offset, _COMPARED_WITH_LEAD)
    return s.plain[closed[0]:closed[1]] if closed else ""


def clause_opens_comparison(s: Sentence, offset: int) -> bool:
    """Whether the value at `offset` closes a comparison phrase that opens its clause (`，比2023年的4009亿元，`,
    `，较去年季度9.83亿美元增加4%`): the figure compared with, restating the clause before's line item."""
    begin, _ = s.clause_at(offset)
    closed = None if _MULTIPLE.match(s.text, offset) else comparison_closed_by(s, offset, _COMPARED_WITH_LEAD)
    return closed is not None and _OPENS_COMPARISON.fullmatch(s.text, begin, closed[0]) is not None


_OPENS_COMPARISON = re.compile(r"\s*同?")  # 同比2023年的441亿元: 同比's 比 opens the phrase


# between a comparison phrase and the figure it closes: 的 (or none, the phrase's own), then at most the figure's line item (高於2023年修訂後的
# 增長1.8%, 较2023年的营收441亿元), no break, figure or second 的
_COMPARED_ITEM_LEAD = re.compile(r"\s*(?:的\s*[^，,。；;：:、\d的]{0,6})?")  # the phrase may end with its 的


def year_compared_with(s: Sentence, offset: int, values: Values) -> tuple[str, str] | None:
    """(year, word) of a figure that closes a comparison phrase naming a year in digits: in
    `2024年全年經濟增長率為4.4%，高於2023年修訂後的增長1.8%` the 1.8% is 2023's (the figure compared
    with), not 2024's; in `较2023年的441亿元` 441亿 is 2023's. A change after the phrase
    (`较2023年增长5%`) is the compared value's own, and a year said in words (较去年同期的) is left to the
    reading of its measure (`prior`)."""
    phrase = next(((start, end) for start, end in s.comparisons
                   if end <= offset and _COMPARED_ITEM_LEAD.fullmatch(s.text, end, offset)), None)
    if phrase is None:
        return None
    years = [h for h in s.hits(values) if phrase[0] <= h[0] < phrase[1] and WRITTEN_YEAR.match(s.text, h[0])]
    return (years[-1][2], years[-1][1]) if years else None


def prior_of_its_own_year(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A figure compared with that its comparison dates by a year in digits (`比2023年的4009亿元`) is that
    year's own figure, as that year's report gave it: its measure is the rule's default (actual), not
    `prior`, so it meets `2023年营收4009亿` and never `2023年营收4009亿，较上年同期的3286亿元`'s 3286亿 (the year
    before 2023's, `prior` in 2023). As `prior_of_its_own_day` does for a day."""
    years = next((spec.values for spec in rule.context if spec.name == "year"), None)
    if years is None or year_compared_with(s, offset, years) is None:
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" and c.value == "prior" else c
            for c in found if default or c.name != "measure" or c.value != "prior"]


CHANGE = "change"  # the measure of an amount that is a difference from the period compared with
# a change verb right before an amount, after what it is compared with: 比上年同期多5833亿元, 同比增加3000人,
# 较5年均值低670亿立方英尺
# the verbs are the change words every reader shares (ZH.up_words, ZH.down_words: 下滑, 回落, 缩水 …) and the
# few that say "more/less than it" only before a difference (多增, 多, 高 …); `text` is folded to Simplified
_DIFFERENCE_WORDS = ("多增", "少增", "多减", "少减", "多", "少", "高", "低")
_CHANGE_VERB = (r"\s*(?:" + "|".join(map(re.escape, sorted({*ZH.up_words, *ZH.down_words, *_DIFFERENCE_WORDS},
                                                           key=len, reverse=True))) + ")"
                r"\s*了?\s*(?:约|近|超|逾|超过)?\s*")
_CHANGE_AFTER_COMPARISON = compiled_on_use(_CHANGE_VERB)
# the basis words that say "compared with the same period" on their own (同比多增, 环比减少), 净 before a
# change verb (净增加了778家门店, 净减少: the net of openings and closures, a difference between two
# levels by its own word), and 多增/少增 alone: more (less) new than in the period compared with
_CHANGE_AFTER_BASIS = compiled_on_use(r"(?:同比|环比|按年|按月|按季|年比|净)" + _CHANGE_VERB + "$"
                                      + r"|(?:多增|少增|多减|少减)\s*(?:约|近|超|逾)?\s*$")
# the units of a rate or a change in points (同比增长6%, 三成, 百分之三十, 50个基点): the change itself
_RATE_UNITS = ("%", "pp")


def change_amount(s: Sentence, offset: int) -> str:
    """The words that make the amount at `offset` a difference, not a level: a change verb right
    before it after what it is compared with (`比上年同期多5833亿元`, `较上年同期增加1.2亿元`) or after a
    basis word (`同比多增3793亿元`, `同比减少300人`) or 净 (`净增加了778家门店`), or 多增/少增 alone; "" for a rate (同比增长6%, a
    change of its own kind) and for the level a change reaches (增长6%至0.52美元)."""
    span = s.quantity_at(offset)
    if (span is not None and span.quantity.unit in _RATE_UNITS) or _MULTIPLE.match(s.text, offset):
        return ""
    begin = s.clause_at(offset)[0]
    found = _CHANGE_AFTER_BASIS.search(s.text, begin, offset)
    if found is not None:
        return s.plain[found.start():found.end()].strip()
    closed = comparison_closed_by(s, offset, _CHANGE_AFTER_COMPARISON)
    if closed:
        return s.plain[closed[0]:offset].strip()
    return _english_change_amount(s, offset, span.end) if span is not None else ""


# English states what an amount of change is compared with after it: `up $2 billion from a year earlier`, `rose $2
# billion to $12 billion` (the level it reached), `a decrease of $75.9 million, or 3%, from 2023`, `year over year`
_EN_COMPARED_AFTER = re.compile(r"(?:\s*,\s*or\s+\d[\d.]*\s*(?:%|percent))?\s*,?\s*(?:(?:from|than|versus|vs\.?|over\s+the|compared\s+(?:with|to))(?![A-Za-z])"
                                r"|to\s+(?:(?:[A-Z]{1,3})?[$€£¥]\s?)?\d|(?i:year[\s-]+(?:over|on)[\s-]+year|yoy"
                                r"|sequentially|quarter[\s-]+(?:over|on)[\s-]+quarter)(?![A-Za-z]))")


def _english_change_amount(s: Sentence, offset: int, end: int) -> str:
    """The words that make the English amount at text[offset:end] a difference, as a Chinese verb of change after
    what it is compared with does: a verb or noun of change of the one table right before it (`up`, `rose`,
    `an increase of`) or a noun right after it (`a $2 billion increase`), and what it is compared with after it
    (`up $2 billion from a year earlier`; `rose $2 billion to $12 billion`). A verb with nothing compared with
    (`added 143,000 jobs`, `rose by $5 million`) states a level, as `增加5.22万亿元` does."""
    lead = (CHANGE_LEAD_EN.search(s.text, max(0, offset - 24), offset)
            or CHANGE_NOUN_BEFORE_EN.search(s.text, max(0, offset - 16), offset))
    noun = None if lead is not None else CHANGE_NOUN_AFTER_EN.match(s.text, end)
    if lead is None and noun is None:
        return ""
    after = _EN_COMPARED_AFTER.match(s.text, noun.end() if noun is not None else end)
    if after is None:
        return ""
    words = lead.group(0) if lead is not None else noun.group(0)  # type: ignore[union-attr]
    return f"{words.strip()} … {after.group(0).strip(' ,')}"


def measure_compared_with(values: Values, baseline: str, s: Sentence, offset: int,
                           value: tuple[str, str] | None) -> tuple[str, str]:
    """The measure of a figure a comparison phrase closes: `prior`, unless the figure's own word after
    it in its clause (`vs. $871.83M consensus`) or an English word of the phrase (`compared with consensus
    estimates of 8%`, `down from the previous guidance of $26 billion`) names another measure than the
    actual. A later statement's lead-in (`较上年同期的441亿元增长11.06%；预计扣非后净利为…`) is not the figure's."""
    if value is not None and value[0] not in ("actual", "prior") and s.plain.find(value[1], offset,
                                                                                  s.clause_at(offset)[1]) >= 0:
        return value
    span = s.quantity_at(offset)
    words = _WORDS_AFTER.match(s.plain, span.end) if span is not None else None
    after = words.group(0) if words is not None else ""
    named = next(((name, word) for name, words in values if name not in ("actual", "prior")
                  for word in words if word.isascii() and re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])",
                                                                    f"{baseline} {after}", re.IGNORECASE)), None)
    return named or ("prior", baseline)


_WORDS_AFTER = compiled_on_use(r"(?:\s*[A-Za-z][A-Za-z'-]*){0,3}")  # `vs. $310.2 consensus (1.1% beat)`: the figure's words


def comparison_closed_by(s: Sentence, offset: int, lead: re.Pattern[str]) -> tuple[int, int] | None:
    """The comparison phrase the value at `offset` comes right after (only `lead` between them)."""
    return next(((start, end) for start, end in s.comparisons
                 if end <= offset and lead.fullmatch(s.text, end, offset)), None)

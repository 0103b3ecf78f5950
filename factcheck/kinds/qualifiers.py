"""Built-in qualifiers: which line item, period, year, basis, measure and accounting a number is about.

`营收48.2亿美元，同比增长17.3%，净利润2.15亿美元，同比下降26.4%` holds four numbers
about two line items on one basis. A rule that states `metric:` and
`qualifiers:` gets these read with words shipped in factcheck/data/qualifiers.yaml,
so a new user need not list 第四季/四季度/Q4 or 同比/按年 again. They become
ordinary context qualifiers (`ContextSpec`), read by `reading.context`, with
scopes that fit how news writes them:

- metric ("run"): the line item named nearest before the value in its sentence,
  so a percentage attaches to the metric before it and never across another one (in English,
  one named in the phrase right after the value first: `a 14% rise in organic revenue`);
- period, year ("paragraph"): 2024年第四季度 often opens a paragraph;
- basis, measure ("head"): the value's clause, then the sentence's lead-in
  (`根据InvestingPro预测，……`), never a neighbouring clause that holds its own value;
- accounting ("clause"): 可比每股收益, 经调整净利润 in the value's own clause only.

Words inside a comparison phrase (较去年同期, 相较上一轮融资后) say what the value is
measured against, not what it is: they set no qualifier but the basis.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from factcheck.kinds.negation import negated
from factcheck.normalize.dates import COMING
from factcheck.normalize.quantities import CHANGE_LEAD_EN, DOLLAR_LETTERS
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import Claim, ContextSpec, ContextValue, RuleBase

if TYPE_CHECKING:
    from factcheck.kinds.sentence import Sentence

BUILTIN = ("metric", "period", "year", "basis", "measure", "accounting")
# the data file's list of forecast words that are the forecaster's own, not a qualifier, with its verbs
OWN_FORECAST = "own_forecast"
OWN_FORECAST_VERBS = "own_forecast_verbs"
# the data file's English words whose forms it does not list one by one (english_forms below)
ENGLISH_FORMS = "english_forms"
MODIFIED = "modified"
NOT_QUALIFIERS = frozenset({OWN_FORECAST, OWN_FORECAST_VERBS, ENGLISH_FORMS, MODIFIED})


def english_forms(word: str, part: str) -> tuple[str, ...]:
    """The regular English forms of `word` besides itself: a verb's -s, -ed and -ing forms (expect:
    expects, expected, expecting; estimate: estimates, estimated, estimating), a noun's plural
    (projection: projections). No doubled consonant: a word that doubles one is listed as written."""
    consonant_y = word.endswith("y") and word[-2:-1] not in "aeiou"
    stem = word[:-1] if consonant_y else word
    third = stem + ("ies" if consonant_y else "es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if part == "nouns":
        return (third,)
    past = stem + ("ied" if consonant_y else "d" if word.endswith("e") else "ed")
    ing = (word[:-1] if word.endswith("e") and not word.endswith("ee") else word) + "ing"
    return third, past, ing


def estimates_of_others(rule: RuleBase, claims: list[Any]) -> bool:
    """Whether every claim is a forecast read from an estimate-of-others word (市场预期的107亿美元)
    by a rule about something else (cue 营收): such figures differ by provider and date, so a
    difference among them is no conflict. A rule whose cue names the forecast (预测总票房) is
    about that forecast and compares it."""
    if bool(claims) and all(any(_others_class(rule, c.name, c.value) for c in claim.context) for claim in claims):
        return True
    if about_the_forecast(str(getattr(rule, "cue", ""))):
        return False
    return bool(claims) and all(
        any(c.name == "measure" and c.value == "forecast" and not own_forecast(c.evidence)
            for c in claim.context) for claim in claims)


# a regex's guard around a listed Latin word (kinds/skip.word_regex): `(?-i:(?<![A-Za-z])(?<!İ)…)`
_EDGE = compiled_on_use(r"\(\?-i:(?:\(\?<?!(?:\[[^\]]*\]|[^()\[])*\))+\)")
# what links a forecast word to its figure in a cue that only reaches it (预期为, 市场预期的, 预期值,
# `estimate of`, `expected to be`): a cue made of these and forecast words names no figure of its own
_LINKS_ZH = frozenset("为為的是值约約达達在")
_LINKS_EN = frozenset({"of", "at", "for", "is", "are", "was", "were", "be", "a", "an", "the", "to", "by"})


def about_the_forecast(cue: str) -> bool:
    """Whether a rule's cue (its regex) names a forecast as the figure it is about: one of its words holds a
    forecast word and names what is forecast besides (预测总票房, 增长预测, `predicted a PPI reading of`), or
    every word holds one (cue 市场预期 alone). A forecast word with only a linking word (预期为, 預期為, 市场预期的,
    `estimate of`) beside cues of the line item (每股盈利, `profit of`) only reaches the estimate a sentence
    sets beside the figure, as 前值 reaches a prior: the rule is about the line item, and analysts' figures
    that differ are two providers' (docs/rules.md, "Analysts' estimates are not one figure")."""
    forecast = builtin_words()["measure"]["forecast"]
    body = _EDGE.sub("", cue)
    if body.startswith("(?:") and body.endswith(")"):
        body = body[3:-1]
    words = [w.replace("\\", "") for w in body.split("|") if w]
    holding = [w for w in words if any(f in w.lower() for f in forecast)]
    if not holding:
        return False
    return len(holding) == len(words) or any(_names_more(w, forecast) for w in holding)


def _names_more(word: str, forecast: tuple[str, ...]) -> bool:
    """Whether a cue word holds more than forecast words and linking words (预期为, `expecting a`: no;
    预测总票房, `average estimate of`: yes). An English word counts in any form of its own (`estimates`)."""
    latin = [f.lower() for f in forecast if f.isascii()]
    for token in re.findall(r"[A-Za-z][A-Za-z']*|[^\sA-Za-z]+", word):
        if token.isascii():
            lower = token.lower().rstrip("'")
            if lower not in _LINKS_EN and not any(lower.startswith(f) for f in latin):
                return True
            continue
        rest = token
        for f in sorted(forecast, key=len, reverse=True):
            rest = rest.replace(f, "")
        if any(c not in _LINKS_ZH for c in rest):
            return True
    return False


def priors_only(claims: list[Any]) -> bool:
    """Whether every claim is a `prior` figure (前值, 去年同期, `versus 3.7% in December`): a release revises
    its prior figures, so one source gives the prior as first published and another as revised (PPI's
    December 0.2% vs the revised 0.5%), and a difference among priors is no conflict of the story's figure.
    (A cue may name 前值 only to reach the figure, so the cue does not make a rule about priors.)"""
    return bool(claims) and all(any(c.name == "measure" and c.value == "prior" for c in claim.context)
                                for claim in claims)


def _others_class(rule: RuleBase, name: str, value: str) -> bool:
    """Whether a value of the rule's own qualifier is named only by words of others' estimates: each holds
    a `forecast` word and none is the maker's own (`who: {analysts: [分析师, 市场预期, 平均预估]}`). The
    rule writer has set consensus figures apart as a class of the line item (beside the company's own
    figures and guidance), so they are others' estimates whatever the cue says (the cue may name
    `平均预估为` only to reach the figure)."""
    words = [w for spec in getattr(rule, "context", ()) if spec.name == name and name != "measure"
             for label, ws in spec.values if label == value for w in ws]
    forecast = builtin_words()["measure"]["forecast"]
    return bool(words) and all(any(f in w for f in forecast) and not any(own_forecast(f) for f in forecast if f in w)
                               for w in words)


CONVERTED = "converted"  # the measure of an amount restated in another currency (50亿美元（约合人民币364亿元）)


def conversions_only(claims: list[Any]) -> bool:
    """Whether every claim is an amount restated in another currency: two sources converting one
    figure at the rates of their day differ by the rate, which is no statement of the amount."""
    return bool(claims) and all(any(c.name == "measure" and c.value == CONVERTED for c in claim.context)
                                for claim in claims)


def own_forecast(word: str) -> bool:
    """Whether a `forecast` word says the figure is its maker's own forecast (IEA预计, 业绩预告, expects):
    the one reading of the data file's `own_forecast` list; every other forecast word (市场预期, 预估,
    分析师, InvestingPro预测; estimate, consensus) names an estimate whose maker and date vary by source.
    Matched lower-cased: a headline's `Sees` is `sees`."""
    return word.lower() in _own_forecast_words()


@cache
def _own_forecast_words() -> frozenset[str]:
    verbs = [english_forms(verb, "verbs")[0] for verb in _data()[OWN_FORECAST_VERBS]]  # expects, projects
    return frozenset(word.lower() for word in [*_data()[OWN_FORECAST], *verbs])


SCOPES = {"metric": "run", "period": "paragraph", "year": "paragraph", "basis": "head", "measure": "head",
          "accounting": "clause"}
DEFAULTS = {"measure": "actual"}

# 2024年, 2024年度, 2024财年, FY2024, FY24: the year a figure is for (fiscal years keep their label)
_YEARS = range(2000, 2040)
# 去年第四季 in an article of February 2025 is 2024: resolved against the publish date (reading.context)
RELATIVE_YEARS = {"-1": ("去年", "上年", "上一年"), "+0": ("今年", "本年"), "+1": ("明年", "下一年"),
                  # 本财年 written in February 2025 is FY2025: a fiscal year is named by the year it ends in,
                  # and most end within twelve months of any day of the calendar year they are named for
                  "FY-1": ("上一財年", "上一财年", "上财年", "上財年"), "FY+0": ("本財年", "本财年"),
                  "FY+1": ("下一財年", "下一财年", "下财年", "下財年")}


# the period values of qualifiers.yaml counted from another quarter: 上季 in an article of February 2025
# is the quarter before the publish date's, q4 (period_reading.relative_quarter_as_read)
RELATIVE_QUARTERS = ("quarter-1", "quarter+0")


def relative_quarter(key: str, published: date) -> str:
    """The quarter a RELATIVE_QUARTERS key names in an article published on `published`:
    上季 (quarter-1) in February is q4, in May q1."""
    index = (published.month - 1) // 3 + int(key.removeprefix("quarter"))
    return f"q{index % 4 + 1}"


# the words of RELATIVE_YEARS that count from the year the sentence names before them, not from the publish
# year: 预计2024年……，而该公司上一年度净亏额 is 2023's (去年, 今年, 明年 always count from the publish date)
COUNTED_FROM_CONTEXT = ("上年", "上一年", "下一年")


def relative_year(key: str, year: int) -> str:
    """The year a RELATIVE_YEARS key names in an article of `year`: 去年 (-1) → 2024, 本财年 (FY+0) → FY2025."""
    if key.startswith("FY"):
        return f"FY{year + int(key[2:])}"
    return str(year + int(key))


@cache
def builtin_words() -> dict[str, dict[str, tuple[str, ...]]]:
    """qualifier → value → words, from the shipped data file."""
    words = {name: {value: tuple(str(w) for w in ws) for value, ws in values.items()}
             for name, values in _data().items() if name not in NOT_QUALIFIERS}
    for name, values in _data()[ENGLISH_FORMS].items():
        for value, parts in values.items():
            written = [form for part, stems in parts.items() for stem in stems for form in english_forms(stem, part)]
            words[name][value] = tuple(dict.fromkeys([*words[name][value], *written]))
    for value, made in _data()[MODIFIED].items():  # 核心 + each word of cpi: core-cpi
        written = [f"{m} {w}" if m.isascii() and w.isascii() else f"{m}{w}"
                   for m in made["words"] for w in words["metric"][made["of"]]
                   if not m.isascii() or w.isascii()]  # core CPI; no `core 居民消费价格`
        words["metric"][value] = tuple(dict.fromkeys([*words["metric"][value], *written]))
    words["year"] = {str(y): (f"{y}年", f"{y} 年", f"{y}年度") for y in _YEARS}
    for offset, relative in RELATIVE_YEARS.items():
        words["year"][offset] = relative
    for y in _YEARS:
        words["year"][f"FY{y}"] = (f"{y}财年", f"{y}財年", f"{y} 财年", f"{y} 財年", f"{y}财政年度",
                                  f"{y}財政年度", f"FY{y}", f"FY {y}", f"FY{y % 100:02d}",
                                  f"fiscal {y}", f"fiscal year {y}", f"fiscal-year {y}")
    return words


@cache
def _data() -> dict[str, Any]:
    """The shipped data file, factcheck/data/qualifiers.yaml, as written."""
    import yaml

    data: dict[str, Any] = yaml.load(  # libyaml's parser when PyYAML has it: 0.025 → 0.002 s a process
        resources.files("factcheck.data").joinpath("qualifiers.yaml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def metric_ids(words: tuple[str, ...]) -> tuple[str, ...]:
    """The line items a rule's `metric:` words name, in order (`metric_of_words`)."""
    return tuple(dict.fromkeys(metric_of_words(words).values()))


def metric_of_words(words: tuple[str, ...]) -> dict[str, str]:
    """word → the line item it names in a rule's `metric:` list: a shipped word its built-in id
    (纯利 → net-profit), a built-in id itself; the words the data file does not know are together
    one line item of the rule's own, named by the first of them (`[不良率, 不良贷款率]`: one ratio
    called two ways, as a rule lists synonyms). Own line items kept apart are declared under
    `context: metric:`, one id each (docs/rules.md)."""
    known, ids = _metric_words(), builtin_words()["metric"]
    own = next((w for w in words if w not in known and w not in ids), "")
    return {w: known.get(w, w if w in ids else own) for w in words}


@cache
def _metric_words() -> dict[str, str]:
    return {w: value for value, ws in builtin_words()["metric"].items() for w in ws}


def metric_word_spans(text: str) -> list[tuple[int, int]]:
    """Where the built-in line-item words stand in `text` (消费者物价指数 is the CPI's word)."""
    return [m.span() for m in _metric_regex().finditer(text)]


@cache
def _metric_regex() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(_metric_words(), key=lambda w: (-len(w), w))))


def cue_metrics(cue: Any, own_words: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The shipped line-item words a rule's cue words contain (cue 净利润为 → 净利润), in order.

    A rule whose cue names its line item (`cue: [净利润, 纯利]`) is about that line item
    even when it has no `metric:`; a regex cue implies nothing. A cue word holding two
    line-item words (票房收入) implies both: its value is read with the last one before it
    (收入), and it is still the rule's line item. A line-item word inside a longer word the rule
    declares as one of its own qualifier words (`初估值`, an estimate: not 估值, valuation) is not one:
    the longest word the rule knows wins."""
    if not isinstance(cue, list):
        return ()
    found = [m.group(0) for word in cue for m in _metric_regex().finditer(str(word))
             if not _inside_own_word(str(word), m.start(), m.end(), own_words)]
    return tuple(dict.fromkeys(found))


def _inside_own_word(text: str, start: int, end: int, own_words: tuple[str, ...]) -> bool:
    """Whether text[start:end] lies inside a longer occurrence of one of `own_words` in `text`."""
    for word in own_words:
        if len(word) <= end - start:
            continue
        at = text.find(word)
        while at != -1:
            if at <= start and end <= at + len(word):
                return True
            at = text.find(word, at + 1)
    return False


def own_context_words(context: Any) -> tuple[str, ...]:
    """Every word a rule's `context:` lists, whatever its qualifier and value."""
    if not isinstance(context, dict):
        return ()
    return tuple(str(w) for values in context.values() if isinstance(values, dict)
                 for words in values.values() if isinstance(words, list) for w in words)


# built-ins a rule reads even when its `qualifiers:` lists others (only `qualifiers: []` turns them off):
# the accounting basis says which figure a value is (the adjusted loss or the reported one), as its line
# item does, not when or how it is measured. Users list the times they care about (`qualifiers: [period,
# year, measure]`: 64 of the 67 dev-set rules that list some leave `accounting` out) and never mean to compare
# 经调整净利润 with 净利润 by that (round 22, heytea: 4.37亿 adjusted vs 4.38亿 reported)
ALWAYS_READ = ("accounting",)


def with_defaults(data: dict[str, Any], defaults: tuple[str, ...], takes_metric: bool) -> dict[str, Any]:
    """A rule's document with the built-in qualifiers its kind reads without asking (`defaults`).

    Every number rule reads `period`, `year`, `basis`, `measure` and `accounting`, every count rule
    all but `year` (a qualifier no claim states never changes a result, so a Q4 figure is kept apart
    from a full-year one, a forecast count from an actual one, even for a user who never wrote
    `qualifiers:`); `qualifiers: []` turns them off, and a rule listing some still reads `ALWAYS_READ`
    (not as asked for: its claims record no default). A rule of a kind with `metric:` (`takes_metric`)
    and no `metric:` of its own whose cue words name line items (收报 names none, 净利润 one) is
    about those line items. A built-in the rule declares itself under `context:` stays the rule's own."""
    if not defaults:
        return data
    data = dict(data)
    own = set(data.get("context") or {})
    if "qualifiers" not in data:
        data["qualifiers"] = [name for name in defaults if name not in own]
    elif data["qualifiers"] and isinstance(data["qualifiers"], list):
        # which figure a value is, read whatever times a rule lists (`qualifiers: [period, year, measure]`)
        data["qualifiers"] = [*data["qualifiers"],
                              *(name for name in ALWAYS_READ if name in defaults and name not in own
                                and name not in data["qualifiers"])]
    if takes_metric and "metric" not in data and "metric" not in (data.get("context") or {}):
        implied = cue_metrics(data.get("cue"), own_context_words(data.get("context")))
        if implied:
            data["metric"] = list(implied)
    return data


def reads(rule: RuleBase, name: str) -> bool:
    """Whether `rule` reads the qualifier `name` (built in, or its own under `context:`)."""
    return any(spec.name == name for spec in rule.context)


def with_builtins(data: dict[str, Any], declared: tuple[ContextSpec, ...],
                  implied: frozenset[str] = frozenset()) -> tuple[ContextSpec, ...]:
    """A rule's context with the qualifiers its `metric:` and `qualifiers:` turn on.

    A built-in the rule also declares under `context:` keeps the shipped words and
    adds the rule's (a value the rule names keeps its shipped words too); the rule's
    `context_scope` and `context_default` for it win. A qualifier the rule did not
    ask for (`implied`, from `with_defaults`) records no default on its claims: an
    unmarked figure is only *assumed* actual when claims are grouped."""
    names = [*(["metric"] if data.get("metric") else []), *(data.get("qualifiers") or [])]
    own = {spec.name: spec for spec in declared}
    scopes, defaults = data.get("context_scope") or {}, data.get("context_default") or {}
    words = builtin_words()
    specs = [spec for spec in declared if spec.name not in names]
    for name in dict.fromkeys(names):
        values = dict(words[name])
        if name in own:  # your words join the shipped ones, also for a value you name (q4: [第4季])
            for value, ws in own[name].values:
                values[value] = tuple(dict.fromkeys((*values.get(value, ()), *ws)))
        if name == "metric":
            for word, value in metric_of_words(tuple(str(w) for w in data["metric"])).items():
                if word not in values.get(value, ()):
                    values[value] = (*values.get(value, ()), word)  # a line item the data file does not know
        default = defaults.get(name, DEFAULTS.get(name, ""))
        scope = scopes.get(name, SCOPES[name])
        if name == "year" and data.get("day") and name not in scopes:
            scope = "sentence"  # a dated value: an earlier sentence's 2022年 is that sentence's figure
        specs.append(ContextSpec(name, tuple((v, tuple(ws)) for v, ws in values.items()),
                                 scope, "" if name in implied else default,
                                 default if name in implied else ""))
    return tuple(specs)


# a comparison phrase: its marker, then what the value is compared with, up to the change word
_MARKER = r"(?:相较于|相較於|相比于|相比於|相较|相較|相比|较之|較之|对比|對比|(?<!比)[较較]|(?<![可无無好])比(?![亚亞例率重分特如较較赛賽值]))"
_CHANGE = (r"(?:增长|增長|增加|下降|下滑|上升|上涨|上漲|下跌|减少|減少|提升|提高|扩大|擴大|收窄|翻倍|翻番|"
           r"多|少|增|减|減|降|涨|漲|跌|升|高|低|(?<![\d０-９])(?!(?:19|20)\d{2}\s*年)[\d０-９]|[，,。；;：:])")  # 较2023年减少: a year is inside
# (led by the class of the characters its alternatives start with: `re` tries them only there, ≈3× faster)
_PHRASE = re.compile(r"(?=[相较較对對比与與])(?:" + _MARKER + r".{0,14}?(?=" + _CHANGE + r")"
                     r"|与[^，,。；;]{1,12}?相比|與[^，,。；;]{1,12}?相比)")


@cache
def _basis_tails() -> tuple[str, ...]:
    """The built-in basis words a comparison marker ends (同比, 环比, 年比: the 比 of each), longest first."""
    words = {w for ws in builtin_words()["basis"].values() for w in ws}
    return tuple(sorted((w for w in words if len(w) > 1 and re.fullmatch(_MARKER, w[-1])), key=len, reverse=True))


def _basis_tail(text: str, start: int, end: int) -> bool:
    """Whether the comparison phrase at [start, end) is only the marker that ends a basis word: the 比 of
    环比 in 核心CPI环比0.4% or 环比2.2%的增长 names nothing compared with, so the figure after it is the change
    itself, not a prior figure. A phrase that names what is compared (同比2023年的441亿元) stays one."""
    return end - start == 1 and any(text.endswith(w, 0, end) for w in _basis_tails())


# a bound that compares with a time's figure: 已超2023年全年, 高于去年同期, 不及上一季度 — the year and
# period there are what is compared with, not the time of the values after it (only before a break or 的)
_OVER_TIME = re.compile(r"(?:超过|超過|超出|超越|超|高于|高於|低于|低於|不及|不如|逊于|遜於|少于|少於|多于|多於)"
                        r"(?=(?:19|20)\d{2}\s*(?:年|财年|財年)|[去前上]年|上一?(?:财年|財年|年度|季度|半年)|同期)"
                        r"(?:(?:19|20)\d{2})?[^，,。；;：:\d]{0,8}?(?=[，,。；;：:的]|$)")


# a change from one figure to another: 从(此前预测的)105万桶/日上调至110万桶/日, 由25.50亿元调至19.53亿元;
# the lead names no time of its own (从2022年的2604万元 is 2022's figure, not a prior one), or only the
# day or week just before (由上日的17.65%降至12.62%, 从前一日的, 由上周的): the prior figure, of that day
EARLIER_DAY = (r"(?:(?:上一?|前一)交易日|上日|前一[日天]|前日|昨[日天]|(?:上一?|前一)(?:周|週|星期|礼拜|禮拜))")
FROM_LEAD = r"(?:从|從|由)(?:" + EARLIER_DAY + r"|[^，,。；;：:、\d年月日季]){0,10}?"
_TO = r"\s*[^，,。；;：:、\d]{0,10}?(?:至|到|为|為)"
_FROM = re.compile(FROM_LEAD + r"(?=[约約近超逾]?\d[\d.,]*\s*[^，,。；;：:、\d]{0,8}?" + _TO + r"[^，,。；;：:\d]{0,6}?\d)")
# a change that reaches a value: its start, when it ends right before the value
# with a time on either side the figures are each their own time's (从2022年的约2604万元下降至2023年的772万元)
_TIME = r"(?:(?:19|20)\d{2}\s*年[^，,。；;：:、\d]{0,6}?)?"
_FROM_TO = re.compile(r"(?:从|從|由)[^，,。；;：:、\d]{0,10}?" + _TIME + r"[约約近超逾]?\d[\d.,]*" + _TO
                      + r"[^，,。；;：:\d]{0,6}?" + _TIME + "$")
_PRIOR_LEAD = re.compile(FROM_LEAD + r"[约約近超逾]?")
# the same in English after a verb of change of the one table (`rose from $10 to $12`, `climbed from 9.24% to
# 10.28%`): the lead is `from`; without the verb `from … to` is as often a span or a range (`from 2022 to 2024`)
# an English figure's pieces, shared by the readers of changes here and in kinds/amounts.py: a currency
# before it ($, US$, HK$), a scale word after it, and the words before a level a change reaches (`to a record $15`)
EN_CURRENCY = r"(?:(?:[A-Z]{1,3})?[$€£¥]\s?)?"
EN_SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bn|tn)"
EN_LEVEL_WORDS = r"(?:(?:a|an|the|record|new|fresh|all-time|high|low|of)\s+)*"
_EN_FIGURE = rf"{EN_CURRENCY}\d[\d.,]*\s*(?:%|percent(?![A-Za-z])|{EN_SCALE}(?![A-Za-z])|[MBK](?![A-Za-z]))?"
_FROM_TO_EN = re.compile(rf"{ZH.change_verb(chinese=False)}\s+(?P<lead>from\s+(?:[A-Za-z]+\s+){{0,2}}?{_EN_FIGURE}"
                         rf"\s*,?\s+to\s+{EN_LEVEL_WORDS})$")
_PRIOR_LEAD_EN = re.compile(r"from\s+")


def comparison_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names what a value is compared with (较去年同期, 相较上一轮融资后, 与去年相比, 已超2023年全年,
    compared with, versus, up from), or the figure a change starts from (从此前预测的 before
    105万桶/日上调至110万桶/日; `from` after `to $23.5 billion`)."""
    return sorted([(m.start(), m.end()) for m in _PHRASE.finditer(text) if not _basis_tail(text, m.start(), m.end())]
                  + [(m.start(), m.end()) for m in _OVER_TIME.finditer(text)]
                  + [(m.start(), m.end()) for m in _FROM.finditer(text)]
                  + _english_comparisons(text))


# English: what a value is compared with (`compared with $X a year earlier`, `versus $0.18 the previous
# quarter`, `vs. 2.9%`), or the figure a change started from (`up from $660.5`, `down from the previous
# guidance of $26 billion`, `declined to $308.2 million from $309.4 million`). Up to four words may
# stand between the phrase and its figure; letters before `$` that name no dollar (a table glued into one
# line) are the phrase's, those that do (SG$, A$: the currency table's) the figure's, as the quantity reader reads them.
_EN_WORDS = (r"(?:(?!(?:and|but|to|from|while|as)\s)[a-z][a-z'-]*\s+){0,4}"
             rf"(?:(?!(?:{DOLLAR_LETTERS})\$)[A-Z]{{1,3}}(?=\$))?")
_EN_COMPARED = re.compile(r"(?<![A-Za-z])(?:(?i:compared)\s+(?:with|to)|(?i:versus)|(?i:vs)\.?|(?i:up|down)\s+(?i:from))\s+"
                          + _EN_WORDS)
_EN_FROM = re.compile(r"\s+from\s+" + _EN_WORDS)
# what a change is measured against, in words only, after the change (`rose 4.7% from the year-ago value to
# $61.35 billion`, `rose 7.6% over the prior-year quarter`): a prior word inside (year-ago) names the basis
# of the change, no prior figure; only the phrase's opening word counts (`from a year earlier`: yoy)
_EN_FROM_WORDS = re.compile(r"\s+(?:from|over)\s+[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*){0,4}?"
                            r"(?=\s+to\s|\s*[,;.]|\s*$)")
# the figure a change reached, or the change, right before `from`: `to $23.5 billion`, `to SG$74.1 million`,
# `up 39%` (…, up 39% from 73.1 million: the 73.1 million is the figure the change started from)
_EN_FIGURE_BEFORE = compiled_on_use(rf"{EN_CURRENCY}(?<![\d.,])\d[\d.,]*\s?(?:%|(?i:{EN_SCALE})|[MBK])?$")
_EN_TO = compiled_on_use(r"(?<![A-Za-z])to\s+$")


def _after_a_change(text: str, at: int) -> bool:
    """Whether `from` at `at` follows the figure a change reached (`to $30`), the change (`up 39%`) or its
    verb (`rose from $10 to $12`: the $10 is the figure it started from, as 从 opens one)."""
    if CHANGE_LEAD_EN.search(text, max(0, at - 24), at + 1) is not None:
        return True
    figure = _EN_FIGURE_BEFORE.search(text, max(0, at - 24), at)
    if figure is None:
        return False
    return (_EN_TO.search(text, max(0, figure.start() - 4), figure.start()) is not None
            or CHANGE_LEAD_EN.search(text, max(0, figure.start() - 24), figure.start()) is not None)


_ASCII_LETTER = re.compile("[A-Za-z]")


def _english_comparisons(text: str) -> list[tuple[int, int]]:
    """The English comparison phrases of `text`, each ending where its figure starts."""
    if _ASCII_LETTER.search(text) is None:
        return []  # (each phrase holds an ASCII letter: most sentences are asked no more)
    if not _EN_FROM.search(text) and not _EN_COMPARED.search(text) and not _EN_FROM_WORDS.search(text):
        return []
    spans = [(m.start(), m.end()) for m in _EN_COMPARED.finditer(text) if _FIGURE_AT.match(text, m.end())]
    spans += [(m.start() + 1, m.end()) for m in _EN_FROM.finditer(text)
              if _after_a_change(text, m.start()) and _FIGURE_AT.match(text, m.end())
              and not any(start <= m.start() + 1 < end for start, end in spans)]  # `up from`: one phrase
    spans += [(m.start() + 1, m.end()) for m in _EN_FROM_WORDS.finditer(text)
              if _after_a_change(text, m.start()) and not any(start <= m.start() + 1 < end for start, end in spans)]
    return spans


_FIGURE_AT = compiled_on_use(rf"(?:(?:{DOLLAR_LETTERS})\$|[$€£¥])?\s?\d")  # $660.5, SG$309.4


def from_to_start(text: str, value_start: int) -> int | None:
    """Where `从X…至` begins when the value at `value_start` is the figure a change reaches
    (110万桶/日 in 从105万桶/日上调至110万桶/日; `from` in `rose from $10 to $12`), else None."""
    found = _FROM_TO.search(text, max(0, value_start - 40), value_start)
    if found is not None:
        return found.start()
    english = _FROM_TO_EN.search(text, max(0, value_start - 80), value_start) if "to" in text[
        max(0, value_start - 30):value_start] else None
    return english.start("lead") if english else None


def leaves_prior(text: str, from_start: int, value_start: int) -> bool:
    """Whether the figure a change starts from is a prior one: its from-phrase names no time of
    its own (从此前预测的105万桶/日, not 从2022年的约2604万元)."""
    return (_PRIOR_LEAD.fullmatch(text, from_start, value_start) is not None
            or _PRIOR_LEAD_EN.fullmatch(text, from_start, value_start) is not None)


def in_comparison(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether a word at `offset` stands inside a comparison phrase (its opening word is not inside)."""
    return any(start < offset < end for start, end in spans)


# a period word for every one of them (每一季度, 各季度, 逐季) or the year a span starts from
# (2016年以来, 自2016年起, 2016年至今) says nothing of the value's own period or year
_QUANTIFIED = re.compile(r"(?:每|各|逐)[个個]?$")
# (a month or day may stand between: 自2024年1月以来, 2024年9月起; or a quarter or half: 创下2020年第四季度来最低,
# 2020年第四季以來最低; 来 alone says "since" only before a record: 来最低, 来首次, 来新高, never 来自 or 来华)
_SINCE = re.compile(r"\s*(?:\d{1,2}\s*月\s*份?\s*(?:\d{1,2}\s*[日号號])?|第?\s*[一二三四1-4]\s*季度?|[上下]半年)?"
                    r"\s*(?:初|底|末|中|上旬|中旬|下旬)?\s*"
                    r"(?:以来|以來|起|至今|开始|開始|以后|以後|[来來](?=[最首新]))")
# a start to come (将于2025年2月10日起调整…为700元, 拟自2025年起): what then holds is of that year, no span up to now
_COMING_START = re.compile(rf"(?:{COMING.pattern})\s*[于於从從自在]?\s*$")
_TIME_WORD = re.compile(r"[年季月\d]")  # a year or a period (2016年, 一季度, 去年, FY2024), not 营收 in 营收开始下滑


# 前两个月 alone is as often "the two months before" (前两个月的数据被上修) as a year's first two:
# only after a year (2025财年前四个月, 今年前两个月) is it the year's first months
_FIRST_MONTHS = re.compile(r"[前首头頭][\d一二两兩三四五六七八九十]{1,3}[个個]月$")
_OF_A_YEAR = compiled_on_use(r"(?:年|年度|财年|財年)\s*的?\s*$")

# 日的六个月 (and 日的9个月, 日的半年) is a half year or nine months only as 截至2024年9月30日的六个月(内), as
# 止六个月 is: not a lock-up or a wait from a day (自2025年2月10日的六个月内不减持, 2月10日的六个月后)
_TO_A_DAY = compiled_on_use(r"(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*$")
_AFTER = compiled_on_use(r"\s*[之以]?(?:后|後)")  # 截至…日的六个月后: a time after the period

# 年内 is the year so far (年内已涨超10%) only as a time of its own: not in 三年内 / 未来5年内 (within
# N years), 年内地 (a year, then 内地: the mainland), nor before a plan (年内将, 年内有望: by the year's end)
_WITHIN_YEARS = re.compile(r"(?:[\d０-９〇零一二两兩三四五六七八九十几幾半]|[\d十几幾][多余]|(?<![指系倍函分人总總参參])[数數])$")
# 年增/年减 (Taiwan's year-on-year) after a count of years is that span's change: 五年增长20倍, 3年减少
_YEAR_ON_YEAR_SHORT = frozenset({"年增", "年减", "年減"})
# ... nor after a word its 年 ends (全年|增加4125亿元, 今年|增速, 近年|增长最快): that 年 is the period's
# (a full year, this year), so 年增 would be read across the word 全年 (round 20, NOTES_B property-loans)
_ENDS_A_YEAR_WORD = compiled_on_use(r"[全今去前上明当當本同整历歷往近首每]$")
# a verb of holding right after 累计 (累计持有, 累计持股): what is held is one stock, the stake itself, as `持有50多亿美元的股份`
# writes it, never a total summed up from a period's flows (累计增持, 累计买入 are: kept cumulative; round 37)
_HELD_AFTER = re.compile(r"\s*(?:持有|持股|拥有|擁有|持仓|持倉)")
_NOT_SO_FAR = re.compile(r"\s*(?:地|将|將|要|会|會|有望|可望|计划|計劃|拟|擬|预计|預計|力争|力爭|或将|或將)")


# what makes 中期 a horizon (the medium term) rather than the first half: a trend, a move or a view
# after it (中期下跌趋势, 中期震荡, 中期目标), or 而言/来看/内 (中期而言, 中期内超); 中期业绩, 中期股息, 中期多賺 stay H1
_HORIZON = compiled_on_use(r"(?:[上下][跌涨漲行]|看[好涨漲跌空多]|偏[多空弱强強])?(?:趋势|趨勢|走势|走勢|调整|調整|回调|回調|反弹|反彈"
                           r"|震荡|震盪|行情|牛市|熊市|目标|目標|支撑|支撐|阻力|均线|均線|底部|顶部|頂部)"
                           r"|[上下][跌涨漲行]|看[好涨漲跌空多]|而言|来看|來看|看[，,]|内|內|角度")


# the words that end a year's phrase as the year reader reads it: 2022年度, 上两个年度 (a counted span),
# 3月31日止年度 (a fiscal year); a period word among them (年度) inside such a phrase is the year's, none of its own
YEAR_WORD_ENDS = ("财政年度", "財政年度", "年度", "财年", "財年")
_IN_A_YEAR_PHRASE = compiled_on_use(r"(?:(?:19|20)\d{2}|(?:上|前|过去|過去|最近)\s*[2-9２-９两兩二三四五六七八九]\s*(?:个|個)?"
                                    r"|日\s*止\s*的?)\s*$")


def _inside_a_year_phrase(text: str, pos: int, word: str, value: str) -> bool:
    """Whether the full-year word at `pos` ends a year's phrase (年度 in 2022年度, 上两个年度, 3月31日止年度) or
    another year word (财政年度): a word inside a longer word the year reader reads is no word of its own (the
    year reader gives the full year). A rule's own qualifier keeps its words there (`fy: [财年]` reads 2025财年)."""
    if value != "full-year" or word not in YEAR_WORD_ENDS:
        return False
    longer = any(len(w) > len(word) and w.endswith(word) and text.startswith(w, pos + len(word) - len(w))
                 for w in YEAR_WORD_ENDS)
    return longer or _IN_A_YEAR_PHRASE.search(text, max(0, pos - 8), pos) is not None


# 年度 alone names the period of the line item it opens (年度利润跌破90亿, 年度营收, 年度的净利润), as 全年 does;
# before another noun (年度调整, 年度化保费, 年度大会) it names no figure's period. A line item is known by the
# way the shipped ones end (利润, 营收, 收入, 盈利 …: the last two characters of each Chinese metric word)
_OPENS_A_LINE_ITEM = ("年度",)


@cache
def _line_item_ahead() -> re.Pattern[str]:
    tails = {w[-2:] for ws in builtin_words()["metric"].values() for w in ws if len(w) >= 2 and not w.isascii()}
    return re.compile(r"\s*的?\s*[^\s，,。；;：:、\d]{0,3}?(?:" + "|".join(sorted(tails, key=len, reverse=True)) + ")")


def _names_no_line_item(text: str, pos: int, word: str) -> bool:
    """Whether 年度 at `pos` stands before no line item (年度调整, 年度化保费): no period of a figure."""
    return word in _OPENS_A_LINE_ITEM and _line_item_ahead().match(text, pos + len(word)) is None


def may_qualify(text: str, hit: tuple[int, str, str]) -> bool:
    """Whether a qualifier word may qualify a value: a year or period not after 每/各/逐 nor before
    以来/起/至今 (unless the start is to come: 将于2025年2月10日起); 日的六个月 only after 截至…日 and not before 后; the first N months (前四个月) only of a
    year named right before them; 年内 only as the year so far; 年增/年减 not after a count of years nor inside 全年/今年/近年…; no word right after a negation (非营业收入, 未经调整: what the value is not)."""
    pos, word, value = hit
    if _FIRST_MONTHS.match(word) and not _OF_A_YEAR.search(text, max(0, pos - 4), pos):
        return False
    if word.startswith("日的") and (not _TO_A_DAY.search(text, max(0, pos - 16), pos)
                                   or _AFTER.match(text, pos + len(word))):
        return False
    if word in ("年内", "年內") and (_WITHIN_YEARS.search(text, max(0, pos - 3), pos)
                                   or _NOT_SO_FAR.match(text, pos + len(word))):
        return False
    if word in _YEAR_ON_YEAR_SHORT and (_WITHIN_YEARS.search(text, max(0, pos - 3), pos)
                                        or _ENDS_A_YEAR_WORD.search(text, max(0, pos - 1), pos)):
        return False  # 五年增长20倍, 全年增加4125亿元: growth over five years or in the year, not year on year
    if _inside_a_year_phrase(text, pos, word, value) or (value == "full-year" and _names_no_line_item(text, pos, word)):
        return False  # 2022年度, 上两个年度: the year's words (read as the year); 年度调整: no figure's period
    if negated(text, pos):
        return False  # 零售总额（非营业收入）: the value says what it is not
    if word == "中期" and _HORIZON.match(text, pos + len(word)):
        return False  # 中期下跌趋势, 中期来看, 中期内: a horizon of market copy, not the first half
    if value == "cumulative" and _HELD_AFTER.match(text, pos + len(word)):
        return False  # 已累计持有霍尼韦尔50亿美元的股份: a stake held, whatever built it up, not a total of flows
    return not (_TIME_WORD.search(word) and (_QUANTIFIED.search(text, max(0, pos - 2), pos)
                                            or (starts_a_span(text, pos + len(word))
                                                and not _COMING_START.search(text, max(0, pos - 6), pos))))


def starts_a_span(text: str, end: int) -> bool:
    """Whether the date or period word ending at `end` is where a span starts (2016年以来, 自2024年1月以来,
    4月起, 2016年至今): it names no period or year of a value (discover reads its periods by this too)."""
    return _SINCE.match(text, end) is not None


def qualifying(text: str, hits: list[tuple[int, str, str]],
               spans: list[tuple[int, int]] | None = None) -> list[tuple[int, str, str]]:
    """The qualifier words of `text` that may qualify a value: none inside a comparison phrase
    (`spans`, else those of `text`: 去年 in 较去年同期扩大了25% is what was compared with), none of 每季度 or 2016年以来."""
    spans = comparison_spans(text) if spans is None else spans
    return [hit for hit in hits if not in_comparison(spans, hit[0]) and may_qualify(text, hit)]


# a word of zh.yaml `respectively` (分别, 各自, 各为 …) after a list: the values after it are the members' in order,
# one each (A、B分别持有8.5%、3%; 净利润各为A、B及C); the one pattern reading and places read it with
RESPECTIVELY = re.compile("|".join(map(re.escape, ZH.respectively)))
# …of which those ending in a verb of being (各为, 各是) open a list of values and nothing else, where 各自 or
# 分别 before one value may give it to each member (各自100%股权)
_OPENS_A_LIST = "|".join(re.escape(word) for word in ZH.respectively if word.endswith(("为", "是")))
# a word of zh.yaml `each` (均/都/皆/各) right before the value's verb: the value is each listed one's (2025年、
# 2026年……均将增长140万桶/日, 苏宁电器由张近东与卜扬各持股50%); not 各为/各是 (`_OPENS_A_LIST`)
_EACH = re.compile(rf"(?!{_OPENS_A_LIST})(?:{'|'.join(map(re.escape, ZH.each))})"
                   r"(?:将|將|会|會|可|已|为|為|是)?[^，,。；;：:\d]{0,6}$")
# the word between two items of a list (营收、净利润; 2022年及2023年): one joiner for every
# kind's lists (reading, date), each adding what its lists also allow
LIST_JOINER = r"(?:、|和|以及|及|与|與)"
LIST_JOIN = compiled_on_use(r"\s*(?:" + LIST_JOINER + r"|,|，)\s*")
LIST_WORD_JOIN = re.compile(r"\s*" + LIST_JOINER + r"\s*")  # a list word only: a comma joins clauses too
# between two names (影院与片方, 印尼及越南): a list of names also joins with 跟, / and 或 (reading, places)
NAME_JOINER = rf"(?:{LIST_JOINER}|跟|/|或)"


def said_of_each(s: Sentence, value_start: int) -> bool:
    """Whether 均/都/皆/各 right before the value's verb gives it to each member of a list before it."""
    begin, _ = s.clause_at(value_start)
    return _EACH.search(s.text, begin, value_start) is not None


def each_of_list(found: Claim, rule: RuleBase, s: Sentence, value_start: int) -> list[Claim]:
    """The claim once for every member of a list its value belongs to through 均/都.

    `预测2025年、2026年石油消费量均将增长140万桶/日` states 140万 for 2025 and for 2026; read
    with the nearest year alone, the 2025 figure would be lost. The list is the run of a
    qualifier's words joined by 、/和/及 nearest before the value; the claim's own reading
    must be one of them."""
    if not said_of_each(s, value_start):
        return [found]
    own = found.context_dict()
    for spec in rule.context:
        hits = [hit for hit in s.hits(spec.values) if hit[0] + len(hit[1]) <= value_start]
        if not hits or not own.get(spec.name):
            continue
        run = [hits[-1]]
        for hit in reversed(hits[:-1]):
            if LIST_JOIN.fullmatch(s.text, hit[0] + len(hit[1]), run[0][0]) is None:
                break
            run.insert(0, hit)
        values = {value: word for _, word, value in run}
        if len(values) < 2 or own[spec.name] not in values:
            continue
        return [replace(found, context=tuple(replace(c, value=value, evidence=word) if c.name == spec.name else c
                                             for c in found.context))
                for value, word in values.items()]
    return [found]


def paired_in_list(found: Claim, rule: RuleBase, s: Sentence, listed: tuple[int, int, int] | None,
                   lead_start: int) -> Claim:
    """A list value (分别为A、B、C) with the i-th word of the rule's own qualifier in the lead-in,
    when the lead-in holds exactly as many of them as the list has values.

    `截至2022年3月31日、2023年3月31日、2024年3月31日的三个财年，以及截至2024年9月30日止的六个月，
    营业总收入分别为16.74亿元、16.99亿元、18.63亿元及10.64亿元` pairs the four values with a rule's
    four `fy` words in order, as the built-in period and year are paired."""
    if listed is None:
        return found
    index, count, first = listed
    context = list(found.context)
    for spec in rule.context:
        if spec.name in BUILTIN:
            continue  # period and year are paired where they are read (reading.context)
        begin = lead_start
        if not any(lead_start <= hit[0] < first for hit in s.hits(spec.values)):
            begin = 0  # a statement naming none of its words reads them across the ；
        hits = [hit for hit in s.hits(spec.values) if begin <= hit[0] and hit[0] + len(hit[1]) <= first]
        if len(hits) != count:
            hits = _with_year_ranges(hits, spec, s.text, begin, first)
        if len(hits) != count:
            continue
        _, word, value = hits[index]
        context = [c for c in context if c.name != spec.name]
        at = next((i for i, c in enumerate(found.context) if c.name == spec.name), len(context))
        context.insert(min(at, len(context)), ContextValue(spec.name, value, word))
    return replace(found, context=tuple(context))


_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*(?:年|财年|財年)?\s*(?:至|到|-|—|–|~|～)\s*((?:19|20)\d{2})\s*(年|财年|財年)")


def _year_words(years: range, fiscal: bool, word_value: dict[str, str]) -> list[str] | None:
    """The qualifier's word for each year (2023年, or 2023财年 in a range of fiscal years when the
    qualifier has one), None when a year has none."""
    words = []
    for year in years:
        word = next((w for w in ((f"{year}财年", f"{year}年") if fiscal else (f"{year}年",)) if w in word_value), None)
        if word is None:
            return None
        words.append(word)
    return words


def _with_year_ranges(hits: list[Any], spec: ContextSpec, text: str, begin: int, end: int) -> list[Any]:
    """The hits with a year range of the lead-in counted year by year (从2022年至2024年 is 2022年,
    2023年 and 2024年; 2022至2024财年 and 2022财年至2024财年 each fiscal year), each read with the
    qualifier's word for that year; or the years a counted span names (上两个年度 after 2024年: 2022年
    and 2023年, `counted_span`); unchanged when a year has no word of the qualifier."""
    word_value = {word: value for value, words in spec.values for word in words}
    out = list(hits)
    for found in _YEAR_RANGE.finditer(text, begin, end):
        first, last = int(found.group(1)), int(found.group(2))
        words = _year_words(range(first, last + 1), found.group(3) != "年", word_value) \
            if 0 < last - first < 10 else None
        if words is None:
            return hits
        out = [hit for hit in out if not found.start() <= hit[0] < found.end()]
        out += [(found.start(), word, word_value[word]) for word in words]
    counted = counted_years(text, begin, end)
    if counted is not None:
        words = _year_words(counted.years, False, word_value)
        if words is not None:  # the counted years are the list's, not a year said before them
            return [(counted.span.start, word, word_value[word]) for word in words]
    return sorted(out, key=lambda hit: hit[0])


WRITTEN_YEAR = compiled_on_use(r"((?:19|20)\d{2})\s*(?:年|财年|財年)")  # group 1: the year's digits
# a counted span of years: 上两个年度, 前三年, 过去三年, 最近3个财年 (not 前两年内, 过去三年来 … a span; not
# 近6年, as often "nearly six years" as "the last six")
_COUNTED_YEARS = re.compile(r"(上|前|过去|過去|最近)\s*([2-9２-９两兩二三四五六七八九])\s*(?:个|個)?\s*"
                            rf"(?:{'|'.join(YEAR_WORD_ENDS)}|年)(?![初底末中内內来來以])")
_COUNTS = {"两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class CountedSpan:
    """`上两个年度`, `过去三年`: a count of years before (上/前) or up to (过去/最近) a year named before it."""

    start: int
    end: int
    count: int
    before: bool

    def years(self, reference: int) -> range:
        last = reference - 1 if self.before else reference
        return range(last - self.count + 1, last + 1)


def counted_span(text: str, start: int, end: int) -> CountedSpan | None:
    """The last counted span of years in text[start:end] (the lead-in of a list), if any."""
    found = next(reversed(list(_COUNTED_YEARS.finditer(text, start, end))), None)
    if found is None:
        return None
    digit = found.group(2)
    count = _COUNTS.get(digit) or int(unicodedata.numeric(digit))
    return CountedSpan(found.start(), found.end(), count, found.group(1) in ("上", "前"))


@dataclass(frozen=True)
class CountedYears:
    """The years a counted span names (`上两个年度` after 2024年: 2022 and 2023), and where the year
    they are counted from is written."""

    span: CountedSpan
    reference: int
    reference_at: int
    years: range


def counted_years(text: str, start: int, end: int) -> CountedYears | None:
    """The years the last counted span of text[start:end] names, counted from the last year written
    before the span, lead-in included (截至2024年3月31日的全年，……上两个年度: 2022 and 2023), also when
    that year dates an event: the span counts back from the year the event happens in
    (`2024年3月31日，颖通控股发布年报，上两个年度营收分别为…`: 2022 and 2023), never from the publish
    year. None without such a year: counted from the publish date, `过去三年` may or may not hold the
    current year. The one reading for the built-in year and a rule's own qualifiers."""
    span = counted_span(text, start, end)
    if span is None:
        return None
    named = list(WRITTEN_YEAR.finditer(text, 0, span.start))
    reference = year_counted_from([found.group(1) for found in named], None)
    if reference is None:
        return None
    return CountedYears(span, reference, named[-1].start(), span.years(reference))


def year_counted_from(named: list[str], published: int | None) -> int | None:
    """The year a counted span (上两个年度, `counted_years`) or a relative year counted from its context (上年,
    上一年度: reading) counts from, given the year values named before it, in order: the last of them (2024,
    FY2024 → 2024; 去年 counted from the publish year first), else `published` (None: no year to count from).
    The one answer for both: each reader gives the years it may count from (a counted span every year written
    before it, 上年 its rule's year words outside a comparison)."""
    if not named:
        return published
    last = named[-1]
    if last in RELATIVE_YEARS:  # 去年 before 前一年度: counted from the publish year first
        return None if published is None else int(relative_year(last, published).removeprefix("FY"))
    digits = last.removeprefix("FY")
    return int(digits) if digits.isdigit() else published


_DAY_AFTER_YEAR = compiled_on_use(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_PERIOD_END_BEFORE = compiled_on_use(r"(?:截至|截止|至)\s*$")


def event_date(text: str, start: int, end: int) -> bool:
    """Whether the year text[start:end] (2025年) is inside a day's date that dates an event
    (2025年2月13日公布), not one ending a period (截至…, …止)."""
    day = _DAY_AFTER_YEAR.match(text, end)
    if day is None:
        return False
    return not (_PERIOD_END_BEFORE.search(text, max(0, start - 3), start) or text.startswith("止", day.end()))

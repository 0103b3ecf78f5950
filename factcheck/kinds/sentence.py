"""A sentence as every kind's finder reads it: clauses, qualifier words,
entity mentions, dates and quantities, each computed once and shared.

Kinds never re-read a sentence: they ask this view, so a sentence holding
claims for five rules is split into clauses and normalized once.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property, wraps
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from factcheck.kinds.company_names import company_names
from factcheck.kinds.currency import CurrencyDefault, DollarMarket, as_money, currency_defaults, dollar_market, reread
from factcheck.kinds.dateline import dateline_of, report_dateline
from factcheck.kinds.matching import MatchingView, fold, fold_words, matching_view, matching_views
from factcheck.kinds.negation import inside_a_non_word
from factcheck.kinds.qualifiers import comparison_spans, qualifying
from factcheck.normalize.dates import DateSpan, find_dates
from factcheck.normalize.entities import EntityIndex, Mention
from factcheck.normalize.numbers import group_thousands
from factcheck.normalize.quantities import QuantitySpan, find_bare_amounts, find_quantities, without_class_names
from factcheck.normalize.words import ZH
from factcheck.patterns import compile_pattern, compiled_on_use, re2_search
from factcheck.records import Article, Segment
from factcheck.values import DateValue

# not the comma of 2,600; led by the class of its characters, so that `re` tries the alternatives only there
CLAUSE_BREAK = re.compile(r"(?=[，：:；;,])(?:[，：:；;]|(?<!\d),|,(?!\d{3}(?!\d)))")
OPENING, CLOSING = "（(「『《“", "）)」』》”"
_DIGIT = re.compile(r"[0-9０-９]")

# a qualifier word that is a Latin code with a digit (H1, Q4, FY2024), and a capitalized Latin word
# right before it: in Chinese text, a model's name (Unitree H1), not a period (2024 H1 and 公司H1 stay
# periods); in English prose a capitalized word opens the sentence or names a company (In Q4, Tesla Q4)
_LATIN_CODE = re.compile(r"[A-Za-z]{1,3}\s?\d{1,4}")
_AFTER_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]+\s?$")
_HAN_CHAR = compiled_on_use(r"[\u4e00-\u9fff]")
# a time unit and a change (月增, 年减), and what before it makes the unit a count's or a date's (个月, 28个月, 三年,
# 2025年, 数月): Sentence._counted_unit
_UNIT_CHANGE = re.compile(r"[年月季][增减減]")
_COUNTED_BEFORE = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千两兩几幾数數多半个個]$")
Values = tuple[tuple[str, tuple[str, ...]], ...]  # a qualifier's value → words
Hit = tuple[int, str, str]  # (offset, word, value)
_A_YEAR = re.compile(r"\d|[今去明前上本当當]年")
_FRAME_LEAD, _FRAME_TAIL = 8, 2  # what may stand before and after a framing word in its clause (截至2024年, 末，)
P = ParamSpec("P")
T = TypeVar("T")


# 前 + a name + a post (`由前谷歌 TPU 工程师 Richard Ho 领导`, `前OpenAI研究员`, `former Google engineer`) says where a
# person once worked: the name qualifies the person and is no one a clause is about (the team is OpenAI's)
_FORMER_BEFORE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[由为是被任及和与、的]))前\s*$|(?<![A-Za-z])[Ff]ormer\s+$")
# (a post, zh.yaml posts, or a job: 工程师, 研究员, 员工 …)
_POST_AFTER = compiled_on_use(r"[^，,。；;：:！？!?]{0,10}?(?:" + "|".join(map(re.escape, ZH.posts))
                              + r"|工程师|专家|研究员|研究人员|科学家|员工|雇员|设计师|首席[\u4e00-\u9fff]{1,4}官"
                              r"|engineer|executive|employee|researcher|scientist|chief|president|director|manager)")


def former_employer(text: str, m: Mention) -> bool:
    """Whether the name at `m` is a person's former employer: 前 right before it, a post after it."""
    return (_FORMER_BEFORE.search(text, max(0, m.start - 8), m.start) is not None
            and _POST_AFTER.match(text, m.end) is not None)


@cache
def pattern(regex: str) -> re.Pattern[str]:
    """Every rule pattern, folded to the matching script and compiled once per
    process on the engine that keeps it safe."""
    return compile_pattern(fold(regex))


class Cue(Protocol):
    """What the figure kinds ask of a cue: a compiled `pattern`, or `cue_pattern`'s, which passes over a
    match inside a 非-word. Written as a protocol so both are typed as what they are."""

    @property
    def pattern(self) -> str: ...

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]: ...

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...


class _Cue:
    """A rule's cue, compiled as `pattern` compiles it, whose matches right after 非 are none: a cue written
    inside a word 非 makes its opposite (`零售总额（非营业收入）为120亿元` is no revenue, `非食品价格上涨0.5%` no
    food price: kinds/negation.py `inside_a_non_word`). It offers what the figure kinds ask of a cue."""

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self._compiled = compiled

    @property
    def pattern(self) -> str:
        return self._compiled.pattern

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return (m for m in self._compiled.finditer(string, pos, endpos) if not inside_a_non_word(string, m.start()))

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self._compiled.search(string, pos, endpos)
        if found is None or not inside_a_non_word(string, found.start()):
            return found  # the common case: one search
        return next(self.finditer(string, found.end(), endpos), None)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = self._compiled.match(string, pos, endpos)
        return None if found is not None and inside_a_non_word(string, found.start()) else found


@cache
def cue_pattern(regex: str) -> Cue:
    """A number, count or duration rule's cue (`pattern`), with no match inside a 非-word (`_Cue`)."""
    return _Cue(pattern(regex))


# a word of a qualifier in brackets right after another of the same qualifier restates it (核心消费者价格指数（CPI）,
# 第四季度（Q4）): the short form is the long one's, so the bracketed word is no reading of its own
_RESTATED = re.compile(r"\s*[（(]\s*")


@dataclass
class Sentence:
    """A segment with what every rule asks of it, computed once."""

    segment: Segment
    previous: Sentence | None  # the sentence before it in its paragraph
    anchor: date | None
    index: EntityIndex
    title: Sentence | None = None  # the article's title (its first sentence), for 该公司 with no one named before
    view: MatchingView | None = None  # built from `segment` when not given
    currency: CurrencyDefault | None = None  # what a bare 元 means here (kinds/currency.py)
    earlier: Sentence | None = None  # the sentence before it in the article, whatever its paragraph;
    # None after a paragraph left unread (no cue in it: load.split_segments), so nothing is carried past it
    title_names: frozenset[str] = frozenset()  # the entities the title's sentences name (量价齐升！可口可乐……)
    # the article's dateline (kinds/dateline.py): the day it was written; asked of every sentence built
    report_dateline: DateSpan | None = field(kw_only=True)
    # the article's market when its money is a dollar (kinds/currency.py): a `$` alone is then of no known currency
    market: DollarMarket | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if self.view is None:
            self.view = matching_view(self.segment)
        self._view: MatchingView = self.view
        self._hits: dict[Values, list[Hit]] = {}
        self._qualifying: dict[Values, list[Hit]] = {}
        self.unit_notes: dict[int, str] = {}
        self.class_names: list[QuantitySpan] = []  # figures `quantities` leaves out as a class's name (百亿俱乐部)
        self._last: dict[Values, Hit | None] = {}
        self._remembered: dict[tuple[object, ...], object] = {}  # see per_sentence

    def hits(self, values: Values) -> list[Hit]:
        """Where the words of a qualifier occur: (offset, word, value), in order."""
        if values not in self._hits:
            if not _may_hold(values)(self.text):  # most sentences hold none: no slow alternation over them
                self._hits[values] = []
                return self._hits[values]
            regex, value_of = _words_pattern(values)
            found = [(m.start(), m.end(), value_of.get(m.group(0)) or value_of[m.group(0).lower()])
                     for m in regex.finditer(self.text)
                     if not self._code_in_a_name(m.start(), m.end()) and not self.cuts_a_name(m.start(), m.end())
                     and not self._counted_unit(m.start(), m.end())]
            self._hits[values] = [(start, self.plain[start:end], value) for i, (start, end, value) in enumerate(found)
                                  if not (i and _RESTATED.fullmatch(self.text, found[i - 1][1], start))]
        return self._hits[values]

    def cuts_a_name(self, start: int, end: int) -> bool:
        """Whether a word at [start, end) cuts a name, reading a piece of it with what stands beside it: it starts inside
        a declared entity's mention and ends past it (the 比 of 皇家加勒比 opening 比2024年总营收达) or starts before and
        ends inside it (年比 across 2025年|比亚迪), or starts inside a found company name and runs past its end (比集团…
        in an undeclared 皇家加勒比集团: only the end of a found name is sure). A word wholly inside a name is kept:
        a rule's own word may name part of one (猫眼 in 猫眼专业版)."""
        return (any(m.start < start < m.end < end or start < m.start < end < m.end for m in self.mentions)
                or any(begin < start < finish < end for begin, finish in self.company_names))

    def _counted_unit(self, start: int, end: int) -> bool:
        """Whether a word made of a time unit and a change (月增, 季增, 年增, 年减: month on month, year on year)
        starts with the unit of a count or a date before it: 连续第三个月|增持, 连续28个月|增长, 10年|减支,
        2025年1月|增持, 2023年|增速 are so many months or years, or a named one, and then a change; the word is
        read across that boundary, so it is no basis (bulk: every such read of 37 was one)."""
        return (_UNIT_CHANGE.fullmatch(self.text, start, end) is not None
                and _COUNTED_BEFORE.search(self.text, max(0, start - 1), start) is not None)

    @cached_property
    def company_names(self) -> list[tuple[int, int]]:
        return company_names(self.text)

    def _code_in_a_name(self, start: int, end: int) -> bool:
        """Whether a Latin code word (H1, Q4, FY2024) is part of a name, not a qualifier: inside a declared
        entity's mention (宇树H1, `Unitree H1` declared) or, in a Chinese sentence, right after a capitalized
        Latin word (Unitree H1人形机器人; not `In Q4 2024, the company…`)."""
        if not _LATIN_CODE.fullmatch(self.text, start, end):
            return False
        return ((_AFTER_LATIN_NAME.search(self.text, max(0, start - 24), start) is not None
                 and _HAN_CHAR.search(self.text) is not None)
                or any(m.start <= start and end <= m.end for m in self.mentions))

    def qualifier_hits(self, values: Values) -> list[Hit]:
        """The words of a qualifier that may qualify a value here (kinds/qualifiers.qualifying):
        what an earlier sentence says of a value in this one."""
        if values not in self._qualifying:
            self._qualifying[values] = qualifying(self.text, self.hits(values), self.comparisons)
        return self._qualifying[values]

    def last_hit_in_article(self, values: Values) -> Hit | None:
        """The last word of a qualifier in the earlier sentences of the article, across paragraphs
        (for 期内, which points back to the period last named, wherever it was)."""
        sentence = self.earlier
        while sentence is not None:
            own = sentence.qualifier_hits(values)
            if own:
                return own[-1]
            sentence = sentence.earlier
        return None

    def last_hit_before(self, values: Values) -> Hit | None:
        """The last word of a qualifier in the earlier sentences of the paragraph, carried
        through sentences that state a figure: a sentence with none (虽然 OpenAI 的计划可能面临不少障碍，
        但该公司似乎决心实现其目标。) talks of something else, so a long one-paragraph article's
        `今年上半年…流片` reaches no team size said sentences later.

        Memoized walking back, so a paragraph of thousands of sentences costs
        linear time, not quadratic."""
        walked: list[Sentence] = []
        sentence, found = self.previous, None
        while sentence is not None:
            own = sentence.qualifier_hits(values)
            if own:
                found = sentence.carried_on(own)
                break
            if not sentence.states_a_figure:
                break
            if values in sentence._last:
                found = sentence._last[values]
                break
            walked.append(sentence)
            sentence = sentence.previous
        for step in walked:
            step._last[values] = found
        return found

    def carried_on(self, hits: list[Hit]) -> Hit:
        """Which of the sentence's qualifier words the next sentences take: the last, unless it says
        when or what only its own figure is, in that figure's clause (`全年增加4125亿元`), and a clause
        of its statement that is only a time or a heading (`2024年四季度末，`) frames the statement
        (`2024年四季度末，…余额13.56万亿元，…全年增加4125亿元。个人住房贷款余额37.68万亿元`: the
        balance is the quarter-end's; round 20's NOTES_B property-loans)."""
        last = hits[-1]
        _, clause_end = self.clause_at(last[0])
        if _A_YEAR.search(last[1]) or not any(last[0] < q.start < clause_end for q in self.quantities):
            return last  # 2023年，…增长了近50%，但2024年…放缓至仅7%: a year moves the story on
        statement = max(self.text.rfind("；", 0, last[0]), self.text.rfind(";", 0, last[0])) + 1
        frames = [hit for hit in hits if statement <= hit[0] and hit is not last and self._frames(hit)]
        return frames[-1] if frames else last

    def _frames(self, hit: Hit) -> bool:
        """Whether a qualifier word stands in a clause of its own that holds no figure: near its
        start (2024年, 截至 may come first) and ending it (末, 底 may follow)."""
        begin, end = self.clause_at(hit[0])
        return (hit[0] - begin <= _FRAME_LEAD and end - (hit[0] + len(hit[1])) <= _FRAME_TAIL
                and not any(begin <= q.start < end for q in self.quantities))

    @cached_property
    def states_a_figure(self) -> bool:
        """Whether the sentence states a number (a digit, or an amount in Chinese numerals: 两成)."""
        return _DIGIT.search(self.text) is not None or bool(self.quantities)

    @property
    def text(self) -> str:
        """What rules match: format characters removed, folded to Simplified."""
        return self._view.folded

    @property
    def plain(self) -> str:
        """What normalizers read: format characters removed, script as written (offsets of `text`)."""
        return self._view.plain.text

    def line_at(self, offset: int) -> int:
        """The file line of an offset in `text`."""
        return self._view.plain.line_at(offset)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Where [start, end) of `text` stands in the raw sentence (the evidence)."""
        return self._view.raw_span(start, end)

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        return clause_bounds(self.text)

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [begin for begin, _ in self.clauses]

    def clause_at(self, offset: int) -> tuple[int, int]:
        return self.clauses[max(0, bisect_right(self._clause_starts, offset) - 1)]

    def clause_before(self, offset: int) -> tuple[int, int] | None:
        begin, _ = self.clause_at(offset)
        earlier = [c for c in self.clauses if c[1] < begin]
        return earlier[-1] if earlier else None

    @cached_property
    def dateline(self) -> DateSpan | None:
        """The sentence's opening date when it is a dateline (财联社2月12日讯): the report's day, no event's."""
        return dateline_of(self.text, self.dates)

    @cached_property
    def mentions(self) -> list[Mention]:
        """The declared names the sentence holds, less a person's former employer (see `former_employer`)."""
        return [m for m in self.index.mentions(self.plain) if not former_employer(self.text, m)]

    @cached_property
    def dates(self) -> list[DateSpan]:
        found = [d for d in find_dates(self.plain, self.anchor) if not names_an_edition(self.plain, d, self.anchor)]
        return _that_day(self, found) if any(_THAT_DAY.match(d.value.raw) for d in found) else found

    @cached_property
    def comparisons(self) -> list[tuple[int, int]]:
        """The comparison phrases (较上日, 与去年相比): read once a sentence, asked of each value; none whose
        marker is a piece of a name (the 比 of 皇家加勒比)."""
        return [(start, end) for start, end in comparison_spans(self.text) if not self.cuts_a_name(start, end)]

    @cached_property
    def quantities(self) -> list[QuantitySpan]:
        """Every quantity, and every amount written without a unit (这28亿借款) read as money in the
        currency of a bare 元 here, in the order they stand: only a money rule's cue makes one a claim."""
        spans, self.unit_notes = reread(find_quantities(self.plain), self.plain, self.currency, self.market)
        bare, notes = as_money(find_bare_amounts(self.plain, spans), self.currency)
        if bare:
            self.unit_notes.update(notes)
            spans = sorted([*spans, *bare], key=lambda span: span.start)
        kept = without_class_names(self.plain, spans)
        if len(kept) < len(spans):  # a round figure naming a class (20万级SUV): said when a cue reaches it
            self.class_names = [span for span in spans if not any(span is k for k in kept)]
        return kept

    def quantity_at(self, offset: int) -> QuantitySpan | None:
        """The quantity that starts at `offset` (a value's own span: its unit, where it ends), if any."""
        return next((q for q in self.quantities if q.start == offset), None)

    def unit_note(self, offset: int) -> str:
        """Why the quantity starting at `offset` has the unit it has, when the text alone does not say."""
        _ = self.quantities
        return self.unit_notes.get(offset, "")


def per_sentence(reader: Callable[Concatenate[Sentence, P], T]) -> Callable[Concatenate[Sentence, P], T]:
    """`reader(s, ...)` computed once per sentence and arguments, for a reader that depends on nothing
    else: every rule whose cue a value follows asks who the value is about (kinds/subject_reading.py, `who`),
    and a number rule asks twice; with 300 rules that was a seventh of a run."""
    @wraps(reader)
    def remembered(s: Sentence, *args: P.args, **kwargs: P.kwargs) -> T:
        # asked hundreds of thousands of times a run: no sorting when no keyword is given (the usual call)
        key = (reader, args, tuple(sorted(kwargs.items()))) if kwargs else (reader, args)
        try:
            return s._remembered[key]  # type: ignore[return-value]
        except KeyError:
            value = s._remembered[key] = reader(s, *args, **kwargs)
            return value

    return remembered


# the end of a list a name is an example of: 等 (not 等待, 等于 …) or 在内的 after it and the names after it
# (谷歌、微软、Meta等科技巨头, 包括微软、英伟达、亚马逊在内的大型科技集团, 包含阿里巴巴等中国科技股的恒生科技指数)
GROUP_CLOSE = re.compile(r"(?:\s*(?:、|和|与|與|及|以及)\s*[^，,。；;：:、和与與及]{1,12}?)*?\s*"
                         r"(?:等(?![待候于於同级級到])|在内的|在內的)")


def _title_named(title: Sentence) -> set[str]:
    """The entities a title names as its subjects: not one named as an example of a group (`港股ADR升178點
    夜期高水214點 華虹半導體等業績`, a digest's results of 華虹 and others), which a figure of the body naming
    no one is never lent (the ADR index's 0.82% was 華虹's, round 37 NOTES)."""
    return {m.entity_id for m in title.mentions if GROUP_CLOSE.match(title.text, m.end) is None}


def sentences(article: Article, index: EntityIndex) -> list[Sentence]:
    anchor = article.published.date() if article.published else None
    result: list[Sentence] = []
    last: dict[int, Sentence] = {}
    views = matching_views(article.segments)
    texts = [view.plain.text for view in views]
    currencies = currency_defaults(article, texts)
    market = dollar_market(article, texts)
    # the dateline the body opens with (after the title and summary) dates the whole report
    dateline = report_dateline(((view.folded, view.plain.text) for segment, view in zip(article.segments, views)
                                if not segment.is_title), anchor)
    title: Sentence | None = None
    in_title: frozenset[str] = frozenset()
    for segment, view, currency in zip(article.segments, views, currencies, strict=True):
        earlier = result[-1] if result and segment.paragraph - result[-1].segment.paragraph <= 1 else None
        sentence = Sentence(segment, last.get(segment.paragraph), anchor, index, title, view, currency, earlier,
                            in_title, report_dateline=dateline, market=market)
        if segment.is_title:
            title = title or sentence
            in_title = in_title | _title_named(sentence)
        last[segment.paragraph] = sentence
        result.append(sentence)
    for sentence in result:  # a title cut by ！ (筹资至少50亿美元！宁德时代计划……): each part knows the whole title's names
        if sentence.segment.is_title:
            sentence.title_names = in_title
    return result


@cache
def _words_pattern(values: Values) -> tuple[re.Pattern[str], dict[str, str]]:
    """A qualifier's words as one regex, longest first. A word with a Latin letter at an edge matches
    only there whole (`sees` is not in `oversees`, `estimate` not in `estimated`), Q4 still in 2024Q4,
    and in any case (`Guidance` opening a sentence); the map has each such word in lower case too."""
    value_of = {word: value for value, words in values for word in fold_words(words)}
    alternatives = sorted(value_of, key=lambda w: (-len(w), w))
    value_of |= {w.lower(): v for w, v in value_of.items() if w.isascii() and w.lower() not in value_of}
    return re.compile("|".join(_word(w) for w in alternatives)), value_of


# what Python's re.IGNORECASE also matches to an ASCII letter (ı and İ to i, ſ to s, the Kelvin sign to k)
_CASE_PARTNERS = {"i": "ıİ", "s": "ſ", "k": "\u212a"}


@cache
def _may_hold(values: Values) -> Callable[[str], bool]:
    """Whether a text holds one of a qualifier's words anywhere, edges and case aside: true wherever
    `_words_pattern` matches, so a text it says no to has no hit. One RE2 search, linear in the text,
    where `re` tries every word at every character (a qualifier has hundreds: 80% of the sentences
    asked hold none, and the alternation took 0.36 CPU s of a 300-rule bulk run, issue 14)."""
    import re2

    words = {word for _, listed in values for word in fold_words(listed)}
    if not words:
        return lambda text: True  # nothing to look for: `re` says so as it always did
    options = re2.Options()
    options.log_errors = False
    try:
        search = re2_search(re2.compile("|".join(sorted(_re2_word(word) for word in words)), options))
    except re2.error:  # too many words for one RE2 program: every text is searched with `re`
        return lambda text: True
    return lambda text: search(text.encode(), 0) is not None


def _re2_word(word: str) -> str:
    """`word` for RE2, matched as `_word` matches it less its edges: an ASCII word with a Latin letter
    in any case, each letter as the class of what re.IGNORECASE takes for it."""
    caseless = word.isascii() and _LATIN_LETTER.search(word) is not None
    parts = []
    for char in word:
        if caseless and char.isalpha():
            forms = char.lower() + char.upper() + _CASE_PARTNERS.get(char.lower(), "")
            parts.append("[" + "".join(f"\\x{{{ord(form):x}}}" for form in forms) + "]")
        else:
            parts.append(char if char.isalnum() else f"\\x{{{ord(char):x}}}")
    return "".join(parts)


def _word(word: str) -> str:
    regex = f"(?i:{re.escape(word)})" if word.isascii() and _LATIN_LETTER.search(word) else re.escape(word)
    if _LATIN_LETTER.match(word[0]):
        regex = r"(?<![A-Za-z])" + regex
    if _LATIN_LETTER.match(word[-1]):
        regex += r"(?![A-Za-z])"
    return regex


_LATIN_LETTER = re.compile(r"[A-Za-z]")


# 当日/当天 (that day): the day named last, in the sentence (normalize/dates.py) or, in one that names none before
# it, in the paragraph's earlier sentences
_THAT_DAY = re.compile(r"[当當](?:日|天)")
_THAT_DAY_REACH = 3  # the paragraph's sentences walked back, as far as for the scene a sentence sets (day_reading)
# a day that starts a span or a state (4月1日起, 自…以来) or is compared with (较2月12日) is no day an event took place on
_NOT_AN_EVENTS_DAY_AFTER = re.compile(r"\s*(?:起|以来|以來|开始|開始|之前|以前|之后|之後|以后|以後|前|后|後)")
_NOT_AN_EVENTS_DAY_BEFORE = re.compile(r"(?:较|較|比|自|从|從|由)\s*$")


def _that_day(s: Sentence, found: list[DateSpan]) -> list[DateSpan]:
    """`found` with 当日/当天 read as the day an earlier sentence of the paragraph named last, when its own sentence
    names no day before it (`最终，2月13日，OpenAI和百度几乎同时宣布免费调用。……，当日百度盘中股价涨幅一度接近12%`
    published on the 14th: the 13th, not the publish day), as 同日 is read (kinds/date.py); with no day named in
    the paragraph's last `_THAT_DAY_REACH` sentences it stays the publish day (a report's 当日 is its own day)."""
    read: list[DateSpan] = []
    for span in found:
        if (_THAT_DAY.match(span.value.raw) and not any(d.value.precision == "day" for d in read)
                and (named := _day_named_before(s)) is not None):
            span = DateSpan(span.start, span.end, replace(named, raw=span.value.raw,
                                                          time_of_day=span.value.time_of_day))
        read.append(span)
    return read


def _day_named_before(s: Sentence) -> DateValue | None:
    """The day the paragraph's sentences before `s` named last (up to `_THAT_DAY_REACH` back), none that starts a
    span or a state or is compared with."""
    earlier, back = s.previous, 0
    while earlier is not None and back < _THAT_DAY_REACH:
        days = [d for d in earlier.dates if d.value.precision == "day"
                and not _NOT_AN_EVENTS_DAY_AFTER.match(earlier.plain, d.end)
                and not _NOT_AN_EVENTS_DAY_BEFORE.search(earlier.plain[:d.start])]
        if days:
            return days[-1].value
        if earlier.dates:
            return None  # a sentence naming another time (a month, a span) is the one 当日 goes on from
        earlier, back = earlier.previous, back + 1
    return None


# words that report (发布, 披露, 表示 …): a date they follow in its clause dates the report, not what it tells
# (kinds/day_reading.py); between a month and 报告 they make the month the publication's (在2月份发布报告称)
REPORTING = re.compile(r"发布|發布|公布|宣布|宣佈|披露|公告|发表|發表|表示|[称稱]|指出|透露|报道|報道"
                       r"|[讯訊]|消息|举行|舉行|召开|召開|推出|上线|上線|签署|簽署")
# a report a month may name (2月石油市场报告, 2月供需报告, 2月份短期能源展望报告): a few words between at most,
# not opening with a word that makes the month a point (今年7月前提交一份报告: a deadline); 报告期 is a
# reporting period, not a report
_REPORT_AFTER = re.compile(r"\s*份?\s*的?\s*(?![前后後底初末中内內起])([A-Za-z\u4e00-\u9fff]{0,8}?)\s*"
                           r"(?:报告|報告|月报|月報)(?!期)")


def names_an_edition(text: str, span: DateSpan, anchor: date | None) -> bool:
    """Whether a month is the edition of a report, not a time of anything the sentence states: a month
    not over on the publish day, before 报告/月报 (`2月12日披露2月石油市场报告，预测……140万桶/日`
    published in February: the report of February, its figures are not February's, nor is its day
    2月). A month over (`1月非农就业报告显示`, read in February) is the month the report's figures
    cover, and stays."""
    report = _REPORT_AFTER.match(text, span.end) if anchor is not None and span.value.precision == "month" else None
    if report is None or anchor is None or REPORTING.search(report.group(1)):
        return False  # 在2月份发布报告称: the month the report came out, a date of its own
    return span.value.end >= anchor


def clause_bounds(text: str, opening: str = OPENING, closing: str = CLOSING) -> list[tuple[int, int]]:
    """Clause bounds; a comma inside brackets (（300750.SZ，下称“宁德时代”）) does not split, nor one
    that groups thousands (2,600亿美元; 46，500名, as `group_thousands` reads it: one figure)."""
    text = group_thousands(text)  # the same length: bounds stay those of the text
    if not any(char in text for char in opening):
        bounds, begin = [], 0
        for match in CLAUSE_BREAK.finditer(text):
            bounds.append((begin, match.start()))
            begin = match.end()
        bounds.append((begin, len(text)))
        return bounds
    bounds, begin, depth = [], 0, 0
    unclosed = _unclosed(text, opening, closing)
    for match in _marks(opening, closing).finditer(text):  # only brackets and breaks change anything
        char, index = match.group(), match.start()
        if char in opening:
            depth += index not in unclosed
        elif char in closing:
            depth = max(0, depth - 1)
        elif depth == 0 and CLAUSE_BREAK.match(text, index):
            bounds.append((begin, index))
            begin = index + 1
    bounds.append((begin, len(text)))
    return bounds


def _unclosed(text: str, opening: str, closing: str) -> set[int]:
    """The offsets of opening marks no later mark closes: a quotation the sentence opens and a later sentence
    closes (`“目前短期租赁的比较多，如果是长期使用还是推荐购买，找我们订购……价格是97000元，30到45天拿货。` is cut at its
    。): its commas still split clauses, as those of the quotation's last sentence do."""
    stack: list[tuple[int, str]] = []
    for index, char in enumerate(text):
        if char in opening:
            stack.append((index, char))
        elif char in closing:
            mate = opening[closing.index(char)] if len(opening) == len(closing) else ""
            at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][1] == mate or not mate), None)
            if at is not None:
                del stack[at]
    return {index for index, _ in stack}


@cache
def _marks(opening: str, closing: str) -> re.Pattern[str]:
    """One character of `opening`, of `closing` or a clause break."""
    return re.compile("[" + re.escape(opening + closing) + "]|" + CLAUSE_BREAK.pattern)

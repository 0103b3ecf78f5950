"""Who a value is about (`who`), and what rules ask of it (`subject_before`, `subject_near`, `title_subject` …).

A value is about the entity that is the grammatical subject of its clause or,
when its clause names none, of the sentence so far. Words that are not names
(metrics, periods, verbs such as 公布 or 表示) never interrupt that: only an
*entity-like* name does — a known entity, a stock code, a company-suffixed
name, a quoted or bracketed proper name.
Else an anaphor (该公司, 其) points back, an English subject goes on, the title names the
subject, or the paragraph's topic does (docs/rules.md, "Subjects").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from factcheck.kinds.english_subjects import name_before, opening, pointer_pattern, word_uses
from factcheck.kinds.lists_reading import names_listed, value_list
from factcheck.kinds.named_subject_reading import (
    CAPITAL_AFTER,
    FRAMES_NEXT,
    carried,
    en_builtin_tokens,
    named_subject,
    rest_of,
)
from factcheck.kinds.places import about_listed_places
from factcheck.kinds.qualifiers import LIST_JOINER, LIST_WORD_JOIN, metric_word_spans, said_of_each
from factcheck.kinds.roles_reading import (
    ANAPHORA,
    CLAUSE_OPENING,
    FILING_CITED,
    FILING_PUBLISHED,
    HAN_RUN,
    OBJECT_MARKERS,
    OTHER,
    PERIOD_ANAPHORA,
    SAYS_AT_END,
    SEVERAL,
    STOCK_CODE,
    english_source_spans,
    entity_like_between,
    is_a_cause,
    is_object,
    opens_with_a_name,
    speaks,
)
from factcheck.kinds.sentence import GROUP_CLOSE, Sentence, pattern, per_sentence
from factcheck.normalize.entities import Mention
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import RuleBase


def subject_before(rule: RuleBase, s: Sentence, offset: int) -> str | None:
    """The entity a value at `offset` is about, if it is one of the rule's subjects; None
    for someone else or no one (see `who`). A rule without subjects gets "" for every
    value except one about a name the entities do not hold (快手(01024), 某某集团)."""
    entity = who(s, offset)
    if (entity in rule.subjects and carried(s, offset)
            and _headed_by_a_stranger(s, str(getattr(rule, "cue", "")))):
        return None  # `Firefly Neuroscience shares were up 170% after … the Nvidia (NVDA) Connect program`
    if not rule.subjects:  # one story, one subject: all compared, but a value about an unknown name is someone else's
        return None if entity == OTHER else ""
    toward = _own_object(rule, s, offset, entity)
    if toward is not None:
        return toward
    return entity if entity in rule.subjects else None


# 对/向 right before a name: what the clause's action is done to (其对iShares安硕中国大盘股ETF增持约80万份); not
# 相对 (compared with), 反对, 绝对, 应对, 核对, 比对
_TOWARD = re.compile(r"(?<![相反绝絕应應核比])(?:对|對|向)\s*$")


def _own_object(rule: RuleBase, s: Sentence, offset: int, entity: str | None) -> str | None:
    """The rule subject a value's own clause acts on (`对X增持约80万份`: X's 80万份), when the one the
    value was read as about is no rule subject (the holder, `Appaloosa对iShares…ETF增持约80万份` in a rule
    about the ETFs) or is not named in that clause (`其对Kraneshares…ETF增持约81万份，对iShares…ETF增持约80万份`:
    the second clause's own object, not the first's). None when the clause names no rule subject after
    对/向 before the value, or when the one it was read as about is a rule subject that acts, in that clause
    or an earlier one (both sides are the rule's: who acts keeps it)."""
    begin, _ = s.clause_at(offset)
    inside = [m for m in s.mentions if begin <= m.start and m.end <= offset]
    objects = [m for m in inside if m.entity_id in rule.subjects and is_object(s, begin, m, _TOWARD)]
    if not objects or objects[-1].entity_id == entity:
        return None
    if entity in rule.subjects:
        said = [m for m in s.mentions if m.entity_id == entity and m.end <= offset]
        if not said or any(m.start >= begin for m in said) or not is_object(s, 0, said[-1], OBJECT_MARKERS):
            # a rule subject who acts keeps it, in its clause or carried (Appaloosa对英伟达的持仓……，对优步科技的
            # 持仓由140万股增至150万股: Appaloosa's, with both declared); only an earlier clause's object yields
            return None
    return objects[-1].entity_id


@per_sentence  # asked by every rule a value's cue belongs to: answered once (sentence.py)
def who(s: Sentence, offset: int) -> str | None:
    """The entity a value at `offset` is about, known or not to the rule; None when no one can be named.

    Nearest first: the entity named before the value in its clause (the one who
    acts, not the object after 向/持有/收购); else the one named earlier in the
    sentence when no entity-like name stands between ("比亚迪同日公布，截至去年底止
    季度经营利润325亿元" is about 比亚迪; "阿里巴巴涨4.8%，快手(01024)涨3.56%" is about
    someone else: OTHER); else an anaphor (该公司, 公司, 其, 期内) before the value names
    the subject of the last sentence that named one; else a name right after the value
    in its clause ("录得亏损的旗下二号基金"); else, in a sentence naming no one, the topic
    of the paragraph's last sentence that names one (see `continued_topic`).
    """
    if about_listed_places(s, offset):  # 印尼及越南分别拥有2667家、1304家
        return OTHER
    topic = _company_pointed(s, offset)
    if topic is not None:  # 对应公司投后估值为32.2亿元 after 澎立生物……增资股东包括……红杉恒辰: 澎立生物's
        return topic
    blocked, chosen = named_subject(s, offset)
    if blocked or (chosen is None and entity_like_between(s, 0, offset)):
        return OTHER
    pointer = ANAPHORA.search(s.text, 0, offset) if chosen is None else None
    if pointer is not None:  # 该公司/其/期内 point back; silence does not
        chosen = _pointed_to(s, pointer, offset)
        if chosen == OTHER:
            return None  # to a doer no entity names: no declared name's, listed as unattributed
    elif chosen is None and (english := pointer_pattern().search(s.text, 0, offset)) is not None:
        chosen = _english_referent(s, english.start())
        if chosen is not None and any(m.entity_id == chosen and speaks(s, m.start, m.end) for m in s.mentions):
            chosen = OTHER  # `The insurer posted a ratio of 131% …, Fitch said`: not Fitch, who reports it
        if chosen == OTHER:
            return None  # to a name no entity holds (`Lipella Pharmaceuticals said …. Shares soared 36%`)
    if chosen is None:
        chosen = _named_after(s, offset) or _main_clause_subject(s, offset)
    if chosen is None and not s.mentions:
        same = _same_noun(s, offset)
        if same is not None and _PARTY.search(same[0]):
            return OTHER  # 该投资者持股5% after OpenAI的投资者: the investor's, someone the rules do not name
        chosen = (_filing_publisher(s) or continued_topic(s) or _introduced_by(s) or _story_topic(s)
                  or _repeated_noun(s, offset))
    return chosen


def _english_referent(s: Sentence, at: int) -> str | None:
    """Whom an English pointer at `at` (`The company`, `Shares`, `Its`, `The Chinese startup`: english_subjects)
    points back to, as 该公司/其 do: the subject of the nearest earlier sentence that names one (`_english_subject`),
    passing over sentences whose subject is no name or a pointer too; OTHER when that subject is a name no entity
    holds (`Lipella Pharmaceuticals said …`), or when a capitalized word that may be a name stands before the
    pointer in its own sentence (`Rival Pepsi said its …`, Pepsi undeclared); with no one named since the title,
    the title's subject (`_english_walk`); else None."""
    if name_before(s.text, at, lambda word: _written_as_name(s, word), en_builtin_tokens()):
        return OTHER
    return _english_walk(s)


@per_sentence  # the same for every value of the sentence and rule
def _headed_by_a_stranger(s: Sentence, cue: str = "") -> bool:
    """Whether an English sentence's subject, what it opens with past its opening phrases, is a name no entity
    holds (`Firefly Neuroscience shares were up more than 170% after … the Nvidia (NVDA) Connect program`,
    `With 61% of S&P 500 companies …, S&P 500 aggregate 4Q profits grew by 12%`): the subject owns the figures of
    its verb, so a declared name in a later phrase or clause, an earlier sentence, a colon before or the title
    does not. Asked only when no declared name nor pointer stands before the value (they are nearer: `carried`),
    to keep a rule's subject off (a rule without `subjects` reads the story's figures as before: the stranger
    may be whom the story is about, `Shares of Temple & Webster rise as much as 9.5%`). A name is told as `_english_subject` tells it (`english_subjects.opening`); not
    a source (`According to`), nor words the rule's `cue` finds in it (`Underlying NPAT up 117.2%`, cue `NPAT up`:
    the line item, not a name)."""
    if HAN_RUN.search(s.text):
        return False
    first = opening(s.text, en_builtin_tokens())
    if first.pointer or first.name is None or any(m.start <= first.start < m.end for m in s.mentions):
        return False
    if cue and any(first.start <= found.start() < first.end and not s.text[found.start() - 1:found.start()].isalpha()
                   for found in pattern(cue).finditer(s.text)):
        return False  # the rule's own words, at a word's start
    if (any(begin <= first.start < end for begin, end in english_source_spans(s))
            or _EN_OFFICER.search(s.text, first.start, min(len(s.text), first.end + 16))):
        return False  # `CFO David Weigand confirmed …`, `Charles Liang, CEO, highlighted`: he speaks for his company
    if " " not in s.text[first.start:first.end] and any(begin == first.end + 1 for begin, _ in metric_word_spans(s.text)):
        return False  # `U.S. revenue grew 70%`: a place describing the line item, as `revenue in the U.S.`
    return first.surely_a_name or _written_as_name(s, first.name.split()[0])


# an officer's post in or right after an English sentence's subject (the English posts of zh.yaml `post_variants`:
# CEO, CFO …): a person who speaks for the company the story is about
_EN_OFFICER = compiled_on_use(r"(?<![A-Za-z])(?:" + "|".join(sorted(p for p in ZH.post_variants if p.isascii()))
                              + r")(?![A-Za-z])")


@per_sentence  # the same for every pointer of the sentence
def _english_walk(s: Sentence) -> str | None:
    """The subject of the nearest sentence before `s` that has one (`_english_subject`), back to the title; when
    none has, the title's subject, or its one entity when it opens with no name; OTHER when it is a name no entity
    holds (so not the title's either)."""
    sentence = s.earlier
    while sentence is not None and sentence is not s.title:
        subject = _english_subject(sentence)
        if subject is not None:
            return subject
        sentence = sentence.earlier
    if s.title is None or s.title is s:
        return None
    return _english_subject(s.title) or _title_actor(s.title)  # `Why Costco (COST) Is a Better Investment than Nvidia`


@per_sentence  # asked by every pointer and every sentence naming no one after it: answered once
def _english_subject(s: Sentence) -> str | None:
    """Whom an English sentence is about, for a pointer after it: the declared name it opens with, past an opening
    phrase (`In the same month, JNJ received …`, `Shares of Lyft …`); OTHER for a name no entity holds there (two
    capitalized words, capitals, a possessive after it, or a word the article writes as a name, `_written_as_name`:
    `Lipella Pharmaceuticals said`, `NXP remains`); None when it opens with a pointer, a common noun or a built-in
    word (`The company observed`, `That was`, `Revenue rose`) and names no one, so the pointer goes further back.
    Otherwise its first declared name that is no speaker (`For the current fiscal 2025, ending in December, CME
    Group is expected …`), unless a name no entity holds stands before it."""
    first = opening(s.text, en_builtin_tokens())
    named = [m for m in s.mentions if not speaks(s, m.start, m.end)]
    at_opening = next((m for m in named if m.start <= first.start < m.end or m.start == first.start), None)
    if at_opening is not None:
        return _doer(s, at_opening) or None
    if first.pointer:
        return None
    if first.name is not None and (first.surely_a_name or _written_as_name(s, first.name.split()[0])):
        return OTHER
    if named and not name_before(s.text, named[0].start, lambda word: _written_as_name(s, word), en_builtin_tokens(),
                                 objects=True):
        return _doer(s, named[0]) or None
    return OTHER if named else None


def _written_as_name(s: Sentence, word: str) -> bool:
    """Whether the article, as far as read up to `s` (its title too), writes `word` as a name: never in lower
    case, and capitalized mid-sentence or more than once (`Costco had …. Costco is even selling …`)."""
    mid = capitalized = 0
    sentence: Sentence | None = s
    texts = []
    while sentence is not None:
        texts.append(sentence.text)
        sentence = sentence.earlier
    if s.title is not None:
        texts.append(s.title.text)
    for text in dict.fromkeys(texts):  # a deck copying a body sentence is one use, not two
        within, anywhere, lower = word_uses(text, word)
        if lower:
            return False
        mid, capitalized = mid + within, capitalized + anywhere
    return mid > 0 or capitalized > 1


def _pointed_to(s: Sentence, pointer: re.Match[str], offset: int) -> str | None:
    """Whom an anaphor of `s` (该公司, 该机构, 其, 期内) points back to, for a value at `offset`."""
    return referent(s, actor=pointer.group(0) in _PERSONAL,
                    company=_COMPANY_ANAPHOR.fullmatch(pointer.group(0)) is not None or _owner_of_work(s, pointer, offset),
                    thing=_THING_POINTER.fullmatch(pointer.group(0)) is not None,
                    whole=pointer.group(0) in _WHOLE_COMPANY)


# bare 公司/集团 (no 该): the company the story is about, as a whole; never one of the parts a breakdown
# (其中，澳门美高梅收益录得33.41亿元) just listed
_WHOLE_COMPANY = ("公司", "集团", "集團")
_BREAKDOWN = re.compile(r"\s*(?:其中|當中|当中)")


# the note of a claim whose subject the title gave (see `title_subject`): a report says so
SUBJECT_FROM_TITLE = "subject from the title"


# a sentence citing data (窄门餐眼数据显示，……全国奶茶饮品门店总数约39.32万家) is about what was measured,
# as often a market as the story's company: its figures are never the title's by default. Any 显示, not
# only 数据显示: a company's own filing cites its market too (招股书显示，2023年，中国古法黄金珠宝的市场规模约为
# 1573亿元, under a title naming 老铺黄金), so 公告显示 before a figure naming no one leaves it unattributed.
# Matched in folded text (Simplified only)
_CITES_DATA = re.compile(r"显示|统计|调查")


# a market index (纳指, 恒指, 港股三大指数, 标普500, 大盘): a part of a title naming one is about the market, so its
# figures are never the company another part names (纳指大跌3%！宁德时代……, review #8). Not 港股 or 美股 alone,
# which name a company's listing as often (港股IPO募资50亿美元！宁德时代……)
_NAMES_AN_INDEX = re.compile(r"指数|指數|(?:纳|納|道|恒|沪|滬|深成|创业板|創業板|国|國|科)指|标普|標普|大盘|大盤|S&P")


def title_subject(rule: RuleBase, s: Sentence, offset: int) -> str | None:
    """Whom a value nobody is named for is about when the article is about one of the rule's
    subjects: the title names exactly one of them, the value's sentence (at `offset`) names no one
    else, says no 该公司/其 before it, and (a part of a title split by ！ or ？ naming no one: the title
    names no other entity either)
    either names that one itself (`一般来说，一次流片的费用可高达数千万美元，且除非OpenAI为加速生产支付额外
    费用……`, under a title naming OpenAI) or names no one, under a title naming no one else, in a
    paragraph naming no one else before it (a heading `三年半总营收超63亿元`). A generic figure or a subject left implicit because the
    story is about one company is then that company's; a claim made so carries
    `SUBJECT_FROM_TITLE` as its note, since it rests on the story, not on the sentence."""
    if (not rule.subjects or ANAPHORA.search(s.text, 0, offset) or _CITES_DATA.search(s.text)
            or (pointer_pattern().search(s.text, 0, offset) and _english_walk(s) == OTHER)
            or (not s.segment.is_title and _headed_by_a_stranger(s, str(getattr(rule, "cue", ""))))):
        return None  # 该公司/其/`Its` before the value point where they point; cited data is whoever it measured
    named = s.title_names & set(rule.subjects)
    if len(named) != 1:
        return None
    (entity,) = named
    if s.segment.is_title:  # 筹资至少50亿美元！宁德时代计划本周提交港股上市申请: the half naming no one is the other's
        return (entity if len(s.title_names) == 1 and not _names_another(s, entity) and not _NAMES_AN_INDEX.search(s.text)
                else None)
    if _names_another(s, entity):
        return None
    if any(not speaks(s, m.start, m.end) for m in s.mentions):  # the sentence names the title's subject itself,
        return entity  # later: the sentence says whose it is (not as who reports it: `…, according to Oppenheimer`)
    if s.mentions:
        return None
    if len(s.title_names) != 1:
        return None  # 可口可乐与百事四季度销量齐升: a sentence naming no one may be about the other
    sentence = s.previous
    while sentence is not None:  # a sentence naming no one: its paragraph before it names no one else,
        if _names_another(sentence, entity):
            return None
        sentence = sentence.previous
    sentence = s.earlier
    while sentence is not None and not sentence.segment.is_title:  # nor does the last sentence naming anyone
        if sentence.mentions or entity_like_between(sentence, 0, len(sentence.text)):
            return None if _names_another(sentence, entity) else entity
        sentence = sentence.earlier
    if sentence is not None:
        return entity  # every paragraph since the title was read, and none names anyone
    # nobody named before, as far as was read: a paragraph no rule reads may name anyone, so only
    # a heading (`三年半总营收超63亿元`), which sums up the story, is the title's
    return entity if is_a_heading(s) else None


# a heading is a line, not a paragraph left unpunctuated: the yardsticks' headings hold 11 to 18
# characters (三年半总营收超63亿元), none stands near 40 (benchmarks/thresholds.py)
HEADING_LENGTH = 40


SENTENCE_MARKS = re.compile(r"[，,。；;：:！？!?…]|\.$")


def is_a_heading(s: Sentence) -> bool:
    """Whether `s` is a paragraph of its own, one short line with no punctuation of a sentence:
    a heading inside the body (`三年半总营收超63亿元`), not a clause cut off (`据介绍，项目初始投资为1000亿美元，`)."""
    text = s.segment.text.strip(" *_#")
    return s.previous is None and len(text) <= HEADING_LENGTH and SENTENCE_MARKS.search(text) is None


def _names_another(s: Sentence, entity: str) -> bool:
    """Whether `s` names anyone but `entity` (a declared entity or an entity-like name)."""
    return any(m.entity_id != entity for m in s.mentions) or entity_like_between(s, 0, len(s.text))


def continued_topic(s: Sentence, listed: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Who a sentence that names no one goes on about: the topic of the nearest earlier
    sentence of its paragraph that names someone (Chinese drops a subject the sentence
    before set: 开云集团公布了2024年全年业绩。全年营收达171.94亿欧元 is 开云集团's).

    The topic is that sentence's first name, not a source or speaker, nor a cause right
    after 受/因/由于/随着 (受文心一言利好提振，百度集团股价今日强势攀升……。截至发稿，
    涨9.67% is 百度's) or inside 在……的带领下 (在现任董事长曹芳的带领下，正力新能……。营业收入……
    is 正力新能's); none when a name the entities do not hold comes first (a rule without
    subjects then still reads the value as the story's). Never across a paragraph: a new
    one may be about anyone. A sentence naming no one but pointing back (公司, 其) passes on
    whom it points to. The `listed` (a set rule's members) are what is listed, never the topic."""
    sentence = s.previous
    while sentence is not None:
        if sentence.mentions or entity_like_between(sentence, 0, len(sentence.text)):
            named = [m for m in sentence.mentions if not speaks(sentence, m.start, m.end) and not is_a_cause(sentence, m)
                     and m.entity_id not in listed]
            first = named[0] if named else None
            if first is None or rest_of(sentence, first) or entity_like_between(sentence, 0, first.start):
                return None
            if _joined_by_another(sentence, first) or GROUP_CLOSE.match(sentence.text, first.end):
                # 阿里、快手（1024）……。收報49.7元: two subjects, neither one alone; so is one named as an example
                # of a group (a digest's title `… 華虹半導體等業績`, then `港股ADR升178點或0.82%`: no one's, round 37)
                return SEVERAL
            pointer = _opening_pointer(sentence, first.start)
            if pointer is not None:  # 该机构的预测也大大低于欧佩克的预测: about whom 该机构 points to
                return _declared(_pointed_to(sentence, pointer, first.start))
            return first.entity_id
        if ANAPHORA.search(sentence.text):  # 公司……占比分别为47.5%……。其中直销网店……: whom 公司 points to
            return _declared(referent(sentence))
        if not HAN_RUN.search(sentence.text) and _english_subject(sentence) == OTHER:
            return None  # `Lipella Pharmaceuticals said ….`: an English subject no entity holds
        sentence = sentence.previous
    return None


# a list word right after a name (阿里、快手（1024）), the other name after it up to the next list word or clause mark
_NEXT_LISTED = re.compile(rf"\s*{LIST_JOINER}\s*[^、，,。；;：:]{{1,12}}")


def _joined_by_another(s: Sentence, first: Mention) -> bool:
    """Whether the topic's first name shares its sentence's subject with another named right after it: a
    declared name, or one the entities do not hold marked as a name (a stock code, a company word). In
    `阿里、快手（1024）成交股數逾5年最多。收報49.7元，升6.31%。` the price is no more 阿里's than 快手's: the two
    are one subject, which a sentence naming no one cannot go on about as one of them."""
    listed = _NEXT_LISTED.match(s.text, first.end)
    if listed is None:
        return False
    joined = LIST_WORD_JOIN.match(s.text, first.end)
    after = joined.end() if joined else first.end
    return (any(m.start == after and m.entity_id != first.entity_id for m in s.mentions)
            or entity_like_between(s, after, listed.end() + 8))


def _declared(entity: str | None) -> str | None:
    """A topic a pointer gave, None for a name no entity holds (OTHER), as for a topic named so."""
    return None if entity == OTHER else entity


def _opening_pointer(s: Sentence, first: int) -> re.Match[str] | None:
    """The anaphor a sentence opens with as its subject, before the first name at `first`
    (`该机构的预测也大大低于欧佩克的预测`): not 公司 inside a longer word (子公司, 上市公司), nor
    期内 (a period, no one), 其中 (among them: a part of what came before), or a source (据该机构称)."""
    begin, end = s.clauses[0]
    pointer = ANAPHORA.search(s.text, begin, min(end, first))
    if (pointer is None or PERIOD_ANAPHORA.fullmatch(pointer.group(0)) or s.text.startswith("其中", pointer.start())
            or _NOT_THE_COMPANY_BEFORE.search(s.text, 0, pointer.start()) or speaks(s, pointer.start(), pointer.end())):
        return None
    return pointer


@per_sentence  # asked by who() at each value of a sentence that names no one: the same answer
def _story_topic(s: Sentence) -> str | None:
    """Who a paragraph that names no one is about, when two things say so: the title names one
    entity, and the last earlier sentence naming anyone (of an earlier paragraph) names it first.
    `可口可乐预计2025年可比每股收益增长2％至3％。` then the next paragraph's `第四季度全球单位箱
    销量增长2%` in an article titled `量价齐升！可口可乐Q4净营收同比增6%……`; a heading such as
    `2024年预亏14.7亿元` after a paragraph about 荣昌生物, in an article about it alone.
    Either alone is a guess (a paragraph may turn to anyone), so neither is taken alone."""
    if len(s.title_names) != 1:
        return None
    sentence = s.earlier
    while sentence is not None and not sentence.segment.is_title:
        if sentence.mentions or entity_like_between(sentence, 0, len(sentence.text)):
            named = [m for m in sentence.mentions if not speaks(sentence, m.start, m.end)]
            if not named or entity_like_between(sentence, 0, named[0].start):
                return None
            return named[0].entity_id if named[0].entity_id in s.title_names else None
        sentence = sentence.earlier
    return None


def _filing_publisher(s: Sentence) -> str | None:
    """Who published the filing a sentence naming no one opens by citing (公告内容显示，……), when
    the sentence just before it, in its paragraph or the one before, says who published a filing
    (今年1月，宁德时代发布了其2024年度的业绩预告。): that one, its figures being its own statement, not
    data a third party cites. The publisher is the sentence's first name that is no object or speaker."""
    if FILING_CITED.match(s.text) is None:
        return None
    before = s.previous or s.earlier
    if before is None or FILING_PUBLISHED.search(before.text) is None:
        return None
    actors = [m for m in before.mentions if not is_object(before, 0, m, OBJECT_MARKERS)
              and not speaks(before, m.start, m.end)]
    return actors[0].entity_id if actors else None


_INTRODUCES = re.compile(r"[：:]\s*[*_]*\s*$")


def _introduced_by(s: Sentence) -> str | None:
    """Who a list introduced by a colon is about: 可口可乐公布第四季度财报，数据显示： then
    lines naming no one (四季度净营收同比增长6%至115亿美元) continue what it opened."""
    sentence, opened = s.earlier, False
    while sentence is not None and sentence is not s.title:
        opened = opened or _INTRODUCES.search(sentence.plain) is not None
        if sentence.mentions:
            return sentence.mentions[0].entity_id if opened else None
        sentence = sentence.earlier
    return None


def names_sharing(rule: RuleBase, s: Sentence, offset: int) -> tuple[str, ...]:
    """The rule's subjects among a list of names that shares the value at `offset` through 均/都/皆/各 (`said_of_each`):
    `成都银行、苏农银行和招商银行的拨备覆盖率均高于400%` is each bank's, not 招商银行's alone (a 分别
    list pairs names and values instead: `value_list`). The list is the run of names joined by
    、/和/及 nearest before the value in its clause, the last of them the one the value is about."""
    if not rule.subjects or not said_of_each(s, offset) or value_list(s, offset) is not None:
        return ()
    return names_listed(rule, s, offset, who(s, offset))


# a sentence opening with 除了……以外 (apart from …): what it sets aside is done by the main clause's subject
_APART_FROM = re.compile(r"\s*(?:除了|除)[^，,。；;：:]*(?:以外|之外|外)\s*[，,]")


def _main_clause_subject(s: Sentence, offset: int) -> str | None:
    """Whom a value in a clause that frames the next is about: the first name of the clause after it, not an
    object. An opening 除了……以外 (`除了要求赔偿共计10.58亿元以外，天合光能诉讼请求判令阿特斯销毁……` is
    天合光能's claim), or a clause of circumstance (`团队实验发现，仅300M参数量下，VideoWorld已取得可观的模型表现`)."""
    opening = _APART_FROM.match(s.text)
    if opening is not None and offset < opening.end():
        main = opening.end()
    else:
        _, clause_end = s.clause_at(offset)
        if clause_end >= len(s.text) or s.text[clause_end] not in "，," or not FRAMES_NEXT.search(s.text, offset, clause_end):
            return None  # the clause must end in a word of circumstance and a comma, a main clause after it
        main = clause_end + 1
    _, clause_end = s.clause_at(main)
    for m in s.mentions:
        if main <= m.start < clause_end and not speaks(s, m.start, m.end):
            return None if is_object(s, main, m, OBJECT_MARKERS) else m.entity_id
    return None


def _named_after(s: Sentence, offset: int) -> str | None:
    _, clause_end = s.clause_at(offset)
    after = [m for m in s.mentions if m.start >= offset and m.end <= clause_end]
    return after[0].entity_id if after else None


# 该 before a noun points back to the same thing said before (该投后估值: the valuation just named);
# 该 + two characters (该股, 该片) is an anaphor of its own (ANAPHORA), and a two-character head may be the
# start of another word (苹果机器学习), so the noun is three characters or more
_THE_SAME = re.compile(r"(?<![应應])[该該](?=[\u4e00-\u9fff]{3})")
_SHORTEST_HEAD = 3
# what a named thing is called when its name is left out: 项目 opening a clause (项目初始投资为……) stands for
# the name the article last wrote it after (“星际之门”项目); any other word opening a clause (机器人指数……)
# is no name's, nor is the noun made an adjective or a verb by 性, 型 or 化 (项目化; 交易性金融资产)
_KIND_NOUN = re.compile(r"(?:项目|項目)(?![\u4e00-\u9fff]{0,1}[们們]|[性型化])")
# between a name and the noun it heads: a closing quote or bracket, 的 (“星际之门”项目, OpenAI的投后估值)
_NAME_THEN_NOUN = compiled_on_use(r"\s*[”」』》\"'）)]?\s*的?\s*")


_LONGEST_HEAD = 8  # characters of a noun looked up after a name: longer runs are clauses, not nouns
# a noun ending in an agentive suffix names a party of the name it was written after (OpenAI的投资者, 股东,
# 客户, 合作方, 供应商), not the name: 该投资者持股5% is the investor's, whereas 该投后估值 is OpenAI's
_PARTY = compiled_on_use(r"(?:者|人|方|商|东|東|户|戶|员|員|家|手)$")


def _same_noun(s: Sentence, offset: int) -> tuple[str, str] | None:
    """(noun, entity) for 该 + a noun before the value in its clause that the article wrote right after a
    name: the longest such noun (of three characters or more) the text after 该 starts with, so the noun
    ends where the article's own use of it ends (`该投后估值更接近3000亿美元` after `OpenAI的投后估值将……`)."""
    begin, _ = s.clause_at(offset)
    for pointer in _THE_SAME.finditer(s.text, begin, offset):
        head = HAN_RUN.match(s.text, pointer.end(), offset)
        if head is None:
            continue
        for end in range(min(head.end(), pointer.end() + _LONGEST_HEAD), pointer.end() + _SHORTEST_HEAD - 1, -1):
            noun = s.text[pointer.end():end]
            named = _named_before_noun(s, noun)
            if named is not None:
                return noun, named
    return None


def _repeated_noun(s: Sentence, offset: int) -> str | None:
    """Whom a noun points back to when a sentence names no one: 该 + a noun (`该投后估值更接近3000亿美元`,
    `_same_noun`; a party such as 该投资者 is someone else), or 项目 opening the value's clause or one
    before it in the sentence (`据介绍，项目初始投资为1000亿美元，并计划在未来4年内扩展至5000亿美元`), that
    the article wrote earlier right after a name (`OpenAI的投后估值`, `“星际之门”项目主席`): the name the
    nearest such earlier use follows. Chinese repeats the head noun instead of the name; a noun the
    article never wrote right after a name points to no one."""
    same = _same_noun(s, offset)
    if same is not None:
        return OTHER if _PARTY.search(same[0]) else same[1]
    begin, _ = s.clause_at(offset)
    for clause_begin, clause_end in reversed(s.clauses):  # the value's clause first, then the ones before
        if clause_begin > begin:
            continue
        opening = clause_begin + len(s.text[clause_begin:clause_end]) - len(s.text[clause_begin:clause_end].lstrip(" *_"))
        kind = _KIND_NOUN.match(s.text, opening, offset)
        if kind is not None:
            return _named_before_noun(s, kind.group(0))
    return None


_NOUN_INDEX = ("nouns written after a name",)  # the key of a sentence's place in its chain's index


class _NounIndex:
    """For one chain of read sentences (Sentence.earlier): each noun written right after a name, with the
    sentence's place in the chain and the name, in reading order. Built once, as far as asked, so finding
    the name a noun was last written after is a lookup, not a walk back through every earlier sentence."""

    def __init__(self) -> None:
        self.owners: dict[str, list[tuple[int, str]]] = {}

    def add(self, place: int, s: Sentence) -> None:
        for m in s.mentions:  # in order: a later name is the nearer one for the same noun
            lead = _NAME_THEN_NOUN.match(s.text, m.end)
            run = HAN_RUN.match(s.text, lead.end()) if lead is not None else None
            if run is None:
                continue
            for length in range(2, min(len(run.group()), _LONGEST_HEAD) + 1):
                self.owners.setdefault(run.group()[:length], []).append((place, m.entity_id))


def _indexed(s: Sentence) -> tuple[_NounIndex, int]:
    """The index of the chain `s` is in, holding every sentence up to `s`, and the place of `s` in it."""
    if s.segment.is_title:
        return _NounIndex(), 0  # the title is no earlier use of anything
    walked: list[Sentence] = []
    sentence: Sentence | None = s
    while sentence is not None and _NOUN_INDEX not in sentence._remembered and not sentence.segment.is_title:
        walked.append(sentence)
        sentence = sentence.earlier
    if sentence is not None and _NOUN_INDEX in sentence._remembered:
        index, place = sentence._remembered[_NOUN_INDEX]  # type: ignore[misc]
    else:
        index, place = _NounIndex(), 0
    for step in reversed(walked):
        place += 1
        index.add(place, step)
        step._remembered[_NOUN_INDEX] = (index, place)
    return s._remembered[_NOUN_INDEX]  # type: ignore[return-value]


def _named_before_noun(s: Sentence, noun: str) -> str | None:
    """The entity written right before the nearest earlier use of `noun` in the article (read part)."""
    index, place = _indexed(s)
    uses = index.owners.get(noun, [])
    at = bisect_left(uses, (place, "")) - 1  # the last use in a sentence before `s`
    return uses[at][1] if at >= 0 else None


# 其 and 他/她 are whom the sentence before is about where it ends, as a pronoun is, not its first name
_PERSONAL = frozenset({"其", "他", "她"})  # one character each: 其他 (other) is no pointer (ANAPHORA)
# anaphors that point to a company: never to a film, show or book (a name written in 《》)
_COMPANY_ANAPHOR = re.compile(r"[该該此本]?(?:公司|集团|集團|企业|企業)")


# 该/此 + a noun for a kind of thing (该项目, 该模型, 该平台 …) points to a thing the article named, not to
# whoever the sentence before is about (消息面上，豆包发布视频生成实验模型“VideoWorld”。 then 目前，该项目代码
# 与模型已开源。 is VideoWorld's); a name is a thing where the article writes such a noun right before it
# (实验模型“VideoWorld”), right after it (“星际之门”项目, VideoWorld模型), or ends it (讯飞开放平台)
_THING_NOUN = r"(?:项目|項目|模型|产品|產品|平台|应用|應用|品牌|基金)"
_THING_POINTER = re.compile(r"[该該此本]" + _THING_NOUN)
_THING_BEFORE_NAME = compiled_on_use(_THING_NOUN + r"\s*[“「『\"《]?\s*$")
_THING_AFTER_NAME = compiled_on_use(r"\s*[”」』\"》]?\s*" + _THING_NOUN)
_THING_NAME = compiled_on_use(_THING_NOUN + r"$")


def _written_as_thing(s: Sentence, m: Mention) -> bool:
    """Whether `s` writes the name at `m` with a noun for a kind of thing next to it or ending it."""
    return bool(_THING_BEFORE_NAME.search(s.text, max(0, m.start - 6), m.start)
                or _THING_AFTER_NAME.match(s.text, m.end) or _THING_NAME.search(s.text, m.start, m.end))


@per_sentence  # the same for every value of the sentence
def _thing_named_before(s: Sentence) -> str | None:
    """The nearest name before `s` (back to the title) that the article writes as a thing (`_THING_NOUN`)."""
    chain = []
    sentence = s.earlier
    while sentence is not None and sentence is not s.title:
        chain.append(sentence)
        sentence = sentence.earlier
    if s.title is not None and s.title is not s:
        chain.append(s.title)
    things = {m.entity_id for sentence in chain for m in sentence.mentions if _written_as_thing(sentence, m)}
    for sentence in chain:
        named = [m for m in sentence.mentions if m.entity_id in things]
        if named:
            return named[-1].entity_id
    return None


def referent(s: Sentence, actor: bool = False, company: bool = False, thing: bool = False,
             whole: bool = False) -> str | None:
    """Whom 该公司/其/期内 point back to: the first name of the last earlier sentence of the
    article that names one (an anaphor opening a paragraph points into the one before); with
    none, the title's, when the title names only one entity or only one that is no object (`_title_actor`). 其 (`actor`) is whoever that
    sentence is about where it ends (荣昌生物半年报显示，何如意……减持……。其直接持有……4840股
    is 何如意's), which is its first name unless another actor took over. 该集团/公司
    (`company`) skip a work the article writes in 《》 (……其來自該片營業收入將超過20億元。
    另外，該集團市值…… is the studio's, not the film's). 该项目/该模型 (`thing`) point to the nearest name
    the article writes as a thing, when it writes any (`_thing_named_before`). Bare 集团/公司 (`whole`) pass
    over a sentence opening with 其中 (`……集团总收益录得79.20亿元。其中，澳门美高梅收益录得33.41亿元。` then
    `截至2024年12月31日止年度，集团总收益录得313.87亿元` is the group's): a breakdown names the parts."""
    if thing and (named_thing := _thing_named_before(s)) is not None:
        return named_thing
    sentence = s.earlier
    while sentence is not None and sentence is not s.title:
        if whole and _BREAKDOWN.match(sentence.text):
            sentence = sentence.earlier
            continue
        named = [m for m in sentence.mentions if not (company and _a_work(s, m.entity_id))]
        if named:
            last = who(sentence, len(sentence.text) - 1) if actor else None
            return last if last is not None and last != OTHER else _doer(sentence, named[0])
        if entity_like_between(sentence, 0, len(sentence.text)) and _doer(sentence, None) == OTHER:
            return OTHER  # 汉堡王母公司Restaurant Brands International Inc (NYSE:QSR)升3.4%。……公司第四季度营收: QSR's
        sentence = sentence.earlier
    if s.title is not None and s.title is not s:
        return _title_actor(s.title)
    return None


# a name + 母公司/子公司/旗下 + another name: the name after is the one meant, the first one says whose it is
_RELATIVE_AFTER = re.compile(r"\s*(?:[（(][^（()）]{1,12}[)）])?\s*的?\s*(?:母公司|母企|母集团|母集團|子公司|旗下的?"
                             r"|控股股东|控股股東)\s*")
_NAME_RUN = compiled_on_use(r"[^，,。；;：:、]{0,40}?")


def _named_relative(s: Sentence, m: Mention) -> str | None:
    """Who `美高梅中國(02282)母公司美高梅國際酒店集團` names: the name after 母公司/子公司/旗下 (its id, or
    OTHER for a name no entity holds: a company-suffixed name or one with a stock code), None without one."""
    relative = _RELATIVE_AFTER.match(s.text, m.end)
    if relative is None:
        return None
    at = relative.end()
    after = next((n for n in s.mentions if at <= n.start <= at + 1), None)
    if after is not None:
        return after.entity_id
    run = _NAME_RUN.match(s.text, at)
    stop = run.end() + 1 if run else at
    code = STOCK_CODE.search(s.text, at, min(len(s.text), at + 48))
    if any(at <= begin <= at + 4 for begin, _ in s.company_names) or (code is not None and code.start() <= stop
                                                                    and not _PUNCTUATION.search(s.text, at, code.start())):
        return OTHER
    return None


_PUNCTUATION = compiled_on_use(r"[，,。；;：:、]")


def _doer(s: Sentence, first: Mention | None) -> str:
    """Who an earlier sentence says acts, for a pointer after it: the name after 母公司/子公司/旗下 when its
    first name is followed by one (`美高梅中國母公司美高梅國際酒店集團公布，……` is the parent's), else its
    first name; in a sentence naming no declared entity, OTHER when its first clause is about a name no
    entity holds (`汉堡王母公司Restaurant Brands International Inc (NYSE:QSR)升3.4%`), else ""."""
    if first is not None:
        return _named_relative(s, first) or first.entity_id
    _, end = s.clauses[0]
    return OTHER if who(s, max(0, end - 1)) == OTHER else ""


def _title_actor(title: Sentence) -> str | None:
    """The one entity a title names, or, when it names several, the only one that is no object
    (`拟减少对英伟达依赖 OpenAI自研AI芯片拟2026年量产` is OpenAI's: 英伟达 is what it relies on)."""
    named = {m.entity_id for m in title.mentions}
    if len(named) > 1:
        named = {m.entity_id for m in title.mentions
                 if not is_object(title, 0, m, OBJECT_MARKERS) and not speaks(title, m.start, m.end)}
    return named.pop() if len(named) == 1 else None


# 公司 inside a longer word names another company than the one the sentence is about (子公司, 上市公司)
_NOT_THE_COMPANY_BEFORE = re.compile(r"[子母分总總市下属屬家]$")


# 该片, 该影片, 该剧 …: a work just named (a film, a show, a book)
_WORK_POINTER = re.compile(r"[该該此本](?:影片|片|剧|劇|剧集|劇集|作品|书|書)")


def _owner_of_work(s: Sentence, pointer: re.Match[str], offset: int) -> bool:
    """其 with 该片/该影片 after it in its clause points to the work's owner, not the work: two pointers
    of one clause point to two things (`其來自該影片營業收入約9.5億至10.1億元` is the studio's revenue)."""
    return pointer.group(0) == "其" and _WORK_POINTER.search(s.text, pointer.end(), offset) is not None


def _company_pointed(s: Sentence, offset: int) -> str | None:
    """Whom 公司/该公司/该集团 in the value's clause point to when that clause names no one: the company
    the sentence is about, its first name (not a source, a speaker, a cause, an object, or a work in
    《》), not the last one named before the clause. In `2022年3月，澎立生物进行了第八次增资，增资股东包括
    江西济麟、红杉恒辰……，对应公司投后估值为32.2亿元` the valuation is 澎立生物's, and in `光线传媒此前公告，
    截至2月4日，《哪吒2》累计票房收入约为48.4亿元，公司来源于该影片的营业收入……` the revenue is 光线传媒's.
    So is 其 before 该片 (`_owner_of_work`); in a sentence naming no one before it, it points back as 其
    does, past the work (`倘以票房100億元計，其來自該片營業收入將超過20億元`)."""
    begin, _ = s.clause_at(offset)
    works = [(w.start(), w.end()) for w in _WORK_POINTER.finditer(s.text, begin, offset)]
    named = [m for m in s.mentions if begin <= m.start < offset
             and not any(a <= m.start and m.end <= b for a, b in works)]  # 该片 itself, when an alias, names no one
    if begin == 0 or named or entity_like_between(s, begin, offset):
        return None  # 京东集团-SW跌2.95%: 集团 ends a name, it points nowhere
    pointer = None
    for found in ANAPHORA.finditer(s.text, begin, offset):
        if (_COMPANY_ANAPHOR.fullmatch(found.group(0)) and not _NOT_THE_COMPANY_BEFORE.search(s.text, 0, found.start())
                and not CAPITAL_AFTER.match(s.text, found.end())) or _owner_of_work(s, found, offset):
            pointer = found  # not 不超过公司总股本的3%: the issuer's capital, a holder's stake
            break
    if pointer is None:
        return None
    for m in s.mentions:
        if m.end > begin:
            break
        if (speaks(s, m.start, m.end) or is_a_cause(s, m) or is_object(s, 0, m, OBJECT_MARKERS)
                or s.text[m.start - 1:m.start] == "《"):
            continue
        return m.entity_id
    if pointer.group(0) == "其" and not any(m.end <= begin for m in s.mentions):
        return referent(s, actor=True, company=True)
    return None


def _a_work(s: Sentence, entity_id: str) -> bool:
    """Whether the article up to `s` writes `entity_id` in 《》 (a film, a show, a book)."""
    sentence: Sentence | None = s
    while sentence is not None:
        if any(m.entity_id == entity_id and sentence.text[m.start - 1:m.start] == "《" for m in sentence.mentions):
            return True
        sentence = sentence.earlier
    return False


def subject_near(rule: RuleBase, s: Sentence, offset: int, others_hold: bool = False,
                 event: bool = False) -> str | None:
    """The rule subject named nearest `offset` (before it first, passing over the object of an
    action when its actor is named before it) in the sentence; with none named, the one an
    anaphor before `offset` (该公司, 其) points back to. With `others_hold` (a state), None when
    the nearest holder named before is a declared name that is no rule subject (`held_by_another`);
    with `event` (a date's), None when another declared name acts in the cue's clause (`_another_acts`):
    a set's trigger clause names its members there (美銀、中金……為聯席保薦人), no other actor.

    After the cue, the object of an action whose actor is named before it is no one to take
    (阿特斯……于苏州市中级人民法院起诉了天合光能 says nothing of 天合光能's court), and a name
    right after 受/因/由于/随着 is a cause, not who the sentence is about (`财联社2月12日讯……受文心一言大模型利好提振，百度集团-SW股价今日强势攀升` is
    百度's dateline), unless every name after the cue is one."""
    if not rule.subjects:
        return ""
    listed = set(getattr(rule, "members", ()))  # a set rule's members are what it lists, never whose list it is
    named = [m for m in s.mentions if m.entity_id not in listed]
    if others_hold and held_by_another(rule, s, offset, named):
        return None
    ours = [m for m in named if m.entity_id in rule.subjects]
    before = [m for m in ours if m.end <= offset]
    actors = [m for m in before if not is_object(s, 0, m, OBJECT_MARKERS)]
    chosen = actors[-1] if actors else before[-1] if before else None
    if chosen is not None:  # 天合光能……其一纸诉状将阿特斯……告上江苏省高级人民法院: the court is 天合光能's suit's
        return None if event and _another_acts(rule, s, offset, named, chosen) else chosen.entity_id
    if ours:
        actors = [m for m in ours if not is_a_cause(s, m)]
        first = (actors or ours)[0]
        if is_object(s, 0, first, OBJECT_MARKERS) and any(
                m.end <= offset and not speaks(s, m.start, m.end) for m in s.mentions):
            return None  # 阿特斯……于苏州市中级人民法院起诉了天合光能: the court is 阿特斯's, not 天合光能's
        return None if event and _another_acts(rule, s, offset, named, first) else first.entity_id
    holder = _holder_when_unnamed(s, offset, listed)
    return holder.entity if holder.entity in rule.subjects else None


def _another_acts(rule: RuleBase, s: Sentence, offset: int, named: list[Mention], taken: Mention) -> bool:
    """Whether the clause of the word at `offset` names before it a declared entity that is no rule
    subject and acts there (no object, cause or speaker), while the rule subject `taken` is named in
    another clause, before it or after: the event is that one's. `埃利奥特在去年年底呼吁霍尼韦尔拆分时，
    曾指出通用电气自2024年完成三方拆分` dates GE's split, not Honeywell's; `有消息称宁德时代将于2月末或3月初向港交所
    提交上市申请后，正力新能的压力或许更大了` CATL's filing, not that of 正力新能 in the next clause (round 37 NOTES).
    A rule subject named in the word's own clause keeps it (`霍尼韦尔与通用电气……完成`: both act;
    `全尺寸DeepSeek模型上线火山引擎`: where it went live), and so does one whose clause says what follows
    (`讯飞开放平台近日宣布，……DeepSeek全系大模型现已正式上线`: its own platform's launch)."""
    begin, end = s.clause_at(offset)
    if begin <= taken.start < end:
        return False
    own, own_end = s.clause_at(taken.start)
    if taken.start < begin and SAYS_AT_END.search(s.text, own, own_end):
        return False  # 讯飞开放平台近日宣布，……DeepSeek全系大模型现已正式上线: the one who tells of it, its own event
    return any(m.entity_id not in rule.subjects and begin <= m.start and m.end <= offset
               and not is_object(s, begin, m, OBJECT_MARKERS) and not is_a_cause(s, m) and not speaks(s, m.start, m.end)
               and not _BESIDE_THE_DOER.search(s.text, max(begin, m.start - 3), m.start)
               for m in named)


# a name the doer leaves, joins or acts with (从福耀玻璃离职, 加入福耀玻璃, 与蔚来汽车合资成立): no doer of the event itself
_BESIDE_THE_DOER = re.compile(r"(?:从|從|自|离开|離開|加入|与|與|和|同|跟)\s*$")


# a name right before a state word, or before it and 的, may be whose the state is of (广发证券第二大股东辽宁成大)
# as well as who holds it: it says nothing either way
_ADJACENT = compiled_on_use(r"\s*的?\s*")
# a copula between the state word and a name after it: the name is whose the state is (第二大股东为辽宁成大,
# 控股股东为丹东市国资委的下属企业东宝电器)
_COPULA_BEFORE = compiled_on_use(r"[^，,。；;]{0,8}?(?:为|為|是|系)[^，,。；;]{0,16}$")


def held_by_another(rule: RuleBase, s: Sentence, offset: int, named: list[Mention]) -> bool:
    """Whether the state word at `offset` is held by a declared name that is no rule subject: the
    nearest clause up to the word's own that opens with a name opens with such a name, and no rule
    subject is named between it and the word (`且韶关高腾拥有的公司股份占总股本比例为15.30%，为公司第一大股东`
    is 韶关高腾's rank, not that of 辽宁成大 named in an earlier clause; `苹果与阿里巴巴合作` is 阿里巴巴's too).
    A name right before the word (`广发证券第二大股东辽宁成大`) may be whose the state is of: it blocks nothing."""
    begin, end = s.clause_at(offset)
    if any(m.entity_id in rule.subjects and offset < m.start <= end and _COPULA_BEFORE.match(s.text, offset, m.start)
           for m in named):
        return False  # 广发证券目前的第二大股东是辽宁成大: the subject after 是/为 is whose the state is
    for start, _ in reversed([c for c in s.clauses if c[0] <= begin]):
        if opens_with_a_name(s, start):
            opening = CLAUSE_OPENING.match(s.text, start)
            at = opening.end() if opening else start
            opener = next((m for m in named if m.start == at), None)
            return (opener is not None and opener.entity_id not in rule.subjects
                    and not speaks(s, opener.start, opener.end) and not _ADJACENT.fullmatch(s.text, opener.end, offset)
                    and not any(m.entity_id in rule.subjects and opener.end <= m.start < offset for m in named))
    return False


@dataclass(frozen=True)
class _Holder:
    """Who holds a word at an offset of a sentence that names none of a rule's subjects, as
    `_holder_when_unnamed` finds: `how` it was found, the `entity` it points to (None for someone
    named, or a name-like word, before the word: theirs, not a rule subject's) and whether names
    stand only after it (`named_after`: what the state or list is about, not who holds it)."""

    how: Literal["named", "pointer", "unnamed", "topic"]
    entity: str | None = None
    named_after: bool = False


def _holder_when_unnamed(s: Sentence, offset: int, listed: frozenset[str] | set[str] = frozenset()) -> _Holder:
    """The one walk for who holds a state or list word at `offset` when no rule subject is named
    near it: someone named before it (not a `listed` set member: they are what it lists), else an
    anaphor before it (该公司, 其: whom it points back to), else a name-like word the entities do
    not hold, else the paragraph's topic going on (去年，喜茶曾……发布……内部信。当时首条就表示要……).
    `subject_near` takes its entity when it is a rule subject; `nobody_before` says from it whether
    the word is a silent miss. One walk, so what counts as a holder cannot drift between them."""
    named = [m for m in s.mentions if m.entity_id not in listed]
    if any(m.end <= offset for m in named):
        return _Holder("named")
    if (pointer := ANAPHORA.search(s.text, 0, offset)) is not None:  # 至於集團具體舉措包括「暫時停止接受…」: 集團's
        return _Holder("pointer", referent(s, thing=_THING_POINTER.fullmatch(pointer.group(0)) is not None))
    if entity_like_between(s, 0, offset):
        return _Holder("unnamed")
    # names after the word only (不仅提供了推理API的限时免费开放，还首发了DeepSeek大模型的精调服务)
    return _Holder("topic", continued_topic(s, listed), named_after=bool(named))


def pointed_back(s: Sentence, offset: int) -> bool:
    """Whether an anaphor before `offset` (该公司, 其) points to someone no earlier sentence names."""
    return who(s, offset) is None and ANAPHORA.search(s.text, 0, offset) is not None


def nobody_before(s: Sentence, offset: int, listed: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a state or list word at `offset` names no one before it in its sentence, and no one is
    carried from the paragraph (a sentence naming no one takes its topic): a status or set rule's
    word there that yields no claim is a silent miss (首发…精调服务 after 不仅…还), listed as
    `unattributed`; one after someone else's name, or after an anaphor (但是他们称: `pointed_back`
    says when to no one), is that one's, not a miss. Read from `_holder_when_unnamed`, the walk
    `subject_near` takes, so a set rule's members (`listed`) name no one here either."""
    holder = _holder_when_unnamed(s, offset, listed)
    return holder.how == "topic" and (holder.named_after or holder.entity is None)

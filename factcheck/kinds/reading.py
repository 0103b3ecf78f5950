"""What a claim is about and under which context: the reading every kind shares.

Where things are looked for, nearest first:
- the subject: who the value's clause or sentence is about, else whom its
  该公司/其 points back to, else the paragraph's topic (see `who`; docs/rules.md, "Subjects");
- a context qualifier (market, session …): the value's clause, then the
  sentence before the value, then the earlier sentences of the paragraph;
- the day: a date in the value's clause, else the first date of an earlier
  clause that does not date a report (周一發布……，股價倒跌0.7% is no move of 周一),
  else (when the rule allows) the publish date in the market's time zone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, is_dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from itertools import pairwise
from typing import Literal
from zoneinfo import ZoneInfo

from factcheck.kinds.amounts import amounts, change_lead
from factcheck.kinds.company_names import COMPANY_NAME
from factcheck.kinds.english_subjects import NOT_NAMES, name_before, opening, pointer_pattern, sources, word_uses
from factcheck.kinds.left_out import NOBODY, SUBJECTS, UNKNOWN_NAME, left_out, say
from factcheck.kinds.matching import fold_words
from factcheck.kinds.places import about_listed_places, place_before
from factcheck.kinds.qualifiers import (
    COUNTED_FROM_CONTEXT,
    LIST_JOINER,
    LIST_WORD_JOIN,
    NAME_JOINER,
    RELATIVE_QUARTERS,
    RELATIVE_YEARS,
    RESPECTIVELY,
    builtin_words,
    counted_span,
    counted_years,
    event_date,
    in_comparison,
    metric_word_spans,
    relative_quarter,
    relative_year,
    said_of_each,
    year_counted_from,
)
from factcheck.kinds.sentence import REPORTING, Hit, Sentence, Values, pattern, per_sentence
from factcheck.kinds.session import (
    AS_OF_NOW,
    AS_OF_WRITING,
    EXTREMES,
    as_of_publish,
    as_of_writing,
    close_word_too_early,
    is_close_word,
    press_snapshot,
    press_time,
    time_before,
    with_time_of_day,
)
from factcheck.normalize.dates import COMING, DateSpan, clock_hour, find_dates
from factcheck.normalize.entities import Mention
from factcheck.normalize.numbers import APPROX_BEFORE
from factcheck.normalize.quantities import CHANGE_LEAD_EN, CHANGE_NOUN_AFTER_EN, CHANGE_NOUN_BEFORE_EN
from factcheck.normalize.variants import fold
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import UNATTRIBUTED, Article, Claim, ContextValue, Diagnostic, RuleBase
from factcheck.values import DateValue, Value

# ----------------------------------------------------------------- subject
#
# A value is about the entity that is the grammatical subject of its clause or,
# when its clause names none, of the sentence so far. Words that are not names
# (metrics, periods, verbs such as 公布 or 表示) never interrupt that: only an
# *entity-like* name does — a known entity, a stock code, a company-suffixed
# name, a quoted or bracketed proper name.

# a stock code not glued to a known name: 快手(01024), (NASDAQ: KO), 002594.SZ; letters alone
# in brackets are a code only after an exchange (（CPI）, (GDP), (AI) are acronyms, not tickers) or before
# a US listing's suffix (小牛电动(NIU.US), 阿里巴巴(BABA.N), 特斯拉(TSLA.O): the Chinese press's form)
_STOCK_CODE = re.compile(r"[（(]\s*(?:(?:[A-Za-z]+\s*[:：]\s*)?\d{4,6}|[A-Za-z]+\s*[:：]\s*[A-Z]{1,5}"
                         r"|[A-Z]{1,5}(?=\.(?:US|N|O|OQ)\s*[)）]))"
                         r"(?:\.[A-Z]{1,2})?\s*[)）]"
                         r"|\b\d{6}\.(?:SZ|SH|SS)\b|\b\d{4,5}\.HK\b")
# a title in 《》 (a film, a show: 《哪吒之魔童闹海》), not a document's (《发行通知》, 《证券法》);
# quotation marks are left out: news quotes phrases (“20cm涨停”) far more often than names
_QUOTED_NAME = re.compile(r"《(?![^》]*(?:通知|公告|报告|報告|招股书|招股書|文件|条例|條例|办法|辦法|意见|意見"
                          r"|规定|規定|协议|協議|白皮书|白皮書|纪要|紀要|法)》)[^》]{1,20}》")
# words that point back to an entity named earlier: the subject of the last sentence that named one
ANAPHORA = re.compile(r"[该該此本](?:公司|集团|集團|基金|企业|企業|机构|機構|品牌|平台|银行|銀行|行|股|片|影片|剧|劇"
                      r"|产品|產品|模型|应用|應用|项目|項目)|公司|集团|集團|期内|期內|(?<![尤极極])其(?![他它余餘实實次])"
                      # 他/她 for one person named before (但是他称，美国军队不会……), not 其他, 他们, 他人, 他国, 吉他
                      # nor 他处/他法 (另寻他处, 别无他法: elsewhere, another way), the two most common misses in
                      # bulk (tests/fixtures/pointer_words.yaml); 他日 stays, as bulk writes it as 他 + 日常/日后
                      r"|(?<![其吉利排])[他她](?![们們人国國乡鄉方者]|[处處](?![理置罚罰])|法(?![国國院官律]))"
                      # 股份 opening a clause, as IPO reports write the company's shares: 股份于香港公开发售阶段接获…
                      r"|(?<![\u4e00-\u9fffA-Za-z0-9])股份(?![有公制合])")
# words after which the next name is the object of an action or a role, not who acts:
# 软银向OpenAI投资, 王长田持有光线传媒, A收购B, 王长田作为光线传媒董事长. A value in the
# same clause is about the actor; a later clause goes on about the object (投前估值 after
# 对OpenAI的投资 is OpenAI's), except after a role word: a role never becomes the subject.
# 在 before a name sets where something happens (何如意在荣昌生物领取了超2600万元的高薪), not in 现在, 正在, 所在 …
# nor in 潜在, 旨在 (potential, aims to), the two most common misses in bulk (tests/fixtures/pointer_words.yaml)
# The other party of a deal or a lawsuit is an object too: 同/跟 X 达成协议 (with X), A诉B, 起诉了B,
# 控告B, 判令(被告)B, 将/把 B 告上法院 (将 before a name marks what is acted on); and 基于 B 侵权
# names a cause: 天合光能基于阿特斯侵权……要求赔偿10.58亿元 is 天合光能's claim.
_COUNTERPARTY = (r"同|跟|(?<![上下])[诉訴]了?|起[诉訴]了?|控告|状告|狀告|判令|(?<![即必])[将將]|把")
OBJECT_MARKERS = re.compile(r"(?:向|對|对|作为|作為|担任|擔任|持有|持股|所持|收购|收購|入股|增持|减持|減持|处置|處置|出售|转让|轉讓|出让|出讓|抛售|拋售|注资|注資|投资|投資|领投|領投|举牌|舉牌"
                            r"|帮助|幫助|协助|協助|基于|基於|" + _COUNTERPARTY +
                            r"|(?<![现現正存所实實内內自好潜潛旨])在)\s*$")

ROLE_MARKERS = compiled_on_use(r"(?:作为|作為|担任|擔任)\s*$")
# a later clause goes on about the last name, even an object (对OpenAI的投资，投前估值为……), but never
# about a role, nor about the other party of a deal or lawsuit: A起诉了B……并索赔1亿元 is A's claim
# nor about the company one placards (举牌辽宁成大，持股比例超过5%: the stake is the placarder's)
# nor about where something happened (G1人形机器人在京东的售价为99000元，预计45天可交货: the delivery is G1's)
NOT_CARRIED = re.compile(r"(?:作为|作為|担任|擔任|基于|基於|举牌|舉牌|" + _COUNTERPARTY
                         + r"|(?<![现現正存所实實内內自好潜潛旨])在)\s*$")
# 与/和 X + a verb of agreeing: X is the other party (恩智浦与Kinara达成协议), not a list of actors
# (a description may stand between: 同边缘 NPU 企业 Kinara 达成最终协议)
_COMITATIVE = re.compile(r"(?:与|與|和|同|跟)[^，,。；;：:、与與和同跟]{0,10}$")
_AGREES_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:达成|達成|签署|簽署|签订|簽訂|签约|簽約|订立|訂立|谈判|談判)")
# 与 X + a verb of joining (合资, 合作, 联手, 组建 …) after a word that is no name (将与, 拟与, 据传将与): 与 is then
# "with", X the partner (英特尔据传将与台积电合资 股价已暴涨26% is Intel's); right after a name (英特尔和台积电成立
# 合资企业) 与/和 lists two who act together
_JOINS_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:合资|合資|合作|联手|聯手|携手|攜手|结盟|結盟|组建|組建|成立|共建|合并|合併)")
# 为 + name + a verb of giving: the name is who benefits, not who gives (Santa Monica品牌分别为颖通控股
# 带来收入100万元 is the brand's); 为 alone is mostly a copula (第一大股东为腾讯, 持股20%: 腾讯's)
_FOR_BEFORE = re.compile(r"[为為]\s*$")
_GIVES_AFTER = compiled_on_use(r"(?:的[\u4e00-\u9fff]{1,6}?)?\s*(?:带来|帶來|贡献|貢獻|创造|創造|提供|赚取|賺取|输送|輸送)")


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
    return entity if entity in rule.subjects else None


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
    blocked, chosen = _named_subject(s, offset)
    if blocked or (chosen is None and _entity_like_between(s, 0, offset)):
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


@per_sentence
def carried(s: Sentence, offset: int) -> bool:
    """Whether `who` names the value at `offset` for no name nor pointer before it in its sentence: a name after
    it, or a subject carried from an earlier sentence, a colon or the filing before (`_headed_by_a_stranger` may
    then say the sentence's own subject is someone else)."""
    return (_named_subject(s, offset) == (False, None) and ANAPHORA.search(s.text, 0, offset) is None
            and pointer_pattern().search(s.text, 0, offset) is None)


def _english_referent(s: Sentence, at: int) -> str | None:
    """Whom an English pointer at `at` (`The company`, `Shares`, `Its`, `The Chinese startup`: english_subjects)
    points back to, as 该公司/其 do: the subject of the nearest earlier sentence that names one (`_english_subject`),
    passing over sentences whose subject is no name or a pointer too; OTHER when that subject is a name no entity
    holds (`Lipella Pharmaceuticals said …`), or when a capitalized word that may be a name stands before the
    pointer in its own sentence (`Rival Pepsi said its …`, Pepsi undeclared); with no one named since the title,
    the title's subject (`_english_walk`); else None."""
    if name_before(s.text, at, lambda word: _written_as_name(s, word), _en_builtin_tokens()):
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
    if _HAN.search(s.text):
        return False
    first = opening(s.text, _en_builtin_tokens())
    if first.pointer or first.name is None or any(m.start <= first.start < m.end for m in s.mentions):
        return False
    if cue and any(first.start <= found.start() < first.end and not s.text[found.start() - 1:found.start()].isalpha()
                   for found in pattern(cue).finditer(s.text)):
        return False  # the rule's own words, at a word's start
    if (any(begin <= first.start < end for begin, end in _english_sources(s))
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
    first = opening(s.text, _en_builtin_tokens())
    named = [m for m in s.mentions if not speaks(s, m.start, m.end)]
    at_opening = next((m for m in named if m.start <= first.start < m.end or m.start == first.start), None)
    if at_opening is not None:
        return _doer(s, at_opening) or None
    if first.pointer:
        return None
    if first.name is not None and (first.surely_a_name or _written_as_name(s, first.name.split()[0])):
        return OTHER
    if named and not name_before(s.text, named[0].start, lambda word: _written_as_name(s, word), _en_builtin_tokens(),
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


def joined(*notes: str) -> str:
    """A claim's notes in one line (where its unit came from; its subject from the title)."""
    return "; ".join(n for n in notes if n)


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
        if sentence.mentions or _entity_like_between(sentence, 0, len(sentence.text)):
            return None if _names_another(sentence, entity) else entity
        sentence = sentence.earlier
    if sentence is not None:
        return entity  # every paragraph since the title was read, and none names anyone
    # nobody named before, as far as was read: a paragraph no rule reads may name anyone, so only
    # a heading (`三年半总营收超63亿元`), which sums up the story, is the title's
    return entity if _a_heading(s) else None


# a heading is a line, not a paragraph left unpunctuated: the yardsticks' headings hold 11 to 18
# characters (三年半总营收超63亿元), none stands near 40 (benchmarks/thresholds.py)
_HEADING_LENGTH = 40


_SENTENCE_MARKS = re.compile(r"[，,。；;：:！？!?…]|\.$")


def _a_heading(s: Sentence) -> bool:
    """Whether `s` is a paragraph of its own, one short line with no punctuation of a sentence:
    a heading inside the body (`三年半总营收超63亿元`), not a clause cut off (`据介绍，项目初始投资为1000亿美元，`)."""
    text = s.segment.text.strip(" *_#")
    return s.previous is None and len(text) <= _HEADING_LENGTH and _SENTENCE_MARKS.search(text) is None


def _names_another(s: Sentence, entity: str) -> bool:
    """Whether `s` names anyone but `entity` (a declared entity or an entity-like name)."""
    return any(m.entity_id != entity for m in s.mentions) or _entity_like_between(s, 0, len(s.text))


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
        if sentence.mentions or _entity_like_between(sentence, 0, len(sentence.text)):
            named = [m for m in sentence.mentions if not speaks(sentence, m.start, m.end) and not _a_cause(sentence, m)
                     and m.entity_id not in listed]
            first = named[0] if named else None
            if first is None or rest_of(sentence, first) or _entity_like_between(sentence, 0, first.start):
                return None
            if _joined_by_another(sentence, first):
                return SEVERAL  # 阿里、快手（1024）……。收報49.7元: two subjects, neither one alone
            pointer = _opening_pointer(sentence, first.start)
            if pointer is not None:  # 该机构的预测也大大低于欧佩克的预测: about whom 该机构 points to
                return _declared(_pointed_to(sentence, pointer, first.start))
            return first.entity_id
        if ANAPHORA.search(sentence.text):  # 公司……占比分别为47.5%……。其中直销网店……: whom 公司 points to
            return _declared(referent(sentence))
        if not _HAN.search(sentence.text) and _english_subject(sentence) == OTHER:
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
            or _entity_like_between(s, after, listed.end() + 8))


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
        if sentence.mentions or _entity_like_between(sentence, 0, len(sentence.text)):
            named = [m for m in sentence.mentions if not speaks(sentence, m.start, m.end)]
            if not named or _entity_like_between(sentence, 0, named[0].start):
                return None
            return named[0].entity_id if named[0].entity_id in s.title_names else None
        sentence = sentence.earlier
    return None


# a company publishing a filing (宁德时代发布了其2024年度的业绩预告) and a sentence citing that filing
# (公告内容显示，预计2024年全年完成营收……): the filing's figures are the publisher's own statement
_FILING = r"(?:公告|业绩预告|業績預告|预告|預告|快报|快報|财报|財報|年报|年報|季报|季報|招股书|招股書|业绩报告|業績報告)"
FILING_PUBLISHED = re.compile(r"(?:发布|發布|披露|公布|公佈|发出|發出|递交|遞交)[^。！？!?；;]{0,24}?" + _FILING)
FILING_CITED = re.compile(r"\s*(?:[该該此这這]份?)?" + _FILING + r"(?:内容|內容)?(?:显示|顯示|指出|称|稱)")


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
    actors = [m for m in before.mentions if not _is_object(before, 0, m, OBJECT_MARKERS)
              and not speaks(before, m.start, m.end)]
    return actors[0].entity_id if actors else None


# a name right after one of these is a cause, not who the sentence is about (受文心一言利好提振)
_CAUSE_BEFORE = re.compile(r"(?:受到|受|因为|因為|因|由于|由於|随着|隨著|得益于|得益於|受益于|受益於)\s*$")


# a name inside 在……的带领下/领导下/推动下/帮助下 is a circumstance, not who the sentence is about:
# 在现任董事长曹芳的带领下，正力新能过去几年的发展势头十分可观 is 正力新能's
_UNDER_BEFORE = re.compile(r"在[^，。；！？,;!?在]{0,12}$")
# (matched on the folded text: Simplified spellings cover Traditional ones)
_UNDER_AFTER = re.compile(r"[^，。；！？,;!?下]{0,8}?(?:的|之)?(?:带领|领导|推动|帮助|支持|引领|指导|主导|带动|努力|率领)(?:之)?下")


def _a_cause(s: Sentence, mention: Mention) -> bool:
    """Whether `mention` is a cause (受文心一言利好提振) or a circumstance (在曹芳的带领下), not an actor."""
    begin, end = s.clause_at(mention.start)
    if _CAUSE_BEFORE.search(s.text, max(begin, mention.start - 3), mention.start) is not None:
        return True
    return (_UNDER_BEFORE.search(s.text, begin, mention.start) is not None
            and _UNDER_AFTER.match(s.text, mention.end, end) is not None)


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


OTHER = "\x00other"  # a name the entity list does not hold: someone, but not a rule subject
# several names one value is about together (阿里、快手……。收報49.7元, 谷歌、微软等科技巨头……投资数十亿美元): no
# one rule subject, yet the story's for a rule without subjects
SEVERAL = "\x00several"


_SEPARATOR = re.compile(rf"\s*{NAME_JOINER}\s*")


# a bracket right after a value annotates it: 10.2%（2022年）、11.8%（2023年）
_ANNOTATION = re.compile(r"\s*[（(][^（()）]{1,20}[)）]")
_LIST_LINK = re.compile(rf"(?:{_ANNOTATION.pattern})?{_SEPARATOR.pattern}")
# a name of a list may carry its parties with it: 吉林敖东及其一致行动人、辽宁成大及其一致行动人 is a
# list of two names (each with its concert parties), as 吉林敖东、辽宁成大 is
_WITH_ITS = r"\s*(?:及其|與其|与其|和其|连同其|連同其)[\u4e00-\u9fff]{1,8}?"  # a regex's text: only ever part of _NAMES_LINK
_NAMES_LINK = re.compile(rf"(?:{_ANNOTATION.pattern}|{_WITH_ITS})?{_SEPARATOR.pattern}")


@per_sentence  # asked for every qualifier of every value: a count rule's amounts are read once
def value_list(s: Sentence, offset: int, units: tuple[str, ...] = ()) -> tuple[int, int, int] | None:
    """(index, count, start of the first) when the value at `offset` is one of a list of values
    in its clause (11.59亿元、11.68亿元和7.55亿元; 43%与57%; with a count rule's `units`, 74亿杯及71亿杯),
    else None."""
    begin, end = s.clause_at(offset)
    spans = [(q.start, q.end) for q in s.quantities if begin <= q.start and q.end <= end]
    if units:
        spans = sorted([*spans, *((a.start, a.end) for a in amounts(s.text, units, begin, end)
                                  if not any(q[0] < a.end and a.start < q[1] for q in spans))])
    at = next((i for i, q in enumerate(spans) if q[0] == offset), None)
    if at is None:
        return None
    for link in (_LIST_LINK, _EN_LIST_LINK):
        first = last = at
        while first > 0 and link.fullmatch(s.text, spans[first - 1][1], spans[first][0]):
            first -= 1
        while last + 1 < len(spans) and link.fullmatch(s.text, spans[last][1], spans[last + 1][0]):
            last += 1
        if last > first and (link is _LIST_LINK or _EN_RESPECTIVELY.match(s.text, spans[last][1])
                             or _paired_list_before(s, spans[first][0], last - first + 1)):
            return at - first, last - first + 1, spans[first][0]
    return None


def _paired_list_before(s: Sentence, before: int, count: int) -> bool:
    """Whether an English list of `count` values closed by `respectively` stands earlier in the sentence, before
    `before`: a later list of as many values, with no `respectively` of its own, pairs in the same order (`headline
    and core inflation accelerated to 3% and 3.3%, respectively, surpassing forecasts of 2.9% and 3.1%`)."""
    spans = [(q.start, q.end) for q in s.quantities if q.end <= before]
    for i, (_, end) in enumerate(spans):  # the list ending at the i-th value, and its size
        size = 1
        while i - size >= 0 and _EN_LIST_LINK.fullmatch(s.text, spans[i - size][1], spans[i - size + 1][0]):
            size += 1
        if size == count and _EN_RESPECTIVELY.match(s.text, end):
            return True
    return False


# English writes a list's pairing after it: `accelerated to 3% and 3.3%, respectively` pairs as 分别为3%和3.3% does,
# the i-th value with the i-th word of a list before it (`headline and core inflation`); without `respectively`
# an English `and` joins no list of values
_EN_RESPECTIVELY = compiled_on_use(r"(?:\s+[A-Za-z-]+){0,3}?\s*,?\s*(?i:respectively)(?![A-Za-z])")
_EN_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_EN_LIST_LINK = compiled_on_use(_EN_JOIN)
# between two words of such a list a shared head noun may stand (`headline inflation and core inflation`)
_EN_WORD_SEPARATOR = compiled_on_use(rf"(?:\s+[A-Za-z-]+)?{_EN_JOIN}")


# between two qualifier words of one list, each word may carry the same short head noun:
# 销量增速和价格增速分别同比增长5%和9% pairs 销量 with 5% and 价格 with 9%
_WORD_SEPARATOR = compiled_on_use(r"[\u4e00-\u9fff]{0,3}?" + _SEPARATOR.pattern)


def names_sharing(rule: RuleBase, s: Sentence, offset: int) -> tuple[str, ...]:
    """The rule's subjects among a list of names that shares the value at `offset` through 均/都/皆/各 (`said_of_each`):
    `成都银行、苏农银行和招商银行的拨备覆盖率均高于400%` is each bank's, not 招商银行's alone (a 分别
    list pairs names and values instead: `value_list`). The list is the run of names joined by
    、/和/及 nearest before the value in its clause, the last of them the one the value is about."""
    if not rule.subjects or not said_of_each(s, offset) or value_list(s, offset) is not None:
        return ()
    return names_listed(rule, s, offset, who(s, offset))


def names_listed(rule: RuleBase, s: Sentence, offset: int, last: str | None) -> tuple[str, ...]:
    """The rule's subjects among the run of names joined by 、/和/及 (a stock code between) nearest before
    `offset` in its clause, when `last` ends it: `长安汽车（000625.SZ）、长城军工（601606.SH）、建设工业（002265.SZ）等
    多家上市公司发布公告` names three who announce; () for one name alone."""
    begin, _ = s.clause_at(offset)
    before = [m for m in s.mentions if begin <= m.start and m.end <= offset and not _bracketed(s.text, m.start)]
    if len(before) < 2 or last != before[-1].entity_id:
        return ()
    run = [before[-1]]
    for m in reversed(before[:-1]):
        if m.end > run[0].start or not _NAMES_LINK.fullmatch(s.text, m.end, run[0].start):
            break
        run.insert(0, m)
    names = tuple(dict.fromkeys(m.entity_id for m in run))
    return tuple(name for name in names if name in rule.subjects) if len(names) > 1 else ()


def _last_run(spans: list[tuple[int, int]], text: str, count: int,
              separator: re.Pattern[str] = _SEPARATOR) -> list[tuple[int, int]] | None:
    """The last `count` spans before a value list when they are one list (影院与片方, A、B和C)."""
    if len(spans) < count:
        return None
    run = spans[-count:]
    if all(separator.fullmatch(text, a[1], b[0]) for a, b in pairwise(run)):
        return run
    return None


# 分别 (each, `RESPECTIVELY`) right after a list of names, a few words between at most (A和B的持股比例分别为)
_EACH_AFTER = compiled_on_use(rf"[^，,。；;：:、]{{0,8}}?(?:{RESPECTIVELY.pattern})")


def _run_before_each(spans: list[tuple[int, int]], text: str, count: int) -> list[tuple[int, int]] | None:
    """The last `count` names joined as one list that 分别 follows, when names stand between it and
    the values: `嘉兴汇拓、嘉兴合拓分别持有澎立生物股权8.5%、3%` pairs 8.5% with 嘉兴汇拓 and 3% with
    嘉兴合拓; 澎立生物, after 分别, is what each holds, no item of the list."""
    for end in range(len(spans), count - 1, -1):
        run = spans[end - count:end]
        if (all(_NAMES_LINK.fullmatch(text, a[1], b[0]) for a, b in pairwise(run))
                and _EACH_AFTER.match(text, run[-1][1]) is not None
                and (end == len(spans) or not _NAMES_LINK.fullmatch(text, run[-1][1], spans[end][0]))):
            return run
    return None


def _joined_run_before_each(spans: list[tuple[int, int]], text: str) -> int:
    """How many names the latest list of names joined by 、/和/及 that 分别 follows holds (0 for none
    of two or more): the list a 分别 list of values pairs with, whatever the values' count."""
    for end in range(len(spans), 0, -1):
        if _EACH_AFTER.match(text, spans[end - 1][1]) is None:
            continue
        if end < len(spans) and _NAMES_LINK.fullmatch(text, spans[end - 1][1], spans[end][0]):
            continue  # 嘉兴汇拓、嘉兴合拓分别: 分别 follows the whole list, not a name inside it
        first = end - 1
        while first > 0 and _NAMES_LINK.fullmatch(text, spans[first - 1][1], spans[first][0]):
            first -= 1
        return end - first if end - first > 1 else 0
    return 0


def _pairs_unequal(spans: list[tuple[int, int]], text: str, count: int, run: list[tuple[int, int]] | None) -> bool:
    """Whether a list of values (`count` of them) stands after a list of names of another length, so
    that which value is whose is not said: `嘉兴汇拓、嘉兴合拓、嘉兴德拓分别持有……8.5%、3%` (three
    holders, two stakes) pairs from neither end. Either the names 分别 follows are more or fewer
    than the values, or the `count` names paired are the tail of a longer list joined before them."""
    joined = _joined_run_before_each(spans, text)
    if joined and joined != count:
        return True
    if run is None:
        return False
    at = spans.index(run[0])
    return at > 0 and _NAMES_LINK.fullmatch(text, spans[at - 1][1], run[0][0]) is not None


@per_sentence  # asked by every rule a value's cue belongs to, and by each kind to say why it gives no claim
def unpaired_in_list(s: Sentence, offset: int) -> bool:
    """Whether the value at `offset` is one of a list of values that a list of names of another
    length precedes (see `_pairs_unequal`): nobody's claim, listed as `unattributed` so an editor
    sees it, never given to the name at one end of the list."""
    listed = value_list(s, offset)
    if listed is None:
        return False
    _, count, first = listed
    names = _names_before_list(s, offset, first)
    run = _last_run(names, s.text, count, _NAMES_LINK) or _run_before_each(names, s.text, count)
    return _pairs_unequal(names, s.text, count, run)


def _names_before_list(s: Sentence, offset: int, first: int) -> list[tuple[int, int]]:
    """The spans of the names a list of values starting at `first` may pair with: named before it,
    not as a speaker, not inside a bracket (宗庆后（现变更为宗馥莉）: the bracket annotates)."""
    return [(m.start, m.end) for m in s.mentions
            if m.end <= first and not speaks(s, m.start, m.end)
            and not _COUNTED_BEFORE.search(s.text, max(0, m.start - 8), m.start)
            and not _bracketed(s.text, m.start)]


def _bracketed(text: str, offset: int) -> bool:
    """Whether `offset` stands inside a bracket: a name there annotates the one before it
    (宗庆后（现变更为宗馥莉）), it is not an item of a list of names."""
    depth = 0
    for char in text[:offset]:
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
    return depth > 0


_SHORT_NAME_BEFORE = re.compile(r"[（(]\s*(?:以下)?(?:简称|簡稱|下称|下稱)\s*[为為]?\s*[“\"「『]?\s*$")


def _annotating(s: Sentence, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether `mention` opens a bracket right after another name (优步科技（Uber）): it restates
    that name, so it is no party of its own (and never the actor of a later object clause).

    Between the two: spaces, one opening bracket, spaces. The bracket is looked for once, back
    from the mention, and only then the names that may end before it: asked for every name of
    every value's clause, a test per pair of names made a long sentence of many names and
    values (a table flattened into one line) take minutes."""
    text, bracket = s.text, mention.start
    short = _SHORT_NAME_BEFORE.search(text, max(0, bracket - 8), bracket)
    if short is not None:  # （简称“阿特斯”）: the short name the article goes on with
        bracket = short.start() + 1
    while bracket > 0 and text[bracket - 1].isspace():  # str.isspace is re's \s
        bracket -= 1
    if bracket == 0 or text[bracket - 1] not in "（(":
        return False
    bracket -= 1
    first = bracket  # the earliest end of a name before it: spaces only in between
    while first > 0 and text[first - 1].isspace():
        first -= 1
    return any(first <= other.end <= bracket for other in mentions)


def _named_subject(s: Sentence, offset: int) -> tuple[bool, str | None]:
    """(blocked, entity): the actor named before `offset` in the sentence; blocked when
    another name stands between it and the value, so nothing may be carried."""
    begin, _ = s.clause_at(offset)
    before = [m for m in s.mentions if m.end <= offset and not speaks(s, m.start, m.end)
              and not _COUNTED_BEFORE.search(s.text, max(0, m.start - 8), m.start)]
    if not before:
        return False, None
    named = list(dict.fromkeys(m.entity_id for m in reversed(before)))  # the last named first
    pointer = _LATTER_FORMER.search(s.text, begin, offset)
    if pointer:  # 对后者估值2600亿美元: the one named last (后者) or the one before it (前者)
        wanted = 0 if pointer.group(0) in ("后者", "後者") else 1
        return False, named[wanted] if len(named) > wanted else None
    acted_on = _pointed_object_after(s, offset)
    if acted_on is not None and len(named) > 1:  # 以3.07亿美元现金收购后者: the other one pays
        return False, named[1] if acted_on in ("后者", "後者") else named[0]
    paired = list_owner(s, offset)
    if paired is not None:
        return paired
    in_clause = [m for m in before if m.start >= begin]
    if in_clause and _POSSESSED.match(s.text, in_clause[-1].end):
        return True, None  # 王长田的夫人……持股3.5%: about his wife, someone the rules do not name
    if rest_of(s, before[-1]):
        return True, None  # 开云集团其他品牌，……总收入下跌7%: about the other brands, no one the rules name
    if _example_of_a_group(s, before[-1], offset):
        return False, SEVERAL  # 谷歌、微软、Meta等科技巨头纷纷入局，投资数十亿美元: the giants', no one member's
    head = english_head(s, offset)
    if head is not None and head[0] >= before[-1].end:
        return True, None  # `Posco Holdings rose 6.9% and Samsung fell 1.2%`: Samsung's, a name no entity holds
    if in_clause:
        return False, _actor(s, in_clause, before, OBJECT_MARKERS)
    if _entity_like_between(s, before[-1].end, offset, indexes=True) or _parallel_head(s, begin, offset, before[-1]):
        return True, None
    if _OBJECT_POINTER.search(s.text, begin, offset):  # 是澎立生物控股股东，对其持股23.72%: 其 is the object
        others = [m for m in before if m.entity_id != before[-1].entity_id]
        if others:
            return False, others[-1].entity_id
    opener = _clause_opener(s, begin, before) if _GOES_ON.match(s.text, begin) else None
    if opener is not None:  # 火山引擎……也全面支持DeepSeek系列模型，可通过两种方式: 火山引擎's ways
        return False, opener
    return False, _actor(s, before, before, NOT_CARRIED)


# the end of a list a name is an example of: 等 (not 等待, 等于 …) or 在内的 after it and the names after it
# (谷歌、微软、Meta等科技巨头, 包括微软、英伟达、亚马逊在内的大型科技集团, 包含阿里巴巴等中国科技股的恒生科技指数)
_GROUP_CLOSE = re.compile(r"(?:\s*(?:、|和|与|與|及|以及)\s*[^，,。；;：:、和与與及]{1,12}?)*?\s*"
                          r"(?:等(?![待候于於同级級到])|在内的|在內的)")
_EACH = re.compile("|".join(map(re.escape, ZH.each)))


def _example_of_a_group(s: Sentence, mention: Mention, offset: int) -> bool:
    """Whether `mention` is one example of a group that a value at `offset` is about: the list it stands in
    ends in 等 or 在内的 before the value, no 均/都/各 says the value is each member's, and the list is not
    the object of an action (`谷歌、微软、Meta等科技巨头纷纷入局，投资数十亿美元` is the giants' sum, not 微软's)."""
    close = _GROUP_CLOSE.match(s.text, mention.end)
    if close is None or close.end() > offset or _EACH.search(s.text, close.end(), offset) is not None:
        return False
    # a list after 向, 持有, 收购 … is whom one acts on (向PL HK、嘉兴汇拓等共31名交易对方购买): the actor is before it
    listed = [m for m in s.mentions if m.end <= mention.start]
    first = mention
    while listed and LIST_WORD_JOIN.fullmatch(s.text, listed[-1].end, _titled_start(s, first)):
        first = listed.pop()
    return not _is_object(s, 0, first, OBJECT_MARKERS)


# a verb of change (涨, 跌, 增长 …: zh.yaml change) and what may stand between a head and it: a bracketed
# stock code or note (阿里巴巴(09988)涨4.8%)
_UP_OR_DOWN = ZH.any_of((*ZH.up_words, *ZH.down_words))
_NOTE = r"(?:\s*[（(][^（()）]{0,16}[）)])?\s*"
# a clause's head right before its verb of change: up to 16 characters of names (微软、meta、谷歌、亚马逊), no
# figure, clause mark or bracket in it
_HEAD = r"[^\d%，,。；;：:（()）!?！？]"
_HEAD_THEN_CHANGE = re.compile(rf"(?P<head>{_HEAD}{{1,16}}?){_NOTE}(?P<verb>{_UP_OR_DOWN})")
# after a name: the words up to its verb of change, if any (阿里巴巴涨, 阿里巴巴港股涨)
_AFTER_NAME_CHANGE = re.compile(rf"(?P<head>{_HEAD}{{0,16}}?){_NOTE}(?P<verb>{_UP_OR_DOWN})")
# words a head of a clause may hold that are no one's name: when a value is stated (one_day: 盘中, 一度; the
# session words; 同比 and the other bases), what is measured (the built-in line items: 股价, 市值, 营收) and a
# clause going on with its subject: the bound words (最高, 超过: zh.yaml approx_before) and the adverbs of
# sequence that open such a clause (最终涨0.1%, 随后跌3%), as 也, 并, 还 do (_GOES_ON)
_SEQUENCE_ADVERBS = ("最终", "最后", "随后", "其后", "之后", "此后", "此前", "之前", "目前", "其间", "一直", "再度",
                     "继续", "持续", "一度", "累计", "大幅", "小幅", "微幅", "逆市", "逆势", "应声", "分别", "均", "仅", "则")
_NOT_A_NAME = re.compile("|".join(sorted(
    {*ZH.one_day, *ZH.change_bases, *(w for ws in builtin_words()["metric"].values() for w in ws),
     *(w for w in ZH.approx_before if not w.isascii()), *_SEQUENCE_ADVERBS,
     *AS_OF_WRITING, "收盘", "收市", "开盘", "盘前", "盘后", "尾盘", "早盘", "午盘", "午后", "夜盘",
     "最新", "高位", "低位"},  # 之後升幅收窄，最新升21.7%; 恒指今早高開100點，高位升665點 (the day's high)
    key=lambda w: (-len(w), w))))
# a character or two is an adverb (仅, 再, 最终) as often as a name: a head of its own names two or more
_SHORTEST_NAME = 2
# one-character adverbs a head may end in before its verb (已, 又, 仍 …): left out before the head is judged
_TRAILING_ADVERB = re.compile(r"[已曾又再还也仍都均则仅亦更便就]+$")
# …and a head made only of one-character adverbs is none, however many: of time (现, 今, 昨, 终, 先, 续), of
# scope (亦, 均, 皆, 齐, 只) and those above, or the manner a verb of change is written with (急升, 狂升, 暴跌, 猛涨,
# 爆升, 跳升, 微升, 小升, 大升, 略跌, 骤降): two of them are two characters, no name (`至於阿里升幅擴大，現急升7.5%` is 阿里's move
# now, not someone else's); a name holds another character (小米, 现代, 大众)
_ADVERBS_ONLY = re.compile(r"[现今昨终先续再又仍已曾还也亦都均皆齐则仅只便就更急狂暴飙猛爆跳微小大略稍轻骤劲]+")
_SHORT_FILLER = re.compile(r"[^\d，,。；;：:]{0,4}")


def _parallel_head(s: Sentence, begin: int, offset: int, carried: Mention) -> bool:
    """Whether the clause at `begin` holding a value at `offset` (and no declared name) restates the change
    of an earlier clause about `carried` with a head of its own: a list of moves, each name right before its
    verb of change. In `其中，阿里巴巴涨7.55%，京东涨4.98%，拼多多涨1.81%` 4.98% is 京东's, a name the entities do
    not hold, not 阿里巴巴's carried on. The earlier clause must put its name right before its verb (阿里巴巴涨),
    or name and the words after it (阿里巴巴港股涨 is followed by 京东港股涨 in a parallel list, while 美股涨 goes
    on with 阿里巴巴's other market)."""
    earlier = _AFTER_NAME_CHANGE.match(s.text, carried.end)
    if earlier is None or earlier.end() > s.clause_at(carried.start)[1] or s.clause_at(carried.start)[0] >= begin:
        return False
    return _head_name(s, begin, offset, earlier.group("head").strip()) is not None


# English: the name heading a verb of change (`Posco Holdings rose 6.9%, while … HD Hyundai Construction Equipment
# climbed 9.5% and Samsung fell 1.2%`), past the words that may stand between them: a bracketed ticker, a
# possessive, `shares`/`stock`/`index`, an auxiliary (`First Solar (NASDAQ:FSLR) stock rose`, `Nissan Motor's shares
# gained`, `the broader NSE Nifty 50 index declined`)
_EN_HEAD_TAIL = re.compile(r"(?:\s*\([^()]{1,24}\))?(?:\s*['’]s)?(?:\s+(?:shares?|stocks?|ADRs?|index|fund))?"
                           r"(?:\s+(?:has|have|had|is|are|was|were|also|initially|already|briefly))*\s*$")
# a run of capitalized words (and figures after one: S&P 500) ending where that tail begins
_EN_NAME_RUN = re.compile(r"(?<![A-Za-z0-9&.'’-])[A-Z][A-Za-z0-9&.'’-]*(?:\s+(?:[A-Z][A-Za-z0-9&.'’-]*|\d+))*$")
# before a run, a preposition (`sales in China fell`, `revenue from Azure rose`) or a possessive (`Microsoft's Azure
# rose`) makes it part of what is measured, not who; `shares of` (`Shares of HOOD have soared`) does not
_EN_NOT_A_HEAD_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:in|at|on|of|for|from|by|to|with|across|outside|inside|within|than"
                                   r"|over|under|into|excluding|including|ex)|['’]s)\s+$", re.IGNORECASE)
_SHARES_OF = re.compile(r"(?<![A-Za-z])(?:shares?|stocks?)\s+of\s+$", re.IGNORECASE)


@cache
def _en_builtin_tokens() -> frozenset[str]:
    """Each word of the built-in English line-item, period, basis and measure words, lower case."""
    words = builtin_words()
    return frozenset(token.lower() for name in ("metric", "period", "basis", "measure")
                     for ws in words[name].values() for w in ws if w.isascii() for token in re.split(r"[\s-]+", w))


def english_head(s: Sentence, offset: int) -> tuple[int, int] | None:
    """Where the name heading the English verb of change of the value at `offset` stands, when it is a
    name no entity holds: `Samsung` in `Posco Holdings rose 6.9% and Samsung fell 1.2%`, so the 1.2% is not
    Posco's, as `京东` heads `京东涨4.98%` after `阿里巴巴涨7.55%`. None when no verb of change leads the value,
    no capitalized word stands right before it, or that word is a declared name's, part of what is measured
    (`sales in China fell`, `Microsoft's Azure rose`), a month, a built-in word (`EBITDA rose`) or a lone
    capitalized word opening the sentence (`Shares fell`, which could be anyone's)."""
    verb = CHANGE_LEAD_EN.search(s.text, max(0, offset - 24), offset)
    if verb is None:
        return None
    low = max(s.clause_at(offset)[0], verb.start() - 80)
    tail = _EN_HEAD_TAIL.search(s.text, low, verb.start())
    run = _EN_NAME_RUN.search(s.text, low, tail.start() if tail else verb.start())
    if run is None or _holds_mention(s, run.start(), verb.start()):
        return None
    before = s.text[max(0, run.start() - 16):run.start()]
    if _EN_NOT_A_HEAD_BEFORE.search(before) and not _SHARES_OF.search(before):
        return None
    tokens = [t for t in run.group(0).split() if not t.isdigit()]
    names = [t for t in tokens if t.lower().strip(".") not in NOT_NAMES | _en_builtin_tokens()]  # nor Q4, YoY, EBITDA
    opens = not s.text[:run.start()].strip(" \t*#>-_\"“'‘")
    if not names or (opens and len(tokens) == 1 and not tokens[0].isupper()):
        return None
    return run.start(), run.end()


def _head_name(s: Sentence, begin: int, offset: int, gap: str = "") -> str | None:
    """The name heading the clause at `begin` right before its verb of change and the value at `offset`
    (京东涨4.98%, 微软、meta涨幅不足1%: 京东, 微软、meta), the words `gap` after it (港股 in 京东港股涨) left out;
    None when the head is no name: made only of the words of a time, session, basis or line item, a bound
    or an adverb (盘中一度涨, 同比增长, 股价涨, 最终涨, 节后已累计涨), or ANAPHORA (该股涨)."""
    opening = _CLAUSE_OPENING.match(s.text, begin)
    at = opening.end() if opening else begin
    own = _HEAD_THEN_CHANGE.match(s.text, at, offset)
    if own is None or _GOES_ON.match(s.text, at) or ANAPHORA.search(own.group("head")):
        return None
    if _SHORT_FILLER.fullmatch(s.text, own.end(), offset) is None:
        return None  # more words between the verb and the value than 幅不足, 超, 了: another statement
    head = own.group("head").strip()
    if gap:  # the earlier name had words after it: this head is a name only with those same words after it
        if not head.endswith(gap):
            return None
        head = head[: len(head) - len(gap)]
    name = _TRAILING_ADVERB.sub("", _NOT_A_NAME.sub("", head).strip())
    if _ADVERBS_ONLY.fullmatch(name):
        return None  # 現急升7.5%: a move now, sharply; no name
    if _FRAMES_NEXT.search(name) or any(at <= d.start < own.end() for d in s.dates):
        return None  # 节后已累计涨超110%: a time (节后), not a name
    return name if len(name) >= _SHORTEST_NAME else None


def list_owner(s: Sentence, offset: int, units: tuple[str, ...] = ()) -> tuple[bool, str | None] | None:
    """(blocked, entity) for a value of a list paired with a list of names (阿里巴巴与腾讯分别涨3%和5%: the
    i-th name goes with the i-th value; with a count rule's `units`, 长安与东风集团分别创造了268万、248万台);
    blocked when the names and values do not pair (嘉兴汇拓、嘉兴合拓、嘉兴德拓分别持有……8.5%、3%); None
    when the value is in no list or no run of names pairs with it."""
    listed = value_list(s, offset, units)
    if listed is None:
        return None
    index, count, first = listed
    names = _names_before_list(s, offset, first)
    run = _last_run(names, s.text, count, _NAMES_LINK) or _run_before_each(names, s.text, count)
    if _pairs_unequal(names, s.text, count, run):
        return True, None
    if run is None:
        return None
    return False, next((m.entity_id for m in s.mentions if m.start == run[index][0]), None)


# a clause opening with a modal or an adverb (可以, 能, 将, 也, 还, 并 …) has dropped its subject: it goes on
# with the one who acts in the clause before, as Chinese chains clauses on one subject, not with a name
# inside that clause's object (a clause opening with a noun, 投前估值为……, may be about the object: 2.)
_GOES_ON = re.compile(r"\s*(?:可以|可(?:通过|通過)|能够|能夠|能(?![源力量])|将会|將會"
                      r"|并且|並且|并|並|也|还(?![款原])|還(?![款原])|已经|已經|亦|又|便|仍)")


def _clause_opener(s: Sentence, begin: int, before: list[Mention]) -> str | None:
    """Who acts in the nearest earlier clause that names anyone: its first name that is no source,
    speaker, cause or object (`《科创板日报》注意到，火山引擎边缘大模型网关也全面支持DeepSeek系列模型` is 火山引擎)."""
    last = before[-1]
    clause_begin, _ = s.clause_at(last.start)
    for m in before:
        if m.start < clause_begin or speaks(s, m.start, m.end) or _a_cause(s, m):
            continue
        return None if _is_object(s, clause_begin, m, OBJECT_MARKERS) else m.entity_id
    return None


def _pointed_object_after(s: Sentence, offset: int) -> str | None:
    """后者/前者 after the value in its clause as the object of an action (收购后者, 向前者): the
    value is then about the other one, the one who acts."""
    _, clause_end = s.clause_at(offset)
    for pointer in _LATTER_FORMER.finditer(s.text, offset, clause_end):
        if OBJECT_MARKERS.search(s.text, max(offset, pointer.start() - 4), pointer.start()):
            return pointer.group(0)
    return None


# a number and a classifier right before a name: the name modifies what is counted, an object, never
# the actor (以及钛墨黑、钛翡绿、钛柔金三种三星商城专属配色，建议零售价9,699元起 is the Ultra's price)
_COUNTED_BEFORE = re.compile(r"(?:\d+|[一二两兩三四五六七八九十百千几幾数數多]+)\s*"
                             r"(?:种|種|款|个|個|项|項|类|類|家|台|部|件|只|隻|辆|輛|套|组|組)\s*$")


# 其 after an object marker points to the one named last as the object of the action, so the value
# is about the one named before it (PharmaLegacy是澎立生物控股股东，对其持股23.72% is PharmaLegacy's)
# (其他, 其中, 其余 are words of their own: 对其他股东 points back to no one)
# a company's capital (总股本, 已发行股本), written right after whose it is (其, a name)
_CAPITAL = r"\s*的?\s*(?:已发行|已發行)?(?:总股本|總股本|股本|总股份|總股份|股份总数|股份總數)"
_OBJECT_POINTER = re.compile(r"(?:向|對|对|持有|收购|收購|入股|增持|减持|減持|注资|注資|投资|投資)\s*其(?![他它中余餘实實])"
                             # 占其总股本16.4%: 其 is the company whose capital the stake is a share of
                             r"|其(?=" + _CAPITAL + ")")
# a company's capital right after its name (不超过广发证券总股本3%): the whole a stake is a share of, whose
# owner is the issuer, never the holder the stake belongs to
_CAPITAL_AFTER = re.compile(_CAPITAL)


_LATTER_FORMER = re.compile(r"后者|後者|前者")
# X的夫人, X的子公司: a party related to the name, not the name itself
_POSSESSED = re.compile(r"\s*的?\s*(?:夫人|妻子|太太|丈夫|配偶|妹妹|姐姐|弟弟|哥哥|兄弟|儿子|兒子|女儿|女兒|父亲|父親|母亲|母親"
                        r"|家族|亲属|親屬|子公司|孙公司|孫公司|母公司|附属公司|附屬公司|竞争对手|競爭對手|对手|對手"
                        r"|客户|客戶|供应商|供應商|合作伙伴|合作夥伴)")


# X其他品牌, X旗下其他业务, X其余品牌, 除X外的: the rest of X, not X (开云集团其他品牌，2024年总收入下跌7%
# is the other brands' fall, not 开云集团's)
_REST_OF = re.compile(r"\s*(?:的)?\s*(?:旗下)?\s*(?:的)?\s*(?:其他|其它|其余|其餘)\s*(?:的)?\s*"
                      r"(?:子?品牌|业务|業務|事业部|事業部|部门|部門|板块|板塊|分部|门店|門店|产品|產品)")
_EXCEPT_BEFORE = re.compile(r"除(?:了)?\s*$")
_EXCEPT_AFTER = re.compile(r"\s*(?:以外|之外|外)")


# 另外四款, 其余两家, 另有三人, 剩余80辆: a count of the rest of something, not of the whole it is part of
# (除了闪电黄，还有另外四款新配色 is five colours in all, not four)
_THE_REST_BEFORE = compiled_on_use(r"(?:另外|另有|另|其余|其餘|其他|其它|剩余|剩餘|剩下的?)\s*(?:还有|還有|有)?\s*$")
COUNTS_THE_REST = "(it counts only the rest of something: 另外, 其余, 剩余 …)"


def counts_the_rest(s: Sentence, start: int) -> bool:
    """Whether the value at `start` counts only the rest (另外四款, 其余两家): a part of a whole, never
    compared with the whole another source counts."""
    return _THE_REST_BEFORE.search(s.text, max(0, start - 6), start) is not None


def rest_of(s: Sentence, mention: Mention) -> bool:
    """Whether `mention` only says whose the rest is (X其他品牌, 除X外的): the value is about the rest."""
    if _REST_OF.match(s.text, mention.end):
        return True
    return (_EXCEPT_BEFORE.search(s.text, max(0, mention.start - 3), mention.start) is not None
            and _EXCEPT_AFTER.match(s.text, mention.end) is not None)


def _actor(s: Sentence, in_clause: list[Mention], before: list[Mention], markers: re.Pattern[str]) -> str:
    """The last name of a clause, unless `markers` make it an object or a role (向OpenAI投资,
    持有光线传媒, 作为光线传媒董事长): then the name before it, even in an earlier clause."""
    candidates = [m for m in before if m.end <= in_clause[-1].end and not _annotating(s, m, before)]
    holders = [m for m in candidates if not _CAPITAL_AFTER.match(s.text, m.end)]
    if holders and len(holders) < len(candidates):  # 辽宁成大……处置不超过广发证券总股本3%: 辽宁成大's
        candidates = holders
    for index in range(len(candidates) - 1, -1, -1):
        if index and _partner(s, candidates[index]):
            continue  # 恩智浦与Kinara达成协议: Kinara is the other party, not one of a list of actors
        head = index  # a name listed after another (向PL HK、嘉兴汇拓等) is an object when the list's first is
        while head > 0 and LIST_WORD_JOIN.fullmatch(s.text, candidates[head - 1].end, _titled_start(s, candidates[head])):
            head -= 1
        earlier = candidates[head - 1] if head else None
        if earlier is None or not _is_object(s, earlier.end, candidates[head], markers):
            return candidates[index].entity_id
    return in_clause[-1].entity_id


def _partner(s: Sentence, mention: Mention) -> bool:
    """`mention` is whom someone agrees with (与/和/同 X 达成协议, 签署) or joins (将与 X 合资): the other party."""
    comitative = _COMITATIVE.search(s.text, max(0, mention.start - 11), mention.start)
    if comitative is None:
        return False
    if _AGREES_AFTER.match(s.text, mention.end) is not None:
        return True
    after_a_name = any(m.end == comitative.start() for m in s.mentions)
    return not after_a_name and _JOINS_AFTER.match(s.text, mention.end) is not None


def _titled_start(s: Sentence, mention: Mention) -> int:
    """Where a name begins with the title before it (被告二常熟阿特斯: a list of defendants)."""
    title = _TITLE_BEFORE.search(s.text, max(0, mention.start - 8), mention.start)
    return title.start() if title is not None else mention.start


def _is_object(s: Sentence, after: int, mention: Mention, markers: re.Pattern[str]) -> bool:
    """Whether `mention` is the object of an action (after `markers`) or, for object markers, the
    one an action is done for (为X带来). A place may stand between the marker and the name
    (对美国OpenAI公司400亿美元的投资), and a title (向美國總統特朗普支付)."""
    start = mention.start
    title = _TITLE_BEFORE.search(s.text, max(after, start - 8), start)
    if title is not None:  # 向美國總統特朗普支付: a title between the marker and the name
        start = title.start()
    place = place_before(s.text, start)
    if place is not None and place >= after:
        start = place
    if markers.search(s.text, max(after, start - 4), start):
        return True
    return (markers is OBJECT_MARKERS and _FOR_BEFORE.search(s.text, max(after, mention.start - 2), mention.start)
            is not None and _GIVES_AFTER.match(s.text, mention.end) is not None)


# who reports a fact is not what it is about: 据路透社报道, 援引彭博, 高盛分析师称, 百度发言人表示
_SOURCE_BEFORE = re.compile(r"(?:据|據|根据|根據|援引|引述|另据|另據)\s*$")
# …unless what is cited is the name's own filing (根据ST易购2024年度业绩预告，根据苏宁电器2023年年度报告，): the
# company states its figures itself, as 公告显示 after its publisher does (`_filing_publisher`)
_PERIOD_OF_FILING = r"(?:\d{4}\s*)?(?:年度|半年度|年|前三季度|第?[一二三四1-4]季度|全年|中期)"
_OWN_FILING_AFTER = re.compile(rf"\s*(?:的|发布的|披露的)?\s*(?:{_PERIOD_OF_FILING}*\s*{_FILING}|{_PERIOD_OF_FILING}+\s*(?:报告|報告))")
_SPEAKER_AFTER = re.compile(r"(?:的)?[\u4e00-\u9fffA-Za-z]{0,6}?(?:发言人|發言人|分析师|分析師|研究员|研究員|经济学家|經濟學家"
                            r"|策略师|策略師|人士|记者|記者)[\u4e00-\u9fffA-Za-z·]{0,8}?\s*"
                            r"(?:表示|[称稱说說]|指出|认为|認為|透露|预计|預計|预期|預期|估计|估計|写道|寫道)"
                            r"|\s*(?:报道|報道|报导|報導|消息|援引|引述)")


# a person's title right before the name (行政總裁朱克伯格, 人力资源主管 Janelle Gale, 美國總統特朗普: zh.yaml posts)
# or a party's to a suit (被告二常熟阿特斯)
_TITLE_BEFORE = re.compile("(?:" + "|".join(map(re.escape, ZH.posts)) + r"|[被原]告[一二三四五六七八九十]?)\s*$")
# what a named person says: 告訴員工, 在备忘录中提到, 表示
# (a place or an occasion may come first: 馬克龍在巴黎人工智能（AI）高峰會上表示 is 马克龙在……峰会上表示)
_SAYS_AFTER = re.compile(r"(?:\s*在[^，,。；;：:]{1,24}?(?:上|中|时|時|期间|期間))?"
                         r"[^，,。；;：:]{0,8}?(?:表示|(?<![简簡又俗下])[称稱](?![为為作])|[说說]|指出|认为|認為|透露|提到|告诉|告訴|宣布|写道|寫道|强调|強調)")


def speaks(s: Sentence, start: int, end: int) -> bool:
    """Whether the name at [start, end) reports what follows rather than being its subject:
    a source (据路透社报道, 据CNBC消息) or someone speaking for it (发言人, 分析师, 知情人士, or an
    organisation's officer who says it: Meta行政總裁朱克伯格告訴員工將裁員5% is Meta's cut).
    A company saying something itself (百度表示) still is what it says is about."""
    cites = _SOURCE_BEFORE.search(s.text, max(0, start - 3), start) and not _OWN_FILING_AFTER.match(s.text, end)
    return bool(cites or _SPEAKER_AFTER.match(s.text, end) or _speaks_for(s, start, end)
                or (any(begin <= start and end <= finish for begin, finish in _english_sources(s))
                    and not _EN_POSSESSIVE.match(s.text, end)))


# a name owning the English speaker (`according to Shopify's CEO`): the company speaks of itself through its officer
_EN_POSSESSIVE = compiled_on_use(r"['’]s?(?![A-Za-z])")


@per_sentence
def _english_sources(s: Sentence) -> tuple[tuple[int, int], ...]:
    """Where an English sentence names who reports its figures (`according to FactSet`, a closing `…, Fitch said`):
    english_subjects.sources; none in a Chinese sentence."""
    return () if _HAN.search(s.text) else sources(s.text)


def _speaks_for(s: Sentence, start: int, end: int) -> bool:
    """An officer named after an organisation and a title, saying what follows (Meta 人力资源主管
    Janelle Gale 在备忘录中提到): the organisation is what the statement is about."""
    title = _TITLE_BEFORE.search(s.text, max(0, start - 8), start)
    if title is None or not _SAYS_AFTER.match(s.text, end):
        return False
    return any(m.end <= title.start() and title.start() - m.end <= 10 for m in s.mentions)


def titled_name(rule: RuleBase, s: Sentence, start: int, end: int) -> str | None:
    """The rule subject a post word at [start, end) is the title of: a title ending the word
    (`前CEO`, `执行副总裁`) with a subject's name right after it (`推特及前CEO杰克·多尔西`) is that
    person's post, whoever opens the clause (`特朗普…对…推特及前CEO杰克·多尔西提起的诉讼`; round 20,
    NOTES_B twitter-settlement)."""
    if _TITLE_BEFORE.search(s.text, start, end) is None:
        return None
    after = next((m for m in s.mentions if m.entity_id in rule.subjects and m.start >= end
                  and not s.text[end:m.start].strip()), None)
    return after.entity_id if after else None


def _entity_like_between(s: Sentence, start: int, end: int, indexes: bool = False) -> bool:
    """Whether a name other than a known mention stands in s.text[start:end]; with `indexes`, a market
    index's too (only between a declared name and its value: a rule with no subjects reads index moves)."""
    glued = [m.end for m in s.mentions]
    text = s.text
    for regex in (_STOCK_CODE, _QUOTED_NAME):
        for found in regex.finditer(text, start, end):
            if any(0 <= found.start() - g <= 1 for g in glued) or _holds_mention(s, found.start(), found.end()):
                continue
            if not speaks(s, found.start(), found.end()):  # 据《凤凰WEEKLY财经》统计: a source, no subject
                return True
    if any(start <= begin and finish <= end and not _holds_mention(s, begin, finish) and not speaks(s, begin, finish)
           for begin, finish in s.company_names):
        return True
    return indexes and any(not _holds_mention(s, found.start(), found.end())
                           and not _a_line_item_word(s, found.start(), found.end())
                           for found in _MARKET_INDEX.finditer(text, start, end))


# a market index named as the doer of its own statement (`纳指跌268.59点，跌幅为1.36%；标普500指数跌57.58点，
# 跌幅为0.95%`: 0.95% is the S&P 500's, not the Nasdaq's): 道指, 纳指, 恒指 … (the short forms news writes),
# 标普/S&P, or a name ending in 指数 written right before a verb of its move. An economic indicator of the
# built-in line items (消费者物价指数, 采购经理指数) is what a figure measures, not whose it is.
_MARKET_INDEX = re.compile(r"(?:(?:纳|納|道|恒|沪|滬|深成|创业板|創業板|国|國|科)指|标普|標普|S&P|[\u4e00-\u9fffA-Za-z0-9]{2,8}?(?:指数|指數))"
                           r"(?=\s*(?:\d|[涨漲跌升降收报報]|上[涨漲升]|下[跌降]|走[高低]))")


def _a_line_item_word(s: Sentence, start: int, end: int) -> bool:
    """Whether s.text[start:end] lies inside a built-in line-item word (消费者物价指数: the CPI)."""
    return any(begin <= start and end <= finish for begin, finish in metric_word_spans(s.text))


def _holds_mention(s: Sentence, start: int, end: int) -> bool:
    return any(m.start < end and m.end > start for m in s.mentions)


# a sentence opening with 除了……以外 (apart from …): what it sets aside is done by the main clause's subject
_APART_FROM = re.compile(r"\s*(?:除了|除)[^，,。；;：:]*(?:以外|之外|外)\s*[，,]")
# a clause ending in a word of circumstance (……下, ……时, ……之际, ……期间, ……后) frames the clause after it,
# whose subject it shares: `仅300M参数量下，VideoWorld已取得可观的模型表现` is VideoWorld's 300M (以下 is
# "below", 同时 "meanwhile"; 此后, 随后, 最后 … are adverbs of their own)
_FRAMES_NEXT = re.compile(r"(?:(?<![以之])下|(?<![同及])[时時]|之[际際]|期[间間]|(?<![此随隨然最今其以之])[后後]|之[后後])"
                          r"\s*$")


def _main_clause_subject(s: Sentence, offset: int) -> str | None:
    """Whom a value in a clause that frames the next is about: the first name of the clause after it, not an
    object. An opening 除了……以外 (`除了要求赔偿共计10.58亿元以外，天合光能诉讼请求判令阿特斯销毁……` is
    天合光能's claim), or a clause of circumstance (`团队实验发现，仅300M参数量下，VideoWorld已取得可观的模型表现`)."""
    opening = _APART_FROM.match(s.text)
    if opening is not None and offset < opening.end():
        main = opening.end()
    else:
        _, clause_end = s.clause_at(offset)
        if clause_end >= len(s.text) or s.text[clause_end] not in "，," or not _FRAMES_NEXT.search(s.text, offset, clause_end):
            return None  # the clause must end in a word of circumstance and a comma, a main clause after it
        main = clause_end + 1
    _, clause_end = s.clause_at(main)
    for m in s.mentions:
        if main <= m.start < clause_end and not speaks(s, m.start, m.end):
            return None if _is_object(s, main, m, OBJECT_MARKERS) else m.entity_id
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
_HAN = re.compile(r"[\u4e00-\u9fff]+")
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
        head = _HAN.match(s.text, pointer.end(), offset)
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
            run = _HAN.match(s.text, lead.end()) if lead is not None else None
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
        if _entity_like_between(sentence, 0, len(sentence.text)) and _doer(sentence, None) == OTHER:
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
    code = _STOCK_CODE.search(s.text, at, min(len(s.text), at + 48))
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
                 if not _is_object(title, 0, m, OBJECT_MARKERS) and not speaks(title, m.start, m.end)}
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
    if begin == 0 or named or _entity_like_between(s, begin, offset):
        return None  # 京东集团-SW跌2.95%: 集团 ends a name, it points nowhere
    pointer = None
    for found in ANAPHORA.finditer(s.text, begin, offset):
        if (_COMPANY_ANAPHOR.fullmatch(found.group(0)) and not _NOT_THE_COMPANY_BEFORE.search(s.text, 0, found.start())
                and not _CAPITAL_AFTER.match(s.text, found.end())) or _owner_of_work(s, found, offset):
            pointer = found  # not 不超过公司总股本的3%: the issuer's capital, a holder's stake
            break
    if pointer is None:
        return None
    for m in s.mentions:
        if m.end > begin:
            break
        if (speaks(s, m.start, m.end) or _a_cause(s, m) or _is_object(s, 0, m, OBJECT_MARKERS)
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


def subject_near(rule: RuleBase, s: Sentence, offset: int, others_hold: bool = False) -> str | None:
    """The rule subject named nearest `offset` (before it first, passing over the object of an
    action when its actor is named before it) in the sentence; with none named, the one an
    anaphor before `offset` (该公司, 其) points back to. With `others_hold` (a state), None when
    the nearest holder named before is a declared name that is no rule subject (`held_by_another`).

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
    actors = [m for m in before if not _is_object(s, 0, m, OBJECT_MARKERS)]
    if actors:  # 天合光能……其一纸诉状将阿特斯……告上江苏省高级人民法院: the court is 天合光能's suit's
        return actors[-1].entity_id
    if before:
        return before[-1].entity_id
    if ours:
        actors = [m for m in ours if not _a_cause(s, m)]
        first = (actors or ours)[0]
        if _is_object(s, 0, first, OBJECT_MARKERS) and any(
                m.end <= offset and not speaks(s, m.start, m.end) for m in s.mentions):
            return None  # 阿特斯……于苏州市中级人民法院起诉了天合光能: the court is 阿特斯's, not 天合光能's
        return first.entity_id
    holder = _holder_when_unnamed(s, offset, listed)
    return holder.entity if holder.entity in rule.subjects else None


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
        if _opens_with_a_name(s, start):
            opening = _CLAUSE_OPENING.match(s.text, start)
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
    if _entity_like_between(s, 0, offset):
        return _Holder("unnamed")
    # names after the word only (不仅提供了推理API的限时免费开放，还首发了DeepSeek大模型的精调服务)
    return _Holder("topic", continued_topic(s, listed), named_after=bool(named))


# ----------------------------------------------------------------- context


def context(rule: RuleBase, s: Sentence, offset: int, article: Article) -> tuple[ContextValue, ...]:
    """The qualifiers `rule` declares, as read for a value at `offset`, then its day."""
    found: list[ContextValue] = []
    for spec in rule.context:
        value = _qualifier(spec.values, spec.scope, s, offset, getattr(rule, "units", ()))
        if spec.name in PERIOD_QUALIFIERS and (whole := _reporting_period(s, offset, spec.values)):
            value = (REPORTING_PERIOD, whole) if spec.name == "period" else None  # 报告期内: several years
        if value is None and spec.name in PERIOD_QUALIFIERS and PERIOD_ANAPHORA.search(s.text, 0, offset):
            earlier = s.last_hit_in_article(spec.values)  # 期内: the period named last, in any paragraph
            value = (earlier[2], earlier[1]) if earlier else None
        if spec.name == "measure" and "prior" in dict(spec.values):
            baseline = _compared_with(s, offset)
            value = _measure_compared_with(spec.values, baseline, s, offset, value) if baseline else value
            difference = "" if baseline else change_amount(s, offset)
            value = (CHANGE, difference) if difference else value
        if spec.name == "year" and (compared := _year_compared_with(s, offset, spec.values)) is not None:
            value = compared  # 高於2023年修訂後的增長1.8%: the 1.8% is 2023's
        if value and spec.name == "year" and value[0] in RELATIVE_YEARS:
            base = _relative_year_base(s, spec.values, value[1], offset, article)
            value = (relative_year(value[0], base), value[1]) if base is not None else None
        if value is None and spec.name == "period":
            value = _three_months_ending(s, offset, spec.values)
        if value and spec.name == "period" and value[0] in RELATIVE_QUARTERS:
            value = _relative_quarter(s, spec.values, value, article)
        if value:
            found.append(ContextValue(spec.name, value[0], value[1]))
        elif spec.default:
            found.append(ContextValue(spec.name, spec.default, "default"))
    found = _prior_of_its_own_year(rule, s, offset, found)
    found = _fiscal_year(rule, s, found)
    found = _own_time_sets_the_period(s, offset, found)
    found = _year_alone_is_full_year(rule, s, offset, found)
    found = _month_alone_is_the_period(rule, s, offset, found)
    found = _year_so_far(rule, s, offset, article, found)
    found = _periods_of_a_list(rule, s, offset, found)
    found = _odds_as_read(rule, s, offset, found)
    found = _total_of_its_own(rule, found)
    if rule.day:
        day = _day(rule, s, offset, article, {c.name: c.value for c in found})
        found = _year_of_day(found, day)
        found = _prior_of_its_own_day(rule, s, offset, found)
        if day.inferred and day.evidence.startswith("publish time") and any(
                c.name == "year" and not day.value.startswith(c.value) for c in found):
            day = ContextValue("day", "", "")  # 2018年…首日收盘市值: not the publish day
        begin = s.clause_at(offset)[0]
        now = begin if _NOW.search(s.text, begin, offset) else 0  # 而如今涨幅: no 收盘 of an earlier clause
        timed = with_time_of_day(day, s, offset, sessions=all(c.name != "session" for c in rule.context), start=now)
        zone = dict(rule.day.timezones).get({c.name: c.value for c in found}.get(rule.day.timezone_from, ""), "")
        # the rule's own session word says when, unless it says "as of writing" (截至发稿, 现报) or is a close
        # word written before the day's close (a midday report's 收报); a context_default states nothing
        stated_session = any(c.name == "session" and c.evidence != "default" and not (
            is_close_word(c.evidence) and close_word_too_early(day, article.published, zone)) for c in found) \
            and not press_time(s.text, offset)
        moving = rule.kind in MOVING_KINDS  # a state (status) is one fact of its day, not a reading
        day = press_snapshot(day, timed, article.published, zone) if moving else timed
        if not moving and not day.value and (words := press_time(s.text, offset)):
            day = as_of_writing(article.published, zone, words)  # 截至发稿，……暂未上线: the state when written
        found.append(as_of_publish(day, article.published, zone) if moving and not stated_session else day)
        if not day.value and rule.day.implied and article.published:
            found.append(written_on(article.published, zone))
    return tuple(c for c in found if c.value)


WRITTEN = "written"  # the publish day of a state that names none: compare keeps it out of later days' groups


def written_on(published: datetime, zone: str) -> ContextValue:
    """The day a source wrote a state it names no day for (正在紧锣密鼓地筹备中 of 10 February): the
    state cannot be of a later day, so compare does not set it against a state others date after it
    (今日宣布…推出, 13 February); it is no qualifier of the rule and groups nothing by itself."""
    local = published.astimezone(ZoneInfo(zone)) if zone else published
    return ContextValue(WRITTEN, local.date().isoformat(), "publish day")


# kinds whose values move during a day (a price, a count so far): read before the close, a snapshot
MOVING_KINDS = ("number", "count", "derived")


# words that point back to the period named last (期内 after 可口可乐公布2024年第四季度业绩。);
# 同期 alone, not 去年同期 (the prior period a value is compared with); not 报告期内, a period of its own
# (the whole reporting period: REPORTING_PERIOD, read by _reporting_period), whose year is not the last one named
PERIOD_ANAPHORA = re.compile(r"(?<![报報]告)期[内內]|(?<![去上年较較比前])同期")
REPORTING_PERIOD = "reporting-period"
_WHOLE_REPORTING_PERIOD = re.compile(r"(?:报告|報告)期[内內间間里裡]")


def _reporting_period(s: Sentence, offset: int, values: Values) -> str:
    """报告期内 (the whole reporting period) before the value, when its sentence names no period (or
    year, for `values` of the year) before the value: a prospectus's three years and some months, a
    report's own span, never the period or year an earlier sentence named last (`而奥克斯在报告期内的利润
    合计为66.45亿元` is no one quarter's). `2024年上半年业绩报告显示，报告期内……` names its period itself."""
    found = _WHOLE_REPORTING_PERIOD.search(s.text, 0, offset)
    if found is None or any(hit[0] < offset for hit in s.hits(values)):
        return ""
    return s.plain[found.start():found.end()]
PERIOD_QUALIFIERS = ("period", "year")
_QUARTERS = ("q1", "q2", "q3", "q4")
# 截至2024年12月31日止3个月 (a Hong Kong filing's quarter): the three months that end a quarter's last day
_THREE_MONTHS_ENDING = re.compile(r"(?:截至|截止)\s*(?:(?:19|20)\d{2}\s*年)?\s*(?P<month>3|6|9|12)\s*月\s*(?P<day>30|31)\s*日?"
                                  r"\s*止?\s*的?\s*(?:3|三)\s*个月")
_QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))


def _three_months_ending(s: Sentence, offset: int, values: Values) -> tuple[str, str] | None:
    """The quarter a `截至…日止3个月` before the value in its sentence names (12月31日 → q4), when the
    rule's period has that quarter: a filing's words for a quarter, as 止六个月 is its half year's."""
    found = next(reversed(list(_THREE_MONTHS_ENDING.finditer(s.text, 0, offset))), None)
    if found is None or (int(found.group("month")), int(found.group("day"))) not in _QUARTER_ENDS:
        return None
    quarter = _QUARTERS[int(found.group("month")) // 3 - 1]
    return (quarter, s.plain[found.start():found.end()]) if quarter in dict(values) else None



def _relative_quarter(s: Sentence, values: Values, value: tuple[str, str], article: Article) -> tuple[str, str] | None:
    """上季/本季 as a quarter: counted from a quarter the sentence names before it (华虹……2024年第四季度……，
    上季度为溢利: q3), else from the publish date (永利中國上季收入 in February: q4)."""
    at = s.plain.find(value[1])
    before = [h for h in s.hits(values) if h[2] in _QUARTERS and h[0] < at]
    if before:
        quarter = _QUARTERS.index(before[-1][2]) + int(value[0].removeprefix("quarter"))
        return _QUARTERS[quarter % 4], value[1]
    return (relative_quarter(value[0], article.published), value[1]) if article.published else None


_COMPARED_WITH_LEAD = re.compile(r"\s*(?:的|为|為)?\s*")  # 较去年的441亿元
_COMPARED_FIGURE_LEAD = re.compile(r"\s*(?:的|为|為|报|報)?\s*")  # 较上日报7.1699 too
_MULTIPLE = re.compile(r"[\d０-９.,]+\s*倍|[一二两兩三四五六七八九十百千几幾数數]+\s*倍")


def _compared_with(s: Sentence, offset: int) -> str:
    """The comparison phrase a value closes, when it is what another is compared with:
    in `较上年同期的441亿元增长11.06%` 441亿 is the prior period's figure, whatever the
    statement's lead-in (预计) says of the others. A multiple is the comparison's result, never
    the figure compared with (`自动驾驶比人开车安全10倍`)."""
    if _MULTIPLE.match(s.text, offset):
        return ""
    closed = _comparison_closed_by(s, offset, _COMPARED_WITH_LEAD)
    return s.plain[closed[0]:closed[1]] if closed else ""


def clause_opens_comparison(s: Sentence, offset: int) -> bool:
    """Whether the value at `offset` closes a comparison phrase that opens its clause (`，比2023年的4009亿元，`,
    `，较去年季度9.83亿美元增加4%`): the figure compared with, restating the clause before's line item."""
    begin, _ = s.clause_at(offset)
    closed = None if _MULTIPLE.match(s.text, offset) else _comparison_closed_by(s, offset, _COMPARED_WITH_LEAD)
    return closed is not None and _OPENS_COMPARISON.fullmatch(s.text, begin, closed[0]) is not None


_OPENS_COMPARISON = re.compile(r"\s*同?")  # 同比2023年的441亿元: 同比's 比 opens the phrase


# between a comparison phrase and the figure it closes: 的 (or none, the phrase's own), then at most the figure's line item (高於2023年修訂後的
# 增長1.8%, 较2023年的营收441亿元), no break, figure or second 的
_COMPARED_ITEM_LEAD = re.compile(r"\s*(?:的\s*[^，,。；;：:、\d的]{0,6})?")  # the phrase may end with its 的
_WRITTEN_YEAR = compiled_on_use(r"((?:19|20)\d{2})\s*(?:年|财年|財年)")  # group 1: the year's digits


def _year_compared_with(s: Sentence, offset: int, values: Values) -> tuple[str, str] | None:
    """(year, word) of a figure that closes a comparison phrase naming a year in digits: in
    `2024年全年經濟增長率為4.4%，高於2023年修訂後的增長1.8%` the 1.8% is 2023's (the figure compared
    with), not 2024's; in `较2023年的441亿元` 441亿 is 2023's. A change after the phrase
    (`较2023年增长5%`) is the compared value's own, and a year said in words (较去年同期的) is left to the
    reading of its measure (`prior`)."""
    phrase = next(((start, end) for start, end in s.comparisons
                   if end <= offset and _COMPARED_ITEM_LEAD.fullmatch(s.text, end, offset)), None)
    if phrase is None:
        return None
    years = [h for h in s.hits(values) if phrase[0] <= h[0] < phrase[1] and _WRITTEN_YEAR.match(s.text, h[0])]
    return (years[-1][2], years[-1][1]) if years else None


def _prior_of_its_own_year(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A figure compared with that its comparison dates by a year in digits (`比2023年的4009亿元`) is that
    year's own figure, as that year's report gave it: its measure is the rule's default (actual), not
    `prior`, so it meets `2023年营收4009亿` and never `2023年营收4009亿，较上年同期的3286亿元`'s 3286亿 (the year
    before 2023's, `prior` in 2023). As `_prior_of_its_own_day` does for a day."""
    years = next((spec.values for spec in rule.context if spec.name == "year"), None)
    if years is None or _year_compared_with(s, offset, years) is None:
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
    closed = _comparison_closed_by(s, offset, _CHANGE_AFTER_COMPARISON)
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


CUMULATIVE = "cumulative"  # the measure of a total summed up to a point (累计, cumulative: data/qualifiers.yaml)


def _total_of_its_own(rule: RuleBase, found: list[ContextValue]) -> list[ContextValue]:
    """A 累计 figure that is the figure itself, not another measure: in a rule about such a total
    (`_about_a_total`: 累计票房), or summed over a period or year its sentence names (`2024年，南向资金累计
    买入及卖出成交额……较2023年增长近六成` is the year's turnover; `今年以来累计零售` the year so far's).
    It takes the measure's default, as an unmarked figure does."""
    if not any(c.name == "measure" and c.value == CUMULATIVE for c in found):
        return found
    if not _about_a_total(rule) and not any(c.name in PERIOD_QUALIFIERS and c.value for c in found):
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" else c for c in found]


def _about_a_total(rule: RuleBase) -> bool:
    """Whether the rule is about a total summed up to a point: `running: true` (a box office so far),
    or a cue naming it (`累计销量`). Its 累计 figures are the figure itself, not another measure."""
    cumulative = dict(next((spec.values for spec in rule.context if spec.name == "measure"), ())).get(CUMULATIVE, ())
    cue = str(getattr(rule, "cue", ""))
    return bool(getattr(rule, "running", False)) or any(word in cue for word in cumulative)


def _measure_compared_with(values: Values, baseline: str, s: Sentence, offset: int,
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


def _comparison_closed_by(s: Sentence, offset: int, lead: re.Pattern[str]) -> tuple[int, int] | None:
    """The comparison phrase the value at `offset` comes right after (only `lead` between them)."""
    return next(((start, end) for start, end in s.comparisons
                 if end <= offset and lead.fullmatch(s.text, end, offset)), None)


# 截至2022年、2023年及2024年3月31日止年度: years of a fiscal year that ends on that day
_FISCAL_END = re.compile(r"\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*止\s*(?:的)?\s*(?:年度|财政年度|財政年度|财年|財年)")
_YEAR_WORD = re.compile(r"((?:19|20)\d{2})\s*年(?!度)")
_YEAR_RUN = re.compile(r"\s*(?:、|,|，|和|及|以及|与|與)\s*((?:19|20)\d{2})\s*年")


def _fiscal_end(s: Sentence, year_end: int) -> tuple[int, int] | None:
    """(month, day) a fiscal year ends on when the year written ending at `year_end` is one of a
    `截至2022年、2023年及2024年3月31日止年度` run (the end date after the run's last year)."""
    at = year_end
    while (more := _YEAR_RUN.match(s.text, at)) is not None:
        at = more.end()
    end = _FISCAL_END.match(s.text, at)
    return (int(end.group(1)), int(end.group(2))) if end else None


def _fiscal_year(rule: RuleBase, s: Sentence, found: list[ContextValue]) -> list[ContextValue]:
    """A year of a `截至…M月D日止年度` run: a fiscal year (FY2024, its full year) unless it ends on
    31 December (the calendar year 2024, full year). The fiscal year is named by the year it ends in,
    as 2024财年 and FY2024 are."""
    year = next((c for c in found if c.name == "year" and c.value.isdigit()), None)
    if year is None:
        return found
    match = next((m for m in _YEAR_WORD.finditer(s.text) if s.plain[m.start():m.end()] == year.evidence), None)
    ends = _fiscal_end(s, match.end()) if match else None
    if ends is None:
        return found
    value = year.value if ends == (12, 31) else f"FY{year.value}"
    kept = [c for c in found if c.name not in ("year", "period")]
    period = [ContextValue("period", "full-year", "止年度")] if any(c.name == "period" for c in rule.context) else []
    return [*kept, ContextValue("year", value, year.evidence), *period]


_YEARS_TO = r"(?:至|到|~|～|-|—|–|－)"  # between the two years of a range: 2020年至2023年, 2022—2023年
_YEAR_RANGE = compiled_on_use(r"\s*" + _YEARS_TO + r"\s*$")
# years listed before one written with 年 (2022、2023年, 2021、2022及2023年): each its own year
_BARE_YEARS_LISTED = compiled_on_use(r"(?<![\d.])(?:(?:19|20)\d{2}\s*(?:、|和|及|与|與)\s*)+$")
_BARE_YEAR_FROM = compiled_on_use(r"(?<![\d.])((?:19|20)\d{2})\s*" + _YEARS_TO + r"+\s*$")
# a period right after its year: 2024年前三季度, 2024年的上半年; or after the day it ends on, when
# its word says so: 2024年9月30日止九个月
_PERIOD_OF_YEAR = compiled_on_use(r"\s*(?:的)?\s*$")
_PERIOD_ENDING = compiled_on_use(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*(?:日\s*)?$")  # 日 may open the word: 日的六个月


@cache
def _builtin_years() -> Values:
    return tuple((value, words) for value, words in builtin_words()["year"].items() if value.isdigit())


def _list_periods(rule: RuleBase, s: Sentence, first: int) -> list[tuple[Hit | None, Hit | None]]:
    """The periods a list's lead-in names, in order, each (year word, period word): the words
    before the list in its statement (after the last ；), a year range (2020年至2023年) counting
    each year, a period right after a year (2024年前三季度) one period with it, a period alone
    (…、第二季度) one with the year before it. Dates of events (2025年2月13日) are no period.
    A rule that reads the period and not the year (a count rule's default) still counts the years
    as the list's periods: 于2023年及2024年前九个月……74亿杯及71亿杯 gives 74亿 the full year.

    A year before another figure is that figure's: in `截至2024年9月底，……擁有超過4.5萬家門店，……
    於2023年其市場內地及全球市佔率分別為11.3%及2.2%` the list's lead-in is `於2023年…`, not 2024
    and 2023 paired with the two shares. Only when the words after the last figure name no period
    does the list share the statement's (`2022—2023年，营业收入分别为2.56亿元、3.11亿元，净利润分别为…`)."""
    statement = statement_start(s, first)
    after_figure = max([statement, *(m.end() for m in _FIGURE.finditer(s.text, statement, first)
                                     if not _is_year(m.group(1)))])
    own = _periods_between(rule, s, after_figure, first)
    return own if own or after_figure == statement else _periods_between(rule, s, statement, first)


# a figure (4.5萬家, 11個國家, 3.11亿元): digits not ending a date or a period (2024年, 3月31日, 2022—2023年)
_FIGURE = re.compile(r"(?<![\dA-Za-z.])(\d[\d,.]*)(?=\s*(?:[万萬亿億千百]\s*)*"
                     r"(?![\s\d,.年月日号號季周週—–\-~至到、]|财年|財年|[个個]月))")


def _is_year(digits: str) -> bool:
    return digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) < 2100


def _periods_between(rule: RuleBase, s: Sentence, start: int, first: int) -> list[tuple[Hit | None, Hit | None]]:
    """The periods named in s.text[start:first], in order, as `_list_periods` pairs them."""
    year_spec = next((c.values for c in rule.context if c.name == "year"), _builtin_years())
    period_spec = next((c.values for c in rule.context if c.name == "period"), None)

    def words(values: Values | None) -> list[Hit]:
        if values is None:
            return []
        return [h for h in s.qualifier_hits(values) if start <= h[0] < first]

    years = [h for h in words(year_spec) if _YEAR_VALUE.fullmatch(h[2]) and not _event_date(s, h)]
    periods = words(period_spec)
    span_at, counted = _counted_years(s, year_spec, start, first)
    if counted and not [h for h in years if h[0] >= span_at] and len(periods) <= 1:
        # 截至2024年3月31日的全年，……上两个年度运营利润分别为…: 2022, 2023, the lead-in's 2024 counted from
        return [(year, periods[0] if periods else None) for year in counted]
    items: list[tuple[Hit | None, Hit | None]] = []
    last_end = -1
    for hit in sorted([(h, "year") for h in years] + [(h, "period") for h in periods]):
        (pos, word, value), kind = hit
        if kind == "year":
            previous = items[-1][0] if items else None
            bare = _BARE_YEAR_FROM.search(s.text, start, pos)  # 2022—2023年: the first year without 年
            listed = _BARE_YEARS_LISTED.search(s.text, start, pos)  # 2022、2023年: each year of the list
            if bare is None and listed is not None and (previous is None or previous[0] < listed.start()):
                items.extend(((y.start(), y.group(1), y.group(1)), None)
                             for y in re.finditer(r"((?:19|20)\d{2})", listed.group(0)))
            if bare is not None and bare.end() == pos and (previous is None or previous[0] < bare.start()):
                low, high = int(bare.group(1)), _year_number(value)
                if 0 < high - low <= 12:  # 2022至2024财年: FY2022, FY2023 and FY2024
                    span = s.plain[bare.start():pos + len(word)]
                    items.extend(((bare.start(), span, _like(value, y)), None) for y in range(low, high))
            elif previous is not None and items[-1][1] is None and _YEAR_RANGE.fullmatch(s.text, last_end, pos):
                low, high = _year_number(previous[2]), _year_number(value)
                if 0 < high - low <= 12:  # 2020年至2023年, 2022财年至2024财年: each year of it
                    span = s.plain[previous[0]:pos + len(word)]
                    items.extend(((previous[0], span, _like(value, y)), None) for y in range(low + 1, high))
            items.append(((pos, word, value), None))
        elif items and items[-1][1] is None and items[-1][0] is not None \
                and (_PERIOD_OF_YEAR.fullmatch(s.text, last_end, pos)
                     or (word.startswith(("止", "日")) and _PERIOD_ENDING.fullmatch(s.text, last_end, pos))):
            items[-1] = (items[-1][0], (pos, word, value))
        else:
            items.append((items[-1][0] if items else None, (pos, word, value)))
        last_end = pos + len(word)
    return items


# a year's value as the list reads it: a calendar year (2024) or a fiscal one (FY2024)
_YEAR_VALUE = compiled_on_use(r"(?:FY)?(?:19|20)\d{2}")


def _year_number(value: str) -> int:
    return int(value.removeprefix("FY"))


def _like(value: str, year: int) -> str:
    """`year` written as `value` is: FY2023 beside FY2024, 2023 beside 2024."""
    return f"FY{year}" if value.startswith("FY") else str(year)


def _counted_years(s: Sentence, year_spec: Values, start: int, first: int) -> tuple[int, list[Hit]]:
    """Where the counted span of the lead-in starts and the years it names (`counted_years`), each as
    the year word the sentence counts them from is valued (FY2022 beside FY2024); (-1, []) without."""
    counted = counted_years(s.text, start, first)
    if counted is None:
        return -1, []
    reference = next((h[2] for h in s.qualifier_hits(year_spec)
                      if h[0] == counted.reference_at and _YEAR_VALUE.fullmatch(h[2])), str(counted.reference))
    word = s.plain[counted.span.start:counted.span.end]
    return counted.span.start, [(counted.span.start, word, _like(reference, y)) for y in counted.years]


def _event_date(s: Sentence, hit: Hit) -> bool:
    """2025年2月13日公布: a year inside a day's date dates an event, unless it ends a period (截至…, …止)."""
    return event_date(s.text, hit[0], hit[0] + len(hit[1]))


# a list of year-on-year changes: N periods give N-1 of them, the first period having none to compare with
_YEAR_ON_YEAR_LEAD = compiled_on_use(r"(?:同比|按年|较上年|較上年|年增)[^，,。；;：:]{0,8}?(?:分别|分別)?"
                                     r"[^，,。；;：:]{0,4}$")


def _periods_of_a_list(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A value of a list (分别为A、B、C) takes the i-th period of a lead-in naming as many as there are
    values; with several named but not as many, its year and period are unknown (the year reads as the
    span, 2020–2024, so it is never taken for one year's figure); with one or none, as read."""
    listed = value_list(s, offset, getattr(rule, "units", ()))
    if listed is None or not any(c.name in PERIOD_QUALIFIERS for c in rule.context):
        return found
    index, count, first = listed
    items = _list_periods(rule, s, first)
    if len(items) < 2 and PERIOD_ANAPHORA.search(s.text, 0, first) and _points_to_several(rule, s):
        # 上述报告期内……分别为6463万元、6793万元、1.93亿元、1.12亿元: the periods of the report, as many as
        # the values, not the one named last in the article
        return [c for c in found if c.name not in PERIOD_QUALIFIERS or c.evidence in s.plain]
    if len(items) < 2:
        if any(c.name == "period" and c.value == REPORTING_PERIOD for c in found):
            # 报告期内……分别为12.96亿元、17.09亿元、17.28亿元和9.88亿元: each value is one period of it, unnamed
            return [c for c in found if c.name != "period"]
        return found
    kept = [c for c in found if c.name not in PERIOD_QUALIFIERS]
    if len(items) == count + 1 and _YEAR_ON_YEAR_LEAD.search(s.text, s.clause_at(first)[0], first):
        items = items[1:]  # 2021年至2023年及2024年9月末……期间同比分别增长A、B、C: the first period has no growth
    if len(items) != count and len({y[0] for y, _ in items if y is not None}) == 1 and items[0][0] is not None \
            and counted_span(s.text, items[0][0][0], items[0][0][0] + len(items[0][0][1])) is not None:
        return found  # 持货近6年……蚀让约84.4万元或28%: a counted span that is not the list's periods
    if len(items) != count:
        years = sorted({y[2] for y, _ in items if y is not None})
        if not years or all(spec.name != "year" for spec in rule.context):
            return kept  # qualifiers: [period, measure]: no year, not even the span
        return [*kept, ContextValue("year", f"{years[0]}–{years[-1]}", f"{years[0]}…{years[-1]}")] \
            if len(years) > 1 else [*kept, ContextValue("year", years[0], years[0])]
    year, period = items[index]
    ends = _fiscal_end(s, year[0] + len(year[1])) if year and not period else None
    fiscal = ends is not None and ends != (12, 31)
    paired = [ContextValue("year", f"FY{year[2]}" if fiscal and year[2].isdigit() else year[2], year[1])] if year else []
    if period:
        paired.append(ContextValue("period", period[2], period[1]))
    elif year and not rule.day and (ends is not None
                                    or not re.match(r"\s*\d{1,2}\s*月", s.text[year[0] + len(year[1]):])):
        paired.append(ContextValue("period", "full-year", year[1]))  # a year, no part of it named
    names = {spec.name for spec in rule.context}
    return [*kept, *(c for c in paired if c.name in names)]


def _points_to_several(rule: RuleBase, s: Sentence) -> bool:
    """Whether the period 期内/同期 points back to was named in a lead-in naming several periods
    (截至2022年3月31日、2023年3月31日、2024年3月31日的三个财年，以及截至2024年9月30日止的六个月):
    the report's periods, not the last one alone. One period named (2024年第四季度) is the one meant."""
    spec = next((c.values for c in rule.context if c.name == "period"), None)
    earlier = s.earlier
    while spec is not None and earlier is not None:
        hits = earlier.qualifier_hits(spec)
        if hits:
            pos, word, _ = hits[-1]
            return len(_periods_between(rule, earlier, statement_start(earlier, pos), pos + len(word))) > 1
        earlier = earlier.earlier
    return False


def statement_start(s: Sentence, offset: int) -> int:
    """Where the statement holding `offset` starts: after the last ；/; before it (a ；ends a statement)."""
    return max(s.text.rfind("；", 0, offset), s.text.rfind(";", 0, offset)) + 1  # -1 + 1: none, the start


_EVERY_PERIOD = re.compile(r"(?:每|各|逐)[个個一]?(?:季度|季|个月|個月|月|半年)")


# after a year, a month or another part of it (2024年12月, 2024年最后几个月, 2024年底, 去年年末, 2024年年初)
# (同期: the same part of that year as the value it is set against, 由2023年同期盈利7020万元变为亏损: not all of it)
_PART_OF_A_YEAR = (r"\s*(?:(?:[\d０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月|的?\s*(?:最后|最後|最初|头|頭|年?(?:末|底|初)|年中"
                   r"|同期))")


def _own_time_sets_the_period(s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A period or year read from an earlier sentence is not the value's when its own sentence says
    when it is, before the value: a year (`2023年`, `去年`), a point (`2024年6月末`, `年底`), a day
    (`当天`, `今日`, `本周`) or now (`目前`, `截至目前`, `如今`); in English, anywhere in the sentence
    (`$40 billion revenue for FY2026`, `in 2023`, `today`).

    In `2024年上半年收入1.24亿元……。2023年，CDMO业务收入7069.90万元，同比下降22.17%` the half
    year is 2024's: the 2023 figure is the full year's (`_year_alone_is_full_year`); in
    `……前三季度……。目前王长田……间接持股5.53%` the stake is today's, not the nine months'; in
    `当天收盘，可口可乐上涨4.73%` the move is the day's, not the full year's of the sentence before.
    A word inside a comparison phrase (较2023年) says what the value is compared with, not when it
    is. 同期 and 期内 point back to the period on purpose (`同期仅收入1966.79万元`): they keep it."""
    carried = [c for c in found if c.name in PERIOD_QUALIFIERS and c.evidence not in s.plain]
    if not carried or PERIOD_ANAPHORA.search(s.text, 0, offset):
        return found
    own = list(_OWN_TIME.finditer(s.text, 0, offset))
    if not _HAN.search(s.text):  # English says when after the value as often (… revenue for FY2026)
        own += list(_OWN_TIME_ENGLISH.finditer(s.text))
    if not any(not in_comparison(s.comparisons, m.start()) for m in own):
        return found
    return [c for c in found if c not in carried]


# English words that say when a value is, anywhere in its sentence: a year, a fiscal year, a day, now
_OWN_TIME_ENGLISH = compiled_on_use(r"(?<![A-Za-z0-9$.,])(?:(?:19|20)\d{2}(?![\d.,%])|FY\s?\d{2,4}|(?i:fiscal)\s(?:year\s)?\d{4})"
                                    r"|(?<![A-Za-z])(?i:today|yesterday|this week|last week|currently|now)(?![A-Za-z])")


# words saying a value is as of now (matched on folded text): one list for the period a value
# carries (`_own_time_sets_the_period`) and the day it is dated by (`_NOW`)
# (the press-time words of session.py and the plain adverbs of now)
_NOW_WORDS = "|".join(("如今", "目前", "现在", "眼下", "当前", "迄今", *AS_OF_NOW, *AS_OF_WRITING))
# words that say when a value is: a year, a point of a year or month, a day, now
_OWN_TIME = re.compile(r"(?:19|20)\d{2}\s*(?:年|财年)|FY\d{2,4}|[去今明上本]年|[年月](?:末|底)|当天|当日|今日|今天|昨日|"
                       r"昨天|本周|上周|" + _NOW_WORDS)


# the odds of an event: a figure after them is a probability, read from a tool or a market
_ODDS = compiled_on_use(r"可能性|概率|几率|幾率|机率|機率|机会率|機會率")


def _odds_as_read(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A forecast word before the odds of an event is the event's, not the figure's: in
    `Fed Watch工具预测，美联储……维持利率不变的可能性为85.5%` and `市场预计日本央行在7月前加息的可能性为78%`
    the probability is what the tool or the market reads now, as `Fed Watch工具显示……可能性为90%` is, so the
    two are one measure (the rule's default, if it names one)."""
    forecast = next((c for c in found if c.name == "measure" and c.value == "forecast"), None)
    if forecast is None:
        return found
    at = s.plain.rfind(forecast.evidence, 0, offset)
    if at < 0 or not _ODDS.search(s.text, at + len(forecast.evidence), offset):
        return found
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c is forecast else c
            for c in found if c is not forecast or default]


def _year_alone_is_full_year(rule: RuleBase, s: Sentence, offset: int,
                             found: list[ContextValue]) -> list[ContextValue]:
    """去年盈利106.31亿元, 2023年营收4009亿: a figure for a year, no part of it named, is the full year's.

    Not for a value a rule dates (a point in time), nor for a month or part of the year (2024年12月,
    2024年底), nor for a year only an earlier sentence names."""
    names = {c.name for c in found}
    if _EVERY_PERIOD.search(s.text, 0, offset):
        return found  # 2024年每一季度……分别为21%、20%: quarters of the year, not the full year
    if rule.day or "year" not in names or "period" in names or all(spec.name != "period" for spec in rule.context):
        return found
    year = next(c for c in found if c.name == "year")
    if year.evidence not in s.plain:
        return found  # 今年 in an earlier sentence: 2月以来的涨幅 is the year's, not necessarily all of it
    if re.search(re.escape(year.evidence) + _PART_OF_A_YEAR, s.text):
        return found  # 2024年12月, 在2024年最后几个月累计降息1个百分点: a part of the year, not all of it
    return [*found, ContextValue("period", "full-year", year.evidence)]


# 本年度, 本财年: "this year" of what is reported — the year a results sentence or paragraph names, as 上年
# counts from it (今年 and a bare 本年, `警队本年的工作重点`, are the writer's year: the publish date's)
_OF_THE_REPORT = compiled_on_use(r"本年度|本财年|本財年")
# a year named as a reporting period (2024年全年, 2024年度, 2024财年, 2024年业绩): what a paragraph reports on
_REPORTED_YEAR = compiled_on_use(r"((?:19|20)\d{2})\s*(?:年\s*全年|年度|财年|財年|年\s*(?:的)?\s*(?:业绩|業績|年报|年報|财报|財報))")


def _reported_year(s: Sentence, values: Values, word: str, offset: int) -> int | None:
    """The year 本年度/本财年 means: the last year in digits before it in its sentence (outside a comparison:
    `2024年全年，收益净额为40亿美元……；及本年度的分部经调整EBITDAR为11亿美元` is 2024's, not the publish year's),
    else the last year an earlier sentence of the paragraph names as a reporting period (2024年全年, 2024年度业绩);
    None when neither does."""
    hits = s.qualifier_hits(values)
    at = next((h[0] for h in reversed(hits) if h[1] == word and h[0] < offset), None)
    if at is None or not _OF_THE_REPORT.match(s.text, at):
        return None
    before = [h[2] for h in hits if h[0] < at and not in_comparison(s.comparisons, h[0])
              and _WRITTEN_YEAR.match(s.text, h[0])]
    if before:
        digits = before[-1].removeprefix("FY")
        return int(digits) if digits.isdigit() else None
    earlier = s.previous
    while earlier is not None:
        named = list(_REPORTED_YEAR.finditer(earlier.text))
        if named:
            return int(named[-1].group(1))
        earlier = earlier.previous
    return None


def _relative_year_base(s: Sentence, values: Values, word: str, offset: int, article: Article) -> int | None:
    """The year a relative year word counts from (`year_counted_from`): for 上年, 上一年(度), 下一年, the year the sentence names
    last before it (`预计2024年……，而该公司上一年度净亏额` is 2023's, `2024年四季度净利润达4.6亿美元，而上年同期
    亏损3.5亿美元` 2023's; 去年 counts too: `截至去年12月底止第四季，……上年同期` is the year before 去年),
    else, as for 去年/今年/明年, the publish year. Another 上年 before it is no year to count from
    (`2023年……，上年同期仅为12.94亿元，……上年同期仅为0.95亿元`: both 2022)."""
    published = article.published.year if article.published else None
    if word.startswith(("本年", "本財年", "本财年")):
        return _reported_year(s, values, word, offset) or published
    hits = s.qualifier_hits(values)
    at = next((h[0] for h in reversed(hits) if h[1] == word and h[0] < offset), None)
    same_period = word == "去年" and at is not None and s.text.startswith("同期", at + len(word))
    if not word.startswith(COUNTED_FROM_CONTEXT) and not same_period:
        return published
    before = [h[2] for h in hits if at is not None and h[0] < at and not in_comparison(s.comparisons, h[0])
              and not h[1].startswith(COUNTED_FROM_CONTEXT)]
    if same_period and not before and at is not None:
        return _year_of_the_period_before(s, at) or published
    return year_counted_from(before, published)


# the precisions of a part of a year a sentence reports on (第四季度, 上半年, 前三季度, 1月)
_PART_OF_YEAR = ("quarter", "half-year", "range", "month")


def _year_of_the_period_before(s: Sentence, at: int) -> int | None:
    """The year of the part of a year the sentence names before 去年同期 at `at`, counted from the
    publish day (第四季度 in February is last year's): 去年同期 is the same period a year before that
    one, not a year before the publish year (`Robinhood公布第四季度业绩，……而去年同期的净利润仅为3000万美元`
    published in February 2025 is Q4 2023, as `2023年同期为3000万美元` says); None when none is named."""
    spans = [d for d in s.dates if d.end <= at and d.value.precision in _PART_OF_YEAR]  # read once a sentence
    return spans[-1].value.end.year if spans else None


def _month_alone_is_the_period(rule: RuleBase, s: Sentence, offset: int,
                               found: list[ContextValue]) -> list[ContextValue]:
    """1月新增贷款, 2025年1月生猪销量, 1月份销量: a month named with no day is the period its figure covers,
    `month-01`, so January's figure is compared only with January's (and a year's or February's is
    another figure). Read from the last date before the value in its sentence, outside a comparison
    phrase (较去年12月), when no period word is read; a month and day (1月20日) is a day, 1月底 a part
    of a month and a futures contract's month (4月原油期货) no time of the figure: none is a period."""
    if all(spec.name != "period" for spec in rule.context) or any(c.name == "period" for c in found):
        return found
    before = [d for d in s.dates if d.end <= offset and not in_comparison(s.comparisons, d.start)]
    if (not before or before[-1].value.precision != "month" or not _NAMES_A_MONTH.search(before[-1].value.raw)
            or _CONTRACT_MONTH.match(s.text, before[-1].end)):
        return found  # 去年末 is read as December, but names the year's end, a point
    month = before[-1]
    if not _month_dates_the_figure(s, month, offset):
        return found
    return [*found, ContextValue("period", f"month-{month.value.start.month:02d}", s.plain[month.start:month.end])]


def _month_dates_the_figure(s: Sentence, month: DateSpan, offset: int) -> bool:
    """Whether a month before a value is the time its figure covers: not a start (自2024年1月以来, 从1月起),
    an as-of point (截至2025年1月) or the month of an event or a saying (在1月发布的财报显示, 上个月表示,
    将于3月); and only in the value's clause, a lead-in of its own (`2025年1月，`) or a clause that
    names a line item or a figure (`1月份全球市场黄金日平均交易量为2640亿美元，环比增长20%`), not an
    event's (`特朗普1月上任后，…`)."""
    if (_is_baseline(s.text, month) or _MONTH_AS_OF.search(s.text, max(0, month.start - 4), month.start)
            or _AFTER_A_START.match(s.text, month.end)):
        return False
    if _ONE_DAY_MOVE.search(s.text, s.clause_at(offset)[0], offset):
        return False  # 英伟达1月遭遇DeepSeek冲击，股价一度暴跌17%: a day's move, the month dates the event
    begin, end = s.clause_at(month.start)
    if REPORTING.search(s.text, month.end, min(end, offset)) or COMING.search(s.text, begin, month.start):
        return False
    if begin <= offset < end:
        return True
    if _ONLY_A_TIME.fullmatch(s.text[begin:month.start] + s.text[month.end:end]):
        # a lead-in of its own, unless what it dates is an announcement before the value
        # (而去年10月，…就宣布将联合投资63亿英镑: the month of 宣布, not the investment's period)
        return REPORTING.search(s.text, end, offset) is None
    return (_FIGURE.search(s.text, month.end, end) is not None
            or any(month.end <= pos < end for pos, _, _ in s.qualifier_hits(_builtin_line_items()))
            or _leads_into_the_figure(s, month, offset))


def _leads_into_the_figure(s: Sentence, month: DateSpan, offset: int) -> bool:
    """A month in the clause right before the value's, a clause of no figure that says what the month
    was like, dates the figure the next clause states (`1月美国就业增长放缓，但失业率降至4.0%`,
    `1月非农就业显示就业依然强劲，失业率降至4%`): unless the clause gives an event's time, 在/于 before
    the month (`于1998年5月发起设立`), 的 after it (`在2023年8月的钉钉生态大会上`) or a time clause
    ending in 后, 时, 上 … (`特朗普1月上任后`, `在12月FOMC会议上`)."""
    clause = s.clause_at(month.start)
    if s.clause_before(offset) != clause:
        return False
    begin, end = clause
    return not (_EVENT_TIME_BEFORE.search(s.text, begin, month.start) or _EVENT_OF_MONTH.match(s.text, month.end)
                or _TIME_CLAUSE_END.search(s.text[begin:end].rstrip(_CLAUSE_MARKS))
                or _NOT_THE_MONTHS_OWN.search(s.text, begin, month.start) or _NOW.search(s.text, begin, end))


@cache
def _builtin_line_items() -> Values:
    """Every line item's built-in words, whatever the rule reads: a clause naming one states a figure."""
    return tuple(builtin_words()["metric"].items())


# a figure of one day or a moment of it (一度暴跌17%, 盘中大涨, 单日跌幅, 当日收跌: zh.yaml one_day), in the
# value's clause before it: no month is its period (review #6)
_ONE_DAY_MOVE = compiled_on_use("|".join(map(re.escape, ZH.one_day)))
# a month that gives an event's time, not a period's: 于1998年5月, 在2023年8月的…大会上, 1月上任后
_EVENT_TIME_BEFORE = compiled_on_use(r"[在于於][^，,；;：:]{0,4}$")
_EVENT_OF_MONTH = compiled_on_use(r"\s*份?\s*(?:的|在|于|於)")
# nor a month that ends a span (从去年10月到今年1月) or is compared with (跌幅与12月持平), nor a clause about now
_NOT_THE_MONTHS_OWN = compiled_on_use(r"(?:[到至—–\-~]|[与與和跟同较較比])\s*$")
_TIME_CLAUSE_END = compiled_on_use(r"(?:后|後|前|时|時|之际|之際|期间|期間|以来|以來|上|中|内|內|间|間)$")
_CLAUSE_MARKS = " ，,；;：:、。！？!?"
_MONTH_AS_OF = compiled_on_use(r"(?:截至|截止)\s*$")  # 截至2025年1月: a running total up to a point
_AFTER_A_START = compiled_on_use(r"\s*份?\s*(?:初|底|末|中)?\s*(?:以来|以來|起|至今|开始|開始|[之以]?(?:后|後))")
# the clause is the time alone, a lead-in: 2025年1月，整个1月，仅1月，而在2019年12月，
_ONLY_A_TIME = re.compile(r"[\s，,]*(?:而|但|但是|不过|不過|同时|同時|此外|另外)?[\s在于於份整个個仅僅，,]*")
_NAMES_A_MONTH = re.compile(r"月|[A-Za-z]")  # 1月, 上月, 一月份, January; not 去年末
# a futures contract is named by its delivery month (布伦特4月原油期货, 3月交割的, 5月合约): no period of a figure
_CONTRACT_MONTH = re.compile(r"[^，,。；;：:\d]{0,6}?(?:期货|期貨|合约|合約|交割)")
_YEAR_BEFORE_START = compiled_on_use(r"((?:19|20)\d{2})\s*$")


def _year_so_far(rule: RuleBase, s: Sentence, offset: int, article: Article,
                 found: list[ContextValue]) -> list[ContextValue]:
    """The year of a figure for the year so far (年内已涨超10%, 今年以来, 2025年初至今): the year written
    right before 年初, else the publish year; never a year another clause names (黄金价格在2024年40次创下
    新高，2025年初至今涨幅达10% is 2025's gain so far, not 2024's full year)."""
    period = next((c for c in found if c.name == "period"), None)
    if period is None or period.value != "ytd":
        return found
    at = s.plain.rfind(period.evidence, 0, offset)
    if period.evidence not in s.plain:  # 今年以来……。2月以来的涨幅达到6%: a span said before, not this value's
        return [c for c in found if c is not period]
    if all(spec.name != "year" for spec in rule.context):
        return found
    written = (_YEAR_BEFORE_START.search(s.plain, max(0, at - 6), at)
               if at >= 0 and period.evidence.startswith("年") else None)
    if written is not None:
        year = ContextValue("year", written.group(1), written.group(1) + "年")
    elif article.published:
        year = ContextValue("year", str(article.published.year), period.evidence)
    else:
        return [c for c in found if c.name != "year"]
    return [*(c for c in found if c.name != "year"), year]


def _year_of_day(found: list[ContextValue], day: ContextValue) -> list[ContextValue]:
    """A value dated in its sentence (昨日, 2月10日) is of that day's year, whatever year the paragraph named;
    a year the sentence names itself keeps its own word (2025年2月12日，央行今日: `2025年`, not 今日, which
    names a day and reads as a year only where it changes the one written)."""
    if not day.value or day.evidence.startswith("publish time"):
        return found
    return [ContextValue("year", day.value[:4], day.evidence) if c.name == "year" and c.value != day.value[:4] else c
            for c in found]


def _qualifier(values: Values, scope: str, s: Sentence, offset: int,
               units: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(value, word) for a qualifier, nearest the value first.

    clause/sentence/paragraph: in the clause (before the value first), then before
    the value in the sentence, then in the paragraph's earlier sentences; sentence alone: then in
    a later clause of the sentence when no figure stands between (a source named at its end). head: before
    the value in its clause, then in the lead-in of its statement (the words before
    the first number since the last ；, a count in one of `units` too). run: the last word before the value in the sentence. Words inside
    a comparison phrase (较去年同期, 相较上一轮) never count, except the phrase's own
    opening word (a basis such as 较去年同期)."""
    hits = _outside_of_the_start(s, _outside_notes(s, s.qualifier_hits(values), offset), offset)
    begin, end = s.clause_at(offset)
    begin = max(begin, headline_part_start(s, offset))  # 加拿大1月新增職位勝預期 失業率降至6.6%: 預期 is the jobs'
    listed = value_list(s, offset, units)
    if listed is not None:  # 片方与影院分别为43%与57%: the i-th word goes with the i-th value
        index, count, first = listed
        words = [(pos, pos + len(word)) for pos, word, _ in hits if pos < first]
        run = _last_run(words, s.text, count, _WORD_SEPARATOR) or _last_run(words, s.text, count, _EN_WORD_SEPARATOR)
        if run is not None:
            _, word, value = next(h for h in hits if h[0] == run[index][0])
            return value, word
        if scope == "clause":
            return None  # one word for several values of a per-value qualifier: which one is unknown
    reach = _reach(s, hits, offset)
    if scope == "run":
        before = [hit for hit in hits if reach <= hit[0] < offset]
        if before and _own_line_item_after_break(s, before[-1][0], offset):
            return None  # 經營收入…；經調整後的物業EBITDAR為11.76億元，按年升23.23%: EBITDAR's, not 經營收入's
        return (before[-1][2], before[-1][1]) if before else None
    if scope == "head":
        in_clause = _in_clause(s, hits, offset, begin, end)
        if in_clause:
            _, word, value = min(in_clause)
            return value, word
        # the lead-in of the value's statement (a ；ends one): the words before its first number
        part = max(statement_start(s, begin), headline_part_start(s, begin))
        lead_end = min((q.start for q in s.quantities if q.start >= part), default=len(s.text))
        counted = next(amounts(s.text, units, part, lead_end), None) if units else None
        lead_end = counted.start if counted is not None else lead_end  # 虽然新增14.3万个岗位，低于市场预期，但……
        lead_end = _first_figure(s, part, lead_end)  # 项目预计期限为10年，规模上限为50亿元: 预计 is the term's
        lead = [hit for hit in hits if part <= hit[0] < min(begin, lead_end) and not _another_chain(s, hit, begin)]
        lead = lead or (_framing_lead_in(s, hits) if part > 0 and not _OWN_YEAR.search(s.text, part, offset) else [])
        lead = lead or _expected_just_before(s, hits, part, begin, offset)
        return (lead[-1][2], lead[-1][1]) if lead else None
    purpose = _purpose_word(s, hits, offset, end)
    if purpose is not None:
        return purpose
    clause = _in_clause(s, hits, offset, begin, end)
    if clause:
        _, word, value = min(clause)
        return value, word
    if scope == "clause":
        return None
    before = [hit for hit in hits if reach <= hit[0] < begin and not _another_subjects_word(s, hit[0], offset)
              and not _extreme_of_an_earlier_reading(s, hit, begin, offset)]
    if before:
        return before[-1][2], before[-1][1]
    if scope == "sentence":
        tail = [hit for hit in hits if hit[0] >= end and not _value_between(s, end, s.clause_at(hit[0])[1])]
        return (tail[0][2], tail[0][1]) if tail else None
    if reach > 0:
        return None
    earlier = s.last_hit_before(values)
    return (earlier[2], earlier[1]) if earlier else None


# what may follow a word that frames a whole sentence, in the clause it ends: a verb of showing or saying
# (业绩预告显示，, 公司预计，, 据业绩预告，)
_FRAMES = compiled_on_use(r"\s*(?:显示|表明|指出|称|说|表示|提到|披露)?\s*")


# a statement after ； that names its own year is not the lead-in's (…业绩预告显示，预计2024年…；2023年亏损46.08亿元)
_OWN_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*(?:财|財)?年|去年|上年|前年|今年|明年")


def _framing_lead_in(s: Sentence, hits: list[Hit]) -> list[Hit]:
    """The words of a sentence's opening lead-in that frame all of it, past a `；`: a word ending a
    clause of its own that holds no figure and introduces what follows (`2024年度业绩预告显示，奥浦迈预计年度
    净利润将…下降62.37%；扣非净利润为578.91万元左右` : the 578.91万 is the 预告's too). A word inside the
    first statement's figures (`市场预估0.52美元；单位箱销量增长2%`) frames only its own statement."""
    first = min((q.start for q in s.quantities), default=len(s.text))
    return [(at, word, value) for at, word, value in hits
            if s.clause_at(at)[1] <= first and _FRAMES.fullmatch(s.text, at + len(word), s.clause_at(at)[1])]


def _purpose_word(s: Sentence, hits: list[Hit], offset: int, end: int) -> tuple[str, str] | None:
    """(value, word) for a figure followed by what it is for (`10%用于有关提升研发设施及生产设施的资本开支`):
    the purpose is named by the phrase's head, its last word (资本开支), not by a word modifying it (研发)."""
    figure = s.quantity_at(offset)
    value_end = figure.end if figure is not None else None
    if value_end is None or _FOR_LABEL.fullmatch(s.text, value_end, end) is None:
        return None
    after = [hit for hit in hits if value_end <= hit[0] < end]
    if not after:
        return None
    _, word, value = max(after, key=lambda hit: hit[0] + len(hit[1]))
    return value, word


# words by which a clause says its figure was read later than an earlier clause's (随后回落至4.36%, 最终收涨10.7%)
_LATER_READING = re.compile("随后|最终|最后|其后|之后|此后|后来")


def _extreme_of_an_earlier_reading(s: Sentence, hit: Hit, begin: int, offset: int) -> bool:
    """Whether the word of `hit` names the day's high or low (a qualifier value in EXTREMES) of an earlier
    clause's own figure, while the value's clause (from `begin`) says when its own figure was read: in
    `盘中一度跌超10%，收盘跌超6%` and `一度升1.4%，收市仅涨0.1%` 一度 is the 10%'s and the 1.4%'s, and the close is
    no high; with no time of its own (`一度升至20000点，涨幅2.5%`) a clause may restate the high."""
    at, _, value = hit
    if value not in EXTREMES:
        return False
    _, clause_end = s.clause_at(at)
    if not any(at < q.start < clause_end for q in s.quantities):
        return False
    return time_before(s.text, begin, offset) is not None or _LATER_READING.search(s.text, begin, offset) is not None


# digits that name a term, not a figure: a bond's or a loan's tenor (10年期国债, 3个月期, the 10-year yield)
_TERM_DIGITS = re.compile(r"\d+\s*(?:年期|个月期|個月期|天期)|\d+-(?:year|month|week|day)\b", re.IGNORECASE)


def _value_between(s: Sentence, start: int, end: int) -> bool:
    """Whether a figure starts between `start` and `end`: a clause after a value that holds none
    (`, according to data compiled by LSEG.`) says where the value comes from; one past another
    figure is that figure's. Digits, not `s.quantities`: a count (101.7 million users) is no quantity;
    but a term's digits are none (`……升至4.62%，美国10年期国债收益率在亚洲市场维持在高位`)."""
    return any(c.isdigit() for c in _TERM_DIGITS.sub("", s.text[start:end]))


def _own_line_item_after_break(s: Sentence, at: int, offset: int) -> bool:
    """Whether a ；stands between a line item at `at` and the value at `offset`, and the value's
    statement opens with a line item of its own before its first figure (`；經調整後的物業EBITDAR為
    11.76億元，按年升23.23%`): that line item, which the rule does not know, is the value's."""
    part = statement_start(s, offset)
    if at >= part:
        return False
    first = min((q.start for q in s.quantities if part <= q.start < offset), default=None)
    if first is None:
        return False
    lead = _time_and_links().sub("", s.text[part:first])  # built on first use
    return len(lead) >= 2


@cache
def _time_and_links() -> re.Pattern[str]:
    """What opens a statement without naming a line item: a period or year (第四季度, 2024年, 去年), a
    basis and a change verb of either language (按年升, 同比增长, `up`), a linking word (其中, 为), punctuation; `；第四季度为115亿美元，同比增长6%`
    and `；按年升3%，預期及前值均為漲2.9%` go on with the line item before (the forecast and prior are the 3%'s)."""
    words = builtin_words()
    times = {w for name in PERIOD_QUALIFIERS for ws in words[name].values() for w in ws}
    bases = {w for ws in words["basis"].values() for w in ws if not w.isascii()}
    changes = {*ZH.up_words, *ZH.down_words}
    alternatives = sorted(set(fold_words(tuple(times | bases | changes))), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives)) + "|" + ZH.change_verb(chinese=False)  # `; up 5%`
                      + r"|(?:19|20)\d{2}\s*年?|其中|[为為是达達约約升降涨跌增减\s，,、：:（）()]")



def _another_subjects_word(s: Sentence, at: int, offset: int) -> bool:
    """Whether the word at `at`, in an earlier clause, says something of that clause's own value or
    named one, someone else than the one the value at `offset` is about: in `台积电的台股股价下滑，
    隔夜美股ADR也走低2.20%，反观英特尔股价上攻超过7%` 台股 and ADR are TSMC's, not Intel's 7%. A word
    of a clause that names no one but a source and holds no value (a lead-in: 在A股市场，, 据猫眼专业版
    2月11日消息，), or about the same one, or about no one known, still reaches the later clause; so does
    one of a clause that names someone else only as the object of an action (辽宁成大持有广发证券A股12.5亿股，)."""
    begin, end = s.clause_at(at)
    own = [q.start for q in s.quantities if begin <= q.start < end]
    # 据猫眼专业版消息，: a source names no subject of its own; 辽宁成大持有广发证券A股12.5亿股，: the
    # object of an action (持有广发证券) is not who the clause is about
    named = [m for m in s.mentions if begin <= m.start < end and not speaks(s, m.start, m.end)
             and not _is_object(s, begin, m, OBJECT_MARKERS)]
    if own:
        theirs = who(s, min(own, key=lambda start: abs(start - at)))
    elif named:
        theirs = named[-1].entity_id
    else:
        return False
    ours = who(s, offset)
    return theirs is not None and ours is not None and theirs != ours


_DIGITS = re.compile(r"\d+")
# a label before a figure in a list a colon opens (增持及数量：京东317万份，阿里巴巴184万份): a name, no figure
_LIST_LABEL = re.compile(r"\s*[^，,。；;：:！？!?\d０-９、（）()]{1,24}?\s*")


# verbs of expecting: they govern their own clause and the clauses that go on without a new subject
_EXPECTING = re.compile(r"预计|預計|预期|預期|估计|估計")


# 预期的22%降幅, 预期为0.52美元: the word labels its own figure (the analysts'), it expects nothing of the clauses after
_LABELS_ITS_FIGURE = compiled_on_use(r"\s*(?:的|为|為|是)")


def _expected_just_before(s: Sentence, hits: list[Hit], part: int, begin: int, offset: int) -> list[Hit]:
    """A verb of expecting in the clause right before the value's, in its statement (after the statement's
    first figure, so no lead-in) that holds an amount or a rate reaches a clause that goes on without a
    subject of its own and names no year before the forecast's: `预计至2025年营收将增长至1.5亿元，2026年进一步增至3亿元` (3亿 is expected too), not
    `预计2024年净利润为90亿元，2023年为63.9亿元` (2023's is stated) nor `…，而该公司上一年度净亏额…` (`_another_chain`),
    nor after a word labelling its own figure (`超过分析师预期的22%降幅，全年营业收入下降51%至16亿欧元` is actual)."""
    previous = s.clause_before(begin) if begin > part else None
    if previous is None or previous[0] < part:
        return []
    expected = [hit for hit in hits if previous[0] <= hit[0] < previous[1] and _EXPECTING.fullmatch(hit[1])
                and not _LABELS_ITS_FIGURE.match(s.text, hit[0] + len(hit[1]))]
    if not expected or _another_chain(s, expected[-1], begin) or _opens_with_a_name(s, begin):
        return []
    if not any(previous[0] <= q.start < previous[1] for q in s.quantities):
        return []  # 项目预计期限为10年，规模上限为50亿元: the verb's figure is a term, no amount, 预计 is the term's
    then = [int(y) for y in _WRITTEN_YEAR.findall(s.text, previous[0], previous[1])]
    here = [int(y) for y in _WRITTEN_YEAR.findall(s.text, begin, offset)]
    return [] if then and here and min(here) < max(then) else expected[-1:]


def _another_chain(s: Sentence, hit: Hit, begin: int) -> bool:
    """Whether a lead-in's verb of expecting (`hit`) stops before the clause at `begin`: a clause
    that opens with a name of its own starts another chain of clauses, which the verb does not
    reach (`OpenAI的首款自研AI芯片预计从 2026 年开始量产，台积电将利用其 3nm 技术为其代工`: the 3nm is no
    forecast). A verb that ends its clause (`预计，` `预计：`) introduces what follows, names and all."""
    at, word, _ = hit
    if _EXPECTING.fullmatch(word) is None:
        return False
    _, clause_end = s.clause_at(at)
    if not s.text[at + len(word):clause_end].strip():
        return False
    return any(_opens_with_a_name(s, start) for start, _ in s.clauses if clause_end < start <= begin)


# what may open a clause before its own subject: spaces, a conjunction (而该公司上一年度……)
_CLAUSE_OPENING = re.compile(r"\s*(?:而且|而|但是|但|并且|並且|同时|同時|且)?\s*")
_THAT_COMPANY = re.compile(r"[该該此](?:公司|集团|集團|企业|企業)")


def _opens_with_a_name(s: Sentence, start: int) -> bool:
    """Whether the clause at `start` opens with a subject of its own: a name, or 该公司 pointing
    back to one (a conjunction such as 而 before it aside)."""
    match = _CLAUSE_OPENING.match(s.text, start)
    at = match.end() if match else start
    return (any(m.start == at for m in s.mentions) or COMPANY_NAME.match(s.text, at) is not None
            or _THAT_COMPANY.match(s.text, at) is not None)


# a figure and then what it goes to (60%用于研发, 及25%用于营运资金): the label after the figure, as a filing
# lists its use of proceeds
_LIST_JOIN = re.compile(rf"\s*(?:{LIST_JOINER}|并|並)?\s*")
_FOR_LABEL = re.compile(r"\s*(?:将|將|拟|擬)?(?:用于|用於|用作|拨作|撥作)[^，,。；;：:！？!?\d０-９]{1,40}?[\s。！？!?…]*")


def _labelled_figure(s: Sentence, clause: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Whether a clause after a colon is a label and one figure and nothing else (`京东317万份`), or one
    figure and what it is for (`10%用于资本开支`), as each item of a list the colon opens is: number
    and count rules read such lists alike."""
    (begin, end), (start, stop) = clause, figure
    if _LIST_LABEL.fullmatch(s.text, begin, start) is not None and not s.text[stop:end].strip(" 。！？!?…"):
        return True
    return _LIST_JOIN.fullmatch(s.text, begin, start) is not None and _FOR_LABEL.fullmatch(s.text, stop, end) is not None


@per_sentence  # every value of a sentence asks (number rules), every cue before a colon (count rules): one pass
def labelled_runs(s: Sentence, figures: tuple[tuple[int, int], ...]) -> dict[int, int]:
    """{clause start: the colon opening its run} for every clause in a run of clauses that each hold a
    label and one of `figures` (spans, first first) and nothing else (`_labelled_figure`), right after a
    colon that ends a clause of its own (`营业收入构成为：酒店客房占比 38.57%，持续加盟服务占比 33.37%`,
    `增持及数量：京东317万份，阿里巴巴184万份`) and going on past commas and semicolons: the one reader of
    such lists, number rules passing their quantities, count rules their amounts.

    A run of figures each followed by what it is for needs no colon: in `其中60%擬用於……研發；約10%用於……
    資本開支；5%用於……，及25%用於營運資金` the clauses after the first are mapped to where the first's
    figure starts, so a cue right before that figure (其中) governs them as a cue before a colon would."""
    runs: dict[int, int] = {}
    colon = -1
    head = -1  # where the first figure of a run of figures-for-a-purpose with no colon starts
    index = 0
    for begin, end in s.clauses:
        while index < len(figures) and figures[index][0] < begin:
            index += 1
        held = 0
        while index + held < len(figures) and figures[index + held][0] < end:
            held += 1
        labelled = held == 1 and _labelled_figure(s, (begin, end), figures[index])
        purpose = held == 1 and _FOR_LABEL.fullmatch(s.text, figures[index][1], end) is not None
        before = s.text[begin - 1] if begin else ""
        if not labelled:
            colon = -1
        elif before in "：:" and begin >= 2 and s.clause_at(begin - 2)[0] < begin - 1:
            colon = begin - 1
        elif before not in "，,；;":
            colon = -1
        goes_on = head >= 0 and labelled and purpose and before in "，,；;"
        if labelled and colon >= 0:
            runs[begin] = colon
        elif goes_on:
            runs[begin] = head
        head = head if goes_on else figures[index][0] if purpose else -1
    return runs


_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d(?!\d)")  # 2024年财报预告: a year, whatever follows it


# the lead of a change's starting figure (由三季度末的 before 62.5万股增加到68万股): its words are that figure's
# (a date in the lead is the starting figure's too: 由2023年同期盈利7020万元变为亏损4.37亿元, 从2023年年末的1308人
# 减少至2024年6月末的1216人: 2023年 dates 7020万 and 1308人 alone; a date is no figure: 从2015年到2021年)
_LEAD_DATE = r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月|\d{1,2}\s*日"
_CHANGE_FROM = re.compile(rf"(?:从|從|由)(?:{_LEAD_DATE}|[^，,。；;：:、\d]){{0,10}}?(?=(?!(?:19|20)\d{2}\s*年)[约約近超逾]?\d[\d.,]*"
                          r"(?![\d.,])(?!\s*[月日号號])\s*[^，,。；;：:、\d]{0,10}?(?:至|到|为|為))")


def _outside_of_the_start(s: Sentence, hits: list[Hit], offset: int) -> list[Hit]:
    """The words of the figure a change starts from are that figure's alone: in `截至去年末，Appaloosa对
    英伟达的持仓由三季度末的62.5万股增加到68万股，对优步科技的持仓由140万股增至150万股` 三季度末 dates 62.5万股,
    neither 68万股 nor Uber's figures (a word after the first figure, 由一季度的5亿增至二季度的8亿, is the
    reached figure's)."""
    if not hits:
        return hits
    leads = [(a, b) for a, b in _change_leads(s) if not b <= offset <= b + 1]
    return [h for h in hits if not any(a <= h[0] < b for a, b in leads)] if leads else hits


@per_sentence  # asked for every value, rule and qualifier: the sentence is searched once
def _change_leads(s: Sentence) -> tuple[tuple[int, int], ...]:
    """(start, end) of each lead of a change's starting figure in the sentence (由三季度末的 …)."""
    if "从" not in s.text and "從" not in s.text and "由" not in s.text:
        return ()
    return tuple(m.span() for m in _CHANGE_FROM.finditer(s.text))


def _first_figure(s: Sentence, start: int, end: int) -> int:
    """Where the clause of the first figure of another kind before `end` (the first amount) begins:
    a number that is no date (a term, a count: 项目预计期限为10年，规模上限为50亿元), whose clause's words
    are its own, so a lead-in stops before them; else `end`."""
    for found in _DIGITS.finditer(s.text, start, end):
        if not _YEAR_NUMBER.fullmatch(found.group()) and not any(d.start <= found.start() < d.end for d in s.dates):
            return max(start, s.clause_at(found.start())[0])
    return end


def _outside_notes(s: Sentence, hits: list[Hit], offset: int) -> list[Hit]:
    """A note in brackets restates the words before it: in `2025财年前四个月（2024年10月至2025年1月）的
    赤字达到了8400亿美元`, the year is 2025财年's, not the note's 2025年. The note's words count only
    when nothing before it names the qualifier."""
    if not hits:
        return hits
    notes = [(a, b) for a, b in _bracket_notes(s) if b <= offset]
    return [h for h in hits if not any(a <= h[0] < b and hits[0][0] < a for a, b in notes)] if notes else hits


@per_sentence  # asked for every value and qualifier: the sentence's brackets are found once
def _bracket_notes(s: Sentence) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ANNOTATION.finditer(s.text)]


def _reach(s: Sentence, hits: list[Hit], offset: int) -> int:
    """How far back a qualifier's words may stand for a value at `offset`: a ；ends a statement, so
    words before it reach the value only when its own statement names no word of the qualifier
    (`……创2016年以来新低；归属于集团的净利润为11.33亿欧元` names no year: the earlier one holds).
    Beyond the sentence (scope paragraph), only when the sentence up to the statement's end names none."""
    start = max(statement_start(s, offset), headline_part_start(s, offset))
    if start == 0:
        return 0
    end = next((i for i in range(offset, len(s.text)) if s.text[i] in "；;"), len(s.text))
    if s.segment.is_title:
        end = next((a for a, _ in headline_gaps(s) if offset <= a < end), end)
    return start if any(start <= pos < end for pos, _, _ in hits) else 0


def headline_part_start(s: Sentence, offset: int) -> int:
    """Where the part of a title holding `offset` starts: after the last headline gap before it, which
    ends a headline's statement as ； does a sentence's; 0 in a sentence that is no title."""
    if not s.segment.is_title:
        return 0
    return max((b for _, b in headline_gaps(s) if b <= offset), default=0)


@per_sentence
def headline_gaps(s: Sentence) -> list[tuple[int, int]]:
    """The spaces of `s.text` that end a headline's statement: between Chinese words (`……逆回购操作 中标利率为1.50%`),
    or after a percentage before a Chinese word (`美國1月CPI按年升3% 高預期`: a space the matching text drops as
    typesetting, here an empty span where it stood)."""
    gaps = [(m.start(), m.end()) for m in _HEADLINE_GAP.finditer(s.text)]
    gaps += [(m.end(), m.end()) for m in _PERCENT_BEFORE_HAN.finditer(s.text)
             if s.raw_span(m.end(), m.end() + 1)[0] > s.raw_span(m.start(), m.end())[1]]
    return sorted(gaps)


def _in_clause(s: Sentence, hits: list[Hit], offset: int, begin: int, end: int) -> list[tuple[int, str, str]]:
    """(distance, word, value) of the words of the value's clause that are about it: every one
    before it, and one after it when it closes the value's statement (增长5%（按年）, 录得
    盈利，为全年) rather than opens the next one's (115亿美元高于预期的108亿美元: 预期 is 108亿's).
    The nearest wins (a word inside the value, its unit 港元, counts from the value's start);
    at equal distance, the one before."""
    figure = s.quantity_at(offset)
    value_end = figure.end if figure is not None else offset
    # a space between Chinese words ends a headline's statement (`……7天期逆回购操作 中标利率为1.50%`):
    # the words after the value up to it are the value's, though the next statement holds a figure
    # (in a title, whatever follows: `美國1月CPI按年升3% 高預期`, 預期 is no measure of the 3%)
    gap = next(((a, b) for a, b in headline_gaps(s) if value_end <= a < end), None)
    if gap is not None and (s.segment.is_title or any(gap[0] <= q.start < end for q in s.quantities)):
        end = gap[0]
    # the level a change reaches is no figure of another statement: in `revenue increased by 5.5% year-over-year
    # to $169.59 billion` the basis between the change and `to` is the 5.5%'s
    later = [q.start for q in s.quantities if value_end <= q.start < end and not change_lead(s.text, q.start) <= offset]
    notes = [(q.end, note.end()) for q in s.quantities if begin <= q.start < end
             and (note := _ANNOTATION.match(s.text, q.end)) is not None]
    own = next(((a, b) for a, b in notes if a == value_end), None)
    # a count is no quantity: its own digits (103.12 million users) are not a figure between it and a word
    number_end = (digits.end() if (digits := _LEADING_NUMBER.match(s.text, value_end)) else value_end)
    found: list[tuple[int, str, str, int]] = []  # (distance, word, value, where the word stands)
    after = False
    for pos, word, value in hits:
        if own is not None and own[0] <= pos < own[1]:  # 11.8%（2023年）: its own note is the value's
            found.append((pos - value_end, word, value, pos))
        elif any(a <= pos < b for a, b in notes):
            continue  # another value's note: 2022年 in 10.2%（2022年） is not 11.8%'s
        elif begin <= pos < offset:
            found.append((offset - pos - len(word), word, value, pos))
        elif offset <= pos < value_end:  # the value's own unit (124.3港元)
            found.append((pos - offset, word, value, pos))
        elif value_end <= pos < end and not later and not _DIGIT.search(s.text, number_end, pos) \
                and not _OPENS_A_CLAUSE.search(s.text, value_end, pos):
            found.append((pos - value_end, word, value, pos))
            after = True
    # a five-fold increase quarter-over-quarter and a six-fold increase year-over-year: the six-fold's
    # own word after it wins over a word before the `and` that opened its statement
    return [(distance, word, value) for distance, word, value, pos in found
            if not after or pos >= offset or not _OPENS_A_CLAUSE.search(s.text, pos, offset)]


_HEADLINE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_PERCENT_BEFORE_HAN = re.compile(r"[%％](?=[\u4e00-\u9fff])")
# a figure between a value and a word after it (a count too: up 39% from 73.1 million … below the FactSet
# consensus for 103.12 million users): the word opens that figure's statement, not the value's
_DIGIT = compiled_on_use(r"\d")
# a count's number, with the bound or hedge written before it (近50只, 约50只, 超50只: the count's offset is the word's)
_LEADING_NUMBER = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(
    (w for w in APPROX_BEFORE if w and not w.isascii()), key=len, reverse=True)) + r")?\s*[\d.,]*")
# English joins clauses with words, not commas: after such a word a qualifier word is the next statement's
# (shares fell 9% in early trading on Thursday after the firm missed Wall Street estimates)
_OPENS_A_CLAUSE = compiled_on_use(r"(?<![A-Za-z])(?:after|but|despite|because|while|although|though|as|when|which|whereas|and)"
                                  r"(?![A-Za-z])")


def _day(rule: RuleBase, s: Sentence, offset: int, article: Article, known: dict[str, str]) -> ContextValue:
    scope = rule.day.scope if rule.day else "sentence"
    # a figure of a day is not known before that day; a state may be announced for a day ahead (将于4月1日起免费)
    latest = article.published.date() + timedelta(days=1) if article.published and rule.kind != "status" else None
    compared = _compared_day(s, offset)
    coming = _coming_day(rule, s, offset, latest)
    chosen = (s, compared) if compared is not None else (s, coming) if coming is not None else (
        _stated_day(s, offset, scope, latest) or _stated_day(s, offset, scope, latest, MONTH_DAYS))
    dated = chosen[1] if chosen is not None and chosen[0] is s else None
    weekend_close = _before_the_weekend(s, offset, dated)
    told = dated.value.start if dated is not None else article.published.date() if article.published else None
    if weekend_close is not None and told is not None:
        friday = told - timedelta(days=(told.weekday() - 4) % 7)  # 周日(2月9日)…周末前收盘: Friday the 7th
        return ContextValue("day", friday.isoformat(), f"{weekend_close} ({told.isoformat()})", inferred=dated is None)
    overnight = _overnight(s, offset, dated)
    if overnight is not None and chosen is not None and chosen[1].value.precision == "day":
        before = chosen[1].value.start - timedelta(days=1)  # 周五(2月14日)亚市，……隔夜美股ADR也走低2.20%
        return ContextValue("day", before.isoformat(), f"{overnight} after {chosen[1].value.raw}")
    if overnight is not None and chosen is None and article.published is not None:
        before = article.published.date() - timedelta(days=1)  # the publish day on its own (Beijing) clock
        return ContextValue("day", before.isoformat(), f"{overnight} (the night before publication)", inferred=True)
    if chosen is not None:
        return _market_day(rule, chosen[0], chosen[1], known)
    listing = _listing_day(s, offset, article)
    if listing is not None:
        return listing
    spec = rule.day
    if spec is None or spec.fallback == "none" or article.published is None:
        return ContextValue("day", "", "")
    written = s.report_dateline
    if written is not None and written.value.start < article.published.date():  # a later copy of the report
        return ContextValue("day", written.value.start.isoformat(), f"dateline {written.value.raw}", inferred=True)
    zone_name = dict(spec.timezones).get(known.get(spec.timezone_from, ""), "")
    when = article.published.astimezone(ZoneInfo(zone_name)) if zone_name else article.published
    evidence = f"publish time ({zone_name})" if zone_name else "publish time"
    return ContextValue("day", when.date().isoformat(), evidence, inferred=True)


# 隔夜 (overnight) before a market, a price or a move: in an Asian morning's report, the session that closed
# overnight, the day before (隔夜美股, 华尔街隔夜下跌, 隔夜国际金价上涨, 美元兑日元隔夜升至); not a loan's
# tenor (隔夜拆息, 隔夜shibor, 隔夜品种, 隔夜期), which names no day
_OVERNIGHT = re.compile(r"隔夜(?=\s*\[?\s*(?:美股|美市|股市|欧股|欧美|外盘|国际|华尔街|纽约|伦敦|市场|交易|夜盘|金价|油价|"
                        r"美元|上涨|下跌|走高|走低|收涨|收跌|收高|收低|[升涨跌降]))|(?<=华尔街)隔夜")


# 周末前收盘 (the close before the weekend): the last Friday on or before the day the sentence is dated by
_WEEKEND_CLOSE = re.compile(r"(?:周末|週末)前(?=\s*(?:的)?\s*(?:收盘|收盤|收市))")


def _before_the_weekend(s: Sentence, offset: int, dated: DateSpan | None) -> str | None:
    """周末前收盘 before the value in its sentence, after the day it is dated by: in a Sunday's
    `周日(2月9日)，…美元指数周末前收盘站回108.10` the 108.10 is Friday's close (round 20, NOTES_D #5)."""
    start = dated.end if dated is not None and dated.end <= offset else 0
    found = [m for m in _WEEKEND_CLOSE.finditer(s.text, start, offset)
             if not any(m.end() <= d.start < offset for d in s.dates)]
    return s.plain[found[-1].start():found[-1].end()] if found else None


def _overnight(s: Sentence, offset: int, dated: DateSpan | None) -> str | None:
    """隔夜 before the value in its sentence, after the day the value is dated by (if any) and with no other
    date between: the value is of the day before that day (a US move told in a Beijing morning)."""
    start = dated.end if dated is not None and dated.end <= offset else 0
    found = [m for m in _OVERNIGHT.finditer(s.text, start, offset)
             if not any(m.end() <= d.start < offset for d in s.dates)]
    return s.plain[found[-1].start():found[-1].end()] if found else None


# 上市首日 (the listing day) and 上市次日 (the next trading day) date a value when the article states the
# listing date (2月12日，古茗登陆港交所; 于2月12日在港交所上市): a piece published the day after still
# speaks of the first day's close
# 上市首日/上市次日; a bare 首日 only before a trading word (首日开盘); a bare 次日 is the day after whatever the
# sentence names last (发布盈利预告，次日古茗报9.3港元/股), never the listing's
_LISTING_WORD = re.compile(r"上市(首日|次日)|(?<![\d])(首日)(?=[^，,。；;]{0,6}(?:开盘|收盘|盘中|股价|市值|报|涨|跌))")
# after a day the date code reads (normalize/dates.py: its year, written or told by tense), the listing verb
_LISTED_AFTER_DAY = compiled_on_use(r"[^。；;！？!?]{0,60}?(?:上市|登陆|登陸|挂牌|掛牌|敲锣|敲鑼|敲钟|敲鐘)")


def _listing_day(s: Sentence, offset: int, article: Article) -> ContextValue | None:
    """The day 上市首日/上市次日 before the value in its sentence names, from the listing date the
    article states (a title's or any sentence's `2月12日…上市`); None when it states none."""
    if article.published is None:
        return None
    word, text = None, s.text
    for found in _LISTING_WORD.finditer(text, 0, offset):
        word = found
    if word is None and s.previous is not None and not _NOW.search(s.text, 0, offset):
        # 上市首日古茗开盘价为10港元/股……。截至收盘，古茗报9.3港元/股: the next sentence goes on with that day,
        # not one further on, nor one saying now (目前古茗报9.3港元/股 is of the day written)
        text = s.previous.text
        word = next(iter(reversed(list(_LISTING_WORD.finditer(text)))), None)
    if word is None or re.search(r"\d\s*[年月日]", text[max(0, word.start() - 6):word.start()]):
        return None  # 中青宝自2010年上市首日: the listing its own date names, not the story's
    listed = _listing_date(article)
    if listed is None:
        return None
    day, evidence = listed
    if "次日" in word.group(0):
        day += timedelta(days=1)
        while day.weekday() >= 5:  # the next trading day: a Friday listing's 次日 is Monday
            day += timedelta(days=1)
    return ContextValue("day", day.isoformat(), f"{word.group(0)} ({evidence})")


def _listing_date(article: Article) -> tuple[date, str] | None:
    """The first day the article says a listing took place on (`2月12日…挂牌上市`), read by the date code
    as every date is (a written year kept: `2023年3月5日`); a day after the publish day is a listing
    still to come (计划于3月5日上市), which has had no first day."""
    assert article.published is not None
    published = article.published.date()
    for segment in article.segments:
        text = fold(segment.text)
        for span in find_dates(text, published):
            verb = _LISTED_AFTER_DAY.match(text, span.end)
            if span.value.precision == "day" and span.value.start <= published and verb is not None:
                return span.value.start, text[span.start:verb.end()]
    return None


_NOW = re.compile(_NOW_WORDS)  # a value said to be as of now: a date of an earlier clause is not its day


def _compared_day(s: Sentence, offset: int) -> DateSpan | None:
    """The day a comparison names, for the figure it compares with (較上日報7.1699 is the day
    before's fixing): that figure comes right after the phrase, its date the phrase's own."""
    closed = _comparison_closed_by(s, offset, _COMPARED_FIGURE_LEAD)
    if closed is None:
        return None
    return next((d for d in s.dates if d.value.precision == "day" and closed[0] <= d.start and d.end <= closed[1]), None)


# what may stand between the day a comparison names and that day's figure: 的, its close or open, 报/为
# (较上周五收市价24元, 較上日報7.1699, 由上日的17.65%), no change verb (较上日放量1421亿元)
_DAY_FIGURE_LEAD = compiled_on_use(r"\s*(?:的)?\s*(?:(?:收[市盘]|开[市盘])价?)?\s*(?:的|为|為|报|報)?\s*")


def _prior_of_its_own_day(rule: RuleBase, s: Sentence, offset: int, found: list[ContextValue]) -> list[ContextValue]:
    """A figure compared with that its comparison dates (由上日的17.65%降至12.62%, 較上日報7.1710) is that
    day's figure, as that day's own report gives it: its measure is the rule's default (actual), not
    `prior`, so the next day's restatement meets the day's own report. Undated (由25.50亿元调至19.53亿元,
    较上年同期的441亿元) it stays `prior`: nothing says which report gave it."""
    day = _compared_day(s, offset)
    if day is None or not _DAY_FIGURE_LEAD.fullmatch(s.text, day.end, offset):
        return found  # 较上周五缩量2294亿, 较周五的收盘价还有17%的上涨空间: a change, not the day's figure
    default = next((spec.default for spec in rule.context if spec.name == "measure"), "")
    return [ContextValue("measure", default, "default") if c.name == "measure" and c.value == "prior" else c
            for c in found if default or c.name != "measure" or c.value != "prior"]


# a month dates a value when no day is stated (截至2024年9月, 2022年11月，喜茶宣布开放加盟): its day is
# the month (`2024-09`), another context than a day inside it and than another month; a part of one
# month (上旬) is that month. The end of a month or year (9月底, 9月末, 2023年底) is its last day: a
# snapshot taken at the close (截至2024年9月末门店9778家 is the 9778 of 30 September)
MONTH_DAYS = ("month", "part-of-month")
_CLOSE_OF = compiled_on_use(r"[月年]\s*(?:底|末)$")


def _is_close_of(value: DateValue) -> bool:
    """Whether a part of a month or year names its end (9月底, 12月末, 2023年底), not its span."""
    return value.precision == "part-of-month" and _CLOSE_OF.search(value.raw.strip()) is not None


def _days(s: Sentence, latest: date | None, precisions: tuple[str, ...] = ("day",)) -> list[DateSpan]:
    """The dates of `s` a value may be of: not a date a change is measured from, and none after
    `latest` (the day after publication): a figure of a day is not known before that day, so
    `3月19日举行的下次会议` in a February article dates the meeting ahead, not the reading."""
    return [d for d in s.dates if d.value.precision in precisions and not _is_baseline(s.text, d)
            and d is not s.dateline  # 财联社2月12日讯: the report's day (kinds/dateline.py)
            and (latest is None or d.value.start <= latest)
            and (d.value.precision == "day" or d.value.start.replace(day=1) == d.value.end.replace(day=1)
                 or _is_close_of(d.value))]


# what may stand between a coming event's date and its figure: the event's verb, no modifier (的, 之) nor break
_DATE_TO_FIGURE = compiled_on_use(r"[^的之，,。；;：:！？!?（）()]*")


def _coming_day(rule: RuleBase, s: Sentence, offset: int, latest: date | None) -> DateSpan | None:
    """A day ahead written right before the value, within the rule's window (`還將於本周五進行900億元…招標`,
    published on Wednesday): the day the coming event takes place, which its figure is of. A day ahead
    further off, or joined through 的 (`在3月19日举行的下次会议上维持利率不变的可能性为85.5%`), dates
    something else: the figure is known now, of its publish time (`_days`)."""
    if latest is None:
        return None
    begin, _ = s.clause_at(offset)
    window = getattr(rule, "window", 0)
    ahead = [d for d in s.dates if d.value.precision == "day" and d.value.start > latest
             and begin <= d.start and d.end <= offset and d is not s.dateline]
    if not ahead or not window:
        return None
    last = ahead[-1]
    return last if offset - last.end <= window and _DATE_TO_FIGURE.fullmatch(s.text, last.end, offset) else None


def _stated_day(s: Sentence, offset: int, scope: str, latest: date | None,
                precisions: tuple[str, ...] = ("day",)) -> tuple[Sentence, DateSpan] | None:
    """The date a value at `offset` is of, looked for as far as `scope` says (the scopes of
    context qualifiers): its clause (before the value first); `run`: the last date before it in the
    sentence; `head`: before it in its clause, else the sentence's opening clause; `sentence`
    (default): its clause, else the sentence's first date before it (not one of another name's own figure in an
    earlier clause when another is left), else the scene an earlier
    sentence of the paragraph sets; `paragraph`: then the last date of the paragraph's earlier
    sentences."""
    begin, end = s.clause_at(offset)
    leads = _change_leads(s)
    starting = next(((a, b) for a, b in leads if b <= offset <= b + 1), None)  # the figure a change starts from
    if starting is not None and (dated := _lead_date(s, starting, latest)) is not None:
        return (s, dated) if dated.value.precision in precisions else None
    days = [d for d in _days(s, latest, precisions) if not any(a <= d.start < b for a, b in leads)]
    in_clause = [d for d in days if begin <= d.start and d.end <= end]
    before_in_clause = [d for d in in_clause if d.end <= offset]
    sentence_before = [d for d in days if d.end <= offset]
    if not in_clause and _NOW.search(s.text, begin, offset):
        return None  # 1月27日收盘时，股价还为9.53元，而如今涨幅已超过260%: the gain is now, not of 27 January
    if scope == "run":
        return (s, sentence_before[-1]) if sentence_before else None
    if scope == "head":
        lead = [d for d in sentence_before if d.end <= s.clauses[0][1]]
        chosen = before_in_clause[-1] if before_in_clause else lead[0] if lead else None
        return (s, chosen) if chosen else None
    chosen = before_in_clause[-1] if before_in_clause else in_clause[0] if in_clause else None
    scene = [d for d in sentence_before if d.end <= begin and not _dates_another_event(s, d)]
    # a day said in an earlier clause of someone else's own figure is theirs when another date is left
    # (`蘋果周二在美股價升2.2%，不過，百度今早逆市向下，曾跌逾1%`: Apple's Tuesday in New York, not Baidu's
    # morning in Hong Kong), as a market word there is (`_another_subjects_word`); with no other date it still
    # dates a list of moves (`阿里巴巴2月10日涨5%，腾讯涨3%`)
    scene = [d for d in scene if not _another_subjects_word(s, d.start, offset)] or scene
    own_lead = _last_lead_in(s, begin, latest) if chosen is None and scope != "clause" else None
    if own_lead is not None:  # 而在2019年12月，其估值才为2.20亿元: its own lead-in, not the sentence's first date
        return (s, own_lead) if own_lead.value.precision in precisions else None
    if chosen is None and scope != "clause" and scene:
        chosen = scene[0]  # the sentence's first date sets the scene, unless it dates a report
    if chosen is not None:
        return s, chosen
    if scope == "sentence":
        return _scene_before(s, offset, latest)
    earlier = s.previous if scope == "paragraph" else None
    while earlier is not None:
        stated = _days(earlier, latest, precisions)
        if stated:
            return earlier, stated[-1]
        earlier = earlier.previous
    return None


def _lead_date(s: Sentence, lead: tuple[int, int], latest: date | None) -> DateSpan | None:
    """The date in the lead of a change's starting figure, which is that figure's day alone:
    `从2023年年末的1308人减少至2024年6月末的1216人` dates 1308人 2023-12-31 and 1216人 2024-06-30 (the
    lead's date is no baseline of the figure after it, as 较1月27日 is of a change)."""
    return next((d for d in reversed(s.dates) if lead[0] <= d.start and d.end <= lead[1] and d is not s.dateline
                 and d.value.precision in ("day", *MONTH_DAYS) and (latest is None or d.value.start <= latest)), None)


def _last_lead_in(s: Sentence, begin: int, latest: date | None) -> DateSpan | None:
    """The date of the last lead-in clause before the clause starting at `begin`, a clause that is a
    time alone (`2022年3月，`, `而在2019年12月，`): it sets the scene for the clauses after it, up to
    the next one, so in `但在2022年3月，…估值已达到32.2亿元，而在2019年12月，其估值才为2.20亿元` the 2.20亿
    is of 2019-12. A day or a month alike (the later one is nearer the value); none that dates a
    report or a coming event, nor one a report or an announcement follows before the value's clause
    (`2月7日，…发布《通知》，…我们估算……约为2000亿元`: the notice's day)."""
    leads = [d for d in _days(s, latest, ("day", *MONTH_DAYS)) if d.end <= begin and _a_time_alone(s, d)
             and not _dates_another_event(s, d)]
    if not leads or REPORTING.search(s.text, leads[-1].end, begin):
        return None  # 2月7日，…发布《通知》，…我们估算……约为2000亿元: it dates the notice, not the estimate
    return leads[-1]


def _a_time_alone(s: Sentence, span: DateSpan) -> bool:
    """Whether the clause holding `span` is that time alone, a lead-in (`2025年1月，`, `而在2019年12月，`, `仅1月，`)."""
    begin, end = s.clause_at(span.start)
    return _ONLY_A_TIME.fullmatch(s.text[begin:span.start] + s.text[span.end:end]) is not None


@per_sentence  # asked at each value of a sentence that names no date
def _first_now(s: Sentence) -> int:
    """Where the sentence first says it is as of now (如今, 目前 …), or its length."""
    found = _NOW.search(s.text)
    return found.start() if found else len(s.text)


def _scene_before(s: Sentence, offset: int, latest: date | None) -> tuple[Sentence, DateSpan] | None:
    """The day an earlier sentence of the paragraph sets for the sentences after it, for a value
    whose own sentence names no date at all (nor says it is as of now): `2月10日上午，中国电信…集体上涨。
    东方财富数据显示，…中国联通高点涨幅7.56%` is of 10 February. Only where that is safe: the
    nearest earlier sentence that names any date (up to three back) names exactly one, a day, in
    its opening clause, and it dates neither a report nor a coming event (`2月8日，工信部发布…。`)."""
    if s.dates or s.previous is None or _first_now(s) < offset:
        return None
    return _scene_set_before(s, latest)


_SCENE_REACH = 3  # sentences back: a scene set further back is too far to be sure of


@per_sentence  # the same for every value of the sentence
def _scene_set_before(s: Sentence, latest: date | None) -> tuple[Sentence, DateSpan] | None:
    earlier, back = s.previous, 1
    while earlier is not None and not earlier.dates and back < _SCENE_REACH:
        earlier, back = earlier.previous, back + 1
    if earlier is None or len(earlier.dates) != 1:  # none within reach, or more than one date
        return None
    days = _days(earlier, latest)
    scene = days[0] if days else None
    if scene is None or scene.end > earlier.clauses[0][1] or _dates_another_event(earlier, scene):
        return None
    return earlier, scene


# a date followed in its clause by a word of REPORTING (kinds/sentence.py) dates a report, not what the
# report tells: 周一發布業績，股價收市倒跌0.7% (the publication's day), 财联社2月12日讯 (a dateline)
def _dates_another_event(s: Sentence, span: DateSpan) -> bool:
    """Whether a date in an earlier clause dates a report, an announcement or a coming event
    rather than the value: a move, a close or a price takes the day of its own clause, else the
    sentence's first date that sets the scene (2月13日，……), else the publish day. A date after
    将, 拟, 定于 … is the day of what is to come (将于明日挂牌上市，今日…开报10.2港元: the price is today's)."""
    clause_begin, clause_end = s.clause_at(span.start)
    return (REPORTING.search(s.text, span.end, clause_end) is not None
            or COMING.search(s.text, clause_begin, span.start) is not None)


_BASELINE_BEFORE = re.compile(r"(?:较|比|相比|相较|较之|自|从|由)$")
_BASELINE_AFTER = re.compile(r"(?:以来|起|至|到|开始)")  # used with match(text, pos)


def _is_baseline(text: str, span: DateSpan) -> bool:
    """较前一日下跌2.57%, 自1月27日以来: the date a change is measured from, not the day it happened."""
    return bool(_BASELINE_BEFORE.search(text[max(0, span.start - 4):span.start])
                or _BASELINE_AFTER.match(text, span.end))


def _market_day(rule: RuleBase, s: Sentence, chosen: DateSpan, known: dict[str, str]) -> ContextValue:
    """The day in the market's time zone: 北京时间2月13日凌晨 is 12 Feb in New York."""
    value = chosen.value
    hour = _HOURS.get(value.time_of_day, clock_hour(value.time_of_day))
    spec = rule.day
    zone = dict(spec.timezones).get(known.get(spec.timezone_from, ""), "") if spec else ""
    if _is_close_of(value):
        return ContextValue("day", value.end.isoformat(), value.raw)  # 9月底: the last day, a snapshot's
    if value.precision in MONTH_DAYS:
        return ContextValue("day", value.start.isoformat()[:7], value.raw)
    if hour is None or not zone or "北京时间" not in s.text[:chosen.start]:
        return ContextValue("day", value.start.isoformat(), value.raw)
    beijing = datetime.combine(value.start, time(hour), ZoneInfo("Asia/Shanghai"))
    local = beijing.astimezone(ZoneInfo(zone)).date()
    return ContextValue("day", local.isoformat(), f"北京时间{value.raw} in {zone}", inferred=local != value.start)


_HOURS = {"凌晨": 3, "清晨": 6, "早上": 8, "早间": 8, "上午": 10, "中午": 12, "午间": 12, "下午": 15,
          "傍晚": 18, "晚上": 20, "晚间": 20, "夜间": 22, "深夜": 23}


# ------------------------------------------------------------------- claim


def claim(rule: RuleBase, subject: str, value: Value, s: Sentence, article: Article, start: int,
          end: int, note: str = "", context_at: int | None = None) -> Claim:
    """A claim of `value` at [start, end) of the sentence, its context read at
    `context_at` (default: where the value starts)."""
    return Claim(
        rule_id=rule.id, subject=subject, value=as_written(value, s, start, end),
        context=context(rule, s, start if context_at is None else context_at, article),
        article=article.path, outlet=article.outlet,
        line=s.line_at(start), sentence=s.segment.text, span=s.raw_span(start, end), note=note,
        named_outlet=article.named_outlet, written=article.published.date() if article.published else None,
        in_title=s.segment.is_title,
    )


def as_written(value: Value, s: Sentence, start: int, end: int) -> Value:
    """The value with its `raw` as the article writes it: the text read has no typesetting spaces
    (`1 月 28 日` is read as `1月28日`), but what a report quotes is the article's."""
    raw = getattr(value, "raw", None)
    if not raw or not is_dataclass(value) or s.plain == s.segment.text:
        return value
    at = s.plain.find(raw, max(0, start - len(raw)), end + len(raw))
    if at < 0:
        return value
    written_start, written_end = s.raw_span(at, at + len(raw))
    written = s.segment.text[written_start:written_end]
    if written == raw or "".join(written.split()) != "".join(raw.split()):
        return value  # only spaces are given back (a format character stays out, as it was read)
    return replace(value, raw=written)


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


def about_whom(rule: RuleBase, s: Sentence, start: int, end: int) -> None:
    """Say (kinds/left_out.py) that the value at `start`..`end` is left out as someone else's: a
    declared name that is no rule subject, or a name the entities do not hold. Nobody named is an
    `unattributed` note, said where it is found."""
    entity = who(s, start)
    if entity == OTHER:
        left_out("entities", say(UNKNOWN_NAME, s.plain[start:end]), start, end)
    elif entity is not None and entity not in rule.subjects:
        left_out("subjects", say(SUBJECTS, s.plain[start:end], entity), start, end)
    elif rule.subjects:
        left_out("subjects", say(NOBODY, s.plain[start:end]), start, end)


def unattributed(rule: RuleBase, s: Sentence, article: Article, start: int, end: int,
                 why: str = "") -> Diagnostic:
    """A value the rule's cue points at that it cannot attribute: whose subject no sentence names, or
    (`why`) which one of a list it is. Listed, never silently dropped."""
    said = why or "(name it in the sentence, or before 该公司/其 in the paragraph)"
    what = "no attribution" if why else "no subject"
    return Diagnostic(article.path, s.segment.line_at(start),
                      f"{rule.id}: {what} for {s.plain[start:end]!r} {said}", "info", UNATTRIBUTED)

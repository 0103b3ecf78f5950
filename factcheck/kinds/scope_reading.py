"""Where a context qualifier's word counts for a value (a rule's `scope`: clause, head, run,
sentence, paragraph), nearest first: not across another subject's clause, a bracketed note, a
change's starting figure or another label of a labelled list.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.kinds.amounts import amounts, change_lead
from factcheck.kinds.lists_reading import (
    BRACKETED_ANNOTATION,
    EN_WORD_SEPARATOR,
    WORD_SEPARATOR,
    last_list_run,
    value_list,
)
from factcheck.kinds.matching import fold_words
from factcheck.kinds.qualifiers import LIST_JOINER, WRITTEN_YEAR, builtin_words
from factcheck.kinds.roles_reading import OBJECT_MARKERS, is_object, opens_with_a_name, speaks
from factcheck.kinds.sentence import Hit, Sentence, Values, per_sentence
from factcheck.kinds.session import EXTREMES, time_before
from factcheck.kinds.skip import english_post_modifier
from factcheck.kinds.subject_reading import who
from factcheck.normalize.numbers import APPROX_BEFORE
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use

PERIOD_QUALIFIERS = ("period", "year")


def statement_start(s: Sentence, offset: int) -> int:
    """Where the statement holding `offset` starts: after the last ；/; before it (a ；ends a statement)."""
    return max(s.text.rfind("；", 0, offset), s.text.rfind(";", 0, offset)) + 1  # -1 + 1: none, the start


def qualifier_near(values: Values, scope: str, s: Sentence, offset: int,
               units: tuple[str, ...] = (), past_stops: bool = False) -> tuple[str, str] | None:
    """(value, word) for a qualifier, nearest the value first.

    clause/sentence/paragraph: in the clause (before the value first), then before
    the value in the sentence, then in the paragraph's earlier sentences; sentence alone: then in
    a later clause of the sentence when no figure stands between (a source named at its end). head: before
    the value in its clause, then in the lead-in of its statement (the words before
    the first number since the last ；, a count in one of `units` too; with `past_stops`, not into a clause
    naming a past time of its own, 而去年这一比例高达6.4%). run: the last word before the value in the sentence, or
    one English names in its phrase right after it (`a 14% rise in organic revenue`). Words inside
    a comparison phrase (较去年同期, 相较上一轮) never count, except the phrase's own
    opening word (a basis such as 较去年同期)."""
    hits = _outside_of_the_start(s, _outside_notes(s, s.qualifier_hits(values), offset), offset)
    hits = _outside_compared_expectations(s, hits, offset)
    begin, end = s.clause_at(offset)
    begin = max(begin, headline_part_start(s, offset))  # 加拿大1月新增職位勝預期 失業率降至6.6%: 預期 is the jobs'
    listed = value_list(s, offset, units)
    if listed is not None:  # 片方与影院分别为43%与57%: the i-th word goes with the i-th value
        index, count, first = listed
        words = [(pos, pos + len(word)) for pos, word, _ in hits if pos < first]
        run = last_list_run(words, s.text, count, WORD_SEPARATOR) or last_list_run(words, s.text, count, EN_WORD_SEPARATOR)
        if run is not None:
            _, word, value = next(h for h in hits if h[0] == run[index][0])
            return value, word
        if scope == "clause":
            return None  # one word for several values of a per-value qualifier: which one is unknown
    reach = _reach(s, hits, offset)
    if scope == "run":
        figure = s.quantity_at(offset)
        named_after = [hit for hit in hits if figure is not None and figure.end <= hit[0]
                       and english_post_modifier(s.text, figure.end, hit[0])]
        if named_after:  # `a 14% rise in organic revenue`: English names the line item after the figure
            return named_after[0][2], named_after[0][1]
        before = [hit for hit in hits if reach <= hit[0] < offset]
        if before and _own_line_item_after_break(s, before[-1][0], offset):
            return None  # 經營收入…；經調整後的物業EBITDAR為11.76億元，按年升23.23%: EBITDAR's, not 經營收入's
        return (before[-1][2], before[-1][1]) if before else None
    if scope == "head":
        in_clause = _in_clause(s, hits, offset, begin, end)
        if in_clause:
            _, word, value = min(in_clause)
            return value, word
        if past_stops and _names_a_past_time(s, begin, offset):
            return None  # 目标是…降至3%以下，而去年这一比例高达6.4%: last year's figure is no target
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
    before = [hit for hit in hits if reach <= hit[0] < begin and not another_subjects_word(s, hit[0], offset)
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


# a past time a clause names of its own (而去年这一比例, 2024年营收增长8%, 此前一个月上涨0.4%), not one it compares
# with (较上年同期, 较前一个月, 与2023年相比, 从2022年的3%) nor the start of a span (2024年至2028年的复合增长率)
_PAST_TIME = re.compile(r"(?<![较比与於于从由自])(?:去年|上年|前年|上一?个?月|(?:此前|之前|前)一个月|上一?季度?"
                        r"|(\d{4})\s*(?:财|財)?年(?!\s*(?:至|到|[-—~－])))")


def _names_a_past_time(s: Sentence, begin: int, offset: int) -> bool:
    """Whether the clause from `begin` names, before `offset`, a time before the article's year (去年, 上月,
    2024年 in a 2025 article) that the sentence did not name before the clause: the lead-in's forecast or target
    (公司预期今年营收增长10%) is then not the measure of what that clause reports (，2024年营收增长8%). A lead-in naming
    the same time (业绩预告：预计2024年…，2024年净利润增长15%) keeps its measure."""
    for found in _PAST_TIME.finditer(s.text, begin, offset):
        year = found.group(1)
        if year and (s.anchor is None or int(year) >= s.anchor.year):
            continue
        if found.group(0) not in s.text[:begin]:
            return True
    return False


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



def another_subjects_word(s: Sentence, at: int, offset: int) -> bool:
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
             and not is_object(s, begin, m, OBJECT_MARKERS)]
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


# 预期的22%降幅, 预期为0.52美元, 预期涨0.3%, 预期回落至0.3%: the word labels its own figure (the analysts'), with
# nothing but a linking word or a verb of change between; it expects nothing of the clauses after. A verb that
# names a time or a line item first (预计一季度毛利率在57%至59%之间, 预计至2025年营收将增长至1.5亿元) or says
# what will be (预计将增长至) introduces a statement the next clause may go on with
_LABELS_ITS_FIGURE = compiled_on_use(r"\s*(?:的|为|為|是|(?:" + ZH.change_verb(english=False)
                                     + r")\s*(?:至|到)?\s*[约約近逾超]?\s*[-+−－]?\d)")


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
    if not expected or _another_chain(s, expected[-1], begin) or opens_with_a_name(s, begin):
        return []
    if not any(previous[0] <= q.start < previous[1] for q in s.quantities):
        return []  # 项目预计期限为10年，规模上限为50亿元: the verb's figure is a term, no amount, 预计 is the term's
    then = [int(y) for y in WRITTEN_YEAR.findall(s.text, previous[0], previous[1])]
    here = [int(y) for y in WRITTEN_YEAR.findall(s.text, begin, offset)]
    return [] if then and here and min(here) < max(then) else expected[-1:]


# a verb comparing a figure with what was expected (超预期, 低于市场预期, 好于彭博预期的4.1%, 略好于预期值1873亿美元,
# 超出了市场先前的预期), with at most a few words of who expected it between, none a figure or a break; a verb of
# one character right before the word (超预期, 胜预期), as one inside a name is no verb (超微电脑预期, 亚马逊预计)
_COMPARED_WITH_EXPECTED = compiled_on_use(
    r"(?:(?:超出|超过|超過|超越|高于|高於|低于|低於|好于|好於|优于|優於|差于|差於|逊于|遜於|逊色于|遜色於|弱于|弱於"
    r"|强于|強於|不及|不如|符合|大于|大於|小于|小於)了?[^，,。；;：:！？!?\d０-９]{0,8}|[超胜勝])$")
_EXPECTATION = compiled_on_use(r"预计|預計|预期|預期|估计|估計|预估|預估|预测|預測")  # in a word: 市场预期, 一致預期
# what a compared-with expectation labels: the figure right after it (高于预期的7.2%, 大超市场预期（15万人）,
# 好于预期的每股1.49美元), not one a verb of change follows it with (超预期增长5%: the growth is actual)
_ITS_FIGURE = compiled_on_use(r"\s*(?:值|水平)?\s*(?:(?:的|为|為|是|：|:|（|\()\s*[^，,。；;：:！？!?\d０-９]{0,4}?)?"
                              r"\s*[约約近逾超]?\s*[-+−－]?\d")


def _outside_compared_expectations(s: Sentence, hits: list[Hit], offset: int) -> list[Hit]:
    """A forecast word a figure is compared with (`1月非农新增14.3万大幅低于预期`, `美国1月CPI全线超预期`,
    `金融数据超预期：`) says how an actual came out, as `beat expectations` does: it is no forecast of any
    figure of its sentence, but for the one figure right after it, which it labels (`低于预期的7.2%`: the
    analysts' 7.2%, not the 7% before it nor the next clause's)."""
    kept: list[Hit] = []
    for hit in hits:
        at, word, _ = hit
        if _EXPECTATION.search(word) is None:
            kept.append(hit)
            continue
        compared = _COMPARED_WITH_EXPECTED.search(s.text, max(0, at - 12), at)
        if compared is None:
            kept.append(hit)
            continue
        end = at + len(word)
        if _ITS_FIGURE.match(s.text, end) and end <= offset and not _DIGIT.search(s.text, end, offset):
            kept.append(hit)  # the value is the figure the word labels
    return kept


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
    return any(opens_with_a_name(s, start) for start, _ in s.clauses if clause_end < start <= begin)


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
    leads = [(a, b) for a, b in change_leads(s) if not b <= offset <= b + 1]
    return [h for h in hits if not any(a <= h[0] < b for a, b in leads)] if leads else hits


@per_sentence  # asked for every value, rule and qualifier: the sentence is searched once
def change_leads(s: Sentence) -> tuple[tuple[int, int], ...]:
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
    when nothing before it names the qualifier for this value: a word of an earlier clause about someone
    else does not (`阿里巴巴(BABA)涨1.85%，苹果(AAPL)涨1.82%`: Apple's own AAPL names the 1.82%'s market)."""
    if not hits:
        return hits
    notes = [(a, b) for a, b in _bracket_notes(s) if b <= offset]
    if not notes:
        return hits
    clause = s.clause_at(offset)[0]
    ours = [h[0] for h in hits if not (s.clause_at(h[0])[0] < clause and another_subjects_word(s, h[0], offset))]
    return [h for h in hits if not any(a <= h[0] < b and ours and ours[0] < a for a, b in notes)]


@per_sentence  # asked for every value and qualifier: the sentence's brackets are found once
def _bracket_notes(s: Sentence) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in BRACKETED_ANNOTATION.finditer(s.text)]


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
             and (note := BRACKETED_ANNOTATION.match(s.text, q.end)) is not None]
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
            # a word in an earlier figure's English post-modifier is that figure's, unless the value is the
            # level that figure's change reaches (`rose 28% in Q4 to $470 million`: one statement, Q4 both's)
            reached_from = change_lead(s.text, offset)
            if not any(q.end <= pos and q.start >= begin and english_post_modifier(s.text, q.end, pos)
                       and q.start < reached_from for q in s.quantities if q.start < offset):
                found.append((offset - pos - len(word), word, value, pos))
        elif offset <= pos < value_end:  # the value's own unit (124.3港元)
            found.append((pos - offset, word, value, pos))
        elif value_end <= pos < end and (not later or english_post_modifier(s.text, number_end, pos)) \
                and not _DIGIT.search(s.text, number_end, pos) and not _OPENS_A_CLAUSE.search(s.text, value_end, pos):
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

"""Values of one story aligned across sources into candidate facts, ranked.

Two values are candidates for one fact when they share subject, metric and
kind of unit (family). Inside such a bucket, values are linked when they
could be one fact stated twice: they agree, or they are near (within half
of each other), or one's significant digits hold the other's (175.5 vs
1755.43, 5.53 vs 35.53: a slipped digit, the commonest error of all). The
connected groups stated by two or more articles are the candidates.

Within a candidate every pair of values from different articles is
compared: equal-enough values agree; different values whose qualifiers
(period, basis, market, day …) clash are a context difference, shown apart;
different values with compatible qualifiers disagree.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from factcheck.discover.adapter import Value, agrees, magnitude
from factcheck.discover.values import (
    EVENT_VERBS,
    GROUP_SIZE,
    PEOPLE,
    TOLD_VERBS,
    Observation,
    as_demand,
    canonical_metrics,
    comparable,
    head_metric,
    is_deadline,
    is_milestone,
    list_runs,
    without_item,
    without_lead,
)
from factcheck.joined import Joined
from factcheck.kinds.currency import GUESSED
from factcheck.kinds.qualifiers import LIST_JOINER
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.variants import to_simplified
from factcheck.normalize.words import ZH
from factcheck.values import DateValue, EntitySet, Quantity, StatusValue

Verdict = Literal["disagree", "context", "agree"]
NEAR = Decimal("1.5")  # values within this ratio may be one fact
MIN_DIGITS = 3  # significant digits one value must share with the other to count as a slipped digit
IGNORED_QUALIFIERS = ("day",)  # a day stated by one source only is no reason to split


@dataclass(frozen=True)
class Pair:
    first: int  # indexes into Candidate.observations
    second: int
    relation: Literal["disagree", "context", "agree"]


@dataclass(frozen=True)
class Candidate:
    story: str
    subject: str
    metric: str
    family: str
    observations: tuple[Observation, ...]
    pairs: tuple[Pair, ...]
    verdict: Verdict
    sources: int  # articles that state it
    score: float

    @property
    def key(self) -> str:
        return f"{self.subject} · {self.metric} · {self.family}"


def assign_subjects(observations: list[Observation], index: EntityIndex, main: str) -> list[Observation]:
    """Each value's subject: the name nearest before it in its clause, else in its
    sentence, else the first after it in its clause, else the story's main name
    (marked inferred). The subject's name is cut from the metric phrase. `index` finds each text's
    mentions once (run.with_subjects passes a story index that keeps them)."""
    listed = {e.id for e in index.entities.values() if any(_STOCK_CODE.fullmatch(a) for a in e.aliases)}
    respective = _respective_subjects(observations, index)
    names_in: dict[str, list[str]] = {}  # each sentence's names, read once for all its values

    def names_of(sentence: str) -> list[str]:
        if sentence not in names_in:
            names_in[sentence] = _names_of(sentence, index)
        return names_in[sentence]

    result = []
    for n, item in enumerate(observations):
        if n in respective:  # 沪上阿姨、茶百道闭店率分别为6.31%、2.93%: the n-th value is the n-th name's
            subject, _ = respective[n]
            phrase = item.phrase
            for name in names_of(item.sentence):
                phrase = phrase.replace(name, " ")
            phrase = phrase.split(" ")[-1] if phrase.strip() else ""
            metric = as_demand(_implicit_metric(item, head_metric(phrase) if phrase.strip() else ""), item.qualifiers)
            result.append(replace(item, subject=subject, subject_inferred=False, metric=metric,
                                  phrase=phrase or item.phrase, qualifiers=without_item(item.qualifiers)))
            continue
        if item.family == "post":  # a post's holder was read with it: a person, named by the story or not
            named = [m.entity_id for m in index.mentions(item.subject)
                     if (m.start, m.end) == (0, len(item.subject))]
            result.append(replace(item, subject=named[0]) if named else item)
            continue
        sentence = item.sentence
        mentions = index.mentions(sentence)
        # longest first; of two as long, the one said first (黄金价格…金价跌: 黄金 is cut from 黄金价格, not 金价):
        # never the order of a set, which would change with the hash seed
        named = names_of(sentence)
        start = item.span[0]
        clause_start = _clause_start(sentence, start)
        before = [m for m in mentions if m.end <= start]
        in_clause = [m for m in before if m.start >= clause_start]
        # a day opening its sentence (2月6日晚间，荣昌生物披露称) is the day of what the name after it does
        reach = len(sentence) if item.family == "date" else _clause_end(sentence, item.span[1])
        after = [m for m in mentions if item.span[1] <= m.start < reach]
        inferred = False
        if in_clause:
            subject = in_clause[-1].entity_id
        elif after and item.family == "date":
            subject = after[0].entity_id
        elif before:
            subject = before[-1].entity_id
        else:  # 该集团, 公司: the name said last before this sentence, else the story's main name
            earlier = index.mentions(item.before) if item.before else []
            subject, inferred = (earlier[-1].entity_id if earlier else main), True
        phrase = item.phrase
        for name in named:  # longest first
            phrase = phrase.replace(name, " ")
        phrase = phrase.split(" ")[-1] if phrase.strip() else ""
        metric = as_demand(_implicit_metric(item, head_metric(phrase) if phrase.strip() else ""), item.qualifiers)
        if metric in SHARE_METRICS and subject not in listed:
            # 文心一言发布后，百度股价涨5%: a share price is a listed company's, the one the sentence names
            quoted = [m for m in before if m.entity_id in listed] or [m for m in mentions if m.entity_id in listed]
            said = [m.entity_id for m in index.mentions(item.before) if m.entity_id in listed] if item.before else []
            if quoted:
                subject, inferred = (quoted[-1] if quoted[-1].end <= start else quoted[0]).entity_id, False
            elif said or len(listed) == 1:  # 该集团市值: the listed company said last, else the only one
                subject, inferred = (said[-1] if said else next(iter(listed))), True
        result.append(replace(item, subject=subject, subject_inferred=inferred, metric=metric,
                              phrase=phrase or item.phrase))
    return result


def _names_of(sentence: str, index: EntityIndex) -> list[str]:
    """The names a sentence writes, longest first; of two as long, the one said first (黄金价格…金价跌: 黄金 is
    cut from 黄金价格, not 金价): never the order of a set, which would change with the hash seed."""
    first: dict[str, int] = {}
    for m in index.mentions(sentence):
        name = to_simplified(sentence[m.start:m.end])
        first[name] = min(first.get(name, m.start), m.start)
    return sorted(first, key=lambda n: (-len(n), first[n], n))


_NAME_JOIN = re.compile(rf"\s*{LIST_JOINER}\s*")


def _respective_subjects(observations: list[Observation], index: EntityIndex) -> dict[int, tuple[str, int]]:
    """Values of a list read against a list of as many names before it in its clause, item by item:
    沪上阿姨、茶百道闭店率分别为6.31%、2.93% (a 2025-02 report) gives 6.31% to 沪上阿姨 and 2.93% to 茶百道, where
    the nearest name before each value would give both to 茶百道. Index in `observations` → (subject, place)."""
    found: dict[int, tuple[str, int]] = {}
    for run in list_runs(observations):
        first = observations[run[0]]
        sentence = first.sentence
        clause_start = _clause_start(sentence, first.span[0])
        mentions = sorted((m for m in index.mentions(sentence) if clause_start <= m.start and m.end <= first.span[0]),
                          key=lambda m: (m.start, -m.end))
        names: list[list[tuple[int, int, str]]] = []
        for m in mentions:
            if names and m.start < names[-1][-1][1]:
                continue  # inside the name before it
            if names and _NAME_JOIN.fullmatch(sentence, names[-1][-1][1], m.start):
                names[-1].append((m.start, m.end, m.entity_id))
            else:
                names.append([(m.start, m.end, m.entity_id)])
        last = [entity for _, _, entity in names[-1]] if names else []
        if len(last) == len(run) and len(set(last)) == len(last):
            for place, (n, entity) in enumerate(zip(run, last, strict=True), start=1):
                found[n] = (entity, place)
    return found


# what names a share price's move: nothing (阿里巴巴收涨2.55%), the price or the move's noun, or English words
# for a company's shares (Shares sank 10% after hours, Lyft stock fell 5%: read lower-case, as head_metric leaves them)
PRICE_MOVE = ("", "股价", "涨幅", "跌幅", "升幅", "shares", "stock")
SHARE_METRICS = ("股价", "股价涨跌", "市值")
_STOCK_CODE = re.compile(r"\d{4,6}(?:\.[A-Za-z]{2})?|[A-Z]{1,5}(?:\.[A-Z]{1,2})?")


def _implicit_metric(item: Observation, metric: str) -> str:
    """阿里巴巴收涨2.55%, 股价升逾7%: a change right after a name (or its share price) is the
    share price's move; 收报251.8元, 报93.8港元/股: an amount after a name in a market is its price."""
    if item.family == "%change" and metric in PRICE_MOVE:
        return "股价涨跌"
    if item.family == "money" and not metric and (
            item.qualifier("session") or item.qualifier("market")
            or (isinstance(item.value, Quantity) and item.value.scale_text == "/股")):
        return "股价"
    return metric


_BREAK = re.compile(r"[，,：:；;]")


def _clause_start(text: str, offset: int) -> int:
    found = [m.end() for m in _BREAK.finditer(text, 0, offset)]
    return found[-1] if found else 0


def _clause_end(text: str, offset: int) -> int:
    match = _BREAK.search(text, offset)
    return match.start() if match else len(text)


def candidates(story: str, observations: list[Observation],
               names: dict[str, tuple[str, ...]] | None = None) -> list[Candidate]:
    """The candidate facts of one story, best first. `names` are the spellings of the story's
    entities by id: words two values share only by naming their subject do not make them told alike."""
    buckets: dict[tuple[str, str, str], list[Observation]] = {}
    for item in observations:
        if item.metric and item.subject:
            buckets.setdefault((item.subject, item.metric, comparable(item.family)), []).append(item)
    found = []
    for (subject, metric, family), items in sorted(buckets.items()):
        if len({i.article for i in items}) < 2:
            continue
        events = {(i.article, i.line, i.span): event_words(i, names or {}) for i in items} if family == "date" else None
        for group in _components(items, events):
            if len({i.article for i in group}) < 2:
                continue
            found.append(_candidate(story, subject, metric, group[0].family, group))
    found.extend(_told_alike(story, observations, found, names or {}))
    found.extend(_listed_alike(story, observations, found))
    found.extend(_told_once(story, observations, found))
    # a group's size that every source gives alike is a name repeated (美股三大指数), no fact told
    found = [c for c in found if not (c.family == GROUP_SIZE and c.verdict == "agree")]
    cast = _cast(observations)
    found = [c for c in found if not (c.family == "set" and all(_members(o) in cast for o in c.observations))]
    return sorted(found, key=rank_key)


CAST_SENTENCES = 3  # sentences of one article that list the same names: the story's cast, not a fact it lists


def _members(item: Observation) -> frozenset[str]:
    return frozenset(item.value.members) if isinstance(item.value, EntitySet) else frozenset()


def _cast(observations: list[Observation]) -> set[frozenset[str]]:
    """Lists of names an article gives in CAST_SENTENCES or more sentences: who the story is about
    (如果台积电与英特尔成立合资企业 / 英特尔与台积电的工艺生态系统不同 / 英特尔的芯片代工厂…由台积电和英特尔共同拥有:
    seven sentences of one 2025-02 财联社 report), not a fact a source states by listing them. A list an outlet
    states as a fact (the accounts a platform banned, two process nodes) is given once, or again in a lead."""
    said: dict[tuple[str, frozenset[str]], set[tuple[int, str]]] = {}
    for item in observations:
        if item.family == "set":
            said.setdefault((item.article, _members(item)), set()).add((item.line, item.sentence))
    return {members for (_, members), sentences in said.items() if len(sentences) >= CAST_SENTENCES}


def _listed_alike(story: str, observations: list[Observation], found: list[Candidate]) -> list[Candidate]:
    """Lists of names two articles give that share at least half their names (`SHARED_MEMBERS`),
    whoever and whatever the words around them name: a list says what it is about by its names
    (“张兰·俏生活”、“张兰之箖玥甄选”、“汪小菲” / “张兰·俏生活”“张兰之箖玥精选”“汪小菲”)."""
    held = {(o.article, o.line, o.span) for c in found for o in c.observations}
    lists = sorted((o for o in observations if o.family == "set" and (o.article, o.line, o.span) not in held),
                   key=lambda o: (o.article, o.line, o.span))
    joined = Joined(len(lists))
    for i in range(len(lists)):
        for j in range(i + 1, len(lists)):
            if lists[i].article != lists[j].article and _linked(lists[i], lists[j]):
                joined.join(i, j)
    groups: dict[int, list[Observation]] = {}
    for n, item in enumerate(lists):
        groups.setdefault(joined.root(n), []).append(item)
    result = []
    for group in groups.values():
        if len({o.article for o in group}) >= 2:
            subject = _most_said([o.subject for o in group if o.subject])
            result.append(_candidate(story, subject, _most_said([o.metric for o in group if o.metric]), "set", group))
    return result


def _told_once(story: str, observations: list[Observation], found: list[Candidate]) -> list[Candidate]:
    """Values that are the only one of their kind each article states about a subject.

    万物云或需要质押约1.947亿股 / 万科将持有合共约2亿1千万股万物云股票: two outlets, one count of
    shares each, named by two different verbs. When each of two articles states exactly one value of
    a family about a subject (the same value said twice is said once: a lead repeats its body), and
    the two could be one fact (linked as in a bucket, same stance, no clashing qualifier, not two
    known different line items), they are one candidate — also when each sits in a candidate of its
    own metric (阿里巴巴……占净资产的16% / 阿里巴巴仍是其最大的持仓，约占其67亿美元投资组合的15.4%),
    unless a candidate already holds them all."""
    held = [{(o.article, o.line, o.span) for o in c.observations} for c in found]
    known = canonical_metrics() | {"股价涨跌"}
    by_kind: dict[tuple[str, str], dict[str, list[Observation]]] = {}
    for item in observations:
        # a group's size names the group (三大汽车央企: 一汽, 东风, 长安), no measure of its subject: two
        # sizes alone of their kind about one company are as often two groups as one
        if item.subject and item.family not in ("date", "set", "post", GROUP_SIZE):
            by_kind.setdefault((item.subject, comparable(item.family)), {}).setdefault(item.article, []).append(item)
        elif item.family == "date" and is_deadline(item):
            # a month something is moved to is the story's, whoever each outlet names (聯儲局 / 美联储: a Hong Kong
            # and a mainland name of one central bank): each article that moves one thing moves the story's
            by_kind.setdefault(("", "deadline"), {}).setdefault(item.article, []).append(item)
    result = []
    for (subject, _family), articles in sorted(by_kind.items()):
        alone = [items[0] for _, items in sorted(articles.items())
                 if all(agrees(i.value, items[0].value) and i.qualifiers == items[0].qualifiers for i in items)]
        if len(alone) < 2:
            continue
        joined = Joined(len(alone))
        for i in range(len(alone)):
            for j in range(i + 1, len(alone)):
                a, b = alone[i], alone[j]
                if a.metric in known and b.metric in known and a.metric != b.metric:
                    continue
                if compatible(a, b) and _linked(a, b):
                    joined.join(i, j)
        groups: dict[int, list[Observation]] = {}
        for n, item in enumerate(alone):
            groups.setdefault(joined.root(n), []).append(item)
        for group in groups.values():
            keys = {(o.article, o.line, o.span) for o in group}
            if len(group) < 2 or any(keys <= h for h in held):
                continue
            metric = _most_said([o.metric for o in group if o.metric])
            candidate = _candidate(story, subject or _most_said([o.subject for o in group if o.subject]), metric,
                                   group[0].family, group)
            # aligned by being alone, not by what names them: ranked below what words aligned
            result.append(replace(candidate, score=round(candidate.score * TOLD_ONCE_WEIGHT, 4)))
    return result


# ------------------------------------------------------------------ values told alike

SHARED_MEMBERS = 0.5  # two lists of names are of one fact when half the names they hold are in both
TOLD_ONCE_WEIGHT = 0.5  # a candidate of values aligned only by being alone of their kind weighs less
ALIKE = 0.35  # share of the lighter context's weight (pairs of characters, rarer ones weigh more) both hold
_CONTEXT_BEFORE, _CONTEXT_AFTER = 24, 10  # characters around a value read as its context
_NOT_CONTEXT = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")


def _context(item: Observation, text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    """The character pairs around a value in its sentence `text` (digits, punctuation and the value
    itself left out), not reaching past the values beside it (`spans`): their words are theirs."""
    start, end = item.span
    begin = max([start - _CONTEXT_BEFORE, 0] + [e for s, e in spans if e <= start])
    stop = min([end + _CONTEXT_AFTER] + [s for s, _ in spans if s >= end])
    words = _NOT_CONTEXT.sub("|", text[begin:start] + "|" + text[end:stop])
    return frozenset(pair for w in words.split("|") for pair in _pairs(w))


def _pairs(word: str) -> list[str]:
    return [word[i:i + 2] for i in range(len(word) - 1)]


def _told_alike(story: str, observations: list[Observation], found: list[Candidate],
                names: dict[str, tuple[str, ...]]) -> list[Candidate]:
    """Values two sources tell in alike words, which subject or metric reading kept apart.

    Two outlets seldom name a fact the same way: 工作近20年 / 任职近二十年 / 共计超20年, a date
    opening 荣昌生物披露称 or 荣昌生物发布公告称, 抖音的0.8% / 某一模块相关函数总量的0.8%. Values
    of one family from two articles that could be one fact (agree, near, a slipped digit) and
    whose surrounding words are mostly the same are one candidate, unless both name known,
    different line items (营收 and 净利润 stay apart however alike their sentences), or one is a
    forecast and the other not, or their qualifiers clash. A group already inside one candidate
    adds nothing. Two values of one subject, one with no known metric (nothing says what it measures
    or dates: no line item, event or told verb), whose shared words are only the subject's name, beside words they do not share (今天上午，OPPO Find N5
    正式官宣 / 2025年2月13日，OPPO于…举办发布会), share their subject, not their fact: not alike (a name that
    is all the words around both, 2月7日，抖音集团副总裁…, still is; other names both write, 国家药品监督管理局
    beside the subject FDA, say where, and count; and a summit's name beside 开幕 and 召开 names the event)."""
    items = sorted((o for o in observations if o.subject and o.family != "post"), key=lambda i: (i.article, i.line, i.span))
    spans: dict[tuple[str, int, str], list[tuple[int, int]]] = {}
    for item in observations:
        spans.setdefault((item.article, item.line, item.sentence), []).append(item.span)
    simplified = {sentence: to_simplified(sentence) for sentence in {i.sentence for i in items}}
    contexts = [_context(i, simplified[i.sentence], spans[(i.article, i.line, i.sentence)]) for i in items]
    # a pair of characters weighs more the fewer values of the story it stands near (药品监督管理局
    # says more than 公司): its smoothed inverse document frequency over the story's values, which
    # in a story of few values weighs every pair alike
    seen = Counter(pair for context in contexts for pair in context)
    weight = {pair: 1 + math.log((1 + len(items)) / (1 + count)) for pair, count in seen.items()}
    totals = [math.fsum(weight[p] for p in context) for context in contexts]  # fsum: no order, same sum
    in_names = {entity: frozenset(pair for name in map(to_simplified, aliases)
                                  for word in _NOT_CONTEXT.split(name) for pair in _pairs(word))
                for entity, aliases in names.items()}
    joined = Joined(len(items))

    known = canonical_metrics() | {"股价涨跌"}
    by_source: dict[tuple[str, str], list[int]] = {}
    for n, item in enumerate(items):
        by_source.setdefault((comparable(item.family), item.article), []).append(n)
    near = {source: _pair_index(members, contexts) for source, members in by_source.items()}
    articles_of: dict[str, list[str]] = {}  # each family's articles, in order (sorted once, not per source)
    for family, article in sorted(by_source):
        articles_of.setdefault(family, []).append(article)
    events: dict[int, frozenset[str]] = {}

    def events_of(n: int) -> frozenset[str]:
        if n not in events:
            events[n] = event_words(items[n], names)
        return events[n]

    for (family, article), members in sorted(by_source.items()):
        for other in articles_of[family]:
            if other <= article:
                continue
            for i, j in _best_pairs(members, near[family, other], contexts, weight, totals, items, in_names):
                a, b = items[i], items[j]
                if a.metric and (a.subject, a.metric) == (b.subject, b.metric):
                    continue  # one bucket: compared there (values with no metric have none)
                if a.metric in known and b.metric in known and a.metric != b.metric:
                    continue
                if a.qualifier("stance") != b.qualifier("stance") or not compatible(a, b):
                    continue  # 超出市场预期的107亿美元 beside 营收115亿美元: a forecast is not the figure
                if family == "date" and not (agrees(a.value, b.value) or same_event(events_of(i), events_of(j))):
                    continue  # 发布了其2024年度的业绩预告 / 宣布了港股上市的意向: alike by their subject, two events
                if _linked(a, b):
                    joined.join(i, j)
    groups: dict[int, list[Observation]] = {}
    for n, item in enumerate(items):
        groups.setdefault(joined.root(n), []).append(item)
    held = [{(o.article, o.line, o.span) for o in c.observations} for c in found]
    result = []
    for group in groups.values():
        if len({o.article for o in group}) < 2:
            continue
        keys = {(o.article, o.line, o.span) for o in group}
        if any(keys <= h for h in held):
            continue
        subject = _most_said([o.subject for o in group])
        metric = _most_said([o.metric for o in group if o.metric])
        result.append(_candidate(story, subject, metric, group[0].family, group))
    return result


def _pair_index(members: list[int], contexts: list[frozenset[str]]) -> dict[str, list[int]]:
    """Which of one article's values (in order) stand near each character pair."""
    index: dict[str, list[int]] = {}
    for n in members:
        for pair in contexts[n]:
            index.setdefault(pair, []).append(n)
    return index


def _best_pairs(members: list[int], others: dict[str, list[int]], contexts: list[frozenset[str]],
                weight: dict[str, float], totals: list[float], items: list[Observation],
                in_names: dict[str, frozenset[str]]) -> list[tuple[int, int]]:
    """Values of two articles whose contexts are alike and each the other's most alike: in two
    copies of one sentence (预期1076万, 下调至1061万) each value pairs with its own copy only.
    Two equally alike values of one article that state the same value (a lead repeated in the
    summary: 2月7日，抖音集团副总裁李亮… at lines 4 and 28) are one choice: the first.

    `others`: the other article's values by the character pairs near them (_pair_index). Only
    values that share a pair are scored: the rest score 0, below ALIKE, and can be neither
    one's best nor tie with it, so a big story's articles are not compared value by value."""
    def overlap(i: int, j: int) -> float:
        if min(len(contexts[i]), len(contexts[j])) < 3:
            return 0.0
        shared = contexts[i] & contexts[j]
        # two values of which one says nothing of what it is (no known measure, no event word) and that share
        # only their subject's name, beside other words, are one subject's values, not one fact
        unnamed = items[i].subject == items[j].subject and not (_named(items[i]) and _named(items[j]))
        subject = in_names.get(items[i].subject, frozenset()) if unnamed else frozenset()
        if not shared or (shared <= subject and (contexts[i] - subject or contexts[j] - subject)):
            return 0.0
        return math.fsum(weight[p] for p in shared) / min(totals[i], totals[j])

    table: dict[tuple[int, int], float] = {}
    for i in members:
        for j in sorted({j for pair in contexts[i] for j in others.get(pair, ())}):
            score = overlap(i, j)
            if score:
                table[i, j] = score
    scored_i: dict[int, list[tuple[float, int]]] = {}
    scored_j: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in table.items():
        scored_i.setdefault(i, []).append((score, j))
        scored_j.setdefault(j, []).append((score, i))

    def best(scores: list[tuple[float, int]]) -> list[int]:
        scores.sort(key=lambda sj: (-sj[0], sj[1]))
        if not scores or scores[0][0] < ALIKE:
            return []  # nothing alike
        top = scores[0][1]
        tied = [j for score, j in scores[1:] if score == scores[0][0] and not agrees(items[j].value, items[top].value)]
        if tied and all(_without_value(items[j]) == _without_value(items[top]) for j in tied):
            # one sentence an article repeats with another figure (此次两大汽车央企的战略性整合… / 此次三大汽车央企
            # 的战略性整合…): the article contradicts itself, and both are the other article's value
            return [top, *tied]
        return [] if tied else [top]  # two equally alike, of different values: no way to tell which

    pairs = []
    for i in members:
        for j in best(list(scored_i.get(i, ()))):
            if i in best(list(scored_j.get(j, ()))):
                pairs.append((i, j))
    return pairs


def _named(item: Observation) -> bool:
    """The value's metric says what it is: a known measure (营收, 需求) or the event a day dates (开幕, 公告)."""
    return item.metric in canonical_metrics() or item.metric in EVENT_VERBS or item.metric in TOLD_VERBS


def _without_value(item: Observation) -> str:
    """The value's sentence with the value cut out: two values whose sentences are then the same are
    one sentence said twice with two figures (not two values whose few nearby words are alike:
    同比增长6.41% and 同比增长11.25% are two line items' changes)."""
    return to_simplified(item.sentence[:item.span[0]] + "|" + item.sentence[item.span[1]:])


def _most_said(words: list[str]) -> str:
    counts = Counter(words)
    return min(counts, key=lambda w: (-counts[w], w)) if counts else ""


def rank_key(candidate: Candidate) -> tuple[object, ...]:
    first = candidate.observations[0]
    return (-candidate.score, candidate.key, first.article, first.line)


def _components(items: list[Observation],
                events: dict[tuple[str, int, tuple[int, int]], frozenset[str]] | None = None) -> list[list[Observation]]:
    """A bucket's values in groups that could be one fact each. `events`: each date's event words
    (event_words), by (article, line, span): two different dates of one verb whose events share no word are two
    events, not one told two ways (the same date twice is linked by its value: 签署的总统备忘录 / 签署了一项措施)."""
    items = sorted(items, key=lambda i: (i.article, i.line, i.span))
    joined = Joined(len(items))
    said = [events[i.article, i.line, i.span] for i in items] if events is not None else []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if _linked(items[i], items[j]) and (not said or same_event(said[i], said[j])
                                                or agrees(items[i].value, items[j].value)):
                joined.join(i, j)
    groups: dict[int, list[Observation]] = {}
    for i, item in enumerate(items):
        groups.setdefault(joined.root(i), []).append(item)
    return sorted(groups.values(), key=lambda g: (g[0].article, g[0].line, g[0].span))


# what a count counts is the noun written after its measure word (三大版本, 两大品牌; 四个字, 3个共同点):
# up to COUNTED characters of the clause after it (五款入门级高端香水 / 五款自有香水: 香水 is within reach).
# A measure word that is itself what is counted (人, 名) or a unit of time (a duration goes on with a verb:
# 上映7天，累计) names no noun; 的 ties words, it names nothing both count
COUNTED = 6
_COUNTED_STOP = re.compile(r"[，,。；;：:！？!?、\s（(）)“”「」《》—\-|｜]")


def counted(item: Observation) -> str:
    """The noun a count counts, as written after its measure word ('' when none is written or the family
    is no count of things)."""
    if not item.family.startswith("count:") or comparable(item.family) == "duration" \
            or item.family.removeprefix("count:") in PEOPLE:
        return ""
    after = to_simplified(item.sentence[item.span[1]:item.span[1] + COUNTED])
    stop = _COUNTED_STOP.search(after)
    return after[:stop.start()] if stop else after


def same_counted(a: Observation, b: Observation) -> bool:
    """Two counts may be one fact only when they count one thing: the nouns after their measure words share
    a character, or one writes none (66个国际品牌 / 品牌总数为63个). 三大版本 and 两大品牌, 四个字 and
    3个共同点 are counts of different things, however near their numbers. Only a difference is withheld:
    two counts that agree are linked whatever nouns follow (三家企业 / 三家公司 name one group two ways)."""
    x, y = counted(a), counted(b)
    return not x or not y or not (set(x) - {"的"}).isdisjoint(y)


# a stake is its holder's: the words right before the verb of holding in the value's clause (深铁集团持有万科
# 27.18%股权, 张和君及其一致行动人合计持有公司60.81%股份, 中伟香港兴创持股40%)
_HOLDS = re.compile(r"持有|持股|拥有")
_HOLDER = re.compile(r"[\u4e00-\u9fffA-Za-z]+$")
# how a stake is held, said where the holder was said before (王长田作为…实控人，间接持股5.53%): no holder
_MANNER = re.compile(r"(?:直接|间接|合计|共同|分别|累计|共|各)+$")


def holder(item: Observation) -> str:
    """Who holds a share (a % value), as its clause writes it before 持有, 持股 or 拥有 ('' when it says none)."""
    if item.family != "%":
        return ""
    text = to_simplified(item.sentence)
    begin = _clause_start(text, item.span[0])
    said = list(_HOLDS.finditer(text, begin, item.span[0]))
    run = _HOLDER.search(text, begin, said[-1].start()) if said else None
    if run is None:
        return ""
    # the manner of holding and the words that open a clause are no holder: 间接持股 names none, 其中刘钜荣持股
    # 刘钜荣 (link words are not cut: 中伟香港兴创持股 ends in a name's 创)
    return without_lead(_MANNER.sub("", run.group(0)))


def same_holder(a: Observation, b: Observation) -> bool:
    """Two stakes that differ are one fact only when their holders share a pair of characters, or one names
    none: 深铁集团持有万科27.18%股权 and 张和君及其一致行动人合计持有公司60.81%股份 are two holders' stakes,
    while 深圳地铁集团持有约两成七万科股权 is the first's (and agrees)."""
    x, y = holder(a), holder(b)
    return not x or not y or not set(_pairs(x)).isdisjoint(_pairs(y))


def one_thing(a: Observation, b: Observation) -> bool:
    """Two values that differ may be one fact: they count one thing (same_counted), a stake of one holder
    (same_holder)."""
    return same_counted(a, b) and same_holder(a, b)


def _linked(a: Observation, b: Observation) -> bool:
    if a.qualifier("stance") != b.qualifier("stance"):
        return False  # a forecast or a prior value beside an actual one: two facts, however near
    if agrees(a.value, b.value):
        return True
    if not one_thing(a, b):
        return False  # 三大版本 / 两大品牌: counts of two things; two holders' stakes: no account of one
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        if a.value.unit != b.value.unit:  # the same digits in two currencies, or two units of time (4个月, 4年)
            if comparable(a.family) == comparable(b.family) == "duration":
                return a.value.value == b.value.value  # 四个月 / 逾4年
            return a.family.startswith("money") and _digits(a.value) == _digits(b.value) and len(_digits(a.value)) >= 2
        return near(a.value, b.value) or slipped(a.value, b.value) or milestones(a.value, b.value)
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        return _near_dates(a.value, b.value)
    if isinstance(a.value, EntitySet) and isinstance(b.value, EntitySet):
        return shared(a.value, b.value) >= SHARED_MEMBERS
    # the posts of one holder (a bucket's subject) are one fact: which post he holds
    return isinstance(a.value, StatusValue) and isinstance(b.value, StatusValue)


# what a date's clause says happened, besides its verb and subject: a character the clause writes between
# words (的, 了, 在 …), or a part of a date, is no word of the event
_NOT_EVENT = re.compile(r"[^\u4e00-\u9fffA-Za-z]+|[的了在已其于将便就并也又被把对与和及从向至到由曾还都而或等该此这那是为着过年月日]")
_EVENT_VERB = re.compile("|".join(sorted(set(EVENT_VERBS + TOLD_VERBS), key=lambda w: (-len(w), w))))


def event_words(item: Observation, names: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The character pairs that say what a date dates, beside its verb: the words of its clause (and, when
    nothing follows the date in it, of the clause after it: 2024年10月，国务院国资委组织召开中央企业专业化整合推进会)
    without the date, the verbs of events and of telling, and the subject's names. 在今年1月召开的国新办发布会上
    and 召开中央企业专业化整合推进会 are two meetings, 发布了其2024年度的业绩预告 and 宣布了港股上市的意向 two
    announcements, 上线“秒送”频道 and 京东外卖已上线 two launches: each a date of its own event."""
    text = to_simplified(item.sentence)
    start, end = item.span
    begin, stop = _clause_start(text, start), _clause_end(text, end)
    if len(_NOT_EVENT.sub("", text[end:stop])) < 2 and stop < len(text):
        stop = _clause_end(text, stop + 1)  # nothing after the date in its clause: the event is the next clause's
    words = text[begin:start] + "|" + text[end:stop]
    for alias in sorted({to_simplified(a) for a in names.get(item.subject, ())}, key=lambda a: (-len(a), a)):
        words = words.replace(alias, "|")
    words = _NOT_EVENT.sub("|", _EVENT_VERB.sub("|", words))
    return frozenset(pair for word in words.split("|") for pair in _pairs(word))


def same_event(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two dates' event words (event_words) could be of one event: they share a word, or one says none."""
    return not a or not b or not a.isdisjoint(b)


DATE_SLACK = 7  # dates this many of their unit apart may be one date told two ways: 7 days, or 7 months


def _near_dates(a: DateValue, b: DateValue) -> bool:
    """Two days within a week, or two months within seven months: a date's slack grows with its unit, as
    a month something is moved to (由原来6月推遲至7月 / 推迟至12月: the next rate cut's month) is told
    coarser than a day."""
    if a.precision == b.precision == "month":
        months = (a.start.year - b.start.year) * 12 + a.start.month - b.start.month
        return abs(months) <= DATE_SLACK
    return abs((a.start - b.start).days) <= DATE_SLACK


def shared(a: EntitySet, b: EntitySet) -> float:
    """The share of the names two lists hold that both hold (Jaccard)."""
    x, y = set(a.members), set(b.members)
    return len(x & y) / len(x | y)


def near(a: Quantity, b: Quantity) -> bool:
    x, y = a.value, b.value
    if x == 0 or y == 0 or (x > 0) != (y > 0):
        return False
    x, y = abs(x), abs(y)
    return max(x, y) / min(x, y) <= NEAR


def _digits(q: Quantity) -> str:
    """The significant digits as written: 175.5亿 → 1755, 35.53% → 3553."""
    number = re.sub(r"[^\d]", "", re.sub(r"[^\d.]", "", q.raw.split("至")[0]))
    return number.strip("0") or number


def milestones(a: Quantity, b: Quantity) -> bool:
    """市值破万亿 / 市值破百亿: two round sizes written with no digit are one milestone, stated at two sizes."""
    return is_milestone(a.raw) and is_milestone(b.raw)


def slipped(a: Quantity, b: Quantity) -> bool:
    """175.5 vs 1755.43, 5.53% vs 35.53%: one's digits are inside the other's; 1.73亿 vs 173亿:
    the same digits at another size (a dropped decimal point)."""
    x, y = _digits(a), _digits(b)
    short, long_ = sorted((x, y), key=len)
    if short == long_:
        return len(short) >= MIN_DIGITS and magnitude(a) != magnitude(b)
    return len(short) >= MIN_DIGITS and short in long_


def offices(post: StatusValue) -> set[str]:
    """The offices a post names, without the titles of origin (创始人兼董事长 → {董事长}): a founder is
    one whatever office he holds, so only offices can tell two accounts of one post apart."""
    return set(post.label.split("兼")) - ZH.founding_posts


def same_offices(a: Observation, b: Observation) -> bool:
    """Two posts naming the same offices (联合创始人兼董事长 / 董事长): one post, one source adding
    where he began."""
    return (isinstance(a.value, StatusValue) and isinstance(b.value, StatusValue)
            and offices(a.value) == offices(b.value) != set())


def nested(a: StatusValue, b: StatusValue) -> bool:
    """Two posts one of which holds every office of the other (董事长 / 董事长兼总裁), or one that
    names no office (创始人 / 董事长): one source names fewer of his titles, it does not give him
    another post."""
    x, y = offices(a), offices(b)
    return x != y and (x <= y or y <= x)


def compatible(a: Observation, b: Observation) -> bool:
    """No qualifier both state differently (period, basis, market, session …)."""
    known = {name: value for name, value, _ in a.qualifiers if name not in IGNORED_QUALIFIERS}
    if (_unplaced(a) and _told_alone(b)) or (_unplaced(b) and _told_alone(a)):
        return False
    return all(known.get(name, value) == value for name, value, _ in b.qualifiers if name not in IGNORED_QUALIFIERS)


def _told_alone(item: Observation) -> bool:
    """A value that is of a stated period, or of no list: which item of an unplaced list it would be is
    unknown (奥克斯的资产负债率分别高达88.3%、78.8%… / 资产负债率超过80%: which year's?)."""
    return bool(item.qualifier("period")) or not item.qualifier("item")


def _unplaced(item: Observation) -> bool:
    """A value of a list whose periods the sentence does not give one by one (锦艺新材实现营收分别为3.25亿元、
    4.29亿元… after 2021-2023年及2024年上半年): which period it is of is unknown, so it is compared with a value
    of a stated period, or with a value of no list, only when they agree (2022年营收为4.29亿元), never called a
    disagreement; the same place of another such list is compared as before."""
    return bool(item.qualifier("item")) and not item.qualifier("period")


# what a value is a measure of, said next to it: a high or low (一度, 最高), an adjusted figure (可比每股收益).
# A value marked so and one that is not are two quantities, as a check's context `measure=?` is apart
# from `measure=high`: 盘中涨幅一度接近12% is the day's high, 涨5.51% at the time of writing
STATED_MEASURES = ("measure", "accounting")


def same_measure(a: Observation, b: Observation) -> bool:
    """Both values are of one measure: both unmarked, or marked alike (the day's high, adjusted)."""
    return all(a.qualifier(name) == b.qualifier(name) for name in STATED_MEASURES)


def one_figure(a: Value, b: Value) -> bool:
    """Two amounts that are one figure as a check reads them (no disagreement there either): one written
    loosely or rounded by one source and cut off by the other (近970亿 of 974亿; 15.72% and 15.71%:
    `Quantity.approximates`, the check's `rounded` at level info), or the same number where one currency is
    only the outlet's guess (28.94元 in a Hong Kong paper about an A share: kinds/currency.py GUESSED, as
    compare.py's currency check leaves such pairs alone). Figures at two precisions that may be one
    (107亿 and 108亿: the check's `rounded` warning) stay a disagreement: an editor should see them."""
    if not (isinstance(a, Quantity) and isinstance(b, Quantity)):
        return False
    if a.unit != b.unit:
        return bool(GUESSED & {a.unit_from, b.unit_from}) and a.value == b.value and a.low == b.low and a.high == b.high
    return a.approximates(b)


def _apart_in_roles(a: Observation, b: Observation) -> bool:
    """Two lists of names that differ only by names each sentence gives outside the other's list:
    苏宁易购与苏宁控股集团、苏宁电器集团之间业务相互独立 / 苏宁电器集团和苏宁控股集团并非苏宁易购的控股股东 both
    name all three, 苏宁易购 in another role in the second: no name is left out."""
    if not (isinstance(a.value, EntitySet) and isinstance(b.value, EntitySet)):
        return False
    first, second = set(a.value.members), set(b.value.members)

    def elsewhere(item: Observation) -> str:
        text = to_simplified(item.sentence)
        return text[:item.span[0]] + " " + text[item.span[1]:]

    only_first = {n for n in first - second if n in elsewhere(b)}
    only_second = {n for n in second - first if n in elsewhere(a)}
    return bool(only_first or only_second) and first - only_first == second - only_second


def _candidate(story: str, subject: str, metric: str, family: str, group: list[Observation]) -> Candidate:
    pairs = []
    held: dict[str, set[str]] = {}  # a post → the articles that give it: a person may hold two (宗庆后: 创始人, 董事长)
    for item in group:
        if isinstance(item.value, StatusValue):
            held.setdefault(item.value.label, set()).add(item.article)
    for i in range(len(group)):
        for j in range(i + 1, len(group)):
            a, b = group[i], group[j]
            if a.article == b.article or not (one_thing(a, b) or agrees(a.value, b.value)):
                continue  # a count of another thing (三大版本 / 两大品牌), another's stake: no other account
            if isinstance(a.value, StatusValue) and isinstance(b.value, StatusValue) and a.value.label != b.value.label and (
                    a.article in held[b.value.label] or b.article in held[a.value.label] or nested(a.value, b.value)
                    or a.qualifier("stance") == "prior"):
                # an article that gives both posts says he holds both: two posts, not two accounts of one;
                # and two former posts (前首席医学官, 前首席战略官) may both have been his, one after the other
                continue
            if agrees(a.value, b.value) or _apart_in_roles(a, b) or one_figure(a.value, b.value) or same_offices(a, b):
                relation = "agree"
            elif compatible(a, b) and same_measure(a, b):
                relation = "disagree"
            else:
                relation = "context"
            pairs.append(Pair(i, j, relation))  # type: ignore[arg-type]
    relations = {p.relation for p in pairs}
    verdict: Verdict = "disagree" if "disagree" in relations else "context" if "context" in relations else "agree"
    sources = len({o.article for o in group})
    return Candidate(story, subject, metric, family, tuple(group), tuple(pairs), verdict, sources,
                     _score(group, pairs, verdict, sources))


def _score(group: list[Observation], pairs: list[Pair], verdict: Verdict, sources: int) -> float:
    """How much the sources disagree, and how many state it.

    A disagreement counts more when its values are close or share their digits
    (one fact, stated two ways) than when they are far apart (maybe two facts);
    every article stating the fact adds weight; values whose subject was only
    inferred weigh less."""
    inferred = sum(o.subject_inferred for o in group) / len(group)
    weight = sources * (1.0 - 0.3 * inferred)
    if verdict == "agree":
        return round(weight, 4)
    disagreeing = [p for p in pairs if p.relation == verdict]
    close = 0.0
    for pair in disagreeing:
        a, b = group[pair.first].value, group[pair.second].value
        if isinstance(a, Quantity) and isinstance(b, Quantity):
            if a.unit != b.unit or slipped(a, b):
                close = max(close, 1.0)
            else:
                ma, mb = magnitude(a), magnitude(b)
                if ma and mb:
                    ratio = float(abs(ma - mb) / max(abs(ma), abs(mb)))
                    close = max(close, 1.0 - min(1.0, ratio * 3))
        else:
            close = max(close, 0.5)
    share = len(disagreeing) / max(1, len(pairs))
    bonus = (4.0 if verdict == "disagree" else 1.0) * (0.5 + close) * (0.5 + share)
    return round(weight + bonus, 4)

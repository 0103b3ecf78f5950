"""Lists in a sentence: values listed together (30%、20%), the names such a list pairs with in
order (分别, `respectively`), and whether a value of a list is left unpaired.
"""

from __future__ import annotations

import re
from itertools import pairwise

from factcheck.kinds.amounts import amounts
from factcheck.kinds.qualifiers import NAME_JOINER, RESPECTIVELY
from factcheck.kinds.roles_reading import speaks
from factcheck.kinds.sentence import Sentence, per_sentence
from factcheck.patterns import compiled_on_use
from factcheck.records import RuleBase

_SEPARATOR = re.compile(rf"\s*{NAME_JOINER}\s*")


# a bracket right after a value annotates it: 10.2%（2022年）、11.8%（2023年）
BRACKETED_ANNOTATION = re.compile(r"\s*[（(][^（()）]{1,20}[)）]")
_LIST_LINK = re.compile(rf"(?:{BRACKETED_ANNOTATION.pattern})?{_SEPARATOR.pattern}")
# a name of a list may carry its parties with it: 吉林敖东及其一致行动人、辽宁成大及其一致行动人 is a
# list of two names (each with its concert parties), as 吉林敖东、辽宁成大 is
_WITH_ITS = r"\s*(?:及其|與其|与其|和其|连同其|連同其)[\u4e00-\u9fff]{1,8}?"  # a regex's text: only ever part of _NAMES_LINK
_NAMES_LINK = re.compile(rf"(?:{BRACKETED_ANNOTATION.pattern}|{_WITH_ITS})?{_SEPARATOR.pattern}")


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
EN_WORD_SEPARATOR = compiled_on_use(rf"(?:\s+[A-Za-z-]+)?{_EN_JOIN}")


# between two qualifier words of one list, each word may carry the same short head noun:
# 销量增速和价格增速分别同比增长5%和9% pairs 销量 with 5% and 价格 with 9%
WORD_SEPARATOR = compiled_on_use(r"[\u4e00-\u9fff]{0,3}?" + _SEPARATOR.pattern)


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


def last_list_run(spans: list[tuple[int, int]], text: str, count: int,
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
    run = last_list_run(names, s.text, count, _NAMES_LINK) or _run_before_each(names, s.text, count)
    return _pairs_unequal(names, s.text, count, run)


def _names_before_list(s: Sentence, offset: int, first: int) -> list[tuple[int, int]]:
    """The spans of the names a list of values starting at `first` may pair with: named before it,
    not as a speaker, not inside a bracket (宗庆后（现变更为宗馥莉）: the bracket annotates)."""
    return [(m.start, m.end) for m in s.mentions
            if m.end <= first and not speaks(s, m.start, m.end)
            and not COUNTED_BEFORE.search(s.text, max(0, m.start - 8), m.start)
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
    run = last_list_run(names, s.text, count, _NAMES_LINK) or _run_before_each(names, s.text, count)
    if _pairs_unequal(names, s.text, count, run):
        return True, None
    if run is None:
        return None
    return False, next((m.entity_id for m in s.mentions if m.start == run[index][0]), None)


# a number and a classifier right before a name: the name modifies what is counted, an object, never
# the actor (以及钛墨黑、钛翡绿、钛柔金三种三星商城专属配色，建议零售价9,699元起 is the Ultra's price)
COUNTED_BEFORE = re.compile(r"(?:\d+|[一二两兩三四五六七八九十百千几幾数數多]+)\s*"
                             r"(?:种|種|款|个|個|项|項|类|類|家|台|部|件|只|隻|辆|輛|套|组|組)\s*$")

"""`kind: set`: which entities each source names in one role (models evaluated, partners).

A trigger (评估, 合作) marks the role; the members are the entities named in
its clause (or after it, before it, in the whole sentence: `scope`). Sets are
not compared pairwise: a member some sources name and others leave out is an
omission. News lists are rarely complete: a source names the members it covers (腾讯、阿里和
字节跳动等; 长安汽车与东风股份、东风科技同时发布公告 beside 东风集团和长安汽车分別發公告), which
contradicts nothing: reported at `partial_level` (info unless the rule says). Lists cross
(each names a member the other leaves out) at `omission_level` only when one of them is known
to be the whole list: it says so (仅, 只有, 唯一, only), or two sources or more give that very
list (美銀、中金、摩根大通及中信建投 in three papers: 高盛 in a fourth is no sponsor). A list
that says it names only some (…等, 包括…, 主要由…) is never the whole list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from factcheck.kinds.base import Document, Kind, Unstated, Verdict, sources_agree
from factcheck.kinds.left_out import NO_MEMBERS, SKIP, left_out, say
from factcheck.kinds.matching import fold
from factcheck.kinds.reading import about_whom, claim, unattributed
from factcheck.kinds.sentence import Sentence, pattern
from factcheck.kinds.skip import skip_word, skipped
from factcheck.kinds.subject_reading import nobody_before, pointed_back, subject_near
from factcheck.normalize.counts import COUNT_NUMBER, count_value, english_counts
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, Claim, Diagnostic, Level, Listed, Message, RuleBase, listed
from factcheck.values import EntitySet

LIST_BREAK = re.compile(r"以及|[、，,和与及或/]")
NAME_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\- ]*[A-Za-z0-9]|[\u4e00-\u9fff]{2,}")
# words of a list that names only some of its kind: before it (包括, 例如, 主要由 …) or, for 等,
# right after a member (`腾讯、阿里和字节跳动等`, `“汪小菲”等账号`; not `等于`, `等待`, a `等相关规定`
# after a name that is no member); matched on folded (Simplified) text
SOME_OF = re.compile(r"包括|包含|例如|比如|诸如|譬如|主要|为主|之一")
AND_SO_ON = re.compile(r"[”」』》）)\s]{0,2}等(?![于待同级候])")
# words saying a list is the whole list (matched in the list's scope, folded text: 僅 is 仅); not
# 不仅, 不只有, not only (the list goes on), nor 仅次于 (second only to)
ONLY = re.compile(r"(?<![不仅])仅(?!次)|(?<!不)只有|唯有|唯一|(?i:(?<!not )\bonly\b)")


@dataclass(frozen=True)
class SetRule(RuleBase):
    trigger: str = ""  # a regex
    scope: Literal["clause", "after", "before", "sentence"] = "clause"
    members: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    omission_level: Level = "warning"
    partial_level: Level = "info"


class SetKind(Kind[SetRule]):
    name = "set"
    rule_type = SetRule
    value_type = EntitySet
    required = ("trigger",)
    properties: ClassVar[dict[str, Any]] = {
        "trigger": {"$ref": "#/$defs/words_or_regex"},
        "scope": {"enum": ["clause", "after", "before", "sentence"]},
        "members": {"type": "array", "items": {"$ref": "#/$defs/id"}},
        "exclude": {"type": "array", "items": {"$ref": "#/$defs/id"}},
        "omission_level": {"enum": ["error", "warning", "info"]},
        "partial_level": {"enum": ["error", "warning", "info"]},
    }

    def fields(self, doc: Document) -> dict[str, Any]:
        members, exclude = doc.entity_ids("members"), doc.entity_ids("exclude")
        return {"trigger": doc.regex("trigger"), "scope": doc.data.get("scope", "clause"), "members": members,
                "exclude": exclude, "omission_level": doc.data.get("omission_level", "warning"),
                "partial_level": doc.data.get("partial_level", "info")}

    def cues(self, rule: SetRule) -> tuple[str, ...]:
        return (rule.trigger,)

    def find(self, rule: SetRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        for trigger in pattern(rule.trigger).finditer(s.text):
            written = s.plain[trigger.start():trigger.end()]
            if skipped(rule.skip, s, trigger.start(), trigger.start()):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, trigger.start())),
                         trigger.start(), trigger.end())
                continue
            subject = ""
            if rule.subjects:
                found = subject_near(rule, s, trigger.start())
                if found is None:
                    if pointed_back(s, trigger.start()) or nobody_before(s, trigger.start(), set(rule.members)):
                        yield unattributed(rule, s, article, trigger.start(), trigger.end())
                    else:
                        about_whom(rule, s, trigger.start(), trigger.end())
                    continue
                subject = found
            begin, end = s.clause_at(trigger.start())
            end = _list_runs_on(s, end) if rule.scope in ("clause", "after") else end
            if rule.scope == "after":
                begin = trigger.end()
            elif rule.scope == "before":
                end = trigger.start()
            elif rule.scope == "sentence":
                begin, end = 0, len(s.text)
            members, ends = _members(rule, s, begin, end)
            if not members:
                left_out("members", say(NO_MEMBERS, rule.scope, written), trigger.start(), trigger.end())
                continue
            ids = tuple(sorted(members))
            names = tuple(s.index.entities[i].name for i in ids)
            clause = s.clause_at(trigger.start())
            value = EntitySet(ids, s.plain[begin:end].strip(), names,
                              _names_some(s.text, min(begin, clause[0]), max(end, clause[1]), ends))
            yield claim(rule, subject, value, s, article, begin, end, context_at=trigger.start())

    def judge(self, rule: SetRule, claims: list[Claim], inferred: bool,
              unstated: Unstated | None = None) -> Verdict:
        """Omissions: each member some sources name and others do not (an omission is no clash of values)."""
        named: dict[str, set[str]] = defaultdict(set)  # article → members
        for found in claims:
            assert isinstance(found.value, EntitySet)
            named[found.article].update(found.value.members)
        whole = _whole_lists(claims)
        counted = {c.article for c in claims if isinstance(c.value, EntitySet) and not c.value.non_exhaustive
                   and _counted(c)}
        everyone = sorted(set().union(*named.values()))
        outlets = {c.article: c.outlet for c in claims}
        names = {e.id: e.name for e in rule.entities}
        details = []
        for member in everyone:
            silent = sorted(a for a in named if member not in named[a])
            if silent:
                naming = sorted(a for a in named if member in named[a])
                details.append(Message.of("detail.named_by", member=names.get(member, member),
                                          naming=_sources(naming, outlets), silent=_sources(silent, outlets)))
        if not details:
            return Verdict("agreement", "info", Message.of("finding.name_same", sources=sources_agree(claims, "name"),
                                                           members=claims[0].value.display()))
        members_left_out = len(details)  # counted before a line of why the omission is only info joins them
        if _crossing(named, whole, counted):
            level = rule.omission_level
        else:
            level = rule.partial_level
            # a source naming one member, never saying it is the only one (美国拒绝签署, the U.S. declined to sign),
            # tells that member's part: it gives no list to leave anyone out of
            short = sorted(a for a in named if named[a] != set(everyone))
            if level != "info" and short and all(len(named[a]) == 1 and a not in whole | counted for a in short):
                level = "info"
                details.append(Message.of("detail.one_member" if len(short) == 1 else "detail.one_member_each",
                                          sources=_sources(short, outlets)))
        return Verdict("omission", level, Message.of("finding.left_out", left_out=members_left_out, members=len(everyone)),
                       tuple(details))


def _whole_lists(claims: list[Claim]) -> set[str]:
    """The articles giving a list known to be the whole list: one that says so (仅, 只有, only), or
    the very list two sources or more give, neither saying it names only some (三家报章都写
    美銀、中金、摩根大通及中信建投). One source's own list is what it covers, nothing more; and a
    list is a source's list only when it names all the source names: one of several short lists
    (推動大宗消費更新升級，…，支持新型消費: one trigger, one member each) is a piece of it, so two
    sources giving the same piece ({新型消费}) say nothing of the whole."""
    giving: dict[tuple[str, ...], set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)
    for found in claims:
        assert isinstance(found.value, EntitySet)
        named[found.article].update(found.value.members)
    whole: set[str] = set()
    for found in claims:
        assert isinstance(found.value, EntitySet)
        if found.value.non_exhaustive:
            continue
        if set(found.value.members) == named[found.article]:
            giving[found.value.members].add(found.article)
        if ONLY.search(fold(found.value.raw)):
            whole.add(found.article)
    for articles in giving.values():
        if len(articles) > 1:
            whole.update(articles)
    return whole


# a count before a list (全球五个国家…分别位于…, 3家银行分别为…): a count's number (normalize/counts.py),
# a measure word; not an ordinal (第五个), nor a bound (超过五个, 至少三家, 近十个, 五个以上: the list may go
# on), nor the last digits of a larger number (一百零五个), nor a decimal (0.4个百分点, Gemini 2.0家族: no
# count of things); a larger count (105个, 1,200名) is read whole
_COUNT = re.compile(rf"(?<!第)(?<![超逾近约多过])(?<![\d.,一二两兩三四五六七八九十百千万萬零〇])(?![\d,]*\.\d)({COUNT_NUMBER})\s?"
                    r"(?:个|個|家|座|所|名|位|款|种|種|项|項|只|支|条|條)(?![以之多余餘])")


# what may open the next piece of an English list after its comma: `and`, `or`, `the` (the Philippines)
_LIST_PIECE_LEAD = compiled_on_use(r"\s*(?:(?:and|or)\s+)?(?:the\s+)?")


def _list_runs_on(s: Sentence, end: int) -> int:
    """Where a list in the clause ending at `end` ends: an English list runs on past its commas
    (`located in Thailand, South Korea, the Philippines, Malaysia and Mexico`) while the piece before
    each comma ends with a list item and the piece after it is one: a named entity (after `and`, `or`,
    `the`) with at most two capitalized words or a bracket after it (`Tesla (TSLA)`, `Microsoft Teams`).
    Not a clause of its own (`, Meta aims to enhance …`, `, Morgan Stanley says`), nor a place after
    its city (`in Yongin, South Korea`: `Yongin` is no item)."""
    begin = s.clause_at(max(0, end - 1))[0]
    while end < len(s.text) and s.text[end] == "," and _ends_with_item(s, begin, end):
        begin, after = s.clause_at(end + 1)
        lead = _LIST_PIECE_LEAD.match(s.text, begin)
        opens = lead.end() if lead else begin
        first = len(s.text[begin:after]) - len(s.text[begin:after].lstrip()) + begin
        if not any(first <= m.start <= opens and _item_tail(s.text[m.end:after]) for m in s.mentions if m.end <= after):
            break
        end = after
    return end


_BRACKETED = compiled_on_use(r"[(（][^)）]*[)）]")


def _item_tail(text: str) -> bool:
    """Whether `text`, after a name, still belongs to the list: a bracket, up to two capitalized words,
    or `and`/`or` before the last item (`South Korea and Vietnam`); a full stop or dash ends it."""
    words = [w for w in _BRACKETED.sub(" ", text).split() if any(c.isalpha() for c in w)]
    return len(words) <= 3 and all(word[:1].isupper() or word in ("and", "or", "&") for word in words)


def _ends_with_item(s: Sentence, begin: int, end: int) -> bool:
    """Whether s.text[begin:end] ends with a named entity and what may follow it in a list item."""
    return any(begin <= m.start and m.end <= end and _item_tail(s.text[m.end:end]) for m in s.mentions)


def _counted(found: Claim) -> bool:
    """Whether the list's sentence counts its members before it, the count equal to the members
    named: `在全球五个国家投资新建数据中心，分别位于泰国、韩国、菲律宾、马来西亚和墨西哥` says the
    five are all (as 仅 would), and so does `models from four companies: Tencent, ByteDance, Alibaba
    and DeepSeek`. A count that differs from what the list names says nothing."""
    assert isinstance(found.value, EntitySet)
    counts = [*((m.start(), m.group(1)) for m in _COUNT.finditer(found.sentence, 0, found.span[0])),
              *english_counts(found.sentence, 0, found.span[0])]
    if not counts:
        return False
    number = count_value(max(counts)[1])  # the last count before the list
    return number is not None and number == len(found.value.members) >= 2  # 一个, one, is as often "a"


def _crossing(named: dict[str, set[str]], whole: set[str], counted: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether two sources' lists each hold a member the other leaves out (neither is part of the
    other), one of them known to be the whole list: `由美銀、中金、摩根大通及中信建投國際保薦`, given
    alike by three papers, excludes the 高盛 of `保荐人包括美银、中金、摩根大通、高盛等`; two lists of
    who announced (长安汽车与东风股份、东风科技 vs 东风集团和长安汽车) each name the ones they cover.
    A list its sentence counts (`五个国家…分别位于…`, `counted`) is whole for what that sentence
    counts, which another source's list may not be about (the five new-build countries beside
    此前筹备布局的…节点): two such lists crossing clash, one beside a list that says nothing stays apart."""
    articles = sorted(named)
    return any(named[a] - named[b] and named[b] - named[a] and ({a, b} & whole or {a, b} <= whole | counted)
               for i, a in enumerate(articles) for b in articles[i + 1:])


def _names_some(text: str, begin: int, end: int, ends: list[int]) -> bool:
    """Whether the list in text[begin:end] (its trigger's clause and its scope) says it names only
    some of its kind: a word such as 包括 or 主要 there, or 等 right after one of its members."""
    if SOME_OF.search(text, begin, end):
        return True
    return any(AND_SO_ON.match(text, at) for at in ends if at < end)


def _sources(articles: list[str], outlets: dict[str, str]) -> Listed:
    return listed((Message.of("said.article", outlet=outlets[a], article=a) for a in articles), "sep.comma")


def _chunks(text: str) -> list[tuple[int, str]]:
    """The items of a list (split at 、，和与及以及 …), each with its offset in text."""
    pieces, last = [], 0
    for match in LIST_BREAK.finditer(text):
        pieces.append((last, text[last:match.start()]))
        last = match.end()
    return [*pieces, (last, text[last:])]


def _members(rule: SetRule, s: Sentence, begin: int, end: int) -> tuple[set[str], list[int]]:
    """The members named in s.text[begin:end], and where each name ends (for a 等 after it)."""
    found: dict[str, list[int]] = defaultdict(list)
    covered = [False] * len(s.text)
    for mention in s.mentions:
        if begin <= mention.start and mention.end <= end:
            found[mention.entity_id].append(mention.end)
            for i in range(mention.start, mention.end):
                covered[i] = True
    rest = "".join(" " if covered[i] else ch for i, ch in enumerate(s.text[:end]) if i >= begin)
    for at, chunk in _chunks(rest):
        # a list item may carry words after the name (DeepSeak 开发的模型): try its runs too
        for name in sorted({chunk.strip(), *NAME_RUN.findall(chunk)}):
            if 2 <= len(name) <= 16:
                resolved = s.index.resolve(name)
                if resolved:
                    found[resolved].append(begin + at + chunk.find(name) + len(name))
    members = set(found)
    if rule.members:
        members &= set(rule.members)
    members -= set(rule.exclude)
    return members, sorted(e for m in members for e in found[m])

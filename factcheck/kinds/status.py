"""`kind: status`: which of a few declared states (signed, in talks, denied) each source reports.

Each state is a list of words or a regex; a match near a subject is a claim
of that state. Two claims agree when they name the same state. A state holds
on a day: a status claim carries the day its sentence states (`day:` with
`fallback: none`, unless the rule declares its own `day:` or `day: false`),
so "12日不予置评" and "13日证实" are a context difference, not a conflict.
States the rule declares `compatible` (a rumour and its confirmation) can both be true:
they agree, as the same state does. A state word right after a negation or contrast
(而非破产重整, 不是, 并非, rather than, not) is the state the source rules out: no claim of it;
so is a state told as a rumour that its sentence goes on to deny (傳不再面向個人銷售，宇樹科技澄清).
As for skip words, the longest word the rule knows wins: a state word inside a longer word of
another state (发生变更 inside 不会导致实际控制人发生变更) is part of that word, not a second claim.
A state word in a run of moves the sentence says has ended (终止2连升, 结束三周连涨, snapped a three-day
winning streak) or is past (三连跌后首日上涨, after three weekly losses in a row) is the run's, not the
current state: no claim of it. So is a state the sentence marks as past (前首席医学官, 原董事长, 曾任,
不再担任, 从…转变为, former CEO, ex-CEO, previously served as: kinds/former.py): a post held before, not now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from factcheck.kinds.base import Document, Kind, RuleError, Unstated, Verdict, words_regex
from factcheck.kinds.former import former_state
from factcheck.kinds.left_out import CONDITION, FORMER, NEGATED, RUMOUR, SKIP, left_out, say
from factcheck.kinds.matching import fold
from factcheck.kinds.negation import denied_rumour, negated_after, negated_event
from factcheck.kinds.reading import about_whom, claim, unattributed
from factcheck.kinds.roles_reading import titled_name
from factcheck.kinds.sentence import Sentence, pattern
from factcheck.kinds.skip import condition_word, skip_word, skipped
from factcheck.kinds.subject_reading import nobody_before, pointed_back, subject_near
from factcheck.normalize.counts import COUNT_NUMBER
from factcheck.normalize.entities import Mention
from factcheck.patterns import compiled_on_use
from factcheck.records import Arg, Article, Claim, Diagnostic, Entity, Message, RuleBase, listed
from factcheck.values import StatusValue


@dataclass(frozen=True)
class StatusRule(RuleBase):
    states: tuple[tuple[str, str], ...] = ()  # label → regex
    compatible: tuple[frozenset[str], ...] = ()  # groups of labels that can all be true at once
    shortened: tuple[frozenset[str], ...] = ()  # (a title, the combined title it is part of): 董事长, 董事长兼总裁
    transliterated: str = ""  # the foreign name (in Latin letters) whose Chinese renderings the states are
    progression: bool = False  # the states are listed in the order a thing passes through them


def _brought_out(rule: StatusRule, s: Sentence, end: int) -> str:
    """The rule subject a state word times the launch of: the object of a verb of bringing out (推出, 发布,
    上线, release, launch) right after the word, in its clause. `在GPT-5推出之前，OpenAI计划在未来几周内先发布GPT-4.5`
    says GPT-4.5 comes in weeks, not GPT-5, the name nearest before (round 35); `预计在未来几个月内推出更为先进的
    GPT-5`, `喺幾個星期內推出公司內部稱為Orion嘅GPT-4.5模型` alike. Only the first name after the verb, past
    a short modifier that holds no preposition (推出了与B竞争的产品 launches no B); "" when there is none."""
    if not rule.subjects:
        return ""
    verb = _BRINGS_OUT.match(s.text, end)
    if verb is None:
        return ""
    _, clause_end = s.clause_at(end)
    after = [m for m in s.mentions if verb.end() <= m.start and m.end <= clause_end]
    if not after:
        return ""
    first = min(after, key=lambda m: m.start)
    between = _NAMED_AS.sub("", s.text[verb.end():first.start])
    if first.entity_id not in rule.subjects or len(between) > 12 or _NOT_THE_OBJECT.search(between):
        return ""
    return first.entity_id


def _bracketed(rule: StatusRule, s: Sentence, end: int) -> str:
    """The rule subject alone in brackets right after the state word: whose the state is
    (`應市時間將以周計（GPT-4.5）及以月計（GPT-5）`: weeks for GPT-4.5, months for GPT-5); "" when none."""
    if not rule.subjects:
        return ""
    opens = _BRACKET_OPENS.match(s.text, end)
    if opens is None:
        return ""
    inside = [m for m in s.mentions if m.start == opens.end()]
    if not inside or inside[0].entity_id not in rule.subjects or not _BRACKET_CLOSES.match(s.text, inside[0].end):
        return ""
    return inside[0].entity_id


_BRACKET_OPENS = compiled_on_use(r"\s*[（(]\s*")
_BRACKET_CLOSES = compiled_on_use(r"\s*[）)]")


def _past_a_reference(rule: StatusRule, s: Sentence, offset: int, subject: str | None) -> str | None:
    """The subject, unless the name of it nearest before the state word only places the state in time
    (`在GPT-5推出之前，…`, `the next-generation model after GPT-4.5, which is expected … in a few months`):
    then the nearest rule subject before that is no such reference, else the first after the word."""
    if not subject:
        return subject
    before = [m for m in s.mentions if m.entity_id in rule.subjects and m.end <= offset]
    if not before or before[-1].entity_id != subject or not _a_reference(s, before[-1]):
        return subject
    others = [m for m in before if not _a_reference(s, m)]
    if others:
        return others[-1].entity_id
    after = [m for m in s.mentions if m.entity_id in rule.subjects and m.start >= offset and not _a_reference(s, m)]
    return after[0].entity_id if after else subject


def _a_reference(s: Sentence, m: Mention) -> bool:
    """Whether a name is the point in time of a frame, not who holds a state: 在GPT-5推出之前, `after GPT-4.5,`
    (the phrase ends at the name; `after AWS revenue came in …` opens a clause AWS is the subject of)."""
    if _AFTER_OR_BEFORE.search(s.text, max(0, m.start - 24), m.start):
        return bool(_PHRASE_ENDS.match(s.text, m.end))  # not `after AWS revenue came in just below expectations`
    return bool(_FRAME_OPENS.search(s.text, max(0, m.start - 3), m.start)
                and _FRAME_CLOSES.match(s.text, m.end))


_AFTER_OR_BEFORE = compiled_on_use(r"\b(?:after|before|following|ahead\s+of|prior\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_PHRASE_ENDS = compiled_on_use(r"\s*(?:[,;:)，；：）]|$)")
_FRAME_OPENS = compiled_on_use(r"(?:在|于|於)\s*$")
_FRAME_CLOSES = compiled_on_use(r"[^，,。；;：:]{0,6}?(?:之前|之后|以前|以后|前|后)\s*[，,]")


# a state word (几周内, in the coming weeks), a few adverbs or auxiliaries, then a verb of bringing a product out,
# listed: 推 alone is no launch (推迟 puts off, 推高 drives up, 推动 drives), only 推出 and 推送 (an update pushed out)
_BRINGS_OUT = compiled_on_use(r"[^，,。；;：:!?！？]{0,6}?(?:推出|推送|发布|上线|发售|开售"
                              r"|\b(?:launch|release|ship|roll\s+out|unveil|introduce)(?:e?s|e?d|ing)?\b)", re.IGNORECASE)
_NAMED_AS = compiled_on_use(r"(?:名为|称为|叫做|代号为|named|called)")
# a preposition, a conjunction or a clause mark between the verb and the name: the name is not its object
_NOT_THE_OBJECT = compiled_on_use(r"[与和跟同对向给比及、，,。；;：:]|\b(?:with|for|to|against|and|than)\b", re.IGNORECASE)


# the word joining posts into one title: 董事长兼总裁, 執行董事兼行政總裁, chairman and CEO, chairman & CEO
_JOINER = re.compile(r"\s*兼\s*")  # in a sentence, only 兼: `rose and fell` joins two moves, no title
_JOINER_FIRST = re.compile(r"(?:\s*兼\s*|\s+(?:and|&)\s+)\S")
_JOINER_LAST = re.compile(r"\S(?:\s*兼\s*|\s+(?:and|&)\s+)$")


def _part_of(short: str, long: str) -> bool:
    """Whether `long` is `short` with one more post joined to it (董事长 in 董事长兼总裁, 总裁董明珠 in
    董事长兼总裁董明珠, CEO in chairman and CEO): what `long` adds starts or ends with the joining word."""
    if len(short) >= len(long):
        return False
    for cut in range(len(short) + 1):
        head, tail = short[:cut], short[cut:]
        if long.startswith(head) and long.endswith(tail):
            added = long[cut:len(long) - len(tail)]
            if _JOINER_FIRST.match(added) or _JOINER_LAST.search(added):
                return True
    return False


def _joined_posts(text: str, found: list[tuple[str, re.Match[str]]]) -> dict[int, tuple[str, ...]]:
    """Where state words of several states stand joined by 兼 into one title (董事长兼总裁 with `chairman: [董事长]`
    and `president: [总裁]`): each word's start → the labels of the whole title, in the order written."""
    runs: list[list[tuple[str, re.Match[str]]]] = []
    for label, match in found:
        last = runs[-1][-1][1] if runs else None
        if last is not None and last.end() < match.start() and _JOINER.fullmatch(text, last.end(), match.start()):
            runs[-1].append((label, match))
        else:
            runs.append([(label, match)])
    return {match.start(): labels for run in runs
            for labels in [tuple(dict.fromkeys(label for label, _ in run))] if len(labels) > 1 for _, match in run}


def shortened_titles(states: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """Pairs of states one of which is a title the other joins with another post: `chairman: [董事长]` and
    `chairman-president: [董事长兼总裁]`. A source writing the shorter title leaves a post out; it names no
    other one, so the two agree (a title in neither, 副董事长, still disagrees with both). Only states written
    as words are compared, in either script and any case."""
    words = {label: [fold(str(w)).lower() for w in value] for label, value in states.items() if isinstance(value, list)}
    pairs = [frozenset((label, long_label)) for long_label, longs in words.items() for label, shorts in words.items()
             if label != long_label and any(_part_of(short, long) for short in shorts for long in longs)]
    return tuple(dict.fromkeys(pairs))


_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'’-]*")
_HAN = re.compile(r"[\u3400-\u9fff]")


def transliterated_name(states: dict[str, Any], entities: Iterable[Entity]) -> str:
    """The foreign name whose Chinese renderings the states are, "" if they are no such thing: a rule of how
    each source spells a name (each state's words that name's, as its entity declares them) where the entity's
    `name` is written in Latin letters (`{id: hegseth, name: Pete Hegseth, aliases: [赫格塞斯, 海格塞斯]}`) and
    every state word in Chinese characters. Outlets render a foreign name by their own conventions (赫格塞斯,
    海格塞斯; 奥特曼, 阿尔特曼), so two renderings are no misspelling of the name; a Chinese name (刘钜荣 against
    刘巨荣) is written one way only."""
    if len(states) < 2 or not all(isinstance(words, list) and words for words in states.values()):
        return ""
    spelled = {fold(str(w)) for words in states.values() for w in words}
    if not all(_HAN.search(w) and not re.search(r"[A-Za-z]", w) for w in spelled):
        return ""
    for entity in entities:
        names = {fold(a) for a in (entity.name, *entity.aliases)}
        if spelled <= names and _LATIN_NAME.fullmatch(entity.name.strip()):
            return entity.name.strip()
    return ""


def _in_a_name(s: Sentence, start: int, end: int) -> bool:
    """A state word inside a declared name is part of the name: 傳 in 王傳福 reports no rumour.
    A state word that is the whole name is the rule's own choice: states that are two spellings
    of one name (刘钜荣, and an outlet's 刘巨荣 declared as its alias) say how each source writes it."""
    return any(m.start <= start and end <= m.end and end - start < m.end - m.start for m in s.mentions)


# a verb that denies or confirms what follows it: a state word right after it (否认拟投资, 证实已签约)
# is what is denied or confirmed, so the sentence reports the verb's state only
_REPORTS_ON = compiled_on_use(r"(?:否认|否認|辟谣|闢謠|证实|證實|确认|確認|澄清|驳斥|駁斥)$")


# a run of moves (连升, 三连跌, 连升2日) that the sentence says has ended (终止2连升, 结束三周连涨, 止步三连涨,
# 终结日线五连跌) or is past (三连跌后首日上涨): its state word is the run's, not the current state. A run
# said alone (連升3日, 五连涨) is the current move and stays read. Text is folded to Simplified; the run's
# length is a count's number (normalize/counts.py).
_ENDED_RUN_BEFORE = compiled_on_use(
    rf"(?:结束|终止|终结|止步|中止|打破|告别|斩断)了?(?:此前|之前)?的?(?:日线|周线)?{COUNT_NUMBER}?"
    r"(?:个交易日|日|天|周|个月|年)?连$")
_RUN_PAST_AFTER = compiled_on_use(rf"(?:{COUNT_NUMBER}(?:个交易日|日|天|周|个月|年))?(?:后|之后)")


# the same in English: a state word in a run (a streak, a run, … in a row, straight or consecutive sessions)
# that a verb says has ended (`The S&P 500 snapped a three-day winning streak`, `the Dow breaking a three-week
# streak of gains`) or that `after` says is past (`posted gains … after three weekly losses in a row`); a run
# said alone or extended (`extending its losing streak`, `South Korean Stocks Extend Winning Streak`) is read.
# Up to four words stand between the verb and the state word (a, its, three-day, streak of).
_ENGLISH_RUN_ENDED_BEFORE = compiled_on_use(r"\b(?:snap|snaps|snapped|snapping|end|ends|ended|ending|break|breaks|broke|"
                                            r"breaking|halt|halts|halted|halting|stop|stops|stopped|stopping|after)"
                                            r"\s+(?P<between>(?:[\w'-]+\s+){0,4}?)$", re.IGNORECASE)
_ENGLISH_RUN = compiled_on_use(r"\b(?:streak|run|straight|consecutive)\b", re.IGNORECASE)
_ENGLISH_RUN_AFTER = compiled_on_use(r"\s*(?:streaks?|runs?|in\s+a\s+row)\b", re.IGNORECASE)


def _ended_english_run(text: str, start: int, end: int) -> bool:
    """Whether the English state word at text[start:end] names a run the sentence says has ended or is past."""
    ended = _ENGLISH_RUN_ENDED_BEFORE.search(text, max(0, start - 60), start)
    return ended is not None and (_ENGLISH_RUN.search(ended.group("between") + text[start:end]) is not None
                                  or _ENGLISH_RUN_AFTER.match(text, end) is not None)


def _ended_run(text: str, start: int, end: int) -> bool:
    """Whether the state word at text[start:end] (连 before it, or its own first character) names a
    run of moves the sentence says has ended or is past, not the current state."""
    if text[start:start + 1].isascii() and _ended_english_run(text, start, end):
        return True
    head = text[:start + 1] if text[start:start + 1] == "连" else text[:start]
    if not head.endswith("连"):
        return False
    return bool(_ENDED_RUN_BEFORE.search(head[-20:])) or bool(_RUN_PAST_AFTER.match(text, end))


def _longest(found: list[tuple[str, re.Match[str]]]) -> list[tuple[str, re.Match[str]]]:
    """State words with those inside a longer word of another state dropped: 但不会导致实际控制人发生变更
    says one thing (unchanged), not also the 实际控制人发生变更 of `changes` it holds."""
    return [(label, match) for label, match in found
            if not any(other != label and outer.start() <= match.start() and match.end() <= outer.end()
                       and outer.end() - outer.start() > match.end() - match.start() for other, outer in found)]


class StatusKind(Kind[StatusRule]):
    name = "status"
    rule_type = StatusRule
    value_type = StatusValue
    required = ("states",)
    properties: ClassVar[dict[str, Any]] = {
        "states": {"type": "object", "minProperties": 2, "additionalProperties": {"$ref": "#/$defs/words_or_regex"}},
        "compatible": {"type": "array", "items": {"type": "array", "minItems": 2, "items": {"type": "string"}}},
        "progression": {"type": "boolean"},
    }
    dated = True
    dated_by_default = True

    def fields(self, doc: Document) -> dict[str, Any]:
        states = doc.data.get("states") or {}
        compatible = []
        for index, group in enumerate(doc.data.get("compatible") or ()):
            unknown = [label for label in group if label not in states]
            if unknown:
                raise RuleError(doc.path, doc.line("compatible", index),
                                f"compatible: unknown state {unknown[0]!r} (states: {', '.join(states)})")
            compatible.append(frozenset(group))
        return {"states": tuple(
            (label, doc.checked_regex(words_regex(words), f"states.{label}", doc.line("states", label)))
            for label, words in states.items()), "compatible": tuple(compatible),
            "shortened": shortened_titles(states), "transliterated": transliterated_name(states, doc.entities.values()),
            "progression": bool(doc.data.get("progression"))}

    def agree(self, rule: StatusRule, a: Any, b: Any) -> bool:
        """The same state, or two the rule declares can both be true (传 and 证实), or a title and the longer
        one it is part of (董事长, 董事长兼总裁: a state of the rule's, or two posts one sentence joins)."""
        if not isinstance(a, StatusValue) or not isinstance(b, StatusValue):
            return False
        return (a.label == b.label or any({a.label, b.label} <= group for group in rule.compatible + rule.shortened)
                or b.label in a.joined or a.label in b.joined)

    def judge(self, rule: StatusRule, claims: list[Claim], inferred: bool, unstated: Unstated | None = None) -> Verdict:
        """As every kind judges; but renderings of a foreign name that differ (赫格塞斯 vs 海格塞斯) are each
        outlet's convention, shown as context (info), not a misspelling: `transliterated_name`."""
        verdict = super().judge(rule, claims, inferred, unstated)
        if verdict.kind != "disagreement" or not rule.transliterated:
            return verdict
        values = listed(dict.fromkeys(c.value.display() for c in claims), "sep.dot")
        return replace(verdict, kind="context-differs", level="info", compatible=(),
                       message=Message.of("finding.transliterated", name=rule.transliterated, values=values))

    def joined_agreeing(self, values: list[str], rule: StatusRule) -> Arg:
        """Two states that agree are not "about equal" (`≈`): they are two states, both true. The line
        says why they agree, so a reader does not take two titles for a clash the tool missed: the rule
        declares them compatible, one title joins the other with another post (董事长, 董事长兼总裁), or
        a source joined the two posts with 兼 (董事长兼总裁 read as chairman and president)."""
        both = listed(values, "sep.plus")
        if len(values) < 2:
            return both
        pairs = [{a, b} for i, a in enumerate(values) for b in values[i + 1:]]
        declared = all(any(p <= g for g in rule.compatible) for p in pairs)
        if not declared and all(any(p <= g for g in rule.shortened) for p in pairs):
            why = "shortened"  # a title and the longer title it is part of
        elif not any(p <= g for p in pairs for g in rule.compatible + rule.shortened):
            why = "joined"  # posts a source joins into one title with 兼
        else:  # every pair, or some, declared compatible (the others of another reason): the rule's word
            why = "compatible"
        return Message.of(f"said.states.{why}", states=both)

    def _states(self, rule: StatusRule, own: list[Claim], other: Claim) -> bool:
        """Never: the declared states exclude each other (unless `compatible`), so a source that
        names two of one day (a title's 市值破百亿, its body's 破万亿) contradicts itself, and
        its other state is compared, not set aside as another figure the rule cannot tell apart."""
        return False

    def cues(self, rule: StatusRule) -> tuple[str, ...]:
        return tuple(regex for _, regex in rule.states)

    def find(self, rule: StatusRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        found = _longest(sorted(((label, match) for label, regex in rule.states for match in pattern(regex).finditer(s.text)),
                                key=lambda pair: pair[1].start()))  # in the sentence's order: the first claim is the first said
        joined = _joined_posts(s.text, found)
        for label, match in found:
            if any(other != label and _REPORTS_ON.search(verb.group(0)) and verb.end() <= match.start()
                   and not s.text[verb.end():match.start()].strip() for other, verb in found):
                continue  # 否认拟投资: the rumour is what is denied, the state is the denial's
            written = s.plain[match.start():match.end()]
            if _in_a_name(s, match.start(), match.end()):
                continue
            if skipped(rule.skip, s, match.start(), match.start()):
                left_out("skip", say(SKIP, written, skip_word(rule.skip, s, match.start())), match.start(), match.end())
                continue
            if (condition := condition_word(s, s.clause_at(match.start())[0], match.start())):
                left_out("condition", say(CONDITION, written, condition), match.start(), match.end())
                continue
            if _ended_run(s.text, match.start(), match.end()):
                continue  # 终止2连升，跌2点子: the run of rises ended, the move is down
            if former_state(s.text, match.start(), match.end()):
                left_out("former", say(FORMER, written), match.start(), match.end())
                continue  # 前首席医学官, 曾任, former CEO: a post held before, not the one held now
            if negated_event(s.text, match.start()) or negated_after(s.text, match.end()):
                left_out("negation", say(NEGATED, written, s.plain[max(0, match.start() - 3):match.end() + 3]),
                         match.start(), match.end())
                continue  # 债务重整而非破产重整, 这不是破产重整, 固定电价将不再延续: the state ruled out is no claim of it
            if denied_rumour(s.text, s.clause_at(match.start())[0], match.start(), match.end()):
                left_out("rumour", say(RUMOUR, written), match.start(), match.end())
                continue  # 傳不再面向個人銷售，宇樹科技澄清: the rumour the sentence denies is no claim of it
            titled = titled_name(rule, s, match.start(), match.end())
            if titled is not None and titled not in rule.subjects:  # 財政司司長陳茂波: another's post
                about_whom(rule, s, match.start(), match.end(), titled)
                continue
            subject = (titled or _brought_out(rule, s, match.end())
                       or _bracketed(rule, s, match.end())
                       or _past_a_reference(rule, s, match.start(), subject_near(rule, s, match.start(), others_hold=True)))
            if subject is None:
                if pointed_back(s, match.start()) or nobody_before(s, match.start()):  # 该公司/其 with no one to
                    yield unattributed(rule, s, article, match.start(), match.end())  # point to, or no one named
                else:
                    about_whom(rule, s, match.start(), match.end())
                continue  # never the title's: a state in a sentence naming no one is often the story's past
            yield claim(rule, subject, StatusValue(label, match.group(0), joined.get(match.start(), ())), s, article,
                        match.start(), match.end())

"""A state the sentence marks as past (a former post) is no state held now.

`公司前首席医学官何如意`, `上海家化原董事长潘秋生`, `曾任银河证券首席经济学家`, `不再担任公司首席医学官`,
`从首席医学官及高级管理人员转变为首席战略官`, `ex-CEO of Snowflake`, `former CEO Kåre Schultz`, `where he previously served as Chief Technology Officer`:
the post named is one the person held before, so reading it as the current one would set one source's
current title against another's former one. A status rule reads such a state as a former one and sets
it aside, as it does a run of moves the sentence says has ended (kinds/status.py). This is a rule of
the language, not a word list of one story: the markers are the ones Chinese and English put before
a former post. Text is matched folded to Simplified (kinds/matching.py).
"""

from __future__ import annotations

import re

from factcheck.patterns import compiled_on_use

# 前/原 right before the state word (前首席医学官, 原董事长, 前CEO). A bare 前 also ends words of time and
# place (目前 now, 此前, 之前, 日前, 年前, 提前, 当前, 眼前, 面前, 空前), so those never mark a former post;
# a 前 before a name (前荣昌生物首席战略官) is left alone: it may as well end a phrase of time (三年前)
_MARK_BEFORE = re.compile(r"(?<![目此之以日年月天周提当眼面空先早从事])(?:前任|前|原)\s*$")
# a verb of having held (曾任, 曾担任, 此前担任, 早年担任, 不再担任; 历任, unless after 至今: 2018年12月至今，历任公司
# 总经理、董事兼总经理 ends with the post held now), then the rest of the post's name
# (曾任首钢集团有限公司总审计师; 曾在瑞士信贷担任助理副总裁; a list: 曾任银河证券首席经济学家、董事总经理), within its clause
_HELD_BEFORE = re.compile(
    r"(?:(?:曾经?|此前|之前|先前|早前|早年|以前|过去|此前曾|之前曾)(?:一直|长期|先后)?(?:在[^\s，,。；;：:]{1,12}?)?(?:担任|出任|任职于?|任|是|为|历任)"
    r"|(?<!至今)(?<!至今，)(?<!至今,)历任|不再担任|不再出任|卸任|离任)"
    r"[^\s，,。；;：:！？!?（()）现今后转升改调]{0,16}$")
# English: former, ex-, erstwhile, one-time right before the post or before a name of a few capitalised
# words (former Tesla CEO); previously/formerly served as, who was once, before the post
_ENGLISH_BEFORE = re.compile(
    r"(?:\b(?:former|erstwhile|one-time|onetime)\s+(?:[A-Z][\w&'.-]*\s+){0,3}|\bex-\s*"
    r"|\b(?:previously|formerly|once|earlier)\s+(?:served|worked|was|acted)\s+as\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    r"(?:[\w&'.-]+\s+){0,3}?)$", re.IGNORECASE)
# a change of post said from the one left (从首席医学官及高级管理人员转变为首席战略官, 由副总裁晋升为总裁): 从/由
# before the state word in its clause, a verb of becoming after it in the same clause
_FROM_BEFORE = re.compile(r"(?:从|由)[^\s，,。；;：:！？!?]{0,12}$")
# (升为 not in a rise of a figure: 物价飙升为…, 上升为, 攀升为)
_BECOMING = "转变为|变更为|转为|变为|改为|调整为|转任|调任|改任|升任|晋升为|(?<![飙上攀回拉跃])升为"
_BECOMES_AFTER = compiled_on_use(rf"[^，,。；;：:！？!?]{{0,16}}?(?:{_BECOMING})")
# the state a change is said to lead to (变更为首席战略官, 升任公司总裁): a verb of becoming before the state
# word in its clause, a name of the company at most between; not one denied (未变更为, 不转为, 不会转为,
# 没有变更为, 并未升任): a negation right before the verb, or before one modal word that stands before it
_BECAME_BEFORE = compiled_on_use(rf"(?:{_BECOMING})[^\s，,。；;：:！？!?、]{{0,12}}$")
_DENIED = compiled_on_use(r"[未不没无][会能再有将曾要]?$")
_REACH = 40


def former_state(text: str, start: int, end: int) -> bool:
    """Whether the state word at text[start:end] names a post or state the sentence marks as past."""
    before = text[max(0, start - _REACH):start]
    return bool(_MARK_BEFORE.search(before) or _HELD_BEFORE.search(before) or _ENGLISH_BEFORE.search(before)
                or (_FROM_BEFORE.search(before) and _BECOMES_AFTER.match(text, end)))


def became_state(text: str, start: int) -> bool:
    """Whether the state word starting at text[start] (folded text) is the one a change is said to
    lead to (`职务也变更为首席战略官`, `由副总裁晋升为总裁`): the state held since, in the source's telling."""
    before = text[max(0, start - _REACH):start]
    became = _BECAME_BEFORE.search(before)
    return became is not None and not _DENIED.search(before, 0, became.start())

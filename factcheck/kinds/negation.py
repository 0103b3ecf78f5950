"""A word right after a negation or a contrast is what the sentence says is NOT the case.

`三家公司是债务重整而非破产重整`, `这不是破产重整`, `并非收购`, `rather than a merger`: the state
after 而非/不是/并非/rather than is the one the source rules out, so it is no claim of that state,
and a qualifier word after it (`非营业收入`, `未经调整`) does not qualify the value. So is a state
told as a rumour that the sentence goes on to deny (`傳不再面向個人銷售，宇樹科技澄清`). This is a rule
of the language, not a word list of one story: the negators are the ones Chinese and English
put right before what they negate. Text is matched folded to Simplified (kinds/matching.py).
"""

from __future__ import annotations

import re

from factcheck.patterns import compiled_on_use

# verbs of applying or keeping a regime, a price, a practice: what a negated one of them governs is
# ruled out as the negated word itself is (不再执行固定电价 is no fixed price, 未采用竞价 no bidding)
_APPLYING = r"(?:执行|实行|实施|采用|采取|沿用|适用|保留|延续|继续|使用)"
# the negator must end right before the word (spaces allowed): 而非破产重整, 并非是收购, not a merger,
# 不再固定, or before a verb of applying right before it (不再执行固定电价). 不得不/不能不 (had to) are
# affirmations; 非 that ends a place's name (南非), 除非 (unless) or 扣非 (扣除非经常性损益: 扣非净利润 is a net
# profit, read by its own line-item word) negates nothing
_NEGATOR = re.compile(
    r"(?:而非|并非|绝非|并不是|而不是|不是|不属于|没有|并无|(?<![南除扣])非|不再|不复|(?<!不[得能])不|未)"
    rf"(?:(?:是|为)|(?:继续)?{_APPLYING})?\s*$"
    r"|(?:\b(?:rather\s+than|instead\s+of|not|never|no\s+longer)\s+(?:an?\s+|the\s+)?)$",
    re.IGNORECASE)
_REACH = 24  # enough for `rather than a ` and a few spaces
# after the word, within its noun phrase: it is what no longer holds (固定电价制度将不再延续, 固定电价
# 模式不再执行): a few characters of the phrase, then 不再/不复 ending the clause or with a verb of applying
_NEGATED_AFTER = re.compile(
    r"[^\s，,。；;：:！？!?、“”\"]{0,4}?(?:将|已|已经|也|都|则|便|就)?"
    rf"(?:(?:不再|不复)(?:{_APPLYING})?|(?:不|未|没有|并未|尚未)(?:再|继续)?{_APPLYING})"
    r"(?=$|[\s，,。；;！？!?”\"])")


# 非 right before a word makes a word of its own, the word's opposite: 非营业收入 is no revenue, 非食品价格 no food
# price, 非独立董事 no independent director, 非公开发行 no public offering. Not the 非 of 南非, 除非 or 扣非 (above)
_NON = re.compile(r"(?<![南除扣])非\s*$")


def inside_a_non_word(text: str, start: int) -> bool:
    """Whether the word at `start` of `text` comes right after 非, which makes it its opposite (非营业收入):
    a cue written there is not the cue (kinds/sentence.py `cue_pattern`)."""
    return _NON.search(text, max(0, start - 4), start) is not None


def negated(text: str, start: int) -> bool:
    """Whether the word at `start` of `text` comes right after a negation or contrast."""
    return _NEGATOR.search(text, max(0, start - _REACH), start) is not None


# a negated passive, its agent between the negator and the verb: 推特未被马斯克收购 (not yet acquired by Musk),
# 尚未被监管机构批准; the agent is a few characters of one phrase (no break, no second verb's 被)
_NEGATED_PASSIVE = re.compile(r"(?:未|尚未|并未|从未|没有|没|不)\s*被[^\s，,。；;：:！？!?、（()）被]{1,10}$")


# a negation whose reach runs past the next word, within the clause: a manner word between it and the event
# (并未正式宣布, 尚未公开披露, 未对外公布), or a verb of seeing or of coming about that governs a clause of its own
# (同日，未见广发证券发布相关公告; 并未出现核心人员离职; 未发现公司披露): the event in it did not happen (issue 10)
_NEGATORS_OF_EVENTS = r"(?:并未|尚未|从未|并没有|没有|未曾|(?<!所)未)"  # not 前所未见 (unheard of)
_NEGATED_REACH = re.compile(
    _NEGATORS_OF_EVENTS + r"(?:正式|具体|公开|对外|直接|立即|真正|明确){1,2}\s*$"
    r"|" + _NEGATORS_OF_EVENTS + r"(?:见到|见|发现|看到|看见|出现|传出)(?![在于於])[^\s，,。；;：:！？!?]{0,16}$")


def negated_event(text: str, start: int) -> bool:
    """Whether the event word at `start` (a date rule's cue, a status word) is said not to have happened:
    right after a negation (`negated`: 尚未收购, 没有上市), in a negated passive with its agent between
    (`彼时推特未被马斯克收购`), or within the reach of a negation that runs past a manner word or over a
    clause a verb of seeing governs (`_NEGATED_REACH`): no date of it, no state of it."""
    return (negated(text, start) or _NEGATED_PASSIVE.search(text, max(0, start - 16), start) is not None
            or _NEGATED_REACH.search(text, max(0, start - 24), start) is not None)


def negated_after(text: str, end: int) -> bool:
    """Whether the word ending at `end` is said, right after it, to hold no longer (固定电价制度将不再延续)."""
    return _NEGATED_AFTER.match(text, end) is not None


# a rumour's words: said before the state in its clause (傳不再面向個人銷售, 有消息称“……宣布解散”, 市场传言每日互动
# 持有……), or naming the state a rumour right after it (针对阿里投资DeepSeek传闻). 传/傳 alone only right
# before the state (not 宣传, 遗传: 传 is also part of longer words)
_HEARSAY_BEFORE = re.compile(r"网传|据传|传出|传闻|传言|谣言|市传|外界传|消息称|报道称|(?<![宣遗])传\s*$")
_HEARSAY_AFTER = re.compile(r"[^，,。；;：:]{0,4}?(?:的)?(?:传闻|传言|谣言)")
# a verb that denies what was said before it (公司澄清, 予以否认); not one said not to be done
# (不否认, 未否认, 没有否认, 未予否认, 未作出澄清, 既不能确认、也不能否认, 无法否认, 拒绝澄清).
# Matched on the folded sentence (`Sentence.text`, Simplified): 傳聞 and 否認 are read as 传闻 and 否认.
_DENIES = compiled_on_use(r"澄清|辟谣|否认|驳斥")
_NOT_DONE = compiled_on_use(r"(?:不|未|没|无|拒绝)(?:能|法|有|曾|予|予以|作出|做出|进行|进行了)?\s*$")


def denied_rumour(text: str, clause_start: int, start: int, end: int) -> bool:
    """Whether the state word at text[start:end] is told as a rumour that the sentence then denies:
    `傳不再面向個人銷售，宇樹科技澄清` reports the clarification, not the rumour's state (a source
    that lays out a rumour and its denial does not claim the rumour). A rumour alone (`傳`, no denial)
    is still read: whether it holds is for the rule to say (a `rumoured` state, `compatible`, `skip`)."""
    rumour = (_HEARSAY_BEFORE.search(text, clause_start, start) is not None
              or _HEARSAY_AFTER.match(text, end) is not None)
    return rumour and any(not _NOT_DONE.search(text, max(0, m.start() - 6), m.start())
                          for m in _DENIES.finditer(text, end))

"""The subject a sentence names before a value (`named_subject`): the actor of its clause, not an
object (向/持有/收购 …), a possessed (王长田的夫人), the rest of a group (其他品牌), an example of a group
(等科技巨头) or the head of a parallel clause; `carried` says when no name nor pointer before it does.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.kinds.english_subjects import NOT_NAMES, pointer_pattern
from factcheck.kinds.lists_reading import COUNTED_BEFORE, list_owner
from factcheck.kinds.qualifiers import LIST_WORD_JOIN, builtin_words
from factcheck.kinds.roles_reading import (
    ANAPHORA,
    CLAUSE_OPENING,
    LIST_NEXT,
    NOT_CARRIED,
    OBJECT_MARKERS,
    SEVERAL,
    entity_like_between,
    holds_mention,
    is_a_cause,
    is_object,
    speaks,
    titled_start,
)
from factcheck.kinds.sentence import GROUP_CLOSE, Sentence, per_sentence
from factcheck.kinds.session import AS_OF_WRITING
from factcheck.normalize.entities import Mention
from factcheck.normalize.quantities import CHANGE_LEAD_EN
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use

# 与/和 X + a verb of agreeing: X is the other party (恩智浦与Kinara达成协议), not a list of actors
# (a description may stand between: 同边缘 NPU 企业 Kinara 达成最终协议)
_COMITATIVE = re.compile(r"(?:与|與|和|同|跟)[^，,。；;：:、与與和同跟]{0,10}$")
_AGREES_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:达成|達成|签署|簽署|签订|簽訂|签约|簽約|订立|訂立|谈判|談判)")
# 与 X + a verb of joining (合资, 合作, 联手, 组建 …) after a word that is no name (将与, 拟与, 据传将与): 与 is then
# "with", X the partner (英特尔据传将与台积电合资 股价已暴涨26% is Intel's); right after a name (英特尔和台积电成立
# 合资企业) 与/和 lists two who act together
_JOINS_AFTER = re.compile(r"[^，,。；;]{0,12}?(?:合资|合資|合作|联手|聯手|携手|攜手|结盟|結盟|组建|組建|成立|共建|合并|合併)")


@per_sentence
def carried(s: Sentence, offset: int) -> bool:
    """Whether `who` names the value at `offset` for no name nor pointer before it in its sentence: a name after
    it, or a subject carried from an earlier sentence, a colon or the filing before (`_headed_by_a_stranger` may
    then say the sentence's own subject is someone else)."""
    return (named_subject(s, offset) == (False, None) and ANAPHORA.search(s.text, 0, offset) is None
            and pointer_pattern().search(s.text, 0, offset) is None)


_SHORT_NAME_BEFORE = re.compile(r"[（(]\s*(?:以下)?(?:简称|簡稱|下称|下稱)\s*[为為]?\s*[“\"「『]?\s*$")


def annotates_a_name(s: Sentence, mention: Mention, mentions: list[Mention]) -> bool:
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


def named_subject(s: Sentence, offset: int) -> tuple[bool, str | None]:
    """(blocked, entity): the actor named before `offset` in the sentence; blocked when
    another name stands between it and the value, so nothing may be carried."""
    begin, _ = s.clause_at(offset)
    before = [m for m in s.mentions if m.end <= offset and not speaks(s, m.start, m.end)
              and not COUNTED_BEFORE.search(s.text, max(0, m.start - 8), m.start)]
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
    if entity_like_between(s, before[-1].end, offset, indexes=True) or _parallel_head(s, begin, offset, before[-1]):
        return True, None
    if _OBJECT_POINTER.search(s.text, begin, offset):  # 是澎立生物控股股东，对其持股23.72%: 其 is the object
        others = [m for m in before if m.entity_id != before[-1].entity_id]
        if others:
            return False, others[-1].entity_id
    opener = _clause_opener(s, begin, before) if _GOES_ON.match(s.text, begin) else None
    if opener is not None:  # 火山引擎……也全面支持DeepSeek系列模型，可通过两种方式: 火山引擎's ways
        return False, opener
    return False, _actor(s, before, before, NOT_CARRIED)


_EACH = re.compile("|".join(map(re.escape, ZH.each)))


def _example_of_a_group(s: Sentence, mention: Mention, offset: int) -> bool:
    """Whether `mention` is one example of a group that a value at `offset` is about: the list it stands in
    ends in 等 or 在内的 before the value, no 均/都/各 says the value is each member's, and the list is not
    the object of an action (`谷歌、微软、Meta等科技巨头纷纷入局，投资数十亿美元` is the giants' sum, not 微软's)."""
    close = GROUP_CLOSE.match(s.text, mention.end)
    if close is None or close.end() > offset or _EACH.search(s.text, close.end(), offset) is not None:
        return False
    # a list after 向, 持有, 收购 … is whom one acts on (向PL HK、嘉兴汇拓等共31名交易对方购买): the actor is before it
    listed = [m for m in s.mentions if m.end <= mention.start]
    first = mention
    while listed and LIST_WORD_JOIN.fullmatch(s.text, listed[-1].end, titled_start(s, first)):
        first = listed.pop()
    return not is_object(s, 0, first, OBJECT_MARKERS)


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
_TRAILING_ADVERBS = "已曾又再还也仍都均则仅亦更便就"
_TRAILING_ADVERB = re.compile(f"[{_TRAILING_ADVERBS}]+$")
# …and a head made only of one-character adverbs is none, however many: those above, of time (现, 今, 昨, 终, 先,
# 续), of scope (皆, 齐, 只), or the manner a verb of change is written with (急升, 狂升, 暴跌, 猛涨, 爆升, 跳升, 微升,
# 小升, 大升, 略跌, 骤降): two of them are two characters, no name (`至於阿里升幅擴大，現急升7.5%` is 阿里's move now,
# not someone else's); a name holds another character (小米, 现代, 大众)
_ADVERBS_ONLY = re.compile(f"[{_TRAILING_ADVERBS}现今昨终先续皆齐只急狂暴飙猛爆跳微小大略稍轻骤劲]+")
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
def en_builtin_tokens() -> frozenset[str]:
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
    if run is None or holds_mention(s, run.start(), verb.start()):
        return None
    before = s.text[max(0, run.start() - 16):run.start()]
    if _EN_NOT_A_HEAD_BEFORE.search(before) and not _SHARES_OF.search(before):
        return None
    tokens = [t for t in run.group(0).split() if not t.isdigit()]
    names = [t for t in tokens if t.lower().strip(".") not in NOT_NAMES | en_builtin_tokens()]  # nor Q4, YoY, EBITDA
    opens = not s.text[:run.start()].strip(" \t*#>-_\"“'‘")
    if not names or (opens and len(tokens) == 1 and not tokens[0].isupper()):
        return None
    return run.start(), run.end()


def _head_name(s: Sentence, begin: int, offset: int, gap: str = "") -> str | None:
    """The name heading the clause at `begin` right before its verb of change and the value at `offset`
    (京东涨4.98%, 微软、meta涨幅不足1%: 京东, 微软、meta), the words `gap` after it (港股 in 京东港股涨) left out;
    None when the head is no name: made only of the words of a time, session, basis or line item, a bound
    or an adverb (盘中一度涨, 同比增长, 股价涨, 最终涨, 节后已累计涨), or ANAPHORA (该股涨)."""
    opening = CLAUSE_OPENING.match(s.text, begin)
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
    if FRAMES_NEXT.search(name) or any(at <= d.start < own.end() for d in s.dates):
        return None  # 节后已累计涨超110%: a time (节后), not a name
    return name if len(name) >= _SHORTEST_NAME else None


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
        if m.start < clause_begin or speaks(s, m.start, m.end) or is_a_cause(s, m):
            continue
        return None if is_object(s, clause_begin, m, OBJECT_MARKERS) else m.entity_id
    return None


def _pointed_object_after(s: Sentence, offset: int) -> str | None:
    """后者/前者 after the value in its clause as the object of an action (收购后者, 向前者): the
    value is then about the other one, the one who acts."""
    _, clause_end = s.clause_at(offset)
    for pointer in _LATTER_FORMER.finditer(s.text, offset, clause_end):
        if OBJECT_MARKERS.search(s.text, max(offset, pointer.start() - 4), pointer.start()):
            return pointer.group(0)
    return None


# 其 after an object marker points to the one named last as the object of the action, so the value
# is about the one named before it (PharmaLegacy是澎立生物控股股东，对其持股23.72% is PharmaLegacy's)
# (其他, 其中, 其余 are words of their own: 对其他股东 points back to no one)
# a company's capital (总股本, 已发行股本), written right after whose it is (其, a name)
_CAPITAL = r"\s*的?\s*(?:已发行|已發行)?(?:总股本|總股本|股本|总股份|總股份|股份总数|股份總數)"
_OBJECT_POINTER = re.compile(r"(?:向|對|对|持有|收购|收購|入股|增持|减持|減持|注资|注資|投资|投資)\s*其(?![他它中余餘实實])"
                             # 占其总股本16.4%: 其 is the company whose capital the stake is a share of; after
                             # 占 any whole is its owner's (拼多多为Appaloosa第三大持仓，约占其投资组合的8.04%: 拼多多's weight)
                             r"|其(?=" + _CAPITAL + r")|(?<=[占佔])\s*其(?![他它中余餘实實])")
# a company's capital right after its name (不超过广发证券总股本3%): the whole a stake is a share of, whose
# owner is the issuer, never the holder the stake belongs to
CAPITAL_AFTER = re.compile(_CAPITAL)


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
    candidates = [m for m in before if m.end <= in_clause[-1].end and not annotates_a_name(s, m, before)]
    holders = [m for m in candidates if not CAPITAL_AFTER.match(s.text, m.end)]
    if holders and len(holders) < len(candidates):  # 辽宁成大……处置不超过广发证券总股本3%: 辽宁成大's
        candidates = holders
    for index in range(len(candidates) - 1, -1, -1):
        if index and _partner(s, candidates[index]):
            continue  # 恩智浦与Kinara达成协议: Kinara is the other party, not one of a list of actors
        head = index  # a name listed after another (向PL HK、嘉兴汇拓等) is an object when the list's first is
        while head > 0 and LIST_NEXT.fullmatch(s.text, candidates[head - 1].end, titled_start(s, candidates[head])):
            head -= 1
        earlier = candidates[head - 1] if head else None
        if earlier is None or not is_object(s, earlier.end, candidates[head], markers):
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


# a clause ending in a word of circumstance (……下, ……时, ……之际, ……期间, ……后) frames the clause after it,
# whose subject it shares: `仅300M参数量下，VideoWorld已取得可观的模型表现` is VideoWorld's 300M (以下 is
# "below", 同时 "meanwhile"; 此后, 随后, 最后 … are adverbs of their own)
FRAMES_NEXT = re.compile(r"(?:(?<![以之])下|(?<![同及])[时時]|之[际際]|期[间間]|(?<![此随隨然最今其以之])[后後]|之[后後])"
                          r"\s*$")

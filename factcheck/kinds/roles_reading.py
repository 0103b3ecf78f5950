"""What a name does in its sentence, read before whom a value is about: whether it speaks
(据……, 表示, `said`), is acted on (向/持有/收购 …), is a cause (受……影响) or publishes a filing;
whether an entity-like name stands between two offsets; the pointer words (该公司, 其, 期内).
"""

from __future__ import annotations

import re

from factcheck.kinds.company_names import COMPANY_NAME
from factcheck.kinds.english_subjects import sources
from factcheck.kinds.places import place_before
from factcheck.kinds.qualifiers import metric_word_spans
from factcheck.kinds.sentence import Sentence, per_sentence
from factcheck.normalize.entities import Mention
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import RuleBase

# a stock code not glued to a known name: 快手(01024), (NASDAQ: KO), 002594.SZ; letters alone
# in brackets are a code only after an exchange (（CPI）, (GDP), (AI) are acronyms, not tickers) or before
# a US listing's suffix (小牛电动(NIU.US), 阿里巴巴(BABA.N), 特斯拉(TSLA.O): the Chinese press's form)
STOCK_CODE = re.compile(r"[（(]\s*(?:(?:[A-Za-z]+\s*[:：]\s*)?\d{4,6}|[A-Za-z]+\s*[:：]\s*[A-Z]{1,5}"
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
OBJECT_MARKERS = re.compile(r"(?:向|對|对|作为|作為|担任|擔任|持有|持股|所持|拥有|擁有|收购|收購|入股|增持|减持|減持|处置|處置|出售|转让|轉讓|出让|出讓|抛售|拋售|注资|注資|投资|投資|领投|領投|举牌|舉牌"
                            r"|帮助|幫助|协助|協助|基于|基於|" + _COUNTERPARTY +
                            r"|(?<![现現正存所实實内內自好潜潛旨])在|(?<![对對关關由属屬等至终終用大小高低])[于於])\s*$")

# a later clause goes on about the last name, even an object (对OpenAI的投资，投前估值为……), but never
# about a role, nor about the other party of a deal or lawsuit: A起诉了B……并索赔1亿元 is A's claim
# nor about the company one placards (举牌辽宁成大，持股比例超过5%: the stake is the placarder's)
# nor about where something happened (G1人形机器人在京东的售价为99000元，预计45天可交货: the delivery is G1's)
NOT_CARRIED = re.compile(r"(?:作为|作為|担任|擔任|基于|基於|举牌|舉牌|" + _COUNTERPARTY
                         + r"|(?<![现現正存所实實内內自好潜潛旨])在|(?<![对對关關由属屬等至终終用大小高低])[于於])\s*$")


# 为 + name + a verb of giving: the name is who benefits, not who gives (Santa Monica品牌分别为颖通控股
# 带来收入100万元 is the brand's); 为 alone is mostly a copula (第一大股东为腾讯, 持股20%: 腾讯's)
_FOR_BEFORE = re.compile(r"[为為]\s*$")
_GIVES_AFTER = compiled_on_use(r"(?:的[\u4e00-\u9fff]{1,6}?)?\s*(?:带来|帶來|贡献|貢獻|创造|創造|提供|赚取|賺取|输送|輸送)")


def joined(*notes: str) -> str:
    """A claim's notes in one line (where its unit came from; its subject from the title)."""
    return "; ".join(n for n in notes if n)


# a company publishing a filing (宁德时代发布了其2024年度的业绩预告) and a sentence citing that filing
# (公告内容显示，预计2024年全年完成营收……): the filing's figures are the publisher's own statement
_FILING = r"(?:公告|业绩预告|業績預告|预告|預告|快报|快報|财报|財報|年报|年報|季报|季報|招股书|招股書|业绩报告|業績報告)"
FILING_PUBLISHED = re.compile(r"(?:发布|發布|披露|公布|公佈|发出|發出|递交|遞交)[^。！？!?；;]{0,24}?" + _FILING)
FILING_CITED = re.compile(r"\s*(?:[该該此这這]份?)?" + _FILING + r"(?:内容|內容)?(?:显示|顯示|指出|称|稱)")


# a name right after one of these is a cause, not who the sentence is about (受文心一言利好提振)
_CAUSE_BEFORE = re.compile(r"(?:受到|受|因为|因為|因|由于|由於|随着|隨著|得益于|得益於|受益于|受益於)\s*$")


# a name inside 在……的带领下/领导下/推动下/帮助下 is a circumstance, not who the sentence is about:
# 在现任董事长曹芳的带领下，正力新能过去几年的发展势头十分可观 is 正力新能's
_UNDER_BEFORE = re.compile(r"在[^，。；！？,;!?在]{0,12}$")
# (matched on the folded text: Simplified spellings cover Traditional ones)
_UNDER_AFTER = re.compile(r"[^，。；！？,;!?下]{0,8}?(?:的|之)?(?:带领|领导|推动|帮助|支持|引领|指导|主导|带动|努力|率领)(?:之)?下")


def is_a_cause(s: Sentence, mention: Mention) -> bool:
    """Whether `mention` is a cause (受文心一言利好提振) or a circumstance (在曹芳的带领下), not an actor."""
    begin, end = s.clause_at(mention.start)
    if _CAUSE_BEFORE.search(s.text, max(begin, mention.start - 3), mention.start) is not None:
        return True
    return (_UNDER_BEFORE.search(s.text, begin, mention.start) is not None
            and _UNDER_AFTER.match(s.text, mention.end, end) is not None)


OTHER = "\x00other"  # a name the entity list does not hold: someone, but not a rule subject
# several names one value is about together (阿里、快手……。收報49.7元, 谷歌、微软等科技巨头……投资数十亿美元): no
# one rule subject, yet the story's for a rule without subjects
SEVERAL = "\x00several"


def titled_start(s: Sentence, mention: Mention) -> int:
    """Where a name begins with the title before it (被告二常熟阿特斯: a list of defendants)."""
    title = _TITLE_BEFORE.search(s.text, max(0, mention.start - 8), mention.start)
    return title.start() if title is not None else mention.start


# a list's joint (X及Y, X和Y, X与Y, X、Y): after an object's name, the next name is an object of the same action
# (a word of its own may open the later name: 向阿特斯及常熟阿特斯, the 常熟 arm of 阿特斯)
LIST_NEXT = re.compile(r"\s*(?:以及|及|和|与|與|、)\s*[\u4e00-\u9fff]{0,2}?")


# where the object of an action comes from, between the marker and a name (对来自加拿大和墨西哥的进口商品, 对从X进口的)
_FROM_BEFORE = re.compile(r"(?:进口自|進口自|来自|來自|从|從)\s*$")


def is_object(s: Sentence, after: int, mention: Mention, markers: re.Pattern[str]) -> bool:
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
    origin = _FROM_BEFORE.search(s.text, max(after, start - 4), start)
    if origin is not None:  # 对进口自墨西哥、加拿大两国的商品加征25%的关税: goods from X, X no actor
        start = origin.start()
    if markers.search(s.text, max(after, start - 4), start):
        return True
    earlier = [m for m in s.mentions if after <= m.start and LIST_NEXT.fullmatch(s.text, m.end, start)]
    if earlier and is_object(s, after, earlier[-1], markers):
        return True  # 向阿特斯及常熟阿特斯合计索赔: a later item of the object's list is an object too
    if (markers is OBJECT_MARKERS or markers is NOT_CARRIED) and ranks_within(s, after, mention):
        return True
    return (markers is OBJECT_MARKERS and _FOR_BEFORE.search(s.text, max(after, mention.start - 2), mention.start)
            is not None and _GIVES_AFTER.match(s.text, mention.end) is not None)


# X为/是/成为 Y (的) 第N大/最大/前N大 …: Y is where X ranks (阿里巴巴为其第一大持仓, 恒申集团是海阳科技的第五大股东,
# 成为该基金第二大重仓股), not who the clause is about
_RANKED_BEFORE = re.compile(r"(?:是|为|為|成为|成為|系|列为|列為|位列|位居|跃升为|躍升為|升为|升為)\s*$")
_RANK_AFTER = compiled_on_use(r"\s*的?\s*(?:第\s*[一二三四五六七八九十\d]{1,3}|最|前\s*[一二三四五六七八九十\d]{1,3})\s*大")


def ranks_within(s: Sentence, after: int, mention: Mention) -> bool:
    """Whether `mention` (after `after`) is what the clause's subject ranks within: a name between a copula
    and a rank (`恒申集团是海阳科技的第五大股东，持股比例为7.84%`: 恒申集团's stake; `腾讯成为万达电影的第一大股东`).
    The value of such a clause is the subject's, the one named before the copula."""
    return (_RANKED_BEFORE.search(s.text, max(after, mention.start - 3), mention.start) is not None
            and _RANK_AFTER.match(s.text, mention.end) is not None)


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


# a clause that ends with a verb of saying introduces what the clauses after it say (客服表示，……, 霍尼韦尔宣布，……)
# verbs of saying, announcing or reporting, one list for every reader that asks (both scripts; not the 称 of 简称,
# 称为, a name's): a clause ending with one introduces what follows; a date after one dates what is said
# (kinds/date.py); a day alone before one is the announcement's (kinds/day_reading.py)
SAYING_VERBS = (r"表示|(?<![简簡俗又下名堪])[称稱](?![为為作])|[说說]|指出|透露|回应|回應|介绍|介紹|强调|強調|认为|認為"
                r"|写道|寫道|提到|宣布|宣佈|公布|发布|發布|披露|公告|通告|通报|通報|告诉|告訴|宣称|宣稱|声称|聲稱"
                r"|证实|證實|确认|確認|承诺|承諾|预告|預告")
SAYS_AT_END = re.compile(rf"(?:{SAYING_VERBS})\s*$")


def speaks(s: Sentence, start: int, end: int) -> bool:
    """Whether the name at [start, end) reports what follows rather than being its subject:
    a source (据路透社报道, 据CNBC消息) or someone speaking for it (发言人, 分析师, 知情人士, or an
    organisation's officer who says it: Meta行政總裁朱克伯格告訴員工將裁員5% is Meta's cut).
    A company saying something itself (百度表示) still is what it says is about."""
    cites = _SOURCE_BEFORE.search(s.text, max(0, start - 3), start) and not _OWN_FILING_AFTER.match(s.text, end)
    return bool(cites or _SPEAKER_AFTER.match(s.text, end) or _speaks_for(s, start, end)
                or (any(begin <= start and end <= finish for begin, finish in english_source_spans(s))
                    and not _EN_POSSESSIVE.match(s.text, end)))


# a name owning the English speaker (`according to Shopify's CEO`): the company speaks of itself through its officer
_EN_POSSESSIVE = compiled_on_use(r"['’]s?(?![A-Za-z])")


@per_sentence
def english_source_spans(s: Sentence) -> tuple[tuple[int, int], ...]:
    """Where an English sentence names who reports its figures (`according to FactSet`, a closing `…, Fitch said`):
    english_subjects.sources; none in a Chinese sentence."""
    return () if HAN_RUN.search(s.text) else sources(s.text)


def _speaks_for(s: Sentence, start: int, end: int) -> bool:
    """An officer named after an organisation and a title, saying what follows (Meta 人力资源主管
    Janelle Gale 在备忘录中提到): the organisation is what the statement is about."""
    title = _TITLE_BEFORE.search(s.text, max(0, start - 8), start)
    if title is None or not _SAYS_AFTER.match(s.text, end):
        return False
    return any(m.end <= title.start() and title.start() - m.end <= 10 for m in s.mentions)


def titled_name(rule: RuleBase, s: Sentence, start: int, end: int) -> str | None:
    """Whose post a state word at [start, end) is: a title ending the word (`前CEO`, `执行副总裁`,
    `署理行政长官`: zh.yaml posts) with a declared name right after it (`推特及前CEO杰克·多尔西`) is that
    person's post, whoever opens the clause (`特朗普…对…推特及前CEO杰克·多尔西提起的诉讼`; round 20, NOTES_B
    twitter-settlement; `夏寶龍昨日早上在署理行政長官陳國基及財政司司長陳茂波陪同下`, round 38's notes: 財政司司長 is
    陳茂波's, whoever the rule is about). A state word that holds a rule subject's name (`署理行政長官陳國基`, the
    name written into the state) is that subject's. None when neither: the state is read as any other."""
    inside = next((m for m in s.mentions if m.entity_id in rule.subjects and start <= m.start and m.end <= end), None)
    if inside is not None:
        return inside.entity_id
    if _TITLE_BEFORE.search(s.text, start, end) is None:
        return None
    after = next((m for m in s.mentions if m.start >= end and not s.text[end:m.start].strip()), None)
    return after.entity_id if after else None


def entity_like_between(s: Sentence, start: int, end: int, indexes: bool = False) -> bool:
    """Whether a name other than a known mention stands in s.text[start:end]; with `indexes`, a market
    index's too (only between a declared name and its value: a rule with no subjects reads index moves)."""
    glued = [m.end for m in s.mentions]
    text = s.text
    for regex in (STOCK_CODE, _QUOTED_NAME):
        for found in regex.finditer(text, start, end):
            if any(0 <= found.start() - g <= 1 for g in glued) or holds_mention(s, found.start(), found.end()):
                continue
            if not speaks(s, found.start(), found.end()):  # 据《凤凰WEEKLY财经》统计: a source, no subject
                return True
    if any(start <= begin and finish <= end and not holds_mention(s, begin, finish) and not speaks(s, begin, finish)
           for begin, finish in s.company_names):
        return True
    return indexes and any(not holds_mention(s, found.start(), found.end())
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


def holds_mention(s: Sentence, start: int, end: int) -> bool:
    """Whether a declared name's mention overlaps s.text[start:end]: a stock code, quoted name or company
    name found there is that known name, not another one standing between a name and its value."""
    return any(m.start < end and m.end > start for m in s.mentions)


HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


# words that point back to the period named last (期内 after 可口可乐公布2024年第四季度业绩。);
# 同期 alone, not 去年同期 (the prior period a value is compared with); not 报告期内, a period of its own
# (the whole reporting period: REPORTING_PERIOD, read by reporting_period), whose year is not the last one named
PERIOD_ANAPHORA = re.compile(r"(?<![报報]告)期[内內]|(?<![去上年较較比前])同期")


# what may open a clause before its own subject: spaces, a conjunction (而该公司上一年度……)
CLAUSE_OPENING = re.compile(r"\s*(?:而且|而|但是|但|并且|並且|同时|同時|且)?\s*")
_THAT_COMPANY = re.compile(r"[该該此](?:公司|集团|集團|企业|企業)")


def opens_with_a_name(s: Sentence, start: int) -> bool:
    """Whether the clause at `start` opens with a subject of its own: a name, or 该公司 pointing
    back to one (a conjunction such as 而 before it aside)."""
    match = CLAUSE_OPENING.match(s.text, start)
    at = match.end() if match else start
    return (any(m.start == at for m in s.mentions) or COMPANY_NAME.match(s.text, at) is not None
            or _THAT_COMPANY.match(s.text, at) is not None)

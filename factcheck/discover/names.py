"""Who a value is about, without an entities file: the names a story uses.

Own heuristics, in order of trust (see docs/discover.md for why not jieba):

- a name right before a stock code: 宁德时代（300750.SZ）, 百度(9888.HK), 快手(01024),
  可口可乐(KO); the code becomes an alias;
- a title in 《》 (a film, a book, a report);
- Latin proper names (OpenAI, SoftBank, Coca-Cola);
- a Chinese name ending in an organization word (…公司, …集团, …银行, …传媒);
- the words that recur in the titles of a story's articles (蜜雪冰城, 软银),
  unless they usually stand right before a number (票房, 净利润: metrics).

A candidate run of characters (公告宁德时代) is cut to the longest tail that
the story's articles write as often as its shortest tail (宁德时代).
With an entities file (`--entities`), its entities are used instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import repeat
from operator import contains

from factcheck.discover import values
from factcheck.normalize.dates import find_dates
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.variants import to_simplified
from factcheck.normalize.words import ZH
from factcheck.records import Article, Entity

# (a Latin name starts a word: the tail of monday.com(MNDY.US), com or om, is none, and the code names it)
_CODE = re.compile(r"(?P<name>(?:[\u4e00-\u9fff]|(?<![A-Za-z0-9.])[A-Za-z])[\u4e00-\u9fffA-Za-z·\-]{1,15})\s*[（(]\s*(?:[A-Za-z]{2,6}\s*[:：]\s*)?"
                   r"(?P<code>\d{4,6}(?:\.(?:HK|SZ|SH|SS|hk|sz|sh))?|[A-Z]{1,5}(?:\.[A-Z]{1,2})?)\s*[)）]")
# 可口可樂(Coca-Cola), 软银集团（SoftBank Group）: a name and its other spelling
_BRACKETED_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12})\s*[（(]\s*(?P<alias>[A-Z][A-Za-z0-9&.\- ]{2,30}?)\s*[)）]")
_CODE_REACH, _BRACKETED_REACH = 16, 12  # the longest name each reads before its bracket
_BRACKETS = re.compile(r"[（(]")


def before_brackets(pattern: re.Pattern[str], text: str, reach: int) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text) finds, for a pattern whose match is a name of at most `reach` characters
    (no space, no bracket), spaces, then an opening bracket: tried only at the `reach` places before each
    bracket's spaces (finditer tried every character of an article, each reading up to `reach` characters
    before giving up: 0.5 s of a bulk run). A match starting before the window would need a longer name."""
    def places() -> Iterator[tuple[int, int]]:
        for bracket in _BRACKETS.finditer(text):
            spaces = bracket.start()
            while spaces and text[spaces - 1].isspace():
                spaces -= 1
            yield spaces - reach, spaces - 1
    return matches_within(pattern, text, places())


def matches_within(pattern: re.Pattern[str], text: str, places: Iterable[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern that can start a match only inside `places` ((first, last) start
    positions, windows in ascending order): each place tried once, in order, none inside a match found."""
    end, tried = 0, -1
    for first, last in places:
        for start in range(max(first, tried + 1, 0), last + 1):
            tried = start
            if start < end:
                continue
            found = pattern.match(text, start)
            if found is not None:
                yield found
                end = found.end()


_BOOK = re.compile(r"《(?P<name>[^《》]{1,20})》")
_LATIN = re.compile(r"(?<![A-Za-z0-9])(?P<name>[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*(?:[ \-][A-Z][a-z0-9]+)?|[A-Z][a-z]*[A-Z][A-Za-z0-9]*)(?![A-Za-z0-9])")
_ORG_WORDS = ("公司|集团|银行|证券|传媒|科技|控股|影业|资本|基金|汽车|电子|医药|能源"
              "|电池|智能|时代|网络|软件|云|实验室|研究院|交易所|大学")
_ORG = re.compile(rf"(?<![\d一二两三四五六七八九十几多])(?P<name>[\u4e00-\u9fff]{{2,10}}?(?:{_ORG_WORDS}))"
                  r"(?![\u4e00-\u9fff]{0,1}[公集])")
_ORG_WORD_AT = re.compile(rf"(?=(?:{_ORG_WORDS}))")  # every place an organization word starts (overlapping)


def organizations(text: str) -> Iterator[re.Match[str]]:
    """_ORG.finditer(text), tried only 2 to 10 characters before an organization word (its name's length)."""
    return matches_within(_ORG, text, ((at.start() - 10, at.start() - 2) for at in _ORG_WORD_AT.finditer(text)))
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# what only a company owns: 阿里巴巴股价, 抖音副总裁李亮, 小米创始人雷军: the run before it names the owner
# (trimmed as any run is; a metric or a common word is refused as any name is). Not 股份: 回购股份, 减持公司股份
# own nothing
_OWNED = ("股价", "市值", "创始人", "首席执行官", "副总裁", "发言人")


_OWNER_RUN = re.compile(r"[\u4e00-\u9fff]{2,10}$")  # the run right before a word of _OWNED (的 removed first)


@lru_cache(maxsize=4)
def _owned_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of _OWNED, made from the tuple as it is when asked (benchmarks/discover.py
    --leave-one-out replaces the tuple; a new tuple makes a new pattern, nothing to rebuild by hand)."""
    return re.compile("|".join(map(re.escape, words)))


def _owners(text: str) -> tuple[str, ...]:
    """The runs of at most 10 characters right before what only a company owns (the words are
    found first: one pass of a literal alternation, then a look back at each)."""
    found = []
    for word in _owned_words(_OWNED).finditer(text):
        left = text[max(0, word.start() - 11):word.start()]
        run = _OWNER_RUN.search(left.removesuffix("的"))
        if run:
            found.append(run.group(0))
    return tuple(found)


# Latin words that are not names even when capitalised
_NOT_NAMES = frozenset(["The", "This", "That", "With", "From", "For", "And", "But", "Inc", "Ltd", "Group", "Holdings", "Limited", "Company", "Corp", "Co", "AI", "IPO", "CEO", "CFO", "GPT", "App", "API", "Pro", "Max", "Plus", "Mini", "Ultra", "PC", "EV", "US", "UK", "EU", "HK", "GDP", "Q1", "Q2", "Q3", "Q4", "FY"])
# organization words that are no name on their own
_GENERIC = frozenset("公司 集团 银行 证券 传媒 科技 控股 影业 资本 基金 汽车 电子 医药 能源 电池 智能 时代 网络 软件 云 "
                     "实验室 研究院 交易所 大学 上市公司 该公司 母公司 子公司 本公司 新时代 "
                     # the head nouns of any body's name, which a run before a bracketed code is cut to
                     # when the story writes them often (石油输出国组织（OPEC） → 组织, 库存单位（SKU） → 单位)
                     "组织 机构 部门 单位 "
                     # common news words that recur in a story's titles without naming anything
                     "同比 环比 数据 投资 免费 票房 模型 人工智能 新能源 消息 市场 公告 财报 业绩 股价 市值 上市 香港 "
                     "内地 中国 美国 全球 全年 季度 APP App 官方 报道 记者 来源 资料 图片 视频 截图".split())
_BAD_START = re.compile(r"^[的年月日至于据在将已从与和及或对被把为由其该此]")
# grammar words a run of characters may start with before a name (comparisons, prepositions, 成为):
# cut, not rejected; one-character words only where no company name starts with them. The comparisons are
# the check's bound words (zh.yaml bound_words) but the extremes (最高, 最多), which start names (最高人民法院)
_COMPARISONS = tuple(w for w in ZH.lower_bound_words + ZH.upper_bound_words if w not in ZH.extreme_words)
_FUNCTION_LEAD = re.compile("^(?:" + "|".join(sorted(_COMPARISONS + (
    "随着", "对于", "关于", "根据", "通过", "包括", "包含", "主要由于", "由于", "因为", "成为", "令", "向"), key=lambda w: (-len(w), w))) + ")+")
_UNIT_INSIDE = re.compile(r"[亿万元%％]|美元|港元")
_LISTING_SUFFIX = re.compile(r"(?:-[SWB]{1,2}|股份有限公司|有限公司|集团|控股|股份|公司)+$")


@lru_cache(maxsize=1)
def _to_traditional() -> Callable[[str], str]:
    import opencc  # deferred: loading its dictionaries takes a tenth of a second

    return opencc.OpenCC("s2tw").convert  # 隨著, 麵: as the Hong Kong papers in the corpus write them


def to_traditional(text: str) -> str:
    """The traditional spelling for a draft's second script, by OpenCC's phrases: the folding table
    maps many traditional characters to one simplified one (髮/發 → 发, 麵/面 → 面), so read backwards
    character by character it wrote 发布 as 髮布; the phrase table writes 發佈."""
    return _to_traditional()(text)


@dataclass(frozen=True)
class NameHints:
    """What one article offers as names: cheap to compute in a worker."""

    coded: tuple[tuple[str, str], ...]  # (run before the code, code)
    books: tuple[str, ...]
    latin: tuple[str, ...]
    orgs: tuple[str, ...]
    title_runs: tuple[str, ...]


def hints(article: Article) -> NameHints:
    text = to_simplified("\n".join([article.title, *(s.text for s in article.segments)]))
    coded = tuple((m.group("name"), m.group("code")) for m in before_brackets(_CODE, text, _CODE_REACH)
                  if not m.group("code").isdigit() or len(m.group("code")) >= 4)
    coded += tuple((m.group("name"), m.group("alias").strip())
                   for m in before_brackets(_BRACKETED_NAME, text, _BRACKETED_REACH)
                   if m.group("alias").strip() not in _NOT_NAMES)
    books = tuple(m.group("name").strip() for m in _BOOK.finditer(text))
    latin = tuple(m.group("name") for m in _LATIN.finditer(text) if m.group("name") not in _NOT_NAMES
                  and len(m.group("name")) >= 3)
    orgs = tuple(m.group("name") for m in organizations(text))
    orgs += _owners(text)
    titles = tuple(_CJK_RUN.findall(to_simplified(article.title)))
    return NameHints(coded, books, latin, orgs, titles)


METRIC_SHARE = 5  # a word that is the metric of at least 1 in 5 of its mentions names a measure, not a thing


def story_entities(articles: list[tuple[Article, NameHints]],
                   metrics: Counter[str] | None = None) -> tuple[Entity, ...]:
    """The named things of one story, each with its aliases (both scripts, codes).

    `metrics` counts the metric word of each value the story states (values.Observation.metric):
    a word read as the metric of many of its own mentions (总票房160亿, 票房有望达到150亿) is
    a measure even where the word lists do not know it."""
    texts = [to_simplified("\n".join([a.title, *(s.text for s in a.segments)])) for a, _ in articles]

    known: dict[str, int] = {}

    def df(word: str) -> int:
        if word not in known:
            known[word] = sum(map(contains, texts, repeat(word)))  # word in each text, without a frame per text
        return known[word]

    lefts: dict[str, bool] = {}

    def opens(word: str) -> bool:  # the word stands after two different characters, or opens a clause
        if word not in lefts:
            seen: set[str] = set()
            for text in texts:
                at = text.find(word)
                while at >= 0 and len(seen) < 2:
                    before = text[at - 1] if at else ""
                    seen.add(before if "\u4e00" <= before <= "\u9fff" else "")
                    at = text.find(word, at + 1)
            lefts[word] = len(seen) >= 2 or "" in seen
        return lefts[word]

    metric_like: dict[str, bool] = {}
    counted: dict[str, int] = {}

    def written(word: str) -> int:  # how often the story writes it (asked again for every article naming it)
        if word not in counted:
            counted[word] = sum(t.count(word) for t in texts)
        return counted[word]

    names: dict[str, set[str]] = {}  # canonical name → aliases

    def add(name: str, *aliases: str, titled: bool = False) -> None:
        if not titled:  # 不超过美摄软件, 低于全国银行: the name after the comparison (a 《》 title is as written)
            name = _FUNCTION_LEAD.sub("", name)
        if (len(name) < 2 or name in _GENERIC or name[1:] in _GENERIC or name in _NOT_NAMES or name.isdigit() or _BAD_START.match(name)
                or _UNIT_INSIDE.search(name) or find_dates(name, _ANY_DAY)):  # 四季度 is a period, not a name
            return
        if name not in metric_like:  # 价格, 营收: a metric word the lists know names a measure, wherever it stands
            metric_like[name] = name in values.METRIC_SYNONYMS or _metric_like(name, texts)
        if metric_like[name] or (metrics and metrics[name] * METRIC_SHARE >= max(1, written(name))):
            return
        names.setdefault(name, set()).update(a for a in aliases if a)

    for _, hint in articles:
        for run, code in hint.coded:
            # 提升其即时零售业务的库存单位（SKU）: a name holds no 的; the words before it are the sentence's
            run = run.rsplit("的", 1)[-1] if len(run.rsplit("的", 1)[-1]) >= 2 else run
            bare = _LISTING_SUFFIX.sub("", run)
            name = _trim(bare, df, opens)
            if name and not re.fullmatch(r"[A-Z]{1,5}", name):
                listed = run[len(bare) - len(name):] if bare.endswith(name) and run != name else ""
                add(name, code, code.split(".")[0] if "." in code else "", listed)
        for book in hint.books:
            add(book, titled=True)
    latin = Counter(w for _, h in articles for w in set(h.latin))
    orgs = Counter(_trim(w, df, opens) for _, h in articles for w in set(h.orgs))
    need = 2 if len(articles) > 1 else 1
    for word, count in latin.items():
        if count >= need:
            add(word)
    for word, count in orgs.items():
        if word and count >= need:
            add(word)
    for word in _title_terms(articles, texts, df):
        add(word)
    for word, count in _listed_beside(texts, names).items():
        if count >= need:
            add(_trim(word, df, opens))
    merged = _merge(names)
    entities = []
    for number, (name, aliases) in enumerate(sorted(merged.items(), key=lambda kv: (-df(kv[0]), kv[0])), start=1):
        spelled = {name, *aliases}
        spelled |= {variant for alias in spelled for variant in _variants(alias)}
        # named as written (海格塞斯, not the 格塞斯 two spellings share): the key stays an alias, so every
        # spelling it matched is still matched
        entities.append(Entity(entity_id(name, number), written_name(name, texts), tuple(sorted(spelled))))
    return tuple(entities)


# characters Hong Kong writes in a second traditional form (光綫傳媒 beside 光線傳媒)
_ANY_DAY = date(2000, 1, 1)  # an anchor, so that relative periods (四季度, 上月) are recognised as dates
_HK_FORMS = {"線": "綫", "着": "著", "裡": "裏"}


# what follows a person's name: a verb of saying or a grammar word (袁浩钧表示, 冯德莱恩在峰会上, 李亮称); where a
# name is always followed by one of these, the name ends there, not with the word's first character
_AFTER_NAME = re.compile(r"表示|[称说]|指出|认为|透露|提到|告诉|宣布|强调|回应|写道|介绍|[在就也还则于是的对向与和曾将已并等]")
LONGEST_HOLDER = 4  # a holder's name read on no further: Chinese names have two to four characters, and so
# have most names transliterated into them (马克龙, 冯德莱恩); a longer run always written alike is the words after it


def full_names(keys: set[str], texts: list[str]) -> dict[str, str]:
    """A person read by the first two characters of a Chinese name (values._POST: 袁浩 of 袁浩钧, 冯德 of
    冯德莱恩, 李亮), named in full: the name goes on while every place the story writes it (at least twice)
    goes on with the same Han character, up to LONGEST_HOLDER characters, and ends where those places go
    on differently (袁浩钧就透露, 袁浩钧表示) or with a verb of saying or a grammar word (冯德莱恩在 twice).
    A name always followed by the same other words (李亮发文 twice) is left as read: the words cannot tell
    where it ends."""
    found: dict[str, str] = {}
    for key in sorted(keys):
        if len(key) != 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in key):
            continue
        places = [(text, at) for text in texts for at in _places(text, key)]
        if len(places) < 2:
            continue
        name = key
        while len(name) < LONGEST_HOLDER:
            if any(_AFTER_NAME.match(text, at + len(name)) for text, at in places):
                break
            nexts = {text[at + len(name):at + len(name) + 1] for text, at in places}
            if len(nexts) != 1 or not "\u4e00" <= next(iter(nexts)) <= "\u9fff":
                break
            name += next(iter(nexts))
        ends = {text[at + len(name):at + len(name) + 1] for text, at in places}
        ended = len(ends) >= 2 or all(not "\u4e00" <= end <= "\u9fff" for end in ends) or all(
            _AFTER_NAME.match(text, at + len(name)) for text, at in places)
        if name != key and ended:
            found[key] = name
    return found


def _places(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _opening(before: str) -> bool:
    """A character after which a name starts: a space or a mark (，·（「), not a Han character, digit or letter
    (7时30分举行: 分 is no word's start)."""
    return before.isspace() or unicodedata.category(before)[0] in "PS"


def written_name(word: str, texts: list[str], longest: int = 3, name: bool = True) -> str:
    """A word as the story writes it where it was read by its tail: 格塞斯 of 海格塞斯 and 赫格塞斯 (two spellings
    share it, so names._trim cut both to it), 朗普 of 美国总统特朗普 (a phrase's last two characters). A word that
    never stands at a clause's start, after a mark (·, a bracket, a quote, a space) or after a grammar
    character no name starts with (在北京交通大学, 与北京交通大学; for a `name` only: a metric's words
    may start with one, 在线人数) is extended to the left, by at most
    `longest` characters, to the form the story writes most often among those that do; ties go to the first
    in code-point order, provided it holds at least half the word's places. A word that stands alone
    somewhere, or has no such form, is returned as it is.
    For display only: the word stays the key that values are grouped by."""
    if len(word) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return word
    forms: Counter[str] = Counter()
    for text in texts:
        for at in _places(text, word):
            for size in range(0, longest + 1):
                start = at - size
                if start < 0 or not "\u4e00" <= text[start] <= "\u9fff":
                    break
                if size and _FUNCTION_LEAD.fullmatch(text[start:at]):
                    return word  # 低于全国银行: after a grammar word, as add() cuts it
                if start == 0 or _opening(text[start - 1]) or (name and _BAD_START.match(text[start - 1])):
                    if size == 0:
                        return word  # it stands alone: no tail of anything
                    forms[text[start:at + len(word)]] += 1
                    break
    if not forms:
        return word
    written = {form: sum(t.count(form) for t in texts) for form in forms}
    best = min(written, key=lambda form: (-written[form], form))
    # a word written after many words (以发展, 技术发展 …) is a word of its own, clipped from none of them
    return best if 2 * written[best] >= sum(t.count(word) for t in texts) else word


def _variants(name: str) -> set[str]:
    traditional = to_traditional(name)
    hk = "".join(_HK_FORMS.get(ch, ch) for ch in traditional)
    return {traditional, hk}


def entity_id(name: str, number: int) -> str:
    """An id a rule file accepts: the Latin name folded, else e<number>."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug if slug and name.isascii() else f"e{number:02d}"


def _trim(run: str, df: Callable[[str], int], opens: Callable[[str], bool] = lambda _: True) -> str:
    """公告宁德时代 → 宁德时代: the longest tail written about as often as its shortest tail.

    In a story of few articles that count cannot tell a name from the word glued before it
    (前财长萨默斯, 不超过美摄软件: as often, in as many articles). A name opens a clause or line
    somewhere in its story (萨默斯指出) or after different words; a tail that only ever follows
    one character (长萨默斯: always 财长萨默斯), when a shorter one does not, is cut to the longest
    tail that does (no organization word alone: 集团表示 names no one)."""
    if run.isascii():
        return run
    tails = [run[-size:] for size in range(2, len(run) + 1)]
    base = df(tails[0])
    best = tails[0]
    for tail in tails[1:]:
        if df(tail) >= max(2, 0.6 * base) or (df(tail) == base):
            best = tail
    if not opens(best):
        opening = [t for t in tails if len(t) < len(best) and t not in _GENERIC and opens(t)]
        best = opening[-1] if opening else best
    return best


def _title_terms(articles: list[tuple[Article, NameHints]], texts: list[str], df: Callable[[str], int]) -> list[str]:
    """Words that the titles of a story share and that do not stand before numbers."""
    if len(articles) < 2:
        return []
    counts: Counter[str] = Counter()
    for _, hint in articles:
        grams = {run[i:i + n] for run in hint.title_runs for n in range(2, 7) for i in range(len(run) - n + 1)}
        counts.update(grams)
    need = max(2, (len(articles) + 1) // 2)
    frequent = [g for g, c in counts.items() if c >= need]
    # maximal: drop a gram when a longer one containing it is as frequent
    maximal = [g for g in frequent if not any(g != o and g in o and counts[o] >= counts[g] for o in frequent)]
    terms = []
    for gram in sorted(maximal, key=lambda g: (-counts[g], -len(g), g)):
        if (gram in _GENERIC or _BAD_START.match(gram) or gram in values.METRIC_SYNONYMS or _metric_like(gram, texts)
                or not _opens_clause(gram, texts)):
            continue
        terms.append(gram)
        if len(terms) == 2:
            break
    return terms




# a run of Han characters that opens a clause (or follows another list mark) and is listed with 、 before
# a name the story already has: 2024年上半年，沪上阿姨、茶百道闭店率… (茶百道 coded 2555.HK)
_BEFORE_LIST_MARK = re.compile(r"(?:^|(?<=[，,。；;：:！？!?、\s（(“「]))(?P<name>[\u4e00-\u9fff]{2,8})、")


def _listed_beside(texts: list[str], names: dict[str, set[str]]) -> Counter[str]:
    """Names listed with a name already found: 、 enumerates things of one kind (沪上阿姨、茶百道, 台积电、英特尔),
    so the run before it is named as the name after it is. Only the run before: where a name after the mark
    ends cannot be told (茶百道闭店率). Counted by the articles that write it so (a word must pass as any name
    does: not a metric, a period or a common word; see story_entities.add)."""
    known = {n for name, aliases in names.items() for n in (name, *aliases) if len(n) >= 2 and not n.isdigit()}
    sizes = sorted({len(n) for n in known})
    found: Counter[str] = Counter()
    for text in texts:
        runs = {m.group("name") for m in _BEFORE_LIST_MARK.finditer(text)
                if any(text[m.end():m.end() + size] in known for size in sizes)}
        found.update(run for run in runs if run not in names)
    # a name is written on its own somewhere too (沪上阿姨加盟店关闭531家): a run written only before the mark
    # is as likely a clause's opening words (这是李飞飞、Yixin Ye, 阿里云是中国最大、亚太第一的云服务商)
    return Counter({run: count for run, count in found.items()
                    if sum(t.count(run) for t in texts) > sum(t.count(run + "、") for t in texts)})


_CLAUSE_OPEN = frozenset("，,。；;：:！？!?、“”「」（）()")


def _opens_clause(word: str, texts: list[str]) -> bool:
    """萨默斯指出, 高盛发表报告称: a name the titles share is the subject of some clause of the bodies;
    a word the titles share that never opens one (警告, 降费) says what happened, not to whom.
    Looked for with str.find, not a regex compiled for each word (0.3 s of a bulk run)."""
    for text in texts:
        start = text.find("\n")  # the title is line one; a text of one line has no body
        if start < 0:
            continue
        at = text.find(word, start + 1)
        while at >= 0:
            before = text[at - 1]  # the body starts after a newline: there is always a character before
            if before in _CLAUSE_OPEN or before.isspace():
                return True
            at = text.find(word, at + 1)
    return False


def _metric_like(word: str, texts: list[str]) -> bool:
    """票房160亿, 净利润21.95亿: a word that mostly stands before a number names a measure, not a thing."""
    total = before = 0
    for text in texts:
        at = text.find(word)
        while at >= 0:
            total += 1
            before += values.NUMBER_AFTER.match(text, at + len(word)) is not None
            at = text.find(word, at + 1)
    return total == 0 or before * 4 >= total


def _merge(names: dict[str, set[str]]) -> dict[str, set[str]]:
    """One entity per thing: a name that is an alias of another (a code shared, 宁德 ⊂ 宁德时代) joins it."""
    merged: dict[str, set[str]] = {}
    for name in sorted(names, key=lambda n: (not names[n], -len(n), n)):  # names with aliases first
        aliases = names[name]
        home = next((k for k, v in merged.items() if (aliases & v and any(not a.isascii() or any(c.isdigit() for c in a)
                                                                            for a in aliases & v))), None)
        if home is None:
            home = next((k for k in merged if name in merged[k]), None)
        if home is None:
            merged[name] = set(aliases)
        else:
            merged[home].update(aliases | {name})
    return merged


def index_of(entities: tuple[Entity, ...]) -> EntityIndex:
    return EntityIndex(entities)

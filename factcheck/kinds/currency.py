"""Which currency a bare 元 is in, as the newsroom wrote it.

The quantity normalizer reads 96.8元 as CNY. A Hong Kong or Taiwan paper
means HK$ or NT$ by it, and an article that says `(美元，下同)` once means
US$ by every later 元. Per sentence this module works out the default an
editor would read:

1. a marker `(美元，下同)`, `（人民币，下同）`, `(美元．下同)`, `US$, same
   below` sets it from its sentence to the end of the article;
2. else the article's locale: front-matter `lang:` (zh-HK, zh-TW), else the
   outlets file's `locales:` for its outlet, else the file's language suffix
   (`story.zh-HK.md`).

Only a bare 元 is re-read (人民币, RMB, ¥, 港元, 美元 … say their currency);
the claim's note says where the currency came from. An outlet's locale is a
guess (a Hong Kong paper writing about a mainland box office means RMB), so
a currency taken from it never makes a `currency-differs` finding; a 下同
marker is the article's own word and does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from factcheck.kinds.matching import fold
from factcheck.normalize.quantities import CURRENCIES, DOLLAR_LETTERS, QuantitySpan
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.records import Article

LOCALE_CURRENCY = {"zh-hk": "HKD", "zh-hant-hk": "HKD", "zh-mo": "MOP", "zh-tw": "TWD", "zh-hant-tw": "TWD",
                   "zh-hant": "", "zh-cn": "CNY", "zh-hans": "CNY", "zh-sg": "SGD"}


def locale_currency(locale: str) -> str:
    """The currency of a bare 元 in an article of `locale`, "" when the locale names none. One lookup for
    front matter, the outlets file, a file name and `normalize --locale`: any case, and `_` as `-` (zh_HK,
    the POSIX spelling, is zh-HK)."""
    return LOCALE_CURRENCY.get(locale.casefold().replace("_", "-"), "")


_WORDS = sorted((w for w in CURRENCIES if w not in ("元", "块", "块钱", "$")), key=len, reverse=True)
_NAME = "|".join(re.escape(w) for w in _WORDS)
_SAME_BELOW = (
    rf"[（(]\s*(?P<zh>{_NAME})\s*[，,．.、·‧・•]?\s*(?:下同|下同。)\s*[)）]"
    rf"|(?P<own>{_NAME})\s*[（(]\s*下同\s*[)）]"  # 報361.13美元(下同)
    rf"|(?P<en>{_NAME})\s*[,，]?\s*(?:same below|hereinafter)")


@cache
def same_below() -> re.Pattern[str]:
    """The 下同 marker, compiled on first use (most runs never meet one)."""
    return re.compile(_SAME_BELOW, re.IGNORECASE)
_LANG_SUFFIX = compiled_on_use(r"\.(zh[-_][A-Za-z]+(?:[-_][A-Za-z]+)?)\.[^./]+$")
_SAYS_CURRENCY = re.compile(r"人民币|人民幣|RMB|CNY|[¥￥]|块")


@dataclass(frozen=True)
class CurrencyDefault:
    """The currency a bare 元 means in a sentence, and why."""

    unit: str
    source: str  # shown in the claim's note
    origin: str  # "locale" (a guess from the outlet) or "same-below" (the article says so)


# the origin of a currency read for an amount written without one (这28亿借款): a guess, as "locale"
UNWRITTEN = "unwritten"
# the origin of USD read for a `$` with no country before it ($9.0 million): an Australian, Canadian or
# Hong Kong outlet means its own dollar by it, so it is a guess too (compare.py re-reads it by the topic)
BARE_DOLLAR = "bare-dollar"
# guesses: the outlet's locale, none written, a bare $, or a currency re-read from the topic's other sources (compare.py)
GUESSED = frozenset({"locale", UNWRITTEN, BARE_DOLLAR, "topic"})
# a dollar the letters before its `$` name (US$, A$, AU$, HK$, SG$ …: the currency table's symbols), read
# as the quantity reader reads them: not after another letter (`ySell$24,213` is a `$` alone)
_NAMED_DOLLAR = re.compile(rf"(?<![A-Za-z])(?:{DOLLAR_LETTERS})\$")


# the unit of a `$` alone in an article whose market makes its dollar uncertain (DollarMarket): compared
# only with other such amounts, never a conversion nor a currency-differs
UNKNOWN_DOLLAR = "$"


@dataclass(frozen=True)
class DollarMarket:
    """An article's market whose money is a dollar (ASX: AUD), which makes a `$` alone in it uncertain."""

    units: tuple[str, ...]  # the market's dollars (AUD, HKD …)
    source: str  # shown in the claim's note: "'ASX' (line 3)"


def _market_alternatives(code: str) -> str:
    """The words and ticker suffixes of one dollar market of zh.yaml's dollar_markets, as one group."""
    words, tickers = ZH.dollar_markets[code]
    spelled = [rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])" if w.isascii() else re.escape(w)
               for w in sorted(words, key=len, reverse=True)]
    spelled += [rf"(?<=[A-Z0-9])\.{re.escape(t)}(?![A-Za-z])" for t in tickers]  # 0700.HK, TPW.AX
    return f"(?P<m_{code}>{'|'.join(spelled)})"


@cache
def _market_words() -> re.Pattern[str]:
    """Any word or ticker suffix of zh.yaml's dollar_markets, one group per dollar (`m_AUD` …)."""
    return re.compile("|".join(_market_alternatives(code) for code in ZH.dollar_markets))


@cache
def _hong_kong_words() -> re.Pattern[str]:
    """The Hong Kong market's words alone: searched in every text of a renminbi outlet, where walking
    every market's matches cost 0.19 s of a 4.4 s bulk check."""
    return re.compile(_market_alternatives("HKD"))


@cache
def _hong_kong_literals() -> re.Pattern[str]:
    """The Hong Kong market's words and ticker suffixes as bare literals, a superset of `_hong_kong_words`:
    `re` scans in C for the first characters of an alternation of literals, where the look-behind that
    opens `_hong_kong_words` is tried at every character (bulk's 17,921 texts of gated renminbi outlets
    at 300 rules: 0.116 → 0.009 s); the exact words are asked only of a text holding one."""
    words, tickers = ZH.dollar_markets["HKD"]
    return re.compile("|".join([*(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                                *(r"\." + re.escape(t) for t in tickers)]))


def names_market(text: str) -> bool:
    """Whether `text` names a dollar market (ASX, (0700.HK), 港股): extract keeps such a paragraph of an
    article holding a `$`, so the market is read wherever the article names it."""
    return _market_words().search(text) is not None


def dollar_market(article: Article, texts: list[str]) -> DollarMarket | None:
    """The dollar market of an article holding a `$`, from its locale (zh-HK: HKD) or the words naming
    a listing (ASX, (0700.HK), 港股), unless the article writes that dollar with its letters (A$, HK$):
    then it tells its dollars apart, and a `$` alone is the US one, as wire copy writes it
    (`A$9 million ($5.65 million)`)."""
    if not any(holds_dollar(text) for text in texts):
        return None
    units: dict[str, str] = {}
    locale, where = article_locale(article)
    code = locale_currency(locale)
    if code in DOLLARS:
        units[code] = f"a {locale} outlet ({where}: {locale})"
    for text, segment in zip(texts, article.segments, strict=True):
        for found in _market_words().finditer(text):
            unit = (found.lastgroup or "m_").removeprefix("m_")
            units.setdefault(unit, f"{found.group(0)!r} (line {segment.line_at(found.start())})")
    if not units or any(_names_dollar(text, unit) for text in texts for unit in units):
        return None
    return DollarMarket(tuple(sorted(units)), "; ".join(units[u] for u in sorted(units)))


def _names_dollar(text: str, unit: str) -> bool:
    """Whether `text` writes the dollar `unit` with its letters (A$, AU$ for AUD)."""
    return "$" in text and any(CURRENCIES.get(m.group(0)) == unit for m in _NAMED_DOLLAR.finditer(text))


# cents written in English (`15 cents a share`, 15¢): read as USD, the cents of the dollar a `$` alone is
_CENTS_ALONE = re.compile(r"(?<![A-Za-z])cents?(?![A-Za-z])|¢")


def holds_dollar(text: str) -> bool:
    """Whether `text` may hold a dollar of no named country: a `$` alone or English cents."""
    return "$" in text or "¢" in text or ("cent" in text and _CENTS_ALONE.search(text) is not None)


# the currencies a `$` alone may mean besides USD, as newsrooms write them (A$, C$, HK$, S$, NZ$, NT$)
DOLLARS = frozenset({"AUD", "CAD", "HKD", "SGD", "NZD", "TWD"})


def bare_dollars(spans: list[QuantitySpan], text: str,
                 market: DollarMarket | None = None) -> tuple[list[QuantitySpan], dict[int, str]]:
    """The spans with USD read from a `$` alone marked as guessed (`BARE_DOLLAR`): the first `$` of
    the span (`$9.0 million`, `about $5 million`, `between $5 billion and $6 billion`) with no
    letters before it that name its dollar. In an article of a dollar `market`, such a `$` is
    of no known currency (UNKNOWN_DOLLAR), with a note per span start saying why."""
    if not holds_dollar(text):
        return spans, {}
    out: list[QuantitySpan] = []
    notes: dict[int, str] = {}
    for span in spans:
        if span.quantity.unit == "USD" and _dollar_alone(text, span):
            unit = UNKNOWN_DOLLAR if market is not None and not _priced_per_benchmark_unit(text, span) else "USD"
            span = replace(span, quantity=replace(span.quantity, unit=unit, unit_from=BARE_DOLLAR))
            if unit == UNKNOWN_DOLLAR and market is not None:
                notes[span.start] = (f"$ alone where the article's market has its own dollar ({market.source}): "
                                     f"{' or '.join(market.units)} or USD, not said")
        out.append(span)
    return out, notes


# the units commodities are priced in worldwide, in US dollars (gold per troy ounce, oil per barrel, grain per
# bushel); a ton is not among them: 元/吨 and A$/t are local prices
_BENCHMARK_UNIT = r"(?:(?:金衡)?(?:盎司|盎斯|安士|桶|蒲式耳)|(?:troy\s+)?(?:ounces?|oz|barrels?|bbl|bushels?)(?![A-Za-z]))"
# after the amount (`$2500-2600/oz`, `$80 per barrel`, `$2,900 an ounce`, `$75/桶`), or 每 before it (每盎司$2900)
_PER_UNIT_AFTER = compiled_on_use(rf"(?:\s*[-–~至到]\s*\$?[\d,.]+)?\s*(?:/|每|per\s+|an?\s+){_BENCHMARK_UNIT}", re.IGNORECASE)
_PER_UNIT_BEFORE = compiled_on_use(rf"每(?:{_BENCHMARK_UNIT})\s*$", re.IGNORECASE)


def _priced_per_benchmark_unit(text: str, span: QuantitySpan) -> bool:
    """Whether the amount is a price per troy ounce, barrel or bushel (`金价底部支撑位在$2500-2600/oz`): such a
    `$` is the US dollar whatever market the article names, since commodities are priced in it worldwide
    (review #5: a broker note naming 港股 once made its gold price of no known currency)."""
    per = span.quantity.scale_text.lstrip("/")
    return ((bool(per) and re.fullmatch(_BENCHMARK_UNIT, per, re.IGNORECASE) is not None)
            or _PER_UNIT_AFTER.match(text, span.end) is not None
            or _PER_UNIT_BEFORE.search(text, max(0, span.start - 6), span.start) is not None)


def _dollar_alone(text: str, span: QuantitySpan) -> bool:
    """Whether the span's currency is a `$` no letters before it name, or English cents (`15 cents`)."""
    at = text.find("$", span.start, span.end)
    if at < 0:
        return _CENTS_ALONE.search(text, span.start, span.end) is not None
    return not any(m.end() == at + 1 for m in _NAMED_DOLLAR.finditer(text, max(0, at - 3), at + 1))


def article_locale(article: Article) -> tuple[str, str]:
    """(locale, where it was read): front matter, else the file name's language suffix."""
    if article.lang:
        return article.lang, article.lang_from or "front-matter lang"
    found = _LANG_SUFFIX.search(article.path)
    return (found.group(1).replace("_", "-"), "file name") if found else ("", "")


def says_same_below(text: str) -> bool:
    """Whether `text` holds a word of a 下同 note (下同, same below, hereinafter, in any case): the
    cheap test before `same_below_note`, also asked of all an article's paragraphs at once."""
    return _note_word().search(text) is not None


# 下同|same below|hereinafter as re.IGNORECASE reads them (s also ſ, i also ı and İ), spelled out for
# RE2, whose one linear pass over an article's text is about 6× faster than re's search (issue 14)
NOTE_WORD = ("下同|[Ssſ][Aa][Mm][Ee] [Bb][Ee][Ll][Oo][Ww]"
             "|[Hh][Ee][Rr][Ee][Iiİı][Nn][Aa][Ff][Tt][Ee][Rr]")


@cache
def _note_word() -> Any:
    import re2

    return re2.compile(NOTE_WORD)


def same_below_note(text: str) -> re.Match[str] | None:
    """The 下同 note in `text` (人民币，下同), matched in one script, as rules are: (人民幣‧下同)
    is (人民币‧下同); fold keeps offsets, so the match's span is the text's."""
    return same_below().search(fold(text)) if says_same_below(text) else None


def currency_defaults(article: Article, texts: list[str]) -> list[CurrencyDefault | None]:
    """The default for each segment text of `article`, in order."""
    locale, where = article_locale(article)
    code = locale_currency(locale)
    current = (CurrencyDefault(code, f"元 in a {locale} outlet ({where}: {locale})", "locale")
               if code and code != "CNY" else None)
    if not says_same_below("\x00".join(texts)):  # one search for the article: most set no currency
        return [current or _hong_kong_market(text, code) for text in texts]
    result: list[CurrencyDefault | None] = []
    for text, segment in zip(texts, article.segments, strict=True):
        marker = None if segment.is_title else same_below_note(text)
        if marker:
            word = marker.group("zh") or marker.group("own") or marker.group("en")
            unit = CURRENCIES.get(word) or CURRENCIES.get(word.upper(), "")
            if unit:
                written = text[marker.start():marker.end()]
                current = CurrencyDefault(unit, f"元 as {unit} from {written!r} (line {segment.line_at(marker.start())})",
                                          "same-below")
        result.append(current or _hong_kong_market(text, code))
    return result


def _hong_kong_market(text: str, code: str) -> CurrencyDefault | None:
    """A bare 元 in a sentence naming the Hong Kong market (港股, 港交所, 9995.HK: zh.yaml's dollar_markets)
    of an outlet whose 元 is renminbi (or unknown): still read as CNY (a mainland company's revenue,
    valuation or A-share price mostly is), but as a guess, since it may be Hong Kong dollars
    (`港股全日沽空金额约521.019亿元`): it never counts as stated renminbi turning another source's HKD
    into CNY (compare.renminbi_by_topic), nor raises a currency-differs."""
    if code not in ("", "CNY"):
        return None
    found = _hong_kong_words().search(text) if _hong_kong_literals().search(text) else None
    if found is None:
        return None
    return CurrencyDefault("CNY", f"元 beside the Hong Kong market ({found.group(0)!r}): CNY or HKD, not said", "locale")


def reread(spans: list[QuantitySpan], text: str, default: CurrencyDefault | None,
           market: DollarMarket | None = None) -> tuple[list[QuantitySpan], dict[int, str]]:
    """The spans with a bare 元 in the default currency, and a note per re-read span start
    (a bare $ marked as a guess whatever the default, of no known currency in a dollar `market`)."""
    spans, notes = bare_dollars(spans, text, market)
    if default is None:
        return spans, notes
    out: list[QuantitySpan] = []
    for span in spans:
        quantity = span.quantity
        # a guessed default marks even a 元 it leaves in CNY as guessed (元 beside 港股 in a zh-CN outlet)
        if (quantity.unit != default.unit or default.origin == "locale") and bare_yuan(text, span):
            span = replace(span, quantity=replace(quantity, unit=default.unit, unit_from=default.origin))
            notes[span.start] = default.source
        out.append(span)
    return out, notes


def bare_yuan(text: str, span: QuantitySpan) -> bool:
    """Whether the amount at `span` of `text` is renminbi only by a bare 元 (no 人民币, RMB, ¥ … in it or
    right after it): the one test of what a locale or a 下同 note re-reads (`reread`), and of what
    `factcheck normalize` says is renminbi only by default (normalize/spans.py)."""
    raw = text[span.start:span.end]
    return (span.quantity.unit == "CNY" and ("元" in raw or "圆" in raw) and not _SAYS_CURRENCY.search(raw)
            and not _SAYS_CURRENCY.match(text, span.end))


def as_money(spans: list[QuantitySpan], default: CurrencyDefault | None) -> tuple[list[QuantitySpan], dict[int, str]]:
    """Amounts written without a currency (这28亿借款, 擬籌39億) in the currency a bare 元 has here,
    marked as guessed: compared only with amounts in that currency, never a `currency-differs`."""
    if default is not None and default.unit == "CNY" and default.origin == "locale":
        default = None  # 元 beside 港股: still CNY, and an amount with no currency written is a guess already
    unit = default.unit if default is not None else "CNY"
    why = f"no currency written: read as 元 ({unit}" + (f", {default.source})" if default is not None else ")")
    out = [replace(span, quantity=replace(span.quantity, unit=unit, unit_from=UNWRITTEN)) for span in spans]
    return out, {span.start: why for span in out}

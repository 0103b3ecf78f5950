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
from factcheck.normalize.quantities import CURRENCIES, QuantitySpan
from factcheck.records import Article

LOCALE_CURRENCY = {"zh-hk": "HKD", "zh-hant-hk": "HKD", "zh-mo": "MOP", "zh-tw": "TWD", "zh-hant-tw": "TWD",
                   "zh-hant": "", "zh-cn": "CNY", "zh-hans": "CNY", "zh-sg": "SGD"}
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
_LANG_SUFFIX = re.compile(r"\.(zh[-_][A-Za-z]+(?:[-_][A-Za-z]+)?)\.[^./]+$")
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
_NAMED_DOLLAR = re.compile("(?<![A-Za-z])(?:" + "|".join(
    re.escape(w[:-1]) for w in sorted(CURRENCIES, key=len, reverse=True) if w.endswith("$") and len(w) > 1) + r")\$$")


def bare_dollars(spans: list[QuantitySpan], text: str) -> list[QuantitySpan]:
    """The spans with USD read from a `$` alone marked as guessed (`BARE_DOLLAR`): the first `$` of
    the span (`$9.0 million`, `about $5 million`, `between $5 billion and $6 billion`) with no
    letters before it that name its dollar."""
    if "$" not in text:
        return spans
    return [replace(span, quantity=replace(span.quantity, unit_from=BARE_DOLLAR))
            if span.quantity.unit == "USD" and _dollar_alone(text, span) else span for span in spans]


def _dollar_alone(text: str, span: QuantitySpan) -> bool:
    """Whether the span's currency is a `$` no letters before it name."""
    at = text.find("$", span.start, span.end)
    return at >= 0 and _NAMED_DOLLAR.search(text, max(0, at - 3), at + 1) is None


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
    code = LOCALE_CURRENCY.get(locale.casefold(), "")
    current = (CurrencyDefault(code, f"元 in a {locale} outlet ({where}: {locale})", "locale")
               if code and code != "CNY" else None)
    if not says_same_below("\x00".join(texts)):  # one search for the article: most set no currency
        return [current] * len(texts)
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
        result.append(current)
    return result


def reread(spans: list[QuantitySpan], text: str, default: CurrencyDefault | None) -> tuple[list[QuantitySpan], dict[int, str]]:
    """The spans with a bare 元 in the default currency, and a note per re-read span start
    (a bare $ marked as a guess whatever the default)."""
    spans = bare_dollars(spans, text)
    if default is None:
        return spans, {}
    out: list[QuantitySpan] = []
    notes: dict[int, str] = {}
    for span in spans:
        quantity = span.quantity
        raw = text[span.start:span.end]
        if quantity.unit == "CNY" and quantity.unit != default.unit and ("元" in raw or "圆" in raw) \
                and not _SAYS_CURRENCY.search(raw) and not _SAYS_CURRENCY.match(text, span.end):
            span = replace(span, quantity=replace(quantity, unit=default.unit, unit_from=default.origin))
            notes[span.start] = default.source
        out.append(span)
    return out, notes


def as_money(spans: list[QuantitySpan], default: CurrencyDefault | None) -> tuple[list[QuantitySpan], dict[int, str]]:
    """Amounts written without a currency (这28亿借款, 擬籌39億) in the currency a bare 元 has here,
    marked as guessed: compared only with amounts in that currency, never a `currency-differs`."""
    unit = default.unit if default is not None else "CNY"
    why = f"no currency written: read as 元 ({unit}" + (f", {default.source})" if default is not None else ")")
    out = [replace(span, quantity=replace(span.quantity, unit=unit, unit_from=UNWRITTEN)) for span in spans]
    return out, {span.start: why for span in out}

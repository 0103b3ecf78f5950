"""The Chinese word tables of the normalizers, read once from factcheck/data/zh.yaml.

Words are data, not code (as dateparser keeps its zh.yaml): a new currency
name, verb of change or range separator is one line in one file, and no
module keeps a copy of its own. Words are written in Simplified only: every
reader folds the text first (normalize.variants.fold), so 港幣 and 港币 are one
word. The file is small; it is read when a normalizer is first imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

import yaml

__all__ = ["ZH", "Words"]


@dataclass(frozen=True)
class Words:
    """One language's word tables; see zh.yaml for what each holds and why."""

    fold_extra: dict[str, str]
    names_traditional: str
    names_simplified: str
    range_words: tuple[str, ...]
    range_dashes: str
    approx_before: dict[str, str]
    approx_after: dict[str, str]
    place_bounded: tuple[str, ...]
    lower_bound_words: tuple[str, ...]
    upper_bound_words: tuple[str, ...]
    inclusive_lower: tuple[str, ...]
    inclusive_upper: tuple[str, ...]
    up_words: tuple[str, ...]
    down_words: tuple[str, ...]
    up_words_en: tuple[str, ...]
    down_words_en: tuple[str, ...]
    up_nouns_en: tuple[str, ...]
    down_nouns_en: tuple[str, ...]
    change_bases: tuple[str, ...]
    extreme_words: tuple[str, ...]
    extreme_lead: tuple[str, ...]
    one_day: tuple[str, ...]
    each: tuple[str, ...]
    respectively: tuple[str, ...]
    posts: tuple[str, ...]  # every word of a post, its variants too
    post_variants: dict[str, str]  # a variant → the post it is
    founding_posts: frozenset[str]  # titles of origin (创始人), held beside any office
    currencies: dict[str, str]
    currency_before: tuple[str, ...]
    currency_symbols: tuple[str, ...]
    dollar_markets: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # dollar → (market words, ticker suffixes)
    sub_units: dict[str, Decimal]
    after_digits_only: frozenset[str]
    financial_numerals: dict[str, str]
    per_units: tuple[str, ...]
    not_after_cheng: tuple[str, ...]
    not_after_zhe: tuple[str, ...]
    compared_bounds: tuple[str, ...]
    compared_measures: tuple[str, ...]
    category_heads: tuple[str, ...]
    english_pointers: dict[str, tuple[str, ...]]  # nouns, shares, possessives, opening_pronouns, not_describing, not_after
    english_sources: dict[str, tuple[str, ...]]  # before (according to), saying (said, says)

    def range_separator(self, repeat_dashes: str = "—－-") -> str:
        """A regex for one range separator (至, 到, ~, -, —— …); the dashes in
        `repeat_dashes` may stand doubled."""
        dashes = [re.escape(d) + ("{1,2}" if d in repeat_dashes else "") for d in self.range_dashes]
        return "(?:" + "|".join([*self.range_words, *dashes]) + ")"

    def any_of(self, words: tuple[str, ...] | list[str]) -> str:
        """A regex for any of `words` in unfolded text: each Chinese character in either script (the
        hand-made pairs of names_traditional: 不少于 or 不少於), English words in any case."""
        other: dict[str, str] = {}
        for traditional, simplified in zip(self.names_traditional, self.names_simplified):
            if traditional != simplified:
                other[simplified] = other.get(simplified, "") + traditional
        spelled = ["(?i:" + re.escape(word) + ")" if word.isascii() else
                   "".join(f"[{re.escape(c + other[c])}]" if c in other else re.escape(c) for c in word)
                   for word in sorted(words, key=lambda w: (-len(w), w))]
        return "(?:" + "|".join(spelled) + ")"

    def change_verb(self, chinese: bool = True, english: bool = True, extra: tuple[str, ...] = ()) -> str:
        """A regex for any verb of change of the one table both languages share (zh.yaml `change`): the
        Chinese ones as written in folded text (跌, 下滑, with `extra` words of its own reader: 多增), the
        English ones whole words in any case, a space in one (`edged up`) any run of spaces. So a reader
        of `阿里巴巴涨7.55%` reads `Alibaba shares soared 8%` with the same words, not a second list."""
        parts: list[str] = []
        if chinese:
            parts += map(re.escape, sorted({*self.up_words, *self.down_words, *extra}, key=len, reverse=True))
        if english:
            words = sorted({*self.up_words_en, *self.down_words_en}, key=len, reverse=True)
            parts.append(r"(?<![A-Za-z])(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                         + r")(?![A-Za-z])")
        return "(?:" + "|".join(parts) + ")"

    def is_down_en(self, verb: str) -> bool:
        """Whether an English verb or noun of change as written (`Fell`, `edged  down`, `drop`) says down."""
        word = " ".join(verb.lower().split())
        return word in self.down_words_en or word in self.down_nouns_en





def _chars(text: str) -> str:
    return "".join(text.split())


def _by_word(groups: dict[str, list[str]], table: str) -> dict[str, str]:
    """{word: group} from {group: [words]}; a word in two groups is an error in the file."""
    found: dict[str, str] = {}
    for group, words in groups.items():
        for word in words:
            if word in found:
                raise ValueError(f"zh.yaml: {table}: {word!r} is listed twice")
            found[word] = group or ""
    return found


def _with_name_after_yuan(currencies: dict[str, str], sub_units: dict[str, Any]) -> dict[str, str]:
    """`currencies` and 元 + each Chinese currency name: 2933億元新台幣 is TWD, 19.3億元日圓 JPY,
    as 50亿元人民币 is CNY (HK, Taiwan and mainland copy write the currency after 元 as well as
    before the number). Names with 元 of their own (美元, 港元) and sub-units (美分, 仙) are left out."""
    extended = dict(currencies)
    for word, code in currencies.items():
        if (len(word) > 1 and all("\u4e00" <= c <= "\u9fff" for c in word) and "元" not in word
                and word not in sub_units and not word.startswith("块")):
            extended.setdefault("元" + word, code)
    return extended


def _load() -> Words:
    raw: dict[str, Any] = yaml.load(resources.files("factcheck.data").joinpath("zh.yaml").read_text(encoding="utf-8"),
                                    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    traditional, simplified = _chars(raw["names_traditional"]), _chars(raw["names_simplified"])
    if len(traditional) != len(simplified):
        raise ValueError("zh.yaml: names_traditional and names_simplified differ in length")
    return Words(
        fold_extra=dict(raw["fold_extra"]),
        names_traditional=traditional,
        names_simplified=simplified,
        range_words=tuple(raw["range_separators"]["words"]),
        range_dashes=_chars(raw["range_separators"]["dashes"]),
        approx_before=_by_word(raw["approx_before"], "approx_before"),
        approx_after=_by_word(raw["approx_after"], "approx_after"),
        place_bounded=tuple(raw["place_bounded"]),
        lower_bound_words=tuple(raw["bound_words"]["lower"]),
        upper_bound_words=tuple(raw["bound_words"]["upper"]),
        inclusive_lower=tuple(raw["inclusive_bounds"]["lower"]),
        inclusive_upper=tuple(raw["inclusive_bounds"]["upper"]),
        up_words=tuple(raw["change"]["up"]),
        down_words=tuple(raw["change"]["down"]),
        up_words_en=tuple(raw["change"]["up_en"]),
        down_words_en=tuple(raw["change"]["down_en"]),
        up_nouns_en=tuple(raw["change"]["up_nouns_en"]),
        down_nouns_en=tuple(raw["change"]["down_nouns_en"]),
        change_bases=tuple(raw["change"]["bases"]),
        extreme_words=tuple(raw["extremes"]["words"]),
        extreme_lead=(*raw["one_day"], *raw["extremes"]["after"]),
        one_day=tuple(raw["one_day"]),
        each=tuple(raw["each"]),
        respectively=tuple(raw["respectively"]),
        posts=(*raw["posts"], *raw["post_variants"]),
        post_variants=dict(raw["post_variants"]),
        founding_posts=frozenset(raw["founding_posts"]),
        currencies=_with_name_after_yuan(_by_word(raw["currencies"], "currencies"), raw["sub_units"]),
        currency_before=tuple(raw["currency_before"]),
        currency_symbols=tuple(raw["currency_symbols"]),
        dollar_markets={code: (tuple(market["words"]), tuple(market["tickers"]))
                        for code, market in raw["dollar_markets"].items()},
        sub_units={w: Decimal(str(f)) for w, f in raw["sub_units"].items()},
        after_digits_only=frozenset(raw["after_digits_only"]),
        financial_numerals=dict(raw["financial_numerals"]),
        per_units=tuple(raw["per_units"]),
        not_after_cheng=tuple(raw["not_a_unit_before"]["成"]),
        not_after_zhe=tuple(raw["not_a_unit_before"]["折"]),
        compared_bounds=tuple(raw["compared_figures"]["bounds"]),
        compared_measures=tuple(raw["compared_figures"]["measures"]),
        category_heads=tuple(raw["category_heads"]),
        english_pointers={key: tuple(words) for key, words in raw["english_pointers"].items()},
        english_sources={key: tuple(words) for key, words in raw["english_sources"].items()},
    )


ZH = _load()

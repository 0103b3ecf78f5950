"""Percentages, money and plain quantities found in a sentence.

A quantity is a number with its unit (%, 个百分点, a currency) and the words
around it that make it approximate (近5% is just under 5, 超2% is above 2,
约/左右 is around). The result is an interval, so comparison never has to
guess whether "近5%" and "4.8%" say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.normalize.numbers import ARABIC, CN_NUMERAL_CHARS, parse_number
from factcheck.records import Quantity

CURRENCIES: dict[str, str] = {
    "美元": "USD", "美金": "USD", "USD": "USD", "US$": "USD", "$": "USD",
    "港元": "HKD", "港币": "HKD", "港幣": "HKD", "HKD": "HKD", "HK$": "HKD",
    "人民币": "CNY", "人民幣": "CNY", "元": "CNY", "RMB": "CNY", "CNY": "CNY", "￥": "CNY", "¥": "CNY",
    "欧元": "EUR", "歐元": "EUR", "EUR": "EUR", "€": "EUR",
    "日元": "JPY", "日圆": "JPY", "JPY": "JPY",
    "英镑": "GBP", "英鎊": "GBP", "GBP": "GBP", "£": "GBP",
    "新台币": "TWD", "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "瑞郎": "CHF",
}
APPROX_BEFORE: dict[str, str] = {
    "将近": "near", "接近": "near", "逼近": "near", "近": "near",
    "超过": "over", "逾": "over", "超": "over", "高于": "over", "多于": "over",
    "突破": "over", "至少": "over", "最少": "over", "不少于": "over", "不低于": "over",
    "大约": "about", "约": "about", "大概": "about", "约为": "about", "約": "about",
    "不到": "under", "不足": "under", "低于": "under", "少于": "under", "至多": "under",
    "不超过": "under", "未满": "under",
}
APPROX_AFTER: dict[str, str] = {
    "左右": "about", "上下": "about", "以上": "over", "多": "over", "余": "over",
    "以下": "under",
}
# how far an approximate number reaches, as a fraction of itself
NEAR_SPAN = Decimal("0.1")
ABOUT_SPAN = Decimal("0.1")

_CN_NUM = f"[{CN_NUMERAL_CHARS}点]+"
_NUMBER = rf"(?:{ARABIC}(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)?|{_CN_NUM})"
_CURRENCY_WORDS = "|".join(sorted((re.escape(c) for c in CURRENCIES if not c.isascii() or c.isalpha()),
                                  key=len, reverse=True))
_BEFORE = "|".join(sorted(APPROX_BEFORE, key=len, reverse=True))
_AFTER = "|".join(sorted(APPROX_AFTER, key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"(?:(?P<before>{_BEFORE})了?\s?)?"
    rf"(?:(?P<percent_of>百分之)(?P<pnum>{_NUMBER})"
    rf"|(?P<symbol>US\$|HK\$|\$|￥|¥|€|£)\s?(?P<snum>{ARABIC}(?:万亿|亿|万)?)"
    rf"|(?P<num>{_NUMBER})(?P<after_num>多|余)?\s?"
    rf"(?P<unit>%|％|个百分点|百分点|{_CURRENCY_WORDS}))"
    rf"(?P<per>/股|每股|/桶|/盎司|/吨)?"
    rf"(?P<after>{_AFTER})?"
)


@dataclass(frozen=True)
class QuantitySpan:
    start: int
    end: int
    quantity: Quantity
    number_start: int  # where the number itself begins, after 近/超过/约 …


def find_quantities(text: str) -> list[QuantitySpan]:
    """Every percentage and amount of money in `text`, with its offsets."""
    found: list[QuantitySpan] = []
    folded = text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text
    for match in QUANTITY_RE.finditer(folded):
        if match.start() and folded[match.start() - 1] in "数几":
            continue  # 数十亿美元: an order of magnitude, not an amount
        quantity = _to_quantity(match)
        if quantity is not None:
            number_start = min(match.start(g) for g in ("percent_of", "symbol", "num") if match.group(g))
            found.append(QuantitySpan(match.start(), match.end(), quantity, number_start))
    return found


_FOLD = str.maketrans("０１２３４５６７８９．％萬億兩個點圓", "0123456789.%万亿两个点元")  # same length: offsets stay
_NEEDS_FOLD = re.compile("[０-９．％萬億兩個點圓]")


def parse_quantity(text: str) -> Quantity | None:
    """Read `text` as exactly one quantity ("涨近5%" is not; "近5%" is)."""
    match = QUANTITY_RE.fullmatch(text.strip().translate(_FOLD))
    return _to_quantity(match) if match else None


def _to_quantity(match: re.Match[str]) -> Quantity | None:
    groups = match.groupdict()
    if groups["percent_of"]:
        number_text, unit = groups["pnum"], "%"
    elif groups["symbol"]:
        number_text, unit = groups["snum"], CURRENCIES[groups["symbol"]]
    else:
        number_text = groups["num"]
        unit_text = groups["unit"]
        unit = "%" if unit_text in ("%", "％") else "pp" if "百分点" in unit_text else CURRENCIES[unit_text]
    parsed = parse_number(number_text)
    if parsed is None:
        return None
    approx_words = [w for w in (groups["before"], groups.get("after_num"), groups["after"]) if w]
    approx = ""
    for word in approx_words:
        approx = APPROX_BEFORE.get(word) or APPROX_AFTER.get(word) or approx
    low, high = interval(parsed.value, parsed.step, approx)
    return Quantity(
        value=parsed.value, low=low, high=high, unit=unit, approx=approx,
        raw=match.group(0), scale_text=groups["per"] or "",
    )


def interval(value: Decimal, step: Decimal, approx: str) -> tuple[Decimal | None, Decimal | None]:
    """The interval a number stands for, given how it is qualified."""
    half = step / 2
    if approx == "near":
        return value - abs(value) * NEAR_SPAN, value
    if approx == "over":
        return value, None
    if approx == "under":
        return None, value
    if approx == "about":
        return value - abs(value) * ABOUT_SPAN, value + abs(value) * ABOUT_SPAN
    return value - half, value + half


def negate(quantity: Quantity) -> Quantity:
    """The same quantity with its sign flipped (跌4.5% is -4.5%)."""
    return Quantity(
        value=-quantity.value,
        low=None if quantity.high is None else -quantity.high,
        high=None if quantity.low is None else -quantity.low,
        unit=quantity.unit, approx=quantity.approx, raw=quantity.raw,
        scale_text=quantity.scale_text,
    )


def overlap(a: Quantity, b: Quantity, tolerance: Decimal = Decimal(0)) -> bool:
    """Whether two quantities can describe the same fact.

    Intervals must share more than a bound: 39.32% is [39.315, 39.325] and
    39.33% is [39.325, 39.335], and the two do not say the same thing.
    """
    if a.unit != b.unit:
        return False
    a_low = None if a.low is None else a.low - tolerance
    a_high = None if a.high is None else a.high + tolerance
    if a_low is not None and b.high is not None and b.high <= a_low:
        return False
    if a_high is not None and b.low is not None and b.low >= a_high:
        return False
    return True

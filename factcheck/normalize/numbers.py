"""Numbers as Chinese news writes them, read exactly (Decimal, never float).

cn2an reads pure Chinese integers; it rejects what news mixes freely
(2.22万亿, 1.5亿, 百万, decimals such as 八点四八 with a scale), so this module
splits such forms and hands cn2an only the part it is right for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
FINANCIAL = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億", "一二二三三四五六六七八九十百千万亿")
CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SCALES: dict[str, Decimal] = {
    "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3, "百": Decimal(10) ** 2,
}
CN_NUMERAL_CHARS = "〇零一二两兩三四五六七八九十百千万亿萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ARABIC_RE = re.compile(rf"({ARABIC})((?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)?)(\d?)$")
_SCALE_ONLY_RE = re.compile(r"(十|百|千)?(万亿|亿|万)$")


@dataclass(frozen=True)
class ParsedNumber:
    """A number and the step of its last stated digit (its precision).

    "8.48" has step 0.01, "2.22万亿" has step 0.01万亿, "20" has step 1: an
    exact number stands for the interval value ± step/2.
    """

    value: Decimal
    step: Decimal


def prepare(text: str) -> str:
    """Fold full-width and financial forms into the plain ones parsed below."""
    return text.translate(FULLWIDTH).translate(FINANCIAL).replace(" ", "")


def parse_number(text: str) -> ParsedNumber | None:
    """Read one number written in Arabic, Chinese or mixed numerals.

    Returns None for text that is not a single number ("统一", "一半").
    """
    text = prepare(text)
    if not text:
        return None
    if text[0].isdigit():
        return _parse_arabic(text)
    return _parse_chinese(text)


def _parse_arabic(text: str) -> ParsedNumber | None:
    match = _ARABIC_RE.match(text)
    if not match:
        return None
    digits, scale_text, tail = match.groups()
    try:
        base = Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None
    scale = SCALES.get(scale_text, Decimal(1))
    step = Decimal(1).scaleb(base.as_tuple().exponent) * scale
    value = base * scale
    if tail:  # 13万2 = 132,000: the digit after a scale is one place lower
        if scale_text != "万":
            return None
        value += Decimal(tail) * 1000
        step = Decimal(1000)
    return ParsedNumber(value, step)


def _parse_chinese(text: str) -> ParsedNumber | None:
    scale = Decimal(1)
    scale_match = _SCALE_ONLY_RE.search(text)
    if "点" in text and scale_match:  # 一点五亿: decimal part then a scale
        scale = SCALES[scale_match.group(2)] * SCALES.get(scale_match.group(1) or "", Decimal(1))
        text = text[: scale_match.start()]
    integer_text, _, fraction_text = text.partition("点")
    if fraction_text and not all(ch in CN_DIGIT for ch in fraction_text):
        return None
    integer = _chinese_integer(integer_text) if integer_text else None
    if integer is None:
        return None
    fraction = "".join(str(CN_DIGIT[ch]) for ch in fraction_text)
    base = Decimal(f"{integer}.{fraction}") if fraction else Decimal(integer)
    if fraction:
        step = Decimal(1).scaleb(-len(fraction))
    else:
        step = _integer_step(integer_text)
    return ParsedNumber(base * scale, step * scale)


def _chinese_integer(text: str) -> int | None:
    if not all(ch in CN_NUMERAL_CHARS for ch in text):
        return None
    if text[0] in "百千万亿":
        if len(text) == 1:
            return None  # a lone 万 or 亿 is a word here, not a number
        text = "一" + text  # 百万 → 一百万: cn2an rejects a bare leading unit
    import cn2an  # deferred: cn2an is slow to import and not needed for --help

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return int(value)


def _integer_step(text: str) -> Decimal:
    """Precision of a Chinese integer: the place of its last digit.

    三千万 → 10^7, 十三万二 → 10^3 (the digit after a unit is one place lower),
    一百零二 and 二〇二五 → 1.
    """
    places = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
    trailing = re.search(r"[十百千万亿]+$", text)
    if trailing:
        return Decimal(10) ** sum(places[ch] for ch in trailing.group(0))
    if len(text) >= 2 and text[-2] in places and text[-2] != "十":
        return Decimal(10) ** (places[text[-2]] - 1)
    return Decimal(1)

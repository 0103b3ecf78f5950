"""Numbers as Chinese news writes them, read exactly (Decimal, never float).

Two readers:

- `parse_number` reads one number: Arabic (1,234.5, -3.59, 2.22万亿, 13万2,
  1万6千, 6亿3千万, 3 million), Chinese (三千万, 十三万二, 一百零二, 二〇二五,
  八点四八, 一点五亿, 百万, 廿五), financial (壹仟贰佰), full-width (１２．５) and
  fractions (三分之一, 百分之五 = 0.05). It returns None for anything that is
  not exactly one number: ranges (三四十, 3-5), vague amounts (十几, 数十亿,
  50多), words that hold numerals (统一, 万一, 一半, 两点半).
- `parse_interval` reads what a number stands for, as an interval: an exact
  number is value ± half its last digit; ranges (3至5, 10-20万, 两到三万, 三四十,
  八九亿), vague amounts (十几, 50多亿, 380余万, 数十亿) and the words that
  qualify a number (近, 约, 超过, 不到, 左右, 以上 …) give their bounds.

cn2an reads pure Chinese integers and rejects what news mixes freely; measured
on other projects' suites it is never the better reader (docs/normalize.md),
so this module evaluates every form itself and cn2an is a test dependency only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.normalize.variants import fold
from factcheck.normalize.words import ZH
from factcheck.patterns import compiled_on_use
from factcheck.values import ABOUT_SPAN

FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")
FINANCIAL = str.maketrans(ZH.financial_numerals)
CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SCALES: dict[str, Decimal] = {
    "兆": Decimal(10) ** 12, "万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9, "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6, "十万": Decimal(10) ** 5, "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3, "百": Decimal(10) ** 2,
}
ENGLISH_SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3, "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9, "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12,
}
# scale letters whose case matters: 300M and 2.5B (not 300m metres, 2.5b), 31w (万, not 31W watts), 5K
SCALE_LETTERS: dict[str, Decimal] = {"M": Decimal(10) ** 6, "B": Decimal(10) ** 9, "w": Decimal(10) ** 4,
                                     "K": Decimal(10) ** 3}
CN_NUMERAL_CHARS = "〇零一二两兩三四五六七八九十百千万亿萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
RANGE_SEPARATORS = "".join(ZH.range_words) + ZH.range_dashes

# how far an approximate number reaches, as a fraction of itself
NEAR_SPAN = Decimal("0.1")

# words that qualify a number, before or after it: near (just under), over,
# under, about (either side)
APPROX_BEFORE: dict[str, str] = ZH.approx_before
APPROX_AFTER: dict[str, str] = ZH.approx_after
# words of "in all" that may stand between a bound and its number and keep the bound: 最多合共1119.02万股,
# 最多合共2.34亿港元 (read by counts, kinds/amounts.py, and by quantities, normalize/quantities.py)
IN_ALL_WORDS = ("合共", "合计", "合計", "共计", "共計", "总共", "總共", "一共", "共")
# 多/余/几 bound an amount by its last stated place: 50多 is 50–60, 十几 10–20
_PLACE_BOUNDED = ZH.place_bounded


@dataclass(frozen=True)
class ParsedNumber:
    """A number and the step of its last stated digit (its precision).

    "8.48" has step 0.01, "2.22万亿" has step 0.01万亿, "20" has step 1: an
    exact number stands for the interval value ± step/2.
    """

    value: Decimal
    step: Decimal


@dataclass(frozen=True)
class NumberInterval:
    """What a number, a range or a qualified number stands for.

    `value` is the number as written (the centre of a range, the bound of
    近5 or 超2); `low`/`high` bound it (None: unbounded); `approx` is "",
    "near", "over", "under" or "about"; `is_range` is set for 3至5, 三四十.
    """

    value: Decimal
    low: Decimal | None
    high: Decimal | None
    approx: str
    step: Decimal
    is_range: bool = False


# 46，500名员工, 9，000人: a full-width comma between a group of one to three digits and exactly
# three digits (no digit after them) groups thousands, as the ASCII comma does, when an amount's
# unit or decimals follow (a measure word, 万, 美元, 点: a Chinese character, a space before it at
# most; .79; or nothing: a number alone). In a list it is a clause comma: 增长12，3家 (a group of one), 1，2，3, 2024，500 and
# 5，46，500 (a comma chain that does not group all the way through) are never merged, nor is
# 分辨率 600×800，300 PPI (no amount's unit after it). ASCII and full-width commas may mix in one chain.
_FULLWIDTH_THOUSANDS_RE = compiled_on_use(r"(?<!\d[，,])(?<![\d.])\d{1,3}(?:[，,]\d{3})*，\d{3}(?:[，,]\d{3})*"
                                          r"(?!\d|[，,]\d)(?=\.\d|\s?[\u4e00-\u9fff]|$)")

# what every such match holds: a digit, the full-width comma, three digits (a search 4× cheaper than
# the match's look-behinds tried at every character of a sentence)
_FULLWIDTH_GROUP = re.compile(r"\d，\d{3}")


def group_thousands(text: str) -> str:
    """`text` with each full-width comma that groups thousands written as an ASCII one (same length)."""
    if "，" not in text or not _FULLWIDTH_GROUP.search(text):  # most commas in a sentence are clause commas
        return text
    return _FULLWIDTH_THOUSANDS_RE.sub(lambda m: m.group(0).replace("，", ","), text)


def prepare(text: str) -> str:
    """Fold full-width, financial and spacing forms into the plain ones parsed below."""
    text = group_thousands(fold(text)).replace("，", "、").translate(FULLWIDTH).translate(FINANCIAL)
    if "廿" in text or "卅" in text:
        text = text.replace("廿", "二十").replace("卅", "三十")
    if "万万" in text:
        text = text.replace("万万", "亿")  # 四万万 (an old way to write 4亿)
    return "".join(text.split()).replace("−", "-")


def parse_number(text: str) -> ParsedNumber | None:
    """Read one number written in Arabic, Chinese, mixed or English-scaled numerals.

    Returns None for text that is not a single number ("统一", "一半", "万一",
    "三四十", "10-20万").
    """
    try:
        return _parse_number(prepare(text))
    except (InvalidOperation, ValueError, ArithmeticError):
        return None


_PLAIN_RE = re.compile(r"(\d+(?:\.\d+)?)(兆|万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)?")


def _parse_number(text: str) -> ParsedNumber | None:
    if not text:
        return None
    plain = _PLAIN_RE.fullmatch(text)
    if plain:  # the common cases, read at once: 8.48, 2.22万亿
        value = Decimal(plain.group(1))
        step = _last_place(value)
        if plain.group(2):
            scale = SCALES[plain.group(2)]
            return ParsedNumber(value * scale, step * scale)
        return ParsedNumber(value, step)
    if "兆" in text:
        return _trillions(text)
    if text == "万亿":  # 市值破万亿: the one magnitude word read alone (千亿, 百亿 start with a numeral unit)
        return ParsedNumber(SCALES["万亿"], SCALES["万亿"])
    sign = 1
    if text[0] in "-+负正":
        if len(text) == 1:
            return None
        sign = -1 if text[0] in "-负" else 1
        text = text[1:]
        if text[0] in "-+负正":
            return None
    parsed = _unsigned(text)
    if parsed is None:
        return None
    return ParsedNumber(parsed.value * sign, parsed.step) if sign < 0 else parsed


def _trillions(text: str) -> ParsedNumber | None:
    """1兆2345亿 = 1.2345万亿: 兆 is 10^12 as Hong Kong, Taiwan and Japanese amounts use it
    (1兆2345億日元), the part after it fills the places below."""
    head, _, tail = text.partition("兆")
    high = _parse_number(head)
    if high is None or "兆" in tail or head[-1:] in ("万", "亿"):
        return None
    scale = SCALES["兆"]
    if not tail:
        return ParsedNumber(high.value * scale, high.step * scale)
    low = _parse_number(tail)
    if low is None or low.value < 0 or low.value >= scale or high.value != high.value.to_integral_value():
        return None
    sign = -1 if high.value < 0 else 1
    return ParsedNumber(high.value * scale + sign * low.value, low.step)


_ENGLISH_RE = re.compile(rf"({ARABIC})((?i:thousand|million|billion|trillion|mln|mn|bn|tn|k)|[MBwK])")
_SCIENTIFIC_RE = re.compile(r"(\d+(?:\.\d+)?)[eE]([-+]?\d{1,2})|(\d+(?:\.\d+)?)[×xX*]10\^?([-+]?\d{1,2})")


def english_scale(word: str) -> Decimal:
    """The multiplier of an English scale word or a scale letter (k, million, M, B, w)."""
    return SCALE_LETTERS.get(word) or ENGLISH_SCALES[word.lower()]
_FRACTION_RE = re.compile(r"(.+?)分之(.+)")


def _unsigned(text: str) -> ParsedNumber | None:
    if "分之" in text:
        return _fraction(text)
    english = _ENGLISH_RE.fullmatch(text)
    if english:
        base = _arabic(english.group(1))
        if base is None:
            return None
        scale = english_scale(english.group(2))
        return ParsedNumber(base.value * scale, base.step * scale)
    scientific = _SCIENTIFIC_RE.fullmatch(text)
    if scientific:  # 3.5e6, 1.2×10^8
        mantissa = _arabic(scientific.group(1) or scientific.group(3))
        if mantissa is None:
            return None
        power = Decimal(10) ** int(scientific.group(2) or scientific.group(4))
        return ParsedNumber(mantissa.value * power, mantissa.step * power)
    if "点" in text:
        return _chinese_decimal(text)
    return _mixed(text)


def _arabic(text: str) -> ParsedNumber | None:
    if not re.fullmatch(ARABIC, text):
        return None
    value = Decimal(text.replace(",", ""))
    return ParsedNumber(value, _last_place(value))


def _last_place(value: Decimal) -> Decimal:
    """The place of the last written digit, the step the number was read to: 8.48 → 0.01, 300 → 1."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # NaN or infinity: digit text never reads as one
        raise ValueError(f"{value} has no last digit")
    return Decimal(1).scaleb(exponent)


def _fraction(text: str) -> ParsedNumber | None:
    """三分之一 = 1/3, 百分之五 = 0.05, 千分之三 = 0.003."""
    match = _FRACTION_RE.fullmatch(text)
    if not match:
        return None
    denominator = _unsigned(match.group(1)) if match.group(1) not in ("百", "千", "万") else \
        ParsedNumber(SCALES[match.group(1)] if match.group(1) != "万" else Decimal(10000), Decimal(1))
    numerator = _unsigned(match.group(2))
    if denominator is None or numerator is None or denominator.value == 0:
        return None
    value = numerator.value / denominator.value
    if match.group(1) in ("百", "千", "万"):  # 百分之五: the step of 五, in hundredths
        return ParsedNumber(value, numerator.step / denominator.value)
    # 三分之一 is exact; its decimal is kept to three significant digits' precision
    return ParsedNumber(value, Decimal(1).scaleb(value.adjusted() - 2) if value else Decimal("0.001"))


_DECIMAL_TAIL_RE = compiled_on_use(r"([〇零一二两三四五六七八九]+)([十百千万亿]*)")


def _chinese_decimal(text: str) -> ParsedNumber | None:
    """八点四八 = 8.48, 一点五亿 = 1.5亿; 两点半 is a clock time, not a number."""
    integer_text, _, rest = text.partition("点")
    match = _DECIMAL_TAIL_RE.fullmatch(rest)
    if not integer_text or not match or any(ch.isdigit() for ch in integer_text):
        return None
    integer = _mixed(integer_text)
    if integer is None or integer.value != integer.value.to_integral_value():
        return None
    scale = _scale_word(match.group(2))
    if scale is None:
        return None
    fraction = "".join(str(CN_DIGIT[ch]) for ch in match.group(1))
    base = Decimal(f"{int(integer.value)}.{fraction}")
    return ParsedNumber(base * scale, Decimal(1).scaleb(-len(fraction)) * scale)


def _scale_word(text: str) -> Decimal | None:
    """万, 亿, 万亿, 千万 … as one multiplier; "" is 1."""
    if not text:
        return Decimal(1)
    if text in SCALES:
        return SCALES[text]
    value = Decimal(1)
    last = Decimal(10) ** 20
    for ch in reversed(text):  # read from the right: 千万亿 = 千 × 万 × 亿, each below the next
        unit = _UNIT[ch]
        if unit >= last:
            return None
        value *= unit
        last = unit
    return value


_UNIT = {"十": Decimal(10), "百": Decimal(100), "千": Decimal(1000),
         "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}
_TOKEN_RE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)|([〇零一二两三四五六七八九])|([十百千万亿])|(.)")


def _mixed(text: str) -> ParsedNumber | None:
    """Evaluate Arabic digits, Chinese digits and units mixed: 6亿3千万, 1万6千, 十三万二."""
    tokens = []
    for arabic, digit, unit, other in _TOKEN_RE.findall(text):
        if other:
            return None
        tokens.append((arabic, digit, unit))
    if not tokens:
        return None
    if all(digit for _, digit, _ in tokens):
        return _digit_string(text)
    if all(arabic for arabic, _, _ in tokens):
        return _arabic(text) if len(tokens) == 1 else None
    total = Decimal(0)    # the part at 亿 and above
    wan = Decimal(0)      # the 万 part of the current 亿 section
    section = Decimal(0)  # the part below 万
    number: Decimal | None = None  # the pending numeral
    number_step = step = Decimal(1)
    last_small = _UNIT["万"]  # units below 万 fall from left to right within a section
    last_unit: Decimal | None = None
    wan_done = False
    previous = ""  # "num", "zero" or "unit"
    for index, (arabic, digit, unit) in enumerate(tokens):
        if digit and CN_DIGIT[digit] == 0:
            if previous != "unit":
                return None
            previous = "zero"  # 一百零二: 零 fills the empty places
            continue
        if arabic or digit:
            if previous == "num":
                return None  # two numerals side by side: 三四十, 2五
            if arabic:
                parsed = _arabic(arabic)
                if parsed is None:
                    return None
                number, number_step = parsed.value, parsed.step
            else:
                number, number_step = Decimal(CN_DIGIT[digit]), Decimal(1)
            step = number_step
            previous = "num"
            continue
        multiplier = _UNIT[unit]
        if unit in "十百千":
            if multiplier >= last_small or (previous == "zero" and unit != "十" and number is None):
                return None
            if number is None:
                if index != 0 and previous != "zero":
                    return None  # 一万千: a unit with no numeral inside a number
                number, number_step = Decimal(1), Decimal(1)
            section += number * multiplier
            step = number_step * multiplier
            last_small = multiplier
        else:
            if index == 0 or previous == "zero":
                return None  # 万一, 亿万: a leading 万/亿 is a word, not a number
            if previous == "num" and last_unit is not None and last_unit in (_UNIT["百"], _UNIT["千"]) \
                    and number is not None and index >= 2 and tokens[index - 2][2]:
                # 百三万 = 130万, 三千五万 = 3500万: a lone digit after 百/千 stands one place lower
                if number >= 10 or number_step != 1:
                    return None
                number, number_step = number * last_unit / 10, number_step * last_unit / 10
            pending = section + (number if number is not None else 0)
            if number is not None:
                step = number_step
            if unit == "万":
                if wan_done or (previous == "unit" and last_unit is not None and last_unit >= _UNIT["万"]):
                    return None
                wan = pending * multiplier
                wan_done = True
            elif previous == "unit" and last_unit == _UNIT["万"]:
                total = (total + wan) * multiplier  # 万亿: 亿 scales the 万 part too
                wan, wan_done = Decimal(0), False
            elif previous == "unit" and last_unit == _UNIT["亿"]:
                return None
            else:
                total += (wan + pending) * multiplier
                wan, wan_done = Decimal(0), False
            step *= multiplier
            section = Decimal(0)
            last_small = _UNIT["万"]
        last_unit = multiplier
        number = None
        previous = "unit"
    value = total + wan + section
    if previous == "zero":
        return None
    if previous == "num" and number is not None:
        if last_unit is None:
            return ParsedNumber(number, number_step)
        if tokens[-2][1] == "零" or tokens[-2][1] == "〇":
            return ParsedNumber(value + number, number_step)
        if _fills_below_wan(tokens, last_unit, number, number_step):
            return ParsedNumber(value + number, number_step)  # 9万9000 = 99,000, 3万5,000 = 35,000
        # 十三万二 = 132,000: a single digit after a unit stands one place lower
        place = last_unit / 10
        if last_unit != 10 and (number >= 10 or number_step != 1):
            return None
        return ParsedNumber(value + number * place, number_step * place)
    return ParsedNumber(value, step)


def _fills_below_wan(tokens: list[tuple[str, str, str]], last_unit: Decimal, number: Decimal, step: Decimal) -> bool:
    """Whether Arabic digits after 万 fill the places below it, as newsrooms write 99,000 (9萬9000元,
    3萬5,000): two to four whole digits, so the number stays below the next 万. A lone digit is the
    place below (9万9 = 99,000); after 亿, digits are left unread (1亿2000 may be a typo of 1亿2000万)."""
    digits = tokens[-1][0].replace(",", "")
    return (last_unit == _UNIT["万"] and 2 <= len(digits) <= 4 and step == 1
            and Decimal(10) <= number < _UNIT["万"])


def _digit_string(text: str) -> ParsedNumber | None:
    """Chinese digits without units: 二〇二五 (a year), 三 (one digit).

    Two digits side by side without 〇/零 (三四, 两三) are a range, not 34 or 23.
    """
    if len(text) == 1:
        return ParsedNumber(Decimal(CN_DIGIT[text]), Decimal(1))
    if "两" in text or "兩" in text:
        return None
    if len(text) == 2 and not any(ch in "〇零" for ch in text):
        return None
    return ParsedNumber(Decimal("".join(str(CN_DIGIT[ch]) for ch in text)), Decimal(1))


# ----------------------------------------------------------------- intervals

_EXTREME_WORDS = frozenset(ZH.extreme_words)
_EXTREME_LEAD = tuple(sorted({*ZH.up_words, *ZH.down_words, *ZH.extreme_lead}, key=len, reverse=True))


def extreme_reached(word: str, text_before: str) -> bool:
    """Whether bound word `word` (最多, 最高) names the extreme a move reached rather than a cap:
    right after a verb of change or 一度/盘中 (百度曾升最多5.68%: its high, read as written)."""
    return word in _EXTREME_WORDS and text_before.rstrip().endswith(_EXTREME_LEAD)



def interval(value: Decimal, step: Decimal, approx: str) -> tuple[Decimal | None, Decimal | None]:
    """The interval a number stands for, given how it is qualified."""
    half = step / 2
    if approx == "near":
        return value - abs(value) * NEAR_SPAN, value
    if approx == "over":
        return value, None
    if approx == "under":
        return None, value
    if approx == "about":  # 约2.1亿 is 2.0亿–2.2亿 and 约1.947亿 1.946亿–1.948亿: 约3% alone reaches 10% (2.7–3.3)
        spread = min(abs(value) * ABOUT_SPAN, _last_nonzero_place(value, step))
        return value - spread, value + spread
    return value - half, value + half


def _last_nonzero_place(value: Decimal, step: Decimal) -> Decimal:
    """The place of the last non-zero digit of `value` written to `step`: 450 → 10, 2000 → 1000, 48.4 → 0.1
    (zeros ending a whole number say nothing of its precision: 约450亿 is written to the ten)."""
    if step <= 0 or not value:
        return abs(value)
    place = step
    while value % (place * 10) == 0 and place * 10 <= abs(value):
        place *= 10
    return place


_BEFORE_WORDS = sorted(APPROX_BEFORE, key=len, reverse=True)
_AFTER_WORDS = sorted(APPROX_AFTER, key=len, reverse=True)
_SEPARATOR_RE = re.compile(r"(?<=[\d〇零一二两三四五六七八九十百千万亿多余%])" + ZH.range_separator() + r"(?=[-+]?[\d〇零一二两三四五六七八九十百千])")
_CONSECUTIVE_RE = re.compile(r"(.*?)([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]*)")
_VAGUE_PREFIX_RE = re.compile(r"(几|幾|数|數)([十百千万亿]+)")
_PLACE_SUFFIX_RE = re.compile(r"(.+?)(多|余|餘|几|幾)([十百千万亿]*)")
_CONSECUTIVE_PAIRS = {("一", "二"), ("一", "两"), ("二", "三"), ("两", "三"), ("三", "四"), ("四", "五"),
                      ("五", "六"), ("六", "七"), ("七", "八"), ("八", "九"), ("三", "五")}


def parse_interval(text: str) -> NumberInterval | None:
    """Read a number, range or qualified number as the interval it stands for.

    近5 → [4.5, 5]; 超2 → [2, ∞); 约10 → [9, 11]; 3至5 → [3, 5]; 两到三万 →
    [20000, 30000]; 三四十 → [30, 40]; 50多亿 → [50亿, 60亿]; 数十亿 →
    [10亿, 100亿]; an exact 8.48 → [8.475, 8.485].
    """
    try:
        return _parse_interval(prepare(text))
    except (InvalidOperation, ValueError, ArithmeticError):
        return None


_LOWER_WORDS = "|".join(ZH.lower_bound_words)
_UPPER_WORDS = "|".join(ZH.upper_bound_words)
_BOTH_BOUNDS_RE = re.compile(
    rf"(?:(?P<lw>{_LOWER_WORDS})(?P<l1>[^，,、]+?)[，,、]?(?:且|并且|而)?(?P<uw>{_UPPER_WORDS})(?P<u1>.+)"
    rf"|(?P<uw2>{_UPPER_WORDS})(?P<u2>[^，,、]+?)[，,、]?(?:且|并且|而)?(?P<lw2>{_LOWER_WORDS})(?P<l2>.+)"
    r"|(?P<l3>[^，,、]+?)以上[，,、]?(?P<u3>.+?)以下"
    r"|(?:位于|介于|在)?(?P<l4>[^和与至到]+?)(?:和|与|至|到)(?P<u4>.+?)之间)")


def _both_bounds(text: str) -> NumberInterval | None:
    """大于10小于20, 1000以上，1500以下, 介于20和30之间: a number bounded on both sides, in words."""
    match = _BOTH_BOUNDS_RE.fullmatch(text)
    if not match:
        return None
    low_text = match.group("l1") or match.group("l2") or match.group("l3") or match.group("l4")
    high_text = match.group("u1") or match.group("u2") or match.group("u3") or match.group("u4")
    low, high = _parse_number(low_text), _parse_number(high_text)
    if low is None or high is None or low.value >= high.value:
        return None
    return _span(low.value, high.value, min(low.step, high.step))


def _parse_interval(text: str) -> NumberInterval | None:
    if len(text) > 3 and ("于" in text or "以" in text or "之间" in text or "多" in text or "少" in text):
        bounded = _both_bounds(text)
        if bounded is not None:
            return bounded
    before = after = ""
    for word in _BEFORE_WORDS:
        key = word.replace(" ", "")
        if text.startswith(key) and len(text) > len(key):
            before, text = APPROX_BEFORE[word], text[len(key):]
            break
    for word in _AFTER_WORDS:
        if word not in _PLACE_BOUNDED and text.endswith(word) and len(text) > len(word):
            after, text = APPROX_AFTER[word], text[: -len(word)]
            break
    core = core_interval(text)
    if core is None:
        return None
    return qualify(core, after or before)


def qualify(core: NumberInterval, approx: str) -> NumberInterval:
    """`core` under a qualifying word: 超过 a range keeps its low bound only, and so on."""
    if not approx:
        return core
    if core.is_range or core.approx:  # a range or a vague amount already has its bounds
        if approx == "over":
            return NumberInterval(core.low if core.low is not None else core.value, core.low, None,
                                  "over", core.step, core.is_range)
        if approx == "under":
            return NumberInterval(core.high if core.high is not None else core.value, None, core.high,
                                  "under", core.step, core.is_range)
        return core
    low, high = interval(core.value, core.step, approx)
    return NumberInterval(core.value, low, high, approx, core.step)


# 个位数 (single digits), 两位数 (double digits) …, with 低/中/高 for the low, middle or high part
_DIGIT_COUNTS = {"个": (0, 10), "单": (0, 10), "两": (10, 100), "双": (10, 100), "三": (100, 1000)}
_DIGIT_PARTS = {"低": (Decimal(0), Decimal("0.4")), "中": (Decimal("0.3"), Decimal("0.7")),
                "高": (Decimal("0.6"), Decimal(1))}
_DIGIT_COUNT_RE = re.compile(r"([高中低])?([个单两双三])位数")


def core_interval(text: str) -> NumberInterval | None:
    """A number, range or vague amount without qualifying words (already prepared)."""
    parsed = _parse_number(text)
    if parsed is not None:
        half = parsed.step / 2
        return NumberInterval(parsed.value, parsed.value - half, parsed.value + half, "", parsed.step)
    counted = _DIGIT_COUNT_RE.fullmatch(text)
    if counted:  # 高个位数 is 6 to 10, 两位数 10 to 100
        low, high = (Decimal(x) for x in _DIGIT_COUNTS[counted.group(2)])
        if counted.group(1):
            first, last = _DIGIT_PARTS[counted.group(1)]
            low, high = low + (high - low) * first, low + (high - low) * last
        return _span(low, high, Decimal(1))
    separator = _SEPARATOR_RE.search(text)
    if separator:
        return _range(text[: separator.start()], text[separator.end():])
    vague = _VAGUE_PREFIX_RE.fullmatch(text)
    if vague:  # 数十亿: tens of 亿, [10亿, 100亿]
        unit = _scale_word(vague.group(2))
        if unit is None:
            return None
        return NumberInterval(unit, unit, unit * 10, "over", unit)
    consecutive = _CONSECUTIVE_RE.fullmatch(text)
    if consecutive and (consecutive.group(2), consecutive.group(3)) in _CONSECUTIVE_PAIRS:
        prefix, first_digit, second_digit, suffix = consecutive.groups()
        if prefix and not re.fullmatch(r"[〇零一二两三四五六七八九十百千万亿]*[十百千万亿]", prefix):
            return None
        lower = _parse_number(prefix + first_digit + suffix) if prefix or suffix else _parse_number(first_digit)
        upper = _parse_number(prefix + second_digit + suffix) if prefix or suffix else _parse_number(second_digit)
        if lower is None or upper is None or lower.value >= upper.value:
            return None
        return _span(lower.value, upper.value, lower.step)
    bounded = _PLACE_SUFFIX_RE.fullmatch(text)
    if bounded:  # 50多亿 = [50亿, 60亿]; 十几 = [10, 20]; 12亿余 = [12亿, 13亿]
        base_text, _, scale_text = bounded.groups()
        split = _split_at_larger_unit(base_text, scale_text)
        if split is not None:  # 2亿1千多万 is 2亿 plus 1千多万, not 2亿1千 × 万
            head, tail = split
            return NumberInterval(head + tail.value, head + tail.low if tail.low is not None else None,
                                  head + tail.high if tail.high is not None else None, tail.approx, tail.step)
        units = base_text.endswith("零")  # 一百零几万: the 几 sits in the units place
        base = _parse_number(base_text[:-1] if units else base_text)
        scale = _scale_word(scale_text)
        if base is None or scale is None or base.value <= 0:
            return None
        place = (Decimal(10) if units else _place(base_text, base)) * scale
        value = base.value * scale
        return NumberInterval(value, value, value + place, "over", place)
    return None


def _split_at_larger_unit(base_text: str, scale_text: str) -> tuple[Decimal, NumberInterval] | None:
    """2亿1千多万 → (2亿, 1千多万): the part up to a 万/亿 larger than the scale after 多, and the rest."""
    scale = _scale_word(scale_text)
    if not scale_text or scale is None:
        return None
    cut = max((base_text.rfind(unit) for unit in ("亿", "万") if SCALES[unit] > scale), default=-1)
    if cut < 0:
        return None
    head = _parse_number(base_text[: cut + 1])
    tail = core_interval(base_text[cut + 1:] + "多" + scale_text)
    if head is None or tail is None or tail.low is None:
        return None
    return head.value, tail


def _place(text: str, parsed: ParsedNumber) -> Decimal:
    """The place of the last non-zero digit: 50 → 10, 3000 → 1000, 1.5 → 0.1, 二十 → 10."""
    step = parsed.step
    if step == 1 and re.fullmatch(r"[-+]?\d+", text):
        digits = text.lstrip("+-")
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros < len(digits):
            return Decimal(10) ** zeros
    return step


def _range(first: str, second: str) -> NumberInterval | None:
    """3至5, 10-20万 (万 applies to both), 两到三万, 八到九百亿 (= 800亿–900亿), 8500到3万."""
    for unit in ("%", "个百分点", "百分点"):
        if first.endswith(unit) and second.endswith(unit):
            first, second = first[: -len(unit)], second[: -len(unit)]
    high = core_interval(second)
    if high is None or high.is_range:
        return None
    low = core_interval(first)
    if low is None:
        return None
    first_parsed = _parse_number(first)
    trailing = re.search(r"[十百千万亿]+$", second)
    english = _ENGLISH_RE.fullmatch(second)
    if first_parsed is not None and not re.search(r"[万亿]|[A-Za-z]$", first) and (trailing or english):
        # the scale of the second number reaches back to the first
        if english:
            scale = english_scale(english.group(2))
        else:
            head = re.match(r"([一二两三四五六七八九]|\d+(?:\.\d+)?)([十百千]*[万亿]*)$", second)
            single = re.fullmatch(r"[一二两三四五六七八九]|\d(?:\.\d+)?", first)
            if head and single and re.fullmatch(r"[一二两三四五六七八九]|\d(?:\.\d+)?", head.group(1)):
                scale = _scale_word(head.group(2)) or Decimal(1)
            else:
                big = re.search(r"[万亿]+$", second)
                scale = (_scale_word(big.group(0)) if big else None) or Decimal(1)
        scaled = first_parsed.value * scale
        if scaled <= high.high if high.high is not None else True:  # 8500到3万 keeps 8500
            low = NumberInterval(scaled, scaled, scaled, "", first_parsed.step * scale)
    low_value = low.low if low.low is not None else low.value
    high_value = high.high if high.high is not None else high.value
    if low.approx == "" and not low.is_range:
        low_value = low.value
    if high.approx == "" and not high.is_range:
        high_value = high.value
    if low_value > high_value:
        low_value, high_value = high_value, low_value
    if low_value == high_value:
        return None
    return _span(low_value, high_value, min(low.step, high.step))


def _span(low: Decimal, high: Decimal, step: Decimal) -> NumberInterval:
    return NumberInterval((low + high) / 2, low, high, "about", step, True)

"""Property tests for the values the normalizers read (issue 12): the sign, both bounds of a
range and the scale must survive every way news writes them. A wrong value is worse than none,
so each property checks the value itself, not only that something came back."""

from __future__ import annotations

import re
from decimal import Decimal

import cn2an
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.quantities import find_quantities, parse_quantity

SCALES = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12, "千万": 10**7}
WHOLE = st.integers(min_value=1, max_value=99999)
SMALL = st.integers(min_value=1, max_value=999)


def chinese(number: int) -> str:
    return cn2an.an2cn(number)


@settings(deadline=None, max_examples=150)
@given(WHOLE, st.sampled_from(["-{a}%", "−{a}%", "负{a}%", "负百分之{c}", "百分之负{c}", "-{a}个百分点"]))
def test_a_negative_percentage_keeps_its_sign(number: int, form: str) -> None:
    text = form.format(a=number, c=chinese(number))
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.value == -number, text
    spans = find_quantities(f"同比{text}。")
    assert [span.quantity.value for span in spans] == [-number], text


@settings(deadline=None, max_examples=150)
@given(SMALL, SMALL, st.sampled_from(["", "万", "亿"]),
       st.sampled_from(["{a}{s}元至{b}{s}元", "{a}{s}(含)-{b}{s}元", "{a} {s}(含)-{b} {s}元", "{a}{s}-{b}{s}元",
                        "{a}%至{b}%", "{a}%-{b}%", "百分之{ca}到{cb}", "百分之{ca}至百分之{cb}", "{a}-{b}{s}元"]))
def test_a_range_keeps_both_bounds(a: int, b: int, scale: str, form: str) -> None:
    if a >= b or (("%" in form or "百分之" in form) and scale):
        return
    if form == "百分之{ca}到{cb}" and a < 10 and re.fullmatch(r"[一二三四五六七八九][十百]", chinese(b)):
        return  # 一到三百 is 100 to 300, as 八到九百亿 is 800亿 to 900亿: the second's scale reaches back
    text = form.format(a=a, b=b, s=scale, ca=chinese(a), cb=chinese(b))
    factor = 1 if "%" in form or "百分之" in form else SCALES[scale]
    quantity = parse_quantity(text)
    assert quantity is not None, text
    assert (quantity.low, quantity.high) == (a * factor, b * factor), text
    spans = find_quantities(f"预计{text}。")
    assert [(s.quantity.low, s.quantity.high) for s in spans] == [(a * factor, b * factor)], text


@settings(deadline=None, max_examples=150)
@given(WHOLE, st.sampled_from(list(SCALES)), st.sampled_from(["{n}{s}美元", "{c}{s}美元", "{n} {s}美元", "美元{n}{s}"]))
def test_the_scale_multiplies_the_whole_number(number: int, scale: str, form: str) -> None:
    if "{c}" in form and (scale == "千万" or (scale and number >= 10000)):
        return  # 十千万, 一万零一万: no way to write a number
    text = form.format(n=number, c=chinese(number), s=scale)
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.value == number * SCALES[scale] and quantity.unit == "USD", text


@settings(deadline=None, max_examples=100)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9), st.sampled_from(["百", "千"]),
       st.sampled_from(["万", "亿"]))
def test_a_lone_digit_after_hundreds_stands_one_place_lower(first: int, second: int, small: str, big: str) -> None:
    # 百三万 = 130万, 三千五亿 = 3500亿 (not 103万, 3005亿)
    text = f"{chinese(first)}{small}{chinese(second)}{big}元"
    place = 100 if small == "百" else 1000
    expected = (first * place + second * place // 10) * SCALES[big]
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.value == expected, text


@settings(deadline=None, max_examples=100)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999.99"), places=2),
       st.sampled_from(["{n}%", "{n} %", "百分之{n}", "百 分之 {n}"]))
def test_a_percentage_stays_a_percentage_whatever_the_spacing(number: Decimal, form: str) -> None:
    text = form.format(n=number)
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.unit == "%" and quantity.value == number, text


@settings(deadline=None, max_examples=150)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999),
       st.sampled_from(["{a}兆{b}亿日元", "{a}兆{b}億日圓", "{ca}兆{cb}亿日元", "{a}兆日元"]))
def test_zhao_is_a_trillion_and_the_rest_fills_the_places_below(a: int, b: int, form: str) -> None:
    """1兆2345億日元 is 1.2345万亿 JPY, never the 2345亿 alone (issue 11)."""
    text = form.format(a=a, b=b, ca=chinese(a), cb=chinese(b))
    want = a * 10**12 + (b * 10**8 if "{b}" in form or "{cb}" in form else 0)
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.value == want and quantity.unit == "JPY", text
    assert [span.quantity.value for span in find_quantities(f"投资{text}。")] == [want], text


# --- a new user's report (2025-02 news) -------------------------------------------------------

@settings(deadline=None, max_examples=150)
@given(st.integers(min_value=1000, max_value=999_999_999), st.sampled_from(["{n}人", "{n}万元", "营收{n}元，"]))
def test_a_full_width_comma_groups_thousands(number: int, form: str) -> None:
    """46，500 is 46500 wherever it stands: read alone, and found in a sentence with a unit."""
    from factcheck.kinds.amounts import amounts
    from factcheck.normalize.numbers import parse_number

    grouped = f"{number:,}".replace(",", "，")
    parsed = parse_number(grouped)
    assert parsed is not None and parsed.value == number, grouped
    text = form.format(n=grouped)
    if "元" in form:
        scale = 10**4 if "万" in form else 1
        assert [span.quantity.value for span in find_quantities(text)] == [number * scale], text
    else:
        assert [a.number.value for a in amounts(text, ("人",), 0, len(text))] == [number], text


@settings(deadline=None, max_examples=150)
@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99_999))
def test_a_list_comma_never_merges_two_numbers(first: int, second: int) -> None:
    """增长12，3家: the second number is not three digits, so the comma is a clause comma."""
    from factcheck.kinds.amounts import amounts
    from factcheck.normalize.numbers import parse_number

    if len(str(second)) == 3:
        return  # 12，345 groups thousands by the rule (docs/normalize.md)
    text = f"{first}，{second}家"
    assert parse_number(f"{first}，{second}") is None
    assert [a.number.value for a in amounts(text, ("家",), 0, len(text))] == [second], text


@settings(deadline=None, max_examples=100)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from(["至多", "最多", "最高", "上限为", "不超过"]))
def test_an_upper_bound_agrees_with_its_number_and_with_less_never_with_more(bound: int, other: int, word: str) -> None:
    """至多20% and 20% agree, 至多20% and 30% do not; 多达 keeps the number as written."""
    capped = parse_quantity(f"{word}{bound}%")
    stated = parse_quantity(f"{other}%")
    assert capped is not None and stated is not None and capped.approx == "under"
    assert capped.agrees(stated) == (other <= bound), (word, bound, other)
    as_many = parse_quantity(f"多达{bound}%")
    assert as_many is not None and as_many.agrees(stated) == (other == bound)


@settings(deadline=None, max_examples=100)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9), st.booleans())
def test_cheng_with_a_following_digit_is_tenths_and_hundredths(tenths: int, digit: int, arabic: bool) -> None:
    """两成七 = 27%, 2成7 = 27%: the digit after 成 is the next place, never dropped."""
    text = f"{tenths}成{digit}" if arabic else f"{chinese(tenths)}成{chinese(digit)}"
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.value == tenths * 10 + digit, text
    assert [span.quantity.value for span in find_quantities(f"占比{text}。")] == [tenths * 10 + digit], text


@settings(deadline=None, max_examples=100)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=9), st.booleans(),
       st.sampled_from([("亿", "千万", 10**8, 10**7), ("億", "千萬", 10**8, 10**7), ("万", "千", 10**4, 10**3),
                        ("亿", "百万", 10**8, 10**6)]),
       st.sampled_from(["股", "人"]))
def test_a_mixed_multi_unit_numeral_is_read_whole_in_counts(high: int, digit: int, arabic: bool,
                                                            units: tuple[str, str, int, int], unit: str) -> None:
    """2亿1千万股 is 2.1亿, 1万2千人 is 12000, 3億5千萬股 3.5亿: every part joined by its unit."""
    from factcheck.kinds.amounts import amounts
    from factcheck.kinds.matching import matching_text

    big, small, big_scale, small_scale = units
    text = matching_text(f"{high}{big}{digit if arabic else chinese(digit)}{small}{unit}")  # as rules read it
    found = [a.number.value for a in amounts(text, (unit,), 0, len(text))]
    assert found == [high * big_scale + digit * small_scale], text

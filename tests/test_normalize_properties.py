"""Property tests for the values the normalizers read (issue 12): the sign, both bounds of a
range and the scale must survive every way news writes them. A wrong value is worse than none,
so each property checks the value itself, not only that something came back."""

from __future__ import annotations

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
    if a >= b or ("%" in form or "百分之" in form) and scale:
        return
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
    if "{c}" in form and (scale == "千万" or scale and number >= 10000):
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

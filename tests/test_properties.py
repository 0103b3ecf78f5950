"""Property tests: on any text the normalizers and loaders return a value or a clean "no"."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.load import InputError, parse_article
from factcheck.normalize.dates import DATE_RE, date_matches, find_dates, parse_date
from factcheck.normalize.numbers import parse_interval, parse_number
from factcheck.normalize.quantities import find_quantities, parse_quantity
from factcheck.rules import RuleError, read_yaml, validate

NEWSY = st.text(alphabet=st.sampled_from(list("0123456789.,%亿万千百十一二两三四五六七八九零〇点近约超逾多余左右年月日号周上下本去今明前天凌晨底初旬港美元股涨跌-/ 　\n")),
                max_size=40)
ANY_TEXT = st.one_of(NEWSY, st.text(max_size=60))


@settings(deadline=None)
@given(ANY_TEXT)
def test_parse_number_returns_a_number_or_none(text: str) -> None:
    result = parse_number(text)
    assert result is None or (isinstance(result.value, Decimal) and result.step > 0)


@settings(deadline=None)
@given(ANY_TEXT)
def test_quantities_are_intervals_around_their_value(text: str) -> None:
    for span in find_quantities(text):
        q = span.quantity
        assert 0 <= span.start < span.end <= len(text)
        assert q.low is None or q.low <= q.value
        assert q.high is None or q.value <= q.high
    parse_quantity(text)


@settings(deadline=None)
@given(ANY_TEXT, st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_dates_are_ordered_intervals(text: str, anchor: date) -> None:
    for span in find_dates(text, anchor):
        assert span.value.start <= span.value.end
        assert text[span.start:span.end] == span.value.raw
    parse_date(text, anchor)
    find_dates(text, None)


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_an2cn_round_trips_through_parse_number(number: int) -> None:
    import cn2an

    text = cn2an.an2cn(number)
    try:
        assume(cn2an.cn2an(text, "normal") == number)  # an2cn writes 100001000 as 一亿一千, which it cannot read back
    except (ValueError, KeyError):  # cn2an failing on its own output is cn2an's bug, not ours
        assume(False)
    assert parse_number(text).value == number
    assert parse_number(str(number)).value == number


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_chinese_decimals_round_trip(whole: int, fraction: int) -> None:
    import cn2an

    text = cn2an.an2cn(f"{whole}.{fraction:02d}".rstrip("0"))
    assert parse_number(text).value == Decimal(f"{whole}.{fraction:02d}").normalize()


@settings(deadline=None)
@given(st.text(max_size=200))
def test_any_article_text_parses_or_fails_with_a_diagnostic(text: str) -> None:
    try:
        article = parse_article(text, "a.md")
    except InputError as error:
        assert error.diagnostic.path == "a.md" and error.diagnostic.message
        return
    assert all(segment.first_line >= 1 for segment in article.segments)


@settings(deadline=None)
@given(st.text(max_size=200))
def test_any_yaml_rule_text_loads_or_fails_with_a_rule_error(text: str) -> None:
    try:
        document, lines = read_yaml(text, "r.yaml")
        validate(document, lines, "r.yaml")
    except RuleError as error:
        assert error.diagnostic.path == "r.yaml"
        return
    assert isinstance(document, dict)


# ----------------------------------------------------- normalizer properties

RANGY = st.text(alphabet=st.sampled_from(list("0123456789.%-~至到多余几数成元亿万千百十一二两三四五六七八九零点约近超逾"
                                              "年月日号季度QH财第前后上下本旬初中底末晚凌晨周去今明 ")),
                max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.one_of(RANGY, ANY_TEXT))
def test_parse_interval_is_ordered_or_none(text: str) -> None:
    result = parse_interval(text)
    if result is not None:
        assert result.low is None or result.high is None or result.low <= result.high
        assert result.step > 0


@settings(max_examples=300, deadline=None)
@given(st.one_of(RANGY, ANY_TEXT))
def test_quick_date_scan_finds_what_a_full_scan_finds(text: str) -> None:
    full = [(m.start(), m.end()) for m in DATE_RE.finditer(text)]
    assert [(m.start(), m.end()) for m in date_matches(text)] == full


@settings(max_examples=300, deadline=None)
@given(st.one_of(RANGY, ANY_TEXT), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_ranges_and_quantities_keep_their_bounds(text: str, anchor: date) -> None:
    for span in find_quantities(text):
        q = span.quantity
        assert q.low is None or q.high is None or q.low <= q.high
        assert span.end - span.start == len(q.raw)
    for span in find_dates(text, anchor):
        assert span.value.start <= span.value.end

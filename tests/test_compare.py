"""Comparison: grouping by context, interval agreement, omissions, stable ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import findings_of_case

from factcheck.compare import compare
from factcheck.kinds.date import DateRule
from factcheck.kinds.number import NumberRule
from factcheck.kinds.set import SetRule
from factcheck.kinds.status import StatusRule
from factcheck.load import parse_article
from factcheck.normalize.quantities import parse_quantity
from factcheck.records import Claim, ContextSpec, ContextValue, DaySpec, Pair, RuleBase
from factcheck.rules import load_rules
from factcheck.values import DateValue, EntitySet, StatusValue

MOVE = NumberRule(id="move", path="move.yaml", kind="number", description="d", level="error", subjects=("acme",),
            value="percent", context=(ContextSpec("market", (("HK", ("港股",)), ("US", ("美股",)))),
                                      ContextSpec("session", (("close", ("收盘",)),))),
            day=DaySpec())


def claim(value: str, article: str, line: int = 1, rule: RuleBase = MOVE, **context: str) -> Claim:
    parsed = parse_quantity(value) if rule.kind == "number" else None
    return Claim(rule_id=rule.id, subject="acme", value=parsed or value,  # type: ignore[arg-type]
                 context=tuple(ContextValue(k, v, k) for k, v in context.items()),
                 article=article, outlet=article.upper(), line=line, sentence=value, span=(0, len(value)))


def run(*claims: Claim, rule: RuleBase = MOVE):
    return compare(list(claims), {rule.id: rule})


def test_overlapping_values_in_one_context_agree() -> None:
    [finding] = run(claim("近5%", "a", market="US", session="close", day="2025-02-12"),
                    claim("4.8%", "b", market="US", session="close", day="2025-02-12"))
    assert (finding.kind, finding.level) == ("agreement", "info")
    assert finding.context == (("market", "US"), ("session", "close"), ("day", "2025-02-12"))


def test_values_that_cannot_both_be_true_disagree_at_the_rule_level() -> None:
    [finding] = run(claim("8.48%", "a", market="HK", session="close", day="2025-02-12"),
                    claim("5%", "b", market="HK", session="close", day="2025-02-12"))
    assert (finding.kind, finding.level) == ("disagreement", "error")
    assert finding.details == (Pair("8.48%", "A", "a:1", "5%", "B", "b:1"),)  # a record, not a line read back
    assert finding.lines == ("8.48% (A, a:1) vs 5% (B, b:1)",)


def test_rounded_value_agrees_with_the_precise_one() -> None:
    [finding] = run(claim("8.5%", "a", market="HK", session="close", day="d"),
                    claim("8.48%", "b", market="HK", session="close", day="d"))
    assert finding.kind == "agreement"


def test_tolerance_widens_both_sides() -> None:
    claims = (claim("2.55%", "a", market="HK", session="close", day="d"),
              claim("2.7%", "b", market="HK", session="close", day="d"))
    assert run(*claims)[0].kind == "disagreement"  # 2.7 means [2.65, 2.75]; 2.55 means [2.545, 2.555]
    loose = replace(MOVE, tolerance=Decimal("0.1"))
    assert run(*(replace(c, rule_id="move") for c in claims), rule=loose)[0].kind == "agreement"


def test_claim_with_unknown_session_joins_the_only_group_it_fits_and_is_lowered_to_warning() -> None:
    [finding] = run(claim("8.48%", "a", market="HK", day="2025-02-12"),
                    claim("5%", "b", market="HK", session="close", day="2025-02-12"))
    assert (finding.kind, finding.level) == ("disagreement", "warning")


def test_different_contexts_are_explained_not_flagged() -> None:
    [finding] = run(claim("8.48%", "a", market="HK", session="close", day="2025-02-12"),
                    claim("近5%", "b", market="US", session="close", day="2025-02-12"))
    assert (finding.kind, finding.level) == ("context-differs", "info")
    assert str(finding.message) == "values differ, but they are about different market"


def test_one_article_alone_is_never_a_finding() -> None:
    assert run(claim("8.48%", "a", market="HK", session="close", day="d"),
               claim("2.55%", "a", market="HK", session="close", day="d"),
               claim("1%", "a", market="US", session="close", day="d")) == []


def test_finding_id_ignores_lines_but_not_values() -> None:
    base = [claim("8.48%", "a", market="HK", session="close", day="d"),
            claim("5%", "b", market="HK", session="close", day="d")]
    moved = [replace(base[0], line=40), replace(base[1], line=99)]
    changed = [base[0], claim("6%", "b", market="HK", session="close", day="d")]
    assert run(*base)[0].id == run(*moved)[0].id
    assert run(*base)[0].id != run(*changed)[0].id
    assert run(*base)[0].id.startswith("FC") and len(run(*base)[0].id) == 12


DATE_RULE = DateRule(id="launch", path="l.yaml", kind="date", description="d", level="error", subjects=("acme",))


def date_claim(start: date, end: date, article: str) -> Claim:
    value = DateValue(start, end, "day" if start == end else "part-of-month", "raw")
    return Claim("launch", "acme", value, (), article, article, 1, "s", (0, 1))


LESS_PRECISE = yaml.safe_load((Path(__file__).parent / "fixtures" / "less_precise_dates.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", LESS_PRECISE, ids=[str(i) for i in range(len(LESS_PRECISE))])
def test_a_vague_date_is_less_precise_never_a_rounded_figure(case: dict[str, Any]) -> None:
    claims = []
    for row in case["claims"]:
        article, line = row["source"].split(" ")[-1].split(":")
        first, last = date.fromisoformat(row["first"]), date.fromisoformat(row["last"])
        value = DateValue(first, last, "day" if first == last else "range", row["raw"], edge=row.get("edge", ""))
        claims.append(Claim("launch", "acme", value, (), article, row["source"].split(" ")[0], int(line),
                            row["quote"], (0, 1)))
    [finding] = run(*claims, rule=DATE_RULE)
    kind, level, words = case["finding"]
    assert (finding.kind, finding.level) == (kind, level), case["about"]
    assert words in str(finding.message) and "rounded" not in str(finding.message) and "figure" not in str(finding.message)


def test_month_end_agrees_with_both_days_which_disagree_with_each_other() -> None:
    [finding] = run(date_claim(date(2025, 1, 28), date(2025, 1, 28), "a"),
                    date_claim(date(2025, 1, 29), date(2025, 1, 29), "b"),
                    date_claim(date(2025, 1, 21), date(2025, 1, 31), "c"), rule=DATE_RULE)
    assert finding.kind == "disagreement"
    assert finding.lines[0].startswith("2025-01-28 (a, a:1) vs 2025-01-29 (b, b:1)")
    assert finding.lines[1].endswith("is compatible with every other value")
    assert len(finding.lines) == 2


SET_RULE = SetRule(id="evaluated", path="e.yaml", kind="set", description="d", level="warning", omission_level="warning")


def set_claim(members: tuple[str, ...], article: str) -> Claim:
    return Claim("evaluated", "", EntitySet(members, "raw"), (), article, article.upper(), 1, "s", (0, 1))


def test_leaving_a_name_out_is_an_omission_naming_who_said_what() -> None:
    [finding] = run(set_claim(("alibaba", "deepseek"), "a"), set_claim(("alibaba", "deepseek"), "b"),
                    set_claim(("alibaba",), "c"), rule=SET_RULE)
    assert (finding.kind, finding.level) == ("omission", "info")  # c's list is part of a's: partial_level
    assert finding.lines == ("deepseek: named by A (a), B (b); not named by C (c)",)


def test_lists_that_cross_are_an_omission_at_omission_level_when_one_is_the_whole_list() -> None:
    """Two sources giving the very same list make it the whole list; a list crossing it is at odds."""
    [finding] = run(set_claim(("alibaba", "deepseek"), "a"), set_claim(("alibaba", "deepseek"), "c"),
                    set_claim(("alibaba", "tencent"), "b"), rule=SET_RULE)
    assert (finding.kind, finding.level) == ("omission", "warning")
    assert len(finding.lines) == 2
    [alone] = run(set_claim(("alibaba", "deepseek"), "a"), set_claim(("alibaba", "tencent"), "b"), rule=SET_RULE)
    assert (alone.kind, alone.level) == ("omission", "info")  # each names whom it covers


def test_a_rule_may_raise_a_shorter_list_to_warning() -> None:
    rule = replace(SET_RULE, partial_level="warning")
    [finding] = run(set_claim(("alibaba", "deepseek", "tencent"), "a"), set_claim(("alibaba", "deepseek"), "c"), rule=rule)
    assert (finding.kind, finding.level) == ("omission", "warning")


def test_one_member_named_alone_is_no_shorter_list() -> None:
    """A source naming one member (the U.S. declined to sign) tells its part: partial_level does not raise it."""
    rule = replace(SET_RULE, partial_level="warning")
    [finding] = run(set_claim(("alibaba", "deepseek"), "a"), set_claim(("alibaba",), "c"), rule=rule)
    assert (finding.kind, finding.level) == ("omission", "info")
    assert str(finding.details[-1]).endswith("names one member only, never saying it is the only one: no list that leaves "
                                             "the others out")
    [crossing] = run(set_claim(("alibaba", "deepseek"), "a"), set_claim(("alibaba", "deepseek"), "b"),
                     set_claim(("tencent",), "c"), rule=rule)  # a whole list (two give it alike) crossed: as before
    assert (crossing.kind, crossing.level) == ("omission", "warning")


def test_same_sets_agree() -> None:
    [finding] = run(set_claim(("deepseek",), "a"), set_claim(("deepseek",), "b"), rule=SET_RULE)
    assert finding.kind == "agreement"


STATUS_RULE = StatusRule(id="deal", path="d.yaml", kind="status", description="d", level="error", subjects=("acme",),
                   states=(("cancelled", "取消"), ("troubled", "障碍")))


def test_different_status_labels_disagree() -> None:
    claims = [Claim("deal", "acme", StatusValue(label, label), (), a, a, 1, "s", (0, 1))
              for label, a in (("troubled", "a"), ("troubled", "b"), ("cancelled", "c"))]
    [finding] = run(*claims, rule=STATUS_RULE)
    assert finding.kind == "disagreement"
    assert len(finding.lines) == 2  # a vs c, b vs c; a and b agree


def test_states_a_rule_declares_compatible_agree_and_others_still_disagree() -> None:
    rule = replace(STATUS_RULE, states=(("rumoured", "传"), ("adopted", "采用"), ("denied", "否认")),
                   compatible=(frozenset({"rumoured", "adopted"}),))
    def status(label: str, article: str) -> Claim:
        return Claim("deal", "acme", StatusValue(label, label), (), article, article, 1, "s", (0, 1))
    [both] = run(status("rumoured", "a"), status("adopted", "b"), rule=rule)
    assert both.kind == "agreement"
    assert str(both.message) == "2 sources agree: rumoured + adopted (compatible)"  # both true, not "about equal" (≈)
    [clash] = run(status("rumoured", "a"), status("denied", "b"), rule=rule)
    assert clash.kind == "disagreement"


def test_a_source_naming_two_exclusive_states_is_compared_not_set_aside() -> None:
    """bulk/20250213A03BG7.zh-CN.md: its title says 市值破百亿 (line 2), its body 破万亿 (line 80);
    hkej's 市值升穿萬億元 (0e573fc38fd5621aacccda99b6a9d487.zh-HK.md:28). States exclude each other,
    so the title's is no "other figure the rule reads alike": the source contradicts itself."""
    rule = replace(STATUS_RULE, states=(("trillion", "破万亿"), ("ten-billion", "破百亿")))
    def status(label: str, article: str, line: int) -> Claim:
        return Claim("deal", "acme", StatusValue(label, label), (), article, article, line, "s", (0, 1))
    [finding] = run(status("trillion", "hkej", 28), status("ten-billion", "nbd", 2), status("trillion", "nbd", 80),
                    rule=rule)
    assert (finding.kind, str(finding.message)) == ("disagreement", "sources disagree: trillion vs ten-billion")


def test_a_claim_only_its_own_article_contradicts_says_so() -> None:
    """NOTES_C round 20, 2: `bankruptcy (华夏时报, …:34) is compatible with every other value` on a status rule with
    no `compatible:` key puzzled the user: the claim clashes only with its own article's other state. The line
    says so (the same three claims as above: nbd's 破万亿 at line 80 beside its own title's 破百亿)."""
    rule = replace(STATUS_RULE, states=(("trillion", "破万亿"), ("ten-billion", "破百亿")))
    def status(label: str, article: str, line: int) -> Claim:
        return Claim("deal", "acme", StatusValue(label, label), (), article, article, line, "s", (0, 1))
    [finding] = run(status("trillion", "hkej", 28), status("ten-billion", "nbd", 2), status("trillion", "nbd", 80),
                    rule=rule)
    assert finding.lines[-1] == ("trillion (nbd, nbd:80) is compatible with every other source's value; "
                                   "only its own article also gives ten-billion")


def test_a_state_as_of_writing_never_absorbs_one_that_states_no_day() -> None:
    """bulk/f6141412e710f16ae6712559e95a787c.zh-CN.md:32 (截至目前，……均未……回应, 7 Feb 20:05) and
    bulk/2663538.zh-CN.md:28 (颜乔……是假消息, 10 Feb, no day stated): the first is the state of its
    publish minute; the denial, days later, is another reading shown beside it (docs/rules.md, status)."""
    rule = replace(STATUS_RULE, states=(("denied", "假消息"), ("no-response", "均未回应")), day=DaySpec(fallback="none"))
    snapshot = Claim("deal", "acme", StatusValue("no-response", "均未回应"),
                     (ContextValue("day", "2025-02-07 as of 20:05", "published 20:05; 截至目前", True),),
                     "iyiou", "iyiou", 32, "s", (0, 1))
    denial = Claim("deal", "acme", StatusValue("denied", "假消息"), (), "zhitong", "zhitong", 28, "s", (0, 1))
    [finding] = run(snapshot, denial, rule=rule)
    assert (finding.kind, finding.level) == ("context-differs", "info")
    dated = replace(snapshot, context=(ContextValue("day", "2025-02-07", "2月7日"),))  # a stated day still takes it in
    [finding] = run(dated, denial, rule=rule)
    assert (finding.kind, finding.level) == ("disagreement", "warning")


def test_findings_are_sorted_most_severe_first() -> None:
    findings = run(claim("8.48%", "a", market="HK", session="close", day="d"),
                   claim("5%", "b", market="HK", session="close", day="d"),
                   claim("1%", "a", market="US", session="close", day="d"),
                   claim("1%", "b", market="US", session="close", day="d"))
    assert [f.kind for f in findings] == ["disagreement", "agreement", "context-differs"]


PRICE = NumberRule(id="move", path="m.yaml", kind="number", description="d", level="error", subjects=("acme",), value="money")


def test_amounts_in_different_currencies_are_never_compared() -> None:
    assert run(claim("50亿美元", "a", rule=PRICE), claim("364亿元", "b", rule=PRICE), rule=PRICE) == []
    [finding] = run(claim("50亿美元", "a", rule=PRICE), claim("48亿美元", "b", rule=PRICE), rule=PRICE)
    assert finding.kind == "disagreement" and str(finding.message) == "sources disagree: 50亿 USD vs 48亿 USD"


def test_values_one_unit_apart_in_the_last_digit_are_rounded_two_units_apart_disagree() -> None:
    [finding] = run(claim("39.32%", "a"), claim("39.33%", "b"))  # 39.325% truncated and rounded
    assert (finding.kind, finding.level) == ("rounded", "info")  # four significant digits: neither is finer
    [finding] = run(claim("9.32%", "a"), claim("9.33%", "b"))
    assert (finding.kind, finding.level) == ("rounded", "warning")
    [finding] = run(claim("39.31%", "a"), claim("39.33%", "b"))
    assert (finding.kind, finding.level) == ("disagreement", "error")


def test_values_display_as_an_editor_writes_them() -> None:
    from factcheck.normalize.quantities import negate, parse_quantity

    shown = {text: (parse_quantity(text).display(), negate(parse_quantity(text)).display())
             for text in ("3%-5%", "50多亿美元", "近5%", "超2%", "不到1%", "2.22万亿港元")}
    assert shown == {"3%-5%": ("3–5%", "-5–-3%"), "50多亿美元": (">50亿 USD", "<-50亿 USD"),
                     "近5%": ("≈<5%", "≈>-5%"), "超2%": (">2%", "<-2%"), "不到1%": ("<1%", ">-1%"),
                     "2.22万亿港元": ("2.22万亿 HKD", "-2.22万亿 HKD")}


def test_a_range_with_a_unit_on_each_bound_displays_as_a_range() -> None:
    """The parser knows 1亿元-2亿元 is a range (bulk/162478.zh-CN.md:205, 公司拟以1亿元-2亿元资金回购股份);
    the value carries that, where a guess from the raw text once showed ≈1.5亿 CNY."""
    quantity = parse_quantity("1亿元-2亿元")
    assert quantity.is_range and quantity.display() == "1亿–2亿 CNY"
    assert not parse_quantity("约1.5亿元").is_range


# issue 10, item 3: `美元指数上涨0.35%` states no window; two other articles give intraday figures
DOLLAR = NumberRule(id="dxy", path="dxy.yaml", kind="number", description="d", level="error", value="percent",
                    context=(ContextSpec("window", (("intraday", ("盘中",)), ("close", ("收盘",)))),))
DOLLAR_WITH_MEASURE = replace(DOLLAR, context=(*DOLLAR.context, ContextSpec("measure", (("high", ("高点",)),))))


def test_an_unstated_qualifier_never_changes_the_grouping() -> None:
    claims = [claim("0.35%", "a", rule=DOLLAR), claim("0.3%", "b", rule=DOLLAR, window="intraday"),
              claim("0.42%", "c", rule=DOLLAR, window="intraday")]
    claims = [replace(c, rule_id="dxy") for c in claims]
    for rule in (DOLLAR, DOLLAR_WITH_MEASURE):
        [finding] = compare(claims, {"dxy": rule})
        assert (finding.kind, finding.level, finding.context) == ("disagreement", "warning", (("window", "intraday"),))
        assert len(finding.claims) == 3


def test_a_group_whose_context_stays_partly_unknown_is_lowered_to_warning() -> None:
    # the session is unknown in both and fits two groups: the clash cannot be certain
    unknown = [f for f in run(claim("8.48%", "a", market="HK", day="d"), claim("5%", "b", market="HK", day="d"),
                              claim("1%", "c", market="HK", session="close", day="d"),
                              claim("2%", "c", market="HK", session="open", day="d"))
               if f.kind == "disagreement"]
    assert [(f.level, f.context) for f in unknown] == [("warning", (("market", "HK"), ("day", "d")))]


ROUNDING = yaml.safe_load((Path(__file__).parent / "fixtures" / "rounding.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", ROUNDING, ids=[f"{r['a']}~{r['b']}" for r in ROUNDING])
def test_one_figure_at_two_precisions_is_rounded_not_a_disagreement(row: dict[str, Any]) -> None:
    rule = PRICE if "%" not in row["a"] else MOVE
    rule = replace(rule, context=(), day=None)
    [finding] = run(claim(row["a"], "a", rule=rule), claim(row["b"], "b", rule=rule), rule=rule)
    assert finding.kind == row["kind"]
    default = {"rounded": "warning", "agreement": "info", "disagreement": "error"}[row["kind"]]
    assert finding.level == row.get("level", default)


def test_the_rounded_level_is_the_rules_and_a_relative_tolerance_makes_close_values_agree() -> None:
    quiet = replace(MOVE, context=(), day=None, rounded_level="info")
    [finding] = run(claim("5.15%", "a", rule=quiet), claim("5.14%", "b", rule=quiet), rule=quiet)
    assert (finding.kind, finding.level) == ("rounded", "info")
    live = replace(PRICE, context=(), day=None, relative_tolerance=Decimal("0.005"))
    [finding] = run(claim("160.30亿元", "a", rule=live), claim("160.32亿元", "b", rule=live), rule=live)
    assert finding.kind == "agreement" and "160.30亿 CNY" in str(finding.message)  # shown as written
    [finding] = run(claim("150.38亿元", "a", rule=live), claim("153.38亿元", "b", rule=live), rule=live)
    assert finding.kind == "disagreement"


def test_claims_missing_a_required_qualifier_are_listed_not_compared() -> None:
    strict = replace(MOVE, require=("session",))
    findings = run(claim("8.48%", "a", rule=strict, market="HK", day="d"),
                   claim("5%", "b", rule=strict, market="HK", session="close", day="d"),
                   claim("5.01%", "c", rule=strict, market="HK", session="close", day="d"), rule=strict)
    assert [(f.kind, f.level, [c.value.display() for c in f.claims]) for f in findings] == [
        ("agreement", "info", ["5%", "5.01%"]), ("incomplete", "info", ["8.48%"])]
    # every claim lacks the same qualifier: the message says it once, no line a claim (round 20, NOTES_B:
    # each listed claim was shown twice, with its quote and again in a line of its own)
    assert str(findings[1].message) == "1 claim(s) not compared: they do not state session" and findings[1].lines == ()
    two = replace(MOVE, require=("session", "market"))
    [*_, listed] = run(claim("8.48%", "a", rule=two, market="HK", day="d"), claim("5%", "b", rule=two, day="d"),
                       rule=two)
    assert listed.lines == ("8.48% (A, a:1) does not state session", "5% (B, b:1) does not state session, market")


@pytest.mark.parametrize("extra", ["", "  measure: {high: [高点], low: [低点]}\n"])
def test_three_articles_on_the_dollar_index_give_one_warning_group(tmp_path: Path, extra: str) -> None:
    """Issue 10 item 3, end to end: declaring a qualifier no sentence states changes nothing."""
    from factcheck.pipeline import check

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "dollar-index.yaml").write_text(
        "kind: number\ndescription: the dollar index's move\nvalue: percent\ncue: [上涨, 涨]\n"
        "context:\n  window: {intraday: [盘中], close: [收盘]}\n" + extra, encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in (("a.md", "美元指数上涨0.35%。"), ("b.md", "美元指数盘中上涨0.3%。"), ("c.md", "盘中，美元指数涨0.42%。")):
        (articles / name).write_text(f"---\ndate: 2025-02-10 09:00:00\n---\n\n{text}\n", encoding="utf-8")
    findings = check([str(articles)], load_rules([str(tmp_path / "rules")])).findings
    assert [(f.kind, f.level, f.context, len(f.claims)) for f in findings] == [
        ("disagreement", "warning", (("window", "intraday"),), 3)]


ALSO_STATED = yaml.safe_load((Path(__file__).parent / "fixtures" / "also_stated.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ALSO_STATED, ids=[str(i) for i in range(len(ALSO_STATED))])
def test_a_source_that_also_states_the_others_figure_does_not_contradict_it(case: dict[str, Any]) -> None:
    rule = replace(PRICE if "%" not in case["articles"]["a"][0] else MOVE, context=(), day=None)
    claims = [claim(value, article, line, rule=rule) for article, values in case["articles"].items()
              for line, value in enumerate(values, 1)]
    [finding] = run(*claims, rule=rule)
    assert (finding.kind, finding.level) == (case["kind"], "info" if case["kind"] == "agreement" else "error")
    if "agreed" in case:
        assert str(finding.message).startswith(f"{len(case['articles'])} sources agree: {case['agreed']};")
    if "also" in case:  # the values set aside, never an empty list
        assert f"; a source also gives {case['also']}, which" in str(finding.message)
    for apart in case.get("apart", []):  # another figure two sources share: its own agreement, not one ≈ chain
        assert f"; separately, {apart}" in str(finding.message)
        assert f"≈ {apart.rsplit(' on ', 1)[1]}" not in str(finding.message)


EPS = NumberRule(id="eps", path="eps.yaml", kind="number", description="d", level="error", subjects=("acme",),
                 value="money", context=(ContextSpec("accounting", (("comparable", ("可比",)), ("gaap", ("GAAP",)))),))


def test_two_values_that_leave_a_telling_qualifier_unstated_are_context_not_a_clash() -> None:
    """clusters/coca-cola-q4-2024-results-2025-02-11: statementdog's `每股收益為 0.55 美元`
    (485b901dde4a2692bf0364842d3451d9.zh-HK.md:40) leaves out 可比; jinwucj's `每股收益为0.51美元`
    (265919169.zh-CN.md:28) is the GAAP figure, unmarked. Other sources state each basis."""
    claims = [replace(c, rule_id="eps") for c in (
        claim("0.55美元", "statementdog", rule=EPS), claim("0.51美元", "jinwucj", rule=EPS),
        claim("0.55美元", "wallstreetcn", rule=EPS, accounting="comparable"),
        claim("0.51美元", "hkej", rule=EPS, accounting="gaap"))]
    findings = compare(claims, {"eps": EPS})
    assert [(f.kind, f.level) for f in findings if f.level != "info"] == []
    [unknown] = [f for f in findings if f.kind == "context-differs" and f.context == ()
                 and {c.article for c in f.claims} == {"statementdog", "jinwucj"}]
    assert "neither states accounting" in str(unknown.message)


WINDOW = NumberRule(id="dxy", path="dxy.yaml", kind="number", description="d", level="error", subjects=("acme",),
                    value="percent", context=(ContextSpec("window", (("intraday", ("盘中",)), ("close", ("收盘",)))),))


def test_one_value_with_no_telling_qualifier_still_clashes_with_the_group_it_joins() -> None:
    # the issue-10 dollar-index shape: the unknown claim has no second unknown claim to be told from
    claims = [replace(c, rule_id="dxy") for c in (
        claim("0.35%", "a", rule=WINDOW), claim("0.31%", "b", rule=WINDOW, window="intraday"))]
    [finding] = compare(claims, {"dxy": WINDOW})
    assert (finding.kind, finding.level) == ("disagreement", "warning")


def test_an_unmarked_figure_unlike_every_adjusted_one_is_the_reported_figure() -> None:
    """An adjusted figure is named so; the unmarked line item is the reported one. round 22, heytea:
    科创板日报 `录得4.38亿元的净亏损` (20250210A07P90.zh-CN.md:56) against 红餐网 `经调整净利润……变为亏损4.37亿元`
    (20250211A054EQ.zh-CN.md:72): two line items, shown as context, not one figure rounded."""
    claims = [replace(c, rule_id="eps") for c in (
        claim("0.51美元", "jinwucj", rule=EPS), claim("0.55美元", "wallstreetcn", rule=EPS, accounting="comparable"))]
    findings = compare(claims, {"eps": EPS})
    assert [(f.kind, f.level) for f in findings] == [("context-differs", "info")]
    [unmarked] = [c for c in findings[0].claims if c.article == "jinwucj"]
    assert unmarked.context_dict()["accounting"] == "not comparable"
    # the same figure with the word left out is that figure: it joins, and agrees
    [agreed] = compare([claims[1], replace(claims[0], value=claims[1].value, article="statementdog")], {"eps": EPS})
    assert (agreed.kind, agreed.level) == ("agreement", "info")


REVENUE = NumberRule(id="revenue", path="revenue.yaml", kind="number", description="d", level="error",
                     subjects=("acme",), value="money",
                     context=(ContextSpec("measure", (("forecast", ("市场预期", "预期", "预计")),)),))


def _forecast(value: str, article: str, word: str) -> Claim:
    return Claim(rule_id="revenue", subject="acme", value=parse_quantity(value),  # type: ignore[arg-type]
                 context=(ContextValue("measure", "forecast", word),), article=article, outlet=article.upper(),
                 line=1, sentence=value, span=(0, len(value)))


def test_analysts_estimates_that_differ_are_shown_side_by_side_not_a_conflict() -> None:
    """clusters/coca-cola-q4-2024-results-2025-02-11: 市場預期為106.7億元 (16e5041e…:30) vs 高于预期的108亿美元
    (3740859:34): consensus figures of different providers and dates (truth F11.4: context)."""
    [finding] = run(_forecast("106.7亿美元", "a", "市场预期"), _forecast("108亿美元", "b", "预期"), rule=REVENUE)
    assert (finding.kind, finding.level) == ("context-differs", "info")


def test_a_forecast_its_subject_states_itself_still_disagrees() -> None:
    """预计 (the company's or agency's own estimate) is one figure: sources that differ on it disagree."""
    [finding] = run(_forecast("14.70亿元", "a", "预计"), _forecast("16亿元", "b", "预期"), rule=REVENUE)
    assert (finding.kind, finding.level) == ("disagreement", "error")


def test_a_rule_about_the_forecast_compares_it() -> None:
    """clusters/nezha2-box-office-10b-2025-02-13: 灯塔 预测总票房达153.38亿元 (3741063:71) vs 灯塔……预测……
    150.38亿元 (20250214A02QZZ:40): a rule whose cue names the forecast is about it (truth F2.5: disagree)."""
    about = replace(REVENUE, cue="预测总票房|预测")
    [finding] = run(_forecast("153.38亿元", "a", "预测"), _forecast("150.38亿元", "b", "预测"), rule=about)
    assert finding.kind == "disagreement"


FORECAST_CUES = yaml.safe_load((Path(__file__).parent / "fixtures" / "forecast_cues.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", FORECAST_CUES["cues"], ids=[c["source"][:60] for c in FORECAST_CUES["cues"]])
def test_a_forecast_cue_that_only_reaches_the_estimate_makes_no_rule_about_it(case: dict[str, Any]) -> None:
    from factcheck.kinds.base import words_regex
    from factcheck.kinds.qualifiers import about_the_forecast

    assert about_the_forecast(words_regex(case["cue"])) is case["about"], case["source"]


@pytest.mark.parametrize("case", FORECAST_CUES["stories"], ids=[str(i) for i in range(len(FORECAST_CUES["stories"]))])
def test_analysts_estimates_a_cue_only_reaches_are_shown_side_by_side(tmp_path: Path, case: dict[str, Any]) -> None:
    findings = findings_of_case(case, tmp_path)
    assert [[f.kind, f.level] for f in findings] == case["findings"], case["about"]
    if "estimates" in case:
        [estimates] = [f for f in findings if str(f.message).startswith("analysts' estimates")]
        assert sorted(c.value.display() for c in estimates.claims) == case["estimates"], case["about"]


def test_some_days_back_never_clashes_with_a_day() -> None:
    """日前公布 (corpus catl 3740888:40, published 11 Feb) vs a preliminary-results day three weeks
    earlier: 日前 is loose, so the two are shown side by side (info), not a disagreement; a less precise
    date, never "rounded" (round 18, NOTES_B #8)."""
    loose = Claim("launch", "acme", DateValue(date(2025, 1, 28), date(2025, 2, 11), "range", "日前"), (),
                  "a", "a", 1, "s", (0, 1))
    [finding] = run(loose, date_claim(date(2025, 1, 20), date(2025, 1, 20), "b"), rule=DATE_RULE)
    assert (finding.kind, finding.level) == ("context-differs", "info")


CONTRAST = yaml.safe_load((Path(__file__).parent / "fixtures" / "contrast.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CONTRAST, ids=[str(i) for i in range(len(CONTRAST))])
def test_a_figure_its_sentence_leaves_unqualified_beside_a_qualified_one_is_not_of_it(
        tmp_path: Path, case: dict[str, Any]) -> None:
    from factcheck.pipeline import check

    (tmp_path / "rules").mkdir()
    entities = case.get("entities", {"ko": ["可口可乐", "可口可樂", "Coca-Cola"]})
    rule = {**case["rule"], "subjects": list(entities)}
    (tmp_path / "rules" / "eps.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    (tmp_path / "rules" / "entities.yaml").write_text(yaml.safe_dump(
        {"kind": "entities", "description": "e",
         "entities": [{"id": key, "name": names[0], "aliases": names} for key, names in entities.items()]},
        allow_unicode=True), encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, (published, text) in case["articles"].items():
        (articles / name).write_text(f"---\ndate: {published}\n---\n\n{text}\n", encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    assert [[f.kind, f.level] for f in result.findings if f.level != "info"] == case["findings"]
    compared = {(c.article, c.span): c for f in result.findings for c in f.claims}
    for name, expected in case.get("marked", {}).items():
        qualifier = case.get("qualifier", "accounting")
        actual = [c.context_dict().get(qualifier) for _, c in sorted(compared.items())
                  if c.article.endswith(name) and c.context_dict().get("measure") in (None, "actual")]
        assert actual == [e.split("=")[1] if e else None for e in expected]


LOCALE_CURRENCY = yaml.safe_load((Path(__file__).parent / "fixtures" / "locale_currency.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", LOCALE_CURRENCY, ids=[str(i) for i in range(len(LOCALE_CURRENCY))])
def test_a_hong_kong_papers_bare_yuan_is_renminbi_where_the_other_sources_say_renminbi(
        tmp_path: Path, case: dict[str, Any]) -> None:
    from factcheck.pipeline import check

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "market-cap.yaml").write_text(case.get("rule") or (
        "kind: number\ndescription: a company's market value\nvalue: money\nsubjects: [enlight]\n"
        "cue: [增至]\nwindow: 4\nqualifiers: []\n"
        "entities: [{id: enlight, name: 光线传媒, aliases: [光线传媒, 光綫傳媒]}]\n"), encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, (published, text) in case["articles"].items():
        (articles / name).write_text(f"---\ndate: {published}\n---\n\n{text}\n", encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    assert [[f.kind, f.level, sorted(c.value.display() for c in f.claims)]
            for f in result.findings if f.level != "info"] == case["findings"]


OTHER_BASIS = yaml.safe_load((Path(__file__).parent / "fixtures" / "other_basis.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", OTHER_BASIS, ids=[str(i) for i in range(len(OTHER_BASIS))])
def test_figures_the_story_shows_may_be_of_another_basis_are_context_not_a_clash(
        tmp_path: Path, case: dict[str, Any]) -> None:
    from factcheck.pipeline import check

    (tmp_path / "rules").mkdir()
    entities = case["entities"]
    for name, rule in (case.get("rules") or {"rule": case["rule"]}).items():
        rule = {**rule, "subjects": list(entities), "entities": [
            {"id": key, "name": names[0], "aliases": names} for key, names in entities.items()]}
        (tmp_path / "rules" / f"{name}.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, (published, text) in case["articles"].items():
        (articles / name).write_text(f"---\ndate: {published}\n---\n\n{text}\n", encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    flagged = [f for f in result.findings if f.level != "info"]
    assert [[f.kind, f.level] for f in flagged] == case["findings"]
    if "why" in case:
        assert any(case["why"] in str(f.message).replace(str(tmp_path) + "/", "")
                   for f in result.findings if f.kind == "context-differs"), [str(f.message) for f in result.findings]
    clashing = {c.value.display() for f in flagged for c in f.claims  # the values of the pairs it lists
                if any(f"{c.value.display()} ({c.outlet}" in line and " vs " in line for line in f.lines)}
    assert set(case.get("flagged", ())) <= clashing
    assert not set(case.get("unflagged", ())) & clashing


TOLD_CHANGES = yaml.safe_load((Path(__file__).parent / "fixtures" / "told_changes.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TOLD_CHANGES, ids=[str(i) for i in range(len(TOLD_CHANGES))])
def test_a_source_telling_a_change_of_post_is_compared_on_the_post_it_says_was_taken(
        tmp_path: Path, case: dict[str, Any]) -> None:
    from factcheck.pipeline import check

    (tmp_path / "rules").mkdir()
    entities = case["entities"]
    rule = {**case["rule"], "subjects": list(entities), "entities": [
        {"id": key, "name": names[0], "aliases": names} for key, names in entities.items()]}
    (tmp_path / "rules" / "post.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, (published, paragraphs) in case["articles"].items():
        body = "\n\n".join(paragraphs)
        (articles / name).write_text(f"---\ndate: {published}\n---\n\n{body}\n", encoding="utf-8")
    result = check([str(articles)], load_rules([str(tmp_path / "rules")]))
    assert [[f.kind, f.level] for f in result.findings if f.level != "info"] == case["findings"]
    compared = sorted(c.value.display() for f in result.findings if f.kind in ("agreement", "disagreement")
                      for c in f.claims)
    assert compared == case["compared"]


BASIS_QUALIFIERS = yaml.safe_load((Path(__file__).parent / "fixtures" / "basis_qualifiers.yaml").read_text(
    encoding="utf-8"))


@pytest.mark.parametrize("case", BASIS_QUALIFIERS, ids=[c["name"] for c in BASIS_QUALIFIERS])
def test_a_qualifier_of_time_is_no_basis_whatever_the_rule_names_it(case: dict[str, Any]) -> None:
    from types import SimpleNamespace

    from factcheck.compare import _no_basis
    from factcheck.records import ContextSpec

    spec = ContextSpec(case["name"], tuple((str(value), tuple(words)) for value, words in case["values"].items()))
    assert _no_basis(SimpleNamespace(context=(spec,)), case["name"]) is case["time"]  # type: ignore[arg-type]


STATUS_DAYS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "fixtures" / "status_days.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", STATUS_DAYS, ids=[c["name"][:40] for c in STATUS_DAYS])
def test_a_status_day_read_by_default_tells_states_apart_only_when_days_differ_on_them(case: dict[str, Any]) -> None:
    rule = replace(STATUS_RULE, states=tuple((s, s) for s in case["states"]),
                   compatible=(frozenset(case["compatible"]),) if "compatible" in case else (),
                   progression=case.get("progression", False), day=DaySpec(fallback="none", implied=True))
    claims = []
    for row in case["claims"]:
        article, line = row["source"].rsplit(" ", 1)[-1].rsplit(":", 1) if ":" in row["source"] else (row["source"], "1")
        context = (ContextValue("day", row["day"], row["quote"]),) if row["day"] else ()
        if row.get("written"):
            context += (ContextValue("written", row["written"], "publish day", True),)
        claims.append(Claim("deal", "acme", StatusValue(row["state"], row["quote"]), context, article, article,
                            int(line), row["quote"], (0, 1)))
    findings = run(*claims, rule=rule)
    assert [[f.kind, f.level] for f in findings] == case["findings"]
    assert len({f.id for f in findings}) == len(findings)


def test_every_finding_id_of_a_report_is_unique() -> None:
    """Round 10, user A's note 5: a group of claims of unknown day that fits two day groups and holds
    two states (its own context-differs) had the id of the topic's context-differs across groups."""
    rule = replace(STATUS_RULE, states=(("free", "免佣"), ("charged", "佣金")), day=DaySpec(fallback="none"))
    def status(label: str, article: str, day: str) -> Claim:
        context = (ContextValue("day", day, day),) if day else ()
        return Claim("deal", "acme", StatusValue(label, label), context, article, article, 1, "s", (0, 1))
    findings = run(status("free", "a", "2025-02-11"), status("free", "b", "2025-02-11"),
                   status("charged", "c", "2025-02-12"), status("charged", "d", "2025-02-12"),
                   status("free", "e", ""), status("charged", "f", ""), rule=rule)
    kinds = sorted(f.kind for f in findings)
    # round 18, NOTES_B #6: the group's "neither states day" is folded into the topic's one finding
    assert kinds.count("context-differs") == 1
    assert len({f.id for f in findings}) == len(findings)


ONE_TOPIC = yaml.safe_load((Path(__file__).parent / "fixtures" / "one_topic_once.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ONE_TOPIC, ids=[str(i) for i in range(len(ONE_TOPIC))])
def test_a_topic_that_differs_by_day_is_one_finding(case: dict[str, Any]) -> None:
    rule = replace(STATUS_RULE, states=tuple((state, state) for state in case["states"]),
                   day=DaySpec(fallback="none", implied=True))  # no `day:` key: a status reads one by default
    claims = []
    for row in case["claims"]:
        article, line = row["source"].split(" ")[-1].split(":")
        context = (ContextValue("day", row["day"], row["day"]),) if row["day"] else ()
        claims.append(Claim("deal", "acme", StatusValue(row["state"], row["quote"]), context, article,
                            row["source"].split(" ")[0], int(line), row["quote"], (0, 1)))
    findings = run(*claims, rule=rule)
    assert [(f.kind, f.level) for f in findings] == [tuple(f) for f in case["findings"]], case["about"]
    assert any(case["why"] in d for d in findings[0].lines)


SAID_TWICE: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "said_twice.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SAID_TWICE, ids=[str(i) for i in range(len(SAID_TWICE))])
def test_a_source_writing_one_sentence_twice_with_two_figures_contradicts_itself(case: dict[str, Any]) -> None:
    rule = replace(MOVE, context=(), day=None)
    claims = []
    for article, rows in case["articles"].items():
        for line, (sentence, value) in enumerate(rows, 1):
            at = sentence.index(value)
            # read under a percent rule (2大 as 2%): the check is about sentences, not units
            number = value.rstrip("大").replace("％", "%") + ("%" if value.endswith("大") else "")
            claims.append(replace(claim(number, article, line, rule=rule), sentence=sentence,
                                  span=(at, at + len(value))))
    [finding] = run(*claims, rule=rule)
    assert finding.kind == case["kind"]
    assert any("contradicts itself" in d for d in finding.lines) is case["said_twice"]


NOT_COMPARED: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "not_compared.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", NOT_COMPARED, ids=[c["name"][:40] for c in NOT_COMPARED])
def test_rules_whose_claims_never_meet_a_second_source_are_named(case: dict[str, Any]) -> None:
    from types import SimpleNamespace

    from factcheck.compare import uncompared_rules
    claims = [replace(claim(row["value"], row["source"].split(" ")[2]), rule_id=row["rule"], subject=row["subject"],
                      sentence=row["quote"]) for row in case["claims"]]
    findings = [SimpleNamespace(rule_id=rule) for rule in case.get("found", [])]  # only the rule is read
    assert [[rule, list(subjects), why] for rule, subjects, why in uncompared_rules(claims, findings)] == case["named"]


def test_the_text_summary_names_the_rules_never_compared() -> None:
    from factcheck.report.text import summary_lines
    summary = {"rules_not_compared": [{"rule": "launch-date", "subjects": ["find-n5", "oppo"]}],
               "articles": 3, "rules": 4, "claims": 9, "groups_checked": 1, "agreements": 1, "disagreements": 0,
               "omissions": 0, "context_differs": 0, "errors": 0, "warnings": 0, "infos": 1, "input_errors": 0}
    assert ("Rules whose claims were never compared, each subject's value coming from one source only "
            "(see the claims in --format json): launch-date (find-n5, oppo).") in summary_lines(summary)


def test_the_text_summary_says_when_currencies_kept_two_sources_apart() -> None:
    """NOTES_A round 18, catl #4: 251.6元/股 and 251.8港元 were named as "one source only"."""
    from factcheck.report.text import summary_lines
    summary = {"rules_not_compared": [{"rule": "share-price", "subjects": ["catl"], "why": "currencies"}],
               "articles": 4, "rules": 4, "claims": 9, "groups_checked": 1, "agreements": 1, "disagreements": 0,
               "omissions": 0, "context_differs": 0, "errors": 0, "warnings": 0, "infos": 1, "input_errors": 0}
    lines = summary_lines(summary)
    assert ("Rules whose claims were never compared, the sources giving a subject's value in different currencies, "
            "which are never converted (see the claims in --format json): share-price (catl).") in lines
    assert not any("one source only" in line for line in lines)


GDP = NumberRule(id="gdp", path="gdp.yaml", kind="number", description="d", level="error", subjects=("acme",),
                 value="percent", context=(ContextSpec("region", (("singapore", ("新加坡",)),)),
                                           ContextSpec("period", (("full-year", ("全年",)),)),
                                           ContextSpec("year", ()), ContextSpec("estimate", (("advance", ("初值",)),))))
PARTIAL = yaml.safe_load((Path(__file__).parent / "fixtures" / "partial_groups.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PARTIAL, ids=[str(i) for i in range(len(PARTIAL))])
def test_a_partly_unknown_claim_joins_the_one_partly_unknown_group_that_states_more(case: dict[str, Any]) -> None:
    claims = [claim(c["value"], c["article"], line, rule=GDP, **c["context"])
              for line, c in enumerate(case["claims"], 1)]
    findings = run(*claims, rule=GDP)
    assert sorted((f.kind, f.level, len({c.article for c in f.claims})) for f in findings) == \
        sorted(tuple(f) for f in case["findings"])
    if "headers" in case:  # what the header shows: only what the compared claims share
        assert sorted((f.kind, sorted(f.context)) for f in findings) == \
            sorted((kind, sorted(shown.items())) for kind, shown in case["headers"])


ONE_VALUE = yaml.safe_load((Path(__file__).parent / "fixtures" / "one_value_groups.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ONE_VALUE, ids=[str(i) for i in range(len(ONE_VALUE))])
def test_two_dates_each_shared_for_one_event_are_no_silent_agreement(case: dict[str, Any]) -> None:
    claims = [replace(date_claim(date.fromisoformat(day), date.fromisoformat(day), article), line=line)
              for article, days in case["articles"].items() for line, day in enumerate(days, 1)]
    [finding] = run(*claims, rule=DATE_RULE)
    assert (finding.kind, finding.level) == ("agreement", case["level"])
    assert ("two values of one date" in str(finding.message)) == (case["level"] == "warning")


PROCEEDS = NumberRule(id="proceeds", path="p.yaml", kind="number", description="d", level="error", subjects=("acme",),
                      value="money", context=(ContextSpec("measure", (("forecast", ("预期",)),), assumed="actual"),))
GROWTH = NumberRule(id="proceeds", path="g.yaml", kind="number", description="d", level="error", subjects=("acme",),
                    value="percent", context=(ContextSpec("adjustment", (("calendar-adjusted", ("日历差异调整",)),)),
                                              ContextSpec("basis", (("yoy", ("较去年同期",)),)),
                                              ContextSpec("measure", (("forecast", ("预期",)),), assumed="actual")))
NET_GROSS = NumberRule(id="proceeds", path="n.yaml", kind="number", description="d", level="error", subjects=("acme",),
                       value="money", context=(ContextSpec("proceeds", (("net", ("净筹",)), ("gross", ("集資",)))),
                                               ContextSpec("measure", (("forecast", ("预期",)),), assumed="actual")))
KEPT_APART = yaml.safe_load((Path(__file__).parent / "fixtures" / "kept_apart.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", KEPT_APART, ids=[str(i) for i in range(len(KEPT_APART))])
def test_one_value_a_qualifier_keeps_apart_is_said_not_dropped(case: dict[str, Any]) -> None:
    rule = {"growth": GROWTH, "net-gross": NET_GROSS}.get(case.get("rule", ""), PROCEEDS)
    claims = [replace(claim(c["value"], c["article"], line, rule=rule, **c["context"]), rule_id="proceeds")
              for line, c in enumerate(case["claims"], 1)]
    findings = run(*claims, rule=rule)
    assert len(findings) == len(case["findings"])
    for finding, (kind, level, start) in zip(findings, case["findings"], strict=True):
        assert (finding.kind, finding.level) == (kind, level)
        assert str(finding.message).startswith(start), str(finding.message)


def test_claims_at_one_offset_of_one_line_are_ordered_by_their_sentence() -> None:
    """bulk/2665121.zh-CN.md:28 holds two sentences with a claim each at offset 60: ordered by
    (article, line, offset) alone they tied, a set decided their order, and the JSON report of bulk
    changed with PYTHONHASHSEED. Every field that tells two claims apart now takes part."""
    from factcheck.compare import _claim_order

    first = replace(claim("1.3%", "a", line=28), sentence="阿里巴巴美股收涨1.3%。", span=(60, 64))
    second = replace(claim("2.5%", "a", line=28), sentence="苹果股价收跌2.5%。", span=(60, 64))
    assert _claim_order(first) != _claim_order(second)
    assert sorted([first, second], key=_claim_order) == sorted([second, first], key=_claim_order)


DATE_RANGES = yaml.safe_load((Path(__file__).parent / "fixtures" / "date_ranges_aside.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATE_RANGES, ids=[str(i) for i in range(len(DATE_RANGES))])
def test_a_range_of_days_gives_none_of_them(tmp_path: Path, case: dict[str, Any]) -> None:
    [finding] = findings_of_case(case, tmp_path)
    assert finding.kind == case["finding"]["kind"], case["about"]
    assert sorted({c.value.display() for c in finding.claims}) == sorted(case["finding"]["values"]), case["about"]
    assert case["finding"].get("says", str(finding.message)) == str(finding.message), case["about"]


FITS_NONE = yaml.safe_load((Path(__file__).parent / "fixtures" / "fits_none.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", FITS_NONE, ids=[str(i) for i in range(len(FITS_NONE))])
def test_a_partly_unknown_claim_differing_from_every_group_it_fits_is_no_mere_context(tmp_path: Path,
                                                                                     case: dict[str, Any]) -> None:
    findings = findings_of_case(case, tmp_path)
    assert [[f.kind, f.level] for f in findings] == case["findings"], case["about"]


COMING = yaml.safe_load((Path(__file__).parent / "fixtures" / "coming_events.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", COMING, ids=[str(i) for i in range(len(COMING))])
def test_a_coming_day_never_disagrees_with_a_day_before_it(tmp_path: Path, case: dict[str, Any]) -> None:
    findings = findings_of_case(case, tmp_path)
    assert [[f.kind, f.level] for f in findings] == case["findings"], case["about"]
    if "to_come" in case:  # the reading is a field of the claim, set where its note is written
        read = {c.article: c.to_come for f in findings for c in f.claims}
        assert [read[f"{i}.md"] for i in range(len(case["articles"]))] == case["to_come"], case["about"]


def test_compare_reads_a_coming_day_from_the_claim_not_its_note() -> None:
    """Review #11: a note is what a report shows; the note's words alone (a claim written back with
    its note but no reading, or a note worded alike) set nothing apart."""
    rule = DateRule(id="when", path="when.yaml", kind="date", description="d", level="error", subjects=("acme",))
    def dated(day: str, article: str, to_come: bool) -> Claim:
        value = DateValue(date.fromisoformat(day), date.fromisoformat(day), "day", day)
        return Claim("when", "acme", value, (), article, article, 1, day, (0, 1),
                     note="to come when written (将)", to_come=to_come, written=date(2025, 2, 13))
    assert [f.kind for f in run(dated("2025-02-20", "a", True), dated("2025-02-12", "b", False),
                                rule=rule)] == ["context-differs"]
    assert [f.kind for f in run(dated("2025-02-20", "a", False), dated("2025-02-12", "b", False),
                                rule=rule)] == ["disagreement"]


CLASSES = yaml.safe_load((Path(__file__).parent / "fixtures" / "classes_agreed.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CLASSES, ids=[str(i) for i in range(len(CLASSES))])
def test_classes_each_agreed_make_no_context_finding(tmp_path: Path, case: dict[str, Any]) -> None:
    findings = findings_of_case(case, tmp_path)
    assert [[f.kind, f.level] for f in findings] == case["findings"], case["about"]


SAID_ONCE: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "fixtures" / "said_once.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SAID_ONCE, ids=[c["name"][:40] for c in SAID_ONCE])
def test_one_statement_copied_in_one_article_is_cited_once(case: dict[str, Any]) -> None:
    from factcheck.compare import said_once

    claims = [Claim("deal", "acme", StatusValue(state, sentence), (), "a.md", "a", line, sentence, (0, 1))
              for line, sentence, state in case["claims"]]
    assert [c.line for c in said_once(claims)] == case["kept"], case["source"]


AGREEING = yaml.safe_load((Path(__file__).parent / "fixtures" / "agreeing_sources.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", AGREEING, ids=[str(i) for i in range(len(AGREEING))])
def test_an_agreement_counts_outlets_and_the_articles_when_more(case: dict[str, Any]) -> None:
    claims = [replace(claim(a["value"], a["path"], rule=PRICE), outlet=a["outlet"], named_outlet=a["named"])
              for a in case["articles"]]
    [finding] = run(*claims, rule=PRICE)
    assert (finding.kind, str(finding.message)) == ("agreement", case["message"])


def test_an_article_names_its_outlet_only_through_a_label_or_a_byline() -> None:
    """The claim's named_outlet, what agreements count: a label that is no aggregator's names it, `qq` alone does not."""
    named = parse_article('---\ncategories: ["jinwucj"]\n---\n正文。\n', "a.md")
    unnamed = parse_article('---\ncategories: ["qq"]\n---\n正文。\n', "b.md")
    assert (named.outlet, named.named_outlet) == ("jinwucj", "jinwucj")
    assert (unnamed.outlet, unnamed.named_outlet) == ("qq", "")


def test_a_verdict_names_the_qualifiers_neither_source_states() -> None:
    """Review #11: compare folds a group's "neither states day" into its topic's finding by the
    finding's `unstated` field, never by reading its message back."""
    from factcheck.kinds import KINDS
    from factcheck.kinds.base import Reason

    rule = replace(STATUS_RULE, states=(("all-shares", "100%"), ("control", "控制权")))
    claims = [Claim("deal", "acme", StatusValue("all-shares", "100%"), (), "a", "a", 1, "s", (0, 1)),
              Claim("deal", "acme", StatusValue("control", "控制权"), (), "b", "b", 1, "s", (0, 1))]
    verdict = KINDS["status"].judge(rule, claims, False, lambda a, b: Reason(qualifier="day"))
    assert (verdict.kind, verdict.unstated) == ("context-differs", ("day",))
    assert "neither states day" in str(verdict.message)


def test_values_apart_by_a_default_measure_name_the_measure() -> None:
    """NOTES_C round 20, 4 (openai-chip team-size): `从 20 人增加到 40 人` (20 人 prior, 2 sources) beside 40 人 that
    states no measure (actual by default, 4 sources) said `values differ, but they are about different contexts`:
    the default is the groups' key, not the claims'; the finding names `measure`."""
    rule = NumberRule(id="team", path="t.yaml", kind="number", description="d", level="error", subjects=("acme",),
                      value="percent", context=(ContextSpec("measure", (("prior", ("从",)),), assumed="actual"),))
    claims = [replace(claim("20%", a, 1, rule=rule, measure="prior"), rule_id="team") for a in ("b", "c")]
    claims += [replace(claim("40%", a, 2, rule=rule), rule_id="team") for a in ("a", "b", "c", "d")]
    differs = [f for f in run(*claims, rule=rule) if f.kind == "context-differs"]
    assert [str(f.message) for f in differs] == ["values differ, but they are about different measure"]


EVENINGS = yaml.safe_load((Path(__file__).parent / "fixtures" / "evening_dates.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", EVENINGS, ids=[str(i) for i in range(len(EVENINGS))])
def test_an_evening_beside_the_next_day_is_context_never_a_disagreement(case: dict[str, Any]) -> None:
    claims = []
    for row in case["claims"]:
        article, line = row["source"].split(" ")[-1].split(":")
        day, last = date.fromisoformat(row["day"]), date.fromisoformat(row.get("last", row["day"]))
        value = DateValue(day, last, "day" if day == last else "range", row["raw"], row["time"])
        claims.append(Claim("launch", "acme", value, (), article, row["source"].split(" ")[0], int(line),
                            row["quote"], (0, 1)))
    [finding] = run(*claims, rule=DATE_RULE)
    kind, level, words = case["finding"]
    assert (finding.kind, finding.level) == (kind, level), case["about"]
    assert words in str(finding.message), case["about"]


TWO_CLOCKS = yaml.safe_load((Path(__file__).parent / "fixtures" / "two_clocks.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TWO_CLOCKS, ids=[str(i) for i in range(len(TWO_CLOCKS))])
def test_days_a_day_apart_on_two_clocks_one_unstated_are_context(case: dict[str, Any]) -> None:
    claims = []
    for row in case["claims"]:
        article, line = row["source"].split(" ")[-1].split(":")
        day, last = date.fromisoformat(row["day"]), date.fromisoformat(row.get("last", row["day"]))
        value = DateValue(day, last, "day", row["raw"], row.get("time", ""), clock=row.get("clock", ""))
        at = row["quote"].index(row["raw"])
        claims.append(Claim("launch", "acme", value, (), article, row["source"].split(" ")[0], int(line),
                            row["quote"], (at, at + len(row["raw"]))))
    [finding] = run(*claims, rule=DATE_RULE)
    kind, level, words = case["finding"]
    assert (finding.kind, finding.level) == (kind, level), case["about"]
    assert words in str(finding.message), case["about"]


UNSTATED_ROUNDING = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "rounded_unstated.yaml").read_text(encoding="utf-8"))
BASIS = NumberRule(id="loss", path="loss.yaml", kind="number", description="d", level="error", subjects=("acme",),
                   value="money", context=(ContextSpec("accounting", (("adjusted", ("经调整",)),)),
                                          ContextSpec("scope", (("group", ("集团",)),))))


@pytest.mark.parametrize("case", UNSTATED_ROUNDING, ids=[str(i) for i in range(len(UNSTATED_ROUNDING))])
def test_a_rounded_pair_with_a_qualifier_unstated_is_lowered_one_level(case: dict[str, Any]) -> None:
    claims = []
    for row in case["claims"]:
        article, line = row["source"].split(" ")[-1].split(":")
        found = claim(row["value"], article, int(line), rule=BASIS, **row["context"])
        claims.append(replace(found, outlet=row["source"].split(" ")[0], sentence=row["quote"]))
    kind, level, words = case["finding"]
    [finding] = [f for f in run(*claims, rule=BASIS) if kind == "context-differs" or f.kind != "context-differs"]
    assert (finding.kind, finding.level) == (kind, level), case["about"]
    assert not words or any(words in d for d in finding.lines), (case["about"], finding.lines)


TITLE_SLIPS = yaml.safe_load((Path(__file__).parent / "fixtures" / "title_slips.yaml").read_text(encoding="utf-8"))
CAP = NumberRule(id="cap", path="cap.yaml", kind="number", description="d", level="error", subjects=("acme",),
                 value="money")


@pytest.mark.parametrize("case", TITLE_SLIPS, ids=[str(i) for i in range(len(TITLE_SLIPS))])
def test_a_title_clashing_with_its_own_body_is_a_slip_not_another_figure(case: dict[str, Any]) -> None:
    claims = []
    for row in case["claims"]:
        article, line = row["source"].split(" ")[-1].split(":")
        found = claim(row["value"], article, int(line), rule=CAP)
        if "below" in row:
            found = replace(found, value=replace(found.value, high=Decimal(row["below"])))  # type: ignore[type-var]
        claims.append(replace(found, outlet=row["source"].split(" ")[0], sentence=row["quote"], in_title=row["title"]))
    [finding] = run(*claims, rule=CAP)
    kind, level, words = case["finding"]
    assert (finding.kind, finding.level) == (kind, level), (case["about"], str(finding.message))
    assert not words or any(words in d for d in finding.lines), (case["about"], finding.lines)


CHANNEL = NumberRule(id="price", path="price.yaml", kind="number", description="d", level="error", subjects=("acme",),
                     value="money", context=(ContextSpec("channel", (("reseller", ("找我们订购",)),)),))


def test_a_set_aside_value_shows_the_qualifier_it_states() -> None:
    """round36 unitree-robots-jd-launch-2025-02-12 (the user's note 4): 蓝鲸 (20250213A06Z30.zh-CN.md:36,48) gives
    the launch price 9.9万元 and a reseller's `找我们订购一台全新的G1机器人价格是97000元` (channel=reseller); the
    others give 99000元 with no channel. The text report named 97000 CNY as read alike, hiding what the JSON
    tags it with: it now shows `97000 CNY (channel=reseller)`."""
    claims = [replace(c, rule_id="price") for c in (
        claim("99000元", "a", rule=CHANNEL), claim("9.9万元", "b", 36, rule=CHANNEL),
        claim("97000元", "b", 48, rule=CHANNEL, channel="reseller"))]
    [finding] = compare(claims, {"price": CHANNEL})
    assert (finding.kind, finding.level) == ("agreement", "info")
    assert ("; a source also gives 97000 CNY (channel=reseller), which the rule reads alike but for a qualifier "
            "the others leave unstated (not compared)") in str(finding.message)


def test_a_pair_keeps_the_other_values_place_and_qualifiers_apart() -> None:
    """A value that states no session and fits two groups whose values are one other figure: each pair's line
    names the other's session after its place (`b:1, session=close`), and the record keeps the two apart
    (records.Pair `other_place`, `other_qualifiers`)."""
    findings = run(claim("8.48%", "a", market="HK", day="d"),
                   claim("5%", "b", market="HK", session="close", day="d"),
                   claim("5%", "b", 2, market="HK", session="open", day="d"))
    pairs = [d for f in findings for d in f.details if isinstance(d, Pair) and d.other_qualifiers]
    assert [(p.other_place, p.other_qualifiers) for p in pairs] == [("b:1", "session=close"), ("b:2", "session=open")]
    assert str(pairs[0]) == "8.48% (A, a:1) vs 5% (B, b:1, session=close)"

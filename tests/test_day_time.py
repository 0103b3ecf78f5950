"""The time of day read into a daily figure's day, on the sentences of fixtures/day_time.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES

from factcheck.compare import compare
from factcheck.extract import extract, relevance
from factcheck.kinds.sentence import sentences
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import RuleSet, load_rules

CASES = yaml.safe_load((FIXTURES / "day_time.yaml").read_text(encoding="utf-8"))
PRICE_RULE = {"kind": "number", "description": "A company's share price", "value": "money", "subjects": ["enlight"],
              "cue": ["收报", "收報", "报", "報", "至"], "window": 4, "day": True}
ENTITIES = [{"id": "enlight", "name": "光线传媒", "aliases": ["光线传媒", "光線傳媒"]}]


def _rules(tmp_path: Path, rule: dict | None = None, more: list | None = None) -> RuleSet:
    (tmp_path / "entities.yaml").write_text(yaml.safe_dump(
        {"kind": "entities", "description": "the case's entities", "entities": ENTITIES + (more or [])},
        allow_unicode=True), encoding="utf-8")
    (tmp_path / "price.yaml").write_text(yaml.safe_dump(rule or PRICE_RULE, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert not rule_set.diagnostics, rule_set.diagnostics
    return rule_set


def _claims(rule_set: RuleSet, text: str, path: str, published: str = "2025-02-13 18:00:00") -> list:
    article = parse_article(f'---\ndate: "{published}"\n---\n{text}\n', path, relevant=relevance(rule_set.rules))
    claims, _ = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    return sorted(claims, key=lambda c: (c.line, c.span[0]))


@pytest.mark.parametrize("case", CASES["reads"], ids=[c["name"] for c in CASES["reads"]])
def test_the_time_of_day_is_part_of_the_day(case: dict, tmp_path: Path) -> None:
    rule = PRICE_RULE | {"subjects": ["enlight", *(e["id"] for e in case.get("entities", []))]}
    claims = _claims(_rules(tmp_path, rule, case.get("entities")), case["text"], "a.md", case["published"])
    claims = [c for c in claims if c.subject == "enlight"]  # another declared name's figures are the case's setting
    assert [c.context_dict().get("day", "") for c in claims] == case["days"]


@pytest.mark.parametrize("case", CASES["declared_session"], ids=[c["name"] for c in CASES["declared_session"]])
def test_a_declared_session_keeps_session_words_out_of_the_day(case: dict, tmp_path: Path) -> None:
    rule = PRICE_RULE | {"context": {"session": {"close": ["收盘", "收盤"], "intraday": ["盘中", "盤中"]}}}
    if "default" in case:  # a context_default of the session (the figure states none)
        rule |= {"context_default": {"session": case["default"]}}
    claims = _claims(_rules(tmp_path, rule), case["text"], "a.md", case["published"])
    assert [c.context_dict().get("day", "") for c in claims] == case["days"]


@pytest.mark.parametrize("case", CASES["compare"], ids=[c["name"] for c in CASES["compare"]])
def test_values_at_different_times_of_one_day_are_context(case: dict, tmp_path: Path) -> None:
    rule_set = _rules(tmp_path)
    claims = (_claims(rule_set, case["a"], "a.md", case.get("published_a", "2025-02-13 18:00:00"))
              + _claims(rule_set, case["b"], "b.md", case.get("published_b", "2025-02-13 18:00:00")))
    assert len(claims) == 2
    findings = compare(claims, {r.id: r for r in rule_set.rules})
    assert [f.kind for f in findings] == case["kinds"]


GAIN_RULE = {"kind": "number", "description": "A company's gain in percent", "value": "percent",
             "subjects": ["enlight"], "cue": ["涨幅"], "window": 8, "day": True}


@pytest.mark.parametrize("case", CASES["now"], ids=[c["name"] for c in CASES["now"]])
def test_a_value_said_to_be_as_of_now_takes_no_date_of_an_earlier_clause(case: dict, tmp_path: Path) -> None:
    claims = _claims(_rules(tmp_path, GAIN_RULE), case["text"], "a.md", case["published"])
    assert [c.context_dict().get("day", "") for c in claims] == case["days"]


EXTREME_ENTITIES = [{"id": "baidu", "name": "百度", "aliases": ["百度", "百度集团-SW"]},
                    {"id": "blacksesame", "name": "黑芝麻智能", "aliases": ["黑芝麻智能"]},
                    {"id": "gold", "name": "黄金", "aliases": ["黄金", "金现", "现货黄金"]}]


@pytest.mark.parametrize("case", CASES["extremes"], ids=[c["name"] for c in CASES["extremes"]])
def test_a_days_high_read_earlier_never_passes_a_later_one(case: dict, tmp_path: Path) -> None:
    (tmp_path / "entities.yaml").write_text(yaml.safe_dump(
        {"kind": "entities", "description": "the cases' entities", "entities": EXTREME_ENTITIES},
        allow_unicode=True), encoding="utf-8")
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(case["rule"], allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert not rule_set.diagnostics, rule_set.diagnostics
    claims = (_claims(rule_set, case["a"], "a.md", case["published_a"])
              + _claims(rule_set, case["b"], "b.md", case["published_b"]))
    assert len(claims) == 2
    findings = compare(claims, {r.id: r for r in rule_set.rules})
    assert [(f.kind, f.level) for f in findings] == list(zip(case["kinds"], case["levels"], strict=True))


@pytest.mark.parametrize(("body", "dateline"), [
    # bulk/20250213A03GXG.zh-CN.md:28 (the first body sentence opens with the dateline)
    ("财联社2月12日讯（编辑 胡家荣）近日京东宣布“零佣金”招募餐饮商户入驻。京东股价昨日大幅走低。", "2025-02-12"),
    # the same dateline after three sentences: a body this far in dates no report (kinds/dateline.py, REACH)
    ("京东宣布招募商户。京东股价走低。今日回暖。财联社2月12日讯 京东宣布“零佣金”招募餐饮商户入驻。", None),
    ("2月10日电动车销量公布。京东股价走低。", None),  # trap: 电 opens a word (电动车): no dateline
])
def test_every_sentence_is_built_with_the_dateline_its_report_opens_with(body: str, dateline: str | None) -> None:
    """The title's sentence too: the report's dateline is read before any sentence is built and passed
    to each, never set on them afterwards (REVIEW14 #10)."""
    article = parse_article(f'---\ntitle: "京东外卖"\ndate: "2025-02-13 11:38:11"\n---\n{body}\n', "a.md")
    built = sentences(article, EntityIndex([]))
    assert len(built) > 2 and built[0].segment.is_title
    assert {s.report_dateline.value.start.isoformat() if s.report_dateline else None for s in built} == {dateline}


@pytest.mark.parametrize("case", CASES["year_words"], ids=[c["name"] for c in CASES["year_words"]])
def test_a_year_written_keeps_its_own_word(case: dict, tmp_path: Path) -> None:
    rule = PRICE_RULE | {"cue": [*PRICE_RULE["cue"], "进行"]}
    claims = _claims(_rules(tmp_path, rule), case["text"], "a.md", case["published"])
    assert [[c.value, c.evidence] for c in claims[0].context if c.name == "year"] == [case["year"]]


@pytest.mark.parametrize("case", CASES["coming"], ids=[c["name"] for c in CASES["coming"]])
def test_a_day_ahead_right_before_the_figure_is_the_coming_events(case: dict, tmp_path: Path) -> None:
    rule = PRICE_RULE | {"cue": ["进行", "進行"]}
    claims = _claims(_rules(tmp_path, rule), case["text"], "a.md", case["published"])
    assert [c.context_dict().get("day", "") for c in claims] == case["days"]

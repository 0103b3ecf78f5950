"""Extraction: the shipped rules read real sentences the way a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, RULES

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "extract.yaml").read_text(encoding="utf-8"))
RULE_SET = load_rules([str(RULES)])
INDEX = EntityIndex(RULE_SET.entities)
BY_ID = {rule.id: rule for rule in RULE_SET.rules}


def _claims(rule_id: str, text: str, published: str) -> list[dict]:
    article = parse_article(f'---\ndate: "{published}"\n---\n{text}\n', "a.md")
    return [{"subject": c.subject, "value": c.value.display(), "context": c.context_dict(), "line": c.line}
            for c in extract(article, [BY_ID[rule_id]], INDEX)[0]]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}:{c['text'][:24]}" for c in CASES])
def test_rule_reads_sentence(case: dict) -> None:
    found = _claims(case["rule"], case["text"], case["published"])
    expected = [{"subject": c["subject"], "value": c["value"], "context": c.get("context", {}), "line": 4}
                for c in case["claims"]]
    assert found == expected


def test_claims_keep_the_line_of_the_value_in_a_multi_line_paragraph() -> None:
    text = "受消息影响，阿里美股\n盘前走高，涨逾1%，\n截至收盘，阿里收涨1.3%。"
    found = _claims("share-price-move", text, "2025-02-12 05:15:58")
    assert [(c["value"], c["line"]) for c in found] == [(">1%", 5), ("1.3%", 6)]


def test_extraction_is_pure_the_same_article_gives_the_same_claims() -> None:
    article = parse_article('---\ndate: "2025-02-13 23:39:14"\n---\n' + CASES[0]["text"] + "\n", "a.md")
    first = extract(article, RULE_SET.rules, INDEX)
    assert first == extract(article, RULE_SET.rules, INDEX)
    assert len(first[0]) >= 3


def _rule_set(tmp_path, rule: str):
    (tmp_path / "entities.yaml").write_text(
        "kind: entities\ndescription: e\nentities:\n  - {id: enlight, name: 光线传媒, aliases: [光线传媒]}\n"
        "  - {id: nezha2, name: 哪吒2, aliases: [哪吒2]}\n", encoding="utf-8")
    (tmp_path / "rule.yaml").write_text(rule, encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    return rule_set


def _read(rule_set, text: str) -> list[str]:
    article = parse_article(f'---\ndate: "2025-02-14 10:00:00"\n---\n{text}\n', "a.md")
    return [f"{c.subject}={c.value.display()} {c.context_dict()}"
            for c in extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]]


def test_a_cue_may_end_inside_the_qualifier(tmp_path) -> None:
    rule_set = _rule_set(tmp_path, "kind: number\ndescription: d\nvalue: percent\nsubjects: [enlight]\ncue: [涨超]\n")
    assert _read(rule_set, "光线传媒7天涨超200%。") == ["enlight=>200% {}"]


def test_traditional_scales_read_as_simplified(tmp_path) -> None:
    rule_set = _rule_set(tmp_path, "kind: number\ndescription: d\nvalue: money\nsubjects: [enlight]\ncue: [市值达]\n")
    assert _read(rule_set, "光线传媒市值达848.99億元。") == ["enlight=848.99亿 CNY {'metric': 'market-cap'}"]  # cue 市值达 names it


def test_context_default_fills_a_qualifier_no_word_signals(tmp_path) -> None:
    rule_set = _rule_set(tmp_path, "kind: number\ndescription: d\nvalue: money\nsubjects: [nezha2]\ncue: [票房突破]\n"
                         "context: {region: {local: [北京]}}\ncontext_default: {region: national}\n")
    assert _read(rule_set, "哪吒2票房突破100亿元；北京哪吒2票房突破3亿元。") == [
        "nezha2=>100亿 CNY {'region': 'national', 'metric': 'box-office'}",
        "nezha2=>3亿 CNY {'region': 'local', 'metric': 'box-office'}"]


def test_commas_inside_brackets_do_not_split_clauses(tmp_path) -> None:
    rule_set = _rule_set(tmp_path, "kind: date\ndescription: d\nsubjects: [enlight]\ncue: [递交]\n")
    assert _read(rule_set, "2月11日，光线传媒（300251.SZ，下称“光线”）向港交所递交上市申请。") == [
        "enlight=2025-02-11 {}"]


def test_a_value_no_normalizer_can_read_is_reported_not_skipped(tmp_path) -> None:
    rule_set = _rule_set(tmp_path, "kind: number\ndescription: d\nvalue: percent\nsubjects: [enlight]\ncue: [下跌, 涨]\n"
                                   "sign: {up: [涨], down: [跌]}\n")
    article = parse_article('---\ndate: "2025-02-14 10:00:00"\n---\n\n光线传媒股价下跌超過五成至11.68元。\n光线传媒涨停。\n',
                            "a.md")
    claims, unread = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    if claims:  # once 成 is read as tenths, the value is a claim and nothing is unread
        assert [c.value.display() for c in claims] == ["<-50%"] and unread == []
    else:
        [note] = unread  # 涨停 has no value: nothing to report there
        assert (note.line, note.code, note.level) == (5, "unread-value", "warning")
        assert note.message.startswith("rule: cannot read a value in '下跌超過五成")


NEZHA = load_rules([str(Path(__file__).parent.parent / "examples" / "nezha2-box-office-10b-2025-02-13")])


@pytest.mark.parametrize(("text", "expected"), [
    # clusters/nezha2-box-office-10b-2025-02-13/3741063.zh-CN.md:117: 市值 is another line item
    ("2月13日光线传媒再度涨停，收获四连板，市值涨至849亿元，再创历史新高。", []),
    # clusters/nezha2-box-office-10b-2025-02-13/20250214A02QZZ.zh-CN.md:28: a move, then a price
    ("2月14日9点53分，光线传媒（300251.SZ）股价在资本市场掀起了一场狂澜，上涨18.8%至34.38元/股。", ["34.38 CNY/股"]),
])
def test_a_share_price_rule_reads_neither_a_range_end_nor_a_market_value(text: str, expected: list[str]) -> None:
    rule = next(r for r in NEZHA.rules if r.id == "share-price")
    article = parse_article(f'---\ndate: "2025-02-14 08:00:00"\n---\n{text}\n', "a.md")
    claims = extract(article, [rule], EntityIndex(NEZHA.entities))[0]
    assert [c.value.display() for c in claims] == expected


def test_the_end_of_a_range_is_no_figure_of_its_own(tmp_path) -> None:
    # clusters/nezha2-box-office-10b-2025-02-13/20250213A07YMW.zh-CN.md:54 (a cue 至 with no line item)
    rule_set = _rule_set(tmp_path, "kind: number\ndescription: d\nvalue: money\nsubjects: [enlight]\ncue: [至]\n")
    assert _read(rule_set, "光线传媒来源于该影片的营业收入区间约为人民币9.50亿元至人民币10.10亿元。") == []


@pytest.mark.parametrize(("text", "period"), [
    # clusters/coca-cola-q4-2024-results-2025-02-11/16e5041ed367cf185b41a8b2570ab63d.zh-HK.md:32 (subject named)
    ("可口可樂去年盈利106.31億元，按年減少0.77%，每股盈利2.46元；收入470.61億元，增加2.86%。", "full-year"),
    # clusters/catl-hk-ipo-filing-2025-02-11/29007.zh-CN.md:73: a period named
    ("宁德时代2024年前三季度营收为2590亿元，较上年同期降12.09%；净利为360亿元，较上年同期增长15.59%。", "9m"),
])
def test_a_year_with_no_part_of_it_named_is_the_full_year(tmp_path, text: str, period: str) -> None:
    (tmp_path / "entities.yaml").write_text(
        "kind: entities\ndescription: e\nentities:\n  - {id: co, name: co, aliases: [可口可樂, 宁德时代]}\n",
        encoding="utf-8")
    (tmp_path / "rule.yaml").write_text("kind: number\ndescription: d\nvalue: percent\nsubjects: [co]\n"
                                        "cue: [按年減少, 增长]\nmetric: [盈利, 净利]\n", encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    article = parse_article(f'---\ndate: "2025-02-11 20:50:34"\n---\n{text}\n', "a.md")
    [claim] = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    assert claim.context_dict()["period"] == period


def test_two_weeks_ago_is_a_rough_count_that_fits_a_day_inside_it(tmp_path) -> None:
    # clusters/softbank-openai-40b-investment-2025-02-07/776492571.zh-CN.md:40 (published 2025-02-08),
    # against 当地时间1月21日…宣布 (20250208A01QJ7.zh-CN.md:34)
    (tmp_path / "entities.yaml").write_text(
        "kind: entities\ndescription: e\nentities:\n  - {id: trump, name: 特朗普, aliases: [特朗普]}\n",
        encoding="utf-8")
    (tmp_path / "rule.yaml").write_text("kind: date\ndescription: d\nsubjects: [trump]\ncue: [宣布]\n",
                                        encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    article = parse_article('---\ndate: "2025-02-08 01:25:59"\n---\n两周前，美国总统特朗普在白宫宣布，'
                            'OpenAI、软银和甲骨文将成立一家合资企业“星际之门”。\n', "a.md")
    [claim] = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    day = parse_article('---\ndate: "2025-02-08 01:25:59"\n---\n当地时间1月21日，美国总统特朗普在白宫宣布了'
                        '“星际之门”计划。\n', "b.md")
    [precise] = extract(day, rule_set.rules, EntityIndex(rule_set.entities))[0]
    assert precise.value.display() == "2025-01-21"
    assert claim.value.agrees(precise.value)


def test_a_per_sentence_reader_runs_once_per_sentence_and_arguments() -> None:
    """`who` is asked by every rule whose cue a value follows: kinds/sentence.per_sentence answers
    a repeated question from the sentence's memory, and a new offset or sentence afresh."""
    from factcheck.kinds.sentence import per_sentence, sentences
    from factcheck.kinds.subject_reading import who

    asked: list[tuple[str, int]] = []

    @per_sentence
    def reader(s: object, offset: int) -> int:
        asked.append((s.text, offset))  # type: ignore[attr-defined]
        return len(asked)

    # a sentence from seeds/004_7638e87b2286deb5.txt
    article = parse_article("阿里巴巴港股涨2.55%。苹果股价跌1%。\n", "a.md")
    first, second = sentences(article, EntityIndex(load_rules([str(RULES)]).entities))
    assert [reader(first, 6), reader(first, 6), reader(first, 7), reader(second, 6)] == [1, 1, 2, 3]
    assert who(first, 6) == who(first, 6) == "alibaba"


def test_a_month_bound_that_looks_like_a_count_back_is_read_not_widened(tmp_path: Path) -> None:
    """`5月前` ("before May", hkej 4718cc87b0e907f95807dec4613e4801.zh-HK.md:2) also fits the
    `N月前` ("N months ago") shape; read as an open bound it has no start to widen, and widening
    it once stopped the whole run with an OverflowError. It ends the day before May begins (round 22,
    user B's note 4: ..2025-05-31 read it as "by the end of May")."""
    (tmp_path / "rule.yaml").write_text("kind: date\ndescription: d\ncue: [入駐]\n", encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    article = parse_article('---\ndate: "2025-02-11 18:40:39"\n---\n京東啟動京東外賣 5月前入駐商家全年免佣。\n',
                            "a.md")
    [claim] = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    assert claim.value.display() == "..2025-04-30"

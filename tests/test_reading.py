"""How values are read: cue, day, qualifiers, subject, on the sentences of fixtures/reading.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, case_rule_set, run_json

from factcheck.extract import extract, relevance
from factcheck.kinds.amounts import amounts
from factcheck.kinds.scope_reading import labelled_runs
from factcheck.kinds.sentence import clause_bounds, sentences
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex

# lists.yaml: values of a list (分别为A、B、C), the periods they pair with, statements a ；ends;
# title_subjects.yaml: values nobody is named for, under a title naming one rule subject;
# scope_words.yaml: how far a word of scope reaches (预计, 当时, 以…为由)
# forecast_reach.yaml: how far a forecast word reaches (超预期, 预期涨0.3%, 此前一个月)
# not_stated.yaml: values under a condition or others' reading, which no rule reads
# whose_value.yaml: round 20's subjects (a former employer, a company citing its own filing, 各)
# change_periods.yaml: the time of each figure of a change (由2023年同期盈利…变为亏损, 从2023年年末的…减少至…)
# number_roles.yaml: whether a number has a number role (一家 as the article "a"; a streak 连续第28个月)
CASES = [case for name in ("reading.yaml", "lists.yaml", "title_subjects.yaml", "scope_words.yaml", "forecast_reach.yaml",
                            "not_stated.yaml",
                            "whose_value.yaml", "change_periods.yaml", "number_roles.yaml")
         for case in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_values_are_read_as_documented(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    published = case.get("published", "2025-02-13 10:00:00")
    title = f'title: "{case["title"]}"\n' if "title" in case else ""
    article = parse_article(f'---\n{title}date: "{published}"\n---\n{case["text"]}\n', "a.md",
                            relevant=relevance(rule_set.rules))  # paragraphs as the command line reads them
    claims, notes = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    expected = [{k: str(v) for k, v in c.items()} for c in case["claims"]]
    named = {k for e in expected for k in e} - {"subject", "value", "note"}
    found = [{"subject": c.subject, "value": c.value.display()}
             | ({"note": c.note} if any("note" in e for e in expected) else {})
             | {k: c.context_dict().get(k, "") for k in sorted(named)}
             for c in sorted(claims, key=lambda c: (c.line, c.span[0]))]
    assert found == expected
    assert sum(n.code == "unattributed" for n in notes) == case.get("unattributed", 0)


@pytest.mark.parametrize(("text", "units", "run"), [
    # fixtures/lists.yaml's two real lists: a count rule's amounts, a number rule's quantities
    ("增持及数量：京东317万份，阿里巴巴184万份，贝壳40万份；Kraneshares金瑞中证中国互联网ETF 81万份。", ("股", "份"),
     ["京东317万份", "阿里巴巴184万份", "贝壳40万份", "Kraneshares金瑞中证中国互联网ETF 81万份。"]),
    ("锦江酒店的营业收入构成为：酒店客房占比 38.57%，持续加盟服务占比 33.37%，食品与餐饮业务占比 6.66%。", None,
     ["酒店客房占比38.57%", "持续加盟服务占比33.37%", "食品与餐饮业务占比6.66%。"]),  # typesetting spaces out
    ("增持及数量：据彭博分析，京东在第四季度被增持317万份。", ("股", "份"), []),  # trap: the colon opens no labels
    ("：京东317万份，阿里巴巴184万份。", ("股", "份"), []),  # trap: nothing before the colon
])
def test_one_reader_finds_the_labelled_figures_a_colon_opens(text: str, units: tuple[str, ...] | None,
                                                             run: list[str]) -> None:
    """Number and count rules read such a list with one reader (scope_reading.labelled_runs), each passing
    its own figures: a count rule its amounts, a number rule its quantities (REVIEW13 #7)."""
    (s,) = sentences(parse_article(f"---\n---\n{text}\n", "a.md"), EntityIndex([]))
    figures = (tuple((a.start, a.end) for a in amounts(s.text, units, 0, len(s.text))) if units
               else tuple((q.start, q.end) for q in s.quantities))
    found = labelled_runs(s, figures)
    assert [s.text[begin:s.clause_at(begin)[1]] for begin in sorted(found)] == run
    assert {s.text[colon] for colon in found.values()} <= {"："}


@pytest.mark.parametrize(("text", "clauses"), [
    ("估值2,600亿美元，投资400亿美元", ["估值2,600亿美元", "投资400亿美元"]),
    ("涨3,跌2", ["涨3", "跌2"]),       # a comma before fewer than three digits breaks
    ("1,2345", ["1", "2345"]),           # and before four
    # a full-width comma grouping thousands before an amount's unit (bulk/777475726.zh-CN.md:30, sina_us_stock)
    ("雪佛龙在全球拥有46，500名员工，这意味着", ["雪佛龙在全球拥有46，500名员工", "这意味着"]),
    ("收于39，461.47点，创下", ["收于39，461.47点", "创下"]),  # bulk/777579319.zh-CN.md:30
    ("分辨率 600×800，300 PPI", ["分辨率 600×800", "300 PPI"]),  # trap: no unit after (bulk/918ff968…:45, pingwest)
    ("2024，500家", ["2024", "500家"]),  # trap: a first group of four digits
    ("3，5家", ["3", "5家"]),            # trap: a list's comma before one digit
])
def test_a_comma_grouping_thousands_is_no_clause_break(text: str, clauses: list[str]) -> None:
    assert [text[a:b] for a, b in clause_bounds(text)] == clauses


def test_the_documented_title_subject_example_reads_the_heading_as_the_company_s(tmp_path: Path) -> None:
    """docs/rules.md, "Subjects", 7.: the rule and the article the docs show, run as a user would;
    the heading names no one, the title names the rule's one subject, and the claim says so."""
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    rule = docs.split("```yaml\n# rules/revenue-total.yaml\n", 1)[1].split("```", 1)[0]
    article = docs.split(rule, 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "revenue-total.yaml").write_text(rule, encoding="utf-8")
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    code, report = run_json("--no-cache", "--min-level", "info", "--rules", str(tmp_path / "rules"), str(tmp_path / "a.md"))
    assert code == 0
    assert [(c["subject"], c["value"]["display"], c["note"]) for c in report["claims"]] == [
        ("yingtong", ">63亿 CNY", "subject from the title")]
    # beside a source that names the company, a clash is a warning: the subject was inferred
    (tmp_path / "b.md").write_text('---\ntitle: "颖通控股递表"\ndate: "2025-02-11 21:00:00"\n---\n'
                                   "颖通控股三年半总营收为60亿元。\n", encoding="utf-8")  # constructed
    code, report = run_json("--no-cache", "--fail-on", "never", "--rules", str(tmp_path / "rules"),
                            str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    [finding] = report["findings"]
    assert (finding["kind"], finding["level"]) == ("disagreement", "warning")
    assert any(line.endswith("takes its subject from the title") for line in finding["details"])


def test_a_paragraph_kept_for_another_rule_carries_a_name_as_documented(tmp_path: Path) -> None:
    """docs/rules.md, "Subjects" (step 3): a rule's claims can depend on the other rules loaded, since a
    paragraph holding only another rule's cue is read and a name carries through it. Round 16's case
    (bulk/20250213A06BT6.zh-CN.md:60–64, qq): the brands rule alone finds no one for 其; with a revenue
    rule, the paragraph between (收入结构来看，颖通控股……) is read and 其 is 颖通控股. The rule's
    claims run alone and in the set are compared, so a change to this is seen and documented."""
    from factcheck.rules import load_rules

    (tmp_path / "entities.yaml").write_text(
        "kind: entities\ndescription: e\nentities: [{id: yt, name: 颖通控股}]\n", encoding="utf-8")
    (tmp_path / "brands.yaml").write_text(
        "kind: count\ndescription: brands\nsubjects: [yt]\nunits: [个]\ncue: [代理]\n", encoding="utf-8")
    (tmp_path / "revenue.yaml").write_text(
        "kind: number\ndescription: revenue\nvalue: money\nsubjects: [yt]\ncue: [收入]\n", encoding="utf-8")
    text = ("---\ndate: \"2025-02-13 10:00:00\"\n---\n合约负债减少，意味着颖通控股的生意开始出现流失。\n\n"
            "收入结构来看，颖通控股的绝大部分收入都来自香水。截至2024年9月30日的六个月，该公司合共实现收入10.64亿元。\n\n"
            "按招股书所言，其共代理48个外部品牌的香水。\n")

    def brands(paths: list[str]) -> list[str]:
        rule_set = load_rules(paths)
        article = parse_article(text, "a.md", relevant=relevance(rule_set.rules))
        claims, _ = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
        return [f"{c.subject} {c.value.display()}" for c in claims if c.rule_id == "brands"]

    alone = brands([str(tmp_path / "entities.yaml"), str(tmp_path / "brands.yaml")])
    in_set = brands([str(tmp_path)])
    assert (alone, in_set) == ([], ["yt 48 个"])


def test_the_documented_compared_figure_takes_the_cue_before_it(tmp_path: Path) -> None:
    """docs/rules.md, "Words inside a comparison phrase": the rule and the two articles the docs show, run as a
    user would. 比2023年的4009亿元 opens its clause, takes the cue 营收 of the clause before and is 2023's own
    figure: it agrees with the other source's 2023年营收4009亿, and that source's 3286亿 (the year before,
    `prior`) is context, not a disagreement (qq bulk/20250211A03GOE.zh-CN.md:48, bulk/29007.zh-CN.md:65)."""
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    rule = docs.split("```yaml\n# rules/catl-revenue.yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "catl-revenue.yaml").write_text(rule, encoding="utf-8")
    for name in ("a.md", "b.md"):
        article = docs.split(f"```markdown\n<!-- {name} -->\n", 1)[1].split("```", 1)[0]
        (tmp_path / name).write_text(article, encoding="utf-8")
    code, report = run_json("--no-cache", "--min-level", "info", "--rules", str(tmp_path / "rules"),
                            str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert code == 0
    def read(claim: dict) -> tuple[str, str, str]:
        context = {q["name"]: q["value"] for q in claim["context"]}
        return claim["value"]["display"], context["year"], context.get("measure", "")  # the default is not listed

    assert sorted(map(read, report["claims"])) == [
        ("3286亿 CNY", "2023", "prior"), ("3560亿–3660亿 CNY", "2024", "forecast"),
        ("4009亿 CNY", "2023", ""), ("4009亿 CNY", "2023", "")]
    assert sorted((f["kind"], f["level"]) for f in report["findings"]) == [("agreement", "info"), ("context-differs", "info")]
    assert next(f["message"] for f in report["findings"] if f["kind"] == "agreement") == "2 sources agree: 4009亿 CNY"


@pytest.mark.parametrize(("text", "clauses"), [
    # a quotation the sentence opens and a later sentence closes: its commas split, as its last sentence's do
    # (round36 unitree, 蓝鲸 20250213A06Z30.zh-CN.md:48; the reseller's 97000元 lost to 租赁 two clauses before)
    ("“目前短期租赁的比较多，如果是长期使用还是推荐购买，找我们订购一台全新的G1机器人价格是97000元，30到45天拿货。",
     ["“目前短期租赁的比较多", "如果是长期使用还是推荐购买", "找我们订购一台全新的G1机器人价格是97000元", "30到45天拿货。"]),
    # bulk/834430.zh-CN.md (a speaker, then a quotation cut at its 。)
    ("BC省省长戴维·埃比(David Eby)周三在白宫会晤后不久告诉记者：“双方进行了非常坦诚的交谈，他们敦促我们相信总统所说的话，我们一定会这么做。",
     ["BC省省长戴维·埃比(David Eby)周三在白宫会晤后不久告诉记者", "“双方进行了非常坦诚的交谈", "他们敦促我们相信总统所说的话",
      "我们一定会这么做。"]),
    # a closed bracket still holds its commas (a stock code and its short name)
    ("宁德时代（300750.SZ，下称“宁德时代”）公告，拟发行H股", ["宁德时代（300750.SZ，下称“宁德时代”）公告", "拟发行H股"]),
])
def test_an_unclosed_quotation_still_splits_clauses(text: str, clauses: list[str]) -> None:
    assert [text[a:b] for a, b in clause_bounds(text)] == clauses

"""The rule surface of docs/rules.md that every kind shares: skip words, examples with a locale,
rules with no subject. Each documented block runs through `factcheck rules check`.

Sentences (the shared corpus, ../shared/corpus/bulk):
- 20250208A02I1B.zh-CN.md:36  SSI曾在2024年9月进行过融资，当时从……五家投资者处筹集了10亿美元资金
- 20250211A08HD1.zh-CN.md:152 ……天图投资、广发信德等成为投资方，融资金额高达4亿元
- 20250211A03GOE.zh-CN.md:36  早在2023年11月，市场已有传闻称宁德时代计划在香港进行二次上市
- 0bfcdd5d9e9e31c81a7585058a70bb87.zh-HK.md:34  古茗(01364)以每股9.94元定價，香港公開發售部分超購193.87倍
- 20250212A090TJ.zh-CN.md:30  ……本次调整将于2月28日收盘后生效
- 21a3b07dfd4f9d79e7dbd5e942f784d8.zh-HK.md:30  古茗香港公開發售部分超額193.87倍，認購一手400股，中籤率100%。
- 6197.zh-CN.md:30  股份于香港公开发售阶段接获29,086份有效申请，认购额194.87倍 (古茗 written in for the subject)
and ../shared/corpus/clusters/nezha2-box-office-10b-2025-02-13:
- 20250214A02QZZ.zh-CN.md:40  2月14日9点45分左右，《哪吒2》的票房已经攀升至101.78亿元
- 3741063.zh-CN.md:113       光线传媒来自该影片的营收或为19.6亿元至20.9亿元
- 20250213A07YMW.zh-CN.md:56  2020年至2023年及2024年前三季度，光线传媒营业收入分别为11.59亿元……
- 2671647.zh-CN.md:28        目前《哪吒2》票房已翻倍至100亿元
- 20250214A02QZZ.zh-CN.md:32  1月27日收盘时，光线传媒的股价还为9.53元/股，而如今涨幅已经超过了260%
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factcheck.kinds.sentence import pattern
from factcheck.kinds.skip import skip_regex
from factcheck.rule_examples import check_examples
from factcheck.rules import load_rules
from tests.conftest import findings_of_case, run_json, run_main

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def documented(heading: str) -> list[tuple[str, str]]:
    """(file name, YAML) of each `# rules/…` block under a heading of docs/rules.md."""
    text = DOCS.read_text(encoding="utf-8")
    level = len(heading.split(" ", 1)[0])
    section = re.split(rf"\n#{{1,{level}}} (?!rules/)", text.split(heading + "\n", 1)[1], maxsplit=1)[0]
    found = []
    for block in section.split("```yaml\n")[1:]:
        body = block.split("```", 1)[0]
        first = body.splitlines()[0]
        if first.startswith("# rules/"):
            found.append((first.removeprefix("# rules/").strip(), body))
    return found


@pytest.mark.parametrize("heading", ["### A question states no value", "### What a cue should cover", "### Skip words", "### A value the source does not state", "### How far the day is looked for", "## Examples", "#### Facts with no named actor", "### Running totals", "### Ranks and editions", '### "A company" and a streak', "### The same figure under two periods", "### Required qualifiers", "## Line item, period, basis, measure", "### Subjects", "### Lists of values and statements", "### The time of day", "#### A list of names of another length", "#### A team named by its members", "#### Values of places", "#### Values a list shares", "## English articles", "## Currencies as newsrooms write them", "### Percentage points and basis points", "### What is said, and when", "### A date moved from one day to another", "### Dates offered as alternatives", "### Whose event a date is", "### State words inside longer ones", "### States that can both be true",
                                     "### States that follow one another", "### A state the source rules out", "### A former state", "### An occasion, not a date", "## Recipes",
                                     "## Start here: a rule set in ten minutes"])
def test_documented_rules_hold_their_examples(tmp_path: Path, heading: str) -> None:
    blocks = documented(heading)
    assert blocks, heading
    for name, body in blocks:
        (tmp_path / name).write_text(body, encoding="utf-8")
    done = run_main("rules", "check", "--rules", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    rules = [name for name, body in blocks if "\nkind: entities\n" not in body]  # an entities file is no rule
    assert f"{len(rules)} rules" in done.stdout + done.stderr


def _fundraising(tmp_path: Path, keep: bool) -> list[str]:
    [(name, body)] = [b for b in documented("### Skip words") if b[0] == "fundraising.yaml"]
    if not keep:
        body = "\n".join(line for line in body.splitlines() if not line.startswith("keep:")) + "\n"
    (tmp_path / name).write_text(body, encoding="utf-8")
    return [d.message for d in check_examples(load_rules([str(tmp_path / name)]))]


@pytest.mark.parametrize(("skip", "failures"), [
    ("[年度新低]", ["example does not hold (\"美国10年期国债收益率从周三创下的年度新低回升至4.50%。\"): the text yields no claim: '4.50%' was read, but a `skip` word "
                   "before it leaves it out"]),  # anywhere before the value
    ("'年度新低\\s*$'", []),  # a regex ending there: only right before the cue
])
def test_a_skip_word_anywhere_before_the_value_skips_a_regex_can_ask_for_right_before(
        tmp_path: Path, skip: str, failures: list[str]) -> None:
    """docs/rules.md, "Skip words"; bulk/832531.zh-CN.md:68 (从周三创下的4.40%年度新低回升), reworded."""
    (tmp_path / "yield.yaml").write_text(
        "kind: number\ndescription: US 10-year yield\nvalue: percent\ncue: [回升至]\nwindow: 3\nqualifiers: []\n"
        f"skip: {skip}\nexamples:\n  - text: 美国10年期国债收益率从周三创下的年度新低回升至4.50%。\n"
        "    expect: {value: \"4.50%\"}\n", encoding="utf-8")
    assert [d.message for d in check_examples(load_rules([str(tmp_path / "yield.yaml")]))] == failures


@pytest.mark.parametrize(("skip", "warned"), [("[自主品牌销量, 累计]", False), ("[累计]", True)])
def test_rules_check_warns_of_a_short_cue_that_reads_another_rules_example(tmp_path: Path, skip: str, warned: bool) -> None:
    """docs/rules.md, "Two rules, one short word" (round 22, bulk/2663402.zh-CN.md:28 自主品牌销量突破2500万辆):
    annual-sales' cue 销量 inside brand-cumulative-sales' 自主品牌销量突破 reads the brand's example figure too,
    and compared it with a year's sales; without the skip word `rules check` says so, as a warning."""
    for name, body in documented("### What a cue should cover"):
        if name == "annual-sales.yaml":  # the example that expects no claim goes with the skip word
            body = body.replace("skip: [自主品牌销量, 累计]", f"skip: {skip}").replace(
                "  - text: 该公司在全球拥有12个制造基地、22个工厂，自主品牌销量突破2500万辆，是中国汽车品牌的典型代表。\n    expect: {}\n", "")
        (tmp_path / name).write_text(body, encoding="utf-8")
    done = run_main("rules", "check", "--rules", str(tmp_path))
    assert done.returncode == 0, done.stderr
    warning = (f"{tmp_path / 'brand-cumulative-sales.yaml'}:9: warning: rule annual-sales reads this example's >2500万 辆 too "
               "(\"长安汽车自主品牌销量突破2500万辆，是中国汽车品牌的典型代…\"): its cue '销量' is inside this rule's '自主品牌销量突破'")
    assert (warning in done.stderr) is warned, done.stderr
    assert ("warning: rule" in done.stderr) is warned


@pytest.mark.parametrize(("cue", "window", "why"), [
    ("[总营收]", 1, "'64.4亿 CNY' was read, but it stands more than the rule's `window`"),
    ("[净利润]", 6, "no `cue` of the rule stands in it"),
    ("[總營收]", 2, ""),  # Traditional cues read Simplified text: the example holds
])
def test_an_example_that_yields_no_claim_says_whether_the_cue_or_the_window_kept_it_out(
        tmp_path: Path, cue: str, window: int, why: str) -> None:
    """bulk/20250210A078MN.zh-CN.md:62 (2024年前三季度的总营收达到64.4亿元): a docs-only user could not tell
    why an example gave nothing (session 27's held-out notes); `rules check` now says which key kept it out."""
    (tmp_path / "revenue.yaml").write_text(
        f"kind: number\ndescription: revenue\nvalue: money\ncue: {cue}\nwindow: {window}\nqualifiers: []\n"
        "examples:\n  - text: 2024年前三季度的总营收达到64.4亿元。\n    expect: {value: 64.4亿 CNY}\n", encoding="utf-8")
    messages = [d.message for d in check_examples(load_rules([str(tmp_path / "revenue.yaml")]))]
    assert [m.split("the text yields no claim: ", 1)[-1].split(":")[0].split(" (")[0] for m in messages] == (
        [why] if why else [])


def test_a_skip_word_inside_a_longer_keep_word_does_not_skip(tmp_path: Path) -> None:
    assert _fundraising(tmp_path, keep=True) == []
    # without keep, 投资 inside 投资者 counts: the documented rule needs its keep line
    assert [m.split("): ")[1].split(": ")[0] for m in _fundraising(tmp_path, keep=False)] == [
        "the text yields no claim"]


@pytest.mark.parametrize(("skip", "keep", "text", "skips"), [
    (["EPS"], None, "EPSG规则下", False),          # Latin words match whole
    (["EPS"], None, "调整后EPS为0.55美元", True),
    (["IPO"], None, "IPOs in 2024", False),
    (["投资"], None, "五家投资者处", True),          # no keep: a substring still counts
    (["投资"], ["投资者"], "五家投资者处", False),
    (["投资"], ["投资者"], "五家投资者处投资", True),  # a later 投资 on its own still counts
    (["投资"], ["总投资"], "总投资额", False),        # a keep word that starts earlier
    ("累计|年内", ["年内外"], "年内", True),          # a regex, with keep
])
def test_skip_words_are_words(skip: list[str] | str, keep: list[str] | None, text: str, skips: bool) -> None:
    regex = pattern(skip_regex(skip, keep))
    found = [m for m in regex.finditer(text) if not m.groupdict().get("factcheck_keep")]
    assert bool(found) is skips


def test_keep_without_skip_is_a_rule_error(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("kind: number\ndescription: d\nvalue: percent\ncue: [涨]\nkeep: [投资者]\n",
                                     encoding="utf-8")
    [problem] = load_rules([str(tmp_path / "r.yaml")]).diagnostics
    assert problem.line == 5 and "keep:" in problem.message


def _gain_day(tmp_path: Path, scope: str | None, now: bool = True) -> str:
    [(name, body)] = [b for b in documented("### How far the day is looked for") if b[0] == "gain-since.yaml"]
    body = body.replace("  day: clause", f"  day: {scope}") if scope else body.replace(
        "context_scope:\n  day: clause", "")
    if not now:  # the example's sentence without its 如今 (now), which keeps every earlier date from the gain
        assert "而如今涨幅" in body
        body = body.replace("而如今涨幅", "而涨幅")
    (tmp_path / name).write_text(body, encoding="utf-8")
    rule_set = load_rules([str(tmp_path / name)])
    from factcheck.normalize.entities import EntityIndex
    from factcheck.rule_examples import example_claims

    [rule] = rule_set.rules
    [claim] = example_claims(rule, rule.examples[0], EntityIndex(rule_set.entities))
    return claim.context_dict().get("day", "")


# 1月27日收盘时: the day read there carries its time of day (docs/rules.md, "The time of day")
@pytest.mark.parametrize(("scope", "day"), [("clause", ""), (None, "2025-01-27 close"), ("sentence", "2025-01-27 close"),
                                            ("run", "2025-01-27 close"), ("head", "2025-01-27 close")])
def test_context_scope_sets_how_far_the_day_is_looked_for(tmp_path: Path, scope: str | None, day: str) -> None:
    assert _gain_day(tmp_path, scope, now=False) == day


@pytest.mark.parametrize("scope", ["clause", None, "sentence", "run", "head"])
def test_a_value_said_to_be_as_of_now_takes_no_earlier_date_whatever_the_scope(tmp_path: Path,
                                                                               scope: str | None) -> None:
    assert _gain_day(tmp_path, scope) == ""  # 而如今涨幅: the documented example, day: {fallback: none}


def test_the_day_of_a_paragraph(tmp_path: Path) -> None:
    """`paragraph`: a sentence naming no date takes the last one of the paragraph's earlier sentences."""
    (tmp_path / "r.yaml").write_text(
        "kind: number\ndescription: d\nvalue: percent\ncue: [涨幅]\nwindow: 8\nday: {fallback: none}\n"
        "context_scope: {day: paragraph}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(
        "---\ndate: '2025-02-14 10:00:00'\n---\n1月27日收盘时，光线传媒的股价还为9.53元/股。而涨幅已经超过了260%。\n",
        encoding="utf-8")
    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    rule_set = load_rules([str(tmp_path / "r.yaml")])
    article = parse_article((tmp_path / "a.md").read_text(encoding="utf-8"), "a.md")
    [claim] = extract(article, list(rule_set.rules), EntityIndex(()))[0]
    assert claim.context_dict()["day"] == "2025-01-27"


def test_scoping_the_day_of_a_rule_without_one_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("kind: number\ndescription: d\nvalue: percent\ncue: [涨]\n"
                                     "context_scope: {day: clause}\n", encoding="utf-8")
    [problem] = load_rules([str(tmp_path / "r.yaml")]).diagnostics
    assert problem.line == 5 and "needs day:" in problem.message


def test_an_example_states_its_locale(tmp_path: Path) -> None:
    """The same sentence reads 9.94 HKD with `lang: zh-HK` and 9.94 CNY without: the lang is used."""
    [(name, body)] = [(name, body) for name, body in documented("## Examples") if name == "offer-price.yaml"]
    (tmp_path / name).write_text(body.replace("    lang: zh-HK", "    lang: zh-CN"), encoding="utf-8")
    [problem] = check_examples(load_rules([str(tmp_path / name)]))
    assert "expected '9.94 HKD', got '9.94 CNY'" in problem.message


@pytest.mark.parametrize("kind", ["date", "status"])
def test_date_and_status_rules_need_no_subjects(tmp_path: Path, kind: str) -> None:
    """The story is the subject: two sources dating the effective day differently disagree."""
    body = ("kind: date\ndescription: d\ncue: [生效]\n" if kind == "date" else
            "kind: status\ndescription: d\nstates: {effective: [生效], suspended: [暂缓]}\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.yaml").write_text(body, encoding="utf-8")
    texts = (("a", "本次调整将于2月28日收盘后生效。"), ("b", "本次调整将于3月5日生效。")) if kind == "date" else (
        ("a", "本次调整已经生效。"), ("b", "本次调整已经暂缓。"))
    for name, text in texts:
        (tmp_path / f"{name}.md").write_text(f"---\ndate: '2025-02-12 21:09:49'\n---\n{text}\n", encoding="utf-8")
    done = run_main("--rules", str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"),
                    "--format", "json", "--no-cache")
    import json

    [finding] = json.loads(done.stdout)["findings"]
    assert finding["subject"] == "" and finding["kind"] == "disagreement", finding


@pytest.mark.parametrize(("running", "kind", "level"), [(True, "context-differs", "info"),
                                                        (False, "disagreement", "warning")])
def test_readings_of_a_running_total(tmp_path: Path, running: bool, kind: str, level: str) -> None:
    """Two readings of one day's box office: with `running: true` shown side by side, without a clash
    (a warning: one day is the publish day's)."""
    [(name, body)] = documented("### Running totals")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / name).write_text(body if running else body.replace("running: true", ""), encoding="utf-8")
    # the docs' sentences without 9点45分左右 (a stated time alone keeps them apart: "### The time of day")
    for file, text in (("a", "2月14日，《哪吒2》的票房已经攀升至101.78亿元。"), ("b", "目前《哪吒2》票房已翻倍至100亿元。")):
        (tmp_path / f"{file}.md").write_text(f"---\ndate: '2025-02-14 12:00:00'\n---\n{text}\n", encoding="utf-8")
    done = run_main("--rules", str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"),
                    "--format", "json", "--no-cache", "--min-level", "info")
    import json

    [finding] = json.loads(done.stdout)["findings"]
    assert (finding["kind"], finding["level"]) == (kind, level)
    assert len(finding["claims"]) == 2


@pytest.mark.parametrize(("text", "measure"), [
    # clusters/nezha2-box-office-10b-2025-02-13/3741063.zh-CN.md:107: the distribution notice's usual split
    ("据该片《发行通知》，与影院分账比例为常规的43%与57%。", "contract"),
    # clusters/nezha2-box-office-10b-2025-02-13/2671647.zh-CN.md:28: the live split
    ("《哪吒2》分账票房的比例为：片方39.33%、影院52.27%。", ""),
])
def test_the_agreed_terms_are_a_measure_of_their_own(tmp_path: Path, text: str, measure: str) -> None:
    (tmp_path / "r.yaml").write_text("kind: number\ndescription: d\nvalue: percent\ncue: [分账比例为, 片方]\n"
                                     "entities: [{id: nezha2, aliases: [哪吒2]}]\n",
                                     encoding="utf-8")
    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    rule_set = load_rules([str(tmp_path / "r.yaml")])
    article = parse_article(f"---\ndate: '2025-02-13 20:00:00'\n---\n{text}\n", "a.md")
    claims = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))[0]
    assert claims and claims[0].context_dict().get("measure", "") == measure


@pytest.mark.parametrize(("entity", "skip", "read"), [
    (True, True, True),     # 投资 inside the declared name 天图投资 does not skip
    (False, True, False),   # undeclared, 天图投资 is two words to factcheck: its 投资 skips
    (False, False, True),   # … and it is the skip word that drops it, not the name
])
def test_a_skip_word_inside_a_declared_name_does_not_skip(tmp_path: Path, entity: bool, skip: bool, read: bool) -> None:
    body = ("kind: number\ndescription: d\nvalue: money\ncue: [融资金额]\nwindow: 4\n"
            + ("skip: [投资]\nkeep: [投资方]\n" if skip else "")
            + ("entities: [{id: tiantu, aliases: [天图投资]}]\n" if entity else ""))
    (tmp_path / "r.yaml").write_text(body, encoding="utf-8")
    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    rule_set = load_rules([str(tmp_path / "r.yaml")])
    assert not rule_set.diagnostics
    article = parse_article("---\ndate: '2025-02-11 10:00:00'\n---\n那一年百果园门店量破1000家，并首次向资本市场伸出橄榄枝，"
                            "天图投资、广发信德等成为投资方，融资金额高达4亿元。\n", "a.md")
    claims = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))[0]
    assert [c.value.display() for c in claims] == (["4亿 CNY"] if read else [])


@pytest.mark.parametrize(("skip", "read"), [
    (None, ["16.75亿 CNY", "18.64亿 CNY"]),
    ("'分别为\\s*$'", ["18.64亿 CNY"]),    # anchored: only the value right after 分别为 is skipped
    ("'分别为'", []),                       # unanchored: the clause before holds it too
])
def test_a_skip_regex_anchored_with_dollar_ends_at_the_claim(tmp_path: Path, skip: str | None, read: list[str]) -> None:
    """A `skip` regex is searched up to the claim, so `$` means "right before it" (a new user's rule,
    written from docs/rules.md, that left 分别为 lists out)."""
    body = "kind: number\ndescription: d\nvalue: money\ncue: [营收, 营收分别为]\nwindow: 4\n" + (
        f"skip: {skip}\n" if skip else "")
    (tmp_path / "r.yaml").write_text(body, encoding="utf-8")
    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    rule_set = load_rules([str(tmp_path / "r.yaml")])
    assert not rule_set.diagnostics
    # constructed from the shape of an IPO filing sentence (颖通控股, 2025-02 news)
    article = parse_article("---\ndate: '2025-02-11 10:00:00'\n---\n营收分别为16.75亿元，全年营收18.64亿元。\n", "a.md")
    claims = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))[0]
    assert [c.value.display() for c in claims] == read


def test_states_that_follow_one_another_are_two_moments_as_documented(tmp_path: Path) -> None:
    """docs/rules.md, "States that follow one another": round 13's kudi sentences (/work/fresh13
    kudi-convenience-store 20250210A08626.zh-CN.md:38 and 20250213A08S69.zh-CN.md:30), written three days apart."""
    import json

    [(name, body)] = [b for b in documented("### States that follow one another") if b[0] == "store-format-status.yaml"]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "entities.yaml").write_text("entities:\n  cotti: {aliases: [库迪咖啡, 库迪]}\n", encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    sentences = [example.split("text: ", 1)[1] for example in body.splitlines() if "- text: " in example]
    for index, (day, sentence) in enumerate(zip(("2025-02-10 20:42:36", "2025-02-13 21:33:13"), sentences, strict=True)):
        (articles / f"{index}.md").write_text(f"---\ndate: \"{day}\"\n---\n{sentence}\n", encoding="utf-8")

    def kinds(rule_text: str) -> list[str]:
        (rules / name).write_text(rule_text, encoding="utf-8")
        done = run_main(str(articles), "--rules", str(rules), "--format", "json", "--no-cache")
        return [f["kind"] for f in json.loads(done.stdout)["findings"]]

    assert kinds(body) == ["context-differs"]
    assert kinds(body.replace("progression: true", "progression: false")) == ["disagreement"]


def _example_articles(body: str, folder: Path, date: str) -> Path:
    """One article per example text of a documented rule, the n-th published at `date` with n in its {}."""
    folder.mkdir()
    sentences = [example.split("text: ", 1)[1] for example in body.splitlines() if "- text: " in example]
    for index, sentence in enumerate(sentences):
        (folder / f"{index}.md").write_text(f"---\ndate: \"{date.format(index)}\"\n---\n{sentence}\n", encoding="utf-8")
    return folder


def test_events_in_sequence_are_compatible_states_as_documented(tmp_path: Path) -> None:
    """docs/rules.md, "States that follow one another": round 20's trina suit (NOTES_A note 5;
    /work/fresh20 trina-patent-suit, 第一财经 20250211A081CE.zh-CN.md:42 and qq 20250211A01PYY.zh-CN.md:30):
    a source telling the filing and one telling the acceptance agree under `compatible`."""
    import json

    [(name, body)] = [b for b in documented("### States that follow one another") if b[0] == "case-stage.yaml"]
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / name).write_text(body, encoding="utf-8")
    articles = _example_articles(body, tmp_path / "articles", "2025-02-11 0{}:00:00")
    done = run_main(str(articles), "--rules", str(rules), "--format", "json", "--no-cache")
    assert [(f["kind"], f["level"]) for f in json.loads(done.stdout)["findings"]] == [("agreement", "info")]


def test_an_occasion_is_a_status_compared_across_dated_and_undated_sources_as_documented(tmp_path: Path) -> None:
    """docs/rules.md, "An occasion, not a date": round 18 france-ai-investment (jinwucj 265735693.zh-CN.md:28,
    财联社 via qq 20250210A05HG6.zh-CN.md:28, mingpao 9337533e3867da975b1df00c0ce2b43e.zh-HK.md:28): mingpao's
    `在…高峰會上表示` names no day, so only a status rule of occasions sets it against the eve of the summit;
    without `day: false`, the days the others name keep it apart (context-differs)."""
    import json

    [(name, body)] = [b for b in documented("### An occasion, not a date") if b[0] == "announcement-occasion.yaml"]
    rules = tmp_path / "rules"
    rules.mkdir()
    articles = _example_articles(body, tmp_path / "articles", "2025-02-10 1{}:28:48")

    def found(rule_text: str) -> list[tuple[str, str]]:
        (rules / name).write_text(rule_text, encoding="utf-8")
        done = run_main(str(articles), "--rules", str(rules), "--format", "json", "--no-cache")
        return [(f["kind"], f["message"]) for f in json.loads(done.stdout)["findings"]]

    assert found(body) == [("disagreement", "sources disagree: eve-of-summit vs at-summit")]
    assert [kind for kind, _ in found(body.replace("day: false\n", ""))] == ["context-differs"]


START_HERE = "## Start here: a rule set in ten minutes"


def _start_here_findings(tmp_path: Path, rule: str, texts: tuple[str, ...], old: str, new: str) -> list[str]:
    """The kinds of the findings one rule of "Start here" (its line `old` written `new`), with the section's
    entities file, makes on one article per text."""
    blocks = dict(documented(START_HERE))
    assert old in blocks[rule], old
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "entities.yaml").write_text(blocks["entities.yaml"], encoding="utf-8")
    (tmp_path / "rules" / rule).write_text(blocks[rule].replace(old, new), encoding="utf-8")
    paths = []
    for index, text in enumerate(texts):
        path = tmp_path / f"{index}.md"
        path.write_text(f"---\ndate: '2025-02-12 1{index}:00:00'\n---\n{text}\n", encoding="utf-8")
        paths.append(str(path))
    done = run_main("--rules", str(tmp_path / "rules"), *paths, "--format", "json", "--no-cache", "--no-config",
                    "--min-level", "info")
    import json

    return [finding["kind"] for finding in json.loads(done.stdout)["findings"]]


@pytest.mark.parametrize(("qualifiers", "kinds"), [("qualifiers: []", ["disagreement"]),
                                                   ("", ["context-differs"])])
def test_a_move_reads_no_period_words_with_no_qualifiers(tmp_path: Path, qualifiers: str, kinds: list[str]) -> None:
    """docs/rules.md, "Start here": a move after results is no period's figure. With the built-in qualifiers
    read, 第一季度指引 makes the -8% a q1 guidance figure, and its clash with -10% only a difference of context."""
    assert _start_here_findings(tmp_path, "lyft-share-move.yaml",
                                ("受第一季度指引不及预期拖累，Lyft股价盘后下跌8%。", "Lyft股价盘后下跌10%。"),
                                "qualifiers: []", qualifiers) == kinds


@pytest.mark.parametrize(("require", "kinds"), [("require: [metric]", ["disagreement"]),
                                                ("require: [metric, basis]", ["incomplete"])])
def test_a_required_qualifier_leaves_out_the_claims_that_do_not_state_it(tmp_path: Path, require: str,
                                                                          kinds: list[str]) -> None:
    """docs/rules.md, "Start here": with `require: [basis]`, 核心CPI上涨0.4% is listed as incomplete and never
    compared (round 27, the US CPI story: two outlets of three wrote the core figure with no basis)."""
    assert _start_here_findings(tmp_path, "us-cpi.yaml", ("美国1月份核心CPI上涨0.4%。", "美国1月份核心CPI上涨0.5%。"),
                                "require: [metric]", require) == kinds


def _short_subject_rows() -> list[tuple[str, list[tuple[str, str]], str]]:
    """(case, [(title, text)], whose) of each row of the table that opens docs/rules.md "Subjects"."""
    section = DOCS.read_text(encoding="utf-8").split("### Subjects\n", 1)[1].split("```yaml", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[1].startswith(("`", "title `")):
            continue
        quoted = re.findall(r"`([^`]+)`", cells[1])
        texts = [(quoted[0], quoted[1])] if cells[1].startswith("title ") else [("", q) for q in quoted]
        whose = re.findall(r"`([^`]+)`", cells[2])[0]
        rows.append((cells[0], texts, whose))
    return rows


@pytest.mark.parametrize(("case", "texts", "whose"), _short_subject_rows(), ids=[r[0] for r in _short_subject_rows()])
def test_the_short_table_of_subjects_reads_as_documented(tmp_path: Path, case: str, texts: list[tuple[str, str]],
                                                         whose: str) -> None:
    """docs/rules.md, "Subjects", the table "In short": each row's example, read with the rule under it (its
    subjects widened to every entity, so the claim shows whose the value is; a rule without `subjects` for the
    last row). Sentences constructed in the wording of the OpenAI round's coverage (bulk, 2025-02)."""
    from factcheck.extract import extract, relevance
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    [(name, body)] = [b for b in documented("### Subjects") if b[0] == "openai-valuation.yaml"]
    no_subjects = "without `subjects`" in case
    body = body.replace("subjects: [openai]\n", "" if no_subjects else "subjects: [openai, softbank, altman]\n")
    (tmp_path / name).write_text(body, encoding="utf-8")
    rule_set = load_rules([str(tmp_path / name)])
    for title, text in texts:
        front = f'title: "{title}"\n' if title else ""
        article = parse_article(f'---\n{front}date: "2025-02-13 10:00:00"\n---\n{text}\n', "a.md",
                                relevant=relevance(rule_set.rules))
        claims, notes = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
        found = [c.subject or "subject: null" for c in claims]
        if whose == "unattributed":
            assert (found, [n.code for n in notes]) == ([], ["unattributed"]), text
        else:
            assert found == [whose], text
            assert ("subject from the title" in claims[0].note) == bool(title), text


@pytest.mark.parametrize(("qualifiers", "kind", "level"), [
    ("[measure]", "context-differs", "info"),  # as documented: conversions that differ by the rate, side by side
    ("[]", "disagreement", "error"),          # what `qualifiers: []` did to first users' conversions
])
def test_qualifiers_empty_compares_a_conversion_as_a_stated_amount(tmp_path: Path, qualifiers: str, kind: str,
                                                                    level: str) -> None:
    """docs/rules.md, "Questions first rule sets asked": `qualifiers: []` switches off `measure`, so a conversion
    is compared as a stated amount: two outlets' conversions at two rates (约合365亿元, 约合358.6亿元) clash, where
    `[measure]` keeps them `converted`, side by side. bulk/20250208A05FTP.zh-CN.md:34 (qq); the second article
    constructed at another day's rate, as in fixtures/conversions.yaml."""
    [(name, body)] = [b for b in documented("### Questions first rule sets asked") if b[0] == "honeywell-stake.yaml"]
    (tmp_path / "rules").mkdir()
    body = body.split("examples:", 1)[0]  # its example expects a `measure`, which `[]` does not read
    (tmp_path / "rules" / name).write_text(body.replace("qualifiers: [measure]", f"qualifiers: {qualifiers}"),
                                           encoding="utf-8")
    for file, published, text in [
            ("a.md", "2025-02-08 15:54:17", "去年11月，埃利奥特宣布已累计持有霍尼韦尔50亿美元（约合365亿元人民币）的股份，成为后者最大的活跃投资者。"),
            ("b.md", "2025-02-08 16:00:00", "去年11月，埃利奥特宣布已累计持有霍尼韦尔50亿美元（约合358.6亿元人民币）的股份。")]:
        (tmp_path / file).write_text(f'---\ndate: "{published}"\n---\n{text}\n', encoding="utf-8")
    _, report = run_json("--no-cache", "--min-level", "info", "--fail-on", "never", "--rules",
                         str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    found = {(f["kind"], f["level"]) for f in report["findings"]}
    assert (kind, level) in found
    assert kind == "disagreement" or not any(k == "disagreement" for k, _ in found)


@pytest.mark.parametrize(("cue", "failures"), [
    ("'估值'", []),  # as documented: a regex cue names no line item
    ("[估值]", ["example does not hold (\"OpenAI此轮集资的3000亿美元估值。\"): the text yields no claim: '3000亿 USD' was "
               "read, but its line item is fundraising, not one of the rule's `metric:` (valuation)"]),
])
def test_a_cue_word_that_is_a_line_item_sets_the_metric(tmp_path: Path, cue: str, failures: list[str]) -> None:
    """docs/rules.md, "Questions first rule sets asked": cue 估值 (a list) makes a valuation rule without
    `metric:`, so a value after 集资 is left out; the same cue as a regex implies no line item."""
    [(name, body)] = [b for b in documented("### Questions first rule sets asked") if b[0] == "openai-valuation-read.yaml"]
    (tmp_path / name).write_text(re.sub(r"(?m)^cue: .*$", f"cue: {cue}", body), encoding="utf-8")
    assert [d.message for d in check_examples(load_rules([str(tmp_path / name)]))] == failures


@pytest.mark.parametrize(("change", "finding"), [
    (None, ("agreement", "info")),                              # as documented: 董事长 is part of 董事长兼总裁
    ("level warning", ("agreement", "info")),                   # the level is for the rule's other states
    ("a state per post", ("agreement", "info")),                # 董事长兼总裁 reads chairman and president, one title
    ("a regex state", ("disagreement", "error")),               # states written as a regex are not compared so
    ("vice-chairman", ("disagreement", "error")),               # constructed: another state is still an error
    ("vice-chairman, a state per post", ("disagreement", "error")),
])
def test_a_shortened_title_as_documented(tmp_path: Path, change: str | None, finding: tuple[str, str]) -> None:
    """docs/rules.md, Recipes, "A shortened title": 董事长 (IPO参考 via qq, bulk/20250208A056GS.zh-CN.md:122) against
    董事长兼总裁 (中国经营报 via qq, bulk/20250213A06ZXO.zh-CN.md:32), each sentence shortened."""
    [(name, body)] = [b for b in documented("## Recipes") if b[0] == "dong-mingzhu-post.yaml"]
    body = body.split("examples:", 1)[0]
    if change == "a regex state":
        body = body.replace("chairman-president: [董事长兼总裁]", "chairman-president: '董事长兼总裁'")
    if change and "level warning" in change:
        body += "level: warning\n"
    if change and "a state per post" in change:
        body = re.sub(r"(?s)states:.*", "states:\n  chairman: [董事长]\n  president: [总裁]\n  vice-chairman: [副董事长]\n", body)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / name).write_text(body, encoding="utf-8")
    post = "副董事长" if change and "vice-chairman" in change else "董事长兼总裁"
    for file, published, text in [("a.md", "2025-02-08 15:24:09", "格力电器董事长董明珠曾在股东大会上公开指责奥克斯“天天挖人、挖专利”。"),
                                  ("b.md", "2025-02-13 17:59:10", f"此前，公司与格力电器{post}董明珠隔空对战引发广泛关注。")]:
        (tmp_path / file).write_text(f'---\ndate: "{published}"\n---\n{text}\n', encoding="utf-8")
    _, report = run_json("--no-cache", "--min-level", "info", "--fail-on", "never", "--rules",
                         str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert [(f["kind"], f["level"]) for f in report["findings"]] == [finding]


@pytest.mark.parametrize(("name", "finding"), [
    ("altman-spelling.yaml", ("context-differs", "info")),     # a foreign name: two renderings, no misspelling
    ("founder-spelling.yaml", ("disagreement", "error")),      # a Chinese name: one spelling is wrong
])
def test_how_each_source_spells_a_name_as_documented(tmp_path: Path, name: str, finding: tuple[str, str]) -> None:
    """docs/rules.md, Recipes, "How each source spells a name": the example sentences of each rule, the first from
    one article, the second from another (altman: bulk/20250214A06HV7.zh-CN.md:32, qq, and
    bulk/ad4ce76218ca65d7602d4c2aa0c760e4.zh-HK.md:30, Now財經, each shortened)."""
    [(_, body)] = [b for b in documented("## Recipes") if b[0] == name]
    texts = re.findall(r"(?m)^  - text: (.*)$", body)[:2]
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / name).write_text(body.split("examples:", 1)[0], encoding="utf-8")
    for file, text in zip(("a.md", "b.md"), texts):
        (tmp_path / file).write_text(f'---\ndate: "2025-02-13 10:00:00"\n---\n{text}\n', encoding="utf-8")
    _, report = run_json("--no-cache", "--min-level", "info", "--fail-on", "never", "--rules",
                         str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert [(f["kind"], f["level"]) for f in report["findings"]] == [finding]


@pytest.mark.parametrize(("states", "entity", "name"), [
    ({"a": ["赫格塞斯"], "b": ["海格塞斯"]}, ("Pete Hegseth", ["赫格塞斯", "海格塞斯", "Hegseth"]), "Pete Hegseth"),
    ({"a": ["奥特曼"], "b": ["阿爾特曼"]}, ("Sam Altman", ["奥特曼", "阿尔特曼"]), "Sam Altman"),  # either script
    ({"a": ["刘钜荣"], "b": ["刘巨荣"]}, ("刘钜荣", ["刘钜荣", "刘巨荣", "Liu Jurong"]), ""),  # a Chinese name
    ({"a": ["奥特曼"], "b": ["Altman"]}, ("Sam Altman", ["奥特曼", "Altman"]), ""),      # the original is no rendering
    ({"a": ["奥特曼"], "b": ["CEO"]}, ("Sam Altman", ["奥特曼"]), ""),                   # not all the name's
    ({"a": "奥特曼", "b": ["阿尔特曼"]}, ("Sam Altman", ["奥特曼", "阿尔特曼"]), ""),     # a regex state
])
def test_renderings_of_a_foreign_name(states: dict, entity: tuple[str, list[str]], name: str) -> None:
    """kinds/status.py transliterated_name: the spelling recipe's states, read as renderings of a foreign name only
    where the entity's name is in Latin letters and every state word a Chinese alias of it."""
    from factcheck.kinds.status import transliterated_name
    from factcheck.records import Entity

    assert transliterated_name(states, [Entity("x", entity[0], tuple(entity[1]))]) == name


@pytest.mark.parametrize(("change", "finding"), [
    (None, ("agreement", "info")),                              # as documented: a hedge and the statement agree
    ("level warning", ("disagreement", "warning")),             # round 33's rule: a level keeps the clash
])
def test_a_hedged_report_is_compatible_as_documented(tmp_path: Path, change: str | None, finding: tuple[str, str]) -> None:
    """docs/rules.md, "States that can both be true": 雷科技 via qq (bulk/20250210A086UH.zh-CN.md:28) and now.com
    (bulk/909c0e95b909a11490d8188fff6328db.zh-HK.md:34), the rule's example sentences, each shortened."""
    [(name, body)] = [b for b in documented("### States that can both be true") if b[0] == "deepseek-built-in.yaml"]
    texts = re.findall(r"(?m)^  - text: (.*)$", body)
    rule = body.split("examples:", 1)[0]
    if change == "level warning":
        rule = rule.split("compatible:", 1)[0] + "level: warning\n"
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / name).write_text(rule, encoding="utf-8")
    for file, text in zip(("a.md", "b.md"), texts):
        (tmp_path / file).write_text(f'---\ndate: "2025-02-10 10:00:00"\n---\n{text}\n', encoding="utf-8")
    _, report = run_json("--no-cache", "--min-level", "info", "--fail-on", "never", "--rules",
                         str(tmp_path / "rules"), str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert [(f["kind"], f["level"]) for f in report["findings"]] == [finding]


def test_the_documented_day_tells_a_figure_at_the_launch_from_the_final_one(tmp_path: Path) -> None:
    """docs/rules.md, "Questions first rule sets asked": round30 guming-hk-listing (truth G6: context), iyiou
    bulk/3c105b0260ccb654ca74ebd5c46963e9.zh-CN.md:37 (2月初…发行1.586亿股) and leinews bulk/29011.zh-CN.md:33
    (今日在港交所上市…此次发行1.82亿股): with the documented rule's `day: true` the two are shown side by side;
    without it they are one figure, an error."""
    [(_, body)] = [b for b in documented("## Start here: a rule set in ten minutes") if b[0] == "shares-offered.yaml"]
    rule = {k: v for k, v in yaml.safe_load(body).items() if k != "examples"}
    articles = [{"published": "2025-02-13 10:15:41",
                 "text": "2025年2月12日，古茗控股有限公司（以下简称“古茗”）在港交所上市，股票代码为“01364.HK”，发行价为9.94港元。"
                         "2月初，古茗已启动全球招股，发行1.586亿股，招股价区间8.68-9.94港元。"},
                {"published": "2025-02-12 10:17:58",
                 "text": "古茗控股有限公司（简称：“古茗控股”，股票代码：“01364”）今日在港交所上市，发行价为9.94港元。"
                         "古茗控股此次发行1.82亿股，募资18.13亿港元；扣除发行应付费用9300万港元，募资金额为17.21亿港元。"}]
    (tmp_path / "with").mkdir()
    found = findings_of_case({"rule": rule, "articles": articles}, tmp_path / "with")
    assert [(f.kind, f.level) for f in found] == [("context-differs", "info")]
    (tmp_path / "without").mkdir()
    found = findings_of_case({"rule": {k: v for k, v in rule.items() if k != "day"}, "articles": articles},
                             tmp_path / "without")
    assert [(f.kind, f.level) for f in found] == [("disagreement", "error")]

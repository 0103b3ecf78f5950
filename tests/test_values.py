"""Counts, points, multiples, shares, durations and currencies as newsrooms write
them, in both scripts, through `factcheck` with rules written from docs/rules.md
(issue 11). The sentences and their sources are in tests/fixtures/values/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, run_main

VALUES = FIXTURES / "values"
FORMS = yaml.safe_load((VALUES / "forms.yaml").read_text(encoding="utf-8"))
PAIRS = yaml.safe_load((VALUES / "pairs.yaml").read_text(encoding="utf-8"))
BOUNDS = yaml.safe_load((VALUES / "inclusive_bounds.yaml").read_text(encoding="utf-8"))


def _article(folder: Path, name: str, lang: str, text: str) -> str:
    path = folder / f"{name}.{lang}.md"
    path.write_text(f"---\ntitle: {name}\ndate: 2025-02-13 10:00:00\n---\n\n{text}\n", encoding="utf-8")
    return str(path)


def _check(folder: Path) -> dict:
    done = run_main(str(folder), "--rules", str(VALUES / "rules"), "--format", "json", "--no-cache")
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def forms_report(tmp_path_factory) -> tuple[dict, list[str]]:
    folder = tmp_path_factory.mktemp("forms")
    paths = [_article(folder, f"form{index:02d}", form["lang"], form["text"]) for index, form in enumerate(FORMS)]
    return _check(folder), paths


@pytest.mark.parametrize("index", range(len(FORMS)), ids=[f"{f['rule']}:{f['value']}" for f in FORMS])
def test_each_form_is_read_as_documented(forms_report, index: int) -> None:
    report, paths = forms_report
    form = FORMS[index]
    claims = [c for c in report["claims"] if c["article"] == paths[index] and c["rule"] == form["rule"]]
    assert form["value"] in [c["value"]["display"] for c in claims], (form["source"], claims)
    if "note" in form:
        [chosen] = [c for c in claims if c["value"]["display"] == form["value"]]
        assert form["note"] in chosen["note"]


def test_evidence_is_the_raw_sentence_even_with_format_characters(forms_report) -> None:
    report, paths = forms_report
    [claim] = [c for c in report["claims"] if c["article"] == paths[-1]]
    start, end = claim["span"]
    # load.py already turns U+200B into a space it drops; U+2060 reaches the rules and is stripped there
    assert claim["value"]["display"] == "23399 点" and claim["sentence"][start:end] == "23\u2060399點"


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p['rule']}:{p['kind']}" for p in PAIRS])
def test_two_sources_on_one_fact(tmp_path: Path, pair: dict) -> None:
    _article(tmp_path, "a", pair["a"]["lang"], pair["a"]["text"])
    _article(tmp_path, "b", pair["b"]["lang"], pair["b"]["text"])
    report = _check(tmp_path)
    kinds = {f["kind"] for f in report["findings"] if f["rule"] == pair["rule"]}
    assert kinds == {pair["kind"]}, (pair["source"], report["findings"])


DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
NEW_SECTIONS = ("## `count` rules", "## `duration` rules", "## `derived` rules", "## Shares in words")


def _documented_rules() -> list[tuple[str, str]]:
    """(file name, YAML) of each rule example in the sections issue 11 added to docs/rules.md."""
    text = DOCS.read_text(encoding="utf-8")
    found = []
    for heading in NEW_SECTIONS:
        section = text.split(heading, 1)[1].split("\n## ", 1)[0]
        for block in section.split("```yaml\n")[1:]:
            body = block.split("```", 1)[0]
            name = body.splitlines()[0].removeprefix("# rules/").strip()
            found.append((name, body))
    return found


def test_the_documented_rules_hold_their_examples(tmp_path: Path) -> None:
    documented = _documented_rules()
    # the examples this test runs, by name: a section losing one fails here, a new one is run too
    assert {"staff-cuts.yaml", "index-close.yaml", "usd-cny-fixing.yaml", "box-office.yaml", "time-to-build.yaml",
            "strike-length.yaml", "previous-close.yaml", "share-of-buyers.yaml", "oil-demand-growth.yaml",
            "overnight-hibor.yaml", "time-taken.yaml", "post-live-time.yaml"} <= {name for name, _ in documented}
    for name, body in documented:
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "entities.yaml").write_text(
        "kind: entities\nentities:\n  - {id: alibaba, name: 阿里巴巴, aliases: [阿里巴巴]}\n"
        "  - {id: commerzbank, name: 德国商业银行, aliases: [德国商业银行, 德國商業銀行, Commerzbank]}\n"
        "  - {id: nezha2, name: 哪吒2, aliases: [哪吒2, 哪吒之魔童闹海, 哪吒之魔童鬧海]}\n", encoding="utf-8")
    done = run_main("rules", "check", "--rules", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 failing" in done.stdout + done.stderr


def test_the_seeds_two_implied_previous_closes_agree() -> None:
    """报117.6港元，涨3.34% and 收盘价116.7港元……涨2.55% both imply ≈113.8 HKD (examples/seeds-derived)."""
    root = Path(__file__).resolve().parent.parent
    done = run_main("seeds", "--rules", str(root / "examples" / "seeds-derived"), "--format", "json", "--no-cache")
    report = json.loads(done.stdout)
    [finding] = [f for f in report["findings"] if f["rule"] == "previous-close" and f["subject"] == "alibaba"
                 and {c["value"]["unit"] for c in f["claims"]} == {"HKD"}]
    assert finding["kind"] == "agreement"
    notes = sorted(c["note"] for c in finding["claims"])
    assert notes == ["derived: 116.7 HKD ÷ (1 + 2.55%) = ≈113.8 HKD", "derived: 117.6 HKD/股 ÷ (1 + 3.34%) = ≈113.8 HKD/股"]


def test_normalize_shows_how_each_new_form_is_read() -> None:
    done = run_main("normalize", "裁減近一半員工，用時不足三個月，歷時兩個半月，逾千名員工，收報22,000點",
                    "--rules", str(VALUES / "rules"), "--format", "json")
    shown = {(s["kind"], s["text"], s["value"]["display"]) for s in json.loads(done.stdout)}
    assert {("quantity", "近一半", "≈<50%"), ("duration", "不足三個月", "<3个月"), ("duration", "兩個半月", "2.5个月"),
            ("count", "逾千名", ">1000 名"), ("count", "22,000點", "22000 点")} <= shown


@pytest.mark.parametrize(("relation", "part", "change", "shown", "formula"), [
    # catl: 2024 revenue guidance 3560亿元, down 11.2%, against 2023's 4009亿元 (truth F3.7)
    ("prior-period", "3560亿元", "-11.2%", "≈4009亿 CNY", "3560亿 CNY ÷ (1 + -11.2%) = ≈4009亿 CNY"),
    # a part and its share: 46.4亿元 is 17.9% of the total
    ("total", "46.4亿元", "17.9%", "≈259亿 CNY", None),
])
def test_derived_relations(relation: str, part: str, change: str, shown: str, formula: str | None) -> None:
    from factcheck.kinds.derived import derive
    from factcheck.normalize.quantities import find_quantities

    value = derive(relation, find_quantities(part)[0].quantity, find_quantities(change)[0].quantity)  # type: ignore[arg-type]
    assert value is not None and value.display() == shown
    assert value.low is not None and value.high is not None and value.low < value.value < value.high
    if formula:
        assert value.formula == formula


def test_a_bare_yuan_takes_the_outlets_file_locale_when_the_front_matter_has_none(tmp_path: Path) -> None:
    # bulk/0e5128dd9423b8a681d8f9e62a38cedd.zh-HK.md:32, filed without lang and without the suffix
    (tmp_path / "hk.md").write_text("---\ntitle: t\ndate: 2025-02-13 10:00:00\ncategories:\n  - \"mingpao\"\n---\n\n"
                                    "裕元工業今日收市報16.12元，升0.5%。\n", encoding="utf-8")
    (tmp_path / "cn.md").write_text("---\ntitle: t\ndate: 2025-02-13 10:00:00\n---\n\n裕元工业今日收市报16.12元。\n",
                                    encoding="utf-8")
    claims = {c["article"].rsplit("/", 1)[1]: c for c in _check(tmp_path)["claims"] if c["rule"] == "price"}
    assert claims["hk.md"]["value"]["display"] == "16.12 HKD" and "outlets file" in claims["hk.md"]["note"]
    assert claims["cn.md"]["value"]["display"] == "16.12 CNY" and claims["cn.md"]["note"] == ""


def test_a_locale_written_with_an_underscore_is_the_same_locale(tmp_path: Path) -> None:
    """`lang: zh_HK` (the POSIX spelling) is zh-HK, as a file name's `.zh_HK.md` suffix and
    `normalize --locale zh_HK` already read it: its bare 元 is HKD, not renminbi."""
    # bulk/0e5128dd9423b8a681d8f9e62a38cedd.zh-HK.md:32 (mingpao), its locale written the POSIX way
    (tmp_path / "hk.md").write_text("---\ntitle: t\ndate: 2025-02-13 10:00:00\nlang: zh_HK\n---\n\n"
                                    "裕元工業今日收市報16.12元，升0.5%。\n", encoding="utf-8")
    [price] = [c for c in _check(tmp_path)["claims"] if c["rule"] == "price"]
    assert price["value"]["display"] == "16.12 HKD" and "zh_HK" in price["note"]


@pytest.mark.parametrize(("text", "days"), [
    ("揚言「暫停載客」至少5日", "≥5天"),  # bulk/045dbef30ea1ea674de9f3821ae3056b.zh-HK.md:30: no "at least the 5th"
    ("部分的士業團體掦言將發起罷駛5日。", "5天"),  # bulk/c9f04a6ecc8858f729ebd96bee051363.zh-HK.md:71: after the verb
    ("日本股市連升3日，重返39000點關口。", "3天"),  # bulk/0207bf0d11a4d48d1ea0696ee658fe70.zh-HK.md:30
    ("業界將落實不少於5日罷駛行動。", "≥5天"),  # bulk/35d85c7a3bd33c0d19bfa71d984836e0.zh-HK.md:32: 不少於 includes 5
    ("将于10日至14日关闭", None),  # bulk/776935008.zh-CN.md:30: a span of dates, not days
    ("其後延長30日限期", "30天"),  # bulk/5c6009b26aa123bf0bb6a781f5f8811f.zh-HK.md:30
    ("原定2月4日生效", None),  # same line: a date, never four days
    # a rank is no span: the sixtieth day, the second year, the first month, the first week, day one
    ("在培养到第60天时，研究人员发现胰岛", None),  # bulk/0cc8e28b915bf50b8f6b976731312c81.zh-CN.md:48
    ("丁冲从互联网运营转岗到大模型训练工作的第二年。", None),  # bulk/20250210A00QRU.zh-CN.md:44
    ("全球实物黄金ETF在今年的第一个月实现资金净流入", None),  # bulk/162355.zh-CN.md:187 (2025年 left out)
    ("节后第一周股市走强后，债市利率", None),  # bulk/20250210A04YAZ.zh-CN.md:34
    ("特朗普上任第 1 天就签署命令", None),  # bulk/832419.zh-CN.md:60 (第一天; a space as some outlets write figures)
    ("中国央行在1月份连续第三个月增加黄金储备。", "3个月"),  # bulk/162580.zh-CN.md:76: 连续第 is a streak's length
])
def test_a_day_count_written_with_日_is_told_from_a_date_or_a_rank(text: str, days: str | None) -> None:
    from factcheck.kinds.duration import DURATION, names_no_span, read_duration
    from factcheck.normalize.variants import fold

    match = DURATION.search(fold(text))  # as sentences are read: 不少於 is 不少于
    assert match is not None
    duration = read_duration(match)
    if days is None:
        assert names_no_span(match) and duration is None
    else:
        assert not names_no_span(match) and duration is not None and duration.display() == days


@pytest.mark.parametrize("case", BOUNDS, ids=[c["raw"] for c in BOUNDS])
def test_an_inclusive_bound_word_is_shown_with_its_sign_in_either_script(case: dict) -> None:
    """zh.yaml inclusive_bounds is the one list: the sign a value is shown with, and the at-most note."""
    from factcheck.normalize.spans import convention
    from factcheck.values import bound_mark

    assert case["raw"] in case["text"], case["source"]
    assert bound_mark(case["above"], case["raw"]) == case["mark"], case["source"]
    note = convention("quantity", case["raw"], {"approx": "over" if case["above"] else "under"})
    assert note.startswith("至多/最多/最高 N: at most N") is case["at_most"], (note, case["source"])

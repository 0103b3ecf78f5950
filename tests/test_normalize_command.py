"""`factcheck normalize`: what a sentence's spans normalize to, for rule writers."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import run_main


def test_normalize_shows_every_span_with_its_value() -> None:
    done = run_main("normalize", "2月13日，阿里巴巴港股股价继前一日受此市场消息刺激上涨8.48%后，持续收涨2.55%，收盘价116.7港元。",
                    "--anchor", "2025-02-13 23:39", "--format", "json")
    assert done.returncode == 0
    spans = [(s["kind"], s["text"], s["value"]["display"]) for s in json.loads(done.stdout)]
    assert spans == [("date", "2月13日", "2025-02-13"), ("entity", "阿里巴巴", "alibaba (阿里巴巴)"),
                     ("date", "前一日", "2025-02-12"), ("quantity", "8.48%", "8.48%"),
                     ("quantity", "2.55%", "2.55%"), ("quantity", "116.7港元", "116.7 HKD")]


def test_normalize_a_number_and_the_text_layout() -> None:
    done = run_main("normalize", "八点八", "--kind", "number")
    assert (done.returncode, done.stdout) == (0, "  0-3   number   八点八  →  8.8  step=0.1\n")
    nothing = run_main("normalize", "统一零售价", "--kind", "quantity")
    assert nothing.stdout == "nothing found\n"


def test_normalize_rejects_a_bad_anchor_in_one_line() -> None:
    done = run_main("normalize", "本周二", "--anchor", "tuesday")
    assert done.returncode == 2 and done.stderr == ("factcheck: error: --anchor: 'tuesday' is not a date and time "
                                                    "(e.g. 2025-02-13 23:39)\n")


def test_every_subcommand_prints_its_help() -> None:
    for argv in (("--help",), ("rules", "--help"), ("config", "--help"), ("normalize", "--help")):
        done = run_main(*argv)
        assert (done.returncode, done.stderr) == (0, ""), argv
        assert done.stdout.startswith("usage: factcheck"), argv


def test_normalize_reads_a_leading_minus_as_text() -> None:
    done = run_main("normalize", "-10.1万", "--kind", "number")
    assert (done.returncode, done.stdout) == (0, "  0-6   number   -10.1万  →  -101000  step=1000\n")
    after_dashes = run_main("normalize", "--kind", "quantity", "--", "-3%")
    assert after_dashes.stdout.split("→")[1].split()[0] == "-3%"


def test_normalize_stdin_writes_one_json_object_per_line() -> None:
    done = subprocess.run([sys.executable, "-m", "factcheck", "normalize", "--stdin", "--anchor", "2025-02-13",
                           "--kind", "quantity"], check=False, input="收涨2.55%\n没有数字\n", capture_output=True, text=True,
                          encoding="utf-8", timeout=120)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(line["text"], [s["value"]["display"] for s in line["spans"]]) for line in lines] == [
        ("收涨2.55%", ["2.55%"]), ("没有数字", [])]


def test_normalize_wants_text_or_stdin() -> None:
    done = run_main("normalize")
    assert done.returncode == 2 and "give TEXT or --stdin" in done.stderr


def test_the_docs_example_is_the_real_output() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "normalize.md").read_text(encoding="utf-8")
    block = docs.split("<!-- normalize-example:start -->\n```text\n")[1].split("```\n<!-- normalize-example:end -->")[0]
    done = run_main("normalize", "近三年营收增长约5个百分点，周五发布，2月12日公布", "--anchor", "2025-02-13 10:00")
    assert (done.returncode, done.stdout) == (0, block)


def test_normalize_names_the_convention_of_the_new_forms() -> None:
    """兆, a bare 仙, a slash date and 季度末 each show the reading they rest on (issue 11/12)."""
    done = run_main("normalize", "1兆2345億日元，末期息每股派30仙，截至2/11，一季度末",
                    "--anchor", "2025-02-13 10:00", "--format", "json")
    assert done.returncode == 0
    spans = [(s["text"], s["value"]["display"], s.get("convention", "")[:8]) for s in json.loads(done.stdout)]
    assert spans == [("1兆2345億日元", "1.2345万亿 JPY", "兆 is 10^"), ("30仙", "0.3 HKD", "a bare 仙"),
                     ("2/11", "2025-02-11", "month/da"), ("一季度末", "2025-03", "季度末: the")]


def test_the_docs_new_user_example_is_the_real_output() -> None:
    """Full-width thousands, 兩成七, an at-most bound, 上月, the high reached and 此前一个月 (unread)."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "normalize.md").read_text(encoding="utf-8")
    block = docs.split("<!-- normalize-newuser:start -->\n```text\n")[1].split("```\n<!-- normalize-newuser:end -->")[0]
    done = run_main("normalize", "营收46，500万元，占兩成七，裁员上限为20%，上月股价曾升最多5%，此前一个月",
                    "--anchor", "2025-02-13 10:00")
    assert (done.returncode, done.stdout) == (0, block)
    assert "46，500万元  →  4.65亿 CNY" in block and "兩成七  →  27%" in block and "此前" not in block.split("→")[-1]


def test_the_docs_lang_example_is_the_real_output() -> None:
    """Round 34 (issue 10 #3): hkej's 112.8元, a Hong Kong price, showed as CNY; `--locale zh-HK` reads a bare 元
    as a zh-HK article does (HKD, a guess), and without it the reading says it is renminbi only by default."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "normalize.md").read_text(encoding="utf-8")
    block = docs.split("<!-- normalize-lang:start -->\n```text\n")[1].split("```\n<!-- normalize-lang:end -->")[0]
    text = "至於阿里升幅擴大，現急升7.5%，造112.8元，成交有74億元。"
    done = run_main("normalize", text, "--kind", "quantity", "--locale", "zh-HK")
    assert (done.returncode, done.stdout) == (0, block)
    plain = run_main("normalize", text, "--kind", "quantity", "--format", "json")
    [price] = [s for s in json.loads(plain.stdout) if s["text"] == "112.8元"]
    assert price["value"]["unit"] == "CNY" and "--locale zh-HK" in price["convention"]
    named = run_main("normalize", "人民币5元，5元人民币，5港元", "--kind", "quantity", "--locale", "zh-HK", "--format", "json")
    assert [s["value"]["unit"] for s in json.loads(named.stdout)] == ["CNY", "CNY", "HKD"]
    refused = run_main("normalize", text, "--locale", "en")
    assert refused.returncode == 2 and refused.stderr.rstrip().endswith(
        "use one of zh-CN, zh-Hans, zh-HK, zh-MO, zh-SG, zh-TW"), refused.stderr  # as `lang:` writes them


def test_normalize_shows_counts_and_entities_of_the_new_user_report(tmp_path) -> None:
    """2億1千萬股 and 9，000人 whole as counts, Gucci before a digit as an entity (new-user report, 2025-02 news)."""
    (tmp_path / "entities.yaml").write_text(
        "kind: entities\ndescription: e\nentities:\n  - {id: gucci, name: Gucci, aliases: [Gucci]}\n", encoding="utf-8")
    (tmp_path / "staff.yaml").write_text(
        "kind: count\ndescription: c\nsubjects: [gucci]\nunits: [人, 股]\ncue: [员工]\n", encoding="utf-8")
    done = run_main("normalize", "主力品牌Gucci2024年回购2億1千萬股，员工多达9，000人", "--rules", str(tmp_path),
                    "--anchor", "2025-02-13 10:00", "--format", "json")
    assert done.returncode == 0, done.stderr
    spans = [(s["kind"], s["text"], s["value"]["display"]) for s in json.loads(done.stdout)]
    assert spans == [("entity", "Gucci", "gucci (Gucci)"), ("date", "2024年", "2024"),
                     ("count", "2億1千萬股", "2.1亿 股"), ("count", "多达9，000人", "9000 人")]


def test_the_docs_counts_example_is_the_real_output() -> None:
    """Counts before a measure word, a number with a Latin scale and a figure two rules read differently,
    each once (round 13's notes: 300M参数 and 两个 said "nothing found", 400美分 read two ways)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    docs = (root / "docs" / "normalize.md").read_text(encoding="utf-8")
    block = docs.split("<!-- normalize-counts:start -->\n```text\n")[1].split("```\n<!-- normalize-counts:end -->")[0]
    done = run_main("normalize", "豆包团队构建了两个实验环境，仅有300M 参数；库迪全球门店数达到10045家，咖啡期货价格突破每磅400美分大关",
                    "--anchor", "2025-02-13 10:00", "--rules", str(root / "tests" / "fixtures" / "normalize" / "count_units"))
    assert (done.returncode, done.stdout) == (0, block)
    figures = [line.split("→")[0].split()[-1] for line in block.splitlines() if "→" in line]
    assert figures == ["两个", "300M", "10045家", "突破每磅400美分"]  # one line a figure


ENGLISH_EXAMPLE = ("Reddit, which went public in March 2024, fell 13% Wednesday; net sales between $5.6 billion and "
                   "$5.7 billion, EPS of $0.58 to $0.60, more than 5% since mid-2023")


def test_the_docs_english_example_is_the_real_output() -> None:
    """English dates, ranges and bounds read as their Chinese forms (round 14's English notes)."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "normalize.md").read_text(encoding="utf-8")
    block = docs.split("<!-- normalize-english:start -->\n```text\n")[1].split("```\n<!-- normalize-english:end -->")[0]
    done = run_main("normalize", ENGLISH_EXAMPLE, "--anchor", "2025-02-13 10:00")
    assert (done.returncode, done.stdout) == (0, block)
    assert "Wednesday  →  2025-02-12" in block and "56亿–57亿 USD" in block and "March 2024  →  2024-03" in block


def test_last_year_is_the_anchors_last_year_and_the_default_anchor_is_named() -> None:
    """Round 16 user A: without --anchor, 上年 read as "2025" looked like the anchor's own year; it is
    the year before now. The anchor taken heads the result on stdout (round 31: on stderr it came out among
    other calls' results when chained), nothing names it when --anchor is given, and 上年's convention
    says what it is."""
    done = run_main("normalize", "上年营收增长5%", "--anchor", "2025-02-11 10:00")
    assert "上年  →  2024" in done.stdout
    assert "the calendar year before the anchor's" in done.stdout
    assert done.stderr == "" and "anchor:" not in done.stdout
    now = run_main("normalize", "上年营收增长5%")
    assert now.stdout.startswith("anchor: ") and "(now; pass --anchor" in now.stdout.splitlines()[0]
    assert "anchor" not in now.stderr
    assert "上年  →  " in now.stdout.splitlines()[1]


def test_normalize_without_rules_says_how_to_see_a_count_rules_units(tmp_path) -> None:
    """Round 18, user B #15: `1千兆瓦` (mingpao, fresh18 france-ai-investment
    9337533e3867da975b1df00c0ce2b43e.zh-HK.md) said "nothing found" with no rules loaded, though a
    count rule with `units: [吉瓦, 千兆瓦]` reads it: the command now says how to see it."""
    text = "為1千兆瓦數據中心"
    bare = run_main("normalize", text, "--anchor", "2025-02-10 10:00", cwd=tmp_path)  # no ./rules here
    assert bare.stdout == "nothing found\n"
    assert "rules: none loaded; pass --rules PATH to see the units your count rules declare" in bare.stderr
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "size.yaml").write_text(
        "kind: count\ndescription: c\nunits: [吉瓦, GW, 千兆瓦]\ncue: [数据中心]\n", encoding="utf-8")
    ruled = run_main("normalize", text, "--anchor", "2025-02-10 10:00", "--rules", "rules", cwd=tmp_path)
    assert "1千兆瓦  →  1 千兆瓦" in ruled.stdout and "none loaded" not in ruled.stderr


def test_normalize_in_a_folder_whose_rules_folder_is_empty_says_no_error(tmp_path) -> None:
    """Round 20 (NOTES_A 11, NOTES_B setup): run from a story folder whose ./rules holds no rule yet, the
    default ./rules is no failure of the command: only the informational `rules: none loaded` line."""
    (tmp_path / "rules").mkdir()
    done = run_main("normalize", "小米市值破万亿", "--anchor", "2025-02-13 10:00", cwd=tmp_path)
    assert done.returncode == 0
    assert "error" not in done.stderr and "rules: none loaded" in done.stderr
    given = run_main("normalize", "小米市值破万亿", "--anchor", "2025-02-13 10:00", "--rules", "rules", cwd=tmp_path)
    assert "no rule files" in given.stderr  # named on the command line, the empty folder is still said


def test_normalize_with_a_folder_of_number_rules_says_they_loaded(tmp_path) -> None:
    """Round 32 (user32 NOTES): `normalize --rules <dir>` with a folder holding one number rule (the CPI
    recipe's shape, for PPI) said "rules: none loaded"; the rule loaded, it only declares nothing normalize
    reads (count units, entities), and the line now says so."""
    (tmp_path / "ppi.yaml").write_text(
        "kind: number\ndescription: PPI\nvalue: percent\ncue: [PPI]\n", encoding="utf-8")
    done = run_main("normalize", "美国1月PPI环比上涨0.4%", "--anchor", "2025-02-13 21:34", "--rules", str(tmp_path))
    assert "0.4%" in done.stdout and "none loaded" not in done.stderr
    assert "rules: 1 loaded, with no count units and no entities" in done.stderr


def test_normalize_with_an_entities_file_alone_says_no_error(tmp_path) -> None:
    """Round 37 (user37 NOTES 8): docs/rules.md's "Start here" writes the entities file first; `normalize --rules`
    on that folder read its names and printed `error: no rules to apply` once per call."""
    (tmp_path / "entities.yaml").write_text(
        "kind: entities\ndescription: the story's names\nentities:\n  - {id: honeywell, name: 霍尼韦尔}\n", encoding="utf-8")
    done = run_main("normalize", "霍尼韦尔股价下跌5%", "--anchor", "2025-02-08 10:00", "--rules", str(tmp_path))
    assert done.returncode == 0 and "id=honeywell" in done.stdout
    assert "error" not in done.stderr

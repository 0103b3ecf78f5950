"""Outlets behind aggregator labels, read from bylines (tests/fixtures/bylines.yaml: real lines of the bulk corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES

from factcheck.outlets import _default, _required, find_outlet, has_outlet, load_outlet_config

BYLINES = yaml.safe_load((FIXTURES / "bylines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", BYLINES, ids=[f"{c['label']}: {c['line'][:20]}" for c in BYLINES])
def test_byline_names_the_outlet(case: dict) -> None:
    body = ["一段与署名无关的正文。", case["line"], *([] if case.get("last") else ["另一段正文。"])]  # last: it ends the body
    assert find_outlet(case["label"], body) == case["outlet"], case["source"]


def test_an_article_with_only_an_aggregator_label_or_its_file_name_has_no_outlet() -> None:
    assert not has_outlet("qq", "qq", "a.md")
    assert not has_outlet("", "a.md", "a.md")
    assert has_outlet("qq", "财联社", "a.md") and has_outlet("wallstreetcn", "wallstreetcn", "a.md")


def test_a_json_report_written_to_a_file_names_on_stderr_the_articles_naming_no_outlet(tmp_path) -> None:
    from conftest import run_cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("---\ncategories: [qq]\n---\n苹果选择了阿里巴巴。\n", encoding="utf-8")
    done = run_cli(str(folder), "--no-cache", "--format", "json", "-o", str(tmp_path / "out.json"))
    assert done.returncode == 0, done.stderr  # the summary reads the list the JSON report streamed
    assert f"They are (with the name shown for them): {folder / 'a.md'} (qq)." in done.stderr


def test_the_report_counts_articles_that_name_no_outlet(tmp_path) -> None:
    from conftest import run_cli, run_json

    (tmp_path / "a.md").write_text("---\ncategories: [qq]\n---\n苹果选择了阿里巴巴。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ncategories: [qq]\n---\n北京商报讯（记者 李海媛）苹果选择了阿里巴巴。\n",
                                   encoding="utf-8")
    _, data = run_json(str(tmp_path), "--no-cache")
    assert data["summary"]["articles_without_outlet"] == 1
    # which one (round 10: both users could not tell; every article of the report showed a name)
    assert data["summary"]["articles_without_outlet_list"] == [{"article": str(tmp_path / "a.md"), "shown_as": "qq"}]
    assert (f"1 of 2 articles name no outlet (no byline found behind an aggregator's label, or no label at all). "
            f"They are (with the name shown for them): {tmp_path / 'a.md'} (qq). Each still counts as a source "
            f"of its own; if it names its writer in a way factcheck does not know, add a pattern in a file given "
            f"to --outlets (docs/outlets.md).") in run_cli(
        str(tmp_path), "--no-cache").stdout


@pytest.mark.parametrize(("pattern", "words"), [
    ("(?m)对《(?P<outlet>[^》]{2,12})》记者", (("对《",), ("》记者",))),
    ("(?m)(?P<o>[网社])(?:记者)?获悉", (("网", "社"), ("获悉",))),
    ("ab|cd", (("ab", "cd"),)), ("(?i)获悉", ()), ("a?bc", (("bc",),)), ("a{2}b", (("b",),)), ("(?i:x)yz", (("yz",),)),
    # alternatives that must match: 财联社2月10日电 (bulk/20250210A090N7.zh-CN.md:28), 编辑：李小葵 (bulk/20250208A03O6H.zh-CN.md:126)
    ("(?m)日\\s?(?:电|讯|消息)", (("日",), ("电", "讯", "消息"))), ("(?:编辑|編輯)[：:]", (("编辑", "編輯"), ("：", ":"))),
    # what may be left out, or is not plain, requires nothing: (?:的)?, [^》], (?i:…), \\d, a range
    ("(?:的)?记者", (("记者",),)), ("[^》]x", (("x",),)), ("(?i:ab|cd)e", (("e",),)), ("[\\d一]年", (("年",),)),
    ("[a-c]年", (("年",),)), ("(?:a|b+)c", (("c",),))])
def test_a_pattern_requires_only_the_words_every_match_holds(pattern: str, words: tuple[tuple[str, ...], ...]) -> None:
    assert _required(pattern) == words


def test_every_byline_a_shipped_pattern_matches_holds_that_patterns_required_words() -> None:
    matched = 0
    for case in BYLINES:
        for pattern in _default().patterns:
            match = re.search(pattern, case["line"])
            if match:
                matched += 1
                assert all(any(word in match.group(0) for word in choice) for choice in _required(pattern)), \
                    (pattern, case["source"])
    assert matched >= len([c for c in BYLINES if c["outlet"]])


FIRST_LINES = yaml.safe_load((FIXTURES / "first_lines.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", FIRST_LINES, ids=[f"{c['label']}: {c['line'][:12]}" for c in FIRST_LINES])
def test_the_first_line_of_the_body_names_the_outlet_whatever_the_label(case: dict) -> None:
    """Round 13: 品玩2月10日讯 was shown as pingwest_status and two 经观消费 articles as two `qq` sources."""
    body = ["", case["line"], "正文第二段。"]
    if case.get("later"):
        body = ["正文第一段，没有署名。", case["line"]]
    found = find_outlet(case["label"], body) or case["label"]
    assert found == case["outlet"], case["source"]


def test_an_outlets_file_without_first_line_patterns_keeps_the_label() -> None:
    import dataclasses

    assert find_outlet("pingwest_status", [FIRST_LINES[0]["line"]],
                       dataclasses.replace(_default(), first_line=())) == "pingwest_status"


def test_factcheck_outlets_prints_the_shipped_file_to_start_a_copy_from(tmp_path: Path) -> None:
    """docs/outlets.md: `--outlets FILE` replaces the shipped file, so `factcheck outlets` prints it (NOTES_C
    round 20, 7): the copy with one pattern added reads like the shipped file plus that pattern."""
    from conftest import run_cli

    done = run_cli("outlets")
    assert done.returncode == 0
    assert done.stdout == (Path(__file__).parent.parent / "factcheck" / "data" / "outlets.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "my-outlets.yaml"
    copy.write_text(done.stdout, encoding="utf-8")
    config = load_outlet_config(str(copy))
    assert config == _default()

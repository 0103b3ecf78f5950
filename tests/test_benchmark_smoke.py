"""The benchmark's pure helpers (benchmarks/run.py, benchmarks/floor.py); nothing here is timed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


run = _load("run")
floor = _load("floor")
thresholds = _load("thresholds")

ARTICLE = """---
title: "标题"
date: "{day} 18:15:26"
categories:
  - "c114"
---
正文第一句。
date: 2025-01-01 stays: it is in the body.
"""


def test_shift_moves_only_the_front_matter_date() -> None:
    text = ARTICLE.format(day="2025-02-27")
    shifted, ok = run.shift_publish_date(text, 3)
    assert ok
    assert 'date: "2025-03-02 18:15:26"' in shifted  # across the month end, time and quotes kept
    assert "date: 2025-01-01 stays" in shifted
    assert shifted.replace("2025-03-02", "2025-02-27") == text  # nothing else changed


def test_shift_keeps_crlf_and_bom_and_unquoted_iso() -> None:
    text = "\ufeff---\r\ntitle: x\r\ndate: 2024-12-31T23:00:00+08:00\r\n---\r\nbody\r\n"
    shifted, ok = run.shift_publish_date(text, 1)
    assert ok and shifted == text.replace("2024-12-31", "2025-01-01")


@pytest.mark.parametrize("text", [
    "no front matter\ndate: 2025-02-11\n",
    "---\ntitle: no date\n---\nbody\n",
    "---\ndate: 2025-02-30 10:00:00\n---\n",  # not a real day: left alone
    "---\ndate: 2025-02-11\nnever closed\n",
])
def test_shift_leaves_files_without_a_usable_date(text: str) -> None:
    assert run.shift_publish_date(text, 5) == (text, False)


def test_replicate_writes_n_distinct_articles_with_dates_shifted_per_copy(tmp_path: Path) -> None:
    source = tmp_path / "src"
    (source / "sub").mkdir(parents=True)
    (source / "a.md").write_text(ARTICLE.format(day="2025-02-10"), encoding="utf-8")
    (source / "sub" / "b.zh-CN.md").write_text(ARTICLE.format(day="2025-02-20"), encoding="utf-8")
    (source / "c.txt").write_bytes(b"plain text, no front matter\n\xe4\xb8\xad\n")
    (source / "ignored.json").write_text("{}", encoding="utf-8")

    dest = tmp_path / "out"
    replica = run.replicate(source, dest, 7)

    files = sorted(p for p in dest.rglob("*") if p.is_file())
    assert replica.files == len(files) == 7
    assert replica.copies == 3
    assert replica.unshifted == 1  # c.txt of copy 1 has no date to shift (copy 0 needs no shift)
    assert replica.bytes == sum(p.stat().st_size for p in files)
    # factcheck's order is a.md, c.txt, sub/b.zh-CN.md: the partial third copy holds only a.md
    assert sorted(p.relative_to(dest).as_posix() for p in files) == [
        "copy000/a.md", "copy000/c.txt", "copy000/sub/b.zh-CN.md",
        "copy001/a.md", "copy001/c.txt", "copy001/sub/b.zh-CN.md",
        "copy002/a.md",
    ]
    for copy, day in ((0, "2025-02-10"), (1, "2025-02-11"), (2, "2025-02-12")):
        assert f'date: "{day} 18:15:26"' in (dest / f"copy{copy:03d}" / "a.md").read_text(encoding="utf-8")
    assert 'date: "2025-02-21 18:15:26"' in (dest / "copy001" / "sub" / "b.zh-CN.md").read_text(encoding="utf-8")
    dated = [p.read_bytes() for p in files if p.suffix == ".md"]
    assert len(set(dated)) == len(dated) == 5  # every dated copy is a different article
    assert (dest / "copy001" / "c.txt").read_bytes() == (source / "c.txt").read_bytes()
    assert floor.floor([str(dest)])["files"] == 7


def test_floor_reads_files_and_parses_front_matter_as_factcheck_finds_them(tmp_path: Path) -> None:
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "a.md").write_text(ARTICLE.format(day="2025-02-10"), encoding="utf-8")
    (tmp_path / "b.markdown").write_bytes(b"---\r\ntitle: crlf\r\n...\r\nbody\r\n")
    (tmp_path / "c.txt").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (tmp_path / "d.html").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    assert [p.name for p in floor.article_files(tmp_path)] == ["b.markdown", "c.txt", "a.md"]
    counts = floor.floor([str(tmp_path)])
    assert counts["files"] == 3
    assert counts["front_matter"] == 2
    assert counts["keys"] == 3 + 1  # title, date, categories; title
    assert counts["errors"] == 1


def test_format_table_aligns_numbers_right_and_text_left() -> None:
    table = run.format_table(["size", "wall s", "articles", "note"],
                             [["bulk", 6.2081, 2987, None], ["100k", 1234.5, 100000, "x"]])
    lines = table.split("\n")
    assert lines[0].split() == ["size", "wall", "s", "articles", "note"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split() == ["bulk", "6.208", "2,987", "-"]
    assert lines[3].split() == ["100k", "1,234", "100,000", "x"]
    assert len(lines[0]) == len(lines[1])  # the rule spans every column
    assert lines[2].index("6.208") + len("6.208") == lines[3].index("1,234") + len("1,234")  # right-aligned
    assert lines[2].index("bulk") == lines[3].index("100k") == 0


def test_verdict_words() -> None:
    assert run.verdict(True, "t", "d") == "PASS  t: d"
    assert run.verdict(False, "t", "d") == "FAIL  t: d"
    assert run.verdict(None, "t", "d") == "SKIP  t: d"


@pytest.mark.parametrize(("name", "count"), [("bulk", None), ("10k", 10_000), ("100K", 100_000),
                                             ("2500", 2500), ("1.5k", 1500), ("1m", 1_000_000)])
def test_parse_size(name: str, count: int | None) -> None:
    assert run.parse_size(name) == count


@pytest.mark.parametrize("name", ["", "ten", "0", "1.5", "-3k", "10g"])
def test_parse_size_rejects(name: str) -> None:
    with pytest.raises(ValueError):
        run.parse_size(name)


def test_parse_time_v_reads_cpu_and_peak_memory() -> None:
    report = ("\tCommand being timed: \"factcheck x\"\n\tUser time (seconds): 5.97\n"
              "\tSystem time (seconds): 0.09\n\tMaximum resident set size (kbytes): 75772\n")
    assert run.parse_time_v(report) == {"user": 5.97, "sys": 0.09, "rss": 75772.0}
    assert run.parse_time_v("no report") == {}


def test_quick_and_sizes_arguments() -> None:
    assert run.parse_args(["--quick"]).size_list == ["bulk"]
    assert run.parse_args([]).size_list == ["bulk", "10k"]
    assert run.parse_args(["--sizes", "10k, 100k"]).size_list == ["10k", "100k"]
    with pytest.raises(SystemExit):
        run.parse_args(["--sizes", "huge"])


def test_missing_corpus_is_a_clean_skip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(run, "BULK", tmp_path / "absent" / "bulk")
    assert run.main(["--quick"]) == 0
    assert "benchmark skipped" in capsys.readouterr().out


def test_skip_argument() -> None:
    assert run.parse_args(["--skip", "jobs, cache"]).skip == {"jobs", "cache"}
    assert run.parse_args([]).skip == set()
    with pytest.raises(SystemExit):
        run.parse_args(["--skip", "floor"])


def test_the_thresholds_benchmark_records_what_each_threshold_measured(tmp_path: Path, monkeypatch) -> None:
    """benchmarks/thresholds.py wraps the engine's functions that hold the thresholds: a heading and a
    dateline in a story are recorded with the length and the place each measured (the dateline's
    paragraph holds a cue: a paragraph with none is not read; one such before the heading leaves it the
    only sign of whose its value is)."""
    from factcheck.pipeline import Options, check
    from factcheck.rules import load_rules

    rules, story = tmp_path / "rules", tmp_path / "story"
    rules.mkdir()
    story.mkdir()
    (rules / "entities.yaml").write_text("kind: entities\ndescription: e\nentities:\n  - {id: baidu, name: 百度}\n",
                                         encoding="utf-8")
    (rules / "revenue.yaml").write_text("kind: number\ndescription: revenue\nvalue: money\nsubjects: [baidu]\n"
                                        "cue: [营收]\nwindow: 6\n", encoding="utf-8")
    (story / "a.md").write_text('---\ntitle: "百度发布财报"\ndate: "2025-02-13 10:00:00"\n---\n'
                                "财联社2月12日讯（编辑 胡家荣）财报发布，营收增长。\n\n市场关注。\n\n全年营收超63亿元\n", encoding="utf-8")
    record = thresholds.Record()
    thresholds.instrument(record, monkeypatch.setattr)
    check([str(story)], load_rules([str(rules)]), Options())
    assert record.cases["heading"] == {"全年营收超63亿元": (9, False)}
    assert [measured for measured, _ in record.cases["reach"].values()] == [1]
    assert [measured for measured, _ in record.cases["opening"].values()] == [3]  # 财联社


def test_the_thresholds_benchmark_counts_a_dateline_after_a_headline_with_its_own_commas(monkeypatch) -> None:
    """A flash's 【headline】 may hold a colon (【国常会：…】): the engine's dateline passes over it, so the
    benchmark must count the opening after it (source: date_events.yaml, the guochanghui row)."""
    from factcheck.kinds.sentence import sentences
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    record = thresholds.Record()
    thresholds.instrument(record, monkeypatch.setattr)
    text = ('---\ndate: "2025-02-10 20:00:00"\n---\n【国常会：支持新型消费加快发展 促进“人工智能+消费”等】'
            "财联社2月10日电，李强主持召开国务院常务会议，研究提振消费有关工作。\n")
    sentences(parse_article(text, "a.md"), EntityIndex(()))
    assert [measured for measured, _ in record.cases["opening"].values()] == [3]  # 财联社, the headline not counted
    assert [measured for measured, _ in record.cases["reach"].values()] == [1]

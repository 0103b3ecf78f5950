"""Loading articles: metadata, outlets, and sentences that keep their exact file line."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, SEEDS, run_main
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.load import (
    _RULE_LINE,
    _SENTENCE_END,
    MAX_SENTENCE,
    ArticleFile,
    InputError,
    _break_lines,
    clean_line,
    clean_lines,
    discover,
    parse_article,
    read_article,
    split_segments,
)
from factcheck.records import Segment
from factcheck.safe_yaml import YAMLError, _flat, load, load_data

CASES = yaml.safe_load((FIXTURES / "articles.yaml").read_text(encoding="utf-8"))
ERRORS = yaml.safe_load((FIXTURES / "article_errors.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_article_is_read_as_expected(case: dict) -> None:
    article = parse_article(case["text"], "a.md")
    for key in ("title", "label", "outlet", "url"):
        if key in case:
            assert getattr(article, key) == case[key], key
    if "published" in case:
        published = article.published.isoformat() if article.published else None
        assert published == case["published"]
    if "sentences" in case:
        body = [[s.first_line, s.text] for s in article.segments if not s.is_title]
        assert body == case["sentences"]


@pytest.mark.parametrize("case", ERRORS, ids=[c["name"] for c in ERRORS])
def test_unreadable_article_gives_file_and_line(case: dict, tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    if "bytes" in case:
        path.write_bytes(bytes.fromhex(case["bytes"]))
    else:
        path.write_text(case["text"], encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_article(ArticleFile(path, "bad.md"))
    diagnostic = raised.value.diagnostic
    assert (diagnostic.path, diagnostic.line) == ("bad.md", case["line"])
    assert case["message"] in diagnostic.message


def test_every_seed_sentence_sits_on_the_line_it_came_from() -> None:
    for path in sorted(SEEDS.iterdir()):
        lines = path.read_text(encoding="utf-8").split("\n")
        article = read_article(ArticleFile(path, path.name))
        assert len(article.segments) > 5
        for segment in article.segments:
            if segment.is_title:
                assert lines[segment.first_line - 1].startswith("title:")
                continue
            source = lines[segment.first_line - 1]
            # the sentence's first characters stand on that line (markup aside)
            assert segment.text[:4] in source.replace("**", ""), (path.name, segment.first_line, segment.text)


def test_title_is_a_segment_on_its_front_matter_line() -> None:
    article = read_article(ArticleFile(SEEDS / "000_2554022df40b26d2.txt", "000"))
    titles = [(s.first_line, s.text) for s in article.segments if s.is_title]
    assert titles == [(2, "外媒：国行iPhone最终选择阿里千问？"), (2, "DeepSeek也出局")]


def test_a_summary_ending_in_a_long_run_of_ellipses_is_read_up_to_its_break() -> None:
    """A hostile summary (a front-matter line may hold 100,000 characters): the cut-off tail is told
    by the text's end; a search for `…+$` tried every … of the run (16,000 took 6 s, 100,000 minutes)."""
    text = f'---\ntitle: t\nsummary: "营收增长9.6%。{"…" * 50_000}"\n---\n正文。\n'
    article = parse_article(text, "a.md")
    assert [s.text for s in article.segments if not s.is_title] == ["营收增长9.6%。", "正文。"]


def test_folders_are_walked_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "d.markdown").write_text("x", encoding="utf-8")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.md").write_text("x", encoding="utf-8")
    files, problems = discover([str(tmp_path)])
    assert problems == []
    assert [f.display for f in files] == [f"{tmp_path}/a.md", f"{tmp_path}/b/c.txt", f"{tmp_path}/b/d.markdown"]


def test_bad_article_is_reported_and_the_rest_still_checked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.iterdir():
        (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "zz_broken.md").write_text("---\ntitle: x\ndate: [1, 2\n---\n正文。\n", encoding="utf-8")
    done = run_main(str(corpus), "--rules", str(ROOT / "rules"), "--format", "json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"{corpus}/zz_broken.md:3: error: front matter: did not find expected ',' or ']'"]
    import json
    report = json.loads(done.stdout)
    assert report["summary"]["articles"] == 5 and report["summary"]["disagreements"] >= 2


@pytest.mark.parametrize("args, message", [
    (["does-not-exist/"], "does-not-exist/: error: no such file or folder"),
    (["empty/"], "empty/: error: no articles (.md, .markdown, .txt) in this folder"),
])
def test_missing_or_empty_input_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty").mkdir()
    done = run_main(*args, "--rules", str(ROOT / "rules"), cwd=tmp_path)
    assert (done.returncode, done.stderr.strip(), done.stdout) == (2, message, "")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError) as raised:
        read_article(ArticleFile(path, "secret.md"))
    assert "cannot read" in raised.value.diagnostic.message


def test_output_inside_the_folder_being_read_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("x", encoding="utf-8")
    done = run_main(str(corpus), "--rules", str(ROOT / "rules"), "--output", str(corpus / "report.json"), cwd=tmp_path)
    assert done.returncode == 2
    assert "is inside" in done.stderr and not (corpus / "report.json").exists()
    assert sorted(p.name for p in corpus.iterdir()) == ["a.md"]


def test_output_is_written_whole_to_the_named_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    done = run_main("seeds/", "--format", "json", "--output", str(out))
    assert done.returncode == 1 and done.stdout == ""
    assert out.read_text(encoding="utf-8") == (ROOT / "tests" / "golden" / "seeds.json").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


# front matter the fast reader must hand back to the event reader, or read exactly as it does:
# aliases (and a bomb), duplicate and merge keys, refused and explicit tags, YAML 1.2 core values,
# nesting past the limit, a second document, an unknown alias, an over-long number
HOSTILE_YAML = ["a: &x [1, 2]\nb: *x", "a: &x 1\nb: &x 2\nc: *x", "a: 1\na: 2", "<<: {a: 1}", "!!str <<: {b: 1}",
                "a: !!python/name:os.system x", "!!set {a, b}", "a: ! 5\nb: !!str 6\nc: !!int x\nd: !!float 5",
                "a: no\nb: on\nc: 1:20\nd: 0o17\ne: 0x1F\nf: .inf\ng: .NaN\nh: ~\ni: NULL\nj: 1e5\nk: '1'",
                "e: !!timestamp 2025-01-01\nf: 2025-01-01 10:00:00", "[" * 65 + "]" * 65, "[" * 63 + "]" * 63,
                "a: 1\n---\nb: 2", "a: *nope", "? [a]\n: 1", "a: " + "9" * 5000, "{a: 1, a: 2}", "a: [b: 1]",
                "x: |\n  two\n  lines\n", "a: 1\n b: 2", "a: [1, 2", "1: a\ntrue: b\nnull: c", "",
                "l: &a [x, x, x, x, x, x, x, x, x]\nm: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "n: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\no: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                "p: [*d, *d, *d, *d, *d, *d, *d, *d, *d]"]


def _front_matter_texts() -> list[str]:
    texts = list(HOSTILE_YAML)
    for case in CASES + ERRORS:
        lines = case.get("text", "").split("\n")
        if lines[0].strip() == "---":
            end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
            texts.append("\n".join(lines[1:end]))
    return texts


def _read(reader: object, text: str) -> tuple[str, object]:
    try:
        return "data", reader(text)  # type: ignore[operator]
    except YAMLError as error:
        return "error", str(error)


@pytest.mark.parametrize("text", _front_matter_texts())
def test_fast_front_matter_reader_reads_as_the_event_reader(text: str) -> None:
    fast, careful = _read(lambda t: load_data(t, "a.md", 2), text), _read(lambda t: load(t, "a.md", 2)[0], text)
    assert fast == careful
    assert repr(fast) == repr(careful)  # same types too: 1 is not 1.0, "1" is not 1, nan is nan


# pieces of front-matter lines: the flat forms (bulk front matter is all flat) and their near misses
_KEYS = st.sampled_from(["title", "date", "tags", "a-b", "_x", "1x", "my key", "<<", "title", "\"q\"", "  title"])
_VALUES = st.sampled_from(['"双引号：标题"', '""', '"a\\"b"', '"a\\\\"', '"a\\nb"', '"a"b"', '"a" # c', "'单'", "''", "'a''b'",
                           "2025-02-11 18:15:26", "true", "no", "~", "null", "12", "0x1F", "1e5", ".inf", "-5", "a: b", "a:b",
                           "a #b", "a#b", "C#", "x:", "[a]", "{a: 1}", "&x a", "*x", "!!str a", "|", ">", "%a", "@a", "`a",
                           "a  b", "a\tb", "a\u00a0", "a\u2028b", "a\x85b", "\ufeffa", "a\x01", "http://a.b/c?d=1", "9" * 5000])
_LINES = st.one_of(
    st.builds(lambda k, v, gap: f"{k}:{gap}{v}", _KEYS, _VALUES, st.sampled_from([" ", "  ", "", "\t"])),
    st.builds(lambda k, gap: f"{k}:{gap}", _KEYS, st.sampled_from(["", " "])),
    st.builds(lambda indent, v: f"{indent}- {v}", st.sampled_from(["", "  ", "    ", "\t"]), _VALUES),
    st.sampled_from(["", "# comment", "-", "- ", "  next: 1", "---", "..."]))


@settings(max_examples=1500, deadline=None)
@given(lines=st.lists(_LINES, min_size=1, max_size=6))
def test_flat_front_matter_is_read_as_the_event_reader_reads_it(lines: list[str]) -> None:
    """The flat reader answers only for what it reads exactly as `load`; the rest it leaves to it."""
    text = "\n".join(lines)
    flat = _flat(text)
    if flat is not None:
        assert _read(lambda t: load(t, "a.md", 2)[0], text) == ("data", flat)
        assert repr(load(text, "a.md", 2)[0]) == repr(flat)
    assert repr(_read(lambda t: load_data(t, "a.md", 2), text)) == repr(_read(lambda t: load(t, "a.md", 2)[0], text))


def test_the_usual_front_matter_is_flat() -> None:
    # the shape of the bulk corpus's front matter (bulk/00e0398ab29599673945beedaf935684.zh-CN.md:1-25)
    text = ('title: "石墨烯航空电池“破局”"\ndate: "2025-02-11 18:15:26"\ncategories:\n  - "c114"\nmenu: ""\n'
            'comments: false\nsidebar: "right"\nwidgets:\n  - "search"\n  - "recent"\nlead:\nn: 3')
    assert _flat(text) == {"title": "石墨烯航空电池“破局”", "date": "2025-02-11 18:15:26", "categories": ["c114"],
                           "menu": "", "comments": False, "sidebar": "right", "widgets": ["search", "recent"],
                           "lead": None, "n": 3}
    assert _flat("a: 1\na: 2") is None and _flat("a: &x 1") is None and _flat("a: 1 # c") is None


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_markdown_is_cleaned_at_once_as_line_by_line(case: dict) -> None:
    lines = case["text"].split("\n") + ["  # h", "    - not a list", "\u3000\u200b**b**", "\\*x\\*", "1) y", "> > q", "- - -"]
    assert clean_lines(lines) == [clean_line(line) for line in lines]
    breaks = {i for i, line in enumerate(lines) if _RULE_LINE.match(line) or line.lstrip().startswith("#")}
    assert _break_lines(lines) == breaks


def _segments_line_by_line(lines: list[str], first_line: int) -> list[Segment]:
    """Paragraphs and sentences as the loader cut them before it read paragraphs as runs of
    lines (one test per line, one string grown per paragraph): the reference."""
    cleaned = [clean_line(line) for line in lines]
    breaks = {i for i, line in enumerate(lines) if _RULE_LINE.match(line) or line.lstrip().startswith("#")}
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for offset, text in enumerate(cleaned):
        if offset in breaks or not text:
            paragraphs.append([])
            if offset in breaks and lines[offset].lstrip().startswith("#"):
                paragraphs[-1:] = [[(first_line + offset, text)], []]
            continue
        paragraphs[-1].append((first_line + offset, text))
    segments = []
    for index, paragraph in enumerate(p for p in paragraphs if p):
        text, starts, items = "", [], []
        for number, line in paragraph:
            if text and re.match(r"\s*(?:[-*+]|\d+[.)])\s+\S", lines[number - first_line]):
                items.append(len(text))  # a list item starts a sentence
            text += "\n" if text else ""
            starts.append((len(text), number))
            text += line
        ends = sorted({m.end() for m in _SENTENCE_END.finditer(text)} | set(items))
        ends += [len(text)] if not ends or ends[-1] < len(text) else []
        begin = 0
        for end in ends:
            assert end - begin <= MAX_SENTENCE  # the strategy writes no run long enough to be cut
            start = begin
            while start < end and text[start] in " \n":
                start += 1
            first = max(i for i, (offset, _) in enumerate(starts) if offset <= start)
            line_starts = (0, *(offset - start for offset, _ in starts[first + 1:] if offset < end))
            if text[start:end].strip():
                segments.append(Segment(text[start:end], starts[first][1], line_starts, index))
            begin = end
    return segments


_MARKDOWN_LINES = st.lists(st.sampled_from(
    ["", "  ", "# 标题", "## ", "#", "---", "***", "===", "> 引用。", "- 列表项", "![](a.png)", "[链接](http://a.b)",
     "<br>", "**粗体**", "营收增长。净利润下降！", "A。B", "  前有空格。 后有空格", "一句没有句号", "。", "！？",
     "\u3000\u200b", "1. 第一", "* 第二项 12%"]), max_size=14)


@settings(max_examples=400, deadline=None)
@given(lines=_MARKDOWN_LINES)
def test_paragraphs_read_as_runs_of_lines_give_the_same_sentences(lines: list[str]) -> None:
    """Headings are paragraphs of their own (even when nothing is left of them), breaks and lines
    that clean to nothing close a paragraph; sentences keep their file lines."""
    assert split_segments(lines, 5) == _segments_line_by_line(lines, 5)

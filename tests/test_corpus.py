"""The shared corpus: thousands of real articles load, and checks are deterministic.

Skipped, with the reason, when ../shared/corpus is not beside the clone.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from factcheck.load import ArticleFile, clean_line, discover, read_article


def test_every_corpus_article_loads_with_its_lines(corpus: Path) -> None:
    files, problems = discover([str(corpus / "bulk"), str(corpus / "clusters")])
    assert problems == [] and len(files) > 2900
    for file in files:
        article = read_article(file)
        lines = Path(file.path).read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
        for segment in article.segments[:50]:
            assert 1 <= segment.first_line <= len(lines), file.display
            if not segment.is_title:
                first = segment.text.split("\n")[0][:3]
                assert first in clean_line(lines[segment.first_line - 1]), (file.display, segment)


def test_crlf_article_keeps_its_line_numbers(corpus: Path) -> None:
    path = corpus / "bulk" / "22271fcd21360486817f112b48ef3df6.zh-HK.md"
    raw = path.read_bytes()
    assert b"\r\n" in raw
    article = read_article(ArticleFile(path, path.name))
    lines = raw.decode("utf-8").replace("\r\n", "\n").split("\n")  # as editors count them
    body = [s for s in article.segments if not s.is_title]
    assert body and all(s.text[:3] in lines[s.first_line - 1] for s in body)
    assert not any("hkej.com" in s.text or "左圖" in s.text for s in body)  # the two-line image is gone


def test_corpus_publish_times_are_read_in_beijing_time(corpus: Path) -> None:
    files, _ = discover([str(corpus / "clusters" / "nezha2-box-office-10b-2025-02-13")])
    for file in files:
        published = read_article(file).published
        assert published is not None and published.utcoffset().total_seconds() == 8 * 3600


def test_checking_the_clusters_twice_gives_byte_identical_json(corpus: Path) -> None:
    first = run_cli(str(corpus / "clusters"), "--format", "json")
    second = run_cli(str(corpus / "clusters"), "--format", "json")
    assert first.returncode in (0, 1), first.stderr
    assert first.stdout == second.stdout and '"articles": 69' in first.stdout

"""The catalogue of bad input, met from the command line as a user would meet it:
one line naming the file (and line), the right exit code, no traceback, and
the other articles still checked."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CACHE, ROOT, SEEDS, run_cli

GOOD = SEEDS / "004_7638e87b2286deb5.txt"


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: os.symlink(target, folder / name)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.md")


BOMB = "".join(f"{x}: &{x} [{', '.join([f'*{p}'] * 10 if p else ['lol'] * 10)}]\n"
               for p, x in zip(["", "a", "b", "c", "d", "e"], "abcdef"))


def _symlink_loop(folder: Path) -> None:
    os.symlink(folder / "loop-b.md", folder / "loop-a.md")
    os.symlink(folder / "loop-a.md", folder / "loop-b.md")


ZH = "---\ntitle: 阿里\ndate: 2025-02-13 10:00:00\n---\n阿里巴巴港股涨2.55%。\n"
CASES = [
    # (name, setup, expected stderr line (after the folder), exit code)
    ("GB18030 file is decoded, with a warning", _write("gbk.md", ZH.encode("gb18030")),
     "gbk.md:1: warning: decoded as GB18030 (not UTF-8); save the file as UTF-8", 0),
    ("UTF-16 without a byte-order mark", _write("utf16.md", "---\ntitle: x\ndate: 2025-02-13\n---\nplain text.\n"
                                                 .encode("utf-16-le")),
     "utf16.md:1: warning: decoded as UTF-16-LE (no byte-order mark)", 0),
    ("UTF-16 with a byte-order mark", _write("bom16.md", ZH.encode("utf-16")), "", 0),
    ("UTF-8 with a byte-order mark", _write("bom8.md", b"\xef\xbb\xbf" + ZH.encode()), "", 0),
    ("Latin-1 is not guessed", _write("latin1.md", "---\ntitle: café\n---\ncrème brûlée\n".encode("latin-1")),
     "latin1.md:2: error: not valid UTF-8 (byte 0xe9); save the file as UTF-8", 2),
    ("a NUL byte", _write("nul.md", b"text\x00more text\n"), "nul.md:1: error: binary file (contains NUL bytes), "
                                                              "not an article", 2),
    ("an empty file", _write("empty.md", b""), "", 0),
    ("front matter without a date", _write("nodate.md", "---\ntitle: x\n---\n昨日阿里巴巴涨5%。\n".encode()),
     "nodate.md:1: warning: front matter has no date: relative dates (昨日, 本周二 …) in this article are not read", 0),
    ("a date that is not a date", _write("baddate.md", b"---\ndate: soon\n---\nx\n"),
     "baddate.md:2: error: date 'soon' is not a date (expected YYYY-MM-DD HH:MM:SS)", 2),
    ("front matter that is a list", _write("list.md", b"---\n- a\n---\nx\n"),
     "list.md:2: error: front matter is not a mapping of keys to values", 2),
    ("CR line endings", _write("cr.md", ZH.replace("\n", "\r").encode()), "", 0),
    ("a very long line", _write("long.md", ("阿里巴巴涨2.55%，" * 20000 + "\n").encode()),
     "long.md:1: warning: line is 220,000 characters long; only its first 100,000 are read", 0),
    # a line of links and a word: the link-line test once tried 2^links ways to place the spaces (hung)
    ("many links then a word", _write("links.md", ("[a](https://x/1) " * 60 + "阿里巴巴涨2.55%。\n").encode()), "", 0),
    ("a symlink loop", _symlink_loop, "loop-a.md: error: cannot read: Too many levels of symbolic links\n"
                                      "loop-b.md: error: cannot read: Too many levels of symbolic links", 2),
    ("a file symlink leading outside the folder", _symlink("leak.md", "/etc/passwd"),
     "leak.md: error: symbolic link to a file outside the paths given; not read", 2),
    ("a file symlink to a device", _symlink("zero.md", "/dev/zero"),
     "zero.md: error: symbolic link to a file outside the paths given; not read", 2),
    ("a FIFO named like an article does not hang the run", _fifo,
     "pipe.md: error: not a regular file (a device, pipe or socket); not read", 2),
    ("an impossible day", _write("feb30.md", b"---\ntitle: x\ndate: 2025-02-30\n---\nx\n"),
     "feb30.md:3: error: date '2025-02-30' is not a real date or time (day is out of range for month)", 2),
    ("an impossible month", _write("month13.md", b"---\ndate: 2025-13-01\n---\nx\n"),
     "month13.md:2: error: date '2025-13-01' is not a real date or time (month must be in 1..12)", 2),
    ("an impossible hour", _write("hour25.md", b"---\ndate: 2025-02-13 25:00:00\n---\nx\n"),
     "hour25.md:2: error: date '2025-02-13 25:00:00' is not a real date or time (hour must be in 0..23)", 2),
    ("the first day there is", _write("year1.md", b"---\ndate: 0001-01-01\n---\nx\n"),
     "year1.md:2: error: date '0001-01-01' is out of range (years 1000\u20139000)", 2),
    ("the last day there is, west of UTC", _write("year9999.md", b"---\ndate: 9999-12-31 23:00:00 -12:00\n---\nx\n"),
     "year9999.md:2: error: date '9999-12-31 23:00:00 -12:00' is out of range (years 1000\u20139000)", 2),
    ("an alias bomb in front matter", _write("bomb.md", f"---\n{BOMB}title: x\n---\nx\n".encode()),
     "bomb.md:5: error: aliases expand to more than 10000 extra nodes (an alias bomb?)", 2),
    ("deep nesting in front matter", _write("deep.md", b"---\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nx\n"),
     "deep.md:2: error: front matter: exceeded maximum nesting depth", 2),
    ("a duplicate front-matter key", _write("twice.md", b"---\ntitle: a\ndate: 2025-02-13\ntitle: b\n---\nx\n"),
     "twice.md:4: error: duplicate key 'title' (first at line 2)", 2),
    ("a Python tag in front matter", _write("tag.md", b"---\ntitle: !!python/name:os.system x\n---\nx\n"),
     "tag.md:2: error: YAML tag 'tag:yaml.org,2002:python/name:os.system' is not allowed", 2),
    ("a file over the size limit", _write("huge.md", b"x" * (11 * 1024 * 1024)),
     "huge.md: error: file is 11.0 MB, over the 10 MB limit (--max-file-size)", 2),
]


@pytest.mark.parametrize("name, setup, expected, code", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_one_line_and_the_rest_is_checked(tmp_path: Path, name: str, setup, expected: str,
                                                         code: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.txt")
    setup(corpus)
    done = run_cli(str(corpus), "--rules", str(ROOT / "rules"), "--format", "json", "--no-cache", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    lines = [line.removeprefix(f"{corpus}/") for line in done.stderr.splitlines()]
    assert lines == (expected.split("\n") if expected else [])
    assert done.returncode == code
    report = json.loads(done.stdout)
    assert "corpus/good.txt" in {a["path"].removeprefix(f"{tmp_path}/") for a in report["articles"]}
    assert report["summary"]["claims"] > 0
    if name.startswith(("GB18030", "UTF-16 with a", "UTF-8 with", "CR line")):
        [decoded] = [c for c in report["claims"] if not c["article"].endswith("good.txt")]
        assert (decoded["value"]["display"], decoded["line"]) == ("2.55%", 5)


def test_a_50_mb_article_is_refused_quickly_or_read_with_a_higher_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(("阿里巴巴港股涨2.55%。\n" * 1_800_000).encode())
    assert big.stat().st_size > 50 * 1024 * 1024
    refused = run_cli(str(big), "--rules", str(ROOT / "rules"), "--no-cache", cwd=tmp_path)
    assert refused.returncode == 2 and "over the 10 MB limit" in refused.stderr


def _checksums(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_factcheck_never_writes_where_it_reads(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    before = _checksums(corpus)
    listing = sorted(p.name for p in corpus.rglob("*"))
    for path in [corpus, *corpus.iterdir()]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        for fmt in ("text", "json"):
            done = run_cli(str(corpus), "--rules", str(ROOT / "rules"), "--format", fmt, cwd=tmp_path)
            assert done.returncode == 1
        run_cli(str(corpus), "--rules", str(ROOT / "rules"), "--write-baseline", str(tmp_path / "b.json"), cwd=tmp_path)
    finally:
        for path in [corpus, *corpus.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert _checksums(corpus) == before and sorted(p.name for p in corpus.rglob("*")) == listing


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_leaves_no_partial_report(tmp_path: Path, sig: int, code: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(400):
        shutil.copy(GOOD, corpus / f"{copy:03d}.txt")
    out = tmp_path / "report.json"
    for delay in (1.5, 3.0, 6.0):  # started, not finished (the run takes several seconds)
        process = subprocess.Popen([sys.executable, "-m", "factcheck", str(corpus), "--rules", str(ROOT / "rules"),
                                    "--format", "json", "--output", str(out), "--jobs", "1", "--no-cache"],
                                   cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, "XDG_CACHE_HOME": str(CACHE)})
        time.sleep(delay)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
        if process.returncode != -sig:
            break  # else the signal came before the interpreter could handle it (a busy machine): no run yet
    if process.returncode == 0:
        pytest.skip("the run finished before the signal arrived")
    assert process.returncode == code and "Traceback" not in stderr
    assert not out.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_a_file_that_disappears_during_the_run_is_reported(tmp_path: Path) -> None:
    from factcheck.load import ArticleFile, InputError, read_bytes

    gone = ArticleFile(tmp_path / "gone.md", "gone.md")
    with pytest.raises(InputError) as raised:
        read_bytes(gone)
    assert str(raised.value.diagnostic) == "gone.md: error: cannot read: No such file or directory"



@pytest.mark.parametrize("limit, whole", [(1024, True), (20, False)])
def test_a_file_that_grew_after_stat_is_read_whole_up_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   limit: int, whole: bool) -> None:
    """read_bytes asks for as many bytes as stat said: a file longer by the time it is read
    (stat said 3 bytes) is still read to its end, and one past the limit is still refused."""
    import os

    from factcheck import load
    from factcheck.load import ArticleFile, InputError, read_bytes

    article = tmp_path / "grew.md"
    article.write_bytes("阿里巴巴港股涨2.55%。\n".encode())  # seeds/004_7638e87b2286deb5.txt
    real_fstat = os.fstat
    monkeypatch.setattr(load.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 3, *real_fstat(fd)[7:])))
    if whole:
        assert read_bytes(ArticleFile(article, "grew.md"), limit) == article.read_bytes()
    else:
        with pytest.raises(InputError, match="over the"):
            read_bytes(ArticleFile(article, "grew.md"), limit)

def test_a_10_mb_article_on_one_line_is_read_in_bounded_pieces(tmp_path: Path) -> None:
    # a sentence from seeds/004_7638e87b2286deb5.txt, repeated with no line break to just under 10 MB
    sentence = "阿里巴巴港股涨2.55%，苹果和阿里巴巴将为中国iPhone用户开发AI功能，"
    article = tmp_path / "one-line.md"
    article.write_text(sentence * (int(9.9 * 1024 * 1024) // len(sentence.encode())), encoding="utf-8")
    done = run_cli(str(article), "--rules", str(ROOT / "rules"), "--no-cache", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == f"{article}:1: warning: line is 4,448,925 characters long; only its first 100,000 are read\n"
    report = json.loads(done.stdout)
    assert 0 < report["summary"]["claims"] < 10_000
    assert max(len(c["sentence"]) for c in report["claims"]) <= 1000
    assert len(done.stdout) < 20 * 1024 * 1024  # it was 968 MB

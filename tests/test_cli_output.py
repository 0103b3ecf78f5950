"""What a run says on stderr: a progress bar only on a terminal, -q and -v, where -o wrote."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from conftest import CACHE, ROOT, run_cli

SUMMARY = "5 articles, 7 rules, 32 claims found."


def test_no_progress_and_nothing_but_problems_on_stderr_when_it_is_not_a_terminal():
    done = run_cli("seeds/", "--format", "concise")
    assert done.returncode == 1 and done.stderr == ""  # seeds have no input problem: nothing to say


def test_a_progress_bar_on_stderr_when_it_is_a_terminal():
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE), "TERM": "xterm", "LC_ALL": "C.UTF-8"}
    process = subprocess.Popen([sys.executable, "-m", "factcheck", "seeds/", "--format", "concise"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    stdout, _ = process.communicate(timeout=60)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert "reading" in text and "/5 [" in text and " claims" in text  # files read of all, claims found, time
    assert stdout.decode().count(": error: ") == 2  # the report is untouched by the bar


def test_quiet_keeps_errors_and_drops_warnings(tmp_path: Path):
    (tmp_path / "nodate.md").write_text("---\ntitle: x\n---\n昨日阿里巴巴涨5%。\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"x\x00y\n")
    loud = run_cli(str(tmp_path), "--no-cache")
    quiet = run_cli(str(tmp_path), "--no-cache", "-q")
    assert "warning: front matter has no date" in loud.stderr and "warning" not in quiet.stderr
    assert "bad.md:1: error: binary file" in quiet.stderr and loud.returncode == quiet.returncode == 2


def test_verbose_says_what_was_read():
    done = run_cli("seeds/", "-v", "--format", "concise")
    assert "factcheck: read 5 articles and 7 rules, found 32 claims and 7 findings in" in done.stderr


def test_output_file_says_where_it_wrote_and_prints_the_summary(tmp_path: Path):
    target = tmp_path / "report.html"
    done = run_cli("seeds/", "--format", "html", "-o", str(target))
    assert done.stdout == "" and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert done.stderr.splitlines()[0] == f"factcheck: wrote the html report to {target}"
    assert SUMMARY in done.stderr
    assert run_cli("seeds/", "--format", "html", "-o", str(target), "-q").stderr == ""


def test_dash_reads_one_article_from_standard_input_and_shows_it_as_dash():
    draft = (ROOT / "seeds" / "004_7638e87b2286deb5.txt").read_bytes()
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE), "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "factcheck", "--against", "seeds/", "-", "--format", "concise"],
                          cwd=ROOT, input=draft, capture_output=True, env=env, timeout=60)
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 1
    assert "-:53: error: baidu-apple-deal-status: 百度: sources disagree: cancelled vs troubled " \
           "[disagreement FC101ec7920c]" in lines
    assert "factcheck-stdin" not in done.stdout.decode() + done.stderr.decode()  # the copy never shows
    twice = subprocess.run([sys.executable, "-m", "factcheck", "-", "-"], cwd=ROOT, input=b"x",
                           capture_output=True, env=env, timeout=60)
    assert twice.returncode == 2 and "'-' (standard input) can be given once" in twice.stderr.decode()


def test_a_report_where_no_fact_has_two_sources_says_why(tmp_path: Path) -> None:
    """Round 20, NOTES_B royal-caribbean: `17 claims found, 0 checked` said nothing more; the two
    articles (qq 20250212A09468.zh-CN.md on the results, sina_us_stock on the buyback) share no fact."""
    (tmp_path / "a.md").write_text("---\ndate: \"2025-02-12 21:33:18\"\n---\n皇家加勒比2024年总营收达165亿美元。\n",
                                   encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: \"2025-02-12 22:00:00\"\n---\n皇家加勒比批准10亿美元股票回购计划。\n",
                                   encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "revenue.yaml").write_text("kind: number\ndescription: revenue\nvalue: money\ncue: [总营收达]\n",
                                        encoding="utf-8")
    done = run_cli(str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--rules", str(rules), "--no-cache")
    assert "No fact was stated by two sources" in done.stdout + done.stderr


def test_every_subcommand_is_named_in_the_help_and_the_readme():
    """Round 20 added `factcheck outlets` (docs/outlets.md) but neither `factcheck --help` nor the
    README's usage named it, as neither named `factcheck discover`: a subcommand `main` runs is one
    a user can find from the help and the README."""
    import re

    dispatched = re.findall(r'argv\[:1\] == \["(\w+)"\]', (ROOT / "factcheck" / "cli.py").read_text(encoding="utf-8"))
    assert {"rules", "config", "outlets", "normalize", "discover", "extract", "compare"} <= set(dispatched)
    shown = " ".join(run_cli("--help").stdout.split())
    usage = (ROOT / "README.md").read_text(encoding="utf-8").split("## Usage", 1)[1].split("```", 2)[1]
    for name in dispatched:
        assert f"factcheck {name}" in shown, name
        assert f"factcheck {name}" in usage, name

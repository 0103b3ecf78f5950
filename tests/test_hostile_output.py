"""Hostile text in articles and file names, met from the command line (issue 17, items 2 and 3).

An article's label, sentences and file name reach every human-readable report and
stderr. None of it may drive a terminal (ESC/OSC/CSI, BEL), reorder a line (bidi
overrides such as U+202E), start a line of its own (a newline in a file name), or be
read by GitHub Actions as a workflow command (`::error …`, `::stop-commands::`, `##[`)
on either stream.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import RULES, SEEDS, run_cli

SEED = SEEDS / "004_7638e87b2286deb5.txt"
ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\u2028")
# a file name that, printed raw, would start a new line holding a workflow command (sorted first)
EVIL_NAME = "0\n::error file=a.md,line=1::pwned \u202egnp.md"
BROKEN_NAME = "::stop-commands::tok\n##[error]broken.md"
HUMAN_FORMATS = ("text", "markdown", "html", "github", "junit", "concise")
# the loader already shows a newline in a file name as \n (a lossless escape), Markdown doubles the backslash
SHOWN_NAME = {"markdown": r"0\\n::error file=a.md,line=1::pwned \\u202egnp.md"}
COMMAND_LINE = re.compile(r"^::(error|warning|notice)( [a-z]+=[^,:\n]*(,[a-z]+=[^,:\n]*)*)?::")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for seed in SEEDS.iterdir():
        shutil.copy(seed, folder / seed.name)
    text = SEED.read_text(encoding="utf-8")
    # a label that sets the terminal title, clears the screen and reverses the line
    text = text.replace('title: "', 'source: "\\e]0;owned\\a\\e[2J\\u202eevil\\u2066"\ntitle: "', 1)
    # a sentence with a CSI sequence and a bidi override around the value
    text = text.replace("然而，由于百度", "然而\x1b[8m\u202e，由于百度", 1)
    (folder / EVIL_NAME).write_text(text, encoding="utf-8")
    (folder / BROKEN_NAME).write_bytes(b"not\x00an article\n")  # unreadable: a diagnostic on stderr
    return folder


@pytest.mark.parametrize("fmt", HUMAN_FORMATS)
def test_no_control_or_bidi_character_and_no_injected_line_on_either_stream(corpus: Path, fmt: str) -> None:
    done = run_cli(str(corpus), "--rules", str(RULES), "--format", fmt, "--no-color", "--no-cache")
    assert done.returncode == 2, done.stderr  # the broken file; the rest is still reported
    assert "broken.md" in done.stderr
    assert "evil" in done.stdout or fmt == "concise"  # the hostile label is shown, as text (concise names no outlet)
    for stream in (done.stdout, done.stderr):
        for char in ESCAPES:
            assert char not in stream, f"{char!r} reached the output raw"
        assert "##[" not in stream
    for line in done.stderr.splitlines():
        assert not line.lstrip().startswith("::"), line
    for line in done.stdout.splitlines():
        if fmt == "github":  # every line is one of factcheck's own commands, its properties escaped
            assert COMMAND_LINE.match(line), line
            properties = line.split("::", 2)[1].partition(" ")[2]
            assert {item.partition("=")[0] for item in properties.split(",") if item} <= {"file", "line", "title"}
        else:
            assert not line.lstrip().startswith("::"), line
    # the file name is shown on one line, its newline and override made visible
    if fmt != "concise":  # concise names one file per finding: the escaped name sorts after the seeds
        assert SHOWN_NAME.get(fmt, r"0\n::error file=a.md,line=1::pwned \u202egnp.md") in done.stdout


def test_text_report_keeps_the_text_around_an_escaped_value(corpus: Path) -> None:
    done = run_cli(str(corpus), "--rules", str(RULES), "--no-color", "--no-cache")
    quotes = [line for line in done.stdout.splitlines() if r"然而\x1b[8m\u202e，" in line]
    assert quotes and all("合作被取消了" in line for line in quotes)
    assert r"\x1b]0;owned\x07\x1b[2J\u202eevil\u2066" in done.stdout  # the label, shown as written

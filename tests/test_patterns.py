"""Rule patterns cannot hang the gate: risky ones run on RE2 or are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from factcheck.patterns import PatternError, compile_pattern, risk

ENTITIES = "kind: entities\ndescription: e\nentities:\n  - {id: acme, aliases: [ACME]}\n"


@pytest.mark.parametrize("regex, reason, engine", [
    ("(?:涨幅|收涨|涨|跌)", "", "re"),
    ("合作(?:被|已)?(?:取消|终止|告吹)", "", "re"),
    (r"\d{4}年(?!\d{1,2}月)", "", "re"),
    ("票房(?:（[^）]*）)?突破", "", "re"),
    ("(a+)+b", "a repetition inside another repetition", "re2"),
    ("(x*)*y", "a repetition inside another repetition", "re2"),
    ("(a|ab)*c", "an alternation under a repetition", "re2"),
    ("a.*b.*c", "more than one unbounded repetition", "re2"),
])
def test_pattern_risk_and_engine(regex: str, reason: str, engine: str) -> None:
    assert risk(regex) == reason
    assert type(compile_pattern(regex)).__module__.split(".")[0] == engine


def test_risky_pattern_re2_cannot_run_is_refused() -> None:
    with pytest.raises(PatternError, match="look-arounds or back-references"):
        compile_pattern("(?=a)(a+)+b")


def _rule(tmp_path: Path, cue: str) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "rules" / "evil.yaml").write_text(
        f"kind: number\ndescription: d\nvalue: percent\nsubjects: [acme]\ncue: '{cue}'\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("ACME " + "a" * 90_000 + "涨5%\n", encoding="utf-8")
    return tmp_path / "rules"


def test_catastrophic_pattern_on_a_long_line_finishes(tmp_path: Path) -> None:
    rules = _rule(tmp_path, "(a+)+b")
    done = run_cli(str(tmp_path / "a.md"), "--rules", str(rules), "--no-cache", cwd=tmp_path)  # Python's re would never end
    assert done.returncode == 0 and "1 articles" in done.stdout


def test_catastrophic_pattern_re2_cannot_run_stops_the_run_naming_the_rule(tmp_path: Path) -> None:
    rules = _rule(tmp_path, "(?=a)(a+)+b")
    done = run_cli(str(tmp_path / "a.md"), "--rules", str(rules), "--no-cache", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"{rules / 'evil.yaml'}:5: error: cue: regex could backtrack catastrophically")

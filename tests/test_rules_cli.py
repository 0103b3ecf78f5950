"""`factcheck rules check DIR`: the rule folder as a positional path, as ruff and yamllint take theirs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import run_main

ENTITIES = "kind: entities\ndescription: e\nentities:\n  - {id: alibaba, name: 阿里巴巴, aliases: [阿里巴巴]}\n"
RULE = ("kind: number\ndescription: m\nvalue: percent\nsubjects: [alibaba]\ncue: [涨]\nexamples:\n"
        "  - text: 阿里巴巴涨5%。\n    expect: {value: 'VALUE'}\n")


def _rules(folder: Path, value: str) -> Path:
    folder.mkdir()
    (folder / "entities.yaml").write_text(ENTITIES, encoding="utf-8")
    rule = folder / "move.yaml"
    rule.write_text(RULE.replace("VALUE", value), encoding="utf-8")
    return rule


def test_rules_check_takes_the_folder_as_a_positional_path(tmp_path: Path) -> None:
    _rules(tmp_path / "good", "5%")
    rule = _rules(tmp_path / "bad", "300%")
    positional = run_main("rules", "check", str(tmp_path / "good"))
    assert (positional.returncode, positional.stdout) == (0, "1 rules, 1 examples, 0 failing\n")
    failing = run_main("rules", "check", str(tmp_path / "bad"))
    assert failing.returncode == 1
    assert failing.stderr == f"{rule}:7: error: example does not hold (\"阿里巴巴涨5%。\"): value: expected '300%', got '5%'\n"
    both = run_main("rules", "check", str(tmp_path / "bad"), "--rules", str(tmp_path / "good"))
    assert both.returncode == 2  # one rule id in two folders: both folders were read


def test_rules_list_takes_a_positional_path_and_a_missing_one_is_one_line(tmp_path: Path) -> None:
    _rules(tmp_path / "good", "5%")
    listed = run_main("rules", "list", str(tmp_path / "good"))
    assert listed.returncode == 0 and listed.stdout.split()[:3] == ["move", "number", "error"]
    missing = run_main("rules", "check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert missing.stderr == f"{tmp_path / 'nowhere'}: error: no such rule file or folder\n"


def test_a_rule_file_given_alone_reads_the_entities_file_of_its_folder(tmp_path: Path) -> None:
    """docs/rules.md: `factcheck rules check my-rules/deal-price.yaml` knows my-rules/entities.yaml."""
    rule = _rules(tmp_path / "good", "5%")
    alone = run_main("rules", "check", str(rule))
    assert (alone.returncode, alone.stdout, alone.stderr) == (0, "1 rules, 1 examples, 0 failing\n", "")


def test_the_summary_names_the_errors_printed_on_stderr(tmp_path: Path) -> None:
    rule = _rules(tmp_path / "bad", "5%")
    rule.write_text(RULE.replace("VALUE", "5%").replace("[alibaba]", "[nobody]"), encoding="utf-8")
    done = run_main("rules", "check", str(rule))
    assert done.returncode == 2
    assert done.stdout == "0 rules, 0 examples, 0 failing, 1 error in the rule files (on stderr)\n"
    assert done.stderr.startswith(f"{rule}:4: error: subjects: unknown entity 'nobody'")


def test_rules_check_output_and_errors_never_run_together(tmp_path: Path) -> None:
    """Round 32 (user32 NOTES): with stdout and stderr in one pipe, `rules check` showed
    "…2 failingppi.yaml:25: error…". Every message, on either stream, is a line of its own: merged as a
    shell's 2>&1 does, each line is a diagnostic (path:line: level:) or the summary, in that order."""
    (tmp_path / "ppi.yaml").write_text(
        "kind: number\ndescription: PPI\nvalue: percent\ncue: [PPI环比上涨]\nexamples:\n"
        "  - text: 美国1月PPI环比上涨0.4%\n    expect: {value: \"0.5%\"}\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("kind: number\ncue: [PPI\n", encoding="utf-8")
    merged = subprocess.run([sys.executable, "-m", "factcheck", "rules", "check", str(tmp_path)],
                            capture_output=False, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", timeout=120)
    lines = merged.stdout.splitlines()
    assert merged.stdout.endswith("\n") and len(lines) == 3
    assert all(line.startswith(str(tmp_path)) and ": error: " in line for line in lines[:-1])
    assert lines[-1] == "1 rules, 1 examples, 1 failing, 1 error in the rule files (on stderr)"

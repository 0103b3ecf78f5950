"""The CI gate: baselines, suppressions, draft-against-corpus, configuration, levels."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_main


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds and the shipped rules, in a folder of its own."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def _json(done) -> dict:
    return json.loads(done.stdout)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_baseline_round_trip(corpus: Path) -> None:
    written = run_main("seeds/", "--write-baseline", "baseline.json", cwd=corpus)
    assert written.returncode == 0 and written.stdout == ""
    entries = json.loads((corpus / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["rule"] for e in entries} >= {"model-launch-date", "baidu-apple-deal-status", "apple-models-evaluated"}
    assert all(e["kind"] != "agreement" for e in entries)

    accepted = run_main("seeds/", "--baseline", "baseline.json", "--format", "json", cwd=corpus)
    assert accepted.returncode == 0, accepted.stderr
    report = _json(accepted)
    assert report["summary"]["baselined"] == len(entries) and report["summary"]["disagreements"] == 0

    # moving text around keeps the ids: the baseline survives edits
    _edit(corpus / "seeds" / "001_182833d9e280f819.txt", "---\n\n据The Information", "---\n\n\n\n据The Information")
    assert run_main("seeds/", "--baseline", "baseline.json", cwd=corpus).returncode == 0

    # changing one value makes exactly that disagreement new, and its old entry stale
    _edit(corpus / "seeds" / "001_182833d9e280f819.txt", "1月29日凌晨", "1月30日凌晨")
    changed = run_main("seeds/", "--baseline", "baseline.json", "--format", "json", cwd=corpus)
    assert changed.returncode == 1
    failing = [f for f in _json(changed)["findings"] if f["kind"] != "agreement" and f["level"] == "error"]
    assert [(f["rule"], f["message"]) for f in failing] == [
        ("model-launch-date", "sources disagree: 2025-01-28 vs 2025-01-30 凌晨 vs 2025-01-21..2025-01-31")]
    stale = [line for line in changed.stderr.splitlines() if "stale baseline entry" in line]
    assert len(stale) == 1 and stale[0].startswith("baseline.json:")


def test_a_removed_disagreement_leaves_a_stale_entry(corpus: Path) -> None:
    run_main("seeds/", "--write-baseline", "baseline.json", cwd=corpus)
    _edit(corpus / "seeds" / "004_7638e87b2286deb5.txt", "双方的合作被取消了", "双方的合作出现了问题")
    done = run_main("seeds/", "--baseline", "baseline.json", cwd=corpus)
    assert done.returncode == 0
    assert next(line.split(": ", 2)[2] for line in done.stderr.splitlines()).startswith("stale baseline entry FC")


def test_broken_baseline_is_a_one_line_error(corpus: Path) -> None:
    (corpus / "baseline.json").write_text("{\n  \"findings\": [\n", encoding="utf-8")
    done = run_main("seeds/", "--baseline", "baseline.json", cwd=corpus)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("baseline.json:3: error: not a baseline (invalid JSON") and done.stderr.count("\n") == 1


def test_front_matter_suppression_drops_the_articles_claims_for_those_rules(corpus: Path) -> None:
    _edit(corpus / "seeds" / "004_7638e87b2286deb5.txt", 'title: "苹果的中国AI',
          'factcheck: {ignore: [baidu-apple-deal-status, share-price]}\ntitle: "苹果的中国AI')
    done = run_main("seeds/", "--format", "json", cwd=corpus)
    report = _json(done)
    [baidu] = [f for f in report["findings"] if f["rule"] == "baidu-apple-deal-status"]
    assert baidu["kind"] == "agreement"  # 每日经济新闻's "cancelled" is no longer checked
    assert not [c for c in report["claims"] if c["article"].startswith("seeds/004") and c["rule"] == "share-price"]
    assert [c for c in report["claims"] if c["article"].startswith("seeds/004") and c["rule"] == "share-price-move"]
    assert done.stderr == ""


def test_comment_suppresses_the_next_paragraph_only(corpus: Path) -> None:
    article = corpus / "seeds" / "001_182833d9e280f819.txt"
    _edit(article, "\n1月29日凌晨，", "\n<!-- factcheck-ignore model-launch-date -->\n1月29日凌晨，")
    _edit(article, "\n风险提示及免责条款", "\n<!-- factcheck-ignore share-price-move -->\n\n风险提示及免责条款")
    _edit(article, "\n苹果曾表示", "\n<!-- factcheck-ignore no-such-rule -->\n苹果曾表示")
    done = run_main("seeds/", "--format", "json", cwd=corpus)
    report = _json(done)
    [launch] = [f for f in report["findings"] if f["rule"] == "model-launch-date"]
    assert launch["kind"] == "agreement"  # 1月28日 and 1月底 agree once 1月29日 is suppressed
    assert sorted(line.split(": ", 2)[2] for line in done.stderr.splitlines()) == [
        "suppression (share-price-move, comment) suppresses nothing",
        "suppression names unknown rule 'no-such-rule'",
    ]
    assert done.returncode == 1  # warnings about suppressions do not make it an input error


def test_a_suppression_comment_inside_a_code_block_suppresses_nothing(corpus: Path) -> None:
    article = corpus / "seeds" / "001_182833d9e280f819.txt"
    _edit(article, "\n1月29日凌晨，", "\n```\n<!-- factcheck-ignore model-launch-date -->\n```\n1月29日凌晨，")
    report = _json(run_main("seeds/", "--format", "json", cwd=corpus))
    [launch] = [f for f in report["findings"] if f["rule"] == "model-launch-date"]
    assert launch["kind"] == "disagreement"  # the comment is code: 1月29日 is still read


def test_draft_against_corpus_reports_only_findings_the_draft_is_in(corpus: Path) -> None:
    (corpus / "drafts").mkdir()
    shutil.move(corpus / "seeds" / "004_7638e87b2286deb5.txt", corpus / "drafts" / "new.md")
    done = run_main("--against", "seeds/", "drafts/new.md", "--format", "json", cwd=corpus)
    report = _json(done)
    assert done.returncode == 1
    assert report["summary"]["articles"] == 5
    assert report["findings"] and all(any(c["article"] == "drafts/new.md" for c in f["claims"])
                                      for f in report["findings"])
    assert {f["rule"] for f in report["findings"]} >= {"baidu-apple-deal-status", "apple-models-evaluated"}
    clean = run_main("--against", "seeds/", "seeds/000_2554022df40b26d2.txt", "--rules", "rules/entities.yaml",
                     "--rules", "rules/apple-china-model-testing-start.yaml", cwd=corpus)
    assert clean.returncode == 0


def test_project_config_sets_levels_disables_rules_and_is_printed(corpus: Path) -> None:
    (corpus / ".factcheck.yaml").write_text(
        "rules: [rules]\ndisable: [share-price]\nlevels: {model-launch-date: warning, baidu-apple-deal-status: info}\n"
        "min_level: warning\n", encoding="utf-8")
    done = run_main("seeds/", "--format", "json", cwd=corpus)
    report = _json(done)
    assert done.returncode == 0  # both error-level disagreements were lowered
    levels = {f["rule"]: f["level"] for f in report["findings"]}
    assert levels == {"model-launch-date": "warning", "apple-models-evaluated": "warning"}
    assert "share-price" not in {r["id"] for r in report["rules"]}
    assert run_main("seeds/", "--fail-on", "warning", cwd=corpus).returncode == 1
    shown = run_main("config", cwd=corpus)
    assert shown.returncode == 0 and shown.stdout.startswith(f"# from {corpus / '.factcheck.yaml'}\n")
    assert "disable:\n- share-price\n" in shown.stdout and "model-launch-date: warning" in shown.stdout


def test_config_is_found_walking_up_and_in_pyproject(corpus: Path) -> None:
    (corpus / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factcheck]\nfail_on = "never"\n',
                                           encoding="utf-8")
    (corpus / "sub").mkdir()
    done = run_main("../seeds/", "--rules", "../rules", cwd=corpus / "sub")
    assert done.returncode == 0
    assert run_main("config", cwd=corpus / "sub").stdout.splitlines()[0] == f"# from {corpus / 'pyproject.toml'}"
    assert run_main("../seeds/", "--rules", "../rules", "--no-config", cwd=corpus / "sub").returncode == 1


@pytest.mark.parametrize("text, line, message", [
    ("rules: [rules]\nfail_on: sometimes\n", 2, "fail_on: 'sometimes' is not one of error, warning, info, never"),
    ("rules: [rules]\nbasline: b.json\n", 2, "unknown key 'basline'"),
    ("levels: {x: fatal}\n", 1, "levels: expected rule-id: level"),
    ("rules: [rules\n", 2, "YAML syntax"),
    ("rules: [rules]\njobs: 300\n", 2, "jobs: 300 is not between 0 (one per core) and 64"),
    ("max_file_size: 0\n", 1, "max_file_size: 0 MB is not between 1 and 1024"),
    ("rules: [rules]\nlevels: " + "[" * 100 + "]" * 100 + "\n", 2, "nested more than 64 levels deep"),
    ("rules: [rules]\nrules: [other]\n", 2, "duplicate key 'rules' (first at line 1)"),
    ("outlets: missing.yaml\n", 1, "outlets: no such file 'missing.yaml'"),
])
def test_broken_config_is_a_one_line_error(corpus: Path, text: str, line: int, message: str) -> None:
    (corpus / ".factcheck.yaml").write_text(text, encoding="utf-8")
    done = run_main("seeds/", cwd=corpus)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"{corpus / '.factcheck.yaml'}:{line}: ") and message in done.stderr


def test_unknown_rule_in_config_is_reported_on_its_line(corpus: Path) -> None:
    (corpus / ".factcheck.yaml").write_text("rules: [rules]\ndisable: [no-such-rule]\n", encoding="utf-8")
    done = run_main("seeds/", cwd=corpus)
    assert done.returncode == 2
    assert f"{corpus / '.factcheck.yaml'}:2: error: disable: unknown rule 'no-such-rule'" in done.stderr.splitlines()


@pytest.mark.parametrize("flag, value, message", [
    ("--max-file-size", "0", "--max-file-size: 0 MB is not between 1 and 1024"),
    ("--jobs", "300", "--jobs: 300 is not between 0 (one per core) and 64"),
])
def test_out_of_range_flags_are_one_line(corpus: Path, flag: str, value: str, message: str) -> None:
    done = run_main("seeds/", flag, value, cwd=corpus)
    assert (done.returncode, done.stderr, done.stdout) == (2, f"factcheck: error: {message}\n", "")


def test_deeply_nested_or_duplicate_baseline_is_one_line(corpus: Path) -> None:
    (corpus / "deep.json").write_text('{"schema_version": 1, "findings": ' + "[" * 5000 + "]" * 5000 + "}\n",
                                      encoding="utf-8")
    done = run_main("seeds/", "--baseline", "deep.json", cwd=corpus)
    assert (done.returncode, done.stderr) == (2, "deep.json:1: error: not a baseline (invalid JSON): "
                                                 "exceeded maximum nesting depth\n")
    (corpus / "twice.json").write_text('{"schema_version": 1,\n "findings": [],\n "findings": []}\n', encoding="utf-8")
    done = run_main("seeds/", "--baseline", "twice.json", cwd=corpus)
    assert (done.returncode, done.stderr) == (2, "twice.json:3: error: duplicate key 'findings' (first at line 2)\n")


@pytest.mark.parametrize("named", ["seeds/", "./seeds", "{corpus}/seeds"])
def test_ignore_globs_leave_articles_out_however_they_are_named(corpus: Path, named: str) -> None:
    done = run_main(named.format(corpus=corpus), "--ignore", "seeds/004_*", "--format", "json", cwd=corpus)
    assert _json(done)["summary"]["articles"] == 4


def test_conflicting_options_are_usage_errors(corpus: Path) -> None:
    done = run_main("seeds/", "--baseline", "a.json", "--write-baseline", "b.json", cwd=corpus)
    assert (done.returncode, done.stderr) == (2, "factcheck: error: --baseline and --write-baseline contradict each other\n")
    done = run_main("seeds/", "--config", "x.yaml", "--no-config", cwd=corpus)
    assert done.returncode == 2 and "contradict" in done.stderr
    done = run_main("seeds/", "--write-baseline", "seeds/b.json", cwd=corpus)
    assert done.returncode == 2 and "--write-baseline" in done.stderr and not (corpus / "seeds" / "b.json").exists()


def test_config_rounded_level_applies_to_rules_that_do_not_set_their_own(tmp_path: Path) -> None:
    from factcheck.config import load_config
    from factcheck.gate import select_rules
    from factcheck.rules import load_rules

    (tmp_path / "quiet.yaml").write_text("kind: number\ndescription: d\nvalue: percent\ncue: [涨]\n", encoding="utf-8")
    (tmp_path / "loud.yaml").write_text("kind: number\ndescription: d\nvalue: percent\ncue: [涨]\n"
                                        "rounded_level: error\n", encoding="utf-8")
    config_file = tmp_path / ".factcheck.yaml"
    config_file.write_text("rounded_level: info\n", encoding="utf-8")
    rules = select_rules(load_rules([str(tmp_path / "quiet.yaml"), str(tmp_path / "loud.yaml")]),
                         load_config(config_file)).rules
    assert sorted((r.id, r.rounded_level) for r in rules) == [("loud", "error"), ("quiet", "info")]

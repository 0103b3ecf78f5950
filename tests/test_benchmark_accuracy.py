"""benchmarks/accuracy.py on one shared cluster: figures are ratios and the verdict follows them (no scores hard-coded)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from conftest import run_main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CLUSTER = "mixue-hk-ipo-2025-02-11"  # the smallest cluster with an example rule set


def _load():
    spec = importlib.util.spec_from_file_location("benchmark_accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


accuracy = _load()


def test_verdict_follows_the_goal() -> None:
    good = accuracy.Score("x", claims_found=8, claims_total=10, disagreements_flagged=4, disagreements_total=5,
                          findings=10, true_flags=9, false_alarms=1)
    assert good.passes() and accuracy.verdict_line(good).startswith("PASS")
    for worse in ({"true_flags": 8}, {"claims_found": 7}, {"disagreements_flagged": 3}):
        score = accuracy.Score(**{**good.__dict__, **worse})
        assert not score.passes() and accuracy.verdict_line(score).startswith("FAIL")
    empty = accuracy.Score("y")  # nothing to count: n/a, which does not fail the goal
    assert empty.precision is None and empty.passes()


def test_totals_add_counts() -> None:
    total = accuracy.Score("t")
    total.add(accuracy.Score("a", claims_found=1, claims_total=2, findings=3, true_flags=1))
    total.add(accuracy.Score("b", claims_found=3, claims_total=4, findings=1, true_flags=1))
    assert (total.claims_found, total.claims_total, total.findings, total.true_flags) == (4, 6, 4, 2)
    assert total.claim_recall == 4 / 6 and total.precision == 2 / 4


def test_missing_corpus_is_a_clean_skip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--corpus", str(tmp_path / "absent")]) == 0
    assert "accuracy benchmark skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (CORPUS / "clusters" / CLUSTER).is_dir(), reason="../shared/corpus is absent")
def test_one_cluster_end_to_end(capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--cluster", CLUSTER, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    (cluster,) = result["clusters"]
    assert cluster["cluster"] == CLUSTER
    assert cluster["claims_total"] > 0
    for name in ("claim_recall", "disagreement_recall", "precision"):
        assert cluster[name] is None or 0.0 <= cluster[name] <= 1.0
    assert cluster["true_flags"] + cluster["false_alarms"] == cluster["findings"]
    goal = result["goal"]
    expected = all(cluster[name] is None or cluster[name] >= goal[name]
                   for name in ("precision", "disagreement_recall", "claim_recall"))
    assert cluster["passed"] is expected

    assert accuracy.main(["--cluster", CLUSTER]) == 0
    verdict = [line for line in capsys.readouterr().out.splitlines() if line.endswith(")") and CLUSTER in line]
    assert verdict and verdict[-1].startswith("PASS" if expected else "FAIL")


@pytest.mark.parametrize("folder", sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir()))
def test_example_rule_sets_validate_and_their_examples_hold(folder: str) -> None:
    done = run_main("rules", "check", "--rules", str(ROOT / "examples" / folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert ", 0 failing" in done.stdout


def test_missed_rows_lists_only_rows_no_claim_stands_for() -> None:
    scorer = accuracy.load_scorer(CORPUS / "truth" / "score.py") if (CORPUS / "truth" / "score.py").is_file() else None
    if scorer is None:
        pytest.skip("../shared/corpus is absent")
    facts = [{"id": "F1", "kind": "number", "rows": [
        {"file": "a.md", "lines": {3}, "value": "5000万元", "nums": ["5000"], "quote": "募资5000万元"},
        {"file": "b.md", "lines": {7}, "value": "5千万元", "nums": ["5"], "quote": "募资5千万元"}]}]
    claims = [{"article": "/x/a.md", "line": 3, "rule": "raise", "value": {"raw": "5000万元"}},
              {"article": "/x/b.md", "line": 7, "rule": "raise", "value": {"raw": "60万元"}}]
    (row,) = accuracy.missed_rows(scorer, facts, claims, {"diagnostics": []})
    assert row.startswith("F1 b.md:7 ") and "raise:-=60万元" in row


def test_missed_rows_say_which_rules_cues_stand_on_a_line_with_no_claim(tmp_path: Path) -> None:
    """A row whose line holds a rule's cue but no claim is a value the reading missed (round 22 mgm-china-results
    F2, bulk/266108765.zh-CN.md:30, before 集团 passed over a 其中 breakdown): `--rows` names the rule and cue;
    a line holding no cue says nothing more, and an `unread-value` note on the line is shown."""
    scorer = accuracy.load_scorer(CORPUS / "truth" / "score.py") if (CORPUS / "truth" / "score.py").is_file() else None
    if scorer is None:
        pytest.skip("../shared/corpus is absent")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "revenue.yaml").write_text(
        "kind: number\ndescription: revenue\nvalue: money\ncue: [总收益录得, 收益]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text('---\ndate: "2025-02-13 09:11:46"\n---\n'
                                   "截至2024年12月31日止年度，集团总收益录得313.87亿元，同比增长27.15%。\n"
                                   "门店共有12家。\n", encoding="utf-8")
    facts = [{"id": "F2", "kind": "number", "rows": [
        {"file": "a.md", "lines": {4}, "value": "313.87亿元", "nums": ["313.87"], "quote": "集团总收益录得313.87亿元"},
        {"file": "a.md", "lines": {5}, "value": "12家", "nums": ["12"], "quote": "门店共有12家"}]}]
    cues = accuracy.CuesOnLine.of(tmp_path / "rules", tmp_path)
    report = {"diagnostics": [{"path": "/x/a.md", "line": 4, "code": "unread-value"}]}
    revenue, stores = accuracy.missed_rows(scorer, facts, [], report, cues)
    assert revenue.endswith("no claim at line; cue of revenue«总收益录得» (unread-value)")
    assert stores.endswith("no claim at line")


def test_a_devset_is_assembled_from_bulk_without_copying_into_the_project(tmp_path: Path) -> None:
    corpus, devset = tmp_path / "corpus", tmp_path / "devsets" / "round0"
    (corpus / "bulk").mkdir(parents=True)
    (corpus / "truth").mkdir()
    (corpus / "truth" / "score.py").write_text("# scorer\n", encoding="utf-8")
    for name in ("a.zh-CN.md", "b.zh-HK.md", "c.en.md"):
        (corpus / "bulk" / name).write_text(f"---\ntitle: {name}\n---\n正文\n", encoding="utf-8")
    (devset / "truth").mkdir(parents=True)
    (devset / "stories.yaml").write_text("story-one: [a.zh-CN.md, b.zh-HK.md]\nstory-two: [c.en.md]\n",
                                         encoding="utf-8")
    (devset / "truth" / "story-one.yaml").write_text("cluster: story-one\n", encoding="utf-8")
    out = accuracy.assemble_devset(devset, corpus, tmp_path / "scratch")
    assert out is not None
    assert sorted(p.name for p in (out / "clusters" / "story-one").iterdir()) == ["a.zh-CN.md", "b.zh-HK.md"]
    assert (out / "clusters" / "story-two" / "c.en.md").read_text(encoding="utf-8").endswith("正文\n")
    assert (out / "truth" / "story-one.yaml").is_file() and (out / "truth" / "score.py").is_file()
    (devset / "stories.yaml").write_text("story-one: [a.zh-CN.md, gone.md]\n", encoding="utf-8")
    assert accuracy.assemble_devset(devset, corpus, tmp_path / "scratch2") is None  # an article missing: skipped


def test_an_unknown_devset_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        accuracy.main(["--devset", "no-such-round"])
    assert "no dev set 'no-such-round'" in str(stop.value)


@pytest.mark.skipif(not (CORPUS / "bulk").is_dir(), reason="../shared/corpus/bulk is absent")
def test_the_kept_devsets_score_against_their_own_truth(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Every dev set's articles are still in bulk and its rules run: each story is scored, with as
    many truth rows as its truth file lists. The benchmark's own factcheck command runs in this
    process (about 50 stories, a second of CPU saved on each; test_one_cluster_end_to_end starts it)."""
    import subprocess

    import yaml

    def in_process(command: list[str], **options) -> subprocess.CompletedProcess[str]:
        assert command[:3] == [sys.executable, "-m", "factcheck"], command
        return run_main(*command[3:], cwd=options.get("cwd", ROOT))

    monkeypatch.setattr(accuracy.subprocess, "run", in_process)
    assert accuracy.main(["--devset", "all", "--json"]) == 0
    out = capsys.readouterr().out
    results = [json.loads(chunk[chunk.index("{"):]) for chunk in out.split("== dev set ")[1:]]
    assert results, "no dev set kept"
    for result in results:
        assert not result["skipped"]
        for cluster in result["clusters"]:
            name = cluster["cluster"]
            truth_file = next((ROOT / "benchmarks" / "devsets").glob(f"*/truth/{name}.yaml"))
            truth = yaml.safe_load(truth_file.read_text(encoding="utf-8"))
            assert cluster["claims_total"] == sum(len(fact["values"]) for fact in truth["facts"])

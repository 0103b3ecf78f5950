"""`factcheck discover`: candidates without rules, stories, drafted rules that find the candidate again.

The fixture folder tests/fixtures/discover/articles holds three articles made
of real sentences (sources in its README): their net profit disagrees
(21.95 vs 22.13 亿美元), their revenue agrees.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import FIXTURES, ROOT, run_cli

ARTICLES = FIXTURES / "discover" / "articles"


def _discover(*args: str) -> dict:
    done = run_cli("discover", str(ARTICLES.relative_to(ROOT)), "--format", "json", "--jobs", "1", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_disagreeing_net_profit_is_the_top_candidate_with_its_evidence() -> None:
    top = _discover()["candidates"][0]
    assert (top["kind"], top["subject_name"], top["metric"], top["family"]) == ("disagreement", "可口可乐", "利润", "money")
    evidence = sorted((Path(c["article"]).name, c["line"], c["value"]["display"]) for c in top["claims"])
    assert evidence == [("a-jinwucj.md", 7, "21.95亿 USD"), ("b-qq.md", 7, "22.13亿 USD")]
    assert {c["outlet"] for c in top["claims"]} == {"jinwucj", "qq"}


def test_agreements_are_shown_apart_from_disagreements() -> None:
    candidates = _discover()["candidates"]
    kinds = [c["kind"] for c in candidates]
    assert kinds.index("agreement") > max(i for i, k in enumerate(kinds) if k == "disagreement")
    revenue = next(c for c in candidates if c["metric"] == "营收" and c["family"] == "money")
    assert revenue["kind"] == "agreement" and revenue["sources"] == 3


def test_a_change_is_about_the_metric_before_it() -> None:
    growth = [c for c in _discover()["candidates"] if c["family"] == "%change"]
    assert {(c["metric"], tuple(sorted(x["value"]["display"] for x in c["claims"]))) for c in growth} == {
        ("利润", ("11%", "11.25%")), ("营收", ("6%", "6%"))}


def test_output_is_deterministic_and_the_same_with_workers() -> None:
    first = run_cli("discover", str(ARTICLES), "--jobs", "1")
    second = run_cli("discover", str(ARTICLES), "--jobs", "2")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_stories_group_a_mixed_folder(tmp_path: Path) -> None:
    for source in ARTICLES.iterdir():
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("seeds/001_182833d9e280f819.txt", "seeds/004_7638e87b2286deb5.txt"):
        (tmp_path / Path(name).name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    done = run_cli("discover", str(tmp_path), "--stories", "--format", "json")
    stories = [sorted(Path(a["path"]).name for a in s["articles"]) for s in json.loads(done.stdout)["stories"]]
    assert sorted(stories) == [["001_182833d9e280f819.txt", "004_7638e87b2286deb5.txt"],
                               ["a-jinwucj.md", "b-qq.md", "c-wallstreetcn.md"]]


def test_drafted_rules_pass_rules_check_and_find_the_candidate_again(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    data = _discover("--write-rules", str(rules))
    top = data["candidates"][0]
    rule_file = rules / f"{top['id'].lower()}.yaml"
    assert rule_file.is_file()
    checked = run_cli("rules", "check", "--rules", str(rules), "--no-config")
    assert checked.returncode == 0, checked.stderr
    check = run_cli(str(ARTICLES), "--rules", str(rules), "--format", "json", "--no-config", "--no-cache")
    findings = json.loads(check.stdout)["findings"]
    rule_id = rule_file.stem
    found = {(Path(c["article"]).name, c["line"], re.sub(r"[^\d.]", "", c["value"]["raw"]))
             for f in findings if f["rule"] == rule_id and f["kind"] == "disagreement" for c in f["claims"]}
    assert {("a-jinwucj.md", 7, "21.95"), ("b-qq.md", 7, "22.13")} <= found


def test_an_entities_file_names_the_subjects(tmp_path: Path) -> None:
    entities = tmp_path / "entities.yaml"
    entities.write_text("kind: entities\ndescription: test\nentities:\n"
                        "  - {id: coca-cola, name: Coca-Cola, aliases: [可口可乐, 可口可樂, KO]}\n", encoding="utf-8")
    top = _discover("--entities", str(entities))["candidates"][0]
    assert (top["subject"], top["metric"]) == ("coca-cola", "利润")


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = run_cli("discover", str(ARTICLES), "--entities", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "no such entities file" in missing.stderr
    inside = run_cli("discover", str(ARTICLES), "-o", str(ARTICLES / "report.txt"))
    assert inside.returncode == 2 and "inside a folder discover reads" in inside.stderr
    assert not (ARTICLES / "report.txt").exists()


def test_html_report_holds_every_candidate() -> None:
    done = run_cli("discover", str(ARTICLES), "--format", "html", "--jobs", "1")
    assert done.stdout.startswith("<!DOCTYPE html>") and done.stdout.count("<section id=\"DC") == 5


def test_docs_example_is_the_real_output() -> None:
    docs = (ROOT / "docs" / "discover.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- discover-example:start -->\n```text\n\$ (.*?)\n(.*?)```\n<!-- discover-example:end -->",
                      docs, re.DOTALL)
    assert block, "docs/discover.md lost its example block"
    args = block.group(1).split()[1:]
    assert run_cli(*args).stdout == block.group(2)


def test_values_table() -> None:
    import yaml

    from factcheck.discover.values import observe
    from factcheck.load import parse_article

    for case in yaml.safe_load((FIXTURES / "discover" / "values.yaml").read_text(encoding="utf-8")):
        article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', case["source"])
        seen = [{"value": o.value.display(), "metric": o.metric, "family": o.family,
                 **{name: value for name, value, _ in o.qualifiers}} for o in observe(article)]
        for expected, got in zip(case["expect"], seen):
            assert {k: got.get(k) for k in expected} == expected, case["source"]
        assert len(seen) == len(case["expect"]), case["source"]


def test_drafted_yaml_reads_back_as_written_under_yaml_1_2(tmp_path: Path) -> None:
    """Stock codes like 01896 (1.1: a string PyYAML leaves plain; 1.2: the integer 1896) stay strings."""
    from factcheck.discover.draft_rules import write_rules
    from factcheck.rules import load_rules

    story_entities = {"s1": [{"id": "e1", "name": "百度", "aliases": ["百度", "09888", "9888", "1e3", "null", "on"]}]}
    claims = [{"article": f"{name}.md", "sentence": "百度营收为100亿元。", "span": [5, 10], "phrase": "营收",
               "subject_inferred": False, "context": [], "value": {"raw": "100亿元"}} for name in ("a", "b")]
    candidate = {"id": "DC1", "story": "s1", "family": "money", "subject": "e1", "subject_name": "百度",
                 "metric": "营收", "sources": 2, "claims": claims}
    assert write_rules(tmp_path, [candidate], story_entities) == 1
    rule_set = load_rules([str(tmp_path)])
    assert not rule_set.diagnostics
    assert {e.id: e.aliases for e in rule_set.entities}["s1-e1"] == ("百度", "09888", "9888", "1e3", "null", "on")

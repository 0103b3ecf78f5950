"""`factcheck extract --shard I/N` on every shard, then `factcheck compare`, is `factcheck PATH`."""

from __future__ import annotations

import json
import re
import shutil
import sys
import types
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, RULES, SEEDS

from factcheck import __version__
from factcheck.claims_file import Shard, lines, read, shard_of
from factcheck.cli import main
from factcheck.kinds import KINDS
from factcheck.pipeline import Options, check, claims_header


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The seeds, an article that cannot be read, and an empty folder (a folder problem)."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\nbody\n")
    (folder / "empty").mkdir()
    (folder / "empty" / "notes.csv").write_text("not an article\n", encoding="utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _sharded(capsys: pytest.CaptureFixture[str], paths: list[str], count: int, out: Path,
             *report: str) -> tuple[int, str, str]:
    files = []
    for index in range(1, count + 1):
        target = out / f"claims-{index}-of-{count}.jsonl"
        code, _, err = _run(capsys, "extract", *paths, "--rules", str(RULES), "--no-cache", "--no-config",
                            "--shard", f"{index}/{count}", "--output", str(target))
        assert code in (0, 2), err
        files.append(str(target))
    return _run(capsys, "compare", *reversed(files), "--rules", str(RULES), "--no-config", *report)


# 20: more shards than the 6 files, most shards empty
@pytest.mark.parametrize(("count", "report"), [(1, "json"), (2, "json"), (3, "json"), (3, "text"), (20, "json")])
def test_every_sharding_gives_the_report_of_one_run(corpus: Path, tmp_path: Path, capsys, count: int,
                                                    report: str) -> None:
    paths = [str(corpus), str(corpus / "empty")]
    plain = _run(capsys, *paths, "--rules", str(RULES), "--no-cache", "--no-config", "--format", report)
    sharded = _sharded(capsys, paths, count, tmp_path, "--format", report)
    assert plain[0] == 2 and "broken.md" in plain[2] and "no articles" in plain[2]  # errors are there to carry
    assert sharded == plain


def test_a_shard_holds_the_files_its_path_hash_names_whatever_else_is_there() -> None:
    names = [f"bulk/{i:04d}.md" for i in range(400)]
    shards = {name: shard_of(name, 4) for name in names}
    assert set(shards.values()) == {1, 2, 3, 4}
    assert all(Shard(shards[name], 4).holds(name) for name in names)
    assert {name: shard_of(name, 4) for name in names[::-3]} == {name: shards[name] for name in names[::-3]}
    assert all(50 < list(shards.values()).count(i) < 150 for i in (1, 2, 3, 4))  # spread, not clumped


def test_every_value_comes_back_exactly(tmp_path: Path) -> None:
    from factcheck.rules import load_rules

    rule_set = load_rules([str(RULES)])
    result = check([str(SEEDS)], rule_set, Options())
    # the seed rules make claims of the four first kinds; the later kinds' values are in the next test
    assert {type(c.value) for c in result.claims} == {kind.value_type for kind in KINDS.values()} - LATER_VALUES
    header = claims_header(rule_set, Options(), (str(SEEDS),), len(result.articles))
    by_article = {a.path: [c for c in result.claims if c.article == a.path] for a in result.articles}
    target = tmp_path / "claims.jsonl"
    target.write_text("".join(lines(header, [], enumerate((a, by_article[a.path]) for a in result.articles))),
                      encoding="utf-8")
    back = read([str(target)], header, {r.id: r for r in rule_set.rules})
    assert [outcome for outcome in back.outcomes] == [(a, by_article[a.path]) for a in result.articles]


def test_a_new_kinds_values_round_trip_with_no_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/architecture.md's ratio kind: its value type's own from_dict reads its claims back."""
    from factcheck.extract import extract
    from factcheck.kinds.schema import rule_schema
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex
    from factcheck.rules import load_rules

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    [source] = re.findall(r"```python\n(.*?)```", doc, flags=re.S)
    module = types.ModuleType("factcheck_doc_ratio_claims")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(source, "docs/architecture.md", "exec"), module.__dict__)
    monkeypatch.setitem(KINDS, "ratio", module.RatioKind())
    rule_schema.cache_clear()
    try:
        (tmp_path / "pe.yaml").write_text("kind: ratio\ndescription: p/e\ncue: [市盈率]\nsubjects: [acme]\n"
                                          "entities: [{id: acme, name: 艾克米}]\n", encoding="utf-8")
        rule_set = load_rules([str(tmp_path / "pe.yaml")])
        article = parse_article("艾克米市盈率达30.50倍。\n", "a.md")
        claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
        assert [c.value.display() for c in claims] == ["30.5倍"]
        header = claims_header(rule_set, Options(), ("a.md",), 1)
        target = tmp_path / "claims.jsonl"
        target.write_text("".join(lines(header, [], [(0, (article, claims))])), encoding="utf-8")
        [(_, back)] = read([str(target)], header, {r.id: r for r in rule_set.rules}).outcomes
        assert back == claims and type(back[0].value) is module.Ratio
    finally:
        monkeypatch.undo()
        rule_schema.cache_clear()


def _extract(capsys, corpus: Path, target: Path, *more: str) -> None:
    code, _, err = _run(capsys, "extract", str(corpus), "--no-cache", "--no-config", "--output", str(target), *more)
    if "--shard" not in more:  # the unreadable article is reported, and the file still written
        assert code == 2 and err == f"{corpus}/broken.md:2: error: front matter: did not find expected ',' or ']'\n", err
    assert target.is_file()


def test_claims_from_another_rule_set_are_refused_in_one_line(corpus: Path, tmp_path: Path, capsys) -> None:
    fewer = tmp_path / "rules"
    shutil.copytree(RULES, fewer)
    (fewer / "share-price-move.yaml").unlink()
    _extract(capsys, corpus, tmp_path / "c.jsonl", "--rules", str(fewer))
    code, out, err = _run(capsys, "compare", str(tmp_path / "c.jsonl"), "--rules", str(RULES), "--no-config")
    assert (code, out) == (2, "")
    assert err == f"{tmp_path / 'c.jsonl'}:1: error: extracted with another rule set (or other rules enabled) " \
                  "than --rules gives: extract again with these rules\n"


def test_claims_from_another_version_are_refused_in_one_line(corpus: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "c.jsonl"
    _extract(capsys, corpus, target, "--rules", str(RULES))
    first, rest = target.read_text(encoding="utf-8").split("\n", 1)
    header = json.loads(first)
    header["factcheck"] = "0.0.9"
    target.write_text(json.dumps(header) + "\n" + rest, encoding="utf-8")
    code, _, err = _run(capsys, "compare", str(target), "--rules", str(RULES), "--no-config")
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"{target}:1: error: written by factcheck 0.0.9 (claims format 3); this is factcheck "
                          f"{__version__}")


def test_claims_of_the_format_before_written_are_refused(corpus: Path, tmp_path: Path, capsys) -> None:
    """Format 1 had no `written` day on a claim, which compare now reads to keep a day to come apart
    only from days no longer to come when its source wrote it: such a file is refused, not misread."""
    target = tmp_path / "c.jsonl"
    _extract(capsys, corpus, target, "--rules", str(RULES))
    first, rest = target.read_text(encoding="utf-8").split("\n", 1)
    header = json.loads(first)
    header["format_version"] = 1
    target.write_text(json.dumps(header) + "\n" + rest, encoding="utf-8")
    code, _, err = _run(capsys, "compare", str(target), "--rules", str(RULES), "--no-config")
    assert code == 2 and err.count("\n") == 1 and "(claims format 1)" in err and "(format 3)" in err


@pytest.mark.parametrize(("shards", "expected"), [
    (["1/3", "3/3"], "shard(s) 2 of 3 missing: compare needs every shard's claims file"),
    (["1/2", "1/2"], "shard 1/2 is also in"),
    (["1/2", "2/3"], "shard count 3 differ from 2 in"),
])
def test_shards_that_do_not_make_one_run_are_refused(corpus: Path, tmp_path: Path, capsys, shards: list[str],
                                                     expected: str) -> None:
    paths = []
    for number, shard in enumerate(shards):
        paths.append(str(tmp_path / f"{number}.jsonl"))
        _run(capsys, "extract", str(corpus), "--rules", str(RULES), "--no-cache", "--no-config", "--shard", shard,
             "--output", paths[-1])
    code, out, err = _run(capsys, "compare", *paths, "--rules", str(RULES), "--no-config")
    assert (code, out) == (2, "") and err.count("\n") == 1 and expected in err


def test_a_damaged_line_is_named_and_not_a_traceback(corpus: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "c.jsonl"
    _extract(capsys, corpus, target, "--rules", str(RULES))
    text = target.read_text(encoding="utf-8").split("\n")
    text[2] = text[2][: len(text[2]) // 2]
    target.write_text("\n".join(text), encoding="utf-8")
    code, _, err = _run(capsys, "compare", str(target), "--rules", str(RULES), "--no-config")
    assert code == 2 and err.startswith(f"{target}:3: error: not a claims record") and err.count("\n") == 1
    (tmp_path / "report.json").write_text("{}\n", encoding="utf-8")
    code, _, err = _run(capsys, "compare", str(tmp_path / "report.json"), "--rules", str(RULES), "--no-config")
    assert (code, err) == (2, f"{tmp_path / 'report.json'}:1: error: not a factcheck claims file "
                              "(write one with `factcheck extract`)\n")


@pytest.mark.parametrize("shard", ["0/3", "4/3", "2", "a/b"])
def test_a_shard_out_of_range_is_a_usage_error(corpus: Path, tmp_path: Path, capsys, shard: str) -> None:
    code, _, err = _run(capsys, "extract", str(corpus), "--rules", str(RULES), "--shard", shard,
                        "--output", str(tmp_path / "c.jsonl"))
    assert code == 2 and err.startswith("factcheck: error: --shard: expected I/N") and err.count("\n") == 1
    assert not (tmp_path / "c.jsonl").exists()


def test_the_header_says_what_the_file_was_made_from(corpus: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "c.jsonl"
    _extract(capsys, corpus, target, "--rules", str(RULES), "--shard", "2/3")
    header = json.loads(target.read_text(encoding="utf-8").split("\n", 1)[0])
    assert header["format"] == "factcheck-claims" and header["format_version"] == 3
    assert header["factcheck"] == __version__ and header["shard"] == "2/3" and header["files"] == 6
    assert header["inputs"] == [str(corpus)]


def test_the_example_of_docs_scaling_runs(tmp_path: Path) -> None:
    import os
    import subprocess

    doc = (ROOT / "docs" / "scaling.md").read_text(encoding="utf-8")
    [script] = re.findall(r"<!-- this block runs in tests/test_claims_file.py -->\n```sh\n(.*?)```", doc, re.S)
    (tmp_path / "seeds").symlink_to(SEEDS)
    (tmp_path / "rules").symlink_to(RULES)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.glob("claims-*.jsonl"))) == 3
    assert json.loads((tmp_path / "sharded.json").read_text(encoding="utf-8"))["summary"]["disagreements"] > 0


def _later_values() -> dict[type, object]:
    """One value of each kind the seed rules do not use, read from a real sentence each."""
    from factcheck.kinds.count import Count
    from factcheck.kinds.derived import derive
    from factcheck.kinds.duration import DURATION, read_duration
    from factcheck.normalize.quantities import parse_quantity

    price, move = parse_quantity("117.6港元"), parse_quantity("3.34%")  # seeds/003_dff16045e05a3683.txt:36
    assert price is not None and move is not None
    derived = derive("previous-close", price, move)
    match = DURATION.search("距离上一次发布不足三个月")  # a duration as newsrooms write it
    assert match is not None
    duration = read_duration(match)
    counted = parse_quantity("1800家")  # a count: the unit word is the rule's
    values = {type(derived): derived, type(duration): duration}
    if counted is not None:
        values[Count] = Count(counted.value, counted.low, counted.high, "家", counted.approx, counted.raw)
    else:
        values[Count] = Count(Decimal(1800), Decimal("1799.5"), Decimal("1800.5"), "家", "", "1800家")
    return values


LATER_VALUES = {kind.value_type for kind in KINDS.values()
                if kind.name not in ("number", "date", "set", "status")}


def test_the_later_kinds_values_come_back_exactly() -> None:
    values = _later_values()
    assert set(values) == LATER_VALUES
    for value_type, value in values.items():
        assert value is not None
        assert value_type.from_dict(value.to_dict()) == value  # type: ignore[attr-defined]


def test_a_date_to_come_when_written_comes_back_so() -> None:
    """Review #11 and #7: what compare reads of a claim (to come, the publish day) are fields, so a claims
    file keeps them (to_come written only when set)."""
    from factcheck.claims_file import _claim, _read_claim
    from factcheck.kinds.date import DateRule
    from factcheck.records import Claim
    from factcheck.values import DateValue

    rule = DateRule(id="when", path="when.yaml", kind="date", description="d", level="error")
    day = DateValue(date(2025, 2, 20), date(2025, 2, 20), "day", "2月20日")
    coming = Claim("when", "acme", day, (), "a.md", "a", 1, "将于2月20日宣布", (2, 7), note="to come when written (将)",
                   to_come=True, written=date(2025, 2, 13))
    for found in (coming, replace(coming, to_come=False), replace(coming, written=None)):
        assert _read_claim(_claim(found), {"when": rule}, KINDS) == found
    assert "to_come" not in _claim(replace(coming, to_come=False))


def test_a_statuss_joined_posts_and_a_dates_clock_come_back_and_are_written_only_when_set() -> None:
    """docs/output.md: a status's `joined` (董事长兼总裁 read by a rule with a state per post; qq,
    bulk/20250213A06ZXO.zh-CN.md:32) and a date's `clock` (每经's 当地时间2月12日, two_clocks.yaml) are
    written only when set, and a claims file gives them back, or compare would judge them apart."""
    from datetime import date

    from factcheck.values import DateValue, StatusValue

    joined = StatusValue("chairman", "董事长", ("chairman", "president"))
    assert joined.to_dict()["joined"] == ["chairman", "president"]
    assert StatusValue.from_dict(joined.to_dict()) == joined
    assert "joined" not in StatusValue("chairman", "董事长").to_dict()
    local = DateValue(date(2025, 2, 12), date(2025, 2, 13), "day", "当地时间2月12日", "", clock="local")
    assert local.to_dict()["clock"] == "local" and DateValue.from_dict(local.to_dict()) == local
    assert "clock" not in DateValue(date(2025, 2, 12), date(2025, 2, 12), "day", "2月12日", "").to_dict()

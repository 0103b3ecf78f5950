"""Shared helpers: the project root, the shared corpus, running the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# property tests: a few hundred examples in the suite; `tests/fuzz/run.py` raises it for a long fuzz run
settings.register_profile("default", max_examples=250, deadline=None)
settings.register_profile("fuzz", max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "20000")),
                          deadline=None)
settings.load_profile(os.environ.get("FACTCHECK_HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


CACHE = Path(tempfile.mkdtemp(prefix="factcheck-test-cache-"))  # never the user's cache


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m factcheck` as a user would, capturing its output."""
    # the locale chooses the report language (--lang): pinned, unless a test gives its own environment
    env = {**(env or {**os.environ, "LC_ALL": "C.UTF-8"}), "XDG_CACHE_HOME": str(CACHE)}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def run_main(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`factcheck` called in this process, with what run_cli gives: the exit code (a usage error's
    too) and the output. For a test of what a check reads or finds, not of the process (its
    environment, signals, stream encodings, standard input): a new Python compiles every pattern
    again, about a second of CPU, where the call itself often takes a hundredth of that."""
    import contextlib
    import io

    from factcheck.cli import main

    out, err, before = io.StringIO(), io.StringIO(), Path.cwd()
    pinned = {"LC_ALL": "C.UTF-8", "XDG_CACHE_HOME": str(CACHE)}  # as run_cli pins them
    saved = {name: os.environ.get(name) for name in pinned}
    os.environ.update(pinned)
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:  # argparse's usage errors and --version, as the process would end
                code = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 1
    finally:
        os.chdir(before)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(["factcheck", *args], code, out.getvalue(), err.getvalue())


def run_json(*args: str, cwd: Path = ROOT) -> tuple[int, dict]:
    done = run_main(*args, "--format", "json", cwd=cwd)
    return done.returncode, json.loads(done.stdout)


def case_rule_set(case: dict, folder: Path) -> Any:
    """A fixture case's `entities` and `rule`, written as a user would write them and loaded."""
    import yaml

    from factcheck.rules import load_rules

    (folder / "entities.yaml").write_text(yaml.safe_dump(
        {"kind": "entities", "description": "the case's entities", "entities": case["entities"]},
        allow_unicode=True), encoding="utf-8")
    (folder / "rule.yaml").write_text(yaml.safe_dump(case["rule"], allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(folder)])
    assert not rule_set.diagnostics, rule_set.diagnostics
    return rule_set


def assert_rule_case_reads(case: dict, folder: Path, kind: str) -> None:
    """A fixture case's one `kind` rule reads in its `text` the case's `claims`, in order, each
    with the context keys the case names, and its subject if named (`rule` holds the rule's own keys; `published` dates
    the article; `source` is its file:line)."""
    import yaml

    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex
    from factcheck.rules import load_rules

    rule = {"kind": kind, "description": f"a {kind} rule", **case["rule"]}
    (folder / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(folder)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "case.md")
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    read = [{"value": c.value.display(), "subject": c.subject, **c.context_dict()} for c in claims]
    assert [r["value"] for r in read] == [w["value"] for w in case["claims"]], case["source"]
    for wanted, got in zip(case["claims"], read, strict=True):
        assert {k: got.get(k, "") for k in wanted} == wanted, case["source"]


def claims_of_sources(rule_set: Any, sources: list[tuple[str, str]]) -> list[list[Any]]:
    """Each source's claims, a source being (publish time, text) written as article `<n>.md`:
    the one way tests read several sources of one story before comparing them."""
    from factcheck.extract import extract
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex

    index = EntityIndex(rule_set.entities)
    return [extract(parse_article(f'---\ndate: "{published}"\n---\n{text}\n', f"{number}.md"),
                    list(rule_set.rules), index)[0] for number, (published, text) in enumerate(sources)]


def findings_of_case(case: dict, folder: Path) -> list[Any]:
    """A fixture case's findings: its one `rule` (no diagnostics) run over its `articles` (each a
    `published` time and a `text`), the claims compared as a check compares them."""
    import yaml

    from factcheck.compare import compare
    from factcheck.rules import load_rules

    (folder / "rule.yaml").write_text(yaml.safe_dump(case["rule"], allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(folder)])
    assert rule_set.diagnostics == ()
    claims = [c for found in claims_of_sources(rule_set, [(a["published"], a["text"]) for a in case["articles"]])
              for c in found]
    return compare(claims, {r.id: r for r in rule_set.rules})


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (it sits beside the clone in CI)")
    return CORPUS

"""The README shows the real output of `factcheck seeds/` and real commands."""

from __future__ import annotations

import re

from conftest import ROOT


def test_readme_shows_the_current_seed_output() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- seeds-output:start -->\n```text\n(.*?)```\n<!-- seeds-output:end -->", readme, re.S)
    assert block, "the README lost its seeds-output block"
    assert block.group(1) == (ROOT / "tests" / "golden" / "seeds.txt").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and ci.rstrip().endswith("python -m pytest")
    assert "pip install -e '.[test]'" in readme  # the quick start
    assert "pip install -e '.[test,dask,lint]'" in readme and "pip install --quiet -e '.[test,dask,lint]'" in ci


def test_ci_runs_the_static_checks_the_readme_names_before_the_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "`ruff check` and `mypy`" in readme
    assert ci.index("ruff check") < ci.index("python -m pytest") and ci.index("mypy") < ci.index("python -m pytest")

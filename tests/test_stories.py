"""Rules written from docs/rules.md alone, for other stories, work as documented.

The rule files in tests/fixtures/stories/ were written by a newcomer for two
clusters of the shared corpus; these are the disagreements a reader finds there.
"""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, run_main

STORIES = FIXTURES / "stories"


def _report(corpus, story: str, cluster: str) -> dict:
    done = run_main(str(corpus / "clusters" / cluster), "--rules", str(STORIES / story), "--format", "json",
                    "--no-cache")
    assert done.returncode == 1, done.stderr
    assert not [line for line in done.stderr.splitlines() if ": error:" in line]
    return json.loads(done.stdout)


def _values(report: dict, rule: str, kind: str) -> list[set[str]]:
    return [{c["value"]["display"] for c in f["claims"]} for f in report["findings"]
            if f["rule"] == rule and f["kind"] == kind]


@pytest.fixture(scope="module")
def nezha2(corpus) -> dict:
    return _report(corpus, "nezha2", "nezha2-box-office-10b-2025-02-13")


@pytest.fixture(scope="module")
def catl(corpus) -> dict:
    return _report(corpus, "catl", "catl-hk-ipo-filing-2025-02-11")


def test_nezha2_stake_of_the_founder_disagrees_by_a_digit(nezha2: dict) -> None:
    [values] = _values(nezha2, "wang-changtian-stake", "disagreement")
    assert {"35.53%", "5.53%"} <= values


def test_nezha2_forecasts_disagree_per_forecaster(nezha2: dict) -> None:
    # a claim whose forecaster is not stated may join the group (at warning): the two named forecasts still clash
    assert any({"150.38亿 CNY", "153.38亿 CNY"} <= values
               for values in _values(nezha2, "box-office-forecast", "disagreement"))


def test_catl_segment_revenue_off_by_a_factor_of_ten(catl: dict) -> None:
    assert {"1755.43亿 CNY", "175.5亿 CNY"} in _values(catl, "segment-revenue", "disagreement")


def test_catl_sponsor_lists_leave_names_out(catl: dict) -> None:
    [finding] = [f for f in catl["findings"] if f["rule"] == "sponsors"]
    assert finding["kind"] == "omission" and finding["level"] == "warning"
    assert any(d.startswith("中信建投: named by") for d in finding["details"])


def test_story_rules_load_cleanly_and_their_examples_hold() -> None:
    for story in ("nezha2", "catl"):
        done = run_main("rules", "check", "--rules", str(STORIES / story))
        assert done.returncode == 0, done.stderr

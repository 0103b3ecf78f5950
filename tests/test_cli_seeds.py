"""End to end: `factcheck seeds/` reports the disagreements the seed story holds."""

from __future__ import annotations

import json
import os

import pytest
from conftest import ROOT, run_cli, run_json, run_main

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def seeds_report() -> tuple[int, dict]:
    return run_json("seeds/")


def _findings(report: dict, rule: str, kind: str | None = None) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule and (kind is None or f["kind"] == kind)]


def _by_value(finding: dict) -> dict[str, dict]:
    return {c["value"]["display"]: c for c in finding["claims"]}


def test_exit_code_is_1_because_sources_disagree(seeds_report):
    code, report = seeds_report
    assert code == 1
    assert report["summary"]["disagreements"] >= 2
    assert report["diagnostics"] == []


def test_outlets_come_from_bylines_not_the_aggregator_label(seeds_report):
    _, report = seeds_report
    outlets = {a["path"].split("/")[-1][:3]: (a["outlet"], a["label"]) for a in report["articles"]}
    assert outlets == {
        "000": ("机器之心", "qq"), "001": ("wallstreetcn", "wallstreetcn"), "002": ("硅基研究室", "qq"),
        "003": ("经济观察网", "qq"), "004": ("每日经济新闻", "qq"),
    }


def test_alibaba_share_moves_are_shown_with_market_session_and_day(seeds_report):
    _, report = seeds_report
    [finding] = [f for f in _findings(report, "share-price-move", "context-differs") if f["subject"] == "alibaba"]
    claims = {(c["value"]["display"], c["article"][-8:-4], c["line"]): {x["name"]: x["value"] for x in c["context"]}
              for c in finding["claims"]}
    assert claims[("8.48%", "deb5", 36)] == {"market": "HK", "day": "2025-02-12"}  # 前一日 of 2月13日
    assert claims[("8.48%", "deb5", 109)] == {"market": "HK", "day": "2025-02-12"}
    assert claims[("≈<5%", "3683", 34)] == {"market": "US", "session": "close", "day": "2025-02-12"}
    assert claims[("1.3%", "f819", 28)] == {"market": "US", "session": "close", "day": "2025-02-11"}
    assert claims[("2.55%", "deb5", 36)] == {"market": "HK", "session": "close", "day": "2025-02-13"}
    assert claims[("3.34%", "3683", 36)] == {"market": "HK", "session": "intraday", "day": "2025-02-13"}
    assert finding["level"] == "info"


def test_near_five_percent_is_an_interval_just_under_five(seeds_report):
    _, report = seeds_report
    [finding] = [f for f in _findings(report, "share-price-move", "context-differs") if f["subject"] == "alibaba"]
    value = _by_value(finding)["≈<5%"]["value"]
    assert (value["low"], value["high"], value["approx"], value["raw"]) == ("4.5", "5", "near", "近5%")


def test_a_day_taken_from_publish_time_says_so(seeds_report):
    _, report = seeds_report
    [finding] = [f for f in _findings(report, "share-price-move", "context-differs") if f["subject"] == "alibaba"]
    day = {x["name"]: x for x in _by_value(finding)["1.3%"]["context"]}["day"]
    assert day["inferred"] is True
    assert day["evidence"] == "publish time (America/New_York)"  # 05:15 in Beijing is the US close of the 11th


def test_qwen_launch_date_disagrees_and_month_end_fits_both(seeds_report):
    _, report = seeds_report
    [finding] = _findings(report, "model-launch-date", "disagreement")
    assert finding["level"] == "error" and finding["subject"] == "qwen2.5-max"
    claims = _by_value(finding)
    assert (claims["2025-01-28"]["outlet"], claims["2025-01-28"]["line"]) == ("机器之心", 74)
    assert (claims["2025-01-29 凌晨"]["outlet"], claims["2025-01-29 凌晨"]["line"]) == ("wallstreetcn", 60)
    month_end = claims["2025-01-21..2025-01-31"]
    assert (month_end["outlet"], month_end["value"]["raw"]) == ("每日经济新闻", "1月底")
    assert any("1月底" not in d and "compatible with every other value" in d and "每日经济新闻" in d
               for d in finding["details"])
    assert not any("每日经济新闻" in d and " vs " in d for d in finding["details"])


def test_deepseek_left_out_of_the_evaluated_list_is_an_omission(seeds_report):
    _, report = seeds_report
    [finding] = _findings(report, "apple-models-evaluated")
    assert finding["kind"] == "omission" and finding["level"] == "warning"
    members = {c["outlet"]: c["value"]["members"] for c in finding["claims"]}
    assert members == {
        "机器之心": ["alibaba", "bytedance", "deepseek", "tencent"],
        "wallstreetcn": ["alibaba", "bytedance", "deepseek", "tencent"],  # spelled Deepseek there
        "每日经济新闻": ["alibaba", "bytedance", "tencent"],
    }
    assert finding["details"] == [
        "DeepSeek: named by 机器之心 (seeds/000_2554022df40b26d2.txt), wallstreetcn "
        "(seeds/001_182833d9e280f819.txt); not named by 每日经济新闻 (seeds/004_7638e87b2286deb5.txt)"
    ]


def test_deepseek_dropped_agrees_across_three_sources(seeds_report):
    _, report = seeds_report
    [finding] = _findings(report, "apple-models-rejected")
    assert finding["kind"] == "agreement"
    assert sorted(c["outlet"] for c in finding["claims"]) == ["wallstreetcn", "机器之心", "硅基研究室"]
    assert {c["value"]["display"] for c in finding["claims"]} == {"{DeepSeek}"}


def test_baidu_deal_cancelled_versus_troubled(seeds_report):
    _, report = seeds_report
    [finding] = _findings(report, "baidu-apple-deal-status")
    assert finding["kind"] == "disagreement"
    labels = sorted((c["outlet"], c["value"]["label"], c["line"]) for c in finding["claims"])
    assert labels == [("wallstreetcn", "troubled", 52), ("机器之心", "troubled", 52),
                      ("每日经济新闻", "cancelled", 53), ("硅基研究室", "troubled", 55)]


def test_text_report_shows_evidence_and_summary_line():
    done = run_cli("seeds/", env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 1
    out = done.stdout
    assert "\x1b[" not in out
    assert "seeds/001_182833d9e280f819.txt:60  2025-01-29 凌晨" in out
    assert "> 1 月 28 日推出的超大规模 MoE 模型 Qwen2.5-Max 与业界领先模型的性能对比。" in out
    assert "5 claims checked across sources: 2 agree, 2 disagree, 1 with omissions; 2 differ only by context." in out


def test_json_output_matches_the_golden_file_byte_for_byte():
    done = run_cli("seeds/", "--format", "json")
    expected = (GOLDEN / "seeds.json").read_text(encoding="utf-8")
    assert done.stdout == expected, "regenerate with: factcheck seeds/ --format json > tests/golden/seeds.json"
    assert json.loads(done.stdout)["schema_version"] == 2


def test_text_output_matches_the_golden_file_byte_for_byte():
    done = run_cli("seeds/", "--no-color")
    assert done.stdout == (GOLDEN / "seeds.txt").read_text(encoding="utf-8")


def test_files_listed_in_any_order_give_the_same_report():
    forward = run_main("--format", "json", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir()))
    backward = run_main("--format", "json", *sorted((str(p.relative_to(ROOT)) for p in (ROOT / "seeds").iterdir()),
                                                    reverse=True))
    assert forward.stdout == backward.stdout
    assert json.loads(forward.stdout)["summary"]["disagreements"] >= 2


def test_fail_on_never_exits_zero_and_fail_on_warning_still_fails():
    assert run_main("seeds/", "--fail-on", "never").returncode == 0
    assert run_main("seeds/", "--fail-on", "warning").returncode == 1
    only_agreeing = run_main("seeds/", "--rules", "rules/entities.yaml", "--rules",
                             "rules/apple-china-model-testing-start.yaml", "--fail-on", "info")
    assert only_agreeing.returncode == 0, only_agreeing.stdout  # agreements never fail the gate


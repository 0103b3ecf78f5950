"""`factcheck discover` against the annotated clusters, and its speed on bulk.

    python benchmarks/discover.py              # the six tuning clusters + bulk timing
    python benchmarks/discover.py --held-out   # the three held-out clusters only (run once, at the end)
    python benchmarks/discover.py --no-bulk    # skip the bulk timing

Scored with ../shared/corpus/truth/score.py's own functions (a claim stands
for a truth row by file base name, line and the digits of the value):

- coverage: truth facts with a disagreement (verdict or pair) for which one of
  the cluster's top TOP candidates holds claims of two disagreeing groups;
  target >= 70% (all clusters pooled);
- real facts: top-TOP candidates whose claims, from two or more articles,
  stand for rows of one truth fact; target >= half, in every cluster;
- drafted rules: `--write-rules` on the top TOP candidates, `factcheck rules
  check` on them, then a check with them; its findings (info and up) must
  cover at least the disagreements the candidates covered;
- bulk: `factcheck discover` on the bulk folder takes at most 3x the time of
  a full check with the shipped rules (wall clock, both measured here, now).

Prints figures and PASS/FAIL per target.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CLUSTERS = ("baidu-ernie-bot-free-2025-02-13", "catl-hk-ipo-filing-2025-02-11",
            "coca-cola-q4-2024-results-2025-02-11", "mixue-hk-ipo-2025-02-11",
            "nezha2-box-office-10b-2025-02-13", "softbank-openai-40b-investment-2025-02-07")
# never tuned on, never opened while developing: they measure generality
HELD_OUT = ("byd-gods-eye-adas-launch-2025-02-10", "musk-openai-974b-bid-2025-02-11",
            "us-steel-aluminum-tariffs-2025-02-10")
TOP = 20
COVERAGE_TARGET = 0.70
REAL_TARGET = 0.5
SPEED_TARGET = 3.0


def _scorer():  # the corpus scorer, imported from beside the truth files
    sys.path.insert(0, str(CORPUS / "truth"))
    import score  # type: ignore[import-not-found]

    return score


def _factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=ROOT, capture_output=True, text=True)


def _covered(score, facts, findings) -> set[str]:  # type: ignore[no-untyped-def]
    covered = set()
    for fact in facts:
        for finding in findings:
            relations, _ = score.finding_relations(fact, finding)
            if relations & set(score.FLAGGING):
                covered.add(fact["id"])
    return covered


def _real(score, facts, candidate) -> bool:  # type: ignore[no-untyped-def]
    """Claims from two or more articles stand for rows of one truth fact."""
    for fact in facts:
        files = {Path(c["article"]).name for c in candidate["claims"] if score.rows_for_claim(fact, c)}
        if len(files) >= 2:
            return True
    return False


def clusters(names: tuple[str, ...]) -> bool:
    score = _scorer()
    in_scope_total = covered_total = 0
    rules_covered_total = 0
    real_ok = rules_ok = True
    print(f"{'cluster':42} {'disagreements':>13} {'covered':>8} {'real/top':>9} {'rules':>6} {'rules cover':>11}")
    for name in names:
        folder = CORPUS / "clusters" / name
        _, facts = score.load_truth(str(CORPUS / "truth" / f"{name}.yaml"))
        in_scope = [f for f in facts if f["verdict"] in score.FLAGGING or
                    any(v in score.FLAGGING for v in f["pairs"].values())]
        with tempfile.TemporaryDirectory() as scratch:
            rules_dir = Path(scratch) / "rules"
            run = _factcheck("discover", str(folder), "--format", "json", "--top", str(TOP), "--jobs", "1",
                             "--write-rules", str(rules_dir))
            if run.returncode != 0:
                print(f"{name}: discover failed: {run.stderr.strip()}")
                return False
            top = json.loads(run.stdout)["candidates"]
            covered = _covered(score, facts, top)
            real = sum(_real(score, facts, c) for c in top)
            checked = _factcheck("rules", "check", "--rules", str(rules_dir), "--no-config")
            check = _factcheck(str(folder), "--rules", str(rules_dir), "--format", "json", "--no-cache", "--no-config",
                               "--jobs", "1")
            findings = json.loads(check.stdout)["findings"] if check.stdout.strip() else []
            rules_covered = _covered(score, facts, findings)
            count = len(list(rules_dir.glob("dc*.yaml")))
        in_scope_total += len(in_scope)
        covered_total += len(covered)
        rules_covered_total += len(rules_covered)
        real_ok &= real >= REAL_TARGET * len(top) and len(top) > 0
        rules_ok &= checked.returncode == 0
        print(f"{name:42} {len(in_scope):>13} {len(covered):>8} {real:>4}/{len(top):<4} {count:>6} "
              f"{len(rules_covered):>11}{'' if checked.returncode == 0 else '  rules check FAILED'}")
        missed = sorted({f["id"] for f in in_scope} - covered)
        if missed or covered - rules_covered:
            print(f"{'':42} missed by candidates: {', '.join(missed) or '-'}; "
                  f"by drafted rules: {', '.join(sorted(covered - rules_covered)) or '-'}")
    share = covered_total / in_scope_total if in_scope_total else 1.0
    print(f"\ncoverage of disagreements in the top {TOP}: {covered_total}/{in_scope_total} = {share:.0%} "
          f"(target {COVERAGE_TARGET:.0%}): {'PASS' if share >= COVERAGE_TARGET else 'FAIL'}")
    print(f"at least half of each cluster's top {TOP} are truth facts: {'PASS' if real_ok else 'FAIL'}")
    rules_pass = rules_ok and rules_covered_total >= covered_total
    print(f"drafted rules pass `rules check` and, run as a check, cover {rules_covered_total} disagreements "
          f"(candidates: {covered_total}): {'PASS' if rules_pass else 'FAIL'}")
    return share >= COVERAGE_TARGET and real_ok and rules_pass


def _timed(*args: str) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = _factcheck(*args)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def bulk() -> bool:
    folder = CORPUS / "bulk"
    check_wall, check_cpu, _ = _timed(str(folder), "--rules", "rules", "--format", "json", "-o", os.devnull,
                                      "--no-cache", "--no-config")
    wall, cpu, run = _timed("discover", str(folder), "--format", "json", "-o", os.devnull)
    stories_run = _factcheck("discover", str(folder), "--stories", "--format", "json")
    summary = json.loads(stories_run.stdout)["summary"]
    ratio = wall / check_wall
    print(f"\nbulk: {summary['articles']} articles in {summary['stories']} stories, "
          f"{summary['stories_told_by_two_outlets']} told by two or more outlets")
    print(f"full check {check_wall:.1f} s wall ({check_cpu:.1f} s CPU); discover {wall:.1f} s wall "
          f"({cpu:.1f} s CPU): {ratio:.1f}x (target <= {SPEED_TARGET:.0f}x): "
          f"{'PASS' if ratio <= SPEED_TARGET and run.returncode == 0 else 'FAIL'}")
    return ratio <= SPEED_TARGET


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="score the held-out clusters (once, at the end)")
    parser.add_argument("--no-bulk", action="store_true", help="skip the bulk timing")
    args = parser.parse_args()
    if not (CORPUS / "truth").is_dir():
        print(f"skipped: {CORPUS} not found (the shared corpus sits beside the clone)")
        return 0
    names = HELD_OUT if args.held_out else CLUSTERS
    print(("HELD_OUT clusters: " if args.held_out else "tuning clusters (HELD_OUT not run: "
           + ", ".join(HELD_OUT) + ")\n") + ("" if not args.held_out else ", ".join(HELD_OUT) + "\n"))
    ok = clusters(names)
    if not args.no_bulk and not args.held_out:
        ok = bulk() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

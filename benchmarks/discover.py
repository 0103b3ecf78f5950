"""`factcheck discover` against the annotated clusters, and its speed on bulk.

    python benchmarks/discover.py              # the six tuning clusters + bulk timing
    python benchmarks/discover.py --held-out   # the three held-out clusters only (run once, at the end)
    python benchmarks/discover.py --no-bulk    # skip the bulk timing
    python benchmarks/discover.py --leave-one-out  # the honest generality estimate (in process, ~5 min)
    python benchmarks/discover.py --devset round16 # a dev set of stories discover was never tuned on
    python benchmarks/discover.py --devset all     # every dev set kept in benchmarks/devsets/

Scored with ../shared/corpus/truth/score.py's own functions (a claim stands
for a truth row by file base name, line and the digits of the value):

- coverage: truth facts with a disagreement (verdict or pair) for which one of
  the cluster's top TOP candidates holds claims of two disagreeing groups;
  target >= 70% (all clusters pooled);
- real facts: top-TOP candidates whose claims, from two or more articles,
  stand for rows of one truth fact; target >= half, in every cluster;
- drafted rules: `--write-rules` on the top TOP candidates, `factcheck rules
  check` on them, then a check with them; its findings (info and up) must
  cover at least the disagreements the candidates covered; and every cluster
  with candidates has at least one draft kept (candidates none of whose drafts
  re-find their values fail, rather than pass with nothing to check);
- bulk: `factcheck discover` on the bulk folder takes at most 3x the time of
  a full check with the shipped rules (wall clock, both measured here, now, with the cache
  off for both); the cold and warm times of each with a cache of its own are printed beside.

--leave-one-out estimates how well discover generalises, since everything in
it was written while reading the six tuning clusters: for each cluster in
turn, (1) every entry of discover's word lists (link, lead and measure words,
qualifier words, metric words beside the shipped line items, titles of posts, non-names, what only a company owns) that the cluster's articles use
and the other five do not is dropped — it could only have been learned from
that cluster; (2) the alignment parameters (align.NEAR, align.MIN_DIGITS) are
chosen on the other five (most disagreements covered, then most real facts in
the top); (3) the left-out cluster is scored. The pooled coverage of the six
left-out scores is the figure to expect on unseen stories; it is printed
beside the all-six figure of the same in-process run.

--devset NAME|all scores discover the same way on a dev set kept in
benchmarks/devsets/ (its stories.yaml names bulk files, its truth/ annotates
them): the articles are copied to a scratch corpus by accuracy.py's own
assemble_devset, each story is one cluster, and the bulk timing is not run.

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
from decimal import Decimal
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


def _pair_precision(score, facts, candidates) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Pairs a candidate calls a disagreement whose two claims are rows of one truth fact: (true, false).
    True: rows of two groups the truth says disagree; false: rows of one group, of two that agree
    or differ by context, or of two measures (FY2022's profit against FY2023's). Pairs the truth does not annotate, or whose rows state no digits or are
    not numbers (the scorer matches those by line alone), are not counted."""
    true = false = 0
    for candidate in candidates:
        claims = candidate["claims"]
        for pair in candidate["pairs"]:
            if pair["relation"] != "disagree":
                continue
            verdicts = set()
            for fact in (f for f in facts if f["kind"] in score.NUM_KINDS):
                for r1 in score.rows_for_claim(fact, claims[pair["first"]]):
                    for r2 in score.rows_for_claim(fact, claims[pair["second"]]):
                        if not (r1["nums"] and r2["nums"]):
                            continue
                        if r1["measure"] != r2["measure"]:
                            verdicts.add("apart")  # two quantities of one fact (two years): never compared
                        else:
                            verdicts.add("agree" if r1["group"] == r2["group"]
                                         else score.relation(fact, r1["measure"], r1["group"], r2["group"]))
            if verdicts & set(score.FLAGGING):
                true += 1
            elif verdicts:
                false += 1
    return true, false


def clusters(names: tuple[str, ...]) -> bool:
    score = _scorer()
    in_scope_total = covered_total = 0
    rules_covered_total = 0
    real_ok = rules_ok = True
    undrafted: list[str] = []  # clusters with candidates of which no draft was kept
    pairs_total = [0, 0]  # disagreement pairs of the top candidates the truth calls (true, false)
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
            true_pairs, false_pairs = _pair_precision(score, facts, top)
            pairs_total[0] += true_pairs
            pairs_total[1] += false_pairs
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
        # nothing drafted: nothing to check; candidates with no draft re-finding their values are a
        # failure of their own (counted below), not a pass of `rules check`
        drafted_ok = checked.returncode == 0 or count == 0
        rules_ok &= drafted_ok
        if top and count == 0:
            undrafted.append(name)
        note = ("  no candidates" if not top else "  nothing drafted" if count == 0
                else "" if drafted_ok else "  rules check FAILED")
        print(f"{name:42} {len(in_scope):>13} {len(covered):>8} {real:>4}/{len(top):<4} {count:>6} "
              f"{len(rules_covered):>11}{note}")
        missed = sorted({f["id"] for f in in_scope} - covered)
        if missed or covered - rules_covered:
            print(f"{'':42} missed by candidates: {', '.join(missed) or '-'}; "
                  f"by drafted rules: {', '.join(sorted(covered - rules_covered)) or '-'}")
    share = covered_total / in_scope_total if in_scope_total else 1.0
    print(f"\ncoverage of disagreements in the top {TOP}: {covered_total}/{in_scope_total} = {share:.0%} "
          f"(target {COVERAGE_TARGET:.0%}): {'PASS' if share >= COVERAGE_TARGET else 'FAIL'}")
    print(f"at least half of each cluster's top {TOP} are truth facts: {'PASS' if real_ok else 'FAIL'}")
    print(f"disagreement pairs shown in the top {TOP} that the truth annotates: {pairs_total[0]} true, "
          f"{pairs_total[1]} false (two agreeing values, or two quantities of one fact); no target")
    rules_pass = rules_ok and rules_covered_total >= covered_total
    print(f"drafted rules pass `rules check` and, run as a check, cover {rules_covered_total} disagreements "
          f"(candidates: {covered_total}): {'PASS' if rules_pass else 'FAIL'}")
    print(f"every cluster with candidates has a drafted rule: {len(undrafted)} without "
          f"({', '.join(undrafted) or '-'}): {'FAIL' if undrafted else 'PASS'}")
    return share >= COVERAGE_TARGET and real_ok and rules_pass and not undrafted


# ---------------------------------------------------------------- leave one cluster out

NEAR_GRID = ("1.25", "1.5", "2", "3")
DIGITS_GRID = (2, 3, 4)


def _word_lists() -> dict[str, object]:
    """discover's word lists by (module, name), as they are now."""
    from factcheck.discover import names, values

    return {"values.LINK_WORDS": values.LINK_WORDS, "values.ADVERBS": values.ADVERBS, "values.LEAD_WORDS": values.LEAD_WORDS,
            "values.PEAK_WORDS": values.PEAK_WORDS, "values.TROUGH_WORDS": values.TROUGH_WORDS,
            "values.EVENT_VERBS": values.EVENT_VERBS, "values.TITLE_WORDS": values.TITLE_WORDS,
            "values.MEASURE_WORDS": values.MEASURE_WORDS, "values.QUALIFIERS": values.QUALIFIERS,
            "values.EXTRA_METRICS": values.EXTRA_METRICS, "names._GENERIC": names._GENERIC,
            "names._NOT_NAMES": names._NOT_NAMES, "names._OWNED": names._OWNED}


def _set_word_lists(lists: dict[str, object]) -> None:
    from factcheck.discover import names, values

    modules = {"values": values, "names": names}
    for key, words in lists.items():
        module, name = key.split(".")
        setattr(modules[module], name, words)
    values.derive_patterns()  # names reads its lists when asked (_owned_words caches by the tuple)


def _without(lists: dict[str, object], drop: set[str]) -> dict[str, object]:
    """The lists with the words of `drop` taken out (qualifier words and synonym keys too)."""
    kept: dict[str, object] = {}
    for key, words in lists.items():
        if isinstance(words, dict) and key.endswith("QUALIFIERS"):
            kept[key] = {q: {v: tuple(w for w in ws if w not in drop) for v, ws in vs.items()}
                         for q, vs in words.items()}
        elif isinstance(words, dict):
            kept[key] = {k: v for k, v in words.items() if k not in drop}
        elif isinstance(words, frozenset):
            kept[key] = frozenset(w for w in words if w not in drop)
        else:
            kept[key] = tuple(w for w in words if w not in drop)  # type: ignore[attr-defined]
    return kept


def _all_words(lists: dict[str, object]) -> set[str]:
    found: set[str] = set()
    for key, words in lists.items():
        if isinstance(words, dict) and key.endswith("QUALIFIERS"):
            found |= {w for vs in words.values() for ws in vs.values() for w in ws}
        else:
            found |= set(words)  # type: ignore[call-overload]
    return found


def _cluster_text(name: str) -> str:
    from factcheck.normalize.variants import to_simplified

    folder = CORPUS / "clusters" / name
    return to_simplified("\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))))


def _discover_top(name: str) -> list[dict]:  # type: ignore[type-arg]
    from factcheck.discover.align import rank_key
    from factcheck.discover.render import candidate_dict
    from factcheck.discover.run import DiscoverOptions, run

    result = run([str(CORPUS / "clusters" / name)], DiscoverOptions(jobs=1))
    names = {e.id: e.name for entities in result.entities.values() for e in entities}
    shown = sorted((c for c in result.candidates if c.sources >= 2), key=rank_key)[:TOP]
    return [candidate_dict(c, rank, names) for rank, c in enumerate(shown, start=1)]


def _score_cluster(score, name: str) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    """(disagreements, covered, real facts in the top, top size) of discover on one cluster, now."""
    _, facts = score.load_truth(str(CORPUS / "truth" / f"{name}.yaml"))
    in_scope = [f for f in facts if f["verdict"] in score.FLAGGING or
                any(v in score.FLAGGING for v in f["pairs"].values())]
    top = _discover_top(name)
    return len(in_scope), len(_covered(score, facts, top)), sum(_real(score, facts, c) for c in top), len(top)


def leave_one_out(names: tuple[str, ...]) -> bool:
    from factcheck.discover import align

    score = _scorer()
    original = _word_lists()
    defaults = (align.NEAR, align.MIN_DIGITS)
    texts = {name: _cluster_text(name) for name in names}
    words = _all_words(original)
    configs = [(Decimal(n), d) for n in NEAR_GRID for d in DIGITS_GRID]

    def scored(config: tuple[Decimal, int], cluster: str) -> tuple[int, int, int, int]:
        align.NEAR, align.MIN_DIGITS = config
        return _score_cluster(score, cluster)

    all_six = [scored(defaults, name) for name in names]
    print(f"{'left out':42} {'dropped words':>13} {'NEAR':>5} {'digits':>6} {'covered':>8} {'real/top':>9}")
    pooled = [0, 0]
    real_ok = True
    try:
        for held in names:
            others = [n for n in names if n != held]
            only_here = {w for w in words if w.casefold() in texts[held].casefold()
                         and not any(w.casefold() in texts[o].casefold() for o in others)}
            _set_word_lists(_without(original, only_here))

            def fit(config: tuple[Decimal, int]) -> tuple[int, int, bool]:
                tuned = [scored(config, o) for o in others]  # noqa: B023 (used at once, in this loop)
                return sum(r[1] for r in tuned), sum(r[2] for r in tuned), config == defaults

            best = max(configs, key=fit)
            in_scope, covered, real, top = scored(best, held)
            pooled[0] += in_scope
            pooled[1] += covered
            real_ok &= top > 0 and real >= REAL_TARGET * top
            print(f"{held:42} {len(only_here):>13} {best[0]!s:>5} {best[1]:>6} {covered:>3}/{in_scope:<4} "
                  f"{real:>4}/{top:<4}  dropped: {' '.join(sorted(only_here)) or '-'}")
    finally:
        _set_word_lists(original)
        align.NEAR, align.MIN_DIGITS = defaults
    six = (sum(r[1] for r in all_six), sum(r[0] for r in all_six))
    share = pooled[1] / pooled[0] if pooled[0] else 1.0
    print(f"\nall six (as tuned): {six[0]}/{six[1]} = {six[0] / max(1, six[1]):.0%} of disagreements in the top {TOP}")
    print(f"leave one cluster out: {pooled[1]}/{pooled[0]} = {share:.0%} (target {COVERAGE_TARGET:.0%}): "
          f"{'PASS' if share >= COVERAGE_TARGET else 'FAIL'}; at least half of each left-out top {TOP} real: "
          f"{'PASS' if real_ok else 'FAIL'}")
    return share >= COVERAGE_TARGET and real_ok


def _timed(*args: str) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = _factcheck(*args)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result


def bulk() -> bool:
    """discover against a full check on bulk, both with the cache off (the target), then both cold and warm
    in a cache folder of their own (made here, removed after)."""
    folder = CORPUS / "bulk"
    check_args = (str(folder), "--rules", "rules", "--format", "json", "-o", os.devnull, "--no-config")
    discover_args = ("discover", str(folder), "--format", "json", "-o", os.devnull)
    check_wall, check_cpu, _ = _timed(*check_args, "--no-cache")
    wall, cpu, run = _timed(*discover_args, "--no-cache")
    with tempfile.TemporaryDirectory(prefix="factcheck-discover-cache-") as scratch:
        cached = {}
        for name, args in (("check", check_args), ("discover", discover_args)):
            cache = str(Path(scratch) / name)
            cached[name] = [_timed(*args, "--cache-dir", cache)[:2] for _ in ("cold", "warm")]
    stories_run = _factcheck("discover", str(folder), "--stories", "--format", "json", "--no-cache")
    summary = json.loads(stories_run.stdout)["summary"]
    ratio = wall / check_wall
    print(f"\nbulk: {summary['articles']} articles in {summary['stories']} stories, "
          f"{summary['stories_told_by_two_outlets']} told by two or more outlets")
    print(f"full check {check_wall:.1f} s wall ({check_cpu:.1f} s CPU); discover {wall:.1f} s wall "
          f"({cpu:.1f} s CPU), cache off for both: {ratio:.1f}x (target <= {SPEED_TARGET:.0f}x): "
          f"{'PASS' if ratio <= SPEED_TARGET and run.returncode == 0 else 'FAIL'}")
    for name in ("check", "discover"):
        (cold_wall, cold_cpu), (warm_wall, warm_cpu) = cached[name]
        print(f"{name:8} with the cache: cold {cold_wall:.1f} s wall ({cold_cpu:.1f} s CPU), "
              f"warm {warm_wall:.1f} s wall ({warm_cpu:.1f} s CPU)")
    return ratio <= SPEED_TARGET


def devsets(wanted: str) -> int:
    """Each dev set in turn, its stories assembled from bulk as accuracy.py --devset does."""
    global CORPUS
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import accuracy  # type: ignore[import-not-found]

    shared, ok = CORPUS, True
    with tempfile.TemporaryDirectory(prefix="factcheck-discover-devset-") as scratch:
        for name in accuracy.devset_names(wanted):
            corpus = accuracy.assemble_devset(accuracy.DEVSETS / name, shared, Path(scratch))
            if corpus is None:
                print(f"dev set {name} skipped: its articles are not all in {shared / 'bulk'}")
                continue
            CORPUS = corpus
            stories = tuple(sorted(p.name for p in (corpus / "clusters").iterdir()))
            print(f"== dev set {name}: " + ", ".join(stories) + "\n", flush=True)
            ok = clusters(stories) and ok
            print(flush=True)
    CORPUS = shared
    return 0 if ok else 1


def main() -> int:
    global CORPUS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="score the held-out clusters (once, at the end)")
    parser.add_argument("--no-bulk", action="store_true", help="skip the bulk timing")
    parser.add_argument("--leave-one-out", action="store_true",
                        help="tune on five tuning clusters, score the sixth, rotate (in process)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="a corpus laid out as the shared one (clusters/NAME/, truth/NAME.yaml, truth/score.py)")
    parser.add_argument("--cluster", action="append", default=[], metavar="NAME",
                        help="only this cluster (repeatable; with --corpus, stories annotated elsewhere)")
    parser.add_argument("--devset", metavar="NAME",
                        help="score a dev set kept in benchmarks/devsets/ (or `all`): stories never tuned on")
    args = parser.parse_args()
    if args.devset:
        return devsets(args.devset)
    CORPUS = args.corpus.resolve() if args.corpus else CORPUS
    if not (CORPUS / "truth").is_dir():
        print(f"skipped: {CORPUS} not found (the shared corpus sits beside the clone)")
        return 0
    if args.leave_one_out:
        return 0 if leave_one_out(CLUSTERS) else 1
    names = tuple(args.cluster) or (HELD_OUT if args.held_out else CLUSTERS)
    if args.cluster:
        print(f"clusters of {CORPUS}: " + ", ".join(names) + "\n")
    else:
        print(("HELD_OUT clusters: " if args.held_out else "tuning clusters (HELD_OUT not run: "
               + ", ".join(HELD_OUT) + ")\n") + ("" if not args.held_out else ", ".join(HELD_OUT) + "\n"))
    ok = clusters(names)
    if not args.no_bulk and not args.held_out and not args.cluster:
        ok = bulk() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

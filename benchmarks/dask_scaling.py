"""Throughput of extraction per worker, the cost of the shuffle, and the claims files, on the bulk corpus.

    python benchmarks/dask_scaling.py [--repeat N]

Prints, for corpus/bulk: articles/s of extraction on this machine (--jobs 1,
--jobs 2) and on a Dask LocalCluster of 1 and 2 worker processes (cluster
started beforehand and not counted; the rule set's broadcast is counted;),
comparison done locally vs as the Dask group-by (the shuffle), and extract on
3 shards + compare; each run's report is checked byte-identical to the local
one (PASS/FAIL). docs/scaling.md quotes these figures. Needs factcheck[dask].
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BULK = REPO.parent / "shared" / "corpus" / "bulk"
RULES = REPO / "rules"


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of `repeat` runs (the machine is shared: the minimum is the least disturbed)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def report(result: Any) -> str:
    from factcheck import __version__
    from factcheck.report import stream
    from factcheck.report.serialize import to_dict

    return "".join(stream("json", to_dict(result, __version__)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not BULK.is_dir():
        print(f"no corpus at {BULK}: nothing measured")
        return 0
    try:
        import distributed
    except ImportError:
        print("dask is not installed (pip install -e '.[dask]'): nothing measured")
        return 0
    from factcheck.engines.dask_engine import DaskEngine
    from factcheck.load import discover
    from factcheck.pipeline import Options, check, compare_all, extract_all, gather
    from factcheck.rules import load_rules

    rule_set = load_rules([str(RULES)])
    files, _ = discover([str(BULK)])
    count = len(files)
    print(f"corpus/bulk: {count} articles; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    failures = 0
    seconds, local = best(args.repeat, lambda: check([str(BULK)], rule_set, Options(jobs=1)))
    expected = report(local)
    print(f"{'local --jobs 1':40} {seconds:6.1f} s  {count / seconds:6.0f} articles/s")
    seconds, two = best(args.repeat, lambda: check([str(BULK)], rule_set, Options(jobs=2)))
    print(f"{'local --jobs 2':40} {seconds:6.1f} s  {count / seconds:6.0f} articles/s")
    failures += report(two) != expected

    claims = list(local.claims)
    rules = {rule.id: rule for rule in rule_set.rules}
    from factcheck.compare import compare

    compare_seconds, _ = best(args.repeat, lambda: compare(claims, rules))
    for workers in (1, 2):
        start = time.perf_counter()
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
            started = time.perf_counter() - start
            options = Options(engine="dask", scheduler=cluster.scheduler_address)
            with DaskEngine(cluster.scheduler_address, rule_set, options) as engine:
                seconds, extraction = best(args.repeat, lambda: gather(
                    extract_all(files, rule_set, engine.options, engine.extract)))
                shuffle, _ = best(args.repeat, lambda: engine.compare(claims, rules))
                result = compare_all(extraction, rule_set, options, None, engine.compare)
            same = report(result) == expected
            failures += not same
            name = f"dask, {workers} worker{'s' if workers > 1 else ''}"
            print(f"{name + ': extract':40} {seconds:6.1f} s  {count / seconds:6.0f} articles/s  "
                  f"(cluster start {started:.1f} s, not counted)  {'PASS' if same else 'FAIL'} identical")
            print(f"{name + ': compare':40} {shuffle:6.2f} s  group-by of {len(claims)} claims "
                  f"(local compare: {compare_seconds * 1000:.1f} ms)")
            if workers == 2:
                with tempfile.TemporaryDirectory() as cache:
                    cached = replace(options, cache_folder=cache)
                    for state in ("cold", "warm"):
                        seconds, result = best(1, lambda cached=cached: check([str(BULK)], rule_set, cached))
                        same = report(result) == expected
                        failures += not same
                        print(f"{f'dask, 2 workers, whole run, cache {state}':40} {seconds:6.1f} s  "
                              f"{count / seconds:6.0f} articles/s  {'PASS' if same else 'FAIL'} identical")

    from factcheck.claims_file import Shard, lines, read
    from factcheck.pipeline import claims_header, extract_shard

    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        start = time.perf_counter()
        for index in (1, 2, 3):
            header, problems, outcomes = extract_shard([str(BULK)], rule_set, Options(jobs=1), Shard(index, 3))
            path = Path(scratch) / f"{index}.jsonl"
            path.write_text("".join(lines(header, problems, outcomes)), encoding="utf-8")
            paths.append(str(path))
        extracted = time.perf_counter() - start
        size = sum(Path(p).stat().st_size for p in paths)
        start = time.perf_counter()
        shards = read(paths, claims_header(rule_set, Options()), rules)
        result = compare_all(gather(shards.outcomes, shards.problems), rule_set, Options())
        compared = time.perf_counter() - start
    same = report(result) == expected
    failures += not same
    print(f"{'extract 3 shards (in turn)':40} {extracted:6.1f} s  {count / extracted:6.0f} articles/s  "
          f"claims files {size / 1e6:.1f} MB ({size / count / 1e3:.2f} KB/article)")
    print(f"{'compare 3 claims files':40} {compared:6.2f} s  (read + compare)  {'PASS' if same else 'FAIL'} identical")
    print("PASS" if not failures else f"FAIL: {failures} report(s) differ from the local one")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    sys.exit(main())

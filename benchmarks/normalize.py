"""Normalizer throughput: spans per second, and the time to normalize every
candidate span of ../shared/corpus/bulk, against the time a full check takes.

    python benchmarks/normalize.py [--no-check]

A candidate span is what the extractor hands the normalizers: every sentence
of every article is scanned for quantities and dates (find_quantities,
find_dates), as if every rule's cue matched everywhere — an upper bound on
the normalizing a check does. Times are CPU seconds of this process
(time.process_time), steadier than wall time on a shared machine; --no-check
leaves out the full check. Prints figures; asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT.parent / "shared" / "corpus" / "bulk"


def main(argv: list[str] | None = None) -> int:
    run_check = "--no-check" not in (sys.argv[1:] if argv is None else argv)
    if not BULK.is_dir():
        print(f"skipped: {BULK} not found (the shared corpus sits beside the clone)")
        return 0
    sys.path.insert(0, str(ROOT))
    from factcheck.load import discover, read_article
    from factcheck.normalize.dates import find_dates
    from factcheck.normalize.quantities import find_quantities

    files, _ = discover([str(BULK)])
    started = time.perf_counter()
    sentences: list[tuple[str, date | None]] = []
    for file in files:
        article = read_article(file)
        anchor = article.published.date() if article.published else None
        sentences.extend((segment.text, anchor) for segment in article.segments)
    loading = time.perf_counter() - started

    find_quantities("预热1%"), find_dates("1月1日", date(2025, 1, 1))  # lazy imports out of the timing
    started = time.process_time()
    quantities = sum(len(find_quantities(text)) for text, _ in sentences)
    quantity_time = time.process_time() - started
    started = time.process_time()
    dates = sum(len(find_dates(text, anchor)) for text, anchor in sentences)
    date_time = time.process_time() - started

    check_time = None
    if run_check:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "factcheck", str(BULK), "--rules", str(ROOT / "rules"), "--format", "json",
                        "-o", "/dev/null", "--no-cache", "--jobs", "1"], cwd=ROOT, capture_output=True)
        check_time = time.perf_counter() - started

    characters = sum(len(text) for text, _ in sentences)
    print(f"bulk: {len(files):,} articles, {len(sentences):,} sentences, {characters / 1e6:.1f} M characters "
          f"(loading them: {loading:.2f} s)")
    print(f"quantities: {quantities:>7,} spans in {quantity_time:6.2f} s = {quantities / quantity_time:>9,.0f} spans/s, "
          f"{characters / quantity_time / 1e6:.1f} M characters/s")
    print(f"dates:      {dates:>7,} spans in {date_time:6.2f} s = {dates / date_time:>9,.0f} spans/s, "
          f"{characters / date_time / 1e6:.1f} M characters/s")
    print(f"every sentence normalized: {quantity_time + date_time:.2f} s CPU" + (
        f"; a full check (--jobs 1, no cache): {check_time:.2f} s wall, which normalizes only the sentences "
        "a rule's cue points at" if check_time is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Traditional → Simplified folding: the hand-made table against OpenCC, on ../shared/corpus/bulk.

    python benchmarks/normalize_variants.py

Compares three ways of folding every article of the bulk corpus:
  table        the hand-made one-for-one table factcheck kept before (variants.TRADITIONAL, SIMPLIFIED, from zh.yaml)
  opencc-char  OpenCC's t2s and HK/TW variant tables applied character by character
               (what `factcheck.normalize.variants.fold` does: same length, offsets stay)
  opencc       OpenCC's full t2s conversion (phrases too: may change the length)
Prints the characters each converts, the places (occurrences) where they differ, how often
the full conversion changes the length, and the time each takes over the corpus.
Exits 1 (FAIL) when the character folding misses a character the hand-made table converts
or changes a length; asserts nothing about speed (a shared machine).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT.parent / "shared" / "corpus" / "bulk"


def main() -> int:
    if not BULK.is_dir():
        print(f"skipped: {BULK} not found (the shared corpus sits beside the clone)")
        return 0
    sys.path.insert(0, str(ROOT))
    import opencc

    from factcheck.normalize import variants

    texts = [path.read_text(encoding="utf-8") for path in sorted(BULK.iterdir()) if path.suffix == ".md"]
    characters = sum(len(t) for t in texts)
    full_width = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
    table = str.maketrans(variants.TRADITIONAL + "".join(map(chr, full_width)),
                          variants.SIMPLIFIED + "".join(chr(c - 0xFEE0) for c in full_width))
    converter = opencc.OpenCC("t2s")

    started = time.perf_counter()
    needs = re.compile("[" + re.escape("".join(chr(c) for c in table)) + "]")  # as the old to_simplified did
    by_table = [t.translate(table) if needs.search(t) else t for t in texts]
    table_time = time.perf_counter() - started
    started = time.perf_counter()
    variants.fold("預熱")  # builds the character table: timed apart
    build_time = time.perf_counter() - started
    started = time.perf_counter()
    by_char = [variants.fold(t) for t in texts]
    char_time = time.perf_counter() - started
    started = time.perf_counter()
    by_opencc = [converter.convert(t) for t in texts]
    opencc_time = time.perf_counter() - started

    table_chars: Counter[str] = Counter()
    char_chars: Counter[str] = Counter()
    only_char: Counter[str] = Counter()
    only_table: Counter[str] = Counter()
    disagree: Counter[tuple[str, str, str]] = Counter()
    length_changed = 0
    for raw, a, b, full in zip(texts, by_table, by_char, by_opencc, strict=True):
        length_changed += len(full) != len(raw)
        if len(b) != len(raw):
            print(f"FAIL: fold changed a length ({len(raw)} → {len(b)})")
            return 1
        for r, x, y in zip(raw, a, b, strict=True):
            if x != r:
                table_chars[r] += 1
            if y != r:
                char_chars[r] += 1
            if y != r and x == r:
                only_char[r] += 1
            elif x != r and y == r:
                only_table[r] += 1
            elif x != y:
                disagree[(r, x, y)] += 1

    print(f"bulk: {len(texts):,} articles, {characters / 1e6:.1f} M characters")
    print(f"{'':12} {'characters':>10} {'places':>8} {'time':>8}")
    print(f"{'table':12} {len(table_chars):>10,} {sum(table_chars.values()):>8,} {table_time:7.3f}s")
    print(f"{'opencc-char':12} {len(char_chars):>10,} {sum(char_chars.values()):>8,} {char_time:7.3f}s"
          f"  (+ {build_time:.3f}s once to build the table)")
    print(f"{'opencc':12} {'':>10} {'':>8} {opencc_time:7.3f}s  (full t2s; length changed in "
          f"{length_changed} of {len(texts)} articles)")
    print(f"converted by opencc-char only: {len(only_char)} characters in {sum(only_char.values()):,} places, "
          f"e.g. {''.join(c for c, _ in only_char.most_common(30))}")
    print(f"converted by the table only: {len(only_table)} characters in {sum(only_table.values()):,} places"
          + (f", e.g. {''.join(c for c, _ in only_table.most_common(30))}" if only_table else ""))
    print(f"converted differently: {len(disagree)} characters in {sum(disagree.values()):,} places"
          + "".join(f"; {r}: table {x}, opencc {y} ×{n}" for (r, x, y), n in disagree.most_common(10)))
    if only_table:
        print("FAIL: the character folding misses characters the hand-made table converts")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

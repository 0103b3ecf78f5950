"""What the engine's fixed thresholds decide on real stories: each one's effect, counted.

    python benchmarks/thresholds.py                       # the tuned clusters (rules in examples/)
    python benchmarks/thresholds.py --corpus /work/fresh2 --rules-root /work/fresh2/rules
    python benchmarks/thresholds.py --examples            # also print the sentences each one decided
    python benchmarks/thresholds.py --articles ../shared/corpus/bulk   # the dateline's two, on every article

A threshold no figure backs is a guess (REVIEW14 #17). This runs factcheck in-process on each story
with its rule folder, as benchmarks/accuracy.py does, and records every case where one of these
thresholds is what decides, with the value it measured, so a reader sees how far each case stands
from the threshold and how many would turn if it moved:

- `kinds/base._MIN_RESTATED`: one source writes one sentence twice with values that do not agree
  (a slip, "it contradicts itself") only when the sentence holds more than this many characters
  besides the value; a bare `增长2%` under two headings is two figures.
- `kinds/subject_reading.HEADING_LENGTH`: a paragraph of one line with no sentence punctuation is a
  heading (its values the title's subject's) only up to this many characters.
- `kinds/dateline.REACH`: the report's dateline is looked for in this many sentences after the title.
- `kinds/dateline._OPENING`: what stands before a dateline's date (the outlet, its place; a flash's
  【headline】 before them is not counted) is at most `OPENING_LENGTH` (24) characters: every sentence whose first date is
  a day followed by a mark (讯, 电, 消息) with no clause break before it is counted, whatever the length.

Figures are printed, nothing is asserted; exits 0 once it has run.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.kinds import base, dateline, sentence, subject_reading
from factcheck.load import parse_article
from factcheck.normalize.dates import DateSpan, find_dates
from factcheck.normalize.entities import EntityIndex
from factcheck.pipeline import Options, check
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = ROOT.parent / "shared" / "corpus" / "clusters"
TUNED = ("baidu-ernie-bot-free-2025-02-13", "catl-hk-ipo-filing-2025-02-11", "coca-cola-q4-2024-results-2025-02-11",
         "mixue-hk-ipo-2025-02-11", "nezha2-box-office-10b-2025-02-13", "softbank-openai-40b-investment-2025-02-07")
_NO_BREAK = re.compile(r"[^，,。；;：:！？!?【】]*")  # as kinds/dateline._OPENING
_MARK = dateline._MARK  # the mark a dateline ends with
_HEADLINE = re.compile(dateline.HEADLINE + r"\s*")  # the engine's (with the spaces it allows after it)


class Record:
    """The cases seen: per threshold, each case's text with its measured value and whether the threshold
    turned it away (a restatement not called a slip, a heading too long, a dateline too far or too late)."""

    def __init__(self) -> None:
        self.cases: dict[str, dict[str, tuple[int, bool]]] = {"restated": {}, "heading": {}, "reach": {}, "opening": {}}

    def add(self, name: str, text: str, measured: int, decided: bool) -> None:
        self.cases[name].setdefault(text, (measured, decided))


def instrument(record: Record, patch: Callable[[object, str, Any], None] = setattr) -> None:
    """Wrap the functions holding the thresholds (`patch(module, name, wrapper)`); each wrapper returns
    what the original returns."""
    said_twice, a_heading, report_dateline = base._said_twice, subject_reading.is_a_heading, sentence.report_dateline

    def restated(kind: Any, rule: Any, own: list[Any], found: Any) -> str:
        masked = base._masked(found)
        if any(o is not found and base._masked(o) == masked and not kind.agree(rule, o.value, found.value)
               for o in own):
            length = len(masked.strip())
            record.add("restated", masked.replace("\0", "▢"), length, length <= base._MIN_RESTATED)
        return said_twice(kind, rule, own, found)

    def heading(s: Any) -> bool:
        text = s.segment.text.strip(" *_#")
        if s.previous is None and subject_reading.SENTENCE_MARKS.search(text) is None:
            record.add("heading", text, len(text), len(text) > subject_reading.HEADING_LENGTH)
        return a_heading(s)

    def opening_dateline(opening: Iterable[tuple[str, str]], anchor: date | None) -> DateSpan | None:
        texts = list(opening)
        for at, (folded, plain) in enumerate(texts[:2 * dateline.REACH]):
            dates = find_dates(plain, anchor)
            first = dates[0] if dates else None
            headline = _HEADLINE.match(folded, 0, first.start) if first else None  # a flash's 【headline】: not counted
            begin = headline.end() if headline else 0  # its own commas (【国常会：…】) break no clause
            if (first is None or first.value.precision != "day" or not _NO_BREAK.fullmatch(folded, begin, first.start)
                    or not _MARK.match(folded, first.end)):
                continue
            before = first.start - begin
            record.add("opening", folded[:first.end + 3], before, before > dateline.OPENING_LENGTH)
            if dateline.dateline_of(folded, dates) is not None:
                record.add("reach", folded[:40], at + 1, at >= dateline.REACH)
                break
        return report_dateline(iter(texts), anchor)

    patch(base, "_said_twice", restated)
    patch(subject_reading, "is_a_heading", heading)
    patch(sentence, "report_dateline", opening_dateline)


def stories(corpus: Path | None, rules_root: Path | None) -> list[tuple[str, Path, Path]]:
    """(name, rule folder, story folder) of every story with rules."""
    if corpus is None:
        return [(name, ROOT / "examples" / name, CLUSTERS / name) for name in TUNED if (CLUSTERS / name).is_dir()]
    root = rules_root or corpus / "rules"
    return [(p.name, p, corpus / "stories" / p.name) for p in sorted(root.iterdir())
            if p.is_dir() and (corpus / "stories" / p.name).is_dir()]


def report(record: Record, thresholds: dict[str, int], examples: bool) -> None:
    for name, cases in record.cases.items():
        values = Counter(measured for measured, _ in cases.values())
        decided = sum(1 for _, by_it in cases.values() if by_it)
        spread = ", ".join(f"{value}×{count}" if count > 1 else str(value) for value, count in sorted(values.items()))
        print(f"{name:9} threshold {thresholds[name]:>3}: {len(cases)} cases, {decided} turned away by it;"
              f" measured: {spread or '-'}")
        if examples:
            for text, (measured, by_it) in sorted(cases.items(), key=lambda item: item[1][0]):
                print(f"    {measured:>4} {'*' if by_it else ' '} {text[:70]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder with stories/ (default: the tuned clusters)")
    parser.add_argument("--rules-root", type=Path, help="rule folders named after the stories (default CORPUS/rules)")
    parser.add_argument("--articles", type=Path, help="instead: every article under this folder, read without rules "
                        "(every paragraph): only the dateline's thresholds are asked (e.g. ../shared/corpus/bulk)")
    parser.add_argument("--examples", action="store_true", help="print each case (* : turned away by the threshold)")
    args = parser.parse_args()
    record = Record()
    instrument(record)
    if args.articles is not None:
        paths = sorted(p for p in args.articles.rglob("*.md") if not p.name.startswith("."))
        for path in paths:
            sentence.sentences(parse_article(path.read_text(encoding="utf-8"), str(path)), EntityIndex(()))
        print(f"{len(paths)} articles")
    else:
        found = stories(args.corpus, args.rules_root)
        for _, rules, story in found:
            check([str(story)], load_rules([str(rules)]), Options())
        print(f"{len(found)} stories")
    report(record, {"restated": base._MIN_RESTATED, "heading": subject_reading.HEADING_LENGTH,
                    "reach": dateline.REACH, "opening": dateline.OPENING_LENGTH}, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

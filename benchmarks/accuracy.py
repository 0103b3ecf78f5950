"""Accuracy: factcheck on the shared clusters, scored against their truth files.

    python benchmarks/accuracy.py                     # every cluster with a rule folder in examples/
    python benchmarks/accuracy.py --cluster mixue-hk-ipo-2025-02-11 --details
    python benchmarks/accuracy.py --corpus OTHER_CORPUS --rules-root OTHER_CORPUS/rules --rows
    python benchmarks/accuracy.py --held-out --rules-root /path/to/held-out-rules
    python benchmarks/accuracy.py --json
    python benchmarks/accuracy.py --devset round16    # a dev set kept in benchmarks/devsets/
    python benchmarks/accuracy.py --devset all

For each cluster it runs the CLI as a user would
(`factcheck --format json --min-level info --rules RULES CLUSTER`) with the
rule folder named after the cluster, and scores the report with the shared
scorer (`../shared/corpus/truth/score.py`, imported, not copied): findings at
warning or above count for precision and false alarms (the scorer's default),
and a second pass at info level tells whether context-only facts were shown
side by side. Totals add the counts of every cluster (a micro average).

A dev set (benchmarks/devsets/NAME/) is a round of stories picked from the
bulk corpus, annotated from the articles alone and given rules a docs-only
user wrote: `stories.yaml` names each story's bulk files, `truth/` and
`rules/` hold the rest. `--devset` assembles its corpus in a scratch folder
(copies of ../shared/corpus/bulk articles, the truth files, the shared scorer), so the
articles are never copied into the project.

The goal is issue 10's: precision >= 0.9, disagreement recall >= 0.8, claim
recall >= 0.8. Nothing is asserted: figures and PASS/FAIL are printed, and the
script exits 0 once it has run (2 when factcheck or the scorer fails).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"
DEVSETS = ROOT / "benchmarks" / "devsets"

# The clusters whose example rules were written while looking at the engine's
# output, and the three kept for rule sets written from the docs alone.
TUNED = (
    "baidu-ernie-bot-free-2025-02-13",
    "catl-hk-ipo-filing-2025-02-11",
    "coca-cola-q4-2024-results-2025-02-11",
    "mixue-hk-ipo-2025-02-11",
    "nezha2-box-office-10b-2025-02-13",
    "softbank-openai-40b-investment-2025-02-07",
)
HELD_OUT = (
    "byd-gods-eye-adas-launch-2025-02-10",
    "musk-openai-974b-bid-2025-02-11",
    "us-steel-aluminum-tariffs-2025-02-10",
)

GOAL_PRECISION = 0.9
GOAL_DISAGREEMENT_RECALL = 0.8
GOAL_CLAIM_RECALL = 0.8


@dataclass
class Score:
    """The scorer's counts for one cluster (or their sum)."""

    cluster: str
    claims_found: int = 0
    claims_total: int = 0
    disagreements_flagged: int = 0
    disagreements_total: int = 0
    findings: int = 0
    true_flags: int = 0
    false_alarms: int = 0
    context_as_conflict: int = 0
    context_shown: int = 0
    context_total: int = 0
    false_alarm_list: list[dict] = field(default_factory=list)
    missed_facts: list[str] = field(default_factory=list)
    missed_rows: list[str] = field(default_factory=list)

    @property
    def claim_recall(self) -> float | None:
        return ratio(self.claims_found, self.claims_total)

    @property
    def disagreement_recall(self) -> float | None:
        return ratio(self.disagreements_flagged, self.disagreements_total)

    @property
    def precision(self) -> float | None:
        return ratio(self.true_flags, self.findings)

    def passes(self) -> bool:
        """Issue 10's goal; a figure with nothing to count (n/a) does not fail it."""
        checks = ((self.precision, GOAL_PRECISION), (self.disagreement_recall, GOAL_DISAGREEMENT_RECALL),
                  (self.claim_recall, GOAL_CLAIM_RECALL))
        return all(value is None or value >= goal for value, goal in checks)

    def add(self, other: Score) -> None:
        for name in ("claims_found", "claims_total", "disagreements_flagged", "disagreements_total", "findings",
                     "true_flags", "false_alarms", "context_as_conflict", "context_shown", "context_total"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self, details: bool) -> dict:
        out = asdict(self)
        if not details:
            out.pop("false_alarm_list")
            out.pop("missed_facts")
            out.pop("missed_rows")
        out.update(claim_recall=self.claim_recall, disagreement_recall=self.disagreement_recall,
                   precision=self.precision, passed=self.passes())
        return out


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("truth_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rule_folders(roots: list[Path]) -> dict[str, Path]:
    """Cluster name → its rule folder; a later root overrides an earlier one."""
    found: dict[str, Path] = {}
    for root in roots:
        if root.is_dir():
            found.update({p.name: p for p in sorted(root.iterdir()) if p.is_dir() and not p.name.startswith(".")})
    return found


def devset_names(wanted: str) -> list[str]:
    """`all` → every dev set kept, else the one named."""
    kept = sorted(p.name for p in DEVSETS.iterdir() if (p / "stories.yaml").is_file()) if DEVSETS.is_dir() else []
    if wanted == "all":
        return kept
    if wanted not in kept:
        raise SystemExit(f"accuracy: no dev set {wanted!r} in {DEVSETS} (kept: {', '.join(kept) or 'none'})")
    return [wanted]


def assemble_devset(devset: Path, corpus: Path, scratch: Path) -> Path | None:
    """A corpus folder for one dev set: clusters/STORY/FILE copied from the bulk articles (factcheck
    does not follow a link out of the folder it reads), its truth files and the shared scorer. None when the shared bulk corpus or a named article is missing."""
    stories = yaml.safe_load((devset / "stories.yaml").read_text(encoding="utf-8")) or {}
    bulk, scorer = corpus / "bulk", corpus / "truth" / "score.py"
    out = scratch / devset.name
    for story, files in sorted(stories.items()):
        for name in files:
            if not (bulk / name).is_file():
                return None
            (out / "clusters" / story).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(bulk / name, out / "clusters" / story / name)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for truth in sorted((devset / "truth").glob("*.yaml")):
        (out / "truth" / truth.name).symlink_to(truth.resolve())
    if scorer.is_file():
        (out / "truth" / "score.py").symlink_to(scorer)
    return out


def run_factcheck(rules: Path, cluster: Path, out: Path) -> tuple[int, str]:
    command = [sys.executable, "-m", "factcheck", "--format", "json", "--min-level", "info",
               "--fail-on", "never", "--no-cache", "--no-config", "--rules", str(rules),
               "-o", str(out), str(cluster)]
    done = subprocess.run(command, check=False, capture_output=True, text=True, cwd=ROOT)
    return done.returncode, done.stderr


def score_report(scorer: ModuleType, cluster: str, truth: Path, report: Path,
                 cues: CuesOnLine | None = None) -> Score:
    _, facts = scorer.load_truth(str(truth))
    findings, claims = scorer.load_report(str(report))
    summary, per_fact, false_alarms, _ = scorer.score(facts, findings, claims, "warning")
    at_info, _, _, _ = scorer.score(facts, findings, claims, "info")
    return Score(
        cluster=cluster,
        claims_found=summary["claim_recall"]["found"], claims_total=summary["claim_recall"]["total"],
        disagreements_flagged=summary["disagreement_recall"]["flagged"],
        disagreements_total=summary["disagreement_recall"]["total"],
        findings=summary["findings"], true_flags=summary["true_flags"], false_alarms=summary["false_alarms"],
        context_as_conflict=summary["context_shown_as_conflict"],
        context_shown=at_info["context_facts_shown"]["shown"], context_total=at_info["context_facts_shown"]["total"],
        false_alarm_list=false_alarms,
        missed_facts=[f"{p['id']} {p['title']}" for p in per_fact if p["flagged"] is False],
        missed_rows=missed_rows(scorer, facts, claims, json.loads(report.read_text(encoding="utf-8")), cues),
    )


@dataclass
class CuesOnLine:
    """The cues of a cluster's rules, to say which stand on a line where no claim was read (a value the
    reading missed, not a fact no rule is about)."""

    articles: Path
    cues: list[tuple[str, re.Pattern[str]]]

    @classmethod
    def of(cls, rules: Path, articles: Path) -> CuesOnLine:
        from factcheck.kinds.sentence import pattern
        from factcheck.rules import load_rules

        return cls(articles, [(rule.id, pattern(cue)) for rule in load_rules([str(rules)]).rules
                              if isinstance(cue := getattr(rule, "cue", ""), str) and cue])

    def on(self, name: str, lines: set[int]) -> list[str]:
        """`rule«cue»` for each rule whose cue stands on one of the lines of article `name`."""
        path = self.articles / name
        text = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        found = []
        for rule, cue in self.cues:
            hit = next((m for line in sorted(lines) if 0 < line <= len(text) and (m := cue.search(text[line - 1]))), None)
            if hit is not None:
                found.append(f"{rule}«{hit.group(0)}»")
        return found


def missed_rows(scorer: ModuleType, facts: list[dict], claims: list[dict], report: dict,
                cues: CuesOnLine | None = None) -> list[str]:
    """Each truth row no claim stands for, with why: no claim on its line, or the claims
    there (rule, subject, value), and any `unattributed` or `unread-value` note on that line; with `cues`,
    a line with no claim says which rules' cues stand on it (`no claim at line; cue of revenue«营收»`)."""
    notes: dict[tuple[str, int], list[str]] = {}
    for d in report.get("diagnostics") or []:
        if d.get("code") in ("unattributed", "unread-value"):
            notes.setdefault((Path(str(d.get("path", ""))).name, int(d.get("line") or 0)), []).append(str(d["code"]))
    at_line: dict[tuple[str, int], list[str]] = {}
    for c in claims:
        name, line, raw = scorer.claim_key(c)
        at_line.setdefault((name, line), []).append(f"{c.get('rule_id') or c.get('rule')}:{c.get('subject') or '-'}"
                                                    f"={raw}")
    out = []
    for fact in facts:
        for row in fact["rows"]:
            if any(row in scorer.rows_for_claim(fact, c) for c in claims):
                continue
            there = [x for line in sorted(row["lines"]) for x in at_line.get((row["file"], line), [])]
            noted = sorted({x for line in sorted(row["lines"]) for x in notes.get((row["file"], line), [])})
            on_line = cues.on(row["file"], set(row["lines"])) if cues is not None and not there else []
            why = ("other value: " + "; ".join(sorted(set(there)))[:160]) if there else (
                "no claim at line" + (f"; cue of {' '.join(on_line)}" if on_line else ""))
            out.append(f"{fact['id']} {row['file']}:{min(row['lines'])} {row['value']!s} «{row['quote'][:50]}» "
                       f"{why}{''.join(f' ({n})' for n in noted)}")
    return out


def fmt(part: int, whole: int) -> str:
    value = ratio(part, whole)
    return f"{part}/{whole}" + (f" ({value:.2f})" if value is not None else " (n/a)")


def verdict_line(score: Score) -> str:
    def show(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"
    word = "PASS" if score.passes() else "FAIL"
    return (f"{word}  {score.cluster}: precision {show(score.precision)} (goal ≥ {GOAL_PRECISION}), "
            f"disagreement recall {show(score.disagreement_recall)} (≥ {GOAL_DISAGREEMENT_RECALL}), "
            f"claim recall {show(score.claim_recall)} (≥ {GOAL_CLAIM_RECALL})")


def table(scores: list[Score]) -> str:
    head = ["cluster", "claim recall", "disagreement recall", "precision", "false alarms", "ctx as conflict",
            "ctx shown"]
    rows = [[s.cluster, fmt(s.claims_found, s.claims_total), fmt(s.disagreements_flagged, s.disagreements_total),
             fmt(s.true_flags, s.findings), str(s.false_alarms), str(s.context_as_conflict),
             fmt(s.context_shown, s.context_total)] for s in scores]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [head, *rows]]
    rule = "-" * len(lines[0])
    lines.insert(1, rule)
    if len(rows) > 1:  # the last row is the total
        lines.insert(len(lines) - 1, rule)
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--cluster", action="append", default=[], metavar="NAME", help="only this cluster (repeatable)")
    chosen.add_argument("--tuned-only", action="store_true", help=f"only the {len(TUNED)} tuned clusters")
    chosen.add_argument("--held-out", action="store_true", help=f"only the {len(HELD_OUT)} held-out clusters")
    parser.add_argument("--rules-root", action="append", default=[], type=Path, metavar="DIR",
                        help="another folder of cluster-named rule folders (after examples/, overriding it)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus (default: ../shared/corpus)")
    parser.add_argument("--devset", metavar="NAME",
                        help="score a dev set kept in benchmarks/devsets/ (or `all`), with its own truth and rules")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--details", action="store_true", help="list each cluster's false alarms and missed facts")
    parser.add_argument("--rows", action="store_true",
                        help="list each truth row no claim stands for, and what was claimed on its line (or which rules' cues stand there)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.devset:
        return run_devsets(args)
    clusters_dir, truth_dir = args.corpus / "clusters", args.corpus / "truth"
    if not (clusters_dir.is_dir() and (truth_dir / "score.py").is_file()):
        print(f"accuracy benchmark skipped: no clusters and truth/score.py under {args.corpus} "
              "(the shared corpus sits beside the clone).")
        return 0
    folders = rule_folders([EXAMPLES, *args.rules_root])
    wanted = list(args.cluster) or list(TUNED if args.tuned_only else HELD_OUT if args.held_out else [])
    if not wanted:
        wanted = [name for name in folders if (clusters_dir / name).is_dir()]
    scorer = load_scorer(truth_dir / "score.py")
    scores: list[Score] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="factcheck-accuracy-") as scratch:
        for name in wanted:
            if name not in folders or not (clusters_dir / name).is_dir() or not (truth_dir / f"{name}.yaml").is_file():
                skipped.append(f"{name}: no rule folder, cluster or truth file")
                continue
            report = Path(scratch, f"{name}.json")
            code, stderr = run_factcheck(folders[name], clusters_dir / name, report)
            if code not in (0, 1) or not report.is_file():
                print(f"{name}: factcheck exited {code}\n{stderr.strip()}", file=sys.stderr)
                return 2
            cues = CuesOnLine.of(folders[name], clusters_dir / name) if args.rows else None
            scores.append(score_report(scorer, name, truth_dir / f"{name}.yaml", report, cues))
    total = Score(cluster="total (micro)")
    for s in scores:
        total.add(s)
    if args.json:
        print(json.dumps({"clusters": [s.as_dict(args.details) for s in scores], "total": total.as_dict(False),
                          "skipped": skipped, "goal": {"precision": GOAL_PRECISION,
                                                       "disagreement_recall": GOAL_DISAGREEMENT_RECALL,
                                                       "claim_recall": GOAL_CLAIM_RECALL}},
                         ensure_ascii=False, indent=1))
        return 0
    for line in skipped:
        print(f"skipped  {line}")
    if not scores:
        print("no cluster scored")
        return 0
    print(table([*scores, total] if len(scores) > 1 else scores))
    print()
    for s in [*scores, total] if len(scores) > 1 else scores:
        print(verdict_line(s))
    if args.details:
        for s in scores:
            print(f"\n{s.cluster}")
            for fa in s.false_alarm_list:
                print(f"  false alarm  {fa['level']:7} {fa['rule']:24} {fa['kind']:14} "
                      f"facts={','.join(fa['facts']) or '-'}  {fa['message'][:90]}")
            for fact in s.missed_facts:
                print(f"  missed       {fact}")
    if args.rows:
        for s in scores:
            print(f"\n{s.cluster}: truth rows with no claim")
            for row in s.missed_rows:
                print(f"  {row}")
    return 0


def run_devsets(args: argparse.Namespace) -> int:
    """Each dev set in turn, scored as a corpus of its own with its own rules."""
    code = 0
    with tempfile.TemporaryDirectory(prefix="factcheck-devset-") as scratch:
        for name in devset_names(args.devset):
            corpus = assemble_devset(DEVSETS / name, args.corpus, Path(scratch))
            if corpus is None:
                print(f"dev set {name} skipped: its articles are not all in {args.corpus / 'bulk'}")
                continue
            print(f"== dev set {name}", flush=True)
            rest = ["--corpus", str(corpus), "--rules-root", str(DEVSETS / name / "rules"),
                    *(["--json"] if args.json else []), *(["--details"] if args.details else []),
                    *(["--rows"] if args.rows else [])]
            code = max(code, main(rest))
            sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())

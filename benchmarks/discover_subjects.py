"""Who a value is about: discover's own name finding against jieba, measured.

    python benchmarks/discover_subjects.py            # the six tuning clusters + speed on 300 bulk articles
    python benchmarks/discover_subjects.py --sample N # speed on N bulk articles

Issue 13 asks for a well-kept segmenter/NER such as jieba if discover's own
heuristics (names.py) are not enough. jieba has no named-entity recogniser;
its part-of-speech tags nr/nrt/nrfg (persons), nt (organisations) and nz
(other proper names) are what it offers. Three sources of a story's names
are compared, everything else of discover unchanged (subject = the name
nearest before the value, as align.assign_subjects does):

- own:   names.story_entities (stock codes, brackets, 《》, Latin names,
         organisation words, shared title words);
- jieba: words jieba.posseg tags nr/nrt/nrfg/nt/nz (and capitalised Latin
         words) that two or more articles of the story use;
- both:  own, plus jieba's names that no own alias already holds.

Truth: every value row of a truth fact with an actor in
benchmarks/discover_actors.yaml (read from the fact's title and quotes)
that discover observes (same file, line and digits). A row is right when its
subject is one of the fact's actors. Figures: rows observed, right / observed
(accuracy), right / rows whose subject a name in the sentence gave
(precision: inferred subjects left out), and the time each takes.

jieba is only needed to run this benchmark (pip install jieba); without it
the jieba rows are skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from factcheck.discover.names import _GENERIC, _NOT_NAMES, _variants, entity_id, hints, story_entities
from factcheck.discover.run import read_articles, with_subjects
from factcheck.discover.values import Observation
from factcheck.normalize.variants import to_simplified
from factcheck.records import Article, Entity
from factcheck.values import Quantity

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ACTORS = Path(__file__).with_name("discover_actors.yaml")
JIEBA_NAME_TAGS = ("nr", "nrt", "nrfg", "nt", "nz")


def _text(article: Article) -> str:
    return to_simplified("\n".join([article.title, *(s.text for s in article.segments)]))


def jieba_entities(articles: list[Article]) -> tuple[Entity, ...]:
    """The story's names as jieba tags them: proper-name words two or more articles use."""
    import jieba.posseg

    seen: Counter[str] = Counter()
    for article in articles:
        words = set()
        for word, flag in jieba.posseg.cut(_text(article)):
            if ((flag in JIEBA_NAME_TAGS and len(word) >= 2) or (flag == "eng" and word[:1].isupper()
                                                                 and len(word) >= 3)):
                words.add(word)
        seen.update(words)
    need = 2 if len(articles) > 1 else 1
    names = sorted((w for w, c in seen.items() if c >= need and w not in _GENERIC and w not in _NOT_NAMES),
                   key=lambda w: (-seen[w], w))
    return tuple(Entity(entity_id(n, i), n, tuple(sorted({n, *_variants(n)}))) for i, n in enumerate(names, 1))


def both(own: tuple[Entity, ...], extra: tuple[Entity, ...]) -> tuple[Entity, ...]:
    held = {to_simplified(a) for e in own for a in (e.name, *e.aliases)}
    added = [e for e in extra if not any(e.name in a or a in e.name for a in held if len(a) >= 2)]
    return own + tuple(Entity(f"j{n:02d}", e.name, e.aliases) for n, e in enumerate(added, 1))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "").lstrip("0")


def _observed(row: dict, observations: list[Observation]) -> Observation | None:  # type: ignore[type-arg]
    lines = {row["line"], *(row.get("also_lines") or [])}
    digits = _digits(str(row.get("value") or ""))
    for item in observations:
        if Path(item.article).name != row["file"] or item.line not in lines:
            continue
        raw = item.value.raw if isinstance(item.value, Quantity) else getattr(item.value, "raw", "")
        if not digits or _digits(raw).startswith(digits) or digits.startswith(_digits(raw) or "x"):
            return item
    return None


def _right(item: Observation, entities: tuple[Entity, ...], actors: list[str]) -> bool:
    entity = next((e for e in entities if e.id == item.subject), None)
    if entity is None:
        return False
    spelled = {to_simplified(a).casefold() for a in (entity.name, *entity.aliases)}
    wanted = {to_simplified(a).casefold() for a in actors}
    return any(a == w or (len(w) >= 2 and w in a) for a in spelled for w in wanted)


def accuracy(clusters: list[str], sources: list[str]) -> dict[str, list[int]]:
    table = yaml.safe_load(ACTORS.read_text(encoding="utf-8"))
    totals = {source: [0, 0, 0, 0, 0] for source in sources}  # rows, observed, right, named, named right
    for name in clusters:
        truth = yaml.safe_load((CORPUS / "truth" / f"{name}.yaml").read_text(encoding="utf-8"))
        read = read_articles([str(CORPUS / "clusters" / name)])
        articles = [a for a, _, _ in read]
        observations = [o for _, _, obs in read for o in obs]
        found = {"own": story_entities([(a, h) for a, h, _ in read])}
        if "jieba" in sources or "both" in sources:
            found["jieba"] = jieba_entities(articles)
            found["both"] = both(found["own"], found["jieba"])
        for source in sources:
            entities = found[source]
            assigned = with_subjects(observations, entities)
            counts = totals[source]
            for fact in truth["facts"]:
                actors = table[name].get(fact["id"])
                if not actors:
                    continue
                for row in fact["values"]:
                    counts[0] += 1
                    item = _observed(row, assigned)
                    if item is None:
                        continue
                    right = _right(item, entities, actors)
                    counts[1] += 1
                    counts[2] += right
                    if not item.subject_inferred:
                        counts[3] += 1
                        counts[4] += right
    return totals


def speed(sample: int) -> dict[str, float]:
    files = sorted(p for p in (CORPUS / "bulk").rglob("*.md"))[:sample]
    articles = [a for a, _, _ in read_articles([str(p) for p in files])]
    started = time.perf_counter()
    for article in articles:
        hints(article)
    own = time.perf_counter() - started
    result = {"articles": float(len(articles)), "own": own}
    try:
        import jieba
        import jieba.posseg
    except ImportError:
        return result
    jieba.setLogLevel(60)
    started = time.perf_counter()
    jieba.initialize()
    result["jieba load"] = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        list(jieba.posseg.cut(_text(article)))
    result["jieba posseg"] = time.perf_counter() - started
    started = time.perf_counter()
    for article in articles:
        list(jieba.cut(_text(article)))
    result["jieba cut"] = time.perf_counter() - started
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300, help="bulk articles timed (default 300)")
    args = parser.parse_args()
    if not (CORPUS / "truth").is_dir():
        print(f"skipped: {CORPUS} not found (the shared corpus sits beside the clone)")
        return 0
    try:
        import jieba

        jieba.setLogLevel(60)
        sources = ["own", "jieba", "both"]
    except ImportError:
        print("jieba not installed: only discover's own names are measured (pip install jieba)")
        sources = ["own"]
    timing = speed(args.sample)  # first, so that jieba's dictionary load is timed
    clusters = sorted(yaml.safe_load(ACTORS.read_text(encoding="utf-8")))
    totals = accuracy(clusters, sources)
    print(f"subject of truth values, six tuning clusters ({totals['own'][0]} rows with an actor)")
    print(f"{'names from':10} {'observed':>8} {'right':>6} {'accuracy':>8} {'named':>6} {'precision':>9}")
    for source, (_rows, seen, right, named, named_right) in totals.items():
        print(f"{source:10} {seen:>8} {right:>6} {right / max(1, seen):>8.0%} {named:>6} "
              f"{named_right / max(1, named):>9.0%}")
    count = int(timing.pop("articles"))
    print(f"\nspeed on {count} bulk articles (one process):")
    for label, seconds in timing.items():
        print(f"  {label:14} {seconds:6.2f} s" + ("" if label == "jieba load" else f"  ({1000 * seconds / count:.1f} ms/article)"))
    if "jieba" in totals:
        own_right, jieba_right, both_right = (totals[s][2] for s in ("own", "jieba", "both"))
        better = max(jieba_right, both_right) > own_right
        print(f"\njieba {'helps' if better else 'does not help'}: right subjects own {own_right}, "
              f"jieba {jieba_right}, own+jieba {both_right}: {'ADOPT' if better else 'KEEP OWN'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

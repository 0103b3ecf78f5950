"""Articles grouped into stories, so candidates compare like with like.

An archive folder holds many stories. Two articles are one story when their
titles (and leads) share distinctive terms — character pairs and names
weighted by how rare they are in the folder (inverse document frequency) —
and they were published within WINDOW of each other (up to twice that when
they are twice as alike). Stories are the
connected groups of such pairs; an article linked to none is a story alone
(it has no other source to disagree with).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from operator import add, itemgetter

from factcheck.joined import Joined
from factcheck.normalize.variants import to_simplified

WINDOW = timedelta(days=3)  # how far apart the publish times of one story's articles may be at THRESHOLD
THRESHOLD = 0.3  # cosine two articles need to be one story (six clusters mixed: pair precision 0.95, recall 0.97)
# past WINDOW, up to twice it, articles must be twice as alike: a story followed up four days later (a price
# record reported on the 8th and again on the 12th) is one story, while articles that merely share a topic
# stay apart
LONGEST = 2 * WINDOW
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-]{2,}|\d{4,6}(?:\.[A-Z]{2})?")


@dataclass(frozen=True)
class Digest:
    """What grouping needs of an article: cheap to compute, small to send between processes."""

    path: str
    outlet: str
    title: str
    published: datetime | None
    terms: tuple[tuple[str, int], ...]  # term → count, in the title (counted TITLE_WEIGHT times) and lead
    source: str  # records.source_of: what it counts as when sources are counted, as a check counts them


TITLE_WEIGHT = 3  # a title's words say more about the story than the lead's
TOP_TERMS = 40  # an article is compared on its most distinctive terms only


def terms_of(title: str, lead: str) -> tuple[tuple[str, int], ...]:
    """Character pairs and Latin names or stock codes of the title and lead, with counts."""
    counts: Counter[str] = Counter()
    for text, times in ((to_simplified(title), TITLE_WEIGHT), (to_simplified(lead), 1)):
        terms = [pair for run in _CJK.findall(text) for pair in map(add, run, run[1:])]
        terms += [word.lower() for word in _LATIN.findall(text)]
        # counted in C (a list, not a mapping: Counter.update adds a mapping's counts in a Python loop);
        # a title's terms listed TITLE_WEIGHT times count TITLE_WEIGHT times
        counts.update(terms * times)
    # in the order the text gives them (deterministic): grouping sums and sorts by weight, never by this order
    return tuple(counts.items())


def group(digests: list[Digest]) -> list[list[Digest]]:
    """Stories, each a list of digests in path order; stories ordered by their first path.

    Each article is a vector of its TOP_TERMS terms by count × inverse document
    frequency; two articles are linked when the cosine of their vectors reaches
    what their publish times allow (`needed`)."""
    ordered = sorted(digests, key=lambda d: d.path)
    count = len(ordered)
    df: Counter[str] = Counter()
    for digest in ordered:
        df.update(map(itemgetter(0), digest.terms))
    idf = {t: math.log(1 + count / n) for t, n in df.items() if n > 1}  # a term of one article links none
    vectors: list[dict[str, float]] = []
    for digest in ordered:
        weighted = sorted(((tf * idf[t], t) for t, tf in digest.terms if t in idf), reverse=True)[:TOP_TERMS]
        norm = math.sqrt(sum(w * w for w, _ in weighted)) or 1.0
        vectors.append({t: w / norm for w, t in weighted})
    # each term's articles in index order, with the term's weight in each: a pair's cosine is summed
    # without looking the other article's vector up
    postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            indexes, weights = postings[term]
            indexes.append(index)
            weights.append(weight)
    joined = Joined(count)
    for index, vector in enumerate(vectors):
        shared: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            indexes, weights = postings[term]  # only the articles after this one are compared with it
            after = bisect_right(indexes, index)
            for other, other_weight in zip(indexes[after:], weights[after:]):
                shared[other] += weight * other_weight
        for other, cosine in shared.items():
            # most pairs share a common term or two and stay below THRESHOLD, the least any gap needs
            if cosine >= THRESHOLD and cosine >= needed(ordered[index], ordered[other]):
                joined.join(index, other)
    stories: dict[int, list[Digest]] = defaultdict(list)
    for index, digest in enumerate(ordered):
        stories[joined.root(index)].append(digest)
    return sorted(stories.values(), key=lambda s: s[0].path)


def needed(a: Digest, b: Digest) -> float:
    """The cosine two articles need to be one story: THRESHOLD within WINDOW, twice it up to LONGEST,
    never past LONGEST (infinity)."""
    if a.published is None or b.published is None:
        return THRESHOLD
    gap = abs(a.published - b.published)
    if gap <= WINDOW:
        return THRESHOLD
    if gap > LONGEST:
        return math.inf
    return 2 * THRESHOLD


def story_name(story: list[Digest]) -> str:
    """A readable label: the title of the story's earliest article."""
    first = min(story, key=lambda d: (d.published.isoformat() if d.published else "", d.path))
    return first.title or first.path

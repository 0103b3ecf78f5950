"""Articles with the same text: one outlet's story published twice (信報 in a now_finance copy and on
hkej, word for word), or an agency's text syndicated. Each still counts as a source: whether two
outlets running one text are two sources is the desk's call, so the report says so and drops
nothing (docs/outlets.md, "The same text under two outlets")."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from factcheck.joined import Joined
from factcheck.records import Article, Finding, Message, Segment, listed

_NOT_TEXT = re.compile(r"[\W_]+")  # spaces, punctuation, brackets: a copy may set them differently
# what two copies of one text differ by: a byline in lenticular brackets (【信報財經新聞】), a source link
_NOT_THE_STORY = re.compile(r"【[^】]{0,20}】|\[[^\]]*\]\([^)]*\)")
_SHORTEST = 8  # characters a sentence needs to tell a copy (不予置评。 is in many articles)
_LEAST = 3  # sentences an article needs to be called a copy of another
_SHARED = 0.9  # the share of each article's sentences the other holds, word for word: (nearly) the same text
_COMMON = 20  # a sentence in more articles than this is boilerplate (a disclaimer), not a copy's mark
PRINT_SIZE = 5  # bytes of a sentence's hash


def body_print(segments: Iterable[Segment]) -> bytes:
    """Short hashes of an article's body sentences (titles and the front matter's deck aside, paragraph -1: each site cuts it elsewhere), spaces, punctuation,
    bylines in 【】 and links out: what `copies` compares once the text is dropped. One bytes of
    PRINT_SIZE-byte hashes, in order, each once: a tuple of strings cost ≈4 MB at 100k articles."""
    prints = []
    for segment in segments:
        if segment.is_title or segment.paragraph < 0 or len(segment.text) < _SHORTEST:
            continue  # the title and deck are no body; what is shorter cannot grow longer cleaned
        text = segment.text
        if "【" in text or "](" in text:  # what every match of _NOT_THE_STORY holds: most sentences hold neither
            text = _NOT_THE_STORY.sub("", text)
        text = _NOT_TEXT.sub("", text)
        if len(text) >= _SHORTEST:
            prints.append(hashlib.blake2b(text.encode(), digest_size=PRINT_SIZE).digest())
    return b"".join(dict.fromkeys(prints))


def sentence_prints(printed: bytes) -> list[bytes]:
    """The hashes `body_print` packed, one per sentence."""
    return [printed[i:i + PRINT_SIZE] for i in range(0, len(printed), PRINT_SIZE)]


def copies(articles: Iterable[Article]) -> tuple[tuple[str, ...], ...]:
    """Groups of article paths whose bodies are (nearly) the same text: of two articles with three
    sentences or more, nine in ten of each one's sentences stand in the other (a shortened copy, or two
    announcements sharing a boilerplate paragraph, are not the same text)."""
    printed = [a for a in articles if len(a.body_print) >= _LEAST * PRINT_SIZE]
    counts = [len(a.body_print) // PRINT_SIZE for a in printed]
    holders: dict[bytes, list[int]] = defaultdict(list)
    for index, article in enumerate(printed):
        for sentence in sentence_prints(article.body_print):
            holders[sentence].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for indexes in holders.values():
        if len(indexes) <= _COMMON:
            for i, a in enumerate(indexes):
                for b in indexes[i + 1:]:
                    shared[(a, b)] += 1
    joined = Joined(len(printed))
    for (a, b), count in shared.items():
        if count >= _SHARED * max(counts[a], counts[b]):
            joined.join(a, b)
    groups: dict[int, list[str]] = defaultdict(list)
    for index, article in enumerate(printed):
        groups[joined.root(index)].append(article.path)
    return tuple(sorted(tuple(sorted(paths)) for paths in groups.values() if len(paths) > 1))


_SAID = ("agreement", "disagreement", "omission", "rounded")  # findings that count sources


def said_of_copies(findings: list[Finding], groups: tuple[tuple[str, ...], ...]) -> list[Finding]:
    """Findings whose sources include articles of one text, saying so after their message (`2 sources
    agree: 6.6% (2 articles with the same text: counted as one source?)`): never dropped, never merged."""
    if not groups:
        return findings
    said: list[Finding] = []
    for found in findings:
        articles = {c.article for c in found.claims}
        outlets = {c.article: c.outlet for c in found.claims}
        # copies one outlet names already count once (1 source (2 articles)): nothing to say
        alike = [len(articles & set(group)) for group in groups
                 if len({outlets[a] for a in articles & set(group)}) > 1]
        if found.kind in _SAID and alike:
            copies = listed((Message.of("said.same_text", n=n) for n in alike), "sep.semicolon")
            found = replace(found, message=Message.of("finding.copies", message=found.message, copies=copies))
        said.append(found)
    return said

"""discover, end to end: load → stories → values → names → align.

Two passes over the files, both maps run in worker processes like a check's
extraction (pipeline.py), results in input order so output never depends on
--jobs:

1. every article's title, publish time and lead (cheap: no sentence of the
   body is cut) → stories;
2. per story that two or more outlets tell, in one worker: its articles read
   in full and every value in them observed, names found (or taken from
   --entities), each value given its subject, and values aligned into ranked
   candidates. Stories are independent, so the whole of a story's work runs
   in parallel and only its candidates travel back, never its articles.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TypeVar

from factcheck.cache import pack
from factcheck.discover import cached
from factcheck.discover.align import Candidate, assign_subjects, candidates
from factcheck.discover.names import NameHints, full_names, hints, story_entities, written_name
from factcheck.discover.stories import Digest, group, story_name, terms_of
from factcheck.discover.values import Observation, canonical_metrics, name_lists, observe
from factcheck.load import (
    DEFAULT_TIMEZONE,
    MAX_FILE_SIZE,
    ArticleFile,
    InputError,
    Relevance,
    discover,
    parse_bytes,
)
from factcheck.normalize.entities import EntityIndex, Mention
from factcheck.normalize.variants import to_simplified
from factcheck.outlets import OutletConfig
from factcheck.pipeline import STORE_BATCH, CacheNote, fixed_offset
from factcheck.records import Article, Diagnostic, Entity, source_of

LEAD_PARAGRAPHS = 3  # paragraphs of the body read for grouping, besides the title


@dataclass(frozen=True)
class DiscoverOptions:
    timezone: str = DEFAULT_TIMEZONE
    outlets: OutletConfig | None = None
    jobs: int = 1  # 0: one per core
    max_file_size: int = MAX_FILE_SIZE
    entities: tuple[Entity, ...] = ()  # from --entities: used instead of the names found
    stories_only: bool = False  # --stories: group the articles and stop (no article is read in full)
    cache_folder: str = ""  # the check's cache folder ("": no cache); see cached.py


@dataclass(frozen=True)
class Story:
    id: str  # s1, s2 … in path order
    name: str
    articles: tuple[Digest, ...]


@dataclass
class DiscoverResult:
    stories: list[Story]
    candidates: list[Candidate]
    entities: dict[str, tuple[Entity, ...]]  # story id → its entities
    diagnostics: list[Diagnostic] = field(default_factory=list)
    articles: int = 0
    observations: int = 0
    told: int = 0  # stories two or more outlets tell (once read in full, unless only grouped)


def run(paths: list[str], options: DiscoverOptions = DiscoverOptions()) -> DiscoverResult:
    files, diagnostics = discover(paths)
    files = _unique(files)
    _start(options)
    digests: list[Digest] = []
    for outcome in _digests(files, options):
        if isinstance(outcome, Diagnostic):
            diagnostics.append(outcome)
        else:
            digests.append(outcome)
    grouped = group(digests)
    stories = [Story(f"s{n}", story_name(members), tuple(members)) for n, members in enumerate(grouped, start=1)]
    by_path = {f.display: f for f in files}
    told = [(s.id, tuple(by_path[d.path] for d in s.articles)) for s in stories
            if len({d.source for d in s.articles}) >= 2]
    if options.stories_only:  # the grouping is all that is shown: the told stories are not read
        return DiscoverResult(stories, [], {}, sorted(diagnostics, key=lambda d: (d.path, d.line, d.message)),
                              len(digests), 0, len(told))
    found: list[Candidate] = []
    entities_of: dict[str, tuple[Entity, ...]] = {}
    total = 0
    for aligned in _told(told, options):
        diagnostics.extend(aligned.diagnostics)
        if aligned.entities is None:
            continue  # fewer than two outlets left once its articles were read
        entities_of[aligned.story] = aligned.entities
        total += aligned.observations
        found.extend(aligned.candidates)
    return DiscoverResult(stories, found, entities_of, sorted(diagnostics, key=lambda d: (d.path, d.line, d.message)),
                          len(digests), total, len(entities_of))


def _digests(files: list[ArticleFile], options: DiscoverOptions) -> Iterator[Digest | Diagnostic]:
    """Every file's digest, in file order: from the cache when it knows the file unchanged, else read
    (in workers when there are many); what was read is stored STORE_BATCH entries at a time."""
    store = _STATE.get("store")
    signed = cached.signatures(store, files, cached.DIGEST)
    hits = cached.entries(store, cached.known_keys(store, signed))
    todo = [(files[i], signed[i]) for i, hit in enumerate(hits) if hit is None]
    computed = _map(_digest_task, todo, options)
    notes: list[CacheNote] = []
    for hit in hits:
        if hit is not None:
            yield hit
            continue
        outcome, note = next(computed)
        if note is not None:
            notes.append(note)
            if len(notes) >= STORE_BATCH:
                cached.store_notes(store, notes)
                notes = []
        yield outcome
    cached.store_notes(store, notes)


def _told(told: list[tuple[str, tuple[ArticleFile, ...]]], options: DiscoverOptions) -> Iterator[_StoryOutcome]:
    """Each told story's outcome, in story order: from the cache when none of its articles changed (nothing
    is read), else read, named and aligned in one worker, whose new entries are stored here."""
    store = _STATE.get("store")
    tasks: list[_StoryFiles] = []
    answered: dict[str, _StoryOutcome] = {}
    for story, files in told:
        signed = cached.signatures(store, list(files), cached.READ)
        keys = cached.known_keys(store, signed)
        if store is not None and all(keys):
            hit = cached.entries(store, [cached.story_key(store, story, options.entities, keys)])[0]
            if hit is not None:
                answered[story] = _stored_story(story, hit)
                continue
        tasks.append(_StoryFiles(story, files, tuple(signed), tuple(keys)))
    computed = _map(_story, tasks, options, size=sum(len(t.files) for t in tasks), largest_first=True)
    notes: list[CacheNote] = []
    for story, _ in told:
        if story in answered:
            yield answered[story]
            continue
        outcome = next(computed)
        notes.extend(outcome.notes)
        if len(notes) >= STORE_BATCH:
            cached.store_notes(store, notes)
            notes = []
        yield replace(outcome, notes=())
    cached.store_notes(store, notes)


@dataclass(frozen=True)
class _StoryFiles:
    story: str
    files: tuple[ArticleFile, ...]  # in path order
    signatures: tuple[str, ...]  # each file's stat signature for the cache ("": none)
    keys: tuple[str, ...]  # the entry last stored for each signature ("": none; the file is read)


@dataclass(frozen=True)
class _StoryOutcome:
    story: str
    entities: tuple[Entity, ...] | None  # None: not told by two outlets once read
    candidates: list[Candidate]
    observations: int
    diagnostics: list[Diagnostic]
    notes: tuple[CacheNote, ...] = ()  # what the main process stores: new article and story entries


def _story(task: _StoryFiles) -> _StoryOutcome:
    """One story, read and aligned: its articles in full, their values with subjects, its candidates.
    With a cache, each article's reading is an entry of its own, and so is the story's outcome."""
    options = _OPTIONS["options"]
    store = _STATE.get("store")
    members: list[tuple[Article, NameHints, list[Observation]]] = []
    diagnostics: list[Diagnostic] = []
    notes: list[CacheNote] = []
    article_keys: list[str] = []
    for file, signature, key, hit in zip(task.files, task.signatures, task.keys, cached.entries(store, list(task.keys)),
                                         strict=True):
        if hit is not None:
            item = hit
            article_keys.append(key)
        else:
            item, note = cached.read_through(store, file, signature, cached.READ, options.max_file_size, _observed)
            if note is not None:
                notes.append(note)
                article_keys.append(note.key)
        if isinstance(item, Diagnostic):
            diagnostics.append(item)
        else:
            members.append(item)
    story_key = (cached.story_key(store, task.story, options.entities, article_keys)
                 if store is not None and not diagnostics else "")
    if story_key:
        hit = cached.entries(store, [story_key])[0]
        if hit is not None:  # the same articles seen under other stat signatures (copied, touched)
            return replace(_stored_story(task.story, hit), notes=tuple(notes))
    outcome = _aligned(task.story, members, options)
    if story_key:
        notes.append(CacheNote(story_key, pack((outcome.entities, outcome.candidates, outcome.observations)), ""))
    return replace(outcome, diagnostics=diagnostics, notes=tuple(notes))


def _stored_story(story: str, entry: tuple[tuple[Entity, ...] | None, list[Candidate], int]) -> _StoryOutcome:
    """A story's outcome from its cache entry (a story with an unreadable article is never stored)."""
    entities, found, observations = entry
    return _StoryOutcome(story, entities, found, observations, [])


def _aligned(story: str, members: list[tuple[Article, NameHints, list[Observation]]],
             options: DiscoverOptions) -> _StoryOutcome:
    """A story's articles, read, as its entities and candidates."""
    if len({source_of(m[0].named_outlet, m[0].path) for m in members}) < 2:
        return _StoryOutcome(story, None, [], 0, [])
    entities = options.entities or story_entities([(m[0], m[1]) for m in members],
                                                  Counter(o.metric for m in members for o in m[2]))
    index = _StoryIndex(entities)

    def names_in(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, index.entities[m.entity_id].name) for m in index.mentions(text)]

    listed = [o for m in members for o in name_lists(m[0], names_in)]  # bare lists: the names say where
    read_values = [o for m in members for o in m[2]]
    texts = [to_simplified("\n".join(s.text for s in m[0].segments)) for m in members]
    full = full_names({o.subject for o in read_values if o.family == "post"}, texts)  # 袁浩 → 袁浩钧
    read_values = [replace(o, subject=full[o.subject]) if o.family == "post" and o.subject in full else o
                   for o in read_values]
    observations = with_subjects(read_values + listed, entities, index)
    found = candidates(story, observations, {e.id: e.aliases for e in entities})
    # a metric no word list knows is a phrase's last two characters (美国总统特朗普周三 → 朗普): shown as the
    # story writes it, once the candidates are grouped and ranked by it
    shown = {c.metric: written_name(c.metric, texts, name=False) for c in found if c.metric not in canonical_metrics()}
    found = [replace(c, metric=shown.get(c.metric, c.metric)) for c in found]
    return _StoryOutcome(story, entities, found, len(observations), [])


class _StoryIndex(EntityIndex):
    """One story's names, each text's mentions found once: the story's main subject and every
    value's subject read the same sentences."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        super().__init__(entities)
        self._found: dict[str, list[Mention]] = {}

    def mentions(self, text: str) -> list[Mention]:
        if text not in self._found:
            self._found[text] = super().mentions(text)
        return self._found[text]


def with_subjects(observations: list[Observation], entities: tuple[Entity, ...],
                  index: _StoryIndex | None = None) -> list[Observation]:
    """One story's values, each with its subject among `entities` (benchmarks swap the entities);
    `index`: the story's index of those entities when the caller has one (built once: it compiles them)."""
    index = index or _StoryIndex(entities)
    return assign_subjects(observations, index, _main_subject(observations, index, entities))


def read_articles(paths: list[str], options: DiscoverOptions = DiscoverOptions()) -> list[
        tuple[Article, NameHints, list[Observation]]]:
    """Every article under `paths` read in full, with its name hints and values (unreadable files skipped)."""
    files, _ = discover(paths)
    return [item for item in _map(_observe, _unique(files), options) if not isinstance(item, Diagnostic)]


def _main_subject(observations: list[Observation], index: EntityIndex, entities: tuple[Entity, ...]) -> str:
    """The name a story mentions most: the subject of values whose sentence names none."""
    counts: Counter[str] = Counter()
    # the sentences of figures and dates: a post is about its holder, and a sentence that only names
    # someone's post (恩智浦副总裁…表示) says nothing of whom the story's figures are about
    for sentence in sorted({o.sentence for o in observations if o.family != "post"}):
        counts.update(m.entity_id for m in index.mentions(sentence))
    if not counts:
        return entities[0].id if entities else ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _unique(files: list[ArticleFile]) -> list[ArticleFile]:
    seen: set[object] = set()
    kept = []
    for file in files:
        try:
            info = os.stat(file.path)
            identity: object = (info.st_dev, info.st_ino)
        except OSError:
            identity = os.path.abspath(file.path)
        if identity not in seen:
            seen.add(identity)
            kept.append(file)
    return kept


# ------------------------------------------------------------------ workers

T = TypeVar("T")
U = TypeVar("U")
_OPTIONS: dict[str, DiscoverOptions] = {}
_STATE: dict[str, cached.Store | None] = {}  # this process's cache store (None: no cache)


def _start(options: DiscoverOptions) -> None:
    """This process's options and cache store, opened once a run."""
    if _OPTIONS.get("options") is options and "store" in _STATE:
        return
    _OPTIONS["options"] = options
    _STATE["store"] = cached.open_store(options.cache_folder, options.timezone, options.outlets,
                                        options.max_file_size)


def _start_worker(options: DiscoverOptions) -> None:
    """A pool worker's own store: a forked process must not share its parent's SQLite connection."""
    _OPTIONS.clear()
    _STATE.clear()
    _start(options)


def _map(function: Callable[[U], T], items: list[U], options: DiscoverOptions, size: int | None = None,
         largest_first: bool = False) -> Iterator[T]:
    """function over items, results in item order; in worker processes when there are many files
    (`size`, else one file an item). `largest_first`: items are handed out by size (their `files`),
    largest first, so that a large story does not start last and hold up the end of the run."""
    _start(options)
    from factcheck.pipeline import PARALLEL_THRESHOLD, pool_chunk, usable_cores

    jobs = options.jobs or usable_cores()
    if jobs == 1 or (len(items) if size is None else size) < PARALLEL_THRESHOLD:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(options,)) as pool:
        if not largest_first:
            yield from pool.map(function, items, chunksize=pool_chunk(len(items), jobs))
            return
        order = sorted(range(len(items)), key=lambda i: (-len(items[i].files), i))  # type: ignore[attr-defined]
        results: dict[int, T] = {}
        for i, result in zip(order, pool.map(function, [items[i] for i in order]), strict=True):
            results[i] = result
        yield from (results[i] for i in range(len(items)))


def _parse(data: bytes, file: ArticleFile, relevant: Relevance | None) -> Article | Diagnostic:
    options = _OPTIONS["options"]
    try:
        article = parse_bytes(data, file.display, options.timezone, options.outlets, relevant)
    except InputError as error:
        return error.diagnostic
    return replace(article, published=fixed_offset(article.published))  # as the cache gives it back


def _digest_task(item: tuple[ArticleFile, str]) -> tuple[Digest | Diagnostic, CacheNote | None]:
    file, signature = item
    return cached.read_through(_STATE.get("store"), file, signature, cached.DIGEST,
                               _OPTIONS["options"].max_file_size, _digest_of)


def _digest_of(data: bytes, file: ArticleFile) -> Digest | Diagnostic:
    def lead_only(paragraphs: list[str]) -> list[bool]:  # only the first paragraphs are cut into sentences
        return [index < LEAD_PARAGRAPHS for index in range(len(paragraphs))]

    article = _parse(data, file, lead_only)
    if isinstance(article, Diagnostic):
        return article
    lead = " ".join(s.text for s in article.segments if not s.is_title)[:600]
    return Digest(article.path, article.outlet, article.title, article.published, terms_of(article.title, lead),
                  source_of(article.named_outlet, article.path))


def _observed(data: bytes, file: ArticleFile) -> tuple[Article, NameHints, list[Observation]] | Diagnostic:
    article = _parse(data, file, None)
    if isinstance(article, Diagnostic):
        return article
    return article, hints(article), observe(article)


def _observe(file: ArticleFile) -> tuple[Article, NameHints, list[Observation]] | Diagnostic:
    """One article read in full, not through the cache."""
    return cached.read_through(None, file, "", cached.READ, _OPTIONS["options"].max_file_size, _observed)[0]


def observations_of(articles: Iterable[Article]) -> list[Observation]:
    return [o for a in articles for o in observe(a)]

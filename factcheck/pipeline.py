"""The whole check: load → rules → extract (normalizing as it goes) → compare → gate.

Kept free of any output concern so that the CLI, tests and benchmarks all
run exactly the same code; reports are rendered from the CheckResult.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck import gate
from factcheck.compare import compare, uncompared_rules
from factcheck.copies import body_print, copies, said_of_copies
from factcheck.extract import ArticleRules, extract, relevance
from factcheck.load import (
    DEFAULT_TIMEZONE,
    MAX_FILE_SIZE,
    ArticleFile,
    InputError,
    discover,
    parse_bytes,
    read_bytes,
    read_file,
)
from factcheck.normalize.entities import EntityIndex
from factcheck.notes import Notes
from factcheck.outlets import OutletConfig, has_outlet
from factcheck.records import Article, CheckResult, Claim, Diagnostic, Finding, RuleBase, Summary
from factcheck.rules import RuleSet
from factcheck.scan import Gate, Scanner

if TYPE_CHECKING:
    from factcheck.claims_file import Header, Shard


# below this many files a process pool costs more than it saves
PARALLEL_THRESHOLD = 64


@dataclass(frozen=True)
class Options:
    timezone: str = DEFAULT_TIMEZONE
    outlets: OutletConfig | None = None
    jobs: int = 1  # worker processes for extraction (0: one per core)
    cache_folder: str = ""  # "" : no cache
    max_file_size: int = MAX_FILE_SIZE  # bytes
    against: tuple[str, ...] = ()  # the published corpus; the paths checked are then drafts
    ignore: tuple[str, tuple[str, ...]] = ("", ())  # (folder, gitignore patterns relative to it) to leave out
    baseline: dict[str, int] | None = None  # finding id → line in the baseline file
    baseline_path: str = ""
    min_level: str = "info"
    engine: str = "local"  # "dask": factcheck/engines/dask_engine.py
    scheduler: str = ""  # with engine "dask": tcp://HOST:PORT of a running cluster ("": a local one)


def check(paths: list[str], rule_set: RuleSet, options: Options = Options(),
          progress: Callable[[int, int, int], None] | None = None) -> CheckResult:
    """Check the articles under `paths` (and `options.against`) against `rule_set`.

    `progress(files_done, files_total, claims_found)` is called after each file (the CLI's progress bar)."""
    files, diagnostics = _files(paths, options)
    everything = files[0] + files[1]
    drafts = {file.display for file in files[0]} if options.against else set()
    if options.engine == "dask":
        from factcheck.engines.dask_engine import DaskEngine

        with DaskEngine(options.scheduler, rule_set, options, options.jobs) as engine:
            outcomes = extract_all(everything, rule_set, options, engine.extract)
            extraction = gather(outcomes, diagnostics, progress, len(everything), options.outlets)
            return compare_all(extraction, rule_set, options, drafts, engine.compare)
    _start_worker(rule_set, options)
    unchanged = _unchanged(everything, options.max_file_size)
    slot, state = _result_key(paths, everything, len(files[0]), diagnostics, options,
                              [unchanged[0].get(i, "") for i in range(len(everything))])
    reused = _WORKER["cache"].last_result(slot, state) if state else None  # type: ignore[attr-defined]
    if reused is not None:  # nothing changed since the last such run: its result, as compared then
        if progress:  # the bar still ends at every file read (claims: those the result kept)
            progress(len(everything), len(everything), len(reused.claims))
        return replace(reused, rules=rule_set.rules,
                       entity_names={entity.id: entity.name for entity in rule_set.entities})
    keys: list[str] = []
    extraction = gather(extract_all(everything, rule_set, options, unchanged=unchanged, keys=keys), diagnostics,
                        progress, len(everything), options.outlets)
    checked = compare_all(extraction, rule_set, options, drafts)
    slot, state = _result_key(paths, everything, len(files[0]), diagnostics, options, keys)
    if state:
        from factcheck.cache import pack

        _WORKER["cache"].put_result(slot, state, pack(replace(checked, rules=(), entity_names={})))  # type: ignore
    return checked


def _result_key(paths: list[str], files: list[ArticleFile], checked: int, diagnostics: list[Diagnostic],
                options: Options, keys: list[str]) -> tuple[str, str]:
    """Where a run's result is kept (one per inputs and options) and the state it was compared in: the
    run key, every file's entry key in order (its bytes and name), which of them are checked against the
    others, and what discovery said. "" when there is no cache or a file has no entry (unreadable)."""
    if _WORKER.get("cache") is None or not all(keys) or len(keys) != len(files):
        return "", ""
    import hashlib

    kept = replace(options, jobs=1, engine="local", scheduler="", cache_folder="")  # they change no result
    slot = hashlib.sha256(repr((paths, kept)).encode("utf-8", "surrogateescape")).hexdigest()
    state = hashlib.sha256("\0".join([str(_WORKER["run_key"]), str(checked), repr(diagnostics), *keys]).encode(
        "utf-8", "surrogateescape")).hexdigest()
    return slot, state


@dataclass
class Extraction:
    """What extraction found in a set of files, in file order: the input of comparison.

    Only the articles a claim comes from (or that hold a suppression) are kept;
    the others are counted. At 100k articles a record per article would be most
    of the memory of a run: it grows with the claims found instead."""

    articles: list[Article]
    claims: list[Claim]
    diagnostics: Notes
    read: int = 0  # articles read, kept or not
    # those naming no outlet, as `path NUL name shown` (one string each: 21k rows at 100k; records.Summary)
    without_outlet: list[str] = field(default_factory=list)


def gather(outcomes: Iterable[Outcome], diagnostics: Iterable[Diagnostic] = (),
           progress: Callable[[int, int, int], None] | None = None, total: int = 0,
           outlets: OutletConfig | None = None) -> Extraction:
    """Per-file outcomes (in file order) as one Extraction; `diagnostics`: problems found before reading;
    `progress(files_done, total, claims_found)` after each file; `outlets`: what names an outlet."""
    extraction = Extraction([], [], Notes(diagnostics))
    for done, outcome in enumerate(outcomes, start=1):
        if isinstance(outcome, Diagnostic):
            extraction.diagnostics.add((outcome,))
        else:
            article, claims = outcome
            extraction.read += 1
            if not has_outlet(article.label, article.outlet, article.path, outlets):
                extraction.without_outlet.append(f"{article.path}\0{article.outlet}")
            if claims or article.suppressions:  # its notes are kept once, among the diagnostics
                extraction.articles.append(replace(article, notes=()) if article.notes else article)
            extraction.claims.extend(claims)
            extraction.diagnostics.add(article.notes)
        if progress:
            progress(done, total, len(extraction.claims))
    return extraction


def compare_all(extraction: Extraction, rule_set: RuleSet, options: Options = Options(),
                drafts: set[str] | None = None,
                comparer: Callable[[list[Claim], dict[str, RuleBase]], list[Finding]] = compare) -> CheckResult:
    """Compare what extraction found, apply the gate's filters, and sum up: the same however it was extracted."""
    articles, later = extraction.articles, []
    claims, suppression_notes = gate.apply_suppressions(articles, extraction.claims, {r.id for r in rule_set.rules})
    later.extend(suppression_notes)
    findings = said_of_copies(comparer(claims, {rule.id: rule for rule in rule_set.rules}), copies(articles))
    if options.against:
        findings = gate.involving(findings, drafts or set())
    baselined = 0
    if options.baseline is not None:
        findings, baselined, stale = gate.apply_baseline(findings, options.baseline, options.baseline_path)
        later.extend(stale)
    findings = gate.at_least(findings, options.min_level)
    named = {claim.article for claim in claims}  # the articles a report shows: those its claims come from
    return result([a for a in articles if a.path in named], claims, findings, rule_set,
                  extraction.diagnostics.around(after=later), baselined,
                  read=extraction.read, without_outlet=extraction.without_outlet)


Outcome = Diagnostic | tuple[Article, list[Claim]]


class CacheNote:
    """What a worker learned for the cache: a new entry and/or a file's signature.

    A new entry given as its outcome is packed when first asked (`packed`): when the pool sends a
    chunk of them to the main process, or when the main process stores a batch. Packed one by one
    right after each article's extraction, the pickling ran cold (its code and the classes it looks
    up pushed out of the processor's caches by the extraction between): 10k articles 0.17-0.18 CPU s
    against 0.10 packed 64 in a row, most of what a cold cache cost more than none."""

    __slots__ = ("_outcome", "_packed", "key", "signature")

    def __init__(self, key: str, packed: bytes | None, signature: str, outcome: Outcome | None = None) -> None:
        self.key = key
        self.signature = signature
        self._packed = packed  # None: the entry is already stored (or not packed yet: `outcome`)
        self._outcome = outcome

    @property
    def new(self) -> bool:
        """Whether the note holds an entry to store (packed or not yet)."""
        return self._packed is not None or self._outcome is not None

    @property
    def packed(self) -> bytes | None:
        if self._outcome is not None:
            from factcheck.cache import pack

            self._packed, self._outcome = pack(self._outcome), None
        return self._packed

    def __reduce__(self) -> tuple[type[CacheNote], tuple[str, bytes | None, str]]:
        return CacheNote, (self.key, self.packed, self.signature)

    def __repr__(self) -> str:
        return f"CacheNote({self.key!r}, {self.packed!r}, {self.signature!r})"


def extract_all(files: list[ArticleFile], rule_set: RuleSet, options: Options,
                compute: Callable[[list[ArticleFile]], Iterator[tuple[Outcome | None, CacheNote | None]]] | None = None,
                unchanged: tuple[dict[int, str], dict[int, str]] | None = None, keys: list[str] | None = None
                ) -> Iterator[Outcome]:
    """Per file, in order: its article (text dropped) and claims, or why it could not be read.

    Extraction is a map over articles: in parallel it runs in worker processes
    and yields in file order, so output never depends on --jobs. Files the
    cache knows unchanged (same path, inode, size, modification time) are
    answered here without being read and without starting workers; what the
    workers learn for the cache is stored STORE_BATCH entries per transaction.
    `compute` runs the files the cache cannot answer elsewhere (factcheck/engines/); `unchanged`: what
    _unchanged said, when the caller asked it already; `keys` gets each file's entry key ("": none).
    """
    if unchanged is None:
        _start_worker(rule_set, options)
    cached, signatures = unchanged if unchanged is not None else _unchanged(files, options.max_file_size)
    todo = [index for index in range(len(files)) if index not in cached]
    todo_files = [files[i] for i in todo]
    computed = (compute(todo_files) if compute
                else _compute(todo_files, [signatures.get(i, "") for i in todo], rule_set, options))
    notes: list[CacheNote] = []
    batches = _cached_batches(cached)
    ready: dict[int, Outcome | None] = {}
    for index in range(len(files)):
        if index in cached:
            if index not in ready:
                ready = next(batches)
            outcome, note, key = ready.pop(index) or None, None, cached[index]
            if outcome is None:  # stored, but unreadable now (torn, foreign): read the file after all
                outcome, note = _extract_file(files[index], signatures.get(index, ""))
                key = note.key if note else ""
        else:
            outcome, note = next(computed)
            key = note.key if note else ""
        if keys is not None:
            keys.append(key)
        if note is not None:
            notes.append(note)
            if len(notes) >= STORE_BATCH:
                _store(notes)
                notes = []
        if outcome is None:  # from a worker of the pool: the outcome came once, packed for the cache
            # by this run's own worker, through the pool's pipe, as the pool sends every outcome: read as
            # the pool reads its own (the cache's guarded unpickler is for entries read back from disk)
            outcome = pickle.loads(note.packed if note and note.packed else b"")
        yield outcome
    _store(notes)


# new cache entries are written this many at a time: memory stays flat in a cold run of an archive
STORE_BATCH = 1000


def _store(notes: list[CacheNote]) -> None:
    cache = _WORKER["cache"]
    if cache is not None and notes:
        entries = [(n.key, packed) for n in notes if (packed := n.packed) is not None]  # packed in a row
        cache.put_many(entries, ((n.signature, n.key) for n in notes))  # type: ignore[attr-defined]


def _compute(files: list[ArticleFile], signatures: list[str], rule_set: RuleSet,
             options: Options) -> Iterator[tuple[Outcome | None, CacheNote | None]]:
    jobs = options.jobs or usable_cores()
    if jobs == 1 or len(files) < PARALLEL_THRESHOLD:
        yield from map(_extract_file, files, signatures)
        return
    from concurrent.futures import ProcessPoolExecutor

    # the first file is read here, before the workers start: what reading compiles on first use (the
    # date and quantity patterns, the outlet bylines…) is then built once, not once per worker, where
    # workers are forked from this process
    yield _extract_file(files[0], signatures[0])
    chunk = pool_chunk(len(files), jobs)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_pool_worker,
                             initargs=(os.getpid(), rule_set, options, bool(_WORKER["cache_has_entries"]))) as pool:
        yield from pool.map(_extract_file_once, files[1:], signatures[1:], chunksize=chunk)


def pool_chunk(files: int, jobs: int) -> int:
    """How many files a pool worker takes at a time: about eight chunks a worker, at most 64 files each."""
    return max(1, min(64, files // (jobs * 8)))


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _extract_file_once(file: ArticleFile, signature: str = "") -> tuple[Outcome | None, CacheNote | None]:
    """_extract_file in a pool worker: an outcome packed for the cache is sent only packed (None beside it),
    so a cold cache costs one pickling per article, as no cache does; extract_all unpacks it. The pool
    pickles its chunk's notes one after another, which packs their outcomes in a row (`CacheNote`)."""
    outcome, note = _extract_file(file, signature)
    if note is not None and note.new:
        return None, note  # packed as the pool sends the chunk it is in
    return outcome, note


def _cached_batches(cached: dict[int, str]) -> Iterator[dict[int, Outcome | None]]:
    """The cached files' outcomes (None: unreadable), STORE_BATCH files at a time in file order:
    a warm run of an archive never holds every article's entry at once."""
    cache = _WORKER["cache"]
    order = sorted(cached)
    for start in range(0, len(order), STORE_BATCH):
        batch = order[start:start + STORE_BATCH]
        entries = cache.get_many([cached[i] for i in batch])  # type: ignore[attr-defined]
        yield {i: entries.get(cached[i]) for i in batch}


def _unchanged(files: list[ArticleFile], max_file_size: int) -> tuple[dict[int, str], dict[int, str]]:
    """The entry keys of the files whose stat signature the cache has seen (and whose entry is
    stored), and every file's signature (the workers store them without taking them again).

    A file over `max_file_size` is never answered from the cache: reading it
    says it is too large, as a cold run would. Every other option applies
    after extraction, or is part of the run key. In a cold cache nothing can be answered: no file is
    taken here, each is signed as it is read (`_extract_file`: the status of the descriptor read)."""
    cache = _WORKER["cache"]
    if cache is None or not _WORKER["cache_has_entries"]:
        return {}, {}
    from factcheck.cache import stat_signature

    run_key: str = _WORKER["run_key"]  # type: ignore[assignment]
    signatures: dict[int, str] = {}
    for index, file in enumerate(files):
        try:
            signature, size = stat_signature(run_key, file.path, file.display)
        except OSError:
            continue  # reading it will say what is wrong
        if size <= max_file_size:
            signatures[index] = signature
    keys = cache.stored_keys_for(list(signatures.values()))  # type: ignore[attr-defined]
    return {index: keys[signature] for index, signature in signatures.items() if signature in keys}, signatures


_WORKER: dict[str, object] = {}


def _start_worker(rule_set: RuleSet, options: Options, has_entries: bool | None = None) -> None:
    _WORKER["rules"] = rule_set.rules
    _WORKER["index"] = index = EntityIndex(rule_set.entities)
    _WORKER["scanner"] = scanner = Scanner(rule_set.rules)
    _WORKER["gate"] = Gate(scanner, index)
    _WORKER["relevant"] = relevance(scanner)
    _WORKER["options"] = options
    _WORKER["cache"] = cache = None
    _WORKER["run_key"] = ""
    if options.cache_folder:  # without a cache: no sqlite3, no pickle, no run key
        from factcheck import __version__
        from factcheck.cache import Cache, code_fingerprint

        _WORKER["cache"] = cache = Cache(Path(options.cache_folder))
        # everything extraction depends on: the rule files, which of them run, the time zone, the outlet
        # patterns; only the cache asks for it (the fingerprint reads all of factcheck's source, ≈0.006 s)
        _WORKER["run_key"] = "|".join([__version__, code_fingerprint(), rule_set.digest,
                                       ",".join(sorted(r.id for r in rule_set.rules)), options.timezone,
                                       repr(options.outlets)])
    # in a cold cache no file can be answered by its content: no lookup per file
    _WORKER["cache_has_entries"] = cache is not None and (not cache.empty() if has_entries is None else has_entries)


def extract_partition(files: list[ArticleFile], rule_set: RuleSet,
                      options: Options) -> list[tuple[Outcome, CacheNote | None]]:
    """A partition of files' outcomes and cache notes, in a worker of another engine (factcheck/engines/):
    the worker's finders are built once per rule set it is given, as the local pool's initializer does."""
    with _STARTING:
        if _WORKER.get("rule_set") is not rule_set:
            _start_worker(rule_set, options)
            _WORKER["rule_set"] = rule_set
    return [_extract_file(file) for file in files]


_STARTING = threading.Lock()


def _start_pool_worker(parent: int, rule_set: RuleSet, options: Options, has_entries: bool | None = None) -> None:
    """A worker process: set up as _start_worker, and exit when the parent is gone.

    After `kill -9` of the main process nothing tells its workers: they would
    wait for work for ever. A daemon thread checks once a second whether
    the process that started them is still their parent."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()
    _start_worker(rule_set, options, has_entries)  # the parent asked the cache once: a cold one opens nothing here


def _extract_file(file: ArticleFile, signature: str = "") -> tuple[Outcome, CacheNote | None]:
    """One article's outcome, and what the cache should remember about it (`signature`: its
    stat signature when already taken; "": it is signed by the status of the descriptor it is read from)."""
    options: Options = _WORKER["options"]  # type: ignore[assignment]
    cache = _WORKER["cache"]
    if cache is None:
        return _extract_bytes(file, options), None
    from factcheck.cache import entry_key, signature_of

    run_key: str = _WORKER["run_key"]  # type: ignore[assignment]
    try:
        data, info = read_file(file, options.max_file_size)
    except InputError as error:
        return error.diagnostic, None
    signature = signature or signature_of(run_key, file.path, file.display, info)
    key = entry_key(run_key, data, file.display)
    hit = cache.get_many([key]).get(key) if _WORKER["cache_has_entries"] else None  # type: ignore[attr-defined]
    if hit is not None:  # the same bytes seen before (a copy, or a file only touched)
        return hit, CacheNote(key, None, signature)
    outcome = _extract_data(data, file, options)
    if isinstance(outcome, Diagnostic):
        return outcome, None
    return outcome, CacheNote(key, None, signature, outcome)  # packed later, many in a row


def _extract_bytes(file: ArticleFile, options: Options) -> Outcome:
    try:
        data = read_bytes(file, options.max_file_size)
    except InputError as error:
        return error.diagnostic
    return _extract_data(data, file, options)


def _extract_data(data: bytes, file: ArticleFile, options: Options) -> Outcome:
    try:
        rules_for = ArticleRules(_WORKER["gate"])  # type: ignore[arg-type]
        article = parse_bytes(data, file.display, options.timezone, options.outlets,
                              _WORKER["relevant"], rules_for)  # type: ignore[arg-type]
    except InputError as error:
        return error.diagnostic
    claims, unread = extract(article, _WORKER["rules"], _WORKER["index"], _WORKER["scanner"],  # type: ignore[arg-type]
                             rules_for.applicable)
    return _slim(article, unread), claims


def _slim(article: Article, unread: list[Diagnostic]) -> Article:
    """The article as reports need it: no text (memory grows with claims, not with text
    read), a fixed-offset publish time (the same whether or not it came from the cache),
    and the values extraction could not read among its notes."""
    return replace(article, segments=(), published=fixed_offset(article.published), notes=(*article.notes, *unread),
                   body_print=body_print(article.segments))


def fixed_offset(published: datetime | None) -> datetime | None:
    """A publish time on the fixed offset it had: the same whether or not it came from the cache,
    which keeps no time-zone database object (unpickling one would call a function by name)."""
    if published is None:
        return None
    return published.replace(tzinfo=timezone(published.utcoffset() or timedelta(0)))



def _files(paths: list[str], options: Options) -> tuple[tuple[list[ArticleFile], list[ArticleFile]], list[Diagnostic]]:
    """(the files checked, the corpus they are checked against), without ignored or repeated files."""
    checked, problems = discover(paths)
    corpus, more = discover(list(options.against)) if options.against else ([], [])
    seen: set[object] = set()
    ignored = _ignored(*options.ignore)

    def keep(files: list[ArticleFile]) -> list[ArticleFile]:
        kept = []
        for file in files:
            try:
                info = os.stat(file.path)
                identity: object = (info.st_dev, info.st_ino)  # one file, however it was named
            except OSError:  # a symlink loop, a file gone: reading it will say so
                identity = os.path.abspath(file.path)
            if identity in seen or ignored(file.path):
                continue
            seen.add(identity)
            kept.append(file)
        return kept

    return (keep(checked), keep(corpus)), problems + more


def _ignored(root: str, patterns: tuple[str, ...]) -> Callable[[str | Path], bool]:
    """Whether a file is left out: gitignore semantics (pathspec), paths relative to `root`
    (the configuration's folder), however the file was named (./seeds, absolute, ../)."""
    if not patterns:
        return lambda path: False
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    base = os.path.abspath(root or ".")

    def ignored(path: str | Path) -> bool:
        relative = os.path.relpath(os.path.abspath(path), base)
        return not relative.startswith("..") and spec.match_file(relative.replace(os.sep, "/"))

    return ignored


def result(articles: list[Article], claims: list[Claim], findings: list[Finding], rule_set: RuleSet,
           diagnostics: Iterable[Diagnostic], baselined: int = 0, read: int = 0,
           without_outlet: Iterable[str] = ()) -> CheckResult:
    """The run's result; `articles`: those the claims come from, `read`: how many were read in all."""
    kinds = [f.kind for f in findings]
    notes = diagnostics if isinstance(diagnostics, Notes) else Notes(diagnostics)
    codes = Counter(d.code for d in notes)
    summary = Summary(
        articles=read, rules=len(rule_set.rules), claims=len(claims),
        groups_checked=sum(1 for k in kinds if k in ("agreement", "disagreement", "omission", "rounded")),
        agreements=kinds.count("agreement"), disagreements=kinds.count("disagreement"),
        omissions=kinds.count("omission"), context_differs=kinds.count("context-differs"),
        rounded=kinds.count("rounded"),
        incomplete=sum(len(f.claims) for f in findings if f.kind == "incomplete"),
        baselined=baselined,
        unread_values=codes["unread-value"], unattributed=codes["unattributed"], left_out=codes["left-out"],
        rules_without_claims=tuple(sorted({r.id for r in rule_set.rules} - {c.rule_id for c in claims}))
        if read else (),
        without_outlet_articles=tuple(sorted(without_outlet)),
        rules_not_compared=uncompared_rules(claims, findings),
        same_text=copies(articles),
    )
    return CheckResult(
        # as reports show them: their sentences' prints have told `same_text` (≈4 MB at 100k articles)
        articles=tuple(replace(a, body_print=b"") for a in articles), claims=tuple(claims),
        findings=tuple(findings),
        diagnostics=notes.around(before=rule_set.diagnostics),
        summary=summary, rules=rule_set.rules,
        entity_names={entity.id: entity.name for entity in rule_set.entities},
    )



def extract_shard(paths: list[str], rule_set: RuleSet, options: Options,
                  shard: Shard) -> tuple[Header, list[Diagnostic], Iterator[tuple[int, Outcome]]]:
    """One shard of a run, for a claims file: its header, folder problems (shard 1 only) and
    (index in the whole run's file list, outcome) of each of its files, in file order."""
    files, problems = _files(paths, options)
    everything = files[0] + files[1]
    mine = [(index, file) for index, file in enumerate(everything) if shard.holds(file.display)]
    header = claims_header(rule_set, options, tuple(paths), len(everything), shard)
    outcomes = zip((index for index, _ in mine), extract_all([file for _, file in mine], rule_set, options),
                   strict=True)
    return header, problems if shard.index == 1 else [], outcomes


def claims_header(rule_set: RuleSet, options: Options, inputs: tuple[str, ...] = (), files: int = 0,
                  shard: Shard | None = None) -> Header:
    """What a claims file made by this factcheck, these rules and these options says about itself."""
    from factcheck import __version__
    from factcheck.claims_file import Header, Shard, extraction_key, rules_key

    return Header(__version__, rules_key(rule_set.digest, (r.id for r in rule_set.rules)),
                  extraction_key(options.timezone, options.outlets, options.max_file_size, options.ignore),
                  inputs, files, shard or Shard(1, 1))

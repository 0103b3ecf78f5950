"""discover's entries in the check's cache (factcheck/cache.py): the same SQLite store, folder, keys
and safe unpickling, so `--cache-dir` and `--no-cache` mean what they mean in a check.

Three kinds of entry, each under a run key of its own (never read as one another):

- `digest`: what grouping needs of every article (title, publish time, lead terms);
- `read`: an article of a story two outlets tell, read in full, with its name hints and values;
- `story`: a told story's entities and candidates, keyed by its id, the `read` entries of its
  articles (their bytes and paths) and the `--entities` given: an unchanged story is not read again.

A per-article entry is keyed as a check's claims are: the file's bytes and the path shown, and the
run key: factcheck's version, its code and word files (`code_fingerprint` hashes every .py, .yaml
and .json of the package: zh.yaml, qualifiers.yaml …), the time zone and the outlet patterns. A file
whose stat signature (path, inode, size, times) was seen is answered without being read, as in a
check; a file over the size limit never is. Unreadable files are never stored: each run says why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from factcheck.cache import Cache, code_fingerprint, entry_key, pack, stat_signature
from factcheck.load import ArticleFile, InputError, read_bytes
from factcheck.outlets import OutletConfig
from factcheck.pipeline import CacheNote
from factcheck.records import Diagnostic, Entity

DIGEST, READ, STORY = "digest", "read", "story"
T = TypeVar("T")


@dataclass
class Store:
    """The cache as one process of a discover run uses it."""

    cache: Cache
    run_key: str  # what every entry of this run depends on, besides its own inputs
    max_file_size: int
    has_entries: bool  # False in a cold cache: no file can be answered by its bytes, so none is looked up

    def key(self, kind: str) -> str:
        return f"{self.run_key}|{kind}"


def open_store(folder: str, timezone: str, outlets: OutletConfig | None, max_file_size: int) -> Store | None:
    """The store under `folder` ("": no cache)."""
    if not folder:
        return None
    from factcheck import __version__

    cache = Cache(Path(folder))
    run_key = "|".join([__version__, code_fingerprint(), "discover", timezone, repr(outlets)])
    return Store(cache, run_key, max_file_size, not cache.empty())


def signatures(store: Store | None, files: list[ArticleFile], kind: str) -> list[str]:
    """Each file's stat signature for entries of `kind` ("": none, the file is read as it is)."""
    if store is None:
        return [""] * len(files)
    found = []
    for file in files:
        try:
            signature, size = stat_signature(store.key(kind), file.path, file.display)
        except OSError:
            signature, size = "", 0  # reading it will say what is wrong
        found.append(signature if size <= store.max_file_size else "")
    return found


def known_keys(store: Store | None, signed: list[str]) -> list[str]:
    """The entry key last stored for each signature ("": none; the file must be read)."""
    if store is None or not store.has_entries:
        return [""] * len(signed)
    keys = store.cache.keys_for([s for s in signed if s])
    return [keys.get(s, "") if s else "" for s in signed]


def entries(store: Store | None, keys: list[str]) -> list[Any]:
    """The stored entry of each key (None: a miss, or a key of "")."""
    if store is None or not any(keys):
        return [None] * len(keys)
    found = store.cache.get_many(sorted({k for k in keys if k}))
    return [found.get(k) if k else None for k in keys]


def read_through(store: Store | None, file: ArticleFile, signature: str, kind: str, limit: int,
                 compute: Callable[[bytes, ArticleFile], T | Diagnostic]) -> tuple[T | Diagnostic, CacheNote | None]:
    """`compute` of the file's bytes (at most `limit` of them), or its entry when those bytes were seen
    before (a copy, a file only touched), with what the cache should learn (None: nothing, as for an
    unreadable file)."""
    try:
        data = read_bytes(file, limit)
    except InputError as error:
        return error.diagnostic, None
    if store is None:
        return compute(data, file), None
    key = entry_key(store.key(kind), data, file.display)
    if store.has_entries:
        hit = store.cache.get_many([key]).get(key)
        if hit is not None:
            return hit, CacheNote(key, None, signature)
    outcome = compute(data, file)
    if isinstance(outcome, Diagnostic):
        return outcome, None
    return outcome, CacheNote(key, pack(outcome), signature)


def story_key(store: Store, story: str, entities: tuple[Entity, ...], article_keys: Iterable[str]) -> str:
    """A told story's entry key: its id (candidates carry it), the entities given, its articles' entries."""
    digest = hashlib.sha256(f"{store.key(STORY)}\0{story}\0{entities!r}".encode())
    for key in article_keys:
        digest.update(b"\0" + key.encode())
    return digest.hexdigest()


def store_notes(store: Store | None, notes: Iterable[CacheNote]) -> None:
    """New entries and file signatures, in one transaction (the main process writes, as in a check)."""
    notes = list(notes)
    if store is not None and notes:
        store.cache.put_many(((n.key, n.packed) for n in notes if n.packed is not None),
                             ((n.signature, n.key) for n in notes if n.signature))

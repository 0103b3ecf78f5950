"""A cache of per-article claims, so re-checking an unchanged archive is quick (discover keeps its
per-article readings and per-story candidates here too: factcheck/discover/cached.py).

An entry is keyed by the article's bytes (SHA-256), the path it is shown
under, and the run's key: the rule set's digest, the options that change
extraction (time zone, outlet patterns) and factcheck's version. Comparison
re-runs over all claims when any article changed, so results stay right;
a run in which nothing changed (the same entry keys in the same order, the
same options) gets the last result back (`results`, pipeline.check).

The store is one SQLite database: workers read it concurrently, new entries
are written by the main process, a thousand per transaction as a run goes, and
SQLite's locking keeps concurrent runs from corrupting it. Deleting the
folder at any time is safe. Entries are pickles, read back with an unpickler
that only builds factcheck's own records and a few standard types, so a
planted entry cannot run code; an entry that cannot be read is a miss.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = "2"  # 2: file signatures include the change time
_ALLOWED = {
    ("datetime", "datetime"), ("datetime", "date"), ("datetime", "timezone"), ("datetime", "timedelta"),
    ("decimal", "Decimal"), ("factcheck.notes", "Notes"),
}
_RECORDS = {"Article", "Segment", "Suppression", "Diagnostic", "Claim", "ContextValue", "Entity",
            # a run's result (pipeline.check), its findings' message records with it
            "CheckResult", "Finding", "Pair", "Summary", "Message", "Listed", "Qualifier"}
# discover's entries (factcheck/discover/cached.py): an article's digest, name hints and values; a story's candidates
_DISCOVER = {("factcheck.discover.stories", "Digest"), ("factcheck.discover.names", "NameHints"),
             ("factcheck.discover.values", "Observation"), ("factcheck.discover.align", "Candidate"),
             ("factcheck.discover.align", "Pair")}


@lru_cache(maxsize=1)
def _value_types() -> frozenset[tuple[str, str]]:
    """Every registered kind's value type: a new kind's values cache without an edit here."""
    from factcheck.kinds import KINDS

    return frozenset((kind.value_type.__module__, kind.value_type.__qualname__) for kind in KINDS.values())


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of factcheck's own source: entries made by other code are never reused,
    even when the version number did not change."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


# the classes an entry may name, found once: a warm run unpickles every article, each naming ~5 classes
_FOUND: dict[tuple[str, str], Any] = {}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = _FOUND.get((module, name))
        if found is not None:
            return found
        if (module, name) in _ALLOWED or (module == "factcheck.records" and name in _RECORDS) \
                or (module, name) in _DISCOVER or (module, name) in _value_types():
            _FOUND[module, name] = found = super().find_class(module, name)
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the factcheck cache")


def entry_key(run_key: str, content: bytes, display: str) -> str:
    digest = hashlib.sha256(run_key.encode() + b"\0" + display.encode() + b"\0")
    digest.update(content)  # the same digest as of the bytes joined, without copying an article's bytes
    return digest.hexdigest()


def stat_signature(run_key: str, path: str | Path, display: str) -> tuple[str, int]:
    """Who the file is and when it last changed, for this run key (no content read), and its size.

    The modification time alone can be put back (`cp -p`, tar, `rsync
    --inplace`, `touch -r`) after an edit that keeps the size; the inode's
    change time (ctime) cannot be set by a user and moves with every write
    and every `utime`, so it is part of the signature too."""
    info = os.stat(path)
    return signature_of(run_key, path, display, info), info.st_size


def signature_of(run_key: str, path: str | Path, display: str, info: os.stat_result) -> str:
    """`stat_signature` of a file whose status is `info` (`os.stat`, or `os.fstat` of it opened: the same
    fields of the same file, so a file read can be signed without a second system call)."""
    return hashlib.sha256(f"{run_key}\0{display}\0{os.path.abspath(path)}\0{info.st_dev}\0{info.st_ino}\0"
                          f"{info.st_size}\0{info.st_mtime_ns}\0{info.st_ctime_ns}".encode(
                              "utf-8", "surrogateescape")).hexdigest()  # a file name need not be UTF-8


class Cache:
    """The entries under `folder`; open one per process."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"v{FORMAT}" / "claims.sqlite"
        self._connection: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                connection = sqlite3.connect(self.path, timeout=30)
                connection.execute("PRAGMA journal_mode=WAL")
                # in WAL mode NORMAL never corrupts the database; a power cut may only lose the last
                # transactions, which a cache can afford: no fsync per transaction (a cold run commits
                # every thousand articles)
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)")
                # a file whose path, size, inode and modification time (ns) are unchanged need not
                # even be read: its entry key is remembered here
                connection.execute("CREATE TABLE IF NOT EXISTS files (stat TEXT PRIMARY KEY, key TEXT)")
                # the last result of a check per inputs and options, and the state it was compared in
                connection.execute("CREATE TABLE IF NOT EXISTS results (slot TEXT PRIMARY KEY, state TEXT, "
                                   "value BLOB)")
                connection.commit()
            except (OSError, sqlite3.Error):
                return None  # a cache that cannot be opened only costs time
            self._connection = connection
        return self._connection

    def empty(self) -> bool:
        """Whether no entry is stored (a cold run: no file can be answered by its content)."""
        connection = self._connect()
        try:
            return connection is None or connection.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return True

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        """The readable entries among `keys` (a foreign, torn or outdated entry is a miss)."""
        found: dict[str, Any] = {}
        for key, blob in self._select("SELECT key, value FROM entries WHERE key IN ({})", keys):
            try:
                found[key] = _SafeUnpickler(io.BytesIO(blob)).load()
            except Exception:
                continue
        return found

    def keys_for(self, signatures: list[str]) -> dict[str, str]:
        """Entry keys last seen for files with exactly these stat signatures."""
        return dict(self._select("SELECT stat, key FROM files WHERE stat IN ({})", signatures))

    def stored_keys_for(self, signatures: list[str]) -> dict[str, str]:
        """keys_for, only where the entry is still stored: one query, not a second one over the keys."""
        return dict(self._select("SELECT files.stat, files.key FROM files JOIN entries ON entries.key = files.key "
                                 "WHERE files.stat IN ({})", signatures))

    def _select(self, query: str, values: list[str]) -> list[tuple[Any, Any]]:
        connection = self._connect()
        if connection is None or not values:
            return []
        rows: list[tuple[Any, Any]] = []
        try:
            for start in range(0, len(values), 500):  # SQLite caps the number of parameters
                batch = values[start:start + 500]
                rows.extend(connection.execute(query.format(",".join("?" * len(batch))), batch).fetchall())
        except sqlite3.Error:
            return []
        return rows

    def put_many(self, entries: Iterable[tuple[str, bytes]], files: Iterable[tuple[str, str]] = ()) -> None:
        """Store new entries and file signatures, in one transaction."""
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", entries)
                connection.executemany("INSERT OR REPLACE INTO files (stat, key) VALUES (?, ?)", files)
        except sqlite3.Error:
            pass

    def last_result(self, slot: str, state: str) -> Any:
        """The result last stored for `slot`, if it was compared in `state` (else, or unreadable: None)."""
        rows = self._select("SELECT state, value FROM results WHERE slot IN ({})", [slot])
        if not rows or rows[0][0] != state:
            return None
        try:
            return _SafeUnpickler(io.BytesIO(rows[0][1])).load()
        except Exception:
            return None

    def put_result(self, slot: str, state: str, value: bytes) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("INSERT OR REPLACE INTO results (slot, state, value) VALUES (?, ?, ?)",
                                   (slot, state, value))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def pack(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(blob: bytes) -> Any:
    """An entry packed by `pack`, read as the cache reads every entry (only factcheck's records)."""
    return _SafeUnpickler(io.BytesIO(blob)).load()

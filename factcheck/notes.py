"""A run's notes about its articles, kept packed until they are reported.

An archive has notes about many of its articles (mostly `unattributed`: a
value whose subject no sentence names); at 100k articles, as objects, they
were a quarter of a run's memory. They are reported sorted by (path, line,
message), and files are read in path order, so they are packed in batches of
consecutive notes (each batch sorted, marshalled and compressed) and unpacked
one batch at a time whenever they are read. When the batches do not follow
one another in that order (files given in another order), all are unpacked
and sorted, as a plain list would be: the order is always the same.
"""

from __future__ import annotations

import heapq
import itertools
import marshal
import zlib
from collections.abc import Collection, Iterable, Iterator

from factcheck.records import Diagnostic

BATCH = 1000  # notes per packed batch: a batch is what is unpacked at once

Key = tuple[str, int, str]


def report_order(note: Diagnostic) -> Key:
    """The order notes are reported in."""
    return note.path, note.line, note.message


class Notes(Collection[Diagnostic]):
    """Notes in report order; `before` and `after` (few: rule files, folders, suppressions) sort
    in with those added (`add`) as if they had come before, respectively after, all of them."""

    def __init__(self, before: Iterable[Diagnostic] = ()) -> None:
        self._before = list(before)
        self._after: list[Diagnostic] = []
        self._batches: list[tuple[Key, Key, bytes]] = []  # (first key, last key, packed notes)
        self._open: list[Diagnostic] = []
        self._count = 0
        self._hidden: frozenset[str] = frozenset()  # codes of notes kept but not shown (`without`)

    def add(self, notes: Iterable[Diagnostic]) -> None:
        """One file's notes: a batch ends between files, never inside one (a file's notes come in
        the order they were found, not sorted, so a batch ending inside one would overlap the next)."""
        self._open.extend(notes)
        if len(self._open) >= BATCH:
            self._pack()

    def around(self, before: Iterable[Diagnostic] = (), after: Iterable[Diagnostic] = ()) -> Notes:
        """These notes with `before` put before and `after` after those given so far (a new Notes
        sharing the packed batches: this one is left as it was)."""
        joined = Notes([*before, *self._before])
        joined._after = [*self._after, *after]
        joined._batches, joined._open, joined._count = list(self._batches), list(self._open), self._count
        joined._hidden = self._hidden
        return joined

    def without(self, code: str) -> Notes:
        """These notes but those with `code` (a `left-out` note is shown only with --verbose): a new
        Notes sharing the packed batches, counted as they are read."""
        kept = self.around()
        kept._hidden = self._hidden | {code}
        return kept

    def _pack(self) -> None:
        batch = sorted(self._open, key=report_order)
        packed = zlib.compress(marshal.dumps([(n.path, n.line, n.message, n.level, n.code, n.rule) for n in batch]), 1)
        self._batches.append((report_order(batch[0]), report_order(batch[-1]), packed))
        self._count += len(batch)
        self._open = []

    def __len__(self) -> int:
        if self._hidden:
            return sum(1 for _ in self)
        return len(self._before) + self._count + len(self._open) + len(self._after)

    def __contains__(self, item: object) -> bool:
        return any(note == item for note in self)

    def __iter__(self) -> Iterator[Diagnostic]:
        merged = heapq.merge(sorted(self._before, key=report_order), self._added(),
                             sorted(self._after, key=report_order), key=report_order)
        return (note for note in merged if note.code not in self._hidden) if self._hidden else merged

    def _added(self) -> Iterator[Diagnostic]:
        """The notes given to `add`, sorted (stable: equal keys stay in the order they came)."""
        tail = sorted(self._open, key=report_order)
        ranges = [(first, last) for first, last, _ in self._batches]
        if tail:
            ranges.append((report_order(tail[0]), report_order(tail[-1])))
        if all(last <= first for (_, last), (first, _) in itertools.pairwise(ranges)):
            for *_, packed in self._batches:
                yield from _unpacked(packed)
            yield from tail
            return
        everything = [note for *_, packed in self._batches for note in _unpacked(packed)] + self._open
        yield from sorted(everything, key=report_order)


def _unpacked(packed: bytes) -> list[Diagnostic]:
    return [Diagnostic(path, line, message, level, code, rule)
            for path, line, message, level, code, rule in marshal.loads(zlib.decompress(packed))]

"""A run's notes kept packed (factcheck/notes.py) read back exactly as a sorted list would be."""

from __future__ import annotations

import random

import pytest

from factcheck import notes as notes_module
from factcheck.notes import Notes, report_order
from factcheck.records import Diagnostic


def _note(path: str, line: int, message: str, level: str = "info", code: str = "unattributed") -> Diagnostic:
    return Diagnostic(path, line, message, level, code)  # type: ignore[arg-type]


def _archive(paths: int, per_path: int) -> list[Diagnostic]:
    """Notes as articles read in path order give them: each article's in reading order, not sorted."""
    return [_note(f"bulk/{p:05d}.md", 40 - line, f"r{line % 3}: no subject for '{line}%'")
            for p in range(paths) for line in range(per_path)]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notes_module, "BATCH", 7)  # many batches out of a few notes


def test_notes_in_path_order_come_back_sorted(small_batches: None) -> None:
    given = _archive(20, 5)
    notes = Notes()
    notes.add(given)
    assert list(notes) == sorted(given, key=report_order)
    assert len(notes) == len(given)


def test_notes_out_of_path_order_come_back_sorted(small_batches: None) -> None:
    given = _archive(20, 5)
    random.Random(3).shuffle(given)
    notes = Notes()
    notes.add(given)
    assert list(notes) == sorted(given, key=report_order)


def test_equal_keys_keep_the_order_they_came_in(small_batches: None) -> None:
    """Two notes with the same path, line and message but another level: the first given is first."""
    first, second = _note("a.md", 3, "same", "warning"), _note("a.md", 3, "same", "info")
    before, after = _note("a.md", 3, "same", "error", "rule"), _note("a.md", 3, "same", "info", "suppression")
    notes = Notes([before])
    notes.add([first, *_archive(3, 4), second])
    joined = notes.around(after=[after])
    expected = sorted([before, first, *_archive(3, 4), second, after], key=report_order)
    assert list(joined) == expected
    assert [n for n in joined if n.message == "same"] == [before, first, second, after]


def test_around_leaves_the_notes_it_was_made_from(small_batches: None) -> None:
    notes = Notes()
    notes.add(_archive(4, 4))
    rule_problem = _note("rules/x.yaml", 2, "unknown key", "error", "")
    joined = notes.around(before=[rule_problem])
    assert rule_problem in joined and rule_problem not in notes
    assert len(joined) == len(notes) + 1


def test_a_note_survives_packing_exactly() -> None:
    odd = _note("新闻/\udcff.md", 0, "cannot read a value in '约\u200b3成'", "warning", "unread-value")
    notes = Notes()
    notes.add([odd] * (notes_module.BATCH + 1))  # one packed batch and one open note
    assert list(notes) == [odd] * (notes_module.BATCH + 1)


def test_notes_in_path_order_are_unpacked_one_batch_at_a_time(small_batches: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file's notes come unsorted (40, 39 … per file), as a file is read; batches end between
    files, so reading the first note unpacks one batch, not all (what keeps an archive's memory flat)."""
    unpacked: list[bytes] = []
    original = notes_module._unpacked

    def counted(packed: bytes) -> list[Diagnostic]:
        unpacked.append(packed)
        return original(packed)

    monkeypatch.setattr(notes_module, "_unpacked", counted)
    notes = Notes()
    for path in range(20):
        notes.add(_archive(path + 1, 5)[-5:])  # file by file, as gather adds them
    reading = iter(notes)
    next(reading)
    assert len(unpacked) == 1
    assert [next(reading), *reading] == sorted(_archive(20, 5), key=report_order)[1:]

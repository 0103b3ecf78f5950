"""Writing files safely: reports and baselines are never half-written, and
writing one never destroys something that is not a report.

A regular file is replaced atomically (a temporary file beside it, renamed
into place) and keeps its mode; a new file gets the mode the umask gives,
as any other program's output would. A symbolic link is written through, to
its target, and stays a link. A device or pipe (`/dev/stdout`, `/dev/null`,
a FIFO) is written directly: renaming over it would replace the device
node. A folder or a socket is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written; the message says why, in one line."""


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` to `path` as described above, or raise OutputError."""
    pieces = [text] if isinstance(text, str) else text
    target = Path(os.path.realpath(path))  # a symlink is written through
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write {str(path)!r}: {error.strerror or error}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISBLK(info.st_mode):
            _write_directly(target, pieces, path)
            return
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise OutputError(f"{str(path)!r} is {what}; factcheck replaces only regular files")
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise OutputError(f"cannot write {str(path)!r}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as stream:
            stream.writelines(pieces)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write {str(path)!r}: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_directly(target: Path, pieces: Iterable[str], shown: Path) -> None:
    try:
        with open(target, "w", encoding="utf-8", errors="backslashreplace") as stream:
            stream.writelines(pieces)
    except OSError as error:
        raise OutputError(f"cannot write {str(shown)!r}: {error.strerror or error}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file (through symlinks and hard links)."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def is_within(path: str | Path, folder: str | Path) -> bool:
    """Whether `path`, resolved, lies in `folder` (resolved) or is it."""
    resolved, root = os.path.realpath(path), os.path.realpath(folder)
    return resolved == root or resolved.startswith(root.rstrip(os.sep) + os.sep)


def inside_a_folder(target: str | Path, inputs: list[str]) -> bool:
    """Whether `target` lies in one of the folders among `inputs` (a cache or a report written there
    would be read back as input next run); the files among them are no folder to be inside."""
    return any(os.path.isdir(given) and is_within(target, given) for given in inputs)


def shown(path: str) -> str:
    """A path as users see it: bytes that are not UTF-8 (kept by Python as
    surrogates) become \\xNN escapes, so printing never fails and the name stays
    recognisable; control characters are escaped the same way."""
    if path.isprintable():
        return path
    escaped = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in escaped)

"""Stage 1: find article files and read them into Articles.

Front matter (YAML between `---`, TOML between `+++`, or a JSON object) is
located here, so every sentence keeps the exact line it came from in the
original file, and read with factcheck's safe YAML reader (JSON is YAML) or
the standard library's TOML reader. Only regular files are read, never more
than the size limit, and a file symlink that leads outside the paths given
is refused: articles come from pull requests.
Markdown syntax (images, links, emphasis, headings, quote markers) is removed
line by line, so it never leaks into a claim; a line of nothing but links (the
headlines of related stories after 相關新聞：) is not the article's text and is dropped.
"""

from __future__ import annotations

import html
import os
import re
import stat
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from itertools import accumulate, compress
from pathlib import Path
from zoneinfo import ZoneInfo

from factcheck.files import is_within, shown
from factcheck.outlets import Clock, OutletConfig, credit_line, find_outlet, outlet_clock, outlet_locale
from factcheck.patterns import compiled_on_use
from factcheck.records import Article, Diagnostic, Segment, Suppression

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
Relevance = Callable[[list[str]], list[bool]]  # could any rule find a claim in each of these paragraphs?
ArticleGate = Callable[[str], bool]  # could any rule find anything in an article of this text?
DEFAULT_TIMEZONE = "Asia/Shanghai"


class InputError(Exception):
    """An article that cannot be read; carries its one-line diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


# ------------------------------------------------------------------ discover


@dataclass(frozen=True, slots=True)
class ArticleFile:
    path: str | Path  # on disk (a str when found in a folder: 100k Path objects would take 60 MB)
    display: str  # as shown to users


def discover(paths: list[str]) -> tuple[list[ArticleFile], list[Diagnostic]]:
    """The article files under `paths`, sorted; folders are walked recursively.

    A symbolic link to a file is followed only when its target lies within
    the paths given (a folder given, or the folder of a file given): an
    article `leak.md -> /etc/passwd` must not put that file into a report.
    """
    files: list[ArticleFile] = []
    problems: list[Diagnostic] = []
    roots = [os.path.realpath(given if os.path.isdir(given) else os.path.dirname(given) or ".")
             for given in paths]
    for given in paths:
        path = Path(given)
        if path.is_dir():
            base = given.rstrip("/\\") or given
            found = sorted(_walk(given))
            if not found:
                problems.append(Diagnostic(shown(given), 0,
                                           f"no articles ({', '.join(ARTICLE_SUFFIXES)}) in this folder"))
            files.extend(_found(full, shown(f"{base}/{relative}")) for relative, full in found)
        elif path.is_file() or (path.is_symlink() and not path.exists()):
            files.append(ArticleFile(path, shown(given)))
        elif path.exists():
            problems.append(Diagnostic(shown(given), 0, "not a regular file or folder"))
        else:
            problems.append(Diagnostic(shown(given), 0, "no such file or folder"))
    kept = []
    for file in files:
        if os.path.islink(file.path) and os.path.exists(file.path) \
                and not any(is_within(file.path, root) for root in roots):
            problems.append(Diagnostic(file.display, 0, "symbolic link to a file outside the paths given; not read"))
        else:
            kept.append(file)
    return kept, problems


def _found(full: str, display: str) -> ArticleFile:
    """A file found in a folder; one string when its path and display are the same text (memory at 100k files)."""
    return ArticleFile(display if display == full else full, display)


def _walk(root: str) -> Iterator[tuple[str, str]]:
    """(path relative to root, with /; full path) of every article file under root."""
    for folder, subfolders, names in os.walk(root, followlinks=False):
        subfolders.sort()
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        for name in names:
            if name.lower().endswith(ARTICLE_SUFFIXES) and not name.startswith("."):
                yield prefix + name, os.path.join(folder, name)


# ---------------------------------------------------------------------- read


MAX_FILE_SIZE = 10 * 1024 * 1024  # bytes; the largest corpus article is 27 KB


def read_article(file: ArticleFile, timezone: str = DEFAULT_TIMEZONE,
                 outlets: OutletConfig | None = None) -> Article:
    """Read one file into an Article, or raise InputError naming file and line."""
    return parse_bytes(read_bytes(file), file.display, timezone, outlets)


def read_bytes(file: ArticleFile, limit: int = MAX_FILE_SIZE) -> bytes:
    """The file's bytes. Only a regular file is read (a FIFO would block, a
    device never end), and never more than `limit` bytes, whatever its size
    said: a file can grow between stat and read."""
    return read_file(file, limit)[0]


def read_file(file: ArticleFile, limit: int = MAX_FILE_SIZE) -> tuple[bytes, os.stat_result]:
    """`read_bytes`, and the file's status as the descriptor read said it (`os.fstat`): what the
    cache signs a file with, had without a second system call."""
    def too_big(size: float) -> InputError:
        return InputError(Diagnostic(file.display, 0, f"file is {size / 1048576:.1f} MB, over the "
                                     f"{limit / 1048576:g} MB limit (--max-file-size)"))

    try:
        handle = os.open(file.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                raise InputError(Diagnostic(file.display, 0, "not a regular file (a device, pipe or socket); not read"))
            if info.st_size > limit:
                raise too_big(info.st_size)
            # as many bytes as stat said, and one more: asking for `limit` at once would make
            # Python allocate (and give back) a buffer of `limit` bytes for every article
            data = _read_up_to(handle, info.st_size + 1)
            if len(data) > info.st_size:  # it grew after stat: read on, up to the limit
                data += _read_up_to(handle, limit + 1 - len(data))
        finally:
            os.close(handle)
    except OSError as error:
        raise InputError(Diagnostic(file.display, 0, f"cannot read: {error.strerror or error}")) from None
    if len(data) > limit:
        raise too_big(len(data))
    return data, info


def _read_up_to(handle: int, size: int) -> bytes:
    """Up to `size` bytes from the descriptor, fewer only at its end: what a buffered file's
    `read(size)` returns, without making a file object for each article (bulk's 2,987 files:
    0.07-0.11 -> 0.03-0.04 CPU s)."""
    data = os.read(handle, size)
    if not data or len(data) == size:
        return data
    parts = [data]
    while size > (got := sum(map(len, parts))) and (more := os.read(handle, size - got)):
        parts.append(more)
    return b"".join(parts)


def parse_bytes(data: bytes, display: str, timezone: str = DEFAULT_TIMEZONE,
                outlets: OutletConfig | None = None, relevant: Relevance | None = None,
                gate: ArticleGate | None = None) -> Article:
    text, note = decode(data, display)
    article = parse_article(text, display, timezone, outlets, relevant, gate)
    return replace(article, notes=(note, *article.notes)) if note else article


def decode(data: bytes, display: str) -> tuple[str, Diagnostic | None]:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM or plainly ASCII-heavy,
    GB18030/GBK when the bytes read as Chinese; else a clear error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 says so with its BOM
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise InputError(Diagnostic(display, 1, "invalid UTF-16 (it starts with a UTF-16 byte-order mark)")) from None
    if b"\x00" in data[:8192]:
        guess = _utf16_without_bom(data)
        if guess:
            return data.decode(guess), Diagnostic(display, 1, f"decoded as {guess.upper()} (no byte-order mark)",
                                                  "warning")
        raise InputError(Diagnostic(display, 1, "binary file (contains NUL bytes), not an article"))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
    text = _as_gb18030(data)
    if text is None:
        raise InputError(Diagnostic(display, line, problem))
    return text, Diagnostic(display, 1, "decoded as GB18030 (not UTF-8); save the file as UTF-8", "warning")


def _utf16_without_bom(data: bytes) -> str:
    sample = data[:4096]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd > len(sample) * 0.4 and even == 0:
        encoding = "utf-16-le"
    elif even > len(sample) * 0.4 and odd == 0:
        encoding = "utf-16-be"
    else:
        return ""
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return ""
    return encoding


def _as_gb18030(data: bytes) -> str | None:
    """The text if the bytes are GB18030 (GBK, GB2312) that reads as Chinese."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 127]
    chinese = sum("\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                  for ch in wide)
    return text if wide and chinese >= 0.8 * len(wide) else None


# how an archive marks a summary it cut off (估值2，600亿...): what follows its last break may be a number
# cut short. Told by the text's end, not by a search (`…+$` tries every … of a run: quadratic)
_CUT_OFF = ("...", "…")
# not 2，600: a digit group. Led by the class of every break character, so the three alternatives are tried
# only at one (bulk's 2,818 cut summaries: 0.03 -> 0.015 CPU s; speed_equivalents.yaml `summary_breaks`)
_BREAK = re.compile(r"(?=[。！？!?；;，,])(?:[。！？!?；;]|(?<!\d)[，,]|[，,](?!\d))")


def _summary(metadata: dict[str, object]) -> str:
    """Front-matter `summary:` without a cut-off tail: `……400亿美元投资，估值2，600亿...` ends at 投资，
    since `2，600亿` may have been 2,600亿美元 or 2,6005亿 before the cut."""
    text = str(metadata.get("summary") or "").strip()
    if not text.endswith(_CUT_OFF):
        return text
    masked = _ENTITY.sub(lambda m: "x" * len(m.group(0)), text)  # the ; of Muller &amp; Phipps ends nothing
    ends = [m.end() for m in _BREAK.finditer(masked)]
    return text[:ends[-1]] if ends else ""


# a YAML block scalar opens on its key's line (`summary: |`, `summary: >-`): its text starts on the next
_BLOCK_SCALAR = re.compile(r"[^:]*:\s*[|>][+-]?[0-9]?[+-]?\s*(?:#.*)?$")


# a summary whose list the archive flattened into one line keeps the items' markers (`** A** B`, `- A - B`):
# the marker it opens with, then each later one of the same kind starts an item
_OPENING_MARKER = re.compile(r"^\s*(\*\*|[-*•])\s+")


def _summary_items(lines: list[str]) -> tuple[list[str], tuple[int, ...]]:
    """The summary's lines cleaned, and where in their joined text each flattened list item
    starts: `** Shares … last up 9.4%** Online furniture retailer on Thursday reported …` is
    two statements, so Thursday is not the 9.4%'s day (docs/rules.md, "Lists")."""
    cleaned, items, position = [], [], 0
    for line in lines:
        opening = _OPENING_MARKER.match(line)
        if opening is None:
            cleaned.append(clean_line(line))
        else:
            marker = re.escape(opening.group(1))
            pieces = [clean_line(piece) for piece in re.split(rf"\s*{marker}\s+", line[opening.end():])]
            pieces = [piece for piece in pieces if piece]
            text = ""
            for piece in pieces:
                if text:  # the space between two items, in the joined lines: a sentence ends there
                    items.append(position + len(text))
                    text += " "
                text += piece
            cleaned.append(text)
        position += len(cleaned[-1]) + 1
    return cleaned, tuple(items)


def _summary_line(front_lines: list[str], metadata: dict[str, object]) -> int:
    """The file line of the summary's first line of text: its key's line, or the line after for a
    block scalar (and after any blank lines it opens with), so that each line of a literal block
    (`summary: |`) reports its own line."""
    line = _key_line(front_lines, "summary")
    if line < 2 or not _BLOCK_SCALAR.match(front_lines[line - 2]):
        return line
    raw = str(metadata.get("summary") or "")
    return line + 1 + raw[:len(raw) - len(raw.lstrip())].count("\n")


def _lang(metadata: dict[str, object]) -> str:
    """Front-matter `lang:` or `language:`, a word or a list of them (the first)."""
    value = metadata.get("lang") or metadata.get("language") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")
MAX_LINE = 100_000  # characters read of one line: the longest line in a 3,000-article archive is 15,735


def parse_article(text: str, display: str, timezone: str = DEFAULT_TIMEZONE,
                  outlets: OutletConfig | None = None, relevant: Relevance | None = None,
                  gate: ArticleGate | None = None) -> Article:
    """Parse article text (already decoded) into an Article (`relevant`: see split_segments).

    With `gate`, asked once of the article's title, summary and body (Markdown removed, one
    line each), an article no rule could read is not cut into sentences at all: its record
    (front matter, outlet, notes, suppressions) is all a report needs of it."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    notes: list[Diagnostic] = []
    for index, line in enumerate(lines) if len(text) > MAX_LINE else ():  # no line is longer than the text
        if len(line) > MAX_LINE:  # a whole archive on one line: bound the work and the report
            lines[index] = line[:MAX_LINE]
            notes.append(Diagnostic(display, index + 1, f"line is {len(line):,} characters long; only its "
                                    f"first {MAX_LINE:,} are read", "warning"))
    metadata, front_lines, body_start = _split_front_matter(lines, display)
    front_zone = _zone(str(metadata["timezone"]), display) if metadata.get("timezone") else None
    body_text = _drop_multiline_targets("\n".join(lines[body_start:]))
    body = body_text.split("\n")
    if "```" in body_text or "~~~" in body_text:  # what a fence starts with
        body = _blank_code_blocks(body)
    trailing_label, trailing_url, body = _trailing_link(body)
    label = _label(metadata) or trailing_label or _domain(trailing_url)
    url = str(metadata.get("url") or metadata.get("link") or trailing_url or "")
    title = str(metadata.get("title") or "").strip()
    segments: list[Segment] = []
    title_text = clean_line(title) if title else ""
    summary = _summary(metadata)
    cleaned, credits = _without_credits(clean_lines(body), outlets)
    summary = _after_credit(summary, credits)
    summary_lines, summary_items = _summary_items(summary.split("\n")) if summary else ([], ())
    if gate is None or gate("\n".join([title_text, *summary_lines, *cleaned])):
        if title:
            segments.extend(_sentences([title_text], _key_line(front_lines, "title"), -1, is_title=True))
        if summary:  # the outlet's deck, read as the title's paragraph: it states figures the body may not
            segments.extend(_sentences(summary_lines, _summary_line(front_lines, metadata), -1, cuts=summary_items))
        segments.extend(split_segments(body, body_start + 1, cleaned, relevant))
    outlet = find_outlet(label, cleaned, outlets)
    clock = outlet_clock(outlet, outlets)
    published = _published(metadata, front_zone or _zone(clock.timezone or timezone, display), display, front_lines,
                           None if front_zone else _speaks(clock))
    if front_lines and published is None:
        notes.append(Diagnostic(display, 1, "front matter has no date: relative dates (昨日, 本周二 …) "
                                "in this article are not read", "warning"))
    suppressions = _front_matter_suppression(metadata, front_lines, len(lines), display)
    if "factcheck-ignore" in body_text:  # what a suppression comment holds
        suppressions += _comment_suppressions(body, body_start + 1)
    lang, lang_from = _lang(metadata), "front-matter lang"
    if not lang:
        lang, lang_from = outlet_locale(outlet, outlets), "outlets file"
    return Article(display, decode_entities(title), published, label, outlet or label or display, url, tuple(segments),
                   tuple(suppressions), tuple(notes), lang, lang_from if lang else "", named_outlet=outlet)


_IGNORE_COMMENT = compiled_on_use(r"^\s*<!--\s*factcheck-ignore(?P<rules>(?:\s+[\w.\-]+)*)\s*-->\s*$")


def _front_matter_suppression(metadata: dict[str, object], front_lines: list[str], last_line: int,
                              display: str) -> list[Suppression]:
    """`factcheck: {ignore: [rule-id, …]}` in the front matter: the whole article."""
    settings = metadata.get("factcheck")
    if settings is None:
        return []
    line = _key_line(front_lines, "factcheck")
    ignore = settings.get("ignore") if isinstance(settings, dict) else None
    if not isinstance(settings, dict) or set(settings) - {"ignore"} or not isinstance(ignore, list) \
            or not all(isinstance(rule, str) for rule in ignore):
        raise InputError(Diagnostic(display, line, "front matter: factcheck must be {ignore: [rule-id, …]}"))
    return [Suppression(tuple(ignore), 1, last_line, line, "front matter")]


def _comment_suppressions(body: list[str], first_line: int) -> list[Suppression]:
    """`<!-- factcheck-ignore rule-id … -->` on its own line: the next paragraph."""
    found = []
    for index, raw in enumerate(body):
        match = _IGNORE_COMMENT.match(raw)
        if not match:
            continue
        start = next((i for i in range(index + 1, len(body)) if body[i].strip()), None)
        if start is None:
            continue
        end = start
        while end + 1 < len(body) and body[end + 1].strip():
            end += 1
        found.append(Suppression(tuple(match.group("rules").split()), first_line + start, first_line + end,
                                 first_line + index, "comment"))
    return found


def _split_front_matter(lines: list[str], display: str) -> tuple[dict[str, object], list[str], int]:
    """(metadata, the front matter's lines, index of the first body line).

    YAML between `---` lines (closed by `---` or `...`), TOML between `+++`
    lines, or a JSON object whose braces stand alone on the first and closing
    lines, as Hugo and Jekyll read them. Front matter that is opened but
    never closed is an error: read as body, its keys would become claims.
    """
    first = lines[0].strip() if lines else ""
    if first not in ("---", "+++", "{"):
        return {}, [], 0
    if first == "---":
        end = next((i for i in range(1, len(lines)) if _FRONT_MATTER_END.match(lines[i])), None)
    elif first == "+++":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "+++"), None)
    else:
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "}"), None)
        if end is None:
            return {}, [], 0  # a paragraph that happens to start with "{"
    if end is None:
        raise InputError(Diagnostic(display, 1, f"front matter opened with {first!r} is never closed"))
    if first == "{":
        front_lines = lines[:end + 1]
        return _front_matter(front_lines, display, 1), lines[1:end], end + 1
    front_lines = lines[1:end]
    reader = _toml_front_matter if first == "+++" else _front_matter
    return reader(front_lines, display, 2), front_lines, end + 1


def _front_matter(front_lines: list[str], display: str, first_line: int) -> dict[str, object]:
    from factcheck.safe_yaml import YAMLError, load_data

    try:
        loaded = load_data("\n".join(front_lines), display, first_line, syntax="front matter")
    except YAMLError as error:  # an error found at the end of the text is on its last line
        last = first_line + max(len(front_lines) - 1, 0)
        raise InputError(replace(error.diagnostic, line=min(error.diagnostic.line, last))) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(Diagnostic(display, 2, "front matter is not a mapping of keys to values"))
    return loaded


def _toml_front_matter(front_lines: list[str], display: str, first_line: int) -> dict[str, object]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads("\n".join(front_lines))
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+)", str(error))
        line = int(found.group(1)) + first_line - 1 if found else first_line + max(len(front_lines) - 1, 0)
        raise InputError(Diagnostic(display, line, f"front matter (TOML): {str(error).split(' (at ')[0]}")) from None
    except RecursionError:
        raise InputError(Diagnostic(display, first_line, "front matter (TOML): nested too deeply")) from None


def _key_line(front_lines: list[str], key: str) -> int:
    """The file line of `key` in YAML, TOML or JSON front matter (1 when not found)."""
    pattern = _key_pattern(key)
    for index, line in enumerate(front_lines):
        if pattern.match(line):
            return index + 2
    return 1


@cache
def _key_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*[:=]")


def _zone(name: str, display: str) -> ZoneInfo:
    """The zone `name` names (the front matter's `timezone`, an outlet's, --timezone)."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        raise InputError(Diagnostic(display, 1, f"unknown time zone {name!r}")) from None


def _speaks(clock: Clock) -> ZoneInfo | None:
    """The zone an outlet's text counts days in, when its outlets-file clock says it differs from its stamps'."""
    return ZoneInfo(clock.speaks) if clock.speaks and clock.speaks != clock.timezone else None


def _published(metadata: dict[str, object], zone: ZoneInfo, display: str,
               front_lines: list[str], speaks: ZoneInfo | None = None) -> datetime | None:
    """The publish time, on the article's own clock: its relative days (yesterday, 周一) are anchored
    on the day it shows. A time without an offset is read in `zone`; one with an offset keeps it, unless
    the front matter names a `timezone` too: that is the article's zone, and the time is shown in it
    (`2025-02-11T00:05:00Z` with `timezone: America/New_York` was written on 10 February). A time without
    an offset whose outlet's clock `speaks` another zone is shown in that one: the archive's Beijing
    `2025-02-13 02:21:00` of a New York newswire was written on 12 February."""
    key = next((k for k in ("date", "published", "publishDate") if metadata.get(k)), "")
    if not key:
        return None
    raw = metadata[key]

    def refuse(why: str) -> InputError:
        return InputError(Diagnostic(display, _key_line(front_lines, key), f"{key} {str(raw)[:60]!r} {why}"))

    if isinstance(raw, datetime):  # TOML dates are typed
        when = raw
    elif isinstance(raw, date):
        when = datetime(raw.year, raw.month, raw.day)
    else:
        when = _parse_when(str(raw).strip(), refuse)
    if not when.tzinfo:
        when = when.replace(tzinfo=zone)
        if speaks is not None and MIN_YEAR <= when.year <= MAX_YEAR:
            when = when.astimezone(speaks)
    elif metadata.get("timezone"):  # the article's own zone: the same instant, on its clock
        when = when.astimezone(zone) if MIN_YEAR <= when.year <= MAX_YEAR else when
    if not MIN_YEAR <= when.year <= MAX_YEAR:
        raise refuse(f"is out of range (years {MIN_YEAR}–{MAX_YEAR})")
    try:
        when.astimezone(ZoneInfo("UTC"))
    except (OverflowError, ValueError):
        raise refuse(f"is out of range (years {MIN_YEAR}–{MAX_YEAR})") from None
    return when


MIN_YEAR, MAX_YEAR = 1000, 9000  # relative dates (去年, 下周) resolved from it stay representable


_PLAIN_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})")  # 2025-02-08 19:55:52


def _parse_when(text: str, refuse: Callable[[str], InputError]) -> datetime:
    """A publish time written as YAML would write a timestamp, or as ISO 8601."""
    import yaml
    from yaml.constructor import SafeConstructor

    plain = _PLAIN_TIME.fullmatch(text)
    value: date
    try:
        if plain:  # the usual form, as construct_yaml_timestamp reads it, without building a YAML node for it
            year, month, day, hour, minute, second = map(int, plain.groups())
            value = datetime(year, month, day, hour, minute, second)
        elif SafeConstructor.timestamp_regexp.match(text):
            value = SafeConstructor().construct_yaml_timestamp(yaml.ScalarNode("tag:yaml.org,2002:timestamp", text))
        else:
            value = datetime.fromisoformat(text.replace("/", "-").replace("Z", "+00:00"))
    except (ValueError, OverflowError) as error:
        if SafeConstructor.timestamp_regexp.match(text):
            raise refuse(f"is not a real date or time ({error})") from None
        raise refuse("is not a date (expected YYYY-MM-DD HH:MM:SS)") from None
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def _label(metadata: dict[str, object]) -> str:
    for key in ("source", "outlet", "categories", "tags"):
        value = metadata.get(key)
        if isinstance(value, list) and value:
            return str(value[0])
        if isinstance(value, str) and value:
            return value
    return ""


_LINK_LINE = re.compile(r"^\s*\[([^\]]+)\]\((\S+?)\)\s*$")


def _trailing_link(body: list[str]) -> tuple[str, str, list[str]]:
    """The `[label](url)` line that ends an article, and the body without it."""
    for index in range(len(body) - 1, -1, -1):
        if not body[index].strip():
            continue
        match = _LINK_LINE.match(body[index])
        if match:
            return match.group(1), match.group(2), body[:index] + [""] * (len(body) - index)
        break
    return "", "", body


def _domain(url: str) -> str:
    match = re.match(r"https?://(?:www\.)?([^/]+)", url)
    return match.group(1) if match else ""


# ---------------------------------------------------------- markdown → text

# (url), also (javascript:void(0);): a run of plain characters, then each (…) with the run after it; the same
# matches as (?:[^()]|\([^()]*\))*, which tried the alternation at every character of a URL (bulk's 20,086
# lines with markup: 0.13 -> 0.07 CPU s; tests/fixtures/speed_equivalents.yaml `link_targets`)
_TARGET = r"\([^()]*(?:\([^()]*\)[^()]*)*\)"
_IMAGE = re.compile(r"!\[[^\]]*\]" + _TARGET)
_LINK = re.compile(r"\[([^\]]*)\]" + _TARGET)
_URL = re.compile(r"https?://\S+")
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>|<!--.*?-->")  # tags only: <哪吒2> is a title
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+|^\s{0,3}#{1,6}\s+|^\s{0,3}(?:[-*+]|\d+[.)])\s+")
_RULE_LINE = re.compile(r"^\s{0,3}(?:[-=*_]\s*){3,}$")
_MULTILINE_TARGET = re.compile(r"\]\(([^()\n]*\n[^()]*)\)")  # ](url "a title\nthat spans lines")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HIDE = {c: chr(0xF0000 + ord(c)) for c in "\\`*_{}[]()#+-.!|>~"}  # escaped characters, kept out of the markup rules
_UNHIDE = str.maketrans({v: k for k, v in _HIDE.items()})


# a line of nothing but links, maybe after 相關新聞： or 延伸阅读：, links to other pages (the headlines of
# related stories, 查看最新行情): it is not this article's text, so nothing in it is read as a claim.
# Spaces are taken in one place only (before a separator, or after it): `\s*[|]?\s*` repeated let a
# line of forty links and a word try 2^40 ways to share its spaces before failing
_LINKS_ONLY = re.compile(r"^\s*(?:(?:相[关關](?:新[闻聞]|[阅閱][读讀]|[报報][导導]|文章)|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]"
                         r"|[热熱][门門][阅閱][读讀])\s*(?:[：:]\s*)?)?(?:\[[^\]]*\]" + _TARGET + r"\s*(?:[|｜、，,]\s*)?)+$")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _blank_code_blocks(body: list[str]) -> list[str]:
    """Fenced code blocks (``` or ~~~) as blank lines: a prompt, a log or a table of
    code is not something an outlet claims, and a suppression comment inside one
    is code too. Line numbers are kept; an unclosed fence runs to the end, as in
    CommonMark."""
    result = list(body)
    fence = ""
    for index, line in enumerate(body):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = ""
            result[index] = ""
        elif match and not (match.group(1)[0] == "`" and "`" in line[match.end():]):
            fence = match.group(1)
            result[index] = ""
    return result


def _drop_multiline_targets(text: str) -> str:
    """Empty the targets of links and images that span lines, keeping the line count."""
    return _MULTILINE_TARGET.sub(lambda m: "]()" + "\n" * m.group(1).count("\n"), text)


# what any step of clean_line acts on (a prefix is checked with _PREFIX itself): a line without it is prose
_MARKUP = re.compile(r"[\\\[<*_`]|https?:")
# a line holding a character of the _HIDE range is cleaned as it always was: through translate when any of these is in it
_HIDDEN, _SIGNS = re.compile("[\U000F0000-\U000F007F]"), compiled_on_use(r"[!\]>#|~+\-]|\d[.)]")
_ODD_SPACES = (("\u00a0", " "), ("\u3000", " "), ("\u200b", ""), ("\ufeff", ""))  # no-break, ideographic and zero-width spaces
# every line but the first that _has_markup can say yes to holds one of these (one search over a whole
# text): a markup or hidden character, a URL, or, after the line break before it, a line prefix. Written
# as one class of every first character (h of https, the line break), then what must follow each: a
# pattern that starts with a class is scanned for it in C, an alternation is tried at every position
# (bulk: 0.076 -> 0.059 CPU s; same matches, tests/fixtures/speed_equivalents.yaml `markup_lines`)
_MAYBE_MARKUP = re.compile(r"[\\\[<*_`" + "\U000F0000-\U000F007F" + r"h\n]"
                           r"(?:(?<=h)ttps?:|(?<=\n)[^\S\n]{0,3}(?:[>#*+-]|\d)|(?<=[^h\n]))")


def decode_entities(text: str) -> str:
    """HTML character references as the characters they stand for (`Temple &amp; Webster`, `&nbsp;`,
    `&#39;`), as a browser shows the archived page; one that stands for a line break is a space, so
    every line keeps its number."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: _ONE_LINE.sub(" ", html.unescape(m.group(0))), text)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ONE_LINE = re.compile(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


# a line opening the article that only credits people (作者：黄莺, **作者：泰罗，编辑：小市妹**: the outlets
# file's `credits`, outlets.credit_line): it names a writer, no outlet and no fact, so it is no statement and
# no first line of text (a dateline after it still is)
_OPENING_LINES = 3  # the lines of text a credit may stand among at the article's start (a picture, a dateline first)


def _without_credits(cleaned: list[str], outlets: OutletConfig | None) -> tuple[list[str], list[str]]:
    """The body's cleaned lines with the credit lines opening it blanked (line numbers kept), and those lines."""
    credits: list[str] = []
    line_of_credits = credit_line(outlets)
    if line_of_credits is None:
        return cleaned, credits
    seen = 0
    for index, line in enumerate(cleaned):
        if not line:
            continue
        if line_of_credits.fullmatch(line):
            credits.append(line)
            cleaned = [*cleaned[:index], "", *cleaned[index + 1:]]
        seen += 1
        if seen >= _OPENING_LINES:
            break
    return cleaned, credits


def _after_credit(summary: str, credits: list[str]) -> str:
    """A deck without the credit the body opens with, which a site copied into it glued to the first
    sentence (`作者：黄莺继去年中创新航一次性起诉宁德时代…`: 黄莺 is no subject of 继去年…)."""
    for credit in credits:
        if summary.startswith(credit):
            return summary[len(credit):].lstrip()
    return summary


def clean_line(line: str) -> str:
    """One line of Markdown as plain text (same line, syntax removed, character references decoded
    last: `&lt;b&gt;`, `&#42;` and `&#35;` are text a browser shows, not markup to remove)."""
    line = _plain_spaces(line)
    return _decoded(_clean_markup(line) if _has_markup(line) else line.strip())  # most prose carries no markup


def _plain_spaces(text: str) -> str:
    """No-break, ideographic and zero-width spaces as the plain space (or nothing) they show as."""
    for odd, plain in _ODD_SPACES:
        if odd in text:
            text = text.replace(odd, plain)
    return text


def _decoded(line: str) -> str:
    """A cleaned line with its character references decoded (`&nbsp;` a plain space, then trimmed)."""
    return _plain_spaces(decode_entities(line)).strip() if "&" in line else line


def clean_lines(lines: list[str]) -> list[str]:
    """`clean_line` of every line, with the tests for markup run over the whole text at
    once: only the lines they point at are tested and cleaned one by one."""
    text = _plain_spaces("\n".join(lines))
    plain_lines = text.split("\n")
    cleaned = [line.strip() for line in plain_lines]
    for index in _marked_lines(_MAYBE_MARKUP, text):
        if _has_markup(plain_lines[index]):
            cleaned[index] = _clean_markup(plain_lines[index])
    return [_decoded(line) for line in cleaned] if "&" in text else cleaned


def _line_starts(lines: list[str]) -> list[int]:
    """Where each line starts in "\\n".join(lines), and where a line after the last would."""
    return list(accumulate((len(line) + 1 for line in lines), initial=0))


def _marked_lines(pattern: re.Pattern[str], text: str) -> list[int]:
    """The first line of `text` (split at "\\n") and those holding a match of `pattern`, in order
    (both callers check a first line whatever it holds); a match that begins with a line break
    marks the line after it. One search per such line: after a match, the search goes on from the
    end of its line."""
    found = [0]
    line = position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start() + (text[match.start()] == "\n")
        line += text.count("\n", position, start)
        if found[-1] != line:
            found.append(line)
        position = text.find("\n", start)
        if position < 0:
            break
    return found


def _has_markup(line: str) -> bool:
    return bool(_MARKUP.search(line) or _PREFIX.match(line) or (_HIDDEN.search(line) and _SIGNS.search(line)))


def _clean_markup(line: str) -> str:
    """clean_line's work on a line that has markup; each step only when the text it removes can be there."""
    if "](" in line and _LINKS_ONLY.match(line):
        return ""
    if "\\" in line:
        line = _ESCAPE.sub(lambda m: _HIDE[m.group(1)], line)
    if "](" in line:
        line = _LINK.sub(r"\1", _IMAGE.sub("", line) if "![" in line else line)
    if "http" in line:
        line = _URL.sub("", line)
    if "<" in line:
        line = _HTML.sub("", line)
    while prefix := _PREFIX.match(line):  # a quote marker, heading or list marker, maybe nested ("> - ")
        line = line[prefix.end():]
    if "*" in line or "`" in line or "__" in line:
        line = _EMPHASIS.sub("", line)
    return (line.translate(_UNHIDE) if _HIDDEN.search(line) else line).strip()


# where a thematic break or setext underline (_RULE_LINE) or an ATX heading can be: any but the first line
_MAYBE_BREAK = re.compile(r"\n[^\S\n]*[-=*_#]")
_SENTENCE_END = re.compile(r"[。！？!?]+[」”’\"』）)]*")  # ；joins clauses of one sentence


def split_segments(lines: list[str], first_line: int, cleaned: list[str] | None = None,
                   relevant: Relevance | None = None) -> list[Segment]:
    """Body lines → sentences, each knowing its paragraph and file lines.

    `cleaned` is `lines` already passed through clean_line, when the caller has it.
    With `relevant` (asked once, about all paragraphs), a paragraph no rule could find a
    claim in is not cut into sentences at all: most paragraphs of a news archive are such;
    without a break or heading in the body, where such a paragraph starts is not even counted.
    """
    cleaned = cleaned if cleaned is not None else clean_lines(lines)
    text = "\n".join(cleaned)
    breaks = _break_lines(lines)
    runs = list(_RUN.finditer(text))
    if breaks:
        ranges = _paragraphs(_line_ranges(text, runs), breaks, lines)
        texts = ["\n".join(cleaned[start:end]) for start, end in ranges]
    else:  # the paragraphs are the runs
        texts = [run.group() for run in runs]
    kept = relevant(texts) if relevant else [True] * len(texts)
    segments: list[Segment] = []
    line = position = 0
    for index in compress(range(len(texts)), kept):
        if breaks:
            start = ranges[index][0]
        else:  # lines before it, counted on from the last paragraph kept
            line += text.count("\n", position, runs[index].start())
            start, position = line, runs[index].start()
        end = start + texts[index].count("\n") + 1
        segments.extend(_sentences(cleaned[start:end], first_line + start, index, texts[index],
                                   cuts=_item_cuts(lines, cleaned, start, end)))
    return segments


# a Markdown list item: a bullet (- * +) or a number (1. 2)) and a space opening a line, maybe in a quote
_ITEM_LINE = re.compile(r"[^\S\n]*(?:>[^\S\n]?)*(?:[-*+]|\d{1,3}[.)])[^\S\n]+\S")


def _item_cuts(lines: list[str], cleaned: list[str], start: int, end: int) -> tuple[int, ...]:
    """Where each list item of the paragraph lines[start:end] starts in its cleaned text (the line
    break before it): an item is a statement of its own even without a full stop, so the
    `consensus` of one bullet is not the next bullet's qualifier (docs/rules.md, "Lists")."""
    cuts, position = [], -1
    for index in range(start, end):
        if index > start and lines[index][:1] in _ITEM_FIRST and _ITEM_LINE.match(lines[index]):
            cuts.append(position)
        position += len(cleaned[index]) + 1
    return tuple(cuts)


_ITEM_FIRST = frozenset(" \t>-*+0123456789")


# a run of non-empty lines
_RUN = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def _line_ranges(text: str, runs: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The [start, end) lines of each run of non-empty lines of `text`."""
    ranges: list[tuple[int, int]] = []
    line = position = 0
    for run in runs:
        line += text.count("\n", position, run.start())
        count = text.count("\n", run.start(), run.end()) + 1
        ranges.append((line, line + count))
        line, position = line + count - 1, run.end()
    return ranges


def _paragraphs(runs: list[tuple[int, int]], breaks: set[int], lines: list[str]) -> list[tuple[int, int]]:
    """The paragraphs, as [start, end) ranges of lines: runs of lines not empty once cleaned,
    closed by a thematic break or setext underline (not part of any paragraph) or an ATX
    heading (a paragraph of its own, even when nothing is left of it once cleaned)."""
    paragraphs: list[tuple[int, int]] = []
    for start, end in runs:  # cut at the breaks inside
        for cut in sorted(b for b in breaks if start <= b < end):
            if start < cut:
                paragraphs.append((start, cut))
            start = cut + 1
        if start < end:
            paragraphs.append((start, end))
    headings = [b for b in breaks if lines[b].lstrip().startswith("#")]
    return sorted(paragraphs + [(b, b + 1) for b in headings])


def _break_lines(lines: list[str]) -> set[int]:
    """The lines that close a paragraph: a thematic break or setext underline, or an ATX heading."""
    maybe = _marked_lines(_MAYBE_BREAK, "\n".join(lines))
    return {i for i in maybe if i < len(lines) and (_RULE_LINE.match(lines[i]) or lines[i].lstrip().startswith("#"))}


def _sentences(lines: list[str], first_number: int, index: int, text: str = "",
               is_title: bool = False, cuts: tuple[int, ...] = ()) -> list[Segment]:
    """The sentences of a paragraph: its cleaned `lines`, the first on file line `first_number`
    (`text`: the lines joined, when the caller has it); a sentence also ends at each of `cuts`
    (offsets in `text` where a list item starts)."""
    text = text or "\n".join(lines)
    offsets = _line_starts(lines)[:-1] if len(lines) > 1 else None  # where each line starts in `text`
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    if ". " in text or ".\n" in text:
        ends = sorted({*ends, *_english_ends(text)})
    if cuts:
        ends = sorted({*ends, *(cut for cut in cuts if 0 < cut < len(text))})
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    segments = []
    begin = 0
    for end in ends:
        for piece_begin, piece_end in ((begin, end),) if end - begin <= MAX_SENTENCE else _bounded(text, begin, end):
            piece = text[piece_begin:piece_end].lstrip(" \n")
            if piece.strip():
                segments.append(_segment(piece, piece_end - len(piece), piece_end, offsets, first_number, index,
                                         is_title))
        begin = end
    return segments


# an English full stop: a period before a space and a capital, a digit or an opening quote, after a word
# that is no abbreviation (Mr., Inc., Feb., U.S., a single initial), nor after a list's number opening a line (2. )
_ENGLISH_END = re.compile(r"(?=\.)(?<=[A-Za-z0-9%)\]\"”’'])(?<!^\d)(?<!\n\d)(?<!^\d\d)(?<!\n\d\d)\.[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")
_WORD_BEFORE = compiled_on_use(r"([A-Za-z.]+)$")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "rev", "col", "lt", "sgt",
    "capt", "inc", "corp", "co", "ltd", "plc", "llc", "bros", "no", "nos", "vs", "etc", "approx", "est", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed",
    "thu", "thur", "thurs", "fri", "sat", "sun", "fig", "vol", "op", "ed", "al", "cf", "ca"})


def _english_ends(text: str) -> list[int]:
    """Where English sentences end in `text`: the one way the splitter reads a Latin full stop."""
    ends = []
    for match in _ENGLISH_END.finditer(text):
        word = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        name = word.group(1) if word else ""
        if name and ("." in name or len(name) == 1 or name.lower() in _ABBREVIATIONS):
            continue  # U.S., J. Smith, Feb. 12, Inc. — no sentence ends there
        ends.append(match.end())
    return ends


MAX_SENTENCE = 1000  # characters: longer runs without a full stop are cut at a clause break
_CLAUSE_END = compiled_on_use(r"[，,；;：:、\s]")


def _bounded(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Cut a run with no full stop (a table, a list on one line) into pieces of at most
    MAX_SENTENCE characters, at clause breaks where there are any: no sentence is
    long enough to make per-sentence work slow."""
    pieces = []
    while end - begin > MAX_SENTENCE:
        cut = begin + MAX_SENTENCE
        breaks = [m.end() for m in _CLAUSE_END.finditer(text, begin + MAX_SENTENCE // 2, cut)]
        cut = breaks[-1] if breaks else cut
        pieces.append((begin, cut))
        begin = cut
    pieces.append((begin, end))
    return pieces


def _segment(text: str, begin: int, end: int, offsets: list[int] | None, first_number: int, index: int,
             is_title: bool) -> Segment:
    """The sentence `text`, found at [begin, end) of its paragraph, whose lines start at `offsets`
    (None: a paragraph of one line, as most are)."""
    if offsets is None:
        return Segment(text, first_number, (0,), index, is_title)
    first = bisect_right(offsets, begin) - 1  # the last line starting at or before `begin`
    line_starts = (0, *(offset - begin for offset in offsets[first + 1:] if offset < end))
    return Segment(text, first_number + first, line_starts, index, is_title)

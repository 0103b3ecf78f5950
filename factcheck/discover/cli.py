"""The `discover` subcommand's work behind its parser (cli.py keeps only the parser)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

EXIT_OK, EXIT_ERROR = 0, 2


def discover_command(args: argparse.Namespace, version: str) -> int:
    from factcheck.cache import default_folder
    from factcheck.discover.render import render, to_dict
    from factcheck.discover.run import DiscoverOptions, run
    from factcheck.files import inside_a_folder

    try:
        ZoneInfo(args.timezone)
    except (KeyError, ValueError):
        return _fail(f"--timezone: unknown time zone {args.timezone!r}")
    if args.no_cache and args.cache_dir:
        return _fail("--cache-dir and --no-cache contradict each other")
    cache_folder = "" if args.no_cache else (args.cache_dir or str(default_folder()))
    if cache_folder and inside_a_folder(cache_folder, args.paths):
        return _fail(f"cache folder {cache_folder!r} is inside a folder discover reads; use --cache-dir elsewhere "
                     "or --no-cache")
    for option, target in (("--output", args.output), ("--write-rules", args.write_rules)):
        if target and inside_a_folder(target, args.paths):
            return _fail(f"{option}: {target!r} is inside a folder discover reads; write it elsewhere")
    if args.output and not Path(args.output).resolve().parent.is_dir():
        return _fail(f"--output: folder {str(Path(args.output).parent)!r} does not exist")
    entities: tuple = ()
    if args.entities:
        entities_or_error = _entities(args.entities)
        if isinstance(entities_or_error, str):
            print(entities_or_error, file=sys.stderr)
            return EXIT_ERROR
        entities = entities_or_error
    options = DiscoverOptions(timezone=args.timezone, jobs=args.jobs if args.jobs is not None else 0,
                              entities=entities, stories_only=args.stories, cache_folder=cache_folder)
    result = run(args.paths, options)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    shown = [c for c in result.candidates if c.sources >= args.min_sources]
    if args.top is not None:
        shown = shown[:args.top]
    data = to_dict(result, version, shown)
    if args.write_rules and not args.stories:
        from factcheck.discover.draft_rules import write_rules

        accepted = [c for c in data["candidates"] if not args.accept or c["id"] in args.accept]
        unknown = sorted(set(args.accept or ()) - {c["id"] for c in data["candidates"]})
        if unknown:
            return _fail(f"--accept: no candidate shown has the id {', '.join(unknown)}")
        written = write_rules(Path(args.write_rules), accepted, data["entities"], _published(data))
        print(f"factcheck discover: wrote {written} rule files to {args.write_rules}", file=sys.stderr)
    text = render(args.format, data, stories_only=args.stories)
    if args.output:
        from factcheck.files import write_atomically

        write_atomically(Path(args.output), [text])
    else:
        sys.stdout.write(text)
    return EXIT_ERROR if any(d.level == "error" for d in result.diagnostics) else EXIT_OK


def _published(data: dict) -> dict[str, str]:
    """Each article's publish time as rule examples write it: Asia/Shanghai wall time, or, for an article
    on another clock, its own time with its offset, so the example counts its relative days (yesterday,
    on Monday) from the day the article does, not from the Beijing day."""
    return {a["path"]: example_time(datetime.fromisoformat(a["published"]))
            for story in data["stories"] for a in story["articles"] if a["published"]}


def example_time(published: datetime) -> str:
    """A publish time as a rule example's `published:` writes it (no offset means Asia/Shanghai)."""
    if published.utcoffset() == published.astimezone(ZoneInfo("Asia/Shanghai")).utcoffset():
        return published.strftime("%Y-%m-%d %H:%M:%S")
    return published.isoformat()


def _entities(path: str):  # -> tuple[Entity, ...] | str
    """The entities of one `kind: entities` file, or the one-line error."""
    from factcheck.rules import NO_RULES, load_rules

    if not Path(path).is_file():
        return f"{path}: error: no such entities file"
    rule_set = load_rules([path])
    problems = [d for d in rule_set.diagnostics if d.message != NO_RULES]  # entities only: expected
    if problems:
        return "\n".join(str(d) for d in problems)
    if not rule_set.entities:
        return f"{path}: error: declares no entities (expected `kind: entities`)"
    return rule_set.entities


def _fail(message: str) -> int:
    print(f"factcheck discover: error: {message}", file=sys.stderr)
    return EXIT_ERROR

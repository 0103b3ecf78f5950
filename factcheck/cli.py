"""The `factcheck` command: parse arguments, run the pipeline, print a report.

Imports of the pipeline are deferred into the run functions, so
`factcheck --help` and `--version` load nothing but argparse. Exit codes:
0 no finding at or above --fail-on, 1 findings, 2 usage, rule or input
errors; 130/143 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import __version__
from factcheck.report import FORMATS  # a dict of module names: importing it loads no renderer

if TYPE_CHECKING:
    from factcheck.config import Config
    from factcheck.pipeline import Options
    from factcheck.records import CheckResult, Diagnostic, Entity
    from factcheck.rules import RuleSet

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
LEVEL_CHOICES = ("error", "warning", "info")


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors on one line (exit code 2) like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factcheck",
        description="Check where news articles disagree about the same facts.",
        epilog="Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, rule or input error. "
               "Subcommands: `factcheck rules [check]` lists the rules or runs their examples; "
               "`factcheck config` prints the effective configuration; `factcheck outlets` prints the shipped "
               "outlets file to start an --outlets file from; `factcheck normalize TEXT` shows how "
               "a sentence's numbers, dates and names are read; `factcheck discover DIR` lists the facts "
               "outlets disagree on, before any rule (docs/discover.md); `factcheck extract` and `factcheck compare` "
               "split a run into shards (docs/scaling.md).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files or folders (.md, .markdown, .txt; folders are walked recursively; - reads one article from standard input)")
    parser.add_argument("--rules", action="append", metavar="PATH",
                        help="rule file or folder (repeatable; default: the configuration's, else ./rules)")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("--quiet", "-q", action="store_true", help="on stderr only errors: no warnings, "
                           "no progress, no closing summary")
    verbosity.add_argument("--verbose", "-v", action="store_true", help="also say what was read and how long "
                           "it took")
    parser.add_argument("--lang", choices=("en", "zh"), help="language of the text, Markdown and HTML reports "
                        "(default: from the locale, LC_ALL/LC_MESSAGES/LANG zh_* → zh, else en)")
    parser.add_argument("--summary", action="store_true", help="with --format markdown: the short form for a "
                        "pull-request comment (top findings and counts, under GitHub's 65,536-character limit)")
    parser.add_argument("--fail-on", choices=(*LEVEL_CHOICES, "never"),
                        help="lowest finding level that makes the exit code 1 (default: error)")
    parser.add_argument("--min-level", choices=LEVEL_CHOICES, help="hide findings below this level (default: info)")
    parser.add_argument("--against", action="append", metavar="PATH",
                        help="check PATHs as drafts against this published corpus: report only findings "
                             "a draft takes part in (repeatable)")
    parser.add_argument("--pre-commit", action="store_true",
                        help="the PATHs are files pre-commit passes: check those that are articles (see "
                             "`articles:`) as drafts against the configuration's `corpus:`")
    parser.add_argument("--baseline", metavar="FILE", help="accept the findings recorded in FILE")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    parser.add_argument("--ignore", action="append", metavar="GLOB",
                        help="leave out articles whose path matches (gitignore patterns, added to the configuration's)")
    parser.add_argument("--timezone", metavar="ZONE",
                        help="time zone of publish times that name none (default: Asia/Shanghai)")
    parser.add_argument("--outlets", metavar="FILE", help="byline patterns that name outlets (see docs/outlets.md)")
    parser.add_argument("--max-file-size", type=_whole, metavar="MB",
                        help="refuse articles larger than this (default: 10)")
    parser.add_argument("--jobs", "-j", type=_whole, metavar="N",
                        help="worker processes for reading articles (default: one per core; 1: none)")
    parser.add_argument("--cache-dir", metavar="DIR", help="where per-article claims are cached "
                        "(default: $XDG_CACHE_HOME/factcheck or ~/.cache/factcheck)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="where extraction and comparison run: this machine's processes (default), or a Dask "
                             "cluster (needs factcheck[dask]; see docs/scaling.md)")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="with --engine dask: the running cluster to use (default: a local cluster of "
                             "--jobs worker processes)")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest "
                        ".factcheck.yaml or pyproject.toml [tool.factcheck] at or above the working folder)")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    color = parser.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="always colour the text report")
    color.add_argument("--no-color", dest="color", action="store_false", help="never colour (NO_COLOR is honoured too)")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return parser


def _shown(result: CheckResult, verbose: bool) -> CheckResult:
    """The result as reported: a `left-out` note (a value a rule's cue reached that a key of the rule
    left out, kinds/left_out.py) is counted in the summary always, listed only with --verbose."""
    from dataclasses import replace

    from factcheck.kinds.left_out import LEFT_OUT
    from factcheck.notes import Notes

    if verbose:
        return result
    notes = result.diagnostics
    shown = (notes.without(LEFT_OUT) if isinstance(notes, Notes)
             else tuple(d for d in notes if d.code != LEFT_OUT))
    return replace(result, diagnostics=shown)


def _print_notes(notes: Collection[Diagnostic], verbose: bool, quiet: bool = False, stdin_copy: str = "") -> None:
    """A run's problems on stderr, one line each (-q: errors only). Values no subject was named for
    (`unattributed`: a market wrap's tables of undeclared stocks give dozens) are one line, counted by
    rule, as a linter sums up its notes; --verbose lists each (round 32: 46 such lines buried the rest)."""
    from collections import Counter

    from factcheck.records import UNATTRIBUTED

    unattributed: Counter[str] = Counter()
    for note in notes:
        if note.level != "error" and quiet:
            continue
        if note.code == UNATTRIBUTED and not verbose:
            unattributed[note.rule] += 1
            continue
        _err(str(note).replace(stdin_copy, "-") if stdin_copy else note)
    if unattributed:
        total = sum(unattributed.values())
        by_rule = ", ".join(f"{rule}: {n}" for rule, n in sorted(unattributed.items()))
        _err(f"factcheck: info: {total} {'value' if total == 1 else 'values'} a rule pointed at named no subject "
             f"or no list position, not checked ({by_rule}); --verbose lists each (unattributed)")


def _whole(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return int(text)


def build_rules_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factcheck rules",
        description="List the rules (default), or check them: validate every file and run its examples.",
        epilog="Exit codes: 0 all good; 1 an example does not hold; 2 a rule file is broken.",
    )
    parser.add_argument("action", nargs="?", choices=("list", "check"), default="list")
    # `factcheck rules check DIR`, as ruff and yamllint take their paths: the same as --rules DIR
    parser.add_argument("paths", nargs="*", metavar="PATH", help="rule files or folders (the same as --rules PATH)")
    parser.add_argument("--rules", action="append", metavar="PATH", help="rule file or folder (default: ./rules)")
    _config_options(parser)
    return parser


def build_config_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck config",
                                     description="Print the effective configuration and where it comes from.")
    _config_options(parser)
    return parser


def build_outlets_parser() -> argparse.ArgumentParser:
    return _Parser(prog="factcheck outlets",
                   description="Print the shipped outlets file (bylines, aggregators, aliases, locales): a start "
                               "for a file of your own given with --outlets, which replaces it whole.")


def run_outlets(args: argparse.Namespace) -> int:
    """Print factcheck/data/outlets.yaml, as `ruff --show-settings` prints its defaults: `--outlets FILE`
    replaces the shipped file, so a user adding one byline starts from a copy of it."""
    from importlib import resources

    sys.stdout.write(resources.files("factcheck.data").joinpath("outlets.yaml").read_text(encoding="utf-8"))
    return 0


class _TextParser(_Parser):
    """A parser whose positional TEXT may start with a minus sign: `-10.1万` is text, not an option."""

    def _parse_optional(self, arg_string: str) -> Any:  # argparse's private result changed shape in 3.12
        if arg_string[:1] == "-" and arg_string[1:2] and not (arg_string[1].isascii() and
                                                                 (arg_string[1].isalpha() or arg_string[1] == "-")):
            return None  # -10.1万, -3.5%, −5: a signed number
        return super()._parse_optional(arg_string)


def build_normalize_parser() -> argparse.ArgumentParser:
    parser = _TextParser(
        prog="factcheck normalize",
        description="Show what each span of TEXT normalizes to: for rule writers debugging a pattern.",
        epilog="TEXT may start with a minus sign (factcheck normalize -10.1万); `--` ends the options too. "
               "Each value says which convention read it where readings differ (see docs/normalize.md).")
    parser.add_argument("text", metavar="TEXT", nargs="?", help="a sentence, e.g. '阿里巴巴港股收涨2.55%%'")
    parser.add_argument("--stdin", action="store_true",
                        help="read one text per line from standard input and write one JSON object per line")
    parser.add_argument("--anchor", metavar="DATETIME", help="the publish time relative dates resolve against "
                        "(default: now), e.g. '2025-02-13 23:39'")
    parser.add_argument("--kind", choices=("all", "quantity", "date", "entity", "number", "count", "duration"),
                        default="all", help="what to look for (number: read all of TEXT as one number)")
    parser.add_argument("--rules", action="append", metavar="PATH", help="where entities are declared (default: ./rules)")
    parser.add_argument("--locale", metavar="LOCALE", default="",
                        help="read TEXT as an article of this locale does, as its front matter's `lang:` says "
                             "(zh-HK: a bare 元 is HKD; zh-TW: TWD)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def build_discover_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck discover",
                     description="Without rules: find the values several sources state about the same thing, "
                                 "and where they disagree (see docs/discover.md).",
                     epilog="Exit codes: 0 done (disagreements are candidates, not errors); 2 usage or input error.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--stories", action="store_true", help="show how the articles group into stories, and stop")
    parser.add_argument("--entities", metavar="FILE", help="a `kind: entities` rule file: its names are the subjects "
                        "(default: names found in the articles)")
    parser.add_argument("--top", type=_whole, metavar="N", help="show the N best candidates (default: all)")
    parser.add_argument("--min-sources", type=_whole, default=2, metavar="N",
                        help="only candidates at least N articles state (default: 2)")
    parser.add_argument("--write-rules", metavar="OUTDIR", help="draft one rule file per candidate shown "
                        "(or per --accept id) into OUTDIR, with an entities file")
    parser.add_argument("--accept", action="append", metavar="ID", help="with --write-rules: only this candidate "
                        "(repeatable)")
    parser.add_argument("--format", choices=("text", "json", "html"), default="text")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--timezone", metavar="ZONE", default="Asia/Shanghai",
                        help="time zone of publish times that name none (default: Asia/Shanghai)")
    parser.add_argument("--jobs", "-j", type=_whole, metavar="N",
                        help="worker processes for reading articles (default: one per core; 1: none)")
    parser.add_argument("--cache-dir", metavar="DIR", help="where articles read and stories aligned are cached, "
                        "beside a check's claims (default: $XDG_CACHE_HOME/factcheck or ~/.cache/factcheck)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    return parser


def build_extract_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck extract",
                     description="Extract the claims of one shard of the articles into a claims file, for "
                                 "`factcheck compare` (see docs/scaling.md).",
                     epilog="Exit codes: 0 written; 2 usage, rule or input error (the file is still written "
                            "when articles could not be read: compare reports them).")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--output", "-o", metavar="FILE", required=True, help="the claims file to write (JSON Lines)")
    parser.add_argument("--shard", default="1/1", metavar="I/N",
                        help="extract only shard I of N (files go to shards by a hash of their path; default: 1/1)")
    parser.add_argument("--rules", action="append", metavar="PATH", help="rule file or folder (default: ./rules)")
    _extraction_options(parser, ("leave out articles whose path matches", "time zone of publish times that name none",
                                 "byline patterns that name outlets", "refuse articles larger than this"))
    parser.add_argument("--jobs", "-j", type=_whole, metavar="N", help="worker processes (default: one per core)")
    parser.add_argument("--cache-dir", metavar="DIR", help="where per-article claims are cached")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    _config_options(parser)
    return parser


def build_compare_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck compare",
                     description="Compare the claims of every shard's claims file and write the report "
                                 "`factcheck PATH` would write.",
                     epilog="Exit codes: as `factcheck PATH`; 2 also when the claims files do not fit "
                            "(another rule set or version, a shard missing).")
    parser.add_argument("claims", nargs="+", metavar="CLAIMS", help="claims files written by `factcheck extract`")
    parser.add_argument("--rules", action="append", metavar="PATH", help="the rules the claims were extracted with")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    parser.add_argument("--lang", choices=("en", "zh"), help="language of the text, Markdown and HTML reports "
                        "(default: from the locale)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--fail-on", choices=(*LEVEL_CHOICES, "never"),
                        help="lowest finding level that makes the exit code 1 (default: error)")
    parser.add_argument("--min-level", choices=LEVEL_CHOICES, help="hide findings below this level")
    parser.add_argument("--baseline", metavar="FILE", help="accept the findings recorded in FILE")
    _extraction_options(parser, ("as given to extract",) * 4)  # the claims file records them: they must match
    color = parser.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="always colour the text report")
    color.add_argument("--no-color", dest="color", action="store_false", help="never colour")
    _config_options(parser)
    return parser


def _extraction_options(parser: argparse.ArgumentParser, helps: tuple[str, str, str, str]) -> None:
    """The options that change what extraction reads (extract sets them, compare checks them)."""
    ignore, timezone, outlets, size = helps
    parser.add_argument("--ignore", action="append", metavar="GLOB", help=ignore)
    parser.add_argument("--timezone", metavar="ZONE", help=timezone)
    parser.add_argument("--outlets", metavar="FILE", help=outlets)
    parser.add_argument("--max-file-size", type=_whole, metavar="MB", help=size)


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: found by walking up)")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")


def _terminated(signum: int, frame: object) -> None:
    raise _Terminated()


class _Terminated(BaseException):
    """SIGTERM: stop like Ctrl-C, leaving no partial report (exit 143).

    A BaseException, as KeyboardInterrupt is: a handler for a file's own errors (`except Exception`)
    must never take the signal for a bad file and go on."""


def main(argv: list[str] | None = None) -> int:
    import signal

    argv = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGTERM, _terminated)
    for stream in (sys.stdout, sys.stderr):  # a report for an ASCII or Latin-1 terminal: escapes, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        if argv[:1] == ["rules"]:  # a folder named rules is still reachable as rules/ or ./rules
            return run_rules(build_rules_parser().parse_args(argv[1:]))
        if argv[:1] == ["config"]:
            return run_config(build_config_parser().parse_args(argv[1:]))
        if argv[:1] == ["outlets"]:  # a folder named outlets is still reachable as outlets/ or ./outlets
            return run_outlets(build_outlets_parser().parse_args(argv[1:]))
        if argv[:1] == ["normalize"]:
            return run_normalize(build_normalize_parser().parse_args(argv[1:]))
        if argv[:1] == ["discover"]:
            return run_discover(build_discover_parser().parse_args(argv[1:]))
        if argv[:1] == ["extract"]:
            return run_extract(build_extract_parser().parse_args(argv[1:]))
        if argv[:1] == ["compare"]:
            return run_compare(build_compare_parser().parse_args(argv[1:]))
        return run_check(build_parser().parse_args(argv))
    except KeyboardInterrupt:
        _err("factcheck: interrupted")
        return 130
    except _Terminated:
        _err("factcheck: terminated")
        return 143
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as error:  # a bug: one line, and the traceback on request
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _err(f"factcheck: internal error: {type(error).__name__}: {error} "
             "(run again with FACTCHECK_DEBUG=1 for the traceback, and please report it)")
        return EXIT_ERROR


def _err(message: object) -> None:
    """One line on stderr. File names and file text in it have their control and bidi characters
    made visible: no newline from a file name starts a line of its own, nothing opens a workflow command."""
    from factcheck.report.common import visible

    print(visible(str(message)), file=sys.stderr)


def _fail(message: str) -> int:
    _err(f"factcheck: error: {message}")
    return EXIT_ERROR


class _Stop(Exception):
    """A one-line error that ends the run with exit code 2."""


def _config(args: argparse.Namespace):  # -> Config
    from factcheck.config import ConfigError, find_config, load_config

    if args.no_config and args.config:
        raise _Stop("factcheck: error: --config and --no-config contradict each other")
    path = None if args.no_config else Path(args.config) if args.config else find_config(Path.cwd())
    if args.config and not Path(args.config).is_file():
        raise _Stop(f"{args.config}: error: no such configuration file")
    try:
        return load_config(path)
    except ConfigError as error:
        raise _Stop(f"{error}") from None


def _rule_set(args: argparse.Namespace, config):  # -> RuleSet
    from factcheck.gate import select_rules
    from factcheck.rules import load_rules

    paths = args.rules or list(config.rules)
    if not args.rules and not config.source and not Path("rules").is_dir():
        raise _Stop("factcheck: error: no rules: pass --rules PATH, or run where a rules/ folder is")
    return select_rules(load_rules(paths), config)


def run_config(args: argparse.Namespace) -> int:
    import yaml

    try:
        config = _config(args)
    except _Stop as stop:
        _err(stop)
        return EXIT_ERROR
    data = config.as_dict()
    source = data.pop("source") or "(defaults: no .factcheck.yaml or [tool.factcheck] found)"
    print(f"# from {source}")
    print(yaml.safe_dump(data, allow_unicode=True, sort_keys=True, default_flow_style=False), end="")
    return EXIT_OK


def run_normalize(args: argparse.Namespace) -> int:
    import json
    from datetime import datetime

    from factcheck.normalize.spans import normalize_text

    if (args.text is None) == (not args.stdin):
        return _fail("give TEXT or --stdin (one text per line), not both")
    from factcheck.kinds.currency import LOCALE_CURRENCY, locale_currency

    if args.locale and not locale_currency(args.locale):
        known = [_as_written(k) for k, v in sorted(LOCALE_CURRENCY.items()) if v and "hant" not in k]
        return _fail(f"--locale: {args.locale!r} names no currency of a bare 元; use one of {', '.join(known)}")
    try:
        anchor = datetime.fromisoformat(args.anchor) if args.anchor else datetime.now()
    except ValueError:
        return _fail(f"--anchor: {args.anchor!r} is not a date and time (e.g. 2025-02-13 23:39)")
    entities: tuple[Entity, ...] = ()
    units: tuple[str, ...] = ()
    durations = False  # the kind-side readings are shown for the kinds the loaded rules use
    loaded = 0  # rules read: a folder of number rules loads rules that give normalize nothing to read
    if args.kind in ("all", "entity"):
        from factcheck.rules import NO_RULES, load_rules, rule_files

        # the default ./rules left empty is no error of a command whose rules are optional: it is not read
        paths = args.rules or (["rules"] if Path("rules").is_dir() and rule_files(["rules"])[0] else [])
        if paths:
            rule_set = load_rules(paths)
            for diagnostic in rule_set.diagnostics:
                if not (diagnostic.message == NO_RULES and rule_set.entities):  # an entities file first: expected
                    _err(diagnostic)
            entities = rule_set.entities
            units = tuple(sorted({u for rule in rule_set.rules for u in getattr(rule, "units", ())}))
            durations = any(rule.kind == "duration" for rule in rule_set.rules)
            loaded = len(rule_set.rules)
    if args.stdin:  # a suite of thousands of cases in one process: JSON Lines out
        for line in sys.stdin:
            text = line.rstrip("\r\n")
            spans = normalize_text(text, anchor.date(), args.kind, entities, args.locale)
            print(json.dumps({"text": text, "spans": spans}, ensure_ascii=False, sort_keys=True))
        return EXIT_OK
    if args.kind == "all" and not units and not entities and args.format == "text":
        # a count rule's own units (吉瓦, 千兆瓦) and the rules' names are read only with the rules loaded
        _err(f"rules: {loaded} loaded, with no count units and no entities (all normalize reads from rules)"
             if loaded else "rules: none loaded; pass --rules PATH to see the units your count rules declare "
             "(1吉瓦, 1千兆瓦) and your entities' names")
    spans = normalize_text(args.text, anchor.date(), args.kind, entities, args.locale)
    if args.kind == "all":  # durations, counts in the count rules' units, and every other count: one line a figure
        from factcheck.discover.values import plain_values
        from factcheck.kinds.forms import kind_spans
        from factcheck.normalize.spans import one_reading_per_figure

        plain = [{"start": start, "end": end, "kind": "number" if family == "number" else "count",
                  "text": args.text[start:end], "value": value.to_dict(),
                  "convention": "a number with no unit: a count rule with `bare: true` reads it in its unit" if family == "number"
                  else _count_convention(family.removeprefix("count:"))}
                 for start, end, family, value in plain_values(args.text, anchor.date())]
        spans = one_reading_per_figure(spans, kind_spans(args.text, units, durations), plain)
    if args.format == "json":
        print(json.dumps(spans, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        if not args.anchor and any(span["kind"] == "date" for span in spans):
            # 上年 is the year before this one, not before the article's: a date read depends on the clock, so
            # the anchor heads the result on stdout (on stderr it landed among other calls' results when chained)
            print(f"anchor: {anchor:%Y-%m-%d %H:%M} (now; pass --anchor with the article's publish time)")
        for span in spans:
            detail = "  ".join(f"{k}={v}" for k, v in span["value"].items()
                               if k not in ("display", "raw", "type") and v not in ("", None) and v is not False)
            print(f"{span['start']:>3}-{span['end']:<3} {span['kind']:8} {span['text']}  →  "
                  f"{span['value']['display']}  {detail}".rstrip())
            if span.get("convention"):
                print(f"{'':8} convention: {span['convention']}")
            if span.get("count"):
                print(f"{'':8} a count rule in {span['count']['unit']} reads {span['count']['display']}")
        if not spans:
            print("nothing found")
    return EXIT_OK


def _count_convention(unit: str) -> str:
    """What `normalize` says of a number before a measure word: a unit of time (26分钟) is a length, which a
    `duration` rule reads (and compares across units: 1小时26分钟 is 86分钟), a count rule only in its units."""
    from factcheck.kinds.duration import DAYS

    if unit in DAYS:
        return (f"a length of time: a `duration` rule reads it (in any unit of time); a count rule only when its "
                f"units hold {unit}")
    return f"a number before a measure word: a count rule reads it when its units hold {unit}"


def _as_written(locale: str) -> str:
    """A locale key (zh-hk, zh-hans) as docs and front matter write it: zh-HK, zh-Hans."""
    first, *rest = locale.split("-")
    return "-".join([first, *(part.upper() if len(part) == 2 else part.title() for part in rest)])


def run_rules(args: argparse.Namespace) -> int:
    from factcheck.report.common import visible
    from factcheck.rule_examples import check_examples, read_by_two

    if args.paths:  # positional paths join --rules PATH, in the order given
        args.rules = [*(args.rules or []), *args.paths]
    try:
        rule_set = _rule_set(args, _config(args))
    except _Stop as stop:
        _err(stop)
        return EXIT_ERROR
    for diagnostic in (*rule_set.diagnostics, *rule_set.warnings):  # a warning never changes the exit code
        _err(diagnostic)
    if args.action == "list":
        width = max((len(rule.id) for rule in rule_set.rules), default=0)
        for rule in sorted(rule_set.rules, key=lambda r: r.id):
            print(visible(f"{rule.id:{width}}  {rule.kind:6}  {rule.level:7}  {rule.description}"))
        return EXIT_ERROR if rule_set.diagnostics else EXIT_OK
    problems = check_examples(rule_set)
    for problem in problems:
        _err(problem)
    for warning in read_by_two(rule_set):  # a warning, as the rule files' own: it never changes the exit code
        _err(warning)
    examples = sum(len(rule.examples) for rule in rule_set.rules)
    broken = len(rule_set.diagnostics)  # on stderr, above: the summary says so, whatever order a terminal shows
    sys.stderr.flush()
    print(f"{len(rule_set.rules)} rules, {examples} examples, {len(problems)} failing"
          + (f", {broken} {'error' if broken == 1 else 'errors'} in the rule files (on stderr)" if broken else ""),
          flush=True)
    if rule_set.diagnostics:
        return EXIT_ERROR
    return EXIT_FINDINGS if problems else EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    try:
        return _check(args)
    except _Stop as stop:
        _err(stop)
        return EXIT_ERROR


def _check(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from factcheck.engines import EngineError
    from factcheck.files import OutputError, write_atomically
    from factcheck.gate import gating, write_baseline
    from factcheck.pipeline import check
    from factcheck.records import LEVEL_RANK
    from factcheck.report.serialize import to_dict

    if args.summary and args.format != "markdown":
        raise _Stop("factcheck: error: --summary is a form of --format markdown")
    config, options, rule_set = _settings(args)
    if args.pre_commit and not args.paths:
        return EXIT_OK  # no article among the files pre-commit passed
    started = time.monotonic()
    stdin_copy = _stdin_article(args.paths, options.max_file_size) if "-" in args.paths else ""
    paths = [stdin_copy if given == "-" else given for given in args.paths]
    if args.scheduler and args.engine != "dask":
        raise _Stop("factcheck: error: --scheduler needs --engine dask")
    options = replace(options, engine=args.engine, scheduler=args.scheduler or "")
    with _progress(args) as progress:
        try:
            result = check(paths, rule_set, options, progress=progress)
        except EngineError as error:
            raise _Stop(f"factcheck: error: {error}") from None
    result = _shown(result, args.verbose)
    _print_notes(result.diagnostics, args.verbose, args.quiet, stdin_copy)
    if args.verbose:
        _err(f"factcheck: read {result.summary.articles} articles and {len(rule_set.rules)} rules, "
             f"found {result.summary.claims} claims and {len(result.findings)} findings in "
             f"{time.monotonic() - started:.1f} s")
    errors = any(d.level == "error" for d in result.diagnostics)
    if args.write_baseline:
        if errors:  # a baseline from a partial run would accept less than is there, silently
            raise _Stop(f"factcheck: error: {args.write_baseline} not written: the run had errors (above)")
        try:
            count = write_baseline(Path(args.write_baseline), list(result.findings))
        except OutputError as error:
            raise _Stop(f"factcheck: error: --write-baseline: {error}") from None
        _err(f"factcheck: wrote {count} findings to {args.write_baseline}")
        return EXIT_OK

    from factcheck.report import FOR_PEOPLE, stream, streams

    data = to_dict(result, __version__, streamed=streams(args.format) and not stdin_copy,
                   pairs=args.format in FOR_PEOPLE)
    if stdin_copy:
        data = _renamed(data, stdin_copy, "-")
    from factcheck.report.messages import default_lang

    pieces = stream(args.format, data, color=_use_color(args) and args.format == "text",
                    lang=args.lang or default_lang(), summary=args.summary)
    if not result.summary.articles and args.format == "text":
        pieces = []  # nothing was read: the errors on stderr are the whole story
    if args.output:
        failed = _failed(result, rule_set, [*paths, *options.against])
        if failed:  # the report would not be the one asked for: the last good one stays
            raise _Stop(f"factcheck: error: {args.output} not written: {failed}")
        try:
            write_atomically(Path(args.output), pieces)
        except OutputError as error:
            raise _Stop(f"factcheck: error: --output: {error}") from None
        if not args.quiet:  # the report is in the file: say where, and what it holds
            from factcheck.report.text import summary_lines

            _err(f"factcheck: wrote the {args.format} report to {args.output}")
            for line in summary_lines(data["summary"], args.lang or default_lang()):
                _err(line)
    else:
        sys.stdout.writelines(pieces)

    if errors:
        closing = _broken_rules_line(rule_set.diagnostics)
        if closing and rule_set.rules and result.summary.articles:  # a report was made: a broken file must not hide above it
            sys.stdout.flush()  # the closing line comes last, after the report, as yamllint's and ruff's do
            _err(closing)
        return EXIT_ERROR
    if config.fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if any(LEVEL_RANK[f.level] >= LEVEL_RANK[config.fail_on] and gating(f)
                                for f in result.findings) else EXIT_OK


def _broken_rules_line(rule_errors: Collection[Diagnostic]) -> str:
    """The last line of a run some rule files of which are broken, so their one stderr line among
    many is not missed: `factcheck: 1 rule file has errors, see above (its rules were not run)`."""
    files = len({d.path for d in rule_errors if d.level == "error"})
    if files == 1:
        return "factcheck: 1 rule file has errors, see above (its rules were not run)"
    return f"factcheck: {files} rule files have errors, see above (their rules were not run)" if files else ""


def _stdin_article(paths: list[str], limit: int) -> str:
    """`-` is one article read from standard input (for editors' tools): its bytes are kept in a private
    temporary file named by their hash (the same text hits the cache), and shown as `-` everywhere."""
    import hashlib
    import tempfile

    if paths.count("-") > 1:
        raise _Stop("factcheck: error: '-' (standard input) can be given once")
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise _Stop(f"-: error: standard input is over the {limit / 1048576:g} MB limit (--max-file-size)")
    folder = Path(tempfile.gettempdir()) / f"factcheck-stdin-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{hashlib.sha256(data).hexdigest()[:32]}.md"
    fd, partial = tempfile.mkstemp(dir=folder, suffix=".part")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(partial, target)
    return str(target)


def _renamed(node: Any, old: str, new: str) -> Any:
    """The serialization with the temporary copy's path shown as `new` (in paths and in messages)."""
    if isinstance(node, str):
        return node.replace(old, new)
    if isinstance(node, list):
        return [_renamed(item, old, new) for item in node]
    if isinstance(node, dict):
        return {key: _renamed(value, old, new) for key, value in node.items()}
    return node


@contextmanager
def _progress(args: argparse.Namespace) -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar on stderr while files are read, only when stderr is a terminal (never with -q).

    tqdm is imported only then: a run in CI or a pipe never loads it."""
    if args.quiet or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield None
        return
    from tqdm import tqdm  # type: ignore[import-untyped]

    bars: list[Any] = []  # made at the first file, when the number of files is known

    def update(done: int, total: int, claims: int) -> None:
        if not bars:
            bars.append(tqdm(total=total, unit="file", desc="reading", file=sys.stderr, leave=False,
                             mininterval=0.2, dynamic_ncols=True, postfix=f"{claims} claims"))
        bars[0].set_postfix_str(f"{claims} claims", refresh=False)
        bars[0].update(done - bars[0].n)

    try:
        yield update
    finally:
        for bar in bars:
            bar.close()


def _settings(args: argparse.Namespace) -> tuple[Config, Options, RuleSet]:
    """Resolve, validate and read every input but the articles: configuration over
    defaults, flags over configuration (config.with_flags), then the files they name."""
    from factcheck.config import ConfigError, ignore_patterns, with_flags
    from factcheck.gate import BaselineError, read_baseline
    from factcheck.outlets import OutletConfigError, load_outlet_config
    from factcheck.pipeline import Options

    if args.baseline and args.write_baseline:
        raise _Stop("factcheck: error: --baseline and --write-baseline contradict each other")
    if args.no_cache and args.cache_dir:
        raise _Stop("factcheck: error: --cache-dir and --no-cache contradict each other")
    if args.pre_commit and args.against:
        raise _Stop("factcheck: error: --pre-commit takes the corpus from the configuration's corpus:, "
                    "not from --against")
    try:
        config = with_flags(_config(args), {
            "rules": args.rules, "ignore": args.ignore, "baseline": args.baseline, "timezone": args.timezone,
            "fail_on": args.fail_on, "min_level": args.min_level, "outlets": args.outlets, "jobs": args.jobs,
            "cache_dir": args.cache_dir, "max_file_size": args.max_file_size})
        ignore = ignore_patterns(config)
    except ConfigError as error:
        raise _Stop(str(error)) from None
    against = list(args.against or [])
    if args.pre_commit:
        args.paths, against = _pre_commit_articles(args.paths, config), list(config.corpus)
    articles = [*args.paths, *against]
    baseline_path = "" if args.write_baseline else config.baseline
    read = _Inputs(folders=[*articles, *config.rules],
                   files={"one of the articles being checked": articles, "a rule file": list(config.rules),
                          "the baseline being read": [baseline_path], "the outlets file": [config.outlets],
                          "the configuration file": [config.source]})
    for option, target in (("--output", args.output), ("--write-baseline", args.write_baseline)):
        problem = read.problem_with(target) if target else ""
        if problem:
            raise _Stop(f"factcheck: error: {option}: {problem}")
    cache_folder = "" if args.no_cache else (config.cache_dir or str(_default_cache()))
    from factcheck.files import inside_a_folder

    if cache_folder and inside_a_folder(cache_folder, articles):
        raise _Stop(f"factcheck: error: cache folder {cache_folder!r} is inside a folder factcheck reads; "
                    "use --cache-dir elsewhere or --no-cache")
    try:
        outlets = load_outlet_config(config.outlets) if config.outlets else None
    except OutletConfigError as error:
        raise _Stop(str(error)) from None
    baseline = None
    if baseline_path and not args.baseline and not Path(baseline_path).exists():
        _err(f"{config.source}:{config.line('baseline')}: warning: baseline {baseline_path!r} does not exist "
             "yet; every finding counts (create it with --write-baseline)")
        baseline_path = ""
    if baseline_path:
        try:
            baseline = read_baseline(Path(baseline_path))
        except BaselineError as error:
            raise _Stop(str(error)) from None

    rule_set = _rule_set(args, config)
    options = Options(timezone=config.timezone, outlets=outlets, against=tuple(against),
                      ignore=ignore, baseline=baseline, baseline_path=baseline_path, min_level=config.min_level,
                      jobs=config.jobs, cache_folder=cache_folder, max_file_size=config.max_file_size * 1024 * 1024)
    return config, options, rule_set


def _pre_commit_articles(paths: list[str], config: Config) -> list[str]:
    """The files pre-commit passed that are articles: matching the configuration's
    `articles` patterns (default: *.md, *.markdown, *.txt inside the corpus folders),
    never a rule file, never anything without an article's suffix."""
    from factcheck.files import is_within
    from factcheck.load import ARTICLE_SUFFIXES

    if not config.corpus:
        raise _Stop(f"factcheck: error: --pre-commit needs corpus: in {config.source or '.factcheck.yaml'} "
                    "(the folders of published articles the staged ones are checked against)")
    import pathspec

    root = Path(config.root or ".").resolve()
    spec = pathspec.GitIgnoreSpec.from_lines(config.articles) if config.articles else None
    kept = []
    for path in paths:
        if not path.lower().endswith(ARTICLE_SUFFIXES) or not os.path.isfile(path) or os.path.islink(path):
            continue
        if any(is_within(path, rules) for rules in config.rules):
            continue
        if spec is None:  # the default: an article's suffix (checked above) inside a corpus folder
            if any(is_within(path, folder) for folder in config.corpus):
                kept.append(path)
            continue
        relative = os.path.relpath(os.path.abspath(path), root)
        if not relative.startswith("..") and spec.match_file(relative):
            kept.append(path)
    return kept


def _failed(result, rule_set, given: list[str]) -> str:  # (CheckResult, RuleSet) -> reason or ""
    """Why the run did not do what was asked (a path missing, a rule file broken, nothing read).

    One unreadable article does not fail the run: its line is in the report
    beside the others'."""
    if any(d.level == "error" for d in rule_set.diagnostics):
        return "a rule file is broken (above)"
    if any(d.level == "error" and d.path in given and d.line == 0 for d in result.diagnostics):
        return "a path given could not be read (above)"
    if not result.summary.articles:
        return "no article was read"
    return ""


class _Inputs:
    """What a run reads, so that no output can be written over it."""

    def __init__(self, folders: list[str], files: dict[str, list[str]]) -> None:
        self.folders = [f for f in folders if f and Path(f).is_dir()]
        self.files = {what: [p for p in paths if p] for what, paths in files.items()}

    def problem_with(self, output: str) -> str:
        from factcheck.files import is_within, same_file

        if not Path(output).resolve().parent.is_dir():
            return f"folder {str(Path(output).parent)!r} does not exist"
        for folder in self.folders:
            if is_within(output, folder):
                return f"{output!r} is inside {folder!r}, which factcheck reads; write it elsewhere"
        for what, paths in self.files.items():
            if any(same_file(output, path) for path in paths):
                return f"{output!r} is {what}; write it elsewhere"
        return ""


def _use_color(args: argparse.Namespace) -> bool:
    if args.color is not None:
        return args.color
    if os.environ.get("NO_COLOR") or args.output:
        return False
    return sys.stdout.isatty()


def _default_cache() -> Path:
    from factcheck.cache import default_folder

    return default_folder()


def run_discover(args: argparse.Namespace) -> int:
    """`factcheck discover`: candidates without rules; the work is in factcheck.discover."""
    from factcheck.discover.cli import discover_command

    return discover_command(args, __version__)


def _extraction_settings(args: argparse.Namespace, **flags: Any) -> tuple[Config, Options]:
    """The configuration with the flags put over it, and the options that change what is extracted:
    extract and compare resolve them alike (compare checks they are the ones the claims were made with)."""
    from factcheck.config import ConfigError, ignore_patterns, with_flags
    from factcheck.outlets import OutletConfigError, load_outlet_config
    from factcheck.pipeline import Options

    try:
        config = with_flags(_config(args), {"rules": args.rules, "ignore": args.ignore, "timezone": args.timezone,
                                            "outlets": args.outlets, "max_file_size": args.max_file_size, **flags})
        ignore = ignore_patterns(config)
        outlets = load_outlet_config(config.outlets) if config.outlets else None
    except ConfigError as error:
        raise _Stop(str(error)) from None
    except OutletConfigError as error:
        raise _Stop(str(error)) from None
    return config, Options(timezone=config.timezone, outlets=outlets, ignore=ignore,
                           max_file_size=config.max_file_size * 1024 * 1024)


def run_extract(args: argparse.Namespace) -> int:
    """`factcheck extract`: one shard's claims into a claims file (factcheck/claims_file.py)."""
    from dataclasses import replace

    from factcheck.claims_file import Shard, lines
    from factcheck.files import OutputError, write_atomically
    from factcheck.pipeline import extract_shard

    try:
        shard = Shard.parse(args.shard)
    except ValueError as error:
        return _fail(f"--shard: {error}")
    try:
        if args.no_cache and args.cache_dir:
            raise _Stop("factcheck: error: --cache-dir and --no-cache contradict each other")
        config, options = _extraction_settings(args, jobs=args.jobs, cache_dir=args.cache_dir)
        read = _Inputs(folders=[*args.paths, *config.rules],
                       files={"one of the articles being checked": args.paths, "a rule file": list(config.rules)})
        problem = read.problem_with(args.output)
        if problem:
            raise _Stop(f"factcheck: error: --output: {problem}")
        cache_folder = "" if args.no_cache else (config.cache_dir or str(_default_cache()))
        from factcheck.files import inside_a_folder

        if cache_folder and inside_a_folder(cache_folder, args.paths):
            raise _Stop(f"factcheck: error: cache folder {cache_folder!r} is inside a folder factcheck reads; "
                        "use --cache-dir elsewhere or --no-cache")
        options = replace(options, cache_folder=cache_folder, jobs=config.jobs)
        rule_set = _rule_set(args, config)
    except _Stop as stop:
        _err(stop)
        return EXIT_ERROR
    for diagnostic in rule_set.diagnostics:
        _err(diagnostic)
    header, problems, outcomes = extract_shard(args.paths, rule_set, options, shard)
    errors = [d for d in problems if d.level == "error"]
    try:
        write_atomically(Path(args.output), lines(header, problems, _noting(outcomes, errors)))
    except OutputError as error:
        return _fail(f"--output: {error}")
    for diagnostic in errors:
        _err(diagnostic)
    return EXIT_ERROR if errors or rule_set.diagnostics else EXIT_OK


def _noting(outcomes: Iterator[tuple[int, Any]], errors: list[Any]) -> Iterator[tuple[int, Any]]:
    """The (file index, outcome) pairs, collecting the files that could not be read into `errors`."""
    from factcheck.records import Diagnostic

    for index, outcome in outcomes:
        if isinstance(outcome, Diagnostic):
            errors.append(outcome)
        yield index, outcome


def run_compare(args: argparse.Namespace) -> int:
    """`factcheck compare`: every shard's claims → the report `factcheck PATH` writes."""
    from dataclasses import replace

    from factcheck.claims_file import ClaimsFileError, read
    from factcheck.files import OutputError, write_atomically
    from factcheck.gate import BaselineError, gating, read_baseline
    from factcheck.pipeline import claims_header, compare_all, gather
    from factcheck.records import LEVEL_RANK
    from factcheck.report import FOR_PEOPLE, stream, streams
    from factcheck.report.messages import default_lang
    from factcheck.report.serialize import to_dict

    try:
        config, options = _extraction_settings(args, baseline=args.baseline, fail_on=args.fail_on,
                                               min_level=args.min_level)
        inputs = _Inputs(folders=list(config.rules), files={"a claims file being read": args.claims,
                                                             "a rule file": list(config.rules)})
        problem = inputs.problem_with(args.output) if args.output else ""
        if problem:
            raise _Stop(f"factcheck: error: --output: {problem}")
        try:
            baseline = read_baseline(Path(config.baseline)) if config.baseline else None
        except BaselineError as error:
            raise _Stop(str(error)) from None
        options = replace(options, baseline=baseline, baseline_path=config.baseline, min_level=config.min_level)
        rule_set = _rule_set(args, config)
        if rule_set.diagnostics:  # claims are read back through their rules: the rules must load
            raise _Stop("\n".join(str(d) for d in rule_set.diagnostics))
        shards = read(args.claims, claims_header(rule_set, options), {r.id: r for r in rule_set.rules})
    except _Stop as stop:
        _err(stop)
        return EXIT_ERROR
    except ClaimsFileError as error:
        _err(error)
        return EXIT_ERROR
    verbose = getattr(args, "verbose", False)
    result = _shown(compare_all(gather(shards.outcomes, shards.problems, outlets=options.outlets), rule_set, options),
                    verbose)
    _print_notes(result.diagnostics, verbose)
    data = to_dict(result, __version__, streamed=streams(args.format), pairs=args.format in FOR_PEOPLE)
    pieces = stream(args.format, data, color=_use_color(args) and args.format == "text",
                    lang=args.lang or default_lang())
    if not result.summary.articles and args.format == "text":
        pieces = []
    if args.output:
        try:
            write_atomically(Path(args.output), pieces)
        except OutputError as error:
            return _fail(f"--output: {error}")
    else:
        sys.stdout.writelines(pieces)
    if any(d.level == "error" for d in result.diagnostics):
        return EXIT_ERROR
    if config.fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if any(LEVEL_RANK[f.level] >= LEVEL_RANK[config.fail_on] and gating(f)
                                for f in result.findings) else EXIT_OK

"""The `factcheck` command: parse arguments, run the pipeline, print a report.

Imports of the pipeline are deferred into `run_check`, so `factcheck --help`
and `--version` load nothing but argparse. Exit codes: 0 no finding at or
above --fail-on, 1 findings, 2 usage, rule or input errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from factcheck import __version__
from factcheck.report import FORMATS  # a dict of module names: importing it loads no renderer

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Check where news articles disagree about the same facts.",
        epilog="Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, rule or input error. "
               "`factcheck rules [check]` lists the rules or runs their examples.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files or folders (.md, .markdown, .txt; folders are walked recursively)")
    parser.add_argument("--rules", action="append", metavar="PATH",
                        help="rule file or folder (repeatable; default: ./rules)")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--fail-on", choices=FAIL_ON, default="error",
                        help="lowest finding level that makes the exit code 1 (default: error)")
    parser.add_argument("--timezone", default=None, metavar="ZONE",
                        help="time zone of publish times that name none (default: Asia/Shanghai)")
    parser.add_argument("--outlets", metavar="FILE", help="byline patterns that name outlets (see docs/outlets.md)")
    color = parser.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="always colour the text report")
    color.add_argument("--no-color", dest="color", action="store_false", help="never colour (NO_COLOR is honoured too)")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    return parser


def build_rules_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck rules",
        description="List the rules (default), or check them: validate every file and run its examples.",
        epilog="Exit codes: 0 all good; 1 an example does not hold; 2 a rule file is broken.",
    )
    parser.add_argument("action", nargs="?", choices=("list", "check"), default="list")
    parser.add_argument("--rules", action="append", metavar="PATH", help="rule file or folder (default: ./rules)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["rules"]:  # a folder named rules is still reachable as rules/ or ./rules
            return run_rules(build_rules_parser().parse_args(argv[1:]))
        return run_check(build_parser().parse_args(argv))
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


def run_rules(args: argparse.Namespace) -> int:
    from factcheck.rule_examples import check_examples
    from factcheck.rules import load_rules

    rule_set = load_rules(args.rules or ["rules"])
    for diagnostic in rule_set.diagnostics:
        print(diagnostic, file=sys.stderr)
    if args.action == "list":
        width = max((len(rule.id) for rule in rule_set.rules), default=0)
        for rule in rule_set.rules:
            print(f"{rule.id:{width}}  {rule.kind:6}  {rule.level:7}  {rule.description}")
        return EXIT_ERROR if rule_set.diagnostics else EXIT_OK
    problems = check_examples(rule_set)
    for problem in problems:
        print(problem, file=sys.stderr)
    examples = sum(len(rule.examples) for rule in rule_set.rules)
    print(f"{len(rule_set.rules)} rules, {examples} examples, {len(problems)} failing")
    if rule_set.diagnostics:
        return EXIT_ERROR
    return EXIT_FINDINGS if problems else EXIT_OK


def _fail(message: str) -> int:
    print(f"factcheck: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def run_check(args: argparse.Namespace) -> int:
    from factcheck.load import DEFAULT_TIMEZONE
    from factcheck.outlets import OutletConfigError, load_outlet_config
    from factcheck.pipeline import Options, check
    from factcheck.records import LEVEL_RANK
    from factcheck.report.serialize import to_dict
    from factcheck.rules import load_rules

    rule_paths = args.rules or ["rules"]
    if not args.rules and not Path("rules").is_dir():
        return _fail("no rules: pass --rules PATH, or run where a rules/ folder is")
    if args.output:
        problem = _output_problem(args.output, args.paths)
        if problem:
            return _fail(problem)
    timezone = args.timezone or DEFAULT_TIMEZONE
    if args.timezone:
        from zoneinfo import ZoneInfo
        try:
            ZoneInfo(args.timezone)
        except (KeyError, ValueError):
            return _fail(f"--timezone: unknown time zone {args.timezone!r}")
    try:
        outlets = load_outlet_config(args.outlets) if args.outlets else None
    except OutletConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_ERROR

    rule_set = load_rules(rule_paths)
    result = check(args.paths, rule_set, Options(timezone=timezone, outlets=outlets))
    diagnostics = list(rule_set.diagnostics) + list(result.diagnostics)
    data = to_dict(result, __version__)
    if rule_set.diagnostics:
        data["diagnostics"] = [
            {"path": d.path, "line": d.line, "level": d.level, "message": d.message} for d in rule_set.diagnostics
        ] + data["diagnostics"]
        data["summary"]["input_errors"] += len(rule_set.diagnostics)

    text = _render(args.format, data, _use_color(args))
    if not result.articles and args.format == "text":
        text = ""  # nothing was read: the errors on stderr are the whole story
    if args.output:
        _write_atomically(Path(args.output), text)
    else:
        sys.stdout.write(text)
    for diagnostic in diagnostics:  # problems always reach stderr, one line each
        print(diagnostic, file=sys.stderr)

    if any(d.level == "error" for d in diagnostics):
        return EXIT_ERROR
    if args.fail_on == "never":
        return EXIT_OK
    threshold = LEVEL_RANK[args.fail_on]
    return EXIT_FINDINGS if any(LEVEL_RANK[f.level] >= threshold and f.kind != "agreement"
                                for f in result.findings) else EXIT_OK


def _render(fmt: str, data: dict, color: bool) -> str:
    from factcheck.report import render

    return render(fmt, data, color=color and fmt == "text")


def _use_color(args: argparse.Namespace) -> bool:
    if args.color is not None:
        return args.color
    if os.environ.get("NO_COLOR") or args.output:
        return False
    return sys.stdout.isatty()


def _output_problem(output: str, inputs: list[str]) -> str:
    target = Path(output).resolve()
    if not target.parent.is_dir():
        return f"--output: folder {str(Path(output).parent)!r} does not exist"
    for given in inputs:
        root = Path(given).resolve()
        if root.is_dir() and (target == root or root in target.parents):
            return f"--output: {output!r} is inside {given!r}, which factcheck reads; write the report elsewhere"
        if root == target:
            return f"--output: {output!r} is one of the articles being checked"
    return ""


def _write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename: never a half report."""
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

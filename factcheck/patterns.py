"""Rule patterns that cannot hang the gate.

Rule files and the outlets file are edited by any contributor, so a pattern such as `(a+)+b`
must not be able to stall a CI run with catastrophic backtracking. Most
patterns are word lists or plain alternations with no repetition at all:
those run on Python's `re`, which is fastest for short sentences. A pattern
with more than one unbounded repetition, or a repetition (bounded or not)
inside another, or an alternation under a repetition runs on RE2 (google-re2),
which matches in linear time. Such a pattern that RE2 cannot run
(look-arounds, back-references) is refused when the rule is loaded, with the
reason.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from typing import Any, cast

if sys.version_info >= (3, 11):  # sre's parser: its home moved in 3.11; typeshed has no stubs for the private modules
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
else:
    import sre_constants
    import sre_parse

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
_NOT_IN_RE2 = {sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.GROUPREF,
               sre_constants.GROUPREF_EXISTS, getattr(sre_constants, "ATOMIC_GROUP", None)}


_REPEAT_SIGNS = frozenset("*+{")  # what every repetition that can repeat more than once is written with


class PatternError(ValueError):
    """A pattern factcheck will not run; the message says why."""


def risk(regex: str) -> str:
    """Why `regex` could backtrack badly ("" when it cannot).

    A repetition that can repeat (at most more than once, bounded or not) is
    risky when it holds any repetition, even an optional part (`(a+)+`,
    `(?:涨涨?)*`, `(?:a{0,100}){0,100}`), or an alternation (`(a|ab)*`). So are two or more unbounded repetitions in a
    row (`a.*b.*c`), whose cost grows with a power of the text's length.

    A pattern with none of `*`, `+`, `{` has no repetition that can repeat (`?` chooses once),
    so none of the three: it is not parsed (316 of the 318 cue patterns of a 300-rule library).
    """
    if not _REPEAT_SIGNS.intersection(regex):
        return ""
    return parsed_risk(regex)


def parsed_risk(regex: str) -> str:
    """`risk`, always read from the parsed pattern."""
    tree = sre_parse.parse(regex)
    unbounded = 0
    reasons: list[str] = []

    def walk(items: Any, inside_repeat: bool) -> None:
        nonlocal unbounded
        for op, value in items:
            if op in _REPEATS:
                _low, high, body = value
                repeats = high > 1  # `?` and {0,1} choose once: nothing to backtrack over
                if high == sre_constants.MAXREPEAT or high > 100:
                    unbounded += 1
                if inside_repeat:  # even `?`: (?:涨涨?)* matches 涨涨涨… in exponentially many ways
                    reasons.append("a repetition inside another repetition")
                if repeats and _holds_branch(body):
                    reasons.append("an alternation under a repetition")
                walk(body, inside_repeat or repeats)
            elif op == sre_constants.SUBPATTERN:
                walk(value[-1], inside_repeat)
            elif op == sre_constants.BRANCH:
                for branch in value[1]:
                    walk(branch, inside_repeat)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(value[1], inside_repeat)

    walk(tree, False)
    if unbounded > 1 and not reasons:
        reasons.append("more than one unbounded repetition")
    return reasons[0] if reasons else ""


def _holds_branch(items: Any) -> bool:
    """Whether an alternation lies within `items` (outside any look-around)."""
    for op, value in items:
        if op == sre_constants.BRANCH:
            return True
        if op == sre_constants.SUBPATTERN and _holds_branch(value[-1]):
            return True
        if op in _REPEATS and _holds_branch(value[2]):
            return True
    return False


def _re2_can_run(regex: str) -> bool:
    found = False

    def walk(items: Any) -> None:
        nonlocal found
        for op, value in items:
            if op in _NOT_IN_RE2:
                found = True
            elif op in _REPEATS:
                walk(value[2])
            elif op == sre_constants.SUBPATTERN:
                walk(value[-1])
            elif op == sre_constants.BRANCH:
                for branch in value[1]:
                    walk(branch)

    walk(sre_parse.parse(regex))
    return not found


@cache
def compile_pattern(regex: str) -> Any:
    """A compiled pattern with the `re` API, on the engine that keeps it safe.

    Raises re.error for a pattern that does not compile and PatternError for
    one that could backtrack catastrophically and that RE2 cannot run.
    """
    compiled = re.compile(regex)
    reason = risk(regex)
    if not reason:
        return compiled
    if not _re2_can_run(regex):
        raise PatternError(f"could backtrack catastrophically ({reason}) and uses look-arounds or "
                           "back-references, which the linear-time engine cannot run; simplify it")
    try:
        import re2
    except ImportError:
        raise PatternError(f"could backtrack catastrophically ({reason}); install google-re2 "
                           "to run it in linear time, or simplify it") from None
    options = re2.Options()
    options.log_errors = False  # the reason goes into our one line, not RE2's log on stderr
    try:
        return re2.compile(regex, options)
    except re2.error as error:
        reason_re2 = error.args[0].decode() if error.args and isinstance(error.args[0], bytes) else str(error)
        raise PatternError(f"could backtrack catastrophically ({reason}) and RE2 cannot run it: "
                           f"{reason_re2}; simplify it") from None


# what a compiled pattern offers that factcheck's modules ask of one (`.pattern` is there before compiling)
_PATTERN_API = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                "flags", "groups", "groupindex")


class _CompiledOnUse:
    """A regex compiled the first time it is used: `.pattern` is its text from the start (other
    patterns are built from it); any other attribute compiles it once, and its methods are then kept
    on the object, so a use costs what a use of the compiled pattern costs."""

    def __init__(self, regex: str, flags: int) -> None:
        self.pattern = regex
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy and pickle ask for protocols: what a plain object answers
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        self.__dict__.update({attribute: getattr(compiled, attribute) for attribute in _PATTERN_API})
        return getattr(compiled, name)


def compiled_on_use(regex: str, flags: int = 0) -> re.Pattern[str]:
    """A module's regex that only some texts or some rules need (a kind's own reading, a rare piece
    of Markdown): compiled when first used, not at import. Python compiles a class of Chinese
    characters ([\\u4e00-\\u9fff]) by filling a 65,536-entry map in Python, 1-2 ms each, so every
    such pattern compiled at import is start-up time of every run, whether it is used or not."""
    return cast("re.Pattern[str]", _CompiledOnUse(regex, flags))


def re2_search(compiled: Any) -> Callable[[bytes, int], tuple[int, int] | None]:
    """A search of a compiled RE2 pattern over UTF-8 bytes from a position: the span of the first
    match, or None. The wrapper's own search builds a match object through a generator, ten times
    the cost of the search on a sentence; its compiled program is asked directly when it is there."""
    import re2

    program = getattr(compiled, "_regexp", None)
    if program is not None and hasattr(program, "Match") and hasattr(re2, "_Anchor"):
        unanchored = re2._Anchor.UNANCHORED

        def search(data: bytes, position: int) -> tuple[int, int] | None:
            span = program.Match(unanchored, data, position, len(data))[0]
            return span if span[0] >= 0 else None

        return search
    return lambda data, position: (match.span() if (match := compiled.search(data, position)) else None)

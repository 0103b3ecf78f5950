"""Rule patterns that cannot hang the gate.

Rule files are edited by any contributor, so a pattern such as `(a+)+b`
must not be able to stall a CI run with catastrophic backtracking. Most
patterns are word lists or plain alternations with no repetition at all:
those run on Python's `re`, which is fastest for short sentences. A pattern
with more than one unbounded repetition, or a repetition inside another, or
an alternation under an unbounded repetition runs on RE2 (google-re2),
which matches in linear time. Such a pattern that RE2 cannot run
(look-arounds, back-references) is refused when the rule is loaded, with the
reason.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # sre's parser: the documented home moved in 3.11
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_constants  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
_NOT_IN_RE2 = {sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.GROUPREF,
               sre_constants.GROUPREF_EXISTS, getattr(sre_constants, "ATOMIC_GROUP", None)}


class PatternError(ValueError):
    """A pattern factcheck will not run; the message says why."""


def risk(regex: str) -> str:
    """Why `regex` could backtrack badly ("" when it cannot)."""
    tree = sre_parse.parse(regex)
    unbounded = 0
    reasons: list[str] = []

    def walk(items: Any, inside_unbounded: bool) -> None:
        nonlocal unbounded
        for op, value in items:
            if op in _REPEATS:
                low, high, body = value
                is_unbounded = high == sre_constants.MAXREPEAT or high > 100
                if is_unbounded:
                    unbounded += 1
                    if inside_unbounded:
                        reasons.append("a repetition inside another repetition")
                    if any(sub_op == sre_constants.BRANCH for sub_op, _ in body) or _single_branch(body):
                        reasons.append("an alternation under a repetition")
                walk(body, inside_unbounded or is_unbounded)
            elif op == sre_constants.SUBPATTERN:
                walk(value[-1], inside_unbounded)
            elif op == sre_constants.BRANCH:
                for branch in value[1]:
                    walk(branch, inside_unbounded)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(value[1], inside_unbounded)

    walk(tree, False)
    if unbounded > 1 and not reasons:
        reasons.append("more than one unbounded repetition")
    return reasons[0] if reasons else ""


def _single_branch(body: Any) -> bool:
    return len(body) == 1 and body[0][0] == sre_constants.SUBPATTERN and any(
        op == sre_constants.BRANCH for op, _ in body[0][1][-1])


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


@lru_cache(maxsize=None)
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
    try:
        return re2.compile(regex)
    except re2.error as error:
        raise PatternError(f"could backtrack catastrophically ({reason}) and RE2 cannot run it: {error}") from None

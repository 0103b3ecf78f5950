"""Why a cue found in a sentence gave no claim: each place a kind leaves a value out says so.

A kind's `find` reads a value near its cue and may then leave it out (a `skip` word before it,
someone else named for it, another line item, a condition, a negation …). Each such place calls
`left_out` with the rule key a user would change; while `recording()` is open (extraction, and
`factcheck rules check` running an example) the reasons are kept, so a sentence whose cue gave
no claim and no note is listed with why (code `left-out`), never silently missed. Outside a
recording the call does nothing: reading is the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class LeftOut:
    """One value (or event word) a rule's cue reached and the reading left out, and why."""

    key: str  # the rule key to change (`skip`, `subjects`, `metric`, `window` …)
    reason: str  # one line: what was read and what left it out
    start: int  # the value's span in the sentence's text
    end: int


LEFT_OUT = "left-out"  # the code of a sentence's note: its rule's cue reached a value the rule left out
# the keys that leave out a value as someone else's: `rules check` says so, a report does not list it (a value
# about someone the rule is not about is that one's claim, not a missed one: docs/rules.md)
SOMEONE_ELSES = frozenset({"subjects", "entities"})

_RECORD: ContextVar[tuple[list[LeftOut], ...]] = ContextVar("left_out", default=())  # the open recordings


def left_out(key: str, reason: str, start: int, end: int) -> None:
    """Say that the value at `start`..`end` is left out, and which rule key decided it."""
    records = _RECORD.get()
    if records:
        said = LeftOut(key, reason, start, end)
        for record in records:
            record.append(said)


@contextmanager
def recording() -> Iterator[list[LeftOut]]:
    """Keep the reasons given while the block runs (one sentence × one rule), in reading order; an
    outer recording (`rules check` over a whole example) keeps them too."""
    record: list[LeftOut] = []
    token = _RECORD.set((*_RECORD.get(), record))
    try:
        yield record
    finally:
        _RECORD.reset(token)


# the reasons, one per rule key a user can change; `{value}` is the value as written, `{word}` the word that
# decided; docs/rules.md "Debugging a rule" lists each with what to do. A reason no key can change ends alike:
# ": by design no claim (no key reads it[; what is read instead])"
SKIP = "{value!r} was read, but the `skip` word {word!r} before it leaves it out"
SUBJECTS = ("{value!r} was read, but it is about {word}, not one of the rule's `subjects` (the name nearest before "
            "it, else the sentence's first name): add it to `subjects`, or an alias of a subject to `entities`")
NOBODY = ("{value!r} was read, but no name of the rule's `subjects` stands near its cue (nor a 该公司/其 pointing "
          "to one), and the title names none alone: add the alias written there to `entities`")
UNKNOWN_NAME = ("{value!r} was read, but it is about a name the entities do not hold (someone else's figure): "
                "declare that name in `entities` if it is the subject")
METRIC = "{value!r} was read, but its line item is {word}, not one of the rule's `metric:`"
WINDOW = ("{value!r} stands {distance} characters after the cue {word!r}, more than the rule's `window` ({window}): "
          "raise `window`, or add a cue nearer the value")
NON_WORD = ("{value!r} was read, but its cue {word!r} stands right after 非, which makes it its opposite "
            "(非营业收入 is no revenue): by design no claim (no key reads it)")
CUE_AFTER_FAR = ("{value!r} is followed by the cue {word!r} with {between!r} between: a cue after a value counts only "
                 "with nothing, a short modifier, words ending in 的 or both between: add a cue before the value, or "
                 "one holding the words between")
CUE_RUNS_ON = ("{value!r} is followed by the cue {word!r}, but the cue's noun phrase runs on into {next!r} (a cue "
               "after a value must end its noun: a break, 的, a particle, a preposition, a verb of change): add a "
               "cue before the value, or one holding the words after it up to such an end (价格训练出 before "
               "的新模型, not 价格训练)")
CLASS_NAME = ("{value!r} names a class by a round figure (20万级, 百亿俱乐部, 10万元级别以上), not an amount: by "
              "design no claim (no key reads it)")
WORTH = ("{value!r} was read, but it is the worth of the noun after it (价值…的{word}), not the cue's figure: "
         "add that noun to `cue`")
LEVEL = ("{value!r} was read, but it is the level a change in points reaches (…个百分点至), and the rule's "
         "`sign:` reads changes: drop `sign:`, or give it a rule of its own")
PRIOR = ("{value!r} was read, but it is the figure a change starts from (从…至): add `measure` to the rule's "
         "`qualifiers` to read it as `prior`")
CONDITION = ("{value!r} was read, but {word!r} before it makes it a condition or another's reading, not a "
             "stated fact: by design no claim (no key reads it; a cue in the clause the condition leads to is read)")
NEGATED = ("{value!r} was read, but {word!r} is negated (未, 没有, 尚未, 而非 …), so it did not happen or is ruled "
           "out: by design no claim (no key reads it)")
FORMER = ("{value!r} was read, but it is a former state (前, 曾任, former), not the state now: by design no claim "
          "(no key reads it; a rule of its own reads it with the former word in its state)")
QUESTION = ("{value!r} was read, but a question asks it ({word!r}: a yes-or-no question, or whether), it does not "
            "state it: by design no claim (no key reads it; a question with a question word, 为何 or how, is read)")
RUMOUR = ("{value!r} was read, but it is a rumour the sentence denies (传…澄清): by design no claim "
          "(no key reads it)")
NO_MEMBERS = ("the trigger {word!r} was found, but no name of `members` stands in its `scope` ({value}): add the "
              "names to `members` (as entities), or widen `scope`")
CUE_AFTER_BEYOND = ("{value!r} stands {distance} characters before the cue {word!r} after it, more than a cue after a "
                    "value reaches (the rule's `window`, {window}, and 12 more): raise `window`, or add a cue nearer the value")
OWN_VALUE = ("{value!r} was read, but the cue {word!r} after it holds a value of its own: put a cue before "
             "the value, or one that holds no figure")


def say(template: str, value: str, word: str = "", **more: object) -> str:
    """A reason filled in: the value as written, the word that decided, and what else it names."""
    return template.format(value=value.strip(), word=word.strip(), **more)

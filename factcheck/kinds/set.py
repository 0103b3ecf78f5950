"""`kind: set`: which entities each source names in one role (models evaluated, partners).

A trigger (评估, 合作) marks the role; the members are the entities named in
its clause (or after it, before it, in the whole sentence: `scope`). Sets are
not compared pairwise: a member some sources name and others leave out is an
omission. When one source names a member another leaves out and the other way round,
the lists cross: reported at `omission_level`. When every shorter list is part of a
longer one, a source only named fewer (news lists are rarely complete: 腾讯、阿里和字节跳动等),
which contradicts nothing: reported at `partial_level` (info unless the rule says).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from factcheck.kinds.base import Document, Kind, Unstated, Verdict
from factcheck.kinds.reading import claim, subject_near
from factcheck.kinds.sentence import Sentence, pattern
from factcheck.kinds.skip import skipped
from factcheck.records import Article, Claim, Diagnostic, Level, RuleBase
from factcheck.values import EntitySet

LIST_BREAK = re.compile(r"以及|[、，,和与及或/]")
NAME_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\- ]*[A-Za-z0-9]|[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True)
class SetRule(RuleBase):
    trigger: str = ""  # a regex
    scope: Literal["clause", "after", "before", "sentence"] = "clause"
    members: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    omission_level: Level = "warning"
    partial_level: Level = "info"


class SetKind(Kind[SetRule]):
    name = "set"
    rule_type = SetRule
    value_type = EntitySet
    required = ("trigger",)
    properties: ClassVar[dict[str, Any]] = {
        "trigger": {"$ref": "#/$defs/words_or_regex"},
        "scope": {"enum": ["clause", "after", "before", "sentence"]},
        "members": {"type": "array", "items": {"$ref": "#/$defs/id"}},
        "exclude": {"type": "array", "items": {"$ref": "#/$defs/id"}},
        "omission_level": {"enum": ["error", "warning", "info"]},
        "partial_level": {"enum": ["error", "warning", "info"]},
    }

    def fields(self, doc: Document) -> dict[str, Any]:
        members, exclude = doc.entity_ids("members"), doc.entity_ids("exclude")
        return {"trigger": doc.regex("trigger"), "scope": doc.data.get("scope", "clause"), "members": members,
                "exclude": exclude, "omission_level": doc.data.get("omission_level", "warning"),
                "partial_level": doc.data.get("partial_level", "info")}

    def cues(self, rule: SetRule) -> tuple[str, ...]:
        return (rule.trigger,)

    def find(self, rule: SetRule, s: Sentence, article: Article) -> Iterable[Claim | Diagnostic]:
        for trigger in pattern(rule.trigger).finditer(s.text):
            if skipped(rule.skip, s, trigger.start(), trigger.start()):
                continue
            subject = ""
            if rule.subjects:
                found = subject_near(rule, s, trigger.start())
                if found is None:
                    continue
                subject = found
            begin, end = s.clause_at(trigger.start())
            if rule.scope == "after":
                begin = trigger.end()
            elif rule.scope == "before":
                end = trigger.start()
            elif rule.scope == "sentence":
                begin, end = 0, len(s.text)
            members = _members(rule, s, begin, end)
            if not members:
                continue
            ids = tuple(sorted(members))
            names = tuple(s.index.entities[i].name for i in ids)
            value = EntitySet(ids, s.plain[begin:end].strip(), names)
            yield claim(rule, subject, value, s, article, begin, end, context_at=trigger.start())

    def judge(self, rule: SetRule, claims: list[Claim], inferred: bool,
              unstated: Unstated | None = None) -> Verdict:
        """Omissions: each member some sources name and others do not (an omission is no clash of values)."""
        named: dict[str, set[str]] = defaultdict(set)  # article → members
        for found in claims:
            assert isinstance(found.value, EntitySet)
            named[found.article].update(found.value.members)
        everyone = sorted(set().union(*named.values()))
        outlets = {c.article: c.outlet for c in claims}
        names = {e.id: e.name for e in rule.entities}
        details = []
        for member in everyone:
            silent = sorted(a for a in named if member not in named[a])
            if silent:
                naming = sorted(a for a in named if member in named[a])
                details.append(f"{names.get(member, member)}: named by {_sources(naming, outlets)}; "
                               f"not named by {_sources(silent, outlets)}")
        if not details:
            return Verdict("agreement", "info", f"{len(named)} sources name the same: {claims[0].value.display()}")
        level = rule.omission_level if _crossing(list(named.values())) else rule.partial_level
        return Verdict("omission", level,
                       f"sources name different members: {len(details)} of {len(everyone)} left out by some",
                       tuple(details))


def _crossing(lists: list[set[str]]) -> bool:
    """Whether two sources' lists each hold a member the other leaves out (neither is part of the other)."""
    return any(a - b and b - a for i, a in enumerate(lists) for b in lists[i + 1:])


def _sources(articles: list[str], outlets: dict[str, str]) -> str:
    return ", ".join(f"{outlets[a]} ({a})" for a in articles)


def _members(rule: SetRule, s: Sentence, begin: int, end: int) -> set[str]:
    members: set[str] = set()
    covered = [False] * len(s.text)
    for mention in s.mentions:
        if begin <= mention.start and mention.end <= end:
            members.add(mention.entity_id)
            for i in range(mention.start, mention.end):
                covered[i] = True
    rest = "".join(" " if covered[i] else ch for i, ch in enumerate(s.text[:end]) if i >= begin)
    for chunk in LIST_BREAK.split(rest):
        # a list item may carry words after the name (DeepSeak 开发的模型): try its runs too
        for name in {chunk.strip(), *NAME_RUN.findall(chunk)}:
            if 2 <= len(name) <= 16:
                resolved = s.index.resolve(name)
                if resolved:
                    members.add(resolved)
    if rule.members:
        members &= set(rule.members)
    return members - set(rule.exclude)

"""Which rules run, and at which level: the configuration's enable, disable and levels."""

from __future__ import annotations

from dataclasses import replace

from factcheck.config import Config
from factcheck.records import Diagnostic
from factcheck.rules import RuleSet


def select_rules(rule_set: RuleSet, config: Config) -> RuleSet:
    """The rules the configuration enables, at the levels it sets; a rule id it names
    that no rule file defines is an error on the configuration's line for that key."""
    known = {rule.id for rule in rule_set.rules}
    problems = list(rule_set.diagnostics)
    for key, rule_ids in (("enable", config.enable), ("disable", config.disable),
                          ("levels", tuple(r for r, _ in config.levels))):
        for rule_id in rule_ids:
            if rule_id not in known and not rule_set.diagnostics:
                problems.append(Diagnostic(config.source or "configuration", dict(config.lines).get(key, 1),
                                           f"{key}: unknown rule {rule_id!r}"))
    levels = dict(config.levels)
    rules = tuple(
        replace(rule, level=levels.get(rule.id, rule.level),
                rounded_level=rule.rounded_level or config.rounded_level)
        for rule in rule_set.rules
        if (not config.enable or rule.id in config.enable) and rule.id not in config.disable
    )
    return replace(rule_set, rules=rules, diagnostics=tuple(problems))

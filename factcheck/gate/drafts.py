"""Which findings count: those a draft takes part in, at or above a level, and never agreements."""

from __future__ import annotations

from factcheck.records import LEVEL_RANK, Finding


def involving(findings: list[Finding], drafts: set[str]) -> list[Finding]:
    """Only the findings a draft takes part in: the pre-publish gate."""
    return [f for f in findings if any(claim.article in drafts for claim in f.claims)]


def at_least(findings: list[Finding], level: str) -> list[Finding]:
    return [f for f in findings if LEVEL_RANK[f.level] >= LEVEL_RANK[level]]


def gating(finding: Finding) -> bool:
    """Agreements are reported, never gated."""
    return finding.kind != "agreement"

"""`--engine dask`: extraction and comparison on a Dask cluster; the client writes the report.

The client answers the files its claim cache knows unchanged (pipeline.extract_all)
and sends the rest. Extraction is a map over those files in partitions (`client.map`), with
the rule set scattered to every worker once (`broadcast=True`): each task gets
the worker's copy, and the worker builds its finders from it once. Results
come back in file order. Comparison is a group-by on the claim's rule (a task
shuffle of a Dask bag), each group compared by `compare.compare` on a worker;
the client sorts the findings as one local `compare` would. A worker lost
mid-run is the scheduler's business: its tasks run again elsewhere, and since
every task is a pure function of its input the report does not change; if the
worker held the only copy of the scattered rule set (scattered while another
worker was restarting), the tasks are cancelled, and the engine scatters it
again and resubmits them.

Workers must see the article files at the paths the client gives (a shared
or network file system) and have factcheck installed. A worker looks up an
article's bytes in the cache folder of the client's options on its own machine
(the client's own cache on a LocalCluster; elsewhere, if the path is not
there or not writable, that is only a miss); what workers learn is stored
by the client, in its cache, at the end of the run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import CancelledError
from dataclasses import replace
from typing import Any

from factcheck.compare import compare, finding_order
from factcheck.engines import EngineError
from factcheck.load import ArticleFile
from factcheck.pipeline import CacheNote, Options, Outcome, extract_partition, usable_cores
from factcheck.records import Claim, Finding, RuleBase
from factcheck.rules import RuleSet

PARTITIONS_PER_WORKER = 4  # enough to balance uneven articles and to lose little when a worker dies
MAX_PARTITION = 256  # files per task
SCATTER_ATTEMPTS = 3  # the rule set sent again after a worker holding its only copy died


class DaskEngine:
    """A client of an existing cluster (`scheduler`: tcp://HOST:PORT), or of a LocalCluster on this machine."""

    def __init__(self, scheduler: str, rule_set: RuleSet, options: Options, workers: int = 0) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("--engine dask needs dask.distributed: pip install 'factcheck[dask]'") from None
        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler)  # waits distributed.comm.timeouts.connect (30 s)
            else:
                self.cluster = LocalCluster(n_workers=workers or usable_cores(), threads_per_worker=1,
                                            processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, ValueError) as error:
            self.close()
            raise EngineError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({error})") from None
        self.options = replace(options, jobs=1, engine="local", scheduler="")
        self.rules = self.client.scatter(rule_set, broadcast=True, hash=False)
        self.rule_set = rule_set

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info()["workers"]))

    def extract(self, files: list[ArticleFile]) -> Iterator[tuple[Outcome, CacheNote | None]]:
        """Every file's outcome and what the client's cache should learn from it, in file order."""
        if not files:
            return
        size = max(1, min(MAX_PARTITION, -(-len(files) // (self.workers() * PARTITIONS_PER_WORKER))))
        partitions = [files[start:start + size] for start in range(0, len(files), size)]
        for attempt in range(SCATTER_ATTEMPTS):
            futures = self.client.map(extract_partition, partitions, rule_set=self.rules, options=self.options,
                                      key=[f"factcheck-extract-{attempt}-{index}" for index in range(len(partitions))])
            try:
                done = self.client.gather(futures, errors="raise")
            except CancelledError:
                if attempt + 1 == SCATTER_ATTEMPTS:
                    raise EngineError("the Dask cluster lost its workers' copies of the rule set "
                                      f"{SCATTER_ATTEMPTS} times; is it losing workers?") from None
                # a worker holding the only copy died (one scattered while another was restarting):
                # the scheduler cannot run the tasks again without it, so send it once more and resubmit
                self.rules = self.client.scatter(self.rule_set, broadcast=True, hash=False)
                continue
            for partition in done:
                yield from partition
            return

    def compare(self, claims: list[Claim], rules: dict[str, RuleBase]) -> list[Finding]:
        """`compare(claims, rules)`, as a group-by on the claim's rule run on the cluster."""
        import dask.bag as db

        if not claims:
            return []
        bag = db.from_sequence(list(enumerate(claims)), npartitions=min(len(claims), self.workers() * 2))
        groups = bag.groupby(_rule_of, shuffle="tasks").map(_compare_rule, rules)
        per_rule = self.client.compute(groups).result()
        findings = [finding for _, found in sorted(per_rule) for finding in found]
        return sorted(findings, key=finding_order)  # stable: ties keep compare's topic order

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _rule_of(pair: tuple[int, Claim]) -> str:
    return pair[1].rule_id


def _compare_rule(group: tuple[str, list[tuple[int, Claim]]],
                  rules: dict[str, RuleBase]) -> tuple[str, list[Finding]]:
    """One rule's findings; its claims back in run order first, so the shuffle's order never shows."""
    rule_id, pairs = group
    return rule_id, compare([claim for _, claim in sorted(pairs, key=lambda pair: pair[0])], rules)

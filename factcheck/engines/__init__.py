"""Engines that run the pipeline's map (extraction) and group-by (comparison) beyond this process.

The local engine is pipeline.py itself (a process pool); each module here
runs the same per-file and per-rule functions on another scheduler, so the
report is byte-identical whichever engine made it.
"""


class EngineError(Exception):
    """An engine that cannot run (not installed, cluster unreachable): one line, exit 2."""

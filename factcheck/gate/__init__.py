"""What a CI gate needs on top of the comparison, one concern a module:

- `selection`: which rules run, at which level (from the configuration);
- `suppressions`: claims an article's author accepted (front matter, comments);
- `baseline`: findings accepted earlier, read from and written to a file;
- `drafts`: drafts against a published corpus, levels, what gates at all.
"""

from factcheck.gate.baseline import (
           BaselineError,
           apply_baseline,
           read_baseline,
           write_baseline,
)
from factcheck.gate.drafts import at_least, gating, involving
from factcheck.gate.selection import select_rules
from factcheck.gate.suppressions import apply_suppressions

__all__ = ["BaselineError", "apply_baseline", "apply_suppressions", "at_least", "gating", "involving",
           "read_baseline", "select_rules", "write_baseline"]

"""Run every benchmark (``benchmarks/bench_*.py``) and print its ratios.

    python benchmarks/run.py            # all
    python benchmarks/run.py feeds      # those whose name contains "feeds"

Ratios are timed in one run against the raw parsers and the obvious alternatives; they are
printed, never asserted.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    wanted = argv[1:]
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and not any(w in path.stem for w in wanted):
            continue
        module = importlib.import_module(f"benchmarks.{path.stem}")
        module.main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

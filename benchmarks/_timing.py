"""Timing helpers shared by the benchmark scripts (never used by tests)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"


def best(fn: Callable[[], Any], *, repeat: int = 7, min_time: float = 0.2) -> float:
    """Best time of one call of *fn*, in seconds: calls are batched until a batch takes
    *min_time*, and the best of *repeat* batches is kept (the least disturbed one)."""
    number = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        elapsed = time.perf_counter() - t0
        if elapsed >= min_time or number >= 1 << 20:
            break
        number *= 2
    gc_was = gc.isenabled()
    gc.disable()
    try:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            times.append((time.perf_counter() - t0) / number)
    finally:
        if gc_was:
            gc.enable()
    return min(times)


def best_each(
    fns: dict[str, Callable[[], Any]], *, rounds: int = 5, repeat: int = 5
) -> dict[str, float]:
    """:func:`best` of each of *fns*, timed in alternation (*rounds* rounds of *repeat* batches
    each): on a noisy machine a disturbance then hits all of them alike instead of skewing the
    one timed while it lasted, so their ratios hold still."""
    times: dict[str, float] = {}
    for _ in range(rounds):
        for name, fn in fns.items():
            t = best(fn, repeat=repeat, min_time=0.05)
            times[name] = min(times.get(name, t), t)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f} ms"


def corpus_file(relative: str) -> Path | None:
    path = CORPUS / relative
    return path if path.is_file() else None

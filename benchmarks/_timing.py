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


def paired(
    base: Callable[[], Any], other: Callable[[], Any], *, pairs: int = 200
) -> tuple[float, float, float]:
    """The ratio of *other*'s time to *base*'s, call by call: each call of *other* is timed
    between two calls of *base* and divided by their mean, so whatever the machine is doing
    at that moment weighs on both sides of the ratio.  Returns the median of *pairs* such
    ratios with its lower and upper quartiles: on a shared machine, where both timings drift
    with the neighbours' load, the median ratio holds still when best-of timings do not."""
    clock = time.perf_counter
    base()
    other()
    ratios = []
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for n in range(pairs):
            t0 = clock()
            base()
            t1 = clock()
            other()
            t2 = clock()
            base()
            t3 = clock()
            ratios.append((t2 - t1) * 2 / ((t1 - t0) + (t3 - t2)))
            if n % 20 == 19:
                gc.collect()  # outside the timed calls
    finally:
        if gc_was:
            gc.enable()
    ratios.sort()
    return ratios[len(ratios) // 2], ratios[len(ratios) // 4], ratios[3 * len(ratios) // 4]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.3f} ms"


def corpus_file(relative: str) -> Path | None:
    path = CORPUS / relative
    return path if path.is_file() else None

"""The diff engine: diff of two readings against parsing one (target: diff is faster), and how it
scales (10,000 components against 1,000: target ratio 12 or less, i.e. linear).

Times two readings of the largest Statuspage summary in the corpus (Cloudflare, 470 components,
16 maintenances) when the corpus is present, the second with 10 % of the component statuses
changed; a synthetic summary of the same shape otherwise.  The obvious alternative timed beside
it is a bare dict comparison of component statuses (what a hand-rolled poller does).
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs

import statuskit
from statuskit import Component, ComponentStatus, Coverage, Page, Scope, Snapshot

from ._timing import best, corpus_file, ms
from .bench_statuspage_json import CLOUDFLARE, synthetic

STATES = ["operational", "degraded_performance", "partial_outage", "major_outage"]


def changed_copy(data: bytes) -> bytes:
    """The same summary with every tenth component in another state, updated later."""
    doc: dict[str, Any] = json.loads(data)
    for i, comp in enumerate(doc["components"]):
        if i % 10 == 0 and not comp.get("group"):
            comp["status"] = STATES[(STATES.index(comp["status"]) + 1) % 4]
            comp["updated_at"] = "2026-07-29T17:30:00.000Z"
    doc["page"]["updated_at"] = "2026-07-29T17:30:00.000Z"
    return json.dumps(doc).encode()


def bare_compare(a: Snapshot, b: Snapshot) -> list[tuple[str, str, str]]:
    before = {c.id: c.status for c in a.components}
    return [
        (c.id, before[c.id], c.status)
        for c in b.components
        if before.get(c.id, c.status) != c.status
    ]


def cpu_time(fn: Callable[[], object], number: int) -> float:
    """CPU seconds for *number* calls of *fn*, garbage collection off."""
    gc.disable()
    try:
        t0 = time.process_time()
        for _ in range(number):
            fn()
        return time.process_time() - t0
    finally:
        gc.enable()


def scaled(n: int) -> tuple[Snapshot, Snapshot]:
    """Two readings of a page with *n* components, 10 % of them changed."""
    t0 = datetime(2026, 3, 14, 9, tzinfo=timezone.utc)
    statuses = list(ComponentStatus)[:4]
    comps = tuple(
        Component(id=f"c{i:08d}", name=f"Component {i}", status=ComponentStatus.OPERATIONAL)
        for i in range(n)
    )
    later = tuple(
        attrs.evolve(c, status=statuses[1 + i % 3], updated_at=t0 + timedelta(seconds=i))
        if i % 10 == 0
        else c
        for i, c in enumerate(comps)
    )
    cov = Coverage(components=True, indicator=True, incidents=Scope.OPEN, maintenances=Scope.OPEN)
    page = Page(name="Scale", url="https://status.example.com")
    a = Snapshot(page=page, components=comps, coverage=cov, read_at=t0)
    b = Snapshot(page=page, components=later, coverage=cov, read_at=t0 + timedelta(minutes=5))
    return a, b


def main() -> None:
    path = corpus_file(CLOUDFLARE)
    data = path.read_bytes() if path else synthetic()
    label = "cloudflare summary (470 components)" if path else "synthetic summary (470 components)"
    other = changed_copy(data)
    a, b = statuskit.parse(data), statuskit.parse(other)
    changes = statuskit.diff(a, b)
    t_parse = best(lambda: statuskit.parse(data))
    t_diff = best(lambda: statuskit.diff(a, b))
    t_fresh = best(lambda: statuskit.diff(attrs.evolve(a), attrs.evolve(b)))
    t_bare = best(lambda: bare_compare(a, b))
    again = statuskit.parse(data)  # equal, not identical: what polling an unchanged page gives
    t_same = best(lambda: statuskit.diff(a, again))
    print(f"diff  {label}, {len(changes)} changes")
    print(f"  statuskit.parse (one reading)  {ms(t_parse)}")
    print(
        f"  statuskit.diff                 {ms(t_diff)}   ratio to parse {t_diff / t_parse:5.3f}"
        "  (target < 1)"
    )
    print(
        f"  diff of fresh snapshots        {ms(t_fresh)}   ratio to parse {t_fresh / t_parse:5.3f}"
        "  (overall not cached yet)"
    )
    print(f"  diff of an unchanged page      {ms(t_same)}   (two parses of the same body)")
    print(f"  bare dict compare of statuses  {ms(t_bare)}   diff / bare {t_diff / t_bare:5.1f}")
    small, large = scaled(1_000), scaled(10_000)
    # CPU time, in interleaved rounds of equal work (ten small diffs against one large), best
    # of each: on a busy machine wall time charges preemption to the longer call
    t_small = t_large = float("inf")
    for _ in range(7):
        t_small = min(t_small, cpu_time(lambda: statuskit.diff(*small), 10) / 10)
        t_large = min(t_large, cpu_time(lambda: statuskit.diff(*large), 1))
    print("diff  synthetic pages, 10 % of components changed (CPU time)")
    print(f"  1,000 components               {ms(t_small)}")
    print(
        f"  10,000 components              {ms(t_large)}   ratio {t_large / t_small:5.2f}"
        "  (target <= 12, linear)"
    )


if __name__ == "__main__":
    main()

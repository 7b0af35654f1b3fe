"""Atom/RSS feeds: statuskit.parse against feedparser.parse (target: 0.1 or less) and against
lxml.etree.fromstring (the floor: parsing the XML and nothing else), timed in one run.

Times every Statuspage feed of the corpus (when present) and a synthetic 200-entry Statuspage
Atom feed.  feedparser is timed as an application calls it to read the same data
(``feedparser.parse(BytesIO(data))``, defaults on); its output keeps each entry's update history
as one HTML string, where statuskit's carries every update typed.
"""

from __future__ import annotations

import gc
import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree

import statuskit

from ._timing import CORPUS, ms

_STATUSES = ("Resolved", "Monitoring", "Update", "Identified", "Investigating")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def synthetic(n: int = 200) -> bytes:
    """A Statuspage-shaped history.atom with *n* entries of five updates each."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">\n'
        "  <id>tag:status.example.com,2005:/history</id>\n"
        '  <link rel="alternate" type="text/html" href="https://status.example.com"/>\n'
        "  <title>Example Status - Incident History</title>\n"
        "  <updated>2026-07-30T12:00:00Z</updated>\n"
    ]
    for i in range(n):
        month = 12 - (i * 12 // n)
        day = 28 - i % 27
        body = []
        for k, status in enumerate(_STATUSES):
            hour = 20 - 3 * k
            body.append(
                f"&lt;p&gt;&lt;small&gt;{_MONTHS[month - 1]} &lt;var data-var='date'&gt;{day}"
                f"&lt;/var&gt;, &lt;var data-var='time'&gt;{hour:02d}:{(i * 7) % 60:02d}"
                f"&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;{status}&lt;/strong&gt;"
                f" - Update {k} on incident {i}: we are working on it &amp;amp; will post"
                " more as soon as we know more.&lt;br /&gt;Thank you for your patience.&lt;/p&gt;"
            )
        parts.append(
            "  <entry>\n"
            f"    <id>tag:status.example.com,2005:Incident/{1000000 + i}</id>\n"
            f"    <published>2025-{month:02d}-{day:02d}T20:00:00Z</published>\n"
            f"    <updated>2025-{month:02d}-{day:02d}T20:00:01Z</updated>\n"
            '    <link rel="alternate" type="text/html" '
            f'href="https://status.example.com/incidents/x{i:011d}"/>\n'
            f"    <title>Incident {i} &amp; friends</title>\n"
            f'    <content type="html">{"".join(body)}</content>\n'
            "  </entry>\n"
        )
    parts.append("</feed>\n")
    return "".join(parts).encode("utf-8")


def _cases() -> list[tuple[str, bytes]]:
    cases = []
    folder = CORPUS / "statuspage-feed"
    if folder.is_dir():
        cases = [(p.name, p.read_bytes()) for p in sorted(Path(folder).iterdir()) if p.is_file()]
    cases.append(("synthetic history.atom, 200 entries", synthetic()))
    return cases


def _interleaved(fns: dict[str, Callable[[], Any]], rounds: int = 7) -> dict[str, float]:
    """Best time of one call of each function, in seconds.  The functions are timed in turns,
    round after round, so that a busy machine slows them all alike (the ratios stay fair)."""
    numbers = {}
    for name, fn in fns.items():
        number = 1
        while True:
            t0 = time.perf_counter()
            for _ in range(number):
                fn()
            if time.perf_counter() - t0 >= 0.05 or number >= 1 << 16:
                break
            number *= 2
        numbers[name] = number
    bests = dict.fromkeys(fns, float("inf"))
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for name, fn in fns.items():
                number = numbers[name]
                t0 = time.perf_counter()
                for _ in range(number):
                    fn()
                bests[name] = min(bests[name], (time.perf_counter() - t0) / number)
    finally:
        if gc_was:
            gc.enable()
    return bests


def main() -> None:
    print("feeds  statuskit.parse / feedparser.parse (target <= 0.1)  and  / lxml fromstring")
    print(
        f"  {'feed':<42} {'bytes':>8} {'updates':>7} {'statuskit':>11} {'feedparser':>11} "
        f"{'lxml':>11} {'/feedparser':>11} {'/lxml':>7} {'provider=':>10}"
    )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    for name, data in _cases():
        snap = statuskit.parse(data)
        updates = sum(len(i.updates) for i in snap.incidents)
        adapter = snap.adapter
        t = _interleaved(
            {
                "statuskit": lambda data=data: statuskit.parse(data),
                "forced": lambda data=data, a=adapter: statuskit.parse(data, provider=a),
                "feedparser": lambda data=data: feedparser.parse(io.BytesIO(data)),
                "lxml": lambda data=data: etree.fromstring(data, parser),
            }
        )
        t_sk, t_fp, t_lx = t["statuskit"], t["feedparser"], t["lxml"]
        print(
            f"  {name[:42]:<42} {len(data):>8,} {updates:>7} {ms(t_sk)} {ms(t_fp)} {ms(t_lx)} "
            f"{t_sk / t_fp:>11.3f} {t_sk / t_lx:>7.1f} {t['forced'] / t_fp:>10.3f}"
        )
    print(
        "  (/feedparser and /lxml: statuskit.parse with detection; provider=: the same with the"
        " adapter named, over feedparser)"
    )


if __name__ == "__main__":
    main()

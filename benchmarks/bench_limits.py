"""Bounded time and memory: a 10 MiB input of every kind parses or fails within 5 s and 300 MiB.

Each case runs in a fresh subprocess (one core, nothing else loaded), which builds its 10 MiB
input, reads it and reports the wall time of the read and the process's peak resident memory
(interpreter and input included).  Prints one line per case with OK or OVER.

    python benchmarks/run.py limits
    python -m benchmarks.bench_limits --case json-summary     # one case, in this process
"""

from __future__ import annotations

import io
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser

import statuskit
from statuskit import ParseContext, Source
from statuskit._html import parse_html
from statuskit._text import html_to_text
from statuskit._xml import feedparser_bytes, parse_xml

SIZE = 10 * 1024 * 1024
TIME_BUDGET = 5.0
MEMORY_BUDGET = 300  # MiB
ROOT = Path(__file__).resolve().parent.parent


def fill(head: bytes, unit: bytes, tail: bytes) -> bytes:
    """head + unit repeated + tail, just under 10 MiB."""
    count = (SIZE - len(head) - len(tail)) // len(unit)
    return head + unit * count + tail


# -- inputs -------------------------------------------------------------------------------------


def json_summary() -> bytes:
    comp = (
        b'{"id":"c%011d","name":"Location %d","status":"operational",'
        b'"created_at":"2014-10-27T21:59:30.264Z","updated_at":"2026-07-29T17:04:41.000Z",'
        b'"position":%d,"description":null,"showcase":false,"start_date":null,"group_id":null,'
        b'"page_id":"yh6f0r4529hb","group":false,"only_show_if_degraded":false}'
    )
    head = (
        b'{"page":{"id":"yh6f0r4529hb","name":"Big","url":"https://status.example.com",'
        b'"time_zone":"Etc/UTC","updated_at":"2026-07-29T17:04:41.000Z"},'
        b'"status":{"indicator":"minor","description":"Minor Service Outage"},'
        b'"incidents":[],"scheduled_maintenances":[],"components":['
    )
    parts = []
    size = len(head) + 2
    i = 0
    while True:
        item = comp % (i, i, i)
        if size + len(item) + 1 > SIZE:
            break
        parts.append(item)
        size += len(item) + 1
        i += 1
    return head + b",".join(parts) + b"]}"


def json_deep() -> bytes:
    half = (SIZE - 100) // 2
    return (
        b'{"page":{},"status":{"indicator":"none"},"components":' + b"[" * half + b"]" * half + b"}"
    )


def json_sawtooth() -> bytes:
    return fill(
        b'{"page":{},"status":{"indicator":"none"},"x":[', b"[" * 60 + b"]" * 60 + b",", b"[]]}"
    )


def json_duplicates() -> bytes:
    return fill(
        b'{"page":{},"status":{"indicator":"none"},"x":[',
        b'{"a":1,"a":2,"b":{"c":3,"c":4}},',
        b"{}]}",
    )


def json_huge_numbers() -> bytes:
    return fill(b'{"page":{},"status":{"indicator":"none"},"x":[', b"9" * 4000 + b",", b"1]}")


def json_long_string() -> bytes:
    return fill(
        b'{"page":{"id":"x","name":"', b"A", b'"},"status":{"indicator":"none"},"components":[]}'
    )


def atom_feed() -> bytes:
    entry = (
        b"<entry><id>tag:status.example.com,2005:Incident/%d</id>"
        b"<published>2026-07-24T18:00:00Z</published><updated>2026-07-24T19:00:00Z</updated>"
        b'<link rel="alternate" type="text/html" href="https://status.example.com/incidents/%d"/>'
        b'<title>Elevated error rates %d</title><content type="html">&lt;p&gt;&lt;small&gt;Jul '
        b"&lt;var data-var='date'&gt;24&lt;/var&gt;, &lt;var data-var='time'&gt;19:00&lt;/var&gt; "
        b"UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Resolved&lt;/strong&gt; - Fixed.&lt;/p&gt;"
        b"</content></entry>\n"
    )
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<feed xml:lang="en-US" '
        b'xmlns="http://www.w3.org/2005/Atom"><id>tag:status.example.com,2005:/history</id>'
        b"<title>Example Status - Incident History</title><updated>2026-07-24T19:43:40Z</updated>\n"
    )
    body = []
    size = len(head) + 10
    i = 0
    while size < SIZE - 2000:
        item = entry % (i, i, i)
        body.append(item)
        size += len(item)
        i += 1
    return head + b"".join(body) + b"</feed>"


def xml_entities() -> bytes:
    return fill(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><r>',
        b"&a;&nbsp;&#x110000;",
        b"</r>",
    )


def xml_attributes() -> bytes:
    return fill(b"<r", b' a="1"', b"/>")


def xml_deep() -> bytes:
    half = SIZE // 7
    return b"<a>" * half + b"</a>" * half


def html_page() -> bytes:
    row = (
        b'<div class="component-inner-container status-green" data-component-id="c%011d">'
        b'<span class="name">Location %d</span><span class="component-status">Operational</span>'
        b"</div>\n"
    )
    head = b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Big Status</title></head><body><div class="components-section">'
    body = []
    size = len(head) + 100
    i = 0
    while size < SIZE - 200:
        item = row % (i, i)
        body.append(item)
        size += len(item)
        i += 1
    return head + b"".join(body) + b"</div></body></html>"


def statuspage_html() -> bytes:
    """A Statuspage index page (what statuspage.html reads) grown to 10 MiB of components."""
    row = (
        b'<div class="component-container border-color"><div data-component-id="c%011d" '
        b'class="component-inner-container status-green" data-component-status="operational" '
        b'data-js-hook=""><span class="name">Location %d</span>'
        b'<span class="component-status" title="">Operational</span></div></div>\n'
    )
    head = (
        b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Big Status</title>'
        b'<meta name="issued" content="1787883396">'
        b'<link rel="shortcut icon" href="//dka575ofm4ao0.cloudfront.net/pages-favicon_logos/1/x">'
        b'<link rel="canonical" href="https://status.example.com"></head>'
        b'<body class="status index status-none"><div class="layout-content status status-index">'
        b'<div class="container"><div class="components-section font-regular">'
        b'<div class="components-container one-column">'
    )
    body = []
    size = len(head) + 100
    i = 0
    while size < SIZE - 300:
        item = row % (i, i)
        body.append(item)
        size += len(item)
        i += 1
    return head + b"".join(body) + b"</div></div></div></div></body></html>"


def html_attributes() -> bytes:
    return fill(b"<html><body><div", b" a", b">x</div></body></html>")


def html_deep() -> bytes:
    return fill(b"<html><body>", b"<div>", b"x")


def html_comments() -> bytes:
    return fill(b"<html><body><p>API</p>", b"<!--", b"")


def garbage() -> bytes:
    return random.Random(7).randbytes(SIZE)


# -- readings -------------------------------------------------------------------------------------


def _parse(data: bytes, **kwargs: Any) -> str:
    try:
        snap = statuskit.parse(data, **kwargs)
    except statuskit.StatuskitError as exc:
        return f"{type(exc).__name__}{'(' + exc.limit + ')' if getattr(exc, 'limit', None) else ''}"
    return f"snapshot: {len(snap.components)} components, {len(snap.incidents)} incidents, {len(snap.warnings)} warnings"


def _helper(kind: str) -> Callable[[bytes], str]:
    def run(data: bytes) -> str:
        ctx = ParseContext("bench")
        try:
            if kind == "xml":
                root = parse_xml(Source(data), ctx)
                return (
                    f"tree of {sum(1 for _ in root.iter())} elements, {len(ctx.warnings)} warnings"
                )
            if kind == "html":
                root = parse_html(Source(data), ctx)
                return (
                    f"tree of {sum(1 for _ in root.iter())} elements, {len(ctx.warnings)} warnings"
                )
            body = feedparser_bytes(Source(data), ctx)
            result = feedparser.parse(
                io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False
            )
            return f"feedparser: {len(result.entries)} entries"
        except statuskit.StatuskitError as exc:
            return f"{type(exc).__name__}{'(' + exc.limit + ')' if getattr(exc, 'limit', None) else ''}"

    return run


def _every_adapter(data: bytes) -> tuple[str, float]:
    """Each registered adapter forced on *data*: how they ended, and the slowest one's time
    (the budget is per parse, so that is the time reported)."""
    outcomes: dict[str, int] = {}
    slowest = ("", 0.0)
    for name in statuskit.adapters():
        start = time.perf_counter()
        outcome = _parse(data, provider=name).split(":")[0].split("(")[0]
        took = time.perf_counter() - start
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if took > slowest[1]:
            slowest = (name, took)
    summary = ", ".join(f"{n} {o}" for o, n in sorted(outcomes.items()))
    return f"{len(statuskit.adapters())} adapters ({summary}); slowest {slowest[0]}", slowest[1]


_SPEC = {
    "name": "limits-bench.html",
    "components": {
        "each": "div.component-inner-container",
        "id": "@data-component-id",
        "name": "span.name",
        "status": "span.component-status",
    },
}


def _spec_adapter(data: bytes) -> str:
    """A custom spec adapter (BeautifulSoup) forced on the page."""
    from statuskit.custom import spec_adapter  # noqa: PLC0415 - only this case needs it

    statuskit.register_adapter(spec_adapter(_SPEC))
    return _parse(data, provider="limits-bench.html")


def _spec_adapter_at_limit(data: bytes) -> str:
    """The same on the largest prefix of rows within max_soup_nodes: the slowest page a spec
    adapter reads with the default limits."""
    most = statuskit.Limits().max_soup_nodes
    cut = 0
    seen = 0
    while True:
        end = data.find(b"</div>\n", cut)
        if end < 0 or seen + 6 > most - 20:
            break
        cut = end + 7
        seen += 6  # <div, <span, </span>, <span, </span>, </div>
    start = data.index(b'<div class="component-inner-container')
    return _spec_adapter(data[:cut] + b"</div></body></html>") if cut > start else "no rows"


def _html_to_text(data: bytes) -> str:
    return f"{len(html_to_text(data.decode()))} characters of text"


CASES: dict[str, tuple[Callable[[], bytes], Callable[[bytes], Any]]] = {
    "json-summary": (json_summary, _parse),
    "json-deep": (json_deep, _parse),
    "json-sawtooth-60": (json_sawtooth, lambda d: _parse(d, provider="statuspage.json")),
    "json-duplicate-keys": (json_duplicates, lambda d: _parse(d, provider="statuspage.json")),
    "json-huge-numbers": (json_huge_numbers, lambda d: _parse(d, provider="statuspage.json")),
    "json-10mib-string": (json_long_string, lambda d: _parse(d, provider="statuspage.json")),
    "feed-atom": (atom_feed, _parse),
    "feed-atom-xml-reader": (atom_feed, _helper("xml")),
    "feed-atom-feedparser": (atom_feed, _helper("feedparser")),
    "xml-entities": (xml_entities, _helper("xml")),
    "xml-attributes": (xml_attributes, _helper("xml")),
    "xml-deep": (xml_deep, _helper("xml")),
    "html-page": (html_page, _parse),
    "html-statuspage-index": (statuspage_html, _parse),
    "html-page-html-reader": (html_page, _helper("html")),
    "html-attributes": (html_attributes, _helper("html")),
    "html-deep": (html_deep, _helper("html")),
    "html-comments": (html_comments, _helper("html")),
    "html-deep-as-body": (html_deep, _html_to_text),
    "html-page-spec-adapter": (html_page, _spec_adapter),
    "html-spec-adapter-at-limit": (html_page, _spec_adapter_at_limit),
    "garbage": (garbage, _parse),
    "garbage-forced-json": (garbage, lambda d: _parse(d, provider="statuspage.json")),
    "garbage-every-adapter": (garbage, _every_adapter),
    "json-summary-every-adapter": (json_summary, _every_adapter),
    "html-index-every-adapter": (statuspage_html, _every_adapter),
    "html-attributes-every-adapter": (html_attributes, _every_adapter),
    "json-deep-every-adapter": (json_deep, _every_adapter),
}


def run_case(name: str) -> None:
    """Build and read one case here; print one JSON line: seconds, peak MiB, outcome."""
    make, read = CASES[name]
    data = make()
    assert len(data) <= SIZE, (name, len(data))
    start = time.perf_counter()
    outcome = read(data)
    elapsed = time.perf_counter() - start
    if isinstance(outcome, tuple):  # (outcome, the time of the one parse the budget is about)
        outcome, elapsed = outcome
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps({"seconds": elapsed, "peak_mib": peak, "outcome": outcome, "bytes": len(data)})
    )


def main() -> None:
    print(
        f"limits: 10 MiB inputs, each in a fresh process (budget {TIME_BUDGET:.0f} s, {MEMORY_BUDGET} MiB)"
    )
    for name in CASES:
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_limits", "--case", name],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if child.returncode != 0:
            print(f"  {name:30s} CRASHED: {child.stderr.strip().splitlines()[-1:]}")
            continue
        got = json.loads(child.stdout.strip().splitlines()[-1])
        ok = got["seconds"] <= TIME_BUDGET and got["peak_mib"] <= MEMORY_BUDGET
        print(
            f"  {name:30s} {got['seconds']:6.2f} s {got['peak_mib']:7.1f} MiB  "
            f"{'OK  ' if ok else 'OVER'}  {got['outcome']}"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        run_case(sys.argv[2])
    else:
        main()

"""Work grows linearly with hostile input, on every growth axis the issue names: attributes,
comment length, author length, depth, item count, date length.

Each test times one input and the same input four times larger, within one run, best of
several interleaved tries, and asserts the larger took at most 8 times as long (linear work
gives 4, quadratic 16): doubling the input about doubles the work.  Sizes are chosen so the
smaller input takes milliseconds, not microseconds, so noise and fixed costs stay small.
The garbage collector is paused while a call is timed (its passes grow with the objects alive,
not with the work) and results are freed outside the timed part.  Time is the process's CPU
time, so a machine busy with other work (CI neighbours, parallel builds) does not stretch the
longer runs more than the shorter ones; a round over the bound is measured again, up to three
rounds, since superlinear work fails every one of them.  Where building Python
objects dominates (JSON), caches still make even ``json.loads`` grow faster than the input at
these sizes: there the bound is twice the growth json.loads itself shows on the same inputs,
timed alongside.
Axes that matter to XML/HTML adapters run through the safe XML/HTML readers and the feedparser
preparation, and through statuskit.parse into the real feed adapters (``through_feed`` asserts a
feed adapter read or refused the input): the lxml path (Atom read by statuspage.feed, RSS by the
generic feed adapter) and the feedparser fallback (the same input made malformed by a bare "&",
which lxml refuses).
"""

from __future__ import annotations

import gc
import io
import json
import time
from collections.abc import Callable
from typing import Any

import pytest

import statuskit
from statuskit import Limits, ParseContext
from statuskit._dates import parse_datetime
from statuskit._html import parse_html
from statuskit._markup import crowded_element
from statuskit._text import html_to_text
from statuskit._xml import feedparser_bytes, parse_xml

GROWTH = 4
BOUND = 8.0
TRIES = 5
ROUNDS = 3


def _time(run: Callable[[Any], Any], data: Any) -> float:
    # The cyclic garbage collector's passes grow with the number of live objects, not with the
    # work done: it runs between the timed calls, never during them.
    gc.disable()
    try:
        start = time.process_time()
        try:
            result = run(data)
        except statuskit.StatuskitError:
            result = None
        elapsed = time.process_time() - start
        del result  # freed outside the timed part
    finally:
        gc.enable()
    return elapsed


def _growth(run: Callable[[Any], Any], small: Any, large: Any) -> tuple[float, float, float]:
    run_small = run_large = float("inf")
    _time(run, small)  # warm caches, imports, compiled patterns
    for _ in range(TRIES):
        run_small = min(run_small, _time(run, small))
        run_large = min(run_large, _time(run, large))
    return run_large / max(run_small, 1e-6), run_small, run_large


def assert_linear(
    make: Callable[[int], Any],
    run: Callable[[Any], Any],
    n: int,
    baseline: Callable[[Any], Any] | None = None,
) -> None:
    small, large = make(n), make(GROWTH * n)
    bound = BOUND
    for _ in range(ROUNDS):
        ratio, run_small, run_large = _growth(run, small, large)
        if baseline is not None and ratio > bound:
            bound = max(bound, 2 * _growth(baseline, small, large)[0])
        if ratio <= bound:
            break  # superlinear work fails every round; a disturbed round is measured again
    assert ratio <= bound, (
        f"{GROWTH}x the input took {ratio:.1f}x the time ({run_small * 1e3:.2f} ms -> "
        f"{run_large * 1e3:.2f} ms): superlinear"
    )


def xml(text: str) -> Any:
    return parse_xml(text, ParseContext("t"))


def xml_roomy(text: str) -> Any:
    return parse_xml(text, ParseContext("t", limits=Limits(max_attributes=10**7)))


def html(text: str) -> Any:
    return parse_html(text, ParseContext("t"))


def feedparser_run(text: str) -> Any:
    import feedparser

    body = feedparser_bytes(text, ParseContext("t"))
    return feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)


def detect_and_parse(data: str | bytes) -> Any:
    return statuskit.parse(data)


def through_feed(data: str | bytes) -> Any:
    """statuskit.parse, which must hand *data* to a feed adapter (its reading, or its error)."""
    try:
        snap = statuskit.parse(data)
    except statuskit.StatuskitError as exc:
        adapter = getattr(exc, "adapter", None) or ""
        if not adapter.endswith("feed"):
            raise AssertionError(f"not refused by a feed adapter: {exc!r}") from exc
        raise
    assert snap.adapter.endswith("feed"), snap.adapter
    return snap


def malformed(feed: str) -> str:
    """*feed* with a bare "&" in its channel title: lxml refuses it, feedparser reads it."""
    return feed.replace("<title>Example</title>", "<title>AT & T</title>", 1)


def atom(entries: str) -> str:
    """A Statuspage history.atom around *entries*."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<id>tag:status.example.com,2005:/history</id><title>Example</title>"
        f"{entries}</feed>"
    )


def sp_entry(i: int, updates: int = 3, when: str = "") -> str:
    """One Statuspage entry with *updates* update blocks (*when*: the time shown in each)."""
    body = "".join(
        "&lt;p&gt;&lt;small&gt;"
        + (
            when
            or f"Jul &lt;var data-var='date'&gt;{1 + k}&lt;/var&gt;, "
            "&lt;var data-var='time'&gt;10:00&lt;/var&gt; UTC"
        )
        + "&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Update&lt;/strong&gt; - Still on it.&lt;/p&gt;"
        for k in range(updates)
    )
    return (
        f"<entry><id>tag:status.example.com,2005:Incident/{i}</id>"
        "<published>2026-07-24T18:00:00Z</published><updated>2026-07-24T19:00:00Z</updated>"
        f'<link rel="alternate" href="https://status.example.com/incidents/x{i:011d}"/>'
        f'<title>Incident {i}</title><content type="html">{body}</content></entry>'
    )


def items(n: int, item: str) -> str:
    return rss("", "").replace("<item>", item * n + "<item>")


def statuspage(data: bytes) -> Any:
    return statuskit.parse(data, provider="statuspage.json")


def rss(item: str, item_attrs: str = "") -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title>'
        f"<item{item_attrs}><title>Outage</title>{item}</item></channel></rss>"
    )


def attrs(n: int) -> str:
    return " ".join(f'a{i}="{i}"' for i in range(n))


def page(n_components: int, **extra: Any) -> bytes:
    comps = [
        {
            "id": f"c{i:011d}",
            "name": f"Region {i}",
            "status": "operational",
            "position": i,
            "updated_at": "2026-07-24T19:43:40.040Z",
            "group_id": None,
        }
        for i in range(n_components)
    ]
    doc = {
        "page": {"id": "kctbh9vrtdwd", "name": "X"},
        "components": comps,
        "status": {"indicator": "none"},
        **extra,
    }
    return json.dumps(doc).encode()


AXES: dict[str, tuple[Callable[[int], Any], Callable[[Any], Any], int]] = {
    # attributes
    "attributes: one HTML element with n attributes (refused)": (
        lambda n: "<div " + " ".join(f"a{i}" for i in range(n)) + ">x</div>",
        html,
        20_000,
    ),
    "attributes: n HTML elements with 200 attributes each (accepted)": (
        lambda n: ("<p " + " ".join(f"a{i}" for i in range(200)) + ">x</p>") * n,
        html,
        40,
    ),
    "attributes: one XML element with n attributes (limit raised, accepted)": (
        lambda n: f"<r {attrs(n)}/>",
        xml_roomy,
        5_000,
    ),
    "attributes: feed item with n attributes, feedparser preparation (refused)": (
        lambda n: rss("", " " + attrs(n)),
        feedparser_run,
        20_000,
    ),
    "attributes: feed item with n attributes, statuskit.parse (refused)": (
        lambda n: rss("", " " + attrs(n)),
        through_feed,
        20_000,
    ),
    "attributes: n feed items with 200 attributes each, statuskit.parse": (
        lambda n: items(n, f"<item {attrs(200)}><title>t</title></item>"),
        through_feed,
        40,
    ),
    "attributes: n feed items with 200 attributes each, feedparser fallback": (
        lambda n: malformed(items(n, f"<item {attrs(200)}><title>t</title></item>")),
        through_feed,
        10,
    ),
    "attributes: counting them in n tags of 100 quoted values": (
        lambda n: ("<a " + attrs(100) + ">") * n,
        lambda t: crowded_element(t, 256),
        200,
    ),
    # comment length
    "comment length: n comment openers in HTML": (lambda n: "<p>x</p>" + "<!--" * n, html, 50_000),
    "comment length: one unclosed HTML comment of n characters": (
        lambda n: "<p>x</p><!--" + "-x" * n,
        html,
        200_000,
    ),
    "comment length: n comment openers in XML": (
        lambda n: "<r><t>x</t>" + "<!--" * n + "</r>",
        xml,
        50_000,
    ),
    "comment length: n escaped comment openers, feedparser preparation": (
        lambda n: rss("<description>" + "&lt;!--" * n + "</description>"),
        feedparser_run,
        5_000,
    ),
    "comment length: n comment openers in an update body (html_to_text)": (
        lambda n: "<p>Resolved</p>" + "<!--" * n,
        html_to_text,
        50_000,
    ),
    "comment length: n comment openers, statuskit.parse": (
        lambda n: "<html><body>" + "<!--" * n,
        detect_and_parse,
        50_000,
    ),
    "comment length: n comment openers in a feed, feedparser fallback": (
        lambda n: atom(sp_entry(1) + "<!--" * n),
        through_feed,
        5_000,
    ),
    "comment length: one unclosed comment of n characters in a feed, feedparser fallback": (
        lambda n: atom(sp_entry(1) + "<!-- " + "x " * n),
        through_feed,
        50_000,
    ),
    "comment length: n escaped comment openers in a feed body, statuskit.parse": (
        lambda n: rss("<description>" + "&lt;!--" * n + "</description>"),
        through_feed,
        5_000,
    ),
    "comment length: n escaped comment openers in a feed body, feedparser fallback": (
        lambda n: malformed(rss("<description>" + "&lt;!--" * n + "</description>")),
        through_feed,
        1_000,
    ),
    # author length
    "author length: RSS author of n characters, feedparser preparation": (
        lambda n: rss("<author>" + "a" * n + "@</author>"),
        feedparser_run,
        100_000,
    ),
    "author length: Atom e-mail of n characters, feedparser preparation": (
        lambda n: (
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><author><email>'
            + "b." * n
            + "@x</email></author></entry></feed>"
        ),
        feedparser_run,
        50_000,
    ),
    "author length: RSS author of n characters, safe XML reader": (
        lambda n: rss("<author>" + "a" * n + "@</author>"),
        xml,
        500_000,
    ),
    "author length: RSS author of n characters, statuskit.parse": (
        lambda n: rss("<author>" + "a" * n + "@</author>"),
        through_feed,
        500_000,
    ),
    "author length: Atom e-mail of n characters, statuskit.parse": (
        lambda n: atom(
            sp_entry(1).replace(
                "<title>", "<author><email>" + "b." * n + "@x</email></author><title>"
            )
        ),
        through_feed,
        200_000,
    ),
    "author length: RSS author of n characters, feedparser fallback": (
        lambda n: malformed(rss("<author>" + "a" * n + "@</author>")),
        through_feed,
        100_000,
    ),
    # depth
    "depth: JSON nested n deep (refused before decoding)": (
        lambda n: (
            b'{"page": {}, "status": {"indicator": "none"}, "components": '
            + b"[" * n
            + b"]" * n
            + b"}"
        ),
        statuspage,
        40_000,
    ),
    "depth: n JSON teeth 58 deep (accepted)": (
        lambda n: page(1, x=[[[[[[]]]]]]).replace(
            b'"x": [[[[[[]]]]]]', b'"x": [' + b",".join([b"[" * 58 + b"]" * 58] * n) + b"]"
        ),
        statuspage,
        500,
    ),
    "depth: XML nested n deep": (lambda n: "<a>" * n + "</a>" * n, xml, 20_000),
    "depth: HTML nested n deep": (lambda n: "<div>" * n + "x", html, 10_000),
    "depth: XML nested n deep, statuskit.parse": (
        lambda n: (
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            + "<x>" * n
            + "</x>" * n
            + "</channel></rss>"
        ),
        through_feed,
        20_000,
    ),
    "depth: n feed items with markup 58 deep (accepted), statuskit.parse": (
        lambda n: items(n, "<item><title>t</title>" + "<x>" * 58 + "</x>" * 58 + "</item>"),
        through_feed,
        100,
    ),
    "depth: XML nested n deep after a fault (refused past it), statuskit.parse": (
        lambda n: malformed(rss("<x>" * n + "</x>" * n)),
        through_feed,
        20_000,
    ),
    "depth: an update body nested n deep (html_to_text)": (
        lambda n: "<div>" * n + "x",
        html_to_text,
        10_000,
    ),
    # item count
    "item count: n Statuspage components": (page, statuspage, 1_000),
    "item count: n objects with a repeated key (slow JSON path)": (
        lambda n: page(1, x=[{"a": 1}] * n).replace(b'{"a": 1}', b'{"a": 1, "a": 2}'),
        statuspage,
        2_000,
    ),
    "item count: n numbers beyond 64 bits (slow JSON path)": (
        lambda n: page(1).replace(
            b'"position": 0', b'"position": 0, "x": [' + b",".join([b"9" * 25] * n) + b"]"
        ),
        statuspage,
        5_000,
    ),
    "item count: n feed items, safe XML reader": (
        lambda n: rss("", "").replace("<item>", "<item><title>t</title></item>" * n + "<item>"),
        xml,
        4_000,
    ),
    "item count: n feed items, statuskit.parse": (
        lambda n: rss("").replace(
            "<item>",
            "<item><title>t</title><pubDate>Fri, 24 Jul 2026 18:00:00 +0000</pubDate>"
            "<description>&lt;p&gt;Resolved&lt;/p&gt;</description></item>" * n + "<item>",
        ),
        through_feed,
        1_000,
    ),
    "item count: n Statuspage entries of three updates, statuskit.parse": (
        lambda n: atom("".join(sp_entry(i) for i in range(n))),
        through_feed,
        300,
    ),
    "item count: n feed items, feedparser fallback": (
        lambda n: malformed(
            items(
                n,
                "<item><title>t</title><pubDate>Fri, 24 Jul 2026 18:00:00 +0000</pubDate>"
                "<description>&lt;p&gt;Resolved&lt;/p&gt;</description></item>",
            )
        ),
        through_feed,
        100,
    ),
    "item count: n feed items, feedparser preparation": (
        lambda n: rss("").replace("<item>", "<item><title>t</title></item>" * n + "<item>"),
        feedparser_run,
        150,
    ),
    # date length
    "date length: a JSON date field of n characters (refused by max_date_length)": (
        lambda n: page(2, incidents=[{"id": "i", "name": "x", "created_at": "9" * n}]),
        statuspage,
        1_000_000,
    ),
    "date length: a feed date of n characters, statuskit.parse": (
        lambda n: rss("<pubDate>" + "Fri, 24 Jul 2026 " * n + "</pubDate>"),
        through_feed,
        50_000,
    ),
    "date length: an Atom updated of n characters, statuskit.parse": (
        lambda n: atom(sp_entry(1).replace("2026-07-24T19:00:00Z", "2026-07-24T19:00:00Z " * n)),
        through_feed,
        50_000,
    ),
    "date length: a Statuspage update time of n characters, statuskit.parse": (
        lambda n: atom(sp_entry(1, updates=2, when="Jul 24, " * n + "10:00 UTC")),
        through_feed,
        10_000,
    ),
    "date length: a feed date of n characters, feedparser fallback": (
        lambda n: malformed(rss("<pubDate>" + "Fri, 24 Jul 2026 " * n + "</pubDate>")),
        through_feed,
        5_000,
    ),
    "date length: a date of n characters, max_date_length raised to let dateutil see it": (
        lambda n: "2026-07-24 " + "10:00 " * n,
        lambda s: parse_datetime(s, ParseContext("t", limits=Limits(max_date_length=10**8))),
        500,
    ),
}


@pytest.mark.parametrize("axis", list(AXES))
def test_work_grows_linearly(axis: str) -> None:
    """Four times the input takes at most eight times the work."""
    make, run, n = AXES[axis]
    assert_linear(make, run, n, baseline=json.loads if run is statuspage else None)

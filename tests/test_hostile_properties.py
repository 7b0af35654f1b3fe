"""Property tests over every registered adapter (looked up when the tests run, so adapters merged
later are covered too): whatever the bytes, only a Snapshot or a StatuskitError comes out, by
``provider=`` and by detection, in lenient and strict mode."""

from __future__ import annotations

import codecs
import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import statuskit
from statuskit import ParseContext
from statuskit._html import parse_html
from statuskit._text import html_to_text
from statuskit._xml import feedparser_bytes, parse_xml

from .hostile import within_boundary


def every_reading(data: bytes | str) -> None:
    """Detection, and each adapter forced, in both modes: only Snapshots and StatuskitErrors."""
    within_boundary(lambda: statuskit.detect(data))
    for strict in (False, True):
        within_boundary(lambda s=strict: statuskit.parse(data, strict=s))
        for name in statuskit.adapters():
            within_boundary(lambda n=name, s=strict: statuskit.parse(data, provider=n, strict=s))
    for name, adapter in statuskit.adapters().items():
        sniff = adapter.sniff(statuskit.Source(data))
        assert sniff is None or 0 <= sniff.confidence <= 1, name


# -- arbitrary bytes ----------------------------------------------------------------------------


@given(st.binary(max_size=4096))
@example(b"\xef\xbb\xbf{")
@example(codecs.BOM_UTF16_LE + b"{\x00")
@example(b"\x00" * 9)
def test_arbitrary_bytes(data: bytes) -> None:
    """Any bytes at all."""
    every_reading(data)


@given(st.text(max_size=2048))
def test_arbitrary_text(data: str) -> None:
    """Any str at all, lone surrogates included."""
    every_reading(data)


# -- JSON shaped like the formats adapters read ---------------------------------------------------

KEYS = st.sampled_from(
    [
        "page",
        "status",
        "components",
        "incidents",
        "scheduled_maintenances",
        "incident_updates",
        "affected_components",
        "id",
        "name",
        "indicator",
        "description",
        "impact",
        "group",
        "group_id",
        "position",
        "created_at",
        "updated_at",
        "resolved_at",
        "started_at",
        "scheduled_for",
        "scheduled_until",
        "display_at",
        "body",
        "shortlink",
        "url",
        "time_zone",
        "old_status",
        "new_status",
        "code",
        "summary",
        "data",
        "attributes",
        "type",
        "title",
        "begin",
        "end",
        "most_recent_update",
        "affected_products",
    ]
)
WORDS = st.sampled_from(
    [
        "operational",
        "degraded_performance",
        "partial_outage",
        "major_outage",
        "under_maintenance",
        "full_outage",
        "investigating",
        "identified",
        "monitoring",
        "resolved",
        "postmortem",
        "scheduled",
        "in_progress",
        "verifying",
        "completed",
        "none",
        "minor",
        "major",
        "critical",
        "maintenance",
        "UP",
        "DOWN",
        "AVAILABLE",
        "kctbh9vrtdwd",
        "01HQZ3K5Y6W7X8V9T0S1R2Q3P4",
        "America/Chicago",
        "Etc/UTC",
        "Mars/Base",
        "2026-07-24T19:43:40.040Z",
        "2026-07-24T19:43:40",
        "2026-07-24 19:43 PST",
        "Jul 24",
        "9999-12-31T23:59:59-01:00",
        "99999999999999999999",
        "1/2/03",
        "javascript:alert(1)",
        "https://status.example.com",
        "file:///etc/passwd",
        "<p>&lt;!-- x</p>",
        "\u0000",
        "\ud800",
        "x" * 200,
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | WORDS
    | st.text(max_size=10)
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
)
DOCS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=40,
)


def _tweak(text: str, how: int) -> bytes:
    if how == 1:  # a repeated key
        text = text.replace('"id": ', '"id": 1, "id": ', 1)
    elif how == 2:  # cut off
        text = text[: len(text) * 2 // 3]
    elif how == 3:
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass")
    elif how == 4:
        text = "[" * 80 + text + "]" * 80
    return text.encode("utf-8", "surrogatepass")


@given(st.dictionaries(KEYS, DOCS, min_size=1, max_size=6), st.integers(0, 4))
def test_json_shaped_like_status_pages(doc: dict[str, Any], how: int) -> None:
    """JSON documents with Statuspage-, incident.io-, Instatus- and cloud-like keys and values,
    some with a repeated key, cut off, in UTF-16 or nested too deep."""
    every_reading(_tweak(json.dumps(doc, allow_nan=True), how))


# -- XML and HTML fragments -----------------------------------------------------------------------

TAGS = st.sampled_from(
    [
        "feed",
        "entry",
        "rss",
        "channel",
        "item",
        "title",
        "link",
        "updated",
        "published",
        "content",
        "description",
        "author",
        "email",
        "guid",
        "pubDate",
        "html",
        "body",
        "div",
        "span",
        "a",
        "p",
        "script",
        "style",
        "table",
        "tr",
        "td",
        "svg",
        "xi:include",
    ]
)
TEXTS = st.sampled_from(
    [
        "Resolved",
        "&amp;",
        "&nbsp;",
        "&lol;",
        "&#x110000;",
        "&#99999999999;",
        "&#xD800;",
        "&#0;",
        "&lt;!--",
        "<!--",
        "-->",
        "<![CDATA[x]]>",
        "<![CDATA[",
        "]]>",
        "Dec 31, 23:41 PST",
        "\x00",
        "\x0b",
        "<",
        ">",
        '"',
        "'",
        "\u00e9",
        "javascript:alert(1)",
        "a@b.c" * 3,
    ]
)
ATTRS = st.lists(
    st.tuples(
        st.sampled_from(["href", "rel", "type", "class", "id", "xmlns", "xmlns:xi", "a"]), TEXTS
    ),
    max_size=4,
)


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 6 and draw(st.booleans()):
            tag = draw(TAGS)
            attrs = "".join(f' {k}="{v}"' for k, v in draw(ATTRS))
            closing = draw(st.sampled_from([f"</{tag}>", "", "</x>"]))
            parts.append(f"<{tag}{attrs}>{draw(markup(depth + 1))}{closing}")
        else:
            parts.append(draw(TEXTS))
    return "".join(parts)


PROLOGS = st.sampled_from(
    [
        "",
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        '<!DOCTYPE feed [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss.dtd">',
        "<!DOCTYPE html>",
        "<!DOCTYPE x [",
    ]
)


@given(PROLOGS, markup())
def test_xml_and_html_fragments(prolog: str, body: str) -> None:
    """Feed- and page-shaped markup with entities, DOCTYPEs, comments, CDATA and broken
    nesting: every adapter, the safe XML and HTML readers, the feedparser preparation and
    html_to_text keep the boundary."""
    text = prolog + body
    every_reading(text.encode("utf-8", "surrogatepass"))
    within_boundary(lambda: parse_xml(text, ParseContext("t")))
    within_boundary(lambda: parse_html(text, ParseContext("t")))
    within_boundary(lambda: feedparser_bytes(text, ParseContext("t")))
    assert isinstance(html_to_text(text), str)


SNAPSHOT_TEXT = statuskit.dumps(
    statuskit.parse(
        json.dumps(
            {
                "page": {"id": "kctbh9vrtdwd", "name": "X"},
                "status": {"indicator": "minor"},
                "components": [{"id": "a", "name": "API", "status": "degraded_performance"}],
                "incidents": [
                    {
                        "id": "i",
                        "name": "Slow",
                        "status": "investigating",
                        "impact": "minor",
                        "created_at": "2026-07-24T18:00:00Z",
                        "incident_updates": [
                            {
                                "id": "u",
                                "status": "investigating",
                                "body": "x",
                                "created_at": "2026-07-24T18:00:00Z",
                            }
                        ],
                    }
                ],
            }
        )
    )
)


@given(
    st.text(max_size=1024)
    | st.builds(
        lambda cut, junk: SNAPSHOT_TEXT[:cut] + junk + SNAPSHOT_TEXT[cut + len(junk) :],
        st.integers(0, len(SNAPSHOT_TEXT)),
        st.text(max_size=12),
    )
)
def test_loads_keeps_the_boundary(text: str) -> None:
    """statuskit.loads on any text, and on damaged snapshot documents, gives a Snapshot or a
    StatuskitError."""
    within_boundary(lambda: statuskit.loads(text))

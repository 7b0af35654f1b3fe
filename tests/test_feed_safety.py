"""Issue 7's guarantees on the feed adapters (issue 4): one safe XML reader, every limit on both
readers (lxml and the feedparser fallback), nothing read from disk or network, feedparser fed
only prepared bytes."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import statuskit
from statuskit import InputLimitError, Limits, ParseContext, ParseError, Source
from statuskit._xml import read_xml, xml_parser
from statuskit._xmlrepair import neutralise
from statuskit.adapters import _feedfallback, _feedread
from statuskit.adapters.feeds import FeedAdapter, StatuspageFeed

from .hostile import within_boundary

FEED_ADAPTERS = sorted(n for n in statuskit.adapters() if n.endswith("feed"))


def atom(entry: str = "", *, prolog: str = "", fault: str = "") -> str:
    """A Statuspage history.atom with one entry (*entry* inside it); *fault* goes into the feed
    title (a bare "&" makes lxml refuse the feed and feedparser read it)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + prolog
        + '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "<id>tag:status.example.com,2005:/history</id>\n"
        f"<title>Example{fault}</title>\n"
        "<entry><id>tag:status.example.com,2005:Incident/1</id>\n"
        "<published>2026-07-24T18:00:00Z</published><updated>2026-07-24T19:00:00Z</updated>\n"
        '<link rel="alternate" href="https://status.example.com/incidents/x9k2m4n6p8q0"/>\n'
        f"<title>Outage</title>{entry}</entry>\n</feed>\n"
    )


def rss(item: str = "", *, prolog: str = "", fault: str = "", items: int = 1) -> str:
    """A hand-written status RSS (the generic feed adapter reads it) with *items* items."""
    body = "".join(
        f"<item><title>Outage {i}</title><guid>i{i}</guid>"
        "<pubDate>Fri, 24 Jul 2026 18:00:00 +0000</pubDate>"
        f"{item}</item>\n"
        for i in range(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + prolog
        + f'<rss version="2.0"><channel><title>Example{fault}</title>\n{body}</channel></rss>\n'
    )


# -- nothing read from disk or network ------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b'<!ENTITY leak "NETWORK-SECRET">NETWORK-SECRET'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """An HTTP server on the loopback address that records every request it gets."""
    _Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.timeout = 0.5
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def _attacks(secret: Path, url: str) -> dict[str, str]:
    file_url = secret.as_uri()
    return {
        "xxe file": atom(
            "<content type='html'>&xxe;</content>",
            prolog=f'<!DOCTYPE feed [<!ENTITY xxe SYSTEM "{file_url}">]>\n',
        ),
        "xxe http": rss(
            "<description>&xxe;</description>",
            prolog=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}/entity">]>\n',
        ),
        "parameter entity": rss(
            "<description>&leak;</description>",
            prolog=f'<!DOCTYPE rss [<!ENTITY % ext SYSTEM "{url}/dtd"> %ext;]>\n',
        ),
        "external dtd": rss(
            "<description>&leak;</description>",
            prolog=f'<!DOCTYPE rss SYSTEM "{url}/rss.dtd">\n',
        ),
        "xinclude file": atom(
            '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{file_url}" '
            'parse="text"/>x</div></content>'
        ),
        "xinclude http": atom(
            '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/x" '
            'parse="text"/>x</div></content>'
        ),
        "stylesheet": rss(prolog=f'<?xml-stylesheet type="text/xsl" href="{url}/style.xsl"?>\n'),
        "xxe attribute default": rss(
            "<description>x</description>",
            prolog=f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{file_url}">'
            '<!ATTLIST item leak CDATA "&xxe;">]>\n',
        ),
    }


def test_no_feed_path_reads_a_file_or_the_network(server: str, tmp_path: Path) -> None:
    """External entities (general and parameter), external DTDs, XInclude and stylesheet
    references point at a local file and at a server that records requests: through every
    feed adapter, both readers, lenient and strict, on well-formed feeds and on feeds lxml
    refuses, no request reaches the server and the file's content appears nowhere."""
    secret = tmp_path / "secret.txt"
    secret.write_text("FILE-SECRET")
    attacks = _attacks(secret, server)
    readers: list[Callable[[bytes, bool], Any]] = [
        lambda d, s: statuskit.parse(d, strict=s),
        lambda d, s: FeedAdapter(engine="feedparser").parse(
            Source(d), ParseContext("feed", strict=s)
        ),
    ]
    readers += [
        lambda d, s, n=name: statuskit.parse(d, provider=n, strict=s) for name in FEED_ADAPTERS
    ]
    for name, feed in attacks.items():
        for variant in (feed, feed.replace("<title>Example", "<title>Example & co", 1)):
            data = variant.encode()
            for read in readers:
                for strict in (False, True):
                    result = within_boundary(lambda r=read, d=data, s=strict: r(d, s))
                    shown = (
                        statuskit.dumps(result)
                        if isinstance(result, statuskit.Snapshot)
                        else f"{result!r}"
                    )
                    assert "FILE-SECRET" not in shown, name
                    assert "NETWORK-SECRET" not in shown, name
    assert _Recorder.requests == []


def test_feedparser_only_ever_sees_prepared_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback hands feedparser a BytesIO of the repaired text: no DOCTYPE, no entity
    declaration, no reference to a character that does not exist, author fields cut."""
    import feedparser

    seen: list[bytes] = []
    real = feedparser.parse

    def spy(source: object, **kwargs: object) -> object:
        assert type(source) is io.BytesIO
        assert kwargs == {"sanitize_html": False, "resolve_relative_uris": False}
        seen.append(source.getvalue())
        return real(source, **kwargs)

    monkeypatch.setattr(feedparser, "parse", spy)
    laughs = '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
    data = rss(
        "<author>" + "x" * 5000 + "</author><description>&b; &#x110000; &#0;</description>",
        prolog=laughs,
        fault=" & co",
    ).encode()
    snap = statuskit.parse(data)
    assert any("read with feedparser" in w for w in snap.warnings)
    assert len(seen) == 1
    body = seen[0]
    for absent in (b"<!DOCTYPE", b"<!ENTITY", b"&#x110000;", b"&#0;", b"x" * 257):
        assert absent not in body
    assert snap.incidents[0].updates[0].body == "&b; \ufffd \ufffd"


def test_a_feed_that_needed_a_repair_is_still_read_by_lxml(monkeypatch: pytest.MonkeyPatch) -> None:
    """HTML entities, references to no character, forbidden characters, a DOCTYPE with an
    internal subset, undecodable bytes: each is repaired (with a warning, HTML's entities
    excepted) and the feed read by lxml; feedparser is never called."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("feedparser called for a repairable feed")

    monkeypatch.setattr(_feedread, "read_feedparser", refuse)
    monkeypatch.setattr(_feedfallback, "read_feedparser", refuse)
    cases = {
        "x&nbsp;&eacute;": ("x\u00a0\u00e9", None),
        "&#x110000;": ("\ufffd", "invalid character reference"),
        "a\x01b": ("a\ufffdb", "XML forbids"),
        "&unknown;": ("&unknown;", "undeclared entity reference"),
    }
    for raw, (text, warning) in cases.items():
        snap = statuskit.parse(rss(f"<description>{raw}</description>").encode())
        assert text in snap.incidents[0].updates[0].body_html  # type: ignore[operator]
        assert [w for w in snap.warnings if warning and warning in w] or warning is None
        assert snap.warnings == () or warning is not None
    snap = statuskit.parse(rss(prolog='<!DOCTYPE rss [<!ENTITY x "y">]>\n').encode())
    assert any("internal subset ignored" in w for w in snap.warnings)
    snap = statuskit.parse(rss("<description>caf\xe9</description>").encode("latin-1"))
    assert any("invalid utf-8 bytes replaced" in w for w in snap.warnings)


# -- every limit, on both readers -----------------------------------------------------------

FAULTS = {"lxml": "", "feedparser": " & co"}


def _limit_cases() -> list[tuple[str, Limits, Callable[[str], str], str]]:
    """(limit, limits, feed builder taking the fault, what happens: "error" or a warning)."""
    return [
        (
            "max_depth",
            Limits(max_depth=10),
            lambda f: rss("<x>" * 10 + "</x>" * 10, fault=f),
            "error",
        ),
        (
            "max_attributes",
            Limits(max_attributes=5),
            lambda f: rss(fault=f).replace("<item>", '<item a="1" b="2" c="3" d="4" e="5" f="6">'),
            "error",
        ),
        ("max_nodes", Limits(max_nodes=20), lambda f: rss(fault=f, items=5), "error"),
        ("max_bytes", Limits(max_bytes=200), lambda f: rss(fault=f), "error"),
        ("max_items", Limits(max_items=2), lambda f: rss(fault=f, items=5), "cut to max_items=2"),
        (
            "max_text",
            Limits(max_text=50),
            lambda f: rss("<description>" + "word " * 40 + "</description>", fault=f),
            "text longer than 50 characters truncated",
        ),
        (
            "max_date_length",
            Limits(max_date_length=30),
            lambda f: rss(fault=f),
            "date longer than 30 characters ignored",
        ),
    ]


@pytest.mark.parametrize("reader", list(FAULTS))
@pytest.mark.parametrize(
    ("limit", "limits", "build", "outcome"),
    _limit_cases(),
    ids=[c[0] for c in _limit_cases()],
)
def test_every_limit_holds_on_both_feed_readers(
    reader: str, limit: str, limits: Limits, build: Callable[[str], str], outcome: str
) -> None:
    """Each Limits field holds for a feed read by lxml and for one lxml refuses (read by
    feedparser): an InputLimitError naming the limit, or the cut or truncation with its
    warning."""
    data = build(FAULTS[reader]).encode()
    if outcome == "error":
        with pytest.raises(InputLimitError) as info:
            statuskit.parse(data, limits=limits)
        assert info.value.limit == limit
        assert limit == "max_bytes" or (info.value.adapter or "").endswith("feed")
        return
    snap = statuskit.parse(data, limits=limits)
    assert snap.adapter.endswith("feed")
    assert any(outcome in w for w in snap.warnings), snap.warnings
    assert any("read with feedparser" in w for w in snap.warnings) is (reader == "feedparser")
    if limit == "max_items":
        assert len(snap.incidents) == 2
    if limit == "max_text":
        assert len(snap.incidents[0].updates[0].body_html or "") == 50


def test_libxml2s_own_depth_bound_is_an_error_whatever_max_depth_says() -> None:
    """libxml2 stops at 256 levels (without huge_tree, which statuskit never sets) and, left
    to recover, silently drops the rest: with max_depth raised past it, 300 levels are still
    an InputLimitError that names libxml2's bound, on both readers."""
    deep = "<x>" * 300 + "</x>" * 300
    for fault in FAULTS.values():
        data = rss(fault=fault).replace("</item>", deep + "</item>").encode()
        with pytest.raises(InputLimitError, match="libxml2's bound of 256 levels") as info:
            statuskit.parse(data, limits=Limits(max_depth=1000))
        assert info.value.limit == "max_depth"
    data = rss().replace("</item>", "<x>" * 100 + "</x>" * 100 + "</item>").encode()
    assert statuskit.parse(data, limits=Limits(max_depth=1000)).incidents


# -- the one reader -----------------------------------------------------------------------


def test_a_doctype_hiding_the_root_still_says_feed() -> None:
    """A DOCTYPE whose subset runs past the first 4 KB hides the root element from detection:
    its name (rss, feed, rdf:RDF) tells a feed, with less confidence, and the feed reader
    decides, ignoring the subset."""
    prolog = '<!DOCTYPE rss [<!ENTITY pad "' + "x" * 5000 + '">]>\n'
    data = rss(prolog=prolog).encode()
    found = statuskit.detect(data)
    assert (found.adapter, found.confidence) == ("feed", 0.4)
    assert "DOCTYPE names <rss>" in found.evidence
    snap = statuskit.parse(data)
    assert [i.title for i in snap.incidents] == ["Outage 0"]
    with pytest.raises(ParseError, match="not an Atom or RSS feed"):
        statuskit.parse(b'<!DOCTYPE rss [<!ENTITY p "' + b"x" * 5000 + b'">]><html/>')


def test_statuspage_feeds_use_the_shared_parser_configuration() -> None:
    """The feed reader's parser is the shared one (entities unresolved, no DTD, no network,
    no recovery), leaving comments and processing instructions out of the tree."""
    parser = xml_parser(comments=False, utf8=True)
    assert parser is xml_parser(comments=False, utf8=True)
    assert parser is not xml_parser()
    root = etree.fromstring(b"<r><!-- c --><?pi x?>text</r>", parser)
    assert len(root) == 0 and root.text == "text"
    snap = StatuspageFeed().parse(
        Source(atom("<content type='html'>a<!-- hidden --></content>").encode()),
        ParseContext("statuspage.feed"),
    )
    assert "hidden" not in statuskit.dumps(snap)


FRAGMENTS = st.lists(
    st.sampled_from(
        [
            "text",
            " caf\u00e9 ",
            "\U0001f680",
            "&amp;",
            "&lt;p&gt;",
            "&#233;",
            "&#x1F680;",
            "<![CDATA[<b>&nbsp;</b>]]>",
            "<!-- note -->",
            "<?pi x?>",
            "<b>bold</b>",
            '<a href="x" title="&quot;q&quot;">link</a>',
            "\n",
            "&nbsp;",
            "&#0;",
            "\x01",
            "&bogus;",
        ]
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(FRAGMENTS, st.sampled_from(["", '<?xml version="1.0" encoding="ISO-8859-1"?>']))
def test_the_fast_path_reads_what_the_repairs_would_have(fragments: list[str], decl: str) -> None:
    """read_xml hands libxml2 a document without a DOCTYPE as it is and repairs only what
    libxml2 refuses: whenever libxml2 accepts a document, the repaired document gives the same
    tree and the repairs would have warned of nothing."""
    text = decl + "<feed><title>" + "".join(fragments) + "</title></feed>"
    ctx = ParseContext("t")
    reading = read_xml(text, ctx, comments=False)
    if reading.root is None:
        return
    repaired_ctx = ParseContext("t")
    repaired = neutralise(text, repaired_ctx)
    tree = etree.fromstring(repaired.encode(), xml_parser(comments=False, utf8=True))
    assert etree.tostring(reading.root) == etree.tostring(tree)
    assert ctx.warnings == repaired_ctx.warnings

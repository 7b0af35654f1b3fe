"""Write tests/fixtures/hostile/: each hostile input and, beside it, what must happen.

    python tests/make_hostile_corpus.py

The expectations are written here by hand, case by case (never recorded from a run): they say
what statuskit promises, and tests/test_hostile.py holds the code to them.  The schema of a
``<case>.expected.json``:

``about``             what the case attacks, in one sentence.
``outcome``           ``"snapshot"`` or ``"error"``, for ``statuskit.parse`` in lenient mode.
``error``             the error class name, or a list of acceptable ones (subclasses count).
``limit``             for InputLimitError: the limit named.
``message_contains``  a piece of the error message.
``adapter``           the adapter that must read it (for an error: the adapter it names).
``warnings``          the exact warnings of the reading, in order.
``warnings_contain``  pieces each of which some warning must contain.
``no_warnings``       true when the reading must come out clean.
``check``             {dotted path in the snapshot's JSON: value}; a list value compared by
                      length when the expectation is an int.
``result_lacks``      pieces that must appear nowhere in the result (the snapshot's JSON, or
                      the error's message): file content, the URL of an external entity, an
                      entity's expansion.
``strict``            the outcome in strict mode, same keys; by default an error stays the
                      same error, a snapshot with warnings becomes a ParseError, a clean
                      snapshot stays the same snapshot.
``as_str``            also parse the input decoded as str (latin-1), with the same outcome.
``xml`` / ``html`` / ``feedparser``
                      the outcome of statuskit's safe XML parser, safe HTML parser, or of
                      feedparser fed through ``feedparser_bytes`` (``"ok"`` or ``"error"``).
``args``              keyword arguments for statuskit.parse (``limits`` as a dict) go to
                      ``<case>.args.json``.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "fixtures" / "hostile"

CASES: list[tuple[str, bytes, dict[str, Any], dict[str, Any] | None]] = []


def case(
    name: str, data: bytes | str, expected: dict[str, Any], args: dict[str, Any] | None = None
) -> None:
    CASES.append((name, data.encode("utf-8") if isinstance(data, str) else data, expected, args))


def summary(**changes: Any) -> dict[str, Any]:
    """A small Statuspage summary.json, as the API serves it."""
    doc: dict[str, Any] = {
        "page": {
            "id": "kctbh9vrtdwd",
            "name": "Example",
            "url": "https://status.example.com",
            "time_zone": "Etc/UTC",
            "updated_at": "2026-07-24T19:43:40.040Z",
        },
        "components": [
            {
                "id": "8l4ygp009s5s",
                "name": "API",
                "status": "operational",
                "created_at": "2017-01-31T20:05:05.370Z",
                "updated_at": "2026-07-24T19:43:40.040Z",
                "position": 1,
                "description": None,
                "showcase": False,
                "start_date": None,
                "group_id": None,
                "page_id": "kctbh9vrtdwd",
                "group": False,
                "only_show_if_degraded": False,
            },
            {
                "id": "brv1bkgrwx7q",
                "name": "Webhooks",
                "status": "operational",
                "created_at": "2017-01-31T20:01:46.621Z",
                "updated_at": "2026-07-24T19:43:40.040Z",
                "position": 2,
                "description": None,
                "showcase": False,
                "start_date": None,
                "group_id": None,
                "page_id": "kctbh9vrtdwd",
                "group": False,
                "only_show_if_degraded": False,
            },
        ],
        "incidents": [],
        "scheduled_maintenances": [],
        "status": {"indicator": "none", "description": "All Systems Operational"},
    }
    doc.update(changes)
    return doc


def js(doc: Any) -> str:
    return json.dumps(doc, indent=2)


SUMMARY = js(summary())


def incident(created: str = "2026-07-24T18:00:00.000Z", **fields: Any) -> dict[str, Any]:
    inc = {
        "id": "x9k2m4n6p8q0",
        "name": "Elevated error rates",
        "status": "resolved",
        "impact": "minor",
        "created_at": created,
        "updated_at": "2026-07-24T19:00:00.000Z",
        "resolved_at": "2026-07-24T19:00:00.000Z",
        "started_at": created,
        "shortlink": "https://stspg.io/x9k2m4n6",
        "incident_updates": [
            {
                "id": "u1",
                "status": "resolved",
                "body": "Fixed.",
                "created_at": "2026-07-24T19:00:00.000Z",
                "display_at": "2026-07-24T19:00:00.000Z",
                "affected_components": None,
            }
        ],
        "components": [],
    }
    inc.update(fields)
    return inc


def atom(entry_body: str, *, prolog: str = "", root_attrs: str = "") -> str:
    """A Statuspage history.atom (what statuspage.feed reads) with one entry, *entry_body* in it."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + prolog
        + f'<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom"{root_attrs}>\n'
        "  <id>tag:status.example.com,2005:/history</id>\n"
        '  <link rel="alternate" type="text/html" href="https://status.example.com"/>\n'
        "  <title>Example Status - Incident History</title>\n"
        "  <updated>2026-07-24T19:43:40Z</updated>\n"
        "  <author><name>Example</name></author>\n"
        "  <entry>\n"
        "    <id>tag:status.example.com,2005:Incident/1</id>\n"
        "    <published>2026-07-24T18:00:00Z</published>\n"
        "    <updated>2026-07-24T19:00:00Z</updated>\n"
        '    <link rel="alternate" type="text/html" href="https://status.example.com/incidents/x9k2m4n6p8q0"/>\n'
        + entry_body
        + "  </entry>\n</feed>\n"
    )


def rss(item_body: str, *, prolog: str = "", item_attrs: str = "") -> str:
    """A hand-written status RSS (what the generic feed adapter reads) with one item,
    *item_body* in it."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + prolog
        + '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "  <channel>\n"
        "    <title>Example Status - Incident History</title>\n"
        "    <link>https://status.example.com</link>\n"
        "    <description>Incidents and maintenance of Example</description>\n"
        "    <pubDate>Fri, 24 Jul 2026 19:43:40 +0000</pubDate>\n"
        f"    <item{item_attrs}>\n"
        "      <title>Elevated error rates</title>\n"
        "      <pubDate>Fri, 24 Jul 2026 18:00:00 +0000</pubDate>\n"
        "      <link>https://status.example.com/incidents/x9k2m4n6p8q0</link>\n"
        "      <guid>https://status.example.com/incidents/x9k2m4n6p8q0</guid>\n"
        + item_body
        + "    </item>\n  </channel>\n</rss>\n"
    )


def page(body: str, head: str = "", name: str = "API") -> str:
    """A Statuspage index page (what statuspage.html reads) with one component, *name*, and
    *body* after its components section."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Example Status</title>\n"
        '<meta name="issued" content="1787883396">\n'
        '<link rel="shortcut icon" href="//dka575ofm4ao0.cloudfront.net/pages-favicon_logos/1/x">\n'
        '<link rel="canonical" href="https://status.example.com">\n' + head + "</head>\n"
        '<body class="status index status-none">\n'
        '<div class="layout-content status status-index starter"><div class="container">\n'
        '<div class="components-section font-regular"><div class="components-container one-column">\n'
        '<div class="component-container border-color">\n'
        '<div data-component-id="c1api0000001" class="component-inner-container status-green" '
        'data-component-status="operational" data-js-hook="">\n'
        f'<span class="name">{name}</span>\n'
        '<span class="component-status" title="">Operational</span>\n'
        "</div></div></div></div>\n" + body + "\n</div></div>\n</body>\n</html>\n"
    )


# -- feeds: what every XML case shares ----------------------------------------------------------
# Atom cases are shaped like a Statuspage history.atom (read by statuspage.feed), RSS cases like a
# hand-written status RSS (read by the generic "feed" adapter): both feed paths are held to the
# cases.  A feed that needed a repair is still read by lxml; only what lxml refuses after the
# repairs goes to feedparser (with a warning naming the fault), from the repaired text.

SP_FEED = {"outcome": "snapshot", "adapter": "statuspage.feed"}
RSS_FEED = {"outcome": "snapshot", "adapter": "feed"}
SUBSET_IGNORED = "DOCTYPE internal subset ignored (statuskit never expands entities)"
ROOT_LINE = "root:x:0:0"  # the first line of /etc/passwd: never anywhere in a result
SP_UPDATE = (
    "&lt;p&gt;&lt;small&gt;Jul &lt;var data-var='date'&gt;24&lt;/var&gt;, "
    "&lt;var data-var='time'&gt;19:00&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;"
    "&lt;strong&gt;Resolved&lt;/strong&gt; - This incident has been resolved.&lt;/p&gt;"
)
SP_CONTENT = f'    <content type="html">{SP_UPDATE}</content>\n'


def sp_warning(message: str, adapter: str = "statuspage.feed") -> str:
    return f"{adapter}: {message}"


def strict_error(piece: str, error: str = "ParseError") -> dict[str, Any]:
    return {"outcome": "error", "error": error, "message_contains": piece}


# -- feedparser's failure modes (issue 7, in order) --------------------------------------------

case(
    "feed-charref-beyond-unicode.xml",
    atom("    <title>Outage &#x110000; resolved</title>\n" + SP_CONTENT),
    {
        "about": "&#x110000; is past U+10FFFF: feedparser raises ValueError (chr() arg not in range)",
        **SP_FEED,
        "warnings": [sp_warning("1 invalid character reference(s) replaced by U+FFFD")],
        "check": {
            "incidents.0.title": "Outage \ufffd resolved",
            "incidents.0.status": "resolved",
            "incidents.0.updates": 1,
        },
        "strict": strict_error("invalid character reference"),
        "xml": {"outcome": "ok", "warnings_contain": ["invalid character reference"]},
        "feedparser": {"outcome": "ok", "warnings_contain": ["invalid character reference"]},
    },
)
case(
    "feed-charref-overflow.xml",
    rss("      <description>Outage &#99999999999; resolved</description>\n"),
    {
        "about": "&#99999999999; overflows a C int: feedparser raises OverflowError",
        **RSS_FEED,
        "warnings": [sp_warning("1 invalid character reference(s) replaced by U+FFFD", "feed")],
        "check": {"incidents.0.updates.0.body": "Outage \ufffd resolved"},
        "strict": strict_error("invalid character reference"),
        "xml": {"outcome": "ok", "warnings_contain": ["invalid character reference"]},
        "feedparser": {"outcome": "ok", "warnings_contain": ["invalid character reference"]},
    },
)
case(
    "feed-charref-surrogate.xml",
    rss("      <description>Outage &#xD800; resolved</description>\n"),
    {
        "about": "&#xD800; is a lone surrogate: feedparser raises UnicodeEncodeError",
        **RSS_FEED,
        "warnings": [sp_warning("1 invalid character reference(s) replaced by U+FFFD", "feed")],
        "check": {"incidents.0.updates.0.body": "Outage \ufffd resolved"},
        "strict": strict_error("invalid character reference"),
        "xml": {"outcome": "ok", "warnings_contain": ["invalid character reference"]},
        "feedparser": {"outcome": "ok", "warnings_contain": ["invalid character reference"]},
    },
)
case(
    "feed-entity-backslash.xml",
    rss(
        "      <description>&x; &y;</description>\n",
        prolog='<!DOCTYPE rss [\n  <!ENTITY x "C:\\temp\\new">\n  <!ENTITY y "\\1\\g<0>">\n]>\n',
    ),
    {
        "about": "an entity value with a backslash: feedparser builds a regex from it and raises re.error",
        **RSS_FEED,
        "warnings": [
            sp_warning(SUBSET_IGNORED, "feed"),
            sp_warning("2 undeclared entity reference(s) kept as text (&x;, &y;)", "feed"),
        ],
        "check": {"incidents.0.updates.0.body": "&x; &y;"},
        "result_lacks": ["C:\\temp", "\\g<0>"],
        "strict": strict_error("internal subset ignored"),
        "xml": {"outcome": "ok", "warnings_contain": ["internal subset ignored", "&x;"]},
        "feedparser": {"outcome": "ok", "warnings_contain": ["internal subset ignored"]},
    },
)
for name, text in (
    ("path-etc-passwd.txt", "/etc/passwd"),
    ("path-file-url.txt", "file:///etc/passwd"),
    ("path-http-url.txt", "http://127.0.0.1:9/history.atom"),
    ("path-relative.txt", "../../../../etc/hostname"),
):
    case(
        name,
        text,
        {
            "about": "a str or bytes that looks like a path or URL: feedparser would open or fetch it; "
            "statuskit reads it as content (and recognises nothing)",
            "outcome": "error",
            "error": "UnknownFormatError",
            "as_str": True,
            "feedparser": {"outcome": "ok", "text_lacks": "root:"},
        },
    )
case(
    "feed-many-attributes.xml",
    rss("", item_attrs="".join(f' a{i}="{i}"' for i in range(3000))),
    {
        "about": "3,000 attributes on one element: feedparser (and libxml2's HTML parser) check them pairwise",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_attributes",
        "adapter": "feed",
        "xml": {"outcome": "error", "error": "InputLimitError", "limit": "max_attributes"},
        "feedparser": {"outcome": "error", "error": "InputLimitError", "limit": "max_attributes"},
    },
)
case(
    "feed-unclosed-escaped-comment.xml",
    rss("      <description>" + "&lt;!--" * 5000 + "</description>\n"),
    {
        "about": "5,000 escaped comment openers that never close: feedparser's sanitizer is quadratic on them",
        **RSS_FEED,
        "warnings": [],
        "check": {
            "incidents.0.updates.0.body": "",
            "incidents.0.updates.0.body_html": "<!--" * 5000,
        },
        "xml": {"outcome": "ok", "no_warnings": True},
        "feedparser": {"outcome": "ok", "warnings_contain": ["escaped comment"]},
    },
)
case(
    "feed-long-author-email.xml",
    rss("      <author>" + "a" * 20000 + "@</author>\n"),
    {
        "about": "a 20,000-character author without a valid e-mail: feedparser's e-mail regex is quadratic",
        **RSS_FEED,
        "warnings": [],
        "check": {"incidents.0.title": "Elevated error rates"},
        "xml": {"outcome": "ok", "no_warnings": True},
        "feedparser": {"outcome": "ok", "warnings_contain": ["author or e-mail field"]},
    },
)
case(
    "feed-atom-long-author-email.xml",
    atom(
        "    <title>x</title>\n    <author><name>Ops</name><email>"
        + "b." * 10000
        + "@x</email></author>\n"
        + SP_CONTENT
    ),
    {
        "about": "a 20,000-character Atom author e-mail",
        **SP_FEED,
        "warnings": [],
        "check": {"incidents.0.title": "x", "incidents.0.status": "resolved"},
        "xml": {"outcome": "ok", "no_warnings": True},
        "feedparser": {"outcome": "ok", "warnings_contain": ["author or e-mail field"]},
    },
)
case(
    "feed-long-author-malformed.xml",
    rss("      <author>" + "a" * 20000 + "@</author>\n      <description>AT & T</description>\n"),
    {
        "about": "the same long author in a feed lxml refuses (a bare '&'): feedparser reads it, "
        "the author cut first",
        **RSS_FEED,
        "warnings": [
            "feed at line 14: feed is not well-formed XML (xmlParseEntityRef: no name): "
            "read with feedparser",
            "feed: 1 author or e-mail field(s) cut to 256 characters",
        ],
        "check": {"incidents.0.updates.0.body": "AT & T"},
        "strict": strict_error("not well-formed"),
    },
)

# -- lxml -------------------------------------------------------------------------------------

case(
    "xml-deep-300.xml",
    '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    + "<x>" * 300
    + "</x>" * 300
    + "</feed>",
    {
        "about": "300 levels of nesting: lxml with recover=True silently truncates at 256",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
        "adapter": "feed",
        "message_contains": "nested deeper than max_depth=64",
        "xml": {"outcome": "error", "error": "InputLimitError", "limit": "max_depth"},
    },
)
case(
    "xml-deep-70.xml",
    '<?xml version="1.0"?>\n<rss version="2.0">' + "<x>" * 70 + "</x>" * 70 + "</rss>",
    {
        "about": "70 levels: within libxml2's bound, past statuskit's max_depth=64",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
        "adapter": "feed",
        "message_contains": "nested deeper than max_depth=64",
        "xml": {"outcome": "error", "error": "InputLimitError", "limit": "max_depth"},
    },
)
DEEP_XHTML = atom(
    '    <title>Deep</title>\n    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
    + "<div>" * 62
    + "Resolved"
    + "</div>" * 62
    + "</div></content>\n"
)
case(
    "feed-deep-xhtml-content.xml",
    DEEP_XHTML,
    {
        "about": "an entry body 66 levels down (feed, entry, content, div, 62 divs): past max_depth=64",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
        "adapter": "statuspage.feed",
    },
)
case(
    "feed-deep-xhtml-content-allowed.xml",
    DEEP_XHTML,
    {
        "about": "the same body with max_depth raised to 100: read, nested markup kept as HTML",
        **SP_FEED,
        "warnings": [
            "statuspage.feed at /feed/entry[1]/body: entry body holds no update blocks: "
            "kept as one update"
        ],
        "check": {"incidents.0.updates.0.body": "Resolved"},
    },
    {"limits": {"max_depth": 100}},
)
case(
    "feed-deep-malformed.xml",
    rss("      <description>AT & T</description>\n" + "<x>" * 70 + "</x>" * 70 + "\n"),
    {
        "about": "70 levels after a fault lxml stops at (a bare '&'): the depth still holds for the "
        "fallback reader, measured past the fault",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
        "adapter": "feed",
        "xml": {"outcome": "error", "error": "InputLimitError", "limit": "max_depth"},
    },
)
LAUGHS = (
    '<!DOCTYPE feed [\n  <!ENTITY lol "lol">\n'
    + "".join(
        f'  <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)
case(
    "xml-billion-laughs.xml",
    atom("    <title>&lol9;</title>\n" + SP_CONTENT, prolog=LAUGHS),
    {
        "about": "billion laughs: nine levels of entities expanding tenfold each",
        **SP_FEED,
        "warnings": [
            sp_warning(SUBSET_IGNORED),
            sp_warning("1 undeclared entity reference(s) kept as text (&lol9;)"),
        ],
        "check": {"incidents.0.title": "&lol9;", "incidents.0.status": "resolved"},
        "result_lacks": ["lollol"],
        "strict": strict_error("internal subset ignored"),
        "xml": {"outcome": "ok", "warnings_contain": ["internal subset ignored", "&lol9;"]},
        "feedparser": {"outcome": "ok", "warnings_contain": ["internal subset ignored"]},
    },
)
case(
    "xml-billion-laughs-malformed.xml",
    rss("      <description>&lol9; &amp T</description>\n", prolog=LAUGHS.replace("feed", "rss")),
    {
        "about": "billion laughs in a feed lxml refuses (a bare '&amp' without ';'): feedparser (which "
        "hands declared entities to expat) reads the text with the DOCTYPE already gone",
        **RSS_FEED,
        "warnings": [
            sp_warning(SUBSET_IGNORED, "feed"),
            sp_warning("1 undeclared entity reference(s) kept as text (&lol9;)", "feed"),
            "feed at line 25: feed is not well-formed XML (EntityRef: expecting ';'): "
            "read with feedparser",
        ],
        "check": {"incidents.0.title": "Elevated error rates"},
        "result_lacks": ["lollol"],
        "strict": strict_error("internal subset ignored"),
    },
)
case(
    "xml-quadratic-blowup.xml",
    atom(
        "    <title>" + "&big;" * 2000 + "</title>\n" + SP_CONTENT,
        prolog='<!DOCTYPE feed [<!ENTITY big "' + "x" * 10000 + '">]>\n',
    ),
    {
        "about": "quadratic blowup: one 10 kB entity referenced 2,000 times (the DOCTYPE hides the "
        "root from detection: its name says 'feed')",
        "outcome": "snapshot",
        "adapter": "feed",
        "warnings": [
            "feed: " + SUBSET_IGNORED,
            "feed: 2000 undeclared entity reference(s) kept as text (&big;)",
        ],
        "check": {"platform": "statuspage", "incidents.0.title": "&big;" * 2000},
        "result_lacks": ["xxxxxxxxxx"],
        "strict": strict_error("internal subset ignored"),
        "xml": {"outcome": "ok", "warnings_contain": ["internal subset ignored", "&big;"]},
    },
)
case(
    "xml-xxe-file.xml",
    atom(
        "    <title>&xxe;</title>\n" + SP_CONTENT,
        prolog='<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    ),
    {
        "about": "an external entity pointing at /etc/passwd",
        **SP_FEED,
        "warnings": [
            sp_warning(SUBSET_IGNORED),
            sp_warning("1 undeclared entity reference(s) kept as text (&xxe;)"),
        ],
        "check": {"incidents.0.title": "&xxe;"},
        "result_lacks": [ROOT_LINE, "/etc/passwd"],
        "strict": strict_error("internal subset ignored"),
        "xml": {
            "outcome": "ok",
            "warnings_contain": ["internal subset ignored", "&xxe;"],
            "text_lacks": "root:",
        },
        "feedparser": {"outcome": "ok", "text_lacks": "root:"},
    },
)
case(
    "xml-xxe-file-malformed.xml",
    rss(
        "      <description>&xxe; AT&T</description>\n",
        prolog='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
    ),
    {
        "about": "an external entity pointing at /etc/passwd in a feed lxml refuses: the fallback "
        "reads the text without its DOCTYPE",
        **RSS_FEED,
        "warnings": [
            sp_warning(SUBSET_IGNORED, "feed"),
            sp_warning("1 undeclared entity reference(s) kept as text (&xxe;)", "feed"),
            "feed at line 14: feed is not well-formed XML (EntityRef: expecting ';'): "
            "read with feedparser",
        ],
        "result_lacks": [ROOT_LINE, "/etc/passwd"],
        "strict": strict_error("internal subset ignored"),
    },
)
case(
    "xml-xxe-http.xml",
    rss(
        "      <description>&xxe;</description>\n",
        prolog='<!DOCTYPE rss [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>\n',
    ),
    {
        "about": "an external entity pointing at an http URL",
        **RSS_FEED,
        "warnings": [
            sp_warning(SUBSET_IGNORED, "feed"),
            sp_warning("1 undeclared entity reference(s) kept as text (&xxe;)", "feed"),
        ],
        "check": {"incidents.0.updates.0.body": "&xxe;"},
        "result_lacks": ["127.0.0.1"],
        "strict": strict_error("internal subset ignored"),
        "xml": {"outcome": "ok", "warnings_contain": ["internal subset ignored"]},
        "feedparser": {"outcome": "ok"},
    },
)
case(
    "xml-xxe-parameter.xml",
    rss(
        "      <description>x</description>\n",
        prolog='<!DOCTYPE rss [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>\n',
    ),
    {
        "about": "a parameter entity loading an external DTD",
        **RSS_FEED,
        "warnings": [sp_warning(SUBSET_IGNORED, "feed")],
        "check": {"incidents.0.updates.0.body": "x"},
        "result_lacks": ["127.0.0.1"],
        "strict": strict_error("internal subset ignored"),
        "xml": {"outcome": "ok", "warnings_contain": ["internal subset ignored"]},
        "feedparser": {"outcome": "ok"},
    },
)
case(
    "xml-external-dtd.xml",
    '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    '"http://127.0.0.1:9/rss-0.91.dtd">\n'
    + rss("      <description>caf&eacute;&nbsp;open</description>\n").split("\n", 1)[1],
    {
        "about": "RSS 0.91 with its external DTD: never fetched; the HTML entities it would define read as characters",
        **RSS_FEED,
        "warnings": [],
        "check": {
            "incidents.0.updates.0.body": "café open",
            "incidents.0.updates.0.body_html": "café\u00a0open",
        },
        "result_lacks": ["127.0.0.1"],
        "xml": {"outcome": "ok", "no_warnings": True, "text_contains": "café\u00a0open"},
    },
)
case(
    "xml-xinclude.xml",
    atom(
        '    <title>x</title>\n    <content type="html"><xi:include href="file:///etc/passwd" parse="text"/></content>\n',
        root_attrs=' xmlns:xi="http://www.w3.org/2001/XInclude"',
    ),
    {
        "about": "an XInclude of /etc/passwd: never processed (an entry body of no text is no update)",
        **SP_FEED,
        "warnings": [],
        "check": {"incidents.0.title": "x", "incidents.0.updates": 0},
        "result_lacks": [ROOT_LINE, "/etc/passwd"],
        "xml": {"outcome": "ok", "no_warnings": True, "text_lacks": "root:"},
    },
)
case(
    "xml-unclosed-comment.xml",
    atom("    <title>x</title>\n" + SP_CONTENT + "    <!-- never closed\n"),
    {
        "about": "a comment that never closes: lxml refuses it (never a silent truncation); "
        "feedparser reads the entry before it, and the reading says so",
        **SP_FEED,
        "warnings": [
            "statuspage.feed at line 18: feed is not well-formed XML (Comment not terminated): "
            "read with feedparser"
        ],
        "check": {"incidents.0.title": "x", "incidents.0.status": "resolved"},
        "strict": strict_error("Comment not terminated"),
        "xml": {
            "outcome": "error",
            "error": "ParseError",
            "message_contains": "Comment not terminated",
        },
    },
)
case(
    "xml-many-unclosed-comments.xml",
    atom("    <title>x</title>\n" + SP_CONTENT + "<!--" * 5000),
    {
        "about": "5,000 comment openers: one linear scan, lxml refuses the document, feedparser "
        "reads the entry before them",
        **SP_FEED,
        "warnings": [
            "statuspage.feed at line 15: feed is not well-formed XML (Double hyphen within "
            "comment: <!--<!): read with feedparser"
        ],
        "check": {"incidents.0.title": "x", "incidents.0.status": "resolved"},
        "strict": strict_error("not well-formed"),
        "xml": {"outcome": "error", "error": "ParseError"},
    },
)
case(
    "xml-namespace-flood.xml",
    atom(
        "    <title>x</title>\n",
        root_attrs="".join(f' xmlns:n{i}="urn:x:{i}"' for i in range(2000)),
    ),
    {
        "about": "2,000 namespace declarations on the root",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_attributes",
        "adapter": "feed",
        "xml": {"outcome": "error", "error": "InputLimitError", "limit": "max_attributes"},
    },
)
case(
    "xml-doctype-never-ends.xml",
    '<?xml version="1.0"?>\n<!DOCTYPE feed [ <!ENTITY a "x"> \n<feed xmlns="http://www.w3.org/2005/Atom"/>',
    {
        "about": "a DOCTYPE whose internal subset never closes (detection goes by its name)",
        "outcome": "error",
        "error": "ParseError",
        "adapter": "feed",
        "message_contains": "DOCTYPE declaration never ends",
        "xml": {"outcome": "error", "error": "ParseError", "message_contains": "DOCTYPE"},
    },
)
case(
    "xml-control-characters.xml",
    rss("      <description>bad\x01 bytes\x0b here\x1f</description>\n"),
    {
        "about": "C0 control characters XML forbids, raw in a feed",
        **RSS_FEED,
        "warnings": [sp_warning("3 character(s) XML forbids replaced by U+FFFD", "feed")],
        "check": {"incidents.0.updates.0.body": "bad\ufffd bytes\ufffd here\ufffd"},
        "strict": strict_error("XML forbids"),
        "xml": {"outcome": "ok", "warnings_contain": ["XML forbids"]},
        "feedparser": {"outcome": "ok", "warnings_contain": ["XML forbids"]},
    },
)
case(
    "xml-declared-latin1.xml",
    rss("      <description>caf\u00e9</description>\n")
    .replace("UTF-8", "ISO-8859-1")
    .encode("latin-1"),
    {
        "about": "a feed declaring ISO-8859-1 in its XML declaration, and encoded so",
        **RSS_FEED,
        "warnings": [],
        "check": {"incidents.0.updates.0.body": "café"},
        "xml": {"outcome": "ok", "no_warnings": True, "text_contains": "café"},
    },
)
case(
    "feed-http-charset.xml",
    rss("      <description>caf\u00e9</description>\n").encode("latin-1"),
    {
        "about": "ISO-8859-1 bytes under a declaration of UTF-8, as the HTTP charset says: the HTTP "
        "charset wins (RFC 7303)",
        **RSS_FEED,
        "warnings": [],
        "check": {"incidents.0.updates.0.body": "café"},
    },
    {"content_type": "application/rss+xml; charset=ISO-8859-1"},
)
BAD_UTF8 = rss("      <description>caf\udce9 au lait</description>\n").encode(
    "utf-8", "surrogateescape"
)
case(
    "feed-invalid-utf8.xml",
    BAD_UTF8,
    {
        "about": "a byte that is not UTF-8 in a feed declared UTF-8: replaced, with a warning, and "
        "the feed still read by lxml",
        **RSS_FEED,
        "warnings": [f"feed at byte {BAD_UTF8.index(0xE9)}: invalid utf-8 bytes replaced"],
        "check": {"incidents.0.updates.0.body": "caf\ufffd au lait"},
        "strict": strict_error("invalid utf-8 bytes"),
    },
)
case(
    "xml-utf16-bom.xml",
    codecs.BOM_UTF16_LE
    + atom("    <title>caf\u00e9</title>\n" + SP_CONTENT)
    .replace("UTF-8", "UTF-16")
    .encode("utf-16-le"),
    {
        "about": "an Atom feed in UTF-16 LE with its byte order mark",
        **SP_FEED,
        "warnings": [],
        "check": {"incidents.0.title": "café", "incidents.0.status": "resolved"},
        "xml": {"outcome": "ok", "no_warnings": True, "text_contains": "café"},
    },
)
case(
    "feed-html-entities.xml",
    rss("      <description>&lt;p&gt;Fixed &ndash; caf&eacute;&hellip;&lt;/p&gt;</description>\n"),
    {
        "about": "HTML's named entities, which feeds use without declaring them: read as their "
        "characters by lxml, no fallback, no warning",
        **RSS_FEED,
        "warnings": [],
        "check": {
            "incidents.0.updates.0.body": "Fixed \u2013 café\u2026",
            "incidents.0.updates.0.body_html": "<p>Fixed \u2013 café\u2026</p>",
        },
    },
)
case(
    "feed-too-many-entries.xml",
    rss("").replace(
        "    <item>\n",
        "".join(
            f"    <item><title>Incident {i}</title><guid>i{i}</guid></item>\n" for i in range(20)
        )
        + "    <item>\n",
    ),
    {
        "about": "21 entries with max_items=5: the first five are read, with a warning",
        **RSS_FEED,
        "warnings": ["feed at /: feed of 21 entries cut to max_items=5"],
        "check": {"incidents": 5, "incidents.4.title": "Incident 4"},
    },
    {"limits": {"max_items": 5}},
)
case(
    "feed-long-body.xml",
    rss("      <description>" + "Still investigating. " * 20 + "</description>\n"),
    {
        "about": "an entry body longer than max_text=100: truncated, with a warning",
        **RSS_FEED,
        "warnings": [
            "feed at /rss/channel/item[1]/body: text longer than 100 characters truncated"
        ],
        "check": {"incidents.0.updates.0.body_html": ("Still investigating. " * 5)[:100]},
    },
    {"limits": {"max_text": 100}},
)
case(
    "feed-long-date.xml",
    rss("").replace(
        "      <pubDate>Fri, 24 Jul 2026 18:00:00 +0000</pubDate>\n",
        "      <pubDate>" + "Fri, 24 Jul 2026 18:00:00 +0000 " * 10 + "</pubDate>\n",
    ),
    {
        "about": "a 330-character pubDate: not handed to the date parser (max_date_length=64)",
        **RSS_FEED,
        "warnings_contain": [
            "feed at /rss/channel/item[1]/published: date longer than 64 characters ignored"
        ],
        "check": {"incidents.0.created_at": None},
    },
)

# -- HTML ---------------------------------------------------------------------------------------
# Shaped like a Statuspage index, so that statuspage.html (merged from the html branch) reads them.

SP_HTML = {"adapter": "statuspage.html"}

case(
    "html-deep-1000.html",
    page("<div>" * 1000 + "Major outage" + "</div>" * 1000),
    {
        "about": "1,000 nested divs: libxml2 silently drops what lies past 256; statuskit refuses"
        " the page rather than return it with parts missing",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
        **SP_HTML,
        "html": {"outcome": "error", "error": "InputLimitError", "limit": "max_depth"},
    },
)
case(
    "html-many-attributes.html",
    page("<div " + " ".join(f"data-a{i}" for i in range(5000)) + ">API</div>"),
    {
        "about": "5,000 attributes on one element: libxml2's HTML parser checks them pairwise",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_attributes",
        "html": {"outcome": "error", "error": "InputLimitError", "limit": "max_attributes"},
    },
)
case(
    "html-attributes-behind-quoted-gt.html",
    page('<div title=">" ' + " ".join(f"a{i}" for i in range(2000)) + ">API</div>"),
    {
        "about": "attributes hidden behind a quoted '>' that a naive scan takes for the tag's end",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_attributes",
        "html": {"outcome": "error", "error": "InputLimitError", "limit": "max_attributes"},
    },
)
case(
    "html-unclosed-comments.html",
    page('<div class="page-status">x</div>' + "<!--" * 5000),
    {
        "about": "5,000 comment openers that never close",
        "outcome": "snapshot",
        **SP_HTML,
        "no_warnings": True,
        "check": {"components": 1},
        "html": {"outcome": "ok", "text_contains": "API"},
    },
)
case(
    "html-javascript-urls.html",
    page(
        '<a href="javascript:alert(1)">History</a><a href="data:text/html,<script>x</script>">x</a>'
        '<img src="http://127.0.0.1:9/track.gif"><script>fetch("http://127.0.0.1:9/")</script>'
        '<iframe src="file:///etc/passwd"></iframe>',
    ).replace('"https://status.example.com"', '"javascript:alert(1)"'),
    {
        "about": "script, javascript: and data: links, a tracking image, an iframe: nothing is run or "
        "fetched, and no such URL is reported",
        "outcome": "snapshot",
        **SP_HTML,
        "no_warnings": True,
        "check": {"page.url": None, "components": 1},
        "html": {"outcome": "ok", "text_lacks": "root:"},
    },
)
case(
    "html-nul-bytes.html",
    page("<p>x</p>", name="API\x00 is\x00 down"),
    {
        "about": "NUL bytes in a component name",
        "outcome": "snapshot",
        **SP_HTML,
        "check": {"components.0.name": "API\ufffd is\ufffd down"},
        "html": {"outcome": "ok", "text_contains": "API\ufffd is\ufffd down"},
    },
)
case(
    "html-meta-charset-lies.html",
    page(
        "<p>x</p>",
        head='<meta http-equiv="Content-Type" content="text/html; charset=utf-16">\n',
        name="Caf\u00e9 \u2013 r\u00e9solu",
    ).replace('<meta charset="utf-8">\n', ""),
    {
        "about": "a meta tag claiming UTF-16 in ASCII-readable bytes (it cannot be)",
        "outcome": "snapshot",
        **SP_HTML,
        "no_warnings": True,
        "check": {"components.0.name": "Café – résolu"},
        "html": {"outcome": "ok", "no_warnings": True, "text_contains": "Café – résolu"},
    },
)
case(
    "html-meta-charset-latin1.html",
    page("<p>x</p>", head='<meta charset="iso-8859-1">\n', name="Caf\u00e9")
    .replace('<meta charset="utf-8">\n', "")
    .encode("latin-1"),
    {
        "about": "a page encoded and declared ISO-8859-1 in <meta>",
        "outcome": "snapshot",
        **SP_HTML,
        "no_warnings": True,
        "check": {"components.0.name": "Café"},
        "html": {"outcome": "ok", "no_warnings": True, "text_contains": "Café"},
    },
)
case(
    "html-too-many-tags.html",
    page("<i></i>" * 300),
    {
        "about": "more tags than max_nodes=200, refused before parsing",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_nodes",
        "html": {"outcome": "error", "error": "InputLimitError", "limit": "max_nodes"},
    },
    {"limits": {"max_nodes": 200}},
)


# -- JSON -------------------------------------------------------------------------------------

case(
    "json-deep-5000.json",
    '{"page": {"id": "kctbh9vrtdwd"}, "status": {"indicator": "none"}, "components": '
    + "[" * 5000
    + "]" * 5000
    + "}",
    {
        "about": "5,000 nested arrays: json raises RecursionError; statuskit measures depth before decoding",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
    },
)
case(
    "json-deep-70.json",
    '{"page": {"id": "kctbh9vrtdwd"}, "status": {"indicator": "none"}, "components": [{"x": '
    + '{"a": ' * 70
    + "1"
    + "}" * 70
    + "}]}",
    {
        "about": "70 levels: within every decoder's bound, past max_depth=64",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_depth",
    },
)
case(
    "json-deep-unbalanced.json",
    '{"page": {"id": "kctbh9vrtdwd"}, "status": {"indicator": "none"}, "components": '
    + "[" * 20000,
    {
        "about": "20,000 openers that never close",
        "outcome": "error",
        "error": "ParseError",
    },
)
case(
    "json-4300-digits.json",
    SUMMARY.replace('"position": 1', '"position": ' + "9" * 5000, 1),
    {
        "about": "a 5,000-digit integer: json raises ValueError past 4,300 digits",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["$.components[0].position: integer beyond 64 bits: read as null"],
        "check": {"components": 2, "components.0.position": None},
    },
)
case(
    "json-huge-numbers.json",
    SUMMARY.replace('"position": 1', '"position": 1e999', 1).replace(
        '"position": 2', '"position": 123456789012345678901234567890', 1
    ),
    {
        "about": "1e999 overflows a double; a 30-digit integer overflows 64 bits (orjson silently makes it a float)",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": [
            "$.components[0].position: number out of range: read as null",
            "$.components[1].position: integer beyond 64 bits: read as null",
        ],
        "check": {"components.0.position": None, "components.1.position": None},
    },
)
case(
    "json-nan-infinity.json",
    SUMMARY.replace('"position": 1', '"position": NaN', 1).replace(
        '"position": 2', '"position": -Infinity', 1
    ),
    {
        "about": "NaN and -Infinity are not JSON (json accepts them, orjson refuses)",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": [
            "NaN is not JSON: read as null",
            "-Infinity is not JSON: read as null",
        ],
        "check": {"components.0.position": None, "components.1.position": None},
    },
)
case(
    "json-duplicate-keys.json",
    SUMMARY.replace('"name": "API"', '"name": "API", "name": "Evil twin"', 1).replace(
        '"status": "operational"', '"status": "operational", "status": "major_outage"', 1
    ),
    {
        "about": "repeated keys: parsers disagree on which wins; statuskit keeps the last, and says so",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": [
            "$.components[0]: duplicate key 'name'",
            "$.components[0]: duplicate key 'status'",
        ],
        "check": {"components.0.name": "Evil twin", "components.0.status": "major_outage"},
        "strict": {"outcome": "error", "error": "ParseError", "message_contains": "duplicate key"},
    },
)
case(
    "json-duplicate-top-level.json",
    SUMMARY[:-2]
    + ',\n  "status": {"indicator": "critical", "description": "Major System Outage"}\n}',
    {
        "about": "a repeated top-level key overriding the page status",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["at $: duplicate key 'status'"],
        "check": {"indicator": "major_outage"},
    },
)
case(
    "json-lone-surrogate.json",
    SUMMARY.replace('"name": "API"', '"name": "API \\ud800 gateway \\udfff"', 1),
    {
        "about": "escaped lone surrogates: orjson refuses, json accepts, UTF-8 cannot encode them later",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["2 escaped NUL or lone surrogate(s) in strings replaced by U+FFFD"],
        "check": {"components.0.name": "API \ufffd gateway \ufffd"},
    },
)
case(
    "json-surrogate-pair.json",
    SUMMARY.replace('"name": "API"', '"name": "API \\ud83d\\ude80 \\\\ud800"', 1),
    {
        "about": "an escaped surrogate pair (an emoji) and an escaped backslash before 'ud800' are fine",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "no_warnings": True,
        "check": {"components.0.name": "API \U0001f680 \\ud800"},
    },
)
case(
    "json-nul-escape.json",
    SUMMARY.replace('"name": "API"', '"name": "API\\u0000v2"', 1),
    {
        "about": "an escaped NUL in a string",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["1 escaped NUL or lone surrogate(s) in strings replaced by U+FFFD"],
        "check": {"components.0.name": "API\ufffdv2"},
    },
)
case(
    "json-raw-control.json",
    SUMMARY.replace('"name": "API"', '"name": "API\x00\x01v2"', 1),
    {
        "about": "raw NUL and control bytes inside a string (invalid JSON)",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["2 raw control character(s) (invalid in JSON) read as spaces"],
        "check": {"components.0.name": "API  v2"},
    },
)
for bom, enc, label in (
    (codecs.BOM_UTF8, "utf-8", "utf8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf16le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf16be"),
):
    case(
        f"json-bom-{label}.json",
        bom + SUMMARY.replace('"API"', '"API \u2013 caf\u00e9"', 1).encode(enc),
        {
            "about": f"summary.json in {enc.upper()} with its byte order mark, as AWS serves its JSON",
            "outcome": "snapshot",
            "adapter": "statuspage.json",
            "no_warnings": True,
            "check": {"components.0.name": "API \u2013 café", "components": 2},
        },
    )
case(
    "json-utf16le-no-bom.json",
    SUMMARY.encode("utf-16-le"),
    {
        "about": "UTF-16 LE without its mark",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "no_warnings": True,
        "check": {"components": 2},
    },
)
case(
    "json-invalid-utf8.json",
    SUMMARY.replace('"API"', '"API \udcff\udcfe"', 1).encode("utf-8", "surrogateescape"),
    {
        "about": "bytes that are not UTF-8: replaced, never a UnicodeDecodeError",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["invalid utf-8 bytes replaced"],
        "check": {"components.0.name": "API \ufffd\ufffd"},
    },
)
case(
    "json-charset-latin1.json",
    SUMMARY.replace('"API"', '"Caf\u00e9 API"', 1).encode("latin-1"),
    {
        "about": "a body in ISO-8859-1 as the HTTP charset says",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "no_warnings": True,
        "check": {"components.0.name": "Café API"},
    },
    {"content_type": "application/json; charset=iso-8859-1"},
)
case(
    "json-charset-bogus.json",
    SUMMARY,
    {
        "about": "a Content-Type charset that is no text encoding (base64) is ignored",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "no_warnings": True,
    },
    {"content_type": "application/json; charset=base64"},
)
case(
    "json-truncated.json",
    SUMMARY[: len(SUMMARY) // 2],
    {
        "about": "a body cut off mid-way",
        "outcome": "error",
        "error": "ParseError",
        "message_contains": "invalid JSON",
    },
)
case(
    "json-wrong-types.json",
    js(
        summary(
            components=[
                {"id": 7, "name": ["API"], "status": 3, "position": "first", "group_id": {}},
                "a string",
            ],
            incidents={"not": "a list"},
            status={"indicator": ["none"]},
        )
    ),
    {
        "about": "every field of the wrong type: warnings, never a TypeError or KeyError",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["expected a list, got dict", "expected a component object, got str"],
        "check": {"components": 1, "components.0.status": "unknown", "indicator": "unknown"},
    },
)
case(
    "json-hostile-urls.json",
    js(
        summary(
            page={
                "id": "kctbh9vrtdwd",
                "name": "X",
                "url": "javascript:alert(1)",
                "time_zone": "Etc/UTC",
            },
            incidents=[incident(shortlink="file:///etc/passwd")],
        )
    ),
    {
        "about": "javascript: and file: URLs are never reported",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "check": {"page.url": None, "incidents.0.url": None},
    },
)
case(
    "json-empty-components.json",
    js({"page": summary()["page"], "components": []}),
    {
        "about": "components.json listing nothing: the page changed or broke, and the reading says so",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": [
            "the page parsed to nothing",
            "although its format promises components",
        ],
        "strict": {"outcome": "error", "error": "ParseError"},
    },
)
case(
    "json-dates-hostile.json",
    js(
        summary(
            incidents=[
                incident(
                    "9" * 60,
                    id="i1",
                    started_at="July 24",
                    updated_at="2026-07-24 19:00 XYZ",
                    scheduled_for=None,
                ),
                incident(
                    "2026-07-24T18:00:00",
                    id="i2",
                    started_at="x" * 100,
                    updated_at="Tuesday 10:00",
                    resolved_at="9999-12-31T23:59:59-01:00",
                ),
            ],
            page={
                "id": "kctbh9vrtdwd",
                "name": "X",
                "url": "https://status.example.com",
                "updated_at": "1/2/03 10:00 UTC",
            },
        )
    ),
    {
        "about": "dates dateutil mishandles: a digit run (OverflowError), no year (filled from today), an "
        "unknown zone (host-local or naive), a two-digit year (pivoted on today), a naive time, an "
        "overlong string, a weekday only, a time that leaves year 9999 in UTC",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": [
            "$.incidents[0].created_at: unreadable date",
            "$.incidents[0].started_at: date without year, month or day ignored",
            "$.incidents[0].updated_at: unknown time zone 'XYZ'",
            "$.incidents[1].created_at: time without zone read as UTC",
            "$.incidents[1].started_at: date longer than 64 characters ignored",
            "$.incidents[1].updated_at: date without year, month or day ignored",
            "$.incidents[1].resolved_at: time out of range in UTC",
        ],
        "check": {
            "page.updated_at": "2003-01-02T10:00:00Z",
            "incidents.1.created_at": "2026-07-24T18:00:00Z",
        },
    },
)
for stem, value, warning, about in (
    (
        "json-date-overflow",
        "9" * 40,
        "unreadable date (OverflowError)",
        "a 40-digit date: dateutil raises OverflowError",
    ),
    (
        "json-date-without-year",
        "Jul 24 10:00",
        "date without year, month or day ignored",
        "a date without a year: dateutil fills it from today",
    ),
    (
        "json-date-host-zone",
        "Jul 24 2026 10:00 XYZ",
        "unknown time zone 'XYZ'",
        "an abbreviation statuskit does not know: dateutil returns a naive time, or the host's "
        "local time when the host's zone has that name",
    ),
    (
        "json-date-naive",
        "2026-07-24 10:00",
        "time without zone read as UTC",
        "a time without zone on a page that names none: UTC, said so",
    ),
):
    case(
        f"{stem}.json",
        js(
            summary(
                page={"id": "kctbh9vrtdwd", "name": "X", "url": "https://status.example.com"},
                incidents=[incident(started_at=value)],
            )
        ),
        {
            "about": about,
            "outcome": "snapshot",
            "adapter": "statuspage.json",
            "warnings_contain": [f"$.incidents[0].started_at: {warning}"],
            "check": {"incidents.0.started_at": "2026-07-24T10:00:00Z"}
            if stem == "json-date-naive"
            else {"incidents.0.started_at": "2026-07-24T18:00:00Z"},
        },
    )
case(
    "json-too-many-items.json",
    js(
        summary(
            components=[
                {**summary()["components"][0], "id": f"c{i}", "name": f"C{i}"} for i in range(20)
            ]
        )
    ),
    {
        "about": "more components than max_items=10: the rest is cut, with a warning",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["list of 20 items cut to max_items=10"],
        "check": {"components": 10},
    },
    {"limits": {"max_items": 10}},
)
case(
    "json-long-text.json",
    js(
        summary(
            incidents=[
                incident(
                    incident_updates=[{**incident()["incident_updates"][0], "body": "x" * 500}]
                )
            ]
        )
    ),
    {
        "about": "an update body longer than max_text=100: truncated, with a warning",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": ["text longer than 100 characters truncated"],
        "check": {"incidents.0.updates.0.body": "x" * 100},
    },
    {"limits": {"max_text": 100}},
)
case(
    "json-over-max-bytes.json",
    SUMMARY,
    {
        "about": "a body larger than max_bytes=1000, refused before anything is decoded",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_bytes",
    },
    {"limits": {"max_bytes": 1000}},
)
case(
    "json-too-many-containers.json",
    js(summary(components=[{**summary()["components"][0], "id": f"c{i}"} for i in range(200)])),
    {
        "about": "more JSON arrays and objects than max_nodes=100, refused before decoding",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_nodes",
    },
    {"limits": {"max_nodes": 100}},
)
case(
    "json-many-warnings.json",
    js(
        summary(
            components=[{"id": f"c{i}", "name": f"C{i}", "status": "exploded"} for i in range(50)]
        )
    ),
    {
        "about": "50 unknown statuses with max_warnings=5: five warnings kept, the rest counted",
        "outcome": "snapshot",
        "adapter": "statuspage.json",
        "warnings_contain": [
            "unknown component status 'exploded'",
            "45 more warnings not kept (max_warnings=5)",
        ],
        "check": {"components": 50, "components.49.status": "unknown"},
    },
    {"limits": {"max_warnings": 5}},
)
case(
    "xml-too-many-elements.xml",
    rss("".join(f"<category>c{i}</category>" for i in range(300))),
    {
        "about": "more elements than max_nodes=200, refused before parsing",
        "outcome": "error",
        "error": "InputLimitError",
        "limit": "max_nodes",
        "adapter": "feed",
        "xml": {"outcome": "error", "error": "InputLimitError", "limit": "max_nodes"},
    },
    {"limits": {"max_nodes": 200}},
)
case(
    "json-forced-on-garbage.json",
    b"\x00\xff\xfe garbage \x80\x81",
    {
        "about": "garbage forced through the Statuspage adapter",
        "outcome": "error",
        "error": "ParseError",
    },
    {"provider": "statuspage.json"},
)

# -- garbage ----------------------------------------------------------------------------------

case(
    "garbage-random.bin",
    bytes((i * 7919 + 13) % 256 for i in range(4096)),
    {"about": "4 kB of noise", "outcome": "error", "error": "UnknownFormatError", "as_str": True},
)
case(
    "garbage-empty.txt",
    b"",
    {"about": "an empty body", "outcome": "error", "error": "UnknownFormatError", "as_str": True},
)
case(
    "garbage-bom-only.txt",
    codecs.BOM_UTF16_BE,
    {
        "about": "a byte order mark and nothing else",
        "outcome": "error",
        "error": "UnknownFormatError",
    },
)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for name, data, expected, args in CASES:
        (OUT / name).write_bytes(data)
        stem = name.rsplit(".", 1)[0]
        (OUT / f"{stem}.expected.json").write_text(
            json.dumps(expected, indent=2, ensure_ascii=False) + "\n", "utf-8"
        )
        if args:
            (OUT / f"{stem}.args.json").write_text(json.dumps(args, indent=2) + "\n", "utf-8")
    print(f"{len(CASES)} cases written to {OUT}")


if __name__ == "__main__":
    main()

"""The cheaper detection paths answer exactly what the plain ones did.

Each oracle below is the straightforward version the fast path replaced; hypothesis builds
inputs out of the pieces the paths look for (script ids, mentions, markers, non-ASCII text,
byte order marks) at arbitrary places.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import statuskit
from statuskit._source import Source, sniff_encoding
from statuskit.adapters._embedded import has_embedded_data
from statuskit.adapters._feedsniff import classify, guess_feed
from statuskit.adapters.azure_status import AzureStatusHTML
from statuskit.adapters.base import Sniff
from statuskit.adapters.instatus import InstatusHTML
from statuskit.adapters.statuspage_html import StatuspageHTML

_PIECES = [
    "__NEXT_DATA__",
    "__NUXT_DATA__",
    "__NEXT_DAT",
    "X",
    "XX",
    "self.__next_f",
    "self.__next",
    "<!DOCTYPE html>",
    "<!doctype HTML",
    "<html",
    "<HTML lang=en>",
    "<title>Azure status</title>",
    "data-zone-name",
    "status-table",
    "region-status-table",
    "instatus",
    "Instatus",
    "nstatus",
    "dka575ofm4ao0.cloudfront.net",
    'name="issued"',
    "layout-content status",
    '<meta charset="latin-1">',
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0">',
    "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "é",
    "\u2603",
    " ",
    "\n",
    "a" * 700,
    "_" * 3,
]

_texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@st.composite
def _bodies(draw: st.DrawFn) -> bytes:
    text = draw(_texts)
    prefix = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"   \n", b"\xff\xfe"]))
    encoding = draw(st.sampled_from(["utf-8", "latin-1"]))
    return prefix + text.encode(encoding, "replace")


def _old_head(data: bytes, content_type: str | None) -> str:
    enc, skip = sniff_encoding(data[:4096], content_type)
    return data[skip : skip + 4096 * 4].decode(enc, "replace")[:4096].lstrip()


def _old_carrier(raw: bytes, window: int) -> str | None:
    if raw.find(b"__NEXT_DATA__", 0, window) >= 0:
        return "__NEXT_DATA__"
    if raw.find(b"__NUXT_DATA__", 0, window) >= 0:
        return "__NUXT_DATA__"
    return "self.__next_f" if raw.find(b"self.__next_f", 0, window) >= 0 else None


def _old_azure(head: str) -> list[str]:
    marks = ("<title>Azure status", "data-zone-name", "region-status-table", "status-table")
    return [m for m in marks if m in head]


def _old_statuspage_gate(head: str) -> bool:
    lowered = head[:1024].lower()
    return "<html" in lowered or "<!doctype html" in lowered


@settings(max_examples=400, deadline=None)
@given(_bodies(), st.sampled_from([None, "text/html; charset=windows-1252", "text/html"]))
def test_head_fast_path_is_the_head(data: bytes, content_type: str | None) -> None:
    """Source.head decodes only 4 KB when they are ASCII UTF-8, and is the same text."""
    assert Source(data, content_type=content_type).head == _old_head(data, content_type)


@settings(max_examples=400, deadline=None)
@given(_bodies(), st.sampled_from([5, 13, 17, 100, 4096, 2 * 1024 * 1024]))
def test_carrier_is_the_first_script_id_found(data: bytes, window: int) -> None:
    """has_embedded_data names the same carrier as three plain searches of the window."""
    assert has_embedded_data(data, window) == _old_carrier(data, window)


def test_carrier_past_many_x() -> None:
    """Past 256 X the hops give up and plain searches finish, still the same answer."""
    for tail in (b"__NUXT_DATA__", b"__NEXT_DATA__", b"self.__next_f", b""):
        data = b"<html>" + b"X_" * 400 + tail
        assert has_embedded_data(data) == _old_carrier(data, 2 * 1024 * 1024)
        assert has_embedded_data(data, len(data) - 1) == _old_carrier(data, len(data) - 1)


@settings(max_examples=400, deadline=None)
@given(_bodies())
def test_html_sniffs_decide_as_before(data: bytes) -> None:
    """azure.html, statuspage.html and instatus.html decide on the head as before."""
    source = Source(data)
    head = source.head
    azure = AzureStatusHTML().sniff(source)
    found = _old_azure(head)
    if "<" not in head[:200] or not found or found == ["status-table"]:
        assert azure is None
    else:
        assert azure == Sniff(
            min(0.6 + 0.12 * len(found), 0.97), "Azure status page: " + ", ".join(found)
        )
    if not _old_statuspage_gate(head):
        assert StatuspageHTML().sniff(source) is None
    weak = InstatusHTML().sniff(source)
    if head.startswith("<") and has_embedded_data(source.raw) is None:
        mentioned = "instatus" in head or "Instatus" in head
        expected = "<html" in head.lower() and mentioned
        assert (weak is not None) == expected


@settings(max_examples=200, deadline=None)
@given(_texts, st.sampled_from([None, "https://status.example.com/history.atom"]))
def test_feed_guess_is_classify(text: str, url: str | None) -> None:
    """The per-Source feed guess is classify() of the head and url."""
    source = Source(text.encode(), url=url)
    assert guess_feed(source) == classify(source.head, url)


@settings(max_examples=200, deadline=None)
@given(_bodies())
def test_detect_is_stable(data: bytes) -> None:
    """detect() gives the same answer twice (no state leaks between Sources)."""

    def run() -> object:
        try:
            return statuskit.detect(data)
        except statuskit.StatuskitError as exc:
            return str(exc)

    assert run() == run()

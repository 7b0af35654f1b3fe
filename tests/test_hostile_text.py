"""Encodings, dates and text: never a UnicodeDecodeError, never the host's clock or zone."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from statuskit import Limits, ParseContext, ParseError, Source
from statuskit._dates import from_epoch, parse_datetime, parse_partial
from statuskit._encoding import declared_encoding, scrub_text, sniff_encoding
from statuskit._text import html_to_text

UTC = timezone.utc


# -- encodings ----------------------------------------------------------------------------------


def test_encoding_precedence() -> None:
    """A BOM beats the HTTP charset, which beats the document's declaration, which beats UTF-8."""
    decl = b'<?xml version="1.0" encoding="ISO-8859-1"?><r/>'
    assert sniff_encoding(codecs.BOM_UTF8 + decl, "text/xml; charset=koi8-r") == ("utf-8", 3)
    assert sniff_encoding(codecs.BOM_UTF16_BE + b"\0<", None) == ("utf-16-be", 2)
    assert sniff_encoding(decl, "text/xml; charset=koi8-r") == ("koi8-r", 0)
    assert sniff_encoding(decl, None) == ("iso8859-1", 0)
    assert sniff_encoding(b'<html><meta charset="windows-1252">', None) == ("cp1252", 0)
    assert sniff_encoding(
        b'<html><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', None
    ) == ("shift_jis", 0)
    assert sniff_encoding(b"{}", None) == ("utf-8", 0)
    assert sniff_encoding("{}".encode("utf-16-le"), None) == ("utf-16-le", 0)


@pytest.mark.parametrize(
    "charset",
    [
        "base64",
        "rot13",
        "zlib",
        "unicode_escape",
        "raw_unicode_escape",
        "utf-7",
        "undefined",
        "idna",
        "punycode",
        "no-such-codec",
        "x" * 300,
    ],
)
def test_charsets_that_are_not_safe_text_encodings_are_ignored(charset: str) -> None:
    """A charset that is no character set, runs escapes, is unsafe or unknown is ignored."""
    assert sniff_encoding(b"{}", f"application/json; charset={charset}") == ("utf-8", 0)
    assert declared_encoding(f'<?xml version="1.0" encoding="{charset}"?>'.encode()) is None


def test_a_wide_encoding_declared_in_ascii_is_a_lie() -> None:
    """UTF-16 or UTF-32 declared in bytes readable as ASCII cannot be true: read as UTF-8."""
    assert declared_encoding(b'<?xml version="1.0" encoding="UTF-16"?><r/>') is None
    assert sniff_encoding(b'<meta charset="utf-16"><p>x', None) == ("utf-8", 0)


def test_undecodable_bytes_are_replaced_with_a_warning() -> None:
    """Bytes invalid in the encoding are replaced, with one warning naming the first one's
    offset (a ParseError in strict mode): never a UnicodeDecodeError."""
    ctx = ParseContext("test")
    assert Source(b"ok \xff\xfe ok").text(ctx) == "ok \ufffd\ufffd ok"
    assert ctx.warnings == ["test at byte 3: invalid utf-8 bytes replaced"]
    with pytest.raises(ParseError):
        Source(b"\x80").text(ParseContext("test", strict=True))
    odd = Source(codecs.BOM_UTF16_LE + b"a\x00b")  # odd length
    assert odd.text(ParseContext("test")) == "a\ufffd"


def test_lone_surrogates_in_str_input_are_replaced_and_pairs_joined() -> None:
    """A str body's lone surrogates read as U+FFFD (with a warning); a surrogate pair written as
    two code points is the one character it encodes."""
    assert scrub_text("a\ud800b\udfffc") == ("a\ufffdb\ufffdc", 2)
    assert scrub_text("\ud83d\ude80") == ("\U0001f680", 0)
    ctx = ParseContext("test")
    source = Source("x\ud800")
    assert source.text(ctx) == "x\ufffd"
    assert source.raw == "x\ufffd".encode()
    assert ctx.warnings == ["test: 1 lone surrogate(s) replaced by U+FFFD"]


# -- dates --------------------------------------------------------------------------------------

DATES = [
    "2026-07-24T19:43:40.040Z",
    "2026-07-24T19:43:40+05:45",
    "2026-07-24 19:43",
    "Fri, 24 Jul 2026 19:43:40 GMT",
    "Fri, 24 Jul 2026 19:43:40 PST",
    "Fri, 24 Jul 2026 19:43:40 CEST",
    "Jul 24 2026 10:00 XYZ",
    "Jul 24 2026 10:00 NPT",
    "24 Jul 26 10:00 EST",
    "1/2/03 10:00 UTC",
    "1/2/99 10:00 UTC",
    "July 24",
    "10:00",
    "Tuesday",
    "tomorrow",
    "9" * 40,
    "2026-13-45T99:99:99Z",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-01:00",
]
PARTIALS = ["Dec 31, 23:41 PST", "Jan 1, 00:10 UTC", "Jul 24, 10:00 CST", "Feb 29, 10:00"]


def _readings(page_zone: str | None) -> list[str | None]:
    out: list[str | None] = []
    for text in DATES:
        ctx = ParseContext("t", time_zone=page_zone)
        dt = parse_datetime(text, ctx)
        out.append(None if dt is None else dt.isoformat() + "|" + "|".join(ctx.warnings))
    reference = datetime(2026, 1, 1, 0, 5, tzinfo=UTC)
    for text in PARTIALS:
        ctx = ParseContext("t", time_zone=page_zone)
        dt = parse_partial(text, reference, ctx)
        out.append(None if dt is None else dt.isoformat())
    return out


_CHILD = """
import json, sys
sys.path.insert(0, {tests!r})
from test_hostile_text import _readings
print(json.dumps([_readings(None), _readings("America/Chicago")]))
"""


@pytest.mark.parametrize(
    "host_zone",
    ["Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns", "XYZ+13:45", "EST5EDT", "UTC"],
)
def test_dates_do_not_depend_on_the_host_zone(host_zone: str) -> None:
    """The same strings give the same instants and warnings whatever the host's TZ is, even
    when the host's zone name is the very abbreviation in the string ("XYZ")."""
    here = [_readings(None), _readings("America/Chicago")]
    tests = os.path.dirname(os.path.abspath(__file__))
    child = subprocess.run(
        [sys.executable, "-c", _CHILD.format(tests=tests)],
        env={**os.environ, "TZ": host_zone},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(child.stdout) == here


def test_nothing_is_filled_from_today() -> None:
    """A date without year, month or day is no date: dateutil would fill it from today."""
    for text in ("July 24", "10:00", "Tuesday 10:00", "24", "2026"):
        ctx = ParseContext("t")
        assert parse_datetime(text, ctx) is None, text
        assert ctx.warnings, text


def test_two_digit_years_pivot_at_a_fixed_point() -> None:
    """00-49 are 20xx and 50-99 19xx, as RFC 5322 says, whatever year it is now."""
    ctx = ParseContext("t")
    assert parse_datetime("1/2/49 10:00 UTC", ctx) == datetime(2049, 1, 2, 10, tzinfo=UTC)
    assert parse_datetime("1/2/50 10:00 UTC", ctx) == datetime(1950, 1, 2, 10, tzinfo=UTC)


def test_zone_abbreviations_come_from_the_table_or_the_page_never_the_host() -> None:
    """Known abbreviations read from statuskit's table (the page's zone wins for the names it
    uses); unknown ones are a warning and no date, never a naive or host-local time."""
    ctx = ParseContext("t")
    assert parse_datetime("Jul 24 2026 10:00 PDT", ctx) == datetime(2026, 7, 24, 17, tzinfo=UTC)
    shanghai = ParseContext("t", time_zone="Asia/Shanghai")
    assert parse_datetime("Jul 24 2026 10:00 CST", shanghai) == datetime(2026, 7, 24, 2, tzinfo=UTC)
    unknown = ParseContext("t")
    assert parse_datetime("Jul 24 2026 10:00 XYZ", unknown) is None
    assert unknown.warnings == ["t: unknown time zone 'XYZ' (near 'Jul 24 2026 10:00 XYZ')"]


def test_dates_are_bounded_and_every_parser_failure_is_a_warning() -> None:
    """Overlong strings never reach a parser; dateutil's OverflowError, out-of-range fields
    and times that leave years 1-9999 in UTC are warnings (ParseError in strict mode)."""
    for text in ("9" * 60, "2026-13-45T99:99:99Z", "9999-12-31T23:59:59-01:00", "x" * 65):
        ctx = ParseContext("t")
        assert parse_datetime(text, ctx) is None
        assert len(ctx.warnings) == 1, (text, ctx.warnings)
        with pytest.raises(ParseError):
            parse_datetime(text, ParseContext("t", strict=True))
    long_ok = ParseContext("t", limits=Limits(max_date_length=200))
    assert parse_datetime(" " * 150 + "2026-07-24T00:00:00Z", long_ok) is not None
    for value in (10**30, float("nan"), float("inf"), "1e400", True, [1]):
        ctx = ParseContext("t")
        assert from_epoch(value, ctx) is None
        assert ctx.warnings


# -- text ---------------------------------------------------------------------------------------


def test_html_to_text_never_trusts_a_parser_with_hostile_markup() -> None:
    """Markup libxml2 would choke on (too many attributes) or silently truncate (past 256
    levels) is stripped by a plain scan instead, with a warning; lone surrogates and NULs
    never cut the text short."""
    ctx = ParseContext("t")
    crowded = "<b " + " ".join(f"a{i}" for i in range(50_000)) + ">Resolved</b> now"
    assert html_to_text(crowded, ctx) == "Resolved now"
    deep = "<div>" * 400 + "Resolved" + "</div>" * 400
    assert html_to_text(deep, ctx) == "Resolved"
    assert len(ctx.warnings) == 2
    assert html_to_text("<p>a\ud800b\x00c</p>") == "a\ufffdb\ufffdc"
    assert html_to_text("<p>&#x110000;&#xD800;&#99999999999;</p>") == "\ufffd\ufffd\ufffd"

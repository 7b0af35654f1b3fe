"""Atom and RSS feeds: how they are read (lxml, feedparser for what lxml rejects) and the
Statuspage update history rebuilt from entry bodies."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import statuskit
from statuskit import IncidentKind, IncidentStatus, ParseError
from statuskit._source import Source
from statuskit.adapters import _feedfallback, _feedread
from statuskit.limits import Limits, ParseContext
from statuskit.registry import get_adapter
from statuskit.testing import golden_cases

from .conftest import CORPUS, FIXTURES

FEED_CASES = [c for c in golden_cases(FIXTURES) if c.adapter.endswith("feed")]


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)  # type: ignore[misc]


def _read(name: str, **kwargs: object) -> statuskit.Snapshot:
    folder = name.split("/", maxsplit=1)[0]
    data = (FIXTURES / name).read_bytes()
    return statuskit.parse(data, provider=folder, **kwargs)  # type: ignore[arg-type]


def _both(data: bytes, adapter: str) -> tuple[statuskit.Snapshot, statuskit.Snapshot]:
    fast = get_adapter(adapter)
    lenient = type(fast)(engine="feedparser")  # type: ignore[call-arg]
    return (
        fast.parse(Source(data), ParseContext(adapter)),
        lenient.parse(Source(data), ParseContext(adapter)),
    )


# -- the two readers ------------------------------------------------------------------------


@pytest.mark.parametrize("case", FEED_CASES, ids=[c.id for c in FEED_CASES])
def test_lxml_and_feedparser_give_the_same_snapshot(case: object) -> None:
    """Every feed fixture read through lxml and through feedparser gives the same Snapshot."""
    path: Path = case.path  # type: ignore[attr-defined]
    fast, lenient = _both(path.read_bytes(), case.adapter)  # type: ignore[attr-defined]
    assert fast == lenient


CORPUS_FEEDS = sorted(
    [p for p in (CORPUS / "statuspage-feed").glob("*") if p.is_file()]
    + list((CORPUS / "aws").glob("*.rss"))
    + list((CORPUS / "azure").glob("*.rss"))
)


@pytest.mark.parametrize("path", CORPUS_FEEDS, ids=[p.name for p in CORPUS_FEEDS])
def test_both_readers_agree_on_the_real_feeds(path: Path) -> None:
    """Every real feed of the corpus gives the same Snapshot through both readers."""
    data = path.read_bytes()
    fast, lenient = _both(data, statuskit.detect(data).adapter)
    assert fast == lenient


def test_feedparser_is_only_handed_a_bytesio(monkeypatch: pytest.MonkeyPatch) -> None:
    """feedparser is given a BytesIO (a str or bytes would be taken for a path or a URL)."""
    import feedparser

    seen: list[object] = []
    real = feedparser.parse

    def spy(source: object, **kwargs: object) -> object:
        seen.append(source)
        return real(source, **kwargs)

    monkeypatch.setattr(feedparser, "parse", spy)
    _read("feed/malformed-entity.rss")
    _read("statuspage.feed/truncated.atom")
    assert seen
    assert all(type(s) is io.BytesIO for s in seen)


def test_well_formed_feeds_never_reach_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A well-formed feed is read by lxml alone."""

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("feedparser called for a well-formed feed")

    monkeypatch.setattr(_feedfallback, "read_feedparser", refuse)
    monkeypatch.setattr(_feedread, "read_feedparser", refuse)
    for case in FEED_CASES:
        if case.path.name not in ("truncated.atom", "malformed-entity.rss"):
            statuskit.parse(case.path.read_bytes())


def test_a_malformed_feed_is_read_leniently_with_a_warning_and_refused_in_strict_mode() -> None:
    """lxml's refusal is reported (what and where), feedparser reads the feed; strict raises."""
    snap = _read("feed/malformed-entity.rss")
    assert snap.incidents[0].title == "Login errors"
    assert snap.page.name == "Homegrown status & page"
    assert any(
        "not well-formed" in w and "EntityRef" in w and "line 4" in w and "feedparser" in w
        for w in snap.warnings
    )
    with pytest.raises(ParseError, match="not well-formed"):
        _read("feed/malformed-entity.rss", strict=True)


def test_html_named_entities_are_read_by_lxml_without_a_warning() -> None:
    """&nbsp;, &eacute;, &ndash;... (HTML's names, which feeds use without declaring them) read
    as their characters through lxml, as in every XML statuskit reads: no fallback, no
    warning, the same in strict mode."""
    snap = _read("feed/html-entities.rss", strict=True)
    assert snap.warnings == ()
    assert snap.incidents[0].title == "Login errors \u2013 caf\u00e9 & bar"
    assert snap.incidents[0].updates[0].body_html == (
        "Some users see errors when logging in\u2026 \u00a9 <b>Homegrown</b>"
    )


def test_a_truncated_feed_gives_the_entries_before_the_cut() -> None:
    """A cut-off download keeps the complete entries, drops the half entry, and says so."""
    snap = _read("statuspage.feed/truncated.atom")
    assert [i.id for i in snap.incidents] == ["k7f2m9q4x1zb"]
    assert any("truncated" in w and "left out" in w for w in snap.warnings)


def test_a_truncated_feed_is_an_error_in_strict_mode() -> None:
    """In strict mode a truncated feed raises ParseError naming the place of the cut."""
    with pytest.raises(ParseError, match="truncated") as err:
        _read("statuspage.feed/truncated.atom", strict=True)
    assert err.value.path is not None and err.value.path.startswith("line ")


def test_an_empty_feed_warns_and_strict_mode_refuses_it() -> None:
    """A feed without entries parses to a warning (lenient) or a ParseError (strict)."""
    snap = _read("feed/empty.atom")
    assert snap.incidents == ()
    assert snap.warnings
    with pytest.raises(ParseError):
        _read("feed/empty.atom", strict=True)


def test_external_entities_are_never_resolved() -> None:
    """An external entity is never resolved: the DOCTYPE is removed (with a warning) and the
    reference stays as text; no file is read."""
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>t</title><item><title>a &xxe; b</title>'
        b"<guid>1</guid></item></channel></rss>"
    )
    snap = statuskit.parse(data)
    assert snap.incidents[0].title == "a &xxe; b"
    assert any("internal subset ignored" in w for w in snap.warnings)
    assert any("undeclared entity reference(s) kept as text (&xxe;)" in w for w in snap.warnings)


@pytest.mark.parametrize("engine", ["auto", "feedparser"])
def test_entity_bombs_are_not_expanded_by_either_reader(engine: str) -> None:
    """A "billion laughs" feed loses its DOCTYPE before any parser sees it: lxml reads it (and
    feedparser, made to read it, too) without expanding anything."""
    decls = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdef", "bcdefg", strict=True)
    )
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{decls}]><rss version="2.0"><channel>'
        "<title>t</title><item><title>x &g; y</title><guid>1</guid></item></channel></rss>"
    ).encode()
    ctx = ParseContext("feed")
    snap = get_adapter("feed").__class__(engine=engine).parse(Source(data), ctx)  # type: ignore[call-arg]
    assert snap.incidents[0].title == "x &g; y"
    assert any("internal subset ignored" in w for w in snap.warnings)


def test_text_input_with_a_declared_encoding_is_read_as_text() -> None:
    """A feed given as str keeps its characters though its declaration names ISO-8859-1."""
    text = (FIXTURES / "feed" / "iso-8859-1.rss").read_bytes().decode("iso-8859-1")
    assert statuskit.parse(text).incidents[0].title == "Panne du réseau à Montréal"


def test_iso_8859_1_bytes_are_decoded_by_their_declaration() -> None:
    """Bytes declared ISO-8859-1 give the right accented text."""
    snap = _read("feed/iso-8859-1.rss")
    assert snap.page.name == "Statut des services à Montréal"
    assert "rétabli" in snap.incidents[0].updates[0].body


def test_entries_beyond_max_items_are_cut_with_a_warning() -> None:
    """A feed with more entries than Limits.max_items keeps the first ones and warns."""
    data = (FIXTURES / "statuspage.feed" / "history-incidents.atom").read_bytes()
    snap = statuskit.parse(data, limits=Limits(max_items=2))
    assert len(snap.incidents) == 2
    assert any("max_items=2" in w for w in snap.warnings)


# -- Statuspage bodies ----------------------------------------------------------------------


def test_every_update_block_becomes_an_update_oldest_first() -> None:
    """Each <small>time</small><br><strong>status</strong> block is one Update, oldest first."""
    inc = _read("statuspage.feed/history-incidents.atom").incidents[0]
    assert [u.raw_status for u in inc.updates] == [
        "Investigating",
        "Identified",
        "Update",
        "Monitoring",
        "Resolved",
    ]
    assert inc.updates[0].created_at == _utc(2026, 3, 4, 15, 47)
    assert inc.resolved_at == _utc(2026, 3, 4, 18, 20)


def test_the_update_word_carries_the_previous_status_forward() -> None:
    """The word "Update" is not a status change: the previous status carries, "Update" stays raw."""
    inc = _read("statuspage.feed/history-incidents.atom").incidents[0]
    update = inc.updates[2]
    assert (update.status, update.raw_status) == (IncidentStatus.IDENTIFIED, "Update")


def test_an_incident_whose_latest_post_is_an_update_keeps_its_status() -> None:
    """An incident still investigating after two "Update" posts is investigating."""
    inc = _read("statuspage.feed/history-incidents.atom").incidents[1]
    assert (inc.status, inc.raw_status) == (IncidentStatus.INVESTIGATING, "Update")


def test_the_incident_id_is_the_link_code_and_the_entry_id_stays_in_raw() -> None:
    """The id is the code of /incidents/<code> (the JSON API's id); the tag id is in raw."""
    inc = _read("statuspage.feed/history-incidents.atom").incidents[0]
    assert inc.id == "k7f2m9q4x1zb"
    assert inc.raw["id"] == "tag:status.example.com,2005:Incident/24815001"


def test_a_resolved_incident_updated_again_is_reopened() -> None:
    """Resolved, then investigating again: the incident is open and counted as reopened."""
    inc = _read("statuspage.feed/history-incidents.atom").incidents[2]
    assert inc.status is IncidentStatus.INVESTIGATING
    assert inc.reopened_count == 1


def test_a_postmortem_does_not_move_the_resolution_time() -> None:
    """A postmortem posted a day later leaves resolved_at at the resolution."""
    inc = _read("statuspage.feed/history-incidents.atom").incidents[3]
    assert inc.status is IncidentStatus.POSTMORTEM
    assert inc.resolved_at == _utc(2026, 2, 20, 7, 45)


def test_the_year_comes_from_the_entry_across_a_year_boundary() -> None:
    """The update "Dec 31, 23:41 PST" in an entry updated on Jan 1 is 2025-12-31 PST (07:41 UTC Jan 1)."""
    snap = _read("statuspage.feed/year-boundary.atom")
    first = snap.incidents[0].updates[0]
    assert first.created_at == _utc(2026, 1, 1, 7, 41)
    maintenance = snap.incidents[1]
    assert maintenance.scheduled_for == _utc(2026, 1, 6, 18, 0)  # "Jan 6" in a Dec 29 entry
    assert maintenance.created_at == _utc(2025, 12, 30, 0, 20)


def test_pst_and_pdt_resolve_to_their_own_offsets_across_the_dst_change() -> None:
    """01:20 PDT, 01:40 PST and 02:10 PST on the night clocks go back are 08:20, 09:40, 10:10Z."""
    inc = _read("statuspage.feed/pst-pdt.atom").incidents[0]
    assert [u.created_at for u in inc.updates] == [
        _utc(2025, 11, 2, 8, 20),
        _utc(2025, 11, 2, 9, 40),
        _utc(2025, 11, 2, 10, 10),
    ]


def test_maintenance_entries_become_maintenances_with_their_window() -> None:
    """The banner "THIS IS A SCHEDULED EVENT Mar 20, 22:00 UTC - Mar 21, 02:00 UTC" is the window."""
    snap = _read("statuspage.feed/history-maintenances.rss")
    upcoming, verifying, completed, incident = snap.incidents
    assert upcoming.kind is IncidentKind.MAINTENANCE
    assert upcoming.status is IncidentStatus.SCHEDULED
    assert (upcoming.scheduled_for, upcoming.scheduled_until) == (
        _utc(2026, 3, 20, 22, 0),
        _utc(2026, 3, 21, 2, 0),
    )
    assert upcoming.started_at is None
    assert verifying.status is IncidentStatus.VERIFYING and verifying.is_active
    assert completed.status is IncidentStatus.COMPLETED
    assert completed.started_at == _utc(2026, 3, 3, 2, 0)
    assert incident.kind is IncidentKind.INCIDENT
    assert snap.overall is statuskit.ComponentStatus.UNDER_MAINTENANCE


def test_entities_are_decoded_exactly_once() -> None:
    """`&amp;amp;` in the XML is `&` in the text; escaped markup stays text, never markup."""
    inc = _read("statuspage.feed/entities-cdata.rss").incidents[0]
    resolved = inc.updates[-1]
    assert "Q&A forum" in resolved.body
    assert '"<script>alert(1)</script>"' in resolved.body
    assert "&lt;script&gt;" in (resolved.body_html or "")
    assert inc.updates[1].body == "We've found the cause: a bad index on café names. See the post."
    assert inc.title == "Q&A forum \u2019search\u2019 errors"


def test_a_cdata_body_reads_like_an_escaped_one() -> None:
    """A body in CDATA gives the same updates as the escaped form."""
    inc = _read("statuspage.feed/entities-cdata.rss").incidents[1]
    assert [u.raw_status for u in inc.updates] == ["Scheduled", "In progress", "Completed"]
    assert inc.updates[0].body.startswith("Network maintenance will occur in AMS1.")


def test_an_unknown_status_word_is_unknown_with_a_warning() -> None:
    """An update status statuskit does not know is UNKNOWN with a warning, never guessed."""
    data = (FIXTURES / "statuspage.feed" / "history-incidents.atom").read_bytes()
    data = data.replace(b"&lt;strong&gt;Identified&lt;", b"&lt;strong&gt;Triaging&lt;", 1)
    snap = statuskit.parse(data)
    update = snap.incidents[0].updates[1]
    assert (update.status, update.raw_status) == (IncidentStatus.UNKNOWN, "Triaging")
    assert any("Triaging" in w for w in snap.warnings)
    with pytest.raises(ParseError, match="Triaging"):
        statuskit.parse(data, strict=True)


def test_feed_readings_cover_recent_incidents_and_no_components() -> None:
    """A history feed lists recent incidents and maintenances, no components, no indicator."""
    snap = _read("statuspage.feed/history-incidents.atom")
    assert snap.coverage == statuskit.Coverage(
        components=False,
        indicator=False,
        incidents=statuskit.Scope.RECENT,
        maintenances=statuskit.Scope.RECENT,
    )
    assert snap.indicator is None and snap.components == ()


def test_the_fallback_refuses_large_malformed_input() -> None:
    """Malformed input beyond the lenient reader's size bound is an error, not a slow read."""
    data = b'<rss version="2.0"><channel><item><title>' + b"x" * _feedread.FALLBACK_MAX_BYTES
    with pytest.raises(ParseError, match="not read leniently"):
        statuskit.parse(data)


def test_snapshots_round_trip_through_json() -> None:
    """Every feed fixture's Snapshot survives dumps/loads unchanged."""
    for case in FEED_CASES:
        snap = statuskit.parse(case.path.read_bytes(), **case.kwargs)
        assert statuskit.loads(statuskit.dumps(snap)) == attrs.evolve(snap)


def test_a_small_tag_inside_an_update_text_is_not_an_update() -> None:
    """Only <small>time</small><br><strong>status</strong> starts an update; other <small>
    tags stay in the text of the update they belong to."""
    from statuskit.adapters._spbody import split_blocks

    body = (
        "<p><small>Oct <var data-var='date'>30</var>, <var data-var='time'>23:05</var> UTC"
        "</small><br><strong>Resolved</strong> - Fixed, see <small>note 1</small>.</p>"
        "<p><small>Oct <var data-var='date'>29</var>, <var data-var='time'>20:05</var> UTC"
        "</small><br><strong>Monitoring</strong> - Watching.</p>"
    )
    blocks, banner = split_blocks(body)
    assert banner is None
    assert [(b.when, b.status, b.html) for b in blocks] == [
        ("Oct 30, 23:05 UTC", "Resolved", "Fixed, see <small>note 1</small>."),
        ("Oct 29, 20:05 UTC", "Monitoring", "Watching."),
    ]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@given(
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    zone=st.sampled_from(["UTC", "PST", "PDT", "CET", "JST", "AEDT", "+05:30", "GMT+2"]),
    reference=st.datetimes(
        datetime(2001, 1, 1), datetime(2098, 12, 31), timezones=st.just(timezone.utc)
    ),
)
def test_parse_partial_takes_the_year_closest_to_the_reference(
    month: int, day: int, hour: int, minute: int, zone: str, reference: datetime
) -> None:
    """With its fast path, parse_partial still picks, of the three candidate years, the one
    closest to the reference (the earlier on a tie), as the full comparison does."""
    from statuskit._dates import _zoned, parse_partial

    text = f"{_MONTHS[month - 1]} {day}, {hour:02d}:{minute:02d} {zone}"
    ctx = ParseContext("x")
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            wall = datetime(year, month, day, hour, minute)
        except ValueError:
            continue
        aware = _zoned(wall, zone, ctx, None, text)
        if best is None or abs(aware - reference) < abs(best - reference):  # type: ignore[operator]
            best = aware
    assert parse_partial(text, reference, ParseContext("x")) == best


def test_a_repeated_statuspage_entry_is_kept_once_with_a_warning() -> None:
    """Two entries for one incident code give one incident (the first) and a warning."""
    data = (FIXTURES / "statuspage.feed" / "history-incidents.atom").read_bytes()
    data = data.replace(b"incidents/p3w8d2n6c0ht", b"incidents/k7f2m9q4x1zb")
    snap = statuskit.parse(data)
    assert [i.id for i in snap.incidents].count("k7f2m9q4x1zb") == 1
    assert snap.incident("k7f2m9q4x1zb").title == "Webhooks delayed & retried"  # type: ignore[union-attr]
    assert any("second entry" in w for w in snap.warnings)


@pytest.mark.parametrize("ref", [b"&#99999999999;", b"&#x110000;", b"&#xD800;", b"&#0;"])
def test_character_references_no_character_has_are_read_as_replacement_characters(
    ref: bytes,
) -> None:
    """A feed with a reference to no character (beyond U+10FFFF, a surrogate, too many digits,
    NUL) is repaired and read by lxml, the reference as U+FFFD, with a warning; feedparser
    (which raises ValueError, OverflowError or UnicodeEncodeError on them) is never called,
    nor would it see the reference when a feed is malformed for other reasons too."""
    data = (
        b'<rss version="2.0"><channel><title>t &nbsp;</title><item><title>Outage '
        + ref
        + b" here</title><guid>1</guid></item></channel></rss>"
    )
    snap = statuskit.parse(data)
    assert snap.incidents[0].title == "Outage \ufffd here"
    assert [w for w in snap.warnings if "feedparser" in w] == []
    assert any("1 invalid character reference(s) replaced by U+FFFD" in w for w in snap.warnings)
    broken = data.replace(b"<guid>1</guid>", b"<guid>1 & 2</guid>")
    snap = statuskit.parse(broken)
    assert snap.incidents[0].title == "Outage \ufffd here"
    assert any("read with feedparser" in w for w in snap.warnings)

"""statuspage.html: the traps of Statuspage's index, incident and history pages, as sentences."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope
from statuskit.adapters._sphtml import parse_window, split_affected
from statuskit.limits import ParseContext

from .conftest import FIXTURES

HERE = FIXTURES / "statuspage.html"
UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_index_is_detected_from_content_alone() -> None:
    """An index page is claimed by statuspage.html with no url or content type."""
    det = statuskit.detect((HERE / "index-partial-outage.html").read_bytes())
    assert (det.adapter, det.platform) == ("statuspage.html", "statuspage")
    assert det.confidence >= 0.8


def test_components_keep_their_groups() -> None:
    """Group rows are components with is_group; members carry the group's name and id."""
    snap = read("index-partial-outage.html")
    europe = snap.component("g1europe0001")
    frankfurt = snap.component("c1fra0000001")
    assert europe is not None and frankfurt is not None
    assert europe.is_group and europe.group is None
    assert (frankfurt.group, frankfurt.group_id) == ("Europe", "g1europe0001")
    assert frankfurt.status is ComponentStatus.PARTIAL_OUTAGE
    assert frankfurt.raw_status == "partial_outage"


def test_components_with_the_same_name_stay_apart() -> None:
    """Two components named "API" are two components, keyed by their ids."""
    snap = read("index-partial-outage.html")
    apis = [c for c in snap.components if c.name == "API"]
    assert [(c.id, c.group) for c in apis] == [
        ("c2api0000004", None),
        ("c3api0000007", "North America"),
    ]


def test_indicator_comes_from_the_body_when_no_banner_is_shown() -> None:
    """With an incident open Statuspage hides the banner; the body's status-<x> class remains."""
    snap = read("index-partial-outage.html")
    assert (snap.indicator, snap.raw_indicator) == (ComponentStatus.DEGRADED_PERFORMANCE, "minor")
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE  # worst of indicator and components


def test_banner_gives_indicator_and_description() -> None:
    """The page-status banner gives the indicator and the sentence it prints."""
    snap = read("index-maintenance.html")
    assert snap.indicator is ComponentStatus.UNDER_MAINTENANCE
    assert snap.description == "Service Under Maintenance"


def test_update_times_take_their_year_from_the_day_headings() -> None:
    """ "Dec 31, 23:58 UTC" under the "Jan 1, 2024" heading is in 2023, and the unresolved
    incident's "Dec 31, 23:50" takes its year from the page's render time."""
    snap = read("index-partial-outage.html")
    past = snap.incident("p0q1r2s3t4u5")
    open_ = snap.incident("k3v9xq2m8w1z")
    assert past is not None and open_ is not None
    assert [u.created_at for u in past.updates] == [
        datetime(2023, 12, 31, 23, 31, tzinfo=UTC),
        datetime(2023, 12, 31, 23, 58, tzinfo=UTC),
        datetime(2024, 1, 1, 0, 20, tzinfo=UTC),
    ]
    assert open_.started_at == datetime(2023, 12, 31, 23, 50, tzinfo=UTC)


def test_update_posts_keep_the_status_they_did_not_change() -> None:
    """An "Update" post carries the status of the post before it; its word stays raw."""
    snap = read("index-partial-outage.html")
    inc = snap.incident("k3v9xq2m8w1z")
    assert inc is not None
    last = inc.updates[-1]
    assert (last.status, last.raw_status) == (IncidentStatus.IDENTIFIED, "Update")
    assert inc.status is IncidentStatus.IDENTIFIED


def test_bodies_keep_text_and_published_html() -> None:
    """Bodies lose the " - " after the status word; <br> become line breaks in the text, and
    the HTML keeps links and entities as published."""
    snap = read("index-partial-outage.html")
    inc = snap.incident("p0q1r2s3t4u5")
    assert inc is not None
    first = inc.updates[0]
    assert first.body == "Users cannot log in to the dashboard."
    assert first.body_html == (
        'Users cannot log in to the <a href="https://dash.examplecorp.test">dashboard</a>.'
    )
    opened = snap.incident("k3v9xq2m8w1z")
    assert opened is not None
    assert opened.updates[0].body == (
        "We are investigating elevated 5xx responses in Europe & the Middle East."
    )
    assert opened.updates[1].body.endswith(
        "rolled back.\n\nTraffic is served from nearby locations meanwhile."
    )


def test_ids_are_incident_codes() -> None:
    """Incident ids are the /incidents/<code> codes (the JSON API's ids), urls are absolute."""
    snap = read("index-partial-outage.html")
    assert [i.id for i in snap.incidents] == ["k3v9xq2m8w1z", "p0q1r2s3t4u5", "z9y8x7w6v5u4"]
    assert snap.incidents[0].url == "https://status.examplecorp.test/incidents/k3v9xq2m8w1z"


def test_unresolved_line_in_the_past_list_is_not_a_second_incident() -> None:
    """ "Unresolved incident: X." in the day list is the open incident already read."""
    snap = read("index-partial-outage.html")
    assert [i.id for i in snap.incidents].count("k3v9xq2m8w1z") == 1


def test_postmortem_after_resolution_does_not_move_resolved_at() -> None:
    """A postmortem posted days later keeps the incident's resolution time."""
    inc = read("index-partial-outage.html").incident("z9y8x7w6v5u4")
    assert inc is not None
    assert inc.status is IncidentStatus.POSTMORTEM
    assert inc.resolved_at == datetime(2023, 12, 30, 12, 5, tzinfo=UTC)


def test_index_coverage_is_a_recent_window() -> None:
    """The index lists open incidents and the past list's days: Scope.RECENT."""
    cov = read("index-partial-outage.html").coverage
    assert (cov.components, cov.indicator, cov.incidents, cov.maintenances) == (
        True,
        True,
        Scope.RECENT,
        Scope.RECENT,
    )


def test_scheduled_maintenances_are_maintenance_with_their_window() -> None:
    """Upcoming maintenances are MAINTENANCE, SCHEDULED, with the window the page prints."""
    snap = read("index-maintenance.html")
    rollout = snap.incident("s1ngl3d4yw1n")
    overnight = snap.incident("m1dn1ght0v3r")
    assert rollout is not None and overnight is not None
    assert (rollout.kind, rollout.status, rollout.impact) == (
        IncidentKind.MAINTENANCE,
        IncidentStatus.SCHEDULED,
        Impact.MAINTENANCE,
    )
    # "Aug 27, 22:00-23:00 PDT", data-unix-time 1661662800
    assert rollout.scheduled_for == datetime(2022, 8, 28, 5, 0, tzinfo=UTC)
    assert rollout.scheduled_until == datetime(2022, 8, 28, 6, 0, tzinfo=UTC)
    assert rollout.started_at is None
    # "Sep 1, 23:59 - Sep 2, 00:30 PDT", no data-unix-time
    assert overnight.scheduled_for == datetime(2022, 9, 2, 6, 59, tzinfo=UTC)
    assert overnight.scheduled_until == datetime(2022, 9, 2, 7, 30, tzinfo=UTC)
    assert rollout.updates[0].created_at == datetime(2022, 8, 18, 18, 54, tzinfo=UTC)


def test_maintenance_in_progress_is_active_and_never_an_outage() -> None:
    """A maintenance in the unresolved section is IN_PROGRESS, active, and only maintenance."""
    snap = read("index-maintenance.html")
    inc = snap.incident("m4nt3n4nc3aa")
    assert inc is not None
    assert (inc.kind, inc.status, inc.is_active) == (
        IncidentKind.MAINTENANCE,
        IncidentStatus.IN_PROGRESS,
        True,
    )
    assert inc.started_at == datetime(2022, 8, 23, 17, 0, tzinfo=UTC)
    assert snap.overall is ComponentStatus.UNDER_MAINTENANCE


def test_past_entry_without_posts_is_over() -> None:
    """A past-list entry with no posts is over (the list prints open ones differently); the
    inference is said in raw."""
    inc = read("index-maintenance.html").incident("n0upd4t3s000")
    assert inc is not None
    assert inc.status is IncidentStatus.COMPLETED
    assert inc.raw["status_inferred"] == "listed among past incidents"


def test_page_id_comes_from_subscription_links() -> None:
    """The page's id is the page_code of its subscription links."""
    assert read("index-maintenance.html").page.id == "mtly0k1xq2p3"


def test_incident_page_reads_every_update_oldest_first() -> None:
    """An incident page gives its updates oldest first, postmortem last, with exact times."""
    snap = read("incident-page.html")
    assert snap.coverage.incidents is Scope.SINGLE
    (inc,) = snap.incidents
    assert inc.id == "v0lum3sny1c1"
    assert [u.raw_status for u in inc.updates] == [
        "Investigating",
        "Identified",
        "Update",
        "Resolved",
        "Postmortem",
    ]
    assert inc.updates[2].created_at == datetime(2019, 12, 30, 22, 45, tzinfo=UTC)
    assert (inc.started_at, inc.resolved_at) == (
        datetime(2019, 12, 30, 21, 40, tzinfo=UTC),
        datetime(2019, 12, 31, 0, 0, tzinfo=UTC),
    )
    assert snap.page.name == "Cloudly" and snap.page.url == "https://status.cloudly.test"


def test_incident_page_lists_affected_components_not_impacted_ones() -> None:
    """ "This incident affected: ..." gives listed components (groups kept in raw); listing
    is not impact."""
    (inc,) = read("incident-page.html").incidents
    assert [c.name for c in inc.components] == ["API", "Cloud Control Panel", "NYC1", "NYC3"]
    assert inc.raw["components_affected_groups"][2] == {"group": "Regions", "name": "NYC1"}
    assert inc.impacted_components == ()


def test_maintenance_report_is_maintenance() -> None:
    """A "Scheduled Maintenance Report" page is a MAINTENANCE with its run times."""
    (inc,) = read("incident-maintenance.html").incidents
    assert (inc.kind, inc.status) == (IncidentKind.MAINTENANCE, IncidentStatus.COMPLETED)
    assert (inc.started_at, inc.resolved_at) == (
        datetime(2022, 8, 23, 17, 0, tzinfo=UTC),
        datetime(2022, 8, 23, 19, 0, tzinfo=UTC),
    )
    assert [c.name for c in inc.components] == ["Meetings", "Phone & SMS"]


def test_history_page_reads_the_react_props() -> None:
    """A history page gives its months' incidents with their spans; ended ones are over."""
    snap = read("history-page.html")
    assert snap.page.time_zone == "Etc/UTC"
    ids = [i.id for i in snap.incidents]
    assert ids == ["opn0pen00001", "ovr0n1ght001", "s4m3d4y00001", "m41nt3n4nc01"]
    overnight = snap.incident("ovr0n1ght001")
    assert overnight is not None
    assert (overnight.status, overnight.started_at, overnight.resolved_at) == (
        IncidentStatus.RESOLVED,
        datetime(2026, 8, 26, 23, 37, tzinfo=UTC),
        datetime(2026, 8, 27, 1, 44, tzinfo=UTC),
    )
    open_ = snap.incident("opn0pen00001")
    assert open_ is not None and open_.status is IncidentStatus.UNKNOWN
    maint = snap.incident("m41nt3n4nc01")
    assert maint is not None and maint.kind is IncidentKind.MAINTENANCE
    assert maint.scheduled_for == datetime(2026, 7, 4, 2, 0, tzinfo=UTC)
    assert snap.coverage.incidents is Scope.RECENT


def test_history_page_without_its_data_says_so() -> None:
    """A history page whose React data is missing parses to nothing, with warnings."""
    body = (HERE / "history-page.html").read_text().replace("HistoryIndex", "Elsewhere")
    snap = statuskit.parse(body, provider="statuspage.html")
    assert snap.incidents == ()
    assert any("HistoryIndex" in w for w in snap.warnings)
    with pytest.raises(statuskit.ParseError):
        statuskit.parse(body, provider="statuspage.html", strict=True)


def test_unknown_component_word_is_unknown_with_a_warning() -> None:
    """An unknown data-component-status is UNKNOWN with a warning, never operational."""
    body = (HERE / "index-maintenance.html").read_text()
    body = body.replace('data-component-status="operational"', 'data-component-status="rerouted"')
    snap = statuskit.parse(body, provider="statuspage.html")
    phone = snap.component("mt0phone0002")
    assert phone is not None
    assert (phone.status, phone.raw_status) == (ComponentStatus.UNKNOWN, "rerouted")
    assert any("rerouted" in w for w in snap.warnings)


def test_other_statuspage_pages_are_a_clear_error() -> None:
    """A Statuspage page that is no index, incident or history page is a ParseError."""
    body = (HERE / "index-maintenance.html").read_text()
    body = body.replace('class="status index status-maintenance"', 'class="status uptime"')
    body = body.replace("data-component-status", "data-gone")
    with pytest.raises(statuskit.ParseError, match="not a Statuspage index"):
        statuskit.parse(body, provider="statuspage.html")


def test_foreign_html_is_not_claimed() -> None:
    """A plain HTML page is not a Statuspage page."""
    with pytest.raises(statuskit.UnknownFormatError):
        statuskit.parse(b"<!DOCTYPE html><html><head><title>Hi</title></head><body></body></html>")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("This incident affected: API.", [(None, "API")]),
        ("This incident affected: API and Dashboard.", [(None, "API"), (None, "Dashboard")]),
        (
            "This incident affected: Git Operations, Webhooks, and API Requests.",
            [(None, "Git Operations"), (None, "Webhooks"), (None, "API Requests")],
        ),
        (
            "This incident affected: Regions (SGP1) and Services (Spaces).",
            [("Regions", "SGP1"), ("Services", "Spaces")],
        ),
        (
            "This scheduled maintenance affected: Search and Discovery, and Regions (NYC1, NYC3).",
            [(None, "Search and Discovery"), ("Regions", "NYC1"), ("Regions", "NYC3")],
        ),
        (
            "This incident affected: Nodes (Node 0 (account 0.0.3), Node 1 (account 0.0.4)).",
            [("Nodes", "Node 0 (account 0.0.3)"), ("Nodes", "Node 1 (account 0.0.4)")],
        ),
    ],
)
def test_affected_sentences(sentence: str, expected: list[tuple[str | None, str]]) -> None:
    """Rails' to_sentence lists, groups in parentheses, commas inside names kept."""
    assert split_affected(sentence) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Aug 27, 22:00-23:00 PDT", (2022, 8, 28, 5, 0), (2022, 8, 28, 6, 0)),
        ("Sep 1, 23:59 - Sep 2, 00:00 PDT", (2022, 9, 2, 6, 59), (2022, 9, 2, 7, 0)),
        ("Aug 26, 23:37 - Aug 27, 19:44 UTC", (2022, 8, 26, 23, 37), (2022, 8, 27, 19, 44)),
        ("Aug 27, 23:00-01:00 UTC", (2022, 8, 27, 23, 0), (2022, 8, 28, 1, 0)),
    ],
)
def test_windows(text: str, start: tuple[int, ...], end: tuple[int, ...]) -> None:
    """Time ranges as Statuspage prints them, zone from the end, across midnight."""
    ctx = ParseContext("statuspage.html")
    got = parse_window(text, datetime(2022, 8, 23, tzinfo=UTC), ctx, "$")
    assert got == (datetime(*start, tzinfo=UTC), datetime(*end, tzinfo=UTC))
    assert ctx.warnings == []


ROW = (
    b"<div class='component-inner-container' data-component-id='c1' "
    b"data-component-status='operational'><span class='name'>%s</span></div>"
)


def index_page(name: bytes, head: bytes = b"") -> bytes:
    return (
        b"<html><head>"
        + head
        + b"</head><body class='status index status-none'>"
        + ROW % name
        + b"</body></html>"
    )


def test_bytes_that_are_not_utf8_are_replaced_with_a_warning() -> None:
    """Invalid UTF-8 never raises UnicodeDecodeError: replaced, warned (an error if strict)."""
    snap = statuskit.parse(index_page(b"caf\xe9"), provider="statuspage.html")
    assert snap.components[0].name == "caf\ufffd"
    assert snap.warnings == ("statuspage.html at $: invalid utf-8 bytes replaced",)
    with pytest.raises(statuskit.ParseError, match="invalid utf-8"):
        statuskit.parse(index_page(b"caf\xe9"), provider="statuspage.html", strict=True)


def test_declared_charset_is_honoured() -> None:
    """A <meta charset> other than UTF-8 decodes the page."""
    body = index_page("café".encode("latin-1"), b"<meta charset='iso-8859-1'>")
    snap = statuskit.parse(body, provider="statuspage.html")
    assert (snap.components[0].name, snap.warnings) == ("café", ())


def test_empty_body_is_a_parse_error() -> None:
    """An empty body names the adapter and says it is empty."""
    with pytest.raises(statuskit.ParseError, match="empty HTML document"):
        statuskit.parse(b"", provider="statuspage.html")


def test_deep_nesting_is_bounded() -> None:
    """Twenty thousand nested containers are refused quickly (libxml2 would drop what lies
    past 256 levels: no page is returned with parts missing); nesting within max_depth reads."""
    body = (
        b"<html><body class='status index'>"
        + b"<div class='component-container is-group'>" * 20000
        + b"</body></html>"
    )
    with pytest.raises(statuskit.InputLimitError) as caught:
        statuskit.parse(body, provider="statuspage.html")
    assert caught.value.limit == "max_depth"
    shallow = body.replace(
        b"<div class='component-container is-group'>" * 20000,
        b"<div class='component-container is-group'>" * 40,
    )
    snap = statuskit.parse(shallow, provider="statuspage.html")
    assert snap.components == ()
    assert any("no components" in w for w in snap.warnings)
    deeper = statuskit.Limits(max_depth=32)
    with pytest.raises(statuskit.InputLimitError):
        statuskit.parse(shallow, provider="statuspage.html", limits=deeper)


def test_unreadable_times_and_words_are_warnings_not_guesses() -> None:
    """An unknown impact, status word and date give UNKNOWN / None with warnings."""
    body = (
        b"<html><body class='status index status-none'><div class='unresolved-incidents'>"
        b"<div class='unresolved-incident impact-zzz'><div class='incident-title'>"
        b"<a href='/incidents/abc123'>T</a></div><div class='updates'><div class='update'>"
        b"<strong>Weird</strong> - x<br><small>Foo <var>9</var>, <var>10:00</var> UTC</small>"
        b"</div></div></div></div></body></html>"
    )
    snap = statuskit.parse(body, provider="statuspage.html")
    (inc,) = snap.incidents
    assert (inc.impact, inc.raw_impact) == (Impact.UNKNOWN, "zzz")
    assert (inc.updates[0].status, inc.updates[0].created_at) == (IncidentStatus.UNKNOWN, None)
    assert [w.split(": ", 1)[1][:14] for w in snap.warnings] == [
        "unknown impact",
        "unknown month ",
        "unknown update",
        "the page shows",
    ]


def test_post_time_with_digits_int_refuses_is_read_from_its_text() -> None:
    """A post time whose day is a superscript digit ("¹", a digit to isdigit(), not to int())
    is read from its text like any odd time, with a warning: never an internal error."""
    body = (
        "<html><head><meta name='issued' content='1634578070'></head>"
        "<body class='status index status-none'><div class='unresolved-incidents'>"
        "<div class='unresolved-incident impact-minor'><div class='incident-title'>"
        "<a href='/incidents/abc123'>T</a></div><div class='updates'><div class='update'>"
        "<strong>Investigating</strong> - x<br><small>Oct <var data-var='date'>\u00b9</var>, "
        "<var data-var='time'>10:00</var> UTC</small></div></div></div></div></body></html>"
    ).encode()
    snap = statuskit.parse(body, provider="statuspage.html")
    (inc,) = snap.incidents
    assert (inc.updates[0].status, inc.updates[0].created_at) == (
        IncidentStatus.INVESTIGATING,
        None,
    )
    assert any("update[0]" in w for w in snap.warnings)

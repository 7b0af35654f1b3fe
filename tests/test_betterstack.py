"""Better Stack ``/index.json``: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow Better Stack's documented JSON API (``betterstack.com/docs/uptime/status-pages/
subscribing-to-status-updates/subscribing-to-api`` and the status-report API reference) and the
real Hugging Face capture in the corpus.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus
from statuskit._dates import zone_info
from statuskit.adapters._rails_zones import RAILS_ZONES, iana_zone
from statuskit.adapters.betterstack import availability, status_history

from .conftest import FIXTURES

BS = FIXTURES / "betterstack.json"
UTC = timezone.utc


def read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((BS / name).read_bytes())


def test_rails_zone_names_map_to_iana_zones() -> None:
    """ "Eastern Time (US & Canada)" is America/New_York; every name in the table is a real zone."""
    snap = read("index-downtime.json")
    assert snap.page.time_zone == "America/New_York"
    assert iana_zone("Eastern Time (US & Canada)") == "America/New_York"
    assert iana_zone("Europe/Berlin") == "Europe/Berlin"
    assert iana_zone("Mars Standard Time") is None
    assert all(zone_info(z) is not None for z in RAILS_ZONES.values())
    assert len(RAILS_ZONES) >= 150


def test_unknown_zone_is_a_warning_not_a_guess() -> None:
    """A zone name that is neither Rails nor IANA leaves the page zone empty, with a warning."""
    snap = read("unknown-words.json")
    assert snap.page.time_zone is None
    assert any("Mars Standard Time" in w for w in snap.warnings)


def test_resolved_report_with_null_ends_at_is_not_open() -> None:
    """aggregate_state "resolved" wins over ``ends_at: null``: the report is over."""
    snap = read("index-downtime.json")
    inc = snap.incident("7001")
    assert inc is not None
    assert inc.raw["ends_at"] is None
    assert inc.is_resolved and not inc.is_active
    assert inc.resolved_at == datetime(2026, 3, 9, 13, tzinfo=UTC)
    assert inc not in snap.open_incidents


def test_posts_are_sorted_and_a_relapse_counts_as_reopened() -> None:
    """Posts linked out of order come out oldest first; resolved-then-degraded is a reopen."""
    inc = read("index-downtime.json").incident("7001")
    assert inc is not None
    assert [u.id for u in inc.updates] == ["80003", "80002", "80001", "80004"]
    assert inc.reopened_count == 1
    assert [t.new for t in inc.transitions()] == [
        ComponentStatus.DEGRADED_PERFORMANCE,
        ComponentStatus.OPERATIONAL,
        ComponentStatus.DEGRADED_PERFORMANCE,
        ComponentStatus.OPERATIONAL,
    ]


def test_resource_statuses() -> None:
    """downtime is a major outage, degraded is degraded, not_monitored is unknown (no warning)."""
    snap = read("index-downtime.json")
    states = {c.name: (c.status, c.raw_status) for c in snap.components}
    assert states["API"] == (ComponentStatus.MAJOR_OUTAGE, "downtime")
    assert states["Dashboard"] == (ComponentStatus.DEGRADED_PERFORMANCE, "degraded")
    assert states["Batch jobs"] == (ComponentStatus.UNKNOWN, "not_monitored")
    assert states["Object storage"] == (ComponentStatus.UNDER_MAINTENANCE, "maintenance")
    assert snap.warnings == ()
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE


def test_sections_are_groups_in_section_order() -> None:
    """Sections become group names and ids; rows follow section position, then row position."""
    snap = read("index-downtime.json")
    assert [(c.group, c.name) for c in snap.components] == [
        ("Core services", "API"),
        ("Core services", "Dashboard"),
        ("Edge", "CDN (same monitor as API)"),
        ("Edge", "Batch jobs"),
        ("Edge", "Object storage"),
    ]
    assert {c.group_id for c in snap.components} == {"11", "12"}


def test_two_rows_watching_one_monitor_stay_two() -> None:
    """Rows are keyed by their status_page_resource id, not by the monitor behind them."""
    snap = read("index-downtime.json")
    api, cdn = snap.component("501"), snap.component("503")
    assert api is not None and cdn is not None
    assert api.raw["resource_id"] == cdn.raw["resource_id"] == 1001
    assert api.status is not cdn.status


def test_availability_and_status_history_are_reachable() -> None:
    """Availability and the daily history stay on the row, typed by the helpers."""
    api = read("index-downtime.json").component("501")
    assert api is not None
    assert availability(api) == pytest.approx(0.9987)
    days = status_history(api)
    assert [(d.day, d.status) for d in days] == [
        ("2026-03-08", ComponentStatus.OPERATIONAL),
        ("2026-03-09", ComponentStatus.DEGRADED_PERFORMANCE),
        ("2026-03-10", ComponentStatus.MAJOR_OUTAGE),
    ]
    assert days[-1].downtime_seconds == pytest.approx(1830.5)


def test_open_report_and_its_impact() -> None:
    """An open automatic report is an open incident; its impact is the worst state it set."""
    inc = read("index-downtime.json").incident("7002")
    assert inc is not None
    assert inc.kind is IncidentKind.INCIDENT
    assert inc.status is IncidentStatus.INVESTIGATING and inc.is_active
    assert (inc.impact, inc.raw_impact) == (Impact.CRITICAL, "downtime")
    # the CDN row is listed on the report but stayed operational: listed, not impacted
    assert [c.id for c in inc.components] == ["501", "503"]
    assert [c.id for c in inc.impacted_components] == ["501"]


def test_maintenance_in_progress_and_scheduled() -> None:
    """A maintenance whose resource is in maintenance is in progress; one that starts after the
    page's last change is scheduled, has not started and has impacted nothing yet."""
    snap = read("index-downtime.json")
    running, planned = snap.incident("7003"), snap.incident("7004")
    assert running is not None and planned is not None
    assert running.kind is planned.kind is IncidentKind.MAINTENANCE
    assert running.status is IncidentStatus.IN_PROGRESS and running.is_active
    assert running.started_at == datetime(2026, 3, 10, 14, tzinfo=UTC)
    assert running.open_state is ComponentStatus.UNDER_MAINTENANCE
    assert planned.status is IncidentStatus.SCHEDULED and not planned.is_active
    assert planned.started_at is None
    assert planned.impacted_components == ()
    assert planned.url == "https://status.acme.example/maintenance/7004"


def test_completed_maintenance() -> None:
    """A resolved maintenance is completed at its last post, its window kept."""
    inc = read("index-subdomain-iana-zone.json").incident("20")
    assert inc is not None
    assert inc.status is IncidentStatus.COMPLETED
    assert inc.started_at == datetime(2026, 4, 26, 2, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 4, 26, 4, tzinfo=UTC)  # ends_at is later than the post
    assert inc.scheduled_until == datetime(2026, 4, 26, 4, tzinfo=UTC)


def test_page_url_from_subdomain_and_announcement() -> None:
    """Without a custom domain the page lives on <subdomain>.betteruptime.com; the announcement
    is the description; an IANA zone is taken as it is."""
    snap = read("index-subdomain-iana-zone.json")
    assert snap.page.url == "https://tinysaas.betteruptime.com"
    assert snap.page.time_zone == "Europe/Berlin"
    assert snap.description == "Planned database upgrade on Sunday."
    assert snap.incident("21") is not None
    assert snap.incident("21").url == "https://tinysaas.betteruptime.com/incident/21"  # type: ignore[union-attr]


def test_unknown_words_are_unknown_with_warnings() -> None:
    """Unknown aggregate, resource, report type and report state: UNKNOWN plus a warning each;
    a report linked but not included is skipped with a warning."""
    snap = read("unknown-words.json")
    assert snap.indicator is ComponentStatus.UNKNOWN and snap.raw_indicator == "on_fire"
    rocket = snap.component("1")
    assert rocket is not None and (rocket.status, rocket.raw_status) == (
        ComponentStatus.UNKNOWN,
        "sleeping",
    )
    inc = snap.incident("9")
    assert inc is not None and inc.status is IncidentStatus.UNKNOWN and inc.raw_status == "wobbly"
    assert snap.incident("404") is None
    text = " ".join(snap.warnings)
    for word in ("on_fire", "sleeping", "spontaneous", "wobbly", "404"):
        assert word in text


def test_strict_mode_raises_on_unknown_words() -> None:
    """In strict mode the first unknown word is a ParseError naming where it was."""
    with pytest.raises(statuskit.ParseError) as err:
        statuskit.parse((BS / "unknown-words.json").read_bytes(), strict=True)
    assert err.value.adapter == "betterstack.json"
    assert err.value.path is not None and "timezone" in err.value.path


def test_not_a_status_page_is_a_parse_error() -> None:
    """A JSON:API document about something else is refused with a typed error."""
    with pytest.raises(statuskit.ParseError):
        statuskit.parse(b'{"data": {"type": "monitor", "id": "1"}}', provider="betterstack.json")


def test_real_hugging_face_page(corpus: Path) -> None:
    """The real capture: 8 resources in 5 sections, 5 reports with 10 posts, downtime."""
    data = (corpus / "betterstack" / "huggingface-index-2026-07-19-downtime.json").read_bytes()
    assert statuskit.detect(data).adapter == "betterstack.json"
    snap = statuskit.parse(data)
    assert len(snap.components) == 8
    assert len({c.group_id for c in snap.components}) == 5
    assert len(snap.incidents) == 5
    assert sum(len(i.updates) for i in snap.incidents) == 10
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE
    assert snap.page.time_zone == "America/New_York"
    assert snap.warnings == ()
    # three manual reports resolved with ends_at null: none of them is open
    assert [i.id for i in snap.open_incidents] == []
    assert snap.incident("961899").status is IncidentStatus.SCHEDULED  # type: ignore[union-attr]
    assert snap.incident("946090").status is IncidentStatus.COMPLETED  # type: ignore[union-attr]
    assert all(c.status is not ComponentStatus.UNKNOWN for c in snap.components)

"""incident.io: the traps, asserted as facts (the golden files pin the rest).

The fixtures under ``tests/fixtures/incidentio.json`` and ``incidentio.html`` are written by us,
shaped like incident.io's public payloads:

* Widget API: incident.io help, "Embed your status page's data into your own product" (three
  arrays ``ongoing_incidents``, ``in_progress_maintenances``, ``scheduled_maintenances``; id,
  name, status, last update message, dates, affected components); field names as typed by
  public clients (MaterializeInc's console ``StatusSummary``: ``page_title``, ``page_url``,
  ``current_worst_impact`` partial_outage / degraded_performance / full_outage,
  ``affected_components`` {id, name, group_name}, ``last_update_at``, ``last_update_message``,
  ``started_at`` / ``scheduled_end_at``, ``starts_at`` / ``ends_at``).
* Page data (``/proxy/<host>``): the object the status page loads, ``{"summary": {...}}`` with
  ``components`` {id, name, status_page_id}, ``affected_components`` {component_id, status},
  ``structure.items`` of ``group`` {id, name, hidden, components [{component_id, name,
  hidden}]} or ``component``, ``ongoing_incidents`` and ``scheduled_maintenances`` with
  ``updates`` {published_at, to_status, message_string, component_statuses}; as read by public
  clients (openai/codex's status check, and status aggregators' incident.io adapters).
* Statuspage-compatible API: the real Cohere and OpenAI captures in the corpus.
* incident.io's public API reference (docs.incident.io, status page incidents and maintenances)
  for the maintenance statuses ``maintenance_scheduled``, ``maintenance_in_progress``,
  ``maintenance_complete``.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope
from statuskit._source import Source
from statuskit.adapters.statuspage import StatuspageJSON

from .conftest import FIXTURES, corpus_files

UTC = timezone.utc


def read(folder: str, name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((FIXTURES / folder / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_widget_worst_impact_words() -> None:
    """full_outage is critical (major outage), degraded_performance minor; words kept."""
    snap = read("incidentio.json", "widget.json")
    impacts = {i.title: (i.impact, i.raw_impact) for i in snap.open_incidents}
    assert impacts == {
        "Elevated error rates for Chat": (Impact.CRITICAL, "full_outage"),
        "Slow dashboard": (Impact.MINOR, "degraded_performance"),
    }
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE
    assert (snap.platform, snap.adapter) == ("incidentio", "incidentio.json")


def test_widget_latest_update_is_not_the_start() -> None:
    """The widget carries only the latest post: kept as the update, not taken as the start."""
    snap = read("incidentio.json", "widget.json")
    inc = snap.incident("01KD2A7Q9M3N4P5R6S7T8V9W0X")
    assert inc is not None
    (update,) = inc.updates
    assert update.created_at == datetime(2026, 3, 2, 14, 22, 10, 418000, tzinfo=UTC)
    assert update.body == "We have identified a faulty deploy and are rolling it back."
    assert inc.started_at is None
    assert inc.updated_at == update.created_at


def test_widget_affected_components_are_listed_not_impacted() -> None:
    """Widget components come without states: listed (id, name), not claimed as impacted."""
    inc = read("incidentio.json", "widget.json").incident("01KD2A7Q9M3N4P5R6S7T8V9W0X")
    assert inc is not None
    assert [(r.name, r.status) for r in inc.components] == [("Chat", None), ("Embeddings", None)]
    assert inc.impacted_components == ()


def test_widget_maintenances() -> None:
    """In progress: started when the widget says, active, not an outage; scheduled: its window."""
    snap = read("incidentio.json", "widget.json")
    running = snap.incident("01KD1Z9Y8X7W6V5T4S3R2Q1P0N")
    upcoming = snap.incident("01KD3C4D5E6F7G8H9J0K1M2N3P")
    assert running is not None and upcoming is not None
    assert (running.kind, running.status, running.is_active) == (
        IncidentKind.MAINTENANCE,
        IncidentStatus.IN_PROGRESS,
        True,
    )
    assert running.started_at == datetime(2026, 3, 2, 12, tzinfo=UTC)
    assert running.scheduled_until == datetime(2026, 3, 2, 13, 30, tzinfo=UTC)
    assert (upcoming.status, upcoming.is_active, upcoming.started_at) == (
        IncidentStatus.SCHEDULED,
        False,
        None,
    )
    assert upcoming.scheduled_for == datetime(2026, 3, 5, 2, tzinfo=UTC)
    assert snap.coverage == statuskit.Coverage(
        components=False, indicator=True, incidents=Scope.OPEN, maintenances=Scope.OPEN
    )


def test_widget_all_clear_is_operational_without_warning() -> None:
    """Empty lists: the page is all clear (operational), not "parsed to nothing"."""
    snap = read("incidentio.json", "widget-all-clear.json")
    assert snap.overall is ComponentStatus.OPERATIONAL
    assert snap.warnings == ()


def test_page_data_components_groups_and_states() -> None:
    """Components come in the page's order and groups; a component not affected is
    operational; hidden ones are left out; same-named components stay apart by id."""
    snap = read("incidentio.json", "page-data.json")
    rows = [(c.name, c.group, c.status, c.is_group) for c in snap.components]
    assert rows == [
        ("API", None, ComponentStatus.PARTIAL_OUTAGE, True),
        ("Responses", "API", ComponentStatus.OPERATIONAL, False),
        ("Files", "API", ComponentStatus.PARTIAL_OUTAGE, False),
        ("App", None, ComponentStatus.MAJOR_OUTAGE, True),
        ("Login", "App", ComponentStatus.OPERATIONAL, False),
        ("Conversations", "App", ComponentStatus.DEGRADED_PERFORMANCE, False),
        ("Files", "App", ComponentStatus.MAJOR_OUTAGE, False),
        ("Status emails", None, ComponentStatus.OPERATIONAL, False),
    ]
    files = snap.component("01JQ7N0000000000000000C006")
    assert files is not None and files.raw_status == "full_outage"
    assert snap.component("01JQ7N0000000000000000C005") is None  # hidden
    assert snap.indicator is ComponentStatus.MAJOR_OUTAGE
    assert snap.page.url == "https://status.northwind.example"


def test_page_data_incident_timeline_and_impact() -> None:
    """Updates oldest first with their component states; impact is the worst affected state;
    a component listed as operational is not impacted."""
    inc = read("incidentio.json", "page-data.json").incident("01KE5F6G7H8J9K0M1N2P3Q4R5S")
    assert inc is not None
    assert inc.impact is Impact.CRITICAL and inc.raw_impact is None
    assert [u.created_at for u in inc.updates] == sorted(u.created_at for u in inc.updates)  # type: ignore[type-var]
    assert inc.started_at == datetime(2026, 6, 10, 9, 14, 2, 311000, tzinfo=UTC)
    assert [r.name for r in inc.impacted_components] == ["Files", "Files"]
    assert inc.url == "https://status.northwind.example/incidents/01KE5F6G7H8J9K0M1N2P3Q4R5S"


def test_incident_page_json() -> None:
    """One incident: resolved at its last update, duration from the first."""
    snap = read("incidentio.json", "incident.json")
    (inc,) = snap.incidents
    assert inc.is_resolved and inc.resolved_at == datetime(2026, 6, 1, 11, 5, tzinfo=UTC)
    assert inc.duration is not None and inc.duration.total_seconds() == 3900
    assert [t.new for t in inc.transitions()] == [
        ComponentStatus.DEGRADED_PERFORMANCE,
        ComponentStatus.OPERATIONAL,
    ]


def test_unknown_impact_word_is_unknown_with_a_warning() -> None:
    """An unmapped worst impact is UNKNOWN, the word kept, a warning given."""
    data = (
        b'{"page_title":"X","page_url":"https://x.example","ongoing_incidents":[{"id":"01A",'
        b'"name":"n","status":"investigating","current_worst_impact":"total_meltdown"}],'
        b'"in_progress_maintenances":[],"scheduled_maintenances":[]}'
    )
    snap = statuskit.parse(data)
    (inc,) = snap.incidents
    assert (inc.impact, inc.raw_impact) == (Impact.UNKNOWN, "total_meltdown")
    assert any("total_meltdown" in w for w in snap.warnings)
    with pytest.raises(statuskit.ParseError):
        statuskit.parse(data, strict=True)


@pytest.mark.parametrize(
    ("name", "adapter"),
    [
        ("summary-compat.json", "incidentio.json"),
        ("widget.json", "incidentio.json"),
        ("page-data.json", "incidentio.json"),
    ],
)
def test_detection_tells_the_three_shapes_apart(name: str, adapter: str) -> None:
    """Compat summary, widget and page data are incident.io; Statuspage never wins them."""
    data = (FIXTURES / "incidentio.json" / name).read_bytes()
    det = statuskit.detect(data)
    assert (det.adapter, det.platform) == (adapter, "incidentio")
    assert all(c[1] < det.confidence for c in det.candidates[1:])


def test_statuspage_does_not_claim_widget_or_page_data() -> None:
    """The Statuspage sniff has no claim on the widget or the page data."""
    for name in ("widget.json", "widget-all-clear.json", "page-data.json", "incident.json"):
        data = (FIXTURES / "incidentio.json" / name).read_bytes()
        assert StatuspageJSON().sniff(Source(data)) is None, name


@pytest.mark.parametrize("name", ["next-flight.html", "next-data.html"])
def test_html_pages(name: str) -> None:
    """The status page's HTML gives the same components as its page data."""
    snap = read("incidentio.html", name)
    assert (snap.platform, snap.adapter) == ("incidentio", "incidentio.html")
    assert len([c for c in snap.components if not c.is_group]) == 6
    assert snap.warnings == ()


def test_html_flight_page_matches_the_json() -> None:
    """Flight chunks ("$5" reference, "$D" dates) give the same snapshot as the page data."""
    html = read("incidentio.html", "next-flight.html", url="https://status.northwind.example/")
    data = read("incidentio.json", "page-data.json")
    assert html.components == data.components
    assert html.incidents == data.incidents


def test_html_all_clear_page() -> None:
    """The all-clear page (pages router): every component operational, overall operational."""
    snap = read("incidentio.html", "next-data.html")
    assert snap.overall is ComponentStatus.OPERATIONAL
    assert snap.page.name == "Litware"


@pytest.mark.parametrize("path", corpus_files("incidentio"), ids=lambda p: p.name)
def test_corpus(path: object) -> None:
    """Each real incident.io capture is incident.io, with components and no UNKNOWN state."""
    data = path.read_bytes()  # type: ignore[attr-defined]
    assert statuskit.detect(data).adapter == "incidentio.json"
    snap = statuskit.parse(data)
    assert snap.platform == "incidentio" and snap.components
    assert all(c.status is not ComponentStatus.UNKNOWN for c in snap.components)
    assert all(i.status is not IncidentStatus.UNKNOWN for i in snap.incidents)

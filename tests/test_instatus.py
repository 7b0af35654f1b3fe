"""Instatus: the traps, asserted as facts (the golden files pin the rest).

The fixtures under ``tests/fixtures/instatus.json`` and ``instatus.html`` are written by us, shaped
like Instatus's public payloads as documented and as seen in public code:

* ``/summary.json``: Instatus help, "Publicly available data" (instatus.com/help/api/public-data):
  ``page`` {name, url, status UP / HASISSUES / UNDERMAINTENANCE}, ``activeIncidents`` {name,
  started as JavaScript ``Date.toString()`` text, status, impact, url}, ``activeMaintenances``
  {name, start, status NOTSTARTEDYET / INPROGRESS / COMPLETED, duration "60", url}.  Newer
  summaries add ``id`` and ``updatedAt`` with ISO times (the real Perplexity capture in the corpus;
  monkeytypegame/monkeytype's ``InstatusSummary`` type with a numeric ``duration``).
* The page-status vocabulary ``ONE``/``SOME``/``ALL`` + UNDERMAINTENANCE, DEGRADEDPERFORMANCE,
  PARTIALOUTAGE, MINOROUTAGE, MAJOROUTAGE: Instatus API reference (status values), and the same
  list in public clients (e.g. koyeb's console status badge).  No ``MANY...`` word exists.
* ``/v2/components.json`` and ``/v3/components.json``: ``components`` with a ``group`` object
  {id, name, description} or null (public clients reading ``/v3/components.json``), and parents
  with ``isParent`` and nested ``children`` (the same records as the page props).
* Page props: hwartig/saas-status-scraper ``data/adalo/data.json`` (an Instatus page's Next.js
  props: ``site`` with ``mainStatus``, ``components`` with ``nameTranslation`` objects, parents
  with ``status: null`` and ``children``; ``componentsUptime``; ``notices``).  Notice records
  follow the Instatus v1 API incident and maintenance records (instatus.com/help/api/incidents,
  /maintenances): updates with message, messageHtml, status, started, createdAt.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope
from statuskit._source import Source
from statuskit.adapters._instatus import COMPONENT_STATUS, PAGE_STATUS
from statuskit.adapters.statuspage import StatuspageJSON

from .conftest import CORPUS, FIXTURES, corpus_files

IJ = FIXTURES / "instatus.json"
IH = FIXTURES / "instatus.html"
UTC = timezone.utc


def read(folder: str, name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((FIXTURES / folder / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def summary(status: str) -> bytes:
    return json.dumps(
        {"page": {"name": "X", "url": "https://x.example", "status": status}}
    ).encode()


_KINDS = {
    "UNDERMAINTENANCE": ComponentStatus.UNDER_MAINTENANCE,
    "DEGRADEDPERFORMANCE": ComponentStatus.DEGRADED_PERFORMANCE,
    "PARTIALOUTAGE": ComponentStatus.PARTIAL_OUTAGE,
    "MINOROUTAGE": ComponentStatus.PARTIAL_OUTAGE,
    "MAJOROUTAGE": ComponentStatus.MAJOR_OUTAGE,
}


@pytest.mark.parametrize("prefix", ["ONE", "SOME", "MANY", "ALL"])
@pytest.mark.parametrize("kind", sorted(_KINDS))
def test_every_documented_page_word_is_known(prefix: str, kind: str) -> None:
    """ONE/SOME/ALL + each component state is the page's indicator, never UNKNOWN; MANY (the
    issue's name for SOME, not seen on real pages) reads as SOME does."""
    snap = statuskit.parse(summary(prefix + kind))
    assert snap.platform == "instatus"
    assert snap.indicator is _KINDS[kind]
    assert snap.raw_indicator == prefix + kind
    assert snap.warnings == ()


def test_page_vocabulary_is_exactly_the_documented_one() -> None:
    """UP, HASISSUES, UNDERMAINTENANCE and the 15 ONE/SOME/ALL words (plus MANY as SOME's
    synonym), in both cases."""
    upper = {k for k in PAGE_STATUS if k.isupper()}
    assert len(upper) == 23
    assert all(PAGE_STATUS["MANY" + k] is PAGE_STATUS["SOME" + k] for k in _KINDS)
    assert PAGE_STATUS["UP"] is ComponentStatus.OPERATIONAL
    assert PAGE_STATUS["hasissues"] is ComponentStatus.DEGRADED_PERFORMANCE
    assert set(COMPONENT_STATUS) >= {"OPERATIONAL", "MINOROUTAGE", "majoroutage"}


def test_hasissues_without_incidents_is_not_operational() -> None:
    """HASISSUES says something is wrong without saying what: degraded, never operational."""
    snap = statuskit.parse(summary("HASISSUES"))
    assert snap.overall is ComponentStatus.DEGRADED_PERFORMANCE


def test_unknown_page_word_is_unknown_with_a_warning() -> None:
    """A page word outside the vocabulary (MANYPARTIALOUTAGES) is UNKNOWN, kept, and warned."""
    snap = read("instatus.json", "unknown-page-word.json")
    assert snap.indicator is ComponentStatus.UNKNOWN
    assert snap.raw_indicator == "MANYPARTIALOUTAGES"
    assert any("MANYPARTIALOUTAGES" in w and "$.page.status" in w for w in snap.warnings)
    # the open incident still speaks: MINOROUTAGE is a partial outage
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE


def test_unknown_page_word_raises_in_strict_mode() -> None:
    """strict=True turns it into a ParseError naming adapter and path."""
    with pytest.raises(statuskit.ParseError) as info:
        read("instatus.json", "unknown-page-word.json", strict=True)
    assert (info.value.adapter, info.value.path) == ("instatus.json", "$.page.status")


def test_javascript_date_text_and_its_offset() -> None:
    """'Tue Mar 03 2026 10:15:00 GMT+0200 (...)' is 08:15 UTC (GMT+0200 is east of UTC)."""
    snap = read("instatus.json", "summary-legacy-jsdate.json")
    inc = snap.open_incidents[0]
    assert inc.started_at == datetime(2026, 3, 3, 8, 15, tzinfo=UTC)
    assert inc.id == "clx4a8n3070721qtmzvts760c4"  # no id in the record: the URL's last segment


def test_maintenance_window_from_duration_in_minutes() -> None:
    """A maintenance's end is its start plus ``duration`` minutes, string or number."""
    legacy = read("instatus.json", "summary-legacy-jsdate.json").maintenances[0]
    assert legacy.scheduled_for == datetime(2026, 3, 4, 22, tzinfo=UTC)
    assert legacy.scheduled_until is not None and legacy.scheduled_for is not None
    assert legacy.scheduled_until - legacy.scheduled_for == timedelta(minutes=60)
    active = read("instatus.json", "summary-active.json").incident("cm7ox0m2a00010alqz9y8x7w6")
    assert active is not None
    assert active.scheduled_until == datetime(2026, 5, 12, 9, tzinfo=UTC)


def test_maintenance_statuses() -> None:
    """NOTSTARTEDYET is scheduled (not active), INPROGRESS is active; neither is an outage."""
    snap = read("instatus.json", "summary-active.json")
    by_status = {m.raw_status: m for m in snap.maintenances}
    upcoming, running = by_status["NOTSTARTEDYET"], by_status["INPROGRESS"]
    assert (upcoming.status, upcoming.is_active, upcoming.started_at) == (
        IncidentStatus.SCHEDULED,
        False,
        None,
    )
    assert (running.status, running.is_active) == (IncidentStatus.IN_PROGRESS, True)
    assert running.started_at == datetime(2026, 5, 12, 6, tzinfo=UTC)
    assert all(
        m.kind is IncidentKind.MAINTENANCE and m.impact is Impact.MAINTENANCE
        for m in (upcoming, running)
    )
    assert not running.open_state.is_outage
    assert snap.coverage == statuskit.Coverage(
        components=False, indicator=True, incidents=Scope.OPEN, maintenances=Scope.OPEN
    )


def test_all_under_maintenance_is_maintenance_not_outage() -> None:
    """ALLUNDERMAINTENANCE with a running maintenance: overall under maintenance."""
    snap = read("instatus.json", "summary-all-under-maintenance.json")
    assert snap.overall is ComponentStatus.UNDER_MAINTENANCE
    assert not snap.overall.is_outage


def test_incident_impact_words() -> None:
    """Impact words are the component words rated on the incident scale."""
    snap = read("instatus.json", "summary-active.json")
    impacts = {i.raw_impact: i.impact for i in snap.open_incidents}
    assert impacts == {"PARTIALOUTAGE": Impact.MAJOR, "DEGRADEDPERFORMANCE": Impact.MINOR}
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE


def test_flat_components_with_group_objects_and_minor_outage() -> None:
    """v3 components name their group; MINOROUTAGE reads as partial outage, word kept;
    the page address is the site, not the endpoint."""
    snap = read(
        "instatus.json",
        "components-v3-flat.json",
        url="https://status.contoso.example/v3/components.json",
    )
    dash = snap.component("cm5a1b2c3000c0klmv9w8x7y6")
    assert dash is not None
    assert (dash.status, dash.raw_status, dash.group) == (
        ComponentStatus.PARTIAL_OUTAGE,
        "MINOROUTAGE",
        "Europe",
    )
    apis = [(c.group, c.status) for c in snap.components if c.name == "API"]
    assert apis == [
        ("Europe", ComponentStatus.OPERATIONAL),
        ("North America", ComponentStatus.DEGRADED_PERFORMANCE),
    ]
    assert snap.page.url == "https://status.contoso.example"
    assert snap.coverage.components and not snap.coverage.indicator


def test_nested_children_groups_and_archived() -> None:
    """A parent without a status takes its worst child; children carry it as group; archived
    components are not on the page."""
    snap = read("instatus.json", "components-v2-nested.json")
    core = snap.component("cm6p0a1b2000h0xyzp3q4r5s6")
    assert core is not None and core.is_group
    assert (core.status, core.raw_status) == (ComponentStatus.MAJOR_OUTAGE, None)
    auth = snap.component("cm6c0d1e2000i0xyzt7u8v9w0")
    assert auth is not None and (auth.group, auth.group_id) == ("Core platform", core.id)
    assert snap.component("cm6c0d1e2000l0xyzf9g8h7i6") is None
    assert [c.name for c in snap.components] == [
        "Core platform",
        "Authentication",
        "Billing",
        "Mobile apps",
    ]


def test_page_props_site_components_and_notices() -> None:
    """Page props: indicator from mainStatus, names from nameTranslation when empty, notices
    (keyed by id) with their timelines, oldest first; listed is not impacted."""
    snap = read("instatus.json", "page-props.json")
    assert (snap.indicator, snap.raw_indicator) == (
        ComponentStatus.DEGRADED_PERFORMANCE,
        "ONEDEGRADEDPERFORMANCE",
    )
    assert snap.page.url == "https://status.lumen.example"
    api = snap.component("ckq9w4c5d0008abcdb5n6m7k8")
    assert api is not None and api.name == "Public API"
    inc = snap.incident("ckr1incident0001abcdefghij")
    assert inc is not None
    assert [u.status for u in inc.updates] == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.MONITORING,
    ]
    assert inc.updates[1].body_html is not None and "<strong>" in inc.updates[1].body_html
    assert inc.updates[1].body == "A fix is deployed; we are watching save times."
    assert len(inc.components) == 2
    assert [r.name for r in inc.impacted_components] == ["Editor backend"]
    resolved = snap.incident("ckr0incident0000abcdefghij")
    assert resolved is not None and resolved.duration == timedelta(minutes=70)
    assert snap.coverage.incidents is Scope.RECENT


@pytest.mark.parametrize("name", ["next-data.html", "nuxt-data.html", "next-flight.html"])
def test_every_carrier_gives_the_same_components(name: str) -> None:
    """__NEXT_DATA__, __NUXT_DATA__ and flight chunks all give the page's seven components."""
    snap = read("instatus.html", name)
    assert (snap.platform, snap.adapter) == ("instatus", "instatus.html")
    assert [c.name for c in snap.components] == [
        "Editor",
        "Editor backend",
        "Editor frontend",
        "Publishing",
        "iOS builds",
        "Android builds",
        "Public API",
    ]
    assert snap.warnings == ()


def test_flight_encodings_are_undone() -> None:
    """In flight data, "$7" is row 7, "$D..." a date and "$undefined" nothing."""
    snap = read("instatus.html", "next-flight.html")
    inc = snap.incident("ckr1incident0001abcdefghij")
    assert inc is not None and inc.started_at == datetime(2026, 4, 21, 7, 40, tzinfo=UTC)
    assert snap.page.name == "Contoso"  # the site object was a "$7" reference
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE


def test_nuxt_page_in_maintenance() -> None:
    """The Nuxt page: a running maintenance, started at its in-progress update."""
    snap = read("instatus.html", "nuxt-data.html")
    (m,) = snap.maintenances
    assert m.is_active and m.started_at == datetime(2026, 4, 25, 2, 0, 20, tzinfo=UTC)
    assert snap.overall is ComponentStatus.UNDER_MAINTENANCE


def test_page_without_embedded_data_is_a_clear_error() -> None:
    """An Instatus-looking page with no data scripts: ParseError saying what is missing."""
    html = b"<!DOCTYPE html><html><body><a href='https://instatus.com'>Powered by Instatus</a></body></html>"
    with pytest.raises(statuskit.ParseError, match="no embedded page data"):
        statuskit.parse(html, provider="instatus.html")


def test_statuspage_sniff_does_not_claim_instatus() -> None:
    """Statuspage's reader refuses Instatus summaries even when they carry Statuspage-like keys."""
    for path in sorted(IJ.glob("summary-*.json")):
        if path.name.endswith((".expected.json", ".args.json")):
            continue
        assert StatuspageJSON().sniff(Source(path.read_bytes())) is None, path.name
    tricky = b'{"page":{"id":"abcdefghijkl","name":"X","status":"UP","time_zone":"UTC"},"activeIncidents":[{"name":"indicator","impact":"MAJOROUTAGE"}]}'
    det = statuskit.detect(tricky)
    assert det.adapter == "instatus.json"
    assert [name for name, _ in det.candidates] == ["instatus.json"]


def test_instatus_does_not_claim_statuspage_or_incidentio() -> None:
    """Statuspage and incident.io fixtures are never read as Instatus."""
    for folder in ("statuspage.json", "incidentio.json"):
        for path in sorted((FIXTURES / folder).glob("*.json")):
            if path.name.endswith((".expected.json", ".args.json")):
                continue
            assert statuskit.detect(path.read_bytes()).platform != "instatus", path.name


@pytest.mark.parametrize("path", corpus_files("instatus"), ids=lambda p: p.name)
def test_corpus(path: object) -> None:
    """Each real Instatus capture parses as Instatus, with no UNKNOWN state and no warning."""
    snap = statuskit.parse(path.read_bytes())  # type: ignore[attr-defined]
    assert snap.platform == "instatus"
    assert snap.warnings == ()
    assert all(c.status is not ComponentStatus.UNKNOWN for c in snap.components)
    assert all(i.status is not IncidentStatus.UNKNOWN for i in snap.incidents)


def test_perplexity_capture(corpus: object) -> None:
    """The real Perplexity summary: ONEMAJOROUTAGE, one monitoring incident, no components."""
    data = (CORPUS / "instatus" / "perplexity-summary-2026-07-23-majoroutage.json").read_bytes()
    snap = statuskit.parse(data)
    assert (snap.indicator, snap.raw_indicator) == (ComponentStatus.MAJOR_OUTAGE, "ONEMAJOROUTAGE")
    assert snap.components == () and not snap.coverage.components
    (inc,) = snap.incidents
    assert (inc.status, inc.impact, inc.raw_impact) == (
        IncidentStatus.MONITORING,
        Impact.CRITICAL,
        "MAJOROUTAGE",
    )
    assert inc.started_at == datetime(2026, 7, 23, 17, 48, 28, 28000, tzinfo=UTC)
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE
    assert snap.coverage.maintenances is Scope.NONE  # the capture has no activeMaintenances

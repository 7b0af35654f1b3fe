"""Google's status dashboards: ``incidents.json`` (Cloud and Workspace) and the regional HTML
tables, asserted as facts.

Fixtures follow ``status.cloud.google.com/incidents.json`` (and its ``incidents.schema.json``) as
recorded in the corpus, Google Workspace's ``/appsstatus/dashboard/incidents.json`` (same format)
and the regional page ``status.cloud.google.com/regional/americas`` recorded in the corpus.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus
from statuskit.regions import locations, restrict

from .conftest import FIXTURES

UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((FIXTURES / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_service_information_only_is_a_notice_not_an_outage() -> None:
    """An incident whose posts are SERVICE_INFORMATION (then AVAILABLE) is a NOTICE, impact none."""
    inc = read("gcp.json/incidents.json").incident("InfoNoticeBigQueryxxx")
    assert inc is not None
    assert inc.kind is IncidentKind.NOTICE
    assert (inc.impact, inc.raw_impact) == (Impact.NONE, "SERVICE_INFORMATION")
    assert inc.impacted_components == ()


def test_update_statuses_and_products() -> None:
    """Posts are oldest first; each sets the affected products to its state."""
    inc = read("gcp.json/incidents.json").incident("GlobalIamSeverityOnly")
    assert inc is not None
    assert [(u.status, u.raw_status) for u in inc.updates] == [
        (IncidentStatus.INVESTIGATING, "SERVICE_INFORMATION"),
        (IncidentStatus.INVESTIGATING, "SERVICE_DISRUPTION"),
        (IncidentStatus.RESOLVED, "AVAILABLE"),
    ]
    # the first post only mentions the product as fine: no state change is known before it
    assert [t.new for t in inc.transitions()] == [
        ComponentStatus.PARTIAL_OUTAGE,
        ComponentStatus.OPERATIONAL,
    ]
    # no status_impact: the severity decides the impact
    assert (inc.impact, inc.raw_impact) == (Impact.MAJOR, "medium")
    assert inc.kind is IncidentKind.INCIDENT


def test_begin_end_and_modified() -> None:
    """begin is the start, end the resolution, modified the last change."""
    inc = read("gcp.json/incidents.json").incident("InfoNoticeBigQueryxxx")
    assert inc is not None
    assert inc.started_at == datetime(2026, 1, 20, 13, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 1, 20, 18, tzinfo=UTC)
    assert inc.duration == timedelta(hours=5)
    assert inc.updated_at == datetime(2026, 1, 20, 18, tzinfo=UTC)


def test_retrospective_incident_is_resolved_not_reopened() -> None:
    """An incident created after its end, whose only post says SERVICE_DISRUPTION, is resolved
    (the closing post is RESOLVED, raw word kept), not a reopened incident."""
    inc = read("gcp.json/incidents.json").incident("RetrospectiveNetwork1")
    assert inc is not None
    assert inc.is_resolved and inc.reopened_count == 0
    (post,) = inc.updates
    assert (post.status, post.raw_status) == (IncidentStatus.RESOLVED, "SERVICE_DISRUPTION")
    # DESIGN rule 2: resolved when it was posted, the later of end and the closing post
    assert inc.resolved_at == datetime(2026, 1, 10, 4, 21, 20, tzinfo=UTC)
    assert inc.raw["end"] == "2026-01-10T03:41:13+00:00"


def test_open_outage_sets_the_derived_indicator() -> None:
    """Google publishes no indicator: it is derived from the open incidents (major outage)."""
    snap = read("gcp.json/incidents.json")
    assert [i.id for i in snap.open_incidents] == ["OpenOutageUsEast1xxxx"]
    assert snap.indicator is ComponentStatus.MAJOR_OUTAGE
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE
    assert read("gcp.json/workspace-incidents.json").overall is ComponentStatus.OPERATIONAL


def test_locations_are_kept_as_data() -> None:
    """An open incident is where Google says it is now; a closed one everywhere it has been."""
    snap = read("gcp.json/incidents.json")
    open_inc = snap.incident("OpenOutageUsEast1xxxx")
    closed = snap.incident("GlobalIamSeverityOnly")
    assert open_inc is not None and closed is not None
    where = locations(snap, open_inc)
    assert where is not None and [loc.id for loc in where] == ["us-east1"]
    assert where[0].name == "South Carolina (us-east1)"
    closed_where = locations(snap, closed)
    assert closed_where is not None and closed_where[0].is_global


def test_restricting_to_a_location() -> None:
    """A view for us-central1 drops the open outage that moved to us-east1 and is operational;
    a view for us-east1 keeps it; global and unlocated incidents stay in both."""
    snap = read("gcp.json/incidents.json")
    central = restrict(snap, ["us-central1"])
    assert "OpenOutageUsEast1xxxx" not in {i.id for i in central.incidents}
    assert central.overall is ComponentStatus.OPERATIONAL
    assert {"GlobalIamSeverityOnly", "RetrospectiveNetwork1"} <= {i.id for i in central.incidents}
    # the multi-region "us" spans us-central1
    assert "InfoNoticeBigQueryxxx" in {i.id for i in central.incidents}
    east = restrict(snap, ["us-east1"])
    assert east.overall is ComponentStatus.MAJOR_OUTAGE
    europe = restrict(snap, ["europe-west1"], keep_unlocated=False, keep_global=False)
    assert europe.incidents == ()
    assert europe.overall is ComponentStatus.OPERATIONAL


def test_workspace_links_point_at_the_workspace_dashboard() -> None:
    """Given Workspace's url, the page and incident links are Workspace's."""
    snap = read(
        "gcp.json/workspace-incidents.json",
        url="https://www.google.com/appsstatus/dashboard/incidents.json",
    )
    assert snap.page.name == "Google Workspace Status Dashboard"
    (inc,) = snap.incidents
    assert inc.url == "https://www.google.com/appsstatus/dashboard/incidents/GmailDelays12345678ab"
    assert snap.platform == "gcp"


def test_regional_table_cells_are_components() -> None:
    """Each offered (product, location) cell is a component; empty cells are not offered."""
    snap = read("gcp.html/regional-americas.html")
    assert [(c.id, c.status) for c in snap.components if c.status.is_outage] == [
        ("us-east1/Google Kubernetes Engine", ComponentStatus.PARTIAL_OUTAGE),
        ("southamerica-east1/Google Kubernetes Engine", ComponentStatus.MAJOR_OUTAGE),
    ]
    assert snap.component("southamerica-east1/Cloud Run") is None
    info = snap.component("us-east1/Cloud Run")
    assert info is not None and (info.status, info.raw_status) == (
        ComponentStatus.OPERATIONAL,
        "information",
    )
    assert info.group == "South Carolina (us-east1)" and info.group_id == "us-east1"
    assert snap.description is not None and snap.description.startswith("us-east1:")
    assert snap.page.updated_at == datetime(2026, 1, 16, 7, 10, 5, tzinfo=UTC)  # 23:10:05 PST


def test_regional_table_restricted() -> None:
    """Restricting the table to us-central1 keeps that column only."""
    snap = restrict(read("gcp.html/regional-americas.html"), ["us-central1"])
    assert {c.group_id for c in snap.components} == {"us-central1"}
    assert snap.overall is ComponentStatus.OPERATIONAL


def test_unknown_icon_is_unknown_with_a_warning() -> None:
    """An icon class statuskit does not know is UNKNOWN, with a warning naming the cell."""
    snap = read("gcp.html/unknown-icon.html")
    cell = snap.component("us/Cloud Storage")
    assert cell is not None and cell.status is ComponentStatus.UNKNOWN
    assert any("unknown kind" in w for w in snap.warnings)


def test_real_incidents_json(corpus: Path) -> None:
    """The real history: 157 incidents and 770 updates; 19 notices; none left open."""
    data = (corpus / "gcp" / "incidents-2021-07-to-2022-07.json").read_bytes()
    assert statuskit.detect(data).adapter == "gcp.json"
    snap = statuskit.parse(data)
    assert len(snap.incidents) == 157
    assert sum(len(i.updates) for i in snap.incidents) == 770
    assert sum(i.kind is IncidentKind.NOTICE for i in snap.incidents) == 19
    assert snap.open_incidents == ()
    assert snap.overall is ComponentStatus.OPERATIONAL
    assert snap.warnings == ()
    for inc in snap.incidents:
        assert inc.status is IncidentStatus.RESOLVED
        assert inc.reopened_count == 0
        assert inc.duration is not None and inc.duration >= timedelta(0)
    retro = snap.incident("NJJp8jkNzFStMyiJZWWD")
    assert retro is not None and retro.updates[-1].raw_status == "SERVICE_DISRUPTION"


def test_real_regional_page(corpus: Path) -> None:
    """The real Americas page: 679 offered cells over 11 locations, GKE disrupted in us-east1."""
    data = (corpus / "gcp" / "status-cloud-google-index-2022-05.html").read_bytes()
    assert statuskit.detect(data).adapter == "gcp.html"
    snap = statuskit.parse(data)
    assert len(snap.components) == 679
    assert len({c.group_id for c in snap.components}) == 11
    assert [c.id for c in snap.components if c.status is not ComponentStatus.OPERATIONAL] == [
        "us-east1/Google Kubernetes Engine"
    ]
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE
    assert snap.page.updated_at == datetime(2022, 5, 2, 20, 39, 46, tzinfo=UTC)
    assert snap.warnings == ()

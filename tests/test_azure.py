"""The Azure status page (service x region matrix), asserted as facts.

Fixtures follow the real page in the corpus (``azure.status.microsoft/en-us/status``, circa
2022: ``hide-text`` spans, the broken ``data-label="Not" available`` attribute, a spare trailing
cell) and older renderings read by public scrapers (SVG ``<use xlink:href="#svg-health-...">``
icons, ``status-category`` and ``capability-row`` rows, ``current-incident`` rows).
"""

from __future__ import annotations

from pathlib import Path

import statuskit
from statuskit import ComponentStatus, IncidentStatus, Scope
from statuskit.adapters.azure_status import region_id
from statuskit.regions import restrict

from .conftest import FIXTURES

AZ = FIXTURES / "azure.html"


def read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((AZ / name).read_bytes())


def test_cells_are_service_region_components() -> None:
    """Each offered cell is a component named for its service, grouped by its region."""
    snap = read("status-matrix.html")
    afd = snap.component("westus3/Azure Front Door")
    assert afd is not None
    assert (afd.status, afd.raw_status, afd.group, afd.group_id) == (
        ComponentStatus.MAJOR_OUTAGE,
        "Critical",
        "West US 3",
        "westus3",
    )
    # "Not available" (with its broken data-label) is not offered: no component
    assert snap.component("eastus/Azure Front Door") is None
    assert snap.warnings == ()


def test_legend_words() -> None:
    """Good and Information are operational, Warning degraded, Critical a major outage."""
    snap = read("status-matrix.html")
    assert {c.raw_status: c.status for c in snap.components} == {
        "Good": ComponentStatus.OPERATIONAL,
        "Information": ComponentStatus.OPERATIONAL,
        "Warning": ComponentStatus.DEGRADED_PERFORMANCE,
        "Critical": ComponentStatus.MAJOR_OUTAGE,
    }


def test_capability_rows_and_categories() -> None:
    """A capability row is "<service>: <capability>"; category rows are no components."""
    snap = read("status-matrix.html")
    waf = snap.component("westus3/Azure Front Door: Web Application Firewall")
    assert waf is not None and waf.status is ComponentStatus.DEGRADED_PERFORMANCE
    assert waf.raw["category"] == "Networking"
    assert not any(c.name in ("Networking", "Compute") for c in snap.components)


def test_old_svg_icons_and_zone_tabs() -> None:
    """The Europe tab's SVG icons are read; every zone's table contributes."""
    snap = read("status-matrix.html")
    west_eu = snap.component("westeurope/Virtual Machines")
    assert west_eu is not None and west_eu.status is ComponentStatus.DEGRADED_PERFORMANCE
    assert {c.raw["zone"] for c in snap.components} == {"americas", "europe"}


def test_active_event_is_an_open_incident() -> None:
    """A current-incident row is an open incident of unknown impact, titled by its heading."""
    snap = read("status-matrix.html")
    (inc,) = snap.incidents
    assert inc.title == "Azure Front Door - Intermittent connectivity issues"
    assert inc.status is IncidentStatus.INVESTIGATING and inc.is_active
    assert "West US 3" in inc.updates[0].body
    assert snap.coverage.incidents is Scope.OPEN


def test_no_active_events() -> None:
    """ "There are currently no active events" is no incident, and the page is operational."""
    snap = read("status-no-events.html")
    assert snap.incidents == ()
    assert snap.overall is ComponentStatus.OPERATIONAL


def test_region_ids_and_restriction() -> None:
    """Regions have Azure's programmatic names; Non-Regional is global and kept in every view."""
    assert region_id("West US 3") == "westus3"
    assert region_id("*Non-Regional") == "non-regional"
    snap = read("status-matrix.html")
    east = restrict(snap, ["eastus"])
    assert {c.group_id for c in east.components} == {"non-regional", "eastus"}
    assert east.overall is not ComponentStatus.MAJOR_OUTAGE  # West US 3 is not in the view
    west = restrict(snap, ["West US 3"])
    assert west.overall is ComponentStatus.MAJOR_OUTAGE


def test_real_page(corpus: Path) -> None:
    """The real page: one offered cell (Azure Monitor, Non-Regional, Good), no events, no
    warning about its spare trailing cell."""
    data = (corpus / "azure" / "status-azure-index-circa-2022.html").read_bytes()
    assert statuskit.detect(data).platform == "azure"
    snap = statuskit.parse(data)
    assert [(c.id, c.status) for c in snap.components] == [
        ("non-regional/Azure Monitor", ComponentStatus.OPERATIONAL)
    ]
    assert snap.incidents == ()
    assert snap.warnings == ()
    assert snap.overall is ComponentStatus.OPERATIONAL

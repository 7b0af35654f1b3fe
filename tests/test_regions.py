"""statuskit.regions: locations and region-restricted views."""

from __future__ import annotations

import pytest

import statuskit
from statuskit import ComponentStatus
from statuskit.regions import Location, locations, restrict

from .conftest import FIXTURES


def test_location_matching() -> None:
    """Ids and display names match case-folded; a zone matches its region; a multi-region
    matches the regions it spans."""
    iowa = Location("us-central1", "Iowa (us-central1)")
    assert iowa.matches("US-CENTRAL1") and iowa.matches("iowa (us-central1)")
    assert iowa.matches("us-central1-a")
    assert not iowa.matches("us-central")
    assert not iowa.matches("")
    us = Location("us", "Multi-region: us", covers=("us-",))
    assert us.matches("us-east4") and not us.matches("europe-west1")


def test_adapters_without_location_data_refuse() -> None:
    """Restricting a page that keeps no location data is a ValueError, never a silent no-op."""
    snap = statuskit.parse((FIXTURES / "betterstack.json" / "index-downtime.json").read_bytes())
    with pytest.raises(ValueError, match="no location data"):
        restrict(snap, ["us-east-1"])
    with pytest.raises(ValueError, match="no location data"):
        locations(snap, snap.components[0])


def test_restrict_needs_a_region() -> None:
    """An empty region list is refused."""
    snap = statuskit.parse((FIXTURES / "gcp.json" / "incidents.json").read_bytes())
    with pytest.raises(ValueError, match="at least one region"):
        restrict(snap, [])


def test_a_single_region_string_is_one_region() -> None:
    """A bare string is one region, not a list of letters."""
    snap = statuskit.parse((FIXTURES / "gcp.json" / "incidents.json").read_bytes())
    assert restrict(snap, "us-east1").overall is ComponentStatus.MAJOR_OUTAGE


def test_view_without_incident_coverage_has_no_indicator() -> None:
    """A table-only reading (no incident list) gets no derived indicator: overall comes from the
    components kept, unknown when none is."""
    snap = statuskit.parse((FIXTURES / "gcp.html" / "regional-americas.html").read_bytes())
    view = restrict(snap, ["asia-east1"], keep_global=False)
    assert view.components == () and view.indicator is None
    assert view.overall is ComponentStatus.UNKNOWN


def test_views_round_trip() -> None:
    """A restricted view is an ordinary snapshot: it serializes and reloads unchanged."""
    snap = statuskit.parse((FIXTURES / "aws.json" / "currentevents-utf16.json").read_bytes())
    view = restrict(snap, ["us-east-1"])
    assert statuskit.loads(statuskit.dumps(view)) == view

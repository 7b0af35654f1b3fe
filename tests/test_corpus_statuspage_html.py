"""statuspage.html on the real recorded pages of ../shared/corpus (skipped without it)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import statuskit
from statuskit import ComponentStatus, IncidentKind, IncidentStatus
from statuskit.testing import check_snapshot

from .conftest import corpus_files

PAGES = corpus_files("statuspage-html")


def read(corpus: Path, name: str) -> statuskit.Snapshot:
    return statuskit.parse((corpus / "statuspage-html" / name).read_bytes())


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_page_is_statuspage_with_known_words(path: Path) -> None:
    """Each recorded page is read as statuspage.html, platform statuspage, without warnings,
    every component grouped or top level, no UNKNOWN state, every time aware UTC."""
    snap = statuskit.parse(path.read_bytes())
    assert (snap.adapter, snap.platform) == ("statuspage.html", "statuspage")
    assert snap.warnings == ()
    assert all(c.status is not ComponentStatus.UNKNOWN for c in snap.components)
    assert all(i.status is not IncidentStatus.UNKNOWN for i in snap.incidents)
    groups = {c.id for c in snap.components if c.is_group}
    assert all(c.group_id in groups for c in snap.components if c.group_id is not None)
    assert snap.incidents, "every recorded page shows incidents"
    assert check_snapshot(snap) == []


def test_cloudflare_index(corpus: Path) -> None:
    """Cloudflare: 275 components in 8 groups, 28 in partial outage (5 groups and 23
    locations), 1 unresolved incident and the 18 of the past-incident list."""
    snap = read(corpus, "cloudflare-index-2022.html")
    assert len(snap.components) == 275
    assert sum(c.is_group for c in snap.components) == 8
    states = Counter(c.status for c in snap.components)
    assert states == {ComponentStatus.OPERATIONAL: 247, ComponentStatus.PARTIAL_OUTAGE: 28}
    assert all(c.group for c in snap.components if not c.is_group)
    open_ = [i for i in snap.incidents if not i.is_resolved]
    past = [i for i in snap.incidents if i.raw.get("section") == "past"]
    assert [i.id for i in open_] == ["6zclz0q53pz9"]
    assert len(past) == 18 and all(i.is_resolved for i in past)
    # "Oct 18, 15:32 UTC": the year comes from the page
    assert open_[0].updates[-1].created_at is not None
    assert open_[0].updates[-1].created_at.isoformat() == "2021-10-18T15:32:00+00:00"
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE


def test_zoom_scheduled_maintenances(corpus: Path) -> None:
    """Zoom: 127 components in 19 groups, all operational; its 6 scheduled maintenances are
    MAINTENANCE, SCHEDULED, with their windows; past maintenances are maintenance too."""
    snap = read(corpus, "zoom-index-2022-08.html")
    assert len(snap.components) == 127
    assert sum(c.is_group for c in snap.components) == 19
    scheduled = [i for i in snap.incidents if i.raw.get("section") == "scheduled"]
    assert len(scheduled) == 6
    for inc in scheduled:
        assert (inc.kind, inc.status) == (IncidentKind.MAINTENANCE, IncidentStatus.SCHEDULED)
        assert inc.scheduled_for is not None and inc.scheduled_until is not None
        assert inc.scheduled_for < inc.scheduled_until
    kinds = Counter(i.kind for i in snap.incidents)
    assert kinds == {IncidentKind.MAINTENANCE: 13, IncidentKind.INCIDENT: 7}
    assert snap.description == "All Systems Operational"
    assert snap.overall is ComponentStatus.OPERATIONAL


def test_trello_index(corpus: Path) -> None:
    """Trello: 5 components and its one open incident, in monitoring, with 7 updates (EDT)."""
    snap = read(corpus, "trello-index-2021.html")
    assert len(snap.components) == 5
    (inc,) = snap.incidents
    assert (inc.id, inc.status, len(inc.updates)) == ("mh9y7y2hbm09", IncidentStatus.MONITORING, 7)
    assert inc.started_at is not None
    assert inc.started_at.isoformat() == "2021-10-18T13:23:00+00:00"


def test_digitalocean_incident_page(corpus: Path) -> None:
    """DigitalOcean's incident page: all 4 updates oldest first with aware times, the
    components it affected, its code as id."""
    snap = read(corpus, "digitalocean-incident-d0glfj89j57y-2020-01.html")
    (inc,) = snap.incidents
    assert inc.id == "d0glfj89j57y"
    assert [u.status for u in inc.updates] == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
        IncidentStatus.RESOLVED,
    ]
    times = [u.created_at for u in inc.updates]
    assert all(t is not None and t.utcoffset() is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    assert [c.name for c in inc.components] == ["SGP1", "Spaces"]
    assert inc.raw["components_affected_groups"] == [
        {"group": "Regions", "name": "SGP1"},
        {"group": "Services", "name": "Spaces"},
    ]
    assert snap.page.url == "https://status.digitalocean.com"


def test_custom_page_is_not_claimed_without_a_spec(corpus: Path) -> None:
    """The hand-built Azure DevOps page is no built-in adapter's: a clear UnknownFormatError."""
    data = (corpus / "custom-html" / "azure-devops-status-circa-2022.html").read_bytes()
    with pytest.raises(statuskit.UnknownFormatError, match="no adapter recognises"):
        statuskit.parse(data)

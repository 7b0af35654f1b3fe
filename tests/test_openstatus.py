"""OpenStatus: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow OpenStatus's own code (openstatusHQ/openstatus: the status page's
``feed/json`` route with ``monitors``, ``pageComponents``, ``pageComponentGroups``,
``maintenances`` and ``statusReports``; the ``statusPage.get`` router's ``success`` /
``degraded`` / ``error`` / ``info`` words and its rule for static components; the public
``/public/status/<slug>`` widget and its documented ``Status`` words).  Names are invented.
"""

from __future__ import annotations

from datetime import datetime, timezone

import statuskit
from statuskit import ComponentStatus, IncidentKind, IncidentStatus

from .conftest import FIXTURES

HERE = FIXTURES / "openstatus.json"
UTC = timezone.utc


def read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes())


def test_components_take_their_monitors_state() -> None:
    """Page components linked to a monitor take its state (``info`` is maintenance)."""
    snap = read("feed.json")
    assert [(c.id, c.name, c.status) for c in snap.components[:3]] == [
        ("11", "API", ComponentStatus.DEGRADED_PERFORMANCE),
        ("12", "Dashboard", ComponentStatus.OPERATIONAL),
        ("13", "Webhooks", ComponentStatus.UNDER_MAINTENANCE),
    ]
    api = snap.component("11")
    assert api is not None and (api.group, api.group_id) == ("Platform", "1")


def test_static_components_follow_open_reports() -> None:
    """A static component (no monitor) is operational unless an open report lists it; an
    upcoming maintenance does not move it."""
    snap = read("feed.json")
    support, docs = snap.component("14"), snap.component("15")
    assert support is not None and support.status is ComponentStatus.DEGRADED_PERFORMANCE
    assert docs is not None and docs.status is ComponentStatus.OPERATIONAL


def test_maintenance_stage_comes_from_the_feed_time() -> None:
    """Maintenances have no status: the feed's ``updatedAt`` places each window."""
    snap = read("feed.json")
    stages = {i.id: i.status for i in snap.incidents if i.kind is IncidentKind.MAINTENANCE}
    assert stages == {
        "maintenance:7": IncidentStatus.IN_PROGRESS,
        "maintenance:8": IncidentStatus.SCHEDULED,
        "maintenance:6": IncidentStatus.COMPLETED,
    }


def test_report_updates_newest_first_are_stored_oldest_first() -> None:
    """Report updates come newest first; the incident starts at the first and resolves at the
    resolving one."""
    inc = read("feed.json").incident("20")
    assert inc is not None
    assert [u.id for u in inc.updates] == ["48", "49", "50"]
    assert inc.started_at == datetime(2026, 7, 28, 15, 2, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 7, 28, 16, 20, tzinfo=UTC)
    assert [(r.id, r.name) for r in inc.components] == [("12", "Dashboard")]


def test_legacy_feed_with_monitors_only() -> None:
    """Older feeds list monitors only: they are the components, and reports point at them."""
    snap = read("feed-legacy.json")
    assert [(c.id, c.status) for c in snap.components] == [
        ("4", ComponentStatus.MAJOR_OUTAGE),
        ("5", ComponentStatus.OPERATIONAL),
    ]
    (inc,) = snap.incidents
    assert [(r.id, r.name) for r in inc.components] == [("4", "Website")]


def test_widget() -> None:
    """The widget's one word is the indicator; ``incident`` (severity unstated) is UNKNOWN, so
    the page is not called operational."""
    snap = read("widget.json")
    assert (snap.indicator, snap.raw_indicator) == (
        ComponentStatus.DEGRADED_PERFORMANCE,
        "degraded_performance",
    )
    incident = read("widget-incident.json")
    assert incident.overall is ComponentStatus.UNKNOWN
    assert incident.raw_indicator == "incident"

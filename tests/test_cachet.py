"""Cachet API v1: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow Cachet 2.x's own source (cachethq/cachet: ``ComponentPresenter``,
``ComponentGroupPresenter``, ``IncidentPresenter`` with ``latest_status``, ``SchedulePresenter``,
``TimestampsTrait`` giving ``"Y-m-d H:i:s"`` times in the installation's zone, the status words
of the incident icons) and the API envelope as Cachet clients test it (a Go client's test body
for ``/api/v1/incidents``: ``meta.pagination`` and embedded ``updates``).  Contents are invented.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, IncidentKind, IncidentStatus, Scope

from .conftest import FIXTURES

HERE = FIXTURES / "cachet.json"
UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_component_statuses_are_numbers() -> None:
    """Component status 1-4 map to operational, degraded, partial and major outage; 0 is
    Cachet's own Unknown (no warning: it is a known word)."""
    snap = read("components.json")
    assert [(c.raw_status, c.status) for c in snap.components] == [
        ("1", ComponentStatus.OPERATIONAL),
        ("2", ComponentStatus.DEGRADED_PERFORMANCE),
        ("3", ComponentStatus.PARTIAL_OUTAGE),
        ("4", ComponentStatus.MAJOR_OUTAGE),
        ("0", ComponentStatus.UNKNOWN),
    ]
    assert not any("status" in w for w in snap.warnings)


def test_group_ids_do_not_collide_with_component_ids() -> None:
    """Groups and components are numbered separately: group 1 is ``group:1``, component 1 is
    ``1``; members carry their group's name and id; the group is its worst member."""
    snap = read("components-groups.json")
    web, website = snap.component("group:1"), snap.component("1")
    assert web is not None and web.is_group and web.name == "Web"
    assert web.status is ComponentStatus.DEGRADED_PERFORMANCE
    assert web.raw_status == "Performance Issues"
    assert website is not None and (website.group, website.group_id) == ("Web", "group:1")


def test_component_listing_points_at_groups_it_cannot_name() -> None:
    """``/components`` gives ``group_id`` but no group names: the id is kept, the name is not
    invented; ``group_id`` 0 or null is no group."""
    snap = read("components.json")
    assert [(c.group, c.group_id) for c in snap.components] == [
        (None, "group:1"),
        (None, "group:1"),
        (None, "group:2"),
        (None, None),
        (None, None),
    ]


def test_latest_status_wins_over_the_opening_status() -> None:
    """An incident opened as Investigating (status 1) whose updates fixed it (latest_status 4)
    is resolved, at the fixing update; its message is the first post."""
    inc = read("incidents.json").incident("41")
    assert inc is not None
    assert (inc.status, inc.raw_status) == (IncidentStatus.RESOLVED, "4")
    assert inc.raw["status"] == 1
    assert [u.raw_status for u in inc.updates] == ["1", "2", "4"]
    assert inc.started_at == datetime(2026, 3, 14, 8, 55, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 3, 14, 10, 31, 40, tzinfo=UTC)


def test_watching_is_monitoring() -> None:
    """Cachet's "Watching" (3) is MONITORING and open."""
    inc = read("incidents.json").incident("42")
    assert inc is not None
    assert inc.status is IncidentStatus.MONITORING and not inc.is_resolved


def test_unknown_incident_status_warns() -> None:
    """An incident status outside 0-4 is UNKNOWN with a warning; strict mode raises."""
    snap = read("incidents.json")
    inc = snap.incident("43")
    assert inc is not None and (inc.status, inc.raw_status) == (IncidentStatus.UNKNOWN, "7")
    assert any("$.data[2].status" in w for w in snap.warnings)
    with pytest.raises(statuskit.ParseError):
        read("incidents.json", strict=True)


def test_times_without_zone_warn_once() -> None:
    """Cachet's times carry no zone: they are read as UTC, with one warning for the body."""
    snap = read("components.json")
    assert [w for w in snap.warnings if "no zone" in w] == [
        "cachet.json: 5 times carry no zone (Cachet serves the installation's local time): "
        "read as UTC; pass parse(..., time_zone=...) to read them right"
    ]
    website = snap.component("1")
    assert website is not None and website.updated_at == datetime(
        2026, 3, 14, 8, 27, 32, tzinfo=UTC
    )


def test_scheduled_incident_before_2_4_is_maintenance() -> None:
    """Before 2.4, maintenance was an incident of status 0 (Scheduled) with ``scheduled_at``."""
    snap = read("incidents-2-3-scheduled.json")
    maint, _fixed = snap.incidents
    assert (maint.kind, maint.status) == (IncidentKind.MAINTENANCE, IncidentStatus.SCHEDULED)
    assert maint.scheduled_for == datetime(2026, 4, 2, 22, tzinfo=UTC)
    assert maint.started_at is None
    assert snap.coverage.maintenances is Scope.RECENT


def test_before_2_4_the_status_is_current_and_the_last_edit_resolves() -> None:
    """Without updates, ``status`` is where the incident stands; a fixed one ended at its last
    edit, and its text is not claimed to have been posted as fixed."""
    fixed = read("incidents-2-3-scheduled.json").incident("6")
    assert fixed is not None
    assert fixed.status is IncidentStatus.RESOLVED
    assert fixed.resolved_at == datetime(2026, 3, 18, 13, 25, tzinfo=UTC)
    assert [u.status for u in fixed.updates] == [IncidentStatus.UNKNOWN]
    assert fixed.scheduled_for is None  # 2.3 fills scheduled_at on every incident


def test_schedules_are_maintenance_windows() -> None:
    """``/schedules`` (2.4): 1 In Progress started at ``scheduled_at``; 2 Complete ended at
    ``completed_at``; neither is an outage."""
    snap = read("schedules.json")
    running, done = snap.incidents
    assert (running.status, running.started_at) == (
        IncidentStatus.IN_PROGRESS,
        datetime(2026, 3, 15, 1, tzinfo=UTC),
    )
    assert running.scheduled_until == datetime(2026, 3, 15, 3, tzinfo=UTC)
    assert (done.status, done.resolved_at) == (
        IncidentStatus.COMPLETED,
        datetime(2026, 2, 20, 2, 30, tzinfo=UTC),
    )
    assert snap.overall is ComponentStatus.UNDER_MAINTENANCE
    assert snap.coverage.maintenances is Scope.RECENT and snap.coverage.incidents is Scope.NONE


def test_one_page_of_several_does_not_cover_the_components() -> None:
    """Page 2 of 3 lists some components only: coverage says so, so that a diff does not read
    the others as removed."""
    snap = read("components-page-2.json")
    assert len(snap.components) == 3
    assert not snap.coverage.components
    assert read("components.json").coverage.components


def test_single_record_body() -> None:
    """``/components/<id>`` wraps one record as an object, not a list."""
    body = (
        b'{"data":{"id":9,"name":"CDN","status":3,"order":0,"group_id":0,'
        b'"enabled":true,"status_name":"Partial Outage","updated_at":"2026-03-01 10:00:00"}}'
    )
    snap = statuskit.parse(body)
    assert snap.platform == "cachet"
    assert [(c.id, c.status) for c in snap.components] == [("9", ComponentStatus.PARTIAL_OUTAGE)]

"""status.io Public Status API: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow status.io's knowledge base page "Public Status API" (kb.status.io: the basic
and the detailed example responses of ``api.status.io/1.0/status/<id>``) and the public models
of status.io's own .NET client (statusio/status.io.net: ``IncidentStatus`` codes 100-600,
``IncidentState`` 100-300, incident ``_id`` / ``datetime_open`` / ``messages`` with ``state``,
``status``, ``components`` and ``containers``; maintenance ``datetime_planned_start`` / ``_end``).
Names, ids and texts are invented.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope

from .conftest import FIXTURES

HERE = FIXTURES / "statusio.json"
UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (100, ComponentStatus.OPERATIONAL),
        (200, ComponentStatus.UNDER_MAINTENANCE),
        (300, ComponentStatus.DEGRADED_PERFORMANCE),
        (400, ComponentStatus.PARTIAL_OUTAGE),
        (500, ComponentStatus.MAJOR_OUTAGE),
        (600, ComponentStatus.UNKNOWN),
    ],
)
def test_every_status_code(code: int, status: ComponentStatus) -> None:
    """Each code maps through the table; the raw code stays in ``raw_status``."""
    body = (
        '{"result":{"status_overall":{"updated":"2026-01-01T00:00:00Z","status":"x",'
        f'"status_code":{code}}},"status":[{{"id":"c1","name":"Web","status_code":{code},'
        '"containers":[]}],"incidents":[],"maintenance":{"active":[],"upcoming":[]}}}'
    )
    snap = statuskit.parse(body, strict=True)
    assert (snap.indicator, snap.raw_indicator) == (status, str(code))
    assert (snap.components[0].status, snap.components[0].raw_status) == (status, str(code))


def test_security_event_is_neither_outage_nor_operational() -> None:
    """A security event (600) is UNKNOWN: not an outage by guess, never operational; the page is
    not reported healthy, and the code and words stay reachable.  No warning: 600 is known."""
    snap = read("status-security-event.json")
    portal = snap.component("7b10aa0e1c2d3e4f5a6b7c80")
    assert portal is not None
    assert (portal.status, portal.raw_status) == (ComponentStatus.UNKNOWN, "600")
    assert portal.raw["status"] == "Security Event"
    assert snap.description == "Security Event"
    assert snap.overall is ComponentStatus.UNKNOWN
    assert not snap.overall.is_outage
    (inc,) = snap.incidents
    assert (inc.impact, inc.raw_impact) == (Impact.UNKNOWN, "600")
    assert snap.warnings == ()


def test_containers_are_members_of_their_component() -> None:
    """A component with containers is a group row; each container is a member keyed by both
    ids (container ids repeat across components: Virginia serves Website and API)."""
    snap = read("status-incident-maintenance.json")
    website = snap.component("5a89ef6740eba40d1c3bb4a8")
    assert website is not None and website.is_group
    virginia = [c for c in snap.components if c.name == "Virginia"]
    assert [(c.id, c.group, c.status) for c in virginia] == [
        (
            "5a89ef6740eba40d1c3bb4a8/5a89ef6740eba40d1c3bb4a7",
            "Website",
            ComponentStatus.PARTIAL_OUTAGE,
        ),
        (
            "5a89ef6740eba40d1c3bb4a9/5a89ef6740eba40d1c3bb4a7",
            "API",
            ComponentStatus.DEGRADED_PERFORMANCE,
        ),
    ]
    assert len({c.id for c in snap.components}) == len(snap.components)


def test_newest_message_decides_state_and_impact() -> None:
    """Messages come newest first; the newest (by time) gives state 200 (identified) and
    status 400 (major impact), and the timeline is stored oldest first."""
    inc = read("status-incident-maintenance.json").incident("61ae3e92c58ac005c0e3f1a2")
    assert inc is not None
    assert (inc.status, inc.raw_status) == (IncidentStatus.IDENTIFIED, "200")
    assert (inc.impact, inc.raw_impact) == (Impact.MAJOR, "400")
    assert [u.raw_status for u in inc.updates] == ["100", "200"]
    assert inc.started_at == datetime(2026, 4, 6, 16, 20, 11, tzinfo=UTC)


def test_message_statuses_are_component_transitions() -> None:
    """Each message sets the listed components (and their listed containers): degraded, then
    partial outage; both components were impacted."""
    inc = read("status-incident-maintenance.json").incident("61ae3e92c58ac005c0e3f1a2")
    assert inc is not None
    website = [t for t in inc.transitions() if t.component_id == "5a89ef6740eba40d1c3bb4a8"]
    assert [(t.old, t.new) for t in website] == [
        (None, ComponentStatus.DEGRADED_PERFORMANCE),
        (ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.PARTIAL_OUTAGE),
    ]
    assert {r.id for r in inc.impacted_components} >= {
        "5a89ef6740eba40d1c3bb4a8",
        "5a89ef6740eba40d1c3bb4a9",
    }


def test_maintenance_lists_are_active_and_upcoming() -> None:
    """``maintenance.active`` is in progress from its planned start; ``upcoming`` is scheduled
    and not started.  Neither is an outage."""
    snap = read("status-incident-maintenance.json")
    active = snap.incident("61ae4011a163f805d867f0c9")
    upcoming = snap.incident("61ae4222e3e33c05d23d5301")
    assert active is not None and upcoming is not None
    assert (active.kind, active.status) == (IncidentKind.MAINTENANCE, IncidentStatus.IN_PROGRESS)
    assert active.started_at == datetime(2026, 4, 6, 15, tzinfo=UTC)
    assert (upcoming.status, upcoming.started_at) == (IncidentStatus.SCHEDULED, None)
    assert upcoming.scheduled_for == datetime(2026, 4, 12, 2, tzinfo=UTC)
    assert not active.open_state.is_outage
    assert snap.coverage.maintenances is Scope.OPEN and snap.coverage.incidents is Scope.OPEN


def test_unknown_code_is_unknown_and_text_fills_a_missing_code() -> None:
    """An unknown code is UNKNOWN with a warning; a record without code is read by its text."""
    snap = read("status-unknown-code.json")
    reports, exports = snap.components
    assert (reports.status, reports.raw_status) == (ComponentStatus.UNKNOWN, "350")
    assert (exports.status, exports.raw_status) == (ComponentStatus.PARTIAL_OUTAGE, "400")
    assert len(snap.warnings) == 1 and "350" in snap.warnings[0]
    with pytest.raises(statuskit.ParseError):
        read("status-unknown-code.json", strict=True)


def test_a_body_without_result_is_an_error() -> None:
    """A status.io-looking body without ``result`` raises a ParseError naming the path."""
    with pytest.raises(statuskit.ParseError) as err:
        statuskit.parse(b'{"status_overall": {}}', provider="statusio.json")
    assert err.value.path == "$.result"

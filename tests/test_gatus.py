"""Gatus endpoint statuses: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow Gatus's own types (TwiN/gatus: ``EndpointStatus`` with ``name``, ``group``,
``key``, ``results`` and ``events``; ``Result`` with ``status``, ``hostname``, ``duration`` in
nanoseconds, ``errors``, ``conditionResults``, ``success`` and an RFC 3339 ``timestamp``; event
types ``START``, ``HEALTHY``, ``UNHEALTHY``).  Hosts and conditions are invented.
"""

from __future__ import annotations

from datetime import datetime, timezone

import statuskit
from statuskit import ComponentStatus
from statuskit.adapters.gatus import result_status

from .conftest import FIXTURES

HERE = FIXTURES / "gatus.json"
UTC = timezone.utc


def read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes())


def test_newest_result_decides() -> None:
    """Each endpoint is as its newest result says, keyed by Gatus's ``key``, grouped by
    ``group``; an endpoint without results is UNKNOWN."""
    snap = read("endpoints-statuses.json")
    assert [(c.id, c.group, c.status, c.raw_status) for c in snap.components] == [
        ("core_frontend", "core", ComponentStatus.OPERATIONAL, "HEALTHY"),
        ("core_api", "core", ComponentStatus.DEGRADED_PERFORMANCE, "UNHEALTHY"),
        ("storage_postgres", "storage", ComponentStatus.MAJOR_OUTAGE, "UNHEALTHY"),
        ("_cdn", None, ComponentStatus.UNKNOWN, None),
    ]
    assert snap.overall is ComponentStatus.MAJOR_OUTAGE


def test_slow_but_answering_is_degraded() -> None:
    """A failure where only ``[RESPONSE_TIME]`` bounds failed and no error occurred is degraded
    performance; a failed connection is a major outage."""
    slow = {
        "success": False,
        "conditionResults": [
            {"condition": "[STATUS] == 200", "success": True},
            {"condition": "[RESPONSE_TIME] (1912) < 300", "success": False},
        ],
    }
    down = {
        "success": False,
        "errors": ["i/o timeout"],
        "conditionResults": [{"condition": "[RESPONSE_TIME] < 300", "success": False}],
    }
    assert result_status(slow) is ComponentStatus.DEGRADED_PERFORMANCE
    assert result_status(down) is ComponentStatus.MAJOR_OUTAGE
    assert result_status({"success": True}) is ComponentStatus.OPERATIONAL


def test_nanosecond_timestamps_with_offsets() -> None:
    """RFC 3339 timestamps with nine fraction digits and a -04:00 offset are aware UTC."""
    front = read("endpoints-statuses.json").component("core_frontend")
    assert front is not None
    assert front.updated_at == datetime(2026, 6, 7, 20, 44, 40, 98765, tzinfo=UTC)


def test_one_endpoint_does_not_cover_the_page() -> None:
    """``/api/v1/endpoints/<key>/statuses`` is one endpoint: read, but not the page's list."""
    snap = read("endpoint-status-single.json")
    assert [(c.id, c.status) for c in snap.components] == [
        ("storage_postgres", ComponentStatus.OPERATIONAL)
    ]
    assert not snap.coverage.components
    assert read("endpoints-statuses.json").coverage.components

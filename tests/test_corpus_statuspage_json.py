"""The real recorded Statuspage-shaped JSON payloads (../shared/corpus): right platform, no UNKNOWN
status, and exactly as many components, incidents and updates as the files hold.

Skipped when the corpus is absent (a user's sdist has none).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import statuskit
from statuskit import ComponentStatus, IncidentStatus

from .conftest import corpus_files

FILES = [(p, "statuspage") for p in corpus_files("statuspage-json")] + [
    (p, "incidentio") for p in corpus_files("incidentio")
]


def counts(doc: dict) -> tuple[int, int, int]:  # type: ignore[type-arg]
    incidents = doc.get("incidents", []) + doc.get("scheduled_maintenances", [])
    return (
        len(doc.get("components", [])),
        len(incidents),
        sum(len(i["incident_updates"]) for i in incidents),
    )


@pytest.mark.skipif(not FILES, reason="real-payload corpus (../shared/corpus) not present")
@pytest.mark.parametrize(("path", "platform"), FILES, ids=[p.name for p, _ in FILES])
def test_corpus_file(path: Path, platform: str) -> None:
    """Platform right, nothing UNKNOWN, no warnings, counts as in the file."""
    data = path.read_bytes()
    snap = statuskit.parse(data)
    assert snap.platform == platform
    assert statuskit.detect(data).platform == platform
    assert snap.warnings == ()
    assert all(c.status is not ComponentStatus.UNKNOWN for c in snap.components)
    assert all(i.status is not IncidentStatus.UNKNOWN for i in snap.incidents)
    got = (len(snap.components), len(snap.incidents), sum(len(i.updates) for i in snap.incidents))
    assert got == counts(json.loads(data))
    assert statuskit.loads(statuskit.dumps(snap)) == snap


def test_cloudflare_summary_facts(corpus: Path) -> None:
    """The 470-component Cloudflare summary: 8 groups with their members, 16 maintenances, one
    major incident, and an overall state no better than the vendor's indicator."""
    path = corpus / "statuspage-json" / "cloudflare-summary-2026-07-29-major-470-components.json"
    snap = statuskit.parse(path.read_bytes())
    groups = [c for c in snap.components if c.is_group]
    assert len(groups) == 8
    members = [c for c in snap.components if c.group_id is not None]
    assert members
    assert all(c.group in {g.name for g in groups} for c in members)
    assert len(snap.maintenances) == 16
    assert len(snap.open_incidents) == 1
    assert snap.overall.severity >= ComponentStatus.PARTIAL_OUTAGE.severity


def test_emma_history_with_offsets(corpus: Path) -> None:
    """Emma's incidents.json (America/Chicago, -05:00/-06:00): all 22 resolved with a duration
    (zero for the one backfilled with a single resolved post), times in UTC."""
    path = corpus / "statuspage-json" / "emma-incidents-2017-2019-tz-offset.json"
    snap = statuskit.parse(path.read_bytes())
    assert len(snap.incidents) == 22
    for inc in snap.incidents:
        assert inc.is_resolved
        assert inc.duration is not None
        assert inc.duration.total_seconds() >= 0
        assert inc.started_at is not None
        assert inc.started_at.utcoffset() is not None
        assert inc.started_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert snap.coverage.incidents is statuskit.Scope.RECENT

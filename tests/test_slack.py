"""Slack status API v2.0.0: the traps, asserted as facts (the golden files pin the rest).

Fixtures follow Slack's published reference (docs.slack.dev "Slack Status API", v2.0.0: the
``current`` and ``history`` endpoints, their sample bodies and field descriptions) and the field
types of Slack's Java SDK status model (``SlackIssue``: integer ids, ``services`` as names,
``notes`` with ``date_created`` and ``body``).  Contents and ids are invented.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope

from .conftest import FIXTURES

HERE = FIXTURES / "slack.json"
UTC = timezone.utc


def read(name: str, **kwargs: object) -> statuskit.Snapshot:
    return statuskit.parse((HERE / name).read_bytes(), **kwargs)  # type: ignore[arg-type]


def test_ok_is_operational_and_covers_open_incidents() -> None:
    """``status: ok`` with no active incidents is an operational page listing open incidents."""
    snap = read("current-ok.json")
    assert snap.platform == "slack"
    assert (snap.indicator, snap.raw_indicator) == (ComponentStatus.OPERATIONAL, "ok")
    assert snap.overall is ComponentStatus.OPERATIONAL
    assert snap.coverage.incidents is Scope.OPEN and snap.coverage.indicator


def test_notice_is_a_notice_not_an_outage() -> None:
    """A notice is IncidentKind.NOTICE of impact none: with only a notice active, the page is
    operational although Slack's top-level status says ``active``."""
    snap = read("current-notice-only.json")
    (notice,) = snap.incidents
    assert notice.kind is IncidentKind.NOTICE
    assert notice.impact is Impact.NONE
    assert (snap.indicator, snap.raw_indicator) == (None, "active")
    assert snap.overall is ComponentStatus.OPERATIONAL


def test_types_give_kind_and_impact() -> None:
    """``outage`` is an incident of major impact, ``incident`` of minor, ``notice`` a notice;
    the page is as bad as its worst active outage."""
    snap = read("current-active.json")
    by_id = {i.id: i for i in snap.incidents}
    assert (by_id["3184"].kind, by_id["3184"].impact) == (IncidentKind.INCIDENT, Impact.MAJOR)
    assert (by_id["3185"].kind, by_id["3185"].impact) == (IncidentKind.INCIDENT, Impact.MINOR)
    assert (by_id["3179"].kind, by_id["3179"].impact) == (IncidentKind.NOTICE, Impact.NONE)
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE


def test_integer_and_string_ids_are_both_text() -> None:
    """Slack serves ids as integers (the docs show strings): both become the same text."""
    ids = [i.id for i in read("current-active.json").incidents]
    assert ids == ["3184", "3185", "3179"]


def test_active_is_open_and_notes_have_no_status() -> None:
    """``active`` is Slack's one open state (investigating); notes carry no status of their own."""
    inc = read("current-active.json").incident("3184")
    assert inc is not None
    assert (inc.status, inc.raw_status) == (IncidentStatus.INVESTIGATING, "active")
    assert not inc.is_resolved and inc.resolved_at is None
    assert [u.status for u in inc.updates] == [IncidentStatus.UNKNOWN] * 2
    assert [r.name for r in inc.components] == ["Messaging", "Connectivity"]


def test_offsets_across_a_dst_change_become_utc() -> None:
    """``-08:00`` and ``-07:00`` offsets (PST to PDT) are read as aware UTC: the incident lasted
    11 h 35 min, not one hour more or less."""
    inc = read("history.json").incident("3102")
    assert inc is not None
    assert inc.started_at == datetime(2026, 3, 7, 22, 35, tzinfo=UTC)
    assert inc.resolved_at == datetime(2026, 3, 8, 10, 10, tzinfo=UTC)
    assert inc.duration == timedelta(hours=11, minutes=35)


def test_resolved_at_is_the_last_note() -> None:
    """A resolved incident ends at its final note, not at a later edit (``date_updated``)."""
    inc = read("history.json").incident("3090")
    assert inc is not None
    assert inc.resolved_at == datetime(2026, 2, 26, 16, 58, 31, tzinfo=UTC)
    assert inc.updated_at == datetime(2026, 2, 26, 17, 20, 40, tzinfo=UTC)


@pytest.mark.parametrize(
    ("iid", "raw", "status"),
    [
        ("3077", "completed", IncidentStatus.COMPLETED),
        ("3071", "cancelled", IncidentStatus.COMPLETED),
    ],
)
def test_planned_work_words(iid: str, raw: str, status: IncidentStatus) -> None:
    """``completed`` and ``cancelled`` are over (COMPLETED); the raw word tells them apart."""
    inc = read("history.json").incident(iid)
    assert inc is not None
    assert (inc.status, inc.raw_status) == (status, raw)
    assert inc.is_resolved


def test_cancellation_ends_at_the_last_change() -> None:
    """A cancellation posted without a note ends at ``date_updated``, not at its announcement."""
    inc = read("history.json").incident("3071")
    assert inc is not None
    assert inc.resolved_at == datetime(2026, 2, 14, 0, 0, tzinfo=UTC)


def test_scheduled_notice_is_not_active_work() -> None:
    """A scheduled notice keeps SCHEDULED and never makes the page look unhealthy."""
    (inc,) = read("current-notice-only.json").incidents
    assert (inc.status, inc.raw_status) == (IncidentStatus.SCHEDULED, "scheduled")
    assert inc.open_state is ComponentStatus.OPERATIONAL


def test_history_is_a_recent_window() -> None:
    """The history endpoint (a bare array) lists recent incidents and says nothing current."""
    snap = read("history.json")
    assert snap.coverage.incidents is Scope.RECENT
    assert not snap.coverage.indicator and snap.indicator is None
    assert [i.is_resolved for i in snap.incidents] == [True] * 4


def test_unknown_words_are_unknown_with_warnings() -> None:
    """An unknown type or status is UNKNOWN with a warning (lenient), a ParseError (strict)."""
    snap = read("history-unknown-words.json")
    (inc,) = snap.incidents
    assert (inc.status, inc.raw_status) == (IncidentStatus.UNKNOWN, "mitigated")
    assert (inc.impact, inc.raw_impact) == (Impact.UNKNOWN, "degradation")
    assert len(snap.warnings) == 2
    with pytest.raises(statuskit.ParseError) as err:
        read("history-unknown-words.json", strict=True)
    assert err.value.adapter == "slack.json"

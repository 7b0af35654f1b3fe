"""What a series of readings adds up to: per-component state intervals, uptime, time to resolve.

:func:`timeline` folds readings of one page (in any order: they are put in time order) into a
:class:`Timeline`:

* ``intervals[component_id]``: the component's states as :class:`Interval` s.  A state holds from
  the reading that showed it until the change the next reading shows, placed at the change's
  ``at`` (the vendor's time when it gives one, see :func:`statuskit.diff`) and kept between the
  two readings.  Only readings that list components count (a feed says nothing about them);
  with ``max_gap``, two such readings further apart than that leave the time between them
  unobserved instead of assuming nothing changed.
* :meth:`Timeline.time_in_states` and :meth:`Timeline.uptime`: time per state, with maintenance
  and unknown states counted apart (never as downtime), and unobserved time never counted.
* ``incidents``: one :class:`IncidentSpan` per incident seen, with its time to resolve; an
  incident that only left a list of open ones is resolved at the reading that showed it gone
  (``inferred=True``, an upper bound).

Readings need a time: ``read_at`` (pass ``read_at=`` to :func:`statuskit.parse`), else the
page's ``updated_at`` or the latest time the reading holds (see
:func:`~statuskit.diff.reading_time`).  A reading with no time at all is a ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from types import MappingProxyType

import attrs

from .diff import diff, reading_time
from .events import (
    Change,
    ComponentAdded,
    ComponentRemoved,
    ComponentStatusChanged,
    IncidentResolved,
    MaintenanceCancelled,
    MaintenanceCompleted,
)
from .model import Incident, Snapshot
from .status import ComponentStatus, Impact, IncidentKind

__all__ = ["DOWNTIME_WEIGHTS", "IncidentSpan", "Interval", "StateTimes", "Timeline", "timeline"]

DOWNTIME_WEIGHTS: Mapping[ComponentStatus, float] = MappingProxyType(
    {ComponentStatus.MAJOR_OUTAGE: 1.0, ComponentStatus.PARTIAL_OUTAGE: 0.3}
)
"""How much of each state's time :meth:`Timeline.uptime` counts as down, by default: Statuspage's
published rule (a partial outage weighs 30 % of a major one; degraded performance is not
downtime).  incident.io counts partial outages in full: pass ``{MAJOR_OUTAGE: 1, PARTIAL_OUTAGE:
1}``."""

_ZERO = timedelta(0)
_Reading = tuple[datetime, int, Snapshot]
_Diffs = Callable[[_Reading, _Reading], tuple[Change, ...]]


@attrs.frozen
class Interval:
    """A component in one state from ``start`` to ``end``."""

    component_id: str
    name: str
    """Its name at ``start``."""
    status: ComponentStatus
    start: datetime
    end: datetime

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@attrs.frozen
class StateTimes:
    """Time a component spent in each state within a window; ``unobserved`` is the part of the
    window no reading covered."""

    operational: timedelta = _ZERO
    degraded_performance: timedelta = _ZERO
    partial_outage: timedelta = _ZERO
    major_outage: timedelta = _ZERO
    under_maintenance: timedelta = _ZERO
    unknown: timedelta = _ZERO
    unobserved: timedelta = _ZERO

    def __getitem__(self, status: ComponentStatus) -> timedelta:
        value: timedelta = getattr(self, status.value)
        return value

    @property
    def observed(self) -> timedelta:
        """Time in any state (the window less the unobserved part)."""
        return sum((self[s] for s in ComponentStatus), _ZERO)

    @property
    def outage(self) -> timedelta:
        """Time in degraded performance, partial or major outage (``ComponentStatus.is_outage``)."""
        return sum((self[s] for s in ComponentStatus if s.is_outage), _ZERO)

    @property
    def maintenance(self) -> timedelta:
        """Time under maintenance: counted apart, never as an outage."""
        return self.under_maintenance


@attrs.frozen
class IncidentSpan:
    """One incident (or maintenance, or notice) across the readings."""

    incident_id: str
    title: str
    kind: IncidentKind
    impact: Impact
    started_at: datetime | None
    resolved_at: datetime | None
    """When it ended (None while open): the vendor's time, or with ``inferred`` the time of the
    first reading that showed it gone from a list of open incidents."""
    inferred: bool
    reopened_count: int
    first_seen: datetime
    """The time of the first reading that listed it."""
    last_seen: datetime
    """The time of the last reading that listed it."""

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def time_to_resolve(self) -> timedelta | None:
        """``resolved_at - started_at``; None while open or when the start is unknown."""
        if self.resolved_at is None or self.started_at is None:
            return None
        return max(self.resolved_at - self.started_at, _ZERO)


@attrs.frozen
class Timeline:
    """Readings of one page folded together (see the module docstring)."""

    start: datetime | None
    """The first reading's time (None without readings)."""
    end: datetime | None
    """The last reading's time."""
    intervals: Mapping[str, tuple[Interval, ...]] = attrs.field(hash=False)
    """Per component id (first seen first), its intervals in time order."""
    incidents: tuple[IncidentSpan, ...] = ()
    """Per incident, in the order first seen."""
    readings: int = 0
    """How many readings were folded."""

    def time_in_states(
        self, component_id: str, start: datetime | None = None, end: datetime | None = None
    ) -> StateTimes:
        """Time *component_id* spent in each state between *start* and *end* (default: the whole
        timeline).  KeyError for a component no reading listed."""
        ivs = self.intervals[component_id]
        lo, hi = start or self.start, end or self.end
        if lo is None or hi is None or hi <= lo:
            return StateTimes()
        acc = dict.fromkeys(ComponentStatus, _ZERO)
        for iv in ivs:
            part = min(iv.end, hi) - max(iv.start, lo)
            if part > _ZERO:
                acc[iv.status] += part
        seen = sum(acc.values(), _ZERO)
        return StateTimes(**{s.value: t for s, t in acc.items()}, unobserved=(hi - lo) - seen)

    def uptime(
        self,
        component_id: str,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        weights: Mapping[ComponentStatus, float] = DOWNTIME_WEIGHTS,
    ) -> float | None:
        """The share (0 to 1) of observed time *component_id* was up between *start* and *end*.

        Down time is the time in each state times its weight (:data:`DOWNTIME_WEIGHTS` by
        default).  Maintenance, unknown states and unobserved time are left out of both sides.
        None when nothing else was observed.  KeyError for a component no reading listed.
        """
        times = self.time_in_states(component_id, start, end)
        base = times.observed - times.under_maintenance - times.unknown
        if base <= _ZERO:
            return None
        down = sum((times[s] * weights.get(s, 0.0) for s in ComponentStatus if s.is_outage), _ZERO)
        return max(0.0, 1.0 - down / base)

    def incident(self, incident_id: str) -> IncidentSpan | None:
        """The span of *incident_id*, or None."""
        return next((s for s in self.incidents if s.incident_id == incident_id), None)


# -- folding -------------------------------------------------------------------------------


def timeline(snapshots: Iterable[Snapshot], *, max_gap: timedelta | None = None) -> Timeline:
    """Fold readings of one page into a :class:`Timeline` (see the module docstring).

    Raises ValueError for a reading with no time at all.
    """
    readings: list[_Reading] = []
    for i, snap in enumerate(snapshots):
        t = reading_time(snap)
        if t is None:
            raise ValueError(f"reading {i} has no time: pass read_at= to statuskit.parse()")
        readings.append((t, i, snap))
    readings.sort(key=lambda r: (r[0], r[1]))
    if not readings:
        return Timeline(None, None, MappingProxyType({}), (), 0)
    diffs: dict[tuple[int, int], tuple[Change, ...]] = {}

    def changes(a: _Reading, b: _Reading) -> tuple[Change, ...]:
        key = (a[1], b[1])
        if key not in diffs:
            diffs[key] = diff(a[2], b[2])
        return diffs[key]

    return Timeline(
        start=readings[0][0],
        end=readings[-1][0],
        intervals=MappingProxyType(_fold_components(readings, changes, max_gap)),
        incidents=_fold_incidents(readings, changes),
        readings=len(readings),
    )


class _Open:
    __slots__ = ("name", "start", "status")

    def __init__(self, name: str, status: ComponentStatus, start: datetime) -> None:
        self.name, self.status, self.start = name, status, start


def _fold_components(
    readings: list[_Reading], changes: _Diffs, max_gap: timedelta | None
) -> dict[str, tuple[Interval, ...]]:
    out: dict[str, list[Interval]] = {}
    now: dict[str, _Open] = {}

    def close(cid: str, at: datetime) -> None:
        cur = now.pop(cid, None)
        if cur is not None and at > cur.start:
            out.setdefault(cid, []).append(Interval(cid, cur.name, cur.status, cur.start, at))

    def begin(snap: Snapshot, at: datetime) -> None:
        for c in snap.components:
            out.setdefault(c.id, [])
            now[c.id] = _Open(c.name, c.status, at)

    prev: _Reading | None = None
    for r in readings:
        t, _, snap = r
        if not snap.coverage.components:
            continue
        if prev is None or (max_gap is not None and t - prev[0] > max_gap):
            if prev is not None:
                for cid in list(now):
                    close(cid, prev[0])
            begin(snap, t)
        else:
            for e in changes(prev, r):
                at = min(max(e.at, prev[0]), t)
                if isinstance(e, ComponentStatusChanged):
                    close(e.component_id, at)
                    now[e.component_id] = _Open(e.name, e.new, at)
                elif isinstance(e, ComponentAdded):
                    out.setdefault(e.component_id, [])
                    now[e.component_id] = _Open(e.name, e.status, at)
                elif isinstance(e, ComponentRemoved):
                    close(e.component_id, at)
        prev = r
    if prev is not None:
        for cid in list(now):
            close(cid, prev[0])
    return {cid: tuple(ivs) for cid, ivs in out.items()}


def _fold_incidents(readings: list[_Reading], changes: _Diffs) -> tuple[IncidentSpan, ...]:
    latest: dict[str, Incident] = {}
    first: dict[str, datetime] = {}
    last: dict[str, datetime] = {}
    gone: dict[str, datetime] = {}
    prev: _Reading | None = None
    for r in readings:
        t, _, snap = r
        if prev is not None:
            for e in changes(prev, r):
                if (
                    isinstance(e, (IncidentResolved, MaintenanceCompleted, MaintenanceCancelled))
                    and e.inferred
                ):
                    gone.setdefault(e.incident_id, e.at)
        for inc in snap.incidents:
            latest[inc.id] = inc
            first.setdefault(inc.id, t)
            last[inc.id] = t
            gone.pop(inc.id, None)  # listed again: not gone after all
        prev = r
    spans = []
    for iid, inc in latest.items():
        resolved, inferred = inc.resolved_at if inc.is_resolved else None, False
        if not inc.is_resolved and iid in gone:
            resolved, inferred = gone[iid], True
        spans.append(
            IncidentSpan(
                incident_id=iid,
                title=inc.title,
                kind=inc.kind,
                impact=inc.impact,
                started_at=inc.started_at,
                resolved_at=resolved,
                inferred=inferred,
                reopened_count=inc.reopened_count,
                first_seen=first[iid],
                last_seen=last[iid],
            )
        )
    return tuple(spans)

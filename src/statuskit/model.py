"""The typed model every adapter produces: one shape for every status page.

All classes are frozen attrs classes with slots.  Every datetime on them is timezone-aware UTC.
The model knows nothing of any wire format; adapters build it through the constructors (or
:meth:`Incident.build`, which applies the timing rules of ``DESIGN.md``).

Vendor words are kept next to the normalized values (``raw_status``, ``raw_impact``) and the vendor
record each object came from stays reachable as ``raw`` (JSON-compatible values only), so nothing
the vendor said is lost even where statuskit has no field for it.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

import attrs

from ._build import builder
from .status import (
    TERMINAL_STATUSES,
    ComponentStatus,
    Impact,
    IncidentKind,
    IncidentStatus,
    worst,
)

__all__ = [
    "Component",
    "ComponentChange",
    "ComponentRef",
    "Coverage",
    "Incident",
    "Page",
    "Scope",
    "Snapshot",
    "Transition",
    "Update",
]

_EMPTY: Mapping[str, Any] = {}

# An empty mapping shared by default; ``raw`` values are never mutated by statuskit.
_raw_field = functools.partial(attrs.field, factory=dict, hash=False, repr=False)


@attrs.frozen
class Page:
    """The status page itself."""

    name: str | None = None
    """The page's title ("GitHub")."""
    url: str | None = None
    """The page's public address (http or https only)."""
    time_zone: str | None = None
    """The page's IANA time zone ("America/Chicago"), when the vendor says it."""
    updated_at: datetime | None = None
    """When the vendor last changed the page."""
    id: str | None = None
    """The vendor's id for the page, when it has one."""


@attrs.frozen(weakref_slot=False)
class Component:
    """One row of the page: a service, a region, or a group of them."""

    id: str
    """The vendor's id (components are keyed by id, never by name: names repeat)."""
    name: str
    """The name as shown."""
    status: ComponentStatus
    """The normalized state."""
    raw_status: str | None = None
    """The vendor's word for the state, untouched."""
    group: str | None = None
    """The name of the group the component sits in, or None."""
    description: str | None = None
    """The vendor's description, if any."""
    position: int | None = None
    """The vendor's ordering key, if any."""
    group_id: str | None = None
    """The id of the group the component sits in, or None."""
    is_group: bool = False
    """True for a group row (its status is the vendor's aggregate of its members)."""
    updated_at: datetime | None = None
    """When the vendor last changed this component."""
    raw: Mapping[str, Any] = _raw_field()
    """The vendor's record for this component, as parsed."""


@attrs.frozen(weakref_slot=False)
class ComponentRef:
    """A component as an incident lists it (listed is not the same as impacted)."""

    id: str | None
    """The vendor's component id, when the format gives one."""
    name: str | None = None
    """The component's name as the incident shows it."""
    status: ComponentStatus | None = None
    """The state the vendor gives this component *within this incident*, if any."""
    raw_status: str | None = None
    """The vendor's word for that state."""


@attrs.frozen(weakref_slot=False)
class ComponentChange:
    """One component's state change recorded on an incident update."""

    component_id: str | None
    """The vendor's component id (None when the format only gives names)."""
    name: str | None
    """The component's name."""
    old: ComponentStatus | None
    """The state before the update, or None when the vendor does not say."""
    new: ComponentStatus
    """The state the update set."""
    raw_old: str | None = None
    """The vendor's word for the old state."""
    raw_new: str | None = None
    """The vendor's word for the new state."""


@attrs.frozen(weakref_slot=False)
class Update:
    """One post on an incident's timeline."""

    id: str | None
    """The vendor's id for the update, when it has one."""
    status: IncidentStatus
    """The incident's status as of this update."""
    raw_status: str | None = None
    """The vendor's word for the status."""
    body: str = ""
    """The text of the update, plain."""
    body_html: str | None = None
    """The text as published, when the vendor publishes HTML; never executed or fetched from."""
    created_at: datetime | None = None
    """When the update was posted (the time the vendor displays for it)."""
    component_changes: tuple[ComponentChange, ...] = ()
    """Component states the update changed or confirmed."""
    raw: Mapping[str, Any] = _raw_field()
    """The vendor's record for this update, as parsed."""


@attrs.frozen
class Transition:
    """A real change of one component's state during an incident (never a no-op)."""

    at: datetime | None
    component_id: str | None
    name: str | None
    old: ComponentStatus | None
    new: ComponentStatus
    update_id: str | None = None


@attrs.frozen(weakref_slot=False)
class Incident:
    """An incident, a maintenance or a notice, with its whole timeline.

    Build one with :meth:`build` to have the timing rules applied; the plain constructor stores
    exactly what it is given (that is what :func:`statuskit.loads` uses).
    """

    id: str
    """The vendor's id (or, for formats without one, a stable id derived from the entry)."""
    title: str
    """The headline."""
    kind: IncidentKind = IncidentKind.INCIDENT
    """Incident, maintenance or notice."""
    status: IncidentStatus = IncidentStatus.UNKNOWN
    """Where it stands now."""
    raw_status: str | None = None
    """The vendor's word for the status."""
    impact: Impact = Impact.UNKNOWN
    """How bad the vendor says it is."""
    raw_impact: str | None = None
    """The vendor's word for the impact."""
    created_at: datetime | None = None
    """When the vendor created it."""
    started_at: datetime | None = None
    """When it began: see :meth:`build` for the rule."""
    resolved_at: datetime | None = None
    """When it ended, or None while it is open."""
    updated_at: datetime | None = None
    """When the vendor last changed it."""
    scheduled_for: datetime | None = None
    """Start of the announced window (maintenance)."""
    scheduled_until: datetime | None = None
    """End of the announced window (maintenance)."""
    url: str | None = None
    """Where to read it (http or https only)."""
    updates: tuple[Update, ...] = ()
    """Its posts, oldest first."""
    components: tuple[ComponentRef, ...] = ()
    """Components as the vendor lists them on it (see :attr:`impacted_components`)."""
    raw: Mapping[str, Any] = _raw_field()
    """The vendor's record for the incident, as parsed (child collections left out)."""

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        *,
        id: str,
        title: str,
        kind: IncidentKind = IncidentKind.INCIDENT,
        status: IncidentStatus = IncidentStatus.UNKNOWN,
        raw_status: str | None = None,
        impact: Impact = Impact.UNKNOWN,
        raw_impact: str | None = None,
        created_at: datetime | None = None,
        started_at: datetime | None = None,
        resolved_at: datetime | None = None,
        updated_at: datetime | None = None,
        scheduled_for: datetime | None = None,
        scheduled_until: datetime | None = None,
        url: str | None = None,
        updates: Iterable[Update] = (),
        components: Iterable[ComponentRef] = (),
        raw: Mapping[str, Any] = _EMPTY,
    ) -> Incident:
        """An incident with the vendor's values normalized by the rules of ``DESIGN.md``.

        * ``updates`` are put oldest first (stable for equal or missing times).
        * Status: an incident whose vendor status is terminal but whose latest update is not was
          reopened and is open; a vendor status of UNKNOWN takes the latest known update status.
        * ``started_at`` (incidents and notices) is the earliest of the vendor's start time, its
          creation time and the first update.  For a maintenance, ``started_at`` is when the work
          began: the first in-progress (or later) update, else ``scheduled_for`` once it is no
          longer merely scheduled; a maintenance still scheduled has none.  Its announcement time
          stays in ``created_at``.
        * ``resolved_at`` is set only when the incident is resolved: the time of the update that
          began the final run of terminal updates (a postmortem posted days later does not move
          it), or the vendor's own resolution time if that is later.
        """
        ups = _sorted_updates(updates if type(updates) is tuple else tuple(updates))
        # one pass over the known statuses: the last one, and when the final run of terminal
        # ones began, in one loop (incidents come by the hundred)
        last: IncidentStatus | None = None
        final: datetime | None = None
        for u in ups:
            known = u.status
            if known is _UNKNOWN:
                continue
            last = known
            if known in TERMINAL_STATUSES:
                if final is None:
                    final = u.created_at
            else:
                final = None
        if last is not None and (
            status is _UNKNOWN or (status in TERMINAL_STATUSES and last not in TERMINAL_STATUSES)
        ):
            status = last  # unknown: the updates say; resolved, then updated again: reopened
        if kind is IncidentKind.MAINTENANCE:
            start = _maintenance_start(status, ups, scheduled_for)
        else:
            start = _earliest(started_at, created_at, ups[0].created_at if ups else None)
        end: datetime | None = None
        if status in TERMINAL_STATUSES:
            end = final if resolved_at is None else _latest(final, resolved_at)
            if end is None and kind is IncidentKind.MAINTENANCE:
                end = scheduled_until if status is IncidentStatus.COMPLETED else None
        # positional, in field order: through the twin builder for Incident itself
        return (_new_incident if cls is Incident else cls)(
            id,
            title,
            kind,
            status,
            raw_status,
            impact,
            raw_impact,
            created_at,
            start,
            end,
            updated_at,
            scheduled_for,
            scheduled_until,
            url,
            ups,
            tuple(components),
            raw,
        )

    # -- derived facts ------------------------------------------------------------------------

    @property
    def is_resolved(self) -> bool:
        """True when the incident is over (resolved, postmortem or completed)."""
        return self.status in TERMINAL_STATUSES

    @property
    def is_maintenance(self) -> bool:
        """True for planned maintenance (never counted as an outage)."""
        return self.kind is IncidentKind.MAINTENANCE

    @property
    def is_active(self) -> bool:
        """True for an open incident, or a maintenance that has started and not finished."""
        if self.is_resolved:
            return False
        if self.kind is IncidentKind.MAINTENANCE:
            return self.status in (IncidentStatus.IN_PROGRESS, IncidentStatus.VERIFYING)
        return True

    @property
    def duration(self) -> timedelta | None:
        """``resolved_at - started_at`` for a resolved incident; None while open or unknown."""
        if self.resolved_at is None or self.started_at is None or not self.is_resolved:
            return None
        return max(self.resolved_at - self.started_at, timedelta(0))

    @property
    def reopened_count(self) -> int:
        """How many times an update took the incident from a terminal status back to open."""
        count = 0
        closed = False
        for u in self.updates:
            if u.status is IncidentStatus.UNKNOWN:
                continue
            is_terminal = u.status in TERMINAL_STATUSES
            if closed and not is_terminal:
                count += 1
            closed = is_terminal
        return count

    def transitions(self) -> tuple[Transition, ...]:
        """Real component state changes along the timeline, oldest first.

        A change that leaves a component where it was (operational -> operational, or a repeat of
        the state the previous update set) is not a transition, and neither is a first mention
        as operational with no earlier state known.
        """
        last: dict[str, ComponentStatus] = {}
        out: list[Transition] = []
        for u in self.updates:
            for ch in u.component_changes:
                key = ch.component_id or f"name:{ch.name}"
                before = ch.old if ch.old is not None else last.get(key)
                last[key] = ch.new
                if before is ch.new or (before is None and ch.new is ComponentStatus.OPERATIONAL):
                    # no change, or "operational" with nothing known before: no evidence of one
                    continue
                out.append(Transition(u.created_at, ch.component_id, ch.name, before, ch.new, u.id))
        return tuple(out)

    @property
    def impacted_components(self) -> tuple[ComponentRef, ...]:
        """Components that were not operational at some point during the incident.

        Taken from the updates' component changes (old and new states) and from states the vendor
        gives a listed component within this incident.  A component that is listed but stayed
        operational is not impacted.  Each ref carries the worst state seen; first seen first.
        """
        seen: dict[str, tuple[str | None, str | None, ComponentStatus]] = {}

        def note(cid: str | None, name: str | None, st: ComponentStatus | None) -> None:
            if st is None or st is ComponentStatus.OPERATIONAL or st is ComponentStatus.UNKNOWN:
                return
            key = cid or f"name:{name}"
            prev = seen.get(key)
            if prev is None or st.severity > prev[2].severity:
                seen[key] = (cid, name if prev is None else prev[1] or name, st)

        for u in self.updates:
            for ch in u.component_changes:
                note(ch.component_id, ch.name, ch.old)
                note(ch.component_id, ch.name, ch.new)
        for ref in self.components:
            note(ref.id, ref.name, ref.status)
        return tuple(ComponentRef(cid, name, st) for cid, name, st in seen.values())

    @property
    def open_state(self) -> ComponentStatus:
        """The page state this incident implies while it stands (OPERATIONAL once over)."""
        if not self.is_active:
            return ComponentStatus.OPERATIONAL
        if self.kind is IncidentKind.MAINTENANCE:
            return ComponentStatus.UNDER_MAINTENANCE
        if self.kind is IncidentKind.NOTICE and self.impact in (Impact.NONE, Impact.UNKNOWN):
            return ComponentStatus.OPERATIONAL
        if self.impact is Impact.MAINTENANCE:
            return ComponentStatus.UNDER_MAINTENANCE
        return self.impact.component_status


class Scope(str, enum.Enum):
    """Which incidents (or maintenances) a reading shows: the diff engine needs to know."""

    NONE = "none"
    """The reading says nothing about them."""
    OPEN = "open"
    """Only those not yet over (summary.json, incidents/unresolved.json)."""
    UPCOMING = "upcoming"
    """Only maintenances not yet started."""
    ACTIVE = "active"
    """Only maintenances in progress."""
    RECENT = "recent"
    """A recent window including finished ones (incidents.json, history feeds)."""
    SINGLE = "single"
    """One incident, read from its own page (/incidents/<id>): says nothing about the others."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Coverage:
    """What a reading carries, so that a missing part is not mistaken for a change."""

    components: bool = False
    """The reading lists the page's components."""
    indicator: bool = False
    """The reading carries the vendor's overall indicator."""
    incidents: Scope = Scope.NONE
    """Which incidents the reading lists."""
    maintenances: Scope = Scope.NONE
    """Which maintenances the reading lists."""


@attrs.frozen
class Snapshot:
    """One reading of one status page, normalized."""

    page: Page
    """The page itself."""
    components: tuple[Component, ...] = ()
    """Every component (groups included, marked ``is_group``), in the vendor's order."""
    incidents: tuple[Incident, ...] = ()
    """Incidents, maintenances and notices (told apart by ``kind``)."""
    platform: str = "unknown"
    """The product behind the page ("statuspage", "incidentio", ...)."""
    adapter: str = "unknown"
    """The adapter that read it ("statuspage.json")."""
    warnings: tuple[str, ...] = ()
    """Recoverable problems met while reading (lenient mode)."""
    indicator: ComponentStatus | None = None
    """The vendor's own overall indicator, normalized, when the format has one."""
    raw_indicator: str | None = None
    """The vendor's word for the indicator."""
    description: str | None = None
    """The vendor's overall status sentence ("Partial System Outage")."""
    coverage: Coverage = Coverage()
    """What this reading carries."""
    read_at: datetime | None = None
    """When the reading was taken, if the caller said so."""

    @functools.cached_property
    def overall(self) -> ComponentStatus:
        """The worst of the vendor indicator, open incidents and component states.

        Never OPERATIONAL while an unresolved incident with impact stands; maintenance is never an
        outage; UNKNOWN when the reading carries no state at all.
        """
        candidates: list[ComponentStatus] = []
        if self.indicator is not None:
            candidates.append(self.indicator)
        st = worst(c.status for c in self.components)
        if st is not None:
            candidates.append(st)
        has_open = False
        for inc in self.incidents:
            if inc.is_active:
                has_open = True
                candidates.append(inc.open_state)
        if not candidates or (self.indicator is None and not self.components and not has_open):
            return ComponentStatus.UNKNOWN
        result = worst(candidates)
        assert result is not None
        return result

    def component(self, key: str) -> Component | None:
        """The component with vendor id *key*, or None."""
        return self._by_id.get(key)

    def incident(self, key: str) -> Incident | None:
        """The incident with vendor id *key*, or None."""
        for inc in self.incidents:
            if inc.id == key:
                return inc
        return None

    @functools.cached_property
    def _by_id(self) -> dict[str, Component]:
        return {c.id: c for c in self.components}

    @property
    def open_incidents(self) -> tuple[Incident, ...]:
        """Incidents and notices not yet resolved (maintenances excluded)."""
        return tuple(
            i
            for i in self.incidents
            if i.kind is not IncidentKind.MAINTENANCE and not i.is_resolved
        )

    @property
    def maintenances(self) -> tuple[Incident, ...]:
        """Maintenances, whatever their status."""
        return tuple(i for i in self.incidents if i.kind is IncidentKind.MAINTENANCE)


# -- helpers for Incident.build -------------------------------------------------------------


def _sorted_updates(ups: tuple[Update, ...]) -> tuple[Update, ...]:
    """*ups* oldest first (stable), as given when any time is missing."""
    if len(ups) < 2:
        return ups
    ordered = True
    prev: datetime | None = None
    for u in ups:
        at = u.created_at
        if at is None:
            return ups
        if prev is not None and at < prev:
            ordered = False
        prev = at
    if ordered:
        return ups
    return tuple(sorted(ups, key=lambda u: u.created_at))  # type: ignore[arg-type,return-value]


_MAINT_STARTED = frozenset(
    {
        IncidentStatus.IN_PROGRESS,
        IncidentStatus.VERIFYING,
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
    }
)


def _maintenance_start(
    status: IncidentStatus, ups: tuple[Update, ...], scheduled_for: datetime | None
) -> datetime | None:
    for u in ups:
        if u.status in _MAINT_STARTED and u.created_at is not None:
            return u.created_at
    if status is IncidentStatus.SCHEDULED:
        return None
    if status in TERMINAL_STATUSES:
        # completed without an in-progress post: it ran in its window, if one is known
        return scheduled_for
    return scheduled_for if status is not IncidentStatus.UNKNOWN else None


def _earliest(*values: datetime | None) -> datetime | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def _latest(*values: datetime | None) -> datetime | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


_UNKNOWN = IncidentStatus.UNKNOWN
_new_incident = builder(Incident)
"""``Incident(*fields)`` built cheaply (see :mod:`statuskit._build`)."""

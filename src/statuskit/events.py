"""The change events :func:`statuskit.diff` reports: one frozen attrs class per kind of change.

Every event is a :class:`Change` (the common base class, so ``isinstance(e, Change)`` and
``match`` over the concrete classes both work) and carries:

* ``id``: deterministic.  It is a SHA-256 digest (first 32 hex digits) of the event's type name,
  its page and the fields that identify it (listed per class in ``_identity``); the same change
  gets the same id on every run and machine, so a consumer that restarts can drop events it
  already handled.  It is computed from the other fields, never passed in.
* ``at``: when the change happened, aware UTC (see :func:`statuskit.diff` for where it comes
  from).
* ``page``: the page the change is about: its address, else its vendor id, else its name.

Component events carry ``component_id``, ``name`` and ``group``; incident and maintenance events
carry ``incident_id``, ``title`` and ``url``.  ``describe()`` gives one readable sentence (without
the time, so that callers format it their way).

This module is the bottom layer: it imports only the model and the vocabularies.
"""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import datetime, timedelta, timezone
from typing import Any, ClassVar

import attrs

from .model import ComponentRef, Update
from .status import ComponentStatus, Impact, IncidentKind, IncidentStatus

__all__ = [
    "EVENT_TYPES",
    "Change",
    "ComponentAdded",
    "ComponentEvent",
    "ComponentRemoved",
    "ComponentRenamed",
    "ComponentStatusChanged",
    "IncidentEvent",
    "IncidentImpactChanged",
    "IncidentOpened",
    "IncidentReopened",
    "IncidentResolved",
    "IncidentUpdated",
    "MaintenanceCompleted",
    "MaintenanceScheduled",
    "MaintenanceStarted",
    "OverallStatusChanged",
]

ID_VERSION = "statuskit-change-1"
"""Mixed into every id: bumped only if the id recipe ever has to change."""


def _iso(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def update_key(update: Update) -> str:
    """How an update is named inside an id: the vendor's id, else its time and status."""
    if update.id:
        return update.id
    when = "" if update.created_at is None else _iso(update.created_at)
    return f"{when}|{update.status.value}"


def _part(value: object) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, Update):
        return update_key(value)
    if isinstance(value, tuple):
        return [_part(v) for v in value]
    raise TypeError(f"cannot key {type(value).__name__}")  # pragma: no cover - a class bug


def _label(name: str, group: str | None) -> str:
    return f"{name} ({group})" if group else name


def _quote(title: str) -> str:
    return f"\u201c{title}\u201d"


def _span(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins} min")
    return " ".join(parts)


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


@attrs.frozen(kw_only=True)
class Change:
    """What every change event has: a deterministic ``id``, when (``at``) and which page."""

    _identity: ClassVar[tuple[str, ...]] = ("at",)
    _rank: ClassVar[int] = 99

    id: str = attrs.field(init=False, default="")
    """Deterministic: a digest of the type, the page and the identifying fields (see above)."""
    at: datetime
    """When it happened, aware UTC: the vendor's time when it says so, else the reading's."""
    page: str | None = None
    """The page: its address, else its vendor id, else its name."""

    def __attrs_post_init__(self) -> None:
        parts = [ID_VERSION, type(self).__name__, self.page or ""]
        parts.extend(_part(getattr(self, name)) for name in self._identity)
        blob = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        object.__setattr__(self, "id", hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32])

    @property
    def type(self) -> str:
        """The event's type name ("ComponentStatusChanged"), as the JSON envelope writes it."""
        return type(self).__name__

    @property
    def subject(self) -> str:
        """The vendor id of what changed (component or incident), "" for the page itself."""
        return ""

    def describe(self, when: str | None = None) -> str:
        """One readable sentence; with *when* (text such as "07:26 UTC"), the time is put where
        it reads well: "Session management went from Degraded performance to Operational at
        07:26 UTC"."""
        head, tail = self._sentence()
        return f"{head} at {when}{tail}" if when else head + tail

    def _sentence(self) -> tuple[str, str]:
        """The sentence, split where " at <time>" goes."""
        return f"{self.type} on {self.page or 'the page'}", ""  # pragma: no cover - overridden


# -- components ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ComponentEvent(Change):
    """Base of the component events."""

    component_id: str
    """The vendor's component id."""
    name: str
    """The component's name (its new name, for a rename)."""
    group: str | None = None
    """The name of its group, if any (names repeat across groups)."""

    @property
    def subject(self) -> str:
        return self.component_id

    @property
    def label(self) -> str:
        """The name, with the group in parentheses when there is one: "API (Europe)"."""
        return _label(self.name, self.group)


@attrs.frozen(kw_only=True)
class ComponentStatusChanged(ComponentEvent):
    """A component went from one state to another."""

    _identity = ("component_id", "old", "new", "at")
    _rank = 40

    old: ComponentStatus
    new: ComponentStatus

    def _sentence(self) -> tuple[str, str]:
        return f"{self.label} went from {self.old.label} to {self.new.label}", ""


@attrs.frozen(kw_only=True)
class ComponentAdded(ComponentEvent):
    """A component appeared on the page."""

    _identity = ("component_id", "at")
    _rank = 10

    status: ComponentStatus

    def _sentence(self) -> tuple[str, str]:
        return f"{self.label} was added", f" ({self.status.label})"


@attrs.frozen(kw_only=True)
class ComponentRemoved(ComponentEvent):
    """A component left the page; ``last_status`` is the state it was last seen in (a component
    that vanishes while in an outage is reported as such, never silently reset)."""

    _identity = ("component_id", "at")
    _rank = 80

    last_status: ComponentStatus

    def _sentence(self) -> tuple[str, str]:
        if self.last_status is ComponentStatus.OPERATIONAL:
            return f"{self.label} was removed", ""
        return f"{self.label} was removed while in {self.last_status.label}", ""


@attrs.frozen(kw_only=True)
class ComponentRenamed(ComponentEvent):
    """A component (same id) got a new name."""

    _identity = ("component_id", "old_name", "name", "at")
    _rank = 20

    old_name: str

    def _sentence(self) -> tuple[str, str]:
        return f"{_label(self.old_name, self.group)} was renamed to {self.name}", ""


# -- incidents and maintenances ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class IncidentEvent(Change):
    """Base of the incident and maintenance events."""

    incident_id: str
    """The vendor's incident id."""
    title: str
    """The incident's headline."""
    url: str | None = None
    """Where to read it."""
    incident_kind: IncidentKind = IncidentKind.INCIDENT
    """Incident, maintenance or notice (named so as not to clash with the JSON envelope's
    ``kind``)."""

    @property
    def subject(self) -> str:
        return self.incident_id

    def _noun(self) -> str:
        nouns = {IncidentKind.MAINTENANCE: "Maintenance", IncidentKind.NOTICE: "Notice"}
        return nouns.get(self.incident_kind, "Incident")


@attrs.frozen(kw_only=True)
class IncidentOpened(IncidentEvent):
    """A new incident (or notice) was posted; ``updates`` are its posts so far."""

    _identity = ("incident_id",)
    _rank = 30

    status: IncidentStatus = IncidentStatus.UNKNOWN
    impact: Impact = Impact.UNKNOWN
    components: tuple[ComponentRef, ...] = ()
    """Components as the vendor lists them on it."""
    updates: tuple[Update, ...] = ()

    def _sentence(self) -> tuple[str, str]:
        detail = [self.status.label]
        if self.impact not in (Impact.UNKNOWN, Impact.NONE):
            detail.append(f"{self.impact.value} impact")
        return f"{self._noun()} {_quote(self.title)} opened", f" ({', '.join(detail)})"


@attrs.frozen(kw_only=True)
class IncidentUpdated(IncidentEvent):
    """New posts on an incident: only those the older reading did not have, oldest first."""

    _identity = ("incident_id", "updates")
    _rank = 32

    status: IncidentStatus = IncidentStatus.UNKNOWN
    """The incident's status after these posts."""
    updates: tuple[Update, ...] = ()

    def _sentence(self) -> tuple[str, str]:
        tail = ""
        if self.updates:
            last = self.updates[-1]
            tail = f": {last.status.label}"
            if last.body:
                tail += f" \u2013 {_one_line(last.body)}"
        return f"{self._noun()} {_quote(self.title)} updated", tail


@attrs.frozen(kw_only=True)
class IncidentResolved(IncidentEvent):
    """An incident (or notice) is over.  ``inferred`` is True when no reading said so: the incident
    only left a list that shows open incidents (summary.json, incidents/unresolved.json), and
    ``at`` is then the newer reading's time (an upper bound)."""

    _identity = ("incident_id", "at")
    _rank = 70

    inferred: bool = False
    started_at: datetime | None = None
    """When it began, if known (``at - started_at`` is the time to resolve)."""

    @property
    def duration(self) -> timedelta | None:
        """Time to resolve, when the start is known."""
        return None if self.started_at is None else max(self.at - self.started_at, timedelta(0))

    def _sentence(self) -> tuple[str, str]:
        tail = "" if self.duration is None else f", after {_span(self.duration)}"
        if self.inferred:
            tail += " (inferred: it left the list of open incidents)"
        return f"{self._noun()} {_quote(self.title)} was resolved", tail


@attrs.frozen(kw_only=True)
class IncidentReopened(IncidentEvent):
    """A resolved incident was updated again as not resolved."""

    _identity = ("incident_id", "at")
    _rank = 35

    status: IncidentStatus = IncidentStatus.UNKNOWN
    """Its status now."""

    def _sentence(self) -> tuple[str, str]:
        return f"{self._noun()} {_quote(self.title)} was reopened", f" ({self.status.label})"


@attrs.frozen(kw_only=True)
class IncidentImpactChanged(IncidentEvent):
    """The vendor rated an incident's impact differently (both readings knew the impact)."""

    _identity = ("incident_id", "old", "new", "at")
    _rank = 55

    old: Impact
    new: Impact

    def _sentence(self) -> tuple[str, str]:
        title = _quote(self.title)
        return f"{self._noun()} {title} impact went from {self.old.value} to {self.new.value}", ""


@attrs.frozen(kw_only=True)
class MaintenanceScheduled(IncidentEvent):
    """A maintenance was announced."""

    _identity = ("incident_id",)
    _rank = 31

    scheduled_for: datetime | None = None
    scheduled_until: datetime | None = None
    components: tuple[ComponentRef, ...] = ()
    updates: tuple[Update, ...] = ()

    def _sentence(self) -> tuple[str, str]:
        tail = ""
        if self.scheduled_for is not None:
            tail = f", for {self.scheduled_for:%Y-%m-%d %H:%M}"
            if self.scheduled_until is not None:
                same_day = self.scheduled_until.date() == self.scheduled_for.date()
                tail += f" to {self.scheduled_until:{'%H:%M' if same_day else '%Y-%m-%d %H:%M'}}"
            tail += " UTC"
        return f"Maintenance {_quote(self.title)} was scheduled", tail


@attrs.frozen(kw_only=True)
class MaintenanceStarted(IncidentEvent):
    """A maintenance began."""

    _identity = ("incident_id", "at")
    _rank = 36

    scheduled_until: datetime | None = None

    def _sentence(self) -> tuple[str, str]:
        return f"Maintenance {_quote(self.title)} started", ""


@attrs.frozen(kw_only=True)
class MaintenanceCompleted(IncidentEvent):
    """A maintenance is over.  ``inferred`` as for :class:`IncidentResolved`: it only left a list
    of upcoming and active maintenances after its window had begun."""

    _identity = ("incident_id", "at")
    _rank = 71

    inferred: bool = False
    started_at: datetime | None = None

    def _sentence(self) -> tuple[str, str]:
        tail = " (inferred: it left the list of open maintenances)" if self.inferred else ""
        return f"Maintenance {_quote(self.title)} was completed", tail


# -- the page ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OverallStatusChanged(Change):
    """The page's overall state (:attr:`statuskit.Snapshot.overall`) changed."""

    _identity = ("old", "new", "at")
    _rank = 90

    old: ComponentStatus
    new: ComponentStatus
    description: str | None = None
    """The vendor's overall sentence in the newer reading ("All Systems Operational")."""

    def _sentence(self) -> tuple[str, str]:
        return f"The page went from {self.old.label} to {self.new.label}", ""


EVENT_TYPES: dict[str, type[Change]] = {
    cls.__name__: cls
    for cls in (
        ComponentStatusChanged,
        ComponentAdded,
        ComponentRemoved,
        ComponentRenamed,
        IncidentOpened,
        IncidentUpdated,
        IncidentResolved,
        IncidentReopened,
        IncidentImpactChanged,
        MaintenanceScheduled,
        MaintenanceStarted,
        MaintenanceCompleted,
        OverallStatusChanged,
    )
}
"""Every concrete event class by its type name (the JSON envelope's ``type``)."""


def sort_key(change: Change) -> tuple[datetime, int, str, str]:
    """Events come out in time order; at the same time, in a fixed order of kinds (additions
    before changes before removals, the page last), then by subject and id."""
    return (change.at, change._rank, change.subject, change.id)

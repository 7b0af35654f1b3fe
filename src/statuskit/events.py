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

Component events (:class:`ComponentEvent`) carry ``component_id``, ``name`` and ``group``;
incident and maintenance events (:class:`IncidentEvent`) carry ``incident_id``, ``title``,
``url`` and ``incident_kind``.  ``describe(when=None)`` gives one readable sentence, with the
time (formatted by the caller) where it reads well.

The events are the bottom layer with the model: these modules import only the model and the
vocabularies.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from ._event_base import ID_VERSION, Change, label, update_key
from ._incident_events import (
    IncidentEvent,
    IncidentImpactChanged,
    IncidentOpened,
    IncidentReopened,
    IncidentResolved,
    IncidentRetitled,
    IncidentUpdated,
    MaintenanceCancelled,
    MaintenanceCompleted,
    MaintenanceRescheduled,
    MaintenanceScheduled,
    MaintenanceStarted,
)
from .status import ComponentStatus

__all__ = [
    "EVENT_TYPES",
    "ID_VERSION",
    "Change",
    "ComponentAdded",
    "ComponentEvent",
    "ComponentMoved",
    "ComponentRemoved",
    "ComponentRenamed",
    "ComponentStatusChanged",
    "IncidentEvent",
    "IncidentImpactChanged",
    "IncidentOpened",
    "IncidentReopened",
    "IncidentResolved",
    "IncidentRetitled",
    "IncidentUpdated",
    "MaintenanceCancelled",
    "MaintenanceCompleted",
    "MaintenanceRescheduled",
    "MaintenanceScheduled",
    "MaintenanceStarted",
    "OverallStatusChanged",
    "sort_key",
    "update_key",
]


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
        return label(self.name, self.group)


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
        return f"{label(self.old_name, self.group)} was renamed to {self.name}", ""


@attrs.frozen(kw_only=True)
class ComponentMoved(ComponentEvent):
    """A component (same id) sits in another group: ``group`` / ``group_id`` now,
    ``old_group`` / ``old_group_id`` before (None: in no group).  Groups are told apart by their
    ids when both readings give them, else by their names.  A group that was renamed (same id, or,
    by names only, a group gone from the newer reading whose members all sit in one that is new
    to it) is not a move of its members."""

    _identity = ("component_id", "old_group_id", "group_id", "old_group", "group", "at")
    _rank = 25

    group_id: str | None = None
    old_group: str | None = None
    old_group_id: str | None = None

    def _sentence(self) -> tuple[str, str]:
        old, new = self.old_group or self.old_group_id, self.group or self.group_id
        if old is None:
            return f"{self.name} was moved into {new}", ""
        if new is None:
            return f"{self.name} was moved out of {old}", ""
        return f"{self.name} was moved from {old} to {new}", ""


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
        ComponentMoved,
        IncidentOpened,
        IncidentUpdated,
        IncidentResolved,
        IncidentReopened,
        IncidentImpactChanged,
        MaintenanceScheduled,
        MaintenanceStarted,
        MaintenanceCompleted,
        IncidentRetitled,
        MaintenanceRescheduled,
        MaintenanceCancelled,
        OverallStatusChanged,
    )
}
"""Every concrete event class by its type name (the JSON envelope's ``type``)."""


def sort_key(change: Change) -> tuple[datetime, int, str, str]:
    """Events come out in time order; at the same time, in a fixed order of kinds (additions
    before changes before removals, the page last), then by subject and id."""
    return (change.at, change._rank, change.subject, change.id)

"""The vocabularies every adapter maps vendor words onto.

Each enum's *value* is the stable wire name used by :func:`statuskit.dumps`; the vendor's own word
is always kept next to it on the model (``raw_status``, ``raw_impact``).

``ComponentStatus`` lists its members in the order of ``DESIGN.md``.  "Worse" is a separate,
explicit ranking (:attr:`ComponentStatus.severity`) because maintenance is never an outage and an
unknown state is neither good news nor an outage:

    OPERATIONAL (0) < UNDER_MAINTENANCE (1) < UNKNOWN (2)
        < DEGRADED_PERFORMANCE (3) < PARTIAL_OUTAGE (4) < MAJOR_OUTAGE (5)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

__all__ = [
    "TERMINAL_STATUSES",
    "ComponentStatus",
    "Impact",
    "IncidentKind",
    "IncidentStatus",
    "worst",
]


class ComponentStatus(str, enum.Enum):
    """The state of one component (or of the whole page, as :attr:`Snapshot.overall`)."""

    OPERATIONAL = "operational"
    DEGRADED_PERFORMANCE = "degraded_performance"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"
    UNDER_MAINTENANCE = "under_maintenance"
    UNKNOWN = "unknown"

    @property
    def severity(self) -> int:
        """Rank for "worst of" decisions; higher is worse (see the module docstring)."""
        return _SEVERITY[self]

    @property
    def is_outage(self) -> bool:
        """True for degraded performance, partial and major outage (never for maintenance)."""
        return _SEVERITY[self] >= 3

    @property
    def label(self) -> str:
        """Human wording, as status pages print it ("Degraded performance")."""
        return self.value.replace("_", " ").capitalize()

    def __str__(self) -> str:
        return self.value


_SEVERITY = {
    ComponentStatus.OPERATIONAL: 0,
    ComponentStatus.UNDER_MAINTENANCE: 1,
    ComponentStatus.UNKNOWN: 2,
    ComponentStatus.DEGRADED_PERFORMANCE: 3,
    ComponentStatus.PARTIAL_OUTAGE: 4,
    ComponentStatus.MAJOR_OUTAGE: 5,
}


def worst(statuses: Iterable[ComponentStatus]) -> ComponentStatus | None:
    """The most severe of *statuses*, or None when there are none."""
    best: ComponentStatus | None = None
    rank = -1
    for s in statuses:
        r = _SEVERITY[s]
        if r > rank:
            best, rank = s, r
            if r == 5:
                break
    return best


class Impact(str, enum.Enum):
    """How bad an incident is, as the vendor rates it."""

    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"
    MAINTENANCE = "maintenance"
    UNKNOWN = "unknown"

    @property
    def component_status(self) -> ComponentStatus:
        """The page state an open incident of this impact implies (rule 5 of DESIGN.md)."""
        return _IMPACT_STATE[self]

    def __str__(self) -> str:
        return self.value


_IMPACT_STATE = {
    Impact.NONE: ComponentStatus.OPERATIONAL,
    Impact.MINOR: ComponentStatus.DEGRADED_PERFORMANCE,
    Impact.MAJOR: ComponentStatus.PARTIAL_OUTAGE,
    Impact.CRITICAL: ComponentStatus.MAJOR_OUTAGE,
    Impact.MAINTENANCE: ComponentStatus.UNDER_MAINTENANCE,
    Impact.UNKNOWN: ComponentStatus.UNKNOWN,
}


class IncidentStatus(str, enum.Enum):
    """Where an incident (or maintenance) stands in its life cycle."""

    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"
    POSTMORTEM = "postmortem"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    VERIFYING = "verifying"
    COMPLETED = "completed"
    UNKNOWN = "unknown"

    @property
    def is_terminal(self) -> bool:
        """True when the incident is over: resolved, postmortem or completed."""
        return self in TERMINAL_STATUSES

    @property
    def label(self) -> str:
        """Human wording ("In progress")."""
        return self.value.replace("_", " ").capitalize()

    def __str__(self) -> str:
        return self.value


TERMINAL_STATUSES = frozenset(
    {IncidentStatus.RESOLVED, IncidentStatus.POSTMORTEM, IncidentStatus.COMPLETED}
)
"""Statuses after which an incident is over (until an update reopens it)."""


class IncidentKind(str, enum.Enum):
    """What a posted event is: an outage, planned maintenance, or an informational notice."""

    INCIDENT = "incident"
    MAINTENANCE = "maintenance"
    NOTICE = "notice"

    def __str__(self) -> str:
        return self.value

"""Statuspage's vocabulary: its words for component states, incident states, impact and the
page indicator, and which incident states mean maintenance.  Shared by the JSON and the HTML
readers (re-exported by :mod:`statuskit.adapters._spjson`)."""

from __future__ import annotations

from ..status import ComponentStatus, Impact, IncidentStatus

__all__ = [
    "COMPONENT_STATUS",
    "IMPACT",
    "INCIDENT_STATUS",
    "INDICATOR",
    "MAINTENANCE_STATUSES",
    "UPDATE_WORDS",
]

COMPONENT_STATUS: dict[str, ComponentStatus] = {
    "operational": ComponentStatus.OPERATIONAL,
    "degraded_performance": ComponentStatus.DEGRADED_PERFORMANCE,
    "partial_outage": ComponentStatus.PARTIAL_OUTAGE,
    "major_outage": ComponentStatus.MAJOR_OUTAGE,
    "under_maintenance": ComponentStatus.UNDER_MAINTENANCE,
    # incident.io's widget vocabulary, seen on its Statuspage-compatible endpoints too
    "full_outage": ComponentStatus.MAJOR_OUTAGE,
    "degraded": ComponentStatus.DEGRADED_PERFORMANCE,
}

INCIDENT_STATUS: dict[str, IncidentStatus] = {
    "investigating": IncidentStatus.INVESTIGATING,
    "identified": IncidentStatus.IDENTIFIED,
    "monitoring": IncidentStatus.MONITORING,
    "resolved": IncidentStatus.RESOLVED,
    "postmortem": IncidentStatus.POSTMORTEM,
    "scheduled": IncidentStatus.SCHEDULED,
    "in_progress": IncidentStatus.IN_PROGRESS,
    "verifying": IncidentStatus.VERIFYING,
    "completed": IncidentStatus.COMPLETED,
}

UPDATE_WORDS: dict[str, IncidentStatus] = {
    word.replace("_", " "): status for word, status in INCIDENT_STATUS.items()
}
"""The same states as Statuspage prints them on posts ("In progress"), lower-cased."""

IMPACT: dict[str, Impact] = {
    "none": Impact.NONE,
    "minor": Impact.MINOR,
    "major": Impact.MAJOR,
    "critical": Impact.CRITICAL,
    "maintenance": Impact.MAINTENANCE,
}

# status.indicator: Statuspage words its descriptions "Minor Service Outage" (minor), "Partial
# System Outage" (major: any component in major outage gives it) and "Major System Outage"
# (critical), so the scale sits one step below the component scale's names.
INDICATOR: dict[str, ComponentStatus] = {
    "none": ComponentStatus.OPERATIONAL,
    "minor": ComponentStatus.DEGRADED_PERFORMANCE,
    "major": ComponentStatus.PARTIAL_OUTAGE,
    "critical": ComponentStatus.MAJOR_OUTAGE,
    "maintenance": ComponentStatus.UNDER_MAINTENANCE,
}

MAINTENANCE_STATUSES = frozenset(
    {
        IncidentStatus.SCHEDULED,
        IncidentStatus.IN_PROGRESS,
        IncidentStatus.VERIFYING,
        IncidentStatus.COMPLETED,
    }
)

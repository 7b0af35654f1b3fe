"""The words hand-built pages use for states, and how they map onto statuskit's vocabularies.

Words are compared normalized (:func:`normalize_word`): case folded, ``_`` and ``-`` read as
spaces, runs of spaces collapsed, surrounding punctuation dropped, so "Degraded Performance",
"degraded_performance" and "DEGRADED-PERFORMANCE." are one word.  A spec extends or overrides
these tables with its own words; an unknown word is UNKNOWN with a warning, never OPERATIONAL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import TypeVar

from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus

__all__ = [
    "COMPONENT_WORDS",
    "IMPACT_WORDS",
    "INCIDENT_WORDS",
    "KIND_WORDS",
    "normalize_word",
    "word_table",
]

E = TypeVar("E", bound=Enum)

_SEPARATORS = re.compile(r"[\s_\-]+")
_EDGES = " \t\r\n.,;:!?()[]{}\"'*\u2022\u00b7"


def normalize_word(word: str) -> str:
    """*word* as the tables key it: "Partial_Outage!" -> "partial outage"."""
    return _SEPARATORS.sub(" ", word.strip(_EDGES).casefold()).strip()


def _table(enum: type[E], pairs: Mapping[E, tuple[str, ...]]) -> Mapping[str, E]:
    out: dict[str, E] = {}
    for member, words in pairs.items():
        out[normalize_word(member.value)] = member
        for w in words:
            out[normalize_word(w)] = member
    return MappingProxyType(out)


COMPONENT_WORDS: Mapping[str, ComponentStatus] = _table(
    ComponentStatus,
    {
        ComponentStatus.OPERATIONAL: (
            "operational",
            "up",
            "ok",
            "okay",
            "online",
            "available",
            "healthy",
            "normal",
            "good",
            "green",
            "fully operational",
            "all systems operational",
            "no issues",
            "no known issues",
            "running",
        ),
        ComponentStatus.DEGRADED_PERFORMANCE: (
            "degraded performance",
            "degraded",
            "performance issues",
            "slow",
            "slowness",
            "elevated latency",
            "minor",
            "minor outage",
            "minor issues",
            "warning",
            "yellow",
            "advisory",
        ),
        ComponentStatus.PARTIAL_OUTAGE: (
            "partial outage",
            "partial",
            "partially down",
            "partially unavailable",
            "partial disruption",
            "disrupted",
            "disruption",
            "service disruption",
            "major",
            "orange",
        ),
        ComponentStatus.MAJOR_OUTAGE: (
            "major outage",
            "full outage",
            "outage",
            "down",
            "offline",
            "unavailable",
            "not available",
            "critical",
            "service outage",
            "red",
        ),
        ComponentStatus.UNDER_MAINTENANCE: (
            "under maintenance",
            "maintenance",
            "in maintenance",
            "scheduled maintenance",
            "maintenance in progress",
            "blue",
        ),
        ComponentStatus.UNKNOWN: ("unknown", "no data", "n/a"),
    },
)
"""Component state words (also used for a page's overall indicator)."""

INCIDENT_WORDS: Mapping[str, IncidentStatus] = _table(
    IncidentStatus,
    {
        IncidentStatus.INVESTIGATING: ("investigating", "open", "ongoing", "active", "new"),
        IncidentStatus.IDENTIFIED: ("identified", "root cause identified", "fixing"),
        IncidentStatus.MONITORING: ("monitoring", "mitigated", "recovering", "fix deployed"),
        IncidentStatus.RESOLVED: ("resolved", "closed", "fixed", "ended", "restored"),
        IncidentStatus.POSTMORTEM: ("postmortem", "post mortem", "post-incident review", "rca"),
        IncidentStatus.SCHEDULED: ("scheduled", "planned", "upcoming", "not started yet"),
        IncidentStatus.IN_PROGRESS: ("in progress", "started", "underway", "ongoing maintenance"),
        IncidentStatus.VERIFYING: ("verifying", "validating"),
        IncidentStatus.COMPLETED: ("completed", "complete", "done", "finished"),
        IncidentStatus.UNKNOWN: ("unknown",),
    },
)
"""Incident (and maintenance) status words, as updates and badges print them."""

IMPACT_WORDS: Mapping[str, Impact] = _table(
    Impact,
    {
        Impact.NONE: ("none", "no impact", "informational", "info", "notice"),
        Impact.MINOR: ("minor", "low", "degraded", "degraded performance", "sev3", "sev 3"),
        Impact.MAJOR: ("major", "medium", "partial outage", "high", "sev2", "sev 2"),
        Impact.CRITICAL: (
            "critical",
            "severe",
            "major outage",
            "full outage",
            "outage",
            "sev1",
            "sev 1",
            "sev0",
            "sev 0",
        ),
        Impact.MAINTENANCE: ("maintenance", "scheduled maintenance", "planned maintenance"),
        Impact.UNKNOWN: ("unknown",),
    },
)
"""Severity words (badges such as "Major", "Sev 2")."""

KIND_WORDS: Mapping[str, IncidentKind] = _table(
    IncidentKind,
    {
        IncidentKind.INCIDENT: ("incident", "outage", "issue", "disruption"),
        IncidentKind.MAINTENANCE: (
            "maintenance",
            "scheduled maintenance",
            "planned maintenance",
            "planned",
        ),
        IncidentKind.NOTICE: ("notice", "announcement", "informational", "info"),
    },
)
"""Words saying what an event is."""


def word_table(base: Mapping[str, E], enum: type[E], extra: Mapping[str, str]) -> Mapping[str, E]:
    """*base* extended (and overridden) by *extra*, whose values name members of *enum* by
    value ("partial_outage") or by name ("PARTIAL_OUTAGE").  Raises ValueError for a value that
    names no member."""
    if not extra:
        return base
    out = dict(base)
    for word, target in extra.items():
        out[normalize_word(word)] = member_of(enum, target)
    return MappingProxyType(out)


def member_of(enum: type[E], target: str) -> E:
    """The member of *enum* that *target* names (by value or name, any case)."""
    key = normalize_word(target).replace(" ", "_")
    for member in enum:
        if key in (str(member.value).lower(), member.name.lower()):
            return member
    known = ", ".join(str(m.value) for m in enum)
    raise ValueError(f"{target!r} is not one of {known}")

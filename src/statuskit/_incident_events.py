"""The incident and maintenance events (re-exported by :mod:`statuskit.events`)."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs

from ._event_base import Change, one_line, quote, span, window
from .model import ComponentRef, Update
from .status import Impact, IncidentKind, IncidentStatus

__all__ = [
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
]


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
        return f"{self._noun()} {quote(self.title)} opened", f" ({', '.join(detail)})"


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
                tail += f" \u2013 {one_line(last.body)}"
        return f"{self._noun()} {quote(self.title)} updated", tail


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
        tail = "" if self.duration is None else f", after {span(self.duration)}"
        if self.inferred:
            tail += " (inferred: it left the list of open incidents)"
        return f"{self._noun()} {quote(self.title)} was resolved", tail


@attrs.frozen(kw_only=True)
class IncidentReopened(IncidentEvent):
    """A resolved incident was updated again as not resolved."""

    _identity = ("incident_id", "at")
    _rank = 35

    status: IncidentStatus = IncidentStatus.UNKNOWN
    """Its status now."""

    def _sentence(self) -> tuple[str, str]:
        return f"{self._noun()} {quote(self.title)} was reopened", f" ({self.status.label})"


@attrs.frozen(kw_only=True)
class IncidentImpactChanged(IncidentEvent):
    """The vendor rated an incident's impact differently (both readings knew the impact)."""

    _identity = ("incident_id", "old", "new", "at")
    _rank = 55

    old: Impact
    new: Impact

    def _sentence(self) -> tuple[str, str]:
        title = quote(self.title)
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
            tail = f", for {window(self.scheduled_for, self.scheduled_until)}"
        return f"Maintenance {quote(self.title)} was scheduled", tail


@attrs.frozen(kw_only=True)
class MaintenanceStarted(IncidentEvent):
    """A maintenance began."""

    _identity = ("incident_id", "at")
    _rank = 36

    scheduled_until: datetime | None = None

    def _sentence(self) -> tuple[str, str]:
        return f"Maintenance {quote(self.title)} started", ""


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
        return f"Maintenance {quote(self.title)} was completed", tail


@attrs.frozen(kw_only=True)
class IncidentRetitled(IncidentEvent):
    """An incident, maintenance or notice (same id) got a new title (``title``; the one it had is
    ``old_title``).  Reported only between two readings of one adapter that both give a title:
    across formats a title differs without an edit (a feed entry's headline, a status marker)."""

    _identity = ("incident_id", "old_title", "title", "at")
    _rank = 34

    old_title: str

    def _sentence(self) -> tuple[str, str]:
        return f"{self._noun()} {quote(self.old_title)} was renamed to {quote(self.title)}", ""


@attrs.frozen(kw_only=True)
class MaintenanceRescheduled(IncidentEvent):
    """A maintenance not yet over got another window: ``old_scheduled_for`` /
    ``old_scheduled_until`` as the older reading gave it, ``scheduled_for`` / ``scheduled_until``
    as the newer one does (None where that reading gives no such bound; a bound one reading does
    not give is never compared)."""

    _identity = (
        "incident_id",
        "old_scheduled_for",
        "old_scheduled_until",
        "scheduled_for",
        "scheduled_until",
        "at",
    )
    _rank = 33

    old_scheduled_for: datetime | None = None
    old_scheduled_until: datetime | None = None
    scheduled_for: datetime | None = None
    scheduled_until: datetime | None = None

    def _sentence(self) -> tuple[str, str]:
        new = window(self.scheduled_for, self.scheduled_until)
        old = window(self.old_scheduled_for, self.old_scheduled_until)
        return f"Maintenance {quote(self.title)} was rescheduled", f", for {new} instead of {old}"


@attrs.frozen(kw_only=True)
class MaintenanceCancelled(IncidentEvent):
    """Planned work was called off before it was done.  By the vendor's word (a status such as
    Slack's ``cancelled``; it then takes the place of :class:`MaintenanceCompleted` or
    :class:`IncidentResolved`), or ``inferred=True`` when it only left a list of upcoming
    maintenances before its window began (``at`` is then the newer reading's time, an upper
    bound).  ``scheduled_for`` / ``scheduled_until``: the window it had, if known."""

    _identity = ("incident_id", "at")
    _rank = 72

    inferred: bool = False
    scheduled_for: datetime | None = None
    scheduled_until: datetime | None = None

    def _sentence(self) -> tuple[str, str]:
        tail = ""
        if self.inferred:
            tail = " (inferred: it left the list of upcoming maintenances before its window began)"
        return f"{self._noun()} {quote(self.title)} was cancelled", tail

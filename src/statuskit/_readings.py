"""What two readings tell the diff engine about time and place (shared by its modules)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import datetime, timezone

from .model import Snapshot

__all__ = ["EPOCH", "Context", "carries_state", "moved", "page_key", "reading_time"]

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""The time of last resort, for readings that hold no time at all."""


def page_key(*snaps: Snapshot) -> str | None:
    """The page an event is about: the first address (lowercased, no trailing slash), else the
    first vendor page id, else the first name found on *snaps*."""
    for s in snaps:
        if s.page.url:
            return s.page.url.rstrip("/").lower()
    for s in snaps:
        if s.page.id:
            return s.page.id
    for s in snaps:
        if s.page.name:
            return s.page.name
    return None


def _vendor_times(snap: Snapshot) -> Iterator[datetime | None]:
    yield snap.page.updated_at
    for c in snap.components:
        yield c.updated_at
    for i in snap.incidents:
        yield i.updated_at
        yield i.created_at
        yield i.resolved_at
        yield i.started_at
        for u in i.updates:
            yield u.created_at


def reading_time(snap: Snapshot) -> datetime | None:
    """When *snap* was read: ``read_at``, else the page's ``updated_at``, else the latest time the
    reading holds (a lower bound), else None."""
    if snap.read_at is not None:
        return snap.read_at
    if snap.page.updated_at is not None:
        return snap.page.updated_at
    return max((t for t in _vendor_times(snap) if t is not None), default=None)


def moved(new: datetime | None, old: datetime | None) -> datetime | None:
    """A vendor ``updated_at`` that moved forward: the time of the change it records."""
    if new is None or (old is not None and new <= old):
        return None
    return new


def carries_state(snap: Snapshot) -> bool:
    return snap.coverage.components or snap.coverage.indicator


class Context:
    """The two readings, the page key, and times worked out once, on first use."""

    def __init__(self, old: Snapshot, new: Snapshot) -> None:
        self.old, self.new = old, new
        self.page = page_key(new, old)
        self.windows: dict[bool, datetime | None] = {}
        """A cache for the incident diff (see ``_incident_diff._window_start``)."""

    @functools.cached_property
    def fallback(self) -> datetime:
        """The newer reading's time, for changes the vendor gives no time for."""
        return reading_time(self.new) or reading_time(self.old) or EPOCH

    @functools.cached_property
    def t_old(self) -> datetime | None:
        """The older reading's time."""
        return reading_time(self.old)

    @functools.cached_property
    def t_new(self) -> datetime | None:
        """The newer reading's time (None when it holds no time at all)."""
        return reading_time(self.new)

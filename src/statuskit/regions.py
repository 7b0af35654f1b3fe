"""Where incidents and components are: locations, and views restricted to some of them.

Cloud status pages (Google Cloud, AWS, Azure) say *where* each incident and each service row is:
a region (``us-central1``, ``me-central-1``, ``East US``), a multi-region (``us``, ``eu``) or
everywhere (``global``, Azure's "Non-Regional").  Adapters that know it implement
``locations(item)`` (see :class:`Located`); :func:`locations` asks them, and :func:`restrict`
builds the view of one snapshot for the regions a user cares about::

    snap = statuskit.parse(body)                      # AWS currentevents
    mine = statuskit.regions.restrict(snap, ["us-east-1", "eu-west-1"])
    mine.overall                                      # an event open for months in me-central-1
                                                      # no longer paints us-east-1 red

What a restricted view keeps:

* an incident or component with a location among *regions* (matched by id or by name, case
  folded; a multi-region such as Google's ``us`` matches the regions it spans, and a zone such as
  ``us-central1-a`` matches its region ``us-central1``);
* one that is global (unless ``keep_global=False``);
* one whose location is unknown (unless ``keep_unlocated=False``): statuskit never hides an
  outage because a page did not say where it was.

Its ``overall`` is honest for those regions: the page-wide vendor indicator (which describes
every region) is dropped, and when the reading lists every open incident (coverage ``open`` or
``recent``) the view's indicator is derived from what it kept: operational when nothing kept is
open, else the worst open incident's state.  Otherwise a view has no indicator and ``overall``
is the worst of its components and open incidents (``unknown`` when it keeps neither).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import attrs

from .model import Component, Incident, Scope, Snapshot
from .status import ComponentStatus, worst

__all__ = ["Located", "Location", "locations", "restrict"]


@attrs.frozen
class Location:
    """A place a cloud runs in."""

    id: str
    """The vendor's id for it ("us-central1", "me-central-1", "eastus")."""
    name: str | None = None
    """Its display name ("Iowa", "UAE", "East US")."""
    is_global: bool = False
    """True for "everywhere": global services, Azure's Non-Regional column."""
    covers: tuple[str, ...] = ()
    """Id prefixes of the regions a multi-region spans (Google's ``us`` covers ``us-``)."""

    def matches(self, wanted: str) -> bool:
        """True when the region or zone id (or display name) *wanted* is in this location."""
        key = wanted.strip().casefold()
        if not key:
            return False
        own = self.id.casefold()
        if key == own or (self.name is not None and key == self.name.casefold()):
            return True
        if key.startswith(own + "-") and not self.covers:
            return True  # a zone of this region ("us-central1-a" in "us-central1")
        return any(key.startswith(prefix.casefold()) for prefix in self.covers)


@runtime_checkable
class Located(Protocol):
    """An adapter that knows where the items of its snapshots are."""

    def locations(self, item: Incident | Component) -> tuple[Location, ...] | None:
        """The locations of *item* (an incident or component of a snapshot this adapter read),
        or None when the page does not say."""
        ...


def _located(snap: Snapshot) -> Located:
    from .registry import get_adapter  # noqa: PLC0415 - the registry sits above this module

    adapter = get_adapter(snap.adapter)
    if not isinstance(adapter, Located):
        raise ValueError(
            f"adapter {snap.adapter!r} keeps no location data: its snapshots cannot be restricted"
        )
    return adapter


def locations(snap: Snapshot, item: Incident | Component) -> tuple[Location, ...] | None:
    """Where *item* (an incident or component of *snap*) is, or None when the page does not
    say.  Raises ValueError when *snap*'s adapter keeps no location data at all."""
    return _located(snap).locations(item)


def restrict(
    snap: Snapshot,
    regions: Iterable[str],
    *,
    keep_global: bool = True,
    keep_unlocated: bool = True,
) -> Snapshot:
    """The view of *snap* for *regions* (ids such as ``"us-east-1"`` or display names).

    See the module documentation for what is kept and how ``overall`` stays honest.  Raises
    ValueError when *regions* is empty or *snap*'s adapter keeps no location data.
    """
    wanted = [r for r in (regions if not isinstance(regions, str) else [regions]) if r.strip()]
    if not wanted:
        raise ValueError("restrict() needs at least one region")
    adapter = _located(snap)

    def keep(item: Incident | Component) -> bool:
        where = adapter.locations(item)
        if not where:
            return keep_unlocated
        for loc in where:
            if loc.is_global:
                if keep_global:
                    return True
                continue
            if any(loc.matches(w) for w in wanted):
                return True
        return False

    components = tuple(c for c in snap.components if keep(c))
    incidents = tuple(i for i in snap.incidents if keep(i))
    indicator: ComponentStatus | None = None
    if snap.coverage.incidents in (Scope.OPEN, Scope.RECENT):
        states = [i.open_state for i in incidents if i.is_active]
        indicator = worst(states) or ComponentStatus.OPERATIONAL
    return attrs.evolve(
        snap,
        components=components,
        incidents=incidents,
        indicator=indicator,
        raw_indicator=None,
        description=None,
    )

"""The diff engine: what changed between two readings of one status page.

:func:`diff` compares two :class:`~statuskit.Snapshot` s and returns the change events of
:mod:`statuskit.events`, oldest first.  The rules, in short (``docs/diff.md`` has the long form):

Matching
    Components and incidents match by the vendor's id.  When the two readings come from
    different adapters (summary.json against history.atom), incidents left over are matched by a
    fingerprint: the incident code in their link (``/incidents/<code>``) against the other side's
    id or code, then the same title (case and spacing ignored) with starts at most
    :data:`FINGERPRINT_START_SLACK` apart.  Updates match by id; where one side has none, by a
    time less than a minute apart (feeds show minutes) and a compatible status or the same text.

Coverage
    :attr:`Snapshot.coverage` says what a reading carries; nothing is reported for a part one
    side does not carry.  Components are compared only when both readings list them; the overall
    state only when both carry components or the vendor's indicator; an impact only when both
    know it.  An incident present on one side only is judged by what the other side's list
    (:class:`~statuskit.Scope`) would have shown at that reading's time: an incident that leaves
    a list of open ones (``OPEN``) is resolved (``inferred=True``), and a maintenance that leaves
    it once its window has begun is completed (``inferred=True``); a maintenance that leaves a
    list of open or upcoming ones (``OPEN``, ``UPCOMING``) before its window began is cancelled
    (``inferred=True``); absence from a ``RECENT`` list or from a list of another scope says
    nothing.

Edits
    A title is compared only between two readings of one adapter that both give one; a group by
    its id when both rows give one, else by name, and a renamed group is not a move of its
    members; a maintenance window only by the bounds both readings give (see ``docs/diff.md``).

Times
    ``at`` is the vendor's time for the change when the reading gives one (an update's time, an
    incident's start or resolution, a component's or the page's ``updated_at`` when it moved
    forward), else the newer reading's time: :func:`reading_time`, i.e. ``read_at``, falling back
    to the page's ``updated_at``, then to the latest time found in the reading (and, for a
    reading with no time at all, the older reading's, then the Unix epoch).

The engine is pure and linear in the size of the readings; ``diff(a, a) == ()``.
"""

from __future__ import annotations

import functools

from ._incident_diff import FINGERPRINT_START_SLACK, UPDATE_SLACK, incidents
from ._incident_match import norm_title
from ._readings import Context, carries_state, moved, page_key, reading_time
from .events import (
    Change,
    ComponentAdded,
    ComponentMoved,
    ComponentRemoved,
    ComponentRenamed,
    ComponentStatusChanged,
    OverallStatusChanged,
    sort_key,
)
from .model import Component, Snapshot

__all__ = ["FINGERPRINT_START_SLACK", "UPDATE_SLACK", "diff", "page_key", "reading_time"]


def diff(old: Snapshot, new: Snapshot) -> tuple[Change, ...]:
    """The changes from *old* to *new* (two readings of one page), oldest first.

    Events are sorted by ``at``, then by a fixed order of kinds, the subject's id and the event
    id; ``diff(a, a) == ()`` and the same readings always give the same events and ids.  Never
    raises for valid snapshots.
    """
    ctx = Context(old, new)
    out: list[Change] = []
    if old.coverage.components and new.coverage.components:
        _components(old, new, ctx, out)
    incidents(old, new, ctx, out)
    if carries_state(old) and carries_state(new) and old.overall is not new.overall:
        out.append(
            OverallStatusChanged(
                at=moved(new.page.updated_at, old.page.updated_at) or ctx.fallback,
                page=ctx.page,
                old=old.overall,
                new=new.overall,
                description=new.description,
            )
        )
    out.sort(key=sort_key)
    return tuple(out)


# -- components ----------------------------------------------------------------------------


def _components(old: Snapshot, new: Snapshot, ctx: Context, out: list[Change]) -> None:
    olds, news = old.components, new.components
    groups = _Groups(old, new)
    if len(olds) == len(news):
        # the fast path: vendors keep their order, so rows pair up by position
        pairs = []
        for o, n in zip(olds, news, strict=True):
            if o is n or (
                o.status is n.status
                and o.name == n.name
                and o.id == n.id
                and o.group_id == n.group_id
                and o.group == n.group
            ):
                continue
            if o.id != n.id:
                break
            pairs.append((o, n))
        else:
            for o, n in pairs:
                _changed(o, n, ctx, groups, out)
            return
    before = {c.id: c for c in olds}
    after = {c.id: c for c in news}
    for cid, n in after.items():
        prior = before.get(cid)
        if prior is None:
            t_old = ctx.t_old
            at = n.updated_at if n.updated_at and (t_old is None or n.updated_at > t_old) else None
            out.append(
                ComponentAdded(
                    at=at or ctx.fallback,
                    page=ctx.page,
                    component_id=cid,
                    name=n.name,
                    group=n.group,
                    status=n.status,
                )
            )
        elif (
            prior.status is not n.status
            or prior.name != n.name
            or prior.group_id != n.group_id
            or prior.group != n.group
        ):
            _changed(prior, n, ctx, groups, out)
    for cid, o in before.items():
        if cid not in after:
            out.append(
                ComponentRemoved(
                    at=ctx.fallback,
                    page=ctx.page,
                    component_id=cid,
                    name=o.name,
                    group=o.group,
                    last_status=o.status,
                )
            )


def _changed(o: Component, n: Component, ctx: Context, groups: _Groups, out: list[Change]) -> None:
    """The events of one component (same id) whose name, group or state differs."""
    at = moved(n.updated_at, o.updated_at) or ctx.fallback
    if o.name != n.name:
        out.append(
            ComponentRenamed(
                at=at, page=ctx.page, component_id=n.id, name=n.name, group=n.group, old_name=o.name
            )
        )
    if groups.moved(o, n):
        out.append(
            ComponentMoved(
                at=at,
                page=ctx.page,
                component_id=n.id,
                name=n.name,
                group=n.group,
                group_id=n.group_id,
                old_group=o.group,
                old_group_id=o.group_id,
            )
        )
    if o.status is not n.status:
        out.append(
            ComponentStatusChanged(
                at=at,
                page=ctx.page,
                component_id=n.id,
                name=n.name,
                group=n.group,
                old=o.status,
                new=n.status,
            )
        )


class _Groups:
    """Whether a component (same id) moved to another group.

    Groups are told apart by their ids when both rows give one, else by their names (across
    adapters, case and spacing ignored, and only between two named groups: a format may show no
    grouping at all).  A group renamed is not a move of its members: with ids, the id stays;
    by names (or ids that are names), the member's old group is gone from the newer reading and
    its new one was not in the older one, so the group itself changed.
    """

    def __init__(self, old: Snapshot, new: Snapshot) -> None:
        self.old, self.new = old, new
        self.same_source = old.adapter == new.adapter

    def moved(self, o: Component, n: Component) -> bool:
        if o.group_id == n.group_id and o.group == n.group:
            return False
        by_id = o.group_id is not None and n.group_id is not None
        if by_id:
            a, b = o.group_id, n.group_id
        else:
            a, b = self._name(o.group), self._name(n.group)
            if not self.same_source and (a is None or b is None):
                return False
        if a == b:
            return False
        if a is not None and b is not None:
            before, after = self._ids if by_id else self._names
            if a not in after and b not in before:
                return False  # the group itself was renamed (or re-keyed)
        return True

    def _name(self, group: str | None) -> str | None:
        if group is None or self.same_source:
            return group
        return norm_title(group) or None

    @functools.cached_property
    def _ids(self) -> tuple[set[str], set[str]]:
        return self._keys(self.old, by_id=True), self._keys(self.new, by_id=True)

    @functools.cached_property
    def _names(self) -> tuple[set[str], set[str]]:
        return self._keys(self.old, by_id=False), self._keys(self.new, by_id=False)

    def _keys(self, snap: Snapshot, *, by_id: bool) -> set[str]:
        """The groups of a reading: those its rows sit in, and its group rows."""
        keys: set[str] = set()
        for c in snap.components:
            key = c.group_id if by_id else self._name(c.group)
            if key is not None:
                keys.add(key)
            if c.is_group:
                own = c.id if by_id else self._name(c.name)
                if own is not None:
                    keys.add(own)
        return keys

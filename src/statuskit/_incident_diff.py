"""The incident half of the diff engine: the events that take an incident from where it stood
to where it stands (matching incidents and updates is :mod:`statuskit._incident_match`).

Phases: an incident is NOT_YET (did not exist), SCHEDULED (a maintenance not begun), ACTIVE or
OVER.  A matched pair goes from its old phase to its new one, and says what was edited on the
way (title, window); an incident on one side only is judged by what the other side's list would
have shown (see :mod:`statuskit.diff`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import datetime
from typing import TypedDict

from ._incident_match import (
    FINGERPRINT_START_SLACK,
    UPDATE_SLACK,
    incident_code,
    match_fingerprints,
    new_updates,
)
from ._readings import Context, moved
from .events import (
    Change,
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
from .model import Incident, Scope, Snapshot
from .status import TERMINAL_STATUSES, Impact, IncidentKind, IncidentStatus

__all__ = [
    "CANCELLED_WORDS",
    "FINGERPRINT_START_SLACK",
    "UPDATE_SLACK",
    "incident_code",
    "incidents",
]

CANCELLED_WORDS = frozenset({"cancelled", "canceled"})
"""Vendor status words (``raw_status``, any case) that call planned work off.  Slack's API says
``cancelled`` (its adapter maps it to COMPLETED and keeps the word); no other platform statuskit
reads has such a status."""

_AT_WORK = frozenset(
    {
        IncidentStatus.IN_PROGRESS,
        IncidentStatus.VERIFYING,
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
    }
)
"""Statuses of a post that say the work (or the incident) was under way."""


class _Head(TypedDict):
    page: str | None
    incident_id: str
    title: str
    url: str | None
    incident_kind: IncidentKind


def _head(inc: Incident, ctx: Context, url: str | None = None) -> _Head:
    return {
        "page": ctx.page,
        "incident_id": inc.id,
        "title": inc.title,
        "url": inc.url or url,
        "incident_kind": inc.kind,
    }


def incidents(old: Snapshot, new: Snapshot, ctx: Context, out: list[Change]) -> None:
    before = {i.id: i for i in old.incidents}
    after = {i.id: i for i in new.incidents}
    pairs = [(before[k], n) for k, n in after.items() if k in before]
    gone = [o for k, o in before.items() if k not in after]
    fresh = [n for k, n in after.items() if k not in before]
    if gone and fresh and old.adapter != new.adapter:
        more, gone, fresh = match_fingerprints(gone, fresh)
        pairs.extend(more)
    for o, n in pairs:
        if o is not n:
            _matched(o, n, ctx, out)
    for n in fresh:
        _appeared(n, ctx, out)
    for o in gone:
        _vanished(o, ctx, out)


# -- incidents: phases ---------------------------------------------------------------------


class _Phase(enum.Enum):
    NOT_YET = 0
    SCHEDULED = 1
    ACTIVE = 2
    OVER = 3


def _phase(inc: Incident) -> _Phase | None:
    """Where the incident stands by its status; None when its status is unknown."""
    st = inc.status
    if st in TERMINAL_STATUSES:
        return _Phase.OVER
    if st is IncidentStatus.UNKNOWN:
        return None
    if st is IncidentStatus.SCHEDULED and inc.kind is IncidentKind.MAINTENANCE:
        return _Phase.SCHEDULED
    return _Phase.ACTIVE


def _first_seen(inc: Incident) -> datetime | None:
    times = [inc.created_at, inc.updates[0].created_at if inc.updates else None]
    if inc.kind is not IncidentKind.MAINTENANCE:
        times.append(inc.started_at)  # a maintenance's started_at is when the work began
    return min((t for t in times if t is not None), default=None)


def _phase_at(inc: Incident, when: datetime) -> _Phase | None:
    """Where the incident stood at *when*, from its times; None when they do not tell."""
    first = _first_seen(inc)
    if first is None:
        return None
    if first > when:
        return _Phase.NOT_YET
    if inc.resolved_at is not None and inc.resolved_at <= when:
        return _Phase.OVER
    if inc.kind is IncidentKind.MAINTENANCE and (inc.started_at is None or inc.started_at > when):
        return _Phase.SCHEDULED
    return _Phase.ACTIVE


def _last_activity(inc: Incident, until: datetime | None) -> datetime | None:
    times: Iterable[datetime | None] = (
        inc.created_at,
        inc.started_at,
        inc.updated_at,
        inc.resolved_at,
        *(u.created_at for u in inc.updates),
    )
    found = [t for t in times if t is not None and (until is None or t <= until)]
    return max(found, default=None)


def _window_start(ctx: Context, maintenance: bool) -> datetime | None:
    """The oldest activity in the older reading's list of that kind (for a RECENT list)."""
    if maintenance not in ctx.windows:
        times = (
            _last_activity(i, None)
            for i in ctx.old.incidents
            if (i.kind is IncidentKind.MAINTENANCE) is maintenance
        )
        ctx.windows[maintenance] = min((t for t in times if t is not None), default=None)
    return ctx.windows[maintenance]


def _scope(snap: Snapshot, inc: Incident) -> Scope:
    cov = snap.coverage
    return cov.maintenances if inc.kind is IncidentKind.MAINTENANCE else cov.incidents


def _listed(scope: Scope, phase: _Phase, inc: Incident, ctx: Context) -> bool:
    """Would the older reading's list (of *scope*) have shown *inc* in *phase*?"""
    if scope is Scope.OPEN:
        return phase in (_Phase.SCHEDULED, _Phase.ACTIVE)
    if scope is Scope.UPCOMING:
        return phase is _Phase.SCHEDULED
    if scope is Scope.ACTIVE:
        return phase is _Phase.ACTIVE
    if scope is Scope.RECENT:
        if phase is _Phase.NOT_YET:
            return False
        start = _window_start(ctx, inc.kind is IncidentKind.MAINTENANCE)
        seen = _last_activity(inc, ctx.t_old)
        return start is None or (seen is not None and seen >= start)
    return False


# -- incidents: events ---------------------------------------------------------------------


def _matched(o: Incident, n: Incident, ctx: Context, out: list[Change]) -> None:
    common = _head(n, ctx, o.url)
    same_source = ctx.old.adapter == ctx.new.adapter
    ups = new_updates(o.updates, n.updates, same_source=same_source)
    if ups:
        last = ups[-1].created_at
        out.append(IncidentUpdated(at=last or ctx.fallback, status=n.status, updates=ups, **common))
    # an edit's time: the incident's updated_at when it moved, else the newest new post
    edited = moved(n.updated_at, o.updated_at) or (ups[-1].created_at if ups else None)
    if n.impact is not o.impact and Impact.UNKNOWN not in (o.impact, n.impact):
        out.append(
            IncidentImpactChanged(at=edited or ctx.fallback, old=o.impact, new=n.impact, **common)
        )
    if same_source and o.title != n.title and _retitled(o.title, n.title):
        out.append(IncidentRetitled(at=edited or ctx.fallback, old_title=o.title, **common))
    before, after = _phase(o), _phase(n)
    if (
        n.kind is IncidentKind.MAINTENANCE
        and (o.scheduled_for != n.scheduled_for or o.scheduled_until != n.scheduled_until)
        and after in (_Phase.SCHEDULED, _Phase.ACTIVE)
        and _window_moved(o, n, same_source)
    ):
        out.append(
            MaintenanceRescheduled(
                at=edited or ctx.fallback,
                old_scheduled_for=o.scheduled_for,
                old_scheduled_until=o.scheduled_until,
                scheduled_for=n.scheduled_for,
                scheduled_until=n.scheduled_until,
                **common,
            )
        )
    if before is not None and after is not None:
        _transitions(before, after, n, ctx, out, inferred=False)


def _retitled(old: str, new: str) -> bool:
    """Both readings give a title (blank is none) and they differ beyond spacing."""
    a, b = " ".join(old.split()), " ".join(new.split())
    return bool(a) and bool(b) and a != b


def _window_moved(o: Incident, n: Incident, same_source: bool) -> bool:
    """A bound of the window both readings give differs (across adapters, by a minute or more:
    one format may show minutes only)."""
    bounds = ((o.scheduled_for, n.scheduled_for), (o.scheduled_until, n.scheduled_until))
    for a, b in bounds:
        if (
            a is not None
            and b is not None
            and a != b
            and (same_source or abs(a - b) >= UPDATE_SLACK)
        ):
            return True
    return False


def _appeared(n: Incident, ctx: Context, out: list[Change]) -> None:
    scope = _scope(ctx.old, n)
    now = _phase(n)
    if scope is Scope.NONE or now is None:
        return  # the older reading says nothing about such incidents
    t_old = ctx.t_old
    then = None if t_old is None else _phase_at(n, t_old)
    if then is None:
        if _listed(scope, now, n, ctx):
            _transitions(_Phase.NOT_YET, now, n, ctx, out, inferred=False)
    elif then is _Phase.NOT_YET or _listed(scope, then, n, ctx):
        # it did not exist yet, or the older list should have shown it: it is new
        _transitions(_Phase.NOT_YET, now, n, ctx, out, inferred=False)
    else:
        # the older list could not show it then: report only what happened since
        _transitions(then, now, n, ctx, out, inferred=False)


def _vanished(o: Incident, ctx: Context, out: list[Change]) -> None:
    scope = _scope(ctx.new, o)
    was = _phase(o)
    if was is None:
        return
    if was is _Phase.SCHEDULED and scope in (Scope.OPEN, Scope.UPCOMING):
        window = o.scheduled_for
        if window is not None and window > ctx.fallback:
            # it left a list of upcoming maintenances before its window began: called off (not
            # started: a list of open ones would still show it; an upcoming-only list shows no
            # maintenance that started early, which is the one case this cannot tell apart)
            if ctx.t_new is not None:
                _cancelled(o, ctx, out, inferred=True)
            return
        if scope is Scope.UPCOMING:
            return  # its window began: it may have started, which an upcoming list never shows
    if was is _Phase.OVER:
        return
    if scope is Scope.OPEN or (scope is Scope.ACTIVE and was is _Phase.ACTIVE):
        _transitions(was, _Phase.OVER, o, ctx, out, inferred=True)


def _reopened_at(inc: Incident) -> datetime | None:
    at = None
    closed = False
    for u in inc.updates:
        if u.status is IncidentStatus.UNKNOWN:
            continue
        terminal = u.status in TERMINAL_STATUSES
        if closed and not terminal:
            at = u.created_at
        closed = terminal
    return at


def _transitions(
    a: _Phase, b: _Phase, inc: Incident, ctx: Context, out: list[Change], *, inferred: bool
) -> None:
    """The events that take *inc* from phase *a* to phase *b* (nothing when a == b)."""
    if a is b:
        return
    common = _head(inc, ctx)
    if a is _Phase.OVER:  # over, then updated again as not over
        at = _reopened_at(inc) or inc.updated_at or ctx.fallback
        out.append(IncidentReopened(at=at, status=inc.status, **common))
        return
    maintenance = inc.kind is IncidentKind.MAINTENANCE
    first = inc.updates[0].created_at if inc.updates else None
    if a is _Phase.NOT_YET and maintenance:
        out.append(
            MaintenanceScheduled(
                at=inc.created_at or first or ctx.fallback,
                scheduled_for=inc.scheduled_for,
                scheduled_until=inc.scheduled_until,
                components=inc.components,
                updates=inc.updates,
                **common,
            )
        )
    elif a is _Phase.NOT_YET:
        out.append(
            IncidentOpened(
                at=inc.started_at or inc.created_at or first or ctx.fallback,
                status=inc.status,
                impact=inc.impact,
                components=inc.components,
                updates=inc.updates,
                **common,
            )
        )
    called_off = b is _Phase.OVER and _is_cancelled(inc)
    began = b is _Phase.ACTIVE or (b is _Phase.OVER and inc.started_at is not None)
    if called_off:  # its start is the window's only if a post says the work began
        began = began and any(u.status in _AT_WORK for u in inc.updates)
    if maintenance and a is not _Phase.ACTIVE and began:
        out.append(
            MaintenanceStarted(
                at=inc.started_at or ctx.fallback, scheduled_until=inc.scheduled_until, **common
            )
        )
    if b is not _Phase.OVER:
        return
    if called_off:
        _cancelled(inc, ctx, out, inferred=False)
        return
    at = (None if inferred else inc.resolved_at) or ctx.fallback
    if maintenance:
        out.append(
            MaintenanceCompleted(at=at, inferred=inferred, started_at=inc.started_at, **common)
        )
    else:
        out.append(IncidentResolved(at=at, inferred=inferred, started_at=inc.started_at, **common))


def _is_cancelled(inc: Incident) -> bool:
    """The vendor says the incident (planned work) is over because it was called off."""
    raw = inc.raw_status
    return (
        raw is not None
        and inc.status in TERMINAL_STATUSES
        and raw.strip().casefold() in CANCELLED_WORDS
    )


def _cancelled(inc: Incident, ctx: Context, out: list[Change], *, inferred: bool) -> None:
    out.append(
        MaintenanceCancelled(
            at=(None if inferred else inc.resolved_at) or ctx.fallback,
            inferred=inferred,
            scheduled_for=inc.scheduled_for,
            scheduled_until=inc.scheduled_until,
            **_head(inc, ctx),
        )
    )

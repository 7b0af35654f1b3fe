"""The incident half of the diff engine: matching incidents and updates across two readings,
and the events that take an incident from where it stood to where it stands.

Phases: an incident is NOT_YET (did not exist), SCHEDULED (a maintenance not begun), ACTIVE or
OVER.  A matched pair goes from its old phase to its new one; an incident on one side only is
judged by what the other side's list would have shown (see :mod:`statuskit.diff`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TypedDict

from ._readings import Context, moved
from .events import (
    Change,
    IncidentImpactChanged,
    IncidentOpened,
    IncidentReopened,
    IncidentResolved,
    IncidentUpdated,
    MaintenanceCompleted,
    MaintenanceScheduled,
    MaintenanceStarted,
)
from .model import Incident, Scope, Snapshot, Update
from .status import TERMINAL_STATUSES, Impact, IncidentKind, IncidentStatus

__all__ = ["FINGERPRINT_START_SLACK", "UPDATE_SLACK", "incident_code", "incidents"]

FINGERPRINT_START_SLACK = timedelta(minutes=10)
"""How far apart two starts may be for a title match across adapters."""
UPDATE_SLACK = timedelta(seconds=60)
"""Feeds show an update's time to the minute: closer than this is the same moment."""


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
        more, gone, fresh = _match_fingerprints(gone, fresh)
        pairs.extend(more)
    for o, n in pairs:
        if o is not n:
            _matched(o, n, ctx, out)
    for n in fresh:
        _appeared(n, ctx, out)
    for o in gone:
        _vanished(o, ctx, out)


def incident_code(inc: Incident) -> str | None:
    """The code in the incident's link (``.../incidents/<code>``), or None."""
    url = inc.url
    if not url:
        return None
    marker = url.find("/incidents/")
    if marker < 0:
        return None
    code = url[marker + len("/incidents/") :].split("?", 1)[0].split("#", 1)[0].strip("/")
    return code or None


def _norm_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _match_fingerprints(
    gone: list[Incident], fresh: list[Incident]
) -> tuple[list[tuple[Incident, Incident]], list[Incident], list[Incident]]:
    """Pair incidents whose ids differ across adapters: code in the link, then title + start."""
    pairs: list[tuple[Incident, Incident]] = []
    left = list(gone)
    unmatched: list[Incident] = []
    for n in fresh:
        keys = {n.id, incident_code(n)} - {None}
        hit = next((o for o in left if keys & ({o.id, incident_code(o)} - {None})), None)
        if hit is None:
            hit = _by_title(n, left)
        if hit is None:
            unmatched.append(n)
        else:
            left.remove(hit)
            pairs.append((hit, n))
    return pairs, left, unmatched


def _by_title(n: Incident, candidates: Sequence[Incident]) -> Incident | None:
    title = _norm_title(n.title)
    best: tuple[timedelta, Incident] | None = None
    for o in candidates:
        if n.started_at is None or o.started_at is None or _norm_title(o.title) != title:
            continue
        gap = abs(n.started_at - o.started_at)
        if gap <= FINGERPRINT_START_SLACK and (best is None or gap < best[0]):
            best = (gap, o)
    return None if best is None else best[1]


def _new_updates(
    old: Sequence[Update], new: Sequence[Update], *, same_source: bool
) -> tuple[Update, ...]:
    """Updates of *new* that *old* does not have: by id; else (and always across adapters,
    whose ids need not agree) by a time less than :data:`UPDATE_SLACK` apart and a compatible
    status or the same text."""
    if not new:
        return ()
    ids = {u.id for u in old if u.id}
    if same_source and all(u.id for u in old) and all(u.id for u in new):
        return tuple(u for u in new if u.id not in ids)
    named = {u.id for u in new if u.id}
    spare = [u for u in old if not (u.id and u.id in named)]
    fresh: list[Update] = []
    for u in new:
        if u.id and u.id in ids:
            continue
        hit = _same_update(u, spare, same_source)
        if hit is None:
            fresh.append(u)
        else:
            spare.remove(hit)
    return tuple(fresh)


def _same_update(u: Update, spare: list[Update], same_source: bool) -> Update | None:
    body = " ".join(u.body.split())
    for o in spare:
        if same_source and u.id and o.id:
            continue  # both named by one adapter, differently: two updates
        if u.created_at is None or o.created_at is None:
            if u.created_at is o.created_at and " ".join(o.body.split()) == body:
                return o
            continue
        if abs(u.created_at - o.created_at) >= UPDATE_SLACK:
            continue
        unknown = IncidentStatus.UNKNOWN
        if o.status is u.status or unknown in (o.status, u.status):
            return o
        if body and " ".join(o.body.split()) == body:
            return o
    return None


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
    ups = _new_updates(o.updates, n.updates, same_source=ctx.old.adapter == ctx.new.adapter)
    if ups:
        last = ups[-1].created_at
        out.append(IncidentUpdated(at=last or ctx.fallback, status=n.status, updates=ups, **common))
    if n.impact is not o.impact and Impact.UNKNOWN not in (o.impact, n.impact):
        at = moved(n.updated_at, o.updated_at)
        if at is None and ups:
            at = ups[-1].created_at
        out.append(
            IncidentImpactChanged(at=at or ctx.fallback, old=o.impact, new=n.impact, **common)
        )
    before, after = _phase(o), _phase(n)
    if before is not None and after is not None:
        _transitions(before, after, n, ctx, out, inferred=False)


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
    if scope is Scope.OPEN and was in (_Phase.SCHEDULED, _Phase.ACTIVE):
        window = o.scheduled_for
        if was is _Phase.SCHEDULED and window is not None and window > ctx.fallback:
            return  # left before its window began: withdrawn, not done
        _transitions(was, _Phase.OVER, o, ctx, out, inferred=True)
    elif scope is Scope.ACTIVE and was is _Phase.ACTIVE:
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
    began = b is _Phase.ACTIVE or (b is _Phase.OVER and inc.started_at is not None)
    if maintenance and a is not _Phase.ACTIVE and began:
        out.append(
            MaintenanceStarted(
                at=inc.started_at or ctx.fallback, scheduled_until=inc.scheduled_until, **common
            )
        )
    if b is not _Phase.OVER:
        return
    at = (None if inferred else inc.resolved_at) or ctx.fallback
    if maintenance:
        out.append(
            MaintenanceCompleted(at=at, inferred=inferred, started_at=inc.started_at, **common)
        )
    else:
        out.append(IncidentResolved(at=at, inferred=inferred, started_at=inc.started_at, **common))

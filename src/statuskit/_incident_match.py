"""Matching for the incident diff: which incident of the newer reading is which of the older,
and which of its updates are new.

Incidents match by the vendor's id; across adapters, those left over by a fingerprint (the code
in the link, then title and start).  Updates match by id within one adapter, else by time and
status or text (see :mod:`statuskit.diff`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from .model import Incident, Update
from .status import IncidentStatus

__all__ = [
    "FINGERPRINT_START_SLACK",
    "UPDATE_SLACK",
    "incident_code",
    "match_fingerprints",
    "new_updates",
    "norm_title",
]

FINGERPRINT_START_SLACK = timedelta(minutes=10)
"""How far apart two starts may be for a title match across adapters."""
UPDATE_SLACK = timedelta(seconds=60)
"""Feeds show an update's time to the minute: closer than this is the same moment."""


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


def norm_title(title: str) -> str:
    return " ".join(title.casefold().split())


def match_fingerprints(
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
    title = norm_title(n.title)
    best: tuple[timedelta, Incident] | None = None
    for o in candidates:
        if n.started_at is None or o.started_at is None or norm_title(o.title) != title:
            continue
        gap = abs(n.started_at - o.started_at)
        if gap <= FINGERPRINT_START_SLACK and (best is None or gap < best[0]):
            best = (gap, o)
    return None if best is None else best[1]


def new_updates(
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

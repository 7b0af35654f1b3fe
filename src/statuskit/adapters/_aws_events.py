"""Reading AWS Health Dashboard events (``currentevents``), and what both AWS shapes share.

* ``health.aws.amazon.com/public/currentevents`` (served as UTF-16 with a byte order mark): a list
  of events, each with ``arn`` (``arn:aws:health:<region>::event/...``), ``region_name``,
  ``service`` (``ec2-us-east-1``), ``service_name``, ``summary``, ``date`` (epoch seconds, as a
  string), ``status`` (a *string* "0" to "3"), an ``event_log`` of posts (``status`` an *int*,
  ``timestamp`` epoch seconds), ``impacted_services`` (service key -> current and max status) and
  ``impacted_service_status_changes`` (timestamps in epoch *milliseconds*).
* the legacy ``status.aws.amazon.com/data.json``: ``{"archive": [...], "current": [...]}``, each
  event with ``service``, ``service_name`` ("Amazon Elastic Compute Cloud (Ohio)"), ``summary``
  ("[RESOLVED] ..."), ``date`` (epoch seconds, as a string), ``status`` and its posts as HTML in
  ``description``: ``<div><span class="yellowfg">12:53 PM PDT</span>&nbsp;text</div>``, times of
  day without a date (read by :mod:`statuskit.adapters._aws_legacy`).

AWS rates events 0 (operating normally), 1 (informational), 2 (degraded performance) and 3
(service disruption).  An event that never went past 1 is a NOTICE.  AWS has no incident life
cycle: a post of an open event is INVESTIGATING, the post that closes it RESOLVED.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from .._dates import from_epoch
from .._text import clean
from ..limits import ParseContext
from ..model import ComponentChange, ComponentRef, Incident, Update
from ..regions import Location
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._json import as_dict, as_list, as_str, lookup, omit

__all__ = [
    "AWS_PAGE",
    "EVENT_IMPACT",
    "SERVICE_STATE",
    "build_event",
    "event_locations",
    "read_current_event",
    "region_of",
    "status_code",
    "text_or_none",
]

AWS_PAGE = "https://health.aws.amazon.com/health/status"

SERVICE_STATE: dict[str, ComponentStatus] = {
    "0": ComponentStatus.OPERATIONAL,
    "1": ComponentStatus.OPERATIONAL,  # informational: the service works, AWS has a note
    "2": ComponentStatus.DEGRADED_PERFORMANCE,
    "3": ComponentStatus.PARTIAL_OUTAGE,
}
"""AWS's status codes as a service's state."""

EVENT_IMPACT: dict[str, Impact] = {
    "0": Impact.NONE,
    "1": Impact.NONE,
    "2": Impact.MINOR,
    "3": Impact.MAJOR,
}
"""AWS's status codes as an event's impact (the worst the event reached)."""

_REGION = re.compile(r"^(?:[a-z]{2}|us-gov|us-iso|us-isob|eusc)-[a-z]+-\d{1,2}$")
_SUFFIX = re.compile(r"-((?:[a-z]{2}|us-gov|us-iso|us-isob|eusc)-[a-z]+-\d{1,2})$")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")


def status_code(value: object) -> str | None:
    """AWS's status code as a string ("3"), from a string or an int."""
    if type(value) is str and len(value) == 1:  # the common case: "0" to "3"
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _worst_code(codes: list[str | None]) -> str | None:
    known = [c for c in codes if c in EVENT_IMPACT]
    return max(known, key=int) if known else None


def region_of(service: str | None, arn: str | None) -> str | None:
    """The region code of an event: from its ARN, else from its service key's suffix."""
    if arn and arn.startswith("arn:"):
        parts = arn.split(":")
        if len(parts) > 3 and _REGION.match(parts[3]):
            return parts[3]
    if service:
        m = _SUFFIX.search(service)
        if m:
            return m.group(1)
    return None


def event_locations(inc: Incident) -> tuple[Location, ...]:
    """Where an AWS event is: its region (from the ARN, else the service key), or global for
    services without one (CloudFront, Route 53, IAM...)."""
    raw = inc.raw
    region = region_of(text_or_none(raw.get("service")), text_or_none(raw.get("arn")))
    if region is None:
        return (Location("global", "Global", is_global=True),)
    name = text_or_none(raw.get("region_name"))
    if name is None:  # legacy data.json: "Amazon Elastic Compute Cloud (Ohio)"
        m = _PAREN.search(text_or_none(raw.get("service_name")) or "")
        name = m.group(1) if m else None
    return (Location(region, name),)


# -- currentevents --------------------------------------------------------------------------


def read_current_event(item: Mapping[str, Any], ctx: ParseContext, path: str) -> Incident | None:
    """One event of ``currentevents``."""
    service = as_str(item.get("service"), ctx, f"{path}.service")
    arn = as_str(item.get("arn"), ctx, f"{path}.arn")
    start = from_epoch(item.get("date"), ctx, f"{path}.date")
    iid = arn or (f"{service}:{item.get('date')}" if service else None)
    if not iid:
        ctx.warn("event without arn or service: skipped", path)
        return None
    top = status_code(item.get("status"))
    updates: list[Update] = []
    codes = [top]
    for j, entry in enumerate(as_list(item.get("event_log"), ctx, f"{path}.event_log")):
        upd = _log_entry(entry, ctx, f"{path}.event_log[{j}]")
        if upd is not None:
            updates.append(upd)
            codes.append(upd.raw_status)
    updates = _attach_changes(updates, item.get("impacted_service_status_changes"), ctx, path)
    resolved = top == "0"
    updates = _close(updates, resolved)
    refs = [
        ComponentRef(
            service,
            as_str(item.get("service_name"), ctx, f"{path}.service_name"),
            SERVICE_STATE.get(top or ""),
            top,
        )
    ]
    impacted = as_dict(item.get("impacted_services"), ctx, f"{path}.impacted_services") or {}
    for key, svc in impacted.items():
        if isinstance(svc, dict) and key != service:
            cur = status_code(svc.get("current"))
            refs.append(
                ComponentRef(
                    key, text_or_none(svc.get("service_name")), SERVICE_STATE.get(cur or ""), cur
                )
            )
    return build_event(
        iid,
        title=as_str(item.get("summary"), ctx, f"{path}.summary") or "",
        top=top,
        codes=codes,
        resolved=resolved,
        start=start,
        updates=updates,
        refs=refs,
        ctx=ctx,
        path=path,
        raw=omit(item, "event_log", "impacted_services"),
    )


_UNTIDY = re.compile(r"[\x00-\x1f\x7f\u00a0]| {2}")


def _tidy(text: str) -> str:
    """*text* cleaned (see :func:`statuskit._text.clean`); plain one-line text as it is."""
    return clean(text) if _UNTIDY.search(text) else text.strip()


def text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _log_entry(entry: object, ctx: ParseContext, path: str) -> Update | None:
    if not isinstance(entry, dict):
        ctx.warn("expected an event log object", path, entry)
        return None
    code = status_code(entry.get("status"))
    if code not in SERVICE_STATE:
        lookup(SERVICE_STATE, code, ComponentStatus.UNKNOWN, ctx, f"{path}.status", "status code")
        status = IncidentStatus.UNKNOWN
    else:
        status = IncidentStatus.RESOLVED if code == "0" else IncidentStatus.INVESTIGATING
    message = as_str(entry.get("message"), ctx, f"{path}.message") or ""
    return Update(
        id=None,
        status=status,
        raw_status=code,
        body=ctx.text(_tidy(message), f"{path}.message"),
        created_at=from_epoch(entry.get("timestamp"), ctx, f"{path}.timestamp"),
        raw=omit(entry, "message"),
    )


def _attach_changes(
    updates: list[Update], value: object, ctx: ParseContext, path: str
) -> list[Update]:
    """Put each service status change on the post made the same second.  A change no post was
    made with stays in the event's ``raw`` only: moving it to another post would misdate it."""
    seconds = {int(u.created_at.timestamp()) for u in updates if u.created_at is not None}
    by_second: dict[int, list[ComponentChange]] = {}
    for k, ch in enumerate(as_list(value, ctx, f"{path}.impacted_service_status_changes")):
        cpath = f"{path}.impacted_service_status_changes[{k}]"
        if not isinstance(ch, dict):
            ctx.warn("expected a status change object", cpath, ch)
            continue
        stamp = ch.get("timestamp")
        if type(stamp) is int:  # the common case, without building a datetime
            second = stamp // 1000
        else:
            at = from_epoch(stamp, ctx, f"{cpath}.timestamp", unit="ms")
            if at is None:
                continue
            second = int(at.timestamp())
        if second not in seconds:
            continue
        old, new = status_code(ch.get("previous_status")), status_code(ch.get("current_status"))
        if new is None:
            continue
        new_state = SERVICE_STATE.get(new)
        if new_state is None:
            new_state, _ = lookup(
                SERVICE_STATE,
                new,
                ComponentStatus.UNKNOWN,
                ctx,
                f"{cpath}.current_status",
                "status code",
            )
        change = ComponentChange(
            text_or_none(ch.get("service")),
            text_or_none(ch.get("service_name")),
            SERVICE_STATE.get(old or ""),
            new_state,
            raw_old=old,
            raw_new=new,
        )
        by_second.setdefault(second, []).append(change)
    if not by_second:
        return updates
    out = []
    for u in updates:
        found = by_second.get(int(u.created_at.timestamp())) if u.created_at else None
        out.append(
            attrs.evolve(u, component_changes=(*u.component_changes, *found)) if found else u
        )
    return out


def _close(updates: list[Update], resolved: bool) -> list[Update]:
    """The last post of a closed event is the one that closed it, whatever code it carries."""
    if not resolved or not updates:
        return updates
    timed = [i for i, u in enumerate(updates) if u.created_at is not None]
    last = max(timed, key=lambda i: updates[i].created_at) if timed else len(updates) - 1  # type: ignore[arg-type,return-value]
    if updates[last].status is IncidentStatus.RESOLVED:
        return updates
    out = list(updates)
    out[last] = attrs.evolve(out[last], status=IncidentStatus.RESOLVED)
    return out


def build_event(
    iid: str,
    *,
    title: str,
    top: str | None,
    codes: list[str | None],
    resolved: bool,
    start: datetime | None,
    updates: list[Update],
    refs: list[ComponentRef],
    ctx: ParseContext,
    path: str,
    raw: dict[str, Any],
) -> Incident:
    if top is not None and top not in SERVICE_STATE:
        ctx.warn(f"unknown status code {top!r}", f"{path}.status")
    worst = _worst_code(codes)
    impact = EVENT_IMPACT.get(worst or "", Impact.UNKNOWN)
    kind = IncidentKind.NOTICE if worst in ("0", "1") else IncidentKind.INCIDENT
    return Incident.build(
        id=iid,
        title=title,
        kind=kind,
        status=IncidentStatus.RESOLVED if resolved else IncidentStatus.INVESTIGATING,
        raw_status=top,
        impact=impact,
        raw_impact=worst,
        created_at=start,
        started_at=start,
        updated_at=max((u.created_at for u in updates if u.created_at), default=start),
        url=AWS_PAGE,
        updates=updates,
        components=refs,
        raw=raw,
    )

"""Reading Statuspage v2 incidents and scheduled maintenances, with their updates (see
:mod:`statuskit.adapters._spjson`).  The common case (fields of the expected types, known words,
ISO dates in UTC) builds no paths: they are spelled out only for a warning."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from .._dates import parse_datetime
from .._text import safe_url
from ..limits import ParseContext
from ..model import Incident, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._fastbuild import new_change, new_ref, new_update
from ._json import as_list, as_str, lookup, lookup_at, omit
from ._spwords import COMPONENT_STATUS, IMPACT, INCIDENT_STATUS, MAINTENANCE_STATUSES

__all__ = ["read_incident"]

UTC = timezone.utc
_fromiso = datetime.fromisoformat


def read_incident(
    item: object, ctx: ParseContext, path: str, page_url: str | None, *, maintenance: bool
) -> Incident | None:
    if not isinstance(item, dict):
        ctx.warn(f"expected an incident object, got {type(item).__name__}", path, item)
        return None
    # the common case (fields of the expected types, known words) builds no paths
    iid, title = item.get("id"), item.get("name")
    if type(iid) is not str:
        iid = as_str(iid, ctx, f"{path}.id")
    if type(title) is not str:
        title = as_str(title, ctx, f"{path}.name")
    title = title or ""
    if not iid:  # absent, or "": nothing to key the incident by
        ctx.warn("incident without id: skipped", f"{path}.id", title)
        return None
    status, raw_status = lookup_at(
        INCIDENT_STATUS,
        item.get("status"),
        IncidentStatus.UNKNOWN,
        ctx,
        path,
        "status",
        "incident status",
    )
    impact, raw_impact = Impact.UNKNOWN, item.get("impact")
    found = IMPACT.get(raw_impact) if type(raw_impact) is str else None
    if found is not None:
        impact = found
    elif "impact" in item:
        impact, raw_impact = lookup(
            IMPACT, raw_impact, Impact.UNKNOWN, ctx, f"{path}.impact", "impact"
        )
    if "impact" not in item:
        # older Statuspage payloads and some exports omit impact; say so rather than guess
        ctx.warn("incident without impact", f"{path}.impact")
    scheduled_for = _date(item, "scheduled_for", ctx, path)
    if (
        maintenance
        or impact is Impact.MAINTENANCE
        or scheduled_for is not None
        or status in MAINTENANCE_STATUSES
    ):
        kind = IncidentKind.MAINTENANCE
    else:
        kind = IncidentKind.INCIDENT
    updates = []
    for j, u in enumerate(as_list(item.get("incident_updates"), ctx, f"{path}.incident_updates")):
        upd = _update(u, ctx, f"{path}.incident_updates[{j}]")
        if upd is not None:
            updates.append(upd)
    refs = []
    for j, c in enumerate(as_list(item.get("components"), ctx, f"{path}.components")):
        if isinstance(c, dict):
            refs.append(
                new_ref(
                    as_str(c.get("id"), ctx, f"{path}.components[{j}].id"),
                    as_str(c.get("name"), ctx, f"{path}.components[{j}].name"),
                    None,
                    None,
                )
            )
        else:
            ctx.warn("expected a component object", f"{path}.components[{j}]", c)
    url = safe_url(f"{page_url.rstrip('/')}/incidents/{iid}") if page_url else None
    if url is None:
        url = safe_url(item.get("shortlink"))
    return Incident.build(
        id=iid,
        title=title,
        kind=kind,
        status=status,
        raw_status=raw_status,
        impact=impact,
        raw_impact=raw_impact,
        created_at=_date(item, "created_at", ctx, path),
        started_at=_date(item, "started_at", ctx, path),
        resolved_at=_date(item, "resolved_at", ctx, path),
        updated_at=_date(item, "updated_at", ctx, path),
        scheduled_for=scheduled_for,
        scheduled_until=_date(item, "scheduled_until", ctx, path),
        url=url,
        updates=reversed(updates),  # the API lists newest first
        components=refs,
        raw=omit(item, "incident_updates", "components"),
    )


def _update(item: object, ctx: ParseContext, path: str) -> Update | None:
    if not isinstance(item, dict):
        ctx.warn(f"expected an update object, got {type(item).__name__}", path, item)
        return None
    status, raw_status = lookup_at(
        INCIDENT_STATUS,
        item.get("status"),
        IncidentStatus.UNKNOWN,
        ctx,
        path,
        "status",
        "incident status",
    )
    # display_at is the time the page shows (it can be set back); created_at the posting time
    when = _date(item, "display_at", ctx, path) or _date(item, "created_at", ctx, path)
    changes = []
    for k, ac in enumerate(
        as_list(item.get("affected_components"), ctx, f"{path}.affected_components")
    ):
        cpath = f"{path}.affected_components[{k}]"
        if not isinstance(ac, dict):
            ctx.warn("expected an affected component object", cpath, ac)
            continue
        raw_old = ac.get("old_status")
        old = None
        if raw_old is not None:
            old, raw_old = lookup(
                COMPONENT_STATUS,
                raw_old,
                ComponentStatus.UNKNOWN,
                ctx,
                f"{cpath}.old_status",
                "component status",
            )
        new, raw_new = lookup(
            COMPONENT_STATUS,
            ac.get("new_status"),
            ComponentStatus.UNKNOWN,
            ctx,
            f"{cpath}.new_status",
            "component status",
        )
        if raw_new is None:
            continue  # Statuspage lists some components with both states null: kept in raw
        changes.append(
            new_change(
                as_str(ac.get("code"), ctx, f"{cpath}.code"),
                as_str(ac.get("name"), ctx, f"{cpath}.name"),
                old,
                new,
                raw_old,
                raw_new,
            )
        )
    body = item.get("body")
    if type(body) is not str:
        body = as_str(body, ctx, f"{path}.body") or ""
    uid = item.get("id")
    if type(uid) is not str:
        uid = as_str(uid, ctx, f"{path}.id")
    if len(body) > ctx.limits.max_text:
        body = ctx.text(body, f"{path}.body")
    # every field, in field order (hundreds of updates on an incidents.json)
    return new_update(uid, status, raw_status, body, None, when, tuple(changes), omit(item, "body"))


def _date(obj: Mapping[str, Any], key: str, ctx: ParseContext, path: str) -> datetime | None:
    """``date(obj, key, ctx, path)``; the usual "2026-07-29T17:04:41.000Z" without building
    the path or calling through (Python >= 3.11)."""
    value = obj.get(key)
    if value is None:
        return None
    if type(value) is str and len(value) <= 32:
        try:
            found = _fromiso(value)
        except ValueError:
            pass
        else:
            if found.tzinfo is UTC:
                return found
    return parse_datetime(value, ctx, f"{path}.{key}")

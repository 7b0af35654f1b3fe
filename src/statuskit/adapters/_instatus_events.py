"""Instatus incidents and maintenances: summary entries and full notices with their updates.
See :mod:`._instatus` for the vocabularies."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from .._text import html_to_text, safe_url
from ..limits import ParseContext
from ..model import ComponentRef, Incident, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._instatus import (
    COMPONENT_STATUS,
    IMPACT,
    INCIDENT_STATUS,
    MAINTENANCE_WORDS,
    instatus_date,
    name_of,
)
from ._json import as_int, as_list, as_str, lookup, omit

__all__ = ["event", "summary_events"]


def _minutes(value: object, ctx: ParseContext, path: str) -> timedelta | None:
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 10:
        value = int(value.strip())
    number = as_int(value, ctx, path)
    if number is None:
        return None
    if not 0 <= number <= 10 * 366 * 24 * 60:
        ctx.warn("maintenance duration out of range", path, value)
        return None
    return timedelta(minutes=number)


def _fallback_id(item: Mapping[str, Any], url: str | None) -> str:
    if url:
        tail = url.rstrip("/").rsplit("/", 1)[-1]
        if tail and len(tail) <= 64:
            return tail
    key = f"{item.get('name')}|{item.get('started') or item.get('start')}"
    return "instatus:" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:16]


def _updates(item: Mapping[str, Any], ctx: ParseContext, path: str) -> list[Update]:
    out = []
    for j, u in enumerate(as_list(item.get("updates"), ctx, f"{path}.updates")):
        where = f"{path}.updates[{j}]"
        if not isinstance(u, dict):
            ctx.warn(f"expected an update object, got {type(u).__name__}", where, u)
            continue
        status, raw_status = lookup(
            INCIDENT_STATUS,
            u.get("status"),
            IncidentStatus.UNKNOWN,
            ctx,
            f"{where}.status",
            "update status",
        )
        html = as_str(u.get("messageHtml"), ctx, f"{where}.messageHtml")
        text = as_str(u.get("message"), ctx, f"{where}.message")
        body = html_to_text(html) if html else (text or "")
        # "started" is the time the page displays for the post; createdAt when it was typed
        when = u.get("started") or u.get("createdAt")
        out.append(
            Update(
                id=as_str(u.get("id"), ctx, f"{where}.id"),
                status=status,
                raw_status=raw_status,
                body=ctx.text(body, f"{where}.message"),
                body_html=ctx.text(html, f"{where}.messageHtml") if html else None,
                created_at=instatus_date(when, ctx, f"{where}.started"),
                raw=u,
            )
        )
    return out


def _refs(item: Mapping[str, Any], ctx: ParseContext, path: str) -> list[ComponentRef]:
    refs = []
    for j, c in enumerate(as_list(item.get("components"), ctx, f"{path}.components")):
        if not isinstance(c, dict):
            continue
        where = f"{path}.components[{j}]"
        raw_status = c.get("status")
        status = None
        if raw_status is not None:
            status, raw_status = lookup(
                COMPONENT_STATUS,
                raw_status,
                ComponentStatus.UNKNOWN,
                ctx,
                f"{where}.status",
                "component status",
            )
        refs.append(
            ComponentRef(
                id=as_str(c.get("id"), ctx, f"{where}.id"),
                name=name_of(c, ctx, where) or None,
                status=status,
                raw_status=raw_status if isinstance(raw_status, str) else None,
            )
        )
    return refs


def event(
    item: object, ctx: ParseContext, path: str, *, maintenance: bool | None, base: str | None
) -> Incident | None:
    """One incident or maintenance record (summary entry, or a full notice with updates).

    *maintenance* None means "tell from the record": a ``type`` of MAINTENANCE, a maintenance
    status word, or a ``start`` / ``duration`` field.
    """
    if not isinstance(item, dict):
        ctx.warn(f"expected an incident object, got {type(item).__name__}", path, item)
        return None
    url = safe_url(item.get("url"), base)
    iid = as_str(item.get("id"), ctx, f"{path}.id") or _fallback_id(item, url)
    title = name_of(item, ctx, path)
    raw_status = item.get("status")
    if maintenance is None:
        kind_word = item.get("type")
        maintenance = (
            (isinstance(kind_word, str) and kind_word.upper() == "MAINTENANCE")
            or (isinstance(raw_status, str) and raw_status.upper() in MAINTENANCE_WORDS)
            or "duration" in item
            or "start" in item
        )
    status, raw_status = lookup(
        INCIDENT_STATUS,
        raw_status,
        IncidentStatus.UNKNOWN,
        ctx,
        f"{path}.status",
        "maintenance status" if maintenance else "incident status",
    )
    impact, raw_impact = Impact.UNKNOWN, None
    if maintenance:
        impact = Impact.MAINTENANCE
    if item.get("impact") is not None:
        impact, raw_impact = lookup(
            IMPACT, item.get("impact"), Impact.UNKNOWN, ctx, f"{path}.impact", "impact"
        )
    scheduled_for = scheduled_until = None
    if maintenance:
        scheduled_for = instatus_date(item.get("start"), ctx, f"{path}.start")
        length = _minutes(item.get("duration"), ctx, f"{path}.duration")
        if scheduled_for is not None and length is not None:
            scheduled_until = scheduled_for + length
    started = instatus_date(item.get("started"), ctx, f"{path}.started")
    return Incident.build(
        id=iid,
        title=title,
        kind=IncidentKind.MAINTENANCE if maintenance else IncidentKind.INCIDENT,
        status=status,
        raw_status=raw_status,
        impact=impact,
        raw_impact=raw_impact,
        created_at=instatus_date(item.get("createdAt"), ctx, f"{path}.createdAt"),
        started_at=started,
        resolved_at=instatus_date(item.get("resolved"), ctx, f"{path}.resolved"),
        updated_at=instatus_date(item.get("updatedAt"), ctx, f"{path}.updatedAt"),
        scheduled_for=scheduled_for,
        scheduled_until=scheduled_until,
        url=url,
        updates=_updates(item, ctx, path),
        components=_refs(item, ctx, path),
        raw=omit(item, "updates", "components"),
    )


def summary_events(doc: Mapping[str, Any], ctx: ParseContext, base: str | None) -> list[Incident]:
    """``activeIncidents`` then ``activeMaintenances`` of a summary."""
    out = []
    for key, maintenance in (("activeIncidents", False), ("activeMaintenances", True)):
        for i, item in enumerate(as_list(doc.get(key), ctx, f"$.{key}")):
            inc = event(item, ctx, f"$.{key}[{i}]", maintenance=maintenance, base=base)
            if inc is not None:
                out.append(inc)
    return out

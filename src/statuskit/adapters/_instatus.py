"""Reading Instatus JSON: the vocabularies and the public endpoints.

Instatus serves three public JSON shapes, told apart by their keys:

==============================================  ============================================
endpoint                                        keys
==============================================  ============================================
``/summary.json``, ``/v2/summary.json``,        ``page`` (name, url, status), ``activeIncidents``,
``/v3/summary.json`` (and ``/api/v2/...``)      ``activeMaintenances``
``/v2/components.json``, ``/v3/components.json``  ``components`` (a ``group`` object or nested
                                                ``children``)
the page's Next.js page props (``site`` ...)    ``site`` with ``components`` and ``mainStatus``,
                                                ``notices`` (see :mod:`._instatus_site`)
==============================================  ============================================

Words are upper case without separators (``MAJOROUTAGE``).  The page status is ``UP``,
``HASISSUES``, ``UNDERMAINTENANCE`` or one of ``ONE``/``SOME``/``ALL`` + a component status
(``ONEMAJOROUTAGE``, ``SOMEPARTIALOUTAGE``, ``ALLDEGRADEDPERFORMANCE`` ...).  Old summaries give
times as JavaScript ``Date.toString()`` text ("Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated
Universal Time)") and maintenance durations as minutes, number or string.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, TypeVar

from .._dates import from_epoch, parse_datetime
from .._text import html_to_text, safe_url
from ..limits import ParseContext
from ..model import Component, ComponentRef, Incident, Page, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus, worst
from ._json import as_dict, as_int, as_list, as_str, lookup, omit

__all__ = [
    "COMPONENT_STATUS",
    "IMPACT",
    "INCIDENT_STATUS",
    "PAGE_STATUS",
    "components",
    "event",
    "instatus_date",
    "page_status",
    "summary_events",
]

E = TypeVar("E")


def _both_cases(table: Mapping[str, E]) -> dict[str, E]:
    out: dict[str, E] = {}
    for key, value in table.items():
        out[key.upper()] = value
        out[key.lower()] = value
    return out


_STATE: dict[str, ComponentStatus] = {
    "OPERATIONAL": ComponentStatus.OPERATIONAL,
    "UNDERMAINTENANCE": ComponentStatus.UNDER_MAINTENANCE,
    "DEGRADEDPERFORMANCE": ComponentStatus.DEGRADED_PERFORMANCE,
    "PARTIALOUTAGE": ComponentStatus.PARTIAL_OUTAGE,
    # Instatus ranks "minor outage" between degraded performance and partial outage; it is an
    # outage of part of the service, so it reads as a partial outage (the raw word stays).
    "MINOROUTAGE": ComponentStatus.PARTIAL_OUTAGE,
    "MAJOROUTAGE": ComponentStatus.MAJOR_OUTAGE,
}

COMPONENT_STATUS = _both_cases(_STATE)
"""Component ``status`` words (API reference: components, webhooks)."""

PAGE_STATUS = _both_cases(
    {
        "UP": ComponentStatus.OPERATIONAL,
        # "something is wrong" without saying what: at least degraded, never operational
        "HASISSUES": ComponentStatus.DEGRADED_PERFORMANCE,
        "UNDERMAINTENANCE": ComponentStatus.UNDER_MAINTENANCE,
        **{
            prefix + word: state
            for prefix in ("ONE", "SOME", "ALL")
            for word, state in _STATE.items()
            if word != "OPERATIONAL"
        },
    }
)
"""``page.status`` / ``site.mainStatus`` words: the page's overall indicator."""

IMPACT = _both_cases(
    {
        "OPERATIONAL": Impact.NONE,
        "DEGRADEDPERFORMANCE": Impact.MINOR,
        "PARTIALOUTAGE": Impact.MAJOR,
        "MINOROUTAGE": Impact.MAJOR,
        "MAJOROUTAGE": Impact.CRITICAL,
        "UNDERMAINTENANCE": Impact.MAINTENANCE,
    }
)
"""An incident's ``impact`` (the component-status words, rated on the incident scale)."""

INCIDENT_STATUS = _both_cases(
    {
        "INVESTIGATING": IncidentStatus.INVESTIGATING,
        "IDENTIFIED": IncidentStatus.IDENTIFIED,
        "MONITORING": IncidentStatus.MONITORING,
        "RESOLVED": IncidentStatus.RESOLVED,
        # maintenances
        "NOTSTARTEDYET": IncidentStatus.SCHEDULED,
        "INPROGRESS": IncidentStatus.IN_PROGRESS,
        "COMPLETED": IncidentStatus.COMPLETED,
    }
)
"""Incident and maintenance ``status`` words (they do not overlap)."""

_MAINTENANCE_WORDS = frozenset({"NOTSTARTEDYET", "INPROGRESS", "COMPLETED"})

# -- times --------------------------------------------------------------------------------------

_JS_DATE = re.compile(
    r"(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})"
    r" GMT([+-])(\d{2})(\d{2})(?: \([^()]{0,80}\))?"
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


def instatus_date(value: object, ctx: ParseContext, path: str) -> datetime | None:
    """An Instatus time as aware UTC: ISO 8601, JavaScript ``Date.toString()`` text (its
    "GMT+0200" is an offset east of UTC, not a POSIX zone), or epoch milliseconds."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and value[:1].isalpha():
        m = _JS_DATE.fullmatch(value.strip())
        if m is not None and m.group(1) in _MONTHS:
            mon, day, year, hh, mm, ss, sign, oh, om = m.groups()
            iso = f"{year}-{_MONTHS[mon]:02d}-{int(day):02d}T{hh}:{mm}:{ss}{sign}{oh}:{om}"
            return parse_datetime(iso, ctx, path)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_epoch(value, ctx, path, unit="ms")
    return parse_datetime(value, ctx, path)


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


# -- the page -----------------------------------------------------------------------------------


def page_status(
    raw: object, ctx: ParseContext, path: str
) -> tuple[ComponentStatus | None, str | None]:
    """The page's indicator from its status word (None when the word is absent)."""
    if raw is None:
        return None, None
    return lookup(PAGE_STATUS, raw, ComponentStatus.UNKNOWN, ctx, path, "page status")


def summary_page(doc: Mapping[str, Any], ctx: ParseContext) -> tuple[Page, object]:
    """The ``page`` object of a summary, and its raw status word."""
    raw = as_dict(doc.get("page"), ctx, "$.page")
    if raw is None:
        return Page(), None
    return (
        Page(
            name=as_str(raw.get("name"), ctx, "$.page.name"),
            url=safe_url(raw.get("url")),
            id=as_str(raw.get("id"), ctx, "$.page.id"),
        ),
        raw.get("status"),
    )


# -- components ---------------------------------------------------------------------------------


def _name(item: Mapping[str, Any], ctx: ParseContext, path: str) -> str:
    name = item.get("name")
    if isinstance(name, str) and name:
        return name
    translation = item.get("nameTranslation")
    if isinstance(translation, dict):
        for key in ("text_en", *sorted(translation)):
            text = translation.get(key)
            if key.startswith("text_") and isinstance(text, str) and text:
                return text
    return as_str(name, ctx, f"{path}.name") or ""


def components(items: list[Any], ctx: ParseContext, path: str) -> tuple[Component, ...]:
    """Components of a components.json list or of ``site.components``.

    A parent (``isParent`` or non-empty ``children``) is a group row; its children follow it with
    the group's name and id.  A member of a flat list names its group as a ``group`` object.  A
    group without a status of its own takes the worst of its members'.  Archived components
    (``archivedAt`` set) are not on the page and are left out.
    """
    out: list[Component] = []
    seen: set[str] = set()
    # (item, path, parent name, parent id), walked without recursion
    todo: list[tuple[Any, str, str | None, str | None]] = [
        (item, f"{path}[{i}]", None, None) for i, item in enumerate(items)
    ]
    todo.reverse()
    budget = ctx.limits.max_items
    while todo:
        item, where, parent, parent_id = todo.pop()
        if not isinstance(item, dict):
            ctx.warn(f"expected a component object, got {type(item).__name__}", where, item)
            continue
        if item.get("archivedAt"):
            continue
        budget -= 1
        if budget < 0:
            ctx.warn(f"more than max_items={ctx.limits.max_items} components: cut", path)
            break
        cid = as_str(item.get("id"), ctx, f"{where}.id")
        name = _name(item, ctx, where)
        if cid is None:
            ctx.warn("component without id: keyed by its name", f"{where}.id")
            cid = f"name:{name}"
        if cid in seen:
            ctx.warn(f"component {cid!r} listed twice: the first is kept", f"{where}.id")
            continue
        seen.add(cid)
        children = as_list(item.get("children"), ctx, f"{where}.children")
        is_group = bool(children) or item.get("isParent") is True
        group, group_id = parent, parent_id
        if group is None:
            obj = item.get("group")
            if isinstance(obj, dict):
                group = as_str(obj.get("name"), ctx, f"{where}.group.name")
                group_id = as_str(obj.get("id"), ctx, f"{where}.group.id")
            elif isinstance(item.get("groupId"), str):
                group_id = item["groupId"]
        raw_status = item.get("status")
        if raw_status is None and is_group:
            members = [
                COMPONENT_STATUS.get(c["status"], ComponentStatus.UNKNOWN)
                for c in children
                if isinstance(c, dict) and isinstance(c.get("status"), str)
            ]
            status = worst(members) or ComponentStatus.UNKNOWN
        elif raw_status is None:
            ctx.warn("component without status", f"{where}.status")
            status = ComponentStatus.UNKNOWN
        else:
            status, raw_status = lookup(
                COMPONENT_STATUS,
                raw_status,
                ComponentStatus.UNKNOWN,
                ctx,
                f"{where}.status",
                "component status",
            )
        description = item.get("description")
        out.append(
            Component(
                id=cid,
                name=name,
                status=status,
                raw_status=raw_status if isinstance(raw_status, str) else None,
                group=group,
                description=description if isinstance(description, str) and description else None,
                position=as_int(item.get("order"), ctx, f"{where}.order"),
                group_id=group_id,
                is_group=is_group,
                updated_at=instatus_date(item.get("updatedAt"), ctx, f"{where}.updatedAt"),
                raw=omit(item, "children"),
            )
        )
        todo.extend(
            (child, f"{where}.children[{j}]", name, cid)
            for j, child in reversed(list(enumerate(children)))
        )
    return tuple(out)


# -- incidents and maintenances -----------------------------------------------------------------


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
                name=_name(c, ctx, where) or None,
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
    title = _name(item, ctx, path)
    raw_status = item.get("status")
    if maintenance is None:
        kind_word = item.get("type")
        maintenance = (
            (isinstance(kind_word, str) and kind_word.upper() == "MAINTENANCE")
            or (isinstance(raw_status, str) and raw_status.upper() in _MAINTENANCE_WORDS)
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

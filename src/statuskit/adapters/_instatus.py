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
``HASISSUES``, ``UNDERMAINTENANCE`` or one of ``ONE``/``SOME`` (or ``MANY``)/``ALL`` + a component status
(``ONEMAJOROUTAGE``, ``SOMEPARTIALOUTAGE``, ``ALLDEGRADEDPERFORMANCE`` ...).  Old summaries give
times as JavaScript ``Date.toString()`` text ("Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated
Universal Time)") and maintenance durations as minutes, number or string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from .._dates import from_epoch, parse_datetime
from .._text import safe_url
from ..limits import ParseContext
from ..model import Component, Page
from ..status import ComponentStatus, Impact, IncidentStatus, worst
from ._json import as_dict, as_int, as_list, as_str, lookup, omit

__all__ = [
    "COMPONENT_STATUS",
    "IMPACT",
    "INCIDENT_STATUS",
    "MAINTENANCE_WORDS",
    "PAGE_STATUS",
    "components",
    "instatus_date",
    "name_of",
    "page_status",
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
            # SOME... is what Instatus serves; MANY... is accepted as its synonym (named so in
            # third-party docs), never left UNKNOWN
            for prefix in ("ONE", "SOME", "MANY", "ALL")
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

MAINTENANCE_WORDS = frozenset({"NOTSTARTEDYET", "INPROGRESS", "COMPLETED"})

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


def name_of(item: Mapping[str, Any], ctx: ParseContext, path: str) -> str:
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
        name = name_of(item, ctx, where)
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
                raw=omit(item, "children") if children else item,
            )
        )
        todo.extend(
            (child, f"{where}.children[{j}]", name, cid)
            for j, child in reversed(list(enumerate(children)))
        )
    return tuple(out)

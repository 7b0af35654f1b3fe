"""An incident.io JSON document (decoded) to a Snapshot: the widget, the page data, one
incident, or the Statuspage-compatible API.  See :mod:`._incidentio` for the shapes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from .._text import safe_url
from ..limits import ParseContext
from ..model import Coverage, Page, Scope, Snapshot
from ..status import ComponentStatus, IncidentStatus, worst
from ._incidentio import LISTS, affected_states, structure_components
from ._incidentio_events import event, events
from ._json import as_str
from ._spjson import read_statuspage

__all__ = ["is_incident", "is_page_data", "is_widget", "read_incidentio"]


def is_widget(obj: Mapping[str, Any]) -> bool:
    """The Widget API shape (three lists next to ``page_title`` / ``page_url``)."""
    return "ongoing_incidents" in obj and (
        "in_progress_maintenances" in obj or "page_title" in obj or "page_url" in obj
    )


def is_page_data(obj: Mapping[str, Any]) -> bool:
    """The page data (the ``summary`` object of ``/proxy/<host>``)."""
    return "ongoing_incidents" in obj and (
        "structure" in obj or "affected_components" in obj or "components" in obj
    )


def is_incident(obj: Mapping[str, Any]) -> bool:
    """One incident as an incident page (``/proxy/<host>/incidents/<id>``) carries it."""
    return (
        isinstance(obj.get("updates"), list)
        and "published_at" in obj
        and isinstance(obj.get("id"), str)
        and ("component_impacts" in obj or "affected_components" in obj)
    )


def read_incidentio(
    doc: Any, ctx: ParseContext, *, platform: str, url: str | None = None
) -> Snapshot:
    """Read any incident.io JSON document statuskit knows; ParseError for anything else."""
    if not isinstance(doc, dict):
        ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
    inner = doc.get("summary")
    if isinstance(inner, dict) and is_page_data(inner):
        return read_page_data(inner, ctx, platform=platform, path="$.summary", url=url)
    if is_page_data(doc) and not is_widget(doc):
        return read_page_data(doc, ctx, platform=platform, path="$", url=url)
    if any(key in doc for key in LISTS):
        return read_widget(doc, ctx, platform=platform, url=url)
    one = doc.get("incident")
    if isinstance(one, dict):
        return read_incident(one, ctx, platform=platform, path="$.incident", url=url)
    if is_incident(doc):
        return read_incident(doc, ctx, platform=platform, path="$", url=url)
    return read_statuspage(doc, ctx, platform=platform, url=url)


def _origin(url: str | None) -> str | None:
    found = safe_url(url)
    if found is None:
        return None
    parts = urlsplit(found)
    return f"{parts.scheme}://{parts.netloc}"


def _derived_indicator(states: Iterable[ComponentStatus]) -> ComponentStatus:
    # the page's banner: the worst state of any affected component, else all operational
    return worst(states) or ComponentStatus.OPERATIONAL


def read_widget(
    doc: Mapping[str, Any], ctx: ParseContext, *, platform: str, url: str | None
) -> Snapshot:
    """The Widget API: open incidents, in-progress and scheduled maintenances; no components."""
    page_url = safe_url(doc.get("page_url")) or _origin(url)
    incidents = events(doc, ctx, "$", page_url, {})
    states = [
        i.open_state
        for i in incidents
        if i.is_active and i.open_state is not ComponentStatus.UNKNOWN
    ]
    return Snapshot(
        page=Page(name=as_str(doc.get("page_title"), ctx, "$.page_title"), url=page_url),
        incidents=tuple(incidents),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=_derived_indicator(states),
        coverage=Coverage(
            components=False,
            indicator=True,
            incidents=Scope.OPEN if "ongoing_incidents" in doc else Scope.NONE,
            maintenances=_maintenance_scope(doc),
        ),
    )


def _maintenance_scope(doc: Mapping[str, Any]) -> Scope:
    active = "in_progress_maintenances" in doc
    upcoming = "scheduled_maintenances" in doc
    if active and upcoming:
        return Scope.OPEN
    if active:
        return Scope.ACTIVE
    return Scope.UPCOMING if upcoming else Scope.NONE


def read_page_data(
    summary: Mapping[str, Any], ctx: ParseContext, *, platform: str, path: str, url: str | None
) -> Snapshot:
    """The page data: components in groups with their states, open incidents, maintenances."""
    page_url = safe_url(summary.get("public_url")) or _origin(url)
    states = affected_states(summary.get("affected_components"), ctx, f"{path}.affected_components")
    comps = structure_components(summary, ctx, path, states)
    names = {c.id: c.name for c in comps}
    incidents = events(summary, ctx, path, page_url, names)
    if not comps:
        ctx.warn("the page lists no components", f"{path}.components")
    return Snapshot(
        page=Page(
            name=as_str(summary.get("name"), ctx, f"{path}.name"),
            url=page_url,
            id=as_str(summary.get("id"), ctx, f"{path}.id"),
        ),
        components=comps,
        incidents=tuple(incidents),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=_derived_indicator([s for s, _ in states.values()]),
        coverage=Coverage(
            components=True,
            indicator=True,
            incidents=Scope.OPEN if "ongoing_incidents" in summary else Scope.NONE,
            maintenances=_maintenance_scope(summary),
        ),
    )


def read_incident(
    item: Mapping[str, Any], ctx: ParseContext, *, platform: str, path: str, url: str | None
) -> Snapshot:
    """One incident (or maintenance) with its whole timeline."""
    ups = item.get("updates")
    words = {
        str(item.get("status")),
        *(
            str(u.get("to_status"))
            for u in (ups if isinstance(ups, list) else [])
            if isinstance(u, dict)
        ),
    }
    maintenance = item.get("type") == "maintenance" or any(
        w.startswith("maintenance") for w in words
    )
    inc = event(
        item,
        ctx,
        path,
        maintenance=maintenance,
        default=IncidentStatus.UNKNOWN,
        base=_origin(url),
        names={},
    )
    incidents = (inc,) if inc is not None else ()
    return Snapshot(
        page=Page(url=_origin(url)),
        incidents=incidents,
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(),
    )

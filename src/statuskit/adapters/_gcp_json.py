"""Reading Google's status dashboard JSON: ``status.cloud.google.com/incidents.json`` and Google
Workspace's ``www.google.com/appsstatus/dashboard/incidents.json`` (the same format).

The document is a list of incidents, newest first.  Each has ``begin``, ``end`` (null while
open), ``created``, ``modified``, a headline (``external_desc``), ``severity`` (low / medium /
high), ``status_impact`` (SERVICE_INFORMATION / SERVICE_DISRUPTION / SERVICE_OUTAGE), its
``affected_products`` (the components) and locations (``currently_affected_locations``,
``previously_affected_locations``), and its ``updates`` (newest first), each with a ``status``
that is the *service's* state at that post: AVAILABLE, SERVICE_INFORMATION, SERVICE_DISRUPTION
or SERVICE_OUTAGE.

Google has no incident life cycle beyond open (``end`` null) and closed, so:

* an update is RESOLVED when it says AVAILABLE, otherwise INVESTIGATING; the last update of an
  incident Google closed (``end`` set) is RESOLVED whatever it says (Google posts retrospective
  incidents, created after their ``end``, whose only update says SERVICE_DISRUPTION);
* the incident is RESOLVED when ``end`` is set, INVESTIGATING otherwise; ``begin`` and ``end``
  feed ``started_at`` and ``resolved_at`` by the rules of DESIGN.md (a retrospective incident is
  resolved when it was posted, the later of its ``end`` and its closing post);
* an incident whose posts are all SERVICE_INFORMATION (or AVAILABLE) is a NOTICE, not an outage;
* each update sets every affected product to the update's state (that is how the dashboard paints
  them), so ``impacted_components`` and ``transitions()`` work.
"""

from __future__ import annotations

from typing import Any

import attrs

from .._text import safe_url
from ..limits import ParseContext
from ..model import (
    ComponentChange,
    ComponentRef,
    Coverage,
    Incident,
    Page,
    Scope,
    Snapshot,
    Update,
)
from ..regions import Location
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus, worst
from ._json import as_list, as_str, date, lookup, omit

__all__ = [
    "GCP_BASE",
    "IMPACT",
    "SERVICE_STATE",
    "WORKSPACE_BASE",
    "incident_locations",
    "location_of",
    "read_gcp_json",
]

GCP_BASE = "https://status.cloud.google.com/"
WORKSPACE_BASE = "https://www.google.com/appsstatus/dashboard/"

SERVICE_STATE: dict[str, ComponentStatus] = {
    "AVAILABLE": ComponentStatus.OPERATIONAL,
    "SERVICE_INFORMATION": ComponentStatus.OPERATIONAL,
    "SERVICE_DISRUPTION": ComponentStatus.PARTIAL_OUTAGE,
    "SERVICE_OUTAGE": ComponentStatus.MAJOR_OUTAGE,
}
"""An update's ``status``: the state of the affected products at that post."""

IMPACT: dict[str, Impact] = {
    "SERVICE_INFORMATION": Impact.NONE,
    "SERVICE_DISRUPTION": Impact.MAJOR,
    "SERVICE_OUTAGE": Impact.CRITICAL,
}
"""An incident's ``status_impact``."""

SEVERITY: dict[str, Impact] = {
    "low": Impact.MINOR,
    "medium": Impact.MAJOR,
    "high": Impact.CRITICAL,
}
"""An incident's ``severity``, used only when ``status_impact`` is missing."""

_OUTAGE_WORDS = frozenset({"SERVICE_DISRUPTION", "SERVICE_OUTAGE"})

# Google's multi-regions, and the region id prefixes each spans
_MULTI_REGIONS = {"us": ("us-",), "eu": ("europe-",), "asia": ("asia-",)}


def location_of(raw: object) -> Location | None:
    """A Google location record (``{"id": "us-central1", "title": "Iowa (us-central1)"}``)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        return None
    lid = raw["id"]
    title = raw.get("title") if isinstance(raw.get("title"), str) else None
    return Location(
        id=lid,
        name=title,
        is_global=lid == "global",
        covers=_MULTI_REGIONS.get(lid, ()),
    )


def incident_locations(inc: Incident) -> tuple[Location, ...] | None:
    """Where a Google incident is: while open, where it is now (when Google says); otherwise
    everywhere it has been (the incident's lists and every update's).  None when it names no
    location."""
    raw = inc.raw
    current = raw.get("currently_affected_locations")
    entries: list[Any] = []
    if inc.is_active and isinstance(current, list) and current:
        entries.extend(current)
    else:
        for key in ("currently_affected_locations", "previously_affected_locations"):
            entries.extend(raw.get(key) or ())
        for upd in inc.updates:
            entries.extend(upd.raw.get("affected_locations") or ())
    seen: dict[str, Location] = {}
    for entry in entries:
        loc = location_of(entry)
        if loc is not None:
            seen.setdefault(loc.id, loc)
    return tuple(seen.values()) or None


def read_gcp_json(doc: Any, ctx: ParseContext, *, url: str | None, platform: str) -> Snapshot:
    """Read a decoded Google dashboard document (a list of incidents) into a Snapshot."""
    if not isinstance(doc, list):
        ctx.fail(f"expected a JSON list of incidents, got {type(doc).__name__}", "$", doc)
    workspace = bool(url and "appsstatus" in url)
    base = WORKSPACE_BASE if workspace else GCP_BASE
    incidents: list[Incident] = []
    for i, item in enumerate(as_list(doc, ctx, "$")):
        inc = _incident(item, ctx, f"$[{i}]", base)
        if inc is not None:
            incidents.append(inc)
    open_states = [i.open_state for i in incidents if i.is_active]
    indicator = worst(open_states) or ComponentStatus.OPERATIONAL
    page = Page(
        name="Google Workspace Status Dashboard" if workspace else "Google Cloud Service Health",
        url=base.rstrip("/"),
        updated_at=max((i.updated_at for i in incidents if i.updated_at), default=None),
    )
    return Snapshot(
        page=page,
        incidents=tuple(incidents),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=None,
        coverage=Coverage(
            components=False, indicator=True, incidents=Scope.RECENT, maintenances=Scope.NONE
        ),
    )


def _incident(item: object, ctx: ParseContext, path: str, base: str) -> Incident | None:
    if not isinstance(item, dict):
        ctx.warn(f"expected an incident object, got {type(item).__name__}", path, item)
        return None
    iid = as_str(item.get("id"), ctx, f"{path}.id")
    if not iid:
        ctx.warn("incident without id: skipped", f"{path}.id")
        return None
    begin = date(item, "begin", ctx, path)
    end = date(item, "end", ctx, path)
    products = _products(item.get("affected_products"), ctx, f"{path}.affected_products")
    updates = []
    words: set[str] = set()
    for j, u in enumerate(as_list(item.get("updates"), ctx, f"{path}.updates")):
        upd = _update(u, ctx, f"{path}.updates[{j}]", products)
        if upd is not None:
            updates.append(upd)
            if upd.raw_status:
                words.add(upd.raw_status)
    latest = _latest(updates)
    if end is not None and latest is not None and latest.status is not IncidentStatus.RESOLVED:
        # Google closes an incident by setting ``end``: its last post is the closing one,
        # whatever service state it names (retrospective incidents, created after their end,
        # carry a single SERVICE_DISRUPTION post)
        updates[updates.index(latest)] = attrs.evolve(latest, status=IncidentStatus.RESOLVED)
    raw_impact = as_str(item.get("status_impact"), ctx, f"{path}.status_impact")
    if raw_impact is not None:
        impact, raw_impact = lookup(
            IMPACT, raw_impact, Impact.UNKNOWN, ctx, f"{path}.status_impact", "status impact"
        )
        words.add(raw_impact or "")
    else:
        impact, raw_impact = lookup(
            SEVERITY, item.get("severity"), Impact.UNKNOWN, ctx, f"{path}.severity", "severity"
        )
    kind = IncidentKind.INCIDENT if words & _OUTAGE_WORDS else IncidentKind.NOTICE
    if kind is IncidentKind.NOTICE and impact is Impact.UNKNOWN:
        impact = Impact.NONE
    status = IncidentStatus.RESOLVED if end is not None else IncidentStatus.INVESTIGATING
    refs = [
        ComponentRef(
            pid,
            title,
            SERVICE_STATE.get(latest.raw_status or "") if latest else None,
            latest.raw_status if latest else None,
        )
        for pid, title in products
    ]
    uri = as_str(item.get("uri"), ctx, f"{path}.uri") or f"incidents/{iid}"
    raw = omit(item, "updates", "most_recent_update")
    return Incident.build(
        id=iid,
        title=as_str(item.get("external_desc"), ctx, f"{path}.external_desc") or "",
        kind=kind,
        status=status,
        raw_status=None,
        impact=impact,
        raw_impact=raw_impact,
        created_at=date(item, "created", ctx, path),
        started_at=begin,
        resolved_at=end,
        updated_at=date(item, "modified", ctx, path),
        url=safe_url(uri, base),
        updates=reversed(updates),  # newest first in the feed
        components=refs,
        raw=raw,
    )


def _latest(updates: list[Update]) -> Update | None:
    """The newest update (the feed lists them newest first; times decide when they differ)."""
    timed = [u for u in updates if u.created_at is not None]
    if timed:
        return max(timed, key=lambda u: u.created_at)  # type: ignore[arg-type,return-value]
    return updates[0] if updates else None


def _products(value: object, ctx: ParseContext, path: str) -> list[tuple[str | None, str | None]]:
    out = []
    for k, p in enumerate(as_list(value, ctx, path)):
        if not isinstance(p, dict):
            ctx.warn("expected a product object", f"{path}[{k}]", p)
            continue
        out.append(
            (
                as_str(p.get("id"), ctx, f"{path}[{k}].id"),
                as_str(p.get("title"), ctx, f"{path}[{k}].title"),
            )
        )
    return out


def _update(
    item: object,
    ctx: ParseContext,
    path: str,
    products: list[tuple[str | None, str | None]],
) -> Update | None:
    if not isinstance(item, dict):
        ctx.warn(f"expected an update object, got {type(item).__name__}", path, item)
        return None
    state, raw = lookup(
        SERVICE_STATE, item.get("status"), ComponentStatus.UNKNOWN, ctx, f"{path}.status", "status"
    )
    when = date(item, "when", ctx, path) or date(item, "created", ctx, path)
    if raw == "AVAILABLE":
        status = IncidentStatus.RESOLVED
    elif raw is None or state is ComponentStatus.UNKNOWN:
        status = IncidentStatus.UNKNOWN
    else:
        status = IncidentStatus.INVESTIGATING
    changes = (
        tuple(ComponentChange(pid, title, None, state, None, raw) for pid, title in products)
        if raw is not None and state is not ComponentStatus.UNKNOWN
        else ()
    )
    text = as_str(item.get("text"), ctx, f"{path}.text") or ""
    return Update(
        id=None,
        status=status,
        raw_status=raw,
        body=ctx.text(text.strip(), f"{path}.text"),
        body_html=None,
        created_at=when,
        component_changes=changes,
        raw=omit(item, "text"),
    )

"""``openstatus.json``: OpenStatus status pages (openstatus.dev, open source).

Two public JSON bodies:

* the page feed, ``https://<slug>.openstatus.dev/feed/json``: ``{title, description, status,
  updatedAt, monitors, pageComponents, pageComponentGroups, maintenances, statusReports}``.
  ``status`` (page) and ``monitors[].status`` use the status page's words ``success``,
  ``degraded``, ``error`` and ``info`` (maintenance).  ``pageComponents`` (newer pages) carry the
  structure but no state: a component linked to a monitor takes the monitor's; a static one is
  operational unless an open status report or an ongoing maintenance lists it (OpenStatus's own
  rule).  Older feeds have ``monitors`` only.  ``updatedAt`` is when the feed was generated: it
  tells a maintenance window's stage (before ``from``: scheduled; within: in progress; after
  ``to``: completed).  Status reports are incidents (``investigating``, ``identified``,
  ``monitoring``, ``resolved``) with no impact rating; their updates come newest first.
* the status widget, ``https://api.openstatus.dev/public/status/<slug>``: ``{"status": word}``
  with ``operational``, ``degraded_performance``, ``partial_outage``, ``major_outage``,
  ``under_maintenance``, ``unknown`` and ``incident`` (an open incident of unstated severity:
  UNKNOWN).  Detected only when it is exactly that one key with one of those words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

import attrs

from .._dates import parse_datetime
from .._source import Source
from ..limits import ParseContext
from ..model import Component, ComponentRef, Coverage, Incident, Page, Scope, Snapshot, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._json import as_dict, as_int, as_list, as_str, date, lookup, omit
from ._platforms import dedupe, find_keys, head_kind, str_id, url_has
from .base import Sniff

__all__ = ["PAGE_STATUS", "REPORT_STATUS", "WIDGET_STATUS", "OpenStatusJSON"]

PAGE_STATUS: dict[str, ComponentStatus] = {
    "success": ComponentStatus.OPERATIONAL,
    "degraded": ComponentStatus.DEGRADED_PERFORMANCE,
    "error": ComponentStatus.MAJOR_OUTAGE,
    "info": ComponentStatus.UNDER_MAINTENANCE,
    "empty": ComponentStatus.UNKNOWN,  # no data yet
}

WIDGET_STATUS: dict[str, ComponentStatus] = {
    "operational": ComponentStatus.OPERATIONAL,
    "degraded_performance": ComponentStatus.DEGRADED_PERFORMANCE,
    "partial_outage": ComponentStatus.PARTIAL_OUTAGE,
    "major_outage": ComponentStatus.MAJOR_OUTAGE,
    "under_maintenance": ComponentStatus.UNDER_MAINTENANCE,
    "unknown": ComponentStatus.UNKNOWN,
    "incident": ComponentStatus.UNKNOWN,  # an open incident, severity not stated
}

REPORT_STATUS: dict[str, IncidentStatus] = {
    "investigating": IncidentStatus.INVESTIGATING,
    "identified": IncidentStatus.IDENTIFIED,
    "monitoring": IncidentStatus.MONITORING,
    "resolved": IncidentStatus.RESOLVED,
}

_NEVER = datetime(1, 1, 1, tzinfo=timezone.utc)
_PAGE_WORD = re.compile(r'"status"\s*:\s*"(?:success|degraded|error|info)"')
_FEED_KEYS = ("pageComponents", "statusReports", "maintenances", "monitors", "pageComponentGroups")


class OpenStatusJSON:
    """Adapter for OpenStatus's page feed and status widget JSON."""

    name = "openstatus.json"
    platform = "openstatus"

    def sniff(self, source: Source) -> Sniff | None:
        if head_kind(source) != "{":
            return None
        head = source.head
        keys = find_keys(head, *_FEED_KEYS)
        if "pageComponents" in keys or len(keys) >= 3:
            return Sniff(0.9, "OpenStatus feed keys " + ", ".join(keys))
        # a long monitor list can push the other keys past the head: the feed opens with
        # title, description, status, updatedAt and monitors in the status page's words
        if (
            "monitors" in keys
            and len(find_keys(head, "title", "updatedAt")) == 2
            and (_PAGE_WORD.search(head))
        ):
            return Sniff(0.85, "OpenStatus feed head: title, updatedAt, monitors")
        if len(head) < 80:
            try:
                doc = json.loads(head)
            except ValueError:
                doc = None
            word = doc.get("status") if isinstance(doc, dict) and len(doc) == 1 else None
            if isinstance(word, str) and word in WIDGET_STATUS:
                bonus = 0.4 if url_has(source, "openstatus") else 0.0
                return Sniff(0.45 + bonus, f"OpenStatus widget body {head.strip()}")
        if url_has(source, "openstatus.dev"):
            return Sniff(0.3, "openstatus.dev url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if not isinstance(doc, dict):
            ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
        if not any(k in doc for k in _FEED_KEYS):
            if "status" in doc:
                return _widget(doc, ctx)
            ctx.fail("neither a page feed nor a status widget body", "$")
        return _Feed(doc, ctx).read()


def _widget(doc: Mapping[str, Any], ctx: ParseContext) -> Snapshot:
    indicator, raw = lookup(
        WIDGET_STATUS, doc.get("status"), ComponentStatus.UNKNOWN, ctx, "$.status", "status"
    )
    return Snapshot(
        page=Page(),
        platform="openstatus",
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=raw,
        coverage=Coverage(indicator=True),
    )


class _Feed:
    def __init__(self, doc: Mapping[str, Any], ctx: ParseContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self.now = parse_datetime(doc.get("updatedAt"), ctx, "$.updatedAt")
        self.names: dict[str, str] = {}

    def read(self) -> Snapshot:
        ctx, doc = self.ctx, self.doc
        monitors = self._monitors()
        reports = [
            r
            for i, item in enumerate(as_list(doc.get("statusReports"), ctx, "$.statusReports"))
            if (r := self._report(item, f"$.statusReports[{i}]")) is not None
        ]
        maints = [
            m
            for i, item in enumerate(as_list(doc.get("maintenances"), ctx, "$.maintenances"))
            if (m := self._maintenance(item, f"$.maintenances[{i}]")) is not None
        ]
        if "pageComponents" in doc:
            components = self._components(monitors, reports, maints)
        else:
            components = [c for c, _ in monitors.values()]
        indicator, raw = (None, None)
        if "status" in doc:
            indicator, raw = lookup(
                PAGE_STATUS,
                doc.get("status"),
                ComponentStatus.UNKNOWN,
                ctx,
                "$.status",
                "page status",
            )
        incidents = [_rename(i, self.names) for i in (*reports, *maints)]
        return Snapshot(
            page=Page(name=as_str(doc.get("title"), ctx, "$.title"), updated_at=self.now),
            components=dedupe(
                components, ctx, "$.pageComponents" if "pageComponents" in doc else "$.monitors"
            ),
            incidents=tuple(incidents),
            platform="openstatus",
            adapter=ctx.adapter,
            warnings=tuple(ctx.warnings),
            indicator=indicator,
            raw_indicator=raw,
            coverage=Coverage(
                components="pageComponents" in doc or "monitors" in doc,
                indicator="status" in doc,
                incidents=Scope.RECENT if "statusReports" in doc else Scope.NONE,
                maintenances=Scope.RECENT if "maintenances" in doc else Scope.NONE,
            ),
        )

    def _monitors(self) -> dict[str, tuple[Component, int]]:
        out: dict[str, tuple[Component, int]] = {}
        for i, item in enumerate(as_list(self.doc.get("monitors"), self.ctx, "$.monitors")):
            path = f"$.monitors[{i}]"
            m = as_dict(item, self.ctx, path)
            if m is None:
                continue
            mid = str_id(m.get("id"), self.ctx, f"{path}.id")
            if mid is None:
                self.ctx.warn("monitor without id: skipped", f"{path}.id")
                continue
            status, raw = lookup(
                PAGE_STATUS,
                m.get("status"),
                ComponentStatus.UNKNOWN,
                self.ctx,
                f"{path}.status",
                "monitor status",
            )
            name = as_str(m.get("name"), self.ctx, f"{path}.name") or ""
            self.names[f"monitor:{mid}"] = name
            comp = Component(
                id=mid,
                name=name,
                status=status,
                raw_status=raw,
                description=as_str(m.get("description"), self.ctx, f"{path}.description") or None,
                position=i,
                raw=m,
            )
            out[mid] = (comp, i)
        return out

    def _components(
        self,
        monitors: Mapping[str, tuple[Component, int]],
        reports: list[Incident],
        maints: list[Incident],
    ) -> list[Component]:
        ctx = self.ctx
        groups = {}
        for i, item in enumerate(
            as_list(self.doc.get("pageComponentGroups"), ctx, "$.pageComponentGroups")
        ):
            g = as_dict(item, ctx, f"$.pageComponentGroups[{i}]")
            gid = str_id(g.get("id"), ctx, f"$.pageComponentGroups[{i}].id") if g else None
            if g is not None and gid is not None:
                groups[gid] = as_str(g.get("name"), ctx, f"$.pageComponentGroups[{i}].name")
        listed_open: dict[str, ComponentStatus] = {}
        for inc in (*reports, *maints):
            if inc.is_active:
                state = (
                    ComponentStatus.UNDER_MAINTENANCE
                    if inc.is_maintenance
                    else ComponentStatus.DEGRADED_PERFORMANCE
                )
                for ref in inc.components:
                    if ref.id is not None and ref.id.startswith("component:"):
                        prev = listed_open.get(ref.id)
                        if prev is None or state.severity > prev.severity:
                            listed_open[ref.id] = state
        out = []
        for i, item in enumerate(as_list(self.doc.get("pageComponents"), ctx, "$.pageComponents")):
            path = f"$.pageComponents[{i}]"
            c = as_dict(item, ctx, path)
            if c is None:
                continue
            cid = str_id(c.get("id"), ctx, f"{path}.id")
            if cid is None:
                ctx.warn("component without id: skipped", f"{path}.id")
                continue
            name = as_str(c.get("name"), ctx, f"{path}.name") or ""
            self.names[f"component:{cid}"] = name
            mid = str_id(c.get("monitorId"), ctx, f"{path}.monitorId")
            gid = str_id(c.get("groupId"), ctx, f"{path}.groupId")
            if mid is not None and mid in monitors:
                status, raw = monitors[mid][0].status, monitors[mid][0].raw_status
            elif mid is not None:
                ctx.warn(f"monitor {mid} is not in the feed", f"{path}.monitorId")
                status, raw = ComponentStatus.UNKNOWN, None
            else:  # a static component: only reports and maintenances move it
                status = listed_open.get(f"component:{cid}", ComponentStatus.OPERATIONAL)
                raw = None
            out.append(
                Component(
                    id=cid,
                    name=name,
                    status=status,
                    raw_status=raw,
                    group=groups.get(gid) if gid else None,
                    description=as_str(c.get("description"), ctx, f"{path}.description") or None,
                    position=as_int(c.get("order"), ctx, f"{path}.order"),
                    group_id=gid,
                    raw=c,
                )
            )
        return out

    def _refs(self, obj: Mapping[str, Any], path: str) -> list[ComponentRef]:
        # newer feeds list page components (and, deprecated, monitors); older ones monitors only
        key, prefix = (
            ("pageComponents", "component:")
            if "pageComponents" in self.doc
            else ("monitors", "monitor:")
        )
        refs = []
        if key in obj:
            for j, ref in enumerate(as_list(obj.get(key), self.ctx, f"{path}.{key}")):
                rid = str_id(ref, self.ctx, f"{path}.{key}[{j}]")
                if rid is not None:
                    refs.append(ComponentRef(id=prefix + rid))
        return refs

    def _updates(
        self, obj: Mapping[str, Any], key: str, path: str, *, report: bool
    ) -> list[Update]:
        out = []
        for j, item in enumerate(as_list(obj.get(key), self.ctx, f"{path}.{key}")):
            upath = f"{path}.{key}[{j}]"
            u = as_dict(item, self.ctx, upath)
            if u is None:
                continue
            status, raw = IncidentStatus.UNKNOWN, None
            if report:
                status, raw = lookup(
                    REPORT_STATUS,
                    u.get("status"),
                    IncidentStatus.UNKNOWN,
                    self.ctx,
                    f"{upath}.status",
                    "report status",
                )
            body = as_str(u.get("message"), self.ctx, f"{upath}.message") or ""
            out.append(
                Update(
                    id=str_id(u.get("id"), self.ctx, f"{upath}.id"),
                    status=status,
                    raw_status=raw,
                    body=self.ctx.text(body, f"{upath}.message"),  # Markdown, as written
                    created_at=date(u, "date", self.ctx, upath),
                    raw=omit(u, "message"),
                )
            )
        return out

    def _report(self, item: object, path: str) -> Incident | None:
        r = as_dict(item, self.ctx, path)
        if r is None:
            return None
        rid = str_id(r.get("id"), self.ctx, f"{path}.id")
        title = as_str(r.get("title"), self.ctx, f"{path}.title") or ""
        if rid is None:
            self.ctx.warn("status report without id: skipped", f"{path}.id", title)
            return None
        status, raw = lookup(
            REPORT_STATUS,
            r.get("status"),
            IncidentStatus.UNKNOWN,
            self.ctx,
            f"{path}.status",
            "report status",
        )
        return Incident.build(
            id=rid,
            title=title,
            status=status,
            raw_status=raw,
            updated_at=date(r, "updatedAt", self.ctx, path),
            updates=self._updates(r, "statusReportUpdates", path, report=True),
            components=self._refs(r, path),
            raw=omit(r, "statusReportUpdates"),
        )

    def _maintenance(self, item: object, path: str) -> Incident | None:
        m = as_dict(item, self.ctx, path)
        if m is None:
            return None
        mid = str_id(m.get("id"), self.ctx, f"{path}.id")
        title = as_str(m.get("name", m.get("title")), self.ctx, f"{path}.name") or ""
        if mid is None:
            self.ctx.warn("maintenance without id: skipped", f"{path}.id", title)
            return None
        start, end = date(m, "from", self.ctx, path), date(m, "to", self.ctx, path)
        status = _window_stage(start, end, self.now)
        posts = sorted(
            self._updates(m, "maintenanceUpdates", path, report=False),
            key=lambda u: u.created_at or _NEVER,
        )
        message = as_str(m.get("message"), self.ctx, f"{path}.message")
        if message:  # the announcement itself has no time of its own: it goes first
            posts.insert(0, Update(id=None, status=IncidentStatus.UNKNOWN, body=message))
        return Incident.build(
            id=f"maintenance:{mid}",  # reports and maintenances number separately
            title=title,
            kind=IncidentKind.MAINTENANCE,
            status=status,
            impact=Impact.MAINTENANCE,
            updated_at=date(m, "updatedAt", self.ctx, path),
            scheduled_for=start,
            scheduled_until=end,
            updates=posts,
            components=self._refs(m, path),
            raw=omit(m, "maintenanceUpdates", "message"),
        )


def _window_stage(
    start: datetime | None, end: datetime | None, now: datetime | None
) -> IncidentStatus:
    if now is None or start is None:
        return IncidentStatus.UNKNOWN
    if now < start:
        return IncidentStatus.SCHEDULED
    if end is not None and now > end:
        return IncidentStatus.COMPLETED
    return IncidentStatus.IN_PROGRESS


def _rename(inc: Incident, names: Mapping[str, str]) -> Incident:
    """Refs point at page components (``component:<id>``) and monitors (``monitor:<id>``):
    give them the ids the snapshot's components carry, and their names."""
    refs = []
    for ref in inc.components:
        key = ref.id or ""
        refs.append(ComponentRef(id=key.split(":", 1)[-1], name=names.get(key)))
    return attrs.evolve(inc, components=tuple(refs))

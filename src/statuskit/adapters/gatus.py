"""``gatus.json``: Gatus (self-hosted health checks), ``/api/v1/endpoints/statuses``.

The body is an array of endpoint statuses, each ``{name, group, key, results, events}``
(``/api/v1/endpoints/<key>/statuses`` returns one such object).  ``results`` are the latest
checks, oldest first: ``{status, hostname, duration, conditionResults: [{condition, success}],
success, timestamp, errors}``; ``duration`` is in nanoseconds and ``timestamp`` is RFC 3339 with
nanoseconds, in the server's zone.  ``events`` are ``START`` / ``HEALTHY`` / ``UNHEALTHY``.

Gatus says healthy or not, nothing finer.  An endpoint's state is its newest result:
``success: true`` is operational; a failure is a major outage, except when every failed
condition is a ``[RESPONSE_TIME]`` bound and the check had no error (it answered, slowly):
degraded performance.  ``raw_status`` is ``HEALTHY`` or ``UNHEALTHY`` (Gatus's own words for
events).  ``group`` becomes the component's group (Gatus has no group records: no group rows).
An endpoint without results is UNKNOWN.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._dates import parse_datetime
from .._source import Source
from ..limits import ParseContext
from ..model import Component, Coverage, Page, Snapshot
from ..status import ComponentStatus
from ._json import as_dict, as_list, as_str, omit
from ._platforms import find_keys, head_kind, url_has
from .base import Sniff

__all__ = ["GatusJSON", "result_status"]


class GatusJSON:
    """Adapter for Gatus's endpoint statuses API."""

    name = "gatus.json"
    platform = "gatus"

    def sniff(self, source: Source) -> Sniff | None:
        kind = head_kind(source)
        if not kind:
            return None
        keys = find_keys(
            source.head, "key", "results", "conditionResults", "success", "timestamp", "events"
        )
        if {"key", "results"} <= set(keys) and (
            "conditionResults" in keys or {"success", "timestamp"} <= set(keys)
        ):
            return Sniff(
                0.9 if kind == "[" else 0.85, "Gatus endpoint status keys " + ", ".join(keys)
            )
        if url_has(source, "/api/v1/endpoints/"):
            return Sniff(0.3, "Gatus API url")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        if isinstance(doc, dict):
            items: list[Any] = [doc]
            prefix = "$"
        elif isinstance(doc, list):
            items = as_list(doc, ctx, "$")
            prefix = ""
        else:
            ctx.fail(f"expected a JSON array or object, got {type(doc).__name__}", "$", doc)
        components: list[Component] = []
        seen: set[str] = set()
        for i, item in enumerate(items):
            path = prefix or f"$[{i}]"
            comp = _endpoint(item, ctx, path, len(components))
            if comp is not None and comp.id not in seen:
                seen.add(comp.id)
                components.append(comp)
        if not components and items:
            ctx.warn("no endpoint could be read", "$")
        return Snapshot(
            page=Page(),
            components=tuple(components),
            platform="gatus",
            adapter=ctx.adapter,
            warnings=tuple(ctx.warnings),
            # one endpoint's statuses do not list the page
            coverage=Coverage(components=isinstance(doc, list)),
        )


def result_status(result: Mapping[str, Any]) -> ComponentStatus:
    """The component state one Gatus result stands for (see the module docstring)."""
    success = result.get("success")
    if success is True:
        return ComponentStatus.OPERATIONAL
    if success is not False:
        return ComponentStatus.UNKNOWN
    failed = [
        c.get("condition")
        for c in result.get("conditionResults") or ()
        if isinstance(c, dict) and c.get("success") is False
    ]
    slow_only = (
        bool(failed)
        and not result.get("errors")
        and all(isinstance(c, str) and "[RESPONSE_TIME]" in c.upper() for c in failed)
    )
    return ComponentStatus.DEGRADED_PERFORMANCE if slow_only else ComponentStatus.MAJOR_OUTAGE


def _endpoint(item: object, ctx: ParseContext, path: str, position: int) -> Component | None:
    obj = as_dict(item, ctx, path)
    if obj is None:
        return None
    name = as_str(obj.get("name"), ctx, f"{path}.name") or ""
    group = as_str(obj.get("group"), ctx, f"{path}.group") or None
    key = as_str(obj.get("key"), ctx, f"{path}.key")
    if not key:
        ctx.warn("endpoint without key: keyed by group and name", f"{path}.key", name)
        key = f"{group or ''}_{name}"
    newest: Mapping[str, Any] | None = None
    newest_at: datetime | None = None
    for j, res in enumerate(as_list(obj.get("results"), ctx, f"{path}.results")):
        rpath = f"{path}.results[{j}]"
        r = as_dict(res, ctx, rpath)
        if r is None:
            continue
        at = parse_datetime(r.get("timestamp"), ctx, f"{rpath}.timestamp")
        if newest is None or newest_at is None or (at is not None and at >= newest_at):
            newest, newest_at = r, at
    status, raw = ComponentStatus.UNKNOWN, None
    if newest is not None:
        status = result_status(newest)
        if status is ComponentStatus.UNKNOWN:
            ctx.warn("result without success flag mapped to UNKNOWN", f"{path}.results", newest)
        else:
            raw = "HEALTHY" if newest.get("success") is True else "UNHEALTHY"
    return Component(
        id=key,
        name=name,
        status=status,
        raw_status=raw,
        group=group,
        position=position,
        group_id=group,
        updated_at=newest_at,
        raw={**omit(obj, "results", "events"), "latest": newest},
    )

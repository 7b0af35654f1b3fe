"""``aws.json``: the AWS Health Dashboard.

Reads ``health.aws.amazon.com/public/currentevents`` (UTF-16 with a byte order mark; a list of
events, or ``{"current": [...]}``) and the legacy ``status.aws.amazon.com/data.json``
(``{"archive": [...], "current": [...]}``).  See :mod:`statuskit.adapters._aws_events` for the
mapping.  Every event knows its region (from its ARN or its service key):
:func:`statuskit.regions.restrict` gives the view of a snapshot for the regions one runs in, so
that an event open for months in one region does not paint every other region red.

AWS publishes no overall indicator, but these documents list every open event, so the snapshot's
``indicator`` is derived from them: operational when none is open, else the worst open event's
state.
"""

from __future__ import annotations

from typing import Any

from .._source import Source
from ..limits import ParseContext
from ..model import Component, Coverage, Incident, Page, Scope, Snapshot
from ..regions import Location
from ..status import ComponentStatus, worst
from ._aws_events import AWS_PAGE, event_locations, read_current_event
from ._aws_legacy import read_legacy_event
from ._json import as_list
from .base import Sniff

__all__ = ["AwsHealthJSON"]

_CURRENT_MARKERS = ('"arn:aws:health:', '"event_log"', '"impacted_services"', '"region_name"')
_LEGACY_MARKERS = ('"archive"', '"service_name"', '"yellowfg', '"summary"')


class AwsHealthJSON:
    """Adapter for the AWS Health Dashboard's JSON (``currentevents`` and legacy ``data.json``)."""

    name = "aws.json"
    platform = "aws"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if head.startswith("["):
            found = [m for m in _CURRENT_MARKERS if m in head]
            if '"arn:aws:health:' in found or len(found) >= 2:
                return Sniff(
                    min(0.8 + 0.05 * len(found), 0.99), "AWS Health events: " + ", ".join(found)
                )
            return None
        if head.startswith("{"):
            found = [m for m in _LEGACY_MARKERS + _CURRENT_MARKERS if m in head]
            if ('"archive"' in found and '"current"' in head) or len(found) >= 3:
                return Sniff(
                    min(0.7 + 0.05 * len(found), 0.97), "AWS Health data.json: " + ", ".join(found)
                )
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        doc = source.json(ctx)
        incidents: list[Incident] = []
        if isinstance(doc, list):
            lists: list[tuple[str, Any, bool]] = [("$", doc, False)]
            legacy = False
        elif isinstance(doc, dict) and ("current" in doc or "archive" in doc):
            lists = [
                ("$.current", doc.get("current"), False),
                ("$.archive", doc.get("archive"), True),
            ]
            legacy = "archive" in doc
        else:
            ctx.fail("expected a list of events or {archive, current}", "$", doc)
        for base, value, archived in lists:
            for i, item in enumerate(as_list(value, ctx, base)):
                path = f"{base}[{i}]"
                if not isinstance(item, dict):
                    ctx.warn(f"expected an event object, got {type(item).__name__}", path, item)
                    continue
                if "event_log" in item or "arn" in item:
                    inc = read_current_event(item, ctx, path)
                else:
                    inc = read_legacy_event(item, ctx, path, archived=archived)
                if inc is not None:
                    incidents.append(inc)
        indicator = worst(i.open_state for i in incidents if i.is_active)
        return Snapshot(
            page=Page(name="AWS Health Dashboard", url=AWS_PAGE),
            incidents=tuple(incidents),
            platform=self.platform,
            adapter=self.name,
            warnings=tuple(ctx.warnings),
            indicator=indicator or ComponentStatus.OPERATIONAL,
            coverage=Coverage(
                indicator=True,
                incidents=Scope.RECENT if legacy else Scope.OPEN,
                maintenances=Scope.NONE,
            ),
        )

    def locations(self, item: Incident | Component) -> tuple[Location, ...] | None:
        """The region of an event (global for services that have none)."""
        return event_locations(item) if isinstance(item, Incident) else None

"""``gcp.json`` and ``gcp.html``: Google's status dashboards.

``gcp.json`` reads ``status.cloud.google.com/incidents.json`` and Google Workspace's
``www.google.com/appsstatus/dashboard/incidents.json`` (the same format; pass ``url=`` so that
incident links point at the right dashboard).  ``gcp.html`` reads the product x region tables of
``status.cloud.google.com/regional/...``.  See :mod:`statuskit.adapters._gcp_json` and
:mod:`statuskit.adapters._gcp_html` for the mapping.

Both know where things are: :func:`statuskit.regions.restrict` gives the view of a snapshot for
some locations.
"""

from __future__ import annotations

import re

from .._source import Source
from ..limits import ParseContext
from ..model import Component, Incident, Snapshot
from ..regions import Location
from ._gcp_html import component_location, read_gcp_html
from ._gcp_json import incident_locations, read_gcp_json
from .base import Sniff

__all__ = ["GcpHTML", "GcpJSON"]

_JSON_MARKERS = (
    '"external_desc"',
    '"affected_locations"',
    '"begin"',
    '"affected_products"',
    '"status_impact"',
    '"most_recent_update"',
    '"service_key"',
    '"previously_affected_locations"',
)
_HTML_MARKERS = re.compile(r"regional-table|psd-regional|location-id|Google Cloud Service Health")


class GcpJSON:
    """Adapter for Google's ``incidents.json`` (Google Cloud and Google Workspace)."""

    name = "gcp.json"
    platform = "gcp"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if not head.startswith("["):
            return None
        markers = [m for m in _JSON_MARKERS if m in head]
        if len(markers) < 2:
            return None
        return Sniff(
            min(0.75 + 0.05 * len(markers), 0.98), "Google incident keys " + ", ".join(markers[:3])
        )

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        return read_gcp_json(source.json(ctx), ctx, url=source.url, platform=self.platform)

    def locations(self, item: Incident | Component) -> tuple[Location, ...] | None:
        """Where an incident is (see :func:`statuskit.adapters._gcp_json.incident_locations`)."""
        return incident_locations(item) if isinstance(item, Incident) else None


class GcpHTML:
    """Adapter for Google Cloud's Service Health regional pages (product x region tables)."""

    name = "gcp.html"
    platform = "gcp"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if "<" not in head[:200]:
            return None
        # the title marker shares no character with the others' matches: found by the
        # pattern exactly when it is in the text (a cheap test first)
        if "Google Cloud Service Health" not in head and not (
            source.url and "status.cloud.google.com" in source.url
        ):
            return None
        found = sorted(set(_HTML_MARKERS.findall(head)))
        return Sniff(
            0.6 + 0.1 * min(len(found), 3), "Google Cloud Service Health page: " + ", ".join(found)
        )

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        return read_gcp_html(source, ctx, platform=self.platform)

    def locations(self, item: Incident | Component) -> tuple[Location, ...] | None:
        """Where a cell of the table is."""
        return component_location(item) if isinstance(item, Component) else None

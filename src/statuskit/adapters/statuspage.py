"""``statuspage.json``: Atlassian Statuspage's public v2 JSON API.

Reads every public v2 endpoint: ``summary.json``, ``status.json``, ``components.json``,
``incidents.json``, ``incidents/unresolved.json`` and ``scheduled-maintenances.json`` with its
``upcoming`` and ``active`` variants.  See :mod:`statuskit.adapters._spjson` for the mapping.
"""

from __future__ import annotations

from .._source import Source
from ..limits import ParseContext
from ..model import Snapshot
from ._spjson import STATUSPAGE_ID, ULID, read_statuspage, sniff_statuspage_shape
from .base import Sniff

__all__ = ["StatuspageJSON"]


class StatuspageJSON:
    """Adapter for Statuspage v2 JSON (``/api/v2/*.json``)."""

    name = "statuspage.json"
    platform = "statuspage"

    def sniff(self, source: Source) -> Sniff | None:
        score, evidence, page_id = sniff_statuspage_shape(source.head)
        if not score:
            return None
        if page_id is not None and ULID.match(page_id):
            # incident.io's Statuspage-compatible API: let incidentio.json have it
            return Sniff(0.5, evidence + f"; ULID page id {page_id} (incident.io?)")
        if page_id is not None and STATUSPAGE_ID.match(page_id):
            score += 0.05
            evidence += f"; Statuspage page id {page_id}"
        if source.url and "/api/v2/" in source.url:
            score += 0.05
            evidence += "; /api/v2/ url"
        return Sniff(min(score, 1.0), evidence)

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        return read_statuspage(source.json(ctx), ctx, platform=self.platform, url=source.url)

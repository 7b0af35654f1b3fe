"""``incidentio.json``: status pages hosted by incident.io.

incident.io serves a Statuspage-compatible ``/api/v2/summary.json`` (and its siblings): the
Statuspage shape with ULID ids, no ``time_zone``, no ``scheduled_maintenances`` key,
second-precision times and no shortlinks.  It is read with the Statuspage reader and reported as
platform ``incidentio``.
"""

from __future__ import annotations

from .._source import Source
from ..limits import ParseContext
from ..model import Snapshot
from ._spjson import ULID, read_statuspage, sniff_statuspage_shape
from .base import Sniff

__all__ = ["IncidentioJSON"]


class IncidentioJSON:
    """Adapter for incident.io's JSON endpoints."""

    name = "incidentio.json"
    platform = "incidentio"

    def sniff(self, source: Source) -> Sniff | None:
        score, evidence, page_id = sniff_statuspage_shape(source.head)
        if not score or page_id is None or not ULID.match(page_id):
            return None
        evidence += f"; ULID page id {page_id}"
        score = 0.9
        if '"time_zone"' not in source.head:
            score += 0.05
            evidence += "; no time_zone"
        return Sniff(score, evidence)

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        return read_statuspage(source.json(ctx), ctx, platform=self.platform, url=source.url)

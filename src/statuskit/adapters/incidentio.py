"""``incidentio.json`` and ``incidentio.html``: status pages hosted by incident.io.

``incidentio.json`` reads incident.io's Statuspage-compatible ``/api/v2/summary.json`` (and its
siblings: the Statuspage shape with ULID ids, no ``time_zone``, no ``scheduled_maintenances`` key,
second-precision times and no shortlinks; read with the Statuspage reader), its Widget API
(``ongoing_incidents``, ``in_progress_maintenances``, ``scheduled_maintenances``), the page data
the status page loads from ``/proxy/<host>`` (``summary`` with components, groups and affected
components) and one incident (``/proxy/<host>/incidents/<id>``).  ``incidentio.html`` reads the
same page data out of the status page itself (Next.js ``__NEXT_DATA__`` or ``self.__next_f``
flight chunks), without running anything.  All report platform ``incidentio``.
"""

from __future__ import annotations

from typing import Any

from .._source import Source
from ..limits import ParseContext
from ..model import Snapshot
from ._embedded import embedded_carrier, embedded_data, source_mentions
from ._incidentio_doc import (
    is_incident,
    is_page_data,
    is_widget,
    read_incident,
    read_incidentio,
    read_page_data,
    read_widget,
)
from ._spjson import ULID, sniff_statuspage_shape
from .base import Sniff

__all__ = ["IncidentioHTML", "IncidentioJSON"]

_WIDGET_KEYS = ('"ongoing_incidents"', '"in_progress_maintenances"')
_PAGE_KEYS = ('"affected_components"', '"structure"', '"status_page_id"', '"component_impacts"')


class IncidentioJSON:
    """Adapter for incident.io's JSON endpoints."""

    name = "incidentio.json"
    platform = "incidentio"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if not head.startswith("{"):
            return None
        widget = [k for k in _WIDGET_KEYS if k in head]
        page = [k for k in _PAGE_KEYS if k in head]
        if head.lstrip("{ \t\r\n").startswith('"summary"') and (widget or page):
            return Sniff(0.95, "incident.io page data: summary with " + ", ".join(page + widget))
        if widget and ('"page_title"' in head or '"page_url"' in head or len(widget) == 2):
            return Sniff(0.95, "incident.io widget keys " + ", ".join(widget))
        if '"incident"' in head and '"to_status"' in head and '"published_at"' in head:
            return Sniff(0.9, "incident.io incident: updates with to_status, published_at")
        score, evidence, page_id = sniff_statuspage_shape(head)
        if not score or page_id is None or not ULID.match(page_id):
            return None
        evidence += f"; ULID page id {page_id}"
        score = 0.9
        if '"time_zone"' not in head:
            score += 0.05
            evidence += "; no time_zone"
        return Sniff(score, evidence)

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        return read_incidentio(source.json(ctx), ctx, platform=self.platform, url=source.url)


_MENTIONS = (b"incident.io", b"incidentio")
_DATA_HINTS = (b"ongoing_incidents", b"affected_components", b"component_impacts")
_WINDOW = 2 * 1024 * 1024


def _page_data(obj: dict[str, Any]) -> bool:
    return is_page_data(obj) or is_widget(obj)


class IncidentioHTML:
    """Adapter for incident.io status pages (the data the page embeds)."""

    name = "incidentio.html"
    platform = "incidentio"

    def sniff(self, source: Source) -> Sniff | None:
        if not source.head.startswith("<"):
            return None
        carrier = embedded_carrier(source, _WINDOW)
        if carrier is None:
            return None
        mention = bool(source_mentions(source, _MENTIONS, _WINDOW))
        hint = [h.decode() for h in source_mentions(source, _DATA_HINTS, _WINDOW)]
        if hint:
            why = " and incident.io mention" if mention else ""
            return Sniff(0.9 if mention else 0.8, f"{carrier} data with {', '.join(hint)}{why}")
        if mention:
            return Sniff(0.4, f"{carrier} data and an incident.io mention, no page data keys")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        emb = embedded_data(source.text(ctx), ctx)
        if not emb.carriers():
            ctx.fail("no embedded page data (__NEXT_DATA__, self.__next_f)", "html")
        hit = emb.find(_page_data, ctx)
        if hit is not None:
            obj, carrier = hit
            if is_page_data(obj) and not is_widget(obj):
                return read_page_data(
                    obj, ctx, platform=self.platform, path=carrier, url=source.url
                )
            return read_widget(obj, ctx, platform=self.platform, url=source.url)
        found = emb.find(is_incident, ctx)
        if found is not None:
            obj, carrier = found
            return read_incident(obj, ctx, platform=self.platform, path=carrier, url=source.url)
        ctx.fail(
            "no incident.io page data (summary, widget or incident) in "
            + ", ".join(emb.carriers()),
            "html",
        )

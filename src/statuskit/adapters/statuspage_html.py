"""``statuspage.html``: the HTML pages Atlassian Statuspage serves.

Reads the index page (``/``), incident pages (``/incidents/<code>``) and history pages
(``/history?page=N``), told apart by the classes of ``<body>`` ("status index", "status
incident", "status history").  Incident ids are the codes of ``/incidents/<code>`` links: the
same ids the JSON API gives, so readings of both formats diff against each other.

What each page carries (:class:`~statuskit.Coverage`):

=============  ==========  =========  =================================================
page           components  indicator  incidents and maintenances
=============  ==========  =========  =================================================
index          yes         yes        RECENT: every open one, upcoming maintenances and
                                      the past-incident list's days (OPEN without that list)
incident       no          yes        SINGLE: the page's own incident
history        no          yes        RECENT: the months the page shows
=============  ==========  =========  =================================================

See :mod:`._sphtml_index` and :mod:`._sphtml_pages` for the markup read.
"""

from __future__ import annotations

from .._source import Source
from ..limits import ParseContext
from ..model import Coverage, Scope, Snapshot
from ..status import ComponentStatus
from ._html import parse_document
from ._json import lookup
from ._sphtml import page_info
from ._sphtml_index import read_index
from ._sphtml_pages import read_history, read_incident_page
from ._spjson import INDICATOR
from .base import Sniff

__all__ = ["StatuspageHTML"]

_CDN = "dka575ofm4ao0.cloudfront.net"
"""The host Statuspage serves every page's assets from."""
_BODY_MARKERS = (
    (b"layout-content status", "Statuspage layout"),
    (b"data-component-status=", "component rows"),
    (b'data-react-class="HistoryIndex"', "HistoryIndex mount"),
    (b"incident-updates-container", "incident updates"),
)
_SCAN = 64 * 1024


class StatuspageHTML:
    """Adapter for Statuspage's public HTML pages (index, incident, history)."""

    name = "statuspage.html"
    platform = "statuspage"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        # most pages open with one of the two (head is stripped): no need to lower 1 KB
        opening = head[:14].lower()
        if not opening.startswith(("<!doctype html", "<html")):
            lowered = head[:1024].lower()
            if "<html" not in lowered and "<!doctype html" not in lowered:
                return None
        raw = source.raw
        evidence: list[str] = []
        score = 0.0
        cdn = _CDN in head
        if cdn:
            score = 0.8
            evidence.append("Statuspage asset host")
            if 'name="issued"' in head:
                score += 0.05
                evidence.append("render-time meta")
        for marker, label in _BODY_MARKERS:
            # without copying the window; one marker is enough when the asset host matched
            if raw.find(marker, 0, _SCAN) >= 0:
                score = max(score, 0.6) + 0.1
                evidence.append(label)
                if len(evidence) > 2 or cdn:
                    break
        if not score:
            return None
        if source.url and ("/incidents/" in source.url or "/history" in source.url):
            score += 0.02
        return Sniff(round(min(score, 0.97), 3), "; ".join(evidence))

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        root = parse_document(source, ctx)
        info = page_info(root, source, ctx)
        kind = info.kind or _guess_kind(source)
        indicator = raw_indicator = None
        if info.indicator_word is not None:
            indicator, raw_indicator = lookup(
                INDICATOR,
                info.indicator_word,
                ComponentStatus.UNKNOWN,
                ctx,
                "body@class",
                "indicator",
            )
        if kind == "index":
            index = read_index(root, info.page, info.issued, info.indicator_word, ctx)
            return Snapshot(
                page=info.page,
                components=tuple(index.components),
                incidents=tuple(index.incidents),
                platform=self.platform,
                adapter=self.name,
                warnings=tuple(ctx.warnings),
                indicator=index.indicator,
                raw_indicator=index.raw_indicator,
                description=index.description,
                coverage=index.coverage,
            )
        if kind == "incident":
            page, incident = read_incident_page(root, info.page, info.issued, source.url, ctx)
            return Snapshot(
                page=page,
                incidents=() if incident is None else (incident,),
                platform=self.platform,
                adapter=self.name,
                warnings=tuple(ctx.warnings),
                indicator=indicator,
                raw_indicator=raw_indicator,
                coverage=Coverage(
                    indicator=indicator is not None,
                    incidents=Scope.SINGLE,
                    maintenances=Scope.SINGLE,
                ),
            )
        if kind == "history":
            page, incidents = read_history(root, info.page, ctx)
            return Snapshot(
                page=page,
                incidents=tuple(incidents),
                platform=self.platform,
                adapter=self.name,
                warnings=tuple(ctx.warnings),
                indicator=indicator,
                raw_indicator=raw_indicator,
                coverage=Coverage(
                    indicator=indicator is not None,
                    incidents=Scope.RECENT,
                    maintenances=Scope.RECENT,
                ),
            )
        ctx.fail(
            "not a Statuspage index, incident or history page "
            f"(body classes say {kind or 'nothing'!r})",
            "body@class",
        )


def _guess_kind(source: Source) -> str:
    raw = source.raw
    for marker, kind in _KIND_MARKERS:
        if raw.find(marker, 0, 4 * _SCAN) >= 0:
            return kind
    return ""


_KIND_MARKERS = (
    (b"data-component-status=", "index"),
    (b"incident-updates-container", "incident"),
    (b'data-react-class="HistoryIndex"', "history"),
)

"""``azure.html``: the Azure status page (``azure.status.microsoft/<lang>/status``).

The page has one tab per zone (Americas, Europe, Asia Pacific, ...); each zone's table is a
service x region matrix (``table.status-table.region-status-table[data-zone-name=...]``): the
header row names the regions ("*Non-Regional", "East US", ...), each body row a service, each
cell its state in that region.  A cell says its state three ways, depending on the page's age:
the text of a ``hide-text`` span ("Good"), a ``data-label`` attribute (broken in practice:
``data-label="Not" available``) or an SVG ``<use xlink:href="#svg-health-warning">``.  Rows with
class ``status-category`` are category headings; ``capability-row`` rows are a sub-feature of
the service above them.  A "Current Impact" table lists active events, or says there are none.

Every cell where a service is offered is a component: ``name`` is the service (a capability is
"<service>: <capability>"), ``group`` the region, ``group_id`` the region's programmatic name
("eastus"; "non-regional" for the Non-Regional column), ``id`` ``"<region>/<service>"``.  Active
events become open incidents of unknown impact.  The page carries no time of its own.
"""

from __future__ import annotations

import hashlib
import re

from lxml import etree

from .._source import Source
from .._text import html_to_text, safe_url
from ..limits import ParseContext
from ..model import Component, Coverage, Incident, Page, Scope, Snapshot, Update
from ..regions import Location
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._htmlpage import has_class, parse_page, text_of
from ._json import lookup
from .base import Sniff

__all__ = ["CELL_STATE", "AzureStatusHTML"]

CELL_STATE: dict[str, ComponentStatus] = {
    "good": ComponentStatus.OPERATIONAL,
    "information": ComponentStatus.OPERATIONAL,
    "warning": ComponentStatus.DEGRADED_PERFORMANCE,
    "critical": ComponentStatus.MAJOR_OUTAGE,
}
"""A cell's state (Azure's legend: Good, Information, Warning, Critical, N/A)."""

_NOT_OFFERED = frozenset({"not available", "n/a", "not", "blank", ""})
_SVG_STATE = {
    "#svg-check": "Good",
    "#svg-health-information": "Information",
    "#svg-health-warning": "Warning",
    "#svg-health-error": "Critical",
}
_NON_REGIONAL = "non-regional"
_NO_EVENTS = "there are currently no active events"
_XLINK = "{http://www.w3.org/1999/xlink}href"
_PAGE = "https://azure.status.microsoft/en-us/status"


class AzureStatusHTML:
    """Adapter for the Azure status page's service x region matrix."""

    name = "azure.html"
    platform = "azure"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if "<" not in head[:200]:
            return None
        # "region-status-table" holds "status-table": looked for only when that is there
        table = "status-table" in head
        found = [
            m
            for m, there in (
                ("<title>Azure status", "<title>Azure status" in head),
                ("data-zone-name", "data-zone-name" in head),
                ("region-status-table", table and "region-status-table" in head),
                ("status-table", table),
            )
            if there
        ]
        if "status.microsoft" in (source.url or "") or "azure.status" in (source.url or ""):
            found.append("azure status url")
        if not found or (len(found) == 1 and found[0] == "status-table"):
            return None
        return Sniff(min(0.6 + 0.12 * len(found), 0.97), "Azure status page: " + ", ".join(found))

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        root = parse_page(source, ctx)
        tables = [
            t
            for t in root.iter("table")
            if has_class(t, "region-status-table") and t.get("data-zone-name") != "current-impact"
        ]
        impact_tables = [
            t for t in root.iter("table") if t.get("data-zone-name") == "current-impact"
        ]
        if not tables and not impact_tables:
            ctx.fail("no Azure status table", "table")
        components: list[Component] = []
        seen: set[str] = set()
        for t, table in enumerate(tables):
            for comp in _matrix(table, ctx, f"table[{t}]"):
                if comp.id not in seen:
                    seen.add(comp.id)
                    components.append(comp)
        if tables and not components:
            ctx.warn("the status tables list no service", "table")
        incidents = [
            inc
            for t in impact_tables
            for inc in _events(t, ctx, "table[data-zone-name=current-impact]")
        ]
        title = root.findtext(".//title")
        return Snapshot(
            page=Page(
                name=" ".join(title.split()) if title else "Azure status",
                url=safe_url(source.url) or _PAGE,
            ),
            components=tuple(components),
            incidents=tuple(incidents),
            platform=self.platform,
            adapter=self.name,
            warnings=tuple(ctx.warnings),
            coverage=Coverage(
                components=bool(tables),
                incidents=Scope.OPEN if impact_tables else Scope.NONE,
                maintenances=Scope.NONE,
            ),
        )

    def locations(self, item: Incident | Component) -> tuple[Location, ...] | None:
        """The region of a cell (the Non-Regional column is global); events say none."""
        if not isinstance(item, Component) or not item.group_id:
            return None
        if item.group_id == _NON_REGIONAL:
            return (Location(_NON_REGIONAL, "Non-Regional", is_global=True),)
        return (Location(item.group_id, item.group),)


def region_id(name: str) -> str:
    """Azure's programmatic name for a region's display name ("West US 3" -> "westus3")."""
    name = name.strip().lstrip("*").strip()
    if name.casefold() == _NON_REGIONAL:
        return _NON_REGIONAL
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _header(table: etree._Element) -> list[str]:
    row = next((tr for tr in table.iter("tr") if has_class(tr, "status-table-head")), None)
    if row is None:
        row = next((tr for tr in table.iter("tr") if tr.find("th") is not None), None)
    if row is None:
        return []
    names = []
    for th in row.findall("th")[1:]:
        # the visible name, without the tooltip icon and footnote marks ("‡West US 3")
        for sup in th.iter():
            if has_class(sup, "superscript"):
                sup.text = ""
        names.append(text_of(th).strip(" *\u2020\u2021\u00a7"))
    return names


def _matrix(table: etree._Element, ctx: ParseContext, path: str) -> list[Component]:
    regions = _header(table)
    if not regions:
        ctx.warn("table without region columns", path)
        return []
    zone = table.get("data-zone-name")
    out: list[Component] = []
    service = category = None
    for r, tr in enumerate(table.iter("tr")):
        if has_class(tr, "status-table-head") or tr.find("td") is None:
            continue
        cells = tr.findall("td")
        label = text_of(cells[0])
        if has_class(tr, "status-category"):
            category = label
            continue
        if has_class(tr, "capability-row"):
            if service is None:
                ctx.warn("capability row before any service", f"{path}.tr[{r}]", label)
                continue
            name = f"{service}: {label}"
        else:
            service = name = label
        extra = [_cell_word(c) for c in cells[1 + len(regions) :]]
        if len(cells) - 1 < len(regions) or any(w.casefold() not in _NOT_OFFERED for w in extra):
            # (the page often ends rows with a spare "Not available" cell: harmless)
            ctx.warn(
                f"row has {len(cells) - 1} cells for {len(regions)} regions",
                f"{path}.tr[{r}]",
                name,
            )
        for c, (cell, region) in enumerate(zip(cells[1:], regions, strict=False)):
            word = _cell_word(cell)
            if word.casefold() in _NOT_OFFERED:
                continue
            status, raw = lookup(
                CELL_STATE,
                word,
                ComponentStatus.UNKNOWN,
                ctx,
                f"{path}.tr[{r}].td[{c + 1}]",
                "cell state",
            )
            rid = region_id(region)
            out.append(
                Component(
                    id=f"{rid}/{name}",
                    name=name,
                    status=status,
                    raw_status=raw,
                    group=region.lstrip("*").strip(),
                    position=r,
                    group_id=rid,
                    raw={"zone": zone, "category": category, "service": service, "region": region},
                )
            )
    return out


def _cell_word(cell: etree._Element) -> str:
    for el in cell.iter("span"):
        if has_class(el, "hide-text"):
            return text_of(el)
    for el in cell.iter():
        label = el.get("data-label")
        if label:
            return label.strip()
        href = el.get(_XLINK) or el.get("xlink:href") or el.get("href")
        if href in _SVG_STATE:
            return _SVG_STATE[href]
    return text_of(cell)


def _events(table: etree._Element, ctx: ParseContext, path: str) -> list[Incident]:
    out = []
    for r, tr in enumerate(table.iter("tr")):
        if tr.find("td") is None:
            continue
        text = text_of(tr)
        if not text or text.casefold().startswith(_NO_EVENTS):
            continue
        markup = "".join(
            etree.tostring(td, encoding="unicode", method="html", with_tail=False).strip()
            for td in tr.findall("td")
        )
        heading = next((text_of(h) for h in tr.iter("h3", "h4", "strong", "b") if text_of(h)), None)
        digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
        out.append(
            Incident.build(
                id=f"azure-event-{digest}",
                title=heading or text[:200],
                kind=IncidentKind.INCIDENT,
                status=IncidentStatus.INVESTIGATING,
                impact=Impact.UNKNOWN,
                url=_PAGE,
                updates=[
                    Update(
                        id=None,
                        status=IncidentStatus.INVESTIGATING,
                        body=ctx.text(html_to_text(markup), f"{path}.tr[{r}]"),
                        body_html=ctx.text(markup, f"{path}.tr[{r}]"),
                    )
                ],
            )
        )
    return out

"""Reading Google Cloud's Service Health page: the product x region tables of
``status.cloud.google.com/regional/<americas|europe|asia|multiregions>``.

Each table has one header cell per location (a ``location-id`` and a ``location-name`` span) and
one row per product; a cell holds a status icon (an ``svg`` whose class names the state:
``available``, ``information``, ``disruption``, ``outage``) or nothing when the product is not
offered there.  Class names carry a hashed prefix (``j2GwVIZkdLB__cell``) that changes with every
release of the page, so classes are matched by what follows the ``__``.

Every offered (product, location) cell is a component: ``name`` is the product, ``group`` the
location as Google titles it ("Iowa (us-central1)"), ``group_id`` the location id, and ``id``
``"<location>/<product>"``.  The yellow banner, when there is one, is the description.  The page
lists no incidents (``incidents.json`` does).
"""

from __future__ import annotations

from datetime import datetime

from lxml import etree

from .._dates import parse_datetime
from .._source import Source
from .._text import safe_url
from ..limits import ParseContext
from ..model import Component, Coverage, Page, Scope, Snapshot
from ..regions import Location
from ..status import ComponentStatus
from ._gcp_json import GCP_BASE, location_of
from ._htmlpage import classes, has_class, parse_page, text_of

__all__ = ["CELL_STATE", "component_location", "read_gcp_html"]

CELL_STATE: dict[str, ComponentStatus] = {
    "available": ComponentStatus.OPERATIONAL,
    "information": ComponentStatus.OPERATIONAL,
    "disruption": ComponentStatus.PARTIAL_OUTAGE,
    "outage": ComponentStatus.MAJOR_OUTAGE,
}
"""The state a status icon's class names (the same scale as ``incidents.json``)."""

_ICON = "status-icon"
_UPDATED = "Last updated:"


def component_location(comp: Component) -> tuple[Location, ...] | None:
    """The location of one cell of the table."""
    loc = location_of({"id": comp.group_id, "title": comp.raw.get("location_name")})
    return (loc,) if loc is not None else None


def read_gcp_html(source: Source, ctx: ParseContext, *, platform: str) -> Snapshot:
    """Read a Google Cloud Service Health regional page into a Snapshot."""
    root = parse_page(source, ctx)
    tables = [t for t in root.iter("table") if has_class(t, "regional-table")]
    if not tables:
        ctx.fail(
            "no product x region table (only the regional pages are read; for the overview, "
            "read incidents.json)",
            "table",
        )
    ctx.time_zone = ctx.time_zone or "America/Los_Angeles"  # "All times are US/Pacific"
    components: list[Component] = []
    seen: set[str] = set()
    for t, table in enumerate(tables):
        for comp in _table(table, ctx, f"table[{t}]"):
            if comp.id in seen:
                ctx.warn(f"cell {comp.id!r} listed twice; the first is kept", f"table[{t}]")
                continue
            seen.add(comp.id)
            components.append(comp)
    if not components:
        ctx.warn("the tables list no product", "table")
    title = root.findtext(".//title")
    banner = [text_of(el) for el in root.iter("div") if has_class(el, "banner")]
    return Snapshot(
        page=Page(
            name=" ".join(title.split()) if title else None,
            url=safe_url(source.url) or GCP_BASE.rstrip("/"),
            time_zone="America/Los_Angeles",
            updated_at=_updated(root, ctx),
        ),
        components=tuple(components),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        description=" ".join(b for b in banner if b) or None,
        coverage=Coverage(components=True, incidents=Scope.NONE, maintenances=Scope.NONE),
    )


def _table(table: etree._Element, ctx: ParseContext, path: str) -> list[Component]:
    header: list[tuple[str, str | None]] = []
    for th in table.iter("th"):
        if not has_class(th, "location"):
            continue
        lid = name = None
        for span in th.iter("span"):
            if has_class(span, "location-id"):
                lid = text_of(span)
            elif has_class(span, "location-name"):
                name = text_of(span)
        lid = lid or text_of(th)
        header.append((lid, name))
    if not header:
        ctx.warn("table without location columns", path)
        return []
    out: list[Component] = []
    for r, tr in enumerate(table.iter("tr")):
        product_cell = next((c for c in tr if c.tag == "th" and has_class(c, "product")), None)
        if product_cell is None:
            continue
        product = text_of(product_cell)
        cells = [c for c in tr if c.tag == "td"]
        if len(cells) != len(header):
            ctx.warn(
                f"row has {len(cells)} cells for {len(header)} locations",
                f"{path}.tr[{r}]",
                product,
            )
        for c, (cell, (lid, lname)) in enumerate(zip(cells, header, strict=False)):
            word = _state_word(cell)
            if word is None:
                continue  # no icon: the product is not offered there
            cpath = f"{path}.tr[{r}].td[{c}]"
            if word:
                status, raw = CELL_STATE[word], word
            else:
                ctx.warn("status icon of an unknown kind mapped to UNKNOWN", cpath, product)
                status, raw = ComponentStatus.UNKNOWN, None
            group = f"{lname} ({lid})" if lname else lid
            out.append(
                Component(
                    id=f"{lid}/{product}",
                    name=product,
                    status=status,
                    raw_status=raw,
                    group=group,
                    position=r,
                    group_id=lid,
                    raw={"product": product, "location": lid, "location_name": lname, "icon": raw},
                )
            )
    return out


def _state_word(cell: etree._Element) -> str | None:
    """The state an icon in *cell* names; "" for an icon that names none; None for no icon."""
    icon = False
    for el in cell.iter():
        if has_class(el, _ICON) or str(el.tag).endswith("status-icon"):
            icon = True
            for token in classes(el):
                word = token.rsplit("__", 1)[-1]
                if word != _ICON and word in CELL_STATE:
                    return word
    return "" if icon else None


def _updated(root: etree._Element, ctx: ParseContext) -> datetime | None:
    for el in root.iter("p", "span", "div"):
        text = el.text or ""
        if _UPDATED in text:
            text = text[text.index(_UPDATED) :]
            value = text.strip()[len(_UPDATED) :].strip()
            return parse_datetime(value, ctx, "footer")
    return None

"""An Instatus JSON document (decoded) to a Snapshot, whichever public shape it has.

* a summary (``page`` + ``activeIncidents`` / ``activeMaintenances``): the page status as
  indicator, the open incidents and maintenances, no components;
* a components list (``components``): every component, groups kept;
* the page props a status page embeds (``site`` with ``components`` and ``mainStatus``, and
  ``notices``): components, indicator and the notices the page shows.

See :mod:`._instatus` for the vocabularies.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from .._text import safe_url
from ..limits import ParseContext
from ..model import Component, Coverage, Incident, Page, Scope, Snapshot
from ._instatus import components, page_status, summary_page
from ._instatus_events import event, summary_events
from ._json import as_list, as_str

__all__ = ["is_page_props", "read_instatus"]

_SUMMARY_KEYS = ("activeIncidents", "activeMaintenances")


def is_page_props(value: object) -> bool:
    """True for an Instatus page-props object (or its ``site``)."""
    if not isinstance(value, dict):
        return False
    site = value.get("site")
    if isinstance(site, dict) and isinstance(site.get("components"), list):
        return True
    return isinstance(value.get("components"), list) and (
        "mainStatus" in value or "subdomain" in value
    )


def read_instatus(
    doc: Any, ctx: ParseContext, *, platform: str, url: str | None = None
) -> Snapshot:
    """Read any public Instatus JSON document; ParseError when it is none of them."""
    if not isinstance(doc, dict):
        ctx.fail(f"expected a JSON object, got {type(doc).__name__}", "$", doc)
    if is_page_props(doc):
        return read_page_props(doc, ctx, platform=platform, path="$")
    if "page" in doc or any(k in doc for k in _SUMMARY_KEYS):
        return _summary(doc, ctx, platform, url)
    if isinstance(doc.get("components"), list):
        return _components_doc(doc, ctx, platform, url)
    ctx.fail("none of page, activeIncidents, activeMaintenances, components, site present", "$")


def _summary(doc: Mapping[str, Any], ctx: ParseContext, platform: str, url: str | None) -> Snapshot:
    page, raw_word = summary_page(doc, ctx)
    indicator, raw_indicator = page_status(raw_word, ctx, "$.page.status")
    incidents = summary_events(doc, ctx, page.url or url)
    comps: tuple[Component, ...] = ()
    if isinstance(doc.get("components"), list):
        comps = components(doc["components"], ctx, "$.components")
    return Snapshot(
        page=page,
        components=comps,
        incidents=tuple(incidents),
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=raw_indicator,
        coverage=Coverage(
            components=bool(comps) or isinstance(doc.get("components"), list),
            indicator=indicator is not None,
            incidents=Scope.OPEN if "activeIncidents" in doc else Scope.NONE,
            maintenances=Scope.OPEN if "activeMaintenances" in doc else Scope.NONE,
        ),
    )


def _components_doc(
    doc: Mapping[str, Any], ctx: ParseContext, platform: str, url: str | None
) -> Snapshot:
    comps = components(doc["components"], ctx, "$.components")
    if not comps:
        ctx.warn("the page lists no components", "$.components")
    return Snapshot(
        page=Page(url=_origin(url)),
        components=comps,
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        coverage=Coverage(components=True),
    )


def _origin(url: str | None) -> str | None:
    """The page's address from an endpoint's (``https://host/v3/components.json``)."""
    found = safe_url(url)
    if found is None:
        return None
    parts = urlsplit(found)
    return f"{parts.scheme}://{parts.netloc}"


# -- page props ---------------------------------------------------------------------------------


def _site_url(site: Mapping[str, Any]) -> str | None:
    domain = site.get("customDomain")
    if isinstance(domain, str) and domain:
        return safe_url("https://" + domain.strip("/"))
    sub = site.get("subdomain")
    if isinstance(sub, str) and sub:
        return safe_url(f"https://{sub}.instatus.com")
    return None


def _notices(value: object, ctx: ParseContext, path: str) -> Iterator[tuple[object, str]]:
    """Notice records in ``notices``: a list, or an object whose values are notices or lists of
    them (grouped by day or keyed by id).  Two levels at most."""
    if isinstance(value, list):
        for i, item in enumerate(as_list(value, ctx, path)):
            yield item, f"{path}[{i}]"
        return
    if not isinstance(value, dict):
        if value is not None:
            ctx.warn(f"expected notices as a list or object, got {type(value).__name__}", path)
        return
    for key, item in value.items():
        where = f"{path}.{key}"
        if isinstance(item, list):
            for i, sub in enumerate(as_list(item, ctx, where)):
                yield sub, f"{where}[{i}]"
        elif isinstance(item, dict) and "status" not in item and "name" not in item:
            for sub_key, sub in item.items():
                yield sub, f"{where}.{sub_key}"
        else:
            yield item, where


def read_page_props(
    props: Mapping[str, Any], ctx: ParseContext, *, platform: str, path: str
) -> Snapshot:
    """Read Instatus page props (the object with ``site``), or a bare ``site`` object."""
    site = props.get("site") if isinstance(props.get("site"), dict) else props
    spath = f"{path}.site" if site is not props else path
    assert isinstance(site, dict)
    word_key = "mainStatus" if site.get("mainStatus") is not None else "status"
    indicator, raw_indicator = page_status(site.get(word_key), ctx, f"{spath}.{word_key}")
    url = _site_url(site)
    page = Page(
        name=as_str(site.get("name"), ctx, f"{spath}.name"),
        url=url,
        id=as_str(site.get("id"), ctx, f"{spath}.id"),
    )
    comps = components(site["components"], ctx, f"{spath}.components")
    incidents: dict[str, Incident] = {}
    scope = Scope.NONE
    holders = [(props, path)] + ([(site, spath)] if site is not props else [])
    for holder, hpath in holders:
        for key, maintenance in (("activeIncidents", False), ("activeMaintenances", True)):
            if key not in holder:
                continue
            if scope is Scope.NONE:
                scope = Scope.OPEN
            for i, item in enumerate(as_list(holder[key], ctx, f"{hpath}.{key}")):
                inc = event(item, ctx, f"{hpath}.{key}[{i}]", maintenance=maintenance, base=url)
                if inc is not None:
                    incidents.setdefault(inc.id, inc)
        if "notices" in holder:
            scope = Scope.RECENT  # the page shows recent notices, resolved ones included
            for item, where in _notices(holder["notices"], ctx, f"{hpath}.notices"):
                inc = event(item, ctx, where, maintenance=None, base=url)
                if inc is not None:
                    incidents.setdefault(inc.id, inc)
    if not comps:
        ctx.warn("the page lists no components", f"{spath}.components")
    found = tuple(incidents.values())
    return Snapshot(
        page=page,
        components=comps,
        incidents=found,
        platform=platform,
        adapter=ctx.adapter,
        warnings=tuple(ctx.warnings),
        indicator=indicator,
        raw_indicator=raw_indicator,
        coverage=Coverage(
            components=True,
            indicator=indicator is not None,
            incidents=scope,
            maintenances=scope,
        ),
    )

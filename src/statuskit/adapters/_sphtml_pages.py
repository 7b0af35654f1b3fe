"""Statuspage incident pages (``/incidents/<code>``) and history pages (``/history?page=N``).

Incident page markup: ``div.incident-name.impact-<impact>`` (the title), ``div.subheader``
("Incident Report for <a href=page>Name</a>", "Scheduled Maintenance Report for ..."),
``div.components-affected`` ("This incident affected: Group (A, B) and C."), and one
``div.update-row`` per post, newest first: ``div.update-title`` (the status word),
``div.update-body`` and ``div.update-timestamp`` (``span.ago[data-datetime-unix]`` in ms, then
"Dec 21, 2019 - 12:31 UTC").

History page: a React mount ``div[data-react-class=HistoryIndex]`` whose ``data-react-props``
JSON holds ``page_status.page`` and ``months[]`` of ``{name, year, incidents: [{code, name,
message, impact, timestamp}]}``, ``timestamp`` being the incident's span as HTML ("Aug 26, 23:37 -
Aug 27, 19:44 UTC").  The list gives no status: an entry with an end time is taken as over
(``raw["status_inferred"]`` says so), one without stays UNKNOWN.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from lxml import etree

from .._dates import from_epoch, zone_info
from .._text import html_to_text, safe_url
from ..limits import ParseContext
from ..model import ComponentRef, Incident, Page, Update
from ..status import Impact, IncidentKind, IncidentStatus
from ._html import first_class, fragment, has_class, iter_classed, text_of
from ._json import as_dict, as_list, as_str, lookup
from ._sphtml import (
    MAINTENANCE_STATUSES,
    carry_update_status,
    incident_code,
    origin,
    parse_when,
    parse_window,
    split_affected,
    update_status,
)
from ._spjson import IMPACT

__all__ = ["read_history", "read_incident_page"]

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}


def read_incident_page(
    root: etree._Element,
    page: Page,
    issued: datetime | None,
    url: str | None,
    ctx: ParseContext,
) -> tuple[Page, Incident | None]:
    """The page (name and address from the subheader) and its one incident."""
    name_el = subheader = affected = None
    rows: list[etree._Element] = []
    for cls, el in iter_classed(
        root, "div", ("incident-name", "subheader", "components-affected", "update-row")
    ):
        if cls == "update-row":
            rows.append(el)
        elif cls == "incident-name" and name_el is None:
            name_el = el
        elif cls == "subheader" and subheader is None:
            subheader = el
        elif cls == "components-affected" and affected is None:
            affected = el
    if subheader is not None:
        link = next(subheader.iter("a"), None)
        if link is not None:
            page = Page(
                name=text_of(link) or page.name,
                url=origin(link.get("href")) or page.url,
                id=page.id,
            )
    code = _code(root, url)
    if code is None:
        ctx.warn("incident page without its /incidents/<code> address: nothing read", "$")
        return page, None
    title = text_of(name_el)
    impact, raw_impact = Impact.UNKNOWN, None
    word = first_class(name_el, "impact-") if name_el is not None else None
    if word is not None:
        impact, raw_impact = lookup(
            IMPACT, word, Impact.UNKNOWN, ctx, "div.incident-name@class", "impact"
        )
    updates = [
        _row(el, issued, ctx, f"div.update-row[{i}]")
        for i, el in enumerate(rows[: ctx.limits.max_items])
    ]
    updates.reverse()  # newest first on the page
    updates = carry_update_status(updates)
    report = text_of(subheader).lower()
    kind = IncidentKind.INCIDENT
    if (
        impact is Impact.MAINTENANCE
        or "maintenance" in report
        or any(u.status in MAINTENANCE_STATUSES for u in updates)
    ):
        kind = IncidentKind.MAINTENANCE
    refs: list[ComponentRef] = []
    raw: dict[str, Any] = {}
    if affected is not None:
        sentence = text_of(affected)
        raw["components_affected"] = sentence
        groups = []
        for group, cname in split_affected(sentence):
            refs.append(ComponentRef(id=None, name=cname))
            groups.append({"group": group, "name": cname})
        raw["components_affected_groups"] = groups
    if not title:
        ctx.warn("incident page without a title", "div.incident-name")
    return page, Incident.build(
        id=code,
        title=title,
        kind=kind,
        impact=impact,
        raw_impact=raw_impact,
        url=f"{page.url}/incidents/{code}" if page.url else None,
        updates=updates,
        components=refs,
        raw=raw,
    )


def _code(root: etree._Element, url: str | None) -> str | None:
    head = root.find("head")
    if head is not None:
        for el in head:
            if el.tag == "meta" and el.get("property") == "og:url":
                found = incident_code(el.get("content"))
                if found:
                    return found
            if el.tag == "link" and (el.get("rel") or "").lower() == "canonical":
                found = incident_code(el.get("href"))
                if found:
                    return found
    found = incident_code(url)
    if found:
        return found
    for el in root.iter("input"):
        if el.get("name") == "incident_code" and el.get("value"):
            return el.get("value")
    return None


def _row(el: etree._Element, issued: datetime | None, ctx: ParseContext, path: str) -> Update:
    title = body = stamp = None
    for cls, child in iter_classed(el, "div", ("update-title", "update-body", "update-timestamp")):
        if cls == "update-title" and title is None:
            title = child
        elif cls == "update-body" and body is None:
            body = child
        elif cls == "update-timestamp" and stamp is None:
            stamp = child
    raw_status = text_of(title) or None
    status = (
        update_status(raw_status, ctx, f"{path}.update-title")
        if raw_status
        else IncidentStatus.UNKNOWN
    )
    html, text = fragment(body.text or "", list(body)) if body is not None else ("", "")
    when = None
    if stamp is not None:
        ago = next((c for c in stamp if has_class(c, "ago")), None)
        unix = ago.get("data-datetime-unix") if ago is not None else None
        if unix:
            when = from_epoch(unix, ctx, f"{path}.update-timestamp@data-datetime-unix", unit="ms")
        if when is None:
            shown = text_of(stamp)
            if ago is not None:
                shown = shown.replace(text_of(ago), "", 1)
            when = parse_when(shown, issued, ctx, f"{path}.update-timestamp")
    return Update(
        id=None,
        status=status,
        raw_status=raw_status,
        body=ctx.text(text, path),
        body_html=html or None,
        created_at=when,
    )


# -- history -------------------------------------------------------------------------------


def read_history(
    root: etree._Element, page: Page, ctx: ParseContext
) -> tuple[Page, list[Incident]]:
    """The page and the incidents of a history page (see the module docstring)."""
    props = None
    for el in root.iter("div"):
        if el.get("data-react-class") == "HistoryIndex":
            props = el.get("data-react-props")
            break
    if props is None:
        ctx.warn("history page without its HistoryIndex data: nothing read", "$")
        return page, []
    try:
        doc = json.loads(props)
    except ValueError as exc:
        ctx.fail(f"unreadable HistoryIndex data ({exc})", "div[data-react-props]", props[:80])
    except RecursionError:
        ctx.over_limit("max_depth", "HistoryIndex data nested too deeply", "div[data-react-props]")
    if not isinstance(doc, dict):
        ctx.fail("HistoryIndex data is not an object", "div[data-react-props]", props[:80])
    page = _history_page(doc, page, ctx)
    incidents: list[Incident] = []
    seen: set[str] = set()
    for m, raw_month in enumerate(as_list(doc.get("months"), ctx, "$.months")):
        mpath = f"$.months[{m}]"
        month = as_dict(raw_month, ctx, mpath)
        if month is None:
            continue
        reference = _month_reference(month)
        for i, item in enumerate(as_list(month.get("incidents"), ctx, f"{mpath}.incidents")):
            if len(incidents) >= ctx.limits.max_items:
                ctx.warn(f"more than max_items={ctx.limits.max_items} incidents", mpath)
                return page, incidents
            inc = _history_incident(item, reference, page, ctx, f"{mpath}.incidents[{i}]")
            if inc is not None and inc.id not in seen:
                seen.add(inc.id)
                incidents.append(inc)
    return page, incidents


def _history_page(doc: dict[str, Any], page: Page, ctx: ParseContext) -> Page:
    status = as_dict(doc.get("page_status"), ctx, "$.page_status")
    raw = as_dict(status.get("page"), ctx, "$.page_status.page") if status else None
    if raw is None:
        return page
    tz = as_str(raw.get("time_zone"), ctx, "$.page_status.page.time_zone")
    if tz is not None and zone_info(tz) is None:
        tz = None  # a Rails zone name ("Pacific Time (US & Canada)"), not an IANA one
    if tz is not None and ctx.time_zone is None:
        ctx.time_zone = tz
    domain = as_str(raw.get("domain"), ctx, "$.page_status.page.domain")
    return Page(
        name=as_str(raw.get("name"), ctx, "$.page_status.page.name") or page.name,
        url=page.url or (safe_url(f"https://{domain}") if domain else None),
        time_zone=tz,
        id=as_str(raw.get("id"), ctx, "$.page_status.page.id") or page.id,
    )


def _month_reference(month: Any) -> datetime | None:
    year, name = month.get("year"), month.get("name")
    if not isinstance(year, int) or isinstance(year, bool) or not isinstance(name, str):
        return None
    number = _MONTHS.get(name.strip().lower())
    if number is None or not 1 <= year <= 9999:
        return None
    return datetime(year, number, 15, tzinfo=timezone.utc)


def _history_incident(
    item: Any, reference: datetime | None, page: Page, ctx: ParseContext, path: str
) -> Incident | None:
    item = as_dict(item, ctx, path)
    if item is None:
        return None
    code = as_str(item.get("code"), ctx, f"{path}.code")
    title = as_str(item.get("name"), ctx, f"{path}.name") or ""
    if not code:
        ctx.warn("history entry without a code: skipped", f"{path}.code", title)
        return None
    impact, raw_impact = lookup(
        IMPACT, item.get("impact"), Impact.UNKNOWN, ctx, f"{path}.impact", "impact"
    )
    stamp = as_str(item.get("timestamp"), ctx, f"{path}.timestamp") or ""
    start, end = parse_window(html_to_text(stamp), reference, ctx, f"{path}.timestamp")
    message = as_str(item.get("message"), ctx, f"{path}.message")
    raw: dict[str, Any] = {"timestamp": stamp}
    if message is not None:
        raw["message"] = ctx.text(message, f"{path}.message")
    maintenance = impact is Impact.MAINTENANCE
    status = IncidentStatus.UNKNOWN
    if end is not None:
        status = IncidentStatus.COMPLETED if maintenance else IncidentStatus.RESOLVED
        raw["status_inferred"] = "history entry with an end time"
    return Incident.build(
        id=code,
        title=title,
        kind=IncidentKind.MAINTENANCE if maintenance else IncidentKind.INCIDENT,
        status=status,
        impact=impact,
        raw_impact=raw_impact,
        started_at=None if maintenance else start,
        resolved_at=None if maintenance else end,
        scheduled_for=start if maintenance else None,
        scheduled_until=end if maintenance else None,
        url=f"{page.url}/incidents/{code}" if page.url else None,
        raw=raw,
    )

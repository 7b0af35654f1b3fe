"""The feeds of the three clouds: AWS (legacy per-service RSS), Azure (status RSS) and Google
Cloud (``feed.atom``).

**AWS** (``status.aws.amazon.com/rss/<service>-<region>.rss``): one item per *update*, titled
"<state>: [RESOLVED] <event>" with a CDATA body and PST/PDT dates.  The state prefix is the
service's state at that update (a component change on the service named by the guid,
``#ec2-us-east-1_<epoch>``); "Service is operating normally" closes the event.  Items of one
service with the same event title (``[RESOLVED]`` aside) posted less than a day apart are the
updates of one incident, whose id is the guid of its first item.

**Azure** (``azure.status.microsoft/en-us/status/feed/``): one item per *active* incident; the
``<category>`` elements name the affected services and, last, the regions.  The feed lists open
incidents only, so its coverage is ``open``.

**Google Cloud** (``status.cloud.google.com/en/feed.atom``): one entry per *update*, titled
"RESOLVED: ..." or "UPDATE: ...", linked to ``/incidents/<id>``, whose summary states when the
incident began and ended in a named zone ("all times are US/Pacific") and lists the affected
products and locations.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from .._dates import zone_info
from .._text import safe_url
from ..limits import ParseContext
from ..model import ComponentChange, ComponentRef, Coverage, Incident, Scope, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._feedbuild import (
    Entry,
    body_of,
    entries_of,
    entry_raw,
    group_entries,
    identity,
    oldest_first,
    title_of,
    worst_impact,
)
from ._feedwords import infer_impact, infer_kind, infer_status
from ._feedxml import RawFeed

__all__ = [
    "AWS_STATES",
    "AZURE_COVERAGE",
    "AZURE_REGIONS",
    "aws_incidents",
    "azure_incidents",
    "gcp_incidents",
]

AWS_STATES: dict[str, tuple[ComponentStatus, Impact, IncidentStatus]] = {
    "service is operating normally": (
        ComponentStatus.OPERATIONAL,
        Impact.UNKNOWN,
        IncidentStatus.RESOLVED,
    ),
    "informational message": (ComponentStatus.OPERATIONAL, Impact.NONE, IncidentStatus.UNKNOWN),
    "performance issues": (
        ComponentStatus.DEGRADED_PERFORMANCE,
        Impact.MINOR,
        IncidentStatus.UNKNOWN,
    ),
    "service degradation": (
        ComponentStatus.DEGRADED_PERFORMANCE,
        Impact.MINOR,
        IncidentStatus.UNKNOWN,
    ),
    "service disruption": (ComponentStatus.MAJOR_OUTAGE, Impact.MAJOR, IncidentStatus.UNKNOWN),
}
"""AWS's item prefixes: (the service's state, the event's impact, the update's status).  Only
"Service is operating normally" states a life-cycle step (resolved); the others state how bad
it is, and the update's status stays UNKNOWN (the incident is open)."""

_AWS_TITLE = re.compile(r"^(?P<prefix>[A-Za-z][A-Za-z ]{2,60}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)
_AWS_RESOLVED = re.compile(r"^\[RESOLVED\]\s*", re.IGNORECASE)
_AWS_GUID = re.compile(r"#(?P<service>[a-z0-9-]+)_(?P<epoch>\d+)$")
_SAME_EVENT = timedelta(hours=24)


def aws_incidents(feed: RawFeed, ctx: ParseContext, url: str | None) -> list[Incident]:
    """Incidents of an AWS per-service (or all-services) RSS feed."""
    channel_name = (feed.title or "").strip()
    if channel_name.endswith(" Service Status"):
        channel_name = channel_name[: -len(" Service Status")].strip()
    events: list[list[tuple[Entry, str | None, str, bool, str]]] = []
    open_event: dict[tuple[str | None, str], list[tuple[Entry, str | None, str, bool, str]]] = {}
    for entry in oldest_first(entries_of(feed, ctx)):
        title = title_of(entry.raw)
        m = _AWS_TITLE.match(title)
        prefix, rest = (m.group("prefix"), m.group("rest")) if m else (None, title)
        if prefix is not None and prefix.lower() not in AWS_STATES:
            prefix, rest = None, title
        resolved = bool(_AWS_RESOLVED.match(rest))
        event = _AWS_RESOLVED.sub("", rest).strip()
        g = _AWS_GUID.search(entry.raw.id or "")
        service = g.group("service") if g else None
        key = (service, event.casefold())
        group = open_event.get(key)
        if group is None or not _close(group[-1][0], entry):
            group = []
            events.append(group)
            open_event[key] = group
        group.append((entry, prefix, event, resolved, service or ""))
    services = {item[4] for group in events for item in group}
    name = channel_name if len(services) == 1 and channel_name else None
    return [_aws_incident(group, ctx, url, name) for group in events]


def _close(before: Entry, after: Entry) -> bool:
    if before.when is None or after.when is None:
        return True
    return after.when - before.when <= _SAME_EVENT


def _aws_incident(
    group: list[tuple[Entry, str | None, str, bool, str]],
    ctx: ParseContext,
    url: str | None,
    name: str | None,
) -> Incident:
    first, last = group[0][0], group[-1][0]
    service = group[0][4] or None
    updates: list[Update] = []
    impacts: list[Impact] = []
    worst_word: str | None = None
    for entry, prefix, event, _resolved, _svc in group:
        text, markup = body_of(entry.raw, ctx, entry.path)
        changes: tuple[ComponentChange, ...] = ()
        if prefix is not None:
            state, impact, status = AWS_STATES[prefix.lower()]
            if service is not None:
                changes = (ComponentChange(service, name, None, state, None, prefix),)
            if impact is not Impact.UNKNOWN and worst_impact([*impacts, impact]) is impact:
                worst_word = prefix
            impacts.append(impact)
        else:
            status, _word = infer_status(event, text, IncidentKind.INCIDENT)
        updates.append(
            Update(
                id=entry.raw.id,
                status=status,
                raw_status=prefix,
                body=text,
                body_html=markup,
                created_at=entry.when,
                component_changes=changes,
            )
        )
    said_resolved = any(item[3] for item in group)
    title = group[-1][2]
    guid = first.raw.id or ""
    return Incident.build(
        id=guid.rsplit("#", 1)[-1] if "#" in guid and guid[-1] != "#" else identity(first.raw),
        title=title,
        kind=infer_kind(title),
        status=IncidentStatus.RESOLVED if said_resolved else IncidentStatus.UNKNOWN,
        raw_status=updates[-1].raw_status,
        impact=worst_impact(impacts),
        raw_impact=worst_word,
        created_at=first.when,
        resolved_at=last.when if said_resolved else None,
        updated_at=last.latest,
        url=safe_url(last.raw.link, url) if last.raw.link else None,
        updates=updates,
        components=(ComponentRef(service, name),) if service else (),
        raw={"entries": [entry_raw(item[0].raw) for item in group]},
    )


# -- Azure ----------------------------------------------------------------------------------

AZURE_COVERAGE = Coverage(incidents=Scope.OPEN, maintenances=Scope.NONE)

_REGION_NAMES = """
Global, Non-Regional, Multiple Regions,
East US, East US 2, East US 3, West US, West US 2, West US 3, Central US, North Central US,
South Central US, West Central US, Canada Central, Canada East, Brazil South, Brazil Southeast,
Mexico Central, Chile Central, North Europe, West Europe, UK South, UK West, France Central,
France South, Germany West Central, Germany North, Switzerland North, Switzerland West,
Norway East, Norway West, Sweden Central, Sweden South, Poland Central, Italy North,
Spain Central, Austria East, Belgium Central, Denmark East, Finland Central, Greece Central,
East Asia, Southeast Asia, Japan East, Japan West, Korea Central, Korea South, Central India,
South India, West India, Jio India West, Jio India Central, Australia East,
Australia Southeast, Australia Central, Australia Central 2, New Zealand North,
Indonesia Central, Malaysia West, Taiwan North, UAE North, UAE Central, Qatar Central,
Israel Central, Saudi Arabia East, South Africa North, South Africa West, US Gov Virginia,
US Gov Arizona, US Gov Texas, US DoD Central, US DoD East, China East, China East 2,
China East 3, China North, China North 2, China North 3
"""
AZURE_REGIONS = frozenset(
    name.strip().casefold() for name in _REGION_NAMES.split(",") if name.strip()
)
"""Azure region display names: a ``<category>`` naming one of them is a region, not a service."""


def azure_incidents(feed: RawFeed, ctx: ParseContext, url: str | None) -> list[Incident]:
    """Incidents of the Azure status RSS feed (active incidents only)."""
    out: list[Incident] = []
    for entry in entries_of(feed, ctx):
        raw = entry.raw
        title = title_of(raw)
        text, markup = body_of(raw, ctx, entry.path)
        regions = [c for c in raw.categories if c.casefold() in AZURE_REGIONS]
        services = [c for c in raw.categories if c.casefold() not in AZURE_REGIONS]
        kind = infer_kind(title)
        status, word = infer_status(title, text, kind)
        record = entry_raw(raw)
        record["services"], record["regions"] = services, regions
        out.append(
            Incident.build(
                id=identity(raw),
                title=title,
                kind=kind,
                status=IncidentStatus.UNKNOWN,
                raw_status=word,
                impact=infer_impact(title, text, kind),
                created_at=entry.when,
                updated_at=entry.latest,
                url=safe_url(raw.link, url) if raw.link else None,
                updates=[Update(raw.id, status, word, text, markup, entry.when)],
                components=[ComponentRef(None, s) for s in services],
                raw=record,
            )
        )
    return out


# -- Google Cloud ---------------------------------------------------------------------------

GCP_PREFIX: dict[str, IncidentStatus] = {
    "RESOLVED": IncidentStatus.RESOLVED,
    "UPDATE": IncidentStatus.UNKNOWN,  # a post on an open incident: no life-cycle word
}
_GCP_TITLE = re.compile(r"^(?P<word>[A-Z]{3,12})\s*:\s*(?P<rest>.*)$", re.DOTALL)
_GCP_SPAN = re.compile(
    r"began at\s*<strong>(?P<began>[^<]{8,40})</strong>"
    r"(?:\s*and ended at\s*<strong>(?P<ended>[^<]{8,40})</strong>)?"
    r"(?:.{0,200}?all times are\s*<strong>(?P<zone>[^<]{1,64})</strong>)?",
    re.DOTALL | re.IGNORECASE,
)
_GCP_LIST = re.compile(r"Affected (?P<what>products|locations):\s*(?P<items>[^<]{1,2000})", re.I)


def gcp_incidents(feed: RawFeed, ctx: ParseContext, url: str | None) -> list[Incident]:
    """Incidents of the Google Cloud Service Health feed (one entry per update)."""
    out: list[Incident] = []
    for iid, group in group_entries(entries_of(feed, ctx)).items():
        updates: list[Update] = []
        began = ended = None
        products: list[str] = []
        locations: list[str] = []
        title = ""
        for entry in oldest_first(group):
            raw = entry.raw
            m = _GCP_TITLE.match(title_of(raw))
            word = m.group("word") if m and m.group("word") in GCP_PREFIX else None
            title = m.group("rest").strip() if word and m else title_of(raw)
            text, markup = body_of(raw, ctx, entry.path)
            body = raw.body or ""
            span = _GCP_SPAN.search(body)
            if span is not None:
                zone = span.group("zone")
                began = _local(span.group("began"), zone, ctx, entry.path) or began
                ended = (
                    _local(span.group("ended"), zone, ctx, entry.path)
                    if span.group("ended")
                    else None
                )
            for lm in _GCP_LIST.finditer(body):
                items = [p.strip() for p in lm.group("items").split(",") if p.strip()]
                (products if lm.group("what").lower() == "products" else locations)[:] = items
            uid = raw.id.rsplit(".", 1)[-1] if raw.id and "." in raw.id else raw.id
            status = GCP_PREFIX[word] if word else IncidentStatus.UNKNOWN
            updates.append(Update(uid, status, word, text, markup, entry.latest))
        ordered = oldest_first(group)
        last = ordered[-1]
        record = {"entries": [entry_raw(e.raw) for e in ordered], "locations": locations}
        out.append(
            Incident.build(
                id=iid,
                title=title,
                kind=infer_kind(title),
                status=IncidentStatus.RESOLVED if ended is not None else IncidentStatus.UNKNOWN,
                raw_status=updates[-1].raw_status,
                impact=infer_impact(title, "", IncidentKind.INCIDENT),
                started_at=began,
                resolved_at=ended,
                created_at=began,
                updated_at=last.latest,
                url=safe_url(last.raw.link, url) if last.raw.link else None,
                updates=updates,
                components=[ComponentRef(None, p) for p in products],
                raw=record,
            )
        )
    return out


def _local(text: str, zone: str | None, ctx: ParseContext, path: str) -> datetime | None:
    """ "2022-03-31 08:30" in the named zone (UTC when the summary names none)."""
    try:
        wall = datetime.fromisoformat(text.strip())
    except ValueError:
        ctx.warn("unreadable incident time", f"{path}/summary", text)
        return None
    if wall.tzinfo is not None:
        return wall.astimezone(timezone.utc)
    tz = zone_info(zone.strip()) if zone else timezone.utc
    if tz is None:
        ctx.warn(f"unknown time zone {zone!r}", f"{path}/summary", zone)
        return None
    return wall.replace(tzinfo=tz).astimezone(timezone.utc)

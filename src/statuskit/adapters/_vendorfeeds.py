"""The feeds of hosted status-page products other than Statuspage: incident.io, Slack,
Instatus and Better Stack.

**incident.io** serves two shapes.  Its ``/history.atom`` and ``/history.rss`` copy Statuspage's
(the update history in the body: read by :mod:`._spfeed`).  Its ``/feed.rss`` gives the latest
state of each incident: ``<p><b>Status: Monitoring</b></p><p>text</p><p><b>Affected
components</b></p><ul><li>API (Degraded performance)</li>...</ul>`` (component states in
incident.io's words), linked to ``/incidents/<ULID>`` (sometimes with a doubled slash).

**Slack** (``status.slack.com/feed/rss``) titles its items "Incident: ...", "Outage: ...",
"Notice: ..." or "Maintenance: ...": the word gives the kind (and, for an outage, a major
impact); the rest is read like a generic feed.

**Instatus** and **Better Stack** publish plain RSS items (Better Stack: one per update, titled
"[Resolved] ..." and linked to ``/incident/<id>``): read like a generic feed, with the platform
named.
"""

from __future__ import annotations

import re

from .._text import safe_url
from ..limits import ParseContext
from ..model import ComponentRef, Incident, Update
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._feedbuild import (
    Entry,
    body_of,
    entries_of,
    entry_raw,
    generic_incidents,
    group_entries,
    oldest_first,
    title_of,
)
from ._feedwords import infer_impact, infer_kind
from ._feedxml import RawFeed
from ._spfeed import has_blocks, statuspage_incident

__all__ = [
    "INCIDENTIO_COMPONENT",
    "INCIDENTIO_STATUS",
    "SLACK_KINDS",
    "incidentio_incidents",
    "slack_incidents",
]

INCIDENTIO_STATUS: dict[str, IncidentStatus] = {
    "investigating": IncidentStatus.INVESTIGATING,
    "identified": IncidentStatus.IDENTIFIED,
    "monitoring": IncidentStatus.MONITORING,
    "resolved": IncidentStatus.RESOLVED,
    "scheduled": IncidentStatus.SCHEDULED,
    "in progress": IncidentStatus.IN_PROGRESS,
    "maintenance in progress": IncidentStatus.IN_PROGRESS,
    "completed": IncidentStatus.COMPLETED,
    "maintenance complete": IncidentStatus.COMPLETED,
    "maintenance completed": IncidentStatus.COMPLETED,
}
INCIDENTIO_COMPONENT: dict[str, ComponentStatus] = {
    "operational": ComponentStatus.OPERATIONAL,
    "degraded performance": ComponentStatus.DEGRADED_PERFORMANCE,
    "partial outage": ComponentStatus.PARTIAL_OUTAGE,
    "full outage": ComponentStatus.MAJOR_OUTAGE,
    "major outage": ComponentStatus.MAJOR_OUTAGE,
    "under maintenance": ComponentStatus.UNDER_MAINTENANCE,
}
_COMPONENT_IMPACT = {
    ComponentStatus.DEGRADED_PERFORMANCE: Impact.MINOR,
    ComponentStatus.PARTIAL_OUTAGE: Impact.MAJOR,
    ComponentStatus.MAJOR_OUTAGE: Impact.CRITICAL,
}
_MAINTENANCE = frozenset(
    {IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, IncidentStatus.COMPLETED}
)
_STATUS_LINE = re.compile(r"Status:\s*(?P<word>[A-Za-z][A-Za-z ]{1,40}?)\s*<", re.IGNORECASE)
_AFFECTED = re.compile(r"Affected components?", re.IGNORECASE)
_DOUBLE_SLASH = re.compile(r"(?<=[^:/])//+")
_ITEM = re.compile(r"<li>\s*(?P<name>[^<>]{1,200}?)\s*\((?P<state>[^()<>]{1,40})\)\s*</li>")


def incidentio_incidents(feed: RawFeed, ctx: ParseContext, url: str | None) -> list[Incident]:
    """Incidents of an incident.io status page feed (either shape)."""
    base = safe_url(feed.link, url) if feed.link else url
    entries = entries_of(feed, ctx)
    out: list[Incident] = []
    plain: list[Entry] = []
    for entry in entries:
        if entry.raw.body_html and has_blocks(entry.raw.body):
            out.append(statuspage_incident(entry, ctx, base, atom=feed.kind == "atom"))
        else:
            plain.append(entry)
    for iid, group in group_entries(plain).items():
        out.append(_incidentio(iid, oldest_first(group), ctx, base))
    return out


def _incidentio(iid: str, group: list[Entry], ctx: ParseContext, base: str | None) -> Incident:
    updates: list[Update] = []
    refs: dict[str, ComponentRef] = {}
    for entry in group:
        raw = entry.raw
        text, markup = body_of(raw, ctx, entry.path)
        body = raw.body or ""
        status, word = IncidentStatus.UNKNOWN, None
        m = _STATUS_LINE.search(body)
        if m is not None:
            word = m.group("word").strip()
            found = INCIDENTIO_STATUS.get(word.lower())
            if found is None:
                ctx.warn(f"unknown status {word!r} mapped to UNKNOWN", f"{entry.path}/body")
            status = found or IncidentStatus.UNKNOWN
        listed = _AFFECTED.search(body)
        if listed is not None:
            for item in _ITEM.finditer(body, listed.end()):
                name, state_word = item.group("name").strip(), item.group("state").strip()
                state = INCIDENTIO_COMPONENT.get(state_word.lower())
                if state is None:
                    ctx.warn(
                        f"unknown component state {state_word!r} mapped to UNKNOWN",
                        f"{entry.path}/body",
                    )
                    state = ComponentStatus.UNKNOWN
                refs[name] = ComponentRef(None, name, state, state_word)
        updates.append(Update(raw.id, status, word, text, markup, entry.when))
    last = group[-1]
    title = title_of(last.raw)
    maintenance = any(u.status in _MAINTENANCE for u in updates)
    kind = IncidentKind.MAINTENANCE if maintenance else infer_kind(title)
    impacts = [_COMPONENT_IMPACT[r.status] for r in refs.values() if r.status in _COMPONENT_IMPACT]
    if kind is IncidentKind.MAINTENANCE:
        impact = Impact.MAINTENANCE
    elif impacts:
        impact = max(impacts, key=list(_COMPONENT_IMPACT.values()).index)
    else:
        impact = infer_impact(title, updates[-1].body, kind)
    times = [e.when for e in group if e.when is not None]
    return Incident.build(
        id=iid,
        title=title,
        kind=kind,
        status=IncidentStatus.UNKNOWN,
        raw_status=updates[-1].raw_status,
        impact=impact,
        created_at=min(times) if times else None,
        updated_at=last.latest,
        url=_link(last.raw.link, base),
        updates=updates,
        components=refs.values(),
        raw=entry_raw(last.raw)
        if len(group) == 1
        else {"entries": [entry_raw(e.raw) for e in group]},
    )


def _link(link: str | None, base: str | None) -> str | None:
    # incident.io's feed.rss links read "https://status.example.com//incidents/<id>"
    return safe_url(_DOUBLE_SLASH.sub("/", link), base) if link else None


# -- Slack ----------------------------------------------------------------------------------

SLACK_KINDS: dict[str, tuple[IncidentKind, Impact | None]] = {
    "incident": (IncidentKind.INCIDENT, None),
    "outage": (IncidentKind.INCIDENT, Impact.MAJOR),
    "notice": (IncidentKind.NOTICE, None),
    "maintenance": (IncidentKind.MAINTENANCE, Impact.MAINTENANCE),
}
"""Slack's title words: (kind, impact it states, if any)."""

_SLACK_TITLE = re.compile(r"^(?P<word>[A-Za-z]{5,12})\s*:\s*(?P<rest>.+)$", re.DOTALL)
_SLACK_LINK = re.compile(r"status\.slack\.com/\d{4}-\d{2}/(?P<code>[0-9a-f]{8,40})/?$")


def slack_incidents(feed: RawFeed, ctx: ParseContext, url: str | None) -> list[Incident]:
    """Incidents of Slack's status feed; the id is the code of the incident's link
    (``status.slack.com/2026-06/<code>``)."""
    out: list[Incident] = []
    for incident in generic_incidents(feed, ctx, url):
        m = _SLACK_TITLE.match(incident.title)
        said = SLACK_KINDS.get(m.group("word").lower()) if m else None
        kind, impact = said if said is not None else (incident.kind, None)
        code = _SLACK_LINK.search(incident.url or "")
        out.append(
            Incident.build(
                id=code.group("code") if code else incident.id,
                title=m.group("rest").strip() if m and said else incident.title,
                kind=kind,
                status=incident.status,
                raw_status=incident.raw_status,
                impact=impact or incident.impact,
                raw_impact=m.group("word") if m and impact is not None else None,
                created_at=incident.created_at,
                updated_at=incident.updated_at,
                url=incident.url,
                updates=incident.updates,
                raw=incident.raw,
            )
        )
    return out

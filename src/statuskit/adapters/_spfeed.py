"""Statuspage history feeds (``/history.atom``, ``/history.rss`` and the per-component feeds),
and incident.io's feeds of the same shape.

One entry is one incident or maintenance; its body holds every update (see :mod:`._spbody`),
which becomes ``Incident.updates``, oldest first:

* the time shown ("Oct 30, 23:05 UTC") takes its year from the entry's own date, closest to it,
  so "Dec 31, 23:41 PST" in an entry updated on Jan 1 lands in the old year;
* the bold word is the status.  "Update" is Statuspage's word for a post that did not change the
  status: the update carries the previous status forward and keeps "Update" as ``raw_status``;
* "THIS IS A SCHEDULED EVENT Dec 18, 16:00 - 17:00 UTC" is the maintenance window
  (``scheduled_for`` / ``scheduled_until``); an entry with that banner or with a maintenance
  status (Scheduled, In progress, Verifying, Completed) is a MAINTENANCE.

The incident id is the code of the entry link (``/incidents/<code>``), the id Statuspage's JSON
API uses; the entry's own id (``tag:host,2005:Incident/<n>``) stays in ``raw``.  A feed says
nothing of impact: UNKNOWN for incidents, MAINTENANCE for maintenances.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .._dates import parse_partial
from ..limits import ParseContext
from ..model import Incident, Update
from ..status import Impact, IncidentKind, IncidentStatus
from ._fastbuild import new_update
from ._feedbuild import Entry, body_of, entry_raw, identity, link_url, title_of
from ._spbody import Banner, Block, fast_clean, html_text, split_blocks
from ._spwords import MAINTENANCE_STATUSES, UPDATE_WORDS

__all__ = ["STATUSPAGE_STATUS", "has_blocks", "statuspage_incident"]

STATUSPAGE_STATUS: dict[str, IncidentStatus | None] = {
    **UPDATE_WORDS,
    "update": None,  # a post without a status change: the previous status carries forward
}
"""The bold status words of Statuspage (and incident.io) feed bodies."""


def has_blocks(body: str | None) -> bool:
    """True when *body* looks like a Statuspage update history (cheap check)."""
    return bool(body) and "<small" in body and "<strong" in body  # type: ignore[operator]


def statuspage_incident(
    entry: Entry, ctx: ParseContext, base: str | None, *, atom: bool
) -> Incident:
    """The incident (or maintenance) one Statuspage feed entry describes."""
    raw = entry.raw
    body = raw.body or ""
    if len(body) > ctx.limits.max_text:
        body = ctx.text(body, f"{entry.path}/body")
    blocks, banner = split_blocks(body) if raw.body_html and body else ([], None)
    reference = entry.latest
    updates = _updates(blocks, entry, ctx, reference)
    if not blocks:
        text, markup = body_of(raw, ctx, entry.path)
        if text:
            ctx.warn("entry body holds no update blocks: kept as one update", f"{entry.path}/body")
            updates = [Update(None, IncidentStatus.UNKNOWN, None, text, markup, entry.when)]
    if banner is None:
        scheduled_for = scheduled_until = None
        maintenance = not MAINTENANCE_STATUSES.isdisjoint([u.status for u in updates])
    else:
        scheduled_for, scheduled_until = _window(banner, entry, ctx, reference)
        maintenance = True
    kind = IncidentKind.MAINTENANCE if maintenance else IncidentKind.INCIDENT
    times = [u.created_at for u in updates if u.created_at is not None]
    newest = max(times) if times else None
    return Incident.build(
        id=identity(raw),
        title=title_of(raw),
        kind=kind,
        status=IncidentStatus.UNKNOWN,  # Incident.build takes the latest update's status
        raw_status=updates[-1].raw_status if updates else None,
        impact=Impact.MAINTENANCE if maintenance else Impact.UNKNOWN,
        created_at=min(times) if times else entry.when,
        updated_at=(entry.latest if atom else None) or newest or entry.latest,
        scheduled_for=scheduled_for,
        scheduled_until=scheduled_until,
        url=link_url(raw.link, base),
        updates=updates,
        raw=entry_raw(raw),
    )


def _updates(
    blocks: list[Block], entry: Entry, ctx: ParseContext, reference: datetime | None
) -> list[Update]:
    out: list[Update] = []
    previous = IncidentStatus.UNKNOWN
    total = len(blocks)
    words = STATUSPAGE_STATUS
    limit = ctx.limits.max_text
    base = f"{entry.path}/body"
    for k, (when_text, word, markup) in enumerate(reversed(blocks)):
        # the body lists the updates newest first; the path names the block as it appears
        when = parse_partial(when_text, reference, ctx, base) if when_text else None
        key = word.lower()
        if key in words:
            found = words[key]
            if found is None:
                status = previous
            else:
                status = previous = found
        else:
            path = f"{base}/update[{total - k}]"
            ctx.warn(f"unknown update status {word!r} mapped to UNKNOWN", path)
            status = IncidentStatus.UNKNOWN
        # html_text's own first test, inline: most updates are plain text
        text = (
            fast_clean(markup)
            if "<" not in markup and "&" not in markup
            else html_text(markup, ctx, base)
        )
        if len(text) > limit:
            text = ctx.text(text, f"{base}/update[{total - k}]")
        out.append(new_update(None, status, word, text, markup, when, (), {}))
    return out


def _window(
    banner: Banner, entry: Entry, ctx: ParseContext, reference: datetime | None
) -> tuple[datetime | None, datetime | None]:
    path = f"{entry.path}/body/strong"
    start = parse_partial(banner.start, reference, ctx, path)
    end = parse_partial(banner.end, reference, ctx, path) if banner.end else None
    if start is not None and end is not None and end < start and end + timedelta(days=1) > start:
        end += timedelta(days=1)  # "23:00 - 01:00 UTC": the window ends the next day
    return start, end

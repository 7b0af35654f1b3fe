"""Atom and RSS status feeds: ``feed`` (any Atom 1.0 / RSS 2.0 / RSS 1.0 feed) and the feeds of
known platforms, each its own adapter reporting its platform:

===================  ============  ==========================================================
adapter              platform      reads
===================  ============  ==========================================================
``statuspage.feed``  statuspage    ``/history.atom``, ``/history.rss``, per-component feeds
``incidentio.feed``  incidentio    ``/history.atom``, ``/history.rss``, ``/feed.rss``
``aws.feed``         aws           legacy per-service RSS (``/rss/<service>-<region>.rss``)
``azure.feed``       azure         the Azure status RSS (active incidents)
``gcp.feed``         gcp           ``status.cloud.google.com/en/feed.atom``
``slack.feed``       slack         ``status.slack.com/feed/rss``
``instatus.feed``    instatus      Instatus ``/history.rss``
``betterstack.feed`` betterstack   Better Stack ``/feed.rss``
``feed``             (detected)    any other feed: one incident per entry, words read
===================  ============  ==========================================================

``feed`` reads a known platform's feed the way its own adapter does (and reports that
platform); detection prefers the platform's adapter.  Reading goes through lxml, and through
feedparser only for feeds lxml rejects (with a warning).  See :mod:`._feedread`.
"""

from __future__ import annotations

from collections.abc import Callable

from .._source import Source
from .._text import safe_url
from ..limits import ParseContext
from ..model import Coverage, Incident, Snapshot
from ._cloudfeeds import AZURE_COVERAGE, aws_incidents, azure_incidents, gcp_incidents
from ._feedbuild import RECENT, entries_of, generic_incidents, make_snapshot
from ._feedread import ENGINES, read_feed
from ._feedsniff import classify, guess_feed, platform_of
from ._feedxml import RawFeed
from ._spfeed import statuspage_incident
from ._vendorfeeds import incidentio_incidents, slack_incidents
from .base import Sniff

__all__ = [
    "AWSFeed",
    "AzureFeed",
    "BetterStackFeed",
    "FeedAdapter",
    "GCPFeed",
    "IncidentioFeed",
    "InstatusFeed",
    "SlackFeed",
    "StatuspageFeed",
]

Reader = Callable[[RawFeed, ParseContext, "str | None"], list[Incident]]


def _statuspage(feed: RawFeed, ctx: ParseContext, url: str | None) -> list[Incident]:
    base = safe_url(feed.link, url) if feed.link else url
    atom = feed.kind == "atom"
    out: dict[str, Incident] = {}
    for entry in entries_of(feed, ctx):
        incident = statuspage_incident(entry, ctx, base, atom=atom)
        if incident.id in out:
            ctx.warn(f"a second entry for incident {incident.id!r}: the first is kept", entry.path)
            continue
        out[incident.id] = incident
    return list(out.values())


FLAVOURS: dict[str, tuple[Reader, Coverage]] = {
    "statuspage": (_statuspage, RECENT),
    "incidentio": (incidentio_incidents, RECENT),
    "aws": (aws_incidents, RECENT),
    "azure": (azure_incidents, AZURE_COVERAGE),
    "gcp": (gcp_incidents, RECENT),
    "slack": (slack_incidents, RECENT),
    "instatus": (generic_incidents, RECENT),
    "betterstack": (generic_incidents, RECENT),
}
"""How each platform's feed is read, and what a reading of it covers."""

_FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/rdf+xml")


class FeedAdapter:
    """Adapter for any Atom or RSS status feed (``feed``).

    *engine* is ``"auto"`` (lxml, feedparser for what lxml rejects) or ``"feedparser"``
    (feedparser only: tests use it to prove both readers agree).
    """

    name = "feed"
    platform = "unknown"
    flavour: str | None = None
    """The platform this adapter is dedicated to (None: detect it)."""

    def __init__(self, engine: str = "auto") -> None:
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
        self.engine = engine

    def sniff(self, source: Source) -> Sniff | None:
        guess = guess_feed(source)
        if guess is None:
            return None
        media = (source.content_type or "").split(";", 1)[0].strip().lower()
        typed = media in _FEED_TYPES
        if self.flavour is None:
            confidence = (0.6 if guess.sure else 0.4) + (0.05 if typed else 0.0)
            return Sniff(confidence, guess.evidence, platform=guess.platform)
        if guess.platform == self.flavour:
            return Sniff(0.95, guess.evidence)
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        feed = read_feed(source, ctx, self.engine)
        platform = self.flavour
        if platform is None:
            guess = classify(source.head, source.url)
            platform = (guess.platform if guess else None) or platform_of(feed)
        reader, coverage = FLAVOURS.get(platform or "", (generic_incidents, RECENT))
        incidents = reader(feed, ctx, source.url)
        return make_snapshot(
            feed,
            ctx,
            incidents,
            platform=platform or self.platform,
            url=source.url,
            coverage=coverage,
        )


class StatuspageFeed(FeedAdapter):
    """Adapter for Statuspage's history feeds (``statuspage.feed``)."""

    name = "statuspage.feed"
    platform = flavour = "statuspage"


class IncidentioFeed(FeedAdapter):
    """Adapter for incident.io status page feeds (``incidentio.feed``)."""

    name = "incidentio.feed"
    platform = flavour = "incidentio"


class AWSFeed(FeedAdapter):
    """Adapter for the AWS Service Health Dashboard's RSS feeds (``aws.feed``)."""

    name = "aws.feed"
    platform = flavour = "aws"


class AzureFeed(FeedAdapter):
    """Adapter for the Azure status RSS feed (``azure.feed``)."""

    name = "azure.feed"
    platform = flavour = "azure"


class GCPFeed(FeedAdapter):
    """Adapter for the Google Cloud Service Health Atom feed (``gcp.feed``)."""

    name = "gcp.feed"
    platform = flavour = "gcp"


class SlackFeed(FeedAdapter):
    """Adapter for Slack's status RSS feed (``slack.feed``)."""

    name = "slack.feed"
    platform = flavour = "slack"


class InstatusFeed(FeedAdapter):
    """Adapter for Instatus status page feeds (``instatus.feed``)."""

    name = "instatus.feed"
    platform = flavour = "instatus"


class BetterStackFeed(FeedAdapter):
    """Adapter for Better Stack status page feeds (``betterstack.feed``)."""

    name = "betterstack.feed"
    platform = flavour = "betterstack"

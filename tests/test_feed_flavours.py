"""The feeds of AWS, Azure, Google Cloud, incident.io, Slack, Instatus and Better Stack, generic
feeds read from words, and detection between them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus, Scope
from statuskit._text import clean, html_to_text
from statuskit.adapters._feedwords import infer_status
from statuskit.adapters._spbody import _fast_text, fast_clean, html_text

from .conftest import FIXTURES


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)  # type: ignore[misc]


def _read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((FIXTURES / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "adapter", "platform"),
    [
        ("statuspage.feed/history-incidents.atom", "statuspage.feed", "statuspage"),
        ("statuspage.feed/history-maintenances.rss", "statuspage.feed", "statuspage"),
        ("incidentio.feed/feed.rss", "incidentio.feed", "incidentio"),
        ("incidentio.feed/history.atom", "incidentio.feed", "incidentio"),
        ("aws.feed/s3-us-west-2.rss", "aws.feed", "aws"),
        ("azure.feed/status-feed.rss", "azure.feed", "azure"),
        ("gcp.feed/feed.atom", "gcp.feed", "gcp"),
        ("slack.feed/feed.rss", "slack.feed", "slack"),
        ("instatus.feed/history.rss", "instatus.feed", "instatus"),
        ("betterstack.feed/feed.rss", "betterstack.feed", "betterstack"),
        ("feed/status-words.rss", "feed", "unknown"),
        ("feed/rss1.rdf", "feed", "unknown"),
    ],
)
def test_detection_picks_the_platform_adapter(name: str, adapter: str, platform: str) -> None:
    """Content alone tells the platform; the platform's adapter beats the generic one."""
    data = (FIXTURES / name).read_bytes()
    found = statuskit.detect(data)
    assert (found.adapter, found.platform) == (adapter, platform)
    assert statuskit.parse(data).platform == platform


def test_the_generic_adapter_reads_a_known_platform_like_its_own_adapter() -> None:
    """provider="feed" on an AWS feed gives the AWS reading, reported as platform aws."""
    data = (FIXTURES / "aws.feed" / "s3-us-west-2.rss").read_bytes()
    generic = statuskit.parse(data, provider="feed")
    own = statuskit.parse(data, provider="aws.feed")
    assert generic.platform == "aws"
    assert generic.incidents == own.incidents


def test_a_url_ending_in_history_atom_hints_statuspage() -> None:
    """Without markers in the content, a /history.atom URL points to Statuspage."""
    data = (FIXTURES / "feed" / "cdata-atom-text.atom").read_bytes()
    found = statuskit.detect(data, url="https://status.example.com/history.atom")
    assert found.adapter == "statuspage.feed"


# -- AWS ------------------------------------------------------------------------------------


def test_aws_items_of_one_event_are_the_updates_of_one_incident() -> None:
    """Items sharing an event title within a day form one incident, oldest first."""
    snap = _read("aws.feed/s3-us-west-2.rss")
    latency = snap.incident("s3-us-west-2_1647037925")
    assert latency is not None
    assert [u.raw_status for u in latency.updates] == [
        "Informational message",
        "Performance issues",
        "Service is operating normally",
    ]
    assert latency.status is IncidentStatus.RESOLVED
    assert latency.impact is Impact.MINOR


def test_aws_prefixes_are_component_changes_on_the_service() -> None:
    """The title prefix is the service's state at that update (never the incident's status)."""
    latency = _read("aws.feed/s3-us-west-2.rss").incident("s3-us-west-2_1647037925")
    assert latency is not None
    changes = [u.component_changes[0] for u in latency.updates]
    assert [(c.component_id, c.new) for c in changes] == [
        ("s3-us-west-2", ComponentStatus.OPERATIONAL),
        ("s3-us-west-2", ComponentStatus.DEGRADED_PERFORMANCE),
        ("s3-us-west-2", ComponentStatus.OPERATIONAL),
    ]
    assert [c.id for c in latency.impacted_components] == ["s3-us-west-2"]
    assert latency.updates[0].status is IncidentStatus.UNKNOWN


def test_aws_pst_and_pdt_dates_and_cdata() -> None:
    """PST and PDT pubDates resolve to -08:00 and -07:00; CDATA bodies read as text."""
    snap = _read("aws.feed/s3-us-west-2.rss")
    disruption = snap.incident("s3-us-west-2_1647276012")
    assert disruption is not None
    assert disruption.created_at == _utc(2022, 3, 14, 16, 40, 12)  # 09:40:12 PDT
    assert disruption.status is IncidentStatus.UNKNOWN and not disruption.is_resolved
    assert disruption.impact is Impact.MAJOR
    latency = snap.incident("s3-us-west-2_1647037925")
    assert latency is not None
    assert latency.created_at == _utc(2022, 3, 11, 22, 32, 5)  # 14:32:05 PST
    assert "latency & are working" in latency.updates[1].body


def test_an_aws_event_marked_resolved_without_a_normal_item_is_resolved() -> None:
    """A "[RESOLVED]" in the title closes an event even without "operating normally"."""
    listing = _read("aws.feed/s3-us-west-2.rss").incident("s3-us-west-2_1643728500")
    assert listing is not None
    assert listing.status is IncidentStatus.RESOLVED
    assert listing.resolved_at == _utc(2022, 2, 1, 15, 15)


# -- Azure ----------------------------------------------------------------------------------


def test_azure_categories_are_services_and_regions() -> None:
    """Categories naming Azure regions are regions; the others are the affected services."""
    inc = _read("azure.feed/status-feed.rss").incidents[1]
    assert [c.name for c in inc.components] == ["Azure SQL Database"]
    assert inc.raw["regions"] == ["East US 2", "West US 3"]


def test_the_azure_feed_lists_open_incidents_only() -> None:
    """The Azure feed's coverage is open incidents (resolved ones leave the feed)."""
    snap = _read("azure.feed/status-feed.rss")
    assert snap.coverage.incidents is Scope.OPEN
    assert snap.coverage.maintenances is Scope.NONE


# -- Google Cloud ---------------------------------------------------------------------------


def test_gcp_entries_are_grouped_into_incidents_by_link() -> None:
    """One entry per update; entries linked to the same /incidents/<id> are one incident."""
    snap = _read("gcp.feed/feed.atom")
    ongoing = snap.incident("Qx7TfRb2yHc9LmN3pVa1")
    assert ongoing is not None
    assert [u.id for u in ongoing.updates] == ["Bn5cXv7zQw3ErT9yUi2O", "Ke4wZr8sTy2UoP6dLm0A"]
    assert ongoing.status is IncidentStatus.UNKNOWN and not ongoing.is_resolved
    assert ongoing.started_at == _utc(2026, 5, 12, 17, 5)  # 10:05 US/Pacific
    assert [c.name for c in ongoing.components] == ["Google Compute Engine", "Cloud Load Balancing"]


def test_gcp_resolved_incidents_keep_their_window() -> None:
    """The summary's "began at ... ended at ... (all times are US/Pacific)" gives the start and the end."""
    done = _read("gcp.feed/feed.atom").incident("Zp2Wq8Rn4Tb6Yc0Ud5Ve")
    assert done is not None
    assert done.status is IncidentStatus.RESOLVED
    assert done.started_at == _utc(2026, 5, 10, 15, 30)
    assert done.raw["locations"] == ["Global"]
    assert done.impact is not Impact.MAJOR  # the boilerplate "disruption/outage" is not read


# -- incident.io, Slack, Better Stack -------------------------------------------------------


def test_incidentio_component_states_are_read_in_its_words() -> None:
    """An item "Responses (Degraded performance)" lists the component with that state."""
    inc = _read("incidentio.feed/feed.rss").incidents[0]
    assert inc.id == "01JZ8Q4W7K2M5N8P1R3T6V9X0Y"
    assert inc.url == "https://status.example-ai.com/incidents/01JZ8Q4W7K2M5N8P1R3T6V9X0Y"
    assert [(c.name, c.status) for c in inc.components] == [
        ("Responses", ComponentStatus.DEGRADED_PERFORMANCE),
        ("Codex", ComponentStatus.OPERATIONAL),
    ]
    assert [c.name for c in inc.impacted_components] == ["Responses"]
    assert (inc.status, inc.impact) == (IncidentStatus.MONITORING, Impact.MINOR)


def test_incidentio_history_feeds_read_like_statuspage() -> None:
    """incident.io's history.atom has Statuspage bodies: every update is rebuilt."""
    inc = _read("incidentio.feed/history.atom").incidents[0]
    assert [u.status for u in inc.updates] == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.MONITORING,
    ]


def test_slack_title_words_give_the_kind() -> None:
    """A title "Outage: ..." is an incident with major impact, "Notice:" a notice; the id is the code."""
    snap = _read("slack.feed/feed.rss")
    outage, notice = snap.incidents[1], snap.incidents[2]
    assert (outage.id, outage.kind, outage.impact) == (
        "90f1d3b7a2c4e6f8",
        IncidentKind.INCIDENT,
        Impact.MAJOR,
    )
    assert notice.kind is IncidentKind.NOTICE


def test_betterstack_updates_of_one_report_are_one_incident() -> None:
    """Items linked to one /incident/<id> are its updates; "[Resolved]" is explicit."""
    inc = _read("betterstack.feed/feed.rss").incidents[0]
    assert inc.id == "512345"
    assert [u.raw_status for u in inc.updates] == ["Investigating", "Identified", "Resolved"]
    assert inc.status is IncidentStatus.RESOLVED


# -- generic feeds: words, conservatively ---------------------------------------------------


def test_generic_entries_are_read_from_words_never_operational() -> None:
    """Markers and phrases give statuses; nothing gives "operational" or a made-up status."""
    snap = _read("feed/status-words.rss")
    by_title = {i.title: i for i in snap.incidents}
    assert by_title["Mail delivery delays"].status is IncidentStatus.RESOLVED
    assert by_title["Control panel unavailable in Frankfurt"].status is (
        IncidentStatus.INVESTIGATING
    )
    assert by_title["Cloud Monitoring graphs"].status is IncidentStatus.UNKNOWN
    maintenance = by_title["Planned maintenance: storage firmware"]
    assert (maintenance.kind, maintenance.impact) == (IncidentKind.MAINTENANCE, Impact.MAINTENANCE)
    assert snap.overall is not ComponentStatus.OPERATIONAL


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Login errors", "We will post an update once the issue is resolved.", "unknown"),
        ("Login errors", "This has not been resolved yet.", "unknown"),
        ("Cloud Monitoring outage", "Metrics are missing.", "unknown"),
        ("Login errors", "The issue has been resolved.", "resolved"),
        ("Resolved: login errors", "", "resolved"),
        ("[Identified] Login errors", "", "identified"),
        ("Login errors", "<p>Status: Monitoring</p>", "monitoring"),
        ("Login errors", "We are investigating. We have identified the cause.", "identified"),
    ],
)
def test_status_words_are_read_conservatively(title: str, text: str, expected: str) -> None:
    """Negated, conditional or product-name uses of status words do not count."""
    assert infer_status(title, text, IncidentKind.INCIDENT)[0].value == expected


def test_entries_without_any_id_get_a_stable_digest_id() -> None:
    """An item with neither guid nor link is keyed by a digest of its title and dates."""
    snap = _read("feed/no-dates.rss")
    again = _read("feed/no-dates.rss")
    assert snap.incidents[1].id.startswith("entry:")
    assert snap.incidents[1].id == again.incidents[1].id
    assert all(u.created_at is None for i in snap.incidents for u in i.updates)


# -- the fast text path equals the lxml one -------------------------------------------------

_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br>",
        "<br />",
        "<strong>",
        "</strong>",
        '<a href="https://x.example/?a=1&amp;b=2">',
        "</a>",
        "<em>",
        "</em>",
        "<li>",
        "</li>",
        "<ul>",
        "</ul>",
        "<ol>",
        "</ol>",
        "<!-- c -->",
        "text",
        " ",
        "\n",
        "\t",
        "\u00a0",
        "&amp;",
        "&#39;",
        "&nbsp;",
        "&lt;",
        "&A,",
        "Q&A",
        "é",
        "\x0b",
        "&#128;",
        "&quot;",
        "&apos;",
        "<ul>",
        "</ul>",
        "<br/>",
        "</br>",
        "<p/>",
        "<span class='x'>",
        "</span>",
        "<img src=x>",
        "\r\n",
        "a<b",
    ]
)


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_fast_html_text_equals_html_to_text(markup: str) -> None:
    """The regex path gives html_to_text's result, or declines (and lxml is used)."""
    fast = _fast_text(markup)
    assert fast is None or fast == html_to_text(markup)
    assert html_text(markup) == html_to_text(markup)


@given(st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2028\x85\x7f\x01abcé’", max_size=40))
def test_fast_clean_equals_clean(text: str) -> None:
    """fast_clean is clean, faster."""
    assert fast_clean(text) == clean(text)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("one<br>two", "one\ntwo"),
        ("one<br/>two<br />three", "one\ntwo\nthree"),
        ("one<br><br>two", "one\n\ntwo"),
        ("<p>one</p><p>two<br>three</p>", "one\n\ntwo\nthree"),
        ("one<br>", "one"),
    ],
)
def test_line_breaks_read_as_displayed(markup: str, text: str) -> None:
    """A <br> is one line break (two make a blank line; so do adjacent paragraphs), in both
    text paths."""
    assert html_to_text(markup) == text
    assert html_text(markup) == text

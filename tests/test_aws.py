"""AWS Health Dashboard JSON (``currentevents`` and the legacy ``data.json``), asserted as facts.

Fixtures follow the real captures in the corpus: ``health.aws.amazon.com/public/currentevents``
(UTF-16 BE with a byte order mark) and ``status.aws.amazon.com/data.json``; the wrapped
``{"current": [...]}`` shape follows public readers of the feed that accept it.
"""

from __future__ import annotations

import codecs
from datetime import datetime, timezone
from pathlib import Path

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus
from statuskit.regions import locations, restrict

from .conftest import FIXTURES

AWS = FIXTURES / "aws.json"
UTC = timezone.utc
ME = "arn:aws:health:me-central-1::event/MULTIPLE_SERVICES/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE/AWS_MULTIPLE_SERVICES_OPERATIONAL_ISSUE_AAAAA_0000000001"
LAMBDA = "arn:aws:health:us-east-1::event/LAMBDA/AWS_LAMBDA_OPERATIONAL_ISSUE/AWS_LAMBDA_OPERATIONAL_ISSUE_CCCCC_0000000003"


def read(name: str) -> statuskit.Snapshot:
    return statuskit.parse((AWS / name).read_bytes())


def test_utf16_with_bom_is_read() -> None:
    """The UTF-16 BE body with its byte order mark is detected and read like UTF-8."""
    data = (AWS / "currentevents-utf16.json").read_bytes()
    assert data.startswith(codecs.BOM_UTF16_BE)
    assert statuskit.detect(data).adapter == "aws.json"
    assert len(read("currentevents-utf16.json").incidents) == 3


def test_status_string_at_the_top_and_int_in_the_log() -> None:
    """The event's status is a string ("3"), the log's an int (1, 2, 3): both are read."""
    inc = read("currentevents-utf16.json").incident(ME)
    assert inc is not None
    assert inc.raw_status == "3"
    assert [u.raw_status for u in inc.updates] == ["1", "2", "3", "3"]
    assert inc.status is IncidentStatus.INVESTIGATING and inc.is_active
    assert (inc.impact, inc.raw_impact) == (Impact.MAJOR, "3")


def test_epoch_seconds_and_milliseconds() -> None:
    """date and the log are epoch seconds; service status changes epoch milliseconds, and each
    lands on the post made the same second."""
    inc = read("currentevents-utf16.json").incident(ME)
    assert inc is not None
    assert inc.started_at == datetime(2026, 3, 1, 12, 51, 25, tzinfo=UTC)
    first = inc.updates[0]
    assert first.created_at == inc.started_at
    assert {(c.component_id, c.new) for c in first.component_changes} == {
        ("ec2-me-central-1", ComponentStatus.PARTIAL_OUTAGE),
        ("s3-me-central-1", ComponentStatus.PARTIAL_OUTAGE),
        ("route53", ComponentStatus.DEGRADED_PERFORMANCE),
    }
    # the change made when no post was (Route 53 back to normal) is not moved onto a post
    assert sum(len(u.component_changes) for u in inc.updates) == 3
    assert inc.raw["impacted_service_status_changes"][-1]["timestamp"] == 1778054773000


def test_service_and_region_are_structured() -> None:
    """The event's service is its first component; its region comes from the ARN."""
    snap = read("currentevents-utf16.json")
    inc = snap.incident(ME)
    assert inc is not None
    assert inc.components[0].id == "multipleservices-me-central-1"
    assert inc.components[0].name == "Multiple services"
    where = locations(snap, inc)
    assert where is not None and [(loc.id, loc.name) for loc in where] == [("me-central-1", "UAE")]
    cloudfront = next(i for i in snap.incidents if i.title == "Propagation delays")
    cf_where = locations(snap, cloudfront)
    assert cf_where is not None and cf_where[0].is_global


def test_a_months_old_regional_event_does_not_paint_other_regions() -> None:
    """Whole-page overall is red; a view for us-east-1 is operational, for me-central-1 red."""
    snap = read("currentevents-utf16.json")
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE
    east = restrict(snap, ["us-east-1"])
    assert ME not in {i.id for i in east.incidents}
    assert east.overall is ComponentStatus.OPERATIONAL
    assert east.raw_indicator is None and east.description is None
    uae = restrict(snap, ["me-central-1"])
    assert uae.overall is ComponentStatus.PARTIAL_OUTAGE
    # a region can be named as AWS displays it
    assert restrict(snap, ["UAE"]).overall is ComponentStatus.PARTIAL_OUTAGE


def test_informational_event_is_a_notice() -> None:
    """An event that never went past status 1 is a NOTICE with no impact."""
    snap = read("currentevents-utf16.json")
    cloudfront = next(i for i in snap.incidents if i.title == "Propagation delays")
    assert cloudfront.kind is IncidentKind.NOTICE
    assert cloudfront.impact is Impact.NONE
    assert cloudfront.open_state is ComponentStatus.OPERATIONAL


def test_resolved_event_closes_on_its_last_post() -> None:
    """Status "0" closes the event: its last post is RESOLVED (raw code kept)."""
    inc = read("currentevents-utf16.json").incident(LAMBDA)
    assert inc is not None
    assert inc.is_resolved and inc.reopened_count == 0
    assert (inc.updates[-1].status, inc.updates[-1].raw_status) == (IncidentStatus.RESOLVED, "2")
    assert inc.resolved_at == datetime(2026, 2, 27, 14, 53, 20, tzinfo=UTC)


def test_wrapped_current_list() -> None:
    """``{"current": [...]}`` holding currentevents-style events is read the same way."""
    snap = read("currentevents-wrapped.json")
    assert [i.id for i in snap.incidents] == [LAMBDA]


def test_empty_currentevents_is_operational() -> None:
    """An empty list (nothing happening) is operational when read as aws.json."""
    snap = statuskit.parse(codecs.BOM_UTF16_BE + "[]".encode("utf-16-be"), provider="aws.json")
    assert snap.incidents == ()
    assert snap.overall is ComponentStatus.OPERATIONAL


def test_legacy_html_posts_with_pacific_times() -> None:
    """Legacy posts are <div>s whose times of day are US Pacific; a post on a later day carries
    its date ("Aug  5, 12:41 AM PDT"); PST is -08:00."""
    snap = read("data-legacy.json")
    ec2 = snap.incident("ec2-us-east-2:1659677580")
    assert ec2 is not None
    assert [u.created_at for u in ec2.updates] == [
        datetime(2022, 8, 5, 5, 33, tzinfo=UTC),
        datetime(2022, 8, 5, 6, 58, tzinfo=UTC),
        datetime(2022, 8, 5, 7, 41, tzinfo=UTC),
    ]
    assert ec2.title == "Network Connectivity"  # "[RESOLVED] " dropped, kept in raw
    assert ec2.raw["summary"].startswith("[RESOLVED]")
    assert ec2.updates[0].body.startswith("We are investigating network")
    assert ec2.updates[0].body_html is not None and "yellowfg" in ec2.updates[0].body_html
    cf = snap.incident("cloudfront:1643922000")
    assert cf is not None
    assert cf.updates[1].created_at == datetime(2022, 2, 3, 22, 15, tzinfo=UTC)
    assert "not affected" in cf.updates[0].body


def test_legacy_current_and_resolved_prefix() -> None:
    """A current event is open unless its summary says [RESOLVED]; archived ones are resolved."""
    snap = read("data-legacy.json")
    assert [i.id for i in snap.open_incidents] == ["sqs-eu-central-1:1660000000"]
    lam = snap.incident("lambda-ap-northeast-1:1659990000")
    assert lam is not None and lam.is_resolved
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE
    assert restrict(snap, ["us-east-2"]).overall is ComponentStatus.OPERATIONAL
    where = locations(snap, snap.incidents[0])
    assert where is not None and (where[0].id, where[0].name) == ("eu-central-1", "Frankfurt")


def test_undated_posts_roll_over_midnight() -> None:
    """A post whose time of day is earlier than the one before is on the next day."""
    body = (
        b'{"archive": [], "current": [{"service": "ec2-us-west-2", "service_name": "Amazon EC2 '
        b'(Oregon)", "summary": "x", "date": "1659677580", "status": "2", "description": '
        b'"<div><span class=\\"yellowfg\\">10:33 PM PDT</span>&nbsp;a</div>'
        b'<div><span class=\\"yellowfg\\">12:10 AM PDT</span>&nbsp;b</div>"}]}'
    )
    (inc,) = statuskit.parse(body).incidents
    assert [u.created_at for u in inc.updates] == [
        datetime(2022, 8, 5, 5, 33, tzinfo=UTC),
        datetime(2022, 8, 5, 7, 10, tzinfo=UTC),
    ]


def test_unknown_status_code_is_a_warning() -> None:
    """A status code outside 0-3 is reported, never read as operational."""
    body = b'[{"arn": "arn:aws:health:us-east-1::event/X", "status": "7", "date": "1700000000", "event_log": [{"status": 9, "timestamp": 1700000000, "message": "m"}]}]'
    snap = statuskit.parse(body)
    (inc,) = snap.incidents
    assert inc.updates[0].status is IncidentStatus.UNKNOWN
    assert any("'7'" in w for w in snap.warnings) and any("'9'" in w for w in snap.warnings)
    with pytest.raises(statuskit.ParseError):
        statuskit.parse(body, strict=True)


def test_real_currentevents(corpus: Path) -> None:
    """The real UTF-16 capture: 2 events with their full logs (23 and 13 posts), both open."""
    data = (corpus / "aws" / "currentevents-2026-08-01-utf16.json").read_bytes()
    assert statuskit.detect(data).adapter == "aws.json"
    snap = statuskit.parse(data)
    assert [len(i.updates) for i in snap.incidents] == [23, 13]
    assert len(snap.open_incidents) == 2
    assert snap.warnings == ()
    assert snap.overall is ComponentStatus.PARTIAL_OUTAGE
    assert [loc.id for i in snap.incidents for loc in locations(snap, i) or ()] == [
        "me-central-1",
        "me-south-1",
    ]
    assert restrict(snap, ["us-east-1", "eu-west-1"]).overall is ComponentStatus.OPERATIONAL
    first = snap.incidents[0]
    assert len(first.impacted_components) > 100


def test_real_legacy_archive(corpus: Path) -> None:
    """The real legacy archive: 86 resolved events, dated posts placed on their day, no warning."""
    data = (corpus / "aws" / "health-dashboard-data-archive-2021-2022.json").read_bytes()
    snap = statuskit.parse(data)
    assert len(snap.incidents) == 86
    assert all(i.is_resolved for i in snap.incidents)
    assert snap.warnings == ()
    assert sum(i.kind is IncidentKind.NOTICE for i in snap.incidents) == 72
    for inc in snap.incidents:
        times = [u.created_at for u in inc.updates]
        assert all(t is not None for t in times)
        assert times == sorted(times)  # type: ignore[type-var]


def test_first_post_a_little_before_the_event_date_stays_on_its_day() -> None:
    """The first post's time is the one closest to the event's date, even a little before it
    (never the next day)."""
    body = (
        b'{"archive": [], "current": [{"service": "ec2-us-west-2", "service_name": "Amazon EC2 '
        b'(Oregon)", "summary": "x", "date": "1659677580", "status": "2", "description": '
        b'"<div><span class=\\"yellowfg\\">10:20 PM PDT</span>&nbsp;a</div>"}]}'
    )
    (inc,) = statuskit.parse(body).incidents
    assert inc.updates[0].created_at == datetime(2022, 8, 5, 5, 20, tzinfo=UTC)

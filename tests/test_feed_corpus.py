"""The real feeds of the corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

import statuskit

_BLOCK = re.compile(r"<small>.*?</small>\s*<br\s*/?>\s*<strong>[^<]*</strong>", re.DOTALL)
_BODY = {"content", "description", "summary"}


def _bodies(path: Path) -> list[str]:
    """Each entry's body as the XML holds it, read independently of statuskit."""
    root = etree.parse(str(path)).getroot()
    out = []
    for el in root.iter():
        if isinstance(el.tag, str) and etree.QName(el).localname in ("entry", "item"):
            body = next((c.text or "" for c in el if etree.QName(c).localname in _BODY), "")
            out.append(body)
    return out


def test_every_statuspage_feed_entry_yields_one_update_per_block(corpus: Path) -> None:
    """Each entry of each real Statuspage feed has as many updates as its body has
    <small>time</small><br><strong>status</strong> blocks, and every update a time."""
    files = sorted(p for p in (corpus / "statuspage-feed").iterdir() if p.is_file())
    assert files
    for path in files:
        snap = statuskit.parse(path.read_bytes())
        assert (snap.adapter, snap.platform) == ("statuspage.feed", "statuspage"), path.name
        assert snap.warnings == (), path.name
        expected = [len(_BLOCK.findall(body)) for body in _bodies(path)]
        assert [len(i.updates) for i in snap.incidents] == expected, path.name
        for inc in snap.incidents:
            assert all(u.created_at is not None for u in inc.updates), (path.name, inc.id)
            assert re.fullmatch(r"[a-z0-9]{12}", inc.id), (path.name, inc.id)


def test_the_scheduled_event_banner_in_the_corpus_gives_the_window(corpus: Path) -> None:
    """Symantec's "THIS IS A SCHEDULED EVENT Dec 18, 16:00 - 17:00 UTC" is the window."""
    snap = statuskit.parse(
        (corpus / "statuspage-feed" / "symantec-wss-history-2020.atom").read_bytes()
    )
    inc = snap.incident("nrbj1tnt6445")
    assert inc is not None
    assert inc.kind is statuskit.IncidentKind.MAINTENANCE
    assert inc.scheduled_for is not None and inc.scheduled_until is not None
    assert (inc.scheduled_for.isoformat(), inc.scheduled_until.isoformat()) == (
        "2019-12-18T16:00:00+00:00",
        "2019-12-18T17:00:00+00:00",
    )


def test_update_times_agree_with_the_entry_dates(corpus: Path) -> None:
    """No rebuilt update lies after the entry's own last-updated time (year inference)."""
    path = corpus / "statuspage-feed" / "digitalocean-history-2020-01.rss"
    snap = statuskit.parse(path.read_bytes())
    for inc in snap.incidents:
        times = [u.created_at for u in inc.updates if u.created_at]
        assert inc.updated_at is not None
        assert max(times) <= inc.updated_at, inc.id


@pytest.mark.parametrize(
    ("name", "platform"),
    [
        ("aws/ec2-us-east-1-2022-03.rss", "aws"),
        ("azure/status-feed-2026-07-23-major.rss", "azure"),
        ("azure/status-feed-2026-07-23-westus.rss", "azure"),
    ],
)
def test_cloud_feeds_parse_with_their_platform(corpus: Path, name: str, platform: str) -> None:
    """The real AWS and Azure feeds parse, without warnings, as their platform."""
    snap = statuskit.parse((corpus / name).read_bytes())
    assert snap.platform == platform
    assert snap.incidents
    assert snap.warnings == ()


def test_the_aws_corpus_feed_groups_fifteen_items_into_two_events(corpus: Path) -> None:
    """15 items of ec2-us-east-1 are two events, both ended by "Service is operating normally"."""
    snap = statuskit.parse((corpus / "aws" / "ec2-us-east-1-2022-03.rss").read_bytes())
    assert sorted(len(i.updates) for i in snap.incidents) == [2, 13]
    assert all(i.is_resolved for i in snap.incidents)

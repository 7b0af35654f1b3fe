"""Hints a caller can give parse(): the page's time zone and the time of the reading."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import statuskit

from .conftest import FIXTURES

UTC = timezone.utc


def cachet_body() -> bytes:
    return (FIXTURES / "cachet.json" / "incidents.json").read_bytes()


def test_time_zone_reads_zone_less_times_in_the_installation_zone() -> None:
    """Cachet serves local times without zone: time_zone= reads them right, without warning."""
    body = cachet_body()
    plain = statuskit.parse(body)
    assert any("carry no zone" in w for w in plain.warnings)
    berlin = statuskit.parse(body, time_zone="Europe/Berlin")
    assert not any("carry no zone" in w for w in berlin.warnings)
    shifted = [
        (a.created_at, b.created_at)
        for a, b in zip(plain.incidents, berlin.incidents, strict=True)
        if a.created_at is not None
    ]
    assert shifted
    for utc_read, berlin_read in shifted:
        assert utc_read - berlin_read in (timedelta(hours=1), timedelta(hours=2))


def test_unknown_time_zone_is_refused() -> None:
    """A zone name that is not an IANA zone is a ValueError, not a silent UTC."""
    with pytest.raises(ValueError, match="unknown IANA time zone"):
        statuskit.parse(b"{}", time_zone="Mars/Olympus")


def test_read_at_is_kept_and_reaches_the_adapter() -> None:
    """read_at= is kept on the snapshot (aware UTC) and is a naive value's TypeError."""
    body = (FIXTURES / "statuspage.json" / "status.json").read_bytes()
    at = datetime(2026, 3, 14, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert statuskit.parse(body, read_at=at).read_at == datetime(2026, 3, 14, 9, tzinfo=UTC)
    with pytest.raises(TypeError):
        statuskit.parse(body, read_at=datetime(2026, 3, 14, 10))

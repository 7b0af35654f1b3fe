"""Dates: aware UTC, never the host's zone, never a field filled from today."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from statuskit import ParseError
from statuskit._dates import from_epoch, parse_datetime, parse_partial
from statuskit.limits import ParseContext

UTC = timezone.utc


def ctx(tz: str | None = None, strict: bool = False) -> ParseContext:
    c = ParseContext("test", strict=strict)
    c.time_zone = tz
    return c


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-07-24T19:43:40.040Z", datetime(2026, 7, 24, 19, 43, 40, 40000, tzinfo=UTC)),
        ("2019-02-20T12:00:19.418-06:00", datetime(2019, 2, 20, 18, 0, 19, 418000, tzinfo=UTC)),
        ("2026-07-23T22:56:25Z", datetime(2026, 7, 23, 22, 56, 25, tzinfo=UTC)),
        ("2026-07-23T22:56:25.123456789Z", datetime(2026, 7, 23, 22, 56, 25, 123456, tzinfo=UTC)),
        ("Thu, 23 Jul 2026 18:12:58 Z", datetime(2026, 7, 23, 18, 12, 58, tzinfo=UTC)),
        ("Tue, 01 Mar 2022 10:15:00 PST", datetime(2022, 3, 1, 18, 15, tzinfo=UTC)),
        ("Wed, 15 Jun 2022 10:15:00 PDT", datetime(2022, 6, 15, 17, 15, tzinfo=UTC)),
        ("Fri, 17 Jan 2020 09:00:00 +0000", datetime(2020, 1, 17, 9, tzinfo=UTC)),
    ],
)
def test_parse_datetime(text: str, expected: datetime) -> None:
    """ISO and RFC 822 dates with offsets or known abbreviations become aware UTC."""
    c = ctx()
    got = parse_datetime(text, c, "$.x")
    assert got == expected
    assert got is not None and got.tzinfo is UTC
    assert c.warnings == []


def test_naive_time_takes_the_page_zone() -> None:
    """A time without zone is read in the page's zone when known."""
    assert parse_datetime("2026-01-05T08:00:00", ctx("America/Chicago")) == datetime(
        2026, 1, 5, 14, tzinfo=UTC
    )


def test_naive_time_without_page_zone_is_utc_with_a_warning() -> None:
    """Without a page zone, a naive time is read as UTC and says so."""
    c = ctx()
    assert parse_datetime("2026-01-05 08:00", c) == datetime(2026, 1, 5, 8, tzinfo=UTC)
    assert any("without zone" in w for w in c.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Jan 5",
        "10:30 PST",
        "yesterday",
        "2026-13-45T00:00:00Z",
        "9" * 60,
        "Mon, 05 Jan 2026 10:00:00 XYZT",
    ],
)
def test_unreadable_or_incomplete_dates_warn_and_give_none(text: str) -> None:
    """No fuzzy parsing, no missing field filled from today, no unknown zone guessed."""
    c = ctx()
    assert parse_datetime(text, c, "$.when") is None
    assert c.warnings
    with pytest.raises(ParseError) as info:
        parse_datetime(text, ctx(strict=True), "$.when")
    assert info.value.path == "$.when"


def test_overlong_date_is_refused_before_parsing() -> None:
    """A date string beyond max_date_length is not handed to any parser."""
    c = ctx()
    assert parse_datetime("2026-01-01T00:00:00Z" + " " * 100 + "x", c) is None
    assert any("longer than" in w for w in c.warnings)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "Apr 26, 07:26 UTC",
            datetime(2026, 4, 26, 8, tzinfo=UTC),
            datetime(2026, 4, 26, 7, 26, tzinfo=UTC),
        ),
        (
            "Dec 31, 23:41 PST",
            datetime(2027, 1, 1, 9, tzinfo=UTC),
            datetime(2027, 1, 1, 7, 41, tzinfo=UTC),
        ),
        (
            "Dec 31, 15:41 PST",
            datetime(2027, 1, 1, 9, tzinfo=UTC),
            datetime(2026, 12, 31, 23, 41, tzinfo=UTC),
        ),
        (
            "Jul 4, 10:00 PDT",
            datetime(2026, 7, 5, tzinfo=UTC),
            datetime(2026, 7, 4, 17, tzinfo=UTC),
        ),
        ("Oct 18, 2022 - 15:32 UTC", None, datetime(2022, 10, 18, 15, 32, tzinfo=UTC)),
        (
            "Jan 2, 3:05 PM +05:30",
            datetime(2026, 1, 3, tzinfo=UTC),
            datetime(2026, 1, 2, 9, 35, tzinfo=UTC),
        ),
    ],
)
def test_parse_partial(text: str, reference: datetime | None, expected: datetime) -> None:
    """Times without a year take the year that puts them closest to the entry's own date."""
    c = ctx()
    assert parse_partial(text, reference, c) == expected
    assert c.warnings == []


def test_abbreviation_resolves_with_the_page_zone_first() -> None:
    """CST means -06:00 on a Chicago page and +08:00 on a Shanghai page."""
    ref = datetime(2026, 1, 10, tzinfo=UTC)
    assert parse_partial("Jan 10, 12:00 CST", ref, ctx("America/Chicago")) == datetime(
        2026, 1, 10, 18, tzinfo=UTC
    )
    assert parse_partial("Jan 10, 12:00 CST", ref, ctx("Asia/Shanghai")) == datetime(
        2026, 1, 10, 4, tzinfo=UTC
    )


def test_epochs() -> None:
    """Epoch seconds (number or digit string) and milliseconds; absurd values warn."""
    c = ctx()
    assert from_epoch("1624564393", c) == datetime(2021, 6, 24, 19, 53, 13, tzinfo=UTC)
    assert from_epoch(1772369485000, c, unit="ms") == datetime(2026, 3, 1, 12, 51, 25, tzinfo=UTC)
    assert from_epoch("9" * 30, c) is None
    assert from_epoch(float("nan"), c) is None
    assert from_epoch(True, c) is None
    assert len(c.warnings) == 3


def test_results_do_not_depend_on_the_host_zone() -> None:
    """The same strings give the same instants whatever TZ the process runs in."""
    code = (
        "from statuskit._dates import parse_datetime, parse_partial\n"
        "from statuskit.limits import ParseContext\n"
        "from datetime import datetime, timezone\n"
        "c = ParseContext('t')\n"
        "r = datetime(2022, 3, 2, tzinfo=timezone.utc)\n"
        "print(parse_datetime('Tue, 01 Mar 2022 10:15:00 PST', c),"
        " parse_datetime('Tue, 01 Mar 2022 10:15:00 EST', c),"
        " parse_partial('Mar 1, 10:15 CET', r, c), parse_datetime('2022-03-01 10:15', c))\n"
    )
    outputs = set()
    for tz in ("UTC", "America/Los_Angeles", "EST5EDT", "Asia/Kolkata", "Pacific/Chatham"):
        env = {**os.environ, "TZ": tz}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(out.stdout)
    assert len(outputs) == 1, outputs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sun, 03 Mar 2024 10:00:00 GMT+05:30", datetime(2024, 3, 3, 4, 30, tzinfo=UTC)),
        ("Sun, 03 Mar 2024 10:00:00 UTC-3", datetime(2024, 3, 3, 13, 0, tzinfo=UTC)),
        ("March 3, 2024 10:00 gmt+1", datetime(2024, 3, 3, 9, 0, tzinfo=UTC)),
        ("3 March 2024 1000 UTC", datetime(2024, 3, 3, 10, 0, tzinfo=UTC)),
    ],
)
def test_gmt_plus_offsets_mean_ahead_of_utc(text: str, expected: datetime) -> None:
    """ "GMT+05:30" is 5:30 ahead of UTC, as people write it (dateutil alone reads it the POSIX
    way, 5:30 behind: eleven hours off), the same as in times without a year."""
    c = ctx()
    assert parse_datetime(text, c, "$") == expected
    assert c.warnings == []


@pytest.mark.parametrize(
    "text", ["Mar 3 2024 10:00 11:00 UTC", "2024-03-03 10:00 10:00", "Mar 3 2024 2024 10:00"]
)
def test_repeated_time_or_year_is_unreadable(text: str) -> None:
    """dateutil keeps the last of repeated fields ("10:00 11:00" would be 11:00): two times of
    day or two years are no moment, so the date is None with a warning (an error when strict)."""
    c = ctx()
    assert parse_datetime(text, c, "$") is None
    assert c.warnings and "more than one time of day or year" in c.warnings[0]
    with pytest.raises(ParseError):
        parse_datetime(text, ctx(strict=True), "$")

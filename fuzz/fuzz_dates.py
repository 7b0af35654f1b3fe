"""Fuzz the date readers: every result aware UTC, every failure a warning."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import partial

from _common import kept_the_boundary, run

import statuskit
from statuskit._dates import from_epoch, parse_datetime, parse_partial

REFERENCE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _aware_utc(value: object) -> None:
    if isinstance(value, datetime) and value.utcoffset() != timedelta(0):
        raise AssertionError(f"not aware UTC: {value!r}")


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    for zone in (None, "America/Chicago", "Asia/Kathmandu", "Nowhere/Else"):
        ctx = statuskit.ParseContext("fuzz", time_zone=zone)
        _aware_utc(kept_the_boundary(partial(parse_datetime, text, ctx)))
        _aware_utc(kept_the_boundary(partial(parse_partial, text, REFERENCE, ctx)))
        for unit in ("s", "ms"):
            _aware_utc(kept_the_boundary(partial(from_epoch, text, ctx, unit=unit)))


if __name__ == "__main__":
    run(test_one_input)

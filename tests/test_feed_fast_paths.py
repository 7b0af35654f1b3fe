"""The feed path's fast paths give the same answers as the general code they stand in for."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from statuskit._dates import ZONE_ABBREVIATIONS, _partial, parse_partial
from statuskit.errors import ParseError
from statuskit.limits import Limits, ParseContext

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _outcome(
    fn: object, text: str, reference: datetime | None, ctx: ParseContext
) -> tuple[object, list[str]]:
    try:
        value: object = fn(text, reference, ctx, "/x")  # type: ignore[operator]
    except ParseError as exc:
        value = ("ParseError", str(exc))
    return value, list(ctx.warnings)


@settings(max_examples=400)
@given(
    month=st.sampled_from([*_MONTHS, "jan", "Sept", "Xyz"]),
    day=st.integers(0, 32),
    hour=st.integers(0, 25),
    minute=st.integers(0, 60),
    zone=st.sampled_from([*ZONE_ABBREVIATIONS, "utc", "Pst", "XYZ", "+05:30", "GMT+2", "AM"]),
    reference=st.one_of(
        st.none(),
        st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31), timezones=st.just(timezone.utc)),
    ),
    page_zone=st.sampled_from([None, "America/Chicago", "Asia/Shanghai"]),
    strict=st.booleans(),
    short_limit=st.booleans(),
)
def test_parse_partial_fast_path_equals_the_general_rules(
    month: str,
    day: int,
    hour: int,
    minute: int,
    zone: str,
    reference: datetime | None,
    page_zone: str | None,
    strict: bool,
    short_limit: bool,
) -> None:
    """parse_partial's fast path ("Jan 30, 21:39 UTC") gives the very value, warnings and errors
    of the general rules, for any month word, day, time, zone, reference year (1 to 9999, or
    none), page zone, mode and date length limit."""
    text = f"{month} {day}, {hour:02d}:{minute:02d} {zone}"
    limits = Limits(max_date_length=10) if short_limit else Limits()

    def ctx() -> ParseContext:
        return ParseContext("x", strict=strict, limits=limits, time_zone=page_zone)

    fast = _outcome(parse_partial, text, reference, ctx())
    full = _outcome(_partial, text, reference, ctx())
    assert fast == full
    if isinstance(fast[0], datetime):
        assert fast[0].tzinfo is timezone.utc
        assert (fast[0].tzinfo, fast[0].fold) == (full[0].tzinfo, full[0].fold)  # type: ignore[union-attr]

"""Time parsing shared by every adapter.  Every datetime it returns is aware UTC.

* ISO 8601 goes through :meth:`datetime.fromisoformat` (with the few rewrites Python 3.10 needs).
* Anything else goes through dateutil with fuzzy parsing off, an explicit table of zone
  abbreviations (never the host's local zone: results do not change with ``TZ``) and no field
  filled from today: a string without a year, day or month is an error, except through
  :func:`parse_partial`, which takes the year from a reference date.
* A time without zone takes the page's zone when known, else UTC with a warning.
* Two-digit years pivot at a fixed point (00-49 are 20xx, 50-99 are 19xx, as RFC 5322 says),
  never relative to today as dateutil's default does.
* Input longer than ``Limits.max_date_length`` is refused before any parser sees it, and every
  failure mode of the parsers (ValueError, OverflowError, UnicodeError, ...) becomes a warning
  (lenient) or a :class:`~statuskit.ParseError` (strict), as does a time that cannot be moved
  to UTC without leaving the years 1-9999.
"""

from __future__ import annotations

import math
import re
import sys
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

from ._zones import ZONE_ABBREVIATIONS, fixed_zone, resolve_zone, zone_info
from .limits import ParseContext

if TYPE_CHECKING:
    from dateutil import parser as du_parser

__all__ = [
    "ZONE_ABBREVIATIONS",
    "from_epoch",
    "parse_datetime",
    "parse_partial",
    "resolve_zone",
    "zone_info",
]

UTC = timezone.utc

_ISO_FIX = re.compile(r"(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$")
_PY311 = sys.version_info >= (3, 11)
_fromiso = datetime.fromisoformat


def _to_utc(value: datetime, ctx: ParseContext, path: str | None, raw: str) -> datetime | None:
    try:
        if value.tzinfo is None or value.utcoffset() is None:
            zi = zone_info(ctx.time_zone)
            if zi is not None:
                return value.replace(tzinfo=zi).astimezone(UTC)
            ctx.warn("time without zone read as UTC", path, raw)
            return value.replace(tzinfo=UTC)
        if value.tzinfo is UTC:
            return value
        return value.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 and 9999-12-31T23:59-01:00 have no UTC
        ctx.warn("time out of range in UTC", path, raw)
        return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if _PY311 or ("T" not in text and " " not in text):
        return None
    # Python 3.10 reads neither "Z" nor fractions of other than 3 or 6 digits.
    m = _ISO_FIX.search(text)
    if m is None:
        return None
    frac, zone = m.group(1), m.group(2)
    head = text[: m.start()]
    if frac:
        frac = (frac + "000000")[:7]
    if zone == "Z":
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = zone[:3] + ":" + (zone[3:] or "00")
    try:
        return datetime.fromisoformat(head + (frac or "") + (zone or ""))
    except ValueError:
        return None


def parse_datetime(value: object, ctx: ParseContext, path: str | None = None) -> datetime | None:
    """Read *value* (an ISO 8601 or common textual date) as aware UTC.

    None and "" give None.  Anything unreadable gives None with a warning (lenient) or raises
    :class:`~statuskit.ParseError` (strict).  Numbers are refused here: epoch values are explicit,
    through :func:`from_epoch`.
    """
    if type(value) is str and len(value) <= 32:
        # fast path: "2026-07-24T19:43:40.040Z" and friends (Python >= 3.11)
        try:
            dt = _fromiso(value)
        except ValueError:
            pass
        else:
            if dt.tzinfo is UTC:
                return dt
            if dt.tzinfo is not None and 1 < dt.year < 9999:
                return dt.astimezone(UTC)
    if value is None:
        return None
    if not isinstance(value, str):
        ctx.warn(f"expected a date string, got {type(value).__name__}", path, value)
        return None
    text = value.strip()
    if not text:
        return None
    if len(text) > ctx.limits.max_date_length:
        ctx.warn(f"date longer than {ctx.limits.max_date_length} characters ignored", path, text)
        return None
    found = _iso(text) if text[:1].isdigit() else None
    if found is None:
        found = _dateutil(text, ctx, path)
        if found is None:
            return None
    return _to_utc(found, ctx, path, text)


# -- the dateutil fallback ------------------------------------------------------------------

_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)


@lru_cache(maxsize=1)
def _parser_info() -> du_parser.parserinfo:
    from dateutil import parser as du  # noqa: PLC0415 - lazily: most inputs never need it

    class _Info(du.parserinfo):
        """dateutil's vocabulary, with two-digit years pivoting at a fixed point instead of
        around the current year (which would make the result depend on the day it runs)."""

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                return year + (2000 if year < 50 else 1900)
            return year

    return _Info()


_TIME_OF_DAY = re.compile(r"(?<![\d:+-])\d{1,2}:\d{2}")
"""A time of day; not a zone offset ("+05:30") nor the seconds of one ("10:00:00")."""
_YEAR = re.compile(r"(?<![\d.:])(?:19|20)\d{2}(?![\d:])")
"""A four-digit year standing alone."""
_NAMED_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)", re.I)


def _plain_offset(m: re.Match[str]) -> str:
    return f" {m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"


def _dateutil(text: str, ctx: ParseContext, path: str | None) -> datetime | None:
    from dateutil import parser as du  # noqa: PLC0415 - lazily: most inputs never need it

    unknown: list[str] = []

    def tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
        if offset is not None and name is None:
            return timezone(timedelta(seconds=offset))
        if name is None:
            return None
        if offset is not None:
            return timezone(timedelta(seconds=offset), name)
        zone = fixed_zone(name)
        if zone is None:
            unknown.append(name)
        return zone

    # dateutil reads "GMT+05:30" the POSIX way (5:30 *behind* UTC); people mean ahead
    text = _NAMED_OFFSET.sub(_plain_offset, text)
    if len(_TIME_OF_DAY.findall(text)) > 1 or len(_YEAR.findall(text)) > 1:
        # dateutil keeps the last of repeated fields ("10:00 11:00" is 11:00): a range or a
        # garbled string, never one moment
        ctx.warn("unreadable date (more than one time of day or year)", path, text)
        return None
    info = _parser_info()
    try:
        a = du.parse(text, info, default=_DEFAULT_A, fuzzy=False, tzinfos=tzinfos)
        b = du.parse(text, info, default=_DEFAULT_B, fuzzy=False, tzinfos=tzinfos)
    except Exception as exc:  # noqa: BLE001 - dateutil raises ValueError, OverflowError, ...
        ctx.warn(f"unreadable date ({type(exc).__name__})", path, text)
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        ctx.warn("date without year, month or day ignored", path, text)
        return None
    if unknown:
        ctx.warn(f"unknown time zone {unknown[0]!r}", path, text)
        return None
    if a.tzinfo is not None and a.tzname() and ctx.time_zone:
        # the page's own zone wins for abbreviations it uses
        zone = resolve_zone(a.tzname() or "", ctx.time_zone, a)
        if zone is not None:
            a = a.replace(tzinfo=zone)
    # a missing hour/minute/second is midnight, as dates are usually written: keep A's zeros
    return a


# -- dates without a year -------------------------------------------------------------------

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_SURELY_CLOSEST = timedelta(days=150)
_PARTIAL = re.compile(
    r"""^\s*(?P<mon>[A-Za-z]{3})[A-Za-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?
        \s*(?:(?P<year>\d{4})\s*,?\s*(?:-\s*)?)?
        (?:(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?
        \s*(?P<tz>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)?\s*$""",
    re.VERBOSE,
)


_SHORT = re.compile(r"([A-Z][a-z]{2}) (\d{1,2}), (\d{1,2}):(\d{2}) ([A-Z]{1,5})")
"""The shape status pages print most ("Jan 30, 21:39 UTC"): read by :func:`parse_partial`'s
fast path."""
_SHORT_MONTHS = {m.capitalize(): n for m, n in _MONTHS.items()}
_SHIFT = {name: timedelta(seconds=off) for name, off in ZONE_ABBREVIATIONS.items()}


def parse_partial(
    text: str,
    reference: datetime | None,
    ctx: ParseContext,
    path: str | None = None,
) -> datetime | None:
    """Read "Dec 31, 23:41 PST" (year optional) as aware UTC.

    The year, when absent, is the one that puts the time closest to *reference* (the entry's own
    date), so an update from Dec 31 inside an entry published on Jan 1 lands in the old year.
    Zone abbreviations resolve with the page's zone first, then the explicit table.  Unreadable
    text warns (lenient) or raises (strict) and gives None.
    """
    # Fast path (same result, see _partial): "Jan 30, 21:39 UTC", a table abbreviation and no
    # page zone to consult, within 150 days of the reference in the reference's own year.
    if reference is not None and ctx.time_zone is None:
        m = _SHORT.fullmatch(text)
        if m is not None:
            month = _SHORT_MONTHS.get(m[1])
            shift = _SHIFT.get(m[5])
            if month is not None and shift is not None and len(text) <= ctx.limits.max_date_length:
                try:
                    near = (
                        datetime(reference.year, month, int(m[2]), int(m[3]), int(m[4]), 0, 0, UTC)
                        - shift
                    )
                except (ValueError, OverflowError):
                    pass
                else:
                    if abs(near - reference) < _SURELY_CLOSEST:
                        return near
    return _partial(text, reference, ctx, path)


def _partial(
    text: str,
    reference: datetime | None,
    ctx: ParseContext,
    path: str | None = None,
) -> datetime | None:
    """:func:`parse_partial` without its fast path (the general rules)."""
    if len(text) > ctx.limits.max_date_length:
        ctx.warn(f"date longer than {ctx.limits.max_date_length} characters ignored", path, text)
        return None
    m = _PARTIAL.match(text)
    if m is None:
        ctx.warn("unreadable date", path, text)
        return None
    month = _MONTHS.get(m["mon"].lower())
    if month is None:
        ctx.warn("unknown month", path, text)
        return None
    day = int(m["day"])
    hour = int(m["h"] or 0)
    minute = int(m["m"] or 0)
    second = int(m["s"] or 0)
    if m["ampm"]:
        pm = m["ampm"][0].lower() == "p"
        if not 1 <= hour <= 12:
            ctx.warn("hour out of range for AM/PM", path, text)
            return None
        hour = hour % 12 + (12 if pm else 0)
    if m["year"]:
        years = [int(m["year"])]
    elif reference is not None:
        # Fast path (same result): a time within 150 days of the reference in the reference's
        # own year is the closest one, as the other candidates lie more than 200 days away.
        own_year: datetime | None
        try:
            own_year = datetime(reference.year, month, day, hour, minute, second)
        except ValueError:
            own_year = None
        if own_year is not None:
            tz = m["tz"]
            fixed = fixed_zone(tz) if tz and ctx.time_zone is None else None
            near: datetime | None
            if fixed is not None:  # a table abbreviation, no page zone to consult: a fixed offset
                near = _to_utc(own_year.replace(tzinfo=fixed), ctx, path, text)
            else:
                near = _zoned(own_year, tz, ctx, path, text)
            if near is None or abs(near - reference) < _SURELY_CLOSEST:
                return near
        years = [reference.year - 1, reference.year, reference.year + 1]
    else:
        ctx.warn("date without year and nothing to take the year from", path, text)
        return None
    best: datetime | None = None
    for year in years:
        try:
            wall = datetime(year, month, day, hour, minute, second)
        except ValueError:
            continue  # Feb 29 in a year without it; try the others
        aware = _zoned(wall, m["tz"], ctx, path, text)
        if aware is None:
            return None
        if best is None or (
            reference is not None and abs(aware - reference) < abs(best - reference)
        ):
            best = aware
    if best is None:
        ctx.warn("no such day", path, text)
    return best


def _zoned(
    wall: datetime, tz: str | None, ctx: ParseContext, path: str | None, text: str
) -> datetime | None:
    if not tz:
        return _to_utc(wall, ctx, path, text)
    if tz[0] in "+-" or (tz[:3].upper() in ("UTC", "GMT") and len(tz) > 3):
        off = tz[3:] if tz[0] not in "+-" else tz
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        hours = int(digits[:2] if len(digits) > 2 else digits)
        minutes = int(digits[2:4]) if len(digits) > 2 else 0
        if hours > 23 or minutes > 59:
            ctx.warn("offset out of range", path, text)
            return None
        zone: tzinfo = timezone(sign * timedelta(hours=hours, minutes=minutes))
    else:
        found = resolve_zone(tz, ctx.time_zone, wall)
        if found is None:
            ctx.warn(f"unknown time zone {tz!r}", path, text)
            return None
        zone = found
    return _to_utc(wall.replace(tzinfo=zone), ctx, path, text)


# -- epochs ---------------------------------------------------------------------------------

_MIN_EPOCH = -62135596800  # 0001-01-01
_MAX_EPOCH = 253402300799  # 9999-12-31


def from_epoch(
    value: object, ctx: ParseContext, path: str | None = None, *, unit: str = "s"
) -> datetime | None:
    """Read epoch seconds (``unit="s"``) or milliseconds (``"ms"``), number or digit string."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, bool):
            raise TypeError
        if isinstance(value, str):
            if len(value) > 24:
                raise ValueError
            number = float(value.strip())
        elif isinstance(value, (int, float)):
            number = float(value)
        else:
            raise TypeError
        if unit == "ms":
            number /= 1000.0
        if math.isnan(number) or not _MIN_EPOCH <= number <= _MAX_EPOCH:
            raise OverflowError
        return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=number)
    except (TypeError, ValueError, OverflowError):
        ctx.warn("unreadable epoch time", path, value)
        return None

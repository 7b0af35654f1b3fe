"""Zone abbreviations and IANA zones, as statuskit reads them (never the host's zone).

:data:`ZONE_ABBREVIATIONS` is the explicit table behind every "PST", "CEST" or "IST" on a page;
:func:`resolve_zone` lets the page's own IANA zone win for names it uses; :func:`zone_info` is
``ZoneInfo`` that says None instead of raising.  Re-exported by :mod:`statuskit._dates`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["ZONE_ABBREVIATIONS", "fixed_zone", "resolve_zone", "zone_info"]

_H = 3600
ZONE_ABBREVIATIONS: dict[str, int] = {
    # offsets in seconds east of UTC, used when the page's own zone does not claim the name
    "UTC": 0,
    "UT": 0,
    "GMT": 0,
    "Z": 0,
    "ZULU": 0,
    "WET": 0,
    "WEST": _H,
    "BST": _H,
    "CET": _H,
    "MET": _H,
    "WAT": _H,
    "CEST": 2 * _H,
    "MEST": 2 * _H,
    "EET": 2 * _H,
    "SAST": 2 * _H,
    "CAT": 2 * _H,
    "EEST": 3 * _H,
    "MSK": 3 * _H,
    "EAT": 3 * _H,
    "AST_ARABIA": 3 * _H,
    "GST": 4 * _H,
    "PKT": 5 * _H,
    "IST": 5 * _H + 1800,
    "NPT": 5 * _H + 2700,
    "ICT": 7 * _H,
    "WIB": 7 * _H,
    "SGT": 8 * _H,
    "HKT": 8 * _H,
    "AWST": 8 * _H,
    "PHT": 8 * _H,
    "JST": 9 * _H,
    "KST": 9 * _H,
    "ACST": 9 * _H + 1800,
    "ACDT": 10 * _H + 1800,
    "AEST": 10 * _H,
    "AEDT": 11 * _H,
    "NZST": 12 * _H,
    "NZDT": 13 * _H,
    "ART": -3 * _H,
    "BRT": -3 * _H,
    "ADT": -3 * _H,
    "AST": -4 * _H,
    "NST": -3 * _H - 1800,
    "NDT": -2 * _H - 1800,
    "EDT": -4 * _H,
    "EST": -5 * _H,
    "CDT": -5 * _H,
    "CST": -6 * _H,
    "MDT": -6 * _H,
    "MST": -7 * _H,
    "PDT": -7 * _H,
    "PST": -8 * _H,
    "AKDT": -8 * _H,
    "AKST": -9 * _H,
    "HDT": -9 * _H,
    "HST": -10 * _H,
}
"""Zone abbreviations statuskit understands.  Ambiguous names (CST, IST, BST) take their most
common meaning on status pages unless the page's own zone uses the name, which wins."""

_FIXED = {name: timezone(timedelta(seconds=off), name) for name, off in ZONE_ABBREVIATIONS.items()}


@lru_cache(maxsize=512)
def zone_info(name: str | None) -> tzinfo | None:
    """The tzinfo for IANA zone *name*, or None when unknown (never the host's zone)."""
    if not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def resolve_zone(abbr: str, page_zone: str | None, wall: datetime | None = None) -> tzinfo | None:
    """The zone an abbreviation means on a page in *page_zone*, or None when unknown.

    The page's zone wins when it uses the abbreviation around *wall* (so "CST" on a page in
    Asia/Shanghai is +08:00, on a page in America/Chicago -06:00); the explicit table otherwise.
    """
    name = abbr.upper()
    zi = zone_info(page_zone)
    if zi is not None and wall is not None:
        naive = wall.replace(tzinfo=None)
        for fold in (0, 1):
            probe = naive.replace(fold=fold, tzinfo=zi)
            if probe.tzname() == name:
                off = probe.utcoffset()
                if off is not None:
                    return timezone(off, name)
    return _FIXED.get(name)


def fixed_zone(abbr: str) -> tzinfo | None:
    """The table's fixed-offset zone for *abbr* (any case), or None: :func:`resolve_zone`
    without a page zone."""
    return _FIXED.get(abbr.upper())

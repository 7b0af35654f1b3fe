"""The face of statuskit: parse, detect and check_reading.

One boundary: whatever the *content* of the input, these return a result or raise a
:class:`~statuskit.StatuskitError`.  Anything else escaping (KeyError, RecursionError,
UnicodeDecodeError, an lxml or feedparser error...) is a bug; as a last line of defence it is
turned into a :class:`~statuskit.ParseError` whose ``__cause__`` is the original exception (the
test suite fails on any such error).  Only misuse of the API itself (``data`` that is neither
bytes nor str, a naive ``read_at``, a ``limits`` that is not a Limits) raises TypeError.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import attrs

from ._dates import zone_info
from ._guard import bound, check_reading, compare, empty_reading
from ._source import Source
from .adapters.base import Adapter
from .errors import InputLimitError, ParseError, StatuskitError
from .limits import DEFAULT_LIMITS, Limits, ParseContext
from .model import Snapshot
from .registry import Detection, detect_source, get_adapter

__all__ = ["check_reading", "detect", "parse"]


def detect(
    data: bytes | str,
    url: str | None = None,
    content_type: str | None = None,
    *,
    limits: Limits | None = None,
) -> Detection:
    """Which adapter reads *data*, with confidence and evidence.  Content alone is enough;
    *url* and *content_type* only help.  Raises :class:`~statuskit.UnknownFormatError` when no
    adapter recognises it."""
    source = Source(data, url, content_type, _limits(limits))
    return detect_source(source)


def _limits(limits: Limits | None) -> Limits:
    if limits is None:
        return DEFAULT_LIMITS
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be a statuskit.Limits, not {type(limits).__name__}")
    return limits


def parse(
    data: bytes | str,
    url: str | None = None,
    content_type: str | None = None,
    provider: str | None = None,
    strict: bool = False,
    *,
    limits: Limits | None = None,
    read_at: datetime | None = None,
    previous: Snapshot | None = None,
    time_zone: str | None = None,
) -> Snapshot:
    """Read one HTTP body of a status page into a :class:`~statuskit.Snapshot`.  Never fetches.

    Args:
        data: the whole body, bytes (preferred: the adapter honours declared encodings) or str.
        url: where it came from; helps detection and tells e.g. ``incidents/unresolved.json``
            from ``incidents.json``.
        content_type: the HTTP Content-Type; its charset is honoured.
        provider: an adapter name ("statuspage.json") to skip detection.
        strict: raise :class:`~statuskit.ParseError` on any recoverable problem instead of
            recording it in ``Snapshot.warnings``.
        limits: bounds on the input (:class:`~statuskit.Limits`).
        read_at: when the body was fetched (aware); kept as ``Snapshot.read_at`` for the diff.
        previous: the previous reading of the same page: a collapse of its components (or a
            vanished status indicator) is reported, see :func:`check_reading`.
        time_zone: the page's IANA zone ("Europe/Berlin"), when you know it: formats that give
            times without a zone (Cachet's API, some hand-built pages) read them in it instead of
            assuming UTC with a warning, and zone abbreviations resolve with it first.  It wins
            over what an adapter would assume or read from the page.  An unknown name is a
            ValueError.

    Raises:
        UnknownFormatError: no adapter recognises *data* (and no *provider* was given).
        UnknownAdapterError: *provider* names no registered adapter.
        ParseError: the input is broken (in strict mode: also any recoverable problem).
        InputLimitError: the input exceeds *limits*.
        SuspiciousReadingError: (strict mode) the reading is empty where its format promises
            content, or collapsed compared with *previous*.
    """
    lim = _limits(limits)
    if read_at is not None and (read_at.tzinfo is None or read_at.utcoffset() is None):
        raise TypeError("read_at must be timezone-aware")
    if previous is not None and not isinstance(previous, Snapshot):
        raise TypeError(f"previous must be a Snapshot, not {type(previous).__name__}")
    if time_zone is not None and zone_info(time_zone) is None:
        raise ValueError(f"unknown IANA time zone {time_zone!r}")
    source = Source(data, url, content_type, lim)
    adapter: Adapter
    if provider is not None:
        adapter = get_adapter(provider)
    else:
        adapter = get_adapter(detect_source(source).adapter)
    ctx = ParseContext(
        adapter.name,
        strict=strict,
        limits=lim,
        time_zone=time_zone,
        read_at=None if read_at is None else read_at.astimezone(timezone.utc),
    )
    snap = _run(adapter, source, ctx)
    snap = bound(snap, ctx, len(source.data) or len(source.text()))
    empty_reading(snap, ctx)
    if previous is not None:
        compare(previous, snap, ctx)
    changes: dict[str, Any] = {}
    if ctx.dropped:
        ctx.warnings.append(
            f"{adapter.name}: {ctx.dropped} more warnings not kept "
            f"(max_warnings={lim.max_warnings})"
        )
    if tuple(ctx.warnings) != snap.warnings:
        changes["warnings"] = tuple(dict.fromkeys((*snap.warnings, *ctx.warnings)))
    if read_at is not None:
        changes["read_at"] = read_at.astimezone(timezone.utc)
    if not snap.adapter or snap.adapter == "unknown":
        changes["adapter"] = adapter.name
    return attrs.evolve(snap, **changes) if changes else snap


def _run(adapter: Adapter, source: Source, ctx: ParseContext) -> Snapshot:
    try:
        snap = adapter.parse(source, ctx)
    except StatuskitError:
        raise
    except RecursionError as exc:
        raise InputLimitError(
            "input nested too deeply", limit="max_depth", adapter=adapter.name
        ) from exc
    except MemoryError as exc:
        raise InputLimitError(
            "input too large to hold in memory", limit="max_bytes", adapter=adapter.name
        ) from exc
    except Exception as exc:
        raise ParseError(
            f"internal error in adapter ({type(exc).__name__}: {exc})", adapter=adapter.name
        ) from exc
    if not isinstance(snap, Snapshot):
        raise ParseError(
            f"adapter returned {type(snap).__name__}, not a Snapshot", adapter=adapter.name
        )
    return snap

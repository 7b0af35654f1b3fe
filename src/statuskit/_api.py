"""The face of statuskit: parse and detect.  One boundary: whatever the input, these return a
result or raise a :class:`~statuskit.StatuskitError`."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import attrs

from ._source import Source
from .adapters.base import Adapter
from .errors import ParseError, StatuskitError
from .limits import DEFAULT_LIMITS, Limits, ParseContext
from .model import Snapshot
from .registry import Detection, detect_source, get_adapter

__all__ = ["detect", "parse"]


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
    source = Source(data, url, content_type, limits or DEFAULT_LIMITS)
    return detect_source(source)


def parse(
    data: bytes | str,
    url: str | None = None,
    content_type: str | None = None,
    provider: str | None = None,
    strict: bool = False,
    *,
    limits: Limits | None = None,
    read_at: datetime | None = None,
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

    Raises:
        UnknownFormatError: no adapter recognises *data* (and no *provider* was given).
        UnknownAdapterError: *provider* names no registered adapter.
        ParseError: the input is broken (in strict mode: also any recoverable problem).
        InputLimitError: the input exceeds *limits*.
    """
    lim = limits or DEFAULT_LIMITS
    source = Source(data, url, content_type, lim)
    adapter: Adapter
    if provider is not None:
        adapter = get_adapter(provider)
    else:
        adapter = get_adapter(detect_source(source).adapter)
    ctx = ParseContext(adapter.name, strict=strict, limits=lim)
    snap = _run(adapter, source, ctx)
    if not snap.components and not snap.incidents and snap.indicator is None:
        ctx.warn("the page parsed to nothing: no components, no incidents, no status")
    changes: dict[str, Any] = {}
    if tuple(ctx.warnings) != snap.warnings:
        changes["warnings"] = tuple(dict.fromkeys((*snap.warnings, *ctx.warnings)))
    if read_at is not None:
        if read_at.tzinfo is None or read_at.utcoffset() is None:
            raise TypeError("read_at must be timezone-aware")
        changes["read_at"] = read_at.astimezone(timezone.utc)
    if not snap.adapter or snap.adapter == "unknown":
        changes["adapter"] = adapter.name
    return attrs.evolve(snap, **changes) if changes else snap


def _run(adapter: Adapter, source: Source, ctx: ParseContext) -> Snapshot:
    try:
        snap = adapter.parse(source, ctx)
    except StatuskitError:
        raise
    except RecursionError:
        ctx.over_limit("max_depth", "input nested too deeply")
    except MemoryError:
        ctx.over_limit("max_bytes", "input too large to hold in memory")
    except Exception as exc:
        raise ParseError(
            f"internal error in adapter ({type(exc).__name__}: {exc})", adapter=adapter.name
        ) from exc
    if not isinstance(snap, Snapshot):
        raise ParseError(
            f"adapter returned {type(snap).__name__}, not a Snapshot", adapter=adapter.name
        )
    return snap

"""Helpers for adapters that read JSON: typed field access that warns instead of crashing,
and vocabulary mapping through explicit tables."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from .._dates import parse_datetime
from ..limits import ParseContext

__all__ = ["as_int", "as_list", "as_str", "date", "lookup", "lookup_at", "omit"]

E = TypeVar("E", bound=Enum)


def as_str(value: object, ctx: ParseContext, path: str) -> str | None:
    """*value* if it is a string (None stays None; numbers become their text; else a warning)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    ctx.warn(f"expected a string, got {type(value).__name__}", path, value)
    return None


def as_int(value: object, ctx: ParseContext, path: str) -> int | None:
    """*value* if it is an integer (or integral float); None with a warning otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):
        ctx.warn("expected an integer, got a boolean", path, value)
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        if -(2**63) < value < 2**64:  # the JSON decoder's integer range (1e300 is no position)
            return int(value)
        ctx.warn("integer beyond 64 bits", path, value)
        return None
    ctx.warn(f"expected an integer, got {type(value).__name__}", path, value)
    return None


def as_list(value: object, ctx: ParseContext, path: str) -> list[Any]:
    """*value* if it is a list (None is empty), bounded by ``limits.max_items``."""
    if value is None:
        return []
    if not isinstance(value, list):
        ctx.warn(f"expected a list, got {type(value).__name__}", path, value)
        return []
    limit = ctx.limits.max_items
    if len(value) > limit:
        ctx.warn(f"list of {len(value)} items cut to max_items={limit}", path)
        return value[:limit]
    return value


def as_dict(value: object, ctx: ParseContext, path: str) -> Mapping[str, Any] | None:
    """*value* if it is an object; None (with a warning unless it was null) otherwise."""
    if isinstance(value, dict):
        return value
    if value is not None:
        ctx.warn(f"expected an object, got {type(value).__name__}", path, value)
    return None


def date(obj: Mapping[str, Any], key: str, ctx: ParseContext, path: str) -> datetime | None:
    """The datetime at ``obj[key]`` (aware UTC), or None."""
    value = obj.get(key)
    if value is None:
        return None
    return parse_datetime(value, ctx, f"{path}.{key}")


def lookup(
    table: Mapping[str, E], raw: object, unknown: E, ctx: ParseContext, path: str, what: str
) -> tuple[E, str | None]:
    """Map a vendor word through *table*; an unknown word is *unknown* with a warning."""
    if raw is None:
        return unknown, None
    if not isinstance(raw, str):
        ctx.warn(f"expected a {what} word, got {type(raw).__name__}", path, raw)
        return unknown, None
    found = table.get(raw)
    if found is None:
        found = table.get(raw.strip().lower())
        if found is None:
            ctx.warn(f"unknown {what} {raw!r} mapped to {unknown.name}", path)
            return unknown, raw
    return found, raw


def lookup_at(
    table: Mapping[str, E],
    raw: object,
    unknown: E,
    ctx: ParseContext,
    path: str,
    key: str,
    what: str,
) -> tuple[E, str | None]:
    """:func:`lookup` of *raw*, found at ``path.key``: a word of *table* as written costs one
    dict lookup and no path string (the common case, hundreds of times per page)."""
    found = table.get(raw) if type(raw) is str else None
    if found is not None:
        return found, raw  # type: ignore[return-value]
    return lookup(table, raw, unknown, ctx, f"{path}.{key}", what)


def omit(obj: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    """A copy of *obj* without *keys* (for ``raw`` records that leave child lists out)."""
    return {k: v for k, v in obj.items() if k not in keys}

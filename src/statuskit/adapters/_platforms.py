"""Small helpers shared by the JSON adapters of the smaller platforms (Slack, status.io, Cachet,
Uptime Kuma, Gatus, Heroku, OpenStatus): cheap key sniffing, vendor ids, and times whose zone
the format leaves out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .._dates import from_epoch, parse_datetime
from .._source import Source
from ..limits import ParseContext
from ..model import Component
from ._json import as_dict, as_str

__all__ = [
    "NAIVE",
    "dedupe",
    "find_keys",
    "head_kind",
    "join_text",
    "newest_by_text",
    "parse_in_zone",
    "str_id",
    "url_has",
]

NAIVE = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$")
"""A date and time without any zone ("2015-08-01 12:00:00")."""


def head_kind(source: Source) -> str:
    """ "{" or "[" when the input looks like a JSON object or array, "" otherwise."""
    head = source.head
    return head[:1] if head[:1] in ("{", "[") else ""


def find_keys(head: str, *keys: str) -> list[str]:
    """The *keys* that appear quoted as JSON object keys (``"key":``) in *head*."""
    found = []
    for key in keys:
        quoted = f'"{key}"'
        at = head.find(quoted)
        while at >= 0:
            rest = head[at + len(quoted) : at + len(quoted) + 8].lstrip()
            if rest.startswith(":"):
                found.append(key)
                break
            at = head.find(quoted, at + 1)
    return found


def url_has(source: Source, *parts: str) -> bool:
    """True when the caller's url contains any of *parts* (lower case)."""
    url = (source.url or "").lower()
    return bool(url) and any(p in url for p in parts)


def str_id(value: object, ctx: ParseContext, path: str) -> str | None:
    """A vendor id as text: strings as they are, integers as digits; None (with a warning for
    any other type) otherwise."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is not None:
        ctx.warn(f"expected an id, got {type(value).__name__}", path, value)
    return None


def parse_in_zone(
    value: object, zone: str | None, ctx: ParseContext, path: str
) -> tuple[datetime | None, bool]:
    """Read *value* as aware UTC; a time without zone is read in *zone* (an IANA name, "UTC"
    when None).  Returns the time and whether it carried no zone of its own.  Numbers are epoch
    seconds."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_epoch(value, ctx, path), False
    naive = isinstance(value, str) and NAIVE.match(value.strip()) is not None
    saved = ctx.time_zone
    if naive:
        ctx.time_zone = zone or "Etc/UTC"
    try:
        return parse_datetime(value, ctx, path), naive
    finally:
        ctx.time_zone = saved


def incident_head(
    item: object, ctx: ParseContext, path: str, title_key: str = "title"
) -> tuple[Mapping[str, Any], str, str] | None:
    """The record, id and title of an incident-like record; None (with a warning) when it is
    not an object or has no id, since an incident without an id cannot be followed."""
    obj = as_dict(item, ctx, path)
    if obj is None:
        return None
    iid = str_id(obj.get("id"), ctx, f"{path}.id")
    title = as_str(obj.get(title_key), ctx, f"{path}.{title_key}") or ""
    if iid is None:
        ctx.warn("incident without id: skipped", f"{path}.id", title)
        return None
    return obj, iid, title


def join_text(*parts: object) -> str:
    """The non-empty string *parts* joined by blank lines."""
    return "\n\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def get_path(obj: Mapping[str, Any], *keys: str) -> Any:
    """``obj[k1][k2]...`` or None when any step is missing or not an object."""
    cur: Any = obj
    for key in keys:
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


def dedupe(components: list[Component], ctx: ParseContext, path: str) -> tuple[Component, ...]:
    """*components* with later repeats of an id dropped, each with a warning (ids key
    components: two rows with one id would make the snapshot ambiguous)."""
    seen: set[str] = set()
    out = []
    for comp in components:
        if comp.id in seen:
            ctx.warn(f"duplicate component id {comp.id!r}: later row skipped", path)
            continue
        seen.add(comp.id)
        out.append(comp)
    return tuple(out)


def newest_by_text(records: list[Mapping[str, Any]], key: str) -> Mapping[str, Any] | None:
    """The record whose *key* holds the latest time, told from the text alone when every value
    is a string of one width with one zone suffix (such times sort as text: no parsing); the
    later record wins a tie.  None when the text cannot tell (the caller parses instead)."""
    best: Mapping[str, Any] | None = None
    best_text = ""
    width = -1
    suffix = ""
    for rec in records:
        text = rec.get(key)
        if type(text) is not str or len(text) < 10:
            return None
        zone = text[-6:] if text[-6:-5] in ("+", "-") else text[-1:] if text[-1:] in "Zz" else ""
        if width < 0:
            width, suffix = len(text), zone
        elif len(text) != width or zone != suffix:
            return None
        if best is None or text >= best_text:
            best, best_text = rec, text
    return best

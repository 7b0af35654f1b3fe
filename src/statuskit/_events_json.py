"""Change events as JSON (for webhooks and queues): :func:`dumps_change` / :func:`loads_change`.

One event is one JSON object, its fields as :func:`statuskit.serialize.encode` writes them, in a
small envelope that names the format and the event type::

    {"statuskit": 1, "kind": "change", "type": "ComponentStatusChanged",
     "id": "...", "at": "2026-03-14T07:26:14Z", "page": "https://status.example.com",
     "component_id": "...", "name": "...", "group": null, "old": "degraded_performance",
     "new": "operational"}

``loads_change(dumps_change(e)) == e``; the id is recomputed on loading and must match.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import ParseError, excerpt
from .events import EVENT_TYPES, Change
from .serialize import FORMAT_VERSION, decode, encode

__all__ = ["change_to_dict", "dumps_change", "loads_change"]

_ADAPTER = "statuskit.loads_change"
_ENVELOPE = ("statuskit", "kind", "type", "id")


def change_to_dict(change: Change, *, raw: bool = True) -> dict[str, Any]:
    """*change* as a JSON-compatible dict in the envelope (``raw=False`` leaves out the vendor
    records of the updates an event carries)."""
    body = encode(change, raw=raw)
    return {"statuskit": FORMAT_VERSION, "kind": "change", "type": change.type, **body}


def dumps_change(change: Change, *, raw: bool = True, indent: int | None = None) -> str:
    """*change* as one JSON document (one line unless *indent* is given)."""
    return json.dumps(
        change_to_dict(change, raw=raw), ensure_ascii=False, indent=indent, allow_nan=False
    )


def _fail(path: str, message: str, value: object = None) -> ParseError:
    return ParseError(
        message, adapter=_ADAPTER, path=path, excerpt=None if value is None else excerpt(value)
    )


def loads_change(text: str | bytes) -> Change:
    """The event :func:`dumps_change` wrote.  ParseError for anything else: not JSON, another
    kind of document, a newer version, an unknown type or field, or an id that does not match
    the event's content."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _fail("$", f"invalid JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("kind") != "change":
        raise _fail("$", "not a statuskit change document")
    if doc.get("statuskit") != FORMAT_VERSION:
        raise _fail("$.statuskit", f"unsupported format version {doc.get('statuskit')!r}")
    name = doc.get("type")
    cls = EVENT_TYPES.get(name) if isinstance(name, str) else None
    if cls is None:
        raise _fail("$.type", "unknown change type", name)
    fields = {k: v for k, v in doc.items() if k not in _ENVELOPE}
    change: Change = decode(cls, fields)
    if "id" in doc and doc["id"] != change.id:
        raise _fail("$.id", "id does not match the event's content", doc["id"])
    return change

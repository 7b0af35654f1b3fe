"""Lossless JSON for the model: :func:`dumps` / :func:`loads`, and the JSON Schema they keep.

The document is versioned (``"statuskit": 1``); ``loads(dumps(s)) == s`` for every Snapshot.
Besides the stored fields, :func:`dumps` writes derived facts for consumers in other languages
(``overall``, and per incident ``duration_seconds``, ``is_resolved``, ``reopened_count``,
``impacted_component_ids``); :func:`loads` recomputes rather than reads them.

The encoder and decoder are driven by the attrs field types of the model classes, so the same
machinery serves any frozen attrs class built from the model's building blocks (the diff events
use it too).
"""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any, Union

import attrs

from .errors import ParseError, excerpt
from .model import Incident, Snapshot

__all__ = ["FORMAT_VERSION", "decode", "dumps", "encode", "loads", "schema"]

FORMAT_VERSION = 1
_ADAPTER = "statuskit.loads"


# -- encoding -------------------------------------------------------------------------------


def _enc_dt(value: datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def encode(obj: Any, *, raw: bool = True) -> Any:
    """A JSON-compatible value for a model object (attrs instance, enum, datetime, tuple...);
    with ``raw=False`` the vendor records (``raw`` fields) are left out."""
    if isinstance(obj, enum.Enum):  # before str: the enums are str subclasses
        return obj.value
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, datetime):
        return _enc_dt(obj)
    if isinstance(obj, timedelta):
        return obj.total_seconds()
    if attrs.has(type(obj)):
        out: dict[str, Any] = {}
        for f in attrs.fields(type(obj)):
            value = getattr(obj, f.name)
            if f.name == "raw" and (not value or not raw):
                continue
            out[f.name] = encode(value, raw=raw)
        return out
    if isinstance(obj, (tuple, list)):
        return [encode(v, raw=raw) for v in obj]
    if isinstance(obj, Mapping):
        return {str(k): encode(v, raw=raw) for k, v in obj.items()}
    raise TypeError(f"cannot encode {type(obj).__name__}")


def _incident_extra(inc: Incident) -> dict[str, Any]:
    d = inc.duration
    return {
        "duration_seconds": None if d is None else d.total_seconds(),
        "is_resolved": inc.is_resolved,
        "reopened_count": inc.reopened_count,
        "impacted_component_ids": [r.id for r in inc.impacted_components],
    }


def dumps(snap: Snapshot, *, indent: int | None = None, raw: bool = True) -> str:
    """*snap* as a versioned JSON document (see the module docstring).

    With ``raw=False`` the vendor records are left out: shorter, but no longer lossless.
    """
    body = encode(snap, raw=raw)
    for doc, inc in zip(body["incidents"], snap.incidents, strict=True):
        doc["derived"] = _incident_extra(inc)
    return json.dumps(
        {"statuskit": FORMAT_VERSION, "kind": "snapshot", "overall": snap.overall.value, **body},
        ensure_ascii=False,
        indent=indent,
        allow_nan=False,
    )


# -- decoding -------------------------------------------------------------------------------

_DERIVED = frozenset({"statuskit", "kind", "overall", "derived"})


def _fail(path: str, message: str, value: object = None) -> ParseError:
    return ParseError(
        message, adapter=_ADAPTER, path=path, excerpt=None if value is None else excerpt(value)
    )


def _dec_dt(value: Any, path: str) -> datetime:
    if not isinstance(value, str):
        raise _fail(path, "expected a date string", value)
    text = value[:-1] + "+00:00" if value.endswith("Z") else value
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        raise _fail(path, "invalid date", value) from None
    if dt.tzinfo is None:
        raise _fail(path, "date without zone", value)
    return dt.astimezone(timezone.utc)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(tp: Any, value: Any, path: str = "$") -> Any:
    """Rebuild a value of type *tp* from :func:`encode`'s output; ParseError on mismatch."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            return decode(rest[0], value, path)
        for a in rest:  # str | int style unions
            try:
                return decode(a, value, path)
            except ParseError:
                continue
        raise _fail(path, f"value does not fit {tp}", value)
    if tp is Any:
        return value
    if origin is tuple:
        if not isinstance(value, list):
            raise _fail(path, "expected a list", value)
        (item,) = typing.get_args(tp)[:1]
        return tuple(decode(item, v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin in (Mapping, dict) or tp in (Mapping, dict):
        if not isinstance(value, dict):
            raise _fail(path, "expected an object", value)
        return value
    if tp is datetime:
        return _dec_dt(value, path)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            raise _fail(path, f"not a {tp.__name__}", value) from None
    if isinstance(tp, type) and attrs.has(tp):
        return _decode_attrs(tp, value, path)
    if tp in (str, int, float, bool):
        if type(value) is not tp and not (tp is float and type(value) is int):
            raise _fail(path, f"expected {tp.__name__}", value)
        return value
    raise _fail(path, f"cannot decode type {tp}")


def _decode_attrs(cls: Any, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise _fail(path, f"expected a {cls.__name__} object", value)
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in attrs.fields(cls):
        if f.name in value:
            kwargs[f.name] = decode(hints[f.name], value[f.name], f"{path}.{f.name}")
        elif f.default is attrs.NOTHING:
            raise _fail(path, f"missing field {f.name!r}")
    extra = set(value) - set(kwargs) - _DERIVED
    if extra:
        raise _fail(path, f"unknown field {sorted(extra)[0]!r}")
    return cls(**kwargs)


def loads(text: str | bytes) -> Snapshot:
    """The Snapshot :func:`dumps` wrote.  ParseError for anything else (or a newer version)."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _fail("$", f"invalid JSON: {exc}") from None
    if not isinstance(doc, dict) or doc.get("kind") != "snapshot":
        raise _fail("$", "not a statuskit snapshot document")
    version = doc.get("statuskit")
    if version != FORMAT_VERSION:
        raise _fail("$.statuskit", f"unsupported format version {version!r}")
    snap: Snapshot = _decode_attrs(Snapshot, doc, "$")
    return snap


# -- JSON Schema ----------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`dumps`' output, generated from the model.
    The same document ships as ``statuskit/schema/snapshot.schema.json``."""
    defs: dict[str, Any] = {}

    def ref(tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            args = typing.get_args(tp)
            return {"anyOf": [ref(a) for a in args]}
        if tp is type(None):
            return {"type": "null"}
        if tp is Any:
            return {}
        if origin is tuple:
            return {"type": "array", "items": ref(typing.get_args(tp)[0])}
        if origin in (Mapping, dict) or tp in (Mapping, dict):
            return {"type": "object"}
        if tp is datetime:
            return {"type": "string", "format": "date-time"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            name = tp.__name__
            defs.setdefault(name, {"enum": [m.value for m in tp]})
            return {"$ref": f"#/$defs/{name}"}
        if isinstance(tp, type) and attrs.has(tp):
            name = tp.__name__
            if name not in defs:
                defs[name] = {}
                defs[name] = obj(tp)
            return {"$ref": f"#/$defs/{name}"}
        return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[tp]}

    def obj(cls: type, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        hints = _hints(cls)
        props = {f.name: ref(hints[f.name]) for f in attrs.fields(cls)}
        if extra:
            props.update(extra)
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        if required:
            out["required"] = required
        return out

    ref(Snapshot)
    incident = defs["Incident"]
    incident["properties"]["derived"] = {
        "type": "object",
        "description": "Derived facts, recomputed by loads (not read).",
        "properties": {
            "duration_seconds": {"type": ["number", "null"]},
            "is_resolved": {"type": "boolean"},
            "reopened_count": {"type": "integer"},
            "impacted_component_ids": {"type": "array", "items": {"type": ["string", "null"]}},
        },
    }
    root = defs.pop("Snapshot")
    root["properties"] = {
        "statuskit": {"const": FORMAT_VERSION},
        "kind": {"const": "snapshot"},
        "overall": {
            "$ref": "#/$defs/ComponentStatus",
            "description": "Derived; recomputed by loads.",
        },
        **root["properties"],
    }
    root["required"] = ["statuskit", "kind", *root.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://statuskit.invalid/schema/snapshot-v1.json",
        "title": "statuskit snapshot, format version 1",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _schema_text() -> str:
    return json.dumps(schema(), indent=2, sort_keys=False) + "\n"

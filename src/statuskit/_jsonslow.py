"""The second pass over a JSON body (see :mod:`statuskit._jsondecode`): json with hooks that
catch repeated keys and the numbers statuskit refuses, then a walk that names each of them with
its path, nulls the numbers and checks the depth when the first pass could not tell it.  Runs
only when the first pass found something off, so it may be thorough rather than fast."""

from __future__ import annotations

import json
import math
from typing import Any

from .limits import ParseContext

__all__ = ["BIG", "LOW", "fail", "slow"]

BIG = 2**64
LOW = -(2**63)
"""Integers outside [LOW, BIG) are nulled: no status page field needs them, and decoders
disagree on them (orjson turns them into floats, json into unbounded ints)."""


def fail(exc: json.JSONDecodeError, text: str, ctx: ParseContext) -> None:
    ctx.fail(
        f"invalid JSON: {exc.msg}",
        f"line {exc.lineno} column {exc.colno}",
        text[max(exc.pos - 20, 0) : exc.pos + 20],
    )


class _Bad:
    """A number the slow path refuses; replaced by None once its path is known."""

    __slots__ = ("literal", "reason")

    def __init__(self, literal: str, reason: str) -> None:
        self.literal = literal
        self.reason = reason


def _int(literal: str) -> Any:
    digits = len(literal) - (literal[0] == "-")
    if digits > 20:
        return _Bad(literal, "integer beyond 64 bits")
    n = int(literal)
    return n if LOW <= n < BIG else _Bad(literal, "integer beyond 64 bits")


def _float(literal: str) -> Any:
    f = float(literal)
    return f if math.isfinite(f) else _Bad(literal, "number out of range")


def _constant(literal: str) -> Any:
    return _Bad(literal, f"{literal} is not JSON")


class _Findings:
    """What the hooks of the slow pass found, kept within ``max_warnings``."""

    __slots__ = ("bad", "cap", "extra", "repeated")

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.bad = 0
        """Refused numbers not yet nulled."""
        self.extra = 0
        """Objects with repeated keys beyond the cap: counted, not located."""
        self.repeated: dict[int, tuple[dict[str, Any], list[str]]] = {}
        """Objects with repeated keys, by id(); each held so that its id cannot be reused."""

    def pairs(self, items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            if len(self.repeated) >= self.cap:
                self.extra += 1
                return obj
            seen: set[str] = set()
            dupes: list[str] = []
            for key, _ in items:
                if key in seen and key not in dupes:
                    dupes.append(key)
                seen.add(key)
            self.repeated[id(obj)] = (obj, dupes)
        return obj

    def number(self, convert: Any) -> Any:
        def hook(literal: str) -> Any:
            value = convert(literal)
            if type(value) is _Bad:
                self.bad += 1
            return value

        return hook


def slow(
    text: str, ctx: ParseContext, depth: int | None, *, keys: bool = True, numbers: bool = True
) -> Any:
    """Decode with hooks (for repeated *keys*, for odd *numbers*: each hook costs a Python
    call per object or number, so only those needed run), then name every problem with its
    path."""
    found = _Findings(ctx.limits.max_warnings)
    hooks: dict[str, Any] = {}
    if keys:
        hooks["object_pairs_hook"] = found.pairs
    if numbers:
        hooks["parse_int"] = found.number(_int)
        hooks["parse_float"] = found.number(_float)
        hooks["parse_constant"] = found.number(_constant)
    try:
        value = json.loads(text, **hooks)
    except json.JSONDecodeError as exc:
        fail(exc, text, ctx)
    except RecursionError:
        ctx.over_limit("max_depth", f"JSON nested deeper than max_depth={ctx.limits.max_depth}")
    return _settle(value, found, ctx, depth)


_Where = tuple[Any, "str | int"] | None
"""Where a value sits: (where its container sits, its key or index), None for the top."""


def _spell(where: _Where) -> str:
    parts: list[str | int] = []
    while where is not None:
        where, key = where
        parts.append(key)
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in reversed(parts))


def _warn(ctx: ParseContext, message: str, where: _Where, value: object = None) -> None:
    if not ctx.strict and len(ctx.warnings) >= ctx.limits.max_warnings:
        ctx.dropped += 1  # do not spell out a path nobody will read
        return
    ctx.warn(message, _spell(where), value)


def _settle(value: Any, found: _Findings, ctx: ParseContext, depth: int | None) -> Any:
    """Null the refused numbers and report them and the repeated keys with their paths (in
    document order); check the depth when the skeleton could not tell it.  The walk stops as
    soon as nothing is left to find."""
    limit = ctx.limits.max_depth
    if type(value) is _Bad:
        ctx.warn(f"{value.reason}: read as null", "$", value.literal)
        return None
    repeated = found.repeated
    stack: list[tuple[Any, _Where, int]] = [(value, None, 1)]
    while stack and (found.bad or repeated or depth is None):
        x, where, level = stack.pop()
        if depth is None and level > limit:
            ctx.over_limit("max_depth", f"JSON nested deeper than max_depth={limit}", _spell(where))
        items: Any
        if type(x) is dict:
            dupes = repeated.pop(id(x), None)
            for key in dupes[1] if dupes else ():
                _warn(ctx, f"duplicate key {key!r}: the last value is kept", where)
            items = x.items()
        elif type(x) is list:
            items = enumerate(x)
        else:
            continue
        children = []
        for key, v in items:
            kind = type(v)
            if kind is _Bad:
                found.bad -= 1
                _warn(ctx, f"{v.reason}: read as null", (where, key), v.literal)
                x[key] = None  # replaces a value: the container keeps its size
            elif kind is dict or kind is list:
                children.append((v, (where, key), level + 1))
        stack.extend(reversed(children))
    for _, lost in repeated.values():  # in objects a later duplicate replaced
        for key in lost:
            ctx.warn(f"duplicate key {key!r}: the last value is kept")
    ctx.dropped += found.extra
    return value

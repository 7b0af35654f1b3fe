"""Data that JavaScript-rendered status pages embed in their HTML, read without running anything.

Three carriers are understood:

* Next.js pages router: ``<script id="__NEXT_DATA__" type="application/json">`` (plain JSON);
* Next.js app router: ``self.__next_f.push([1, "..."])`` scripts whose string chunks, joined, are
  the React Server Components "flight" stream: rows ``<id>:<json>`` separated by newlines, and
  text rows ``<id>:T<hex byte length>,<text>``;
* Nuxt 3: ``<script id="__NUXT_DATA__" type="application/json">``, a flattened array in the
  devalue format where numbers inside arrays and objects are indexes into the array.

Everything is bounded: scripts are found with anchored patterns and ``str.find`` (linear), every
decode counts the nodes it builds against a budget, and nothing recurses on input structure.
A reference cycle or nesting beyond ``Limits.max_depth`` is cut (None) with a warning.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .._source import Source, json_depth
from ..limits import ParseContext

__all__ = [
    "Embedded",
    "decode_devalue",
    "embedded_carrier",
    "embedded_data",
    "find_objects",
    "flight_rows",
    "has_embedded_data",
    "mentions",
    "source_mentions",
    "unflight",
]

_SCRIPT = re.compile(r"<script\b", re.I)
_MAX_ATTRS = 2000
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
_ID = re.compile(r"""(?<![\w-])id\s*=\s*["']?([A-Za-z0-9_-]{1,64})""")
_PUSH = "self.__next_f.push("
_MARKERS = (b"__NEXT_DATA__", b"__NUXT_DATA__", b"self.__next_f")


def has_embedded_data(raw: bytes, window: int = 2 * 1024 * 1024) -> str | None:
    """The first carrier (in the order ``__NEXT_DATA__``, ``__NUXT_DATA__``,
    ``self.__next_f``) named in the first *window* bytes (a cheap check for ``sniff``)."""
    end = min(len(raw), window)
    nuxt = False
    # "X" is rare in pages: hopping from "X" to "X" (memchr) finds both data scripts' ids
    # with one pass, cheaper than two searches; a page full of "X" is searched normally
    at = raw.find(b"X", 4, end)
    hops = 0
    while at >= 0:
        word = raw[at - 4 : at + 9]  # one slice compared twice: cheaper than two startswith
        if word == _NEXT and at + 9 <= end:
            return "__NEXT_DATA__"
        if word == _NUXT and at + 9 <= end:
            nuxt = True
        hops += 1
        if hops > _MAX_HOPS:  # every "X" up to here was looked at
            if raw.find(_NEXT, at - 3, end) >= 0:
                return "__NEXT_DATA__"
            nuxt = nuxt or raw.find(_NUXT, at - 3, end) >= 0
            break
        at = raw.find(b"X", at + 1, end)
    if nuxt:
        return "__NUXT_DATA__"
    return "self.__next_f" if raw.find(b"self.__next_f", 0, end) >= 0 else None


def embedded_carrier(source: Source, window: int = 2 * 1024 * 1024) -> str | None:
    """:func:`has_embedded_data` of the source's body, computed once per Source."""
    return source.memo(("embedded-carrier", window), lambda s: has_embedded_data(s.raw, window))


def source_mentions(
    source: Source, needles: tuple[bytes, ...], window: int = 2 * 1024 * 1024
) -> list[bytes]:
    """:func:`mentions` in the source's body, each needle looked for once per Source."""
    return [n for n in needles if source.memo(("mention", n, window), _finder(n, window))]


def _finder(needle: bytes, window: int) -> Callable[[Source], bool]:
    def find(source: Source) -> bool:
        return source.raw.find(needle, 0, window) >= 0

    return find


_MAX_HOPS = 256
_NEXT = b"__NEXT_DATA__"
_NUXT = b"__NUXT_DATA__"


def mentions(raw: bytes, needles: tuple[bytes, ...], window: int = 2 * 1024 * 1024) -> list[bytes]:
    """Which of *needles* occur in the first *window* bytes."""
    return [n for n in needles if raw.find(n, 0, window) >= 0]


class Embedded:
    """The decoded carriers of one page (each None or empty when absent)."""

    __slots__ = ("flight", "next_data", "nuxt_data", "plain_rows")

    def __init__(self) -> None:
        self.next_data: Any = None
        self.nuxt_data: Any = None
        self.flight: dict[str, Any] = {}
        """Flight rows by id (their JSON values, or the text of text rows)."""
        self.plain_rows: set[str] = set()
        """Ids of rows with no ``"$`` string in them: nothing to undo there."""

    def find(
        self, predicate: Callable[[dict[str, Any]], bool], ctx: ParseContext
    ) -> tuple[dict[str, Any], str] | None:
        """The first object satisfying *predicate*, JSON carriers first, with the carrier's
        name.  A flight match comes back with its ``$`` encodings undone (see :func:`unflight`)."""
        for name, root in (("__NEXT_DATA__", self.next_data), ("__NUXT_DATA__", self.nuxt_data)):
            if root is not None:
                hit = find_objects([root], predicate, ctx)
                if hit:
                    return hit[0], name
        for rid, row in self.flight.items():
            hit = find_objects([row], predicate, ctx)
            if hit:
                if rid not in self.plain_rows:
                    value = unflight(hit[0], self.flight, ctx)
                    if not isinstance(value, dict):
                        continue
                    return value, "self.__next_f"
                return hit[0], "self.__next_f"
        return None

    def carriers(self) -> list[str]:
        names = []
        if self.next_data is not None:
            names.append("__NEXT_DATA__")
        if self.nuxt_data is not None:
            names.append("__NUXT_DATA__")
        if self.flight:
            names.append("self.__next_f")
        return names


def _scripts(text: str) -> Iterator[tuple[str | None, str]]:
    """(id, body) of each inline script, in document order.  Linear in the text: a tag whose
    attributes run past 2000 characters is not a script tag, and an unclosed script ends the
    scan."""
    pos = 0
    while True:
        m = _SCRIPT.search(text, pos)
        if m is None:
            return
        gt = text.find(">", m.end())
        if gt < 0:
            return
        if gt - m.end() > _MAX_ATTRS:
            pos = gt - _MAX_ATTRS  # every start before this one is as far from a ">"
            continue
        end = _SCRIPT_END.search(text, gt + 1)
        if end is None:
            return
        ident = _ID.search(text, m.end(), gt)
        yield (ident.group(1) if ident else None), text[gt + 1 : end.start()]
        pos = end.end()


def embedded_data(text: str, ctx: ParseContext) -> Embedded:
    """Decode every carrier found in the page *text*; malformed ones are warnings."""
    found = Embedded()
    chunks: list[str] = []
    for ident, body in _scripts(text):
        if ident == "__NEXT_DATA__" and found.next_data is None:
            found.next_data = _json(body, ctx, "script#__NEXT_DATA__")
        elif ident == "__NUXT_DATA__" and found.nuxt_data is None:
            values = _json(body, ctx, "script#__NUXT_DATA__")
            if isinstance(values, list):
                found.nuxt_data = decode_devalue(values, ctx, "script#__NUXT_DATA__")
            elif values is not None:
                ctx.warn("__NUXT_DATA__ is not an array", "script#__NUXT_DATA__")
        else:
            stripped = body.strip()
            if stripped.startswith(_PUSH):
                chunk = _flight_chunk(stripped, ctx)
                if chunk is not None:
                    chunks.append(chunk)
    if chunks:
        found.flight = flight_rows("".join(chunks), ctx, found.plain_rows)
    return found


def _too_deep(data: bytes, ctx: ParseContext) -> bool:
    limit = ctx.limits.max_depth
    return data.count(b"[") + data.count(b"{") > limit and json_depth(data, limit) > limit


def _json(body: str, ctx: ParseContext, path: str) -> Any:
    try:
        value = json.loads(body)
    except RecursionError:
        ctx.over_limit("max_depth", "embedded JSON nested too deeply", path)
    except ValueError as exc:
        ctx.warn(f"embedded JSON unreadable: {exc}", path, body[:80])
        return None
    if _too_deep(body.encode("utf-8", "surrogatepass"), ctx):
        ctx.over_limit("max_depth", "embedded JSON nested deeper than max_depth", path)
    return value


def _flight_chunk(stmt: str, ctx: ParseContext) -> str | None:
    arg = stmt[len(_PUSH) :].rstrip().rstrip(";").rstrip()
    if not arg.endswith(")"):
        return None
    try:
        value = json.loads(arg[:-1])
    except (ValueError, RecursionError):
        ctx.warn("self.__next_f chunk is not plain JSON: skipped", "script", arg[:80])
        return None
    if isinstance(value, list) and len(value) == 2 and value[0] == 1 and isinstance(value[1], str):
        return value[1]
    return None  # bootstrap [0], form state [2], binary [3]


_ROW_ID = re.compile(rb"([0-9a-zA-Z]{1,16}):")
_JSON_START = frozenset(b'[{"-0123456789tfn')


def flight_rows(stream: str, ctx: ParseContext, plain: set[str] | None = None) -> dict[str, Any]:
    """The JSON values (and texts) of a flight stream's rows, by row id; tagged rows (``I``,
    ``HL``, ``E`` ...) carry no page data and are skipped.  The ids of rows without any
    ``"$`` string are added to *plain*."""
    data = stream.encode("utf-8", "surrogatepass")
    out: dict[str, Any] = {}
    pos, size = 0, len(data)
    limit = ctx.limits.max_items
    while pos < size and len(out) < limit:
        m = _ROW_ID.match(data, pos)
        if m is None:  # not a row start: skip the line
            nl = data.find(b"\n", pos)
            pos = size if nl < 0 else nl + 1
            continue
        start = m.end()
        if data[start : start + 1] == b"T":
            comma = data.find(b",", start, start + 18)
            try:
                length = int(data[start + 1 : comma], 16) if comma > 0 else -1
            except ValueError:
                length = -1
            if length >= 0:
                text = data[comma + 1 : comma + 1 + length].decode("utf-8", "replace")
                out[m.group(1).decode()] = text
                pos = comma + 1 + length
                continue
        nl = data.find(b"\n", start)
        end = size if nl < 0 else nl
        if start < end and data[start] in _JSON_START:
            # a row that is not data (or is cut) is skipped: the page's data lives elsewhere
            with contextlib.suppress(ValueError, RecursionError):
                row = data[start:end]
                if not _too_deep(row, ctx):
                    rid = m.group(1).decode()
                    out[rid] = json.loads(row)
                    if plain is not None and b'"$' not in row:
                        plain.add(rid)
        pos = end + 1
    return out


# -- Nuxt's devalue -----------------------------------------------------------------------------

_SPECIAL = {-1: None, -2: None, -3: None, -4: None, -5: None, -6: 0}
# undefined, hole, NaN, +Infinity, -Infinity (JSON has none of them), -0
_WRAPPERS = frozenset(
    {"Reactive", "ShallowReactive", "Ref", "ShallowRef", "Object", "Island", "NuxtError"}
)


def decode_devalue(values: list[Any], ctx: ParseContext, path: str) -> Any:
    """Rebuild the value a devalue array encodes (root at index 0), as JSON-compatible data.

    Shared references are copied; a reference cycle, or nesting deeper than ``max_depth``, is
    cut to None (with one warning).  Building more than ``4 * len(values) + 10_000`` nodes raises
    InputLimitError: a small payload cannot make statuskit do unbounded work.
    """
    if not values:
        return None
    budget = 4 * len(values) + 10_000
    max_depth = ctx.limits.max_depth
    holder: list[Any] = [None]
    # (index, container, key, depth, ancestors)
    stack: list[tuple[Any, Any, Any, int, frozenset[int]]] = [(0, holder, 0, 0, frozenset())]
    cut = False
    while stack:
        index, parent, key, depth, above = stack.pop()
        budget -= 1
        if budget < 0:
            ctx.over_limit("max_items", "devalue payload expands beyond its budget", path)
        value: Any = None
        if isinstance(index, bool) or not isinstance(index, int):
            value = None
        elif index < 0:
            value = _SPECIAL.get(index)
        elif index >= len(values):
            ctx.warn(f"devalue index {index} out of range", path)
        elif index in above or depth > max_depth:
            cut = True
        else:
            raw = values[index]
            mine = above | {index}
            if isinstance(raw, dict):
                value = dict.fromkeys(str(k) for k in raw)  # keeps the key order
                stack.extend((v, value, str(k), depth + 1, mine) for k, v in raw.items())
            elif isinstance(raw, list):
                if len(raw) == 2 and raw[0] in _WRAPPERS:
                    # Reactive(x), Ref(x) ...: the slot holds x itself
                    stack.append((raw[1], parent, key, depth + 1, mine))
                    continue
                value = _container(raw, stack, depth, mine)
            else:
                value = raw
        parent[key] = value
    if cut:
        ctx.warn(f"devalue reference cycle or nesting beyond max_depth={max_depth} cut", path)
    return holder[0]


def _container(raw: list[Any], stack: list[Any], depth: int, mine: frozenset[int]) -> Any:
    if not raw or not isinstance(raw[0], str):
        out: list[Any] = [None] * len(raw)
        stack.extend((v, out, i, depth + 1, mine) for i, v in enumerate(raw))
        return out
    tag = raw[0]
    if tag in ("Date", "BigInt", "RegExp") and len(raw) > 1:
        return raw[1] if isinstance(raw[1], (str, int)) else None
    if tag == "Set":
        items: list[Any] = [None] * (len(raw) - 1)
        stack.extend((v, items, i, depth + 1, mine) for i, v in enumerate(raw[1:]))
        return items
    if tag in ("Map", "null"):
        # "null" (a prototype-less object) holds key, value-index pairs; a Map's keys are
        # themselves indexes, kept as their text
        pairs = raw[1:]
        keys = [str(pairs[i]) for i in range(0, len(pairs) - 1, 2)]
        mapping: dict[str, Any] = dict.fromkeys(keys)
        stack.extend(
            (pairs[i + 1], mapping, keys[i // 2], depth + 1, mine)
            for i in range(0, len(pairs) - 1, 2)
        )
        return mapping
    return None  # EmptyRef, functions, custom types: no data


_REF = re.compile(r"\$@?([0-9a-f]{1,8})")


def unflight(value: Any, rows: dict[str, Any], ctx: ParseContext) -> Any:
    """A copy of *value* with the flight encodings undone: ``"$undefined"`` is None, ``"$D..."``
    the date text, ``"$$..."`` a literal ``$``, and ``"$<id>"`` / ``"$@<id>"`` the referenced
    row (copied; a cycle or nesting beyond ``max_depth`` is cut to None).  Bounded by
    ``4 * max_items`` nodes."""
    budget = 4 * ctx.limits.max_items
    max_depth = ctx.limits.max_depth
    holder: list[Any] = [None]
    stack: list[tuple[Any, Any, Any, int, frozenset[str]]] = [(value, holder, 0, 0, frozenset())]
    while stack:
        item, parent, key, depth, above = stack.pop()
        budget -= 1
        if budget < 0:
            ctx.over_limit("max_items", "flight data expands beyond its budget", "self.__next_f")
        if depth > max_depth:
            parent[key] = None
            continue
        if isinstance(item, str) and item.startswith("$"):
            ref = _REF.fullmatch(item)
            if ref is not None and ref.group(1) in rows and ref.group(1) not in above:
                stack.append((rows[ref.group(1)], parent, key, depth + 1, above | {ref.group(1)}))
                continue
            if item == "$undefined" or ref is not None:
                item = None
            elif item.startswith(("$D", "$$")):
                item = item[2:] if item[1] == "D" else item[1:]
        if isinstance(item, dict):
            out: Any = dict.fromkeys(item)  # keeps the key order
            stack.extend((v, out, k, depth + 1, above) for k, v in item.items())
            item = out
        elif isinstance(item, list):
            out = [None] * len(item)
            stack.extend((v, out, i, depth + 1, above) for i, v in enumerate(item))
            item = out
        parent[key] = item
    return holder[0]


# -- finding the page's data --------------------------------------------------------------------


def find_objects(
    roots: Iterable[Any],
    predicate: Callable[[dict[str, Any]], bool],
    ctx: ParseContext,
    *,
    limit: int = 1,
) -> list[dict[str, Any]]:
    """Objects under *roots* for which *predicate* holds, breadth first (outermost first), at
    most *limit*.  Visits at most ``4 * max_items`` nodes."""
    found: list[dict[str, Any]] = []
    budget = 4 * ctx.limits.max_items
    queue: list[Any] = list(roots)
    head = 0
    while head < len(queue) and budget > 0:
        item = queue[head]
        head += 1
        budget -= 1
        if isinstance(item, dict):
            if predicate(item):
                found.append(item)
                if len(found) >= limit:
                    break
                continue
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(v for v in item if isinstance(v, (dict, list)))
    if budget <= 0:
        ctx.warn("embedded data too large to search fully", "script")
    return found

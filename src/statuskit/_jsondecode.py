"""Decoding JSON bodies: fast on ordinary input, bounded and typed on hostile input.

The fast path (every ordinary body) costs one decode plus C-speed scans:

1. The *skeleton* of the bytes (brackets and colons outside strings, found with
   ``bytes.translate``/``replace``) gives the nesting depth **before** anything is decoded, and the
   number of object members the text holds.
2. orjson (or json) decodes.
3. The members the decoder kept are counted, and the numbers looked at: with json by hooks as it
   reads (no walk afterwards), with orjson (which has no hooks) by one walk over the decoded
   containers that passes over those holding only plain values at C speed.  Fewer members than
   colons means a key was repeated.

Only when a scan says something is off (a repeated key, a number out of range, NaN or Infinity,
an escaped NUL or lone surrogate, a raw control character, a decoder refusal) does the slow path
run: json with hooks, which names each problem with its path (:mod:`statuskit._jsonslow`).
Outcomes:

* nesting beyond ``Limits.max_depth``: :class:`~statuskit.InputLimitError` (before decoding);
* repeated key: the last value is kept, with a warning (lenient) or a ParseError (strict);
* NaN, Infinity, numbers that overflow a double, integers beyond 64 bits (below -2**63 or from
  2**64 on, including those past Python's 4,300-digit limit): null, with a warning;
* ``\\u0000`` and lone surrogate escapes: U+FFFD, with a warning;
* raw control characters (invalid JSON): read as spaces, with a warning;
* anything else malformed: :class:`~statuskit.ParseError` with line and column.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import TYPE_CHECKING, Any

from ._encoding import sniff_encoding
from ._jsonslow import BIG, LOW, fail
from ._jsonslow import slow as _slow
from .limits import ParseContext

if TYPE_CHECKING:
    from ._source import Source

__all__ = ["decode_json", "json_depth", "skeleton"]


def _optional_orjson() -> Any:
    # optional speed-up (extra "speed"): same results, about three times faster decoding
    try:
        import orjson  # noqa: PLC0415
    except ImportError:  # pragma: no cover - exercised when the extra is not installed
        return None
    return orjson


_orjson: Any = _optional_orjson()

_UNIFY = bytes.maketrans(b"{}", b"[]")
_DROP = bytes(c for c in range(256) if c not in b'[]{}":')
_QUOTING_ESCAPE = re.compile(rb'\\[\\"]')


def skeleton(data: bytes, *, escaped: bool = True) -> bytes | None:
    """The brackets (all written ``[``/``]``) and colons of the JSON text *data* that lie outside
    strings, in order; None when the quotes do not pair (the text is not valid JSON).

    Every step is one C-speed pass: escaped backslashes and quotes go (only escapes can hold a
    backslash in valid JSON), then everything but brackets, colons and quotes, then empty
    strings; the quotes left alternate open/close, so splitting on them puts what lies outside
    strings at the even positions.  ``escaped=False`` says the caller already knows *data*
    holds no ``\\\\`` or ``\\"`` (one scan less).
    """
    if escaped and _QUOTING_ESCAPE.search(data) is not None:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skel = data.translate(_UNIFY, _DROP).replace(b'""', b"")
    if b'"' in skel:
        parts = skel.split(b'"')
        if len(parts) % 2 == 0:
            return None
        skel = b"".join(parts[::2])
    return skel


def _depth(skel: bytes, limit: int) -> int | None:
    """Nesting depth of a bracket skeleton, counted up to *limit* + 1; None when the brackets
    do not nest.  Each pass strips the innermost pairs, so the passes are the depth."""
    if b":" in skel:
        skel = skel.translate(None, b":")  # one pass; replace() would look for each colon
    if b"[" * (limit + 1) in skel:
        return limit + 1  # a run of openers: no need to peel them one pass at a time
    depth = 0
    while skel:
        shorter = skel.replace(b"[]", b"")
        if len(shorter) == len(skel):
            return None
        depth += 1
        if depth > limit:
            break
        skel = shorter
    return depth


def json_depth(data: bytes, limit: int) -> int:
    """The nesting depth of the valid JSON text *data*, counted up to *limit* + 1.

    Runs at C speed (see :func:`skeleton`); exact for valid JSON, and *limit* + 1 for text whose
    quotes or brackets do not pair.
    """
    skel = skeleton(data)
    depth = None if skel is None else _depth(skel, limit)
    return limit + 1 if depth is None else depth


# -- the scans ------------------------------------------------------------------------------

_SUSPECT_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
_ESCAPE = re.compile(
    r"\\\\"  # an escaped backslash: skipped, so what follows it is not read as an escape
    r"|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"  # a surrogate pair: kept
    r"|\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})"  # NUL or a lone surrogate: replaced
)
_NOTABLE_ESCAPE = re.compile(rb'\\(?:[\\"]|u(?:0000|[dD][89a-fA-F]))')
"""Any escape that either :data:`_QUOTING_ESCAPE` or :data:`_SUSPECT_ESCAPE` would find."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _scrub_escapes(text: str) -> tuple[str, int]:
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        token = m.group(0)
        if token == "\\\\" or len(token) == 12:
            return token
        count += 1
        return "\\ufffd"

    return _ESCAPE.sub(repl, text), count


_ESCAPES_SEEN = 16
"""Backslashes :func:`_notable_escape` looks at one by one (plus one per 128 bytes) before it
lets the regular expression scan the rest."""


def _notable_escape(data: bytes) -> bool:
    """Whether :data:`_NOTABLE_ESCAPE` finds an escape in *data*.  Backslashes are found with
    ``bytes.find`` (memchr speed) and each is matched where it stands: a body with a few escapes
    (a line break in an update) costs no scan of every byte.  A backslash that starts no notable
    escape is not followed by one (``\\\\`` would be notable), so the search resumes two bytes on."""
    find, match = data.find, _NOTABLE_ESCAPE.match
    i = find(b"\\")
    for _ in range(_ESCAPES_SEEN + (len(data) >> 7)):
        if i < 0:
            return False
        if match(data, i) is not None:
            return True
        i = find(b"\\", i + 2)
    return i >= 0 and _NOTABLE_ESCAPE.search(data, i) is not None


_NOTABLE = frozenset((dict, list, float))
"""What :func:`_survey` looks at in orjson's output: containers, and floats (an integer beyond
64 bits comes out of orjson as a float; its integers all fit)."""


def _survey(value: dict[str, Any] | list[Any]) -> tuple[int, bool]:
    """(object members held, whether a float needs a closer look) in orjson's *value*.  A
    container holding only strings, integers, booleans and nulls (most of them) is passed over
    by one C-speed look at its values' types."""
    members = 0
    odd = False
    stack: list[Any] = [value]
    pop, push = stack.pop, stack.append
    plain = _NOTABLE.isdisjoint
    while stack:
        x = pop()
        if type(x) is dict:
            members += len(x)
            x = x.values()
        if plain(map(type, x)):
            continue
        for y in x:
            t = type(y)
            if t is dict or t is list:
                push(y)
            elif t is float and not LOW < y < BIG:  # also NaN; -2**63 may have been -2**63 - 1
                odd = True
    return members, odd


def _counted_loads(text: str) -> tuple[Any, int, bool]:
    """``json.loads(text)``, with (object members held, whether a number needs a closer look):
    hooks count each object's members and look at each number as json reads it, so that no walk
    over the result is needed.  They return what json would, the very objects."""
    members = 0
    odd = False

    def counted(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal members
        members += len(obj)
        return obj

    def integer(literal: str) -> int:
        nonlocal odd
        if len(literal) < 19:  # below 10**18: fits
            return int(literal)
        n = int(literal)  # past Python's digit limit: ValueError, as json would raise
        if not LOW <= n < BIG:
            odd = True
        return n

    def real(literal: str) -> float:
        nonlocal odd
        f = float(literal)
        if not LOW <= f < BIG:  # a double's overflow (infinity), or an integral value past 64 bits
            odd = True
        return f

    def constant(literal: str) -> float:
        nonlocal odd
        odd = True  # NaN, Infinity, -Infinity: not JSON
        return float(literal)

    value = json.loads(
        text, object_hook=counted, parse_int=integer, parse_float=real, parse_constant=constant
    )
    return value, members, odd


# -- decoding -------------------------------------------------------------------------------


def decode_json(source: Source, ctx: ParseContext) -> Any:
    """The body of *source* decoded as JSON, under ``ctx.limits`` (see the module doc)."""
    limit = ctx.limits.max_depth
    data: bytes | None = None
    if source._text is None:
        enc, skip = sniff_encoding(source.data, source.content_type)
        if enc == "utf-8" and not skip:
            data = source.data  # orjson and the scans read the bytes as they came
    text: str | None = None
    if data is None:
        text = source.text(ctx)
        raw = text.encode("utf-8", "surrogatepass")
    else:
        raw = data

    # one scan answers "any escape that needs a closer look?" for the skeleton (escaped
    # backslashes and quotes) and for the scrub below (NUL, lone surrogates): usually none
    escaped = _notable_escape(raw)
    skel = skeleton(raw, escaped=escaped)
    opened = 0 if skel is None else skel.count(b"[")
    if opened > ctx.limits.max_nodes:
        ctx.over_limit(
            "max_nodes", f"more than max_nodes={ctx.limits.max_nodes} JSON arrays and objects"
        )
    depth = None if skel is None else _depth(skel, limit)
    if depth is not None and depth > limit:
        if skel is not None and opened == skel.count(b"]"):
            ctx.over_limit("max_depth", f"JSON nested deeper than max_depth={limit}")
        depth = None  # brackets that do not even balance: let the decoder say what is wrong

    if escaped and _SUSPECT_ESCAPE.search(raw) is not None:
        text = source.text(ctx) if text is None else text
        scrubbed, count = _scrub_escapes(text)
        if count:
            ctx.warn(f"{count} escaped NUL or lone surrogate(s) in strings replaced by U+FFFD")
            text, data = scrubbed, None

    value: Any = _UNSET
    if data is not None and _orjson is not None:
        # on failure json reports it (or accepts what orjson refuses: NaN, big numbers)
        with contextlib.suppress(_orjson.JSONDecodeError):
            value = _orjson.loads(data)
    if value is not _UNSET:
        if type(value) in (dict, list):
            members, odd = _survey(value)
        else:  # a bare scalar: no members; a number may still be odd
            members, odd = 0, type(value) in (float, int) and not LOW < value < BIG
    else:
        text = source.text(ctx) if text is None else text
        try:
            value, members, odd = _counted_loads(text)
        except json.JSONDecodeError as exc:
            if not exc.msg.startswith("Invalid control character"):
                fail(exc, text, ctx)
            text = _controls_as_spaces(text, ctx)
            return _slow(text, ctx, depth)
        except RecursionError:
            ctx.over_limit("max_depth", f"JSON nested deeper than max_depth={limit}")
        except ValueError:  # an integer past Python's digit limit
            return _slow(text, ctx, depth)

    repeated = skel is None or depth is None or members != skel.count(b":")
    if repeated or odd:
        del value  # the second pass builds its own; never hold both
        text = source.text(ctx) if text is None else text
        return _slow(text, ctx, depth, keys=repeated, numbers=odd)
    return value


def _controls_as_spaces(text: str, ctx: ParseContext) -> str:
    count = len(_CONTROL.findall(text))
    ctx.warn(f"{count} raw control character(s) (invalid in JSON) read as spaces")
    return _CONTROL.sub(" ", text)


_UNSET: Any = object()

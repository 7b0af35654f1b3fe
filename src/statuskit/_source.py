"""The input as adapters see it: bytes, lazily decoded text, and the caller's hints.

Decoding never raises UnicodeDecodeError: byte order marks (UTF-8, UTF-16 LE/BE, UTF-32) win,
then the charset of the caller's ``content_type``, then UTF-8; bytes that do not decode are
replaced, with a warning.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from .errors import InputLimitError
from .limits import DEFAULT_LIMITS, Limits, ParseContext

__all__ = ["Source"]


def _optional_orjson() -> Any:
    # optional speed-up (extra "speed"): same results, about three times faster decoding
    try:
        import orjson  # noqa: PLC0415
    except ImportError:  # pragma: no cover - exercised when the extra is not installed
        return None
    return orjson


_orjson: Any = _optional_orjson()

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})", re.I)
_HEAD = 4096


def sniff_encoding(data: bytes, content_type: str | None = None) -> tuple[str, int]:
    """The encoding of *data* and the length of its byte order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    if len(data) >= 4 and data[0] == 0 and data[1] != 0 and data[2] == 0:
        return "utf-16-be", 0  # no BOM, but "{\0"-style: UTF-16 without its mark
    if len(data) >= 4 and data[0] != 0 and data[1] == 0 and data[3] == 0:
        return "utf-16-le", 0
    if content_type:
        m = _CHARSET.search(content_type)
        if m:
            try:
                return codecs.lookup(m.group(1)).name, 0
            except LookupError:
                pass
    return "utf-8", 0


class Source:
    """One HTTP body to read, with the caller's url and content type."""

    __slots__ = ("_head", "_json", "_text", "content_type", "data", "encoding", "limits", "url")

    def __init__(
        self,
        data: bytes | str,
        url: str | None = None,
        content_type: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        if isinstance(data, str):
            if len(data) > limits.max_bytes:
                raise _too_big(len(data), limits)
            self._text: str | None = data[1:] if data.startswith("\ufeff") else data
            self.data = b""
            self.encoding = "utf-8"
        elif isinstance(data, (bytes, bytearray, memoryview)):
            if len(data) > limits.max_bytes:
                raise _too_big(len(data), limits)
            self.data = bytes(data)
            self._text = None
            self.encoding = ""
        else:
            raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
        self.url = url
        self.content_type = content_type
        self.limits = limits
        self._head: str | None = None
        self._json: Any = _UNSET

    @property
    def raw(self) -> bytes:
        """The body as bytes (text given as str is encoded as UTF-8)."""
        if not self.data and self._text:
            self.data = self._text.encode("utf-8", "surrogatepass")
        return self.data

    @property
    def head(self) -> str:
        """The first few KB as text, leading whitespace and BOM stripped: for cheap sniffing."""
        if self._head is None:
            if self._text is not None:
                head = self._text[:_HEAD]
            else:
                enc, skip = sniff_encoding(self.data[:_HEAD], self.content_type)
                head = self.data[skip : skip + _HEAD * 4].decode(enc, "replace")[:_HEAD]
            self._head = head.lstrip()
        return self._head

    def text(self, ctx: ParseContext | None = None) -> str:
        """The whole body as text; undecodable bytes are replaced (with a warning on *ctx*)."""
        if self._text is None:
            enc, skip = sniff_encoding(self.data, self.content_type)
            self.encoding = enc
            body = self.data[skip:] if skip else self.data
            try:
                self._text = body.decode(enc)
            except UnicodeDecodeError as exc:
                if ctx is not None:
                    ctx.warn(f"invalid {enc} bytes replaced", f"byte {exc.start + skip}")
                self._text = body.decode(enc, "replace")
            except LookupError:
                self._text = body.decode("utf-8", "replace")
        return self._text

    def json(self, ctx: ParseContext) -> Any:
        """The body decoded as JSON (cached).  Malformed JSON raises
        :class:`~statuskit.ParseError` with the line and column; nesting beyond the limit raises
        :class:`~statuskit.InputLimitError`."""
        if self._json is _UNSET:
            self._json = _decode_json(self, ctx)
        return self._json


_UNSET: Any = object()


def _too_big(size: int, limits: Limits) -> InputLimitError:
    return InputLimitError(
        f"input of {size} bytes exceeds max_bytes={limits.max_bytes}", limit="max_bytes"
    )


def _decode_json(source: Source, ctx: ParseContext) -> Any:
    if (
        _orjson is not None
        and source._text is None
        and not source.data.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF8))
    ):
        try:
            value = _orjson.loads(source.data)
        except (_orjson.JSONDecodeError, RecursionError):
            pass  # let the standard decoder report it (or accept what orjson refuses)
        else:
            _check_depth(source.data, ctx)
            return value
    text = source.text(ctx)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        ctx.fail(
            f"invalid JSON: {exc.msg}",
            f"line {exc.lineno} column {exc.colno}",
            text[max(exc.pos - 20, 0) : exc.pos + 20],
        )
    except RecursionError:
        ctx.over_limit("max_depth", "JSON nested too deeply")
    except ValueError as exc:  # e.g. integer strings beyond Python's digit limit
        ctx.fail(f"invalid JSON: {exc}")
    _check_depth(
        source.data
        if source.encoding == "utf-8" and source.data
        else text.encode("utf-8", "surrogatepass"),
        ctx,
    )
    return value


_KEEP = b'[]{}"'
_DROP = bytes(c for c in range(256) if c not in _KEEP)
_STRINGS = re.compile(rb'"[^"]*"')
_PAIRS = re.compile(rb"\[\]|\{\}")


def json_depth(data: bytes, limit: int) -> int:
    """The nesting depth of the valid JSON text *data*, counted up to *limit* + 1.

    Runs at C speed: escapes are dropped, then everything but brackets and quotes, then the
    strings (and the brackets inside them); what is left is the bracket skeleton, whose depth is
    the number of passes that strip innermost pairs.  Exact for valid JSON (call it after the
    decoder has accepted the text).
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(None, _DROP).replace(b'""', b"")
    if b'"' in skeleton:
        skeleton = _STRINGS.sub(b"", skeleton)
    depth = 0
    while skeleton:
        depth += 1
        if depth > limit:
            break
        shorter = _PAIRS.sub(b"", skeleton)
        if len(shorter) == len(skeleton):  # not a bracket skeleton: cannot happen for valid JSON
            return limit + 1
        skeleton = shorter
    return depth


def _check_depth(data: bytes, ctx: ParseContext) -> None:
    limit = ctx.limits.max_depth
    if data.count(b"[") + data.count(b"{") <= limit:
        return
    if json_depth(data, limit) > limit:
        ctx.over_limit("max_depth", f"JSON nested deeper than max_depth={limit}")

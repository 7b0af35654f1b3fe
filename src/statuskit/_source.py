"""The input as adapters see it: bytes, lazily decoded text, and the caller's hints.

Decoding never raises UnicodeDecodeError: byte order marks (UTF-8, UTF-16 LE/BE, UTF-32) win,
then the charset of the caller's ``content_type``, then the document's own XML or HTML
declaration, then UTF-8 (see :mod:`statuskit._encoding`); bytes that do not decode are replaced,
with a warning.  Text given as ``str`` has its lone surrogates replaced (with a warning) so that
no parser downstream chokes on them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from ._encoding import scrub_text, sniff_encoding
from ._jsondecode import decode_json, json_depth
from .errors import InputLimitError
from .limits import DEFAULT_LIMITS, Limits, ParseContext

__all__ = ["Source", "json_depth", "sniff_encoding"]

_HEAD = 4096
_T = TypeVar("_T")


class Source:
    """One HTTP body to read, with the caller's url and content type."""

    __slots__ = (
        "_head",
        "_json",
        "_memo",
        "_scrubbed",
        "_text",
        "content_type",
        "data",
        "encoding",
        "limits",
        "url",
    )

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
            text, self._scrubbed = scrub_text(data[1:] if data.startswith("\ufeff") else data)
            self._text: str | None = text
            self.data = b""
            self.encoding = "utf-8"
        elif isinstance(data, (bytes, bytearray, memoryview)):
            if len(data) > limits.max_bytes:
                raise _too_big(len(data), limits)
            self.data = bytes(data)
            self._text = None
            self._scrubbed = 0
            self.encoding = ""
        else:
            raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
        self.url = url
        self.content_type = content_type
        self.limits = limits
        self._head: str | None = None
        self._json: Any = _UNSET
        self._memo: dict[Hashable, Any] | None = None

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
                first = self.data[skip : skip + _HEAD]
                if enc == "utf-8" and first.isascii():
                    # ASCII bytes are one UTF-8 character each: these are the first _HEAD
                    head = first.decode("ascii")
                else:
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
                self._scrubbed = -(exc.start + skip) - 1  # reported on the first text(ctx)
                self._text = body.decode(enc, "replace")
            except (LookupError, UnicodeError):  # pragma: no cover - sniff_encoding vets names
                self.encoding = "utf-8"
                self._text = body.decode("utf-8", "replace")
        if self._scrubbed and ctx is not None:
            if self._scrubbed > 0:
                ctx.warn(f"{self._scrubbed} lone surrogate(s) replaced by U+FFFD")
            else:
                ctx.warn(f"invalid {self.encoding} bytes replaced", f"byte {-self._scrubbed - 1}")
            self._scrubbed = 0
        return self._text

    def memo(self, key: Hashable, compute: Callable[[Source], _T]) -> _T:
        """``compute(self)``, computed once per Source and *key*: for work that several sniffs
        share (a scan of the whole body for markers, say).  *key* names the work, so that the
        same key always means the same *compute*."""
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        elif key in memo:
            return memo[key]  # type: ignore[no-any-return]
        value = memo[key] = compute(self)
        return value

    def json(self, ctx: ParseContext) -> Any:
        """The body decoded as JSON (cached).  Malformed JSON raises
        :class:`~statuskit.ParseError` with the line and column; nesting beyond the limit raises
        :class:`~statuskit.InputLimitError`."""
        if self._json is _UNSET:
            self._json = decode_json(self, ctx)
        return self._json


_UNSET: Any = object()


def _too_big(size: int, limits: Limits) -> InputLimitError:
    return InputLimitError(
        f"input of {size} bytes exceeds max_bytes={limits.max_bytes}", limit="max_bytes"
    )

"""Input bounds and the per-parse context every adapter reports through.

:class:`Limits` holds the bounds a parse keeps to (users pass their own to
:func:`statuskit.parse`); :class:`ParseContext` carries the adapter's name, the strict switch and the
warnings gathered so far.  Adapters never raise or warn on their own: they call
:meth:`ParseContext.warn` (a warning in lenient mode, a :class:`~statuskit.ParseError` in strict
mode) or :meth:`ParseContext.fail` (always an error).
"""

from __future__ import annotations

from datetime import datetime
from typing import NoReturn

import attrs

from .errors import InputLimitError, ParseError, excerpt

__all__ = ["Limits", "ParseContext"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise ValueError(f"Limits.{attribute.name} must be a positive int, not {value!r}")


@attrs.frozen
class Limits:
    """Bounds on what one parse will read.  Exceeding one raises :class:`InputLimitError` (its
    ``limit`` attribute names the field), or, where a partial result is meaningful, truncates
    with a warning.  Pass your own to :func:`statuskit.parse`::

        statuskit.parse(body, limits=statuskit.Limits(max_bytes=50 * 1024 * 1024))

    Every field is a positive int; anything else raises ValueError at construction.

    .. versionadded:: 0.1
    """

    max_bytes: int = attrs.field(default=10 * 1024 * 1024, validator=_positive)
    """Largest input accepted, in bytes (10 MiB; for ``str`` input, in characters).  Larger
    input raises ``InputLimitError(limit="max_bytes")`` before anything is decoded."""
    max_depth: int = attrs.field(default=64, validator=_positive)
    """Deepest nesting of JSON arrays/objects or XML/HTML elements accepted (64; real pages
    stay under 20).  Deeper input raises ``InputLimitError(limit="max_depth")``; JSON depth is
    measured before decoding."""
    max_items: int = attrs.field(default=100_000, validator=_positive)
    """Most entries read from any one list (components, incidents, updates of one incident,
    feed entries): the rest is cut, with a warning."""
    max_attributes: int = attrs.field(default=256, validator=_positive)
    """Most attributes on one XML/HTML element (256).  More raises
    ``InputLimitError(limit="max_attributes")`` before the markup is parsed."""
    max_text: int = attrs.field(default=1024 * 1024, validator=_positive)
    """Longest text kept for one field, in characters (1 MiB): longer text is truncated, with a
    warning."""
    max_date_length: int = attrs.field(default=64, validator=_positive)
    """Longest string handed to the date parser (64 characters): longer ones are not parsed
    (the date is None), with a warning."""
    max_nodes: int = attrs.field(default=1_000_000, validator=_positive)
    """Most JSON arrays and objects, or XML/HTML elements, in one input (1,000,000; real pages
    hold under 15,000 per MiB).  Counted before decoding or parsing (for markup, every ``<``
    counts): more raises ``InputLimitError(limit="max_nodes")``.  It bounds memory: ten MiB of
    ``[]`` would otherwise become five million Python lists.

    .. versionadded:: 0.1"""
    max_soup_nodes: int = attrs.field(default=50_000, validator=_positive)
    """Most tags (every ``<`` counts) in a page read by a custom spec adapter (50,000, about
    2 MiB of real status-page markup).  Those adapters build a BeautifulSoup tree, about 30 µs
    and 1 KB per node: this keeps them inside the time and memory a parse may take.  More
    raises ``InputLimitError(limit="max_soup_nodes")`` before the tree is built.

    .. versionadded:: 0.1"""
    max_warnings: int = attrs.field(default=1000, validator=_positive)
    """Most warnings kept on one reading (1000): past it they are counted, and one last
    warning says how many more there were.

    .. versionadded:: 0.1"""


DEFAULT_LIMITS = Limits()


class ParseContext:
    """What one parse knows about itself: who is parsing, how strictly, and what went wrong."""

    __slots__ = ("adapter", "dropped", "limits", "read_at", "strict", "time_zone", "warnings")

    def __init__(
        self,
        adapter: str,
        *,
        strict: bool = False,
        limits: Limits = DEFAULT_LIMITS,
        time_zone: str | None = None,
        read_at: datetime | None = None,
    ) -> None:
        self.adapter = adapter
        self.strict = strict
        self.limits = limits
        self.time_zone = time_zone
        """The page's IANA zone, once known: used for zone abbreviations and naive times."""
        self.read_at = read_at
        """When the body was fetched (aware UTC), if the caller said: "now" for the adapter,
        e.g. to tell a maintenance that has not started from one under way."""
        self.warnings: list[str] = []
        self.dropped = 0
        """Warnings not kept because ``limits.max_warnings`` were already."""

    def warn(
        self, message: str, path: str | None = None, value: object = None, *, always: bool = False
    ) -> None:
        """Record a recoverable problem; in strict mode raise it as a :class:`ParseError`.
        Past ``limits.max_warnings`` warnings are only counted (in :attr:`dropped`), unless
        *always* (for the few findings a reader must never miss)."""
        if self.strict:
            self.fail(message, path, value)
        if len(self.warnings) >= self.limits.max_warnings and not always:
            self.dropped += 1
            return
        text = self.adapter
        if path:
            text += f" at {path}"
        text += f": {message}"
        if value is not None:
            text += f" (near {excerpt(value)!r})"
        self.warnings.append(text)

    def fail(self, message: str, path: str | None = None, value: object = None) -> NoReturn:
        """Raise a :class:`ParseError` for this adapter."""
        raise ParseError(
            message,
            adapter=self.adapter,
            path=path,
            excerpt=None if value is None else excerpt(value),
        )

    def over_limit(
        self, limit: str, message: str, path: str | None = None, value: object = None
    ) -> NoReturn:
        """Raise an :class:`InputLimitError` naming the limit exceeded."""
        raise InputLimitError(
            message,
            limit=limit,
            adapter=self.adapter,
            path=path,
            excerpt=None if value is None else excerpt(value),
        )

    def text(self, value: str, path: str | None = None) -> str:
        """*value*, truncated with a warning when longer than ``limits.max_text``."""
        if len(value) > self.limits.max_text:
            self.warn(f"text longer than {self.limits.max_text} characters truncated", path)
            return value[: self.limits.max_text]
        return value

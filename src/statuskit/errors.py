"""Every error statuskit raises.

::

    StatuskitError                       root: catch this to catch everything statuskit raises
    ├── ParseError (ValueError)          the input is not what the adapter expects
    │   ├── InputLimitError              the input exceeds a configured limit
    │   └── SuspiciousReadingError       (strict mode) the page read as empty or collapsed
    ├── UnknownFormatError (ValueError)  no adapter recognises the input
    └── UnknownAdapterError (LookupError)  no adapter is registered under that name

Each error carries the context a caller needs to find the fault: the adapter's name, the place in
the input (a JSONPath-like ``path`` such as ``$.incidents[3].impact`` or an XML/HTML location) and
a short excerpt of the offending text.  All of them pickle, so they cross process pools.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "InputLimitError",
    "ParseError",
    "StatuskitError",
    "SuspiciousReadingError",
    "UnknownAdapterError",
    "UnknownFormatError",
]

_EXCERPT = 80


def excerpt(value: object, limit: int = _EXCERPT) -> str:
    """A short, single-line printable excerpt of *value* for error messages."""
    if isinstance(value, bytes):
        text = value[: limit * 4].decode("utf-8", "replace")
    else:
        text = value if isinstance(value, str) else repr(value)
    text = " ".join(text[: limit * 4].split())
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    return text


class StatuskitError(Exception):
    """Root of every error statuskit raises on purpose."""


class ParseError(StatuskitError, ValueError):
    """The input could not be read as the adapter's format.

    Attributes:
        adapter: name of the adapter that failed (``"statuspage.json"``), or None.
        path: where in the input the problem is (``"$.components[4].status"``), or None.
        excerpt: a short excerpt of the offending input, or None.
    """

    def __init__(
        self,
        message: str,
        *,
        adapter: str | None = None,
        path: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.adapter = adapter
        self.path = path
        self.excerpt = excerpt

    def __str__(self) -> str:
        where = ""
        if self.adapter:
            where += self.adapter
        if self.path:
            where += (" at " if where else "at ") + self.path
        text = f"{where}: {self.message}" if where else self.message
        if self.excerpt:
            text += f" (near {self.excerpt!r})"
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (type(self), self.message, self.adapter, self.path, self.excerpt, self.__dict__),
        )


class InputLimitError(ParseError):
    """The input exceeds one of the configured :class:`statuskit.Limits`.

    Attributes:
        limit: the name of the limit (``"max_bytes"``, ``"max_depth"``, ...).
    """

    def __init__(
        self,
        message: str,
        *,
        limit: str | None = None,
        adapter: str | None = None,
        path: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        super().__init__(message, adapter=adapter, path=path, excerpt=excerpt)
        self.limit = limit


class SuspiciousReadingError(ParseError):
    """In strict mode: the input parsed, but to a reading that looks wrong, such as a page that
    read as nothing although its format promises components, or whose components collapsed
    compared with the previous reading (``statuskit.parse(..., previous=...)``,
    :func:`statuskit.check_reading`).  In lenient mode the same findings are warnings.

    Attributes:
        missing: what is missing, one short phrase each (``"components"``,
            ``"component 'API'"``).

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        message: str,
        *,
        missing: tuple[str, ...] = (),
        adapter: str | None = None,
        path: str | None = None,
        excerpt: str | None = None,
    ) -> None:
        super().__init__(message, adapter=adapter, path=path, excerpt=excerpt)
        self.missing = tuple(missing)


def _rebuild(
    cls: type[ParseError],
    message: str,
    adapter: str | None,
    path: str | None,
    excerpt: str | None,
    state: dict[str, Any],
) -> ParseError:
    err = cls.__new__(cls)
    ParseError.__init__(err, message, adapter=adapter, path=path, excerpt=excerpt)
    err.__dict__.update(state)
    return err


class UnknownFormatError(StatuskitError, ValueError):
    """No registered adapter recognises the input (or the forced one does not accept it)."""


class UnknownAdapterError(StatuskitError, LookupError):
    """``provider=`` names no registered adapter."""

    def __str__(self) -> str:  # LookupError would repr() the message
        return str(self.args[0]) if self.args else ""

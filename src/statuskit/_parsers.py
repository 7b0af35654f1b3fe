"""One lxml parser per thread and configuration.

lxml parsers keep per-parse state (the error log, the document being built) and must not be
shared between threads; building one costs more than a small parse.  :func:`thread_parser`
keeps each configuration's parser per thread, under a key naming the configuration."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["thread_parser"]

_P = TypeVar("_P")
_local = threading.local()


def thread_parser(key: Hashable, make: Callable[[], _P]) -> _P:
    """This thread's parser for *key*, made by *make* the first time (the same key must always
    mean the same configuration)."""
    cache: dict[Hashable, Any] | None = getattr(_local, "parsers", None)
    if cache is None:
        cache = _local.parsers = {}
    parser = cache.get(key)
    if parser is None:
        parser = cache[key] = make()
    return parser

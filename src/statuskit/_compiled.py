"""The compiled walker (:mod:`statuskit._speedups`), when it was built and matches the lxml it
was compiled against; None otherwise, and the pure-Python readers run.

``pip install .`` builds it when a C compiler is available (docs/speed.md); set
``STATUSKIT_PURE=1`` to ignore it.  Both paths give the same readings (tests/test_speedups.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import attrs
from lxml import etree

from ._build import is_twin

__all__ = [
    "day_parts",
    "deeper_than",
    "maker",
    "markup_clear",
    "past_entry",
    "read_posts",
    "scan_index",
    "scan_posts",
]

scan_index: Callable[..., tuple[list[Any], bool, list[tuple[str, etree._Element]]]] | None = None
scan_posts: Callable[..., list[tuple[int, Any]]] | None = None
deeper_than: Callable[[etree._Element, int], bool] | None = None
markup_clear: Callable[[bytes, int], bool] | None = None
read_posts: Callable[..., list[Any] | None] | None = None
day_parts: Callable[[etree._Element], tuple[str, list[etree._Element]] | None] | None = None
past_entry: (
    Callable[[etree._Element], tuple[str | None, str, str | None, etree._Element | None] | None]
    | None
) = None

_Maker: Any = None

if not os.environ.get("STATUSKIT_PURE"):
    try:
        from . import _speedups
    except ImportError:  # not built: the usual case
        pass
    else:
        # it reads lxml's element structs: only the lxml it was compiled against will do
        if etree.__version__ == _speedups.LXML_BUILT_WITH:
            scan_index = _speedups.scan_index
            scan_posts = _speedups.scan_posts
            deeper_than = _speedups.deeper_than
            markup_clear = _speedups.markup_clear
            day_parts = _speedups.day_parts
            read_posts = _speedups.read_posts
            _Maker = _speedups.Maker
            past_entry = _speedups.past_entry


def maker(cls: type, build: Callable[..., Any]) -> Callable[..., Any]:
    """What builds *cls* from its fields given positionally: the compiled walker's Maker, which
    stores them in the slots without a Python call, when the walker is in use and *build* (from
    statuskit._build.builder) builds through a twin (the class is plain); *build* otherwise."""
    if _Maker is None or not is_twin(build):
        return build
    try:
        made: Callable[..., Any] = _Maker(cls, [f.name for f in attrs.fields(cls)])
    except ValueError:
        return build
    return made

"""The compiled walker (:mod:`statuskit._speedups`), when it was built and matches the lxml it
was compiled against; None otherwise, and the pure-Python readers run.

``pip install .`` builds it when a C compiler is available (docs/speed.md); set
``STATUSKIT_PURE=1`` to ignore it.  Both paths give the same readings (tests/test_speedups.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from lxml import etree

__all__ = [
    "day_parts",
    "deeper_than",
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
            past_entry = _speedups.past_entry

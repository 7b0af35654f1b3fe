from collections.abc import Callable, Mapping
from typing import Any

from lxml import etree

LXML_BUILT_WITH: str

def scan_index(
    root: etree._Element,
    statuses: dict[str, Any],
    build: Callable[..., Any],
    finish: Callable[..., Any],
    component: Callable[..., Any],
    no_raw: Mapping[str, Any],
    limit: int,
    ctx: Any,
) -> tuple[list[Any], bool, list[tuple[str, etree._Element]]]: ...
def scan_posts(
    container: etree._Element,
    reference: Any,
    zones: dict[str, Any],
    at: Callable[..., Any],
) -> list[tuple[int, Any]]: ...
def deeper_than(root: etree._Element, levels: int) -> bool: ...
def markup_clear(data: bytes, limit: int) -> bool: ...
def day_parts(day: etree._Element) -> tuple[str, list[etree._Element]] | None: ...
def past_entry(
    entry: etree._Element,
) -> tuple[str | None, str, str | None, etree._Element | None] | None: ...
def read_posts(
    container: etree._Element,
    reference: Any,
    zones: dict[str, Any],
    at: Callable[..., Any],
    words: dict[str, Any],
    unknown: Any,
    build: Callable[..., Any],
    no_raw: Mapping[str, Any],
    limit: int,
    max_text: int,
) -> list[Any] | None: ...

class Maker:
    def __init__(self, cls: type, names: list[str]) -> None: ...
    def __call__(self, *values: Any) -> Any: ...

from typing import Any

from lxml import etree

LXML_BUILT_WITH: str

def scan_divs(
    root: etree._Element,
) -> list[tuple[str | None, etree._Element | None, tuple[Any, ...] | None]]: ...
def scan_posts(
    container: etree._Element,
) -> list[tuple[etree._Element | None, tuple[Any, ...] | None]]: ...
def deeper_than(root: etree._Element, levels: int) -> bool: ...
def markup_clear(data: bytes, limit: int) -> bool: ...

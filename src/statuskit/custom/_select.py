"""Finding things in a page: CSS selectors over a BeautifulSoup tree (HTML mode) or slash paths
over decoded JSON (JSON mode), behind one small interface the spec adapter uses."""

from __future__ import annotations

import json
from typing import Any

from .._markup import check_markup
from .._source import Source, json_depth
from .._text import clean
from ..adapters._html import decode
from ..limits import ParseContext
from ._spec import Field

__all__ = ["HTMLTree", "JSONTree", "Tree", "load_json_text"]


class Tree:
    """What the spec adapter needs from a document: rows, one node, text, attributes."""

    def rows(self, node: Any, selector: str, ctx: ParseContext, where: str) -> list[Any]:
        """Every node *selector* finds from *node* (at most ``limits.max_items``)."""
        raise NotImplementedError

    def one(self, node: Any, selector: str | None) -> Any:
        """The first node *selector* finds from *node* (None selector: *node*), or None."""
        raise NotImplementedError

    def text(self, node: Any) -> str | None:
        """The node's text on one line."""
        raise NotImplementedError

    def attr(self, node: Any, name: str) -> str | None:
        """An attribute of the node (HTML), or None."""
        return None

    def html(self, node: Any) -> str | None:
        """The node's content as published HTML, or None when it has none."""
        return self.text(node)

    def read(self, node: Any, field: Field) -> str | None:
        """The value *field* names, from *node*: selector, attribute, pattern, constant."""
        if field.select is None and field.attr is None and field.value is not None:
            return field.value
        target = self.one(node, field.select)
        if target is None:
            return field.value
        raw = self.attr(target, field.attr) if field.attr else self.text(target)
        if raw is not None and field.pattern is not None:
            m = field.pattern.search(raw)
            raw = None if m is None else (m.group(1) if m.groups() else m.group(0))
        if raw is None or not raw.strip():
            return field.value
        return raw.strip()


class HTMLTree(Tree):
    """CSS selectors (soupsieve) over a BeautifulSoup document built with lxml."""

    def __init__(self) -> None:
        self._compiled: dict[str, Any] = {}

    def load(self, source: Source, ctx: ParseContext) -> Any:
        """The page as a BeautifulSoup document."""
        from bs4 import BeautifulSoup  # noqa: PLC0415 - only custom pages need it

        text = decode(source, ctx)
        check_markup(text, ctx, path="$")  # libxml2 checks attributes pairwise: bound them first
        most = ctx.limits.max_soup_nodes
        if len(text) > most and text.count("<") > most:
            ctx.over_limit(
                "max_soup_nodes",
                f"more than max_soup_nodes={most} tags for a BeautifulSoup tree (counting '<')",
                "$",
            )
        return BeautifulSoup(text, "lxml")

    def _sel(self, selector: str) -> Any:
        found = self._compiled.get(selector)
        if found is None:
            import soupsieve  # noqa: PLC0415

            found = self._compiled[selector] = soupsieve.compile(selector)
        return found

    def rows(self, node: Any, selector: str, ctx: ParseContext, where: str) -> list[Any]:
        limit = ctx.limits.max_items
        found = self._sel(selector).select(node, limit=limit + 1)
        if len(found) > limit:
            ctx.warn(f"more than max_items={limit} rows; the rest ignored", where)
            found = found[:limit]
        return list(found)

    def one(self, node: Any, selector: str | None) -> Any:
        if selector is None:
            return node
        return self._sel(selector).select_one(node)

    def text(self, node: Any) -> str | None:
        return " ".join(node.get_text().split())

    def attr(self, node: Any, name: str) -> str | None:
        value = node.get(name)
        if isinstance(value, list):  # bs4 splits class-like attributes
            return " ".join(value)
        return value if isinstance(value, str) else None

    def html(self, node: Any) -> str | None:
        return str(node.decode_contents()).strip() or None

    def raw_text(self, node: Any) -> str:
        """The node's text as it reads, line breaks kept (for JSON embedded in a script)."""
        return str(node.get_text())


class JSONTree(Tree):
    """Slash paths over decoded JSON: ``"data/services/*/name"``; ``*`` is every item of a list
    (or every value of an object); a number indexes a list."""

    def rows(self, node: Any, selector: str, ctx: ParseContext, where: str) -> list[Any]:
        found = _walk(node, selector)
        limit = ctx.limits.max_items
        if len(found) > limit:
            ctx.warn(f"more than max_items={limit} rows; the rest ignored", where)
            found = found[:limit]
        return found

    def one(self, node: Any, selector: str | None) -> Any:
        if selector is None:
            return node
        found = _walk(node, selector, first=True)
        return found[0] if found else None

    def text(self, node: Any) -> str | None:
        if isinstance(node, bool):
            return "true" if node else "false"
        if isinstance(node, (str, int, float)):
            return str(node)
        return None

    def html(self, node: Any) -> str | None:
        return node if isinstance(node, str) and node.strip() else None


def _walk(node: Any, path: str, *, first: bool = False) -> list[Any]:
    current = [node]
    for part in (p for p in path.strip("/").split("/") if p):
        step: list[Any] = []
        for item in current:
            if part == "*":
                if isinstance(item, list):
                    step.extend(item)
                elif isinstance(item, dict):
                    step.extend(item.values())
            elif isinstance(item, dict):
                if part in item:
                    step.append(item[part])
            elif isinstance(item, list) and part.isdigit():
                index = int(part)
                if index < len(item):
                    step.append(item[index])
        current = step
        if not current:
            return []
    if first:
        return current[:1]
    return [v for v in current if v is not None]


def load_json_text(text: str, ctx: ParseContext, where: str) -> Any:
    """*text* decoded as JSON; ParseError when it is not JSON, InputLimitError when it nests
    deeper than ``limits.max_depth``."""
    try:
        value = json.loads(text)
    except RecursionError:
        ctx.over_limit("max_depth", "embedded JSON nested too deeply", where)
    except ValueError as exc:
        ctx.fail(f"invalid embedded JSON: {exc}", where, clean(text[:80]))
    limit = ctx.limits.max_depth
    if (
        text.count("[") + text.count("{") > limit
        and json_depth(text.encode("utf-8", "surrogatepass"), limit) > limit
    ):
        ctx.over_limit("max_depth", f"embedded JSON nested deeper than {limit}", where)
    return value

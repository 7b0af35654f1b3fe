"""Reading whole HTML pages safely, for the adapters that read status matrices (Google Cloud,
Azure): no network, no entities fetched, bounded depth, and class matching that survives the
hashed class-name prefixes of compiled front ends (``j2GwVIZkdLB__cell``)."""

from __future__ import annotations

from lxml import etree

from .._markup import check_markup
from .._parsers import thread_parser
from .._source import Source
from .._text import clean
from ..limits import ParseContext

__all__ = ["classes", "has_class", "parse_page", "text_of"]

_HIDDEN = frozenset({"script", "style", "template"})


def _parser() -> etree.HTMLParser:
    # lxml's plain HTML parser (lxml.html's element classes cost a lookup per element
    # touched); one per thread: lxml parsers keep per-parse state
    return thread_parser(
        "html-page",
        lambda: etree.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
        ),
    )


def parse_page(source: Source, ctx: ParseContext) -> etree._Element:
    """The document element of *source*; ParseError when it is not an HTML page,
    InputLimitError when it nests deeper than ``limits.max_depth`` or has an element with more
    than ``limits.max_attributes`` attributes."""
    text = source.text(ctx)
    if "<" not in text:
        ctx.fail("not an HTML page", "$", text[:80])
    check_markup(text, ctx, path="$")  # libxml2 checks attributes pairwise: bound them first
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        ctx.fail(f"unreadable HTML ({exc})", "$", text[:80])
    if root is None:
        ctx.fail("not an HTML page", "$", text[:80])
    _check_bounds(root, ctx)
    return root


def _check_bounds(root: etree._Element, ctx: ParseContext) -> None:
    # XPath runs the walk in C: an element at depth max_depth + 1 exists, or it does not
    limit = ctx.limits.max_depth
    if limit < 1 or root.xpath("boolean(/" + "/*" * (limit + 1) + ")"):
        ctx.over_limit("max_depth", f"HTML nested deeper than max_depth={limit}")
    most = ctx.limits.max_attributes
    if root.xpath(f"boolean(//*[count(@*) > {most}])"):
        ctx.over_limit("max_attributes", f"element with more than {most} attributes")


def classes(el: etree._Element) -> list[str]:
    """The class tokens of *el*."""
    value = el.get("class")
    return value.split() if value else []


def has_class(el: etree._Element, name: str) -> bool:
    """True when *el* has class *name*, bare or behind a compiled prefix (``xyz__name``)."""
    value = el.get("class")
    if not value or name not in value:
        return False
    return any(token == name or token.endswith("__" + name) for token in value.split())


def text_of(el: etree._Element) -> str:
    """The visible text of *el*, whitespace collapsed to single spaces; scripts and styles
    left out."""
    parts: list[str] = []
    for node in el.iter():
        if node.text and isinstance(node.tag, str) and node.tag not in _HIDDEN:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return " ".join(clean(" ".join(parts)).split())

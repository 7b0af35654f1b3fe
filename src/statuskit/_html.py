"""Safe HTML parsing for adapters that read status pages as published HTML.

:func:`parse_html` is the one way statuskit reads an HTML page (lxml.html, for speed).
Whatever the input:

* nothing is fetched (``no_network``), nothing executed: scripts and styles are text nodes
  statuskit never looks into, and every URL statuskit reports goes through
  :func:`statuskit._text.safe_url` (http and https only);
* more than ``Limits.max_attributes`` attributes on one element is refused *before* parsing
  (libxml2's HTML parser checks attributes pairwise: 40,000 on one element take seconds,
  160,000 minutes);
* nesting beyond ``Limits.max_depth`` is refused; libxml2 itself silently drops what lies
  deeper than 256 levels, which statuskit reports as :class:`~statuskit.InputLimitError`
  instead of returning a page with parts missing;
* lone surrogates (only possible in ``str`` input; libxml2 drops the rest of the text after
  one) read as U+FFFD; the bytes handed to libxml2 are always UTF-8, so a ``<meta charset>``
  that disagrees with the decoding statuskit already did cannot garble the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import html as lxml_html

from ._encoding import scrub_text
from ._markup import check_markup
from ._parsers import thread_parser
from ._xml import check_tree
from .limits import ParseContext

if TYPE_CHECKING:
    from ._source import Source

__all__ = ["html_parser", "parse_html", "safe_markup"]


def html_parser() -> lxml_html.HTMLParser:
    """This thread's HTML parser: no network, libxml2's default bounds, UTF-8 input."""
    return thread_parser(
        "lxml.html",
        lambda: lxml_html.HTMLParser(
            no_network=True,
            huge_tree=False,
            remove_comments=False,
            remove_pis=False,
            collect_ids=False,
            encoding="utf-8",
        ),
    )


def safe_markup(text: str, ctx: ParseContext, *, path: str | None = None) -> bytes:
    """*text* checked (attributes per element) and encoded for :func:`html_parser`."""
    check_markup(text, ctx, path=path)
    text, scrubbed = scrub_text(text)
    if scrubbed:
        ctx.warn(f"{scrubbed} lone surrogate(s) replaced by U+FFFD", path)
    return text.encode("utf-8")


def parse_html(
    data: Source | str | bytes, ctx: ParseContext, *, path: str | None = None
) -> lxml_html.HtmlElement:
    """The ``<html>`` element of the page *data* (a Source, decoded text, or bytes read as
    UTF-8), parsed safely (see the module doc).  An empty page is a
    :class:`~statuskit.ParseError`."""
    if isinstance(data, bytes):
        text = data.decode("utf-8", "replace")
    elif isinstance(data, str):
        text = data
    else:
        text = data.text(ctx)
    body = safe_markup(text, ctx, path=path)
    if not body.strip():
        ctx.fail("empty HTML document", path)
    parser = html_parser()
    try:
        root = lxml_html.document_fromstring(body, parser=parser)
    except Exception as exc:  # noqa: BLE001 - lxml.html raises ParserError, ValueError, ...
        ctx.fail(f"unreadable HTML: {type(exc).__name__}: {exc}", path)
    if any("xcessive depth" in (e.message or "") for e in parser.error_log):
        ctx.over_limit(
            "max_depth", f"markup nested deeper than max_depth={ctx.limits.max_depth}", path
        )
    check_tree(root, ctx, path)
    return root

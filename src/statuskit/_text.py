"""Text helpers shared by adapters: HTML to plain text, whitespace, safe URLs."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ._encoding import scrub_text
from ._markup import crowded_element
from .limits import DEFAULT_LIMITS, ParseContext

__all__ = ["clean", "html_to_text", "safe_url"]

_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "dd",
        "dt",
        "hr",
    }
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """*text* with control characters removed, runs of spaces collapsed and lines trimmed;
    paragraph breaks (blank lines) are kept as one blank line."""
    if text.replace("\n", "").isprintable():
        # the usual text: no control character, no line break but "\n", and no whitespace but
        # plain spaces (every other kind is unprintable), so only runs of spaces can collapse
        lines = [
            (_SPACES.sub(" ", line) if "  " in line else line).strip() for line in text.split("\n")
        ]
    else:
        text = _CONTROL.sub("", text)
        lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    out: list[str] = []
    blank = False
    for line in lines:
        if line:
            if blank and out:
                out.append("")
            out.append(line)
            blank = False
        else:
            blank = True
    return "\n".join(out)


_TAGS = re.compile(r"<[^<>]*>?")


def html_to_text(markup: str, ctx: ParseContext | None = None, path: str | None = None) -> str:
    """The plain text of an HTML fragment: tags dropped, entities decoded once, block elements
    as line breaks, each ``<br>`` as one (two in a row make a blank line).  Scripts and styles contribute nothing.

    Never raises and never takes more than linear time: markup a parser cannot be trusted with
    (more than ``max_nodes`` tags, an element with more than ``max_attributes`` attributes,
    nesting past libxml2's 256 levels) has its tags stripped by a plain scan instead, with a
    warning on *ctx* when given.
    """
    if "<" not in markup and "&" not in markup:
        return clean(markup)
    from ._html import html_parser  # noqa: PLC0415 - _html sits beside this module

    markup, _ = scrub_text(markup)
    limits = ctx.limits if ctx is not None else DEFAULT_LIMITS
    if markup.count("<") > limits.max_nodes:
        return _stripped(markup, ctx, path, f"more than max_nodes={limits.max_nodes} tags")
    if crowded_element(markup, limits.max_attributes) is not None:
        return _stripped(markup, ctx, path, "an element with too many attributes")
    parser = html_parser()
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except Exception:  # noqa: BLE001 - lxml.html also asserts ("too many bodies") on odd input
        return _stripped(markup, None, path, "")
    if any("xcessive depth" in (e.message or "") for e in parser.error_log):
        return _stripped(markup, ctx, path, "markup nested deeper than 256 levels")
    parts: list[str] = []
    _walk(root, parts)
    return clean("".join(parts))


def _stripped(markup: str, ctx: ParseContext | None, path: str | None, why: str) -> str:
    if ctx is not None and why:
        ctx.warn(f"{why}: tags stripped without parsing", path)
    return clean(html.unescape(_TAGS.sub(" ", markup)))


def _walk(el: etree._Element, parts: list[str]) -> None:
    # iterative: hostile nesting must not hit the recursion limit
    stack: list[tuple[etree._Element, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK:
                parts.append("\n")
            if node.tail and node is not el:
                parts.append(node.tail)
            continue
        if tag in ("script", "style", "template"):
            if node.tail and node is not el:
                parts.append(node.tail)
            continue
        if tag in _BLOCK:
            parts.append("\n")
        elif tag == "br":  # one line break (two in a row make a blank line, as displayed)
            parts.append("\n")
            if node.tail:
                parts.append(node.tail)
            continue
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        stack.append((node, True))
        for child in reversed(node):
            stack.append((child, False))


def safe_url(value: object, base: str | None = None) -> str | None:
    """*value* as an absolute http(s) URL (joined to *base* when relative), or None.

    Any other scheme (javascript:, data:, file:, ...) is refused: statuskit only reports
    addresses a browser can fetch without running anything.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > 4096:
        return None
    if base and not url.lower().startswith(("http://", "https://")):
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url

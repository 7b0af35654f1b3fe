"""Checks and repairs shared by the XML and HTML readers, run on the text before any parser.

Everything here is one linear pass at C speed on ordinary input (regular expressions written so
that they never backtrack: every alternative starts with a different character and every
construct may end at end of input), so hostile input costs no more than ordinary input.

* :func:`crowded_element` finds an element with more attributes than allowed.  libxml2's HTML
  parser (and feedparser) check attributes for duplicates pairwise: 40,000 attributes on one
  element take seconds, 160,000 minutes.  The check runs before any parser sees the text.
* :func:`fix_char_refs` replaces character references no parser should be handed
  (``&#x110000;``, ``&#99999999999;``, ``&#xD800;``, ``&#0;``) with ``&#xFFFD;``.
* :func:`fix_xml_chars` replaces characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import _compiled
from ._suspects import suspects
from .limits import ParseContext

__all__ = ["check_markup", "crowded_element", "fix_char_refs", "fix_xml_chars"]

# One token per match, consumed in full, so the scan is one pass; lazy single-character repeats
# and a bounded group repeat keep the engine's memory flat (an unbounded group repeat costs
# about 100 bytes per iteration: 5 million of them on 10 MiB of input, half a gigabyte).  No
# alternative can fail once it has started, so nothing backtracks.  The group of _TAG is the
# attribute area of a tag with what ended it: ">" normally; a quote when the value it opens
# never closes (the rest of the input is that value); nothing when the area ran past the bound
# or the input ended.
_COMMENT = r"!--.*?(?:-->|\Z)|![^>]*>?"
_TAG = (
    r"""[a-z_:/][^\s/>"']*([^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*){0,%d}"""
    r"""(?:>|\Z|"(?![^"]*")|'(?![^']*'))?)"""
)
_RAW = r"(?:script|style)(?=[\s/>])[^<]*.*?(?:</(?:script|style)|\Z)"
_HTML_TOKENS = "<(?:" + _COMMENT + "|" + _RAW + "|" + _TAG + ")"
# The start tags of script and style, wherever they stand, with their attribute areas (the
# tokens above skip the whole element as raw text: libxml2 still reads those attributes); the
# names in ASCII case only, as in bytes, so that text and its UTF-8 bytes read alike
_RAW_TAGS = (
    r"<(?:[sS][cC][rR][iI][pP][tT]|[sS][tT][yY][lL][eE])(?=[\s/>])" + _TAG[_TAG.index("(") :]
)
_XML_TOKENS = (
    "<(?:" + r"!\[CDATA\[.*?(?:\]\]>|\Z)|" + _COMMENT + r"|\?.*?(?:\?>|\Z)" + "|" + _TAG + ")"
)


@lru_cache(maxsize=16)
def _raw_tags(limit: int, binary: bool) -> re.Pattern[Any]:
    source = _RAW_TAGS % _bound(limit)
    return re.compile(source.encode() if binary else source, re.S)


def _raw_crowded(text: str | bytes, limit: int) -> tuple[int, str] | None:
    """:func:`crowded_element` of the ``<script>`` and ``<style>`` start tags of *text*, read
    as ``re.finditer`` would find them, from the few places a case-blind search finds."""
    binary = isinstance(text, bytes)
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    low = raw.lower()
    hits = []
    for needle in (b"<script", b"<style"):
        at = low.find(needle)
        while at >= 0:
            hits.append(at)
            at = low.find(needle, at + 1)
    if not hits:
        return None
    hits.sort()
    if len(raw) != len(text):
        hits = _char_offsets(raw, hits)
    pattern = _raw_tags(limit, binary)
    gt: Any = b">" if binary else ">"
    end = 0
    for at in hits:
        if at < end:
            continue  # inside the start tag just read
        m = pattern.match(text, at)
        if m is None:
            continue
        end = m.end()
        area = m.group(1)
        if area and (len(area) > limit or area[-1:] != gt):
            found = _crowded_area(area, limit, binary)
            if found is not None:
                return found
    return None


def _bound(limit: int) -> int:
    # a tag within the limit has at most one quoted value per attribute; the bound also caps
    # the engine's memory per match
    return min(limit, 100_000) + 8


@lru_cache(maxsize=16)
def _tokens(limit: int, xml: bool, binary: bool) -> re.Pattern[Any]:
    source = (_XML_TOKENS if xml else _HTML_TOKENS) % _bound(limit)
    return re.compile(source.encode() if binary else source, re.I | re.S)


_QUOTED = r""""[^"]*"|'[^']*'"""
# An attribute as HTML tokenizes it (XML's are a subset); it cannot fail once its first
# character matched, so counting with finditer never backtracks.
_ATTRIBUTE = r"""[^\s"'>/=][^\s"'>/=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?"""
_PATTERNS: dict[bool, tuple[re.Pattern[Any], re.Pattern[Any]]] = {
    False: (re.compile(_QUOTED), re.compile(_ATTRIBUTE)),
    True: (re.compile(_QUOTED.encode()), re.compile(_ATTRIBUTE.encode())),
}


def _too_many(area: Any, limit: int, attribute: re.Pattern[Any]) -> tuple[int, str] | None:
    for count, _ in enumerate(attribute.finditer(area), 1):
        if count > limit:
            head = area[:60]
            return count, head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    return None


def crowded_element(text: str | bytes, limit: int, *, xml: bool = False) -> tuple[int, str] | None:
    """(attribute count, excerpt) of the first element with more than *limit* attributes
    (namespace declarations included), or None.  *text* is decoded text or UTF-8 (or any
    ASCII-compatible) bytes.  Comments, CDATA sections and the raw text of
    ``<script>``/``<style>`` are skipped as a parser would skip them.  Linear time, flat
    memory.

    The common case costs one ``bytes.translate`` and a block-by-block ``>`` search over the
    bytes (:mod:`._suspects`): only the few tags they cannot clear are read with the tokenizer, each on its own; when one of those
    could be crowded (or there are too many), the whole text is tokenized (:func:`_scan`), so
    the answer is always the tokenizer's.  With the compiled walker built, HTML bytes first get
    one C pass that reads every token as the tokenizer does and clears the usual page outright.
    In HTML the start tags of ``<script>`` and ``<style>`` are read as well, wherever they
    stand (the tokenizer skips those elements whole as raw text; libxml2 still reads their
    attributes pairwise)."""
    binary = isinstance(text, bytes)
    # 60 is "<": "in" with a bytes operand first raises and clears a TypeError
    if (60 if binary else "<") not in text:
        return None
    if len(text) <= limit:
        return None  # an attribute takes at least one character
    if isinstance(text, bytes):
        clear = _compiled.markup_clear
        if clear is not None and not xml and clear(text, limit):
            return None  # the compiled walker's one pass read every tag as _scan would
        raw = text
    elif text.isascii():
        raw = text.encode("ascii")
    else:
        raw = text.encode("utf-8", "surrogatepass")
    return _tokenized(text, raw, limit, xml)


def _tokenized(text: str | bytes, raw: bytes, limit: int, xml: bool) -> tuple[int, str] | None:
    """What the tokenizer says of *text* (*raw*: its bytes), reading only the suspects of
    :mod:`._suspects` when it can."""
    binary = isinstance(text, bytes)
    found = suspects(raw, limit)
    if found is None:
        return _whole(text, limit, xml)
    if found and len(raw) != len(text):
        found = _char_offsets(raw, found)
    tokens = _tokens(limit, xml, binary)
    budget = len(text)
    raw_end = 0  # the end of the last script or style start tag read (as finditer goes on)
    for at in found:
        m = tokens.match(text, at)
        if m is None:
            continue
        budget -= m.end() - at
        area = m.group(1)
        if area is None and not xml and at >= raw_end:
            # a comment, or a script or style element skipped as raw text: its start tag
            # (a short one is a suspect of no kind, and holds few attributes)
            start = _raw_tags(limit, binary).match(text, at)
            if start is not None:
                raw_end = start.end()
                area = start.group(1)
        if budget < 0 or (area and _crowded_area(area, limit, binary) is not None):
            return _whole(text, limit, xml)
    return None


def _whole(text: str | bytes, limit: int, xml: bool) -> tuple[int, str] | None:
    """:func:`_scan`, then (HTML) :func:`_raw_crowded`: what the whole text says."""
    found = _scan(text, limit, xml)
    return found if found is not None or xml else _raw_crowded(text, limit)


def _crowded_area(area: Any, limit: int, binary: bool) -> tuple[int, str] | None:
    """What :func:`_scan` says of one tag's attribute area."""
    gt: Any = b">" if binary else ">"
    quoted, attribute = _PATTERNS[binary]
    if area[-1:] == gt:
        return None if len(area) <= limit else _too_many(area, limit, attribute)
    if len(quoted.findall(area)) >= _bound(limit):
        head = area[:60]
        return limit + 1, head.decode("utf-8", "replace") if binary else head
    return _too_many(area, limit, attribute)


def _scan(text: str | bytes, limit: int, xml: bool) -> tuple[int, str] | None:
    """:func:`crowded_element` by tokenizing the whole text."""
    binary = isinstance(text, bytes)
    gt: Any = b">" if binary else ">"
    areas = _tokens(limit, xml, binary).findall(text)
    # A tag that ended with ">" and is short holds fewer attributes than characters.  Only the
    # last area can lack its ">" (the input ended in it, or in a value that never closes), so
    # the common case is settled by one C-speed pass over the lengths.
    if areas and (not areas[-1] or areas[-1][-1:] == gt) and max(map(len, areas)) <= limit:
        return None
    for area in [a for a in areas if len(a) > limit or (a and a[-1:] != gt)]:
        found = _crowded_area(area, limit, binary)
        if found is not None or area[-1:] != gt:
            # an area without its ">": the input ended inside the tag, or a value opened by
            # its last character never closes (the rest of the input is that value): either
            # way nothing follows
            return found
    return None


def _char_offsets(raw: bytes, offsets: list[int]) -> list[int]:
    """The character offsets in the UTF-8 text *raw* of the byte *offsets* (ascending)."""
    out = []
    chars = done = 0
    for at in offsets:
        chars += len(raw[done:at].decode("utf-8", "surrogatepass"))
        done = at
        out.append(chars)
    return out


# -- character references -------------------------------------------------------------------

_CHAR_REF = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")


def _allowed(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _valid_ref(m: re.Match[str]) -> bool:
    digits = m.group(1) or m.group(2)
    if len(digits.lstrip("0")) > 7 or not m.group(0).endswith(";"):
        return False
    return _allowed(int(digits, 16 if m.group(1) else 10))


def fix_char_refs(text: str) -> tuple[str, int]:
    """*text* with every character reference to a character XML cannot hold (beyond U+10FFFF,
    a surrogate, NUL or another C0 control, U+FFFE/U+FFFF, or without its ``;``) replaced by
    ``&#xFFFD;``; and how many were replaced.  Linear: numbers are never converted past 8
    digits."""
    if "&#" not in text:
        return text, 0
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        if _valid_ref(m):
            return m.group(0)
        count += 1
        return "&#xFFFD;"

    fixed = _CHAR_REF.sub(repl, text)
    return (fixed, count) if count else (text, 0)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def fix_xml_chars(text: str) -> tuple[str, int]:
    """*text* with the characters XML 1.0 forbids replaced by U+FFFD, and how many."""
    if _XML_ILLEGAL.search(text) is None:
        return text, 0
    fixed, count = _XML_ILLEGAL.subn("\ufffd", text)
    return fixed, count


def check_markup(
    data: str | bytes, ctx: ParseContext, *, path: str | None = None, xml: bool = False
) -> None:
    """Raise :class:`~statuskit.InputLimitError` when the markup *data* holds more than
    ``max_nodes`` tags (every ``<`` counts) or an element with more than ``max_attributes``
    attributes.  Call it before handing markup to any parser (lxml, BeautifulSoup,
    feedparser): libxml2's HTML parser and feedparser spend quadratic time on attributes."""
    limits = ctx.limits
    # there are no more "<" than characters: short inputs need no count
    if len(data) > limits.max_nodes and (
        data.count(b"<" if isinstance(data, bytes) else "<") > limits.max_nodes  # type: ignore[arg-type]
    ):
        ctx.over_limit(
            "max_nodes", f"more than max_nodes={limits.max_nodes} elements (counting '<')", path
        )
    crowded = crowded_element(data, limits.max_attributes, xml=xml)
    if crowded is not None:
        ctx.over_limit(
            "max_attributes",
            f"an element has more than max_attributes={limits.max_attributes} attributes",
            path,
            crowded[1],
        )

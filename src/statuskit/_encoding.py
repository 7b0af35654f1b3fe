"""Which encoding a body is in, and text that is safe to hand to parsers.

Order of precedence (the HTML standard's, which XML's RFC 7303 agrees with):

1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), as AWS serves its UTF-16 JSON;
2. UTF-16 recognisable without its mark (``{\\0"\\0`` and the like);
3. the ``charset`` of the caller's ``content_type``;
4. the document's own declaration: ``<?xml ... encoding="..."?>``, ``<meta charset>`` or
   ``<meta http-equiv="Content-Type" content="...; charset=...">`` in the first 1024 bytes;
5. UTF-8.

A named charset is honoured only when it is a real text encoding Python knows; the codecs that
are not character sets (``base64``, ``rot13``), that run escape sequences (``unicode_escape``),
that are unsafe on the web (``utf-7``) or that never decode (``undefined``) are ignored.  A
document that declares UTF-16 in ASCII-readable bytes is not UTF-16 (the declaration could not
have been read otherwise) and reads as UTF-8.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["declared_encoding", "scrub_text", "sniff_encoding", "text_encoding"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})", re.I)
_REFUSED = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined", "utf-7"}
)
_WIDE = ("utf-16", "utf-32")
_PRESCAN = 1024
_XML_DECL = re.compile(rb"^\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_META = re.compile(
    rb"<meta\s[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})",
    re.I,
)


def text_encoding(label: str | None) -> str | None:
    """The Python codec name for charset *label*, or None when it is not a usable text
    encoding (unknown, not a character set, or refused as unsafe)."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip())
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED:
        return None
    return info.name


def declared_encoding(data: bytes) -> str | None:
    """The encoding the document declares for itself in its first 1024 bytes (XML declaration
    or HTML ``<meta>``), or None.  Wide encodings declared in ASCII-readable bytes are ignored."""
    head = data[:_PRESCAN]
    m = _XML_DECL.match(head) or _META.search(head)
    if m is None:
        return None
    name = text_encoding(m.group(1).decode("ascii"))
    if name is None or name.startswith(_WIDE):
        return None
    return name


def sniff_encoding(data: bytes, content_type: str | None = None) -> tuple[str, int]:
    """The encoding of *data* and the length of its byte order mark (see the module doc)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    if len(data) >= 4 and data[0] == 0 and data[1] != 0 and data[2] == 0:
        return "utf-16-be", 0  # no BOM, but "{\0"-style: UTF-16 without its mark
    if len(data) >= 4 and data[0] != 0 and data[1] == 0 and data[3] == 0:
        return "utf-16-le", 0
    if content_type:
        m = _CHARSET.search(content_type)
        charset = text_encoding(m.group(1)) if m else None
        if charset is not None:
            return charset, 0
    if data[:1] == b"<" or data[:_PRESCAN].lstrip()[:1] == b"<":
        declared = declared_encoding(data)
        if declared is not None:
            return declared, 0
    return "utf-8", 0


# Lone surrogates cannot be encoded (UTF-8 refuses them, lxml drops the rest of the text after
# one); a pair written as two code points is one character.
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_text(text: str) -> tuple[str, int]:
    """*text* with lone surrogates replaced by U+FFFD (pairs joined), and how many were replaced.

    Only text that came in as ``str`` can hold them: decoded bytes never do.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text, 0
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return joined, joined.count("\ufffd") - text.count("\ufffd")

"""The body of a Statuspage (or incident.io history) feed entry: the whole update history.

Statuspage renders every update of an incident into the entry body, newest first::

    <p><small>Oct <var data-var='date'>30</var>, <var data-var='time'>23:05</var> UTC</small>
    <br><strong>Resolved</strong> - This incident has been resolved.</p>
    <p><small>Oct <var data-var='date'>29</var>, ...

and an upcoming maintenance starts with a banner::

    <p><strong>THIS IS A SCHEDULED EVENT Dec <var data-var='date'>18</var>,
    <var data-var='time'>16:00</var> - <var data-var='time'>17:00</var> UTC</strong></p>

The generator is Statuspage's own template, so a tight regular expression over that shape finds
the blocks exactly (a ``<strong>`` inside an update's text is not preceded by
``</small><br>``); text outside the shape is never guessed at.  :func:`html_text` turns the
published HTML of one update into plain text without a full HTML parse when the markup is of the
simple kind Statuspage emits, and falls back to lxml (:func:`statuskit._text.html_to_text`)
for anything else, with the same result either way.
"""

from __future__ import annotations

import html
import html.entities
import re
from typing import NamedTuple

import attrs

from .._text import _CONTROL, clean, html_to_text
from ..limits import ParseContext

__all__ = ["Banner", "Block", "fast_clean", "html_text", "plain", "split_blocks"]


class Block(NamedTuple):
    """One update as the body shows it."""

    when: str
    """The displayed time, tags dropped ("Oct 30, 23:05 UTC")."""
    status: str
    """The bold word ("Resolved", "Update", "In progress")."""
    html: str
    """The update's text as published (HTML)."""


@attrs.frozen
class Banner:
    """The scheduled window of a maintenance ("Dec 18, 16:00 - 17:00 UTC")."""

    start: str
    end: str | None


_BLOCKS = re.compile(
    # "<small>" and the date: Statuspage's own markup first (read without a second pass), any
    # other text (without a <small> of its own) second; then the bold status word and " - "
    r"<small>(?:(?P<mon>[A-Za-z]{3,9}) <var data-var=['\"]date['\"]>\s*(?P<day>\d{1,2})</var>,"
    r" <var data-var=['\"]time['\"]>(?P<hm>\d{1,2}:\d{2}(?: ?[AaPp][Mm])?)</var>"
    r" (?P<tz>[A-Za-z]{1,5}|[+-]\d{2}:?\d{2})|(?P<when>[^<]{1,120}|(?:(?!<small>).){1,300}?))"
    r"</small>\s*<br\s*/?>\s*<strong>(?P<status>[^<>]{1,64})</strong>"
    r"[ \t]*(?:(?:-|&#8211;|\u2013|\u2014)[ \t]?)?",
    re.DOTALL,
)
_BANNER = re.compile(
    r"THIS IS A SCHEDULED EVENT\s*(?P<window>.{1,400}?)</strong>", re.DOTALL | re.IGNORECASE
)
_TAGS = re.compile(r"<[^<>]{0,400}>")
_RANGE = re.compile(r"\s+(?:-|\u2013|to)\s+")
_HAS_DATE = re.compile(r"^[A-Za-z]{3}")


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n\r"


def fast_clean(text: str) -> str:
    """:func:`statuskit._text.clean` (same result), without regular expressions when the text
    is printable (then the only whitespace in a line is the ASCII space)."""
    if text.isascii():
        # every character printable or a line break: checked at C speed, whole text at once
        if text.encode("ascii").translate(None, _PRINTABLE_ASCII):
            return clean(text)  # tabs, controls: the general rules
        if "\n" not in text and "\r" not in text:  # one line: spaces collapsed, ends trimmed
            if "  " in text or text[:1] == " " or text[-1:] == " ":
                return " ".join(text.split())
            return text
        checked = True
    elif "\x0b" in text or "\x0c" in text or "\x1c" in text or "\x1d" in text or "\x1e" in text:
        return clean(text)  # control characters splitlines() would take for line breaks
    else:
        checked = False
    out: list[str] = []
    blank = False
    for line in text.splitlines():
        if not checked and not line.isprintable():
            return clean(text)  # tabs, no-break spaces, controls: the general rules
        if "  " in line or line[:1] == " " or line[-1:] == " ":
            line = " ".join(line.split())  # noqa: PLW2901 - the line, normalized
        if line:
            if blank and out:
                out.append("")
            out.append(line)
            blank = False
        else:
            blank = True
    return "\n".join(out)


_VAR_DATE = re.compile(
    r"([A-Za-z]{3,9}) <var data-var=['\"]date['\"]>\s*(\d{1,2})</var>,"
    r" <var data-var=['\"]time['\"]>(\d{1,2}:\d{2}(?: ?[AaPp][Mm])?)</var> ([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})"
)


def plain(fragment: str) -> str:
    """A short inline fragment (a date, a status word) as text: tags dropped, entities
    decoded once, whitespace collapsed."""
    m = _VAR_DATE.fullmatch(fragment)
    if m is not None:  # Statuspage's own date markup, the common case
        return f"{m.group(1)} {m.group(2)}, {m.group(3)} {m.group(4)}"
    text = _TAGS.sub("", fragment) if "<" in fragment else fragment
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def split_blocks(body: str) -> tuple[list[Block], Banner | None]:
    """The update blocks of a Statuspage entry body, as they appear (newest first), and the
    maintenance banner if there is one."""
    banner = None
    if "SCHEDULED EVENT" in body or "Scheduled Event" in body:
        m = _BANNER.search(body)
        if m is not None:
            banner = _banner(plain(m.group("window")))
    if "<small>" not in body:
        return [], banner
    # re.split (in C) gives [before, mon, day, hm, tz, when, status, text, mon, ...]: a <small>
    # that does not start an update stays in the text it belongs to
    parts = _BLOCKS.split(body)
    blocks = []
    new = tuple.__new__  # Block(...) without the NamedTuple constructor's Python frame
    for mon, day, hm, tz, when, status, text in zip(
        parts[1::7],
        parts[2::7],
        parts[3::7],
        parts[4::7],
        parts[5::7],
        parts[6::7],
        parts[7::7],
        strict=True,
    ):
        # the update's text without the paragraph markup around it: "text</p><p>" -> "text"
        text = text.rstrip()  # noqa: PLW2901 - the segment, unwrapped
        if text[-3:] == "<p>":
            text = text[:-3].rstrip()  # noqa: PLW2901
        if text[-4:] == "</p>":
            text = text[:-4]  # noqa: PLW2901
        blocks.append(
            new(
                Block,
                (
                    f"{mon} {day}, {hm} {tz}" if when is None else plain(when),
                    status if status.isalpha() else _word(status),
                    text.strip(),
                ),
            )
        )
    return blocks, banner


def _word(fragment: str) -> str:
    if "<" in fragment or "&" in fragment:
        return plain(fragment)
    return " ".join(fragment.split())


def _banner(window: str) -> Banner | None:
    parts = _RANGE.split(window, maxsplit=1)
    if len(parts) != 2:
        return Banner(window, None) if window else None
    start, end = parts[0].strip(), parts[1].strip()
    zone = _zone_of(end)
    if zone and _zone_of(start) is None:
        start = f"{start} {zone}"
    if not _HAS_DATE.match(end):
        # "16:00 - 17:00 UTC": the end is on the start's day
        day = start.split(",", 1)[0] if "," in start else ""
        end = f"{day}, {end}" if day else end
    return Banner(start, end)


_ZONE_TAIL = re.compile(r"\s((?:[A-Z]{1,5})|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)$")


def _zone_of(text: str) -> str | None:
    m = _ZONE_TAIL.search(text)
    if m is None or m.group(1) in ("AM", "PM"):
        return None
    return m.group(1)


# -- HTML to text, fast for the simple markup status pages publish --------------------------

_TOKEN = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})"
    r"((?:\s+[A-Za-z_:][-A-Za-z0-9_:.]{0,63}"
    r"(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*)\s*(/?)>"
)
_AMP = re.compile(r"&(?:#([0-9]{1,7});|#[xX]([0-9A-Fa-f]{1,6});|(amp|lt|gt|quot|apos|nbsp);)?")
_INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "cite",
        "code",
        "del",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
    }
)
_INLINE_VOID = frozenset({"img", "wbr"})
_NOT_CONTROL = bytes(b for b in range(256) if _CONTROL.match(chr(b)) is None)
"""Every byte but the ASCII control characters :data:`statuskit._text._CONTROL` matches."""


_WORD = re.compile(r"[A-Za-z0-9]{1,32}")
_LEGACY = frozenset(name for name in html.entities.html5 if not name.endswith(";"))
"""Entity names HTML decodes without a semicolon ("&amp", "&copy", "&AElig")."""


def _plain_word(markup: str, at: int) -> bool:
    """True when the ASCII word at *at*, after an "&", is text to both decoders ("Q&A,"): no
    semicolon after it, and no entity name HTML decodes without one starts it."""
    w = _WORD.match(markup, at)
    if w is None:
        return False
    after = markup[w.end() : w.end() + 1]
    if after == ";" or after.isalnum():  # an entity reference, or a word longer than looked at
        return False
    word = w.group()
    return not any(word[:i] in _LEGACY for i in range(1, len(word) + 1))


def _entities_simple(markup: str) -> bool:
    """Every "&" is a plain ampersand or an entity both decoders read alike."""
    for m in _AMP.finditer(markup):
        dec, hexa, name = m.group(1), m.group(2), m.group(3)
        if dec is None and hexa is None and name is None:
            nxt = markup[m.end() : m.end() + 1]
            if nxt == "#":
                return False
            if nxt.isalnum() and not _plain_word(markup, m.end()):
                return False  # "&ampx" or "&Ab;": decoders differ on these
            continue
        if name is not None:
            continue
        code = int(dec) if dec is not None else int(hexa, 16)
        if not (
            code in (9, 10, 13)
            or 32 <= code <= 126
            or 160 <= code <= 0xD7FF
            or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF
        ):
            return False
    return True


def _fast_text(markup: str) -> str | None:
    """The text of *markup* when it only holds paragraphs, line breaks, balanced inline tags
    and list items (then equal to :func:`html_to_text`), else None."""
    if "&" in markup and not _entities_simple(markup):
        return None
    if markup.isascii():  # _CONTROL's search, at C speed (bytes.translate deletes the rest)
        if markup.encode("ascii").translate(None, _NOT_CONTROL):
            return None  # lxml's HTML parser treats control characters its own way
    elif _CONTROL.search(markup):
        return None
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(markup):
        start, end = m.span()
        text = markup[pos:start]
        if "<" in text:
            return None  # a comment, a CDATA section or a broken tag: leave it to lxml
        out.append(text)
        pos = end
        closing, name, _, selfclose = m.groups()
        name = name.lower()
        if name == "br":
            if closing:
                return None
            out.append("\n")  # as html_to_text: one line break
        elif name in _INLINE_VOID:
            if closing:
                return None
        elif selfclose:
            return None
        elif name == "p":
            if not closing:
                if stack:
                    return None  # a paragraph inside anything: the HTML parser restructures
                stack.append("p")
            elif not stack or stack.pop() != "p":
                return None
            out.append("\n")
        elif name in _INLINE:
            if not closing:
                stack.append(name)
            elif not stack or stack.pop() != name:
                return None
        elif name == "li":
            # a new item closes the open one (as the HTML parser does); items sit at the top
            # or in a list, never in a paragraph or inline markup
            if stack and stack[-1] == "li":
                stack.pop()
                out.append("\n")
                if closing:
                    continue
            elif closing:
                return None
            if stack and stack[-1] not in ("ul", "ol"):
                return None
            stack.append("li")
            out.append("\n")
        elif name in ("ul", "ol"):
            if closing:
                if stack and stack[-1] == "li":
                    stack.pop()
                    out.append("\n")
                if not stack or stack.pop() != name:
                    return None
            elif stack:
                return None  # a list inside anything (an item included): leave it to lxml
            else:
                stack.append(name)
            out.append("\n")
        else:
            return None
    tail = markup[pos:]
    if "<" in tail:
        return None
    out.append(tail)
    while stack and stack[-1] == "li":  # items left open at the end close there
        stack.pop()
        out.append("\n")
    if stack:
        return None
    text = "".join(out)
    return fast_clean(html.unescape(text) if "&" in text else text)


def html_text(markup: str, ctx: ParseContext | None = None, path: str | None = None) -> str:
    """The plain text of an HTML fragment, as :func:`statuskit._text.html_to_text` gives it
    (whose warnings about markup it cannot trust go to *ctx*)."""
    if "<" not in markup and "&" not in markup:
        return fast_clean(markup)
    fast = _fast_text(markup)
    return fast if fast is not None else html_to_text(markup, ctx, path)

"""Which tags of a page could hold more than ``limit`` attributes: the cheap pre-check of
:func:`statuskit._markup.crowded_element`.

A tag's attribute area lies between its ``<`` and the first ``>`` after it, unless a quote
opened in the tag is still open at that ``>`` (the ``>`` is then part of a value).  An attribute
takes at least one character, and every attribute but the last ends with or is followed by a
separator (whitespace, a quote, ``/``, ``=`` or ``>``).  So a tag cannot hold more than
``limit`` attributes when the quotes between its ``<`` and the next ``>`` pair up and that span
is at most ``limit`` characters long or holds fewer than ``limit`` separators.

:func:`suspects` lists every ``<`` (of markup, comments, scripts or text alike: a superset of
the tags) for which that does not hold, with C-speed passes over the bytes:

* ``bytes.rfind`` hops from ``>`` to ``>`` (the last one within ``limit`` + 2 bytes) to
  the runs without ``>`` longer than ``limit`` (there the spans are long); a span that pairs
  its quotes and holds few separators is cleared on the spot (SVG paths, data URIs);
* one translation per chunk keeps only ``<``, ``>`` and quotes; rewrites that keep, for every
  ``<``, whether its quotes pair up before the next ``>`` (two equal adjacent quotes cancel
  whatever the quoting state; ``<<`` and ``<>`` hold no quote) clear the chunk, or the chunk is
  read again in smaller pieces and then ``<`` by ``<``.

Text given as ``str`` is checked through its UTF-8 bytes: spans are no shorter in bytes than
in characters, and every non-ASCII byte counts as a separator (Unicode whitespace separates
attributes in ``str`` patterns).  Every step is linear in the input, with budgets that give up
(None: tokenize everything) rather than spend more.
"""

from __future__ import annotations

__all__ = ["suspects"]

_NOT_MARKUP = bytes(c for c in range(256) if c not in b"<>\"'")
_SEPARATORS = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\"'/=>" + bytes(range(0x80, 0x100))
_NOT_SEPARATOR = bytes(c for c in range(256) if c not in _SEPARATORS)
_CHUNK = 16 * 1024
_SMALL = 1024
_MAX_PASSES = 8


class _Found:
    """The suspects so far and what may still be spent finding them."""

    __slots__ = ("budget", "cap", "offsets")

    def __init__(self, size: int) -> None:
        self.offsets: list[int] = []
        self.cap = max(256, size >> 8)
        """Suspects past this many: tokenizing everything is cheaper."""
        self.budget = 4 * size + 4096
        """Bytes that may still be read span by span."""

    def add(self, at: int) -> bool:
        self.offsets.append(at)
        return len(self.offsets) <= self.cap


def suspects(raw: bytes, limit: int) -> list[int] | None:
    """Offsets of the ``<`` in *raw* (UTF-8 or other ASCII-compatible bytes) whose tag could
    hold more than *limit* attributes, ascending; None when too many to read one by one."""
    found = _Found(len(raw))
    if not _long_spans(raw, limit, found) or _unpaired_in(raw, 0, len(raw), _CHUNK, found) is None:
        return None
    return sorted(set(found.offsets))


def _pairs(span: bytes) -> bool:
    """True when the quotes of *span* surely pair up (one kind of quote, an even number)."""
    doubles = span.count(b'"')
    singles = span.count(b"'")
    return not ((doubles and singles) or doubles & 1 or singles & 1)


def _long_spans(raw: bytes, limit: int, found: _Found) -> bool:
    """Add the ``<`` followed by more than *limit* characters before the next ``>`` (or the
    end) whose span does not clear; False when the budget ran out."""
    need = limit + 2  # the "<" and limit + 1 characters after it, none of them ">"
    size = len(raw)
    at = 0  # just after a ">" (or the start): the run from here is shorter than need, or long
    while at + need <= size:
        gt = raw.rfind(b">", at, at + need)
        if gt >= 0:
            at = gt + 1  # the last ">" of the window: what lies before it is short
            continue
        end = raw.find(b">", at + need)
        end = size if end < 0 else end
        stop = end - limit - 1
        lt = raw.find(b"<", at, stop)
        while lt >= 0:
            found.budget -= end - lt
            if found.budget < 0:
                return False
            span = raw[lt + 1 : end]
            if not (
                _pairs(span) and len(span.translate(None, _NOT_SEPARATOR)) < limit
            ) and not found.add(lt):
                return False
            lt = raw.find(b"<", lt + 1, stop)
        at = end + 1
    return True


def _unpaired_in(raw: bytes, start: int, end: int, size: int, found: _Found) -> bool | None:
    """Add the ``<`` of raw[start:end] whose quotes may not pair before the next ``>``
    (*start* lies just after a ``>`` or at the start of *raw*), reading pieces of about *size*
    bytes that end just after a ``>``; None when the budget ran out."""
    while start < end:
        stop = raw.find(b">", start + size, end)
        stop = end if stop < 0 else stop + 1
        if _unpaired(raw[start:stop].translate(None, _NOT_MARKUP)):
            if size > _SMALL:  # the piece again, in smaller pieces
                done = _unpaired_in(raw, start, stop, size // 16, found)
            else:
                done = _one_by_one(raw, start, stop, found)
            if done is None:
                return None
        start = stop
    return True


def _unpaired(skeleton: bytes) -> bool:
    """False when every ``<`` of the *skeleton* (only ``<``, ``>`` and quotes) pairs its
    quotes before the next ``>``; True when some may not."""
    for _ in range(_MAX_PASSES):
        size = len(skeleton)
        skeleton = skeleton.replace(b'""', b"").replace(b"''", b"")
        while b"<<" in skeleton:
            skeleton = skeleton.replace(b"<<", b"<")
        skeleton = skeleton.replace(b"<>", b">")
        if b"<" not in skeleton:
            return False
        if len(skeleton) == size:
            return True
    return True


def _one_by_one(raw: bytes, start: int, end: int, found: _Found) -> bool | None:
    gt = -1
    lt = raw.find(b"<", start, end)
    while lt >= 0:
        if gt < lt:
            gt = raw.find(b">", lt)
            gt = len(raw) if gt < 0 else gt
        found.budget -= gt - lt
        if found.budget < 0:
            return None
        if not _pairs(raw[lt + 1 : gt]) and not found.add(lt):
            return None
        lt = raw.find(b"<", lt + 1, end)
    return True

"""Which tags of a page could hold more than ``limit`` attributes: the cheap pre-check of
:func:`statuskit._markup.crowded_element`.

A tag's attribute area lies between its ``<`` and the first ``>`` after it, unless a quote
opened in the tag is still open at that ``>`` (the ``>`` is then part of a value).  An attribute
takes at least one character, and every attribute but the last ends with or is followed by a
separator (whitespace, a quote, ``/``, ``=`` or ``>``).  So a tag cannot hold more than
``limit`` attributes when the quotes between its ``<`` and the next ``>`` pair up and that span
holds fewer than ``limit`` separators.

:func:`suspects` lists every ``<`` (of markup, comments, scripts or text alike: a superset of
the tags) for which that may not hold.  The bytes are cut into pieces of about 8 KiB that end
just after a ``>`` (so no span crosses a piece), and each piece is read at C speed twice:

* its *sketch* (one ``bytes.translate``) keeps ``<``, ``>`` and the quotes and turns every
  other separator into a space, dropping everything else: the span of a ``<`` holds fewer than
  ``limit`` separators when its run of the sketch before the next ``>`` is shorter than
  ``limit``.  The sketches of a part are joined and cut into blocks of ``limit / 2 + 1``
  characters; a run of ``limit + 1`` characters without ``>`` holds a whole block, so only the
  runs around a block without ``>`` (SVG paths, scripts, long text) are looked at one by one;
* its *skeleton* (the sketch without spaces) keeps only ``<``, ``>`` and quotes.  The quotes
  between a ``<`` and the next ``<`` or ``>`` form its *run*; the span of a ``<`` pairs its
  quotes when its run and those of the ``<`` after it before the ``>`` each undo themselves
  (each quote acts on the quoting state as a swap, so two equal quotes side by side cancel
  whatever the state).  Two counts check that every run is made of such pairs; a piece that
  fails (a stray apostrophe in text, a script) has its text runs (those after a ``>``, which
  belong to no tag) dropped and its pairs cancelled until nothing changes: a ``<`` still
  followed by a quote, and the ``<`` before it in its span, are suspects.

Text given as ``str`` is checked through its UTF-8 bytes: spans are no shorter in bytes than
in characters, and every non-ASCII byte counts as a separator (Unicode whitespace separates
attributes in ``str`` patterns).  Every step is linear in the input; past ``cap`` suspects the
answer is None (tokenize everything: cheaper than reading that many tags one by one).
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from operator import contains

__all__ = ["suspects"]

_QUOTES = b"\"'"
_SEPARATORS = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\"'/=>" + bytes(range(0x80, 0x100))
_SKETCH = bytes(c if c in b"<>\"'" else 0x20 for c in range(256))
_NOT_SKETCHED = bytes(c for c in range(256) if c not in _SEPARATORS and c != 0x3C)
_PIECE = 8 * 1024
_PART = 1024 * 1024
_GROUP = 8 * 1024
_MAX_PASSES = 8


class _Marks:
    """The suspects of a part so far: ordinals of ``<`` within each piece."""

    __slots__ = ("by_piece", "room")

    def __init__(self, room: int) -> None:
        self.by_piece: dict[int, set[int]] = {}
        self.room = room
        """Suspects that may still be added: past that, tokenizing everything is cheaper."""

    def add(self, piece: int, ordinals: range) -> bool:
        self.room -= len(ordinals)
        if self.room < 0:
            return False
        self.by_piece.setdefault(piece, set()).update(ordinals)
        return True


def suspects(raw: bytes, limit: int) -> list[int] | None:
    """Offsets of the ``<`` in *raw* (UTF-8 or other ASCII-compatible bytes) whose tag could
    hold more than *limit* attributes, ascending; None when too many to read one by one."""
    found: list[int] = []
    cap = max(256, len(raw) >> 8)
    size = len(raw)
    start = 0
    while start < size:
        stop = raw.find(b">", start + _PART)
        stop = size if stop < 0 else stop + 1
        if not _part(raw, start, stop, limit, found, cap - len(found)):
            return None
        start = stop
    return found


def _part(raw: bytes, start: int, stop: int, limit: int, found: list[int], room: int) -> bool:
    """Append the suspects of raw[start:stop] (*start* lies just after a ``>`` or at the start
    of *raw*; *stop* just after a ``>`` or at its end) to *found*; False past *room* of them."""
    cuts = [start]
    at = start
    while True:
        gt = raw.find(b">", at + _PIECE, stop)
        if gt < 0:
            break
        at = gt + 1
        cuts.append(at)
    if at < stop:
        cuts.append(stop)
    pieces = list(map(raw.__getitem__, map(slice, cuts, cuts[1:])))
    sketches = list(map(bytes.translate, pieces, repeat(_SKETCH), repeat(_NOT_SKETCHED)))
    marks = _Marks(room)
    if not _long_spans(sketches, limit, marks):
        return False
    skeletons = list(map(bytes.translate, sketches, repeat(None), repeat(b" ")))
    for piece, paired in enumerate(map(_paired, skeletons)):
        if not paired:
            runs = _unpaired(skeletons[piece], marks.room)
            if runs is None or not all(map(marks.add, repeat(piece), runs)):
                return False
    for piece, ordinals in sorted(marks.by_piece.items()):
        # the offsets of the "<" of the piece up to the last one wanted
        last = max(ordinals)
        before = accumulate(map(len, pieces[piece].split(b"<", last + 1)[: last + 1]))
        found.extend(
            cuts[piece] + length + nth for nth, length in enumerate(before) if nth in ordinals
        )
    return True


@lru_cache(maxsize=32)
def _blocks(width: int, count: int) -> struct.Struct:
    return struct.Struct(f"{width}s" * count)


def _long_spans(sketches: list[bytes], limit: int, marks: _Marks) -> bool:
    """Mark the ``<`` followed by at least *limit* characters of the sketch before the next
    ``>`` (or the end); False past the room for suspects."""
    sketch = b"".join(sketches)
    size = len(sketch)
    if size <= limit:
        return True
    width = limit // 2 + 1  # a run of limit + 1 characters without ">" holds a whole block
    per_group = max(1, _GROUP // width)
    whole = size // width  # the blocks wholly inside the sketch
    ends = list(accumulate(map(len, sketches)))
    done = 0  # the runs before this offset have been read
    where = [0, 0, 0]  # a piece, an offset in its sketch, how many "<" lie before it there
    for first in range(0, whole, per_group):
        group = first * width
        found = _blocks(width, min(per_group, whole - first)).unpack_from(sketch, group)
        if all(map(contains, found, repeat(62))):
            continue
        open_blocks = list(map(contains, found, repeat(62)))
        nth = open_blocks.index(False)
        while True:
            at = group + nth * width
            if at >= done:
                end = sketch.find(b">", at)
                done = size if end < 0 else end
                # the "<" with limit characters or more after them before done (a negative
                # end would count from the end of the sketch)
                last = done - limit
                lt = sketch.find(b"<", sketch.rfind(b">", 0, at) + 1, last) if last > 0 else -1
                while lt >= 0:
                    if not _mark(lt, sketches, ends, where, marks):
                        return False
                    lt = sketch.find(b"<", lt + 1, last)
            try:  # the next block without ">" that starts at or after done
                nth = open_blocks.index(False, max(nth + 1, -(group - done) // width))
            except ValueError:
                break
    return True


def _mark(at: int, sketches: list[bytes], ends: list[int], where: list[int], marks: _Marks) -> bool:
    """Mark the "<" at offset *at* of the joined *sketches* (each call further on than the
    last; *where* carries the count of "<" from call to call)."""
    piece = bisect_right(ends, at)
    local = at - (ends[piece - 1] if piece else 0)
    if piece != where[0]:
        where[:] = [piece, 0, 0]
    where[2] += sketches[piece].count(b"<", where[1], local)
    where[1] = local
    return marks.add(piece, range(where[2], where[2] + 1))


def _paired(skeleton: bytes) -> bool:
    """True when every run of quotes of the *skeleton* (only ``<``, ``>`` and quotes) is made
    of pairs of equal quotes side by side."""
    doubles = skeleton.count(b'"')
    if doubles and doubles != 2 * skeleton.count(b'""'):
        return False
    if 39 not in skeleton:  # an int: "in" with bytes raises and clears a TypeError first
        return True
    return skeleton.count(b"'") == 2 * skeleton.count(b"''")


def _unpaired(skeleton: bytes, room: int) -> list[range] | None:
    """The ordinals of the ``<`` of the *skeleton* whose quotes may not pair before the next
    ``>``, as ranges; None past *room* of them."""
    # the quotes after a ">" (up to the next "<" or ">") are text: no tag holds them
    for text in (b">'", b'>"'):
        parts = skeleton.split(text)
        if len(parts) > 1:
            skeleton = b">".join(map(bytes.lstrip, parts, repeat(_QUOTES)))
    skeleton = skeleton.lstrip(_QUOTES)
    if _paired(skeleton):
        return []
    for _ in range(_MAX_PASSES):
        reduced = skeleton.replace(b'""', b"").replace(b"''", b"")
        if len(reduced) == len(skeleton):
            break
        skeleton = reduced
    # a "<" still followed by a quote: its run does not undo itself, and the span of every
    # "<" before it up to the last ">" holds that run
    hits = []
    for opened in (b'<"', b"<'"):
        at = skeleton.find(opened)
        while at >= 0:
            hits.append(at)
            if len(hits) > room:
                return None
            at = skeleton.find(opened, at + 1)
    out = []
    done = ordinal = 0  # ordinal: how many "<" lie before skeleton[done]
    for at in sorted(hits):
        ordinal += skeleton.count(b"<", done, at)
        first = skeleton.rfind(b">", done, at) + 1 or done
        out.append(range(ordinal - skeleton.count(b"<", first, at), ordinal + 1))
        done = at
    return out

"""Which tags of a page could hold more than ``limit`` attributes: the cheap pre-check of
:func:`statuskit._markup.crowded_element`.

A tag's attribute area lies between its ``<`` and the first ``>`` after it, unless a quote
opened in the tag is still open at that ``>`` (the ``>`` is then part of a value).  Every
attribute takes at least one character, and every attribute but the last takes at least two
with what lies between it and the next (a name or an unquoted value ends at a separator, a
quoted value is two quotes and more), so ``n`` attributes take at least ``2n - 1``
characters.  A tag
therefore cannot hold more than ``limit`` attributes when the quotes between its ``<`` and
the next ``>`` pair up and that ``>`` (or the end of the text) comes at most ``2 * limit``
bytes after the ``<``.

:func:`suspects` lists every ``<`` (of markup, comments, scripts or text alike: a superset of
the tags) for which that may not hold, reading the bytes at C speed:

* *long spans*: the bytes are cut into blocks of ``limit + 1`` (struct); a run of
  ``2 * limit + 1`` bytes without ``>`` holds a whole block, so only the runs around a block
  without ``>`` (SVG paths, scripts, long text) are read, with ``find``, for a ``<`` more than
  ``2 * limit`` bytes before the run's end;
* *quotes*: the bytes are cut into pieces of about 8 KiB that end just after a ``>`` (so no
  span crosses a piece), and each piece's *skeleton* (one ``bytes.translate`` deleting all but
  ``<``, ``>`` and quotes) is checked.  The quotes between a ``<`` and the next ``<`` or ``>``
  form its *run*; the span of a ``<`` pairs its quotes when its run and those of the ``<``
  after it before the ``>`` each undo themselves (each quote acts on the quoting state as a
  swap, so two equal quotes side by side cancel whatever the state).  Two counts check that
  every run is made of such pairs; a piece that fails (a stray apostrophe in text, a script)
  has its text runs (those after a ``>``, which belong to no tag) dropped and its pairs
  cancelled until nothing changes: a ``<`` still followed by a quote, and the ``<`` before it
  in its span, are suspects.

Text given as ``str`` is checked through its UTF-8 bytes: spans are no shorter in bytes than
in characters.  Every step is linear in the input; past ``cap`` suspects the answer is None
(tokenize everything: cheaper than reading that many tags one by one).
"""

from __future__ import annotations

import struct
from functools import lru_cache
from itertools import accumulate, islice, repeat
from operator import contains, indexOf

__all__ = ["suspects"]

_QUOTES = b"\"'"
_NOT_SKELETON = bytes(c for c in range(256) if c not in b"<>\"'")
_PIECE = 8 * 1024
_PART = 1024 * 1024
_GROUP = 32 * 1024
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
    long = _long_spans(raw, start, stop, limit, room)
    if long is None:
        return False
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
    skeletons = list(map(bytes.translate, pieces, repeat(None), repeat(_NOT_SKELETON)))
    marks = _Marks(room - len(long))
    for piece, paired in enumerate(map(_paired, skeletons)):
        if not paired:
            runs = _unpaired(skeletons[piece], marks.room)
            if runs is None or not all(map(marks.add, repeat(piece), runs)):
                return False
    quoted: list[int] = []
    for piece, ordinals in sorted(marks.by_piece.items()):
        # the offsets of the "<" of the piece up to the last one wanted
        last = max(ordinals)
        before = accumulate(map(len, pieces[piece].split(b"<", last + 1)[: last + 1]))
        quoted.extend(
            cuts[piece] + length + nth for nth, length in enumerate(before) if nth in ordinals
        )
    found.extend(sorted(set(quoted).union(long)) if long else quoted)
    return True


@lru_cache(maxsize=32)
def _blocks(width: int, count: int) -> struct.Struct:
    return struct.Struct(f"{width}s" * count)


def _long_spans(raw: bytes, start: int, stop: int, limit: int, room: int) -> list[int] | None:
    """The offsets of the ``<`` of raw[start:stop] (bounds as for :func:`_part`) followed by
    more than ``2 * limit`` bytes before the next ``>`` (or *stop*), ascending; None past
    *room* of them."""
    reach = 2 * limit
    if stop - start <= reach:
        return []
    width = limit + 1  # a run of reach + 1 bytes without ">" holds a whole block
    per_group = max(1, _GROUP // width)
    whole = (stop - start) // width  # the blocks wholly inside the part
    out: list[int] = []
    done = start  # the runs before this offset have been read
    for first in range(0, whole, per_group):
        group = start + first * width
        blocks = _blocks(width, min(per_group, whole - first)).unpack_from(raw, group)
        holds = map(contains, blocks, repeat(62))  # read once: False for a block without ">"
        read = 0  # how many blocks of the group holds has yielded
        while True:
            # skip the blocks that start before done (inside a run already read)
            skip = -(group - done) // width - read
            if skip > 0:
                next(islice(holds, skip, skip), None)
                read += skip
            try:
                nth = read + indexOf(holds, False)
            except ValueError:
                break
            read = nth + 1
            at = group + nth * width
            # the run without ">" around this block, and its "<" more than reach bytes before
            # its end
            end = raw.find(b">", at + width, stop)
            done = stop if end < 0 else end
            begin = raw.rfind(b">", start, at) + 1 or start
            last = done - reach
            lt = raw.find(b"<", begin, last) if begin < last else -1
            if lt >= 0:
                if len(out) + raw.count(b"<", lt, last) > room:
                    return None
                while lt >= 0:
                    out.append(lt)
                    lt = raw.find(b"<", lt + 1, last)
    return out


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

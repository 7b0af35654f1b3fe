"""The sentence under a Statuspage incident: "This incident affected: Regions (SGP1) and
Services (Spaces)." read into (group, component) pairs."""

from __future__ import annotations

__all__ = ["split_affected"]


def split_affected(sentence: str) -> list[tuple[str | None, str]]:
    """("group", "component") pairs named by "This incident affected: Regions (SGP1) and
    Services (Spaces)." (group None for ungrouped components).

    The sentence is Rails' ``to_sentence``: "A", "A and B", "A, B, and C"; a group is written
    "Group (child, child)".  A name that itself contains " and " is only split when the sentence
    has no commas and exactly one top-level " and " (the two-item form)."""
    _, sep, rest = sentence.partition(":")
    body = (rest if sep else sentence).strip().rstrip(".").strip()
    if not body:
        return []
    pieces = _split_top(body, ",")
    if len(pieces) == 1:
        halves = _split_top(body, " and ")
        pieces = halves if len(halves) == 2 else [body]
    out: list[tuple[str | None, str]] = []
    for piece in pieces:
        item = _strip_and(piece)
        if not item:
            continue
        open_at = _group_paren(item)
        if open_at is None:
            out.append((None, item))
            continue
        group = item[:open_at].strip()
        for child in _split_top(item[open_at + 1 : -1], ","):
            name = _strip_and(child)
            if name:
                out.append((group or None, name))
    return out


def _strip_and(text: str) -> str:
    text = text.strip()
    return text[4:].strip() if text.lower().startswith("and ") else text


def _split_top(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(sep)
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += n
            start = i
            continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _group_paren(item: str) -> int | None:
    """Where the "(children)" of "Group (children)" opens, when the item ends with it."""
    if not item.endswith(")"):
        return None
    depth = 0
    for i in range(len(item) - 1, -1, -1):
        ch = item[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                return i if i > 0 else None
    return None

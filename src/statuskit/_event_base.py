"""The base of the change events: :class:`Change`, its deterministic id, and wording helpers.

See :mod:`statuskit.events` for the events themselves.
"""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import datetime, timedelta, timezone
from typing import ClassVar

import attrs

from .model import Update

__all__ = [
    "ID_VERSION",
    "Change",
    "label",
    "one_line",
    "quote",
    "span",
    "update_key",
    "window",
]

ID_VERSION = "statuskit-change-1"
"""Mixed into every id: bumped only if the id recipe ever has to change."""


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


def _micros(value: datetime) -> str:
    """An instant as whole microseconds since the epoch: the same text whatever its zone."""
    return str((value - _EPOCH) // _MICROSECOND)


def update_key(update: Update) -> str:
    """How an update is named inside an id: the vendor's id, else its time and status."""
    if update.id:
        return update.id
    when = "" if update.created_at is None else _micros(update.created_at)
    return f"{when}|{update.status.value}"


def _field(value: object) -> str:
    """One identifying value as text that cannot be mistaken for another: printable text stands
    for itself; anything else (None, control characters) is marked with a NUL, which printable
    text never holds, and written as JSON."""
    if isinstance(value, enum.Enum):  # before str: the vocabularies are str enums
        return _field(value.value)
    if isinstance(value, str):
        return value if value.isprintable() else "\x00" + json.dumps(value)
    if isinstance(value, datetime):
        return _micros(value)
    if isinstance(value, Update):
        return _field(update_key(value))
    if isinstance(value, tuple):
        return "\x1e".join(_field(v) for v in value)  # fields never hold \x1e
    if value is None:
        return "\x00"
    raise TypeError(f"cannot key {type(value).__name__}")  # pragma: no cover - a class bug


def label(name: str, group: str | None) -> str:
    return f"{name} ({group})" if group else name


def quote(title: str) -> str:
    return f"\u201c{title}\u201d"


def span(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins} min")
    return " ".join(parts)


def window(start: datetime | None, end: datetime | None) -> str:
    """A maintenance window as text, in UTC: "2026-03-14 09:00 to 11:00 UTC" (the end's date only
    when it is another day), "2026-03-14 09:00 UTC", "until 2026-03-14 11:00 UTC"."""
    if start is None:
        return "an unknown time" if end is None else f"until {end:%Y-%m-%d %H:%M} UTC"
    text = f"{start:%Y-%m-%d %H:%M}"
    if end is not None:
        same_day = end.date() == start.date()
        text += f" to {end:{'%H:%M' if same_day else '%Y-%m-%d %H:%M'}}"
    return text + " UTC"


def one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


@attrs.frozen(kw_only=True)
class Change:
    """What every change event has: a deterministic ``id``, when (``at``) and which page."""

    _identity: ClassVar[tuple[str, ...]] = ("at",)
    _rank: ClassVar[int] = 99

    id: str = attrs.field(init=False, default="")
    """Deterministic: a digest of the type, the page and the identifying fields (see above)."""
    at: datetime
    """When it happened, aware UTC: the vendor's time when it says so, else the reading's."""
    page: str | None = None
    """The page: its address, else its vendor id, else its name."""

    def __attrs_post_init__(self) -> None:
        fields = [ID_VERSION, type(self).__name__, _field(self.page or "")]
        fields.extend(_field(getattr(self, name)) for name in self._identity)
        blob = "\x1f".join(fields).encode("utf-8", "surrogatepass")
        object.__setattr__(self, "id", hashlib.sha256(blob).hexdigest()[:32])

    @property
    def type(self) -> str:
        """The event's type name ("ComponentStatusChanged"), as the JSON envelope writes it."""
        return type(self).__name__

    @property
    def subject(self) -> str:
        """The vendor id of what changed (component or incident), "" for the page itself."""
        return ""

    def describe(self, when: str | None = None) -> str:
        """One readable sentence; with *when* (text such as "07:26 UTC"), the time is put where
        it reads well: "Session management went from Degraded performance to Operational at
        07:26 UTC"."""
        head, tail = self._sentence()
        return f"{head} at {when}{tail}" if when else head + tail

    def _sentence(self) -> tuple[str, str]:
        """The sentence, split where " at <time>" goes."""
        return f"{self.type} on {self.page or 'the page'}", ""  # pragma: no cover - overridden

"""The contract every adapter keeps, built-in or third-party.

An adapter is any object with a ``name`` ("<platform>.<format>"), a ``platform``, a cheap
``sniff`` and a pure ``parse``::

    class MyAdapter:
        name = "acme.json"
        platform = "acme"

        def sniff(self, source: Source) -> Sniff | None:
            # look at source.head (the first few KB as text), source.url, source.content_type
            return Sniff(0.9, "top-level key 'acme_status'") if '"acme_status"' in source.head else None

        def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
            data = source.json(ctx)
            ...

``sniff`` must never raise and must not read the whole input; ``parse`` takes bytes to models
without I/O and reports problems through *ctx* (``ctx.warn`` / ``ctx.fail``).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import attrs

from .._source import Source
from ..limits import ParseContext
from ..model import Snapshot

__all__ = ["Adapter", "ParseContext", "Sniff", "Source"]


@attrs.frozen
class Sniff:
    """An adapter's claim on an input."""

    confidence: float
    """0 (no idea) to 1 (certain)."""
    evidence: str
    """What in the input made the adapter think so."""
    platform: str | None = None
    """The platform, when it differs from the adapter's default."""


@runtime_checkable
class Adapter(Protocol):
    """What the registry needs from an adapter."""

    name: str
    """Registry key, "<platform>.<format>" ("statuspage.json")."""
    platform: str
    """The product behind the pages this adapter reads ("statuspage")."""

    def sniff(self, source: Source) -> Sniff | None:
        """A cheap guess whether *source* is this adapter's format; never raises."""
        ...

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        """Read *source* into a Snapshot; report problems through *ctx*."""
        ...

"""Adapters by name, and detection of which one reads an input.

Built-in adapters are listed here as lazy ``"module:attribute"`` strings; third-party adapters
come from the entry-point group ``statuskit.adapters`` (each entry point names an adapter object,
an adapter class, or a zero-argument factory).  Both are imported on first use only.  A plugin
that fails to import or does not keep the contract is logged and skipped: never fatal.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Mapping
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import Any

import attrs

from ._source import Source
from .adapters.base import Adapter, Sniff
from .errors import UnknownAdapterError, UnknownFormatError

__all__ = [
    "ENTRY_POINT_GROUP",
    "Detection",
    "adapters",
    "detect_source",
    "get_adapter",
    "register_adapter",
]

log = logging.getLogger("statuskit")

ENTRY_POINT_GROUP = "statuskit.adapters"
MIN_CONFIDENCE = 0.3
"""Below this, detection gives up with UnknownFormatError."""

_BUILTINS: dict[str, str] = {
    "statuspage.json": "statuskit.adapters.statuspage:StatuspageJSON",
    "incidentio.json": "statuskit.adapters.incidentio:IncidentioJSON",
    "instatus.json": "statuskit.adapters.instatus:InstatusJSON",
    "instatus.html": "statuskit.adapters.instatus:InstatusHTML",
    "incidentio.html": "statuskit.adapters.incidentio:IncidentioHTML",
    "betterstack.json": "statuskit.adapters.betterstack:BetterStackJSON",
    "gcp.json": "statuskit.adapters.gcp:GcpJSON",
    "gcp.html": "statuskit.adapters.gcp:GcpHTML",
    "aws.json": "statuskit.adapters.aws_health:AwsHealthJSON",
    "azure.html": "statuskit.adapters.azure_status:AzureStatusHTML",
    "slack.json": "statuskit.adapters.slack:SlackJSON",
    "statusio.json": "statuskit.adapters.statusio:StatusioJSON",
    "cachet.json": "statuskit.adapters.cachet:CachetJSON",
    "uptimekuma.json": "statuskit.adapters.uptimekuma:UptimeKumaJSON",
    "gatus.json": "statuskit.adapters.gatus:GatusJSON",
    "heroku.json": "statuskit.adapters.heroku:HerokuJSON",
    "openstatus.json": "statuskit.adapters.openstatus:OpenStatusJSON",
    "statuspage.html": "statuskit.adapters.statuspage_html:StatuspageHTML",
    "feed": "statuskit.adapters.feeds:FeedAdapter",
    "statuspage.feed": "statuskit.adapters.feeds:StatuspageFeed",
    "incidentio.feed": "statuskit.adapters.feeds:IncidentioFeed",
    "aws.feed": "statuskit.adapters.feeds:AWSFeed",
    "azure.feed": "statuskit.adapters.feeds:AzureFeed",
    "gcp.feed": "statuskit.adapters.feeds:GCPFeed",
    "slack.feed": "statuskit.adapters.feeds:SlackFeed",
    "instatus.feed": "statuskit.adapters.feeds:InstatusFeed",
    "betterstack.feed": "statuskit.adapters.feeds:BetterStackFeed",
}

_lock = threading.RLock()
_loaded: dict[str, Adapter] = {}
_pending: dict[str, str] = dict(_BUILTINS)
_entry_points_done = False


@attrs.frozen
class Detection:
    """Which adapter reads an input, and why."""

    adapter: str
    """The adapter's registry name ("statuspage.json")."""
    platform: str
    """The platform the input comes from ("incidentio")."""
    confidence: float
    """0 to 1."""
    evidence: str
    """What decided it."""
    candidates: tuple[tuple[str, float], ...] = ()
    """Every adapter that claimed the input, best first, with its confidence."""


def _instantiate(obj: Any) -> Any:
    if isinstance(obj, type):
        return obj()
    if not isinstance(obj, Adapter) and callable(obj):
        return obj()
    return obj


def _check(obj: Any, where: str) -> Adapter:
    if not isinstance(obj, Adapter):
        raise TypeError(f"{where} is not a statuskit adapter (needs name, platform, sniff, parse)")
    if not isinstance(obj.name, str) or not obj.name:
        raise TypeError(f"{where} has no name")
    return obj


def _load_spec(spec: str) -> Adapter:
    module, _, attr = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return _check(_instantiate(obj), spec)


def _load_entry_points() -> None:
    global _entry_points_done
    if _entry_points_done:
        return
    _entry_points_done = True
    try:
        eps = entry_points(group=ENTRY_POINT_GROUP)
    except Exception:
        log.exception("statuskit: cannot list entry points of %s", ENTRY_POINT_GROUP)
        return
    for ep in eps:
        if ep.name in _loaded or ep.name in _pending:
            if ep.value not in (_BUILTINS.get(ep.name),):
                log.warning(
                    "statuskit: plugin %s (%s) clashes with a registered adapter; skipped",
                    ep.name,
                    ep.value,
                )
            continue
        _pending[ep.name] = ep.value


def _resolve_all() -> None:
    with _lock:
        _load_entry_points()
        for name in list(_pending):
            spec = _pending.pop(name)
            try:
                adapter = _load_spec(spec)
            except Exception:
                if name in _BUILTINS:
                    raise
                log.exception(
                    "statuskit: adapter plugin %s (%s) failed to load; skipped", name, spec
                )
                continue
            _loaded[name] = adapter


def register_adapter(
    adapter: Adapter | str, *, name: str | None = None, clobber: bool = False
) -> None:
    """Register *adapter* (an object keeping the :class:`Adapter` contract, or a lazy
    ``"module:attribute"`` string with *name*) under its name.

    Raises ValueError when the name is taken, unless *clobber*; TypeError when *adapter* does
    not keep the contract.
    """
    with _lock:
        _load_entry_points()
        if isinstance(adapter, str):
            if not name:
                raise TypeError("a lazy adapter spec needs name=")
            key = name
        else:
            _check(adapter, repr(adapter))
            key = name or adapter.name
        if not clobber and (key in _loaded or key in _pending):
            raise ValueError(f"an adapter named {key!r} is already registered")
        _loaded.pop(key, None)
        _pending.pop(key, None)
        if isinstance(adapter, str):
            _pending[key] = adapter
        else:
            _loaded[key] = adapter


def unregister_adapter(name: str) -> None:
    """Remove the adapter registered as *name* (for tests and plugin authors)."""
    with _lock:
        _load_entry_points()
        if _loaded.pop(name, None) is None and _pending.pop(name, None) is None:
            raise UnknownAdapterError(f"no adapter named {name!r}")


def adapters() -> Mapping[str, Adapter]:
    """Every registered adapter by name (a read-only view, built-ins first)."""
    _resolve_all()
    return MappingProxyType(dict(_loaded))


def get_adapter(name: str) -> Adapter:
    """The adapter registered as *name*; :class:`UnknownAdapterError` when there is none."""
    with _lock:
        if name in _loaded:
            return _loaded[name]
    registry = adapters()
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise UnknownAdapterError(f"no adapter named {name!r} (known: {known})") from None


def detect_source(source: Source) -> Detection:
    """Ask every adapter's ``sniff`` about *source*; the most confident claim wins (the first
    registered on a tie).  :class:`UnknownFormatError` when none is confident enough."""
    claims: list[tuple[float, int, str, Adapter, Sniff]] = []
    with _lock:  # everything loaded already (the usual case): no read-only copy to build
        loaded = list(_loaded.items()) if _entry_points_done and not _pending else None
    for order, (name, adapter) in enumerate(loaded or adapters().items()):
        try:
            sniff = adapter.sniff(source)
        except Exception:
            log.exception("statuskit: adapter %s raised in sniff; ignored", name)
            continue
        if sniff is not None and sniff.confidence > 0:
            claims.append((sniff.confidence, -order, name, adapter, sniff))
    claims.sort(key=lambda c: (c[0], c[1]), reverse=True)
    candidates = tuple((c[2], round(c[0], 3)) for c in claims)
    if not claims or claims[0][0] < MIN_CONFIDENCE:
        hint = f"; weak guesses: {candidates}" if candidates else ""
        raise UnknownFormatError(
            f"no adapter recognises this input{hint} (first bytes: {_preview(source)!r})"
        )
    confidence, _, name, adapter, sniff = claims[0]
    return Detection(
        adapter=name,
        platform=sniff.platform or adapter.platform,
        confidence=round(min(confidence, 1.0), 3),
        evidence=sniff.evidence,
        candidates=candidates,
    )


def _preview(source: Source) -> str:
    return " ".join(source.head[:60].split())

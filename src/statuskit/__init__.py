"""statuskit: read any public status page into one typed model.

    >>> import statuskit
    >>> snap = statuskit.parse(body)            # bytes of summary.json, history.atom, ...
    >>> snap.overall, [c.name for c in snap.components if c.status.is_outage]

See ``docs/`` for the model, the adapters and how to add one.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import check_reading, detect, parse
from ._source import Source
from .adapters.base import Adapter, Sniff
from .errors import (
    InputLimitError,
    ParseError,
    StatuskitError,
    SuspiciousReadingError,
    UnknownAdapterError,
    UnknownFormatError,
)
from .limits import Limits, ParseContext
from .model import (
    Component,
    ComponentChange,
    ComponentRef,
    Coverage,
    Incident,
    Page,
    Scope,
    Snapshot,
    Transition,
    Update,
)
from .registry import Detection, adapters, register_adapter, unregister_adapter
from .serialize import dumps, loads
from .status import ComponentStatus, Impact, IncidentKind, IncidentStatus

try:
    __version__ = version("statuskit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

__all__ = [
    "Adapter",
    "Component",
    "ComponentChange",
    "ComponentRef",
    "ComponentStatus",
    "Coverage",
    "Detection",
    "Impact",
    "Incident",
    "IncidentKind",
    "IncidentStatus",
    "InputLimitError",
    "Limits",
    "Page",
    "ParseContext",
    "ParseError",
    "Scope",
    "Snapshot",
    "Sniff",
    "Source",
    "StatuskitError",
    "SuspiciousReadingError",
    "Transition",
    "UnknownAdapterError",
    "UnknownFormatError",
    "Update",
    "__version__",
    "adapters",
    "check_reading",
    "detect",
    "dumps",
    "loads",
    "parse",
    "register_adapter",
    "unregister_adapter",
]

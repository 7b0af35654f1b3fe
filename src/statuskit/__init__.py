"""statuskit: read any public status page into one typed model.

    >>> import statuskit
    >>> snap = statuskit.parse(body)            # bytes of summary.json, history.atom, ...
    >>> snap.overall, [c.name for c in snap.components if c.status.is_outage]
    >>> statuskit.diff(older, snap)              # what changed: typed events, oldest first

See ``docs/`` for the model, the adapters and how to add one.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import check_reading, detect, parse
from ._events_json import dumps_change, loads_change
from ._source import Source
from .adapters.base import Adapter, Sniff
from .diff import diff
from .errors import (
    InputLimitError,
    ParseError,
    StatuskitError,
    SuspiciousReadingError,
    UnknownAdapterError,
    UnknownFormatError,
)
from .events import (
    Change,
    ComponentAdded,
    ComponentMoved,
    ComponentRemoved,
    ComponentRenamed,
    ComponentStatusChanged,
    IncidentImpactChanged,
    IncidentOpened,
    IncidentReopened,
    IncidentResolved,
    IncidentRetitled,
    IncidentUpdated,
    MaintenanceCancelled,
    MaintenanceCompleted,
    MaintenanceRescheduled,
    MaintenanceScheduled,
    MaintenanceStarted,
    OverallStatusChanged,
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
from .timeline import IncidentSpan, Interval, StateTimes, Timeline, timeline

try:
    __version__ = version("statuskit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

__all__ = [
    "Adapter",
    "Change",
    "Component",
    "ComponentAdded",
    "ComponentChange",
    "ComponentMoved",
    "ComponentRef",
    "ComponentRemoved",
    "ComponentRenamed",
    "ComponentStatus",
    "ComponentStatusChanged",
    "Coverage",
    "Detection",
    "Impact",
    "Incident",
    "IncidentImpactChanged",
    "IncidentKind",
    "IncidentOpened",
    "IncidentReopened",
    "IncidentResolved",
    "IncidentRetitled",
    "IncidentSpan",
    "IncidentStatus",
    "IncidentUpdated",
    "InputLimitError",
    "Interval",
    "Limits",
    "MaintenanceCancelled",
    "MaintenanceCompleted",
    "MaintenanceRescheduled",
    "MaintenanceScheduled",
    "MaintenanceStarted",
    "OverallStatusChanged",
    "Page",
    "ParseContext",
    "ParseError",
    "Scope",
    "Snapshot",
    "Sniff",
    "Source",
    "StateTimes",
    "StatuskitError",
    "SuspiciousReadingError",
    "Timeline",
    "Transition",
    "UnknownAdapterError",
    "UnknownFormatError",
    "Update",
    "__version__",
    "adapters",
    "check_reading",
    "detect",
    "diff",
    "dumps",
    "dumps_change",
    "loads",
    "loads_change",
    "parse",
    "register_adapter",
    "timeline",
    "unregister_adapter",
]

"""The exported names are chosen on purpose: this test pins them."""

from __future__ import annotations

import statuskit

EXPECTED = [
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


def test_all_is_pinned() -> None:
    """statuskit.__all__ is exactly the agreed public surface."""
    assert statuskit.__all__ == EXPECTED


def test_all_is_sorted_and_resolvable() -> None:
    """__all__ is sorted and every name in it exists."""
    assert sorted(statuskit.__all__) == statuskit.__all__
    for name in statuskit.__all__:
        assert hasattr(statuskit, name), name


def test_error_tree() -> None:
    """Each error is a StatuskitError and also the matching builtin."""
    assert issubclass(statuskit.ParseError, ValueError)
    assert issubclass(statuskit.InputLimitError, statuskit.ParseError)
    assert issubclass(statuskit.SuspiciousReadingError, statuskit.ParseError)
    assert issubclass(statuskit.UnknownFormatError, ValueError)
    assert issubclass(statuskit.UnknownAdapterError, LookupError)
    for err in (
        statuskit.ParseError,
        statuskit.UnknownFormatError,
        statuskit.UnknownAdapterError,
        statuskit.InputLimitError,
        statuskit.SuspiciousReadingError,
    ):
        assert issubclass(err, statuskit.StatuskitError)


CUSTOM = [
    "COMPONENT_WORDS",
    "IMPACT_WORDS",
    "INCIDENT_WORDS",
    "KIND_WORDS",
    "Field",
    "HTMLSpec",
    "Rows",
    "SpecAdapter",
    "SpecError",
    "load_spec",
    "normalize_word",
    "register_spec",
    "spec_adapter",
]

TESTING = [
    "FOREIGN_INPUTS",
    "AdapterContractSuite",
    "GoldenCase",
    "check_adapter_contract",
    "check_golden",
    "check_snapshot",
    "golden_cases",
    "golden_text",
    "load_fixture",
    "parse_fixture",
    "regenerate",
    "registered",
]


def test_custom_surface_is_pinned() -> None:
    """statuskit.custom exports exactly the spec API (kept out of the top level so that
    ``import statuskit`` does not import BeautifulSoup)."""
    import statuskit.custom

    assert statuskit.custom.__all__ == CUSTOM
    for name in CUSTOM:
        assert hasattr(statuskit.custom, name), name
    assert issubclass(statuskit.custom.SpecError, statuskit.StatuskitError)
    assert issubclass(statuskit.custom.SpecError, ValueError)


def test_testing_surface_is_pinned() -> None:
    """statuskit.testing exports exactly what plugin authors reuse."""
    import statuskit.testing

    assert statuskit.testing.__all__ == TESTING
    for name in TESTING:
        assert hasattr(statuskit.testing, name), name

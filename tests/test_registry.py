"""The registry: built-ins, registration rules, plugins by entry point, and detection."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from importlib.metadata import EntryPoint

import pytest

import statuskit
from statuskit import Page, ParseContext, Snapshot, Sniff, Source, registry


class Echo:
    """A minimal adapter claiming inputs that start with ECHO."""

    name = "echo.text"
    platform = "echo"

    def sniff(self, source: Source) -> Sniff | None:
        return Sniff(0.99, "starts with ECHO") if source.head.startswith("ECHO") else None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        if "boom" in source.text(ctx):
            raise KeyError("boom")  # an adapter bug: must come out as a ParseError
        return Snapshot(
            page=Page(name=source.text(ctx)[5:]),
            platform="echo",
            adapter=self.name,
            indicator=statuskit.ComponentStatus.OPERATIONAL,
        )


@pytest.fixture
def echo() -> Iterator[Echo]:
    adapter = Echo()
    statuskit.register_adapter(adapter)
    yield adapter
    statuskit.unregister_adapter(adapter.name)


def test_builtins_are_registered() -> None:
    """The built-in adapters are there, read-only to readers."""
    found = statuskit.adapters()
    assert {"statuspage.json", "incidentio.json"} <= set(found)
    with pytest.raises(TypeError):
        found["x"] = Echo()  # type: ignore[index]


def test_registered_adapter_is_detected_and_used(echo: Echo) -> None:
    """A registered adapter takes part in detection and parsing."""
    assert statuskit.detect(b"ECHO hello").adapter == "echo.text"
    assert statuskit.parse(b"ECHO hello").page.name == "hello"


def test_names_do_not_clobber_unless_asked(echo: Echo) -> None:
    """Registering a taken name is a ValueError unless clobber=True."""
    with pytest.raises(ValueError, match="already registered"):
        statuskit.register_adapter(Echo())
    statuskit.register_adapter(Echo(), clobber=True)


def test_objects_that_break_the_contract_are_refused() -> None:
    """register_adapter checks the Protocol."""
    with pytest.raises(TypeError):
        statuskit.register_adapter(object())  # type: ignore[arg-type]


def test_adapter_bugs_become_parse_errors(echo: Echo) -> None:
    """Anything but a StatuskitError escaping parse is wrapped, naming the adapter."""
    with pytest.raises(statuskit.ParseError) as info:
        statuskit.parse(b"ECHO boom")
    assert info.value.adapter == "echo.text"
    assert isinstance(info.value.__cause__, KeyError)


def test_unknown_provider_and_unknown_format() -> None:
    """A bad provider name and an unrecognised input have their own errors."""
    with pytest.raises(statuskit.UnknownAdapterError, match="no adapter named"):
        statuskit.parse(b"{}", provider="nope.json")
    with pytest.raises(statuskit.UnknownFormatError):
        statuskit.parse(b"hello, world")


def test_broken_plugin_is_logged_and_skipped(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An entry point that fails to import is logged and skipped; the rest still works."""
    broken = EntryPoint(
        "broken.json", "statuskit_no_such_module:Adapter", registry.ENTRY_POINT_GROUP
    )
    good = EntryPoint("echo.text", "tests.test_registry:Echo", registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [broken, good])
    monkeypatch.setattr(registry, "_entry_points_done", False)
    monkeypatch.setattr(registry, "_pending", dict(registry._pending))
    monkeypatch.setattr(registry, "_loaded", dict(registry._loaded))
    with caplog.at_level(logging.ERROR, logger="statuskit"):
        found = statuskit.adapters()
    assert "echo.text" in found
    assert "broken.json" not in found
    assert "broken.json" in caplog.text


def test_detection_reports_candidates() -> None:
    """detect() lists every claim, best first."""
    body = b'{"page": {"id": "abcdefghijkl", "name": "x"}, "components": [], "status": {"indicator": "none"}}'
    det = statuskit.detect(body)
    assert det.adapter == "statuspage.json"
    assert det.candidates[0][0] == "statuspage.json"
    assert [c[1] for c in det.candidates] == sorted((c[1] for c in det.candidates), reverse=True)


def test_errors_pickle() -> None:
    """Errors keep their context across pickling (process pools)."""
    import pickle

    err = statuskit.InputLimitError(
        "too deep", limit="max_depth", adapter="a.json", path="$.x", excerpt="[[["
    )
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), str(again), again.limit, again.path) == (
        statuskit.InputLimitError,
        str(err),
        "max_depth",
        "$.x",
    )

"""The contract every registered adapter keeps (see statuskit.testing)."""

from __future__ import annotations

import pytest

import statuskit
from statuskit.testing import check_adapter_contract, golden_cases

from .conftest import FIXTURES

ALL = list(golden_cases(FIXTURES))
FOREIGN_EXTRA = [
    b"",
    b"{}",
    b"[]",
    b"null",
    b"<html></html>",
    b"<?xml version='1.0'?><feed/>",
    b"\xff\xfe\x00",
    "\u2603 snow".encode(),
    b"{" * 5000,
    b"<a>" * 5000,
    bytes(range(256)),
]


@pytest.mark.parametrize("name", sorted(statuskit.adapters()))
def test_adapter_contract(name: str) -> None:
    """sniff never raises on foreign input; parse gives a valid, JSON-round-tripping Snapshot."""
    adapter = statuskit.adapters()[name]
    own = [c.path.read_bytes() for c in ALL if c.adapter == name]
    foreign = [c.path.read_bytes() for c in ALL if c.adapter != name] + FOREIGN_EXTRA
    check_adapter_contract(adapter, own, foreign)


@pytest.mark.parametrize("name", sorted(statuskit.adapters()))
def test_adapter_has_fixtures(name: str) -> None:
    """Every built-in adapter has golden fixtures of its own."""
    assert any(c.adapter == name for c in ALL), f"no fixtures under tests/fixtures/{name}/"


@pytest.mark.parametrize("name", sorted(statuskit.adapters()))
def test_adapter_names_its_platform(name: str) -> None:
    """Adapter names are "<platform>.<format>" (or a bare format such as "feed")."""
    adapter = statuskit.adapters()[name]
    assert adapter.name == name
    assert name.split(".", maxsplit=1)[0] == adapter.platform or "." not in name

"""statuskit.testing as plugin authors use it: the contract suite, fixtures, golden files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import statuskit
from statuskit.adapters.statuspage_html import StatuspageHTML
from statuskit.custom import spec_adapter
from statuskit.testing import (
    AdapterContractSuite,
    golden_cases,
    parse_fixture,
    regenerate,
    registered,
)

from .conftest import FIXTURES

SPECS = Path(__file__).resolve().parent / "fixtures_custom"
HAS_TOML = bool(__import__("importlib").util.find_spec("tomllib")) or bool(
    __import__("importlib").util.find_spec("tomli")
)


class TestStatuspageHTMLContract(AdapterContractSuite):
    """The suite a plugin author subclasses, run here over a built-in adapter."""

    adapter = StatuspageHTML()
    fixtures = FIXTURES


@pytest.mark.skipif(not HAS_TOML, reason="TOML specs need 3.11 or tomli")
class TestSpecAdapterContract(AdapterContractSuite):
    """The same suite over an adapter built from a spec, registered only while it runs."""

    adapter = spec_adapter(SPECS / "outagedesk.html.toml") if HAS_TOML else StatuspageHTML()
    fixtures = SPECS


def test_registered_lends_a_name_and_gives_it_back() -> None:
    """registered() puts an adapter under its name for a block, then restores the registry."""
    before = statuskit.adapters()["statuspage.html"]
    stand_in = StatuspageHTML()
    with registered(stand_in):
        assert statuskit.adapters()["statuspage.html"] is stand_in
    assert statuskit.adapters()["statuspage.html"] is before
    with pytest.raises(ValueError, match="already registered"), registered(stand_in, clobber=False):
        pass


def test_parse_fixture_uses_the_args_file() -> None:
    """parse_fixture reads a fixture with the keyword arguments of its .args.json."""
    case = next(c for c in golden_cases(FIXTURES) if c.kwargs)
    snap = parse_fixture(case.path)
    assert snap.adapter == case.adapter


def test_regenerate_writes_every_expected_file(tmp_path: Path) -> None:
    """regenerate() rewrites the expected file of each case under a folder."""
    src = FIXTURES / "statuspage.html"
    dst = tmp_path / "statuspage.html"
    dst.mkdir()
    for path in src.glob("incident-*.html"):
        shutil.copy(path, dst / path.name)
    written = regenerate(tmp_path)
    assert sorted(p.name for p in written) == [
        "incident-maintenance.expected.json",
        "incident-page.expected.json",
    ]
    for path in written:
        assert path.read_text() == (src / path.name).read_text()

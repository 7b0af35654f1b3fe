"""What adapter authors reuse: golden files, snapshot checks and the adapter contract.

Golden files: a fixture ``<dir>/<adapter>/<case>.<ext>`` is parsed and compared with
``<case>.expected.json`` beside it (the snapshot as :func:`golden_text` writes it: no vendor
records, indented, stable).  An optional ``<case>.args.json`` holds keyword arguments for
:func:`statuskit.parse` (``url``, ``content_type``, ``strict``...).  Set ``STATUSKIT_REGEN=1`` (or
call :func:`check_golden` with ``regen=True``) to rewrite the expected files on purpose, then
review the diff.

The contract every adapter keeps is :func:`check_adapter_contract`: ``sniff`` never raises on
foreign input, ``parse`` returns a valid Snapshot (:func:`check_snapshot`) for the adapter's own
fixtures, and the result round-trips through :func:`statuskit.dumps` / :func:`statuskit.loads`.

Plugin authors get all of it in one line of pytest by subclassing :class:`AdapterContractSuite`
(see ``docs/extending.md``); :func:`registered` lends an adapter to the registry for the length
of a test, :func:`parse_fixture` reads one fixture the way the golden check does, and
:func:`regenerate` rewrites every expected file under a folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import attrs

from ._api import parse
from ._source import Source
from .adapters.base import Adapter
from .errors import StatuskitError
from .model import Incident, Snapshot
from .registry import adapters, register_adapter, unregister_adapter
from .serialize import dumps, loads

__all__ = [
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

FOREIGN_INPUTS: tuple[bytes, ...] = (
    b"",
    b"{}",
    b"[]",
    b"null",
    b"<html></html>",
    b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>",
    b"<?xml version='1.0'?><feed/>",
    b'{"page": {"id": "x"}, "components": 1}',
    b"\xff\xfe\x00",
    b"\xef\xbb\xbf<html>\xff</html>",
    "\u2603 snow".encode(),
    b"{" * 5000,
    b"<a>" * 5000,
    b"<div>" * 3000 + b"data-component-status=" + b"</div>" * 3000,
    bytes(range(256)),
)
"""Bodies no adapter reads: every ``sniff`` must survive them (and decline most)."""

_SIDECARS = (".expected.json", ".args.json")


@attrs.frozen
class GoldenCase:
    """One fixture file and what to check it against."""

    path: Path
    adapter: str
    """The folder name: the adapter expected to read the file."""
    expected: Path
    kwargs: dict[str, Any] = attrs.field(factory=dict, hash=False)

    @property
    def id(self) -> str:
        return f"{self.adapter}/{self.path.name}"


def golden_cases(root: str | Path) -> Iterator[GoldenCase]:
    """Every fixture under ``root/<adapter>/`` (sidecar files excluded), sorted."""
    base = Path(root)
    for path in sorted(base.glob("*/*")):
        if not path.is_file() or path.name.endswith(_SIDECARS) or path.name.startswith("."):
            continue
        yield GoldenCase(path, path.parent.name, *_sidecars(path))


def _sidecars(path: Path) -> tuple[Path, dict[str, Any]]:
    stem = path.name.rsplit(".", 1)[0] if "." in path.name else path.name
    expected = path.with_name(stem + ".expected.json")
    args = path.with_name(stem + ".args.json")
    kwargs = json.loads(args.read_text("utf-8")) if args.exists() else {}
    return expected, kwargs


def load_fixture(path: str | Path) -> tuple[bytes, dict[str, Any]]:
    """The bytes of a fixture and the parse keyword arguments of its ``.args.json``."""
    p = Path(path)
    return p.read_bytes(), _sidecars(p)[1]


def parse_fixture(path: str | Path) -> Snapshot:
    """The snapshot of one fixture, parsed with the keyword arguments of its ``.args.json``."""
    data, kwargs = load_fixture(path)
    return parse(data, **kwargs)


def regenerate(root: str | Path) -> list[Path]:
    """Rewrite the expected file of every case under *root* from the current code; returns
    the files written.  Review the diff before committing it."""
    written = []
    for case in golden_cases(root):
        check_golden(case, regen=True)
        written.append(case.expected)
    return written


def golden_text(snap: Snapshot) -> str:
    """The text a golden file holds for *snap*: stable, readable, vendor records left out."""
    return dumps(snap, indent=2, raw=False) + "\n"


def check_golden(case: GoldenCase, *, regen: bool | None = None) -> Snapshot:
    """Parse *case* and compare with its expected file (or rewrite it when regenerating).

    Raises AssertionError with a readable difference when they differ.
    """
    if regen is None:
        regen = os.environ.get("STATUSKIT_REGEN") == "1"
    snap = parse_fixture(case.path)
    if snap.adapter != case.adapter:
        raise AssertionError(f"{case.id}: read by {snap.adapter}, expected {case.adapter}")
    problems = check_snapshot(snap)
    if problems:
        raise AssertionError(f"{case.id}: invalid snapshot: " + "; ".join(problems[:5]))
    actual = golden_text(snap)
    if regen or not case.expected.exists():
        if not regen:
            raise AssertionError(
                f"{case.id}: no {case.expected.name}; run with STATUSKIT_REGEN=1 to write it"
            )
        case.expected.write_text(actual, "utf-8")
        return snap
    expected = case.expected.read_text("utf-8")
    if expected != actual:
        raise AssertionError(_explain(case, json.loads(expected), json.loads(actual)))
    return snap


def _explain(case: GoldenCase, want: Any, got: Any, path: str = "$") -> str:
    first = _first_difference(want, got, path)
    return f"{case.id} differs from {case.expected.name} at {first}"


def _first_difference(want: Any, got: Any, path: str) -> str:
    if isinstance(want, dict) and isinstance(got, dict):
        for key in list(want) + [k for k in got if k not in want]:
            if want.get(key, ...) != got.get(key, ...):
                return _first_difference(want.get(key), got.get(key), f"{path}.{key}")
    elif isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            return f"{path}: expected {len(want)} items, got {len(got)}"
        for i, (a, b) in enumerate(zip(want, got, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{path}[{i}]")
    return f"{path}: expected {json.dumps(want)[:200]}, got {json.dumps(got)[:200]}"


# -- snapshot validity ----------------------------------------------------------------------


def _datetimes(obj: Any, path: str) -> Iterator[tuple[str, datetime]]:
    if isinstance(obj, datetime):
        yield path, obj
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):
            if f.name != "raw":
                yield from _datetimes(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, tuple):
        for i, v in enumerate(obj):
            yield from _datetimes(v, f"{path}[{i}]")


def check_snapshot(snap: Snapshot) -> list[str]:
    """Problems that make *snap* invalid (an empty list when it is fine): every datetime aware
    UTC, updates oldest first, ids unique, resolved incidents with sane times, values of the
    declared types."""
    problems: list[str] = []
    for path, dt in _datetimes(snap, "$"):
        if dt.tzinfo is None or dt.utcoffset() != timedelta(0):
            problems.append(f"{path}: not aware UTC ({dt!r})")
    seen: set[str] = set()
    for i, c in enumerate(snap.components):
        if c.id in seen:
            problems.append(f"$.components[{i}]: duplicate id {c.id!r}")
        seen.add(c.id)
    for i, inc in enumerate(snap.incidents):
        problems.extend(_check_incident(inc, f"$.incidents[{i}]"))
    if not isinstance(snap.warnings, tuple) or not all(isinstance(w, str) for w in snap.warnings):
        problems.append("$.warnings: not a tuple of str")
    for url in [snap.page.url, *(i.url for i in snap.incidents)]:
        if url is not None and not url.lower().startswith(("http://", "https://")):
            problems.append(f"non-http URL {url!r}")
    return problems


def _check_incident(inc: Incident, path: str) -> Iterable[str]:
    times = [u.created_at for u in inc.updates]
    if all(t is not None for t in times) and times != sorted(times):  # type: ignore[type-var]
        yield f"{path}.updates: not oldest first"
    if inc.resolved_at is not None and not inc.is_resolved:
        yield f"{path}: resolved_at set on an open incident"
    if inc.is_resolved and inc.duration is not None and inc.duration < timedelta(0):
        yield f"{path}: negative duration"
    if inc.id == "":
        yield f"{path}.id: empty"


# -- the adapter contract -------------------------------------------------------------------


@contextlib.contextmanager
def registered(adapter: Adapter, *, clobber: bool = True) -> Iterator[Adapter]:
    """Register *adapter* for the length of a ``with`` block (an adapter under test need not be
    installed as a plugin); whatever was registered under its name before comes back after.
    With ``clobber=False`` a different adapter already holding the name is a ValueError."""
    current = adapters().get(adapter.name)
    if current is adapter:
        yield adapter
        return
    if current is not None and not clobber:
        raise ValueError(f"an adapter named {adapter.name!r} is already registered")
    register_adapter(adapter, clobber=True)
    try:
        yield adapter
    finally:
        unregister_adapter(adapter.name)
        if current is not None:
            register_adapter(current)


def check_adapter_contract(
    adapter: Adapter,
    own: Iterable[bytes],
    foreign: Iterable[bytes] = (),
) -> None:
    """Assert the contract for *adapter*: ``sniff`` never raises (on its own inputs and on
    *foreign* ones), ``parse`` of each of *own* returns a valid Snapshot or raises a
    StatuskitError, and every Snapshot round-trips through JSON.  The adapter is registered for
    the check if it is not already."""
    for data in foreign:
        adapter.sniff(Source(data))  # must not raise
    with registered(adapter):
        for data in own:
            source = Source(data)
            sniff = adapter.sniff(source)
            assert sniff is None or 0 <= sniff.confidence <= 1, f"{adapter.name}: bad confidence"
            try:
                snap = parse(data, provider=adapter.name)
            except StatuskitError:
                continue
            problems = check_snapshot(snap)
            assert not problems, f"{adapter.name}: " + "; ".join(problems[:5])
            assert loads(dumps(snap)) == snap, f"{adapter.name}: JSON round trip lost something"


class AdapterContractSuite:
    """The contract suite, ready for pytest: subclass it in a test module under a name starting
    with ``Test`` and set :attr:`adapter` and :attr:`fixtures`::

        from statuskit.testing import AdapterContractSuite

        class TestAcme(AdapterContractSuite):
            adapter = AcmeJSON()
            fixtures = Path(__file__).parent / "fixtures"     # fixtures/acme.json/<case>.json

    Every fixture under ``fixtures/<adapter.name>/`` must parse to its ``.expected.json`` (set
    ``STATUSKIT_REGEN=1`` to write them), keep the contract of :func:`check_adapter_contract`,
    and be claimed by the adapter's own ``sniff``; :data:`FOREIGN_INPUTS` and :attr:`foreign`
    must not make ``sniff`` raise.  The adapter is registered only while each test runs.
    """

    adapter: Adapter
    """The adapter under test (an instance)."""
    fixtures: str | Path | None = None
    """The folder holding ``<adapter.name>/<case>.<ext>`` fixtures."""
    foreign: tuple[bytes, ...] = ()
    """More inputs of other formats ``sniff`` must survive."""

    def _cases(self) -> list[GoldenCase]:
        if self.fixtures is None:
            return []
        return [c for c in golden_cases(self.fixtures) if c.adapter == self.adapter.name]

    def test_adapter_names_its_platform(self) -> None:
        """The adapter is named "<platform>.<format>" (or a bare format) and has a platform."""
        name, platform = self.adapter.name, self.adapter.platform
        assert isinstance(platform, str) and platform, "the adapter has no platform"
        assert "." not in name or name.split(".", 1)[0] == platform, (name, platform)

    def test_adapter_has_fixtures(self) -> None:
        """There is at least one fixture of the adapter's own format."""
        assert self._cases(), f"no fixtures under {self.fixtures}/{self.adapter.name}/"

    def test_sniff_never_raises_on_foreign_input(self) -> None:
        """sniff declines (or weakly claims) foreign bodies and never raises on them."""
        for data in (*FOREIGN_INPUTS, *self.foreign):
            sniff = self.adapter.sniff(Source(data))
            assert sniff is None or 0 <= sniff.confidence <= 1

    def test_sniff_claims_own_fixtures(self) -> None:
        """Detection picks the adapter for each of its fixtures (unless the fixture names a
        provider in its args file)."""
        with registered(self.adapter):
            for case in self._cases():
                if "provider" in case.kwargs:
                    continue
                data, kwargs = load_fixture(case.path)
                source = Source(data, kwargs.get("url"), kwargs.get("content_type"))
                sniff = self.adapter.sniff(source)
                assert sniff is not None, f"{case.id}: sniff declined its own fixture"

    def test_parse_keeps_the_contract(self) -> None:
        """parse gives valid snapshots that survive the JSON round trip."""
        own = [c.path.read_bytes() for c in self._cases()]
        check_adapter_contract(self.adapter, own, (*FOREIGN_INPUTS, *self.foreign))

    def test_golden_files(self) -> None:
        """Each fixture parses to its expected file."""
        with registered(self.adapter):
            for case in self._cases():
                check_golden(case)

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
"""

from __future__ import annotations

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
from .serialize import dumps, loads

__all__ = [
    "GoldenCase",
    "check_adapter_contract",
    "check_golden",
    "check_snapshot",
    "golden_cases",
    "golden_text",
    "load_fixture",
]

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


def golden_text(snap: Snapshot) -> str:
    """The text a golden file holds for *snap*: stable, readable, vendor records left out."""
    return dumps(snap, indent=2, raw=False) + "\n"


def check_golden(case: GoldenCase, *, regen: bool | None = None) -> Snapshot:
    """Parse *case* and compare with its expected file (or rewrite it when regenerating).

    Raises AssertionError with a readable difference when they differ.
    """
    if regen is None:
        regen = os.environ.get("STATUSKIT_REGEN") == "1"
    data, kwargs = load_fixture(case.path)
    snap = parse(data, **kwargs)
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


def check_adapter_contract(
    adapter: Adapter,
    own: Iterable[bytes],
    foreign: Iterable[bytes] = (),
) -> None:
    """Assert the contract for *adapter*: ``sniff`` never raises (on its own inputs and on
    *foreign* ones), ``parse`` of each of *own* returns a valid Snapshot or raises a
    StatuskitError, and every Snapshot round-trips through JSON."""
    for data in foreign:
        adapter.sniff(Source(data))  # must not raise
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

"""The smaller platforms' adapters on damaged input: a typed statuskit error or a valid
snapshot, never a bare KeyError / TypeError, and ``sniff`` never raises.

Each golden fixture of these adapters is decoded, one value somewhere in it is replaced by an
arbitrary JSON value, and the result is read leniently and strictly.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import statuskit
from statuskit._source import Source
from statuskit.testing import check_snapshot, golden_cases

from .conftest import FIXTURES

ADAPTERS = (
    "slack.json",
    "statusio.json",
    "cachet.json",
    "uptimekuma.json",
    "gatus.json",
    "heroku.json",
    "openstatus.json",
)
CASES = [c for c in golden_cases(FIXTURES) if c.adapter in ADAPTERS]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "0", "2026-13-45 25:61:00", "active", "red", "Z", "-07:00"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _slots(doc: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in *doc* a value sits (the root included)."""
    out = [path]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out.extend(_slots(value, (*path, key)))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out.extend(_slots(value, (*path, i)))
    return out


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return doc


def _read(data: bytes, adapter: str, *, strict: bool) -> None:
    try:
        snap = statuskit.parse(data, provider=adapter, strict=strict)
    except statuskit.StatuskitError:
        return
    assert check_snapshot(snap) == []
    assert statuskit.loads(statuskit.dumps(snap)) == snap


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@settings(max_examples=60)
@given(data=st.data())
def test_damaged_fixture(case: Any, data: st.DataObject) -> None:
    """One value replaced anywhere: a typed error or a valid, round-tripping snapshot."""
    doc = json.loads(case.path.read_bytes())
    path = data.draw(st.sampled_from(_slots(doc)))
    damaged = json.dumps(_replace(doc, path, data.draw(values))).encode()
    for name in ADAPTERS:
        statuskit.adapters()[name].sniff(Source(damaged))
    _read(damaged, case.adapter, strict=False)
    _read(damaged, case.adapter, strict=True)

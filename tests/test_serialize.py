"""dumps/loads: versioned, lossless, schema-valid JSON."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import statuskit
from statuskit.serialize import _schema_text, schema
from statuskit.testing import golden_cases

from .conftest import FIXTURES

CASES = [c for c in golden_cases(FIXTURES) if c.adapter != "hostile"]


def shipped_schema() -> str:
    return (
        resources.files("statuskit").joinpath("schema").joinpath("snapshot.schema.json").read_text()
    )


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_round_trip_is_lossless(case: object) -> None:
    """loads(dumps(s)) == s, vendor records included, and the document fits the schema."""
    snap = statuskit.parse(case.path.read_bytes(), **case.kwargs)  # type: ignore[attr-defined]
    text = statuskit.dumps(snap)
    assert statuskit.loads(text) == snap
    jsonschema.validate(json.loads(text), schema())


def test_shipped_schema_is_current() -> None:
    """The schema file in the package is the one the model generates."""
    assert shipped_schema() == _schema_text()


def test_loads_refuses_other_versions_and_unknown_fields() -> None:
    """A newer version or an unknown field is a ParseError naming the path."""
    snap = statuskit.parse((FIXTURES / "statuspage.json" / "status.json").read_bytes())
    doc = json.loads(statuskit.dumps(snap))
    with pytest.raises(statuskit.ParseError, match="version"):
        statuskit.loads(json.dumps({**doc, "statuskit": 2}))
    doc["page"]["colour"] = "red"
    with pytest.raises(statuskit.ParseError) as info:
        statuskit.loads(json.dumps(doc))
    assert info.value.path == "$.page"


def test_loads_refuses_garbage() -> None:
    """Not JSON, or JSON that is not a snapshot: ParseError, never another exception."""
    for text in ("", "[", "[]", '{"kind": "snapshot"}', '{"statuskit": 1, "kind": "snapshot"}'):
        with pytest.raises(statuskit.ParseError):
            statuskit.loads(text)


def test_derived_facts_are_written_but_not_read() -> None:
    """dumps writes overall and per-incident derived facts; loads recomputes them."""
    snap = statuskit.parse((FIXTURES / "statuspage.json" / "incidents-history.json").read_bytes())
    doc = json.loads(statuskit.dumps(snap))
    assert doc["incidents"][0]["derived"]["reopened_count"] == 1
    doc["incidents"][0]["derived"]["reopened_count"] = 99
    doc["overall"] = "major_outage"
    again = statuskit.loads(json.dumps(doc))
    assert again == snap
    assert again.overall is snap.overall

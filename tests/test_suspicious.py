"""The suspicious-reading guard: a page that reads as nothing, or collapses, is loud."""

from __future__ import annotations

import functools
import json
from typing import Any

import attrs
import pytest

import statuskit
from statuskit import Snapshot, SuspiciousReadingError

# summaries of many components carry none of the sniffed keys in their first 4 kB
parse = functools.partial(statuskit.parse, provider="statuspage.json")


def summary(n: int, *, indicator: bool = True, page_id: str = "kctbh9vrtdwd") -> bytes:
    doc: dict[str, Any] = {
        "page": {"id": page_id, "name": "Example", "url": "https://status.example.com"},
        "components": [
            {"id": f"c{i:011d}", "name": f"Region {i}", "status": "operational"} for i in range(n)
        ],
        "incidents": [],
        "scheduled_maintenances": [],
    }
    if indicator:
        doc["status"] = {"indicator": "none", "description": "All Systems Operational"}
    return json.dumps(doc).encode()


def test_a_page_that_reads_as_nothing_names_what_its_format_promised() -> None:
    """components.json with no components: a warning naming what was promised (lenient), a
    SuspiciousReadingError listing it (strict)."""
    body = json.dumps({"page": {"id": "kctbh9vrtdwd"}, "components": []}).encode()
    snap = parse(body)
    assert (
        "statuspage.json: the page parsed to nothing: no components, no incidents, no status "
        "although its format promises components"
    ) in snap.warnings
    with pytest.raises(statuskit.ParseError):
        parse(body, strict=True)
    with pytest.raises(SuspiciousReadingError) as info:
        statuskit.check_reading(None, snap, strict=True)
    assert info.value.missing == ("components",)


def test_a_collapse_of_components_is_reported_with_what_is_missing() -> None:
    """A reading keeping less than half the previous reading's components warns, naming the
    missing ones (the first five and how many more)."""
    before = parse(summary(470))
    after = parse(summary(12), previous=before)
    [warning] = after.warnings
    assert warning.startswith(
        "statuspage.json: components collapsed from 470 to 12 since the previous reading: "
        "missing 'Region 12', 'Region 13', 'Region 14', 'Region 15', 'Region 16' and 453 more"
    )
    with pytest.raises(SuspiciousReadingError) as info:
        parse(summary(12), previous=before, strict=True)
    assert len(info.value.missing) == 458
    assert info.value.missing[0] == "component 'Region 12'"
    assert statuskit.check_reading(before, parse(summary(12))).warnings == (warning,)


def test_ordinary_changes_are_not_suspicious() -> None:
    """Losing a few components, gaining some, a small page shrinking by one, or a first
    reading: no warning."""
    assert parse(summary(8), previous=parse(summary(10))).warnings == ()
    assert parse(summary(30), previous=parse(summary(10))).warnings == ()
    assert parse(summary(2), previous=parse(summary(3))).warnings == ()
    assert statuskit.check_reading(None, parse(summary(3))).warnings == ()


def test_a_drop_to_zero_is_always_a_collapse() -> None:
    """Even a small page losing every component is suspicious."""
    previous = parse(summary(2))
    now = parse(summary(0), previous=previous)
    assert any("collapsed from 2 to 0" in w for w in now.warnings)


def test_different_pages_and_endpoints_are_not_compared() -> None:
    """A reading of another page, or of an endpoint without components, is not a collapse."""
    previous = parse(summary(100))
    other_page = parse(summary(3, page_id="zzzzzzzzzzzz"), previous=previous)
    assert other_page.warnings == ()
    status_only = json.dumps(
        {"page": {"id": "kctbh9vrtdwd"}, "status": {"indicator": "minor"}}
    ).encode()
    assert parse(status_only, previous=previous).warnings == ()


def test_a_vanished_indicator_is_reported() -> None:
    """The previous reading had a status indicator; this one, of the same endpoint, has none."""
    previous = parse(summary(5))
    now: Snapshot = attrs.evolve(parse(summary(5)), indicator=None, raw_indicator=None)
    checked = statuskit.check_reading(previous, now)
    assert any("status indicator disappeared" in w for w in checked.warnings)
    with pytest.raises(SuspiciousReadingError, match="status indicator"):
        statuskit.check_reading(previous, now, strict=True)


def test_min_ratio_is_the_callers() -> None:
    """check_reading's min_ratio moves the threshold; it must lie in (0, 1]."""
    previous = parse(summary(10))
    now = parse(summary(7))
    assert statuskit.check_reading(previous, now).warnings == ()
    assert statuskit.check_reading(previous, now, min_ratio=0.9).warnings
    with pytest.raises(ValueError, match="min_ratio"):
        statuskit.check_reading(previous, now, min_ratio=0)


def test_suspicious_reading_errors_pickle() -> None:
    """SuspiciousReadingError crosses process pools with its fields."""
    import pickle

    err = SuspiciousReadingError("collapsed", missing=("component 'API'",), adapter="x")
    back = pickle.loads(pickle.dumps(err))
    assert (back.missing, back.adapter, str(back)) == (err.missing, "x", str(err))


def test_suspicious_findings_survive_the_warning_cap() -> None:
    """However many warnings a reading gathered, the suspicious-reading ones are kept."""
    previous = parse(summary(10))
    noisy = summary(2).replace(b'"operational"', b'"exploded"')
    snap = parse(noisy, previous=previous, limits=statuskit.Limits(max_warnings=1))
    assert len(snap.warnings) == 3
    assert "unknown component status 'exploded'" in snap.warnings[0]
    assert any("collapsed from 10 to 2" in w for w in snap.warnings)
    assert snap.warnings[-1] == "statuspage.json: 1 more warnings not kept (max_warnings=1)"


def test_misuse_is_a_type_error() -> None:
    """Passing something else than Snapshots is a programming error: TypeError."""
    snap = parse(summary(3))
    with pytest.raises(TypeError):
        parse(summary(3), previous={"components": []})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        statuskit.check_reading(snap, "not a snapshot")  # type: ignore[arg-type]

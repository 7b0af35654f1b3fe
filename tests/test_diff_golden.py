"""Every pair of readings in tests/diff_fixtures/cases.json diffs to its <case>.expected.json.

The expected file holds the readable lines (as ``statuskit diff`` prints them) and the events as
JSON (without vendor records).  Regenerate on purpose with STATUSKIT_REGEN=1, then review.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

import statuskit
from statuskit._events_json import change_to_dict
from statuskit.cli import change_line

from .diffcases import CASES, DIFF_FIXTURES, case_readings


def golden(case: dict[str, Any]) -> dict[str, Any]:
    old, new = case_readings(case)
    changes = statuskit.diff(old, new)
    return {
        "about": case["about"],
        "old": case["old"],
        "new": case["new"],
        "lines": [change_line(c) for c in changes],
        "events": [change_to_dict(c, raw=False) for c in changes],
    }


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_diff_golden(case: dict[str, Any]) -> None:
    """The pair gives exactly the expected events, in order, with the expected ids and times."""
    path = DIFF_FIXTURES / f"{case['name']}.expected.json"
    actual = golden(case)
    if os.environ.get("STATUSKIT_REGEN") == "1":
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(path.read_text("utf-8"))
    assert expected["lines"] == actual["lines"]
    assert expected == actual


def test_every_event_type_has_a_golden_case() -> None:
    """Between them, the golden cases show every kind of change event."""
    seen = set()
    for case in CASES:
        expected = json.loads((DIFF_FIXTURES / f"{case['name']}.expected.json").read_text())
        seen.update(e["type"] for e in expected["events"])
    assert seen == set(statuskit.events.EVENT_TYPES)

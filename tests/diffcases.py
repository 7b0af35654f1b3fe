"""Shared by the diff tests: the pairs of readings in tests/diff_fixtures and how to read them.

The diff fixtures are Statuspage readings of one made-up page ("Acme Cloud") along one story:
calm, an incident (opened, impact raised, resolved, reopened), a component removed while in
major outage, a rename, and a maintenance (scheduled, in progress, completed).  They live outside
tests/fixtures/ because test_golden.py reads every folder there as an adapter name.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import statuskit
from statuskit import Snapshot

DIFF_FIXTURES = Path(__file__).resolve().parent / "diff_fixtures"
CASES: list[dict[str, Any]] = json.loads((DIFF_FIXTURES / "cases.json").read_text("utf-8"))


def utc(text: str) -> datetime:
    """An aware UTC datetime from ISO 8601 text ("2026-03-14T07:26:14.870Z")."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def reading(name: str, **args: Any) -> Snapshot:
    """Parse one diff fixture; ``read_at`` may be given as ISO text."""
    if isinstance(args.get("read_at"), str):
        args["read_at"] = utc(args["read_at"])
    return statuskit.parse((DIFF_FIXTURES / name).read_bytes(), **args)


def case_readings(case: dict[str, Any]) -> tuple[Snapshot, Snapshot]:
    """The old and new readings of one entry of cases.json."""
    return (
        reading(case["old"], **case.get("old_args", {})),
        reading(case["new"], **case.get("new_args", {})),
    )

"""Change events leave statuskit as JSON (webhooks, queues) and as readable lines (the CLI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import statuskit
from statuskit.cli import main

from .diffcases import CASES, DIFF_FIXTURES, case_readings

ALL_CHANGES = [c for case in CASES for c in statuskit.diff(*case_readings(case))]


@pytest.mark.parametrize("change", ALL_CHANGES, ids=[f"{c.type}-{c.id[:8]}" for c in ALL_CHANGES])
def test_event_json_round_trip(change: statuskit.Change) -> None:
    """loads_change(dumps_change(e)) == e, vendor records included, and the envelope names the
    format, the kind of document and the event type."""
    text = statuskit.dumps_change(change)
    doc = json.loads(text)
    assert (doc["statuskit"], doc["kind"], doc["type"], doc["id"]) == (
        1,
        "change",
        change.type,
        change.id,
    )
    assert statuskit.loads_change(text) == change
    assert "\n" not in text  # one event, one line


def test_loads_change_refuses_what_it_did_not_write() -> None:
    """Not JSON, another document, a newer version, an unknown type or field, or an id that does
    not match the content: ParseError naming the path."""
    change = ALL_CHANGES[0]
    doc = json.loads(statuskit.dumps_change(change))
    bad = {
        "$": "not json",
        "$.statuskit": json.dumps({**doc, "statuskit": 2}),
        "$.type": json.dumps({**doc, "type": "ComponentExploded"}),
        "$.id": json.dumps({**doc, "id": "0" * 32}),
    }
    for path, text in bad.items():
        with pytest.raises(statuskit.ParseError) as info:
            statuskit.loads_change(text)
        assert info.value.path == path
    with pytest.raises(statuskit.ParseError):
        statuskit.loads_change(json.dumps({**doc, "colour": "red"}))
    with pytest.raises(statuskit.ParseError):
        statuskit.loads_change(statuskit.dumps(case_readings(CASES[0])[0]))


def fixture(name: str) -> str:
    return str(DIFF_FIXTURES / name)


def test_cli_diff_prints_readable_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """`statuskit diff OLD NEW` prints one readable line per change, oldest first."""
    code = main(
        [
            "diff",
            fixture("summary-mid-incident.json"),
            fixture("summary-post-incident.json"),
            "--new-read-at",
            "2026-03-14T07:30:00Z",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.splitlines() == [
        "Session management went from Degraded performance to Operational at 07:26 UTC",
        "The page went from Degraded performance to Operational at 07:26 UTC",
        "Incident \u201cSlow logins\u201d was resolved at 07:30 UTC, after 35 min "
        "(inferred: it left the list of open incidents)",
    ]


def test_cli_diff_dates_lines_that_span_days(capsys: pytest.CaptureFixture[str]) -> None:
    """When the changes fall on several days, each line says which."""
    main(["diff", fixture("summary-calm.json"), fixture("summary-maint-in-progress.json")])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Maintenance \u201cBilling database upgrade\u201d was scheduled at")
    assert all(" on 2026-03-1" in line for line in lines)


def test_cli_diff_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints one JSON document per line, which loads_change reads back."""
    old, new = fixture("summary-mid-incident.json"), fixture("summary-impact-major.json")
    assert main(["diff", old, new, "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    got = [statuskit.loads_change(line) for line in lines]
    want = statuskit.diff(
        statuskit.parse(Path(old).read_bytes()), statuskit.parse(Path(new).read_bytes())
    )
    assert [c.id for c in got] == [c.id for c in want]
    updates = [u for line in lines for u in json.loads(line).get("updates", [])]
    assert updates
    assert not any("raw" in u for u in updates)  # vendor records only with --raw


def test_cli_diff_reads_saved_snapshots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A snapshot saved with `statuskit parse --raw` diffs like the body it came from."""
    saved = tmp_path / "mid.json"
    snap = statuskit.parse((DIFF_FIXTURES / "summary-mid-incident.json").read_bytes())
    saved.write_text(statuskit.dumps(snap))
    main(["diff", str(saved), fixture("summary-post-incident.json")])
    from_saved = capsys.readouterr().out
    main(["diff", fixture("summary-mid-incident.json"), fixture("summary-post-incident.json")])
    assert from_saved == capsys.readouterr().out != ""


def test_cli_diff_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """A read time without a zone is a usage error (2); an unreadable file exits 1."""
    old, new = fixture("summary-calm.json"), fixture("summary-renamed.json")
    assert main(["diff", old, new, "--old-read-at", "2026-03-14T07:00:00"]) == 2
    assert "zone" in capsys.readouterr().err
    assert main(["diff", old, str(DIFF_FIXTURES / "missing.json")]) == 1
    assert main(["diff", old, fixture("cases.json")]) == 1

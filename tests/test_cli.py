"""The command line: parse, detect, adapters; one clear line and a non-zero exit on errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from statuskit.cli import main

from .conftest import FIXTURES

SUMMARY = FIXTURES / "statuspage.json" / "summary-mid-incident.json"


def test_parse_prints_the_normalized_snapshot(capsys: pytest.CaptureFixture[str]) -> None:
    """`statuskit parse FILE` prints the snapshot as JSON (without vendor records)."""
    assert main(["parse", str(SUMMARY)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["adapter"] == "statuspage.json"
    assert doc["overall"] == "partial_outage"
    assert "raw" not in doc["components"][0]


def test_parse_example(capsys: pytest.CaptureFixture[str]) -> None:
    """`statuskit parse --example` reads the bundled example page."""
    assert main(["parse", "--example"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["page"]["name"] == "Acme Cloud"
    assert doc["overall"] == "degraded_performance"


def test_parse_raw_is_lossless(capsys: pytest.CaptureFixture[str]) -> None:
    """--raw output loads back into an equal Snapshot."""
    import statuskit

    assert main(["parse", "--raw", "--compact", str(SUMMARY)]) == 0
    out = capsys.readouterr().out
    assert statuskit.loads(out) == statuskit.parse(SUMMARY.read_bytes())


def test_detect(capsys: pytest.CaptureFixture[str]) -> None:
    """`statuskit detect FILE` names adapter, platform, confidence and evidence."""
    assert main(["detect", str(SUMMARY)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["adapter"], doc["platform"]) == ("statuspage.json", "statuspage")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["parse", "/no/such/file.json"], 1, "cannot read"),
        (["parse", "--provider", "nope.json", str(SUMMARY)], 1, "no adapter named"),
        (["parse"], 2, "give a FILE"),
    ],
)
def test_errors_are_one_line(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors print one line starting with `statuskit: error:` and exit non-zero."""
    assert main(args) == code
    err = capsys.readouterr().err
    assert err.startswith("statuskit: error:")
    assert message in err
    assert err.count("\n") == 1


def test_unknown_format_from_stdin(tmp_path: Path) -> None:
    """`python -m statuskit parse -` reads stdin; garbage gives exit 1 and one line."""
    proc = subprocess.run(
        [sys.executable, "-m", "statuskit", "parse", "-"],
        input=b"hello",
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith("statuskit: error: no adapter recognises")


def test_parse_time_zone_and_read_at(capsys: pytest.CaptureFixture[str]) -> None:
    """`--time-zone` reads zone-less times in the page's zone (Cachet's "2026-03-14 08:55:00" in
    Berlin is 07:55 UTC); `--read-at` stamps the reading; bad values are one line, exit 2."""
    cachet = FIXTURES / "cachet.json" / "incidents.json"
    args = ["parse", str(cachet), "--time-zone", "Europe/Berlin", "--read-at", "2026-03-14T12:00Z"]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["read_at"] == "2026-03-14T12:00:00Z"
    first = next(i for i in doc["incidents"] if i["id"] == "41")
    assert first["started_at"] == "2026-03-14T07:55:00Z"
    assert not any("time zone" in w for w in doc["warnings"])
    assert main(["parse", str(cachet), "--time-zone", "Mars/Base"]) == 2
    assert "unknown IANA time zone 'Mars/Base'" in capsys.readouterr().err
    assert main(["parse", str(cachet), "--read-at", "2026-03-14 12:00"]) == 2
    assert "has no zone" in capsys.readouterr().err

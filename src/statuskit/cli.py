"""The command line: ``statuskit parse | detect | adapters | diff``.

Output is JSON on stdout; errors are one line on stderr and a non-zero exit (1 for input that
cannot be read, 2 for wrong usage).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import resources

import attrs

from . import _api
from ._dates import zone_info
from ._events_json import dumps_change
from .diff import diff
from .errors import StatuskitError
from .events import Change
from .model import Snapshot
from .registry import adapters
from .serialize import dumps, loads

EXAMPLES = ("statuspage-summary.json",)


def _read(path: str | None, example: bool) -> tuple[bytes, str]:
    if example or path is None:
        name = EXAMPLES[0]
        return resources.files("statuskit").joinpath("examples").joinpath(name).read_bytes(), name
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    with open(path, "rb") as fh:
        return fh.read(), path


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="statuskit", description="Read public status pages into one typed model."
    )
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="print the normalized snapshot of a page as JSON")
    p.add_argument("file", nargs="?", help="a saved HTTP body, or - for stdin")
    p.add_argument(
        "--example", action="store_true", help="parse the example page bundled with statuskit"
    )
    p.add_argument("--provider", help="force an adapter by name (see `statuskit adapters`)")
    p.add_argument("--url", help="where the body came from (helps detection)")
    p.add_argument("--content-type", help="the HTTP Content-Type of the body")
    p.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="the page's IANA zone, for formats whose times carry none (e.g. Europe/Berlin)",
    )
    p.add_argument(
        "--read-at", metavar="TIME", help="when the body was fetched, ISO 8601 with a zone"
    )
    p.add_argument("--strict", action="store_true", help="fail on any recoverable problem")
    p.add_argument("--compact", action="store_true", help="one line of JSON")
    p.add_argument(
        "--raw",
        action="store_true",
        help="include the vendor's records (lossless, for statuskit.loads)",
    )

    d = sub.add_parser("detect", help="say which adapter reads a page, and why")
    d.add_argument("file", help="a saved HTTP body, or - for stdin")
    d.add_argument("--url")
    d.add_argument("--content-type")

    sub.add_parser("adapters", help="list the registered adapters")
    _add_diff_parser(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            if args.file is None and not args.example:
                print("statuskit: error: give a FILE, - for stdin, or --example", file=sys.stderr)
                return 2
            try:
                read_at = _when(args.read_at)
            except ValueError as exc:
                print(f"statuskit: error: --read-at: {exc}", file=sys.stderr)
                return 2
            if args.time_zone is not None and zone_info(args.time_zone) is None:
                print(
                    f"statuskit: error: --time-zone: unknown IANA time zone {args.time_zone!r}",
                    file=sys.stderr,
                )
                return 2
            data, _name = _read(args.file, args.example)
            snap = _api.parse(
                data,
                url=args.url,
                content_type=args.content_type,
                provider=args.provider,
                strict=args.strict,
                time_zone=args.time_zone,
                read_at=read_at,
            )
            print(dumps(snap, indent=None if args.compact else 2, raw=args.raw))
        elif args.command == "detect":
            data, _name = _read(args.file, False)
            det = _api.detect(data, url=args.url, content_type=args.content_type)
            print(
                json.dumps(
                    {
                        "adapter": det.adapter,
                        "platform": det.platform,
                        "confidence": det.confidence,
                        "evidence": det.evidence,
                        "candidates": [list(c) for c in det.candidates],
                    },
                    indent=2,
                )
            )
        elif args.command == "adapters":
            for name, adapter in adapters().items():
                print(f"{name}\t{adapter.platform}")
        elif args.command == "diff":
            return _diff_command(args)
    except StatuskitError as exc:
        print(f"statuskit: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except OSError as exc:
        print(
            f"statuskit: error: cannot read {exc.filename or 'input'}: {exc.strerror}",
            file=sys.stderr,
        )
        return 1
    return 0


# -- statuskit diff ------------------------------------------------------------------------


def _add_diff_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    d = sub.add_parser(
        "diff",
        help="print what changed between two readings of a page",
        description="Print what changed from OLD to NEW, oldest first: one readable line per "
        "change, or one JSON document per line with --json.  Each file is an HTTP body any "
        "adapter reads, or a snapshot written by `statuskit parse --raw`.",
    )
    d.add_argument("old", help="the older reading (a saved body, or a statuskit snapshot)")
    d.add_argument("new", help="the newer reading")
    d.add_argument("--json", action="store_true", help="JSON lines (see statuskit.dumps_change)")
    d.add_argument(
        "--raw", action="store_true", help="with --json: include the vendor's records of updates"
    )
    for side in ("old", "new"):
        d.add_argument(f"--{side}-url", help=f"where the {side} body came from (helps detection)")
        d.add_argument(
            f"--{side}-read-at",
            metavar="TIME",
            help=f"when the {side} body was fetched, ISO 8601 with a zone",
        )
    d.add_argument("--strict", action="store_true", help="fail on any recoverable problem")


def _when(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no zone")
    return value.astimezone(timezone.utc)


def _reading(path: str, url: str | None, read_at: datetime | None, strict: bool) -> Snapshot:
    data, _name = _read(path, False)
    if data.lstrip()[:1] == b"{" and b'"kind": "snapshot"' in data[:200]:
        snap = loads(data)  # a snapshot saved by `statuskit parse --raw`
        return snap if read_at is None else attrs.evolve(snap, read_at=read_at)
    return _api.parse(data, url=url, strict=strict, read_at=read_at)


def change_line(change: Change, *, date: bool = False) -> str:
    """One readable line: the event's sentence and when ("... at 07:26 UTC")."""
    return change.describe(f"{change.at:%H:%M} UTC" + (f" on {change.at:%Y-%m-%d}" if date else ""))


def _diff_command(args: argparse.Namespace) -> int:
    try:
        old_at, new_at = _when(args.old_read_at), _when(args.new_read_at)
    except ValueError as exc:
        print(f"statuskit: error: --old-read-at/--new-read-at: {exc}", file=sys.stderr)
        return 2
    old = _reading(args.old, args.old_url, old_at, args.strict)
    new = _reading(args.new, args.new_url, new_at, args.strict)
    changes = diff(old, new)
    if args.json:
        for change in changes:
            print(dumps_change(change, raw=args.raw))
        return 0
    several_days = len({c.at.date() for c in changes}) > 1
    for change in changes:
        print(change_line(change, date=several_days))
    return 0

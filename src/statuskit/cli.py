"""The command line: ``statuskit parse | detect | adapters``.

Output is JSON on stdout; errors are one line on stderr and a non-zero exit (1 for input that
cannot be read, 2 for wrong usage).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from importlib import resources

from . import _api
from .errors import StatuskitError
from .registry import adapters
from .serialize import dumps

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
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            if args.file is None and not args.example:
                print("statuskit: error: give a FILE, - for stdin, or --example", file=sys.stderr)
                return 2
            data, _name = _read(args.file, args.example)
            snap = _api.parse(
                data,
                url=args.url,
                content_type=args.content_type,
                provider=args.provider,
                strict=args.strict,
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

"""What the hostile-input tests share: the corpus, and the check that a call kept the boundary."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import statuskit
from statuskit import StatuskitError
from statuskit.testing import check_snapshot

from .conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"
_SIDECARS = (".expected.json", ".args.json")


def hostile_cases() -> list[Path]:
    """Every input file of the hostile corpus."""
    return sorted(p for p in HOSTILE.iterdir() if p.is_file() and not p.name.endswith(_SIDECARS))


def sidecar(path: Path, suffix: str) -> dict[str, Any]:
    side = path.with_name(path.name.rsplit(".", 1)[0] + suffix)
    return json.loads(side.read_text("utf-8")) if side.exists() else {}


def parse_kwargs(args: dict[str, Any]) -> dict[str, Any]:
    """The parse() keyword arguments of an ``.args.json`` (``limits`` as a dict)."""
    kwargs = dict(args)
    if "limits" in kwargs:
        kwargs["limits"] = statuskit.Limits(**kwargs["limits"])
    return kwargs


def within_boundary(call: Callable[[], Any]) -> Any:
    """Run *call*; it must return a valid Snapshot (or another non-exception result) or raise a
    StatuskitError that statuskit raised on purpose.  A StatuskitError wrapping another exception
    (``__cause__``) is the last line of defence catching a bug: it fails the test too.  Returns
    the result or the error."""
    try:
        result = call()
    except StatuskitError as exc:
        cause = exc.__cause__
        assert cause is None or isinstance(cause, StatuskitError), (
            f"a {type(cause).__name__} escaped and was wrapped: {cause!r}"
        )
        return exc
    if isinstance(result, statuskit.Snapshot):
        problems = check_snapshot(result)
        assert not problems, problems
        assert statuskit.loads(statuskit.dumps(result)) == result
    return result


def feedparser_run(data: bytes | str, ctx: statuskit.ParseContext) -> Any:
    """feedparser fed the way statuskit's helper says: prepared bytes, in a BytesIO."""
    import feedparser

    from statuskit._xml import feedparser_bytes

    body = feedparser_bytes(statuskit.Source(data), ctx)
    return feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)

"""The hostile corpus (tests/fixtures/hostile/): every file gives exactly the outcome written
beside it, and nothing but a Snapshot or a StatuskitError ever leaves statuskit.

Regenerate the corpus with ``python tests/make_hostile_corpus.py`` (its expectations are written
there by hand; the file's docstring describes the schema).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import statuskit
from statuskit import ParseContext, Snapshot, Source, StatuskitError
from statuskit._html import parse_html
from statuskit._xml import parse_xml
from statuskit.testing import golden_text

from .hostile import feedparser_run, hostile_cases, parse_kwargs, sidecar, within_boundary

CASES = hostile_cases()
IDS = [p.name for p in CASES]


def test_the_corpus_is_large_and_complete() -> None:
    """The corpus holds at least 35 cases, each with its expected outcome beside it."""
    assert len(CASES) >= 35
    for path in CASES:
        assert sidecar(path, ".expected.json"), f"{path.name} has no expected outcome"


def _error_types(names: str | list[str]) -> tuple[type[BaseException], ...]:
    return tuple(getattr(statuskit, n) for n in ([names] if isinstance(names, str) else names))


def _lookup(doc: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        doc = doc[int(part)] if isinstance(doc, list) else doc[part]
    return doc


def _check(spec: dict[str, Any], result: Any, where: str) -> None:
    if spec["outcome"] == "error":
        assert isinstance(result, StatuskitError), f"{where}: expected an error, got {result!r}"
        assert isinstance(result, _error_types(spec["error"])), f"{where}: {result!r}"
        if "limit" in spec:
            assert getattr(result, "limit", None) == spec["limit"], f"{where}: {result!r}"
        if "message_contains" in spec:
            assert spec["message_contains"] in str(result), f"{where}: {result}"
        if "adapter" in spec:
            assert getattr(result, "adapter", None) == spec["adapter"], f"{where}: {result!r}"
        return
    assert isinstance(result, Snapshot), f"{where}: expected a snapshot, got {result!r}"
    if "adapter" in spec:
        assert result.adapter == spec["adapter"], f"{where}: read by {result.adapter}"
    _check_warnings(spec, list(result.warnings), where)
    doc = json.loads(golden_text(result))
    for dotted, want in spec.get("check", {}).items():
        got = _lookup(doc, dotted)
        if isinstance(want, int) and isinstance(got, list):
            got = len(got)
        assert got == want, f"{where}: {dotted} is {got!r}, expected {want!r}"


def _check_warnings(spec: dict[str, Any], warnings: list[str], where: str) -> None:
    if "warnings" in spec:
        assert warnings == spec["warnings"], f"{where}: warnings {warnings}"
    for piece in spec.get("warnings_contain", ()):
        assert any(piece in w for w in warnings), f"{where}: no warning with {piece!r}: {warnings}"
    if spec.get("no_warnings"):
        assert warnings == [], f"{where}: unexpected warnings {warnings}"


def _strict_spec(spec: dict[str, Any], lenient: Any) -> dict[str, Any]:
    """Strict mode raises what lenient mode only warns about, and nothing else changes."""
    if "strict" in spec:
        strict: dict[str, Any] = spec["strict"]
        return strict
    if spec["outcome"] == "error":
        return spec
    if isinstance(lenient, Snapshot) and lenient.warnings:
        return {"outcome": "error", "error": "ParseError"}
    return spec


def _check_lacks(spec: dict[str, Any], result: Any, where: str) -> None:
    """Nothing the case must never leak (file content, an entity's URL or expansion) is in the
    result, whatever its kind."""
    shown = golden_text(result) if isinstance(result, Snapshot) else f"{result!r} {result}"
    for piece in spec.get("result_lacks", ()):
        assert piece not in shown, f"{where}: {piece!r} in the result"


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_hostile_case(path: Path) -> None:
    """statuskit.parse gives the expected outcome, in lenient and in strict mode (and on the
    input as str where the case asks), and nothing the case must never leak is in it."""
    spec = sidecar(path, ".expected.json")
    kwargs = parse_kwargs(sidecar(path, ".args.json"))
    data = path.read_bytes()

    lenient = within_boundary(lambda: statuskit.parse(data, **kwargs))
    strict = within_boundary(lambda: statuskit.parse(data, strict=True, **kwargs))
    _check(spec, lenient, "lenient")
    _check(_strict_spec(spec, lenient), strict, "strict")
    _check_lacks(spec, lenient, "lenient")
    _check_lacks(spec, strict, "strict")
    if isinstance(lenient, Snapshot) and isinstance(strict, Snapshot):
        assert strict == lenient
    if spec.get("as_str"):
        text = data.decode("latin-1")
        _check(spec, within_boundary(lambda: statuskit.parse(text, **kwargs)), "as str")


def _helper_text(kind: str, result: Any) -> str:
    if kind == "xml":
        return "".join(result.itertext()) + etree.tostring(result, encoding="unicode")
    if kind == "html":
        return str(result.text_content())
    return json.dumps(result, default=str)


HELPERS = [
    (p, k)
    for p in CASES
    for k in ("xml", "html", "feedparser")
    if k in sidecar(p, ".expected.json")
]


@pytest.mark.parametrize(("path", "kind"), HELPERS, ids=[f"{p.name}-{k}" for p, k in HELPERS])
def test_hostile_case_through_helpers(path: Path, kind: str) -> None:
    """The safe XML parser, the safe HTML parser and the feedparser preparation give the
    expected outcome on the cases aimed at them, with the expected warnings."""
    spec = sidecar(path, ".expected.json")[kind]
    kwargs = parse_kwargs(sidecar(path, ".args.json"))
    ctx = ParseContext("hostile", limits=kwargs.get("limits", statuskit.Limits()))
    data = path.read_bytes()
    if kind == "xml":
        result = within_boundary(lambda: parse_xml(Source(data), ctx))
    elif kind == "html":
        result = within_boundary(lambda: parse_html(Source(data), ctx))
    else:
        result = within_boundary(lambda: feedparser_run(data, ctx))
    if spec["outcome"] == "error":
        _check(spec, result, kind)
        return
    assert not isinstance(result, StatuskitError), f"{kind}: {result!r}"
    _check_warnings(spec, ctx.warnings, kind)
    text = _helper_text(kind, result)
    if "text_contains" in spec:
        assert spec["text_contains"] in text
    if "text_lacks" in spec:
        assert spec["text_lacks"] not in text


ADAPTERS = sorted(statuskit.adapters())


@pytest.mark.parametrize("name", ADAPTERS)
def test_every_adapter_keeps_the_boundary_on_every_hostile_input(name: str) -> None:
    """Forced through any registered adapter, each hostile input gives a valid Snapshot or a
    StatuskitError (never a wrapped KeyError, RecursionError, UnicodeDecodeError...), and
    sniffing it never raises."""
    adapter = statuskit.adapters()[name]
    for path in CASES:
        data = path.read_bytes()
        adapter.sniff(Source(data))
        for strict in (False, True):
            within_boundary(lambda d=data, s=strict: statuskit.parse(d, provider=name, strict=s))


def test_detection_keeps_the_boundary_on_every_hostile_input() -> None:
    """statuskit.detect on each hostile input names an adapter or raises UnknownFormatError."""
    for path in CASES:
        result = within_boundary(lambda p=path: statuskit.detect(p.read_bytes()))
        assert isinstance(
            result, (statuskit.Detection, statuskit.UnknownFormatError, statuskit.InputLimitError)
        )


def test_paths_are_never_opened(tmp_path: Path) -> None:
    """A body that is the path of a readable file (str or bytes) is read as text, never
    opened: the file's content does not reach the result."""
    feed = tmp_path / "history.atom"
    feed.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>SECRET</title></feed>'
    )
    for body in (str(feed), str(feed).encode(), feed.as_uri(), feed.as_uri().encode()):
        result = within_boundary(lambda b=body: statuskit.parse(b))
        assert isinstance(result, statuskit.UnknownFormatError)
        assert "SECRET" not in str(result)
        ctx = ParseContext("hostile")
        parsed = feedparser_run(body, ctx)
        assert "SECRET" not in json.dumps(parsed, default=str)

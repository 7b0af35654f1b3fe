"""JSON bodies: depth measured before decoding, repeated keys, numbers, escapes, both decoders."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import statuskit
from statuskit import InputLimitError, Limits, ParseContext, ParseError, Source, _jsondecode
from statuskit._jsondecode import decode_json, json_depth, skeleton

# strings that try to confuse the scan: brackets, colons, quotes and backslashes inside
TRICKY = st.text(alphabet='[]{}":\\,ab \u00e9\U0001f680', max_size=8)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | TRICKY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TRICKY, inner, max_size=4),
    max_leaves=30,
)


def reference_depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((reference_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((reference_depth(v) for v in value), default=0)
    return 0


def members(value: Any) -> int:
    if isinstance(value, dict):
        return len(value) + sum(members(v) for v in value.values())
    if isinstance(value, list):
        return sum(members(v) for v in value)
    return 0


@pytest.fixture(params=["orjson", "json"])
def decoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with orjson (the speed extra) and without it: same results."""
    if request.param == "json":
        monkeypatch.setattr(_jsondecode, "_orjson", None)
    elif _jsondecode._orjson is None:  # pragma: no cover - the speed extra is not installed
        pytest.skip("orjson not installed")
    return request.param


def decode(body: bytes | str, *, strict: bool = False, **limits: int) -> tuple[Any, list[str]]:
    ctx = ParseContext("test", strict=strict, limits=Limits(**limits))
    return decode_json(Source(body), ctx), ctx.warnings


@given(JSON_VALUES, st.booleans())
def test_depth_and_members_are_read_off_the_bytes(value: Any, pretty: bool) -> None:
    """The skeleton scan finds the exact depth and the exact number of object members of any
    valid JSON text, whatever its strings hold."""
    body = json.dumps(value, indent=2 if pretty else None, ensure_ascii=False).encode()
    assert json_depth(body, 1000) == reference_depth(value)
    skel = skeleton(body)
    assert skel is not None
    assert skel.count(b":") == members(value)


@given(JSON_VALUES)
def test_ordinary_json_decodes_unchanged_and_silently(value: Any) -> None:
    """A valid document without repeated keys or odd numbers decodes to what json.loads gives,
    with no warning."""
    body = json.dumps(value, ensure_ascii=False).encode()
    got, warnings = decode(body)
    assert got == json.loads(body)
    assert warnings == []


def test_depth_is_refused_before_decoding(decoder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nesting beyond max_depth raises InputLimitError without any decoder being called."""
    assert decode(b"[" * 64 + b"]" * 64)[0] is not None

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("the decoder ran")

    monkeypatch.setattr(_jsondecode.json, "loads", boom)
    if _jsondecode._orjson is not None:
        monkeypatch.setattr(_jsondecode._orjson, "loads", boom)
    for body in (
        b"[" * 65 + b"]" * 65,
        b'{"a":' * 100 + b"1" + b"}" * 100,
        b"[" * 10**6 + b"]" * 10**6,
    ):
        with pytest.raises(InputLimitError) as info:
            decode(body)
        assert info.value.limit == "max_depth"


def test_depth_limit_is_the_users(decoder: str) -> None:
    """max_depth is the caller's: 3 levels pass with max_depth=3, 4 do not."""
    assert decode(b'{"a": [{"b": 1}]}', max_depth=3)[0] == {"a": [{"b": 1}]}
    with pytest.raises(InputLimitError):
        decode(b'{"a": [{"b": [1]}]}', max_depth=3)


def test_unbalanced_brackets_are_malformed_not_deep(decoder: str) -> None:
    """Openers that never close are a ParseError (a decoder's own RecursionError never escapes)."""
    with pytest.raises(ParseError):
        decode(b"[" * 100_000)
    with pytest.raises(ParseError, match="invalid JSON"):
        decode(b'{"a": [1, 2}')


def test_repeated_keys_warn_with_their_path_and_keep_the_last(decoder: str) -> None:
    """A repeated key is a warning naming the key and where it is (lenient) or a ParseError
    (strict); the last value wins, as in json."""
    body = b'{"a": 1, "b": [{"c": 1, "c": 2}], "a": 3}'
    value, warnings = decode(body)
    assert value == {"a": 3, "b": [{"c": 2}]}
    assert warnings == [
        "test at $: duplicate key 'a': the last value is kept",
        "test at $.b[0]: duplicate key 'c': the last value is kept",
    ]
    with pytest.raises(ParseError, match="duplicate key 'a'"):
        decode(body, strict=True)


def test_a_repeated_key_in_an_overwritten_object_is_still_reported(decoder: str) -> None:
    """Repeated keys inside a value that a later duplicate replaced are reported too."""
    _, warnings = decode(b'{"a": {"x": 1, "x": 2}, "a": 0}')
    assert "test at $: duplicate key 'a': the last value is kept" in warnings
    assert "test: duplicate key 'x': the last value is kept" in warnings


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        ("NaN", "NaN is not JSON"),
        ("Infinity", "Infinity is not JSON"),
        ("-Infinity", "-Infinity is not JSON"),
        ("1e999", "number out of range"),
        ("-1e999", "number out of range"),
        ("1" + "0" * 400 + ".5", "number out of range"),
        ("18446744073709551616", "integer beyond 64 bits"),
        ("-18446744073709551616", "integer beyond 64 bits"),
        ("-9223372036854775809", "integer beyond 64 bits"),
        ("-18446744073709551615", "integer beyond 64 bits"),
        ("9" * 30, "integer beyond 64 bits"),
        ("9" * 5000, "integer beyond 64 bits"),
    ],
)
def test_numbers_no_field_needs_are_null_with_a_warning(
    decoder: str, literal: str, reason: str
) -> None:
    """NaN, Infinity, numbers that overflow a double and integers beyond 64 bits (below -2**63
    or from 2**64 on; also past Python's 4,300-digit limit) read as null with a warning,
    whichever decoder runs (orjson turns -2**63 - 1 into a float equal to -2**63: not kept)."""
    body = f'{{"n": {literal}, "ok": [1.5, 18446744073709551615, -9223372036854775808]}}'
    value, warnings = decode(body.encode())
    assert value == {"n": None, "ok": [1.5, 18446744073709551615, -9223372036854775808]}
    assert len(warnings) == 1
    assert warnings[0].startswith(f"test at $.n: {reason}: read as null")


def test_nul_and_lone_surrogate_escapes_become_replacement_characters(decoder: str) -> None:
    """Escaped NUL and lone surrogates (in keys too) read as U+FFFD with a warning; pairs and
    escaped backslashes are left alone."""
    body = rb'{"k\u0000": "a\ud800b\udc00c", "pair": "\ud83d\ude80", "lit": "\\u0000"}'
    value, warnings = decode(body)
    assert value == {"k\ufffd": "a\ufffdb\ufffdc", "pair": "\U0001f680", "lit": "\\u0000"}
    assert warnings == ["test: 3 escaped NUL or lone surrogate(s) in strings replaced by U+FFFD"]


def test_raw_control_characters_read_as_spaces(decoder: str) -> None:
    """Raw control characters (invalid JSON) read as spaces with a warning in lenient mode."""
    value, warnings = decode(b'{"a": "x\x00y\x1fz"}')
    assert value == {"a": "x y z"}
    assert warnings == ["test: 2 raw control character(s) (invalid in JSON) read as spaces"]
    with pytest.raises(ParseError):
        decode(b'{"a": "x\x00y"}', strict=True)


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"]
)
def test_every_encoding_reads_the_same(decoder: str, encoding: str) -> None:
    """UTF-8 with BOM, UTF-16/32 with or without BOM and (with its charset) Latin-1 decode to
    the same value, with the same checks: a repeated key is found in each."""
    text = '{"name": "caf\u00e9 [1]", "name": "x", "deep": [[[]]]}'
    body = text.encode(encoding)
    content_type = "application/json; charset=iso-8859-1" if encoding == "latin-1" else None
    ctx = ParseContext("test")
    value = decode_json(Source(body, content_type=content_type), ctx)
    assert value == {"name": "x", "deep": [[[]]]}
    assert ctx.warnings == ["test at $: duplicate key 'name': the last value is kept"]


def test_a_str_body_is_checked_like_bytes(decoder: str) -> None:
    """A str body gets the same checks; lone surrogates in it read as U+FFFD with a warning."""
    value, warnings = decode('{"a": "x\ud800", "a": 1}')
    assert value == {"a": 1}
    assert "test: 1 lone surrogate(s) replaced by U+FFFD" in warnings


def test_the_statuspage_fast_path_stays_fast_on_the_real_corpus(corpus: Any) -> None:
    """Every real JSON payload decodes on the fast path: no slow second pass, no warning."""
    calls: list[int] = []
    original = _jsondecode._slow

    def counting(*args: Any) -> Any:
        calls.append(1)
        return original(*args)

    _jsondecode._slow = counting  # type: ignore[assignment]
    try:
        for path in sorted(corpus.glob("*/*.json")):
            ctx = ParseContext("test")
            decode_json(Source(path.read_bytes()), ctx)
            assert ctx.warnings == [], path.name
    finally:
        _jsondecode._slow = original  # type: ignore[assignment]
    assert calls == []


def test_limits_are_validated() -> None:
    """Limits take positive ints only; parse() takes a Limits or None."""
    for bad in (0, -1, 1.5, True, "10"):
        with pytest.raises(ValueError, match="positive int"):
            Limits(max_depth=bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        statuskit.parse(b"{}", limits={"max_depth": 3})  # type: ignore[arg-type]


def test_limits_defaults() -> None:
    """The defaults are the documented ones."""
    assert Limits() == Limits(
        max_bytes=10 * 1024 * 1024,
        max_depth=64,
        max_items=100_000,
        max_attributes=256,
        max_text=1024 * 1024,
        max_date_length=64,
    )


def test_integral_floats_past_64_bits_are_no_integers() -> None:
    """An adapter asking for an integer gets an integral float within 64 bits as an int, and
    None with a warning for one beyond (1e300 is no position, and no 300-digit int either)."""
    from statuskit.adapters._json import as_int

    ctx = ParseContext("test")
    assert as_int(3.0, ctx, "$.a") == 3
    assert as_int(-1e300, ctx, "$.b") is None
    assert as_int(2.5, ctx, "$.c") is None
    assert [w.split(" (near")[0] for w in ctx.warnings] == [
        "test at $.b: integer beyond 64 bits",
        "test at $.c: expected an integer, got float",
    ]

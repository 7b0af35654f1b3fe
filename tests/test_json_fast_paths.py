"""The JSON fast paths give the same answers as the slow ones they stand in for."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuskit import _jsondecode
from statuskit._jsondecode import (
    _NOTABLE_ESCAPE,
    _QUOTING_ESCAPE,
    _SUSPECT_ESCAPE,
    _counted_loads,
    _notable_escape,
    _survey,
)

from .test_hostile_json import members

_PIECES = st.sampled_from(
    ["\\", '"', "u", "0000", "d8", "D9", "dc", "00", "a", "{", ":", "\\\\", '\\"', "\\u0000"]
)
_ESCAPES = st.sampled_from(["\\n", "\\u00e9", "\\/", "\\t", "ab", "\\u0000", "\\\\", '\\"', "\\"])


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_one_escape_scan_answers_for_both(text: str) -> None:
    """The single scan decode_json makes finds an escape exactly when either the skeleton's scan
    (escaped backslash or quote) or the scrub's scan (NUL, lone surrogate) would."""
    data = text.encode()
    either = _QUOTING_ESCAPE.search(data) is not None or _SUSPECT_ESCAPE.search(data) is not None
    assert (_NOTABLE_ESCAPE.search(data) is not None) == either


@given(
    st.lists(_PIECES, max_size=12).map("".join),
    st.integers(0, 300),
    st.lists(_ESCAPES, max_size=4).map("".join),
)
def test_the_escape_scan_by_backslashes_answers_as_the_regex(
    text: str, ordinary: int, tail: str
) -> None:
    """Looking at the backslashes one by one (then, past many ordinary escapes, letting the
    regular expression scan the rest) finds a notable escape exactly when the regular
    expression finds one in the whole body."""
    for data in (
        text.encode(),
        ("x\\n" * ordinary + text + tail).encode(),
        (text + "\\n" * ordinary + tail).encode(),
    ):
        assert _notable_escape(data) == (_NOTABLE_ESCAPE.search(data) is not None)


NUMBERS = (
    st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**63) - 1, 1e19, -9.3e18])
)
VALUES = st.recursive(
    st.none() | st.booleans() | NUMBERS | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=25,
)


def numbers(value: Any) -> list[int | float]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers(v)]
    return [value] if type(value) in (int, float) else []


@given(VALUES)
def test_json_hooks_count_what_a_walk_would(value: Any) -> None:
    """Without orjson, hooks on json.loads give the very value json.loads gives, the members of
    its objects, and flag exactly the documents holding a number outside [-2**63, 2**64)."""
    text = json.dumps(value)
    got, held, odd = _counted_loads(text)
    assert got == json.loads(text)
    assert held == members(got)
    assert odd == any(not -(2**63) <= n < 2**64 for n in numbers(got))


def test_json_hooks_flag_what_json_must_not_keep() -> None:
    """NaN, Infinity and a double's overflow are flagged by the hooks (the second pass nulls
    them); a 20-digit integer past 64 bits too, one within 64 bits is not."""
    for text in ('{"a": NaN}', "[Infinity]", "[-Infinity]", "[1e999]", "[18446744073709551616]"):
        assert _counted_loads(text)[2], text
    assert not _counted_loads("[18446744073709551615, -9223372036854775808, 1.5]")[2]


@given(VALUES)
def test_the_orjson_survey_counts_what_a_walk_would(value: Any) -> None:
    """With orjson, the survey counts the members of every object, passing over containers of
    plain values at C speed, and flags exactly the floats outside (-2**63, 2**64) and NaN
    (orjson's integers fit 64 bits; bigger ones come as floats)."""
    orjson = _jsondecode._orjson
    if orjson is None:  # pragma: no cover - the speed extra is not installed
        pytest.skip("orjson not installed")
    body = json.dumps(value).encode()
    try:
        got = orjson.loads(body)
    except orjson.JSONDecodeError:
        return  # integers orjson refuses go to json
    if type(got) not in (dict, list):
        return
    held, odd = _survey(got)
    assert held == members(got)
    floats = [n for n in numbers(got) if type(n) is float]
    assert odd == any(math.isnan(f) or not -(2**63) < f < 2**64 for f in floats)

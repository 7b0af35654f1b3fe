"""Embedded page data (Next.js, Nuxt, flight chunks): decoded safely, with bounded work."""

from __future__ import annotations

import json

import pytest

import statuskit
from statuskit.adapters._embedded import (
    decode_devalue,
    embedded_data,
    flight_rows,
    unflight,
)
from statuskit.limits import Limits, ParseContext


def ctx(**limits: int) -> ParseContext:
    return ParseContext("test", limits=Limits(**limits))


def page(script: str) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>x</title></head><body>"
        "<a href='https://instatus.com'>Powered by Instatus</a>" + script + "</body></html>"
    ).encode()


def test_devalue_shared_references_are_copied() -> None:
    """Numbers inside arrays and objects are indexes; a value used twice appears twice."""
    values = [{"a": 1, "b": 1}, {"name": 2}, "shared"]
    assert decode_devalue(values, ctx(), "$") == {"a": {"name": "shared"}, "b": {"name": "shared"}}


def test_devalue_wrappers_and_types() -> None:
    """Reactive/Ref wrappers are transparent; Date is its text; Set a list; specials None."""
    values = [
        ["ShallowReactive", 1],
        {"d": 2, "s": 3, "u": -1, "r": 5},
        ["Date", "2026-01-01T00:00:00.000Z"],
        ["Set", 4, 4],
        7,
        ["Ref", 6],
        "x",
    ]
    assert decode_devalue(values, ctx(), "$") == {
        "d": "2026-01-01T00:00:00.000Z",
        "s": [7, 7],
        "u": None,
        "r": "x",
    }


def test_devalue_cycle_is_cut_with_a_warning() -> None:
    """A reference back to an ancestor is cut to None, once, with a warning."""
    c = ctx()
    assert decode_devalue([{"self": 0, "v": 1}, "ok"], c, "$") == {"self": None, "v": "ok"}
    assert len(c.warnings) == 1 and "cycle" in c.warnings[0]


def test_devalue_expansion_bomb_is_refused() -> None:
    """Each element pointing twice at the next doubles the output: refused, not computed."""
    values: list[object] = [[i + 1, i + 1] for i in range(60)] + ["leaf"]
    with pytest.raises(statuskit.InputLimitError):
        decode_devalue(values, ctx(max_depth=100), "$")


def test_devalue_bomb_in_a_page_is_an_input_limit_error() -> None:
    """The same bomb inside __NUXT_DATA__ ends the parse with InputLimitError."""
    values: list[object] = [[i + 1, i + 1] for i in range(60)] + ["leaf"]
    html = page(
        '<script id="__NUXT_DATA__" type="application/json">' + json.dumps(values) + "</script>"
    )
    with pytest.raises(statuskit.InputLimitError):
        statuskit.parse(html, provider="instatus.html")


def test_next_data_deeper_than_max_depth_is_refused() -> None:
    """__NEXT_DATA__ nested beyond Limits.max_depth: InputLimitError, never RecursionError."""
    deep = "[" * 5000 + "]" * 5000
    html = page('<script id="__NEXT_DATA__" type="application/json">' + deep + "</script>")
    with pytest.raises(statuskit.InputLimitError):
        statuskit.parse(html, provider="instatus.html")


def test_flight_rows_text_rows_and_tags() -> None:
    """JSON rows by id; T rows by UTF-8 byte length; tagged rows (I, HL) skipped."""
    text = "caf\u00e9 \u2014 ok"
    stream = (
        '0:{"a":1}\n1:I["x",[],"y"]\n2:HL["/f.css","style"]\n'
        f"3:T{len(text.encode()):x},{text}"
        '4:["$","p",null,{"children":"$3"}]\n'
    )
    rows = flight_rows(stream, ctx())
    assert rows == {"0": {"a": 1}, "3": text, "4": ["$", "p", None, {"children": "$3"}]}


def test_flight_references_dates_and_cycles() -> None:
    """'$1' is row 1, '$D...' a date, '$$x' a literal '$x'; a self-reference is cut."""
    rows = {"1": {"me": "$1", "when": "$Dx", "cost": "$$5", "nothing": "$undefined"}}
    assert unflight({"row": "$1"}, rows, ctx()) == {
        "row": {"me": None, "when": "x", "cost": "$5", "nothing": None}
    }


def test_bad_flight_chunks_are_skipped() -> None:
    """A push whose argument is not plain JSON is skipped with a warning."""
    c = ctx()
    html = (
        "<script>self.__next_f.push([1, someVariable])</script>"
        '<script>self.__next_f.push([1,"0:{\\"ok\\":true}\\n"])</script>'
    )
    found = embedded_data(html, c)
    assert found.flight == {"0": {"ok": True}}
    assert any("not plain JSON" in w for w in c.warnings)


def test_scanning_pathological_markup_terminates() -> None:
    """Thousands of unclosed or attribute-bloated script tags: nothing found, no blow-up."""
    bloated = "<script " + "a" * 5000
    html = "<script>" * 20000 + bloated
    assert embedded_data(html, ctx()).carriers() == []
    html2 = ("<script " + "x" * 3000 + ">") * 2000
    assert embedded_data(html2, ctx()).carriers() == []


def test_script_id_is_the_id_attribute_only() -> None:
    """data-id="__NEXT_DATA__" is not the id."""
    html = '<script data-id="__NEXT_DATA__" type="application/json">{"a":1}</script>'
    assert embedded_data(html, ctx()).next_data is None

"""Fuzz the JSON reader (depth before decoding, repeated keys, numbers, escapes), with and
without orjson, and check both agree."""

from __future__ import annotations

from _common import kept_the_boundary, run

import statuskit
from statuskit import _jsondecode
from statuskit._jsondecode import decode_json


def _decode(data: bytes, orjson: object) -> object:
    saved, _jsondecode._orjson = _jsondecode._orjson, orjson
    try:
        ctx = statuskit.ParseContext("fuzz")
        value = kept_the_boundary(lambda: decode_json(statuskit.Source(data), ctx))
        return type(value).__name__ if isinstance(value, Exception) else (repr(value), ctx.warnings)
    finally:
        _jsondecode._orjson = saved


def test_one_input(data: bytes) -> None:
    with_orjson = _decode(data, _jsondecode._orjson)
    without = _decode(data, None)
    if _jsondecode._orjson is not None and with_orjson != without:
        raise AssertionError(f"orjson and json disagree: {with_orjson!r} != {without!r}")


if __name__ == "__main__":
    run(test_one_input)

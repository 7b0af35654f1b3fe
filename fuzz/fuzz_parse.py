"""Fuzz statuskit.parse and statuskit.detect: by detection and forced through every adapter,
lenient and strict.  Only a Snapshot or a StatuskitError may come out."""

from __future__ import annotations

from functools import partial

from _common import kept_the_boundary, run

import statuskit

ADAPTERS = sorted(statuskit.adapters())


def test_one_input(data: bytes) -> None:
    kept_the_boundary(lambda: statuskit.detect(data))
    for strict in (False, True):
        kept_the_boundary(partial(statuskit.parse, data, strict=strict))
        for name in ADAPTERS:
            kept_the_boundary(partial(statuskit.parse, data, provider=name, strict=strict))


if __name__ == "__main__":
    run(test_one_input)

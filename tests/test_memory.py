"""A failed parse leaves nothing behind: no reference cycle holding the input.

Long-running services parse page after page; an error whose traceback keeps a frame alive (and
with it the body, its decoded text and the bytes handed to the parser) in a reference cycle is
freed only when the cyclic garbage collector next runs, and a service reading large bodies can
hold many of them at once.  Every adapter, on input it refuses and on input it reads, must leave
no large object in cyclic garbage."""

from __future__ import annotations

import contextlib
import gc
import random
from collections.abc import Iterator

import pytest

import statuskit

from .conftest import FIXTURES

_BIG = 100_000


def _inputs() -> Iterator[tuple[str, bytes]]:
    yield "garbage", random.Random(3).randbytes(600_000)
    yield (
        "broken feed",
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        + (b"<entry><title>x</title></entry>" * 20_000),
    )
    summary = (FIXTURES / "statuspage.json" / "summary-mid-incident.json").read_bytes()
    yield "padded summary", summary[:-1] + b', "pad": "' + b"x" * 600_000 + b'"}'


@pytest.mark.parametrize(("label", "data"), list(_inputs()), ids=lambda v: str(v)[:20])
def test_no_cycle_keeps_the_input_alive(label: str, data: bytes) -> None:
    """Parsing with every adapter, refused or read, leaves no large string in cyclic garbage."""
    names = list(statuskit.adapters())
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for name in names:
            with contextlib.suppress(statuskit.StatuskitError):
                statuskit.parse(data, provider=name)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        # strings are not tracked by the collector: look at what the cyclic garbage refers to
        held = [
            (type(o).__name__, len(o))
            for o in gc.get_referents(*gc.garbage)
            if isinstance(o, (str, bytes, bytearray)) and len(o) > _BIG
        ]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert held == [], f"{label}: cyclic garbage holds {len(held)} large objects: {held[:4]}"

"""What every fuzz target shares: the boundary check and the atheris entry point."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import statuskit


def kept_the_boundary(call: Callable[[], Any]) -> Any:
    """Run *call*: a StatuskitError raised on purpose is fine; one wrapping another exception
    (statuskit's last line of defence) is a bug, and so is anything else escaping."""
    try:
        return call()
    except statuskit.StatuskitError as exc:
        cause = exc.__cause__
        if cause is not None and not isinstance(cause, statuskit.StatuskitError):
            raise AssertionError(f"{type(cause).__name__} escaped: {cause!r}") from exc
        return exc


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Fuzz *test_one_input* with atheris (``pip install atheris``; see fuzz/README.md)."""
    import atheris  # type: ignore[import-untyped]  # noqa: PLC0415 - fuzzing runs only

    atheris.instrument_all()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()

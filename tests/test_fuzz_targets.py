"""The atheris fuzz targets in fuzz/ run (without atheris) over the hostile corpus and a few
random inputs, so that they stay importable and green between fuzzing campaigns."""

from __future__ import annotations

import importlib
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .hostile import hostile_cases

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
TARGETS = sorted(p.stem for p in FUZZ.glob("fuzz_*.py"))


@pytest.fixture
def fuzz_path() -> Iterator[None]:
    sys.path.insert(0, str(FUZZ))
    try:
        yield
    finally:
        sys.path.remove(str(FUZZ))


@pytest.mark.usefixtures("fuzz_path")
@pytest.mark.parametrize("target", TARGETS)
def test_fuzz_target_runs_on_the_hostile_corpus(target: str) -> None:
    """Each target's test_one_input passes on every hostile case and on random bytes."""
    module = importlib.import_module(target)
    rng = random.Random(target)
    inputs = [p.read_bytes()[:65536] for p in hostile_cases()]
    inputs += [rng.randbytes(rng.randrange(1, 2048)) for _ in range(20)]
    for data in inputs:
        module.test_one_input(data)


def test_there_are_targets() -> None:
    """fuzz/ holds a target for parse, JSON, markup and dates."""
    assert TARGETS == ["fuzz_dates", "fuzz_json", "fuzz_markup", "fuzz_parse"]

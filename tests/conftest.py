"""Shared fixtures: where the golden files and the real corpus live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
# The real-payload corpus sits beside the repository in the developers' workspace; a user's
# sdist has none, and tests that read it skip.
CORPUS = Path(os.environ.get("STATUSKIT_CORPUS", HERE.parent.parent / "shared" / "corpus"))

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
# HYPOTHESIS_PROFILE=thorough: ten times the examples, for a long look before a release
settings.register_profile(
    "thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def corpus_files(folder: str) -> list[Path]:
    """Files of one corpus folder (empty when the corpus is absent)."""
    base = CORPUS / folder
    if not base.is_dir():
        return []
    return sorted(p for p in base.iterdir() if p.is_file())


@pytest.fixture
def corpus() -> Path:
    """The real corpus folder; skips the test when it is not there."""
    if not CORPUS.is_dir():
        pytest.skip("real-payload corpus (../shared/corpus) not present")
    return CORPUS

"""Detection tells every platform apart from content alone: each fixture, run through detect
with no url and no content type, names the platform and adapter of its folder."""

from __future__ import annotations

import pytest

import statuskit
from statuskit.testing import golden_cases

from .conftest import FIXTURES, corpus_files

CASES = [c for c in golden_cases(FIXTURES) if c.adapter != "hostile"]
PLATFORM_OF_FOLDER = {
    "betterstack": "betterstack",
    "gcp": "gcp",
    "azure": "azure",
    "aws": "aws",
    "statuspage-json": "statuspage",
    "incidentio": "incidentio",
}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_fixture_is_detected_from_content(case: object) -> None:
    """detect(bytes) picks the fixture's own adapter and platform."""
    path = case.path  # type: ignore[attr-defined]
    adapter = statuskit.adapters()[case.adapter]  # type: ignore[attr-defined]
    detection = statuskit.detect(path.read_bytes())
    assert (detection.adapter, detection.platform) == (adapter.name, adapter.platform)


CORPUS = [
    p
    for folder in ("betterstack", "gcp", "aws", "azure")
    for p in corpus_files(folder)
    if p.suffix in (".json", ".html")
]


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_real_cloud_pages_are_detected(path: object) -> None:
    """The real cloud captures (JSON and HTML) are detected as their platform."""
    folder = path.parent.name  # type: ignore[attr-defined]
    assert statuskit.detect(path.read_bytes()).platform == PLATFORM_OF_FOLDER[folder]  # type: ignore[attr-defined]

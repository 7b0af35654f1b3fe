"""Every fixture under tests/fixtures/<adapter>/ parses to its <case>.expected.json.

Regenerate on purpose with ``nox -s fixtures`` (or STATUSKIT_REGEN=1), then review the diff.
"""

from __future__ import annotations

import pytest

from statuskit.testing import GoldenCase, check_golden, golden_cases

from .conftest import FIXTURES

CASES = [c for c in golden_cases(FIXTURES) if c.adapter != "hostile"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden(case: GoldenCase) -> None:
    """The fixture is read by the adapter its folder names, and gives the expected snapshot."""
    check_golden(case)

"""The JSON fast paths give the same answers as the slow ones they stand in for."""

from __future__ import annotations

from datetime import datetime, timezone

import attrs
from hypothesis import given
from hypothesis import strategies as st

from statuskit import ComponentStatus
from statuskit._jsondecode import _NOTABLE_ESCAPE, _QUOTING_ESCAPE, _SUSPECT_ESCAPE
from statuskit.adapters._fastbuild import FIELDS, is_direct, new_component
from statuskit.model import Component


def test_components_are_built_directly_and_equal_the_class() -> None:
    """The direct builder is in use for the model as it stands, and what it builds is equal to
    (and indistinguishable from) what the class builds from the same values."""
    assert is_direct()
    assert tuple(f.name for f in attrs.fields(Component)) == FIELDS
    values = (
        "c1",
        "API",
        ComponentStatus.PARTIAL_OUTAGE,
        "partial_outage",
        "Core",
        "the API",
        3,
        "g1",
        False,
        datetime(2026, 7, 29, 17, 4, 41, tzinfo=timezone.utc),
        {"id": "c1"},
    )
    built, reference = new_component(*values), Component(*values)
    assert type(built) is Component
    assert built == reference
    assert hash(built) == hash(reference)
    assert repr(built) == repr(reference)
    assert attrs.asdict(built) == attrs.asdict(reference)


_PIECES = st.sampled_from(
    ["\\", '"', "u", "0000", "d8", "D9", "dc", "00", "a", "{", ":", "\\\\", '\\"', "\\u0000"]
)


@given(st.lists(_PIECES, max_size=12).map("".join))
def test_one_escape_scan_answers_for_both(text: str) -> None:
    """The single scan decode_json makes finds an escape exactly when either the skeleton's scan
    (escaped backslash or quote) or the scrub's scan (NUL, lone surrogate) would."""
    data = text.encode()
    either = _QUOTING_ESCAPE.search(data) is not None or _SUSPECT_ESCAPE.search(data) is not None
    assert (_NOTABLE_ESCAPE.search(data) is not None) == either

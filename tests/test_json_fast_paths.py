"""The JSON fast paths give the same answers as the slow ones they stand in for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from statuskit._jsondecode import _NOTABLE_ESCAPE, _QUOTING_ESCAPE, _SUSPECT_ESCAPE

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

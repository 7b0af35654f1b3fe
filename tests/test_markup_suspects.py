"""The cheap pre-check of crowded_element (statuskit._suspects) never changes its answer:
whatever the input, crowded_element gives what tokenizing the whole text (_scan) gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from statuskit import _suspects
from statuskit._markup import _raw_crowded, _scan, crowded_element
from statuskit._suspects import _long_spans, suspects

# Pieces that steer a tokenizer: tag openers, quotes, separators, comments, raw-text elements,
# non-ASCII (a separator in str patterns, several bytes in UTF-8), and runs of attributes.


def _reference(text: str | bytes, limit: int, xml: bool) -> tuple[int, str] | None:
    """The whole tokenizer's answer, then (HTML) the script and style start tags'."""
    found = _scan(text, limit, xml)
    return found if found is not None or xml else _raw_crowded(text, limit)


_PIECES = st.sampled_from(
    [
        "<",
        ">",
        '"',
        "'",
        " ",
        "\n",
        "=",
        "/",
        "a",
        "b=1",
        "<a",
        "<div ",
        "</p>",
        "<!--",
        "-->",
        "<!x>",
        "<script>",
        "</script>",
        "<style ",
        "<![CDATA[",
        "]]>",
        "<?x ",
        "?>",
        "é",
        "\u2028",
        "\u00a0",
        "\x00",
        '"">',
        "''",
        "<<",
        "<>",
        " x y z w v",
        ' q="a>b"',
        " r='\"'",
    ]
)
_TEXT = st.lists(_PIECES, max_size=60).map("".join)
_LIMIT = st.integers(min_value=0, max_value=6)


@settings(max_examples=600, deadline=None)
@given(text=_TEXT, limit=_LIMIT, xml=st.booleans())
def test_fast_check_agrees_with_full_scan_on_text(text: str, limit: int, xml: bool) -> None:
    assert crowded_element(text, limit, xml=xml) == _reference(text, limit, xml)


@settings(max_examples=600, deadline=None)
@given(text=_TEXT, limit=_LIMIT, xml=st.booleans())
def test_fast_check_agrees_with_full_scan_on_bytes(text: str, limit: int, xml: bool) -> None:
    raw = text.encode("utf-8")
    assert crowded_element(raw, limit, xml=xml) == _reference(raw, limit, xml)


@settings(max_examples=300, deadline=None)
@given(
    prefix=_TEXT,
    suffix=_TEXT,
    n=st.integers(min_value=0, max_value=40),
    limit=st.integers(min_value=1, max_value=30),
    quote=st.sampled_from(["", '"', "'"]),
)
def test_crowded_tags_anywhere_are_found(
    prefix: str, suffix: str, n: int, limit: int, quote: str
) -> None:
    """A tag with n attributes (some of whose values hold '>') inside arbitrary markup."""
    attrs = " ".join(f"a{i}={quote}v>{i}{quote}" if quote else f"a{i}" for i in range(n))
    text = f"{prefix}<p {attrs}>{suffix}"
    for data in (text, text.encode("utf-8")):
        assert crowded_element(data, limit) == _reference(data, limit, False)


def test_suspects_are_ascending_offsets_of_lt() -> None:
    raw = b"<a " + b" ".join(b"x%d" % i for i in range(50)) + b'> <b c=">"' + b" y" * 40 + b">"
    found = suspects(raw, 10)
    assert found is not None
    assert found == sorted(set(found))
    assert all(raw[at : at + 1] == b"<" for at in found)
    assert 0 in found


@settings(max_examples=60, deadline=None)
@given(
    unit=_TEXT,
    repeat=st.integers(min_value=1, max_value=3000),
    at=st.floats(min_value=0, max_value=1),
    n=st.integers(min_value=250, max_value=300),
    quote=st.sampled_from(["", '"', "'"]),
)
def test_large_pages_cross_chunks(unit: str, repeat: int, at: float, n: int, quote: str) -> None:
    """Pages past the 16 KiB pieces of the quote pass, with the default limit of 256."""
    body = (unit or "<p>") * repeat
    cut = int(len(body) * at)
    attrs = " ".join(f"a{i}={quote}>{quote}" if quote else f"a{i}" for i in range(n))
    text = f"{body[:cut]}<p {attrs}>{body[cut:]}"
    for data in (text, text.encode("utf-8")):
        assert crowded_element(data, 256) == _reference(data, 256, False)


def _long_spans_by_hand(raw: bytes, limit: int) -> list[int]:
    """Every "<" whose next ">" (or the end) lies more than 2 * limit bytes further."""
    out = []
    for at in range(len(raw)):
        if raw[at] == 60:
            gt = raw.find(b">", at)
            if (len(raw) if gt < 0 else gt) - at > 2 * limit:
                out.append(at)
    return out


_RUNS = st.lists(
    st.sampled_from(["<", ">", "a", " ", '"', "<a b", "x" * 9, "<" + "y " * 7, ">" * 3, "é"]),
    max_size=80,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(text=_RUNS, limit=st.integers(min_value=0, max_value=8))
def test_long_spans_are_exactly_the_far_lt(text: str, limit: int) -> None:
    """The block pass finds exactly the '<' more than 2 * limit bytes before the next '>'."""
    raw = text.encode("utf-8")
    expected = _long_spans_by_hand(raw, limit)
    saved = _suspects._GROUP
    try:
        for group in (1, 5, 40, saved):  # blocks per group: one, a few, many
            _suspects._GROUP = group * (limit + 1)
            assert _long_spans(raw, 0, len(raw), limit, len(raw)) == expected
    finally:
        _suspects._GROUP = saved


def test_long_spans_across_groups_and_parts() -> None:
    """Runs that straddle the 32 KiB groups of blocks, or end at the end of the input."""
    for limit in (1, 7, 256):
        for cut in (32 * 1024 - 600, 32 * 1024 + 3, 64 * 1024 - 1):
            raw = b"<p>" * (cut // 3) + b"<x " + b"a" * (2 * limit + 5) + b"><y" + b" b" * 300
            assert _long_spans(raw, 0, len(raw), limit, len(raw)) == _long_spans_by_hand(raw, limit)
    raw = b"<" * 5000
    assert _long_spans(raw, 0, len(raw), 8, 100) is None

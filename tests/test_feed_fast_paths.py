"""The feed path's fast paths give the same answers as the general code they stand in for."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from statuskit._dates import ZONE_ABBREVIATIONS, _partial, parse_partial
from statuskit._text import _CONTROL, html_to_text
from statuskit.adapters._spbody import _NOT_CONTROL, _fast_text, html_text
from statuskit.errors import ParseError
from statuskit.limits import Limits, ParseContext

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _outcome(
    fn: object, text: str, reference: datetime | None, ctx: ParseContext
) -> tuple[object, list[str]]:
    try:
        value: object = fn(text, reference, ctx, "/x")  # type: ignore[operator]
    except ParseError as exc:
        value = ("ParseError", str(exc))
    return value, list(ctx.warnings)


@settings(max_examples=400)
@given(
    month=st.sampled_from([*_MONTHS, "jan", "Sept", "Xyz"]),
    day=st.integers(0, 32),
    hour=st.integers(0, 25),
    minute=st.integers(0, 60),
    zone=st.sampled_from([*ZONE_ABBREVIATIONS, "utc", "Pst", "XYZ", "+05:30", "GMT+2", "AM"]),
    reference=st.one_of(
        st.none(),
        st.datetimes(datetime(1, 1, 1), datetime(9999, 12, 31), timezones=st.just(timezone.utc)),
    ),
    page_zone=st.sampled_from([None, "America/Chicago", "Asia/Shanghai"]),
    strict=st.booleans(),
    short_limit=st.booleans(),
)
def test_parse_partial_fast_path_equals_the_general_rules(
    month: str,
    day: int,
    hour: int,
    minute: int,
    zone: str,
    reference: datetime | None,
    page_zone: str | None,
    strict: bool,
    short_limit: bool,
) -> None:
    """parse_partial's fast path ("Jan 30, 21:39 UTC") gives the very value, warnings and errors
    of the general rules, for any month word, day, time, zone, reference year (1 to 9999, or
    none), page zone, mode and date length limit."""
    text = f"{month} {day}, {hour:02d}:{minute:02d} {zone}"
    limits = Limits(max_date_length=10) if short_limit else Limits()

    def ctx() -> ParseContext:
        return ParseContext("x", strict=strict, limits=limits, time_zone=page_zone)

    fast = _outcome(parse_partial, text, reference, ctx())
    full = _outcome(_partial, text, reference, ctx())
    assert fast == full
    if isinstance(fast[0], datetime) and isinstance(full[0], datetime):
        assert fast[0].tzinfo is full[0].tzinfo is timezone.utc
        assert fast[0].fold == full[0].fold


@given(st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=30))
def test_control_check_at_c_speed_equals_the_regex(text: str) -> None:
    """For ASCII text, deleting every non-control byte leaves something exactly when
    _CONTROL finds a control character (the check _fast_text makes before its token loop)."""
    if text.isascii():
        found = bool(text.encode("ascii").translate(None, _NOT_CONTROL))
        assert found == (_CONTROL.search(text) is not None)


@given(st.lists(st.sampled_from(["a", " ", "<br>", "<b>", "</b>", "\x01", "\x7f", "\x1f", "é"])))
def test_fast_html_text_declines_control_characters_as_before(pieces: list[str]) -> None:
    """_fast_text gives html_to_text's result or declines, also around control characters."""
    markup = "".join(pieces)
    fast = _fast_text(markup)
    assert fast is None or fast == html_to_text(markup)
    assert html_text(markup) == html_to_text(markup)


@settings(max_examples=500)
@given(
    word=st.text(alphabet="aAbBeEgGlLmMnNpPqQtTuU09é", min_size=1, max_size=7),
    tail=st.sampled_from([",", " ", "", ";", ".", "<br>", "&", "=", "-", "\n", ")", "é", "x"]),
    before=st.sampled_from(["Q", "", " ", "<b>x</b> "]),
)
def test_a_plain_ampersand_before_a_word_reads_as_html_to_text(
    word: str, tail: str, before: str
) -> None:
    """An "&" before a word ("Q&A,") stays on the fast path only where both decoders keep it
    as text; either way html_text equals html_to_text."""
    markup = f"{before}&{word}{tail} z"
    fast = _fast_text(markup)
    assert fast is None or fast == html_to_text(markup)
    assert html_text(markup) == html_to_text(markup)


def test_q_and_a_stays_on_the_fast_path() -> None:
    """'Q&A,' (DigitalOcean's updates) is read without lxml; '&amp,' and '&Ab;' are not."""
    assert _fast_text("Access to Q&A, tutorials") == "Access to Q&A, tutorials"
    assert _fast_text("a &amp, b") is None
    assert _fast_text("a &Ab; b") is None

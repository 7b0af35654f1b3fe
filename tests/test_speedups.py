"""The compiled walker (``statuskit._speedups``) reads exactly what the pure-Python readers read.
Skipped when it was not built (``pip install`` builds it when a C compiler is available;
``STATUSKIT_PURE=1`` turns it off)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import statuskit
from statuskit import _compiled
from statuskit.limits import ParseContext

from .conftest import CORPUS, corpus_files

HERE = Path(__file__).resolve().parent
compiled = pytest.mark.skipif(_compiled.scan_index is None, reason="compiled walker not built")
_PARTS = _compiled.__all__


def _reading(
    data: bytes,
    monkeypatch: pytest.MonkeyPatch,
    pure: bool,
    limits: statuskit.Limits | None,
    time_zone: str | None,
) -> str:
    with monkeypatch.context() as m:
        if pure:
            for name in _PARTS:
                m.setattr(_compiled, name, None)
        try:
            return statuskit.dumps(statuskit.parse(data, provider="statuspage.html", limits=limits))
        except statuskit.StatuskitError as exc:
            return f"{type(exc).__name__}: {exc}"


def _same(
    data: bytes,
    monkeypatch: pytest.MonkeyPatch,
    limits: statuskit.Limits | None = None,
    time_zone: str | None = None,
) -> None:
    compiled_reading = _reading(data, monkeypatch, False, limits, time_zone)
    assert compiled_reading == _reading(data, monkeypatch, True, limits, time_zone)


@compiled
@pytest.mark.parametrize(
    "path",
    sorted((HERE / "fixtures" / "statuspage.html").glob("*.html"))
    + corpus_files("statuspage-html"),
    ids=lambda p: p.name,
)
def test_pages_read_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Statuspage page we have (fixtures, and the corpus when present) gives the same
    reading, warnings included, with and without the compiled walker."""
    _same(path.read_bytes(), monkeypatch)


_TEXT = st.sampled_from(
    [
        "API",
        "  Web\n  App  ",
        "a &amp; b",
        "caf\u00e9",
        "x\u00a0y",
        "tab\there",
        "",
        "  ",
        "\u2028",
        "a\x1cb",
        "a\x0b\x0cb",
        "x&#13;y",
        "\x7fdel",
    ]
)
_NAME_CLASS = st.sampled_from(["name", "name x", "names", "x name", "NAME", "", None])
_ATTR = st.sampled_from(
    [None, "", "c1", "c&amp;2", "major_outage", "operational", "weird", "Operational", "caf\u00e9"]
)


@st.composite
def _row(draw: st.DrawFn) -> str:
    attrs = []
    for name in ("data-component-id", "data-component-status"):
        value = draw(_ATTR)
        if value is not None:
            attrs.append(f'{name}="{value}"')
    cls = draw(
        st.sampled_from(
            [
                "component-inner-container status-green",
                "component-inner-container",
                "x component-inner-containers",
                "component-inner-container&#32;y",
            ]
        )
    )
    parts = []
    if draw(st.booleans()):
        parts.append("<!-- note -->")
    name_cls = draw(_NAME_CLASS)
    inner = draw(_TEXT)
    if draw(st.booleans()):
        inner += "<b>bold</b> tail"
    cls_attr = "" if name_cls is None else f' class="{name_cls}"'
    if draw(st.booleans()):
        parts.append(f"<span{cls_attr}>{inner}</span>")
    tip = draw(st.sampled_from([None, "tooltip-base", "tooltip-base x", "no"]))
    if tip is not None:
        title = draw(st.sampled_from([None, "", "About &quot;it&quot;", "plain"]))
        title_attr = "" if title is None else f' title="{title}"'
        parts.append(f'<span class="{tip}"{title_attr}>?</span>')
    if draw(st.booleans()):
        parts.append('<span class="component-status">Operational</span>')
    return f'<div class="{cls}" {" ".join(attrs)}>{"".join(parts)}</div>'


@st.composite
def _page(draw: st.DrawFn) -> bytes:
    body = []
    for _ in range(draw(st.integers(1, 4))):
        rows = draw(st.lists(_row(), min_size=1, max_size=4))
        if draw(st.booleans()):
            body.append(
                '<div class="component-container is-group">'
                + rows[0]
                + '<div class="child-components-container">'
                + "".join(rows[1:])
                + "</div></div>"
            )
        else:
            body.append('<div class="component-container">' + "".join(rows) + "</div>")
    page = (
        '<!DOCTYPE html><html><head><title>Example Status</title></head><body class="status'
        ' index status-minor"><div class="page-status status-minor"><span class="status">'
        "Minor</span></div>" + "".join(body) + "</body></html>"
    )
    return page.encode()


@compiled
@given(_page(), st.sampled_from([None, 1, 2, 5]))
def test_generated_rows_read_the_same(data: bytes, max_items: int | None) -> None:
    """Component rows of every shape (comments first, other class names, nested markup in
    the name, entities in attributes, missing, empty or unknown attributes, tooltips with and
    without titles, odd whitespace, groups, the max_items cut) read the same with and without
    the compiled walker."""
    limits = None if max_items is None else statuskit.Limits(max_items=max_items)
    with pytest.MonkeyPatch.context() as m:
        _same(data, m, limits)


_POST_CLASS = st.sampled_from(
    ["update", "update font-regular resolved", "updates", "x update", "update\u00a0x", ""]
)
_WORD = st.sampled_from(
    [
        "Resolved",
        " Monitoring ",
        "Update",
        "",
        "<b>Bold</b>",
        "Investigating",
        "R\u00e9solu",
        "a\tb",
    ]
)
_BODY = st.sampled_from(
    [
        " - We are looking into it.",
        " \u2013 Fixed &amp; done",
        "",
        " -  two  spaces ",
        "\tx",
        "\n - lines\n\n\n  and   more \n",
        " - a &lt;b&gt; c",
        "- x\ry",
        " -- twice",
        "\x1c - odd space",
    ]
)
_TAIL = st.sampled_from(
    ["", "\n", "More to follow.", " a &lt; b ", "\u00a0", "\t", " x \n\n y ", "\r\n", "  \n  "]
)
_USUAL = "Oct <var data-var='date'>18</var>, <var data-var='time'>15:32</var> UTC"
_SMALL = st.sampled_from(
    [
        _USUAL,
        _USUAL,
        _USUAL,
        "Oct <var data-var='date'>18</var>, <var data-var='time'>15:32</var> PDT",
        "Oct <var>18</var>, <var>25:32</var> UTC",
        "Oct <var>18</var> <var>15:32</var> UTC",
        "Oct <var>18</var>, <var>15:32</var><!-- c --> UTC",
        "Oct <var>1<b>8</b></var>, <var>15:32</var> UTC",
        "Oct <script>x</script>, <var>15:32</var> UTC",
        "Oct 18, 15:32 UTC",
        "Oct <var>18</var>, <var>15:32</var>, <var>x</var> UTC",
        " oct <var> 7 </var> , <var>09:05</var>  UTC ",
        "Feb <var>30</var>, <var>10:00</var> UTC",
        "Apr <var>00018</var>, <var>10:00</var> UTC",
        "Ap <var>18</var>, <var>10:00</var> UTC",
        "Octo <var>18</var>, <var>1:05 </var> UTC",
        "Oct <var>\u0661</var>, <var>10:00</var> UTC",
        "Oct <var>18</var>, <var>10:00</var> XYZ",
        "Apr <var>18</var>, <var>10:00</var> CEST",
        "Oct\t<var>18</var>,\n<var>10:00</var>\tUTC",
    ]
)


@st.composite
def _post(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.integers(0, 4)):
        parts.append(f"<strong>{draw(_WORD)}</strong>")
    elif draw(st.booleans()):
        parts.append("<!-- lead -->")
    parts.append(draw(_BODY))
    for _ in range(draw(st.integers(0, 3))):
        parts.append(draw(st.sampled_from(["<br>", "<br/>", "<br class='x'>", "<br>", "<i>i</i>"])))
        parts.append(draw(_TAIL))
    if draw(st.integers(0, 5)):
        parts.append(f"<small>{draw(_SMALL)}</small>")
    if draw(st.integers(0, 4)) == 0:
        parts.append(draw(_TAIL))
    return f'<div class="{draw(_POST_CLASS)}">{"".join(parts)}</div>'


_TITLE = st.sampled_from(
    [
        '<div class="incident-title impact-minor"><a href="/incidents/code{n}">Incident {n}</a>'
        "</div>",
        '<div class="incident-title impact-minor"><a href="/incidents/code{n}">Incident {n}</a>'
        "</div>",
        '<div class="incident-title impact-major font-large">\n <a href="/incidents/code{n}">'
        "  Two\n  lines </a></div>",
        '<div class="incident-title"><a href="/incidents/code{n}">No impact</a></div>',
        '<div class="incident-title impact-"><a href="/incidents/code{n}">Bare prefix</a></div>',
        '<div class="incident-title impact-none"><!-- c --><a href="/incidents/code{n}">Comment'
        "</a></div>",
        '<div class="incident-title impact-minor"><a href="/incidents/code{n}">Caf\u00e9</a></div>',
        '<div class="incident-title impact-minor"><a href="/incidents/code{n}" title="T"></a>'
        "</div>",
        '<div class="incident-title impact-minor"><a href="/incidents/code{n}"><b>B</b></a></div>',
        '<div class="incident-title impact-minor"><a href="/elsewhere">Not an incident</a></div>',
        '<div class="incident-title impact-minor"><span>No link</span></div>',
        '<p class="incident-title impact-minor"><a href="/incidents/code{n}">A p</a></p>',
        '<div class="incident-title\u00a0impact-minor"><a href="/incidents/code{n}">Nbsp</a></div>',
    ]
)
_DATE = st.sampled_from(
    [
        '<div class="date">Oct 18, 2021</div>',
        '<div class="date border-color">Oct <var data-var="date">18</var>, '
        '<var data-var="year">2021</var></div>',
        '<div class="date">Oct <var>18</var><!-- c -->, <var>2021</var></div>',
        '<div class="date">Oct <var><b>18</b></var>, 2021</div>',
        '<div class="date">Okt\u00a018, 2021</div>',
        '<div class="dates">Oct 18, 2021</div>',
        "",
    ]
)


@st.composite
def _history(draw: st.DrawFn) -> bytes:
    entries = []
    for n in range(draw(st.integers(1, 3))):
        posts = "".join(draw(st.lists(_post(), min_size=1, max_size=4)))
        title = draw(_TITLE).format(n=n)
        box = draw(st.sampled_from(["updates-container", "updates-container", "updates"]))
        entries.append(
            f'<div class="incident-container">{title}<div class="{box}">{posts}</div></div>'
        )
        if draw(st.integers(0, 6)) == 0:
            entries.append(draw(st.sampled_from(["<!-- x -->", '<?pi class="x"?>', "<p>t</p>"])))
    page = (
        "<!DOCTYPE html><html><head><title>Example Status</title>"
        '<meta name="issued" content="1634578070"></head><body class="status index status-none">'
        '<div class="component-container"><div class="component-inner-container" '
        'data-component-id="c1" data-component-status="operational"><span class="name">API'
        '</span></div></div><div class="incidents-list"><div class="status-day">'
        + draw(_DATE)
        + "".join(entries)
        + "</div></div></body></html>"
    )
    return page.encode()


@compiled
@given(
    _history(),
    st.sampled_from([None, None, "Europe/Berlin"]),
    st.sampled_from([None, None, (1, 1 << 20), (256, 12)]),
)
def test_generated_posts_read_the_same(
    data: bytes, time_zone: str | None, bounds: tuple[int, int] | None
) -> None:
    """Update posts of every shape (with and without <strong>, <br> runs with text between,
    other inline markup, comments, control characters, times in and out of the usual <var>
    form, impossible dates, unknown zones, classes that only look like "update", Unicode
    text and spaces) read the same with and without the walker, with the page's zone given
    or not, and with max_items and max_text cutting."""
    limits = None if bounds is None else statuskit.Limits(max_items=bounds[0], max_text=bounds[1])
    with pytest.MonkeyPatch.context() as m:
        _same(data, m, limits, time_zone)


@compiled
@given(_page(), st.sampled_from([1, 3, 1000]))
def test_scan_sees_what_the_loop_sees(data: bytes, max_items: int) -> None:
    """The walker reads the same component rows as the pure loop, and hands back, in document
    order, the same other divs (the same elements)."""
    from statuskit.adapters._sphtml_index import (
        _NO_RAW,
        COMPONENT_STATUS,
        IndexPage,
        _component,
        _finish,
        _read_divs,
        new_component,
    )

    assert _compiled.scan_index is not None
    root = etree.fromstring(data, etree.HTMLParser(encoding="utf-8"))
    limits = statuskit.Limits(max_items=max_items)
    ctx = ParseContext("statuspage.html", limits=limits)
    out = IndexPage()
    expected = list(_read_divs(root, out, ctx))
    keep = ("status-day", "unresolved-incident", "scheduled-maintenance", "page-status")
    expected = [(cls, el) for cls, el in expected if any(k in cls for k in keep)]
    ctx2 = ParseContext("statuspage.html", limits=limits)
    comps, cut, others = _compiled.scan_index(
        root, COMPONENT_STATUS, new_component, _finish, _component, _NO_RAW, max_items, ctx2
    )
    assert comps == out.components
    assert cut == any("max_items" in w for w in ctx.warnings)
    assert [w for w in ctx.warnings if "max_items" not in w] == ctx2.warnings
    assert len(others) == len(expected)
    for (cls, el), (want_cls, want) in zip(others, expected, strict=True):
        assert cls == want_cls
        assert el is want


def test_pure_switch() -> None:
    """STATUSKIT_PURE=1 turns the compiled walker off (and it is off when not built)."""
    env = dict(os.environ, STATUSKIT_PURE="1")
    code = "from statuskit import _compiled; print(_compiled.scan_index)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "None"


def test_built_when_required() -> None:
    """.ci/run builds the walker and sets STATUSKIT_REQUIRE_COMPILED=1: the comparisons above
    must then run, not skip."""
    if os.environ.get("STATUSKIT_REQUIRE_COMPILED"):
        for name in _PARTS:
            assert getattr(_compiled, name) is not None, f"compiled walker lacks {name}"


@st.composite
def _tree(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 9 or not draw(st.integers(0, 3)):
        return draw(st.sampled_from(["", "text", "<!-- c -->", "<br>", "<?pi x?>"]))
    kids = draw(st.lists(_tree(depth + 1), max_size=3))
    tag = draw(st.sampled_from(["div", "span", "b"]))
    return f"<{tag}>{''.join(kids)}</{tag}>"


@compiled
@given(_tree(), st.integers(1, 12), st.booleans())
def test_depth_walk_matches_xpath(markup: str, levels: int, xml: bool) -> None:
    """The compiled depth check answers what the XPath ``*/*/.../*`` answers, on HTML and XML
    trees, from the root and from an element inside."""
    assert _compiled.deeper_than is not None
    if xml:
        root = etree.fromstring(f"<r>{markup.replace('<br>', '<br/>')}</r>")
    else:
        root = etree.fromstring(f"<html><body>{markup}</body></html>", etree.HTMLParser())
    path = etree.XPath("boolean(" + "/".join(["*"] * levels) + ")")
    for el in root.iter(etree.Element):
        assert _compiled.deeper_than(el, levels) == path(el)


_MARKUP = st.sampled_from(
    [
        "<",
        ">",
        '"',
        "'",
        "=",
        "/",
        " ",
        "\n",
        "\x0b",
        "a",
        "b",
        "!",
        "--",
        "<!--",
        "-->",
        "<script",
        "</script",
        "<ScRiPt>",
        "<style",
        "</STYLE",
        "<script a b c d",
        "<STYLE x=1 y",
        "<a",
        "<b ",
        " c",
        " d=e",
        ' f="g h"',
        " j='k l'",
        '=""',
        '""',
        "''",
        "<!",
        "_",
        ":",
        "1",
        "\u00e9",
    ]
)


@compiled
@given(st.lists(_MARKUP, max_size=80).map("".join), st.integers(1, 12))
def test_markup_check_clears_only_what_the_tokenizer_clears(markup: str, limit: int) -> None:
    """The compiled pre-check of crowded elements says "clear" only where the tokenizer finds
    no element with more than *limit* attributes: tags, values holding ``>``, comments,
    declarations, script and style text and start tags, unclosed values and tags cut by the
    end."""
    from statuskit._markup import _raw_crowded, _scan, crowded_element

    assert _compiled.markup_clear is not None
    data = markup.encode()
    if _compiled.markup_clear(data, limit):
        assert _scan(data, limit, False) is None
        assert _raw_crowded(data, limit) is None
    with pytest.MonkeyPatch.context() as m:
        compiled_answer = crowded_element(data, limit)
        m.setattr(_compiled, "markup_clear", None)
        assert crowded_element(data, limit) == compiled_answer


@compiled
@pytest.mark.parametrize(
    "path",
    sorted(p for p in (HERE / "fixtures").rglob("*") if p.is_file() and p.suffix != ".json")
    + (sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_markup_check_answers_the_same(path: Path) -> None:
    """Every page and feed we have: the same answer with and without the compiled check."""
    from statuskit._markup import crowded_element

    data = path.read_bytes()
    with pytest.MonkeyPatch.context() as m:
        answers = [crowded_element(data, limit) for limit in (2, 8, 256)]
        m.setattr(_compiled, "markup_clear", None)
        assert [crowded_element(data, limit) for limit in (2, 8, 256)] == answers


@compiled
@given(
    st.text(max_size=5),
    st.text(max_size=5),
    st.sampled_from(list(statuskit.ComponentStatus)),
    st.none() | st.text(max_size=3),
    st.integers(-5, 1000),
    st.booleans(),
)
def test_maker_builds_what_the_builder_builds(
    cid: str, name: str, status: statuskit.ComponentStatus, group: str | None, pos: int, flag: bool
) -> None:
    """The walker's Maker gives the very object the twin builder gives: same type, equal, same
    hash, same fields, tracked by the garbage collector alike."""
    import gc
    from types import MappingProxyType

    from statuskit.adapters._fastbuild import new_component
    from statuskit.model import Component

    made = _compiled.maker(Component, new_component)
    assert made is not new_component
    values = (cid, name, status, "raw", group, None, pos, group, flag, None, MappingProxyType({}))
    a, b = made(*values), new_component(*values)
    assert type(a) is type(b) is Component
    assert a == b and hash(a) == hash(b)
    assert [getattr(a, f.name) for f in attrs.fields(Component)] == list(values)
    assert gc.is_tracked(a) == gc.is_tracked(b)
    with pytest.raises(TypeError):
        made(*values[:-1])


def test_maker_needs_a_plain_class() -> None:
    """maker() keeps the builder for a class the walker cannot fill slot by slot."""

    @attrs.define
    class Open:
        a: int
        b: int = attrs.field(validator=attrs.validators.instance_of(int))

    assert _compiled.maker(Open, Open) is Open
    if _compiled._Maker is not None:
        with pytest.raises(ValueError, match="not a slot"):
            _compiled._Maker(int, ["real"])

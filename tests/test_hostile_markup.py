"""The safe XML and HTML readers adapters use: no entity, no DTD, no network, no file, bounded."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import statuskit
from statuskit import InputLimitError, Limits, ParseContext, ParseError
from statuskit._html import html_parser, parse_html
from statuskit._markup import crowded_element, fix_char_refs
from statuskit._xml import parse_xml, strip_doctype, xml_parser

VALUE = st.text(alphabet="ab<>/='!-? \u00e9", max_size=6)


@given(
    st.integers(0, 40),
    st.lists(VALUE, min_size=40, max_size=40),
    st.sampled_from(['"', "'"]),
    st.booleans(),
)
def test_attribute_count_matches_the_parsers(
    n: int, values: list[str], quote: str, noise: bool
) -> None:
    """crowded_element counts attributes exactly as lxml's XML and HTML parsers do, whatever
    the values hold ('>', '<', the other quote, comment openers), and skips comments, CDATA
    and scripts."""
    values = [v.replace(quote, "") for v in values]
    attrs = " ".join(f"a{i}={quote}{values[i]}{quote}" for i in range(n))
    before = "<!-- <x " + " ".join(f"b{i}" for i in range(30)) + " --> " if noise else ""
    tag = f"<item {attrs}>text</item>"
    xml_tag = f"<item {attrs.replace('<', '&lt;')}>text</item>"
    xml = f"<root>{before}<![CDATA[<y {' '.join(f'c{i}' for i in range(30))}>]]>{xml_tag}</root>"
    parsed = etree.fromstring(xml.encode(), xml_parser()).find("item")
    assert parsed is not None
    assert len(parsed.attrib) == n
    for limit in (max(n - 1, 1), n, n + 1):
        found = crowded_element(xml, limit, xml=True)
        assert (found is not None) == (n > limit)
    html = f"<html><body>{before}<script>var s = '<z {'  '.join(f'd{i}' for i in range(30))}';</script>{tag}</body></html>"
    for limit in (max(n - 1, 1), n, n + 1):
        assert (crowded_element(html, limit) is not None) == (n > limit)


def test_long_values_are_not_many_attributes() -> None:
    """SVG paths, data URIs and JSON in attributes are long, not crowded."""
    path = " ".join(f"{i}.5 {i}" for i in range(5000))
    page = (
        f'<svg><path d="{path}" fill="#fff"/></svg><img src="data:image/png;base64,{"A" * 50000}">'
    )
    page += "<div data-props='" + '{"a": 1, ' * 2000 + "}'>x</div>"
    assert crowded_element(page, 8) is None


def test_attributes_on_one_element_are_bounded_before_parsing() -> None:
    """More than max_attributes on one element is an InputLimitError from both readers; up to
    the limit parses."""
    ok = "<r " + " ".join(f'a{i}="1"' for i in range(256)) + "/>"
    assert len(parse_xml(ok, ParseContext("t"))) == 0
    crowded = "<r " + " ".join(f'a{i}="1"' for i in range(257)) + "/>"
    for parse in (parse_xml, parse_html):
        with pytest.raises(InputLimitError) as info:
            parse(crowded, ParseContext("t"))
        assert info.value.limit == "max_attributes"
    with pytest.raises(InputLimitError):
        parse_xml(ok, ParseContext("t", limits=Limits(max_attributes=10)))


@pytest.mark.parametrize("parse", [parse_xml, parse_html])
def test_depth_is_bounded(parse: object) -> None:
    """max_depth levels parse, one more is an InputLimitError; past libxml2's 256 too."""

    def nested(n: int) -> str:
        return "<div>" * n + "x" + "</div>" * n

    reader = parse_xml if parse is parse_xml else parse_html
    limits = Limits(max_depth=10)
    # parse_html wraps a fragment in <html><body>: two levels of its own
    top = 10 if reader is parse_xml else 8
    reader(nested(top), ParseContext("t", limits=limits))
    for n in (top + 1, 300, 5000):
        with pytest.raises(InputLimitError) as info:
            reader(nested(n), ParseContext("t", limits=limits if n < 300 else Limits()))
        assert info.value.limit == "max_depth"


def test_the_xml_parser_is_configured_safe_and_per_thread() -> None:
    """The parser never resolves entities, loads DTDs or uses the network; each thread has its
    own (lxml parsers must not be shared across threads)."""
    parser = xml_parser()
    raw = (
        b'<!DOCTYPE r [<!ENTITY e "expanded"><!ENTITY x SYSTEM "file:///etc/passwd">]><r>&e;&x;</r>'
    )
    root = etree.fromstring(raw, parser)  # even without statuskit's DOCTYPE stripping
    assert "expanded" not in etree.tostring(root, encoding="unicode").replace("&e;", "")
    assert root.text is None
    seen: list[object] = []
    worker = threading.Thread(target=lambda: seen.append(xml_parser()))
    worker.start()
    worker.join()
    assert seen[0] is not parser
    assert xml_parser() is parser
    assert html_parser() is html_parser()


def test_doctype_stripping_reads_the_subset_grammar() -> None:
    """The DOCTYPE ends at the '>' after its subset, not at a ']>' inside a string or comment;
    comments and processing instructions before it stay; one that never ends is None."""
    text = '<?pi x?><!-- c --><!DOCTYPE r [ <!ENTITY a "]>"> <!-- ]> --> <?p ]>?> ]><r>&a;</r>'
    assert strip_doctype(text) == ("<?pi x?><!-- c --><r>&a;</r>", True)
    assert strip_doctype('<!DOCTYPE html PUBLIC "-//W3C//DTD" "http://x/y.dtd"><r/>') == (
        "<r/>",
        False,
    )
    assert strip_doctype("<r><!DOCTYPE x></r>") == ("<r><!DOCTYPE x></r>", False)
    for broken in ('<!DOCTYPE r [ <!ENTITY a "x> <r/>', "<!DOCTYPE r [ <!-- ", "<!DOCTYPE r ["):
        assert strip_doctype(broken) is None
    with pytest.raises(ParseError, match="DOCTYPE"):
        parse_xml("<!DOCTYPE r [", ParseContext("t"))


@pytest.mark.parametrize(
    ("ref", "kept"),
    [
        ("&#65;", True),
        ("&#x41;", True),
        ("&#x10FFFF;", True),
        ("&#9;", True),
        ("&#xE000;", True),
        ("&#x110000;", False),
        ("&#xD800;", False),
        ("&#xDFFF;", False),
        ("&#0;", False),
        ("&#1;", False),
        ("&#xFFFE;", False),
        ("&#99999999999;", False),
        ("&#65", False),
        ("&#x" + "0" * 50 + "41;", True),
    ],
)
def test_character_references_xml_cannot_hold_are_replaced(ref: str, kept: bool) -> None:
    """References beyond U+10FFFF, to surrogates, NUL, controls or U+FFFE/U+FFFF read as U+FFFD
    (feedparser raises ValueError, OverflowError or UnicodeEncodeError on them)."""
    fixed, count = fix_char_refs(f"a{ref}b")
    assert (fixed == f"a{ref}b") is kept
    assert count == (0 if kept else 1)
    root = parse_xml(f"<r>{ref}</r>", ParseContext("t"))
    body = ref[2:-1]
    expected = chr(int(body[1:], 16) if body[0] == "x" else int(body)) if kept else "\ufffd"
    assert root.text == expected


def test_named_entities_inside_cdata_and_comments_are_left_alone() -> None:
    """HTML entity names outside CDATA read as characters; inside CDATA they stay text."""
    root = parse_xml(
        "<r><![CDATA[&nbsp;]]>&nbsp;<!-- &nbsp; --><a t='&eacute;'/></r>", ParseContext("t")
    )
    assert root.text == "&nbsp;\u00a0"
    assert root[1].get("t") == "\u00e9"


def test_malformed_xml_is_an_error_with_a_place_never_a_silent_truncation() -> None:
    """Mismatched tags, junk after the root and an empty body are ParseErrors with line and
    column; nothing is recovered."""
    for bad in ("<r><a></r>", "<r/><r/>", "", "<r>&#x;</r>", "<r a='1' a='2'/>"):
        with pytest.raises(ParseError, match="malformed XML"):
            parse_xml(bad, ParseContext("t"))


def test_html_is_read_as_utf8_text_whatever_its_meta_says() -> None:
    """parse_html takes decoded text; a lying <meta charset> cannot garble it."""
    root = parse_html('<meta charset="koi8-r"><p>caf\u00e9</p>', ParseContext("t"))
    assert root.text_content() == "caf\u00e9"
    with pytest.raises(ParseError, match="empty"):
        parse_html(" \n ", ParseContext("t"))


def test_feedparser_gets_only_what_it_can_read_in_time() -> None:
    """feedparser reads about a MiB a second: bodies past 3 MiB are refused for it, and
    markup past max_nodes for every reader."""
    from statuskit._xml import feedparser_bytes

    big = "<rss>" + "<item/>" * 500_000 + "</rss>"
    with pytest.raises(InputLimitError) as info:
        feedparser_bytes(big, ParseContext("t"))
    assert info.value.limit == "max_bytes"
    assert feedparser_bytes(big, ParseContext("t"), max_bytes=10**7)
    few = Limits(max_nodes=1000)
    for reader in (parse_xml, parse_html):
        with pytest.raises(InputLimitError) as info:
            reader(big, ParseContext("t", limits=few))
        assert info.value.limit == "max_nodes"


@pytest.mark.parametrize("xml", [True, False])
def test_a_hundred_thousand_attributes_never_reach_a_parser(xml: bool) -> None:
    """100,000 attributes on one element (bare, quoted, namespace declarations, or hidden
    behind quoted '>' characters) are refused before libxml2 sees them."""
    crowds = [
        " ".join(f'a{i}="{i}"' for i in range(100_000)),
        " ".join(f'xmlns:n{i}="urn:{i}"' for i in range(100_000)),
        " ".join(f'a{i}=">"' for i in range(100_000)),
    ]
    if not xml:
        crowds.append(" ".join(f"a{i}" for i in range(100_000)))
    reader = parse_xml if xml else parse_html
    for crowd in crowds:
        with pytest.raises(InputLimitError) as info:
            reader(f"<r {crowd}>x</r>", ParseContext("t"))
        assert info.value.limit == "max_attributes"


@pytest.mark.parametrize("tag", ["script", "style", "SCRIPT", "script/"])
@pytest.mark.parametrize("where", ["body", "comment"])
def test_script_and_style_attributes_are_counted(tag: str, where: str) -> None:
    """The tokenizer skips a script or style element whole as raw text, but libxml2 still
    reads its start tag's attributes pairwise (40,000 took 3 s, 160,000 would take a minute):
    they are counted too, wherever the start tag stands (a comment around it is read as
    markup by this check, which is the cautious side)."""
    crowded = " ".join(f"a{i}=1" for i in range(2000))
    start = f"<{tag} {crowded}></{tag.rstrip('/')}>"
    if where == "comment":
        start = f"<!-- {start} -->"
    page = f"<html><body><p>x</p>{start}</body></html>"
    for data in (page, page.encode()):
        found = crowded_element(data, 256)
        assert found is not None and found[0] > 256
    with pytest.raises(InputLimitError) as info:
        statuskit.parse(page.encode(), provider="statuspage.html")
    assert info.value.limit == "max_attributes"
    few = f"<html><body><{tag} a=1 b='>' c></{tag.rstrip('/')}></body></html>"
    assert crowded_element(few, 256) is None
    assert crowded_element(few.encode(), 256) is None

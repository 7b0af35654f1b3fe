"""Fuzz the safe XML and HTML readers, the feedparser preparation and html_to_text."""

from __future__ import annotations

import io

import feedparser
from _common import kept_the_boundary, run

import statuskit
from statuskit._html import parse_html
from statuskit._text import html_to_text
from statuskit._xml import feedparser_bytes, parse_xml


def test_one_input(data: bytes) -> None:
    source = statuskit.Source(data)
    ctx = statuskit.ParseContext("fuzz")
    kept_the_boundary(lambda: parse_xml(source, ctx))
    kept_the_boundary(lambda: parse_html(source, ctx))
    body = kept_the_boundary(lambda: feedparser_bytes(source, ctx))
    if isinstance(body, bytes):
        feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)
    if not isinstance(html_to_text(source.text()), str):
        raise AssertionError("html_to_text returned something else than text")


if __name__ == "__main__":
    run(test_one_input)

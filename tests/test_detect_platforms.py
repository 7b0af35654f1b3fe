"""Detection tells every platform apart from content alone.

Every golden fixture (all adapters, not only these) is run through :func:`statuskit.detect`
without url or content type, and must land on the adapter and platform its folder names.  The
small JSON bodies of the smaller platforms are sniffed by key sets, so lookalikes stay unclaimed.
"""

from __future__ import annotations

import json

import pytest

import statuskit
from statuskit._source import Source
from statuskit.testing import GoldenCase, golden_cases

from .conftest import CORPUS, FIXTURES

CASES = [c for c in golden_cases(FIXTURES) if c.adapter != "hostile"]
PLATFORM_ADAPTERS = (
    "slack.json",
    "statusio.json",
    "cachet.json",
    "uptimekuma.json",
    "gatus.json",
    "heroku.json",
    "openstatus.json",
)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_is_detected_from_content_alone(case: GoldenCase) -> None:
    """The bytes alone pick the adapter of the fixture's folder, and its platform."""
    det = statuskit.detect(case.path.read_bytes())
    assert det.adapter == case.adapter, det
    assert det.platform == statuskit.adapters()[case.adapter].platform


@pytest.mark.parametrize(
    "body",
    [
        b'{"status":"ok"}',
        b'{"status":"green"}',
        b'{"status":[]}',
        b'{"data":[]}',
        b'{"data":{"id":1,"name":"x"}}',
        b'{"result":{}}',
        b'{"config":{}}',
        b'[{"key":"a"}]',
        b'[{"id":1,"title":"x","type":"incident"}]',
        b'{"status":"operational","page":{"id":"abc"}}',
        b'{"title":"x","status":"success"}',
    ],
)
def test_lookalike_bodies_are_not_claimed(body: bytes) -> None:
    """Small JSON that merely shares a key or two with a platform is not claimed by it."""
    source = Source(body)
    claims = {
        name: s
        for name in PLATFORM_ADAPTERS
        if (s := statuskit.adapters()[name].sniff(source)) is not None
    }
    assert claims == {}


def test_openstatus_widget_is_only_the_one_key_body() -> None:
    """``{"status": "operational"}`` is OpenStatus's widget; any second key makes it not so."""
    assert statuskit.detect(b'{"status": "operational"}').platform == "openstatus"
    with pytest.raises(statuskit.UnknownFormatError):
        statuskit.detect(b'{"status": "operational", "code": 200}')


def test_no_real_payload_of_another_platform_is_claimed(corpus: object) -> None:
    """None of these adapters makes even a weak claim on any real recorded payload."""
    files = [p for p in sorted(CORPUS.rglob("*")) if p.is_file() and p.suffix != ".md"]
    assert files
    for path in files:
        source = Source(path.read_bytes())
        for name in PLATFORM_ADAPTERS:
            assert statuskit.adapters()[name].sniff(source) is None, (name, path.name)


def test_long_heads_still_detected() -> None:
    """Bodies whose telling keys sit past the sniffed head are still recognised: an Uptime Kuma
    page with a long custom CSS, an OpenStatus feed with a long monitor list."""
    kuma = json.loads((FIXTURES / "uptimekuma.json" / "status-page-1x.json").read_bytes())
    kuma["config"]["customCSS"] = "body { color: #333; }\n" * 500
    assert statuskit.detect(json.dumps(kuma)).adapter == "uptimekuma.json"
    feed = json.loads((FIXTURES / "openstatus.json" / "feed.json").read_bytes())
    feed["monitors"] = [
        {"id": i, "name": f"Monitor {i}", "description": "", "status": "success"}
        for i in range(300)
    ]
    assert statuskit.detect(json.dumps(feed)).adapter == "openstatus.json"

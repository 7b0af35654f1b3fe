"""Cloud adapters: statuskit.parse against the raw parsers of the same bytes.

* ``gcp.json``: the real Google Cloud history (157 incidents, 770 updates) against json.loads;
* ``aws.json``: the real UTF-16 currentevents against decoding + json.loads;
* ``betterstack.json``: the real Hugging Face index.json against json.loads;
* ``gcp.html``: the real regional page (679 cells) against lxml.html parsing alone and
  BeautifulSoup (the obvious alternative a scraper would use).

Synthetic stand-ins are used when the corpus is absent.
"""

from __future__ import annotations

import codecs
import json

from bs4 import BeautifulSoup
from lxml import html as lxml_html

import statuskit

from ._timing import best, corpus_file, ms


def _synthetic_gcp(n: int = 150) -> bytes:
    loc = [{"title": f"Region {k} (r{k})", "id": f"r{k}"} for k in range(20)]
    incidents = [
        {
            "id": f"inc{i:016d}",
            "begin": "2026-01-01T00:00:00+00:00",
            "created": "2026-01-01T00:05:00+00:00",
            "end": "2026-01-01T02:00:00+00:00",
            "modified": "2026-01-01T02:00:00+00:00",
            "external_desc": f"Incident {i}",
            "updates": [
                {
                    "created": f"2026-01-01T0{h}:00:00+00:00",
                    "when": f"2026-01-01T0{h}:00:00+00:00",
                    "text": "Mitigation work is in progress. " * 5,
                    "status": "AVAILABLE" if h == 2 else "SERVICE_DISRUPTION",
                    "affected_locations": loc,
                }
                for h in (2, 1, 0)
            ],
            "status_impact": "SERVICE_DISRUPTION",
            "severity": "medium",
            "affected_products": [{"title": "Compute", "id": "p1"}],
            "uri": f"incidents/inc{i:016d}",
            "currently_affected_locations": [],
            "previously_affected_locations": loc,
        }
        for i in range(n)
    ]
    return json.dumps(incidents).encode()


def _row(label: str, seconds: float, base: float | None = None, note: str = "") -> None:
    ratio = f"   ratio {seconds / base:5.2f}" if base else ""
    print(f"  {label:<30} {ms(seconds)}{ratio}{note}")


def main() -> None:
    path = corpus_file("gcp/incidents-2021-07-to-2022-07.json")
    data = path.read_bytes() if path else _synthetic_gcp()
    print(f"gcp.json  {'real history' if path else 'synthetic history'}, {len(data):,} bytes")
    t_json = best(lambda: json.loads(data), repeat=5)
    _row("json.loads", t_json)
    _row("statuskit.parse", best(lambda: statuskit.parse(data), repeat=5), t_json)

    path = corpus_file("aws/currentevents-2026-08-01-utf16.json")
    if path:
        raw = path.read_bytes()
        print(f"\naws.json  real currentevents (UTF-16), {len(raw):,} bytes")
        t_raw = best(lambda: json.loads(raw[2:].decode("utf-16-be")), repeat=5)
        _row("decode + json.loads", t_raw)
        _row("statuskit.parse", best(lambda: statuskit.parse(raw), repeat=5), t_raw)
        assert raw.startswith(codecs.BOM_UTF16_BE)

    path = corpus_file("betterstack/huggingface-index-2026-07-19-downtime.json")
    if path:
        raw = path.read_bytes()
        print(f"\nbetterstack.json  real index.json, {len(raw):,} bytes")
        t_raw = best(lambda: json.loads(raw))
        _row("json.loads", t_raw)
        _row("statuskit.parse", best(lambda: statuskit.parse(raw)), t_raw)

    path = corpus_file("gcp/status-cloud-google-index-2022-05.html")
    if path:
        raw = path.read_bytes()
        print(f"\ngcp.html  real regional page (679 cells), {len(raw):,} bytes")
        t_lxml = best(lambda: lxml_html.document_fromstring(raw), repeat=5)
        _row("lxml.html parse only", t_lxml)
        _row("statuskit.parse", best(lambda: statuskit.parse(raw), repeat=5), t_lxml)
        t_bs = best(lambda: BeautifulSoup(raw, "lxml"), repeat=3, min_time=0.5)
        _row("BeautifulSoup(lxml) parse only", t_bs, t_lxml)


if __name__ == "__main__":
    main()

"""Statuspage JSON: statuskit.parse against json.loads of the same bytes (target: 3 or less).

Times the largest Statuspage summary in the corpus (Cloudflare, 470 components) when the corpus
is present, and a synthetic summary of the same shape otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import statuskit
from statuskit import _jsondecode

from ._timing import best_each, corpus_file, ms

CLOUDFLARE = "statuspage-json/cloudflare-summary-2026-07-29-major-470-components.json"


def synthetic(n: int = 470) -> bytes:
    comps = [
        {
            "id": f"c{i:011d}",
            "name": f"Location {i}",
            "status": "operational" if i % 10 else "partial_outage",
            "created_at": "2014-10-27T21:59:30.264Z",
            "updated_at": "2026-07-29T17:04:41.000Z",
            "position": i,
            "description": None,
            "showcase": False,
            "start_date": None,
            "group_id": None,
            "page_id": "yh6f0r4529hb",
            "group": False,
            "only_show_if_degraded": False,
        }
        for i in range(n)
    ]
    page = {
        "id": "yh6f0r4529hb",
        "name": "Synthetic",
        "url": "https://status.example.com",
        "time_zone": "Etc/UTC",
        "updated_at": "2026-07-29T17:04:41.000Z",
    }
    return json.dumps(
        {
            "page": page,
            "components": comps,
            "incidents": [],
            "scheduled_maintenances": [],
            "status": {"indicator": "minor", "description": "x"},
        }
    ).encode()


def _parse_without_orjson(data: bytes) -> Callable[[], object]:
    def run() -> object:
        saved, _jsondecode._orjson = _jsondecode._orjson, None
        try:
            return statuskit.parse(data)
        finally:
            _jsondecode._orjson = saved

    return run


def main() -> None:
    path = corpus_file(CLOUDFLARE)
    data = path.read_bytes() if path else synthetic()
    label = "cloudflare summary (470 components)" if path else "synthetic summary (470 components)"
    fns: dict[str, Callable[[], object]] = {
        "json": lambda: json.loads(data),
        "parse": lambda: statuskit.parse(data),
        "forced": lambda: statuskit.parse(data, provider="statuspage.json"),
    }
    orjson = _jsondecode._orjson
    if orjson is not None:
        fns["orjson"] = lambda: orjson.loads(data)
        fns["plain"] = _parse_without_orjson(data)
    # timed in alternation: a noisy neighbour then slows all of them alike
    t = best_each(fns)
    t_json = t["json"]
    print(f"statuspage.json  {label}, {len(data):,} bytes")
    print(f"  json.loads                 {ms(t_json)}")
    print(
        f"  statuskit.parse            {ms(t['parse'])}   ratio {t['parse'] / t_json:5.2f}"
        "  (target <= 3)"
    )
    print(f"  parse(provider=...)        {ms(t['forced'])}   ratio {t['forced'] / t_json:5.2f}")
    if orjson is not None:
        print(
            f"  orjson.loads               {ms(t['orjson'])}"
            "   (used by statuskit when the speed extra is installed)"
        )
        print(
            f"  statuskit.parse, no orjson {ms(t['plain'])}   ratio {t['plain'] / t_json:5.2f}"
            "  (target <= 3)"
        )
    else:
        print("  orjson not installed: statuskit decodes with json (pip install statuskit[speed])")


if __name__ == "__main__":
    main()

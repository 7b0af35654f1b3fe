"""Statuspage JSON: statuskit.parse against json.loads of the same bytes (target: 3 or less).

Times the largest Statuspage summary in the corpus (Cloudflare, 470 components) when the corpus
is present, and a synthetic summary of the same shape otherwise.
"""

from __future__ import annotations

import json

import statuskit
from statuskit import _jsondecode

from ._timing import best, corpus_file, ms

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


def main() -> None:
    path = corpus_file(CLOUDFLARE)
    data = path.read_bytes() if path else synthetic()
    label = "cloudflare summary (470 components)" if path else "synthetic summary (470 components)"
    t_json = best(lambda: json.loads(data))
    t_parse = best(lambda: statuskit.parse(data))
    t_forced = best(lambda: statuskit.parse(data, provider="statuspage.json"))
    print(f"statuspage.json  {label}, {len(data):,} bytes")
    print(f"  json.loads                 {ms(t_json)}")
    print(
        f"  statuskit.parse            {ms(t_parse)}   ratio {t_parse / t_json:5.2f}  (target <= 3)"
    )
    print(f"  parse(provider=...)        {ms(t_forced)}   ratio {t_forced / t_json:5.2f}")
    if _jsondecode._orjson is not None:
        t_or = best(lambda: _jsondecode._orjson.loads(data))
        saved, _jsondecode._orjson = _jsondecode._orjson, None
        try:
            t_plain = best(lambda: statuskit.parse(data))
        finally:
            _jsondecode._orjson = saved
        print(
            f"  orjson.loads               {ms(t_or)}   (used by statuskit when the speed extra is installed)"
        )
        print(f"  statuskit.parse, no orjson {ms(t_plain)}   ratio {t_plain / t_json:5.2f}")
    else:
        print("  orjson not installed: statuskit decodes with json (pip install statuskit[speed])")


if __name__ == "__main__":
    main()

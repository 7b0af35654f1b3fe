"""The smaller platforms' JSON adapters: statuskit.parse against json.loads of the same bytes.

The corpus holds no real payload of these platforms, so each is timed on a synthetic body of
the size a busy page gives (shaped like the golden fixtures).  Printed per adapter: json.loads,
parse with detection, parse with ``provider=`` (no detection), and the ratios.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import statuskit

from ._timing import best, ms

Z = "2026-06-07T20:44:40.123456789Z"


def slack(n: int = 200) -> Any:
    return [
        {
            "id": 3000 + i,
            "date_created": "2026-03-07T14:35:00-08:00",
            "date_updated": "2026-03-08T10:05:00-07:00",
            "title": f"Incident {i}",
            "type": ("incident", "outage", "notice")[i % 3],
            "status": "resolved",
            "url": f"https://slack-status.com/2026-03/{i:016x}",
            "services": ["Messaging", "Connectivity"],
            "notes": [
                {"date_created": f"2026-03-07T{10 + j}:00:00-08:00", "body": "Text " * 30}
                for j in range(5)
            ],
        }
        for i in range(n)
    ]


def statusio(n: int = 100) -> Any:
    comps = [
        {
            "id": f"{i:024x}",
            "name": f"Service {i}",
            "updated": "2026-04-06T16:49:49.455Z",
            "status": "Operational",
            "status_code": 100 if i % 7 else 300,
            "containers": [
                {
                    "id": f"{j:024x}",
                    "name": f"Region {j}",
                    "updated": "2026-04-06T16:49:03.891Z",
                    "status": "Operational",
                    "status_code": 100,
                }
                for j in range(5)
            ],
        }
        for i in range(n)
    ]
    overall = {"updated": "2026-04-06T16:49:49.455Z", "status": "Degraded", "status_code": 300}
    return {
        "result": {
            "status_overall": overall,
            "status": comps,
            "incidents": [],
            "maintenance": {"active": [], "upcoming": []},
        }
    }


def cachet(n: int = 500) -> Any:
    data = [
        {
            "id": i,
            "name": f"Component {i}",
            "description": "",
            "link": "",
            "status": 1 + i % 4,
            "order": i,
            "group_id": i % 10,
            "created_at": "2025-11-05 16:52:00",
            "updated_at": "2026-03-14 08:27:32",
            "deleted_at": None,
            "enabled": True,
            "meta": None,
            "status_name": "Operational",
            "tags": [],
        }
        for i in range(n)
    ]
    page = {"total": n, "count": n, "per_page": n, "current_page": 1, "total_pages": 1}
    return {"meta": {"pagination": page}, "data": data}


def uptimekuma(n: int = 200) -> Any:
    beats = {
        str(i): [
            {
                "status": 1,
                "time": f"2026-03-14 09:{j % 60:02d}:00.512",
                "msg": "200 - OK",
                "ping": 84,
            }
            for j in range(100)
        ]
        for i in range(n)
    }
    return {"heartbeatList": beats, "uptimeList": {f"{i}_24": 1 for i in range(n)}}


def gatus(n: int = 200) -> Any:
    return [
        {
            "name": f"endpoint-{i}",
            "group": f"group-{i % 10}",
            "key": f"group-{i % 10}_endpoint-{i}",
            "results": [
                {
                    "status": 200,
                    "hostname": "example.org",
                    "duration": 81234567,
                    "conditionResults": [{"condition": "[STATUS] == 200", "success": True}],
                    "success": True,
                    "timestamp": Z,
                }
                for _ in range(20)
            ],
            "events": [{"type": "START", "timestamp": Z}],
        }
        for i in range(n)
    ]


def heroku(n: int = 100) -> Any:
    return [
        {
            "id": 2000 + i,
            "created_at": "2026-07-10T14:02:39Z",
            "updated_at": "2026-07-10T16:40:00Z",
            "title": f"Incident {i}",
            "resolved": True,
            "full_url": f"https://status.heroku.com/incidents/{2000 + i}",
            "systems": [{"name": "Apps", "status": "green"}],
            "updates": [
                {
                    "id": 10000 + 5 * i + j,
                    "update_type": ("issue", "update", "update", "monitoring", "resolved")[j],
                    "contents": "Text " * 30,
                    "status_dev": "yellow",
                    "status_prod": "green",
                    "created_at": f"2026-07-10T1{4 + j}:00:00Z",
                }
                for j in range(5)
            ],
        }
        for i in range(n)
    ]


def openstatus(n: int = 200) -> Any:
    return {
        "title": "Synthetic",
        "status": "success",
        "updatedAt": "2026-08-03T12:00:00.000Z",
        "monitors": [{"id": i, "name": f"M{i}", "status": "success"} for i in range(n)],
        "pageComponents": [
            {"id": 10_000 + i, "name": f"M{i}", "monitorId": i, "order": i, "groupId": None}
            for i in range(n)
        ],
        "pageComponentGroups": [],
        "maintenances": [],
        "statusReports": [
            {
                "id": r,
                "title": f"Report {r}",
                "status": "resolved",
                "pageComponents": [10_000 + r],
                "statusReportUpdates": [
                    {
                        "id": 10 * r + j,
                        "status": ("resolved", "monitoring", "investigating")[j],
                        "message": "Text " * 20,
                        "date": f"2026-07-28T1{5 - j}:00:00.000Z",
                    }
                    for j in range(3)
                ],
            }
            for r in range(50)
        ],
    }


BODIES: dict[str, Callable[[], Any]] = {
    "slack.json": slack,
    "statusio.json": statusio,
    "cachet.json": cachet,
    "uptimekuma.json": uptimekuma,
    "gatus.json": gatus,
    "heroku.json": heroku,
    "openstatus.json": openstatus,
}


def main() -> None:
    print("platform adapters, synthetic bodies (ratio = statuskit / json.loads)")
    for name, make in BODIES.items():
        data = json.dumps(make()).encode()
        t_json = best(lambda data=data: json.loads(data))
        t_parse = best(lambda data=data: statuskit.parse(data))
        t_forced = best(lambda data=data, name=name: statuskit.parse(data, provider=name))
        print(
            f"  {name:<16} {len(data):>9,} B  json.loads {ms(t_json)}  parse {ms(t_parse)}"
            f"  ratio {t_parse / t_json:5.2f}  provider= ratio {t_forced / t_json:5.2f}"
        )


if __name__ == "__main__":
    main()

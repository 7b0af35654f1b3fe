"""Instatus and incident.io: statuskit.parse against the raw parsers, in one run.

* JSON (summary, components, widget, page data): ratio to ``json.loads`` of the same bytes.
* HTML pages: ratio to the obvious alternative, ``lxml.html.fromstring`` of the page plus
  ``json.loads`` of the data script (what a hand-written scraper does), and to ``json.loads`` of
  the embedded JSON alone.

Inputs are synthetic pages shaped like the fixtures, at a realistic size (200 components with
translation objects, about what a large Instatus page embeds), plus the real Perplexity summary
when the corpus is present.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

import statuskit

from ._timing import best, corpus_file, ms

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
LANGS = ("ar", "cs", "da", "de", "en", "es", "fi", "fr", "it", "ja", "nl", "pt", "ru", "zh")


def _translation(i: int, text: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f"ckt{i:022d}"}
    out.update({f"text_{lang}": (text if lang == "en" else None) for lang in LANGS})
    return out


def instatus_props(groups: int = 20, per_group: int = 10) -> dict[str, Any]:
    base = json.loads((FIXTURES / "instatus.json" / "page-props.json").read_text())
    template = base["site"]["components"][0]
    comps = []
    for g in range(groups):
        group = copy.deepcopy(template)
        group["id"] = f"ckgroup{g:018d}"
        group["name"] = f"Region {g}"
        group["nameTranslation"] = _translation(g, group["name"])
        child_t = template["children"][0]
        group["children"] = []
        for c in range(per_group):
            child = copy.deepcopy(child_t)
            child["id"] = f"ckchild{g:09d}{c:09d}"
            child["name"] = f"Service {g}.{c}"
            child["status"] = "OPERATIONAL" if (g + c) % 17 else "PARTIALOUTAGE"
            child["nameTranslation"] = _translation(g * 100 + c, child["name"])
            child["descriptionTranslation"] = _translation(g * 100 + c + 50, "A service")
            group["children"].append(child)
        comps.append(group)
    base["site"]["components"] = comps
    return base


def next_data_page(props: dict[str, Any]) -> bytes:
    data = json.dumps({"props": {"pageProps": props}, "page": "/"}, separators=(",", ":"))
    body = "<div>" + "<p class='row'>Service row</p>" * 400 + "</div>"
    return (
        "<!DOCTYPE html><html><head><title>Status</title></head><body>"
        + body
        + "<a href='https://instatus.com'>Powered by Instatus</a>"
        + '<script id="__NEXT_DATA__" type="application/json">'
        + data.replace("<", "\\u003c")
        + "</script></body></html>"
    ).encode()


def flight_page(summary: dict[str, Any]) -> tuple[bytes, str]:
    stream = '0:{"P":null}\n1:I[1,[],"Home"]\n4:["$","$L1",null,{"summary":"$5"}]\n'
    stream += "5:" + json.dumps(summary, separators=(",", ":")) + "\n"
    chunks = [stream[i : i + 2000] for i in range(0, len(stream), 2000)]
    scripts = "".join(
        "<script>self.__next_f.push(" + json.dumps([1, c]) + ")</script>" for c in chunks
    )
    page = (
        "<!DOCTYPE html><html><head><title>Status</title></head><body><div>"
        + "<p>row</p>" * 400
        + "</div><a href='https://incident.io'>Powered by incident.io</a>"
        + scripts
        + "</body></html>"
    )
    return page.encode(), stream


def incidentio_summary(groups: int = 20, per_group: int = 10) -> dict[str, Any]:
    doc = json.loads((FIXTURES / "incidentio.json" / "page-data.json").read_text())["summary"]
    comps, items, affected = [], [], []
    for g in range(groups):
        members = []
        for c in range(per_group):
            cid = f"01JQ{g:011d}{c:011d}"
            comps.append({"id": cid, "name": f"Service {g}.{c}", "status_page_id": doc["id"]})
            members.append({"component_id": cid, "name": f"Service {g}.{c}", "hidden": False})
            if (g + c) % 17 == 0:
                affected.append({"component_id": cid, "status": "partial_outage"})
        items.append(
            {"group": {"id": f"01GR{g:022d}", "name": f"Region {g}", "components": members}}
        )
    doc.update(components=comps, structure={"items": items}, affected_components=affected)
    return doc


def _row(label: str, t: float, base: float, base_label: str) -> None:
    print(f"  {label:<34}{ms(t)}   {t / base:6.2f} x {base_label}")


def main() -> None:
    print("instatus / incidentio")
    perplexity = corpus_file("instatus/perplexity-summary-2026-07-23-majoroutage.json")
    jsons: list[tuple[str, bytes]] = []
    if perplexity:
        jsons.append(("perplexity summary (corpus)", perplexity.read_bytes()))
    props = instatus_props()
    jsons.append(("instatus page props, 220 comps", json.dumps(props).encode()))
    jsons.append(("incidentio widget", (FIXTURES / "incidentio.json" / "widget.json").read_bytes()))
    summary = incidentio_summary()
    jsons.append(("incidentio page data, 220 comps", json.dumps({"summary": summary}).encode()))
    for label, data in jsons:
        t_json = best(lambda data=data: json.loads(data))
        t_parse = best(lambda data=data: statuskit.parse(data))
        print(f"  {label} ({len(data):,} bytes)")
        _row("json.loads", t_json, t_json, "json.loads")
        _row("statuskit.parse", t_parse, t_json, "json.loads")

    page = next_data_page(props)
    t_lxml = best(
        lambda: json.loads(
            lxml_html.fromstring(page).xpath("//script[@id='__NEXT_DATA__']")[0].text
        )
    )
    embedded = json.dumps({"props": {"pageProps": props}})
    t_json = best(lambda: json.loads(embedded))
    t_parse = best(lambda: statuskit.parse(page))
    print(f"  instatus.html __NEXT_DATA__ ({len(page):,} bytes)")
    _row("lxml.html.fromstring + json.loads", t_lxml, t_json, "json.loads")
    _row("statuskit.parse", t_parse, t_lxml, "lxml + json.loads")

    fpage, stream = flight_page(summary)
    t_lxml = best(lambda: lxml_html.fromstring(fpage).xpath("//script/text()"))
    t_rows = best(lambda: [json.loads(r[2:]) for r in stream.splitlines() if r[2:3] in "[{"])
    t_parse = best(lambda: statuskit.parse(fpage))
    print(f"  incidentio.html flight ({len(fpage):,} bytes)")
    _row("lxml.html.fromstring (scripts only)", t_lxml, t_rows, "json.loads of rows")
    _row("statuskit.parse", t_parse, t_lxml, "lxml.fromstring")


if __name__ == "__main__":
    sys.exit(main())

"""Statuspage HTML: statuskit.parse of an index page against lxml.html.fromstring of the same
bytes (target: 2 or less) and against building a BeautifulSoup tree with lxml (target: 0.2 or
less), all timed in one run.

Times the Cloudflare index page of the corpus (275 components, 19 incidents, 58 updates) when
the corpus is present, and a synthetic page of the same shape otherwise.  Also shows the cost of
detection (the same parse with ``provider=``) and of a spec-built custom adapter reading the
same page's components with BeautifulSoup.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import lxml.html
from bs4 import BeautifulSoup

import statuskit
from statuskit import _compiled
from statuskit.custom import spec_adapter
from statuskit.testing import registered

from ._timing import best, corpus_file, ms, paired

CLOUDFLARE = "statuspage-html/cloudflare-index-2022.html"

_COMPONENT = """
<div data-component-id="c{i:011d}" class="component-inner-container status-{color} "
     data-component-status="{status}" data-js-hook="">
   <span class="name">
      Location {i} - (L{i:03d})
   </span>
  <span class="component-status " title="">
    {label}
  </span>
  <span class="tool icon-indicator fa fa-check" title="{label}"></span>
</div>"""

_UPDATE = """
      <div class="update font-regular resolved">
        <strong>{word}</strong> -
        We are looking into issue {i}.<br /><br />More to follow.
        <br>
        <small>
            Oct <var data-var='date'>{day}</var>, <var data-var='time'>1{h}:05</var> UTC
        </small>
      </div>"""


def synthetic(groups: int = 8, per_group: int = 33, incidents: int = 19) -> bytes:
    """An index page shaped like Cloudflare's: grouped components, a past-incident list."""
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic Status'
        '</title><meta name="issued" content="1634578070"><link rel="stylesheet" '
        'href="https://dka575ofm4ao0.cloudfront.net/assets/status.css"></head>'
        '<body class="status index status-minor"><div class="layout-content status '
        'status-index"><div class="container"><div class="components-section">'
        '<div class="components-container one-column">'
    ]
    n = 0
    for g in range(groups):
        parts.append('<div class="component-container border-color is-group open">')
        parts.append(
            _COMPONENT.format(i=n, color="green", status="operational", label="Operational")
        )
        n += 1
        parts.append('<div class="child-components-container ">')
        for k in range(per_group):
            bad = (g * per_group + k) % 10 == 0
            parts.append(
                _COMPONENT.format(
                    i=n,
                    color="orange" if bad else "green",
                    status="partial_outage" if bad else "operational",
                    label="Partial Outage" if bad else "Operational",
                )
            )
            n += 1
        parts.append("</div></div>")
    parts.append('</div></div><div class="incidents-list format-expanded">')
    for d in range(incidents):
        parts.append(
            f'<div class="status-day font-regular"><div class="date border-color font-large">'
            f'Oct <var data-var="date">{18 - d % 15}</var>, <var data-var="year">2021</var>'
            f'</div><div class="incident-container"><div class="incident-title impact-minor '
            f'font-large"><a href="/incidents/inc{d:09d}">Incident {d}</a></div>'
            f'<div class="updates-container">'
        )
        for u, word in enumerate(("Resolved", "Monitoring", "Investigating")):
            parts.append(_UPDATE.format(word=word, i=d, day=18 - d % 15, h=5 - u))
        parts.append("</div></div></div>")
    parts.append("</div></div></div></body></html>")
    return "".join(parts).encode()


SPEC = {
    "name": "bench.html",
    "components": {
        "each": "div.component-inner-container",
        "id": "@data-component-id",
        "name": "span.name",
        "status": "@data-component-status",
    },
}


@contextmanager
def _pure() -> Iterator[None]:
    """The pure-Python readers, as with STATUSKIT_PURE=1, for one timing in the same run."""
    names = _compiled.__all__
    saved = [getattr(_compiled, name) for name in names]
    for name in names:
        setattr(_compiled, name, None)
    try:
        yield
    finally:
        for name, value in zip(names, saved, strict=True):
            setattr(_compiled, name, value)


def main() -> None:
    path = corpus_file(CLOUDFLARE)
    data = path.read_bytes() if path else synthetic()
    label = "cloudflare index page" if path else "synthetic index page"
    snap = statuskit.parse(data)
    print(
        f"statuspage.html  {label}, {len(data):,} bytes: {len(snap.components)} components, "
        f"{len(snap.incidents)} incidents, {sum(len(i.updates) for i in snap.incidents)} updates"
    )
    # The ratios: each statuskit.parse timed between two lxml.html.fromstring calls (paired;
    # the median of the per-call ratios, see _timing.paired).  Best-of times are shown too.
    compiled = _compiled.scan_index is not None

    def lxml_parse() -> object:
        return lxml.html.fromstring(data)

    def parse() -> object:
        return statuskit.parse(data)

    def forced() -> object:
        return statuskit.parse(data, provider="statuspage.html")

    def pure() -> object:
        with _pure():
            return statuskit.parse(data)

    ratio = paired(lxml_parse, parse)
    t_lxml = best(lxml_parse, repeat=5, min_time=0.1)
    t_parse = best(parse, repeat=5, min_time=0.1)
    t_forced = best(forced, repeat=5, min_time=0.1)
    t_bs4 = best(lambda: BeautifulSoup(data, "lxml"), repeat=3)
    walker = "with the compiled walker" if compiled else "pure Python (no compiled walker built)"
    print(f"  lxml.html.fromstring            {ms(t_lxml)}")
    print(f"  BeautifulSoup(html, 'lxml')     {ms(t_bs4)}")
    print(
        f"  statuskit.parse                 {ms(t_parse)}   / lxml {ratio[0]:5.2f}"
        f" (target <= 2; paired, quartiles {ratio[1]:.2f}-{ratio[2]:.2f})"
        f"   / bs4 {t_parse / t_bs4:5.2f} (target <= 0.2)   {walker}"
    )
    if compiled:
        t_pure = best(pure, repeat=5, min_time=0.1)
        pure_ratio = paired(lxml_parse, pure)
        print(
            f"  statuskit.parse, pure Python    {ms(t_pure)}   / lxml {pure_ratio[0]:5.2f}"
            f" (paired, quartiles {pure_ratio[1]:.2f}-{pure_ratio[2]:.2f})"
            f"   / bs4 {t_pure / t_bs4:5.2f}   (STATUSKIT_PURE=1)"
        )
    forced_ratio = paired(lxml_parse, forced)
    print(
        f"  parse(provider=...)             {ms(t_forced)}   / lxml {forced_ratio[0]:5.2f}"
        " (paired; without detection, which is about 2% of a parse by instruction count)"
    )
    adapter = spec_adapter(SPEC)
    with registered(adapter):
        t_spec = best(lambda: statuskit.parse(data, provider="bench.html"), repeat=3)
    print(
        f"  spec adapter, components only   {ms(t_spec)}   / bs4 {t_spec / t_bs4:5.2f}"
        "   (custom pages: BeautifulSoup + soupsieve)"
    )


if __name__ == "__main__":
    main()

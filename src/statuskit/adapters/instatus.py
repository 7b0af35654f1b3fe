"""``instatus.json`` and ``instatus.html``: status pages hosted by Instatus.

``instatus.json`` reads ``/summary.json`` (also under ``/v2/``, ``/v3/`` and ``/api/v2/``),
``/v2/components.json`` and ``/v3/components.json``, and the page-props JSON an Instatus page
is built from.  ``instatus.html`` reads the same page props out of the page itself: Next.js
``__NEXT_DATA__``, Nuxt ``__NUXT_DATA__`` or the ``self.__next_f`` flight chunks.  Nothing on the
page is executed.  See :mod:`._instatus` for the vocabularies.
"""

from __future__ import annotations

import re
from typing import Any

from .._source import Source
from ..limits import ParseContext
from ..model import Snapshot
from ._embedded import embedded_carrier, embedded_data, source_mentions
from ._instatus_doc import is_page_props, read_instatus
from .base import Sniff

__all__ = ["InstatusHTML", "InstatusJSON"]

_WORDS = "UNDERMAINTENANCE|DEGRADEDPERFORMANCE|PARTIALOUTAGE|MINOROUTAGE|MAJOROUTAGE"
_PAGE_WORD = re.compile(
    r'"(?:status|mainStatus)"\s*:\s*"(UP|HASISSUES|UNDERMAINTENANCE|(?:ONE|SOME|MANY|ALL)(?:'
    + _WORDS
    + r'))"'
)
_COMPONENT_WORD = re.compile(r'"status"\s*:\s*"(OPERATIONAL|' + _WORDS + r')"')


class InstatusJSON:
    """Adapter for Instatus's public JSON (summary, components, page props)."""

    name = "instatus.json"
    platform = "instatus"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if not head.startswith("{"):
            return None
        keys = [k for k in ('"activeIncidents"', '"activeMaintenances"') if k in head]
        if keys:
            return Sniff(0.95, "Instatus summary keys " + ", ".join(keys))
        page_word = _PAGE_WORD.search(head)
        if page_word and ('"site"' in head or '"mainStatus"' in head):
            return Sniff(0.95, f"Instatus page props, page status {page_word.group(1)}")
        if page_word and '"page"' in head:
            return Sniff(0.9, f"Instatus page status {page_word.group(1)}")
        if '"components"' in head:
            word = _COMPONENT_WORD.search(head)
            if word:
                extra = 0.05 if '"isParent"' in head or '"nameTranslation"' in head else 0.0
                return Sniff(0.85 + extra, f"components with Instatus status word {word.group(1)}")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        return read_instatus(source.json(ctx), ctx, platform=self.platform, url=source.url)


_INSTATUS = (b"instatus", b"Instatus")
_DATA_HINTS = (b'"mainStatus"', b'\\"mainStatus\\"', b"nameTranslation")
_WINDOW = 2 * 1024 * 1024


def _is_props(obj: dict[str, Any]) -> bool:
    # the page props: "site" next to the notices (in flight data "site" may be a "$<row>" ref)
    site = obj.get("site")
    return (isinstance(site, dict) or (isinstance(site, str) and site.startswith("$"))) and (
        "notices" in obj or "componentsUptime" in obj or is_page_props(obj)
    )


class InstatusHTML:
    """Adapter for Instatus status pages (the data the page embeds)."""

    name = "instatus.html"
    platform = "instatus"

    def sniff(self, source: Source) -> Sniff | None:
        head = source.head
        if not head.startswith("<"):
            return None
        carrier = embedded_carrier(source, _WINDOW)
        if carrier is None:
            # a page without embedded data is not readable by this adapter; the weak claim
            # only explains a failed detection, so the cheap head is enough for it; the mention
            # first ("nstatus" is in both spellings), as lowering the head costs more
            if (
                "nstatus" in head
                and ("instatus" in head or "Instatus" in head)
                and "<html" in head.lower()
            ):
                return Sniff(0.4, "mentions Instatus but embeds no page data")
            return None
        mention = bool(source_mentions(source, _INSTATUS, _WINDOW))
        hint = bool(source_mentions(source, _DATA_HINTS, _WINDOW))
        if mention or hint:
            why = "instatus mention" if mention else "Instatus page-props keys"
            return Sniff(0.9 if mention and hint else 0.85, f"{carrier} data and {why}")
        return None

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        emb = embedded_data(source.text(ctx), ctx)
        if not emb.carriers():
            ctx.fail("no embedded page data (__NEXT_DATA__, __NUXT_DATA__, self.__next_f)", "html")
        hit = emb.find(_is_props, ctx) or emb.find(is_page_props, ctx)
        if hit is None or not is_page_props(hit[0]):
            ctx.fail(
                "no Instatus page data (site with components) in " + ", ".join(emb.carriers()),
                "html",
            )
        props, _carrier = hit
        return read_instatus(props, ctx, platform=self.platform, url=source.url)

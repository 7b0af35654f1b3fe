"""Adapters for hand-built status pages, described in a few lines instead of written in Python.

A spec (a dict, or a TOML file) says with CSS selectors where a page keeps its components, their
names and state words, its incidents, their updates, times and severities; statuskit builds an
adapter from it and registers it under the spec's name::

    from statuskit.custom import register_spec

    register_spec({
        "name": "acme.html",
        "detect": {"contains": ["<title>Acme Status</title>"]},
        "components": {"each": "li.service", "name": "span.name", "status": "span.state"},
    })
    snap = statuskit.parse(body)          # read by "acme.html"

Pages that keep their data as JSON inside a ``<script>`` (or serve JSON) are read in JSON mode:
``json = "script#__NEXT_DATA__"`` (or ``"$"`` for a JSON body), with slash paths instead of
selectors.  What a spec cannot say, a subclass of :class:`SpecAdapter` says in Python through
its hooks.  State words go through tables users extend (:data:`COMPONENT_WORDS`, ...); an
unknown word is UNKNOWN with a warning.  See ``docs/custom.md``.

HTML is parsed with BeautifulSoup on lxml's parser and selected with soupsieve (both installed
with statuskit); nothing is fetched, no script runs.
"""

from __future__ import annotations

from ._adapter import SpecAdapter, register_spec, spec_adapter
from ._spec import Field, HTMLSpec, Rows, SpecError, load_spec
from ._words import COMPONENT_WORDS, IMPACT_WORDS, INCIDENT_WORDS, KIND_WORDS, normalize_word

__all__ = [
    "COMPONENT_WORDS",
    "IMPACT_WORDS",
    "INCIDENT_WORDS",
    "KIND_WORDS",
    "Field",
    "HTMLSpec",
    "Rows",
    "SpecAdapter",
    "SpecError",
    "load_spec",
    "normalize_word",
    "register_spec",
    "spec_adapter",
]

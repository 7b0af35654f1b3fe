"""JSON:API documents (``data`` + ``included``), as Better Stack serves them: the included
records indexed by (type, id), and the records a relationship links to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..limits import ParseContext
from ._json import as_dict, as_list, as_str

__all__ = ["Index", "index_included", "related"]

Index = dict[tuple[str, str], tuple[Mapping[str, Any], str]]


def index_included(doc: Mapping[str, Any], ctx: ParseContext) -> Index:
    out: Index = {}
    for i, item in enumerate(as_list(doc.get("included"), ctx, "$.included")):
        path = f"$.included[{i}]"
        if not isinstance(item, dict):
            ctx.warn("expected an object", path, item)
            continue
        kind, iid = item.get("type"), as_str(item.get("id"), ctx, f"{path}.id")
        if isinstance(kind, str) and iid is not None:
            out[(kind, iid)] = (item, path)
    return out


def related(
    owner: Mapping[str, Any],
    owner_path: str,
    rel: str,
    kind: str,
    included: Index,
    ctx: ParseContext,
) -> list[tuple[str, Mapping[str, Any], str]]:
    """The included records *owner* links to through relationship *rel*, in link order;
    records missing from ``included`` are warned about and skipped."""
    path = f"{owner_path}.relationships"
    links = as_dict(owner.get("relationships"), ctx, path) or {}
    entry = as_dict(links.get(rel), ctx, f"{path}.{rel}") or {}
    out = []
    for j, ref in enumerate(as_list(entry.get("data"), ctx, f"{path}.{rel}.data")):
        rpath = f"{path}.{rel}.data[{j}]"
        if not isinstance(ref, dict):
            ctx.warn("expected a resource identifier object", rpath, ref)
            continue
        rid = as_str(ref.get("id"), ctx, f"{rpath}.id")
        if rid is None:
            continue
        found = included.get((kind, rid))
        if found is None:
            ctx.warn(f"{kind} {rid} is linked but not included", rpath)
            continue
        out.append((rid, found[0], found[1]))
    return out

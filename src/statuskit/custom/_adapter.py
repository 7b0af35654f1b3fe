"""The adapter a spec describes, and the hooks a subclass overrides for what a spec cannot say."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .._dates import from_epoch, parse_datetime, parse_partial, zone_info
from .._source import Source
from .._text import html_to_text, safe_url
from ..adapters.base import Sniff
from ..limits import ParseContext
from ..model import (
    Component,
    ComponentChange,
    ComponentRef,
    Incident,
    Page,
    Snapshot,
    Update,
)
from ..registry import register_adapter
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._select import HTMLTree, JSONTree, Tree, load_json_text
from ._spec import Field, HTMLSpec, Rows, SpecError, load_spec
from ._words import normalize_word

__all__ = ["SpecAdapter", "register_spec", "spec_adapter"]

Values = dict[str, str | None]
_SCAN = 64 * 1024
_MAINTENANCE = frozenset(
    {
        IncidentStatus.SCHEDULED,
        IncidentStatus.IN_PROGRESS,
        IncidentStatus.VERIFYING,
        IncidentStatus.COMPLETED,
    }
)
_TIME_KEYS = (
    "created_at",
    "started_at",
    "resolved_at",
    "updated_at",
    "scheduled_for",
    "scheduled_until",
)


class SpecAdapter:
    """An adapter built from an :class:`HTMLSpec`; subclass it and override the hooks below for
    what a spec cannot say.

    Hooks, in the order :meth:`parse` calls them: :meth:`load` (bytes to a document),
    :meth:`build_page`, :meth:`build_component`, :meth:`build_update`, :meth:`build_incident`,
    :meth:`finish`; and the vocabularies :meth:`component_status`, :meth:`incident_status`,
    :meth:`impact`, :meth:`kind`, :meth:`to_time`.  Each ``build_*`` hook receives the values
    the spec's fields read (strings, or None when absent), the node they were read from and
    the parse context, and returns the model object (or None to drop the row).

    A subclass may set :attr:`default_spec` so that it can be built without arguments (as an
    entry point needs).
    """

    default_spec: HTMLSpec | Mapping[str, Any] | str | Path | None = None
    """The spec used when none is passed to the constructor."""

    def __init__(self, spec: HTMLSpec | Mapping[str, Any] | str | Path | None = None) -> None:
        given = spec if spec is not None else self.default_spec
        if given is None:
            raise SpecError(f"{type(self).__name__} needs a spec")
        self.spec: HTMLSpec = load_spec(given)
        self.name: str = self.spec.name
        self.platform: str = self.spec.platform
        self.tree: Tree = JSONTree() if self.spec.is_json else HTMLTree()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"

    # -- the Adapter protocol ------------------------------------------------------------------

    def sniff(self, source: Source) -> Sniff | None:
        """Claims a page when every ``detect.contains`` text is in its first 64 KB."""
        spec = self.spec
        if not spec.detect_contains:
            return None
        raw = source.raw
        for text in spec.detect_contains:
            if raw.find(text.encode("utf-8"), 0, _SCAN) < 0:  # no copy of the window
                return None
        confidence = spec.detect_confidence
        evidence = f"{self.name} spec: page contains " + ", ".join(
            repr(t[:40]) for t in spec.detect_contains[:3]
        )
        if spec.detect_url and source.url and spec.detect_url in source.url:
            confidence = min(confidence + 0.05, 1.0)
            evidence += f"; address contains {spec.detect_url!r}"
        return Sniff(confidence, evidence)

    def parse(self, source: Source, ctx: ParseContext) -> Snapshot:
        """Read *source* as the spec describes."""
        spec = self.spec
        if spec.time_zone and ctx.time_zone is None:
            ctx.time_zone = spec.time_zone
        doc = self.load(source, ctx)
        values = self.values(doc, spec.page)
        page = self.build_page(values, doc, source, ctx)
        indicator = raw_indicator = None
        if values.get("indicator") is not None:
            indicator, raw_indicator = self.component_status(
                values["indicator"], ctx, "page.indicator"
            )
        components = self._components(doc, ctx) if spec.components else []
        incidents = self._incidents(doc, page, source, components, ctx) if spec.incidents else []
        coverage = spec.coverage
        if coverage.indicator and indicator is None:
            coverage = type(coverage)(
                components=coverage.components,
                indicator=False,
                incidents=coverage.incidents,
                maintenances=coverage.maintenances,
            )
        snap = Snapshot(
            page=page,
            components=tuple(components),
            incidents=tuple(incidents),
            platform=self.platform,
            adapter=self.name,
            warnings=tuple(ctx.warnings),
            indicator=indicator,
            raw_indicator=raw_indicator,
            description=values.get("description"),
            coverage=coverage,
        )
        return self.finish(snap, doc, ctx)

    # -- hooks ---------------------------------------------------------------------------------

    def load(self, source: Source, ctx: ParseContext) -> Any:
        """The document the selectors run on: a BeautifulSoup tree (HTML mode), or decoded JSON
        (JSON mode: the body itself, or the text of the element ``json`` selects)."""
        spec = self.spec
        if spec.json == "$":
            return source.json(ctx)
        html = HTMLTree()
        soup = html.load(source, ctx)
        if spec.json is None:
            return soup
        node = html.one(soup, spec.json)
        if node is None:
            ctx.fail(f"no element matches the json selector {spec.json!r}", spec.json)
        return load_json_text(html.raw_text(node), ctx, spec.json)

    def build_page(self, values: Values, doc: Any, source: Source, ctx: ParseContext) -> Page:
        """The page, from the ``page`` fields (name, url, updated_at); without a url field the
        page is where the body came from."""
        url = safe_url(values.get("url") or source.url, source.url)
        return Page(
            name=values.get("name"),
            url=url,
            time_zone=self.spec.time_zone,
            updated_at=self.to_time(
                values.get("updated_at"),
                "page.updated_at",
                ctx,
                fmt=self.spec.page["updated_at"].format
                if "updated_at" in self.spec.page
                else "auto",
            ),
        )

    def build_component(
        self, values: Values, node: Any, ctx: ParseContext, path: str
    ) -> Component | None:
        """One component row (values: id, name, status, description, group, group_id)."""
        name = values.get("name")
        if not name:
            ctx.warn("component without a name: skipped", path)
            return None
        status, raw = self.component_status(values.get("status"), ctx, f"{path}.status")
        group = values.get("group")
        group_id = values.get("group_id") or group
        is_group = values.get("is_group") == "true"
        cid = values.get("id") or (f"{group}/{name}" if group and not is_group else name)
        return Component(
            id=cid,
            name=name,
            status=status,
            raw_status=raw,
            group=None if is_group else group,
            description=values.get("description"),
            group_id=None if is_group else group_id,
            is_group=is_group,
        )

    def build_update(
        self,
        values: Values,
        node: Any,
        when: datetime | None,
        changes: tuple[ComponentChange, ...],
        ctx: ParseContext,
        path: str,
    ) -> Update | None:
        """One post (values: id, status, time, body, body_html; *when* is the time read)."""
        word = values.get("status")
        status, raw = (
            self.incident_status(word, ctx, f"{path}.status")
            if word
            else (IncidentStatus.UNKNOWN, None)
        )
        return Update(
            id=values.get("id"),
            status=status,
            raw_status=raw,
            body=ctx.text(values.get("body") or "", f"{path}.body"),
            body_html=values.get("body_html"),
            created_at=when,
            component_changes=changes,
        )

    def build_incident(
        self,
        values: Values,
        updates: list[Update],
        refs: list[ComponentRef],
        node: Any,
        ctx: ParseContext,
        path: str,
    ) -> Incident | None:
        """One incident (values: the ``incidents`` fields, ``url`` already absolute)."""
        title = values.get("title")
        if not title:
            ctx.warn("incident without a title: skipped", path)
            return None
        word = values.get("status")
        status, raw_status = (
            self.incident_status(word, ctx, f"{path}.status")
            if word
            else (IncidentStatus.UNKNOWN, None)
        )
        severity = values.get("impact")
        impact, raw_impact = (
            self.impact(severity, ctx, f"{path}.impact") if severity else (Impact.UNKNOWN, None)
        )
        fields = self.spec.incidents.fields if self.spec.incidents else {}
        near = updates[-1].created_at if updates else None  # for times printed without a year
        times = {
            key: self.to_time(
                values.get(key),
                f"{path}.{key}",
                ctx,
                fmt=fields[key].format if key in fields else "auto",
                reference=near,
            )
            for key in _TIME_KEYS
        }
        kind_word = values.get("kind")
        if kind_word:
            kind = self.kind(kind_word, ctx, f"{path}.kind")
        elif (
            impact is Impact.MAINTENANCE
            or status in _MAINTENANCE
            or any(u.status in _MAINTENANCE for u in updates)
        ):
            kind = IncidentKind.MAINTENANCE
        else:
            kind = IncidentKind.INCIDENT
        url = values.get("url")
        iid = values.get("id") or _derived_id(title, url, times, updates)
        return Incident.build(
            id=iid,
            title=title,
            kind=kind,
            status=status,
            raw_status=raw_status,
            impact=impact,
            raw_impact=raw_impact,
            url=url,
            updates=updates,
            components=refs,
            created_at=times["created_at"],
            started_at=times["started_at"],
            resolved_at=times["resolved_at"],
            updated_at=times["updated_at"],
            scheduled_for=times["scheduled_for"],
            scheduled_until=times["scheduled_until"],
        )

    def finish(self, snapshot: Snapshot, doc: Any, ctx: ParseContext) -> Snapshot:
        """The last word on the snapshot (default: unchanged)."""
        return snapshot

    def component_status(
        self, word: str | None, ctx: ParseContext, path: str
    ) -> tuple[ComponentStatus, str | None]:
        """A component state word through the spec's table; unknown: UNKNOWN with a warning."""
        if not word:
            ctx.warn("no component status", path)
            return ComponentStatus.UNKNOWN, None
        found = self.spec.component_words.get(normalize_word(word))
        if found is None:
            ctx.warn(f"unknown component status {word!r} mapped to UNKNOWN", path)
            return ComponentStatus.UNKNOWN, word
        return found, word

    def incident_status(
        self, word: str, ctx: ParseContext, path: str
    ) -> tuple[IncidentStatus, str | None]:
        """An incident status word; unknown: UNKNOWN with a warning."""
        found = self.spec.incident_words.get(normalize_word(word))
        if found is None:
            ctx.warn(f"unknown incident status {word!r} mapped to UNKNOWN", path)
            return IncidentStatus.UNKNOWN, word
        return found, word

    def impact(self, word: str, ctx: ParseContext, path: str) -> tuple[Impact, str | None]:
        """A severity word; unknown: UNKNOWN with a warning."""
        found = self.spec.impact_words.get(normalize_word(word))
        if found is None:
            ctx.warn(f"unknown impact {word!r} mapped to UNKNOWN", path)
            return Impact.UNKNOWN, word
        return found, word

    def kind(self, word: str, ctx: ParseContext, path: str) -> IncidentKind:
        """What an event is; an unknown word is an incident, with a warning."""
        found = self.spec.kind_words.get(normalize_word(word))
        if found is None:
            ctx.warn(f"unknown incident kind {word!r} read as an incident", path)
            return IncidentKind.INCIDENT
        return found

    def to_time(
        self,
        text: str | None,
        path: str,
        ctx: ParseContext,
        *,
        fmt: str = "auto",
        reference: datetime | None = None,
    ) -> datetime | None:
        """A time field as aware UTC (see :attr:`Field.format`); unreadable: None, warned."""
        if not text:
            return None
        if fmt == "epoch":
            return from_epoch(text, ctx, path)
        if fmt == "epoch_ms":
            return from_epoch(text, ctx, path, unit="ms")
        if fmt == "partial":
            return parse_partial(text, reference, ctx, path)
        if "%" in fmt:
            try:
                value = datetime.strptime(text, fmt)
            except ValueError:
                ctx.warn(f"time does not match {fmt!r}", path, text)
                return None
            if value.tzinfo is None:
                zone = zone_info(ctx.time_zone)
                if zone is None:
                    ctx.warn("time without zone read as UTC", path, text)
                    zone = timezone.utc
                value = value.replace(tzinfo=zone)
            return value.astimezone(timezone.utc)
        return parse_datetime(text, ctx, path)

    # -- reading -------------------------------------------------------------------------------

    def values(self, node: Any, fields: Mapping[str, Field]) -> Values:
        """What each of *fields* reads from *node*."""
        return {key: self.tree.read(node, field) for key, field in fields.items()}

    def _components(self, doc: Any, ctx: ParseContext) -> list[Component]:
        spec = self.spec.components
        assert spec is not None
        groups = spec.nested.get("groups")
        out: list[Component] = []
        if groups is None:
            self._component_rows(doc, spec, {}, out, ctx, "components")
        else:
            for g, gnode in enumerate(self.tree.rows(doc, groups.each, ctx, "components.groups")):
                gpath = f"components.groups[{g}]"
                gv = self.values(gnode, groups.fields)
                gname = gv.get("name")
                if not gname:
                    ctx.warn("group without a name: its rows are read without one", gpath)
                extra: Values = {"group": gname, "group_id": gv.get("id") or gname}
                if "status" in groups.fields:
                    row = self.build_component({**gv, "is_group": "true"}, gnode, ctx, gpath)
                    if row is not None:
                        out.append(row)
                        extra["group_id"] = row.id
                self._component_rows(gnode, spec, extra, out, ctx, f"{gpath}.components")
        return _unique_components(out, ctx)

    def _component_rows(
        self,
        node: Any,
        spec: Rows,
        extra: Values,
        out: list[Component],
        ctx: ParseContext,
        where: str,
    ) -> None:
        for i, row in enumerate(self.tree.rows(node, spec.each, ctx, where)):
            values = self.values(row, spec.fields)
            for key, value in extra.items():
                if values.get(key) is None:
                    values[key] = value
            comp = self.build_component(values, row, ctx, f"{where}[{i}]")
            if comp is not None:
                out.append(comp)

    def _incidents(
        self,
        doc: Any,
        page: Page,
        source: Source,
        components: list[Component],
        ctx: ParseContext,
    ) -> list[Incident]:
        spec = self.spec.incidents
        assert spec is not None
        names = _Names(components)
        base = page.url or source.url
        out: list[Incident] = []
        seen: set[str] = set()
        for i, node in enumerate(self.tree.rows(doc, spec.each, ctx, "incidents")):
            path = f"incidents[{i}]"
            values = self.values(node, spec.fields)
            values["url"] = safe_url(values.get("url"), base)
            updates = self._updates(node, spec.nested.get("updates"), names, page, ctx, path)
            refs = self._refs(node, spec.nested.get("components"), names, updates, ctx, path)
            inc = self.build_incident(values, updates, refs, node, ctx, path)
            if inc is None:
                continue
            if inc.id in seen:
                ctx.warn(f"incident {inc.id!r} listed twice: the first kept", path)
                continue
            seen.add(inc.id)
            out.append(inc)
        return out

    def _listed(
        self, node: Any, spec: Rows, names: _Names, ctx: ParseContext, where: str
    ) -> list[tuple[str | None, str | None, ComponentStatus | None, str | None]]:
        """The components a row lists, as (id, name, state, word); a missing id is found by
        the name among the page's components, a missing name by the id."""
        out = []
        for k, row in enumerate(self.tree.rows(node, spec.each, ctx, where)):
            v = self.values(row, spec.fields)
            name = v.get("name")
            cid = v.get("id") or (names.by_name.get(name) if name else None)
            if name is None and cid is not None:
                name = names.by_id.get(cid)
            status = raw = None
            if "status" in spec.fields:
                status, raw = self.component_status(v.get("status"), ctx, f"{where}[{k}].status")
            out.append((cid, name, status, raw))
        return out

    def _updates(
        self,
        node: Any,
        spec: Rows | None,
        names: _Names,
        page: Page,
        ctx: ParseContext,
        path: str,
    ) -> list[Update]:
        if spec is None:
            return []
        listed_spec = spec.nested.get("components")
        body_field = spec.fields.get("body")
        fmt = spec.fields["time"].format if "time" in spec.fields else "auto"
        rows = []
        for j, unode in enumerate(self.tree.rows(node, spec.each, ctx, f"{path}.updates")):
            upath = f"{path}.updates[{j}]"
            values = self.values(unode, {k: f for k, f in spec.fields.items() if k != "body"})
            if body_field is not None:
                values["body"], values["body_html"] = self._body(unode, body_field)
            when = self.to_time(
                values.get("time"), f"{upath}.time", ctx, fmt=fmt, reference=page.updated_at
            )
            listed = (
                self._listed(unode, listed_spec, names, ctx, f"{upath}.components")
                if listed_spec is not None
                else []
            )
            rows.append((when, j, values, unode, listed, upath))
        if spec.order == "newest_first":
            rows.reverse()
        if rows and all(r[0] is not None for r in rows):
            rows.sort(key=lambda r: r[0])  # type: ignore[arg-type,return-value]
        last: dict[str, tuple[ComponentStatus, str | None]] = {}
        out: list[Update] = []
        for when, _, values, unode, listed, upath in rows:
            changes = []
            for cid, name, status, raw in listed:
                if status is None:
                    continue
                key = cid or f"name:{name}"
                old = last.get(key)
                last[key] = (status, raw)
                changes.append(
                    ComponentChange(
                        component_id=cid,
                        name=name,
                        old=None if old is None else old[0],
                        new=status,
                        raw_old=None if old is None else old[1],
                        raw_new=raw,
                    )
                )
            upd = self.build_update(values, unode, when, tuple(changes), ctx, upath)
            if upd is not None:
                out.append(upd)
        return out

    def _body(self, node: Any, field: Field) -> tuple[str | None, str | None]:
        if field.attr or field.pattern or (field.value is not None and field.select is None):
            return self.tree.read(node, field), None
        target = self.tree.one(node, field.select)
        if target is None:
            return field.value, None
        html = self.tree.html(target)
        if html is None:
            return None, None
        return html_to_text(html), html if "<" in html else None

    def _refs(
        self,
        node: Any,
        spec: Rows | None,
        names: _Names,
        updates: list[Update],
        ctx: ParseContext,
        path: str,
    ) -> list[ComponentRef]:
        if spec is not None:
            return [
                ComponentRef(id=cid, name=name, status=status, raw_status=raw)
                for cid, name, status, raw in self._listed(
                    node, spec, names, ctx, f"{path}.components"
                )
            ]
        # no list of its own: the components its updates list, in their latest state
        latest: dict[str, ComponentRef] = {}
        for u in updates:
            for ch in u.component_changes:
                key = ch.component_id or f"name:{ch.name}"
                latest[key] = ComponentRef(ch.component_id, ch.name, ch.new, ch.raw_new)
        return list(latest.values())


class _Names:
    """The page's components by (unique) name and by id, to complete listed components."""

    __slots__ = ("by_id", "by_name")

    def __init__(self, components: list[Component]) -> None:
        seen: dict[str, str] = {}
        twice: set[str] = set()
        for c in components:
            if c.name in seen:
                twice.add(c.name)
            seen[c.name] = c.id
        self.by_name = {k: v for k, v in seen.items() if k not in twice}
        self.by_id = {c.id: c.name for c in components}


def _unique_components(comps: list[Component], ctx: ParseContext) -> list[Component]:
    seen: set[str] = set()
    out = []
    for c in comps:
        if c.id in seen:
            ctx.warn(f"component id {c.id!r} seen twice: the second dropped", "components", c.name)
            continue
        seen.add(c.id)
        out.append(c)
    return out


def _derived_id(
    title: str, url: str | None, times: Mapping[str, datetime | None], updates: list[Update]
) -> str:
    """A stable id for an incident the page gives none: its address, else a digest of its
    title and start."""
    if url:
        return url
    start = times.get("started_at") or times.get("created_at") or times.get("scheduled_for")
    if start is None and updates:
        start = updates[0].created_at
    key = f"{title}|{start.isoformat() if start else ''}"
    return "sha1:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def spec_adapter(spec: HTMLSpec | Mapping[str, Any] | str | Path) -> SpecAdapter:
    """The adapter *spec* (a dict, a TOML path or an HTMLSpec) describes, not registered."""
    return SpecAdapter(spec)


def register_spec(
    spec: HTMLSpec | Mapping[str, Any] | str | Path, *, clobber: bool = False
) -> SpecAdapter:
    """Build the adapter *spec* describes and register it under the spec's name (ValueError
    when the name is taken, unless *clobber*); returns the adapter."""
    adapter = SpecAdapter(spec)
    register_adapter(adapter, clobber=clobber)
    return adapter

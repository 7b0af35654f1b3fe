"""The declarative description of a hand-built page: :class:`HTMLSpec` and how it is read from a
dict or a TOML file.  Everything is checked when the spec is loaded (unknown keys, missing
required fields, CSS selectors that do not compile, regular expressions, vocabulary targets), so
a mistake surfaces as a :class:`SpecError` naming its key, not as a silently empty snapshot.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from ..errors import StatuskitError
from ..model import Coverage, Scope
from ..status import ComponentStatus, Impact, IncidentKind, IncidentStatus
from ._words import (
    COMPONENT_WORDS,
    IMPACT_WORDS,
    INCIDENT_WORDS,
    KIND_WORDS,
    member_of,
    word_table,
)

__all__ = ["Field", "HTMLSpec", "Rows", "SpecError", "load_spec"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_ATTR = re.compile(r"^[A-Za-z_:][-\w:.]*$")
_TIME_FORMATS = ("auto", "iso", "epoch", "epoch_ms", "partial")


class SpecError(StatuskitError, ValueError):
    """A page spec is malformed: the message names the key at fault."""


@attrs.frozen
class Field:
    """Where one value sits, relative to the row (or page) it belongs to.

    Written as a string -- ``"span.name"`` (text of the first match), ``"a@href"`` (an
    attribute of it), ``"@data-id"`` (an attribute of the row itself), ``"."`` (the row's own
    text); in JSON mode a path such as ``"status/health"`` -- or as a table with the keys below.
    """

    select: str | None = None
    """CSS selector (HTML) or slash path (JSON) from the row; None is the row itself."""
    attr: str | None = None
    """Read this attribute instead of the text (HTML only)."""
    pattern: re.Pattern[str] | None = None
    """Keep only what this regular expression finds (its first group, if it has one)."""
    value: str | None = None
    """A constant, used when there is no selector (or the selector finds nothing)."""
    format: str = "auto"
    """For times: "auto"/"iso" (ISO 8601 and common forms), "epoch", "epoch_ms", "partial"
    (no year: "Mar 1, 10:00 UTC"), or a ``strptime`` format."""


@attrs.frozen
class Rows:
    """A repeated block: components, groups, incidents, updates, listed components."""

    each: str
    """CSS selector (HTML) or path with ``*`` (JSON) of the rows, from the enclosing node."""
    fields: Mapping[str, Field] = _EMPTY
    nested: Mapping[str, Rows] = _EMPTY
    order: str = "newest_first"
    """For updates: the order the page lists them in ("newest_first" or "oldest_first")."""


@attrs.frozen
class HTMLSpec:
    """A checked page description; build one with :meth:`from_dict`, :meth:`from_toml` or
    :func:`load_spec`."""

    name: str
    """The adapter's registry name ("acme.html")."""
    platform: str
    """The platform reported on snapshots (default: the name's part before the first dot)."""
    json: str | None = None
    """JSON mode: ``"$"`` reads the body as JSON; a CSS selector reads the JSON text of the
    element it finds (``"script#__NEXT_DATA__"``).  None: HTML mode."""
    detect_contains: tuple[str, ...] = ()
    """Texts that must all appear in the first 64 KB for the adapter to claim a page."""
    detect_url: str | None = None
    """A piece of the address that, when the caller gives one, confirms the claim."""
    detect_confidence: float = 0.9
    time_zone: str | None = None
    """IANA zone for times printed without one."""
    page: Mapping[str, Field] = _EMPTY
    components: Rows | None = None
    incidents: Rows | None = None
    component_words: Mapping[str, ComponentStatus] = COMPONENT_WORDS
    incident_words: Mapping[str, IncidentStatus] = INCIDENT_WORDS
    impact_words: Mapping[str, Impact] = IMPACT_WORDS
    kind_words: Mapping[str, IncidentKind] = KIND_WORDS
    coverage: Coverage = attrs.field(factory=Coverage)
    source: Mapping[str, Any] = attrs.field(default=_EMPTY, eq=False, repr=False)
    """The dict the spec was read from."""

    @property
    def is_json(self) -> bool:
        """True in JSON mode (selectors are paths)."""
        return self.json is not None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> HTMLSpec:
        """Check *data* (the layout of ``docs/custom.md``) and build the spec; SpecError when
        anything is wrong."""
        return _build(data)

    @classmethod
    def from_toml(cls, text: str) -> HTMLSpec:
        """Read a spec from TOML text (Python 3.11+, or the ``tomli`` package on 3.10)."""
        return _build(_toml_loads(text))

    @classmethod
    def load(cls, path: str | Path) -> HTMLSpec:
        """Read a spec from a ``.toml`` file."""
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise SpecError(f"cannot read spec {path}: {exc}") from exc
        return cls.from_toml(text)


def load_spec(spec: HTMLSpec | Mapping[str, Any] | str | Path) -> HTMLSpec:
    """*spec* as an :class:`HTMLSpec`: a spec, a dict, or the path of a TOML file."""
    if isinstance(spec, HTMLSpec):
        return spec
    if isinstance(spec, Mapping):
        return _build(spec)
    if isinstance(spec, (str, Path)):
        return HTMLSpec.load(spec)
    raise SpecError(f"a spec is a dict, a TOML path or an HTMLSpec, not {type(spec).__name__}")


def _toml_loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415 - only specs written in TOML need it
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]  # noqa: PLC0415
        except ImportError:
            raise SpecError(
                "TOML specs need Python 3.11 or the tomli package; pass a dict instead"
            ) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(f"invalid TOML: {exc}") from exc
    return data


# -- checking -------------------------------------------------------------------------------

_TOP = {
    "name",
    "platform",
    "description",
    "json",
    "detect",
    "time_zone",
    "page",
    "components",
    "incidents",
    "component_words",
    "incident_words",
    "impact_words",
    "kind_words",
    "coverage",
}
_PAGE = {"name", "url", "indicator", "description", "updated_at"}
_COMPONENT = {"id", "name", "status", "description", "group"}
_GROUP = {"id", "name", "status", "description"}
_INCIDENT = {
    "id",
    "title",
    "url",
    "status",
    "impact",
    "kind",
    "created_at",
    "started_at",
    "resolved_at",
    "updated_at",
    "scheduled_for",
    "scheduled_until",
}
_UPDATE = {"id", "status", "time", "body"}
_LISTED = {"id", "name", "status"}
_TIMES = {
    "updated_at",
    "created_at",
    "started_at",
    "resolved_at",
    "scheduled_for",
    "scheduled_until",
    "time",
}


def _build(data: Mapping[str, Any]) -> HTMLSpec:
    if not isinstance(data, Mapping):
        raise SpecError(f"a spec is a table (dict), not {type(data).__name__}")
    _known(data, _TOP, "")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise SpecError('name: required, the adapter\'s name ("acme.html")')
    platform = data.get("platform", name.split(".", 1)[0])
    if not isinstance(platform, str) or not platform:
        raise SpecError("platform: must be a non-empty string")
    json_sel = data.get("json")
    if json_sel is not None and (not isinstance(json_sel, str) or not json_sel.strip()):
        raise SpecError('json: "$" or a CSS selector')
    is_json = json_sel is not None
    if json_sel is not None and json_sel != "$":
        _check_css(json_sel, "json")
    contains, url, confidence = _detect(data.get("detect"))
    tz = data.get("time_zone")
    if tz is not None:
        from .._dates import zone_info  # noqa: PLC0415 - checking only

        if not isinstance(tz, str) or zone_info(tz) is None:
            raise SpecError(f"time_zone: {tz!r} is not an IANA zone")
    page = _fields(data.get("page"), _PAGE, "page", is_json)
    components = None
    if data.get("components") is not None:
        components = _rows(data["components"], "components", _COMPONENTS_SCHEMA, is_json)
        if "name" not in components.fields:
            raise SpecError("components.name: required")
    incidents = None
    if data.get("incidents") is not None:
        incidents = _rows(data["incidents"], "incidents", _INCIDENTS_SCHEMA, is_json)
        if "title" not in incidents.fields:
            raise SpecError("incidents.title: required")
    if components is None and incidents is None and not page:
        raise SpecError("a spec needs at least one of page, components, incidents")
    try:
        words = {
            "component_words": word_table(
                COMPONENT_WORDS, ComponentStatus, _words(data, "component_words")
            ),
            "incident_words": word_table(
                INCIDENT_WORDS, IncidentStatus, _words(data, "incident_words")
            ),
            "impact_words": word_table(IMPACT_WORDS, Impact, _words(data, "impact_words")),
            "kind_words": word_table(KIND_WORDS, IncidentKind, _words(data, "kind_words")),
        }
    except ValueError as exc:
        raise SpecError(f"words: {exc}") from exc
    return HTMLSpec(
        name=name.strip(),
        platform=platform,
        json=json_sel,
        detect_contains=contains,
        detect_url=url,
        detect_confidence=confidence,
        time_zone=tz,
        page=page,
        components=components,
        incidents=incidents,
        coverage=_coverage(data.get("coverage"), page, components, incidents),
        source=MappingProxyType(dict(data)),
        **words,  # type: ignore[arg-type]
    )


def _known(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        prefix = f"{where}." if where else ""
        raise SpecError(f"{prefix}{unknown[0]}: unknown key (known: {', '.join(sorted(allowed))})")


def _detect(value: Any) -> tuple[tuple[str, ...], str | None, float]:
    if value is None:
        return (), None, 0.9
    if isinstance(value, str):
        value = {"contains": [value]}
    elif isinstance(value, list):
        value = {"contains": value}
    if not isinstance(value, Mapping):
        raise SpecError("detect: a text, a list of texts, or a table")
    _known(value, {"contains", "url", "confidence"}, "detect")
    contains = value.get("contains", [])
    if isinstance(contains, str):
        contains = [contains]
    if not isinstance(contains, list) or not all(isinstance(c, str) and c for c in contains):
        raise SpecError("detect.contains: a list of non-empty texts")
    url = value.get("url")
    if url is not None and not isinstance(url, str):
        raise SpecError("detect.url: a text")
    confidence = value.get("confidence", 0.9)
    if not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
        raise SpecError("detect.confidence: a number in (0, 1]")
    return tuple(contains), url, float(confidence)


def _words(data: Mapping[str, Any], key: str) -> Mapping[str, str]:
    table = data.get(key)
    if table is None:
        return {}
    if not isinstance(table, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise SpecError(f'{key}: a table of word = "state" pairs')
    return table


_Schema = tuple[set[str], Mapping[str, "_Schema"]]
_LISTED_SCHEMA: _Schema = (_LISTED, {})
_COMPONENTS_SCHEMA: _Schema = (_COMPONENT, {"groups": (_GROUP, {})})
_INCIDENTS_SCHEMA: _Schema = (
    _INCIDENT,
    {"updates": (_UPDATE, {"components": _LISTED_SCHEMA}), "components": _LISTED_SCHEMA},
)


def _rows(value: Any, where: str, schema: _Schema, is_json: bool) -> Rows:
    allowed, nested = schema
    if not isinstance(value, Mapping):
        raise SpecError(f"{where}: a table")
    _known(value, allowed | {"each", "order", *nested}, where)
    each = value.get("each")
    if not isinstance(each, str) or not each.strip():
        raise SpecError(f"{where}.each: required, the selector of the rows")
    if not is_json:
        _check_css(each, f"{where}.each")
    order = value.get("order", "newest_first")
    if order not in ("newest_first", "oldest_first"):
        raise SpecError(f'{where}.order: "newest_first" or "oldest_first"')
    fields = _fields({k: v for k, v in value.items() if k in allowed}, allowed, where, is_json)
    children = {
        key: _rows(value[key], f"{where}.{key}", child, is_json)
        for key, child in nested.items()
        if value.get(key) is not None
    }
    return Rows(
        each=each,
        fields=MappingProxyType(fields),
        nested=MappingProxyType(children),
        order=order,
    )


def _fields(value: Any, allowed: set[str], where: str, is_json: bool) -> dict[str, Field]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SpecError(f"{where}: a table")
    _known(value, allowed, where)
    return {k: _field(v, f"{where}.{k}", is_json, k in _TIMES) for k, v in value.items()}


def _field(value: Any, where: str, is_json: bool, is_time: bool) -> Field:
    if isinstance(value, str):
        return _short_field(value, where, is_json)
    if not isinstance(value, Mapping):
        raise SpecError(f"{where}: a selector text or a table")
    sel_key = "path" if is_json else "css"
    allowed = {sel_key, "pattern", "value", "format"} | (set() if is_json else {"attr"})
    _known(value, allowed, where)
    select = value.get(sel_key)
    if select is not None:
        if not isinstance(select, str):
            raise SpecError(f"{where}.{sel_key}: a text")
        if not is_json and select not in ("", "."):
            _check_css(select, f"{where}.{sel_key}")
        if select in ("", "."):
            select = None
    attr = value.get("attr")
    if attr is not None and (not isinstance(attr, str) or not _ATTR.match(attr)):
        raise SpecError(f"{where}.attr: an attribute name")
    const = value.get("value")
    if const is not None and not isinstance(const, (str, int, float)):
        raise SpecError(f"{where}.value: a text")
    pattern = None
    if value.get("pattern") is not None:
        try:
            pattern = re.compile(value["pattern"])
        except (re.error, TypeError) as exc:
            raise SpecError(f"{where}.pattern: {exc}") from exc
    fmt = value.get("format", "auto")
    if not isinstance(fmt, str) or (fmt not in _TIME_FORMATS and "%" not in fmt):
        raise SpecError(f"{where}.format: one of {', '.join(_TIME_FORMATS)} or a strptime format")
    if fmt != "auto" and not is_time:
        raise SpecError(f"{where}.format: only times have a format")
    return Field(
        select=select,
        attr=attr,
        pattern=pattern,
        value=None if const is None else str(const),
        format=fmt,
    )


def _short_field(text: str, where: str, is_json: bool) -> Field:
    text = text.strip()
    if text in ("", "."):
        return Field()
    if is_json:
        return Field(select=text)
    select: str | None = text
    attr: str | None = None
    head, at, tail = text.rpartition("@")
    if at and _ATTR.match(tail) and head.count("[") == head.count("]"):
        select, attr = head.strip() or None, tail
    if select is not None:
        _check_css(select, where)
    return Field(select=select, attr=attr)


def _check_css(selector: str, where: str) -> None:
    import soupsieve  # noqa: PLC0415 - HTML mode only

    try:
        soupsieve.compile(selector)
    except Exception as exc:  # noqa: BLE001 - soupsieve raises its own SelectorSyntaxError
        raise SpecError(f"{where}: invalid CSS selector {selector!r} ({exc})") from None


def _coverage(
    value: Any, page: Mapping[str, Field], components: Rows | None, incidents: Rows | None
) -> Coverage:
    scope = Scope.RECENT if incidents is not None else Scope.NONE
    default = {
        "components": components is not None,
        "indicator": "indicator" in page,
        "incidents": scope.value,
        "maintenances": scope.value,
    }
    if value is None:
        value = {}
    if not isinstance(value, Mapping):
        raise SpecError("coverage: a table")
    _known(value, set(default), "coverage")
    merged = {**default, **value}
    try:
        return Coverage(
            components=bool(merged["components"]),
            indicator=bool(merged["indicator"]),
            incidents=member_of(Scope, str(merged["incidents"])),
            maintenances=member_of(Scope, str(merged["maintenances"])),
        )
    except ValueError as exc:
        raise SpecError(f"coverage: {exc}") from exc

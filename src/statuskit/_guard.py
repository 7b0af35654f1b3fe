"""Checks every reading passes on its way out, whichever adapter produced it.

* Bounds the adapter may have missed: lists longer than ``Limits.max_items`` are cut and text
  fields longer than ``Limits.max_text`` truncated, each with a warning.
* Components are keyed by id: a repeated id (a vendor's, or one an adapter derived from a
  repeated name) gets a ``#2``, ``#3``... suffix, with a warning, so keys stay unique.
* The suspicious-reading guard: a reading that holds nothing although its format promises
  components, a status or incidents, or whose components collapse compared with the previous
  reading of the same page, is a warning (lenient) or a
  :class:`~statuskit.SuspiciousReadingError` (strict), naming what is missing.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

import attrs

from .errors import SuspiciousReadingError
from .limits import ParseContext
from .model import Scope, Snapshot

__all__ = ["MIN_RATIO", "bound", "check_reading", "compare", "empty_reading"]

MIN_RATIO = 0.5
"""A reading keeping fewer than this share of the previous reading's components collapsed."""
_MIN_COMPARED = 4
"""Below this many components a drop is too small to call a collapse (unless it is to zero)."""
_NAMES_SHOWN = 5
_ID = attrgetter("id")


# -- bounds ---------------------------------------------------------------------------------


def bound(snap: Snapshot, ctx: ParseContext, input_size: int) -> Snapshot:
    """*snap* with lists cut to ``max_items`` and text truncated to ``max_text`` (warnings on
    *ctx*).  Text can only be too long when the input is: small inputs skip the walk."""
    limits = ctx.limits
    changes: dict[str, Any] = {}
    for name in ("components", "incidents"):
        items = getattr(snap, name)
        if len(items) > limits.max_items:
            ctx.warn(f"{len(items)} {name} cut to max_items={limits.max_items}", f"$.{name}")
            changes[name] = items[: limits.max_items]
    incidents = changes.get("incidents", snap.incidents)
    if any(len(i.updates) > limits.max_items for i in incidents):
        cut = []
        for n, inc in enumerate(incidents):
            if len(inc.updates) > limits.max_items:
                ctx.warn(
                    f"{len(inc.updates)} updates cut to max_items={limits.max_items}",
                    f"$.incidents[{n}].updates",
                )
                cut.append(attrs.evolve(inc, updates=inc.updates[-limits.max_items :]))
            else:
                cut.append(inc)
        changes["incidents"] = tuple(cut)
    components = changes.get("components", snap.components)
    if len(set(map(_ID, components))) != len(components):
        changes["components"] = _unique_ids(components, ctx)
    if changes:
        snap = attrs.evolve(snap, **changes)
    if input_size > limits.max_text:
        snap = _bound_text(snap, ctx, ())
    return snap


def _unique_ids(components: tuple[Any, ...], ctx: ParseContext) -> tuple[Any, ...]:
    seen: dict[str, int] = {}
    taken = {c.id for c in components}
    out = []
    for n, comp in enumerate(components):
        count = seen.get(comp.id, 0) + 1
        seen[comp.id] = count
        if count == 1:
            out.append(comp)
            continue
        new = f"{comp.id}#{count}"
        while new in taken:
            count += 1
            new = f"{comp.id}#{count}"
        taken.add(new)
        ctx.warn(f"component id {comp.id!r} repeated: this one keyed {new!r}", f"$.components[{n}]")
        out.append(attrs.evolve(comp, id=new))
    return tuple(out)


_SCALARS = frozenset(
    {
        "int",
        "bool",
        "float",
        "datetime",
        "None",
        "ComponentStatus",
        "Impact",
        "IncidentKind",
        "IncidentStatus",
        "Scope",
    }
)


_FIELDS: dict[type, tuple[str, ...]] = {}
_MODELS: dict[type, bool] = {}


def _fields(cls: type) -> tuple[str, ...]:
    """The fields of model *cls* that can hold text or other models (by their annotations;
    a field whose annotation statuskit cannot read is kept, to be safe)."""
    found = _FIELDS.get(cls)
    if found is None:
        names = []
        for f in attrs.fields(cls):
            kinds = {k.strip() for k in str(f.type).split("|")}
            if f.name != "raw" and f.init and not kinds <= _SCALARS:
                names.append(f.name)
        found = _FIELDS[cls] = tuple(names)
    return found


def _is_model(cls: type) -> bool:
    found = _MODELS.get(cls)
    if found is None:
        found = _MODELS[cls] = attrs.has(cls)
    return found


def _bound_text(obj: Any, ctx: ParseContext, where: tuple[str | int, ...]) -> Any:
    """*obj* (an attrs model) with every str field cut to ``max_text``, models inside it too.
    Vendor records (``raw``) are left as they are: they are bounded by ``max_bytes``.  The path
    is only spelled out for a field that is cut."""
    limit = ctx.limits.max_text
    changes: dict[str, Any] = {}
    for name in _fields(type(obj)):
        value = getattr(obj, name)
        kind = type(value)
        if kind is str:
            if len(value) > limit:
                changes[name] = ctx.text(value, _spell((*where, name)))
        elif kind is tuple:
            if value and _is_model(type(value[0])):
                new = tuple(
                    _bound_text(item, ctx, (*where, name, i)) for i, item in enumerate(value)
                )
                if any(a is not b for a, b in zip(new, value, strict=True)):
                    changes[name] = new
        elif value is not None and _is_model(kind):
            new_obj = _bound_text(value, ctx, (*where, name))
            if new_obj is not value:
                changes[name] = new_obj
    return attrs.evolve(obj, **changes) if changes else obj


def _spell(where: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where)


# -- suspicious readings --------------------------------------------------------------------


def _promised(snap: Snapshot) -> list[str]:
    cov = snap.coverage
    promised = []
    if cov.components:
        promised.append("components")
    if cov.indicator:
        promised.append("a status indicator")
    if cov.incidents is not Scope.NONE:
        promised.append(f"incidents ({cov.incidents.value})")
    if cov.maintenances is not Scope.NONE:
        promised.append(f"maintenances ({cov.maintenances.value})")
    return promised


def _report(ctx: ParseContext, message: str, missing: tuple[str, ...]) -> None:
    if ctx.strict:
        raise SuspiciousReadingError(message, missing=missing, adapter=ctx.adapter)
    ctx.warn(message, always=True)


def empty_reading(snap: Snapshot, ctx: ParseContext) -> None:
    """Warn (or raise, strict) when *snap* holds nothing, or lacks what its coverage promises."""
    if not snap.components and not snap.incidents and snap.indicator is None:
        promised = _promised(snap)
        said = f" although its format promises {', '.join(promised)}" if promised else ""
        _report(
            ctx,
            f"the page parsed to nothing: no components, no incidents, no status{said}",
            tuple(promised) or ("components", "incidents", "status"),
        )
        return
    said_so = any("no components" in w for w in (*snap.warnings, *ctx.warnings))
    if snap.coverage.components and not snap.components and not said_so:
        _report(ctx, "the format promises components but none were read", ("components",))
    # an adapter may read the vendor's word and deliberately leave the indicator to the
    # incidents (Slack's "active"): only a reading with no word at all is missing it
    if snap.coverage.indicator and snap.indicator is None and snap.raw_indicator is None:
        _report(
            ctx, "the format promises a status indicator but none was read", ("status indicator",)
        )


def _same_page(a: Snapshot, b: Snapshot) -> bool:
    if a.page.id and b.page.id:
        return a.page.id == b.page.id
    if a.page.url and b.page.url:
        return a.page.url.rstrip("/").lower() == b.page.url.rstrip("/").lower()
    return a.platform == b.platform


def _collapse(
    previous: Snapshot, current: Snapshot, min_ratio: float
) -> tuple[str, tuple[str, ...]] | None:
    """(message, missing) when *current* lost most of *previous*'s components, else None."""
    if not (previous.coverage.components and current.coverage.components):
        return None  # one of them is not a reading of the components: nothing to compare
    if not _same_page(previous, current):
        return None
    before, now = len(previous.components), len(current.components)
    if before == 0 or now >= before * min_ratio or (now and before < _MIN_COMPARED):
        return None
    kept = {c.id for c in current.components}
    lost = [c for c in previous.components if c.id not in kept]
    names = [repr(c.name or c.id) for c in lost]
    shown = ", ".join(names[:_NAMES_SHOWN])
    if len(names) > _NAMES_SHOWN:
        shown += f" and {len(names) - _NAMES_SHOWN} more"
    message = f"components collapsed from {before} to {now} since the previous reading"
    if shown:
        message += f": missing {shown}"
    return message, tuple(f"component {n}" for n in names)


def compare(
    previous: Snapshot, current: Snapshot, ctx: ParseContext, min_ratio: float = MIN_RATIO
) -> None:
    """Report (on *ctx*) what *current* lost compared with *previous*, when both read the same
    page: a collapse of the components, a vanished status indicator."""
    found = _collapse(previous, current, min_ratio)
    if found is not None:
        _report(ctx, *found)
    if (
        previous.coverage.indicator
        and current.coverage.indicator
        and previous.indicator is not None
        and current.indicator is None
        and current.raw_indicator is None
        and _same_page(previous, current)
    ):
        _report(
            ctx,
            "the status indicator disappeared since the previous reading",
            ("status indicator",),
        )


def check_reading(
    previous: Snapshot | None,
    current: Snapshot,
    *,
    strict: bool = False,
    min_ratio: float = MIN_RATIO,
) -> Snapshot:
    """Check *current* against the *previous* reading of the same page.

    Returns *current*, with a warning added for each finding (lenient), or raises
    :class:`~statuskit.SuspiciousReadingError` naming what is missing (strict).  Findings: the
    reading holds nothing although its format promises components, a status or incidents; the
    components collapsed to less than *min_ratio* of the previous count (or to none); the
    previous reading had a status indicator and this one, of the same kind, has none.  Readings
    of different pages or of different endpoints (one lists components, the other does not) are
    not compared.

    .. versionadded:: 0.1
    """
    if not 0 < min_ratio <= 1:
        raise ValueError(f"min_ratio must be in (0, 1], not {min_ratio!r}")
    if not isinstance(current, Snapshot) or not isinstance(previous, (Snapshot, type(None))):
        raise TypeError("check_reading compares two Snapshots (previous may be None)")
    ctx = ParseContext(current.adapter, strict=strict)
    empty_reading(current, ctx)
    if previous is not None:
        compare(previous, current, ctx, min_ratio)
    if not ctx.warnings:
        return current
    return attrs.evolve(current, warnings=tuple(dict.fromkeys((*current.warnings, *ctx.warnings))))

"""Building many :class:`~statuskit.model.Component` objects cheaply.

attrs' generated ``__init__`` of a frozen slotted class sets each field through a bound
``object.__setattr__``; a page of hundreds of components spends a good part of its reading
there.  :func:`new_component` sets the slots directly through their descriptors, which gives the
very same object (equal, same slots) in about three quarters of the time.  It is only used while
the model stays plain (the fields below, in this order, no validators, converters or init hooks);
otherwise it is the class itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ..model import Component

__all__ = ["FIELDS", "is_direct", "new_component", "plain"]

FIELDS = (
    "id",
    "name",
    "status",
    "raw_status",
    "group",
    "description",
    "position",
    "group_id",
    "is_group",
    "updated_at",
    "raw",
)


def plain(cls: type, fields: tuple[str, ...]) -> bool:
    """True when attrs class *cls* has exactly *fields*, in this order, every one an init
    argument without validator or converter, no init hooks, and a slot (a member descriptor)
    per field: then setting the slots directly gives what its ``__init__`` gives."""
    found = attrs.fields(cls)
    slots = set(getattr(cls, "__slots__", ()))
    return (
        tuple(f.name for f in found) == fields
        and all(f.init and f.validator is None and f.converter is None for f in found)
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and slots <= {*fields, "__weakref__"}
        and all(type(cls.__dict__.get(name)).__name__ == "member_descriptor" for name in fields)
    )


def _direct() -> Callable[..., Component]:
    if not plain(Component, FIELDS):  # pragma: no cover - the model as it stands is plain
        return Component
    s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 = (Component.__dict__[n].__set__ for n in FIELDS)
    new = object.__new__

    def build(
        id: Any,
        name: Any,
        status: Any,
        raw_status: Any,
        group: Any,
        description: Any,
        position: Any,
        group_id: Any,
        is_group: Any,
        updated_at: Any,
        raw: Any,
    ) -> Component:
        obj = new(Component)
        s0(obj, id)
        s1(obj, name)
        s2(obj, status)
        s3(obj, raw_status)
        s4(obj, group)
        s5(obj, description)
        s6(obj, position)
        s7(obj, group_id)
        s8(obj, is_group)
        s9(obj, updated_at)
        s10(obj, raw)
        return obj

    return build


new_component: Callable[..., Component] = _direct()
"""``Component(*fields)``, every field given positionally in :data:`FIELDS` order."""


def is_direct() -> bool:
    """Whether :func:`new_component` sets the slots itself (False: it is the class)."""
    return new_component is not Component

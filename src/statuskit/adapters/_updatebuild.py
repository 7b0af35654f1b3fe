"""Building many :class:`~statuskit.model.Update` objects cheaply (feed bodies hold dozens).

As :mod:`._fastbuild` does for components: attrs' generated ``__init__`` of a frozen slotted
class sets each field through a bound ``object.__setattr__``; :func:`new_update` sets the slots
directly through their descriptors, which gives the very same object (equal, same slots, a
fresh ``raw`` dict as the field's factory makes).  It is only used while the model stays plain
(the fields below, in this order, no validators, converters or init hooks); otherwise it calls
the class itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import attrs

from ..model import Update
from ..status import IncidentStatus

__all__ = ["FIELDS", "is_direct", "new_update"]

FIELDS = (
    "id",
    "status",
    "raw_status",
    "body",
    "body_html",
    "created_at",
    "component_changes",
    "raw",
)

NewUpdate = Callable[
    [str | None, IncidentStatus, str | None, str, str | None, datetime | None], Update
]


def _plain(cls: type) -> bool:
    fields = attrs.fields(cls)
    slots = set(getattr(cls, "__slots__", ()))
    return (
        tuple(f.name for f in fields) == FIELDS
        and all(f.init and f.validator is None and f.converter is None for f in fields)
        and fields.component_changes.default == ()
        and isinstance(fields.raw.default, attrs.Factory)  # type: ignore[arg-type]
        and fields.raw.default.factory is dict
        and not fields.raw.default.takes_self
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and slots <= {*FIELDS, "__weakref__"}
        and all(type(cls.__dict__.get(name)).__name__ == "member_descriptor" for name in FIELDS)
    )


def _class(
    id: str | None,
    status: IncidentStatus,
    raw_status: str | None,
    body: str,
    body_html: str | None,
    created_at: datetime | None,
) -> Update:
    return Update(id, status, raw_status, body, body_html, created_at)


def _direct() -> NewUpdate:
    if not _plain(Update):  # pragma: no cover - the model as it stands is plain
        return _class
    s0, s1, s2, s3, s4, s5, s6, s7 = (Update.__dict__[n].__set__ for n in FIELDS)
    new = object.__new__

    def build(
        id: str | None,
        status: IncidentStatus,
        raw_status: str | None,
        body: str,
        body_html: str | None,
        created_at: datetime | None,
    ) -> Update:
        obj = new(Update)
        s0(obj, id)
        s1(obj, status)
        s2(obj, raw_status)
        s3(obj, body)
        s4(obj, body_html)
        s5(obj, created_at)
        s6(obj, ())
        s7(obj, {})
        return obj

    return build


new_update: NewUpdate = _direct()
"""``Update(id, status, raw_status, body, body_html, created_at)`` (no component changes, an
empty ``raw``)."""


def is_direct() -> bool:
    """Whether :func:`new_update` sets the slots itself (False: it calls the class)."""
    return new_update is not _class

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
from ._fastbuild import plain

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
    # plain as _fastbuild says, and the two fields build() fills itself keep their defaults
    if not plain(cls, FIELDS):
        return False
    fields = attrs.fields(cls)
    raw = fields.raw.default
    return (
        fields.component_changes.default == ()
        and isinstance(raw, attrs.Factory)  # type: ignore[arg-type]
        and raw.factory is dict
        and not raw.takes_self
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

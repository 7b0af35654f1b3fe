"""Builders for the model objects adapters make by the hundred (a page's components, a feed's
updates): each takes every field positionally, in the class's field order, and builds the very
object the class would, in about a third of the time (see :mod:`statuskit._build`)."""

from __future__ import annotations

from collections.abc import Callable

from .._build import builder, is_twin
from ..model import Component, ComponentChange, ComponentRef, Update

__all__ = ["is_direct", "new_change", "new_component", "new_ref", "new_update"]

new_component: Callable[..., Component] = builder(Component)
"""``Component(id, name, status, raw_status, group, description, position, group_id, is_group,
updated_at, raw)``."""
new_update: Callable[..., Update] = builder(Update)
"""``Update(id, status, raw_status, body, body_html, created_at, component_changes, raw)``."""
new_ref: Callable[..., ComponentRef] = builder(ComponentRef)
"""``ComponentRef(id, name, status, raw_status)``."""
new_change: Callable[..., ComponentChange] = builder(ComponentChange)
"""``ComponentChange(component_id, name, old, new, raw_old, raw_new)``."""


def is_direct() -> bool:
    """Whether every builder here builds through a twin (False: one of them is the class)."""
    return all(map(is_twin, (new_component, new_update, new_ref, new_change)))

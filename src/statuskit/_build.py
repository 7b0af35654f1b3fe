"""Building many model objects cheaply.

attrs' generated ``__init__`` of a frozen slotted class stores every field through a bound
``object.__setattr__``: about a microsecond per field, so a page of hundreds of components
spends a large part of its reading just there (a :class:`~statuskit.model.Component` of eleven
fields took about as long as reading its row from the page).

:func:`builder` returns, for such a class, a function taking every field positionally that
fills a plain slotted *twin* of the class with ordinary attribute stores (which CPython
specializes to direct slot writes) and then makes the object an instance of the class by
assigning ``__class__``, which Python allows between classes of the same layout.  The result is
the very object the class's ``__init__`` would build: same type, same slots, equal, same hash.
It takes about a third of the time.

The twin is only used while the class stays plain: exactly the given fields, in that order,
each an init argument without validator or converter, no init hooks, a slot per field and no
other (no ``__dict__``, no ``__weakref__``: Python refuses ``__class__`` assignment when a weak
reference slot follows the fields).  A trial build at import checks the result field by field;
when anything does not hold, the builder is the class itself, called with the same arguments.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["builder", "is_twin", "plain"]

_T = TypeVar("_T")
_PREFIX = "_sk_"
"""Names the generated function uses for itself; no field may start with it."""


def plain(cls: type, fields: tuple[str, ...]) -> bool:
    """True when attrs class *cls* has exactly *fields*, in this order, every one an init
    argument without validator or converter, no init hooks, and a slot (a member descriptor)
    per field and no other slot: then storing each field in its slot gives what ``__init__``
    gives."""
    found = attrs.fields(cls)
    return (
        tuple(f.name for f in found) == fields
        and all(f.init and f.validator is None and f.converter is None for f in found)
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "__attrs_post_init__")
        and set(getattr(cls, "__slots__", ())) == set(fields)
        and all(type(cls.__dict__.get(name)).__name__ == "member_descriptor" for name in fields)
    )


def _twin_builder(cls: type[_T], fields: tuple[str, ...]) -> Callable[..., _T]:
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": fields, "__module__": __name__})
    stores = "".join(f"    {_PREFIX}obj.{name} = {name}\n" for name in fields)
    source = (
        f"def build({', '.join(fields)}):\n"
        f"    {_PREFIX}obj = {_PREFIX}new({_PREFIX}twin)\n"
        f"{stores}"
        f"    {_PREFIX}obj.__class__ = {_PREFIX}cls\n"
        f"    return {_PREFIX}obj\n"
    )
    namespace: dict[str, Any] = {
        f"{_PREFIX}new": object.__new__,
        f"{_PREFIX}twin": twin,
        f"{_PREFIX}cls": cls,
    }
    exec(compile(source, f"<statuskit builder of {cls.__name__}>", "exec"), namespace)
    built: Callable[..., _T] = namespace["build"]
    return built


def _trial(cls: type, build: Callable[..., Any], fields: tuple[str, ...]) -> bool:
    """True when *build* makes an instance of *cls* holding each argument in its field."""
    values = [object() for _ in fields]
    try:
        obj = build(*values)
    except TypeError:  # the layouts differ after all
        return False
    return type(obj) is cls and all(
        getattr(obj, name) is value for name, value in zip(fields, values, strict=True)
    )


def builder(cls: type[_T]) -> Callable[..., _T]:
    """``cls(*values)`` for attrs class *cls*, every field given positionally in order: built
    through a twin when *cls* is plain (see the module docstring), else the class itself."""
    fields = tuple(f.name for f in attrs.fields(cls))  # type: ignore[arg-type]
    usable = (
        plain(cls, fields)
        and cls.__bases__ == (object,)
        and cls.__weakrefoffset__ == 0
        and cls.__dictoffset__ == 0
        and all(
            name.isidentifier() and not keyword.iskeyword(name) and not name.startswith(_PREFIX)
            for name in fields
        )
    )
    if usable:
        build = _twin_builder(cls, fields)
        if _trial(cls, build, fields):
            return build
    return cls


def is_twin(build: Callable[..., Any]) -> bool:
    """Whether *build* (from :func:`builder`) builds through a twin (False: it is the class)."""
    return not isinstance(build, type)

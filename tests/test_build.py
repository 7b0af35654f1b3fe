"""The twin builders (statuskit._build) build the very objects the classes' constructors do."""

from __future__ import annotations

import pickle
from datetime import datetime, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus
from statuskit._build import builder, is_twin
from statuskit.adapters._fastbuild import (
    is_direct,
    new_change,
    new_component,
    new_ref,
    new_update,
)
from statuskit.model import (
    Component,
    ComponentChange,
    ComponentRef,
    Incident,
    Update,
    _new_incident,
)

_TEXT = st.one_of(st.none(), st.text(max_size=6))
_WHEN = st.one_of(st.none(), st.datetimes(timezones=st.just(timezone.utc)))
_RAW = st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)


def _same(built: Any, reference: Any) -> None:
    """Indistinguishable: type, every field (identity), equality, hash, repr, asdict, pickle."""
    assert type(built) is type(reference)
    for field in attrs.fields(type(reference)):
        assert getattr(built, field.name) is getattr(reference, field.name)
    assert built == reference
    assert repr(built) == repr(reference)
    assert attrs.asdict(built, recurse=False) == attrs.asdict(reference, recurse=False)
    assert pickle.loads(pickle.dumps(built)) == reference
    if all(type(v) is not dict for v in attrs.astuple(reference, recurse=False)):
        assert hash(built) == hash(reference)


def test_the_model_builds_through_twins() -> None:
    """While the model stays plain, every builder takes the fast path."""
    assert is_direct()
    assert is_twin(_new_incident)


@given(
    st.tuples(
        st.text(max_size=6),
        st.text(max_size=6),
        st.sampled_from(ComponentStatus),
        _TEXT,
        _TEXT,
        _TEXT,
        st.one_of(st.none(), st.integers()),
        _TEXT,
        st.booleans(),
        _WHEN,
        _RAW,
    )
)
def test_components(values: tuple[Any, ...]) -> None:
    _same(new_component(*values), Component(*values))


@given(
    st.tuples(
        _TEXT,
        st.sampled_from(IncidentStatus),
        _TEXT,
        st.text(max_size=6),
        _TEXT,
        _WHEN,
        st.lists(
            st.builds(ComponentChange, _TEXT, _TEXT, st.none(), st.sampled_from(ComponentStatus)),
            max_size=2,
        ).map(tuple),
        _RAW,
    )
)
def test_updates(values: tuple[Any, ...]) -> None:
    _same(new_update(*values), Update(*values))


@given(st.tuples(_TEXT, _TEXT, st.one_of(st.none(), st.sampled_from(ComponentStatus)), _TEXT))
def test_component_refs(values: tuple[Any, ...]) -> None:
    _same(new_ref(*values), ComponentRef(*values))


@given(
    st.tuples(
        _TEXT,
        _TEXT,
        st.one_of(st.none(), st.sampled_from(ComponentStatus)),
        st.sampled_from(ComponentStatus),
        _TEXT,
        _TEXT,
    )
)
def test_component_changes(values: tuple[Any, ...]) -> None:
    _same(new_change(*values), ComponentChange(*values))


@given(
    st.tuples(
        st.text(max_size=6),
        st.text(max_size=6),
        st.sampled_from(IncidentKind),
        st.sampled_from(IncidentStatus),
        _TEXT,
        st.sampled_from(Impact),
        _TEXT,
        _WHEN,
        _WHEN,
        _WHEN,
        _WHEN,
        _WHEN,
        _WHEN,
        _TEXT,
        st.just(()),
        st.just(()),
        _RAW,
    )
)
def test_incidents(values: tuple[Any, ...]) -> None:
    _same(_new_incident(*values), Incident(*values))


def test_incident_build_goes_through_the_twin_and_subclasses_keep_theirs() -> None:
    when = datetime(2026, 7, 29, 17, 4, tzinfo=timezone.utc)
    up = Update(None, IncidentStatus.RESOLVED, created_at=when)
    built = Incident.build(id="i", title="t", updates=[up])
    assert type(built) is Incident and built.resolved_at == when

    class Special(Incident):  # a subclass is built by its own constructor
        pass

    assert type(Special.build(id="i", title="t")) is Special


@attrs.frozen
class _WithWeakref:  # attrs' default: a weak reference slot after the fields
    a: int
    b: int


@attrs.frozen(weakref_slot=False)
class _Validated:
    a: int = attrs.field(validator=attrs.validators.instance_of(int))


@attrs.frozen(weakref_slot=False)
class _Hooked:
    a: int

    def __attrs_post_init__(self) -> None:
        pass


@attrs.frozen(weakref_slot=False)
class _Converted:
    a: int = attrs.field(converter=int)


@attrs.define(weakref_slot=False, slots=False)
class _Dict:
    a: int


@pytest.mark.parametrize("cls", [_WithWeakref, _Validated, _Hooked, _Converted, _Dict])
def test_classes_that_are_not_plain_are_built_by_themselves(cls: type) -> None:
    """A class the twin cannot stand in for gets the class itself as its builder."""
    build = builder(cls)
    assert build is cls and not is_twin(build)


@attrs.frozen(weakref_slot=False)
class _Plain:
    a: int
    b: str = "x"


def test_a_plain_class_of_ones_own_gets_a_twin() -> None:
    build = builder(_Plain)
    assert is_twin(build)
    _same(build(1, "y"), _Plain(1, "y"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        build(1, "y").a = 2  # type: ignore[misc]

"""The diff engine's rules, one fact per test (the golden cases pin whole outputs)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import attrs
import pytest

import statuskit
from statuskit import (
    Component,
    ComponentAdded,
    ComponentRemoved,
    ComponentRenamed,
    ComponentStatus,
    ComponentStatusChanged,
    Coverage,
    Impact,
    Incident,
    IncidentImpactChanged,
    IncidentKind,
    IncidentOpened,
    IncidentReopened,
    IncidentResolved,
    IncidentStatus,
    IncidentUpdated,
    MaintenanceCompleted,
    MaintenanceScheduled,
    MaintenanceStarted,
    OverallStatusChanged,
    Page,
    Scope,
    Snapshot,
    Update,
)
from statuskit.events import sort_key

from .diffcases import CASES, DIFF_FIXTURES, case_readings, reading, utc

ACME = "https://status.acme-cloud.example"
SESSION = "c3sess000003"
SLOW = "k7slow000001"


def types(changes: tuple[statuskit.Change, ...]) -> list[type]:
    return [type(c) for c in changes]


# -- the acceptance pairs, stated as facts --------------------------------------------------


def test_mid_to_post_incident() -> None:
    """Mid-incident -> post-incident summary: exactly the degraded component back to operational
    at the vendor's time, the incident resolved (inferred, at the reading time) and the page
    operational."""
    old = reading("summary-mid-incident.json")
    new = reading("summary-post-incident.json", read_at="2026-03-14T07:30:00Z")
    changes = statuskit.diff(old, new)
    assert types(changes) == [ComponentStatusChanged, OverallStatusChanged, IncidentResolved]
    comp, overall, resolved = changes
    assert isinstance(comp, ComponentStatusChanged)
    assert (comp.component_id, comp.name) == (SESSION, "Session management")
    assert (comp.old, comp.new) == (
        ComponentStatus.DEGRADED_PERFORMANCE,
        ComponentStatus.OPERATIONAL,
    )
    assert comp.at == utc("2026-03-14T07:26:14.870Z")  # the component's updated_at
    assert isinstance(resolved, IncidentResolved)
    assert resolved.incident_id == SLOW
    assert resolved.inferred is True
    assert resolved.at == utc("2026-03-14T07:30:00Z")  # read_at: the vendor did not say
    assert isinstance(overall, OverallStatusChanged)
    assert (overall.old, overall.new) == (
        ComponentStatus.DEGRADED_PERFORMANCE,
        ComponentStatus.OPERATIONAL,
    )


def test_post_to_mid_incident_is_the_opposite() -> None:
    """The reverse pair opens the incident and degrades the component and the page."""
    changes = statuskit.diff(
        reading("summary-post-incident.json"), reading("summary-mid-incident.json")
    )
    assert types(changes) == [IncidentOpened, ComponentStatusChanged, OverallStatusChanged]
    opened, comp, overall = changes
    assert isinstance(opened, IncidentOpened)
    assert opened.incident_id == SLOW
    assert opened.impact is Impact.MINOR
    assert opened.at == utc("2026-03-14T06:55:00Z")  # the incident's start
    assert [u.id for u in opened.updates] == ["u1slow"]
    assert isinstance(comp, ComponentStatusChanged)
    assert (comp.old, comp.new) == (
        ComponentStatus.OPERATIONAL,
        ComponentStatus.DEGRADED_PERFORMANCE,
    )
    assert isinstance(overall, OverallStatusChanged)
    assert overall.new is ComponentStatus.DEGRADED_PERFORMANCE


def test_component_removed_in_major_outage_keeps_its_last_status() -> None:
    """A component that disappears while in major outage is reported removed, in major outage:
    never silently reset to operational."""
    changes = statuskit.diff(
        reading("summary-legacy-outage.json"), reading("summary-legacy-removed.json")
    )
    removed = [c for c in changes if isinstance(c, ComponentRemoved)]
    assert len(removed) == 1
    assert removed[0].name == "Legacy export"
    assert removed[0].last_status is ComponentStatus.MAJOR_OUTAGE
    assert not any(isinstance(c, ComponentStatusChanged) for c in changes)


def test_rename_keeps_the_id() -> None:
    """Same id, new name: one ComponentRenamed, no removal and no addition of that component."""
    changes = statuskit.diff(reading("summary-calm.json"), reading("summary-renamed.json"))
    renamed = [c for c in changes if isinstance(c, ComponentRenamed)]
    assert [(r.component_id, r.old_name, r.name) for r in renamed] == [
        ("c5hook000005", "Webhooks", "Outgoing webhooks")
    ]
    added = [c for c in changes if isinstance(c, ComponentAdded)]
    assert [a.name for a in added] == ["Audit log"]
    assert not any(isinstance(c, ComponentRemoved) for c in changes)


def test_maintenance_scheduled_in_progress_completed() -> None:
    """A maintenance read as scheduled, in progress, then completed gives scheduled, started and
    completed, each once, at the vendor's times; the component under maintenance is not an
    outage."""
    a = reading("summary-calm.json")
    b = reading("summary-maint-scheduled.json")
    c = reading("summary-maint-in-progress.json")
    d = reading(
        "scheduled-maintenances-completed.json",
        url=f"{ACME}/api/v2/scheduled-maintenances.json",
    )
    seen = [*statuskit.diff(a, b), *statuskit.diff(b, c), *statuskit.diff(c, d)]
    life = [e for e in seen if isinstance(e, (MaintenanceScheduled, MaintenanceStarted))]
    life += [e for e in seen if isinstance(e, MaintenanceCompleted)]
    assert [(type(e), e.at) for e in life] == [
        (MaintenanceScheduled, utc("2026-03-10T15:00:00Z")),
        (MaintenanceStarted, utc("2026-03-14T09:00:03.221Z")),
        (MaintenanceCompleted, utc("2026-03-14T10:45:00.500Z")),
    ]
    completed = life[-1]
    assert isinstance(completed, MaintenanceCompleted)
    assert completed.inferred is False
    overall = [e for e in seen if isinstance(e, OverallStatusChanged)]
    assert [o.new for o in overall] == [ComponentStatus.UNDER_MAINTENANCE]
    assert not any(e.new.is_outage for e in seen if isinstance(e, ComponentStatusChanged))


def test_maintenance_leaving_summary_is_completed_inferred() -> None:
    """A maintenance in progress that leaves summary.json is completed, marked inferred."""
    changes = statuskit.diff(
        reading("summary-maint-in-progress.json"), reading("summary-maint-done.json")
    )
    done = [c for c in changes if isinstance(c, MaintenanceCompleted)]
    assert len(done) == 1
    assert done[0].inferred is True


def test_resolved_incident_updated_again_is_reopened() -> None:
    """A resolved incident with a new 'investigating' post: the new post alone, and reopened at
    its time."""
    url = f"{ACME}/api/v2/incidents.json"
    changes = statuskit.diff(
        reading("incidents-resolved.json", url=url), reading("incidents-reopened.json", url=url)
    )
    assert types(changes) == [IncidentUpdated, IncidentReopened]
    updated, reopened = changes
    assert isinstance(updated, IncidentUpdated)
    assert [u.id for u in updated.updates] == ["u5slow"]
    assert reopened.at == utc("2026-03-14T08:02:11Z")


def test_impact_change_and_only_new_updates() -> None:
    """A post that raises the impact: IncidentUpdated carries only that post, and the impact
    change is reported from minor to major."""
    changes = statuskit.diff(
        reading("summary-mid-incident.json"), reading("summary-impact-major.json")
    )
    updated = [c for c in changes if isinstance(c, IncidentUpdated)]
    assert [[u.id for u in c.updates] for c in updated] == [["u2slow"]]
    impact = [c for c in changes if isinstance(c, IncidentImpactChanged)]
    assert [(c.old, c.new) for c in impact] == [(Impact.MINOR, Impact.MAJOR)]


# -- general rules --------------------------------------------------------------------------


READINGS = sorted({name for c in CASES for name in (c["old"], c["new"])})


@pytest.mark.parametrize("name", READINGS)
def test_a_reading_against_itself_is_no_change(name: str) -> None:
    """diff(a, a) == () for every reading, and for a reading against a fresh parse of it."""
    once = reading(name)
    assert statuskit.diff(once, once) == ()
    assert statuskit.diff(once, reading(name)) == ()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_events_are_sorted_unique_and_aware_utc(case: dict[str, object]) -> None:
    """Events come out sorted by time (then kind, subject, id), ids are unique, every `at` is
    aware UTC."""
    changes = statuskit.diff(*case_readings(case))  # type: ignore[arg-type]
    assert list(changes) == sorted(changes, key=sort_key)
    assert len({c.id for c in changes}) == len(changes)
    assert all(c.at.utcoffset() == timedelta(0) for c in changes)


def test_ids_are_stable_across_runs() -> None:
    """The same change has the same id on every run and machine (a SHA-256 of stable inputs,
    never Python's hash()): this one is pinned."""
    old = reading("summary-mid-incident.json")
    new = reading("summary-post-incident.json")
    first = statuskit.diff(old, new)
    assert first == statuskit.diff(old, new)
    assert first[0].id == "c8f98d499307c90ab0c288f6d0755d35"
    assert attrs.evolve(first[0]).id == first[0].id  # recomputed from the fields


def test_id_recipe() -> None:
    """The id is the first 32 hex digits of SHA-256 over the recipe version, the type name, the
    page and the identifying fields (times as microseconds since the epoch), joined by U+001F."""
    change = ComponentStatusChanged(
        at=utc("2026-03-14T07:26:14.870Z"),
        page=ACME,
        component_id=SESSION,
        name="Session management",
        old=ComponentStatus.DEGRADED_PERFORMANCE,
        new=ComponentStatus.OPERATIONAL,
    )
    micros = str(int(utc("2026-03-14T07:26:14.870Z").timestamp()) * 1_000_000 + 870_000)
    blob = "\x1f".join(
        [
            "statuskit-change-1",
            "ComponentStatusChanged",
            ACME,
            SESSION,
            "degraded_performance",
            "operational",
            micros,
        ]
    )
    assert change.id == hashlib.sha256(blob.encode()).hexdigest()[:32]


def test_id_depends_on_what_changed() -> None:
    """Two changes differing in any identifying field get different ids."""
    at = utc("2026-03-14T07:00:00Z")
    base = ComponentStatusChanged(
        at=at,
        page=ACME,
        component_id="c1",
        name="API",
        old=ComponentStatus.OPERATIONAL,
        new=ComponentStatus.MAJOR_OUTAGE,
    )
    others = [
        attrs.evolve(base, at=at + timedelta(seconds=1)),
        attrs.evolve(base, page="https://other.example"),
        attrs.evolve(base, component_id="c2"),
        attrs.evolve(base, new=ComponentStatus.PARTIAL_OUTAGE),
    ]
    assert len({base.id, *(o.id for o in others)}) == 5
    assert attrs.evolve(base, name="Renamed API").id == base.id  # a label, not an identity


def test_at_falls_back_to_page_updated_at_without_read_at() -> None:
    """With no read_at, a change the vendor gives no time for happens at the newer page's
    updated_at."""
    changes = statuskit.diff(
        reading("summary-mid-incident.json"), reading("summary-post-incident.json")
    )
    resolved = next(c for c in changes if isinstance(c, IncidentResolved))
    assert resolved.at == utc("2026-03-14T07:26:14.870Z")


def test_stale_component_updated_at_is_not_the_change_time() -> None:
    """A component whose updated_at did not move forward changed at the reading time."""
    old = reading("summary-maint-in-progress.json")
    new = reading("summary-calm.json", read_at="2026-03-14T11:00:00Z")  # Billing: old updated_at
    billing = next(c for c in statuskit.diff(old, new) if isinstance(c, ComponentStatusChanged))
    assert billing.at == utc("2026-03-14T11:00:00Z")


# -- coverage: what one side does not carry is not a change ---------------------------------


def without_incidents(snap: Snapshot) -> Snapshot:
    return attrs.evolve(
        snap, incidents=(), coverage=attrs.evolve(snap.coverage, incidents=Scope.NONE)
    )


def test_a_reading_without_incidents_opens_and_resolves_nothing() -> None:
    """status.json-like readings (no incident list) against summary.json: no incident events
    either way."""
    mid = reading("summary-mid-incident.json")
    bare = without_incidents(mid)
    assert statuskit.diff(bare, mid) == ()
    assert statuskit.diff(mid, bare) == ()


def test_a_reading_without_components_removes_nothing() -> None:
    """A reading that does not list components never removes (or changes) any."""
    mid = reading("summary-mid-incident.json")
    no_comps = attrs.evolve(
        mid, components=(), coverage=attrs.evolve(mid.coverage, components=False)
    )
    changes = statuskit.diff(mid, no_comps) + statuskit.diff(no_comps, mid)
    assert not any(isinstance(c, (ComponentRemoved, ComponentAdded)) for c in changes)


def test_absence_from_a_recent_list_is_not_a_resolution() -> None:
    """An open incident missing from a RECENT list (incidents.json, a feed) is not resolved."""
    mid = reading("summary-mid-incident.json")
    recent = attrs.evolve(
        mid,
        incidents=(),
        coverage=Coverage(components=True, indicator=True, incidents=Scope.RECENT),
    )
    assert not any(isinstance(c, IncidentResolved) for c in statuskit.diff(mid, recent))


def test_an_old_resolved_incident_in_a_recent_list_is_no_news() -> None:
    """summary.json then incidents.json: an incident resolved long before the older reading is
    neither opened nor resolved."""
    changes = statuskit.diff(
        reading("summary-impact-major.json"),
        reading("incidents-resolved.json", url=f"{ACME}/api/v2/incidents.json"),
    )
    assert {c.incident_id for c in changes if isinstance(c, statuskit.events.IncidentEvent)} == {
        SLOW
    }


def test_unknown_impact_on_one_side_is_no_impact_change() -> None:
    """A reading that does not know the impact (a feed) does not change it."""
    mid = reading("summary-mid-incident.json")
    blind = attrs.evolve(
        mid, incidents=tuple(attrs.evolve(i, impact=Impact.UNKNOWN) for i in mid.incidents)
    )
    assert statuskit.diff(mid, blind) == ()
    assert statuskit.diff(blind, mid) == ()


def test_a_maintenance_withdrawn_before_its_window_is_not_completed() -> None:
    """A scheduled maintenance that leaves summary.json before its window began is not completed:
    it is cancelled, marked inferred (see tests/test_diff_edits.py)."""
    old = reading("summary-maint-scheduled.json")
    new = reading("summary-calm.json", read_at="2026-03-12T00:00:00Z")
    changes = statuskit.diff(old, new)
    assert types(changes) == [statuskit.MaintenanceCancelled]
    assert changes[0].inferred is True  # type: ignore[attr-defined]


# -- across adapters: summary.json against history.atom -------------------------------------


def feed_like() -> Snapshot:
    """What the statuspage.feed adapter makes of tests/diff_fixtures/history.atom, by its
    announced contract: ids are the codes from the entry links, update times are to the minute
    and carry no ids, no impact, no components, Coverage(incidents=RECENT, maintenances=RECENT).
    """

    def post(status: IncidentStatus, when: str, body: str) -> Update:
        return Update(id=None, status=status, body=body, created_at=utc(when))

    slow = Incident.build(
        id=SLOW,
        title="Slow logins",
        status=IncidentStatus.RESOLVED,
        url=f"{ACME}/incidents/{SLOW}",
        updated_at=utc("2026-03-14T07:26:14Z"),
        updates=[
            post(IncidentStatus.INVESTIGATING, "2026-03-14T06:58Z", "We are investigating slow…"),
            post(IncidentStatus.IDENTIFIED, "2026-03-14T07:10Z", "A saturated session store…"),
            post(IncidentStatus.MONITORING, "2026-03-14T07:20Z", "Capacity has been added…"),
            post(IncidentStatus.RESOLVED, "2026-03-14T07:26Z", "This incident has been resolved."),
        ],
    )
    hook = Incident.build(
        id="k2hook000002",
        title="Webhook delivery delays",
        status=IncidentStatus.RESOLVED,
        url=f"{ACME}/incidents/k2hook000002",
        updates=[
            post(IncidentStatus.INVESTIGATING, "2026-03-02T14:03Z", "Webhook deliveries are…"),
            post(IncidentStatus.RESOLVED, "2026-03-02T15:11Z", "Deliveries have caught up."),
        ],
    )
    return Snapshot(
        page=Page(name="Acme Cloud", url=ACME, updated_at=utc("2026-03-14T07:26:14Z")),
        incidents=(slow, hook),
        platform="statuspage",
        adapter="statuspage.feed",
        coverage=Coverage(incidents=Scope.RECENT, maintenances=Scope.RECENT),
    )


def test_summary_then_feed_reports_only_what_the_feed_adds() -> None:
    """summary.json (mid-incident) then history.atom: the posts the summary lacked and the
    resolution by the vendor's word; nothing about components or the overall state, and the older
    incident is no news."""
    changes = statuskit.diff(reading("summary-mid-incident.json"), feed_like())
    assert types(changes) == [IncidentUpdated, IncidentResolved]
    updated, resolved = changes
    assert isinstance(updated, IncidentUpdated)
    assert [u.status for u in updated.updates] == [
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
        IncidentStatus.RESOLVED,
    ]
    assert isinstance(resolved, IncidentResolved)
    assert resolved.inferred is False
    assert resolved.at == utc("2026-03-14T07:26Z")


def test_feed_then_summary_invents_nothing() -> None:
    """A feed reading against summary.json readings before and after: no change is invented
    (components are not 'added' or 'removed', resolved history is not 'opened')."""
    feed = feed_like()
    post = reading("summary-post-incident.json")
    assert statuskit.diff(feed, post) == ()
    assert statuskit.diff(post, feed) == ()


def test_cross_adapter_match_by_link_code_then_title_and_start() -> None:
    """When the feed's ids differ from the API's, incidents still match: by the code in the link,
    else by title and start time."""
    mid = reading("summary-mid-incident.json")
    feed = feed_like()
    by_code = attrs.evolve(
        feed, incidents=tuple(attrs.evolve(i, id=f"tag:{i.id}") for i in feed.incidents)
    )
    by_title = attrs.evolve(
        feed,
        incidents=tuple(attrs.evolve(i, id=f"tag:{i.id}", url=None) for i in feed.incidents),
    )
    want = types(statuskit.diff(mid, feed))
    assert types(statuskit.diff(mid, by_code)) == want
    assert types(statuskit.diff(mid, by_title)) == want


def test_feed_update_ids_do_not_defeat_update_matching() -> None:
    """Across adapters update ids need not agree: updates then match by time and status."""
    mid = reading("summary-mid-incident.json")
    feed = feed_like()
    named = attrs.evolve(
        feed,
        incidents=tuple(
            attrs.evolve(
                i, updates=tuple(attrs.evolve(u, id=f"feed-{n}") for n, u in enumerate(i.updates))
            )
            for i in feed.incidents
        ),
    )
    updated = next(c for c in statuskit.diff(mid, named) if isinstance(c, IncidentUpdated))
    assert len(updated.updates) == 3


def test_summary_json_against_history_atom() -> None:
    """Acceptance: a summary.json reading against a history.atom reading of the same page, each
    read by its own adapter, invents nothing and reports the resolution the feed shows."""
    if "statuspage.feed" not in statuskit.adapters():
        pytest.skip("no adapter named statuspage.feed is registered yet (built on another branch)")
    atom = (DIFF_FIXTURES / "history.atom").read_bytes()
    feed = statuskit.parse(atom, url=f"{ACME}/history.atom")
    assert feed.adapter == "statuspage.feed"
    mid = reading("summary-mid-incident.json")
    post = reading("summary-post-incident.json")
    changes = statuskit.diff(mid, feed)
    assert types(changes) == [IncidentUpdated, IncidentResolved]
    updated, resolved = changes
    assert isinstance(updated, IncidentUpdated)
    assert len(updated.updates) == 3
    assert isinstance(resolved, IncidentResolved)
    assert (resolved.incident_id, resolved.inferred) == (SLOW, False)
    assert resolved.at.strftime("%Y-%m-%d %H:%M") == "2026-03-14 07:26"
    assert statuskit.diff(feed, post) == ()
    assert statuskit.diff(post, feed) == ()
    assert statuskit.diff(feed, feed) == ()


# -- hand-built readings: the fine print -----------------------------------------------------


def snap(*components: Component, **kwargs: object) -> Snapshot:
    return Snapshot(
        page=Page(url=ACME, updated_at=utc("2026-03-14T12:00:00Z")),
        components=components,
        coverage=Coverage(components=True, indicator=False, incidents=Scope.OPEN),
        **kwargs,  # type: ignore[arg-type]
    )


def test_notice_opens_as_a_notice() -> None:
    """A notice is reported with IncidentOpened, its kind kept so that it reads as a notice."""
    notice = Incident.build(
        id="n1",
        title="New region",
        kind=IncidentKind.NOTICE,
        status=IncidentStatus.INVESTIGATING,
        impact=Impact.NONE,
        created_at=utc("2026-03-14T11:00:00Z"),
    )
    changes = statuskit.diff(
        snap(read_at=utc("2026-03-14T10:00:00Z")),
        snap(incidents=(notice,), read_at=utc("2026-03-14T12:00:00Z")),
    )
    (opened,) = [c for c in changes if isinstance(c, IncidentOpened)]
    assert opened.incident_kind is IncidentKind.NOTICE
    assert opened.describe().startswith("Notice")


def test_readable_line_names_the_group() -> None:
    """Names repeat across groups; the readable line says which group."""
    a = Component(id="c1", name="API", status=ComponentStatus.OPERATIONAL, group="Europe")
    b = attrs.evolve(a, status=ComponentStatus.MAJOR_OUTAGE)
    (change,) = [c for c in statuskit.diff(snap(a), snap(b)) if c.subject == "c1"]
    assert change.describe("07:26 UTC") == (
        "API (Europe) went from Operational to Major outage at 07:26 UTC"
    )


# -- the real corpus --------------------------------------------------------------------------


def test_real_readings_diff_cleanly(corpus: Path) -> None:
    """Every real reading statuskit parses: nothing against a second parse of itself; against
    the same reading with its components in other states, exactly one status event per changed
    component, sorted, ids unique."""
    checked = 0
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".md"):
        try:
            snap = statuskit.parse(path.read_bytes())
        except statuskit.StatuskitError:
            continue  # formats other branches are adding
        checked += 1
        assert statuskit.diff(snap, statuskit.parse(path.read_bytes())) == (), path.name
        flipped = attrs.evolve(
            snap,
            components=tuple(
                attrs.evolve(c, status=ComponentStatus.MAJOR_OUTAGE)
                if c.status is not ComponentStatus.MAJOR_OUTAGE
                else c
                for c in snap.components
            ),
        )
        changes = statuskit.diff(snap, flipped)
        moved = [c for c in changes if isinstance(c, ComponentStatusChanged)]
        want = sum(c.status is not ComponentStatus.MAJOR_OUTAGE for c in snap.components)
        assert len(moved) == want, path.name
        assert list(changes) == sorted(changes, key=sort_key)
        assert len({c.id for c in changes}) == len(changes)
    assert checked

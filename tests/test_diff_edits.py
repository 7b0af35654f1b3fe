"""What the diff reports beyond state changes: a retitled incident, a component moved to another
group, a maintenance rescheduled or cancelled; and the traps around each, one fact per test."""

from __future__ import annotations

import json
from typing import Any

import attrs

import statuskit
from statuskit import (
    Component,
    ComponentMoved,
    ComponentRenamed,
    ComponentStatus,
    Coverage,
    Incident,
    IncidentKind,
    IncidentResolved,
    IncidentRetitled,
    IncidentStatus,
    IncidentUpdated,
    MaintenanceCancelled,
    MaintenanceCompleted,
    MaintenanceRescheduled,
    MaintenanceStarted,
    Page,
    Scope,
    Snapshot,
)

from .diffcases import DIFF_FIXTURES, reading, utc
from .test_diff import feed_like

ACME = "https://status.acme-cloud.example"
BILLING_MAINT = "m1bill000001"
SLOW = "k7slow000001"


def types(changes: tuple[statuskit.Change, ...]) -> list[type]:
    return [type(c) for c in changes]


def only(changes: tuple[statuskit.Change, ...], kind: type) -> list[Any]:
    return [c for c in changes if isinstance(c, kind)]


# -- retitled -------------------------------------------------------------------------------


def test_a_renamed_incident_is_retitled_at_its_updated_at() -> None:
    """Same id, another title: one IncidentRetitled with both titles, at the incident's
    updated_at (the vendor's time for the edit)."""
    changes = statuskit.diff(reading("summary-mid-incident.json"), reading("summary-retitled.json"))
    assert types(changes) == [IncidentRetitled]
    (event,) = changes
    assert isinstance(event, IncidentRetitled)
    assert (event.old_title, event.title) == ("Slow logins", "Slow logins for EU customers")
    assert event.at == utc("2026-03-14T07:02:11Z")
    assert statuskit.loads_change(statuskit.dumps_change(event)) == event


def test_spacing_is_no_retitle_but_case_is() -> None:
    """Spacing alone (an HTML reader's line breaks) is not an edit; a change of case by the vendor
    is."""
    old = reading("summary-mid-incident.json")

    def titled(title: str) -> Snapshot:
        return attrs.evolve(
            old, incidents=tuple(attrs.evolve(i, title=title) for i in old.incidents)
        )

    assert statuskit.diff(old, titled("  Slow\n logins ")) == ()
    assert types(statuskit.diff(old, titled("Slow Logins"))) == [IncidentRetitled]


def test_a_side_without_a_title_does_not_retitle() -> None:
    """A reading that gives no title (blank) carries no title: nothing is renamed, either way."""
    old = reading("summary-mid-incident.json")
    blank = attrs.evolve(old, incidents=tuple(attrs.evolve(i, title="") for i in old.incidents))
    assert statuskit.diff(old, blank) == ()
    assert statuskit.diff(blank, old) == ()


def test_a_feed_title_against_an_api_title_is_no_retitle() -> None:
    """Across adapters a title differs without an edit (a feed entry's headline, a status marker):
    summary.json against a feed whose entry reads "[Resolved] Slow logins" (matched by the code
    in its link) gives the feed's news, never a retitle; nor does a feed entry without a title."""
    mid = reading("summary-mid-incident.json")
    feed = feed_like()
    for title in ("[Resolved] Slow logins", "Resolved: Slow logins for EU customers", ""):
        marked = attrs.evolve(
            feed,
            incidents=tuple(
                attrs.evolve(i, id=f"tag:{i.id}", title=title) if i.id == SLOW else i
                for i in feed.incidents
            ),
        )
        for old, new in ((mid, marked), (marked, mid)):
            assert not only(statuskit.diff(old, new), IncidentRetitled)
        assert types(statuskit.diff(mid, marked)) == [IncidentUpdated, IncidentResolved]


# -- moved ----------------------------------------------------------------------------------


def row(cid: str, group: str | None, group_id: str | None = None, **kw: Any) -> Component:
    return Component(
        id=cid,
        name=kw.pop("name", cid.upper()),
        status=ComponentStatus.OPERATIONAL,
        group=group,
        group_id=group_id,
        **kw,
    )


def page(*rows: Component, adapter: str = "x.json") -> Snapshot:
    return Snapshot(
        page=Page(url=ACME, updated_at=utc("2026-03-14T12:00:00Z")),
        components=rows,
        adapter=adapter,
        coverage=Coverage(components=True),
    )


def test_a_component_moved_to_another_group() -> None:
    """Same id, another group id: ComponentMoved with both groups, by name and id."""
    old = page(
        row("g1", None, is_group=True, name="Europe"),
        row("g2", None, is_group=True),
        row("api", "Europe", "g1"),
        row("web", "Europe", "g1"),
    )
    new = attrs.evolve(
        old, components=(*old.components[:2], row("api", "Asia", "g2"), old.components[3])
    )
    (event,) = statuskit.diff(old, new)
    assert isinstance(event, ComponentMoved)
    assert (event.component_id, event.name) == ("api", "API")
    assert (event.old_group, event.old_group_id, event.group, event.group_id) == (
        "Europe",
        "g1",
        "Asia",
        "g2",
    )
    assert event.describe() == "API was moved from Europe to Asia"


def test_a_renamed_group_is_not_a_move_of_its_members() -> None:
    """The group itself renamed: with ids, the id stays, so only the group row is renamed; by
    names only, a group gone from the newer reading whose members sit in one new to it was
    renamed, not left."""
    by_id = page(
        row("g1", None, is_group=True, name="Europe"),
        row("api", "Europe", "g1"),
        row("web", "Europe", "g1"),
    )
    renamed = page(
        row("g1", None, is_group=True, name="EU"), row("api", "EU", "g1"), row("web", "EU", "g1")
    )
    assert types(statuskit.diff(by_id, renamed)) == [ComponentRenamed]
    by_name = page(row("api", "Europe"), row("web", "Europe"), row("db", None))
    renamed = page(row("api", "EU"), row("web", "EU"), row("db", None))
    assert statuskit.diff(by_name, renamed) == ()
    # a key that is the name (as some formats give): the same rule
    keyed = page(row("api", "Europe", "Europe"), row("web", "Europe", "Europe"))
    rekeyed = page(row("api", "EU", "EU"), row("web", "EU", "EU"))
    assert statuskit.diff(keyed, rekeyed) == ()


def test_by_names_a_member_that_leaves_a_standing_group_moved() -> None:
    """By names only, a component whose old group is still on the page moved; so did one that left
    every group or joined one (same adapter: the format shows grouping either way)."""
    old = page(row("api", "Europe"), row("web", "Europe"), row("db", None))
    new = page(row("api", "Asia"), row("web", None), row("db", "Europe"))
    moves = {e.component_id: e.describe() for e in only(statuskit.diff(old, new), ComponentMoved)}
    assert moves == {
        "api": "API was moved from Europe to Asia",
        "web": "WEB was moved out of Europe",
        "db": "DB was moved into Europe",
    }


def test_across_adapters_a_reading_without_groups_moves_nothing() -> None:
    """Across adapters, a reading that shows no group for a component says nothing about its
    group; named groups are compared without case and spacing."""
    grouped = page(row("api", "Europe"), row("web", "Europe"), adapter="a.json")
    flat = page(row("api", None), row("web", None), adapter="b.html")
    assert statuskit.diff(grouped, flat) == ()
    assert statuskit.diff(flat, grouped) == ()
    shouting = page(row("api", " EUROPE"), row("web", "Europe "), adapter="b.html")
    assert statuskit.diff(grouped, shouting) == ()


# -- rescheduled ----------------------------------------------------------------------------


def maint(**kw: Any) -> Incident:
    fields: dict[str, Any] = {
        "id": BILLING_MAINT,
        "title": "Billing database upgrade",
        "kind": IncidentKind.MAINTENANCE,
        "status": IncidentStatus.SCHEDULED,
        "created_at": utc("2026-03-10T15:00:00Z"),
        "scheduled_for": utc("2026-03-14T09:00:00Z"),
        "scheduled_until": utc("2026-03-14T11:00:00Z"),
    }
    fields.update(kw)
    return Incident.build(**fields)


def listing(
    *incs: Incident,
    scope: Scope = Scope.OPEN,
    at: str | None = "2026-03-12T00:00:00Z",
    adapter: str = "x.json",
) -> Snapshot:
    return Snapshot(
        page=Page(url=ACME),
        incidents=incs,
        adapter=adapter,
        coverage=Coverage(incidents=Scope.OPEN, maintenances=scope),
        read_at=None if at is None else utc(at),
    )


def test_a_moved_window_is_rescheduled() -> None:
    """Either bound of the window moved before the work is over: MaintenanceRescheduled with the
    old and the new window; extending a maintenance in progress is one too."""
    old = listing(maint())
    later = maint(scheduled_for=utc("2026-03-15T09:00:00Z"))
    (event,) = statuskit.diff(old, listing(later))
    assert isinstance(event, MaintenanceRescheduled)
    assert (event.old_scheduled_for, event.scheduled_for) == (
        utc("2026-03-14T09:00:00Z"),
        utc("2026-03-15T09:00:00Z"),
    )
    assert event.at == utc("2026-03-12T00:00:00Z")  # the vendor gave no time: the reading's
    running = maint(status=IncidentStatus.IN_PROGRESS)
    longer = maint(status=IncidentStatus.IN_PROGRESS, scheduled_until=utc("2026-03-14T12:00Z"))
    now = "2026-03-14T10:00:00Z"
    assert types(statuskit.diff(listing(running, at=now), listing(longer, at=now))) == [
        MaintenanceRescheduled
    ]


def test_a_window_one_side_does_not_give_is_not_rescheduled() -> None:
    """A bound one reading does not give is never compared (a feed has no window); a maintenance
    already over is not rescheduled; across adapters, bounds less than a minute apart (one format
    shows minutes) are the same."""
    old = listing(maint())
    assert statuskit.diff(old, listing(maint(scheduled_until=None))) == ()
    assert statuskit.diff(listing(maint(scheduled_for=None)), old) == ()
    done = maint(status=IncidentStatus.COMPLETED, scheduled_until=utc("2026-03-14T10:30:00Z"))
    at = "2026-03-14T12:00:00Z"
    assert not only(statuskit.diff(old, listing(done, at=at)), MaintenanceRescheduled)
    seconds = maint(scheduled_for=utc("2026-03-14T09:00:30Z"))
    assert statuskit.diff(old, listing(seconds, adapter="x.html")) == ()
    assert types(statuskit.diff(old, listing(seconds))) == [MaintenanceRescheduled]


# -- cancelled ------------------------------------------------------------------------------


def endpoint(maints: list[dict[str, Any]], updated: str) -> bytes:
    """A Statuspage scheduled-maintenances endpoint built from the summary fixture's page."""
    doc = json.loads((DIFF_FIXTURES / "summary-maint-scheduled.json").read_bytes())
    doc["page"]["updated_at"] = updated
    return json.dumps({"page": doc["page"], "scheduled_maintenances": maints}).encode()


def sp_maint(**kw: Any) -> dict[str, Any]:
    doc = json.loads((DIFF_FIXTURES / "summary-maint-scheduled.json").read_bytes())
    m: dict[str, Any] = doc["scheduled_maintenances"][0]
    m.update(kw)
    return m


def upcoming(maints: list[dict[str, Any]], read_at: str) -> Snapshot:
    return statuskit.parse(
        endpoint(maints, "2026-03-10T15:00:00.120Z"),
        url=f"{ACME}/api/v2/scheduled-maintenances/upcoming.json",
        read_at=utc(read_at),
    )


def active(maints: list[dict[str, Any]], read_at: str) -> Snapshot:
    return statuskit.parse(
        endpoint(maints, "2026-03-10T15:00:00.120Z"),
        url=f"{ACME}/api/v2/scheduled-maintenances/active.json",
        read_at=utc(read_at),
    )


def test_leaving_the_upcoming_list_before_the_window_is_a_cancellation() -> None:
    """upcoming.json, then upcoming.json without the maintenance, read before its window began:
    cancelled (inferred, at the newer reading's time), with the window it had."""
    old = upcoming([sp_maint()], "2026-03-11T00:00:00Z")
    assert old.coverage.maintenances is Scope.UPCOMING
    (event,) = statuskit.diff(old, upcoming([], "2026-03-12T08:00:00Z"))
    assert isinstance(event, MaintenanceCancelled)
    assert (event.incident_id, event.inferred) == (BILLING_MAINT, True)
    assert event.at == utc("2026-03-12T08:00:00Z")
    assert (event.scheduled_for, event.scheduled_until) == (
        utc("2026-03-14T09:00:00Z"),
        utc("2026-03-14T11:00:00Z"),
    )


def test_the_timeline_closes_a_maintenance_cancelled_by_inference() -> None:
    """The timeline ends a maintenance that left the upcoming list before its window at the
    reading that showed it gone (inferred), as it does for incidents that left an open list."""
    old = upcoming([sp_maint()], "2026-03-11T00:00:00Z")
    new = upcoming([], "2026-03-12T08:00:00Z")
    (span,) = statuskit.timeline([old, new]).incidents
    assert span.incident_id == BILLING_MAINT
    assert (span.resolved_at, span.inferred) == (utc("2026-03-12T08:00:00Z"), True)


def test_a_maintenance_that_started_is_not_cancelled() -> None:
    """Leaving an upcoming list once its window began is a start as likely as anything: no event.
    The active list (the other reading) shows it started; an active list without it says nothing
    of upcoming ones; summary.json (open ones) after its window: completed (inferred), never
    cancelled."""
    old = upcoming([sp_maint()], "2026-03-11T00:00:00Z")
    assert statuskit.diff(old, upcoming([], "2026-03-14T09:05:00Z")) == ()
    assert statuskit.diff(old, active([], "2026-03-12T08:00:00Z")) == ()
    started = sp_maint(status="in_progress")
    changes = statuskit.diff(old, active([started], "2026-03-14T09:05:00Z"))
    assert types(changes) == [MaintenanceStarted]
    summary = reading("summary-maint-scheduled.json")
    after = reading("summary-calm.json", read_at="2026-03-14T09:30:00Z")
    assert types(statuskit.diff(summary, after)) == [MaintenanceCompleted]


def test_absence_that_says_nothing_is_no_cancellation() -> None:
    """A recent list (scheduled-maintenances.json) without it, a reading with no maintenance list,
    a newer reading with no time at all (it cannot say its window had not begun): nothing."""
    old = listing(maint())
    assert statuskit.diff(old, listing(scope=Scope.RECENT)) == ()
    assert statuskit.diff(old, listing(scope=Scope.NONE)) == ()
    assert statuskit.diff(old, listing(scope=Scope.ACTIVE)) == ()
    assert statuskit.diff(old, listing(at=None)) == ()
    assert types(statuskit.diff(old, listing(scope=Scope.UPCOMING))) == [MaintenanceCancelled]


def test_a_vendor_cancellation_takes_the_place_of_the_end() -> None:
    """Slack says "cancelled" (read as COMPLETED, the word kept): MaintenanceCancelled by the
    vendor's word at date_updated, and no IncidentResolved beside it."""
    old = reading("slack-current-planned.json")
    new = reading("slack-history-cancelled.json")
    (event,) = statuskit.diff(old, new)
    assert isinstance(event, MaintenanceCancelled)
    assert (event.incident_id, event.inferred, event.incident_kind) == (
        "3071",
        False,
        IncidentKind.NOTICE,
    )
    assert event.at == utc("2026-02-14T00:00:00Z")
    assert event.describe() == (
        "Notice \u201cPlanned maintenance of workflow scheduling\u201d was cancelled"
    )
    completed = attrs.evolve(new.incidents[0], raw_status="completed")
    done = attrs.evolve(new, incidents=(completed, *new.incidents[1:]))
    assert types(statuskit.diff(old, done)) == [IncidentResolved]


def test_a_cancelled_maintenance_never_started_by_its_window() -> None:
    """A cancelled maintenance is not started because its window passed (the model's start for a
    finished one): only a post that says the work began makes it so."""
    old = listing(maint())
    called_off = maint(
        status=IncidentStatus.COMPLETED,
        raw_status="Cancelled",
        resolved_at=utc("2026-03-14T08:00:00Z"),
    )
    assert called_off.started_at is not None  # the window's start, by Incident.build
    changes = statuskit.diff(old, listing(called_off, at="2026-03-14T12:00:00Z"))
    assert types(changes) == [MaintenanceCancelled]
    assert changes[0].at == utc("2026-03-14T08:00:00Z")


def test_new_events_read_well_and_round_trip() -> None:
    """Each new event has its sentence, and survives JSON with the same id."""
    at = utc("2026-03-14T07:00:00Z")
    events = [
        IncidentRetitled(at=at, incident_id="i", title="New", old_title="Old"),
        MaintenanceRescheduled(
            at=at,
            incident_id="m",
            title="Upgrade",
            incident_kind=IncidentKind.MAINTENANCE,
            old_scheduled_for=utc("2026-03-14T09:00:00Z"),
            scheduled_for=utc("2026-03-15T22:00:00Z"),
            scheduled_until=utc("2026-03-16T01:00:00Z"),
        ),
        MaintenanceCancelled(
            at=at, incident_id="m", title="Upgrade", incident_kind=IncidentKind.MAINTENANCE
        ),
        ComponentMoved(at=at, component_id="c", name="API", old_group_id="g7", group="Asia"),
    ]
    assert [e.describe("07:00 UTC") for e in events] == [
        "Incident \u201cOld\u201d was renamed to \u201cNew\u201d at 07:00 UTC",
        "Maintenance \u201cUpgrade\u201d was rescheduled at 07:00 UTC, for 2026-03-15 22:00 to "
        "2026-03-16 01:00 UTC instead of 2026-03-14 09:00 UTC",
        "Maintenance \u201cUpgrade\u201d was cancelled at 07:00 UTC",
        "API was moved from g7 to Asia at 07:00 UTC",
    ]
    for e in events:
        assert statuskit.loads_change(statuskit.dumps_change(e)) == e


def test_a_reading_against_itself_stays_silent() -> None:
    """None of the new readings changes against itself."""
    for name in (
        "summary-retitled.json",
        "summary-moved.json",
        "summary-maint-rescheduled.json",
        "slack-current-planned.json",
        "slack-history-cancelled.json",
    ):
        snap = reading(name)
        assert statuskit.diff(snap, snap) == ()
        assert statuskit.diff(snap, reading(name)) == ()

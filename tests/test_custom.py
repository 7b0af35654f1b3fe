"""statuskit.custom: pages described by a spec, golden files of spec-built adapters, hooks."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

import statuskit
from statuskit import ComponentStatus, Impact, IncidentKind, IncidentStatus
from statuskit.custom import (
    COMPONENT_WORDS,
    HTMLSpec,
    SpecAdapter,
    SpecError,
    load_spec,
    normalize_word,
    register_spec,
    spec_adapter,
)
from statuskit.testing import (
    FOREIGN_INPUTS,
    GoldenCase,
    check_adapter_contract,
    check_golden,
    golden_cases,
    registered,
)

HERE = Path(__file__).resolve().parent
SPECS = HERE / "fixtures_custom"
CASES = list(golden_cases(SPECS))
HAS_TOML = sys.version_info >= (3, 11) or bool(__import__("importlib").util.find_spec("tomli"))
needs_toml = pytest.mark.skipif(not HAS_TOML, reason="TOML specs need 3.11 or tomli")

AGGREGATOR = SPECS / "outagedesk.html" / "incident-resolved.html"


@pytest.fixture
def outagedesk() -> Iterator[SpecAdapter]:
    """The aggregator spec of docs/custom.md, registered for one test."""
    adapter = spec_adapter(SPECS / "outagedesk.html.toml")
    with registered(adapter):
        yield adapter


@needs_toml
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_golden(case: GoldenCase) -> None:
    """Each spec in tests/fixtures_custom/<name>.toml reads its fixtures as expected."""
    adapter = spec_adapter(SPECS / f"{case.adapter}.toml")
    with registered(adapter):
        check_golden(case)


@needs_toml
@pytest.mark.parametrize("name", sorted({c.adapter for c in CASES}))
def test_spec_adapters_keep_the_contract(name: str) -> None:
    """Spec-built adapters keep the adapter contract like built-in ones."""
    adapter = spec_adapter(SPECS / f"{name}.toml")
    own = [c.path.read_bytes() for c in CASES if c.adapter == name]
    foreign = [c.path.read_bytes() for c in CASES if c.adapter != name]
    check_adapter_contract(adapter, own, [*foreign, *FOREIGN_INPUTS])


@needs_toml
def test_aggregator_updates_give_component_changes(outagedesk: SpecAdapter) -> None:
    """Each update lists every vendor component with its state in parentheses: the changes
    follow from one update to the next, oldest first."""
    snap = statuskit.parse(AGGREGATOR.read_bytes())
    assert snap.adapter == "outagedesk.html"
    (inc,) = snap.incidents
    assert [u.status for u in inc.updates] == [
        IncidentStatus.INVESTIGATING,
        IncidentStatus.IDENTIFIED,
        IncidentStatus.MONITORING,
        IncidentStatus.RESOLVED,
    ]
    webhooks = [
        (c.old, c.new) for u in inc.updates for c in u.component_changes if c.name == "Webhooks"
    ]
    assert webhooks == [
        (None, ComponentStatus.OPERATIONAL),
        (ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE),
        (ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL),
        (ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL),
    ]


@needs_toml
def test_aggregator_listed_operational_components_are_not_impacted(
    outagedesk: SpecAdapter,
) -> None:
    """Dashboard is listed on every update but stayed operational: listed, not impacted."""
    (inc,) = statuskit.parse(AGGREGATOR.read_bytes()).incidents
    assert [c.name for c in inc.components] == ["API", "Dashboard", "Webhooks"]
    assert [(c.name, c.status) for c in inc.impacted_components] == [
        ("API", ComponentStatus.PARTIAL_OUTAGE),
        ("Webhooks", ComponentStatus.DEGRADED_PERFORMANCE),
    ]
    assert (inc.impact, inc.raw_impact) == (Impact.MAJOR, "Major")
    assert inc.id == "od-48213"
    assert inc.url == "https://outagedesk.example/incidents/od-48213"


@needs_toml
def test_aggregator_page_is_the_vendor(outagedesk: SpecAdapter) -> None:
    """The vendor link names the page the incident belongs to."""
    snap = statuskit.parse(AGGREGATOR.read_bytes())
    assert (snap.page.name, snap.page.url) == ("Acme Cloud", "https://status.acme-cloud.example/")


def test_unknown_words_are_unknown_with_a_warning() -> None:
    """A state word no table knows is UNKNOWN with a warning naming the row, never operational."""
    adapter = spec_adapter(
        {
            "name": "words.html",
            "components": {"each": "li", "name": ".n", "status": ".s"},
        }
    )
    body = (
        b"<html><body><ul><li><b class=n>A</b><i class=s>Reticulating</i></li></ul></body></html>"
    )
    with registered(adapter):
        snap = statuskit.parse(body, provider="words.html")
        (comp,) = snap.components
        assert (comp.status, comp.raw_status) == (ComponentStatus.UNKNOWN, "Reticulating")
        assert snap.warnings == (
            "words.html at components[0].status: unknown component status 'Reticulating' "
            "mapped to UNKNOWN",
        )
        with pytest.raises(statuskit.ParseError, match="Reticulating"):
            statuskit.parse(body, provider="words.html", strict=True)


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("Operational", ComponentStatus.OPERATIONAL),
        ("degraded_performance", ComponentStatus.DEGRADED_PERFORMANCE),
        ("Degraded Performance", ComponentStatus.DEGRADED_PERFORMANCE),
        ("PARTIAL-OUTAGE", ComponentStatus.PARTIAL_OUTAGE),
        ("Major outage.", ComponentStatus.MAJOR_OUTAGE),
        ("Under Maintenance", ComponentStatus.UNDER_MAINTENANCE),
        ("up", ComponentStatus.OPERATIONAL),
        ("Down", ComponentStatus.MAJOR_OUTAGE),
        ("(Offline)", ComponentStatus.MAJOR_OUTAGE),
        ("maintenance", ComponentStatus.UNDER_MAINTENANCE),
    ],
)
def test_status_words_in_any_case(word: str, state: ComponentStatus) -> None:
    """The five Statuspage words and common synonyms map in any case and spelling."""
    assert COMPONENT_WORDS[normalize_word(word)] is state


def test_spec_words_extend_and_override_the_tables() -> None:
    """A spec's own words come first; the defaults stay for the rest."""
    spec = load_spec(
        {
            "name": "x.html",
            "components": {"each": "li", "name": "."},
            "component_words": {"Re-routed": "partial_outage", "down": "PARTIAL_OUTAGE"},
        }
    )
    assert spec.component_words["re routed"] is ComponentStatus.PARTIAL_OUTAGE
    assert spec.component_words["down"] is ComponentStatus.PARTIAL_OUTAGE
    assert spec.component_words["up"] is ComponentStatus.OPERATIONAL


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({}, "name: required"),
        ({"name": "x.html"}, "at least one of page, components, incidents"),
        ({"name": "x.html", "components": {"each": "li"}}, "components.name: required"),
        ({"name": "x.html", "components": {"name": "b"}}, "components.each: required"),
        ({"name": "x.html", "incidents": {"each": "li", "titel": "b"}}, "incidents.titel: unknown"),
        ({"name": "x.html", "components": {"each": "li >>", "name": "b"}}, "invalid CSS"),
        ({"name": "x.html", "page": {"name": {"css": "b", "pattern": "("}}}, "page.name.pattern"),
        ({"name": "x.html", "page": {"name": "b"}, "component_words": {"x": "fine"}}, "words"),
        ({"name": "x.html", "page": {"name": "b"}, "time_zone": "Mars/Olympus"}, "time_zone"),
        (
            {
                "name": "x.html",
                "incidents": {"each": "li", "title": {"css": "b", "format": "epoch"}},
            },
            "only times have a format",
        ),
        ({"name": "x.html", "page": {"name": "b"}, "coverage": {"incidents": "all"}}, "coverage"),
        ({"name": "x.html", "json": "$", "page": {"name": {"css": "b"}}}, "page.name.css"),
    ],
)
def test_spec_mistakes_are_named(spec: dict[str, Any], message: str) -> None:
    """A malformed spec is a SpecError (a StatuskitError and a ValueError) naming the key."""
    with pytest.raises(SpecError, match=message) as info:
        load_spec(spec)
    assert isinstance(info.value, statuskit.StatuskitError)
    assert isinstance(info.value, ValueError)


def test_short_field_forms() -> None:
    """ "css@attr", "@attr", "." and plain selectors, in HTML mode."""
    spec = HTMLSpec.from_dict(
        {
            "name": "f.html",
            "page": {"name": "h1", "url": "a.home@href", "description": "@data-x"},
            "components": {"each": "li", "name": "."},
        }
    )
    assert (spec.page["name"].select, spec.page["name"].attr) == ("h1", None)
    assert (spec.page["url"].select, spec.page["url"].attr) == ("a.home", "href")
    assert (spec.page["description"].select, spec.page["description"].attr) == (None, "data-x")
    assert spec.components is not None and spec.components.fields["name"].select is None


def test_register_spec_takes_the_name_and_refuses_a_second() -> None:
    """register_spec registers under the spec's name; a taken name needs clobber=True."""
    spec = {"name": "twice.html", "components": {"each": "li", "name": "."}}
    adapter = register_spec(spec)
    try:
        assert statuskit.adapters()["twice.html"] is adapter
        with pytest.raises(ValueError, match="already registered"):
            register_spec(spec)
        assert register_spec(spec, clobber=True) is not adapter
    finally:
        statuskit.unregister_adapter("twice.html")


def test_spec_without_detect_claims_nothing() -> None:
    """A spec without detect texts is used only when named (provider=...)."""
    adapter = spec_adapter({"name": "quiet.html", "components": {"each": "li", "name": "."}})
    assert adapter.sniff(statuskit.Source(b"<html><li>A</li></html>")) is None


class Ranked(SpecAdapter):
    """A subclass saying what the spec cannot: stars are a rating, "5 stars" is operational."""

    default_spec: ClassVar[dict[str, Any]] = {
        "name": "stars.html",
        "detect": {"contains": ["stars-board"]},
        "components": {"each": "li", "name": "b", "status": "@data-stars"},
    }

    def component_status(
        self, word: str | None, ctx: statuskit.ParseContext, path: str
    ) -> tuple[ComponentStatus, str | None]:
        stars = int(word or 0)
        if stars >= 5:
            return ComponentStatus.OPERATIONAL, word
        if stars >= 3:
            return ComponentStatus.DEGRADED_PERFORMANCE, word
        return ComponentStatus.MAJOR_OUTAGE, word

    def finish(self, snapshot: statuskit.Snapshot, doc: Any, ctx: Any) -> statuskit.Snapshot:
        import attrs

        return attrs.evolve(snapshot, description=f"{len(snapshot.components)} rated services")


def test_hooks_cover_what_a_spec_cannot_say() -> None:
    """A SpecAdapter subclass builds without arguments and its hooks change the reading."""
    body = (
        b'<html><body class="stars-board"><ul><li data-stars="5"><b>Web</b></li>'
        b'<li data-stars="2"><b>Mail</b></li></ul></body></html>'
    )
    with registered(Ranked()):
        snap = statuskit.parse(body)
    assert snap.adapter == "stars.html"
    assert [c.status for c in snap.components] == [
        ComponentStatus.OPERATIONAL,
        ComponentStatus.MAJOR_OUTAGE,
    ]
    assert snap.description == "2 rated services"


def test_json_body_mode() -> None:
    """json = "$" reads a JSON body with slash paths; a missing time is simply absent."""
    adapter = spec_adapter(
        {
            "name": "jsonapi.json",
            "json": "$",
            "components": {"each": "services/*", "id": "id", "name": "name", "status": "ok"},
            "component_words": {"true": "operational", "false": "major_outage"},
            "incidents": {
                "each": "events/*",
                "title": "what",
                "kind": "type",
                "started_at": {"path": "t", "format": "epoch"},
            },
        }
    )
    body = (
        b'{"services": [{"id": 1, "name": "A", "ok": true}, {"id": 2, "name": "B", "ok": false}],'
        b' "events": [{"what": "Patch night", "type": "maintenance", "t": 1700000000}]}'
    )
    with registered(adapter):
        snap = statuskit.parse(body, provider="jsonapi.json")
    assert [(c.id, c.status) for c in snap.components] == [
        ("1", ComponentStatus.OPERATIONAL),
        ("2", ComponentStatus.MAJOR_OUTAGE),
    ]
    (event,) = snap.incidents
    assert event.kind is IncidentKind.MAINTENANCE
    assert event.id.startswith("sha1:")


def test_json_selector_that_finds_nothing_is_a_parse_error() -> None:
    """In JSON mode, a page without the selected element is a ParseError naming the selector."""
    adapter = spec_adapter(
        {"name": "nj.html", "json": "script#data", "components": {"each": "x/*", "name": "n"}}
    )
    with registered(adapter), pytest.raises(statuskit.ParseError, match="script#data"):
        statuskit.parse(b"<html><body>nothing</body></html>", provider="nj.html")


def test_embedded_json_nesting_is_bounded() -> None:
    """Embedded JSON deeper than limits.max_depth is an InputLimitError."""
    adapter = spec_adapter(
        {"name": "deep.html", "json": "script#d", "components": {"each": "x/*", "name": "n"}}
    )
    body = b'<html><script id="d">' + b"[" * 100 + b"]" * 100 + b"</script></html>"
    with registered(adapter), pytest.raises(statuskit.InputLimitError):
        statuskit.parse(body, provider="deep.html")


def test_soup_trees_are_bounded_by_max_soup_nodes() -> None:
    """A custom HTML page past limits.max_soup_nodes tags is refused before BeautifulSoup builds
    its tree (about 30 µs and 1 KB per node: 10 MiB of tags would take seconds and gigabytes);
    a page within the limit parses, and the limit is the caller's to raise."""
    adapter = spec_adapter(
        {"name": "many.html", "components": {"each": "li", "id": "@id", "name": "span"}}
    )
    rows = b"".join(b'<li id="c%d"><span>Service %d</span></li>' % (i, i) for i in range(30))
    body = b"<html><body><ul>" + rows + b"</ul></body></html>"
    tags = body.count(b"<")
    with registered(adapter):
        assert len(statuskit.parse(body, provider="many.html").components) == 30
        tight = statuskit.Limits(max_soup_nodes=tags - 1)
        with pytest.raises(statuskit.InputLimitError) as caught:
            statuskit.parse(body, provider="many.html", limits=tight)
        assert caught.value.limit == "max_soup_nodes"
        assert caught.value.adapter == "many.html"
        roomy = statuskit.Limits(max_soup_nodes=tags)
        assert len(statuskit.parse(body, provider="many.html", limits=roomy).components) == 30


@needs_toml
def test_toml_spec_file_loads() -> None:
    """A .toml file loads into the same spec as its dict."""
    spec = HTMLSpec.load(SPECS / "outagedesk.html.toml")
    assert (spec.name, spec.platform) == ("outagedesk.html", "outagedesk")
    assert spec.incidents is not None and "updates" in spec.incidents.nested


def test_invalid_toml_is_a_spec_error() -> None:
    """Broken TOML is a SpecError, whichever TOML reader is present."""
    with pytest.raises(SpecError):
        HTMLSpec.from_toml("name = ")


# -- the hand-built page of the corpus -------------------------------------------------------

_P = "data/ms.vss-status-web.public-status-data-provider/serviceStatus"
_DATE = r"/Date\((\d+)\)/"
AZURE_DEVOPS: dict[str, Any] = {
    "name": "azuredevops.html",
    "json": "script#dataProviders",
    "detect": {"contains": ["ms.vss-status-web.public-status-data-provider"]},
    "page": {
        "name": {"value": "Azure DevOps"},
        "indicator": f"{_P}/status/health",
        "description": f"{_P}/status/message",
        "updated_at": {"path": f"{_P}/lastUpdated", "pattern": _DATE, "format": "epoch_ms"},
    },
    "components": {
        "each": "geographies/*",
        "name": "name",
        "status": "health",
        "groups": {"each": f"{_P}/services/*", "name": "id"},
    },
    # the page's health numbers, read as the REST API words: 4 healthy ... 1 unhealthy
    "component_words": {
        "4": "operational",
        "3": "degraded_performance",
        "2": "partial_outage",
        "1": "major_outage",
    },
    "incidents": {
        "each": "data/ms.vss-status-web.active-public-live-site-events-data-provider"
        "/liveSiteEvents/*",
        "id": "id",
        "title": "title",
        "status": "state",
        "impact": "severity",
        "started_at": {"path": "startTime", "pattern": _DATE, "format": "epoch_ms"},
        "components": {"each": "impact/*", "name": "serviceId"},
    },
    "incident_words": {"1": "investigating"},
    "impact_words": {"1": "major"},
}


def test_azure_devops_page_parses_with_a_spec(corpus: Path) -> None:
    """The hand-built Azure DevOps page: UnknownFormatError without a spec; with one, 7
    services x 8 geographies, 3 of them down in the United States, and the open event."""
    data = (corpus / "custom-html" / "azure-devops-status-circa-2022.html").read_bytes()
    with pytest.raises(statuskit.UnknownFormatError):
        statuskit.parse(data)
    with registered(spec_adapter(AZURE_DEVOPS)):
        snap = statuskit.parse(data)
    assert (snap.adapter, snap.platform, snap.warnings) == ("azuredevops.html", "azuredevops", ())
    assert len(snap.components) == 56
    down = [c.id for c in snap.components if c.status is not ComponentStatus.OPERATIONAL]
    assert down == ["Boards/United States", "Repos/United States", "Other services/United States"]
    assert (snap.indicator, snap.description) == (
        ComponentStatus.MAJOR_OUTAGE,
        "Investigating a service outage",
    )
    (event,) = snap.incidents
    assert (event.id, event.status, event.impact) == (
        "295691068",
        IncidentStatus.INVESTIGATING,
        Impact.MAJOR,
    )
    assert [c.name for c in event.components] == ["Boards", "Repos", "Other services"]
    assert event.started_at is not None
    assert event.started_at.isoformat() == "2022-03-16T16:31:09.933000+00:00"

"""What a feed entry without status markup says about itself, read conservatively from words.

Used for generic feeds (one incident per entry) and for the vendor flavours whose entries carry
no status field (Azure, Instatus, Slack...).  The rules, in order:

1. an explicit marker in the title: "[Resolved] ...", "RESOLVED: ...", "Investigating - ...";
2. an explicit "Status: Monitoring" in the body;
3. phrases: "has been resolved", "is now resolved", "fully recovered" (not after "until",
   "once", "when", "if", "not"...) give RESOLVED; otherwise the furthest of "we are
   investigating" < "we have identified" < "we are monitoring the fix / recovery";
4. otherwise UNKNOWN.  Never OPERATIONAL, never a status from a product name ("Cloud
   Monitoring") or a bare word.

Impact: maintenance words give MAINTENANCE; "major/full/complete outage" CRITICAL; "outage",
"disruption", "unavailable" MAJOR; "degraded", "elevated/increased errors or latency",
"delays", "intermittent", "slow" MINOR (read in the title, else in the body's first 300
characters); otherwise UNKNOWN (never NONE by guess).
"""

from __future__ import annotations

import re

from ..status import Impact, IncidentKind, IncidentStatus

__all__ = ["MARKERS", "infer_impact", "infer_kind", "infer_status", "title_marker"]

MARKERS: dict[str, IncidentStatus] = {
    "investigating": IncidentStatus.INVESTIGATING,
    "identified": IncidentStatus.IDENTIFIED,
    "monitoring": IncidentStatus.MONITORING,
    "resolved": IncidentStatus.RESOLVED,
    "postmortem": IncidentStatus.POSTMORTEM,
    "post-mortem": IncidentStatus.POSTMORTEM,
    "scheduled": IncidentStatus.SCHEDULED,
    "in progress": IncidentStatus.IN_PROGRESS,
    "verifying": IncidentStatus.VERIFYING,
    "completed": IncidentStatus.COMPLETED,
    "maintenance completed": IncidentStatus.COMPLETED,
    "mitigated": IncidentStatus.RESOLVED,
}
"""Explicit status words a title marker or a "Status:" line may carry."""

_TITLE_MARKER = re.compile(
    r"^\s*(?:\[(?P<a>[A-Za-z][A-Za-z -]{2,24})\]\s*[:\-]?|(?P<b>[A-Za-z][A-Za-z -]{2,24}?)\s*[:\-\u2013]\s)\s*"
)
_STATUS_LINE = re.compile(r"\bstatus\s*:\s*(in progress|post-mortem|[a-z]+)\b", re.IGNORECASE)
_NEGATORS = re.compile(
    r"\b(?:until|once|when|whenever|after|before|if|unless|not|whether|until the|expect)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)
_RESOLVED = re.compile(
    r"\b(?:(?:has|have) (?:now )?been (?:fully )?(?:resolved|fixed|mitigated)"
    r"|is (?:now )?(?:fully )?(?:resolved|mitigated)"
    r"|(?:has|have) (?:now )?(?:fully )?recovered"
    r"|(?:are|is) (?:now )?operating normally)\b",
    re.IGNORECASE,
)
_STAGES = (
    (
        IncidentStatus.MONITORING,
        re.compile(
            r"\b(?:are|is|continue|continuing|currently|closely|actively) (?:closely |actively )?"
            r"monitoring (?:the |for )?(?:fix|results|recovery|service recovery|situation|"
            r"mitigation|effectiveness|progress)",
            re.IGNORECASE,
        ),
    ),
    (
        IncidentStatus.IDENTIFIED,
        re.compile(
            r"\b(?:have|has|may have|we've) (?:now )?identified\b|\broot cause (?:has been|was) "
            r"identified\b|\bidentified the (?:root |likely |probable )?cause\b",
            re.IGNORECASE,
        ),
    ),
    (
        IncidentStatus.INVESTIGATING,
        re.compile(
            r"\b(?:are|is|began|begun|started|continue|continuing to|currently) investigating\b"
            r"|\binvestigating (?:an?|the|reports|this|issues?)\b|\bunder investigation\b",
            re.IGNORECASE,
        ),
    ),
)
_MAINTENANCE = re.compile(
    r"\b(?:scheduled|planned|emergency|network|system|database)?\s*maintenance\b", re.IGNORECASE
)
_MAINT_STAGES = (
    (
        IncidentStatus.COMPLETED,
        re.compile(r"\b(?:has been|is|was) completed\b|\bcompleted successfully\b", re.IGNORECASE),
    ),
    (
        IncidentStatus.IN_PROGRESS,
        re.compile(
            r"\b(?:is (?:currently )?in progress|has (?:started|begun)|is underway)\b",
            re.IGNORECASE,
        ),
    ),
    (
        IncidentStatus.SCHEDULED,
        re.compile(
            r"\b(?:will (?:take place|be performed|occur|be carried out|begin|start)|is scheduled|has been scheduled)\b",
            re.IGNORECASE,
        ),
    ),
)
_IMPACTS = (
    (
        Impact.CRITICAL,
        re.compile(r"\b(?:major|full|complete|total|global) (?:service )?outage\b", re.IGNORECASE),
    ),
    (
        Impact.MAJOR,
        re.compile(
            r"\b(?:outages?|disruptions?|unavailable|unavailability|not available|"
            r"inaccessible|unreachable)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Impact.MINOR,
        re.compile(
            r"\b(?:degraded|degradation|elevated|increased (?:error|latency|response)|"
            r"higher than (?:normal|usual)|delays?|delayed|intermittent|slow(?:ness)?)\b",
            re.IGNORECASE,
        ),
    ),
)


def title_marker(title: str) -> tuple[IncidentStatus, str, str] | None:
    """An explicit status marker opening *title*: (status, the vendor's word, the title
    without the marker), or None."""
    m = _TITLE_MARKER.match(title)
    if m is None:
        return None
    word = (m.group("a") or m.group("b") or "").strip()
    status = MARKERS.get(word.lower())
    if status is None:
        return None
    return status, word, title[m.end() :].strip() or title


def _resolved_in(text: str) -> bool:
    for m in _RESOLVED.finditer(text):
        if _NEGATORS.search(text, max(0, m.start() - 60), m.start()) is None:
            return True
    return False


def infer_status(title: str, text: str, kind: IncidentKind) -> tuple[IncidentStatus, str | None]:
    """The status *title* and *text* state: (status, the vendor's word when explicit)."""
    marker = title_marker(title)
    if marker is not None:
        return marker[0], marker[1]
    m = _STATUS_LINE.search(text[:2000])
    if m is not None:
        found = MARKERS.get(m.group(1).lower())
        if found is not None:
            return found, m.group(1)
    if kind is IncidentKind.MAINTENANCE:
        for status, pattern in _MAINT_STAGES:
            if pattern.search(text) or pattern.search(title):
                return status, None
    if _resolved_in(title) or _resolved_in(text):
        return IncidentStatus.RESOLVED, None
    for status, pattern in _STAGES:
        if pattern.search(text) or pattern.search(title):
            return status, None
    return IncidentStatus.UNKNOWN, None


def infer_kind(title: str, categories: tuple[str, ...] = ()) -> IncidentKind:
    """MAINTENANCE when the title (or a category) says maintenance, else INCIDENT."""
    if _MAINTENANCE.search(title) or any("maintenance" in c.lower() for c in categories):
        return IncidentKind.MAINTENANCE
    return IncidentKind.INCIDENT


def infer_impact(title: str, text: str, kind: IncidentKind) -> Impact:
    """The impact the words state; UNKNOWN when they state none."""
    if kind is IncidentKind.MAINTENANCE:
        return Impact.MAINTENANCE
    # the title, else the opening of the body: later sentences are often boilerplate
    # ("we apologize for any disruption this may have caused")
    for source in (title, text[:300]):
        for impact, pattern in _IMPACTS:
            if pattern.search(source):
                return impact
    return Impact.UNKNOWN

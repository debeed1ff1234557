"""A recommendation's state, worked out in one place from the answers recorded on it.

The ministry decides on what a recommendation proposes. Its text changes over a consultation: a person revises
it, or a new draft version renumbers the provisions it names or makes the engine propose something else. An
answer decides the state while the recommendation still proposes what was answered: on its current version, on
a version the current one only confirms (the same text), or on one a new draft version only renumbered (the same
proposal, its provision numbers changed: :func:`crlens.consult.project.same_proposal`). An answer on a text that
has changed since is kept, and shown as given on an earlier text, but no longer decides anything: the
recommendation is ``revised`` until someone answers what it now proposes.

Each person's latest answer in a round is their answer in it; the state comes from the latest round in which
someone decided on the current proposal: one decision gives its state, several give ``disputed``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from crlens.analysis.review import Recommendation as RecommendationData
from crlens.consult.project import ENGINE, same_proposal
from crlens.consult.reasons import Reason, reason_of
from crlens.consult.states import ACTIVE_STATES, STATE_OF_DECISION
from crlens.store.models import Feedback, Round

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crlens.store.models import Recommendation, RecommendationVersion



def proposals(rec: Recommendation) -> dict[int, int]:
    """Each version of the recommendation -> the first version that proposed the same: versions that repeat the
    text before them (a confirmation) or only renumber it (a new draft version's) share it."""
    drafts = {draft.version: draft for draft in rec.project.drafts}
    out: dict[int, int] = {}
    first, before = 0, None
    for version in rec.versions:
        if before is None or not _same(before, version, drafts):
            first = version.version
        out[version.version] = first
        before = version
    return out


def _same(before: RecommendationVersion, after: RecommendationVersion, drafts: dict) -> bool:  # type: ignore[type-arg]
    if after.data == before.data:
        return True
    draft = drafts.get(after.draft_version) if after.author == ENGINE else None
    if draft is None or draft.id_map is None:
        return False  # a person's revision, or crlens's from before versions named their draft
    return same_proposal(RecommendationData.model_validate(before.data),
                         RecommendationData.model_validate(after.data), draft.id_map)


def decides(rec: Recommendation, version: int, classes: dict[int, int] | None = None) -> bool:
    """Whether an answer given on ``version`` still decides the recommendation's state: the recommendation
    still proposes what that version did."""
    classes = classes if classes is not None else proposals(rec)
    return classes.get(version) == classes[rec.latest.version]


def round_answers(session: Session, rec: Recommendation) -> list[tuple[Round, dict[str, Feedback]]]:
    """Each person's current answer on the recommendation, round by round (in round order)."""
    rows = session.scalars(select(Feedback).where(Feedback.recommendation_id == rec.id)
                           .order_by(Feedback.id)).all()
    by_round: dict[int, dict[str, Feedback]] = defaultdict(dict)
    for row in rows:
        by_round[row.round_id][row.person] = row
    rounds = {r.id: r for r in rec.project.rounds}
    return sorted(((rounds[rid], answers) for rid, answers in by_round.items() if rid in rounds),
                  key=lambda pair: pair[0].number)


def answered_state(session: Session, rec: Recommendation) -> str | None:
    """The state the answers give the recommendation: from the latest round with a decision on what it now
    proposes; ``revised`` when every decision was on a text that has changed since; None when nobody decided."""
    classes = proposals(rec)
    decided_before = False
    for _round, answers in reversed(round_answers(session, rec)):
        decisions = {a.decision for a in answers.values() if a.decision}
        current = {a.decision for a in answers.values()
                   if a.decision and decides(rec, a.recommendation_version, classes)}
        if len(current) == 1:
            return STATE_OF_DECISION[current.pop()]  # type: ignore[index]
        if current:
            return "disputed"
        decided_before = decided_before or bool(decisions)
    return "revised" if decided_before else None


def follow_answers(session: Session, rec: Recommendation) -> str:
    """Bring the state of a recommendation still on the table in line with its answers, and return it. Taken-up
    and withdrawn recommendations keep theirs; without any decision the state stays as it is (``proposed``, or
    ``revised`` by a person's revision)."""
    if rec.state not in ACTIVE_STATES:
        return rec.state
    state = answered_state(session, rec)
    if state is not None:
        rec.state = state
    return rec.state


@dataclass(frozen=True)
class EarlierText:
    """An answer given on a text that has changed since: the version answered, and the version from which the
    recommendation proposes what it does now, with the reason recorded for it; and its state now."""

    key: str
    answered: int
    changed_in: int
    reason: Reason
    state: str


def earlier_text(rec: Recommendation, version: int, classes: dict[int, int] | None = None) -> EarlierText | None:
    """Why an answer given on ``version`` no longer decides the recommendation's state, or None when it does."""
    classes = classes if classes is not None else proposals(rec)
    if decides(rec, version, classes):
        return None
    since = classes[rec.latest.version]
    reason = next((reason_of(v) for v in rec.versions if v.version == since), Reason(""))
    return EarlierText(rec.key, version, since, reason, rec.state)

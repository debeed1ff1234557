"""The consultation log: for each round, what each ministry participant said on each recommendation, and what
the reviewer changed in answer and why. It is the record a consultant attaches to the final report."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from crlens.analysis.review import Recommendation as RecommendationData
from crlens.consult.project import ACTIVE_STATES, ENGINE, current_data, taken_up_in
from crlens.consult.reasons import Reason, reason_of
from crlens.consult.revisions import FIELDS, StaleText, get_text, stale_texts
from crlens.consult.state import EarlierText, earlier_text, proposals
from crlens.store.models import Feedback, Project, Recommendation, RecommendationVersion, Round


@dataclass(frozen=True)
class Answer:
    """One participant's current answer on a recommendation in a round."""

    person: str
    decision: str | None
    comment: str
    version: int
    at: datetime
    earlier: EarlierText | None = None
    """Set when the answer was given on a text that has changed since: it no longer decides the state."""


@dataclass(frozen=True)
class FieldChange:
    """One field of a recommendation changed by a revision, with its old and new text."""

    field: str
    lang: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """A new version of a recommendation: who made it, when and why, and what changed."""

    version: int
    author: str
    reason: Reason
    at: datetime
    fields: list[FieldChange]


@dataclass(frozen=True)
class Entry:
    """A recommendation in a round: its issue as sent, the answers, and the changes made in response."""

    key: str
    issue: str
    issue_ru: str
    state: str
    answers: list[Answer]
    changes: list[Change]


@dataclass(frozen=True)
class RoundLog:
    """One consultation round."""

    number: int
    draft_version: int
    opened: datetime
    closed: datetime | None
    participants: list[str]
    entries: list[Entry]

    @property
    def comments(self) -> int:
        return sum(1 for e in self.entries for a in e.answers if a.comment)


@dataclass(frozen=True)
class DraftEntry:
    """A draft version and what it did to the recommendations."""

    version: int
    filename: str
    added_at: datetime
    added_by: str
    taken_up: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    """Recommendations someone had decided on whose proposal this version changed (beyond renumbering)."""


@dataclass(frozen=True)
class ConsultationLog:
    """The whole consultation record of a project."""

    project: str
    drafts: list[DraftEntry]
    rounds: list[RoundLog]
    states: dict[str, str]
    stale: list[tuple[str, StaleText]] = field(default_factory=list)
    """Texts of recommendations still on the table that were not revised with the other language's."""


def changes_of(versions: list[RecommendationVersion]) -> list[Change]:
    out = []
    for before, after in itertools.pairwise(versions):
        old = RecommendationData.model_validate(before.data)
        new = RecommendationData.model_validate(after.data)
        fields = [FieldChange(f, lang, get_text(old, f, lang), get_text(new, f, lang))
                  for f in FIELDS for lang in ("en", "ru") if get_text(old, f, lang) != get_text(new, f, lang)]
        out.append(Change(after.version, after.author, reason_of(after), after.created_at, fields))
    return out


def redrafted(rec: Recommendation, classes: dict[int, int] | None = None) -> list[RecommendationVersion]:
    """The versions of a recommendation that a new draft version's review wrote and that changed what it
    proposes: not a renumbering (``state.proposals``), nor its taking up in the text."""
    classes = classes if classes is not None else proposals(rec)
    return [v for v in rec.versions
            if v.author == ENGINE and v.draft_version and v.version > 1 and classes[v.version] == v.version
            and taken_up_in(v) is None]


def _issue(rec: Recommendation, version: int) -> tuple[str, str]:
    for v in rec.versions:
        if v.version == version:
            data = RecommendationData.model_validate(v.data)
            return data.issue, data.ru.issue
    data = current_data(rec)
    return data.issue, data.ru.issue


def build_log(session: Session, project: Project, rounds: list[int] | None = None) -> ConsultationLog:
    """The consultation log of a project (all rounds, or only the numbered ones)."""
    by_id = {rec.id: rec for rec in project.recommendations}
    # What people changed in answer to each round, per recommendation: worked out once, not once per round, and
    # only for recommendations someone revised (each change compares two validated versions).
    responses: dict[tuple[int, int], list[Change]] = defaultdict(list)
    for rec in project.recommendations:
        answering = {v.version: v.round_number for v in rec.versions if v.author != ENGINE and v.round_number}
        if answering:
            for change in changes_of(list(rec.versions)):
                if change.version in answering:
                    responses[rec.id, answering[change.version]].append(change)
    round_logs = []
    for consultation in project.rounds:
        if rounds and consultation.number not in rounds:
            continue
        feedback = session.scalars(select(Feedback).where(Feedback.round_id == consultation.id)
                                   .order_by(Feedback.id)).all()
        current: dict[int, dict[str, Feedback]] = {}
        for row in feedback:
            current.setdefault(row.recommendation_id, {})[row.person] = row
        entries = []
        for rec in project.recommendations:
            answers = current.get(rec.id, {})
            changes = responses.get((rec.id, consultation.number), [])
            if not answers and not changes:
                continue
            classes = proposals(rec)
            sent = min((a.recommendation_version for a in answers.values()), default=rec.latest.version)
            issue, issue_ru = _issue(rec, sent)
            entries.append(Entry(
                key=rec.key, issue=issue, issue_ru=issue_ru, state=rec.state,
                answers=[Answer(p, a.decision, a.comment, a.recommendation_version, a.created_at,
                                earlier_text(rec, a.recommendation_version, classes))
                         for p, a in sorted(answers.items())],
                changes=changes))
        participants = sorted({row.person for row in feedback})
        round_logs.append(RoundLog(consultation.number, consultation.draft_version, consultation.opened_at,
                                   consultation.closed_at, participants, entries))
    decided = session.execute(select(Feedback.recommendation_id, Feedback.recommendation_version)
                              .join(Feedback.round).where(Round.project_id == project.id,
                                                          Feedback.decision.is_not(None))).all()
    reopened: dict[int, list[str]] = defaultdict(list)
    for rec in project.recommendations:
        answered = [version for rec_id, version in decided if rec_id == rec.id]
        if not answered:
            continue
        for v in redrafted(rec):
            # a change of proposal after someone decided on an earlier one
            if min(answered) < v.version:
                reopened[v.draft_version].append(rec.key)  # type: ignore[index]
    drafts = []
    for draft in project.drafts:
        taken = [rec.key for rec in by_id.values()
                 if any(taken_up_in(v) == draft.version for v in rec.versions)]
        new = [rec.key for rec in by_id.values() if rec.first_draft == draft.version and draft.version > 1]
        drafts.append(DraftEntry(draft.version, draft.filename, draft.added_at, draft.added_by, taken, new,
                                 reopened.get(draft.version, [])))
    stale = [(rec.key, text) for rec in project.recommendations if rec.state in ACTIVE_STATES
             for text in stale_texts(rec)]
    return ConsultationLog(project.name, drafts, round_logs,
                           {rec.key: rec.state for rec in project.recommendations}, stale)


# --- what a later round's feedback form says happened before ----------------------------------------------------


@dataclass(frozen=True)
class Since:
    """A change of what a recommendation proposes made after the ministry first saw it: a person's revision in
    answer to a round, a new draft version that changed the proposal, or (``version`` 1) the recommendation
    itself, new with a draft version added after a round."""

    version: int
    reason: Reason
    after_round: int
    """The round it follows: the round a revision answers, or the last round opened on an earlier draft."""
    draft: int | None = None
    """The draft version whose review made the change; None for a person's revision."""


@dataclass(frozen=True)
class Before:
    """What a recommendation went through before a round: each earlier round it was on the table in, with the
    answers of each person (none when nobody answered), and each change of what it proposes since."""

    key: str
    rounds: list[tuple[int, list[Answer]]]
    changes: list[Since]


def before_round(session: Session, project: Project, number: int) -> dict[str, Before]:
    """For a round after the first, what each recommendation still on the table went through before it, by id,
    read from the consultation log (its answers and the revisions answering each round) and the versions the new
    draft versions wrote (:func:`redrafted`); empty for the first round, which has nothing before it."""
    if number <= 1:
        return {}
    log = build_log(session, project, list(range(1, number + 1)))
    entries = {(r.number, e.key): e for r in log.rounds for e in r.entries}

    def after(draft: int) -> int | None:
        # a draft version added after a round was opened on an earlier one follows that round
        return max((r.number for r in project.rounds if r.draft_version < draft and r.number <= number),
                   default=None)

    out = {}
    for rec in project.recommendations:
        if rec.state not in ACTIVE_STATES:
            continue
        rounds = []
        for consultation in project.rounds:
            # a recommendation a later draft version gave rise to was not on the table in rounds before it
            if consultation.number < number and rec.first_draft <= consultation.draft_version:
                entry = entries.get((consultation.number, rec.key))
                rounds.append((consultation.number, entry.answers if entry else []))
        # a confirmation changes no text: it is no revision to tell of
        changes = [Since(c.version, c.reason, r.number) for r in log.rounds
                   for c in (entries[r.number, rec.key].changes if (r.number, rec.key) in entries else [])
                   if c.fields]
        for v in redrafted(rec):
            following = after(v.draft_version)  # type: ignore[arg-type]
            if following is not None:
                changes.append(Since(v.version, reason_of(v), following, v.draft_version))
        new_after = after(rec.first_draft)
        if new_after is not None:
            changes.append(Since(1, reason_of(rec.versions[0]), new_after, rec.first_draft))
        out[rec.key] = Before(rec.key, rounds, sorted(changes, key=lambda c: c.version))
    return out

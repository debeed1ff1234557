"""Review projects: a draft's versions, their reviews and the recommendations that live on across them.

A project starts with one draft (``init_project``), which is parsed, reviewed and stored with its
recommendations (each one version 1, by the engine). A new draft version (``add_draft``) is reviewed and aligned
with the previous one; recommendations follow renumbered articles, those whose gaps the new text closed are
marked taken up, and gaps the new version opens get new recommendations.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crlens import __version__
from crlens.analysis.labels import container_of
from crlens.analysis.review import Recommendation as RecommendationData
from crlens.analysis.review import Review, reading_order
from crlens.consult.reasons import recorded
from crlens.consult.states import ACTIVE_STATES, DECIDED_STATES
from crlens.errors import UserError
from crlens.ingest import parse_file
from crlens.ingest.model import Document, Naming
from crlens.plain_text import checked
from crlens.store.models import Draft, Project, Recommendation, RecommendationVersion, ReviewRun, Round, now

if TYPE_CHECKING:
    from crlens.consult.compare import DraftComparison, ReviewChanges

ENGINE = "crlens"
"""The author of recommendation versions written by the engine rather than by a person."""


class ProjectError(UserError):
    """A project, draft, round or recommendation that does not exist or cannot take the action asked."""


class NotFoundError(ProjectError):
    """A project, recommendation or round that does not exist (exit 2 on the command line, 404 on the web)."""


def taken_up_in(version: RecommendationVersion) -> int | None:
    """The draft version whose text took up the recommendation, if crlens wrote ``version`` for that: known by
    its reason code, not its words, which a person's reason may happen to share."""
    if version.author != ENGINE or version.reason_code != "taken-up":
        return None
    draft = (version.reason_args or {}).get("draft")
    return draft if isinstance(draft, int) else version.draft_version


def review_draft(document: Document) -> Review:
    """Run the review engine on a parsed draft."""
    from crlens.analysis.engine import review_document
    from crlens.knowledge.loader import load

    return review_document(document, load())


def parse_stored(draft: Draft) -> Document:
    """Parse a stored draft version again from its bytes (the original file, as received)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(draft.filename).name
        path.write_bytes(draft.content)
        document = parse_file(path)
    document.source = draft.filename
    return document


# --- finding projects ------------------------------------------------------------------------------------------


def find_project(session: Session, name: str | None = None) -> Project:
    """The project called ``name``; without a name, the database's only or most recently used project."""
    if name:
        project = session.scalar(select(Project).where(Project.name == name))
        if project is None:
            names = session.scalars(select(Project.name).order_by(Project.name)).all()
            known = f"; projects: {', '.join(names)}" if names else "; the database has no projects yet"
            raise NotFoundError(f"project {name!r}", f"no such project{known}")
    else:
        project = session.scalar(select(Project).order_by(Project.used_at.desc(), Project.id.desc()).limit(1))
        if project is None:
            raise ProjectError("project", "the database has no projects yet; start one with "
                                          "'crlens project init NAME --draft FILE'")
    project.used_at = now()
    return project


def latest_draft(project: Project) -> Draft:
    """The newest draft version of a project."""
    return project.drafts[-1]


def draft_review(draft: Draft) -> Review:
    """The review stored for a draft version (its newest run)."""
    return Review.model_validate_json(draft.reviews[-1].review_json)


def latest_review(project: Project) -> Review:
    """The review of the newest draft version."""
    return draft_review(latest_draft(project))


def _stored_review(project: Project) -> dict:
    """The newest draft's stored review as plain JSON, read without validating the whole of it, as forms and
    pages need only a few fields."""
    stored = json.loads(latest_draft(project).reviews[-1].review_json)
    return stored if isinstance(stored, dict) else {}


def _document_block(stored: dict) -> dict:
    """The document block of a stored review (:func:`_stored_review`)."""
    block = stored.get("document", {})
    return block if isinstance(block, dict) else {}


@dataclass(frozen=True)
class DraftFacts:
    """What forms and pages need to know of the newest draft, read from its stored review in one pass."""

    naming: Naming
    """How the draft names its provisions ("section" in the US Code, «подпункт 4) статьи 60» for an item of an
    article), to name them as the deliverables do (``Review.naming``)."""
    jurisdiction: str | None
    """Whose law the draft is ("kz"), as its review recorded it, to cite that country's law as national law in
    force the way the deliverables do; None when unknown or reviewed before it was recorded."""


def draft_facts(project: Project) -> DraftFacts:
    """The newest draft's :class:`DraftFacts`, its stored review parsed once."""
    stored = _stored_review(project)
    block = _document_block(stored)
    word = "section" if block.get("article_word") == "section" else "article"
    naming = Naming.of(word, ((p["id"], p["kind"], p["parent"]) for p in stored.get("provisions", [])))
    home = block.get("jurisdiction")
    return DraftFacts(naming, home if isinstance(home, str) else None)


def provision_naming(project: Project) -> Naming:
    """How the newest draft names its provisions (:attr:`DraftFacts.naming`)."""
    return draft_facts(project).naming


def jurisdiction(project: Project) -> str | None:
    """Whose law the newest draft is (:attr:`DraftFacts.jurisdiction`)."""
    return draft_facts(project).jurisdiction


def current_data(rec: Recommendation) -> RecommendationData:
    """A recommendation's text as it stands now (its latest version), under its project id."""
    return RecommendationData.model_validate(rec.latest.data).model_copy(update={"id": rec.key})


def find_recommendation(project: Project, key: str) -> Recommendation:
    """A recommendation by its key (``rec-012``, ``rec-12`` or ``12``)."""
    digits = key.lower().removeprefix("rec-").removeprefix("rec")
    if digits.isdigit():
        for rec in project.recommendations:
            if rec.number == int(digits):
                return rec
    raise NotFoundError(key, f"project {project.name!r} has no recommendation with this id")


def find_round(project: Project, number: int) -> Round:
    """A consultation round by its number."""
    for consultation in project.rounds:
        if consultation.number == number:
            return consultation
    opened = ", ".join(str(r.number) for r in project.rounds) or "none"
    raise NotFoundError(f"round {number}", f"project {project.name!r} has no such round (rounds: {opened})")


# --- creating projects and adding drafts ----------------------------------------------------------------------


@dataclass(frozen=True)
class DraftAdded:
    """What adding a draft version did."""

    version: int
    articles: int
    comparison: DraftComparison
    changes: ReviewChanges
    recommendations_new: list[str] = field(default_factory=list)
    recommendations_updated: list[str] = field(default_factory=list)
    recommendations_taken_up: list[str] = field(default_factory=list)
    gaps_closed: list[str] = field(default_factory=list)
    gaps_opened: list[str] = field(default_factory=list)
    decisions_reopened: list[Reopened] = field(default_factory=list)
    """Recommendations the ministry had decided on whose proposal the new version changed (beyond renumbering):
    their decision no longer stands, and they are ``revised`` until answered again."""


@dataclass(frozen=True)
class Reopened:
    """A decided recommendation whose proposal a new draft version changed: its state before (``rejected``),
    and its amendment's target before and now ("art:41" -> "art:6")."""

    key: str
    state: str
    old_target: str
    new_target: str


def _store_draft(session: Session, project: Project, path: Path, document: Document, review: Review,
                 by: str, id_map: dict[str, str | None] | None) -> Draft:
    draft = Draft(project=project, version=len(project.drafts) + 1, filename=path.name,
                  sha256=document.sha256, language=document.language, title=document.title,
                  articles=len(document.articles), content=path.read_bytes(), added_by=by, id_map=id_map)
    session.add(draft)
    session.add(ReviewRun(draft=draft, tool_version=__version__, review_json=review.to_json()))
    return draft


def _number(rec_id: str) -> int:
    return int(rec_id.removeprefix("rec-"))


def _add_recommendation(session: Session, project: Project, data: RecommendationData, number: int,
                        draft_version: int, reason: str) -> Recommendation:
    """A new recommendation from the review of ``draft_version``, its first version recorded with ``reason``
    (a code of :data:`~crlens.consult.reasons.REVIEW_REASONS`)."""
    data = data.model_copy(update={"id": f"rec-{number:03d}"})
    rec = Recommendation(project=project, number=number, state="proposed", first_draft=draft_version)
    session.add(rec)
    session.add(RecommendationVersion(recommendation=rec, version=1, data=data.model_dump(mode="json"),
                                      author=ENGINE, draft_version=draft_version,
                                      **recorded(reason, draft=draft_version)))
    return rec


def init_project(session: Session, name: str, path: Path, by: str,
                 progress: Callable[[str], None] | None = None) -> Project:
    """Start a project: parse and review the first draft version and store it with its recommendations."""
    name = checked(name, "project name")
    if not name.strip():
        raise ProjectError("project", "the project name is empty")
    if session.scalar(select(Project).where(Project.name == name)) is not None:
        raise ProjectError(f"project {name!r}", "a project with this name already exists")
    document = parse_file(path)
    if progress:
        progress("reviewing")
    review = review_draft(document)
    project = Project(name=name)
    session.add(project)
    _store_draft(session, project, path, document, review, by, None)
    for data in review.recommendations:
        _add_recommendation(session, project, data, _number(data.id), 1, "first-review")
    session.flush()
    return project


def add_draft(session: Session, project: Project, path: Path, by: str) -> DraftAdded:
    """Add a new version of the draft: review it, align it with the previous version, carry recommendations
    over (ids follow renumbered articles), mark those the new text took up, and add recommendations for gaps the
    new version opened."""
    from crlens.consult.compare import compare_documents, compare_reviews

    previous = latest_draft(project)
    document = parse_file(path)  # checks the file; its sha256 is the file's
    if document.sha256 == previous.sha256:
        raise ProjectError(str(path), f"is identical to draft version {previous.version} (same SHA-256)")
    old_document = parse_stored(previous)
    review = review_draft(document)
    comparison = compare_documents(old_document, document)
    # The old side holds the recommendations as they stand now (revised, with project ids), not the engine's.
    old_review = latest_review(project).model_copy(update={"recommendations": [
        current_data(rec) for rec in project.recommendations if rec.state in ACTIVE_STATES]})
    changes = compare_reviews(old_review, review, comparison)
    taken_keys = {t.recommendation for t in changes.taken_up}
    draft = _store_draft(session, project, path, document, review, by, dict(comparison.id_map))
    version = draft.version

    engine_recs = list(review.recommendations)
    claimed: set[str] = set()
    updated, taken_up = [], []
    changed: list[tuple[Recommendation, str, str, str]] = []
    for rec in project.recommendations:
        if rec.state not in ACTIVE_STATES:
            continue
        data = current_data(rec)
        if rec.key in taken_keys:
            rec.state = "taken-up"
            session.add(RecommendationVersion(recommendation=rec, version=rec.latest.version + 1,
                                              data=_follow(data, comparison.id_map).model_dump(mode="json"),
                                              author=ENGINE, draft_version=version,
                                              **recorded("taken-up", draft=version)))
            taken_up.append(rec.key)
            continue
        match = _best_match(data, engine_recs, claimed)
        if match is not None:
            claimed.add(match.id)
        if rec.latest.author == ENGINE and match is not None:
            # Nobody has edited it: the engine's text for the new version replaces the old one.
            new_data = match.model_copy(update={"id": rec.key})
            reason = "re-reviewed"
        else:
            new_data = _follow(data, comparison.id_map)
            reason = "ids-followed"
        # compared as the model reads the stored text: a field added since it was stored (general_rules) is no
        # change
        if new_data.model_dump(mode="json") != data.model_dump(mode="json"):
            session.add(RecommendationVersion(recommendation=rec, version=rec.latest.version + 1,
                                              data=new_data.model_dump(mode="json"), author=ENGINE,
                                              draft_version=version, **recorded(reason, draft=version)))
            updated.append(rec.key)
            if not same_proposal(data, new_data, comparison.id_map):
                changed.append((rec, rec.state, data.amendment.target, new_data.amendment.target))
    covered = {c for rec in project.recommendations if rec.state in ACTIVE_STATES
               for c in rec.latest.data["criteria"]}  # type: ignore[union-attr]
    next_number = max((r.number for r in project.recommendations), default=0) + 1
    new = []
    for data in engine_recs:
        if data.id in claimed or set(data.criteria) <= covered:
            continue
        rec = _add_recommendation(session, project, data, next_number, version, "gap-found")
        new.append(rec.key)
        next_number += 1
    session.flush()
    # A decision on what a recommendation proposed no longer stands once the proposal changed: its state
    # follows the answers, as after any answer (consult.state), and says that it waits for a new one.
    from crlens.consult.state import follow_answers

    reopened = []
    for rec, before, old_target, new_target in changed:
        session.refresh(rec, ["versions"])
        if follow_answers(session, rec) != before and before in DECIDED_STATES:
            reopened.append(Reopened(rec.key, before, old_target, new_target))
    session.expire(project, ["recommendations", "drafts"])
    return DraftAdded(version=version, articles=draft.articles, comparison=comparison, changes=changes,
                      recommendations_new=new,
                      recommendations_updated=updated, recommendations_taken_up=taken_up,
                      gaps_closed=[g.criterion for g in changes.closed],
                      gaps_opened=[g.criterion for g in changes.opened], decisions_reopened=reopened)


def _best_match(data: RecommendationData, candidates: list[RecommendationData],
                claimed: set[str]) -> RecommendationData | None:
    """The engine recommendation of the new version that shares most criteria with ``data``."""
    wanted = set(data.criteria)
    best, best_overlap = None, 0
    for candidate in candidates:
        overlap = len(wanted & set(candidate.criteria))
        if candidate.id not in claimed and overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return best


_ID = re.compile(r"\b(?:art|ch|sec|par|part|book|annex|sub):[\w.]+")


def _follow(data: RecommendationData, id_map: dict[str, str | None]) -> RecommendationData:
    """The recommendation with its provision ids (its provisions, its general rules and those in its amendment
    target, e.g. "new after art:52 in ch:13") moved to the new version's ids; provisions the new version removed
    are dropped from its lists."""
    def followed(ids: list[str]) -> list[str]:
        return [new for new in (id_map.get(p, p) for p in ids) if new]

    target = _ID.sub(lambda m: id_map.get(m.group(0)) or m.group(0), data.amendment.target)
    return data.model_copy(update={"provisions": followed(data.provisions),
                                   "general_rules": followed(data.general_rules),
                                   "amendment": data.amendment.model_copy(update={"target": target})})


# --- what a recommendation proposes ------------------------------------------------------------------------

_NUMBERED = re.compile(r"^(\s*)\d+(?:-\d+)?([.)])", re.M)
"""A paragraph or item number opening a line of a proposed text ("5. ", "2) ")."""
_PROVISION_WORDS = (r"articles?|sections?|paragraphs?|sub-?paragraphs?|items?|parts?|chapters?|§|art\.|"
                    r"стат\w*|пункт\w*|подпункт\w*|част\w*|глав\w*|раздел\w*|параграф\w*|ст\.|пп?\.")
_PROVISION_NUMBERS = re.compile(
    rf"\b(?:{_PROVISION_WORDS})\s*\d+(?:[-.]\d+)*(?:\(\w+\))*"
    r"(?:\s*(?:,|–|—|-|and|or|и|или)\s*\d+(?:[-.]\d+)*(?:\(\w+\))*)*", re.I)
_DIGITS = re.compile(r"\d+")


def _unnumbered(text: str) -> str:
    """A text with the numbers of provisions taken out: those of the paragraphs and items it adds, and those
    after a provision's name ("Article 16(4)", "paragraphs 5–8", "пункта 3 статьи 16"). What is left is what it
    says; another number (an age, a time limit) is part of that."""
    text = _NUMBERED.sub(r"\1#\2", text)
    return _PROVISION_NUMBERS.sub(lambda m: _DIGITS.sub("#", m.group(0)), text)


def same_proposal(old: RecommendationData, new: RecommendationData, id_map: dict[str, str | None]) -> bool:
    """Whether ``new`` proposes what ``old`` proposed, ``id_map`` being how the draft version between them
    renumbered the provisions (``DraftComparison.id_map``): the same kind of amendment, at the provision
    ``old``'s target became, with the same solution and proposed text in both languages but for the numbers of
    provisions (an article renumbered, or the paragraphs a supplement adds numbered on from another number). A
    new article counts as proposed in the same place when it goes into the same container (chapter, section),
    whichever article it now follows: an article inserted before it moves it on with the others.

    What the ministry decides on is the proposal: the issue may quote the new draft's text and the
    justification cite other sources while the proposal stays the same, and a decision on it stands."""
    before, after = old.amendment, new.amendment
    if before.action != after.action:
        return False
    followed = _follow(old, id_map).amendment.target
    same_place = (container_of(followed) == container_of(after.target) if before.action == "new"
                  else followed == after.target)
    if not same_place:
        return False
    texts = ((old.solution, new.solution), (old.ru.solution, new.ru.solution),
             (before.proposed_text.en, after.proposed_text.en), (before.proposed_text.ru, after.proposed_text.ru))
    return all(a == b or _unnumbered(a) == _unnumbered(b) for a, b in texts)


# --- status ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectStatus:
    """A project at a glance: drafts, rounds and recommendations by state."""

    name: str
    drafts: list[tuple[int, str, int, str]]
    rounds: list[tuple[int, int, bool, int]]
    states: dict[str, int]
    recommendations: int


def project_status(session: Session, project: Project) -> ProjectStatus:
    """Drafts (version, file, articles, sha256), rounds (number, draft version, open, feedback given) and
    recommendations by state."""
    from crlens.store.models import Feedback

    rounds = []
    for consultation in project.rounds:
        given = session.scalar(select(func.count(func.distinct(Feedback.recommendation_id)))
                               .where(Feedback.round_id == consultation.id)) or 0
        rounds.append((consultation.number, consultation.draft_version, consultation.is_open, given))
    states = Counter(rec.state for rec in project.recommendations)
    return ProjectStatus(name=project.name,
                         drafts=[(d.version, d.filename, d.articles, d.sha256) for d in project.drafts],
                         rounds=rounds, states=dict(sorted(states.items())),
                         recommendations=len(project.recommendations))


def project_review(project: Project) -> Review:
    """The review of the newest draft with the recommendations as they stand now: the latest version of each
    one still on the table (withdrawn and taken-up ones are left out; the consultation log records them)."""
    review = latest_review(project)
    known = {p.id for p in review.provisions}
    recs = []
    for rec in project.recommendations:
        if rec.state not in ACTIVE_STATES:
            continue
        data = current_data(rec)
        recs.append(data.model_copy(update={"provisions": [p for p in data.provisions if p in known],
                                            "general_rules": [p for p in data.general_rules if p in known]}))
    # the store keeps them by id; the deliverables read them as the review does, high priorities of an area first
    return review.model_copy(update={"recommendations": sorted(recs, key=reading_order)})

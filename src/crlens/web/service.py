"""What the pages and the JSON API do, in one place: finding things, checking who may change them, and changing
them through ``crlens.consult`` (the same functions the command line uses).

Every action that changes something takes the signed-in ``Account`` and checks its role first, so a page, an API
call or a crafted request all meet the same rule.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from crlens.analysis.review import ProvisionResult, Review, reading_order
from crlens.analysis.review import Recommendation as RecommendationData
from crlens.consult.compare import DraftComparison, ReviewChanges
from crlens.consult.project import (
    ACTIVE_STATES,
    DraftAdded,
    add_draft,
    current_data,
    draft_facts,
    draft_review,
    find_round,
    init_project,
    jurisdiction,
)
from crlens.consult.revisions import FIELDS, Revision, confirm, get_text, revise, withdraw
from crlens.consult.rounds import DECISION_CHOICES, Recorded, close_round, decision_of, open_round, record_answer
from crlens.consult.states import state_name
from crlens.errors import UserError
from crlens.ingest import InputError
from crlens.ingest.model import CONTAINER_KINDS
from crlens.ingest.reader import MAX_FILE_BYTES
from crlens.knowledge.loader import KnowledgeBase, load
from crlens.plain_text import checked, checked_name
from crlens.store.models import Comment, Draft, Feedback, Project, Recommendation, Round
from crlens.web.auth import Account

if TYPE_CHECKING:
    from crlens.report.redline import RedlineResult

MAX_COMMENT = 20_000
MAX_NAME = 200


class NotFound(Exception):
    """A project, draft, recommendation or round that does not exist (404)."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@cache
def knowledge() -> KnowledgeBase:
    """The knowledge base (area titles, criterion statements), loaded once per process."""
    return load()


def area_title(area_id: str, lang: str) -> str:
    area = knowledge().areas.get(area_id)
    return area.title.get(lang) if area else area_id


# --- finding things --------------------------------------------------------------------------------------------


def projects(session: Session) -> list[Project]:
    """All projects, most recently used first."""
    return list(session.scalars(select(Project).order_by(Project.used_at.desc(), Project.id.desc())))


def get_project(session: Session, project_id: int) -> Project:
    project = session.get(Project, project_id)
    if project is None:
        raise NotFound(f"there is no project {project_id}")
    return project


def get_draft(project: Project, version: int | None) -> Draft:
    """A draft version, the newest by default."""
    if version is None:
        return project.drafts[-1]
    for draft in project.drafts:
        if draft.version == version:
            return draft
    raise NotFound(f"project {project.name!r} has no draft version {version}")


def open_round_of(project: Project) -> Round | None:
    """The round open now, if any (at most one is open: opening the next one closes the previous)."""
    return next((r for r in project.rounds if r.is_open), None)


def answers_given(session: Session, consultation: Round) -> int:
    """How many recommendations have at least one answer in a round."""
    return session.scalar(select(func.count(func.distinct(Feedback.recommendation_id)))
                          .where(Feedback.round_id == consultation.id)) or 0


def answers_count(session: Session, consultation: Round) -> int:
    """How many answers a round holds: each person's current answer on each recommendation (an answer a person
    changed counts once)."""
    given = select(Feedback.recommendation_id, Feedback.person).where(Feedback.round_id == consultation.id)
    return session.scalar(select(func.count()).select_from(given.distinct().subquery())) or 0


def participants(session: Session, consultation: Round) -> list[str]:
    return list(session.scalars(select(Feedback.person).where(Feedback.round_id == consultation.id)
                                .distinct().order_by(Feedback.person)))


def comments(session: Session, rec: Recommendation) -> list[Comment]:
    """The discussion thread of a recommendation, oldest first."""
    return list(session.scalars(select(Comment).where(Comment.recommendation_id == rec.id).order_by(Comment.id)))


# --- the draft viewer ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A run of provision text; ``criteria`` is non-empty when the run is quoted as evidence for them."""

    text: str
    criteria: tuple[str, ...] = ()


def highlight(text: str, quotes: list[tuple[str, str]]) -> list[Piece]:
    """The text cut into pieces so that every occurrence of an evidence quote ((quote, criterion) pairs) is its
    own piece; overlapping quotes are merged into one highlighted piece naming all their criteria."""
    marks: list[tuple[int, int, str]] = []
    for quote, criterion in quotes:
        if not quote.strip():
            continue
        for match in re.finditer(re.escape(quote), text):
            marks.append((match.start(), match.end(), criterion))
    if not marks:
        return [Piece(text)]
    marks.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, criterion in marks:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], criterion])
        else:
            merged.append((start, end, [criterion]))
    pieces, at = [], 0
    for start, end, criteria in merged:
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], tuple(dict.fromkeys(criteria))))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


@dataclass(frozen=True)
class ProvisionView:
    id: str
    label: str
    heading: str
    depth: int
    areas: list[str]
    relevance: str
    pieces: list[Piece]


@dataclass(frozen=True)
class ArticleView:
    id: str
    label: str
    heading: str
    areas: list[str]
    relevance: str
    parts: list[ProvisionView]


_RELEVANCE_ORDER = {"direct": 0, "indirect": 1, "none": 2}


def draft_articles(review: Review, lang: str = "en", area: str | None = None,
                   relevance: str | None = None) -> list[ArticleView]:
    """The articles of a reviewed draft (and its preamble) with their parts, areas, child relevance and evidence
    highlights; with ``area``/``relevance``, only articles where the article or one of its parts matches."""
    from crlens.analysis.labels import label

    quotes: dict[str, list[tuple[str, str]]] = {}
    for criterion in review.criteria:
        for evidence in criterion.evidence:
            quotes.setdefault(evidence.provision, []).append((evidence.quote, criterion.id))
    naming = review.naming  # the draft's own names, as the deliverables name its provisions
    groups: list[tuple[ProvisionResult, list[ProvisionResult]]] = []
    depth: dict[str, int] = {}
    for provision in review.provisions:
        if provision.kind in CONTAINER_KINDS:
            continue
        if provision.kind in ("article", "preamble") or not groups:
            groups.append((provision, []))
            depth[provision.id] = 0
        else:
            groups[-1][1].append(provision)
            depth[provision.id] = depth.get(provision.parent or "", 0) + 1
    out = []
    for head, parts in groups:
        everything = [head, *parts]
        areas = list(dict.fromkeys(a for p in everything for a in p.areas))
        if area and area not in areas:
            continue
        if relevance and relevance not in {p.child_relevance for p in everything}:
            continue
        best = min((p.child_relevance for p in everything), key=lambda r: _RELEVANCE_ORDER.get(r, 3))
        views = [ProvisionView(p.id, label(p.id, lang, naming=naming), p.heading, depth[p.id], list(p.areas),
                               p.child_relevance, highlight(p.text, quotes.get(p.id, [])))
                 for p in everything if p.text]
        out.append(ArticleView(head.id, label(head.id, lang, naming=naming), head.heading, areas, best, views))
    return out


# --- the gap table ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GapRow:
    key: str
    state: str
    priority: str
    target: str
    issue: str
    solution: str
    proposed: str
    sources: list[tuple[str, str, bool]]
    heading: str = ""
    """The heading of the proposed text, as the gap table has it: "Proposed text — Article 6 (supplement with
    paragraphs 5–8)"."""


@dataclass(frozen=True)
class GapSection:
    area: str
    title: str
    rows: list[GapRow]


def gap_sections(project: Project, lang: str, area: str | None = None, priority: str | None = None,
                 state: str | None = None, text: str | None = None) -> tuple[list[GapSection], int]:
    """The recommendations as gap-table rows grouped by their first area in framework order, in the review's
    order within an area (high priorities first), filtered; and how many recommendations there are before
    filtering. Without ``state``, those still on the table."""
    from crlens.knowledge.models import AREA_IDS
    from crlens.report.amendments import supplement_place
    from crlens.report.gap_table import ordered_sources, proposed_heading, source_text

    ru = lang == "ru"
    facts, kb = draft_facts(project), load()
    naming, home = facts.naming, facts.jurisdiction
    needle = (text or "").strip().lower()
    by_area: dict[str, list[GapRow]] = {}
    total = 0
    # the store keeps them by id; the gap table reads them as the review does
    current = sorted(((rec, current_data(rec)) for rec in project.recommendations),
                     key=lambda pair: reading_order(pair[1]))
    for rec, data in current:
        if (state and rec.state != state) or (not state and rec.state not in ACTIVE_STATES):
            continue
        total += 1
        if (area and area not in data.areas) or (priority and data.priority != priority):
            continue
        place = supplement_place(data, lang, [], naming=naming)
        row = GapRow(
            key=rec.key, state=rec.state, priority=data.priority, target=data.amendment.target,
            issue=data.ru.issue if ru else data.issue, solution=data.ru.solution if ru else data.solution,
            proposed=get_text(data, "proposed", lang),
            sources=[(source_text(s, lang, kb, home), s.url, s.verified is not False)
                     for s in ordered_sources(data.sources, kb, home)],
            heading=proposed_heading(place, lang))
        if needle and needle not in " ".join((row.issue, row.solution, row.proposed, row.target, place)).lower():
            continue
        by_area.setdefault(data.areas[0] if data.areas else "", []).append(row)
    order = [a for a in AREA_IDS if a in by_area] + [a for a in by_area if a not in AREA_IDS]
    return [GapSection(a, area_title(a, lang), by_area[a]) for a in order], total


def cited_sources(project: Project, data: RecommendationData, lang: str) -> list[tuple[str, str]]:
    """A recommendation's sources as the gap table cites them, with their links: each example with its
    jurisdiction, and the draft's own country's law last, named as national law."""
    from crlens.report.gap_table import ordered_sources, source_text

    kb, home = load(), jurisdiction(project)
    return [(source_text(s, lang, kb, home), s.url) for s in ordered_sources(data.sources, kb, home)]


# --- uploads ---------------------------------------------------------------------------------------------------


@contextmanager
def saved_upload(upload: UploadFile) -> Iterator[Path]:
    """The uploaded file written to a temporary folder under its own name (so its type is read from its
    extension, as on the command line); refused once it passes the 50 MB limit. The folder is removed after."""
    # Only the last part of the name the browser sent, without control characters: never a path of ours.
    name = "".join(c for c in Path((upload.filename or "").replace("\\", "/")).name if c.isprintable()).strip()
    name = name[-200:] if name not in ("", ".", "..") else "draft"
    folder = Path(tempfile.mkdtemp(prefix="crlens-upload-"))
    path = folder / name
    try:
        size = 0
        with path.open("wb") as handle:
            while chunk := upload.file.read(1024 * 1024):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise InputError(name, f"the file is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
                handle.write(chunk)
        try:
            yield path
        except UserError as exc:
            # Name the file as the user knows it, not by our temporary folder.
            prefix = str(folder) + "/"
            raise UserError(exc.where.replace(prefix, ""), exc.problem.replace(prefix, "")) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def create_project(session: Session, account: Account, name: str, upload: UploadFile) -> Project:
    """Start a project from an uploaded draft (parsed, reviewed and stored, like ``crlens project init``)."""
    account.require("upload")
    name = checked_name(name, "project name")
    if not name:
        raise UserError("project name", "give the project a name")
    if len(name) > MAX_NAME:
        raise UserError("project name", f"at most {MAX_NAME} characters")
    with saved_upload(upload) as path:
        return init_project(session, name, path, account.display_name)


def add_version(session: Session, account: Account, project: Project, upload: UploadFile) -> DraftAdded:
    """Add a new draft version from an upload (reviewed and aligned, like ``crlens project add-draft``)."""
    account.require("upload")
    with saved_upload(upload) as path:
        return add_draft(session, project, path, account.display_name)


# --- recommendations -------------------------------------------------------------------------------------------


def revise_recommendation(account: Account, project: Project, rec: Recommendation, field: str, lang: str,
                          text: str, reason: str) -> tuple[int, bool]:
    """A new version of the recommendation with one field changed; (version, whether anything changed)."""
    account.require("revise")
    problems = []
    if field not in FIELDS:
        problems.append(f"field must be one of {', '.join(FIELDS)}")
    if lang not in ("en", "ru"):
        problems.append("language must be en or ru")
    if not text.strip():
        problems.append("the new text is empty")
    if not reason.strip():
        problems.append("say why it changes (the reason is kept in the history)")
    if problems:
        raise UserError(rec.key, "; ".join(problems))
    text, reason = checked(text, "text"), checked(reason, "reason")
    done = revise(project, Revision(id=rec.key, field=field, lang=lang, text=text, reason=reason),  # type: ignore[arg-type]
                  account.display_name)
    return done.version, done.changed


def confirm_text(account: Account, project: Project, rec: Recommendation, field: str, lang: str,
                 words: str, note: str = "") -> int:
    """Record that a text out of date in one language still matches (``revisions.confirm``), with the reason in
    the interface language ``words`` followed by the ``note`` if any; returns the new version."""
    account.require("revise")
    return confirm(project, rec.key, field, lang, account.display_name, note, words=words).version


def withdraw_recommendation(account: Account, project: Project, rec: Recommendation, reason: str) -> None:
    account.require("revise")
    withdraw(project, rec.key, reason, account.display_name)


def decide(session: Session, account: Account, project: Project, rec: Recommendation, decision: str | None,
           comment: str) -> Recorded:
    """A ministry answer on a recommendation in the open round, through ``record_answer`` (as a feedback file
    would be read): added, changed or unchanged, and the decision kept when a comment came without one. The
    decision is read in the feedback forms' words (``decision_of``: English or Russian), stored as the
    decision."""
    account.require("decide")
    consultation = open_round_of(project)
    if consultation is None:
        raise UserError(rec.key, "no consultation round is open; answers are given within an open round")
    if rec.state not in ACTIVE_STATES:
        raise UserError(rec.key, f"is {state_name(rec.state)} and no longer open for decisions")
    given, decision = (decision or "").strip(), decision_of(decision or "")
    if given and decision is None:
        raise UserError("decision", f"{given!r} is not a decision; use one of: {DECISION_CHOICES}")
    comment = checked(comment or "", "comment").strip()
    if len(comment) > MAX_COMMENT:
        raise UserError("comment", f"at most {MAX_COMMENT} characters")
    recorded = record_answer(session, consultation, rec, account.display_name, decision, comment,
                             rec.latest.version)
    if recorded.outcome == "blank":
        raise UserError(rec.key, "choose a decision or write a comment")
    return recorded


def add_comment(session: Session, account: Account, project: Project, rec: Recommendation, body: str) -> Comment:
    """A message in the recommendation's thread; ministry staff write while a round is open."""
    account.require("comment")
    body = checked(body or "", "comment").strip()
    if not body:
        raise UserError("comment", "the comment is empty")
    if len(body) > MAX_COMMENT:
        raise UserError("comment", f"at most {MAX_COMMENT} characters")
    consultation = open_round_of(project)
    if account.role == "ministry" and consultation is None:
        raise UserError(rec.key, "no consultation round is open; ministry comments are given within an open round")
    comment = Comment(recommendation=rec, round_number=consultation.number if consultation else None,
                      author=account.display_name, author_role=account.role, body=body)
    session.add(comment)
    session.flush()
    return comment


# --- rounds ----------------------------------------------------------------------------------------------------


def open_next_round(session: Session, account: Account, project: Project) -> Round:
    """Open the next consultation round on the newest draft (closing the open one, if any)."""
    account.require("rounds")
    return open_round(session, project, len(project.rounds) + 1)


def close(account: Account, project: Project, number: int) -> Round:
    account.require("rounds")
    consultation = find_round(project, number)
    if not consultation.is_open:
        raise UserError(f"round {number}", "is already closed")
    return close_round(project, number)




# --- the draft comparison --------------------------------------------------------------------------------------


def comparison_of(project: Project, old_version: int, new_version: int) -> tuple[DraftComparison, ReviewChanges]:
    """Two stored draft versions compared article by article, and what that changed in their reviews."""
    from crlens.consult.compare import compare_documents, compare_reviews
    from crlens.consult.project import parse_stored

    old, new = get_draft(project, old_version), get_draft(project, new_version)
    if old.version == new.version:
        raise UserError("comparison", "choose two different draft versions")
    comparison = compare_documents(parse_stored(old), parse_stored(new))
    return comparison, compare_reviews(draft_review(old), draft_review(new), comparison)


# --- downloads -------------------------------------------------------------------------------------------------

DELIVERABLES: dict[str, tuple[str, ...]] = {
    "gap-table": ("docx", "xlsx", "html", "md"),
    "amendments": ("docx", "xlsx"),
    "policy-brief": ("pdf", "docx"),
    "consultation-log": ("md", "docx"),
    "comparison": ("md", "docx", "json"),
    "review": ("json",),
    "amendments-redline": ("docx",),
}
"""Every document the downloads page offers, by file stem, in the formats it comes in. The review and the redline
come in one language each (the redline in the draft's own), under the name ``crlens project report`` gives
them."""
SINGLE = ("review", "amendments-redline")
"""The documents without a Russian twin (``.ru``)."""
REDLINE = "amendments-redline"

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
}

_DOWNLOAD = re.compile(r"^(?P<stem>[a-z-]+?)(?P<ru>\.ru)?\.(?P<fmt>[a-z]+)$")


@dataclass(frozen=True)
class Download:
    filename: str
    media_type: str
    content: bytes


def no_redline(project: Project) -> str | None:
    """Why the project has no redline now (its newest draft version is not a Word file), or None when it has."""
    from crlens.report.redline import is_word_draft

    draft = project.drafts[-1]
    if is_word_draft(draft.filename):
        return None
    return (f"the newest draft version, {draft.version} ({draft.filename}), is not a Word file, and the redline "
            "marks up the Word draft")


def final_redline(session: Session, project: Project, path: Path) -> RedlineResult | None:
    """The final redline ``crlens project report`` writes, written to ``path``: the newest Word draft as stored,
    the recommendations as they stand, none the consultation log says is rejected, withdrawn or taken up (None
    when that draft is not a Word file: :func:`no_redline`)."""
    from crlens.consult.log import build_log
    from crlens.consult.project import project_review
    from crlens.report.redline import write_final_redline

    draft = project.drafts[-1]
    return write_final_redline(project_review(project), build_log(session, project), draft.filename, draft.content,
                               path)


def redline_left_out(session: Session, project: Project) -> list[str]:
    """The recommendations the final redline could not place in the Word draft (an amendment with no article to
    go after), which ``crlens project report`` notes: found by writing it, in a temporary folder, as only
    reading the Word file tells where its articles are. Empty when every amendment has its place, or when there
    is no redline."""
    if no_redline(project) is not None:
        return []
    with tempfile.TemporaryDirectory(prefix="crlens-redline-") as folder:
        written = final_redline(session, project, Path(folder) / f"{REDLINE}.docx")
    return written.skipped if written is not None else []


def download_names(project: Project) -> list[tuple[str, str, list[str]]]:
    """(stem, language, file names) of every document the project can give now (the comparison needs two
    draft versions, the redline a newest draft version that is a Word file: :func:`no_redline`)."""
    out = []
    for stem, formats in DELIVERABLES.items():
        if stem == "comparison" and len(project.drafts) < 2:
            continue
        if stem == REDLINE:
            if no_redline(project) is None:
                out.append((stem, project.drafts[-1].language, [f"{stem}.{fmt}" for fmt in formats]))
            continue
        for lang in ("en", "ru"):
            if stem in SINGLE and lang == "ru":
                continue
            suffix = ".ru" if lang == "ru" else ""
            out.append((stem, lang, [f"{stem}{suffix}.{fmt}" for fmt in formats]))
    return out


def make_download(session: Session, project: Project, filename: str) -> Download:
    """One document, made now from the newest draft's review with the recommendations as they stand and the
    consultation log (like ``crlens project report``), in a temporary folder that is removed after."""
    from crlens.consult.log import build_log
    from crlens.consult.project import project_review
    from crlens.report import write_deliverables

    match = _DOWNLOAD.match(filename)
    if not match or match["fmt"] not in DELIVERABLES.get(match["stem"], ()) or (
            match["stem"] in SINGLE and match["ru"]):
        raise NotFound(f"there is no document called {filename!r}")
    stem, fmt, lang = match["stem"], match["fmt"], "ru" if match["ru"] else "en"
    if stem == REDLINE and (why := no_redline(project)) is not None:
        raise NotFound(f"there is no redline: {why}")
    with tempfile.TemporaryDirectory(prefix="crlens-download-") as folder:
        path = Path(folder) / filename
        if stem == REDLINE:
            final_redline(session, project, path)
        elif stem == "review":
            path.write_text(project_review(project).to_json(), encoding="utf-8")
        elif stem == "comparison":
            if len(project.drafts) < 2:
                raise NotFound("the comparison needs two draft versions")
            from crlens.report import comparison as writers

            compared, changes = comparison_of(project, project.drafts[-2].version, project.drafts[-1].version)
            if fmt == "json":
                writers.write_json(path, compared, changes)
            else:
                (writers.write_markdown if fmt == "md" else writers.write_docx)(path, compared, changes, lang)
        elif stem == "consultation-log":
            from crlens.report import consultation

            log = build_log(session, project)
            (consultation.write_markdown if fmt == "md" else consultation.write_docx)(log, path, lang)
        else:
            write_deliverables(project_review(project), Path(folder), (lang,), (fmt,),
                               log=build_log(session, project))
        return Download(filename, MEDIA_TYPES[fmt], path.read_bytes())

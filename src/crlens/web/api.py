"""The JSON API under ``/api``: the same data and actions as the pages, for other tools.

It uses the session cookie of ``POST /login``; writes need the ``X-CSRF-Token`` header (``GET /api/me`` gives
it). Anonymous requests get 401, roles that may not do something 403, unknown projects or recommendations 404.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from crlens.consult.project import find_recommendation
from crlens.consult.revisions import stale_texts
from crlens.consult.rounds import DECISION_CHOICES, current_feedback, decision_of
from crlens.consult.state import decides, proposals
from crlens.consult.states import State
from crlens.knowledge.models import AreaChoice
from crlens.store.models import Project, Recommendation, Round
from crlens.web import service
from crlens.web.auth import Account, csrf_token
from crlens.web.deps import allowed, signed_in, store_of
from crlens.web.i18n import request_lang


class Problem(BaseModel):
    detail: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Bad input (the message says what)"},
    401: {"model": Problem, "description": "Not signed in"},
    403: {"model": Problem, "description": "The role may not do this, or the CSRF token is missing"},
    404: {"model": Problem, "description": "No such project, draft, recommendation or round"},
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


def known_project(request: Request,
                  project_id: Annotated[int, PathParam(ge=1, le=2**31 - 1, description="Project id")]) -> int:
    """The path's project id, once the project is known to exist (404 naming it otherwise).

    A dependency, not a lookup in the route, because FastAPI runs dependencies before it validates the query and
    the body: an unknown project is then a 404 whatever the rest of the request says, as the pages look up the
    project before their filters, while the query's own types (``State``, ``AreaChoice``) stay in the OpenAPI
    document and still refuse a bad value on a known project (422)."""
    with store_of(request).session() as session:
        service.get_project(session, project_id)
    return project_id


ProjectId = Annotated[int, Depends(known_project)]
"""A project in the path; every route taking one takes its account first, so that 401 and 403 come before
404."""
RecKey = Annotated[str, PathParam(max_length=20, description="Recommendation id, e.g. rec-001")]
Number = Annotated[int, PathParam(ge=1, le=100_000)]
Reader = Annotated[Account, Depends(signed_in)]


# --- shapes ----------------------------------------------------------------------------------------------------


class Me(BaseModel):
    username: str
    display_name: str
    role: Literal["reviewer", "ministry", "viewer"]
    csrf_token: str = Field(description="Send as X-CSRF-Token with every write")


class ProjectOut(BaseModel):
    id: int
    name: str
    drafts: int
    rounds: int
    recommendations: int
    open_round: int | None
    created_at: datetime


class DraftOut(BaseModel):
    version: int
    filename: str
    sha256: str
    language: str
    title: str
    articles: int
    added_by: str
    added_at: datetime


class RoundOut(BaseModel):
    number: int
    draft_version: int
    open: bool
    opened_at: datetime
    closed_at: datetime | None
    answered: int = Field(description="recommendations with at least one answer")
    answers: int = Field(description="answers: each person's current answer on each recommendation")


class ProjectDetail(ProjectOut):
    draft_versions: list[DraftOut]
    round_list: list[RoundOut]
    states: dict[str, int]


class ReopenedOut(BaseModel):
    key: str
    state: str = Field(description="the state before: the decision that no longer stands")
    old_target: str
    new_target: str


class DraftAddedOut(BaseModel):
    version: int
    articles: int
    recommendations_new: list[str]
    recommendations_updated: list[str]
    recommendations_taken_up: list[str]
    gaps_closed: list[str]
    gaps_opened: list[str]
    decisions_reopened: list[ReopenedOut] = Field(
        description="recommendations the ministry had decided on whose proposal the new version changed beyond "
                    "renumbering: their decision no longer stands, and they are revised until answered again")


class StaleTextOut(BaseModel):
    field: str = Field(description="issue, solution, proposed, justification or gender")
    lang: str = Field(description="the language of the text out of date (en, ru)")
    since: int = Field(description="the version that revised the other language's text")


class RecommendationOut(BaseModel):
    key: str
    state: str
    version: int
    priority: str
    areas: list[str]
    target: str
    issue: str
    issue_ru: str
    stale_texts: list[StaleTextOut] = Field(
        description="texts left out of date by a revision of the other language, until they are revised or "
                    "confirmed as still matching")


class VersionOut(BaseModel):
    version: int
    author: str
    reason: str = Field(description="as stored: the reasons crlens records in English (a confirmation's in the "
                                    "language it was made in), a person's as written")
    round_number: int | None
    created_at: datetime
    confirmed_field: str | None = Field(
        description="set on a confirmation (no text changed): the field whose text it says still matches; "
                    "null on a revision")
    confirmed_lang: str | None = Field(description="the language of the text a confirmation confirms")
    data: dict[str, Any] = Field(description="the recommendation as in review.json")


class AnswerOut(BaseModel):
    round: int
    person: str
    decision: str | None
    comment: str
    version: int
    created_at: datetime
    decides: bool = Field(description="false for an answer given on a text that has changed since (a revision, or "
                                      "a new draft version that changed what the recommendation proposes): kept, "
                                      "but it no longer decides the state")


class CommentOut(BaseModel):
    id: int
    author: str
    role: str
    body: str
    round_number: int | None
    created_at: datetime


class RecommendationDetail(RecommendationOut):
    versions: list[VersionOut]
    answers: list[AnswerOut]
    comments: list[CommentOut]


class RevisionIn(BaseModel):
    field: Literal["issue", "solution", "proposed", "justification", "gender"] = "proposed"
    lang: Literal["en", "ru"] = "en"
    text: str = Field(min_length=1, max_length=50_000)
    reason: str = Field(min_length=1, max_length=5000)


class RevisionOut(BaseModel):
    key: str
    version: int
    changed: bool


class ConfirmationIn(BaseModel):
    # Any string, not a Literal as in RevisionIn: an unknown field then gets the command line's refusal (a 400
    # naming the fields), like the confirmation's other refusals, rather than a validation error.
    field: str = Field(default="proposed", max_length=20,
                       description="issue, solution, proposed, justification or gender")
    lang: Literal["en", "ru"] = Field(description="the language of the text that still matches")
    reason: str = Field(default="", max_length=5000,
                        description="a note for the history, e.g. 'only a typo was fixed in English'")


class ConfirmationOut(BaseModel):
    key: str
    version: int = Field(description="the new version: the same text, marked as a confirmation")
    field: str
    lang: str
    reason: str = Field(description="what the history records: what was confirmed, then the note")


class WithdrawIn(BaseModel):
    reason: str = Field(min_length=1, max_length=5000)


class DecisionIn(BaseModel):
    decision: str | None = Field(
        default=None, max_length=40,
        description=f"one of: {DECISION_CHOICES} (as the feedback forms take them: English or Russian, any case); "
                    "stored as the English word. None or blank: no decision")
    comment: str = Field(default="", max_length=20_000)

    @field_validator("decision")
    @classmethod
    def _a_decision(cls, value: str | None) -> str | None:
        """The decision as stored, read as the forms read it, so that a word they take is not refused here."""
        if value is None or not value.strip():
            return None
        decision = decision_of(value)
        if decision is None:
            raise ValueError(f"{value!r} is not a decision; use one of: {DECISION_CHOICES}")
        return decision


class DecisionOut(BaseModel):
    key: str
    round: int
    outcome: Literal["added", "changed", "unchanged"]
    state: str
    kept_decision: str | None = Field(
        default=None, description="the person's decision in this round, kept when a comment came without one")


class CommentIn(BaseModel):
    body: str = Field(min_length=1, max_length=20_000)


class ArticleChangeOut(BaseModel):
    kind: str
    old: str | None
    new: str | None
    renumbered: bool
    similarity: float
    segments: list[tuple[str, str]] = Field(description="(op, text): equal, insert or delete")


class ComparisonOut(BaseModel):
    old: int
    new: int
    counts: dict[str, int]
    articles: list[ArticleChangeOut]
    gaps_closed: list[str]
    gaps_opened: list[str]
    taken_up: list[str]


# --- converters ------------------------------------------------------------------------------------------------


def _project(project: Project) -> ProjectOut:
    current = service.open_round_of(project)
    return ProjectOut(id=project.id, name=project.name, drafts=len(project.drafts), rounds=len(project.rounds),
                      recommendations=len(project.recommendations),
                      open_round=current.number if current else None, created_at=project.created_at)


def _round(session: Any, consultation: Round) -> RoundOut:
    return RoundOut(number=consultation.number, draft_version=consultation.draft_version,
                    open=consultation.is_open, opened_at=consultation.opened_at, closed_at=consultation.closed_at,
                    answered=service.answers_given(session, consultation),
                    answers=service.answers_count(session, consultation))


def _recommendation(rec: Recommendation) -> RecommendationOut:
    data = service.current_data(rec)
    return RecommendationOut(key=rec.key, state=rec.state, version=rec.latest.version, priority=data.priority,
                             areas=list(data.areas), target=data.amendment.target, issue=data.issue,
                             issue_ru=data.ru.issue,
                             stale_texts=[StaleTextOut(field=s.field, lang=s.lang, since=s.since)
                                          for s in stale_texts(rec)])


def _detail(session: Any, project: Project, rec: Recommendation) -> RecommendationDetail:
    classes = proposals(rec)
    answers = [AnswerOut(round=r.number, person=f.person, decision=f.decision, comment=f.comment,
                         version=f.recommendation_version, created_at=f.created_at,
                         decides=decides(rec, f.recommendation_version, classes))
               for r in project.rounds for f in current_feedback(session, r, rec).values()]
    return RecommendationDetail(
        **_recommendation(rec).model_dump(),
        versions=[VersionOut(version=v.version, author=v.author, reason=v.reason, round_number=v.round_number,
                             created_at=v.created_at, confirmed_field=v.confirmed_field,
                             confirmed_lang=v.confirmed_lang, data=v.data) for v in rec.versions],
        answers=answers,
        comments=[CommentOut(id=c.id, author=c.author, role=c.author_role, body=c.body,
                             round_number=c.round_number, created_at=c.created_at)
                  for c in service.comments(session, rec)])


# --- routes ----------------------------------------------------------------------------------------------------


@router.get("/me")
def me(request: Request, account: Reader) -> Me:
    """The signed-in user and the CSRF token to send with writes."""
    return Me(username=account.username, display_name=account.display_name, role=account.role,  # type: ignore[arg-type]
              csrf_token=csrf_token(request))


@router.get("/projects")
def list_projects(request: Request, account: Reader) -> list[ProjectOut]:
    with store_of(request).session() as session:
        return [_project(p) for p in service.projects(session)]


@router.post("/projects", status_code=201)
def create_project(request: Request, account: Annotated[Account, Depends(allowed("upload"))],
                   name: Annotated[str, Form(min_length=1, max_length=200)],
                   file: Annotated[UploadFile, File(description="The first draft version")]) -> ProjectOut:
    """Start a project from a draft file: parsed, reviewed and stored (reviewers)."""
    with store_of(request).session() as session:
        return _project(service.create_project(session, account, name, file))


@router.get("/projects/{project_id}")
def get_project(request: Request, account: Reader, project_id: ProjectId) -> ProjectDetail:
    from crlens.consult.project import project_status

    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        return ProjectDetail(
            **_project(project).model_dump(),
            draft_versions=[DraftOut(version=d.version, filename=d.filename, sha256=d.sha256, language=d.language,
                                     title=d.title, articles=d.articles, added_by=d.added_by,
                                     added_at=d.added_at) for d in project.drafts],
            round_list=[_round(session, r) for r in project.rounds],
            states=project_status(session, project).states)


@router.post("/projects/{project_id}/drafts", status_code=201)
def add_draft(request: Request, account: Annotated[Account, Depends(allowed("upload"))], project_id: ProjectId,
              file: Annotated[UploadFile, File(description="The new draft version")]) -> DraftAddedOut:
    """Add a draft version: reviewed, aligned with the previous one, recommendations carried over
    (reviewers)."""
    with store_of(request).session() as session:
        added = service.add_version(session, account, service.get_project(session, project_id), file)
        return DraftAddedOut(version=added.version, articles=added.articles,
                             recommendations_new=added.recommendations_new,
                             recommendations_updated=added.recommendations_updated,
                             recommendations_taken_up=added.recommendations_taken_up,
                             gaps_closed=added.gaps_closed, gaps_opened=added.gaps_opened,
                             decisions_reopened=[ReopenedOut(key=r.key, state=r.state, old_target=r.old_target,
                                                             new_target=r.new_target)
                                                 for r in added.decisions_reopened])


@router.get("/projects/{project_id}/drafts/{version}/review",
            response_description="review.json of that draft version (shared/spec/review-json.md)")
def draft_review(request: Request, account: Reader, project_id: ProjectId, version: Number) -> JSONResponse:
    with store_of(request).session() as session:
        draft = service.get_draft(service.get_project(session, project_id), version)
        return JSONResponse(service.draft_review(draft).model_dump(mode="json"))


@router.get("/projects/{project_id}/recommendations")
def list_recommendations(request: Request, account: Reader, project_id: ProjectId,
                         state: Annotated[State | None, Query(description="an unknown state is refused (422), "
                                                                      "naming the states")] = None,
                         area: Annotated[AreaChoice | None, Query(description="an unknown area is refused (422), "
                                                                            "naming the areas")] = None,
                         ) -> list[RecommendationOut]:
    """The project's recommendations (all states), optionally only one state or area."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        recs = [_recommendation(r) for r in project.recommendations if not state or r.state == state]
        return [r for r in recs if not area or area in r.areas]


@router.get("/projects/{project_id}/recommendations/{key}")
def get_recommendation(request: Request, account: Reader, project_id: ProjectId,
                       key: RecKey) -> RecommendationDetail:
    """A recommendation with all its versions, the current answers of each round and the discussion."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        return _detail(session, project, find_recommendation(project, key))


@router.post("/projects/{project_id}/recommendations/{key}/revisions", status_code=201)
def revise(request: Request, account: Annotated[Account, Depends(allowed("revise"))], project_id: ProjectId,
           key: RecKey, revision: RevisionIn) -> RevisionOut:
    """A new version with one field in one language changed, and why (reviewers)."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        version, changed = service.revise_recommendation(account, project, rec, revision.field, revision.lang,
                                                         revision.text, revision.reason)
        return RevisionOut(key=rec.key, version=version, changed=changed)


@router.post("/projects/{project_id}/recommendations/{key}/confirmations", status_code=201)
def confirm(request: Request, account: Annotated[Account, Depends(allowed("revise"))], project_id: ProjectId,
            key: RecKey, confirmation: ConfirmationIn) -> ConfirmationOut:
    """Say that a text left out of date by a revision of the other language (``stale_texts``) still matches it:
    a new version with the same text, recording who confirmed it and when (reviewers). The reason is written in
    the interface language (``?lang=``, the language cookie, Accept-Language; else English), as the page's
    button writes it. A text not out of date, an unknown field or a withdrawn recommendation is a 400."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        version = service.confirm_text(account, project, rec, confirmation.field, confirmation.lang,
                                       request_lang(request), confirmation.reason)
        return ConfirmationOut(key=rec.key, version=version, field=confirmation.field, lang=confirmation.lang,
                               reason=rec.latest.reason)


@router.post("/projects/{project_id}/recommendations/{key}/withdraw")
def withdraw(request: Request, account: Annotated[Account, Depends(allowed("revise"))], project_id: ProjectId,
             key: RecKey, body: WithdrawIn) -> RecommendationOut:
    """Take a recommendation off the table, with the reason (reviewers)."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        service.withdraw_recommendation(account, project, rec, body.reason)
        return _recommendation(rec)


@router.post("/projects/{project_id}/recommendations/{key}/decisions", status_code=201)
def decide(request: Request, account: Annotated[Account, Depends(allowed("decide"))], project_id: ProjectId,
           key: RecKey, answer: DecisionIn) -> DecisionOut:
    """A decision and comment in the open round (ministry staff)."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        recorded = service.decide(session, account, project, rec, answer.decision, answer.comment)
        current = service.open_round_of(project)
        return DecisionOut(key=rec.key, round=current.number if current else 0, outcome=recorded.outcome,  # type: ignore[arg-type]
                           state=rec.state, kept_decision=recorded.kept_decision)


@router.get("/projects/{project_id}/recommendations/{key}/comments")
def list_comments(request: Request, account: Reader, project_id: ProjectId, key: RecKey) -> list[CommentOut]:
    with store_of(request).session() as session:
        rec = find_recommendation(service.get_project(session, project_id), key)
        return [CommentOut(id=c.id, author=c.author, role=c.author_role, body=c.body, round_number=c.round_number,
                           created_at=c.created_at) for c in service.comments(session, rec)]


@router.post("/projects/{project_id}/recommendations/{key}/comments", status_code=201)
def add_comment(request: Request, account: Annotated[Account, Depends(allowed("comment"))],
                project_id: ProjectId, key: RecKey, comment: CommentIn) -> CommentOut:
    """A message in the discussion (reviewers; ministry staff while a round is open)."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        made = service.add_comment(session, account, project, find_recommendation(project, key),
                                   comment.body)
        return CommentOut(id=made.id, author=made.author, role=made.author_role, body=made.body,
                          round_number=made.round_number, created_at=made.created_at)


@router.get("/projects/{project_id}/rounds")
def list_rounds(request: Request, account: Reader, project_id: ProjectId) -> list[RoundOut]:
    with store_of(request).session() as session:
        return [_round(session, r) for r in service.get_project(session, project_id).rounds]


@router.post("/projects/{project_id}/rounds", status_code=201)
def open_next(request: Request, account: Annotated[Account, Depends(allowed("rounds"))],
              project_id: ProjectId) -> RoundOut:
    """Open the next round on the newest draft; the open one, if any, is closed (reviewers)."""
    with store_of(request).session() as session:
        return _round(session, service.open_next_round(session, account, service.get_project(session, project_id)))


@router.post("/projects/{project_id}/rounds/{number}/close")
def close_round(request: Request, account: Annotated[Account, Depends(allowed("rounds"))],
                project_id: ProjectId, number: Number) -> RoundOut:
    with store_of(request).session() as session:
        return _round(session, service.close(account, service.get_project(session, project_id), number))


@router.get("/projects/{project_id}/comparison")
def comparison(request: Request, account: Reader, project_id: ProjectId,
               old: Annotated[int, Query(ge=1, le=100_000)], new: Annotated[int, Query(ge=1, le=100_000)],
               ) -> ComparisonOut:
    """Two draft versions compared article by article, with the gaps closed and opened."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        compared, changes = service.comparison_of(project, old, new)
        return ComparisonOut(
            old=old, new=new, counts=dict(compared.counts().items()),
            articles=[ArticleChangeOut(kind=c.kind, old=c.old, new=c.new, renumbered=c.renumbered,
                                       similarity=c.similarity, segments=[(s.op, s.text) for s in c.segments])
                      for c in compared.articles],
            gaps_closed=[c.criterion for c in changes.closed], gaps_opened=[c.criterion for c in changes.opened],
            taken_up=[t.recommendation for t in changes.taken_up])

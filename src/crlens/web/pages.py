"""The pages of the workspace: sign-in, projects, draft viewer, gap table, recommendation, rounds, downloads and
comparison. Forms post back to these routes; with HTMX a form or filter gets only the part of the page it
changes, without it the browser is redirected to the whole page (so everything also works without scripts).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import RedirectResponse, Response

from crlens.consult.project import find_recommendation, provision_naming
from crlens.consult.reasons import reason_of
from crlens.consult.revisions import FIELDS, get_text, stale_texts
from crlens.consult.rounds import DECISIONS, current_feedback
from crlens.consult.state import earlier_text, proposals
from crlens.consult.states import STATES
from crlens.errors import UserError
from crlens.knowledge.models import AREA_IDS, PRIORITY_RANK
from crlens.report.amendments import supplement_place
from crlens.web import service
from crlens.web.auth import Account, authenticate, sign_in, sign_out
from crlens.web.deps import allowed, signed_in, store_of
from crlens.web.i18n import Translator, request_lang
from crlens.web.render import flash, is_htmx, render

STATIC = Path(__file__).parent / "static"

router = APIRouter(include_in_schema=False)

ProjectId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
RecKey = Annotated[str, PathParam(max_length=20)]
Reader = Annotated[Account, Depends(signed_in)]


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _safe_next(target: str | None) -> str:
    # Only paths on this site: "//host" or "https://..." would send a person elsewhere after signing in.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# --- signing in ------------------------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    """The sign-in form (signed-in users go straight on)."""
    if request.session.get("user"):
        return _see_other(_safe_next(next))
    return render(request, "login.html.j2", next_url=_safe_next(next), error=None, username="")


@router.post("/login")
def login(request: Request, username: Annotated[str, Form(max_length=100)] = "",
          password: Annotated[str, Form(max_length=1000)] = "",
          next: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    """Check the name and password (rate-limited per address and user name) and start a session."""
    limiter = request.app.state.limiter
    address = _client(request)
    limiter.check(address, username)
    with store_of(request).session() as session:
        account = authenticate(session, username, password)
    if account is None:
        limiter.failed(address, username)
        message = Translator(request_lang(request))("bad_login")
        return render(request, "login.html.j2", status=401, next_url=_safe_next(next), error=message,
                      username=username)
    limiter.succeeded(address, username)
    sign_in(request, account)
    return _see_other(_safe_next(next))


@router.post("/logout")
def logout(request: Request) -> Response:
    sign_out(request)
    return _see_other("/login")


# --- projects --------------------------------------------------------------------------------------------------


@router.get("/")
def home(request: Request, account: Reader) -> Response:
    """The projects (the sign-in page for anyone not signed in)."""
    with store_of(request).session() as session:
        rows = [(p, service.open_round_of(p)) for p in service.projects(session)]
        return render(request, "projects.html.j2", projects=rows)


@router.post("/projects")
def create_project(request: Request, account: Annotated[Account, Depends(allowed("upload"))],
                   file: Annotated[UploadFile, File()],
                   name: Annotated[str, Form(max_length=1000)] = "") -> Response:
    """Start a project from an uploaded draft: parsed, reviewed and stored (reviewers)."""
    with store_of(request).session() as session:
        project = service.create_project(session, account, name, file)
        target, count = f"/projects/{project.id}", len(project.recommendations)
    t = Translator(request_lang(request))
    flash(request, f"{t('reviewed')}: {name.strip()} ({count} {t('recommendations').lower()})")
    return _see_other(target)


@router.get("/projects/{project_id}")
def project_page(request: Request, account: Reader, project_id: ProjectId) -> Response:
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        from crlens.consult.project import project_status

        return render(request, "project.html.j2", project=project, summary=project_status(session, project),
                      open_round=service.open_round_of(project), section="overview")


@router.post("/projects/{project_id}/drafts")
def add_draft(request: Request, account: Annotated[Account, Depends(allowed("upload"))], project_id: ProjectId,
              file: Annotated[UploadFile, File()]) -> Response:
    """Add a new draft version: reviewed, aligned with the previous one, recommendations carried over."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        added = service.add_version(session, account, project, file)
    t = Translator(request_lang(request))
    message = t("version_added", v=added.version, new=len(added.recommendations_new),
                updated=len(added.recommendations_updated), taken=len(added.recommendations_taken_up))
    if added.decisions_reopened:
        keys = ", ".join(f"{r.key} ({t.state(r.state)}: {r.old_target} → {r.new_target})"
                         for r in added.decisions_reopened)
        message += " " + t("decisions_reopened", n=len(added.decisions_reopened), keys=keys)
    flash(request, message)
    return _see_other(f"/projects/{project_id}")


# --- draft viewer and gap table --------------------------------------------------------------------------------


RELEVANCES = ("direct", "indirect", "none")


def _filter(name: str, value: str | None, allowed: Iterable[str]) -> str | None:
    """A filter's value; None when none is given or it is blank (the filter's "all"). A value not among
    ``allowed`` is refused (400) naming them, as the API refuses it: showing everything instead would look as if
    the filter had been applied."""
    if value is None or not value.strip():
        return None
    choices = list(allowed)
    if value not in choices:
        raise UserError(name, f"{value!r} is not one of: {', '.join(choices)}")
    return value


@router.get("/projects/{project_id}/draft")
def draft_page(request: Request, account: Reader, project_id: ProjectId,
               version: Annotated[int | None, Query(ge=1, le=100_000)] = None,
               area: Annotated[str | None, Query(max_length=60)] = None,
               relevance: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    """The draft's articles with their areas, child relevance and evidence highlights; filter by area."""
    lang = request_lang(request)
    with store_of(request).session() as session:
        # what is asked for first: an unknown project or version is a 404 naming it, whatever the filters say
        project = service.get_project(session, project_id)
        draft = service.get_draft(project, version)
        area, relevance = _filter("area", area, AREA_IDS), _filter("relevance", relevance, RELEVANCES)
        review = service.draft_review(draft)
        articles = service.draft_articles(review, lang, area, relevance)
        total = len([p for p in review.provisions if p.kind in ("article", "preamble")])
        context = dict(project=project, draft=draft, articles=articles, total=total, area=area,
                       relevance=relevance, areas=[(a, service.area_title(a, lang)) for a in AREA_IDS],
                       area_title=service.area_title, section="draft")
        if is_htmx(request) and request.headers.get("hx-target") == "articles":
            return render(request, "_articles.html.j2", **context)
        return render(request, "draft.html.j2", **context)


@router.get("/projects/{project_id}/gaps")
def gaps_page(request: Request, account: Reader, project_id: ProjectId,
              area: Annotated[str | None, Query(max_length=60)] = None,
              priority: Annotated[str | None, Query(max_length=20)] = None,
              state: Annotated[str | None, Query(max_length=40)] = None,
              q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """The gap table: the recommendations grouped by area, with filters (an unknown area, priority or state is
    refused, naming the ones there are)."""
    lang = request_lang(request)
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)  # first, as on the draft page
        area, priority = _filter("area", area, AREA_IDS), _filter("priority", priority, PRIORITY_RANK)
        state = _filter("state", state, STATES)
        sections, total = service.gap_sections(project, lang, area, priority, state, q)
        context = dict(project=project, sections=sections, total=total, area=area, priority=priority,
                       state=state, q=q or "", shown=sum(len(s.rows) for s in sections),
                       areas=[(a, service.area_title(a, lang)) for a in AREA_IDS], states=list(STATES),
                       section="gaps")
        if is_htmx(request) and request.headers.get("hx-target") == "gap-rows":
            return render(request, "_gap_rows.html.j2", **context)
        return render(request, "gaps.html.j2", **context)


# --- a recommendation ------------------------------------------------------------------------------------------


def _rec_context(session, project, rec, lang: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from crlens.consult.compare import word_diff
    from crlens.consult.log import changes_of

    data = service.current_data(rec)
    changes = [(change, [(fc, word_diff(fc.old, fc.new)) for fc in change.fields])
               for change in reversed(changes_of(list(rec.versions)))]
    rounds = [(r, sorted(current_feedback(session, r, rec).values(), key=lambda f: f.person))
              for r in project.rounds]
    classes = proposals(rec)
    earlier = {f.id: note for _r, answers in rounds for f in answers
               if (note := earlier_text(rec, f.recommendation_version, classes)) is not None}
    # the decision form opens on the answer each person gave in the open round, when it is on this proposal
    open_round = service.open_round_of(project)
    current = {f.person: f for r, answers in rounds if open_round is not None and r.id == open_round.id
               for f in answers if f.id not in earlier}
    # named as the gap table and the forms name it, "Article 6 (supplement with paragraphs 5–8)", not "art:6"
    place = supplement_place(data, lang, [], naming=provision_naming(project))
    return dict(project=project, rec=rec, data=data, place=place, changes=changes, first=rec.versions[0],
                first_reason=reason_of(rec.versions[0]),
                sources=service.cited_sources(project, data, lang),
                rounds=rounds, earlier=earlier, current_answers=current,
                comments=service.comments(session, rec), open_round=open_round,
                decisions=DECISIONS, fields=FIELDS, current=get_text(data, "proposed", lang),
                stale=stale_texts(rec), area_title=service.area_title, section="gaps")


@router.get("/projects/{project_id}/recommendations/{key}")
def recommendation_page(request: Request, account: Reader, project_id: ProjectId, key: RecKey) -> Response:
    """A recommendation: its text, its versions with their differences, the decisions per round and the
    discussion."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        return render(request, "recommendation.html.j2", **_rec_context(session, project, rec,
                                                                        request_lang(request)))


@router.get("/projects/{project_id}/recommendations/{key}/text")
def recommendation_text(request: Request, account: Annotated[Account, Depends(allowed("revise"))],
                        project_id: ProjectId, key: RecKey,
                        field: Annotated[str, Query(max_length=20)] = "proposed",
                        lang: Annotated[str, Query(alias="text_lang", max_length=2)] = "en") -> Response:
    """The current text of one field in one language (the revise form loads it when the field changes)."""
    with store_of(request).session() as session:
        rec = find_recommendation(service.get_project(session, project_id), key)
        text = get_text(service.current_data(rec), field if field in FIELDS else "proposed",
                        lang if lang in ("en", "ru") else "en")
    return render(request, "_revise_text.html.j2", current=text)


def _back_to(request: Request, project_id: int, key: str, fragment: str, anchor: str) -> Response:
    """After a recommendation form: the changed part of the page for HTMX, else the page itself."""
    if not is_htmx(request):
        return _see_other(f"/projects/{project_id}/recommendations/{quote(key)}#{anchor}")
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        context = _rec_context(session, project, rec, request_lang(request))
        # A decision can change the recommendation's state, shown at the top of the page: sent along, out of band.
        return render(request, fragment, oob=True, **context)


@router.post("/projects/{project_id}/recommendations/{key}/revise")
def revise(request: Request, account: Annotated[Account, Depends(allowed("revise"))], project_id: ProjectId,
           key: RecKey, field: Annotated[str, Form(max_length=20)],
           text_lang: Annotated[str, Form(max_length=2)], text: Annotated[str, Form(max_length=50_000)],
           reason: Annotated[str, Form(max_length=5000)]) -> Response:
    """A new version of the recommendation with one field changed (reviewers)."""
    t = Translator(request_lang(request))
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rec = find_recommendation(project, key)
        version, changed = service.revise_recommendation(account, project, rec, field, text_lang, text, reason)
    flash(request, f"{t('saved')} {t('version')} {version}." if changed else t("unchanged"))
    return _see_other(f"/projects/{project_id}/recommendations/{quote(key)}")


@router.post("/projects/{project_id}/recommendations/{key}/confirm")
def confirm(request: Request, account: Annotated[Account, Depends(allowed("revise"))], project_id: ProjectId,
            key: RecKey, field: Annotated[str, Form(max_length=20)],
            text_lang: Annotated[str, Form(max_length=2)]) -> Response:
    """Record that a text out of date in one language still matches the other's (reviewers)."""
    lang = request_lang(request)
    t = Translator(lang)
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        version = service.confirm_text(account, project, find_recommendation(project, key), field, text_lang, lang)
    flash(request, f"{t('saved')} {t('version')} {version}.")
    return _see_other(f"/projects/{project_id}/recommendations/{quote(key)}")


@router.post("/projects/{project_id}/recommendations/{key}/withdraw")
def withdraw(request: Request, account: Annotated[Account, Depends(allowed("revise"))], project_id: ProjectId,
             key: RecKey, reason: Annotated[str, Form(max_length=5000)]) -> Response:
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        service.withdraw_recommendation(account, project, find_recommendation(project, key), reason)
    flash(request, Translator(request_lang(request))("saved"))
    return _see_other(f"/projects/{project_id}/recommendations/{quote(key)}")


@router.post("/projects/{project_id}/recommendations/{key}/decision")
def decide(request: Request, account: Annotated[Account, Depends(allowed("decide"))], project_id: ProjectId,
           key: RecKey, decision: Annotated[str, Form(max_length=40)] = "",
           comment: Annotated[str, Form(max_length=50_000)] = "") -> Response:
    """A ministry decision and comment on the recommendation in the open round."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        service.decide(session, account, project, find_recommendation(project, key), decision, comment)
    return _back_to(request, project_id, key, "_decisions.html.j2", "decisions")


@router.post("/projects/{project_id}/recommendations/{key}/comments")
def comment(request: Request, account: Annotated[Account, Depends(allowed("comment"))], project_id: ProjectId,
            key: RecKey, body: Annotated[str, Form(max_length=50_000)] = "") -> Response:
    """A message in the recommendation's discussion."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        service.add_comment(session, account, project, find_recommendation(project, key), body)
    return _back_to(request, project_id, key, "_thread.html.j2", "thread")


# --- rounds ----------------------------------------------------------------------------------------------------


@router.get("/projects/{project_id}/rounds")
def rounds_page(request: Request, account: Reader, project_id: ProjectId) -> Response:
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        rows = [(r, service.participants(session, r), service.answers_given(session, r),
                 service.answers_count(session, r)) for r in project.rounds]
        return render(request, "rounds.html.j2", project=project, rounds=rows,
                      open_round=service.open_round_of(project), section="rounds")


@router.post("/projects/{project_id}/rounds")
def open_next(request: Request, account: Annotated[Account, Depends(allowed("rounds"))],
              project_id: ProjectId) -> Response:
    """Open the next consultation round (reviewers)."""
    with store_of(request).session() as session:
        service.open_next_round(session, account, service.get_project(session, project_id))
    return _see_other(f"/projects/{project_id}/rounds")


@router.post("/projects/{project_id}/rounds/{number}/close")
def close_round(request: Request, account: Annotated[Account, Depends(allowed("rounds"))], project_id: ProjectId,
                number: Annotated[int, PathParam(ge=1, le=100_000)]) -> Response:
    with store_of(request).session() as session:
        service.close(account, service.get_project(session, project_id), number)
    return _see_other(f"/projects/{project_id}/rounds")


# --- downloads and comparison ----------------------------------------------------------------------------------


@router.get("/projects/{project_id}/downloads")
def downloads_page(request: Request, account: Reader, project_id: ProjectId) -> Response:
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        return render(request, "downloads.html.j2", project=project, files=service.download_names(project),
                      no_redline=service.no_redline(project) is not None,
                      left_out=service.redline_left_out(session, project), section="downloads")


@router.get("/projects/{project_id}/downloads/{filename}")
def download(request: Request, account: Reader, project_id: ProjectId,
             filename: Annotated[str, PathParam(max_length=60)]) -> Response:
    """One deliverable, made now from the project as it stands."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        made = service.make_download(session, project, filename)
        name = project.name
    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in name).strip("-")
    saved_as = f"{ascii_name or 'project'}-{made.filename}"
    disposition = f"attachment; filename=\"{saved_as}\"; filename*=UTF-8''{quote(name + '-' + made.filename)}"
    return Response(made.content, media_type=made.media_type, headers={"Content-Disposition": disposition})


@router.get("/projects/{project_id}/compare")
def compare_page(request: Request, account: Reader, project_id: ProjectId,
                 old: Annotated[int | None, Query(ge=1, le=100_000)] = None,
                 new: Annotated[int | None, Query(ge=1, le=100_000)] = None) -> Response:
    """Two draft versions side by side: article changes with word differences, and gaps closed or opened."""
    with store_of(request).session() as session:
        project = service.get_project(session, project_id)
        comparison = changes = None
        if len(project.drafts) >= 2:
            new = new or project.drafts[-1].version
            old = old or max(1, new - 1)
            comparison, changes = service.comparison_of(project, old, new)
        from crlens.report.comparison import COUNT_NAMES, article_heading

        return render(request, "compare.html.j2", project=project, comparison=comparison, changes=changes,
                      old=old, new=new, area_title=service.area_title, count_names=COUNT_NAMES,
                      heading=article_heading, section="compare")

"""Who may change what, checked on the server for every write route of the pages and of the API, for every role
(and for anonymous visitors), with well-formed requests: a crafted request is refused just like a click."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from conftest import _need_pg, _pg_create, _pg_drop
from consulting import draft_version_2
from crlens.consult.project import find_project
from crlens.consult.revisions import Revision, revise
from crlens.consult.rounds import open_round
from crlens.store.models import Comment, Draft, Feedback, Project, RecommendationVersion, Round
from webclient import ROLES, Person, workspace

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
REC = "/projects/1/recommendations/rec-001"
API_REC = "/api/projects/1/recommendations/rec-001"


def _sample_en() -> dict[str, Any]:
    return {"file": ("draft-digital-code.en.txt", (EXAMPLES / "draft-digital-code.en.txt").read_bytes())}


def _version_2(folder: Path) -> dict[str, Any]:
    path = draft_version_2(EXAMPLES / "draft-digital-code.ru.txt", folder / "draft-v2.ru.txt")
    return {"file": (path.name, path.read_bytes())}


@dataclass(frozen=True)
class Write:
    """A write route: how to call it, who may, and what success looks like."""

    name: str
    method: str
    path: str
    kind: str  # "form" (a page's form), "json" or "multipart" (API), "get" (a reviewer-only fragment)
    allowed: frozenset[str]
    success: int
    data: Callable[[Path], dict[str, Any]] = lambda _folder: {}
    files: Callable[[Path], dict[str, Any]] | None = None
    prepare: Callable[[Any], None] = lambda _app: None
    """What the project needs before the route can do its work (refused requests never get that far)."""

    @property
    def api(self) -> bool:
        return self.path.startswith("/api/")


def _revise_english(app: Any) -> None:
    """rec-001's English proposed text revised, so its Russian one is out of date."""
    with app.state.store.session() as session:
        revise(find_project(session, "kz"), Revision(id="rec-001", text="A new proposed text.", reason="typo"),
               "Rita Reviewer")


REVIEWER = frozenset({"reviewer"})
MINISTRY = frozenset({"ministry"})
DISCUSS = frozenset({"reviewer", "ministry"})

WRITES = [
    # pages (HTML forms; success redirects to the changed page)
    Write("page: new project", "POST", "/projects", "form", REVIEWER, 303,
          lambda _: {"name": "second"}, lambda _: _sample_en()),
    Write("page: add draft version", "POST", "/projects/1/drafts", "form", REVIEWER, 303, files=_version_2),
    Write("page: open round", "POST", "/projects/1/rounds", "form", REVIEWER, 303),
    Write("page: close round", "POST", "/projects/1/rounds/1/close", "form", REVIEWER, 303),
    Write("page: revise", "POST", f"{REC}/revise", "form", REVIEWER, 303,
          lambda _: {"field": "proposed", "text_lang": "en", "text": "A new proposed text.",
                     "reason": "ministry asked"}),
    Write("page: confirm", "POST", f"{REC}/confirm", "form", REVIEWER, 303,
          lambda _: {"field": "proposed", "text_lang": "ru"}, prepare=lambda app: _revise_english(app)),
    Write("page: withdraw", "POST", f"{REC}/withdraw", "form", REVIEWER, 303, lambda _: {"reason": "overlap"}),
    Write("page: decide", "POST", f"{REC}/decision", "form", MINISTRY, 303,
          lambda _: {"decision": "accept", "comment": "Agreed."}),
    Write("page: comment", "POST", f"{REC}/comments", "form", DISCUSS, 303, lambda _: {"body": "See article 5."}),
    Write("page: revise form text", "GET", f"{REC}/text?field=issue&text_lang=ru", "get", REVIEWER, 200),
    # JSON API
    Write("api: new project", "POST", "/api/projects", "multipart", REVIEWER, 201,
          lambda _: {"name": "second"}, lambda _: _sample_en()),
    Write("api: add draft version", "POST", "/api/projects/1/drafts", "multipart", REVIEWER, 201,
          files=_version_2),
    Write("api: open round", "POST", "/api/projects/1/rounds", "json", REVIEWER, 201),
    Write("api: close round", "POST", "/api/projects/1/rounds/1/close", "json", REVIEWER, 200),
    Write("api: revise", "POST", f"{API_REC}/revisions", "json", REVIEWER, 201,
          lambda _: {"field": "proposed", "lang": "en", "text": "A new proposed text.", "reason": "ministry"}),
    Write("api: confirm", "POST", f"{API_REC}/confirmations", "json", REVIEWER, 201,
          lambda _: {"field": "proposed", "lang": "ru"}, prepare=lambda app: _revise_english(app)),
    Write("api: withdraw", "POST", f"{API_REC}/withdraw", "json", REVIEWER, 200, lambda _: {"reason": "overlap"}),
    Write("api: decide", "POST", f"{API_REC}/decisions", "json", MINISTRY, 201,
          lambda _: {"decision": "accept", "comment": "Agreed."}),
    Write("api: comment", "POST", f"{API_REC}/comments", "json", DISCUSS, 201,
          lambda _: {"body": "See article 5."}),
]


def _call(person: Person, write: Write, folder: Path) -> Any:
    data, files = write.data(folder), write.files(folder) if write.files else None
    if write.kind == "get":
        return person.get(write.path)
    if write.kind == "form":
        return person.form(write.path, data, files)
    if write.kind == "multipart":
        return person.api("POST", write.path, data=data, files=files)
    return person.api("POST", write.path, json=data)


def _footprint(app: Any) -> tuple[int, ...]:
    """Everything a write route could add or change, counted."""
    with app.state.store.session() as session:
        count = lambda model: session.scalar(select(func.count()).select_from(model))  # noqa: E731
        project = find_project(session, "kz")
        return (count(Project), count(Draft), count(Round), count(RecommendationVersion), count(Feedback),
                count(Comment), sum(r.is_open for r in project.rounds),
                sum(r.state == "withdrawn" for r in project.recommendations))


def _open_round_1(app: Any) -> Any:
    with app.state.store.session() as session:
        open_round(session, find_project(session, "kz"), 1)
    return app


@pytest.fixture
def consultation(project_db: str) -> Any:
    """A fresh workspace on project 'kz' with round 1 open, so ministry staff can answer."""
    return _open_round_1(workspace(project_db))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           sample_ru: Path) -> Iterator[tuple[Any, dict[str, Person]]]:
    """One workspace (project 'kz', round 1 open) and one signed-in person per role, shared by the refusal
    tests: a refused request changes nothing (each test checks), so they need no fresh database."""
    from crlens.consult.project import init_project
    from crlens.store.database import Store

    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('authz') / 'crlens.db'}"
    else:
        _need_pg()
        name = f"crlens_authz_{uuid.uuid4().hex[:8]}"
        url = _pg_create(name)
    store = Store(url)
    with store.session() as session:
        init_project(session, "kz", sample_ru, "reviewer")
    store.dispose()
    app = _open_round_1(workspace(url))
    try:
        yield app, {role: Person(app, role) for role in ROLES}
    finally:
        app.state.store.dispose()
        if name:
            _pg_drop(name)


REFUSALS = [(w, role) for w in WRITES for role in ROLES if role not in w.allowed]
ALLOWED = [(w, role) for w in WRITES for role in sorted(w.allowed)]


@pytest.mark.parametrize(("write", "role"), REFUSALS, ids=[f"{w.name}-{r}" for w, r in REFUSALS])
def test_a_write_route_refuses_other_roles_and_changes_nothing(shared: tuple[Any, dict[str, Person]],
                                                               write: Write, role: str, tmp_path: Path) -> None:
    app, people = shared
    before = _footprint(app)
    response = _call(people[role], write, tmp_path)
    if role == "anonymous" and write.api:
        assert response.status_code == 401
    elif role == "anonymous":
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login")
    else:
        assert response.status_code == 403, response.text[:500]
    assert _footprint(app) == before, "a refused request changed the database"


@pytest.mark.parametrize(("write", "role"), ALLOWED, ids=[f"{w.name}-{r}" for w, r in ALLOWED])
def test_a_write_route_does_its_work_for_its_roles(consultation: Any, write: Write, role: str,
                                                   tmp_path: Path) -> None:
    write.prepare(consultation)
    before = _footprint(consultation)
    response = _call(Person(consultation, role), write, tmp_path)
    assert response.status_code == write.success, response.text[:500]
    if write.kind != "get":
        assert _footprint(consultation) != before, "the request succeeded but changed nothing"

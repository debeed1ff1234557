"""The web workspace: ``create_app`` builds the FastAPI application (pages, JSON API, static files) on one
project database.

Every error a person can cause ends as a clear page or JSON message with its status (400 bad input, 401 not
signed in, 403 wrong role or missing CSRF token, 404 unknown, 413 too large, 422 invalid form, 429 too many
sign-in attempts), never as a traceback.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from crlens import __version__
from crlens.consult.project import NotFoundError
from crlens.errors import UserError
from crlens.ingest.reader import MAX_FILE_BYTES
from crlens.store.database import Store
from crlens.web import api, pages
from crlens.web.auth import Forbidden, LoginLimiter, NotSignedIn, TooManyAttempts, check_csrf
from crlens.web.i18n import COOKIE, LANGS, Translator, request_lang
from crlens.web.render import is_htmx, render
from crlens.web.service import NotFound

log = logging.getLogger("crlens.web")

SESSION_COOKIE = "crlens_session"
SESSION_HOURS = 12
MAX_BODY = MAX_FILE_BYTES + 1024 * 1024
"""A request body larger than the biggest draft we accept (plus room for the form's other fields) is refused
before it is read."""
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SECURITY_HEADERS = {
    # No inline scripts or styles anywhere, so a script smuggled into a draft could not run even if it escaped.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


async def guard_writes(request: Request) -> None:
    """Every request that changes something needs a signed-in user (except signing in) and the session's CSRF
    token. Runs before any route's own checks, so anonymous API writes get 401 and token-less ones 403."""
    if request.method in SAFE_METHODS:
        return
    if request.url.path != "/login" and not request.session.get("user"):
        raise NotSignedIn()
    await check_csrf(request)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, title_key: str = "error",
           headers: dict[str, str] | None = None) -> Response:
    """The same error as JSON for the API and as a page (or an HTMX fragment put in the page's message area)
    for people."""
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    if is_htmx(request):
        headers = {**(headers or {}), "HX-Retarget": "#flash", "HX-Reswap": "innerHTML"}
        return render(request, "_error.html.j2", status=status, headers=headers, message=message)
    return render(request, "error.html.j2", status=status, headers=headers, title_key=title_key, message=message)


def create_app(db_url: str | None = None, secret: str | None = None,
               limiter: LoginLimiter | None = None) -> FastAPI:
    """The workspace on the database at ``db_url`` (default ``$CRLENS_DB`` or ./crlens.db, migrated on open).

    ``secret`` signs the session cookies (default ``$CRLENS_SECRET``, else a random one, so sessions end when the
    server restarts)."""
    store = Store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.dispose()

    app = FastAPI(lifespan=lifespan, title="crlens workspace API", version=__version__,
                  description="Review projects, recommendations and consultation rounds. Sign in at /login; "
                              "the API uses the same session cookie, and writes need the X-CSRF-Token header "
                              "(GET /api/me returns it).",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
                  dependencies=[Depends(guard_writes)])
    app.state.store = store
    app.state.limiter = limiter or LoginLimiter()
    app.add_middleware(SessionMiddleware, secret_key=secret or os.environ.get("CRLENS_SECRET")
                       or secrets.token_urlsafe(32), session_cookie=SESSION_COOKIE,
                       max_age=SESSION_HOURS * 3600, same_site="strict", https_only=False)

    @app.middleware("http")
    async def limits_and_headers(request: Request,
                                 call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY:
            t = Translator(request_lang(request))
            message = f"the upload is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit"
            if _is_api(request):
                response: Response = JSONResponse({"detail": message}, status_code=413)
            else:
                response = Response(f"{t('error')}: {message}", status_code=413, media_type="text/plain")
        else:
            response = await call_next(request)
        asked = request.query_params.get("lang")
        if asked in LANGS:
            response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="lax")
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(NotSignedIn)
    async def not_signed_in(request: Request, _exc: NotSignedIn) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "sign in first (POST /login)"}, status_code=401)
        target = "/login"
        if request.method == "GET" and request.url.path not in ("/", "/login"):
            target += "?next=" + quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        if is_htmx(request):
            return Response(status_code=401, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return _error(request, 403, exc.message, "forbidden")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, exc.message, "not_found")

    @app.exception_handler(NotFoundError)
    async def not_found_in_project(request: Request, exc: NotFoundError) -> Response:
        return _error(request, 404, f"{exc.where}: {exc.problem}", "not_found")

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        return _error(request, 400, f"{exc.where}: {exc.problem}")

    @app.exception_handler(TooManyAttempts)
    async def too_many(request: Request, exc: TooManyAttempts) -> Response:
        headers = {"Retry-After": str(exc.retry_after)}
        if _is_api(request):
            return JSONResponse({"detail": "too many failed sign-ins"}, status_code=429, headers=headers)
        message = Translator(request_lang(request))("too_many", seconds=exc.retry_after)
        return render(request, "login.html.j2", status=429, headers=headers, error=message, next_url="/",
                      username="")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
                    for e in exc.errors()]
        if _is_api(request):
            return JSONResponse({"detail": "invalid request", "problems": problems}, status_code=422)
        t = Translator(request_lang(request))
        return _error(request, 422, f"{t('invalid_input')}: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = "not_found" if exc.status_code == 404 else "error"
        return _error(request, exc.status_code, str(exc.detail), title, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # A bug, not the user's doing: logged with its traceback, shown without one.
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(request, 500, "an unexpected error occurred; it has been logged")

    app.mount("/static", StaticFiles(directory=str(pages.STATIC)), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    return app


"""Server-rendered pages: the Jinja2 environment (autoescaping always on, so text from a draft or a comment is
shown as text, never run as markup) and the helpers every page uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from crlens import __version__
from crlens.web.auth import Account, csrf_token
from crlens.web.i18n import LANGS, Translator, request_lang

TEMPLATES = Path(__file__).parent / "templates"

_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)


def is_htmx(request: Request) -> bool:
    """Whether HTMX sent the request (it then wants a fragment of the page, not the whole page)."""
    return request.headers.get("hx-request") == "true"


def flash(request: Request, message: str) -> None:
    """A message shown once on the next page (e.g. after a form's redirect)."""
    request.session.setdefault("flash", []).append(message)


def render(request: Request, template: str, status: int = 200, headers: dict[str, str] | None = None,
           **context: Any) -> HTMLResponse:
    """A page (or fragment) rendered in the request's language with the signed-in account and CSRF token."""
    lang = request_lang(request)
    account: Account | None = getattr(request.state, "account", None)
    messages = request.session.pop("flash", []) if not template.startswith("_") else []
    html = _env.get_template(template).render(
        request=request, t=Translator(lang), lang=lang, langs=LANGS, user=account,
        csrf=csrf_token(request), messages=messages, version=__version__, **context)
    return HTMLResponse(html, status_code=status, headers=headers)


def with_lang(request: Request, lang: str) -> str:
    """The current URL with ``lang`` set (the language switch links)."""
    return str(request.url.include_query_params(lang=lang).path) + "?" + str(
        request.url.include_query_params(lang=lang).query)


_env.globals["with_lang"] = with_lang

"""Request dependencies shared by the pages and the API: the signed-in account and role checks."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Request

from crlens.store.database import Store
from crlens.web.auth import Account, NotSignedIn, load_account


def store_of(request: Request) -> Store:
    """The app's project database."""
    return request.app.state.store  # type: ignore[no-any-return]




def signed_in(request: Request) -> Account:
    """The signed-in account, read from the database on every request (so a disabled account or a changed role
    counts at once); ``NotSignedIn`` otherwise."""
    username = request.session.get("user")
    if not username:
        raise NotSignedIn()
    with store_of(request).session() as session:
        account = load_account(session, str(username))
    if account is None:
        request.session.clear()
        raise NotSignedIn()
    request.state.account = account
    return account


def allowed(action: str) -> Callable[[Request], Account]:
    """A dependency that lets only roles allowed to do ``action`` through (403 otherwise), checked before the
    request body is looked at."""

    def check(request: Request) -> Account:
        account = signed_in(request)
        account.require(action)
        return account

    check.__name__ = f"allowed_to_{action}"
    return check

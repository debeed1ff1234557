"""Accounts, roles, sign-in and the checks every request goes through.

Passwords are hashed with argon2id (argon2-cffi). A signed-in person is remembered in a signed session cookie
(Starlette's session middleware, itsdangerous) that holds their user name and a CSRF token; the account is read
from the database on every request, so a disabled account or a changed role takes effect at once. Every request
that changes something must carry the session's CSRF token, in the form field ``csrf_token`` or the header
``X-CSRF-Token``. Failed sign-ins are counted per address and user name, and too many within a window are
refused with 429 until it passes.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass
from threading import Lock

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.requests import Request

from crlens.errors import UserError
from crlens.plain_text import checked, checked_name
from crlens.store.models import User

ROLES = ("reviewer", "ministry", "viewer")
MIN_PASSWORD = 8

PERMISSIONS: dict[str, frozenset[str]] = {
    "upload": frozenset({"reviewer"}),       # start projects, add draft versions (each runs a review)
    "revise": frozenset({"reviewer"}),       # new versions of recommendations, withdrawals
    "rounds": frozenset({"reviewer"}),       # open and close consultation rounds
    "decide": frozenset({"ministry"}),       # a decision and comment per recommendation in an open round
    "comment": frozenset({"reviewer", "ministry"}),  # the discussion thread of a recommendation
}
"""What each role may change; everyone signed in may read."""

_hasher = PasswordHasher()


class NotSignedIn(Exception):
    """The request needs a signed-in user (pages redirect to /login, the API answers 401)."""


class Forbidden(Exception):
    """The signed-in user's role does not allow this (403)."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class CsrfError(Forbidden):
    """A write without the session's CSRF token (403)."""


class TooManyAttempts(Exception):
    """Sign-in refused for a while after repeated failures (429)."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"retry after {retry_after} s")


@dataclass(frozen=True)
class Account:
    """The signed-in person as a request sees them (a copy, usable after the database session ends)."""

    username: str
    display_name: str
    role: str

    def can(self, action: str) -> bool:
        """Whether the role allows ``action`` (a key of ``PERMISSIONS``)."""
        return self.role in PERMISSIONS[action]

    def require(self, action: str) -> None:
        """Raise ``Forbidden`` unless the role allows ``action``."""
        if not self.can(action):
            allowed = " or ".join(sorted(PERMISSIONS[action]))
            raise Forbidden(f"this needs the {allowed} role; {self.username} is a {self.role}")


# --- passwords and users ---------------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def check_password(password_hash: str, password: str) -> bool:
    """Whether the password matches the hash (never raises for a wrong or damaged hash)."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_user(session: Session, username: str, role: str, password: str, display_name: str | None = None) -> User:
    """Create an account; user names and display names must be unique (answers are recorded under the display
    name, so two people sharing one would have their answers merged)."""
    username = checked(username, "user name").strip()
    display_name = checked_name(display_name or username, "display name")
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise UserError("user name", "must be 1 to 100 characters without spaces")
    if role not in ROLES:
        raise UserError("--role", f"{role!r} is not a role; choose one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise UserError("password", f"must be at least {MIN_PASSWORD} characters")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise UserError(username, "a user with this name already exists")
    if session.scalar(select(User).where(User.display_name == display_name)) is not None:
        raise UserError(display_name, "another user already has this display name")
    user = User(username=username, display_name=display_name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> Account | None:
    """The account when the name and password match an active user, else None."""
    user = session.scalar(select(User).where(User.username == username.strip()))
    if user is None:
        # Spend the same time as a real check, so response times do not tell which user names exist.
        check_password(_DUMMY_HASH, password)
        return None
    if not user.active or not check_password(user.password_hash, password):
        return None
    return Account(user.username, user.display_name, user.role)


_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


def load_account(session: Session, username: str) -> Account | None:
    """The active account with this user name, or None."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        return None
    return Account(user.username, user.display_name, user.role)


# --- sessions and CSRF -----------------------------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use (also for anonymous visitors, for the sign-in form)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def sign_in(request: Request, account: Account) -> None:
    """Remember the account in the session; a fresh CSRF token so one seen before sign-in is worthless."""
    request.session.clear()
    request.session["user"] = account.username
    request.session["csrf"] = secrets.token_urlsafe(32)


def sign_out(request: Request) -> None:
    request.session.clear()


async def check_csrf(request: Request) -> None:
    """Refuse a write whose CSRF token (header ``X-CSRF-Token`` or form field ``csrf_token``) is not the
    session's."""
    expected = request.session.get("csrf")
    given = request.headers.get("x-csrf-token")
    if given is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else None
    if not expected or not given or not hmac.compare_digest(str(expected), given):
        raise CsrfError("the form or request is missing its security token (CSRF); reload the page and try again")


# --- sign-in rate limit ----------------------------------------------------------------------------------------


class LoginLimiter:
    """Counts failed sign-ins in memory: at most ``per_user`` per (address, user name) and ``per_address`` per
    address within ``window`` seconds; further attempts are refused until the oldest failure leaves the window.
    In memory is enough for a workspace served by one process on 127.0.0.1."""

    def __init__(self, per_user: int = 5, per_address: int = 20, window: float = 300.0) -> None:
        self.per_user = per_user
        self.per_address = per_address
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = Lock()

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    def check(self, address: str, username: str) -> None:
        """Raise ``TooManyAttempts`` when this address, or this address and user name, failed too often."""
        now = time.monotonic()
        with self._lock:
            for key, limit in (((address, username.lower()), self.per_user), ((address, ""), self.per_address)):
                times = self._recent(key, now)
                if len(times) >= limit:
                    raise TooManyAttempts(max(1, int(self.window - (now - times[0])) + 1))

    def failed(self, address: str, username: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._recent((address, username.lower()), now).append(now)
            self._recent((address, ""), now).append(now)

    def succeeded(self, address: str, username: str) -> None:
        with self._lock:
            self._failures.pop((address, username.lower()), None)

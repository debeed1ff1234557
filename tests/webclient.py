"""Helpers for the web workspace tests: accounts for each role and a client that signs in and posts forms the
way a browser does (reading the CSRF token the page gives it)."""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from fastapi import FastAPI

with warnings.catch_warnings():
    # Starlette suggests another HTTP client package for its test client; httpx is the one FastAPI documents.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from crlens.store.models import User
from crlens.web.app import create_app

PASSWORD = "correct horse battery staple"
USERS = {
    "reviewer": ("rita", "Rita Reviewer"),
    "ministry": ("marat", "Marat Ministry"),
    "viewer": ("vera", "Vera Viewer"),
}
ROLES = ("anonymous", "viewer", "ministry", "reviewer")
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@cache
def password_hash() -> str:
    """One argon2id hash for all test accounts, with light parameters: the workspace verifies a hash with the
    parameters written in it, and the default ones would cost a third of a second per sign-in in every test
    (``test_web_api`` checks that accounts made by ``add_user`` get the default, strong ones)."""
    return PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)


def workspace(db_url: str) -> FastAPI:
    """The real app on the given database, with one account per role."""
    app = create_app(db_url, secret="test-secret")
    with app.state.store.session() as session:
        for role, (username, name) in USERS.items():
            session.add(User(username=username, display_name=name, role=role, password_hash=password_hash()))
    return app


def token_in(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _TOKEN.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


class Person:
    """Someone using the workspace through its HTTP interface: pages, forms and the JSON API."""

    def __init__(self, app: FastAPI, role: str = "anonymous") -> None:
        self.client = TestClient(app, follow_redirects=False)
        self.token = token_in(self.client.get("/login").text)
        if role != "anonymous":
            self.sign_in(USERS[role][0])

    def sign_in(self, username: str, password: str = PASSWORD) -> Any:
        response = self.client.post("/login", data={"username": username, "password": password,
                                                    "csrf_token": self.token, "next": "/"})
        if response.status_code == 303:
            self.token = self.client.get("/api/me").json()["csrf_token"]
        return response

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, **kwargs)

    def form(self, url: str, data: dict[str, str] | None = None, files: dict[str, Any] | None = None,
             **kwargs: Any) -> Any:
        """Post a form as the page would, with the CSRF token in its hidden field."""
        return self.client.post(url, data={**(data or {}), "csrf_token": self.token}, files=files, **kwargs)

    def api(self, method: str, url: str, **kwargs: Any) -> Any:
        """Call the API with the CSRF header, as a script using the session would."""
        headers = {"X-CSRF-Token": self.token, **kwargs.pop("headers", {})}
        return self.client.request(method, url, headers=headers, **kwargs)

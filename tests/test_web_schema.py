"""Schemathesis against the API's own OpenAPI document: generated requests, valid and invalid, sent by a signed-in
reviewer to the real app on a real (temporary SQLite) database, never get a server error.

Bounded (a fixed number of examples, derandomized) so that it runs the same way, in seconds, every time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from crlens.consult.project import find_project, init_project
from crlens.consult.rounds import open_round
from webclient import Person, workspace

EXAMPLES = 60
"""Examples per generation mode, spread over all operations (every operation gets some: schemathesis draws the
operation first)."""


@pytest.fixture(scope="module")
def reviewer_api(tmp_path_factory: pytest.TempPathFactory, sample_ru: Path) -> Iterator[tuple[Any, dict[str, str],
                                                                                               dict[str, str]]]:
    """The app on a database with project 'kz' (round 1 open), and the session cookie and CSRF header of a
    signed-in reviewer, the role that may call every write operation but decisions."""
    app = workspace(f"sqlite:///{tmp_path_factory.mktemp('schema') / 'crlens.db'}")
    with app.state.store.session() as session:
        init_project(session, "kz", sample_ru, "reviewer")
    with app.state.store.session() as session:
        open_round(session, find_project(session, "kz"), 1)
    reviewer = Person(app, "reviewer")
    yield app, {"X-CSRF-Token": reviewer.token}, dict(reviewer.client.cookies.items())
    app.state.store.dispose()


@pytest.mark.parametrize(("mode", "pinned"), [
    (GenerationMode.POSITIVE, {}),
    (GenerationMode.NEGATIVE, {}),
    # Generated ids mostly miss: pinned to the project that exists, the requests reach the code behind the lookup.
    (GenerationMode.POSITIVE, {"project_id": 1, "key": "rec-001"}),
], ids=["valid", "invalid", "valid-on-project-1"])
def test_generated_api_requests_never_get_a_server_error(reviewer_api: Any, mode: GenerationMode,
                                                         pinned: dict[str, Any]) -> None:
    app, headers, cookies = reviewer_api
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    failures: list[str] = []

    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=schema.as_strategy(generation_mode=mode))
    def check(case: schemathesis.Case) -> None:
        for name, value in pinned.items():
            if name in (case.path_parameters or {}):
                case.path_parameters[name] = value
        response = case.call(headers=headers, cookies=cookies)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} for {case.as_curl_command()}")

    check()
    assert failures == []

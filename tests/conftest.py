"""Shared fixtures: the real law corpus in ../shared/corpus and the bundled sample draft."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from crlens.analysis.review import Review
    from crlens.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The directory of real law texts (not part of the project; read in place)."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture(scope="session")
def sample_ru() -> Path:
    return EXAMPLES / "draft-digital-code.ru.txt"


@pytest.fixture(scope="session")
def sample_en() -> Path:
    return EXAMPLES / "draft-digital-code.en.txt"


@pytest.fixture(scope="session")
def kazakh(tmp_path_factory: pytest.TempPathFactory) -> Review:
    """The review of the short platform code titled as Kazakhstan's (``drafts.KAZAKH_PLATFORM_CODE``)."""
    from drafts import KAZAKH_PLATFORM_CODE, review_text

    return review_text(tmp_path_factory.mktemp("kz"), KAZAKH_PLATFORM_CODE)


@pytest.fixture(scope="session")
def nameless(tmp_path_factory: pytest.TempPathFactory) -> Review:
    """The review of the same code under a title that names no country (``drafts.NAMELESS_PLATFORM_CODE``)."""
    from drafts import NAMELESS_PLATFORM_CODE, review_text

    return review_text(tmp_path_factory.mktemp("nameless"), NAMELESS_PLATFORM_CODE)


# --- databases --------------------------------------------------------------------------------------------------
# Store tests run on SQLite and on a real PostgreSQL server. scripts/test (and so .ci/run) starts a throwaway
# server and sets CRLENS_TEST_PG_URL and CRLENS_REQUIRE_PG=1, so in CI a missing server fails instead of skipping.
PG_URL = os.environ.get("CRLENS_TEST_PG_URL")
REQUIRE_PG = os.environ.get("CRLENS_REQUIRE_PG") == "1"


def _pg_admin():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def _pg_create(name: str, template: str | None = None) -> str:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        clause = f' TEMPLATE "{template}"' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _pg_drop(name: str) -> None:
    from sqlalchemy import text

    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _need_pg() -> None:
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("CRLENS_TEST_PG_URL is not set, and PostgreSQL tests are required")
        pytest.skip("no PostgreSQL server: set CRLENS_TEST_PG_URL (scripts/test starts one)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of each kind, dropped after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'crlens.db'}"
        return
    _need_pg()
    name = f"crlens_test_{uuid.uuid4().hex[:12]}"
    try:
        yield _pg_create(name)
    finally:
        _pg_drop(name)


@pytest.fixture(scope="session")
def _project_templates(tmp_path_factory: pytest.TempPathFactory, sample_ru: Path) -> Iterator[dict[str, str]]:
    """Databases holding project 'kz' started from the Russian sample, built once and copied for each test
    (reviewing the sample for every test would cost seconds each)."""
    made: dict[str, str] = {}
    yield made
    if "postgresql" in made:
        _pg_drop(made["postgresql"])


def _template(kind: str, made: dict[str, str], folder: Path, sample_ru: Path) -> str:
    if kind not in made:
        from crlens.consult.project import init_project
        from crlens.store.database import Store

        if kind == "sqlite":
            url = f"sqlite:///{folder / 'template.db'}"
        else:
            url = _pg_create(f"crlens_template_{uuid.uuid4().hex[:8]}")
        store = Store(url)
        with store.session() as session:
            init_project(session, "kz", sample_ru, "reviewer")
        store.dispose()
        made[kind] = url if kind == "sqlite" else url.rsplit("/", 1)[1].split("?")[0]
    return made[kind]


@pytest.fixture(params=["sqlite", "postgresql"])
def project_db(request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
               _project_templates: dict[str, str], sample_ru: Path) -> Iterator[str]:
    """The URL of a database of each kind that holds project 'kz' (the Russian sample draft, reviewed)."""
    import shutil

    if request.param == "postgresql":
        _need_pg()
    template = _template(request.param, _project_templates, tmp_path_factory.getbasetemp(), sample_ru)
    if request.param == "sqlite":
        shutil.copy(template.removeprefix("sqlite:///"), tmp_path / "crlens.db")
        yield f"sqlite:///{tmp_path / 'crlens.db'}"
        return
    name = f"crlens_test_{uuid.uuid4().hex[:12]}"
    try:
        yield _pg_create(name, template)
    finally:
        _pg_drop(name)


@pytest.fixture
def store(project_db: str) -> Iterator[Store]:
    """A database holding project 'kz' started from the Russian sample draft (each kind of database)."""
    from crlens.store.database import Store

    store = Store(project_db)
    yield store
    store.dispose()

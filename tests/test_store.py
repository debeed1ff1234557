"""The project database: migrations build the schema from nothing, and the models match them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from crlens.store.database import Store
from crlens.store.models import Base

ROOT = Path(__file__).resolve().parents[1]


def test_alembic_upgrade_head_builds_an_empty_database(db_url: str) -> None:
    env = {**os.environ, "CRLENS_DB": db_url}
    alembic = Path(sys.executable).with_name("alembic")
    done = subprocess.run([str(alembic), "-c", str(ROOT / "alembic.ini"), "upgrade", "head"], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    engine = create_engine(Store(db_url, migrate=False).url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert set(Base.metadata.tables) | {"alembic_version"} <= tables


def test_models_match_the_migrations(db_url: str) -> None:
    store = Store(db_url)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    store.dispose()
    assert differences == []


def test_opening_a_database_twice_keeps_its_data(db_url: str) -> None:
    from crlens.store.models import Project

    store = Store(db_url)
    with store.session() as session:
        session.add(Project(name="kept"))
    store.dispose()
    again = Store(db_url)
    with again.session() as session:
        assert [p.name for p in session.query(Project)] == ["kept"]
    again.dispose()


def test_a_database_made_before_confirmations_keeps_its_versions_as_revisions(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import text

    from crlens.store.database import alembic_config
    from crlens.store.models import RecommendationVersion

    old = Store(db_url, migrate=False)
    with old.engine.begin() as connection:
        config = alembic_config(old.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")  # the schema before a version could confirm a text
        connection.execute(text("INSERT INTO projects (id, name, created_at, used_at) VALUES "
                                "(1, 'kz', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO recommendations (id, project_id, number, state, first_draft) "
                                "VALUES (1, 1, 1, 'revised', 1)"))
        connection.execute(text("INSERT INTO recommendation_versions (id, recommendation_id, version, data, "
                                "author, reason, created_at) VALUES (1, 1, 2, '{\"issue\": \"x\"}', 'Dana', "
                                "'Ministry asked', CURRENT_TIMESTAMP)"))
    old.dispose()
    store = Store(db_url)
    with store.session() as session:
        version = session.get(RecommendationVersion, 1)
        assert (version.data, version.author, version.reason) == ({"issue": "x"}, "Dana", "Ministry asked")
        assert (version.confirmed_field, version.confirmed_lang) == (None, None)
    store.dispose()


def _store_made_at(db_url: str, revision: str, versions: list[tuple[str, str]]) -> None:
    """A database at schema ``revision`` holding one project, one recommendation and its ``versions`` (author,
    reason), numbered from 1, as a crlens of that schema left it."""
    from alembic import command
    from sqlalchemy import text

    from crlens.store.database import alembic_config

    old = Store(db_url, migrate=False)
    with old.engine.begin() as connection:
        config = alembic_config(old.url)
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.execute(text("INSERT INTO projects (id, name, created_at, used_at) VALUES "
                                "(1, 'kz', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO recommendations (id, project_id, number, state, first_draft) "
                                "VALUES (1, 1, 1, 'revised', 1)"))
        for number, (author, reason) in enumerate(versions, start=1):
            connection.execute(text("INSERT INTO recommendation_versions (id, recommendation_id, version, data, "
                                    "author, reason, created_at) VALUES (:n, 1, :n, '{}', :author, :reason, "
                                    "CURRENT_TIMESTAMP)"), {"n": number, "author": author, "reason": reason})
    old.dispose()


def test_a_database_made_before_versions_named_their_draft_learns_it_from_crlenss_reasons(db_url: str) -> None:
    from crlens.store.models import RecommendationVersion

    # 0003: the schema before a version named the draft version that wrote it
    _store_made_at(db_url, "0003", [("crlens", "first review of draft version 1"),
                                    ("Dana", "As agreed on draft version 2"),
                                    ("crlens", "re-reviewed against draft version 2"),
                                    ("crlens", "provision ids follow draft version 3")])
    store = Store(db_url)
    with store.session() as session:
        drafts = [session.get(RecommendationVersion, n).draft_version for n in (1, 2, 3, 4)]
    store.dispose()
    assert drafts == [1, None, 2, 3]  # a person's reason is theirs, whatever it says


def test_a_database_made_before_reason_codes_says_crlenss_own_reasons_in_either_language(db_url: str) -> None:
    """The reasons crlens wrote in English before it recorded them as codes are read as the codes they are; any
    other reason (a person's, or one whose words crlens no longer writes) is shown as it was stored, and no stored
    text changes."""
    from crlens.consult.reasons import reason_of
    from crlens.store.models import RecommendationVersion

    stored = [("crlens", "first review of draft version 1"), ("Dana", "As agreed on draft version 2"),
              ("crlens", "re-reviewed against draft version 2"), ("crlens", "gap found in draft version 2"),
              ("crlens", "provision ids follow draft version 3"),
              ("crlens", "taken up in the text of draft version 3"),
              ("Dana", "withdrawn: overlap"), ("crlens", "re-reviewed")]
    _store_made_at(db_url, "0004", stored)  # 0004: the schema before reasons had codes
    store = Store(db_url)
    with store.session() as session:
        versions = [session.get(RecommendationVersion, n) for n in range(1, len(stored) + 1)]
        kept = [(v.author, v.reason) for v in versions]
        russian = [reason_of(v).in_lang("ru") for v in versions]
        english = [reason_of(v).in_lang("en") for v in versions]
    store.dispose()
    assert kept == stored
    assert english == [reason for _author, reason in stored]
    assert russian == ["первичный анализ редакции проекта 1", "As agreed on draft version 2",
                       "повторный анализ по редакции проекта 2", "пробел, выявленный в редакции проекта 2",
                       "нумерация положений приведена в соответствие с редакцией проекта 3",
                       "учтена в тексте редакции проекта 3", "withdrawn: overlap", "re-reviewed"]


@pytest.mark.parametrize(("url", "says"), [
    ("nonsense://x", "supports SQLite and PostgreSQL"),
    ("sqlite:////no/such/folder/crlens.db", "does not exist"),
    ("postgresql://someone:secret@127.0.0.1:1/crlens", "cannot open the database"),
    ("::", "is not a database URL"),
])
def test_a_bad_database_url_is_a_clear_error_without_its_password(url: str, says: str) -> None:
    from typer.testing import CliRunner

    from crlens.cli import app

    result = CliRunner().invoke(app, ["project", "status", "--db", url])
    assert result.exit_code == 2
    assert says in result.output and "Traceback" not in result.output and "secret" not in result.output

"""Opening a project database: an SQLAlchemy URL (SQLite by default, PostgreSQL by URL), brought up to date with
the Alembic migrations before use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from crlens.errors import UserError

DEFAULT_URL = "sqlite:///crlens.db"
MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(UserError):
    """The project database cannot be opened or does not hold what was asked for."""


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else ``$CRLENS_DB``, else ``./crlens.db``; plain ``postgresql://`` URLs
    get the psycopg 3 driver."""
    url = url or os.environ.get("CRLENS_DB") or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def alembic_config(url: str) -> Config:
    """An Alembic configuration for our migrations and this database (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Foreign keys are off by default in SQLite; the busy timeout lets the CLI and the web workspace take turns
    # writing instead of failing at once with 'database is locked'.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Store:
    """An open project database."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(url)
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise StoreError(self.url, f"is not a database URL ({exc})") from None
        # What messages show: the URL without its password.
        self.shown = parsed.render_as_string(hide_password=True)
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(self.shown, "crlens supports SQLite and PostgreSQL databases")
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).parent
            if not folder.is_dir():
                raise StoreError(parsed.database, f"the folder {folder} does not exist")
        self.engine: Engine = create_engine(self.url)
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.upgrade()

    def upgrade(self) -> None:
        """Bring the database schema up to the newest migration."""
        try:
            with self.engine.begin() as connection:
                config = alembic_config(self.url)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0]
            raise StoreError(self.shown, f"cannot open the database ({reason})") from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()

"""Alembic environment: runs our migrations on the connection crlens hands over, or on the configured URL when
the ``alembic`` command is used directly."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from crlens.store.models import Base

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:  # type: ignore[no-untyped-def]
    # Batch mode lets later migrations alter tables on SQLite, which has no ALTER COLUMN.
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    given = config.attributes.get("connection")
    if given is not None:
        run(given)
    else:
        from crlens.store.database import database_url

        engine = create_engine(database_url(config.get_main_option("sqlalchemy.url")))
        with engine.begin() as connection:
            run(connection)

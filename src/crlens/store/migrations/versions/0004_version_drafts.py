"""version drafts: a version crlens writes names the draft version whose review wrote it

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:00:00.000000
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# The reasons crlens has always written on its own versions ("first review of draft version 1", "gap found in
# draft version 2", "re-reviewed against draft version 2", "provision ids follow draft version 2", "taken up in
# the text of draft version 2") end with the draft version; a person's reason may say anything.
_REASON = re.compile(r"draft version (\d+)$")


def upgrade() -> None:
    with op.batch_alter_table('recommendation_versions') as batch:
        batch.add_column(sa.Column('draft_version', sa.Integer(), nullable=True))
    versions = sa.table('recommendation_versions', sa.column('id', sa.Integer()), sa.column('author', sa.String()),
                        sa.column('reason', sa.Text()), sa.column('draft_version', sa.Integer()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(versions.c.id, versions.c.reason).where(versions.c.author == 'crlens'))
    for version_id, reason in rows.all():
        match = _REASON.search(reason or '')
        if match:
            connection.execute(versions.update().where(versions.c.id == version_id)
                               .values(draft_version=int(match[1])))


def downgrade() -> None:
    with op.batch_alter_table('recommendation_versions') as batch:
        batch.drop_column('draft_version')

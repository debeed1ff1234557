"""reason codes: a reason crlens writes is stored as a code with its parameters, to be shown in either language

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 09:00:00.000000
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# The reasons a draft version's review has always written in English, whole (a frozen copy of
# consult.reasons.REVIEW_REASONS: a migration must not change when the application does). Only crlens's own
# versions that say exactly these words get a code; a person's reason, a withdrawal or a confirmation stored
# before codes keeps no code and is shown as it was written. The text itself is never changed.
_REVIEW_REASONS = {
    'first-review': re.compile(r'first review of draft version (\d+)'),
    'gap-found': re.compile(r'gap found in draft version (\d+)'),
    're-reviewed': re.compile(r're-reviewed against draft version (\d+)'),
    'ids-followed': re.compile(r'provision ids follow draft version (\d+)'),
    'taken-up': re.compile(r'taken up in the text of draft version (\d+)'),
}


def upgrade() -> None:
    with op.batch_alter_table('recommendation_versions') as batch:
        batch.add_column(sa.Column('reason_code', sa.String(length=30), nullable=True))
        batch.add_column(sa.Column('reason_args', sa.JSON(), nullable=True))
    versions = sa.table('recommendation_versions', sa.column('id', sa.Integer()), sa.column('author', sa.String()),
                        sa.column('reason', sa.Text()), sa.column('reason_code', sa.String()),
                        sa.column('reason_args', sa.JSON()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(versions.c.id, versions.c.reason).where(versions.c.author == 'crlens')
                              .order_by(versions.c.id))
    for version_id, reason in rows.all():
        for code, pattern in _REVIEW_REASONS.items():
            match = pattern.fullmatch(reason or '')
            if match:
                connection.execute(versions.update().where(versions.c.id == version_id)
                                   .values(reason_code=code, reason_args={'draft': int(match[1])}))
                break


def downgrade() -> None:
    # the reasons' English texts were kept in 'reason': nothing is lost
    with op.batch_alter_table('recommendation_versions') as batch:
        batch.drop_column('reason_args')
        batch.drop_column('reason_code')

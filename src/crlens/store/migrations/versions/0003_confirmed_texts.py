"""confirmed texts: a recommendation version may confirm that a text out of date in one language still matches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable, no default: every version written before is a revision, not a confirmation.
    with op.batch_alter_table('recommendation_versions') as batch:
        batch.add_column(sa.Column('confirmed_field', sa.String(length=20), nullable=True))
        batch.add_column(sa.Column('confirmed_lang', sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('recommendation_versions') as batch:
        batch.drop_column('confirmed_lang')
        batch.drop_column('confirmed_field')

"""plans and the habit ladder

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "habit_ladder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_ft", sa.Float(), nullable=False),
        sa.Column("walks_done", sa.Integer(), nullable=False),
        sa.Column("goal_miles_per_week", sa.Float(), nullable=False),
        sa.Column("counted_through", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_habit_ladder")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=4096), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_week_start"), ["week_start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_week_start"))

    op.drop_table("plan")
    op.drop_table("habit_ladder")

"""measures, bouts, days and the athlete

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "athlete",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mass_kg", sa.Float(), nullable=False),
        sa.Column("height_cm", sa.Float(), nullable=False),
        sa.Column("units", sa.String(length=4), nullable=False),
        sa.Column("step_floor", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("impact_model", sa.String(length=10), nullable=False),
        sa.Column("set_fields", sa.String(length=500), nullable=False),
        sa.Column("run_stride_ratio", sa.Float(), nullable=False),
        sa.Column("walk_stride_ratio", sa.Float(), nullable=False),
        sa.Column("run_stride_activities", sa.Integer(), nullable=False),
        sa.Column("walk_stride_activities", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athlete")),
    )
    op.create_table(
        "activity_day",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("run_s", sa.Float(), nullable=False),
        sa.Column("walk_s", sa.Float(), nullable=False),
        sa.Column("hike_s", sa.Float(), nullable=False),
        sa.Column("brisk_s", sa.Float(), nullable=False),
        sa.Column("run_steps", sa.Float(), nullable=False),
        sa.Column("other_steps", sa.Float(), nullable=False),
        sa.Column("impact_bw_steps", sa.Float(), nullable=False),
        sa.Column("run_distance_m", sa.Float(), nullable=False),
        sa.Column("walk_distance_m", sa.Float(), nullable=False),
        sa.Column("run_impact_bw_steps", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_day_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "date", name=op.f("pk_activity_day")),
    )
    with op.batch_alter_table("activity_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_day_date"), ["date"], unique=False)

    op.create_table(
        "bout",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("index", sa.Integer(), nullable=False),
        sa.Column("gait", sa.String(length=10), nullable=False),
        sa.Column("start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("moving_s", sa.Float(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=False),
        sa.Column("steps", sa.Float(), nullable=False),
        sa.Column("brisk_s", sa.Float(), nullable=False),
        sa.Column("impact_bw_steps", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_bout_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "index", name=op.f("pk_bout")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_lat_deg", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("first_lon_deg", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("sport", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("moving_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("run_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("walk_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("hike_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("brisk_walk_s", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("steps", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("steps_source", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("impact_bw_steps", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("zone_origin", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("own_run_stride_ratio", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("own_walk_stride_ratio", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_column("own_walk_stride_ratio")
        batch_op.drop_column("own_run_stride_ratio")
        batch_op.drop_column("zone_origin")
        batch_op.drop_column("time_zone")
        batch_op.drop_column("impact_bw_steps")
        batch_op.drop_column("steps_source")
        batch_op.drop_column("steps")
        batch_op.drop_column("brisk_walk_s")
        batch_op.drop_column("hike_s")
        batch_op.drop_column("walk_s")
        batch_op.drop_column("run_s")
        batch_op.drop_column("moving_s")
        batch_op.drop_column("sport")
        batch_op.drop_column("first_lon_deg")
        batch_op.drop_column("first_lat_deg")

    op.drop_table("bout")
    with op.batch_alter_table("activity_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_day_date"))

    op.drop_table("activity_day")
    op.drop_table("athlete")

"""The tables. Streams live beside their activity as Parquet bytes, so one transaction
writes an activity and its samples together or not at all (SQLite and PostgreSQL alike).

Schema changes go through Alembic (``store/migrations``); never ``create_all``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no zone: we add it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SourceFile(Base):
    """A file (or archive member) that was imported; its content hash makes a re-import
    of the same bytes a no-op."""

    __tablename__ = "source_file"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(String(4096))
    format: Mapped[str] = mapped_column(String(32))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    activities: Mapped[list[ActivityRow]] = relationship(back_populates="source_file")


class ActivityRow(Base):
    """One activity: what the file said, plus the measures (filled at import)."""

    __tablename__ = "activity"
    __table_args__ = (
        UniqueConstraint("start_epoch_s", "device", name="uq_activity_start_device"),
        {"sqlite_autoincrement": True},  # a replaced activity's id is never reused
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_file.id", ondelete="CASCADE"))
    index_in_file: Mapped[int] = mapped_column(Integer, default=0)
    start_epoch_s: Mapped[int] = mapped_column(BigInteger, index=True)
    start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    end: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    utc_offset_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    device: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(500), default="")
    source_sport: Mapped[str] = mapped_column(String(100), default="")
    samples: Mapped[int] = mapped_column(Integer, default=0)
    has_position: Mapped[bool] = mapped_column(default=False)
    duration_s: Mapped[float] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    device_elapsed_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    device_timer_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    device_distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    device_cycles: Mapped[float | None] = mapped_column(Float, nullable=True)
    device_steps: Mapped[float | None] = mapped_column(Float, nullable=True)
    device_calories_kcal: Mapped[float | None] = mapped_column(Float, nullable=True)
    first_lat_deg: Mapped[float | None] = mapped_column(Float, nullable=True)
    first_lon_deg: Mapped[float | None] = mapped_column(Float, nullable=True)

    # The measures (SPEC §2), computed at import and again by `footfall recompute`.
    sport: Mapped[str | None] = mapped_column(String(20), nullable=True)
    moving_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    run_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    walk_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    hike_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    brisk_walk_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    steps: Mapped[int | None] = mapped_column(Integer, nullable=True)
    steps_source: Mapped[str | None] = mapped_column(String(20), nullable=True)
    impact_bw_steps: Mapped[float | None] = mapped_column(Float, nullable=True)
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    zone_origin: Mapped[str | None] = mapped_column(String(20), nullable=True)
    own_run_stride_ratio: Mapped[float | None] = mapped_column(Float, nullable=True)
    own_walk_stride_ratio: Mapped[float | None] = mapped_column(Float, nullable=True)

    source_file: Mapped[SourceFile] = relationship(back_populates="activities")
    stream: Mapped[StreamRow | None] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )
    laps: Mapped[list[LapRow]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="LapRow.index"
    )
    bouts: Mapped[list[BoutRow]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="BoutRow.index"
    )
    days: Mapped[list[ActivityDayRow]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )


class StreamRow(Base):
    """An activity's samples as one Parquet document (columns of activity.STREAM_COLUMNS)."""

    __tablename__ = "activity_stream"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    parquet: Mapped[bytes] = mapped_column(LargeBinary)

    activity: Mapped[ActivityRow] = relationship(back_populates="stream")


class LapRow(Base):
    __tablename__ = "lap"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    elapsed_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    timer_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    cycles: Mapped[float | None] = mapped_column(Float, nullable=True)

    activity: Mapped[ActivityRow] = relationship(back_populates="laps")


class DayStepsRow(Base):
    """A device's own step total for one local day; the newest import of a
    (date, source) replaces the older one (exports grow over time)."""

    __tablename__ = "day_steps"
    __table_args__ = (UniqueConstraint("date", "source", name="uq_day_steps_date_source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(200))
    steps: Mapped[int] = mapped_column(Integer)
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_file.id", ondelete="CASCADE"))


class BoutRow(Base):
    """A stretch of one gait inside an activity (metrics.measured.Bout)."""

    __tablename__ = "bout"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    index: Mapped[int] = mapped_column(Integer, primary_key=True)
    gait: Mapped[str] = mapped_column(String(10))
    start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    end: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    moving_s: Mapped[float] = mapped_column(Float)
    distance_m: Mapped[float] = mapped_column(Float)
    steps: Mapped[float] = mapped_column(Float)
    brisk_s: Mapped[float] = mapped_column(Float)
    impact_bw_steps: Mapped[float] = mapped_column(Float)

    activity: Mapped[ActivityRow] = relationship(back_populates="bouts")


class ActivityDayRow(Base):
    """What an activity gave one local day (an activity crossing midnight gives two)."""

    __tablename__ = "activity_day"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True, index=True)
    run_s: Mapped[float] = mapped_column(Float)
    walk_s: Mapped[float] = mapped_column(Float)
    hike_s: Mapped[float] = mapped_column(Float)
    brisk_s: Mapped[float] = mapped_column(Float)
    run_steps: Mapped[float] = mapped_column(Float)
    other_steps: Mapped[float] = mapped_column(Float)
    impact_bw_steps: Mapped[float] = mapped_column(Float)
    run_distance_m: Mapped[float] = mapped_column(Float)
    walk_distance_m: Mapped[float] = mapped_column(Float)
    run_impact_bw_steps: Mapped[float] = mapped_column(Float)

    activity: Mapped[ActivityRow] = relationship(back_populates="days")


class AthleteRow(Base):
    """The runner's settings (settings.Athlete); ``set_fields`` lists the ones the runner
    chose, the rest are assumed defaults. The stride calibration (the runner's own step
    length over the model's, per gait, and how many activities it comes from) is learned
    from the runner's own files."""

    __tablename__ = "athlete"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="me")
    mass_kg: Mapped[float] = mapped_column(Float)
    height_cm: Mapped[float] = mapped_column(Float)
    units: Mapped[str] = mapped_column(String(4))
    step_floor: Mapped[int] = mapped_column(Integer)
    time_zone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    impact_model: Mapped[str] = mapped_column(String(10))
    set_fields: Mapped[str] = mapped_column(String(500), default="")
    run_stride_ratio: Mapped[float] = mapped_column(Float, default=1.0)
    walk_stride_ratio: Mapped[float] = mapped_column(Float, default=1.0)
    run_stride_activities: Mapped[int] = mapped_column(Integer, default=0)
    walk_stride_activities: Mapped[int] = mapped_column(Integer, default=0)


class PlanRow(Base):
    """A planned week as ``footfall plan`` made it (SPEC §3 JSON). The newest plan of a
    week is the one ``footfall walk --planned`` and the report use."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    week_start: Mapped[dt.date] = mapped_column(Date, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    source: Mapped[str] = mapped_column(String(4096), default="")
    document: Mapped[str] = mapped_column(Text)


class LadderRow(Base):
    """R5, the habit ladder: the next finisher's length, walks done on the way, the
    weekly goal, and the last date whose planned ladder walks have been counted."""

    __tablename__ = "habit_ladder"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step_ft: Mapped[float] = mapped_column(Float)
    walks_done: Mapped[int] = mapped_column(Integer)
    goal_miles_per_week: Mapped[float] = mapped_column(Float)
    counted_through: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class CheckInRow(Base):
    """How the runner felt after a walk (R8): legs and energy against usual, a note.
    ``date`` is the walk's local day; ``activity_id`` the walk when it was imported."""

    __tablename__ = "checkin"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), nullable=True
    )
    legs: Mapped[str] = mapped_column(String(10))
    energy: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

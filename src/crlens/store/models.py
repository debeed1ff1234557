"""The tables of a review project: drafts, reviews, recommendations with their versions, consultation rounds,
feedback and users.

Rows are append-only where history matters: a recommendation's text lives in ``recommendation_versions`` (a
revision adds a row, never edits one), and ministry feedback in ``feedback`` (a changed answer adds a row that
supersedes the earlier one), so nothing said in a consultation is ever lost.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names keep migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now() -> datetime:
    """The current time in UTC (stored with its zone)."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Project(Base):
    """A review of one draft law across its versions and consultation rounds."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    used_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    drafts: Mapped[list[Draft]] = relationship(back_populates="project", order_by="Draft.version")
    rounds: Mapped[list[Round]] = relationship(back_populates="project", order_by="Round.number")
    # Loaded together (selectin) because every command walks all of them: one query instead of one per row.
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="project", order_by="Recommendation.number", lazy="selectin")


class Draft(Base):
    """One version of the draft: the file as received, its hash and its parsed structure."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("project_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    version: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    articles: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    id_map: Mapped[dict[str, str | None] | None] = mapped_column(
        JSON, default=None, doc="provision ids of the previous version -> ids in this one (None: removed)")
    project: Mapped[Project] = relationship(back_populates="drafts")
    reviews: Mapped[list[ReviewRun]] = relationship(back_populates="draft", order_by="ReviewRun.id")


class ReviewRun(Base):
    """A review of one draft version: the whole review.json as the engine wrote it."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"))
    tool_version: Mapped[str] = mapped_column(String(40))
    review_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    draft: Mapped[Draft] = relationship(back_populates="reviews")


class Recommendation(Base):
    """A recommendation's identity across revisions and draft versions; its text is in its versions."""

    __tablename__ = "recommendations"
    __table_args__ = (UniqueConstraint("project_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    number: Mapped[int] = mapped_column(Integer, doc="shown as rec-NNN, stable for the project's life")
    state: Mapped[str] = mapped_column(String(30), default="proposed")
    first_draft: Mapped[int] = mapped_column(Integer, doc="draft version that gave rise to it")
    project: Mapped[Project] = relationship(back_populates="recommendations")
    versions: Mapped[list[RecommendationVersion]] = relationship(
        back_populates="recommendation", order_by="RecommendationVersion.version", lazy="selectin")

    @property
    def key(self) -> str:
        return f"rec-{self.number:03d}"

    @property
    def latest(self) -> RecommendationVersion:
        return self.versions[-1]


class RecommendationVersion(Base):
    """The full text of a recommendation at one moment (a review.json recommendation), who made it and why."""

    __tablename__ = "recommendation_versions"
    __table_args__ = (UniqueConstraint("recommendation_id", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    round_number: Mapped[int | None] = mapped_column(Integer, default=None,
                                                     doc="the round whose feedback it answers, if any")
    # A confirmation changes no text: it records that a text left out of date by a revision of the other
    # language still matches it (consult.revisions.confirm), so that stale_texts can tell, without reading it
    # from the reason.
    confirmed_field: Mapped[str | None] = mapped_column(
        String(20), default=None, doc="the field whose text this version confirms still matches, if any")
    confirmed_lang: Mapped[str | None] = mapped_column(
        String(8), default=None, doc="the language of the text it confirms (en, ru)")
    # crlens writes a version from the review of a draft version (the first review, a new version's re-review or
    # its renumbering): which one says whose renumbering a change of provision numbers follows
    # (Draft.id_map), so that answers on the text before still count when only the numbers changed.
    draft_version: Mapped[int | None] = mapped_column(
        Integer, default=None, doc="the draft version whose review wrote this version; null for a person's")
    # A reason crlens writes itself is stored as a code with its parameters too, so that it can be shown in the
    # reader's language (consult.reasons); ``reason`` keeps its text in English, as before codes.
    reason_code: Mapped[str | None] = mapped_column(
        String(30), default=None, doc="crlens's own reason as a code (consult.reasons.CODES); null for a person's")
    reason_args: Mapped[dict[str, object] | None] = mapped_column(
        JSON, default=None, doc="the parameters of reason_code, e.g. {\"draft\": 2}")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    recommendation: Mapped[Recommendation] = relationship(back_populates="versions")


class Round(Base):
    """A consultation round: the recommendations as sent to ministry staff for one draft version."""

    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("project_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    number: Mapped[int] = mapped_column(Integer)
    draft_version: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    project: Mapped[Project] = relationship(back_populates="rounds")
    imports: Mapped[list[FeedbackImport]] = relationship(back_populates="round", order_by="FeedbackImport.id")

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class RoundExport(Base):
    """A file written for a round: what it contained (recommendation versions and a digest of each protected
    cell), so that an import can tell answers from edits. The file itself carries only this record's id."""

    __tablename__ = "round_exports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    filename: Mapped[str] = mapped_column(String(500))
    lang: Mapped[str] = mapped_column(String(8))
    manifest: Mapped[dict[str, object]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    round: Mapped[Round] = relationship()


class FeedbackImport(Base):
    """One feedback file (or web submission) read into a round: the record that makes re-imports idempotent."""

    __tablename__ = "feedback_imports"
    __table_args__ = (UniqueConstraint("round_id", "person", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    person: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    round: Mapped[Round] = relationship(back_populates="imports")


class Feedback(Base):
    """A person's decision and comment on one recommendation in one round. A changed answer adds a new row;
    the latest row per (round, recommendation, person) is the current one."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"))
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"))
    recommendation_version: Mapped[int] = mapped_column(Integer)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("feedback_imports.id"), default=None)
    person: Mapped[str] = mapped_column(String(200))
    decision: Mapped[str | None] = mapped_column(String(30), default=None)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    recommendation: Mapped[Recommendation] = relationship()
    round: Mapped[Round] = relationship()


class User(Base):
    """A person who signs in to the web workspace."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Comment(Base):
    """A message in a recommendation's discussion thread in the web workspace (reviewer and ministry staff).

    Separate from ``Feedback``: feedback is the formal decision of a round, a comment is conversation around it;
    comments are never edited, so the thread is a faithful record."""

    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"))
    round_number: Mapped[int | None] = mapped_column(Integer, default=None,
                                                     doc="the round open when it was written, if any")
    author: Mapped[str] = mapped_column(String(200))
    author_role: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    recommendation: Mapped[Recommendation] = relationship()

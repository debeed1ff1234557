"""The result of a review: the models behind ``review.json`` (``shared/spec/review-json.md``).

These pydantic models are the contract's single source: ``review.schema.json`` in this package is generated
from them (``python -m crlens.analysis.review``) and a test keeps the two in step. Fields the spec names keep
its meaning; the others are additions the spec allows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from crlens.analysis.act_name import ActName, refer_to_act
from crlens.ingest.model import ArticleWord, Naming
from crlens.knowledge.models import AREA_IDS, PRIORITY_RANK, AgeBand, AreaId

SCHEMA_VERSION = "1.0"
SCHEMA_PATH = Path(__file__).parent / "review.schema.json"

Status = Literal["addressed", "partial", "gap", "not-applicable"]
Relevance = Literal["direct", "indirect", "none"]
Level = Literal["high", "medium", "low"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Tool(_Model):
    name: str = "crlens"
    version: str


class DefinedTerm(_Model):
    term: str
    provision: str


class ActInfo(_Model):
    """How the reviewed text names itself ("Code", "Law") and whether it is a draft or an act in force: the
    findings speak of "the draft" or of "the Code" accordingly."""

    name: str = "Code"
    name_ru: str = "Кодекс"
    status: Literal["draft", "adopted"] = "draft"

    def speak(self, text: str, lang: str) -> str:
        """``text``, ours about "the draft", as it should read for this act: unchanged for a draft, "the Code"
        ("Кодекс") for an act in force (:func:`~crlens.analysis.act_name.refer_to_act`)."""
        if self.status == "draft":
            return text
        return refer_to_act(text, ActName(self.name, self.name_ru), "ru" if lang == "ru" else "en")


class DocumentInfo(_Model):
    title: str
    source: str
    sha256: str
    language: Literal["ru", "kk", "en"]
    format: str
    articles: int
    provisions: int
    definitions: list[DefinedTerm]
    article_word: ArticleWord = Field(
        "article", description='what the draft calls its articles: "section" for "§ 6501" or "Section 12", which '
        'labels then use ("Section 6501(1)"); absent for "article"')
    act: ActInfo = Field(default_factory=ActInfo)
    jurisdiction: str | None = Field(
        None, description='whose law the act is, as the knowledge base names jurisdictions ("kz", "eu"), read '
        "from how it names itself; its examples are then national law, not examples from other jurisdictions. "
        "Absent when it cannot be told")

    @model_serializer(mode="wrap")
    def _without_defaults(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """``article_word`` only where it is not ``article``, ``jurisdiction`` only where it is known: a review
        of a draft with articles, of no known jurisdiction, reads as before the fields existed."""
        data: dict[str, Any] = handler(self)
        if data.get("article_word") == "article":
            del data["article_word"]
        if data.get("jurisdiction") is None:
            data.pop("jurisdiction", None)
        return data


class Signal(_Model):
    """Why a provision was given an area: the words found and the score they add up to."""

    area: AreaId
    terms: list[str]
    score: float


class ProvisionResult(_Model):
    id: str
    parent: str | None
    kind: str
    number: str | None
    label: str
    heading: str
    text: str
    offsets: list[int] = Field(min_length=2, max_length=2)
    areas: list[AreaId]
    child_relevance: Relevance
    relevance_terms: list[str] = Field(default_factory=list)
    signals: list[Signal]


class AreaResult(_Model):
    id: AreaId
    status: Status
    evidence: list[str]
    summary: str
    summary_ru: str
    criteria: dict[str, int]
    provisions: int


class Evidence(_Model):
    """A provision that bears on a criterion, with words quoted verbatim from it."""

    provision: str
    quote: str


class CriterionResult(_Model):
    id: str
    area: AreaId
    status: Status
    evidence: list[Evidence]
    confidence: float = Field(ge=0, le=1)
    found: list[str] = Field(default_factory=list, description="elements of the criterion found (concept labels)")
    missing: list[str] = Field(default_factory=list, description="elements not found in the best provision")
    note: str = ""


class Risk(_Model):
    id: str
    criterion: str
    area: AreaId
    provision: str
    quote: str
    description: str
    description_ru: str
    severity: Level
    missing: list[str] = Field(default_factory=list, description="safeguards the provision lacks")


class Source(_Model):
    ref: str
    ref_ru: str
    kind: Literal["norm", "example"]
    id: str
    url: str
    verified: bool | None = None


class ProposedText(_Model):
    en: str
    ru: str


class NewChapter(_Model):
    """A chapter the review proposes for several new articles of its own: they follow the article that closes
    chapter :attr:`after`, so a chapter of their own goes after that chapter and they keep their numbers."""

    number: str
    """In the draft's own style ("4-1" in Russian and Kazakh drafting, "Ia" in English)."""
    after: str
    """The draft's chapter it follows ("ch:4")."""
    heading: ProposedText
    """As the draft writes its chapters' headings: in capitals when they all are."""


class Amendment(_Model):
    target: str
    action: Literal["amend", "supplement", "new"]
    number: str = ""
    """For a new article, the number proposed for it in the draft's own style ("43-1", "43a")."""
    chapter: NewChapter | None = Field(
        default=None, description="for a new article, the new chapter it goes in, after the chapter its target "
        "names; absent when it goes in the draft's own chapter")
    current_text: str
    proposed_text: ProposedText
    justification: str
    justification_ru: str

    @model_serializer(mode="wrap")
    def _without_chapter(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """``chapter`` only where there is one: every other amendment reads as before it existed."""
        data: dict[str, Any] = handler(self)
        if data.get("chapter") is None:
            data.pop("chapter", None)
        return data


class RecommendationRu(_Model):
    issue: str
    solution: str
    gender: str = ""


class TermUse(_Model):
    """A term a recommendation's proposed text defines because other proposed texts use it and the draft has no
    word for it."""

    term: str
    """In Russian, in dictionary form ("контент")."""
    term_en: str
    used_in: list[str]
    """The recommendations whose proposed texts use it."""


class Recommendation(_Model):
    id: str
    areas: list[AreaId]
    criteria: list[str]
    risks: list[str] = Field(default_factory=list)
    provisions: list[str] = Field(default_factory=list)
    general_rules: list[str] = Field(
        default_factory=list, description="the provisions, among `provisions`, that the issue quotes as making a "
        "criterion's rule for everyone without naming children, in the order it names them: general rules a "
        "child-specific one can build on. Empty when it quotes none, and in a review.json written before the "
        "field existed")
    priority: Level
    issue: str
    solution: str
    sources: list[Source]
    amendment: Amendment
    age_bands: list[AgeBand]
    gender: str = ""
    ru: RecommendationRu
    defined_terms: list[TermUse] = Field(
        default_factory=list, description="the terms its proposed text defines for the other proposed texts that "
        "use them, the draft having no word for them; absent when it defines none")

    @model_serializer(mode="wrap")
    def _without_empty_terms(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """``defined_terms`` only where there are some: every other recommendation reads as before it existed."""
        data: dict[str, Any] = handler(self)
        if not data.get("defined_terms"):
            data.pop("defined_terms", None)
        return data


def reading_order(rec: Recommendation) -> tuple[int, int, str]:
    """Where a recommendation comes in the review and every deliverable: by its first area in the order of
    ``areas.md``, the high priorities of an area first, then by id."""
    return AREA_IDS.index(rec.areas[0]), PRIORITY_RANK[rec.priority], rec.id


class PositiveFinding(_Model):
    """Something the draft does well: a criterion it meets, and where."""

    criterion: str
    area: AreaId
    provision: str
    quote: str
    statement: str = Field(description="the criterion met, as the knowledge base states what it requires: what "
                           "the draft itself says is the quote, which the brief shows (a lawyer read this "
                           "statement as a claim about the draft's text)")
    statement_ru: str


class Observation(_Model):
    """A remark on the draft as a whole, e.g. a field it does not regulate at all."""

    kind: Literal["not-regulated", "coverage", "parse-warning"]
    text: str
    text_ru: str
    criteria: list[str] = Field(default_factory=list)


class Coverage(_Model):
    articles: int
    articles_assessed: int
    provisions: int
    provisions_child_relevant: int
    statement: str
    statement_ru: str


class Review(_Model):
    """The whole ``review.json``."""

    schema_version: str = SCHEMA_VERSION
    tool: Tool
    document: DocumentInfo
    coverage: Coverage
    provisions: list[ProvisionResult]
    areas: list[AreaResult]
    criteria: list[CriterionResult]
    risks: list[Risk]
    recommendations: list[Recommendation]
    positive_findings: list[PositiveFinding]
    observations: list[Observation]

    @property
    def naming(self) -> Naming:
        """How the reviewed draft names its provisions, as its ``Document.naming`` did
        (:func:`crlens.analysis.labels.label`)."""
        return Naming.of(self.document.article_word, ((p.id, p.kind, p.parent) for p in self.provisions))

    def to_json(self) -> str:
        """The review as JSON text (UTF-8, Cyrillic kept readable)."""
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def read(cls, path: Path) -> Review:
        """Load a ``review.json``."""
        return cls.model_validate_json(path.read_text(encoding="utf-8"))


def json_schema() -> dict:
    """The JSON Schema of ``review.json``."""
    schema = Review.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://crlens.org/schema/review-{SCHEMA_VERSION}.json"
    schema["title"] = "crlens review.json"
    return schema


if __name__ == "__main__":  # regenerate the shipped schema
    SCHEMA_PATH.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")

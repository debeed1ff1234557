"""The parsed draft: a tree of provisions with stable ids.

Ids follow ``shared/spec/review-json.md``: ``art:12``, ``art:12.3``, ``art:12.3.2``, containers ``sec:2``,
``ch:3``, ``par:1``, and ``preamble`` for the text before the first article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Language = Literal["ru", "kk", "en"]

ArticleWord = Literal["article", "section"]
"""What a draft calls its articles: ``article`` ("Статья 12", "12-бап", "Article 12", and "Standard 12") or
``section`` (US "§ 6501", UK "Section 12" in a law without articles). The id is ``art:12`` either way; the
word only changes how a provision is named ("Section 6501(1)", :func:`crlens.analysis.labels.label`)."""

ARTICLE_WORDS: dict[ArticleWord, dict[str, str]] = {
    "article": {"en": "Article", "ru": "Статья"},
    "section": {"en": "Section", "ru": "§"},
}
"""How an article is named at the start of a sentence, by what the draft calls its articles and the language
written in. A section in Russian is "§ 6501", as Russian writing on US and UK law cites it."""


@dataclass(frozen=True)
class Naming:
    """What a draft's provision ids do not say about how the draft names its provisions, in one object that
    travels wherever provisions are named (:func:`crlens.analysis.labels.label`): the word for its articles, and
    which first levels under an article are items, not paragraphs. The default names a provision as an id alone
    would, for callers that do not know the draft."""

    word: ArticleWord = "article"
    """What the draft calls its articles (:data:`ArticleWord`)."""
    items: frozenset[str] = frozenset()
    """The ids of the items ("4)", "(a)") that stand directly under their article, with no paragraph ("1.")
    above them: ``art:60.4`` of an article that is a lead-in and a list. The id is the one a paragraph "4." would
    have, but Russian drafting names it «подпункт 4) статьи 60», not «пункт 4 статьи 60»."""

    @classmethod
    def of(cls, word: ArticleWord, provisions: Iterable[tuple[str, str, str | None]]) -> Naming:
        """The naming of a draft that calls its articles ``word``, from its provisions as (id, kind, parent id),
        which a parsed :class:`Document`, a ``review.json`` and a review stored in a project all give."""
        listed = list(provisions)
        articles = {pid for pid, kind, _ in listed if kind == "article"}
        return cls(word, frozenset(pid for pid, kind, parent in listed
                                   if kind == "subparagraph" and parent in articles))


CONTAINER_KINDS: tuple[str, ...] = ("book", "part", "section", "chapter", "subchapter", "annex")
"""Kinds of the divisions above articles, outermost first (``annex`` sits beside them)."""


@dataclass(eq=False)
class Provision:
    """A node of the draft: the preamble, a container (part, chapter...), an article or a numbered part of one.

    ``text`` is the provision's own text, without its number marker and without the text of its children;
    ``marker`` is that number marker as the draft writes it ("1.", "2)", "(a)", "8.1"), empty for articles,
    containers and the preamble. ``start``/``end`` are character offsets into the extracted text, spanning the
    provision with its children.
    """

    id: str
    kind: str
    number: str | None
    label: str
    heading: str = ""
    text: str = ""
    marker: str = ""
    parent: Provision | None = field(default=None, repr=False)
    children: list[Provision] = field(default_factory=list, repr=False)
    start: int = 0
    end: int = 0
    tail_at: int = 0
    """Where in :attr:`text` the part that follows the provision's list begins, 0 when none does: "3. Platforms
    shall have these functions: 1) ...; 2) .... The interface shall not mislead ..." holds the last sentence, a
    part of paragraph 3 (its «часть вторая»), not of item 2). It is the provision's own text, read after its
    children."""

    @property
    def article(self) -> Provision | None:
        """The article this provision belongs to (itself for an article), or None outside articles."""
        node: Provision | None = self
        while node is not None and node.kind != "article":
            node = node.parent
        return node

    def walk(self) -> list[Provision]:
        """This provision and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def full_text(self) -> str:
        """Heading, own text and the text of every descendant, one line each, in document order."""
        return "\n".join(self._lines(numbered=False))

    def numbered_text(self) -> str:
        """Heading and text as the draft numbers them: like :meth:`full_text`, with each part's own marker
        ("1. …", "2) …") before its text, so that a lawyer quoted the provision can tell its paragraphs apart.

        ``full_text`` stays without markers: draft comparison matches a renumbered paragraph by its words."""
        return "\n".join(self._lines(numbered=True))

    def _lines(self, numbered: bool) -> list[str]:
        """The lines of :meth:`full_text` or :meth:`numbered_text`: the part after a list (:attr:`tail_at`) after
        the list."""
        lead, tail = (self.text[:self.tail_at].rstrip("\n"), self.text[self.tail_at:]) if self.tail_at else (
            self.text, "")
        parts = [self.heading] if self.heading else []
        line = " ".join(piece for piece in (self.marker if numbered else "", lead) if piece)
        if line:
            parts.append(line)
        for child in self.children:
            parts.extend(child._lines(numbered))
        if tail:
            parts.append(tail)
        return parts

    def to_json(self) -> dict[str, Any]:
        """The provision as a ``review.json`` provisions entry (without analysis fields)."""
        return {
            "id": self.id,
            "parent": self.parent.id if self.parent else None,
            "kind": self.kind,
            "number": self.number,
            "label": self.label,
            "heading": self.heading,
            "text": self.text,
            "offsets": [self.start, self.end],
        }


@dataclass(frozen=True)
class Definition:
    """A term the draft defines, and the provision that defines it."""

    term: str
    provision: str


@dataclass
class Document:
    """A parsed draft: its metadata, the extracted text and the provision tree (flat, in document order)."""

    title: str
    source: str
    sha256: str
    language: Language
    text: str
    provisions: list[Provision]
    definitions: list[Definition] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    input_format: str = "txt"
    article_word: ArticleWord = "article"
    """What the draft calls its articles (:data:`ArticleWord`), as the structure parser found it."""

    @property
    def naming(self) -> Naming:
        """How the draft names its provisions (:class:`Naming`)."""
        cached = getattr(self, "_naming", None)
        key = (len(self.provisions), self.article_word)
        if cached is None or cached[0] != key:
            cached = (key, Naming.of(self.article_word, ((p.id, p.kind, p.parent.id if p.parent else None)
                                                         for p in self.provisions)))
            self._naming = cached
        return cached[1]

    @property
    def articles(self) -> list[Provision]:
        """The articles of the draft, in document order."""
        return [p for p in self.provisions if p.kind == "article"]

    @property
    def roots(self) -> list[Provision]:
        """The top-level provisions (preamble, outermost containers, articles outside any container)."""
        return [p for p in self.provisions if p.parent is None]

    def get(self, provision_id: str) -> Provision | None:
        """The provision with this id, if any."""
        return self._index().get(provision_id)

    def _index(self) -> dict[str, Provision]:
        cached = getattr(self, "_by_id", None)
        if cached is None or len(cached) != len(self.provisions):
            cached = {p.id: p for p in self.provisions}
            self._by_id = cached
        return cached

    def document_json(self) -> dict[str, Any]:
        """The ``document`` object of ``review.json``."""
        return {
            "title": self.title,
            "source": self.source,
            "sha256": self.sha256,
            "language": self.language,
            "format": self.input_format,
            "articles": len(self.articles),
            "provisions": len(self.provisions),
            "definitions": [{"term": d.term, "provision": d.provision} for d in self.definitions],
            # only where it is not the default, so a review of a draft with articles reads as it always did
            **({"article_word": self.article_word} if self.article_word != "article" else {}),
        }

    def to_json(self) -> dict[str, Any]:
        """``document`` and ``provisions`` as in ``review.json``, plus the warnings met while parsing."""
        return {
            "document": self.document_json(),
            "provisions": [p.to_json() for p in self.provisions],
            "warnings": list(self.warnings),
        }

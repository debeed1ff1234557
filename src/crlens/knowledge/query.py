"""Questions asked of the knowledge base: counts, lookups by id, and text search."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crlens.knowledge.loader import KnowledgeBase
from crlens.knowledge.models import AREA_IDS, Area, Criterion, Example, Norm


@dataclass(frozen=True)
class Stats:
    """Counts that say how complete the knowledge base is."""

    areas: int
    areas_expected: int
    criteria: int
    concepts: int
    norms: int
    norms_verified: int
    cited_norms: int
    cited_norms_verified: int
    instruments: int
    examples: int
    jurisdictions: int

    @property
    def verified_share(self) -> float:
        return self.norms_verified / self.norms if self.norms else 0.0

    @property
    def cited_verified_share(self) -> float:
        return self.cited_norms_verified / self.cited_norms if self.cited_norms else 0.0


def stats(kb: KnowledgeBase) -> Stats:
    """Counts of areas, criteria, norms (and how many are verified), examples and jurisdictions."""
    cited = {ref for crit in kb.criteria.values() for ref in crit.norms}
    return Stats(
        areas=sum(1 for a in AREA_IDS if a in kb.areas),
        areas_expected=len(AREA_IDS),
        criteria=len(kb.criteria),
        concepts=len(kb.concepts),
        norms=len(kb.norms),
        norms_verified=sum(1 for n in kb.norms.values() if n.verified),
        cited_norms=len(cited),
        cited_norms_verified=sum(1 for ref in cited if ref in kb.norms and kb.norms[ref].verified),
        instruments=len(kb.instruments),
        examples=len(kb.examples),
        jurisdictions=len({e.jurisdiction for e in kb.examples.values()}),
    )


Entry = Area | Criterion | Norm | Example


def find(kb: KnowledgeBase, entry_id: str) -> Entry | None:
    """The area, criterion, norm or example with this id."""
    return kb.areas.get(entry_id) or kb.criteria.get(entry_id) or kb.norms.get(entry_id) or kb.examples.get(
        entry_id)


@dataclass(frozen=True)
class Hit:
    """A search result: what kind of entry, its id, a one-line description, and how well it matched."""

    kind: str
    id: str
    title: str
    score: int


_WORD = re.compile(r"\w+", re.UNICODE)


def search(kb: KnowledgeBase, text: str, limit: int = 25) -> list[Hit]:
    """Criteria, norms and examples whose text contains the words of ``text`` (any language, any case).

    Entries are ranked by how many of the query's words they contain, then by kind and id.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return []
    hits: list[Hit] = []

    def score(*fields: str) -> int:
        haystack = " ".join(fields).lower()
        return sum(1 for w in words if w in haystack)

    for crit in kb.criteria.values():
        s = score(crit.id, crit.statement.en, crit.statement.ru, crit.rationale.en, crit.rationale.ru)
        if s:
            hits.append(Hit("criterion", crit.id, crit.statement.en, s))
    for norm in kb.norms.values():
        s = score(norm.id, norm.ref, norm.ref_ru, norm.topic.en, norm.topic.ru)
        if s:
            hits.append(Hit("norm", norm.id, f"{norm.ref}: {norm.topic.en}", s))
    for ex in kb.examples.values():
        s = score(ex.id, ex.ref, ex.ref_ru, ex.instrument, ex.summary.en, ex.summary.ru)
        if s:
            hits.append(Hit("example", ex.id, f"{ex.ref}: {ex.summary.en}", s))
    order = {"criterion": 0, "norm": 1, "example": 2}
    hits.sort(key=lambda h: (-h.score, order[h.kind], h.id))
    return hits[:limit]

"""Helpers for tests: short drafts reviewed from a real file, as a user's draft is, and the concepts in a text."""

from __future__ import annotations

from pathlib import Path

from crlens.analysis.engine import matcher_for, review_document
from crlens.analysis.review import Recommendation, Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load


def review_text(folder: Path, text: str, name: str = "draft.txt") -> Review:
    """Write ``text`` to ``folder/name`` and review it: parse the file, then analyse it."""
    draft = folder / name
    draft.write_text(text, encoding="utf-8")
    return review_document(parse_file(draft))


def concepts_in(lang: str, text: str) -> set[str]:
    """The concepts the knowledge base's vocabulary for ``lang`` finds in ``text``."""
    matcher = matcher_for(load(), lang)
    return {hit.concept for hit in matcher.find(text, matcher.analyzer.tokens(text))}


PLATFORM_ARTICLES = (
    "Статья 1. Основные понятия\n"
    "В настоящем Кодексе используются следующие понятия:\n"
    "1) онлайн-платформа – информационный ресурс, на котором пользователи размещают информацию;\n"
    "2) владелец онлайн-платформы – лицо, которое управляет онлайн-платформой.\n"
    "Статья 2. Обязанности владельца онлайн-платформы\n"
    "Владелец онлайн-платформы удаляет информацию, нарушающую законы, по предписанию уполномоченного органа.\n"
)
"""Two articles of a short Russian code on online platforms: a definitions article and the owner's duty to remove
what an order names; the body of drafts that differ in their title (whose law they are) or in what follows."""

KAZAKH_PLATFORM_CODE = f"ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН\n(проект)\n{PLATFORM_ARTICLES}"
"""The platform articles as a draft code of Kazakhstan."""
NAMELESS_PLATFORM_CODE = f"КОДЕКС О ЦИФРОВЫХ УСЛУГАХ\n(проект)\n{PLATFORM_ARTICLES}"
"""The platform articles as a draft code whose title names no country: its jurisdiction cannot be told."""


def list_supplement(rec_id: str, target: str, en: str, ru: str | None = None) -> Recommendation:
    """A recommendation supplementing ``target`` with the proposed texts ``en`` and ``ru`` (``en`` when not
    given), as a reviser may leave it: two such recommendations adding items to one list article are a case no
    framework criterion gives the engine today (every principle it adds as an item also adds paragraphs), but a
    project's revised texts can."""
    from crlens.analysis.review import Amendment, ProposedText, RecommendationRu

    return Recommendation(id=rec_id, areas=["general-principles"], criteria=["general-principles-02"],
                          provisions=[target], priority="high", issue="i", solution="s", sources=[],
                          amendment=Amendment(target=target, action="supplement", current_text="",
                                              proposed_text=ProposedText(en=en, ru=ru if ru is not None else en),
                                              justification=f"Justification of {rec_id}.",
                                              justification_ru=f"Обоснование {rec_id}."),
                          age_bands=[], gender="", ru=RecommendationRu(issue="i", solution="s", gender=""))

"""Examples in legislation are cited in the reader's language, with their jurisdiction, and never point a draft to
itself or to an act it repeals."""

from __future__ import annotations

import re
from pathlib import Path

from crlens.analysis.review import Recommendation, Review
from crlens.knowledge.loader import load
from drafts import PLATFORM_ARTICLES as ARTICLES
from drafts import review_text

REPEAL = (
    "Статья 3. Порядок введения в действие настоящего Кодекса\n"
    "Со дня введения в действие настоящего Кодекса признать утратившим силу Закон Республики Казахстан "
    "«Об онлайн-платформах и онлайн-рекламе».\n"
)


def _code_of(country: str, body: str = ARTICLES) -> str:
    return f"ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ {country}\n(проект)\n{body}"


def _cited(review: Review) -> set[str]:
    return {s.id for rec in review.recommendations for s in rec.sources if s.kind == "example"}


def _rec(review: Review, criterion: str) -> Recommendation:
    return next(r for r in review.recommendations if criterion in r.criteria)


def test_a_draft_digital_code_is_not_shown_the_digital_code_as_an_example(tmp_path: Path) -> None:
    review = review_text(tmp_path, _code_of("КАЗАХСТАН"))
    assert not {e for e in _cited(review) if e.startswith("kz-digital-code-")}
    assert "Цифровой кодекс" not in _rec(review, "general-principles-03").amendment.justification_ru


def test_another_countrys_digital_code_is_shown_kazakhstans(tmp_path: Path) -> None:
    review = review_text(tmp_path, _code_of("УЗБЕКИСТАН"))
    assert "kz-digital-code-art-43" in {s.id for s in _rec(review, "general-principles-03").sources}


def test_a_draft_is_not_shown_an_act_it_repeals(tmp_path: Path) -> None:
    kept = review_text(tmp_path, _code_of("КАЗАХСТАН"), "kept.txt")
    repealed = review_text(tmp_path, _code_of("КАЗАХСТАН", ARTICLES + REPEAL), "repeals.txt")
    assert "kz-online-platforms-art-14-3" in _cited(kept)
    assert not {e for e in _cited(repealed) if e.startswith("kz-online-platforms-")}


def test_russian_deliverables_cite_an_example_by_its_russian_reference_and_jurisdiction(tmp_path: Path) -> None:
    rec = _rec(review_text(tmp_path, _code_of("УЗБЕКИСТАН")), "general-principles-03")
    [source] = [s for s in rec.sources if s.id == "kz-digital-code-art-43"]
    assert source.ref_ru == "Цифровой кодекс, статья 43"
    assert "Цифровой кодекс, статья 43 (Казахстан)" in rec.amendment.justification_ru
    assert "Digital Code art. 43 (Kazakhstan)" in rec.amendment.justification


def test_every_example_of_a_russian_language_jurisdiction_has_a_russian_reference() -> None:
    kb = load()
    for example in kb.examples.values():
        if example.jurisdiction in {"kz", "ru", "uz", "kg"}:
            assert re.search(r"[А-Яа-я]", example.ref_ru), example.id
            assert not re.search(r"\b(?:Law|art|arts)\b", example.ref_ru), example.id

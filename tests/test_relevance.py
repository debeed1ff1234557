"""Child relevance of a provision, as shared/spec/areas.md defines it: direct, indirect or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafts import review_text


def _relevance(tmp_path: Path, article_text: str) -> str:
    review = review_text(tmp_path, f"Статья 1. Общие положения\n{article_text}\n")
    return next(p.child_relevance for p in review.provisions if p.id == "art:1")


@pytest.mark.parametrize("text", [
    "Сертификат не выдается в случае недостижения лицом шестнадцатилетнего возраста.",
    "Регистрация допускается по достижении возраста 14 лет.",
])
def test_an_age_limit_makes_a_provision_direct(tmp_path: Path, text: str) -> None:
    assert _relevance(tmp_path, text) == "direct"


def test_a_legal_representative_makes_a_provision_direct(tmp_path: Path) -> None:
    text = "Согласие на обработку дает законный представитель."
    assert _relevance(tmp_path, text) == "direct"


@pytest.mark.parametrize("text", [
    "Законный представитель онлайн-платформы рассматривает запрос уполномоченного органа.",
    "Собственник назначает своего законного представителя по взаимодействию с уполномоченным органом.",
])
def test_a_companys_legal_representative_does_not(tmp_path: Path, text: str) -> None:
    assert _relevance(tmp_path, text) != "direct"

"""Area tagging of articles, as shared/spec/areas.md ("When a provision belongs to an area") asks: an article is
judged with all its parts and read in the chapter it sits in."""

from __future__ import annotations

from pathlib import Path

from crlens.analysis.review import Review
from drafts import review_text

_STORAGE = "Статья 5. Хранение сведений\n1. Оператор хранит персональные данные пользователей на территории " \
           "Республики Казахстан не менее трех лет.\n"


def _article(review: Review, pid: str = "art:5"):
    return next(p for p in review.provisions if p.id == pid)


def test_a_chapter_heading_tips_an_area_the_article_speaks_of_once(tmp_path: Path) -> None:
    review = review_text(tmp_path, "Глава 2. Защита персональных данных\n" + _STORAGE)
    article = _article(review)
    assert article.areas == ["data-privacy"]
    assert article.signals[0].score >= 1.0


def test_the_same_article_in_a_chapter_on_something_else_is_a_word_in_passing(tmp_path: Path) -> None:
    review = review_text(tmp_path, "Глава 2. Общие положения\n" + _STORAGE)
    assert _article(review).areas == []


def test_a_chapter_heading_alone_puts_no_article_in_its_area(tmp_path: Path) -> None:
    text = ("Глава 2. Защита персональных данных детей и кибербезопасность\n"
            "Статья 5. Вступление в силу\n1. Настоящий Закон вводится в действие по истечении десяти календарных "
            "дней после дня его первого официального опубликования.\n")
    assert _article(review_text(tmp_path, text)).areas == []


def test_a_chapter_on_the_main_subject_does_not_push_out_a_second_one(sample_ru: Path, tmp_path: Path) -> None:
    """Art. 6 of the sample lists the rights of natural persons, among them the right to redress; the chapter
    "Principles ... and rights of natural persons" adds to its main area, principles, but does not raise the bar
    that redress, its fourth subject, is measured against."""
    review = review_text(tmp_path, sample_ru.read_text(encoding="utf-8"))
    assert "redress" in _article(review, "art:6").areas

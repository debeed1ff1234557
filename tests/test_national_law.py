"""A review knows whose law the draft is: the draft's own country's law is national law in force, cited apart and
named as such, and a gap it already has rules on says so, instead of being shown as foreign practice or as
something missing. A jurisdiction that cannot be told changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from drafts import review_text

ARTICLES = (
    "Статья 1. Основные понятия\n"
    "В настоящем Кодексе используются следующие понятия:\n"
    "1) онлайн-платформа – информационный ресурс, на котором пользователи размещают информацию;\n"
    "2) владелец онлайн-платформы – лицо, которое управляет онлайн-платформой.\n"
    "Статья 2. Обязанности владельца онлайн-платформы\n"
    "Владелец онлайн-платформы удаляет информацию, нарушающую законы, по предписанию уполномоченного органа.\n"
)
KAZAKH = f"ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН\n(проект)\n{ARTICLES}"
NAMELESS = f"КОДЕКС О ЦИФРОВЫХ УСЛУГАХ\n(проект)\n{ARTICLES}"
EU = (
    "REGULATION (EU) 2026/101 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on online platforms\n"
    "Article 1\nSubject matter\n"
    "This Regulation lays down rules for providers of online platforms.\n"
)


@pytest.fixture(scope="module")
def kazakh(tmp_path_factory: pytest.TempPathFactory) -> Review:
    return review_text(tmp_path_factory.mktemp("kz"), KAZAKH)


@pytest.fixture(scope="module")
def nameless(tmp_path_factory: pytest.TempPathFactory) -> Review:
    return review_text(tmp_path_factory.mktemp("nameless"), NAMELESS)


# --- whose law the draft is -------------------------------------------------------------------------------------


def test_a_kazakh_drafts_review_records_jurisdiction_kz(kazakh: Review) -> None:
    assert kazakh.document.jurisdiction == "kz"
    assert json.loads(kazakh.to_json())["document"]["jurisdiction"] == "kz"


def test_a_draft_titled_in_kazakh_is_kazakhstans(tmp_path: Path) -> None:
    text = ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЦИФРЛЫҚ КОДЕКСІ\nЖОБА\n"
            "1-бап. Негізгі ұғымдар\nОсы Кодексте ұғымдар пайдаланылады.\n")
    assert review_text(tmp_path, text).document.jurisdiction == "kz"


def test_an_eu_regulations_review_records_eu(tmp_path: Path) -> None:
    assert review_text(tmp_path, EU).document.jurisdiction == "eu"


def test_a_law_whose_title_names_no_country_is_known_by_its_title_block(tmp_path: Path) -> None:
    text = ("Об онлайн-платформах и онлайн-рекламе\n"
            f"Закон Республики Казахстан от 10 июля 2023 года № 18-VIII ЗРК\n{ARTICLES}")
    assert review_text(tmp_path, text).document.jurisdiction == "kz"


def test_the_us_code_chapter_of_coppa_is_us_law(corpus: Path) -> None:
    """Its title ("Title 15— COMMERCE AND TRADE") names no country; its chapter is an act the knowledge base
    knows as United States law."""
    assert review_document(parse_file(corpus / "us-coppa-15usc6501.txt")).document.jurisdiction == "us"


def test_a_title_naming_two_jurisdictions_leaves_the_jurisdiction_unknown(tmp_path: Path) -> None:
    text = ("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН О ратификации Соглашения между Правительством Республики Казахстан и "
            f"Правительством Российской Федерации\n{ARTICLES}")
    assert review_text(tmp_path, text).document.jurisdiction is None


def test_an_unknown_jurisdiction_is_absent_from_review_json(nameless: Review) -> None:
    assert nameless.document.jurisdiction is None
    assert "jurisdiction" not in json.loads(nameless.to_json())["document"]

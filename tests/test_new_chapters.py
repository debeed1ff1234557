"""New articles enough for a chapter of their own: the review proposes one after the chapter they follow.

A lawyer's review of the KZ Digital Code found eleven new child-protection articles (29-1..29-11) appended to its
chapter on kinds of digital objects; a drafter would give them a chapter of their own.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from crlens.analysis.engine import NEW_CHAPTER_AT, review_document
from crlens.analysis.labels import anchor_of
from crlens.analysis.review import Recommendation, Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from crlens.report.amendments import rows
from crlens.report.brief import build
from crlens.report.redline import write_redline
from drafts import review_text
from makefiles import accepted_text, make_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_RU = "Обеспечение прав ребенка в цифровой среде"


@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"), load())


def _after(review: Review, anchor: str) -> list[Recommendation]:
    """The new articles the review places after ``anchor``."""
    return [r for r in review.recommendations
            if r.amendment.action == "new" and anchor_of(r.amendment.target) == anchor]


def test_new_articles_after_the_article_closing_a_chapter_go_in_a_new_chapter_after_it(kz_code):
    """Art. 29 closes chapter 4; the eleven articles after it go in chapter 4-1 and keep their numbers."""
    after_29 = _after(kz_code, "art:29")
    assert len(after_29) == 11
    assert [r.amendment.number for r in after_29] == [f"29-{k}" for k in range(1, 12)]
    assert {(r.amendment.chapter.number, r.amendment.chapter.after) for r in after_29} == {("4-1", "ch:4")}
    assert after_29[0].amendment.chapter.heading.ru == HEADING_RU.upper()  # as the Code heads its chapters


def test_new_articles_after_an_article_inside_a_chapter_stay_in_it(kz_code):
    """Art. 14 is not the last of chapter 2: its six new articles follow it there."""
    after_14 = _after(kz_code, "art:14")
    assert len(after_14) >= NEW_CHAPTER_AT
    assert all(r.amendment.chapter is None for r in after_14)


def test_fewer_new_articles_than_a_chapter_needs_stay_in_the_chapter_they_close(kz_code):
    """Art. 15 closes chapter 2, and only four new articles follow it."""
    after_15 = _after(kz_code, "art:15")
    assert 0 < len(after_15) < NEW_CHAPTER_AT
    assert all(r.amendment.chapter is None for r in after_15)


def test_the_new_chapter_is_written_in_review_json_and_read_back(kz_code, tmp_path):
    path = tmp_path / "review.json"
    path.write_text(kz_code.model_dump_json(), encoding="utf-8")
    again = Review.read(path)
    assert again.recommendations == kz_code.recommendations


def test_an_amendment_in_the_drafts_own_chapter_has_no_chapter_field_in_review_json(kz_code):
    dumped = [r.amendment.model_dump() for r in kz_code.recommendations]
    assert sum("chapter" in a for a in dumped) == 11


def test_an_english_draft_numbers_the_new_chapter_as_eu_acts_insert_one(corpus):
    """The AI Act's art. 4 closes Chapter I; five new articles 4a-4e go in Chapter Ia."""
    review = review_document(parse_file(corpus / "eu-ai-act-2024-1689.txt"), load())
    chapters = {(r.amendment.chapter.number, r.amendment.chapter.after) for r in review.recommendations
                if r.amendment.chapter is not None}
    assert chapters == {("Ia", "ch:I")}


def test_a_draft_of_one_chapter_gets_no_new_chapter(corpus):
    """COPPA is one chapter of the US Code: seventeen new sections after its last stay in it."""
    review = review_document(parse_file(corpus / "us-coppa-15usc6501.txt"), load())
    assert len(_after(review, "art:6506")) >= NEW_CHAPTER_AT
    assert all(r.amendment.chapter is None for r in review.recommendations)


def test_the_amendments_table_names_the_new_chapter_each_article_goes_in(kz_code):
    places = [row.provision for row in rows(kz_code, "ru") if row.provision.startswith("Новая статья 29-")]
    assert len(places) == 11
    assert places[1] == f"Новая статья 29-2 (в новой главе 4-1 «{HEADING_RU.upper()}» после главы 4)"
    english = [row.provision for row in rows(kz_code, "en") if row.provision.startswith("New article 29-2 ")]
    assert english == ["New article 29-2 (in new Chapter 4-1 “ENSURING THE RIGHTS OF THE CHILD IN THE DIGITAL "
                       "ENVIRONMENT”, after Chapter 4)"]


@pytest.fixture(scope="module")
def kz_redline(tmp_path_factory, corpus, kz_code):
    """The body paragraphs of the redline of the KZ Code as a Word draft, as a reader who accepts every change
    reads them."""
    folder = tmp_path_factory.mktemp("kz-redline")
    draft = make_docx((corpus / "kz-digital-code-2026-ru.txt").read_text(encoding="utf-8").splitlines(),
                      folder / "draft.docx")
    written = write_redline(kz_code, draft, folder / "redline.docx")
    return [p for p in docx.Document(str(written.path)).element.body.iter(f"{W}p")]


def test_the_redline_inserts_the_new_chapters_heading_once_before_its_first_article(kz_redline):
    """In capitals, as the Code heads its chapters («Глава 4. ЦИФРОВЫЕ ОБЪЕКТЫ»), and as a tracked insertion."""
    texts = [accepted_text(p) for p in kz_redline]
    heading = f"Глава 4-1. {HEADING_RU.upper()}"
    assert texts.count(heading) == 1
    at = texts.index(heading)
    assert texts[at + 1].startswith("Статья 29-1. ")
    assert kz_redline[at].find(f"{W}ins") is not None
    assert texts.index(heading) < texts.index(next(t for t in texts if t.startswith("Статья 29-11. ")))


def test_the_brief_names_the_new_chapter_by_its_number_alone(kz_code):
    """Five pages have no room for the heading each time; the amendments table gives it."""
    places = [r.where for r in build(kz_code, "ru").recommendations]
    assert "Новая статья 29-2 (в новой главе 4-1 после главы 4)" in places
    assert not any(HEADING_RU.upper() in place for place in places)


SENTENCE_CASE_DRAFT = (
    "Глава 1. Общие положения\n"
    "Статья 1. Открытые данные\n"
    "Открытые данные размещаются на платформе открытых данных.\n"
    "Статья 2. Удостоверяющий центр\n"
    "Удостоверяющий центр выдает регистрационные свидетельства.\n"
    "Глава 2. Цифровые платформы\n"
    "Статья 3. Цифровые платформы\n"
    "Владелец платформы обеспечивает бесперебойную работу платформы.\n"
)


def test_a_draft_that_heads_its_chapters_as_sentences_gets_the_new_heading_as_a_sentence(tmp_path):
    review = review_text(tmp_path, SENTENCE_CASE_DRAFT)
    headings = {r.amendment.chapter.heading.ru for r in review.recommendations if r.amendment.chapter is not None}
    assert headings == {HEADING_RU}

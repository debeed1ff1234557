"""Provision names in the draft's own word for its articles: "Article 12(3)" in a code, "Section 6501(1)" in
the US Code and a UK bill (``crlens.analysis.labels``, ``Document.article_word``)."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.labels import label, label_genitive, label_in, labels, labels_in
from crlens.analysis.review import SCHEMA_PATH, Review
from crlens.ingest import parse_file, parse_text
from crlens.ingest.model import Naming
from crlens.report.amendments import rows

US_SECTIONS = """# Title 15
#### § 6501. Definitions
In this chapter:
(1) Child
The term "child" means an individual under the age of 13.
(2) Operator
The term "operator" means any person who operates a website.
(A) means any person
(i) who operates
#### § 6502. Regulation of unfair and deceptive acts
(a) Acts prohibited
It is unlawful for an operator to collect personal information from a child.
"""
UK_SECTIONS = """Online Safety Bill
Section 12 Safety duties protecting children
(1) This section sets out the duties to protect children's online safety.
(3) A duty to use proportionate systems and processes.
Section 13 Children's access assessments
(1) A provider must carry out a children's access assessment.
"""
SECTIONS = Naming("section")
KZ_ARTICLES = """Статья 12. Права ребенка
1. Ребенок имеет право на защиту.
2) персональные данные ребенка
Статья 13. Обязанности
1. Оператор обязан.
"""


@pytest.fixture(scope="module")
def coppa_review(corpus):
    """The COPPA review, read back from its JSON as the reports and the web workspace read it."""
    review = review_document(parse_file(corpus / "us-coppa-15usc6501.txt"))
    return Review.model_validate_json(review.to_json())


# --- labels --------------------------------------------------------------------------------------------------


def test_an_article_keeps_its_english_name_by_default():
    assert label("art:12.3.2") == "Article 12(3)(2)"
    assert label_genitive("art:12") == "Article 12"


def test_an_article_keeps_its_russian_name_by_default():
    assert label("art:12.3.2", "ru") == "Подпункт 2) пункта 3 статьи 12"
    assert label("art:12", "ru") == "Статья 12"
    assert label_genitive("art:12.3", "ru") == "пункта 3 статьи 12"


def test_a_provision_after_in_is_named_in_the_russian_prepositional():
    """«В статье 5 упоминаются: ...»: the frames that list what a provision mentions name it after "в"."""
    assert label_in("art:12", "ru") == "статье 12"
    assert label_in("art:12.3.2", "ru") == "подпункте 2) пункта 3 статьи 12"
    assert label_in("ch:3", "ru") == "главе 3"
    assert label_in("preamble", "ru") == "преамбуле"
    assert label_in("art:6501.1", "ru", naming=SECTIONS) == "§ 6501(1)"
    assert labels_in(["art:9.5", "art:42.1"], "ru") == "пункте 5 статьи 9, пункте 1 статьи 42"
    assert label_in("art:12.3") == "Article 12(3)"


def test_provisions_listed_in_russian_run_on_after_the_first():
    assert labels(["art:9.5", "art:42.1"], "ru") == "Пункт 5 статьи 9, пункт 1 статьи 42"
    assert labels(["art:9.5", "art:42.1"]) == "Article 9(5), Article 42(1)"


def test_the_brief_lists_a_recommendations_provisions_as_russian_runs_on(sample_ru):
    """Sample, Russian: "Пункт 5 статьи 9, Пункт 1 статьи 42" had a capital in the middle of the list. A
    supplement is now named by the paragraphs it adds; a recommendation that amends the text of two provisions
    still lists them."""
    from crlens.report import brief

    review = review_document(parse_file(sample_ru))
    first = next(r for r in review.recommendations if r.priority == "high" and r.amendment.action == "supplement")
    amending = first.model_copy(update={
        "provisions": ["art:41.4", "art:42.1"],
        "amendment": first.amendment.model_copy(update={"action": "amend", "target": "art:41.4"})})
    review = review.model_copy(update={"recommendations": [amending if r is first else r
                                                           for r in review.recommendations]})
    [where] = [r.where for r in brief.build(review, "ru").recommendations if r.id == first.id]
    assert where == "Пункт 4 статьи 41, пункт 1 статьи 42"


def test_a_section_is_named_section_in_english_with_its_pinpoint():
    assert label("art:6501", naming=SECTIONS) == "Section 6501"
    assert label("art:6501.1", naming=SECTIONS) == "Section 6501(1)"
    assert label("art:6501.2.A.i", naming=SECTIONS) == "Section 6501(2)(A)(i)"


def test_a_section_is_named_with_the_section_sign_in_russian():
    assert label("art:6501", "ru", naming=SECTIONS) == "§ 6501"
    assert label("art:6501.2.A.i", "ru", naming=SECTIONS) == "§ 6501(2)(A)(i)"


def test_a_section_has_the_same_name_in_the_genitive():
    assert label_genitive("art:6501.1", "ru", naming=SECTIONS) == "§ 6501(1)"
    assert label_genitive("art:6501.1", naming=SECTIONS) == "Section 6501(1)"


def test_containers_and_the_preamble_do_not_take_the_article_word():
    assert label("ch:91", naming=SECTIONS) == "Chapter 91"
    assert label("sec:2", "ru", naming=SECTIONS) == "Раздел 2"
    assert label("preamble", "ru", naming=SECTIONS) == "Преамбула"


# --- the parser ----------------------------------------------------------------------------------------------


def test_a_draft_of_section_signs_numbers_sections():
    document = parse_text(US_SECTIONS)
    assert document.article_word == "section"
    assert [p.label for p in document.provisions if p.kind == "article"] == ["Section 6501", "Section 6502"]


def test_the_parts_of_a_section_are_named_after_it():
    document = parse_text(US_SECTIONS)
    assert document.get("art:6501.1").label == "Section 6501(1)"
    assert document.get("art:6501.2.A.i").label == "Section 6501(2)(A)(i)"


def test_a_uk_bill_without_articles_numbers_sections():
    document = parse_text(UK_SECTIONS)
    assert document.article_word == "section"
    assert document.get("art:12.3").label == "Section 12(3)"


def test_a_draft_with_articles_keeps_the_article_word_and_labels():
    document = parse_text(KZ_ARTICLES)
    assert document.article_word == "article"
    assert document.get("art:12.1").label == "Article 12(1)"


def test_the_article_word_is_left_out_of_the_document_block_when_it_is_article():
    assert "article_word" not in parse_text(KZ_ARTICLES).document_json()
    assert parse_text(US_SECTIONS).document_json()["article_word"] == "section"


# --- the corpus ----------------------------------------------------------------------------------------------


def test_kz_digital_code_articles_keep_their_labels(corpus):
    document = parse_file(corpus / "kz-digital-code-2026-ru.txt")
    assert document.article_word == "article"
    assert all(a.label == f"Article {a.number}" for a in document.articles)


def test_coppa_review_records_that_it_numbers_sections_and_is_schema_valid(coppa_review):
    data = json.loads(coppa_review.to_json())
    assert data["document"]["article_word"] == "section"
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_coppa_provision_labels_name_sections_not_articles(coppa_review):
    labels = [p.label for p in coppa_review.provisions]
    assert "Section 6501(1)" in labels
    assert not [lab for lab in labels if lab.startswith("Article 650")]


def test_coppa_recommendation_issues_cite_sections_not_articles(coppa_review):
    issues = [r.issue for r in coppa_review.recommendations]
    assert any("Section 6501(1)" in issue for issue in issues)
    assert not [issue for issue in issues if "Article 650" in issue]


def test_coppa_russian_issues_cite_the_section_sign_not_statya(coppa_review):
    issues = [r.ru.issue for r in coppa_review.recommendations]
    assert any("§ 6501(1)" in issue for issue in issues)
    assert not [issue for issue in issues if "статьи 650" in issue or "татья 650" in issue]


def test_coppa_russian_issues_cite_provisions_that_exist_with_their_capital_letters(coppa_review):
    """A pinpoint run on inside a Russian sentence keeps its capitals: "§ 6502(b)(1)(A)(ii)", not "(a)", which
    would be another provision or none."""
    ids = {p.id for p in coppa_review.provisions}
    # the US law in force an issue may build on (18 U.S.C. § 2258A) is cited after the draft's own provisions
    own = [r.ru.issue.split("Действующее законодательство уже содержит")[0] for r in coppa_review.recommendations]
    cited = [m for issue in own for m in re.findall(r"§ (\d+)((?:\(\w+\))*)", issue)]
    assert cited
    named = {"art:" + ".".join([section, *re.findall(r"\((\w+)\)", parts)]) for section, parts in cited}
    assert named <= ids, sorted(named - ids)
    assert "art:6502.b.1.A.ii" in named


def test_coppa_amendments_table_takes_the_word_from_the_review(coppa_review):
    places = [row.provision for row in rows(coppa_review, "en")]
    assert any("(after Section 6502)" in place for place in places)
    assert not [place for place in places if "Article 650" in place]


def test_coppa_new_sections_are_sections_in_the_table_and_the_proposed_text(coppa_review):
    places = [row.provision for row in rows(coppa_review, "en")]
    assert any(place.startswith("New section") for place in places)
    assert not any(place.startswith("New article") for place in places)
    new = [r.amendment.proposed_text for r in coppa_review.recommendations if r.amendment.action == "new"]
    assert new and all(t.en.startswith("Section 65") and t.ru.startswith("§ 65") for t in new)


def test_coppa_articles_in_the_web_workspace_are_named_as_in_review_json(coppa_review):
    service = pytest.importorskip("crlens.web.service")
    articles = service.draft_articles(coppa_review, "en")
    shown = {part.id: part.label for article in articles for part in article.parts}
    assert shown["art:6501.1"] == "Section 6501(1)"
    assert {a.id: a.label for a in service.draft_articles(coppa_review, "ru")}["art:6501"] == "§ 6501"

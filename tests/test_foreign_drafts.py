"""Our model clauses and solutions are written for Kazakhstan's law. A draft of another country gets them without
Kazakhstan's names: no "laws of the Republic of Kazakhstan", no "Kazakh and Russian", no Government "of the
Republic of Kazakhstan" in a text proposed for a Kyrgyz code or an EU regulation. A Kazakh draft, and a draft whose
country cannot be told, get them as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from drafts import PLATFORM_ARTICLES as ARTICLES
from drafts import review_text

KYRGYZ = f"ЦИФРОВОЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ\n(проект)\n{ARTICLES}"
KAZAKHSTAN = re.compile(r"kazakh|казах", re.IGNORECASE)


def _our_texts(review: Review) -> list[str]:
    """Every text of the review that is ours to propose: the proposed texts and solutions, in both languages,
    and what the positive findings say the draft does."""
    texts: list[str] = []
    for rec in review.recommendations:
        texts += [rec.solution, rec.ru.solution]
        if rec.amendment.proposed_text is not None:
            texts += [rec.amendment.proposed_text.en, rec.amendment.proposed_text.ru]
    texts += [t for p in review.positive_findings for t in (p.statement, p.statement_ru)]
    return texts


@pytest.fixture(scope="module")
def kyrgyz(tmp_path_factory: pytest.TempPathFactory) -> Review:
    return review_text(tmp_path_factory.mktemp("kg"), KYRGYZ)


def test_a_kyrgyz_drafts_proposed_texts_and_solutions_never_name_kazakhstan(kyrgyz: Review) -> None:
    assert kyrgyz.document.jurisdiction == "kg"
    named = [t for t in _our_texts(kyrgyz) if KAZAKHSTAN.search(t)]
    assert named == []


def test_a_kyrgyz_draft_is_given_its_own_laws_in_the_cases_they_set(kyrgyz: Review) -> None:
    texts = "\n".join(_our_texts(kyrgyz))
    assert "установленных законами." in texts
    assert "established by the laws in force." in texts


def test_a_kyrgyz_draft_is_given_the_state_and_official_languages(kyrgyz: Review) -> None:
    texts = "\n".join(_our_texts(kyrgyz))
    assert "на государственном и официальном языках" in texts
    assert "in the state and official languages" in texts


def test_a_kyrgyz_drafts_action_plan_is_approved_by_the_government(kyrgyz: Review) -> None:
    plan = next(r for r in kyrgyz.recommendations if "coordination-monitoring-02" in r.criteria)
    assert plan.amendment.proposed_text is not None
    assert "Правительство утверждает национальный план" in plan.amendment.proposed_text.ru
    assert "The Government approves a national action plan" in plan.amendment.proposed_text.en


@pytest.mark.parametrize("name", ["eu-gdpr-2016-679.txt", "eu-ai-act-2024-1689.txt", "us-coppa-15usc6501.txt"])
def test_an_eu_or_us_laws_proposed_texts_and_solutions_never_name_kazakhstan(corpus: Path, name: str) -> None:
    review = review_document(parse_file(corpus / name))
    assert [t for t in _our_texts(review) if KAZAKHSTAN.search(t)] == []


def test_a_kazakh_drafts_texts_name_kazakhstans_laws_and_languages(kazakh: Review) -> None:
    texts = "\n".join(_our_texts(kazakh))
    assert "установленных законами Республики Казахстан." in texts
    assert "на казахском и русском языках" in texts
    assert "in Kazakh and Russian" in texts


def test_a_draft_whose_country_cannot_be_told_gets_the_texts_as_written(nameless: Review) -> None:
    assert nameless.document.jurisdiction is None
    texts = "\n".join(_our_texts(nameless))
    assert "установленных законами Республики Казахстан." in texts
    assert "на казахском и русском языках" in texts

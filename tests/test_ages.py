"""The ages the proposed texts use, explained once (knowledge/data/ages.yaml), above the amendments table."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from crlens.analysis.engine import review_document
from crlens.ingest import parse_file
from crlens.knowledge.loader import load
from crlens.report.amendments import AGES_HEADING, ages_used, write_docx


@pytest.mark.parametrize(("lang", "name"), [("en", "amendments.docx"), ("ru", "amendments.ru.docx")])
def test_the_amendments_table_explains_each_age_its_proposed_texts_use(sample_ru: Path, tmp_path: Path,
                                                                      lang: str, name: str) -> None:
    """Fourteen in one proposed text and sixteen in another read as a choice, said once above the table: what
    each age is for and what it rests on."""
    review = review_document(parse_file(sample_ru))
    path = write_docx(review, tmp_path / name, lang)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    start = texts.index(AGES_HEADING[lang])
    years = "{} years — " if lang == "en" else "{} лет — "
    assert [t.split(" — ")[0] for t in texts[start + 1:start + 4]] == [years.format(a)[:-3] for a in (18, 16, 14)]
    assert "Civil Code of Kazakhstan art. 22" in texts[start + 3] or "Гражданский кодекс" in texts[start + 3]


def test_an_age_no_proposed_text_uses_is_not_explained(sample_ru: Path) -> None:
    kb = load()
    review = review_document(parse_file(sample_ru))
    fourteen = set(next(a for a in kb.ages if a.age == 14).criteria)
    without = review.model_copy(update={"recommendations": [
        r for r in review.recommendations if fourteen.isdisjoint(r.criteria)]})
    assert not any(line.startswith("14 years") for line in ages_used(without, "en", kb))
    assert any(line.startswith("16 years") for line in ages_used(without, "en", kb))


def test_the_age_of_consent_lists_no_choice_a_clause_bars_before_it_whatever_the_consent() -> None:
    """safety-06 bars a public live broadcast by a user under sixteen outright; the note on sixteen listed live
    broadcasting among the choices the child's own consent opens from sixteen, as if a parent could open it
    earlier (lawyer's review of the Digital Code)."""
    sixteen = next(age for age in load().ages if age.age == 16)
    for lang, consent_list in (("en", r"\(profiling[^)]*\)"), ("ru", r"\(профилирование[^)]*\)")):
        choices = re.search(consent_list, getattr(sixteen.use, lang)).group()
        assert not re.search(r"broadcast|трансляц", choices), lang
    assert "barred before sixteen" in sixteen.use.en

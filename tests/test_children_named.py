"""Where «ребенок» is defined as every person under eighteen, the Russian proposed texts call that person a child.

A lawyer's review of the KZ Digital Code (fourth audit, K11; L6 for the Law on Online Platforms) found the review
defining «ребенок» and then writing «лицо», «пользователь», «обучающийся, не достигший восемнадцатилетнего
возраста» in about twelve texts: three names for one person.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crlens.analysis.children import as_children
from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import load

UNDER_18 = re.compile(r"не достигш\w+ восемнадцатилетнего возраста")


@pytest.mark.parametrize(("ours", "named"), [
    # the comma that closed the participial phrase goes, unless another phrase follows
    ("Персональные данные лиц, не достигших восемнадцатилетнего возраста, не публикуются.",
     "Персональные данные детей не публикуются."),
    ("Персональные данные лиц, не достигших восемнадцатилетнего возраста, содержащиеся в системах",
     "Персональные данные детей, содержащиеся в системах"),
    ("обработка биометрических данных лица, не достигшего восемнадцатилетнего возраста, допускается",
     "обработка биометрических данных ребенка допускается"),
    ("к аккаунту пользователя, не достигшего восемнадцатилетнего возраста, настройки",
     "к аккаунту пользователя, являющегося ребенком, настройки"),
    ("направления пользователю, не достигшему восемнадцатилетнего возраста, подарков",
     "направления пользователю, являющемуся ребенком, подарков"),
    ("одобренные пользователем, не достигшим восемнадцатилетнего возраста",
     "одобренные пользователем, являющимся ребенком"),
    ("пожертвования пользователям, не достигшим восемнадцатилетнего возраста",
     "пожертвования пользователям, являющимся детьми"),
    ("в отношении обучающихся, не достигших восемнадцатилетнего возраста, за исключением",
     "в отношении обучающихся, являющихся детьми, за исключением"),
    ("Пользователь, не достигший восемнадцатилетнего возраста, вправе",
     "Пользователь, являющийся ребенком, вправе"),
])
def test_a_person_under_eighteen_is_named_a_child_in_the_case_and_number_of_the_words_replaced(
        ours: str, named: str) -> None:
    assert as_children(ours) == named


@pytest.mark.parametrize("kept", [
    # nominative or accusative: «ребенок» or «ребенка» cannot be told
    "материалы, изображающие лицо, не достигшее восемнадцатилетнего возраста",
    # an age range is no child
    "из лиц, достигших двенадцатилетнего, но не достигших восемнадцатилетнего возраста",
    # another age
    "пользователя, не достигшего шестнадцатилетнего возраста",
])
def test_words_whose_form_or_meaning_is_not_the_child_stay_as_written(kept: str) -> None:
    assert as_children(kept) == kept


def test_a_word_pointing_back_at_the_person_named_a_child_points_at_the_child() -> None:
    """«биометрических данных ребенка ... по заявлению этого лица» left «лица» pointing at no one once the person
    became «ребенок» (the biometrics clause in the Law on Online Platforms)."""
    named = as_children("данных лица, не достигшего восемнадцатилетнего возраста, допускается по заявлению этого "
                        "лица для аутентификации этого лица\nпо заявлению этого лица")
    assert named == ("данных ребенка допускается по заявлению этого ребенка для аутентификации этого ребенка\n"
                     "по заявлению этого лица")


def test_a_word_pointing_back_stays_where_another_person_is_named_a_person() -> None:
    text = ("Данные лица, не достигшего восемнадцатилетнего возраста, передаются лицу, осуществляющему обработку, "
            "по заявлению этого лица.")
    assert as_children(text).endswith("передаются лицу, осуществляющему обработку, по заявлению этого лица.")


@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    return review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"), load())


def test_the_texts_of_a_review_that_defines_the_child_name_the_child(kz_code: Review) -> None:
    """The review has the KZ Code define «ребенок» (general-principles-01); only the texts that define a term by
    the age (the child, child sexual abuse material) and an age range keep «не достигших восемнадцатилетнего»."""
    kept = set(load().defining_criteria)
    assert any("general-principles-01" in r.criteria for r in kz_code.recommendations)
    left = [(r.id, m.group(0)) for r in kz_code.recommendations if not set(r.criteria) & kept
            for m in UNDER_18.finditer(r.amendment.proposed_text.ru)
            if "но " + m.group(0) not in r.amendment.proposed_text.ru]
    assert left == []


def test_the_definition_of_the_child_keeps_the_age(kz_code: Review) -> None:
    [definition] = [r for r in kz_code.recommendations if "general-principles-01" in r.criteria]
    assert UNDER_18.search(definition.amendment.proposed_text.ru)

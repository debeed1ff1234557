"""What counts as an age limit: a number of years that qualifies a person, never a period of years.

Criteria such as "parental consent below a stated age" are met only by an age limit (concept ``age-limit``); a
retention period ("kept for five years") in the same article must not make them look addressed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafts import concepts_in, review_text


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Регистрация детей до 14 лет осуществляется их законными представителями."),
    ("ru", "Пользователей младше 16 лет оператор не допускает к услуге."),
    ("ru", "Лицо, достигшее 16 лет, вправе самостоятельно дать согласие."),
    ("ru", "Согласие лица, не достигшего шестнадцати лет, дает законный представитель."),
    ("ru", "Обработка данных ребенка до достижения им возраста 14 лет допускается с согласия родителя."),
    ("en", "A child fifteen years of age may open an account."),
    ("en", "Services directed to children under 13 need a parent's consent."),
    ("en", "The consent of persons aged 16 or over is sufficient."),
])
def test_an_age_in_years_that_qualifies_a_person_is_an_age_limit(lang: str, text: str) -> None:
    assert "age-limit" in concepts_in(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Сведения хранятся в течение 5 лет."),
    ("ru", "Лицензия выдается сроком до 5 лет."),
    ("ru", "Договор заключается на срок не более десяти лет."),
    ("ru", "Сотрудник гражданской службы сроком до 5 лет."),
    ("en", "Records are kept for fifteen years."),
    ("en", "The authorisation is valid for 10 years."),
])
def test_a_period_of_years_is_no_age(lang: str, text: str) -> None:
    assert not {"age-limit", "age-threshold"} & concepts_in(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Уведомление составляется с учетом возраста ребенка."),
    ("en", "The notice is written in age-appropriate language."),
])
def test_age_appropriate_wording_is_neither_an_age_limit_nor_age_assurance(lang: str, text: str) -> None:
    assert not {"age-limit", "age-assurance"} & concepts_in(lang, text)


def _consent_criterion(tmp_path: Path, article: str) -> str:
    review = review_text(tmp_path, f"Статья 1. Персональные данные детей\n{article}\n")
    return next(c.status for c in review.criteria if c.id == "data-privacy-01")


def test_parental_consent_with_a_retention_period_but_no_age_limit_is_partial(tmp_path: Path) -> None:
    article = ("1. Обработка персональных данных ребенка осуществляется с согласия его родителя.\n"
               "2. Персональные данные ребенка хранятся в течение 5 лет.")
    assert _consent_criterion(tmp_path, article) == "partial"


def test_parental_consent_below_a_stated_age_is_addressed(tmp_path: Path) -> None:
    article = ("1. Обработка персональных данных ребенка, не достигшего шестнадцати лет, осуществляется с "
               "согласия его родителя.\n2. Персональные данные ребенка хранятся в течение 5 лет.")
    assert _consent_criterion(tmp_path, article) == "addressed"

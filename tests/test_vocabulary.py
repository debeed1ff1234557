"""Words the concept matcher must know: each case is wording a real or sample law uses for a concept."""

from __future__ import annotations

import pytest

from drafts import concepts_in


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The controller shall provide the information within one month of receipt of the request."),
    ("en", "The authority shall decide within two weeks."),
    ("ru", "Жалоба рассматривается в течение одного месяца со дня ее поступления."),
])
def test_a_time_limit_in_weeks_or_months_is_a_deadline(lang: str, text: str) -> None:
    assert "deadline" in concepts_in(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "материалы, в том числе созданные или измененные с применением цифровых технологий"),
    ("en", "material, including material created or altered by means of digital technologies"),
])
def test_material_altered_by_digital_means_is_a_simulated_depiction(lang: str, text: str) -> None:
    assert "simulated-depiction" in concepts_in(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Признать утратившим силу Закон Республики Казахстан «Об онлайн-платформах и онлайн-рекламе»."),
    ("en", "The following are repealed from the day this Code enters into force."),
])
def test_a_repeal_is_recognised(lang: str, text: str) -> None:
    assert "repeal" in concepts_in(lang, text)

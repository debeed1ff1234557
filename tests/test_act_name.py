"""Proposed text names the reviewed act as the act names itself: a law is "this Law", not "this Code"."""

from __future__ import annotations

import re
from pathlib import Path

from crlens.analysis.act_name import CODE, act_name, name_the_act
from drafts import review_text

LAW_RU = (
    "Статья 1. Основные понятия, используемые в настоящем Законе\n"
    "В настоящем Законе используются следующие понятия:\n"
    "1) онлайн-платформа – интернет-ресурс, размещающий контент пользователей;\n"
    "Статья 2. Обязанности собственника онлайн-платформы\n"
    "Собственник онлайн-платформы соблюдает требования настоящего Закона.\n"
)


def test_a_law_is_named_a_law_and_a_regulation_a_regulation() -> None:
    assert act_name(LAW_RU, "ru").ru == "Закон"
    assert act_name("Rights under this Regulation apply. This Regulation binds.", "en").en == "Regulation"
    assert act_name("Осы Заңда пайдаланылатын негізгі ұғымдар", "kk").ru == "Закон"


def test_a_draft_that_never_names_itself_is_taken_for_a_code() -> None:
    assert act_name("Article 1. Scope\nIt applies to platforms.", "en") == CODE


def test_every_case_of_the_russian_name_follows_the_act() -> None:
    law = act_name(LAW_RU, "ru")
    text = "Требования настоящего Кодекса, установленные настоящим Кодексом, и принципы Кодекса"
    assert name_the_act(text, law, "ru") == ("Требования настоящего Закона, установленные настоящим Законом, "
                                             "и принципы Закона")


def test_other_codes_keep_their_names() -> None:
    """The Code of Administrative Offences and industry codes of practice are other instruments."""
    law = act_name(LAW_RU, "ru")
    assert name_the_act("изменения в Кодекс об административных правонарушениях", law, "ru").endswith(
        "Кодекс об административных правонарушениях")
    assert name_the_act("amend the Code of Administrative Offences and approve codes of practice under the code",
                        law, "en") == ("amend the Code of Administrative Offences and approve codes of practice "
                                       "under the Law")


def test_the_proposed_text_for_a_law_says_law_in_both_languages(tmp_path: Path) -> None:
    review = review_text(tmp_path, LAW_RU, "law.txt")
    ru = " ".join(r.amendment.proposed_text.ru + r.ru.solution for r in review.recommendations)
    en = " ".join(r.amendment.proposed_text.en + r.solution for r in review.recommendations)
    assert "настоящего Закона" in ru
    assert not re.search(r"[Нн]астоящ\w* Кодекс|\bКодекс(?:а|у|ом|е)?\b(?! об)", ru)
    assert "this Law" in en and "this Code" not in en

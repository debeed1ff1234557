"""Proposed text names the reviewed act as the act names itself: a law is "this Law", not "this Code"; and
findings speak of "the draft" only when the text is one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crlens.analysis.act_name import CODE, ActName, act_name, is_draft, name_the_act, refer_to_act
from crlens.analysis.engine import review_document
from crlens.ingest import parse_file
from crlens.report import amendments, brief
from drafts import review_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

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


def test_an_act_codified_as_a_chapter_of_the_us_code_is_an_act() -> None:
    """COPPA says "this chapter" of itself; "this title" is Title 15 of the United States Code, not COPPA."""
    coppa = (CORPUS / "us-coppa-15usc6501.txt").read_text(encoding="utf-8")
    assert act_name(coppa, "en") == ActName("Act", "Закон")


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


@pytest.mark.parametrize(("head", "draft"), [
    ("ЦИФРОВОЙ КОДЕКС РЕСПУБЛИКИ КАЗАХСТАН\n(проект)\n", True),
    ("Проект\n\nЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nО защите детей\n", True),
    ("DRAFT LAW ON ONLINE SAFETY\n", True),
    ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЦИФРЛЫҚ КОДЕКСІ\n(жоба)\n", True),
    ("ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\nОб онлайн-платформах\nСтатья 1. Основные понятия\n", False),
    ("[Source: the adopted text, not the draft]\n# ЦИФРОВОЙ КОДЕКС\n", False),
])
def test_a_text_is_a_draft_when_its_title_block_says_so(head: str, draft: bool) -> None:
    assert is_draft(head + "Статья 1. Цели\nТекст.\n") is draft


def test_the_bundled_sample_is_a_draft_and_the_adopted_digital_code_is_not() -> None:
    assert is_draft((ROOT / "examples" / "draft-digital-code.ru.txt").read_text(encoding="utf-8"))
    assert not is_draft((CORPUS / "kz-digital-code-2026-ru.txt").read_text(encoding="utf-8"))


def test_findings_about_the_draft_speak_of_an_adopted_act_by_its_name() -> None:
    code = ActName("Code", "Кодекс")
    assert refer_to_act("Проект не определяет понятий; среди понятий проекта его нет.", code, "ru") == (
        "Кодекс не определяет понятий; среди понятий Кодекса его нет.")
    assert refer_to_act("The draft does not; no provision of the draft's text.", code, "en") == (
        "The Code does not; no provision of the Code's text.")


def test_design_a_draft_decision_and_bills_are_not_the_reviewed_draft() -> None:
    code = ActName("Code", "Кодекс")
    text = "при проектировании сервиса; проект решения; законопроект"
    assert refer_to_act(text, code, "ru") == text
    assert refer_to_act("A draft decision; draft codes of practice", code, "en") == (
        "A draft decision; draft codes of practice")


def test_the_review_of_an_adopted_law_calls_it_the_law_in_findings_brief_and_amendments_table(
        tmp_path: Path) -> None:
    review = review_text(tmp_path, LAW_RU, "law.txt")
    assert review.document.act.status == "adopted" and review.document.act.name_ru == "Закон"
    issues = " ".join(r.issue for r in review.recommendations)
    issues_ru = " ".join(r.ru.issue for r in review.recommendations)
    assert "The Law does not" in issues and "the draft" not in issues.lower()
    assert "Закон не" in issues_ru and not re.search(r"\b[Пп]роект(?:а|у|ом|е)?\b", issues_ru)
    solutions = " ".join(r.solution + r.ru.solution for r in review.recommendations)
    assert "where the Law defines its terms" in solutions and "где Закон определяет" in solutions
    assert brief.build(review, "ru").title == "Аналитическая записка: права детей в Законе"
    assert amendments.headers(review, "en")[0] == "Provision of the Law"


def test_the_review_of_a_draft_keeps_calling_it_the_draft(tmp_path: Path) -> None:
    review = review_text(tmp_path, "Проект\n" + LAW_RU, "law.txt")
    assert review.document.act.status == "draft"
    assert any(r.issue.startswith("The draft") for r in review.recommendations)
    assert brief.build(review, "en").title == "Policy brief: children's rights in the draft"


def test_an_act_of_sections_has_its_proposed_texts_say_this_section() -> None:
    """COPPA names sections, not articles: "paragraph 1 of this article" in a new section pointed at nothing."""
    if not (CORPUS / "us-coppa-15usc6501.txt").is_file():
        pytest.skip("corpus not present")
    review = review_document(parse_file(CORPUS / "us-coppa-15usc6501.txt"))
    texts = [r.amendment.proposed_text.en for r in review.recommendations]
    assert any("paragraph 1 of this section" in t for t in texts)
    assert not [t for t in texts if "this article" in t]

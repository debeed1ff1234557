"""The English proposed text takes the draft's terms too (crlens.analysis.terminology.adapt_en, terminology.yaml).

The English is a translation for the reader of a Russian draft: when the Russian says «цифровая платформа» where
our clause says «онлайн-платформа», the English says "digital platform" where ours says "online platform", by the
same decision for the draft. The drafts and clauses here are short texts written for the tests; the real Kazakh
Digital Code is read in place from ../shared/corpus and never copied."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crlens.analysis import terminology
from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.ingest import parse_file
from crlens.knowledge.loader import KnowledgeBaseError, load, load_terminology


def adapt_en(text: str, draft_text: str, draft_language: str = "ru") -> str:
    """:func:`crlens.analysis.terminology.adapt_en` with the shipped equivalences, as a review uses it."""
    return terminology.adapt_en(text, draft_text, load().terminology, draft_language)


def adapt_ru(text: str, draft_text: str, draft_language: str = "ru") -> str:
    return terminology.adapt_ru(text, draft_text, load().terminology, draft_language)


DIGITAL_PLATFORM_DRAFT = (
    "Статья 1. Цифровая платформа обеспечивает взаимодействие пользователей. Владелец цифровой платформы "
    "публикует правила. Сведения передаются через веб-портал цифрового правительства и сервисы обмена "
    "мгновенными сообщениями."
)
OPERATOR_DRAFT = "Оператор онлайн-платформы публикует правила. Операторы онлайн-платформ отчитываются."
PROPRIETOR_DRAFT = "Собственник онлайн-платформы публикует правила. Собственники онлайн-платформ отчитываются."
RF_EDUCATION_DRAFT = "Образовательная организация размещает электронные образовательные ресурсы."


# --- the English term follows the Russian decision --------------------------------------------------------------

def test_an_online_platform_becomes_a_digital_platform_with_the_article_that_fits() -> None:
    assert adapt_en("Where an online platform is used", DIGITAL_PLATFORM_DRAFT) == (
        "Where a digital platform is used")


def test_a_capital_article_stays_capital_when_it_changes() -> None:
    assert adapt_en("An online platform shall", DIGITAL_PLATFORM_DRAFT) == "A digital platform shall"


def test_a_messenger_becomes_an_instant_messaging_service() -> None:
    assert adapt_en("through a messenger or e-mail", DIGITAL_PLATFORM_DRAFT) == (
        "through an instant messaging service or e-mail")


def test_the_plural_is_kept() -> None:
    assert adapt_en("on online platforms and messengers", DIGITAL_PLATFORM_DRAFT) == (
        "on digital platforms and instant messaging services")


def test_a_capital_first_letter_is_kept() -> None:
    assert adapt_en("1. Online platform operators shall", DIGITAL_PLATFORM_DRAFT) == (
        "1. Digital platform operators shall")


@pytest.mark.parametrize(("ours", "theirs"), [
    ("the online platform's terms", "the digital platform's terms"),
    ("online platforms' duties", "digital platforms' duties"),
])
def test_a_possessive_is_kept(ours: str, theirs: str) -> None:
    assert adapt_en(f"It states {ours}.", DIGITAL_PLATFORM_DRAFT) == f"It states {theirs}."


def test_a_hyphenated_term_is_replaced_whole() -> None:
    assert adapt_en("E-government services and the e-government web portal", DIGITAL_PLATFORM_DRAFT) == (
        "Digital government services and the digital government web portal")


def test_the_words_after_the_head_and_their_article_stay_as_written() -> None:
    text = ("The operator of an online platform informs the operator of the online platform. Operators of online "
            "platforms")
    assert adapt_en(text, PROPRIETOR_DRAFT) == (
        "The owner of an online platform informs the owner of the online platform. Owners of online platforms")


def test_each_of_our_english_wordings_becomes_the_alternative() -> None:
    text = "An education organisation and organisations of education use digital educational resources."
    assert adapt_en(text, RF_EDUCATION_DRAFT) == (
        "An educational organisation and educational organisations use electronic educational resources.")


def test_the_russian_and_the_english_follow_one_decision() -> None:
    text_ru = "Владелец онлайн-платформы уведомляет пользователя."
    text_en = "The operator of an online platform notifies the user."
    assert "собственник" in adapt_ru(text_ru, PROPRIETOR_DRAFT).lower()
    assert adapt_en(text_en, PROPRIETOR_DRAFT) == "The owner of an online platform notifies the user."


def test_the_holder_of_a_platform_is_its_operator_and_its_proprietor_its_owner_in_english() -> None:
    """Kazakh law names «собственник и (или) владелец» side by side as two persons; our clauses' English said
    "owner" for «владелец» in two places of three and "operator" in the third, so that an English reader of the
    review of the Digital Code met two duty-holders, one of them the wrong one. «Владелец» is now "operator"
    wherever our clauses say it, and "owner" is kept for «собственник»."""
    platform_owner = next(e for e in load().terminology if e.id == "platform-owner")
    assert platform_owner.term_en == ("operator of an online platform",)
    for criterion in load().criteria.values():
        clause = criterion.recommendation.model_clause if criterion.recommendation else None
        if clause is None or re.search(r"собственни", clause.ru, re.IGNORECASE):
            continue
        assert not re.search(r"\bowners?\b", clause.en, re.IGNORECASE), criterion.id


# --- when the English stays -------------------------------------------------------------------------------------

def test_an_alternative_whose_english_is_ours_changes_nothing_in_english() -> None:
    # «оператор» and our «владелец» are both "operator" in English
    text = "The operator of an online platform notifies the user."
    assert adapt_en(text, OPERATOR_DRAFT) == text


def test_a_draft_that_uses_our_russian_term_leaves_the_english_unchanged() -> None:
    text = "An online platform shall notify the e-government web portal."
    assert adapt_en(text, "Онлайн-платформа и веб-портал электронного правительства.") == text


def test_a_title_is_left_unchanged() -> None:
    text = "the Law on Online Platforms and Online Advertising and an online platform"
    assert adapt_en(text, DIGITAL_PLATFORM_DRAFT) == (
        "the Law on Online Platforms and Online Advertising and a digital platform")


def test_a_one_word_name_inside_a_sentence_is_left_unchanged() -> None:
    """A title or product name of one capitalised word ("the Law on E-Government", "Facebook Messenger") is a
    name, not our term; only at the opening of a sentence or an item is a capital no sign of one."""
    text = "the Law on E-Government and Facebook Messenger, and a messenger"
    assert adapt_en(text, DIGITAL_PLATFORM_DRAFT) == (
        "the Law on E-Government and Facebook Messenger, and an instant messaging service")


def test_a_one_word_term_opening_a_sentence_or_an_item_is_still_ours() -> None:
    assert adapt_en("Rules apply. E-government portals shall...", DIGITAL_PLATFORM_DRAFT) == (
        "Rules apply. Digital government portals shall...")
    assert adapt_en("shall:\n1) Messengers shall...", DIGITAL_PLATFORM_DRAFT) == (
        "shall:\n1) Instant messaging services shall...")
    assert adapt_en("E-government portals", DIGITAL_PLATFORM_DRAFT) == "Digital government portals"


def test_a_term_inside_a_longer_hyphenated_word_is_left_unchanged() -> None:
    text = "non-e-government systems and e-government-wide rules"
    assert adapt_en(text, DIGITAL_PLATFORM_DRAFT) == text


# --- an English draft decides by its English ---------------------------------------------------------------------

def test_an_english_draft_that_says_online_platform_keeps_it() -> None:
    draft = "Article 1. An online platform operator and digital platforms shall protect children."
    text = "An online platform shall notify the user."
    assert adapt_en(text, draft, "en") == text
    assert adapt_ru("Онлайн-платформа уведомляет пользователя.", draft, "en") == (
        "Онлайн-платформа уведомляет пользователя.")


@pytest.mark.parametrize(("draft", "ours_en", "theirs_en", "ours_ru", "theirs_ru"), [
    # only "digital platform": both languages take it
    ("Article 1. Digital platforms shall protect children. The operator of a digital platform shall report.",
     "An online platform shall notify the user.", "A digital platform shall notify the user.",
     "Онлайн-платформа уведомляет пользователя.", "Цифровая платформа уведомляет пользователя."),
    # the English sample draft's "online platform operator(s)" is our own English for «владелец
    # онлайн-платформы»: nothing switches, and the two languages still name one person
    ("Article 1. Online platform operators protect children. An online platform operator shall report.",
     "The operator of an online platform shall notify the user.",
     "The operator of an online platform shall notify the user.",
     "Владелец онлайн-платформы уведомляет пользователя.", "Владелец онлайн-платформы уведомляет пользователя."),
    # "owner" is «собственник»
    ("Article 1. Online platforms protect children. The owner of an online platform shall report.",
     "The operator of an online platform shall notify the user.",
     "The owner of an online platform shall notify the user.",
     "Владелец онлайн-платформы уведомляет пользователя.",
     "Собственник онлайн-платформы уведомляет пользователя."),
], ids=["digital-platform", "operator", "owner"])
def test_an_english_draft_decides_the_term_in_both_languages(draft: str, ours_en: str, theirs_en: str,
                                                              ours_ru: str, theirs_ru: str) -> None:
    assert adapt_en(ours_en, draft, "en") == theirs_en
    assert adapt_ru(ours_ru, draft, "en") == theirs_ru


def test_a_russian_draft_is_not_decided_by_english_words_in_it() -> None:
    text = "An online platform shall notify the user."
    assert adapt_en(text, "Статья 1. Digital platforms. Пользователи вправе обжаловать решения.") == text


# --- the data file ----------------------------------------------------------------------------------------------

def _model_clauses_en() -> str:
    return "\n".join(c.recommendation.model_clause.en for c in load().criteria.values()
                     if c.recommendation.model_clause is not None)


def test_every_english_term_is_our_model_clauses_wording() -> None:
    clauses = _model_clauses_en().lower()
    unused = [(entry.id, term) for entry in load().terminology for term in entry.term_en
              if not terminology._english_count(term, clauses)]
    assert unused == []


@pytest.mark.parametrize(("english", "error"), [
    # an alternative without its English
    ("    term_en: online platform\n    alternatives_en: [digital platform]\n", "English of each alternative"),
    # the alternatives' English without ours
    ("    alternatives_en: [digital platform, internet platform]\n", "term_en"),
    # an alternative that contains ours would be rewritten again and again
    ("    term_en: platform\n    alternatives_en: [digital platform, internet platform]\n",
     "contains or is contained"),
])
def test_english_terms_that_do_not_line_up_are_rejected(tmp_path: Path, english: str, error: str) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text("equivalences:\n  - id: platform\n    term: онлайн-платформа\n"
                    "    alternatives: [цифровая платформа, интернет-платформа]\n" + english + "    note: x\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=error):
        load_terminology(path)


# --- the real Kazakh Digital Code -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    path = corpus / "kz-digital-code-2026-ru.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return review_document(parse_file(path))


def _pairs(review: Review) -> list[tuple[str, str, str]]:
    pairs = []
    for rec in review.recommendations:
        pairs.append((f"{rec.id} solution", rec.solution, rec.ru.solution))
        if rec.amendment is not None:
            text = rec.amendment.proposed_text
            pairs.append((f"{rec.id} proposed text", text.en, text.ru))
    return pairs


@pytest.mark.parametrize(("ours_en", "ours_ru", "theirs_ru"), [
    (r"\b[Oo]nline platforms?\b", r"онлайн-платформ", r"цифров\w* платформ"),
    (r"\b[Ee]-government\b", r"электронн\w* правительств", r"цифров\w* правительств"),
])
def test_the_kazakh_digital_code_s_english_does_not_keep_our_term_where_its_russian_takes_the_code_s(
        kz_code: Review, ours_en: str, ours_ru: str, theirs_ru: str) -> None:
    """Where the Russian says «цифровая платформа» and never «онлайн-платформа», the English does not say "online
    platform" (a law's title, "On Online Platforms", is a name and stays)."""
    differ = [where for where, en, ru in _pairs(kz_code)
              if re.search(theirs_ru, ru, re.I) and not re.search(ours_ru, ru, re.I) and re.search(ours_en, en)]
    assert differ == []


@pytest.mark.parametrize(("theirs_en", "at_least"), [(r"\bdigital platforms?\b", 30),
                                                     (r"\bdigital government\b", 4)])
def test_the_kazakh_digital_code_s_english_says_the_code_s_term(
        kz_code: Review, theirs_en: str, at_least: int) -> None:
    assert sum(bool(re.search(theirs_en, en, re.I)) for _, en, _ in _pairs(kz_code)) >= at_least

"""Terms our proposed texts use that the draft has no word for are defined where the review adds definitions
(``terminology.yaml``, definitions): no proposed duty rests on an undefined word.

The Kazakh Digital Code and the Law on Online Platforms are read in place from ../shared/corpus; the sample
draft is ours."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Recommendation, Review
from crlens.analysis.terminology import uses_term
from crlens.ingest import parse_file
from crlens.knowledge.loader import KnowledgeBaseError, check, load, load_terminology
from drafts import review_text


def _review(path: Path) -> Review:
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    return review_document(parse_file(path), load())


@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    return _review(corpus / "kz-digital-code-2026-ru.txt")


def _defining(review: Review) -> list[Recommendation]:
    return [r for r in review.recommendations if r.defined_terms]


def _defined_terms(rec: Recommendation, lang: str) -> list[str]:
    """The terms of ours the proposed text defines, in its order: the items of its paragraph of definitions
    ("the following terms are used: 1) ..."), or the items it adds to the draft's list of definitions (after its
    own definition of a child or of cyberbullying), worded as ours are or as the draft's ("content – ...")."""
    ours = {term.term_en if lang == "en" else term.term for term in rec.defined_terms}
    text = getattr(rec.amendment.proposed_text, lang)
    terms = [re.split(" means | – ", line.split(") ", 1)[1], maxsplit=1)[0] for line in text.split("\n")
             if re.match(r"\d+\) ", line)]
    return [term for term in terms if term in ours]


def test_the_code_gets_definitions_of_the_terms_our_texts_use_and_it_never_does(kz_code: Review) -> None:
    (rec,) = _defining(kz_code)
    assert _defined_terms(rec, "ru") == [
        "аккаунт", "контент", "магазин приложений", "монетизируемый контент", "онлайн-игра",
        "поставщик услуг хостинга", "профайлинг", "рекомендательная система", "цифровой сервис"]
    assert _defined_terms(rec, "en") == [
        "account", "content", "app store", "monetised content", "online game", "provider of hosting services",
        "profiling", "recommender system", "digital service"]


def test_a_code_without_a_definitions_article_gets_one_after_its_first_article(kz_code: Review) -> None:
    """Fourth lawyer's audit (K2): the Code defines its terms where it uses them and has no definitions article;
    the review made its art. 1, on the relations the Code governs, a list of definitions with two more as
    paragraphs of their own after it. All of them now make one new article, «Основные понятия», after art. 1."""
    (rec,) = _defining(kz_code)
    assert {"general-principles-01", "cyber-aggression-01", "csea-06"} <= set(rec.criteria)
    assert (rec.amendment.target, rec.amendment.action, rec.amendment.number) == ("new after art:1 in ch:1", "new",
                                                                                  "1-1")
    assert rec.amendment.proposed_text.ru.startswith(
        "Статья 1-1. Основные понятия, используемые в настоящем Кодексе\n")
    assert rec.amendment.proposed_text.en.startswith("Article 1-1. Terms used in this Code\n")
    assert rec.ru.issue.startswith("В Кодексе нет статьи об основных понятиях: термины определяются там, где они "
                                   "используются (пункт 1 статьи 1).")
    assert not [r.id for r in kz_code.recommendations
                if r.amendment.target == "art:1" and " – " in r.amendment.proposed_text.ru]


def test_the_definitions_article_is_one_list_in_alphabetical_order(kz_code: Review) -> None:
    (rec,) = _defining(kz_code)
    lines = rec.amendment.proposed_text.ru.split("\n")
    assert lines[1] == "1. В настоящем Кодексе используются следующие основные понятия:"
    items = [line for line in lines[2:] if re.match(r"\d+\) ", line)]
    assert [line.split(") ", 1)[0] for line in items] == [str(n) for n in range(1, len(items) + 1)]
    terms = [line.split(") ", 1)[1].split(" – ", 1)[0] for line in items]
    assert terms == sorted(terms) and {"ребенок", "кибербуллинг в отношении ребенка",
                                       "материалы сексуального насилия над детьми", "аккаунт"} <= set(terms)
    assert all(line.endswith(";") for line in items[:-1]) and items[-1].endswith(".")
    # what a clause requires beyond its definition follows the list
    assert lines[2 + len(items)].startswith("2. Гарантии, установленные настоящим Кодексом для детей")


def test_the_english_definitions_keep_the_numbers_of_the_russian_ones(kz_code: Review) -> None:
    (rec,) = _defining(kz_code)
    english = [line for line in rec.amendment.proposed_text.en.split("\n") if re.match(r"\d+\) ", line)]
    assert english[0].startswith("1) account means") and english[1].startswith("2) cyberbullying of a child means")


CHILD_NAMED_BY_AGE_ONLY = (
    "Статья 1. Предмет регулирования\n"
    "1. Настоящий Закон регулирует отношения в цифровой среде. Под цифровой средой понимается совокупность "
    "цифровых технологий.\n"
    "Статья 2. Защита несовершеннолетних\n"
    "1. Собственники онлайн-платформ обеспечивают защиту лиц, не достигших восемнадцатилетнего возраста, от "
    "противоправного контента.\n"
)


def test_a_definition_the_draft_has_in_part_goes_to_the_new_definitions_article_too(tmp_path: Path) -> None:
    """A draft that names persons under eighteen (art. 2) but defines no child has the definition in part; it goes
    to the new definitions article with the others, not to art. 2, where the part was found."""
    review = review_text(tmp_path, CHILD_NAMED_BY_AGE_ONLY)
    assert [c.status for c in review.criteria if c.id == "general-principles-01"] == ["partial"]
    [rec] = [r for r in review.recommendations if "general-principles-01" in r.criteria]
    assert {"cyber-aggression-01", "csea-06"} <= set(rec.criteria)
    assert (rec.amendment.target, rec.amendment.number) == ("new after art:1", "1-1")
    assert rec.issue.startswith("Article 2(1) mentions persons under a set age")
    assert "The Law has no definitions article; it defines terms where it uses them (Article 1(1))." in rec.issue
    assert "\n1. В настоящем Законе используются следующие основные понятия:\n" in rec.amendment.proposed_text.ru


def test_the_definitions_take_the_drafts_terms_like_any_proposed_text(kz_code: Review) -> None:
    (rec,) = _defining(kz_code)
    assert "цифровой сервис – цифровая платформа, интернет-ресурс" in rec.amendment.proposed_text.ru
    assert "digital service means a digital platform or a website" in rec.amendment.proposed_text.en


def test_the_issue_names_each_term_with_the_recommendations_whose_texts_use_it(kz_code: Review) -> None:
    (rec,) = _defining(kz_code)
    by_id = {r.id: r for r in kz_code.recommendations}
    listed = re.search(r"«поставщик услуг хостинга» \(([^)]*)\)", rec.ru.issue)
    assert listed is not None
    ids = listed.group(1).split(", ")
    assert ids == sorted(ids)
    assert all(uses_term(by_id[i].amendment.proposed_text.ru, "поставщик услуг хостинга", "", "ru") for i in ids)
    assert "the Code neither uses nor defines: “account” (rec-" in rec.issue
    assert ("Define the terms that the proposed texts use and the Code does not: account, content, app store, "
            "monetised content, online game, provider of hosting services, profiling, recommender system, digital "
            "service.") in rec.solution


def test_every_recommendation_that_uses_a_term_the_code_lacks_is_listed(kz_code: Review) -> None:
    (rec,) = _defining(kz_code)
    users = [r.id for r in kz_code.recommendations if r is not rec
             and uses_term(r.amendment.proposed_text.ru, "онлайн-игра", "online game", "ru")]
    listed = re.search(r"«онлайн-игра» \(([^)]*)\)", rec.ru.issue)
    assert listed is not None
    assert set(users) <= set(listed.group(1).split(", "))


def test_supplements_to_the_same_article_are_numbered_after_the_definitions(kz_code: Review) -> None:
    numbers: list[int] = []
    for rec in kz_code.recommendations:
        if rec.amendment.target == "art:1" and rec.amendment.action == "supplement":
            numbers += [int(n) for n in re.findall(r"^(\d+)\. ", rec.amendment.proposed_text.ru, re.M)]
    assert len(numbers) == len(set(numbers))


def test_a_law_that_uses_content_gets_no_definition_of_it(corpus: Path) -> None:
    review = _review(corpus / "kz-law-online-platforms-2023-ru.txt")
    (rec,) = _defining(review)
    terms = _defined_terms(rec, "ru")
    assert "контент" not in terms
    assert "онлайн-игра" in terms


def test_a_draft_is_read_in_its_own_language(sample_en: Path, sample_ru: Path) -> None:
    # the sample draft names content, online games, recommender systems and digital services, in both its
    # versions, but no hosting provider, app store or monetised content; its English says "account" where its
    # Russian says «учетная запись», a word of another gender than our «аккаунт», which it therefore lacks
    for path, account in ((sample_en, []), (sample_ru, ["account"])):
        (rec,) = _defining(review_document(parse_file(path), load()))
        assert _defined_terms(rec, "en") == [*account, "app store", "monetised content",
                                             "provider of hosting services"]


def _terminology_with(tmp_path: Path, definition: str) -> Path:
    """A terminology file with one equivalence (the messenger) and one ``definition``, as YAML lines."""
    path = tmp_path / "terms.yaml"
    path.write_text(
        "equivalences:\n  - id: messenger\n    term: мессенджер\n    alternatives: [сервис обмена сообщениями]\n"
        f"    note: x\ndefinitions:\n{definition}", encoding="utf-8")
    return path


def test_a_definition_that_ends_with_a_full_stop_is_refused(tmp_path: Path) -> None:
    path = _terminology_with(
        tmp_path, "  - id: content\n    term: контент\n    term_en: content\n    definition:\n"
        "      en: information in any form.\n      ru: информация в любой форме\n    note: x\n")
    with pytest.raises(KnowledgeBaseError, match="without a full stop"):
        load_terminology(path)


def test_a_definition_of_a_drafts_word_rather_than_ours_is_refused(tmp_path: Path) -> None:
    path = _terminology_with(
        tmp_path, "  - id: messaging-service\n    term: сервис обмена сообщениями\n"
        "    term_en: messaging service\n    definition:\n      en: a service\n      ru: сервис\n    note: x\n")
    with pytest.raises(KnowledgeBaseError, match="is an alternative of 'messenger', not a term of ours"):
        load_terminology(path)


def test_a_digital_service_is_defined_as_what_has_an_operator_not_as_a_service() -> None:
    """Our texts bind «собственники и (или) владельцы цифровых сервисов»; defined as «услуга», a digital service
    had an owner no law gives a service (the Code gives them to digital objects, art. 38), so the definition now
    names the platform, site, application, game or software through which services are provided."""
    [service] = [d for d in load().term_definitions if d.id == "digital-service"]
    assert service.definition.ru.startswith("онлайн-платформа, интернет-ресурс, а также мобильное приложение")
    assert service.definition.en.startswith("an online platform or a website, or a mobile application")
    assert not re.match(r"услуг|a service", service.definition.ru + service.definition.en)


LAW_ON_ONLINE_PLATFORMS_RU = ("в значении, определенном Законом Республики Казахстан «Об онлайн-платформах и "
                              "онлайн-рекламе»")


@pytest.mark.parametrize("term", ["аккаунт", "контент", "профайлинг", "рекомендательная система"])
def test_a_term_the_law_on_online_platforms_defines_too_is_defined_once_and_that_law_is_cited(
        kz_code: Review, term: str) -> None:
    """The Law on Online Platforms defines an account, content, a platform's recommender system and «профайлинг»
    (art. 1(1), (11), (13), (15)). Our definitions once added «..., а также аккаунт в значении, определенном
    Законом ...»; a lawyer read that as one term defined twice (audit K2), and the Law has no bare
    «рекомендательная система». Ours is now the only definition, and the issue cites that law so that the drafter
    keeps the two consistent."""
    (rec,) = _defining(kz_code)
    [line] = [line for line in rec.amendment.proposed_text.ru.split("\n") if line.split(") ", 1)[-1].startswith(
        f"{term} – ")]
    assert LAW_ON_ONLINE_PLATFORMS_RU not in line
    assert "kz-online-platforms-art-1" in [s.id for s in rec.sources]
    assert ("Закон «Об онлайн-платформах и онлайн-рекламе», статья 1 (определяет применительно к "
            "онлайн-платформам аккаунт") in rec.ru.issue


def test_a_draft_that_repeals_the_law_on_online_platforms_is_not_pointed_to_its_definitions(sample_ru: Path
                                                                                              ) -> None:
    (rec,) = _defining(_review(sample_ru))
    assert "kz-online-platforms-art-1" not in [s.id for s in rec.sources]


def test_profiling_does_not_need_personal_data() -> None:
    [profiling] = [d for d in load().term_definitions if d.id == "profiling"]
    assert "или иных данных о пользователе, в том числе не позволяющих установить его личность" in (
        profiling.definition.ru)
    assert "or of other data about a user, including data that do not identify the user" in profiling.definition.en


def test_the_law_on_online_platforms_itself_is_not_referred_to_in_its_own_definitions(corpus: Path) -> None:
    (rec,) = _defining(_review(corpus / "kz-law-online-platforms-2023-ru.txt"))
    assert "онлайн-игра" in _defined_terms(rec, "ru")
    assert "«Об онлайн-платформах и онлайн-рекламе»" not in rec.amendment.proposed_text.ru


def test_the_law_on_online_platforms_keeps_its_profajling_and_gets_no_second_word_for_it(corpus: Path) -> None:
    """Third review: that law says «профайлинг» (art. 1(15), 12(2)); our texts added «профилирование» and its
    definition beside it, two words for one notion in one law. They now take its word, in every form."""
    review = _review(corpus / "kz-law-online-platforms-2023-ru.txt")
    (rec,) = _defining(review)
    assert "профилирование" not in _defined_terms(rec, "ru")
    assert "profiling" not in [t.term_en for t in rec.defined_terms]
    texts = [r.amendment.proposed_text.ru + r.ru.solution for r in review.recommendations]
    assert [t for t in texts if re.search("профилировани", t)] == []
    [ai_03] = [r for r in review.recommendations if "ai-03" in r.criteria]
    assert "не основанный на профайлинге; вариант, основанный на профайлинге," in ai_03.amendment.proposed_text.ru


def test_a_kazakh_code_says_profajling_as_the_law_on_online_platforms_in_force_does(
        kz_code: Review, sample_ru: Path) -> None:
    """Third review: the Code uses neither word, and the Law on Online Platforms in force says «профайлинг»; a
    lawyer asked for that word throughout, so that the two laws name one notion alike. The definition is ours,
    and says it covers that law's. The sample draft repeals that law, and keeps our word."""
    texts = [r.amendment.proposed_text.ru + r.ru.solution for r in kz_code.recommendations]
    assert [t for t in texts if re.search("профилировани", t)] == []
    (rec,) = _defining(kz_code)
    assert "профайлинг" in _defined_terms(rec, "ru")
    assert "профайлинг – автоматизированная обработка персональных данных" in rec.amendment.proposed_text.ru
    assert "«профайлинг» (rec-" in rec.ru.issue
    assert "профайлинг" in [t.term for t in rec.defined_terms]
    [ai_03] = [r for r in kz_code.recommendations if "ai-03" in r.criteria]
    assert "не основанный на профайлинге" in ai_03.amendment.proposed_text.ru
    sample = _review(sample_ru)
    assert any("профилировани" in r.amendment.proposed_text.ru for r in sample.recommendations)
    assert not any("профайлинг" in r.amendment.proposed_text.ru for r in sample.recommendations)


def test_kb_check_refuses_an_equivalence_whose_law_in_force_is_no_example_in_force() -> None:
    kb = load()
    terminology = tuple(e.model_copy(update={"law_in_force": "kz-online-platforms-art-99"}) if e.law_in_force
                        else e for e in kb.terminology)
    problems = check(dataclasses.replace(kb, terminology=terminology))
    assert [p.message for p in problems] == [
        "the equivalence has words that depend on 'kz-online-platforms-art-99' being law in force, which is no "
        "example of law in force"]


def test_a_definition_saying_words_of_some_drafts_in_one_language_only_is_refused(tmp_path: Path) -> None:
    path = _terminology_with(
        tmp_path, "  - id: content\n    term: контент\n    term_en: content\n    definition:\n"
        "      en: information{while:kz-online-platforms-art-1}, as well as content{endif}\n"
        "      ru: информация в любой форме\n    note: x\n")
    with pytest.raises(KnowledgeBaseError, match="in English but"):
        load_terminology(path)

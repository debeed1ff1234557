"""A recommended definition goes where the draft keeps its definitions, not where its words happen to occur."""

from __future__ import annotations

import re
from pathlib import Path

from crlens.analysis.review import Recommendation, Review
from drafts import review_text

WITH_DEFINITIONS = (
    "Chapter 1. General provisions\n"
    "Article 1. Definitions\n"
    "In this Act:\n"
    "(1) “platform” means an online service that stores and disseminates information at the request of users;\n"
    "(2) “operator” means a person who runs a platform.\n"
    "Article 2. Duties of operators\n"
    "An operator shall remove content that harasses a user, including content that humiliates a child.\n"
)

CHILD_UNDER_13 = (
    "Article 1. Definitions\n"
    "In this Act:\n"
    "(1) The term “child” means an individual under the age of 13.\n"
    "(2) The term “website directed to children” means a website targeted to children.\n"
    "Article 2. Consent\n"
    "An operator shall obtain the consent of a parent before it collects data from a child.\n"
)

NO_DEFINITIONS_ARTICLE = (
    "Статья 1. Отношения, регулируемые настоящим Кодексом\n"
    "1. Настоящий Кодекс регулирует отношения в цифровой среде.\n"
    "2. Под цифровой средой понимается совокупность цифровых объектов.\n"
    "Статья 2. Цифровые платформы\n"
    "Владелец цифровой платформы удаляет информацию, унижающую ребенка.\n"
)

LIST_WITHOUT_A_CHILD = (
    "Статья 1. Основные понятия\n"
    "В настоящем Законе используются следующие основные понятия:\n"
    "1) цифровая платформа – онлайн-сервис, который хранит и распространяет информацию по запросу пользователей;\n"
    "2) оператор – лицо, управляющее цифровой платформой.\n"
    "Статья 2. Обязанности оператора\n"
    "1. Оператор публикует правила пользования платформой.\n"
    "2. Оператор удаляет оскорбления детей по жалобе пользователя.\n"
)

ENGLISH_LIST_WITH_DASHES = (
    "Article 1. Basic concepts\n"
    "The following basic concepts are used in this Act:\n"
    "1) platform – an online service that stores and disseminates information at the request of users;\n"
    "2) operator – a person who runs a platform.\n"
    "Article 2. Duties of operators\n"
    "1. An operator shall publish the terms of use of its platform.\n"
    "2. An operator shall remove insults against children on a user's complaint.\n"
)

NO_DEFINITIONS = (
    "Article 1. Scope\n"
    "This Act applies to online platforms.\n"
    "Article 2. Duties of operators\n"
    "An operator of an online platform shall publish its terms of use.\n"
)


def _recommendation(review: Review, criterion: str) -> Recommendation:
    [rec] = [r for r in review.recommendations if criterion in r.criteria]
    return rec


def test_a_missing_definition_supplements_the_definitions_article(tmp_path: Path) -> None:
    """Article 2 is where a child and harassment are mentioned, but a definition of a child or of cyberbullying
    belongs with the other definitions."""
    review = review_text(tmp_path, WITH_DEFINITIONS)
    for criterion in ("general-principles-01", "cyber-aggression-01"):
        amendment = _recommendation(review, criterion).amendment
        assert (amendment.action, amendment.target) == ("supplement", "art:1")


def test_a_supplemented_definitions_article_is_named_in_the_issue(tmp_path: Path) -> None:
    rec = _recommendation(review_text(tmp_path, WITH_DEFINITIONS), "general-principles-01")
    assert "Article 1 (“Definitions”)" in rec.issue


def test_the_drafts_own_definition_of_the_same_term_is_amended_in_place(tmp_path: Path) -> None:
    """A child defined as under thirteen: the definition of "child" is replaced, and it is the evidence, not the
    definition of a website directed to children."""
    review = review_text(tmp_path, CHILD_UNDER_13)
    rec = _recommendation(review, "general-principles-01")
    assert (rec.amendment.action, rec.amendment.target) == ("amend", "art:1.1")
    assert "under the age of 13" in rec.amendment.current_text
    [criterion] = [c for c in review.criteria if c.id == "general-principles-01"]
    assert criterion.status == "partial"
    assert {e.provision for e in criterion.evidence} == {"art:1.1"}


def test_without_a_definitions_article_the_definitions_make_one_after_the_first_article(tmp_path: Path) -> None:
    """Not the first article that defines a term in passing: a lawyer found the KZ Digital Code's art. 1, on the
    relations the Code governs, made a list of definitions (audit K2)."""
    review = review_text(tmp_path, NO_DEFINITIONS_ARTICLE)
    rec = _recommendation(review, "general-principles-01")
    assert (rec.amendment.action, rec.amendment.target) == ("new", "new after art:1")
    assert rec.ru.issue.startswith("В Кодексе нет статьи об основных понятиях: термины определяются там, где они "
                                   "используются (пункт 2 статьи 1).")
    assert rec.amendment.proposed_text.ru.startswith(
        "Статья 1-1. Основные понятия, используемые в настоящем Кодексе")


def test_a_draft_that_defines_nothing_gets_a_new_article_after_its_first(tmp_path: Path) -> None:
    rec = _recommendation(review_text(tmp_path, NO_DEFINITIONS), "general-principles-01")
    assert rec.amendment.action == "new"
    assert rec.amendment.target.startswith("new after art:1")


def test_definitions_added_to_a_list_go_on_as_its_items_and_a_rule_after_them_as_a_paragraph(
        tmp_path: Path) -> None:
    """The definition of a child comes with a rule (its guarantees whatever a parent consented to): the definition
    is item 3) of the list, the rule paragraph 2 of the article, its present text becoming paragraph 1; the
    definitions the next recommendations add are the list's next items all the same."""
    review = review_text(tmp_path, LIST_WITHOUT_A_CHILD)
    child = _recommendation(review, "general-principles-01").amendment.proposed_text.ru
    assert child.startswith("В подпункте 2) точку заменить точкой с запятой.\n3) ребенок – физическое лицо")
    assert "\nДействующий текст статьи считать пунктом 1.\n2. Гарантии, установленные" in child
    cyberbullying = _recommendation(review, "cyber-aggression-01").amendment.proposed_text.ru
    last = max(int(n) for n in re.findall(r"^(\d+)\) ", child, re.M))
    assert cyberbullying.startswith(f"В подпункте {last}) точку заменить точкой с запятой.\n"
                                    f"{last + 1}) кибербуллинг")


def test_definitions_added_to_a_list_are_worded_as_the_lists_own_are(tmp_path: Path) -> None:
    """The draft's definitions read "platform – an online service ...": ours go on as "child – ...", not "child
    means ...", for the definition a criterion adds and for the terms our texts use alike."""
    review = review_text(tmp_path, ENGLISH_LIST_WITH_DASHES)
    child = _recommendation(review, "general-principles-01").amendment.proposed_text.en
    assert "\n3) child – every natural person who has not reached the age of eighteen years;" in child
    items = re.findall(r"^\d+\) .*$", child, re.M)
    assert len(items) > 1
    assert not [item for item in items if " means " in item.split(" – ")[0]]
    cyberbullying = _recommendation(review, "cyber-aggression-01").amendment.proposed_text.en
    assert re.search(r"^\d+\) cyberbullying of a child – systematic acts", cyberbullying, re.M)


def test_definitions_added_to_an_article_of_definitions_by_paragraph_are_its_next_paragraphs_worded_as_its_own(
        tmp_path: Path) -> None:
    """The draft's paragraphs are definitions ("(1) “platform” means ..."): ours, and the terms our texts use, are
    its next paragraphs worded the same way, not sentences of a code ("For the purposes of this Act, a child is
    ...") nor a paragraph holding a list of its own."""
    review = review_text(tmp_path, WITH_DEFINITIONS)
    child = _recommendation(review, "general-principles-01").amendment.proposed_text
    assert child.en.startswith("3. “child” means every natural person who has not reached the age of eighteen "
                               "years.\n4. “")
    assert child.ru.startswith("3. ребенок – физическое лицо, не достигшее восемнадцатилетнего возраста")
    assert "For the purposes" not in child.en and not re.search(r"^\d+\) ", child.en, re.M)
    cyberbullying = _recommendation(review, "cyber-aggression-01").amendment.proposed_text.en
    assert re.fullmatch(r"\d+\. “cyberbullying of a child” means systematic acts [^\n]*\.", cyberbullying)


def test_the_drafts_own_definition_by_paragraph_is_replaced_by_ours_worded_as_its_own(tmp_path: Path) -> None:
    rec = _recommendation(review_text(tmp_path, CHILD_UNDER_13), "general-principles-01")
    assert rec.amendment.proposed_text.en == (
        "1. The term “child” means every natural person who has not reached the age of eighteen years.")


def test_a_definition_added_as_a_paragraph_opens_with_a_capital_as_the_drafts_do(tmp_path: Path) -> None:
    draft = (
        "Статья 1. Основные понятия\n"
        "1. Цифровая платформа – онлайн-сервис, который хранит и распространяет информацию по запросу "
        "пользователей.\n"
        "2. Оператор – лицо, управляющее цифровой платформой.\n"
        "Статья 2. Обязанности оператора\n"
        "1. Оператор публикует правила пользования платформой.\n"
        "2. Оператор удаляет оскорбления детей по жалобе пользователя.\n"
    )
    child = _recommendation(review_text(tmp_path, draft), "general-principles-01").amendment.proposed_text
    assert child.ru.startswith("3. Ребенок – физическое лицо, не достигшее восемнадцатилетнего возраста")
    assert child.en.startswith("3. Child means every natural person")


def test_definitions_under_captions_are_read_by_the_line_that_defines(tmp_path: Path) -> None:
    """The United States Code heads each definition with a caption ("(1) Child" then "The term “child” means
    ..."): ours follow the line that defines."""
    draft = (
        "Section 1. Definitions\n"
        "In this chapter:\n"
        "(1) Operator\n"
        "The term “operator” means any person who operates a website.\n"
        "(2) Platform\n"
        "The term “platform” means an online service that stores information at the request of users.\n"
        "Section 2. Duties of operators\n"
        "An operator shall remove content that harasses a user, including content that humiliates a child.\n"
    )
    rec = _recommendation(review_text(tmp_path, draft), "cyber-aggression-01")
    assert re.match(r"\d+\. The term “cyberbullying of a child” means systematic acts",
                    rec.amendment.proposed_text.en)

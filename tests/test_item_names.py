"""An item ("4)", "(a)") straight under its article, with no paragraph ("1.") above it, is named as Russian
drafting names it: «подпункт 4) статьи 60», not «пункт 4 статьи 60», wherever crlens names it in Russian. Its id
stays ``art:60.4`` (the contract); what the id does not say travels as the draft's ``Naming``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from crlens.analysis.engine import review_document
from crlens.analysis.labels import label, label_genitive, labels
from crlens.analysis.review import Recommendation, Review
from crlens.cli import app as cli
from crlens.ingest import parse_file
from crlens.ingest.model import Document
from crlens.report import amendments, gap_table
from drafts import review_text

ITEMS_ONLY = (
    "Статья 1. Основные понятия\n"
    "В настоящем Законе используются следующие основные понятия:\n"
    "1) цифровая платформа – онлайн-сервис, который хранит и распространяет информацию по запросу пользователей;\n"
    "2) оператор – лицо, управляющее цифровой платформой;\n"
    "3) пользователь – физическое лицо, использующее цифровую платформу;\n"
    "4) ребенок – лицо, не достигшее тринадцатилетнего возраста.\n"
    "Статья 2. Полномочия оператора\n"
    "Оператор цифровой платформы вправе:\n"
    "1) публиковать правила пользования платформой;\n"
    "2) рассматривать обращения пользователей;\n"
    "3) удалять информацию, нарушающую правила;\n"
    "4) собирать и обрабатывать биометрические данные пользователей, в том числе детей, без их согласия.\n"
    "Статья 3. Обязанности оператора\n"
    "1. Оператор публикует правила пользования платформой.\n"
    "2. Оператор рассматривает обращения пользователей:\n"
    "1) в течение десяти рабочих дней;\n"
    "2) на языке обращения.\n"
)
"""Articles 1 and 2 are lists of items under a lead-in; article 3 has paragraphs, and items in its paragraph 2."""

NESTED_ITEMS = (
    "Статья 5. Отказ\n"
    "Оператор отказывает в регистрации в случаях:\n"
    "1) представления недостоверных сведений;\n"
    "2) нарушения правил:\n"
    "а) повторного;\n"
    "б) грубого.\n"
)

LETTERED = (
    "Article 5. Prohibited practices\n"
    "The following practices are prohibited:\n"
    "(a) the placing on the market of a system that exploits the vulnerabilities of children;\n"
    "(b) the use of a system that scores children.\n"
    "Article 6. Duties\n"
    "1. A provider shall assess the risks:\n"
    "(a) before placing the system on the market;\n"
    "(b) after any substantial change.\n"
)

US_SECTIONS = (
    "# Title 15\n"
    "#### § 6502. Regulation of unfair and deceptive acts\n"
    "(a) Acts prohibited\n"
    "It is unlawful for an operator to collect personal information from a child.\n"
    "(b) Regulations\n"
    "The Commission shall promulgate regulations.\n"
)


def _parsed(tmp_path: Path, text: str, name: str = "draft.txt") -> Document:
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    return parse_file(draft)


@pytest.fixture(scope="module")
def items_review(tmp_path_factory: pytest.TempPathFactory) -> Review:
    """The review of ``ITEMS_ONLY``, read back from its JSON as the deliverables read it."""
    review = review_text(tmp_path_factory.mktemp("items"), ITEMS_ONLY)
    return Review.model_validate_json(review.to_json())


def _recommendation(review: Review, criterion: str) -> Recommendation:
    [rec] = [r for r in review.recommendations if criterion in r.criteria]
    return rec


# --- names -----------------------------------------------------------------------------------------------------


def test_an_item_straight_under_its_article_is_a_subparagraph_of_the_article(tmp_path: Path) -> None:
    naming = _parsed(tmp_path, ITEMS_ONLY).naming
    assert label("art:2.4", "ru", naming=naming) == "Подпункт 4) статьи 2"


def test_an_item_straight_under_its_article_in_the_genitive(tmp_path: Path) -> None:
    naming = _parsed(tmp_path, ITEMS_ONLY).naming
    assert label_genitive("art:2.4", "ru", naming=naming) == "подпункта 4) статьи 2"


def test_a_paragraph_and_an_item_of_a_paragraph_keep_their_names(tmp_path: Path) -> None:
    naming = _parsed(tmp_path, ITEMS_ONLY).naming
    assert label("art:3.2", "ru", naming=naming) == "Пункт 2 статьи 3"
    assert label("art:3.2.1", "ru", naming=naming) == "Подпункт 1) пункта 2 статьи 3"


def test_an_item_of_an_item_is_named_one_level_down(tmp_path: Path) -> None:
    """Below a подпункт comes an абзац, as below a подпункт of a пункт."""
    naming = _parsed(tmp_path, NESTED_ITEMS).naming
    assert label("art:5.2.а", "ru", naming=naming) == "Абзац а) подпункта 2) статьи 5"


def test_items_listed_together_run_on_in_lower_case_after_the_first(tmp_path: Path) -> None:
    naming = _parsed(tmp_path, ITEMS_ONLY).naming
    assert labels(["art:2.4", "art:3.2", "art:1.4"], "ru", naming=naming) == (
        "Подпункт 4) статьи 2, пункт 2 статьи 3, подпункт 4) статьи 1")


def test_english_names_an_item_as_before(tmp_path: Path) -> None:
    naming = _parsed(tmp_path, ITEMS_ONLY).naming
    assert label("art:2.4", naming=naming) == "Article 2(4)"
    assert label_genitive("art:2.4", naming=naming) == "Article 2(4)"


def test_a_lettered_item_straight_under_its_article_is_a_subparagraph_too(tmp_path: Path) -> None:
    """The EU's "(a)" points of an article: «подпункт a) статьи 5», as «подпункт a) пункта 1 статьи 6» below a
    paragraph; "Article 5(a)" in English."""
    naming = _parsed(tmp_path, LETTERED).naming
    assert label("art:5.a", "ru", naming=naming) == "Подпункт a) статьи 5"
    assert label("art:6.1.a", "ru", naming=naming) == "Подпункт a) пункта 1 статьи 6"
    assert label("art:5.a", naming=naming) == "Article 5(a)"


def test_a_section_keeps_its_pinpoint(tmp_path: Path) -> None:
    """A law of sections is cited by its pinpoint in Russian too: "§ 6502(a)", whatever its "(a)" is."""
    naming = _parsed(tmp_path, US_SECTIONS, "coppa.md").naming
    assert label("art:6502.a", "ru", naming=naming) == "§ 6502(a)"
    assert label("art:6502.a", naming=naming) == "Section 6502(a)"


def test_without_the_draft_a_first_level_is_named_a_paragraph() -> None:
    """A caller that does not know the draft names a provision by its id alone, as before."""
    assert label("art:2.4", "ru") == "Пункт 4 статьи 2"


def test_a_review_read_back_names_provisions_as_its_draft_does(tmp_path: Path) -> None:
    document = _parsed(tmp_path, ITEMS_ONLY)
    review = Review.model_validate_json(review_document(document).to_json())
    assert review.naming == document.naming


# --- the review and the deliverables ---------------------------------------------------------------------------


def test_the_issue_names_an_item_of_an_article_a_subparagraph(items_review: Review) -> None:
    """Biometric data of children collected without consent, in item 4) of article 2's list of powers."""
    issue = _recommendation(items_review, "data-privacy-04").ru.issue
    assert issue.startswith("В подпункте 4) статьи 2 упоминаются")
    assert "ункт 4 статьи 2" not in issue


def test_the_amendments_table_names_a_replaced_item_a_subparagraph(items_review: Review) -> None:
    """A child defined as under thirteen in item 4) of the definitions: the row that replaces it."""
    rec = _recommendation(items_review, "general-principles-01")
    assert (rec.amendment.action, rec.amendment.target) == ("amend", "art:1.4")
    [row] = [row for row in amendments.rows(items_review, "ru") if row.id == rec.id]
    assert row.provision == "Подпункт 4) статьи 1"


def test_the_gap_table_heads_the_text_that_replaces_an_item_with_its_name(items_review: Review) -> None:
    rec = _recommendation(items_review, "general-principles-01")
    [row] = [row for section in gap_table.sections(items_review, "ru") for row in section.rows if row.id == rec.id]
    assert row.proposed_heading("ru") == "Предлагаемая редакция — подпункт 4) статьи 1"
    assert row.issue.startswith("В подпункте 4) статьи 1 упоминаются")


def test_a_definition_added_to_a_list_of_definitions_is_its_next_item(items_review: Review) -> None:
    """Article 1 is a list of definitions: a definition the review adds is its next item, and so is each term the
    other proposed texts use, as a drafter adds to such a list («дополнить подпунктами 5)–14)»); before, the list
    became paragraph 1 and the definitions followed as paragraphs 2 and 3 of an article of definitions."""
    rec = _recommendation(items_review, "cyber-aggression-01")
    assert (rec.amendment.action, rec.amendment.target) == ("supplement", "art:1")
    text = rec.amendment.proposed_text.ru
    assert text.startswith("В подпункте 4) точку заменить точкой с запятой.\n"
                           "5) кибербуллинг в отношении ребенка – ")
    assert "\n6) аккаунт – учетная запись пользователя" in text and "\n7) контент – информация" in text
    assert not re.findall(r"^\d+\. ", text, re.M)
    assert "Действующий текст статьи" not in text
    [row] = [row for row in amendments.rows(items_review, "ru") if row.id == rec.id]
    assert row.provision == "Статья 1 (дополнить подпунктами 5)–14))"


def test_the_drafts_own_definition_in_a_list_is_replaced_by_ours_as_that_item(items_review: Review) -> None:
    """«4) ребенок – лицо, не достигшее тринадцатилетнего возраста.» is replaced by an item, not by the two
    paragraphs of the model clause, which would break the list."""
    rec = _recommendation(items_review, "general-principles-01")
    assert rec.amendment.proposed_text.ru == (
        "4) ребенок – физическое лицо, не достигшее восемнадцатилетнего возраста (совершеннолетия).")
    assert rec.amendment.proposed_text.en == (
        "4) child means every natural person who has not reached the age of eighteen years.")


def test_the_web_workspace_names_an_item_of_an_article_a_subparagraph(items_review: Review) -> None:
    service = pytest.importorskip("crlens.web.service")
    articles = service.draft_articles(items_review, "ru")
    shown = {part.id: part.label for article in articles for part in article.parts}
    assert shown["art:2.4"] == "Подпункт 4) статьи 2"
    assert shown["art:3.2.1"] == "Подпункт 1) пункта 2 статьи 3"


def test_a_projects_feedback_form_and_pages_name_a_replaced_item_a_subparagraph(tmp_path: Path) -> None:
    """The forms and the web pages name provisions from the review stored in the project."""
    pytest.importorskip("fastapi")
    from webclient import Person, workspace

    draft = tmp_path / "draft.txt"
    draft.write_text(ITEMS_ONLY, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'crlens.db'}"
    runner = CliRunner()
    for args in (["project", "init", "items", "--draft", str(draft), "--by", "reviewer"],
                 ["consult", "export", "--round", "1", "--out", str(tmp_path / "r1.ru.xlsx"), "--lang", "ru"]):
        result = runner.invoke(cli, [*args, "--db", db])
        assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "r1.ru.xlsx").worksheets[0]
    provisions = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Подпункт 4) статьи 1" in provisions
    key = next(row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[3] == "Подпункт 4) статьи 1")
    page = Person(workspace(db), "viewer").get(f"/projects/1/recommendations/{key}?lang=ru").text
    assert '<span id="place" title="art:1.4">Подпункт 4) статьи 1' in page


# --- the corpus ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kz_code(corpus: Path) -> Review:
    """The Kazakhstan Digital Code (2026), reviewed and read back from its JSON."""
    review = review_document(parse_file(corpus / "kz-digital-code-2026-ru.txt"))
    return Review.model_validate_json(review.to_json())


def test_kz_code_article_60_is_a_list_of_items(kz_code: Review) -> None:
    """Article 60 has no paragraphs: its "4)" is an item directly under the article."""
    [provision] = [p for p in kz_code.provisions if p.id == "art:60.4"]
    assert (provision.parent, provision.kind) == ("art:60", "subparagraph")


def test_kz_code_article_60_4_is_named_a_subparagraph_in_the_russian_deliverables(kz_code: Review) -> None:
    """A signature refused to a person under sixteen (art. 60(4)): «В подпункте 4) статьи 60» in the issue of the
    recommendation and so in the gap table, never «Пункт 4 статьи 60»."""
    [rec] = [r for r in kz_code.recommendations if "art:60.4" in r.provisions]
    assert rec.ru.issue.startswith("В подпункте 4) статьи 60 ")
    assert "Article 60(4)" in rec.issue
    cells = [row.issue for section in gap_table.sections(kz_code, "ru") for row in section.rows]
    assert any(cell.startswith("В подпункте 4) статьи 60 ") for cell in cells)
    assert not [cell for cell in cells if "ункт 4 статьи 60" in cell]


# --- the draft comparison --------------------------------------------------------------------------------------

DEFINITIONS_V1 = (
    "Статья 1. Основные понятия\n"
    "В настоящем Законе используются следующие основные понятия:\n"
    "1) цифровая платформа – онлайн-сервис, который хранит и распространяет информацию по запросу пользователей;\n"
    "2) оператор – лицо, управляющее цифровой платформой.\n"
    "Статья 2. Полномочия оператора\n"
    "Оператор цифровой платформы вправе публиковать правила пользования платформой.\n"
)
DEFINITIONS_V2 = DEFINITIONS_V1.replace(
    "2) оператор – лицо, управляющее цифровой платформой.\n",
    "2) оператор – лицо, управляющее цифровой платформой;\n"
    "3) ребенок – лицо, не достигшее восемнадцатилетнего возраста.\n")


def test_the_draft_comparison_names_the_new_evidence_as_its_draft_does(tmp_path: Path) -> None:
    """Version 2 defines a child in a new item 3) of its definitions: the gap it closes is closed by «подпункт 3)
    статьи 1», in the comparison as in the deliverables."""
    from crlens.consult.compare import compare_documents, compare_reviews
    from crlens.report.comparison import write_markdown

    old, new = _parsed(tmp_path, DEFINITIONS_V1, "v1.txt"), _parsed(tmp_path, DEFINITIONS_V2, "v2.txt")
    comparison = compare_documents(old, new)
    changes = compare_reviews(review_document(old), review_document(new), comparison)
    text = write_markdown(tmp_path / "changes.md", comparison, changes, "ru").read_text(encoding="utf-8")
    [row] = [line for line in text.splitlines() if line.startswith("| general-principles-01 ")]
    assert "| Подпункт 3) статьи 1 (в новом или измененном тексте);" in row


def test_the_draft_comparison_names_a_changed_section_in_its_own_word(tmp_path: Path) -> None:
    """The naming travels with the comparison: a section of the US Code is "§ 6502", not «Статья 6502»."""
    from crlens.consult.compare import compare_documents
    from crlens.report.comparison import write_markdown

    old = _parsed(tmp_path, US_SECTIONS, "v1.md")
    new = _parsed(tmp_path, US_SECTIONS.replace("shall promulgate", "shall issue"), "v2.md")
    path = write_markdown(tmp_path / "changes.md", compare_documents(old, new), None, "ru")
    assert "### § 6502: изменена" in path.read_text(encoding="utf-8").splitlines()

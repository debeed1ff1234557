"""Comparing two versions of a draft: renumbered articles keep their history, changes are shown word by word.

The later version of the bundled sample draft is made here by the edits a ministry makes between consultation
rounds: a new Article 3 inserted (the text of the review's own best-interests recommendation), Article 49
deleted, Article 30 reworded, Article 37 moved from Chapter 9 to the end of Chapter 10, and every article then
renumbered in order, as in a consolidated draft. So old Article N is new Article N+1 for N = 3..24, Article 24-1
is 26, N+2 for N = 25..36, Article 37 is 44, N+1 for N = 38..42, N+2 for N = 43..48 and N+1 for N = 50..52.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from crlens.analysis.engine import review_document
from crlens.analysis.review import Review
from crlens.consult.compare import (
    ChangeCounts,
    DiffSegment,
    compare_documents,
    compare_reviews,
    similarity,
    word_diff,
)
from crlens.ingest import parse_file
from crlens.ingest.model import Document
from crlens.knowledge.loader import load
from crlens.report import comparison as report

ARTICLE = re.compile(r"^(\**)(Article|Статья) (\d+(?:-\d+)?)\.", re.MULTILINE)
BLOCK_START = re.compile(r"^(?:Article|Статья|Chapter|Глава|SECTION|РАЗДЕЛ) ", re.MULTILINE)
NEW_HEADING = {"en": "Article 0. Best interests and development of the child",
               "ru": "Статья 0. Наилучшие интересы и развитие ребенка"}
REWORD = {  # Article 30.1: the deadline for notifying a breach is shortened
    "en": ("Within seventy-two hours", "Within forty-eight hours"),
    "ru": ("в течение семидесяти двух часов", "в течение сорока восьми часов"),
}
CHAPTER_11 = re.compile(r"^(?:Chapter|Глава) 11\.", re.MULTILINE)


# --- building the later version ------------------------------------------------------------------------------


def article_span(text: str, number: str) -> tuple[int, int]:
    """Where an article stands in the text: from its heading line to the next heading of any level."""
    start = re.search(rf"^(?:Article|Статья) {re.escape(number)}\.", text, re.MULTILINE)
    assert start, number
    following = BLOCK_START.search(text, start.end())
    return start.start(), following.start() if following else len(text)


def renumber(text: str) -> str:
    """Every article numbered 1, 2, 3... in order of appearance, as in a consolidated draft."""
    counter = iter(range(1, 10_000))
    return ARTICLE.sub(lambda m: f"{m.group(1)}{m.group(2)} {next(counter)}.", text)


def new_article(heading: str, proposed: str) -> str:
    """An article made of a recommendation's proposed text, its paragraphs numbered 1, 2, 3..."""
    paragraphs = [re.sub(r"^\d+\.\s*", "", line) for line in proposed.splitlines() if line.strip()]
    body = "\n".join(f"{n}. {p}" for n, p in enumerate(paragraphs, start=1))
    return f"{heading}\n\n{body}\n\n"


def later_version(text: str, lang: str, proposed: str) -> str:
    """The next round of the sample draft (see the module docstring)."""
    old, new = REWORD[lang]
    assert old in text
    text = text.replace(old, new, 1)
    text = text.replace("annually.", "annually, with separate figures for breaches affecting children.", 1)
    start, end = article_span(text, "49")
    text = text[:start] + text[end:]
    start, end = article_span(text, "37")
    moved, text = text[start:end], text[:start] + text[end:]
    at = CHAPTER_11.search(text)
    assert at
    text = text[:at.start()] + moved + text[at.start():]
    start, _ = article_span(text, "3")
    text = text[:start] + new_article(NEW_HEADING[lang], proposed) + text[start:]
    return renumber(text)


def best_interests(review: Review):  # type: ignore[no-untyped-def]
    """The old review's recommendation on the best interests of the child."""
    return next(r for r in review.recommendations if "general-principles-02" in r.criteria)


@pytest.fixture(scope="module")
def kb():
    return load()


@pytest.fixture(scope="module")
def old_en(sample_en) -> Document:
    return parse_file(sample_en)


@pytest.fixture(scope="module")
def old_review(old_en, kb) -> Review:
    return review_document(old_en, kb)


@pytest.fixture(scope="module")
def new_en(tmp_path_factory, sample_en, old_review) -> Document:
    proposed = best_interests(old_review).amendment.proposed_text.en
    path = tmp_path_factory.mktemp("round2") / "draft-digital-code.round2.en.txt"
    path.write_text(later_version(sample_en.read_text(encoding="utf-8"), "en", proposed), encoding="utf-8")
    return parse_file(path)


@pytest.fixture(scope="module")
def comparison(old_en, new_en):
    return compare_documents(old_en, new_en)


@pytest.fixture(scope="module")
def new_review(new_en, kb) -> Review:
    return review_document(new_en, kb)


@pytest.fixture(scope="module")
def review_changes(old_review, new_review, comparison):
    return compare_reviews(old_review, new_review, comparison)


# --- the word diff -------------------------------------------------------------------------------------------


def test_word_diff_marks_inserted_and_deleted_words_and_keeps_spacing():
    segments = word_diff("The operator notifies the body\nwithin 72 hours.", "The operator promptly notifies "
                         "the body\nwithin 48 hours.")
    assert segments == (
        DiffSegment("equal", "The operator "), DiffSegment("insert", "promptly "),
        DiffSegment("equal", "notifies the body\nwithin "), DiffSegment("delete", "72 "),
        DiffSegment("insert", "48 "), DiffSegment("equal", "hours."))


def test_similarity_ignores_case_punctuation_and_spacing():
    assert similarity("Personal data, of a CHILD.", "personal   data of a child") == 1.0
    assert similarity("a b c d e", "a b x d e") == 0.8


# --- identical drafts ----------------------------------------------------------------------------------------


def test_identical_drafts_have_every_article_unchanged_and_every_id_mapped_to_itself(sample_en, old_en):
    same = compare_documents(old_en, parse_file(sample_en))
    assert same.counts() == ChangeCounts(added=0, removed=0, moved=0, changed=0, unchanged=53, renumbered=0)
    assert same.identical
    assert same.id_map == {p.id: p.id for p in old_en.provisions}


def test_a_corpus_law_compared_with_itself_is_unchanged(corpus):
    law = parse_file(corpus / "eu-gdpr-2016-679.txt")
    same = compare_documents(law, law)
    assert {c.kind for c in same.articles} == {"unchanged"}
    assert len(same.articles) == len(law.articles)
    assert all(old == new for old, new in same.id_map.items())


def test_a_300_article_draft_renumbered_by_an_insertion_is_aligned_article_by_article(corpus, tmp_path):
    # the Digital Code three times over is a 318-article draft; one article inserted at the start shifts all
    code = (corpus / "kz-digital-code-2026-ru.txt").read_text(encoding="utf-8")
    body = code[code.index("## РАЗДЕЛ 1"):]
    draft = renumber(body * 3)
    first = draft.index("**Статья 1.")
    inserted = "**Статья 0. Цифровые права ребенка**\n\n1. Ребенок имеет право на защиту в цифровой среде.\n\n"
    old_path, new_path = tmp_path / "round1.md", tmp_path / "round2.md"
    old_path.write_text(draft, encoding="utf-8")
    new_path.write_text(renumber(draft[:first] + inserted + draft[first:]), encoding="utf-8")
    old, new = parse_file(old_path), parse_file(new_path)
    assert len(old.articles) == 318

    result = compare_documents(old, new)

    counts = result.counts()
    assert (counts.added, counts.removed, counts.unchanged, counts.renumbered) == (1, 0, 318, 318)
    assert result.follow("art:1") == "art:2"
    assert result.follow("art:318") == "art:319"
    assert result.follow("art:200.1") == "art:201.1"


def test_a_same_numbered_article_loses_to_a_more_similar_renumbered_one(tmp_path):
    # old Article 3 and new Article 3 are alike (both are breach notices), but new Article 4 is old Article 3
    # reworded: the number must not win over the text
    authority = ("The operator shall notify the authority of a personal data breach within {} hours of becoming "
                 "aware of it")
    subject = ("The operator shall notify the data subject{} of a personal data breach without undue delay after "
               "becoming aware of it.")
    scope = "Article 1. Scope\n\nThis law applies to operators.\n\n"
    old_path, new_path = tmp_path / "round1.txt", tmp_path / "round2.txt"
    old_path.write_text(f"{scope}Article 2. Notice to the authority\n\n{authority.format(72)}.\n\n"
                        f"Article 3. Notice to the subject\n\n{subject.format('')}\n", encoding="utf-8")
    new_path.write_text(f"{scope}Article 2. Children\n\nChildren have rights online.\n\n"
                        f"Article 3. Notice to the authority\n\n{authority.format(48)} and state the measures "
                        "taken.\n\n"
                        f"Article 4. Notice to the subject\n\n{subject.format(' and the parents of a child')}\n",
                        encoding="utf-8")
    result = compare_documents(parse_file(old_path), parse_file(new_path))
    assert [(c.kind, c.old, c.new) for c in result.articles] == [
        ("unchanged", "art:1", "art:1"), ("added", None, "art:2"),
        ("changed", "art:2", "art:3"), ("changed", "art:3", "art:4")]


ENTRY_INTO_FORCE = ("Статья {}. Вступление в силу\n\n"
                    "Настоящая глава вводится в действие по истечении шести месяцев после дня его первого "
                    "официального опубликования, за исключением норм о детях, вводимых в действие немедленно.\n\n")
CHAPTERS = (("Общие положения", ("Цели. Настоящий Кодекс регулирует общественные отношения в цифровой среде.",
                                 "Принципы. Регулирование основывается на законности и защите прав человека.")),
            ("Цифровые услуги", ("Услуги. Государственные услуги оказываются в электронной форме бесплатно.",
                                 "Доступность. Услуги доступны людям с инвалидностью и пожилым людям.")),
            ("Персональные данные", ("Сбор данных. Данные собираются с согласия их субъекта.",
                                     "Хранение. Данные хранятся на территории Республики Казахстан.")))
"""A draft of three chapters, each ending with the same article on its entry into force (boilerplate)."""


def boilerplate_draft(chapters: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """Chapters of articles ("Heading. Text.") numbered on across chapters, each closing with the same
    entry-into-force article."""
    out, number = [], 0
    for chapter, (title, articles) in enumerate(chapters, start=1):
        out.append(f"Глава {chapter}. {title}\n\n")
        for article in articles:
            number += 1
            heading, text = article.split(". ", 1)
            out.append(f"Статья {number}. {heading}\n\n{text}\n\n")
        number += 1
        out.append(ENTRY_INTO_FORCE.format(number))
    return "".join(out)


def compare_texts(old: str, new: str, folder: Path) -> list[tuple[str, str | None, str | None]]:
    (folder / "round1.txt").write_text(old, encoding="utf-8")
    (folder / "round2.txt").write_text(new, encoding="utf-8")
    result = compare_documents(parse_file(folder / "round1.txt"), parse_file(folder / "round2.txt"))
    return [(c.kind, c.old, c.new) for c in result.articles]


def test_identical_articles_follow_their_neighbours_when_a_chapter_with_its_own_copy_is_inserted(tmp_path):
    # a new Chapter 2 ends with the same entry-into-force article as the others: the old Chapter 2's copy
    # (art. 6) is new art. 8, where its chapter went, not the new chapter's copy (art. 5)
    children = ("Права ребенка", ("Права ребенка. Ребенок имеет право на защиту в цифровой среде.",))
    changes = compare_texts(boilerplate_draft(CHAPTERS), boilerplate_draft((CHAPTERS[0], children, *CHAPTERS[1:])),
                            tmp_path)
    assert changes == [
        ("unchanged", "art:1", "art:1"), ("unchanged", "art:2", "art:2"), ("unchanged", "art:3", "art:3"),
        ("added", None, "art:4"), ("added", None, "art:5"),
        ("unchanged", "art:4", "art:6"), ("unchanged", "art:5", "art:7"), ("unchanged", "art:6", "art:8"),
        ("unchanged", "art:7", "art:9"), ("unchanged", "art:8", "art:10"), ("unchanged", "art:9", "art:11")]


def test_identical_articles_follow_their_neighbours_when_one_of_them_is_reworded(tmp_path):
    # an article inserted in Chapter 1 and Chapter 1's copy reworded: that copy (art. 3) is new art. 4, changed,
    # and each identical copy stays in its chapter; none is taken for another ("Was in Chapter 1, now in
    # Chapter 2", similarity 1.000)
    inserted = (CHAPTERS[0][0], (CHAPTERS[0][1][0], "Дети. Кодекс учитывает наилучшие интересы ребенка.",
                                 CHAPTERS[0][1][1]))
    new = boilerplate_draft((inserted, *CHAPTERS[1:])).replace("шести месяцев", "десяти календарных дней", 1)
    changes = compare_texts(boilerplate_draft(CHAPTERS), new, tmp_path)
    assert changes == [
        ("unchanged", "art:1", "art:1"), ("added", None, "art:2"), ("unchanged", "art:2", "art:3"),
        ("changed", "art:3", "art:4"),
        ("unchanged", "art:4", "art:5"), ("unchanged", "art:5", "art:6"), ("unchanged", "art:6", "art:7"),
        ("unchanged", "art:7", "art:8"), ("unchanged", "art:8", "art:9"), ("unchanged", "art:9", "art:10")]


def test_copies_reworded_alike_follow_their_neighbours_when_a_chapter_with_its_own_copy_is_inserted(tmp_path):
    # every copy of the entry-into-force article reworded the same way: equally similar to each old copy, the
    # new copies go where the neighbours of each old one went
    children = ("Права ребенка", ("Права ребенка. Ребенок имеет право на защиту в цифровой среде.",))
    new = boilerplate_draft((CHAPTERS[0], children, *CHAPTERS[1:])).replace("шести месяцев", "трех месяцев")
    changes = compare_texts(boilerplate_draft(CHAPTERS), new, tmp_path)
    assert changes == [
        ("unchanged", "art:1", "art:1"), ("unchanged", "art:2", "art:2"), ("changed", "art:3", "art:3"),
        ("added", None, "art:4"), ("added", None, "art:5"),
        ("unchanged", "art:4", "art:6"), ("unchanged", "art:5", "art:7"), ("changed", "art:6", "art:8"),
        ("unchanged", "art:7", "art:9"), ("unchanged", "art:8", "art:10"), ("changed", "art:9", "art:11")]


# --- the later version of the sample ---------------------------------------------------------------------------


def test_counts_of_the_later_version(comparison):
    assert comparison.counts() == ChangeCounts(added=1, removed=1, moved=1, changed=1, unchanged=50,
                                               renumbered=50)


def test_inserted_article_is_added(comparison):
    change = comparison.for_new("art:3")
    assert change is not None
    assert (change.kind, change.old) == ("added", None)
    assert "best interests of the child" in change.inserted_words


def test_articles_after_the_insertion_follow_their_new_numbers(comparison):
    change = comparison.for_old("art:5")
    assert change is not None
    assert (change.new, change.kind, change.renumbered) == ("art:6", "unchanged", True)
    assert comparison.follow("art:5.1.2") == "art:6.1.2"
    assert comparison.follow("art:24-1.3") == "art:26.3"
    assert comparison.follow("art:1.20") == "art:1.20"


def test_reworded_article_is_changed_and_its_paragraphs_follow_it(comparison):
    change = comparison.for_old("art:30")
    assert change is not None
    assert (change.new, change.kind, change.renumbered) == ("art:32", "changed", True)
    assert 0.8 < change.similarity < 1.0
    assert comparison.follow("art:30.1") == "art:32.1"
    assert comparison.follow("art:30.2") == "art:32.2"
    assert comparison.follow("art:30.3") == "art:32.3"


def test_word_diff_of_the_reworded_article_holds_the_inserted_and_deleted_words(comparison):
    change = comparison.for_old("art:30")
    assert change is not None
    assert "seventy-two" in change.deleted_words
    assert "forty-eight" in change.inserted_words
    assert "separate figures for breaches affecting children" in change.inserted_words
    assert "personal data operator" not in change.inserted_words + change.deleted_words


def test_deleted_article_is_removed_and_its_ids_map_to_none(comparison):
    change = comparison.for_old("art:49")
    assert change is not None
    assert (change.kind, change.new) == ("removed", None)
    assert "telecommunications operators" in change.deleted_words
    assert comparison.follow("art:49") is None
    assert comparison.follow("art:49.1.2") is None


def test_article_moved_to_another_chapter_is_moved(comparison):
    change = comparison.for_old("art:37")
    assert change is not None
    assert (change.new, change.kind, change.text_changed) == ("art:44", "moved", False)
    assert (change.old_container, change.new_container) == ("ch:9", "ch:10")


def test_neighbours_of_a_moved_article_are_only_renumbered(comparison):
    for old, new in (("art:36", "art:38"), ("art:38", "art:39"), ("art:42", "art:43"), ("art:43", "art:45")):
        change = comparison.for_old(old)
        assert change is not None
        assert (change.new, change.kind, change.renumbered) == (new, "unchanged", True)


def test_every_old_provision_is_in_the_id_map_and_points_into_the_new_draft(comparison, old_en, new_en):
    assert list(comparison.id_map) == [p.id for p in old_en.provisions]
    assert all(new_en.get(new) is not None for new in comparison.id_map.values() if new is not None)
    assert comparison.follow("ch:9") == "ch:9"
    assert comparison.follow("sec:4") == "sec:4"


def test_changes_are_listed_in_the_order_of_the_new_draft_with_removed_articles_where_they_stood(comparison):
    order = [(c.old, c.new) for c in comparison.articles]
    assert order[2] == (None, "art:3")
    assert order.index(("art:48", "art:50")) + 1 == order.index(("art:49", None))
    assert order.index(("art:49", None)) + 1 == order.index(("art:50", "art:51"))


def test_the_russian_sample_is_aligned_like_the_english_one(sample_ru, tmp_path):
    old = parse_file(sample_ru)
    path = tmp_path / "draft-digital-code.round2.ru.txt"
    path.write_text(later_version(sample_ru.read_text(encoding="utf-8"), "ru",
                                  "1. Наилучшие интересы ребенка учитываются в первоочередном порядке."),
                    encoding="utf-8")
    result = compare_documents(old, parse_file(path))
    assert result.counts() == ChangeCounts(added=1, removed=1, moved=1, changed=1, unchanged=50, renumbered=50)
    assert result.follow("art:30.2") == "art:32.2"
    assert result.follow("art:37") == "art:44"
    change = result.for_old("art:30")
    assert change is not None
    assert "сорока восьми" in change.inserted_words

    written = report.write_markdown(tmp_path / "comparison.ru.md", result, lang="ru")
    text = written.read_text(encoding="utf-8")
    assert "# Сравнение редакций проекта" in text
    assert "### Статья 30 → Статья 32: изменена, перенумерована" in text
    assert "<del>семидесяти двух</del>" in text


# --- the reviews -----------------------------------------------------------------------------------------------


def test_adding_the_recommended_article_closes_the_gap(review_changes):
    closed = {c.criterion: c for c in review_changes.closed}
    assert "general-principles-02" in closed
    change = closed["general-principles-02"]
    assert change.old_status in {"gap", "partial"}
    assert change.new_status == "addressed"
    assert any(e.article == "art:3" and e.article_change == "added" for e in change.new_evidence)
    assert change.in_new_text


def test_the_recommendation_behind_the_new_article_is_taken_up(review_changes, old_review):
    recommendation = best_interests(old_review)
    taken = {t.recommendation: t for t in review_changes.taken_up}
    assert recommendation.id in taken
    assert taken[recommendation.id].in_new_text
    assert set(taken[recommendation.id].criteria) == set(recommendation.criteria)


def test_recommendations_not_acted_on_are_not_taken_up(review_changes, old_review):
    taken = {t.recommendation for t in review_changes.taken_up}
    cyberbullying = next(r for r in old_review.recommendations if "cyber-aggression-01" in r.criteria)
    assert cyberbullying.id not in taken


def test_reviews_of_other_drafts_are_refused(old_review, new_review, comparison):
    with pytest.raises(ValueError, match="not of the old draft"):
        compare_reviews(new_review, old_review, comparison)


# --- the deliverables ------------------------------------------------------------------------------------------


def test_markdown_has_the_counts_and_the_word_diff(comparison, review_changes, tmp_path):
    text = report.write_markdown(tmp_path / "comparison.md", comparison, review_changes).read_text("utf-8")
    assert "| Added | 1 |" in text
    assert "| Renumbered | 50 |" in text
    assert "### Article 30 → Article 32: changed, renumbered" in text
    assert "<del>seventy-two</del> <ins>forty-eight</ins>" in text
    assert "### Article 37 → Article 44: moved, renumbered" in text
    assert "Was in Chapter 9, now in Chapter 10." in text
    assert "### Article 49: removed" in text
    assert "Article 5 → Article 6" in text  # renumbered-only articles are listed in one line
    assert "### Article 6" not in text  # ...and get no section of their own
    assert "general-principles-02" in text  # the closed gap


def test_word_document_opens_and_shows_counts_and_marked_changes(comparison, review_changes, tmp_path):
    path = report.write_docx(tmp_path / "comparison.docx", comparison, review_changes)
    document = docx.Document(str(path))
    counts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows[1:]}
    assert counts == {"Added": "1", "Removed": "1", "Moved": "1", "Changed": "1", "Unchanged": "50",
                      "Renumbered": "50"}
    runs = [run for para in document.paragraphs for run in para.runs]
    assert any(run.text.strip() == "seventy-two" and run.font.strike for run in runs)
    assert any(run.text.strip() == "forty-eight" and run.font.underline and run.font.color.rgb is not None
               for run in runs)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Article 30 → Article 32: changed, renumbered" in headings
    assert "Recommendations taken up" in headings


def test_russian_word_document_has_russian_headings(comparison, tmp_path):
    document = docx.Document(str(report.write_docx(tmp_path / "comparison.ru.docx", comparison, lang="ru")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Сравнение редакций проекта", "Сводка"]
    assert "Статья 49: исключена" in headings


def test_json_has_counts_articles_id_map_and_review_changes(comparison, review_changes, tmp_path):
    data = json.loads(report.write_json(tmp_path / "comparison.json", comparison, review_changes)
                      .read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"]) == ("crlens-comparison", "1.0")
    assert data["counts"]["renumbered"] == 50
    assert data["id_map"]["art:30.2"] == "art:32.2"
    assert data["id_map"]["art:49"] is None
    moved = next(a for a in data["articles"] if a["old"] == "art:37")
    assert (moved["kind"], moved["new"], moved["new_container"]) == ("moved", "art:44", "ch:10")
    changed = next(a for a in data["articles"] if a["old"] == "art:30")
    assert {"op": "delete", "text": "seventy-two "} in changed["segments"]
    assert "general-principles-02" in {c["criterion"] for c in data["review_changes"]["closed"]}


def test_json_of_the_same_comparison_is_byte_identical(comparison, tmp_path: Path):
    first = report.write_json(tmp_path / "a.json", comparison).read_bytes()
    assert report.write_json(tmp_path / "b.json", comparison).read_bytes() == first


# --- the command line ---------------------------------------------------------------------------------------


def test_crlens_diff_writes_the_comparison_without_a_project(sample_ru: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from consulting import draft_version_2
    from crlens.cli import app

    v2 = draft_version_2(sample_ru, tmp_path / "v2.txt")
    result = CliRunner().invoke(app, ["diff", str(sample_ru), str(v2), "--out", str(tmp_path / "d.md")])
    assert result.exit_code == 0, result.output
    assert "added 1" in result.output and "general-principles-05" in result.output
    assert "<ins>" in (tmp_path / "d.md").read_text(encoding="utf-8")


def test_crlens_diff_refuses_an_unknown_output_type(sample_ru: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from crlens.cli import app

    result = CliRunner().invoke(app, ["diff", str(sample_ru), str(sample_ru), "--out", str(tmp_path / "d.pdf")])
    assert result.exit_code == 2 and ".md, .docx or .json" in result.output

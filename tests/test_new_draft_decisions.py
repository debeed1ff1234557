"""Decisions across a new draft version, on SQLite and PostgreSQL: the ministry decides on what a recommendation
proposes, so a decision stands while a new draft version only renumbers what it proposes, and is asked for again
when the new version changes the proposal; every answer is recorded, and the import says which ones no longer
decide anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from consulting import MOVED_TO_ARTICLE_6, answer_xlsx, draft_with_new_article_6, key_of
from crlens.analysis.review import Recommendation as RecommendationData
from crlens.cli import app
from crlens.consult.project import find_project, find_recommendation
from crlens.consult.rounds import close_round, export_round, import_feedback
from crlens.store.database import Store

runner = CliRunner()


def crlens(*args: str | Path, db: str) -> str:
    result = runner.invoke(app, [*map(str, args), "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def export(store: Store, path: Path, number: int) -> Path:
    with store.session() as session:
        export_round(session, find_project(session), number, path)
    return path


def answer(store: Store, form: Path, out: Path, number: int, answers: dict[str, tuple[str, str]],
           person: str = "Aigerim") -> Path:
    answered = answer_xlsx(form, out, answers)
    with store.session() as session:
        import_feedback(session, find_project(session), number, answered, person)
    return answered


def round_one(store: Store, tmp_path: Path, answers: dict[str, tuple[str, str]]) -> None:
    """Round 1, answered by Aigerim and closed."""
    answer(store, export(store, tmp_path / "round1.xlsx", 1), tmp_path / "round1-aigerim.xlsx", 1, answers)
    with store.session() as session:
        close_round(find_project(session), 1)


def state(store: Store, key: str) -> str:
    with store.session() as session:
        return find_recommendation(find_project(session), key).state


def target(store: Store, key: str) -> str:
    with store.session() as session:
        return str(find_recommendation(find_project(session), key).latest.data["amendment"]["target"])  # type: ignore[index]


# --- answers on a text a new draft version renumbered -----------------------------------------------------------


def test_answers_on_the_text_before_a_new_draft_only_renumbered_it_decide_the_state(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    round_one(store, tmp_path, {"rec-001": ("reject", "not now")})
    form = export(store, tmp_path / "round2.xlsx", 2)  # sent out on draft version 1
    crlens("project", "add-draft", draft_with_new_article_6(sample_ru, tmp_path / "v2.txt"), db=store.url)
    assert target(store, "rec-001") == "art:7"  # Article 6 became Article 7, and the text says so

    answer(store, form, tmp_path / "round2-aigerim.xlsx", 2, {"rec-001": ("accept", "we agree now")})

    assert state(store, "rec-001") == "accepted"


def answered_on_the_text_before_article_6(store: Store, sample_ru: Path, tmp_path: Path) -> tuple[str, str]:
    """Aigerim rejects rec-001 and the recommendation on old Article 41 that the new Article 6 takes in round 1;
    round 2's form goes out; a new draft version inserts an Article 6 (rec-001 only follows its article, the
    other's paragraphs move to the new article and change); then she accepts both on the form she had: the
    recommendation whose proposal changed, and what the import printed."""
    changed = key_of(sample_ru, MOVED_TO_ARTICLE_6)
    round_one(store, tmp_path, {"rec-001": ("reject", "not now"), changed: ("reject", "not now")})
    form = export(store, tmp_path / "round2.xlsx", 2)
    crlens("project", "add-draft", draft_with_new_article_6(sample_ru, tmp_path / "v2.txt"), db=store.url)
    assert target(store, changed) == "art:6"
    answered = answer_xlsx(form, tmp_path / "round2-aigerim.xlsx",
                           {"rec-001": ("accept", "we agree now"), changed: ("accept", "we agree now")})
    return changed, crlens("consult", "import", answered, "--round", "2", "--by", "Aigerim", db=store.url)


def test_an_answer_on_a_text_a_new_draft_version_changed_is_recorded_but_leaves_the_state_revised(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    changed, printed = answered_on_the_text_before_article_6(store, sample_ru, tmp_path)
    assert "2 new answer(s)" in printed
    assert (state(store, "rec-001"), state(store, changed)) == ("accepted", "revised")


def test_importing_answers_on_a_text_that_has_changed_says_they_do_not_decide_the_state(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    changed, printed = answered_on_the_text_before_article_6(store, sample_ru, tmp_path)
    printed = " ".join(printed.split())
    assert "1 answer(s) were given on a text that has changed since; they are recorded but do not" in printed
    assert (f"{changed}: answered on version 1; version 2 changed what it proposes (re-reviewed against draft "
            "version 2); still revised") in printed
    assert "rec-001: answered" not in printed


def test_the_consultation_log_says_which_answers_were_given_on_a_text_that_has_changed(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    changed, _printed = answered_on_the_text_before_article_6(store, sample_ru, tmp_path)
    crlens("consult", "report", "--round", "2", "--out", tmp_path / "log.md", db=store.url)
    log = (tmp_path / "log.md").read_text(encoding="utf-8")
    entry = log.split(f"Recommendation {changed} ")[1].split("### ")[0]
    assert "(State now: revised)" in entry and "**accept**: we agree now" in entry
    assert ("given on an earlier text, so it no longer decides the state: version 2 changed what it proposes "
            "(re-reviewed against draft version 2)") in entry
    assert "earlier text" not in log.split("Recommendation rec-001 ")[1].split("### ")[0]


def test_the_russian_consultation_log_says_in_russian_why_an_answer_no_longer_decides_the_state(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    changed, _printed = answered_on_the_text_before_article_6(store, sample_ru, tmp_path)
    crlens("consult", "report", "--round", "2", "--lang", "ru", "--out", tmp_path / "log.ru.md", db=store.url)
    log = (tmp_path / "log.ru.md").read_text(encoding="utf-8")
    entry = log.split(f"Рекомендация {changed} ")[1].split("### ")[0]
    assert ("дан на прежний текст и больше не определяет статус: версия 2 изменила предложение (повторный анализ "
            "по редакции проекта 2)") in entry


def test_the_consultation_log_names_the_decisions_a_new_draft_version_reopened(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    changed, _printed = answered_on_the_text_before_article_6(store, sample_ru, tmp_path)
    crlens("consult", "report", "--out", tmp_path / "log.md", db=store.url)
    drafts = (tmp_path / "log.md").read_text(encoding="utf-8").split("## Draft versions")[1].split("## ")[0]
    version_2 = next(line for line in drafts.splitlines() if line.startswith("- draft version 2"))
    assert version_2.endswith(f"decisions that no longer stand, as this version changed what they propose: "
                              f"{changed}")


# --- decided recommendations a new draft version changes --------------------------------------------------------


def form_ids(form: Path) -> list[str]:
    from openpyxl import load_workbook

    return [row[0] for row in load_workbook(str(form)).worksheets[0].iter_rows(min_row=2, values_only=True)]


def rejected_then_new_article_6(store: Store, sample_ru: Path, tmp_path: Path) -> tuple[dict[str, str], str]:
    """Aigerim rejects every recommendation in round 1, then a new draft version inserts an Article 6 on child
    sexual abuse material: each recommendation's target before, and what add-draft printed."""
    form = export(store, tmp_path / "round1.xlsx", 1)
    answer(store, form, tmp_path / "round1-aigerim.xlsx", 1, dict.fromkeys(form_ids(form), ("reject", "no")))
    before = {key: target(store, key) for key in form_ids(form)}
    v2 = draft_with_new_article_6(sample_ru, tmp_path / "v2.txt")
    printed = crlens("project", "add-draft", v2, db=store.url)
    return before, printed


def test_a_decided_recommendation_whose_proposal_a_new_draft_version_changes_asks_for_a_new_answer(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    before, _printed = rejected_then_new_article_6(store, sample_ru, tmp_path)
    # the engine now proposes its hotline paragraphs for the new Article 6, not for old Article 41 (new 42)
    moved = [key for key, was in before.items() if was == "art:41" and target(store, key) == "art:6"]
    assert moved
    assert {state(store, key) for key in moved} == {"revised"}


def test_add_draft_names_the_decided_recommendations_whose_proposal_changed(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    before, printed = rejected_then_new_article_6(store, sample_ru, tmp_path)
    reopened = [key for key in before if state(store, key) == "revised"]
    assert any(target(store, key) == "art:6" for key in reopened)
    assert f"whose proposal this version changed: {len(reopened)}" in " ".join(printed.split())
    for key in reopened:
        assert f"{key} (was rejected): {before[key]} -> {target(store, key)}" in printed


def test_a_decided_recommendation_a_new_draft_version_only_renumbers_keeps_its_decision(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    before, printed = rejected_then_new_article_6(store, sample_ru, tmp_path)
    assert (before["rec-001"], target(store, "rec-001")) == ("art:6", "art:7")
    assert state(store, "rec-001") == "rejected"
    assert "rec-001" not in printed.split("whose proposal this version changed")[1]


# --- what counts as the same proposal ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pseudonyms(sample_ru: Path) -> RecommendationData:
    """The sample's recommendation that Article 17 be supplemented with paragraphs 7 and on (children may use
    platforms under a pseudonym)."""
    from crlens.consult.project import review_draft
    from crlens.ingest import parse_file

    review = review_draft(parse_file(sample_ru))
    rec = next(r for r in review.recommendations if r.amendment.target == "art:17"
               and r.amendment.proposed_text.en.startswith("7. A child may use an online platform"))
    return rec


def changed(rec: RecommendationData, target: str | None = None, **texts: tuple[str, str]) -> RecommendationData:
    """The recommendation with its amendment's target and some words of its proposed texts (en, ru) replaced."""
    proposed = rec.amendment.proposed_text
    for lang, (old, new) in texts.items():
        assert old in getattr(proposed, lang)
        proposed = proposed.model_copy(update={lang: getattr(proposed, lang).replace(old, new)})
    amendment = rec.amendment.model_copy(update={"target": target or rec.amendment.target,
                                                 "proposed_text": proposed})
    return rec.model_copy(update={"amendment": amendment})


RENUMBERED = {"art:16": "art:17", "art:17": "art:18", "art:17.1": "art:18.1"}
"""A new draft version's map of provision ids in which Article 17 became Article 18."""


def test_a_proposal_that_follows_its_renumbered_article_is_the_same_proposal(
        pseudonyms: RecommendationData) -> None:
    from crlens.consult.project import same_proposal

    assert same_proposal(pseudonyms, changed(pseudonyms, "art:18"), RENUMBERED)


def test_a_supplement_whose_paragraphs_are_numbered_on_from_another_number_is_the_same_proposal(
        pseudonyms: RecommendationData) -> None:
    from crlens.consult.project import same_proposal

    # the new version's Article 18 has one paragraph fewer: the paragraphs it adds start at 6, not 7
    renumbered = changed(pseudonyms, "art:18", en=("7. A child", "6. A child"), ru=("7. ", "6. "))
    assert same_proposal(pseudonyms, renumbered, RENUMBERED)


def test_a_proposal_moved_to_another_article_is_another_proposal(pseudonyms: RecommendationData) -> None:
    from crlens.consult.project import same_proposal

    assert not same_proposal(pseudonyms, changed(pseudonyms, "art:6"), RENUMBERED)


def test_a_proposal_with_other_words_is_another_proposal(pseudonyms: RecommendationData) -> None:
    from crlens.consult.project import same_proposal

    reworded = changed(pseudonyms, "art:18", en=("A child may use", "A child over sixteen may use"))
    assert not same_proposal(pseudonyms, reworded, RENUMBERED)


def test_a_proposal_with_another_number_that_is_not_a_provisions_is_another_proposal(
        pseudonyms: RecommendationData) -> None:
    from crlens.consult.project import same_proposal

    aged = changed(pseudonyms, "art:18", en=("A child may use", "A child of 14 may use"))
    older = changed(pseudonyms, "art:18", en=("A child may use", "A child of 16 may use"))
    assert not same_proposal(aged, older, RENUMBERED)

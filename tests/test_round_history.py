"""The feedback form of a round after the first, on SQLite and PostgreSQL: next to each recommendation, a protected
column tells the ministry what happened before (each earlier round's answers: who, decision, the comment cut
short; the revisions since, with their version and reason; a new draft version that changed the proposal), in the
form's language. A first round's form stays as it was, and every form still imports: those with the column, and
those of a later round sent out before it existed."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from sqlalchemy import func, select

from consulting import (
    MOVED_TO_ARTICLE_6,
    answer_docx,
    answer_xlsx,
    draft_with_new_article_6,
    drop_excel_columns,
    drop_word_columns,
    key_of,
    word_column,
)
from crlens.consult.project import add_draft, find_project
from crlens.consult.revisions import Revision, confirm, revise
from crlens.consult.rounds import close_round, export_round, import_feedback
from crlens.store.database import Store
from crlens.store.models import Feedback

REASON = "Age threshold 16, as the ministry asked"
LONG = ("The Code on Children already covers the protection of children online in its chapter on information "
        "security, and the ministry sees no need for a second rule in the Digital Code; we would rather amend "
        "that chapter next year.")


def export(store: Store, path: Path, number: int, lang: str = "en") -> Path:
    with store.session() as session:
        export_round(session, find_project(session), number, path, lang)
    return path


def import_form(store: Store, path: Path, number: int, person: str) -> None:
    with store.session() as session:
        import_feedback(session, find_project(session), number, path, person)


def close(store: Store, number: int) -> None:
    with store.session() as session:
        close_round(find_project(session), number)


def round_one(store: Store, tmp_path: Path) -> None:
    """Round 1: Aigerim (Excel) rejects rec-001 with a long comment and asks a question on rec-003; Marat (Word)
    accepts rec-001 with a comment and answers rec-002 without one; rec-003 is then revised and the round closed.
    rec-004 gets no answer."""
    answer_xlsx(export(store, tmp_path / "r1.xlsx", 1), tmp_path / "r1-aigerim.xlsx",
                {"rec-001": ("reject", LONG), "rec-003": ("question", "Which age?")})
    answer_docx(export(store, tmp_path / "r1.ru.docx", 1, "ru"), tmp_path / "r1-marat.docx",
                {"rec-001": ("принять", "Согласны."), "rec-002": ("принять", "")})
    import_form(store, tmp_path / "r1-aigerim.xlsx", 1, "Aigerim S.")
    import_form(store, tmp_path / "r1-marat.docx", 1, "Marat K.")
    with store.session() as session:
        revise(find_project(session), Revision(id="rec-003", field="proposed", text="Sixteen years.",
                                               reason=REASON), "Reviewer")
    close(store, 1)


def excel_history(path: Path) -> dict[str, str]:
    ws = load_workbook(str(path)).worksheets[0]
    headings = [cell.value for cell in ws[1]]
    at = headings.index("Предыдущие раунды" if "Решение" in headings else "Earlier rounds")
    return {row[0]: row[at] or "" for row in ws.iter_rows(min_row=2, values_only=True)}


def word_history(path: Path) -> dict[str, str]:
    table = Document(str(path)).tables[0]
    at = word_column(table, "history")
    return {row.cells[0].text: row.cells[at].text for row in table.rows[1:]}


def feedback_rows(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Feedback)) or 0


# --- what the form tells --------------------------------------------------------------------------------------


def test_a_first_rounds_form_has_no_history_column(store: Store, tmp_path: Path) -> None:
    ws = load_workbook(str(export(store, tmp_path / "r1.xlsx", 1))).worksheets[0]
    assert [cell.value for cell in ws[1]][-3:] == ["Priority", "Decision", "Comment"]
    table = Document(str(export(store, tmp_path / "r1.docx", 1))).tables[0]
    assert [cell.text for cell in table.rows[0].cells][-3:] == ["Proposed text", "Decision", "Comment"]


def test_a_later_rounds_form_names_who_answered_each_recommendation_and_their_decision(
        store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    history = excel_history(export(store, tmp_path / "r2.xlsx", 2))
    assert history["rec-002"] == "Round 1, Marat K.: accept"
    assert history["rec-001"].splitlines()[1] == "Round 1, Marat K.: accept: “Согласны.”"


def test_a_later_rounds_form_cuts_a_long_comment_short(store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    first = excel_history(export(store, tmp_path / "r2.xlsx", 2))["rec-001"].splitlines()[0]
    assert first.startswith("Round 1, Aigerim S.: reject: “The Code on Children already covers the protection")
    assert first.endswith("…”") and len(first) < len(LONG)


def test_a_later_rounds_form_says_a_recommendation_was_revised_after_a_round_and_why(
        store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    history = excel_history(export(store, tmp_path / "r2.xlsx", 2))
    assert history["rec-003"] == ("Round 1, Aigerim S.: question: “Which age?”\n"
                                  f"Revised after round 1 (version 2): {REASON}")
    assert "Revised" not in history["rec-001"]


def test_a_later_rounds_form_says_nobody_answered_a_recommendation(store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    assert excel_history(export(store, tmp_path / "r2.xlsx", 2))["rec-004"] == "Round 1: no answer."


def test_a_later_rounds_russian_word_form_tells_the_history_in_russian(store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    history = word_history(export(store, tmp_path / "r2.ru.docx", 2, "ru"))
    assert history["rec-003"] == ("Раунд 1, Aigerim S.: вопрос: «Which age?»\n"
                                  f"Пересмотрена после раунда 1 (версия 2): {REASON}")
    assert history["rec-002"] == "Раунд 1, Marat K.: принять"
    assert history["rec-004"] == "Раунд 1: ответов не было."


def test_a_later_rounds_form_says_an_answer_gave_no_decision(store: Store, tmp_path: Path) -> None:
    answer_xlsx(export(store, tmp_path / "r1.xlsx", 1), tmp_path / "a.xlsx",
                {"rec-005": ("", "Adding a clarification.")})
    import_form(store, tmp_path / "a.xlsx", 1, "Dana")
    close(store, 1)
    history = excel_history(export(store, tmp_path / "r2.xlsx", 2))
    assert history["rec-005"] == "Round 1, Dana: no decision: “Adding a clarification.”"


def test_a_confirmation_is_not_told_as_a_revision(store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    with store.session() as session:
        confirm(find_project(session), "rec-003", "proposed", "ru", "Reviewer")
    history = excel_history(export(store, tmp_path / "r2.xlsx", 2))["rec-003"]
    assert history.count("Revised") == 1 and "version 3" not in history


def test_a_later_rounds_form_says_a_new_draft_version_changed_the_proposal(
        store: Store, sample_ru: Path, tmp_path: Path) -> None:
    """The paragraphs of a recommendation on old Article 41 move to a new Article 6 that the second draft version
    inserts."""
    moved = key_of(sample_ru, MOVED_TO_ARTICLE_6)
    answer_xlsx(export(store, tmp_path / "r1.xlsx", 1), tmp_path / "a.xlsx", {moved: ("reject", "not now")})
    import_form(store, tmp_path / "a.xlsx", 1, "Aigerim")
    close(store, 1)
    with store.session() as session:
        added = add_draft(session, find_project(session), draft_with_new_article_6(sample_ru, tmp_path / "v2.txt"),
                          "Reviewer")
    history = excel_history(export(store, tmp_path / "r2.xlsx", 2))
    assert history[moved] == ("Round 1, Aigerim: reject: “not now”\nChanged with draft version 2 (version 2): "
                                  "the new draft's text changed what it proposes")
    assert "Changed" not in history["rec-001"]  # Article 6 became Article 7: a renumbering, not a change
    for key in added.recommendations_new:
        assert history[key] == "New with draft version 2: a gap found in that version"


# --- protected, and importable ----------------------------------------------------------------------------------


def test_the_history_column_is_protected_in_excel_and_read_only_in_word(store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    ws = load_workbook(str(export(store, tmp_path / "r2.xlsx", 2))).worksheets[0]
    headings = [cell.value for cell in ws[1]]
    assert headings[-3:] == ["Earlier rounds", "Decision", "Comment"]
    assert ws.protection.sheet and ws.cell(row=2, column=len(headings) - 2).protection.locked
    assert not ws.cell(row=2, column=len(headings) - 1).protection.locked
    assert any(f"{ws.cell(row=1, column=len(headings) - 1).column_letter}2:" in str(dv.sqref)
               for dv in ws.data_validations.dataValidation)
    table = Document(str(export(store, tmp_path / "r2.docx", 2))).tables[0]
    editable = {at for row in table.rows[1:] for at, cell in enumerate(row.cells)
                if cell._tc.findall(f".//{qn('w:permStart')}")}
    assert editable == {word_column(table, "decision"), word_column(table, "comment")}


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_later_rounds_form_with_its_history_is_imported(suffix: str, store: Store, tmp_path: Path) -> None:
    round_one(store, tmp_path)
    form = export(store, tmp_path / f"r2{suffix}", 2)
    answer = answer_xlsx if suffix == ".xlsx" else answer_docx
    answered = answer(form, tmp_path / f"a{suffix}", {"rec-003": ("accept", "Sixteen is right.")})
    before = feedback_rows(store)
    import_form(store, answered, 2, "Aigerim S.")
    import_form(store, answered, 2, "Aigerim S.")
    assert feedback_rows(store) == before + 1


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_a_later_rounds_form_sent_out_before_the_history_column_is_imported(suffix: str, store: Store,
                                                                            tmp_path: Path) -> None:
    round_one(store, tmp_path)
    form = export(store, tmp_path / f"r2{suffix}", 2)
    drop = drop_excel_columns if suffix == ".xlsx" else drop_word_columns
    earlier_layout = drop(form, tmp_path / f"r2-earlier{suffix}", ("history",))
    answer = answer_xlsx if suffix == ".xlsx" else answer_docx
    answered = answer(earlier_layout, tmp_path / f"a{suffix}", {"rec-003": ("accept", "Sixteen is right.")})
    before = feedback_rows(store)
    import_form(store, answered, 2, "Aigerim S.")
    assert feedback_rows(store) == before + 1
